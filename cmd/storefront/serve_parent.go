package main

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"
)

// parentPoll is how often serve checks that the go command running it is
// still there.
const parentPoll = 200 * time.Millisecond

// stopWithParent returns a context that is also cancelled when serve was
// started by `go run` and the go command goes away. Ctrl-C reaches both
// processes, but a SIGTERM (or SIGKILL) sent to the go command's PID alone
// kills it without passing the signal on, and would leave the server
// running with no parent; serve notices within parentPoll and stops. A
// serve started any other way (a built binary under a shell, nohup, a
// service manager) is left alone: its parent going away is no reason to
// stop. The check reads /proc (Linux); elsewhere it does nothing.
func stopWithParent(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	ppid := os.Getppid()
	if !isGoCommand(ppid) {
		return ctx, cancel
	}
	go func() {
		t := time.NewTicker(parentPoll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if os.Getppid() != ppid {
					cancel()
					return
				}
			}
		}
	}()
	return ctx, cancel
}

// isGoCommand reports whether the process pid is the go command.
func isGoCommand(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm")
	return err == nil && strings.TrimSpace(string(b)) == "go"
}
