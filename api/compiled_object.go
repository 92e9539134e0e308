package api

import (
	"math"

	"github.com/getkin/kin-openapi/openapi3"
)

// member is how an object check treats one key.
type member struct {
	check conformanceCheck
	// bits are this key's bits among the required ones (0: optional).
	bits uint64
	// onlyNull: a readOnly property in a request or a writeOnly one in a
	// response, which kin-openapi refuses unless its value is null.
	onlyNull bool
}

// objectCheck applies properties, additionalProperties, required,
// minProperties and maxProperties as kin-openapi's visitJSONObject does, to
// the object encoding/json decodes: the last of duplicate keys wins.
//
// Every value under a key is checked, so when all pass the one kept passes
// too. When one fails and its key appears again in the object, the value
// kin-openapi sees may be another: the object is then undecided.
func (cc *checkCompiler) objectCheck(s *openapi3.Schema, dir direction, hops int, inProgress map[*openapi3.Schema]pending, enum *enumSet) (conformanceCheck, bool) {
	if len(s.Required) > 64 {
		return nil, false
	}
	members := make(map[string]*member, len(s.Properties))
	for name, ref := range s.Properties {
		if ref == nil || ref.Value == nil {
			return nil, false
		}
		members[name] = &member{
			check:    cc.compile(ref.Value, dir, hops+1, inProgress),
			onlyNull: (dir == forRequest && ref.Value.ReadOnly) || (dir == forResponse && ref.Value.WriteOnly),
		}
	}
	allowExtra := s.AdditionalProperties.Has == nil || *s.AdditionalProperties.Has
	extra := skipper(dir)
	if ap := s.AdditionalProperties.Schema; ap != nil {
		if ap.Value == nil {
			return nil, false
		}
		extra = cc.compile(ap.Value, dir, hops+1, inProgress)
	}
	// want: the required keys; certain: those whose absence kin-openapi
	// refuses whatever schema led to this one.
	var want, certain uint64
	for k, name := range s.Required {
		bit := uint64(1) << k
		switch cc.requirement(s, name, dir) {
		case notRequired:
			continue
		case required:
			certain |= bit
		}
		want |= bit
		m, ok := members[name]
		if !ok {
			if !allowExtra {
				continue // present: refused as unknown; absent: missing
			}
			// Required but not described: an additional property.
			m = &member{check: extra}
			members[name] = m
		}
		m.bits |= bit
	}
	minProps, maxProps := clampInt(s.MinProps), math.MaxInt
	if s.MaxProps != nil {
		maxProps = clampInt(*s.MaxProps)
	}
	countKeys := minProps > 0 || s.MaxProps != nil

	return func(b []byte, i, depth int) (int, verdict) {
		if enum.present {
			return i, enum.containerVerdict()
		}
		if depth >= maxDepth {
			return i, undecided
		}
		start := i
		var have uint64
		n := 0
		end := skipSpace(b, i+1)
		if end < len(b) && b[end] == '}' {
			end++
		} else {
			for i = end; ; {
				kend, dirty, ok := stringEnd(b, i)
				if !ok {
					return kend, rejected
				}
				key := stringValue(b, i, kend, dirty)
				if i = skipSpace(b, kend); i >= len(b) || b[i] != ':' {
					return i, rejected
				}
				i = skipSpace(b, i+1)
				var vend int
				var v verdict
				switch m, known := members[string(key)]; {
				case known:
					have |= m.bits
					if m.onlyNull && (i >= len(b) || b[i] != 'n') {
						vend, v = i, rejected
					} else {
						vend, v = m.check(b, i, depth+1)
					}
				case !allowExtra:
					return i, rejected // "property … is unsupported"
				default:
					vend, v = extra(b, i, depth+1)
				}
				if v == rejected {
					// encoding/json keeps the last value of a repeated key.
					if again, rv := keyRepeats(b, start, depth, key); rv != accepted || again {
						return vend, undecidedUnless(rv)
					}
				}
				if v != accepted {
					return vend, v
				}
				n++
				var done bool
				if end, done, ok = nextMember(b, vend, '}'); !ok {
					return end, rejected
				} else if done {
					break
				}
				i = end
			}
		}
		if missing := want &^ have; missing != 0 {
			if missing&certain != 0 {
				return end, rejected
			}
			return end, undecided // a schema applied to the same value may exempt it
		}
		if countKeys {
			if n < minProps {
				return end, rejected // duplicates only make fewer
			}
			if minProps > 0 || n > maxProps {
				var v verdict
				if n, v = distinctKeys(b, start, depth); v != accepted {
					return end, v
				}
			}
			if n < minProps || n > maxProps {
				return end, rejected
			}
		}
		return end, accepted
	}, true
}

// undecidedUnless turns a rescan's verdict into the object's: a malformed
// object stays rejected, anything else is undecided.
func undecidedUnless(rescan verdict) verdict {
	if rescan == rejected {
		return rejected
	}
	return undecided
}

// declaresExempt reports whether s or its allOf schemas (recursively)
// declare the property name readOnly (requests) or writeOnly (responses),
// which kin-openapi takes as not required in that direction.
func declaresExempt(s *openapi3.Schema, name string, dir direction, seen map[*openapi3.Schema]bool) bool {
	if s == nil || seen[s] {
		return false
	}
	seen[s] = true
	if p := s.Properties[name]; p != nil && p.Value != nil {
		if (dir == forRequest && p.Value.ReadOnly) || (dir == forResponse && p.Value.WriteOnly) {
			return true
		}
	}
	for _, r := range s.AllOf {
		if r != nil && declaresExempt(r.Value, name, dir, seen) {
			return true
		}
	}
	return false
}
