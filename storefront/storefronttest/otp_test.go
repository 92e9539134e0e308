package storefronttest_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/gen"
	genclient "github.com/commercengine-go/sdk/gen/client"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// loginEmail starts an email OTP login.
func (e *env) loginEmail(access, email string, debug, register bool) *genclient.LoginWithEmailResponse {
	e.t.Helper()
	var params *gen.LoginWithEmailParams
	if debug {
		params = &gen.LoginWithEmailParams{XDebugMode: ptr(true)}
	}
	resp, err := e.c.LoginWithEmailWithResponse(e.ctx, params, gen.LoginWithEmailJSONRequestBody{Email: email, RegisterIfNotExists: ptr(register)}, bearer(access))
	require.NoError(e.t, err)
	return resp
}

func TestOTPDebugMode(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, err := e.srv.CreateUser(storefronttest.UserParams{Email: "asha@example.com"})
	require.NoError(t, err)
	anon := e.anonymous()

	withCode := e.loginEmail(anon.access, "asha@example.com", true, false)
	require.NotNil(t, withCode.JSON200)
	require.NotNil(t, withCode.JSON200.Content.OTP, "debug mode returns the code")
	assert.Regexp(t, regexp.MustCompile(`^\d{6}$`), *withCode.JSON200.Content.OTP)
	assert.Equal(t, gen.OTPActionLogin, withCode.JSON200.Content.OTPAction)

	without := e.loginEmail(anon.access, "ASHA@example.com", false, false)
	require.NotNil(t, without.JSON200)
	assert.Nil(t, without.JSON200.Content.OTP, "the code is only returned in debug mode")
	code, ok := e.srv.LastOTP("asha@example.com")
	require.True(t, ok)
	byToken, ok := e.srv.OTP(without.JSON200.Content.OTPToken)
	require.True(t, ok)
	assert.Equal(t, code, byToken)

	verified := e.verify(anon.access, without.JSON200.Content, code)
	require.NotNil(t, verified.JSON200, "%s", verified.Body)
	assert.True(t, verified.JSON200.Content.User.IsLoggedIn)
	assert.True(t, verified.JSON200.Content.User.IsEmailVerified, "receiving the code verifies the address")

	// A code works once.
	_, ok = e.srv.OTP(without.JSON200.Content.OTPToken)
	assert.False(t, ok)
	again := e.verify(anon.access, without.JSON200.Content, code)
	wantError(t, 404, storefronttest.CodeNotFound, again.StatusCode(), again.Body)
}

func TestLastOTPPhoneForms(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, err := e.srv.CreateUser(storefronttest.UserParams{Phone: "9876543210", CountryCode: "+44"})
	require.NoError(t, err)
	resp, err := e.c.LoginWithPhoneWithResponse(e.ctx, nil, gen.PhoneOTPLogin{Phone: "9876543210", CountryCode: ptr("+44")}, bearer(e.anonymous().access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	_, ok := e.srv.LastOTP("9876543210")
	assert.False(t, ok, "without + the number is taken to be +91")
	code, ok := e.srv.LastOTP("+449876543210")
	require.True(t, ok)
	assert.Len(t, code, 6)
}

func TestOTPExpiry(t *testing.T) {
	t.Parallel()
	e := setup(t, storefronttest.WithOTPTTL(time.Minute))
	_, err := e.srv.CreateUser(storefronttest.UserParams{Email: "asha@example.com"})
	require.NoError(t, err)
	anon := e.anonymous()
	resp := e.loginEmail(anon.access, "asha@example.com", true, false)
	require.NotNil(t, resp.JSON200)
	e.srv.Advance(time.Minute)
	v := e.verify(anon.access, resp.JSON200.Content, *resp.JSON200.Content.OTP)
	wantError(t, 400, storefronttest.CodeOTPExpired, v.StatusCode(), v.Body)

	// Long after expiry the challenge is forgotten altogether.
	e.srv.Advance(time.Hour)
	anon = e.anonymous()
	require.NotNil(t, e.loginEmail(anon.access, "asha@example.com", false, false).JSON200) // a write sweeps
	v = e.verify(anon.access, resp.JSON200.Content, *resp.JSON200.Content.OTP)
	wantError(t, 404, storefronttest.CodeNotFound, v.StatusCode(), v.Body)
}

func TestOTPAttemptLimit(t *testing.T) {
	t.Parallel()
	e := setup(t, storefronttest.WithOTPMaxAttempts(3))
	_, err := e.srv.CreateUser(storefronttest.UserParams{Email: "asha@example.com"})
	require.NoError(t, err)
	anon := e.anonymous()
	resp := e.loginEmail(anon.access, "asha@example.com", true, false)
	require.NotNil(t, resp.JSON200)
	challenge, code := resp.JSON200.Content, *resp.JSON200.Content.OTP
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	for range 3 {
		v := e.verify(anon.access, challenge, wrong)
		wantError(t, 400, storefronttest.CodeInvalidOTP, v.StatusCode(), v.Body, "otp")
	}
	v := e.verify(anon.access, challenge, code)
	wantError(t, 400, storefronttest.CodeTooManyAttempts, v.StatusCode(), v.Body)
}

func TestVerifyOTPFailures(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, err := e.srv.CreateUser(storefronttest.UserParams{Email: "asha@example.com"})
	require.NoError(t, err)
	anon := e.anonymous()
	resp := e.loginEmail(anon.access, "asha@example.com", true, false)
	require.NotNil(t, resp.JSON200)
	challenge := resp.JSON200.Content

	v := e.verify(anon.access, gen.OTPContent{OTPToken: "01JDB3K7P9R1T3V5X7Z9B1D3F5", OTPAction: gen.OTPActionLogin}, "123456")
	wantError(t, 404, storefronttest.CodeNotFound, v.StatusCode(), v.Body)

	mismatched := challenge
	mismatched.OTPAction = gen.OTPActionRegister
	v = e.verify(anon.access, mismatched, *challenge.OTP)
	wantError(t, 400, storefronttest.CodeOTPActionMismatch, v.StatusCode(), v.Body, "otp_action")

	// The failures above did not use the challenge up.
	require.NotNil(t, e.verify(anon.access, challenge, *challenge.OTP).JSON200)
}
