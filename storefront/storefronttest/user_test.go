package storefronttest_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/gen"
	genclient "github.com/commercengine-go/sdk/gen/client"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func TestGetUserDetail(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	other := e.registerPhone("9123456780", "Ravi")

	resp, err := e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200)
	assert.Equal(t, "Asha", *resp.JSON200.Content.User.FirstName)

	for _, id := range []string{other.userID, "01JDB1Y8ZK5Q4M3N2P1R0S9T8V"} {
		resp, err = e.c.GetUserDetailWithResponse(e.ctx, id, bearer(s.access))
		require.NoError(t, err)
		wantError(t, 404, storefronttest.CodeNotFound, resp.StatusCode(), resp.Body)
	}

	anon := e.anonymous()
	resp, err = e.c.GetUserDetailWithResponse(e.ctx, anon.userID, bearer(anon.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "a visitor can read their own anonymous user")
	assert.True(t, resp.JSON200.Content.User.IsAnonymous)
	assert.Empty(t, resp.JSON200.Content.User.LoginMethods)
}

func TestUpdateUser(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.passwordUser("9876543210", "asha@example.com", "pw-123456")
	e.registerPhone("9123456780", "Ravi")
	before, ok := e.srv.User(s.userID)
	require.True(t, ok)
	e.srv.Advance(time.Minute)

	prefs := gen.NotificationPreferences{Newsletter: gen.NotificationChannelPreferences{Email: true}}
	resp, err := e.c.UpdateUserWithResponse(e.ctx, s.userID, gen.UpdateUserJSONRequestBody{
		LastName: ptr("Rao-Menon"), Email: ptr("Asha.Rao@example.com"), NotificationPreferences: &prefs,
	}, bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	u := resp.JSON200.Content.User
	assert.Equal(t, "Asha", *u.FirstName, "omitted fields keep their value")
	assert.Equal(t, "Rao-Menon", *u.LastName)
	assert.Equal(t, "asha.rao@example.com", *u.Email)
	assert.False(t, u.IsEmailVerified, "a new address is unverified")
	assert.True(t, u.IsPhoneVerified, "the phone did not change")
	assert.Equal(t, prefs, u.NotificationPreferences)
	assert.True(t, u.ModifiedAt.After(before.ModifiedAt))
	assert.True(t, u.CreatedAt.Equal(before.CreatedAt))

	for _, tc := range []struct {
		name  string
		body  gen.UpdateUserJSONRequestBody
		code  string
		field string
	}{
		{"taken phone", gen.UpdateUserJSONRequestBody{Phone: ptr("9123456780")}, storefronttest.CodeAlreadyExists, "phone"},
		{"bad phone", gen.UpdateUserJSONRequestBody{Phone: ptr("12")}, storefronttest.CodeBadRequest, "phone"},
		{"empty first name", gen.UpdateUserJSONRequestBody{FirstName: ptr("")}, storefronttest.CodeBadRequest, "first_name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := e.c.UpdateUserWithResponse(e.ctx, s.userID, tc.body, bearer(s.access))
			require.NoError(t, err)
			wantError(t, 400, tc.code, resp.StatusCode(), resp.Body, tc.field)
		})
	}
	resp, err = e.c.UpdateUserWithResponse(e.ctx, "someone-else", gen.UpdateUserJSONRequestBody{FirstName: ptr("X")}, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 404, storefronttest.CodeNotFound, resp.StatusCode(), resp.Body)
	anon := e.anonymous()
	resp, err = e.c.UpdateUserWithResponse(e.ctx, anon.userID, gen.UpdateUserJSONRequestBody{FirstName: ptr("X")}, bearer(anon.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeLoginRequired, resp.StatusCode(), resp.Body)
}

func TestDeleteUser(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	other := e.registerPhone("9123456780", "Ravi")

	resp, err := e.c.DeleteUserWithResponse(e.ctx, other.userID, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 404, storefronttest.CodeNotFound, resp.StatusCode(), resp.Body)

	resp, err = e.c.DeleteUserWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	assert.True(t, resp.JSON200.Success)
	_, ok := e.srv.User(s.userID)
	assert.False(t, ok)

	detail, err := e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUnauthorized, detail.StatusCode(), detail.Body)
	r := e.refresh(s.refresh)
	wantError(t, 401, storefronttest.CodeUnauthorized, r.StatusCode(), r.Body)

	// The number is free again; the ID is not reused.
	again := e.registerPhone("9876543210", "Asha")
	assert.NotEqual(t, s.userID, again.userID)
}

func TestDeactivateUser(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	anon := e.anonymous()
	resp, err := e.c.DeactivateUserWithResponse(e.ctx, anon.userID, bearer(anon.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeLoginRequired, resp.StatusCode(), resp.Body)

	resp, err = e.c.DeactivateUserWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, resp.JSON200, "%s", resp.Body)
	detail, err := e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUnauthorized, detail.StatusCode(), detail.Body)

	// The number stays taken.
	reg, err := e.c.RegisterWithPhoneWithResponse(e.ctx, nil, registerPhoneBody("9876543210", "Ravi"), bearer(e.anonymous().access))
	require.NoError(t, err)
	wantError(t, 400, storefronttest.CodeAlreadyExists, reg.StatusCode(), reg.Body, "phone")
}

func TestCheckVerificationStatusNeedsAToken(t *testing.T) {
	t.Parallel()
	e := setup(t)
	status, _, body := e.raw(http.MethodPost, "/auth/verified-email-phone", nil, `{"phone":["9876543210"]}`)
	wantError(t, 401, storefronttest.CodeUnauthorized, status, body)
	st := e.checkStatus(e.anonymous().access, nil, nil)
	assert.NotNil(t, st.VerifiedPhone)
	assert.NotNil(t, st.VerifiedEmail)
}

func TestProfileImage(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	get := func() *genclient.GetProfileImageResponse {
		t.Helper()
		r, err := e.c.GetProfileImageWithResponse(e.ctx, s.userID, bearer(s.access))
		require.NoError(t, err)
		return r
	}
	r := get()
	wantError(t, 404, storefronttest.CodeNotFound, r.StatusCode(), r.Body)

	ct, body := imageForm(t, "image", pngBytes)
	upd, err := e.c.UpdateProfileImageWithBodyWithResponse(e.ctx, s.userID, ct, body, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 404, storefronttest.CodeNotFound, upd.StatusCode(), upd.Body)

	ct, body = imageForm(t, "image", []byte("plain text, not an image"))
	add, err := e.c.AddProfileImageWithBodyWithResponse(e.ctx, s.userID, ct, body, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 400, storefronttest.CodeBadRequest, add.StatusCode(), add.Body, "image")

	ct, body = imageForm(t, "image", pngBytes)
	add, err = e.c.AddProfileImageWithBodyWithResponse(e.ctx, s.userID, ct, body, bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, add.JSON200, "%s", add.Body)
	first := *add.JSON200.Content.ProfileImageURL
	assert.Contains(t, first, s.userID)
	assert.Contains(t, first, ".png")
	r = get()
	require.NotNil(t, r.JSON200)
	assert.Equal(t, first, *r.JSON200.Content.ProfileImageURL)
	detail, err := e.c.GetUserDetailWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	assert.Equal(t, first, *detail.JSON200.Content.User.ProfileImageURL)

	ct, body = imageForm(t, "image", pngBytes)
	upd, err = e.c.UpdateProfileImageWithBodyWithResponse(e.ctx, s.userID, ct, body, bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, upd.JSON200, "%s", upd.Body)
	assert.NotEqual(t, first, *upd.JSON200.Content.ProfileImageURL)

	// update-profile-image without an image (the spec lets it out): nothing to update.
	ct, body = emptyForm(t)
	upd, err = e.c.UpdateProfileImageWithBodyWithResponse(e.ctx, s.userID, ct, body, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 400, storefronttest.CodeBadRequest, upd.StatusCode(), upd.Body, "image")

	rm, err := e.c.RemoveProfileImageWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	require.NotNil(t, rm.JSON200, "%s", rm.Body)
	rm, err = e.c.RemoveProfileImageWithResponse(e.ctx, s.userID, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 404, storefronttest.CodeNotFound, rm.StatusCode(), rm.Body)
	r = get()
	wantError(t, 404, storefronttest.CodeNotFound, r.StatusCode(), r.Body)

	// add-profile-image requires the image part (the spec says so).
	ct, body = emptyForm(t)
	status, _, raw := e.raw(http.MethodPost, "/auth/user/"+s.userID+"/profile-image",
		http.Header{"Authorization": {"Bearer " + s.access}, "Content-Type": {ct}}, readAll(t, body))
	wantError(t, 400, storefronttest.CodeBadRequest, status, raw, "image")

	// Another user's image is not reachable.
	other := e.registerPhone("9123456780", "Ravi")
	r2, err := e.c.GetProfileImageWithResponse(e.ctx, other.userID, bearer(s.access))
	require.NoError(t, err)
	wantError(t, 404, storefronttest.CodeNotFound, r2.StatusCode(), r2.Body)
}

func TestCreateUser(t *testing.T) {
	t.Parallel()
	srv := storefronttest.New()
	info, err := srv.CreateUser(storefronttest.UserParams{ID: "user-1", FirstName: "Asha", Phone: "9876543210", CountryCode: "+44", PhoneVerified: true, EmailVerified: true})
	require.NoError(t, err)
	assert.Equal(t, "user-1", info.ID)
	assert.NotEmpty(t, info.CustomerID)
	u, ok := srv.User("user-1")
	require.True(t, ok)
	assert.Equal(t, "+44", *u.CountryCode)
	assert.True(t, u.IsPhoneVerified)
	assert.False(t, u.IsEmailVerified, "no email address to verify")
	assert.False(t, u.IsLoggedIn)
	assert.False(t, u.IsAnonymous)
	_, ok = srv.User("user-2")
	assert.False(t, ok)

	for name, p := range map[string]storefronttest.UserParams{
		"no identifier":      {FirstName: "Asha"},
		"taken ID":           {ID: "user-1", Email: "other@example.com"},
		"taken phone":        {Phone: "9876543210", CountryCode: "+44"},
		"short phone":        {Phone: "98765"},
		"bad country code":   {Phone: "9123456780", CountryCode: "44"},
		"bad email":          {Email: "asha"},
		"taken email (case)": {Email: "X@example.com"},
	} {
		if name == "taken email (case)" {
			_, err := srv.CreateUser(storefronttest.UserParams{Email: "x@example.com"})
			require.NoError(t, err)
		}
		_, err := srv.CreateUser(p)
		assert.Error(t, err, name)
	}
	// The same national number in another country is another phone.
	_, err = srv.CreateUser(storefronttest.UserParams{Phone: "9876543210"})
	assert.NoError(t, err)
}
