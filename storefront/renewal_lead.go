package storefront

import (
	"context"
	"errors"
	"log/slog"
)

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
}

// failed is the result of a renewal that failed without a word from the
// API about the pair (a timeout, a 5xx, a store or lock failure): the
// session is kept, and nobody remembers the failure.
func failed(err error) leadResult { return leadResult{shared: err, err: err, stored: true} }

// leadRenewal refreshes cur for every session of the Client holding it.
// With a RenewalCoordinator store it does so under the store's renewal
// lock: it re-reads the store and the store's journal first, refreshes only
// if the store still holds cur, and saves with compare-and-swap.
func (s *Session) leadRenewal(ctx context.Context, cur Tokens, k renewalKey) leadResult {
	rc, coordinated := s.store.(RenewalCoordinator)
	if !coordinated {
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

	journal, _ := s.store.(RenewalJournal)
	key := k.String()
	var r leadResult
	ran := false
	lockErr := rc.LockRenewal(ctx, key, func(lctx context.Context) error {
		ran = true
		r = s.renewUnderLock(lctx, rc, journal, cur, key)
		return nil
	})
	if ran {
		return r
	}
	if lockErr == nil {
		lockErr = errors.New("the store's LockRenewal returned without running the renewal")
	}
	// The lock could not be had in time. The process holding it may have
	// finished meanwhile; otherwise the session stays as it was.
	if nt, ok := s.lookupJournal(ctx, journal, key); ok {
		return leadResult{outcome: nt, keep: true}
	}
	if held, err := rc.Load(ctx); err == nil && held != cur && !held.IsZero() {
		return leadResult{outcome: held, keep: true}
	}
	return failed(errorf("renewal lock: %w", lockErr))
}

// renewUnderLock is the renewal of a RenewalCoordinator store, run while
// holding its lock on cur.
func (s *Session) renewUnderLock(ctx context.Context, rc RenewalCoordinator, journal RenewalJournal, cur Tokens, key string) leadResult {
	held, err := rc.Load(ctx)
	if err != nil {
		return failed(errorf("load tokens: %w", err))
	}
	if held != cur {
		// Another process renewed the pair, logged in, or cleared the store.
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: the store holds a newer pair; adopting it")
		return leadResult{outcome: held, keep: !held.IsZero(), stored: true, held: held}
	}
	if nt, ok := s.lookupJournal(ctx, journal, key); ok {
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: another process renewed the pair; adopting its outcome")
		return leadResult{outcome: nt, keep: true} // the caller saves it with compare-and-swap
	}
	nt, err := s.refreshWithAPI(ctx, cur)
	if err != nil {
		if !errors.Is(err, ErrSessionExpired) {
			return failed(err)
		}
		held, err2 := s.afterRefusal(ctx, cur, err)
		return leadResult{shared: err, keep: true, stored: true, held: held, err: err2}
	}
	if journal != nil && s.c.renewals.graceWindow > 0 {
		if err := journal.RecordRenewal(ctx, key, nt, s.c.renewals.graceWindow); err != nil {
			s.c.logger.LogAttrs(ctx, slog.LevelWarn, "storefront session: recording the renewal for other processes failed",
				slog.String("error", redactor{nt.AccessToken, nt.RefreshToken, cur.AccessToken, cur.RefreshToken}.clean(err.Error())))
		}
	}
	held, err = s.saveIf(ctx, cur, nt)
	return leadResult{outcome: nt, keep: true, stored: true, held: held, err: err}
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

// lookupJournal asks a store's journal for the successor of the pair key
// names. A failing journal counts as knowing nothing.
func (s *Session) lookupJournal(ctx context.Context, journal RenewalJournal, key string) (Tokens, bool) {
	if journal == nil {
		return Tokens{}, false
	}
	nt, ok, err := journal.LookupRenewal(ctx, key)
	if err != nil {
		s.c.logger.LogAttrs(ctx, slog.LevelWarn, "storefront session: reading the renewal journal failed", slog.String("error", err.Error()))
		return Tokens{}, false
	}
	return nt, ok && !nt.IsZero()
}
