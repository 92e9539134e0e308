package redisstore

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/redisstore/redistest"
)

// An extension sent before HoldRenewalLock but answered after it (two
// pooled connections, a Redis that stalled with both queued) must not
// shorten the hold back to LockTTL: another replica could then take the
// lock while the holder's refresh is on its way.
func TestExtensionLandingAfterTheHoldKeepsIt(t *testing.T) {
	srv := redistest.Start(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	ctx := context.Background()
	const key, owner = "lock", "me"
	lockTTL, hold := 300*time.Millisecond, 10*time.Second

	require.NoError(t, rdb.Set(ctx, key, owner, lockTTL).Err())
	n, err := holdScript.Run(ctx, rdb, []string{key}, owner, hold.Milliseconds()).Int64()
	require.NoError(t, err)
	require.Equal(t, int64(1), n)
	// The extension that was already on its way lands now.
	n, err = extendScript.Run(ctx, rdb, []string{key}, owner, lockTTL.Milliseconds()).Int64()
	require.NoError(t, err)
	assert.Equal(t, int64(1), n, "the lock is still the owner's")
	ttl, err := rdb.PTTL(ctx, key).Result()
	require.NoError(t, err)
	assert.Greater(t, ttl, hold/2, "an extension never shortens the lock")

	// Another owner's extension changes nothing.
	n, err = extendScript.Run(ctx, rdb, []string{key}, "someone-else", lockTTL.Milliseconds()).Int64()
	require.NoError(t, err)
	assert.Zero(t, n)
}
