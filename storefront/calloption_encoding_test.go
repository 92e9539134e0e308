package storefront

import (
	"compress/gzip"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An API (or a proxy in front of it) that compresses what it is asked to:
// net/http asks and decompresses by itself, unless the caller sets
// Accept-Encoding — then the SDK would get gzip bytes where it reads JSON.
// WithHeader refuses the headers that describe the bytes on the wire.
func TestWithHeaderRefusesEncodingHeaders(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	a.route("GET /carts/cart-1", a.withBearer(func(w http.ResponseWriter, r *http.Request, _ claimsMap) {
		body := `{"message":"ok","success":true,"content":{"cart":{"id":"cart-1"}}}`
		w.Header().Set("Content-Type", "application/json")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			_, _ = zw.Write([]byte(body))
			_ = zw.Close()
			return
		}
		_, _ = w.Write([]byte(body))
	}))
	sess := a.client().NewSession(nil)
	_, err := sess.Cart.GetCart(bg, "cart-1")
	require.NoError(t, err, "net/http's own compression is transparent")

	for _, name := range []string{"Accept-Encoding", "accept-encoding", "Content-Encoding", "Transfer-Encoding"} {
		_, err := sess.Cart.GetCart(bg, "cart-1", WithHeader(name, "gzip"))
		require.ErrorIs(t, err, ErrInvalidParam, name)
		assert.Contains(t, err.Error(), "WithHeader", name)
	}
}
