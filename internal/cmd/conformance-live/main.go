// Command conformance-live checks what the live Storefront API answers
// against openapi.yaml and prints a report: for each operation it ran, the
// HTTP status and every difference from the spec.
//
//	CE_STORE_ID=… CE_API_KEY=… go run ./internal/cmd/conformance-live
//
// It reads CE_STORE_ID and CE_API_KEY, and optionally CE_ENV (staging or
// production), CE_BASE_URL, and a test account: CE_TEST_EMAIL or
// CE_TEST_PHONE (with CE_TEST_COUNTRY_CODE), and CE_TEST_PASSWORD. It runs
// only operations that are safe against a real store: an anonymous session,
// a token refresh and, with the test account, a login, a read of that user
// and a logout.
//
// Exit status:
//
//	0  every operation run conforms, or the check was skipped because
//	   CE_STORE_ID or CE_API_KEY is not set (nothing is sent then)
//	1  an answer differs from openapi.yaml, a call failed, or the API
//	   could not be reached although credentials were given
//	2  bad usage or a malformed variable (CE_ENV, CE_BASE_URL)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/commercengine-go/sdk/internal/conformance"
)

// Exit statuses.
const (
	exitOK     = 0 // conforms, or skipped for lack of credentials
	exitFailed = 1 // differences, failed calls, or an unreachable API
	exitError  = 2 // bad usage or configuration
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole command, for tests: it reads the configuration from
// getenv, writes the report to stdout and problems to stderr, and returns
// the exit status.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("conformance-live", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", conformance.DefaultTimeout, "how long to wait for each answer")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: conformance-live [-timeout 20s]\n\n"+
			"Checks the live API's answers against openapi.yaml. Reads %s and %s\n"+
			"(skips without them), and optionally %s, %s, %s or %s\n"+
			"(with %s) and %s.\n"+
			"Exit status: 0 conforms or skipped, 1 differences or failures, 2 usage error.\n\nFlags:\n",
			conformance.EnvStoreID, conformance.EnvAPIKey, conformance.EnvEnvironment, conformance.EnvBaseURL,
			conformance.EnvTestEmail, conformance.EnvTestPhone, conformance.EnvTestCountryCode, conformance.EnvTestPassword)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "conformance-live: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitError
	}

	cfg, err := conformance.ConfigFromEnv(getenv)
	if err != nil {
		fmt.Fprintf(stderr, "conformance-live: %v\n", err)
		return exitError
	}
	cfg.Timeout = *timeout
	report, err := conformance.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "conformance-live: %v\n", err)
		return exitError
	}
	if err := report.WriteText(stdout); err != nil {
		fmt.Fprintf(stderr, "conformance-live: %v\n", err)
		return exitError
	}
	if !report.OK() {
		return exitFailed
	}
	return exitOK
}
