package storefronttest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/gen"
	genclient "github.com/commercengine-go/sdk/gen/client"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func (e *env) refresh(token string) *genclient.RefreshTokenResponse {
	e.t.Helper()
	resp, err := e.c.RefreshTokenWithResponse(e.ctx, gen.RefreshTokenJSONRequestBody{RefreshToken: token})
	require.NoError(e.t, err)
	return resp
}

func TestRefreshRotation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")

	first := e.refresh(s.refresh)
	require.NotNil(t, first.JSON200, "%s", first.Body)
	c, err := e.srv.ParseToken(first.JSON200.Content.AccessToken)
	require.NoError(t, err)
	assert.Equal(t, s.userID, c.UserID)
	assert.True(t, c.IsLoggedIn, "refresh keeps the login state")
	assert.Equal(t, "9876543210", *c.Phone)

	// The used refresh token stops working; the new one works once.
	again := e.refresh(s.refresh)
	wantError(t, 401, storefronttest.CodeUnauthorized, again.StatusCode(), again.Body)
	second := e.refresh(first.JSON200.Content.RefreshToken)
	require.NotNil(t, second.JSON200, "%s", second.Body)
	again = e.refresh(first.JSON200.Content.RefreshToken)
	wantError(t, 401, storefronttest.CodeUnauthorized, again.StatusCode(), again.Body)

	// An access token issued before the refresh keeps working until it expires.
	detail, err := e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	assert.Equal(t, 200, detail.StatusCode())

	// An anonymous session refreshes to an anonymous pair.
	anon := e.anonymous()
	r := e.refresh(anon.refresh)
	require.NotNil(t, r.JSON200)
	c, err = e.srv.ParseToken(r.JSON200.Content.AccessToken)
	require.NoError(t, err)
	assert.Equal(t, anon.userID, c.UserID)
	assert.False(t, c.IsLoggedIn)
}

func TestRefreshFailures(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.anonymous()
	foreign := storefronttest.New()
	info, err := foreign.CreateUser(storefronttest.UserParams{Phone: "9876543210"})
	require.NoError(t, err)
	_, foreignRefresh, err := foreign.IssueTokens(info.ID)
	require.NoError(t, err)

	r := e.refresh("garbage")
	wantError(t, 400, storefronttest.CodeInvalidToken, r.StatusCode(), r.Body, "refresh_token")
	r = e.refresh(foreignRefresh)
	wantError(t, 404, storefronttest.CodeNotFound, r.StatusCode(), r.Body)
	r = e.refresh(s.access)
	wantError(t, 404, storefronttest.CodeNotFound, r.StatusCode(), r.Body)

	e.srv.Advance(storefronttest.DefaultRefreshTTL + time.Second)
	r = e.refresh(s.refresh)
	wantError(t, 400, storefronttest.CodeTokenExpired, r.StatusCode(), r.Body, "refresh_token")
}

func TestLogout(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.passwordUser("9876543210", "asha@example.com", "pw-123456")

	resp, err := e.c.LogoutWithResponse(e.ctx, bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	u := resp.JSON200.Content.User
	assert.Equal(t, s.userID, u.ID)
	assert.False(t, u.IsLoggedIn)
	assert.True(t, u.IsAnonymous)
	c, err := e.srv.ParseToken(resp.JSON200.Content.AccessToken)
	require.NoError(t, err)
	assert.False(t, c.IsLoggedIn)
	assert.Nil(t, c.Email, "an anonymous token has no personal data")

	// The old pair stops working; the new one goes on as a visitor.
	r := e.refresh(s.refresh)
	wantError(t, 401, storefronttest.CodeUnauthorized, r.StatusCode(), r.Body)
	detail, err := e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUnauthorized, detail.StatusCode(), detail.Body)
	detail, err = e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(resp.JSON200.Content.AccessToken))
	require.NoError(t, err)
	require.NotNil(t, detail.JSON200)
	assert.False(t, detail.JSON200.Content.User.IsLoggedIn)
	assert.Nil(t, detail.JSON200.Content.User.Email, "a logged-out visitor sees no profile")
	require.NotNil(t, e.refresh(resp.JSON200.Content.RefreshToken).JSON200)

	// Logging in again from the new anonymous pair works.
	again := e.loginPassword(resp.JSON200.Content.AccessToken, `{"phone":"9876543210","password":"pw-123456"}`)
	assert.Equal(t, s.userID, again.userID)

	// A revoked access token cannot log out twice.
	resp, err = e.c.LogoutWithResponse(e.ctx, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUnauthorized, resp.StatusCode(), resp.Body)
}

func TestIssueTokens(t *testing.T) {
	t.Parallel()
	e := setup(t)
	info, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "Asha@Example.com"})
	require.NoError(t, err)
	access, refresh, err := e.srv.IssueTokens(info.ID)
	require.NoError(t, err)
	detail, err := e.c.GetUserDetailWithResponse(e.ctx, info.ID, bearer(access))
	require.NoError(t, err)
	require.NotNil(t, detail.JSON200)
	assert.Equal(t, "asha@example.com", *detail.JSON200.Content.User.Email)
	assert.Equal(t, info.CustomerID, *detail.JSON200.Content.User.CustomerID)
	require.NotNil(t, e.refresh(refresh).JSON200)

	_, _, err = e.srv.IssueTokens("nobody")
	assert.Error(t, err)
}
