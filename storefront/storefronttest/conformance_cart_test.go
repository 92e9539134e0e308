package storefronttest_test

// The conformance cases of the Carts, Payments, Wishlist and Orders
// groups: each operation's success and each failure it declares, through
// the storefront client over the strict validating transport.

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

const noCart = "01HZZZZZZZZZZZZZZZZZZZZZZZ"

// cartOf gives a new visitor a cart of one masala chai.
func (e *cenv) cartOf() (*storefront.Session, storefront.Cart) {
	e.t.Helper()
	sess := e.session()
	return sess, e.newCart(sess, item("masala-chai-blend", "", 1))
}

// userCart gives a new logged-in shopper a cart.
func (e *cenv) userCart() (*storefront.Session, storefronttest.UserInfo, storefront.Cart) {
	e.t.Helper()
	sess, info, _ := e.user()
	return sess, info, e.newCart(sess, item("cast-iron-teapot", "", 1))
}

// otpOrder places an order paid by the OTP test card, and returns the
// session and the payment's transaction and challenge.
func (e *cenv) otpOrder() (*storefront.Session, string, string) {
	e.t.Helper()
	sess, _, _ := e.user()
	ct := e.readyCart(sess, item("cast-iron-teapot", "", 1))
	res := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardOTP)}))
	info := must(res.PaymentInfo.AsJusPayExpressCheckoutResponse())
	return sess, info.TxnID, *info.Payment.Authentication.Params.ChallengeID
}

// returned gives a delivered order a return of one teapot.
func (e *cenv) returned() (*storefront.Session, string, string) {
	e.t.Helper()
	sess, o, sh := e.deliveredOrder(item("cast-iron-teapot", "", 1))
	reason := "cracked"
	r := must(sess.Orders.CreateOrderReturn(e.ctx, *o.OrderNumber, storefront.CreateOrderReturn{RequestedSettlement: "refund",
		Items: []storefront.OrderReturnItem{{ShipmentNumber: *sh[0].ReferenceNumber, ProductID: (*o.OrderItems)[0].ProductID, Quantity: decimalInt(1), ReturnReason: &reason}}}))
	return sess, *o.OrderNumber, *r.OrderReturn.RequestNumber
}

func photo() storefront.ReturnAttachments {
	return storefront.ReturnAttachments{Images: []storefront.Upload{{Body: bytes.NewReader(pngPhoto), Filename: "photo.png"}}}
}

var cartConformanceCases = []conformanceCase{
	// create-cart
	{storefronttest.OpCreateCart, 200, "two items, priced", func(t *testing.T, e *cenv) {
		ct := e.newCart(e.session(), item("masala-chai-blend", "", 1), item("classic-ceramic-mug", "classic-ceramic-mug-ivory", 2))
		require.Len(t, ct.CartItems, 2)
		assertMoney(t, "997", ct.SubtotalIncludingTax, "299 + 2 × 349")
	}},
	{storefronttest.OpCreateCart, 400, "no items → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{}})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpCreateCart, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{item("masala-chai-blend", "", 1)}})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpCreateCart, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{item("no-such-product", "", 1)}})
		apiStatus(t, err, 404, storefronttest.CodeNotFound)
	}},

	// list-coupons
	{storefronttest.OpListCoupons, 200, "the running coupons", func(t *testing.T, e *cenv) {
		c := must(e.session().Cart.ListCoupons(e.ctx, nil))
		var codes []string
		for _, cp := range c.Coupons {
			codes = append(codes, cp.CouponCode...)
		}
		assert.Contains(t, codes, storefronttest.CouponWelcome10)
		assert.NotContains(t, codes, storefronttest.CouponDiwali2024, "expired")
		assert.NotContains(t, codes, storefronttest.CouponStaff25, "another group's")
		staff := must(e.session().Cart.ListCoupons(e.ctx, &storefront.ListCouponsParams{XCustomerGroupID: ptr(storefronttest.SeededGroupStaff)}))
		assert.Len(t, staff.Coupons, len(c.Coupons)+1)
	}},
	{storefronttest.OpListCoupons, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.ListCoupons(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListCoupons, 404, "another store → 404", func(t *testing.T, e *cenv) {
		_, err := e.otherStore().NewSession(nil).Cart.ListCoupons(e.ctx, nil)
		apiStatus(t, err, 404, "")
	}},

	// list-promotions
	{storefronttest.OpListPromotions, 200, "the running promotions", func(t *testing.T, e *cenv) {
		p := must(e.session().Cart.ListPromotions(e.ctx, nil))
		kinds := map[string]bool{}
		for _, pr := range p.Promotions {
			kinds[string(pr.PromotionType)] = true
		}
		assert.Equal(t, map[string]bool{"discount": true, "free-goods": true, "volume-based": true, "free-shipping": true}, kinds)
	}},
	{storefronttest.OpListPromotions, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.ListPromotions(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},

	// get-fulfillment-options
	{storefronttest.OpGetFulfillmentOptions, 200, "collect or deliver in Bengaluru", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_ = must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), bengaluru())))
		o := must(sess.Cart.GetFulfillmentOptions(e.ctx, storefront.CartBasedFulfillmentOption{CartID: ct.ID}))
		assert.True(t, o.Summary.CollectAvailable)
		assert.True(t, o.Summary.DeliverAvailable)
		assert.Equal(t, storefronttest.PickupMGRoad, *o.Summary.RecommendedStore.ID, "the nearest")
		require.Len(t, o.Deliver.Shipments, 1)
		assert.Equal(t, storefronttest.ShipmentStore, o.Deliver.Shipments[0].ID)
	}},
	{storefronttest.OpGetFulfillmentOptions, 400, "no address yet → 400", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_, err := sess.Cart.GetFulfillmentOptions(e.ctx, storefront.CartBasedFulfillmentOption{CartID: ct.ID})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpGetFulfillmentOptions, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.GetFulfillmentOptions(e.ctx, storefront.CartBasedFulfillmentOption{CartID: noCart})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetFulfillmentOptions, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Cart.GetFulfillmentOptions(e.ctx, storefront.CartBasedFulfillmentOption{CartID: noCart})
		apiStatus(t, err, 404, "")
	}},

	// get-user-cart
	{storefronttest.OpGetUserCart, 200, "the shopper's cart", func(t *testing.T, e *cenv) {
		sess, info, ct := e.userCart()
		assert.Equal(t, ct.ID, must(sess.Cart.GetUserCart(e.ctx, info.ID)).Cart.ID)
	}},
	{storefronttest.OpGetUserCart, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.GetUserCart(e.ctx, "someone")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetUserCart, 404, "someone else's → 404", func(t *testing.T, e *cenv) {
		_, _, _ = e.userCart()
		sess, _, _ := e.user()
		_, err := sess.Cart.GetUserCart(e.ctx, e.otherUser())
		apiStatus(t, err, 404, "")
	}},

	// delete-user-cart
	{storefronttest.OpDeleteUserCart, 200, "deleted", func(t *testing.T, e *cenv) {
		sess, info, ct := e.userCart()
		require.NoError(t, sess.Cart.DeleteUserCart(e.ctx, info.ID))
		_, err := sess.Cart.GetCart(e.ctx, ct.ID)
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpDeleteUserCart, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.endedSession().Cart.DeleteUserCart(e.ctx, "someone"), 401, "")
	}},
	{storefronttest.OpDeleteUserCart, 404, "no cart → 404", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		apiStatus(t, sess.Cart.DeleteUserCart(e.ctx, info.ID), 404, "")
	}},

	// get-cart
	{storefronttest.OpGetCart, 200, "the cart", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		got := must(sess.Cart.GetCart(e.ctx, ct.ID)).Cart
		assert.Equal(t, ct.ID, got.ID)
		assertMoney(t, "299", got.SubtotalIncludingTax, "one chai")
	}},
	{storefronttest.OpGetCart, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.GetCart(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetCart, 404, "another shopper's cart → 404", func(t *testing.T, e *cenv) {
		_, ct := e.cartOf()
		_, err := e.session().Cart.GetCart(e.ctx, ct.ID)
		apiStatus(t, err, 404, "")
	}},

	// delete-cart
	{storefronttest.OpDeleteCart, 200, "deleted", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		require.NoError(t, sess.Cart.DeleteCart(e.ctx, ct.ID))
		_, err := sess.Cart.GetCart(e.ctx, ct.ID)
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpDeleteCart, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.endedSession().Cart.DeleteCart(e.ctx, noCart), 401, "")
	}},
	{storefronttest.OpDeleteCart, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		apiStatus(t, e.session().Cart.DeleteCart(e.ctx, noCart), 404, "")
	}},

	// create-cart-address
	{storefronttest.OpCreateCartAddress, 200, "new addresses saved, then named by ID", func(t *testing.T, e *cenv) {
		sess, _, ct := e.userCart()
		c := must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), address("Ravi", "400001", "Mumbai", "Maharashtra")))).Cart
		require.NotNil(t, c.BillingAddress.ID)
		assert.Equal(t, "400001", c.ShippingAddress.Pincode)
		again := must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addressIDs(*c.ShippingAddress.ID, *c.BillingAddress.ID))).Cart
		assert.Equal(t, "560001", again.ShippingAddress.Pincode)
	}},
	{storefronttest.OpCreateCartAddress, 400, "malformed phone → 400", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		bad := bengaluru()
		bad.Phone = "12345"
		_, err := sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bad, bengaluru()))
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpCreateCartAddress, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.CreateCartAddress(e.ctx, noCart, addresses(bengaluru(), bengaluru()))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpCreateCartAddress, 404, "unknown saved address → 404", func(t *testing.T, e *cenv) {
		sess, _, ct := e.userCart()
		_, err := sess.Cart.CreateCartAddress(e.ctx, ct.ID, addressIDs("no-such-address", "no-such-address"))
		apiStatus(t, err, 404, "")
	}},

	// apply-coupon
	{storefronttest.OpApplyCoupon, 200, "10% off", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_ = must(sess.Cart.UpdateCart(e.ctx, ct.ID, item("cast-iron-teapot", "", 1)))
		c := must(sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})).Cart
		assertMoney(t, "219.80", c.CouponDiscountAmount, "10% of 2198")
	}},
	{storefronttest.OpApplyCoupon, 400, "expired coupon → 400", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_, err := sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponDiwali2024})
		apiStatus(t, err, 400, storefronttest.CodeInvalidCoupon)
	}},
	{storefronttest.OpApplyCoupon, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.ApplyCoupon(e.ctx, noCart, storefront.ApplyCouponBody{CouponCode: "X"})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpApplyCoupon, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Cart.ApplyCoupon(e.ctx, noCart, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
		apiStatus(t, err, 404, "")
	}},

	// remove-coupon
	{storefronttest.OpRemoveCoupon, 200, "removed", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_ = must(sess.Cart.ApplyCoupon(e.ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponTea15}))
		c := must(sess.Cart.RemoveCoupon(e.ctx, ct.ID)).Cart
		assert.Nil(t, c.CouponCode)
		assertMoney(t, "299", c.GrandTotal, "no discount")
	}},
	{storefronttest.OpRemoveCoupon, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.RemoveCoupon(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpRemoveCoupon, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Cart.RemoveCoupon(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// redeem-credit-balance
	{storefronttest.OpRedeemCreditBalance, 200, "credit taken off", func(t *testing.T, e *cenv) {
		sess, info, ct := e.userCart()
		require.NoError(t, e.srv.SetCreditBalance(info.ID, dec("100.25")))
		c := must(sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("100.25")})).Cart
		assertMoney(t, "1798.75", c.ToBePaid, "1899 − 100.25")
	}},
	{storefronttest.OpRedeemCreditBalance, 400, "more than the balance → 400", func(t *testing.T, e *cenv) {
		sess, _, ct := e.userCart()
		_, err := sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("1")})
		apiStatus(t, err, 400, storefronttest.CodeInsufficientBalance)
	}},
	{storefronttest.OpRedeemCreditBalance, 401, "a visitor → 401", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_, err := sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("1")})
		apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
	}},
	{storefronttest.OpRedeemCreditBalance, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		_, err := sess.Cart.RedeemCreditBalance(e.ctx, noCart, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("1")})
		apiStatus(t, err, 404, "")
	}},

	// remove-credit-balance
	{storefronttest.OpRemoveCreditBalance, 200, "credit given back", func(t *testing.T, e *cenv) {
		sess, info, ct := e.userCart()
		require.NoError(t, e.srv.SetCreditBalance(info.ID, dec("50")))
		_ = must(sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("50")}))
		c := must(sess.Cart.RemoveCreditBalance(e.ctx, ct.ID)).Cart
		assertMoney(t, "0", c.CreditBalanceUsed, "none")
	}},
	{storefronttest.OpRemoveCreditBalance, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.RemoveCreditBalance(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpRemoveCreditBalance, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Cart.RemoveCreditBalance(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// evaluate-coupons
	{storefronttest.OpEvaluateCoupons, 200, "applicable and not", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		ev := must(sess.Cart.EvaluateCoupons(e.ctx, ct.ID))
		var ok, no []string
		for _, c := range ev.ApplicableCoupons {
			ok = append(ok, (*c.CouponCode)[0])
		}
		for _, c := range ev.InapplicableCoupons {
			no = append(no, (*c.CouponCode)[0])
		}
		assert.Contains(t, ok, storefronttest.CouponTea15)
		assert.Contains(t, no, storefronttest.CouponFlat100, "below ₹999")
	}},
	{storefronttest.OpEvaluateCoupons, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.EvaluateCoupons(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpEvaluateCoupons, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Cart.EvaluateCoupons(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// evaluate-promotions
	{storefronttest.OpEvaluatePromotions, 200, "buy 2 get 1 needs two more", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		ev := must(sess.Cart.EvaluatePromotions(e.ctx, ct.ID))
		found := false
		for _, p := range ev.InapplicablePromotions {
			if p.Suggestion != nil && *p.Suggestion == "add 2 more to get 1 free" {
				found = true
			}
		}
		assert.True(t, found, "%+v", ev.InapplicablePromotions)
	}},
	{storefronttest.OpEvaluatePromotions, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.EvaluatePromotions(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpEvaluatePromotions, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Cart.EvaluatePromotions(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// update-fulfillment-preference
	{storefronttest.OpUpdateFulfillmentPreference, 200, "collect in store", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_ = must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), bengaluru())))
		c := *must(sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, collect(storefronttest.PickupIndiranagar))).Cart
		pref := must(c.FulfillmentPreference.AsCollectInStoreFulfillment())
		assert.Equal(t, "Nilgiri Goods Indiranagar", *pref.PickupLocationName)
		assertMoney(t, "0", *c.ShippingAmountIncludingTax, "collection is free")
	}},
	{storefronttest.OpUpdateFulfillmentPreference, 400, "no address yet → 400", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_, err := sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, collect(storefronttest.PickupMGRoad))
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpUpdateFulfillmentPreference, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.UpdateFulfillmentPreference(e.ctx, noCart, collect(storefronttest.PickupMGRoad))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUpdateFulfillmentPreference, 404, "unknown pickup location → 404", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_ = must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), bengaluru())))
		_, err := sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, collect("no-such-store"))
		apiStatus(t, err, 404, "")
	}},

	// update-cart
	{storefronttest.OpUpdateCart, 200, "quantity set", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		c := must(sess.Cart.UpdateCart(e.ctx, ct.ID, item("masala-chai-blend", "", 4))).Cart
		assertMoney(t, "4", c.CartItemsCount, "set, not added")
		assertMoney(t, "897", c.SubtotalIncludingTax, "4 × 299 − one free")
	}},
	{storefronttest.OpUpdateCart, 400, "beyond the stock → 400", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_, err := sess.Cart.UpdateCart(e.ctx, ct.ID, item("cast-iron-teapot", "", 6))
		apiStatus(t, err, 400, storefronttest.CodeInsufficientStock)
	}},
	{storefronttest.OpUpdateCart, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.UpdateCart(e.ctx, noCart, item("masala-chai-blend", "", 1))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUpdateCart, 404, "unknown variant → 404", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_, err := sess.Cart.UpdateCart(e.ctx, ct.ID, item("classic-ceramic-mug", "classic-ceramic-mug-purple", 1))
		apiStatus(t, err, 404, "")
	}},

	// redeem-loyalty-points
	{storefronttest.OpRedeemLoyaltyPoints, 200, "points taken off", func(t *testing.T, e *cenv) {
		sess, info, ct := e.userCart()
		require.NoError(t, e.srv.SetLoyaltyPoints(info.ID, dec("120")))
		c := must(sess.Cart.RedeemLoyaltyPoints(e.ctx, ct.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("100")})).Cart
		assertMoney(t, "1799", c.ToBePaid, "1899 − 100")
	}},
	{storefronttest.OpRedeemLoyaltyPoints, 400, "more than the balance → 400", func(t *testing.T, e *cenv) {
		sess, _, ct := e.userCart()
		_, err := sess.Cart.RedeemLoyaltyPoints(e.ctx, ct.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("10")})
		apiStatus(t, err, 400, storefronttest.CodeInsufficientBalance)
	}},
	{storefronttest.OpRedeemLoyaltyPoints, 401, "a visitor → 401", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_, err := sess.Cart.RedeemLoyaltyPoints(e.ctx, ct.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("10")})
		apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
	}},
	{storefronttest.OpRedeemLoyaltyPoints, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		_, err := sess.Cart.RedeemLoyaltyPoints(e.ctx, noCart, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("10")})
		apiStatus(t, err, 404, "")
	}},

	// remove-loyalty-points
	{storefronttest.OpRemoveLoyaltyPoints, 200, "points given back", func(t *testing.T, e *cenv) {
		sess, info, ct := e.userCart()
		require.NoError(t, e.srv.SetLoyaltyPoints(info.ID, dec("10")))
		_ = must(sess.Cart.RedeemLoyaltyPoints(e.ctx, ct.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: dec("10")}))
		c := must(sess.Cart.RemoveLoyaltyPoints(e.ctx, ct.ID)).Cart
		assertMoney(t, "0", c.LoyaltyPointsRedeemed, "none")
	}},
	{storefronttest.OpRemoveLoyaltyPoints, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Cart.RemoveLoyaltyPoints(e.ctx, noCart)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpRemoveLoyaltyPoints, 404, "unknown cart → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Cart.RemoveLoyaltyPoints(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},

	// authenticate-direct-otp
	{storefronttest.OpAuthenticateDirectOTP, 200, "the right code pays", func(t *testing.T, e *cenv) {
		sess, txn, ch := e.otpOrder()
		require.NoError(t, sess.Payments.AuthenticateDirectOTP(e.ctx, storefront.AuthenticateDirectOTPBody{TxnID: txn, ChallengeID: ch, OTP: storefronttest.TestPaymentOTP}))
	}},
	{storefronttest.OpAuthenticateDirectOTP, 400, "wrong code → 400", func(t *testing.T, e *cenv) {
		sess, txn, ch := e.otpOrder()
		err := sess.Payments.AuthenticateDirectOTP(e.ctx, storefront.AuthenticateDirectOTPBody{TxnID: txn, ChallengeID: ch, OTP: "111111"})
		apiStatus(t, err, 400, storefronttest.CodeInvalidOTP)
	}},
	{storefronttest.OpAuthenticateDirectOTP, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		err := e.endedSession().Payments.AuthenticateDirectOTP(e.ctx, storefront.AuthenticateDirectOTPBody{TxnID: "t", ChallengeID: "c", OTP: "1"})
		apiStatus(t, err, 401, "")
	}},

	// get-card-info
	{storefronttest.OpGetCardInfo, 200, "a Visa credit card", func(t *testing.T, e *cenv) {
		c := must(e.session().Payments.GetCardInfo(e.ctx, &storefront.GetCardInfoParams{Cardbin: "41111111"}))
		assert.Equal(t, "VISA", c.CardInfo.Brand)
		assert.Equal(t, "HDFC Bank", c.CardInfo.Bank)
	}},
	{storefronttest.OpGetCardInfo, 400, "not a BIN → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Payments.GetCardInfo(e.ctx, &storefront.GetCardInfoParams{Cardbin: "4111"})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpGetCardInfo, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Payments.GetCardInfo(e.ctx, &storefront.GetCardInfoParams{Cardbin: "411111"})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetCardInfo, 404, "unknown BIN → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Payments.GetCardInfo(e.ctx, &storefront.GetCardInfoParams{Cardbin: "999999"})
		apiStatus(t, err, 404, "")
	}},

	// generate-hash
	{storefronttest.OpGenerateHash, 200, "HMAC-SHA512 of the text", func(t *testing.T, e *cenv) {
		h := must(e.session().Payments.GenerateHash(e.ctx, storefront.GenerateHashBody{PaymentGateway: "payu", PlainText: "key|txn|100.00"}))
		assert.Equal(t, hmacSHA512(storefronttest.PaymentHashKey, "key|txn|100.00"), *h.Hash)
	}},
	{storefronttest.OpGenerateHash, 400, "empty text → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Payments.GenerateHash(e.ctx, storefront.GenerateHashBody{PaymentGateway: "payu"})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpGenerateHash, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Payments.GenerateHash(e.ctx, storefront.GenerateHashBody{PaymentGateway: "payu", PlainText: "x"})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGenerateHash, 404, "another store → 404", func(t *testing.T, e *cenv) {
		_, err := e.otherStore().NewSession(nil).Payments.GenerateHash(e.ctx, storefront.GenerateHashBody{PaymentGateway: "payu", PlainText: "x"})
		apiStatus(t, err, 404, "")
	}},

	// get-ifsc-lookup
	{storefronttest.OpGetIfscLookup, 200, "an HDFC branch", func(t *testing.T, e *cenv) {
		c := must(e.session().Payments.GetIfscLookup(e.ctx, "hdfc0000240"))
		assert.Equal(t, "HDFC0000240", c.Ifsc.Ifsc)
		assert.Equal(t, "Indiranagar", c.Ifsc.Branch)
	}},
	{storefronttest.OpGetIfscLookup, 400, "not an IFSC → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Payments.GetIfscLookup(e.ctx, "HDFC1234")
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpGetIfscLookup, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Payments.GetIfscLookup(e.ctx, "HDFC0000240")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetIfscLookup, 404, "unknown branch → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Payments.GetIfscLookup(e.ctx, "HDFC0999999")
		apiStatus(t, err, 404, "")
	}},

	// create-juspay-order
	{storefronttest.OpCreateJuspayOrder, 200, "for a declined order", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		ct := e.readyCart(sess, item("cast-iron-teapot", "", 1))
		o := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardDeclined)})).Order
		jo := must(sess.Payments.CreateJuspayOrder(e.ctx, storefront.JuspayCreateOrderPayload{OrderNumber: o.OrderNumber})).Data
		assertMoney(t, "1899", *jo.Amount, "what is left to pay")
		assert.Equal(t, *o.OrderNumber, *jo.OrderID)
	}},
	{storefronttest.OpCreateJuspayOrder, 400, "a paid order → 400", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		_, err := sess.Payments.CreateJuspayOrder(e.ctx, storefront.JuspayCreateOrderPayload{OrderNumber: o.OrderNumber})
		apiStatus(t, err, 400, storefronttest.CodeInvalidPayment)
	}},
	{storefronttest.OpCreateJuspayOrder, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Payments.CreateJuspayOrder(e.ctx, storefront.JuspayCreateOrderPayload{OrderNumber: ptr("NG1")})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpCreateJuspayOrder, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Payments.CreateJuspayOrder(e.ctx, storefront.JuspayCreateOrderPayload{OrderNumber: ptr("NG1")})
		apiStatus(t, err, 404, "")
	}},

	// create-juspay-customer
	{storefronttest.OpCreateJuspayCustomer, 200, "registered with the gateway", func(t *testing.T, e *cenv) {
		sess, info, p := e.user()
		jc := must(sess.Payments.CreateJuspayCustomer(e.ctx, storefront.JuspayCreateCustomerPayload{UserID: &info.ID})).Data
		assert.Equal(t, info.ID, *jc.ObjectReferenceID)
		assert.Equal(t, p.Email, *jc.EmailAddress)
	}},
	{storefronttest.OpCreateJuspayCustomer, 400, "no user_id → 400", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		_, err := sess.Payments.CreateJuspayCustomer(e.ctx, storefront.JuspayCreateCustomerPayload{})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpCreateJuspayCustomer, 401, "a visitor → 401", func(t *testing.T, e *cenv) {
		sess := e.session()
		c := must(sess.EnsureClaims(e.ctx))
		_, err := sess.Payments.CreateJuspayCustomer(e.ctx, storefront.JuspayCreateCustomerPayload{UserID: &c.UserID})
		apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
	}},
	{storefronttest.OpCreateJuspayCustomer, 404, "someone else → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		other := e.otherUser()
		_, err := sess.Payments.CreateJuspayCustomer(e.ctx, storefront.JuspayCreateCustomerPayload{UserID: &other})
		apiStatus(t, err, 404, "")
	}},

	// get-juspay-customer
	{storefronttest.OpGetJuspayCustomer, 200, "after registration", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_ = must(sess.Payments.CreateJuspayCustomer(e.ctx, storefront.JuspayCreateCustomerPayload{UserID: &info.ID}))
		jc := must(sess.Payments.GetJuspayCustomer(e.ctx, info.ID)).Data
		assert.Equal(t, "cth_"+lower(info.ID), *jc.ID)
	}},
	{storefronttest.OpGetJuspayCustomer, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Payments.GetJuspayCustomer(e.ctx, "someone")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetJuspayCustomer, 404, "not registered → 404", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Payments.GetJuspayCustomer(e.ctx, info.ID)
		apiStatus(t, err, 404, "")
	}},

	// list-payment-methods
	{storefronttest.OpListPaymentMethods, 200, "UPI methods", func(t *testing.T, e *cenv) {
		upi := storefront.ListPaymentMethodsParamsPaymentMethodType("upi")
		c := must(e.session().Payments.ListPaymentMethods(e.ctx, &storefront.ListPaymentMethodsParams{PaymentMethodType: &upi}))
		require.Len(t, *c.PaymentMethods, 1)
		jp := must((*c.PaymentMethods)[0].AsJuspayPaymentMethod())
		assert.Equal(t, "juspay", jp.PaymentProviderSlug)
		assert.Len(t, jp.Details, 2)
		all := must(e.session().Payments.ListPaymentMethods(e.ctx, nil))
		assert.Len(t, *all.PaymentMethods, 3)
	}},
	{storefronttest.OpListPaymentMethods, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Payments.ListPaymentMethods(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListPaymentMethods, 404, "unknown provider → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Payments.ListPaymentMethods(e.ctx, &storefront.ListPaymentMethodsParams{PaymentProviderSlug: ptr("stripe")})
		apiStatus(t, err, 404, "")
	}},

	// resend-direct-otp
	{storefronttest.OpResendDirectOTP, 200, "sent again", func(t *testing.T, e *cenv) {
		sess, txn, ch := e.otpOrder()
		r := must(sess.Payments.ResendDirectOTP(e.ctx, storefront.ResendDirectOTPBody{TxnID: txn, ChallengeID: ch}))
		assert.Equal(t, "PENDING_VBV", r.PaymentInfo.Status)
	}},
	{storefronttest.OpResendDirectOTP, 400, "unknown transaction → 400", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		_, err := sess.Payments.ResendDirectOTP(e.ctx, storefront.ResendDirectOTPBody{TxnID: "NG1-1", ChallengeID: "ch"})
		apiStatus(t, err, 400, storefronttest.CodeInvalidPayment)
	}},
	{storefronttest.OpResendDirectOTP, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Payments.ResendDirectOTP(e.ctx, storefront.ResendDirectOTPBody{TxnID: "t", ChallengeID: "c"})
		apiStatus(t, err, 401, "")
	}},

	// verify-vpa
	{storefronttest.OpVerifyVpa, 200, "a valid UPI address", func(t *testing.T, e *cenv) {
		v := must(e.session().Payments.VerifyVpa(e.ctx, &storefront.VerifyVpaParams{Vpa: ptr("asha.rao@okhdfcbank")}))
		assert.Equal(t, "Asha Rao", v.CustomerName)
		assert.Equal(t, storefront.VerifyVpaContentStatus("valid"), v.Status)
	}},
	{storefronttest.OpVerifyVpa, 400, "not a UPI address → 400", func(t *testing.T, e *cenv) {
		_, err := e.session().Payments.VerifyVpa(e.ctx, &storefront.VerifyVpaParams{Vpa: ptr("asha.rao")})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpVerifyVpa, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Payments.VerifyVpa(e.ctx, &storefront.VerifyVpaParams{Vpa: ptr("a@upi")})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpVerifyVpa, 404, "unknown handle → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Payments.VerifyVpa(e.ctx, &storefront.VerifyVpaParams{Vpa: ptr("asha@nosuchbank")})
		apiStatus(t, err, 404, "")
	}},

	// get-wishlist
	{storefronttest.OpGetWishlist, 200, "what was added", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_ = must(sess.Wishlist.AddToWishlist(e.ctx, info.ID, storefront.AddToWishlistBody{ProductID: "cast-iron-teapot"}))
		w := must(sess.Wishlist.GetWishlist(e.ctx, info.ID, nil))
		require.Len(t, w.Products, 1)
		assert.Equal(t, "Cast Iron Teapot", w.Products[0].ProductName)
	}},
	{storefronttest.OpGetWishlist, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Wishlist.GetWishlist(e.ctx, "someone", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetWishlist, 404, "unknown seller → 404", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Wishlist.GetWishlist(e.ctx, info.ID, &storefront.GetWishlistParams{SellerID: ptr("no-such-seller")})
		apiStatus(t, err, 404, "")
	}},

	// add-to-wishlist
	{storefronttest.OpAddToWishlist, 200, "added once", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		b := storefront.AddToWishlistBody{ProductID: "classic-ceramic-mug", VariantID: ptr("classic-ceramic-mug-ivory")}
		_ = must(sess.Wishlist.AddToWishlist(e.ctx, info.ID, b))
		assert.Len(t, must(sess.Wishlist.AddToWishlist(e.ctx, info.ID, b)).Products, 1)
	}},
	{storefronttest.OpAddToWishlist, 400, "no variant → 400", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Wishlist.AddToWishlist(e.ctx, info.ID, storefront.AddToWishlistBody{ProductID: "classic-ceramic-mug"})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpAddToWishlist, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Wishlist.AddToWishlist(e.ctx, "someone", storefront.AddToWishlistBody{ProductID: "cast-iron-teapot"})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpAddToWishlist, 404, "unknown product → 404", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Wishlist.AddToWishlist(e.ctx, info.ID, storefront.AddToWishlistBody{ProductID: "no-such-product"})
		apiStatus(t, err, 404, "")
	}},

	// delete-from-wishlist
	{storefronttest.OpDeleteFromWishlist, 200, "removed", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_ = must(sess.Wishlist.AddToWishlist(e.ctx, info.ID, storefront.AddToWishlistBody{ProductID: "cast-iron-teapot"}))
		w := must(sess.Wishlist.DeleteFromWishlist(e.ctx, info.ID, storefront.DeleteFromWishlistBody{ProductID: "cast-iron-teapot"}))
		assert.Empty(t, w.Products)
	}},
	{storefronttest.OpDeleteFromWishlist, 400, "no variant → 400", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Wishlist.DeleteFromWishlist(e.ctx, info.ID, storefront.DeleteFromWishlistBody{ProductID: "classic-ceramic-mug"})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpDeleteFromWishlist, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Wishlist.DeleteFromWishlist(e.ctx, "someone", storefront.DeleteFromWishlistBody{ProductID: "x"})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpDeleteFromWishlist, 404, "someone else's → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		_, err := sess.Wishlist.DeleteFromWishlist(e.ctx, e.otherUser(), storefront.DeleteFromWishlistBody{ProductID: "cast-iron-teapot"})
		apiStatus(t, err, 404, "")
	}},

	// list-orders
	{storefronttest.OpListOrders, 200, "the shopper's history", func(t *testing.T, e *cenv) {
		sess, info, o := e.order(item("masala-chai-blend", "", 1))
		l := must(sess.Orders.ListOrders(e.ctx, &storefront.ListOrdersParams{UserID: info.ID}))
		require.Len(t, *l.Orders, 1)
		assert.Equal(t, *o.OrderNumber, *(*l.Orders)[0].OrderNumber)
	}},
	{storefronttest.OpListOrders, 400, "unknown status → 400", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Orders.ListOrders(e.ctx, &storefront.ListOrdersParams{UserID: info.ID, Status: &[]string{"teleported"}})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpListOrders, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.ListOrders(e.ctx, &storefront.ListOrdersParams{UserID: "someone"})
		apiStatus(t, err, 401, "")
	}},

	// create-order
	{storefronttest.OpCreateOrder, 200, "paid by card", func(t *testing.T, e *cenv) {
		_, _, o := e.order(item("masala-chai-blend", "", 1))
		assert.Equal(t, storefront.OrderStatus("confirmed"), *o.Status)
		assertMoney(t, "348", *o.GrandTotal, "299 + 49 delivery")
	}},
	{storefronttest.OpCreateOrder, 400, "cart not ready → 400", func(t *testing.T, e *cenv) {
		sess, _, ct := e.userCart()
		_, err := sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardSuccess)})
		apiStatus(t, err, 400, storefronttest.CodeCartNotReady)
	}},
	{storefronttest.OpCreateOrder, 401, "a visitor → 401", func(t *testing.T, e *cenv) {
		sess, ct := e.cartOf()
		_, err := sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID})
		apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
	}},

	// list-buy-it-again-items
	{storefronttest.OpListBuyItAgainItems, 200, "what was ordered", func(t *testing.T, e *cenv) {
		sess, _, _ := e.order(item("masala-chai-blend", "", 1), item("classic-ceramic-mug", "classic-ceramic-mug-ivory", 1))
		l := must(sess.Orders.ListBuyItAgainItems(e.ctx, nil))
		require.Len(t, l.Items, 2)
		assert.Equal(t, "Ivory", *l.Items[1].VariantName)
	}},
	{storefronttest.OpListBuyItAgainItems, 400, "limit too large → 400", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		_, err := sess.Orders.ListBuyItAgainItems(e.ctx, &storefront.ListBuyItAgainItemsParams{Limit: limit(1000)})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpListBuyItAgainItems, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.ListBuyItAgainItems(e.ctx, nil)
		apiStatus(t, err, 401, "")
	}},

	// get-order-detail
	{storefronttest.OpGetOrderDetail, 200, "with payments and shipments", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		d := must(sess.Orders.GetOrderDetail(e.ctx, *o.OrderNumber)).Order
		require.Len(t, *d.Payments, 1)
		require.Len(t, *d.Shipments, 1)
		assert.True(t, *d.IsCancellationAllowed)
	}},
	{storefronttest.OpGetOrderDetail, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.GetOrderDetail(e.ctx, "NG1")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetOrderDetail, 404, "someone else's → 404", func(t *testing.T, e *cenv) {
		_, _, o := e.order(item("masala-chai-blend", "", 1))
		sess, _, _ := e.user()
		_, err := sess.Orders.GetOrderDetail(e.ctx, *o.OrderNumber)
		apiStatus(t, err, 404, "")
	}},

	// cancel-order
	{storefronttest.OpCancelOrder, 200, "cancelled and refunded", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		c := must(sess.Orders.CancelOrder(e.ctx, *o.OrderNumber, storefront.CancelOrderBody{CancellationReason: "ordered twice", RefundMode: "original-payment-mode"}))
		assert.Equal(t, storefront.OrderDetailStatus("cancelled"), *c.Order.Status)
	}},
	{storefronttest.OpCancelOrder, 400, "shipped already → 400", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		require.NoError(t, e.srv.ShipOrder(*o.OrderNumber))
		_, err := sess.Orders.CancelOrder(e.ctx, *o.OrderNumber, storefront.CancelOrderBody{CancellationReason: "late", RefundMode: "original-payment-mode"})
		apiStatus(t, err, 400, storefronttest.CodeNotCancellable)
	}},
	{storefronttest.OpCancelOrder, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.CancelOrder(e.ctx, "NG1", storefront.CancelOrderBody{CancellationReason: "x", RefundMode: "original-payment-mode"})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpCancelOrder, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Orders.CancelOrder(e.ctx, "NG1", storefront.CancelOrderBody{CancellationReason: "x", RefundMode: "original-payment-mode"})
		apiStatus(t, err, 404, "")
	}},

	// cancel-payment-request
	{storefronttest.OpCancelPaymentRequest, 200, "a pending UPI request", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		ct := e.readyCart(sess, item("masala-chai-blend", "", 1))
		o := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: upiCollect("asha@ybl")})).Order
		require.NoError(t, sess.Orders.CancelPaymentRequest(e.ctx, *o.OrderNumber))
		assert.True(t, must(sess.Orders.GetPaymentStatus(e.ctx, *o.OrderNumber)).IsRetryAvailable)
	}},
	{storefronttest.OpCancelPaymentRequest, 400, "nothing pending → 400", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		apiStatus(t, sess.Orders.CancelPaymentRequest(e.ctx, *o.OrderNumber), 400, storefronttest.CodeInvalidPayment)
	}},
	{storefronttest.OpCancelPaymentRequest, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.endedSession().Orders.CancelPaymentRequest(e.ctx, "NG1"), 401, "")
	}},
	{storefronttest.OpCancelPaymentRequest, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		apiStatus(t, e.session().Orders.CancelPaymentRequest(e.ctx, "NG1"), 404, "")
	}},

	// get-payment-status
	{storefronttest.OpGetPaymentStatus, 200, "paid", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		st := must(sess.Orders.GetPaymentStatus(e.ctx, *o.OrderNumber))
		assert.Equal(t, storefront.GetPaymentStatusContentStatus("success"), st.Status)
		assertMoney(t, "348", st.AmountPaid, "paid")
	}},
	{storefronttest.OpGetPaymentStatus, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.GetPaymentStatus(e.ctx, "NG1")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetPaymentStatus, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Orders.GetPaymentStatus(e.ctx, "NG1")
		apiStatus(t, err, 404, "")
	}},

	// list-order-payments
	{storefronttest.OpListOrderPayments, 200, "one card payment", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		p := *must(sess.Orders.ListOrderPayments(e.ctx, *o.OrderNumber)).Payments
		require.Len(t, p, 1)
		cp := must(p[0].AsCardPayment())
		assert.Equal(t, storefront.CardPaymentCardType("Visa"), *cp.CardType)
	}},
	{storefronttest.OpListOrderPayments, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.ListOrderPayments(e.ctx, "NG1")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListOrderPayments, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Orders.ListOrderPayments(e.ctx, "NG1")
		apiStatus(t, err, 404, "")
	}},

	// list-order-refunds
	{storefronttest.OpListOrderRefunds, 200, "the refund of a cancelled order", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		_ = must(sess.Orders.CancelOrder(e.ctx, *o.OrderNumber, storefront.CancelOrderBody{CancellationReason: "x", RefundMode: "original-payment-mode"}))
		r := *must(sess.Orders.ListOrderRefunds(e.ctx, *o.OrderNumber)).Refunds
		require.Len(t, r, 1)
		assertMoney(t, "348", *r[0].RefundAmount, "everything paid")
	}},
	{storefronttest.OpListOrderRefunds, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.ListOrderRefunds(e.ctx, "NG1")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListOrderRefunds, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Orders.ListOrderRefunds(e.ctx, "NG1")
		apiStatus(t, err, 404, "")
	}},

	// retry-order-payment
	{storefronttest.OpRetryOrderPayment, 200, "after a decline", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		ct := e.readyCart(sess, item("masala-chai-blend", "", 1))
		o := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardDeclined)})).Order
		r := must(sess.Orders.RetryOrderPayment(e.ctx, *o.OrderNumber, storefront.RetryOrderPaymentBody{PaymentMethod: card(storefronttest.TestCardSuccess)}))
		assert.Equal(t, "CHARGED", must(r.PaymentInfo.AsJusPayExpressCheckoutResponse()).Status)
	}},
	{storefronttest.OpRetryOrderPayment, 400, "paid already → 400", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		_, err := sess.Orders.RetryOrderPayment(e.ctx, *o.OrderNumber, storefront.RetryOrderPaymentBody{PaymentMethod: card(storefronttest.TestCardSuccess)})
		apiStatus(t, err, 400, storefronttest.CodeInvalidPayment)
	}},
	{storefronttest.OpRetryOrderPayment, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.RetryOrderPayment(e.ctx, "NG1", storefront.RetryOrderPaymentBody{PaymentMethod: card(storefronttest.TestCardSuccess)})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpRetryOrderPayment, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Orders.RetryOrderPayment(e.ctx, "NG1", storefront.RetryOrderPaymentBody{PaymentMethod: card(storefronttest.TestCardSuccess)})
		apiStatus(t, err, 404, "")
	}},

	// list-order-returns
	{storefronttest.OpListOrderReturns, 200, "one return", func(t *testing.T, e *cenv) {
		sess, n, rn := e.returned()
		r := *must(sess.Orders.ListOrderReturns(e.ctx, n)).Returns
		require.Len(t, r, 1)
		assert.Equal(t, rn, *r[0].RequestNumber)
	}},
	{storefronttest.OpListOrderReturns, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.ListOrderReturns(e.ctx, "NG1")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListOrderReturns, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Orders.ListOrderReturns(e.ctx, "NG1")
		apiStatus(t, err, 404, "")
	}},

	// create-order-return
	{storefronttest.OpCreateOrderReturn, 200, "a teapot back", func(t *testing.T, e *cenv) {
		sess, n, rn := e.returned()
		d := must(sess.Orders.GetOrderReturnDetail(e.ctx, n, rn)).OrderReturn
		assert.Equal(t, storefront.OrderReturnDetailStatus("created"), *d.Status)
		assert.Equal(t, "cracked", *(*d.Items)[0].ReturnReason)
	}},
	{storefronttest.OpCreateOrderReturn, 400, "not delivered → 400", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("cast-iron-teapot", "", 1))
		reason := "cracked"
		_, err := sess.Orders.CreateOrderReturn(e.ctx, *o.OrderNumber, storefront.CreateOrderReturn{RequestedSettlement: "refund",
			Items: []storefront.OrderReturnItem{{ShipmentNumber: "SHP1", ProductID: (*o.OrderItems)[0].ProductID, Quantity: decimalInt(1), ReturnReason: &reason}}})
		apiStatus(t, err, 400, storefronttest.CodeNotReturnable)
	}},
	{storefronttest.OpCreateOrderReturn, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.CreateOrderReturn(e.ctx, "NG1", storefront.CreateOrderReturn{RequestedSettlement: "refund", Items: []storefront.OrderReturnItem{}})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpCreateOrderReturn, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Orders.CreateOrderReturn(e.ctx, "NG1", storefront.CreateOrderReturn{RequestedSettlement: "refund", Items: []storefront.OrderReturnItem{}})
		apiStatus(t, err, 404, "")
	}},

	// get-order-return-detail
	{storefronttest.OpGetOrderReturnDetail, 200, "with its order", func(t *testing.T, e *cenv) {
		sess, n, rn := e.returned()
		d := must(sess.Orders.GetOrderReturnDetail(e.ctx, n, rn)).OrderReturn
		assert.Equal(t, n, d.ReturnOrder.OrderNumber)
		assert.Empty(t, d.Attachments.Images)
	}},
	{storefronttest.OpGetOrderReturnDetail, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.GetOrderReturnDetail(e.ctx, "NG1", "RET1")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetOrderReturnDetail, 404, "unknown return → 404", func(t *testing.T, e *cenv) {
		sess, n, _ := e.returned()
		_, err := sess.Orders.GetOrderReturnDetail(e.ctx, n, "RET1")
		apiStatus(t, err, 404, "")
	}},

	// upload-order-return-attachments
	{storefronttest.OpUploadOrderReturnAttachments, 200, "a photo, listed", func(t *testing.T, e *cenv) {
		sess, n, rn := e.returned()
		require.NoError(t, sess.Orders.UploadOrderReturnAttachments(e.ctx, n, rn, photo()))
		d := must(sess.Orders.GetOrderReturnDetail(e.ctx, n, rn)).OrderReturn
		assert.Len(t, d.Attachments.Images, 1)
	}},
	{storefronttest.OpUploadOrderReturnAttachments, 400, "not an image → 400", func(t *testing.T, e *cenv) {
		sess, n, rn := e.returned()
		err := sess.Orders.UploadOrderReturnAttachments(e.ctx, n, rn, storefront.ReturnAttachments{
			Images: []storefront.Upload{{Body: bytes.NewReader([]byte("just some text")), Filename: "notes.png"}}})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpUploadOrderReturnAttachments, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.endedSession().Orders.UploadOrderReturnAttachments(e.ctx, "NG1", "RET1", photo()), 401, "")
	}},
	{storefronttest.OpUploadOrderReturnAttachments, 404, "unknown return → 404", func(t *testing.T, e *cenv) {
		sess, n, _ := e.returned()
		apiStatus(t, sess.Orders.UploadOrderReturnAttachments(e.ctx, n, "RET1", photo()), 404, "")
	}},

	// cancel-order-return
	{storefronttest.OpCancelOrderReturn, 200, "cancelled before receipt", func(t *testing.T, e *cenv) {
		sess, n, rn := e.returned()
		r := must(sess.Orders.CancelOrderReturn(e.ctx, n, rn, storefront.CancelOrderReturnBody{Reason: "kept it"})).OrderReturn
		assert.Equal(t, storefront.OrderReturnStatus("cancelled"), *r.Status)
	}},
	{storefronttest.OpCancelOrderReturn, 400, "received already → 400", func(t *testing.T, e *cenv) {
		sess, n, rn := e.returned()
		require.NoError(t, e.srv.ReceiveReturn(n, rn))
		_, err := sess.Orders.CancelOrderReturn(e.ctx, n, rn, storefront.CancelOrderReturnBody{Reason: "kept it"})
		apiStatus(t, err, 400, storefronttest.CodeNotCancellable)
	}},
	{storefronttest.OpCancelOrderReturn, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.CancelOrderReturn(e.ctx, "NG1", "RET1", storefront.CancelOrderReturnBody{Reason: "x"})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpCancelOrderReturn, 404, "unknown return → 404", func(t *testing.T, e *cenv) {
		sess, n, _ := e.returned()
		_, err := sess.Orders.CancelOrderReturn(e.ctx, n, "RET1", storefront.CancelOrderReturnBody{Reason: "x"})
		apiStatus(t, err, 404, "")
	}},

	// list-order-shipments
	{storefronttest.OpListOrderShipments, 200, "shipped with tracking", func(t *testing.T, e *cenv) {
		sess, _, o := e.order(item("masala-chai-blend", "", 1))
		require.NoError(t, e.srv.ShipOrder(*o.OrderNumber))
		s := *must(sess.Orders.ListOrderShipments(e.ctx, *o.OrderNumber)).Shipments
		require.Len(t, s, 1)
		assert.Equal(t, storefront.ShipmentStatus("shipped"), *s[0].Status)
		assert.Equal(t, "Delhivery Surface", *s[0].CourierCompanyName)
		assert.NotEmpty(t, *s[0].TrackingURL)
	}},
	{storefronttest.OpListOrderShipments, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Orders.ListOrderShipments(e.ctx, "NG1")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListOrderShipments, 404, "unknown order → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Orders.ListOrderShipments(e.ctx, "NG1")
		apiStatus(t, err, 404, "")
	}},
}

// cartUnreachableFailures are the failure statuses of those groups that no
// request the typed client can send provokes, with the reason.
var cartUnreachableFailures = map[string]map[int]string{
	storefronttest.OpListCoupons:          {400: "its only parameter is the x-customer-group-id header, a free string (an unknown group sees the coupons open to everyone)"},
	storefronttest.OpListPromotions:       {400: "its only parameter is the x-customer-group-id header, a free string; promotions apply to every group"},
	storefronttest.OpRemoveCoupon:         {400: "the operation takes only a cart ID (404 when unknown); removing what is not applied leaves the cart as it is, so a resent DELETE succeeds"},
	storefronttest.OpRemoveCreditBalance:  {400: "the operation takes only a cart ID (404 when unknown); removing what is not applied leaves the cart as it is, so a resent DELETE succeeds"},
	storefronttest.OpRemoveLoyaltyPoints:  {400: "the operation takes only a cart ID (404 when unknown); removing what is not applied leaves the cart as it is, so a resent DELETE succeeds"},
	storefronttest.OpGetJuspayCustomer:    {400: "the operation takes only the user ID in its path: another user's or an unregistered one is a 404"},
	storefronttest.OpListPaymentMethods:   {400: "its only invalid input is a payment_method_type outside the enum, which the validating transport refuses before sending (the middleware answers 400 to a raw request)"},
	storefronttest.OpGetWishlist:          {400: "it takes the user ID in its path and a seller ID, which is a 404 when unknown as in the catalog"},
	storefronttest.OpGetOrderReturnDetail: {400: "the operation takes only the order and return numbers in its path: an unknown one is a 404"},
}
