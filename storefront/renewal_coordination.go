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
	// at most once, with a context that carries the lock; LockRenewal
	// returns fn's error.
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

// leadCoordinated refreshes cur under the store's renewal lock: it re-reads
// the store and the store's journal first, refreshes only if the store
// still holds cur, and saves with compare-and-swap.
func (s *Session) leadCoordinated(ctx context.Context, rc RenewalCoordinator, cur Tokens, k renewalKey) leadResult {
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
