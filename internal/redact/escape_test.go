package redact

import (
	"encoding/json"
	"html"
	"testing"

	"github.com/stretchr/testify/assert"
)

// jsonEscaped is s as encoding/json writes it inside a string, without the
// quotes: & < > as \u0026 \u003c \u003e, " as \", a tab as \t.
func jsonEscaped(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

// A secret is found however the server escaped it.
func TestCleanFindsEscapedForms(t *testing.T) {
	const pw = `a&b"c<d>e\f g/h`
	sec := Secrets{pw}
	for _, form := range []string{
		pw, jsonEscaped(pw), html.EscapeString(pw),
		`a\u0026b\"c\u003cd\u003ee\\f g\/h`, `a\\u0026b\\\"c\\u003cd\\u003ee\\\\f g/h`, // escaped twice
		`a%26b%22c%3Cd%3Ee%5Cf+g%2Fh`, `a&amp;b&#34;c&lt;d&gt;e\f&#32;g/h`, "a&b\"c<d>e\\f\n\n g/h",
		`a\U0026b\"c\u003Cd\u003Ee\\f g/h`,
	} {
		got := sec.Clean("before " + form + " after")
		assert.Equal(t, "before [redacted] after", got, "form %s", form)
	}
}

// Characters beyond ASCII, escaped as UTF-16 surrogate pairs, as UTF-8
// bytes of a URL, or as HTML references, map to the same text.
func TestCanonicalizeUndoesEscapesBeyondASCII(t *testing.T) {
	const want = "pass😀wörd"
	for _, form := range []string{want, `pass\ud83d\ude00w\u00f6rd`, "pass%F0%9F%98%80w%C3%B6rd", "pass&#x1F600;w&#246;rd"} {
		assert.Equal(t, want, canonicalize(form).text, form)
	}
	c := canonicalize(`a\u0026b`)
	assert.Equal(t, "a&b", c.text)
	assert.Equal(t, []int32{0, 1, 7}, c.start, "each byte knows where it came from")
	assert.Equal(t, []int32{1, 7, 8}, c.end)
}
