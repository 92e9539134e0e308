package redact

import "regexp"

// What is hidden by its shape wherever it shows: JWTs, Bearer values and
// payment card numbers.

var (
	// jwtLike matches compact JWTs (three base64url segments, the first two
	// long enough to be a JOSE header and payload).
	jwtLike = regexp.MustCompile(`[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*`)
	// bearerToken matches an Authorization value; group 1 is the token.
	bearerToken = regexp.MustCompile(`(?i:bearer)\s+([A-Za-z0-9._~+/=-]+)`)
)

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
