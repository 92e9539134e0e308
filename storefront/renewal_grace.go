package storefront

// The grace window: the renewals of a Client's sessions, in flight and
// recently finished, keyed by a hash of the refresh token they spend. A
// session whose pair another session of the Client is renewing, or renewed
// a moment ago, adopts that outcome instead of spending the refresh token
// again (see renewal.go for where it fits).

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sync"
	"time"
)

// Defaults of the grace window in which a renewal's outcome is remembered
// (WithRenewalGrace).
const (
	// DefaultRenewalGrace is how long the outcome of a renewal stays
	// available to sessions that still hold the pair it replaced: long
	// enough for the requests a browser sent together to arrive, short
	// enough that a rotated pair does not linger in memory.
	DefaultRenewalGrace = 60 * time.Second
	// DefaultRenewalGraceEntries bounds the outcomes kept at once. At the
	// default window it covers about 270 renewals a second, the rate of
	// 240,000 active shoppers with 15-minute access tokens; beyond it the
	// oldest outcome is forgotten first.
	DefaultRenewalGraceEntries = 16384
)

// renewalGraceConfig is what WithRenewalGrace sets; zero means the defaults.
type renewalGraceConfig struct {
	window     time.Duration
	maxEntries int
	set        bool
}

// WithRenewalGrace sets how long the outcome of a refresh stays available
// to the client's sessions that still hold the pair it replaced (default
// DefaultRenewalGrace), and how many outcomes are kept at most (default
// DefaultRenewalGraceEntries; the oldest goes first). Outcomes are kept in
// memory, keyed by a hash of the spent refresh token, and forgotten when
// their window ends. A zero window turns the grace window off: sessions
// still share a refresh while it is in flight.
func WithRenewalGrace(window time.Duration, maxEntries int) Option {
	return option(func(c *config) error {
		if window < 0 || maxEntries < 0 {
			return errors.New("renewal grace window and entries must not be negative")
		}
		if window > 0 && maxEntries == 0 {
			return errors.New("a renewal grace window needs room for at least one entry")
		}
		if window == 0 {
			maxEntries = 0
		}
		c.renewalGrace = renewalGraceConfig{window: window, maxEntries: maxEntries}
		c.renewalGrace.set = true
		return nil
	})
}

// renewalKey identifies the pair a renewal spends: the first 16 bytes of
// the SHA-256 of its refresh token. The token itself is never a key.
type renewalKey [16]byte

func keyOf(refreshToken string) renewalKey {
	sum := sha256.Sum256([]byte(refreshToken))
	var k renewalKey
	copy(k[:], sum[:len(k)])
	return k
}

// String is the form a RenewalCoordinator receives: 32 hex digits.
func (k renewalKey) String() string { return hex.EncodeToString(k[:]) }

// RenewalKey returns the key under which renewals of the pair with this
// refresh token are coordinated: 32 hex digits of its SHA-256. It reveals
// nothing of the token; RenewalCoordinator and RenewalJournal
// implementations receive it.
func RenewalKey(refreshToken string) string { return keyOf(refreshToken).String() }

// renewalOutcome is one renewal of a pair, in flight or finished: the
// sessions of a Client that hold the pair wait for it, and once it is
// finished, adopt its outcome for the grace window.
type renewalOutcome struct {
	key  renewalKey
	done chan struct{} // closed when tokens and err are set

	tokens Tokens // the renewed pair
	err    error  // or the API's refusal (a *sessionEndedError)

	expires time.Time // end of the grace window, once finished
}

// renewals is what the sessions of one Client share: the renewal registry,
// the estimate of the API's clock, and the claims of recent tokens.
type renewals struct {
	graceWindow time.Duration
	maxEntries  int

	mu       sync.Mutex
	byKey    map[renewalKey]*renewalOutcome
	finished []*renewalOutcome // in the order they finished, so by expiry
	head     int               // finished[:head] are gone
	timer    *time.Timer       // fires at the oldest expiry; nil when nothing is kept

	skew   clockSkew
	claims *claimsCache // parsed access tokens, for sessions built per request
}

func newRenewals(cfg renewalGraceConfig) *renewals {
	if !cfg.set {
		cfg.window, cfg.maxEntries = DefaultRenewalGrace, DefaultRenewalGraceEntries
	}
	return &renewals{graceWindow: cfg.window, maxEntries: cfg.maxEntries, byKey: map[renewalKey]*renewalOutcome{}, claims: newClaimsCache()}
}

// join returns the renewal of the pair key names: a finished one still in
// its grace window, one in flight (wait on its done channel), or a new one
// that the caller must run and pass to finish (leader is true).
func (r *renewals) join(k renewalKey) (o *renewalOutcome, leader bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if o := r.byKey[k]; o != nil {
		if o.expires.IsZero() || time.Now().Before(o.expires) {
			return o, false
		}
		delete(r.byKey, k) // expired; the timer has not run yet
	}
	o = &renewalOutcome{key: k, done: make(chan struct{})}
	r.byKey[k] = o
	return o, true
}

// existing returns the renewal of the pair key names when there is one, in
// flight or finished and still in its grace window.
func (r *renewals) existing(k renewalKey) *renewalOutcome {
	r.mu.Lock()
	defer r.mu.Unlock()
	o := r.byKey[k]
	if o == nil || (!o.expires.IsZero() && !time.Now().Before(o.expires)) {
		return nil
	}
	return o
}

// finish records the outcome of a renewal join started and wakes its
// waiters. A renewed pair or the API's refusal is kept for the grace
// window; any other failure (a timeout, a 5xx) is forgotten at once, so
// the next caller tries again.
func (r *renewals) finish(o *renewalOutcome, t Tokens, err error, keep bool) {
	o.tokens, o.err = t, err
	r.mu.Lock()
	if !keep || r.graceWindow <= 0 || r.maxEntries <= 0 {
		if r.byKey[o.key] == o {
			delete(r.byKey, o.key)
		}
		r.mu.Unlock()
		close(o.done)
		return
	}
	o.expires = time.Now().Add(r.graceWindow)
	for len(r.finished)-r.head >= r.maxEntries {
		r.dropOldestLocked()
	}
	r.finished = append(r.finished, o)
	if r.timer == nil {
		r.timer = time.AfterFunc(r.graceWindow, r.sweep)
	}
	r.mu.Unlock()
	close(o.done)
}

// dropOldestLocked forgets the oldest finished outcome.
func (r *renewals) dropOldestLocked() {
	o := r.finished[r.head]
	r.finished[r.head] = nil
	r.head++
	if r.byKey[o.key] == o {
		delete(r.byKey, o.key)
	}
	// Give the slice's memory back once most of it is behind head.
	if r.head > 1024 && r.head*2 > len(r.finished) {
		r.finished = append([]*renewalOutcome(nil), r.finished[r.head:]...)
		r.head = 0
	}
}

// sweep forgets every outcome whose grace window has ended, so that no
// renewed pair stays in memory past it, and sets the timer for the next.
func (r *renewals) sweep() {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	for r.head < len(r.finished) && !now.Before(r.finished[r.head].expires) {
		r.dropOldestLocked()
	}
	if r.head == len(r.finished) {
		r.finished, r.head, r.timer = nil, 0, nil
		if len(r.byKey) == 0 {
			r.byKey = map[renewalKey]*renewalOutcome{} // a map keeps the buckets of its largest size
		}
		return
	}
	r.timer.Reset(r.finished[r.head].expires.Sub(now))
}

// kept returns how many outcomes are remembered, for tests and benchmarks.
func (r *renewals) kept() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.finished) - r.head
}
