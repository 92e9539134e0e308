package storefronttest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func TestRegisterWithPhone(t *testing.T) {
	t.Parallel()
	e := setup(t)
	anon := e.anonymous()
	resp, err := e.c.RegisterWithPhoneWithResponse(e.ctx, nil, gen.RegisterWithPhoneJSONRequestBody{
		Phone: "9876543210", FirstName: "Asha", LastName: ptr("Rao"), Email: ptr("Asha@Example.com"),
	}, bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	u := resp.JSON200.Content.User
	assert.Equal(t, anon.userID, u.ID)
	assert.True(t, u.IsLoggedIn)
	assert.False(t, u.IsPhoneVerified, "no OTP was sent")
	assert.Equal(t, "+91", *u.CountryCode)
	assert.Equal(t, "asha@example.com", *u.Email)
	assert.NotNil(t, u.CustomerID)
	assert.True(t, u.CreatedAt.Equal(u.ModifiedAt))
	stored, ok := e.srv.User(u.ID)
	require.True(t, ok)
	assert.Equal(t, "Asha", *stored.FirstName)

	for _, tc := range []struct {
		name  string
		body  gen.RegisterWithPhoneJSONRequestBody
		code  string
		field string
	}{
		{"taken phone", registerPhoneBody("9876543210", "Ravi"), storefronttest.CodeAlreadyExists, "phone"},
		{"taken email", gen.RegisterWithPhoneJSONRequestBody{Phone: "9123456780", FirstName: "Ravi", Email: ptr("asha@example.com")}, storefronttest.CodeAlreadyExists, "email"},
		{"short phone", registerPhoneBody("98765", "Ravi"), storefronttest.CodeBadRequest, "phone"},
		{"empty first name", registerPhoneBody("9123456780", ""), storefronttest.CodeBadRequest, "first_name"},
		{"bad email", gen.RegisterWithPhoneJSONRequestBody{Phone: "9123456780", FirstName: "Ravi", Email: ptr("not-an-email")}, storefronttest.CodeBadRequest, "email"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := e.c.RegisterWithPhoneWithResponse(e.ctx, nil, tc.body, bearer(e.anonymous().access))
			require.NoError(t, err)
			wantError(t, 400, tc.code, resp.StatusCode(), resp.Body, tc.field)
		})
	}
}

func TestRegisterWithEmail(t *testing.T) {
	t.Parallel()
	e := setup(t)
	anon := e.anonymous()
	resp, err := e.c.RegisterWithEmailWithResponse(e.ctx, &gen.RegisterWithEmailParams{XDebugMode: ptr(true)},
		gen.RegisterWithEmailJSONRequestBody{Email: "asha@example.com", FirstName: "Asha", Phone: ptr("9876543210")}, bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	assert.Equal(t, gen.OTPActionRegister, resp.JSON200.Content.OTPAction)
	_, ok := e.srv.User(anon.userID)
	assert.False(t, ok, "nothing is created before the OTP is verified")

	v := e.verify(anon.access, resp.JSON200.Content, *resp.JSON200.Content.OTP)
	require.NotNil(t, v.JSON200, "%s", v.Body)
	u := v.JSON200.Content.User
	assert.Equal(t, anon.userID, u.ID)
	assert.True(t, u.IsEmailVerified)
	assert.False(t, u.IsPhoneVerified)
	assert.Equal(t, "9876543210", *u.Phone)

	resp, err = e.c.RegisterWithEmailWithResponse(e.ctx, nil, gen.RegisterWithEmailJSONRequestBody{Email: "asha@example.com", FirstName: "Ravi"}, bearer(e.anonymous().access))
	require.NoError(t, err)
	wantError(t, 400, storefronttest.CodeAlreadyExists, resp.StatusCode(), resp.Body, "email")
}

func TestRegisterWithWhatsapp(t *testing.T) {
	t.Parallel()
	e := setup(t)
	anon := e.anonymous()
	resp, err := e.c.RegisterWithWhatsappWithResponse(e.ctx, nil, gen.RegisterWithWhatsappJSONRequestBody{Phone: "9876543210", FirstName: "Asha"}, bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	assert.Nil(t, resp.JSON200.Content.OTP)
	code, ok := e.srv.LastOTP("+919876543210")
	require.True(t, ok)
	v := e.verify(anon.access, resp.JSON200.Content, code)
	require.NotNil(t, v.JSON200, "%s", v.Body)
	assert.True(t, v.JSON200.Content.User.IsPhoneVerified)

	resp, err = e.c.RegisterWithWhatsappWithResponse(e.ctx, nil, gen.RegisterWithWhatsappJSONRequestBody{Phone: "9876543210", FirstName: "Ravi"}, bearer(e.anonymous().access))
	require.NoError(t, err)
	wantError(t, 400, storefronttest.CodeAlreadyExists, resp.StatusCode(), resp.Body, "phone")
}

func TestRegisterWithPassword(t *testing.T) {
	t.Parallel()
	e := setup(t)
	anon := e.anonymous()
	resp, err := e.c.RegisterWithPasswordWithBodyWithResponse(e.ctx, &gen.RegisterWithPasswordParams{XDebugMode: ptr(true)}, "application/json",
		jsonReader(`{"phone":"9876543210","password":"pw-123456","confirm_password":"pw-123456"}`), bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	v := e.verify(anon.access, resp.JSON200.Content, *resp.JSON200.Content.OTP)
	require.NotNil(t, v.JSON200, "%s", v.Body)
	assert.Contains(t, v.JSON200.Content.User.LoginMethods, gen.UserLoginMethodsPassword)
	s := e.loginPassword(e.anonymous().access, `{"phone":"9876543210","password":"pw-123456"}`)
	assert.Equal(t, anon.userID, s.userID)

	// With both identifiers, the code goes to the email address.
	resp, err = e.c.RegisterWithPasswordWithBodyWithResponse(e.ctx, nil, "application/json",
		jsonReader(`{"email":"ravi@example.com","phone":"9123456780","password":"pw","confirm_password":"pw"}`), bearer(e.anonymous().access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	_, ok := e.srv.LastOTP("ravi@example.com")
	assert.True(t, ok)

	for _, tc := range []struct {
		name, body, code, field string
	}{
		{"mismatch", `{"email":"x@example.com","password":"pw-1","confirm_password":"pw-2"}`, storefronttest.CodePasswordMismatch, "confirm_password"},
		{"empty", `{"email":"x@example.com","password":"","confirm_password":""}`, storefronttest.CodeBadRequest, "password"},
		{"taken", `{"phone":"9876543210","password":"pw","confirm_password":"pw"}`, storefronttest.CodeAlreadyExists, "phone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := e.c.RegisterWithPasswordWithBodyWithResponse(e.ctx, nil, "application/json", jsonReader(tc.body), bearer(anon.access))
			require.NoError(t, err)
			wantError(t, 400, tc.code, resp.StatusCode(), resp.Body, tc.field)
			assert.NotContains(t, string(resp.Body), "pw-1")
		})
	}
}

func TestRegisterWhileLoggedInGetsNewID(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	resp, err := e.c.RegisterWithPhoneWithResponse(e.ctx, nil, registerPhoneBody("9123456780", "Ravi"), bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	assert.NotEqual(t, s.userID, resp.JSON200.Content.User.ID)
}
