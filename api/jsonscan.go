package api

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The JSON grammar (RFC 8259) as encoding/json reads it, for the compiled
// checks: the scanner accepts exactly the documents encoding/json accepts
// (up to maxDepth), and decodeString gives a string the value encoding/json
// decodes it to — invalid UTF-8 and lone surrogates become U+FFFD.

// maxDepth bounds the nesting the checks follow: encoding/json refuses
// documents nested more than 10,000 deep, and a deeper document could
// exhaust the stack. A document deeper than this is left undecided.
const maxDepth = 9000

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
		i++
	}
	return i
}

// skipper returns the check of a value no schema looks at in direction
// dir: its syntax only. kin-openapi decodes request bodies with numbers as
// json.Number, so any number is fine there; response bodies are decoded
// with numbers as float64, and one beyond float64's range fails the whole
// document.
func skipper(dir direction) conformanceCheck {
	if dir == forRequest {
		return skipRequestValue
	}
	return skipResponseValue
}

func skipRequestValue(b []byte, i, depth int) (int, verdict) {
	return skipValue(b, i, depth, false)
}

func skipResponseValue(b []byte, i, depth int) (int, verdict) {
	return skipValue(b, i, depth, true)
}

// skipValue checks the syntax of the value at b[i], depth containers deep,
// and returns its end; with floats, numbers must also fit a float64.
func skipValue(b []byte, i, depth int, floats bool) (int, verdict) {
	if i >= len(b) {
		return i, rejected
	}
	switch c := b[i]; {
	case c == '"':
		end, _, ok := stringEnd(b, i)
		return end, verdictOf(ok)
	case c == '{':
		if depth >= maxDepth {
			return i, undecided
		}
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == '}' {
			return i + 1, accepted
		}
		for {
			kend, _, ok := stringEnd(b, i)
			if !ok {
				return kend, rejected
			}
			if i = skipSpace(b, kend); i >= len(b) || b[i] != ':' {
				return i, rejected
			}
			end, v := skipValue(b, skipSpace(b, i+1), depth+1, floats)
			if v != accepted {
				return end, v
			}
			var done bool
			if i, done, ok = nextMember(b, end, '}'); !ok {
				return i, rejected
			} else if done {
				return i, accepted
			}
		}
	case c == '[':
		if depth >= maxDepth {
			return i, undecided
		}
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == ']' {
			return i + 1, accepted
		}
		for {
			end, v := skipValue(b, i, depth+1, floats)
			if v != accepted {
				return end, v
			}
			var done, ok bool
			if i, done, ok = nextMember(b, end, ']'); !ok {
				return i, rejected
			} else if done {
				return i, accepted
			}
		}
	case c == 't':
		return literal(b, i, "true")
	case c == 'f':
		return literal(b, i, "false")
	case c == 'n':
		return literal(b, i, "null")
	case c == '-' || (c >= '0' && c <= '9'):
		end, ok := numberEnd(b, i)
		if !ok || !floats {
			return end, verdictOf(ok)
		}
		_, err := parseNumber(b[i:end])
		return end, verdictOf(err == nil)
	}
	return i, rejected
}

// nextMember reads what follows a member of an object or an element of an
// array ending at b[i]: a comma (then i is where the next one starts) or
// the closing byte (then done, and i is just past it).
func nextMember(b []byte, i int, closing byte) (next int, done, ok bool) {
	if i = skipSpace(b, i); i >= len(b) {
		return i, false, false
	}
	switch b[i] {
	case ',':
		return skipSpace(b, i+1), false, true
	case closing:
		return i + 1, true, true
	}
	return i, false, false
}

func literal(b []byte, i int, lit string) (int, verdict) {
	end := i + len(lit)
	return end, verdictOf(end <= len(b) && string(b[i:end]) == lit)
}

// numberEnd returns the end of the number at b[i].
func numberEnd(b []byte, i int) (int, bool) {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return i, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == start {
			return i, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == start {
			return i, false
		}
	}
	return i, true
}

// parseNumber returns the float64 of a JSON number literal as
// strconv.ParseFloat does (and so json.Number.Float64 and json.Unmarshal);
// an integer of up to 15 digits, exact in a float64, without allocating.
func parseNumber(lit []byte) (float64, error) {
	digits := lit
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) > 0 && len(digits) <= 15 {
		var n int64
		for _, c := range digits {
			if c < '0' || c > '9' {
				return strconv.ParseFloat(string(lit), 64)
			}
			n = n*10 + int64(c-'0')
		}
		f := float64(n)
		if len(digits) < len(lit) {
			f = -f
		}
		return f, nil
	}
	return strconv.ParseFloat(string(lit), 64)
}

// stringEnd returns the end of the string at b[i] (just after the closing
// quote) and whether its content needs decoding: it holds escapes or bytes
// that are not UTF-8. Without, the raw bytes are the decoded value.
func stringEnd(b []byte, i int) (end int, needsDecoding, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return i, false, false
	}
	i++
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			return i + 1, needsDecoding, true
		case c == '\\':
			needsDecoding = true
			if i+1 >= len(b) {
				return i, true, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) || !isHex(b[i+5]) {
					return i, true, false
				}
				i += 6
			default:
				return i, true, false
			}
		case c < 0x20:
			return i, needsDecoding, false
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				needsDecoding = true
			}
			i += size
		}
	}
	return i, needsDecoding, false
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// decodeString appends to dst the value of a string's raw content (quotes
// excluded) that stringEnd accepted, exactly as encoding/json decodes it:
// escapes resolved, a surrogate pair joined, a lone surrogate and each byte
// that is not UTF-8 replaced by U+FFFD.
func decodeString(dst, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\':
			switch raw[i+1] {
			case 'b':
				dst = append(dst, '\b')
			case 'f':
				dst = append(dst, '\f')
			case 'n':
				dst = append(dst, '\n')
			case 'r':
				dst = append(dst, '\r')
			case 't':
				dst = append(dst, '\t')
			case 'u':
				r := hex4(raw[i+2 : i+6])
				i += 6
				if utf16.IsSurrogate(r) {
					if i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
						if pair := utf16.DecodeRune(r, hex4(raw[i+2:i+6])); pair != utf8.RuneError {
							dst = utf8.AppendRune(dst, pair)
							i += 6
							continue
						}
					}
					r = utf8.RuneError
				}
				dst = utf8.AppendRune(dst, r)
				continue
			default: // '"', '\\', '/'
				dst = append(dst, raw[i+1])
			}
			i += 2
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				dst = utf8.AppendRune(dst, utf8.RuneError)
			} else {
				dst = append(dst, raw[i:i+size]...)
			}
			i += size
		}
	}
	return dst
}

func hex4(h []byte) rune {
	var r rune
	for _, c := range h {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c-'a') + 10
		default:
			r |= rune(c-'A') + 10
		}
	}
	return r
}

// stringValue returns the decoded value of the string b[start:end] that
// stringEnd accepted; it shares b's memory when no decoding is needed.
func stringValue(b []byte, start, end int, needsDecoding bool) []byte {
	raw := b[start+1 : end-1]
	if !needsDecoding {
		return raw
	}
	return decodeString(make([]byte, 0, len(raw)), raw)
}

// memberKeys calls each with the decoded key of every member of the
// object at b[i] (well formed up to where each stops it) and where its
// value starts. It returns rejected if the object is malformed, undecided
// if it nests deeper than maxDepth, and accepted otherwise.
func memberKeys(b []byte, i, depth int, each func(key []byte, value int) bool) verdict {
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return accepted
	}
	for {
		kend, dirty, ok := stringEnd(b, i)
		if !ok {
			return rejected
		}
		key := stringValue(b, i, kend, dirty)
		if i = skipSpace(b, kend); i >= len(b) || b[i] != ':' {
			return rejected
		}
		value := skipSpace(b, i+1)
		if !each(key, value) {
			return accepted
		}
		end, v := skipValue(b, value, depth+1, false)
		if v != accepted {
			return v
		}
		var done bool
		if i, done, ok = nextMember(b, end, '}'); !ok {
			return rejected
		} else if done {
			return accepted
		}
	}
}

// keyRepeats reports whether the object at b[i] holds key (decoded) more
// than once. A malformed object is rejected: encoding/json would refuse the
// whole document.
func keyRepeats(b []byte, i, depth int, key []byte) (bool, verdict) {
	n := 0
	v := memberKeys(b, i, depth, func(k []byte, _ int) bool {
		if string(k) == string(key) {
			n++
		}
		return n < 2
	})
	return n > 1, v
}

// lastMember returns where the value of the last member named key starts
// in the object at b[i] (encoding/json keeps the last of duplicate keys),
// or -1.
func lastMember(b []byte, i, depth int, key string) (int, verdict) {
	at := -1
	v := memberKeys(b, i, depth, func(k []byte, value int) bool {
		if string(k) == key {
			at = value
		}
		return true
	})
	return at, v
}

// distinctKeys returns how many different keys the object at b[i] holds
// once decoded, as the map encoding/json decodes it into would.
func distinctKeys(b []byte, i, depth int) (int, verdict) {
	seen := map[string]struct{}{}
	v := memberKeys(b, i, depth, func(k []byte, _ int) bool {
		seen[string(k)] = struct{}{}
		return true
	})
	return len(seen), v
}
