package redisstore

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/commercengine-go/sdk/storefront"
)

// Defaults of a Backend.
const (
	DefaultPrefix     = "storefront:"
	DefaultSessionTTL = 30 * 24 * time.Hour // the API's refresh tokens live 30 days
	DefaultLockTTL    = 5 * time.Second
	DefaultLockWait   = 15 * time.Second
)

// Backend keeps token pairs in Redis. It is safe for concurrent use; make
// one per Redis client and share it.
type Backend struct {
	rdb        redis.UniversalClient
	prefix     string
	sessionTTL time.Duration
	lockTTL    time.Duration
	lockWait   time.Duration
}

// Option configures a Backend.
type Option func(*Backend)

// WithPrefix sets the prefix of every key the Backend writes (default
// DefaultPrefix).
func WithPrefix(p string) Option { return func(b *Backend) { b.prefix = p } }

// WithSessionTTL sets how long a session's record lives after its last
// save (default DefaultSessionTTL); a duration that is not positive keeps
// the default.
func WithSessionTTL(d time.Duration) Option {
	return func(b *Backend) {
		if d > 0 {
			b.sessionTTL = d
		}
	}
}

// WithLockTTL sets the expiry of a renewal lock (default DefaultLockTTL).
// The holder extends it while it renews, so it bounds only how long a
// replica that died holding the lock blocks the others, until it sends the
// refresh: from then the lock lasts until the new pair is saved (see
// Backend.HoldRenewalLock). Values below 100 ms are raised to 100 ms.
func WithLockTTL(d time.Duration) Option {
	return func(b *Backend) { b.lockTTL = max(d, 100*time.Millisecond) }
}

// WithLockWait sets how long a replica waits for another's renewal
// before giving up with storefront.ErrRenewalLockTimeout (default
// DefaultLockWait); a duration that is not positive keeps the default.
func WithLockWait(d time.Duration) Option {
	return func(b *Backend) {
		if d > 0 {
			b.lockWait = d
		}
	}
}

// New returns a Backend over rdb (a *redis.Client, *redis.ClusterClient
// …).
func New(rdb redis.UniversalClient, opts ...Option) *Backend {
	b := &Backend{rdb: rdb, prefix: DefaultPrefix, sessionTTL: DefaultSessionTTL, lockTTL: DefaultLockTTL, lockWait: DefaultLockWait}
	for _, o := range opts {
		if o != nil {
			o(b)
		}
	}
	return b
}

// ErrBadSessionID is returned for a session ID that NewSessionID did not
// make.
var ErrBadSessionID = errors.New("redisstore: malformed session ID")

// sessionIDBytes is the entropy of a session ID: 256 bits.
const sessionIDBytes = 32

// NewSessionID returns a new opaque session ID: 32 random bytes, base64url
// (43 characters).
func NewSessionID() (string, error) {
	b := make([]byte, sessionIDBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("redisstore: session ID: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// ValidSessionID reports whether id has the form NewSessionID gives.
func ValidSessionID(id string) bool {
	if len(id) != base64.RawURLEncoding.EncodedLen(sessionIDBytes) {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(id)
	return err == nil && !strings.ContainsAny(id, "=")
}

// Store returns the TokenStore of the session id (from NewSessionID). An
// ID of another form gets a store whose every call fails with
// ErrBadSessionID.
func (b *Backend) Store(id string) *Store {
	return &Store{b: b, id: id, key: b.prefix + "session:" + id, bad: !ValidSessionID(id)}
}

// TokenStore is Store with the storefront.TokenStore result type, for a
// factory such as web.ServerSessions.
func (b *Backend) TokenStore(id string) storefront.TokenStore { return b.Store(id) }

func (b *Backend) lockKey(renewalKey string) string    { return b.prefix + "renew-lock:" + renewalKey }
func (b *Backend) journalKey(renewalKey string) string { return b.prefix + "renewed:" + renewalKey }

// bounded runs call, one round trip to Redis, and returns by the end of
// ctx even when Redis does not answer: go-redis bounds a command by its
// own timeouts and retries, not by the context (unless the client sets
// ContextTimeoutEnabled). A call given up on this way goes on in the
// background until go-redis ends it; its answer is dropped.
func bounded[T any](ctx context.Context, call func(context.Context) (T, error)) (T, error) {
	var zero T
	if ctx.Done() == nil {
		return call(ctx)
	}
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	type answer struct {
		v   T
		err error
	}
	answers := make(chan answer, 1)
	go func() {
		v, err := call(ctx)
		answers <- answer{v, err}
	}()
	select {
	case a := <-answers:
		return a.v, a.err
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}
