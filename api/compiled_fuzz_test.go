package api

import (
	"encoding/json"
	"hash/fnv"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
)

// bodyTargets names every JSON body schema of the validator's document:
// "<operationId> request" and "<operationId> <status> response".
type bodyTargets struct {
	names []string
	keys  map[string]checkKey
}

func newBodyTargets(v *Validator) *bodyTargets {
	bt := &bodyTargets{keys: map[string]checkKey{}}
	add := func(name string, content openapi3.Content, dir direction) {
		if mt := content.Get("application/json"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
			bt.keys[name] = checkKey{mt.Schema.Value, dir}
			bt.names = append(bt.names, name)
		}
	}
	for _, path := range v.doc.Paths.InMatchingOrder() {
		item := v.doc.Paths.Value(path)
		for _, method := range methodOrder {
			op := item.GetOperation(method)
			if op == nil {
				continue
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				add(op.OperationID+" request", op.RequestBody.Value.Content, forRequest)
			}
			for _, status := range sortedStatuses(op.Responses) {
				add(op.OperationID+" "+status+" response", op.Responses.Value(status).Value.Content, forResponse)
			}
		}
	}
	return bt
}

// find returns the target named name, or one chosen by its hash.
func (bt *bodyTargets) find(name string) (string, checkKey) {
	if key, ok := bt.keys[name]; ok {
		return name, key
	}
	h := fnv.New32a()
	_, _ = h.Write([]byte(name))
	name = bt.names[int(h.Sum32()%uint32(len(bt.names)))]
	return name, bt.keys[name]
}

// nameOf returns a target's name for key.
func (bt *bodyTargets) nameOf(key checkKey) string {
	for _, n := range bt.names {
		if bt.keys[n] == key {
			return n
		}
	}
	return ""
}

// specVocabulary returns the strings of the document's examples and every
// property name with one of its schemas, for the generator.
func specVocabulary(doc *openapi3.T) ([]string, map[string]*openapi3.Schema) {
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
	keys := map[string]*openapi3.Schema{}
	seen := map[*openapi3.Schema]bool{}
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		leaves(s.Example)
		leaves(s.Enum)
		for name, p := range s.Properties {
			if _, ok := keys[name]; !ok {
				keys[name] = p.Value
			}
			walk(p.Value)
		}
		if s.Items != nil {
			walk(s.Items.Value)
		}
		if s.AdditionalProperties.Schema != nil {
			walk(s.AdditionalProperties.Schema.Value)
		}
		for _, group := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
			for _, r := range group {
				walk(r.Value)
			}
		}
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
	out := make([]string, 0, len(strs))
	for s := range strs {
		out = append(out, s)
	}
	sort.Strings(out)
	return out, keys
}

// agreeWithKin fails t if the compiled check of key decides doc otherwise
// than kin-openapi, and returns its verdict.
func agreeWithKin(t testing.TB, v *Validator, name string, key checkKey, doc []byte) verdict {
	fast := v.fast[key].documentVerdict(doc, key.dir)
	if fast == undecided {
		return fast
	}
	if kin := v.kinVerdict(key.s, key.dir, doc); kin != (fast == accepted) {
		t.Fatalf("%s: the compiled check says %v, kin-openapi accepts: %v, for %q", name, fast, kin, truncated(doc))
	}
	return fast
}

func truncated(b []byte) []byte {
	if len(b) > 600 {
		return append(b[:600:600], "…"...)
	}
	return b
}

// maxFuzzInput bounds the input the fuzz target reads: the generator needs
// no more, and the fuzzer minimises each new input in time that grows with
// the square of its length.
const maxFuzzInput = 256

// FuzzCompiledChecksAgreeWithKin holds every compiled body check to
// kin-openapi: when a check accepts a document kin-openapi accepts it, and
// when it rejects one kin-openapi refuses it (only undecided leaves the
// verdict to kin-openapi). The input names a body ("login-with-password
// request", "get-user-detail 200 response" …; any other name picks one)
// and its bytes (the first maxFuzzInput) are tried twice: as a document,
// and as the program of a generator that writes raw JSON for that body's
// schema with duplicate keys, escapes, surrogates, invalid UTF-8, deep
// nesting and numbers at the edges (jsonGen).
func FuzzCompiledChecksAgreeWithKin(f *testing.F) {
	v := NewValidator()
	bt := newBodyTargets(v)
	strs, keys := specVocabulary(v.doc)
	for _, smp := range corpus(f, v) {
		if b, err := json.Marshal(smp.value); err == nil && len(b) <= maxFuzzInput {
			f.Add(bt.nameOf(smp.key), b)
		}
	}
	rng := rand.New(rand.NewPCG(11, 2))
	for _, name := range bt.names {
		f.Add(name, []byte{})
		program := make([]byte, 64)
		for i := range program {
			program[i] = byte(rng.UintN(256))
		}
		f.Add(name, program)
	}
	f.Fuzz(func(t *testing.T, target string, input []byte) {
		if len(input) > maxFuzzInput {
			input = input[:maxFuzzInput]
		}
		name, key := bt.find(target)
		if v.fast[key] == nil {
			t.Skip("no compiled check")
		}
		agreeWithKin(t, v, name, key, input)
		doc := newJSONGen(input, strs, keys).document(key.s)
		agreeWithKin(t, v, name, key, doc)
	})
}

// TestGeneratedDocumentsAgreeWithKin runs the fuzz target's generator on
// pseudo-random programs (a fixed seed) for every body: the compiled checks
// agree with kin-openapi, and the documents are varied enough to reach
// every verdict, kin-openapi's yes included.
func TestGeneratedDocumentsAgreeWithKin(t *testing.T) {
	v := NewValidator()
	bt := newBodyTargets(v)
	strs, keys := specVocabulary(v.doc)
	rng := rand.New(rand.NewPCG(11, 1))
	count := map[verdict]int{}
	kinYes := 0
	rounds := 60
	if testing.Short() {
		rounds = 10
	}
	for round := 0; round < rounds; round++ {
		for _, name := range bt.names {
			key := bt.keys[name]
			if v.fast[key] == nil {
				continue
			}
			program := make([]byte, rng.IntN(400))
			for i := range program {
				program[i] = byte(rng.UintN(256))
			}
			if round%3 == 0 { // mostly zeros: plain documents
				for i := range program {
					if rng.IntN(4) != 0 {
						program[i] = 0
					}
				}
			}
			doc := newJSONGen(program, strs, keys).document(key.s)
			count[agreeWithKin(t, v, name, key, doc)]++
			if v.kinVerdict(key.s, key.dir, doc) {
				kinYes++
			}
		}
	}
	t.Logf("verdicts: %d accepted, %d rejected, %d undecided; kin-openapi accepted %d", count[accepted], count[rejected], count[undecided], kinYes)
	assert.Positive(t, count[accepted])
	assert.Positive(t, count[rejected])
	assert.Positive(t, count[undecided])
}
