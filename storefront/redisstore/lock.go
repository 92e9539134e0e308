package redisstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/commercengine-go/sdk/storefront"
)

// releaseScript deletes the lock KEYS[1] only if ARGV[1] owns it.
var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`)

// extendScript makes the lock KEYS[1] last at least ARGV[2] ms more, only
// if ARGV[1] owns it: 1 if it does, 0 if it is gone or someone else's. It
// never shortens the lock: an extension sent before HoldRenewalLock may
// reach Redis after it, on another connection.
var extendScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
`)

// holdScript makes the lock KEYS[1] last at least ARGV[2] ms more, only if
// ARGV[1] owns it: 1 if it does, 0 if it is gone or someone else's.
var holdScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
`)

// errLockLost is the cause of a lock context that ended because the lock
// expired, or went to another owner, while fn ran.
var errLockLost = errors.New("redisstore: the renewal lock was lost: it expired or another replica took it")

// LockRenewal runs fn holding the Redis lock on renewing the pair key names
// (storefront.RenewalKey of its refresh token), across every replica using
// this Redis. The lock is a key set with NX and an expiry of LockTTL to a
// random owner token; while fn runs it is extended every LockTTL/3, and it
// is released by its owner only. A replica that dies holding it blocks the
// others for at most LockTTL (or the time HoldRenewalLock asked for).
// LockWait bounds the wait for the lock (then
// storefront.ErrRenewalLockTimeout).
//
// fn's context ends as soon as the lock cannot be proven to be the
// caller's any more (an extension finds another owner, or none has
// succeeded for LockTTL); HoldRenewalLock checks it against Redis. Every
// call returns by the end of ctx: a release that Redis does not answer in
// time goes on in the background.
func (b *Backend) LockRenewal(ctx context.Context, key string, fn func(context.Context) error) error {
	owner, err := ownerToken()
	if err != nil {
		return err
	}
	l := &heldLock{b: b, key: b.lockKey(key), owner: owner}
	acquired, err := b.acquire(ctx, l.key, owner)
	if err != nil {
		return err
	}
	lctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	l.start(acquired, cancel)
	err = fn(context.WithValue(lctx, heldLockKey{}, l))
	l.stop()

	released := make(chan struct{})
	go func() {
		defer close(released)
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), b.lockTTL)
		defer cancel()
		_, _ = bounded(rctx, func(rctx context.Context) (any, error) {
			return releaseScript.Run(rctx, b.rdb, []string{l.key}, owner).Result()
		})
	}()
	select {
	case <-released:
	case <-ctx.Done(): // the release goes on; if it fails, the lock expires
	}
	return err
}

// heldLockKey is the context key of the lock LockRenewal holds for fn.
type heldLockKey struct{}

// heldLock is a lock LockRenewal holds while fn runs. The lock is the
// caller's until validUntil at least (LockTTL after the last command that
// set its expiry was sent); a watchdog ends fn's context then, unless an
// extension has moved validUntil on, or HoldRenewalLock has taken over.
type heldLock struct {
	b     *Backend
	key   string
	owner string

	mu         sync.Mutex
	cancel     context.CancelCauseFunc
	validUntil time.Time
	watchdog   *time.Timer
	held       bool          // HoldRenewalLock succeeded: no more extensions, nothing to watch
	done       chan struct{} // closed by stop
}

// start arms the watchdog and the extensions of a lock set at acquired.
func (l *heldLock) start(acquired time.Time, cancel context.CancelCauseFunc) {
	l.cancel = cancel
	l.done = make(chan struct{})
	l.validUntil = acquired.Add(l.b.lockTTL)
	l.watchdog = time.AfterFunc(time.Until(l.validUntil), l.expire)
	go l.extend()
}

// stop ends the extensions and the watchdog, without waiting for an
// extension on its way.
func (l *heldLock) stop() {
	l.mu.Lock()
	close(l.done)
	l.watchdog.Stop()
	l.mu.Unlock()
}

// expire ends fn's context if the lock's expiry has passed with no
// extension.
func (l *heldLock) expire() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.held || isClosed(l.done) {
		return
	}
	if left := time.Until(l.validUntil); left > 0 {
		l.watchdog.Reset(left)
		return
	}
	l.cancel(errLockLost)
}

// lost ends fn's context at once.
func (l *heldLock) lost() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.held {
		l.cancel(errLockLost)
	}
}

// extend pushes the lock's expiry every LockTTL/3, each attempt bounded by
// that interval, until stop or HoldRenewalLock. A failed attempt is tried
// again at the next tick; the watchdog ends fn's context if none works in
// time. An answer that the lock is someone else's ends it at once.
func (l *heldLock) extend() {
	every := l.b.lockTTL / 3
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.done:
			return
		case <-t.C:
		}
		l.mu.Lock()
		held := l.held
		l.mu.Unlock()
		if held {
			return
		}
		sent := time.Now()
		ectx, cancel := context.WithTimeout(context.Background(), every)
		n, err := bounded(ectx, func(ectx context.Context) (int64, error) {
			return extendScript.Run(ectx, l.b.rdb, []string{l.key}, l.owner, l.b.lockTTL.Milliseconds()).Int64()
		})
		cancel()
		switch {
		case err != nil:
		case n == 0:
			l.lost()
			return
		default:
			l.mu.Lock()
			if v := sent.Add(l.b.lockTTL); v.After(l.validUntil) {
				l.validUntil = v
			}
			l.mu.Unlock()
		}
	}
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// HoldRenewalLock implements storefront.RenewalFence: with the context
// LockRenewal gave fn, it checks atomically in Redis that the lock is
// still the caller's and makes it last at least d more (extensions stop:
// the lock now lasts that long whatever happens to Redis or to this
// replica). It fails when the lock is gone or another replica's.
func (b *Backend) HoldRenewalLock(ctx context.Context, d time.Duration) error {
	l, _ := ctx.Value(heldLockKey{}).(*heldLock)
	if l == nil || l.b != b {
		return errors.New("redisstore: HoldRenewalLock needs the context LockRenewal gave its function")
	}
	if ctx.Err() != nil {
		return fmt.Errorf("redisstore: hold the renewal lock: %w", context.Cause(ctx))
	}
	d = max(d, b.lockTTL)
	n, err := bounded(ctx, func(ctx context.Context) (int64, error) {
		return holdScript.Run(ctx, b.rdb, []string{l.key}, l.owner, d.Milliseconds()).Int64()
	})
	if err != nil {
		return fmt.Errorf("redisstore: hold the renewal lock: %w", err)
	}
	if n == 0 {
		l.lost()
		return errLockLost
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if ctx.Err() != nil { // the watchdog fired meanwhile: the answer came too late to count
		return fmt.Errorf("redisstore: hold the renewal lock: %w", context.Cause(ctx))
	}
	l.held = true
	l.watchdog.Stop()
	return nil
}

// acquire waits for the lock, polling with a growing interval (1 ms up to
// 4 ms): a renewal is one round trip to the API, so the wait is short, and
// only one request per replica waits (the others share its renewal). It
// returns when the successful SET was sent: the lock is the caller's for
// LockTTL from then.
func (b *Backend) acquire(ctx context.Context, lockKey, owner string) (time.Time, error) {
	deadline := time.Now().Add(b.lockWait)
	wait := time.Millisecond
	for {
		sent := time.Now()
		ok, err := b.setNX(ctx, lockKey, owner)
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return time.Time{}, fmt.Errorf("redisstore: waiting for the renewal lock: %w", ctxErr)
			}
			return time.Time{}, fmt.Errorf("redisstore: renewal lock: %w", err)
		}
		if ok {
			return sent, nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			return time.Time{}, fmt.Errorf("%w: the renewal lock was held for more than %v", storefront.ErrRenewalLockTimeout, b.lockWait)
		}
		t := time.NewTimer(min(wait, left))
		select {
		case <-ctx.Done():
			t.Stop()
			return time.Time{}, fmt.Errorf("redisstore: waiting for the renewal lock: %w", ctx.Err())
		case <-t.C:
		}
		wait = min(wait*2, 4*time.Millisecond)
	}
}

// setNX tries once to take the lock, by the end of ctx. If ctx ends first
// and the SET still lands, the lock is released in the background, so that
// a caller who gave up blocks nobody.
func (b *Backend) setNX(ctx context.Context, lockKey, owner string) (bool, error) {
	answers := make(chan bool, 1)
	ok, err := bounded(ctx, func(ctx context.Context) (bool, error) {
		ok, err := b.rdb.SetNX(context.WithoutCancel(ctx), lockKey, owner, b.lockTTL).Result()
		answers <- ok && err == nil
		return ok, err
	})
	if err != nil && ctx.Err() != nil {
		go func() {
			if <-answers {
				rctx, cancel := context.WithTimeout(context.Background(), b.lockTTL)
				defer cancel()
				_ = releaseScript.Run(rctx, b.rdb, []string{lockKey}, owner).Err()
			}
		}()
	}
	return ok, err
}

func ownerToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("redisstore: lock owner: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// RecordRenewal remembers next as the successor of the pair key names, for
// ttl, for the replicas whose requests still carry that pair.
func (b *Backend) RecordRenewal(ctx context.Context, key string, next storefront.Tokens, ttl time.Duration) error {
	v, err := encode(next)
	if err != nil || v == "" {
		return err
	}
	_, err = bounded(ctx, func(ctx context.Context) (string, error) {
		return b.rdb.Set(ctx, b.journalKey(key), v, max(ttl, time.Millisecond)).Result()
	})
	if err != nil {
		return fmt.Errorf("redisstore: record renewal: %w", err)
	}
	return nil
}

// LookupRenewal returns the successor RecordRenewal remembered for the pair
// key names, if its ttl has not passed.
func (b *Backend) LookupRenewal(ctx context.Context, key string) (storefront.Tokens, bool, error) {
	v, err := bounded(ctx, func(ctx context.Context) (string, error) {
		return b.rdb.Get(ctx, b.journalKey(key)).Result()
	})
	if errors.Is(err, redis.Nil) {
		return storefront.Tokens{}, false, nil
	}
	if err != nil {
		return storefront.Tokens{}, false, fmt.Errorf("redisstore: look up renewal: %w", err)
	}
	t, err := decode(v)
	return t, err == nil && !t.IsZero(), err
}
