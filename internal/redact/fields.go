package redact

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
)

// What is hidden by the name of its field: the value of a form field, a
// query parameter or a JSON member whose name says secret or personal
// data.

// secretName matches the names of fields whose values are secrets;
// secretWords are the words mayNameSecret looks for.
const secretName = `[A-Za-z0-9_.-]*(?i:token|otp|password|passwd|secret|api[_-]?key|account[_-]?number|card[_-]?number|security[_-]?code|cvv|card[_-]?exp|name[_-]?on[_-]?card|document[_-]?number|vpa|upi[_-]?id)[A-Za-z0-9_.-]*`

// The words of secretName: the secrets, and the personal data a customer's
// bank accounts, cards, documents and UPI addresses hold.
var secretWords = []string{"token", "otp", "passw", "secret", "key", "number", "code", "cvv", "card", "vpa", "upi"}

var (
	// formField matches name=value of a form or a query; group 1 is the value.
	formField = regexp.MustCompile(`\b` + secretName + `=([^&\s"'<>]*)`)
	// jsonSecretKey matches a JSON member name and its colon, in JSON as
	// it is or escaped inside a JSON string; group 1 is the backslashes
	// before the quotes.
	jsonSecretKey = regexp.MustCompile(`(\\*)"` + secretName + `\\*"\s*:\s*`)
	// secretKey matches a whole member name that says secret or personal data.
	secretKey = regexp.MustCompile(`^` + secretName + `$`)
)

// IsSensitiveName reports whether a field, member or parameter named name
// holds a secret or personal data by its name (password, otp_token,
// account_number, vpa …).
func IsSensitiveName(name string) bool { return secretKey.MatchString(name) }

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

// SensitiveValues returns the values of the members of a JSON document
// whose names say they hold a secret or personal data (IsSensitiveName):
// a request's own, to keep out of its errors when the API echoes them.
func SensitiveValues(body []byte) []string {
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

// identifierRun is a run of letters and digits that may be an identifier.
var identifierRun = regexp.MustCompile(`[A-Za-z0-9]{8,}`)

// ScrubIdentifiers replaces in s every run of eight or more letters and
// digits, four or more of them digits, with Mark: what an account, card
// or document number looks like (50100123456789, ABCDE1234F,
// 27AAPFU0939F1ZV), and no word of a message such as "must be 9 to 18
// digits". It cleans what a server says about a field that holds personal
// data, which may quote a number the request did not send.
func ScrubIdentifiers(s string) string {
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
		return Mark
	})
}
