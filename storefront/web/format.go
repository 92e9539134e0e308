package web

import (
	"fmt"
	"log/slog"

	"github.com/commercengine-go/sdk/internal/redact"
)

// How the types that hold or reach a secret print: the cookie keys, the
// client's API key, the shoppers' tokens and session IDs never show,
// whatever the fmt verb, nor in log/slog. What a type reaches through an
// interface (a store, the shared renewals) is named by its type.

// String describes the configuration without its keys.
func (c CookieConfig) String() string {
	return redact.NewView("CookieConfig").Field("Keys", fmt.Sprintf("<%d redacted>", len(c.Keys))).
		Field("Cookie", c.Cookie).Field("Renewals", redact.TypeName(c.Renewals)).String()
}

// GoString keeps %#v from printing the keys.
func (c CookieConfig) GoString() string { return "web." + c.String() }

// Format keeps every fmt verb from printing the keys.
func (c CookieConfig) Format(f fmt.State, verb rune) { redact.Format(f, verb, c) }

// LogValue implements slog.LogValuer without the keys.
func (c CookieConfig) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("keys", len(c.Keys)), slog.String("cookie", c.Cookie.Name),
		slog.String("renewals", redact.TypeName(c.Renewals)))
}

// String describes the cookie sessions without their keys.
func (c *CookieSessions) String() string {
	if c == nil {
		return "<nil>"
	}
	return redact.NewView("CookieSessions").Field("Keys", fmt.Sprintf("<%d redacted>", len(c.keys))).
		Field("Cookie", c.cookie.Name).Field("Renewals", redact.TypeName(c.renewals)).String()
}

// GoString keeps %#v from printing the keys.
func (c *CookieSessions) GoString() string {
	if c == nil {
		return "(*web.CookieSessions)(nil)"
	}
	return "&web." + c.String()
}

// Format keeps every fmt verb from printing the keys.
func (c *CookieSessions) Format(f fmt.State, verb rune) { redact.Format(f, verb, c) }

// LogValue implements slog.LogValuer without the keys.
func (c *CookieSessions) LogValue() slog.Value {
	if c == nil {
		return slog.StringValue("<nil>")
	}
	return slog.GroupValue(slog.Int("keys", len(c.keys)), slog.String("cookie", c.cookie.Name),
		slog.String("renewals", redact.TypeName(c.renewals)))
}

// String describes the sessions kept by their number, without their IDs
// or tokens.
func (m *MemoryTokens) String() string {
	if m == nil {
		return "<nil>"
	}
	return redact.NewView("MemoryTokens").Field("Sessions", m.Len()).String()
}

// GoString keeps %#v from printing the session IDs and tokens.
func (m *MemoryTokens) GoString() string {
	if m == nil {
		return "(*web.MemoryTokens)(nil)"
	}
	return "&web." + m.String()
}

// Format keeps every fmt verb from printing the session IDs and tokens.
func (m *MemoryTokens) Format(f fmt.State, verb rune) { redact.Format(f, verb, m) }

// LogValue implements slog.LogValuer without the session IDs and tokens.
func (m *MemoryTokens) LogValue() slog.Value {
	if m == nil {
		return slog.StringValue("<nil>")
	}
	return slog.GroupValue(slog.Int("sessions", m.Len()))
}

// String describes the middleware by its client (without the API key)
// and the type of its session store.
func (m Middleware) String() string {
	client := "<nil>"
	if m.client != nil {
		client = m.client.String()
	}
	return redact.NewView("Middleware").Field("Client", client).Field("Sessions", redact.TypeName(m.sessions)).String()
}

// GoString keeps %#v from printing the API key.
func (m Middleware) GoString() string { return "web." + m.String() }

// Format keeps every fmt verb from printing the API key.
func (m Middleware) Format(f fmt.State, verb rune) { redact.Format(f, verb, m) }

// LogValue implements slog.LogValuer without the API key.
func (m Middleware) LogValue() slog.Value {
	client := slog.StringValue("<nil>")
	if m.client != nil {
		client = m.client.LogValue()
	}
	return slog.GroupValue(slog.Attr{Key: "client", Value: client}, slog.String("sessions", redact.TypeName(m.sessions)))
}
