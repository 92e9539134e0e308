package api

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
)

// jsonGen turns fuzz input into JSON text aimed at a schema: mostly what
// the schema describes, written the many ways JSON allows, with the
// corners where a reader of the bytes may part from encoding/json —
// duplicate keys, \u escapes (paired and lone surrogates), invalid UTF-8,
// deep nesting, numbers at the edges of float64 and int64, long strings,
// unknown fields, wrong types. An exhausted input reads as zeros, which
// make the plainest choices, so short inputs give valid documents.
type jsonGen struct {
	src   []byte
	pos   int
	out   []byte
	vocab *genVocabulary
	// prop is the name of the property whose value is being written.
	prop string
}

// genVocabulary is what the generator borrows from the documents it aims
// at.
type genVocabulary struct {
	strs  []string                    // strings of examples and enums
	keys  map[string]*openapi3.Schema // a schema of each property name
	names []string                    // the keys' names in order
	hints map[string][]string         // a property's values that matter: its enum, discriminator mapping keys
}

// newGenVocabulary gathers the vocabulary of every schema of docs (of their
// components and of their operations' bodies, with their examples).
func newGenVocabulary(docs ...*openapi3.T) *genVocabulary {
	vocab := &genVocabulary{keys: map[string]*openapi3.Schema{}, hints: map[string][]string{}}
	strs := map[string]bool{}
	var leaves func(v any)
	leaves = func(v any) {
		switch v := v.(type) {
		case string:
			strs[v] = true
		case []any:
			for _, x := range v {
				leaves(x)
			}
		case map[string]any:
			for k, x := range v {
				strs[k] = true
				leaves(x)
			}
		}
	}
	hint := func(name string, values ...string) {
		vocab.hints[name] = append(vocab.hints[name], values...)
	}
	seen := map[*openapi3.Schema]bool{}
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		leaves(s.Example)
		leaves(s.Enum)
		if d := s.Discriminator; d != nil {
			for value := range d.Mapping {
				hint(d.PropertyName, value)
			}
		}
		for name, p := range s.Properties {
			if _, ok := vocab.keys[name]; !ok {
				vocab.keys[name] = p.Value
			}
			if p.Value != nil {
				for _, e := range p.Value.Enum {
					if str, ok := e.(string); ok {
						hint(name, str)
					}
				}
			}
			walk(p.Value)
		}
		for _, r := range []*openapi3.SchemaRef{s.Items, s.AdditionalProperties.Schema, s.Not} {
			if r != nil {
				walk(r.Value)
			}
		}
		for _, group := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
			for _, r := range group {
				walk(r.Value)
			}
		}
	}
	for _, doc := range docs {
		for _, r := range doc.Components.Schemas {
			walk(r.Value)
		}
		for _, item := range doc.Paths.Map() {
			for _, op := range item.Operations() {
				var contents []openapi3.Content
				if op.RequestBody != nil {
					contents = append(contents, op.RequestBody.Value.Content)
				}
				for _, r := range op.Responses.Map() {
					contents = append(contents, r.Value.Content)
				}
				for _, c := range contents {
					for _, mt := range c {
						leaves(mt.Example)
						for _, ex := range mt.Examples {
							leaves(ex.Value.Value)
						}
						if mt.Schema != nil {
							walk(mt.Schema.Value)
						}
					}
				}
			}
		}
	}
	for str := range strs {
		vocab.strs = append(vocab.strs, str)
	}
	sort.Strings(vocab.strs)
	for name := range vocab.keys {
		vocab.names = append(vocab.names, name)
	}
	sort.Strings(vocab.names)
	for name := range vocab.hints {
		sort.Strings(vocab.hints[name])
	}
	return vocab
}

// maxGenerated bounds a generated document (deep nesting aside).
const maxGenerated = 1 << 16

func newJSONGen(src []byte, vocab *genVocabulary) *jsonGen {
	return &jsonGen{src: src, vocab: vocab}
}

func (g *jsonGen) next() byte {
	if g.pos >= len(g.src) {
		return 0
	}
	c := g.src[g.pos]
	g.pos++
	return c
}

// pick returns a choice among n, 0 when the input is exhausted.
func (g *jsonGen) pick(n int) int {
	if n <= 1 {
		return 0
	}
	return int(g.next()) % n
}

// rare is true about once in 256/k.
func (g *jsonGen) rare(k int) bool { return int(g.next()) >= 256-k }

func (g *jsonGen) emit(s string) { g.out = append(g.out, s...) }

func (g *jsonGen) space() {
	if g.rare(24) {
		g.emit([]string{" ", "\n", "\t", "\r\n", "  \t "}[g.pick(5)])
	}
}

// document returns a document aimed at s.
func (g *jsonGen) document(s *openapi3.Schema) []byte {
	g.out = g.out[:0]
	g.space()
	g.value(s, 0)
	g.space()
	if g.rare(6) {
		g.emit([]string{" {}", "x", ",", " null", "]"}[g.pick(5)])
	}
	return g.out
}

// full reports whether the document has reached its size budget: from
// then on only short values are written.
func (g *jsonGen) full() bool { return len(g.out) > maxGenerated }

func (g *jsonGen) value(s *openapi3.Schema, depth int) {
	if g.full() {
		g.emit("0")
		return
	}
	if depth > 24 || s == nil {
		g.anyValue(depth)
		return
	}
	if g.rare(10) {
		g.nested(func() { g.value(s, depth+1) })
		return
	}
	switch {
	case g.rare(16):
		g.anyValue(depth)
		return
	case g.rare(12) || (s.Nullable && g.rare(40)):
		g.emit("null")
		return
	}
	if s.Not != nil && g.rare(40) {
		g.value(s.Not.Value, depth+1)
		return
	}
	if n := len(s.OneOf) + len(s.AnyOf); n > 0 {
		k := g.pick(n)
		if k < len(s.OneOf) {
			g.value(s.OneOf[k].Value, depth+1)
		} else {
			g.value(s.AnyOf[k-len(s.OneOf)].Value, depth+1)
		}
		return
	}
	props, required := objectShape(s)
	switch {
	case s.Type.Is("string"):
		g.str(s)
	case s.Type.Is("integer"), s.Type.Is("number"):
		g.number(s)
	case s.Type.Is("boolean"):
		g.emit([]string{"true", "false"}[g.pick(2)])
	case s.Type.Is("array"):
		g.array(s, depth)
	case s.Type.Is("object") || len(props) > 0:
		g.object(props, required, depth)
	case len(s.AllOf) > 0:
		g.value(s.AllOf[g.pick(len(s.AllOf))].Value, depth+1)
	default:
		g.anyValue(depth)
	}
}

// objectShape gathers the properties and required names of s and of its
// allOf schemas, recursively, as one object.
func objectShape(s *openapi3.Schema) (map[string]*openapi3.Schema, map[string]bool) {
	props, required := map[string]*openapi3.Schema{}, map[string]bool{}
	seen := map[*openapi3.Schema]bool{}
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for name, p := range s.Properties {
			if _, ok := props[name]; !ok {
				props[name] = p.Value
			}
		}
		for _, r := range s.Required {
			required[r] = true
		}
		for _, r := range s.AllOf {
			walk(r.Value)
		}
	}
	walk(s)
	return props, required
}

func (g *jsonGen) object(props map[string]*openapi3.Schema, required map[string]bool, depth int) {
	names := make([]string, 0, len(props))
	for name := range props {
		names = append(names, name)
	}
	sort.Strings(names)
	if g.rare(30) { // another order
		for i := len(names) - 1; i > 0; i-- {
			j := g.pick(i + 1)
			names[i], names[j] = names[j], names[i]
		}
	}
	g.emit("{")
	first := true
	member := func(name string, schema *openapi3.Schema) {
		if !first {
			g.space()
			g.emit(",")
		}
		first = false
		g.space()
		g.key(name)
		g.space()
		g.emit(":")
		g.space()
		g.prop = name
		g.value(schema, depth+1)
	}
	for _, name := range names {
		if g.full() {
			break
		}
		include := required[name] || g.pick(3) != 0
		if required[name] && g.rare(16) {
			include = false
		}
		if !include {
			continue
		}
		if g.rare(20) { // the same key twice, either one odd
			if g.pick(2) == 0 {
				member(name, nil)
				member(name, props[name])
			} else {
				member(name, props[name])
				member(name, nil)
			}
			continue
		}
		member(name, props[name])
	}
	for g.rare(30) && len(g.vocab.names) > 0 && !g.full() { // a key of another schema: unknown here, or another branch's
		name := g.vocab.names[g.pick(len(g.vocab.names))]
		member(name, g.vocab.keys[name])
	}
	if g.rare(10) {
		member([]string{"unexpected_field", "", "__proto__", "\u0000", "é"}[g.pick(5)], nil)
	}
	g.space()
	g.emit("}")
}

func (g *jsonGen) array(s *openapi3.Schema, depth int) {
	var items *openapi3.Schema
	if s.Items != nil {
		items = s.Items.Value
	}
	n := g.pick(4)
	if g.rare(8) {
		n = g.pick(64)
	}
	g.emit("[")
	for k := 0; k < n && !g.full(); k++ {
		if k > 0 {
			g.space()
			g.emit(",")
		}
		g.space()
		g.value(items, depth+1)
	}
	g.space()
	g.emit("]")
}

// nested wraps what inner writes in arrays or objects, now and then deeper
// than encoding/json allows (10,000).
func (g *jsonGen) nested(inner func()) {
	levels := 1 + g.pick(8)
	if g.rare(8) && len(g.out) < maxGenerated/2 {
		levels = []int{maxDepth - 3, maxDepth - 1, maxDepth, maxDepth + 1, 9999, 10000, 10001, 10050}[g.pick(8)]
	}
	open, closing := "[", "]"
	if g.pick(2) == 1 {
		open, closing = `{"a":`, "}"
	}
	g.emit(strings.Repeat(open, levels))
	inner()
	g.emit(strings.Repeat(closing, levels))
}

// anyValue writes a value of any type, often one a schema did not ask for.
func (g *jsonGen) anyValue(depth int) {
	if g.full() {
		g.emit("null")
		return
	}
	switch g.pick(8) {
	case 0:
		g.emit("null")
	case 1:
		g.emit([]string{"true", "false"}[g.pick(2)])
	case 2, 3:
		g.number(nil)
	case 4, 5:
		g.str(nil)
	case 6:
		if depth > 24 {
			g.emit("[]")
			return
		}
		g.array(&openapi3.Schema{}, depth)
	default:
		if depth > 24 {
			g.emit("{}")
			return
		}
		g.object(nil, nil, depth)
	}
}

// edgeNumbers are numbers where float64, int64 and JSON's grammar have
// their corners; the last ones are not JSON.
var edgeNumbers = []string{
	"0", "-0", "1", "-1", "1.0", "1e0", "1E+2", "0.5", "-0.0", "10", "100", "1e2", "2.5e1",
	"1e308", "1e309", "-1e309", "1e-400", "4.9e-324", "1.7976931348623157e308", "1.7976931348623159e308",
	"9007199254740992", "9007199254740993", "-9007199254740993",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
	"2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
	"123456789012345678901234567890", "0.1", "0.30000000000000004", "1e-7",
	"00", "1.", "-", "+1", ".5", "0x10", "NaN", "Infinity", "1e", "--1",
}

func (g *jsonGen) number(s *openapi3.Schema) {
	if s != nil && g.pick(3) == 0 {
		// Near the schema's bounds.
		for _, b := range []*float64{s.Min, s.Max, s.MultipleOf} {
			if b != nil && g.pick(2) == 0 {
				delta := []float64{0, 1, -1, 0.5, -0.5, 1e-9}[g.pick(6)]
				g.emit(strconv.FormatFloat(*b+delta, 'g', -1, 64))
				return
			}
		}
		if len(s.Enum) > 0 {
			g.emit(fmt.Sprint(s.Enum[g.pick(len(s.Enum))]))
			return
		}
	}
	if g.pick(4) == 0 {
		g.emit(strconv.Itoa(int(g.next()) - 128))
		return
	}
	g.emit(edgeNumbers[g.pick(len(edgeNumbers))])
}

// stringSamples are strings for formats and patterns, valid and not.
var stringSamples = []string{
	"", "x", "9876543210", "+91", "+1234", "+12345", "91", "a@example.com", "asha.rao@example.com", "a@b", "not an email",
	"a@b@c", "<a@b.co>", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00.345+05:30", "2026-02-30T10:00:00Z",
	"2026-13-01T00:00:00Z", "2026-11-23", "2026-02-29", "U3dhZ2dlcg==", "***", "true", "1", "null",
	"é", "\u00e9", "e\u0301", "😀", "\u2028", "\ufffd", "\x00", "\x7f", "login", "register", "sms", "email", "whatsapp",
}

func (g *jsonGen) str(s *openapi3.Schema) {
	var value string
	switch {
	case s != nil && len(s.Enum) > 0 && g.pick(4) != 0:
		value = fmt.Sprint(s.Enum[g.pick(len(s.Enum))])
	case len(g.vocab.hints[g.prop]) > 0 && g.pick(2) == 0:
		value = g.vocab.hints[g.prop][g.pick(len(g.vocab.hints[g.prop]))]
	case g.pick(3) == 0 && len(g.vocab.strs) > 0:
		value = g.vocab.strs[g.pick(len(g.vocab.strs))]
	default:
		value = stringSamples[g.pick(len(stringSamples))]
	}
	if g.rare(12) {
		value = strings.Repeat(value+"a", 1+g.pick(4096))
		if len(value) > maxGenerated/4 {
			value = value[:maxGenerated/4]
		}
	}
	if g.rare(30) && len(value) > 0 { // cut at any byte, maybe inside a rune
		value = value[:g.pick(len(value))]
	}
	g.quoted(value, false)
}

func (g *jsonGen) key(name string) {
	g.quoted(name, g.rare(24))
}

// quoted writes value as a JSON string, each rune as is or escaped, with
// now and then a lone or reversed surrogate, invalid UTF-8 or an escape
// JSON does not have.
func (g *jsonGen) quoted(value string, escapeAll bool) {
	g.emit(`"`)
	for i, r := range value {
		if g.rare(6) {
			g.emit([]string{`\ud800`, `\udc00`, `\udbff\udfff`, `\udc00\ud800`, `\ud83d`, "\xff", "\xc0\x80", "\xed\xa0\x80", `\u0000`, `\/`, `\b`, `\x`, "\x01", `\u12`}[g.pick(14)])
		}
		size := utf8.RuneLen(r)
		if r == utf8.RuneError && i < len(value) {
			_, size = utf8.DecodeRuneInString(value[i:])
		}
		switch {
		case r == utf8.RuneError && size == 1:
			g.out = append(g.out, value[i]) // invalid UTF-8, as it was
		case escapeAll || g.rare(20):
			g.escapeRune(r)
		case r == '"' || r == '\\' || r < 0x20:
			g.escapeRune(r)
		default:
			g.out = utf8.AppendRune(g.out, r)
		}
	}
	g.emit(`"`)
}

func (g *jsonGen) escapeRune(r rune) {
	hex := "%04x"
	if g.pick(2) == 1 {
		hex = "%04X"
	}
	if r >= 0x10000 {
		r -= 0x10000
		g.emit(fmt.Sprintf(`\u`+hex+`\u`+hex, 0xD800+(r>>10), 0xDC00+(r&0x3FF)))
		return
	}
	switch {
	case r == '"':
		g.emit(`\"`)
	case r == '\\':
		g.emit(`\\`)
	case r == '\n' && g.pick(2) == 0:
		g.emit(`\n`)
	default:
		g.emit(fmt.Sprintf(`\u`+hex, r))
	}
}
