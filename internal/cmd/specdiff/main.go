// Command specdiff compares openapi.yaml with an upstream OpenAPI document
// over every path, point of sale's included, and reports added and removed
// operations and breaking and non-breaking changes.
//
//	go run ./internal/cmd/specdiff -upstream vendor-openapi.json
//
// Exit status: 0 when no change is breaking, 1 when some are, 2 for a usage
// error or a document that cannot be loaded.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/commercengine-go/sdk/internal/specdiff"
)

// Exit statuses.
const (
	exitOK       = 0 // no breaking change
	exitBreaking = 1 // at least one breaking change
	exitError    = 2 // bad usage, or a document that cannot be loaded
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command, for tests: it parses args, writes the report to
// stdout and problems to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("specdiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", "openapi.yaml", "the SDK's OpenAPI document")
	upstream := fs.String("upstream", "", "the upstream OpenAPI document to compare with (YAML or JSON, OpenAPI 3.0 or 3.1; required)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: specdiff [-base openapi.yaml] -upstream FILE\n\n"+
			"Compares every path of -base with -upstream and prints the operations\n"+
			"added and removed and the breaking and non-breaking changes.\n"+
			"Exit status: 0 no breaking change, 1 breaking changes, 2 usage or load error.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "specdiff: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitError
	}
	if *upstream == "" {
		fmt.Fprintln(stderr, "specdiff: -upstream is required")
		fs.Usage()
		return exitError
	}

	report, err := specdiff.CompareFiles(*base, *upstream)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if err := report.WriteText(stdout); err != nil {
		fmt.Fprintf(stderr, "specdiff: %v\n", err)
		return exitError
	}
	if report.HasBreaking() {
		return exitBreaking
	}
	return exitOK
}
