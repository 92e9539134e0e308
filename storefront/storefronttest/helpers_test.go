package storefronttest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/gen"
	genclient "github.com/commercengine-go/sdk/gen/client"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// env is a server and a generated client whose every exchange is validated
// against the spec; the test fails at cleanup if any exchange broke it.
type env struct {
	t   *testing.T
	srv *storefronttest.Server
	vt  *api.Transport
	c   *genclient.ClientWithResponses
	ctx context.Context
}

func setup(t *testing.T, opts ...storefronttest.Option) *env {
	t.Helper()
	srv := storefronttest.NewServer(opts...)
	t.Cleanup(srv.Close)
	vt := api.NewTransport(nil, api.Strict)
	c, err := genclient.NewClientWithResponses(srv.BaseURL(), genclient.WithHTTPClient(&http.Client{Transport: vt}))
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, vt.Err(), "an exchange broke the spec") })
	return &env{t: t, srv: srv, vt: vt, c: c, ctx: context.Background()}
}

func bearer(token string) genclient.RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	}
}

func apiKey(key string) genclient.RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		req.Header.Set("X-Api-Key", key)
		return nil
	}
}

func ptr[T any](v T) *T { return &v }

func jsonBody(t *testing.T, v any) io.Reader {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return bytes.NewReader(b)
}

// session is a token pair and the user it is for.
type session struct {
	userID, access, refresh string
}

// anonymous starts an anonymous session.
func (e *env) anonymous() session {
	e.t.Helper()
	resp, err := e.c.GetAnonymousTokenWithResponse(e.ctx, apiKey(e.srv.APIKey()))
	require.NoError(e.t, err)
	require.NotNil(e.t, resp.JSON200, "status %d: %s", resp.StatusCode(), resp.Body)
	c := resp.JSON200.Content
	return session{userID: c.User.ID, access: c.AccessToken, refresh: c.RefreshToken}
}

// registerPhone registers a user with a phone number from a new anonymous
// session and returns the logged-in session.
func (e *env) registerPhone(phone, firstName string) session {
	e.t.Helper()
	anon := e.anonymous()
	resp, err := e.c.RegisterWithPhoneWithResponse(e.ctx, nil, gen.RegisterWithPhoneJSONRequestBody{Phone: phone, FirstName: firstName}, bearer(anon.access))
	require.NoError(e.t, err)
	require.NotNil(e.t, resp.JSON200, "status %d: %s", resp.StatusCode(), resp.Body)
	c := resp.JSON200.Content
	return session{userID: c.User.ID, access: c.AccessToken, refresh: c.RefreshToken}
}

// passwordUser creates a user with a phone number, an email address and a
// password, and logs it in.
func (e *env) passwordUser(phone, email, password string) session {
	e.t.Helper()
	_, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Phone: phone, Email: email, Password: password, PhoneVerified: true, EmailVerified: true})
	require.NoError(e.t, err)
	return e.loginPassword(e.anonymous().access, `{"email":"`+email+`","password":"`+password+`"}`)
}

func (e *env) loginPassword(access, body string) session {
	e.t.Helper()
	resp, err := e.c.LoginWithPasswordWithBodyWithResponse(e.ctx, "application/json", strings.NewReader(body), bearer(access))
	require.NoError(e.t, err)
	require.NotNil(e.t, resp.JSON200, "status %d: %s", resp.StatusCode(), resp.Body)
	c := resp.JSON200.Content
	return session{userID: c.User.ID, access: c.AccessToken, refresh: c.RefreshToken}
}

// verify completes an OTP challenge.
func (e *env) verify(access string, otp gen.OTPContent, code string) *genclient.VerifyOTPResponse {
	e.t.Helper()
	resp, err := e.c.VerifyOTPWithResponse(e.ctx, gen.VerifyOTPJSONRequestBody{OTP: code, OTPToken: otp.OTPToken, OTPAction: otp.OTPAction}, bearer(access))
	require.NoError(e.t, err)
	return resp
}

// wantError asserts an error answer: its status, and the envelope's code
// and, when given, the fields its errors object names.
func wantError(t *testing.T, status int, code string, gotStatus int, body []byte, fields ...string) {
	t.Helper()
	require.Equal(t, status, gotStatus, "body: %s", body)
	var env struct {
		Message *string        `json:"message"`
		Success *bool          `json:"success"`
		Code    *string        `json:"code"`
		Errors  map[string]any `json:"errors"`
	}
	require.NoError(t, json.Unmarshal(body, &env), "body: %s", body)
	require.NotNil(t, env.Message, "message")
	require.NotNil(t, env.Success, "success")
	require.NotNil(t, env.Code, "code")
	assert.False(t, *env.Success)
	assert.Equal(t, code, *env.Code, "message: %s", *env.Message)
	for _, f := range fields {
		assert.Contains(t, env.Errors, f)
	}
}

// imageForm builds a multipart body with an "image" part.
func imageForm(t *testing.T, field string, data []byte) (string, io.Reader) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile(field, "avatar.png")
	require.NoError(t, err)
	_, err = fw.Write(data)
	require.NoError(t, err)
	require.NoError(t, mw.Close())
	return mw.FormDataContentType(), &buf
}

// emptyForm builds a multipart body without parts.
func emptyForm(t *testing.T) (string, io.Reader) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	require.NoError(t, mw.Close())
	return mw.FormDataContentType(), &buf
}

// pngBytes is the start of a PNG file: enough for content sniffing.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00")

// raw sends a request without the validating transport, for requests the
// spec forbids, and returns the status, the headers and the body.
func (e *env) raw(method, path string, h http.Header, body string) (int, http.Header, []byte) {
	e.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(e.ctx, method, e.srv.BaseURL()+path, r)
	require.NoError(e.t, err)
	for k, v := range h {
		req.Header[k] = v
	}
	if body != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := e.srv.Client().Do(req)
	require.NoError(e.t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(e.t, err)
	return resp.StatusCode, resp.Header, data
}

func authHeader(token string) http.Header {
	return http.Header{"Authorization": {"Bearer " + token}}
}

func registerPhoneBody(phone, firstName string) gen.RegisterWithPhoneJSONRequestBody {
	return gen.RegisterWithPhoneJSONRequestBody{Phone: phone, FirstName: firstName}
}

func jsonReader(s string) io.Reader { return strings.NewReader(s) }

func readAll(t *testing.T, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	require.NoError(t, err)
	return string(b)
}
