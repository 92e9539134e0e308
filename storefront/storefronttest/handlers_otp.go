package storefronttest

import (
	"context"
	"encoding/json"
	"time"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// GenerateOTP sends an OTP for an action:
//
//   - register: to a phone number or email address no user has (else 400
//     already_exists); verify-otp creates a user with only that identifier.
//   - reset-password, verify-phone, verify-email: to a user's own phone
//     number or email address (else 404; a deactivated user is 401).
//   - update-phone, update-email: for the logged-in caller (else 401
//     login_required), to a new phone number or email address no other user
//     has; verify-otp applies the change.
func (h *handlers) GenerateOTP(ctx context.Context, req genserver.GenerateOTPRequestObject) (genserver.GenerateOTPResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return generateOTPError(orBodyMissing(e)), nil
	}
	var b struct {
		Channel, Email, Phone string
		CountryCode           *string       `json:"country_code"`
		OTPAction             gen.OTPAction `json:"otp_action"`
	}
	raw, err := req.Body.MarshalJSON()
	if err == nil {
		err = json.Unmarshal(raw, &b)
	}
	if err != nil {
		return generateOTPError(badRequest(CodeBadRequest, "the request body cannot be decoded")), nil
	}
	dest := phoneDestination(b.Phone, countryOrDefault(b.CountryCode))
	if b.Channel == channelEmail {
		dest = emailDestination(b.Email)
	}
	content, e := h.s.generateOTP(rc, b.OTPAction, dest, req.Params.XDebugMode)
	if e != nil {
		return generateOTPError(e), nil
	}
	return genserver.GenerateOTP200JSONResponse{OTPSentJSONResponse: otpSent(content)}, nil
}

func (s *Server) generateOTP(rc *requestContext, action gen.OTPAction, dest destination, debug *bool) (gen.OTPContent, *apiError) {
	if e := dest.check(); e != nil {
		return gen.OTPContent{}, e
	}
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := &challenge{action: action, dest: dest}
	switch action {
	case gen.OTPActionRegister:
		if e := s.checkFreeLocked(dest.phone, dest.country, dest.email, ""); e != nil {
			return gen.OTPContent{}, e
		}
		ch.reg = &registration{phone: dest.phone, country: dest.country, email: dest.email}
	case gen.OTPActionUpdatePhone, gen.OTPActionUpdateEmail:
		if !rc.caller.IsLoggedIn {
			return gen.OTPContent{}, errLoginRequired
		}
		if e := s.checkFreeLocked(dest.phone, dest.country, dest.email, rc.caller.UserID); e != nil {
			return gen.OTPContent{}, e
		}
		ch.userID = rc.caller.UserID
	default: // reset-password, verify-phone, verify-email
		switch owner := s.userAtLocked(dest); {
		case owner == nil:
			return gen.OTPContent{}, errUserNotFound
		case owner.inactive:
			return gen.OTPContent{}, errUserInactive
		default:
			ch.userID = owner.id
		}
	}
	return s.startChallengeLocked(ch, now, debug), nil
}

// VerifyOTP completes an OTP flow and logs the user in with a new pair:
//
//   - login: the user (created first when the login asked to register);
//   - register: the new user, who takes the caller's visitor ID unless it
//     is a user's already;
//   - verify-phone, verify-email: marks the phone number or email address
//     verified;
//   - update-phone, update-email: applies the new phone number or email
//     address, verified;
//   - reset-password: checks the code and logs the user in, but leaves the
//     OTP for reset-password to use; every other action uses it up.
//
// The destination the code went to counts as verified. Errors: unknown
// otp_token 404; otp_action differing from the challenge's 400
// otp_action_mismatch; wrong code 400 invalid_otp; after
// WithOTPMaxAttempts wrong codes 400 too_many_attempts, even for the right
// code; after WithOTPTTL 400 otp_expired; a user deleted meanwhile 404, or
// deactivated 401 user_inactive.
func (h *handlers) VerifyOTP(ctx context.Context, req genserver.VerifyOTPRequestObject) (genserver.VerifyOTPResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return verifyOTPError(orBodyMissing(e)), nil
	}
	res, e := h.s.verifyOTP(rc, req.Body.OTPToken, req.Body.OTPAction, req.Body.OTP)
	if e != nil {
		return verifyOTPError(e), nil
	}
	return genserver.VerifyOTP200JSONResponse{UserAuthenticatedJSONResponse: res.response(msgVerified)}, nil
}

func (s *Server) verifyOTP(rc *requestContext, token string, action gen.OTPAction, code string) (authResult, *apiError) {
	now := s.Now()
	s.mu.Lock()
	s.sweepLocked(now)
	u, e := s.completeChallengeLocked(rc.caller, token, action, code, now)
	if e != nil {
		s.mu.Unlock()
		return authResult{}, e
	}
	view, sub := s.loggedInLocked(u, rc.caller)
	s.mu.Unlock()
	return authResult{user: view, pair: s.issue(rc.storeID, sub, "", 0)}, nil
}

var errOTPNotFound = notFound("otp_token not found")

// completeChallengeLocked checks the code and applies the challenge's
// action, returning the user to log in.
func (s *Server) completeChallengeLocked(caller *TokenClaims, token string, action gen.OTPAction, code string, now time.Time) (*user, *apiError) {
	ch := s.challenges[token]
	if ch == nil {
		return nil, errOTPNotFound
	}
	if e := s.checkChallengeLocked(ch, action, code, now); e != nil {
		return nil, e
	}
	u := s.users[ch.userID]
	switch ch.action {
	case gen.OTPActionLogin, gen.OTPActionRegister:
		if ch.userID != "" {
			break
		}
		if ch.action == gen.OTPActionLogin {
			u = s.userAtLocked(ch.dest) // registered in the meantime?
		}
		if u == nil {
			var e *apiError
			if u, e = s.createUserLocked(ch.reg, caller.UserID, now); e != nil {
				return nil, e
			}
		}
	case gen.OTPActionUpdatePhone, gen.OTPActionUpdateEmail:
		if u == nil || !u.usable() {
			break
		}
		d := ch.dest
		if e := s.checkFreeLocked(d.phone, d.country, d.email, u.id); e != nil {
			return nil, e
		}
		if d.email != nil {
			s.setEmailLocked(u, d.email)
		} else {
			s.setPhoneLocked(u, d.country, d.phone)
		}
		u.modifiedAt = now
	}
	switch {
	case u == nil || u.deleted:
		s.dropChallengeLocked(token, ch)
		return nil, errUserNotFound
	case u.inactive:
		s.dropChallengeLocked(token, ch)
		return nil, errUserInactive
	}
	markVerified(u, ch.dest, now)
	if ch.action != gen.OTPActionResetPassword {
		s.dropChallengeLocked(token, ch)
	}
	return u, nil
}

// markVerified records that u received a code at d, when d is u's.
func markVerified(u *user, d destination, now time.Time) {
	switch {
	case d.email != nil && u.email != nil && *u.email == *d.email && !u.emailVerified:
		u.emailVerified, u.modifiedAt = true, now
	case d.phone != nil && u.phone != nil && *u.phone == *d.phone && *u.country == *d.country && !u.phoneVerified:
		u.phoneVerified, u.modifiedAt = true, now
	}
}
