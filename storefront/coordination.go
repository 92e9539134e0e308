package storefront

import (
	"context"
	"errors"
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

// ErrNotSaved is matched by the error of a call that got a new token pair
// from the API but could not save it to the TokenStore. The session keeps
// the pair, uses it, and saves it again on its next call; Session.Flush
// saves it now.
var ErrNotSaved = errors.New("storefront: token pair not saved")

var _ RenewalCoordinator = (*FileStore)(nil)
