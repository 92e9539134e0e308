package web_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/redisstore"
	"github.com/commercengine-go/sdk/storefront/redisstore/redistest"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
	"github.com/commercengine-go/sdk/storefront/web"
)

// env is a fake API with a frozen clock and a registered shopper.
type env struct {
	srv    *storefronttest.Server
	userID string
	logs   *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newEnv(t *testing.T) *env {
	t.Helper()
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	t.Cleanup(srv.Close)
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	return &env{srv: srv, userID: info.ID, logs: &syncBuffer{}}
}

func (e *env) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func (e *env) client(t *testing.T) *storefront.Client {
	t.Helper()
	c, err := storefront.New(e.srv.StoreID(), storefront.WithAPIKey(e.srv.APIKey()), storefront.WithBaseURL(e.srv.BaseURL()),
		storefront.WithClock(e.srv.Now), storefront.WithLogger(e.logger()))
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// pair is a logged-in pair for the shopper.
func (e *env) pair(t *testing.T) storefront.Tokens {
	a, r, err := e.srv.IssueTokens(e.userID)
	require.NoError(t, err)
	return storefront.Tokens{AccessToken: a, RefreshToken: r}
}

func newKey(t *testing.T) []byte {
	k := make([]byte, 32)
	_, err := rand.Read(k)
	require.NoError(t, err)
	return k
}

// app is a shop's handler: every path answers with the shopper's user ID
// and whether they are logged in ("<id> true"), after /login (as
// ?email=, default the env's shopper), /register or /logout; /peek only
// looks at the session and answers nothing.
func (e *env) app() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		sess := web.Session(ctx)
		var err error
		switch r.URL.Path {
		case "/login":
			email := r.URL.Query().Get("email")
			if email == "" {
				email = "asha@example.com"
			}
			_, err = sess.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: email, Password: "correct-horse"})
		case "/register":
			_, err = sess.Auth.RegisterWithPhone(ctx, storefront.RegisterWithPhoneParams{Phone: "9876543210", FirstName: "Ravi"})
		case "/logout":
			_, err = sess.Auth.Logout(ctx)
		case "/peek":
			if _, err := sess.Peek(ctx); err != nil && !errors.Is(err, storefront.ErrNoSession) {
				http.Error(w, err.Error(), http.StatusInternalServerError)
			}
			return
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		c, err := sess.EnsureClaims(ctx)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, "%s %t", c.UserID, c.IsLoggedIn)
	})
}

// body reads a response's body.
func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

// profile is a handler that reads the shopper's profile through their
// session and answers with their ID, or the error's status.
func (e *env) profile() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, err := web.Session(r.Context()).Auth.GetUser(r.Context(), e.userID)
		switch {
		case errors.Is(err, storefront.ErrSessionExpired):
			http.Error(w, "log in again", http.StatusUnauthorized)
		case err != nil:
			http.Error(w, "unavailable", http.StatusBadGateway)
		default:
			fmt.Fprint(w, u.ID)
		}
	})
}

func do(h http.Handler, cookies ...*http.Cookie) *http.Response {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// sessionCookie returns the response's session cookie, nil when none.
func sessionCookie(resp *http.Response) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == web.DefaultCookieName {
			return c
		}
	}
	return nil
}

// cookieFor seals t into a session cookie, as an earlier response set it.
func cookieFor(t *testing.T, sessions web.SessionStore, c *storefront.Client, pair storefront.Tokens) *http.Cookie {
	t.Helper()
	h := web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.NoError(t, web.Session(r.Context()).SetTokens(r.Context(), pair))
	}))
	ck := sessionCookie(do(h))
	require.NotNil(t, ck)
	return ck
}

func TestCookieAttributesAndSecrecy(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	sessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}})
	require.NoError(t, err)
	pair := e.pair(t)
	ck := cookieFor(t, sessions, e.client(t), pair)
	assert.True(t, ck.HttpOnly)
	assert.True(t, ck.Secure)
	assert.Equal(t, http.SameSiteLaxMode, ck.SameSite)
	assert.Equal(t, "/", ck.Path)
	assert.Equal(t, int(web.DefaultCookieMaxAge/time.Second), ck.MaxAge)
	raw, err := base64.RawURLEncoding.DecodeString(ck.Value)
	require.NoError(t, err)
	for _, part := range append(strings.Split(pair.AccessToken, "."), strings.Split(pair.RefreshToken, ".")...) {
		assert.NotContains(t, string(raw), part[:min(12, len(part))], "the cookie is encrypted")
	}
	assert.Less(t, len(ck.String()), 4096, "fits in a browser's cookie")
}

// Key rotation: a cookie sealed with the old key still opens once a new
// key is first; new cookies are sealed with the new key; a cookie whose
// key was dropped, or that was tampered with, is no session.
func TestCookieKeyRotationAndTampering(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.client(t)
	oldKey, newK := newKey(t), newKey(t)
	before, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{oldKey}})
	require.NoError(t, err)
	pair := e.pair(t)
	ck := cookieFor(t, before, c, pair)

	tokensIn := func(sessions web.SessionStore, ck *http.Cookie) storefront.Tokens {
		var got storefront.Tokens
		h := web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got, _ = web.Session(r.Context()).Tokens(r.Context())
		}))
		do(h, ck)
		return got
	}
	rotated, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newK, oldKey}})
	require.NoError(t, err)
	assert.Equal(t, pair, tokensIn(rotated, ck), "the old key still decrypts")
	newCookie := cookieFor(t, rotated, c, pair)
	onlyNew, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newK}})
	require.NoError(t, err)
	assert.Equal(t, pair, tokensIn(onlyNew, newCookie), "new cookies use the first key")
	assert.True(t, tokensIn(onlyNew, ck).IsZero(), "a dropped key's cookies no longer open")

	raw, _ := base64.RawURLEncoding.DecodeString(ck.Value)
	raw[len(raw)-1] ^= 1
	tampered := &http.Cookie{Name: ck.Name, Value: base64.RawURLEncoding.EncodeToString(raw)}
	assert.True(t, tokensIn(before, tampered).IsZero(), "a tampered cookie is no session")
	renamed := &http.Cookie{Name: "other", Value: ck.Value}
	other, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{oldKey}, Cookie: web.CookieOptions{Name: "other"}})
	require.NoError(t, err)
	assert.True(t, tokensIn(other, renamed).IsZero(), "the cookie's name is authenticated")

	_, err = web.NewCookieSessions(web.CookieConfig{})
	require.Error(t, err)
	_, err = web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{[]byte("short")}})
	require.Error(t, err)
}

// The cookie is written before the handler's first byte, however the
// handler starts its response.
func TestCookieIsWrittenBeforeTheFirstByte(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	sessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}})
	require.NoError(t, err)
	c := e.client(t)
	for name, write := range map[string]func(w http.ResponseWriter){
		"Write":       func(w http.ResponseWriter) { _, _ = w.Write([]byte("hello")) },
		"WriteHeader": func(w http.ResponseWriter) { w.WriteHeader(http.StatusCreated); _, _ = w.Write([]byte("x")) },
		"Flush":       func(w http.ResponseWriter) { _ = http.NewResponseController(w).Flush() },
		"nothing":     func(http.ResponseWriter) {},
	} {
		t.Run(name, func(t *testing.T) {
			h := web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, err := web.Session(r.Context()).EnsureClaims(r.Context())
				require.NoError(t, err)
				write(w)
			}))
			srv := httptest.NewServer(h) // a real server: headers go out at the first byte
			defer srv.Close()
			resp, err := srv.Client().Get(srv.URL)
			require.NoError(t, err)
			resp.Body.Close()
			assert.NotNil(t, sessionCookie(resp), "Set-Cookie went out with the header")
		})
	}
}

// Rule 4: parallel requests of one browser right after expiry (the issue's
// 4 parallel GET /me, here 8): one refresh, all succeed, and every
// response carries a cookie with the same new pair; none deletes it.
func TestParallelRequestsOfOneBrowserRefreshOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.client(t)
	sessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}})
	require.NoError(t, err)
	ck := cookieFor(t, sessions, c, e.pair(t))
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	e.srv.InjectFault(storefronttest.OpRefreshToken, storefronttest.Fault{Latency: 50 * time.Millisecond, Times: 1})

	h := web.NewMiddleware(c, sessions).Handler(e.profile())
	resps := make([]*http.Response, 8)
	var wg sync.WaitGroup
	for i := range resps {
		wg.Go(func() { resps[i] = do(h, ck) })
	}
	wg.Wait()
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
	var pairs []storefront.Tokens
	for i, resp := range resps {
		require.Equal(t, http.StatusOK, resp.StatusCode, "request %d", i)
		nc := sessionCookie(resp)
		require.NotNil(t, nc, "request %d sets the new pair", i)
		assert.Positive(t, nc.MaxAge, "request %d: not a deleting cookie", i)
		var got storefront.Tokens
		do(web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got, _ = web.Session(r.Context()).Tokens(r.Context())
		})), nc)
		pairs = append(pairs, got)
	}
	for _, p := range pairs {
		assert.Equal(t, pairs[0], p, "every response carries the same pair")
	}
}

// A refresh never sends a deleting cookie unless the API ended the session.
func TestOnlyTheAPIDeletesTheCookie(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.client(t)
	sessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}})
	require.NoError(t, err)
	pair := e.pair(t)
	ck := cookieFor(t, sessions, c, pair)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	h := web.NewMiddleware(c, sessions).Handler(e.profile())

	e.srv.InjectFault(storefronttest.OpRefreshToken, storefronttest.Fault{Status: http.StatusServiceUnavailable, Times: 1})
	resp := do(h, ck)
	assert.Equal(t, http.StatusBadGateway, resp.StatusCode)
	assert.Nil(t, sessionCookie(resp), "a failed refresh leaves the cookie alone")

	other, err := storefront.New(e.srv.StoreID(), storefront.WithBaseURL(e.srv.BaseURL()), storefront.WithClock(e.srv.Now))
	require.NoError(t, err)
	_, err = other.NewManualSession(pair).Auth.RefreshToken(context.Background()) // another back end spends it
	require.NoError(t, err)
	resp = do(h, ck)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	del := sessionCookie(resp)
	require.NotNil(t, del, "the API ended the session: the cookie goes")
	assert.Negative(t, del.MaxAge)
}

// A pair saved after the response started: in cookie mode the save is
// refused and logged, and the renewal reaches the next request through
// the grace window; in server-side mode it is saved anyway.
func TestLateSaves(t *testing.T) {
	t.Parallel()
	t.Run("cookie", func(t *testing.T) {
		e := newEnv(t)
		c := e.client(t)
		sessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}})
		require.NoError(t, err)
		ck := cookieFor(t, sessions, c, e.pair(t))
		e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
		h := web.NewMiddleware(c, sessions, web.WithLogger(e.logger())).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sess := web.Session(r.Context())
			_, _ = w.Write([]byte("body first"))
			_, err := sess.AccessToken(r.Context()) // renews after the response started
			assert.NoError(t, err, "the renewed token is usable")
		}))
		resp := do(h, ck)
		assert.Nil(t, sessionCookie(resp), "too late for a cookie")
		assert.Contains(t, e.logs.String(), "saved after the response started")
		assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))

		resp = do(web.NewMiddleware(c, sessions).Handler(e.profile()), ck)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		assert.NotNil(t, sessionCookie(resp), "the next request carries the renewed pair")
		assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken), "adopted from the grace window, not refreshed again")
	})
	t.Run("server-side", func(t *testing.T) {
		e := newEnv(t)
		c := e.client(t)
		tokens := web.NewMemoryTokens(0)
		sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tokens.Store})
		require.NoError(t, err)
		ck := cookieFor(t, sessions, c, e.pair(t))
		e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
		h := web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sess := web.Session(r.Context())
			_, _ = w.Write([]byte("body first"))
			_, err := sess.AccessToken(r.Context())
			assert.NoError(t, err)
		}))
		do(h, ck)
		held, err := tokens.Store(ck.Value).Load(context.Background())
		require.NoError(t, err)
		claims, err := storefront.ParseClaims(held.AccessToken)
		require.NoError(t, err)
		assert.True(t, claims.ExpiresAt.After(e.srv.Now()), "the renewed pair was saved")
	})
}

// Server-side sessions: the cookie holds only the ID; requests that never
// use their session set no cookie.
func TestServerSessions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.client(t)
	tokens := web.NewMemoryTokens(time.Hour)
	sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tokens.Store})
	require.NoError(t, err)
	h := web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("use") == "" {
			return
		}
		_, err := web.Session(r.Context()).EnsureClaims(r.Context())
		require.NoError(t, err)
	}))
	resp := do(h)
	assert.Nil(t, sessionCookie(resp), "no session used, no cookie")
	req := httptest.NewRequest(http.MethodGet, "/?use=1", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	ck := sessionCookie(rec.Result())
	require.NotNil(t, ck)
	assert.Len(t, ck.Value, 43)
	held, err := tokens.Store(ck.Value).Load(context.Background())
	require.NoError(t, err)
	assert.NotContains(t, held.AccessToken, ck.Value)
	assert.False(t, held.IsZero(), "the pair is on the server")
	assert.Nil(t, web.Session(context.Background()), "no session outside the middleware")
}

// Several replicas, each its own client, over Redis: server-side sessions
// and cookie sessions with shared renewals refresh a pair once between
// them, and every request succeeds.
func TestReplicasOverRedis(t *testing.T) {
	t.Parallel()
	rs := redistest.Start(t)
	rdb := redis.NewClient(&redis.Options{Addr: rs.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	backend := redisstore.New(rdb)

	for _, mode := range []string{"server-side", "cookie"} {
		t.Run(mode, func(t *testing.T) {
			e := newEnv(t)
			var sessions web.SessionStore
			if mode == "cookie" {
				s, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}, Renewals: backend})
				require.NoError(t, err)
				sessions = s
			} else {
				s, err := web.NewServerSessions(web.ServerConfig{Tokens: backend.TokenStore})
				require.NoError(t, err)
				sessions = s
			}
			replicas := []*storefront.Client{e.client(t), e.client(t)}
			ck := cookieFor(t, sessions, replicas[0], e.pair(t))
			e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
			e.srv.InjectFault(storefronttest.OpRefreshToken, storefronttest.Fault{Latency: 50 * time.Millisecond, Times: 1})

			resps := make([]*http.Response, 12)
			var wg sync.WaitGroup
			for i := range resps {
				wg.Go(func() {
					resps[i] = do(web.NewMiddleware(replicas[i%2], sessions).Handler(e.profile()), ck)
				})
			}
			wg.Wait()
			for i, resp := range resps {
				assert.Equal(t, http.StatusOK, resp.StatusCode, "request %d", i)
			}
			assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken), "one refresh for both replicas")
		})
	}
}

// A session first used after the response started cannot set a cookie:
// its pairs stay in memory for the rest of the request (nothing is stored
// under an ID no browser will send), and a warning says so.
func TestSessionFirstUsedAfterTheResponseStarted(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.client(t)
	cookieSessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}})
	require.NoError(t, err)
	tokens := web.NewMemoryTokens(0)
	serverSessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tokens.Store})
	require.NoError(t, err)
	for mode, sessions := range map[string]web.SessionStore{"cookie": cookieSessions, "server-side": serverSessions} {
		t.Run(mode, func(t *testing.T) {
			logs := &syncBuffer{}
			h := web.NewMiddleware(c, sessions, web.WithLogger(slog.New(slog.NewTextHandler(logs, nil)))).Handler(
				http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					_, _ = w.Write([]byte("body first"))
					_, err := web.Session(r.Context()).EnsureClaims(r.Context())
					assert.NoError(t, err, "the session works for the rest of the request")
				}))
			resp := send(h, "/", nil)
			assert.Nil(t, sessionCookie(resp))
			assert.Contains(t, logs.String(), "level=WARN")
		})
	}
	assert.Equal(t, 0, tokens.Len(), "nothing stored under an ID no browser has")
}
