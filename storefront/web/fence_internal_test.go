package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/storefront"
)

// lockingStore is a coordinating store whose lock can be lost: it records
// HoldRenewalLock and answers with hold.
type lockingStore struct {
	*storefront.MemoryStore
	held []time.Duration
	hold error
}

func (l *lockingStore) LockRenewal(ctx context.Context, _ string, fn func(context.Context) error) error {
	return fn(ctx)
}

func (l *lockingStore) CompareAndSwap(_ context.Context, prev, next storefront.Tokens) (storefront.Tokens, bool, error) {
	return prev, true, nil
}

func (l *lockingStore) RecordRenewal(context.Context, string, storefront.Tokens, time.Duration) error {
	return nil
}

func (l *lockingStore) LookupRenewal(context.Context, string) (storefront.Tokens, bool, error) {
	return storefront.Tokens{}, false, nil
}

func (l *lockingStore) HoldRenewalLock(_ context.Context, d time.Duration) error {
	l.held = append(l.held, d)
	return l.hold
}

// plainLock is a coordinating lock that cannot be lost: no RenewalFence.
type plainLock struct{ lockingStore }

func (p *plainLock) HoldRenewalLock() {} // not storefront.RenewalFence's signature

// TestRequestStoresForwardTheRenewalFence: the store a request's Session
// gets in front of a lock that can expire (Redis) offers that lock's
// RenewalFence, so that a holder stalled past the lock's expiry does not
// refresh a pair another replica is refreshing; in front of a lock that
// cannot be lost, the fence only checks that the lock's context is live.
func TestRequestStoresForwardTheRenewalFence(t *testing.T) {
	t.Parallel()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	lost := errors.New("the lock is another replica's")
	cancelled, cancel := context.WithCancelCause(context.Background())
	cancel(lost)

	fenced := &lockingStore{MemoryStore: storefront.NewMemoryStore(), hold: lost}
	plain := &plainLock{lockingStore{MemoryStore: storefront.NewMemoryStore()}}

	server, err := NewServerSessions(ServerConfig{Tokens: func(string) storefront.TokenStore { return fenced }})
	if err != nil {
		t.Fatal(err)
	}
	cookies, err := NewCookieSessions(CookieConfig{Keys: [][]byte{make([]byte, 32)}, Renewals: fenced})
	if err != nil {
		t.Fatal(err)
	}
	for name, sessions := range map[string]SessionStore{"server": server, "cookie": cookies} {
		rt, err := sessions.open(httptest.NewRequest("GET", "/", nil), logger)
		if err != nil {
			t.Fatal(err)
		}
		fence, ok := rt.sessionStore().(storefront.RenewalFence)
		if !ok {
			t.Fatalf("%s sessions: the request's store hides the lock's RenewalFence", name)
		}
		fenced.held = nil
		if err := fence.HoldRenewalLock(context.Background(), time.Minute); !errors.Is(err, lost) {
			t.Errorf("%s sessions: HoldRenewalLock = %v, want the lock's own answer", name, err)
		}
		if len(fenced.held) != 1 || fenced.held[0] != time.Minute {
			t.Errorf("%s sessions: the lock was asked to hold %v, want [1m0s]", name, fenced.held)
		}
	}

	server, err = NewServerSessions(ServerConfig{Tokens: func(string) storefront.TokenStore { return plain }})
	if err != nil {
		t.Fatal(err)
	}
	cookies, err = NewCookieSessions(CookieConfig{Keys: [][]byte{make([]byte, 32)}, Renewals: plain})
	if err != nil {
		t.Fatal(err)
	}
	for name, sessions := range map[string]SessionStore{"server": server, "cookie": cookies} {
		rt, err := sessions.open(httptest.NewRequest("GET", "/", nil), logger)
		if err != nil {
			t.Fatal(err)
		}
		fence, ok := rt.sessionStore().(storefront.RenewalFence)
		if !ok {
			continue // a store without a fence is as good
		}
		if err := fence.HoldRenewalLock(context.Background(), time.Minute); err != nil {
			t.Errorf("%s sessions over a lock that cannot be lost: HoldRenewalLock = %v, want nil", name, err)
		}
		if err := fence.HoldRenewalLock(cancelled, time.Minute); !errors.Is(err, lost) {
			t.Errorf("%s sessions over a lock that cannot be lost: HoldRenewalLock on an ended context = %v, want its cause", name, err)
		}
	}
}
