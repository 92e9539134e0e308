package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/gen"
)

const testJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1bGlkIjoidTEifQ.c2ln"

// envelope is the API's success envelope around an operation's content.
type envelope[T any] struct {
	Content T      `json:"content"`
	Message string `json:"message"`
	Success bool   `json:"success"`
}

type seedCase struct {
	op     string
	method string
	path   string
	decode func(t *testing.T, body []byte)
}

var seedCases = []seedCase{
	{"get-anonymous-token", "POST", "/auth/anonymous", func(t *testing.T, body []byte) {
		var r envelope[gen.AnonymousUserContent]
		require.NoError(t, json.Unmarshal(body, &r))
		assert.True(t, r.Success)
		assert.Equal(t, "01JDB1Y8ZK5Q4M3N2P1R0S9T8V", r.Content.User.ID)
		assert.True(t, r.Content.User.IsAnonymous)
		assert.Nil(t, r.Content.User.Email)
		assert.Equal(t, 2026, r.Content.User.CreatedAt.Year())
		assert.NotEmpty(t, r.Content.AccessToken)
		assert.NotEmpty(t, r.Content.RefreshToken)
	}},
	{"register-with-phone", "POST", "/auth/register/phone", func(t *testing.T, body []byte) {
		var r envelope[gen.RegisterWithPhoneContent]
		require.NoError(t, json.Unmarshal(body, &r))
		u := r.Content.User
		assert.Equal(t, "9876543210", *u.Phone)
		assert.Equal(t, "+91", *u.CountryCode)
		assert.True(t, u.IsLoggedIn)
		assert.Equal(t, []gen.UserLoginMethods{gen.UserLoginMethodsPhone}, u.LoginMethods)
		assert.True(t, u.NotificationPreferences.Transactional.SMS)
		assert.False(t, u.NotificationPreferences.Promotional.Whatsapp)
		assert.NotEmpty(t, r.Content.AccessToken)
	}},
	{"login-with-password", "POST", "/auth/login/password", func(t *testing.T, body []byte) {
		var r envelope[gen.LoginWithPasswordContent]
		require.NoError(t, json.Unmarshal(body, &r))
		u := r.Content.User
		assert.Equal(t, "asha.rao@example.com", *u.Email)
		assert.Equal(t, "https://cdn.example.com/u/01JDB1Y8ZK5Q4M3N2P1R0S9T8V.png", *u.ProfileImageURL)
		assert.Len(t, u.LoginMethods, 3)
		assert.Equal(t, 345000000, u.ModifiedAt.Nanosecond())
	}},
}

func readSeed(t *testing.T, op string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "seeds", op+".json"))
	require.NoError(t, err)
	return b
}

// validateSeedResponse validates body as the 200 answer of the seed's operation.
func validateSeedResponse(t *testing.T, c seedCase, body []byte) error {
	t.Helper()
	req := httptest.NewRequest(c.method, "http://127.0.0.1/api/v1/store/storefront"+c.path, nil)
	resp := &http.Response{
		StatusCode: 200,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(bytes.NewReader(body)),
	}
	err := api.ValidateResponse(req, resp)
	restored, rerr := io.ReadAll(resp.Body)
	require.NoError(t, rerr)
	assert.Equal(t, body, restored, "the body must be restored for the caller")
	return err
}

func TestSeedExamplesValidateAndDecode(t *testing.T) {
	for _, c := range seedCases {
		t.Run(c.op, func(t *testing.T) {
			body := readSeed(t, c.op)
			require.NoError(t, validateSeedResponse(t, c, body))
			c.decode(t, body)
		})
	}
}

// TestSeedBreakagesAreRejected removes each required field and gives each
// field a wrong type, one at a time, and expects a violation naming it.
func TestSeedBreakagesAreRejected(t *testing.T) {
	for _, c := range seedCases {
		t.Run(c.op, func(t *testing.T) {
			var doc map[string]any
			require.NoError(t, json.Unmarshal(readSeed(t, c.op), &doc))
			user := doc["content"].(map[string]any)["user"].(map[string]any)

			type breakage struct {
				field  string // dotted path expected in the violation
				mutate func(doc map[string]any)
			}
			var cases []breakage
			for _, f := range []string{"message", "success", "content"} {
				cases = append(cases, breakage{f, func(d map[string]any) { delete(d, f) }})
			}
			for _, f := range []string{"user", "access_token", "refresh_token"} {
				cases = append(cases, breakage{"content." + f, func(d map[string]any) {
					delete(d["content"].(map[string]any), f)
				}})
			}
			for f := range user {
				cases = append(cases, breakage{"content.user." + f, func(d map[string]any) {
					delete(d["content"].(map[string]any)["user"].(map[string]any), f)
				}})
			}
			cases = append(cases,
				breakage{"success", func(d map[string]any) { d["success"] = "true" }},
				breakage{"content.access_token", func(d map[string]any) { d["content"].(map[string]any)["access_token"] = 42 }},
				breakage{"content.user.id", func(d map[string]any) { userOf(d)["id"] = 7 }},
				breakage{"content.user.is_anonymous", func(d map[string]any) { userOf(d)["is_anonymous"] = "no" }},
				breakage{"content.user.is_logged_in", func(d map[string]any) { userOf(d)["is_logged_in"] = nil }},
				breakage{"content.user.created_at", func(d map[string]any) { userOf(d)["created_at"] = "yesterday" }},
			)
			if c.op != "get-anonymous-token" {
				cases = append(cases,
					breakage{"content.user.login_methods.0", func(d map[string]any) { userOf(d)["login_methods"] = []any{"carrier-pigeon"} }},
					breakage{"content.user.notification_preferences.transactional.sms", func(d map[string]any) {
						userOf(d)["notification_preferences"].(map[string]any)["transactional"].(map[string]any)["sms"] = "yes"
					}},
					breakage{"content.user.email", func(d map[string]any) { userOf(d)["email"] = "not an email" }},
				)
			}

			for _, b := range cases {
				t.Run(b.field, func(t *testing.T) {
					var d map[string]any
					require.NoError(t, json.Unmarshal(readSeed(t, c.op), &d))
					b.mutate(d)
					body, err := json.Marshal(d)
					require.NoError(t, err)
					err = validateSeedResponse(t, c, body)
					require.Error(t, err)
					var ve *api.ValidationError
					require.True(t, errors.As(err, &ve))
					var fields []string
					for _, v := range ve.Violations {
						assert.Equal(t, c.op, v.OperationID)
						assert.Equal(t, api.InResponse, v.In)
						assert.Equal(t, api.LocBody, v.Location)
						fields = append(fields, v.Field)
					}
					assert.Contains(t, fields, b.field, "violations: %v", ve.Violations)
				})
			}
		})
	}
}

func userOf(d map[string]any) map[string]any {
	return d["content"].(map[string]any)["user"].(map[string]any)
}

// TestSeedRequestFields checks the seeded request bodies field by field
// against their documentation pages.
func TestSeedRequestFields(t *testing.T) {
	doc := api.Spec()

	reg := doc.Paths.Find("/auth/register/phone").Post.RequestBody.Value.Content.Get("application/json").Schema.Value
	assert.ElementsMatch(t, []string{"phone", "first_name"}, reg.Required)
	assert.Len(t, reg.Properties, 5)
	cc := reg.Properties["country_code"].Value
	assert.Equal(t, "+91", cc.Default)
	assert.False(t, cc.Nullable)
	for _, f := range []string{"last_name", "email"} {
		assert.True(t, reg.Properties[f].Value.Nullable, f)
		assert.Empty(t, reg.Properties[f].Value.Format, f)
	}
	assert.Equal(t, "10 digit phone number without country code.", reg.Properties["phone"].Value.Description)

	login := doc.Components.Schemas["LoginWithPasswordBody"].Value
	require.Len(t, login.OneOf, 2)
	phone := login.OneOf[0].Value
	assert.ElementsMatch(t, []string{"phone", "password"}, phone.Required)
	assert.Equal(t, "+91", phone.Properties["country_code"].Value.Default)
	assert.Equal(t, "The password associated with the user's account.", phone.Properties["password"].Value.Description)
	email := login.OneOf[1].Value
	assert.ElementsMatch(t, []string{"email", "password"}, email.Required)

	anon := doc.Paths.Find("/auth/anonymous").Post
	assert.Nil(t, anon.RequestBody, "get-anonymous-token takes no body")
}
