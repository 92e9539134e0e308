package storefront

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// testAPI is a scriptable stand-in for the Storefront API, mounted under a
// base path so that absolute-URL bugs show. Its default routes mint JWTs
// with the real claim names and check Bearer tokens against its own clock;
// tests replace routes to script failures.
type testAPI struct {
	t   *testing.T
	srv *httptest.Server

	mu        sync.Mutex
	now       time.Time
	accessTTL time.Duration
	refreshOK map[string]claimsMap // live refresh tokens → claims to reissue
	revoked   map[string]bool      // access tokens the server no longer accepts
	calls     map[string]int       // "METHOD /path" (relative to the base) → count
	headers   map[string][]http.Header
	bodies    map[string][]string
	routes    map[string]http.HandlerFunc
	seq       int
}

type claimsMap map[string]any

const (
	testStore  = "store-1"
	testAPIKey = "test-api-key-0123456789"
	basePath   = "/api/v1/" + testStore + "/storefront"
)

func newTestAPI(t *testing.T) *testAPI {
	t.Helper()
	a := &testAPI{
		t:         t,
		now:       time.Now(),
		accessTTL: 15 * time.Minute,
		refreshOK: map[string]claimsMap{},
		revoked:   map[string]bool{},
		calls:     map[string]int{},
		headers:   map[string][]http.Header{},
		bodies:    map[string][]string{},
		routes:    map[string]http.HandlerFunc{},
	}
	a.routes["POST /auth/anonymous"] = a.anonymous
	a.routes["POST /auth/refresh-token"] = a.refresh
	a.routes["POST /auth/logout"] = a.withBearer(a.logout)
	a.routes["POST /auth/login/password"] = a.withBearer(a.login)
	a.routes["GET /auth/user/u-1"] = a.withBearer(func(w http.ResponseWriter, r *http.Request, c claimsMap) {
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{"user": userJSON(c)}})
	})
	a.srv = httptest.NewServer(http.HandlerFunc(a.serve))
	t.Cleanup(a.srv.Close)
	return a
}

func (a *testAPI) serve(w http.ResponseWriter, r *http.Request) {
	path, ok := strings.CutPrefix(r.URL.Path, basePath)
	if !ok {
		writeJSON(w, 404, map[string]any{"message": "no such store path", "success": false, "code": "not_found"})
		return
	}
	key := r.Method + " " + path
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	a.mu.Lock()
	a.calls[key]++
	a.headers[key] = append(a.headers[key], r.Header.Clone())
	a.bodies[key] = append(a.bodies[key], string(body))
	h := a.routes[key]
	a.mu.Unlock()
	if h == nil {
		writeJSON(w, 404, map[string]any{"message": "no route " + key, "success": false, "code": "not_found"})
		return
	}
	h(w, r)
}

// route replaces the handler of "METHOD /path".
func (a *testAPI) route(key string, h http.HandlerFunc) {
	a.mu.Lock()
	a.routes[key] = h
	a.mu.Unlock()
}

func (a *testAPI) count(key string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.calls[key]
}

func (a *testAPI) headersOf(key string) []http.Header {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]http.Header(nil), a.headers[key]...)
}

func (a *testAPI) bodiesOf(key string) []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.bodies[key]...)
}

func (a *testAPI) advance(d time.Duration) {
	a.mu.Lock()
	a.now = a.now.Add(d)
	a.mu.Unlock()
}

func (a *testAPI) clock() time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.now
}

// client returns a client on this API with fast retries and the API's clock.
func (a *testAPI) client(opts ...Option) *Client {
	a.t.Helper()
	base := []Option{
		WithAPIKey(testAPIKey),
		WithBaseURL(a.srv.URL),
		WithClock(a.clock),
		WithRetryPolicy(RetryPolicy{MaxAttempts: 3, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, MaxRetryAfter: time.Second}),
	}
	c, err := New(testStore, append(base, opts...)...)
	if err != nil {
		a.t.Fatal(err)
	}
	return c
}

// mint issues a token pair for claims, valid from the API's clock.
func (a *testAPI) mint(c claimsMap, accessTTL, refreshTTL time.Duration) Tokens {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.mintLocked(c, accessTTL, refreshTTL)
}

func (a *testAPI) mintLocked(c claimsMap, accessTTL, refreshTTL time.Duration) Tokens {
	a.seq++
	now := a.now.Unix()
	access := claimsMap{"iat": now, "exp": now + int64(accessTTL/time.Second), "jti": a.seq, "store_id": testStore}
	for k, v := range c {
		access[k] = v
	}
	refresh := claimsMap{"ulid": c["ulid"], "iat": now, "exp": now + int64(refreshTTL/time.Second), "jti": a.seq, "token_type": "refresh"}
	t := Tokens{AccessToken: makeJWT(access), RefreshToken: makeJWT(refresh)}
	a.refreshOK[t.RefreshToken] = c
	return t
}

func makeJWT(c claimsMap) string {
	enc := base64.RawURLEncoding
	h := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	p, _ := json.Marshal(c)
	return h + "." + enc.EncodeToString(p) + "." + enc.EncodeToString([]byte("signature"))
}

func anonClaims(id string) claimsMap {
	return claimsMap{"ulid": id, "is_anonymous": true, "is_logged_in": false, "anonymous_id": id}
}

func userClaims(id string) claimsMap {
	return claimsMap{"ulid": id, "is_anonymous": false, "is_logged_in": true, "customer_id": "cust-" + id, "email": "asha@example.com"}
}

// withBearer checks the Bearer token against the API's clock and
// revocations before h runs.
func (a *testAPI) withBearer(h func(http.ResponseWriter, *http.Request, claimsMap)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		c, err := ParseClaims(tok)
		a.mu.Lock()
		bad := !ok || err != nil || a.revoked[tok] || !c.ExpiresAt.After(a.now)
		a.mu.Unlock()
		if bad {
			writeJSON(w, 401, map[string]any{"message": "Access token is invalid or expired", "success": false, "code": "unauthorized"})
			return
		}
		h(w, r, claimsOf(c))
	}
}

func claimsOf(c *Claims) claimsMap {
	m := claimsMap{"ulid": c.UserID, "is_anonymous": c.IsAnonymous, "is_logged_in": c.IsLoggedIn}
	if c.CustomerID != "" {
		m["customer_id"] = c.CustomerID
	}
	return m
}

func (a *testAPI) anonymous(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Api-Key") != testAPIKey {
		writeJSON(w, 401, map[string]any{"message": "Invalid API key", "success": false, "code": "unauthorized"})
		return
	}
	a.mu.Lock()
	id := fmt.Sprintf("anon-%d", a.seq+1)
	if old, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		if c, err := ParseClaims(old); err == nil && c.UserID != "" {
			id = c.UserID // keeps the visitor's identity, even from an expired token
		}
	}
	c := anonClaims(id)
	t := a.mintLocked(c, a.accessTTL, 30*24*time.Hour)
	a.mu.Unlock()
	writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{
		"user": anonymousUserJSON(id), "access_token": t.AccessToken, "refresh_token": t.RefreshToken}})
}

func (a *testAPI) refresh(w http.ResponseWriter, r *http.Request) {
	var body struct {
		RefreshToken string `json:"refresh_token"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	a.mu.Lock()
	c, ok := a.refreshOK[body.RefreshToken]
	delete(a.refreshOK, body.RefreshToken) // rotation: a used refresh token stops working
	var t Tokens
	if ok {
		t = a.mintLocked(c, a.accessTTL, 30*24*time.Hour)
	}
	a.mu.Unlock()
	if !ok {
		writeJSON(w, 401, map[string]any{"message": "Refresh token is invalid", "success": false, "code": "unauthorized"})
		return
	}
	writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{
		"access_token": t.AccessToken, "refresh_token": t.RefreshToken}})
}

func (a *testAPI) login(w http.ResponseWriter, r *http.Request, _ claimsMap) {
	var body map[string]any
	_ = json.NewDecoder(r.Body).Decode(&body)
	if body["password"] != "correct-password" {
		writeJSON(w, 401, map[string]any{"message": "Invalid credentials", "success": false, "code": "unauthorized"})
		return
	}
	c := userClaims("u-1")
	t := a.mint(c, a.accessTTL, 30*24*time.Hour)
	writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{
		"user": userJSON(c), "access_token": t.AccessToken, "refresh_token": t.RefreshToken}})
}

func (a *testAPI) logout(w http.ResponseWriter, _ *http.Request, c claimsMap) {
	ac := anonClaims(fmt.Sprint(c["ulid"]))
	t := a.mint(ac, a.accessTTL, 30*24*time.Hour)
	writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{
		"user": userJSON(ac), "access_token": t.AccessToken, "refresh_token": t.RefreshToken}})
}

func userJSON(c claimsMap) map[string]any {
	prefs := map[string]any{"email": true, "sms": false, "whatsapp": false}
	loggedIn, _ := c["is_logged_in"].(bool)
	return map[string]any{
		"id": c["ulid"], "first_name": "Asha", "last_name": nil, "email": "asha@example.com",
		"is_email_verified": true, "phone": "9876543210", "country_code": "+91", "is_phone_verified": false,
		"profile_image_url": nil, "is_anonymous": !loggedIn, "is_logged_in": loggedIn,
		"login_methods":            []string{"email", "password"},
		"notification_preferences": map[string]any{"transactional": prefs, "promotional": prefs, "newsletter": prefs},
		"created_at":               "2026-11-23T10:00:00Z", "modified_at": "2026-11-23T10:05:00Z",
		"customer_id": c["customer_id"],
	}
}

func anonymousUserJSON(id string) map[string]any {
	return map[string]any{
		"id": id, "is_anonymous": true, "is_logged_in": false, "first_name": nil, "last_name": nil,
		"phone": nil, "email": nil, "is_email_verified": false, "is_phone_verified": false,
		"profile_image_url": nil, "created_at": "2026-11-23T10:00:00Z", "modified_at": "2026-11-23T10:00:00Z",
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Request-Id", "req-123")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// logCapture collects every log record's text, for redaction checks.
type logCapture struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logCapture) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logCapture) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logCapture) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

var bg = context.Background()
