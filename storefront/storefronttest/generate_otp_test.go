package storefronttest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/gen"
	genclient "github.com/commercengine-go/sdk/gen/client"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func (e *env) generateOTP(access, body string) *genclient.GenerateOTPResponse {
	e.t.Helper()
	resp, err := e.c.GenerateOTPWithBodyWithResponse(e.ctx, &gen.GenerateOTPParams{XDebugMode: ptr(true)}, "application/json", jsonReader(body), bearer(access))
	require.NoError(e.t, err)
	return resp
}

func (e *env) checkStatus(access string, phones, emails []string) gen.VerificationStatus {
	e.t.Helper()
	phones, emails = append([]string{}, phones...), append([]string{}, emails...)
	resp, err := e.c.CheckVerificationStatusWithResponse(e.ctx, gen.CheckVerificationStatusJSONRequestBody{Phone: &phones, Email: &emails}, bearer(access))
	require.NoError(e.t, err)
	require.NotNil(e.t, resp.JSON200, "%s", resp.Body)
	return resp.JSON200.Content
}

func TestGenerateOTPVerify(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	_, err := e.srv.CreateUser(storefronttest.UserParams{Email: "ravi@example.com"})
	require.NoError(t, err)

	st := e.checkStatus(s.access, []string{"9876543210"}, []string{"ravi@example.com"})
	assert.Empty(t, st.VerifiedPhone)
	assert.Empty(t, st.VerifiedEmail)

	resp := e.generateOTP(s.access, `{"channel":"sms","phone":"9876543210","otp_action":"verify-phone"}`)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	v := e.verify(s.access, resp.JSON200.Content, *resp.JSON200.Content.OTP)
	require.NotNil(t, v.JSON200, "%s", v.Body)
	assert.True(t, v.JSON200.Content.User.IsPhoneVerified)

	resp = e.generateOTP(s.access, `{"channel":"email","email":"ravi@example.com","otp_action":"verify-email"}`)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	require.NotNil(t, e.verify(s.access, resp.JSON200.Content, *resp.JSON200.Content.OTP).JSON200)

	st = e.checkStatus(s.access, []string{"9876543210", "+919876543210", "9000000000", "9876543210"}, []string{"RAVI@example.com", "nobody@example.com"})
	assert.Equal(t, []string{"9876543210", "+919876543210"}, st.VerifiedPhone)
	assert.Equal(t, []string{"RAVI@example.com"}, st.VerifiedEmail)

	resp = e.generateOTP(s.access, `{"channel":"whatsapp","phone":"9000000000","otp_action":"verify-phone"}`)
	wantError(t, 404, storefronttest.CodeNotFound, resp.StatusCode(), resp.Body)
}

func TestGenerateOTPUpdate(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	_, err := e.srv.CreateUser(storefronttest.UserParams{Email: "taken@example.com"})
	require.NoError(t, err)

	resp := e.generateOTP(e.anonymous().access, `{"channel":"email","email":"asha@example.com","otp_action":"update-email"}`)
	wantError(t, 401, storefronttest.CodeLoginRequired, resp.StatusCode(), resp.Body)
	resp = e.generateOTP(s.access, `{"channel":"email","email":"taken@example.com","otp_action":"update-email"}`)
	wantError(t, 400, storefronttest.CodeAlreadyExists, resp.StatusCode(), resp.Body, "email")

	resp = e.generateOTP(s.access, `{"channel":"email","email":"asha@example.com","otp_action":"update-email"}`)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	v := e.verify(s.access, resp.JSON200.Content, *resp.JSON200.Content.OTP)
	require.NotNil(t, v.JSON200, "%s", v.Body)
	assert.Equal(t, "asha@example.com", *v.JSON200.Content.User.Email)
	assert.True(t, v.JSON200.Content.User.IsEmailVerified)

	resp = e.generateOTP(s.access, `{"channel":"sms","phone":"9123456780","country_code":"+44","otp_action":"update-phone"}`)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	v = e.verify(s.access, resp.JSON200.Content, *resp.JSON200.Content.OTP)
	require.NotNil(t, v.JSON200, "%s", v.Body)
	u := v.JSON200.Content.User
	assert.Equal(t, "9123456780", *u.Phone)
	assert.Equal(t, "+44", *u.CountryCode)
	assert.True(t, u.IsPhoneVerified)

	// The old number is free again.
	e.registerPhone("9876543210", "Ravi")
}

func TestGenerateOTPRegister(t *testing.T) {
	t.Parallel()
	e := setup(t)
	anon := e.anonymous()
	resp := e.generateOTP(anon.access, `{"channel":"email","email":"asha@example.com","otp_action":"register"}`)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	v := e.verify(anon.access, resp.JSON200.Content, *resp.JSON200.Content.OTP)
	require.NotNil(t, v.JSON200, "%s", v.Body)
	assert.Equal(t, anon.userID, v.JSON200.Content.User.ID)
	assert.Nil(t, v.JSON200.Content.User.FirstName)

	resp = e.generateOTP(e.anonymous().access, `{"channel":"email","email":"asha@example.com","otp_action":"register"}`)
	wantError(t, 400, storefronttest.CodeAlreadyExists, resp.StatusCode(), resp.Body, "email")
	resp = e.generateOTP(e.anonymous().access, `{"channel":"sms","phone":"123","otp_action":"register"}`)
	wantError(t, 400, storefronttest.CodeBadRequest, resp.StatusCode(), resp.Body, "phone")
}

func TestRegistrationRaceAtVerify(t *testing.T) {
	t.Parallel()
	e := setup(t)
	first, second := e.anonymous(), e.anonymous()
	a := e.generateOTP(first.access, `{"channel":"sms","phone":"9876543210","otp_action":"register"}`)
	b := e.generateOTP(second.access, `{"channel":"sms","phone":"9876543210","otp_action":"register"}`)
	require.NotNil(t, a.JSON200)
	require.NotNil(t, b.JSON200)
	require.NotNil(t, e.verify(first.access, a.JSON200.Content, *a.JSON200.Content.OTP).JSON200)
	v := e.verify(second.access, b.JSON200.Content, *b.JSON200.Content.OTP)
	wantError(t, 400, storefronttest.CodeAlreadyExists, v.StatusCode(), v.Body, "phone")
}
