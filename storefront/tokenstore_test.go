package storefront

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStores(t *testing.T) {
	t.Parallel()
	stores := map[string]func(t *testing.T) TokenStore{
		"memory": func(t *testing.T) TokenStore { return NewMemoryStore() },
		"file":   func(t *testing.T) TokenStore { return NewFileStore(filepath.Join(t.TempDir(), "sub", "session.json")) },
	}
	for name, mk := range stores {
		t.Run(name, func(t *testing.T) {
			s := mk(t)
			got, err := s.Load(bg)
			require.NoError(t, err)
			assert.True(t, got.IsZero(), "empty store loads the zero Tokens")

			want := Tokens{AccessToken: "a.b.c", RefreshToken: "d.e.f"}
			require.NoError(t, s.Save(bg, want))
			got, err = s.Load(bg)
			require.NoError(t, err)
			assert.Equal(t, want, got)

			require.NoError(t, s.Clear(bg))
			got, err = s.Load(bg)
			require.NoError(t, err)
			assert.True(t, got.IsZero())
			require.NoError(t, s.Clear(bg), "clearing twice is fine")

			// Concurrent saves and loads never mix two pairs.
			var wg sync.WaitGroup
			for i := range 8 {
				wg.Go(func() {
					for j := range 25 {
						p := Tokens{AccessToken: fmt.Sprintf("a%d-%d", i, j), RefreshToken: fmt.Sprintf("r%d-%d", i, j)}
						assert.NoError(t, s.Save(bg, p))
						l, err := s.Load(bg)
						assert.NoError(t, err)
						assert.Equal(t, strings.TrimPrefix(l.AccessToken, "a"), strings.TrimPrefix(l.RefreshToken, "r"), "a torn pair")
					}
				})
			}
			wg.Wait()
		})
	}
}

func TestFileStoreModeAndAtomicity(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "cfg", "session.json")
	s := NewFileStore(path)
	assert.Equal(t, path, s.Path())
	require.NoError(t, s.Save(bg, Tokens{AccessToken: "a", RefreshToken: "r"}))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	di, err := os.Stat(filepath.Dir(path))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), di.Mode().Perm())

	// An existing file with loose permissions is replaced by a 0600 one.
	require.NoError(t, os.Chmod(path, 0o644))
	require.NoError(t, s.Save(bg, Tokens{AccessToken: "a2", RefreshToken: "r2"}))
	fi, _ = os.Stat(path)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

	entries, _ := os.ReadDir(filepath.Dir(path))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"session.json", ".session.json.write.lock"}, names, "no temporary files left behind")
}

func TestFileStoreCorruptFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "session.json")
	for _, content := range []string{"", "{", `{"access_token":7}`, "\x00\x01", `["a"]`} {
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
		_, err := NewFileStore(path).Load(bg)
		require.ErrorIs(t, err, ErrCorruptTokenFile, "%q", content)
	}
	secret := "eyJhbGciOiJIUzI1NiJ9.eyJ1bGlkIjoidSJ9.sig-secret-part"
	require.NoError(t, os.WriteFile(path, []byte(`{"access_token":"`+secret+`",`), 0o600))
	_, err := NewFileStore(path).Load(bg)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), secret)

	big := make([]byte, maxTokenFile+10)
	require.NoError(t, os.WriteFile(path, big, 0o600))
	_, err = NewFileStore(path).Load(bg)
	require.ErrorIs(t, err, ErrCorruptTokenFile)
}

func TestSecretsDoNotPrint(t *testing.T) {
	t.Parallel()
	tok := Tokens{AccessToken: "ACCESS-SECRET", RefreshToken: "REFRESH-SECRET"}
	res := &AuthResult{User: &User{ID: "u-1"}, AccessToken: "ACCESS-SECRET", RefreshToken: "REFRESH-SECRET"}
	ch := OTPChallenge{Token: "OTP-TOKEN-SECRET", Action: OTPLogin, OTP: "123456"}
	var logs strings.Builder
	l := slog.New(slog.NewJSONHandler(&logs, nil))
	l.Info("x", "tokens", tok, "result", res, "challenge", ch)
	for _, s := range []string{
		fmt.Sprint(tok), fmt.Sprintf("%+v", tok), fmt.Sprintf("%#v", tok),
		fmt.Sprint(res), fmt.Sprintf("%+v", res), fmt.Sprintf("%#v", res), fmt.Sprintf("%v", *res),
		fmt.Sprint(ch), fmt.Sprintf("%+v", ch), fmt.Sprintf("%#v", ch),
		logs.String(),
	} {
		for _, secret := range []string{"ACCESS-SECRET", "REFRESH-SECRET", "OTP-TOKEN-SECRET", "123456"} {
			assert.NotContains(t, s, secret)
		}
	}
	assert.Contains(t, fmt.Sprint(res), "u-1")
	assert.Contains(t, fmt.Sprint(tok), "<redacted>")
}

func TestFileStoreRemovesStaleTempFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "session.json")
	stale := filepath.Join(dir, ".session.json.tmp-123")
	fresh := filepath.Join(dir, ".session.json.tmp-456")
	other := filepath.Join(dir, ".other.json.tmp-789")
	for _, f := range []string{stale, fresh, other} {
		require.NoError(t, os.WriteFile(f, []byte("{"), 0o600))
	}
	old := time.Now().Add(-2 * staleTempAge)
	require.NoError(t, os.Chtimes(stale, old, old))
	require.NoError(t, os.Chtimes(other, old, old))

	require.NoError(t, NewFileStore(path).Save(bg, Tokens{AccessToken: "a", RefreshToken: "r"}))
	_, err := os.Stat(stale)
	assert.ErrorIs(t, err, os.ErrNotExist, "a temp file a killed save left is removed")
	_, err = os.Stat(fresh)
	assert.NoError(t, err, "a recent one may be another process's save in progress")
	_, err = os.Stat(other)
	assert.NoError(t, err, "another store's files are not touched")
}
