// Command bench runs the project's benchmarks and prints them as a table of
// figures next to their targets (`make bench`):
//
//   - the package benchmarks (storefront, redisstore, api, storefronttest),
//     several counts each, so that ratios come from the same run (the
//     Redis load test runs a real redis-server and two helper processes);
//   - the fake server under load from a second process: `storefront serve`
//     on a free port on 127.0.0.1, driven by internal/cmd/loadgen.
//
// The raw output, benchstat-compatible, is written to bench/results.txt
// (or -out); the table goes to stdout.
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	out := flag.String("out", filepath.Join("bench", "results.txt"), "file for the raw benchmark output")
	count := flag.Int("count", 8, "runs of each overhead benchmark")
	quick := flag.Bool("quick", false, "fewer runs and a smaller load, to check the pipeline")
	flag.Parse()
	if err := run(*out, *count, *quick); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// suite is one `go test -bench` invocation.
type suite struct {
	pkg, bench, benchtime string
	count                 int
}

func run(outPath string, count int, quick bool) error {
	// quickTime is each suite's benchtime in a quick run; the memory run
	// (~15 s for 100k sessions) is left out of quick runs.
	quickTime := map[string]string{
		"^BenchmarkRefreshStorm$": "5x", "^BenchmarkManyShoppers$": "2000x",
		"^BenchmarkListProducts$": "20x", "^BenchmarkPairedCatalog$": "20x",
		"^BenchmarkMemory100kSessions$": "", "^BenchmarkGraceWindowMemory$": "",
		"^BenchmarkSharingOverhead$": "300x", "^BenchmarkRedisCoordination$": "1x",
	}
	suites := []suite{
		{"./storefront/", "^(BenchmarkGetUser|BenchmarkLoginWithPassword|BenchmarkUpdateCart)$", "4000x", count},
		{"./storefront/", "^BenchmarkPaired$", "4000x", count},
		{"./storefront/", "^BenchmarkListProducts$", "200x", count},
		{"./storefront/", "^BenchmarkPairedCatalog$", "200x", count},
		{"./storefront/", "^BenchmarkRefreshStorm$", "100x", 3},
		{"./storefront/", "^BenchmarkManyShoppers$", "20000x", 3},
		{"./storefront/", "^BenchmarkSharingOverhead$", "2000x", count},
		{"./storefront/redisstore/", "^BenchmarkRedisCoordination$", "1x", 3},
		{"./api/", "^BenchmarkValidate$", "5000x", 3},
		{"./storefront/storefronttest/", "^(BenchmarkAnonymous|BenchmarkGetUserDetail|BenchmarkFakeUpdateCart)$", "20000x", 3},
		{"./storefront/storefronttest/", "^BenchmarkMemory100kSessions$", "1x", 1},
		{"./storefront/", "^BenchmarkGraceWindowMemory$", "1x", 1},
	}
	loadN := 20000
	if quick {
		var quickSuites []suite
		for _, s := range suites {
			s.count = 1
			bt, ok := quickTime[s.bench]
			switch {
			case !ok:
				s.benchtime = "300x"
			case bt == "":
				continue
			default:
				s.benchtime = bt
			}
			quickSuites = append(quickSuites, s)
		}
		suites = quickSuites
		loadN = 2000
	}

	var raw bytes.Buffer
	fmt.Fprintf(&raw, "# %s\n# machine: %s\n", time.Now().UTC().Format(time.RFC3339), machine())
	for _, s := range suites {
		fmt.Fprintf(os.Stderr, "bench: go test %s -bench %s\n", s.pkg, s.bench)
		cmd := exec.Command("go", "test", "-run", "^$", "-bench", s.bench, "-benchmem",
			"-benchtime", s.benchtime, "-count", strconv.Itoa(s.count), s.pkg)
		cmd.Stderr = os.Stderr
		b, err := cmd.Output()
		raw.Write(b)
		if err != nil {
			return fmt.Errorf("go test %s: %w", s.pkg, err)
		}
	}
	fmt.Fprintln(os.Stderr, "bench: fake server under load from a second process")
	lines, err := loadFakeServer(loadN)
	if err != nil {
		return err
	}
	raw.WriteString("pkg: github.com/commercengine-go/sdk/cmd/storefront (serve, loaded by internal/cmd/loadgen)\n")
	raw.WriteString(lines)

	if err := os.MkdirAll(filepath.Dir(outPath), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(outPath, raw.Bytes(), 0o644); err != nil {
		return err
	}
	results := parse(raw.String())
	printTable(os.Stdout, results)
	fmt.Printf("\nraw output (benchstat-compatible): %s\n", outPath)
	return nil
}

// machine describes where the figures come from.
func machine() string {
	cpu := "unknown CPU"
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	return fmt.Sprintf("%s, %d CPUs, %s %s/%s", cpu, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// loadFakeServer builds the command line and the load generator, serves the
// fake API on a free port and loads it with each operation.
func loadFakeServer(n int) (string, error) {
	dir, err := os.MkdirTemp("", "storefront-bench-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	for _, p := range []string{"./cmd/storefront", "./internal/cmd/loadgen"} {
		cmd := exec.Command("go", "build", "-o", dir, p)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("build %s: %w", p, err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	ln.Close()
	const key = "bench-key"
	srv := exec.Command(filepath.Join(dir, "storefront"), "serve", "--addr", addr, "--api-key", key)
	srv.Stdout, srv.Stderr = io.Discard, os.Stderr
	if err := srv.Start(); err != nil {
		return "", err
	}
	defer func() {
		_ = srv.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- srv.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = srv.Process.Kill()
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if ctx.Err() != nil {
			return "", fmt.Errorf("storefront serve did not listen on %s", addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	var out strings.Builder
	for _, op := range []string{"anonymous", "get-user", "update-cart"} {
		cmd := exec.Command(filepath.Join(dir, "loadgen"), "-base-url", "http://"+addr+"/api/v1/store-test/storefront",
			"-api-key", key, "-op", op, "-n", strconv.Itoa(n), "-c", "16", "-timeout", "60s")
		cmd.Stderr = os.Stderr
		b, err := cmd.Output()
		if err != nil {
			return "", fmt.Errorf("loadgen -op %s: %w", op, err)
		}
		out.Write(b)
	}
	return out.String(), nil
}

// results maps "BenchmarkName/sub" → unit → values over the counts.
type results map[string]map[string][]float64

func parse(raw string) results {
	r := results{}
	for _, line := range strings.Split(raw, "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndex(name, "-"); i > 0 && !strings.Contains(name[i:], "/") && !strings.Contains(name[i:], "=") {
			name = name[:i] // the GOMAXPROCS suffix
		}
		if r[name] == nil {
			r[name] = map[string][]float64{}
		}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				r[name][f[i+1]] = append(r[name][f[i+1]], v)
			}
		}
	}
	return r
}

// med is the median of a benchmark's unit over its runs; NaN when absent.
func (r results) med(name, unit string) float64 {
	v := append([]float64(nil), r[name][unit]...)
	if len(v) == 0 {
		return nanValue
	}
	sort.Float64s(v)
	return v[len(v)/2]
}

var nanValue = func() float64 { z := 0.0; return z / z }()

func printTable(w io.Writer, r results) {
	row := func(what, figure, target, verdict string) {
		fmt.Fprintf(w, "| %-62s | %-36s | %-16s | %-4s |\n", what, figure, target, verdict)
	}
	ok := func(good bool) string {
		if good {
			return "met"
		}
		return "MISS"
	}
	fmt.Fprintf(w, "machine: %s\n\n", machine())
	fmt.Fprintf(w, "| %-62s | %-36s | %-16s | %-4s |\n|%s|%s|%s|%s|\n", "measure", "figure (median of runs)", "target", "", strings.Repeat("-", 64), strings.Repeat("-", 38), strings.Repeat("-", 18), strings.Repeat("-", 6))
	for _, b := range []string{"BenchmarkGetUser", "BenchmarkLoginWithPassword", "BenchmarkUpdateCart"} {
		name := strings.TrimPrefix(b, "Benchmark")
		bare, sdk, val := b+"/bare", b+"/sdk", b+"/sdk-validated"
		// Time: the paired benchmark (calls alternated in one loop,
		// medians), which machine noise cannot tilt; the separate
		// sub-benchmarks' ns/op is shown beside it.
		pair := "BenchmarkPaired/" + name + "/sdk-vs-bare"
		t := r.med(pair, "ratio")
		row(name+": SDK vs bare net/http, time (paired medians)",
			fmt.Sprintf("%.0f vs %.0f ns = %.3f×", r.med(pair, "sdk-ns/call"), r.med(pair, "bare-ns/call"), t), "≤ 1.10×", ok(t <= 1.10))
		row(name+": same, separate runs (ns/op, means)",
			fmt.Sprintf("%.0f vs %.0f ns/op = %.3f×", r.med(sdk, "ns/op"), r.med(bare, "ns/op"), r.med(sdk, "ns/op")/r.med(bare, "ns/op")), "", "")
		a := r.med(sdk, "allocs/op") / r.med(bare, "allocs/op")
		row(name+": SDK vs bare, allocations",
			fmt.Sprintf("%.0f vs %.0f allocs/op = %.2f×", r.med(sdk, "allocs/op"), r.med(bare, "allocs/op"), a), "≤ 2×", ok(a <= 2))
		row(name+": SDK vs bare, memory",
			fmt.Sprintf("%.0f vs %.0f B/op = %.2f×", r.med(sdk, "B/op"), r.med(bare, "B/op"), r.med(sdk, "B/op")/r.med(bare, "B/op")), "", "")
		vpair := "BenchmarkPaired/" + name + "/validated-vs-sdk"
		v := r.med(vpair, "ratio")
		vTarget, vVerdict := "≤ 1.5×", ok(v <= 1.5)
		if b == "BenchmarkUpdateCart" {
			// A cart is a large answer full of unions: validation is reported,
			// not held to the auth calls' target.
			vTarget, vVerdict = "reported", ""
		}
		row(name+": validated (api.Transport, strict) vs SDK, time (paired)",
			fmt.Sprintf("%.0f vs %.0f ns = %.3f×", r.med(vpair, "validated-ns/call"), r.med(vpair, "sdk-ns/call"), v), vTarget, vVerdict)
		row(name+": validated vs SDK, allocations",
			fmt.Sprintf("%.0f vs %.0f allocs/op", r.med(val, "allocs/op"), r.med(sdk, "allocs/op")), "", "")
	}
	{
		// One page of 100 products: the SDK decodes the same gen types as
		// the bare call, so the ratio is the SDK's own cost.
		pair := "BenchmarkPairedCatalog/ListProducts/sdk-vs-bare"
		t := r.med(pair, "ratio")
		row("ListProducts (100 products): SDK vs bare net/http, time (paired)",
			fmt.Sprintf("%.0f vs %.0f ns = %.3f×", r.med(pair, "sdk-ns/call"), r.med(pair, "bare-ns/call"), t), "≤ 1.10×", ok(t <= 1.10))
		sdk, bare := "BenchmarkListProducts/sdk", "BenchmarkListProducts/bare"
		a := r.med(sdk, "allocs/op") / r.med(bare, "allocs/op")
		row("ListProducts (100 products): SDK vs bare, allocations",
			fmt.Sprintf("%.0f vs %.0f allocs/op = %.2f×", r.med(sdk, "allocs/op"), r.med(bare, "allocs/op"), a), "≤ 1.3×", ok(a <= 1.3))
		row("ListProducts (100 products): SDK vs bare, memory",
			fmt.Sprintf("%.0f vs %.0f B/op = %.2f×", r.med(sdk, "B/op"), r.med(bare, "B/op"), r.med(sdk, "B/op")/r.med(bare, "B/op")), "", "")
	}
	rs := "BenchmarkRefreshStorm"
	row("refresh storm, 1,000 goroutines: refresh requests", fmt.Sprintf("%.0f per storm", r.med(rs, "refreshes/storm")), "exactly 1", ok(r.med(rs, "refreshes/storm") == 1))
	sr := r.med(rs, "slowest/roundtrip")
	row("refresh storm: slowest caller / one refresh round trip",
		fmt.Sprintf("%.0f / %.0f µs = %.2f×", r.med(rs, "slowest-µs"), r.med(rs, "roundtrip-µs"), sr), "≈ 2× (one extra)", ok(sr <= 2.5))
	for _, sub := range []string{"steady", "renewal-burst"} {
		so := "BenchmarkSharingOverhead/" + sub
		what := map[string]string{"steady": "calls with a valid token", "renewal-burst": "8 calls right after expiry"}[sub]
		ratio := r.med(so, "ratio")
		row("per-request sessions vs one session, "+what+" (paired)",
			fmt.Sprintf("%.0f vs %.0f ns = %.3f×", r.med(so, "per-request-ns"), r.med(so, "single-ns"), ratio), "≤ 1.02×", ok(ratio <= 1.02))
	}
	rc := "BenchmarkRedisCoordination"
	if _, measured := r[rc]; measured {
		row("Redis: 2 processes × 50 requests after expiry: refreshes, failures",
			fmt.Sprintf("%.0f per repetition, %.0f failures (20 reps)", r.med(rc, "refreshes/rep"), r.med(rc, "failures")), "1, 0", ok(r.med(rc, "refreshes/rep") == 1 && r.med(rc, "failures") == 0))
		row("Redis coordination: added latency per request, p50 / p99",
			fmt.Sprintf("%.1f / %.1f ms", r.med(rc, "added-p50-µs")/1000, r.med(rc, "added-p99-µs")/1000), "reported", "")
		row("  (with Redis p50 / p99; in-process sharing only p50 / p99)",
			fmt.Sprintf("%.1f / %.1f; %.1f / %.1f ms", r.med(rc, "redis-p50-µs")/1000, r.med(rc, "redis-p99-µs")/1000, r.med(rc, "local-p50-µs")/1000, r.med(rc, "local-p99-µs")/1000), "", "")
	}
	gw := "BenchmarkGraceWindowMemory/default-bound"
	if _, measured := r[gw]; measured {
		row("grace window at 100k shoppers: entries kept, memory",
			fmt.Sprintf("%.0f, %.1f MiB (%.0f B each)", r.med(gw, "entries-kept"), r.med(gw, "MiB-held"), r.med(gw, "B/entry")), "bounded", ok(r.med(gw, "entries-kept") <= 16384))
		row("grace window after it ends: entries, memory left",
			fmt.Sprintf("%.0f, %.0f KiB", r.med(gw, "entries-after-window"), r.med(gw, "KiB-left-after-window")), "0", ok(r.med(gw, "entries-after-window") == 0))
		ub := "BenchmarkGraceWindowMemory/unbounded-100k"
		row("grace window with room for all 100k (for scale)", fmt.Sprintf("%.1f MiB", r.med(ub, "MiB-held")), "reported", "")
	}
	ms := "BenchmarkManyShoppers"
	row("10,000 idle sessions: memory per session", fmt.Sprintf("%.0f B (tokens: %.0f B)", r.med(ms, "B/idle-session"), r.med(ms, "token-B/session")), "reported", "")
	row("10,000 sessions, 64 concurrent callers: throughput", fmt.Sprintf("%.0f calls/s", r.med(ms, "calls/s")), "reported", "")
	for _, op := range []string{"get-anonymous-token", "get-user-detail", "update-cart"} {
		name := "BenchmarkFakeServer/" + op + "/c=16"
		row("fake server, "+op+", 16 conns from loadgen",
			fmt.Sprintf("%.0f req/s (p50 %.0f µs, p99 %.0f µs)", r.med(name, "req/s"), r.med(name, "p50-µs"), r.med(name, "p99-µs")), "reported", "")
	}
	for _, b := range []string{"BenchmarkAnonymous", "BenchmarkGetUserDetail", "BenchmarkFakeUpdateCart"} {
		row("fake server handler in process, "+strings.TrimPrefix(b, "Benchmark"),
			fmt.Sprintf("%.1f µs/req (%.0f req/s on 2 cores)", r.med(b, "ns/op")/1000, 1e9/r.med(b, "ns/op")), "reported", "")
	}
	mem := "BenchmarkMemory100kSessions"
	if _, measured := r[mem]; measured {
		row("fake server: heap per anonymous session (100k)", fmt.Sprintf("%.1f B, %.0f records", r.med(mem, "heap-B/anonymous-session"), r.med(mem, "records-after-100k-anonymous")), "no growth", ok(r.med(mem, "records-after-100k-anonymous") == 0))
		row("fake server: heap per refreshed session (100k)", fmt.Sprintf("%.0f B, %.0f records", r.med(mem, "heap-B/refreshed-session"), r.med(mem, "records-after-100k-refreshed")), "reported", "")
		row("fake server: after those sessions expire", fmt.Sprintf("%.0f records, %.0f KiB retained", r.med(mem, "records-after-expiry"), r.med(mem, "heap-KiB-retained-after-expiry")), "reclaimed", ok(r.med(mem, "records-after-expiry") <= 1))
	}
	for _, b := range []string{"BenchmarkValidate/request/get-user-detail", "BenchmarkValidate/request/login-with-password", "BenchmarkValidate/response/login-with-password"} {
		row("validator alone, "+strings.TrimPrefix(b, "BenchmarkValidate/"), fmt.Sprintf("%.1f µs, %.0f allocs", r.med(b, "ns/op")/1000, r.med(b, "allocs/op")), "reported", "")
	}
}
