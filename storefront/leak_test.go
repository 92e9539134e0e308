package storefront_test

// Connection and goroutine hygiene under load: 10,000 calls (2,000 in
// make test) through one client, some failing, reuse a handful of
// connections (so every body was read to its end and closed) and leave no
// goroutine behind.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/commercengine-go/sdk/internal/testlong"
	"github.com/commercengine-go/sdk/storefront"
)

// leakAPI answers get-user-detail: 200 with the user, 404 for "missing",
// and 503 to the first request for a user whose ID starts with "busy".
type leakAPI struct {
	newConns atomic.Int64
	requests atomic.Int64
	busy     sync.Map // busy IDs already answered 503
}

func (a *leakAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.requests.Add(1)
	id, ok := strings.CutPrefix(r.URL.Path, "/api/v1/store-1/storefront/auth/user/")
	w.Header().Set("Content-Type", "application/json")
	switch {
	case !ok || r.Method != http.MethodGet || r.Header.Get("Authorization") == "":
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"message":"unexpected request","success":false,"code":"bad_request"}`))
	case id == "missing":
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"message":"User not found","success":false,"code":"not_found"}`))
	case strings.HasPrefix(id, "busy"):
		if _, seen := a.busy.LoadOrStore(id, true); !seen {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(`{"message":"busy","success":false,"code":"service_unavailable"}`))
			return
		}
		fallthrough
	default:
		_ = json.NewEncoder(w).Encode(map[string]any{"message": "ok", "success": true, "content": map[string]any{"user": map[string]any{
			"id": id, "first_name": "Asha", "is_anonymous": false, "is_logged_in": true, "is_email_verified": true, "is_phone_verified": false,
			"login_methods": []string{"email"}, "created_at": "2026-11-23T10:00:00Z", "modified_at": "2026-11-23T10:00:00Z",
			"notification_preferences": map[string]any{
				"transactional": map[string]bool{"email": true}, "promotional": map[string]bool{}, "newsletter": map[string]bool{},
			},
		}}})
	}
}

func TestTenThousandCallsReuseConnections(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	// 2,000 calls in make test (two of them busy), 10,000 in make test-long.
	calls := int64(testlong.Pick(2_000, 10_000))
	const workers = 8
	api := &leakAPI{}
	ts := httptest.NewUnstartedServer(api)
	ts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			api.newConns.Add(1)
		}
	}
	ts.Start()

	client, err := storefront.New("store-1", storefront.WithBaseURL(ts.URL),
		storefront.WithRetryPolicy(storefront.RetryPolicy{MaxAttempts: 3, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond, MaxRetryAfter: time.Second}))
	require.NoError(t, err)
	sess := client.NewManualSession(storefront.Tokens{AccessToken: "header.payload.signature", RefreshToken: "r"})

	// Every 10th call asks for a missing user (404), every 1000th for a busy
	// one (503, then 200 on the retry).
	var next atomic.Int64
	var ok, notFound, other atomic.Int64
	var wg sync.WaitGroup
	ctx := context.Background()
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for i := next.Add(1); i <= calls; i = next.Add(1) {
				id := "u-1"
				switch {
				case i%1000 == 0:
					id = fmt.Sprint("busy-", i)
				case i%10 == 0:
					id = "missing"
				}
				u, err := sess.Auth.GetUser(ctx, id)
				switch {
				case err == nil && u.ID == id:
					ok.Add(1)
				case id == "missing" && errors.Is(err, storefront.ErrNotFound):
					notFound.Add(1)
				default:
					other.Add(1)
					t.Errorf("call %d (%s): %v", i, id, err)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	assert.Equal(t, calls-(calls/10-calls/1000), ok.Load())
	assert.Equal(t, calls/10-calls/1000, notFound.Load())
	assert.Zero(t, other.Load())
	assert.Equal(t, calls+calls/1000, api.requests.Load(), "one retry per 503")
	// Each worker keeps about one connection (the transport may dial a few
	// more while the first ones open): a body left unread or unclosed would
	// cost a new connection per call.
	assert.LessOrEqual(t, api.newConns.Load(), int64(2*workers), "connections opened for %d calls", calls)
	t.Logf("%d calls (%d requests) in %v over %d connections", calls, api.requests.Load(), elapsed.Round(time.Millisecond), api.newConns.Load())

	client.CloseIdleConnections()
	ts.Close()
	goleak.VerifyNone(t, ignore)
}
