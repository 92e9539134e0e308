package storefronttest

import (
	"errors"
	"strings"

	"github.com/commercengine-go/sdk/gen"
)

// A staff session. Pairing a device, the three logins and the OTP check
// take the store's API key; everything else a staff session's access
// token. Staff sessions are sessions like the storefront's (sessions.go):
// the same signing, the same single-use refresh tokens rotating through
// one session record, the same revocation on logout; only their subject
// differs. Their tokens carry the staff member's user ID in ulid, their
// names and contact, location_id and a channel of type "pos"
// (TokenClaims.POS); they work on the /pos operations only, and a
// storefront token is refused there.

// posSubject is who a staff token pair is for.
type posSubject struct {
	staff                             string
	location                          string
	firstName, lastName, email, phone string
}

func (m *staffMember) subject(location string) posSubject {
	return posSubject{staff: m.id, location: location, firstName: m.firstName, lastName: m.lastName, email: m.email, phone: m.phone}
}

// posChallenge is what a POS login's one-time password logs in: a staff
// member at a location.
type posChallenge struct{ staff, location string }

// issuePOS signs a staff session's token pair; see issue.
func (s *Server) issuePOS(storeID string, sub posSubject, sid string, rotation uint64) tokenPair {
	ch := posChannel
	access := TokenClaims{UserID: sub.staff, Email: optional(sub.email), Phone: optional(sub.phone), Username: sub.phone,
		FirstName: optional(sub.firstName), LastName: optional(sub.lastName), StoreID: storeID, IsLoggedIn: true,
		AnonymousID: sub.staff, Channel: &ch, LocationID: sub.location}
	refresh := TokenClaims{UserID: sub.staff, StoreID: storeID, IsLoggedIn: true, AnonymousID: sub.staff, Channel: &ch, LocationID: sub.location}
	return s.signPair(access, refresh, sid, rotation)
}

var errNotStaff = unauthorized(CodeUnauthorized, "not a staff member of this location, or deactivated")

// activeStaffLocked returns the staff member of a token's claims while
// they are active with a role at its location. Call it with pos.mu held.
func (p *posState) activeStaffLocked(c *TokenClaims) *staffMember {
	m := p.staff[c.UserID]
	if m == nil || m.inactive || m.roleAt(c.LocationID) == nil {
		return nil
	}
	return m
}

// verifyPOSAccess checks a staff session's Bearer token: signature, type,
// store, expiry, that it is a staff token, that its session was not
// ended, and that the staff member is still active with a role at its
// location.
func (s *Server) verifyPOSAccess(token, storeID string) (*TokenClaims, *apiError) {
	c, err := s.signer.parse(token)
	switch {
	case err != nil:
		return nil, unauthorized(CodeUnauthorized, "the access token is invalid")
	case c.TokenType != TokenTypeAccess:
		return nil, unauthorized(CodeUnauthorized, "the Bearer token is not an access token")
	case c.StoreID != storeID:
		return nil, unauthorized(CodeUnauthorized, "the access token was issued for another store")
	case c.Expired(s.Now()):
		return nil, unauthorized(CodeUnauthorized, "the access token has expired")
	case !c.POS():
		return nil, unauthorized(CodeUnauthorized, "a storefront token is refused by the point of sale: log a staff member in")
	}
	s.mu.RLock()
	ended := s.endedLocked(c.SessionID)
	s.mu.RUnlock()
	if ended {
		return nil, unauthorized(CodeUnauthorized, "the session has ended")
	}
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.activeStaffLocked(c) == nil {
		return nil, errNotStaff
	}
	return c, nil
}

// posLogin starts a staff member's login at a location: see
// login-pos-device-with-phone. The location must be a retail store of the
// store (400 naming location_id; under another store ID there is none:
// the point of sale belongs to StoreID); the phone number or email address must
// be an active staff member's with a role there (401, the same answer
// whatever is wrong, so that the login does not tell who works where).
func (s *Server) posLogin(storeID, location string, dest destination, debug *bool) (gen.PosOTPContent, *apiError) {
	if e := dest.check(); e != nil {
		return gen.PosOTPContent{}, e
	}
	ps := s.pos()
	ps.mu.Lock()
	var l *posLocation
	if storeID == s.cfg.storeID {
		l = ps.locationLocked(strings.TrimSpace(location))
	}
	var m *staffMember
	if dest.email != nil {
		m = ps.staff[ps.byEmail[*dest.email]]
	} else {
		m = ps.staff[ps.byPhone[phoneKey(*dest.country, *dest.phone)]]
	}
	ok := m != nil && !m.inactive && l != nil && m.roleAt(l.id) != nil
	var staff string
	if m != nil {
		staff = m.id
	}
	ps.mu.Unlock()
	switch {
	case l == nil:
		return gen.PosOTPContent{}, fieldError(CodeBadRequest, "location_id", "the store has no location "+location)
	case l.warehouse:
		return gen.PosOTPContent{}, fieldError(CodeBadRequest, "location_id", l.name+" is not a retail store: staff log in at a store's counter")
	case !ok:
		return gen.PosOTPContent{}, errNotStaff
	}
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.startChallengeLocked(&challenge{action: gen.OTPActionLogin, dest: dest, pos: &posChallenge{staff: staff, location: l.id}}, now, debug)
	return gen.PosOTPContent{OTPToken: c.OTPToken, OTP: c.OTP, OTPAction: gen.PosOTPContentOTPActionLogin}, nil
}

var errPOSOTPNotFound = fieldError(CodeBadRequest, "otp_token", "no POS login is waiting for this token: it is unknown, used or expired")

// verifyPOSLogin completes a staff login: the otp_token must be a POS
// login's still waiting (400 otherwise: the operation declares no 404),
// the code right (400 invalid_otp; too_many_attempts and otp_expired as
// for verify-otp), and the staff member still active there (401). The
// code is used up; the answer is a new staff session's pair.
func (s *Server) verifyPOSLogin(storeID, token, code string) (gen.PosAuthContent, *apiError) {
	now := s.Now()
	s.mu.Lock()
	s.sweepLocked(now)
	ch := s.challenges[token]
	if ch == nil || ch.pos == nil {
		s.mu.Unlock()
		return gen.PosAuthContent{}, errPOSOTPNotFound
	}
	if e := s.checkChallengeLocked(ch, gen.OTPActionLogin, code, now); e != nil {
		s.mu.Unlock()
		return gen.PosAuthContent{}, e
	}
	s.dropChallengeLocked(token, ch)
	login := *ch.pos
	s.mu.Unlock()

	ps := s.pos()
	ps.mu.Lock()
	m := ps.staff[login.staff]
	if m == nil || m.inactive || m.roleAt(login.location) == nil {
		ps.mu.Unlock()
		return gen.PosAuthContent{}, errNotStaff
	}
	sub, user := m.subject(login.location), ps.userViewLocked(m, login.location)
	ps.mu.Unlock()
	pair := s.issuePOS(storeID, sub, "", 0)
	return gen.PosAuthContent{User: user, AccessToken: pair.access, RefreshToken: pair.refresh}, nil
}

// refreshPOS exchanges a staff session's refresh token for the session's
// next pair (single-use, as refresh's). Errors: 400 invalid_token for a
// body that is not a JWT; 401 for a token this server did not sign for
// this store as a staff refresh token, one that has expired, was used
// already or whose session ended, or a staff member deactivated or
// without their role at the location any more.
func (s *Server) refreshPOS(storeID, token string) (tokenPair, *apiError) {
	c, err := s.signer.parse(token)
	switch {
	case errors.Is(err, errTokenMalformed):
		return tokenPair{}, fieldError(CodeInvalidToken, "refresh_token", "is not a refresh token issued by this API")
	case err != nil, c.TokenType != TokenTypeRefresh, c.StoreID != storeID, !c.POS():
		return tokenPair{}, unauthorized(CodeUnauthorized, "not a staff session's refresh token")
	}
	now := s.Now()
	if c.Expired(now) {
		return tokenPair{}, unauthorized(CodeTokenExpired, "the refresh token has expired: log in again")
	}
	ps := s.pos()
	ps.mu.Lock()
	m := ps.activeStaffLocked(c)
	var sub posSubject
	if m != nil {
		sub = m.subject(c.LocationID)
	}
	ps.mu.Unlock()
	if m == nil {
		return tokenPair{}, errNotStaff
	}
	s.mu.Lock()
	s.sweepLocked(now)
	next, e := s.rotateLocked(c, now)
	s.mu.Unlock()
	if e != nil {
		return tokenPair{}, e
	}
	return s.issuePOS(storeID, sub, c.SessionID, next), nil
}

// logoutPOS ends the caller's staff session (its access and refresh
// tokens are refused from now on) and releases the device the staff
// member holds, unless it is taking a payment.
func (s *Server) logoutPOS(caller *TokenClaims) {
	c := s.commerce()
	c.mu.Lock()
	ps := s.pos()
	ps.mu.Lock()
	if d := ps.holding[caller.UserID]; d != nil && !d.busyLocked() {
		ps.releaseLocked(d)
	}
	ps.mu.Unlock()
	c.mu.Unlock()
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sweepLocked(now)
	s.revokeLocked(caller.SessionID, now)
}

// pair answers pair-pos-device: a pairing code pairs its device, once;
// an unknown or used one (any, under another store ID) is a 400 naming
// pairing_code.
func (s *Server) pair(storeID, code string) (gen.PosDevice, *apiError) {
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	d := ps.pairing[strings.TrimSpace(code)]
	if d == nil || storeID != s.cfg.storeID {
		return gen.PosDevice{}, fieldError(CodeBadRequest, "pairing_code", "is unknown or was used already")
	}
	delete(ps.pairing, strings.TrimSpace(code))
	d.paired = true
	return ps.deviceViewLocked(d), nil
}
