package storefronttest

import (
	"log/slog"
	"time"
)

// Defaults of a Server's options.
const (
	DefaultStoreID        = "store-test"
	DefaultAccessTTL      = 15 * time.Minute
	DefaultRefreshTTL     = 30 * 24 * time.Hour
	DefaultOTPTTL         = 5 * time.Minute
	DefaultOTPMaxAttempts = 5
)

// config holds what the options set.
type config struct {
	apiKey         string
	storeID        string
	accessTTL      time.Duration
	refreshTTL     time.Duration
	otpTTL         time.Duration
	otpMaxAttempts int
	signingKey     []byte
	start          time.Time
	frozen         bool
	logger         *slog.Logger
	logoutAccess   bool // logout revokes only the access token
}

// Option configures a Server.
type Option struct {
	apply func(*config)
}

// option makes an Option of f.
func option(f func(*config)) Option { return Option{apply: f} }

// WithAPIKey sets the API key that POST /auth/anonymous requires in its
// X-Api-Key header, and that the public operations accept. The default is a random key of the form "ce_test_<hex>";
// read it with APIKey. An empty key keeps the default.
func WithAPIKey(key string) Option {
	return option(func(c *config) {
		if key != "" {
			c.apiKey = key
		}
	})
}

// WithStoreID sets the store ID that BaseURL and IssueTokens use (default
// DefaultStoreID). The server answers for any store ID in the path.
func WithStoreID(id string) Option {
	return option(func(c *config) {
		if id != "" {
			c.storeID = id
		}
	})
}

// WithAccessTTL sets the lifetime of access tokens (default
// DefaultAccessTTL). A duration that is not positive keeps the default.
func WithAccessTTL(d time.Duration) Option {
	return option(func(c *config) {
		if d > 0 {
			c.accessTTL = d
		}
	})
}

// WithRefreshTTL sets the lifetime of refresh tokens (default
// DefaultRefreshTTL). A duration that is not positive keeps the default.
func WithRefreshTTL(d time.Duration) Option {
	return option(func(c *config) {
		if d > 0 {
			c.refreshTTL = d
		}
	})
}

// WithOTPTTL sets how long a one-time password can be verified (default
// DefaultOTPTTL). A duration that is not positive keeps the default.
func WithOTPTTL(d time.Duration) Option {
	return option(func(c *config) {
		if d > 0 {
			c.otpTTL = d
		}
	})
}

// WithOTPMaxAttempts sets how many wrong codes a one-time password tolerates
// before it is locked (default DefaultOTPMaxAttempts). A value below 1 keeps
// the default.
func WithOTPMaxAttempts(n int) Option {
	return option(func(c *config) {
		if n > 0 {
			c.otpMaxAttempts = n
		}
	})
}

// WithSigningKey sets the HMAC-SHA256 key that signs the server's JWTs
// (default: 32 random bytes). Two servers with the same key accept each
// other's tokens. The key is copied.
func WithSigningKey(key []byte) Option {
	return option(func(c *config) {
		if len(key) > 0 {
			c.signingKey = append([]byte(nil), key...)
		}
	})
}

// WithStartTime sets the server clock's initial time (default: the real
// time). The clock runs from there at the real clock's pace unless
// WithFrozenClock is given too.
func WithStartTime(t time.Time) Option {
	return option(func(c *config) {
		if !t.IsZero() {
			c.start = t
		}
	})
}

// WithFrozenClock stops the server's clock: it then moves only by Advance and
// SetTime, which makes tokens and timestamps reproducible in tests.
func WithFrozenClock() Option {
	return option(func(c *config) { c.frozen = true })
}

// WithLogoutRevokingAccessOnly makes logout revoke only the access token
// it was called with, as some deployments of the API do: the session's
// refresh token keeps working, and refreshing it gives a pair of the same
// logged-in user. By default logout ends the whole session, both tokens.
func WithLogoutRevokingAccessOnly() Option {
	return option(func(c *config) { c.logoutAccess = true })
}

// WithLogger makes the server log one line per request (method, operation,
// status, duration) and every recovered panic. Tokens, passwords, one-time
// passwords and the API key are never logged. The default logs nothing.
func WithLogger(l *slog.Logger) Option {
	return option(func(c *config) { c.logger = l })
}
