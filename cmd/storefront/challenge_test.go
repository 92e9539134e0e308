package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// TestChallengeFileIgnoresPlantedSymlink: login-otp keeps the pending
// challenge (its otp_token, and the code in debug mode) next to the
// session file. A link planted where a predictable temporary file would
// go must not be followed: the file it points to stays as it was, and the
// challenge file is a new regular file with mode 0600.
func TestChallengeFileIgnoresPlantedSymlink(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	_, err := srv.CreateUser(storefronttest.UserParams{Email: "ravi@example.com", FirstName: "Ravi"})
	require.NoError(t, err)

	dir := t.TempDir()
	session := filepath.Join(dir, "session.json")
	challenge := filepath.Join(dir, "session.otp.json")
	victim := filepath.Join(t.TempDir(), "victim")
	require.NoError(t, os.WriteFile(victim, []byte("precious"), 0o644))
	for _, planted := range []string{challenge + ".tmp", challenge + ".tmp-0", filepath.Join(dir, ".session.otp.json.tmp")} {
		require.NoError(t, os.Symlink(victim, planted))
	}

	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	r := runCLI(t, environ, "", "auth", "login-otp", "--email", "ravi@example.com", "--debug", "--session", session)
	require.Equal(t, 0, r.code, r.stderr)

	got, err := os.ReadFile(victim)
	require.NoError(t, err)
	assert.Equal(t, "precious", string(got), "the challenge was written through a planted link")
	fi, err := os.Lstat(challenge)
	require.NoError(t, err)
	assert.True(t, fi.Mode().IsRegular(), "the challenge file is a regular file, not a link: %v", fi.Mode())
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

	// And the challenge it holds completes the login.
	r = runCLI(t, environ, "", "auth", "verify-otp", "--session", session)
	require.Equal(t, 0, r.code, r.stderr)
}
