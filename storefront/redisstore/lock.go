package redisstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
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

// extendScript pushes the expiry of the lock KEYS[1] to ARGV[2] ms, only
// if ARGV[1] owns it.
var extendScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`)

// LockRenewal runs fn holding the Redis lock on renewing the pair key names
// (storefront.RenewalKey of its refresh token), across every replica using
// this Redis. The lock is a key set with NX and an expiry of LockTTL to a
// random owner token; while fn runs it is extended every LockTTL/3, and it
// is released by its owner only. A replica that dies holding it blocks the
// others for at most LockTTL. LockRenewal waits for the lock at most
// LockWait (then storefront.ErrRenewalLockTimeout) and as long as ctx
// allows.
func (b *Backend) LockRenewal(ctx context.Context, key string, fn func(context.Context) error) error {
	lockKey := b.lockKey(key)
	owner, err := ownerToken()
	if err != nil {
		return err
	}
	if err := b.acquire(ctx, lockKey, owner); err != nil {
		return err
	}
	stop := make(chan struct{})
	extended := make(chan struct{})
	go func() {
		defer close(extended)
		t := time.NewTicker(b.lockTTL / 3)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				ectx, cancel := context.WithTimeout(context.WithoutCancel(ctx), b.lockTTL/3)
				_ = extendScript.Run(ectx, b.rdb, []string{lockKey}, owner, b.lockTTL.Milliseconds()).Err()
				cancel()
			}
		}
	}()
	defer func() {
		close(stop)
		<-extended
		// Released even when the caller's context has ended; if this fails,
		// the lock expires by itself.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), b.lockTTL)
		_ = releaseScript.Run(rctx, b.rdb, []string{lockKey}, owner).Err()
		cancel()
	}()
	return fn(ctx)
}

// acquire waits for the lock, polling with a growing interval (1 ms up to
// 4 ms): a renewal is one round trip to the API, so the wait is short, and
// only one request per replica waits (the others share its renewal).
func (b *Backend) acquire(ctx context.Context, lockKey, owner string) error {
	deadline := time.Now().Add(b.lockWait)
	wait := time.Millisecond
	for {
		ok, err := b.rdb.SetNX(ctx, lockKey, owner, b.lockTTL).Result()
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return fmt.Errorf("redisstore: waiting for the renewal lock: %w", ctxErr)
			}
			return fmt.Errorf("redisstore: renewal lock: %w", err)
		}
		if ok {
			return nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			return fmt.Errorf("%w: the renewal lock was held for more than %v", storefront.ErrRenewalLockTimeout, b.lockWait)
		}
		t := time.NewTimer(min(wait, left))
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("redisstore: waiting for the renewal lock: %w", ctx.Err())
		case <-t.C:
		}
		wait = min(wait*2, 4*time.Millisecond)
	}
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
	if err := b.rdb.Set(ctx, b.journalKey(key), v, max(ttl, time.Millisecond)).Err(); err != nil {
		return fmt.Errorf("redisstore: record renewal: %w", err)
	}
	return nil
}

// LookupRenewal returns the successor RecordRenewal remembered for the pair
// key names, if its ttl has not passed.
func (b *Backend) LookupRenewal(ctx context.Context, key string) (storefront.Tokens, bool, error) {
	v, err := b.rdb.Get(ctx, b.journalKey(key)).Result()
	if errors.Is(err, redis.Nil) {
		return storefront.Tokens{}, false, nil
	}
	if err != nil {
		return storefront.Tokens{}, false, fmt.Errorf("redisstore: look up renewal: %w", err)
	}
	t, err := decode(v)
	return t, err == nil && !t.IsZero(), err
}
