package redact

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

const sampleLimit = 256

// A sample cut in the middle of a token drops the part of it that is left.
func TestSampleNeverEndsInPartOfAToken(t *testing.T) {
	const tok = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1bGlkIjoidS0xIiwiZW1haWwiOiJhc2hhQGV4YW1wbGUuY29tIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
	for pad := sampleLimit*4 - len(tok); pad < sampleLimit*4; pad += 7 {
		body := []byte(strings.Repeat("x", pad) + " " + tok + " tail")
		s := Sample(body, nil, sampleLimit)
		assert.NotContains(t, s, "eyJ", "pad %d", pad)
	}
}

// A secret that straddles the point where the sample is cut is hidden
// whole, escaped or not, wherever the cut falls.
func TestSampleHidesASecretCutByTheLimit(t *testing.T) {
	const pw = `Zq8&"horse+battery~staple#91`
	sec := Secrets{pw}
	for _, form := range []string{pw, jsonEscaped(pw)} {
		for pad := sampleLimit*4 - 60; pad <= sampleLimit*4+8; pad++ {
			s := Sample([]byte(strings.Repeat("\n", pad)+form+" refused"), sec, sampleLimit)
			for i := 0; i+6 <= len(pw); i++ {
				if strings.Contains(s, pw[i:i+6]) {
					t.Fatalf("pad %d: the sample %q shows %q", pad, s, pw[i:i+6])
				}
			}
		}
	}
}

// A sample is valid UTF-8, its white space collapsed, and short.
func TestSampleIsShortValidText(t *testing.T) {
	s := Sample([]byte("\xff\xfe caf\xc3\xa9\n\n\tbar "+strings.Repeat("é", 400)), nil, sampleLimit)
	assert.True(t, utf8.ValidString(s))
	assert.True(t, strings.HasPrefix(s, "\uFFFD café bar é"), s)
	assert.LessOrEqual(t, len(s), sampleLimit+len("…"))
	assert.True(t, strings.HasSuffix(s, "…"))
	assert.Equal(t, "(short)", Sample([]byte("(short)"), nil, sampleLimit))
}
