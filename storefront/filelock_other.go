//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package storefront

import (
	"os"
	"sync"
)

// heldLockFiles stands in for flock(2) where it is missing: FileStores in
// one process coordinate through this table of held lock files; processes
// do not.
var heldLockFiles sync.Map // lock file name → struct{}

func tryLockFile(f *os.File) (bool, error) {
	_, held := heldLockFiles.LoadOrStore(f.Name(), struct{}{})
	return !held, nil
}

func unlockFile(f *os.File) error {
	heldLockFiles.Delete(f.Name())
	return nil
}
