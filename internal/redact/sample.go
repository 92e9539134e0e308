package redact

import (
	"strings"
	"unicode/utf8"
)

// Sample returns the start of a body for an error message: valid UTF-8,
// with what sec hides replaced (before anything is cut or collapsed, so
// that a secret is found whole), white space collapsed, at most about
// limit bytes.
func Sample(body []byte, sec Secrets, limit int) string {
	sc := sec.Scrubber()
	// Read far enough past the first limit*4 bytes to see whole any
	// secret that starts before them, however it was escaped.
	window := limit*4 + sc.reach
	s := strings.ToValidUTF8(string(body[:min(len(body), window)]), "\uFFFD")
	s, more := sc.cut(s, limit*4)
	if more {
		s = dropPartialToken(s)
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = dropPartialToken(s[:cut]) + "…"
	}
	return s
}

// dropPartialToken removes the run of token characters that ends s: text
// was cut there, and what it cut may be a token the scrubber does not
// know.
func dropPartialToken(s string) string {
	if strings.HasSuffix(s, "]") {
		return s // a mark, or text the cut did not split
	}
	end := len(s)
	for end > 0 && isTokenByte(s[end-1]) {
		end--
	}
	return s[:end]
}

func isTokenByte(c byte) bool {
	return c == '.' || c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
