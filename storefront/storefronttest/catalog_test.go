package storefronttest_test

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func productNames(ps []storefront.Product) []string {
	return names(ps, func(p storefront.Product) string { return p.Name })
}

// A category filter takes in the products of its descendants; several
// categories are a union.
func TestCatalogCategoryFilterIncludesDescendants(t *testing.T) {
	e := newCEnv(t)
	cat := e.client.Public.Catalog
	audio, err := cat.ListProducts(e.ctx, &storefront.ListProductsParams{CategorySlug: &[]string{"audio"}})
	require.NoError(t, err)
	headphones, err := cat.ListProducts(e.ctx, &storefront.ListProductsParams{CategorySlug: &[]string{"headphones"}})
	require.NoError(t, err)
	electronics, err := cat.ListProducts(e.ctx, &storefront.ListProductsParams{CategorySlug: &[]string{"electronics"}})
	require.NoError(t, err)
	assert.Equal(t, 3, headphones.Pagination.TotalRecords)
	assert.Equal(t, 6, audio.Pagination.TotalRecords, "headphones, speakers and the audio kit")
	assert.Equal(t, 9, electronics.Pagination.TotalRecords, "and the accessories")
	for _, p := range headphones.Products {
		assert.Contains(t, productNames(audio.Products), p.Name)
	}

	cats, err := cat.ListCategories(e.ctx, &storefront.ListCategoriesParams{ParentCategorySlug: ptr("electronics"), NestedLevel: ptr(2)})
	require.NoError(t, err)
	byID := map[string]string{}
	for _, c := range cats.Categories {
		byID[c.Slug] = c.ID
	}
	assert.Len(t, byID, 4, "audio, accessories and, a level deeper, headphones and speakers")
	union, err := cat.ListProducts(e.ctx, &storefront.ListProductsParams{CategoryID: &[]string{byID["headphones"], byID["accessories"]}})
	require.NoError(t, err)
	assert.Equal(t, 6, union.Pagination.TotalRecords)

	digital, err := cat.ListProducts(e.ctx, &storefront.ListProductsParams{ProductType: ptr("digital,bundle")})
	require.NoError(t, err)
	for _, p := range digital.Products {
		assert.Contains(t, []storefront.ProductProductType{"digital", "bundle"}, p.ProductType)
	}
	assert.Equal(t, 6, digital.Pagination.TotalRecords)
}

func TestCatalogSortsBySeveralFieldsInOrder(t *testing.T) {
	e := newCEnv(t)
	c, err := e.client.Public.Catalog.ListSkus(e.ctx, &storefront.ListSkusParams{CategorySlug: &[]string{"t-shirts"},
		SortBy: sortBy(`{"product_name":"desc","variant_name":"asc"}`), Limit: limit(100)})
	require.NoError(t, err)
	got := names(c.Skus, func(it storefront.Item) string { return it.ProductName + " " + *it.VariantName })
	assert.Equal(t, []string{
		"Tea Lover Graphic Tee L", "Tea Lover Graphic Tee M", "Tea Lover Graphic Tee S",
		"Nilgiri Hills Organic T-Shirt L / Charcoal", "Nilgiri Hills Organic T-Shirt L / Forest Green",
		"Nilgiri Hills Organic T-Shirt M / Charcoal", "Nilgiri Hills Organic T-Shirt M / Forest Green",
		"Nilgiri Hills Organic T-Shirt S / Charcoal", "Nilgiri Hills Organic T-Shirt S / Forest Green",
		"Nilgiri Hills Organic T-Shirt XL / Charcoal", "Nilgiri Hills Organic T-Shirt XL / Forest Green",
	}, got)

	// The default order is newest first.
	all, err := e.client.Public.Catalog.ListProducts(e.ctx, &storefront.ListProductsParams{Limit: limit(100)})
	require.NoError(t, err)
	assert.Equal(t, "Audio Starter Kit", all.Products[0].Name)
	assert.Equal(t, "Darjeeling First Flush Green Tea", all.Products[len(all.Products)-1].Name)

	byPrice, err := e.client.Public.Catalog.ListProducts(e.ctx, &storefront.ListProductsParams{Limit: limit(100), SortBy: sortBy(`{"pricing.selling_price":"asc","name":"asc"}`)})
	require.NoError(t, err)
	for i := 1; i < len(byPrice.Products); i++ {
		a, b := byPrice.Products[i-1], byPrice.Products[i]
		assert.False(t, a.Pricing.SellingPrice.GreaterThan(b.Pricing.SellingPrice), "%s before %s", a.Name, b.Name)
	}
}

// x-customer-group-id: the group's price, else the default group's, else
// the highest price the SKU has.
func TestCatalogPricesPerCustomerGroup(t *testing.T) {
	e := newCEnv(t)
	price := func(slug string, group *string) decimal.Decimal {
		t.Helper()
		c, err := e.client.Public.Catalog.GetProductDetail(e.ctx, slug, &storefront.GetProductDetailParams{XCustomerGroupID: group})
		require.NoError(t, err)
		return c.Product.Pricing.SellingPrice
	}
	assertPrice(t, "4999", price("aurora-wireless-headphones", nil))
	assertPrice(t, "4999", price("aurora-wireless-headphones", ptr(storefronttest.SeededGroupRetail)))
	assertPrice(t, "4299", price("aurora-wireless-headphones", ptr(storefronttest.SeededGroupWholesale)))
	assertPrice(t, "3999", price("aurora-wireless-headphones", ptr(storefronttest.SeededGroupStaff)))
	assertPrice(t, "4999", price("aurora-wireless-headphones", ptr("no-such-group")), "an unknown group sees the default group's")
	assertPrice(t, "4999", price("masala-chai-blend", ptr(storefronttest.SeededGroupWholesale)).Add(dec("4700")), "no wholesale price: the default's (299)")

	// A product the default group has no price for: the highest.
	assertPrice(t, "1999", price("bulk-assam-ctc-5kg", nil))
	assertPrice(t, "1799", price("bulk-assam-ctc-5kg", ptr(storefronttest.SeededGroupStaff)))

	// A group of the test's own.
	vip, err := e.srv.AddCustomerGroup(storefronttest.CustomerGroupInput{Name: "VIP"})
	require.NoError(t, err)
	require.NoError(t, e.srv.SetPrice("aurora-wireless-headphones", vip, dec("3499.50")))
	assertPrice(t, "3499.50", price("aurora-wireless-headphones", &vip))
	require.Error(t, e.srv.SetPrice("aurora-wireless-headphones", "nope", dec("1")))
	require.Error(t, e.srv.SetPrice("no-such-product", vip, dec("1")))
	cfg, err := e.client.Public.Store.GetConfig(e.ctx)
	require.NoError(t, err)
	assert.Len(t, cfg.StoreConfig.CustomerGroups, 4)
	assert.Equal(t, []string{storefronttest.SeededGroupRetail, storefronttest.SeededGroupWholesale, storefronttest.SeededGroupStaff, vip}, e.srv.CustomerGroups())
}

// The iterator walks every page, one request each, and stops at the last.
func TestCatalogIteratorWalksEveryPage(t *testing.T) {
	e := newCEnv(t)
	var got []string
	for p, err := range e.client.Public.Catalog.ListProductsAll(e.ctx, &storefront.ListProductsParams{Limit: limit(7)}) {
		require.NoError(t, err)
		got = append(got, p.Slug)
	}
	assert.Len(t, got, 28)
	assert.Len(t, slices.Compact(slices.Sorted(slices.Values(got))), 28, "no product twice")
	assert.Equal(t, 4, e.srv.Calls(storefronttest.OpListProducts))
}

func TestCatalogSearch(t *testing.T) {
	e := newCEnv(t)
	search := func(body storefront.SearchProduct) *storefront.SearchProductsContent {
		t.Helper()
		if body.Page == 0 {
			body.Page, body.Limit = 1, 100
		}
		c, err := e.client.Public.Catalog.SearchProducts(e.ctx, nil, body)
		require.NoError(t, err)
		return c
	}
	// A prefix of a word matches; a name outranks a category.
	c := search(storefront.SearchProduct{Query: "head"})
	got := names(c.Skus, itemName)
	require.Len(t, got, 7)
	for _, name := range got[:5] {
		assert.Contains(t, name, "Head")
	}
	assert.ElementsMatch(t, []string{"Studio Wired Earphones", "The Tea Sommelier's Handbook"}, got[5:],
		"in the Headphones category; \"head of tea\" in its description")

	// Every word must match, a name outranks a description, and words
	// after the tenth do not count.
	c = search(storefront.SearchProduct{Query: "masala chai"})
	assert.Equal(t, []string{"Masala Chai Blend", "Morning Ritual Gift Set"}, names(c.Skus, itemName))
	c = search(storefront.SearchProduct{Query: "masala chai chai chai chai chai chai chai chai chai zzzzzz"})
	assert.Equal(t, []string{"Masala Chai Blend", "Morning Ritual Gift Set"}, names(c.Skus, itemName))
	c = search(storefront.SearchProduct{Query: "masala zzzzzz"})
	assert.Empty(t, c.Skus)

	// Tags, categories and attributes are searched too.
	c = search(storefront.SearchProduct{Query: "ipx7"})
	assert.Equal(t, []string{"Pebble Bluetooth Speaker", "Pebble Bluetooth Speaker"}, names(c.Skus, itemName))

	// Filters in the array forms, facets and sort.
	f := storefront.FilterAll([]string{"product_type != bundle"}, []string{"tags = organic", "attributes.colour = 'Pearl White'"})
	c = search(storefront.SearchProduct{Filter: f, Sort: &[]string{"pricing.selling_price:desc", "product_name"},
		Facets: &[]string{"*"}})
	got = names(c.Skus, func(it storefront.Item) string { return it.Sku })
	require.Len(t, got, 12, "3 tea SKUs, 8 tees and a headphone colour")
	assert.Equal(t, []string{"AURORA-WIRELESS-HEADPHONES-PEARL-WHITE", "DARJEELING-FIRST-FLUSH-250-G"}, got[:2])
	assert.Equal(t, []string{"DARJEELING-FIRST-FLUSH-100-G", "NILGIRI-FROST-GREEN-TEA"}, got[10:], "the tees at 799 between")
	assertPrice(t, "8", c.FacetDistribution["attributes.size"]["S"].Add(c.FacetDistribution["attributes.size"]["M"]).Add(
		c.FacetDistribution["attributes.size"]["L"]).Add(c.FacetDistribution["attributes.size"]["XL"]))
	assertPrice(t, "12", c.FacetDistribution["product_type"]["physical"])
	assertPrice(t, "380", c.FacetStats["pricing.selling_price"].Min)
	assertPrice(t, "4999", c.FacetStats["pricing.selling_price"].Max)
	assert.NotContains(t, c.FacetDistribution, "sku", "identifying attributes are not facets of *")

	// Numbers, booleans, NULL and EMPTY.
	c = search(storefront.SearchProduct{Filter: searchFilter("rating >= 4.5 AND variant_id IS NULL")})
	assert.ElementsMatch(t, []string{"The Tea Sommelier's Handbook", "Aurora Pro Headphones"}, names(c.Skus, itemName), "chai averages 4")
	c = search(storefront.SearchProduct{Filter: searchFilter("stock_available = false")})
	assert.ElementsMatch(t, []string{"Aurora Wireless Headphones", "Chikmagalur Filter Coffee", "Nilgiri Hills Organic T-Shirt"}, names(c.Skus, itemName))

	// A group's prices are what filters and sorts see.
	c, err := e.client.Public.Catalog.SearchProducts(e.ctx, &storefront.SearchProductsParams{XCustomerGroupID: ptr(storefronttest.SeededGroupStaff)},
		storefront.SearchProduct{Query: "aurora", Page: 1, Limit: 10, Filter: searchFilter("pricing.selling_price < 4000")})
	require.NoError(t, err)
	assert.Len(t, c.Skus, 3, "the staff price of every colour is 3999")

	// Bad sort and facets are 400s.
	_, err = e.client.Public.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "", Page: 1, Limit: 10, Sort: &[]string{"popularity:desc"}})
	apiStatus(t, err, 400, "")
	_, err = e.client.Public.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "", Page: 1, Limit: 10, Facets: &[]string{"colour"}})
	apiStatus(t, err, 400, "")
	_, err = e.client.Public.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "", Page: 1, Limit: 101})
	apiStatus(t, err, 400, "")
}

func TestCatalogInventoryOnlyWhenAsked(t *testing.T) {
	e := newCEnv(t)
	without, err := e.client.Public.Catalog.ListSkus(e.ctx, &storefront.ListSkusParams{Sku: &[]string{"COORG-ARABICA-BEANS-WHOLE-BEAN"}})
	require.NoError(t, err)
	require.Len(t, without.Skus, 1)
	assert.Nil(t, without.Skus[0].Inventory)
	with, err := e.client.Public.Catalog.ListSkus(e.ctx, &storefront.ListSkusParams{Sku: &[]string{"COORG-ARABICA-BEANS-WHOLE-BEAN"}, Inventory: ptr(true)})
	require.NoError(t, err)
	require.NotNil(t, with.Skus[0].Inventory)
	lots := *with.Skus[0].Inventory
	require.Len(t, lots, 1)
	assert.Equal(t, "CG-2404", lots[0].LotBatch)
	assert.Equal(t, "2025-04-01", lots[0].ExpDate.String())
	assertPrice(t, "30", lots[0].StockQuantity)
}

// Promotions run between their dates on the server's clock.
func TestCatalogPromotionsFollowTheClock(t *testing.T) {
	e := newCEnv(t, storefronttest.WithStartTime(time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)))
	onPromotion := func(slug string) bool {
		c, err := e.client.Public.Catalog.GetProductDetail(e.ctx, slug, nil)
		require.NoError(t, err)
		return c.Product.OnPromotion && c.Product.Promotion != nil
	}
	assert.True(t, onPromotion("double-wall-glass-cups"), "runs June to December 2024")
	assert.True(t, onPromotion("darjeeling-first-flush"))
	e.srv.SetTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.False(t, onPromotion("double-wall-glass-cups"), "ended")
	assert.True(t, onPromotion("darjeeling-first-flush"))
}

func TestCatalogTestData(t *testing.T) {
	e := newCEnv(t)
	_, err := e.srv.AddCategory(storefronttest.CategoryInput{Name: "Tea Gadgets", Parent: "tea-coffee"})
	require.NoError(t, err)
	_, err = e.srv.AddCategory(storefronttest.CategoryInput{Name: "Tea Gadgets"})
	require.Error(t, err, "the slug is taken")
	_, err = e.srv.AddCategory(storefronttest.CategoryInput{Name: "Orphan", Parent: "nowhere"})
	require.Error(t, err)

	info, err := e.srv.AddProduct(storefronttest.ProductInput{
		Name: "Electric Kettle", Categories: []string{"tea-gadgets"}, Price: dec("2499"), ListingPrice: dec("2999"),
		Tags: []string{"kettle"}, Attributes: []storefronttest.AttributeInput{{Key: "capacity_l", Value: dec("1.7")}, {Key: "cordless", Value: true}},
		Variants: []storefronttest.VariantInput{
			{Options: map[string]string{"colour": "Steel"}, Stock: 4},
			{Options: map[string]string{"colour": "Black"}, Price: dec("2599"), Stock: 0},
		},
		CrossSell: []string{"darjeeling-first-flush"},
	})
	require.NoError(t, err)
	require.Len(t, info.VariantIDs, 2)

	// It is in its category, its parent, search and the SKU list.
	c, err := e.client.Public.Catalog.ListProducts(e.ctx, &storefront.ListProductsParams{CategorySlug: &[]string{"tea-coffee"}})
	require.NoError(t, err)
	assert.Equal(t, "Electric Kettle", c.Products[0].Name, "newest first")
	s, err := e.client.Public.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "kettle", Page: 1, Limit: 10,
		Filter: searchFilter("attributes.cordless = true AND attributes.capacity_l > 1.5")})
	require.NoError(t, err)
	assert.Len(t, s.Skus, 2)
	v, err := e.client.Public.Catalog.GetVariantDetail(e.ctx, info.ID, info.VariantIDs[1], nil)
	require.NoError(t, err)
	assert.Equal(t, "Black", v.Variant.Name)
	assertPrice(t, "2599", v.Variant.Pricing.SellingPrice)
	assert.False(t, v.Variant.StockAvailable)
	x, err := e.client.Public.Catalog.ListCrosssellProducts(e.ctx, &storefront.ListCrosssellProductsParams{ProductID: &[]string{info.ID}})
	require.NoError(t, err)
	assert.Equal(t, []string{"Darjeeling First Flush Green Tea"}, names(x.Products, itemName))

	// Stock and reviews.
	require.NoError(t, e.srv.SetStock(info.VariantIDs[1], 3))
	v, err = e.client.Public.Catalog.GetVariantDetail(e.ctx, info.ID, info.VariantIDs[1], nil)
	require.NoError(t, err)
	assert.True(t, v.Variant.StockAvailable)
	require.NoError(t, e.srv.AddReview(info.ID, storefronttest.ReviewInput{Name: "Asha", Rating: 4, Tags: []string{"speed"}}))
	p, err := e.client.Public.Catalog.GetProductDetail(e.ctx, "electric-kettle", nil)
	require.NoError(t, err)
	assertPrice(t, "1", p.Product.ReviewsCount)
	assertPrice(t, "4", p.Product.ReviewsRatingSum)

	// Invalid input fails without adding anything.
	for _, bad := range []storefronttest.ProductInput{
		{Name: "No price"},
		{Name: "Electric Kettle", Price: dec("1")},
		{Name: "Kettle 2", Price: dec("1"), Categories: []string{"nowhere"}},
		{Name: "Kettle 3", Price: dec("1"), Type: "service"},
		{Name: "Kettle 4", Price: dec("1"), SellerID: "nobody"},
		{Name: "Kettle 5", Type: storefronttest.TypeBundle, Price: dec("1")},
		{Name: "Kettle 6", Price: dec("1"), SKU: "MASALA-CHAI-BLEND"},
	} {
		_, err := e.srv.AddProduct(bad)
		assert.Error(t, err, bad.Name)
	}
	all, err := e.client.Public.Catalog.ListProducts(e.ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 29, all.Pagination.TotalRecords)

	// A seller of the test's own sells on the marketplace only.
	seller, err := e.srv.AddSeller(storefronttest.SellerInput{TradeName: "Assam Direct"})
	require.NoError(t, err)
	mp, err := e.srv.AddProduct(storefronttest.ProductInput{Name: "Orthodox Assam", Price: dec("650"), SellerID: seller, Categories: []string{"black-tea"}})
	require.NoError(t, err)
	m, err := e.session().Catalog.ListMarketplaceProducts(e.ctx, &storefront.ListMarketplaceProductsParams{SellerID: &seller})
	require.NoError(t, err)
	require.Len(t, m.Products, 1)
	assert.Equal(t, "Assam Direct", m.Products[0].SellerDetail.TradeName)
	_, err = e.client.Public.Catalog.GetProductDetail(e.ctx, mp.ID, nil)
	apiStatus(t, err, 404, "")
}

// Public operations take the API key alone or a valid access token; any
// credential sent must be valid. Other operations need the access token.
func TestCatalogPublicCredentials(t *testing.T) {
	env := setup(t)
	anon := env.anonymous()
	cases := []struct {
		name   string
		path   string
		header http.Header
		status int
	}{
		{"nothing", "/catalog/products", nil, 401},
		{"API key alone", "/catalog/products", http.Header{"X-Api-Key": {env.srv.APIKey()}}, 200},
		{"access token alone", "/catalog/products", authHeader(anon.access), 200},
		{"wrong key", "/catalog/products", http.Header{"X-Api-Key": {"wrong"}}, 401},
		{"wrong key with a good token", "/catalog/products", http.Header{"X-Api-Key": {"wrong"}, "Authorization": {"Bearer " + anon.access}}, 401},
		{"good key with a forged token", "/catalog/products", http.Header{"X-Api-Key": {env.srv.APIKey()}, "Authorization": {"Bearer a.b.c"}}, 401},
		{"refresh token as Bearer", "/catalog/products", authHeader(anon.refresh), 401},
		{"store config, API key", "/store/config", http.Header{"X-Api-Key": {env.srv.APIKey()}}, 200},
		{"countries, API key", "/common/countries", http.Header{"X-Api-Key": {env.srv.APIKey()}}, 200},
		{"KYC documents, API key alone", "/store/kyc-document", http.Header{"X-Api-Key": {env.srv.APIKey()}}, 401},
		{"marketplace, API key alone", "/catalog/marketplace/products", http.Header{"X-Api-Key": {env.srv.APIKey()}}, 401},
		{"marketplace, access token", "/catalog/marketplace/products", authHeader(anon.access), 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, _, body := env.raw("GET", c.path, c.header, "")
			assert.Equal(t, c.status, status, "%s", body)
			if status == 401 {
				wantError(t, 401, storefronttest.CodeUnauthorized, status, body)
			}
		})
	}
}

// The failures the typed client cannot provoke: a malformed parameter is
// the validating middleware's 400, which every such operation declares.
func TestCatalogMalformedParameters(t *testing.T) {
	env := setup(t)
	key := http.Header{"X-Api-Key": {env.srv.APIKey()}}
	for _, path := range []string{
		"/catalog/products/aurora-wireless-headphones?inventory=maybe",
		"/catalog/products/aurora-wireless-headphones/variants?inventory=maybe",
		"/catalog/products/aurora-wireless-headphones/variants/x?inventory=maybe",
		"/catalog/products?limit=ten",
		"/catalog/categories?nested_level=0",
	} {
		status, _, body := env.raw("GET", path, key, "")
		wantError(t, 400, storefronttest.CodeBadRequest, status, body)
	}
	anon := env.anonymous()
	for _, path := range []string{
		"/catalog/marketplace/products/block-print-cotton-scarf?inventory=maybe",
		"/catalog/marketplace/products/block-print-cotton-scarf/variants?inventory=2",
	} {
		status, _, body := env.raw("GET", path, authHeader(anon.access), "")
		wantError(t, 400, storefronttest.CodeBadRequest, status, body)
	}
}

// The catalog, configuration and countries belong to the server's store;
// the Auth group answers for any store ID.
func TestCatalogBelongsToTheServersStore(t *testing.T) {
	e := newCEnv(t)
	other := e.otherStore()
	_, err := other.Public.Catalog.ListProducts(e.ctx, nil)
	apiStatus(t, err, 404, storefronttest.CodeNotFound)
	_, err = other.Public.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "tea", Page: 1, Limit: 5})
	apiStatus(t, err, 400, storefronttest.CodeNotFound) // search declares no 404
	sess := other.NewSession(nil)
	_, err = sess.EnsureClaims(e.ctx)
	require.NoError(t, err, "an anonymous session works under any store")
	_, err = sess.Store.ListKycDocument(e.ctx)
	apiStatus(t, err, 404, "")
}

// Faults are keyed by operation ID, the new operations' as Auth's. (A 503
// is not in the spec: this client does not validate.)
func TestCatalogFaultsPerOperation(t *testing.T) {
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()),
		storefront.WithRetryPolicy(storefront.NoRetries))
	require.NoError(t, err)
	ctx := t.Context()
	srv.InjectFault(storefronttest.OpListProducts, storefronttest.Fault{Status: http.StatusServiceUnavailable, Times: 1})
	_, err = client.Public.Catalog.ListProducts(ctx, nil)
	apiStatus(t, err, 503, "service_unavailable")
	_, err = client.Public.Catalog.ListCategories(ctx, nil)
	require.NoError(t, err, "other operations are untouched")
	_, err = client.Public.Catalog.ListProducts(ctx, nil)
	require.NoError(t, err, "the fault answered once")
	assert.Equal(t, 2, srv.Calls(storefronttest.OpListProducts))

	srv.InjectFault(storefronttest.OpSearchProducts, storefronttest.Fault{Body: []byte("<html>"), ContentType: "text/html"})
	_, err = client.Public.Catalog.SearchProducts(ctx, nil, storefront.SearchProduct{Query: "tea", Page: 1, Limit: 5})
	require.Error(t, err)
}

func TestReviewRules(t *testing.T) {
	e := newCEnv(t)
	sess, info, order := e.reviewer("masala-chai-blend", "tea-sommelier-handbook")
	post := func(product string, f reviewForm) (int, string) {
		t.Helper()
		if f.userID == "" {
			f.userID = info.ID
		}
		if f.order == "" {
			f.order = order
		}
		return e.postReview(sess, product, false, f)
	}
	status, code := post("masala-chai-blend", reviewForm{userID: e.otherUser(), rating: "5"})
	assert.Equal(t, 400, status)
	assert.Equal(t, storefronttest.CodeBadRequest, code, "someone else's user_id")
	status, _ = post("masala-chai-blend", reviewForm{rating: "0.5"})
	assert.Equal(t, 400, status)
	status, _ = post("masala-chai-blend", reviewForm{rating: "5", images: [][]byte{[]byte("not an image at all")}})
	assert.Equal(t, 400, status)
	status, _ = post("masala-chai-blend", reviewForm{rating: "4.5", text: "Lovely ginger."})
	assert.Equal(t, 200, status)
	status, code = post("masala-chai-blend", reviewForm{rating: "5"})
	assert.Equal(t, 400, status)
	assert.Equal(t, storefronttest.CodeAlreadyExists, code, "one review per product and order")
	status, _ = post("tea-sommelier-handbook", reviewForm{rating: "3", text: "Too basic."})
	assert.Equal(t, 200, status)
	assert.Equal(t, 2, e.srv.PendingReviews())

	before, err := e.client.Public.Catalog.GetProductDetail(e.ctx, "masala-chai-blend", nil)
	require.NoError(t, err)
	assertPrice(t, "2", before.Product.ReviewsCount, "pending reviews do not count")
	assert.Equal(t, 2, e.srv.ApproveReviews())
	after, err := e.client.Public.Catalog.GetProductDetail(e.ctx, "masala-chai-blend", nil)
	require.NoError(t, err)
	assertPrice(t, "3", after.Product.ReviewsCount)
	assertPrice(t, "12.5", after.Product.ReviewsRatingSum)

	found, err := e.client.Public.Catalog.ListProductReviews(e.ctx, "masala-chai-blend", &storefront.ListProductReviewsParams{Search: ptr("GINGER")})
	require.NoError(t, err)
	require.Len(t, found.Reviews, 1)
	assert.Equal(t, "a***@example.com", *found.Reviews[0].Email, "the reviewer's address, masked")
	assert.Equal(t, "Asha Rao", *found.Reviews[0].Name)
	paged, err := e.client.Public.Catalog.ListProductReviews(e.ctx, "masala-chai-blend", &storefront.ListProductReviewsParams{Limit: limit(2), Page: limit(2)})
	require.NoError(t, err)
	assert.Len(t, paged.Reviews, 1)
	assert.Equal(t, 3, paged.Pagination.TotalRecords)

	require.Error(t, e.srv.AddOrder(info.ID, order, "masala-chai-blend"), "the order number is taken")
	require.Error(t, e.srv.AddOrder("nobody", "ORD-X", "masala-chai-blend"))
	require.Error(t, e.srv.AddOrder(info.ID, "ORD-Y", "no-such-product"))
}

func TestFulfillmentRules(t *testing.T) {
	e := newCEnv(t)
	sess := e.session()
	check := func(body string) (*storefront.CheckFulfillmentContent, error) {
		return sess.Fulfillment.CheckFulfillment(e.ctx, fulfillmentCheck(t, body))
	}
	teapot := `"items":[{"product_id":"cast-iron-teapot","variant_id":null}]`
	c, err := check(`{"delivery_pincode":"560005","fulfillment_type":"collect-in-store",` + teapot + `}`)
	require.NoError(t, err)
	assert.True(t, c.IsServiceable, "a store in 560005")
	c, err = check(`{"delivery_pincode":"560030","fulfillment_type":"collect-in-store",` + teapot + `}`)
	require.NoError(t, err)
	assert.False(t, c.IsServiceable, "no store there, though it delivers")

	c, err = check(`{"delivery_pincode":"560001","items":[{"product_id":"chikmagalur-filter-coffee","variant_id":null},{"product_id":"cold-brew-coffee-bags","variant_id":null}]}`)
	require.NoError(t, err)
	require.NotNil(t, c.UnserviceableItems)
	assert.Equal(t, []string{"Chikmagalur Filter Coffee"}, names(*c.UnserviceableItems, func(u storefront.UnserviceableItem) string { return *u.ProductName }),
		"sold out; the other takes backorders")

	_, err = check(`{"delivery_pincode":"560001","items":[{"product_id":"aurora-wireless-headphones","variant_id":null}]}`)
	apiStatus(t, err, 400, "")
	c, err = check(`{"delivery_pincode":"560001","items":[{"product_id":"aurora-wireless-headphones","variant_id":"aurora-wireless-headphones-ocean-blue"}]}`)
	require.NoError(t, err)
	assert.False(t, c.IsServiceable, "ocean blue is sold out")
	_, err = check(`{"delivery_pincode":"560001","items":[{"product_id":"no-such-product","variant_id":null}]}`)
	apiStatus(t, err, 404, "")
	_, err = check(`{"delivery_pincode":"56!","items":[{"product_id":"cast-iron-teapot","variant_id":null}]}`)
	apiStatus(t, err, 400, "")

	e.srv.SetServiceable("781001", true, false)
	c, err = check(`{"delivery_pincode":"781001",` + teapot + `}`)
	require.NoError(t, err)
	assert.True(t, c.IsServiceable, "SetServiceable")
}

// Reviews written, approved and read, products listed and searched, from
// many goroutines at once: the race detector watches the shop's lock.
func TestCatalogConcurrentReadsAndWrites(t *testing.T) {
	e := newCEnv(t)
	const n = 20
	var wg sync.WaitGroup
	errs := make(chan error, 4*n)
	for i := range n {
		sess, info, order := e.reviewer("pebble-bluetooth-speaker")
		wg.Go(func() {
			if status, code := e.postReview(sess, "pebble-bluetooth-speaker", false, reviewForm{userID: info.ID, order: order, rating: "4"}); status != 200 {
				errs <- fmt.Errorf("review %d: %d %s", i, status, code)
			}
		})
		wg.Go(func() {
			if _, err := e.client.Public.Catalog.ListProductReviews(e.ctx, "pebble-bluetooth-speaker", nil); err != nil {
				errs <- err
			}
			e.srv.ApproveReviews()
		})
		wg.Go(func() {
			if _, err := e.client.Public.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "speaker", Page: 1, Limit: 5}); err != nil {
				errs <- err
			}
		})
		wg.Go(func() {
			if err := e.srv.SetStock("tower-home-speaker", i); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	e.srv.ApproveReviews()
	c, err := e.client.Public.Catalog.GetProductDetail(e.ctx, "pebble-bluetooth-speaker", nil)
	require.NoError(t, err)
	assertPrice(t, fmt.Sprint(n+1), c.Product.ReviewsCount)
}

// Every seeded product answers every catalog read that names it, and every
// answer conforms to the spec (the strict transport checks each).
func TestSeededCatalogConformsEverywhere(t *testing.T) {
	e := newCEnv(t)
	sess := e.session()
	for _, marketplace := range []bool{false, true} {
		var slugs []string
		if marketplace {
			c, err := sess.Catalog.ListMarketplaceProducts(e.ctx, &storefront.ListMarketplaceProductsParams{Limit: limit(100), Inventory: ptr(true)})
			require.NoError(t, err)
			slugs = names(c.Products, func(p storefront.MarketplaceProduct) string { return p.Slug })
			_, err = sess.Catalog.ListMarketplaceSkus(e.ctx, &storefront.ListMarketplaceSkusParams{Limit: limit(100), Inventory: ptr(true)})
			require.NoError(t, err)
		} else {
			c, err := sess.Catalog.ListProducts(e.ctx, &storefront.ListProductsParams{Limit: limit(100), Inventory: ptr(true)})
			require.NoError(t, err)
			slugs = productNames(nil)
			for _, p := range c.Products {
				slugs = append(slugs, p.Slug)
			}
			_, err = sess.Catalog.ListSkus(e.ctx, &storefront.ListSkusParams{Limit: limit(100), Inventory: ptr(true)})
			require.NoError(t, err)
		}
		require.NotEmpty(t, slugs)
		for _, slug := range slugs {
			for _, group := range []*string{nil, ptr(storefronttest.SeededGroupWholesale), ptr(storefronttest.SeededGroupStaff)} {
				if marketplace {
					d, err := sess.Catalog.GetMarketplaceProductDetail(e.ctx, slug, &storefront.GetMarketplaceProductDetailParams{Inventory: ptr(true), XCustomerGroupID: group})
					require.NoError(t, err, slug)
					vs, err := sess.Catalog.ListMarketplaceProductVariants(e.ctx, slug, &storefront.ListMarketplaceProductVariantsParams{Inventory: ptr(true), XCustomerGroupID: group})
					require.NoError(t, err, slug)
					for _, v := range vs.Variants {
						_, err := sess.Catalog.GetMarketplaceVariantDetail(e.ctx, slug, v.ID, &storefront.GetMarketplaceVariantDetailParams{Inventory: ptr(true)})
						require.NoError(t, err, slug)
					}
					assert.Equal(t, d.Product.HasVariant, len(vs.Variants) > 0)
				} else {
					d, err := sess.Catalog.GetProductDetail(e.ctx, slug, &storefront.GetProductDetailParams{Inventory: ptr(true), XCustomerGroupID: group})
					require.NoError(t, err, slug)
					vs, err := sess.Catalog.ListProductVariants(e.ctx, slug, &storefront.ListProductVariantsParams{Inventory: ptr(true), XCustomerGroupID: group})
					require.NoError(t, err, slug)
					for _, v := range vs.Variants {
						_, err := sess.Catalog.GetVariantDetail(e.ctx, slug, v.Slug, &storefront.GetVariantDetailParams{Inventory: ptr(true)})
						require.NoError(t, err, slug)
					}
					assert.Equal(t, d.Product.HasVariant, len(vs.Variants) > 0)
				}
			}
			if marketplace {
				_, err := sess.Catalog.ListMarketplaceProductReviews(e.ctx, slug, nil)
				require.NoError(t, err)
				for _, list := range []func() error{
					func() error {
						_, err := sess.Catalog.ListMarketplaceSimilarProducts(e.ctx, &storefront.ListMarketplaceSimilarProductsParams{ProductID: &[]string{slug}})
						return err
					},
					func() error {
						_, err := sess.Catalog.ListMarketplaceCrosssellProducts(e.ctx, &storefront.ListMarketplaceCrosssellProductsParams{ProductID: &[]string{slug}})
						return err
					},
				} {
					require.NoError(t, list(), slug)
				}
			} else {
				_, err := sess.Catalog.ListProductReviews(e.ctx, slug, nil)
				require.NoError(t, err)
				_, err = sess.Catalog.ListSimilarProducts(e.ctx, &storefront.ListSimilarProductsParams{ProductID: &[]string{slug}})
				require.NoError(t, err, slug)
				_, err = sess.Catalog.ListUpsellProducts(e.ctx, &storefront.ListUpsellProductsParams{ProductID: &[]string{slug}})
				require.NoError(t, err, slug)
			}
		}
	}
	_, err := sess.Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "", Page: 1, Limit: 100, Facets: &[]string{"*"}})
	require.NoError(t, err)
	_, err = sess.Catalog.SearchMarketplaceProducts(e.ctx, nil, storefront.SearchProduct{Query: "", Page: 1, Limit: 100, Facets: &[]string{"*"}})
	require.NoError(t, err)
	cats, err := sess.Catalog.ListCategories(e.ctx, &storefront.ListCategoriesParams{NestedLevel: ptr(5)})
	require.NoError(t, err)
	assert.Len(t, cats.Categories, 20)
	for _, code := range []string{"IN", "US", "GB", "AE"} {
		_, err := sess.Common.ListCountryStates(e.ctx, code)
		require.NoError(t, err)
		_, err = sess.Common.ListCountryPincodes(e.ctx, code, &storefront.ListCountryPincodesParams{Limit: limit(100)})
		require.NoError(t, err)
	}
	for _, id := range []string{storefronttest.SeededSellerSpices, storefronttest.SeededSellerPrints, storefronttest.SeededSellerGadgets} {
		_, err := sess.Store.GetSellerDetail(e.ctx, id)
		require.NoError(t, err)
		_, err = sess.Store.ListSellerReviews(e.ctx, id)
		require.NoError(t, err)
	}
}
