// Command storefront runs the Commerce Engine Storefront SDK from a shell:
//
//	storefront demo    the whole auth story, on an embedded fake server or a real store
//	storefront serve   the fake Storefront API on a local port, for apps and other SDKs
//	storefront auth    one Auth operation at a time, with the session kept in a file
//	storefront catalog list, search and show the catalog's products with the API key alone
//	storefront addresses  the logged-in customer's saved addresses
//	storefront cart    the session's cart: show, add, remove, coupon
//	storefront orders  the session's orders: list, show, cancel
//
// Run "storefront <command> --help" for each command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// env reads an environment variable; tests pass their own.
type env func(string) string

// cli is one invocation: its streams and environment.
type cli struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv env
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // an operation failed
	exitUsage = 2 // bad command line
)

const usage = `storefront — the Commerce Engine Storefront SDK from a shell

Usage:
  storefront demo      [flags]             run the whole story: catalog, auth, cart and checkout (embedded fake server unless a store is given)
  storefront serve     [flags]             serve the fake Storefront API on a local port
  storefront auth      <operation> [flags] run one Auth operation; the session is kept in a file
  storefront catalog   <list|search|show> [flags]
                                           browse the catalog with the API key alone
  storefront cart      <operation> [flags] the session's cart: show, add, remove, coupon
  storefront orders    <operation> [flags] the session's orders: list, show, cancel
  storefront addresses <operation> [flags] the logged-in customer's addresses: list, add, edit, delete
  storefront version                       print the SDK version

Operations of "auth": anonymous, register-phone, login-password, login-otp,
verify-otp, refresh, logout, whoami.

Every command takes --help, --json (machine-readable output, one JSON object
per line) and --verbose (the SDK's debug log on stderr, secrets redacted). A
real store is configured with --store-id/--api-key and --env
staging|production or --base-url, or with the CE_STORE_ID, CE_API_KEY, CE_ENV
and CE_BASE_URL environment variables.
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "demo":
		err = inCommand("demo", c.demo(ctx, rest))
	case "serve":
		err = inCommand("serve", c.serve(ctx, rest))
	case "auth":
		err = inCommand("auth", c.auth(ctx, rest))
	case "catalog":
		err = inCommand("catalog", c.catalog(ctx, rest))
	case "addresses":
		err = inCommand("addresses", c.addresses(ctx, rest))
	case "cart":
		err = inCommand("cart", c.cart(ctx, rest))
	case "orders":
		err = inCommand("orders", c.orders(ctx, rest))
	case "version", "--version":
		err = inCommand("version", c.version(rest))
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		err = usagef("unknown command %q", cmd)
	}
	return c.exitCode(err)
}

// usageError is a bad command line, reported as one line that points to
// the command's --help.
type usageError struct {
	cmd string // the command, e.g. "demo" or "auth refresh"; empty for the program
	msg string
}

func (e *usageError) Error() string { return e.msg }

// usagef is a usage error of the command that returns it; the command's
// name is added on the way out (inCommand).
func usagef(format string, args ...any) error { return &usageError{msg: fmt.Sprintf(format, args...)} }

// inCommand names cmd in a usage error that names no command yet.
func inCommand(cmd string, err error) error {
	var ue *usageError
	if errors.As(err, &ue) && ue.cmd == "" {
		return &usageError{cmd: cmd, msg: ue.msg}
	}
	return err
}

// exitCode prints err (once, as one line on stderr) and maps it to an exit code.
func (c *cli) exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		name := strings.TrimSpace("storefront " + ue.cmd)
		fmt.Fprintf(c.stderr, "%s: %s (see %s --help)\n", name, oneLine(ue.msg), name)
		return exitUsage
	case errors.Is(err, errReported):
		return exitFail
	}
	fmt.Fprintf(c.stderr, "storefront: %s\n", describe(err))
	return exitFail
}

// errReported is returned by commands that already printed their failure.
var errReported = errors.New("reported")
