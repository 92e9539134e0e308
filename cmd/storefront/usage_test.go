package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// liveKey stands for a real store's API key in the environment.
const liveKey = "sk_live_4f9a2c7e1b3d5a6f"

// everyCommand lists each command and auth operation, for the tests that
// must hold for all of them.
var everyCommand = [][]string{
	{"demo"}, {"serve"}, {"version"}, {"auth", "anonymous"}, {"auth", "register-phone"}, {"auth", "login-password"},
	{"auth", "login-otp"}, {"auth", "verify-otp"}, {"auth", "refresh"}, {"auth", "logout"}, {"auth", "whoami"},
	{"cart", "show"}, {"cart", "add"}, {"cart", "remove"}, {"cart", "coupon"},
	{"orders", "list"}, {"orders", "show"}, {"orders", "cancel"},
}

// TestAPIKeyFromTheEnvironmentIsNeverShown: CE_API_KEY was the default of
// --api-key, so --help and every flag error printed it.
func TestAPIKeyFromTheEnvironmentIsNeverShown(t *testing.T) {
	t.Parallel()
	environ := map[string]string{"CE_API_KEY": liveKey, "CE_STORE_ID": "s1"}
	for _, cmd := range everyCommand {
		for _, extra := range [][]string{{"--help"}, {"--bogus"}, {"--timeout", "soon"}, {"--json=maybe"}, {"stray"}} {
			args := append(append([]string(nil), cmd...), extra...)
			r := runCLI(t, environ, "", args...)
			assert.NotContains(t, r.stdout+r.stderr, liveKey, "%v", args)
			assert.NotContains(t, r.stdout+r.stderr, liveKey[:12], "%v", args)
		}
	}
	// --help still says where the key comes from.
	r := runCLI(t, environ, "", "demo", "--help")
	assert.Contains(t, r.stdout+r.stderr, "CE_API_KEY")
}

// TestServeDoesNotPrintTheKeyFromTheEnvironment: serve prints the key it
// made up, or the one given with --api-key, but not a CE_API_KEY (a real
// store's key, most likely) it was started with.
func TestServeDoesNotPrintTheKeyFromTheEnvironment(t *testing.T) {
	t.Parallel()
	for _, jsonOut := range []bool{false, true} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		addr := ln.Addr().String()
		ln.Close()
		ctx, cancel := context.WithCancel(context.Background())
		var out syncBuffer
		done := make(chan int, 1)
		args := []string{"serve", "--addr", addr}
		if jsonOut {
			args = append(args, "--json")
		}
		go func() {
			done <- run(ctx, args, nil, &out, io.Discard, func(k string) string {
				return map[string]string{"CE_API_KEY": liveKey}[k]
			})
		}()
		require.Eventually(t, func() bool { return strings.Contains(out.String(), addr) }, 5*time.Second, 10*time.Millisecond)
		cancel()
		assert.Equal(t, 0, <-done)
		assert.NotContains(t, out.String(), liveKey)
		assert.Contains(t, out.String(), "CE_API_KEY", "it says where the key came from")
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestBadFlagPrintsOneLineAndTheHint: a bad command line prints one line,
// the error said once, and where to find the usage; not the usage itself.
func TestBadFlagPrintsOneLineAndTheHint(t *testing.T) {
	t.Parallel()
	for _, cmd := range everyCommand {
		for _, extra := range [][]string{{"--bogus"}, {"--timeout", "soon"}, {"stray"}} {
			args := append(append([]string(nil), cmd...), extra...)
			r := runCLI(t, nil, "", args...)
			assert.Equal(t, 2, r.code, "%v", args)
			assert.Empty(t, r.stdout, "%v", args)
			lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
			if assert.Len(t, lines, 1, "%v:\n%s", args, r.stderr) {
				assert.Contains(t, lines[0], "storefront "+strings.Join(cmd, " ")+" --help", "%v", args)
				assert.NotContains(t, lines[0], "Usage")
			}
		}
	}
	r := runCLI(t, nil, "", "demo", "--bogus")
	assert.Equal(t, 1, strings.Count(r.stderr, "-bogus"), r.stderr)
	for _, args := range [][]string{{"nope"}, {"auth", "nope"}} {
		r := runCLI(t, nil, "", args...)
		assert.Equal(t, 2, r.code)
		assert.Equal(t, 1, strings.Count(strings.TrimRight(r.stderr, "\n"), "\n")+1, "%v:\n%s", args, r.stderr)
		assert.Contains(t, r.stderr, "--help")
	}
}

// TestMissingAPIKeySaysWhichFlagAndVariable: an operation that needs the
// API key, run without one, names the flag and the variable that give it.
func TestMissingAPIKeySaysWhichFlagAndVariable(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	session := filepath.Join(t.TempDir(), "session.json")
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_BASE_URL": srv.BaseURL()}
	for _, args := range [][]string{
		{"auth", "anonymous", "--session", session},
		{"auth", "register-phone", "--phone", "9876543210", "--first-name", "Asha", "--session", session},
	} {
		r := runCLI(t, environ, "", args...)
		assert.Equal(t, 2, r.code, "%v: %s", args, r.stderr)
		assert.Contains(t, r.stderr, "--api-key", "%v", args)
		assert.Contains(t, r.stderr, "CE_API_KEY", "%v", args)
		assert.Equal(t, 1, strings.Count(strings.TrimRight(r.stderr, "\n"), "\n")+1, r.stderr)
	}
}

// TestSessionOfAnotherStoreIsRefused: the session file holds a session of
// store A; an operation for store B refuses, naming both stores, and
// leaves the file as it was (a refresh sent to B was refused by the API
// and the session deleted).
func TestSessionOfAnotherStoreIsRefused(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	session := filepath.Join(t.TempDir(), "session.json")
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.URL()}
	r := runCLI(t, environ, "", "auth", "anonymous", "--session", session)
	require.Equal(t, 0, r.code, r.stderr)
	before, err := os.ReadFile(session)
	require.NoError(t, err)

	for _, op := range [][]string{{"refresh"}, {"logout"}, {"anonymous"}, {"login-otp", "--phone", "9876543210"}} {
		args := append(append([]string{"auth"}, op...), "--store-id", "other-store", "--session", session)
		r = runCLI(t, environ, "", args...)
		assert.NotEqual(t, 0, r.code, "%v", args)
		assert.Contains(t, r.stderr, srv.StoreID(), "%v", args)
		assert.Contains(t, r.stderr, "other-store", "%v", args)
		assert.Contains(t, r.stderr, "--session", "%v: it says how to keep both", args)
		after, err := os.ReadFile(session)
		require.NoError(t, err, "%v: the session file is gone", args)
		assert.Equal(t, string(before), string(after), "%v: the session changed", args)
	}

	// The session's own store still works.
	r = runCLI(t, environ, "", "auth", "refresh", "--session", session)
	assert.Equal(t, 0, r.code, r.stderr)
}

// TestDemoHelpSaysJSONIsOneObjectPerLine.
func TestDemoHelpSaysJSONIsOneObjectPerLine(t *testing.T) {
	t.Parallel()
	r := runCLI(t, nil, "", "demo", "--help")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout+r.stderr, "one JSON object per line")
}

// TestCLIErrorsSayEachThingOnce: a field error the API's message already
// says is not repeated, and no message says "storefront:" twice.
func TestCLIErrorsSayEachThingOnce(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	_, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Ravi", Phone: "9876543210"})
	require.NoError(t, err)
	dir := t.TempDir()
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	r := runCLI(t, environ, "", "auth", "register-phone", "--phone", "9876543210", "--first-name", "Twin", "--session", filepath.Join(dir, "a.json"))
	assert.Equal(t, 1, r.code)
	assert.Equal(t, 1, strings.Count(r.stderr, "already exists"), r.stderr)
	assert.Equal(t, 1, strings.Count(r.stderr, "storefront:"), r.stderr)

	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"access_token":"not-a-jwt","refresh_token":"x"}`), 0o600))
	r = runCLI(t, nil, "", "auth", "whoami", "--session", bad)
	assert.Equal(t, 1, r.code)
	assert.Equal(t, 1, strings.Count(r.stderr, "storefront:"), r.stderr)
	assert.Contains(t, r.stderr, "malformed token")

	// A refresh the API refuses: the session has expired.
	session := filepath.Join(dir, "c.json")
	r = runCLI(t, environ, "", "auth", "anonymous", "--session", session)
	require.Equal(t, 0, r.code, r.stderr)
	srv.InjectFault(storefronttest.OpRefreshToken, storefronttest.Fault{Status: 401, Times: 1})
	r = runCLI(t, environ, "", "auth", "refresh", "--session", session)
	assert.Equal(t, 1, r.code)
	assert.Equal(t, 1, strings.Count(r.stderr, "storefront:"), r.stderr)
	assert.Equal(t, 1, strings.Count(r.stderr, "expired"), r.stderr)
}
