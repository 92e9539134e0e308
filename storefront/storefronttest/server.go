package storefronttest

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/api"
)

// Server is an in-memory fake of the Storefront API (see the package
// documentation for what it models). It is safe for concurrent use. Make one with NewServer (listening on 127.0.0.1) or New
// (not listening: mount Handler yourself).
type Server struct {
	cfg       config
	clock     *clock
	signer    signer
	validator *api.Validator
	log       *slog.Logger
	handler   http.Handler // the whole chain, as Handler returns it
	guarded   http.Handler // validation → credentials → the operations

	ts        *httptest.Server // nil for a Server made by New
	done      chan struct{}    // closed by Close, to wake sleeping faults
	closeOnce sync.Once

	calls  callCounter
	faults faultSet

	mu         sync.RWMutex
	users      map[string]*user      // by ID, deleted users as tombstones
	byPhone    map[string]string     // country code + phone → user ID
	byEmail    map[string]string     // lower-case email → user ID
	challenges map[string]*challenge // by otp_token
	lastOTP    map[string]string     // destination key → the otp_token last sent there
	sessions   map[string]*session   // by sid: only refreshed or ended sessions
	nextSweep  time.Time

	shopOnce sync.Once
	shopData *shop // the store's configuration, catalog and countries, under its own lock: see shop

	accounts *accounts // customers' balances, loyalty ledger and addresses, under their own lock: see accounts

	commerceOnce sync.Once
	commerceData *commerce // carts, coupons, orders, payments and wishlists, under their own lock: see commerce

	posOnce sync.Once
	posData *posState // the point of sale's locations, staff and devices, under their own lock: see posState
}

// New returns a Server that does not listen: serve its Handler. URL is empty
// and BaseURL is a path until it is mounted somewhere.
func New(opts ...Option) *Server {
	cfg := config{
		storeID:        DefaultStoreID,
		accessTTL:      DefaultAccessTTL,
		refreshTTL:     DefaultRefreshTTL,
		otpTTL:         DefaultOTPTTL,
		otpMaxAttempts: DefaultOTPMaxAttempts,
	}
	for _, o := range opts {
		if o.apply != nil {
			o.apply(&cfg)
		}
	}
	if cfg.apiKey == "" {
		cfg.apiKey = "ce_test_" + randomHex(16)
	}
	if cfg.signingKey == nil {
		cfg.signingKey = make([]byte, 32)
		_, _ = rand.Read(cfg.signingKey)
	}
	if cfg.start.IsZero() {
		cfg.start = time.Now()
	}
	logger := cfg.logger
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Server{
		cfg:        cfg,
		clock:      newClock(cfg.start, cfg.frozen),
		signer:     signer{key: cfg.signingKey},
		validator:  api.NewValidator(),
		log:        logger,
		done:       make(chan struct{}),
		calls:      newCallCounter(),
		users:      map[string]*user{},
		byPhone:    map[string]string{},
		byEmail:    map[string]string{},
		challenges: map[string]*challenge{},
		lastOTP:    map[string]string{},
		sessions:   map[string]*session{},
		accounts:   newAccounts(),
	}
	s.guarded = s.validator.Middleware(s.authenticate(s.routes()))
	s.handler = http.HandlerFunc(s.serve)
	return s
}

// NewServer returns a Server listening on 127.0.0.1 on a free port. Close it
// when done.
func NewServer(opts ...Option) *Server {
	s := New(opts...)
	s.ts = httptest.NewServer(s.handler)
	return s
}

// Handler returns the server's http.Handler. It serves every operation under
// /api/v1/{store_id}/storefront for any store_id, so a real http.Server can
// mount it at its root.
func (s *Server) Handler() http.Handler { return s.handler }

// Close stops a Server made by NewServer, first waking every request a
// fault's Latency holds (they answer 503). For a Server made by New it only
// wakes them.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.done) })
	if s.ts != nil {
		s.ts.Close()
	}
}

// URL returns the scheme and host of a Server made by NewServer, such as
// "http://127.0.0.1:41234", or "" for a Server made by New.
func (s *Server) URL() string {
	if s.ts == nil {
		return ""
	}
	return s.ts.URL
}

// BaseURL returns the base URL of the API for StoreID, the one a client is
// configured with: URL() + "/api/v1/" + StoreID() + "/storefront".
func (s *Server) BaseURL() string {
	return s.URL() + strings.Replace(api.BasePath, "{store_id}", url.PathEscape(s.cfg.storeID), 1)
}

// Client returns an *http.Client for a Server made by NewServer (like
// httptest.Server.Client), or http.DefaultClient for one made by New.
func (s *Server) Client() *http.Client {
	if s.ts == nil {
		return http.DefaultClient
	}
	return s.ts.Client()
}

// APIKey returns the API key POST /auth/anonymous requires and the public
// operations (the catalog's reads, the store's configuration, countries)
// accept instead of an access token.
func (s *Server) APIKey() string { return s.cfg.apiKey }

// StoreID returns the store ID of BaseURL and IssueTokens.
func (s *Server) StoreID() string { return s.cfg.storeID }

// shop returns the server's shop, seeding it on first use: a test that
// only calls Auth operations does not pay for the catalog.
func (s *Server) shop() *shop {
	s.shopOnce.Do(func() { s.shopData = newShop() })
	return s.shopData
}

// Stats counts what the server holds in memory.
type Stats struct {
	Users    int // registered users, deleted ones excluded
	Sessions int // session records: refreshed or ended sessions whose tokens may still be alive
	OTPs     int // one-time passwords not yet used or forgotten
}

// Stats reports how many records the server holds. Anonymous visitors are
// not stored at all: their identity lives in their tokens.
func (s *Server) Stats() Stats {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := Stats{Sessions: len(s.sessions), OTPs: len(s.challenges)}
	for _, u := range s.users {
		if !u.deleted {
			st.Users++
		}
	}
	return st
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
