package storefront

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/commercengine-go/sdk/api"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedOperationsOnTheWire calls every operation whose method is
// generated, on a session and, for public operations, on Client.Public,
// with the spec's example body, and checks that the request is what the
// spec describes, that it carries the right credential, and that the
// spec's example answer decodes without losing a field.
func TestGeneratedOperationsOnTheWire(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	access := makeJWT(anonClaims("anon-1"))
	pair := Tokens{AccessToken: access, RefreshToken: makeJWT(claimsMap{"ulid": "anon-1"})}
	sess := c.NewManualSession(pair)
	// The point of sale's operations are a terminal's, on a POSSession.
	pos := c.NewPOSSession(nil)
	require.NoError(t, pos.SetTokens(bg, pair))
	doc := api.Spec()

	generated := 0
	for _, op := range operations {
		if op.goMethod == "" {
			continue
		}
		generated++
		t.Run(op.id, func(t *testing.T) {
			pathItem := doc.Paths.Find(op.path)
			require.NotNil(t, pathItem, "path %s", op.path)
			spec := pathItem.GetOperation(op.method)
			want := exampleContent(t, spec.Responses.Status(200).Value.Content.Get("application/json").Example)

			check := func(t *testing.T, svc reflect.Value, key bool) {
				m := svc.MethodByName(op.goMethod)
				require.True(t, m.IsValid(), "%s has no method %s", svc.Type(), op.goMethod)
				out := m.Call(argsFor(t, m.Type(), spec.RequestBody))
				if errv := out[len(out)-1]; !errv.IsNil() {
					t.Fatalf("%s: %v", op.goMethod, errv.Interface())
				}
				w := s.last(t)
				assert.Equal(t, op.id, w.op)
				assert.Equal(t, op.method, w.method)
				assert.NoError(t, w.invalid, "the request breaks the spec")
				switch {
				case key || op.auth == authAPIKey:
					assert.Equal(t, testAPIKey, w.header.Get("X-Api-Key"))
					assert.Empty(t, w.header.Get("Authorization"), "key-only calls carry no token")
				case op.auth == authNone:
					assert.Empty(t, w.header.Get("X-Api-Key"), "the body is the credential")
					assert.Empty(t, w.header.Get("Authorization"), "the body is the credential")
				default:
					assert.Equal(t, "Bearer "+access, w.header.Get("Authorization"))
					assert.Empty(t, w.header.Get("X-Api-Key"), "the API key goes with get-anonymous-token only")
				}
				if len(out) == 2 {
					got, err := json.Marshal(out[0].Interface())
					require.NoError(t, err)
					assert.JSONEq(t, string(want), string(got), "the example answer, decoded and encoded again")
				}
			}
			if op.pos {
				check(t, reflect.ValueOf(pos.POSServices).FieldByName(op.service), false)
				return
			}
			check(t, reflect.ValueOf(sess.Services).FieldByName(op.service), false)
			if op.public {
				check(t, reflect.ValueOf(c.Public).FieldByName(op.service), true)
			}
		})
	}
	assert.Positive(t, generated)
}

// exampleContent is the content of an example answer, as JSON.
func exampleContent(t *testing.T, example any) []byte {
	t.Helper()
	require.NotNil(t, example, "the 200 answer has no example")
	env, ok := example.(map[string]any)
	require.True(t, ok, "the example is not an object")
	b, err := json.Marshal(env["content"])
	require.NoError(t, err)
	return b
}

// argsFor builds the arguments of a generated method: a context, "p-1" for
// each path parameter, nil parameters, and the body from the spec's
// example; no call options.
func argsFor(t *testing.T, mt reflect.Type, body *openapi3.RequestBodyRef) []reflect.Value {
	t.Helper()
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	n := mt.NumIn()
	require.True(t, mt.IsVariadic() && mt.In(n-1) == reflect.TypeFor[[]CallOption](), "%s takes no trailing ...CallOption", mt)
	n--
	for i := 1; i < n; i++ {
		at := mt.In(i)
		switch {
		case at.Kind() == reflect.String:
			args = append(args, reflect.ValueOf("p-1").Convert(at))
		case at.Kind() == reflect.Int:
			args = append(args, reflect.ValueOf(1).Convert(at))
		case at.Kind() == reflect.Pointer && at.Elem().Kind() == reflect.Struct && at.Elem().Name() != "" && i == n-1 && body != nil:
			v := reflect.New(at.Elem())
			decodeExample(t, body, v.Interface())
			args = append(args, v)
		case at.Kind() == reflect.Pointer && at.Elem().Kind() == reflect.Struct && strings.HasSuffix(at.Elem().Name(), "Params"):
			// Parameters: nil, unless some are required (a string, not a
			// pointer), which get "p-1".
			v := reflect.New(at.Elem())
			required := false
			for f := range v.Elem().NumField() {
				if fv := v.Elem().Field(f); fv.Kind() == reflect.String {
					fv.Set(reflect.ValueOf("p-1").Convert(fv.Type()))
					required = true
				}
			}
			if !required {
				v = reflect.Zero(at)
			}
			args = append(args, v)
		case at.Kind() == reflect.Pointer:
			args = append(args, reflect.Zero(at))
		default: // a required JSON body
			v := reflect.New(at)
			decodeExample(t, body, v.Interface())
			args = append(args, v.Elem())
		}
	}
	return args
}

func decodeExample(t *testing.T, body *openapi3.RequestBodyRef, into any) {
	t.Helper()
	mt := body.Value.Content.Get("application/json")
	require.NotNil(t, mt, "no JSON request body")
	ex := mt.Example
	require.NotNil(t, ex, "the request body has no example")
	b, err := json.Marshal(ex)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, into), "%s", b)
}

// TestQueryAndHeaderParameters checks the encoding of every kind of
// parameter on one operation: integers, arrays (one key per element),
// booleans, a JSON sort_by made by SortOrder, and a header.
func TestQueryAndHeaderParameters(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	_, err = c.Public.Catalog.ListProducts(bg, &ListProductsParams{
		Page: new(2), Limit: new(50), CategoryID: &[]string{"c 1", "c&2"}, Inventory: new(true),
		ProductType: new("physical,bundle"), SortBy: SortOrder(Desc("pricing.selling_price"), Asc("name")),
		XCustomerGroupID: new("wholesale"),
	})
	require.NoError(t, err)
	w := s.last(t)
	assert.NoError(t, w.invalid)
	assert.Equal(t, "wholesale", w.header.Get("X-Customer-Group-Id"))
	q := w.query
	assert.Equal(t, []string{"c 1", "c&2"}, q["category_id"], "one key per element, each escaped")
	assert.Equal(t, "2", q.Get("page"))
	assert.Equal(t, "50", q.Get("limit"))
	assert.Equal(t, "true", q.Get("inventory"))
	assert.Equal(t, "physical,bundle", q.Get("product_type"))
	assert.Equal(t, `{"pricing.selling_price":"desc","name":"asc"}`, q.Get("sort_by"))
}

func TestSortOrder(t *testing.T) {
	t.Parallel()
	assert.Nil(t, SortOrder())
	assert.Equal(t, `{"a \"b\"":"asc"}`, *SortOrder(Asc(`a "b"`)))
}

// TestCustomerGroupDefault checks WithCustomerGroup: sent on operations
// that take the header unless the call names a group, and never on others.
func TestCustomerGroupDefault(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL), WithCustomerGroup("retail"))
	require.NoError(t, err)
	_, err = c.Public.Catalog.ListProducts(bg, nil)
	require.NoError(t, err)
	assert.Equal(t, "retail", s.last(t).header.Get("X-Customer-Group-Id"))
	_, err = c.Public.Catalog.ListProducts(bg, &ListProductsParams{XCustomerGroupID: new("wholesale")})
	require.NoError(t, err)
	assert.Equal(t, "wholesale", s.last(t).header.Get("X-Customer-Group-Id"), "the call's own group wins")
	_, err = c.Public.Common.ListCountries(bg)
	require.NoError(t, err)
	assert.Empty(t, s.last(t).header.Get("X-Customer-Group-Id"), "only operations that take it")

	_, err = New("s", WithCustomerGroup(" "))
	assert.ErrorIs(t, err, ErrInvalidParam)
}

// TestPathParametersAreCheckedAndEscaped: an ID is one path segment, and
// an empty ID, "." or ".." — which a proxy would resolve into another
// path — is refused before anything is sent.
func TestPathParametersAreCheckedAndEscaped(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	_, err = c.Public.Catalog.GetProductDetail(bg, "a/b?c", nil)
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/store-9/storefront/catalog/products/a%2Fb%3Fc", s.last(t).path)

	calls := len(s.calls)
	for _, id := range []string{"", " ", ".", ".."} {
		_, err := c.Public.Catalog.GetProductDetail(bg, id, nil)
		assert.ErrorIs(t, err, ErrInvalidParam, "%q", id)
		assert.Contains(t, err.Error(), "product_id")
	}
	assert.Len(t, s.calls, calls, "nothing sent")
}

// TestPublicNeedsAnAPIKey: key-only calls fail before sending without a key.
func TestPublicNeedsAnAPIKey(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	_, err = c.Public.Store.GetConfig(bg)
	assert.ErrorIs(t, err, ErrNoAPIKey)
	assert.Empty(t, s.calls)
}

// pagingServer answers list-products with total items, page by page, and
// counts the requests.
type pagingServer struct {
	srv      *httptest.Server
	requests atomic.Int32
}

func newPagingServer(t *testing.T, total int) *pagingServer {
	p := &pagingServer{}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.requests.Add(1)
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		if page < 1 {
			page = 1
		}
		if limit < 1 {
			limit = 10
		}
		pages := (total + limit - 1) / limit
		var products []map[string]any
		for i := (page - 1) * limit; i < min(page*limit, total); i++ {
			products = append(products, map[string]any{"id": fmt.Sprint("p", i)})
		}
		var next any
		if page < pages {
			next = page + 1
		}
		writeJSON(w, 200, map[string]any{"message": "ok", "success": true, "content": map[string]any{
			"products":   products,
			"pagination": map[string]any{"total_records": total, "total_pages": pages, "limit": limit, "next_page": next},
		}})
	}))
	t.Cleanup(p.srv.Close)
	return p
}

func TestIteratorFetchesPageByPage(t *testing.T) {
	t.Parallel()
	p := newPagingServer(t, 23)
	c, err := New("s", WithAPIKey(testAPIKey), WithBaseURL(p.srv.URL))
	require.NoError(t, err)

	var ids []string
	for prod, err := range c.Public.Catalog.ListProductsAll(bg, &ListProductsParams{Limit: new(10)}) {
		require.NoError(t, err)
		ids = append(ids, prod.ID)
	}
	assert.Len(t, ids, 23)
	assert.Equal(t, "p0", ids[0])
	assert.Equal(t, "p22", ids[22])
	assert.EqualValues(t, 3, p.requests.Load(), "three pages of 10")

	// Stopping early fetches no further page.
	p.requests.Store(0)
	n := 0
	for _, err := range c.Public.Catalog.ListProductsAll(bg, &ListProductsParams{Limit: new(10)}) {
		require.NoError(t, err)
		if n++; n == 12 {
			break
		}
	}
	assert.EqualValues(t, 2, p.requests.Load(), "the loop stopped on the second page")

	// Starting at a page starts there; the caller's params are not changed.
	params := &ListProductsParams{Limit: new(10), Page: new(3)}
	ids = ids[:0]
	for prod, err := range c.Public.Catalog.ListProductsAll(bg, params) {
		require.NoError(t, err)
		ids = append(ids, prod.ID)
	}
	assert.Equal(t, []string{"p20", "p21", "p22"}, ids)
	assert.Equal(t, 3, *params.Page)
}

// TestAnIteratorMayRunTwiceAtOnce: an iterator holds its own copy of the
// params it was made with, and each run, and each page, its own copy of
// that (the race detector watches the two runs).
func TestAnIteratorMayRunTwiceAtOnce(t *testing.T) {
	t.Parallel()
	p := newPagingServer(t, 23)
	c, err := New("s", WithAPIKey(testAPIKey), WithBaseURL(p.srv.URL))
	require.NoError(t, err)
	params := &ListProductsParams{Limit: new(10), Page: new(2)}
	all := c.Public.Catalog.ListProductsAll(bg, params)
	params.Page = new(1) // changed after the iterator was made: it keeps page 2
	var wg sync.WaitGroup
	got := make([][]string, 2)
	for i := range got {
		wg.Go(func() {
			for prod, err := range all {
				if !assert.NoError(t, err) {
					return
				}
				got[i] = append(got[i], prod.ID)
			}
		})
	}
	wg.Wait()
	for i := range got {
		require.Len(t, got[i], 13, "run %d: pages 2 and 3", i)
		assert.Equal(t, "p10", got[i][0])
		assert.Equal(t, "p22", got[i][12])
	}
	assert.EqualValues(t, 4, p.requests.Load(), "two pages, twice")
}

func TestIteratorHonoursTheContext(t *testing.T) {
	t.Parallel()
	p := newPagingServer(t, 100)
	c, err := New("s", WithAPIKey(testAPIKey), WithBaseURL(p.srv.URL))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(bg)
	defer cancel()
	var got, errs int
	for _, err := range c.Public.Catalog.ListProductsAll(ctx, &ListProductsParams{Limit: new(10)}) {
		if err != nil {
			errs++
			assert.ErrorIs(t, err, context.Canceled)
			continue
		}
		if got++; got == 10 {
			cancel()
		}
	}
	assert.Equal(t, 10, got)
	assert.Equal(t, 1, errs, "the context's error is yielded once, and the iteration ends")
	assert.EqualValues(t, 1, p.requests.Load())
}

func TestIteratorYieldsTheFirstError(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 404, map[string]any{"message": "no such category", "success": false, "code": "not_found"})
	}))
	defer srv.Close()
	c, err := New("s", WithAPIKey(testAPIKey), WithBaseURL(srv.URL), WithRetryPolicy(NoRetries))
	require.NoError(t, err)
	var errs []error
	for _, err := range c.Public.Catalog.ListProductsAll(bg, nil) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.True(t, errors.Is(errs[0], ErrNotFound))
}

// TestReadOnlyPropertiesAreDroppedBeforeSending: a resource read and sent
// back (an address corrected) loses the properties the server sets, which
// the API refuses in a request.
func TestReadOnlyPropertiesAreDroppedBeforeSending(t *testing.T) {
	t.Parallel()
	b, err := dropPaths([]byte(`{"id":"a1","name":"x","nested":{"id":"n","keep":1},"items":[{"id":"i1","q":2},{"q":3}],"n":1.50}`),
		[]string{"id", "nested.id", "items[].id", "absent", "absent.deeper", "items[].absent"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"x","nested":{"keep":1},"items":[{"q":2},{"q":3}],"n":1.50}`, string(b))
	assert.Contains(t, string(b), `1.50`, "numbers keep their digits")
	same := []byte(`{"name":"x"}`)
	got, err := dropPaths(same, []string{"id"})
	require.NoError(t, err)
	assert.Equal(t, same, got, "nothing to drop: the body as it was")

	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	sess := c.NewManualSession(Tokens{AccessToken: makeJWT(anonClaims("u-1"))})
	addr := CustomerAddress{ID: new("addr-1"), FirstName: "Asha", CountryCode: "+91", Phone: "9876543210", Email: "asha@example.com",
		AddressLine1: "14 MG Road", Pincode: "560001", City: "Bengaluru", State: "Karnataka", Country: "India"}
	_, err = sess.Customers.UpdateAddressDetail(bg, "cust-1", "addr-1", addr)
	require.NoError(t, err)
	w := s.last(t)
	assert.NoError(t, w.invalid, "the request the spec accepts")
	assert.NotContains(t, jsonBody(t, w.body), "id")
	assert.Equal(t, "14 MG Road", jsonBody(t, w.body)["address_line1"])
}

// TestRequiredQueryParametersAreChecked: an operation whose spec requires
// a query parameter refuses nil params or an empty value before sending —
// unless the parameter is the shopper's own ID, which a Session fills in
// (list-orders' user_id); a blank one is still refused.
func TestRequiredQueryParametersAreChecked(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	sess := c.NewManualSession(Tokens{AccessToken: makeJWT(anonClaims("u-1"))})
	_, err = sess.Orders.ListOrders(bg, &ListOrdersParams{UserID: " "})
	assert.ErrorIs(t, err, ErrInvalidParam)
	assert.Contains(t, err.Error(), "user_id")
	_, err = sess.Payments.GetCardInfo(bg, nil)
	assert.ErrorIs(t, err, ErrInvalidParam)
	assert.Empty(t, s.calls, "nothing sent")
	_, err = sess.Orders.ListOrders(bg, &ListOrdersParams{UserID: "u-2"})
	require.NoError(t, err)
	assert.Equal(t, "u-2", s.last(t).query.Get("user_id"))
	_, err = sess.Orders.ListOrders(bg, nil)
	require.NoError(t, err)
	assert.Equal(t, "u-1", s.last(t).query.Get("user_id"), "nil params: the session's own user")
}
