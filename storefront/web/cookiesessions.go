package web

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/storefront"
)

// ErrResponseStarted is the error of a save that needs a new cookie after
// the response header has gone (any save in cookie mode; a login,
// registration or logout with ServerSessions): the browser keeps its
// previous cookie.
var ErrResponseStarted = errors.New("web: the response has started; the cookie cannot change")

// SharedRenewals coordinates the renewals of pairs kept in cookies between
// the replicas of a back end: a lock per pair and a journal of recent
// renewals, both keyed by storefront.RenewalKey. *redisstore.Backend is
// one.
type SharedRenewals interface {
	LockRenewal(ctx context.Context, key string, fn func(context.Context) error) error
	storefront.RenewalJournal
}

// CookieConfig configures CookieSessions.
type CookieConfig struct {
	// Keys are AES keys of 16, 24 or 32 bytes (32 recommended), secret and
	// random. Keys[0] encrypts; every key decrypts, so that a new key can
	// be put first and the old one dropped once its cookies have expired.
	Keys [][]byte
	// Cookie sets the cookie's attributes.
	Cookie CookieOptions
	// Renewals, for a back end with several replicas: without it, the
	// requests of a shopper that land on different replicas at once may
	// each spend the refresh token, and all but one would see the session
	// end, and a slow request on one replica could send its older pair
	// over a login made on another.
	Renewals SharedRenewals
}

// CookieSessions keeps each shopper's token pair in an encrypted,
// authenticated cookie (AES-GCM, the cookie's name as associated data,
// its creation time inside, checked against MaxAge). The pair is stored
// compactly; one whose cookie would still exceed MaxCookieBytes fails the
// save with ErrCookieTooLarge. A login, registration or logout is
// recorded for a couple of minutes (on every replica, with Renewals), and
// a slower request of the same browser that started with the pair it
// replaced sends no cookie (see the package doc). It is safe for
// concurrent use.
type CookieSessions struct {
	keys     []cookieKey
	cookie   CookieOptions
	renewals SharedRenewals
	now      func() time.Time
	changes  identityChanges
}

type cookieKey struct {
	id   [4]byte // the first bytes of the key's SHA-256, to pick the key to try
	aead cipher.AEAD
}

// NewCookieSessions returns cookie sessions with cfg.
func NewCookieSessions(cfg CookieConfig) (*CookieSessions, error) {
	if len(cfg.Keys) == 0 {
		return nil, errors.New("web: cookie sessions need at least one key")
	}
	c := &CookieSessions{renewals: cfg.Renewals, now: time.Now}
	var err error
	if c.cookie, err = cfg.Cookie.withDefaults(); err != nil {
		return nil, err
	}
	for i, k := range cfg.Keys {
		block, err := aes.NewCipher(k)
		if err != nil {
			return nil, fmt.Errorf("web: cookie key %d: must be 16, 24 or 32 bytes", i)
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(k)
		var ck cookieKey
		copy(ck.id[:], sum[:4])
		ck.aead = aead
		c.keys = append(c.keys, ck)
	}
	return c, nil
}

func (c *CookieSessions) open(r *http.Request, logger *slog.Logger) (requestTokens, error) {
	ct := &cookieTokens{sessions: c, logger: logger, ctx: r.Context()}
	if v := c.cookie.read(r); v != "" {
		t, err := c.unseal(v)
		if err != nil {
			// A cookie that does not open is no session; a new one replaces
			// it when the session saves a pair.
			logger.LogAttrs(r.Context(), slog.LevelDebug, "storefront/web: ignoring a session cookie that does not open")
		}
		ct.t, ct.incoming = t, t
	}
	ct.incomingID = identityOf(ct.incoming)
	if c.renewals != nil {
		ct.shared = sharedCookieTokens{ct}
	}
	return ct, nil
}

// recordIdentityChange remembers that the pairs with these refresh tokens
// were replaced by an identity change, in this process and, with
// Renewals, for the other replicas.
func (c *CookieSessions) recordIdentityChange(ctx context.Context, logger *slog.Logger, refreshTokens []string) {
	for _, rt := range refreshTokens {
		key := identityChangeKey(rt)
		c.changes.record(key, c.now())
		if c.renewals == nil {
			continue
		}
		if err := c.renewals.RecordRenewal(ctx, key, identityChangeMark, identityChangeWindow); err != nil {
			logger.LogAttrs(ctx, slog.LevelWarn, "storefront/web: recording a login or logout for the other replicas failed; a slower request of the shopper may undo it",
				slog.String("error", err.Error()))
		}
	}
}

// identityChanged reports whether an identity change has replaced the
// pair with this refresh token, here or, with Renewals, on another
// replica.
func (c *CookieSessions) identityChanged(ctx context.Context, logger *slog.Logger, refreshToken string) bool {
	key := identityChangeKey(refreshToken)
	if c.changes.has(key, c.now()) {
		return true
	}
	if c.renewals == nil {
		return false
	}
	_, ok, err := c.renewals.LookupRenewal(ctx, key)
	if err != nil {
		logger.LogAttrs(ctx, slog.LevelWarn, "storefront/web: looking up logins and logouts of other replicas failed", slog.String("error", err.Error()))
	}
	return ok
}

// cookieTokens is one request's TokenStore in cookie mode: the pair from
// the request's cookie, changed in memory by the session's saves, and
// written to the response's cookie when the response starts.
//
// A save whose pair has another identity than the request's cookie (a
// login, a registration, a logout) is recorded for identityChangeWindow
// under the refresh tokens of the pairs it replaced. A request that did
// not change the identity itself and started with one of those pairs
// writes no cookie: its pair is older than the one the browser got from
// the change, whichever response arrives last.
type cookieTokens struct {
	sessions   *CookieSessions
	logger     *slog.Logger
	ctx        context.Context
	incoming   storefront.Tokens // the pair of the request's cookie
	incomingID identity
	shared     storefront.TokenStore // the store with the replicas' journal, nil without Renewals

	record sync.Mutex // serialises the saves with their records of identity changes

	mu      sync.Mutex
	t       storefront.Tokens
	sealed  string // t sealed; "" for no pair
	dirty   bool   // changed since the request's cookie
	changed bool   // this request changed the shopper's identity
	started bool   // the response header has gone
}

var (
	_ storefront.RenewalCoordinator = (*cookieTokens)(nil)
	_ storefront.RenewalFence       = (*cookieTokens)(nil)
)

func (c *cookieTokens) sessionStore() storefront.TokenStore {
	if c.shared != nil {
		return c.shared
	}
	return c
}

func (c *cookieTokens) finish(context.Context) {}

func (c *cookieTokens) Load(context.Context) (storefront.Tokens, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t, nil
}

func (c *cookieTokens) Save(ctx context.Context, t storefront.Tokens) error {
	c.record.Lock()
	defer c.record.Unlock()
	c.mu.Lock()
	replaced, err := c.setLocked(t)
	c.mu.Unlock()
	if err == nil && replaced != nil {
		c.sessions.recordIdentityChange(ctx, c.logger, replaced)
	}
	return err
}

func (c *cookieTokens) Clear(ctx context.Context) error { return c.Save(ctx, storefront.Tokens{}) }

// setLocked makes t the pair to write. It seals t first: a pair whose
// cookie would not fit fails with ErrCookieTooLarge and changes nothing.
// When t changes the identity of the request's cookie, it returns the
// refresh tokens of the pairs replaced, for recordIdentityChange.
func (c *cookieTokens) setLocked(t storefront.Tokens) ([]string, error) {
	if c.started {
		c.logger.LogAttrs(c.ctx, slog.LevelWarn, "storefront/web: a token pair was saved after the response started; the browser keeps its previous cookie (a renewal stays available to its next request for the client's grace window)")
		return nil, ErrResponseStarted
	}
	sealed := ""
	if !t.IsZero() {
		v, err := c.sessions.seal(t)
		if err != nil {
			return nil, err
		}
		if _, err := checkSize(c.sessions.cookie.cookie(v)); err != nil {
			c.logger.LogAttrs(c.ctx, slog.LevelWarn, "storefront/web: a token pair was not saved: its cookie would be larger than browsers keep; the browser keeps its previous cookie",
				slog.String("error", err.Error()))
			return nil, err
		}
		sealed = v
	}
	prev := c.t
	c.t, c.sealed, c.dirty = t, sealed, true
	if t.IsZero() || (!c.changed && identityOf(t).sameAs(c.incomingID)) {
		return nil, nil
	}
	c.changed = true
	var replaced []string
	for _, p := range []storefront.Tokens{c.incoming, prev} {
		if p.RefreshToken != "" && p != t && (len(replaced) == 0 || replaced[0] != p.RefreshToken) {
			replaced = append(replaced, p.RefreshToken)
		}
	}
	return replaced, nil
}

// CompareAndSwap implements storefront.RenewalCoordinator.
func (c *cookieTokens) CompareAndSwap(ctx context.Context, prev, next storefront.Tokens) (storefront.Tokens, bool, error) {
	c.record.Lock()
	defer c.record.Unlock()
	c.mu.Lock()
	if c.t != prev {
		defer c.mu.Unlock()
		return c.t, false, nil
	}
	replaced, err := c.setLocked(next)
	c.mu.Unlock()
	if err != nil {
		return storefront.Tokens{}, false, err
	}
	if replaced != nil {
		c.sessions.recordIdentityChange(ctx, c.logger, replaced)
	}
	return next, true, nil
}

// LockRenewal implements storefront.RenewalCoordinator: the replicas' lock
// when the sessions have SharedRenewals; otherwise the client's own
// sharing is all there is.
func (c *cookieTokens) LockRenewal(ctx context.Context, key string, fn func(context.Context) error) error {
	if r := c.sessions.renewals; r != nil {
		return r.LockRenewal(ctx, key, fn)
	}
	return fn(ctx)
}

// HoldRenewalLock implements storefront.RenewalFence for the replicas'
// lock when it is one (a Redis lock can expire while its holder runs);
// otherwise the lock cannot be lost, and it only checks that ctx is live.
func (c *cookieTokens) HoldRenewalLock(ctx context.Context, d time.Duration) error {
	return holdRenewalLock(c.sessions.renewals, ctx, d)
}

// holdRenewalLock is the RenewalFence of a view over lock: lock's own
// when it has one, else a check that the lock's context is live.
func holdRenewalLock(lock any, ctx context.Context, d time.Duration) error {
	if fence, ok := lock.(storefront.RenewalFence); ok {
		return fence.HoldRenewalLock(ctx, d)
	}
	return context.Cause(ctx)
}

// writeCookie adds the Set-Cookie of a changed pair to h, unless an
// identity change of another request has replaced the pair this request
// started with; it marks the response started: later saves fail with
// ErrResponseStarted.
func (c *cookieTokens) writeCookie(h http.Header) bool {
	c.mu.Lock()
	c.started = true
	dirty, changed, sealed := c.dirty, c.changed, c.sealed
	c.mu.Unlock()
	if !dirty {
		return false
	}
	if !changed && c.incoming.RefreshToken != "" && c.sessions.identityChanged(c.ctx, c.logger, c.incoming.RefreshToken) {
		c.logger.LogAttrs(c.ctx, slog.LevelDebug, "storefront/web: another request of the shopper logged in or out since this one started; leaving the cookie to it")
		return false
	}
	line, err := checkSize(c.sessions.cookie.cookie(sealed))
	if err != nil { // sealed pairs were checked when saved; the deleting cookie is short
		c.logger.LogAttrs(c.ctx, slog.LevelError, "storefront/web: the session cookie was not written", slog.String("error", err.Error()))
		return false
	}
	h.Add("Set-Cookie", line)
	return true
}

// sharedCookieTokens is cookieTokens with the replicas' journal.
type sharedCookieTokens struct{ *cookieTokens }

var _ storefront.RenewalJournal = sharedCookieTokens{}

func (s sharedCookieTokens) RecordRenewal(ctx context.Context, key string, next storefront.Tokens, ttl time.Duration) error {
	return s.sessions.renewals.RecordRenewal(ctx, key, next, ttl)
}

func (s sharedCookieTokens) LookupRenewal(ctx context.Context, key string) (storefront.Tokens, bool, error) {
	return s.sessions.renewals.LookupRenewal(ctx, key)
}
