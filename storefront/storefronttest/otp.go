package storefronttest

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/gen"
)

// channelEmail is generate-otp's channel for email; the others (sms,
// whatsapp) send to a phone number. The fake sends nothing: LastOTP reads
// the code.
const channelEmail = "email"

// destination is where a one-time password goes: a phone number with its
// country code, or an email address.
type destination struct {
	phone, country *string
	email          *string
}

func phoneDestination(phone, country string) destination {
	return destination{phone: &phone, country: &country}
}

func emailDestination(email string) destination {
	email = normalizeEmail(email)
	return destination{email: &email}
}

// key is how LastOTP finds the destination: "+919876543210" or an email
// address in lower case.
func (d destination) key() string {
	if d.email != nil {
		return *d.email
	}
	return phoneKey(*d.country, *d.phone)
}

// userAtLocked returns the user the destination belongs to, or nil.
func (s *Server) userAtLocked(d destination) *user {
	if d.email != nil {
		return s.userByEmailLocked(*d.email)
	}
	return s.userByPhoneLocked(*d.country, *d.phone)
}

// challenge is a one-time password that was sent and not yet used.
type challenge struct {
	token    string
	code     string
	action   gen.OTPAction
	dest     destination
	userID   string        // the user it is for; empty when verifying creates the user
	reg      *registration // what to create when verifying creates the user
	pos      *posChallenge // a staff member's POS login; nil for a storefront user's challenge
	expires  time.Time     // verifying after this answers otp_expired
	purgeAt  time.Time     // the record goes after this (then: not found)
	attempts int           // wrong codes so far
}

// registration is the account a register challenge creates.
type registration struct {
	firstName, lastName *string
	phone, country      *string
	email               *string
	salt, hash          []byte
}

// startChallengeLocked stores ch with a fresh code and token and returns the
// OtpContent to answer with, holding the code only in debug mode. Call it
// with s.mu held for writing.
func (s *Server) startChallengeLocked(ch *challenge, now time.Time, debug *bool) gen.OTPContent {
	s.sweepLocked(now)
	ch.token = newULID(now)
	ch.code = newOTPCode()
	ch.expires = now.Add(s.cfg.otpTTL)
	ch.purgeAt = ch.expires.Add(s.cfg.otpTTL)
	s.challenges[ch.token] = ch
	s.lastOTP[ch.dest.key()] = ch.token
	content := gen.OTPContent{OTPToken: ch.token, OTPAction: ch.action}
	if debug != nil && *debug {
		code := ch.code
		content.OTP = &code
	}
	return content
}

// checkChallengeLocked checks a code against ch, counting a wrong one. Call
// it with s.mu held for writing.
func (s *Server) checkChallengeLocked(ch *challenge, action gen.OTPAction, code string, now time.Time) *apiError {
	switch {
	case ch.action != action:
		return fieldError(CodeOTPActionMismatch, "otp_action", fmt.Sprintf("this one-time password is for %q", ch.action))
	case ch.attempts >= s.cfg.otpMaxAttempts:
		return badRequest(CodeTooManyAttempts, "too many wrong codes: request a new one-time password")
	case !now.Before(ch.expires):
		return badRequest(CodeOTPExpired, "the one-time password has expired: request a new one")
	case subtle.ConstantTimeCompare([]byte(code), []byte(ch.code)) != 1:
		ch.attempts++
		return fieldError(CodeInvalidOTP, "otp", "is wrong")
	}
	return nil
}

// userChallengeLocked returns the storefront challenge of an otp_token, or
// nil: a POS login's challenge is verify-pos-login-otp's only. Call it
// with s.mu held.
func (s *Server) userChallengeLocked(token string) *challenge {
	if ch := s.challenges[token]; ch != nil && ch.pos == nil {
		return ch
	}
	return nil
}

// dropChallengeLocked forgets a used or expired challenge.
func (s *Server) dropChallengeLocked(token string, ch *challenge) {
	delete(s.challenges, token)
	if key := ch.dest.key(); s.lastOTP[key] == token {
		delete(s.lastOTP, key)
	}
}

// newOTPCode returns six random digits.
func newOTPCode() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%06d", binary.BigEndian.Uint32(b[:])%1_000_000)
}

// LastOTP returns the code of the last one-time password sent to a phone
// number or an email address and not yet used, as the user would read it
// from their messages: for flows run without x-debug-mode. A phone number
// without a leading "+" is taken to be in DefaultCountryCode; email
// addresses are compared without case.
func (s *Server) LastOTP(dest string) (otp string, ok bool) {
	dest = strings.TrimSpace(dest)
	var key string
	switch {
	case strings.Contains(dest, "@"):
		key = normalizeEmail(dest)
	case strings.HasPrefix(dest, "+"):
		key = dest
	default:
		key = DefaultCountryCode + dest
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	ch := s.challenges[s.lastOTP[key]]
	if ch == nil {
		return "", false
	}
	return ch.code, true
}

// OTP returns the code of the one-time password an otp_token stands for,
// while it is not yet used.
func (s *Server) OTP(otpToken string) (otp string, ok bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ch := s.challenges[otpToken]
	if ch == nil {
		return "", false
	}
	return ch.code, true
}
