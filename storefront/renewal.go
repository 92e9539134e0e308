package storefront

// Renewal: how a managed Session keeps a usable access token. The states of
// the pair a session holds, and the functions that move it between them:
//
//  1. Usable. The access token is a JWT of sendable bytes, not within the
//     client's refresh margin of its expiry by the API's clock (usable,
//     renewal_due.go). AccessToken returns it as it is: no lock, no shared
//     state.
//
//  2. Due. Otherwise, or after a 401 to it (force), the session renews it
//     (renew):
//     - one renewal per Session: callers that find one in flight wait for
//     it (await);
//     - the store is read again: a pair written meanwhile (another
//     caller's renewal, a login) is used instead;
//     - one renewal per pair per Client: when another session of the
//     Client is renewing the same pair, or renewed it within the grace
//     window, the session adopts that outcome (follow, renewal_grace.go);
//     - otherwise it starts the renewal on a context detached from its
//     caller's, so that one caller giving up fails nobody else.
//
//  3. Renewing (startRenewal). Without a usable refresh token (missing,
//     damaged, expired), an anonymous session replaces the pair, asked for
//     with the old access token as Bearer so that the visitor keeps their
//     identity (anonymous). With one, the session leads the refresh of the
//     pair for every session of the Client holding it (lead), through
//     refresh-token (refreshWithAPI). A store shared by processes
//     (RenewalCoordinator) makes the leader lock the pair, read the store
//     and the journal again, refresh only if the store still holds the
//     pair, and record the outcome for the other processes
//     (renewal_coordination.go); a lock that can expire is checked just
//     before the refresh goes out (RenewalFence), and taken again if it
//     was lost.
//
//  4. Renewed. The new pair is saved with compare-and-swap, only over the
//     pair it replaces: a login saved meanwhile wins (saveIf,
//     session_store.go). If the store fails, the session keeps the pair,
//     uses it, and saves it on its next call (pendingPair); under a
//     coordinating store's lock it also tries again, holding the lock, for
//     the grace window (settle), so that no other process spends the used
//     refresh token meanwhile.
//
//  5. Refused. The API's own error envelope refuses the refresh
//     (refusedByAPI). That may only mean another process spent the refresh
//     token first, so the journal and the store are read again: the store
//     is cleared, and the call fails with ErrSessionExpired, only when it
//     still holds the refused pair (afterRefusal). The refusal is shared
//     for the grace window like a new pair.
//
//  6. Failed. Anything else (a timeout, a 5xx, a proxy's page, a store or
//     lock failure) leaves the session as it was, and is not remembered:
//     the next call tries again.

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/commercengine-go/sdk/gen"
)

// renewal is one refresh or anonymous bootstrap of a session, awaited by
// every caller of the session that needed it.
type renewal struct {
	done   chan struct{}
	tokens Tokens
	err    error
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
		t, err := s.startRenewal(rctx, cur)
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

// startRenewal renews cur: it refreshes it, sharing the refresh with the
// Client's other sessions that hold the same pair (and with other
// processes, when the store coordinates), or creates an anonymous session
// when cur has no usable refresh token. It returns the pair the session
// holds afterwards.
func (s *Session) startRenewal(ctx context.Context, cur Tokens) (Tokens, error) {
	if s.pos && !s.refreshUsable(cur.RefreshToken) {
		// A terminal has no anonymous session: only a staff login starts one.
		if cur.AccessToken == "" {
			return Tokens{}, fmt.Errorf("%w: pair the device and log a staff member in first (POSSession.Auth)", ErrNoSession)
		}
		return Tokens{}, fmt.Errorf("%w: the staff session's refresh token is missing, damaged or expired: log in again", ErrSessionExpired)
	}
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
	r := s.lead(ctx, cur, k)
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

// leadResult is what the session that leads a renewal learns: the outcome
// the Client's other sessions holding the pair adopt, and what its own
// store holds.
type leadResult struct {
	outcome Tokens // the successor of the pair, for every holder of it; zero when there is none
	shared  error  // or what they get instead: the API's refusal, or a failure
	keep    bool   // outcome or the refusal stays for the grace window; a failure does not

	stored bool   // the leader's own store is settled: held and err are final
	held   Tokens // what the leader's store holds afterwards
	err    error  // the leader's own error

	lost bool // the store's renewal lock was lost before the refresh was sent
}

// failed is the result of a renewal that failed without a word from the
// API about the pair (a timeout, a 5xx, a store or lock failure): the
// session is kept, and nobody remembers the failure.
func failed(err error) leadResult { return leadResult{shared: err, err: err, stored: true} }

// lead refreshes cur for every session of the Client holding it. A
// RenewalCoordinator store has it done under the store's renewal lock
// (leadCoordinated); for any other store the new pair is returned for the
// caller to save.
func (s *Session) lead(ctx context.Context, cur Tokens, k renewalKey) leadResult {
	if rc, ok := s.store.(RenewalCoordinator); ok {
		return s.leadCoordinated(ctx, rc, cur, k)
	}
	nt, err := s.refreshWithAPI(ctx, cur)
	switch {
	case err == nil:
		return leadResult{outcome: nt, keep: true} // the caller saves it
	case errors.Is(err, ErrSessionExpired):
		held, err2 := s.afterRefusal(ctx, cur, err)
		return leadResult{shared: err, keep: true, stored: true, held: held, err: err2}
	}
	return failed(err)
}

// refreshWithAPI sends refresh-token for cur and returns the new pair, or
// the API's answer as an error: an envelope refusal matches
// ErrSessionExpired (see refusedByAPI), anything else is returned as is.
func (s *Session) refreshWithAPI(ctx context.Context, cur Tokens) (Tokens, error) {
	s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: refreshing access token")
	op, req, err := opRefreshToken, (*request)(nil), error(nil)
	if s.pos {
		op = opRefreshPosAccessToken
		req, err = newRefreshPosAccessTokenRequest(gen.RefreshPosAccessTokenBody{RefreshToken: cur.RefreshToken})
	} else {
		req, err = newRefreshTokenRequest(gen.RefreshTokenJSONRequestBody{RefreshToken: cur.RefreshToken})
	}
	if err != nil {
		return Tokens{}, err
	}
	req.secrets = []string{cur.RefreshToken, cur.AccessToken}
	var out authTokensContent
	ex, err := s.c.send(ctx, op, req, "")
	if err == nil {
		err = s.c.decode(op, ex, &out, s.c.keep(req, ""))
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

// afterRefusal handles the API refusing to refresh cur. The refusal may
// only mean that another process has already spent the refresh token
// ("already used"), so the store's journal and the store itself are read
// again first: a newer pair there is adopted. Only when the store still
// holds cur is it cleared, and the call fails with ErrSessionExpired.
func (s *Session) afterRefusal(ctx context.Context, cur Tokens, refusal error) (Tokens, error) {
	journal, _ := s.store.(RenewalJournal)
	if nt, ok := s.lookupJournal(ctx, journal, RenewalKey(cur.RefreshToken)); ok {
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: refresh refused, but another process renewed the pair; adopting it")
		return s.saveIf(ctx, cur, nt)
	}
	held, cleared, err := s.clearIf(ctx, cur)
	if err != nil {
		s.c.logger.LogAttrs(ctx, slog.LevelWarn, "storefront session: the API ended the session, and clearing the store failed",
			slog.String("error", redactor{cur.AccessToken, cur.RefreshToken}.clean(err.Error())))
		return Tokens{}, refusal
	}
	if !cleared && !held.IsZero() {
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: refresh refused, but the store holds a newer pair; adopting it")
		return held, nil
	}
	s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: the API ended the session; store cleared")
	return Tokens{}, refusal
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
