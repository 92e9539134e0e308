package main

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

const sample = `goos: linux
pkg: github.com/commercengine-go/sdk/storefront
BenchmarkGetUser/bare-2   	    4000	     80000 ns/op	   12000 B/op	     127 allocs/op
BenchmarkGetUser/bare-2   	    4000	     90000 ns/op	   12000 B/op	     127 allocs/op
BenchmarkGetUser/bare-2   	    4000	     70000 ns/op	   12000 B/op	     127 allocs/op
BenchmarkGetUser/sdk-2    	    4000	     88000 ns/op	   12100 B/op	     130 allocs/op
BenchmarkPaired/GetUser/sdk-vs-bare-2 	4000	 200000 ns/op	 62000 bare-ns/call	 1.050 ratio	 65100 sdk-ns/call
BenchmarkRefreshStorm-2   	     100	   4000000 ns/op	         1.000 refreshes/storm	      2500 roundtrip-µs	      4000 slowest-µs	         1.600 slowest/roundtrip
BenchmarkFakeServer/get-user-detail/c=16	20000	115000 ns/op	8700 req/s	1300 p50-µs	7900 p99-µs	0 errors
BenchmarkSharingOverhead/renewal-burst-2  	    1000	   2405133 ns/op	    943359 per-request-ns	         1.047 ratio	         1.000 refreshes/burst	    900867 single-ns
BenchmarkRedisCoordination-2   	       1	2573773777 ns/op	     24314 added-p50-µs	    365684 added-p99-µs	         0 failures	     11670 local-p50-µs	     79032 local-p99-µs	         2.000 local-refreshes/rep	     35984 redis-p50-µs	    444716 redis-p99-µs	         1.000 refreshes/rep
BenchmarkGraceWindowMemory/default-bound-2         	       1	4439349428 ns/op	      1808 B/entry	         4.188 KiB-left-after-window	        28.25 MiB-held	         0 entries-after-window	     16384 entries-kept
`

func TestParse(t *testing.T) {
	r := parse(sample)
	assert.Equal(t, []float64{80000, 90000, 70000}, r["BenchmarkGetUser/bare"]["ns/op"], "the -2 suffix is dropped, runs are kept")
	assert.Equal(t, 80000.0, r.med("BenchmarkGetUser/bare", "ns/op"))
	assert.Equal(t, 130.0, r.med("BenchmarkGetUser/sdk", "allocs/op"))
	assert.Equal(t, 1.05, r.med("BenchmarkPaired/GetUser/sdk-vs-bare", "ratio"))
	assert.Equal(t, 1.6, r.med("BenchmarkRefreshStorm", "slowest/roundtrip"))
	assert.Equal(t, 8700.0, r.med("BenchmarkFakeServer/get-user-detail/c=16", "req/s"), "names with = keep their last segment")
	assert.True(t, math.IsNaN(r.med("BenchmarkNope", "ns/op")))
}

func TestTableMarksTargets(t *testing.T) {
	var out bytes.Buffer
	printTable(&out, parse(sample))
	assert.Contains(t, out.String(), "1.050×")
	assert.Contains(t, out.String(), "| met ")
	assert.Contains(t, out.String(), "1 per storm")
	assert.Contains(t, out.String(), "943359 vs 900867 ns = 1.047×")
	assert.Contains(t, out.String(), "1 per repetition, 0 failures")
	assert.Contains(t, out.String(), "24.3 / 365.7 ms")
	assert.Contains(t, out.String(), "16384, 28.2 MiB")
}
