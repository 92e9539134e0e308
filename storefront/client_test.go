package storefront

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
)

func TestNewValidatesOptions(t *testing.T) {
	cases := map[string][]Option{
		"empty API key":     {WithAPIKey(" ")},
		"relative base URL": {WithBaseURL("/api")},
		"ftp base URL":      {WithBaseURL("ftp://x")},
		"base URL query":    {WithBaseURL("https://x/?a=1")},
		"base URL userinfo": {WithBaseURL("https://u:p@x/")},
		"nil HTTP client":   {WithHTTPClient(nil)},
		"zero timeout":      {WithTimeout(0)},
		"nil logger":        {WithLogger(nil)},
		"bad retry":         {WithRetryPolicy(RetryPolicy{MaxAttempts: -1})},
		"inverted backoff":  {WithRetryPolicy(RetryPolicy{MinBackoff: time.Second, MaxBackoff: time.Millisecond})},
		"nil store":         {WithTokenStore(nil)},
		"negative margin":   {WithRefreshMargin(-time.Second)},
		"unknown env":       {WithEnvironment(Environment(9))},
		"user agent CRLF":   {WithUserAgent("a\r\nX-Evil: 1")},
	}
	for name, opts := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := New("store", opts...)
			require.ErrorIs(t, err, ErrInvalidParam)
		})
	}
	for _, id := range []string{"", "a/b", "a b", "a?b"} {
		_, err := New(id)
		require.ErrorIs(t, err, ErrInvalidParam, "store ID %q", id)
	}
	_, err := New("store", WithAPIKey("sk_live_secret_value"), WithTimeout(-1))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "sk_live_secret_value")
}

func TestBaseURLs(t *testing.T) {
	for _, c := range []struct {
		opts []Option
		want string
	}{
		{nil, "https://staging.api.commercengine.io/api/v1/s1/storefront"},
		{[]Option{WithEnvironment(Staging)}, "https://staging.api.commercengine.io/api/v1/s1/storefront"},
		{[]Option{WithEnvironment(Production)}, "https://prod.api.commercengine.io/api/v1/s1/storefront"},
		{[]Option{WithBaseURL("http://127.0.0.1:8080")}, "http://127.0.0.1:8080/api/v1/s1/storefront"},
		{[]Option{WithBaseURL("http://127.0.0.1:8080/")}, "http://127.0.0.1:8080/api/v1/s1/storefront"},
		{[]Option{WithBaseURL("http://h/api/v1/{store_id}/storefront")}, "http://h/api/v1/s1/storefront"},
		{[]Option{WithBaseURL("http://h/api/v1/other/storefront/")}, "http://h/api/v1/other/storefront"},
	} {
		c1, err := New("s1", c.opts...)
		require.NoError(t, err)
		assert.Equal(t, c.want, c1.BaseURL())
	}
	env, err := ParseEnvironment("prod")
	require.NoError(t, err)
	assert.Equal(t, Production, env)
	_, err = ParseEnvironment("dev")
	assert.ErrorIs(t, err, ErrInvalidParam)
}

func TestDefaults(t *testing.T) {
	api := newTestAPI(t)
	c, err := New(testStore, WithAPIKey(testAPIKey), WithBaseURL(api.srv.URL), WithUserAgent("my-shop/2.1"))
	require.NoError(t, err)
	assert.Equal(t, DefaultTimeout, c.http.Timeout)
	assert.Equal(t, DefaultRetryPolicy, c.retry)
	_, err = c.Auth.Anonymous(bg)
	require.NoError(t, err)
	ua := api.headersOf(opAnon)[0].Get("User-Agent")
	assert.True(t, strings.HasPrefix(ua, "my-shop/2.1 commercengine-storefront-go/"+Version+" ("), ua)
	assert.Contains(t, ua, runtime.Version())
	assert.Equal(t, "application/json", api.headersOf(opAnon)[0].Get("Accept"))
}

func TestWithHTTPClientIsCopied(t *testing.T) {
	hc := &http.Client{Timeout: 7 * time.Second}
	c, err := New("s", WithHTTPClient(hc))
	require.NoError(t, err)
	assert.Nil(t, hc.CheckRedirect, "the caller's client is not modified")
	assert.NotSame(t, hc, c.http)
	assert.Equal(t, 7*time.Second, c.http.Timeout, "the caller's timeout is kept")
}

// Credentials go only with the operations that take them, and only to the
// API's host; a redirect to another host is refused before anything reaches
// it.
func TestCredentialsStayHome(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Add(1)
		if r.Header.Get("Authorization") != "" || r.Header.Get("X-Api-Key") != "" {
			leaked.Add(100)
		}
	}))
	defer other.Close()

	api := newTestAPI(t)
	sess := api.client().NewSession(nil)
	_, err := sess.EnsureClaims(bg)
	require.NoError(t, err)

	for _, status := range []int{302, 307, 308} {
		api.route(opGetUser, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other.URL+"/steal", status)
		})
		_, err = sess.Auth.GetUser(bg, "u-1")
		require.Error(t, err)
		assert.Contains(t, err.Error(), "redirect refused")
		assert.Equal(t, int32(0), leaked.Load(), "status %d: the other host got a request", status)
	}
	api.route("POST /auth/login/password", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/steal", http.StatusTemporaryRedirect)
	})
	_, err = sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "hunter2-secret"})
	require.Error(t, err)
	assert.Equal(t, int32(0), leaked.Load(), "a password must not follow a 307")
	assert.NotContains(t, err.Error(), "hunter2-secret")

	// Which credential goes where.
	assert.Empty(t, api.headersOf(opGetUser)[0].Get("X-Api-Key"), "the API key is only for get-anonymous-token")
	assert.NotEmpty(t, api.headersOf(opGetUser)[0].Get("Authorization"))
}

func TestRefreshSendsNoCredentialHeaders(t *testing.T) {
	api := newTestAPI(t)
	store := NewMemoryStore()
	require.NoError(t, store.Save(bg, api.mint(userClaims("u-1"), time.Second, time.Hour)))
	_, err := api.client().NewSession(store).AccessToken(bg)
	require.NoError(t, err)
	h := api.headersOf(opRefr)[0]
	assert.Empty(t, h.Get("Authorization"))
	assert.Empty(t, h.Get("X-Api-Key"))
	assert.Contains(t, api.bodiesOf(opRefr)[0], `"refresh_token":`)
}

func TestAPIErrors(t *testing.T) {
	cases := []struct {
		name    string
		status  int
		ctype   string
		body    string
		is      []error
		code    string
		fields  map[string]string
		sample  string
		retryIn time.Duration
	}{
		{"400 with fields", 400, "application/json",
			`{"message":"Invalid input","success":false,"code":"validation_error","errors":{"phone":"must be 10 digits","email":["is taken","is odd"],"age":{"min":18}}}`,
			[]error{ErrBadRequest}, "validation_error", map[string]string{"phone": "must be 10 digits", "email": "is taken; is odd", "age": `{"min":18}`}, "", 0},
		{"404", 404, "application/json", `{"message":"User not found","success":false,"code":"not_found"}`, []error{ErrNotFound}, "not_found", nil, "", 0},
		{"HTML 502", 502, "text/html", "<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>", []error{ErrServer, ErrMalformed}, "", nil, "<html><body><h1>502 Bad Gateway</h1> <p>nginx</p></body></html>", 0},
		{"empty 500", 500, "", "", []error{ErrServer, ErrMalformed}, "", nil, "(empty)", 0},
		{"truncated error", 400, "application/json", `{"message":"Inv`, []error{ErrBadRequest, ErrMalformed}, "", nil, `{"message":"Inv`, 0},
		{"429", 429, "application/json", `{"message":"slow down","success":false,"code":"rate_limited"}`, []error{ErrRateLimited}, "rate_limited", nil, "", 120 * time.Second},
		{"token echoed in HTML", 502, "text/html", "<p>bad token " + makeJWT(claimsMap{"ulid": "u"}) + "</p>", []error{ErrServer}, "", nil, "<p>bad token [redacted token]</p>", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			api := newTestAPI(t)
			api.route(opLogin, func(w http.ResponseWriter, r *http.Request) {
				if c.ctype != "" {
					w.Header().Set("Content-Type", c.ctype)
				}
				w.Header().Set("X-Request-Id", "req-9")
				w.Header().Set("Retry-After", "120")
				w.WriteHeader(c.status)
				_, _ = io.WriteString(w, c.body)
			})
			_, err := api.client().NewSession(nil).Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "pw"})
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			for _, target := range c.is {
				assert.ErrorIs(t, err, target)
			}
			assert.Equal(t, c.status, apiErr.StatusCode)
			assert.Equal(t, "login-with-password", apiErr.Operation)
			assert.Equal(t, c.code, apiErr.Code)
			assert.Equal(t, c.fields, apiErr.Fields)
			assert.Equal(t, c.sample, apiErr.Body)
			assert.Equal(t, "req-9", apiErr.RequestID)
			assert.Equal(t, c.retryIn, apiErr.RetryAfter)
			assert.Contains(t, err.Error(), "req-9")
		})
	}
}

func TestMalformedSuccessAnswers(t *testing.T) {
	good := func(w http.ResponseWriter) { writeJSON(w, 200, map[string]any{"success": true}) }
	_ = good
	cases := []struct {
		name   string
		ctype  string
		body   string
		reason string
	}{
		{"empty body", "application/json", "", "empty body"},
		{"truncated JSON", "application/json", `{"message":"ok","success":true,"content":{"user":{"id":"u-1"`, "truncated JSON"},
		{"HTML 200", "text/html", "<html>maintenance</html>", "not JSON"},
		{"no content type", "", `{"success":true}`, "not JSON"},
		{"no tokens", "application/json", `{"message":"ok","success":true,"content":{"user":{"id":"u-1"}}}`, "no access_token"},
		{"wrong type", "application/json", `{"message":"ok","success":true,"content":{"user":{"id":7}}}`, `field "content.user.id" is a JSON number, not a string`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			api := newTestAPI(t)
			api.route(opLogin, func(w http.ResponseWriter, r *http.Request) {
				if c.ctype != "" {
					w.Header().Set("Content-Type", c.ctype)
				} else {
					w.Header()["Content-Type"] = nil
				}
				_, _ = io.WriteString(w, c.body)
			})
			sess := api.client().NewSession(nil)
			before, _ := sess.EnsureClaims(bg)
			_, err := sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "pw"})
			var me *MalformedResponseError
			require.ErrorAs(t, err, &me)
			assert.ErrorIs(t, err, ErrMalformed)
			assert.Equal(t, c.reason, me.Reason)
			assert.Equal(t, 200, me.StatusCode)
			after, _ := sess.Peek(bg)
			assert.Equal(t, before, after, "a malformed answer saves nothing")
		})
	}
}

func TestSuccessFalseOn200IsAnError(t *testing.T) {
	api := newTestAPI(t)
	api.route(opLogin, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"message": "nope", "success": false, "code": "weird"})
	})
	_, err := api.client().NewSession(nil).Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "pw"})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "weird", apiErr.Code)
}

func TestResponseBodyLimit(t *testing.T) {
	api := newTestAPI(t)
	big := strings.Repeat("x", 10_000)
	for _, chunked := range []bool{false, true} {
		api.route(opGetUser, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			if chunked {
				w.(http.Flusher).Flush() // no Content-Length: the limit must hold while reading
			}
			_, _ = io.WriteString(w, `{"message":"`+big+`"}`)
		})
		_, err := api.client(WithMaxBodyBytes(4096)).NewSession(nil).Auth.GetUser(bg, "u-1")
		require.ErrorIs(t, err, ErrTooLarge, "chunked=%v", chunked)
	}
}

func TestContextErrorsComeBackAsThemselves(t *testing.T) {
	api := newTestAPI(t)
	api.route(opGetUser, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	sess := api.client().NewSession(nil)
	_, err := sess.EnsureClaims(bg)
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(bg, 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = sess.Auth.GetUser(ctx, "u-1")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 2*time.Second, "the deadline is honoured")
	assert.Equal(t, 1, api.count(opGetUser), "a deadline is not retried")

	ctx, cancel = context.WithCancel(bg)
	cancel()
	_, err = sess.Auth.GetUser(ctx, "u-1")
	assert.ErrorIs(t, err, context.Canceled)
}

func TestClientTimeout(t *testing.T) {
	api := newTestAPI(t)
	api.route(opGetUser, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	sess := api.client(WithTimeout(100*time.Millisecond), WithRetryPolicy(NoRetries)).NewSession(nil)
	_, err := sess.EnsureClaims(bg)
	require.NoError(t, err)
	start := time.Now()
	_, err = sess.Auth.GetUser(bg, "u-1")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "timed out")
	assert.Less(t, time.Since(start), 2*time.Second)
}

func TestRetries(t *testing.T) {
	type step struct {
		status     int
		retryAfter string
	}
	cases := []struct {
		name      string
		key       string
		steps     []step
		call      func(s *Session) error
		wantCalls int
		wantErr   error
	}{
		{"503 on GET is retried", opGetUser, []step{{503, ""}, {503, ""}, {200, ""}},
			func(s *Session) error { _, err := s.Auth.GetUser(bg, "u-1"); return err }, 3, nil},
		{"503 on GET gives up after MaxAttempts", opGetUser, []step{{503, ""}, {503, ""}, {503, ""}, {200, ""}},
			func(s *Session) error { _, err := s.Auth.GetUser(bg, "u-1"); return err }, 3, ErrServer},
		{"503 on POST login is not retried", opLogin, []step{{503, ""}, {200, ""}},
			func(s *Session) error {
				_, err := s.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "correct-password"})
				return err
			}, 1, ErrServer},
		{"502 on POST logout is not retried", opLogoutK, []step{{502, ""}, {200, ""}},
			func(s *Session) error { _, err := s.Auth.Logout(bg); return err }, 1, ErrServer},
		{"429 on POST login is retried", opLogin, []step{{429, "0"}, {200, ""}},
			func(s *Session) error {
				_, err := s.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "correct-password"})
				return err
			}, 2, nil},
		{"429 with a Retry-After beyond the cap is returned", opGetUser, []step{{429, "3600"}, {200, ""}},
			func(s *Session) error { _, err := s.Auth.GetUser(bg, "u-1"); return err }, 1, ErrRateLimited},
		{"400 is never retried", opGetUser, []step{{400, ""}, {200, ""}},
			func(s *Session) error { _, err := s.Auth.GetUser(bg, "u-1"); return err }, 1, ErrBadRequest},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			api := newTestAPI(t)
			sess := api.client().NewSession(nil)
			_, err := sess.EnsureClaims(bg)
			require.NoError(t, err)
			var n atomic.Int32
			next := api.routes[c.key]
			api.route(c.key, func(w http.ResponseWriter, r *http.Request) {
				i := int(n.Add(1)) - 1
				st := c.steps[min(i, len(c.steps)-1)]
				if st.status == 200 {
					next(w, r)
					return
				}
				if st.retryAfter != "" {
					w.Header().Set("Retry-After", st.retryAfter)
				}
				writeJSON(w, st.status, map[string]any{"message": "busy", "success": false, "code": "busy"})
			})
			err = c.call(sess)
			if c.wantErr == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, c.wantErr)
			}
			assert.Equal(t, c.wantCalls, api.count(c.key))
		})
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	api := newTestAPI(t)
	sess := api.client().NewSession(nil)
	_, err := sess.EnsureClaims(bg)
	require.NoError(t, err)
	var n atomic.Int32
	var first time.Time
	var gap time.Duration
	api.route(opGetUser, api.withBearer(func(w http.ResponseWriter, r *http.Request, c claimsMap) {
		if n.Add(1) == 1 {
			first = time.Now()
			w.Header().Set("Retry-After", "1")
			writeJSON(w, 429, map[string]any{"message": "slow", "success": false, "code": "rate_limited"})
			return
		}
		gap = time.Since(first)
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{"user": userJSON(c)}})
	}))
	_, err = sess.Auth.GetUser(bg, "u-1")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, gap, 900*time.Millisecond, "the retry waited for Retry-After")

	// A wait longer than the deadline allows is not waited: the 429 comes
	// back at once, with its Retry-After.
	n.Store(0)
	ctx, cancel := context.WithTimeout(bg, 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = sess.Auth.GetUser(ctx, "u-1")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrRateLimited)
	assert.Equal(t, time.Second, apiErr.RetryAfter)
	assert.Less(t, time.Since(start), 80*time.Millisecond)

	// A context cancelled during a wait ends the call at once, as itself.
	n.Store(0)
	ctx, cancel = context.WithCancel(bg)
	time.AfterFunc(100*time.Millisecond, cancel)
	start = time.Now()
	_, err = sess.Auth.GetUser(ctx, "u-1")
	require.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), 800*time.Millisecond)
}

func TestContextEndingDuringBackoffAfterTransportError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close() // refused from now on
	c, err := New("s", WithAPIKey("k"), WithBaseURL("http://"+addr),
		WithRetryPolicy(RetryPolicy{MaxAttempts: 3, MinBackoff: 2 * time.Second, MaxBackoff: 2 * time.Second}))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(bg, 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.Auth.Anonymous(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "connection refused", "the last failure is still told")
	assert.Less(t, time.Since(start), time.Second)
}

func TestTimedOutAttemptOfAGETIsRetried(t *testing.T) {
	api := newTestAPI(t)
	var n atomic.Int32
	api.route("GET /auth/user/u-2", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
			return
		}
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{"user": userJSON(userClaims("u-2"))}})
	})
	sess := api.client(WithTimeout(100 * time.Millisecond)).NewManualSession(api.mint(userClaims("u-2"), time.Hour, time.Hour))
	u, err := sess.Auth.GetUser(bg, "u-2")
	require.NoError(t, err)
	assert.Equal(t, "u-2", u.ID)
	assert.Equal(t, 2, api.count("GET /auth/user/u-2"))

	// A login whose attempt times out is not sent again: the server may
	// have processed it.
	api.route(opLogin, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	_, err = sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "pw"})
	require.Error(t, err)
	assert.Equal(t, 1, api.count(opLogin))
}

func TestRedirectToAnotherSchemeIsRefused(t *testing.T) {
	c, err := New("s", WithAPIKey("k"))
	require.NoError(t, err)
	from, _ := http.NewRequest("POST", c.BaseURL()+"/auth/anonymous", nil)
	to, _ := http.NewRequest("POST", "http://staging.api.commercengine.io/api/v1/s/storefront/auth/anonymous", nil)
	err = c.http.CheckRedirect(to, []*http.Request{from})
	assert.ErrorIs(t, err, errRedirectRefused, "https to http on the same host would send the credentials in clear")
}

func TestEchoedSecretsAreRedacted(t *testing.T) {
	api := newTestAPI(t)
	api.route(opAnon, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 401, map[string]any{"message": "API key " + r.Header.Get("X-Api-Key") + " is not valid", "success": false, "code": "unauthorized"})
	})
	_, err := api.client().Auth.Anonymous(bg)
	require.ErrorIs(t, err, ErrUnauthorized)
	assert.NotContains(t, err.Error(), testAPIKey)
	assert.Contains(t, err.Error(), "API key [redacted] is not valid")

	api.route(opLogin, func(w http.ResponseWriter, r *http.Request) {
		var body map[string]string
		_ = json.NewDecoder(r.Body).Decode(&body)
		writeJSON(w, 400, map[string]any{"message": "weak", "success": false, "code": "bad_request",
			"errors": map[string]any{"password": body["password"] + " is too weak"}})
	})
	_, err = api.client().NewSession(nil).Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "hunter2-hunter2"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "hunter2-hunter2")
}

func TestRetryPolicyZeroFieldsTakeDefaults(t *testing.T) {
	c, err := New("s", WithRetryPolicy(RetryPolicy{MaxAttempts: 5}))
	require.NoError(t, err)
	assert.Equal(t, RetryPolicy{MaxAttempts: 5, MinBackoff: DefaultRetryPolicy.MinBackoff, MaxBackoff: DefaultRetryPolicy.MaxBackoff, MaxRetryAfter: DefaultRetryPolicy.MaxRetryAfter}, c.retry)
	c, err = New("s", WithRetryPolicy(NoRetries))
	require.NoError(t, err)
	assert.Equal(t, 1, c.retry.MaxAttempts)
}

func TestDialErrorIsRetriedEvenForPOST(t *testing.T) {
	// A port with nothing listening: the request is never sent, so even a
	// login may be tried again (and fails again, quickly).
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	var attempts atomic.Int32
	lc := &logCapture{}
	c, err := New("s", WithAPIKey(testAPIKey), WithBaseURL("http://"+addr), WithLogger(lc.logger()),
		WithRetryPolicy(RetryPolicy{MaxAttempts: 3, MinBackoff: time.Millisecond, MaxBackoff: time.Millisecond}))
	require.NoError(t, err)
	_, err = c.NewManualSession(Tokens{AccessToken: makeJWT(anonClaims("a"))}).Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "pw"})
	require.Error(t, err)
	attempts.Store(int32(strings.Count(lc.String(), "storefront request failed")))
	assert.Equal(t, int32(3), attempts.Load())
	assert.Contains(t, err.Error(), "connection refused")
	assert.NotContains(t, err.Error(), addr+"/api", "the error names the path, not the whole URL")
}

func TestBrokenConnectionAfterSendRetriedOnlyForGET(t *testing.T) {
	for _, c := range []struct {
		key       string
		call      func(*Session) error
		wantCalls int
	}{
		{opGetUser, func(s *Session) error { _, err := s.Auth.GetUser(bg, "u-1"); return err }, 3},
		{opLogin, func(s *Session) error {
			_, err := s.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "pw"})
			return err
		}, 1},
	} {
		t.Run(c.key, func(t *testing.T) {
			api := newTestAPI(t)
			sess := api.client().NewSession(nil)
			_, err := sess.EnsureClaims(bg)
			require.NoError(t, err)
			api.route(c.key, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Header().Set("Content-Length", "1000")
				w.WriteHeader(200)
				_, _ = io.WriteString(w, `{"message":"ok","succ`)
				w.(http.Flusher).Flush()
				conn, _, _ := w.(http.Hijacker).Hijack()
				conn.Close() // reset mid-body
			})
			err = c.call(sess)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "reading the answer")
			assert.Equal(t, c.wantCalls, api.count(c.key))
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"0":                             0,
		"7":                             7 * time.Second,
		"Mon, 23 Nov 2026 12:00:30 GMT": 30 * time.Second,
		"Mon, 23 Nov 2026 11:00:00 GMT": 0,
	} {
		got, ok := parseRetryAfter(v, now)
		assert.True(t, ok, v)
		assert.Equal(t, want, got, v)
	}
	for _, v := range []string{"", "-1", "soon"} {
		_, ok := parseRetryAfter(v, now)
		assert.False(t, ok, v)
	}
}

func TestBackoffIsBoundedAndJittered(t *testing.T) {
	p := RetryPolicy{MaxAttempts: 10, MinBackoff: 100 * time.Millisecond, MaxBackoff: time.Second}
	seen := map[time.Duration]bool{}
	for n := 1; n <= 8; n++ {
		for range 50 {
			d := p.backoff(n)
			limit := min(time.Second, 100*time.Millisecond<<(n-1))
			require.GreaterOrEqual(t, d, time.Duration(0))
			require.LessOrEqual(t, d, limit)
			seen[d] = true
		}
	}
	assert.Greater(t, len(seen), 100, "waits are jittered")
}

func TestRetryableError(t *testing.T) {
	dial := &net.OpError{Op: "dial", Err: errors.New("refused")}
	read := &net.OpError{Op: "read", Err: errors.New("reset")}
	assert.True(t, retryableError(dial, false))
	assert.True(t, retryableError(read, true))
	assert.False(t, retryableError(read, false))
	assert.False(t, retryableError(context.Canceled, true))
	assert.False(t, retryableError(errRedirectRefused, true))
}

func TestRetryAfterIsCapped(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for _, v := range []string{"999999999999", "Wed, 01 Jan 2200 00:00:00 GMT"} {
		d, ok := parseRetryAfter(v, now)
		assert.True(t, ok)
		assert.Equal(t, 24*time.Hour, d, v)
	}
}

// An error from a custom transport (here the api package's strict
// validator refusing an answer) is not a network failure: a GET is not
// sent again.
func TestCustomTransportErrorsAreNotRetried(t *testing.T) {
	t.Parallel()
	ts := newTestAPI(t)
	ts.route(opGetUser, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{"user": map[string]any{}}})
	})
	vt := api.NewTransport(nil, api.Strict)
	sess := ts.client(WithHTTPClient(&http.Client{Transport: vt})).NewManualSession(ts.mint(userClaims("u-1"), time.Hour, time.Hour))
	_, err := sess.Auth.GetUser(bg, "u-1")
	var ve *api.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, 1, ts.count(opGetUser))
}
