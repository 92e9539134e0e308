package api

import (
	"math"
	"reflect"
	"regexp"
	"sync"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
)

// A conformance check compiled from a schema: it answers whether a decoded
// JSON value conforms, and nothing else. It is the validator's fast path:
// when it says yes, the value is valid; when it says no, kin-openapi
// validates the value again to say why. kin-openapi stays the reference —
// TestCompiledChecksAgreeWithKin and FuzzCompiledChecksAgreeWithKin hold
// the two to the same verdicts.
//
// Compiling walks each schema once instead of on every value, keeps the
// regular expressions and format validators at hand, and skips the
// bookkeeping a validator that explains itself needs; on a User it is
// several times faster than openapi3.Schema.VisitJSON. Only the keywords
// openapi.yaml uses are compiled; a schema with any other keyword has no
// compiled check and always goes to kin-openapi.
type conformanceCheck func(v any) bool

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
	done    map[checkKey]conformanceCheck // nil value: not compilable
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
// compiler does not handle.
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
		return func(v any) bool { return (*slot)(v) }, true
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
	var checks []conformanceCheck

	// The combinators.
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
	if len(s.OneOf) > 0 {
		branches, ok := compileAll(s.OneOf)
		if !ok {
			return nil, false
		}
		checks = append(checks, func(v any) bool {
			n := 0
			for _, b := range branches {
				if b(v) {
					n++
				}
			}
			return n == 1
		})
	}
	if len(s.AnyOf) > 0 {
		branches, ok := compileAll(s.AnyOf)
		if !ok {
			return nil, false
		}
		checks = append(checks, func(v any) bool {
			for _, b := range branches {
				if b(v) {
					return true
				}
			}
			return false
		})
	}
	if len(s.AllOf) > 0 {
		parts, ok := compileAll(s.AllOf)
		if !ok {
			return nil, false
		}
		checks = append(checks, func(v any) bool {
			for _, p := range parts {
				if !p(v) {
					return false
				}
			}
			return true
		})
	}
	xof := len(s.OneOf)+len(s.AnyOf)+len(s.AllOf) > 0

	// The value's own keywords.
	own, ok := cc.typed(s, dir, inProgress)
	if !ok {
		return nil, false
	}
	nullable := s.Nullable
	return func(v any) bool {
		if v == nil {
			// As kin-openapi's 3.0 validator: null passes a nullable schema
			// at once; otherwise only the combinators can accept it, and
			// then their verdict alone counts.
			if nullable {
				return true
			}
			if !xof {
				return false
			}
		} else if own != nil && !own(v) {
			return false
		}
		for _, c := range checks {
			if !c(v) {
				return false
			}
		}
		return true
	}, true
}

// typed compiles the keywords that depend on the value's type. It returns
// a nil check (and ok) for a schema with no type and no typed keyword.
func (cc *checkCompiler) typed(s *openapi3.Schema, dir direction, inProgress map[*openapi3.Schema]*conformanceCheck) (conformanceCheck, bool) {
	enum := s.Enum
	inEnum := func(v any) bool {
		for _, e := range enum {
			if reflect.DeepEqual(e, v) {
				return true
			}
		}
		return false
	}
	switch {
	case s.Type.Is("string"):
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
			} else if s.Format != "binary" && s.Format != "byte" && s.Format != "password" {
				return nil, false // a format kin-openapi may handle its own way
			}
		}
		minLen, maxLen := int(s.MinLength), -1
		if s.MaxLength != nil {
			maxLen = int(*s.MaxLength)
		}
		return func(v any) bool {
			str, ok := v.(string)
			if !ok {
				return false
			}
			if len(enum) > 0 && !inEnum(str) {
				return false
			}
			if minLen > 0 || maxLen >= 0 {
				n := utf8.RuneCountInString(str)
				if n < minLen || (maxLen >= 0 && n > maxLen) {
					return false
				}
			}
			if re != nil && !re.MatchString(str) {
				return false
			}
			return format == nil || format.Validate(str) == nil
		}, true
	case s.Type.Is("boolean"):
		return func(v any) bool {
			b, ok := v.(bool)
			return ok && (len(enum) == 0 || inEnum(b))
		}, true
	case s.Type.Is("number"), s.Type.Is("integer"):
		// Formats bound the range and enums compare across number types in
		// kin-openapi: both are left to it.
		if s.Format != "" || len(enum) > 0 {
			return nil, false
		}
		integer := s.Type.Is("integer")
		return func(v any) bool {
			f, ok := v.(float64)
			return ok && !math.IsNaN(f) && !math.IsInf(f, 0) && (!integer || f == math.Trunc(f))
		}, true
	case s.Type.Is("array"):
		if len(enum) > 0 {
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
		return func(v any) bool {
			a, ok := v.([]any)
			if !ok || len(a) < minItems || (maxItems >= 0 && len(a) > maxItems) {
				return false
			}
			if items != nil {
				for _, e := range a {
					if !items(e) {
						return false
					}
				}
			}
			return true
		}, true
	case s.Type.Is("object"):
		return cc.object(s, dir, inProgress)
	case s.Type == nil || len(s.Type.Slice()) == 0:
		// No type: only typed keywords would constrain the value, and a
		// schema using them without a type is left to kin-openapi.
		if len(enum) > 0 || len(s.Properties) > 0 || len(s.Required) > 0 || s.Items != nil ||
			s.Pattern != "" || s.Format != "" || s.MinLength != 0 || s.MaxLength != nil ||
			s.MinItems != 0 || s.MaxItems != nil || s.AdditionalProperties.Has != nil || s.AdditionalProperties.Schema != nil {
			return nil, false
		}
		return nil, true
	}
	return nil, false
}

func (cc *checkCompiler) object(s *openapi3.Schema, dir direction, inProgress map[*openapi3.Schema]*conformanceCheck) (conformanceCheck, bool) {
	if len(s.Enum) > 0 {
		return nil, false
	}
	type prop struct {
		name  string
		check conformanceCheck
	}
	props := make([]prop, 0, len(s.Properties))
	known := make(map[string]conformanceCheck, len(s.Properties))
	for name, ref := range s.Properties {
		if ref == nil || ref.Value == nil {
			return nil, false
		}
		c, ok := cc.compile(ref.Value, dir, inProgress)
		if !ok {
			return nil, false
		}
		props = append(props, prop{name, c})
		known[name] = c
	}
	required := s.Required
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
	return func(v any) bool {
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		for _, r := range required {
			if _, ok := m[r]; !ok {
				return false
			}
		}
		for _, p := range props {
			if pv, ok := m[p.name]; ok && !p.check(pv) {
				return false
			}
		}
		if extra != nil || !allowExtra {
			for k, val := range m {
				if _, ok := known[k]; ok {
					continue
				}
				if !allowExtra || (extra != nil && !extra(val)) {
					return false
				}
			}
		}
		return true
	}, true
}
