package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
)

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// cannedServer answers every request with status and body, and counts hits.
func cannedServer(t *testing.T, status int, body string) (*httptest.Server, *int) {
	t.Helper()
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func loginRequest(t *testing.T, base string, body string) *http.Request {
	t.Helper()
	req, err := http.NewRequest("POST", base+"/api/v1/s1/storefront/auth/login/password", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testJWT)
	return req
}

func mutateSeed(t *testing.T, op string, mutate func(map[string]any)) string {
	t.Helper()
	var d map[string]any
	require.NoError(t, json.Unmarshal(readSeed(t, op), &d))
	mutate(d)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	return string(b)
}

func TestTransport(t *testing.T) {
	good := string(readSeed(t, "login-with-password"))
	goodRequest := `{"phone":"9876543210","password":"pw"}`
	cases := []struct {
		name      string
		status    int
		answer    string
		request   string
		wantLoc   string
		wantField string
		wantSent  bool
	}{
		{"conforming exchange", 200, good, goodRequest, "", "", true},
		{"declared error status", 404, `{"message":"User not found","success":false,"code":"not_found"}`, goodRequest, "", "", true},
		{"wrong type", 200, mutateSeed(t, "login-with-password", func(d map[string]any) { userOf(d)["is_logged_in"] = "yes" }), goodRequest,
			api.LocBody, "content.user.is_logged_in", true},
		{"missing field", 200, mutateSeed(t, "login-with-password", func(d map[string]any) { delete(d["content"].(map[string]any), "refresh_token") }), goodRequest,
			api.LocBody, "content.refresh_token", true},
		{"undeclared status", 418, `{"message":"teapot","success":false,"code":"teapot"}`, goodRequest, api.LocStatus, "", true},
		{"error envelope without code", 401, `{"message":"nope","success":false}`, goodRequest, api.LocBody, "code", true},
		{"HTML instead of JSON", 200, `<html>oops</html>`, goodRequest, api.LocContentType, "", true},
		{"request missing password", 200, good, `{"phone":"9876543210"}`, api.LocBody, "", false},
	}
	for _, c := range cases {
		for _, mode := range []api.Mode{api.Strict, api.Record} {
			t.Run(c.name+"/"+mode.String(), func(t *testing.T) {
				srv, hits := cannedServer(t, c.status, c.answer)
				if c.name == "HTML instead of JSON" {
					srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
						*hits++
						w.Header().Set("Content-Type", "text/html")
						_, _ = io.WriteString(w, c.answer)
					})
				}
				vt := api.NewTransport(nil, mode)
				client := &http.Client{Transport: vt}
				req := loginRequest(t, srv.URL, c.request)
				resp, err := client.Do(req)

				if c.wantLoc == "" {
					require.NoError(t, err)
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					assert.Equal(t, c.answer, string(body), "the response body must reach the caller intact")
					assert.Empty(t, vt.Violations())
					assert.NoError(t, vt.Err())
					assert.Equal(t, 1, *hits)
					return
				}

				vs := vt.Violations()
				require.NotEmpty(t, vs)
				assert.Equal(t, c.wantLoc, vs[0].Location, "%v", vs)
				if c.wantField != "" {
					var fields []string
					for _, v := range vs {
						fields = append(fields, v.Field)
					}
					assert.Contains(t, fields, c.wantField)
				}
				assert.Equal(t, "login-with-password", vs[0].OperationID)
				assert.Error(t, vt.Err())

				switch mode {
				case api.Strict:
					require.Error(t, err)
					var ve *api.ValidationError
					require.True(t, errors.As(err, &ve), "strict mode fails with *api.ValidationError: %v", err)
					expected := 0
					if c.wantSent {
						expected = 1
					}
					assert.Equal(t, expected, *hits, "a violating request is not sent in strict mode")
				case api.Record:
					require.NoError(t, err)
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					assert.Equal(t, c.answer, string(body))
					assert.Equal(t, 1, *hits)
				}
				vt.Reset()
				assert.Empty(t, vt.Violations())
			})
		}
	}
}

func TestTransportDoesNotModifyTheCallersRequest(t *testing.T) {
	srv, _ := cannedServer(t, 200, string(readSeed(t, "login-with-password")))
	vt := api.NewTransport(nil, api.Strict)
	// Without country_code: kin-openapi would write the "+91" default into a
	// body it validates; the bytes sent must stay the caller's.
	var received []byte
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		received, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(readSeed(t, "login-with-password"))
	})
	req := loginRequest(t, srv.URL, `{"phone":"9876543210","password":"pw"}`)
	hdr := req.Header.Clone()
	resp, err := vt.RoundTrip(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.JSONEq(t, `{"phone":"9876543210","password":"pw"}`, string(received))
	assert.Equal(t, hdr, req.Header)
}

func TestViolationsNeverQuoteValues(t *testing.T) {
	srv, _ := cannedServer(t, 200, "{}")
	vt := api.NewTransport(nil, api.Record)
	secret := "hunter2-very-secret"
	// password must be a string; an object holding the secret is still not quoted.
	req := loginRequest(t, srv.URL, `{"phone":"9876543210","password":{"x":"`+secret+`"}}`)
	resp, err := (&http.Client{Transport: vt}).Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.NotEmpty(t, vt.Violations())
	assert.NotContains(t, vt.Err().Error(), secret)
}

// Record mode gives the caller the answer exactly as it came: a body cut
// short still fails to read, and a body too large to validate arrives
// whole.
func TestRecordModeKeepsTheAnswerAsItCame(t *testing.T) {
	short := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "1000")
		_, _ = io.WriteString(w, `{"message":"ok","success":true,"content":{"user":{"id":"u-1"}}}`)
	}))
	t.Cleanup(short.Close)
	vt := api.NewTransport(nil, api.Record)
	resp, err := (&http.Client{Transport: vt}).Do(getUserRequest(t, short.URL))
	require.NoError(t, err)
	_, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "the truncation reaches the caller")
	require.NotEmpty(t, vt.Violations())
	assert.Contains(t, vt.Violations()[0].Message, "reading the body failed")

	big := `{"message":"ok","success":true,"content":{"user":{"id":"` + strings.Repeat("x", 500) + `"}}}`
	large := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, big)
	}))
	t.Cleanup(large.Close)
	vt = api.NewTransport(nil, api.Record, api.WithMaxBodyBytes(64))
	resp, err = (&http.Client{Transport: vt}).Do(getUserRequest(t, large.URL))
	require.NoError(t, err)
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, big, string(got))
	require.NotEmpty(t, vt.Violations())
	assert.Contains(t, vt.Violations()[0].Message, "larger than 64 bytes")
}

func getUserRequest(t *testing.T, base string) *http.Request {
	t.Helper()
	req, err := http.NewRequest("GET", base+"/api/v1/s1/storefront/auth/user/u-1", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+testJWT)
	return req
}

func TestSyntaxErrorsDoNotQuoteTheBody(t *testing.T) {
	req := loginRequest(t, "http://x", `{"email":"a@b.co","password":"hunter2\q"}`)
	err := api.ValidateRequest(req)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "invalid JSON at byte")
	assert.NotContains(t, err.Error(), "'q'")
}
