package storefronttest

import (
	"context"
	"encoding/json"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// ForgotPassword sends an OTP with action "reset-password" to a user's email
// address or phone number (404 when no user has it).
func (h *handlers) ForgotPassword(ctx context.Context, req genserver.ForgotPasswordRequestObject) (genserver.ForgotPasswordResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return forgotPasswordError(orBodyMissing(e)), nil
	}
	var b struct {
		Email, Phone string
		CountryCode  *string `json:"country_code"`
	}
	raw, err := req.Body.MarshalJSON()
	if err == nil {
		err = json.Unmarshal(raw, &b)
	}
	if err != nil {
		return forgotPasswordError(badRequest(CodeBadRequest, "the request body cannot be decoded")), nil
	}
	dest := emailDestination(b.Email)
	if b.Email == "" {
		dest = phoneDestination(b.Phone, countryOrDefault(b.CountryCode))
	}
	content, e := h.s.generateOTP(rc, gen.OTPActionResetPassword, dest, req.Params.XDebugMode)
	if e != nil {
		return forgotPasswordError(e), nil
	}
	return genserver.ForgotPassword200JSONResponse{OTPSentJSONResponse: otpSent(content)}, nil
}

// ResetPassword sets a new password with the OTP of forgot-password (or of
// generate-otp with action reset-password), uses the OTP up and logs the
// user in. The OTP's errors are verify-otp's; new_password and
// confirm_password must match (400 password_mismatch).
func (h *handlers) ResetPassword(ctx context.Context, req genserver.ResetPasswordRequestObject) (genserver.ResetPasswordResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return resetPasswordError(orBodyMissing(e)), nil
	}
	b := req.Body
	if e := checkNewPassword("new_password", b.NewPassword, b.ConfirmPassword); e != nil {
		return resetPasswordError(e), nil
	}
	salt, hash := hashPassword(b.NewPassword) // before the lock: hashing is slow
	now := h.s.Now()
	h.s.mu.Lock()
	h.s.sweepLocked(now)
	ch := h.s.challenges[b.OTPToken]
	if ch == nil {
		h.s.mu.Unlock()
		return resetPasswordError(errOTPNotFound), nil
	}
	if e := h.s.checkChallengeLocked(ch, gen.OTPActionResetPassword, b.OTP, now); e != nil {
		h.s.mu.Unlock()
		return resetPasswordError(e), nil
	}
	h.s.dropChallengeLocked(b.OTPToken, ch)
	u := h.s.users[ch.userID]
	if u == nil || !u.usable() {
		h.s.mu.Unlock()
		return resetPasswordError(errUserNotFound), nil
	}
	u.salt, u.hash, u.modifiedAt = salt, hash, now
	markVerified(u, ch.dest, now)
	view, sub := h.s.loggedInLocked(u, rc.caller)
	h.s.mu.Unlock()
	res := authResult{user: view, pair: h.s.issue(rc.storeID, sub, "", 0)}
	return genserver.ResetPassword200JSONResponse{UserAuthenticatedJSONResponse: res.response(msgPasswordSet)}, nil
}

// ChangePassword changes the logged-in caller's password (anonymous: 401
// login_required). A wrong old_password, or a user without a password, is
// 400 invalid_password naming old_password. It ends the caller's session
// (its tokens are refused from now on) and answers with a pair in a new one.
func (h *handlers) ChangePassword(ctx context.Context, req genserver.ChangePasswordRequestObject) (genserver.ChangePasswordResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return changePasswordError(orBodyMissing(e)), nil
	}
	if !rc.caller.IsLoggedIn {
		return changePasswordError(errLoginRequired), nil
	}
	b := req.Body
	if e := checkNewPassword("new_password", b.NewPassword, b.ConfirmPassword); e != nil {
		return changePasswordError(e), nil
	}
	h.s.mu.RLock()
	u := h.s.users[rc.caller.UserID]
	var salt, hash []byte
	if u != nil {
		salt, hash = u.salt, u.hash
	}
	h.s.mu.RUnlock()
	if u == nil {
		return changePasswordError(errUserGone), nil
	}
	if !checkPassword(b.OldPassword, salt, hash) {
		return changePasswordError(fieldError(CodeInvalidPassword, "old_password", "is wrong, or the user has no password")), nil
	}
	newSalt, newHash := hashPassword(b.NewPassword)
	now := h.s.Now()
	h.s.mu.Lock()
	if !u.usable() {
		h.s.mu.Unlock()
		return changePasswordError(errUserGone), nil
	}
	u.salt, u.hash, u.modifiedAt = newSalt, newHash, now
	h.s.sweepLocked(now)
	h.s.revokeLocked(rc.caller.SessionID, now)
	sub := subjectOf(u, anonymousIDOf(rc.caller))
	h.s.mu.Unlock()
	pair := h.s.issue(rc.storeID, sub, "", 0)
	return genserver.ChangePassword200JSONResponse{TokensIssuedJSONResponse: genserver.TokensIssuedJSONResponse{
		Message: msgPasswordSet, Success: true,
		Content: gen.AuthTokens{AccessToken: pair.access, RefreshToken: pair.refresh},
	}}, nil
}
