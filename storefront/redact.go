package storefront

import (
	"bytes"
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// redactor removes secrets from what a server wrote before it reaches an
// error: the secrets of the request that was answered (the API key, the
// Bearer token, a password, an OTP …) however the server escaped them when
// it echoed them, anything shaped like a JWT or sent as a Bearer token, and
// the value of every field whose name says token, OTP, password, secret or
// API key (opaque tokens the SDK does not know are caught this way).
type redactor []string

// minSecret is the shortest value replaced literally: shorter ones would
// blank out ordinary words.
const minSecret = 4

// The marks that replace what is removed: a token found by its shape (a
// JWT, a Bearer value), or anything else.
const (
	redactedMark      = "[redacted]"
	redactedTokenMark = "[redacted token]"
)

// clean returns s without the secrets.
func (rd redactor) clean(s string) string { return rd.scrubber().clean(s) }

// scrubber prepares rd once for the strings of one answer.
func (rd redactor) scrubber() *scrubber {
	sc := &scrubber{}
	for _, secret := range rd {
		if len(secret) < minSecret {
			continue
		}
		c := strings.TrimSpace(canonicalize(secret).text)
		if len(c) < minSecret || slices.Contains(sc.secrets, c) {
			continue
		}
		sc.secrets = append(sc.secrets, c)
		sc.reach = max(sc.reach, escapedLen(secret))
	}
	return sc
}

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

// scrubber finds what to hide in a text.
type scrubber struct {
	secrets []string // the canonical forms of the secrets (see canonicalize)
	reach   int      // the longest a secret may be once escaped (escapedLen)
}

// clean returns s with every span to hide replaced by redactedMark.
func (sc *scrubber) clean(s string) string {
	out, _ := sc.cut(s, len(s))
	return out
}

// cut returns the first limit bytes of s with every span to hide replaced
// by its mark; a span that crosses limit is replaced whole. It reports
// whether s went on after what it returns.
func (sc *scrubber) cut(s string, limit int) (string, bool) {
	var b strings.Builder
	i := 0
	for _, sp := range sc.spans(s) {
		if sp.start >= limit {
			break
		}
		b.WriteString(s[i:sp.start])
		b.WriteString(sp.mark)
		i = sp.end
	}
	if i >= limit {
		return b.String(), i < len(s)
	}
	end := min(limit, len(s))
	for end > i && end < len(s) && !utf8.RuneStart(s[end]) {
		end--
	}
	b.WriteString(s[i:end])
	return b.String(), end < len(s)
}

// span is a byte range of a text to hide, and what to show instead.
type span struct {
	start, end int
	mark       string
}

// spans returns the sorted, merged ranges of s to hide.
func (sc *scrubber) spans(s string) []span {
	var spans []span
	add := func(start, end int, mark string) {
		if end > start {
			spans = append(spans, span{start, end, mark})
		}
	}
	if len(sc.secrets) > 0 && len(s) < math.MaxInt32 {
		// Without an escape in s, a secret without a space is found in s
		// as it is: canonicalizing s would change only its white space.
		plain := !strings.ContainsAny(s, `\%&`)
		var c *canonical
		for _, secret := range sc.secrets {
			if plain && !strings.Contains(secret, " ") {
				for from := 0; ; {
					i := strings.Index(s[from:], secret)
					if i < 0 {
						break
					}
					add(from+i, from+i+len(secret), redactedMark)
					from += i + len(secret)
				}
				continue
			}
			if c == nil {
				cs := canonicalize(s)
				c = &cs
			}
			for from := 0; ; {
				i := strings.Index(c.text[from:], secret)
				if i < 0 {
					break
				}
				i += from
				add(int(c.start[i]), int(c.end[i+len(secret)-1]), redactedMark)
				from = i + len(secret)
			}
		}
	}
	// The regular expressions run only where a cheap scan says they may
	// match: most error texts hold nothing of the kind.
	if at := jwtCandidate(s); at >= 0 {
		for _, l := range jwtLike.FindAllStringIndex(s[at:], -1) {
			add(at+l[0], at+l[1], redactedTokenMark)
		}
	}
	if containsFold(s, "bearer") {
		for _, m := range bearerToken.FindAllStringSubmatchIndex(s, -1) {
			add(m[2], m[3], redactedTokenMark)
		}
	}
	if mayNameSecret(s) {
		if strings.IndexByte(s, '=') >= 0 {
			for _, m := range formField.FindAllStringSubmatchIndex(s, -1) {
				add(m[2], m[3], redactedMark)
			}
		}
		if strings.IndexByte(s, ':') >= 0 {
			for _, m := range jsonSecretKey.FindAllStringSubmatchIndex(s, -1) {
				level := m[3] - m[2] // backslashes before the key's quotes: how many times the JSON was escaped
				add(m[1], skipJSONValue(s, m[1], level), redactedMark)
			}
		}
	}
	for _, r := range cardNumbers(s) {
		add(r[0], r[1], redactedMark)
	}
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	merged := spans[:1]
	for _, sp := range spans[1:] {
		last := &merged[len(merged)-1]
		if sp.start <= last.end {
			if sp.mark != last.mark {
				last.mark = redactedMark
			}
			last.end = max(last.end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// secretName matches the names of fields whose values are secrets;
// secretWords are the words mayNameSecret looks for.
const secretName = `[A-Za-z0-9_.-]*(?i:token|otp|password|passwd|secret|api[_-]?key|account[_-]?number|card[_-]?number|security[_-]?code|cvv|card[_-]?exp|name[_-]?on[_-]?card|document[_-]?number|vpa|upi[_-]?id)[A-Za-z0-9_.-]*`

// The words of secretName: the secrets, and the personal data a customer's
// bank accounts, cards, documents and UPI addresses hold.
var secretWords = []string{"token", "otp", "passw", "secret", "key", "number", "code", "cvv", "card", "vpa", "upi"}

// mayNameSecret reports whether s holds a word of secretWords, in any case.
func mayNameSecret(s string) bool {
	for _, w := range secretWords {
		if containsFold(s, w) {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds word (lower-case ASCII) in any case.
func containsFold(s, word string) bool {
	first, upper := word[0], word[0]-'a'+'A'
	for i := 0; i+len(word) <= len(s); i++ {
		if (s[i] == first || s[i] == upper) && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// jwtCandidate returns where the first run of 10 base64url characters
// followed by a dot starts (where a JWT may start), or -1.
func jwtCandidate(s string) int {
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && run >= 10:
			return i - run
		case c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
			run++
		default:
			run = 0
		}
	}
	return -1
}

var (
	// jwtLike matches compact JWTs (three base64url segments, the first two
	// long enough to be a JOSE header and payload).
	jwtLike = regexp.MustCompile(`[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*`)
	// bearerToken matches an Authorization value; group 1 is the token.
	bearerToken = regexp.MustCompile(`(?i:bearer)\s+([A-Za-z0-9._~+/=-]+)`)
	// formField matches name=value of a form or a query; group 1 is the value.
	formField = regexp.MustCompile(`\b` + secretName + `=([^&\s"'<>]*)`)
	// jsonSecretKey matches a JSON member name and its colon, in JSON as
	// it is or escaped inside a JSON string; group 1 is the backslashes
	// before the quotes.
	jsonSecretKey = regexp.MustCompile(`(\\*)"` + secretName + `\\*"\s*:\s*`)
)

// skipJSONValue returns where the JSON value that starts at i of s ends
// (len(s) when s ends first). level is how many backslashes escape the
// quotes of the text: 0 for JSON as it is, 1 inside a JSON string.
func skipJSONValue(s string, i, level int) int {
	depth := 0
	inString := false
	for j := i; j < len(s); j++ {
		c := s[j]
		if c == '\\' {
			run := j
			for run < len(s) && s[run] == '\\' {
				run++
			}
			if run < len(s) && s[run] == '"' && run-j == level {
				// A quote of the text's own level.
				inString = !inString
				j = run
				if !inString && depth == 0 {
					return j + 1
				}
				continue
			}
			if level == 0 && inString && (run-j)%2 == 1 {
				j = run // an escape inside a string: skip what it escapes
				continue
			}
			j = run - 1
			continue
		}
		if c == '"' && level == 0 {
			inString = !inString
			if !inString && depth == 0 {
				return j + 1
			}
			continue
		}
		if inString {
			continue
		}
		switch c {
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return j // the end of the enclosing object
			}
			depth--
			if depth == 0 {
				return j + 1
			}
		case ',':
			if depth == 0 {
				return j
			}
		case ' ', '\t', '\r', '\n', '<', '&':
			if depth == 0 && j > i {
				return j
			}
		}
	}
	return len(s)
}

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

// sample returns the start of a body for an error message: valid UTF-8,
// with what rd hides replaced (before anything is cut or collapsed, so that
// a secret is found whole), white space collapsed, at most about
// sampleLimit bytes.
func sample(body []byte, rd redactor) string {
	sc := rd.scrubber()
	// Read far enough past the first sampleLimit*4 bytes to see whole any
	// secret that starts before them, however it was escaped.
	window := sampleLimit*4 + sc.reach
	s := strings.ToValidUTF8(string(body[:min(len(body), window)]), "\uFFFD")
	s, more := sc.cut(s, sampleLimit*4)
	if more {
		s = dropPartialToken(s)
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > sampleLimit {
		cut := sampleLimit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = dropPartialToken(s[:cut]) + "…"
	}
	return s
}

// dropPartialToken removes the run of token characters that ends s: text
// was cut there, and what it cut may be a token the redactor does not know.
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

// sensitiveValues returns the values of the members of a JSON document
// whose names say they hold a secret or personal data (secretName): the
// request's own, to keep out of its errors when the API echoes them.
func sensitiveValues(body []byte) []string {
	var out []string
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var key string
	var inObject []bool // for each open container, whether it is an object
	expectKey := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				inObject = append(inObject, true)
				expectKey = true
			case '[':
				inObject = append(inObject, false)
				expectKey = false
			default:
				inObject = inObject[:len(inObject)-1]
				expectKey = len(inObject) > 0 && inObject[len(inObject)-1]
			}
			key = ""
			continue
		case string:
			if expectKey {
				key, expectKey = t, false
				continue
			}
			if key != "" && secretKey.MatchString(key) && t != "" {
				out = append(out, t)
			}
		case json.Number:
			if key != "" && secretKey.MatchString(key) {
				out = append(out, t.String())
			}
		}
		key = ""
		expectKey = len(inObject) > 0 && inObject[len(inObject)-1]
	}
}

// secretKey matches a whole member name that says secret or personal data.
var secretKey = regexp.MustCompile(`^` + secretName + `$`)

// identifierRun is a run of letters and digits that may be an identifier.
var identifierRun = regexp.MustCompile(`[A-Za-z0-9]{8,}`)

// scrubIdentifiers replaces in s every run of eight or more letters and
// digits, four or more of them digits, with redactedMark: what an account,
// card or document number looks like (50100123456789, ABCDE1234F,
// 27AAPFU0939F1ZV), and no word of a message such as "must be 9 to 18
// digits". It cleans what a server says about a field that holds personal
// data, which may quote a number the request did not send.
func scrubIdentifiers(s string) string {
	return identifierRun.ReplaceAllStringFunc(s, func(run string) string {
		digits := 0
		for i := range len(run) {
			if isDigit(run[i]) {
				digits++
			}
		}
		if digits < 4 {
			return run
		}
		return redactedMark
	})
}

// cardNumbers returns where s holds what looks like a payment card number:
// a run of 13 to 19 digits, alone or grouped by single spaces or dashes,
// that passes the Luhn check. Such a number is personal data wherever it
// shows, named or not.
func cardNumbers(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			continue
		}
		digits := make([]byte, 0, 19)
		end := i
		for j := i; j < len(s) && len(digits) <= 19; j++ {
			c := s[j]
			if isDigit(c) {
				digits = append(digits, c)
				end = j + 1
				continue
			}
			if (c == ' ' || c == '-') && j+1 < len(s) && isDigit(s[j+1]) && isDigit(s[j-1]) {
				continue
			}
			break
		}
		if end < len(s) && isDigit(s[end]) {
			continue // more than 19 digits: not a card number
		}
		if len(digits) >= 13 && len(digits) <= 19 && luhn(digits) {
			out = append(out, [2]int{i, end})
			i = end
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// luhn reports whether digits pass the Luhn check of card numbers.
func luhn(digits []byte) bool {
	sum := 0
	for i := range digits {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}
