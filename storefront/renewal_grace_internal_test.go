package storefront

import (
	"encoding/base64"
	"encoding/binary"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

var graceSeq atomic.Uint64

// graceToken makes a distinct JWT-sized token (about 750 bytes, like the
// API's), in memory of its own.
func graceToken() string {
	var b [560]byte
	binary.BigEndian.PutUint64(b[:], graceSeq.Add(1))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func heapAlloc() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkGraceWindowMemory renews the pairs of 100,000 shoppers within
// one grace window and reports what the window holds: with the default
// bound (DefaultRenewalGraceEntries) and with room for all 100,000, the
// entries kept and the heap they take (their tokens included), and what is
// left once the window has ended.
func BenchmarkGraceWindowMemory(b *testing.B) {
	const shoppers = 100_000
	const window = 3 * time.Second
	for _, c := range []struct {
		name       string
		maxEntries int
	}{{"default-bound", DefaultRenewalGraceEntries}, {"unbounded-100k", shoppers}} {
		b.Run(c.name, func(b *testing.B) {
			var kept, perEntry, heldMiB, leftKiB, leftEntries float64
			for b.Loop() {
				r := newRenewals(renewalGraceConfig{window: window, maxEntries: c.maxEntries, set: true})
				before := heapAlloc()
				for range shoppers {
					o, _ := r.join(keyOf(graceToken()))
					r.finish(o, Tokens{AccessToken: graceToken(), RefreshToken: graceToken()}, nil, true)
				}
				held := heapAlloc() - before
				kept = float64(r.kept())
				heldMiB = float64(held) / (1 << 20)
				perEntry = float64(held) / kept
				time.Sleep(window + 200*time.Millisecond) // the timer forgets every entry
				leftEntries = float64(r.kept())
				after := heapAlloc()
				if after > before {
					leftKiB = float64(after-before) / 1024
				}
				runtime.KeepAlive(r)
			}
			b.ReportMetric(kept, "entries-kept")
			b.ReportMetric(heldMiB, "MiB-held")
			b.ReportMetric(perEntry, "B/entry")
			b.ReportMetric(leftEntries, "entries-after-window")
			b.ReportMetric(leftKiB, "KiB-left-after-window")
		})
	}
}

// The grace window forgets an outcome when its window ends, with nothing
// else happening, and never holds more than its bound.
func TestGraceWindowIsBounded(t *testing.T) {
	r := newRenewals(renewalGraceConfig{window: 100 * time.Millisecond, maxEntries: 10, set: true})
	for range 25 {
		o, leader := r.join(keyOf(graceToken()))
		if !leader {
			t.Fatal("a new pair has no renewal yet")
		}
		r.finish(o, Tokens{AccessToken: "a", RefreshToken: "r"}, nil, true)
	}
	if n := r.kept(); n != 10 {
		t.Fatalf("kept %d outcomes, the bound is 10", n)
	}
	k := keyOf("spent")
	o, _ := r.join(k)
	r.finish(o, Tokens{AccessToken: "a2", RefreshToken: "r2"}, nil, true)
	if got, leader := r.join(k); leader || got.tokens.AccessToken != "a2" {
		t.Fatal("an outcome in its window is adopted")
	}
	time.Sleep(250 * time.Millisecond)
	if n := r.kept(); n != 0 {
		t.Fatalf("%d outcomes outlived the window", n)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.byKey) != 0 || r.timer != nil {
		t.Fatalf("%d keys and a timer left after the window", len(r.byKey))
	}
	// A failure is not remembered.
}
