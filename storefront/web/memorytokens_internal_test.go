package web

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
)

// A session unused for the idle time is forgotten; one in use is not.
func TestMemoryTokensForgetIdleSessions(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_800_000_000, 0)
	m := NewMemoryTokens(time.Hour)
	m.now = func() time.Time { return now }
	ctx := context.Background()
	pair := storefront.Tokens{AccessToken: "a", RefreshToken: "r"}
	require.NoError(t, m.Store("idle").Save(ctx, pair))
	require.NoError(t, m.Store("busy").Save(ctx, pair))
	for range 3 {
		now = now.Add(40 * time.Minute)
		held, err := m.Store("busy").Load(ctx)
		require.NoError(t, err)
		assert.Equal(t, pair, held)
	}
	held, err := m.Store("idle").Load(ctx)
	require.NoError(t, err)
	assert.True(t, held.IsZero())
	assert.Equal(t, 1, m.Len())

	_, swapped, err := m.Store("busy").(swapper).CompareAndSwap(ctx, storefront.Tokens{}, pair)
	require.NoError(t, err)
	assert.False(t, swapped, "the record holds a pair")
	cur, swapped, err := m.Store("busy").(swapper).CompareAndSwap(ctx, pair, storefront.Tokens{})
	require.NoError(t, err)
	assert.True(t, swapped)
	assert.True(t, cur.IsZero())
	assert.Equal(t, 0, m.Len())
}
