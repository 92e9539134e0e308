package storefronttest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func TestLoginWithPassword(t *testing.T) {
	t.Parallel()
	e := setup(t)
	info, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", LastName: "Rao", Phone: "9876543210", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	anon := e.anonymous()

	byPhone := e.loginPassword(anon.access, `{"phone":"9876543210","password":"correct-horse"}`) // country code defaults to +91
	assert.Equal(t, info.ID, byPhone.userID)
	byEmail := e.loginPassword(anon.access, `{"email":"ASHA@example.com","password":"correct-horse"}`)
	assert.Equal(t, info.ID, byEmail.userID)

	resp, err := e.c.LoginWithPasswordWithBodyWithResponse(e.ctx, "application/json", jsonBody(t, map[string]string{"email": "asha@example.com", "password": "correct-horse"}), bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200)
	u := resp.JSON200.Content.User
	assert.True(t, u.IsLoggedIn)
	assert.False(t, u.IsAnonymous)
	assert.Equal(t, "Rao", *u.LastName)
	assert.ElementsMatch(t, []gen.UserLoginMethods{"email", "phone", "whatsapp", "password"}, u.LoginMethods)

	cases := []struct {
		name, body   string
		status       int
		code         string
		fieldsInBody []string
	}{
		{"unknown phone", `{"phone":"9000000000","password":"x"}`, 404, storefronttest.CodeNotFound, nil},
		{"other country", `{"phone":"9876543210","country_code":"+1","password":"correct-horse"}`, 404, storefronttest.CodeNotFound, nil},
		{"unknown email", `{"email":"nobody@example.com","password":"x"}`, 404, storefronttest.CodeNotFound, nil},
		{"wrong password", `{"email":"asha@example.com","password":"wrong"}`, 401, storefronttest.CodeInvalidCredentials, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := e.c.LoginWithPasswordWithBodyWithResponse(e.ctx, "application/json", jsonReader(tc.body), bearer(anon.access))
			require.NoError(t, err)
			wantError(t, tc.status, tc.code, resp.StatusCode(), resp.Body)
			assert.NotContains(t, string(resp.Body), "correct-horse")
		})
	}

	// A user without a password cannot log in with one.
	_, err = e.srv.CreateUser(storefronttest.UserParams{Email: "otp-only@example.com"})
	require.NoError(t, err)
	resp, err = e.c.LoginWithPasswordWithBodyWithResponse(e.ctx, "application/json", jsonReader(`{"email":"otp-only@example.com","password":""}`), bearer(anon.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeInvalidCredentials, resp.StatusCode(), resp.Body)
}

func TestLoginWithPhoneAndWhatsapp(t *testing.T) {
	t.Parallel()
	e := setup(t)
	info, err := e.srv.CreateUser(storefronttest.UserParams{Phone: "9876543210"})
	require.NoError(t, err)
	anon := e.anonymous()

	sms, err := e.c.LoginWithPhoneWithResponse(e.ctx, &gen.LoginWithPhoneParams{XDebugMode: ptr(true)}, gen.PhoneOTPLogin{Phone: "9876543210"}, bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, sms.JSON200, "%s", sms.Body)
	v := e.verify(anon.access, sms.JSON200.Content, *sms.JSON200.Content.OTP)
	require.NotNil(t, v.JSON200)
	assert.Equal(t, info.ID, v.JSON200.Content.User.ID)
	assert.True(t, v.JSON200.Content.User.IsPhoneVerified)

	wa, err := e.c.LoginWithWhatsappWithResponse(e.ctx, nil, gen.PhoneOTPLogin{Phone: "9876543210", CountryCode: ptr("+91")}, bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, wa.JSON200, "%s", wa.Body)
	code, ok := e.srv.LastOTP("9876543210")
	require.True(t, ok)
	v = e.verify(anon.access, wa.JSON200.Content, code)
	require.NotNil(t, v.JSON200)
	assert.Equal(t, info.ID, v.JSON200.Content.User.ID)

	// Unknown numbers are 404, unless the login may register them.
	sms, err = e.c.LoginWithPhoneWithResponse(e.ctx, nil, gen.PhoneOTPLogin{Phone: "9123456780"}, bearer(anon.access))
	require.NoError(t, err)
	wantError(t, 404, storefronttest.CodeNotFound, sms.StatusCode(), sms.Body)
	wa, err = e.c.LoginWithWhatsappWithResponse(e.ctx, nil, gen.PhoneOTPLogin{Phone: "9123456780"}, bearer(anon.access))
	require.NoError(t, err)
	wantError(t, 404, storefronttest.CodeNotFound, wa.StatusCode(), wa.Body)
	wa, err = e.c.LoginWithWhatsappWithResponse(e.ctx, nil, gen.PhoneOTPLogin{Phone: "912345", RegisterIfNotExists: ptr(true)}, bearer(anon.access))
	require.NoError(t, err)
	wantError(t, 400, storefronttest.CodeBadRequest, wa.StatusCode(), wa.Body, "phone")

	wa, err = e.c.LoginWithWhatsappWithResponse(e.ctx, &gen.LoginWithWhatsappParams{XDebugMode: ptr(true)}, gen.PhoneOTPLogin{Phone: "9123456780", RegisterIfNotExists: ptr(true)}, bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, wa.JSON200)
	v = e.verify(anon.access, wa.JSON200.Content, *wa.JSON200.Content.OTP)
	require.NotNil(t, v.JSON200)
	assert.Equal(t, anon.userID, v.JSON200.Content.User.ID, "the visitor becomes the user")
	assert.Equal(t, "9123456780", *v.JSON200.Content.User.Phone)
}

func TestLoginWithEmail(t *testing.T) {
	t.Parallel()
	e := setup(t)
	anon := e.anonymous()
	resp := e.loginEmail(anon.access, "new@example.com", true, false)
	wantError(t, 404, storefronttest.CodeNotFound, resp.StatusCode(), resp.Body)

	resp = e.loginEmail(anon.access, "new@example.com", true, true)
	require.NotNil(t, resp.JSON200)
	v := e.verify(anon.access, resp.JSON200.Content, *resp.JSON200.Content.OTP)
	require.NotNil(t, v.JSON200)
	u := v.JSON200.Content.User
	assert.Equal(t, "new@example.com", *u.Email)
	assert.True(t, u.IsEmailVerified)
	assert.NotNil(t, u.CustomerID)

	// Now the user exists: a plain login works.
	resp = e.loginEmail(e.anonymous().access, "new@example.com", true, false)
	require.NotNil(t, resp.JSON200)
}

func TestDeactivatedUserCannotLogIn(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.passwordUser("9876543210", "asha@example.com", "pw-123456")
	resp, err := e.c.DeactivateUserWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)

	anon := e.anonymous()
	login, err := e.c.LoginWithPasswordWithBodyWithResponse(e.ctx, "application/json", jsonReader(`{"email":"asha@example.com","password":"pw-123456"}`), bearer(anon.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUserInactive, login.StatusCode(), login.Body)
	otp := e.loginEmail(anon.access, "asha@example.com", false, false)
	wantError(t, 401, storefronttest.CodeUserInactive, otp.StatusCode(), otp.Body)
	r := e.refresh(s.refresh)
	wantError(t, 401, storefronttest.CodeUnauthorized, r.StatusCode(), r.Body)
}
