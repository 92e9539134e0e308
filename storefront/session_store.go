package storefront

// How a Session writes its TokenStore: every write is counted so that the
// callbacks follow the store's order, a renewal saves only over the pair it
// replaces (compare-and-swap), and a pair the store failed to save is kept
// by the session, used, and saved again on its next call.

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// pendingPair is a pair the API issued that the store failed to save. The
// session uses it instead of the store's pair, and saves it again on its
// next call, as long as the store still holds prev (or whatever it holds,
// with anyPrev: a login wins over everything).
type pendingPair struct {
	tokens  Tokens
	prev    Tokens
	anyPrev bool
}

// persistTimeout bounds a write of the store that must not be cancelled.
const persistTimeout = 10 * time.Second

// persistContext is the context of a store write that records what the API
// has already done (a login, a rotated refresh token): the caller giving up
// now must not lose it. It keeps the caller's values (a lock a
// RenewalCoordinator put there, say).
func persistContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), persistTimeout)
}

// current returns the pair the session uses: the store's, or a pending
// pair, which it first tries to save again.
func (s *Session) current(ctx context.Context) (Tokens, error) {
	if s.pending.Load() == nil {
		t, err := s.store.Load(ctx)
		if err != nil {
			return Tokens{}, errorf("load tokens: %w", err)
		}
		return t, nil
	}
	return s.flushPending(ctx, false)
}

// flushPending saves the pending pair and returns the pair the session
// uses afterwards. If the store has been written since the pair became
// pending (a login, another process's renewal), the store wins and the
// pending pair is dropped. If the store fails again, the pending pair is
// returned, with the error only when strict.
func (s *Session) flushPending(ctx context.Context, strict bool) (Tokens, error) {
	pctx, cancel := persistContext(ctx)
	defer cancel()
	held, p, err := s.savePending(pctx)
	if p == nil {
		return s.current(ctx)
	}
	if err != nil {
		err = s.notSaved(ctx, p.tokens, err)
		if strict {
			return p.tokens, err
		}
		return p.tokens, nil
	}
	return held, nil
}

// savePending tries once to save the pending pair p, and returns what the
// session holds afterwards, p (nil when nothing was pending), and the
// store's error, which it does not log.
func (s *Session) savePending(ctx context.Context) (Tokens, *pendingPair, error) {
	s.mu.Lock()
	p := s.pending.Load()
	if p == nil {
		s.mu.Unlock()
		return Tokens{}, nil, nil
	}
	var held Tokens
	var wrote bool
	var err error
	if p.anyPrev {
		if err = s.store.Save(ctx, p.tokens); err == nil {
			held, wrote = p.tokens, true
		}
	} else {
		held, wrote, err = s.swapLocked(ctx, p.prev, p.tokens)
	}
	if err != nil {
		s.mu.Unlock()
		return p.tokens, p, err
	}
	s.pending.Store(nil)
	var seq uint64
	if wrote {
		s.saves++
		s.version.Add(1)
		seq = s.saves
	}
	s.mu.Unlock()
	if wrote {
		s.notify(seq, held, false)
	}
	return held, p, nil
}

// save stores t, a pair the API has just returned (a login, a logout …),
// whatever the store holds, and notifies OnTokensChanged. If the store
// fails, the session keeps t (see pendingPair) and the error matches
// ErrNotSaved.
func (s *Session) save(ctx context.Context, t Tokens) error {
	s.observeIssued(t)
	return s.write(ctx, t)
}

// write stores t whatever the store holds.
func (s *Session) write(ctx context.Context, t Tokens) error {
	pctx, cancel := persistContext(ctx)
	defer cancel()
	s.mu.Lock()
	err := s.store.Save(pctx, t)
	s.saves++
	s.version.Add(1)
	seq := s.saves
	if err != nil {
		s.pending.Store(&pendingPair{tokens: t, anyPrev: true})
	} else {
		s.pending.Store(nil)
	}
	s.mu.Unlock()
	if err != nil {
		return s.notSaved(ctx, t, err)
	}
	s.notify(seq, t, false)
	return nil
}

// saveIf stores next only if the store still holds prev: a renewal must not
// overwrite a pair a login saved meanwhile. It returns what the store holds
// afterwards. If the store fails, the session keeps next and returns it
// with an error matching ErrNotSaved.
func (s *Session) saveIf(ctx context.Context, prev, next Tokens) (Tokens, error) {
	pctx, cancel := persistContext(ctx)
	defer cancel()
	s.mu.Lock()
	held, wrote, err := s.swapLocked(pctx, prev, next)
	if err != nil {
		s.pending.Store(&pendingPair{tokens: next, prev: prev})
		s.mu.Unlock()
		return next, s.notSaved(ctx, next, err)
	}
	var seq uint64
	if wrote {
		s.saves++
		s.version.Add(1)
		seq = s.saves
		s.pending.Store(nil)
	}
	s.mu.Unlock()
	if wrote {
		s.notify(seq, held, false)
	}
	return held, nil
}

// clearIf clears the store if it still holds prev, and returns what it
// holds afterwards and whether it cleared it.
func (s *Session) clearIf(ctx context.Context, prev Tokens) (Tokens, bool, error) {
	pctx, cancel := persistContext(ctx)
	defer cancel()
	s.mu.Lock()
	held, wrote, err := s.swapLocked(pctx, prev, Tokens{})
	if err != nil {
		s.mu.Unlock()
		return Tokens{}, false, errorf("clear tokens: %w", err)
	}
	var seq uint64
	if wrote {
		s.saves++
		s.version.Add(1)
		seq = s.saves
		s.pending.Store(nil)
	}
	s.mu.Unlock()
	if wrote {
		s.notify(seq, Tokens{}, true)
	}
	return held, wrote, nil
}

// swapLocked replaces prev with next (a zero next clears) if the store
// holds prev, and returns what it holds afterwards and whether it wrote.
// A RenewalCoordinator does it atomically across processes; for other
// stores, s.mu (held by the caller) makes it atomic within the session.
func (s *Session) swapLocked(ctx context.Context, prev, next Tokens) (Tokens, bool, error) {
	if rc, ok := s.store.(RenewalCoordinator); ok {
		return rc.CompareAndSwap(ctx, prev, next)
	}
	cur, err := s.store.Load(ctx)
	if err != nil {
		return Tokens{}, false, err
	}
	if cur != prev {
		return cur, false, nil
	}
	if next.IsZero() {
		err = s.store.Clear(ctx)
	} else {
		err = s.store.Save(ctx, next)
	}
	if err != nil {
		return Tokens{}, false, err
	}
	return next, true, nil
}

// notSaved reports a store failure that left a new pair in the session
// only: a warning log (the store's error, cleaned of the pair), and the
// error to return.
func (s *Session) notSaved(ctx context.Context, t Tokens, err error) error {
	msg := redactor{t.AccessToken, t.RefreshToken}.clean(err.Error())
	s.c.logger.LogAttrs(ctx, slog.LevelWarn, "storefront session: the token store failed; the session keeps the new pair and saves it again on its next call",
		slog.String("error", msg))
	return errorf("%w: %w", ErrNotSaved, err)
}

// notify reports write seq to the callbacks (OnTokensCleared when cleared,
// OnTokensChanged with t otherwise), unless a later write has been
// reported already: the last call reports what the store holds.
func (s *Session) notify(seq uint64, t Tokens, cleared bool) {
	if s.changed == nil && s.cleared == nil {
		return
	}
	s.notifyMu.Lock()
	defer s.notifyMu.Unlock()
	if seq < s.notified {
		return
	}
	s.notified = seq
	switch {
	case cleared && s.cleared != nil:
		s.cleared()
	case !cleared && s.changed != nil:
		s.changed(t)
	}
}

// ErrNotSaved is matched by the error of a call that got a new token pair
// from the API but could not save it to the TokenStore. The session keeps
// the pair, uses it, and saves it again on its next call; Session.Flush
// saves it now.
var ErrNotSaved = errors.New("storefront: token pair not saved")
