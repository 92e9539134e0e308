package storefronttest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/gen"
	genclient "github.com/commercengine-go/sdk/gen/client"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func TestForgotAndResetPassword(t *testing.T) {
	t.Parallel()
	e := setup(t)
	info, err := e.srv.CreateUser(storefronttest.UserParams{Phone: "9876543210", Email: "asha@example.com", Password: "old-password"})
	require.NoError(t, err)
	anon := e.anonymous()

	resp, err := e.c.ForgotPasswordWithBodyWithResponse(e.ctx, &gen.ForgotPasswordParams{XDebugMode: ptr(true)}, "application/json", jsonReader(`{"email":"asha@example.com"}`), bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	challenge := resp.JSON200.Content
	assert.Equal(t, gen.OTPActionResetPassword, challenge.OTPAction)

	reset := func(body gen.ResetPasswordJSONRequestBody) *genclient.ResetPasswordResponse {
		t.Helper()
		r, err := e.c.ResetPasswordWithResponse(e.ctx, body, bearer(anon.access))
		require.NoError(t, err)
		return r
	}
	r := reset(gen.ResetPasswordJSONRequestBody{NewPassword: "new-password", ConfirmPassword: "other", OTPToken: challenge.OTPToken, OTP: *challenge.OTP})
	wantError(t, 400, storefronttest.CodePasswordMismatch, r.StatusCode(), r.Body, "confirm_password")
	r = reset(gen.ResetPasswordJSONRequestBody{NewPassword: "new-password", ConfirmPassword: "new-password", OTPToken: "01JDB3K7P9R1T3V5X7Z9B1D3F5", OTP: "123456"})
	wantError(t, 404, storefronttest.CodeNotFound, r.StatusCode(), r.Body)
	wrong := "000000"
	if *challenge.OTP == wrong {
		wrong = "111111"
	}
	r = reset(gen.ResetPasswordJSONRequestBody{NewPassword: "new-password", ConfirmPassword: "new-password", OTPToken: challenge.OTPToken, OTP: wrong})
	wantError(t, 400, storefronttest.CodeInvalidOTP, r.StatusCode(), r.Body, "otp")

	// verify-otp may check the code first; it does not use it up.
	require.NotNil(t, e.verify(anon.access, challenge, *challenge.OTP).JSON200)

	r = reset(gen.ResetPasswordJSONRequestBody{NewPassword: "new-password", ConfirmPassword: "new-password", OTPToken: challenge.OTPToken, OTP: *challenge.OTP})
	require.NotNil(t, r.JSON200, "%s", r.Body)
	assert.Equal(t, info.ID, r.JSON200.Content.User.ID)
	assert.True(t, r.JSON200.Content.User.IsLoggedIn)

	login, err := e.c.LoginWithPasswordWithBodyWithResponse(e.ctx, "application/json", jsonReader(`{"email":"asha@example.com","password":"old-password"}`), bearer(anon.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeInvalidCredentials, login.StatusCode(), login.Body)
	e.loginPassword(anon.access, `{"phone":"9876543210","password":"new-password"}`)

	// The code was used up; forgot-password for an unknown user is 404.
	r = reset(gen.ResetPasswordJSONRequestBody{NewPassword: "x", ConfirmPassword: "x", OTPToken: challenge.OTPToken, OTP: *challenge.OTP})
	wantError(t, 404, storefronttest.CodeNotFound, r.StatusCode(), r.Body)
	resp, err = e.c.ForgotPasswordWithBodyWithResponse(e.ctx, nil, "application/json", jsonReader(`{"phone":"9000000000","country_code":"+91"}`), bearer(anon.access))
	require.NoError(t, err)
	wantError(t, 404, storefronttest.CodeNotFound, resp.StatusCode(), resp.Body)

	// By phone, the code goes by SMS.
	resp, err = e.c.ForgotPasswordWithBodyWithResponse(e.ctx, nil, "application/json", jsonReader(`{"phone":"9876543210"}`), bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	_, ok := e.srv.LastOTP("9876543210")
	assert.True(t, ok)
}

func TestChangePassword(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.passwordUser("9876543210", "asha@example.com", "old-password")
	change := func(token string, body gen.ChangePasswordJSONRequestBody) *genclient.ChangePasswordResponse {
		t.Helper()
		r, err := e.c.ChangePasswordWithResponse(e.ctx, body, bearer(token))
		require.NoError(t, err)
		return r
	}
	r := change(s.access, gen.ChangePasswordJSONRequestBody{OldPassword: "wrong", NewPassword: "new-password", ConfirmPassword: "new-password"})
	wantError(t, 400, storefronttest.CodeInvalidPassword, r.StatusCode(), r.Body, "old_password")
	r = change(s.access, gen.ChangePasswordJSONRequestBody{OldPassword: "old-password", NewPassword: "new-password", ConfirmPassword: "typo"})
	wantError(t, 400, storefronttest.CodePasswordMismatch, r.StatusCode(), r.Body, "confirm_password")
	r = change(e.anonymous().access, gen.ChangePasswordJSONRequestBody{OldPassword: "old-password", NewPassword: "n", ConfirmPassword: "n"})
	wantError(t, 401, storefronttest.CodeLoginRequired, r.StatusCode(), r.Body)

	r = change(s.access, gen.ChangePasswordJSONRequestBody{OldPassword: "old-password", NewPassword: "new-password", ConfirmPassword: "new-password"})
	require.NotNil(t, r.JSON200, "%s", r.Body)
	c, err := e.srv.ParseToken(r.JSON200.Content.AccessToken)
	require.NoError(t, err)
	assert.Equal(t, s.userID, c.UserID)
	assert.True(t, c.IsLoggedIn)

	// The old session ended; the new pair works; the new password logs in.
	rr := e.refresh(s.refresh)
	wantError(t, 401, storefronttest.CodeUnauthorized, rr.StatusCode(), rr.Body)
	detail, err := e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUnauthorized, detail.StatusCode(), detail.Body)
	require.NotNil(t, e.refresh(r.JSON200.Content.RefreshToken).JSON200)
	e.loginPassword(e.anonymous().access, `{"email":"asha@example.com","password":"new-password"}`)
}
