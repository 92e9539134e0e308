package redisstore_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/redisstore"
	"github.com/commercengine-go/sdk/storefront/redisstore/redistest"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

var bg = context.Background()

// newRedis starts a redis-server for t and returns a client of it.
func newRedis(t *testing.T) *redis.Client {
	t.Helper()
	srv := redistest.Start(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb
}

func newID(t *testing.T) string {
	t.Helper()
	id, err := redisstore.NewSessionID()
	require.NoError(t, err)
	return id
}

func TestStoreLoadSaveClear(t *testing.T) {
	t.Parallel()
	rdb := newRedis(t)
	b := redisstore.New(rdb, redisstore.WithSessionTTL(time.Hour))
	s := b.Store(newID(t))

	got, err := s.Load(bg)
	require.NoError(t, err)
	assert.True(t, got.IsZero(), "a new session is empty")

	a := storefront.Tokens{AccessToken: "a.b.c", RefreshToken: "d.e.f"}
	require.NoError(t, s.Save(bg, a))
	got, err = s.Load(bg)
	require.NoError(t, err)
	assert.Equal(t, a, got)
	ttl, err := rdb.PTTL(bg, "storefront:session:"+s.ID()).Result()
	require.NoError(t, err)
	assert.InDelta(t, time.Hour.Seconds(), ttl.Seconds(), 5, "the record expires SessionTTL after the save")

	other := b.Store(newID(t))
	got, err = other.Load(bg)
	require.NoError(t, err)
	assert.True(t, got.IsZero(), "sessions are kept apart")

	require.NoError(t, s.Clear(bg))
	got, err = s.Load(bg)
	require.NoError(t, err)
	assert.True(t, got.IsZero())

	// A record that is not a pair is an error, not a session.
	require.NoError(t, rdb.Set(bg, "storefront:session:"+s.ID(), "not json", 0).Err())
	_, err = s.Load(bg)
	require.Error(t, err)
}

func TestStoreRefusesMalformedIDs(t *testing.T) {
	t.Parallel()
	b := redisstore.New(redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"}))
	for _, id := range []string{"", "short", strings.Repeat("a", 42) + "*", "../" + strings.Repeat("a", 40)} {
		_, err := b.Store(id).Load(bg)
		require.ErrorIs(t, err, redisstore.ErrBadSessionID, "%q", id)
	}
	id := newID(t)
	assert.True(t, redisstore.ValidSessionID(id))
	assert.Len(t, id, 43)
	assert.NotEqual(t, id, newID(t))
}

func TestStoreCompareAndSwap(t *testing.T) {
	t.Parallel()
	b := redisstore.New(newRedis(t))
	s := b.Store(newID(t))
	a := storefront.Tokens{AccessToken: "a1", RefreshToken: "r1"}
	c := storefront.Tokens{AccessToken: "a2", RefreshToken: "r2"}

	held, swapped, err := s.CompareAndSwap(bg, storefront.Tokens{}, a)
	require.NoError(t, err)
	assert.True(t, swapped)
	assert.Equal(t, a, held)
	held, swapped, err = s.CompareAndSwap(bg, c, storefront.Tokens{AccessToken: "x", RefreshToken: "y"})
	require.NoError(t, err)
	assert.False(t, swapped)
	assert.Equal(t, a, held, "it answers what the record holds")
	_, swapped, err = s.CompareAndSwap(bg, a, c)
	require.NoError(t, err)
	assert.True(t, swapped)
	held, swapped, err = s.CompareAndSwap(bg, c, storefront.Tokens{})
	require.NoError(t, err)
	assert.True(t, swapped)
	assert.True(t, held.IsZero())
	got, _ := s.Load(bg)
	assert.True(t, got.IsZero(), "a zero pair clears the record")

	// Concurrent swaps from one pair: exactly one wins.
	require.NoError(t, s.Save(bg, a))
	var wins atomic.Int32
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			next := storefront.Tokens{AccessToken: "n" + string(rune('a'+i)), RefreshToken: "r"}
			if _, ok, err := s.CompareAndSwap(bg, a, next); err == nil && ok {
				wins.Add(1)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, int32(1), wins.Load())
}

// The renewal lock excludes the other holders of the same key, not those
// of other keys, and is released by its owner only.
func TestLockRenewal(t *testing.T) {
	t.Parallel()
	rdb := newRedis(t)
	b := redisstore.New(rdb, redisstore.WithLockTTL(300*time.Millisecond))

	var inside, maxInside atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			err := b.LockRenewal(bg, "k1", func(context.Context) error {
				n := inside.Add(1)
				for {
					m := maxInside.Load()
					if n <= m || maxInside.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(20 * time.Millisecond)
				inside.Add(-1)
				return nil
			})
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	assert.Equal(t, int32(1), maxInside.Load(), "one holder at a time")

	// Held longer than its TTL: the holder extends it.
	err := b.LockRenewal(bg, "k2", func(context.Context) error {
		time.Sleep(time.Second)
		ok, err := rdb.Exists(bg, "storefront:renew-lock:k2").Result()
		require.NoError(t, err)
		assert.Equal(t, int64(1), ok, "still held after 3 TTLs")
		// Other keys are free meanwhile.
		return b.LockRenewal(bg, "k3", func(context.Context) error { return nil })
	})
	require.NoError(t, err)
	n, _ := rdb.Exists(bg, "storefront:renew-lock:k2").Result()
	assert.Zero(t, n, "released")

	// A lock taken over by another owner (after this one's expired) is not
	// released by the first.
	err = b.LockRenewal(bg, "k4", func(context.Context) error {
		return rdb.Set(bg, "storefront:renew-lock:k4", "someone-else", time.Minute).Err()
	})
	require.NoError(t, err)
	v, _ := rdb.Get(bg, "storefront:renew-lock:k4").Result()
	assert.Equal(t, "someone-else", v)
}

// A lock whose holder died (left in Redis with its expiry) blocks the
// others for at most LockTTL; a live holder makes them give up after
// LockWait.
func TestLockRenewalIsBounded(t *testing.T) {
	t.Parallel()
	rdb := newRedis(t)
	b := redisstore.New(rdb, redisstore.WithLockTTL(400*time.Millisecond), redisstore.WithLockWait(2*time.Second))
	require.NoError(t, rdb.Set(bg, "storefront:renew-lock:dead", "a-dead-replica", 400*time.Millisecond).Err())
	start := time.Now()
	require.NoError(t, b.LockRenewal(bg, "dead", func(context.Context) error { return nil }))
	assert.Less(t, time.Since(start), time.Second, "taken once the dead holder's lock expired")

	require.NoError(t, rdb.Set(bg, "storefront:renew-lock:live", "a-live-replica", time.Hour).Err())
	short := redisstore.New(rdb, redisstore.WithLockWait(200*time.Millisecond))
	start = time.Now()
	err := short.LockRenewal(bg, "live", func(context.Context) error { t.Error("ran without the lock"); return nil })
	require.ErrorIs(t, err, storefront.ErrRenewalLockTimeout)
	assert.InDelta(t, 200, time.Since(start).Milliseconds(), 150)

	ctx, cancel := context.WithTimeout(bg, 100*time.Millisecond)
	defer cancel()
	err = b.LockRenewal(ctx, "live", func(context.Context) error { return nil })
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestJournal(t *testing.T) {
	t.Parallel()
	b := redisstore.New(newRedis(t))
	_, ok, err := b.LookupRenewal(bg, "k")
	require.NoError(t, err)
	assert.False(t, ok)
	next := storefront.Tokens{AccessToken: "a", RefreshToken: "r"}
	require.NoError(t, b.RecordRenewal(bg, "k", next, 200*time.Millisecond))
	got, ok, err := b.LookupRenewal(bg, "k")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, next, got)
	time.Sleep(300 * time.Millisecond)
	_, ok, err = b.LookupRenewal(bg, "k")
	require.NoError(t, err)
	assert.False(t, ok, "forgotten after its TTL")
}

// Replicas (clients) with per-request sessions over one Redis session
// refresh once; no key holds a token.
func TestSessionsOfTwoReplicasRefreshOnce(t *testing.T) {
	t.Parallel()
	rdb := newRedis(t)
	b := redisstore.New(rdb)
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	defer srv.Close()
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	access, refresh, err := srv.IssueTokens(info.ID)
	require.NoError(t, err)
	id := newID(t)
	require.NoError(t, b.Store(id).Save(bg, storefront.Tokens{AccessToken: access, RefreshToken: refresh}))

	replica := func() *storefront.Client {
		c, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()), storefront.WithClock(srv.Now))
		require.NoError(t, err)
		t.Cleanup(c.CloseIdleConnections)
		return c
	}
	replicas := []*storefront.Client{replica(), replica()}
	srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	srv.InjectFault(storefronttest.OpRefreshToken, storefronttest.Fault{Latency: 30 * time.Millisecond, Times: 1})
	var failures atomic.Int32
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			sess := replicas[i%2].NewSession(b.Store(id))
			if _, err := sess.Auth.GetUser(bg, info.ID); err != nil {
				t.Log(err)
				failures.Add(1)
			}
		})
	}
	wg.Wait()
	assert.Zero(t, failures.Load())
	assert.Equal(t, 1, srv.Calls(storefronttest.OpRefreshToken))

	keys, err := rdb.Keys(bg, "*").Result()
	require.NoError(t, err)
	held, _ := b.Store(id).Load(bg)
	for _, k := range keys {
		for _, secret := range []string{access, refresh, held.AccessToken, held.RefreshToken} {
			assert.NotContains(t, k, secret[len(secret)-20:], "a key holds a token")
		}
	}
	assert.Contains(t, keys, "storefront:renewed:"+storefront.RenewalKey(refresh), "the renewal is recorded for the grace window")
}

// HoldRenewalLock proves ownership against Redis: it fails, and ends the
// lock's context, once another replica owns the lock, even before an
// extension has noticed; when it succeeds, the lock outlives its TTL with
// no extension.
func TestHoldRenewalLock(t *testing.T) {
	t.Parallel()
	rdb := newRedis(t)
	b := redisstore.New(rdb, redisstore.WithLockTTL(300*time.Millisecond))

	err := b.LockRenewal(bg, "taken", func(lctx context.Context) error {
		require.NoError(t, rdb.Set(bg, "storefront:renew-lock:taken", "another-replica", time.Minute).Err())
		require.Error(t, b.HoldRenewalLock(lctx, time.Second), "the lock is another replica's")
		assert.Error(t, lctx.Err(), "the lock's context ends")
		return nil
	})
	require.NoError(t, err)
	v, _ := rdb.Get(bg, "storefront:renew-lock:taken").Result()
	assert.Equal(t, "another-replica", v, "not released by the former owner")

	err = b.LockRenewal(bg, "held", func(lctx context.Context) error {
		require.NoError(t, b.HoldRenewalLock(lctx, 2*time.Second))
		ttl, err := rdb.PTTL(bg, "storefront:renew-lock:held").Result()
		require.NoError(t, err)
		assert.Greater(t, ttl, time.Second, "held for the time asked")
		time.Sleep(time.Second) // > 3 TTLs: extensions have stopped, the hold keeps it
		assert.NoError(t, lctx.Err())
		n, _ := rdb.Exists(bg, "storefront:renew-lock:held").Result()
		assert.Equal(t, int64(1), n)
		return nil
	})
	require.NoError(t, err)
	n, _ := rdb.Exists(bg, "storefront:renew-lock:held").Result()
	assert.Zero(t, n, "released")

	require.Error(t, b.HoldRenewalLock(bg, time.Second), "outside LockRenewal")
}
