package api_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
)

// kinAcceptsRequestBody is kin-openapi's own verdict on body as the JSON
// request body of the operation at path: decoded by openapi3filter's JSON
// body decoder and visited as a request, as the validator's slow path does.
func kinAcceptsRequestBody(t *testing.T, path, body string) bool {
	t.Helper()
	item := api.Spec().Paths.Find(path)
	require.NotNil(t, item, path)
	schema := item.Post.RequestBody.Value.Content.Get("application/json").Schema
	value, err := openapi3filter.JSONBodyDecoder(strings.NewReader(body), http.Header{}, schema, nil)
	if err != nil {
		return false
	}
	return schema.Value.VisitJSON(value, openapi3.VisitAsRequest(), openapi3.MultiErrors(),
		openapi3.WithStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail))) == nil
}

// TestValidateRequestAndMiddlewareAgreeWithKin sends bodies whose verdict
// turns on how kin-openapi decodes JSON (the last of duplicate keys wins, a
// lone surrogate becomes U+FFFD, numbers beyond float64 pass where no
// schema looks at them) through ValidateRequest, whose fast path reads the
// bytes, and through Middleware, which always asks kin-openapi: both must
// give kin-openapi's verdict.
func TestValidateRequestAndMiddlewareAgreeWithKin(t *testing.T) {
	const base = "http://api.test/api/v1/store-1/storefront"
	cases := []struct{ name, path, body string }{
		// A duplicate key inside oneOf: the phone branch matches the last
		// "phone", so both branches match and kin-openapi refuses.
		{"duplicate key makes oneOf ambiguous", "/auth/login/password",
			`{"email":"a@example.com","password":"pw","phone":1,"phone":"9876543210"}`},
		// A lone surrogate in the email: decoded to U+FFFD, still an email.
		{"lone surrogate makes oneOf ambiguous", "/auth/login/password",
			`{"phone":"9876543210","password":"pw","email":"a\ud800@example.com"}`},
		{"duplicate key, last one wrong", "/auth/login/password",
			`{"phone":"9876543210","password":"pw","phone":1}`},
		{"duplicate key, last one right", "/auth/login/password",
			`{"phone":1,"password":"pw","phone":"9876543210"}`},
		{"escaped key", "/auth/login/password",
			`{"ph\u006fne":"9876543210","password":"pw"}`},
		{"escaped key makes oneOf ambiguous", "/auth/login/password",
			`{"phone":"9876543210","password":"pw","em\u0061il":"a@example.com"}`},
		{"invalid UTF-8 in a value", "/auth/login/password",
			"{\"phone\":\"98765\xff43210\",\"password\":\"pw\"}"},
		{"invalid UTF-8 in an email", "/auth/login/password",
			"{\"email\":\"a\xff@example.com\",\"password\":\"pw\"}"},
		{"number beyond float64 in an unknown field", "/auth/login/password",
			`{"phone":"9876543210","password":"pw","extra":1e400}`},
		{"number beyond float64 makes oneOf ambiguous", "/auth/login/password",
			`{"phone":"9876543210","password":"pw","email":"a@example.com","n":1e400}`},
		{"trailing data", "/auth/login/password",
			`{"phone":"9876543210","password":"pw"} {}`},
		{"duplicate required field", "/auth/register/phone",
			`{"phone":"9876543210","first_name":"A","first_name":null}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kin := kinAcceptsRequestBody(t, c.path, c.body)
			newReq := func() *http.Request {
				req := httptest.NewRequest("POST", base+c.path, strings.NewReader(c.body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+testJWT)
				return req
			}
			err := api.ValidateRequest(newReq())
			assert.Equal(t, kin, err == nil, "ValidateRequest: kin-openapi accepts: %v; error: %v", kin, err)

			h, _ := guarded(t)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, newReq())
			want := http.StatusBadRequest
			if kin {
				want = http.StatusNoContent
			}
			assert.Equal(t, want, rec.Code, "Middleware: %s", bytes.TrimSpace(rec.Body.Bytes()))
		})
	}
}

// TestFastPathDefersToARegisteredBodyDecoder: the fast path mirrors
// openapi3filter's own JSON decoder; with another one registered for the
// media type, kin-openapi decides.
func TestFastPathDefersToARegisteredBodyDecoder(t *testing.T) {
	refuse := func(io.Reader, http.Header, *openapi3.SchemaRef, openapi3filter.EncodingFn) (any, error) {
		return nil, errors.New("this decoder refuses every body")
	}
	openapi3filter.RegisterBodyDecoder("application/json", refuse)
	t.Cleanup(func() { openapi3filter.RegisterBodyDecoder("application/json", openapi3filter.JSONBodyDecoder) })

	req := httptest.NewRequest("POST", "http://api.test/api/v1/s/storefront/auth/login/password",
		strings.NewReader(`{"phone":"9876543210","password":"pw"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testJWT)
	assert.Error(t, api.ValidateRequest(req), "the registered decoder refuses the body")
}
