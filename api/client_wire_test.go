package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/gen"
	genclient "github.com/commercengine-go/sdk/gen/client"
)

type wireRequest struct {
	Method  string
	Path    string
	Header  http.Header
	Body    []byte
	Invalid error // the request's violations of the spec
}

// recordingServer answers every request with the seed login answer and
// records what it received.
func recordingServer(t *testing.T) (*httptest.Server, *[]wireRequest) {
	t.Helper()
	var got []wireRequest
	answer := readSeed(t, "login-with-password")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytesReader(body))
		got = append(got, wireRequest{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body, Invalid: api.ValidateRequest(r)})
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(answer)
	}))
	t.Cleanup(srv.Close)
	return srv, &got
}

// TestGeneratedClientLoginBytes checks what the generated client really
// sends for both branches of the login-with-password union.
func TestGeneratedClientLoginBytes(t *testing.T) {
	phone := gen.LoginWithPasswordPhone{Phone: "9876543210", Password: "correct-horse", CountryCode: ptr("+91")}
	email := gen.LoginWithPasswordEmail{Email: "asha.rao@example.com", Password: "correct-horse"}
	cases := []struct {
		name string
		body func() (gen.LoginWithPasswordBody, error)
		want map[string]any
	}{
		{"phone", func() (b gen.LoginWithPasswordBody, err error) { return b, b.FromLoginWithPasswordPhone(phone) },
			map[string]any{"phone": "9876543210", "password": "correct-horse", "country_code": "+91"}},
		{"email", func() (b gen.LoginWithPasswordBody, err error) { return b, b.FromLoginWithPasswordEmail(email) },
			map[string]any{"email": "asha.rao@example.com", "password": "correct-horse"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, got := recordingServer(t)
			base := srv.URL + "/api/v1/store-42/storefront"
			client, err := genclient.NewClientWithResponses(base, genclient.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
				r.Header.Set("Authorization", "Bearer "+testJWT)
				return nil
			}))
			require.NoError(t, err)
			body, err := c.body()
			require.NoError(t, err)

			resp, err := client.LoginWithPasswordWithResponse(context.Background(), body)
			require.NoError(t, err)
			require.Equal(t, 200, resp.StatusCode())
			require.NotNil(t, resp.JSON200)
			assert.Equal(t, "01JDB1Y8ZK5Q4M3N2P1R0S9T8V", resp.JSON200.Content.User.ID)

			require.Len(t, *got, 1)
			w := (*got)[0]
			assert.Equal(t, "POST", w.Method)
			assert.Equal(t, "/api/v1/store-42/storefront/auth/login/password", w.Path)
			assert.Equal(t, "application/json", w.Header.Get("Content-Type"))
			assert.Equal(t, "Bearer "+testJWT, w.Header.Get("Authorization"))
			var sent map[string]any
			require.NoError(t, json.Unmarshal(w.Body, &sent), "body %q", w.Body)
			assert.Equal(t, c.want, sent)
			assert.NoError(t, w.Invalid, "the request violates the spec")
		})
	}
}

func ptr[T any](v T) *T { return &v }
