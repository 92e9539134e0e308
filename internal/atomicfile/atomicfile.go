// Package atomicfile replaces a file's contents so that a reader, or a
// crash at any moment, sees the old contents or the new ones, never a torn
// file, and so that a link planted next to the file is never written
// through.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// TempPrefix is the start of the names of the temporary files Write makes
// for path: ".<base name>.tmp-". A process killed in the middle of a Write
// leaves one behind; callers may remove old ones.
func TempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

// Write replaces path with data. It creates path's directory with mode 0700
// when it is missing, writes data to a new temporary file in that
// directory (its name is random and it is created exclusively, so a link
// an attacker planted is never followed), sets perm whatever the umask,
// syncs it, and renames it over path (a link at path is replaced, not
// followed), then syncs the directory so that the rename survives a crash.
// On failure the temporary file is removed and path is left as it was.
func Write(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create directory: %w", err)
	}
	tmp, err := os.CreateTemp(dir, TempPrefix(path)+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync() // makes the rename durable; not every file system supports it
		_ = d.Close()
	}
	return nil
}
