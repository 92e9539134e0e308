package storefront

// Renewal across processes: a store that several processes share (a file,
// a Redis record) coordinates their renewals of the shopper's pair, so that
// they refresh it once between them. See renewal.go for the states; this
// file is what a coordinating store adds to them.

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// RenewalCoordinator is an optional interface of a TokenStore that several
// processes share (a file, a Redis record): it lets them renew the
// shopper's pair once between them. The API's refresh tokens are
// single-use, so two processes refreshing the same pair would see one of
// them refused.
//
// When its store implements RenewalCoordinator, a Session renews like this:
// it takes the lock with LockRenewal, reads the store again, and returns
// what it finds when the store no longer holds the stale pair (another
// process renewed it, or a login replaced it); only otherwise does it call
// the API, and it saves the answer with CompareAndSwap. Every store write
// the Session makes while holding the lock goes through CompareAndSwap with
// the context fn receives.
type RenewalCoordinator interface {
	TokenStore

	// LockRenewal runs fn while holding the lock on renewing the pair
	// named by key (RenewalKey of its refresh token; a store holding one
	// shopper may lock the whole store instead). It waits for the lock no
	// longer than ctx allows and than a bound of its own, and fails with an
	// error matching ErrRenewalLockTimeout when that bound passes. A lock
	// whose holder died must be free again within a bounded time. fn runs
	// at most once, with a context that carries the lock (and ends when a
	// lock that can expire is lost, see RenewalFence); LockRenewal returns
	// fn's error.
	LockRenewal(ctx context.Context, key string, fn func(ctx context.Context) error) error

	// CompareAndSwap saves next only if the store holds prev, atomically
	// with respect to every other write of the store, and returns what the
	// store holds afterwards and whether it wrote next. A zero next clears
	// the store.
	CompareAndSwap(ctx context.Context, prev, next Tokens) (current Tokens, swapped bool, err error)
}

// RenewalJournal is an optional interface of a RenewalCoordinator whose
// processes share the outcome of renewals for a grace window, like the
// Client does between its own sessions: a process whose request arrives a
// moment late with the pair another process has just renewed adopts the
// new pair instead of spending the used refresh token.
type RenewalJournal interface {
	// RecordRenewal remembers next as the successor of the pair named by
	// key for ttl.
	RecordRenewal(ctx context.Context, key string, next Tokens, ttl time.Duration) error
	// LookupRenewal returns the successor RecordRenewal remembered for
	// key, if its ttl has not passed.
	LookupRenewal(ctx context.Context, key string) (next Tokens, ok bool, err error)
}

// ErrRenewalLockTimeout is the error of a RenewalCoordinator whose lock
// could not be taken in time. The session is left as it was.
var ErrRenewalLockTimeout = errors.New("storefront: timed out waiting for another process's renewal")

var _ RenewalCoordinator = (*FileStore)(nil)

// RenewalFence is an optional interface of a RenewalCoordinator whose lock
// can expire while its holder still runs (a lock with a time to live, as
// in Redis): a holder stalled past the expiry must not refresh a pair that
// another process, which took the lock meanwhile, is refreshing too.
//
// Just before sending the refresh, a Session calls HoldRenewalLock with
// the context LockRenewal gave fn, and sends nothing unless it succeeds;
// it then takes the lock again and finds what the other process did.
// Once the refresh is sent, the API has spent the old refresh token: from
// then on nothing cancels the renewal, and the session keeps the lock until
// the new pair is in the store, trying again for a while if the store
// fails. A LockRenewal whose lock can be lost should also end fn's context
// as soon as it knows it is lost.
type RenewalFence interface {
	// HoldRenewalLock checks, atomically with respect to the store, that
	// the lock ctx carries is still the caller's, and makes it last at
	// least d more whatever happens to the caller or the store meanwhile
	// (d covers the refresh and the saving of its answer). It fails when
	// the lock has expired or is another process's.
	HoldRenewalLock(ctx context.Context, d time.Duration) error
}

// maxLockRounds bounds how often a renewal takes the store's lock again
// after losing it before sending the refresh.
const maxLockRounds = 3

// leadCoordinated refreshes cur under the store's renewal lock: it re-reads
// the store and the store's journal first, refreshes only if the store
// still holds cur, and saves with compare-and-swap. A lock lost before the
// refresh is sent is taken again, to find what its new holder did.
func (s *Session) leadCoordinated(ctx context.Context, rc RenewalCoordinator, cur Tokens, k renewalKey) leadResult {
	journal, _ := s.store.(RenewalJournal)
	key := k.String()
	var lockErr error
	for round := 1; ; round++ {
		r, ran, err := s.underLock(ctx, rc, journal, cur, key)
		if !ran {
			lockErr = err
			break
		}
		if !r.lost || ctx.Err() != nil || round == maxLockRounds {
			return r
		}
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: the renewal lock was lost before the refresh was sent; taking it again")
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

// underLock runs renewUnderLock holding the store's lock, and reports
// whether it ran, or the lock's error. It returns as soon as the outcome
// is known: when the new pair has yet to reach the store, the lock stays
// held, in the background, while settle gets it there.
func (s *Session) underLock(ctx context.Context, rc RenewalCoordinator, journal RenewalJournal, cur Tokens, key string) (leadResult, bool, error) {
	type answer struct {
		r   leadResult
		ran bool
		err error
	}
	answers := make(chan answer, 1)
	go func() {
		var a answer
		early := false
		a.err = rc.LockRenewal(ctx, key, func(lctx context.Context) error {
			var settle func()
			a.ran = true
			a.r, settle = s.renewUnderLock(lctx, rc, journal, cur, key)
			if settle != nil {
				early = true
				answers <- a
				settle()
			}
			return nil
		})
		if !early {
			answers <- a
		}
	}()
	a := <-answers
	return a.r, a.ran, a.err
}

// renewUnderLock is the renewal of a RenewalCoordinator store, run while
// holding its lock on cur. When the new pair could not be saved or
// recorded at once, it returns with it a settle function to run while
// still holding the lock.
func (s *Session) renewUnderLock(ctx context.Context, rc RenewalCoordinator, journal RenewalJournal, cur Tokens, key string) (leadResult, func()) {
	held, err := rc.Load(ctx)
	if err != nil {
		return lockFailure(ctx, errorf("load tokens: %w", err)), nil
	}
	if held != cur {
		// Another process renewed the pair, logged in, or cleared the store.
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: the store holds a newer pair; adopting it")
		return leadResult{outcome: held, keep: !held.IsZero(), stored: true, held: held}, nil
	}
	if nt, ok := s.lookupJournal(ctx, journal, key); ok {
		s.c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront session: another process renewed the pair; adopting its outcome")
		return leadResult{outcome: nt, keep: true}, nil // the caller saves it with compare-and-swap
	}
	if fence, ok := rc.(RenewalFence); ok {
		if err := fence.HoldRenewalLock(ctx, s.holdFor(ctx)); err != nil {
			return lockFailure(ctx, errorf("renewal lock: %w", err)), nil
		}
		// The refresh is about to spend the refresh token: from here on,
		// nothing but the renewal's own deadline cuts it short.
		var cancel context.CancelFunc
		ctx, cancel = detach(ctx)
		defer cancel()
	} else if err := ctx.Err(); err != nil {
		return lockFailure(ctx, errorf("renewal lock: %w", context.Cause(ctx))), nil
	}
	nt, err := s.refreshWithAPI(ctx, cur)
	if err != nil {
		if !errors.Is(err, ErrSessionExpired) {
			return failed(err), nil
		}
		held, err2 := s.afterRefusal(ctx, cur, err)
		return leadResult{shared: err, keep: true, stored: true, held: held, err: err2}, nil
	}
	recorded := s.recordRenewal(ctx, journal, key, cur, nt)
	held, err = s.saveIf(ctx, cur, nt)
	r := leadResult{outcome: nt, keep: true, stored: true, held: held, err: err}
	if recorded && err == nil {
		return r, nil
	}
	lockCtx := context.WithoutCancel(ctx)
	return r, func() { s.settle(lockCtx, journal, key, cur, nt, recorded) }
}

// lockFailure is the result of a renewal that stopped before sending the
// refresh. When the lock's context has ended (the store found the lock
// lost), it is marked lost: the caller takes the lock again.
func lockFailure(ctx context.Context, err error) leadResult {
	r := failed(err)
	r.lost = ctx.Err() != nil
	return r
}

// detach returns a context with the values and the deadline of ctx that
// its cancellation does not reach.
func detach(ctx context.Context) (context.Context, context.CancelFunc) {
	d, ok := ctx.Deadline()
	if !ok {
		return context.WithCancel(context.WithoutCancel(ctx))
	}
	return context.WithDeadline(context.WithoutCancel(ctx), d)
}

// settleWindow is how long a renewed pair that its store failed to take
// is tried again: the grace window (in which other sessions of the Client
// may still adopt it), and at least persistTimeout.
func (s *Session) settleWindow() time.Duration {
	return max(persistTimeout, s.c.renewals.graceWindow)
}

// holdFor is how long a RenewalFence holds the lock once the refresh is
// about to go out: the rest of the renewal's time, then the settle window.
func (s *Session) holdFor(ctx context.Context) time.Duration {
	d := s.settleWindow()
	if deadline, ok := ctx.Deadline(); ok {
		d += time.Until(deadline)
	}
	return d
}

// recordRenewal records nt as the successor of cur in the store's journal
// for the grace window, and reports whether the journal has it (or there
// is none).
func (s *Session) recordRenewal(ctx context.Context, journal RenewalJournal, key string, cur, nt Tokens) bool {
	if journal == nil || s.c.renewals.graceWindow <= 0 {
		return true
	}
	if err := journal.RecordRenewal(ctx, key, nt, s.c.renewals.graceWindow); err != nil {
		s.c.logger.LogAttrs(ctx, slog.LevelWarn, "storefront session: recording the renewal for other processes failed; trying again",
			slog.String("error", redactor{nt.AccessToken, nt.RefreshToken, cur.AccessToken, cur.RefreshToken}.clean(err.Error())))
		return false
	}
	return true
}

// settle gets nt, the pair the API issued in place of cur, into the store
// and the journal after the first attempt failed (a store away for a
// moment). Meanwhile the session uses nt (a pending pair), and the caller
// holds the renewal lock, so that other processes wait for the pair rather
// than spend the used refresh token and conclude the session ended. It
// tries again, waiting longer each time (up to half a second), until both
// have it or the settle window ends.
func (s *Session) settle(lockCtx context.Context, journal RenewalJournal, key string, cur, nt Tokens, recorded bool) {
	ctx, cancel := context.WithTimeout(lockCtx, s.settleWindow())
	defer cancel()
	secrets := redactor{nt.AccessToken, nt.RefreshToken, cur.AccessToken, cur.RefreshToken}
	wait := 20 * time.Millisecond
	var lastErr error
	for attempt := 1; ; attempt++ {
		if !recorded {
			err := journal.RecordRenewal(ctx, key, nt, s.c.renewals.graceWindow)
			recorded, lastErr = err == nil, err
		}
		_, _, err := s.savePending(ctx)
		if err != nil {
			lastErr = err
		}
		if recorded && err == nil {
			s.c.logger.LogAttrs(ctx, slog.LevelInfo, "storefront session: the renewed pair reached the store", slog.Int("attempts", attempt+1))
			return
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			s.c.logger.LogAttrs(ctx, slog.LevelWarn, "storefront session: the renewed pair could not reach the store; the session keeps it",
				slog.Int("attempts", attempt+1), slog.String("error", secrets.clean(lastErr.Error())))
			return
		case <-t.C:
		}
		wait = min(wait*2, 500*time.Millisecond)
	}
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
