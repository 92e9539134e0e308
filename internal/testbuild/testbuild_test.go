package testbuild

import (
	"slices"
	"testing"
)

func TestArgsPutTheFlagsAfterTheSubcommand(t *testing.T) {
	got := Args("run", ".", "serve")
	want := append(append([]string{"run"}, Flags()...), ".", "serve")
	if !slices.Equal(got, want) {
		t.Fatalf("Args = %q, want %q", got, want)
	}
	if raceEnabled != slices.Contains(got, "-race") {
		t.Fatalf("race detector on: %v, but the arguments are %q", raceEnabled, got)
	}
}
