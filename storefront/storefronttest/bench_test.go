package storefronttest_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The benchmarks call the handler in process, so they measure the server
// (validation, credentials, tokens) rather than the loopback network.

func BenchmarkAnonymous(b *testing.B) {
	srv := storefronttest.New()
	h := srv.Handler()
	url := srv.BaseURL() + "/auth/anonymous"
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodPost, url, nil)
			req.Header.Set("X-Api-Key", srv.APIKey())
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
	})
	b.ReportMetric(float64(srv.Stats().Sessions), "sessions")
}

func BenchmarkGetUserDetail(b *testing.B) {
	srv := storefronttest.New()
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Phone: "9876543210"})
	if err != nil {
		b.Fatal(err)
	}
	access, _, err := srv.IssueTokens(info.ID)
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	url := srv.BaseURL() + "/auth/user/" + info.ID
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodGet, url, nil)
			req.Header.Set("Authorization", "Bearer "+access)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
	})
}

// BenchmarkFakeUpdateCart is update-cart in process: each goroutine is a
// visitor with a cart of one item whose quantity it sets, the server
// pricing the cart (promotions, tax, delivery estimate) each time.
func BenchmarkFakeUpdateCart(b *testing.B) {
	srv := storefronttest.New()
	h := srv.Handler()
	do := func(method, url, token, body string) []byte {
		req := httptest.NewRequest(method, url, bytes.NewReader([]byte(body)))
		req.Header.Set("X-Api-Key", srv.APIKey())
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s %s: status %d: %s", method, url, rec.Code, rec.Body)
		}
		return rec.Body.Bytes()
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var anon struct {
			Content struct {
				AccessToken string `json:"access_token"`
			} `json:"content"`
		}
		if err := json.Unmarshal(do(http.MethodPost, srv.BaseURL()+"/auth/anonymous", "", ""), &anon); err != nil {
			b.Fatal(err)
		}
		token := anon.Content.AccessToken
		var ct struct {
			Content struct {
				Cart struct{ ID string } `json:"cart"`
			} `json:"content"`
		}
		if err := json.Unmarshal(do(http.MethodPost, srv.BaseURL()+"/carts", token, `{"items":[{"product_id":"masala-chai-blend","variant_id":null,"quantity":1}]}`), &ct); err != nil {
			b.Fatal(err)
		}
		url := srv.BaseURL() + "/carts/" + ct.Content.Cart.ID + "/items"
		n := 0
		for pb.Next() {
			n++
			do(http.MethodPost, url, token, `{"product_id":"masala-chai-blend","variant_id":null,"quantity":`+strconv.Itoa(n%5+1)+`}`)
		}
	})
}

// BenchmarkMemory100kSessions measures the server's heap after 100,000
// anonymous sessions (get-anonymous-token), after 100,000 sessions that were
// refreshed once (a refresh gives a session a record, for rotation), and
// after the clock passes those sessions' expiry, when the next write sweeps
// the records away. Tokens are dropped by the caller as it goes.
func BenchmarkMemory100kSessions(b *testing.B) {
	const n = 100_000
	for b.Loop() {
		srv := storefronttest.New(storefronttest.WithFrozenClock(), storefronttest.WithRefreshTTL(time.Hour))
		h := srv.Handler()
		anonymous := func() string {
			req := httptest.NewRequest(http.MethodPost, srv.BaseURL()+"/auth/anonymous", nil)
			req.Header.Set("X-Api-Key", srv.APIKey())
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var out genserver.GetAnonymousToken200JSONResponse
			if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &out) != nil {
				b.Fatalf("anonymous: status %d", rec.Code)
			}
			return out.Content.RefreshToken
		}
		refresh := func(rt string) {
			body, _ := json.Marshal(gen.RefreshTokenJSONRequestBody{RefreshToken: rt})
			req := httptest.NewRequest(http.MethodPost, srv.BaseURL()+"/auth/refresh-token", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("refresh: status %d: %s", rec.Code, rec.Body)
			}
		}

		base := heapBytes()
		for range n {
			anonymous()
		}
		afterAnonymous := heapBytes()
		recordsAnonymous := srv.Stats().Sessions

		for range n {
			refresh(anonymous())
		}
		afterRefresh := heapBytes()
		recordsRefreshed := srv.Stats().Sessions

		srv.Advance(2 * time.Hour) // every token of those sessions has expired
		refresh(anonymous())       // a write: the lazy sweep runs
		afterExpiry := heapBytes()
		recordsAfterExpiry := srv.Stats().Sessions

		b.ReportMetric(float64(recordsAnonymous), "records-after-100k-anonymous")
		b.ReportMetric(float64(int64(afterAnonymous)-int64(base))/n, "heap-B/anonymous-session")
		b.ReportMetric(float64(recordsRefreshed), "records-after-100k-refreshed")
		b.ReportMetric(float64(int64(afterRefresh)-int64(afterAnonymous))/n, "heap-B/refreshed-session")
		b.ReportMetric(float64(recordsAfterExpiry), "records-after-expiry")
		b.ReportMetric(float64(int64(afterExpiry)-int64(base))/1024, "heap-KiB-retained-after-expiry")
		runtime.KeepAlive(srv)
	}
}

func heapBytes() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkNew measures making a server, the seeded shop included: every
// test that makes a server pays it.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = storefronttest.New()
	}
}

// BenchmarkListProducts100 measures one list-products page of 100
// products with the API key, validation and encoding included.
func BenchmarkListProducts100(b *testing.B) {
	srv := storefronttest.New()
	for i := range 100 - 28 {
		if _, err := srv.AddProduct(storefronttest.ProductInput{Name: "Bench product " + strconv.Itoa(i), Price: decimal.NewFromInt(int64(100 + i)),
			Categories: []string{"accessories"}, Tags: []string{"bench"}}); err != nil {
			b.Fatal(err)
		}
	}
	h := srv.Handler()
	url := srv.BaseURL() + "/catalog/products?limit=100"
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodGet, url, nil)
			req.Header.Set("X-Api-Key", srv.APIKey())
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
	})
}
