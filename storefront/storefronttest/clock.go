package storefronttest

import (
	"sync"
	"sync/atomic"
	"time"
)

// clock is the server's notion of now. Readers never block: the state is an
// immutable value swapped atomically by the writers (Advance, SetTime).
type clock struct {
	mu    sync.Mutex // serialises writers
	state atomic.Pointer[clockState]
}

type clockState struct {
	base   time.Time // the fake time at anchor
	anchor time.Time // the real time (with its monotonic reading) when base was set
	frozen bool      // base does not move with the real clock
}

func newClock(start time.Time, frozen bool) *clock {
	c := &clock{}
	c.state.Store(&clockState{base: start.UTC().Round(0), anchor: time.Now(), frozen: frozen})
	return c
}

func (c *clock) now() time.Time {
	s := c.state.Load()
	if s.frozen {
		return s.base
	}
	return s.base.Add(time.Since(s.anchor))
}

func (c *clock) set(f func(now time.Time) time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.state.Load()
	c.state.Store(&clockState{base: f(c.now()).UTC().Round(0), anchor: time.Now(), frozen: old.frozen})
}

// Now returns the server's current time. Everything the server does with time
// uses it: the iat and exp of the tokens it issues, the expiry checks of
// tokens and one-time passwords, and the timestamps of users. It is safe to
// use as a func() time.Time, for a client that should share the server's
// clock:
//
//	storefront.New(srv.StoreID(), storefront.WithBaseURL(srv.BaseURL()), storefront.WithClock(srv.Now))
func (s *Server) Now() time.Time { return s.clock.now() }

// Advance moves the server's clock forward by d (backward when d is
// negative). Use it to let tokens or one-time passwords expire without
// waiting.
func (s *Server) Advance(d time.Duration) {
	s.clock.set(func(now time.Time) time.Time { return now.Add(d) })
}

// SetTime sets the server's clock to t. Unless the clock is frozen
// (WithFrozenClock), it keeps running from t at the pace of the real clock.
func (s *Server) SetTime(t time.Time) {
	s.clock.set(func(time.Time) time.Time { return t })
}
