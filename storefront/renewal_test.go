package storefront_test

// Renewal's end states (renewal.go), tested against the fake server, whose
// refresh tokens are single-use: only the API's own refusal ends a session.

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Rule 5: only the API's envelope refusing the refresh ends the session. A
// proxy's page, a 5xx or a timeout keep the store as it was.
func TestRule5OnlyTheAPIEndsASession(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		fault storefronttest.Fault
		want  error
	}{
		{"proxy 403 page", storefronttest.Fault{HTML: true, Status: http.StatusForbidden}, storefront.ErrForbidden},
		{"proxy 404 page", storefronttest.Fault{HTML: true, Status: http.StatusNotFound}, storefront.ErrNotFound},
		{"proxy 408 page", storefronttest.Fault{HTML: true, Status: http.StatusRequestTimeout}, storefront.ErrMalformed},
		{"proxy 413 page", storefronttest.Fault{HTML: true, Status: http.StatusRequestEntityTooLarge}, storefront.ErrMalformed},
		{"proxy 425 page", storefronttest.Fault{HTML: true, Status: http.StatusTooEarly}, storefront.ErrMalformed},
		{"502 page", storefronttest.Fault{HTML: true}, storefront.ErrServer},
		{"500 envelope", storefronttest.Fault{Status: http.StatusInternalServerError}, storefront.ErrServer},
		{"503 envelope", storefronttest.Fault{Status: http.StatusServiceUnavailable}, storefront.ErrServer},
		{"429 envelope", storefronttest.Fault{Status: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"600"}}}, storefront.ErrRateLimited},
		{"dropped connection", storefronttest.Fault{Drop: true}, nil},
		{"truncated answer", storefronttest.Fault{Truncate: true, Status: http.StatusUnauthorized}, storefront.ErrMalformed},
		{"timeout", storefronttest.Fault{Latency: time.Hour}, context.DeadlineExceeded},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newShopperEnv(t)
			cl := e.client(t, storefront.WithTimeout(300*time.Millisecond), storefront.WithRetryPolicy(storefront.NoRetries))
			e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
			e.srv.InjectFault(storefronttest.OpRefreshToken, c.fault)
			store := storeWith(t, e.pair)
			var cleared atomic.Int32
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_, err := cl.NewSession(store, storefront.OnTokensCleared(func() { cleared.Add(1) })).Auth.GetUser(ctx, e.userID)
			require.Error(t, err)
			assert.NotErrorIs(t, err, storefront.ErrSessionExpired)
			if c.want != nil && c.want != context.DeadlineExceeded {
				assert.ErrorIs(t, err, c.want)
			}
			assert.Equal(t, e.pair, loadOf(t, store), "the session is kept")
			assert.Zero(t, cleared.Load())
		})
	}
}

// Rule 5: the API's own refusal, with the store still holding the refused
// pair, clears it (the behaviour before shared renewals, kept).
func TestRule5APIRefusalClearsTheStoreHoldingThePair(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	other := e.client(t) // another process spent the pair
	_, err := other.NewManualSession(e.pair).Auth.RefreshToken(context.Background())
	require.NoError(t, err)
	c := e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	store := storeWith(t, e.pair)
	_, err = c.NewSession(store).Auth.GetUser(context.Background(), e.userID)
	require.ErrorIs(t, err, storefront.ErrSessionExpired)
	var apiErr *storefront.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusUnauthorized, apiErr.StatusCode)
	assert.True(t, loadOf(t, store).IsZero())
}

// Rule 5: "already used" re-reads the store: another process (another
// client, no coordination) sharing the store renewed the pair while this
// one's refresh was on its way; the refusal adopts the stored pair instead
// of clearing it.
func TestRule5AlreadyUsedRereadsTheStore(t *testing.T) {
	t.Parallel()
	e := newShopperEnv(t)
	store := storeWith(t, e.pair)
	slow, fast := e.client(t), e.client(t)
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	e.srv.InjectFault(storefronttest.OpRefreshToken, slowOnce(300*time.Millisecond))

	var cleared atomic.Int32
	done := make(chan error, 1)
	go func() {
		_, err := slow.NewSession(store, storefront.OnTokensCleared(func() { cleared.Add(1) })).Auth.GetUser(context.Background(), e.userID)
		done <- err
	}()
	waitUntil(t, "the slow refresh reaches the server", func() bool { return e.srv.Calls(storefronttest.OpRefreshToken) == 1 })
	_, err := fast.NewSession(store).Auth.GetUser(context.Background(), e.userID)
	require.NoError(t, err)
	renewed := loadOf(t, store)

	require.NoError(t, <-done, "the slow process adopts the pair the fast one saved")
	assert.Equal(t, 2, e.srv.Calls(storefronttest.OpRefreshToken), "the slow refresh was sent, and refused")
	assert.Equal(t, renewed, loadOf(t, store), "the store keeps the renewed pair")
	assert.Zero(t, cleared.Load())
}
