package storefronttest_test

// The conformance cases of the point of sale's catalog, carts and orders.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

var posCartConformanceCases = []conformanceCase{
	// pos-list-categories
	{storefronttest.OpPOSListCategories, 200, "the top level, as the storefront's", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Catalog.ListCategories(e.ctx, &storefront.PosListCategoriesParams{SortBy: sortBy(`{"name":"asc"}`)}))
		online := must(e.client.Public.Catalog.ListCategories(e.ctx, &storefront.ListCategoriesParams{SortBy: sortBy(`{"name":"asc"}`)}))
		assert.Equal(t, online.Categories, c.Categories)
	}},
	{storefronttest.OpPOSListCategories, 400, "unknown sort field → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListCategories(e.ctx, &storefront.PosListCategoriesParams{SortBy: sortBy(`{"colour":"asc"}`)})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpPOSListCategories, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Catalog.ListCategories(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSListCategories, 404, "unknown parent → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListCategories(e.ctx, &storefront.PosListCategoriesParams{ParentCategorySlug: ptr("no-such-category")})
		apiStatus(t, err, 404, "")
	}},

	// pos-list-products
	{storefronttest.OpPOSListProducts, 200, "a category, a group's prices", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Catalog.ListProducts(e.ctx, &storefront.PosListProductsParams{CategorySlug: &[]string{"audio"},
			SortBy: sortBy(`{"pricing.selling_price":"desc"}`), XCustomerGroupID: ptr(storefronttest.SeededGroupWholesale)}))
		assert.Equal(t, 6, c.Pagination.TotalRecords)
		assertPrice(t, "4299", c.Products[2].Pricing.SellingPrice, "the wholesale price")
	}},
	{storefronttest.OpPOSListProducts, 400, "unknown sort field → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListProducts(e.ctx, &storefront.PosListProductsParams{SortBy: sortBy(`{"popularity":"desc"}`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpPOSListProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Catalog.ListProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSListProducts, 404, "unknown category → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListProducts(e.ctx, &storefront.PosListProductsParams{CategorySlug: &[]string{"garden"}})
		apiStatus(t, err, 404, "")
	}},

	// pos-list-crosssell-products
	{storefronttest.OpPOSListCrosssellProducts, 200, "what goes with headphones", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Catalog.ListCrosssellProducts(e.ctx, &storefront.PosListCrosssellProductsParams{ProductID: &[]string{"aurora-wireless-headphones"}}))
		assert.Equal(t, []string{"Headphone Carry Case", "Braided USB-C Cable (1 m)"}, names(c.Products, itemName))
	}},
	{storefronttest.OpPOSListCrosssellProducts, 400, "sort_by not JSON → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListCrosssellProducts(e.ctx, &storefront.PosListCrosssellProductsParams{SortBy: sortBy(`{`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpPOSListCrosssellProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Catalog.ListCrosssellProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSListCrosssellProducts, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListCrosssellProducts(e.ctx, &storefront.PosListCrosssellProductsParams{ProductID: &[]string{"no-such-product"}})
		apiStatus(t, err, 404, "")
	}},

	// pos-search-products
	{storefronttest.OpPOSSearchProducts, 200, "words and a filter", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{
			Query: "wireless", Page: 1, Limit: 10, Filter: searchFilter("pricing.selling_price 1000 TO 6000 AND stock_available = true")}))
		assert.Equal(t, 2, c.Pagination.TotalRecords)
	}},
	{storefronttest.OpPOSSearchProducts, 400, "filter on an attribute that cannot be filtered → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "tea", Page: 1, Limit: 10, Filter: searchFilter("colour = red")})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpPOSSearchProducts, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Catalog.SearchProducts(e.ctx, nil, storefront.SearchProduct{Query: "tea", Page: 1, Limit: 10})
		apiStatus(t, err, 401, "")
	}},

	// pos-list-similar-products
	{storefronttest.OpPOSListSimilarProducts, 200, "more headphones", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Catalog.ListSimilarProducts(e.ctx, &storefront.PosListSimilarProductsParams{ProductID: &[]string{"aurora-wireless-headphones"}, Limit: limit(2)}))
		assert.Equal(t, []string{"Aurora Pro Headphones", "Studio Wired Earphones"}, names(c.Products, itemName))
	}},
	{storefronttest.OpPOSListSimilarProducts, 400, "limit 1000 → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListSimilarProducts(e.ctx, &storefront.PosListSimilarProductsParams{Limit: limit(1000)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpPOSListSimilarProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Catalog.ListSimilarProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSListSimilarProducts, 404, "a marketplace product → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListSimilarProducts(e.ctx, &storefront.PosListSimilarProductsParams{ProductID: &[]string{"pixel-wireless-earbuds"}})
		apiStatus(t, err, 404, "")
	}},

	// pos-list-upsell-products
	{storefronttest.OpPOSListUpsellProducts, 200, "the better headphones", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Catalog.ListUpsellProducts(e.ctx, &storefront.PosListUpsellProductsParams{ProductID: &[]string{"aurora-wireless-headphones", "studio-wired-earphones"}}))
		assert.Equal(t, []string{"Aurora Pro Headphones"}, names(c.Products, itemName))
	}},
	{storefronttest.OpPOSListUpsellProducts, 400, "page -1 → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListUpsellProducts(e.ctx, &storefront.PosListUpsellProductsParams{Page: limit(-1)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpPOSListUpsellProducts, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Catalog.ListUpsellProducts(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSListUpsellProducts, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListUpsellProducts(e.ctx, &storefront.PosListUpsellProductsParams{ProductID: &[]string{"no-such-product"}})
		apiStatus(t, err, 404, "")
	}},

	// pos-get-product-detail
	{storefronttest.OpPOSGetProductDetail, 200, "by slug, with inventory", func(t *testing.T, e *cenv) {
		p := must(e.cashier().Catalog.GetProductDetail(e.ctx, "cast-iron-teapot", &storefront.PosGetProductDetailParams{Inventory: ptr(true)})).Product
		assert.Equal(t, "Cast Iron Teapot", p.Name)
		assertPrice(t, "1899", p.Pricing.SellingPrice)
	}},
	{storefronttest.OpPOSGetProductDetail, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Catalog.GetProductDetail(e.ctx, "cast-iron-teapot", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSGetProductDetail, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.GetProductDetail(e.ctx, "no-such-product", nil)
		apiStatus(t, err, 404, "")
	}},

	// pos-list-product-reviews
	{storefronttest.OpPOSListProductReviews, 200, "one tag", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Catalog.ListProductReviews(e.ctx, "aurora-wireless-headphones", &storefront.PosListProductReviewsParams{ReviewTag: ptr("comfort")}))
		assert.Len(t, c.Reviews, 2)
	}},
	{storefronttest.OpPOSListProductReviews, 400, "sort by an unknown field → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListProductReviews(e.ctx, "aurora-wireless-headphones", &storefront.PosListProductReviewsParams{SortBy: sortBy(`{"helpful":"desc"}`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpPOSListProductReviews, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Catalog.ListProductReviews(e.ctx, "aurora-wireless-headphones", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSListProductReviews, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListProductReviews(e.ctx, "no-such-product", nil)
		apiStatus(t, err, 404, "")
	}},

	// pos-list-product-variants
	{storefronttest.OpPOSListProductVariants, 200, "colours", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Catalog.ListProductVariants(e.ctx, "aurora-wireless-headphones", nil))
		assert.Equal(t, []string{"Midnight Black", "Pearl White", "Ocean Blue"}, names(c.Variants, func(v storefront.Variant) string { return v.Name }))
	}},
	{storefronttest.OpPOSListProductVariants, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Catalog.ListProductVariants(e.ctx, "aurora-wireless-headphones", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSListProductVariants, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListProductVariants(e.ctx, "no-such-product", nil)
		apiStatus(t, err, 404, "")
	}},

	// pos-get-variant-detail
	{storefronttest.OpPOSGetVariantDetail, 200, "a tee at the staff price", func(t *testing.T, e *cenv) {
		v := must(e.cashier().Catalog.GetVariantDetail(e.ctx, "nilgiri-hills-organic-tee", "nilgiri-hills-organic-tee-m-charcoal",
			&storefront.PosGetVariantDetailParams{XCustomerGroupID: ptr(storefronttest.SeededGroupStaff)})).Variant
		assert.Equal(t, "M / Charcoal", v.Name)
		assertPrice(t, "599", v.Pricing.SellingPrice)
	}},
	{storefronttest.OpPOSGetVariantDetail, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Catalog.GetVariantDetail(e.ctx, "nilgiri-hills-organic-tee", "nilgiri-hills-organic-tee-m-charcoal", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSGetVariantDetail, 404, "a product without that variant → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.GetVariantDetail(e.ctx, "nilgiri-hills-organic-tee", "aurora-wireless-headphones-pearl-white", nil)
		apiStatus(t, err, 404, "")
	}},

	// pos-list-skus
	{storefronttest.OpPOSListSkus, 200, "a barcode's SKU", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Catalog.ListSkus(e.ctx, &storefront.PosListSkusParams{Sku: &[]string{"MASALA-CHAI-BLEND", "NOPE"}}))
		assert.Equal(t, []string{"MASALA-CHAI-BLEND"}, names(c.Skus, func(it storefront.Item) string { return it.Sku }))
	}},
	{storefronttest.OpPOSListSkus, 400, "unknown sort field → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListSkus(e.ctx, &storefront.PosListSkusParams{SortBy: sortBy(`{"barcode":"asc"}`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpPOSListSkus, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Catalog.ListSkus(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSListSkus, 404, "unknown category → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Catalog.ListSkus(e.ctx, &storefront.PosListSkusParams{CategoryID: &[]string{"nope"}})
		apiStatus(t, err, 404, "")
	}},

	// pos-create-cart
	{storefronttest.OpPOSCreateCart, 200, "priced as the storefront prices the same items", func(t *testing.T, e *cenv) {
		items := []storefront.UpdateCartItem{item("masala-chai-blend", "", 1), item("classic-ceramic-mug", "classic-ceramic-mug-ivory", 2)}
		pos := e.posCart(e.cashier(), items...)
		online := e.newCart(e.session(), items...)
		assertMoney(t, "997", pos.SubtotalIncludingTax, "299 + 2 × 349")
		assert.Equal(t, online.CartItems, pos.CartItems)
		assert.Equal(t, online.GrandTotal, pos.GrandTotal)
		assert.Equal(t, storefront.ReadyForPayment, pos.Status, "taken over the counter: no address needed")
		require.NotNil(t, pos.FulfillmentPreference)
		collect := must(pos.FulfillmentPreference.AsCollectInStoreFulfillment())
		assert.Equal(t, storefronttest.PickupMGRoad, collect.PickupLocationID)
	}},
	{storefronttest.OpPOSCreateCart, 400, "no items → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{}})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpPOSCreateCart, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{item("masala-chai-blend", "", 1)}})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSCreateCart, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{item("no-such-product", "", 1)}})
		apiStatus(t, err, 404, "")
	}},

	// pos-list-coupons
	{storefronttest.OpPOSListCoupons, 200, "the running coupons, a group's too", func(t *testing.T, e *cenv) {
		c := must(e.cashier().Cart.ListCoupons(e.ctx, nil))
		staff := must(e.cashier().Cart.ListCoupons(e.ctx, &storefront.PosListCouponsParams{XCustomerGroupID: ptr(storefronttest.SeededGroupStaff)}))
		assert.Len(t, staff.Coupons, len(c.Coupons)+1)
	}},
	{storefronttest.OpPOSListCoupons, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.ListCoupons(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},

	// pos-list-promotions
	{storefronttest.OpPOSListPromotions, 200, "the running promotions", func(t *testing.T, e *cenv) {
		p := must(e.cashier().Cart.ListPromotions(e.ctx, nil))
		assert.NotEmpty(t, p.Promotions)
	}},
	{storefronttest.OpPOSListPromotions, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Cart.ListPromotions(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},

	// pos-get-user-cart
	{storefronttest.OpPOSGetUserCart, 200, "the cart last linked to the customer", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, customer := e.soldCart(sess)
		got := must(sess.Cart.GetUserCart(e.ctx, customer)).Cart
		assert.Equal(t, ct.ID, got.ID)
	}},
	{storefronttest.OpPOSGetUserCart, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.GetUserCart(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSGetUserCart, 404, "a customer with no POS cart → 404", func(t *testing.T, e *cenv) {
		_, info, _ := e.user()
		_, err := e.cashier().Cart.GetUserCart(e.ctx, info.ID)
		apiStatus(t, err, 404, "")
	}},

	// pos-get-cart
	{storefronttest.OpPOSGetCart, 200, "any staff member of the location", func(t *testing.T, e *cenv) {
		ct := e.posCart(e.cashier(), item("masala-chai-blend", "", 2))
		got := must(e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupMGRoad).Cart.GetCart(e.ctx, ct.ID)).Cart
		assert.Equal(t, ct.GrandTotal, got.GrandTotal)
	}},
	{storefronttest.OpPOSGetCart, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.GetCart(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSGetCart, 404, "another location's cart, a shopper's cart → 404", func(t *testing.T, e *cenv) {
		ct := e.posCart(e.cashier(), item("masala-chai-blend", "", 1))
		_, err := e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupIndiranagar).Cart.GetCart(e.ctx, ct.ID)
		apiStatus(t, err, 404, "")
		_, online := e.cartOf()
		_, err = e.cashier().Cart.GetCart(e.ctx, online.ID)
		apiStatus(t, err, 404, "")
	}},

	// pos-delete-cart
	{storefronttest.OpPOSDeleteCart, 200, "gone, with its link to the customer", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, customer := e.soldCart(sess)
		require.NoError(t, sess.Cart.DeleteCart(e.ctx, ct.ID))
		_, err := sess.Cart.GetUserCart(e.ctx, customer)
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpPOSDeleteCart, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.shopper().Cart.DeleteCart(e.ctx, noCart), 401, "")
	}},
	{storefronttest.OpPOSDeleteCart, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		apiStatus(t, e.cashier().Cart.DeleteCart(e.ctx, noCart), 404, "")
	}},

	// pos-create-cart-address
	{storefronttest.OpPOSCreateCartAddress, 200, "new addresses, saved to the customer's", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, _ := e.soldCart(sess)
		got := must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), bengaluru()))).Cart
		require.NotNil(t, got.ShippingAddress)
		assert.NotNil(t, got.ShippingAddress.ID, "saved to the linked customer's addresses")
	}},
	{storefronttest.OpPOSCreateCartAddress, 400, "an address without a city → 400", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		bad := bengaluru()
		bad.City = " "
		_, err := sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bad, bengaluru()))
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpPOSCreateCartAddress, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.CreateCartAddress(e.ctx, noCart, addresses(bengaluru(), bengaluru()))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSCreateCartAddress, 404, "saved addresses of no customer → 404", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		_, err := sess.Cart.CreateCartAddress(e.ctx, ct.ID, addressIDs(noCart, noCart))
		apiStatus(t, err, 404, "")
	}},

	// pos-apply-coupon
	{storefronttest.OpPOSApplyCoupon, 200, "discounted by the storefront's rules", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		got := must(sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})).Cart
		assert.True(t, got.IsCouponApplied)
		assertMoney(t, "189.9", got.CouponDiscountAmount, "10% of 1899")
	}},
	{storefronttest.OpPOSApplyCoupon, 400, "unknown coupon → 400", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		_, err := sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: "NOPE"})
		apiStatus(t, err, 400, storefronttest.CodeInvalidCoupon)
	}},
	{storefronttest.OpPOSApplyCoupon, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Cart.ApplyCoupon(e.ctx, noCart, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSApplyCoupon, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.ApplyCoupon(e.ctx, noCart, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
		apiStatus(t, err, 404, "")
	}},

	// pos-remove-coupon
	{storefronttest.OpPOSRemoveCoupon, 200, "back to full price", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		_ = must(sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10}))
		got := must(sess.Cart.RemoveCoupon(e.ctx, ct.ID)).Cart
		assert.False(t, got.IsCouponApplied)
		assert.Equal(t, ct.GrandTotal, got.GrandTotal)
	}},
	{storefronttest.OpPOSRemoveCoupon, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.RemoveCoupon(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSRemoveCoupon, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.RemoveCoupon(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// pos-redeem-credit-balance
	{storefronttest.OpPOSRedeemCreditBalance, 200, "the linked customer's credit", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, customer := e.soldCart(sess)
		require.NoError(t, e.srv.SetCreditBalance(customer, dec("100")))
		got := must(sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("60")})).Cart
		assertMoney(t, "60", got.CreditBalanceUsed, "redeemed")
		assertMoney(t, "1839", got.ToBePaid, "1899 − 60")
	}},
	{storefronttest.OpPOSRedeemCreditBalance, 400, "no customer linked → 400", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		_, err := sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("10")})
		apiStatus(t, err, 400, storefronttest.CodeNoCustomer)
	}},
	{storefronttest.OpPOSRedeemCreditBalance, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.RedeemCreditBalance(e.ctx, noCart, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("10")})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSRedeemCreditBalance, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.RedeemCreditBalance(e.ctx, noCart, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("10")})
		apiStatus(t, err, 404, "")
	}},

	// pos-remove-credit-balance
	{storefronttest.OpPOSRemoveCreditBalance, 200, "taken back", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, customer := e.soldCart(sess)
		require.NoError(t, e.srv.SetCreditBalance(customer, dec("100")))
		_ = must(sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("60")}))
		got := must(sess.Cart.RemoveCreditBalance(e.ctx, ct.ID)).Cart
		assertMoney(t, "0", got.CreditBalanceUsed, "none")
	}},
	{storefronttest.OpPOSRemoveCreditBalance, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Cart.RemoveCreditBalance(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSRemoveCreditBalance, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.RemoveCreditBalance(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// pos-evaluate-coupons
	{storefronttest.OpPOSEvaluateCoupons, 200, "what applies to the cart", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		c := must(sess.Cart.EvaluateCoupons(e.ctx, ct.ID))
		var codes []string
		for _, cp := range c.ApplicableCoupons {
			codes = append(codes, (*cp.CouponCode)...)
		}
		assert.Contains(t, codes, storefronttest.CouponWelcome10)
	}},
	{storefronttest.OpPOSEvaluateCoupons, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.EvaluateCoupons(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSEvaluateCoupons, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.EvaluateCoupons(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// pos-evaluate-promotions
	{storefronttest.OpPOSEvaluatePromotions, 200, "sorted for the cart", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("darjeeling-first-flush", "darjeeling-first-flush-100-g", 1))
		c := must(sess.Cart.EvaluatePromotions(e.ctx, ct.ID))
		assert.NotEmpty(t, c.ApplicablePromotions, "the Darjeeling is on promotion")
	}},
	{storefronttest.OpPOSEvaluatePromotions, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Cart.EvaluatePromotions(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSEvaluatePromotions, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.EvaluatePromotions(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// pos-update-fulfillment-preference
	{storefronttest.OpPOSUpdateFulfillmentPreference, 200, "collected at another store, no address needed", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		got := must(sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, collect(storefronttest.PickupIndiranagar))).Cart
		require.NotNil(t, got)
		pref := must(got.FulfillmentPreference.AsCollectInStoreFulfillment())
		assert.Equal(t, storefronttest.PickupIndiranagar, pref.PickupLocationID)
		assert.Equal(t, storefront.ReadyForPayment, got.Status)
	}},
	{storefronttest.OpPOSUpdateFulfillmentPreference, 400, "delivery without a shipping address → 400", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		_, err := sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, delivery(storefronttest.CourierStandard, storefronttest.ShipmentStore))
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpPOSUpdateFulfillmentPreference, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.UpdateFulfillmentPreference(e.ctx, noCart, collect(storefronttest.PickupMGRoad))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSUpdateFulfillmentPreference, 404, "unknown pickup location → 404", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		_, err := sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, collect("pl-nowhere"))
		apiStatus(t, err, 404, "")
	}},

	// pos-update-cart
	{storefronttest.OpPOSUpdateCart, 200, "a quantity set, 0 removes", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("masala-chai-blend", "", 1))
		got := must(sess.Cart.UpdateCart(e.ctx, ct.ID, item("masala-chai-blend", "", 3))).Cart
		assertMoney(t, "3", got.CartItemsCount, "three")
		got = must(sess.Cart.UpdateCart(e.ctx, ct.ID, item("masala-chai-blend", "", 0))).Cart
		assert.Empty(t, got.CartItems)
	}},
	{storefronttest.OpPOSUpdateCart, 400, "more than the stock → 400", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("masala-chai-blend", "", 1))
		_, err := sess.Cart.UpdateCart(e.ctx, ct.ID, item("cast-iron-teapot", "", 999))
		apiStatus(t, err, 400, storefronttest.CodeInsufficientStock)
	}},
	{storefronttest.OpPOSUpdateCart, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Cart.UpdateCart(e.ctx, noCart, item("masala-chai-blend", "", 1))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSUpdateCart, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.UpdateCart(e.ctx, noCart, item("masala-chai-blend", "", 1))
		apiStatus(t, err, 404, "")
	}},

	// pos-redeem-loyalty-points
	{storefronttest.OpPOSRedeemLoyaltyPoints, 200, "the linked customer's points", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, customer := e.soldCart(sess)
		require.NoError(t, e.srv.SetLoyaltyPoints(customer, dec("120")))
		got := must(sess.Cart.RedeemLoyaltyPoints(e.ctx, ct.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("100")})).Cart
		assertMoney(t, "100", got.LoyaltyPointsRedeemed, "redeemed")
	}},
	{storefronttest.OpPOSRedeemLoyaltyPoints, 400, "more than the customer has → 400", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, _ := e.soldCart(sess)
		_, err := sess.Cart.RedeemLoyaltyPoints(e.ctx, ct.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("10")})
		apiStatus(t, err, 400, storefronttest.CodeInsufficientBalance)
	}},
	{storefronttest.OpPOSRedeemLoyaltyPoints, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.RedeemLoyaltyPoints(e.ctx, noCart, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("10")})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSRedeemLoyaltyPoints, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.RedeemLoyaltyPoints(e.ctx, noCart, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("10")})
		apiStatus(t, err, 404, "")
	}},

	// pos-remove-loyalty-points
	{storefronttest.OpPOSRemoveLoyaltyPoints, 200, "taken back", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, customer := e.soldCart(sess)
		require.NoError(t, e.srv.SetLoyaltyPoints(customer, dec("120")))
		_ = must(sess.Cart.RedeemLoyaltyPoints(e.ctx, ct.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("100")}))
		got := must(sess.Cart.RemoveLoyaltyPoints(e.ctx, ct.ID)).Cart
		assertMoney(t, "0", got.LoyaltyPointsRedeemed, "none")
	}},
	{storefronttest.OpPOSRemoveLoyaltyPoints, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Cart.RemoveLoyaltyPoints(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSRemoveLoyaltyPoints, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.RemoveLoyaltyPoints(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// update-pos-cart-customer
	{storefronttest.OpUpdatePOSCartCustomer, 200, "a walk-in registered by phone, then found again; a known one by ID", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		phone := newPhone()
		_ = must(sess.Cart.UpdateCartCustomer(e.ctx, ct.ID, byPhone(phone, "Ravi", "Kumar")))
		customer := e.userByPhone(phone)
		again := e.posCart(sess, item("masala-chai-blend", "", 1))
		_ = must(sess.Cart.UpdateCartCustomer(e.ctx, again.ID, byPhone(phone, "", "")))
		assert.Equal(t, again.ID, must(sess.Cart.GetUserCart(e.ctx, customer)).Cart.ID, "the same customer, linked last to this cart")
		u, ok := e.srv.User(customer)
		require.True(t, ok)
		assert.Equal(t, "Ravi", *u.FirstName)

		_, info, _ := e.user()
		third := e.posCart(sess, item("masala-chai-blend", "", 1))
		_ = must(sess.Cart.UpdateCartCustomer(e.ctx, third.ID, byCustomerID(info.CustomerID)))
		assert.Equal(t, third.ID, must(sess.Cart.GetUserCart(e.ctx, info.ID)).Cart.ID)
	}},
	{storefronttest.OpUpdatePOSCartCustomer, 400, "a new customer with another's email → 400", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		_, _, p := e.user()
		_, err := sess.Cart.UpdateCartCustomer(e.ctx, ct.ID, byEmail("someone-new@example.com", ptr(p.Phone)))
		require.NoError(t, err, "the email is new: the phone's owner is not looked up by it")
		other := e.posCart(sess, item("cast-iron-teapot", "", 1))
		var b storefront.PosUpdateCartCustomerBody
		require.NoError(t, b.FromPosUpdateCustomerWithPhone(storefront.PosUpdateCustomerWithPhone{CountryCode: ptr("+91"), Phone: newPhone(), Email: ptr(p.Email)}))
		_, err = sess.Cart.UpdateCartCustomer(e.ctx, other.ID, b)
		apiStatus(t, err, 400, storefronttest.CodeAlreadyExists)
	}},
	{storefronttest.OpUpdatePOSCartCustomer, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Cart.UpdateCartCustomer(e.ctx, noCart, byPhone(newPhone(), "Ravi", "Kumar"))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUpdatePOSCartCustomer, 404, "unknown customer ID → 404", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		_, err := sess.Cart.UpdateCartCustomer(e.ctx, ct.ID, byCustomerID(noCart))
		apiStatus(t, err, 404, "")
	}},

	// get-pos-fulfillment-options
	{storefronttest.OpGetPOSFulfillmentOptions, 200, "collect here, near the counter", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		o := must(sess.Cart.GetFulfillmentOptions(e.ctx, storefront.CartBasedFulfillmentOption{CartID: ct.ID}))
		assert.True(t, o.Summary.CollectAvailable)
		require.NotNil(t, o.Summary.RecommendedStore)
		assert.Equal(t, storefronttest.PickupMGRoad, *o.Summary.RecommendedStore.ID, "the counter's own store")
	}},
	{storefronttest.OpGetPOSFulfillmentOptions, 400, "nothing to deliver or collect → 400", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("tea-sommelier-handbook", "", 1))
		_, err := sess.Cart.GetFulfillmentOptions(e.ctx, storefront.CartBasedFulfillmentOption{CartID: ct.ID})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpGetPOSFulfillmentOptions, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Cart.GetFulfillmentOptions(e.ctx, storefront.CartBasedFulfillmentOption{CartID: noCart})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetPOSFulfillmentOptions, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Cart.GetFulfillmentOptions(e.ctx, storefront.CartBasedFulfillmentOption{CartID: noCart})
		apiStatus(t, err, 404, "")
	}},

	// create-pos-order
	{storefronttest.OpCreatePOSOrder, 200, "cash: paid and handed over; the customer's order", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, customer := e.soldCart(sess)
		res := must(sess.Orders.CreateOrder(e.ctx, posOrder(ct.ID, storefront.PosPaymentModeCASH)))
		assert.True(t, res.PaymentRequired)
		assert.Equal(t, ptr(storefront.OrderStatus("complete")), res.Order.Status)
		assert.Equal(t, ptr(storefront.OrderPaymentStatus("success")), res.Order.PaymentStatus)
		assert.Equal(t, ct.GrandTotal, *res.Order.GrandTotal)
		st := must(sess.Orders.GetPaymentStatus(e.ctx, *res.Order.OrderNumber))
		assertMoney(t, "0", st.AmountUnpaid, "paid in cash")
		_, err := sess.Cart.GetUserCart(e.ctx, customer)
		apiStatus(t, err, 404, "") // the cart became the order
	}},
	{storefronttest.OpCreatePOSOrder, 200, "card on the claimed device: pending, device busy, then paid", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		_ = must(sess.Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		ct, _ := e.soldCart(sess)
		res := must(sess.Orders.CreateOrder(e.ctx, posOrder(ct.ID, storefront.PosPaymentModeCARD)))
		assert.Equal(t, ptr(storefront.OrderPaymentStatus("pending")), res.Order.PaymentStatus)
		list := *must(sess.Devices.ListDevices(e.ctx)).Devices
		assert.True(t, list[0].IsBusy)
		_, err := sess.Devices.UnclaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
		apiStatus(t, err, 400, storefronttest.CodeDeviceBusy)
		require.NoError(t, e.srv.CompletePayment(*res.Order.OrderNumber, true))
		st := must(sess.Orders.GetPaymentStatus(e.ctx, *res.Order.OrderNumber))
		assert.Equal(t, storefront.GetPaymentStatusContentStatus("success"), st.Status)
		_ = must(sess.Devices.UnclaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
	}},
	{storefronttest.OpCreatePOSOrder, 400, "no customer linked → 400", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
		_, err := sess.Orders.CreateOrder(e.ctx, posOrder(ct.ID, storefront.PosPaymentModeCASH))
		apiStatus(t, err, 400, storefronttest.CodeNoCustomer)
	}},
	{storefronttest.OpCreatePOSOrder, 400, "card without a device → 400, the cart kept", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, _ := e.soldCart(sess)
		_, err := sess.Orders.CreateOrder(e.ctx, posOrder(ct.ID, storefront.PosPaymentModeCARD))
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
		_ = must(sess.Cart.GetCart(e.ctx, ct.ID))
	}},
	{storefronttest.OpCreatePOSOrder, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Orders.CreateOrder(e.ctx, posOrder(noCart, storefront.PosPaymentModeCASH))
		apiStatus(t, err, 401, "")
	}},

	// pos-get-payment-status
	{storefronttest.OpPOSGetPaymentStatus, 200, "UPI pending on the device, then failed, retry flagged", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		ct, _ := e.soldCart(sess)
		body := posOrder(ct.ID, storefront.PosPaymentModeUPI)
		body.DeviceID = ptr(storefronttest.SeededDeviceMGRoad1)
		res := must(sess.Orders.CreateOrder(e.ctx, body))
		st := must(sess.Orders.GetPaymentStatus(e.ctx, *res.Order.OrderNumber))
		assert.Equal(t, storefront.GetPaymentStatusContentStatus("pending"), st.Status)
		assertMoney(t, "1899", st.AmountUnpaid, "the teapot")
		require.NoError(t, e.srv.CompletePayment(*res.Order.OrderNumber, false))
		st = must(sess.Orders.GetPaymentStatus(e.ctx, *res.Order.OrderNumber))
		assert.Equal(t, storefront.GetPaymentStatusContentStatus("failed"), st.Status)
		assert.True(t, st.IsRetryAvailable)
	}},
	{storefronttest.OpPOSGetPaymentStatus, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Orders.GetPaymentStatus(e.ctx, "NG100001")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPOSGetPaymentStatus, 404, "an online order → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		ct := e.readyCart(sess, item("cast-iron-teapot", "", 1))
		res := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardSuccess)}))
		_, err := e.cashier().Orders.GetPaymentStatus(e.ctx, *res.Order.OrderNumber)
		apiStatus(t, err, 404, "")
	}},
}
