package api

import (
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
)

// The keywords of each JSON type, as kin-openapi's visitor applies them to
// a value of that type (visitJSONString, visitJSONNumber …), with enum.

// kindChecks holds a schema's check for each JSON type; nil where the
// schema's type does not permit it.
type kindChecks struct {
	str, num, boolean, arr, obj conformanceCheck
}

// typed compiles the keywords of s that depend on the value's type.
func (cc *checkCompiler) typed(s *openapi3.Schema, dir direction, hops int, inProgress map[*openapi3.Schema]pending) (conformanceCheck, bool) {
	enum, ok := newEnumSet(s.Enum)
	if !ok {
		return nil, false
	}
	var k kindChecks
	if s.Type.Permits(openapi3.TypeString) {
		if k.str, ok = cc.stringCheck(s, enum); !ok {
			return nil, false
		}
	}
	if s.Type.Permits(openapi3.TypeInteger) || s.Type.Permits(openapi3.TypeNumber) {
		k.num = numberCheck(s, enum)
	}
	if s.Type.Permits(openapi3.TypeBoolean) {
		k.boolean = booleanCheck(enum)
	}
	if s.Type.Permits(openapi3.TypeArray) {
		if k.arr, ok = cc.arrayCheck(s, dir, hops, inProgress, enum); !ok {
			return nil, false
		}
	}
	if s.Type.Permits(openapi3.TypeObject) {
		if k.obj, ok = cc.objectCheck(s, dir, hops, inProgress, enum); !ok {
			return nil, false
		}
	}
	return func(b []byte, i, depth int) (int, verdict) {
		var c conformanceCheck
		switch b[i] {
		case '"':
			c = k.str
		case '{':
			c = k.obj
		case '[':
			c = k.arr
		case 't', 'f':
			c = k.boolean
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			c = k.num
		default:
			return i, rejected // not JSON
		}
		if c == nil {
			return i, rejected // "value must be a …"
		}
		return c(b, i, depth)
	}, true
}

// enumSet is an enum sorted by the JSON type of its values, compared as
// kin-openapi compares them: numbers as float64, strings and booleans as
// they are; arrays and objects are left to kin-openapi.
type enumSet struct {
	present   bool
	strs      []string
	nums      []float64
	bools     [2]bool // false, true
	composite bool
}

func newEnumSet(values []any) (*enumSet, bool) {
	e := &enumSet{present: len(values) > 0}
	for _, v := range values {
		switch v := v.(type) {
		case string:
			e.strs = append(e.strs, v)
		case bool:
			if v {
				e.bools[1] = true
			} else {
				e.bools[0] = true
			}
		case []any, map[string]any:
			e.composite = true
		case json.Number:
			f, err := v.Float64()
			if err != nil {
				return nil, false
			}
			e.nums = append(e.nums, f)
		case float64:
			e.nums = append(e.nums, v)
		case float32:
			e.nums = append(e.nums, float64(v))
		case int:
			e.nums = append(e.nums, float64(v))
		case int8:
			e.nums = append(e.nums, float64(v))
		case int16:
			e.nums = append(e.nums, float64(v))
		case int32:
			e.nums = append(e.nums, float64(v))
		case int64:
			e.nums = append(e.nums, float64(v))
		case uint:
			e.nums = append(e.nums, float64(v))
		case uint8:
			e.nums = append(e.nums, float64(v))
		case uint16:
			e.nums = append(e.nums, float64(v))
		case uint32:
			e.nums = append(e.nums, float64(v))
		case uint64:
			e.nums = append(e.nums, float64(v))
		}
		// Anything else (null …) equals no value that reaches the enum.
	}
	return e, true
}

func (e *enumSet) hasString(s []byte) bool {
	for _, v := range e.strs {
		if v == string(s) {
			return true
		}
	}
	return false
}

func (e *enumSet) hasNumber(f float64) bool {
	for _, v := range e.nums {
		if v == f {
			return true
		}
	}
	return false
}

// containerVerdict is the enum's verdict on an array or object.
func (e *enumSet) containerVerdict() verdict {
	if e.composite {
		return undecided
	}
	return rejected
}

// patternCodepoint is how kin-openapi turns "\uXXXX" (upper-case hex) in a
// pattern into Go's "\x{XXXX}" before compiling it.
var patternCodepoint = regexp.MustCompile(`\\u([0-9A-F]{4})`)

// stringCheck applies enum, minLength, maxLength, pattern and format to
// the decoded string. kin-openapi compiles a pattern once per pattern text,
// with a caller's RegexCompiler if given one; the Validator gives none, so
// both compile it the same way.
func (cc *checkCompiler) stringCheck(s *openapi3.Schema, enum *enumSet) (conformanceCheck, bool) {
	var re *regexp.Regexp
	if s.Pattern != "" {
		var err error
		if re, err = regexp.Compile(patternCodepoint.ReplaceAllString(s.Pattern, `\x{$1}`)); err != nil {
			return nil, false // kin-openapi reports the pattern itself
		}
	}
	format := s.Format
	own := cc.formats[format]
	minLen, maxLen := clampInt(s.MinLength), -1
	if s.MaxLength != nil {
		maxLen = clampInt(*s.MaxLength)
	}
	needValue := enum.present || re != nil || format != "" || minLen > 0 || maxLen >= 0
	return func(b []byte, i, _ int) (int, verdict) {
		end, dirty, ok := stringEnd(b, i)
		if !ok || !needValue {
			return end, verdictOf(ok)
		}
		str := stringValue(b, i, end, dirty)
		if enum.present && !enum.hasString(str) {
			return end, rejected
		}
		if minLen > 0 || maxLen >= 0 {
			// kin-openapi counts UTF-16 code units, but of runes decoded
			// from UTF-8, where no surrogate is left: one each.
			n := utf8.RuneCount(str)
			if n < minLen || (maxLen >= 0 && n > maxLen) {
				return end, rejected
			}
		}
		if re != nil && !re.Match(str) {
			return end, rejected
		}
		if format != "" {
			f := own
			if f == nil {
				f = openapi3.SchemaStringFormats[format]
			}
			if f != nil && f.Validate(string(str)) != nil {
				return end, rejected
			}
		}
		return end, accepted
	}, true
}

// numberCheck applies type, format, the bounds and multipleOf to a number
// as kin-openapi does, on the float64 both of its decoders give.
func numberCheck(s *openapi3.Schema, enum *enumSet) conformanceCheck {
	integer := s.Type.Permits(openapi3.TypeInteger) && !s.Type.Permits(openapi3.TypeNumber)
	format := s.Format
	bd := newBounds(s)
	var multipleOf *openapi3.Schema
	if s.MultipleOf != nil {
		// kin-openapi's exact arithmetic for it, through a schema that
		// holds nothing else.
		multipleOf = &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeNumber}, MultipleOf: s.MultipleOf}
	}
	return func(b []byte, i, _ int) (int, verdict) {
		end, ok := numberEnd(b, i)
		if !ok {
			return end, rejected
		}
		// As json.Number.Float64 and json.Unmarshal parse it; beyond
		// float64, kin-openapi refuses the value or the document.
		f, err := parseNumber(b[i:end])
		if err != nil {
			return end, rejected
		}
		if enum.present && !enum.hasNumber(f) {
			return end, rejected
		}
		if integer && f != math.Trunc(f) {
			return end, rejected
		}
		if format != "" && numberFormatError(format, integer, f) != nil {
			return end, rejected
		}
		if !bd.hold(f) {
			return end, rejected
		}
		if multipleOf != nil && multipleOf.VisitJSONNumber(f) != nil {
			return end, rejected
		}
		return end, accepted
	}
}

// bounds are a number's minimum and maximum as kin-openapi applies them:
// minimum, exclusiveMinimum: true with a minimum (OpenAPI 3.0) and
// exclusiveMinimum: n (3.1) are each checked on their own.
type bounds struct {
	min, max         *float64
	exclMin, exclMax *float64 // strict bounds
}

func newBounds(s *openapi3.Schema) bounds {
	strict := func(e openapi3.ExclusiveBound, limit *float64) *float64 {
		if e.Value != nil {
			return e.Value
		}
		if e.Bool != nil && *e.Bool {
			return limit
		}
		return nil
	}
	return bounds{min: s.Min, max: s.Max, exclMin: strict(s.ExclusiveMin, s.Min), exclMax: strict(s.ExclusiveMax, s.Max)}
}

func (bd *bounds) hold(f float64) bool {
	return (bd.exclMin == nil || f > *bd.exclMin) && (bd.exclMax == nil || f < *bd.exclMax) &&
		(bd.min == nil || *bd.min <= f) && (bd.max == nil || *bd.max >= f)
}

// clampInt converts a keyword's count to an int, math.MaxInt when larger.
func clampInt(n uint64) int {
	if n > math.MaxInt {
		return math.MaxInt
	}
	return int(n)
}

var errIntegerRange = errors.New("value should fit an int64")

// numberFormatError is kin-openapi's format check of a number: the format
// validators are looked up when the value is checked.
func numberFormatError(format string, integer bool, f float64) error {
	if !integer {
		if v, ok := openapi3.SchemaNumberFormats[format]; ok {
			return v.Validate(f)
		}
		return nil
	}
	v, ok := openapi3.SchemaIntegerFormats[format]
	if !ok {
		return nil
	}
	switch {
	case f == float64(math.MaxInt64): // 2^63: math.MaxInt64 rounds up to it
		return v.Validate(math.MaxInt64)
	case f >= float64(math.MinInt64) && f < float64(math.MaxInt64):
		return v.Validate(int64(f))
	}
	return errIntegerRange
}

func booleanCheck(enum *enumSet) conformanceCheck {
	return func(b []byte, i, _ int) (int, verdict) {
		var end int
		var v verdict
		var value bool
		if b[i] == 't' {
			end, v = literal(b, i, "true")
			value = true
		} else {
			end, v = literal(b, i, "false")
		}
		if v == accepted && enum.present && !enum.bools[btoi(value)] {
			return end, rejected
		}
		return end, v
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (cc *checkCompiler) arrayCheck(s *openapi3.Schema, dir direction, hops int, inProgress map[*openapi3.Schema]pending, enum *enumSet) (conformanceCheck, bool) {
	items := skipper(dir)
	if s.Items != nil {
		if s.Items.Value == nil {
			return nil, false
		}
		items = cc.compile(s.Items.Value, dir, hops+1, inProgress)
	}
	minItems, maxItems := s.MinItems, uint64(math.MaxUint64)
	if s.MaxItems != nil {
		maxItems = *s.MaxItems
	}
	unique := s.UniqueItems
	return func(b []byte, i, depth int) (int, verdict) {
		if enum.present {
			return i, enum.containerVerdict()
		}
		if depth >= maxDepth {
			return i, undecided
		}
		var n uint64
		end := skipSpace(b, i+1)
		if end < len(b) && b[end] == ']' {
			end++
		} else {
			for {
				vend, v := items(b, end, depth+1)
				if v != accepted {
					return vend, v
				}
				n++
				var done, ok bool
				if end, done, ok = nextMember(b, vend, ']'); !ok {
					return end, rejected
				} else if done {
					break
				}
			}
		}
		if n < minItems || n > maxItems {
			return end, rejected
		}
		if unique && n > 1 {
			// kin-openapi compares the decoded items re-encoded (and a
			// caller may replace its checker): left to it.
			return end, undecided
		}
		return end, accepted
	}, true
}
