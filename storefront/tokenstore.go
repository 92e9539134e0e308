package storefront

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
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

func (t Tokens) String() string {
	return fmt.Sprintf("Tokens{AccessToken:%s RefreshToken:%s}", present(t.AccessToken), present(t.RefreshToken))
}

// GoString keeps %#v from printing the tokens.
func (t Tokens) GoString() string { return "storefront." + t.String() }

// Format keeps every fmt verb (%d and %x too) from printing the tokens.
func (t Tokens) Format(f fmt.State, verb rune) { formatRedacted(f, verb, t) }

// formatRedacted prints v through its String method, or GoString for %#v,
// whatever the verb: the fields of v are secrets.
func formatRedacted(f fmt.State, verb rune, v interface {
	String() string
	GoString() string
}) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, v.GoString())
		return
	}
	_, _ = io.WriteString(f, v.String())
}

// LogValue implements slog.LogValuer.
func (t Tokens) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("access_token", present(t.AccessToken)),
		slog.String("refresh_token", present(t.RefreshToken)))
}

func present(s string) string {
	if s == "" {
		return "<none>"
	}
	return "<redacted>"
}

// TokenStore keeps one shopper's token pair. Save replaces the pair as a
// whole: a Load never sees the access token of one pair with the refresh
// token of another. Load returns the zero Tokens and a nil error when
// nothing is stored. Implementations must be safe for concurrent use.
//
// The SDK ships MemoryStore and FileStore; a back end serving many shoppers
// implements TokenStore over its own session storage (a cookie, Redis, a
// database row), one store per shopper.
//
// Save and Clear may be called from another goroutine, and after the call
// that led to them has returned: a refresh shared by concurrent callers
// runs to its end even when the caller that started it gives up, because
// the API has already replaced the refresh token and losing the new pair
// would log the shopper out. A store tied to one HTTP request (a cookie)
// should hold the pair in memory and write its cookie from the handler once
// the SDK calls are done, dropping later saves, as the Client.NewSession
// example does.
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
// It is safe for concurrent use within a process; across processes each
// Load sees one complete pair.
type FileStore struct {
	path string
	mu   sync.Mutex
}

// NewFileStore returns a FileStore at path. The file and its directory are
// created by the first Save (the directory with mode 0700).
func NewFileStore(path string) *FileStore { return &FileStore{path: path} }

// Path returns the file the store writes.
func (f *FileStore) Path() string { return f.path }

// ErrCorruptTokenFile is returned by FileStore.Load for a file that is not a
// token pair written by FileStore.
var ErrCorruptTokenFile = errors.New("storefront: token file is corrupt")

// maxTokenFile bounds what Load reads: a token pair is a few kilobytes.
const maxTokenFile = 1 << 20

// Load implements TokenStore. A missing file is an empty store.
func (f *FileStore) Load(context.Context) (Tokens, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
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
func (f *FileStore) Save(_ context.Context, t Tokens) error {
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := writeTokenFile(f.path, b); err != nil {
		return err
	}
	removeStaleTemps(f.path, time.Now().Add(-staleTempAge))
	return nil
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
func (f *FileStore) Clear(context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := os.Remove(f.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("storefront: clear token file: %w", err)
	}
	return nil
}
