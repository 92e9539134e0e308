package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// countingServer is an HTTP server that counts what reaches it: a command
// refused up front sends nothing.
func countingServer(t *testing.T) (string, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Error(w, "unexpected", http.StatusTeapot)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &n
}

// TestBadValuesAreRefusedUpFront: a value the command cannot use is a usage
// error (exit 2) naming what it accepts, found before anything is sent —
// not a DNS error, url.Parse's words or "parse error".
func TestBadValuesAreRefusedUpFront(t *testing.T) {
	t.Parallel()
	_, hits := countingServer(t)
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want []string
	}{
		{"env prod", nil, []string{"catalog", "list", "--store-id", "s", "--api-key", "k", "--env", "prod"},
			[]string{"storefront catalog list: --env (or CE_ENV) must be staging or production, not \"prod\""}},
		{"CE_ENV", map[string]string{"CE_ENV": "live"}, []string{"auth", "anonymous", "--store-id", "s", "--api-key", "k"},
			[]string{"must be staging or production", `not "live"`}},
		{"base URL without scheme", nil, []string{"catalog", "list", "--store-id", "s", "--api-key", "k", "--base-url", "127.0.0.1:18480"},
			[]string{"--base-url (or CE_BASE_URL) must start with http:// or https://, such as http://127.0.0.1:8080 (got \"127.0.0.1:18480\")"}},
		{"base URL other scheme", nil, []string{"demo", "--store-id", "s", "--api-key", "k", "--base-url", "ftp://example.com"},
			[]string{"must start with http:// or https://"}},
		{"base URL with a password", nil, []string{"cart", "show", "--store-id", "s", "--api-key", "k", "--base-url", "http://me:hunter2@example.com"},
			[]string{"must have no user info"}},
		{"access TTL without unit", nil, []string{"serve", "--access-ttl", "5"},
			[]string{`invalid value "5" for flag -access-ttl: "5" is not a duration: give a number with a unit, such as 5m, 90s or 1h30m`}},
		{"timeout without unit", nil, []string{"catalog", "show", "tea", "--store-id", "s", "--api-key", "k", "--timeout", "30"},
			[]string{`"30" is not a duration`, "such as 5m"}},
		{"zero timeout", nil, []string{"orders", "list", "--store-id", "s", "--api-key", "k", "--timeout", "0s"},
			[]string{"--timeout must be positive"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.env, "", tc.args...)
			assert.Equal(t, exitUsage, r.code, r.stderr)
			for _, w := range tc.want {
				assert.Contains(t, r.stderr, w)
			}
			assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line: %q", r.stderr)
			assert.NotContains(t, r.stderr, "hunter2")
			assert.NotContains(t, r.stderr, "no such host")
		})
	}
	assert.Zero(t, hits.Load())
}

// TestPositionalArgumentsEverywhere: the thing a command acts on is its
// first argument, with flags before or after it; the flag forms still work,
// and a positional that contradicts its flag is refused.
func TestPositionalArgumentsEverywhere(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	session := t.TempDir() + "/session.json"
	for _, args := range [][]string{
		{"catalog", "show", "darjeeling-first-flush"},
		{"catalog", "show", "--json", "darjeeling-first-flush"},
		{"catalog", "show", "--product", "darjeeling-first-flush"},
		{"catalog", "search", "tea", "--limit", "2"},
		{"catalog", "search", "--limit", "2", "--", "tea"},
		{"cart", "add", "darjeeling-first-flush", "--variant", "darjeeling-first-flush-100-g", "--session", session},
		{"cart", "add", "--session", session, "masala-chai-blend", "--quantity", "2"},
		{"cart", "add", "--product", "masala-chai-blend", "--session", session},
		{"cart", "coupon", "WELCOME10", "--session", session},
		{"cart", "remove", "masala-chai-blend", "--session", session},
	} {
		r := runCLI(t, environ, "", args...)
		assert.Equal(t, 0, r.code, "%v: %s", args, r.stderr)
	}
	r := runCLI(t, environ, "", "cart", "show", "--session", session, "--json")
	require.Equal(t, 0, r.code, r.stderr)
	var shown struct {
		Cart struct {
			CartItems []struct {
				ProductID string `json:"product_id"`
			} `json:"cart_items"`
		} `json:"cart"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &shown), r.stdout)
	assert.Len(t, shown.Cart.CartItems, 1, "the tea stays, the chai is gone")

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"catalog", "show", "tea", "--product", "mug"}, `"tea" and --product "mug" name different things`},
		{[]string{"catalog", "show", "tea", "mug"}, `unexpected argument "mug"`},
		{[]string{"orders", "show", "--session", session}, "an order number is required"},
		{[]string{"cart", "add", "--session", session}, "a product ID or slug is required"},
	} {
		r := runCLI(t, environ, "", tc.args...)
		assert.Equal(t, exitUsage, r.code, "%v", tc.args)
		assert.Contains(t, r.stderr, tc.want, "%v", tc.args)
	}
}

// TestJSONMakesErrorsJSON: with --json every failure is also one JSON
// object on stdout — usage errors, API errors, errors before any request —
// beside its one line on stderr, and never twice.
func TestJSONMakesErrorsJSON(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	session := t.TempDir() + "/session.json"
	cases := []struct {
		args   []string
		code   int
		usage  bool
		status int
		want   string
	}{
		{[]string{"catalog", "list", "--json", "--bogus"}, exitUsage, true, 0, "flag provided but not defined: -bogus"},
		{[]string{"catalog", "list", "--json", "--env", "prod", "--base-url", ""}, exitUsage, true, 0, "must be staging or production"},
		{[]string{"catalog", "show", "no-such-product", "--json"}, exitFail, false, 404, "get-product-detail: HTTP 404"},
		{[]string{"orders", "show", "NG404", "--json", "--session", session}, exitFail, false, 404, "get-order-detail: HTTP 404"},
		{[]string{"cart", "coupon", "NOPE", "--json", "--session", session}, exitFail, false, 0, "the shopper has no cart"},
	}
	for _, tc := range cases {
		r := runCLI(t, environ, "", tc.args...)
		assert.Equal(t, tc.code, r.code, "%v: %s", tc.args, r.stderr)
		lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
		require.Len(t, lines, 1, "%v: one JSON object on stdout:\n%s", tc.args, r.stdout)
		var e errorJSON
		require.NoError(t, json.Unmarshal([]byte(lines[0]), &e), "%v: %s", tc.args, r.stdout)
		assert.False(t, e.OK)
		assert.Equal(t, tc.usage, e.Usage, "%v", tc.args)
		assert.Equal(t, tc.status, e.Status, "%v", tc.args)
		assert.Contains(t, e.Error, tc.want, "%v", tc.args)
		assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "%v: one line on stderr: %q", tc.args, r.stderr)
		noTokens(t, r.stdout+r.stderr)
	}
	// Without --json, stdout stays empty on failure.
	r := runCLI(t, environ, "", "catalog", "show", "no-such-product")
	assert.Equal(t, exitFail, r.code)
	assert.Empty(t, r.stdout)
}

// TestWantsJSONReadsTheFlagAsTheFlagPackageDoes: every form the flag
// package accepts for --json, before a "--" that ends the flags.
func TestWantsJSONReadsTheFlagAsTheFlagPackageDoes(t *testing.T) {
	t.Parallel()
	for args, want := range map[string]bool{
		"--json": true, "-json": true, "--json=true": true, "--json=t": true, "--json=TRUE": true, "-json=1": true,
		"--json=false": false, "--json=0": false, "--jsonx": false, "json": false, "-- --json": false, "--limit 2 --json": true,
	} {
		assert.Equal(t, want, wantsJSON(strings.Fields(args)), "%q", args)
	}
}
