package web

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/storefront"
)

// ServerConfig configures ServerSessions.
type ServerConfig struct {
	// Tokens returns the TokenStore of the session id: a
	// *redisstore.Backend's TokenStore method for several replicas, or a
	// MemoryTokens's Store for one process. Required.
	Tokens func(id string) storefront.TokenStore
	// Cookie sets the attributes of the cookie carrying the ID.
	Cookie CookieOptions
}

// ServerSessions keeps an opaque random session ID in the cookie (32
// random bytes, base64url: nothing to decrypt, nothing to guess) and the
// shopper's pair in the TokenStore of that ID. A new shopper's ID cookie
// is set when their request first uses its Session; a pair saved after the
// response started is saved to the store all the same. It is safe for
// concurrent use.
type ServerSessions struct {
	tokens func(id string) storefront.TokenStore
	cookie CookieOptions
}

// NewServerSessions returns server-side sessions with cfg.
func NewServerSessions(cfg ServerConfig) (*ServerSessions, error) {
	if cfg.Tokens == nil {
		return nil, errors.New("web: server sessions need a Tokens function")
	}
	cookie, err := cfg.Cookie.withDefaults()
	if err != nil {
		return nil, err
	}
	return &ServerSessions{tokens: cfg.Tokens, cookie: cookie}, nil
}

// sessionIDBytes is the entropy of a session ID: 256 bits.
const sessionIDBytes = 32

// NewSessionID returns a new opaque session ID: 32 random bytes, base64url
// (43 characters), the form redisstore expects.
func NewSessionID() (string, error) {
	b := make([]byte, sessionIDBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("web: session ID: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func validSessionID(id string) bool {
	if len(id) != base64.RawURLEncoding.EncodedLen(sessionIDBytes) {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(id)
	return err == nil
}

func (s *ServerSessions) open(r *http.Request, logger *slog.Logger) (storefront.TokenStore, func(http.Header), error) {
	if id := s.cookie.read(r); validSessionID(id) {
		return s.tokens(id), nil, nil // the ID never changes: no cookie to write
	}
	id, err := NewSessionID()
	if err != nil {
		return nil, nil, err
	}
	cookie := s.cookie.cookie(id).String()
	return s.tokens(id), func(h http.Header) { h.Add("Set-Cookie", cookie) }, nil
}

// MemoryTokens keeps server-side sessions' pairs in this process's memory,
// for a back end with one replica (and for tests). A session unused for
// its idle time is forgotten. It is safe for concurrent use.
type MemoryTokens struct {
	idle time.Duration

	mu        sync.Mutex
	stores    map[string]*memoryEntry
	nextSweep time.Time
}

type memoryEntry struct {
	store    *storefront.MemoryStore
	lastUsed time.Time
}

// NewMemoryTokens returns an empty MemoryTokens whose sessions are
// forgotten after idle without a request (DefaultCookieMaxAge when not
// positive).
func NewMemoryTokens(idle time.Duration) *MemoryTokens {
	if idle <= 0 {
		idle = DefaultCookieMaxAge
	}
	return &MemoryTokens{idle: idle, stores: map[string]*memoryEntry{}}
}

// Store returns the TokenStore of the session id, for ServerConfig.Tokens.
func (m *MemoryTokens) Store(id string) storefront.TokenStore {
	now := time.Now()
	m.mu.Lock()
	defer m.mu.Unlock()
	if now.After(m.nextSweep) {
		m.nextSweep = now.Add(min(m.idle, time.Minute))
		for k, e := range m.stores {
			if now.Sub(e.lastUsed) > m.idle {
				delete(m.stores, k)
			}
		}
	}
	e := m.stores[id]
	if e == nil {
		e = &memoryEntry{store: storefront.NewMemoryStore()}
		m.stores[id] = e
	}
	e.lastUsed = now
	return e.store
}

// Len returns how many sessions are kept.
func (m *MemoryTokens) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.stores)
}
