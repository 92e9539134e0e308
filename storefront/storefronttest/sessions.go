package storefronttest

import (
	"errors"
	"maps"
	"time"
)

// A session is the chain of token pairs that starts with an anonymous token,
// a login or a registration and goes on through refreshes: every token of it
// carries the same sid claim. The server stores nothing about a session until
// it is refreshed or ended, so anonymous visitors cost no memory; from then
// on it keeps one small record, and drops it once every token the session
// ever had would have expired anyway (swept lazily, at most once a minute of
// the server's clock, by the operations that write state).
type session struct {
	rotation uint64    // the refresh generation whose refresh token is valid
	revoked  bool      // logged out, or its password changed
	until    time.Time // no token of the session is valid after this
}

// sweepEvery is how often, at most, expired records are dropped.
const sweepEvery = time.Minute

// subject is who a token pair is for.
type subject struct {
	userID      string
	anonymousID string
	loggedIn    bool
	email       *string
	phone       *string
	firstName   *string
	lastName    *string
	customerID  *string
}

// subjectOf is the logged-in subject of u, for the visitor anonymousID. Call
// it with s.mu held.
func subjectOf(u *user, anonymousID string) subject {
	customerID := u.customerID
	if anonymousID == "" {
		anonymousID = u.id
	}
	return subject{userID: u.id, anonymousID: anonymousID, loggedIn: true,
		email: u.email, phone: u.phone, firstName: u.firstName, lastName: u.lastName, customerID: &customerID}
}

// visitorSubject is an anonymous visitor: a token with no personal data.
func visitorSubject(userID, anonymousID string) subject {
	if anonymousID == "" {
		anonymousID = userID
	}
	return subject{userID: userID, anonymousID: anonymousID}
}

type tokenPair struct{ access, refresh string }

// issue signs a token pair for sub in store storeID. An empty sid starts a
// new session; rotation is the session's refresh generation.
func (s *Server) issue(storeID string, sub subject, sid string, rotation uint64) tokenPair {
	now := s.Now()
	if sid == "" {
		sid = newULID(now)
	}
	username := ""
	switch {
	case sub.email != nil:
		username = *sub.email
	case sub.phone != nil:
		username = *sub.phone
	}
	ch := defaultChannel
	access := &TokenClaims{
		UserID: sub.userID, Email: sub.email, Phone: sub.phone, Username: username,
		FirstName: sub.firstName, LastName: sub.lastName, StoreID: storeID,
		IsLoggedIn: sub.loggedIn, IsAnonymous: !sub.loggedIn, CustomerID: sub.customerID,
		AnonymousID: sub.anonymousID, Channel: &ch,
		TokenType: TokenTypeAccess, ID: newULID(now), SessionID: sid,
		IssuedAt: now.Unix(), ExpiresAt: now.Add(s.cfg.accessTTL).Unix(),
	}
	refresh := &TokenClaims{ // no personal data: the access token carries it
		UserID: sub.userID, StoreID: storeID,
		IsLoggedIn: sub.loggedIn, IsAnonymous: !sub.loggedIn, CustomerID: sub.customerID,
		AnonymousID: sub.anonymousID, Channel: &ch,
		TokenType: TokenTypeRefresh, ID: newULID(now), SessionID: sid, Rotation: rotation,
		IssuedAt: now.Unix(), ExpiresAt: now.Add(s.cfg.refreshTTL).Unix(),
	}
	return tokenPair{access: s.signer.sign(access), refresh: s.signer.sign(refresh)}
}

// errUserGone refuses a token whose user was deleted or deactivated.
var errUserGone = unauthorized(CodeUnauthorized, "the user no longer exists or is deactivated")

// sessionLifetime bounds how long any token of a session issued now lives.
func (s *Server) sessionLifetime() time.Duration { return max(s.cfg.accessTTL, s.cfg.refreshTTL) }

// revokeLocked ends a session: its access and refresh tokens are refused
// from now on. Call it with s.mu held for writing.
func (s *Server) revokeLocked(sid string, now time.Time) {
	s.sessions[sid] = &session{revoked: true, until: now.Add(s.sessionLifetime())}
}

// revokeAccessLocked refuses the access token c from now on, and nothing
// else of its session. The record is kept among the sessions, under a key
// no session ID has, so that the sweep drops it once the token has
// expired. Call it with s.mu held for writing.
func (s *Server) revokeAccessLocked(c *TokenClaims) {
	s.sessions[revokedAccessKey(c.ID)] = &session{revoked: true, until: time.Unix(c.ExpiresAt, 0)}
}

func revokedAccessKey(tokenID string) string { return "access:" + tokenID }

// verifyAccess checks a Bearer token: signature, type, store, expiry, that
// its session was not ended, and that its user still exists and is active.
func (s *Server) verifyAccess(token, storeID string) (*TokenClaims, *apiError) {
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
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if rec := s.sessions[c.SessionID]; rec != nil && rec.revoked {
		return nil, unauthorized(CodeUnauthorized, "the session has ended")
	}
	if rec := s.sessions[revokedAccessKey(c.ID)]; rec != nil {
		return nil, unauthorized(CodeUnauthorized, "the access token was revoked")
	}
	if c.IsLoggedIn {
		if u := s.users[c.UserID]; u == nil || !u.usable() {
			return nil, errUserGone
		}
	}
	return c, nil
}

// refresh exchanges a refresh token for the next pair of its session. The
// token is single-use: the pair it returns carries the next rotation, and
// the token itself is refused from then on.
//
// Errors: 400 invalid_token for a body that is not a JWT; 404 not_found for
// a JWT this server did not sign for this store, or an access token; 400
// token_expired once it has expired; 401 unauthorized when it was used
// already, its session ended (logout, password change), or its user was
// deleted or deactivated.
func (s *Server) refresh(storeID, token string) (tokenPair, *apiError) {
	c, err := s.signer.parse(token)
	switch {
	case errors.Is(err, errTokenMalformed):
		return tokenPair{}, fieldError(CodeInvalidToken, "refresh_token", "is not a refresh token issued by this API")
	case err != nil, c.TokenType != TokenTypeRefresh, c.StoreID != storeID:
		return tokenPair{}, notFound("refresh token not found")
	}
	now := s.Now()
	if c.Expired(now) {
		return tokenPair{}, fieldError(CodeTokenExpired, "refresh_token", "has expired")
	}
	s.mu.Lock()
	s.sweepLocked(now)
	sub := visitorSubject(c.UserID, c.AnonymousID)
	if c.IsLoggedIn {
		u := s.users[c.UserID]
		if u == nil || !u.usable() {
			s.mu.Unlock()
			return tokenPair{}, errUserGone
		}
		sub = subjectOf(u, c.AnonymousID)
	}
	rec := s.sessions[c.SessionID]
	var current uint64
	if rec != nil {
		current = rec.rotation
	}
	if (rec != nil && rec.revoked) || c.Rotation != current {
		s.mu.Unlock()
		return tokenPair{}, unauthorized(CodeUnauthorized, "the refresh token was already used or its session has ended")
	}
	s.sessions[c.SessionID] = &session{rotation: current + 1, until: now.Add(s.sessionLifetime())}
	s.mu.Unlock()

	return s.issue(storeID, sub, c.SessionID, current+1), nil
}

// sweepLocked drops the session and OTP records nothing can use any more. It
// runs at most once per sweepEvery of the server's clock. Call it with s.mu
// held for writing.
func (s *Server) sweepLocked(now time.Time) {
	if now.Before(s.nextSweep) {
		return
	}
	s.nextSweep = now.Add(sweepEvery)
	before := len(s.sessions)
	for sid, rec := range s.sessions {
		if now.After(rec.until) {
			delete(s.sessions, sid)
		}
	}
	// A Go map keeps the buckets of its largest size (and so does
	// maps.Clone): copy the survivors into a new map once most records are
	// gone, so that the memory is given back.
	if len(s.sessions) < before/2 {
		s.sessions = shrunk(s.sessions)
	}
	before = len(s.challenges)
	for token, ch := range s.challenges {
		if now.After(ch.purgeAt) {
			s.dropChallengeLocked(token, ch)
		}
	}
	if len(s.challenges) < before/2 {
		s.challenges = shrunk(s.challenges)
	}
}

// shrunk copies m into a map sized for what it holds now.
func shrunk[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	maps.Copy(out, m)
	return out
}
