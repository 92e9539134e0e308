package storefront_test

// Benchmarks of the SDK against a hand-written net/http + encoding/json
// baseline, on a loopback server that answers with canned bodies, so that
// the difference is the SDK's own cost. `make bench` runs them with
// -count and prints the ratios (internal/cmd/benchtable).

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront"
)

// benchToken is a JWT-shaped token with the API's claims, expiring in exp.
func benchToken(claims map[string]any, exp time.Duration) string {
	c := map[string]any{"iat": time.Now().Unix(), "exp": time.Now().Add(exp).Unix(), "store_id": "store-1"}
	for k, v := range claims {
		c[k] = v
	}
	p, _ := json.Marshal(c)
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc.EncodeToString(p) + "." + enc.EncodeToString(bytes.Repeat([]byte{7}, 32))
}

var (
	benchUserID = "01JDB1Y8ZK5Q4M3N2P1R0S9T8V"
	benchAccess = benchToken(map[string]any{"ulid": benchUserID, "is_logged_in": true, "is_anonymous": false,
		"customer_id": "01JDB2C4V6N8Q0S2U4W6Y8A0C2", "email": "asha.rao@example.com", "phone": "9876543210"}, time.Hour)
	benchRefresh = benchToken(map[string]any{"ulid": benchUserID, "token_type": "refresh"}, 30*24*time.Hour)
	benchAnon    = benchToken(map[string]any{"ulid": benchUserID, "is_anonymous": true, "is_logged_in": false}, time.Hour)
)

func benchUser() map[string]any {
	prefs := map[string]any{"email": true, "sms": true, "whatsapp": false}
	return map[string]any{
		"id": benchUserID, "first_name": "Asha", "last_name": "Rao", "email": "asha.rao@example.com",
		"is_email_verified": true, "phone": "9876543210", "country_code": "+91", "is_phone_verified": true,
		"profile_image_url": nil, "is_anonymous": false, "is_logged_in": true, "login_methods": []string{"phone", "password"},
		"notification_preferences": map[string]any{"transactional": prefs, "promotional": prefs, "newsletter": prefs},
		"created_at":               "2026-11-20T08:00:00Z", "modified_at": "2026-11-23T09:31:12Z",
		"customer_id": "01JDB2C4V6N8Q0S2U4W6Y8A0C2", "customer_group_id": nil, "customer_group": nil, "business": nil,
	}
}

// cannedAPI answers get-user-detail, login-with-password, update-cart and
// refresh-token with fixed, spec-conforming bodies.
type cannedAPI struct {
	srv       *httptest.Server
	refreshes atomic.Int64
	delay     time.Duration // added to refresh-token, to model a round trip
}

func newCannedAPI(b testing.TB) *cannedAPI {
	b.Helper()
	must := func(v any) []byte {
		out, err := json.Marshal(v)
		if err != nil {
			b.Fatal(err)
		}
		return out
	}
	userBody := must(map[string]any{"message": "ok", "success": true, "content": map[string]any{"user": benchUser()}})
	loginBody := must(map[string]any{"message": "ok", "success": true, "content": map[string]any{
		"user": benchUser(), "access_token": benchAccess, "refresh_token": benchRefresh}})
	cartBody, err := os.ReadFile(filepath.Join("testdata", "cart-update.json")) // the fake server's answer to update-cart
	if err != nil {
		b.Fatal(err)
	}
	a := &cannedAPI{}
	mux := http.NewServeMux()
	write := func(w http.ResponseWriter, body []byte) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		_, _ = w.Write(body)
	}
	mux.HandleFunc("GET /api/v1/store-1/storefront/auth/user/{id}", func(w http.ResponseWriter, r *http.Request) { write(w, userBody) })
	mux.HandleFunc("POST /api/v1/store-1/storefront/auth/login/password", func(w http.ResponseWriter, r *http.Request) {
		_, _ = r.Body.Read(make([]byte, 512))
		write(w, loginBody)
	})
	mux.HandleFunc("POST /api/v1/store-1/storefront/carts/{id}/items", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		write(w, cartBody)
	})
	mux.HandleFunc("POST /api/v1/store-1/storefront/auth/refresh-token", func(w http.ResponseWriter, r *http.Request) {
		a.refreshes.Add(1)
		time.Sleep(a.delay)
		// A freshly issued pair, as the API answers: its iat is now (the
		// session reads the API's clock from it).
		write(w, must(map[string]any{"message": "ok", "success": true, "content": map[string]any{
			"access_token":  benchToken(map[string]any{"ulid": benchUserID, "is_logged_in": true, "is_anonymous": false}, time.Hour),
			"refresh_token": benchRefresh}}))
	})
	a.srv = httptest.NewServer(mux)
	b.Cleanup(a.srv.Close)
	return a
}

func (a *cannedAPI) base() string { return a.srv.URL + "/api/v1/store-1/storefront" }

// benchTransport is the transport both sides use: the SDK's default
// settings, so the comparison is of the code, not of connection pooling.
func benchTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 256, 128
	return t
}

func (a *cannedAPI) client(b testing.TB, rt http.RoundTripper) *storefront.Client {
	b.Helper()
	c, err := storefront.New("store-1", storefront.WithBaseURL(a.srv.URL), storefront.WithAPIKey("bench-key"),
		storefront.WithHTTPClient(&http.Client{Transport: rt}))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// userEnvelope and loginEnvelope are what a hand-written client decodes.
type userEnvelope struct {
	Message string          `json:"message"`
	Success bool            `json:"success"`
	Content gen.UserContent `json:"content"`
}

type loginEnvelope struct {
	Message string              `json:"message"`
	Success bool                `json:"success"`
	Content gen.UserAuthContent `json:"content"`
}

// bareGetUser is the baseline: the same request, written by hand.
func bareGetUser(ctx context.Context, hc *http.Client, base, token, id string) (*gen.User, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/auth/user/"+id, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var env userEnvelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return nil, err
	}
	return &env.Content.User, nil
}

func bareLogin(ctx context.Context, hc *http.Client, base, token, phone, password string) (*loginEnvelope, error) {
	body, err := json.Marshal(gen.LoginWithPasswordPhone{Phone: phone, Password: password})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/auth/login/password", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var env loginEnvelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return nil, err
	}
	return &env, nil
}

// benchCartID is the cart of testdata/cart-update.json.
const benchCartID = "01M8S2HMYQX0DDAK3TSK6ATWQ7"

type cartEnvelope struct {
	Message string                `json:"message"`
	Success bool                  `json:"success"`
	Content gen.UpdateCartContent `json:"content"`
}

// bareUpdateCart is the baseline of update-cart: the same request, with
// gen's types, written by hand.
func bareUpdateCart(ctx context.Context, hc *http.Client, base, token, cartID string, item gen.UpdateCartItem) (*gen.Cart, error) {
	body, err := json.Marshal(item)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/carts/"+cartID+"/items", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var env cartEnvelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return nil, err
	}
	return &env.Content.Cart, nil
}

var benchCartItem = gen.UpdateCartItem{ProductID: "classic-ceramic-mug", VariantID: ptrTo("classic-ceramic-mug-ivory"), Quantity: decimal.NewFromInt(2)}

// BenchmarkUpdateCart compares update-cart (a cart of two items, priced,
// as the fake server answers it): bare net/http with gen's types, the SDK,
// and the SDK through the api validating transport.
func BenchmarkUpdateCart(b *testing.B) {
	a := newCannedAPI(b)
	ctx := context.Background()
	check := func(c *gen.Cart, err error) {
		if err != nil || c.ID != benchCartID || len(c.CartItems) != 2 {
			b.Fatal(err)
		}
	}
	b.Run("bare", func(b *testing.B) {
		hc := &http.Client{Transport: benchTransport(), Timeout: storefront.DefaultTimeout}
		b.ReportAllocs()
		for b.Loop() {
			check(bareUpdateCart(ctx, hc, a.base(), benchAccess, benchCartID, benchCartItem))
		}
	})
	for _, name := range []string{"sdk", "sdk-validated"} {
		b.Run(name, func(b *testing.B) {
			var rt http.RoundTripper = benchTransport()
			if name == "sdk-validated" {
				rt = api.NewTransport(rt, api.Strict)
			}
			sess := a.client(b, rt).NewManualSession(storefront.Tokens{AccessToken: benchAccess, RefreshToken: benchRefresh})
			b.ReportAllocs()
			for b.Loop() {
				c, err := sess.Cart.UpdateCart(ctx, benchCartID, benchCartItem)
				if err != nil {
					b.Fatal(err)
				}
				check(&c.Cart, nil)
			}
		})
	}
}

// BenchmarkGetUser compares get-user-detail with a valid token: a bare
// net/http call, the SDK, and the SDK through the api validating transport.
func BenchmarkGetUser(b *testing.B) {
	a := newCannedAPI(b)
	ctx := context.Background()
	b.Run("bare", func(b *testing.B) {
		hc := &http.Client{Transport: benchTransport(), Timeout: storefront.DefaultTimeout}
		b.ReportAllocs()
		for b.Loop() {
			u, err := bareGetUser(ctx, hc, a.base(), benchAccess, benchUserID)
			if err != nil || u.ID != benchUserID {
				b.Fatal(err)
			}
		}
	})
	b.Run("sdk", func(b *testing.B) {
		sess := a.client(b, benchTransport()).NewManualSession(storefront.Tokens{AccessToken: benchAccess, RefreshToken: benchRefresh})
		b.ReportAllocs()
		for b.Loop() {
			u, err := sess.Auth.GetUser(ctx, benchUserID)
			if err != nil || u.ID != benchUserID {
				b.Fatal(err)
			}
		}
	})
	b.Run("sdk-validated", func(b *testing.B) {
		vt := api.NewTransport(benchTransport(), api.Strict)
		sess := a.client(b, vt).NewManualSession(storefront.Tokens{AccessToken: benchAccess, RefreshToken: benchRefresh})
		b.ReportAllocs()
		for b.Loop() {
			u, err := sess.Auth.GetUser(ctx, benchUserID)
			if err != nil || u.ID != benchUserID {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLoginWithPassword compares login-with-password (phone and
// password), the SDK saving the returned pair to its store each time.
func BenchmarkLoginWithPassword(b *testing.B) {
	a := newCannedAPI(b)
	ctx := context.Background()
	b.Run("bare", func(b *testing.B) {
		hc := &http.Client{Transport: benchTransport(), Timeout: storefront.DefaultTimeout}
		b.ReportAllocs()
		for b.Loop() {
			env, err := bareLogin(ctx, hc, a.base(), benchAnon, "9876543210", "correct-horse")
			if err != nil || env.Content.AccessToken == "" {
				b.Fatal(err)
			}
		}
	})
	b.Run("sdk", func(b *testing.B) {
		sess := a.client(b, benchTransport()).NewManualSession(storefront.Tokens{AccessToken: benchAnon})
		p := storefront.LoginWithPasswordParams{Phone: "9876543210", Password: "correct-horse"}
		b.ReportAllocs()
		for b.Loop() {
			res, err := sess.Auth.LoginWithPassword(ctx, p)
			if err != nil || res.AccessToken == "" {
				b.Fatal(err)
			}
		}
	})
	b.Run("sdk-validated", func(b *testing.B) {
		vt := api.NewTransport(benchTransport(), api.Strict)
		sess := a.client(b, vt).NewManualSession(storefront.Tokens{AccessToken: benchAnon})
		p := storefront.LoginWithPasswordParams{Phone: "9876543210", Password: "correct-horse"}
		b.ReportAllocs()
		for b.Loop() {
			res, err := sess.Auth.LoginWithPassword(ctx, p)
			if err != nil || res.AccessToken == "" {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRefreshStorm starts 1,000 goroutines on a session whose token
// is about to expire, once per iteration. It reports the refresh requests
// per storm (must be 1), the slowest caller's wait, and that wait divided by
// one refresh round trip measured alone in the same run.
func BenchmarkRefreshStorm(b *testing.B) {
	const callers = 1000
	a := newCannedAPI(b)
	a.delay = 2 * time.Millisecond // a refresh round trip of a few ms, like a nearby API
	ctx := context.Background()
	c := a.client(b, benchTransport())
	// Each storm gets a pair of its own: the client remembers a pair's
	// renewal for its grace window, and would adopt it instead of
	// refreshing the same pair again.
	pairs := 0
	expiringPair := func() storefront.Tokens {
		pairs++
		return storefront.Tokens{
			AccessToken:  benchToken(map[string]any{"ulid": benchUserID, "is_logged_in": true, "n": pairs}, 10*time.Second),
			RefreshToken: benchToken(map[string]any{"ulid": benchUserID, "token_type": "refresh", "n": pairs}, 24*time.Hour),
		}
	}

	// One refresh round trip alone, for scale.
	var single []time.Duration
	for range 20 {
		sess := c.NewSession(nil)
		_ = sess.SetTokens(ctx, expiringPair())
		t0 := time.Now()
		if _, err := sess.AccessToken(ctx); err != nil {
			b.Fatal(err)
		}
		single = append(single, time.Since(t0))
	}
	roundTrip := median(single)

	a.refreshes.Store(0)
	var slowest []time.Duration
	for b.Loop() {
		sess := c.NewSession(nil)
		_ = sess.SetTokens(ctx, expiringPair())
		var wg sync.WaitGroup
		var start sync.WaitGroup
		start.Add(1)
		waits := make([]time.Duration, callers)
		for i := range callers {
			wg.Go(func() {
				start.Wait()
				t0 := time.Now()
				if _, err := sess.AccessToken(ctx); err != nil {
					b.Error(err)
				}
				waits[i] = time.Since(t0)
			})
		}
		start.Done()
		wg.Wait()
		slowest = append(slowest, maxDuration(waits))
	}
	n := float64(b.N)
	b.ReportMetric(float64(a.refreshes.Load())/n, "refreshes/storm")
	b.ReportMetric(float64(median(slowest).Microseconds()), "slowest-µs")
	b.ReportMetric(float64(roundTrip.Microseconds()), "roundtrip-µs")
	b.ReportMetric(float64(median(slowest))/float64(roundTrip), "slowest/roundtrip")
}

func median(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func maxDuration(d []time.Duration) time.Duration {
	var m time.Duration
	for _, x := range d {
		m = max(m, x)
	}
	return m
}

// BenchmarkManyShoppers holds 10,000 idle sessions on one client and
// reports the memory each costs (tokens included), then measures
// throughput with 64 concurrent callers picking sessions at random.
func BenchmarkManyShoppers(b *testing.B) {
	const shoppers = 10_000
	a := newCannedAPI(b)
	ctx := context.Background()
	c := a.client(b, benchTransport())

	// Distinct tokens per shopper, made before measuring.
	toks := make([]storefront.Tokens, shoppers)
	for i := range toks {
		toks[i] = storefront.Tokens{
			AccessToken:  benchToken(map[string]any{"ulid": fmt.Sprintf("user-%06d", i), "is_logged_in": true}, time.Hour),
			RefreshToken: benchToken(map[string]any{"ulid": fmt.Sprintf("user-%06d", i), "token_type": "refresh"}, 24*time.Hour),
		}
	}
	tokenBytes := 0
	for _, t := range toks {
		tokenBytes += len(t.AccessToken) + len(t.RefreshToken)
	}
	before := heapInUse()
	sessions := make([]*storefront.Session, shoppers)
	for i := range sessions {
		sessions[i] = c.NewSession(storefront.NewMemoryStore())
		_ = sessions[i].SetTokens(ctx, toks[i])
	}
	perSession := float64(heapInUse()-before) / shoppers

	b.SetParallelism(32) // 32 × GOMAXPROCS(2) = 64 goroutines on this machine
	var next atomic.Int64
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := int(next.Add(7919)) % shoppers // spread over every session
			if _, err := sessions[i].Auth.GetUser(ctx, benchUserID); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
	b.ReportMetric(perSession, "B/idle-session")
	b.ReportMetric(float64(tokenBytes)/shoppers, "token-B/session")
	runtime.KeepAlive(sessions)
	runtime.KeepAlive(toks)
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkPaired times two ways of making the same call alternately in
// one loop — the order flipping each iteration — and reports the median of
// each and their ratio. Machine noise (the in-process server, GC, the other
// core's load) then hits both sides alike, which separate sub-benchmarks
// cannot promise on a small machine. Allocations come from the
// sub-benchmarks of BenchmarkGetUser, BenchmarkLoginWithPassword and
// BenchmarkUpdateCart.
func BenchmarkPaired(b *testing.B) {
	a := newCannedAPI(b)
	ctx := context.Background()
	hc := &http.Client{Transport: benchTransport(), Timeout: storefront.DefaultTimeout}
	getSDK := a.client(b, benchTransport()).NewManualSession(storefront.Tokens{AccessToken: benchAccess, RefreshToken: benchRefresh})
	getVal := a.client(b, api.NewTransport(benchTransport(), api.Strict)).NewManualSession(storefront.Tokens{AccessToken: benchAccess, RefreshToken: benchRefresh})
	loginSDK := a.client(b, benchTransport()).NewManualSession(storefront.Tokens{AccessToken: benchAnon})
	loginVal := a.client(b, api.NewTransport(benchTransport(), api.Strict)).NewManualSession(storefront.Tokens{AccessToken: benchAnon})
	p := storefront.LoginWithPasswordParams{Phone: "9876543210", Password: "correct-horse"}

	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	bareGet := func() { _, err := bareGetUser(ctx, hc, a.base(), benchAccess, benchUserID); must(err) }
	sdkGet := func() { _, err := getSDK.Auth.GetUser(ctx, benchUserID); must(err) }
	valGet := func() { _, err := getVal.Auth.GetUser(ctx, benchUserID); must(err) }
	bareLog := func() { _, err := bareLogin(ctx, hc, a.base(), benchAnon, p.Phone, p.Password); must(err) }
	sdkLog := func() { _, err := loginSDK.Auth.LoginWithPassword(ctx, p); must(err) }
	valLog := func() { _, err := loginVal.Auth.LoginWithPassword(ctx, p); must(err) }
	bareCart := func() {
		_, err := bareUpdateCart(ctx, hc, a.base(), benchAccess, benchCartID, benchCartItem)
		must(err)
	}
	sdkCart := func() { _, err := getSDK.Cart.UpdateCart(ctx, benchCartID, benchCartItem); must(err) }
	valCart := func() { _, err := getVal.Cart.UpdateCart(ctx, benchCartID, benchCartItem); must(err) }

	pairs := []struct {
		name, baseUnit, testUnit string
		base, test               func()
	}{
		{"GetUser/sdk-vs-bare", "bare", "sdk", bareGet, sdkGet},
		{"GetUser/validated-vs-sdk", "sdk", "validated", sdkGet, valGet},
		{"LoginWithPassword/sdk-vs-bare", "bare", "sdk", bareLog, sdkLog},
		{"LoginWithPassword/validated-vs-sdk", "sdk", "validated", sdkLog, valLog},
		{"UpdateCart/sdk-vs-bare", "bare", "sdk", bareCart, sdkCart},
		{"UpdateCart/validated-vs-sdk", "sdk", "validated", sdkCart, valCart},
	}
	for _, pr := range pairs {
		b.Run(pr.name, func(b *testing.B) {
			var base, test []time.Duration
			timeIt := func(f func()) time.Duration {
				t0 := time.Now()
				f()
				return time.Since(t0)
			}
			flip := false
			for b.Loop() {
				if flip {
					test = append(test, timeIt(pr.test))
					base = append(base, timeIt(pr.base))
				} else {
					base = append(base, timeIt(pr.base))
					test = append(test, timeIt(pr.test))
				}
				flip = !flip
			}
			mb, mt := median(base), median(test)
			b.ReportMetric(float64(mb.Nanoseconds()), pr.baseUnit+"-ns/call")
			b.ReportMetric(float64(mt.Nanoseconds()), pr.testUnit+"-ns/call")
			b.ReportMetric(float64(mt)/float64(mb), "ratio")
		})
	}
}
