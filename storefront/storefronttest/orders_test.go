package storefronttest_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Checkout, payments and the order's life.

func TestCheckoutPaysAndEmptiesTheCart(t *testing.T) {
	e := newCEnv(t)
	sess, info, _ := e.user()
	ct := e.readyCart(sess, item("cast-iron-teapot", "", 2)) // 2 × 1899 = 3798, free delivery
	res := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardSuccess)}))
	assert.True(t, res.PaymentRequired)
	o := res.Order
	assert.Equal(t, storefront.OrderStatus("confirmed"), *o.Status)
	assert.Equal(t, storefront.OrderPaymentStatus("success"), *o.PaymentStatus)
	assertMoney(t, "3798", *o.GrandTotal, "grand total")
	info2, err := res.PaymentInfo.AsJusPayExpressCheckoutResponse()
	require.NoError(t, err)
	assert.Equal(t, "CHARGED", info2.Status)
	assert.Equal(t, *o.OrderNumber, info2.OrderID)

	_, err = sess.Cart.GetCart(e.ctx, ct.ID)
	apiStatus(t, err, 404, "")
	_, err = sess.Cart.GetUserCart(e.ctx, info.ID)
	apiStatus(t, err, 404, "")
	// The stock went: 5 − 2 = 3.
	c := e.newCart(sess, item("cast-iron-teapot", "", 3))
	_, err = sess.Cart.UpdateCart(e.ctx, c.ID, item("cast-iron-teapot", "", 4))
	apiStatus(t, err, 400, storefronttest.CodeInsufficientStock)
	// 1 point per full ₹100: 37.
	assertMoney(t, "37", e.srv.LoyaltyPoints(info.ID), "points earned")
	st := must(sess.Orders.GetPaymentStatus(e.ctx, *o.OrderNumber))
	assert.Equal(t, storefront.GetPaymentStatusContentStatus("success"), st.Status)
	assertMoney(t, "3798", st.AmountPaid, "paid")
	assertMoney(t, "0", st.AmountUnpaid, "unpaid")
}

func TestCheckoutRefusesACartThatIsNotReady(t *testing.T) {
	e := newCEnv(t)
	sess, _, _ := e.user()
	ct := e.newCart(sess, item("cast-iron-teapot", "", 1))
	_, err := sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardSuccess)})
	apiStatus(t, err, 400, storefronttest.CodeCartNotReady)
	ct = e.readyCart(sess, item("cast-iron-teapot", "", 1))
	_, err = sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID})
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	_, err = sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card("4111111111111112")})
	apiStatus(t, err, 400, storefronttest.CodeInvalidPayment)
	// Visitors log in first.
	v := e.session()
	vc := e.newCart(v, item("cast-iron-teapot", "", 1))
	_, err = v.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: vc.ID, PaymentMethod: card(storefronttest.TestCardSuccess)})
	apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
}

func TestPaymentDeclinedThenRetried(t *testing.T) {
	e := newCEnv(t)
	sess, info, _ := e.user()
	ct := e.readyCart(sess, item("cast-iron-teapot", "", 1))
	res := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardDeclined)}))
	n := *res.Order.OrderNumber
	assert.Equal(t, storefront.OrderStatus("draft"), *res.Order.Status)
	assert.Equal(t, storefront.OrderPaymentStatus("failed"), *res.Order.PaymentStatus)
	st := must(sess.Orders.GetPaymentStatus(e.ctx, n))
	assert.True(t, st.IsRetryAvailable)
	assertMoney(t, "1899", st.AmountUnpaid, "unpaid")
	assertMoney(t, "0", e.srv.LoyaltyPoints(info.ID), "no points before payment")

	_ = must(sess.Orders.RetryOrderPayment(e.ctx, n, storefront.RetryOrderPaymentBody{PaymentMethod: card(storefronttest.TestCardSuccess)}))
	d := must(sess.Orders.GetOrderDetail(e.ctx, n)).Order
	assert.Equal(t, storefront.OrderDetailStatus("confirmed"), *d.Status)
	require.Len(t, *d.Payments, 2)
	p1, _ := (*d.Payments)[0].AsCardPayment()
	p2, _ := (*d.Payments)[1].AsCardPayment()
	assert.Equal(t, storefront.CardPaymentPaymentStatus("failed"), *p1.PaymentStatus)
	assert.Equal(t, storefront.CardPaymentPaymentStatus("success"), *p2.PaymentStatus)
	assert.Equal(t, "XXXX XXXX XXXX 1111", *p2.CardNumber, "masked")
	assertMoney(t, "18", e.srv.LoyaltyPoints(info.ID), "points once paid")
	_, err := sess.Orders.RetryOrderPayment(e.ctx, n, storefront.RetryOrderPaymentBody{PaymentMethod: card(storefronttest.TestCardSuccess)})
	apiStatus(t, err, 400, storefronttest.CodeInvalidPayment)
}

func TestPaymentWithOTP(t *testing.T) {
	e := newCEnv(t)
	sess, _, _ := e.user()
	ct := e.readyCart(sess, item("cast-iron-teapot", "", 1))
	res := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardOTP)}))
	n := *res.Order.OrderNumber
	assert.Equal(t, storefront.OrderPaymentStatus("pending"), *res.Order.PaymentStatus)
	info := must(res.PaymentInfo.AsJusPayExpressCheckoutResponse())
	assert.Equal(t, "PENDING_VBV", info.Status)
	auth := info.Payment.Authentication
	require.NotNil(t, auth)
	challenge := *auth.Params.ChallengeID

	err := sess.Payments.AuthenticateDirectOTP(e.ctx, storefront.AuthenticateDirectOTPBody{TxnID: info.TxnID, ChallengeID: challenge, OTP: "000000"})
	apiStatus(t, err, 400, storefronttest.CodeInvalidOTP)
	again := must(sess.Payments.ResendDirectOTP(e.ctx, storefront.ResendDirectOTPBody{TxnID: info.TxnID, ChallengeID: challenge}))
	assert.Equal(t, info.TxnID, again.PaymentInfo.TxnID)
	require.NoError(t, sess.Payments.AuthenticateDirectOTP(e.ctx, storefront.AuthenticateDirectOTPBody{TxnID: info.TxnID, ChallengeID: challenge, OTP: storefronttest.TestPaymentOTP}))
	assert.Equal(t, storefront.GetPaymentStatusContentStatus("success"), must(sess.Orders.GetPaymentStatus(e.ctx, n)).Status)
	err = sess.Payments.AuthenticateDirectOTP(e.ctx, storefront.AuthenticateDirectOTPBody{TxnID: info.TxnID, ChallengeID: challenge, OTP: storefronttest.TestPaymentOTP})
	apiStatus(t, err, 400, storefronttest.CodeInvalidPayment)

	// Three wrong codes fail the payment.
	ct = e.readyCart(sess, item("cast-iron-teapot", "", 1))
	res = must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardOTP)}))
	info = must(res.PaymentInfo.AsJusPayExpressCheckoutResponse())
	for i := range storefronttest.MaxOTPAttempts {
		err = sess.Payments.AuthenticateDirectOTP(e.ctx, storefront.AuthenticateDirectOTPBody{TxnID: info.TxnID, ChallengeID: *info.Payment.Authentication.Params.ChallengeID, OTP: "999999"})
		code := storefronttest.CodeInvalidOTP
		if i == storefronttest.MaxOTPAttempts-1 {
			code = storefronttest.CodeTooManyAttempts
		}
		apiStatus(t, err, 400, code)
	}
	assert.Equal(t, storefront.GetPaymentStatusContentStatus("failed"), must(sess.Orders.GetPaymentStatus(e.ctx, *res.Order.OrderNumber)).Status)
}

func TestPendingPaymentsSettleOrAreCancelled(t *testing.T) {
	e := newCEnv(t)
	sess, _, _ := e.user()
	ct := e.readyCart(sess, item("cast-iron-teapot", "", 1))
	res := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: upiCollect("asha.rao@okhdfcbank")}))
	n := *res.Order.OrderNumber
	assert.Equal(t, storefront.OrderPaymentStatus("pending"), *res.Order.PaymentStatus)
	_, err := sess.Orders.RetryOrderPayment(e.ctx, n, storefront.RetryOrderPaymentBody{PaymentMethod: card(storefronttest.TestCardSuccess)})
	apiStatus(t, err, 400, storefronttest.CodeInvalidPayment)
	require.NoError(t, sess.Orders.CancelPaymentRequest(e.ctx, n))
	apiStatus(t, sess.Orders.CancelPaymentRequest(e.ctx, n), 400, storefronttest.CodeInvalidPayment)
	_ = must(sess.Orders.RetryOrderPayment(e.ctx, n, storefront.RetryOrderPaymentBody{PaymentMethod: upiCollect("asha.rao@okhdfcbank")}))
	require.NoError(t, e.srv.CompletePayment(n, true))
	assert.Equal(t, storefront.OrderDetailStatus("confirmed"), *must(sess.Orders.GetOrderDetail(e.ctx, n)).Order.Status)
	require.Error(t, e.srv.CompletePayment(n, true), "nothing pending")

	// The payment page (hyper checkout).
	ct = e.readyCart(sess, item("cast-iron-teapot", "", 1))
	res = must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: paymentMethod(map[string]any{
		"payment_provider_slug": "juspay", "integration_type": "hyper-checkout", "return_url": "https://shop.example.com/r", "action": "paymentPage"})}))
	hyper := must(res.PaymentInfo.AsJusPayHyperCheckoutResponse())
	assert.Contains(t, *hyper.PaymentLinks.Web, *res.Order.OrderNumber)
	require.NoError(t, e.srv.CompletePayment(*res.Order.OrderNumber, false))
	assert.True(t, must(sess.Orders.GetPaymentStatus(e.ctx, *res.Order.OrderNumber)).IsRetryAvailable)
}

// An order covered by points and credit needs no payment.
func TestOrderWithNothingToPay(t *testing.T) {
	e := newCEnv(t)
	sess, info, _ := e.user()
	require.NoError(t, e.srv.SetCreditBalance(info.ID, dec("5000")))
	ct := e.readyCart(sess, item("cast-iron-teapot", "", 1))
	_ = must(sess.Cart.RedeemCreditBalance(e.ctx, ct.ID, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: dec("1899")}))
	res := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID}))
	assert.False(t, res.PaymentRequired)
	assert.Equal(t, storefront.OrderStatus("confirmed"), *res.Order.Status)
	assertMoney(t, "3101", e.srv.CreditBalance(info.ID), "5000 − 1899")
}

func TestOrderLifeShipmentsReturnsAndRefunds(t *testing.T) {
	e := newCEnv(t)
	sess, o, shipments := e.deliveredOrder(item("cast-iron-teapot", "", 2), item("masala-chai-blend", "", 1))
	n := *o.OrderNumber
	require.Len(t, shipments, 1)
	sh := shipments[0]
	assert.Equal(t, storefront.ShipmentStatus("delivered"), *sh.Status)
	assert.NotEmpty(t, *sh.AwbNo)
	assert.Contains(t, *sh.TrackingURL, *sh.AwbNo)
	assert.True(t, sh.IsReturnAllowed)

	// Cancel is too late now.
	_, err := sess.Orders.CancelOrder(e.ctx, n, storefront.CancelOrderBody{CancellationReason: "late", RefundMode: "original-payment-mode"})
	apiStatus(t, err, 400, storefronttest.CodeNotCancellable)

	teapot := (*o.OrderItems)[0].ProductID
	ret := func(qty int64, reason string) (*storefront.CreateOrderReturnContent, error) {
		return sess.Orders.CreateOrderReturn(e.ctx, n, storefront.CreateOrderReturn{RequestedSettlement: "refund",
			Items: []storefront.OrderReturnItem{{ShipmentNumber: *sh.ReferenceNumber, ProductID: teapot, Quantity: decimalInt(qty), ReturnReason: &reason}}})
	}
	_, err = ret(3, "cracked")
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	_, err = ret(1, " ")
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	r := must(ret(1, "cracked lid")).OrderReturn
	rn := *r.RequestNumber
	assert.Equal(t, storefront.OrderReturnStatus("created"), *r.Status)

	// A photo, then receipt: the refund is the item's net price.
	require.NoError(t, sess.Orders.UploadOrderReturnAttachments(e.ctx, n, rn, storefront.ReturnAttachments{
		Images: []storefront.Upload{{Body: bytes.NewReader(pngPhoto), Filename: "lid.png"}}}))
	d := must(sess.Orders.GetOrderReturnDetail(e.ctx, n, rn)).OrderReturn
	require.NotNil(t, d.Attachments)
	require.Len(t, d.Attachments.Images, 1)
	assert.Contains(t, d.Attachments.Images[0], rn)
	require.NoError(t, e.srv.ReceiveReturn(n, rn))
	_, err = sess.Orders.CancelOrderReturn(e.ctx, n, rn, storefront.CancelOrderReturnBody{Reason: "too late"})
	apiStatus(t, err, 400, storefronttest.CodeNotCancellable)
	d = must(sess.Orders.GetOrderReturnDetail(e.ctx, n, rn)).OrderReturn
	assert.Equal(t, storefront.OrderReturnDetailStatus("complete"), *d.Status)
	require.NotNil(t, d.Refund)
	require.Len(t, *d.Refund, 1)
	assertMoney(t, "1899", *(*d.Refund)[0].RefundAmount, "one teapot")
	refunds := *must(sess.Orders.ListOrderRefunds(e.ctx, n)).Refunds
	require.Len(t, refunds, 1)
	assert.Equal(t, storefront.OrderRefundStatus("approved"), *refunds[0].Status)
	e.srv.Advance(storefronttest.RefundSettleAfter)
	refunds = *must(sess.Orders.ListOrderRefunds(e.ctx, n)).Refunds
	assert.Equal(t, storefront.OrderRefundStatus("success"), *refunds[0].Status)

	// One teapot is left to return; the window closes with the clock.
	_, err = ret(2, "cracked")
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	r2 := must(ret(1, "changed my mind")).OrderReturn
	_ = must(sess.Orders.CancelOrderReturn(e.ctx, n, *r2.RequestNumber, storefront.CancelOrderReturnBody{Reason: "kept it"}))
	e.srv.Advance(storefronttest.ReturnWindow)
	_, err = ret(1, "changed my mind")
	apiStatus(t, err, 400, storefronttest.CodeNotReturnable)
	assert.Len(t, *must(sess.Orders.ListOrderReturns(e.ctx, n)).Returns, 2)
}

func TestCancelAPaidOrderRefundsIt(t *testing.T) {
	e := newCEnv(t)
	sess, _, o := e.order(item("cast-iron-teapot", "", 1))
	n := *o.OrderNumber
	_, err := sess.Orders.CancelOrder(e.ctx, n, storefront.CancelOrderBody{CancellationReason: "x", RefundMode: "bank-transfer"})
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	c := must(sess.Orders.CancelOrder(e.ctx, n, storefront.CancelOrderBody{CancellationReason: "ordered twice", RefundMode: "original-payment-mode"}))
	assert.Equal(t, storefront.OrderDetailStatus("cancelled"), *c.Order.Status)
	assertMoney(t, "1899", *c.Order.CancellationRefundDetails.RefundableAmount, "refundable")
	refunds := *must(sess.Orders.ListOrderRefunds(e.ctx, n)).Refunds
	require.Len(t, refunds, 1)
	assertMoney(t, "1899", *refunds[0].RefundAmount, "refund")
	_, err = sess.Orders.CancelOrder(e.ctx, n, storefront.CancelOrderBody{CancellationReason: "again", RefundMode: "original-payment-mode"})
	apiStatus(t, err, 400, storefronttest.CodeNotCancellable)
	// The stock is back: all 5 teapots.
	_ = e.newCart(e.session(), item("cast-iron-teapot", "", 5))
}

func TestOrderHistoryPagesAndFilters(t *testing.T) {
	e := newCEnv(t)
	sess, info, _ := e.user()
	var numbers []string
	for range 3 {
		ct := e.readyCart(sess, item("masala-chai-blend", "", 1))
		res := must(sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardSuccess)}))
		numbers = append(numbers, *res.Order.OrderNumber)
		e.srv.Advance(time.Minute)
	}
	_ = must(sess.Orders.CancelOrder(e.ctx, numbers[1], storefront.CancelOrderBody{CancellationReason: "x", RefundMode: "original-payment-mode"}))
	page := must(sess.Orders.ListOrders(e.ctx, &storefront.ListOrdersParams{UserID: info.ID, Limit: limit(2)}))
	require.Len(t, *page.Orders, 2)
	assert.Equal(t, numbers[2], *(*page.Orders)[0].OrderNumber, "newest first")
	assert.Equal(t, 3, page.Pagination.TotalRecords)
	var all []string
	for o, err := range sess.Orders.ListOrdersAll(e.ctx, &storefront.ListOrdersParams{UserID: info.ID, Limit: limit(1)}) {
		require.NoError(t, err)
		all = append(all, *o.OrderNumber)
	}
	assert.Equal(t, []string{numbers[2], numbers[1], numbers[0]}, all)
	cancelled := must(sess.Orders.ListOrders(e.ctx, &storefront.ListOrdersParams{UserID: info.ID, Status: &[]string{"cancelled"}}))
	require.Len(t, *cancelled.Orders, 1)
	assert.Equal(t, numbers[1], *(*cancelled.Orders)[0].OrderNumber)
	_, err := sess.Orders.ListOrders(e.ctx, &storefront.ListOrdersParams{UserID: info.ID, Status: &[]string{"lost"}})
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	_, err = sess.Orders.ListOrders(e.ctx, &storefront.ListOrdersParams{UserID: e.otherUser()})
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)

	again := must(sess.Orders.ListBuyItAgainItems(e.ctx, nil))
	require.Len(t, again.Items, 1, "each SKU once")
	assertMoney(t, "299", again.Items[0].SellingPrice, "today's price")
}

// The catalog's reviews take orders placed at checkout.
func TestReviewsTakeCheckoutOrders(t *testing.T) {
	e := newCEnv(t)
	sess, info, o := e.order(item("masala-chai-blend", "", 1))
	status, code := e.postReview(sess, "masala-chai-blend", false, reviewForm{userID: info.ID, order: *o.OrderNumber, rating: "5", text: "Lovely"})
	assert.Equal(t, 200, status, code)
	status, code = e.postReview(sess, "cast-iron-teapot", false, reviewForm{userID: info.ID, order: *o.OrderNumber, rating: "5"})
	assert.Equal(t, 400, status)
	assert.Equal(t, storefronttest.CodeNotPurchased, code)
}

func TestWishlistIsIdempotent(t *testing.T) {
	e := newCEnv(t)
	sess, info, _ := e.user()
	add := storefront.AddToWishlistBody{ProductID: "aurora-wireless-headphones", VariantID: ptr("aurora-wireless-headphones-pearl-white")}
	_ = must(sess.Wishlist.AddToWishlist(e.ctx, info.ID, add))
	list := must(sess.Wishlist.AddToWishlist(e.ctx, info.ID, add)).Products
	require.Len(t, list, 1, "added twice, kept once")
	assert.Equal(t, "Pearl White", *list[0].VariantName)
	_ = must(sess.Wishlist.AddToWishlist(e.ctx, info.ID, storefront.AddToWishlistBody{ProductID: "pixel-wireless-earbuds"}))
	mine := must(sess.Wishlist.GetWishlist(e.ctx, info.ID, &storefront.GetWishlistParams{SellerID: ptr(storefronttest.SeededSellerGadgets)})).Products
	require.Len(t, mine, 1)
	assert.Equal(t, "Pixel Wireless Earbuds", mine[0].ProductName)
	list = must(sess.Wishlist.DeleteFromWishlist(e.ctx, info.ID, storefront.DeleteFromWishlistBody{ProductID: "pixel-wireless-earbuds"})).Products
	assert.Len(t, list, 1)
	_, err := sess.Wishlist.GetWishlist(e.ctx, e.otherUser(), nil)
	apiStatus(t, err, 404, "")
}
