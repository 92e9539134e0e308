package storefront

import (
	"errors"
	"time"
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
