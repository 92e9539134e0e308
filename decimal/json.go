package decimal

import (
	"bytes"
	"encoding/json"
)

// MarshalJSON writes d as a bare JSON number with [Decimal.String]'s text
// ("12.50", "1e+30"), never as a quoted string.
func (d Decimal) MarshalJSON() ([]byte, error) {
	return d.appendText(make([]byte, 0, 24), false), nil
}

// UnmarshalJSON sets d from a JSON number, or from a JSON string holding a
// number in the same syntax ("12.50"; some APIs quote money). JSON null
// leaves d unchanged and returns nil, encoding/json's rule for non-pointer
// types; decode into a *Decimal to tell null from a number. Anything else
// is a [*ParseError] that names the kind of JSON value (object, array,
// boolean) and what was wrong, never its content. A number within int64
// decodes without allocating.
func (d *Decimal) UnmarshalJSON(data []byte) error {
	start, end := 0, len(data)
	for start < end && isJSONSpace(data[start]) {
		start++
	}
	for end > start && isJSONSpace(data[end-1]) {
		end--
	}
	v := data[start:end]
	if len(v) == 0 {
		return &ParseError{Source: "JSON value", Reason: reasonEmpty, Offset: -1, Err: ErrSyntax}
	}
	switch c := v[0]; {
	case c == '-' || isDigit(c):
		x, err := parseNumber(v)
		if err != nil {
			return renamed(err, "JSON number", start)
		}
		*d = x
		return nil
	case c == '"':
		return d.unmarshalJSONString(v, start)
	case string(v) == "null":
		return nil
	case string(v) == "true" || string(v) == "false":
		return notANumber("JSON boolean")
	case c == '{':
		return notANumber("JSON object")
	case c == '[':
		return notANumber("JSON array")
	}
	return &ParseError{Source: "JSON value", Reason: reasonUnexpected, Offset: start, Err: ErrSyntax}
}

// unmarshalJSONString decodes a JSON string v that starts at offset start
// of the input.
func (d *Decimal) unmarshalJSONString(v []byte, start int) error {
	if len(v) < 2 || v[len(v)-1] != '"' {
		return &ParseError{Source: "JSON string", Reason: "unterminated", Offset: -1, Err: ErrSyntax}
	}
	content := v[1 : len(v)-1]
	if bytes.IndexByte(content, '\\') < 0 {
		x, err := parseNumber(content)
		if err != nil {
			return renamed(err, "JSON string", start+1)
		}
		*d = x
		return nil
	}
	// Escapes are legal JSON though no number needs them: decode, then
	// parse; offsets in the decoded text would mislead, so give none.
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return &ParseError{Source: "JSON string", Reason: "invalid escape", Offset: -1, Err: ErrSyntax}
	}
	x, err := parseNumber(s)
	if err != nil {
		err.Offset = -1
		return renamed(err, "JSON string", 0)
	}
	*d = x
	return nil
}

func isJSONSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// renamed returns a parse error about a part of a JSON value that starts
// at offset base.
func renamed(err *ParseError, source string, base int) error {
	err.Source = source
	if err.Offset >= 0 {
		err.Offset += base
	}
	return err
}

func notANumber(source string) error {
	return &ParseError{Source: source, Reason: "not a number", Offset: -1, Err: ErrSyntax}
}
