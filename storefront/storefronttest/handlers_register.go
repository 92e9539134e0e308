package storefronttest

import (
	"context"
	"encoding/json"
	"time"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// RegisterWithPhone creates an account from a phone number and a first name
// and logs it in at once (the seed page's behaviour): no OTP is sent, and the
// phone number is not verified. The new user takes the caller's visitor ID
// when that ID is not a user's already. A phone number or email address of
// another user is 400 already_exists.
func (h *handlers) RegisterWithPhone(ctx context.Context, req genserver.RegisterWithPhoneRequestObject) (genserver.RegisterWithPhoneResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return registerWithPhoneError(orBodyMissing(e)), nil
	}
	b := req.Body
	reg, e := newRegistration(&b.FirstName, b.LastName, &b.Phone, b.CountryCode, b.Email)
	if e != nil {
		return registerWithPhoneError(e), nil
	}
	now := h.s.Now()
	h.s.mu.Lock()
	u, e := h.s.createUserLocked(reg, rc.caller.UserID, now)
	if e != nil {
		h.s.mu.Unlock()
		return registerWithPhoneError(e), nil
	}
	view, sub := h.s.loggedInLocked(u, rc.caller)
	h.s.mu.Unlock()
	res := authResult{user: view, pair: h.s.issue(rc.storeID, sub, "", 0)}
	return genserver.RegisterWithPhone200JSONResponse{Message: msgRegistered, Success: true, Content: gen.RegisterWithPhoneContent(res.content())}, nil
}

// RegisterWithEmail sends an OTP to the email address; verify-otp with
// action "register" creates the account.
func (h *handlers) RegisterWithEmail(ctx context.Context, req genserver.RegisterWithEmailRequestObject) (genserver.RegisterWithEmailResponseObject, error) {
	_, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return registerWithEmailError(orBodyMissing(e)), nil
	}
	b := req.Body
	reg, e := newRegistration(&b.FirstName, b.LastName, b.Phone, nil, &b.Email)
	if e != nil {
		return registerWithEmailError(e), nil
	}
	content, e := h.s.startRegistration(reg, destination{email: reg.email}, req.Params.XDebugMode)
	if e != nil {
		return registerWithEmailError(e), nil
	}
	return genserver.RegisterWithEmail200JSONResponse{OTPSentJSONResponse: otpSent(content)}, nil
}

// RegisterWithWhatsapp sends an OTP to the phone number by WhatsApp;
// verify-otp with action "register" creates the account.
func (h *handlers) RegisterWithWhatsapp(ctx context.Context, req genserver.RegisterWithWhatsappRequestObject) (genserver.RegisterWithWhatsappResponseObject, error) {
	_, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return registerWithWhatsappError(orBodyMissing(e)), nil
	}
	b := req.Body
	reg, e := newRegistration(&b.FirstName, b.LastName, &b.Phone, b.CountryCode, b.Email)
	if e != nil {
		return registerWithWhatsappError(e), nil
	}
	content, e := h.s.startRegistration(reg, destination{phone: reg.phone, country: reg.country}, req.Params.XDebugMode)
	if e != nil {
		return registerWithWhatsappError(e), nil
	}
	return genserver.RegisterWithWhatsapp200JSONResponse{OTPSentJSONResponse: otpSent(content)}, nil
}

// RegisterWithPassword sends an OTP to the email address when one is given,
// otherwise by SMS to the phone number; verify-otp with action "register"
// creates the account with the password. password and confirm_password must
// match (400 password_mismatch naming confirm_password).
func (h *handlers) RegisterWithPassword(ctx context.Context, req genserver.RegisterWithPasswordRequestObject) (genserver.RegisterWithPasswordResponseObject, error) {
	_, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return registerWithPasswordError(orBodyMissing(e)), nil
	}
	var b struct {
		Email, Phone, CountryCode *string
		Password                  string
		ConfirmPassword           string `json:"confirm_password"`
	}
	raw, err := req.Body.MarshalJSON()
	if err == nil {
		err = json.Unmarshal(raw, &b)
	}
	if err != nil {
		return registerWithPasswordError(badRequest(CodeBadRequest, "the request body cannot be decoded")), nil
	}
	if e := checkNewPassword("password", b.Password, b.ConfirmPassword); e != nil {
		return registerWithPasswordError(e), nil
	}
	reg, e := newRegistration(nil, nil, b.Phone, b.CountryCode, b.Email)
	if e != nil {
		return registerWithPasswordError(e), nil
	}
	reg.salt, reg.hash = hashPassword(b.Password)
	dest := destination{email: reg.email}
	if reg.email == nil {
		dest = destination{phone: reg.phone, country: reg.country}
	}
	content, e := h.s.startRegistration(reg, dest, req.Params.XDebugMode)
	if e != nil {
		return registerWithPasswordError(e), nil
	}
	return genserver.RegisterWithPassword200JSONResponse{OTPSentJSONResponse: otpSent(content)}, nil
}

// newRegistration validates the fields of an account to create. A nil
// firstName means the operation has none; a phone number without country
// code gets DefaultCountryCode.
func newRegistration(firstName, lastName, phone, country, email *string) (*registration, *apiError) {
	reg := &registration{}
	if firstName != nil {
		if *firstName == "" {
			return nil, fieldError(CodeBadRequest, "first_name", "must not be empty")
		}
		reg.firstName = firstName
	}
	if lastName != nil && *lastName != "" {
		reg.lastName = lastName
	}
	if phone != nil && *phone != "" {
		if e := checkPhone("phone", *phone); e != nil {
			return nil, e
		}
		cc := countryOrDefault(country)
		reg.phone, reg.country = phone, &cc
	}
	if email != nil && *email != "" {
		addr := normalizeEmail(*email)
		if e := checkEmail("email", addr); e != nil {
			return nil, e
		}
		reg.email = &addr
	}
	return reg, nil
}

// startRegistration sends the OTP of a registration, refusing a phone
// number or email address that belongs to a user.
func (s *Server) startRegistration(reg *registration, dest destination, debug *bool) (gen.OTPContent, *apiError) {
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.checkFreeLocked(reg.phone, reg.country, reg.email, ""); e != nil {
		return gen.OTPContent{}, e
	}
	ch := &challenge{action: gen.OTPActionRegister, dest: dest, reg: reg}
	return s.startChallengeLocked(ch, now, debug), nil
}

// checkFreeLocked refuses a phone number or email address that belongs to a
// user other than except.
func (s *Server) checkFreeLocked(phone, country, email *string, except string) *apiError {
	if phone != nil {
		if u := s.userByPhoneLocked(*country, *phone); u != nil && u.id != except {
			return fieldError(CodeAlreadyExists, "phone", "a user with this phone number already exists")
		}
	}
	if email != nil {
		if u := s.userByEmailLocked(*email); u != nil && u.id != except {
			return fieldError(CodeAlreadyExists, "email", "a user with this email address already exists")
		}
	}
	return nil
}

// createUserLocked creates the account of reg for the visitor, whose ID it
// takes unless that ID is a user's already.
func (s *Server) createUserLocked(reg *registration, visitor string, now time.Time) (*user, *apiError) {
	u := &user{
		id: s.newUserIDLocked(visitor, now), customerID: newULID(now),
		firstName: reg.firstName, lastName: reg.lastName, email: reg.email, phone: reg.phone, country: reg.country,
		salt: reg.salt, hash: reg.hash, prefs: defaultPreferences, createdAt: now, modifiedAt: now,
	}
	if e := s.addUserLocked(u); e != nil {
		return nil, e
	}
	return u, nil
}

// checkNewPassword requires a password and its confirmation to match.
func checkNewPassword(field, password, confirm string) *apiError {
	if password == "" {
		return fieldError(CodeBadRequest, field, "must not be empty")
	}
	if password != confirm {
		return fieldError(CodePasswordMismatch, "confirm_password", "does not match "+field)
	}
	return nil
}
