package redisstore_test

// Rule 3 under load: two OS processes (replicas) × 50 concurrent requests
// for one shopper, right after the access token expired, against the fake
// server's single-use refresh tokens. The replicas are this test binary run
// again as helper processes.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/redisstore"
	"github.com/commercengine-go/sdk/storefront/redisstore/redistest"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// The helper reads these variables.
const (
	loadHelperEnv = "REDISSTORE_LOAD_HELPER" // "1" in a helper
	loadRedisEnv  = "REDISSTORE_LOAD_REDIS"
	loadBaseEnv   = "REDISSTORE_LOAD_BASE_URL"
	loadKeyEnv    = "REDISSTORE_LOAD_API_KEY"
	loadStoreEnv  = "REDISSTORE_LOAD_STORE_ID"
	loadUserEnv   = "REDISSTORE_LOAD_USER"
)

// requestsPerReplica is how many requests for the shopper each replica
// serves at once.
const requestsPerReplica = 50

// TestRedisLoadHelper is a replica. It reads lines
//
//	redis <session ID> <server time, unix ns>
//	memory <access token> <refresh token> <server time, unix ns>
//
// and answers each with "done ok=N fail=M lat=µs,µs,…" after serving
// requestsPerReplica concurrent requests, each building its own Session as
// a web back end does: over the Redis session (coordinated between the
// replicas), or over a MemoryStore of its own holding the given pair
// (shared within this replica only).
func TestRedisLoadHelper(t *testing.T) {
	t.Parallel()
	if os.Getenv(loadHelperEnv) == "" {
		t.Skip("runs only as a helper process")
	}
	var offset atomic.Int64 // the fake server's clock is frozen: follow it
	clock := func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
	c, err := storefront.New(os.Getenv(loadStoreEnv), storefront.WithAPIKey(os.Getenv(loadKeyEnv)),
		storefront.WithBaseURL(os.Getenv(loadBaseEnv)), storefront.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv(loadRedisEnv), PoolSize: 2 * requestsPerReplica})
	defer rdb.Close()
	backend := redisstore.New(rdb)
	userID := os.Getenv(loadUserEnv)
	ctx := context.Background()

	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64<<10), 64<<10)
	for in.Scan() {
		f := strings.Fields(in.Text())
		if len(f) < 3 {
			return
		}
		serverNow, _ := strconv.ParseInt(f[len(f)-1], 10, 64)
		offset.Store(int64(time.Until(time.Unix(0, serverNow))))
		store := func() storefront.TokenStore { return backend.Store(f[1]) }
		if f[0] == "memory" {
			pair := storefront.Tokens{AccessToken: f[1], RefreshToken: f[2]}
			store = func() storefront.TokenStore {
				s := storefront.NewMemoryStore()
				_ = s.Save(ctx, pair)
				return s
			}
		}
		lat := make([]int64, requestsPerReplica)
		var fail atomic.Int32
		var start, wg sync.WaitGroup
		start.Add(1)
		for i := range requestsPerReplica {
			wg.Go(func() {
				start.Wait()
				t0 := time.Now()
				sess := c.NewSession(store())
				if _, err := sess.Auth.GetUser(ctx, userID); err != nil {
					fmt.Fprintln(os.Stderr, "replica:", err)
					fail.Add(1)
				}
				lat[i] = time.Since(t0).Microseconds()
			})
		}
		start.Done()
		wg.Wait()
		parts := make([]string, len(lat))
		for i, l := range lat {
			parts[i] = strconv.FormatInt(l, 10)
		}
		fmt.Printf("done ok=%d fail=%d lat=%s\n", requestsPerReplica-int(fail.Load()), fail.Load(), strings.Join(parts, ","))
	}
}

// replica is a running helper process.
type replica struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Scanner
}

// loadRig is the fake API, Redis and two replicas.
type loadRig struct {
	srv      *storefronttest.Server
	redis    *redistest.Server
	rdb      *redis.Client
	backend  *redisstore.Backend
	userID   string
	replicas []*replica
}

func newLoadRig(tb testing.TB) *loadRig {
	tb.Helper()
	r := &loadRig{redis: redistest.Start(tb)}
	r.srv = storefronttest.NewServer(storefronttest.WithFrozenClock())
	tb.Cleanup(r.srv.Close)
	r.rdb = redis.NewClient(&redis.Options{Addr: r.redis.Addr()})
	tb.Cleanup(func() { _ = r.rdb.Close() })
	r.backend = redisstore.New(r.rdb)
	info, err := r.srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(tb, err)
	r.userID = info.ID
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRedisLoadHelper$", "-test.count=1", "-test.bench=^$")
		cmd.Env = append(os.Environ(), loadHelperEnv+"=1", loadRedisEnv+"="+r.redis.Addr(), loadBaseEnv+"="+r.srv.BaseURL(),
			loadKeyEnv+"="+r.srv.APIKey(), loadStoreEnv+"="+r.srv.StoreID(), loadUserEnv+"="+r.userID)
		cmd.Stderr = os.Stderr
		stdin, err := cmd.StdinPipe()
		require.NoError(tb, err)
		stdout, err := cmd.StdoutPipe()
		require.NoError(tb, err)
		require.NoError(tb, cmd.Start())
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 64<<10), 64<<10)
		rep := &replica{cmd: cmd, stdin: stdin, out: sc}
		r.replicas = append(r.replicas, rep)
		tb.Cleanup(func() {
			_ = stdin.Close()
			done := make(chan struct{})
			go func() { _ = cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				<-done
			}
		})
	}
	return r
}

// roundResult is one burst: the refreshes it caused, its failures and the
// latency of each request.
type roundResult struct {
	refreshes, failures int
	latencies           []time.Duration
}

// round issues a pair for the shopper, lets its access token expire, and
// has both replicas serve their requests at once: over one Redis session
// (coordinated), or each over its own pair in per-request memory stores.
func (r *loadRig) round(tb testing.TB, coordinated bool) roundResult {
	tb.Helper()
	lines := make([]string, len(r.replicas))
	for i := range r.replicas {
		access, refresh, err := r.srv.IssueTokens(r.userID)
		require.NoError(tb, err)
		pair := storefront.Tokens{AccessToken: access, RefreshToken: refresh}
		if coordinated {
			if i == 0 {
				id, err := redisstore.NewSessionID()
				require.NoError(tb, err)
				require.NoError(tb, r.backend.Store(id).Save(context.Background(), pair))
				lines[0] = "redis " + id
			} else {
				lines[i] = lines[0] // one shopper, one session, two replicas
			}
		} else {
			lines[i] = "memory " + pair.AccessToken + " " + pair.RefreshToken
		}
	}
	r.srv.Advance(storefronttest.DefaultAccessTTL + time.Second) // right after expiry
	before := r.srv.Calls(storefronttest.OpRefreshToken)
	now := strconv.FormatInt(r.srv.Now().UnixNano(), 10)
	for i, rep := range r.replicas {
		_, err := fmt.Fprintln(rep.stdin, lines[i]+" "+now)
		require.NoError(tb, err)
	}
	var res roundResult
	for _, rep := range r.replicas {
		require.True(tb, rep.out.Scan(), "the replica ended: %v", rep.out.Err())
		var ok, fail int
		var lat string
		_, err := fmt.Sscanf(rep.out.Text(), "done ok=%d fail=%d lat=%s", &ok, &fail, &lat)
		require.NoError(tb, err, rep.out.Text())
		res.failures += fail
		for _, s := range strings.Split(lat, ",") {
			us, err := strconv.ParseInt(s, 10, 64)
			require.NoError(tb, err)
			res.latencies = append(res.latencies, time.Duration(us)*time.Microsecond)
		}
	}
	res.refreshes = r.srv.Calls(storefronttest.OpRefreshToken) - before
	return res
}

func percentile(d []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(p * float64(len(s)-1))
	return s[i]
}

// Rule 3: 2 processes × 50 concurrent requests for one shopper right after
// expiry, over one Redis session: exactly one refresh, no failure, each
// time.
func TestRule3TwoReplicasOverRedisRefreshOnce(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts processes")
	}
	r := newLoadRig(t)
	const reps = 5
	for i := range reps {
		res := r.round(t, true)
		require.Equal(t, 1, res.refreshes, "repetition %d: refreshes", i)
		require.Zero(t, res.failures, "repetition %d: failures", i)
		require.Len(t, res.latencies, 2*requestsPerReplica)
	}
	t.Logf("2 replicas × %d requests × %d repetitions: 1 refresh and 0 failures each", requestsPerReplica, reps)
}

// BenchmarkRedisCoordination is the Redis load test: 20 repetitions of 2
// OS processes × 50 concurrent requests for one shopper right after expiry,
// coordinated through Redis; it reports the refreshes per repetition (must
// be 1) and the failures (must be 0). The latency the coordination adds
// per request is measured against the same requests in the same run,
// where each replica renews its own shopper's pair with in-process sharing
// only (no Redis): p50 and p99 of both, and their difference.
func BenchmarkRedisCoordination(b *testing.B) {
	r := newLoadRig(b)
	const reps = 20
	r.round(b, true) // warm up connections and scripts
	r.round(b, false)
	var coordinated, local []time.Duration
	refreshes, failures, localRefreshes := 0, 0, 0
	for b.Loop() {
		for range reps {
			res := r.round(b, true)
			refreshes += res.refreshes
			failures += res.failures
			coordinated = append(coordinated, res.latencies...)
			res = r.round(b, false)
			localRefreshes += res.refreshes
			failures += res.failures
			local = append(local, res.latencies...)
		}
	}
	runs := float64(b.N * reps)
	b.ReportMetric(float64(refreshes)/runs, "refreshes/rep")
	b.ReportMetric(float64(localRefreshes)/runs, "local-refreshes/rep")
	b.ReportMetric(float64(failures), "failures")
	us := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }
	b.ReportMetric(us(percentile(coordinated, 0.50)), "redis-p50-µs")
	b.ReportMetric(us(percentile(coordinated, 0.99)), "redis-p99-µs")
	b.ReportMetric(us(percentile(local, 0.50)), "local-p50-µs")
	b.ReportMetric(us(percentile(local, 0.99)), "local-p99-µs")
	b.ReportMetric(us(percentile(coordinated, 0.50)-percentile(local, 0.50)), "added-p50-µs")
	b.ReportMetric(us(percentile(coordinated, 0.99)-percentile(local, 0.99)), "added-p99-µs")
	if refreshes != b.N*reps || failures != 0 {
		b.Errorf("%d refreshes for %d repetitions, %d failures", refreshes, b.N*reps, failures)
	}
}
