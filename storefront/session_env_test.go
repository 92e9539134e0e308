package storefront_test

// The fake server with a registered shopper that the session and renewal
// tests share. Its refresh tokens are single-use: a second refresh of one
// pair is refused, as the real API may refuse it.

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// shopperEnv is a fake server with a frozen clock, a registered shopper
// and a logged-in pair for them.
type shopperEnv struct {
	srv    *storefronttest.Server
	userID string
	email  string
	pw     string
	pair   storefront.Tokens
	logs   *logBuffer
}

func newShopperEnv(t *testing.T, opts ...storefronttest.Option) *shopperEnv {
	t.Helper()
	srv := storefronttest.NewServer(append([]storefronttest.Option{storefronttest.WithFrozenClock()}, opts...)...)
	t.Cleanup(srv.Close)
	e := &shopperEnv{srv: srv, email: "asha@example.com", pw: "correct-horse-battery", logs: &logBuffer{}}
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: e.email, Phone: "9876543210", Password: e.pw})
	require.NoError(t, err)
	e.userID = info.ID
	access, refresh, err := srv.IssueTokens(info.ID)
	require.NoError(t, err)
	e.pair = storefront.Tokens{AccessToken: access, RefreshToken: refresh}
	return e
}

// client is a client of the server on its clock, with quick retries.
func (e *shopperEnv) client(t *testing.T, opts ...storefront.Option) *storefront.Client {
	t.Helper()
	base := []storefront.Option{
		storefront.WithAPIKey(e.srv.APIKey()), storefront.WithBaseURL(e.srv.BaseURL()),
		storefront.WithClock(e.srv.Now), storefront.WithRetryPolicy(faultRetryPolicy),
		storefront.WithLogger(e.logs.logger()),
	}
	c, err := storefront.New(e.srv.StoreID(), append(base, opts...)...)
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// logBuffer collects the client's log, debug level included.
type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// storeWith returns a MemoryStore holding t.
func storeWith(t *testing.T, tk storefront.Tokens) *storefront.MemoryStore {
	s := storefront.NewMemoryStore()
	require.NoError(t, s.Save(context.Background(), tk))
	return s
}

func loadOf(t *testing.T, s storefront.TokenStore) storefront.Tokens {
	t.Helper()
	tk, err := s.Load(context.Background())
	require.NoError(t, err)
	return tk
}

// slowOnce delays the next answer of an operation by d.
func slowOnce(d time.Duration) storefronttest.Fault {
	return storefronttest.Fault{Latency: d, Times: 1}
}
