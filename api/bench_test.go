package api_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/commercengine-go/sdk/api"
)

// BenchmarkValidate measures the validator alone on get-user-detail and
// login-with-password exchanges (no network), to show where validation
// time goes.
func BenchmarkValidate(b *testing.B) {
	login, err := os.ReadFile(filepath.Join("testdata", "seeds", "login-with-password.json"))
	if err != nil {
		b.Fatal(err)
	}
	v := api.NewValidator()
	getReq := func() *http.Request {
		r := httptest.NewRequest("GET", "http://127.0.0.1/api/v1/s/storefront/auth/user/u1", nil)
		r.Header.Set("Authorization", "Bearer "+testJWT)
		return r
	}
	loginReq := func() *http.Request {
		r := httptest.NewRequest("POST", "http://127.0.0.1/api/v1/s/storefront/auth/login/password",
			bytes.NewReader([]byte(`{"phone":"9876543210","password":"correct-horse"}`)))
		r.Header.Set("Authorization", "Bearer "+testJWT)
		r.Header.Set("Content-Type", "application/json")
		return r
	}
	resp := func() *http.Response {
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(bytes.NewReader(login))}
	}
	b.Run("request/get-user-detail", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := v.ValidateRequest(getReq()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("request/login-with-password", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := v.ValidateRequest(loginReq()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("response/login-with-password", func(b *testing.B) {
		req := loginReq()
		b.ReportAllocs()
		for b.Loop() {
			if err := v.ValidateResponse(req, resp()); err != nil {
				b.Fatal(err)
			}
		}
	})
}
