package web_test

import (
	"context"
	"fmt"
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

// tokenBackend is a TokenStore per session ID, for ServerConfig.Tokens.
type tokenBackend struct {
	name   string
	tokens func(id string) storefront.TokenStore
}

// eachTokenBackend runs f over a MemoryTokens and over Redis (a key
// prefix per test): server-side sessions must work over any TokenStore
// per ID.
func eachTokenBackend(t *testing.T, f func(t *testing.T, tb tokenBackend)) {
	rs := redistest.Start(t)
	rdb := redis.NewClient(&redis.Options{Addr: rs.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	t.Run("memory", func(t *testing.T) { f(t, tokenBackend{"memory", web.NewMemoryTokens(0).Store}) })
	t.Run("redis", func(t *testing.T) {
		f(t, tokenBackend{"redis", redisstore.New(rdb, redisstore.WithPrefix(t.Name()+":")).TokenStore})
	})
}

func serverApp(t *testing.T, e *env, tb tokenBackend) http.Handler {
	t.Helper()
	sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tb.tokens})
	require.NoError(t, err)
	return web.NewMiddleware(e.client(t), sessions, web.WithLogger(e.logger())).Handler(e.app())
}

// An ID the server did not issue (no record) is never adopted: the
// request gets a fresh one, and the planted ID never holds a pair, not
// even once its victim logs in.
func TestServerSessionsIgnoreAnUnissuedID(t *testing.T) {
	t.Parallel()
	eachTokenBackend(t, func(t *testing.T, tb tokenBackend) {
		e := newEnv(t)
		h := serverApp(t, e, tb)
		planted, err := web.NewSessionID()
		require.NoError(t, err)
		victim := newBrowser()
		victim.jar[web.DefaultCookieName] = &http.Cookie{Name: web.DefaultCookieName, Value: planted}

		resp := victim.visit(h, "/")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		assert.NotEqual(t, planted, victim.value(), "a fresh ID replaces the planted one")
		assert.True(t, load(t, tb.tokens(planted)).IsZero(), "nothing is stored under the planted ID")
		assert.False(t, load(t, tb.tokens(victim.value())).IsZero(), "the session lives under the fresh ID")

		resp = victim.visit(h, "/login")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Equal(t, e.userID+" true", body(t, resp))
		resp = send(h, "/", []*http.Cookie{{Name: web.DefaultCookieName, Value: planted}})
		assert.NotContains(t, body(t, resp), e.userID, "the planted ID is not the victim")
		assert.True(t, load(t, tb.tokens(planted)).IsZero())
	})
}

// The ID changes whenever the shopper's identity does (login, registration,
// logout): the old record is deleted and the new ID's cookie goes out with
// the response that changed it.
func TestServerSessionsNewIDOnIdentityChange(t *testing.T) {
	t.Parallel()
	eachTokenBackend(t, func(t *testing.T, tb tokenBackend) {
		t.Run("login", func(t *testing.T) {
			e := newEnv(t)
			h := serverApp(t, e, tb)
			attacker := newBrowser()
			attacker.visit(h, "/") // an ID the server issued, to the attacker
			issued := attacker.value()
			require.NotEmpty(t, issued)
			victim := newBrowser()
			victim.jar[web.DefaultCookieName] = &http.Cookie{Name: web.DefaultCookieName, Value: issued} // planted

			resp := victim.visit(h, "/login")
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, e.userID+" true", body(t, resp))
			assert.NotEqual(t, issued, victim.value(), "the login's response carries a new ID")
			assert.True(t, load(t, tb.tokens(issued)).IsZero(), "the old record is deleted")

			resp = attacker.visit(h, "/")
			assert.NotContains(t, body(t, resp), e.userID, "the attacker's ID does not reach the victim's login")
			assert.NotEqual(t, victim.value(), attacker.value())
			resp = victim.visit(h, "/")
			assert.Equal(t, e.userID+" true", body(t, resp), "the victim stays logged in under the new ID")
			for _, id := range []string{issued, victim.value(), attacker.value()} {
				assert.NotContains(t, e.logs.String(), id, "no session ID is logged")
			}
		})
		t.Run("registration", func(t *testing.T) {
			e := newEnv(t)
			h := serverApp(t, e, tb)
			b := newBrowser()
			resp := b.visit(h, "/")
			var visitor string
			_, err := fmt.Sscanf(body(t, resp), "%s false", &visitor)
			require.NoError(t, err)
			before := b.value()

			resp = b.visit(h, "/register")
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, visitor+" true", body(t, resp), "registration keeps the visitor's ID and logs them in")
			assert.NotEqual(t, before, b.value(), "the registration's response carries a new ID")
			assert.True(t, load(t, tb.tokens(before)).IsZero(), "the old record is deleted")
			assert.Equal(t, visitor+" true", body(t, b.visit(h, "/")))
		})
		t.Run("logout", func(t *testing.T) {
			e := newEnv(t)
			h := serverApp(t, e, tb)
			b := newBrowser()
			require.Equal(t, e.userID+" true", body(t, b.visit(h, "/login")))
			before := b.value()

			resp := b.visit(h, "/logout")
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, e.userID+" false", body(t, resp))
			assert.NotEqual(t, before, b.value(), "the logout's response carries a new ID")
			assert.True(t, load(t, tb.tokens(before)).IsZero(), "the logged-in record is deleted")
			resp = send(h, "/", []*http.Cookie{{Name: web.DefaultCookieName, Value: before}})
			assert.NotContains(t, body(t, resp), " true", "the old ID is logged in no more")
		})
	})
}

// An identity change after the response started cannot send its new ID:
// it fails with ErrResponseStarted and the old ID keeps what it held,
// rather than holding a login under an ID the browser may share.
func TestServerSessionsIdentityChangeAfterTheResponseStarted(t *testing.T) {
	t.Parallel()
	eachTokenBackend(t, func(t *testing.T, tb tokenBackend) {
		e := newEnv(t)
		sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tb.tokens})
		require.NoError(t, err)
		c := e.client(t)
		b := newBrowser()
		b.visit(web.NewMiddleware(c, sessions).Handler(e.app()), "/")
		id := b.value()
		before := load(t, tb.tokens(id))
		require.False(t, before.IsZero())

		var loginErr error
		late := web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sess := web.Session(r.Context())
			_, _ = w.Write([]byte("body first"))
			_, loginErr = sess.Auth.LoginWithPassword(r.Context(), storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
		}))
		resp := b.visit(late, "/")
		require.ErrorIs(t, loginErr, web.ErrResponseStarted)
		assert.Nil(t, sessionCookie(resp))
		assert.Equal(t, id, b.value())
		assert.Equal(t, before, load(t, tb.tokens(id)), "the old ID keeps its anonymous pair")
		assert.Contains(t, e.logs.String(), "level=WARN")
	})
}

// A request that loaded the pair before another request of the browser
// logged in (and so moved the session to a new ID) finishes without
// bringing the old ID back or sending a cookie: the login stands.
func TestServerSessionsRequestDuringALogin(t *testing.T) {
	t.Parallel()
	eachTokenBackend(t, func(t *testing.T, tb tokenBackend) {
		e := newEnv(t)
		sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tb.tokens})
		require.NoError(t, err)
		c := e.client(t)
		h := web.NewMiddleware(c, sessions).Handler(e.app())
		b := newBrowser()
		b.visit(h, "/")
		old := b.value()
		e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)

		loaded, released := make(chan struct{}), make(chan struct{})
		release := sync.OnceFunc(func() { close(released) })
		defer release()
		slow := web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sess := web.Session(r.Context())
			_, err := sess.Tokens(r.Context())
			assert.NoError(t, err)
			close(loaded)
			<-released
			_, err = sess.EnsureClaims(r.Context()) // renews the pair the login replaced
			assert.NoError(t, err)
		}))
		cookies := b.cookies()
		slowResp := make(chan *http.Response, 1)
		go func() { slowResp <- send(slow, "/", cookies) }()
		<-loaded
		resp := b.visit(h, "/login")
		require.Equal(t, e.userID+" true", body(t, resp))
		moved := b.value()
		require.NotEqual(t, old, moved)
		release()
		resp = <-slowResp
		assert.Nil(t, sessionCookie(resp), "the slow request sends no cookie")
		b.take(resp)
		assert.Equal(t, moved, b.value())
		assert.True(t, load(t, tb.tokens(old)).IsZero(), "the old ID stays empty")
		assert.Equal(t, e.userID+" true", body(t, b.visit(h, "/")))
	})
}

// MemoryTokens creates nothing for an ID it does not hold: made-up IDs,
// looked up directly or sent by browsers, add no entry.
func TestMemoryTokensStoreNothingForUnknownIDs(t *testing.T) {
	t.Parallel()
	tokens := web.NewMemoryTokens(0)
	ctx := context.Background()
	for range 50_000 {
		id, err := web.NewSessionID()
		require.NoError(t, err)
		held, err := tokens.Store(id).Load(ctx)
		require.NoError(t, err)
		require.True(t, held.IsZero())
	}
	assert.Equal(t, 0, tokens.Len())

	e := newEnv(t)
	sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tokens.Store})
	require.NoError(t, err)
	h := web.NewMiddleware(e.client(t), sessions).Handler(e.app())
	for range 100 {
		id, err := web.NewSessionID()
		require.NoError(t, err)
		resp := send(h, "/peek", []*http.Cookie{{Name: web.DefaultCookieName, Value: id}})
		require.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Nil(t, sessionCookie(resp), "nothing saved, no cookie")
	}
	assert.Equal(t, 0, tokens.Len())
}

// MemoryTokens is bounded: past its cap, the session used least recently
// is forgotten first.
func TestMemoryTokensAreBounded(t *testing.T) {
	t.Parallel()
	tokens := web.NewMemoryTokens(0, web.MaxSessions(3))
	ctx := context.Background()
	pair := func(i int) storefront.Tokens {
		return storefront.Tokens{AccessToken: fmt.Sprintf("access-%d", i), RefreshToken: fmt.Sprintf("refresh-%d", i)}
	}
	ids := make([]string, 5)
	for i := range ids {
		var err error
		ids[i], err = web.NewSessionID()
		require.NoError(t, err)
	}
	for i := range 3 {
		require.NoError(t, tokens.Store(ids[i]).Save(ctx, pair(i)))
	}
	assert.Equal(t, pair(0), load(t, tokens.Store(ids[0])), "using 0 makes 1 the least recently used")
	require.NoError(t, tokens.Store(ids[3]).Save(ctx, pair(3)))
	assert.Equal(t, 3, tokens.Len())
	assert.True(t, load(t, tokens.Store(ids[1])).IsZero(), "1 was forgotten")
	for _, i := range []int{0, 2, 3} {
		assert.Equal(t, pair(i), load(t, tokens.Store(ids[i])))
	}
	require.NoError(t, tokens.Store(ids[4]).Save(ctx, pair(4)))
	assert.True(t, load(t, tokens.Store(ids[0])).IsZero(), "then 0, the least recently used of the rest")
	assert.Equal(t, 3, tokens.Len())

	require.NoError(t, tokens.Store(ids[4]).Clear(ctx))
	assert.Equal(t, 2, tokens.Len(), "Clear deletes the record")
}

// When the API ends a server-side session, its record is deleted and no
// cookie is sent (a deleting cookie could overtake a newer login's); the
// ID is never adopted again, so the browser's next request starts anew.
func TestServerSessionsAfterTheAPIEndsTheSession(t *testing.T) {
	t.Parallel()
	eachTokenBackend(t, func(t *testing.T, tb tokenBackend) {
		e := newEnv(t)
		sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tb.tokens})
		require.NoError(t, err)
		c := e.client(t)
		b := newBrowser()
		require.Equal(t, e.userID+" true", body(t, b.visit(web.NewMiddleware(c, sessions).Handler(e.app()), "/login")))
		ended := b.value()
		other, err := storefront.New(e.srv.StoreID(), storefront.WithBaseURL(e.srv.BaseURL()), storefront.WithClock(e.srv.Now))
		require.NoError(t, err)
		_, err = other.NewManualSession(load(t, tb.tokens(ended))).Auth.RefreshToken(context.Background()) // spends the refresh token
		require.NoError(t, err)
		e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)

		resp := b.visit(web.NewMiddleware(c, sessions).Handler(e.profile()), "/")
		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
		assert.Nil(t, sessionCookie(resp))
		assert.True(t, load(t, tb.tokens(ended)).IsZero(), "the record is deleted")

		resp = b.visit(web.NewMiddleware(c, sessions).Handler(e.app()), "/")
		assert.NotContains(t, body(t, resp), " true")
		assert.NotEqual(t, ended, b.value(), "a fresh ID")
		assert.True(t, load(t, tb.tokens(ended)).IsZero())
	})
}
