package storefront_test

// A shopper's whole purchase against the fake server, through the SDK and
// the strict validating transport: anonymous visitor → two products → a
// coupon → log in (the cart is kept) → address → delivery → payment →
// order, with every total checked against a hand computation; then a
// declined payment retried, and a payment that needs an OTP.

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// storyEnv is a fake server and a client whose every exchange is checked
// against openapi.yaml.
type storyEnv struct {
	srv    *storefronttest.Server
	client *storefront.Client
	ctx    context.Context
}

func newStoryEnv(t *testing.T) *storyEnv {
	t.Helper()
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	t.Cleanup(srv.Close)
	vt := api.NewTransport(nil, api.Strict)
	t.Cleanup(func() { assert.NoError(t, vt.Err(), "an exchange departed from openapi.yaml") })
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()),
		storefront.WithHTTPClient(&http.Client{Transport: vt}), storefront.WithClock(srv.Now))
	require.NoError(t, err)
	return &storyEnv{srv: srv, client: client, ctx: context.Background()}
}

// money asserts a decimal against a hand-computed amount.
func money(t *testing.T, want string, got decimal.Decimal, what string) {
	t.Helper()
	assert.True(t, decimal.MustParse(want).Equal(got), "%s: want %s, got %s", what, want, got)
}

func storyJSON[T any](t *testing.T, raw string) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(raw), &v))
	return v
}

func storyCard(t *testing.T, number string) *storefront.PaymentMethodPayload {
	p := storyJSON[storefront.PaymentMethodPayload](t, `{"payment_provider_slug":"juspay","integration_type":"express-checkout",
		"return_url":"https://shop.example.com/return","payment_method_type":"CARD","save_to_locker":false,
		"card_number":"`+number+`","card_exp_month":"12","card_exp_year":"2099","name_on_card":"Asha Rao","card_security_code":"123"}`)
	return &p
}

const storyAddress = `{"first_name":"Asha","last_name":"Rao","country_code":"+91","phone":"9876543210","email":"asha@example.com",
"address_line1":"12 Residency Road","address_line2":null,"landmark":"Near the museum","pincode":"560001","city":"Bengaluru",
"state":"Karnataka","country":"India","tax_identification_number":null,"business_name":null,"nickname":"Home"}`

// checkoutReady logs nobody in: it fills sess's cart with an address and
// express delivery of the store's shipment.
func (e *storyEnv) checkoutReady(t *testing.T, sess *storefront.Session, cartID string) storefront.Cart {
	t.Helper()
	_, err := sess.Cart.CreateCartAddress(e.ctx, cartID, storyJSON[storefront.CreateCartAddressBody](t,
		`{"billing_address":`+storyAddress+`,"shipping_address":`+storyAddress+`}`))
	require.NoError(t, err)
	c, err := sess.Cart.UpdateFulfillmentPreference(e.ctx, cartID, storyJSON[storefront.FulfillmentPreference](t,
		`{"fulfillment_type":"delivery","shipments":[{"id":"`+storefronttest.ShipmentStore+`","shipping_provider_id":"`+storefronttest.ShippingProvider+
			`","courier_company_id":"`+storefronttest.CourierExpress+`"}]}`))
	require.NoError(t, err)
	return *c.Cart
}

func TestStoryCartToOrder(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	user, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", LastName: "Rao", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)

	// An anonymous visitor adds two products.
	sess := e.client.NewSession(storefront.NewMemoryStore())
	visitor, err := sess.Auth.Anonymous(e.ctx)
	require.NoError(t, err)
	created, err := sess.Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{
		{ProductID: "darjeeling-first-flush", VariantID: ptrTo("darjeeling-first-flush-100-g"), Quantity: decimal.NewFromInt(1)},
	}})
	require.NoError(t, err)
	cartID := created.Cart.ID
	_, err = sess.Cart.UpdateCart(e.ctx, cartID, storefront.UpdateCartItem{ProductID: "classic-ceramic-mug", VariantID: ptrTo("classic-ceramic-mug-terracotta"), Quantity: decimal.NewFromInt(1)})
	require.NoError(t, err)

	// WELCOME10. By hand:
	//   tea  450, 10% promotion: −45 → 405
	//   mug  349
	//   items after promotions 754 (≥ 500, the coupon's minimum)
	//   coupon 10% of 754 = 75.40, shared: tea 75.40×405/754 = 40.50, mug 34.90
	//   nets: tea 364.50, GST 5% inside = 17.357… → 17.36; mug 314.10, GST 12% inside = 33.653… → 33.65
	c, err := sess.Cart.ApplyCoupon(e.ctx, cartID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
	require.NoError(t, err)
	tea, mug := c.Cart.CartItems[0], c.Cart.CartItems[1]
	money(t, "45", tea.PromotionDiscountAmount, "tea promotion")
	money(t, "40.50", tea.CouponDiscountAmount, "tea's coupon share")
	money(t, "34.90", mug.CouponDiscountAmount, "mug's coupon share")
	money(t, "17.36", tea.TaxAmount, "tea tax")
	money(t, "33.65", mug.TaxAmount, "mug tax")
	money(t, "75.40", c.Cart.CouponDiscountAmount, "coupon")

	// Logging in keeps the cart: the visitor's cart is the user's now.
	login, err := sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	require.Equal(t, user.ID, login.User.ID)
	require.NotEqual(t, visitor.User.ID, login.User.ID)
	mine, err := sess.Cart.GetUserCart(e.ctx, user.ID)
	require.NoError(t, err)
	assert.Equal(t, cartID, mine.Cart.ID)
	assert.Len(t, mine.Cart.CartItems, 2)
	assert.Equal(t, storefronttest.CouponWelcome10, *mine.Cart.CouponCode)

	// Address and express delivery: 99 with 18% GST inside (15.10),
	// charged: the items come to less than ₹999.
	ready := e.checkoutReady(t, sess, cartID)
	// subtotal with tax 364.50 + 314.10 = 678.60; items tax 17.36 + 33.65 = 51.01;
	// subtotal 627.59; grand total 678.60 + 99 = 777.60; total tax 51.01 + 15.10 = 66.11.
	money(t, "678.60", ready.SubtotalIncludingTax, "subtotal with tax")
	money(t, "51.01", ready.ItemsTaxAmount, "items tax")
	money(t, "627.59", ready.Subtotal, "subtotal")
	money(t, "99", *ready.ShippingAmountIncludingTax, "delivery")
	money(t, "15.10", *ready.ShippingTaxAmount, "delivery tax")
	money(t, "777.60", ready.GrandTotal, "grand total")
	money(t, "66.11", ready.TotalTax, "total tax")
	money(t, "777.60", ready.ToBePaid, "to be paid")
	money(t, "7", ready.LoyaltyPointsEarned, "a point per full ₹100")
	assert.Equal(t, storefront.CartStatus("ready-for-payment"), ready.Status)

	// Pay: the order is created, paid and confirmed, and the cart is gone.
	res, err := sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: cartID, PaymentMethod: storyCard(t, storefronttest.TestCardSuccess)})
	require.NoError(t, err)
	o := res.Order
	assert.True(t, res.PaymentRequired)
	assert.Equal(t, storefront.OrderStatus("confirmed"), *o.Status)
	money(t, "777.60", *o.GrandTotal, "order total")
	money(t, "66.11", *o.TotalTax, "order tax")
	money(t, "75.40", *o.CouponDiscountAmount, "order coupon")
	assert.Equal(t, storefronttest.CouponWelcome10, *o.CouponCode)
	require.Len(t, *o.OrderItems, 2)
	money(t, "777.60", mustDo(sess.Orders.GetPaymentStatus(e.ctx, *o.OrderNumber)).AmountPaid, "paid")
	money(t, "7", e.srv.LoyaltyPoints(user.ID), "points earned")
	_, err = sess.Cart.GetCart(e.ctx, cartID)
	require.ErrorIs(t, err, storefront.ErrNotFound)
	history, err := sess.Orders.ListOrders(e.ctx, &storefront.ListOrdersParams{UserID: user.ID})
	require.NoError(t, err)
	require.Len(t, *history.Orders, 1)
	assert.Equal(t, *o.OrderNumber, *(*history.Orders)[0].OrderNumber)
}

func TestStoryDeclinedPaymentThenOTP(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	_, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Ravi", Email: "ravi@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	_, err = sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: "ravi@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	newCart := func() string {
		c, err := sess.Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{{ProductID: "headphone-carry-case", Quantity: decimal.NewFromInt(1)}}})
		require.NoError(t, err)
		e.checkoutReady(t, sess, c.Cart.ID)
		return c.Cart.ID
	}

	// Declined: the order waits for another payment; the retry pays it.
	res, err := sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: newCart(), PaymentMethod: storyCard(t, storefronttest.TestCardDeclined)})
	require.NoError(t, err)
	n := *res.Order.OrderNumber
	assert.Equal(t, storefront.OrderPaymentStatus("failed"), *res.Order.PaymentStatus)
	st := mustDo(sess.Orders.GetPaymentStatus(e.ctx, n))
	assert.True(t, st.IsRetryAvailable)
	money(t, "798", st.AmountUnpaid, "699 + 99 delivery")
	_, err = sess.Orders.RetryOrderPayment(e.ctx, n, storefront.RetryOrderPaymentBody{PaymentMethod: storyCard(t, storefronttest.TestCardSuccess)})
	require.NoError(t, err)
	assert.Equal(t, storefront.GetPaymentStatusContentStatus("success"), mustDo(sess.Orders.GetPaymentStatus(e.ctx, n)).Status)

	// OTP: pending until the bank's code is given.
	res, err = sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: newCart(), PaymentMethod: storyCard(t, storefronttest.TestCardOTP)})
	require.NoError(t, err)
	info, err := res.PaymentInfo.AsJusPayExpressCheckoutResponse()
	require.NoError(t, err)
	require.NotNil(t, info.Payment.Authentication)
	challenge := *info.Payment.Authentication.Params.ChallengeID
	assert.Equal(t, storefront.OrderStatus("draft"), *res.Order.Status)
	err = sess.Payments.AuthenticateDirectOTP(e.ctx, storefront.AuthenticateDirectOTPBody{TxnID: info.TxnID, ChallengeID: challenge, OTP: "654321"})
	require.ErrorIs(t, err, storefront.ErrBadRequest)
	require.NoError(t, sess.Payments.AuthenticateDirectOTP(e.ctx, storefront.AuthenticateDirectOTPBody{TxnID: info.TxnID, ChallengeID: challenge, OTP: storefronttest.TestPaymentOTP}))
	d, err := sess.Orders.GetOrderDetail(e.ctx, *res.Order.OrderNumber)
	require.NoError(t, err)
	assert.Equal(t, storefront.OrderDetailStatus("confirmed"), *d.Order.Status)
}

// mustDo returns v, or panics with err.
func mustDo[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
