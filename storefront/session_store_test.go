package storefront_test

// How a session writes its store (session_store.go): a store that fails
// loses no pair, and the callbacks follow the store's writes.

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// flakyStore is a MemoryStore whose next Load or Save calls fail.
type flakyStore struct {
	storefront.MemoryStore
	failLoads, failSaves atomic.Int32
	saves                atomic.Int32
}

var errStoreDown = errors.New("store: connection refused")

func (f *flakyStore) Load(ctx context.Context) (storefront.Tokens, error) {
	if f.failLoads.Add(-1) >= 0 {
		return storefront.Tokens{}, errStoreDown
	}
	return f.MemoryStore.Load(ctx)
}

func (f *flakyStore) Save(ctx context.Context, t storefront.Tokens) error {
	if f.failSaves.Add(-1) >= 0 {
		return errStoreDown
	}
	f.saves.Add(1)
	return f.MemoryStore.Save(ctx, t)
}

// Rule 6: a store that fails to save once loses nothing: the callers
// waiting on the renewal get the new token, the session keeps the pair and
// saves it on the next call, the failure is logged and returned by Flush,
// and nothing turns into ErrSessionExpired later.
func TestRule6StoreHiccupLosesNoPair(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	e.srv.InjectFault(storefronttest.OpRefreshToken, slowOnce(30*time.Millisecond))
	store := &flakyStore{}
	require.NoError(t, store.MemoryStore.Save(context.Background(), e.pair))
	store.failSaves.Store(1)
	sess := c.NewSession(store)

	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { _, errs[i] = sess.Auth.GetUser(context.Background(), e.userID) })
	}
	wg.Wait()
	for i, err := range errs {
		assert.NoError(t, err, "caller %d gets the new token", i)
	}
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
	assert.Equal(t, e.pair, loadOf(t, &store.MemoryStore), "the store missed the save")
	assert.Contains(t, e.logs.String(), "level=WARN")
	assert.Contains(t, e.logs.String(), "token store failed")
	assert.NotContains(t, e.logs.String(), e.pair.RefreshToken)
	held, err := sess.Tokens(context.Background())
	require.NoError(t, err)
	assert.NotEqual(t, e.pair, held, "the session holds the new pair")

	// The next call saves it; the old, spent pair is never sent again.
	_, err = sess.Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.Equal(t, held, loadOf(t, &store.MemoryStore))
	assert.NoError(t, sess.Flush(context.Background()), "nothing left to save")
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	_, err = sess.Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken))
}

// Rule 6: a failing Load during the renewal's save, an explicit refresh
// returning the store's error, and Flush reporting it while it lasts.
func TestRule6StoreErrorsAreReported(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	c := e.client(t)
	store := &flakyStore{}
	require.NoError(t, store.MemoryStore.Save(context.Background(), e.pair))
	sess := c.NewSession(store)

	store.failSaves.Store(3) // the renewal's save, Flush, then the next call's
	nt, err := sess.Auth.RefreshToken(context.Background())
	require.ErrorIs(t, err, storefront.ErrNotSaved)
	require.ErrorIs(t, err, errStoreDown)
	assert.NotErrorIs(t, err, storefront.ErrSessionExpired)
	assert.NotEqual(t, e.pair, nt, "the new pair is returned with the error")
	require.ErrorIs(t, sess.Flush(context.Background()), errStoreDown)
	tok, err := sess.AccessToken(context.Background())
	require.NoError(t, err)
	assert.Equal(t, nt.AccessToken, tok, "the kept pair is used")
	require.NoError(t, sess.Flush(context.Background()))
	assert.Equal(t, nt, loadOf(t, &store.MemoryStore))

	// A Load failing right after the refresh (the compare before the save).
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	store.failLoads.Store(0)
	var loads atomic.Int32
	sess2 := c.NewSession(&loadFailsAfter{TokenStore: store, after: 2, loads: &loads}) // the Load before the save
	_, err = sess2.Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err, "the renewal's pair is used although it could not be saved")
	require.NoError(t, sess2.Flush(context.Background()))
	held := loadOf(t, &store.MemoryStore)
	assert.NotEqual(t, nt, held, "saved by Flush")
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken))
}

// loadFailsAfter fails exactly the Load after the first `after` ones.
type loadFailsAfter struct {
	storefront.TokenStore
	after int32
	loads *atomic.Int32
}

func (l *loadFailsAfter) Load(ctx context.Context) (storefront.Tokens, error) {
	if l.loads.Add(1) == l.after+1 {
		return storefront.Tokens{}, errStoreDown
	}
	return l.TokenStore.Load(ctx)
}

// Rule 6 for per-request sessions: a request whose store failed to save
// the renewed pair ends; the next request, with the old pair, adopts the
// renewal from the grace window instead of spending the used token.
func TestRule6NextRequestAdoptsAPairItsStoreMissed(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	store := &flakyStore{}
	require.NoError(t, store.MemoryStore.Save(context.Background(), e.pair))
	store.failSaves.Store(1)
	_, err := c.NewSession(store).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.Equal(t, e.pair, loadOf(t, &store.MemoryStore))

	_, err = c.NewSession(store).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	assert.NotEqual(t, e.pair, loadOf(t, &store.MemoryStore), "saved by the next request")
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
}

// Rule 9: the callbacks come in the order of the store's writes, the last
// one reporting what the store holds, whatever the mix of concurrent
// saves, refreshes and clears; AccessToken never returns "" without an
// error.
func TestRule9CallbacksFollowTheStoreAndTokensAreNeverEmpty(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	c := e.client(t)
	store := storeWith(t, e.pair)
	var mu sync.Mutex
	var last string // "changed:<access token>" or "cleared"
	var calls int
	sess := c.NewSession(store,
		storefront.OnTokensChanged(func(tk storefront.Tokens) { mu.Lock(); last, calls = "changed:"+tk.AccessToken, calls+1; mu.Unlock() }),
		storefront.OnTokensCleared(func() { mu.Lock(); last, calls = "cleared", calls+1; mu.Unlock() }))

	var wg sync.WaitGroup
	var empty atomic.Int32
	for g := range 6 {
		wg.Go(func() {
			for i := range 15 {
				switch (g + i) % 5 {
				case 0:
					_ = sess.Clear(context.Background())
				case 1:
					_, _ = sess.Auth.RefreshToken(context.Background())
				case 2:
					_ = sess.SetTokens(context.Background(), e.pair)
				default:
					tok, err := sess.AccessToken(context.Background())
					if tok == "" && err == nil {
						empty.Add(1)
					}
				}
			}
		})
	}
	wg.Wait()
	assert.Zero(t, empty.Load(), "AccessToken returned an empty token without an error")
	held := loadOf(t, store)
	mu.Lock()
	defer mu.Unlock()
	require.Positive(t, calls)
	if held.IsZero() {
		assert.Equal(t, "cleared", last)
	} else {
		assert.Equal(t, "changed:"+held.AccessToken, last, "the last callback reports what the store holds")
	}
}
