package storefront

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"

	"github.com/commercengine-go/sdk/gen"
)

// Anonymous starts an anonymous session for the visitor and saves its
// tokens. If the session already has a token, it is sent along so the
// visitor keeps their ID. It refuses with ErrLoggedIn, sending nothing,
// while a logged-in session is live: log out first.
//
// API: get-anonymous-token (POST /auth/anonymous).
func (a *AuthService) Anonymous(ctx context.Context, opts ...CallOption) (*AuthResult, error) {
	cur, err := a.s.Tokens(ctx)
	if err != nil {
		return nil, err
	}
	if a.s.liveLogin(cur) {
		return nil, ErrLoggedIn
	}
	res, err := a.s.anonymous(ctx, cur.AccessToken, opts...)
	if err != nil {
		return nil, err
	}
	// A login may have landed while the request was out: it wins.
	saved, err := a.s.saveIf(ctx, cur, res.tokens())
	if err != nil {
		return nil, err
	}
	if saved != res.tokens() && a.s.liveLogin(saved) {
		return nil, ErrLoggedIn
	}
	if saved != res.tokens() {
		if err := a.s.save(ctx, res.tokens()); err != nil {
			return nil, err
		}
	}
	return res.result(), nil
}

// LoginWithPassword logs in with a phone number or an email address and a
// password; the logged-in pair replaces the session's tokens. An unknown
// user fails with ErrNotFound, a wrong password with ErrUnauthorized.
//
// API: login-with-password (POST /auth/login/password).
func (a *AuthService) LoginWithPassword(ctx context.Context, p LoginWithPasswordParams, opts ...CallOption) (*AuthResult, error) {
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	return a.authCall(ctx, opts, p.Password)(newLoginWithPasswordRequest(body))
}

// RegisterWithPhone registers the current visitor with a phone number and
// a first name, and logs them in.
//
// API: register-with-phone (POST /auth/register/phone).
func (a *AuthService) RegisterWithPhone(ctx context.Context, p RegisterWithPhoneParams, opts ...CallOption) (*AuthResult, error) {
	if err := firstErr(checkPhone("Phone", p.Phone), checkCountryCode(p.CountryCode),
		checkRequired("FirstName", p.FirstName), checkOptionalEmail("Email", p.Email)); err != nil {
		return nil, err
	}
	body := gen.RegisterWithPhoneJSONRequestBody{
		Phone: p.Phone, CountryCode: optional(p.CountryCode), FirstName: p.FirstName,
		LastName: optional(p.LastName), Email: optional(p.Email),
	}
	return a.authCall(ctx, opts)(newRegisterWithPhoneRequest(&gen.RegisterWithPhoneParams{XDebugMode: boolPtr(p.DebugMode)}, body))
}

// LoginWithPhone sends a login code by SMS. Pass the challenge and the code
// to VerifyOTP.
//
// API: login-with-phone (POST /auth/login/phone).
func (a *AuthService) LoginWithPhone(ctx context.Context, p LoginWithPhoneParams, opts ...CallOption) (*OTPChallenge, error) {
	if err := firstErr(checkPhone("Phone", p.Phone), checkCountryCode(p.CountryCode)); err != nil {
		return nil, err
	}
	body := gen.LoginWithPhoneJSONRequestBody{Phone: p.Phone, CountryCode: optional(p.CountryCode), RegisterIfNotExists: boolPtr(p.RegisterIfNotExists)}
	return a.otpCall(ctx, opts)(newLoginWithPhoneRequest(&gen.LoginWithPhoneParams{XDebugMode: boolPtr(p.DebugMode)}, body))
}

// LoginWithWhatsApp sends a login code over WhatsApp. Pass the challenge
// and the code to VerifyOTP.
//
// API: login-with-whatsapp (POST /auth/login/whatsapp).
func (a *AuthService) LoginWithWhatsApp(ctx context.Context, p LoginWithPhoneParams, opts ...CallOption) (*OTPChallenge, error) {
	if err := firstErr(checkPhone("Phone", p.Phone), checkCountryCode(p.CountryCode)); err != nil {
		return nil, err
	}
	body := gen.LoginWithWhatsappJSONRequestBody{Phone: p.Phone, CountryCode: optional(p.CountryCode), RegisterIfNotExists: boolPtr(p.RegisterIfNotExists)}
	return a.otpCall(ctx, opts)(newLoginWithWhatsappRequest(&gen.LoginWithWhatsappParams{XDebugMode: boolPtr(p.DebugMode)}, body))
}

// LoginWithEmail sends a login code by email. Pass the challenge and the
// code to VerifyOTP.
//
// API: login-with-email (POST /auth/login/email).
func (a *AuthService) LoginWithEmail(ctx context.Context, p LoginWithEmailParams, opts ...CallOption) (*OTPChallenge, error) {
	if err := checkEmail("Email", p.Email); err != nil {
		return nil, err
	}
	body := gen.LoginWithEmailJSONRequestBody{Email: p.Email, RegisterIfNotExists: boolPtr(p.RegisterIfNotExists)}
	return a.otpCall(ctx, opts)(newLoginWithEmailRequest(&gen.LoginWithEmailParams{XDebugMode: boolPtr(p.DebugMode)}, body))
}

// VerifyOTP completes an OTP flow with the challenge an earlier call
// returned and the code the user received. Logins and registrations log
// the user in; the pair is saved to the session.
//
// API: verify-otp (POST /auth/verify-otp).
func (a *AuthService) VerifyOTP(ctx context.Context, challenge OTPChallenge, otp string, opts ...CallOption) (*AuthResult, error) {
	if err := firstErr(checkRequired("challenge token", challenge.Token), checkRequired("challenge action", string(challenge.Action)),
		checkRequired("OTP", otp)); err != nil {
		return nil, err
	}
	body := gen.VerifyOTPJSONRequestBody{OTP: otp, OTPToken: challenge.Token, OTPAction: gen.OTPAction(challenge.Action)}
	return a.authCall(ctx, opts, otp, challenge.Token)(newVerifyOTPRequest(body))
}

// RegisterWithEmail starts a registration by email and sends a code to it;
// VerifyOTP with the challenge completes it.
//
// API: register-with-email (POST /auth/register/email).
func (a *AuthService) RegisterWithEmail(ctx context.Context, p RegisterWithEmailParams, opts ...CallOption) (*OTPChallenge, error) {
	if err := firstErr(checkEmail("Email", p.Email), checkRequired("FirstName", p.FirstName), checkOptionalPhone("Phone", p.Phone)); err != nil {
		return nil, err
	}
	body := gen.RegisterWithEmailJSONRequestBody{Email: p.Email, FirstName: p.FirstName, LastName: optional(p.LastName), Phone: optional(p.Phone)}
	return a.otpCall(ctx, opts)(newRegisterWithEmailRequest(&gen.RegisterWithEmailParams{XDebugMode: boolPtr(p.DebugMode)}, body))
}

// RegisterWithWhatsApp starts a registration by WhatsApp; VerifyOTP with
// the challenge completes it.
//
// API: register-with-whatsapp (POST /auth/register/whatsapp).
func (a *AuthService) RegisterWithWhatsApp(ctx context.Context, p RegisterWithWhatsAppParams, opts ...CallOption) (*OTPChallenge, error) {
	if err := firstErr(checkPhone("Phone", p.Phone), checkCountryCode(p.CountryCode),
		checkRequired("FirstName", p.FirstName), checkOptionalEmail("Email", p.Email)); err != nil {
		return nil, err
	}
	body := gen.RegisterWithWhatsappJSONRequestBody{
		Phone: p.Phone, CountryCode: optional(p.CountryCode), FirstName: p.FirstName,
		LastName: optional(p.LastName), Email: optional(p.Email),
	}
	return a.otpCall(ctx, opts)(newRegisterWithWhatsappRequest(&gen.RegisterWithWhatsappParams{XDebugMode: boolPtr(p.DebugMode)}, body))
}

// RegisterWithPassword starts a registration protected by a password and
// sends a code to the email address or phone number; VerifyOTP with the
// challenge completes it.
//
// API: register-with-password (POST /auth/register/password).
func (a *AuthService) RegisterWithPassword(ctx context.Context, p RegisterWithPasswordParams, opts ...CallOption) (*OTPChallenge, error) {
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	return a.otpCall(ctx, opts, p.Password, p.ConfirmPassword)(newRegisterWithPasswordRequest(&gen.RegisterWithPasswordParams{XDebugMode: boolPtr(p.DebugMode)}, body))
}

// RefreshToken exchanges the session's refresh token for a new pair now,
// whatever the access token's expiry, and saves it. Concurrent refreshes
// share one request. Without a usable refresh token it fails with
// ErrNoSession; when the API rejects the refresh token the store is cleared
// and it fails with ErrSessionExpired. Managed sessions refresh on their
// own; this is for callers that want to.
//
// API: refresh-token (POST /auth/refresh-token).
func (a *AuthService) RefreshToken(ctx context.Context) (Tokens, error) {
	cur, err := a.s.Tokens(ctx)
	if err != nil {
		return Tokens{}, err
	}
	if !a.s.refreshUsable(cur.RefreshToken) {
		return Tokens{}, fmt.Errorf("%w: no usable refresh token", ErrNoSession)
	}
	return a.s.renew(ctx, cur.AccessToken, true)
}

// Logout logs the user out. The API answers with an anonymous pair to go
// on with, which replaces the session's tokens.
//
// API: logout (POST /auth/logout).
func (a *AuthService) Logout(ctx context.Context, opts ...CallOption) (*AuthResult, error) {
	return a.authCall(ctx, opts)(newLogoutRequest())
}

// GenerateOTP sends a one-time password for an action (verify or update a
// phone number or an email address, register, reset a password). VerifyOTP
// with the challenge completes it.
//
// API: generate-otp (POST /auth/generate-otp).
func (a *AuthService) GenerateOTP(ctx context.Context, p GenerateOTPParams, opts ...CallOption) (*OTPChallenge, error) {
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	return a.otpCall(ctx, opts)(newGenerateOTPRequest(&gen.GenerateOTPParams{XDebugMode: boolPtr(p.DebugMode)}, body))
}

// ForgotPassword sends a code to reset the password of the account with
// this email address or phone number; ResetPassword completes it.
//
// API: forgot-password (POST /auth/forgot-password).
func (a *AuthService) ForgotPassword(ctx context.Context, p ForgotPasswordParams, opts ...CallOption) (*OTPChallenge, error) {
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	return a.otpCall(ctx, opts)(newForgotPasswordRequest(&gen.ForgotPasswordParams{XDebugMode: boolPtr(p.DebugMode)}, body))
}

// ResetPassword sets a new password with the code of a ForgotPassword
// challenge, and logs the user in.
//
// API: reset-password (POST /auth/reset-password).
func (a *AuthService) ResetPassword(ctx context.Context, p ResetPasswordParams, opts ...CallOption) (*AuthResult, error) {
	if err := firstErr(checkRequired("Challenge.Token", p.Challenge.Token), checkRequired("OTP", p.OTP),
		checkRequired("NewPassword", p.NewPassword), checkConfirm("ConfirmPassword", p.ConfirmPassword, p.NewPassword)); err != nil {
		return nil, err
	}
	body := gen.ResetPasswordJSONRequestBody{NewPassword: p.NewPassword, ConfirmPassword: p.ConfirmPassword, OTPToken: p.Challenge.Token, OTP: p.OTP}
	return a.authCall(ctx, opts, p.NewPassword, p.ConfirmPassword, p.OTP, p.Challenge.Token)(newResetPasswordRequest(body))
}

// ChangePassword changes the logged-in user's password; the API answers
// with a new pair, which the session saves and returns.
//
// API: change-password (POST /auth/change-password).
func (a *AuthService) ChangePassword(ctx context.Context, p ChangePasswordParams, opts ...CallOption) (Tokens, error) {
	if err := firstErr(checkRequired("OldPassword", p.OldPassword), checkRequired("NewPassword", p.NewPassword),
		checkConfirm("ConfirmPassword", p.ConfirmPassword, p.NewPassword)); err != nil {
		return Tokens{}, err
	}
	body := gen.ChangePasswordJSONRequestBody{OldPassword: p.OldPassword, NewPassword: p.NewPassword, ConfirmPassword: p.ConfirmPassword}
	req, err := newChangePasswordRequest(body)
	if err != nil {
		return Tokens{}, err
	}
	req.secrets = []string{p.OldPassword, p.NewPassword, p.ConfirmPassword}
	var out authTokensContent
	if err := a.s.do(ctx, req, &out, opts...); err != nil {
		return Tokens{}, err
	}
	t := Tokens(out)
	if t.RefreshToken == "" { // keep the old one when none is sent, as a refresh does
		cur, err := a.s.Tokens(ctx)
		if err != nil {
			return Tokens{}, err
		}
		t.RefreshToken = cur.RefreshToken
	}
	if err := a.s.save(ctx, t); err != nil {
		return Tokens{}, err
	}
	return t, nil
}

// CheckVerificationStatus answers which of the phone numbers and email
// addresses are verified.
//
// API: check-verification-status (POST /auth/verified-email-phone).
func (a *AuthService) CheckVerificationStatus(ctx context.Context, phones, emails []string, opts ...CallOption) (*VerificationStatus, error) {
	if len(phones) == 0 && len(emails) == 0 {
		return nil, invalid("give at least one phone number or email address")
	}
	body := gen.CheckVerificationStatusJSONRequestBody{}
	if len(phones) > 0 {
		body.Phone = &phones
	}
	if len(emails) > 0 {
		body.Email = &emails
	}
	req, err := newCheckVerificationStatusRequest(body)
	if err != nil {
		return nil, err
	}
	var out gen.VerificationStatus
	if err := a.s.do(ctx, req, &out, opts...); err != nil {
		return nil, err
	}
	return &VerificationStatus{VerifiedPhones: out.VerifiedPhone, VerifiedEmails: out.VerifiedEmail}, nil
}

// GetUser returns a user. An empty id means the session's own user (the
// user ID of its access token, an anonymous session started first if it
// has none).
//
// API: get-user-detail (GET /auth/user/{id}).
func (a *AuthService) GetUser(ctx context.Context, id string, opts ...CallOption) (*User, error) {
	id, err := a.s.own(ctx, ownUser, id)
	if err != nil {
		return nil, err
	}
	req, err := newGetUserDetailRequest(id)
	if err != nil {
		return nil, err
	}
	var out userContent
	if err := a.s.do(ctx, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out.User, nil
}

// UpdateUser changes the given fields of a user and returns the user. An
// empty id means the session's own user.
//
// API: update-user (PUT /auth/user/{id}).
func (a *AuthService) UpdateUser(ctx context.Context, id string, p UpdateUserParams, opts ...CallOption) (*User, error) {
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	if id, err = a.s.own(ctx, ownUser, id); err != nil {
		return nil, err
	}
	req, err := newUpdateUserRequest(id, body)
	if err != nil {
		return nil, err
	}
	var out userContent
	if err := a.s.do(ctx, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out.User, nil
}

// DeleteUser deletes a user's account; an empty id means the session's
// own user. When it is the session's own user, the session's tokens (now
// useless) are cleared.
//
// API: delete-user (DELETE /auth/user/{id}).
func (a *AuthService) DeleteUser(ctx context.Context, id string, opts ...CallOption) error {
	id, err := a.s.own(ctx, ownUser, id)
	if err != nil {
		return err
	}
	req, err := newDeleteUserRequest(id)
	if err != nil {
		return err
	}
	if err := a.s.do(ctx, req, nil, opts...); err != nil {
		return err
	}
	return a.clearIfOwn(ctx, id)
}

// DeactivateUser deactivates a user's account; an empty id means the
// session's own user. When it is the session's own user, the session's
// tokens are cleared.
//
// API: deactivate-user (PUT /auth/user/{id}/deactivate).
func (a *AuthService) DeactivateUser(ctx context.Context, id string, opts ...CallOption) error {
	id, err := a.s.own(ctx, ownUser, id)
	if err != nil {
		return err
	}
	req, err := newDeactivateUserRequest(id)
	if err != nil {
		return err
	}
	if err := a.s.do(ctx, req, nil, opts...); err != nil {
		return err
	}
	return a.clearIfOwn(ctx, id)
}

func (a *AuthService) clearIfOwn(ctx context.Context, id string) error {
	if uid, err := a.s.UserID(ctx); err == nil && uid == id {
		return a.s.Clear(ctx)
	}
	return nil
}

// GetProfileImage returns the URL of a user's profile image; a user
// without one fails with ErrNotFound. An empty id means the session's own
// user.
//
// API: get-profile-image (GET /auth/user/{id}/profile-image).
func (a *AuthService) GetProfileImage(ctx context.Context, id string, opts ...CallOption) (string, error) {
	id, err := a.s.own(ctx, ownUser, id)
	if err != nil {
		return "", err
	}
	req, err := newGetProfileImageRequest(id)
	if err != nil {
		return "", err
	}
	var out gen.ProfileImageContent
	err = a.s.do(ctx, req, &out, opts...)
	return deref(out.ProfileImageURL), err
}

// AddProfileImage uploads a user's profile image and returns its URL. An
// empty id means the session's own user.
//
// API: add-profile-image (POST /auth/user/{id}/profile-image).
func (a *AuthService) AddProfileImage(ctx context.Context, id string, img Image, opts ...CallOption) (string, error) {
	id, err := a.s.own(ctx, ownUser, id)
	if err != nil {
		return "", err
	}
	return a.uploadImage(ctx, img, opts)(newAddProfileImageRequest(id))
}

// UpdateProfileImage replaces a user's profile image and returns its URL.
// An empty id means the session's own user.
//
// API: update-profile-image (PUT /auth/user/{id}/profile-image).
func (a *AuthService) UpdateProfileImage(ctx context.Context, id string, img Image, opts ...CallOption) (string, error) {
	id, err := a.s.own(ctx, ownUser, id)
	if err != nil {
		return "", err
	}
	return a.uploadImage(ctx, img, opts)(newUpdateProfileImageRequest(id))
}

// RemoveProfileImage removes a user's profile image. An empty id means the
// session's own user.
//
// API: remove-profile-image (DELETE /auth/user/{id}/profile-image).
func (a *AuthService) RemoveProfileImage(ctx context.Context, id string, opts ...CallOption) error {
	id, err := a.s.own(ctx, ownUser, id)
	if err != nil {
		return err
	}
	req, err := newRemoveProfileImageRequest(id)
	if err != nil {
		return err
	}
	return a.s.do(ctx, req, nil, opts...)
}

// authCall returns a function that runs a request built for an operation
// that answers with a user and a token pair: it saves the pair and returns
// the result. secrets are values of the body that must never reach an
// error. The two steps let a call read as
// a.authCall(ctx, opts, secrets...)(newXRequest(…)).
func (a *AuthService) authCall(ctx context.Context, opts []CallOption, secrets ...string) func(*request, error) (*AuthResult, error) {
	return func(req *request, err error) (*AuthResult, error) {
		if err != nil {
			return nil, err
		}
		req.secrets = secrets
		var out userAuthContent
		if err := a.s.do(ctx, req, &out, opts...); err != nil {
			return nil, err
		}
		res := out.result()
		if err := a.s.save(ctx, res.Tokens()); err != nil {
			return nil, err
		}
		return res, nil
	}
}

// otpCall returns a function that runs a request built for an operation
// that answers with an OTP challenge.
func (a *AuthService) otpCall(ctx context.Context, opts []CallOption, secrets ...string) func(*request, error) (*OTPChallenge, error) {
	return func(req *request, err error) (*OTPChallenge, error) {
		if err != nil {
			return nil, err
		}
		req.secrets = secrets
		var out otpContent
		if err := a.s.do(ctx, req, &out, opts...); err != nil {
			return nil, err
		}
		return out.challenge(), nil
	}
}

// uploadImage returns a function that sends img as the multipart "image"
// field of a request built for a profile image operation. The form is built
// once in memory so that a retried attempt sends the same bytes.
func (a *AuthService) uploadImage(ctx context.Context, img Image, opts []CallOption) func(*request, error) (string, error) {
	return func(req *request, err error) (string, error) {
		if err != nil {
			return "", err
		}
		if req.body, req.contentType, err = imageForm(img); err != nil {
			return "", err
		}
		var out gen.ProfileImageContent
		if err := a.s.do(ctx, req, &out, opts...); err != nil {
			return "", err
		}
		return deref(out.ProfileImageURL), nil
	}
}

func imageForm(img Image) ([]byte, string, error) {
	if img.Body == nil {
		return nil, "", invalid("Image.Body is required")
	}
	data, err := io.ReadAll(io.LimitReader(img.Body, MaxImageBytes+1))
	if err != nil {
		return nil, "", errorf("read image: %w", err)
	}
	if len(data) == 0 {
		return nil, "", invalid("the image is empty")
	}
	if len(data) > MaxImageBytes {
		return nil, "", invalid("the image is larger than %d bytes", MaxImageBytes)
	}
	name := img.Filename
	if name == "" {
		name = "image"
	}
	ct := img.ContentType
	if ct == "" {
		ct = http.DetectContentType(data)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="image"; filename=%q`, strings.Map(safeFilenameRune, name)))
	h.Set("Content-Type", ct)
	part, err := mw.CreatePart(h)
	if err != nil {
		return nil, "", err
	}
	if _, err := part.Write(data); err != nil {
		return nil, "", err
	}
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), mw.FormDataContentType(), nil
}

// safeFilenameRune drops characters that would break the
// Content-Disposition header.
func safeFilenameRune(r rune) rune {
	if r < 0x20 || r == '"' || r == '\\' || r == 0x7f {
		return -1
	}
	return r
}

func boolPtr(b bool) *bool {
	if !b {
		return nil
	}
	return &b
}
