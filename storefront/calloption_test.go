package storefront

import (
	"net"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cartRoute answers get-cart for every cart ID with statuses in turn
// (then 200), and records nothing beyond what testAPI does.
func cartRoute(a *testAPI, statuses ...int) {
	n := 0
	a.route("GET /carts/cart-1", a.withBearer(func(w http.ResponseWriter, _ *http.Request, _ claimsMap) {
		a.mu.Lock()
		status := 200
		if n < len(statuses) {
			status = statuses[n]
		}
		n++
		a.mu.Unlock()
		if status != 200 {
			writeJSON(w, status, map[string]any{"message": "no such cart", "success": false, "code": "not_found"})
			return
		}
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{"cart": map[string]any{"id": "cart-1"}}})
	}))
}

func TestWithHeaderIsSentAndOverridesTheSDKs(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	cartRoute(a)
	c := a.client(WithCustomerGroup("retail"), WithUserAgent("shop/1"))
	sess := c.NewSession(nil)

	_, err := sess.Cart.GetCart(bg, "cart-1",
		WithHeader("X-Trace-Id", "trace-7"), WithHeader("user-agent", "my-agent/2"), WithHeader("X-Customer-Group-Id", "wholesale"))
	require.NoError(t, err)
	h := a.headersOf("GET /carts/cart-1")[0]
	assert.Equal(t, "trace-7", h.Get("X-Trace-Id"))
	assert.Equal(t, "my-agent/2", h.Get("User-Agent"), "a call's header replaces the SDK's")
	assert.Equal(t, "wholesale", h.Get("X-Customer-Group-Id"), "a call's group wins over WithCustomerGroup")
	assert.True(t, strings.HasPrefix(h.Get("Authorization"), "Bearer "), "the session still sets the credential")

	_, err = sess.Cart.GetCart(bg, "cart-1")
	require.NoError(t, err)
	h = a.headersOf("GET /carts/cart-1")[1]
	assert.Empty(t, h.Get("X-Trace-Id"), "options apply to their own call only")
	assert.Contains(t, h.Get("User-Agent"), "shop/1 commercengine-storefront-go/")
}

func TestWithHeaderOverridesTheCustomerGroup(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL), WithCustomerGroup("retail"))
	require.NoError(t, err)
	_, err = c.Public.Catalog.ListProducts(bg, nil, WithHeader("x-customer-group-id", "wholesale"))
	require.NoError(t, err)
	assert.Equal(t, []string{"wholesale"}, s.last(t).header.Values("X-Customer-Group-Id"))
	_, err = c.Public.Catalog.ListProducts(bg, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"retail"}, s.last(t).header.Values("X-Customer-Group-Id"))
}

func TestWithHeaderRefusesCredentialsAndBadHeaders(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	cartRoute(a)
	sess := a.client().NewSession(nil)
	const secret = "Bearer stolen-token-0001"
	for name, opt := range map[string]CallOption{
		"Authorization":           WithHeader("Authorization", secret),
		"authorization lowercase": WithHeader("authorization", secret),
		"X-Api-Key":               WithHeader("x-api-key", secret),
		"Content-Type":            WithHeader("Content-Type", "text/plain"),
		"Content-Length":          WithHeader("Content-Length", "3"),
		"Host":                    WithHeader("Host", "evil.example.com"),
		"empty name":              WithHeader("", "v"),
		"name with a space":       WithHeader("X Trace", "v"),
		"name with a colon":       WithHeader("X-Trace:", "v"),
		"value with CRLF":         WithHeader("X-Trace", "a\r\nAuthorization: "+secret),
		"value with NUL":          WithHeader("X-Trace", "a\x00b"),
	} {
		_, err := sess.Cart.GetCart(bg, "cart-1", opt)
		require.ErrorIs(t, err, ErrInvalidParam, name)
		assert.NotContains(t, err.Error(), "stolen-token", "%s: the value never reaches the error", name)
		assert.Contains(t, err.Error(), "WithHeader", name)
	}
	_, err := sess.Cart.GetCart(bg, "cart-1", WithHeader("Authorization", secret))
	assert.ErrorContains(t, err, "Authorization is a credential header")
	assert.Zero(t, a.count("GET /carts/cart-1"), "nothing sent")
}

func TestWithResponseInfo(t *testing.T) {
	t.Parallel()
	t.Run("success", func(t *testing.T) {
		a := newTestAPI(t)
		cartRoute(a)
		sess := a.client().NewSession(nil)
		info := ResponseInfo{StatusCode: 999, RequestID: "stale"}
		_, err := sess.Cart.GetCart(bg, "cart-1", WithResponseInfo(&info))
		require.NoError(t, err)
		assert.Equal(t, 200, info.StatusCode)
		assert.Equal(t, "req-123", info.RequestID)
		assert.Equal(t, "application/json", info.Header.Get("Content-Type"))
		assert.Equal(t, 1, info.Attempts, "the anonymous bootstrap is not the call's attempt")
	})
	t.Run("API error", func(t *testing.T) {
		a := newTestAPI(t)
		cartRoute(a, 404)
		sess := a.client().NewSession(nil)
		var info ResponseInfo
		_, err := sess.Cart.GetCart(bg, "cart-1", WithResponseInfo(&info))
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 404, info.StatusCode)
		assert.Equal(t, apiErr.RequestID, info.RequestID)
		assert.Equal(t, "req-123", info.RequestID)
	})
	t.Run("retried", func(t *testing.T) {
		a := newTestAPI(t)
		cartRoute(a, 503, 503)
		sess := a.client().NewSession(nil)
		var info ResponseInfo
		_, err := sess.Cart.GetCart(bg, "cart-1", WithResponseInfo(&info))
		require.NoError(t, err)
		assert.Equal(t, 200, info.StatusCode, "the last answer's")
		assert.Equal(t, 3, info.Attempts)
	})
	t.Run("resent after a refresh", func(t *testing.T) {
		a := newTestAPI(t)
		cartRoute(a)
		sess := a.client().NewSession(nil)
		tok, err := sess.AccessToken(bg)
		require.NoError(t, err)
		a.mu.Lock()
		a.revoked[tok] = true
		a.mu.Unlock()
		var info ResponseInfo
		_, err = sess.Cart.GetCart(bg, "cart-1", WithResponseInfo(&info))
		require.NoError(t, err)
		assert.Equal(t, 200, info.StatusCode)
		assert.Equal(t, 2, info.Attempts, "the 401 and the resend")
	})
	t.Run("no answer", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		addr := ln.Addr().String()
		require.NoError(t, ln.Close()) // nothing listens there now
		c, err := New("s", WithBaseURL("http://"+addr), WithRetryPolicy(NoRetries))
		require.NoError(t, err)
		sess := c.NewManualSession(Tokens{AccessToken: makeJWT(userClaims("u-1"))})
		info := ResponseInfo{StatusCode: 200, RequestID: "stale"}
		_, err = sess.Cart.GetCart(bg, "cart-1", WithResponseInfo(&info))
		require.Error(t, err)
		assert.Zero(t, info.StatusCode)
		assert.Empty(t, info.RequestID)
		assert.Equal(t, 1, info.Attempts)
	})
	t.Run("nil", func(t *testing.T) {
		a := newTestAPI(t)
		cartRoute(a)
		_, err := a.client().NewSession(nil).Cart.GetCart(bg, "cart-1", WithResponseInfo(nil))
		require.ErrorIs(t, err, ErrInvalidParam)
		assert.Zero(t, a.count("GET /carts/cart-1"))
	})
}

func TestWithMaxAttempts(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	cartRoute(a, 503, 503)
	sess := a.client().NewSession(nil)
	var info ResponseInfo
	_, err := sess.Cart.GetCart(bg, "cart-1", WithMaxAttempts(1), WithResponseInfo(&info))
	require.ErrorIs(t, err, ErrServer)
	assert.Equal(t, 1, a.count("GET /carts/cart-1"), "sent once")
	assert.Equal(t, 503, info.StatusCode)

	_, err = sess.Cart.GetCart(bg, "cart-1", WithMaxAttempts(5))
	require.NoError(t, err, "one more 503, then 200")
	assert.Equal(t, 3, a.count("GET /carts/cart-1"))

	for _, n := range []int{0, -1} {
		_, err = sess.Cart.GetCart(bg, "cart-1", WithMaxAttempts(n))
		require.ErrorIs(t, err, ErrInvalidParam)
	}
	assert.Equal(t, 3, a.count("GET /carts/cart-1"))

	// More attempts never make a call resendable that is not safe to
	// send twice: create-cart gets one attempt after a 503.
	a.route("POST /carts", a.withBearer(func(w http.ResponseWriter, _ *http.Request, _ claimsMap) {
		writeJSON(w, 503, map[string]any{"message": "busy", "success": false, "code": "unavailable"})
	}))
	_, err = sess.Cart.CreateCart(bg, CreateCartBody{Items: []UpdateCartItem{{ProductID: "p", Quantity: decimal.NewFromInt(1)}}}, WithMaxAttempts(5))
	require.ErrorIs(t, err, ErrServer)
	assert.Equal(t, 1, a.count("POST /carts"))
}

// TestCallOptionsOnHandWrittenMethods: the Auth methods, uploads and
// Client.Public take the same options as the generated methods.
func TestCallOptionsOnHandWrittenMethods(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	sess := a.client().NewSession(nil)

	var info ResponseInfo
	_, err := sess.Auth.Anonymous(bg, WithHeader("X-Trace-Id", "t-anon"), WithResponseInfo(&info))
	require.NoError(t, err)
	assert.Equal(t, "t-anon", a.headersOf("POST /auth/anonymous")[0].Get("X-Trace-Id"))
	assert.Equal(t, 200, info.StatusCode)

	_, err = sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "wrong"},
		WithHeader("X-Trace-Id", "t-login"), WithResponseInfo(&info))
	require.ErrorIs(t, err, ErrUnauthorized)
	assert.Equal(t, 401, info.StatusCode, "filled when the call fails")
	assert.Equal(t, "req-123", info.RequestID)
	assert.Equal(t, "t-login", a.headersOf("POST /auth/login/password")[0].Get("X-Trace-Id"))

	_, err = sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-password"},
		WithHeader("Authorization", "Bearer x"))
	require.ErrorIs(t, err, ErrInvalidParam)
	assert.Len(t, a.headersOf("POST /auth/login/password"), 1, "a refused option sends nothing")

	_, err = sess.Auth.GetUser(bg, "u-1", WithResponseInfo(&info))
	require.NoError(t, err)
	assert.Equal(t, 200, info.StatusCode)

	a.route("POST /catalog/products/p-1/reviews", a.withBearer(func(w http.ResponseWriter, _ *http.Request, _ claimsMap) {
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true})
	}))
	err = sess.Catalog.CreateProductReview(bg, "p-1", Review{UserID: "u-1", OrderNumber: "o-1", Rating: decimal.NewFromInt(4)},
		WithHeader("X-Trace-Id", "t-review"))
	require.NoError(t, err)
	assert.Equal(t, "t-review", a.headersOf("POST /catalog/products/p-1/reviews")[0].Get("X-Trace-Id"))
}

func TestCallOptionsOnPublicAndIterators(t *testing.T) {
	t.Parallel()
	p := newPagingServer(t, 23)
	c, err := New("s", WithAPIKey(testAPIKey), WithBaseURL(p.srv.URL))
	require.NoError(t, err)
	var info ResponseInfo
	n := 0
	for _, err := range c.Public.Catalog.ListProductsAll(bg, &ListProductsParams{Limit: new(10)}, WithResponseInfo(&info), WithMaxAttempts(1)) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 23, n)
	assert.Equal(t, 200, info.StatusCode)
	assert.Equal(t, 1, info.Attempts, "the last page's")
	assert.EqualValues(t, 3, p.requests.Load())

	_, err = c.Public.Catalog.ListProducts(bg, nil, WithHeader("X-Api-Key", "other"))
	require.ErrorIs(t, err, ErrInvalidParam)
	assert.EqualValues(t, 3, p.requests.Load())
}

// TestEveryMethodTakesCallOptions: every exported method of every service
// on a Session and on Client.Public ends in ...CallOption — except
// RefreshToken, whose refresh is shared with the session's other callers
// (and other sessions holding the pair), so no one call's options can
// shape it — and the methods that print a service.
func TestEveryMethodTakesCallOptions(t *testing.T) {
	t.Parallel()
	c, err := New("s")
	require.NoError(t, err)
	optsType := reflect.TypeFor[[]CallOption]()
	checked := 0
	for _, root := range []reflect.Value{reflect.ValueOf(c.NewSession(nil).Services), reflect.ValueOf(c.Public), reflect.ValueOf(c.NewPOSSession(nil).POSServices)} {
		for i := range root.NumField() {
			svc := root.Field(i).Type()
			for m := range svc.Methods() {
				if (svc.Elem().Name() == "AuthService" || svc.Elem().Name() == "POSAuthService") && m.Name == "RefreshToken" {
					continue
				}
				switch m.Name {
				case "String", "GoString", "Format", "LogValue": // how a service prints (without secrets), not an API call
					continue
				}
				mt := m.Type
				last := mt.In(mt.NumIn() - 1)
				// The cart helpers take CartOptions: WithVariant, or any CallOption.
				ok := mt.IsVariadic() && (last == optsType || last == reflect.TypeFor[[]CartOption]())
				assert.True(t, ok, "%s.%s does not end in opts ...CallOption", svc.Elem().Name(), m.Name)
				checked++
			}
		}
	}
	assert.Greater(t, checked, 220, "every method of every service, the point of sale's included")
}

func TestZeroCallOptionDoesNothing(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	cartRoute(a)
	_, err := a.client().NewSession(nil).Cart.GetCart(bg, "cart-1", CallOption{})
	require.NoError(t, err)
}
