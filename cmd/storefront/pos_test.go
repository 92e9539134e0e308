package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// TestPOSDemo runs the point of sale's story on the embedded server.
func TestPOSDemo(t *testing.T) {
	t.Parallel()
	r := runCLI(t, nil, "", "pos", "demo")
	require.Equal(t, 0, r.code, "stderr: %s\nstdout: %s", r.stderr, r.stdout)
	assert.Contains(t, r.stdout, "pos demo: 9/9 steps succeeded")
	// ₹1899 − 10% (WELCOME10), paid by card on the terminal.
	assert.Contains(t, r.stdout, "total ₹1709.10")
	assert.Contains(t, r.stdout, "success, paid ₹1709.10")
	noTokens(t, r.stdout+r.stderr)

	r = runCLI(t, nil, "", "pos", "demo", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var v map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &v), line)
	}
}

// TestPOSCommands pairs a terminal, logs a staff member in at a location,
// claims a counter, rings up a sale for a walk-in customer with a coupon,
// reads its payment, releases the counter and logs out — one command at a
// time, the staff session kept in its file between them.
func TestPOSCommands(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	session := filepath.Join(t.TempDir(), "pos.json")
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	cli := func(args ...string) result {
		t.Helper()
		return runCLI(t, environ, "", append(append([]string{"pos"}, args...), "--session", session)...)
	}
	ok := func(r result, want string) {
		t.Helper()
		require.Equal(t, 0, r.code, "stderr: %s\nstdout: %s", r.stderr, r.stdout)
		assert.Contains(t, r.stdout, want)
		noTokens(t, r.stdout+r.stderr)
	}

	r := cli("devices")
	assert.Equal(t, exitFail, r.code, "no staff session yet")
	assert.Contains(t, r.stderr, "log a staff member in")
	r = cli("verify", "--otp", "123456")
	assert.Equal(t, exitFail, r.code, "no pending login")
	assert.Contains(t, r.stderr, "run storefront pos login first", "the terminal's own login command")

	ok(cli("pair", storefronttest.SeededPairingCodeMGRoad2), "pair-pos-device: ok  MG Road counter 2")
	ok(cli("login", "--location", storefronttest.PickupMGRoad, "--phone", "9000000101", "--debug"), "code sent")
	ok(cli("verify"), "verify-pos-login-otp: ok  Meera Iyer at Nilgiri Goods MG Road")
	ok(cli("whoami"), "location="+storefronttest.PickupMGRoad)
	ok(cli("locations"), storefronttest.PickupMGRoad)
	ok(cli("devices"), storefronttest.SeededDeviceMGRoad2)
	ok(cli("claim", storefronttest.SeededDeviceMGRoad2), "claim-pos-device: ok")
	r = cli("sale", "--item", "cast-iron-teapot", "--customer-phone", "9812345670", "--first-name", "Ravi", "--coupon", "WELCOME10", "--pay", "card")
	ok(r, "total ₹1709.10, paid by card, payment pending")
	number := regexp.MustCompile(`order (\S+),`).FindStringSubmatch(r.stdout)
	require.Len(t, number, 2, r.stdout)
	ok(cli("payment", number[1]), "pending")
	require.NoError(t, srv.CompletePayment(number[1], true))
	ok(cli("payment", number[1], "--json"), `"status":"success"`)
	// A sale that fails after its cart exists names the cart.
	r = cli("sale", "--item", "cast-iron-teapot", "--customer-phone", "9812345670", "--coupon", "NO-SUCH-COUPON")
	assert.Equal(t, exitFail, r.code)
	assert.Regexp(t, `cart \S+: pos-apply-coupon: HTTP 4\d\d`, r.stderr)
	ok(cli("unclaim", storefronttest.SeededDeviceMGRoad2), "unclaim-pos-device: ok")
	ok(cli("logout"), "the staff session has ended")
	r = cli("whoami")
	assert.Equal(t, exitFail, r.code)
	assert.Contains(t, r.stderr, "no staff session")

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"login", "--phone", "9000000101"}, "--location is required"},
		{[]string{"login", "--location", "x"}, "give --phone or --email"},
		{[]string{"sale", "--customer-phone", "9812345670"}, "at least one --item"},
		{[]string{"sale", "--item", "tea:0", "--customer", "c-1"}, "at least 1"},
		{[]string{"sale", "--item", "tea", "--customer", "c-1", "--pay", "cheque"}, "--pay must be cash, upi or card"},
		{[]string{"pair"}, "a pairing code is required"},
		{[]string{"sale", "--item", "tea", "--customer", "c-1", "--first-name", "Ravi"}, "--first-name goes with --customer-phone"},
		{[]string{"pair", "PAIR-SECRET-1", "--code", "PAIR-SECRET-2"}, "argument 1 and --code name different things"},
		{[]string{"pair", "PAIR-SECRET-1", "PAIR-SECRET-2"}, "unexpected argument 2"},
		{[]string{"nope"}, `unknown operation "nope"`},
	} {
		r := cli(tc.args...)
		assert.Equal(t, exitUsage, r.code, "%v", tc.args)
		assert.Contains(t, r.stderr, tc.want, "%v", tc.args)
		assert.NotContains(t, r.stdout+r.stderr, "PAIR-SECRET", "a pairing code is never echoed: %v", tc.args)
	}
}
