package storefronttest_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// The point of sale beyond one operation at a time: one cart engine for
// both channels, the staff session's tokens kept apart from the
// shopper's, devices and refresh tokens under contention, and the test
// helpers that add to the seed.

// TestPOSCartIsPricedByTheStorefrontEngine: a customer in the wholesale
// group gets the same lines, promotions, coupon and totals at the counter
// as online, and the counter sale takes the same stock and earns the same
// points.
func TestPOSCartIsPricedByTheStorefrontEngine(t *testing.T) {
	e := newCEnv(t)
	shopper, info, p := e.user()
	require.NoError(t, e.srv.SetCustomerGroup(info.ID, storefronttest.SeededGroupWholesale))
	items := []storefront.UpdateCartItem{item("aurora-wireless-headphones", "aurora-wireless-headphones-midnight-black", 1),
		item("darjeeling-first-flush", "darjeeling-first-flush-100-g", 2)}

	online := e.newCart(shopper, items...)
	online = must(shopper.Cart.ApplyCoupon(e.ctx, online.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})).Cart

	cashier := e.cashier()
	pos := e.posCart(cashier, items...)
	before := pos.GrandTotal
	_ = must(cashier.Cart.UpdateCartCustomer(e.ctx, pos.ID, byPhone(p.Phone, "", "")))
	pos = must(cashier.Cart.ApplyCoupon(e.ctx, pos.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})).Cart

	assert.Equal(t, online.CartItems, pos.CartItems, "the wholesale prices and the promotion, line by line")
	assert.Equal(t, online.AppliedPromotions, pos.AppliedPromotions)
	assert.Equal(t, online.AppliedCoupons, pos.AppliedCoupons)
	for name, pair := range map[string][2]any{
		"subtotal": {online.SubtotalIncludingTax, pos.SubtotalIncludingTax}, "coupon": {online.CouponDiscountAmount, pos.CouponDiscountAmount},
		"tax": {online.ItemsTaxAmount, pos.ItemsTaxAmount}, "points": {online.LoyaltyPointsEarned, pos.LoyaltyPointsEarned},
	} {
		assert.Equal(t, pair[0], pair[1], name)
	}
	assert.True(t, pos.GrandTotal.LessThan(before), "linking the wholesale customer repriced the cart")

	res := must(cashier.Orders.CreateOrder(e.ctx, posOrder(pos.ID, storefront.PosPaymentModeCASH)))
	orders := must(shopper.Orders.ListOrders(e.ctx, &storefront.ListOrdersParams{UserID: info.ID}))
	require.NotNil(t, orders.Orders)
	require.Len(t, *orders.Orders, 1, "the counter sale is the customer's order")
	assert.Equal(t, *res.Order.OrderNumber, *(*orders.Orders)[0].OrderNumber)
	assert.Equal(t, *res.Order.LoyaltyPointsEarned, e.srv.LoyaltyPoints(info.ID), "points credited once paid")
	_, err := shopper.Cart.ApplyCoupon(e.ctx, online.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
	apiStatus(t, err, 400, storefronttest.CodeInvalidCoupon) // once per customer: the counter sale used it
}

// TestPOSAndStorefrontTokensAreKeptApart: a staff token works on /pos
// only, a shopper's everywhere but /pos, and each refresh operation takes
// only its own kind of refresh token.
func TestPOSAndStorefrontTokensAreKeptApart(t *testing.T) {
	e := newCEnv(t)
	_, res := e.staffLogin(meeraPhone, storefronttest.PickupMGRoad)
	asShopper := e.client.NewManualSession(res.Tokens()) // the staff pair, sent to the storefront's operations
	_, err := asShopper.Cart.ListCoupons(e.ctx, nil)
	apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	_, err = asShopper.Catalog.ListProducts(e.ctx, nil)
	apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	_, err = e.client.NewManualSession(storefront.Tokens{RefreshToken: res.RefreshToken}).Auth.RefreshToken(e.ctx)
	apiStatus(t, err, 404, "")

	shopper := e.shopper() // a shopper's pair, sent to the point of sale's
	_, err = shopper.Cart.ListCoupons(e.ctx, nil)
	apiStatus(t, err, 401, storefronttest.CodeUnauthorized)

	// A storefront OTP token does not complete a staff login, nor the reverse.
	ch := must(e.keyed().Auth.LoginWithPhone(e.ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupMGRoad, Phone: arjunPhone}))
	code, _ := e.srv.OTP(ch.Token)
	_, err = e.session().Auth.VerifyOTP(e.ctx, storefront.OTPChallenge{Token: ch.Token, Action: storefront.OTPLogin}, code)
	apiStatus(t, err, 404, "")
	_, info, p := e.user()
	uch := must(e.session().Auth.LoginWithPhone(e.ctx, storefront.LoginWithPhoneParams{Phone: p.Phone, DebugMode: true}))
	_, err = e.keyed().Auth.VerifyOTP(e.ctx, *uch, uch.OTP)
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	_, _, err = e.srv.IssuePOSTokens(info.ID, storefronttest.PickupMGRoad)
	assert.Error(t, err, "a customer is not staff")
}

// TestPOSDeviceIsClaimedByOneStaffMemberAtATime: of many staff members
// claiming one device at once, exactly one gets it.
func TestPOSDeviceIsClaimedByOneStaffMemberAtATime(t *testing.T) {
	e := newCEnv(t)
	const n = 8
	sessions := make([]*storefront.POSSession, n)
	for i := range n {
		id, err := e.srv.AddPOSStaff(storefronttest.POSStaffParams{FirstName: "Cashier", Phone: newPhone(), Email: fmt.Sprintf("cashier%d@nilgirigoods.example", i),
			Roles: []storefronttest.POSRole{{LocationID: storefronttest.PickupMGRoad, RoleID: storefronttest.RoleCashier}}})
		require.NoError(t, err)
		sessions[i] = e.staff(id, storefronttest.PickupMGRoad)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	won, lost := 0, 0
	for _, sess := range sessions {
		wg.Go(func() {
			_, err := sess.Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				won++
				return
			}
			var apiErr *storefront.APIError
			if assert.ErrorAs(t, err, &apiErr) && assert.Equal(t, storefronttest.CodeDeviceClaimed, apiErr.Code) {
				lost++
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 1, won)
	assert.Equal(t, n-1, lost)
	holder, held := e.srv.POSDeviceHolder(storefronttest.SeededDeviceMGRoad1)
	assert.True(t, held)
	assert.NotEmpty(t, holder)
}

// TestPOSRefreshTokenWorksOnce: of many concurrent refreshes of one staff
// refresh token, exactly one gets a new pair.
func TestPOSRefreshTokenWorksOnce(t *testing.T) {
	e := newCEnv(t)
	_, res := e.staffLogin(arjunPhone, storefronttest.PickupMGRoad)
	const n = 10
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, refused := 0, 0
	for range n {
		wg.Go(func() {
			_, err := e.posRefresh(res.RefreshToken)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				ok++
			} else {
				var apiErr *storefront.APIError
				if assert.ErrorAs(t, err, &apiErr) && assert.Equal(t, 401, apiErr.StatusCode) {
					refused++
				}
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 1, ok)
	assert.Equal(t, n-1, refused)
}

// TestPOSStaffSessionEndsWithTheStaffMember: deactivating a staff member
// refuses their access token and their refresh.
func TestPOSStaffSessionEndsWithTheStaffMember(t *testing.T) {
	e := newCEnv(t)
	sess, res := e.staffLogin(farahPhone, storefronttest.PickupFort)
	require.NoError(t, e.srv.SetPOSStaffActive(storefronttest.SeededStaffFarah, false))
	_, err := sess.Devices.ListLocations(e.ctx)
	apiStatus(t, err, 401, "")
	_, err = e.posRefresh(res.RefreshToken)
	apiStatus(t, err, 401, "")
	require.NoError(t, e.srv.SetPOSStaffActive(storefronttest.SeededStaffFarah, true))
	_ = must(sess.Devices.ListLocations(e.ctx))
}

// TestPOSTestDataHelpers: a new store, a staff member there and a device
// paired with the code AddPOSDevice returns, then a sale at its counter,
// collected there; an offline device is neither claimed nor paid on.
func TestPOSTestDataHelpers(t *testing.T) {
	e := newCEnv(t)
	require.NoError(t, e.srv.AddPOSLocation(storefronttest.POSLocationParams{ID: "pl-blr-koramangala", Name: "Nilgiri Goods Koramangala",
		AddressLine1: "80 Feet Road, 4th Block", City: "Bengaluru", State: "Karnataka", Pincode: "560034", ContactPhone: 8041100005}))
	assert.Error(t, e.srv.AddPOSLocation(storefronttest.POSLocationParams{ID: "pl-blr-koramangala", Name: "Again",
		AddressLine1: "x", City: "Bengaluru", State: "Karnataka", Pincode: "560034"}), "a taken ID")
	assert.Error(t, e.srv.AddPOSLocation(storefronttest.POSLocationParams{ID: "pl-x", Name: "X", AddressLine1: "x", City: "y", State: "z", Pincode: "12"}))
	phone := newPhone()
	staffID, err := e.srv.AddPOSStaff(storefronttest.POSStaffParams{FirstName: "Kavya", LastName: "Rao", Phone: phone, Email: "kavya@nilgirigoods.example",
		Roles: []storefronttest.POSRole{{LocationID: "pl-blr-koramangala", RoleID: "floor-lead", RoleName: "Floor lead"}}})
	require.NoError(t, err)
	_, err = e.srv.AddPOSStaff(storefronttest.POSStaffParams{FirstName: "Again", Phone: phone, Email: "again@nilgirigoods.example",
		Roles: []storefronttest.POSRole{{LocationID: "pl-blr-koramangala", RoleID: "x"}}})
	assert.Error(t, err, "a taken phone number")
	_, err = e.srv.AddPOSStaff(storefronttest.POSStaffParams{FirstName: "No email", Phone: newPhone(),
		Roles: []storefronttest.POSRole{{LocationID: "pl-blr-koramangala", RoleID: "x"}}})
	assert.Error(t, err, "no email address")
	_, err = e.srv.AddPOSStaff(storefronttest.POSStaffParams{FirstName: "Nowhere", Phone: newPhone(), Email: "nowhere@nilgirigoods.example",
		Roles: []storefronttest.POSRole{{LocationID: storefronttest.LocationHosurWarehouse, RoleID: "x"}}})
	assert.Error(t, err, "no role at a warehouse")
	deviceID, code, err := e.srv.AddPOSDevice(storefronttest.POSDeviceParams{Name: "Koramangala counter 1", LocationID: "pl-blr-koramangala"})
	require.NoError(t, err)
	require.Len(t, code, 6)

	d := *must(e.keyed().Auth.PairDevice(e.ctx, code))
	assert.Equal(t, deviceID, d.ID)
	sess, res := e.staffLogin(phone, "pl-blr-koramangala")
	assert.Equal(t, staffID, res.User.ID)
	assert.Equal(t, "Floor lead", *res.User.Roles[0].RoleName)

	require.NoError(t, e.srv.SetPOSDeviceOffline(deviceID, true))
	list := *must(sess.Devices.ListDevices(e.ctx)).Devices
	require.Len(t, list, 1)
	assert.Equal(t, storefront.PosDeviceOffline, list[0].Status)
	_, err = sess.Devices.ClaimDevice(e.ctx, deviceID)
	apiStatus(t, err, 400, storefronttest.CodeDeviceOffline)
	ct, _ := e.soldCart(sess)
	body := posOrder(ct.ID, storefront.PosPaymentModeUPI)
	body.DeviceID = &deviceID
	_, err = sess.Orders.CreateOrder(e.ctx, body)
	apiStatus(t, err, 400, storefronttest.CodeDeviceOffline)
	require.NoError(t, e.srv.SetPOSDeviceOffline(deviceID, false))
	_ = must(sess.Devices.ClaimDevice(e.ctx, deviceID))

	o := must(sess.Orders.CreateOrder(e.ctx, posOrder(ct.ID, storefront.PosPaymentModeCARD))).Order
	pref := must(o.FulfillmentPreference.AsCollectInStoreFulfillment())
	assert.Equal(t, "pl-blr-koramangala", pref.PickupLocationID, "collected at the new store's counter")
	require.NoError(t, e.srv.CompletePayment(*o.OrderNumber, true))
	st := must(sess.Orders.GetPaymentStatus(e.ctx, *o.OrderNumber))
	assert.Equal(t, storefront.GetPaymentStatusContentStatus("success"), st.Status)
}

// TestPOSDeliveredOrderGoesOnAsAnOnlineOne: a counter sale delivered to
// the customer's address is confirmed once paid, not complete, and ships
// as an online order does.
func TestPOSDeliveredOrderGoesOnAsAnOnlineOne(t *testing.T) {
	e := newCEnv(t)
	sess := e.cashier()
	ct, _ := e.soldCart(sess)
	_ = must(sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), bengaluru())))
	_ = must(sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, delivery(storefronttest.CourierStandard, storefronttest.ShipmentStore)))
	o := must(sess.Orders.CreateOrder(e.ctx, posOrder(ct.ID, storefront.PosPaymentModeCASH))).Order
	assert.Equal(t, ptr(storefront.OrderStatus("confirmed")), o.Status)
	require.NoError(t, e.srv.ShipOrder(*o.OrderNumber))
}
