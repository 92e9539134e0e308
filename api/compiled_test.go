package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kinVerdict is the validator's slow path: the document decoded with
// encoding/json and checked by kin-openapi, with the Validator's options.
func (v *Validator) kinVerdict(schema *openapi3.Schema, dir direction, data []byte) bool {
	var value any
	if json.Unmarshal(data, &value) != nil {
		return false
	}
	opts := append([]openapi3.SchemaValidationOption{openapi3.MultiErrors()}, v.schemaOpts...)
	if dir == forRequest {
		opts = append(opts, openapi3.VisitAsRequest())
	} else {
		opts = append(opts, openapi3.VisitAsResponse())
	}
	return schema.VisitJSON(value, opts...) == nil
}

// sample is a valid value and the schema it was written for.
type sample struct {
	key   checkKey
	value any
}

// corpus gathers valid values: every example of the validator's document
// (with the schema it illustrates) and the seed answers.
func corpus(t testing.TB, v *Validator) []sample {
	t.Helper()
	var out []sample
	addContent := func(c openapi3.Content, dir direction) {
		for ct, mt := range c {
			if mt.Schema == nil || !isJSONMediaType(ct) { // compiled checks are for JSON bodies
				continue
			}
			key := checkKey{mt.Schema.Value, dir}
			if mt.Example != nil {
				out = append(out, sample{key, roundTrip(t, mt.Example)})
			}
			for _, ex := range mt.Examples {
				if ex.Value != nil {
					out = append(out, sample{key, roundTrip(t, ex.Value.Value)})
				}
			}
		}
	}
	for _, item := range v.doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.RequestBody != nil {
				addContent(op.RequestBody.Value.Content, forRequest)
			}
			for _, r := range op.Responses.Map() {
				addContent(r.Value.Content, forResponse)
			}
		}
	}
	for _, seed := range []struct{ file, path string }{
		{"get-anonymous-token", "/auth/anonymous"},
		{"register-with-phone", "/auth/register/phone"},
		{"login-with-password", "/auth/login/password"},
	} {
		b, err := os.ReadFile(filepath.Join("testdata", "seeds", seed.file+".json"))
		require.NoError(t, err)
		var val any
		require.NoError(t, json.Unmarshal(b, &val))
		schema := v.doc.Paths.Find(seed.path).Post.Responses.Status(200).Value.Content.Get("application/json").Schema.Value
		out = append(out, sample{checkKey{schema, forResponse}, val})
	}
	return out
}

// mutations returns v changed in one place each: every key removed, every
// value replaced by values of other types and by near-misses, a key added.
func mutations(v any) []any {
	var out []any
	replacements := []any{nil, "", "x", "not an email", "2026-13-45T99:00:00Z", "+91", "9876543210", 0.0, 1.5, true, false,
		[]any{}, []any{"email"}, []any{"carrier-pigeon"}, map[string]any{}, "login", "sms", "email", "register"}
	var walk func(cur any, set func(any) any)
	walk = func(cur any, set func(any) any) {
		for _, r := range replacements {
			out = append(out, set(r))
		}
		switch c := cur.(type) {
		case map[string]any:
			keys := make([]string, 0, len(c))
			for k := range c {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				out = append(out, set(without(c, k)))
				walk(c[k], func(nv any) any { return set(with(c, k, nv)) })
			}
			out = append(out, set(with(c, "unexpected_field", 1.0)))
		case []any:
			for i := range c {
				walk(c[i], func(nv any) any {
					cp := append([]any(nil), c...)
					cp[i] = nv
					return set(cp)
				})
			}
			out = append(out, set(append(append([]any(nil), c...), "extra")))
		}
	}
	walk(v, func(nv any) any { return nv })
	return out
}

func with(m map[string]any, k string, v any) map[string]any {
	cp := make(map[string]any, len(m)+1)
	for kk, vv := range m {
		cp[kk] = vv
	}
	cp[k] = v
	return cp
}

func without(m map[string]any, k string) map[string]any {
	cp := with(m, k, nil)
	delete(cp, k)
	return cp
}

// indent re-encodes b with whitespace everywhere JSON allows it.
func indent(b []byte) []byte {
	var out bytes.Buffer
	if err := json.Indent(&out, b, " ", "\t "); err != nil {
		return b
	}
	return out.Bytes()
}

// roundTrip gives a value the exact shape json.Unmarshal produces.
func roundTrip(t testing.TB, v any) any {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// TestCompiledChecksAgreeWithKin runs the compiled checks and kin-openapi
// on the spec's examples and the seeds, each mutated in every place, against
// the schema they were written for, and on the unmutated values against
// every body schema: the verdicts must be the same.
func TestCompiledChecksAgreeWithKin(t *testing.T) {
	v := NewValidator()
	require.NotEmpty(t, v.fast)
	samples := corpus(t, v)
	checked, valid := 0, 0
	compare := func(key checkKey, val any) {
		check := v.fast[key]
		require.NotNil(t, check, "no compiled check for an example's schema")
		b, err := json.Marshal(val)
		require.NoError(t, err)
		for _, doc := range [][]byte{b, indent(b)} {
			fast := check.conforms(doc)
			kin := v.kinVerdict(key.s, key.dir, doc)
			if fast != kin {
				t.Errorf("compiled check says %v, kin-openapi %v, for %s", fast, kin, doc)
			}
			checked++
			if kin {
				valid++
			}
		}
	}
	uncompiled := 0
	for _, smp := range samples {
		if v.fast[smp.key] == nil { // a schema the compiler leaves to kin-openapi (discriminator, readOnly …)
			uncompiled++
			continue
		}
		compare(smp.key, smp.value)
		for _, m := range mutations(smp.value) {
			compare(smp.key, m)
		}
		for key := range v.fast {
			compare(key, smp.value)
		}
	}
	t.Logf("%d compiled schemas, %d samples (%d of uncompiled schemas): %d verdicts compared, %d valid",
		len(v.fast), len(samples), uncompiled, checked, valid)
	assert.Greater(t, valid, len(samples)-uncompiled, "the corpus must hold valid values too, or agreement means little")
}

func TestCompiledCheckDetails(t *testing.T) {
	v := NewValidator()
	user := Spec().Components.Schemas["User"].Value
	anon := v.doc.Components.Schemas["AnonymousUser"].Value
	cc := newCheckCompiler(map[string]openapi3.StringFormatValidator{"email": openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)})
	c := cc.check(anon, forResponse)
	require.NotNil(t, c)
	var ok map[string]any
	require.NoError(t, json.Unmarshal([]byte(`{"id":"u","is_anonymous":true,"is_logged_in":false,"first_name":null,"last_name":null,
		"phone":null,"email":null,"is_email_verified":false,"is_phone_verified":false,"profile_image_url":null,
		"created_at":"2026-11-23T10:00:00Z","modified_at":"2026-11-23T10:00:00Z"}`), &ok))
	conforms := func(v any) bool {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return c.conforms(b)
	}
	assert.True(t, conforms(ok))
	assert.False(t, conforms(with(ok, "created_at", "yesterday")), "date-time format")
	assert.False(t, conforms(with(ok, "id", nil)), "not nullable")
	assert.False(t, conforms(without(ok, "id")), "required")
	assert.False(t, conforms(nil))
	// Documents that are not quite JSON are refused (then kin-openapi, via
	// encoding/json, decides).
	for _, doc := range []string{`{"id":"u"`, `{"id":"u"} x`, "{\"id\":\"\xff\"}", `{"id":"\ud800"}`, `{"i\u0064":"u"}`, ``, `{"id":1e999}`} {
		assert.False(t, c.conforms([]byte(doc)), "%q", doc)
	}
	// The allOf wrappers of Spec() compile too (with their nested schema),
	// but an unknown format sends the whole schema to kin-openapi.
	assert.NotNil(t, cc.check(user, forResponse))
	assert.Nil(t, newCheckCompiler(nil).check(user, forResponse), "email is not a format the compiler knows by itself")
	// A keyword the compiler leaves to kin-openapi.
	assert.Nil(t, cc.check(&openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "uuid-of-my-own"}, forResponse))
	assert.Nil(t, cc.check(&openapi3.Schema{Type: &openapi3.Types{"object"}, ReadOnly: true}, forRequest))
}

// FuzzCompiledChecksAgreeWithKin feeds arbitrary JSON to every compiled
// check and to kin-openapi.
func FuzzCompiledChecksAgreeWithKin(f *testing.F) {
	v := NewValidator()
	for _, smp := range corpus(f, v) {
		b, _ := json.Marshal(smp.value)
		f.Add(b)
	}
	keys := make([]checkKey, 0, len(v.fast))
	for k := range v.fast {
		keys = append(keys, k)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range keys {
			fast := v.fast[k].conforms(data)
			kin := v.kinVerdict(k.s, k.dir, data)
			// Soundness: a yes must be kin-openapi's yes. A no where
			// kin-openapi says yes is allowed only for what the fast path
			// leaves to it on purpose (escaped keys, invalid UTF-8 …),
			// which the differential test keeps rare on real documents.
			if fast && !kin {
				t.Fatalf("compiled check accepts what kin-openapi refuses: %s", fmt.Sprintf("%.300s", data))
			}
		}
	})
}

// Deep documents go to the slow path, which encoding/json refuses past
// 10,000 levels; the compiled checks neither accept them nor overflow the
// stack on them.
func TestCompiledChecksStopAtMaxDepth(t *testing.T) {
	v := NewValidator()
	var key checkKey
	for k := range v.fast {
		if k.s == v.doc.Components.Schemas["BadRequestError"].Value {
			key = k
		}
	}
	require.NotNil(t, key.s, "no compiled check for the 400 envelope")
	for _, depth := range []int{10, 8999, 10001, 200000} {
		doc := []byte(`{"message":"m","success":false,"code":"c","errors":{"a":` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}}`)
		fast := v.fast[key].conforms(doc)
		var x any
		decodes := json.Unmarshal(doc, &x) == nil
		assert.False(t, fast && !decodes, "depth %d: compiled accepts what encoding/json refuses", depth)
		assert.Equal(t, depth < maxDepth-1, fast, "depth %d", depth)
	}
}

// A required property that properties does not describe is an additional
// property to kin-openapi.
func TestCompiledRequiredButUndescribed(t *testing.T) {
	for _, c := range []struct {
		schema string
		doc    string
		want   bool
	}{
		{`{"type":"object","required":["x"],"additionalProperties":{"type":"string"}}`, `{"x":1}`, false},
		{`{"type":"object","required":["x"],"additionalProperties":{"type":"string"}}`, `{"x":"s"}`, true},
		{`{"type":"object","required":["x"]}`, `{"x":1}`, true},
	} {
		var s openapi3.Schema
		require.NoError(t, json.Unmarshal([]byte(c.schema), &s))
		check := newCheckCompiler(nil).check(&s, forResponse)
		require.NotNil(t, check)
		assert.Equal(t, c.want, check.conforms([]byte(c.doc)), "%s on %s", c.schema, c.doc)
	}
	var closed openapi3.Schema
	require.NoError(t, json.Unmarshal([]byte(`{"type":"object","required":["x"],"additionalProperties":false}`), &closed))
	assert.Nil(t, newCheckCompiler(nil).check(&closed, forResponse), "no value can pass: left to kin-openapi")
}
