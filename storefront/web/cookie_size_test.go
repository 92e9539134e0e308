package web_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
	"github.com/commercengine-go/sdk/storefront/web"
)

// browserCookieLimit is what every browser keeps of one cookie: its name,
// value and attributes (RFC 6265, section 6.1).
const browserCookieLimit = 4096

// randomName returns n lowercase letters, the same for the same seed.
func randomName(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.IntN(26))
	}
	return string(b)
}

// jsonCookieBytes is the length of the Set-Cookie line that held pair as
// JSON: base64url(key ID, nonce, creation time, JSON, tag).
func jsonCookieBytes(t *testing.T, pair storefront.Tokens) int {
	t.Helper()
	j, err := json.Marshal(pair)
	require.NoError(t, err)
	ck := &http.Cookie{Name: web.DefaultCookieName, Value: strings.Repeat("x", base64.RawURLEncoding.EncodedLen(4+12+8+len(j)+16)),
		Path: "/", MaxAge: int(web.DefaultCookieMaxAge.Seconds()), HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}
	return len(ck.String())
}

// longNamedUser registers a user whose first and last names are n letters.
func longNamedUser(t *testing.T, e *env, email string, n int) string {
	t.Helper()
	info, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: randomName(1, n), LastName: randomName(2, n),
		Email: email, Password: "correct-horse"})
	require.NoError(t, err)
	return info.ID
}

// A cookie too large for a browser is never dropped silently: the pair is
// stored compactly enough to fit, and a pair that cannot fit fails the
// operation that produced it, naming the limit, with the browser's cookie
// left as it was.
func TestOversizedCookies(t *testing.T) {
	t.Parallel()
	t.Run("a long-named shopper fits", func(t *testing.T) {
		e := newEnv(t)
		id := longNamedUser(t, e, "long@example.com", 620)
		a, r, err := e.srv.IssueTokens(id)
		require.NoError(t, err)
		require.Greater(t, jsonCookieBytes(t, storefront.Tokens{AccessToken: a, RefreshToken: r}), browserCookieLimit,
			"the shopper's pair as JSON would not fit")

		sessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}})
		require.NoError(t, err)
		h := web.NewMiddleware(e.client(t), sessions).Handler(e.app())
		b := newBrowser()
		b.visit(h, "/")
		resp := b.visit(h, "/login?email=long@example.com")
		require.Equal(t, id+" true", body(t, resp))
		ck := sessionCookie(resp)
		require.NotNil(t, ck, "the login's cookie is sent")
		assert.LessOrEqual(t, len(resp.Header.Get("Set-Cookie")), browserCookieLimit)
		assert.Equal(t, id+" true", body(t, b.visit(h, "/")), "the next request is logged in")
	})

	t.Run("a pair that cannot fit fails the login", func(t *testing.T) {
		e := newEnv(t)
		longNamedUser(t, e, "huge@example.com", 4000)
		sessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}})
		require.NoError(t, err)
		c := e.client(t)
		b := newBrowser()
		b.visit(web.NewMiddleware(c, sessions).Handler(e.app()), "/")
		before := b.value()

		var loginErr error
		h := web.NewMiddleware(c, sessions, web.WithLogger(e.logger())).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, loginErr = web.Session(r.Context()).Auth.LoginWithPassword(r.Context(),
				storefront.LoginWithPasswordParams{Email: "huge@example.com", Password: "correct-horse"})
		}))
		resp := b.visit(h, "/")
		require.Error(t, loginErr)
		assert.ErrorIs(t, loginErr, web.ErrCookieTooLarge)
		assert.Contains(t, loginErr.Error(), "4096")
		assert.Nil(t, sessionCookie(resp), "no cookie a browser would drop")
		assert.Equal(t, before, b.value(), "the browser keeps its cookie")
		assert.Contains(t, e.logs.String(), "level=WARN")
	})

	// At the limit exactly, the cookie is written; a byte more (a longer
	// cookie name, here), and the save fails.
	t.Run("at the browser limit", func(t *testing.T) {
		e := newEnv(t)
		c := e.client(t)
		key := newKey(t)
		pair := e.pair(t)
		setCookie := func(name string) (string, error) {
			sessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{key}, Cookie: web.CookieOptions{Name: name}})
			require.NoError(t, err)
			var saveErr error
			resp := send(web.NewMiddleware(c, sessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				saveErr = web.Session(r.Context()).SetTokens(r.Context(), pair)
			})), "/", nil)
			return resp.Header.Get("Set-Cookie"), saveErr
		}
		line, err := setCookie("n")
		require.NoError(t, err)
		name := strings.Repeat("n", 1+browserCookieLimit-len(line))

		line, err = setCookie(name)
		require.NoError(t, err)
		assert.Len(t, line, browserCookieLimit, "a cookie of exactly 4096 bytes is written")
		line, err = setCookie(name + "n")
		require.ErrorIs(t, err, web.ErrCookieTooLarge)
		assert.Contains(t, err.Error(), fmt.Sprint(browserCookieLimit))
		assert.Empty(t, line, "4097 bytes: refused, not sent")
	})
}
