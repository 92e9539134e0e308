package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/testlong"
)

// kinVerdict is the validator's slow path on data, a body sent in direction
// dir: decoded as kin-openapi decodes it there (a request body by
// openapi3filter's JSON body decoder, numbers as json.Number; a response
// body by json.Unmarshal) and visited by kin-openapi with the Validator's
// options.
func (v *Validator) kinVerdict(schema *openapi3.Schema, dir direction, data []byte) bool {
	var value any
	opts := append([]openapi3.SchemaValidationOption{openapi3.MultiErrors()}, v.schemaOpts...)
	if dir == forRequest {
		var err error
		if value, err = openapi3filter.JSONBodyDecoder(bytes.NewReader(data), http.Header{}, nil, nil); err != nil {
			return false
		}
		opts = append(opts, openapi3.VisitAsRequest())
	} else {
		if json.Unmarshal(data, &value) != nil {
			return false
		}
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
// value replaced by values of other types and by near-misses, a key added —
// each as a function that builds it, so that a test that samples a few of a
// large answer's thousands pays only for those.
func mutations(v any) []func() any {
	var out []func() any
	replacements := []any{nil, "", "x", "not an email", "2026-13-45T99:00:00Z", "+91", "9876543210", 0.0, 1.5, true, false,
		[]any{}, []any{"email"}, []any{"carrier-pigeon"}, map[string]any{}, "login", "sms", "email", "register"}
	var walk func(cur any, set func(any) any)
	walk = func(cur any, set func(any) any) {
		for _, r := range replacements {
			out = append(out, func() any { return set(r) })
		}
		switch c := cur.(type) {
		case map[string]any:
			keys := make([]string, 0, len(c))
			for k := range c {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				out = append(out, func() any { return set(without(c, k)) })
				walk(c[k], func(nv any) any { return set(with(c, k, nv)) })
			}
			out = append(out, func() any { return set(with(c, "unexpected_field", 1.0)) })
		case []any:
			for i := range c {
				walk(c[i], func(nv any) any {
					cp := append([]any(nil), c...)
					cp[i] = nv
					return set(cp)
				})
			}
			out = append(out, func() any { return set(append(append([]any(nil), c...), "extra")) })
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
// every body schema: the verdicts must be the same, and on documents that
// json.Marshal writes the compiled checks must decide (the fast path stays
// the common path).
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
			fast := check.documentVerdict(doc, key.dir)
			kin := v.kinVerdict(key.s, key.dir, doc)
			if fast == undecided || (fast == accepted) != kin {
				t.Errorf("compiled check says %v, kin-openapi accepts: %v, for %s", fast, kin, doc)
			}
			checked++
			if kin {
				valid++
			}
		}
	}
	// Each sample is also checked against other schemas — a handful per
	// sample, taken in turn from all of them, so that every schema meets
	// foreign documents while the test stays linear in the spec's size.
	keys := slices.SortedFunc(maps.Keys(v.fast), func(a, b checkKey) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	// make test compares a sample of each; make test-long many more.
	foreign, maxMutations := testlong.Pick(2, 6), testlong.Pick(8, 150)
	uncompiled, next := 0, 0
	for _, smp := range samples {
		if v.fast[smp.key] == nil { // a schema the compiler leaves to kin-openapi (discriminator, readOnly …)
			uncompiled++
			continue
		}
		compare(smp.key, smp.value)
		// At most maxMutations of a sample's mutations, spread evenly over
		// its document (a large answer has thousands); the fuzz target
		// explores the rest.
		ms := mutations(smp.value)
		for i := 0; i < len(ms); i += max(1, len(ms)/maxMutations) {
			compare(smp.key, ms[i]())
		}
		for range min(foreign, len(keys)) {
			compare(keys[next%len(keys)], smp.value)
			next++
		}
	}
	t.Logf("%d compiled schemas, %d samples (%d of uncompiled schemas): %d verdicts compared, %d valid",
		len(v.fast), len(samples), uncompiled, checked, valid)
	assert.Greater(t, valid, len(samples)-uncompiled, "the corpus must hold valid values too, or agreement means little")
}

// TestEveryBodySchemaCompiles: no body schema of openapi.yaml is left to
// kin-openapi as a whole.
func TestEveryBodySchemaCompiles(t *testing.T) {
	v := NewValidator()
	for _, key := range bodySchemas(v.doc) {
		assert.NotNil(t, v.fast[key], "a body schema without a compiled check")
	}
}

func (v verdict) String() string {
	switch v {
	case accepted:
		return "accepted"
	case rejected:
		return "rejected"
	}
	return "undecided"
}

func TestCompiledCheckDetails(t *testing.T) {
	v := NewValidator()
	user := Spec().Components.Schemas["User"].Value
	anon := v.doc.Components.Schemas["AnonymousUser"].Value
	email := map[string]openapi3.StringFormatValidator{"email": openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)}
	cc := newCheckCompiler(email, anon, user)
	c := cc.check(anon, forResponse)
	require.NotNil(t, c)
	var ok map[string]any
	require.NoError(t, json.Unmarshal([]byte(`{"id":"u","is_anonymous":true,"is_logged_in":false,"first_name":null,"last_name":null,
		"phone":null,"email":null,"is_email_verified":false,"is_phone_verified":false,"profile_image_url":null,
		"created_at":"2026-11-23T10:00:00Z","modified_at":"2026-11-23T10:00:00Z"}`), &ok))
	verdictOn := func(v any) verdict {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return c.documentVerdict(b, forResponse)
	}
	assert.Equal(t, accepted, verdictOn(ok))
	assert.Equal(t, rejected, verdictOn(with(ok, "created_at", "yesterday")), "date-time format")
	assert.Equal(t, rejected, verdictOn(with(ok, "id", nil)), "not nullable")
	assert.Equal(t, rejected, verdictOn(without(ok, "id")), "required")
	assert.Equal(t, rejected, verdictOn(nil))
	// Documents encoding/json refuses are rejected.
	for _, doc := range []string{`{"id":"u"`, `{"id":"u"} x`, ``, `{"id":1e999}`, `{"id":"\x"}`, "{\"id\":\"a\u0001\"}"} {
		assert.Equal(t, rejected, c.documentVerdict([]byte(doc), forResponse), "%q", doc)
	}
	// Invalid UTF-8, escapes and lone surrogates are decoded as
	// encoding/json decodes them, in keys as in values.
	base := `"is_anonymous":true,"is_logged_in":false,"first_name":null,"last_name":null,"phone":null,"email":null,"is_email_verified":false,"is_phone_verified":false,"profile_image_url":null,"created_at":"2026-11-23T10:00:00Z","modified_at":"2026-11-23T10:00:00Z"`
	for _, doc := range []string{`{"id":"\ud800",` + base + `}`, "{\"id\":\"\xff\"," + base + "}", `{"i\u0064":"u",` + base + `}`} {
		assert.Equal(t, accepted, c.documentVerdict([]byte(doc), forResponse), "%q", doc)
	}
	// The allOf wrappers of Spec() compile too (with their nested schema);
	// a format the validator does not know is not checked, as in
	// kin-openapi.
	assert.NotNil(t, cc.check(user, forResponse))
	assert.NotNil(t, newCheckCompiler(nil, user).check(user, forResponse))
	// A schema the compiler was not made for has no check.
	assert.Nil(t, cc.check(&openapi3.Schema{Type: &openapi3.Types{"string"}}, forResponse))
	// A keyword the compiler leaves to kin-openapi.
	cond := &openapi3.Schema{If: openapi3.NewStringSchema().NewRef()}
	assert.Nil(t, newCheckCompiler(nil, cond).check(cond, forRequest))
}

// Deep documents are left to kin-openapi, which encoding/json refuses past
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
	for _, depth := range []int{10, 8997, 8998, 8999, 10001, 200000} {
		doc := []byte(`{"message":"m","success":false,"code":"c","errors":{"a":` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}}`)
		fast := v.fast[key].documentVerdict(doc, key.dir)
		kin := v.kinVerdict(key.s, key.dir, doc)
		want := accepted
		if depth+1 >= maxDepth { // the innermost array is depth+1 containers deep
			want = undecided
		}
		assert.Equal(t, want, fast, "depth %d", depth)
		assert.Equal(t, depth+2 <= 10000, kin, "depth %d", depth)
	}
}

// A required property that properties does not describe is an additional
// property to kin-openapi.
func TestCompiledRequiredButUndescribed(t *testing.T) {
	for _, c := range []struct {
		schema string
		doc    string
		want   verdict
	}{
		{`{"type":"object","required":["x"],"additionalProperties":{"type":"string"}}`, `{"x":1}`, rejected},
		{`{"type":"object","required":["x"],"additionalProperties":{"type":"string"}}`, `{"x":"s"}`, accepted},
		{`{"type":"object","required":["x"]}`, `{"x":1}`, accepted},
		{`{"type":"object","required":["x"],"additionalProperties":false}`, `{"x":1}`, rejected},
		{`{"type":"object","required":["x"],"additionalProperties":false}`, `{}`, rejected},
	} {
		var s openapi3.Schema
		require.NoError(t, json.Unmarshal([]byte(c.schema), &s))
		check := newCheckCompiler(nil, &s).check(&s, forResponse)
		require.NotNil(t, check)
		assert.Equal(t, c.want, check.documentVerdict([]byte(c.doc), forResponse), "%s on %s", c.schema, c.doc)
		var value any
		require.NoError(t, json.Unmarshal([]byte(c.doc), &value))
		assert.Equal(t, c.want == accepted, s.VisitJSON(value, openapi3.VisitAsResponse()) == nil, "kin-openapi: %s on %s", c.schema, c.doc)
	}
}
