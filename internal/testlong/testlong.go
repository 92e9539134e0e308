// Package testlong tells a test whether to run its long form. `make test`
// runs the short forms: exhaustive runs (the compiled validator against
// kin-openapi over every mutation of every example, every fmt verb on every
// secret-holding type …) are sampled there, in proportion to what they
// find, and run in full by `make test-long`, which sets SDK_TEST_LONG=1. A test's long form checks more inputs, never other
// assertions.
package testlong

import "os"

// Env is the environment variable that asks for the long forms.
const Env = "SDK_TEST_LONG"

// Enabled reports whether the long forms run.
func Enabled() bool {
	v := os.Getenv(Env)
	return v != "" && v != "0" && v != "false"
}

// Pick returns long when the long forms run, short otherwise.
func Pick[T any](short, long T) T {
	if Enabled() {
		return long
	}
	return short
}
