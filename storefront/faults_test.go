package storefront_test

// The fault matrix: the real client against storefronttest with one fault
// per case, each asserting the documented error or recovery, the calls the
// server saw, the token store the rule leaves (unchanged, updated or
// cleared), no panic, and no goroutine left behind.

import (
	"context"
	"errors"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// faultRetryPolicy keeps the matrix fast: it checks what is retried, not
// how long the backoff is. Retry-After up to 2 s is honoured.
var faultRetryPolicy = storefront.RetryPolicy{
	MaxAttempts: 3, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, MaxRetryAfter: 2 * time.Second,
}

// faultCase is one row of the matrix.
type faultCase struct {
	name string
	// opts are client options added to the defaults (the server's clock,
	// faultRetryPolicy …), given the server.
	opts func(srv *storefronttest.Server) []storefront.Option
	// front, when set, stands between the client and the fake server.
	front func(next http.Handler) http.Handler
	run   func(t *testing.T, e *faultEnv)
}

// faultEnv is a fake server with a frozen clock, a registered user, and a
// managed session logged in as them over a MemoryStore.
type faultEnv struct {
	srv      *storefronttest.Server
	client   *storefront.Client
	store    *storefront.MemoryStore
	sess     *storefront.Session
	userID   string
	email    string
	password string
	initial  storefront.Tokens // the pair the store started with
	cleared  atomic.Int32      // OnTokensCleared calls
	obs      *observer
}

const faultPassword = "fault-matrix-correct-horse"

// newFaultEnv builds the environment of c. Its cleanups close the idle
// connections and the servers, then check that no goroutine started since
// is still running.
func newFaultEnv(t *testing.T, c faultCase, obs *observer) *faultEnv {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) }) // registered first: runs last

	var srv *storefronttest.Server
	var base string
	if c.front == nil {
		srv = storefronttest.NewServer(storefronttest.WithFrozenClock())
		t.Cleanup(srv.Close)
		base = srv.BaseURL()
	} else {
		srv = storefronttest.New(storefronttest.WithFrozenClock())
		ts := httptest.NewServer(c.front(srv.Handler()))
		t.Cleanup(ts.Close)
		t.Cleanup(srv.Close) // wakes requests held by a Latency fault before ts.Close waits for them
		base = ts.URL + srv.BaseURL()
	}
	obs.secret("API key", srv.APIKey())
	obs.secret("password", faultPassword)

	opts := []storefront.Option{
		storefront.WithAPIKey(srv.APIKey()),
		storefront.WithBaseURL(base),
		storefront.WithClock(srv.Now),
		storefront.WithRetryPolicy(faultRetryPolicy),
		storefront.WithLogger(obs.logger),
	}
	if c.opts != nil {
		opts = append(opts, c.opts(srv)...)
	}
	client, err := storefront.New(srv.StoreID(), opts...)
	require.NoError(t, err)
	t.Cleanup(client.CloseIdleConnections) // runs before the servers close

	e := &faultEnv{srv: srv, client: client, store: storefront.NewMemoryStore(), email: "asha@example.com", password: faultPassword, obs: obs}
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: e.email, Phone: "9876543210", Password: e.password})
	require.NoError(t, err)
	e.userID = info.ID
	access, refresh, err := srv.IssueTokens(info.ID)
	require.NoError(t, err)
	e.initial = storefront.Tokens{AccessToken: access, RefreshToken: refresh}
	obs.tokens(e.initial)
	require.NoError(t, e.store.Save(context.Background(), e.initial))
	e.sess = client.NewSession(e.store, storefront.OnTokensChanged(obs.tokens), storefront.OnTokensCleared(func() { e.cleared.Add(1) }))
	return e
}

// getUser reads the user's profile through the session.
func (e *faultEnv) getUser(ctx context.Context) error {
	u, err := e.sess.Auth.GetUser(ctx, e.userID)
	e.obs.err(err)
	if err == nil && u.ID != e.userID {
		return errors.New("read someone else's profile")
	}
	return err
}

// login logs in with the user's email and password.
func (e *faultEnv) login(ctx context.Context) (*storefront.AuthResult, error) {
	res, err := e.sess.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: e.email, Password: e.password})
	e.obs.err(err)
	e.obs.result(res)
	return res, err
}

// storeRule is what a case must leave in the token store.
type storeRule int

const (
	storeUnchanged storeRule = iota
	storeUpdated
	storeCleared
)

// assertStore checks the store against rule and returns what it holds.
func (e *faultEnv) assertStore(t *testing.T, rule storeRule) storefront.Tokens {
	t.Helper()
	now, err := e.store.Load(context.Background())
	require.NoError(t, err)
	e.obs.tokens(now)
	switch rule {
	case storeUnchanged:
		assert.Equal(t, e.initial, now, "the store must hold the pair it started with")
	case storeUpdated:
		assert.False(t, now.IsZero(), "the store must hold a pair")
		assert.NotEqual(t, e.initial.AccessToken, now.AccessToken, "the store must hold a new access token")
		assert.NotEqual(t, e.initial.RefreshToken, now.RefreshToken, "the store must hold a new refresh token")
	case storeCleared:
		assert.True(t, now.IsZero(), "the store must be cleared")
		assert.Positive(t, e.cleared.Load(), "OnTokensCleared must be called")
	}
	return now
}

// calls asserts how many requests each operation received.
func (e *faultEnv) calls(t *testing.T, want map[string]int) {
	t.Helper()
	for op, n := range want {
		assert.Equal(t, n, e.srv.Calls(op), "requests to %s", op)
	}
}

// requireAPIError asserts err is an *APIError with status.
func requireAPIError(t *testing.T, err error, status int) *storefront.APIError {
	t.Helper()
	var apiErr *storefront.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, status, apiErr.StatusCode, "%v", err)
	return apiErr
}

// requireMalformed asserts err is a *MalformedResponseError for reason.
func requireMalformed(t *testing.T, err error, reason string) *storefront.MalformedResponseError {
	t.Helper()
	var me *storefront.MalformedResponseError
	require.ErrorAs(t, err, &me)
	require.ErrorIs(t, err, storefront.ErrMalformed)
	require.Equal(t, reason, me.Reason, "%v", err)
	return me
}

// waitUntil polls cond for up to 5 s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
	}
}

// resetMidBody is a front that answers the first n requests of method to a
// path containing part with the real answer's status, headers and full
// Content-Length but only half its body, then resets the connection.
func resetMidBody(method, part string, n int32) func(http.Handler) http.Handler {
	var left atomic.Int32
	left.Store(n)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != method || !strings.Contains(r.URL.Path, part) || left.Add(-1) < 0 {
				next.ServeHTTP(w, r)
				return
			}
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			body := rec.Body.Bytes()
			maps.Copy(w.Header(), rec.Header())
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(rec.Code)
			_, _ = w.Write(body[:len(body)/2])
			rc := http.NewResponseController(w)
			_ = rc.Flush()
			conn, _, err := rc.Hijack()
			if err != nil {
				panic(http.ErrAbortHandler)
			}
			if tcp, ok := conn.(*net.TCPConn); ok {
				_ = tcp.SetLinger(0) // close with a reset, not a FIN
			}
			_ = conn.Close()
		})
	}
}

// faultCases is the matrix. TestSecretsNeverLeak runs it too.
func faultCases() []faultCase {
	bg := context.Background()
	bigUser := func(size int) []byte {
		return []byte(`{"message":"ok","success":true,"content":{"user":{"id":"u-1","first_name":"` + strings.Repeat("x", size) + `"}}}`)
	}
	return []faultCase{
		{name: "HTML 502 page on GET: retried, then the APIError", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{HTML: true})
			err := e.getUser(bg)
			apiErr := requireAPIError(t, err, http.StatusBadGateway)
			assert.ErrorIs(t, err, storefront.ErrServer)
			assert.ErrorIs(t, err, storefront.ErrMalformed)
			assert.Empty(t, apiErr.Code)
			assert.Contains(t, apiErr.Body, "502 Bad Gateway")
			e.calls(t, map[string]int{storefronttest.OpGetUserDetail: faultRetryPolicy.MaxAttempts})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "HTML 502 page on GET once: recovered by the retry", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{HTML: true, Times: 1})
			require.NoError(t, e.getUser(bg))
			e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 2})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "HTML 502 page on POST login: not retried", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpLoginWithPassword, storefronttest.Fault{HTML: true})
			_, err := e.login(bg)
			requireAPIError(t, err, http.StatusBadGateway)
			e.calls(t, map[string]int{storefronttest.OpLoginWithPassword: 1})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "empty 200 body on login", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpLoginWithPassword, storefronttest.Fault{Status: http.StatusOK, Body: []byte{}})
			_, err := e.login(bg)
			me := requireMalformed(t, err, "empty body")
			assert.Equal(t, http.StatusOK, me.StatusCode)
			e.calls(t, map[string]int{storefronttest.OpLoginWithPassword: 1})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "truncated JSON on login (processed by the server)", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpLoginWithPassword, storefronttest.Fault{Truncate: true})
			_, err := e.login(bg)
			requireMalformed(t, err, "truncated JSON")
			e.calls(t, map[string]int{storefronttest.OpLoginWithPassword: 1})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "wrong content type on GET", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{
				Status: http.StatusOK, ContentType: "text/plain; charset=utf-8", Body: bigUser(1)})
			err := e.getUser(bg)
			me := requireMalformed(t, err, "not JSON")
			assert.Equal(t, "text/plain; charset=utf-8", me.ContentType)
			e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 1})
			e.assertStore(t, storeUnchanged)
		}},
		{
			name: "401 for a token the server saw expire: one refresh, one retry",
			// The client's clock lags the server's by 10 minutes: it
			// believes the token has 9 minutes left when the server says
			// it has expired.
			opts: func(srv *storefronttest.Server) []storefront.Option {
				return []storefront.Option{storefront.WithClock(func() time.Time { return srv.Now().Add(-10 * time.Minute) })}
			},
			run: func(t *testing.T, e *faultEnv) {
				e.srv.Advance(storefronttest.DefaultAccessTTL + time.Minute)
				require.NoError(t, e.getUser(bg))
				e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 2, storefronttest.OpRefreshToken: 1})
				e.assertStore(t, storeUpdated)
			},
		},
		{name: "401 twice: one refresh, one retry, then the 401", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{Status: http.StatusUnauthorized})
			err := e.getUser(bg)
			requireAPIError(t, err, http.StatusUnauthorized)
			assert.ErrorIs(t, err, storefront.ErrUnauthorized)
			e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 2, storefronttest.OpRefreshToken: 1})
			e.assertStore(t, storeUpdated)
		}},
		{name: "401 on a call submitting credentials is the answer", run: func(t *testing.T, e *faultEnv) {
			e.password = "wrong-password-for-the-matrix"
			e.obs.secret("password", e.password)
			_, err := e.login(bg)
			apiErr := requireAPIError(t, err, http.StatusUnauthorized)
			assert.Equal(t, storefronttest.CodeInvalidCredentials, apiErr.Code)
			e.calls(t, map[string]int{storefronttest.OpLoginWithPassword: 1, storefronttest.OpRefreshToken: 0})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "401 when the refresh is rejected: store cleared, ErrSessionExpired", run: func(t *testing.T, e *faultEnv) {
			// Another process holding the pair refreshes first: the
			// session's refresh token is spent. (A session of the same
			// client would share the refresh instead: see renewal_test.go.)
			other, err := storefront.New(e.srv.StoreID(), storefront.WithBaseURL(e.client.BaseURL()), storefront.WithClock(e.srv.Now))
			require.NoError(t, err)
			defer other.CloseIdleConnections()
			_, err = other.NewManualSession(e.initial, storefront.OnTokensChanged(e.obs.tokens)).Auth.RefreshToken(bg)
			require.NoError(t, err)
			e.srv.Advance(storefronttest.DefaultAccessTTL)
			err = e.getUser(bg)
			require.ErrorIs(t, err, storefront.ErrSessionExpired)
			requireAPIError(t, err, http.StatusUnauthorized)
			e.calls(t, map[string]int{storefronttest.OpRefreshToken: 2, storefronttest.OpGetUserDetail: 0})
			e.assertStore(t, storeCleared)

			// The next call starts a new anonymous session.
			c, err := e.sess.EnsureClaims(bg)
			require.NoError(t, err)
			assert.True(t, c.IsAnonymous)
			e.calls(t, map[string]int{storefronttest.OpGetAnonymousToken: 1})
		}},
		{name: "429 with Retry-After on POST login: retried after the wait", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpLoginWithPassword, storefronttest.Fault{
				Status: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"1"}}, Times: 1})
			start := time.Now()
			res, err := e.login(bg)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, time.Since(start), 950*time.Millisecond, "Retry-After: 1 must be waited")
			e.calls(t, map[string]int{storefronttest.OpLoginWithPassword: 2})
			assert.Equal(t, res.Tokens(), e.assertStore(t, storeUpdated))
		}},
		{name: "429 with Retry-After beyond the cap: returned at once", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{
				Status: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"120"}}})
			start := time.Now()
			err := e.getUser(bg)
			apiErr := requireAPIError(t, err, http.StatusTooManyRequests)
			assert.ErrorIs(t, err, storefront.ErrRateLimited)
			assert.Equal(t, 120*time.Second, apiErr.RetryAfter)
			assert.Less(t, time.Since(start), time.Second)
			e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 1})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "503 on GET: retried", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{Status: http.StatusServiceUnavailable, Times: 1})
			require.NoError(t, e.getUser(bg))
			e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 2})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "503 on POST login: not retried, exactly one call", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpLoginWithPassword, storefronttest.Fault{Status: http.StatusServiceUnavailable})
			_, err := e.login(bg)
			requireAPIError(t, err, http.StatusServiceUnavailable)
			assert.ErrorIs(t, err, storefront.ErrServer)
			e.calls(t, map[string]int{storefronttest.OpLoginWithPassword: 1})
			e.assertStore(t, storeUnchanged)
		}},
		{
			name:  "connection reset mid-body on GET: retried",
			front: resetMidBody(http.MethodGet, "/auth/user/", 1),
			run: func(t *testing.T, e *faultEnv) {
				require.NoError(t, e.getUser(bg))
				e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 2})
				e.assertStore(t, storeUnchanged)
			},
		},
		{
			name:  "connection reset mid-body on POST login: not retried",
			front: resetMidBody(http.MethodPost, "/auth/login/password", 1),
			run: func(t *testing.T, e *faultEnv) {
				_, err := e.login(bg)
				require.Error(t, err)
				var apiErr *storefront.APIError
				assert.False(t, errors.As(err, &apiErr), "a broken answer is not an API error: %v", err)
				e.calls(t, map[string]int{storefronttest.OpLoginWithPassword: 1})
				e.assertStore(t, storeUnchanged)
			},
		},
		{name: "connection dropped before the answer on GET: retried", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{Drop: true, Times: 1})
			require.NoError(t, e.getUser(bg))
			e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 2})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "connection dropped before the answer on POST login: not retried", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpLoginWithPassword, storefronttest.Fault{Drop: true})
			_, err := e.login(bg)
			require.Error(t, err)
			e.calls(t, map[string]int{storefronttest.OpLoginWithPassword: 1})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "server never answers: the deadline is honoured", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{Latency: time.Hour})
			const deadline = 200 * time.Millisecond
			start := time.Now()
			ctx, cancel := context.WithTimeout(bg, deadline)
			defer cancel()
			dl, _ := ctx.Deadline()
			err := e.getUser(ctx)
			returned := time.Now()
			require.ErrorIs(t, err, context.DeadlineExceeded)
			// Measured against the context's own deadline (monotonic): a
			// start taken after WithTimeout made a descheduled test see the
			// call return "early".
			assert.False(t, returned.Before(dl), "returned %s before the deadline", dl.Sub(returned))
			assert.Less(t, returned.Sub(start), deadline+time.Second, "returned long after the deadline")
			e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 1})
			e.assertStore(t, storeUnchanged)
		}},
		{name: "context cancelled during a shared refresh: the others succeed, one refresh", run: func(t *testing.T, e *faultEnv) {
			e.srv.InjectFault(storefronttest.OpRefreshToken, storefronttest.Fault{Latency: 300 * time.Millisecond, Times: 1})
			e.srv.Advance(storefronttest.DefaultAccessTTL - 10*time.Second) // inside the refresh margin

			ctx, cancel := context.WithCancel(bg)
			defer cancel()
			first := make(chan error, 1)
			go func() { first <- e.getUser(ctx) }()
			waitUntil(t, "the refresh reaches the server", func() bool { return e.srv.Calls(storefronttest.OpRefreshToken) == 1 })

			others := make([]error, 4)
			var wg sync.WaitGroup
			for i := range others {
				wg.Go(func() { others[i] = e.getUser(bg) })
			}
			start := time.Now()
			cancel()
			err := <-first
			require.ErrorIs(t, err, context.Canceled)
			assert.Less(t, time.Since(start), 200*time.Millisecond, "the cancelled caller must not wait for the refresh")
			wg.Wait()
			for i, err := range others {
				assert.NoError(t, err, "caller %d", i)
			}
			e.calls(t, map[string]int{storefronttest.OpRefreshToken: 1, storefronttest.OpGetUserDetail: len(others)})
			e.assertStore(t, storeUpdated)
		}},
		{
			name: "answer larger than the body limit, Content-Length announced",
			opts: func(*storefronttest.Server) []storefront.Option {
				return []storefront.Option{storefront.WithMaxBodyBytes(1024)}
			},
			run: func(t *testing.T, e *faultEnv) {
				e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{Status: http.StatusOK, Body: bigUser(1500)})
				err := e.getUser(bg)
				require.ErrorIs(t, err, storefront.ErrTooLarge)
				assert.Contains(t, err.Error(), "announced")
				e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 1})
				e.assertStore(t, storeUnchanged)
			},
		},
		{
			name: "answer larger than the body limit, chunked",
			opts: func(*storefronttest.Server) []storefront.Option {
				return []storefront.Option{storefront.WithMaxBodyBytes(1024)}
			},
			run: func(t *testing.T, e *faultEnv) {
				e.srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{Status: http.StatusOK, Body: bigUser(64 << 10)})
				err := e.getUser(bg)
				require.ErrorIs(t, err, storefront.ErrTooLarge)
				assert.NotContains(t, err.Error(), "announced")
				e.calls(t, map[string]int{storefronttest.OpGetUserDetail: 1})
				e.assertStore(t, storeUnchanged)
			},
		},
	}
}

// runFaultCase runs c in t, turning a panic into a failure.
func runFaultCase(t *testing.T, c faultCase, obs *observer) {
	e := newFaultEnv(t, c, obs)
	defer func() {
		if v := recover(); v != nil {
			t.Fatalf("panic: %v\n%s", v, debug.Stack())
		}
	}()
	c.run(t, e)
}

func TestFaultMatrix(t *testing.T) {
	for _, c := range faultCases() {
		t.Run(c.name, func(t *testing.T) { runFaultCase(t, c, newObserver()) })
	}
}
