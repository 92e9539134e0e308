package redisstore_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"reflect"
	"testing"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/secretcheck"
	"github.com/commercengine-go/sdk/storefront/redisstore"
)

// TestEverySecretHoldingTypeFormatsWithoutIt: see the test of the same
// name in package storefront. A Backend reaches its Redis client, whose
// options hold the Redis password; a Store reaches the Backend.
func TestEverySecretHoldingTypeFormatsWithoutIt(t *testing.T) {
	t.Parallel()
	holders := secretcheck.CheckReachable(t, ".",
		reflect.TypeFor[redisstore.Backend](),
		reflect.TypeFor[redisstore.Store](),
	)
	assert.ElementsMatch(t, []string{"Backend", "Store"}, holders)
}

// A real Backend and Store print neither the Redis password nor the
// session ID, which stands for the shopper's session.
func TestBackendAndStorePrintWithoutSecrets(t *testing.T) {
	t.Parallel()
	const password = "redis-password-0001"
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", Password: password}) // never dialled
	t.Cleanup(func() { _ = rdb.Close() })
	b := redisstore.New(rdb, redisstore.WithPrefix("shop:"))
	id, err := redisstore.NewSessionID()
	require.NoError(t, err)
	s := b.Store(id)
	secrets := []string{password, id}
	for _, v := range []any{b, *b, s, *s, struct{ S *redisstore.Store }{s}, []*redisstore.Store{s}} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
			out := fmt.Sprintf(verb, v)
			for _, secret := range secrets {
				assert.NotContains(t, out, secret, "%T with %s", v, verb)
				assert.NotContains(t, out, fmt.Sprintf("%x", secret[:8]), "%T with %s", v, verb)
			}
		}
		var buf bytes.Buffer
		slog.New(slog.NewTextHandler(&buf, nil)).Info("m", "v", v)
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "v", v)
		for _, secret := range secrets {
			assert.NotContains(t, buf.String(), secret, "%T logged", v)
		}
	}
	assert.Equal(t, "Store{ID:<redacted> Prefix:shop:}", fmt.Sprint(s))
	assert.Equal(t, "Backend{Prefix:shop: Redis:*redis.Client}", fmt.Sprintf("%s", b))
}
