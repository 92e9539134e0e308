package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

var addressCommands = [][]string{{"addresses", "list"}, {"addresses", "add"}, {"addresses", "edit"}, {"addresses", "delete"}}

// loggedIn logs a customer in through "auth login-password" and returns
// the environment and a function running "addresses" on their session.
func loggedIn(t *testing.T) (*storefronttest.Server, func(args ...string) result) {
	t.Helper()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	_, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Phone: "9876543210",
		Password: "s3cret-pass", EmailVerified: true})
	require.NoError(t, err)
	session := filepath.Join(t.TempDir(), "session.json")
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	r := runCLI(t, environ, "s3cret-pass\n", "auth", "login-password", "--email", "asha@example.com", "--password-stdin", "--session", session)
	require.Equal(t, 0, r.code, r.stderr)
	return srv, func(args ...string) result {
		return runCLI(t, environ, "", append(append([]string{"addresses"}, args...), "--session", session)...)
	}
}

var homeFlags = []string{"--first-name", "Asha", "--last-name", "Rao", "--phone", "9876543210", "--email", "asha@example.com",
	"--line1", "12 MG Road", "--city", "Bengaluru", "--state", "Karnataka", "--pincode", "560001"}

// TestAddressesCommands adds, lists, edits and deletes addresses of the
// logged-in customer, in text and JSON.
func TestAddressesCommands(t *testing.T) {
	t.Parallel()
	_, addresses := loggedIn(t)

	r := addresses("list")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "no saved addresses\n", r.stdout)

	r = addresses(append([]string{"add", "--nickname", "Home", "--json"}, homeFlags...)...)
	require.Equal(t, 0, r.code, r.stderr)
	var added struct {
		Operation string `json:"operation"`
		OK        bool   `json:"ok"`
		Address   struct {
			ID                string `json:"id"`
			State             string `json:"state"`
			IsDefaultShipping bool   `json:"is_default_shipping"`
			IsPhoneVerified   bool   `json:"is_phone_verified"`
		} `json:"address"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &added), r.stdout)
	assert.Equal(t, "create-address", added.Operation)
	home := added.Address.ID
	require.NotEmpty(t, home)
	assert.True(t, added.Address.IsDefaultShipping, "the first address is the default")

	r = addresses(append([]string{"add", "--line2", "Floor 3", "--state", "IN-KA", "--default-shipping"}, homeFlags...)...)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "create-address: ok")
	assert.Contains(t, r.stdout, "[default shipping]")
	office := strings.Fields(strings.TrimPrefix(r.stdout, "create-address: ok  "))[0]

	r = addresses("list")
	require.Equal(t, 0, r.code, r.stderr)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, lines, 2, r.stdout)
	assert.True(t, strings.HasPrefix(lines[0], home+" (Home) [default billing]"), lines[0])
	assert.Contains(t, lines[1], "Floor 3")

	r = addresses("edit", home, "--landmark", "Opposite the metro", "--default-shipping")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "update-address-detail: ok")
	assert.Contains(t, r.stdout, "Opposite the metro")
	assert.Contains(t, r.stdout, "[default billing, shipping]")

	r = addresses("list", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	var listed struct {
		Addresses []struct {
			ID                string  `json:"id"`
			Landmark          *string `json:"landmark"`
			AddressLine1      string  `json:"address_line1"`
			IsDefaultShipping bool    `json:"is_default_shipping"`
		} `json:"addresses"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &listed), r.stdout)
	require.Len(t, listed.Addresses, 2)
	assert.Equal(t, "Opposite the metro", *listed.Addresses[0].Landmark)
	assert.Equal(t, "12 MG Road", listed.Addresses[0].AddressLine1, "the fields not given stay")
	assert.False(t, listed.Addresses[1].IsDefaultShipping, "the role moved")

	r = addresses("delete", office)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "delete-address: ok  "+office)
	r = addresses("list")
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(r.stdout), "\n")+1, r.stdout)
	noTokens(t, r.stdout+r.stderr)
}

// TestAddressesFailures: what the API refuses is one line on stderr (and
// an error object with --json), a bad command line is a usage error, and
// a session without a logged-in customer says how to log in.
func TestAddressesFailures(t *testing.T) {
	t.Parallel()
	srv, addresses := loggedIn(t)

	bad := append([]string{"add"}, homeFlags...)
	bad = append(bad, "--pincode", "400001")
	r := addresses(bad...)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "create-address: HTTP 400")
	assert.Contains(t, r.stderr, "pincode")
	assert.Equal(t, 1, strings.Count(strings.TrimRight(r.stderr, "\n"), "\n")+1, r.stderr)

	r = addresses("delete", "--id", "01J00000000000000000000000", "--json")
	assert.Equal(t, 1, r.code)
	var e errorJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &e), r.stdout)
	assert.Equal(t, 404, e.Status)
	assert.Equal(t, "delete-address", e.Step)

	r = addresses("add", "--first-name", "Asha")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--phone, --email, --line1, --city, --state, --pincode required")
	r = addresses("edit", "--id", "x")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "give at least one field")
	r = addresses("delete")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "an address ID is required")

	session := filepath.Join(t.TempDir(), "anon.json")
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	r = runCLI(t, environ, "", "auth", "anonymous", "--session", session)
	require.Equal(t, 0, r.code, r.stderr)
	for _, s := range []string{session, filepath.Join(t.TempDir(), "none.json")} {
		r = runCLI(t, environ, "", "addresses", "list", "--session", s)
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.stderr, "storefront auth login-password")
	}
}

// TestAddressesUsage: every operation takes --help; a bad flag or a stray
// argument is one line pointing to --help; the API key of the environment
// is never shown.
func TestAddressesUsage(t *testing.T) {
	t.Parallel()
	environ := map[string]string{"CE_API_KEY": liveKey, "CE_STORE_ID": "s1"}
	for _, args := range append(addressCommands, []string{"addresses"}) {
		r := runCLI(t, environ, "", append(args, "--help")...)
		assert.Equal(t, 0, r.code, "%v: %s", args, r.stderr)
		assert.Contains(t, r.stdout, "Usage", "%v", args)
		assert.NotContains(t, r.stdout+r.stderr, liveKey, "%v", args)
	}
	for _, cmd := range addressCommands {
		for _, extra := range [][]string{{"--bogus"}, {"--timeout", "soon"}, {"id-or-stray", "stray"}} {
			args := append(append([]string(nil), cmd...), extra...)
			r := runCLI(t, environ, "", args...)
			assert.Equal(t, 2, r.code, "%v", args)
			assert.Empty(t, r.stdout, "%v", args)
			lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
			if assert.Len(t, lines, 1, "%v:\n%s", args, r.stderr) {
				assert.Contains(t, lines[0], "storefront "+strings.Join(cmd, " ")+" --help", "%v", args)
			}
			assert.NotContains(t, r.stdout+r.stderr, liveKey, "%v", args)
		}
	}
	for _, args := range [][]string{{"addresses"}, {"addresses", "nope"}} {
		r := runCLI(t, nil, "", args...)
		assert.Equal(t, 2, r.code, "%v", args)
		assert.Contains(t, r.stderr, "storefront addresses --help")
	}
	r := runCLI(t, nil, "", "--help")
	assert.Contains(t, r.stdout, "storefront addresses list | add | edit ID | delete ID")
}
