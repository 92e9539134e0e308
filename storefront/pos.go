package storefront

import (
	"context"
	"errors"
	"fmt"

	"github.com/commercengine-go/sdk/gen"
)

// POSSession is a point-of-sale terminal's session: the staff member
// logged in at a counter, acting for the walk-in customers they serve. It
// is not a shopper's Session: it never starts an anonymous session — it
// starts when a staff member, on a paired device, logs in by OTP at a
// location (Auth.LoginWithPhone … then Auth.VerifyOTP) — and it ends with
// Auth.Logout, after which a new login is needed.
//
// In between it keeps its pair as a Session does, on the same machinery:
// the access token is refreshed before it expires (refresh-pos-access-
// token; refresh tokens are single-use), once for all the goroutines and
// all the POSSessions of the Client that hold the pair, and, over a store
// that coordinates renewals (FileStore, storefront/redisstore), once
// across processes; every pair an operation returns is saved; the store
// is cleared only when the API itself refuses the refresh. Without a pair,
// calls fail with ErrNoSession; with a refresh token that is missing or
// expired, with ErrSessionExpired.
//
// The point of sale's groups are its services: Auth, Devices, Catalog,
// Cart and Orders. Their methods follow the spec as the shopper's do, and
// create-pos-order, like every order, is never sent twice. A POSSession
// is safe for concurrent use.
type POSSession struct {
	s *Session

	// POSServices are the point of sale's groups of the API, acting for
	// the staff member logged in: pos.Auth, pos.Cart ….
	POSServices

	services posServiceSet
}

// NewPOSSession returns a terminal's session over store (a new
// MemoryStore when nil), which holds the staff member's pair. Pair the
// device (Auth.PairDevice) and log a staff member in (Auth.LoginWithPhone,
// Auth.LoginWithEmail or Auth.LoginWithWhatsApp, then Auth.VerifyOTP)
// before the other services are used. opts are the session options
// (OnTokensChanged, OnTokensCleared).
func (c *Client) NewPOSSession(store TokenStore, opts ...SessionOption) *POSSession {
	s := c.NewSession(store, opts...)
	s.pos = true
	p := &POSSession{s: s}
	p.POSServices = p.services.bind(s)
	return p
}

// Tokens returns the staff session's pair. Handle it as a secret.
func (p *POSSession) Tokens(ctx context.Context) (Tokens, error) { return p.s.Tokens(ctx) }

// SetTokens stores t as the staff session's pair, e.g. one another process
// obtained.
func (p *POSSession) SetTokens(ctx context.Context, t Tokens) error { return p.s.SetTokens(ctx, t) }

// Clear forgets the staff session's tokens locally; Auth.Logout ends it
// at the API too.
func (p *POSSession) Clear(ctx context.Context) error { return p.s.Clear(ctx) }

// Flush saves a pair the store failed to save earlier (see Session.Flush).
func (p *POSSession) Flush(ctx context.Context) error { return p.s.Flush(ctx) }

// Peek returns the claims of the staff member's access token without a
// network call — their ID (UserID), the location they are logged in at
// (LocationID), the token's expiry — or ErrNoSession before a login.
func (p *POSSession) Peek(ctx context.Context) (Claims, error) { return p.s.Peek(ctx) }

// EnsureClaims returns the claims of a usable access token, refreshing it
// first when it is about to expire.
func (p *POSSession) EnsureClaims(ctx context.Context) (Claims, error) {
	return p.s.EnsureClaims(ctx)
}

// AccessToken returns an access token fit for use, refreshed first when
// needed. Use it to call what this SDK does not cover.
func (p *POSSession) AccessToken(ctx context.Context) (string, error) { return p.s.AccessToken(ctx) }

// POSAuthResult is a staff login: the staff member and the pair the
// session saved. It prints without the tokens.
type POSAuthResult struct {
	User         PosUser
	AccessToken  string
	RefreshToken string
}

// Tokens returns the result's pair.
func (r POSAuthResult) Tokens() Tokens {
	return Tokens{AccessToken: r.AccessToken, RefreshToken: r.RefreshToken}
}

// POSPhoneLogin asks for a staff login code by SMS or WhatsApp.
type POSPhoneLogin struct {
	// LocationID is the location the staff member logs in at
	// (Devices.ListLocations). Required.
	LocationID string
	// Phone is the staff member's number, without the country code.
	// Required.
	Phone string
	// CountryCode is "+91" when empty.
	CountryCode string
	// DebugMode asks the API to return the code in the answer (test stores).
	DebugMode bool
}

// POSEmailLogin asks for a staff login code by email.
type POSEmailLogin struct {
	// LocationID is the location the staff member logs in at
	// (Devices.ListLocations). Required.
	LocationID string
	// Email is the staff member's address. Required.
	Email string
	// DebugMode asks the API to return the code in the answer (test stores).
	DebugMode bool
}

// PairDevice pairs this terminal with the store, by the pairing code sent
// to the store's staff by phone or email, and returns the device. It is
// sent with the API key alone and changes nothing in the session.
//
// API: pair-pos-device (POST /pos/auth/pair-device).
func (a *POSAuthService) PairDevice(ctx context.Context, pairingCode string, opts ...CallOption) (*PosDevice, error) {
	if err := checkRequired("pairing code", pairingCode); err != nil {
		return nil, err
	}
	req, err := newPairPosDeviceRequest(gen.PairPosDeviceBody{PairingCode: pairingCode})
	if err != nil {
		return nil, err
	}
	req.secrets = []string{pairingCode}
	var out gen.PairPosDeviceContent
	if err := a.s.do(ctx, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out.Device, nil
}

// LoginWithPhone sends a staff member a login code by SMS, for the
// location given. Pass the challenge and the code to VerifyOTP.
//
// API: login-pos-device-with-phone (POST /pos/auth/login/phone).
func (a *POSAuthService) LoginWithPhone(ctx context.Context, p POSPhoneLogin, opts ...CallOption) (*OTPChallenge, error) {
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	req, err := newLoginPosDeviceWithPhoneRequest(&gen.LoginPosDeviceWithPhoneParams{XDebugMode: boolPtr(p.DebugMode)}, body)
	return a.otp(ctx, req, err, opts)
}

// LoginWithWhatsApp sends a staff member a login code by WhatsApp, for the
// location given. Pass the challenge and the code to VerifyOTP.
//
// API: login-pos-device-with-whatsapp (POST /pos/auth/login/whatsapp).
func (a *POSAuthService) LoginWithWhatsApp(ctx context.Context, p POSPhoneLogin, opts ...CallOption) (*OTPChallenge, error) {
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	req, err := newLoginPosDeviceWithWhatsappRequest(&gen.LoginPosDeviceWithWhatsappParams{XDebugMode: boolPtr(p.DebugMode)}, body)
	return a.otp(ctx, req, err, opts)
}

// LoginWithEmail sends a staff member a login code by email, for the
// location given. Pass the challenge and the code to VerifyOTP.
//
// API: login-pos-device-with-email (POST /pos/auth/login/email).
func (a *POSAuthService) LoginWithEmail(ctx context.Context, p POSEmailLogin, opts ...CallOption) (*OTPChallenge, error) {
	if err := firstErr(checkRequired("LocationID", p.LocationID), checkEmail("Email", p.Email)); err != nil {
		return nil, err
	}
	body := gen.PosEmailLoginBody{Email: p.Email, LocationID: p.LocationID}
	req, err := newLoginPosDeviceWithEmailRequest(&gen.LoginPosDeviceWithEmailParams{XDebugMode: boolPtr(p.DebugMode)}, body)
	return a.otp(ctx, req, err, opts)
}

func (p POSPhoneLogin) body() (gen.PosPhoneLoginBody, error) {
	if err := firstErr(checkRequired("LocationID", p.LocationID), checkPhone("Phone", p.Phone), checkCountryCode(p.CountryCode)); err != nil {
		return gen.PosPhoneLoginBody{}, err
	}
	return gen.PosPhoneLoginBody{Phone: p.Phone, CountryCode: optional(p.CountryCode), LocationID: p.LocationID}, nil
}

// otp sends a login that answers with an OTP challenge.
func (a *POSAuthService) otp(ctx context.Context, req *request, err error, opts []CallOption) (*OTPChallenge, error) {
	if err != nil {
		return nil, err
	}
	var out posOTPContent
	if err := a.s.do(ctx, req, &out, opts...); err != nil {
		return nil, err
	}
	return &OTPChallenge{Token: out.OTPToken, Action: OTPAction(out.OTPAction), OTP: deref(out.OTP)}, nil
}

// VerifyOTP completes a staff login with the challenge a Login call
// returned and the code the staff member received, and saves the pair:
// the session is the staff member's from now on. If the store fails to
// save the pair, the result is returned with an error matching ErrNotSaved:
// the session keeps and uses the pair meanwhile.
//
// API: verify-pos-login-otp (POST /pos/auth/verify-otp).
func (a *POSAuthService) VerifyOTP(ctx context.Context, challenge OTPChallenge, otp string, opts ...CallOption) (*POSAuthResult, error) {
	if err := firstErr(checkRequired("challenge token", challenge.Token), checkRequired("OTP", otp)); err != nil {
		return nil, err
	}
	action := gen.VerifyPosLoginOTPBodyOTPActionLogin
	if challenge.Action != "" {
		action = gen.VerifyPosLoginOTPBodyOTPAction(challenge.Action)
	}
	req, err := newVerifyPosLoginOTPRequest(gen.VerifyPosLoginOTPBody{OTP: otp, OTPToken: challenge.Token, OTPAction: action})
	if err != nil {
		return nil, err
	}
	req.secrets = []string{otp, challenge.Token}
	var out posAuthContent
	if err := a.s.do(ctx, req, &out, opts...); err != nil {
		return nil, err
	}
	res := &POSAuthResult{User: out.User, AccessToken: out.AccessToken, RefreshToken: out.RefreshToken}
	if err := a.s.save(ctx, res.Tokens()); err != nil {
		// The code is spent: the result goes back with the store's error.
		// With ErrNotSaved the session keeps the pair, uses it and saves it
		// on its next call (Flush saves it now).
		return res, err
	}
	return res, nil
}

// RefreshToken exchanges the staff session's refresh token for a new pair
// now, whatever the access token's expiry, and saves it; concurrent
// refreshes share one request. The session refreshes on its own; this is
// for callers that want to. Before a login it fails with ErrNoSession;
// with a refresh token that is missing, damaged or expired, with
// ErrSessionExpired (log in again), as every other call does; when the API
// refuses the refresh token the store is cleared and it fails with
// ErrSessionExpired.
//
// API: refresh-pos-access-token (POST /pos/auth/refresh-token).
func (a *POSAuthService) RefreshToken(ctx context.Context) (Tokens, error) {
	cur, err := a.s.Tokens(ctx)
	if err != nil {
		return Tokens{}, err
	}
	switch {
	case cur.IsZero():
		return Tokens{}, fmt.Errorf("%w: pair the device and log a staff member in first (POSSession.Auth)", ErrNoSession)
	case !a.s.refreshUsable(cur.RefreshToken):
		return Tokens{}, fmt.Errorf("%w: the staff session's refresh token is missing, damaged or expired: log in again", ErrSessionExpired)
	}
	return a.s.renew(ctx, cur.AccessToken, true)
}

// Logout ends the staff session at the API and clears its tokens: the
// access token stops working and a new login is needed. The terminal's
// tokens are cleared whatever the API answered — the next person at a
// shared counter must not inherit the session — and an error from the API
// (a timeout, a 5xx) is returned after that: the access token may then
// still work at the API until it expires. A session the API had already
// ended (ErrSessionExpired), or a terminal with no session (ErrNoSession),
// counts as logged out.
//
// API: logout-from-pos-device (POST /pos/auth/logout).
func (a *POSAuthService) Logout(ctx context.Context, opts ...CallOption) error {
	req, err := newLogoutFromPosDeviceRequest()
	if err != nil {
		return err
	}
	err = a.s.do(ctx, req, nil, opts...)
	if errors.Is(err, ErrSessionExpired) || errors.Is(err, ErrNoSession) {
		err = nil
	}
	if cerr := a.s.Clear(ctx); cerr != nil {
		return errors.Join(err, cerr)
	}
	return err
}

// posOTPContent is the answer of a staff login: the OTP challenge.
type posOTPContent gen.PosOTPContent

func (c *posOTPContent) validate() string {
	if c.OTPToken == "" {
		return "no otp_token"
	}
	return ""
}

// posAuthContent is the answer of verify-pos-login-otp: the staff member
// and their pair.
type posAuthContent gen.PosAuthContent

func (c *posAuthContent) validate() string {
	return validateAuth(c.User.ID, c.AccessToken, c.RefreshToken)
}

// The customer a POS cart is for (Cart.UpdateCartCustomer): an existing
// customer by ID, or one found by phone number or email address — and
// registered with the names given when the store does not know them yet.

// CustomerByID links a POS cart to an existing customer.
func CustomerByID(customerID string) PosUpdateCartCustomerBody {
	return oneOf((*PosUpdateCartCustomerBody).FromPosUpdateCustomerWithID, PosUpdateCustomerWithID{CustomerID: customerID})
}

// CustomerByPhone links a POS cart to the customer with this phone number
// (CountryCode "+91" when nil), registering them with c's names when the
// store does not know the number.
func CustomerByPhone(c PosUpdateCustomerWithPhone) PosUpdateCartCustomerBody {
	return oneOf((*PosUpdateCartCustomerBody).FromPosUpdateCustomerWithPhone, c)
}

// CustomerByEmail links a POS cart to the customer with this email
// address, registering them with c's names when the store does not know it.
func CustomerByEmail(c PosUpdateCustomerWithEmail) PosUpdateCartCustomerBody {
	return oneOf((*PosUpdateCartCustomerBody).FromPosUpdateCustomerWithEmail, c)
}

// NewManualPOSSession returns a terminal's session that starts with t and
// never refreshes on its own (Auth.RefreshToken still does when asked):
// for callers that keep the staff member's tokens themselves and build a
// session per request. Pairs that operations return are kept in the
// session; with no access token, calls fail with ErrNoSession, and a 401
// is returned as is.
func (c *Client) NewManualPOSSession(t Tokens, opts ...SessionOption) *POSSession {
	s := c.NewManualSession(t, opts...)
	s.pos = true
	p := &POSSession{s: s}
	p.POSServices = p.services.bind(s)
	return p
}
