package storefront_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// A cart helper waiting for another of the same shopper returns by the end
// of its own context.
func TestCartHelperWaitIsBoundedByItsContext(t *testing.T) {
	e := newStoryEnv(t)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	_, err := sess.EnsureClaims(e.ctx)
	require.NoError(t, err)

	e.srv.InjectFault(storefronttest.OpGetUserCart, storefronttest.Fault{Latency: 1200 * time.Millisecond, Times: 1}) // well past the second Add's 100 ms deadline
	var wg sync.WaitGroup
	wg.Go(func() { _, _ = sess.Cart.Add(e.ctx, "cast-iron-teapot", 1, storefront.WithMaxAttempts(1)) })
	time.Sleep(200 * time.Millisecond) // the first Add holds the shopper's lock, waiting for get-user-cart

	ctx, cancel := context.WithTimeout(e.ctx, 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = sess.Cart.Add(ctx, "cast-iron-teapot", 1)
	took := time.Since(start)
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
	assert.Less(t, took, time.Second, "returned by its deadline")
	wg.Wait()
}
