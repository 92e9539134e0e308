package web

import (
	"container/list"
	"context"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/storefront"
)

// MemoryTokens keeps server-side sessions' pairs in this process's memory,
// for a back end with one replica (and for tests). It holds a record only
// for a session that saved a pair: looking up an ID it does not hold
// creates nothing. A session unused for its idle time is forgotten, and
// past the cap (DefaultMaxSessions, or MaxSessions) the least recently
// used session is forgotten first. It is safe for concurrent use.
type MemoryTokens struct {
	idle time.Duration
	max  int
	now  func() time.Time

	mu    sync.Mutex
	byID  map[string]*list.Element // of *memoryEntry
	order list.List                // the most recently used first
}

type memoryEntry struct {
	id       string
	t        storefront.Tokens
	lastUsed time.Time
}

// DefaultMaxSessions is how many sessions a MemoryTokens keeps at most
// unless MaxSessions says otherwise.
const DefaultMaxSessions = 100_000

// MemoryTokensOption configures a MemoryTokens.
type MemoryTokensOption func(*MemoryTokens)

// MaxSessions sets how many sessions a MemoryTokens keeps at most (default
// DefaultMaxSessions); past it, the least recently used is forgotten. A
// value that is not positive keeps the default.
func MaxSessions(n int) MemoryTokensOption {
	return func(m *MemoryTokens) {
		if n > 0 {
			m.max = n
		}
	}
}

// NewMemoryTokens returns an empty MemoryTokens whose sessions are
// forgotten after idle without a request (DefaultCookieMaxAge when not
// positive).
func NewMemoryTokens(idle time.Duration, opts ...MemoryTokensOption) *MemoryTokens {
	if idle <= 0 {
		idle = DefaultCookieMaxAge
	}
	m := &MemoryTokens{idle: idle, max: DefaultMaxSessions, now: time.Now, byID: map[string]*list.Element{}}
	for _, o := range opts {
		if o != nil {
			o(m)
		}
	}
	return m
}

// Store returns the TokenStore of the session id, for ServerConfig.Tokens.
// It creates no record: the first Save does. Besides TokenStore, it has an
// atomic CompareAndSwap (storefront.RenewalCoordinator's).
func (m *MemoryTokens) Store(id string) storefront.TokenStore { return memoryStore{m, id} }

// Len returns how many sessions are kept.
func (m *MemoryTokens) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.expireLocked(m.now())
	return m.order.Len()
}

// expireLocked forgets the sessions idle for too long, and the least
// recently used beyond the cap.
func (m *MemoryTokens) expireLocked(now time.Time) {
	for m.order.Len() > 0 {
		e := m.order.Back().Value.(*memoryEntry)
		if m.order.Len() <= m.max && now.Sub(e.lastUsed) <= m.idle {
			return
		}
		m.order.Remove(m.order.Back())
		delete(m.byID, e.id)
	}
}

// getLocked returns id's pair, marking it used; the zero Tokens when there
// is none.
func (m *MemoryTokens) getLocked(id string, now time.Time) storefront.Tokens {
	m.expireLocked(now)
	el := m.byID[id]
	if el == nil {
		return storefront.Tokens{}
	}
	e := el.Value.(*memoryEntry)
	e.lastUsed = now
	m.order.MoveToFront(el)
	return e.t
}

// setLocked stores t as id's pair; the zero Tokens deletes the record.
func (m *MemoryTokens) setLocked(id string, t storefront.Tokens, now time.Time) {
	el := m.byID[id]
	switch {
	case t.IsZero():
		if el != nil {
			m.order.Remove(el)
			delete(m.byID, id)
		}
	case el != nil:
		e := el.Value.(*memoryEntry)
		e.t, e.lastUsed = t, now
		m.order.MoveToFront(el)
	default:
		m.byID[id] = m.order.PushFront(&memoryEntry{id: id, t: t, lastUsed: now})
	}
	m.expireLocked(now)
}

// memoryStore is the TokenStore of one ID of a MemoryTokens.
type memoryStore struct {
	m  *MemoryTokens
	id string
}

func (s memoryStore) Load(context.Context) (storefront.Tokens, error) {
	s.m.mu.Lock()
	defer s.m.mu.Unlock()
	return s.m.getLocked(s.id, s.m.now()), nil
}

func (s memoryStore) Save(_ context.Context, t storefront.Tokens) error {
	s.m.mu.Lock()
	defer s.m.mu.Unlock()
	s.m.setLocked(s.id, t, s.m.now())
	return nil
}

func (s memoryStore) Clear(ctx context.Context) error { return s.Save(ctx, storefront.Tokens{}) }

// CompareAndSwap saves next (deleting the record for a zero next) if the
// record holds prev (no record holds the zero Tokens).
func (s memoryStore) CompareAndSwap(_ context.Context, prev, next storefront.Tokens) (storefront.Tokens, bool, error) {
	s.m.mu.Lock()
	defer s.m.mu.Unlock()
	now := s.m.now()
	if cur := s.m.getLocked(s.id, now); cur != prev {
		return cur, false, nil
	}
	s.m.setLocked(s.id, next, now)
	return next, true, nil
}
