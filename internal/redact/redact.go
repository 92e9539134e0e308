// Package redact removes secrets and personal data from what a server
// wrote before it reaches an error or a log: the secrets of the request
// that was answered (an API key, a Bearer token, a password, an OTP …)
// however the server escaped them when it echoed them, anything shaped
// like a JWT, a Bearer token or a payment card number, and the value of
// every field whose name says token, OTP, password, secret, API key or
// personal data (opaque tokens nobody knows are caught this way).
//
// The storefront package wires it to its errors and sessions; nothing
// here knows about a client or a session.
package redact

import (
	"iter"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// The marks that replace what is removed: a token found by its shape (a
// JWT, a Bearer value), or anything else.
const (
	Mark      = "[redacted]"
	TokenMark = "[redacted token]"
)

// minSecret is the shortest value replaced wherever it shows; a shorter
// one (a 3-digit CVV, a 2-digit expiry month) is replaced only where it
// stands alone, not adjacent to a letter or a digit, which keeps it from
// blanking out pieces of ordinary words and numbers.
const minSecret = 4

// Secrets are the values a text must not show, as the request that was
// answered carried them, whatever their length (see minSecret).
type Secrets []string

// Clean returns s without the secrets, and without what is found by its
// shape or by the name of its field.
func (sec Secrets) Clean(s string) string { return sec.Scrubber().Clean(s) }

// Scrubber prepares sec once for the texts of one answer.
func (sec Secrets) Scrubber() *Scrubber {
	sc := &Scrubber{}
	for _, secret := range sec {
		c := strings.TrimSpace(canonicalize(secret).text)
		if c == "" || slices.ContainsFunc(sc.secrets, func(s secretForm) bool { return s.text == c }) {
			continue
		}
		sc.secrets = append(sc.secrets, secretForm{text: c, alone: len(c) < minSecret})
		sc.reach = max(sc.reach, escapedLen(secret))
	}
	return sc
}

// Scrubber finds what to hide in a text.
type Scrubber struct {
	secrets []secretForm
	reach   int // the longest a secret may be once escaped (escapedLen)
}

// secretForm is a secret as the Scrubber looks for it.
type secretForm struct {
	text  string // the canonical form (see canonicalize)
	alone bool   // a short one, hidden only where it stands alone (see minSecret)
}

// standsAlone reports whether text[i:j] is not adjacent to a letter or a
// digit.
func standsAlone(text string, i, j int) bool {
	return (i == 0 || !isAlnum(text[i-1])) && (j == len(text) || !isAlnum(text[j]))
}

func isAlnum(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z') }

// Clean returns s with every span to hide replaced by its mark.
func (sc *Scrubber) Clean(s string) string {
	out, _ := sc.cut(s, len(s))
	return out
}

// cut returns the first limit bytes of s with every span to hide replaced
// by its mark; a span that crosses limit is replaced whole. It reports
// whether s went on after what it returns.
func (sc *Scrubber) cut(s string, limit int) (string, bool) {
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

// occurrences yields where secret starts in text, each occurrence after
// the end of the one before; a short secret only where it stands alone.
func occurrences(text string, secret secretForm) iter.Seq[int] {
	return func(yield func(int) bool) {
		for from := 0; ; {
			i := strings.Index(text[from:], secret.text)
			if i < 0 {
				return
			}
			i += from
			if secret.alone && !standsAlone(text, i, i+len(secret.text)) {
				from = i + 1
				continue
			}
			if !yield(i) {
				return
			}
			from = i + len(secret.text)
		}
	}
}

// span is a byte range of a text to hide, and what to show instead.
type span struct {
	start, end int
	mark       string
}

// spans returns the sorted, merged ranges of s to hide.
func (sc *Scrubber) spans(s string) []span {
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
			if plain && !strings.Contains(secret.text, " ") {
				for i := range occurrences(s, secret) {
					add(i, i+len(secret.text), Mark)
				}
				continue
			}
			if c == nil {
				cs := canonicalize(s)
				c = &cs
			}
			for i := range occurrences(c.text, secret) {
				add(int(c.start[i]), int(c.end[i+len(secret.text)-1]), Mark)
			}
		}
	}
	// The regular expressions run only where a cheap scan says they may
	// match: most error texts hold nothing of the kind.
	if at := jwtCandidate(s); at >= 0 {
		for _, l := range jwtLike.FindAllStringIndex(s[at:], -1) {
			add(at+l[0], at+l[1], TokenMark)
		}
	}
	if containsFold(s, "bearer") {
		for _, m := range bearerToken.FindAllStringSubmatchIndex(s, -1) {
			add(m[2], m[3], TokenMark)
		}
	}
	if mayNameSecret(s) {
		if strings.IndexByte(s, '=') >= 0 {
			for _, m := range formField.FindAllStringSubmatchIndex(s, -1) {
				add(m[2], m[3], Mark)
			}
		}
		if strings.IndexByte(s, ':') >= 0 {
			for _, m := range jsonSecretKey.FindAllStringSubmatchIndex(s, -1) {
				level := m[3] - m[2] // backslashes before the key's quotes: how many times the JSON was escaped
				add(m[1], skipJSONValue(s, m[1], level), Mark)
			}
		}
	}
	for _, r := range cardNumbers(s) {
		add(r[0], r[1], Mark)
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
				last.mark = Mark
			}
			last.end = max(last.end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}
