package redact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Clean replaces every occurrence of each secret long enough to be one,
// and leaves the rest of the text as it was.
func TestCleanReplacesEachSecret(t *testing.T) {
	sec := Secrets{"pw-1", "hunter2-x", "sk_live_0001"}
	assert.Equal(t, "nothing to hide", sec.Clean("nothing to hide"))
	assert.Equal(t, "a short pw [redacted]", sec.Clean("a short pw hunter2-x"))
	assert.Equal(t, "key [redacted], again [redacted].", sec.Clean("key sk_live_0001, again sk_live_0001."))
	assert.Equal(t, "ab", Secrets{"ab", ""}.Clean("ab"), "shorter than 4 bytes: not replaced")
}

// Overlapping spans found by different rules merge into one mark.
func TestCleanMergesOverlappingSpans(t *testing.T) {
	sec := Secrets{"hunter2-hunter2"}
	got := sec.Clean(`{"password":"hunter2-hunter2","note":"kept"}`)
	assert.Equal(t, `{"password":[redacted],"note":"kept"}`, got)
}
