package storefronttest

import (
	"context"
	"encoding/json"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// anonymousIDOf is the visitor behind a token: its anonymous_id, or its ulid.
func anonymousIDOf(c *TokenClaims) string {
	if c.AnonymousID != "" {
		return c.AnonymousID
	}
	return c.UserID
}

// loggedInLocked is what a login of u by the caller answers: the user, and
// the subject of the new pair to sign once the lock is released. Call it
// with s.mu held.
func (s *Server) loggedInLocked(u *user, caller *TokenClaims) (gen.User, subject) {
	return u.view(true), subjectOf(u, anonymousIDOf(caller))
}

// LoginWithPassword logs a user in with a phone number (country code
// default "+91") or an email address and a password. An unknown user is 404;
// a wrong password, or a user without one, is 401 invalid_credentials; a
// deactivated user is 401 user_inactive.
func (h *handlers) LoginWithPassword(ctx context.Context, req genserver.LoginWithPasswordRequestObject) (genserver.LoginWithPasswordResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return loginWithPasswordError(e), nil
	}
	var body struct {
		Phone, Email, Password string
		CountryCode            *string `json:"country_code"`
	}
	if req.Body != nil {
		raw, err := req.Body.MarshalJSON()
		if err == nil {
			err = json.Unmarshal(raw, &body)
		}
		if err != nil {
			return loginWithPasswordError(badRequest(CodeBadRequest, "the request body cannot be decoded")), nil
		}
	}
	res, e := h.s.loginWithPassword(rc, body.Phone, countryOrDefault(body.CountryCode), body.Email, body.Password)
	if e != nil {
		return loginWithPasswordError(e), nil
	}
	return genserver.LoginWithPassword200JSONResponse{Message: msgLoggedIn, Success: true, Content: gen.LoginWithPasswordContent(res.content())}, nil
}

func (s *Server) loginWithPassword(rc *requestContext, phone, country, email, password string) (authResult, *apiError) {
	s.mu.RLock()
	var u *user
	if phone != "" {
		u = s.userByPhoneLocked(country, phone)
	} else {
		u = s.userByEmailLocked(email)
	}
	var salt, hash []byte
	if u != nil {
		salt, hash = u.salt, u.hash
	}
	s.mu.RUnlock()
	switch {
	case u == nil:
		return authResult{}, errUserNotFound
	case !checkPassword(password, salt, hash): // outside the lock: hashing is slow
		return authResult{}, unauthorized(CodeInvalidCredentials, "the password is wrong or the user has none")
	}
	s.mu.RLock()
	if !u.usable() {
		s.mu.RUnlock()
		return authResult{}, errUserInactive
	}
	view, sub := s.loggedInLocked(u, rc.caller)
	s.mu.RUnlock()
	return authResult{user: view, pair: s.issue(rc.storeID, sub, "", 0)}, nil
}

var errUserInactive = unauthorized(CodeUserInactive, "the user is deactivated")

// LoginWithPhone sends a login OTP by SMS.
func (h *handlers) LoginWithPhone(ctx context.Context, req genserver.LoginWithPhoneRequestObject) (genserver.LoginWithPhoneResponseObject, error) {
	_, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return loginWithPhoneError(orBodyMissing(e)), nil
	}
	b := req.Body
	content, e := h.s.startLogin(phoneDestination(b.Phone, countryOrDefault(b.CountryCode)), isTrue(b.RegisterIfNotExists), req.Params.XDebugMode)
	if e != nil {
		return loginWithPhoneError(e), nil
	}
	return genserver.LoginWithPhone200JSONResponse{OTPSentJSONResponse: otpSent(content)}, nil
}

// LoginWithWhatsapp sends a login OTP by WhatsApp.
func (h *handlers) LoginWithWhatsapp(ctx context.Context, req genserver.LoginWithWhatsappRequestObject) (genserver.LoginWithWhatsappResponseObject, error) {
	_, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return loginWithWhatsappError(orBodyMissing(e)), nil
	}
	b := req.Body
	content, e := h.s.startLogin(phoneDestination(b.Phone, countryOrDefault(b.CountryCode)), isTrue(b.RegisterIfNotExists), req.Params.XDebugMode)
	if e != nil {
		return loginWithWhatsappError(e), nil
	}
	return genserver.LoginWithWhatsapp200JSONResponse{OTPSentJSONResponse: otpSent(content)}, nil
}

// LoginWithEmail sends a login OTP by email.
func (h *handlers) LoginWithEmail(ctx context.Context, req genserver.LoginWithEmailRequestObject) (genserver.LoginWithEmailResponseObject, error) {
	_, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return loginWithEmailError(orBodyMissing(e)), nil
	}
	content, e := h.s.startLogin(emailDestination(req.Body.Email), isTrue(req.Body.RegisterIfNotExists), req.Params.XDebugMode)
	if e != nil {
		return loginWithEmailError(e), nil
	}
	return genserver.LoginWithEmail200JSONResponse{OTPSentJSONResponse: otpSent(content)}, nil
}

// startLogin sends a login OTP to dest. An unknown destination is 404,
// unless register is set: then verifying the OTP creates the user. A
// deactivated user is 401 user_inactive.
func (s *Server) startLogin(dest destination, register bool, debug *bool) (gen.OTPContent, *apiError) {
	if e := dest.check(); e != nil && register {
		return gen.OTPContent{}, e
	}
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := &challenge{action: gen.OTPActionLogin, dest: dest}
	switch u := s.userAtLocked(dest); {
	case u == nil && !register:
		return gen.OTPContent{}, errUserNotFound
	case u == nil:
		ch.reg = &registration{phone: dest.phone, country: dest.country, email: dest.email}
	case u.inactive:
		return gen.OTPContent{}, errUserInactive
	default:
		ch.userID = u.id
	}
	return s.startChallengeLocked(ch, now, debug), nil
}

// check validates the destination's format, for one that will be stored.
func (d destination) check() *apiError {
	if d.email != nil {
		return checkEmail("email", *d.email)
	}
	return checkPhone("phone", *d.phone)
}

func otpSent(c gen.OTPContent) genserver.OTPSentJSONResponse {
	return genserver.OTPSentJSONResponse{Message: msgOTPSent, Success: true, Content: c}
}

// orBodyMissing is e, or the error of a request without a body.
func orBodyMissing(e *apiError) *apiError {
	if e != nil {
		return e
	}
	return badRequest(CodeBadRequest, "a body is required")
}
