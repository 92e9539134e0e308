package storefronttest

import (
	"fmt"
	"io"
	"log/slog"
)

// The types of the package that hold a secret print without it, through
// fmt whatever the verb and through log/slog: a Server its API key and
// signing key, UserParams the password.

// String describes the server without its keys.
func (s *Server) String() string {
	if s == nil {
		return "<nil>"
	}
	return fmt.Sprintf("Server{URL:%s StoreID:%s APIKey:%s}", s.URL(), s.cfg.storeID, redacted(s.cfg.apiKey))
}

// GoString keeps %#v from printing the keys.
func (s *Server) GoString() string {
	if s == nil {
		return "(*storefronttest.Server)(nil)"
	}
	return "&storefronttest." + s.String()
}

// Format keeps every fmt verb from printing the keys.
func (s *Server) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without the keys.
func (s *Server) LogValue() slog.Value {
	if s == nil {
		return slog.StringValue("<nil>")
	}
	return slog.GroupValue(slog.String("url", s.URL()), slog.String("store_id", s.cfg.storeID),
		slog.String("api_key", redacted(s.cfg.apiKey)))
}

// String describes the user without the password.
func (p UserParams) String() string {
	return fmt.Sprintf("UserParams{ID:%s FirstName:%s LastName:%s Email:%s Phone:%s CountryCode:%s Password:%s EmailVerified:%t PhoneVerified:%t}",
		p.ID, p.FirstName, p.LastName, p.Email, p.Phone, p.CountryCode, redacted(p.Password), p.EmailVerified, p.PhoneVerified)
}

// GoString keeps %#v from printing the password.
func (p UserParams) GoString() string { return "storefronttest." + p.String() }

// Format keeps every fmt verb from printing the password.
func (p UserParams) Format(f fmt.State, verb rune) { formatRedacted(f, verb, p) }

// LogValue implements slog.LogValuer without the password.
func (p UserParams) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", p.ID), slog.String("email", p.Email), slog.String("phone", p.Phone),
		slog.String("country_code", p.CountryCode), slog.String("password", redacted(p.Password)))
}

// formatRedacted prints v through GoString for %#v and String for every
// other verb.
func formatRedacted(f fmt.State, verb rune, v interface {
	String() string
	GoString() string
}) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, v.GoString())
		return
	}
	_, _ = io.WriteString(f, v.String())
}

// redacted stands for a secret: <redacted>, or <none> when it is empty.
func redacted(s string) string {
	if s == "" {
		return "<none>"
	}
	return "<redacted>"
}
