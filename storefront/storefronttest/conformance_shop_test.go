package storefronttest_test

// The conformance cases of the Catalog, Store, Common, Analytics,
// Campaigns and Fulfillment groups: each operation's success and each
// failure it declares, through the storefront client (Client.Public for
// the operations a back end may call with the API key alone) over the
// strict validating transport. The two review-writing operations have no
// storefront method yet; their cases use gen's client with the session's
// access token, over the same transport.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
	genclient "github.com/commercengine-go/sdk/gen/client"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// endedSession returns a session whose tokens the server refuses: its user
// logged out.
func (e *cenv) endedSession() *storefront.Session {
	e.t.Helper()
	sess, _, _ := e.user()
	old, err := sess.Tokens(e.ctx)
	require.NoError(e.t, err)
	_, err = sess.Auth.Logout(e.ctx)
	require.NoError(e.t, err)
	return e.client.NewManualSession(old)
}

// otherStore is a client of a store the server does not have, with the
// server's API key.
func (e *cenv) otherStore() *storefront.Client {
	e.t.Helper()
	c, err := storefront.New("no-such-store",
		storefront.WithAPIKey(e.srv.APIKey()),
		storefront.WithBaseURL(e.srv.URL()+"/api/v1/no-such-store/storefront"),
		storefront.WithHTTPClient(&http.Client{Transport: e.vt}),
		storefront.WithClock(e.srv.Now),
		storefront.WithRetryPolicy(storefront.NoRetries))
	require.NoError(e.t, err)
	return c
}

func (e *cenv) wrongKey() *storefront.Client { return e.newClient("wrong-key") }

// reviewer logs in a user who ordered the products, and returns the
// session, the user and the order number.
func (e *cenv) reviewer(products ...string) (*storefront.Session, storefronttest.UserInfo, string) {
	e.t.Helper()
	sess, info, _ := e.user()
	order := fmt.Sprintf("ORD-%d", userSeq.Add(1))
	require.NoError(e.t, e.srv.AddOrder(info.ID, order, products...))
	return sess, info, order
}

// reviewForm is a create-product-review form.
type reviewForm struct {
	userID, order, rating, text string
	images                      [][]byte
}

// postReview submits a review with gen's client, over the validating
// transport, with the session's access token; it returns the status and
// the envelope's code.
func (e *cenv) postReview(sess *storefront.Session, product string, marketplace bool, f reviewForm) (int, string) {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range map[string]string{"user_id": f.userID, "order_number": f.order, "rating": f.rating, "review_text": f.text} {
		if v != "" {
			require.NoError(e.t, mw.WriteField(k, v))
		}
	}
	for i, img := range f.images {
		w, err := mw.CreateFormFile("images", fmt.Sprintf("photo-%d.png", i+1))
		require.NoError(e.t, err)
		_, _ = w.Write(img)
	}
	require.NoError(e.t, mw.Close())
	access, err := sess.AccessToken(e.ctx)
	require.NoError(e.t, err)
	c, err := genclient.NewClient(e.srv.BaseURL(), genclient.WithHTTPClient(&http.Client{Transport: e.vt}))
	require.NoError(e.t, err)
	auth := func(_ context.Context, r *http.Request) error {
		r.Header.Set("Authorization", "Bearer "+access)
		return nil
	}
	var resp *http.Response
	if marketplace {
		resp, err = c.CreateMarketplaceProductReviewWithBody(e.ctx, product, mw.FormDataContentType(), &buf, auth)
	} else {
		resp, err = c.CreateProductReviewWithBody(e.ctx, product, mw.FormDataContentType(), &buf, auth)
	}
	require.NoError(e.t, err)
	defer resp.Body.Close()
	var env struct {
		Code string `json:"code"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&env)
	return resp.StatusCode, env.Code
}

func sortBy(s string) *string { return &s }

func limit(n int) *int { return &n }

func searchFilter(expr string) *gen.SearchFilter {
	var f gen.SearchFilter
	if err := f.FromSearchFilterExpression(expr); err != nil {
		panic(err)
	}
	return &f
}

func fulfillmentCheck(t *testing.T, body string) storefront.CheckFulfillmentBody {
	t.Helper()
	var b storefront.CheckFulfillmentBody
	require.NoError(t, json.Unmarshal([]byte(body), &b))
	return b
}

func names[T any](items []T, name func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, name(it))
	}
	return out
}

func itemName(it storefront.Item) string              { return it.ProductName }
func mpItemName(it storefront.MarketplaceItem) string { return it.ProductName }

func dec(s string) decimal.Decimal { return decimal.MustParse(s) }

// assertPrice compares decimals by value.
func assertPrice(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	assert.True(t, dec(want).Equal(got), "want %s, got %s %v", want, got, msg)
}

var pngPhoto = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")

var shopConformanceCases = []conformanceCase{
	// list-categories
	{storefronttest.OpListCategories, 200, "top level with children, API key alone", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.ListCategories(e.ctx, &storefront.ListCategoriesParams{SortBy: sortBy(`{"name":"asc"}`)})
		require.NoError(t, err)
		got := names(c.Categories, func(c storefront.ProductCategory) string { return c.Slug })
		assert.Equal(t, []string{"apparel", "digital", "electronics", "gift-sets", "home-kitchen", "tea-coffee"}, got)
		require.NotNil(t, c.Categories[2].ChildCategories)
		assert.Equal(t, []string{"audio", "accessories"}, names(*c.Categories[2].ChildCategories, func(c storefront.Category) string { return c.Slug }))
		assert.Equal(t, 6, c.Pagination.TotalRecords)
	}},
	{storefronttest.OpListCategories, 400, "unknown sort field → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListCategories(e.ctx, &storefront.ListCategoriesParams{SortBy: sortBy(`{"colour":"asc"}`)})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpListCategories, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.ListCategories(e.ctx, nil)
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},
	{storefronttest.OpListCategories, 404, "unknown parent → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListCategories(e.ctx, &storefront.ListCategoriesParams{ParentCategorySlug: ptr("no-such-category")})
		apiStatus(t, err, 404, storefronttest.CodeNotFound)
	}},

	// list-marketplace-categories
	{storefronttest.OpListMarketplaceCategories, 200, "marketplace counts", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.ListMarketplaceCategories(e.ctx, &storefront.ListMarketplaceCategoriesParams{ParentCategorySlug: ptr("home-kitchen")})
		require.NoError(t, err)
		counts := map[string]string{}
		for _, cat := range c.Categories {
			counts[cat.Slug] = cat.ProductCount.String()
		}
		assert.Equal(t, map[string]string{"mugs-cups": "0", "spices": "3"}, counts)
	}},
	{storefronttest.OpListMarketplaceCategories, 400, "malformed sort_by → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceCategories(e.ctx, &storefront.ListMarketplaceCategoriesParams{SortBy: sortBy(`name asc`)})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpListMarketplaceCategories, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.ListMarketplaceCategories(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListMarketplaceCategories, 404, "unknown parent → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceCategories(e.ctx, &storefront.ListMarketplaceCategoriesParams{ParentCategoryID: ptr("01HZZZZZZZZZZZZZZZZZZZZZZZ")})
		apiStatus(t, err, 404, "")
	}},

	// list-marketplace-products
	{storefronttest.OpListMarketplaceProducts, 200, "one seller's products", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.ListMarketplaceProducts(e.ctx, &storefront.ListMarketplaceProductsParams{SellerID: ptr(storefronttest.SeededSellerSpices)})
		require.NoError(t, err)
		require.Len(t, c.Products, 3)
		for _, p := range c.Products {
			assert.Equal(t, storefronttest.SeededSellerSpices, p.SellerID)
			assert.Equal(t, "Kerala Spice Traders", p.SellerDetail.TradeName)
		}
	}},
	{storefronttest.OpListMarketplaceProducts, 400, "limit 0 → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceProducts(e.ctx, &storefront.ListMarketplaceProductsParams{Limit: limit(0)})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpListMarketplaceProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.ListMarketplaceProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListMarketplaceProducts, 404, "unknown seller → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceProducts(e.ctx, &storefront.ListMarketplaceProductsParams{SellerID: ptr("nobody")})
		apiStatus(t, err, 404, "")
	}},

	// list-marketplace-crosssell-products
	{storefronttest.OpListMarketplaceCrosssellProducts, 200, "earbuds → power bank", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.ListMarketplaceCrosssellProducts(e.ctx, &storefront.ListMarketplaceCrosssellProductsParams{ProductID: &[]string{"pixel-wireless-earbuds"}})
		require.NoError(t, err)
		assert.Equal(t, []string{"Pixel Power Bank 10000 mAh"}, names(c.Products, mpItemName))
		assert.Equal(t, storefronttest.SeededSellerGadgets, c.Products[0].SellerID)
	}},
	{storefronttest.OpListMarketplaceCrosssellProducts, 400, "descending by a field it cannot sort → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceCrosssellProducts(e.ctx, &storefront.ListMarketplaceCrosssellProductsParams{SortBy: sortBy(`{"rating":"desc"}`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListMarketplaceCrosssellProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.ListMarketplaceCrosssellProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListMarketplaceCrosssellProducts, 404, "the store's own product → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceCrosssellProducts(e.ctx, &storefront.ListMarketplaceCrosssellProductsParams{ProductID: &[]string{"aurora-wireless-headphones"}})
		apiStatus(t, err, 404, "")
	}},

	// search-marketplace-products
	{storefronttest.OpSearchMarketplaceProducts, 200, "cardamom", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.SearchMarketplaceProducts(e.ctx, nil, storefront.SearchProduct{Query: "cardamom", Page: 1, Limit: 10})
		require.NoError(t, err)
		assert.Equal(t, []string{"Idukki Green Cardamom (100 g)", "Kerala Spice Box"}, names(c.Skus, mpItemName))
	}},
	{storefronttest.OpSearchMarketplaceProducts, 400, "filter syntax error → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.SearchMarketplaceProducts(e.ctx, nil, storefront.SearchProduct{
			Query: "", Page: 1, Limit: 10, Filter: searchFilter("product_type = (physical")})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpSearchMarketplaceProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.SearchMarketplaceProducts(e.ctx, nil, storefront.SearchProduct{Query: "tea", Page: 1, Limit: 10})
		apiStatus(t, err, 401, "")
	}},

	// list-marketplace-similar-products
	{storefronttest.OpListMarketplaceSimilarProducts, 200, "cardamom → the other spices", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.ListMarketplaceSimilarProducts(e.ctx, &storefront.ListMarketplaceSimilarProductsParams{ProductID: &[]string{"idukki-green-cardamom"}})
		require.NoError(t, err)
		assert.Equal(t, []string{"Malabar Black Pepper (200 g)", "Kerala Spice Box"}, names(c.Products, mpItemName))
	}},
	{storefronttest.OpListMarketplaceSimilarProducts, 400, "limit 101 → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceSimilarProducts(e.ctx, &storefront.ListMarketplaceSimilarProductsParams{Limit: limit(101)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListMarketplaceSimilarProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.ListMarketplaceSimilarProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListMarketplaceSimilarProducts, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceSimilarProducts(e.ctx, &storefront.ListMarketplaceSimilarProductsParams{ProductID: &[]string{"no-such-product"}})
		apiStatus(t, err, 404, "")
	}},

	// list-marketplace-upsell-products
	{storefronttest.OpListMarketplaceUpsellProducts, 200, "earbuds → power bank", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.ListMarketplaceUpsellProducts(e.ctx, &storefront.ListMarketplaceUpsellProductsParams{ProductID: &[]string{"pixel-wireless-earbuds"}})
		require.NoError(t, err)
		assert.Equal(t, []string{"Pixel Power Bank 10000 mAh"}, names(c.Products, mpItemName))
	}},
	{storefronttest.OpListMarketplaceUpsellProducts, 400, "sort order neither asc nor desc → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceUpsellProducts(e.ctx, &storefront.ListMarketplaceUpsellProductsParams{SortBy: sortBy(`{"sku":"up"}`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListMarketplaceUpsellProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.ListMarketplaceUpsellProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListMarketplaceUpsellProducts, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceUpsellProducts(e.ctx, &storefront.ListMarketplaceUpsellProductsParams{ProductID: &[]string{"no-such-product"}})
		apiStatus(t, err, 404, "")
	}},

	// get-marketplace-product-detail
	{storefronttest.OpGetMarketplaceProductDetail, 200, "a seller's scarf, with inventory", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.GetMarketplaceProductDetail(e.ctx, "block-print-cotton-scarf", &storefront.GetMarketplaceProductDetailParams{Inventory: ptr(true)})
		require.NoError(t, err)
		assert.Equal(t, "Block Print Cotton Scarf", c.Product.Name)
		require.Len(t, c.Product.Variants, 2)
		require.NotNil(t, c.Product.Variants[0].Inventory)
		assert.True(t, dec("14").Equal((*c.Product.Variants[0].Inventory)[0].StockQuantity))
	}},
	{storefronttest.OpGetMarketplaceProductDetail, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.GetMarketplaceProductDetail(e.ctx, "block-print-cotton-scarf", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetMarketplaceProductDetail, 404, "the store's own product → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.GetMarketplaceProductDetail(e.ctx, "masala-chai-blend", nil)
		apiStatus(t, err, 404, "")
	}},

	// list-marketplace-product-reviews
	{storefronttest.OpListMarketplaceProductReviews, 200, "cardamom's reviews, newest first", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.ListMarketplaceProductReviews(e.ctx, "idukki-green-cardamom", nil)
		require.NoError(t, err)
		require.Len(t, c.Reviews, 2)
		assert.Equal(t, "Imran Qureshi", *c.Reviews[0].Name)
		assert.Equal(t, "i***@example.com", *c.Reviews[0].Email, "reviewers' addresses are masked")
	}},
	{storefronttest.OpListMarketplaceProductReviews, 400, "page 0 → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceProductReviews(e.ctx, "idukki-green-cardamom", &storefront.ListMarketplaceProductReviewsParams{Page: limit(0)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListMarketplaceProductReviews, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.ListMarketplaceProductReviews(e.ctx, "idukki-green-cardamom", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListMarketplaceProductReviews, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceProductReviews(e.ctx, "no-such-product", nil)
		apiStatus(t, err, 404, "")
	}},

	// create-marketplace-product-review
	{storefronttest.OpCreateMarketplaceProductReview, 200, "pending until approved", func(t *testing.T, e *cenv) {
		sess, info, order := e.reviewer("malabar-black-pepper")
		status, _ := e.postReview(sess, "malabar-black-pepper", true, reviewForm{userID: info.ID, order: order, rating: "4", text: "Pungent and fresh."})
		require.Equal(t, 200, status)
		assert.Equal(t, 1, e.srv.PendingReviews())
		assert.Equal(t, 1, e.srv.ApproveReviews())
		c, err := sess.Catalog.ListMarketplaceProductReviews(e.ctx, "malabar-black-pepper", nil)
		require.NoError(t, err)
		require.Len(t, c.Reviews, 1)
		assert.Equal(t, "Pungent and fresh.", *c.Reviews[0].ReviewText)
	}},
	{storefronttest.OpCreateMarketplaceProductReview, 400, "rating 6 → 400", func(t *testing.T, e *cenv) {
		sess, info, order := e.reviewer("malabar-black-pepper")
		status, code := e.postReview(sess, "malabar-black-pepper", true, reviewForm{userID: info.ID, order: order, rating: "6"})
		assert.Equal(t, 400, status)
		assert.Equal(t, storefronttest.CodeBadRequest, code)
	}},
	{storefronttest.OpCreateMarketplaceProductReview, 401, "anonymous shopper → 401", func(t *testing.T, e *cenv) {
		status, code := e.postReview(e.session(), "malabar-black-pepper", true, reviewForm{userID: "someone", order: "ORD-1", rating: "5"})
		assert.Equal(t, 401, status)
		assert.Equal(t, storefronttest.CodeLoginRequired, code)
	}},
	{storefronttest.OpCreateMarketplaceProductReview, 404, "the store's own product → 404", func(t *testing.T, e *cenv) {
		sess, info, order := e.reviewer("masala-chai-blend")
		status, _ := e.postReview(sess, "masala-chai-blend", true, reviewForm{userID: info.ID, order: order, rating: "5"})
		assert.Equal(t, 404, status)
	}},

	// list-marketplace-product-variants
	{storefronttest.OpListMarketplaceProductVariants, 200, "kurta sizes", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.ListMarketplaceProductVariants(e.ctx, "hand-block-printed-kurta", nil)
		require.NoError(t, err)
		assert.Equal(t, []string{"S", "M", "L"}, names(c.Variants, func(v storefront.Variant) string { return v.Name }))
		assert.False(t, c.Variants[2].StockAvailable, "L is sold out")
	}},
	{storefronttest.OpListMarketplaceProductVariants, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.ListMarketplaceProductVariants(e.ctx, "hand-block-printed-kurta", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListMarketplaceProductVariants, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceProductVariants(e.ctx, "no-such-product", nil)
		apiStatus(t, err, 404, "")
	}},

	// get-marketplace-variant-detail
	{storefronttest.OpGetMarketplaceVariantDetail, 200, "by slug", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.GetMarketplaceVariantDetail(e.ctx, "block-print-cotton-scarf", "block-print-cotton-scarf-madder-red", nil)
		require.NoError(t, err)
		assert.Equal(t, "Madder Red", c.Variant.Name)
		assert.Equal(t, storefront.VariantDetailProductType("physical"), c.Variant.ProductType)
	}},
	{storefronttest.OpGetMarketplaceVariantDetail, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.GetMarketplaceVariantDetail(e.ctx, "block-print-cotton-scarf", "x", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetMarketplaceVariantDetail, 404, "unknown variant → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.GetMarketplaceVariantDetail(e.ctx, "block-print-cotton-scarf", "saffron", nil)
		apiStatus(t, err, 404, "")
	}},

	// list-marketplace-skus
	{storefronttest.OpListMarketplaceSkus, 200, "a seller's SKUs, cheapest first", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.ListMarketplaceSkus(e.ctx, &storefront.ListMarketplaceSkusParams{SellerID: ptr(storefronttest.SeededSellerPrints),
			SortBy: sortBy(`{"pricing.selling_price":"asc","sku":"asc"}`)})
		require.NoError(t, err)
		require.Len(t, c.Skus, 5)
		assert.Equal(t, "BLOCK-PRINT-COTTON-SCARF-INDIGO", c.Skus[0].Sku)
		assert.Equal(t, "HAND-BLOCK-PRINTED-KURTA-S", c.Skus[4].Sku)
	}},
	{storefronttest.OpListMarketplaceSkus, 400, "unknown sort field → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceSkus(e.ctx, &storefront.ListMarketplaceSkusParams{SortBy: sortBy(`{"price":"asc"}`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListMarketplaceSkus, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.ListMarketplaceSkus(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListMarketplaceSkus, 404, "unknown category → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Catalog.ListMarketplaceSkus(e.ctx, &storefront.ListMarketplaceSkusParams{CategoryID: &[]string{"nope"}})
		apiStatus(t, err, 404, "")
	}},

	// list-products
	{storefronttest.OpListProducts, 200, "a category and below, a group's prices, API key alone", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.ListProducts(e.ctx, &storefront.ListProductsParams{CategorySlug: &[]string{"audio"},
			SortBy: sortBy(`{"pricing.selling_price":"desc"}`), XCustomerGroupID: ptr(storefronttest.SeededGroupWholesale)})
		require.NoError(t, err)
		assert.Equal(t, []string{"Tower Home Speaker", "Aurora Pro Headphones", "Aurora Wireless Headphones", "Pebble Bluetooth Speaker",
			"Audio Starter Kit", "Studio Wired Earphones"}, names(c.Products, func(p storefront.Product) string { return p.Name }))
		assertPrice(t, "4299", c.Products[2].Pricing.SellingPrice, "the wholesale price")
		assert.Equal(t, 6, c.Pagination.TotalRecords)
	}},
	{storefronttest.OpListProducts, 200, "a page beyond the last is empty", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.ListProducts(e.ctx, &storefront.ListProductsParams{Page: limit(9), Limit: limit(10)})
		require.NoError(t, err)
		assert.Empty(t, c.Products)
		assert.Equal(t, 28, c.Pagination.TotalRecords)
		assert.Equal(t, 3, c.Pagination.TotalPages)
		assert.Nil(t, c.Pagination.NextPage)
		assert.Equal(t, ptr(8), c.Pagination.PreviousPage)
	}},
	{storefronttest.OpListProducts, 400, "two sort keys, one unknown → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListProducts(e.ctx, &storefront.ListProductsParams{SortBy: sortBy(`{"name":"asc","popularity":"desc"}`)})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
		var apiErr *storefront.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Contains(t, apiErr.Fields, "sort_by")
	}},
	{storefronttest.OpListProducts, 400, "unknown product type → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListProducts(e.ctx, &storefront.ListProductsParams{ProductType: ptr("service")})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpListProducts, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.ListProducts(e.ctx, nil)
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},
	{storefronttest.OpListProducts, 404, "unknown category → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListProducts(e.ctx, &storefront.ListProductsParams{CategorySlug: &[]string{"garden"}})
		apiStatus(t, err, 404, storefronttest.CodeNotFound)
	}},

	// list-crosssell-products
	{storefronttest.OpListCrosssellProducts, 200, "what goes with headphones", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.ListCrosssellProducts(e.ctx, &storefront.ListCrosssellProductsParams{ProductID: &[]string{"aurora-wireless-headphones"}})
		require.NoError(t, err)
		assert.Equal(t, []string{"Headphone Carry Case", "Braided USB-C Cable (1 m)"}, names(c.Products, itemName))
	}},
	{storefronttest.OpListCrosssellProducts, 400, "sort_by not JSON → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListCrosssellProducts(e.ctx, &storefront.ListCrosssellProductsParams{SortBy: sortBy(`{`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListCrosssellProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Catalog.ListCrosssellProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListCrosssellProducts, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListCrosssellProducts(e.ctx, &storefront.ListCrosssellProductsParams{ProductID: &[]string{"no-such-product"}})
		apiStatus(t, err, 404, "")
	}},

	// search-products
	{storefronttest.OpSearchProducts, 200, "words, filter and facets", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{
			Query: "wireless", Page: 1, Limit: 10, Facets: &[]string{"product_type", "pricing.selling_price"},
			Filter: searchFilter("pricing.selling_price 1000 TO 6000 AND stock_available = true")})
		require.NoError(t, err)
		assert.Equal(t, []string{"Aurora Wireless Headphones", "Aurora Wireless Headphones"}, names(c.Skus, itemName), "two colours in stock")
		assert.Equal(t, 2, c.Pagination.TotalRecords)
		assertPrice(t, "2", c.FacetDistribution["product_type"]["physical"])
		assertPrice(t, "4999", c.FacetStats["pricing.selling_price"].Min)
	}},
	{storefronttest.OpSearchProducts, 400, "filter on an attribute that cannot be filtered → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{
			Query: "tea", Page: 1, Limit: 10, Filter: searchFilter("colour = red")})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpSearchProducts, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "tea", Page: 1, Limit: 10})
		apiStatus(t, err, 401, "")
	}},

	// list-similar-products
	{storefronttest.OpListSimilarProducts, 200, "more headphones", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.ListSimilarProducts(e.ctx, &storefront.ListSimilarProductsParams{ProductID: &[]string{"aurora-wireless-headphones"}, Limit: limit(2)})
		require.NoError(t, err)
		assert.Equal(t, []string{"Aurora Pro Headphones", "Studio Wired Earphones"}, names(c.Products, itemName))
	}},
	{storefronttest.OpListSimilarProducts, 400, "limit 1000 → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListSimilarProducts(e.ctx, &storefront.ListSimilarProductsParams{Limit: limit(1000)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListSimilarProducts, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.ListSimilarProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListSimilarProducts, 404, "a marketplace product → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListSimilarProducts(e.ctx, &storefront.ListSimilarProductsParams{ProductID: &[]string{"pixel-wireless-earbuds"}})
		apiStatus(t, err, 404, "")
	}},

	// list-upsell-products
	{storefronttest.OpListUpsellProducts, 200, "the better headphones", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.ListUpsellProducts(e.ctx, &storefront.ListUpsellProductsParams{ProductID: &[]string{"aurora-wireless-headphones", "studio-wired-earphones"}})
		require.NoError(t, err)
		assert.Equal(t, []string{"Aurora Pro Headphones"}, names(c.Products, itemName), "a given product is never suggested")
	}},
	{storefronttest.OpListUpsellProducts, 400, "page -1 → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListUpsellProducts(e.ctx, &storefront.ListUpsellProductsParams{Page: limit(-1)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListUpsellProducts, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.ListUpsellProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListUpsellProducts, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListUpsellProducts(e.ctx, &storefront.ListUpsellProductsParams{ProductID: &[]string{"no-such-product"}})
		apiStatus(t, err, 404, "")
	}},

	// get-product-detail
	{storefronttest.OpGetProductDetail, 200, "by slug, the default group's price", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.GetProductDetail(e.ctx, "aurora-wireless-headphones", nil)
		require.NoError(t, err)
		p := c.Product
		assert.Equal(t, "Aurora Wireless Headphones", p.Name)
		assertPrice(t, "4999", p.Pricing.SellingPrice)
		assertPrice(t, "6999", p.Pricing.ListingPrice)
		assertPrice(t, "4236.44", p.Pricing.SellingPriceExcludingTax)
		assert.True(t, p.OnPromotion)
		assert.Len(t, p.Variants, 3)
		assert.Nil(t, p.Inventory)
		byID, err := e.client.Public.Catalog.GetProductDetail(e.ctx, p.ID, nil)
		require.NoError(t, err)
		assert.Equal(t, p.Slug, byID.Product.Slug)
	}},
	{storefronttest.OpGetProductDetail, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.GetProductDetail(e.ctx, "aurora-wireless-headphones", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetProductDetail, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.GetProductDetail(e.ctx, "no-such-product", nil)
		apiStatus(t, err, 404, storefronttest.CodeNotFound)
	}},

	// list-product-reviews
	{storefronttest.OpListProductReviews, 200, "one tag, best first", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.ListProductReviews(e.ctx, "aurora-wireless-headphones", &storefront.ListProductReviewsParams{
			ReviewTag: ptr("comfort"), SortBy: sortBy(`{"rating":"desc"}`)})
		require.NoError(t, err)
		require.Len(t, c.Reviews, 2)
		assertPrice(t, "5", *c.Reviews[0].Rating)
		assertPrice(t, "3", *c.Reviews[1].Rating)
		require.NotNil(t, c.ReviewTags)
		assert.Equal(t, []string{"comfort", "battery", "noise-cancelling", "sound"}, *c.ReviewTags)
	}},
	{storefronttest.OpListProductReviews, 400, "sort by an unknown field → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListProductReviews(e.ctx, "aurora-wireless-headphones", &storefront.ListProductReviewsParams{SortBy: sortBy(`{"helpful":"desc"}`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListProductReviews, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.ListProductReviews(e.ctx, "aurora-wireless-headphones", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListProductReviews, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListProductReviews(e.ctx, "no-such-product", nil)
		apiStatus(t, err, 404, "")
	}},

	// create-product-review
	{storefronttest.OpCreateProductReview, 200, "with a photo, published once approved", func(t *testing.T, e *cenv) {
		sess, info, order := e.reviewer("cast-iron-teapot")
		status, _ := e.postReview(sess, "cast-iron-teapot", false, reviewForm{userID: info.ID, order: order, rating: "5", text: "Keeps tea hot for an hour.", images: [][]byte{pngPhoto}})
		require.Equal(t, 200, status)
		c, err := e.client.Public.Catalog.ListProductReviews(e.ctx, "cast-iron-teapot", nil)
		require.NoError(t, err)
		assert.Empty(t, c.Reviews, "not before approval")
		e.srv.ApproveReviews()
		c, err = e.client.Public.Catalog.ListProductReviews(e.ctx, "cast-iron-teapot", nil)
		require.NoError(t, err)
		require.Len(t, c.Reviews, 1)
		assert.Equal(t, "Asha Rao", *c.Reviews[0].Name)
		require.NotNil(t, c.Reviews[0].Images)
		assert.Len(t, *c.Reviews[0].Images, 1)
	}},
	{storefronttest.OpCreateProductReview, 400, "no order holds the product → 400", func(t *testing.T, e *cenv) {
		sess, info, order := e.reviewer("cast-iron-teapot")
		status, code := e.postReview(sess, "masala-chai-blend", false, reviewForm{userID: info.ID, order: order, rating: "5"})
		assert.Equal(t, 400, status)
		assert.Equal(t, storefronttest.CodeNotPurchased, code)
	}},
	{storefronttest.OpCreateProductReview, 401, "anonymous shopper → 401", func(t *testing.T, e *cenv) {
		status, code := e.postReview(e.session(), "cast-iron-teapot", false, reviewForm{userID: "x", order: "ORD-1", rating: "5"})
		assert.Equal(t, 401, status)
		assert.Equal(t, storefronttest.CodeLoginRequired, code)
	}},
	{storefronttest.OpCreateProductReview, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		sess, info, order := e.reviewer("cast-iron-teapot")
		status, _ := e.postReview(sess, "no-such-product", false, reviewForm{userID: info.ID, order: order, rating: "5"})
		assert.Equal(t, 404, status)
	}},

	// list-product-variants
	{storefronttest.OpListProductVariants, 200, "colours with stock", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.ListProductVariants(e.ctx, "aurora-wireless-headphones", &storefront.ListProductVariantsParams{Inventory: ptr(true)})
		require.NoError(t, err)
		assert.Equal(t, []string{"Midnight Black", "Pearl White", "Ocean Blue"}, names(c.Variants, func(v storefront.Variant) string { return v.Name }))
		assert.True(t, c.Variants[0].IsDefault)
		assert.False(t, c.Variants[2].StockAvailable)
		require.NotNil(t, c.Variants[2].Inventory)
		assert.Empty(t, *c.Variants[2].Inventory)
	}},
	{storefronttest.OpListProductVariants, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.ListProductVariants(e.ctx, "aurora-wireless-headphones", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListProductVariants, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListProductVariants(e.ctx, "no-such-product", nil)
		apiStatus(t, err, 404, "")
	}},

	// get-variant-detail
	{storefronttest.OpGetVariantDetail, 200, "a tee size and colour, staff price", func(t *testing.T, e *cenv) {
		c, err := e.session().Catalog.GetVariantDetail(e.ctx, "nilgiri-hills-organic-tee", "nilgiri-hills-organic-tee-m-charcoal",
			&storefront.GetVariantDetailParams{XCustomerGroupID: ptr(storefronttest.SeededGroupStaff)})
		require.NoError(t, err)
		assert.Equal(t, "M / Charcoal", c.Variant.Name)
		assertPrice(t, "599", c.Variant.Pricing.SellingPrice)
		assert.Len(t, c.Variant.VariantOptions, 2)
	}},
	{storefronttest.OpGetVariantDetail, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.GetVariantDetail(e.ctx, "nilgiri-hills-organic-tee", "nilgiri-hills-organic-tee-m-charcoal", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetVariantDetail, 404, "a product without that variant → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.GetVariantDetail(e.ctx, "nilgiri-hills-organic-tee", "aurora-wireless-headphones-pearl-white", nil)
		apiStatus(t, err, 404, "")
	}},

	// list-skus
	{storefronttest.OpListSkus, 200, "chosen SKUs", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Catalog.ListSkus(e.ctx, &storefront.ListSkusParams{Sku: &[]string{"MASALA-CHAI-BLEND", "assam-breakfast-500-g", "NOPE"}})
		require.NoError(t, err)
		assert.Equal(t, []string{"MASALA-CHAI-BLEND", "ASSAM-BREAKFAST-500-G"}, names(c.Skus, func(it storefront.Item) string { return it.Sku }))
	}},
	{storefronttest.OpListSkus, 400, "unknown product type → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListSkus(e.ctx, &storefront.ListSkusParams{ProductType: ptr("subscription")})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListSkus, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Catalog.ListSkus(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListSkus, 404, "unknown category → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Catalog.ListSkus(e.ctx, &storefront.ListSkusParams{CategoryID: &[]string{"nope"}})
		apiStatus(t, err, 404, "")
	}},

	// check-store
	{storefronttest.OpCheckStore, 200, "API key alone", func(t *testing.T, e *cenv) {
		require.NoError(t, e.client.Public.Store.CheckStore(e.ctx))
	}},
	{storefronttest.OpCheckStore, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.wrongKey().Public.Store.CheckStore(e.ctx), 401, "")
	}},
	{storefronttest.OpCheckStore, 404, "another store → 404", func(t *testing.T, e *cenv) {
		apiStatus(t, e.otherStore().Public.Store.CheckStore(e.ctx), 404, storefronttest.CodeNotFound)
	}},

	// get-config
	{storefronttest.OpGetConfig, 200, "brand, currency and groups", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Store.GetConfig(e.ctx)
		require.NoError(t, err)
		require.NotNil(t, c.StoreConfig)
		cfg := c.StoreConfig
		assert.Equal(t, "Nilgiri Goods", cfg.Brand.Name)
		assert.Equal(t, "INR", cfg.Currency.Code)
		require.Len(t, cfg.CustomerGroups, 3)
		assert.Equal(t, storefronttest.SeededGroupRetail, cfg.CustomerGroups[0].ID)
		assert.True(t, *cfg.CustomerGroups[0].IsDefault)
		assert.True(t, cfg.IsCustomerGroupEnabled)
		assert.Len(t, cfg.KycDocuments, 3)
	}},
	{storefronttest.OpGetConfig, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Store.GetConfig(e.ctx)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetConfig, 404, "another store → 404", func(t *testing.T, e *cenv) {
		_, err := e.otherStore().Public.Store.GetConfig(e.ctx)
		apiStatus(t, err, 404, "")
	}},

	// list-kyc-document
	{storefronttest.OpListKycDocument, 200, "KYC on, three documents", func(t *testing.T, e *cenv) {
		c, err := e.session().Store.ListKycDocument(e.ctx)
		require.NoError(t, err)
		assert.True(t, c.IsKycEnabled)
		require.NotNil(t, c.KycDocuments)
		assert.Equal(t, []string{"gst", "pan", "other"}, names(*c.KycDocuments, func(d storefront.KycDocumentConfig) string { return string(d.DocumentType) }))
	}},
	{storefronttest.OpListKycDocument, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Store.ListKycDocument(e.ctx)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListKycDocument, 404, "another store → 404", func(t *testing.T, e *cenv) {
		_, err := e.otherStore().NewSession(nil).Store.ListKycDocument(e.ctx)
		apiStatus(t, err, 404, "")
	}},

	// get-seller-detail
	{storefronttest.OpGetSellerDetail, 200, "a seller and their ratings", func(t *testing.T, e *cenv) {
		c, err := e.session().Store.GetSellerDetail(e.ctx, storefronttest.SeededSellerSpices)
		require.NoError(t, err)
		assert.Equal(t, "Kerala Spice Traders Private Limited", c.SellerDetail.LegalName)
		assertPrice(t, "2", *c.ReviewsStats.Count)
		assertPrice(t, "9", *c.ReviewsStats.RatingSum)
	}},
	{storefronttest.OpGetSellerDetail, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Store.GetSellerDetail(e.ctx, storefronttest.SeededSellerSpices)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetSellerDetail, 404, "unknown seller → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Store.GetSellerDetail(e.ctx, "nobody")
		apiStatus(t, err, 404, "")
	}},

	// list-seller-reviews
	{storefronttest.OpListSellerReviews, 200, "a seller's reviews, newest first", func(t *testing.T, e *cenv) {
		require.NoError(t, e.srv.AddSellerReview(storefronttest.SeededSellerPrints, storefronttest.SellerReviewInput{Name: "Zoya", Rating: 4, Text: "Lovely."}))
		c, err := e.session().Store.ListSellerReviews(e.ctx, storefronttest.SeededSellerPrints)
		require.NoError(t, err)
		require.NotNil(t, c.Reviews)
		assert.Equal(t, []string{"Zoya", "Aditi Rao"}, names(*c.Reviews, func(r storefront.SellerReview) string { return *r.Name }))
		assertPrice(t, "9", *c.ReviewsStats.RatingSum)
	}},
	{storefronttest.OpListSellerReviews, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Store.ListSellerReviews(e.ctx, storefronttest.SeededSellerPrints)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListSellerReviews, 404, "unknown seller → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Store.ListSellerReviews(e.ctx, "nobody")
		apiStatus(t, err, 404, "")
	}},

	// list-countries
	{storefronttest.OpListCountries, 200, "by name", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Common.ListCountries(e.ctx)
		require.NoError(t, err)
		require.NotNil(t, c.Countries)
		assert.Equal(t, []string{"IN", "AE", "GB", "US"}, names(*c.Countries, func(c storefront.Country) string { return *c.CountryIsoCode }))
	}},
	{storefronttest.OpListCountries, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Common.ListCountries(e.ctx)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListCountries, 404, "another store → 404", func(t *testing.T, e *cenv) {
		_, err := e.otherStore().Public.Common.ListCountries(e.ctx)
		apiStatus(t, err, 404, "")
	}},

	// list-country-pincodes
	{storefronttest.OpListCountryPincodes, 200, "Bengaluru's first codes", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Common.ListCountryPincodes(e.ctx, "in", &storefront.ListCountryPincodesParams{Pincode: ptr("5600"), Limit: limit(3)})
		require.NoError(t, err)
		require.NotNil(t, c.Pincodes)
		assert.Equal(t, []string{"560001", "560002", "560003"}, names(*c.Pincodes, func(p storefront.Pincode) string { return *p.Pincode }))
		assert.Equal(t, "Bengaluru", *(*c.Pincodes)[0].City)
	}},
	{storefronttest.OpListCountryPincodes, 400, "a three-letter code → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Common.ListCountryPincodes(e.ctx, "IND", nil)
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListCountryPincodes, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Common.ListCountryPincodes(e.ctx, "IN", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListCountryPincodes, 404, "unknown country → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Common.ListCountryPincodes(e.ctx, "ZZ", nil)
		apiStatus(t, err, 404, "")
	}},

	// list-country-states
	{storefronttest.OpListCountryStates, 200, "India's states with GST codes", func(t *testing.T, e *cenv) {
		c, err := e.client.Public.Common.ListCountryStates(e.ctx, "IN")
		require.NoError(t, err)
		require.NotNil(t, c.States)
		assert.Len(t, *c.States, 36)
		for _, s := range *c.States {
			if s.IsoCode == "IN-KA" {
				assert.Equal(t, "29", *s.GstCode)
			}
		}
	}},
	{storefronttest.OpListCountryStates, 400, "not letters → 400", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Common.ListCountryStates(e.ctx, "1N")
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListCountryStates, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().Public.Common.ListCountryStates(e.ctx, "IN")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListCountryStates, 404, "unknown country → 404", func(t *testing.T, e *cenv) {
		_, err := e.client.Public.Common.ListCountryStates(e.ctx, "XK")
		apiStatus(t, err, 404, "")
	}},

	// track-analytics-event
	{storefronttest.OpTrackAnalyticsEvent, 200, "recorded once per messageId", func(t *testing.T, e *cenv) {
		sess := e.session()
		c, err := sess.EnsureClaims(e.ctx)
		require.NoError(t, err)
		ev := analyticsEvent(c.UserID, "msg-1")
		require.NoError(t, sess.Analytics.TrackAnalyticsEvent(e.ctx, ev))
		require.NoError(t, sess.Analytics.TrackAnalyticsEvent(e.ctx, ev))
		got := e.srv.AnalyticsEvents()
		require.Len(t, got, 1)
		assert.Equal(t, "Product Viewed", got[0].Event)
		assert.Equal(t, "aurora-wireless-headphones", got[0].Properties["product_slug"])
	}},
	{storefronttest.OpTrackAnalyticsEvent, 400, "someone else's userId → 400", func(t *testing.T, e *cenv) {
		err := e.session().Analytics.TrackAnalyticsEvent(e.ctx, analyticsEvent("someone-else", "msg-2"))
		apiStatus(t, err, 400, "")
		assert.Empty(t, e.srv.AnalyticsEvents())
	}},
	{storefronttest.OpTrackAnalyticsEvent, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		err := e.endedSession().Analytics.TrackAnalyticsEvent(e.ctx, analyticsEvent("x", "msg-3"))
		apiStatus(t, err, 401, "")
	}},

	// subscribe-newsletter
	{storefronttest.OpSubscribeNewsletter, 200, "twice, subscribed once", func(t *testing.T, e *cenv) {
		sess := e.session()
		require.NoError(t, sess.Campaigns.SubscribeNewsletter(e.ctx, storefront.SubscribeNewsletterBody{Email: "Reader@Example.com"}))
		require.NoError(t, sess.Campaigns.SubscribeNewsletter(e.ctx, storefront.SubscribeNewsletterBody{Email: "reader@example.com"}))
		assert.Equal(t, []string{"reader@example.com"}, e.srv.NewsletterSubscribers())
	}},
	{storefronttest.OpSubscribeNewsletter, 400, "not an email address → 400", func(t *testing.T, e *cenv) {
		err := e.session().Campaigns.SubscribeNewsletter(e.ctx, storefront.SubscribeNewsletterBody{Email: "reader-at-example.com"})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpSubscribeNewsletter, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		err := e.endedSession().Campaigns.SubscribeNewsletter(e.ctx, storefront.SubscribeNewsletterBody{Email: "reader@example.com"})
		apiStatus(t, err, 401, "")
	}},

	// check-fulfillment
	{storefronttest.OpCheckFulfillment, 200, "Bengaluru yes, Guwahati no", func(t *testing.T, e *cenv) {
		sess := e.session()
		items := `"items":[{"product_id":"cast-iron-teapot","variant_id":null},{"product_id":"tea-sommelier-handbook","variant_id":null}]`
		c, err := sess.Fulfillment.CheckFulfillment(e.ctx, fulfillmentCheck(t, `{"delivery_pincode":"560034",`+items+`}`))
		require.NoError(t, err)
		assert.True(t, c.IsServiceable)
		c, err = sess.Fulfillment.CheckFulfillment(e.ctx, fulfillmentCheck(t, `{"delivery_pincode":"781001",`+items+`}`))
		require.NoError(t, err)
		assert.False(t, c.IsServiceable)
		require.NotNil(t, c.UnserviceableItems)
		require.Len(t, *c.UnserviceableItems, 1, "the e-book needs no delivery")
		assert.Equal(t, "Cast Iron Teapot", *(*c.UnserviceableItems)[0].ProductName)
	}},
	{storefronttest.OpCheckFulfillment, 400, "no postal code → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Fulfillment.CheckFulfillment(e.ctx, fulfillmentCheck(t, `{"delivery_pincode":null,"items":[{"product_id":"cast-iron-teapot","variant_id":null}]}`))
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpCheckFulfillment, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Fulfillment.CheckFulfillment(e.ctx, fulfillmentCheck(t, `{"delivery_pincode":"560001","items":[{"product_id":"cast-iron-teapot","variant_id":null}]}`))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpCheckFulfillment, 404, "a cart (there are none yet) → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Fulfillment.CheckFulfillment(e.ctx, fulfillmentCheck(t, `{"delivery_pincode":"560001","cart_id":"01HZZZZZZZZZZZZZZZZZZZZZZZ"}`))
		apiStatus(t, err, 404, "")
	}},
}

func analyticsEvent(userID, messageID string) storefront.AnalyticsEvent {
	ev := storefront.AnalyticsEvent{Event: "Product Viewed", Type: "track", UserID: userID, Channel: "website",
		MessageID: messageID, Properties: map[string]any{"product_slug": "aurora-wireless-headphones"},
		Timestamp: time.Date(2025, 1, 1, 10, 0, 0, 0, time.UTC), SentAt: time.Date(2025, 1, 1, 10, 0, 1, 0, time.UTC)}
	ev.Context.IP, ev.Context.UserAgent = "203.0.113.7", "Mozilla/5.0"
	return ev
}
