// Package testbuild tells tests that run the go command (go run, go build,
// go list -export) how the test binary itself was built, so that they build
// the same way: a `go test -race` run then reuses the packages it compiled
// with -race, where a plain go build would compile the SDK and every
// dependency a second time (most of a cold make test's CPU, on a machine
// that has just emptied its build cache), and the programs they start are
// checked for races too.
package testbuild

// Flags are the build flags to give the go command: "-race" when the test
// binary was built with the race detector, none otherwise.
func Flags() []string {
	if raceEnabled {
		return []string{"-race"}
	}
	return nil
}

// Args returns the go command's arguments: the subcommand, Flags, then rest.
func Args(subcommand string, rest ...string) []string {
	return append(append([]string{subcommand}, Flags()...), rest...)
}
