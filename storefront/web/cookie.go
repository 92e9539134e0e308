package web

import (
	"errors"
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

// maxCookieBytes is what browsers keep of one cookie, name and attributes
// included.
const maxCookieBytes = 4096

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
