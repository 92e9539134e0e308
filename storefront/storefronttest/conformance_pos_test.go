package storefronttest_test

// The conformance cases of the point of sale: each operation's success and
// each failure it declares, through the storefront client's generated POS
// services over the strict validating transport.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// The seeded staff's phone numbers and email addresses.
const (
	meeraPhone = "9000000101" // store manager at MG Road and Indiranagar
	arjunPhone = "9000000102" // cashier at MG Road
	farahPhone = "9000000103" // cashier at Fort
	meeraEmail = "meera.iyer@nilgirigoods.example"
)

// keyed is a session that sends no token: the POS operations that take
// the API key (pairing, logins, the OTP check) and the body-credential
// refresh.
func (e *cenv) keyed() *storefront.Session { return e.client.NewManualSession(storefront.Tokens{}) }

// staffLogin logs a staff member in at a location through the API — the
// SMS login in debug mode, then the code — and returns their session.
func (e *cenv) staffLogin(phone, location string) (*storefront.Session, storefront.PosAuthContent) {
	e.t.Helper()
	ch := must(e.keyed().POSAuth.LoginPosDeviceWithPhone(e.ctx, &storefront.LoginPosDeviceWithPhoneParams{XDebugMode: ptr(true)},
		storefront.LoginPosDeviceWithPhoneJSONRequestBody{LocationID: location, Phone: phone}))
	require.NotNil(e.t, ch.OTP, "debug mode returns the code")
	res := must(e.keyed().POSAuth.VerifyPosLoginOTP(e.ctx, storefront.VerifyPosLoginOTPJSONRequestBody{OTP: *ch.OTP, OTPToken: ch.OTPToken, OTPAction: "login"}))
	return e.client.NewManualSession(storefront.Tokens{AccessToken: res.AccessToken, RefreshToken: res.RefreshToken}), *res
}

// staff is a staff member's session at a location, minted without the
// login (IssuePOSTokens).
func (e *cenv) staff(staffID, location string) *storefront.Session {
	e.t.Helper()
	access, refresh, err := e.srv.IssuePOSTokens(staffID, location)
	require.NoError(e.t, err)
	return e.client.NewManualSession(storefront.Tokens{AccessToken: access, RefreshToken: refresh})
}

// cashier is Arjun at MG Road.
func (e *cenv) cashier() *storefront.Session {
	return e.staff(storefronttest.SeededStaffArjun, storefronttest.PickupMGRoad)
}

// endedStaff is a staff session that logged out.
func (e *cenv) endedStaff() *storefront.Session {
	e.t.Helper()
	sess := e.cashier()
	old, err := sess.Tokens(e.ctx)
	require.NoError(e.t, err)
	require.NoError(e.t, sess.POSAuth.LogoutFromPosDevice(e.ctx))
	return e.client.NewManualSession(old)
}

// shopper is a logged-in storefront shopper, whose token the point of
// sale refuses.
func (e *cenv) shopper() *storefront.Session {
	e.t.Helper()
	sess, _, _ := e.user()
	return sess
}

// posCart rings up a cart at the session's counter.
func (e *cenv) posCart(sess *storefront.Session, items ...storefront.UpdateCartItem) storefront.Cart {
	e.t.Helper()
	return must(sess.POSCart.PosCreateCart(e.ctx, storefront.PosCreateCartJSONRequestBody{Items: items})).Cart
}

// walkIn links a new walk-in customer, by phone number, to a POS cart
// and returns their user ID.
func (e *cenv) walkIn(sess *storefront.Session, cartID string) string {
	e.t.Helper()
	phone := newPhone()
	_ = must(sess.POSCart.UpdatePosCartCustomer(e.ctx, cartID, byPhone(phone, "Ravi", "Kumar")))
	return e.userByPhone(phone)
}

// userByPhone finds the user a phone number belongs to, by logging them in.
func (e *cenv) userByPhone(phone string) string {
	e.t.Helper()
	sess := e.session()
	ch := must(sess.Auth.LoginWithPhone(e.ctx, storefront.LoginWithPhoneParams{Phone: phone, DebugMode: true}))
	res := must(sess.Auth.VerifyOTP(e.ctx, *ch, ch.OTP))
	return res.User.ID
}

func byPhone(phone, first, last string) storefront.UpdatePosCartCustomerJSONRequestBody {
	var b storefront.UpdatePosCartCustomerJSONRequestBody
	if err := b.FromPosUpdateCustomerWithPhone(storefront.PosUpdateCustomerWithPhone{CountryCode: ptr("+91"), Phone: phone, FirstName: &first, LastName: &last}); err != nil {
		panic(err)
	}
	return b
}

func byCustomerID(id string) storefront.UpdatePosCartCustomerJSONRequestBody {
	var b storefront.UpdatePosCartCustomerJSONRequestBody
	if err := b.FromPosUpdateCustomerWithID(storefront.PosUpdateCustomerWithID{CustomerID: id}); err != nil {
		panic(err)
	}
	return b
}

func byEmail(email string, phone *string) storefront.UpdatePosCartCustomerJSONRequestBody {
	var b storefront.UpdatePosCartCustomerJSONRequestBody
	if err := b.FromPosUpdateCustomerWithEmail(storefront.PosUpdateCustomerWithEmail{Email: email, Phone: phone}); err != nil {
		panic(err)
	}
	return b
}

// soldCart is a POS cart of a teapot linked to a walk-in customer.
func (e *cenv) soldCart(sess *storefront.Session) (storefront.Cart, string) {
	e.t.Helper()
	ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
	return ct, e.walkIn(sess, ct.ID)
}

func posOrder(cartID string, mode storefront.PosPaymentMode) storefront.CreatePosOrderJSONRequestBody {
	return storefront.CreatePosOrderJSONRequestBody{CartID: cartID, PaymentMode: mode}
}

var posConformanceCases = []conformanceCase{
	// pair-pos-device
	{storefronttest.OpPairPOSDevice, 200, "a code pairs its device, listed from then on", func(t *testing.T, e *cenv) {
		d := must(e.keyed().POSAuth.PairPosDevice(e.ctx, storefront.PairPosDeviceJSONRequestBody{PairingCode: storefronttest.SeededPairingCodeMGRoad2})).Device
		assert.Equal(t, storefronttest.SeededDeviceMGRoad2, d.ID)
		assert.Equal(t, "Nilgiri Goods MG Road", d.LocationName)
		assert.Equal(t, storefront.PosDeviceAvailable, d.Status)
		list := must(e.cashier().POSDevices.ListPosDevices(e.ctx))
		assert.Equal(t, []string{storefronttest.SeededDeviceMGRoad1, storefronttest.SeededDeviceMGRoad2},
			names(*list.Devices, func(d storefront.PosDevice) string { return d.ID }))
	}},
	{storefronttest.OpPairPOSDevice, 400, "a code used already → 400", func(t *testing.T, e *cenv) {
		body := storefront.PairPosDeviceJSONRequestBody{PairingCode: storefronttest.SeededPairingCodeFort1}
		_ = must(e.keyed().POSAuth.PairPosDevice(e.ctx, body))
		_, err := e.keyed().POSAuth.PairPosDevice(e.ctx, body)
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpPairPOSDevice, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().NewManualSession(storefront.Tokens{}).POSAuth.PairPosDevice(e.ctx, storefront.PairPosDeviceJSONRequestBody{PairingCode: storefronttest.SeededPairingCodeFort1})
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// login-pos-device-with-phone
	{storefronttest.OpLoginPOSDeviceWithPhone, 200, "code by SMS, in the answer in debug mode", func(t *testing.T, e *cenv) {
		ch := must(e.keyed().POSAuth.LoginPosDeviceWithPhone(e.ctx, &storefront.LoginPosDeviceWithPhoneParams{XDebugMode: ptr(true)},
			storefront.LoginPosDeviceWithPhoneJSONRequestBody{LocationID: storefronttest.PickupMGRoad, Phone: meeraPhone}))
		require.NotNil(t, ch.OTP)
		assert.Len(t, *ch.OTP, 6)
		assert.Equal(t, storefront.PosOTPContentOTPActionLogin, ch.OTPAction)
	}},
	{storefronttest.OpLoginPOSDeviceWithPhone, 400, "a distribution center → 400", func(t *testing.T, e *cenv) {
		_, err := e.keyed().POSAuth.LoginPosDeviceWithPhone(e.ctx, nil,
			storefront.LoginPosDeviceWithPhoneJSONRequestBody{LocationID: storefronttest.LocationHosurWarehouse, Phone: meeraPhone})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpLoginPOSDeviceWithPhone, 401, "staff of another location → 401", func(t *testing.T, e *cenv) {
		_, err := e.keyed().POSAuth.LoginPosDeviceWithPhone(e.ctx, nil,
			storefront.LoginPosDeviceWithPhoneJSONRequestBody{LocationID: storefronttest.PickupMGRoad, Phone: farahPhone})
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// login-pos-device-with-email
	{storefronttest.OpLoginPOSDeviceWithEmail, 200, "code by email, read from the mailbox", func(t *testing.T, e *cenv) {
		ch := must(e.keyed().POSAuth.LoginPosDeviceWithEmail(e.ctx, nil,
			storefront.LoginPosDeviceWithEmailJSONRequestBody{LocationID: storefronttest.PickupIndiranagar, Email: meeraEmail}))
		assert.Nil(t, ch.OTP, "the code comes back only in debug mode")
		code, ok := e.srv.LastOTP(meeraEmail)
		require.True(t, ok)
		res := must(e.keyed().POSAuth.VerifyPosLoginOTP(e.ctx, storefront.VerifyPosLoginOTPJSONRequestBody{OTP: code, OTPToken: ch.OTPToken, OTPAction: "login"}))
		assert.Equal(t, storefronttest.PickupIndiranagar, res.User.Location.ID)
	}},
	{storefronttest.OpLoginPOSDeviceWithEmail, 400, "unknown location → 400", func(t *testing.T, e *cenv) {
		_, err := e.keyed().POSAuth.LoginPosDeviceWithEmail(e.ctx, nil,
			storefront.LoginPosDeviceWithEmailJSONRequestBody{LocationID: "pl-nowhere", Email: meeraEmail})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpLoginPOSDeviceWithEmail, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().NewManualSession(storefront.Tokens{}).POSAuth.LoginPosDeviceWithEmail(e.ctx, nil,
			storefront.LoginPosDeviceWithEmailJSONRequestBody{LocationID: storefronttest.PickupMGRoad, Email: meeraEmail})
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// login-pos-device-with-whatsapp
	{storefronttest.OpLoginPOSDeviceWithWhatsApp, 200, "code by WhatsApp", func(t *testing.T, e *cenv) {
		ch := must(e.keyed().POSAuth.LoginPosDeviceWithWhatsapp(e.ctx, nil,
			storefront.LoginPosDeviceWithWhatsappJSONRequestBody{LocationID: storefronttest.PickupFort, Phone: farahPhone}))
		code, ok := e.srv.OTP(ch.OTPToken)
		require.True(t, ok)
		assert.Len(t, code, 6)
	}},
	{storefronttest.OpLoginPOSDeviceWithWhatsApp, 400, "unknown location → 400", func(t *testing.T, e *cenv) {
		_, err := e.keyed().POSAuth.LoginPosDeviceWithWhatsapp(e.ctx, nil,
			storefront.LoginPosDeviceWithWhatsappJSONRequestBody{LocationID: "pl-nowhere", Phone: farahPhone})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpLoginPOSDeviceWithWhatsApp, 401, "not a staff member → 401", func(t *testing.T, e *cenv) {
		_, err := e.keyed().POSAuth.LoginPosDeviceWithWhatsapp(e.ctx, nil,
			storefront.LoginPosDeviceWithWhatsappJSONRequestBody{LocationID: storefronttest.PickupFort, Phone: newPhone()})
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// verify-pos-login-otp
	{storefronttest.OpVerifyPOSLoginOTP, 200, "the staff member at the location, and a working pair", func(t *testing.T, e *cenv) {
		sess, res := e.staffLogin(meeraPhone, storefronttest.PickupMGRoad)
		assert.Equal(t, storefronttest.SeededStaffMeera, res.User.ID)
		assert.Equal(t, "Nilgiri Goods MG Road", res.User.Location.Name)
		assert.Nil(t, res.User.Device)
		assert.Len(t, res.User.Roles, 2)
		claims, err := storefront.ParseClaims(res.AccessToken)
		require.NoError(t, err)
		assert.Equal(t, storefronttest.SeededStaffMeera, claims.UserID)
		_ = must(sess.POSDevices.ListPosDevices(e.ctx))
	}},
	{storefronttest.OpVerifyPOSLoginOTP, 400, "wrong code → 400", func(t *testing.T, e *cenv) {
		ch := must(e.keyed().POSAuth.LoginPosDeviceWithPhone(e.ctx, nil,
			storefront.LoginPosDeviceWithPhoneJSONRequestBody{LocationID: storefronttest.PickupMGRoad, Phone: arjunPhone}))
		_, err := e.keyed().POSAuth.VerifyPosLoginOTP(e.ctx, storefront.VerifyPosLoginOTPJSONRequestBody{OTP: "000000", OTPToken: ch.OTPToken, OTPAction: "login"})
		apiStatus(t, err, 400, storefronttest.CodeInvalidOTP)
	}},
	{storefronttest.OpVerifyPOSLoginOTP, 401, "deactivated between the code and its check → 401", func(t *testing.T, e *cenv) {
		ch := must(e.keyed().POSAuth.LoginPosDeviceWithPhone(e.ctx, &storefront.LoginPosDeviceWithPhoneParams{XDebugMode: ptr(true)},
			storefront.LoginPosDeviceWithPhoneJSONRequestBody{LocationID: storefronttest.PickupMGRoad, Phone: arjunPhone}))
		require.NoError(t, e.srv.SetPOSStaffActive(storefronttest.SeededStaffArjun, false))
		_, err := e.keyed().POSAuth.VerifyPosLoginOTP(e.ctx, storefront.VerifyPosLoginOTPJSONRequestBody{OTP: *ch.OTP, OTPToken: ch.OTPToken, OTPAction: "login"})
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// refresh-pos-access-token
	{storefronttest.OpRefreshPOSAccessToken, 200, "a new pair; the used refresh token is refused", func(t *testing.T, e *cenv) {
		sess, res := e.staffLogin(arjunPhone, storefronttest.PickupMGRoad)
		pair := must(e.keyed().POSAuth.RefreshPosAccessToken(e.ctx, storefront.RefreshPosAccessTokenJSONRequestBody{RefreshToken: res.RefreshToken}))
		assert.NotEqual(t, res.RefreshToken, pair.RefreshToken)
		renewed := e.client.NewManualSession(storefront.Tokens{AccessToken: pair.AccessToken, RefreshToken: pair.RefreshToken})
		_ = must(renewed.POSDevices.ListPosDevices(e.ctx))
		_ = must(sess.POSDevices.ListPosDevices(e.ctx)) // the old access token lives until it expires
		_, err := e.keyed().POSAuth.RefreshPosAccessToken(e.ctx, storefront.RefreshPosAccessTokenJSONRequestBody{RefreshToken: res.RefreshToken})
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},
	{storefronttest.OpRefreshPOSAccessToken, 400, "not a JWT → 400", func(t *testing.T, e *cenv) {
		_, err := e.keyed().POSAuth.RefreshPosAccessToken(e.ctx, storefront.RefreshPosAccessTokenJSONRequestBody{RefreshToken: "not-a-token"})
		apiStatus(t, err, 400, storefronttest.CodeInvalidToken)
	}},
	{storefronttest.OpRefreshPOSAccessToken, 401, "a shopper's refresh token → 401", func(t *testing.T, e *cenv) {
		tk, err := e.shopper().Tokens(e.ctx)
		require.NoError(t, err)
		_, err = e.keyed().POSAuth.RefreshPosAccessToken(e.ctx, storefront.RefreshPosAccessTokenJSONRequestBody{RefreshToken: tk.RefreshToken})
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// logout-from-pos-device
	{storefronttest.OpLogoutFromPOSDevice, 200, "tokens refused, device released", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		_ = must(sess.POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		tk, err := sess.Tokens(e.ctx)
		require.NoError(t, err)
		require.NoError(t, sess.POSAuth.LogoutFromPosDevice(e.ctx))
		_, held := e.srv.POSDeviceHolder(storefronttest.SeededDeviceMGRoad1)
		assert.False(t, held)
		_, err = sess.POSDevices.ListPosDevices(e.ctx)
		apiStatus(t, err, 401, "")
		_, err = e.keyed().POSAuth.RefreshPosAccessToken(e.ctx, storefront.RefreshPosAccessTokenJSONRequestBody{RefreshToken: tk.RefreshToken})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpLogoutFromPOSDevice, 401, "logged out already → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.endedStaff().POSAuth.LogoutFromPosDevice(e.ctx), 401, "")
	}},

	// list-pos-devices
	{storefronttest.OpListPOSDevices, 200, "the location's paired devices, who holds them", func(t *testing.T, e *cenv) {
		_ = must(e.cashier().POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		list := *must(e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupMGRoad).POSDevices.ListPosDevices(e.ctx)).Devices
		require.Len(t, list, 1, "counter 2 is not paired")
		assert.Equal(t, storefront.PosDeviceClaimed, list[0].Status)
		require.NotNil(t, list[0].ClaimedBy)
		assert.Equal(t, "Arjun", list[0].ClaimedBy.FirstName)
		fort := *must(e.staff(storefronttest.SeededStaffFarah, storefronttest.PickupFort).POSDevices.ListPosDevices(e.ctx)).Devices
		assert.Empty(t, fort, "Fort's counter is not paired yet")
	}},
	{storefronttest.OpListPOSDevices, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().POSDevices.ListPosDevices(e.ctx)
		apiStatus(t, err, 401, "")
	}},

	// claim-pos-device
	{storefronttest.OpClaimPOSDevice, 200, "the caller's, twice over", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		u := must(sess.POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)).User
		require.NotNil(t, u.Device)
		assert.Equal(t, "MG Road counter 1", u.Device.Name)
		again := must(sess.POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)).User
		assert.Equal(t, u, again, "claiming what one holds changes nothing")
	}},
	{storefronttest.OpClaimPOSDevice, 400, "held by another staff member → 400", func(t *testing.T, e *cenv) {
		_ = must(e.cashier().POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		_, err := e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupMGRoad).POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
		apiStatus(t, err, 400, storefronttest.CodeDeviceClaimed)
	}},
	{storefronttest.OpClaimPOSDevice, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpClaimPOSDevice, 404, "another location's device → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceIndiranagar1)
		apiStatus(t, err, 404, storefronttest.CodeNotFound)
	}},

	// unclaim-pos-device
	{storefronttest.OpUnclaimPOSDevice, 200, "released for another to claim", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		_ = must(sess.POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		u := must(sess.POSDevices.UnclaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)).User
		assert.Nil(t, u.Device)
		_ = must(e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupMGRoad).POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
	}},
	{storefronttest.OpUnclaimPOSDevice, 400, "not held → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().POSDevices.UnclaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
		apiStatus(t, err, 400, storefronttest.CodeDeviceNotHeld)
	}},
	{storefronttest.OpUnclaimPOSDevice, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().POSDevices.UnclaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUnclaimPOSDevice, 404, "an unpaired device → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().POSDevices.UnclaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad2)
		apiStatus(t, err, 404, "")
	}},

	// list-pos-locations
	{storefronttest.OpListPOSLocations, 200, "three stores and a warehouse", func(t *testing.T, e *cenv) {
		list := *must(e.cashier().POSDevices.ListPosLocations(e.ctx)).Locations
		assert.Equal(t, []string{storefronttest.PickupMGRoad, storefronttest.PickupIndiranagar, storefronttest.PickupFort, storefronttest.LocationHosurWarehouse},
			names(list, func(l storefront.PosLocation) string { return l.ID }))
		assert.Equal(t, storefront.DistributionCenter, list[3].WarehouseType)
		assert.False(t, list[3].IsCheckoutPoint)
		assert.Equal(t, int64(8041100001), list[0].ContactPhone)
	}},
	{storefronttest.OpListPOSLocations, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().POSDevices.ListPosLocations(e.ctx)
		apiStatus(t, err, 401, "")
	}},

	// get-pos-user
	{storefronttest.OpGetPOSUser, 200, "a colleague, with the device they hold", func(t *testing.T, e *cenv) {
		_ = must(e.cashier().POSDevices.ClaimPosDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		u := must(e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupMGRoad).POSDevices.GetPosUser(e.ctx, storefronttest.SeededStaffArjun)).User
		assert.Equal(t, "Nair", *u.LastName)
		require.NotNil(t, u.Device)
		assert.Equal(t, storefronttest.SeededDeviceMGRoad1, u.Device.ID)
		require.Len(t, u.Roles, 1)
		assert.Equal(t, "Cashier", *u.Roles[0].RoleName)
	}},
	{storefronttest.OpGetPOSUser, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().POSDevices.GetPosUser(e.ctx, storefronttest.SeededStaffArjun)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetPOSUser, 404, "unknown staff member → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().POSDevices.GetPosUser(e.ctx, noCart)
		apiStatus(t, err, 404, "")
	}},
}

// posUnreachableFailures are the failure statuses of the point of sale
// that no request the typed client can send provokes, with the reason.
var posUnreachableFailures = map[string]map[int]string{
	storefronttest.OpPOSGetProductDetail:    {400: "only a malformed inventory flag, which the typed client cannot send"},
	storefronttest.OpPOSListProductVariants: {400: "only a malformed inventory flag, which the typed client cannot send"},
	storefronttest.OpPOSGetVariantDetail:    {400: "only a malformed inventory flag, which the typed client cannot send"},
	storefronttest.OpPOSListCoupons: {400: "its only parameter is the x-customer-group-id header, a free string",
		404: "another store ID: a staff session exists only for the server's store (the login finds no location elsewhere), and its token is refused under another"},
	storefronttest.OpPOSListPromotions:      {400: "its only parameter is the x-customer-group-id header, a free string"},
	storefronttest.OpPOSRemoveCoupon:        {400: "the operation takes only a cart ID (404 when unknown); removing what is not applied leaves the cart as it is"},
	storefronttest.OpPOSRemoveCreditBalance: {400: "the operation takes only a cart ID (404 when unknown); removing what is not applied leaves the cart as it is"},
	storefronttest.OpPOSRemoveLoyaltyPoints: {400: "the operation takes only a cart ID (404 when unknown); removing what is not applied leaves the cart as it is"},
}
