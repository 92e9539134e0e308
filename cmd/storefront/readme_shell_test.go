package main

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shellBlock matches a shell code block of the README.
var shellBlock = regexp.MustCompile("(?ms)^```(?:sh|bash|shell)\n(.*?)^```")

// TestREADMEShellExamples runs every shell example of the README as a user
// would type it, in order, block by block: `go run ./cmd/storefront …`
// lines run the command (in-process; a line ending in & runs in the
// background until the block ends), `export` sets the environment of the
// lines after it, and the lines that cannot run inside a test are checked
// instead: `go get` names this module, `make` names a target of the
// Makefile. A line the test does not understand fails it, so a new kind
// of example needs a rule here. The fake server's default address,
// 127.0.0.1:8080, is replaced by a free port.
func TestREADMEShellExamples(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	gomod, err := os.ReadFile("../../go.mod")
	require.NoError(t, err)
	module := strings.Fields(strings.SplitN(string(gomod), "\n", 2)[0])[1]
	makefile, err := os.ReadFile("../../Makefile")
	require.NoError(t, err)

	blocks := shellBlock.FindAllStringSubmatch(string(readme), -1)
	require.NotEmpty(t, blocks, "the README has shell examples")
	ran := 0
	for i, b := range blocks {
		addr := freeAddr(t)
		text := strings.ReplaceAll(b[1], "127.0.0.1:8080", addr)
		environ := map[string]string{"XDG_CONFIG_HOME": t.TempDir()}
		var background []func()
		for _, line := range shellLines(text) {
			fields := strings.Fields(line)
			switch {
			case strings.HasPrefix(line, "go run ./cmd/storefront"):
				args := fields[3:]
				if args[len(args)-1] == "&" {
					args = args[:len(args)-1]
					if args[0] == "serve" && !contains(args, "--addr") {
						args = append(args, "--addr", addr)
					}
					background = append(background, runInBackground(t, line, args, environ, addr))
					continue
				}
				r := runCLI(t, environ, "", args...)
				assert.Equal(t, 0, r.code, "block %d: %s\nstdout: %s\nstderr: %s", i+1, line, r.stdout, r.stderr)
				ran++
			case fields[0] == "export":
				for _, kv := range fields[1:] {
					k, v, ok := strings.Cut(kv, "=")
					require.True(t, ok, "block %d: %s", i+1, line)
					environ[k] = v
				}
			case fields[0] == "go" && len(fields) == 3 && fields[1] == "get":
				assert.Equal(t, module, strings.Split(fields[2], "@")[0], "block %d: %s", i+1, line)
			case fields[0] == "make" && len(fields) == 2:
				assert.Regexp(t, "(?m)^"+regexp.QuoteMeta(fields[1])+":", string(makefile), "block %d: %s: no such make target", i+1, line)
			default:
				t.Errorf("block %d: the test does not know how to check %q: add a rule to TestREADMEShellExamples", i+1, line)
			}
		}
		for _, stop := range background {
			stop()
		}
	}
	assert.Positive(t, ran, "no storefront command of the README ran")
}

// shellLines splits a block into its commands: comments dropped, lines
// continued with a backslash joined.
func shellLines(block string) []string {
	var out []string
	cur := ""
	for _, l := range strings.Split(block, "\n") {
		if i := strings.Index(l, " #"); i >= 0 {
			l = l[:i]
		}
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasSuffix(l, `\`) {
			cur += strings.TrimSuffix(l, `\`) + " "
			continue
		}
		cur += l
		if strings.TrimSpace(cur) != "" {
			out = append(out, strings.TrimSpace(cur))
		}
		cur = ""
	}
	return out
}

// runInBackground starts a command that the README runs with &, waits for
// it to listen on addr when it serves, and returns what stops it.
func runInBackground(t *testing.T, line string, args []string, environ map[string]string, addr string) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int, 1)
	env := map[string]string{}
	for k, v := range environ {
		env[k] = v
	}
	go func() {
		done <- run(ctx, args, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] })
	}()
	if args[0] == "serve" {
		listening := func() bool { return strings.Contains(out.String(), "listening") }
		require.Eventually(t, listening, 60*time.Second, 10*time.Millisecond, "%s does not listen on %s: %s", line, addr, &errb)
	}
	return func() {
		cancel()
		select {
		case code := <-done:
			assert.Equal(t, 0, code, "%s: %s", line, &errb)
		case <-time.After(60 * time.Second):
			t.Errorf("%s did not stop", line)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
