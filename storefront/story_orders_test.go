package storefront_test

// After the purchase, against the fake server through the SDK and the
// strict validating transport: the shopper of the cart story reads their
// order and its shipments, cancels a second order and sees it refunded,
// returns an item with a photo and sees that refund, saves and corrects an
// address, pauses and resumes a subscription, and finds the points their
// orders earned — and the redemption they made — in their loyalty.

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func TestStoryAfterTheOrder(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	user, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", LastName: "Rao", Email: "asha@example.com",
		Phone: "9876543210", Password: "correct-horse", EmailVerified: true, PhoneVerified: true})
	require.NoError(t, err)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	_, err = sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	require.NoError(t, e.srv.SetLoyaltyPoints(user.ID, decimal.NewFromInt(50)))

	// Two orders: a teapot paid partly with 20 loyalty points, and a mug.
	order := func(product string, points int64) string {
		c, err := sess.Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{
			{ProductID: product, Quantity: decimal.NewFromInt(1)}}})
		require.NoError(t, err)
		e.checkoutReady(t, sess, c.Cart.ID)
		if points > 0 {
			_, err = sess.Cart.RedeemLoyaltyPoints(e.ctx, c.Cart.ID, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: decimal.NewFromInt(points)})
			require.NoError(t, err)
		}
		res, err := sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: c.Cart.ID, PaymentMethod: storyCard(t, storefronttest.TestCardSuccess)})
		require.NoError(t, err)
		return *res.Order.OrderNumber
	}
	first := order("cast-iron-teapot", 20)
	second := order("headphone-carry-case", 0)

	// The order, read back; shipped and delivered, with its shipment's
	// tracking.
	detail, err := sess.Orders.GetOrderDetail(e.ctx, first)
	require.NoError(t, err)
	assert.Equal(t, storefront.OrderDetailStatus("confirmed"), *detail.Order.Status)
	require.NoError(t, e.srv.ShipOrder(first))
	require.NoError(t, e.srv.DeliverOrder(first))
	shipments, err := sess.Orders.ListOrderShipments(e.ctx, first)
	require.NoError(t, err)
	require.Len(t, *shipments.Shipments, 1)
	shipment := (*shipments.Shipments)[0]
	assert.Equal(t, storefront.ShipmentStatus("delivered"), *shipment.Status)
	assert.Contains(t, *shipment.TrackingURL, *shipment.AwbNo)

	// The second order, cancelled before it ships: refunded in full.
	_, err = sess.Orders.CancelOrder(e.ctx, second, storefront.CancelOrderBody{CancellationReason: "ordered twice", RefundMode: "original-payment-mode"})
	require.NoError(t, err)
	cancelled, err := sess.Orders.GetOrderDetail(e.ctx, second)
	require.NoError(t, err)
	assert.Equal(t, storefront.OrderDetailStatus("cancelled"), *cancelled.Order.Status)
	refunds, err := sess.Orders.ListOrderRefunds(e.ctx, second)
	require.NoError(t, err)
	require.Len(t, *refunds.Refunds, 1)
	assert.True(t, (*refunds.Refunds)[0].RefundAmount.Equal(*cancelled.Order.GrandTotal), "the whole order is refunded")

	// A return of the teapot with a photo; received, it is refunded.
	ret, err := sess.Orders.CreateOrderReturn(e.ctx, first, storefront.CreateOrderReturn{RequestedSettlement: "refund",
		Items: []storefront.OrderReturnItem{{ShipmentNumber: *shipment.ReferenceNumber, ProductID: (*detail.Order.OrderItems)[0].ProductID,
			Quantity: decimal.NewFromInt(1), ReturnReason: ptrTo("the lid is cracked")}}})
	require.NoError(t, err)
	rn := *ret.OrderReturn.RequestNumber
	photo := []byte("\x89PNG\r\n\x1a\n a photo of the lid")
	require.NoError(t, sess.Orders.UploadOrderReturnAttachments(e.ctx, first, rn, storefront.ReturnAttachments{
		Images: []storefront.Upload{{Body: bytes.NewReader(photo), Filename: "lid.png"}}}))
	require.NoError(t, e.srv.ReceiveReturn(first, rn))
	returned, err := sess.Orders.GetOrderReturnDetail(e.ctx, first, rn)
	require.NoError(t, err)
	assert.Len(t, returned.OrderReturn.Attachments.Images, 1)
	assert.Equal(t, storefront.OrderReturnDetailStatus("complete"), *returned.OrderReturn.Status)
	refunds, err = sess.Orders.ListOrderRefunds(e.ctx, first)
	require.NoError(t, err)
	assert.Len(t, *refunds.Refunds, 1, "the returned teapot is refunded")

	// An address, saved and corrected.
	cid := user.CustomerID
	saved, err := sess.Customers.CreateAddress(e.ctx, cid, storefront.CustomerAddress{FirstName: "Asha", LastName: ptrTo("Rao"),
		CountryCode: "+91", Phone: "9876543210", Email: "asha@example.com", AddressLine1: "12 MG Road", Pincode: "560001",
		City: "Bengaluru", State: "Karnataka", Country: "India"})
	require.NoError(t, err)
	addr := *saved.Address
	addr.AddressLine1 = "14 MG Road"
	edited, err := sess.Customers.UpdateAddressDetail(e.ctx, cid, *addr.ID, addr)
	require.NoError(t, err)
	assert.Equal(t, "14 MG Road", edited.Address.AddressLine1)
	list, err := sess.Customers.ListAddresses(e.ctx, cid, nil)
	require.NoError(t, err)
	assert.Contains(t, addressLines(*list.Addresses), "14 MG Road")

	// A monthly subscription, paused for a month and resumed by hand.
	product, err := sess.Catalog.GetProductDetail(e.ctx, "darjeeling-first-flush", nil)
	require.NoError(t, err)
	var sub storefront.CreateSubscription
	require.NoError(t, sub.FromCreateStandardSubscription(storefront.CreateStandardSubscription{PlanType: "standard", PlanID: product.Product.Subscription[0].ID}))
	sub.InvoiceItems = []storefront.SubscriptionItemInput{{ProductID: product.Product.ID, VariantID: ptrTo("darjeeling-first-flush-100-g"), Quantity: decimal.NewFromInt(1)}}
	created, err := sess.Subscriptions.CreateSubscription(e.ctx, sub)
	require.NoError(t, err)
	id := created.Subscription.ID
	var pause, resume storefront.UpdateSubscriptionBody
	until := e.srv.Now().AddDate(0, 1, 0)
	require.NoError(t, pause.FromPauseSubscription(storefront.PauseSubscription{Command: "pause", PauseEndDate: &until}))
	paused, err := sess.Subscriptions.UpdateSubscription(e.ctx, id, pause)
	require.NoError(t, err)
	assert.Equal(t, storefront.SubscriptionDetailStatus("paused"), paused.Subscription.Status)
	today := e.srv.Now()
	require.NoError(t, resume.FromPauseSubscription(storefront.PauseSubscription{Command: "pause", PauseEndDate: &today}))
	resumed, err := sess.Subscriptions.UpdateSubscription(e.ctx, id, resume)
	require.NoError(t, err)
	assert.Equal(t, storefront.SubscriptionDetailStatus("active"), resumed.Subscription.Status, "a pause ending today resumes it")

	// Loyalty: 50 points, 20 redeemed on the teapot; each paid order
	// earned points, and the cancelled one's were taken back.
	loyalty, err := sess.Customers.GetLoyaltyDetails(e.ctx, cid)
	require.NoError(t, err)
	assert.True(t, loyalty.Loyalty.PointsBalance.Equal(e.srv.LoyaltyPoints(user.ID)))
	activity, err := sess.Customers.ListLoyaltyActivities(e.ctx, cid, nil)
	require.NoError(t, err)
	var kinds []string
	for _, a := range *activity.LoyaltyPointsActivity {
		kinds = append(kinds, string(*a.Activity)+" "+map[bool]string{true: "+", false: "-"}[*a.Action == "add"]+a.LoyaltyPoints.String())
	}
	// Newest first: the cancelled order's points taken back, the points
	// the two orders earned (1 per full ₹100), the redemption, the bonus.
	assert.Equal(t, []string{"other -7", "order-placed +7", "order-placed +18", "order-placed -20", "bonus +50"}, kinds)
	assert.True(t, decimal.NewFromInt(50-20+18+7-7).Equal(*loyalty.Loyalty.PointsBalance))
	assert.Positive(t, loyalty.Loyalty.TotalSpent.Sign(), "the teapot's order counts, the cancelled one not")
}

func addressLines(as []*storefront.CustomerAddress) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.AddressLine1)
	}
	return out
}
