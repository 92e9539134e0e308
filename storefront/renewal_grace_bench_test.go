package storefront_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/storefront"
)

// BenchmarkSharingOverhead measures what sharing renewals between
// per-request sessions costs, against one long-lived session doing the
// same work, alternating the two in one loop and comparing medians (as
// BenchmarkPaired does):
//
//   - steady: get-user-detail with a valid token, by a Session built for
//     the request over its own store, vs by one shared Session;
//   - renewal-burst: 8 concurrent get-user-detail calls right after the
//     access token expired, by 8 per-request Sessions over 8 stores (one
//     refresh, shared through the client's renewal registry) vs by one
//     shared Session (one refresh, shared by its callers).
//
// The ratio is per request: both sides make the same requests.
func BenchmarkSharingOverhead(b *testing.B) {
	a := newCannedAPI(b)
	ctx := context.Background()
	valid := storefront.Tokens{AccessToken: benchAccess, RefreshToken: benchRefresh}
	var seq atomic.Int64
	expiring := func() storefront.Tokens { // a pair of its own: the registry must not know it yet
		n := seq.Add(1)
		return storefront.Tokens{
			AccessToken:  benchToken(map[string]any{"ulid": benchUserID, "is_logged_in": true, "n": n}, 10*time.Second),
			RefreshToken: benchToken(map[string]any{"ulid": benchUserID, "token_type": "refresh", "n": n}, 24*time.Hour),
		}
	}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	const burst = 8

	b.Run("steady", func(b *testing.B) {
		c := a.client(b, benchTransport())
		shared := c.NewSession(nil)
		must(shared.SetTokens(ctx, valid))
		perRequest := func() {
			store := storefront.NewMemoryStore()
			_ = store.Save(ctx, valid)
			_, err := c.NewSession(store).Auth.GetUser(ctx, benchUserID)
			must(err)
		}
		single := func() { _, err := shared.Auth.GetUser(ctx, benchUserID); must(err) }
		pairedRatio(b, "single", "per-request", single, perRequest, nil)
	})

	b.Run("renewal-burst", func(b *testing.B) {
		c := a.client(b, benchTransport())
		var shared *storefront.Session
		var stores [burst]*storefront.MemoryStore
		prepare := func() {
			p := expiring()
			shared = c.NewSession(nil)
			must(shared.SetTokens(ctx, p))
			p = expiring()
			for i := range stores {
				stores[i] = storefront.NewMemoryStore()
				_ = stores[i].Save(ctx, p)
			}
		}
		run := func(sess func(i int) *storefront.Session) {
			var wg sync.WaitGroup
			for i := range burst {
				wg.Go(func() { _, err := sess(i).Auth.GetUser(ctx, benchUserID); must(err) })
			}
			wg.Wait()
		}
		single := func() { run(func(int) *storefront.Session { return shared }) }
		perRequest := func() { run(func(i int) *storefront.Session { return c.NewSession(stores[i]) }) }
		before := a.refreshes.Load()
		pairedRatio(b, "single", "per-request", single, perRequest, prepare)
		b.ReportMetric(float64(a.refreshes.Load()-before)/float64(2*b.N), "refreshes/burst")
	})
}

// pairedRatio times base and test alternately, the order flipping each
// iteration, prepare (untimed) running before each pair, and reports the
// medians and test/base.
func pairedRatio(b *testing.B, baseUnit, testUnit string, base, test, prepare func()) {
	var bt, tt []time.Duration
	timeIt := func(f func()) time.Duration {
		t0 := time.Now()
		f()
		return time.Since(t0)
	}
	flip := false
	for b.Loop() {
		if prepare != nil {
			b.StopTimer()
			prepare()
			b.StartTimer()
		}
		if flip {
			tt = append(tt, timeIt(test))
			bt = append(bt, timeIt(base))
		} else {
			bt = append(bt, timeIt(base))
			tt = append(tt, timeIt(test))
		}
		flip = !flip
	}
	mb, mt := median(bt), median(tt)
	b.ReportMetric(float64(mb.Nanoseconds()), baseUnit+"-ns")
	b.ReportMetric(float64(mt.Nanoseconds()), testUnit+"-ns")
	b.ReportMetric(float64(mt)/float64(mb), "ratio")
}
