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
	assert.Equal(t, "", Secrets{""}.Clean(""), "an empty secret hides nothing")
}

// A secret shorter than 4 bytes (a CVV, an expiry month) is hidden
// wherever it stands alone, escaped or not, and never inside a longer
// word or number.
func TestShortSecretsAreHiddenWhereTheyStandAlone(t *testing.T) {
	sec := Secrets{"123", "07"}
	for in, want := range map[string]string{
		"CVV 123 refused":                   "CVV [redacted] refused",
		"123":                               "[redacted]",
		`{"note":"cvv 123, month 07"}`:      `{"note":"cvv [redacted], month [redacted]"}`,
		"cvv\u0020123\nrefused":             "cvv\u0020[redacted]\nrefused",
		"order 91234, sku A123, 1234, 0701": "order 91234, sku A123, 1234, 0701",
		"expires 07/2031 (123-digit check)": "expires [redacted]/2031 ([redacted]-digit check)",
	} {
		assert.Equal(t, want, sec.Clean(in), in)
	}
}

// Overlapping spans found by different rules merge into one mark.
func TestCleanMergesOverlappingSpans(t *testing.T) {
	sec := Secrets{"hunter2-hunter2"}
	got := sec.Clean(`{"password":"hunter2-hunter2","note":"kept"}`)
	assert.Equal(t, `{"password":[redacted],"note":"kept"}`, got)
}
