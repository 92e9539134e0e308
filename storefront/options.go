package storefront

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Environment is a Commerce Engine deployment.
type Environment int

const (
	// Staging is https://staging.api.commercengine.io, the default.
	Staging Environment = iota + 1
	// Production is https://prod.api.commercengine.io.
	Production
)

func (e Environment) String() string {
	switch e {
	case Staging:
		return "staging"
	case Production:
		return "production"
	}
	return fmt.Sprintf("Environment(%d)", int(e))
}

// host returns the API host of e.
func (e Environment) host() string {
	switch e {
	case Staging:
		return "staging.api.commercengine.io"
	case Production:
		return "prod.api.commercengine.io"
	}
	return ""
}

// ParseEnvironment reads "staging" or "production" (or "prod").
func ParseEnvironment(s string) (Environment, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "staging":
		return Staging, nil
	case "production", "prod":
		return Production, nil
	}
	return 0, fmt.Errorf("%w: environment %q is not staging or production", ErrInvalidParam, s)
}

// Defaults of a client built without the corresponding option.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultRefreshMargin = 30 * time.Second
	DefaultMaxBodyBytes  = 4 << 20
)

// Option configures a Client: WithAPIKey, WithEnvironment, WithLogger ….
// Options check their input: New returns the first option error.
type Option struct {
	apply func(*config) error
}

// option makes an Option of f.
func option(f func(*config) error) Option { return Option{apply: f} }

type config struct {
	apiKey        string
	env           Environment
	baseURL       string
	httpClient    *http.Client
	timeout       time.Duration
	userAgent     string
	logger        *slog.Logger
	retry         RetryPolicy
	store         TokenStore
	refreshMargin time.Duration
	maxBodyBytes  int64
	now           func() time.Time
	customerGroup string
	renewalGrace  renewalGraceConfig
}

// WithAPIKey sets the store's API key, sent as X-Api-Key to create anonymous
// sessions and nowhere else.
func WithAPIKey(key string) Option {
	return option(func(c *config) error {
		if strings.TrimSpace(key) == "" {
			return errors.New("API key must not be empty")
		}
		if strings.ContainsAny(key, "\r\n") {
			return errors.New("API key must not contain line breaks")
		}
		c.apiKey = key
		return nil
	})
}

// WithEnvironment picks Staging (the default) or Production.
func WithEnvironment(e Environment) Option {
	return option(func(c *config) error {
		if e.host() == "" {
			return fmt.Errorf("unknown environment %d", int(e))
		}
		c.env = e
		return nil
	})
}

// WithBaseURL overrides the environment with a base URL, for a fake server
// or a proxy: either the full base ("http://127.0.0.1:8080/api/v1/STORE/storefront",
// where "{store_id}" is replaced by the store ID) or just scheme and host,
// to which /api/v1/{store_id}/storefront is appended.
func WithBaseURL(raw string) Option {
	return option(func(c *config) error {
		u, err := url.Parse(raw)
		if err != nil {
			return fmt.Errorf("base URL: %w", err)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("base URL %q must be an absolute http or https URL", u.Redacted())
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return fmt.Errorf("base URL %q must not have user info, a query or a fragment", u.Redacted())
		}
		c.baseURL = raw
		return nil
	})
}

// WithHTTPClient sets the *http.Client requests go through. The client is
// copied, not modified: its CheckRedirect is wrapped so that no request
// follows a redirect to another host or scheme, and its Timeout, when not
// zero, bounds each attempt (DefaultTimeout otherwise; WithTimeout wins).
func WithHTTPClient(hc *http.Client) Option {
	return option(func(c *config) error {
		if hc == nil {
			return errors.New("HTTP client must not be nil")
		}
		c.httpClient = hc
		return nil
	})
}

// WithTimeout bounds each attempt of a request, answer body included
// (default DefaultTimeout); an idempotent request whose attempt times out is
// tried again by the retry policy. A context deadline bounds the whole call.
func WithTimeout(d time.Duration) Option {
	return option(func(c *config) error {
		if d <= 0 {
			return errors.New("timeout must be positive")
		}
		c.timeout = d
		return nil
	})
}

// WithUserAgent puts a product token of the caller's in front of the SDK's
// own User-Agent, e.g. "my-shop/2.1".
func WithUserAgent(ua string) Option {
	return option(func(c *config) error {
		if strings.ContainsAny(ua, "\r\n") {
			return errors.New("user agent must not contain line breaks")
		}
		c.userAgent = strings.TrimSpace(ua)
		return nil
	})
}

// WithLogger sends the SDK's events to l: each request (method, path,
// status, duration, attempt) and each retry, refresh and new anonymous
// session, at debug level. Tokens, the API key, passwords and OTP codes are
// never logged. Without it the SDK logs nothing.
func WithLogger(l *slog.Logger) Option {
	return option(func(c *config) error {
		if l == nil {
			return errors.New("logger must not be nil")
		}
		c.logger = l
		return nil
	})
}

// WithRetryPolicy replaces DefaultRetryPolicy; NoRetries disables retries.
// Zero fields take DefaultRetryPolicy's values.
func WithRetryPolicy(p RetryPolicy) Option {
	return option(func(c *config) error {
		p = p.withDefaults()
		if err := p.validate(); err != nil {
			return fmt.Errorf("retry policy: %w", err)
		}
		c.retry = p
		return nil
	})
}

// WithTokenStore sets the store of the client's default session, the one
// behind Client.Auth (default: a new MemoryStore). A command-line program
// passes a FileStore to keep its session between runs.
func WithTokenStore(s TokenStore) Option {
	return option(func(c *config) error {
		if s == nil {
			return errors.New("token store must not be nil")
		}
		c.store = s
		return nil
	})
}

// WithRefreshMargin sets how long before its expiry an access token is
// refreshed (default DefaultRefreshMargin, 30 s).
func WithRefreshMargin(d time.Duration) Option {
	return option(func(c *config) error {
		if d < 0 {
			return errors.New("refresh margin must not be negative")
		}
		c.refreshMargin = d
		return nil
	})
}

// WithMaxBodyBytes bounds the answers the client reads (default
// DefaultMaxBodyBytes); a larger answer fails with ErrTooLarge.
func WithMaxBodyBytes(n int64) Option {
	return option(func(c *config) error {
		if n <= 0 {
			return errors.New("max body bytes must be positive")
		}
		c.maxBodyBytes = n
		return nil
	})
}

// WithClock sets the clock the session uses to judge token expiry (default
// time.Now), e.g. the clock of a storefronttest server a test moves.
func WithClock(now func() time.Time) Option {
	return option(func(c *config) error {
		if now == nil {
			return errors.New("clock must not be nil")
		}
		c.now = now
		return nil
	})
}

// WithCustomerGroup sets the customer group whose prices, promotions and
// subscription rates the catalog and cart operations answer with: it is
// sent as the x-customer-group-id header of every operation that takes it,
// unless the call's own parameters name another group. Without it the API
// answers with the default group's prices.
func WithCustomerGroup(id string) Option {
	return option(func(c *config) error {
		if strings.TrimSpace(id) == "" {
			return errors.New("customer group ID must not be empty")
		}
		if strings.ContainsAny(id, "\r\n") {
			return errors.New("customer group ID must not contain line breaks")
		}
		c.customerGroup = id
		return nil
	})
}
