//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package storefront

import (
	"os"
	"sync"
)

// crossProcessLocks reports whether file locks hold between processes on
// this system. Here they do not: FileStores in one process coordinate
// through an in-process table of held lock files, and processes do not.
const crossProcessLocks = false

var heldLockFiles sync.Map // lock file name → struct{}

func tryLockFile(f *os.File) (bool, error) {
	_, held := heldLockFiles.LoadOrStore(f.Name(), struct{}{})
	return !held, nil
}

func unlockFile(f *os.File) error {
	heldLockFiles.Delete(f.Name())
	return nil
}
