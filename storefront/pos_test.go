package storefront_test

import (
	"context"
	"net/http"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// posOne is a quantity of one.
var posOne = decimal.NewFromInt(1)

// posEnv is a fake API with a validating transport (every exchange must
// match openapi.yaml) and a client on the fake's clock.
type posEnv struct {
	srv    *storefronttest.Server
	client *storefront.Client
	ctx    context.Context
}

func newPOSEnv(t *testing.T) *posEnv {
	t.Helper()
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	t.Cleanup(srv.Close)
	return &posEnv{srv: srv, client: posClient(t, srv), ctx: context.Background()}
}

// posClient is another client of srv, as another process would have.
func posClient(t *testing.T, srv *storefronttest.Server) *storefront.Client {
	t.Helper()
	vt := api.NewTransport(nil, api.Strict)
	t.Cleanup(func() { assert.NoError(t, vt.Err(), "an exchange departed from openapi.yaml") })
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()),
		storefront.WithHTTPClient(&http.Client{Transport: vt}), storefront.WithClock(srv.Now))
	require.NoError(t, err)
	return client
}

// loginMeera logs the seeded store manager in at MG Road on pos, by the
// code the fake returns in debug mode.
func (e *posEnv) loginMeera(t *testing.T, pos *storefront.POSSession) *storefront.POSAuthResult {
	t.Helper()
	ch, err := pos.Auth.LoginWithPhone(e.ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupMGRoad, Phone: "9000000101", DebugMode: true})
	require.NoError(t, err)
	require.NotEmpty(t, ch.OTP, "debug mode returns the code")
	res, err := pos.Auth.VerifyOTP(e.ctx, *ch, ch.OTP)
	require.NoError(t, err)
	return res
}

// TestPOSSessionNeverStartsAnonymously: a terminal's session is a staff
// member's or nothing — without a login its calls fail with ErrNoSession
// and no anonymous session is asked for.
func TestPOSSessionNeverStartsAnonymously(t *testing.T) {
	t.Parallel()
	e := newPOSEnv(t)
	pos := e.client.NewPOSSession(nil)
	_, err := pos.Devices.ListDevices(e.ctx)
	require.ErrorIs(t, err, storefront.ErrNoSession)
	assert.Contains(t, err.Error(), "log a staff member in")
	_, err = pos.EnsureClaims(e.ctx)
	require.ErrorIs(t, err, storefront.ErrNoSession)
	assert.Zero(t, e.srv.Calls(storefronttest.OpGetAnonymousToken))
	assert.Zero(t, e.srv.Calls(storefronttest.OpListPOSDevices))

	// After a login the same call works, as the staff member.
	res := e.loginMeera(t, pos)
	assert.Equal(t, storefronttest.SeededStaffMeera, res.User.ID)
	claims, err := pos.Peek(e.ctx)
	require.NoError(t, err)
	assert.Equal(t, storefronttest.SeededStaffMeera, claims.UserID)
	assert.Equal(t, storefronttest.PickupMGRoad, claims.LocationID)
	devices, err := pos.Devices.ListDevices(e.ctx)
	require.NoError(t, err)
	assert.NotEmpty(t, devices.Devices)
	assert.Zero(t, e.srv.Calls(storefronttest.OpGetAnonymousToken))
}

// TestPOSRefreshesOncePerPair: many goroutines, and another POSSession of
// the Client over the same store, meet an expired staff token: one
// refresh-pos-access-token for all of them (refresh tokens are
// single-use), and every call succeeds.
func TestPOSRefreshesOncePerPair(t *testing.T) {
	t.Parallel()
	e := newPOSEnv(t)
	store := storefront.NewMemoryStore()
	pos := e.client.NewPOSSession(store)
	e.loginMeera(t, pos)
	other := e.client.NewPOSSession(store)
	e.srv.Advance(storefronttest.DefaultAccessTTL) // every access token has expired

	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 40 {
		p := pos
		if i%2 == 1 {
			p = other
		}
		wg.Go(func() {
			_, err := p.Devices.ListLocations(e.ctx)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshPOSAccessToken), "one refresh for every caller holding the pair")
	assert.Equal(t, 40, e.srv.Calls(storefronttest.OpListPOSLocations))
	assert.Zero(t, e.srv.Calls(storefronttest.OpRefreshToken), "a staff session is refreshed by the point of sale's operation")
}

// TestPOSRefreshesOnceAcrossProcesses: two clients — as two processes of
// a back end would have — share the terminal's pair in one FileStore; the
// store's lock makes one of them refresh and the other adopt the new pair.
func TestPOSRefreshesOnceAcrossProcesses(t *testing.T) {
	t.Parallel()
	e := newPOSEnv(t)
	path := filepath.Join(t.TempDir(), "terminal.json")
	first := e.client.NewPOSSession(storefront.NewFileStore(path))
	e.loginMeera(t, first)
	second := posClient(t, e.srv).NewPOSSession(storefront.NewFileStore(path))

	for round := range 3 {
		e.srv.Advance(storefronttest.DefaultAccessTTL)
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for i := range 8 {
			p := first
			if i%2 == 1 {
				p = second
			}
			wg.Go(func() {
				_, err := p.Devices.ListDevices(e.ctx)
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err, "round %d", round)
		}
		assert.Equal(t, round+1, e.srv.Calls(storefronttest.OpRefreshPOSAccessToken), "one refresh per round across both clients")
	}
}

// TestPOSLogoutEndsTheSession: logout clears the terminal's tokens, the
// old access token is refused by the API, and the session needs a new
// login; a session the API ended elsewhere is refused its refresh, which
// clears the store.
func TestPOSLogoutEndsTheSession(t *testing.T) {
	t.Parallel()
	e := newPOSEnv(t)
	store := storefront.NewMemoryStore()
	pos := e.client.NewPOSSession(store)
	res := e.loginMeera(t, pos)
	require.NoError(t, pos.Auth.Logout(e.ctx))
	held, err := store.Load(e.ctx)
	require.NoError(t, err)
	assert.True(t, held.IsZero(), "logout clears the store")
	_, err = pos.Devices.ListDevices(e.ctx)
	require.ErrorIs(t, err, storefront.ErrNoSession)

	// The old pair, kept elsewhere, is dead at the API.
	stale := e.client.NewPOSSession(nil)
	require.NoError(t, stale.SetTokens(e.ctx, res.Tokens()))
	_, err = stale.Devices.ListDevices(e.ctx)
	require.ErrorIs(t, err, storefront.ErrSessionExpired)
	left, err := stale.Tokens(e.ctx)
	require.NoError(t, err)
	assert.True(t, left.IsZero(), "the API refused the refresh: the store is cleared")

	// A new login starts again.
	e.loginMeera(t, pos)
	_, err = pos.Devices.ListDevices(e.ctx)
	require.NoError(t, err)
}

// TestCreatePOSOrderIsNeverResent: an order is never sent twice, whatever
// happens to the first attempt — a 503, or a connection dropped before the
// answer.
func TestCreatePOSOrderIsNeverResent(t *testing.T) {
	t.Parallel()
	for _, fault := range []storefronttest.Fault{{Status: http.StatusServiceUnavailable, Times: 1}, {Drop: true, Times: 1}} {
		e := newPOSEnv(t)
		// The faults are not the API's declared answers: no validating transport here.
		var err error
		e.client, err = storefront.New(e.srv.StoreID(), storefront.WithAPIKey(e.srv.APIKey()), storefront.WithBaseURL(e.srv.BaseURL()),
			storefront.WithClock(e.srv.Now))
		require.NoError(t, err)
		pos := e.client.NewPOSSession(nil)
		e.loginMeera(t, pos)
		c, err := pos.Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{{ProductID: "cast-iron-teapot", Quantity: posOne}}})
		require.NoError(t, err)
		_, err = pos.Cart.UpdateCartCustomer(e.ctx, c.Cart.ID, storefront.CustomerByPhone(storefront.PosUpdateCustomerWithPhone{
			Phone: "9812345670", FirstName: new("Ravi")}))
		require.NoError(t, err)
		e.srv.InjectFault(storefronttest.OpCreatePOSOrder, fault)
		_, err = pos.Orders.CreateOrder(e.ctx, storefront.CreatePosOrderBody{CartID: c.Cart.ID, PaymentMode: storefront.PosPaymentModeCASH})
		require.Error(t, err)
		assert.Equal(t, 1, e.srv.Calls(storefronttest.OpCreatePOSOrder), "sent once after %+v", fault)
	}
}

// TestPOSStory is a counter's day in one sale: a new terminal is paired,
// the store manager logs in at MG Road and claims the counter, a walk-in
// customer found by phone buys a teapot with WELCOME10, pays by card on
// the terminal, the payment status is polled until the terminal reports
// it, the counter is released and the manager logs out.
func TestPOSStory(t *testing.T) {
	t.Parallel()
	e := newPOSEnv(t)
	pos := e.client.NewPOSSession(nil)

	device, err := pos.Auth.PairDevice(e.ctx, storefronttest.SeededPairingCodeMGRoad2)
	require.NoError(t, err)
	assert.Equal(t, storefronttest.SeededDeviceMGRoad2, device.ID)

	e.loginMeera(t, pos)
	claimed, err := pos.Devices.ClaimDevice(e.ctx, device.ID)
	require.NoError(t, err)
	assert.Equal(t, storefronttest.SeededStaffMeera, claimed.User.ID)
	holder, held := e.srv.POSDeviceHolder(device.ID)
	assert.True(t, held)
	assert.Equal(t, storefronttest.SeededStaffMeera, holder)

	// The walk-in customer's cart: a teapot, the customer found by phone
	// (registered, since the store does not know the number), WELCOME10.
	c, err := pos.Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{{ProductID: "cast-iron-teapot", Quantity: posOne}}})
	require.NoError(t, err)
	cartID := c.Cart.ID
	linked, err := pos.Cart.UpdateCartCustomer(e.ctx, cartID, storefront.CustomerByPhone(storefront.PosUpdateCustomerWithPhone{
		Phone: "9812345670", FirstName: new("Ravi"), LastName: new("Kumar")}))
	require.NoError(t, err)
	assert.Equal(t, cartID, linked.Cart.ID)
	withCoupon, err := pos.Cart.ApplyCoupon(e.ctx, cartID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
	require.NoError(t, err)
	// ₹1899 − 10% = ₹1709.10, taken over the counter (no delivery).
	money(t, "189.90", withCoupon.Cart.CouponDiscountAmount, "WELCOME10 on ₹1899")
	money(t, "1709.10", withCoupon.Cart.GrandTotal, "to pay at the counter")

	placed, err := pos.Orders.CreateOrder(e.ctx, storefront.CreatePosOrderBody{CartID: cartID, PaymentMode: storefront.PosPaymentModeCARD})
	require.NoError(t, err)
	assert.True(t, placed.PaymentRequired)
	n := placed.Order.GetOrderNumber()
	require.NotEmpty(t, n)

	status, err := pos.Orders.GetPaymentStatus(e.ctx, n)
	require.NoError(t, err)
	assert.Equal(t, "pending", string(status.Status), "the card is taken on the terminal")
	_, err = pos.Devices.UnclaimDevice(e.ctx, device.ID)
	require.ErrorIs(t, err, storefront.ErrBadRequest, "a counter taking a payment cannot be released")

	require.NoError(t, e.srv.CompletePayment(n, true)) // the terminal reports the card paid
	for range 3 {
		if status, err = pos.Orders.GetPaymentStatus(e.ctx, n); err != nil || string(status.Status) != "pending" {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	require.NoError(t, err)
	assert.Equal(t, "success", string(status.Status))
	money(t, "1709.10", status.AmountPaid, "paid")

	_, err = pos.Devices.UnclaimDevice(e.ctx, device.ID)
	require.NoError(t, err)
	_, held = e.srv.POSDeviceHolder(device.ID)
	assert.False(t, held)
	require.NoError(t, pos.Auth.Logout(e.ctx))
	_, err = pos.Devices.ListDevices(e.ctx)
	require.ErrorIs(t, err, storefront.ErrNoSession)
}

// TestPOSLogoutAlwaysClearsTheTerminal: the next person at a shared
// counter never inherits a session — an API failure during logout is
// returned, but the terminal's tokens are gone; a second logout is
// harmless.
func TestPOSLogoutAlwaysClearsTheTerminal(t *testing.T) {
	t.Parallel()
	e := newPOSEnv(t)
	var err error
	e.client, err = storefront.New(e.srv.StoreID(), storefront.WithAPIKey(e.srv.APIKey()), storefront.WithBaseURL(e.srv.BaseURL()),
		storefront.WithClock(e.srv.Now), storefront.WithRetryPolicy(storefront.NoRetries)) // the fault is not a declared answer
	require.NoError(t, err)
	store := storefront.NewMemoryStore()
	pos := e.client.NewPOSSession(store)
	e.loginMeera(t, pos)
	e.srv.InjectFault(storefronttest.OpLogoutFromPOSDevice, storefronttest.Fault{Status: http.StatusServiceUnavailable, Times: 1})
	err = pos.Auth.Logout(e.ctx)
	require.ErrorIs(t, err, storefront.ErrServer, "the API's failure is reported")
	held, err := store.Load(e.ctx)
	require.NoError(t, err)
	assert.True(t, held.IsZero(), "the terminal's tokens are cleared all the same")
	require.NoError(t, pos.Auth.Logout(e.ctx), "logging out of no session is harmless")
}

// TestPOSRefreshTokenErrors: before a login, ErrNoSession; with an access
// token but no usable refresh token, ErrSessionExpired, as any other call
// of the session gets.
func TestPOSRefreshTokenErrors(t *testing.T) {
	t.Parallel()
	e := newPOSEnv(t)
	pos := e.client.NewPOSSession(nil)
	_, err := pos.Auth.RefreshToken(e.ctx)
	require.ErrorIs(t, err, storefront.ErrNoSession)
	res := e.loginMeera(t, pos)
	require.NoError(t, pos.SetTokens(e.ctx, storefront.Tokens{AccessToken: res.AccessToken}))
	_, err = pos.Auth.RefreshToken(e.ctx)
	require.ErrorIs(t, err, storefront.ErrSessionExpired)
	e.srv.Advance(storefronttest.DefaultAccessTTL)
	_, err = pos.Devices.ListDevices(e.ctx)
	require.ErrorIs(t, err, storefront.ErrSessionExpired)
	assert.Zero(t, e.srv.Calls(storefronttest.OpRefreshPOSAccessToken))
}
