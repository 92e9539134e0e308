package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/testbuild"
	"github.com/commercengine-go/sdk/storefront"
)

// freeAddr returns a loopback address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// serveInProcess runs serve with args until the returned stop is called,
// and returns what it printed on stdout and stderr then.
func serveInProcess(t *testing.T, args ...string) (addr string, stop func() (stdout, stderr string)) {
	t.Helper()
	addr = freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", addr}, args...), nil, &out, &errb, func(string) string { return "" })
	}()
	require.Eventually(t, func() bool {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
		}
		return err == nil
	}, 60*time.Second, 10*time.Millisecond, "serve does not listen: %s", &errb)
	return addr, func() (string, string) {
		cancel()
		select {
		case code := <-done:
			assert.Equal(t, 0, code, errb.String())
		case <-time.After(60 * time.Second):
			t.Fatal("serve did not stop")
		}
		return out.String(), errb.String()
	}
}

// TestServeWarnsOfTokensShorterThanTheRefreshMargin: with access tokens
// that live no longer than the SDK's refresh margin, every call of a
// client would refresh first; serve says so, and is quiet otherwise.
func TestServeWarnsOfTokensShorterThanTheRefreshMargin(t *testing.T) {
	t.Parallel()
	_, stop := serveInProcess(t, "--access-ttl", "20s")
	_, stderr := stop()
	assert.Contains(t, stderr, "warning: --access-ttl 20s is not longer than the SDK's refresh margin (30s)")
	assert.Contains(t, stderr, "every call it makes would refresh first")

	_, stop = serveInProcess(t, "--access-ttl", "5m")
	_, stderr = stop()
	assert.NotContains(t, stderr, "warning")
}

// TestServeReportsItsCalls: serve --calls prints, when it stops, how many
// times each operation was called — here by the SDK with tokens that
// expire within its refresh margin: the first call bootstraps the
// anonymous session, each later one refreshes first.
func TestServeReportsItsCalls(t *testing.T) {
	t.Parallel()
	for _, asJSON := range []bool{false, true} {
		args := []string{"--calls", "--api-key", "k", "--access-ttl", "10s"}
		if asJSON {
			args = append(args, "--json")
		}
		addr, stop := serveInProcess(t, args...)
		client, err := storefront.New("store-test", storefront.WithAPIKey("k"), storefront.WithBaseURL("http://"+addr))
		require.NoError(t, err)
		sess := client.NewSession(storefront.NewMemoryStore())
		ctx := context.Background()
		for range 3 {
			_, err := sess.Catalog.ListCategories(ctx, nil)
			require.NoError(t, err)
		}
		client.CloseIdleConnections()
		stdout, _ := stop()
		if !asJSON {
			assert.Contains(t, stdout, "calls per operation (6 in all):")
			assert.Regexp(t, `\n\s+3  list-categories\n`, stdout)
			assert.Regexp(t, `\n\s+2  refresh-token\n`, stdout)
			assert.Regexp(t, `\n\s+1  get-anonymous-token\n`, stdout)
			continue
		}
		var report callsReport
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &report), stdout)
		assert.Equal(t, callsReport{Total: 6, Calls: map[string]int{"get-anonymous-token": 1, "refresh-token": 2, "list-categories": 3}}, report)
	}
}

// TestGoRunServeStopsWithTheGoCommand runs `go run . serve` as a shell
// would, stops it as a user does — Ctrl-C (SIGINT to the whole foreground
// process group) or SIGTERM to the go command's PID alone, which the go
// command does not pass on — and checks that no server is left running.
func TestGoRunServeStopsWithTheGoCommand(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and runs the command with go run")
	}
	// The first go run builds the command; the go command caches what it
	// runs, so the second starts from that (no separate go build, which
	// would link it once more).
	for _, how := range []string{"ctrl-c", "sigterm"} {
		t.Run(how, func(t *testing.T) {
			addr := freeAddr(t)
			cmd := exec.Command("go", testbuild.Args("run", ".", "serve", "--addr", addr, "--json")...)
			cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			// A server left running would hold the output pipes open: Wait
			// returns anyway once the go command has exited, and the checks
			// below see the server.
			cmd.WaitDelay = 5 * time.Second
			stdout, err := cmd.StdoutPipe()
			require.NoError(t, err)
			var stderr syncBuffer
			cmd.Stderr = &stderr
			require.NoError(t, cmd.Start())
			pgid := cmd.Process.Pid
			t.Cleanup(func() { _ = syscall.Kill(-pgid, syscall.SIGKILL) })

			sc := bufio.NewScanner(stdout)
			require.True(t, sc.Scan(), "serve printed nothing: %s", stderr.String())
			var info serveInfo
			require.NoError(t, json.Unmarshal(sc.Bytes(), &info), sc.Text())
			go io.Copy(io.Discard, stdout)

			if how == "ctrl-c" {
				require.NoError(t, syscall.Kill(-pgid, syscall.SIGINT))
			} else {
				require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
			}
			_ = cmd.Wait()
			assert.Eventually(t, func() bool {
				c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
				if err == nil {
					c.Close()
				}
				return err != nil
			}, 5*time.Second, 50*time.Millisecond, "the server still answers on %s after %s", addr, how)
			// No process of the group is left.
			assert.Eventually(t, func() bool {
				return syscall.Kill(-pgid, 0) != nil
			}, 5*time.Second, 50*time.Millisecond, "a process of the group is still running after %s", how)
		})
	}
}
