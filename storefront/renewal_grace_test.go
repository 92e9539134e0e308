package storefront_test

// The grace window (renewal_grace.go): sessions of one Client share a
// renewal of one pair, and its outcome, against the fake server.

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Rule 1: 8 per-request sessions over 8 stores holding one pair, right
// after it expires: exactly one refresh, 8 successes, the same new pair in
// all 8 stores; a 9th session arriving later with the old pair refreshes
// nothing more.
func TestRule1OneRefreshAcrossSessionsOfAClient(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	// The refresh takes a while, so that every request is waiting on it.
	e.srv.InjectFault(storefronttest.OpRefreshToken, slowOnce(50*time.Millisecond))

	const n = 8
	stores := make([]*storefront.MemoryStore, n)
	errs := make([]error, n)
	var start, wg sync.WaitGroup
	start.Add(1)
	for i := range n {
		stores[i] = storeWith(t, e.pair)
		wg.Go(func() {
			start.Wait()
			sess := c.NewSession(stores[i]) // one per request, as a web back end builds them
			_, errs[i] = sess.Auth.GetUser(context.Background(), e.userID)
		})
	}
	start.Done()
	wg.Wait()
	for i, err := range errs {
		assert.NoError(t, err, "request %d", i)
	}
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken), "one refresh for %d sessions", n)
	first := loadOf(t, stores[0])
	assert.NotEqual(t, e.pair, first)
	for i, s := range stores {
		assert.Equal(t, first, loadOf(t, s), "store %d holds the new pair", i)
	}

	// A ninth request, a moment later, still carries the old pair.
	late := storeWith(t, e.pair)
	_, err := c.NewSession(late).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken), "the late request adopts the renewal")
	assert.Equal(t, first, loadOf(t, late))
	assert.Zero(t, e.srv.Calls(storefronttest.OpGetAnonymousToken))
}

// Rule 1: the refusal is shared too, for the grace window: sessions holding
// a pair the API refused do not send it again, and each clears its own
// store (it holds the refused pair).
func TestRule1RefusalIsSharedAndClearsEachStore(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	spender := e.client(t) // another process spends the pair first
	_, err := spender.NewManualSession(e.pair).Auth.RefreshToken(context.Background())
	require.NoError(t, err)

	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	var cleared atomic.Int32
	for i := range 3 {
		s := storeWith(t, e.pair)
		_, err := c.NewSession(s, storefront.OnTokensCleared(func() { cleared.Add(1) })).Auth.GetUser(context.Background(), e.userID)
		require.ErrorIs(t, err, storefront.ErrSessionExpired, "request %d", i)
		assert.True(t, loadOf(t, s).IsZero(), "request %d: its store is cleared", i)
	}
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken), "the other process's refresh and one refused refresh")
	assert.Equal(t, int32(3), cleared.Load())
}

// Rule 1: without the grace window, a late request with a rotated pair
// would spend it again; the window is what saves it. Also checks that the
// window is bounded in time.
func TestRule1GraceWindowEnds(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	c := e.client(t, storefront.WithRenewalGrace(150*time.Millisecond, 100))
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	first := storeWith(t, e.pair)
	_, err := c.NewSession(first).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)

	time.Sleep(300 * time.Millisecond) // the window has ended
	late := storeWith(t, e.pair)
	_, err = c.NewSession(late).Auth.GetUser(context.Background(), e.userID)
	require.ErrorIs(t, err, storefront.ErrSessionExpired, "after the window the used refresh token is sent, and refused")
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken))
}

// The grace window keys outcomes by a hash of the spent refresh token: the
// token itself is nowhere in the key, and RenewalKey is stable.
func TestRenewalKeyIsAHash(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	k := storefront.RenewalKey(e.pair.RefreshToken)
	assert.Len(t, k, 32)
	assert.Equal(t, k, storefront.RenewalKey(e.pair.RefreshToken))
	assert.NotEqual(t, k, storefront.RenewalKey(e.pair.RefreshToken+"x"))
	for _, part := range strings.Split(e.pair.RefreshToken, ".") {
		if len(part) >= 8 {
			assert.NotContains(t, k, part[:8])
		}
	}
	_ = fmt.Sprint(k)
}
