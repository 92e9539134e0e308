package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

type result struct {
	code   int
	stdout string
	stderr string
}

// runCLI runs the command in-process with its own environment.
func runCLI(t *testing.T, environ map[string]string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return environ[k] }
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb, getenv)
	return result{code, out.String(), errb.String()}
}

// noTokens fails if s holds anything shaped like a JWT.
func noTokens(t *testing.T, s string) {
	t.Helper()
	assert.NotContains(t, s, "eyJ", "a token was printed")
}

// demoStepCount is how many steps the demo's story has; demoSteps names
// those the tests look for.
const demoStepCount = 21

var demoSteps = []string{
	"anonymous visitor", "browse the catalog", "search the catalog", "product detail",
	"cart: two products", "cart: coupon WELCOME10", "register with phone", "OTP login (debug mode)",
	"forgot password", "reset password", "logout", "login with password", "cart kept after login", "refresh", "profile read",
	"address and delivery", "pay (test card)", "order history", "order and shipments", "address book",
}

func TestDemoEmbedded(t *testing.T) {
	t.Parallel()
	r := runCLI(t, nil, "", "demo")
	require.Equal(t, 0, r.code, "stderr: %s\nstdout: %s", r.stderr, r.stdout)
	for _, step := range demoSteps {
		assert.Contains(t, r.stdout, step)
	}
	assert.Contains(t, r.stdout, "embedded fake server at http://127.0.0.1:")
	assert.Contains(t, r.stdout, fmt.Sprintf("demo: %d/%[1]d steps succeeded", demoStepCount))
	assert.Equal(t, demoStepCount, strings.Count(r.stdout, " ok "), r.stdout)
	// The checkout's totals, computed by hand: tea 450 − 10% = 405, mug 349;
	// WELCOME10 takes 10% of 754 = 75.40; express delivery 99 (below ₹999).
	assert.Contains(t, r.stdout, "2 items, ₹754.00")
	assert.Contains(t, r.stdout, "−₹75.40")
	assert.Contains(t, r.stdout, "express delivery ₹99.00, total ₹777.60")
	assert.Contains(t, r.stdout, "confirmed, paid ₹777.60")
	assert.NotContains(t, r.stdout, "FAIL")
	noTokens(t, r.stdout+r.stderr)
}

func TestDemoJSON(t *testing.T) {
	t.Parallel()
	r := runCLI(t, nil, "", "demo", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, lines, demoStepCount+1)
	for i, l := range lines[:demoStepCount] {
		var st struct {
			Step      int    `json:"step"`
			OK        bool   `json:"ok"`
			UserID    string `json:"user_id"`
			Operation string `json:"operation"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &st), l)
		assert.Equal(t, i+1, st.Step)
		assert.True(t, st.OK)
		assert.NotEmpty(t, st.UserID)
		assert.NotEmpty(t, st.Operation)
	}
	var sum summaryJSON
	require.NoError(t, json.Unmarshal([]byte(lines[demoStepCount]), &sum))
	assert.Equal(t, demoStepCount, sum.Summary.Succeeded)
	noTokens(t, r.stdout)
}

func TestDemoVerboseLogsWithoutSecrets(t *testing.T) {
	t.Parallel()
	r := runCLI(t, nil, "", "demo", "--verbose")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "storefront request")
	assert.Contains(t, r.stderr, "op=login-with-password")
	noTokens(t, r.stderr)
	assert.NotContains(t, r.stderr, "demo-", "the demo password was logged")
}

func TestDemoUnreachable(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	start := time.Now()
	r := runCLI(t, map[string]string{"CE_API_KEY": "k-123"}, "", "demo", "--store-id", "s1", "--base-url", "http://"+addr, "--timeout", "5s")
	assert.Equal(t, 1, r.code)
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Contains(t, r.stdout, "FAIL")
	assert.Contains(t, r.stderr, "connection refused")
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(r.stderr), "\n")+1, "one line on stderr: %q", r.stderr)
	assert.NotContains(t, r.stderr, "k-123")
}

func TestDemoDeadline(t *testing.T) {
	t.Parallel()
	// A server that never answers: the timeout ends the demo.
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	srv.InjectFault("get-anonymous-token", storefronttest.Fault{Latency: time.Hour})
	start := time.Now()
	r := runCLI(t, nil, "", "demo", "--store-id", srv.StoreID(), "--api-key", srv.APIKey(), "--base-url", srv.BaseURL(), "--timeout", "300ms")
	assert.Equal(t, 1, r.code)
	assert.Less(t, time.Since(start), 3*time.Second)
	assert.Contains(t, r.stderr, "timed out")
}

func TestDemoNeedsBothStoreAndKey(t *testing.T) {
	t.Parallel()
	r := runCLI(t, map[string]string{"CE_STORE_ID": "s1"}, "", "demo")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--api-key")

	r = runCLI(t, nil, "", "demo", "--env", "production")
	assert.Equal(t, 2, r.code, "an environment without a store would silently run on the fake server")
	assert.Contains(t, r.stderr, "--store-id")
}

func TestErrorsPrintOnOneLine(t *testing.T) {
	t.Parallel()
	err := &storefront.APIError{Operation: "login-with-password", StatusCode: 400, Code: "bad_request",
		Message: "two\nlines\r\n\tand a tab", Fields: map[string]string{"phone": "bad", "email": "also\nbad", "a": "first"}}
	got := describe(err)
	assert.Equal(t, "login-with-password: HTTP 400 bad_request: two lines and a tab [a: first] [email: also bad] [phone: bad]", got)
}

func TestHelpEverywhere(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--help"}, {"demo", "--help"}, {"serve", "--help"}, {"auth", "--help"}, {"version", "--help"},
		{"auth", "anonymous", "--help"}, {"auth", "register-phone", "--help"}, {"auth", "login-password", "--help"},
		{"auth", "login-otp", "--help"}, {"auth", "verify-otp", "--help"}, {"auth", "refresh", "--help"},
		{"auth", "logout", "--help"}, {"auth", "whoami", "--help"},
		{"cart", "--help"}, {"cart", "show", "--help"}, {"cart", "add", "--help"}, {"cart", "remove", "--help"}, {"cart", "coupon", "--help"},
		{"orders", "--help"}, {"orders", "list", "--help"}, {"orders", "show", "--help"}, {"orders", "cancel", "--help"},
	} {
		r := runCLI(t, nil, "", args...)
		assert.Equal(t, 0, r.code, "%v: %s", args, r.stderr)
		assert.Contains(t, r.stdout+r.stderr, "Usage", "%v", args)
	}
	for _, args := range [][]string{{}, {"nope"}, {"auth"}, {"auth", "nope"}, {"demo", "--bogus"}, {"demo", "extra"},
		{"cart"}, {"cart", "nope"}, {"orders"}, {"orders", "nope"}, {"cart", "add", "--quantity", "2"}} {
		r := runCLI(t, nil, "", args...)
		assert.Equal(t, 2, r.code, "%v", args)
	}
}

// TestAuthCommands drives every auth operation against a running fake
// server, with the session file carried between invocations.
func TestAuthCommands(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	_, err := srv.CreateUser(storefronttest.UserParams{Phone: "9123456780", Email: "ravi@example.com", Password: "s3cret-pass", FirstName: "Ravi"})
	require.NoError(t, err)
	session := filepath.Join(t.TempDir(), "cfg", "session.json")
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	auth := func(stdin string, args ...string) result {
		return runCLI(t, environ, stdin, append([]string{"auth"}, append(args, "--session", session)...)...)
	}
	whoami := func() map[string]any {
		r := runCLI(t, nil, "", "auth", "whoami", "--json", "--session", session)
		require.Equal(t, 0, r.code, r.stderr)
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &m))
		return m
	}

	r := runCLI(t, nil, "", "auth", "whoami", "--session", session)
	assert.Equal(t, 1, r.code, "no session yet")
	assert.Contains(t, r.stderr, "no session")

	r = auth("", "anonymous")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "get-anonymous-token: ok")
	fi, err := os.Stat(session)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	anonID := whoami()["user_id"]
	assert.Equal(t, true, whoami()["anonymous"])

	r = auth("", "register-phone", "--phone", "9876543210", "--first-name", "Asha")
	require.Equal(t, 0, r.code, r.stderr)
	w := whoami()
	assert.Equal(t, true, w["logged_in"])
	assert.Equal(t, anonID, w["user_id"], "the visitor keeps their id")

	r = auth("", "logout")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, false, whoami()["logged_in"])

	r = auth("wrong-pass\n", "login-password", "--phone", "9123456780", "--password-stdin")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "login-with-password: HTTP 401")
	assert.NotContains(t, r.stderr, "wrong-pass")
	assert.Equal(t, false, whoami()["logged_in"], "a failed login leaves the session")

	r = auth("s3cret-pass\n", "login-password", "--phone", "9123456780", "--password-stdin")
	require.Equal(t, 0, r.code, r.stderr)
	w = whoami()
	assert.Equal(t, true, w["logged_in"])
	assert.Equal(t, "9123456780", w["phone"])

	r = auth("", "logout")
	require.Equal(t, 0, r.code, r.stderr)
	r = auth("", "login-otp", "--email", "ravi@example.com", "--debug")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "the code was kept")
	assert.NotRegexp(t, `\b\d{6}\b`, r.stdout, "the code is not printed")
	r = auth("", "verify-otp")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, true, whoami()["logged_in"])

	// Without debug mode the code comes from the user (here, the fake's inbox).
	r = auth("", "logout")
	require.Equal(t, 0, r.code, r.stderr)
	r = auth("", "login-otp", "--phone", "9123456780", "--whatsapp")
	require.Equal(t, 0, r.code, r.stderr)
	otp, ok := srv.LastOTP("+919123456780")
	require.True(t, ok, "the fake server holds the code sent")
	r = auth("", "verify-otp", "--otp", "000000")
	assert.Equal(t, 1, r.code, "a wrong code fails")
	r = auth("", "verify-otp", "--otp", otp)
	require.Equal(t, 0, r.code, r.stderr)
	r = auth("", "verify-otp", "--otp", otp)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "no pending OTP login")

	before := whoami()
	r = auth("", "refresh", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	var refreshed map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &refreshed))
	assert.Equal(t, "refresh-token", refreshed["operation"])
	assert.Equal(t, before["user_id"], refreshed["user_id"])

	r = auth("", "logout", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, false, whoami()["logged_in"])

	data, err := os.ReadFile(session)
	require.NoError(t, err)
	noTokens(t, r.stdout)
	assert.Contains(t, string(data), "eyJ", "the session file does hold the tokens")
}

func TestAuthErrorsAsJSON(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	session := filepath.Join(t.TempDir(), "session.json")
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL(), "CE_PASSWORD": "whatever-pass"}
	r := runCLI(t, environ, "", "auth", "login-password", "--email", "nobody@example.com", "--json", "--session", session)
	assert.Equal(t, 1, r.code)
	var e errorJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &e), r.stdout)
	assert.Equal(t, 404, e.Status)
	assert.NotEmpty(t, e.Code)
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(r.stderr), "\n")+1)

	r = runCLI(t, map[string]string{}, "", "auth", "anonymous", "--session", session)
	assert.Equal(t, 2, r.code, "no store configured")
}

// runMainEnv makes the test binary run the command's main instead of the
// tests (TestMain): a test starts the command as a process without
// building and linking it once more.
const runMainEnv = "STOREFRONT_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main() // exits
	}
	os.Exit(m.Run())
}

// TestServeProcess runs the command as a process of its own (this test
// binary running main, with its signal handling): it answers on the chosen
// port and stops cleanly on SIGTERM. TestGoRunServeStopsWithTheGoCommand
// builds it with go run.
func TestServeProcess(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()

	cmd := exec.Command(os.Args[0], "serve", "--addr", addr, "--api-key", "key-for-test", "--json")
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	sc := bufio.NewScanner(stdout)
	require.True(t, sc.Scan(), "serve printed nothing")
	var info serveInfo
	require.NoError(t, json.Unmarshal(sc.Bytes(), &info), sc.Text())
	assert.Equal(t, "http://"+addr, info.URL)
	assert.Equal(t, "key-for-test", info.APIKey)

	// Any store ID works in the path.
	req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/another-store/storefront/auth/anonymous", nil)
	req.Header.Set("X-Api-Key", "key-for-test")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode, string(body))
	assert.Contains(t, string(body), `"access_token"`)

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		require.NoError(t, err, "serve exits 0 on SIGTERM")
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	_, err = net.DialTimeout("tcp", addr, time.Second)
	assert.Error(t, err, "the port is closed")
}

func TestServeInProcessStopsOnCancel(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr}, nil, &out, io.Discard, func(string) string { return "" })
	}()
	// Serving starts by seeding the fake's catalog, which takes seconds
	// under the race detector on a machine busy compiling other tests: wait
	// for it as long as it keeps running, up to a bound.
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		select {
		case code := <-done:
			t.Fatalf("serve ended with %d before listening on %s: %s", code, addr, out.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not listen on %s within 30 s", addr)
		}
	}
	cancel()
	select {
	case code := <-done:
		assert.Equal(t, 0, code)
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop")
	}
	assert.Contains(t, out.String(), fmt.Sprintf("http://%s/api/v1/store-test/storefront", addr))
}
