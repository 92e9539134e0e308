package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// CookieOptions are the attributes of the session cookie. The zero value
// gives a cookie named DefaultCookieName, Path=/, HttpOnly, Secure,
// SameSite=Lax, kept 30 days.
type CookieOptions struct {
	Name   string        // default DefaultCookieName
	Path   string        // default "/"
	Domain string        // default none: the host that set it
	MaxAge time.Duration // default DefaultCookieMaxAge
	// Insecure drops the Secure attribute, for http://localhost in
	// development only: a Secure cookie never travels over plain HTTP.
	Insecure bool
	// SameSite defaults to http.SameSiteLaxMode.
	SameSite http.SameSite
}

// Defaults of CookieOptions.
const (
	DefaultCookieName   = "ce_session"
	DefaultCookieMaxAge = 30 * 24 * time.Hour // the API's refresh tokens live 30 days
)

// MaxCookieBytes is what every browser keeps of one cookie: its name,
// value and attributes together (RFC 6265, section 6.1). A longer
// Set-Cookie may be dropped without a word, so the session cookie is
// never longer: a save that would need more fails with ErrCookieTooLarge.
const MaxCookieBytes = 4096

// ErrCookieTooLarge is matched by the error of a save to CookieSessions
// whose cookie would be longer than MaxCookieBytes. Nothing is written:
// the browser keeps its previous cookie, and the session keeps the pair
// for the rest of the request (as storefront.ErrNotSaved says).
// ServerSessions keeps pairs of any size.
var ErrCookieTooLarge = errors.New("web: the session cookie would be larger than browsers keep")

// checkSize fails with ErrCookieTooLarge when the Set-Cookie line of ck is
// longer than MaxCookieBytes.
func checkSize(ck *http.Cookie) (string, error) {
	line := ck.String()
	if len(line) > MaxCookieBytes {
		return "", fmt.Errorf("%w: %d bytes with its name and attributes, over the limit of %d bytes per cookie; ServerSessions keeps pairs of any size",
			ErrCookieTooLarge, len(line), MaxCookieBytes)
	}
	return line, nil
}

func (o CookieOptions) withDefaults() (CookieOptions, error) {
	if o.Name == "" {
		o.Name = DefaultCookieName
	}
	if o.Path == "" {
		o.Path = "/"
	}
	if o.MaxAge <= 0 {
		o.MaxAge = DefaultCookieMaxAge
	}
	if o.SameSite == 0 || o.SameSite == http.SameSiteDefaultMode {
		o.SameSite = http.SameSiteLaxMode
	}
	if strings.ContainsAny(o.Name, " \t\r\n;,=\"") {
		return o, errors.New("web: cookie name must be a token")
	}
	// net/http writes an empty Set-Cookie for a name it refuses, and drops
	// a domain or path bytes it refuses with only a log line.
	if err := o.cookie("v").Valid(); err != nil {
		return o, fmt.Errorf("web: cookie options: %w", err)
	}
	if o.SameSite == http.SameSiteNoneMode && o.Insecure {
		return o, errors.New("web: SameSite=None needs a Secure cookie")
	}
	return o, nil
}

// cookie returns the cookie carrying value; an empty value deletes it.
func (o CookieOptions) cookie(value string) *http.Cookie {
	c := &http.Cookie{Name: o.Name, Value: value, Path: o.Path, Domain: o.Domain,
		HttpOnly: true, Secure: !o.Insecure, SameSite: o.SameSite, MaxAge: int(o.MaxAge / time.Second)}
	if value == "" {
		c.MaxAge = -1
	}
	return c
}

// read returns the value of the request's session cookie, "" when absent.
func (o CookieOptions) read(r *http.Request) string {
	c, err := r.Cookie(o.Name)
	if err != nil {
		return ""
	}
	return c.Value
}
