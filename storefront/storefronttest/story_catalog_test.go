package storefronttest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// A wholesale buyer's visit, anonymous at first: categories, a category's
// products page by page, a search, a product and its variants, its
// reviews, then a login and a review of their own. Every price they see is
// the wholesale group's as the server was seeded with it, and differs from
// a retail shopper's where the group has its own.
func TestStoryBrowseSearchAndReviewUnderAGroupsPrices(t *testing.T) {
	e := newCEnv(t)
	wholesale := ptr(storefronttest.SeededGroupWholesale)
	sess := e.session()
	cat := sess.Catalog

	// Categories: the top level, then what is under Tea & Coffee.
	top, err := cat.ListCategories(e.ctx, nil)
	require.NoError(t, err)
	require.Contains(t, names(top.Categories, func(c storefront.ProductCategory) string { return c.Slug }), "tea-coffee")
	sub, err := cat.ListCategories(e.ctx, &storefront.ListCategoriesParams{ParentCategorySlug: ptr("tea-coffee"), SortBy: sortBy(`{"name":"asc"}`)})
	require.NoError(t, err)
	assert.Equal(t, []string{"Black Tea", "Coffee", "Green Tea"}, names(sub.Categories, func(c storefront.ProductCategory) string { return c.Name }))
	claims, err := sess.Peek(e.ctx)
	require.NoError(t, err)
	assert.True(t, claims.IsAnonymous, "browsing started an anonymous session")

	// The category's products, three a page, at wholesale prices.
	seen := map[string]storefront.Product{}
	var order []string
	for p, err := range cat.ListProductsAll(e.ctx, &storefront.ListProductsParams{CategorySlug: &[]string{"tea-coffee"}, Limit: limit(3), XCustomerGroupID: wholesale}) {
		require.NoError(t, err)
		seen[p.Slug] = p
		order = append(order, p.Slug)
	}
	assert.Len(t, order, 8)
	assert.Equal(t, 3, e.srv.Calls(storefronttest.OpListProducts), "three pages of three")
	retail, err := cat.ListProducts(e.ctx, &storefront.ListProductsParams{CategorySlug: &[]string{"tea-coffee"}, Limit: limit(100)})
	require.NoError(t, err)
	retailPrice := map[string]string{}
	for _, p := range retail.Products {
		retailPrice[p.Slug] = p.Pricing.SellingPrice.String()
	}
	for slug, want := range map[string][2]string{ // wholesale, retail (the seed)
		"darjeeling-first-flush":  {"399", "450"},
		"assam-breakfast":         {"275", "320"},
		"masala-chai-blend":       {"299", "299"},   // no wholesale price: the default group's
		"bulk-assam-ctc-5kg":      {"1999", "1999"}, // no retail price: the highest
		"nilgiri-frost-green-tea": {"380", "380"},
	} {
		assertPrice(t, want[0], seen[slug].Pricing.SellingPrice, slug)
		assert.Equal(t, want[1], retailPrice[slug], slug)
	}

	// A search, at the same prices.
	found, err := cat.SearchProducts(e.ctx, &storefront.SearchProductsParams{XCustomerGroupID: wholesale},
		storefront.SearchProduct{Query: "darjeeling", Page: 1, Limit: 5, Filter: searchFilter("product_type = physical")})
	require.NoError(t, err)
	require.NotEmpty(t, found.Skus)
	first := found.Skus[0]
	assert.Equal(t, "Darjeeling First Flush Green Tea", first.ProductName)
	assertPrice(t, "399", first.Pricing.SellingPrice)

	// The product, its variants and one variant.
	detail, err := cat.GetProductDetail(e.ctx, first.ProductID, &storefront.GetProductDetailParams{XCustomerGroupID: wholesale})
	require.NoError(t, err)
	assert.True(t, detail.Product.OnSubscription)
	assert.True(t, detail.Product.OnPromotion)
	variants, err := cat.ListProductVariants(e.ctx, detail.Product.Slug, &storefront.ListProductVariantsParams{XCustomerGroupID: wholesale})
	require.NoError(t, err)
	require.Len(t, variants.Variants, 2)
	big := variants.Variants[1]
	assert.Equal(t, "250 g", big.Name)
	assertPrice(t, "920", big.Pricing.SellingPrice)
	v, err := cat.GetVariantDetail(e.ctx, detail.Product.ID, big.ID, &storefront.GetVariantDetailParams{XCustomerGroupID: wholesale})
	require.NoError(t, err)
	assertPrice(t, "920", v.Variant.Pricing.SellingPrice)
	assertPrice(t, "1200", v.Variant.Pricing.ListingPrice)
	retailVariant, err := cat.GetVariantDetail(e.ctx, detail.Product.ID, big.ID, nil)
	require.NoError(t, err)
	assertPrice(t, "1050", retailVariant.Variant.Pricing.SellingPrice)

	// Its reviews, then a login and a review of their own.
	reviews, err := cat.ListProductReviews(e.ctx, detail.Product.Slug, nil)
	require.NoError(t, err)
	require.Len(t, reviews.Reviews, 3)
	user, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Gita", LastName: "Menon", Email: "gita@example.com", Password: "chai-time-42"})
	require.NoError(t, err)
	_, err = sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: "gita@example.com", Password: "chai-time-42"})
	require.NoError(t, err)
	require.NoError(t, e.srv.AddOrder(user.ID, "ORD-2025-0042", detail.Product.ID))
	status, _ := e.postReview(sess, detail.Product.Slug, false, reviewForm{userID: user.ID, order: "ORD-2025-0042", rating: "5", text: "Our café's favourite."})
	require.Equal(t, 200, status)
	require.Equal(t, 1, e.srv.ApproveReviews())
	reviews, err = cat.ListProductReviews(e.ctx, detail.Product.Slug, nil)
	require.NoError(t, err)
	require.Len(t, reviews.Reviews, 4)
	assert.Equal(t, "Gita Menon", *reviews.Reviews[0].Name, "newest first")
	assert.Equal(t, "Our café's favourite.", *reviews.Reviews[0].ReviewText)
	after, err := cat.GetProductDetail(e.ctx, detail.Product.Slug, nil)
	require.NoError(t, err)
	assertPrice(t, "4", after.Product.ReviewsCount)
	assertPrice(t, "19", after.Product.ReviewsRatingSum)
}
