package storefront_test

// Rule 2: processes sharing one token file refresh the pair once between
// them. The processes are this test binary, run again as helpers.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// The helper processes read these variables.
const (
	renewHelperEnv = "STOREFRONT_RENEW_HELPER" // "calls" or "hold-lock"
	renewFileEnv   = "STOREFRONT_RENEW_FILE"
	renewBaseEnv   = "STOREFRONT_RENEW_BASE_URL"
	renewKeyEnv    = "STOREFRONT_RENEW_API_KEY"
	renewStoreEnv  = "STOREFRONT_RENEW_STORE_ID"
	renewUserEnv   = "STOREFRONT_RENEW_USER"
)

// TestFileStoreRenewalHelper is the helper process of the tests below. As
// "calls", it reads "round N" lines and answers each with
// "round N ok=X fail=Y" after making 3 concurrent calls, each through its
// own Session over its own FileStore on the shared file. As "hold-lock",
// it takes the file's renewal lock, says "locked", and never lets go.
func TestFileStoreRenewalHelper(t *testing.T) {
	mode := os.Getenv(renewHelperEnv)
	if mode == "" {
		t.Skip("runs only as a helper process")
	}
	path := os.Getenv(renewFileEnv)
	ctx := context.Background()
	if mode == "hold-lock" {
		_ = storefront.NewFileStore(path).LockRenewal(ctx, "", func(context.Context) error {
			fmt.Println("locked")
			time.Sleep(time.Minute) // until killed
			return nil
		})
		return
	}
	c, err := storefront.New(os.Getenv(renewStoreEnv), storefront.WithAPIKey(os.Getenv(renewKeyEnv)),
		storefront.WithBaseURL(os.Getenv(renewBaseEnv)), storefront.WithRetryPolicy(faultRetryPolicy))
	if err != nil {
		t.Fatal(err)
	}
	userID := os.Getenv(renewUserEnv)
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		round, ok := strings.CutPrefix(in.Text(), "round ")
		if !ok {
			return
		}
		var okN, failN atomic.Int32
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				sess := c.NewSession(storefront.NewFileStore(path))
				if _, err := sess.Auth.GetUser(ctx, userID); err != nil {
					fmt.Fprintln(os.Stderr, "helper:", err)
					failN.Add(1)
					return
				}
				okN.Add(1)
			})
		}
		wg.Wait()
		fmt.Printf("round %s ok=%d fail=%d\n", round, okN.Load(), failN.Load())
	}
}

// helperProcess is a running helper.
type helperProcess struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
}

func startHelper(t *testing.T, env ...string) *helperProcess {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFileStoreRenewalHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	h := &helperProcess{cmd: cmd, stdin: stdin, lines: make(chan string, 16)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			h.lines <- sc.Text()
		}
		close(h.lines)
	}()
	t.Cleanup(func() {
		_ = stdin.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	return h
}

// expect waits up to 20 s for the helper's next line with prefix.
func (h *helperProcess) expect(t *testing.T, prefix string) string {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case line, ok := <-h.lines:
			if !ok {
				t.Fatalf("the helper ended before saying %q", prefix)
			}
			if strings.HasPrefix(line, prefix) {
				return line
			}
		case <-timeout:
			t.Fatalf("the helper did not say %q in 20 s", prefix)
		}
	}
}

// Rule 2: two processes over one token file, 10 rounds of 3 concurrent
// calls each right after the access token expired: exactly one refresh per
// round, no failure, and the file always holds the logged-in shopper.
func TestRule2TwoProcessesShareOneTokenFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	defer srv.Close()
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	access, refresh, err := srv.IssueTokens(info.ID)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "session.json")
	file := storefront.NewFileStore(path)
	require.NoError(t, file.Save(context.Background(), storefront.Tokens{AccessToken: access, RefreshToken: refresh}))

	env := []string{renewHelperEnv + "=calls", renewFileEnv + "=" + path, renewBaseEnv + "=" + srv.BaseURL(),
		renewKeyEnv + "=" + srv.APIKey(), renewStoreEnv + "=" + srv.StoreID(), renewUserEnv + "=" + info.ID}
	procs := []*helperProcess{startHelper(t, env...), startHelper(t, env...)}

	const rounds = 10
	failures := 0
	for round := 1; round <= rounds; round++ {
		srv.Advance(storefronttest.DefaultAccessTTL + time.Second) // every token has expired
		before := srv.Calls(storefronttest.OpRefreshToken)
		for _, p := range procs {
			_, err := fmt.Fprintf(p.stdin, "round %d\n", round)
			require.NoError(t, err)
		}
		for i, p := range procs {
			line := p.expect(t, fmt.Sprintf("round %d ", round))
			var ok, fail int
			_, err := fmt.Sscanf(line, fmt.Sprintf("round %d ok=%%d fail=%%d", round), &ok, &fail)
			require.NoError(t, err, line)
			assert.Equal(t, 3, ok, "round %d, process %d", round, i)
			failures += fail
		}
		assert.Equal(t, 1, srv.Calls(storefronttest.OpRefreshToken)-before, "round %d: refreshes", round)
		held, err := file.Load(context.Background())
		require.NoError(t, err)
		claims, err := storefront.ParseClaims(held.AccessToken)
		require.NoError(t, err, "round %d: the file holds a pair", round)
		assert.True(t, claims.IsLoggedIn, "round %d: the file holds the logged-in shopper", round)
		assert.Equal(t, info.ID, claims.UserID)
	}
	assert.Zero(t, failures)
	assert.Equal(t, rounds, srv.Calls(storefronttest.OpRefreshToken))
	assert.Zero(t, srv.Calls(storefronttest.OpGetAnonymousToken))
	t.Logf("2 processes × 3 concurrent calls × %d rounds: %d refreshes, %d failures", rounds, srv.Calls(storefronttest.OpRefreshToken), failures)
}

// Rule 2: a process killed while it holds the renewal lock blocks the
// others for no longer than it takes the kernel to close its files.
func TestRule2KilledLockHolderDoesNotBlock(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	path := filepath.Join(t.TempDir(), "session.json")
	holder := startHelper(t, renewHelperEnv+"=hold-lock", renewFileEnv+"="+path)
	holder.expect(t, "locked")

	store := storefront.NewFileStore(path, storefront.LockTimeout(30*time.Second))
	acquired := make(chan time.Time, 1)
	go func() {
		_ = store.LockRenewal(context.Background(), "", func(context.Context) error {
			acquired <- time.Now()
			return nil
		})
	}()
	select {
	case <-acquired:
		t.Fatal("the lock was taken while another process held it")
	case <-time.After(300 * time.Millisecond):
	}
	killed := time.Now()
	require.NoError(t, holder.cmd.Process.Kill())
	select {
	case at := <-acquired:
		waited := at.Sub(killed)
		t.Logf("lock taken %v after its holder was killed", waited)
		assert.Less(t, waited, time.Second, "bounded by the kernel releasing the lock and the polling interval")
	case <-time.After(10 * time.Second):
		t.Fatal("the lock of a killed process is still held after 10 s")
	}
}

// Rule 2: a live holder that keeps the lock makes the others give up after
// the store's lock timeout (or their context), not wait forever.
func TestFileStoreLockWaitIsBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "session.json")
	holding := make(chan struct{})
	release := make(chan struct{})
	go func() {
		_ = storefront.NewFileStore(path).LockRenewal(context.Background(), "", func(context.Context) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	defer close(release)

	start := time.Now()
	err := storefront.NewFileStore(path, storefront.LockTimeout(200*time.Millisecond)).LockRenewal(context.Background(), "", func(context.Context) error {
		t.Error("ran without the lock")
		return nil
	})
	require.ErrorIs(t, err, storefront.ErrRenewalLockTimeout)
	assert.InDelta(t, 200, time.Since(start).Milliseconds(), 150)

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err = storefront.NewFileStore(path).LockRenewal(ctx, "", func(context.Context) error { return nil })
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

// FileStore's compare-and-swap writes only over the pair it expects, and
// its lock files are private.
func TestFileStoreCompareAndSwap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cfg", "session.json")
	s := storefront.NewFileStore(path)
	a := storefront.Tokens{AccessToken: "a1", RefreshToken: "r1"}
	b := storefront.Tokens{AccessToken: "a2", RefreshToken: "r2"}
	ctx := context.Background()

	held, swapped, err := s.CompareAndSwap(ctx, storefront.Tokens{}, a)
	require.NoError(t, err)
	assert.True(t, swapped)
	assert.Equal(t, a, held)
	held, swapped, err = s.CompareAndSwap(ctx, b, storefront.Tokens{AccessToken: "x", RefreshToken: "y"})
	require.NoError(t, err)
	assert.False(t, swapped, "the file does not hold b")
	assert.Equal(t, a, held)
	_, swapped, err = s.CompareAndSwap(ctx, a, b)
	require.NoError(t, err)
	assert.True(t, swapped)
	_, swapped, err = s.CompareAndSwap(ctx, b, storefront.Tokens{})
	require.NoError(t, err)
	assert.True(t, swapped)
	_, err = os.Stat(path)
	assert.ErrorIs(t, err, os.ErrNotExist, "a zero pair clears the file")

	for _, name := range []string{".session.json.write.lock"} {
		fi, err := os.Stat(filepath.Join(filepath.Dir(path), name))
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	}
}
