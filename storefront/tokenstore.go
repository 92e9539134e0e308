package storefront

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Tokens is a shopper's token pair. Its String, GoString and LogValue
// methods never print the tokens, so a Tokens value can be logged or
// formatted with %v safely; read the fields to use them.
type Tokens struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

// IsZero reports whether t holds no token at all.
func (t Tokens) IsZero() bool { return t.AccessToken == "" && t.RefreshToken == "" }

// TokenStore keeps one shopper's token pair. Save replaces the pair as a
// whole: a Load never sees the access token of one pair with the refresh
// token of another. Load returns the zero Tokens and a nil error when
// nothing is stored. Implementations must be safe for concurrent use.
//
// The SDK ships MemoryStore and FileStore; package storefront/redisstore
// keeps pairs in Redis, and package storefront/web in an encrypted cookie
// or behind an opaque session ID. A store shared by several processes
// should implement RenewalCoordinator too, so that they refresh a pair
// once between them.
//
// Save and Clear may be called from another goroutine, and after the call
// that led to them has returned: a refresh shared by concurrent callers
// runs to its end even when the caller that started it gives up, because
// the API has already replaced the refresh token and losing the new pair
// would log the shopper out. A store tied to one HTTP request (a cookie)
// holds the pair in memory and writes its cookie before the response
// starts; storefront/web does that.
type TokenStore interface {
	Load(ctx context.Context) (Tokens, error)
	Save(ctx context.Context, t Tokens) error
	Clear(ctx context.Context) error
}

// MemoryStore is a TokenStore in memory. The zero value is ready to use.
type MemoryStore struct {
	mu sync.RWMutex
	t  Tokens
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore { return &MemoryStore{} }

// Load implements TokenStore.
func (m *MemoryStore) Load(context.Context) (Tokens, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.t, nil
}

// Save implements TokenStore.
func (m *MemoryStore) Save(_ context.Context, t Tokens) error {
	m.mu.Lock()
	m.t = t
	m.mu.Unlock()
	return nil
}

// Clear implements TokenStore.
func (m *MemoryStore) Clear(context.Context) error {
	m.mu.Lock()
	m.t = Tokens{}
	m.mu.Unlock()
	return nil
}

// FileStore is a TokenStore in a JSON file, for command-line programs and
// single-shopper tools. Save writes a temporary file with mode 0600 in the
// same directory, syncs it and renames it over the old one, so a crash at
// any moment leaves either the old pair or the new one, never a torn file.
//
// It is safe for concurrent use, and several processes may share the file:
// FileStore implements RenewalCoordinator with OS file locks (flock(2)) on
// two lock files beside it, one held while a process renews the pair, the
// other while it writes, so that the processes refresh the pair once
// between them and a renewal never overwrites a login another process
// saved. The kernel releases the locks of a process that dies, and a
// process waits for a lock no longer than its context and the store's
// lock timeout (DefaultFileLockTimeout). On systems without flock the
// locks hold within the process only.
type FileStore struct {
	path        string
	lockTimeout time.Duration
	mu          sync.Mutex
}

// DefaultFileLockTimeout bounds how long a FileStore waits for another
// process's renewal or write.
const DefaultFileLockTimeout = 15 * time.Second

// FileStoreOption configures a FileStore.
type FileStoreOption func(*FileStore)

// LockTimeout sets how long a FileStore waits for a lock another process
// holds (default DefaultFileLockTimeout); a duration that is not positive
// keeps the default.
func LockTimeout(d time.Duration) FileStoreOption {
	return func(f *FileStore) {
		if d > 0 {
			f.lockTimeout = d
		}
	}
}

// NewFileStore returns a FileStore at path. The file and its directory are
// created by the first Save (the directory with mode 0700).
func NewFileStore(path string, opts ...FileStoreOption) *FileStore {
	f := &FileStore{path: path, lockTimeout: DefaultFileLockTimeout}
	for _, o := range opts {
		if o != nil {
			o(f)
		}
	}
	return f
}

// Path returns the file the store writes.
func (f *FileStore) Path() string { return f.path }

// ErrCorruptTokenFile is returned by FileStore.Load for a file that is not a
// token pair written by FileStore.
var ErrCorruptTokenFile = errors.New("storefront: token file is corrupt")

// maxTokenFile bounds what Load reads: a token pair is a few kilobytes.
const maxTokenFile = 1 << 20

// Load implements TokenStore. A missing file is an empty store.
func (f *FileStore) Load(context.Context) (Tokens, error) {
	return f.loadLocked()
}

// loadLocked reads the file. It needs no lock: a write renames a complete
// file into place.
func (f *FileStore) loadLocked() (Tokens, error) {
	b, err := readFileLimited(f.path, maxTokenFile)
	if errors.Is(err, fs.ErrNotExist) {
		return Tokens{}, nil
	}
	if err != nil {
		return Tokens{}, errorf("storefront: read token file: %w", err)
	}
	return decodeTokenFile(b)
}

// decodeTokenFile parses the contents of a token file.
func decodeTokenFile(b []byte) (Tokens, error) {
	var t Tokens
	if err := json.Unmarshal(b, &t); err != nil {
		return Tokens{}, fmt.Errorf("%w: %s", ErrCorruptTokenFile, jsonErrorKind(err))
	}
	return t, nil
}

// jsonErrorKind describes a JSON error without quoting the input.
func jsonErrorKind(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("field %q has the wrong type", typ.Field)
	}
	return "invalid JSON"
}

func readFileLimited(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrCorruptTokenFile, limit)
	}
	return b, nil
}

// Save implements TokenStore.
func (f *FileStore) Save(ctx context.Context, t Tokens) error {
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	release, err := f.lockWrites(ctx)
	if err != nil {
		return err
	}
	defer release()
	return f.writeLocked(b)
}

// writeLocked replaces the file with b. Call it holding the write locks.
func (f *FileStore) writeLocked(b []byte) error {
	if err := writeTokenFile(f.path, b); err != nil {
		return err
	}
	removeStaleTemps(f.path, time.Now().Add(-staleTempAge))
	return nil
}

// lockWrites takes the store's write locks: the in-process mutex and the
// write lock file. Every write of the file happens under them, so that a
// compare-and-swap is atomic between processes.
func (f *FileStore) lockWrites(ctx context.Context) (func(), error) {
	release, err := lockFile(ctx, f.lockPath("write"), f.lockTimeout)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	return func() {
		f.mu.Unlock()
		release()
	}, nil
}

// lockPath is the lock file of kind ("write" or "renew") beside the token
// file, e.g. .session.json.write.lock.
func (f *FileStore) lockPath(kind string) string {
	return filepath.Join(filepath.Dir(f.path), "."+filepath.Base(f.path)+"."+kind+".lock")
}

// LockRenewal implements RenewalCoordinator: it runs fn holding the
// store's renewal lock (the file holds one shopper, so key is not needed).
func (f *FileStore) LockRenewal(ctx context.Context, _ string, fn func(context.Context) error) error {
	release, err := lockFile(ctx, f.lockPath("renew"), f.lockTimeout)
	if err != nil {
		return err
	}
	defer release()
	return fn(ctx)
}

// CompareAndSwap implements RenewalCoordinator: under the write locks, it
// saves next (or removes the file, for a zero next) if the file holds
// prev.
func (f *FileStore) CompareAndSwap(ctx context.Context, prev, next Tokens) (Tokens, bool, error) {
	var b []byte
	if !next.IsZero() {
		var err error
		if b, err = json.Marshal(next); err != nil {
			return Tokens{}, false, err
		}
	}
	release, err := f.lockWrites(ctx)
	if err != nil {
		return Tokens{}, false, err
	}
	defer release()
	cur, err := f.loadLocked()
	if err != nil {
		return Tokens{}, false, err
	}
	if cur != prev {
		return cur, false, nil
	}
	if next.IsZero() {
		err = f.removeLocked()
	} else {
		err = f.writeLocked(b)
	}
	if err != nil {
		return Tokens{}, false, err
	}
	return next, true, nil
}

// staleTempAge is how old a temporary file must be before a Save removes it:
// a process killed during a save leaves one, and a younger one may belong to
// another process saving right now.
const staleTempAge = time.Minute

// removeStaleTemps removes the temporary files of path's saves that were
// left before cutoff. Failures are ignored: it is housekeeping.
func removeStaleTemps(path string, cutoff time.Time) {
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + filepath.Base(path) + ".tmp-"
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(cutoff) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// Clear implements TokenStore: it removes the file.
func (f *FileStore) Clear(ctx context.Context) error {
	release, err := f.lockWrites(ctx)
	if err != nil {
		return err
	}
	defer release()
	return f.removeLocked()
}

func (f *FileStore) removeLocked() error {
	if err := os.Remove(f.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return errorf("clear token file: %w", err)
	}
	return nil
}
