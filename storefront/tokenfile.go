package storefront

import (
	"github.com/commercengine-go/sdk/internal/atomicfile"
)

// writeTokenFile replaces the token file at path with data, mode 0600,
// through a temporary file and a rename (see atomicfile.Write); the
// temporary files are named as removeStaleTemps expects.
func writeTokenFile(path string, data []byte) error {
	if err := atomicfile.Write(path, data, 0o600); err != nil {
		return errorf("write token file: %w", err)
	}
	return nil
}
