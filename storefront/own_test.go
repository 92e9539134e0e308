package storefront

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ownParam says which of the shopper's IDs a path parameter stands for,
// by the rules the SDK documents: user_id and /auth/user/{id} are the
// user, customer_id and /customers/{id} the customer.
func ownParam(path, name string) string {
	switch {
	case name == "user_id", name == "id" && strings.HasPrefix(path, "/auth/user/{id}"):
		return "user"
	case name == "customer_id", name == "id" && strings.HasPrefix(path, "/customers/{id}"):
		return "customer"
	}
	return ""
}

var pathParamRE = regexp.MustCompile(`\{([^}]+)\}`)

// TestOwnIDsOnTheWire calls every generated method whose path names the
// shopper's own user or customer, or that takes list-orders' user_id, with
// that ID empty, on a logged-in session, and checks that the request (valid
// by the spec) carries the session's own ID; the other path parameters are
// sent as given.
func TestOwnIDsOnTheWire(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	sess := c.NewManualSession(Tokens{AccessToken: makeJWT(claimsMap{"ulid": "u-1", "is_logged_in": true, "customer_id": "cust-1"})})
	doc := api.Spec()

	covered := 0
	for _, op := range operations {
		if op.goMethod == "" || op.pos { // a terminal's staff has no records of their own there
			continue
		}
		names := pathParamRE.FindAllStringSubmatch(op.path, -1)
		ownQuery := op.id == "list-orders"
		own := ownQuery
		for _, n := range names {
			own = own || ownParam(op.path, n[1]) != ""
		}
		if !own {
			continue
		}
		covered++
		t.Run(op.id, func(t *testing.T) {
			spec := doc.Paths.Find(op.path).GetOperation(op.method)
			m := reflect.ValueOf(sess.Services).FieldByName(op.service).MethodByName(op.goMethod)
			args := argsFor(t, m.Type(), spec.RequestBody)
			want := op.path
			for k, n := range names {
				switch ownParam(op.path, n[1]) {
				case "user":
					args[1+k] = reflect.ValueOf("").Convert(args[1+k].Type())
					want = strings.Replace(want, n[0], "u-1", 1)
				case "customer":
					args[1+k] = reflect.ValueOf("").Convert(args[1+k].Type())
					want = strings.Replace(want, n[0], "cust-1", 1)
				default:
					want = strings.Replace(want, n[0], "p-1", 1)
				}
			}
			if ownQuery {
				for i, a := range args {
					if a.Type() == reflect.TypeFor[*ListOrdersParams]() {
						args[i] = reflect.Zero(a.Type()) // nil params: the session's own user
					}
				}
			}
			out := m.Call(args)
			if errv := out[len(out)-1]; !errv.IsNil() {
				t.Fatalf("%s: %v", op.goMethod, errv.Interface())
			}
			w := s.last(t)
			assert.Equal(t, op.id, w.op)
			assert.NoError(t, w.invalid, "the request breaks the spec")
			assert.True(t, strings.HasSuffix(w.path, want), "%s does not end in %s", w.path, want)
			if ownQuery {
				assert.Equal(t, "u-1", w.query.Get("user_id"))
			}
		})
	}
	// The generated methods among the 47 operations on the shopper's own
	// records; the other 10 (the Auth group's /auth/user/{id} and the
	// documents uploads) are written by hand and tested below.
	assert.Equal(t, 37, covered)
}

// TestOwnIDBootstrapsAnAnonymousSession: a session without tokens starts
// an anonymous session to learn its user ID, once, and uses it.
func TestOwnIDBootstrapsAnAnonymousSession(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	a.route("GET /carts/users/anon-1", a.withBearer(func(w http.ResponseWriter, _ *http.Request, c claimsMap) {
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{"cart": map[string]any{"id": "cart-1"}}})
	}))
	sess := a.client().NewSession(nil)
	got, err := sess.Cart.GetUserCart(bg, "")
	require.NoError(t, err)
	assert.Equal(t, "cart-1", got.Cart.ID)
	assert.Equal(t, 1, a.count("POST /auth/anonymous"))
	assert.Equal(t, 1, a.count("GET /carts/users/anon-1"))

	// An explicit ID is sent as given: a back end acting for another user.
	_, err = sess.Cart.GetUserCart(bg, "someone-else")
	require.ErrorIs(t, err, ErrNotFound)
	assert.Equal(t, 1, a.count("GET /carts/users/someone-else"))
}

// TestOwnCustomerIDOfAnAnonymousVisitor: an anonymous visitor has no
// customer ID; the call fails with ErrNoCustomerID before it is sent.
func TestOwnCustomerIDOfAnAnonymousVisitor(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	sess := a.client().NewSession(nil)
	_, err := sess.Customers.ListAddresses(bg, "", nil)
	require.ErrorIs(t, err, ErrNoCustomerID)
	require.ErrorIs(t, err, ErrInvalidParam)
	assert.Contains(t, err.Error(), "log in")
	for it, err := range sess.Customers.ListAddressesAll(bg, "", nil) {
		require.ErrorIs(t, err, ErrNoCustomerID, "the iterator yields it")
		assert.Zero(t, it)
	}
	_, err = sess.Customers.CreateDocument(bg, "", DocumentUpload{KycDocumentID: "k", DocumentNumber: "ABCDE1234F"})
	require.ErrorIs(t, err, ErrNoCustomerID)
	for key, n := range a.calls {
		assert.False(t, strings.Contains(key, "/customers/"), "sent %s %d times", key, n)
	}
	assert.Equal(t, 1, a.count("POST /auth/anonymous"), "bootstrapped once to read the claims")
}

// TestOwnCustomerIDAfterLogin: once logged in, the customer ID of the
// token is used, by generated and hand-written methods alike.
func TestOwnCustomerIDAfterLogin(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	ok := func(w http.ResponseWriter, _ *http.Request, _ claimsMap) {
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{}})
	}
	a.route("GET /customers/cust-u-1/addresses", a.withBearer(ok))
	a.route("POST /customers/cust-u-1/documents", a.withBearer(ok))
	a.route("GET /customers/cust-u-1/authorized-sellers", a.withBearer(ok))
	sess := a.client().NewSession(nil)
	_, err := sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-password"})
	require.NoError(t, err)

	_, err = sess.Customers.ListAddresses(bg, "", nil)
	require.NoError(t, err)
	_, err = sess.Customers.GetCustomerAuthorizedSellers(bg, "", nil)
	require.NoError(t, err)
	_, err = sess.Customers.CreateDocument(bg, "", DocumentUpload{KycDocumentID: "k", DocumentNumber: "ABCDE1234F"})
	require.NoError(t, err)
	assert.Equal(t, 1, a.count("GET /customers/cust-u-1/addresses"))
	assert.Equal(t, 1, a.count("GET /customers/cust-u-1/authorized-sellers"))
	assert.Equal(t, 1, a.count("POST /customers/cust-u-1/documents"))
}

// TestOwnUserInTheAuthGroup: the hand-written /auth/user/{id} methods take
// an empty id as the session's own user; deleting the own user clears the
// session.
func TestOwnUserInTheAuthGroup(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	a.route("DELETE /auth/user/u-1", a.withBearer(func(w http.ResponseWriter, _ *http.Request, _ claimsMap) {
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true})
	}))
	a.route("GET /auth/user/u-1/profile-image", a.withBearer(func(w http.ResponseWriter, _ *http.Request, _ claimsMap) {
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{"profile_image_url": "https://cdn.example.com/u-1.png"}})
	}))
	sess := a.client().NewSession(nil)
	_, err := sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-password"})
	require.NoError(t, err)

	u, err := sess.Auth.GetUser(bg, "")
	require.NoError(t, err)
	assert.Equal(t, "u-1", u.ID)
	img, err := sess.Auth.GetProfileImage(bg, "")
	require.NoError(t, err)
	assert.Equal(t, "https://cdn.example.com/u-1.png", img)

	require.NoError(t, sess.Auth.DeleteUser(bg, ""))
	assert.Equal(t, 1, a.count("DELETE /auth/user/u-1"))
	tok, err := sess.Tokens(bg)
	require.NoError(t, err)
	assert.True(t, tok.IsZero(), "the own user deleted: the session is cleared")
}

// TestOwnUserOfAReview: a review without a UserID is the session's user's.
func TestOwnUserOfAReview(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	sess := c.NewManualSession(Tokens{AccessToken: makeJWT(userClaims("u-7"))})
	require.NoError(t, sess.Catalog.CreateProductReview(bg, "p-1", Review{OrderNumber: "o-1", Rating: decimal.NewFromInt(5)}))
	form := multipartBody(t, s.last(t))
	assert.Equal(t, []string{"u-7"}, form.Value["user_id"])
}

// TestOwnIDOfAManualSessionWithoutTokens: nothing to read the ID from and
// no bootstrap: ErrNoSession, nothing sent.
func TestOwnIDOfAManualSessionWithoutTokens(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	sess := a.client().NewManualSession(Tokens{})
	_, err := sess.Wishlist.GetWishlist(bg, "", nil)
	require.ErrorIs(t, err, ErrNoSession)
	_, err = sess.Orders.ListOrders(bg, nil)
	require.ErrorIs(t, err, ErrNoSession)
	assert.Empty(t, a.calls)
}

// TestOwnUserIDOfListOrdersAll: every page of the iterator asks for the
// session's own orders, and the caller's params are left as they were.
func TestOwnUserIDOfListOrdersAll(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	var users []string
	a.route("GET /orders", a.withBearer(func(w http.ResponseWriter, r *http.Request, _ claimsMap) {
		users = append(users, r.URL.Query().Get("user_id"))
		page := r.URL.Query().Get("page")
		next := any(2)
		if page == "2" {
			next = nil
		}
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{
			"orders":     []map[string]any{{"order_number": "o-" + page}},
			"pagination": map[string]any{"total_records": 2, "total_pages": 2, "limit": 1, "next_page": next},
		}})
	}))
	sess := a.client().NewSession(nil)
	_, err := sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-password"})
	require.NoError(t, err)
	params := &ListOrdersParams{Limit: new(gen.Limit(1))}
	var got []string
	for o, err := range sess.Orders.ListOrdersAll(bg, params) {
		require.NoError(t, err)
		got = append(got, o.GetOrderNumber())
	}
	assert.Equal(t, []string{"o-1", "o-2"}, got)
	assert.Equal(t, []string{"u-1", "u-1"}, users)
	assert.Empty(t, params.UserID, "the caller's params are not changed")
	assert.Nil(t, params.Page)
}
