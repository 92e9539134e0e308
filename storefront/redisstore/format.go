package redisstore

import (
	"fmt"
	"log/slog"

	"github.com/commercengine-go/sdk/internal/redact"
)

// How the Backend and its stores print: never the Redis client (whose
// options hold its password), a shopper's session ID (which stands for the
// shopper's session) or tokens, whatever the fmt verb, nor in log/slog.

// String describes the backend by its key prefix and the type of its
// Redis client.
func (b Backend) String() string {
	return redact.NewView("Backend").Field("Prefix", b.prefix).Field("Redis", redact.TypeName(b.rdb)).String()
}

// GoString keeps %#v from printing the Redis client.
func (b Backend) GoString() string { return "redisstore." + b.String() }

// Format keeps every fmt verb from printing the Redis client.
func (b Backend) Format(f fmt.State, verb rune) { redact.Format(f, verb, b) }

// LogValue implements slog.LogValuer without the Redis client.
func (b Backend) LogValue() slog.Value {
	return slog.GroupValue(slog.String("prefix", b.prefix), slog.String("redis", redact.TypeName(b.rdb)))
}

// String describes the store without its session ID.
func (s Store) String() string {
	prefix := ""
	if s.b != nil {
		prefix = s.b.prefix
	}
	return redact.NewView("Store").Secret("ID", s.id).Field("Prefix", prefix).String()
}

// GoString keeps %#v from printing the session ID.
func (s Store) GoString() string { return "redisstore." + s.String() }

// Format keeps every fmt verb from printing the session ID.
func (s Store) Format(f fmt.State, verb rune) { redact.Format(f, verb, s) }

// LogValue implements slog.LogValuer without the session ID.
func (s Store) LogValue() slog.Value { return slog.GroupValue(slog.String("id", redact.Present(s.id))) }
