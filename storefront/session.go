package storefront

import (
	"context"
	"errors"
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
// Session.
//
// A managed session (Client.NewSession) takes care of the tokens:
//
//   - The first call that needs a token and finds none creates an anonymous
//     session (POST /auth/anonymous) once, shared by concurrent callers.
//   - An access token within the client's refresh margin of its expiry is
//     refreshed before use, once for all concurrent callers.
//   - When the refresh token is missing or expired, a new anonymous session
//     is created with the old access token as Bearer, which keeps the
//     visitor's identity.
//   - After a 401 on a call that carries the access token, the session
//     refreshes once and sends the call once more; calls that submit
//     credentials (passwords, OTPs, registrations) are never resent: their
//     401 is the answer.
//   - Every answer that carries a token pair (anonymous, login, register
//     with phone, verify-otp, reset and change password, refresh, logout) is
//     saved to the store.
//   - A refresh the API rejects clears the store and fails with
//     ErrSessionExpired.
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

	mu     sync.Mutex // serialises writes to the store and the start of renewals
	flight *renewal   // the renewal in progress, shared by concurrent callers
	saves  uint64     // writes to the store so far, under mu

	notifyMu sync.Mutex // serialises the callbacks
	notified uint64     // the write the callbacks last reported

	parsed atomic.Pointer[parsedToken] // claims of the last access token read
}

// renewal is one refresh or anonymous bootstrap, awaited by every caller
// that needed it.
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
// token pair (from a login, a refresh, a logout …). Calls never overlap and
// come in the order the pairs were saved; a call about a pair that another
// save has already replaced is skipped, so the last call always reports
// what the store holds. f must not block for long. Never log the tokens it
// receives; Tokens's own String method prints none.
func OnTokensChanged(f func(Tokens)) SessionOption {
	return func(s *Session) { s.changed = f }
}

// OnTokensCleared registers f to be called after the session clears its
// store (a rejected refresh).
func OnTokensCleared(f func()) SessionOption {
	return func(s *Session) { s.cleared = f }
}

// NewSession returns a managed session over store (a new MemoryStore when
// nil). Create one per shopper; the store decides where their tokens live.
func (c *Client) NewSession(store TokenStore, opts ...SessionOption) *Session {
	if store == nil {
		store = NewMemoryStore()
	}
	s := &Session{c: c, store: store}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	s.Services = newServices(s)
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

// Tokens returns the stored pair. Handle it as a secret.
func (s *Session) Tokens(ctx context.Context) (Tokens, error) {
	t, err := s.store.Load(ctx)
	if err != nil {
		return Tokens{}, errorf("storefront: load tokens: %w", err)
	}
	return t, nil
}

// SetTokens stores t as the session's pair, e.g. tokens obtained elsewhere.
func (s *Session) SetTokens(ctx context.Context, t Tokens) error {
	return s.save(ctx, t)
}

// Clear forgets the session's tokens (locally; it does not log out).
func (s *Session) Clear(ctx context.Context) error {
	s.mu.Lock()
	err := s.store.Clear(ctx)
	s.saves++
	s.mu.Unlock()
	if err != nil {
		return errorf("storefront: clear tokens: %w", err)
	}
	s.notifyCleared()
	return nil
}

// Peek returns the claims of the stored access token without a network
// call: user ID, customer, logged-in state, expiry. It fails with
// ErrNoSession when no access token is stored. The token may have expired;
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

// UserID returns the user ID of the stored access token, without a network
// call (see Peek).
func (s *Session) UserID(ctx context.Context) (string, error) {
	c, err := s.Peek(ctx)
	return c.UserID, err
}

// IsLoggedIn reports whether the stored access token is a logged-in user's,
// without a network call (see Peek). No token means not logged in.
func (s *Session) IsLoggedIn(ctx context.Context) (bool, error) {
	c, err := s.Peek(ctx)
	if errors.Is(err, ErrNoSession) {
		return false, nil
	}
	return c.IsLoggedIn, err
}

// AccessToken returns an access token fit for use, creating an anonymous
// session or refreshing first when needed (in a manual session, the stored
// token as it is). Use it to call API groups this SDK does not cover yet.
func (s *Session) AccessToken(ctx context.Context) (string, error) {
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
	if t.AccessToken != "" && !s.expiring(t.AccessToken) {
		return t.AccessToken, nil
	}
	nt, err := s.renew(ctx, t.AccessToken, false)
	if err != nil {
		return "", err
	}
	return nt.AccessToken, nil
}

// claimsOf parses token, reusing the last parse when it is the same token.
func (s *Session) claimsOf(token string) (*Claims, error) {
	if p := s.parsed.Load(); p != nil && p.token == token {
		return p.claims, p.err
	}
	c, err := ParseClaims(token)
	s.parsed.Store(&parsedToken{token: token, claims: c, err: err})
	return c, err
}

// expiring reports whether an access token must be renewed before use:
// within the refresh margin of its expiry. A token whose expiry cannot be
// read is used as it is; if the API refuses it, the 401 path renews it.
func (s *Session) expiring(token string) bool {
	c, err := s.claimsOf(token)
	return err == nil && c.ExpiresWithin(s.c.now(), s.c.margin)
}

// refreshUsable reports whether a refresh token may still work: not empty,
// and not past its own expiry when it is a readable JWT.
func (s *Session) refreshUsable(token string) bool {
	if token == "" {
		return false
	}
	c, err := ParseClaims(token)
	return err != nil || !c.ExpiresWithin(s.c.now(), 0)
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
	return !c.ExpiresWithin(s.c.now(), 0) || s.refreshUsable(t.RefreshToken)
}

// renew refreshes the session (or creates an anonymous one), sharing one
// request among concurrent callers. A caller whose context has already
// ended starts nothing. stale is the access token the caller
// found wanting; with force, it is renewed even if its expiry is far (the
// API answered 401 to it). The renewal runs on a context detached from the
// caller's, so one caller giving up does not fail the others; each caller
// waits only as long as its own context allows.
func (s *Session) renew(ctx context.Context, stale string, force bool) (Tokens, error) {
	if err := ctx.Err(); err != nil {
		return Tokens{}, errorf("%w", err)
	}
	s.mu.Lock()
	if f := s.flight; f != nil {
		s.mu.Unlock()
		return s.await(ctx, f)
	}
	cur, err := s.store.Load(ctx)
	if err != nil {
		s.mu.Unlock()
		return Tokens{}, errorf("storefront: load tokens: %w", err)
	}
	// Another caller may have renewed (or logged in) since ours loaded.
	if cur.AccessToken != "" && cur.AccessToken != stale && (force || !s.expiring(cur.AccessToken)) {
		s.mu.Unlock()
		return cur, nil
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

// doRenew refreshes cur, or creates an anonymous session when cur has no
// usable refresh token.
func (s *Session) doRenew(ctx context.Context, cur Tokens) (Tokens, error) {
	if !s.refreshUsable(cur.RefreshToken) {
		why := "no session"
		if cur.AccessToken != "" {
			why = "refresh token missing or expired"
		}
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: creating anonymous session", slog.String("reason", why))
		res, err := s.anonymous(ctx, cur.AccessToken)
		if err != nil {
			return Tokens{}, err
		}
		return s.saveIf(ctx, cur, res.tokens())
	}

	s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: refreshing access token")
	req, err := newRefreshTokenRequest(gen.RefreshTokenJSONRequestBody{RefreshToken: cur.RefreshToken})
	if err != nil {
		return Tokens{}, err
	}
	req.secrets = []string{cur.RefreshToken, cur.AccessToken}
	var out authTokensContent
	ex, err := s.c.send(ctx, opRefreshToken, req, "")
	if err == nil {
		err = s.c.decode(opRefreshToken, ex, &out, s.c.redactor(req, ""))
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode >= 400 && apiErr.StatusCode < 500 && apiErr.StatusCode != http.StatusTooManyRequests {
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: refresh rejected; clearing tokens", slog.Int("status", apiErr.StatusCode))
		s.clearIf(ctx, cur)
		return Tokens{}, errorf("%w: %w", ErrSessionExpired, err)
	}
	if err != nil {
		return Tokens{}, err
	}
	nt := Tokens(out)
	if nt.RefreshToken == "" {
		nt.RefreshToken = cur.RefreshToken // keep the old one when none is sent
	}
	return s.saveIf(ctx, cur, nt)
}

// anonymous calls get-anonymous-token, with old (the visitor's previous
// access token, possibly expired) as Bearer to keep their identity. If the
// API refuses old, it asks once more without it.
func (s *Session) anonymous(ctx context.Context, old string) (*anonymousContent, error) {
	var out anonymousContent
	req, err := newGetAnonymousTokenRequest()
	if err != nil {
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
	if err := s.c.decode(opGetAnonymousToken, ex, &out, s.c.redactor(req, old)); err != nil {
		return nil, err
	}
	return &out, nil
}

// call sends one operation for this session: it obtains the access token
// the operation needs, and after a 401 refreshes once and sends once more
// unless the operation submits credentials or the session is manual.
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
	if ex.status == http.StatusUnauthorized && op.auth == authBearer && !op.submitsCredentials && !s.manual {
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: 401; refreshing and retrying once", slog.String("op", op.id))
		nt, err := s.renew(ctx, bearer, true)
		if err != nil {
			return err
		}
		if ex, err = s.c.send(ctx, op, req, nt.AccessToken); err != nil {
			return err
		}
		return s.c.decode(op, ex, out, append(s.c.redactor(req, bearer), nt.AccessToken))
	}
	return s.c.decode(op, ex, out, s.c.redactor(req, bearer))
}

// persistTimeout bounds a write of the store that must not be cancelled.
const persistTimeout = 10 * time.Second

// persistContext is the context of a store write that records what the API
// has already done (a login, a rotated refresh token): the caller giving up
// now must not lose it.
func persistContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), persistTimeout)
}

// save stores t and notifies OnTokensChanged.
func (s *Session) save(ctx context.Context, t Tokens) error {
	ctx, cancel := persistContext(ctx)
	defer cancel()
	s.mu.Lock()
	err := s.store.Save(ctx, t)
	s.saves++
	seq := s.saves
	s.mu.Unlock()
	if err != nil {
		return errorf("storefront: save tokens: %w", err)
	}
	s.notifyChanged(t, seq)
	return nil
}

// saveIf stores t only if the store still holds prev: a renewal must not
// overwrite a pair a login saved meanwhile. It returns what the store holds
// afterwards.
func (s *Session) saveIf(ctx context.Context, prev, t Tokens) (Tokens, error) {
	ctx, cancel := persistContext(ctx)
	defer cancel()
	s.mu.Lock()
	cur, err := s.store.Load(ctx)
	if err == nil && cur != prev {
		s.mu.Unlock()
		return cur, nil
	}
	if err == nil {
		err = s.store.Save(ctx, t)
	}
	s.saves++
	seq := s.saves
	s.mu.Unlock()
	if err != nil {
		return Tokens{}, errorf("storefront: save tokens: %w", err)
	}
	s.notifyChanged(t, seq)
	return t, nil
}

// clearIf clears the store if it still holds prev.
func (s *Session) clearIf(ctx context.Context, prev Tokens) {
	ctx, cancel := persistContext(ctx)
	defer cancel()
	s.mu.Lock()
	cur, err := s.store.Load(ctx)
	if err != nil || cur != prev {
		s.mu.Unlock()
		return
	}
	err = s.store.Clear(ctx)
	s.saves++
	s.mu.Unlock()
	if err != nil {
		s.c.logger.LogAttrs(ctx, slog.LevelWarn, "storefront session: clearing tokens failed", slog.String("error", err.Error()))
		return
	}
	s.notifyCleared()
}

// notifyChanged reports the pair of write seq, unless a later write has
// been reported already.
func (s *Session) notifyChanged(t Tokens, seq uint64) {
	if s.changed == nil {
		return
	}
	s.notifyMu.Lock()
	defer s.notifyMu.Unlock()
	if seq < s.notified {
		return
	}
	s.notified = seq
	s.changed(t)
}

func (s *Session) notifyCleared() {
	if s.cleared != nil {
		s.cleared()
	}
}
