package web_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/secretcheck"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/web"
)

// TestEverySecretHoldingTypeFormatsWithoutIt: see the test of the same
// name in package storefront. What these types reach is the client's API
// key, the cookie sessions' AES keys (through their ciphers) and the
// shoppers' session IDs and tokens.
func TestEverySecretHoldingTypeFormatsWithoutIt(t *testing.T) {
	t.Parallel()
	holders := secretcheck.CheckReachable(t, ".",
		reflect.TypeFor[web.CookieConfig](),
		reflect.TypeFor[web.CookieOptions](),
		reflect.TypeFor[web.CookieSessions](),
		reflect.TypeFor[web.MemoryTokens](),
		reflect.TypeFor[web.Middleware](),
		reflect.TypeFor[web.ServerConfig](),
		reflect.TypeFor[web.ServerSessions](),
	)
	assert.ElementsMatch(t, []string{"CookieConfig", "CookieSessions", "MemoryTokens", "Middleware"}, holders)
}

// Real values print none of the cookie keys, the API key, the session IDs
// and the tokens, whatever the verb; the check above plants no AES key
// (a field named Keys is not a secret by its name alone), so this one
// does, in every form fmt could print its bytes.
func TestWebTypesPrintWithoutSecrets(t *testing.T) {
	t.Parallel()
	const (
		apiKey = "sk_live_web-key-0001"
		access = "acc.ess-token.web-0001"
	)
	key := []byte("0123456789abcdef0123456789ABCDEF")
	cfg := web.CookieConfig{Keys: [][]byte{key}}
	cookies, err := web.NewCookieSessions(cfg)
	require.NoError(t, err)
	client, err := storefront.New("store-1", storefront.WithAPIKey(apiKey))
	require.NoError(t, err)
	mw := web.NewMiddleware(client, cookies)
	memory := web.NewMemoryTokens(0)
	id, err := web.NewSessionID()
	require.NoError(t, err)
	require.NoError(t, memory.Store(id).Save(context.Background(), storefront.Tokens{AccessToken: access}))

	keyForms := []string{string(key[:12]), fmt.Sprintf("%x", key[:8]), fmt.Sprintf("%X", key[:8]), fmt.Sprint(key[:6])[1:18]}
	secrets := append([]string{apiKey, access, id, fmt.Sprintf("%x", apiKey[:8])}, keyForms...)
	for _, v := range []any{cfg, &cfg, cookies, mw, *mw, memory, struct{ M *web.Middleware }{mw}, []web.CookieConfig{cfg}} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
			out := fmt.Sprintf(verb, v)
			for _, secret := range secrets {
				assert.NotContains(t, out, secret, "%T with %s", v, verb)
			}
		}
		var buf bytes.Buffer
		slog.New(slog.NewTextHandler(&buf, nil)).Info("m", "v", v)
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "v", v)
		for _, secret := range secrets {
			assert.NotContains(t, buf.String(), secret, "%T logged", v)
		}
	}
	assert.Equal(t, "MemoryTokens{Sessions:1}", fmt.Sprint(memory))
	assert.Contains(t, fmt.Sprintf("%s", mw), "APIKey:<redacted>")
}
