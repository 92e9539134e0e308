package web_test

import (
	"net/http"
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

// replicas are the back ends a browser's requests reach in cookie mode:
// one, or two over Redis, each with its own client and CookieSessions
// (the same key).
type replicas struct {
	sessions [2]web.SessionStore
	clients  [2]*storefront.Client
}

func cookieReplicas(t *testing.T, e *env, shared bool) replicas {
	t.Helper()
	key := newKey(t)
	if !shared {
		s, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{key}})
		require.NoError(t, err)
		c := e.client(t)
		return replicas{[2]web.SessionStore{s, s}, [2]*storefront.Client{c, c}}
	}
	rs := redistest.Start(t)
	rdb := redis.NewClient(&redis.Options{Addr: rs.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	var r replicas
	for i := range r.sessions {
		s, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{key}, Renewals: redisstore.New(rdb)})
		require.NoError(t, err)
		r.sessions[i], r.clients[i] = s, e.client(t)
	}
	return r
}

// One browser, two requests with the same expired pair: a slow one renews
// it, the other logs in (or out), and the slow response arrives last. Its
// cookie must not undo the login (or the logout).
func TestCookieSlowRequestDoesNotUndoAnIdentityChange(t *testing.T) {
	t.Parallel()
	for _, shared := range []bool{false, true} {
		name := "one replica"
		if shared {
			name = "two replicas over Redis"
		}
		t.Run(name+"/login", func(t *testing.T) {
			e := newEnv(t)
			r := cookieReplicas(t, e, shared)
			b := newBrowser()
			b.visit(web.NewMiddleware(r.clients[1], r.sessions[1]).Handler(e.app()), "/") // anonymous
			held := slowRenewalAgainst(t, e, r, b, "/login", e.userID+" true")
			claims := claimsOf(t, held)
			assert.True(t, claims.IsLoggedIn, "the login survives the slow response")
			assert.Equal(t, e.userID, claims.UserID)
		})
		t.Run(name+"/logout", func(t *testing.T) {
			e := newEnv(t)
			r := cookieReplicas(t, e, shared)
			b := newBrowser()
			b.visit(web.NewMiddleware(r.clients[1], r.sessions[1]).Handler(e.app()), "/login")
			held := slowRenewalAgainst(t, e, r, b, "/logout", e.userID+" false")
			assert.False(t, claimsOf(t, held).IsLoggedIn, "the logout survives the slow response")
		})
	}
}

// slowRenewalAgainst expires b's pair, sends a slow request that renews it
// to replica 0 and, once it has renewed, target to replica 1 with the same
// cookie; b takes target's answer first and the slow one last. It returns
// the pair b's cookie holds afterwards.
func slowRenewalAgainst(t *testing.T, e *env, r replicas, b *browser, target, want string) storefront.Tokens {
	t.Helper()
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	renewed, released := make(chan struct{}), make(chan struct{})
	release := sync.OnceFunc(func() { close(released) })
	defer release()
	slow := web.NewMiddleware(r.clients[0], r.sessions[0]).Handler(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		_, err := web.Session(req.Context()).AccessToken(req.Context())
		assert.NoError(t, err)
		close(renewed)
		<-released
		_, _ = w.Write([]byte("slow page"))
	}))
	cookies := b.cookies()
	slowResp := make(chan *http.Response, 1)
	go func() { slowResp <- send(slow, "/", cookies) }()
	<-renewed

	resp := send(web.NewMiddleware(r.clients[1], r.sessions[1]).Handler(e.app()), target, cookies)
	require.Equal(t, want, body(t, resp))
	require.NotNil(t, sessionCookie(resp))
	b.take(resp)
	release()
	b.take(<-slowResp)
	return heldBy(t, r.sessions[1], r.clients[1], b.cookies())
}

// heldBy returns the pair a request with cookies finds in its session,
// without a network call.
func heldBy(t *testing.T, sessions web.SessionStore, c *storefront.Client, cookies []*http.Cookie) storefront.Tokens {
	t.Helper()
	var got storefront.Tokens
	var err error
	send(web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, err = web.Session(r.Context()).Tokens(r.Context())
	})), "/", cookies)
	require.NoError(t, err)
	return got
}

// claimsOf returns the claims of a pair's access token; zero Claims for
// no pair.
func claimsOf(t *testing.T, p storefront.Tokens) storefront.Claims {
	t.Helper()
	if p.AccessToken == "" {
		return storefront.Claims{}
	}
	c, err := storefront.ParseClaims(p.AccessToken)
	require.NoError(t, err)
	return *c
}
