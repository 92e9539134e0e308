package storefronttest_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func TestAnonymousToken(t *testing.T) {
	t.Parallel()
	e := setup(t)
	resp, err := e.c.GetAnonymousTokenWithResponse(e.ctx, apiKey(e.srv.APIKey()))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200)
	u := resp.JSON200.Content.User
	assert.True(t, u.IsAnonymous)
	assert.False(t, u.IsLoggedIn)
	assert.Nil(t, u.Email)
	assert.Len(t, u.ID, 26, "a ULID")
	assert.WithinDuration(t, e.srv.Now(), u.CreatedAt, 2*time.Second)

	c, err := e.srv.ParseToken(resp.JSON200.Content.AccessToken)
	require.NoError(t, err)
	assert.Equal(t, u.ID, c.UserID)
	assert.Equal(t, u.ID, c.AnonymousID)
	assert.True(t, c.IsAnonymous)
	assert.False(t, c.IsLoggedIn)
	assert.Equal(t, storefronttest.TokenTypeAccess, c.TokenType)
	r, err := e.srv.ParseToken(resp.JSON200.Content.RefreshToken)
	require.NoError(t, err)
	assert.Equal(t, storefronttest.TokenTypeRefresh, r.TokenType)
	assert.Equal(t, c.SessionID, r.SessionID)

	// Two visitors are two identities.
	assert.NotEqual(t, u.ID, e.anonymous().userID)
}

// TestTokenClaimNames checks the payload's JSON names, which clients decode
// without this package's TokenClaims type.
func TestTokenClaimNames(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	parts := strings.Split(s.access, ".")
	require.Len(t, parts, 3)
	header, err := base64.RawURLEncoding.DecodeString(parts[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"alg":"HS256","typ":"JWT"}`, string(header))
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	require.NoError(t, err)
	var claims map[string]any
	require.NoError(t, json.Unmarshal(payload, &claims))
	for _, name := range []string{"ulid", "email", "phone", "username", "first_name", "last_name", "store_id",
		"is_logged_in", "is_anonymous", "customer_id", "customer_group_id", "anonymous_id", "channel",
		"exp", "iat", "jti", "token_type"} {
		assert.Contains(t, claims, name)
	}
	assert.Equal(t, s.userID, claims["ulid"])
	assert.Equal(t, "9876543210", claims["phone"])
	assert.Equal(t, "Asha", claims["first_name"])
	assert.Equal(t, true, claims["is_logged_in"])
	assert.NotEmpty(t, claims["customer_id"])
	assert.True(t, api.LooksLikeJWT(s.refresh))
}

func TestAPIKeyChecks(t *testing.T) {
	t.Parallel()
	e := setup(t)
	resp, err := e.c.GetAnonymousTokenWithResponse(e.ctx, apiKey("ce_test_wrong"))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUnauthorized, resp.StatusCode(), resp.Body)
	assert.NotContains(t, string(resp.Body), e.srv.APIKey())

	status, _, body := e.raw(http.MethodPost, "/auth/anonymous", nil, "")
	wantError(t, 401, storefronttest.CodeUnauthorized, status, body)
}

func TestBearerChecks(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	foreign := storefronttest.New()
	_, err := foreign.CreateUser(storefronttest.UserParams{ID: s.userID, Phone: "9876543210"})
	require.NoError(t, err)
	forged, _, err := foreign.IssueTokens(s.userID)
	require.NoError(t, err)
	tampered := s.access[:len(s.access)-4] + "AAAA"

	cases := []struct {
		name   string
		header http.Header
	}{
		{"missing", nil},
		{"not bearer", http.Header{"Authorization": {"Basic " + s.access}}},
		{"not a JWT", authHeader("not-a-token")},
		{"signed by another key", authHeader(forged)},
		{"tampered", authHeader(tampered)},
		{"refresh token", authHeader(s.refresh)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body := e.raw(http.MethodGet, "/auth/user/"+s.userID, tc.header, "")
			wantError(t, 401, storefronttest.CodeUnauthorized, status, body)
		})
	}

	// Valid until it expires on the server's clock.
	resp, err := e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode())
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
	resp, err = e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUnauthorized, resp.StatusCode(), resp.Body)
	assert.Contains(t, resp.JSON401.Message, "expired")
}

func TestAnonymousKeepsIdentity(t *testing.T) {
	t.Parallel()
	e := setup(t)
	first := e.anonymous()
	e.srv.Advance(time.Hour) // the access token has expired

	resp, err := e.c.GetAnonymousTokenWithResponse(e.ctx, apiKey(e.srv.APIKey()), bearer(first.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200)
	assert.Equal(t, first.userID, resp.JSON200.Content.User.ID)
	c, err := e.srv.ParseToken(resp.JSON200.Content.AccessToken)
	require.NoError(t, err)
	assert.Equal(t, first.userID, c.AnonymousID)
	assert.False(t, c.Expired(e.srv.Now()))

	// A token this server did not sign is ignored: a new visitor.
	foreign := storefronttest.New()
	other, err := foreign.CreateUser(storefronttest.UserParams{Phone: "9123456780"})
	require.NoError(t, err)
	forged, _, err := foreign.IssueTokens(other.ID)
	require.NoError(t, err)
	resp, err = e.c.GetAnonymousTokenWithResponse(e.ctx, apiKey(e.srv.APIKey()), bearer(forged))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200)
	assert.NotEqual(t, other.ID, resp.JSON200.Content.User.ID)
	assert.NotEqual(t, first.userID, resp.JSON200.Content.User.ID)

	// The key is still required.
	resp, err = e.c.GetAnonymousTokenWithResponse(e.ctx, apiKey("wrong"), bearer(first.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUnauthorized, resp.StatusCode(), resp.Body)
}

func TestRegisteredUserKeepsVisitorID(t *testing.T) {
	t.Parallel()
	e := setup(t)
	anon := e.anonymous()
	resp, err := e.c.RegisterWithPhoneWithResponse(e.ctx, nil, registerPhoneBody("9876543210", "Asha"), bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200)
	assert.Equal(t, anon.userID, resp.JSON200.Content.User.ID)
	c, err := e.srv.ParseToken(resp.JSON200.Content.AccessToken)
	require.NoError(t, err)
	assert.Equal(t, anon.userID, c.UserID)
	assert.Equal(t, anon.userID, c.AnonymousID)
	assert.True(t, c.IsLoggedIn)

	// Logging in to another account from this visitor keeps anonymous_id.
	_, err = e.srv.CreateUser(storefronttest.UserParams{Email: "ravi@example.com", Password: "pw-123456"})
	require.NoError(t, err)
	anon2 := e.anonymous()
	s := e.loginPassword(anon2.access, `{"email":"ravi@example.com","password":"pw-123456"}`)
	c, err = e.srv.ParseToken(s.access)
	require.NoError(t, err)
	assert.NotEqual(t, anon2.userID, c.UserID)
	assert.Equal(t, anon2.userID, c.AnonymousID)
}
