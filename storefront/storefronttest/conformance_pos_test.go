package storefronttest_test

// The conformance cases of the point of sale: each operation's success and
// each failure it declares, through the storefront client's generated POS
// services over the strict validating transport.

import (
	"encoding/json"
	"net/http"
	"strings"
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

// keyed is a terminal with no staff logged in: the POS operations that
// take the API key (pairing, logins, the OTP check). Its sessions are
// manual, as every session of these cases: a 401 is the case's answer,
// not a reason to refresh.
func (e *cenv) keyed() *storefront.POSSession {
	return e.client.NewManualPOSSession(storefront.Tokens{})
}

// staffLogin logs a staff member in at a location through the API — the
// SMS login in debug mode, then the code — and returns their session.
func (e *cenv) staffLogin(phone, location string) (*storefront.POSSession, storefront.POSAuthResult) {
	e.t.Helper()
	pos := e.keyed()
	ch := must(pos.Auth.LoginWithPhone(e.ctx, storefront.POSPhoneLogin{LocationID: location, Phone: phone, DebugMode: true}))
	require.NotEmpty(e.t, ch.OTP, "debug mode returns the code")
	res := must(pos.Auth.VerifyOTP(e.ctx, *ch, ch.OTP))
	return pos, *res
}

// staff is a staff member's session at a location, minted without the
// login (IssuePOSTokens).
func (e *cenv) staff(staffID, location string) *storefront.POSSession {
	e.t.Helper()
	access, refresh, err := e.srv.IssuePOSTokens(staffID, location)
	require.NoError(e.t, err)
	return e.client.NewManualPOSSession(storefront.Tokens{AccessToken: access, RefreshToken: refresh})
}

// cashier is Arjun at MG Road.
func (e *cenv) cashier() *storefront.POSSession {
	return e.staff(storefronttest.SeededStaffArjun, storefronttest.PickupMGRoad)
}

// endedStaff is a staff session that logged out, its tokens kept.
func (e *cenv) endedStaff() *storefront.POSSession {
	e.t.Helper()
	sess := e.cashier()
	old, err := sess.Tokens(e.ctx)
	require.NoError(e.t, err)
	require.NoError(e.t, sess.Auth.Logout(e.ctx))
	return e.client.NewManualPOSSession(old)
}

// shopper is a terminal holding a logged-in storefront shopper's tokens,
// which the point of sale refuses.
func (e *cenv) shopper() *storefront.POSSession {
	e.t.Helper()
	sess, _, _ := e.user()
	tk, err := sess.Tokens(e.ctx)
	require.NoError(e.t, err)
	return e.client.NewManualPOSSession(tk)
}

// rawPOST sends a JSON body to path (below the store's base URL) with no
// credential, through the validating transport, and returns the status
// and the error envelope's code.
func (e *cenv) rawPOST(t *testing.T, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(e.ctx, http.MethodPost, e.srv.BaseURL()+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Transport: e.vt}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var env struct {
		Code string `json:"code"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&env))
	return resp.StatusCode, env.Code
}

// posRefresh sends refresh-pos-access-token for refresh, as a terminal
// of another process holding that refresh token would: a client of its
// own, so that the SDK's sharing of one refresh per pair within a client
// does not answer in the API's place.
func (e *cenv) posRefresh(refresh string) (storefront.Tokens, error) {
	return e.newClient(e.srv.APIKey()).NewManualPOSSession(storefront.Tokens{RefreshToken: refresh}).Auth.RefreshToken(e.ctx)
}

// posCart rings up a cart at the session's counter.
func (e *cenv) posCart(sess *storefront.POSSession, items ...storefront.UpdateCartItem) storefront.Cart {
	e.t.Helper()
	return must(sess.Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: items})).Cart
}

// walkIn links a new walk-in customer, by phone number, to a POS cart
// and returns their user ID.
func (e *cenv) walkIn(sess *storefront.POSSession, cartID string) string {
	e.t.Helper()
	phone := newPhone()
	_ = must(sess.Cart.UpdateCartCustomer(e.ctx, cartID, byPhone(phone, "Ravi", "Kumar")))
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

func byPhone(phone, first, last string) storefront.PosUpdateCartCustomerBody {
	var b storefront.PosUpdateCartCustomerBody
	if err := b.FromPosUpdateCustomerWithPhone(storefront.PosUpdateCustomerWithPhone{CountryCode: ptr("+91"), Phone: phone, FirstName: &first, LastName: &last}); err != nil {
		panic(err)
	}
	return b
}

func byCustomerID(id string) storefront.PosUpdateCartCustomerBody {
	var b storefront.PosUpdateCartCustomerBody
	if err := b.FromPosUpdateCustomerWithID(storefront.PosUpdateCustomerWithID{CustomerID: id}); err != nil {
		panic(err)
	}
	return b
}

func byEmail(email string, phone *string) storefront.PosUpdateCartCustomerBody {
	var b storefront.PosUpdateCartCustomerBody
	if err := b.FromPosUpdateCustomerWithEmail(storefront.PosUpdateCustomerWithEmail{Email: email, Phone: phone}); err != nil {
		panic(err)
	}
	return b
}

// soldCart is a POS cart of a teapot linked to a walk-in customer.
func (e *cenv) soldCart(sess *storefront.POSSession) (storefront.Cart, string) {
	e.t.Helper()
	ct := e.posCart(sess, item("cast-iron-teapot", "", 1))
	return ct, e.walkIn(sess, ct.ID)
}

func posOrder(cartID string, mode storefront.PosPaymentMode) storefront.CreatePosOrderBody {
	return storefront.CreatePosOrderBody{CartID: cartID, PaymentMode: mode}
}

var posConformanceCases = []conformanceCase{
	// pair-pos-device
	{storefronttest.OpPairPOSDevice, 200, "a code pairs its device, listed from then on", func(t *testing.T, e *cenv) {
		d := *must(e.keyed().Auth.PairDevice(e.ctx, storefronttest.SeededPairingCodeMGRoad2))
		assert.Equal(t, storefronttest.SeededDeviceMGRoad2, d.ID)
		assert.Equal(t, "Nilgiri Goods MG Road", d.LocationName)
		assert.Equal(t, storefront.PosDeviceAvailable, d.Status)
		list := must(e.cashier().Devices.ListDevices(e.ctx))
		assert.Equal(t, []string{storefronttest.SeededDeviceMGRoad1, storefronttest.SeededDeviceMGRoad2},
			names(*list.Devices, func(d storefront.PosDevice) string { return d.ID }))
	}},
	{storefronttest.OpPairPOSDevice, 400, "a code used already → 400", func(t *testing.T, e *cenv) {
		_ = must(e.keyed().Auth.PairDevice(e.ctx, storefronttest.SeededPairingCodeFort1))
		_, err := e.keyed().Auth.PairDevice(e.ctx, storefronttest.SeededPairingCodeFort1)
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpPairPOSDevice, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().NewManualPOSSession(storefront.Tokens{}).Auth.PairDevice(e.ctx, storefronttest.SeededPairingCodeFort1)
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// login-pos-device-with-phone
	{storefronttest.OpLoginPOSDeviceWithPhone, 200, "code by SMS, in the answer in debug mode", func(t *testing.T, e *cenv) {
		ch := must(e.keyed().Auth.LoginWithPhone(e.ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupMGRoad, Phone: meeraPhone, DebugMode: true}))
		assert.Len(t, ch.OTP, 6)
		assert.Equal(t, storefront.OTPLogin, ch.Action)
	}},
	{storefronttest.OpLoginPOSDeviceWithPhone, 400, "a distribution center → 400", func(t *testing.T, e *cenv) {
		_, err := e.keyed().Auth.LoginWithPhone(e.ctx, storefront.POSPhoneLogin{LocationID: storefronttest.LocationHosurWarehouse, Phone: meeraPhone})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpLoginPOSDeviceWithPhone, 401, "staff of another location → 401", func(t *testing.T, e *cenv) {
		_, err := e.keyed().Auth.LoginWithPhone(e.ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupMGRoad, Phone: farahPhone})
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// login-pos-device-with-email
	{storefronttest.OpLoginPOSDeviceWithEmail, 200, "code by email, read from the mailbox", func(t *testing.T, e *cenv) {
		pos := e.keyed()
		ch := must(pos.Auth.LoginWithEmail(e.ctx, storefront.POSEmailLogin{LocationID: storefronttest.PickupIndiranagar, Email: meeraEmail}))
		assert.Empty(t, ch.OTP, "the code comes back only in debug mode")
		code, ok := e.srv.LastOTP(meeraEmail)
		require.True(t, ok)
		res := must(pos.Auth.VerifyOTP(e.ctx, *ch, code))
		assert.Equal(t, storefronttest.PickupIndiranagar, res.User.Location.ID)
	}},
	{storefronttest.OpLoginPOSDeviceWithEmail, 400, "unknown location → 400", func(t *testing.T, e *cenv) {
		_, err := e.keyed().Auth.LoginWithEmail(e.ctx, storefront.POSEmailLogin{LocationID: "pl-nowhere", Email: meeraEmail})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpLoginPOSDeviceWithEmail, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.wrongKey().NewManualPOSSession(storefront.Tokens{}).Auth.LoginWithEmail(e.ctx, storefront.POSEmailLogin{LocationID: storefronttest.PickupMGRoad, Email: meeraEmail})
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// login-pos-device-with-whatsapp
	{storefronttest.OpLoginPOSDeviceWithWhatsApp, 200, "code by WhatsApp", func(t *testing.T, e *cenv) {
		ch := must(e.keyed().Auth.LoginWithWhatsApp(e.ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupFort, Phone: farahPhone}))
		code, ok := e.srv.OTP(ch.Token)
		require.True(t, ok)
		assert.Len(t, code, 6)
	}},
	{storefronttest.OpLoginPOSDeviceWithWhatsApp, 400, "unknown location → 400", func(t *testing.T, e *cenv) {
		_, err := e.keyed().Auth.LoginWithWhatsApp(e.ctx, storefront.POSPhoneLogin{LocationID: "pl-nowhere", Phone: farahPhone})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpLoginPOSDeviceWithWhatsApp, 401, "not a staff member → 401", func(t *testing.T, e *cenv) {
		_, err := e.keyed().Auth.LoginWithWhatsApp(e.ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupFort, Phone: newPhone()})
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
		_ = must(sess.Devices.ListDevices(e.ctx))
	}},
	{storefronttest.OpVerifyPOSLoginOTP, 400, "wrong code → 400", func(t *testing.T, e *cenv) {
		ch := must(e.keyed().Auth.LoginWithPhone(e.ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupMGRoad, Phone: arjunPhone}))
		_, err := e.keyed().Auth.VerifyOTP(e.ctx, *ch, "000000")
		apiStatus(t, err, 400, storefronttest.CodeInvalidOTP)
	}},
	{storefronttest.OpVerifyPOSLoginOTP, 401, "deactivated between the code and its check → 401", func(t *testing.T, e *cenv) {
		ch := must(e.keyed().Auth.LoginWithPhone(e.ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupMGRoad, Phone: arjunPhone, DebugMode: true}))
		require.NoError(t, e.srv.SetPOSStaffActive(storefronttest.SeededStaffArjun, false))
		_, err := e.keyed().Auth.VerifyOTP(e.ctx, *ch, ch.OTP)
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// refresh-pos-access-token
	{storefronttest.OpRefreshPOSAccessToken, 200, "a new pair; the used refresh token is refused", func(t *testing.T, e *cenv) {
		sess, res := e.staffLogin(arjunPhone, storefronttest.PickupMGRoad)
		pair, err := e.posRefresh(res.RefreshToken)
		require.NoError(t, err)
		assert.NotEqual(t, res.RefreshToken, pair.RefreshToken)
		renewed := e.client.NewManualPOSSession(pair)
		_ = must(renewed.Devices.ListDevices(e.ctx))
		_ = must(sess.Devices.ListDevices(e.ctx)) // the old access token lives until it expires
		_, err = e.posRefresh(res.RefreshToken)
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},
	{storefronttest.OpRefreshPOSAccessToken, 400, "not a JWT → 400", func(t *testing.T, e *cenv) {
		// The SDK sends no refresh token that is not a JWT (ErrSessionExpired):
		// the request goes out by hand, through the validating transport.
		_, err := e.posRefresh("not-a-token")
		require.ErrorIs(t, err, storefront.ErrSessionExpired)
		status, code := e.rawPOST(t, "/pos/auth/refresh-token", `{"refresh_token":"not-a-token"}`)
		assert.Equal(t, 400, status)
		assert.Equal(t, storefronttest.CodeInvalidToken, code)
	}},
	{storefronttest.OpRefreshPOSAccessToken, 401, "a shopper's refresh token → 401", func(t *testing.T, e *cenv) {
		tk, err := e.shopper().Tokens(e.ctx)
		require.NoError(t, err)
		_, err = e.posRefresh(tk.RefreshToken)
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},

	// logout-from-pos-device
	{storefronttest.OpLogoutFromPOSDevice, 200, "tokens refused, device released", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		_ = must(sess.Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		tk, err := sess.Tokens(e.ctx)
		require.NoError(t, err)
		require.NoError(t, sess.Auth.Logout(e.ctx))
		_, held := e.srv.POSDeviceHolder(storefronttest.SeededDeviceMGRoad1)
		assert.False(t, held)
		left, err := sess.Tokens(e.ctx)
		require.NoError(t, err)
		assert.True(t, left.IsZero(), "the terminal forgets the pair")
		_, err = e.client.NewManualPOSSession(tk).Devices.ListDevices(e.ctx)
		apiStatus(t, err, 401, "")
		_, err = e.posRefresh(tk.RefreshToken)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpLogoutFromPOSDevice, 401, "logged out already → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.endedStaff().Auth.Logout(e.ctx), 401, "")
	}},

	// list-pos-devices
	{storefronttest.OpListPOSDevices, 200, "the location's paired devices, who holds them", func(t *testing.T, e *cenv) {
		_ = must(e.cashier().Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		list := *must(e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupMGRoad).Devices.ListDevices(e.ctx)).Devices
		require.Len(t, list, 1, "counter 2 is not paired")
		assert.Equal(t, storefront.PosDeviceClaimed, list[0].Status)
		require.NotNil(t, list[0].ClaimedBy)
		assert.Equal(t, "Arjun", list[0].ClaimedBy.FirstName)
		fort := *must(e.staff(storefronttest.SeededStaffFarah, storefronttest.PickupFort).Devices.ListDevices(e.ctx)).Devices
		assert.Empty(t, fort, "Fort's counter is not paired yet")
	}},
	{storefronttest.OpListPOSDevices, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Devices.ListDevices(e.ctx)
		apiStatus(t, err, 401, "")
	}},

	// claim-pos-device
	{storefronttest.OpClaimPOSDevice, 200, "the caller's, twice over", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		u := must(sess.Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)).User
		require.NotNil(t, u.Device)
		assert.Equal(t, "MG Road counter 1", u.Device.Name)
		again := must(sess.Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)).User
		assert.Equal(t, u, again, "claiming what one holds changes nothing")
	}},
	{storefronttest.OpClaimPOSDevice, 400, "held by another staff member → 400", func(t *testing.T, e *cenv) {
		_ = must(e.cashier().Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		_, err := e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupMGRoad).Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
		apiStatus(t, err, 400, storefronttest.CodeDeviceClaimed)
	}},
	{storefronttest.OpClaimPOSDevice, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpClaimPOSDevice, 404, "another location's device → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceIndiranagar1)
		apiStatus(t, err, 404, storefronttest.CodeNotFound)
	}},

	// unclaim-pos-device
	{storefronttest.OpUnclaimPOSDevice, 200, "released for another to claim", func(t *testing.T, e *cenv) {
		sess := e.cashier()
		_ = must(sess.Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		u := must(sess.Devices.UnclaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)).User
		assert.Nil(t, u.Device)
		_ = must(e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupMGRoad).Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
	}},
	{storefronttest.OpUnclaimPOSDevice, 400, "not held → 400", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Devices.UnclaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
		apiStatus(t, err, 400, storefronttest.CodeDeviceNotHeld)
	}},
	{storefronttest.OpUnclaimPOSDevice, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Devices.UnclaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUnclaimPOSDevice, 404, "an unpaired device → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Devices.UnclaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad2)
		apiStatus(t, err, 404, "")
	}},

	// list-pos-locations
	{storefronttest.OpListPOSLocations, 200, "three stores and a warehouse", func(t *testing.T, e *cenv) {
		list := *must(e.cashier().Devices.ListLocations(e.ctx)).Locations
		assert.Equal(t, []string{storefronttest.PickupMGRoad, storefronttest.PickupIndiranagar, storefronttest.PickupFort, storefronttest.LocationHosurWarehouse},
			names(list, func(l storefront.PosLocation) string { return l.ID }))
		assert.Equal(t, storefront.DistributionCenter, list[3].WarehouseType)
		assert.False(t, list[3].IsCheckoutPoint)
		assert.Equal(t, int64(8041100001), list[0].ContactPhone)
	}},
	{storefronttest.OpListPOSLocations, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedStaff().Devices.ListLocations(e.ctx)
		apiStatus(t, err, 401, "")
	}},

	// get-pos-user
	{storefronttest.OpGetPOSUser, 200, "a colleague, with the device they hold", func(t *testing.T, e *cenv) {
		_ = must(e.cashier().Devices.ClaimDevice(e.ctx, storefronttest.SeededDeviceMGRoad1))
		u := must(e.staff(storefronttest.SeededStaffMeera, storefronttest.PickupMGRoad).Devices.GetUser(e.ctx, storefronttest.SeededStaffArjun)).User
		assert.Equal(t, "Nair", *u.LastName)
		require.NotNil(t, u.Device)
		assert.Equal(t, storefronttest.SeededDeviceMGRoad1, u.Device.ID)
		require.Len(t, u.Roles, 1)
		assert.Equal(t, "Cashier", *u.Roles[0].RoleName)
	}},
	{storefronttest.OpGetPOSUser, 401, "a shopper's token → 401", func(t *testing.T, e *cenv) {
		_, err := e.shopper().Devices.GetUser(e.ctx, storefronttest.SeededStaffArjun)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetPOSUser, 404, "unknown staff member → 404", func(t *testing.T, e *cenv) {
		_, err := e.cashier().Devices.GetUser(e.ctx, noCart)
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
