package web

import (
	"context"
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
	// MemoryTokens's Store for one process. Required. The store's Load
	// returning no pair means the ID has no record, and its Clear deletes
	// the record; a store that also implements
	// storefront.RenewalCoordinator (and RenewalJournal) lets replicas
	// renew a pair once between them.
	Tokens func(id string) storefront.TokenStore
	// Cookie sets the attributes of the cookie carrying the ID.
	Cookie CookieOptions
}

// ServerSessions keeps an opaque random session ID in the cookie (32
// random bytes, base64url: nothing to decrypt, nothing to guess) and the
// shopper's pair in the TokenStore of that ID. It is safe for concurrent
// use.
//
// Session IDs are guarded against fixation:
//
//   - An ID is adopted only if the store holds a pair for it: an ID the
//     server never issued, or whose record was deleted or expired, is
//     ignored, and the request gets a fresh ID once its session saves a
//     pair. A request that only reads its session sets no cookie.
//   - The ID changes whenever the shopper's identity does (the user ID, or
//     whether they are logged in: a login, a registration, a logout, a
//     session the API ended): the pair is saved under a new ID, the old
//     record is deleted, and the new ID's cookie goes out with that
//     response. An identity change after the response started cannot send
//     its cookie, so it fails with ErrResponseStarted and the old record
//     keeps what it held.
//   - A request whose ID another request of the shopper moved away (their
//     login, say) while it ran writes nothing under the old ID and sends
//     no cookie: the other response's new ID stands.
//
// A pair renewed after the response started is saved under the same ID
// all the same. The middleware never sends a deleting cookie in this mode:
// an ID without a record is never adopted again.
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

func (s *ServerSessions) open(r *http.Request, logger *slog.Logger) (requestTokens, error) {
	st := &serverTokens{sessions: s, logger: logger, ctx: r.Context()}
	if id := s.cookie.read(r); validSessionID(id) {
		st.browserID = id
	}
	// The kind of store decides what the request's store offers the
	// Session: the store of any ID will do.
	probeID := st.browserID
	if probeID == "" {
		var err error
		if probeID, err = NewSessionID(); err != nil {
			return nil, err
		}
		st.freshID = probeID
	}
	st.probe = s.tokens(probeID)
	st.view = st
	if rc, ok := st.probe.(storefront.RenewalCoordinator); ok {
		st.view = coordinatedServerTokens{st, rc}
		if journal, ok := st.probe.(storefront.RenewalJournal); ok {
			st.view = journaledServerTokens{coordinatedServerTokens{st, rc}, journal}
		}
	}
	return st, nil
}

// swapper is the compare-and-swap of a store that has one
// (storefront.RenewalCoordinator's, or MemoryTokens's).
type swapper interface {
	CompareAndSwap(ctx context.Context, prev, next storefront.Tokens) (storefront.Tokens, bool, error)
}

// serverTokens is one request's TokenStore in server-side mode: the store
// of the request's session ID, which it changes on identity changes (see
// ServerSessions). Every store call runs under mu: the calls of one
// request are few, and an ID change must not interleave with them.
type serverTokens struct {
	sessions  *ServerSessions
	logger    *slog.Logger
	ctx       context.Context
	browserID string                // the well-formed ID of the request's cookie, "" when none
	freshID   string                // an ID made for this request, not used yet
	probe     storefront.TokenStore // a store of the same kind, for the capabilities
	view      storefront.TokenStore // what the Session gets: st, or st with those capabilities

	mu       sync.Mutex
	verified bool                  // browserID has been looked up
	id       string                // the ID the session lives under; "" while it has no record
	store    storefront.TokenStore // the store of id
	held     storefront.Tokens     // what id's record holds, as far as this request knows
	exposed  bool                  // the browser has id: it came in the cookie, or its cookie went out
	detached bool                  // id's record was deleted by another request: pairs stay in memory
	started  bool                  // the response header has gone
	orphans  []storefront.TokenStore
}

func (st *serverTokens) sessionStore() storefront.TokenStore { return st.view }

// verifyLocked looks the browser's ID up once: an ID with a record is
// adopted, any other is ignored. It returns what the record holds.
func (st *serverTokens) verifyLocked(ctx context.Context) (storefront.Tokens, error) {
	if st.verified {
		return st.held, nil
	}
	if st.browserID != "" {
		store := st.probe
		t, err := store.Load(ctx)
		if err != nil {
			return storefront.Tokens{}, err
		}
		if !t.IsZero() {
			st.id, st.store, st.held, st.exposed = st.browserID, store, t, true
		} else {
			st.logger.LogAttrs(ctx, slog.LevelDebug, "storefront/web: the session cookie names no stored session; a new ID replaces it when the session saves a pair")
		}
	}
	st.verified = true
	return st.held, nil
}

// Load implements storefront.TokenStore.
func (st *serverTokens) Load(ctx context.Context) (storefront.Tokens, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if !st.verified {
		return st.verifyLocked(ctx)
	}
	if st.detached || st.store == nil {
		return st.held, nil
	}
	t, err := st.store.Load(ctx)
	if err != nil {
		return storefront.Tokens{}, err
	}
	st.observeLocked(ctx, t)
	return st.held, nil
}

// observeLocked takes in what id's record was found to hold: no pair where
// there was one means another request deleted it (a login elsewhere moved
// the session to a new ID, a logout): the request goes on detached.
func (st *serverTokens) observeLocked(ctx context.Context, t storefront.Tokens) {
	if t.IsZero() && !st.held.IsZero() {
		st.logger.LogAttrs(ctx, slog.LevelDebug, "storefront/web: another request of the shopper replaced their session ID; this request keeps its pairs in memory and sends no cookie")
		st.detached = true
	}
	st.held = t
}

// Save implements storefront.TokenStore.
func (st *serverTokens) Save(ctx context.Context, t storefront.Tokens) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if _, err := st.verifyLocked(ctx); err != nil {
		return err
	}
	_, _, err := st.writeLocked(ctx, nil, t)
	return err
}

// Clear implements storefront.TokenStore: it deletes the record.
func (st *serverTokens) Clear(ctx context.Context) error { return st.Save(ctx, storefront.Tokens{}) }

// compareAndSwap is CompareAndSwap for the views that offer it.
func (st *serverTokens) compareAndSwap(ctx context.Context, prev, next storefront.Tokens) (storefront.Tokens, bool, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if _, err := st.verifyLocked(ctx); err != nil {
		return storefront.Tokens{}, false, err
	}
	return st.writeLocked(ctx, &prev, next)
}

// writeLocked saves next (a zero next deletes the record), if the record
// holds *prev when prev is not nil, moving the session to a new ID when
// next changes the identity of an ID the browser has. It returns what the
// record holds afterwards and whether it wrote.
func (st *serverTokens) writeLocked(ctx context.Context, prev *storefront.Tokens, next storefront.Tokens) (storefront.Tokens, bool, error) {
	if st.detached {
		if prev != nil && *prev != st.held {
			return st.held, false, nil
		}
		st.held = next
		return next, true, nil
	}
	if st.store == nil { // no record yet
		if prev != nil && !prev.IsZero() {
			return storefront.Tokens{}, false, nil
		}
		if next.IsZero() {
			return next, true, nil
		}
		if st.started {
			// Its cookie could not reach the browser: keep the pair in
			// memory rather than under an ID nobody will send.
			st.logger.LogAttrs(ctx, slog.LevelWarn, "storefront/web: a new shopper's session saved its first pair after the response started; it cannot be kept (call web.Session before writing the response)")
			st.detached, st.held = true, next
			return next, true, nil
		}
		return st.moveLocked(ctx, nil, next)
	}
	if next.IsZero() || !st.exposed {
		return st.writeHereLocked(ctx, prev, next)
	}
	was := st.held
	if prev != nil {
		was = *prev
	}
	if identityOf(next).sameAs(identityOf(was)) {
		return st.writeHereLocked(ctx, prev, next)
	}
	if st.started {
		st.logger.LogAttrs(ctx, slog.LevelWarn, "storefront/web: the shopper logged in or out after the response started; the new session ID cannot be sent, so the change is not kept (do it before writing the response)")
		return storefront.Tokens{}, false, ErrResponseStarted
	}
	return st.moveLocked(ctx, prev, next)
}

// writeHereLocked writes next under the current ID.
func (st *serverTokens) writeHereLocked(ctx context.Context, prev *storefront.Tokens, next storefront.Tokens) (storefront.Tokens, bool, error) {
	if prev != nil {
		cur, swapped, err := swap(ctx, st.store, *prev, next)
		if err != nil {
			return storefront.Tokens{}, false, err
		}
		if !swapped {
			st.observeLocked(ctx, cur)
			if st.detached {
				return storefront.Tokens{}, false, nil
			}
		}
		st.held = cur
		return cur, swapped, nil
	}
	var err error
	if next.IsZero() {
		err = st.store.Clear(ctx)
	} else {
		err = st.store.Save(ctx, next)
	}
	if err != nil {
		return storefront.Tokens{}, false, err
	}
	st.held = next
	return next, true, nil
}

// moveLocked saves next under a new ID, then deletes the record of the
// current one (if it still holds *prev, when prev is not nil). The new ID
// is the session's from then on, and its cookie goes out when the
// response starts.
func (st *serverTokens) moveLocked(ctx context.Context, prev *storefront.Tokens, next storefront.Tokens) (storefront.Tokens, bool, error) {
	id := st.freshID
	st.freshID = ""
	if id == "" {
		var err error
		if id, err = NewSessionID(); err != nil {
			return storefront.Tokens{}, false, err
		}
	}
	store := st.sessions.tokens(id)
	if err := store.Save(ctx, next); err != nil {
		return storefront.Tokens{}, false, err
	}
	if old := st.store; old != nil {
		if prev != nil {
			cur, swapped, err := swap(ctx, old, *prev, storefront.Tokens{})
			if err != nil || !swapped {
				st.discard(ctx, store)
				if err != nil {
					return storefront.Tokens{}, false, err
				}
				st.observeLocked(ctx, cur)
				if st.detached {
					return storefront.Tokens{}, false, nil
				}
				return cur, false, nil
			}
		} else if err := old.Clear(ctx); err != nil {
			st.logger.LogAttrs(ctx, slog.LevelWarn, "storefront/web: deleting the shopper's previous session record failed; retrying when the request ends",
				slog.String("error", err.Error()))
			st.orphans = append(st.orphans, old)
		}
	}
	st.id, st.store, st.held, st.exposed = id, store, next, false
	return next, true, nil
}

// discard deletes the record of an ID that was never handed out.
func (st *serverTokens) discard(ctx context.Context, store storefront.TokenStore) {
	if err := store.Clear(ctx); err != nil {
		st.orphans = append(st.orphans, store)
	}
}

// swap is the store's compare-and-swap, or a load and a write for a store
// without one (atomic within this request only).
func swap(ctx context.Context, store storefront.TokenStore, prev, next storefront.Tokens) (storefront.Tokens, bool, error) {
	if s, ok := store.(swapper); ok {
		return s.CompareAndSwap(ctx, prev, next)
	}
	cur, err := store.Load(ctx)
	if err != nil || cur != prev {
		return cur, false, err
	}
	if next.IsZero() {
		err = store.Clear(ctx)
	} else {
		err = store.Save(ctx, next)
	}
	if err != nil {
		return storefront.Tokens{}, false, err
	}
	return next, true, nil
}

// writeCookie adds the cookie of a session ID the browser does not have
// yet, once a pair is stored under it.
func (st *serverTokens) writeCookie(h http.Header) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.started = true
	if st.detached || st.store == nil || st.exposed {
		return false
	}
	st.exposed = true
	line, err := checkSize(st.sessions.cookie.cookie(st.id))
	if err != nil {
		st.logger.LogAttrs(st.ctx, slog.LevelError, "storefront/web: the session cookie was not written", slog.String("error", err.Error()))
		return false
	}
	h.Add("Set-Cookie", line)
	return true
}

// finish deletes the old records whose deletion failed during the request.
func (st *serverTokens) finish(ctx context.Context) {
	st.mu.Lock()
	orphans := st.orphans
	st.orphans = nil
	st.mu.Unlock()
	if len(orphans) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), orphanTimeout)
	defer cancel()
	for _, o := range orphans {
		if err := o.Clear(ctx); err != nil {
			st.logger.LogAttrs(ctx, slog.LevelError, "storefront/web: a previous session record could not be deleted; it lives until the store expires it",
				slog.String("error", err.Error()))
		}
	}
}

// orphanTimeout bounds the last attempt to delete old records.
const orphanTimeout = 5 * time.Second

// The views of serverTokens that offer what the ID's store offers: a
// renewal lock and compare-and-swap (storefront.RenewalCoordinator), and
// a journal of renewals (storefront.RenewalJournal, which only a
// coordinator's journal is). The lock and the journal are keyed by the
// pair, not the ID, so any ID's store serves them.
type coordinatedServerTokens struct {
	*serverTokens
	rc storefront.RenewalCoordinator
}

func (v coordinatedServerTokens) LockRenewal(ctx context.Context, key string, fn func(context.Context) error) error {
	return v.rc.LockRenewal(ctx, key, fn)
}

// HoldRenewalLock implements storefront.RenewalFence with the store's own
// when it has one (a Redis lock can expire while its holder runs).
func (v coordinatedServerTokens) HoldRenewalLock(ctx context.Context, d time.Duration) error {
	return holdRenewalLock(v.rc, ctx, d)
}

func (v coordinatedServerTokens) CompareAndSwap(ctx context.Context, prev, next storefront.Tokens) (storefront.Tokens, bool, error) {
	return v.compareAndSwap(ctx, prev, next)
}

type journaledServerTokens struct {
	coordinatedServerTokens
	journal storefront.RenewalJournal
}

func (v journaledServerTokens) RecordRenewal(ctx context.Context, key string, next storefront.Tokens, ttl time.Duration) error {
	return v.journal.RecordRenewal(ctx, key, next, ttl)
}

func (v journaledServerTokens) LookupRenewal(ctx context.Context, key string) (storefront.Tokens, bool, error) {
	return v.journal.LookupRenewal(ctx, key)
}

var (
	_ storefront.RenewalCoordinator = coordinatedServerTokens{}
	_ storefront.RenewalFence       = coordinatedServerTokens{}
	_ storefront.RenewalJournal     = journaledServerTokens{}
)
