package redact

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// How a secret is found however a server escaped it when it echoed it.

// canonical is a text with its escapes undone: each byte of text came
// from the bytes start[i]:end[i] of the original.
type canonical struct {
	text       string
	start, end []int32
}

// canonicalize undoes the escapes a server may have applied to what it
// echoes, so that a secret is found however it was written: JSON escapes
// (\" \/ \uXXXX, under any number of backslashes, as when JSON sits in a
// JSON string), URL escapes (%XX), HTML character references (&amp; &#38;
// &#x26;), and white space, which becomes one space whatever its run and
// escapes (\t \n, a + of a form). Applied to the secret as well, it maps
// every encoding of the secret to the same text.
func canonicalize(s string) canonical {
	// URL and HTML escapes first: what they decode to may be a JSON escape
	// (%5Cu0026), never the other way round.
	if !strings.ContainsAny(s, "%&") {
		return decodeAll(s, decodeJSONEscape, true)
	}
	outer := decodeAll(s, decodeMarkup, false)
	inner := decodeAll(outer.text, decodeJSONEscape, true)
	for i := range inner.text {
		inner.start[i] = outer.start[inner.start[i]]
		inner.end[i] = outer.end[inner.end[i]-1]
	}
	return inner
}

// decodeAll decodes s character by character with decode; with
// collapse, every run of white space (and every +) becomes one space.
func decodeAll(s string, decode func(string, int) (rune, int), collapse bool) canonical {
	c := canonical{start: make([]int32, 0, len(s)), end: make([]int32, 0, len(s))}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, next := decode(s, i)
		if collapse && (r == '+' || unicode.IsSpace(r)) {
			if space { // one space for the whole run
				c.end[len(c.end)-1] = int32(next)
				i = next
				continue
			}
			r = ' '
			space = true
		} else {
			space = false
		}
		n, _ := b.WriteRune(r)
		for range n {
			c.start = append(c.start, int32(i))
			c.end = append(c.end, int32(next))
		}
		i = next
	}
	c.text = b.String()
	return c
}

// decodeJSONEscape decodes the character at i of s, undoing a JSON escape
// that starts there under any number of backslashes; it returns the
// character and where the next one starts.
func decodeJSONEscape(s string, i int) (rune, int) {
	switch s[i] {
	case '\\':
		j := i
		for j < len(s) && s[j] == '\\' {
			j++
		}
		if j == len(s) {
			return '\\', j
		}
		switch s[j] {
		case 'u', 'U':
			if r, ok := hexRune(s, j+1, 4); ok {
				next := j + 5
				if utf16.IsSurrogate(r) { // a pair: \uD83D\uDE00
					k := next
					for k < len(s) && s[k] == '\\' {
						k++
					}
					if k > next && k < len(s) && (s[k] == 'u' || s[k] == 'U') {
						if lo, ok := hexRune(s, k+1, 4); ok {
							if pr := utf16.DecodeRune(r, lo); pr != utf8.RuneError {
								return pr, k + 5
							}
						}
					}
					return utf8.RuneError, next
				}
				return r, next
			}
		case '"', '/', '\'':
			return rune(s[j]), j + 1
		case 't', 'n', 'r', 'f', 'b':
			return ' ', j + 1
		}
		return '\\', j // a run of backslashes stands for one
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return r, i + n
}

// decodeMarkup decodes the character at i of s, undoing a URL escape
// (%XX, several for a character beyond ASCII) or an HTML character
// reference that starts there.
func decodeMarkup(s string, i int) (rune, int) {
	switch s[i] {
	case '%':
		if b, ok := hexRune(s, i+1, 2); ok {
			if b < utf8.RuneSelf {
				return b, i + 3
			}
			// A character of several bytes, each %XX.
			var buf []byte
			j := i
			for j+2 < len(s) && s[j] == '%' && len(buf) < utf8.UTFMax {
				v, ok := hexRune(s, j+1, 2)
				if !ok {
					break
				}
				buf = append(buf, byte(v))
				j += 3
				if utf8.FullRune(buf) {
					break
				}
			}
			if r, n := utf8.DecodeRune(buf); r != utf8.RuneError && n == len(buf) {
				return r, j
			}
		}
	case '&':
		if end := strings.IndexByte(s[i:min(len(s), i+12)], ';'); end > 1 {
			ref := s[i+1 : i+end]
			if r, ok := htmlEntities[ref]; ok {
				return r, i + end + 1
			}
			if ref[0] == '#' {
				base, digits := 10, ref[1:]
				if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
					base, digits = 16, digits[1:]
				}
				if v, err := strconv.ParseUint(digits, base, 32); err == nil && v <= unicode.MaxRune {
					return rune(v), i + end + 1
				}
			}
		}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return r, i + n
}

// hexRune reads n hex digits at i of s.
func hexRune(s string, i, n int) (rune, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v, err := strconv.ParseUint(s[i:i+n], 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

// htmlEntities are the named HTML character references a server escapes
// text with.
var htmlEntities = map[string]rune{"amp": '&', "lt": '<', "gt": '>', "quot": '"', "apos": '\'', "nbsp": ' '}

// escapedLen bounds the length of s escaped by a server: a character that
// escaping changes can take a dozen bytes (\\\u0026, &#x1F600;).
func escapedLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isTokenByte(s[i]) {
			n++
		} else {
			n += 12
		}
	}
	return n
}
