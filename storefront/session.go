package storefront

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
)

// Session is one shopper's view of the API: a TokenStore holding their
// token pair, and the Auth operations that use and update it. It is safe for
// concurrent use; many goroutines acting for the same shopper share one
// Session, and a back end may as well build a Session per request over the
// shopper's store.
//
// A managed session (Client.NewSession) takes care of the tokens:
//
//   - The first call that needs a token and finds none creates an anonymous
//     session (POST /auth/anonymous) once, shared by concurrent callers.
//   - An access token within the client's refresh margin of its expiry (by
//     the API's clock, estimated from the "iat" of the tokens it issues), or
//     one that cannot be sent as it is (not a JWT, control characters), is
//     renewed before use.
//   - One refresh per pair: sessions of the same Client that hold the same
//     pair share one refresh, and its outcome stays available for a grace
//     window (WithRenewalGrace), so a request arriving a moment later with
//     the replaced pair adopts the new one instead of spending the used
//     refresh token. A store that implements RenewalCoordinator extends
//     this to every process sharing it.
//   - When the refresh token is missing or expired, a new anonymous session
//     is created with the old access token as Bearer, which keeps the
//     visitor's identity.
//   - After a 401 on a call that carries the access token, the session
//     refreshes once and sends the call once more; calls that submit
//     credentials (passwords, OTPs, registrations) are never resent after
//     a 401 about the credentials (a wrong password has its own code). A
//     login, registration or OTP call refused with the API's generic
//     "unauthorized" while it carried a logged-in pair (a logout whose
//     answer was lost) was refused for its bearer: the session is renewed
//     (refreshed when the API revoked only the access token, a new
//     anonymous session when it ended the whole session) and the call is
//     sent once more with the new token.
//   - Every answer that carries a token pair (anonymous, login, register
//     with phone, verify-otp, reset and change password, refresh, logout) is
//     saved to the store. If the store fails, the session keeps the pair,
//     uses it, and saves it again on its next call (see Flush).
//   - Only the API ends a session: the store is cleared, and the call fails
//     with ErrSessionExpired, only when the API's own error envelope refuses
//     the refresh and the store still holds the refused pair. A proxy's
//     error page, a 5xx or a timeout leave the session as it was.
//
// A manual session (Client.NewManualSession) uses the tokens it was given
// and those that operations return, and never refreshes or bootstraps.
type Session struct {
	c       *Client
	store   TokenStore
	manual  bool
	pos     bool // a POSSession's: refreshed by refresh-pos-access-token, never bootstrapped anonymously
	changed func(Tokens)
	cleared func()

	// Services are the API's groups, acting for this session's shopper:
	// sess.Auth, sess.Catalog ….
	Services

	mu      sync.Mutex                  // serialises writes to the store and the start of renewals
	flight  *renewal                    // the renewal in progress, shared by concurrent callers
	saves   uint64                      // writes to the store so far, under mu
	version atomic.Uint64               // bumped under mu by every write and renewal: a pair loaded at the same version is current
	pending atomic.Pointer[pendingPair] // a pair the store failed to save; written under mu

	notifyMu sync.Mutex // serialises the callbacks
	notified uint64     // the write the callbacks last reported

	parsed atomic.Pointer[parsedToken] // claims of the last access token read

	services serviceSet // what Services point at
}

// SessionOption configures a Session.
type SessionOption func(*Session)

// OnTokensChanged registers f to be called after the session saves a new
// token pair (from a login, a refresh, a logout …). Calls of f and of the
// OnTokensCleared function never overlap and come in the order of the
// store's writes; a call about a write that a later write has already
// replaced is skipped, so the last call always reports what the store
// holds. f must not block for long. Never log the tokens it receives;
// Tokens's own String method prints none.
func OnTokensChanged(f func(Tokens)) SessionOption {
	return func(s *Session) { s.changed = f }
}

// OnTokensCleared registers f to be called after the session clears its
// store (the API ended the session, or Clear), in the same order as the
// OnTokensChanged calls.
func OnTokensCleared(f func()) SessionOption {
	return func(s *Session) { s.cleared = f }
}

// NewSession returns a managed session over store (a new MemoryStore when
// nil). Create one per shopper, or one per request over the shopper's
// store; the store decides where their tokens live.
func (c *Client) NewSession(store TokenStore, opts ...SessionOption) *Session {
	if store == nil {
		store = NewMemoryStore()
	}
	s := &Session{c: c, store: store}
	s.version.Store(1) // 0 stands for "unknown" in renewLoaded
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	s.Services = s.services.bind(s)
	return s
}

// NewManualSession returns a session that starts with t and never refreshes
// or creates tokens on its own: for callers that keep tokens themselves (in
// a cookie, say) and build a session per request. Token pairs returned by
// operations are still kept in the session (read them with Tokens). With no
// access token, calls that need one fail with ErrNoSession; a 401 is
// returned as is.
func (c *Client) NewManualSession(t Tokens, opts ...SessionOption) *Session {
	store := NewMemoryStore()
	store.t = t
	s := c.NewSession(store, opts...)
	s.manual = true
	return s
}

// Manual reports whether s is a manual session.
func (s *Session) Manual() bool { return s.manual }

// Tokens returns the session's pair: the stored one, or one the store
// failed to save, which the session keeps until it is saved. Handle it as
// a secret.
func (s *Session) Tokens(ctx context.Context) (Tokens, error) {
	return s.current(ctx)
}

// SetTokens stores t as the session's pair, e.g. tokens obtained elsewhere.
func (s *Session) SetTokens(ctx context.Context, t Tokens) error {
	return s.write(ctx, t)
}

// Clear forgets the session's tokens (locally; it does not log out).
func (s *Session) Clear(ctx context.Context) error {
	s.mu.Lock()
	err := s.store.Clear(ctx)
	s.saves++
	s.version.Add(1)
	seq := s.saves
	if err == nil {
		s.pending.Store(nil)
	}
	s.mu.Unlock()
	if err != nil {
		return errorf("clear tokens: %w", err)
	}
	s.notify(seq, Tokens{}, true)
	return nil
}

// Flush saves a pair that the store failed to save earlier (the session
// kept it and uses it meanwhile), and returns an error matching
// ErrNotSaved and wrapping the store's error if it fails again. With
// nothing pending it does nothing. A back end that builds a Session per
// request calls it before the session goes away; storefront/web does.
func (s *Session) Flush(ctx context.Context) error {
	if s.pending.Load() == nil {
		return nil
	}
	_, err := s.flushPending(ctx, true)
	return err
}

// Peek returns the claims of the session's access token without a network
// call: user ID, customer, logged-in state, expiry. It fails with
// ErrNoSession when there is no access token. The token may have expired;
// see Claims.ExpiresAt, or use EnsureClaims.
func (s *Session) Peek(ctx context.Context) (Claims, error) {
	t, err := s.Tokens(ctx)
	if err != nil {
		return Claims{}, err
	}
	if t.AccessToken == "" {
		return Claims{}, ErrNoSession
	}
	c, err := s.claimsOf(t.AccessToken)
	if err != nil {
		return Claims{}, err
	}
	return *c, nil
}

// EnsureClaims returns the claims of a usable access token, creating an
// anonymous session or refreshing the token first when needed.
func (s *Session) EnsureClaims(ctx context.Context) (Claims, error) {
	tok, err := s.AccessToken(ctx)
	if err != nil {
		return Claims{}, err
	}
	c, err := s.claimsOf(tok)
	if err != nil {
		return Claims{}, err
	}
	return *c, nil
}

// UserID returns the user ID of the session's access token, without a
// network call (see Peek).
func (s *Session) UserID(ctx context.Context) (string, error) {
	c, err := s.Peek(ctx)
	return c.UserID, err
}

// IsLoggedIn reports whether the session's access token is a logged-in
// user's, without a network call (see Peek). No token means not logged in.
func (s *Session) IsLoggedIn(ctx context.Context) (bool, error) {
	c, err := s.Peek(ctx)
	if errors.Is(err, ErrNoSession) {
		return false, nil
	}
	return c.IsLoggedIn, err
}

// maxRenewals bounds the renewals one AccessToken call goes through: a
// renewal can return a pair that needs another (the store was cleared
// meanwhile, say), but never endlessly.
const maxRenewals = 3

// AccessToken returns an access token fit for use, creating an anonymous
// session or refreshing first when needed (in a manual session, the stored
// token as it is). It never returns an empty token with a nil error. Use
// it to call API groups this SDK does not cover yet.
func (s *Session) AccessToken(ctx context.Context) (string, error) {
	version := s.version.Load()
	t, err := s.Tokens(ctx)
	if err != nil {
		return "", err
	}
	if s.manual {
		if t.AccessToken == "" {
			return "", ErrNoSession
		}
		return t.AccessToken, nil
	}
	if s.usable(t.AccessToken) {
		return t.AccessToken, nil
	}
	for range maxRenewals {
		if t, err = s.renewLoaded(ctx, t, version, false); err != nil && !renewedNotSaved(t, err) {
			return "", err
		}
		if sendable(t.AccessToken) {
			return t.AccessToken, nil
		}
	}
	return "", fmt.Errorf("%w: the session was renewed %d times without a usable access token", ErrNoSession, maxRenewals)
}

// renewedNotSaved reports whether a renewal got a usable pair from the API
// that the store failed to save: the session keeps it (and has logged the
// failure), so the caller goes on with it.
func renewedNotSaved(t Tokens, err error) bool {
	return errors.Is(err, ErrNotSaved) && sendable(t.AccessToken)
}

// liveLogin reports whether t is a logged-in session that can still be used
// or refreshed.
func (s *Session) liveLogin(t Tokens) bool {
	if t.AccessToken == "" {
		return false
	}
	c, err := s.claimsOf(t.AccessToken)
	if err != nil || !c.IsLoggedIn {
		return false
	}
	return !c.ExpiresWithin(s.c.apiNow(), 0) || s.refreshUsable(t.RefreshToken)
}

// call sends one operation for this session: it obtains the access token
// the operation needs, and after a 401 refreshes once and sends once more
// unless the operation submits credentials or the session is manual. A
// login, registration or OTP call whose 401 was about its bearer rather
// than its credentials (see restartEnded) is sent once more with the
// renewed session's token.
func (s *Session) call(ctx context.Context, op *operation, req *request, out any) error {
	var bearer string
	if op.auth == authBearer {
		tok, err := s.AccessToken(ctx)
		if err != nil {
			return err
		}
		bearer = tok
	}
	ex, err := s.c.send(ctx, op, req, bearer)
	if err != nil {
		return err
	}
	if ex.status == http.StatusUnauthorized && op.auth == authBearer && !s.manual {
		var retry string
		if !op.submitsCredentials {
			s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: 401; refreshing and retrying once", slog.String("op", op.id))
			nt, err := s.renew(ctx, bearer, true)
			if err != nil && !renewedNotSaved(nt, err) {
				return err
			}
			retry = nt.AccessToken
		} else if startsSession(op) && s.mayBeEnded(ex, bearer) {
			retry = s.restartEnded(ctx, op, bearer)
		}
		if retry != "" {
			if ex, err = s.c.send(ctx, op, req, retry); err != nil {
				return err
			}
			return s.c.decode(op, ex, out, kept{c: s.c, r: req, tokens: [2]string{bearer, retry}})
		}
	}
	return s.c.decode(op, ex, out, s.c.keep(req, bearer))
}

// startsSession reports whether op logs a visitor in or registers them:
// the credential calls an anonymous session may make. Changing a password
// needs the logged-in session itself.
func startsSession(op *operation) bool {
	return op.submitsCredentials && op.id != "change-password"
}

// mayBeEnded reports whether the 401 a login, registration or OTP call got
// may be about the session it was sent with rather than the credentials:
// the API's generic "unauthorized" (a wrong password or code has its own
// code), to a call sent with a logged-in pair. A visitor logging in,
// registering or verifying a code does so from an anonymous session; a
// logged-in pair there is one the visitor believes they have left, by a
// logout whose answer was lost.
func (s *Session) mayBeEnded(ex *exchange, bearer string) bool {
	env, ok := decodeErrorEnvelope(ex.body)
	if !ok || *env.Code != "unauthorized" {
		return false
	}
	c, err := s.claimsOf(bearer)
	return err == nil && c.IsLoggedIn
}

// restartEnded deals with the generic 401 a credential call got with a
// logged-in bearer (see mayBeEnded): the API refused the bearer, not the
// credentials, which it never looked at. The bearer may belong to a session
// the API has ended (a logout whose answer was lost, a password changed
// elsewhere), whole or only its access token. It renews the session and
// returns the access token to send the call once more with, or "" when the
// 401 stands:
//
//   - the refresh works (the API revoked only the access token): the new
//     access token, of the same session;
//   - the API refuses the refresh (the store is then cleared) or there is
//     nothing to refresh: the token of a new anonymous session;
//   - the renewal fails otherwise (a timeout, a 5xx): "", the answer stands.
//
// A wrong password or code has its own code, never reaches here, and is
// never sent again.
func (s *Session) restartEnded(ctx context.Context, op *operation, bearer string) string {
	cur, err := s.Tokens(ctx)
	if err != nil || cur.AccessToken != bearer {
		return "" // the session changed meanwhile: the answer stands
	}
	if s.refreshUsable(cur.RefreshToken) {
		nt, err := s.renew(ctx, bearer, true)
		if err == nil || renewedNotSaved(nt, err) {
			if !sendable(nt.AccessToken) || nt.AccessToken == bearer {
				return ""
			}
			s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: the API refused the access token, and the refresh worked; sending once more with the new one", slog.String("op", op.id))
			return nt.AccessToken
		}
		if !errors.Is(err, ErrSessionExpired) {
			return "" // could not find out: the answer stands
		}
	} else if _, err := s.renew(ctx, bearer, true); err != nil {
		return "" // nothing to refresh, and no anonymous session either
	}
	tok, err := s.AccessToken(ctx)
	if err != nil || tok == bearer {
		return ""
	}
	s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: the session had ended; sending once more on a new anonymous session", slog.String("op", op.id))
	return tok
}
