package storefront_test

// The rules of sessions shared across requests and processes, each tested
// against the fake server, whose refresh tokens are single-use: a second
// refresh of one pair is refused, as the real API may refuse it.

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// shopperEnv is a fake server with a frozen clock, a registered shopper
// and a logged-in pair for them.
type shopperEnv struct {
	srv    *storefronttest.Server
	userID string
	email  string
	pw     string
	pair   storefront.Tokens
	logs   *logBuffer
}

func newShopperEnv(t *testing.T, opts ...storefronttest.Option) *shopperEnv {
	t.Helper()
	srv := storefronttest.NewServer(append([]storefronttest.Option{storefronttest.WithFrozenClock()}, opts...)...)
	t.Cleanup(srv.Close)
	e := &shopperEnv{srv: srv, email: "asha@example.com", pw: "correct-horse-battery", logs: &logBuffer{}}
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: e.email, Phone: "9876543210", Password: e.pw})
	require.NoError(t, err)
	e.userID = info.ID
	access, refresh, err := srv.IssueTokens(info.ID)
	require.NoError(t, err)
	e.pair = storefront.Tokens{AccessToken: access, RefreshToken: refresh}
	return e
}

// client is a client of the server on its clock, with quick retries.
func (e *shopperEnv) client(t *testing.T, opts ...storefront.Option) *storefront.Client {
	t.Helper()
	base := []storefront.Option{
		storefront.WithAPIKey(e.srv.APIKey()), storefront.WithBaseURL(e.srv.BaseURL()),
		storefront.WithClock(e.srv.Now), storefront.WithRetryPolicy(faultRetryPolicy),
		storefront.WithLogger(e.logs.logger()),
	}
	c, err := storefront.New(e.srv.StoreID(), append(base, opts...)...)
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// logBuffer collects the client's log, debug level included.
type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// storeWith returns a MemoryStore holding t.
func storeWith(t *testing.T, tk storefront.Tokens) *storefront.MemoryStore {
	s := storefront.NewMemoryStore()
	require.NoError(t, s.Save(context.Background(), tk))
	return s
}

func loadOf(t *testing.T, s storefront.TokenStore) storefront.Tokens {
	t.Helper()
	tk, err := s.Load(context.Background())
	require.NoError(t, err)
	return tk
}

// Rule 1: 8 per-request sessions over 8 stores holding one pair, right
// after it expires: exactly one refresh, 8 successes, the same new pair in
// all 8 stores; a 9th session arriving later with the old pair refreshes
// nothing more.
func TestRule1OneRefreshAcrossSessionsOfAClient(t *testing.T) {
	e := newShopperEnv(t)
	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	// The refresh takes a while, so that every request is waiting on it.
	e.srv.InjectFault(storefronttest.OpRefreshToken, slowOnce(50*time.Millisecond))

	const n = 8
	stores := make([]*storefront.MemoryStore, n)
	errs := make([]error, n)
	var start, wg sync.WaitGroup
	start.Add(1)
	for i := range n {
		stores[i] = storeWith(t, e.pair)
		wg.Go(func() {
			start.Wait()
			sess := c.NewSession(stores[i]) // one per request, as a web back end builds them
			_, errs[i] = sess.Auth.GetUser(context.Background(), e.userID)
		})
	}
	start.Done()
	wg.Wait()
	for i, err := range errs {
		assert.NoError(t, err, "request %d", i)
	}
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken), "one refresh for %d sessions", n)
	first := loadOf(t, stores[0])
	assert.NotEqual(t, e.pair, first)
	for i, s := range stores {
		assert.Equal(t, first, loadOf(t, s), "store %d holds the new pair", i)
	}

	// A ninth request, a moment later, still carries the old pair.
	late := storeWith(t, e.pair)
	_, err := c.NewSession(late).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken), "the late request adopts the renewal")
	assert.Equal(t, first, loadOf(t, late))
	assert.Zero(t, e.srv.Calls(storefronttest.OpGetAnonymousToken))
}

// slowOnce delays the next answer of an operation by d.
func slowOnce(d time.Duration) storefronttest.Fault {
	return storefronttest.Fault{Latency: d, Times: 1}
}

// Rule 1: the refusal is shared too, for the grace window: sessions holding
// a pair the API refused do not send it again, and each clears its own
// store (it holds the refused pair).
func TestRule1RefusalIsSharedAndClearsEachStore(t *testing.T) {
	e := newShopperEnv(t)
	spender := e.client(t) // another process spends the pair first
	_, err := spender.NewManualSession(e.pair).Auth.RefreshToken(context.Background())
	require.NoError(t, err)

	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	var cleared atomic.Int32
	for i := range 3 {
		s := storeWith(t, e.pair)
		_, err := c.NewSession(s, storefront.OnTokensCleared(func() { cleared.Add(1) })).Auth.GetUser(context.Background(), e.userID)
		require.ErrorIs(t, err, storefront.ErrSessionExpired, "request %d", i)
		assert.True(t, loadOf(t, s).IsZero(), "request %d: its store is cleared", i)
	}
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken), "the other process's refresh and one refused refresh")
	assert.Equal(t, int32(3), cleared.Load())
}

// Rule 1: without the grace window, a late request with a rotated pair
// would spend it again; the window is what saves it. Also checks that the
// window is bounded in time.
func TestRule1GraceWindowEnds(t *testing.T) {
	e := newShopperEnv(t)
	c := e.client(t, storefront.WithRenewalGrace(150*time.Millisecond, 100))
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	first := storeWith(t, e.pair)
	_, err := c.NewSession(first).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)

	time.Sleep(300 * time.Millisecond) // the window has ended
	late := storeWith(t, e.pair)
	_, err = c.NewSession(late).Auth.GetUser(context.Background(), e.userID)
	require.ErrorIs(t, err, storefront.ErrSessionExpired, "after the window the used refresh token is sent, and refused")
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken))
}

// Rule 5: only the API's envelope refusing the refresh ends the session. A
// proxy's page, a 5xx or a timeout keep the store as it was.
func TestRule5OnlyTheAPIEndsASession(t *testing.T) {
	for _, c := range []struct {
		name  string
		fault storefronttest.Fault
		want  error
	}{
		{"proxy 403 page", storefronttest.Fault{HTML: true, Status: http.StatusForbidden}, storefront.ErrForbidden},
		{"proxy 404 page", storefronttest.Fault{HTML: true, Status: http.StatusNotFound}, storefront.ErrNotFound},
		{"proxy 408 page", storefronttest.Fault{HTML: true, Status: http.StatusRequestTimeout}, storefront.ErrMalformed},
		{"proxy 413 page", storefronttest.Fault{HTML: true, Status: http.StatusRequestEntityTooLarge}, storefront.ErrMalformed},
		{"proxy 425 page", storefronttest.Fault{HTML: true, Status: http.StatusTooEarly}, storefront.ErrMalformed},
		{"502 page", storefronttest.Fault{HTML: true}, storefront.ErrServer},
		{"500 envelope", storefronttest.Fault{Status: http.StatusInternalServerError}, storefront.ErrServer},
		{"503 envelope", storefronttest.Fault{Status: http.StatusServiceUnavailable}, storefront.ErrServer},
		{"429 envelope", storefronttest.Fault{Status: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"600"}}}, storefront.ErrRateLimited},
		{"dropped connection", storefronttest.Fault{Drop: true}, nil},
		{"truncated answer", storefronttest.Fault{Truncate: true, Status: http.StatusUnauthorized}, storefront.ErrMalformed},
		{"timeout", storefronttest.Fault{Latency: time.Hour}, context.DeadlineExceeded},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newShopperEnv(t)
			cl := e.client(t, storefront.WithTimeout(300*time.Millisecond), storefront.WithRetryPolicy(storefront.NoRetries))
			e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
			e.srv.InjectFault(storefronttest.OpRefreshToken, c.fault)
			store := storeWith(t, e.pair)
			var cleared atomic.Int32
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_, err := cl.NewSession(store, storefront.OnTokensCleared(func() { cleared.Add(1) })).Auth.GetUser(ctx, e.userID)
			require.Error(t, err)
			assert.NotErrorIs(t, err, storefront.ErrSessionExpired)
			if c.want != nil && c.want != context.DeadlineExceeded {
				assert.ErrorIs(t, err, c.want)
			}
			assert.Equal(t, e.pair, loadOf(t, store), "the session is kept")
			assert.Zero(t, cleared.Load())
		})
	}
}

// Rule 5: the API's own refusal, with the store still holding the refused
// pair, clears it (the behaviour before shared renewals, kept).
func TestRule5APIRefusalClearsTheStoreHoldingThePair(t *testing.T) {
	e := newShopperEnv(t)
	other := e.client(t) // another process spent the pair
	_, err := other.NewManualSession(e.pair).Auth.RefreshToken(context.Background())
	require.NoError(t, err)
	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	store := storeWith(t, e.pair)
	_, err = c.NewSession(store).Auth.GetUser(context.Background(), e.userID)
	require.ErrorIs(t, err, storefront.ErrSessionExpired)
	var apiErr *storefront.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusUnauthorized, apiErr.StatusCode)
	assert.True(t, loadOf(t, store).IsZero())
}

// Rule 5: "already used" re-reads the store: another process (another
// client, no coordination) sharing the store renewed the pair while this
// one's refresh was on its way; the refusal adopts the stored pair instead
// of clearing it.
func TestRule5AlreadyUsedRereadsTheStore(t *testing.T) {
	e := newShopperEnv(t)
	store := storeWith(t, e.pair)
	slow, fast := e.client(t), e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	e.srv.InjectFault(storefronttest.OpRefreshToken, slowOnce(300*time.Millisecond))

	var cleared atomic.Int32
	done := make(chan error, 1)
	go func() {
		_, err := slow.NewSession(store, storefront.OnTokensCleared(func() { cleared.Add(1) })).Auth.GetUser(context.Background(), e.userID)
		done <- err
	}()
	waitUntil(t, "the slow refresh reaches the server", func() bool { return e.srv.Calls(storefronttest.OpRefreshToken) == 1 })
	_, err := fast.NewSession(store).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	renewed := loadOf(t, store)

	require.NoError(t, <-done, "the slow process adopts the pair the fast one saved")
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken), "the slow refresh was sent, and refused")
	assert.Equal(t, renewed, loadOf(t, store), "the store keeps the renewed pair")
	assert.Zero(t, cleared.Load())
}

// flakyStore is a MemoryStore whose next Load or Save calls fail.
type flakyStore struct {
	storefront.MemoryStore
	failLoads, failSaves atomic.Int32
	saves                atomic.Int32
}

var errStoreDown = errors.New("store: connection refused")

func (f *flakyStore) Load(ctx context.Context) (storefront.Tokens, error) {
	if f.failLoads.Add(-1) >= 0 {
		return storefront.Tokens{}, errStoreDown
	}
	return f.MemoryStore.Load(ctx)
}

func (f *flakyStore) Save(ctx context.Context, t storefront.Tokens) error {
	if f.failSaves.Add(-1) >= 0 {
		return errStoreDown
	}
	f.saves.Add(1)
	return f.MemoryStore.Save(ctx, t)
}

// Rule 6: a store that fails to save once loses nothing: the callers
// waiting on the renewal get the new token, the session keeps the pair and
// saves it on the next call, the failure is logged and returned by Flush,
// and nothing turns into ErrSessionExpired later.
func TestRule6StoreHiccupLosesNoPair(t *testing.T) {
	e := newShopperEnv(t)
	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	e.srv.InjectFault(storefronttest.OpRefreshToken, slowOnce(30*time.Millisecond))
	store := &flakyStore{}
	require.NoError(t, store.MemoryStore.Save(context.Background(), e.pair))
	store.failSaves.Store(1)
	sess := c.NewSession(store)

	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { _, errs[i] = sess.Auth.GetUser(context.Background(), e.userID) })
	}
	wg.Wait()
	for i, err := range errs {
		assert.NoError(t, err, "caller %d gets the new token", i)
	}
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
	assert.Equal(t, e.pair, loadOf(t, &store.MemoryStore), "the store missed the save")
	assert.Contains(t, e.logs.String(), "level=WARN")
	assert.Contains(t, e.logs.String(), "token store failed")
	assert.NotContains(t, e.logs.String(), e.pair.RefreshToken)
	held, err := sess.Tokens(context.Background())
	require.NoError(t, err)
	assert.NotEqual(t, e.pair, held, "the session holds the new pair")

	// The next call saves it; the old, spent pair is never sent again.
	_, err = sess.Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.Equal(t, held, loadOf(t, &store.MemoryStore))
	assert.NoError(t, sess.Flush(context.Background()), "nothing left to save")
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	_, err = sess.Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken))
}

// Rule 6: a failing Load during the renewal's save, an explicit refresh
// returning the store's error, and Flush reporting it while it lasts.
func TestRule6StoreErrorsAreReported(t *testing.T) {
	e := newShopperEnv(t)
	c := e.client(t)
	store := &flakyStore{}
	require.NoError(t, store.MemoryStore.Save(context.Background(), e.pair))
	sess := c.NewSession(store)

	store.failSaves.Store(3) // the renewal's save, Flush, then the next call's
	nt, err := sess.Auth.RefreshToken(context.Background())
	require.ErrorIs(t, err, storefront.ErrNotSaved)
	require.ErrorIs(t, err, errStoreDown)
	assert.NotErrorIs(t, err, storefront.ErrSessionExpired)
	assert.NotEqual(t, e.pair, nt, "the new pair is returned with the error")
	require.ErrorIs(t, sess.Flush(context.Background()), errStoreDown)
	tok, err := sess.AccessToken(context.Background())
	require.NoError(t, err)
	assert.Equal(t, nt.AccessToken, tok, "the kept pair is used")
	require.NoError(t, sess.Flush(context.Background()))
	assert.Equal(t, nt, loadOf(t, &store.MemoryStore))

	// A Load failing right after the refresh (the compare before the save).
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	store.failLoads.Store(0)
	var loads atomic.Int32
	sess2 := c.NewSession(&loadFailsAfter{TokenStore: store, after: 2, loads: &loads}) // the Load before the save
	_, err = sess2.Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err, "the renewal's pair is used although it could not be saved")
	require.NoError(t, sess2.Flush(context.Background()))
	held := loadOf(t, &store.MemoryStore)
	assert.NotEqual(t, nt, held, "saved by Flush")
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken))
}

// loadFailsAfter fails exactly the Load after the first `after` ones.
type loadFailsAfter struct {
	storefront.TokenStore
	after int32
	loads *atomic.Int32
}

func (l *loadFailsAfter) Load(ctx context.Context) (storefront.Tokens, error) {
	if l.loads.Add(1) == l.after+1 {
		return storefront.Tokens{}, errStoreDown
	}
	return l.TokenStore.Load(ctx)
}

// Rule 6 for per-request sessions: a request whose store failed to save
// the renewed pair ends; the next request, with the old pair, adopts the
// renewal from the grace window instead of spending the used token.
func TestRule6NextRequestAdoptsAPairItsStoreMissed(t *testing.T) {
	e := newShopperEnv(t)
	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	store := &flakyStore{}
	require.NoError(t, store.MemoryStore.Save(context.Background(), e.pair))
	store.failSaves.Store(1)
	_, err := c.NewSession(store).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.Equal(t, e.pair, loadOf(t, &store.MemoryStore))

	_, err = c.NewSession(store).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.NotEqual(t, e.pair, loadOf(t, &store.MemoryStore), "saved by the next request")
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
}

// Rule 7: a logout whose answer was lost (the API logged out; the answer
// never arrived) does not block the next login: it starts a new anonymous
// session and logs in. A wrong password is still ErrUnauthorized, sent
// once.
func TestRule7LostLogoutDoesNotBlockTheNextLogin(t *testing.T) {
	for _, c := range []struct {
		name string
		next func(t *testing.T, e *shopperEnv, sess *storefront.Session) error
		op   string
	}{
		{"login with password", func(t *testing.T, e *shopperEnv, sess *storefront.Session) error {
			_, err := sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{Email: e.email, Password: e.pw})
			return err
		}, storefronttest.OpLoginWithPassword},
		{"OTP login and verification", func(t *testing.T, e *shopperEnv, sess *storefront.Session) error {
			ch, err := sess.Auth.LoginWithEmail(context.Background(), storefront.LoginWithEmailParams{Email: e.email, DebugMode: true})
			if err != nil {
				return err
			}
			_, err = sess.Auth.VerifyOTP(context.Background(), *ch, ch.OTP)
			return err
		}, storefronttest.OpLoginWithEmail},
		{"registration", func(t *testing.T, e *shopperEnv, sess *storefront.Session) error {
			_, err := sess.Auth.RegisterWithPhone(context.Background(), storefront.RegisterWithPhoneParams{Phone: "9876500077", FirstName: "Ravi"})
			return err
		}, storefronttest.OpRegisterWithPhone},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newShopperEnv(t)
			store := storeWith(t, e.pair)
			sess := e.client(t).NewSession(store)
			e.srv.InjectFault(storefronttest.OpLogout, storefronttest.Fault{Truncate: true, Times: 1})
			_, err := sess.Auth.Logout(context.Background())
			require.ErrorIs(t, err, storefront.ErrMalformed, "the answer was lost")
			assert.Equal(t, e.pair, loadOf(t, store), "the session does not know it ended")

			require.NoError(t, c.next(t, e, sess))
			in, err := sess.IsLoggedIn(context.Background())
			require.NoError(t, err)
			assert.True(t, in)
			assert.Equal(t, 2, e.srv.Calls(c.op), "sent once more on the new anonymous session")
			assert.Equal(t, 1, e.srv.Calls(storefronttest.OpGetAnonymousToken))
		})
	}

	t.Run("wrong password", func(t *testing.T) {
		e := newShopperEnv(t)
		store := storeWith(t, e.pair)
		sess := e.client(t).NewSession(store)
		_, err := sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{Email: e.email, Password: "wrong-password-1"})
		require.ErrorIs(t, err, storefront.ErrUnauthorized)
		assert.Equal(t, 1, e.srv.Calls(storefronttest.OpLoginWithPassword))
		assert.Zero(t, e.srv.Calls(storefronttest.OpRefreshToken))
		assert.Equal(t, e.pair, loadOf(t, store))

		// After the lost logout, a wrong password is still the answer, sent
		// once on the new anonymous session.
		e.srv.InjectFault(storefronttest.OpLogout, storefronttest.Fault{Truncate: true, Times: 1})
		_, _ = sess.Auth.Logout(context.Background())
		e.srv.ResetCalls()
		_, err = sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{Email: e.email, Password: "wrong-password-2"})
		require.ErrorIs(t, err, storefront.ErrUnauthorized)
		var apiErr *storefront.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, storefronttest.CodeInvalidCredentials, apiErr.Code)
		assert.Equal(t, 2, e.srv.Calls(storefronttest.OpLoginWithPassword), "the ended session's 401, then the password's")
	})
}

// Rule 8: a stored access token that cannot be sent is renewed, not resent
// forever.
func TestRule8DamagedAccessTokenIsRenewed(t *testing.T) {
	for _, c := range []struct {
		name   string
		damage func(string) string
	}{
		{"control characters", func(s string) string { return s[:20] + "\x00\r\n" + s[20:] }},
		{"not a JWT", func(string) string { return "opaque-session-token" }},
		{"not base64", func(s string) string { return "@@@." + s }},
		{"empty", func(string) string { return "" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newShopperEnv(t)
			damaged := storefront.Tokens{AccessToken: c.damage(e.pair.AccessToken), RefreshToken: e.pair.RefreshToken}
			store := storeWith(t, damaged)
			sess := e.client(t).NewSession(store)
			for range 3 {
				_, err := sess.Auth.GetUser(context.Background(), e.userID)
				require.NoError(t, err)
			}
			assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
			assert.Equal(t, 3, e.srv.Calls(storefronttest.OpGetUserDetail), "no call went out with the damaged token")
			assert.NotEqual(t, damaged, loadOf(t, store))
		})
	}
	t.Run("damaged refresh token too", func(t *testing.T) {
		e := newShopperEnv(t)
		store := storeWith(t, storefront.Tokens{AccessToken: "bad\x7f", RefreshToken: "also\nbad"})
		sess := e.client(t).NewSession(store)
		c, err := sess.EnsureClaims(context.Background())
		require.NoError(t, err)
		assert.True(t, c.IsAnonymous, "a new anonymous session")
		assert.Zero(t, e.srv.Calls(storefronttest.OpRefreshToken))
	})
}

// Rule 8: a client clock minutes ahead of or behind the API does not
// refresh on every call: the offset is read from the tokens' iat.
func TestRule8ClockSkew(t *testing.T) {
	t.Run("client 20 minutes ahead", func(t *testing.T) {
		e := newShopperEnv(t)
		c := e.client(t, storefront.WithClock(func() time.Time { return e.srv.Now().Add(20 * time.Minute) }))
		sess := c.NewSession(storeWith(t, e.pair))
		for range 10 {
			_, err := sess.Auth.GetUser(context.Background(), e.userID)
			require.NoError(t, err)
		}
		// The stored pair looks expired by 5 minutes; the first refresh
		// shows the clocks' offset, and no other is needed.
		assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
	})
	t.Run("client 10 minutes behind", func(t *testing.T) {
		e := newShopperEnv(t)
		c := e.client(t, storefront.WithClock(func() time.Time { return e.srv.Now().Add(-10 * time.Minute) }))
		sess := c.NewSession(nil)
		_, err := sess.EnsureClaims(context.Background()) // an anonymous pair shows the offset
		require.NoError(t, err)
		for range 3 {
			e.srv.Advance(storefronttest.DefaultAccessTTL - 10*time.Second) // inside the margin, by the API's clock
			_, err := sess.EnsureClaims(context.Background())
			require.NoError(t, err)
		}
		assert.Equal(t, 3, e.srv.Calls(storefronttest.OpRefreshToken), "refreshed ahead of expiry by the API's clock, each time")
	})
}

// Rule 9: the callbacks come in the order of the store's writes, the last
// one reporting what the store holds, whatever the mix of concurrent
// saves, refreshes and clears; AccessToken never returns "" without an
// error.
func TestRule9CallbacksFollowTheStoreAndTokensAreNeverEmpty(t *testing.T) {
	e := newShopperEnv(t)
	c := e.client(t)
	store := storeWith(t, e.pair)
	var mu sync.Mutex
	var last string // "changed:<access token>" or "cleared"
	var calls int
	sess := c.NewSession(store,
		storefront.OnTokensChanged(func(tk storefront.Tokens) { mu.Lock(); last, calls = "changed:"+tk.AccessToken, calls+1; mu.Unlock() }),
		storefront.OnTokensCleared(func() { mu.Lock(); last, calls = "cleared", calls+1; mu.Unlock() }))

	var wg sync.WaitGroup
	var empty atomic.Int32
	for g := range 6 {
		wg.Go(func() {
			for i := range 15 {
				switch (g + i) % 5 {
				case 0:
					_ = sess.Clear(context.Background())
				case 1:
					_, _ = sess.Auth.RefreshToken(context.Background())
				case 2:
					_ = sess.SetTokens(context.Background(), e.pair)
				default:
					tok, err := sess.AccessToken(context.Background())
					if tok == "" && err == nil {
						empty.Add(1)
					}
				}
			}
		})
	}
	wg.Wait()
	assert.Zero(t, empty.Load(), "AccessToken returned an empty token without an error")
	held := loadOf(t, store)
	mu.Lock()
	defer mu.Unlock()
	require.Positive(t, calls)
	if held.IsZero() {
		assert.Equal(t, "cleared", last)
	} else {
		assert.Equal(t, "changed:"+held.AccessToken, last, "the last callback reports what the store holds")
	}
}

// The grace window keys outcomes by a hash of the spent refresh token: the
// token itself is nowhere in the key, and RenewalKey is stable.
func TestRenewalKeyIsAHash(t *testing.T) {
	e := newShopperEnv(t)
	k := storefront.RenewalKey(e.pair.RefreshToken)
	assert.Len(t, k, 32)
	assert.Equal(t, k, storefront.RenewalKey(e.pair.RefreshToken))
	assert.NotEqual(t, k, storefront.RenewalKey(e.pair.RefreshToken+"x"))
	for _, part := range strings.Split(e.pair.RefreshToken, ".") {
		if len(part) >= 8 {
			assert.NotContains(t, k, part[:8])
		}
	}
	_ = fmt.Sprint(k)
}
