package conformance

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/storefront"
)

// The environment variables ConfigFromEnv reads.
const (
	EnvStoreID         = "CE_STORE_ID"          // required: the store to check
	EnvAPIKey          = "CE_API_KEY"           // required: the store's API key
	EnvEnvironment     = "CE_ENV"               // "staging" (default) or "production"
	EnvBaseURL         = "CE_BASE_URL"          // overrides CE_ENV, e.g. a proxy or a fake server
	EnvTestEmail       = "CE_TEST_EMAIL"        // the test account's email address …
	EnvTestPhone       = "CE_TEST_PHONE"        // … or its 10-digit phone number
	EnvTestCountryCode = "CE_TEST_COUNTRY_CODE" // the phone's country code, e.g. "+91" (the API's default)
	EnvTestPassword    = "CE_TEST_PASSWORD"     // the test account's password
)

// DefaultTimeout bounds each request of a run unless Config.Timeout says
// otherwise.
const DefaultTimeout = 20 * time.Second

// Config says which store to check and with which test account. APIKey and
// Password are secrets: Config's String, GoString and LogValue never print
// them, nor the account's email address or phone number.
type Config struct {
	StoreID     string
	APIKey      string
	Environment storefront.Environment // zero means Staging
	BaseURL     string                 // when set, overrides Environment

	// The test account, for login, user read and logout: Password and
	// Email or Phone. Without it those operations are skipped.
	Email       string
	Phone       string
	CountryCode string
	Password    string

	Timeout time.Duration // per request; zero means DefaultTimeout

	// dial replaces the transport's dialer, for tests that count
	// connection attempts; nil dials for real.
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

// ConfigFromEnv reads a Config from the CE_… variables through getenv
// (os.Getenv in the command). It fails only on a value that is malformed
// (CE_ENV that is neither staging nor production, a CE_BASE_URL that is not
// an http or https URL); missing credentials are not an error (see Missing).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	get := func(k string) string { return strings.TrimSpace(getenv(k)) }
	c := Config{
		StoreID:     get(EnvStoreID),
		APIKey:      get(EnvAPIKey),
		BaseURL:     get(EnvBaseURL),
		Email:       get(EnvTestEmail),
		Phone:       get(EnvTestPhone),
		CountryCode: get(EnvTestCountryCode),
		Password:    getenv(EnvTestPassword), // a password may start or end with a space
	}
	if env := get(EnvEnvironment); env != "" {
		e, err := storefront.ParseEnvironment(env)
		if err != nil {
			return Config{}, fmt.Errorf("%s: %w", EnvEnvironment, err)
		}
		c.Environment = e
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Config{}, fmt.Errorf("%s must be an http or https URL such as https://staging.api.commercengine.io", EnvBaseURL)
		}
	}
	return c, nil
}

// Missing names the required variables that are not set, CE_STORE_ID and
// CE_API_KEY; a run without them is skipped.
func (c Config) Missing() []string {
	var m []string
	if c.StoreID == "" {
		m = append(m, EnvStoreID)
	}
	if c.APIKey == "" {
		m = append(m, EnvAPIKey)
	}
	return m
}

// testAccountGap says what the test account lacks, or "" when it is
// complete.
func (c Config) testAccountGap() string {
	switch {
	case c.Email == "" && c.Phone == "" && c.Password == "":
		return fmt.Sprintf("no test account (set %s or %s, and %s)", EnvTestEmail, EnvTestPhone, EnvTestPassword)
	case c.Email == "" && c.Phone == "":
		return fmt.Sprintf("the test account has no %s or %s", EnvTestEmail, EnvTestPhone)
	case c.Password == "":
		return fmt.Sprintf("the test account has no %s", EnvTestPassword)
	}
	return ""
}

func (c Config) String() string {
	target := c.BaseURL
	if target == "" {
		env := c.Environment
		if env == 0 {
			env = storefront.Staging
		}
		target = env.String()
	}
	return fmt.Sprintf("conformance.Config{store %q on %s, API key set: %t, test account: %t}",
		c.StoreID, target, c.APIKey != "", c.testAccountGap() == "")
}

// GoString keeps %#v from printing the secrets.
func (c Config) GoString() string { return c.String() }

// LogValue implements slog.LogValuer without the secrets.
func (c Config) LogValue() slog.Value { return slog.StringValue(c.String()) }
