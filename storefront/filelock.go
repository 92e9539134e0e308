package storefront

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// lockFile waits for an exclusive lock on the file at path (created with
// mode 0600, never removed: removing a lock file lets two processes lock
// two different files) and returns its release. It gives up when ctx ends
// or after timeout, with an error matching ErrRenewalLockTimeout. A
// process that dies holding the lock loses it at once (the kernel closes
// its files), so a killed process blocks nobody.
func lockFile(ctx context.Context, path string, timeout time.Duration) (release func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, errorf("create token directory: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, errorf("open lock file: %w", err)
	}
	deadline := time.Now().Add(timeout)
	wait := 500 * time.Microsecond
	for {
		ok, err := tryLockFile(f)
		if err != nil {
			f.Close()
			return nil, errorf("lock %s: %w", filepath.Base(path), err)
		}
		if ok {
			return func() {
				_ = unlockFile(f)
				_ = f.Close()
			}, nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			f.Close()
			return nil, fmt.Errorf("%w: %s held for more than %v", ErrRenewalLockTimeout, filepath.Base(path), timeout)
		}
		t := time.NewTimer(min(wait, left))
		select {
		case <-ctx.Done():
			t.Stop()
			f.Close()
			return nil, errorf("waiting for %s: %w", filepath.Base(path), ctx.Err())
		case <-t.C:
		}
		wait = min(wait*2, 10*time.Millisecond)
	}
}
