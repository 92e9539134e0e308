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

// ErrResponseStarted is the error of a save to a cookie after the response
// header has gone: the browser keeps its previous cookie.
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
	// end.
	Renewals SharedRenewals
}

// CookieSessions keeps each shopper's token pair in an encrypted,
// authenticated cookie (AES-GCM, the cookie's name as associated data,
// its creation time inside, checked against MaxAge). The pair is stored
// compactly; one whose cookie would still exceed MaxCookieBytes fails the
// save with ErrCookieTooLarge. It is safe for concurrent use.
type CookieSessions struct {
	keys     []cookieKey
	cookie   CookieOptions
	renewals SharedRenewals
	now      func() time.Time
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
		ct.t = t
	}
	if c.renewals != nil {
		ct.shared = sharedCookieTokens{ct}
	}
	return ct, nil
}

// cookieTokens is one request's TokenStore in cookie mode: the pair from
// the request's cookie, changed in memory by the session's saves, and
// written to the response's cookie when the response starts.
type cookieTokens struct {
	sessions *CookieSessions
	logger   *slog.Logger
	ctx      context.Context
	shared   storefront.TokenStore // the store with the replicas' journal, nil without Renewals

	mu      sync.Mutex
	t       storefront.Tokens
	sealed  string // t sealed; "" for no pair
	dirty   bool   // changed since the request's cookie
	started bool   // the response header has gone
}

var _ storefront.RenewalCoordinator = (*cookieTokens)(nil)

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

func (c *cookieTokens) Save(_ context.Context, t storefront.Tokens) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.setLocked(t)
}

func (c *cookieTokens) Clear(ctx context.Context) error { return c.Save(ctx, storefront.Tokens{}) }

// setLocked makes t the pair to write. It seals t first: a pair whose
// cookie would not fit fails with ErrCookieTooLarge and changes nothing.
func (c *cookieTokens) setLocked(t storefront.Tokens) error {
	if c.started {
		c.logger.LogAttrs(c.ctx, slog.LevelWarn, "storefront/web: a token pair was saved after the response started; the browser keeps its previous cookie (a renewal stays available to its next request for the client's grace window)")
		return ErrResponseStarted
	}
	sealed := ""
	if !t.IsZero() {
		v, err := c.sessions.seal(t)
		if err != nil {
			return err
		}
		if _, err := checkSize(c.sessions.cookie.cookie(v)); err != nil {
			c.logger.LogAttrs(c.ctx, slog.LevelWarn, "storefront/web: a token pair was not saved: its cookie would be larger than browsers keep; the browser keeps its previous cookie",
				slog.String("error", err.Error()))
			return err
		}
		sealed = v
	}
	c.t, c.sealed, c.dirty = t, sealed, true
	return nil
}

// CompareAndSwap implements storefront.RenewalCoordinator.
func (c *cookieTokens) CompareAndSwap(_ context.Context, prev, next storefront.Tokens) (storefront.Tokens, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.t != prev {
		return c.t, false, nil
	}
	if err := c.setLocked(next); err != nil {
		return storefront.Tokens{}, false, err
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

// writeCookie adds the Set-Cookie of a changed pair to h, and marks the
// response started: later saves fail with ErrResponseStarted.
func (c *cookieTokens) writeCookie(h http.Header) bool {
	c.mu.Lock()
	c.started = true
	dirty, sealed := c.dirty, c.sealed
	c.mu.Unlock()
	if !dirty {
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
