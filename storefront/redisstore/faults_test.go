package redisstore_test

// Redis failing under the sessions: an outage during a refresh, a lock
// holder that stalls past its lock's expiry, and a Redis that stops
// answering. Redis sits behind a redistest.Proxy that refuses or stalls
// its connections on demand.

import (
	"context"
	"errors"
	"log/slog"
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

// shopper is the fake API with a logged-in shopper, whose pair a Redis
// session holds, and the replicas (Clients) that serve them.
type shopper struct {
	api    *storefronttest.Server
	userID string
	pair   storefront.Tokens
	id     string // the Redis session
}

func newShopper(t *testing.T, b *redisstore.Backend) *shopper {
	t.Helper()
	api := storefronttest.NewServer(storefronttest.WithFrozenClock())
	t.Cleanup(api.Close)
	info, err := api.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	access, refresh, err := api.IssueTokens(info.ID)
	require.NoError(t, err)
	sh := &shopper{api: api, userID: info.ID, pair: storefront.Tokens{AccessToken: access, RefreshToken: refresh}, id: newID(t)}
	require.NoError(t, b.Store(sh.id).Save(bg, sh.pair))
	return sh
}

func (sh *shopper) replica(t *testing.T) *storefront.Client {
	t.Helper()
	c, err := storefront.New(sh.api.StoreID(), storefront.WithAPIKey(sh.api.APIKey()), storefront.WithBaseURL(sh.api.BaseURL()), storefront.WithClock(sh.api.Now),
		storefront.WithLogger(slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))))
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// testLog writes a replica's warnings to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// Redis refuses every connection for 2 s, starting while a refresh is on
// its way to the API: the API has spent the old refresh token, and the new
// pair cannot reach Redis yet. Two replicas serve the shopper throughout
// (their requests fail while Redis is away); afterwards the shopper's
// requests go to the other replica. Nobody is logged out, and the pair is
// refreshed once.
func TestRedisOutageDuringARefreshLogsNobodyOut(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	px := redistest.NewProxy(t, srv)
	var backends [2]*redisstore.Backend
	for i := range backends {
		rdb := redis.NewClient(&redis.Options{Addr: px.Addr()})
		t.Cleanup(func() { _ = rdb.Close() })
		backends[i] = redisstore.New(rdb)
	}
	sh := newShopper(t, backends[0])
	replicas := [2]*storefront.Client{sh.replica(t), sh.replica(t)}

	var requests, failures, logouts, cleared, duringOutage atomic.Int32
	request := func(r int, timeout time.Duration) error {
		ctx, cancel := context.WithTimeout(bg, timeout)
		defer cancel()
		requests.Add(1)
		sess := replicas[r].NewSession(backends[r].Store(sh.id), storefront.OnTokensCleared(func() { cleared.Add(1) }))
		_, err := sess.Auth.GetUser(ctx, sh.userID)
		switch {
		case errors.Is(err, storefront.ErrSessionExpired):
			logouts.Add(1)
		case err != nil:
			failures.Add(1)
		}
		return err
	}

	sh.api.Advance(storefronttest.DefaultAccessTTL + time.Second)
	sh.api.InjectFault(storefronttest.OpRefreshToken, storefronttest.Fault{Latency: 200 * time.Millisecond, Times: 1})
	outageOver := make(chan struct{})
	go func() {
		defer close(outageOver)
		deadline := time.Now().Add(5 * time.Second)
		for sh.api.Calls(storefronttest.OpRefreshToken) == 0 && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(100 * time.Millisecond) // the refresh is on its way; its answer comes in 100 ms
		px.Refuse()
		// While Redis is away, both replicas go on serving the shopper
		// (and fail to load the session).
		end := time.Now().Add(2 * time.Second)
		for time.Now().Before(end) {
			_ = request(0, 300*time.Millisecond)
			_ = request(1, 300*time.Millisecond)
			duringOutage.Add(2)
			time.Sleep(100 * time.Millisecond)
		}
		px.Restore()
	}()

	// Replica 0 serves a request of the shopper's, which refreshes the
	// pair: the answer arrives while Redis is away.
	require.NoError(t, request(0, 5*time.Second), "the request that refreshed")
	<-outageOver
	// Then the shopper's requests reach the other replica.
	var after int
	for range 10 {
		if err := request(1, 10*time.Second); err != nil {
			t.Log("after the outage:", err)
		} else {
			after++
		}
	}

	refreshes := sh.api.Calls(storefronttest.OpRefreshToken)
	t.Logf("requests %d (%d during the 2 s outage), failures %d, refreshes %d, logouts %d, stores cleared %d",
		requests.Load(), duringOutage.Load(), failures.Load(), refreshes, logouts.Load(), cleared.Load())
	assert.Equal(t, 10, after, "every request after the outage succeeds")
	assert.Zero(t, logouts.Load(), "logouts")
	assert.Zero(t, cleared.Load(), "stores cleared")
	assert.Equal(t, 1, refreshes, "refreshes")
	held, err := backends[1].Store(sh.id).Load(bg)
	require.NoError(t, err)
	assert.NotEqual(t, sh.pair, held, "Redis holds the new pair")
	claims, err := storefront.ParseClaims(held.AccessToken)
	require.NoError(t, err)
	assert.True(t, claims.IsLoggedIn)
}

// stallingStore is a replica's Store that stalls once, just after reading
// the renewal journal under the lock (a long GC pause, a descheduled
// process): stall runs then.
type stallingStore struct {
	*redisstore.Store
	once  sync.Once
	stall func()
}

func (s *stallingStore) LookupRenewal(ctx context.Context, key string) (storefront.Tokens, bool, error) {
	t, ok, err := s.Store.LookupRenewal(ctx, key)
	s.once.Do(s.stall)
	return t, ok, err
}

// A renewal lock with a 300 ms TTL, whose holder stalls for 900 ms after
// checking the store and the journal, its Redis connection hung too (so
// its extensions fail): another replica takes the expired lock and
// refreshes the pair. The stalled holder must not send a second refresh
// of the same pair when it wakes.
func TestStalledLockHolderDoesNotRefresh(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	pxA := redistest.NewProxy(t, srv)
	rdbA := redis.NewClient(&redis.Options{Addr: pxA.Addr()})
	rdbB := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	t.Cleanup(func() { _ = rdbA.Close(); _ = rdbB.Close() })
	bA := redisstore.New(rdbA, redisstore.WithLockTTL(300*time.Millisecond))
	bB := redisstore.New(rdbB, redisstore.WithLockTTL(300*time.Millisecond))
	sh := newShopper(t, bB)
	replicaA, replicaB := sh.replica(t), sh.replica(t)
	sh.api.Advance(storefronttest.DefaultAccessTTL + time.Second)

	stalled := make(chan struct{})
	storeA := &stallingStore{Store: bA.Store(sh.id), stall: func() {
		pxA.Stall()
		close(stalled)
		time.Sleep(900 * time.Millisecond)
		pxA.Restore()
	}}
	errA := make(chan error, 1)
	go func() {
		_, err := replicaA.NewSession(storeA).Auth.GetUser(bg, sh.userID)
		errA <- err
	}()
	<-stalled
	ctx, cancel := context.WithTimeout(bg, 5*time.Second)
	defer cancel()
	_, err := replicaB.NewSession(bB.Store(sh.id)).Auth.GetUser(ctx, sh.userID)
	require.NoError(t, err, "the other replica renews once the stalled holder's lock expired")
	require.NoError(t, <-errA, "the stalled holder adopts the other replica's pair")
	assert.Equal(t, 1, sh.api.Calls(storefronttest.OpRefreshToken), "one refresh of the pair")
	held, err := bB.Store(sh.id).Load(bg)
	require.NoError(t, err)
	assert.NotEqual(t, sh.pair, held)
}

// Redis stops answering (connections open, nothing comes back): every
// call of a Store and a Backend returns by its context's deadline, with
// the context's error, although go-redis itself would wait for its read
// timeout (3 s by default).
func TestEveryCallReturnsByItsContextsDeadline(t *testing.T) {
	t.Parallel()
	srv := redistest.Start(t)
	px := redistest.NewProxy(t, srv)
	rdb := redis.NewClient(&redis.Options{Addr: px.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	b := redisstore.New(rdb)
	s := b.Store(newID(t))
	pair := storefront.Tokens{AccessToken: "a.b.c", RefreshToken: "d.e.f"}
	require.NoError(t, s.Save(bg, pair))
	_, _, err := b.LookupRenewal(bg, "k") // the connection is ready
	require.NoError(t, err)

	const deadline = 300 * time.Millisecond
	const slack = 200 * time.Millisecond
	check := func(t *testing.T, name string, call func(ctx context.Context) error) {
		t.Helper()
		ctx, cancel := context.WithTimeout(bg, deadline)
		defer cancel()
		start := time.Now()
		err := call(ctx)
		took := time.Since(start)
		assert.ErrorIs(t, err, context.DeadlineExceeded, name)
		assert.Less(t, took, deadline+slack, "%s returned %v after its context's deadline of %v", name, took-deadline, deadline)
	}

	t.Run("Redis hangs", func(t *testing.T) {
		px.Stall()
		defer px.Restore()
		check(t, "Load", func(ctx context.Context) error { _, err := s.Load(ctx); return err })
		check(t, "Save", func(ctx context.Context) error { return s.Save(ctx, pair) })
		check(t, "Clear", func(ctx context.Context) error { return s.Clear(ctx) })
		check(t, "CompareAndSwap", func(ctx context.Context) error { _, _, err := s.CompareAndSwap(ctx, pair, pair); return err })
		check(t, "RecordRenewal", func(ctx context.Context) error { return s.RecordRenewal(ctx, "k", pair, time.Minute) })
		check(t, "LookupRenewal", func(ctx context.Context) error { _, _, err := s.LookupRenewal(ctx, "k"); return err })
		check(t, "LockRenewal", func(ctx context.Context) error {
			return s.LockRenewal(ctx, "k", func(context.Context) error { t.Error("ran without the lock"); return nil })
		})
	})

	t.Run("Redis hangs while the lock is held", func(t *testing.T) {
		check(t, "LockRenewal", func(ctx context.Context) error {
			return s.LockRenewal(ctx, "k2", func(lctx context.Context) error {
				px.Stall()
				<-lctx.Done()
				return lctx.Err()
			})
		})
		px.Restore()
	})
}
