package storefronttest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// The cart's arithmetic, against amounts computed by hand (the rules are
// in cart_pricing.go).

// Masala chai ×3 (buy 2 get 1: one free) and Aurora headphones ×2 (volume
// slab: 5% from 2), with the WELCOME10 coupon and delivery to Bengaluru.
func TestCartTotalsMatchAHandComputation(t *testing.T) {
	e := newCEnv(t)
	sess, _, _ := e.user()
	ct := e.newCart(sess, item("masala-chai-blend", "", 3), item("aurora-wireless-headphones", "aurora-wireless-headphones-midnight-black", 2))

	// Before the coupon:
	//   chai:   299 × 3 = 897, one free: −299 → 598; GST 5% inside: 598×5/105 = 28.476… → 28.48
	//   aurora: 4999 × 2 = 9998, 5%: −499.90 → 9498.10; GST 18%: 9498.10×18/118 = 1448.862… → 1448.86
	//   handling: 99 × 2 = 198, its GST 30.20
	chai, aurora := ct.CartItems[0], ct.CartItems[1]
	assertMoney(t, "299", chai.PromotionDiscountAmount, "chai promotion")
	assertMoney(t, "1", chai.FreeQuantity, "chai free units")
	assertMoney(t, "28.48", chai.TaxAmount, "chai tax")
	assertMoney(t, "499.90", aurora.PromotionDiscountAmount, "aurora promotion")
	assertMoney(t, "1448.86", aurora.TaxAmount, "aurora tax")
	assertMoney(t, "198", aurora.HandlingChargeIncludingTax, "handling")
	assertMoney(t, "167.80", aurora.HandlingChargeExcludingTax, "handling without tax")
	assertMoney(t, "10096.10", ct.SubtotalIncludingTax, "subtotal with tax")
	assertMoney(t, "1477.34", ct.ItemsTaxAmount, "items tax")
	assertMoney(t, "8618.76", ct.Subtotal, "subtotal")
	assertMoney(t, "798.90", ct.PromotionDiscountAmount, "promotions")
	assertMoney(t, "10294.10", ct.GrandTotal, "grand total before delivery is chosen")
	assert.Nil(t, ct.ShippingAmount, "no delivery chosen yet")
	assertMoney(t, "49", *ct.ShippingEstimatedCost, "standard delivery estimate")
	assert.Equal(t, storefront.CartStatus("not-ready-for-payment"), ct.Status)

	// WELCOME10: 10% of 10096.10 = 1009.61, capped at 500, shared in
	// proportion: chai 500×598/10096.10 = 29.615… → 29.62; aurora takes
	// the rest, 470.38.
	c := must(sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: "welcome10"})).Cart
	assertMoney(t, "29.62", c.CartItems[0].CouponDiscountAmount, "chai coupon share")
	assertMoney(t, "470.38", c.CartItems[1].CouponDiscountAmount, "aurora coupon share")
	assertMoney(t, "500", c.CouponDiscountAmount, "coupon")
	assertMoney(t, "10", c.CouponDiscountPercent, "coupon percent")
	// Tax on the new nets: 568.38×5/105 = 27.07; 9027.72×18/118 = 1377.11.
	assertMoney(t, "27.07", c.CartItems[0].TaxAmount, "chai tax after coupon")
	assertMoney(t, "1377.11", c.CartItems[1].TaxAmount, "aurora tax after coupon")
	assertMoney(t, "9596.10", c.SubtotalIncludingTax, "subtotal with tax after coupon")
	assert.Equal(t, "WELCOME10", *c.CouponCode)

	// Delivery: 49 with tax, free from 999 of items: discounted in full.
	_ = must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), bengaluru())))
	c = *must(sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, delivery(storefronttest.CourierStandard, storefronttest.ShipmentStore))).Cart
	assertMoney(t, "49", *c.ShippingEstimatedCost, "delivery")
	assertMoney(t, "49", *c.ShippingDiscountAmount, "free delivery")
	assertMoney(t, "0", *c.ShippingAmountIncludingTax, "delivery charged")
	// Grand total: 9596.10 + 0 + 198 = 9794.10; tax 27.07 + 1377.11 + 30.20 = 1434.38.
	assertMoney(t, "9794.10", c.GrandTotal, "grand total")
	assertMoney(t, "1434.38", c.TotalTax, "total tax")
	assertMoney(t, "9794.10", c.ToBePaid, "to be paid")
	assertMoney(t, "97", c.LoyaltyPointsEarned, "a point per full ₹100")
	// Savings: promotions 798.90 + free delivery 49; coupon 500.
	assertMoney(t, "847.90", c.PromotionSavings, "promotion savings")
	assertMoney(t, "500", c.CouponSavings, "coupon savings")
	assertMoney(t, "1347.90", c.TotalSavings, "total savings")
	assert.Equal(t, storefront.CartStatus("ready-for-payment"), c.Status, "%v", c.StatusErrorMessage)
	require.Len(t, c.Shipments, 1)
	assert.Equal(t, storefronttest.CourierStandard, *c.Shipments[0].CourierCompanyID)
}

// Prices of 0.10 and 0.20 add up to 0.30 exactly, and totals beyond 2^53
// keep every digit.
func TestCartAmountsAreExact(t *testing.T) {
	e := newCEnv(t)
	cheap1 := must(e.srv.AddProduct(storefronttest.ProductInput{Name: "Tea bag sample", Price: dec("0.10"), Stock: 10}))
	cheap2 := must(e.srv.AddProduct(storefronttest.ProductInput{Name: "Sugar sachet", Price: dec("0.20"), Stock: 10}))
	sess := e.session()
	ct := e.newCart(sess, item(cheap1.ID, "", 1), item(cheap2.ID, "", 1))
	assert.Equal(t, "0.30", ct.SubtotalIncludingTax.String(), "0.1 + 0.2")
	// GST 18% inside: 0.10×18/118 = 0.015… → 0.02; 0.20×18/118 = 0.030… → 0.03.
	assertMoney(t, "0.05", ct.ItemsTaxAmount, "tax")
	assertMoney(t, "0.25", ct.Subtotal, "subtotal")

	huge := must(e.srv.AddProduct(storefronttest.ProductInput{Name: "Tea estate", Price: dec("98765432109876543.21"), Stock: 5}))
	ct = e.newCart(e.session(), item(huge.ID, "", 3))
	// 98765432109876543.21 × 3 = 296296296329629629.63; its GST 18%:
	// 45197740118079096.046… → 45197740118079096.05.
	assert.Equal(t, "296296296329629629.63", ct.SubtotalIncludingTax.String())
	assert.Equal(t, "45197740118079096.05", ct.ItemsTaxAmount.String())
	assert.Equal(t, "251098556211550533.58", ct.Subtotal.String())
	assert.Equal(t, "296296296329629629.63", ct.GrandTotal.String())
}

// A fixed coupon and a fixed-price promotion; the free-shipping coupon.
func TestCartFixedDiscountsAndFreeShippingCoupon(t *testing.T) {
	e := newCEnv(t)
	sess, _, _ := e.user()
	// Tower speaker: 12999, fixed price 11499: −1500 a unit.
	ct := e.newCart(sess, item("tower-home-speaker", "", 1))
	assertMoney(t, "1500", ct.PromotionDiscountAmount, "fixed price")
	c := must(sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponFlat100})).Cart
	assertMoney(t, "100", c.CouponDiscountAmount, "flat coupon")
	assertMoney(t, "0", c.CouponDiscountPercent, "no percentage")
	assertMoney(t, "11399", c.SubtotalIncludingTax, "11499 − 100")

	// A cart below the free-delivery threshold pays for delivery, unless
	// it has FREESHIP.
	sess2, _, _ := e.user()
	ct2 := e.newCart(sess2, item("headphone-carry-case", "", 1)) // 699
	_ = must(sess2.Cart.CreateCartAddress(e.ctx, ct2.ID, addresses(bengaluru(), bengaluru())))
	c2 := *must(sess2.Cart.UpdateFulfillmentPreference(e.ctx, ct2.ID, delivery(storefronttest.CourierExpress, storefronttest.ShipmentStore))).Cart
	assertMoney(t, "99", *c2.ShippingAmountIncludingTax, "express")
	// 99 with 18% GST inside: 15.10; 83.90 without.
	assertMoney(t, "15.10", *c2.ShippingTaxAmount, "delivery tax")
	assertMoney(t, "83.90", *c2.ShippingAmount, "delivery without tax")
	assertMoney(t, "798", c2.GrandTotal, "699 + 99")
	assertMoney(t, "2", *c2.EstimatedDeliveryDays, "express days")
	c2 = must(sess2.Cart.ApplyCoupon(e.ctx, ct2.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponFreeShip})).Cart
	assertMoney(t, "0", *c2.ShippingAmountIncludingTax, "free delivery")
	assertMoney(t, "99", c2.CouponSavings, "the coupon's saving is the delivery")
	assertMoney(t, "699", c2.GrandTotal, "699")
}

func TestCartCouponRules(t *testing.T) {
	e := newCEnv(t)
	sess, info, _ := e.user()
	ct := e.newCart(sess, item("masala-chai-blend", "", 1)) // 299
	apply := func(code string) error {
		_, err := sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: code})
		return err
	}
	apiStatus(t, apply("NO-SUCH-CODE"), 400, storefronttest.CodeInvalidCoupon)
	apiStatus(t, apply(storefronttest.CouponDiwali2024), 400, storefronttest.CodeInvalidCoupon) // expired
	apiStatus(t, apply(storefronttest.CouponFlat100), 400, storefronttest.CodeInvalidCoupon)    // below ₹999
	apiStatus(t, apply(storefronttest.CouponStaff25), 400, storefronttest.CodeInvalidCoupon)    // staff only
	require.NoError(t, e.srv.SetCustomerGroup(info.ID, storefronttest.SeededGroupStaff))
	require.NoError(t, apply(storefronttest.CouponStaff25))

	// TEA15: tea and coffee only, not with promotions: the chai (buy 2
	// get 1) is eligible while only one is in the cart.
	require.NoError(t, apply(storefronttest.CouponTea15))
	c := must(sess.Cart.GetCart(e.ctx, ct.ID)).Cart
	assertMoney(t, "44.85", c.CouponDiscountAmount, "15% of 299")
	// Three chai: the promotion applies, and the coupon no longer does:
	// the cart drops it.
	c = must(sess.Cart.UpdateCart(e.ctx, ct.ID, item("masala-chai-blend", "", 3))).Cart
	assert.Nil(t, c.CouponCode, "the coupon no longer applies")
	assert.False(t, c.IsCouponApplied)

	// Expiry follows the server's clock.
	_, err := e.srv.AddCoupon(storefronttest.CouponInput{Code: "HOUR10", Percent: dec("10"), WithPromotions: true, Expires: e.srv.Now().Add(time.Hour)})
	require.NoError(t, err)
	require.NoError(t, apply("HOUR10"))
	e.srv.Advance(2 * time.Hour)
	c = must(sess.Cart.GetCart(e.ctx, ct.ID)).Cart
	assert.Nil(t, c.CouponCode, "expired while in the cart")
	apiStatus(t, apply("HOUR10"), 400, storefronttest.CodeInvalidCoupon)
}

// WELCOME10 is once per customer; LAUNCH50 three times in all: orders
// count the redemptions.
func TestCouponUsageLimits(t *testing.T) {
	e := newCEnv(t)
	sess, _, _ := e.user()
	ct := e.readyCart(sess, item("cast-iron-teapot", "", 1))
	_ = must(sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10}))
	_ = must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardSuccess)}))
	ct = e.readyCart(sess, item("cast-iron-teapot", "", 1))
	_, err := sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
	apiStatus(t, err, 400, storefronttest.CodeInvalidCoupon)

	for range 3 {
		s, _, _ := e.user()
		c := e.readyCart(s, item("headphone-carry-case", "", 1))
		_ = must(s.Cart.ApplyCoupon(e.ctx, c.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponLaunch50}))
		_ = must(s.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: c.ID, PaymentMethod: card(storefronttest.TestCardSuccess)}))
	}
	s, _, _ := e.user()
	c := e.readyCart(s, item("headphone-carry-case", "", 1))
	_, err = s.Cart.ApplyCoupon(e.ctx, c.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponLaunch50})
	apiStatus(t, err, 400, storefronttest.CodeInvalidCoupon)
	list := must(s.Cart.ListCoupons(e.ctx, nil)).Coupons
	for _, cp := range list {
		assert.NotEqual(t, []string{storefronttest.CouponLaunch50}, cp.CouponCode, "a used-up coupon is not offered")
	}
}

func TestCartStockAndQuantityLimits(t *testing.T) {
	e := newCEnv(t)
	sess := e.session()
	ct := e.newCart(sess, item("masala-chai-blend", "", 1))
	set := func(product, variant string, qty int64) error {
		_, err := sess.Cart.UpdateCart(e.ctx, ct.ID, item(product, variant, qty))
		return err
	}
	apiStatus(t, set("cast-iron-teapot", "", 6), 400, storefronttest.CodeInsufficientStock) // 5 in stock
	require.NoError(t, set("cast-iron-teapot", "", 5))
	apiStatus(t, set("chikmagalur-filter-coffee", "", 1), 400, storefronttest.CodeInsufficientStock) // sold out
	require.NoError(t, set("cold-brew-coffee-bags", "", 40))                                         // backorders
	apiStatus(t, set("tower-home-speaker", "", 3), 400, storefronttest.CodeInvalidQuantity)          // at most 2
	require.NoError(t, set("tea-sommelier-handbook", "", 1000))                                      // digital: no stock
	apiStatus(t, set("masala-chai-blend", "", 1001), 400, storefronttest.CodeInvalidQuantity)
	apiStatus(t, set("aurora-wireless-headphones", "", 1), 400, storefronttest.CodeBadRequest) // a variant is required
	apiStatus(t, set("no-such-product", "", 1), 404, "")
	apiStatus(t, set("aurora-wireless-headphones", "no-such-variant", 1), 404, "")
	// The bundle needs its items: two mugs each, 60 terracotta mugs.
	apiStatus(t, set("morning-ritual-gift-set", "", 31), 400, storefronttest.CodeInsufficientStock)

	packs := must(e.srv.AddProduct(storefronttest.ProductInput{Name: "Tea lights", Price: dec("50"), Stock: 100,
		MinOrderQuantity: 2, IncrementalQuantity: 2, MaxOrderQuantity: 10}))
	apiStatus(t, set(packs.ID, "", 1), 400, storefronttest.CodeInvalidQuantity)
	apiStatus(t, set(packs.ID, "", 3), 400, storefronttest.CodeInvalidQuantity)
	apiStatus(t, set(packs.ID, "", 12), 400, storefronttest.CodeInvalidQuantity)
	require.NoError(t, set(packs.ID, "", 4))

	c := must(sess.Cart.UpdateCart(e.ctx, ct.ID, item("cast-iron-teapot", "", 0))).Cart
	for _, it := range c.CartItems {
		assert.NotEqual(t, "cast-iron-teapot", it.Slug, "quantity 0 removes the item")
		if it.Slug == "cold-brew-coffee-bags" {
			assert.True(t, it.Backorder)
		}
	}
	// Stock that falls under the cart's quantity makes it not ready.
	require.NoError(t, e.srv.SetStock(packs.ID, 3))
	c = must(sess.Cart.GetCart(e.ctx, ct.ID)).Cart
	assert.Contains(t, *c.StatusErrorMessage, "only 3 of Tea lights in stock")
}

// The anonymous visitor's cart follows them when they log in; merged with
// the cart they had.
func TestCartFollowsTheShopperOnLogin(t *testing.T) {
	e := newCEnv(t)
	_, info, p := e.user() // has an account; log in again from a new visitor

	// The account's own cart, from an earlier visit.
	earlier := e.session()
	_ = must(earlier.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: p.Password}))
	old := e.newCart(earlier, item("masala-chai-blend", "", 1), item("cast-iron-teapot", "", 1))

	visitor := e.session()
	anon := must(visitor.Auth.Anonymous(e.ctx))
	ct := e.newCart(visitor, item("masala-chai-blend", "", 2), item("headphone-carry-case", "", 1))
	_ = must(visitor.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10}))
	require.NotEqual(t, info.ID, anon.User.ID)

	_ = must(visitor.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: p.Password}))
	mine := must(visitor.Cart.GetUserCart(e.ctx, info.ID)).Cart
	assert.Equal(t, ct.ID, mine.ID, "the visitor's cart is the shopper's now")
	got := map[string]string{}
	for _, it := range mine.CartItems {
		got[it.Slug] = it.Quantity.String()
	}
	assert.Equal(t, map[string]string{"masala-chai-blend": "2", "headphone-carry-case": "1", "cast-iron-teapot": "1"}, got,
		"the visitor's quantities win; the older cart adds what it had")
	assert.Equal(t, storefronttest.CouponWelcome10, *mine.CouponCode)
	_, err := earlier.Cart.GetCart(e.ctx, old.ID)
	apiStatus(t, err, 404, "")

	// A visitor who registers keeps their ID and their cart.
	newcomer := e.session()
	c := e.newCart(newcomer, item("masala-chai-blend", "", 1))
	reg := must(newcomer.Auth.RegisterWithPhone(e.ctx, storefront.RegisterWithPhoneParams{Phone: newPhone(), FirstName: "Ravi"}))
	assert.Equal(t, c.ID, must(newcomer.Cart.GetUserCart(e.ctx, reg.User.ID)).Cart.ID)

	// Nobody else sees the cart.
	_, err = e.session().Cart.GetCart(e.ctx, ct.ID)
	apiStatus(t, err, 404, "")
}

func TestCartExpiresAfterItsLifetime(t *testing.T) {
	e := newCEnv(t)
	sess := e.session()
	ct := e.newCart(sess, item("masala-chai-blend", "", 1))
	assert.WithinDuration(t, e.srv.Now().Add(storefronttest.CartLifetime), *ct.ExpiresAt, time.Second)
	e.srv.Advance(storefronttest.CartLifetime - time.Minute)
	_ = must(sess.Cart.UpdateCart(e.ctx, ct.ID, item("masala-chai-blend", "", 2))) // a change renews it
	e.srv.Advance(storefronttest.CartLifetime - time.Minute)
	_ = must(sess.Cart.GetCart(e.ctx, ct.ID))
	e.srv.Advance(2 * time.Minute)
	_, err := sess.Cart.GetCart(e.ctx, ct.ID)
	apiStatus(t, err, 404, "")
	c := e.newCart(sess, item("masala-chai-blend", "", 1))
	assert.NotEqual(t, ct.ID, c.ID, "a new cart")
}

func TestCartRedemptions(t *testing.T) {
	e := newCEnv(t)
	sess, info, _ := e.user()
	require.NoError(t, e.srv.SetLoyaltyPoints(info.ID, dec("300")))
	require.NoError(t, e.srv.SetCreditBalance(info.ID, dec("250.50")))
	ct := e.readyCart(sess, item("cast-iron-teapot", "", 1)) // 1899, free delivery
	points := func(n string) (storefront.Cart, error) {
		c, err := sess.Cart.RedeemLoyaltyPoints(e.ctx, ct.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec(n)})
		if err != nil {
			return storefront.Cart{}, err
		}
		return c.Cart, nil
	}
	credit := func(n string) (storefront.Cart, error) {
		c, err := sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec(n)})
		if err != nil {
			return storefront.Cart{}, err
		}
		return c.Cart, nil
	}
	_, err := points("301")
	apiStatus(t, err, 400, storefronttest.CodeInsufficientBalance)
	_, err = points("10.5")
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	_, err = credit("250.51")
	apiStatus(t, err, 400, storefronttest.CodeInsufficientBalance)
	c := must(points("300"))
	c = must(credit("250.50"))
	// 1899 − 300 − 250.50 = 1348.50; points earned on 1899 − 300 = 1599: 15.
	assertMoney(t, "300", c.LoyaltyPointsRedeemed, "points")
	assertMoney(t, "250.50", c.CreditBalanceUsed, "credit")
	assertMoney(t, "1348.50", c.ToBePaid, "to be paid")
	assertMoney(t, "550.50", c.OtherSavings, "other savings")
	assertMoney(t, "15", c.LoyaltyPointsEarned, "earned")

	// Placing the order takes the balances and writes the ledger; the
	// payment earns the points.
	res := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardSuccess)}))
	assertMoney(t, "15", e.srv.LoyaltyPoints(info.ID), "300 − 300 + 15")
	assertMoney(t, "0", e.srv.CreditBalance(info.ID), "credit used")
	// Cancelled: the redemptions come back and the points earned go.
	_ = must(sess.Orders.CancelOrder(e.ctx, *res.Order.OrderNumber, storefront.CancelOrderBody{CancellationReason: "changed my mind", RefundMode: "original-payment-mode"}))
	assertMoney(t, "300", e.srv.LoyaltyPoints(info.ID), "points back")
	assertMoney(t, "250.50", e.srv.CreditBalance(info.ID), "credit back")

	// A redemption beyond what is left to pay is refused; a cart that
	// shrinks later caps it.
	ct = e.readyCart(sess, item("cast-iron-teapot", "", 1), item("masala-chai-blend", "", 1))
	_, err = sess.Cart.RedeemLoyaltyPoints(e.ctx, ct.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("300")})
	require.NoError(t, err)
	c = must(sess.Cart.UpdateCart(e.ctx, ct.ID, item("cast-iron-teapot", "", 0))).Cart
	// 299 + 49 delivery (below ₹999) = 348: 300 points still fit.
	assertMoney(t, "300", c.LoyaltyPointsRedeemed, "points")
	assertMoney(t, "48", c.ToBePaid, "348 − 300")
	_, err = sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("48.01")})
	apiStatus(t, err, 400, storefronttest.CodeInsufficientBalance)
	c = must(sess.Cart.RemoveLoyaltyPoints(e.ctx, ct.ID)).Cart
	assertMoney(t, "348", c.ToBePaid, "points removed")

	// Visitors have no balances.
	v := e.session()
	vc := e.newCart(v, item("masala-chai-blend", "", 1))
	_, err = v.Cart.RedeemCreditBalance(e.ctx, vc.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("1")})
	apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
}

func TestCartPricesForTheCustomerGroup(t *testing.T) {
	e := newCEnv(t)
	sess, info, _ := e.user()
	ct := e.newCart(sess, item("braided-usb-c-cable", "", 2))
	assertMoney(t, "698", ct.SubtotalIncludingTax, "retail: 349 × 2")
	require.NoError(t, e.srv.SetCustomerGroup(info.ID, storefronttest.SeededGroupWholesale))
	c := must(sess.Cart.GetCart(e.ctx, ct.ID)).Cart
	assertMoney(t, "558", c.SubtotalIncludingTax, "wholesale: 279 × 2")
}

// Fulfillment follows the shipping address's postal code: the options, the
// choice, and check-fulfillment of a cart.
func TestCartFulfillmentByPostalCode(t *testing.T) {
	e := newCEnv(t)
	sess, _, _ := e.user()
	ct := e.newCart(sess, item("cast-iron-teapot", "", 2), item("idukki-green-cardamom", "", 1), item("brewing-at-home", "", 1))
	opts := func() storefront.GetFulfillmentOptionsContent {
		return *must(sess.Cart.GetFulfillmentOptions(e.ctx, storefront.CartBasedFulfillmentOption{CartID: ct.ID}))
	}
	// Guwahati: no delivery, no store.
	_ = must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), address("Asha", "781001", "Guwahati", "Assam"))))
	o := opts()
	assert.False(t, o.Summary.DeliverAvailable)
	assert.False(t, o.Summary.CollectAvailable)
	assert.False(t, o.Deliver.IsServiceable)
	_, err := sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, delivery(storefronttest.CourierStandard, storefronttest.ShipmentStore))
	apiStatus(t, err, 400, storefronttest.CodeUnserviceable)
	chk := must(sess.Fulfillment.CheckFulfillment(e.ctx, fulfillmentCheck(t, `{"cart_id":"`+ct.ID+`","delivery_pincode":"781001"}`)))
	assert.False(t, chk.IsServiceable)
	require.NotNil(t, chk.UnserviceableItems)
	assert.Len(t, *chk.UnserviceableItems, 2, "the digital book needs no delivery")

	// Mumbai 400001: delivery and the Fort store; two shipments (the
	// store's and the spice seller's), each at its courier's rate.
	_ = must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), address("Asha", "400001", "Mumbai", "Maharashtra"))))
	o = opts()
	assert.True(t, o.Summary.DeliverAvailable)
	assert.Equal(t, storefronttest.PickupFort, *o.Summary.RecommendedStore.ID)
	require.Len(t, o.Deliver.Shipments, 2)
	sellerShipment := "shp-" + lower(storefronttest.SeededSellerSpices)
	assert.Equal(t, []string{storefronttest.ShipmentStore, sellerShipment}, []string{o.Deliver.Shipments[0].ID, o.Deliver.Shipments[1].ID})
	chk = must(sess.Fulfillment.CheckFulfillment(e.ctx, fulfillmentCheck(t, `{"cart_id":"`+ct.ID+`","delivery_pincode":null}`)))
	assert.True(t, chk.IsServiceable, "collection at the shipping address's code")
	c := *must(sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, delivery(storefronttest.CourierExpress, storefronttest.ShipmentStore, sellerShipment))).Cart
	require.Len(t, c.Shipments, 2)
	// Items: 2 × 1899 + 399 + 299 = 4496 ≥ 999: delivery is free (2 × 99 off).
	assertMoney(t, "198", *c.ShippingEstimatedCost, "two express shipments")
	assertMoney(t, "198", *c.ShippingDiscountAmount, "free delivery")

	// Collection drops the shipping; a new postal code drops the choice.
	c = *must(sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, collect(storefronttest.PickupFort))).Cart
	assert.Empty(t, c.Shipments)
	assertMoney(t, "0", *c.ShippingEstimatedCost, "nothing to deliver")
	c = must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), bengaluru()))).Cart
	assert.Nil(t, c.FulfillmentPreference, "chosen for another postal code")
	_, err = sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, collect(storefronttest.PickupFort))
	require.NoError(t, err, "the Fort store is the farthest, but a store all the same")

	// Part collected, part delivered: the units must add up.
	var partial storefront.FulfillmentPreference
	teapot := ct.CartItems[0].ProductID
	cardamom := ct.CartItems[1].ProductID
	p := storefront.PartialCollectAndDelivery{FulfillmentType: "partial-collect-and-delivery"}
	p.CollectInStore.PickupLocationID = storefronttest.PickupMGRoad
	p.CollectInStore.Items = []storefront.FulfillmentItem{{ProductID: teapot, Quantity: decimalInt(1)}}
	p.Delivery.ShippingProviderID = storefronttest.ShippingProvider
	p.Delivery.Items = []storefront.FulfillmentItem{{ProductID: teapot, Quantity: decimalInt(1)}, {ProductID: cardamom, Quantity: decimalInt(1)}}
	require.NoError(t, partial.FromPartialCollectAndDelivery(p))
	c = *must(sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, partial)).Cart
	require.Len(t, c.Shipments, 1)
	assertMoney(t, "2", *c.Shipments[0].ShipmentItemsCount, "the teapot and the cardamom delivered")
	p.Delivery.Items = p.Delivery.Items[1:]
	require.NoError(t, partial.FromPartialCollectAndDelivery(p))
	_, err = sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, partial)
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
}

// Abandoned carts are swept as new ones are made.
func TestExpiredCartsAreSwept(t *testing.T) {
	e := newCEnv(t)
	for range 3 {
		_ = e.newCart(e.session(), item("masala-chai-blend", "", 1))
	}
	assert.Equal(t, 3, e.srv.CommerceStats().Carts)
	e.srv.Advance(storefronttest.CartLifetime + time.Hour)
	_ = e.newCart(e.session(), item("masala-chai-blend", "", 1))
	assert.Equal(t, 1, e.srv.CommerceStats().Carts, "the expired carts went")
}
