package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/web"
)

// browser keeps the cookies responses set, as a browser does: a later
// Set-Cookie of a name replaces the earlier one, Max-Age<0 deletes it.
type browser struct {
	mu  sync.Mutex
	jar map[string]*http.Cookie
}

func newBrowser() *browser { return &browser{jar: map[string]*http.Cookie{}} }

// take applies the Set-Cookie headers of resp.
func (b *browser) take(resp *http.Response) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, c := range resp.Cookies() {
		if c.MaxAge < 0 {
			delete(b.jar, c.Name)
		} else {
			b.jar[c.Name] = c
		}
	}
}

// cookies returns what the browser would send now.
func (b *browser) cookies() []*http.Cookie {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []*http.Cookie
	for _, c := range b.jar {
		out = append(out, &http.Cookie{Name: c.Name, Value: c.Value})
	}
	return out
}

// value returns the value of the session cookie, "" when there is none.
func (b *browser) value() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if c := b.jar[web.DefaultCookieName]; c != nil {
		return c.Value
	}
	return ""
}

// visit sends GET target to h with the browser's cookies, and keeps the
// cookies of the answer.
func (b *browser) visit(h http.Handler, target string) *http.Response {
	resp := send(h, target, b.cookies())
	b.take(resp)
	return resp
}

// send sends GET target to h with cookies.
func send(h http.Handler, target string, cookies []*http.Cookie) *http.Response {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// load returns what store holds.
func load(t *testing.T, store storefront.TokenStore) storefront.Tokens {
	t.Helper()
	held, err := store.Load(context.Background())
	require.NoError(t, err)
	return held
}
