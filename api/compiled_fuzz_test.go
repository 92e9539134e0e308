package api

import (
	"encoding/json"
	"hash/fnv"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"

	"github.com/commercengine-go/sdk/internal/testlong"
)

// fuzzTarget is a schema to hold to kin-openapi, with its compiled check.
type fuzzTarget struct {
	key   checkKey
	check conformanceCheck
}

// bodyTargets names the schemas the fuzz target aims at: every JSON body
// schema of the validator's document, as "<operationId> request" and
// "<operationId> <status> response", and the synthetic schemas of
// TestCompiledConstructs, as "synthetic <name> request|response", for the
// constructs openapi.yaml does not use yet.
type bodyTargets struct {
	names   []string
	targets map[string]fuzzTarget
}

func newBodyTargets(t testing.TB, v *Validator) *bodyTargets {
	bt := &bodyTargets{targets: map[string]fuzzTarget{}}
	add := func(name string, key checkKey, check conformanceCheck) {
		if check != nil {
			bt.targets[name] = fuzzTarget{key, check}
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
			body := func(name string, content openapi3.Content, dir direction) {
				if mt := content.Get("application/json"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
					key := checkKey{mt.Schema.Value, dir}
					add(name, key, v.fast[key])
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				body(op.OperationID+" request", op.RequestBody.Value.Content, forRequest)
			}
			for _, status := range sortedStatuses(op.Responses) {
				body(op.OperationID+" "+status+" response", op.Responses.Value(status).Value.Content, forResponse)
			}
		}
	}
	doc := syntheticSchemas(t, constructSchemas)
	names := make([]string, 0, len(doc.Components.Schemas))
	roots := make([]*openapi3.Schema, 0, len(doc.Components.Schemas))
	for name, ref := range doc.Components.Schemas {
		names = append(names, name)
		roots = append(roots, ref.Value)
	}
	sort.Strings(names)
	cc := newCheckCompiler(map[string]openapi3.StringFormatValidator{"email": openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)}, roots...)
	for _, name := range names {
		s := doc.Components.Schemas[name].Value
		add("synthetic "+name+" request", checkKey{s, forRequest}, cc.check(s, forRequest))
		add("synthetic "+name+" response", checkKey{s, forResponse}, cc.check(s, forResponse))
	}
	return bt
}

// find returns the target named name, or one chosen by its hash.
func (bt *bodyTargets) find(name string) (string, fuzzTarget) {
	if target, ok := bt.targets[name]; ok {
		return name, target
	}
	h := fnv.New32a()
	_, _ = h.Write([]byte(name))
	name = bt.names[int(h.Sum32()%uint32(len(bt.names)))]
	return name, bt.targets[name]
}

// nameOf returns a target's name for key.
func (bt *bodyTargets) nameOf(key checkKey) string {
	for _, n := range bt.names {
		if bt.targets[n].key == key {
			return n
		}
	}
	return ""
}

// agreeWithKin fails t if target's compiled check decides doc otherwise
// than kin-openapi, and returns its verdict.
func agreeWithKin(t testing.TB, v *Validator, name string, target fuzzTarget, doc []byte) verdict {
	fast := target.check.documentVerdict(doc, target.key.dir)
	if fast == undecided {
		return fast
	}
	if kin := v.kinVerdict(target.key.s, target.key.dir, doc); kin != (fast == accepted) {
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
	bt := newBodyTargets(f, v)
	vocab := newGenVocabulary(v.doc, syntheticSchemas(f, constructSchemas))
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
		name, tg := bt.find(target)
		agreeWithKin(t, v, name, tg, input)
		doc := newJSONGen(input, vocab).document(tg.key.s)
		agreeWithKin(t, v, name, tg, doc)
	})
}

// TestGeneratedDocumentsAgreeWithKin runs the fuzz target's generator on
// pseudo-random programs (a fixed seed) for every body: the compiled checks
// agree with kin-openapi, and the documents are varied enough to reach
// every verdict, kin-openapi's yes included.
func TestGeneratedDocumentsAgreeWithKin(t *testing.T) {
	v := NewValidator()
	bt := newBodyTargets(t, v)
	vocab := newGenVocabulary(v.doc, syntheticSchemas(t, constructSchemas))
	rng := rand.New(rand.NewPCG(11, 1))
	count := map[verdict]int{}
	kinYes := 0
	rounds := testlong.Pick(8, 60)
	if testing.Short() {
		rounds = 6
	}
	for round := 0; round < rounds; round++ {
		for _, name := range bt.names {
			tg := bt.targets[name]
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
			doc := newJSONGen(program, vocab).document(tg.key.s)
			count[agreeWithKin(t, v, name, tg, doc)]++
			if v.kinVerdict(tg.key.s, tg.key.dir, doc) {
				kinYes++
			}
		}
	}
	t.Logf("verdicts: %d accepted, %d rejected, %d undecided; kin-openapi accepted %d", count[accepted], count[rejected], count[undecided], kinYes)
	assert.Positive(t, count[accepted])
	assert.Positive(t, count[rejected])
	assert.Positive(t, count[undecided])
}
