package storefront

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/commercengine-go/sdk/gen"
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
//     a 401, except when the session itself had ended (a logout whose
//     answer was lost): then a login, registration or OTP call starts a new
//     anonymous session and is sent once more with it.
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

// renewal is one refresh or anonymous bootstrap of a session, awaited by
// every caller of the session that needed it.
type renewal struct {
	done   chan struct{}
	tokens Tokens
	err    error
}

type parsedToken struct {
	token  string
	claims *Claims
	err    error
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

// claimsOf parses token, reusing the last parse when it is the same token.
func (s *Session) claimsOf(token string) (*Claims, error) {
	if p := s.parsed.Load(); p != nil && p.token == token {
		return p.claims, p.err
	}
	p := s.c.renewals.claims.parse(token)
	s.parsed.Store(p)
	return p.claims, p.err
}

// usable reports whether an access token can be sent as it is: a JWT of
// sendable bytes, not within the refresh margin of its expiry by the API's
// clock. Anything else is renewed first.
func (s *Session) usable(token string) bool {
	if !sendable(token) {
		return false
	}
	c, err := s.claimsOf(token)
	return err == nil && !c.ExpiresWithin(s.c.apiNow(), s.c.margin)
}

// sendable reports whether a token can go into an Authorization header:
// not empty, and only the characters of a JWT (RFC 7235 token68).
func sendable(token string) bool {
	if token == "" {
		return false
	}
	for i := 0; i < len(token); i++ {
		c := token[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '-', c == '.', c == '_', c == '~', c == '+', c == '/', c == '=':
		default:
			return false
		}
	}
	return true
}

// refreshUsable reports whether a refresh token may still work: a JWT of
// sendable characters, not past its own expiry.
func (s *Session) refreshUsable(token string) bool {
	if !sendable(token) {
		return false
	}
	p := s.c.renewals.claims.parse(token)
	return p.err == nil && !p.claims.ExpiresWithin(s.c.apiNow(), 0)
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

// renew refreshes the session (or creates an anonymous one), sharing one
// renewal among the session's concurrent callers, and one refresh among
// the sessions of the Client that hold the same pair. A caller whose
// context has already ended starts nothing. stale is the access token the
// caller found wanting; with force, it is renewed even if its expiry is
// far (the API answered 401 to it). The renewal runs on a context detached
// from the caller's, so one caller giving up does not fail the others; each
// caller waits only as long as its own context allows.
func (s *Session) renew(ctx context.Context, stale string, force bool) (Tokens, error) {
	return s.renewLoaded(ctx, Tokens{AccessToken: stale}, 0, force)
}

// renewLoaded is renew for a caller that has just loaded the pair loaded
// at version: if nothing was written or renewed since, the store is not
// read again (a round trip, for a Redis store).
func (s *Session) renewLoaded(ctx context.Context, loaded Tokens, version uint64, force bool) (Tokens, error) {
	stale := loaded.AccessToken
	if err := ctx.Err(); err != nil {
		return Tokens{}, errorf("%w", err)
	}
	s.mu.Lock()
	if f := s.flight; f != nil {
		s.mu.Unlock()
		return s.await(ctx, f)
	}
	var cur Tokens
	if version != 0 && version == s.version.Load() && s.pending.Load() == nil {
		cur = loaded
	} else if s.pending.Load() == nil {
		var err error
		if cur, err = s.store.Load(ctx); err != nil {
			s.mu.Unlock()
			return Tokens{}, errorf("load tokens: %w", err)
		}
	} else {
		s.mu.Unlock()
		var err error
		if cur, err = s.flushPending(ctx, false); err != nil {
			return Tokens{}, err
		}
		s.mu.Lock()
		if f := s.flight; f != nil {
			s.mu.Unlock()
			return s.await(ctx, f)
		}
	}
	// Another caller may have renewed (or logged in) since ours loaded.
	if cur.AccessToken != "" && cur.AccessToken != stale && ((force && sendable(cur.AccessToken)) || s.usable(cur.AccessToken)) {
		s.mu.Unlock()
		return cur, nil
	}
	// Another session of the client is renewing this pair, or has just
	// done so: wait for it here, without a renewal of this session's own.
	if s.refreshUsable(cur.RefreshToken) {
		if o := s.c.renewals.existing(keyOf(cur.RefreshToken)); o != nil {
			s.mu.Unlock()
			return s.follow(ctx, cur, o)
		}
	}
	f := &renewal{done: make(chan struct{})}
	s.flight = f
	s.mu.Unlock()

	go func() {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.c.renewTimeout())
		defer cancel()
		t, err := s.doRenew(rctx, cur)
		s.mu.Lock()
		s.flight = nil
		s.version.Add(1)
		s.mu.Unlock()
		f.tokens, f.err = t, err
		close(f.done)
	}()
	return s.await(ctx, f)
}

func (s *Session) await(ctx context.Context, f *renewal) (Tokens, error) {
	select {
	case <-f.done:
		return f.tokens, f.err
	case <-ctx.Done():
		return Tokens{}, errorf("waiting for the session: %w", ctx.Err())
	}
}

// renewTimeout bounds a renewal: every attempt its timeout, plus waits.
func (c *Client) renewTimeout() time.Duration {
	return time.Duration(c.retry.MaxAttempts)*c.http.Timeout + time.Duration(c.retry.MaxAttempts)*c.retry.MaxBackoff
}

// doRenew renews cur: it refreshes it, sharing the refresh with the
// Client's other sessions that hold the same pair (and with other
// processes, when the store coordinates), or creates an anonymous session
// when cur has no usable refresh token. It returns the pair the session
// holds afterwards.
func (s *Session) doRenew(ctx context.Context, cur Tokens) (Tokens, error) {
	if !s.refreshUsable(cur.RefreshToken) {
		why := "no session"
		if cur.AccessToken != "" {
			why = "refresh token missing, damaged or expired"
		}
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: creating anonymous session", slog.String("reason", why))
		res, err := s.anonymous(ctx, cur.AccessToken)
		if err != nil {
			return Tokens{}, err
		}
		return s.saveIf(ctx, cur, res.tokens())
	}

	k := keyOf(cur.RefreshToken)
	o, leader := s.c.renewals.join(k)
	if !leader {
		return s.follow(ctx, cur, o)
	}
	r := s.leadRenewal(ctx, cur, k)
	s.c.renewals.finish(o, r.outcome, r.shared, r.keep)
	if r.err != nil || r.stored {
		return r.held, r.err
	}
	if o.tokens.IsZero() { // the store was cleared meanwhile: the caller starts again
		return Tokens{}, nil
	}
	return s.saveIf(ctx, cur, o.tokens)
}

// follow adopts the outcome of o, another session's renewal of cur: it
// waits for it (as long as ctx allows), then saves the new pair to this
// session's store, or handles the API's refusal as its own.
func (s *Session) follow(ctx context.Context, cur Tokens, o *renewalOutcome) (Tokens, error) {
	s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: adopting a renewal of the same pair by another session")
	select {
	case <-o.done:
	case <-ctx.Done():
		return Tokens{}, errorf("waiting for the renewal: %w", ctx.Err())
	}
	if o.err != nil {
		if errors.Is(o.err, ErrSessionExpired) {
			return s.afterRefusal(ctx, cur, o.err)
		}
		return Tokens{}, o.err
	}
	if o.tokens.IsZero() { // the store was cleared meanwhile: the caller starts again
		return Tokens{}, nil
	}
	return s.saveIf(ctx, cur, o.tokens)
}

// refreshWithAPI sends refresh-token for cur and returns the new pair, or
// the API's answer as an error: an envelope refusal matches
// ErrSessionExpired (see refusedByAPI), anything else is returned as is.
func (s *Session) refreshWithAPI(ctx context.Context, cur Tokens) (Tokens, error) {
	s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: refreshing access token")
	req, err := newRefreshTokenRequest(gen.RefreshTokenJSONRequestBody{RefreshToken: cur.RefreshToken})
	if err != nil {
		return Tokens{}, err
	}
	req.secrets = []string{cur.RefreshToken, cur.AccessToken}
	var out authTokensContent
	ex, err := s.c.send(ctx, opRefreshToken, req, "")
	if err == nil {
		err = s.c.decode(opRefreshToken, ex, &out, s.c.keep(req, ""))
	}
	if refusedByAPI(err) {
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: refresh rejected by the API", slog.String("error", err.Error()))
		return Tokens{}, errorf("%w: %w", ErrSessionExpired, err)
	}
	if err != nil {
		return Tokens{}, err
	}
	nt := Tokens(out)
	if nt.RefreshToken == "" {
		nt.RefreshToken = cur.RefreshToken // keep the old one when none is sent
	}
	s.observeIssued(nt)
	return nt, nil
}

// refusedByAPI reports whether err is the API itself refusing a refresh:
// its JSON error envelope with 400, 401 or 404, the statuses it answers
// an unknown, expired, used or revoked refresh token with. A page from a
// proxy (403, 404, 408, 413, 425 …), a 429, a 5xx or a transport failure
// is not: the session may still be alive.
func refusedByAPI(err error) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code == "" || apiErr.Body != "" {
		return false
	}
	switch apiErr.StatusCode {
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusNotFound:
		return true
	}
	return false
}

// anonymous calls get-anonymous-token, with old (the visitor's previous
// access token, possibly expired) as Bearer to keep their identity. If the
// API refuses old, it asks once more without it; a token that cannot be
// sent is left out from the start. opts are Auth.Anonymous's call options.
func (s *Session) anonymous(ctx context.Context, old string, opts ...CallOption) (*anonymousContent, error) {
	if !sendable(old) {
		old = ""
	}
	var out anonymousContent
	req, err := newGetAnonymousTokenRequest()
	if err != nil {
		return nil, err
	}
	if err := req.applyOptions(opts); err != nil {
		return nil, err
	}
	ex, err := s.c.send(ctx, opGetAnonymousToken, req, old)
	if err == nil && old != "" && (ex.status == http.StatusUnauthorized || ex.status == http.StatusBadRequest) {
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: previous token refused; new anonymous visitor", slog.Int("status", ex.status))
		ex, err = s.c.send(ctx, opGetAnonymousToken, req, "")
	}
	if err != nil {
		return nil, err
	}
	if err := s.c.decode(opGetAnonymousToken, ex, &out, s.c.keep(req, old)); err != nil {
		return nil, err
	}
	s.observeIssued(out.tokens())
	return &out, nil
}

// call sends one operation for this session: it obtains the access token
// the operation needs, and after a 401 refreshes once and sends once more
// unless the operation submits credentials or the session is manual. A
// login, registration or OTP call whose 401 comes from the session having
// ended (see restartEnded) is sent once more on a new anonymous session.
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

// restartEnded finds out whether the 401 a credential call got is about
// the credentials or about the session it was sent with, which the API may
// have ended (a logout whose answer was lost, a password changed
// elsewhere). It renews the session: when the API refuses the refresh (the
// store is then cleared) or there is nothing to refresh, a new anonymous
// session starts and its access token is returned, for the call to be sent
// once more. When the refresh works, the session was alive and the 401 was
// the answer (a wrong password): it returns "" and nothing is resent.
func (s *Session) restartEnded(ctx context.Context, op *operation, bearer string) string {
	cur, err := s.Tokens(ctx)
	if err != nil || cur.AccessToken != bearer {
		return "" // the session changed meanwhile: the answer stands
	}
	if s.refreshUsable(cur.RefreshToken) {
		if _, err := s.renew(ctx, bearer, true); !errors.Is(err, ErrSessionExpired) {
			return "" // the session is alive: the 401 was about the credentials
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
