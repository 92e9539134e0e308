package web_test

import (
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/web"
)

// varies reports whether h's Vary names field.
func varies(h http.Header, field string) bool {
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), field) {
				return true
			}
		}
	}
	return false
}

// A response that sets the session cookie is never stored by a shared
// cache: it is made private, whatever the handler asked for (a warning
// says so when the handler had allowed shared caches), and it varies on
// Cookie.
func TestSetCookieResponsesAreNeverSharedCacheable(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		handler string // the handler's Cache-Control
		cdn     string // the handler's CDN-Cache-Control
		want    string
		warns   bool
	}{
		{name: "none", want: "private, no-cache"},
		{name: "public", handler: "public, max-age=600", want: "private, max-age=600", warns: true},
		{name: "shared max-age", handler: "max-age=60, s-maxage=600", want: "private, max-age=60", warns: true},
		{name: "max-age alone", handler: "max-age=600", want: "private, max-age=600", warns: true},
		{name: "private qualified", handler: `private="Set-Cookie", max-age=600`, want: "private, max-age=600", warns: true},
		{name: "CDN header", cdn: "max-age=600", want: "private, no-cache", warns: true},
		{name: "already private", handler: "private, max-age=60", want: "private, max-age=60"},
		{name: "no-store", handler: "no-store", want: "no-store"},
	}
	e := newEnv(t)
	c := e.client(t)
	cookieSessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{newKey(t)}})
	require.NoError(t, err)
	serverSessions, err := web.NewServerSessions(web.ServerConfig{Tokens: web.NewMemoryTokens(0).Store})
	require.NoError(t, err)
	for mode, sessions := range map[string]web.SessionStore{"cookie": cookieSessions, "server-side": serverSessions} {
		for _, tc := range cases {
			t.Run(mode+"/"+tc.name, func(t *testing.T) {
				logs := &syncBuffer{}
				mw := web.NewMiddleware(c, sessions, web.WithLogger(slog.New(slog.NewTextHandler(logs, nil))))
				h := mw.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if tc.handler != "" {
						w.Header().Set("Cache-Control", tc.handler)
					}
					if tc.cdn != "" {
						w.Header().Set("CDN-Cache-Control", tc.cdn)
					}
					w.Header().Set("Vary", "Accept-Encoding")
					_, err := web.Session(r.Context()).EnsureClaims(r.Context()) // a new shopper: the cookie is set
					require.NoError(t, err)
					_, _ = w.Write([]byte("catalog page"))
				}))
				resp := send(h, "/", nil)
				ck := sessionCookie(resp)
				require.NotNil(t, ck)
				assert.Equal(t, []string{tc.want}, resp.Header.Values("Cache-Control"))
				assert.Empty(t, resp.Header.Values("CDN-Cache-Control"))
				assert.True(t, varies(resp.Header, "Cookie"), "Vary: %q", resp.Header.Values("Vary"))
				assert.True(t, varies(resp.Header, "Accept-Encoding"), "the handler's Vary stays")
				if tc.warns {
					assert.Contains(t, logs.String(), "level=WARN")
				} else {
					assert.NotContains(t, logs.String(), "level=WARN")
				}
				assert.NotContains(t, logs.String(), ck.Value)
			})
		}
	}

	// A response that uses the session without setting the cookie keeps
	// the handler's caching, and varies on Cookie.
	t.Run("no cookie set", func(t *testing.T) {
		h := web.NewMiddleware(c, serverSessions).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "public, max-age=60")
			_, err := web.Session(r.Context()).EnsureClaims(r.Context())
			require.NoError(t, err)
		}))
		b := newBrowser()
		b.visit(h, "/")
		resp := b.visit(h, "/")
		require.Nil(t, sessionCookie(resp))
		assert.Equal(t, "public, max-age=60", resp.Header.Get("Cache-Control"))
		assert.True(t, varies(resp.Header, "Cookie"))
	})
}
