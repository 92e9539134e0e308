package api

import (
	"math"
	"regexp"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
)

// A conformance check compiled from a schema answers whether a JSON
// document conforms to it, reading the bytes directly in one pass: no
// decoding into maps, no allocation for most values. It is the validator's
// fast path. It is sound, not complete: when it says yes the document is
// valid JSON that encoding/json decodes and kin-openapi accepts; when it
// says no — or meets anything unusual, such as invalid UTF-8, an escaped
// key or nesting beyond maxDepth — the validator decodes the document and
// asks kin-openapi, which stays the reference and says why.
// TestCompiledChecksAgreeWithKin and FuzzCompiledChecksAgreeWithKin hold
// the two to the same verdicts.
//
// Only the keywords openapi.yaml uses are compiled; a schema with any other
// keyword has no compiled check and always goes to kin-openapi.
//
// A check reads the value that starts at b[i] (not whitespace), nested
// depth arrays and objects deep, and returns the index just after it and
// whether it conforms.
type conformanceCheck func(b []byte, i, depth int) (int, bool)

// maxDepth bounds the nesting the checks follow: encoding/json refuses
// documents nested more than 10,000 deep, and a deeper document could
// exhaust the stack. Anything deeper is left to the slow path.
const maxDepth = 9000

// conforms reports whether data, a whole document, passes c.
func (c conformanceCheck) conforms(data []byte) bool {
	i := skipSpace(data, 0)
	end, ok := c(data, i, 0)
	return ok && skipSpace(data, end) == len(data)
}

// direction is what a check validates: readOnly and writeOnly properties
// are treated differently in requests and responses.
type direction uint8

const (
	forRequest direction = iota
	forResponse
)

// checkCompiler compiles schemas, memoised per schema and direction.
type checkCompiler struct {
	mu      sync.Mutex
	done    map[checkKey]conformanceCheck // a nil value: not compilable
	formats map[string]openapi3.StringFormatValidator
}

type checkKey struct {
	s   *openapi3.Schema
	dir direction
}

func newCheckCompiler(formats map[string]openapi3.StringFormatValidator) *checkCompiler {
	return &checkCompiler{done: map[checkKey]conformanceCheck{}, formats: formats}
}

// check returns the compiled check of s, or nil when s uses a keyword the
// compiler leaves to kin-openapi.
func (cc *checkCompiler) check(s *openapi3.Schema, dir direction) conformanceCheck {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	c, _ := cc.compile(s, dir, map[*openapi3.Schema]*conformanceCheck{})
	return c
}

// compile compiles s; inProgress breaks cycles through a late-bound slot.
func (cc *checkCompiler) compile(s *openapi3.Schema, dir direction, inProgress map[*openapi3.Schema]*conformanceCheck) (conformanceCheck, bool) {
	if s == nil {
		return nil, false
	}
	key := checkKey{s, dir}
	if c, ok := cc.done[key]; ok {
		return c, c != nil
	}
	if slot, ok := inProgress[s]; ok {
		return func(b []byte, i, depth int) (int, bool) { return (*slot)(b, i, depth) }, true
	}
	slot := new(conformanceCheck)
	inProgress[s] = slot
	c, ok := cc.build(s, dir, inProgress)
	delete(inProgress, s)
	if !ok {
		c = nil
	}
	*slot = c
	cc.done[key] = c
	return c, ok
}

// unsupported reports whether s uses a keyword the compiler leaves to
// kin-openapi.
func unsupported(s *openapi3.Schema) bool {
	return s.Not != nil || s.Discriminator != nil || s.UniqueItems || s.ReadOnly || s.WriteOnly ||
		s.Min != nil || s.Max != nil || s.ExclusiveMin.IsSet() || s.ExclusiveMax.IsSet() || s.MultipleOf != nil ||
		s.MinProps != 0 || s.MaxProps != nil || s.Const != nil || s.Always != nil ||
		len(s.PrefixItems) > 0 || s.Contains != nil || s.MinContains != nil || s.MaxContains != nil ||
		len(s.PatternProperties) > 0 || len(s.DependentSchemas) > 0 || len(s.DependentRequired) > 0 ||
		s.PropertyNames != nil || s.UnevaluatedItems.Schema != nil || s.UnevaluatedItems.Has != nil ||
		s.UnevaluatedProperties.Schema != nil || s.UnevaluatedProperties.Has != nil ||
		s.If != nil || s.Then != nil || s.Else != nil || s.Type.Is("null") || len(s.Type.Slice()) > 1
}

func (cc *checkCompiler) build(s *openapi3.Schema, dir direction, inProgress map[*openapi3.Schema]*conformanceCheck) (conformanceCheck, bool) {
	if unsupported(s) {
		return nil, false
	}
	compileAll := func(refs openapi3.SchemaRefs) ([]conformanceCheck, bool) {
		out := make([]conformanceCheck, 0, len(refs))
		for _, r := range refs {
			if r == nil || r.Value == nil {
				return nil, false
			}
			c, ok := cc.compile(r.Value, dir, inProgress)
			if !ok {
				return nil, false
			}
			out = append(out, c)
		}
		return out, true
	}
	oneOf, ok1 := compileAll(s.OneOf)
	anyOf, ok2 := compileAll(s.AnyOf)
	allOf, ok3 := compileAll(s.AllOf)
	own, ok4 := cc.typed(s, dir, inProgress)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return nil, false
	}
	xof := len(oneOf)+len(anyOf)+len(allOf) > 0
	nullable := s.Nullable

	return func(b []byte, i, depth int) (int, bool) {
		if i >= len(b) {
			return i, false
		}
		var end int
		var ok bool
		switch {
		case b[i] == 'n': // null, as kin-openapi's 3.0 validator sees it:
			if end, ok = literal(b, i, "null"); !ok {
				return end, false
			}
			if nullable { // a nullable schema takes it at once;
				return end, true
			}
			if !xof { // otherwise only the combinators can, and then
				return end, false // their verdict alone counts
			}
		case own != nil:
			if end, ok = own(b, i, depth); !ok {
				return end, false
			}
		default:
			if end, ok = skipValue(b, i, depth); !ok {
				return end, false
			}
		}
		// The combinators read the value again, each on its own.
		for _, c := range allOf {
			if _, ok := c(b, i, depth); !ok {
				return end, false
			}
		}
		if len(anyOf) > 0 {
			matched := false
			for _, c := range anyOf {
				if _, ok := c(b, i, depth); ok {
					matched = true
					break
				}
			}
			if !matched {
				return end, false
			}
		}
		if len(oneOf) > 0 {
			n := 0
			for _, c := range oneOf {
				if _, ok := c(b, i, depth); ok {
					n++
				}
			}
			if n != 1 {
				return end, false
			}
		}
		return end, true
	}, true
}

// typed compiles the keywords that depend on the value's type; a nil check
// (with ok) means the schema constrains no type.
func (cc *checkCompiler) typed(s *openapi3.Schema, dir direction, inProgress map[*openapi3.Schema]*conformanceCheck) (conformanceCheck, bool) {
	switch {
	case s.Type.Is("string"):
		return cc.stringCheck(s)
	case s.Type.Is("boolean"):
		var allowed []string
		for _, e := range s.Enum {
			v, ok := e.(bool)
			if !ok {
				return nil, false
			}
			allowed = append(allowed, strconv.FormatBool(v))
		}
		return func(b []byte, i, _ int) (int, bool) {
			var lit string
			switch b[i] {
			case 't':
				lit = "true"
			case 'f':
				lit = "false"
			default:
				return i, false
			}
			end := i + len(lit)
			if end > len(b) || string(b[i:end]) != lit {
				return i, false
			}
			if len(allowed) > 0 && !containsString(allowed, lit) {
				return end, false
			}
			return end, true
		}, true
	case s.Type.Is("number"), s.Type.Is("integer"):
		// Formats bound the range and enums compare across number types in
		// kin-openapi: both are left to it.
		if s.Format != "" || len(s.Enum) > 0 {
			return nil, false
		}
		integer := s.Type.Is("integer")
		return func(b []byte, i, _ int) (int, bool) {
			end, ok := numberEnd(b, i)
			if !ok {
				return end, false
			}
			f, err := strconv.ParseFloat(string(b[i:end]), 64)
			if err != nil { // out of float64's range: encoding/json refuses it
				return end, false
			}
			return end, !integer || f == math.Trunc(f)
		}, true
	case s.Type.Is("array"):
		if len(s.Enum) > 0 {
			return nil, false
		}
		var items conformanceCheck
		if s.Items != nil {
			var ok bool
			if items, ok = cc.compile(s.Items.Value, dir, inProgress); !ok {
				return nil, false
			}
		}
		minItems, maxItems := int(s.MinItems), -1
		if s.MaxItems != nil {
			maxItems = int(*s.MaxItems)
		}
		each := items
		if each == nil {
			each = skipValue
		}
		return func(b []byte, i, depth int) (int, bool) {
			n, end, ok := eachElement(b, i, depth, each)
			return end, ok && n >= minItems && (maxItems < 0 || n <= maxItems)
		}, true
	case s.Type.Is("object"):
		return cc.object(s, dir, inProgress)
	case s.Type == nil || len(s.Type.Slice()) == 0:
		// kin-openapi applies typed keywords to a schema without a type as
		// well; such a schema is left to it.
		if len(s.Enum) > 0 || len(s.Properties) > 0 || len(s.Required) > 0 || s.Items != nil ||
			s.Pattern != "" || s.Format != "" || s.MinLength != 0 || s.MaxLength != nil ||
			s.MinItems != 0 || s.MaxItems != nil || s.AdditionalProperties.Has != nil || s.AdditionalProperties.Schema != nil {
			return nil, false
		}
		return nil, true
	}
	return nil, false
}

func (cc *checkCompiler) stringCheck(s *openapi3.Schema) (conformanceCheck, bool) {
	var enum []string
	for _, e := range s.Enum {
		v, ok := e.(string)
		if !ok {
			return nil, false
		}
		enum = append(enum, v)
	}
	var re *regexp.Regexp
	if s.Pattern != "" {
		var err error
		if re, err = regexp.Compile(s.Pattern); err != nil {
			return nil, false
		}
	}
	var format openapi3.StringFormatValidator
	if s.Format != "" {
		if f, ok := cc.formats[s.Format]; ok {
			format = f
		} else if f, ok := openapi3.SchemaStringFormats[s.Format]; ok {
			format = f
		} else if s.Format != "binary" && s.Format != "password" {
			return nil, false // a format kin-openapi may handle its own way
		}
	}
	minLen, maxLen := int(s.MinLength), -1
	if s.MaxLength != nil {
		maxLen = int(*s.MaxLength)
	}
	needValue := len(enum) > 0 || re != nil || format != nil || minLen > 0 || maxLen >= 0
	return func(b []byte, i, _ int) (int, bool) {
		end, escaped, ok := stringEnd(b, i)
		if !ok {
			return end, false
		}
		if !needValue {
			return end, true
		}
		raw := b[i+1 : end-1]
		var str string
		if escaped {
			if str, ok = unquote(raw); !ok {
				return end, false
			}
		} else {
			str = string(raw)
		}
		if len(enum) > 0 && !containsString(enum, str) {
			return end, false
		}
		if minLen > 0 || maxLen >= 0 {
			n := utf8.RuneCountInString(str)
			if n < minLen || (maxLen >= 0 && n > maxLen) {
				return end, false
			}
		}
		if re != nil && !re.MatchString(str) {
			return end, false
		}
		return end, format == nil || format.Validate(str) == nil
	}, true
}

func (cc *checkCompiler) object(s *openapi3.Schema, dir direction, inProgress map[*openapi3.Schema]*conformanceCheck) (conformanceCheck, bool) {
	if len(s.Enum) > 0 || len(s.Required) > 64 {
		return nil, false
	}
	type prop struct {
		check conformanceCheck
		bit   uint64 // this property's bit among the required ones; 0 when optional
	}
	props := make(map[string]prop, len(s.Properties))
	for name, ref := range s.Properties {
		if ref == nil || ref.Value == nil {
			return nil, false
		}
		c, ok := cc.compile(ref.Value, dir, inProgress)
		if !ok {
			return nil, false
		}
		props[name] = prop{check: c}
	}
	allowExtra := s.AdditionalProperties.Has == nil || *s.AdditionalProperties.Has
	var extra conformanceCheck
	if ap := s.AdditionalProperties.Schema; ap != nil {
		if ap.Value == nil {
			return nil, false
		}
		c, ok := cc.compile(ap.Value, dir, inProgress)
		if !ok {
			return nil, false
		}
		extra = c
	}
	var want uint64
	for i, name := range s.Required {
		p, ok := props[name]
		if !ok {
			// Required but not described: its value is an additional
			// property to kin-openapi.
			switch {
			case extra != nil:
				p = prop{check: extra}
			case !allowExtra:
				return nil, false // no value can pass; left to kin-openapi
			default:
				p = prop{check: skipValue}
			}
		}
		p.bit |= 1 << i
		props[name] = p
		want |= 1 << i
	}
	return func(b []byte, i, depth int) (int, bool) {
		// A duplicate key passes only if every one of its values does:
		// encoding/json keeps the last, which then conforms too.
		var have uint64
		end, ok := eachMember(b, i, depth, func(key []byte, escaped bool, i, depth int) (int, bool) {
			if escaped { // rare; left to kin-openapi
				return i, false
			}
			p, known := props[string(key)] // no allocation for the lookup
			switch {
			case known:
				have |= p.bit
				return p.check(b, i, depth)
			case !allowExtra:
				return i, false
			case extra != nil:
				return extra(b, i, depth)
			}
			return skipValue(b, i, depth)
		})
		return end, ok && have == want
	}, true
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// The JSON grammar (RFC 8259), strictly: anything this scanner accepts,
// encoding/json accepts too and decodes to the same value.

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
		i++
	}
	return i
}

// skipValue checks the syntax of the value at b[i], depth containers deep,
// and returns its end.
func skipValue(b []byte, i, depth int) (int, bool) {
	if i >= len(b) {
		return i, false
	}
	switch c := b[i]; {
	case c == '"':
		end, _, ok := stringEnd(b, i)
		return end, ok
	case c == '{':
		return eachMember(b, i, depth, func(_ []byte, _ bool, i, depth int) (int, bool) { return skipValue(b, i, depth) })
	case c == '[':
		_, end, ok := eachElement(b, i, depth, skipValue)
		return end, ok
	case c == 't':
		return literal(b, i, "true")
	case c == 'f':
		return literal(b, i, "false")
	case c == 'n':
		return literal(b, i, "null")
	case c == '-' || (c >= '0' && c <= '9'):
		end, ok := numberEnd(b, i)
		if !ok {
			return end, false
		}
		// encoding/json cannot hold a number beyond float64 in an any.
		_, err := strconv.ParseFloat(string(b[i:end]), 64)
		return end, err == nil
	}
	return i, false
}

// eachElement reads the array at b[i], depth containers deep, checking each
// element with check, and returns how many there were and the array's end.
func eachElement(b []byte, i, depth int, check conformanceCheck) (n, end int, ok bool) {
	if i >= len(b) || b[i] != '[' || depth >= maxDepth {
		return 0, i, false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return 0, i + 1, true
	}
	for {
		if i, ok = check(b, i, depth+1); !ok {
			return n, i, false
		}
		n++
		if i = skipSpace(b, i); i >= len(b) {
			return n, i, false
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case ']':
			return n, i + 1, true
		default:
			return n, i, false
		}
	}
}

// eachMember reads the object at b[i], depth containers deep, calling
// member with each key's raw content (quotes excluded), whether it holds
// escapes, where its value starts and the value's depth; member returns the
// value's end. It returns the object's end.
func eachMember(b []byte, i, depth int, member func(key []byte, escaped bool, value, depth int) (int, bool)) (int, bool) {
	if i >= len(b) || b[i] != '{' || depth >= maxDepth {
		return i, false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	for {
		kend, escaped, ok := stringEnd(b, i)
		if !ok {
			return kend, false
		}
		key := b[i+1 : kend-1]
		if i = skipSpace(b, kend); i >= len(b) || b[i] != ':' {
			return i, false
		}
		if i = skipSpace(b, i+1); i >= len(b) {
			return i, false
		}
		if i, ok = member(key, escaped, i, depth+1); !ok {
			return i, false
		}
		if i = skipSpace(b, i); i >= len(b) {
			return i, false
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case '}':
			return i + 1, true
		default:
			return i, false
		}
	}
}

func literal(b []byte, i int, lit string) (int, bool) {
	end := i + len(lit)
	return end, end <= len(b) && string(b[i:end]) == lit
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

// stringEnd returns the end of the string at b[i] (just after the closing
// quote) and whether it holds escapes. Control characters and invalid
// UTF-8 fail it: encoding/json would replace the latter, and the value
// kin-openapi sees would not be these bytes.
func stringEnd(b []byte, i int) (end int, escaped, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return i, false, false
	}
	i++
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			return i + 1, escaped, true
		case c == '\\':
			escaped = true
			if i+1 >= len(b) {
				return i, escaped, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) {
					return i, escaped, false
				}
				for _, h := range b[i+2 : i+6] {
					if !isHex(h) {
						return i, escaped, false
					}
				}
				i += 6
			default:
				return i, escaped, false
			}
		case c < 0x20:
			return i, escaped, false
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				return i, escaped, false
			}
			i += size
		}
	}
	return i, escaped, false
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// unquote decodes the escapes of a string's content (quotes excluded), as
// encoding/json does; a lone surrogate fails it (encoding/json would
// replace it).
func unquote(raw []byte) (string, bool) {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		switch raw[i+1] {
		case '"', '\\', '/':
			out = append(out, raw[i+1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(raw[i+2 : i+6])
			i += 6
			if r >= 0xD800 && r < 0xDC00 { // a high surrogate needs its low half
				if i+6 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
					return "", false
				}
				lo := hex4(raw[i+2 : i+6])
				if lo < 0xDC00 || lo > 0xDFFF {
					return "", false
				}
				r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
				i += 6
			} else if r >= 0xDC00 && r <= 0xDFFF {
				return "", false
			}
			out = utf8.AppendRune(out, r)
			continue
		}
		i += 2
	}
	return string(out), true
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
