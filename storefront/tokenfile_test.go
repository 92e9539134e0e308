package storefront

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/atomicfile"
)

// The temporary files a save makes are the ones a later save removes once
// stale: both sides agree on their names.
func TestFileStoreRemovesItsOwnStaleTemporaryFiles(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "session.json")
	left := filepath.Join(filepath.Dir(path), atomicfile.TempPrefix(path)+"4242")
	require.NoError(t, os.WriteFile(left, []byte("{"), 0o600))
	old := time.Now().Add(-2 * staleTempAge)
	require.NoError(t, os.Chtimes(left, old, old))
	require.NoError(t, NewFileStore(path).Save(bg, Tokens{AccessToken: "a", RefreshToken: "r"}))
	_, err := os.Stat(left)
	assert.ErrorIs(t, err, os.ErrNotExist)
}
