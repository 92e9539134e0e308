// Command storefront runs the Commerce Engine Storefront SDK from a shell:
//
//	storefront demo    the whole auth story, on an embedded fake server or a real store
//	storefront serve   the fake Storefront API on a local port, for apps and other SDKs
//	storefront auth    one Auth operation at a time, with the session kept in a file
//	storefront catalog list, search and show the catalog's products with the API key alone
//	storefront addresses  the logged-in customer's saved addresses
//	storefront cart    the session's cart: show, add, remove, coupon
//	storefront orders  the session's orders: list, show, cancel
//	storefront pos     a point-of-sale terminal: pair, staff login, a sale, its payment
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
	"strconv"
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
	json   bool // --json was given: a failure is also printed as JSON on stdout
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
  storefront catalog   list | search QUERY | show PRODUCT [flags]
                                           browse the catalog with the API key alone
  storefront cart      show | add PRODUCT | remove PRODUCT | coupon CODE [flags]
                                           the session's cart
  storefront orders    list | show NUMBER | cancel NUMBER [flags]
                                           the session's orders
  storefront addresses list | add | edit ID | delete ID [flags]
                                           the logged-in customer's addresses
  storefront pos       <operation> [flags] a point-of-sale terminal: demo, pair, login, verify, sale, payment, logout …
  storefront version                       print the SDK version

Operations of "auth": anonymous, register-phone, login-password, login-otp,
verify-otp, refresh, logout, whoami.

The thing a command acts on is its first argument; flags may come before or
after it. Every command takes --help, --json (machine-readable output, one
JSON object per line, failures included) and --verbose (the SDK's debug log
on stderr, secrets redacted). A
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
	c.json = wantsJSON(rest)
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
	case "pos":
		err = inCommand("pos", c.pos(ctx, rest))
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

// exitCode prints err (once, as one line on stderr, and with --json once
// as a JSON object on stdout) and maps it to an exit code.
func (c *cli) exitCode(err error) int {
	var ue *usageError
	var shown *shownAsJSON
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		name := strings.TrimSpace("storefront " + ue.cmd)
		fmt.Fprintf(c.stderr, "%s: %s (see %s --help)\n", name, oneLine(ue.msg), name)
		if c.json {
			printer{c.stdout, true}.emit("", errorJSON{Command: ue.cmd, Error: oneLine(ue.msg), Usage: true})
		}
		return exitUsage
	case errors.Is(err, errReported):
		return exitFail
	}
	fmt.Fprintf(c.stderr, "storefront: %s\n", describe(err))
	if c.json && !errors.As(err, &shown) {
		printer{c.stdout, true}.emit("", errorJSONOf("", err))
	}
	return exitFail
}

// wantsJSON reports whether the arguments of a command ask for --json
// (before a "--" that ends the flags), so that a failure found before or
// while parsing them is printed as JSON too.
func wantsJSON(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "json" {
			continue
		}
		if !hasValue {
			return true
		}
		b, err := strconv.ParseBool(value)
		return err == nil && b
	}
	return false
}

// shownAsJSON marks an error that a command already printed as JSON on
// stdout (a failed step of the demo, a failed operation): exitCode prints
// only its line on stderr.
type shownAsJSON struct{ err error }

func (e *shownAsJSON) Error() string { return e.err.Error() }
func (e *shownAsJSON) Unwrap() error { return e.err }

// errReported is returned by commands that already printed their failure.
var errReported = errors.New("reported")
