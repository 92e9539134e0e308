package storefront_test

// When a token is renewed (renewal_due.go): damaged tokens, and a client
// clock that disagrees with the API's.

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Rule 8: a stored access token that cannot be sent is renewed, not resent
// forever.
func TestRule8DamagedAccessTokenIsRenewed(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		damage func(string) string
	}{
		{"control characters", func(s string) string { return s[:20] + "\x00\r\n" + s[20:] }},
		{"not a JWT", func(string) string { return "opaque-session-token" }},
		{"not base64", func(s string) string { return "@@@." + s }},
		{"empty", func(string) string { return "" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newShopperEnv(t)
			damaged := storefront.Tokens{AccessToken: c.damage(e.pair.AccessToken), RefreshToken: e.pair.RefreshToken}
			store := storeWith(t, damaged)
			sess := e.client(t).NewSession(store)
			for range 3 {
				_, err := sess.Auth.GetUser(context.Background(), e.userID)
				require.NoError(t, err)
			}
			assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
			assert.Equal(t, 3, e.srv.Calls(storefronttest.OpGetUserDetail), "no call went out with the damaged token")
			assert.NotEqual(t, damaged, loadOf(t, store))
		})
	}
	t.Run("damaged refresh token too", func(t *testing.T) {
		e := newShopperEnv(t)
		store := storeWith(t, storefront.Tokens{AccessToken: "bad\x7f", RefreshToken: "also\nbad"})
		sess := e.client(t).NewSession(store)
		c, err := sess.EnsureClaims(context.Background())
		require.NoError(t, err)
		assert.True(t, c.IsAnonymous, "a new anonymous session")
		assert.Zero(t, e.srv.Calls(storefronttest.OpRefreshToken))
	})
}

// Rule 8: a client clock minutes ahead of or behind the API does not
// refresh on every call: the offset is read from the tokens' iat.
func TestRule8ClockSkew(t *testing.T) {
	t.Parallel()
	t.Run("client 20 minutes ahead", func(t *testing.T) {
		e := newShopperEnv(t)
		c := e.client(t, storefront.WithClock(func() time.Time { return e.srv.Now().Add(20 * time.Minute) }))
		sess := c.NewSession(storeWith(t, e.pair))
		for range 10 {
			_, err := sess.Auth.GetUser(context.Background(), e.userID)
			require.NoError(t, err)
		}
		// The stored pair looks expired by 5 minutes; the first refresh
		// shows the clocks' offset, and no other is needed.
		assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
	})
	t.Run("client 10 minutes behind", func(t *testing.T) {
		e := newShopperEnv(t)
		c := e.client(t, storefront.WithClock(func() time.Time { return e.srv.Now().Add(-10 * time.Minute) }))
		sess := c.NewSession(nil)
		_, err := sess.EnsureClaims(context.Background()) // an anonymous pair shows the offset
		require.NoError(t, err)
		for range 3 {
			e.srv.Advance(storefronttest.DefaultAccessTTL - 10*time.Second) // inside the margin, by the API's clock
			_, err := sess.EnsureClaims(context.Background())
			require.NoError(t, err)
		}
		assert.Equal(t, 3, e.srv.Calls(storefronttest.OpRefreshToken), "refreshed ahead of expiry by the API's clock, each time")
	})
}
