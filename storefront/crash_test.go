package storefront_test

// Crash safety of FileStore: a process killed with SIGKILL in the middle
// of saving leaves the old pair or the new one, never a torn file.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/testlong"
	"github.com/commercengine-go/sdk/storefront"
)

// The child process is this test binary, run with these variables set.
const (
	crashPathEnv  = "STOREFRONT_CRASH_HELPER_PATH"  // the token file to write
	crashStartEnv = "STOREFRONT_CRASH_HELPER_START" // the first N
	crashReady    = "crash-helper: saving"          // printed after the first save
)

// TestFileStoreCrashHelper is the child of TestFileStoreSurvivesSIGKILL:
// it saves {access: "a-N", refresh: "r-N"} with N growing until it is
// killed (or, should the parent be gone, for at most 10 s).
func TestFileStoreCrashHelper(t *testing.T) {
	t.Parallel()
	path := os.Getenv(crashPathEnv)
	if path == "" {
		t.Skip("runs only as the child of TestFileStoreSurvivesSIGKILL")
	}
	n, err := strconv.Atoi(os.Getenv(crashStartEnv))
	if err != nil {
		t.Fatal(err)
	}
	store := storefront.NewFileStore(path)
	ctx := context.Background()
	for stop, first := time.Now().Add(10*time.Second), true; time.Now().Before(stop); n++ {
		if err := store.Save(ctx, crashPair(n)); err != nil {
			t.Fatal(err)
		}
		if first {
			fmt.Println(crashReady)
			first = false
		}
	}
}

func crashPair(n int) storefront.Tokens {
	return storefront.Tokens{AccessToken: "a-" + strconv.Itoa(n), RefreshToken: "r-" + strconv.Itoa(n)}
}

// TestFileStoreSurvivesSIGKILL kills a child that is saving pairs, 12
// times (40 in make test-long) at a random moment 5–50 ms into its
// saving, and checks after each kill that the file holds a whole pair, the
// latest or an earlier one, that loads and is 0600. Four lanes, each with
// its own file, run side by side to keep the test short.
func TestFileStoreSurvivesSIGKILL(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts 8 processes (40 with SDK_TEST_LONG)")
	}
	const lanes = 4
	roundsPerLane := testlong.Pick(2, 10)
	var mu sync.Mutex
	var total crashStats
	t.Run("lanes", func(t *testing.T) {
		for lane := range lanes {
			t.Run(fmt.Sprint("lane", lane), func(t *testing.T) {
				t.Parallel()
				st := crashLane(t, t.TempDir(), roundsPerLane)
				mu.Lock()
				defer mu.Unlock()
				total.rounds += st.rounds
				total.kills += st.kills
				total.torn += st.torn
				total.saved += st.saved
				total.tmpLeft += st.tmpLeft
			})
		}
	})
	// A kill between CreateTemp and Rename leaves the temporary file
	// behind: FileStore never removes it. Counted, not failed.
	t.Logf("crash safety: %d rounds, %d kills, %d torn files, %d pairs completed, %d temporary files left behind",
		total.rounds, total.kills, total.torn, total.saved, total.tmpLeft)
	assert.Equal(t, lanes*roundsPerLane, total.kills)
	assert.Zero(t, total.torn)
}

type crashStats struct {
	rounds, kills, torn, saved, tmpLeft int
}

// crashLane runs rounds kill rounds on dir/session.json.
func crashLane(t *testing.T, dir string, rounds int) crashStats {
	path := filepath.Join(dir, "session.json")
	store := storefront.NewFileStore(path)
	st := crashStats{}
	last := -1
	for round := range rounds {
		st.rounds++
		cmd := exec.Command(os.Args[0], "-test.run=^TestFileStoreCrashHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashPathEnv+"="+path, crashStartEnv+"="+strconv.Itoa(last+1))
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		ready := make(chan bool, 1)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if sc.Text() == crashReady {
					ready <- true
					break
				}
			}
			for sc.Scan() { // keep the pipe drained
			}
			close(ready)
		}()
		select {
		case ok := <-ready:
			if !ok {
				_ = cmd.Wait()
				t.Fatalf("round %d: the child ended before saving", round)
			}
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("round %d: the child did not start saving", round)
		}
		time.Sleep(time.Duration(5+rand.IntN(46)) * time.Millisecond)
		require.NoError(t, cmd.Process.Kill()) // SIGKILL: no deferred function, no cleanup runs
		err = cmd.Wait()
		require.Error(t, err, "round %d: the child must die by the signal", round)
		require.Contains(t, err.Error(), "killed", "round %d", round)
		st.kills++

		// The file holds one whole pair with matching halves.
		raw, err := os.ReadFile(path)
		require.NoError(t, err, "round %d", round)
		var pair struct {
			Access  string `json:"access_token"`
			Refresh string `json:"refresh_token"`
		}
		n := -1
		if json.Unmarshal(raw, &pair) == nil && strings.HasPrefix(pair.Access, "a-") &&
			pair.Refresh == "r-"+strings.TrimPrefix(pair.Access, "a-") {
			n, _ = strconv.Atoi(strings.TrimPrefix(pair.Access, "a-"))
		}
		if n < 0 {
			st.torn++
			t.Errorf("round %d: torn token file: %q", round, raw)
			continue
		}
		assert.GreaterOrEqual(t, n, last+1, "round %d: the file went back to an older pair", round)
		st.saved += n - last
		last = n

		loaded, err := store.Load(context.Background())
		require.NoError(t, err, "round %d", round)
		assert.Equal(t, crashPair(n), loaded, "round %d", round)
		fi, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "round %d", round)
	}

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".session.json.tmp-") {
			st.tmpLeft++
		}
	}
	return st
}
