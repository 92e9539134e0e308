package api

import (
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// A conformance check compiled from a schema reads a JSON document's bytes
// directly, in one pass, with no decoding into maps and no allocation for
// most values, and answers what kin-openapi v0.153.0 would answer for the
// same bytes — or that it cannot tell. It is the validator's fast path.
//
// It mirrors how the slow path decodes: request bodies with openapi3filter's
// JSON decoder (numbers as json.Number), response bodies with json.Unmarshal
// (numbers as float64); in both the last of duplicate keys wins and invalid
// UTF-8 and lone surrogates decode to U+FFFD. Then it applies the keywords as
// kin-openapi's 3.0 schema visitor does, in the direction it was compiled
// for (readOnly and writeOnly differ between requests and responses).
//
// A check's verdict on a value is accepted (kin-openapi accepts it),
// rejected (kin-openapi refuses it, or refuses the whole document) or
// undecided. Only accepted ends a validation on the fast path; anything
// else goes to kin-openapi, which stays the reference and says why. The
// verdicts must be exact because oneOf, anyOf and not combine them: a branch
// may say rejected only when kin-openapi's branch fails too. So a check
// answers undecided wherever its reading could part from kin-openapi's: a
// value refused under a key that the object repeats, a keyword the compiler
// does not know, nesting beyond maxDepth, a schema reached again on the same
// value, a missing required property that readOnly or writeOnly excuses on
// only some of the ways to its schema. TestCompiledChecksAgreeWithKin and FuzzCompiledChecksAgreeWithKin
// hold the checks to kin-openapi's verdicts.
//
// A check reads the value that starts at b[i] (not whitespace), nested depth
// arrays and objects deep, and returns the index just after it (meaningful
// only when it accepts) and its verdict. A value it accepts is well-formed
// JSON that encoding/json decodes.
type conformanceCheck func(b []byte, i, depth int) (int, verdict)

// verdict is a compiled check's answer about a value.
type verdict uint8

const (
	rejected  verdict = iota // kin-openapi refuses the value, or the whole document
	accepted                 // kin-openapi accepts the value
	undecided                // the check cannot tell: kin-openapi decides
)

func verdictOf(ok bool) verdict {
	if ok {
		return accepted
	}
	return rejected
}

// undecidedCheck is the check of a schema the compiler leaves to
// kin-openapi.
func undecidedCheck(b []byte, i, _ int) (int, verdict) { return i, undecided }

// direction is what a check validates: kin-openapi decodes request and
// response bodies differently, and treats readOnly and writeOnly
// properties differently in each.
type direction uint8

const (
	forRequest direction = iota
	forResponse
)

// documentVerdict is c's verdict on data, a whole body sent in direction
// dir.
func (c conformanceCheck) documentVerdict(data []byte, dir direction) verdict {
	end, v := c(data, skipSpace(data, 0), 0)
	if v != accepted || skipSpace(data, end) == len(data) {
		return v
	}
	if dir == forRequest {
		// openapi3filter decodes the first value of a request body and
		// may ignore what follows it.
		return undecided
	}
	return rejected // json.Unmarshal refuses trailing data
}

// conforms reports whether kin-openapi accepts data, a whole body sent in
// direction dir, by c's verdict; false means kin-openapi decides.
func (c conformanceCheck) conforms(data []byte, dir direction) bool {
	return c.documentVerdict(data, dir) == accepted
}

// checkCompiler compiles schemas, memoised per schema and direction.
type checkCompiler struct {
	mu   sync.Mutex
	done map[checkKey]compiledCheck
	// universe holds every schema reachable from the roots the compiler
	// was made for; only those compile.
	universe map[*openapi3.Schema]bool
	// starts are the schemas kin-openapi may begin a value with: the
	// roots, and those of properties, items and additionalProperties.
	starts map[*openapi3.Schema]bool
	// sameValue maps a schema to those that apply it to their own value
	// (allOf, anyOf, oneOf, not).
	sameValue map[*openapi3.Schema][]*openapi3.Schema
	// formats are the validator's own string formats; kin-openapi's global
	// ones (openapi3.SchemaStringFormats …) are read when a value is
	// checked, as kin-openapi does.
	formats map[string]openapi3.StringFormatValidator
}

type checkKey struct {
	s   *openapi3.Schema
	dir direction
}

type compiledCheck struct {
	check conformanceCheck
	// deferred: the check answers undecided for every value.
	deferred bool
}

// newCheckCompiler returns a compiler for roots and the schemas they
// reach, with the validator's own string formats.
func newCheckCompiler(formats map[string]openapi3.StringFormatValidator, roots ...*openapi3.Schema) *checkCompiler {
	cc := &checkCompiler{
		done:      map[checkKey]compiledCheck{},
		universe:  map[*openapi3.Schema]bool{},
		starts:    map[*openapi3.Schema]bool{},
		sameValue: map[*openapi3.Schema][]*openapi3.Schema{},
		formats:   formats,
	}
	var walk func(s *openapi3.Schema)
	child := func(r *openapi3.SchemaRef) {
		if r != nil && r.Value != nil {
			cc.starts[r.Value] = true
			walk(r.Value)
		}
	}
	walk = func(s *openapi3.Schema) {
		if s == nil || cc.universe[s] {
			return
		}
		cc.universe[s] = true
		for _, p := range s.Properties {
			child(p)
		}
		child(s.Items)
		child(s.AdditionalProperties.Schema)
		for _, r := range s.PrefixItems {
			child(r)
		}
		applied := append(append(append(openapi3.SchemaRefs{}, s.AllOf...), s.AnyOf...), s.OneOf...)
		if s.Not != nil {
			applied = append(applied, s.Not)
		}
		for _, r := range applied {
			if r != nil && r.Value != nil {
				cc.sameValue[r.Value] = append(cc.sameValue[r.Value], s)
				walk(r.Value)
			}
		}
	}
	for _, r := range roots {
		cc.starts[r] = true
		walk(r)
	}
	return cc
}

// requirement is whether kin-openapi requires a property that a schema
// lists as required.
type requirement uint8

const (
	required      requirement = iota
	notRequired               // declared readOnly (requests) or writeOnly (responses)
	maybeRequired             // it depends on the schemas that led to this one
)

// requirement says whether kin-openapi requires the property name that s
// lists, in direction dir. kin-openapi does not when s, or a schema that
// applies s to the same value (and their allOf schemas), declares the
// property readOnly in a request or writeOnly in a response: it looks along
// the chain of schemas the value went through since it was reached (as a
// root, a property, an item). requirement looks along every such chain.
func (cc *checkCompiler) requirement(s *openapi3.Schema, name string, dir direction) requirement {
	declares := func(x *openapi3.Schema) bool { return declaresExempt(x, name, dir, map[*openapi3.Schema]bool{}) }
	if declares(s) {
		return notRequired
	}
	// A chain on which no schema declares it?
	free := false
	seen := map[*openapi3.Schema]bool{s: true}
	for queue := []*openapi3.Schema{s}; len(queue) > 0 && !free; queue = queue[1:] {
		x := queue[0]
		if cc.starts[x] {
			free = true
		}
		for _, p := range cc.sameValue[x] {
			if !seen[p] && !declares(p) {
				seen[p] = true
				queue = append(queue, p)
			}
		}
	}
	if !free {
		return notRequired // every chain holds a schema that declares it
	}
	// A chain through a schema that declares it?
	seen = map[*openapi3.Schema]bool{s: true}
	for queue := []*openapi3.Schema{s}; len(queue) > 0; queue = queue[1:] {
		for _, p := range cc.sameValue[queue[0]] {
			if declares(p) {
				return maybeRequired
			}
			if !seen[p] {
				seen[p] = true
				queue = append(queue, p)
			}
		}
	}
	return required
}

// check returns the compiled check of s for direction dir, or nil when the
// compiler leaves every value of s to kin-openapi. s must be one of the
// compiler's roots or the schema of a property or item they reach: a value
// validated against any other would take ways through the schemas that
// requirement did not look along (nil, then).
func (cc *checkCompiler) check(s *openapi3.Schema, dir direction) conformanceCheck {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if !cc.starts[s] {
		return nil
	}
	c := cc.compile(s, dir, 0, map[*openapi3.Schema]pending{})
	if cc.done[checkKey{s, dir}].deferred {
		return nil
	}
	return c
}

// pending is a schema being compiled: its check, bound once built, and
// how many values deep (hops) the compilation was when it started.
type pending struct {
	slot *conformanceCheck
	hops int
}

// compile compiles s; hops counts the child values (properties, items)
// descended into since the root, which tells a schema met again on the same
// value from a recursive one.
func (cc *checkCompiler) compile(s *openapi3.Schema, dir direction, hops int, inProgress map[*openapi3.Schema]pending) conformanceCheck {
	if s == nil {
		return undecidedCheck
	}
	key := checkKey{s, dir}
	if c, ok := cc.done[key]; ok {
		return c.check
	}
	if p, ok := inProgress[s]; ok {
		if p.hops == hops {
			// kin-openapi stops when it meets a schema again on the same
			// value (and counts that a pass): left to it.
			return undecidedCheck
		}
		slot := p.slot
		return func(b []byte, i, depth int) (int, verdict) { return (*slot)(b, i, depth) }
	}
	slot := new(conformanceCheck)
	inProgress[s] = pending{slot, hops}
	c, deferred := cc.build(s, dir, hops, inProgress)
	delete(inProgress, s)
	*slot = c
	cc.done[key] = compiledCheck{c, deferred}
	return c
}

// unsupported reports whether s uses a keyword the compiler leaves to
// kin-openapi: those of OpenAPI 3.1 that kin-openapi's 3.0 visitor does
// not apply the way JSON Schema 2020-12 does.
func unsupported(s *openapi3.Schema) bool {
	return s.Always != nil || s.Const != nil ||
		len(s.PrefixItems) > 0 || s.Contains != nil || s.MinContains != nil || s.MaxContains != nil ||
		len(s.PatternProperties) > 0 || len(s.DependentSchemas) > 0 || len(s.DependentRequired) > 0 ||
		s.PropertyNames != nil || s.UnevaluatedItems.Schema != nil || s.UnevaluatedItems.Has != nil ||
		s.UnevaluatedProperties.Schema != nil || s.UnevaluatedProperties.Has != nil ||
		s.If != nil || s.Then != nil || s.Else != nil || s.ContentSchema != nil
}

// build compiles s as kin-openapi's visitor applies it to a value: null
// first (nullable, then the combinators alone), then the keywords of the
// value's type (with enum), then not, oneOf, anyOf and allOf.
func (cc *checkCompiler) build(s *openapi3.Schema, dir direction, hops int, inProgress map[*openapi3.Schema]pending) (conformanceCheck, bool) {
	if unsupported(s) {
		return undecidedCheck, true
	}
	if s.IsEmpty() {
		// kin-openapi accepts any value but null without looking at it.
		skip := skipper(dir)
		return func(b []byte, i, depth int) (int, verdict) {
			if i < len(b) && b[i] == 'n' {
				end, _ := literal(b, i, "null")
				return end, rejected
			}
			return skip(b, i, depth)
		}, false
	}
	sameValue := func(refs openapi3.SchemaRefs) ([]conformanceCheck, bool) {
		out := make([]conformanceCheck, 0, len(refs))
		for _, r := range refs {
			if r == nil || r.Value == nil {
				return nil, false
			}
			out = append(out, cc.compile(r.Value, dir, hops, inProgress))
		}
		return out, true
	}
	oneOf, ok1 := sameValue(s.OneOf)
	anyOf, ok2 := sameValue(s.AnyOf)
	allOf, ok3 := sameValue(s.AllOf)
	var not conformanceCheck
	if s.Not != nil {
		if s.Not.Value == nil {
			return undecidedCheck, true
		}
		not = cc.compile(s.Not.Value, dir, hops, inProgress)
	}
	typed, ok4 := cc.typed(s, dir, hops, inProgress)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return undecidedCheck, true
	}
	var pick *discriminatorCheck
	if s.Discriminator != nil && len(oneOf)+len(anyOf) > 0 {
		pick = newDiscriminatorCheck(s)
	}
	nullable := s.Nullable || s.Type.IncludesNull()
	xof := len(oneOf)+len(anyOf)+len(allOf) > 0
	combined := not != nil || xof

	combinators := func(b []byte, i, depth int) verdict {
		result := accepted
		if not != nil {
			switch _, v := not(b, i, depth); v {
			case accepted:
				return rejected
			case undecided:
				result = undecided
			}
		}
		var oneOfBranches, anyOfBranches branchSet
		if pick != nil {
			var v verdict
			if oneOfBranches, anyOfBranches, v = pick.branches(b, i, depth); v != accepted {
				return v
			}
		}
		if len(oneOf) > 0 {
			matched, unsure := 0, 0
			for k, c := range oneOf {
				if !oneOfBranches.includes(k) {
					continue
				}
				switch _, v := c(b, i, depth); v {
				case accepted:
					matched++
				case undecided:
					unsure++
				}
			}
			switch {
			case matched > 1 || matched+unsure == 0:
				return rejected
			case unsure > 0:
				result = undecided
			}
		}
		if len(anyOf) > 0 {
			v := rejected
			for k, c := range anyOf {
				if !anyOfBranches.includes(k) {
					continue
				}
				if _, bv := c(b, i, depth); bv == accepted {
					v = accepted
					break
				} else if bv == undecided {
					v = undecided
				}
			}
			if v == rejected {
				return rejected
			}
			if v == undecided {
				result = undecided
			}
		}
		for _, c := range allOf {
			switch _, v := c(b, i, depth); v {
			case rejected:
				return rejected
			case undecided:
				result = undecided
			}
		}
		return result
	}

	return func(b []byte, i, depth int) (int, verdict) {
		if i >= len(b) {
			return i, rejected
		}
		var end int
		var v verdict
		if b[i] == 'n' {
			// null: a nullable schema takes it at once; otherwise only
			// the combinators can, and then their verdict alone counts.
			if end, v = literal(b, i, "null"); v != accepted || nullable {
				return end, v
			}
			if !xof {
				return end, rejected
			}
		} else if end, v = typed(b, i, depth); v != accepted || !combined {
			return end, v
		}
		return end, combinators(b, i, depth)
	}, false
}

// branchSet is the branches of a oneOf or anyOf that kin-openapi tries.
type branchSet struct {
	only []int // with some: only these
	some bool
}

func (s branchSet) includes(k int) bool {
	if !s.some {
		return true
	}
	for _, x := range s.only {
		if x == k {
			return true
		}
	}
	return false
}

// discriminatorCheck mirrors kin-openapi's use of a discriminator on an
// object: the property must be there and hold a string; with a mapping,
// the string must be one of its keys, and only the branches whose $ref is
// the mapped one are tried.
type discriminatorCheck struct {
	property string
	mapped   bool
	oneOf    map[string]branchSet
	anyOf    map[string]branchSet
}

func newDiscriminatorCheck(s *openapi3.Schema) *discriminatorCheck {
	d := &discriminatorCheck{
		property: s.Discriminator.PropertyName,
		mapped:   len(s.Discriminator.Mapping) > 0,
		oneOf:    map[string]branchSet{},
		anyOf:    map[string]branchSet{},
	}
	for value, m := range s.Discriminator.Mapping {
		ref := m.Ref
		if ref != "" && !strings.Contains(ref, "/") {
			ref = "#/components/schemas/" + ref
		}
		d.oneOf[value] = branchesFor(s.OneOf, ref)
		d.anyOf[value] = branchesFor(s.AnyOf, ref)
	}
	return d
}

// branchesFor returns the branches of refs kin-openapi tries when the
// discriminator names ref.
func branchesFor(refs openapi3.SchemaRefs, ref string) branchSet {
	if ref == "" {
		return branchSet{}
	}
	set := branchSet{some: true}
	for k, r := range refs {
		if r.Ref == ref {
			set.only = append(set.only, k)
		}
	}
	return set
}

// branches reads the discriminator of the value at b[i] (already checked
// well-formed) and returns the branches to try.
func (d *discriminatorCheck) branches(b []byte, i, depth int) (oneOf, anyOf branchSet, v verdict) {
	if b[i] != '{' {
		return branchSet{}, branchSet{}, accepted // only objects have one
	}
	at, v := lastMember(b, i, depth, d.property)
	if v != accepted {
		return branchSet{}, branchSet{}, v
	}
	if at < 0 || b[at] != '"' {
		return branchSet{}, branchSet{}, rejected // missing, or not a string
	}
	if !d.mapped {
		return branchSet{}, branchSet{}, accepted
	}
	end, dirty, _ := stringEnd(b, at)
	value := stringValue(b, at, end, dirty)
	one, ok := d.oneOf[string(value)]
	if !ok {
		return branchSet{}, branchSet{}, rejected // not a mapped value
	}
	return one, d.anyOf[string(value)], accepted
}
