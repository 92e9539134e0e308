package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
)

type seen struct {
	route *api.Route
	body  []byte
}

func guarded(t *testing.T) (http.Handler, *[]seen) {
	t.Helper()
	var calls []seen
	h := api.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, ok := api.RouteFromContext(r.Context())
		require.True(t, ok)
		body, _ := io.ReadAll(r.Body)
		calls = append(calls, seen{route, body})
		w.WriteHeader(http.StatusNoContent)
	}))
	return h, &calls
}

func TestMiddleware(t *testing.T) {
	const base = "http://api.test/api/v1/store-1/storefront"
	bearer := http.Header{"Authorization": {"Bearer " + testJWT}, "Content-Type": {"application/json"}}
	cases := []struct {
		name       string
		method     string
		path       string
		header     http.Header
		body       string
		wantStatus int
		wantCode   string
		wantFields []string
	}{
		{"good login", "POST", "/auth/login/password", bearer, `{"phone":"9876543210","password":"pw"}`, 204, "", nil},
		{"good anonymous with key only", "POST", "/auth/anonymous", http.Header{"X-Api-Key": {"key"}}, "", 204, "", nil},
		{"good anonymous with key and bearer", "POST", "/auth/anonymous", http.Header{"X-Api-Key": {"key"}, "Authorization": {"Bearer " + testJWT}}, "", 204, "", nil},
		{"good refresh without credentials", "POST", "/auth/refresh-token", http.Header{"Content-Type": {"application/json"}}, `{"refresh_token":"r"}`, 204, "", nil},
		{"missing required field", "POST", "/auth/register/phone", bearer, `{"phone":"9876543210"}`, 400, "bad_request", []string{"first_name"}},
		{"wrong types", "POST", "/auth/register/phone", bearer, `{"phone":9876543210,"first_name":true}`, 400, "bad_request", []string{"phone", "first_name"}},
		{"bad country code", "POST", "/auth/register/phone", bearer, `{"phone":"9876543210","first_name":"A","country_code":"91"}`, 400, "bad_request", []string{"country_code"}},
		{"bad enum", "POST", "/auth/verify-otp", bearer, `{"otp":"1","otp_token":"t","otp_action":"fly"}`, 400, "bad_request", []string{"otp_action"}},
		{"not JSON", "POST", "/auth/login/password", bearer, `{"phone":`, 400, "bad_request", []string{"body"}},
		{"ambiguous login", "POST", "/auth/login/password", bearer, `{"phone":"9876543210","email":"a@b.co","password":"pw"}`, 400, "bad_request", []string{"body"}},
		{"bad debug header", "POST", "/auth/login/email", http.Header{"Authorization": {"Bearer " + testJWT}, "Content-Type": {"application/json"}, "X-Debug-Mode": {"maybe"}}, `{"email":"a@b.co"}`, 400, "bad_request", []string{"x-debug-mode"}},
		{"missing body", "POST", "/auth/verify-otp", bearer, "", 400, "bad_request", []string{"body"}},
		{"missing bearer", "GET", "/auth/user/u1", nil, "", 401, "unauthorized", nil},
		{"malformed bearer", "GET", "/auth/user/u1", http.Header{"Authorization": {"Bearer not-a-jwt"}}, "", 401, "unauthorized", nil},
		{"basic instead of bearer", "GET", "/auth/user/u1", http.Header{"Authorization": {"Basic dTpw"}}, "", 401, "unauthorized", nil},
		{"missing API key", "POST", "/auth/anonymous", nil, "", 401, "unauthorized", nil},
		{"unknown path", "GET", "/auth/whatever", bearer, "", 404, "not_found", nil},
		{"wrong method", "GET", "/auth/login/password", bearer, "", 405, "method_not_allowed", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, calls := guarded(t)
			req := httptest.NewRequest(c.method, base+c.path, strings.NewReader(c.body))
			for k, v := range c.header {
				req.Header[k] = v
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			require.Equal(t, c.wantStatus, rec.Code, rec.Body.String())
			if c.wantStatus == 204 {
				require.Len(t, *calls, 1)
				return
			}
			assert.Empty(t, *calls, "a rejected request must not reach the handler")
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			var env map[string]any
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &env), rec.Body.String())
			assert.Equal(t, false, env["success"])
			assert.Equal(t, c.wantCode, env["code"])
			assert.NotEmpty(t, env["message"])
			if c.wantFields != nil {
				errs, ok := env["errors"].(map[string]any)
				require.True(t, ok, "400 carries errors: %s", rec.Body.String())
				for _, f := range c.wantFields {
					assert.Contains(t, errs, f)
				}
			}
			if c.wantStatus == 405 {
				assert.Equal(t, "POST", rec.Header().Get("Allow"))
			}
		})
	}
}

func TestMiddlewarePassesRouteAndDefaults(t *testing.T) {
	h, calls := guarded(t)
	req := httptest.NewRequest("POST", "http://x/api/v1/store-9/storefront/auth/register/phone",
		strings.NewReader(`{"phone":"9876543210","first_name":"Asha"}`))
	req.Header.Set("Authorization", "Bearer "+testJWT)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, 204, rec.Code, rec.Body.String())
	got := (*calls)[0]
	assert.Equal(t, "register-with-phone", got.route.OperationID)
	assert.Equal(t, "store-9", got.route.Params["store_id"])
	var body map[string]any
	require.NoError(t, json.Unmarshal(got.body, &body))
	assert.Equal(t, "+91", body["country_code"], "the spec's default reaches the handler")
}

func TestMiddlewareMultipart(t *testing.T) {
	build := func(field string) (*bytes.Buffer, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, err := mw.CreateFormFile(field, "me.png")
		require.NoError(t, err)
		_, _ = fw.Write([]byte("\x89PNG\r\n\x1a\nfake"))
		require.NoError(t, mw.Close())
		return &buf, mw.FormDataContentType()
	}
	for _, c := range []struct {
		field string
		want  int
	}{{"image", 204}, {"picture", 400}} {
		t.Run(c.field, func(t *testing.T) {
			h, _ := guarded(t)
			body, ct := build(c.field)
			req := httptest.NewRequest("POST", "http://x/api/v1/s/storefront/auth/user/u1/profile-image", body)
			req.Header.Set("Content-Type", ct)
			req.Header.Set("Authorization", "Bearer "+testJWT)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, c.want, rec.Code, rec.Body.String())
		})
	}
}
