package storefront

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// With debug logging on, a session's whole life — bootstrap, login, a 401
// with refresh and retry, a retried 503, a rejected refresh — is logged
// without one secret.
func TestDebugLogsHoldNoSecrets(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	lc := &logCapture{}
	c := api.client(WithLogger(lc.logger()))
	sess := c.NewSession(nil)

	var secrets []string
	remember := func(t Tokens) { secrets = append(secrets, t.AccessToken, t.RefreshToken) }
	_, err := sess.EnsureClaims(bg)
	require.NoError(t, err)
	tk, _ := sess.Tokens(bg)
	remember(tk)

	res, err := sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-password"})
	require.NoError(t, err)
	remember(res.Tokens())
	_, err = sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "wrong-password-42"})
	require.Error(t, err)
	secrets = append(secrets, "correct-password", "wrong-password-42", testAPIKey)

	api.mu.Lock()
	api.revoked[res.AccessToken] = true
	api.mu.Unlock()
	_, err = sess.Auth.GetUser(bg, "u-1") // 401 → refresh → retry
	require.NoError(t, err)
	tk, _ = sess.Tokens(bg)
	remember(tk)

	n := 0
	next := api.routes[opGetUser]
	api.route(opGetUser, func(w http.ResponseWriter, r *http.Request) {
		if n++; n == 1 {
			writeJSON(w, 503, map[string]any{"message": "busy", "success": false, "code": "busy"})
			return
		}
		next(w, r)
	})
	_, err = sess.Auth.GetUser(bg, "u-1")
	require.NoError(t, err)

	api.mu.Lock()
	clear(api.refreshOK)
	api.mu.Unlock()
	api.advance(time.Hour)
	_, err = sess.Auth.GetUser(bg, "u-1")
	require.ErrorIs(t, err, ErrSessionExpired)
	errText := err.Error()

	logs := lc.String()
	for _, want := range []string{"storefront request", "storefront retry", "refreshing access token", "creating anonymous session", "refresh rejected", "status=503", "op=get-user-detail", "path=/api/v1/store-1/storefront/auth/user/u-1"} {
		assert.Contains(t, logs, want)
	}
	for _, s := range secrets {
		require.NotEmpty(t, s)
		assert.NotContains(t, logs, s)
		assert.NotContains(t, errText, s)
	}
	for _, part := range []string{"Bearer", "X-Api-Key", "password"} {
		assert.NotContains(t, strings.ToLower(logs), strings.ToLower(part)+"=")
	}
}
