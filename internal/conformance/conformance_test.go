package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

const (
	testEmail    = "asha.rao@example.com"
	testPhone    = "9876543210"
	testPassword = "correct-horse-battery"
)

var allOps = append(append([]string{OpGetAnonymousToken, OpRefreshToken}, readOnly...), OpLoginWithPassword, OpGetUserDetail, OpLogout)

// fake starts a fake API with a test account and returns it with the
// environment that points a run at it.
func fake(t *testing.T) (*storefronttest.Server, storefronttest.UserInfo, map[string]string) {
	t.Helper()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	user, err := srv.CreateUser(storefronttest.UserParams{
		FirstName: "Asha", LastName: "Rao", Email: testEmail, Phone: testPhone,
		Password: testPassword, EmailVerified: true, PhoneVerified: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return srv, user, map[string]string{
		EnvStoreID:      srv.StoreID(),
		EnvAPIKey:       srv.APIKey(),
		EnvBaseURL:      srv.BaseURL(),
		EnvTestEmail:    testEmail,
		EnvTestPassword: testPassword,
	}
}

// runEnv runs a check configured by env and returns its report and text.
func runEnv(t *testing.T, env map[string]string) (*Report, string) {
	t.Helper()
	cfg, err := ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	// The spec is parsed and compiled once per process, on first use: a
	// slow machine spends seconds there, which is not the run's time.
	api.Spec()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r, err := Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	for _, secret := range []string{env[EnvAPIKey], env[EnvTestPassword], env[EnvTestEmail], env[EnvTestPhone]} {
		if secret != "" && strings.Contains(text, secret) {
			t.Errorf("the report holds the secret %q:\n%s", secret, text)
		}
	}
	return r, text
}

// squeeze collapses the runs of spaces that align the report's columns, so
// that expectations do not depend on the width of the longest operation.
func squeeze(s string) string { return spaces.ReplaceAllString(s, " ") }

var spaces = regexp.MustCompile(` {2,}`)

// contains reports whether the report text holds want, columns aside.
func contains(text, want string) bool { return strings.Contains(squeeze(text), squeeze(want)) }

func operations(r *Report) []string {
	var ops []string
	for _, res := range r.Results {
		ops = append(ops, res.Operation)
	}
	return ops
}

func TestSkippedWithoutCredentials(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		env    map[string]string
		reason string
	}{
		{"nothing set", nil, "CE_STORE_ID and CE_API_KEY are not set"},
		{"no API key", map[string]string{EnvStoreID: "store", EnvTestEmail: testEmail, EnvTestPassword: testPassword}, "CE_API_KEY is not set"},
		{"no store", map[string]string{EnvAPIKey: "key", EnvBaseURL: "http://127.0.0.1:1"}, "CE_STORE_ID is not set"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, text := runEnv(t, tt.env)
			if !r.Skipped || r.Reason != tt.reason || len(r.Results) != 0 {
				t.Errorf("Skipped %v, Reason %q, %d results; want skipped because %q", r.Skipped, r.Reason, len(r.Results), tt.reason)
			}
			if !r.OK() {
				t.Error("a skipped run is not OK")
			}
			want := "Live conformance check skipped: " + tt.reason + ".\nTo run it, set CE_STORE_ID and CE_API_KEY"
			if !strings.HasPrefix(text, want) {
				t.Errorf("report:\n%s\nwant it to start with:\n%s", text, want)
			}
		})
	}
}

func TestConformingFakeServer(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		login map[string]string // the test account's variables
	}{
		{"email login", map[string]string{EnvTestEmail: testEmail}},
		{"phone login", map[string]string{EnvTestEmail: "", EnvTestPhone: testPhone, EnvTestCountryCode: "+91"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, _, env := fake(t)
			for k, v := range tt.login {
				env[k] = v
			}
			r, text := runEnv(t, env)
			if !slices.Equal(operations(r), allOps) {
				t.Fatalf("operations %v, want %v\n%s", operations(r), allOps, text)
			}
			for _, res := range r.Results {
				if res.Outcome != OK || res.Status != 200 || len(res.Violations) != 0 || res.Error != "" {
					t.Errorf("%s: %+v, want ok with status 200", res.Operation, res)
				}
			}
			if !r.OK() {
				t.Errorf("report not OK:\n%s", text)
			}
			for _, op := range allOps {
				if n := srv.Calls(op); n != 1 {
					t.Errorf("the fake got %d calls of %s, want 1", n, op)
				}
			}
			for _, s := range []string{
				"Live conformance check of " + srv.BaseURL() + "\nagainst openapi.yaml 1.0.0 with SDK " + storefront.Version + "\n",
				"OPERATION STATUS RESULT\nget-anonymous-token 200 ok\nrefresh-token 200 ok\ncheck-store 200 ok\n",
				"list-product-reviews 200 ok\nlogin-with-password 200 ok\nget-user-detail 200 ok\nlogout 200 ok\n",
				"PASS: 16 operations checked, 16 ok, 0 differ from openapi.yaml, 0 failed; 0 skipped.",
			} {
				if !contains(text, s) {
					t.Errorf("report lacks %q:\n%s", s, text)
				}
			}
		})
	}
}

func TestWithoutTestAccount(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		drop   []string
		reason string
	}{
		{"none", []string{EnvTestEmail, EnvTestPassword}, "no test account (set CE_TEST_EMAIL or CE_TEST_PHONE, and CE_TEST_PASSWORD)"},
		{"no password", []string{EnvTestPassword}, "the test account has no CE_TEST_PASSWORD"},
		{"no identity", []string{EnvTestEmail}, "the test account has no CE_TEST_EMAIL or CE_TEST_PHONE"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, env := fake(t)
			for _, k := range tt.drop {
				delete(env, k)
			}
			r, text := runEnv(t, env)
			if !slices.Equal(operations(r), allOps) {
				t.Fatalf("operations %v, want %v", operations(r), allOps)
			}
			for _, res := range r.Results {
				want := OK
				if slices.Contains([]string{OpLoginWithPassword, OpGetUserDetail, OpLogout}, res.Operation) {
					want = Skipped
				}
				if res.Outcome != want || (want == Skipped && res.Reason != tt.reason) {
					t.Errorf("%s: outcome %s (%s), want %s (%s)", res.Operation, res.Outcome, res.Reason, want, tt.reason)
				}
			}
			if !r.OK() {
				t.Errorf("a run without a test account is not OK:\n%s", text)
			}
			if !contains(text, "login-with-password - skipped: "+tt.reason+"\n") {
				t.Errorf("report:\n%s", text)
			}
		})
	}
}

func TestAlteredResponse(t *testing.T) {
	t.Parallel()
	srv, user, env := fake(t)

	// get-user-detail answers the user without its id.
	u, ok := srv.User(user.ID)
	if !ok {
		t.Fatal("the test user is missing")
	}
	raw, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		t.Fatal(err)
	}
	delete(fields, "id")
	body, err := json.Marshal(map[string]any{"message": "User details fetched", "success": true, "content": map[string]any{"user": fields}})
	if err != nil {
		t.Fatal(err)
	}
	srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{Body: body})

	r, text := runEnv(t, env)
	if r.OK() {
		t.Errorf("a run with a difference is OK:\n%s", text)
	}
	if !slices.Equal(operations(r), allOps) {
		t.Fatalf("operations %v, want %v\n%s", operations(r), allOps, text)
	}
	for _, res := range r.Results {
		if res.Operation != OpGetUserDetail {
			if res.Outcome != OK {
				t.Errorf("%s: %s, want ok", res.Operation, res.Outcome)
			}
			continue
		}
		if res.Outcome != Differs || res.Status != 200 || len(res.Violations) != 1 {
			t.Fatalf("get-user-detail: %+v, want one difference at status 200", res)
		}
		v := res.Violations[0]
		if v.OperationID != OpGetUserDetail || v.In != api.InResponse || v.Status != 200 || v.Location != api.LocBody || v.Field != "content.user.id" {
			t.Errorf("violation %+v, want get-user-detail response 200 body content.user.id", v)
		}
	}
	for _, s := range []string{
		"get-user-detail 200 1 difference from openapi.yaml\n - response 200 body content.user.id: ",
		"FAIL: 16 operations checked, 15 ok, 1 differ from openapi.yaml, 0 failed; 0 skipped.",
	} {
		if !contains(text, s) {
			t.Errorf("report lacks %q:\n%s", s, text)
		}
	}
}

func TestUndeclaredStatus(t *testing.T) {
	t.Parallel()
	srv, _, env := fake(t)
	srv.InjectFault(storefronttest.OpRefreshToken, storefronttest.Fault{Status: 503})

	r, text := runEnv(t, env)
	if r.OK() {
		t.Errorf("a run with a 503 is OK:\n%s", text)
	}
	res := r.Results[1]
	if res.Operation != OpRefreshToken || res.Outcome != Differs || res.Status != 503 {
		t.Fatalf("refresh-token: %+v, want a difference at 503", res)
	}
	if len(res.Violations) == 0 || res.Violations[0].Location != api.LocStatus {
		t.Errorf("violations %+v, want the undeclared status", res.Violations)
	}
	if res.Error == "" {
		t.Error("the SDK's error is missing")
	}
	if !contains(text, "refresh-token 503 1 difference from openapi.yaml\n - response 503 status: ") {
		t.Errorf("report:\n%s", text)
	}
}

func TestUnreachableAPI(t *testing.T) {
	t.Parallel()
	// A port nothing listens on any more.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()

	r, text := runEnv(t, map[string]string{
		EnvStoreID: "store", EnvAPIKey: "ce_live_secret", EnvBaseURL: "http://" + addr,
		EnvTestEmail: testEmail, EnvTestPassword: testPassword,
	})
	if r.OK() || r.Skipped {
		t.Fatalf("an unreachable API is OK or skipped:\n%s", text)
	}
	if !slices.Equal(operations(r), allOps) {
		t.Fatalf("operations %v, want %v", operations(r), allOps)
	}
	first := r.Results[0]
	if first.Outcome != Failed || first.Status != 0 || !strings.HasPrefix(first.Error, "cannot reach the API: ") {
		t.Errorf("get-anonymous-token: %+v, want failed: cannot reach the API", first)
	}
	for _, res := range r.Results[1:] {
		if res.Outcome != Skipped || res.Reason != "the API is unreachable" {
			t.Errorf("%s: %s (%s), want skipped: the API is unreachable", res.Operation, res.Outcome, res.Reason)
		}
	}
	for _, s := range []string{
		"get-anonymous-token - failed: cannot reach the API: ",
		"refresh-token - skipped: the API is unreachable\n",
		"FAIL: 1 operation checked, 0 ok, 0 differ from openapi.yaml, 1 failed; 15 skipped.",
	} {
		if !contains(text, s) {
			t.Errorf("report lacks %q:\n%s", s, text)
		}
	}
}

// TestAnUnreachableAPIIsAskedOnce counts the run's connection attempts to
// an API that refuses them: the conformance check never retries (a live
// API must see each exchange once, and a retried login could lock the test
// account), so the first request is tried once and the rest are skipped.
func TestAnUnreachableAPIIsAskedOnce(t *testing.T) {
	t.Parallel()
	cfg, err := ConfigFromEnv(func(k string) string {
		return map[string]string{EnvStoreID: "store", EnvAPIKey: "ce_live_secret", EnvBaseURL: "http://127.0.0.1:9",
			EnvTestEmail: testEmail, EnvTestPassword: testPassword}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	var dials atomic.Int32
	cfg.dial = func(_ context.Context, network, addr string) (net.Conn, error) {
		dials.Add(1)
		return nil, &net.OpError{Op: "dial", Net: network, Err: syscall.ECONNREFUSED}
	}
	r, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || r.Results[0].Operation != OpGetAnonymousToken || r.Results[0].Outcome != Failed {
		t.Fatalf("results %+v, want get-anonymous-token failed", r.Results)
	}
	if n := dials.Load(); n != 1 {
		t.Errorf("the API was dialled %d times, want once", n)
	}
}

func TestWrongPassword(t *testing.T) {
	t.Parallel()
	_, _, env := fake(t)
	env[EnvTestPassword] = "not-the-password"
	r, text := runEnv(t, env)
	if r.OK() {
		t.Errorf("a failed login is OK:\n%s", text)
	}
	i := slices.IndexFunc(r.Results, func(res Result) bool { return res.Operation == OpLoginWithPassword })
	if i < 0 {
		t.Fatalf("no login in the report:\n%s", text)
	}
	login := r.Results[i]
	if login.Operation != OpLoginWithPassword || login.Outcome != Failed || login.Status != 401 || login.Error == "" {
		t.Errorf("login: %+v, want failed with 401", login)
	}
	for _, res := range r.Results[i+1:] {
		if res.Outcome != Skipped || !strings.Contains(res.Reason, "login-with-password failed") {
			t.Errorf("%s: %s (%s), want skipped after the failed login", res.Operation, res.Outcome, res.Reason)
		}
	}
}

func TestConfigFromEnv(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		EnvStoreID: " store ", EnvAPIKey: "ce_live_k3y", EnvEnvironment: "production",
		EnvTestPhone: "9876543210", EnvTestPassword: " pass word ",
	}
	cfg, err := ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.StoreID != "store" || cfg.Environment != storefront.Production || cfg.Password != " pass word " || cfg.Phone != "9876543210" {
		t.Errorf("config %+v", cfg)
	}
	for _, s := range []string{cfg.String(), cfg.GoString(), cfg.LogValue().String()} {
		if strings.Contains(s, "ce_live_k3y") || strings.Contains(s, "pass word") || strings.Contains(s, "9876543210") {
			t.Errorf("%q shows a secret", s)
		}
		if !strings.Contains(s, `store "store" on production`) {
			t.Errorf("%q does not say which store", s)
		}
	}

	for _, bad := range []map[string]string{
		{EnvEnvironment: "qa"},
		{EnvBaseURL: "staging.api.commercengine.io"},
		{EnvBaseURL: "ftp://example.com"},
	} {
		if _, err := ConfigFromEnv(func(k string) string { return bad[k] }); err == nil {
			t.Errorf("ConfigFromEnv(%v) accepted it", bad)
		}
	}
}

func TestDescribeKeepsSecretsOut(t *testing.T) {
	t.Parallel()
	r := &runner{cfg: Config{APIKey: "ce_live_k3y", Password: testPassword, Email: testEmail, Phone: testPhone}}
	for _, err := range []error{
		&storefront.APIError{Operation: OpLoginWithPassword, StatusCode: 502, Body: "<html>Asha Rao " + testEmail + "</html>"},
		&storefront.MalformedResponseError{Operation: OpGetUserDetail, StatusCode: 200, Reason: "no user", Body: `{"first_name":"Asha"}`},
		errors.New("echo of ce_live_k3y, " + testPassword + ", " + testEmail + " and " + testPhone),
	} {
		got := r.describe(err, false)
		for _, s := range []string{"Asha", "ce_live_k3y", testPassword, testEmail, testPhone} {
			if strings.Contains(got, s) {
				t.Errorf("describe(%T) = %q holds %q", err, got, s)
			}
		}
	}
}
