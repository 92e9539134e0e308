package api

import (
	"context"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syntheticSchemas loads a small OpenAPI 3.0.3 document whose
// components.schemas are given in YAML (indented by two spaces).
func syntheticSchemas(t testing.TB, schemas string) *openapi3.T {
	t.Helper()
	src := "openapi: 3.0.3\ninfo: {title: synthetic, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas
	doc, err := openapi3.NewLoader().LoadFromData([]byte(src))
	require.NoError(t, err)
	require.NoError(t, doc.Validate(context.Background()))
	return doc
}

const constructSchemas = `
    Login:
      type: object
      required: [phone, password]
      properties:
        phone: {type: string}
        password: {type: string}
        country_code: {type: string, pattern: '^\+[0-9]{1,4}$', default: "+91"}
    Closed:
      type: object
      properties: {a: {type: integer}}
      additionalProperties: false
    Int32Map:
      type: object
      additionalProperties: {type: integer, format: int32}
    Int64:
      type: integer
      format: int64
    Price:
      type: number
      minimum: 0
      maximum: 100
      exclusiveMaximum: true
      multipleOf: 0.01
    Double:
      type: number
      format: double
    Name:
      type: string
      minLength: 2
      maxLength: 3
    When:
      type: string
      format: date-time
    Day:
      type: string
      format: date
    Mail:
      type: string
      format: email
    Opaque:
      type: string
      format: uuid
    Accented:
      type: string
      pattern: '^\u00E9+$'
    Action:
      type: string
      enum: [login, register]
    Level:
      type: integer
      enum: [1, 2, 3]
    Flag:
      type: boolean
      enum: [true]
    Mixed:
      enum: [a, 1, true, null]
    NullableChoice:
      type: string
      nullable: true
      enum: [a, b]
    MaybeLogin:
      nullable: true
      allOf: [{$ref: '#/components/schemas/Login'}]
    OnlyLogin:
      allOf: [{$ref: '#/components/schemas/Login'}]
    NullOrLogin:
      oneOf:
        - $ref: '#/components/schemas/Login'
        - {type: string, nullable: true}
    Cat:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
        lives: {type: integer}
    Dog:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
        bark: {type: boolean}
    Pet:
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
      discriminator:
        propertyName: kind
        mapping:
          cat: '#/components/schemas/Cat'
          dog: Dog
    PetByName:
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
      discriminator:
        propertyName: kind
    PhoneOrEmail:
      anyOf:
        - {type: object, required: [phone]}
        - {type: object, required: [email]}
    NotString:
      not: {type: string}
    WithoutA:
      type: object
      not: {required: [a]}
    Account:
      type: object
      required: [id, name, password]
      properties:
        id: {type: string, readOnly: true}
        name: {type: string}
        password: {type: string, writeOnly: true}
    Base:
      type: object
      properties:
        id: {type: string, readOnly: true}
    Child:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          required: [id, name]
          properties: {name: {type: string}}
    NeedsId:
      type: object
      required: [id]
      properties: {name: {type: string}}
    IdReadOnly:
      allOf:
        - {type: object, properties: {id: {type: string, readOnly: true}}}
        - $ref: '#/components/schemas/NeedsId'
    Tree:
      type: object
      required: [name]
      properties:
        name: {type: string}
        children:
          type: array
          maxItems: 2
          items: {$ref: '#/components/schemas/Tree'}
    Tags:
      type: array
      minItems: 1
      uniqueItems: true
      items: {type: string}
    Counted:
      type: object
      minProperties: 2
      maxProperties: 3
    Anything: {}
    Described:
      description: no keyword that validates
    Untyped:
      minLength: 2
      minimum: 5
      required: [a]
`

// TestCompiledConstructs compiles every construct kin-openapi's 3.0
// validator knows, on small synthetic schemas, and checks each verdict on
// documents written to probe it: the expected verdict, and kin-openapi's
// agreement wherever the check decides.
func TestCompiledConstructs(t *testing.T) {
	doc := syntheticSchemas(t, constructSchemas)
	var roots []*openapi3.Schema
	for _, ref := range doc.Components.Schemas {
		roots = append(roots, ref.Value)
	}
	v := NewValidator()
	cc := newCheckCompiler(map[string]openapi3.StringFormatValidator{"email": openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)}, roots...)

	const (
		A = accepted
		R = rejected
		U = undecided
	)
	type probe struct {
		doc  string
		want verdict
	}
	req, resp := forRequest, forResponse
	cases := []struct {
		schema string
		dir    direction
		probes []probe
	}{
		{"Login", req, []probe{
			{`{"phone":"1","password":"p"}`, A},
			{`{"phone":"1"}`, R},
			{`{"phone":1,"password":"p"}`, R},
			{`{"phone":1,"password":"p","phone":"1"}`, U},
			{`{"phone":"1","password":"p","phone":1}`, U},
			{`{"phone":"1","password":"p","phone":"2"}`, A},
			{`{"ph\u006fne":"1","password":"p"}`, A},
			{`{"phone":"1","password":"p","country_code":"+91"}`, A},
			{`{"phone":"1","password":"p","country_code":"+\u0039\u0031"}`, A},
			{`{"phone":"1","password":"p","country_code":"91"}`, R},
			{`{"phone":"1","password":"p","country_code":"+91\n"}`, R},
			{`{"phone":"1","password":"p","extra":1e400}`, A},
			{`{"phone":"1","password":"p","extra":"\ud800\udc00\udc00"}`, A},
			{"{\"phone\":\"\xff\",\"password\":\"p\"}", A},
			{`{"phone":"1","password":"p"} {}`, U},
			{` {"phone":"1","password":"p"}` + "\n", A},
			{`{"phone":"1","password":"p",}`, R},
			{`[{"phone":"1","password":"p"}]`, R},
			{`null`, R},
			{``, R},
		}},
		{"Login", resp, []probe{
			{`{"phone":"1","password":"p","extra":1e400}`, R},
			{`{"phone":"1","password":"p"} {}`, R},
			{`{"phone":"1","password":"p","extra":1e308}`, A},
		}},
		{"Closed", req, []probe{
			{`{"a":1}`, A}, {`{"a":1,"b":2}`, R}, {`{"a":1,"a":2}`, A}, {`{"\u0061":1}`, A},
			{`{"a":1.0}`, A}, {`{"a":1e0}`, A}, {`{"a":-0}`, A}, {`{"a":1.5}`, R}, {`{"a":9007199254740993}`, A},
			{`{"a":1e400}`, R}, {`{"a":null}`, R}, {`{"a":"1"}`, R}, {`{"b":1,"b":1}`, R},
		}},
		{"Int32Map", resp, []probe{
			{`{"x":2147483647}`, A}, {`{"x":2147483648}`, R}, {`{"x":-2147483649}`, R}, {`{"x":1e2}`, A},
			{`{"x":"1"}`, R}, {`{}`, A}, {`{"x":1,"x":"1"}`, U},
		}},
		{"Int64", req, []probe{
			{`9223372036854775807`, A}, {`9223372036854775808`, A}, {`-9223372036854775808`, A},
			{`-9223372036854775809`, A}, {`1e19`, R}, {`1e400`, R}, {`-1e400`, R}, {`1.5`, R}, {`"1"`, R},
		}},
		{"Price", req, []probe{
			{`0`, A}, {`-0`, A}, {`99.99`, A}, {`0.07`, A}, {`100`, R}, {`0.001`, R}, {`-1`, R}, {`1e-400`, A}, {`"1"`, R},
		}},
		{"Double", resp, []probe{
			{`1.7976931348623157e308`, A}, {`1e309`, R}, {`4.9e-324`, A},
		}},
		{"Name", req, []probe{
			{`"ab"`, A}, {`"a"`, R}, {`"abcd"`, R}, {`"😀😀"`, A}, {`"\ud83d\ude00\ud83d\ude00"`, A},
			{`"\ud800"`, R}, {`"\ud800\ud800"`, A}, {"\"\xff\xff\"", A}, {"\"\xed\xa0\x80\"", A}, {`"a\u0000"`, A},
		}},
		{"When", resp, []probe{
			{`"2026-11-23T10:00:00Z"`, A}, {`"2026-11-23T10:00:00\u005a"`, A}, {`"2026-02-30T10:00:00Z"`, R},
			{`"2026-11-23T10:00:00Z\ud800"`, R}, {`"2026-11-23T10:00:00.345+05:30"`, A},
		}},
		{"Day", resp, []probe{{`"2024-02-29"`, A}, {`"2026-02-29"`, R}}},
		{"Mail", req, []probe{
			{`"a@b"`, A}, {`"a\ud800@b"`, A}, {"\"a\xff@b\"", A}, {`"a@b\u0020c"`, R}, {`"\u0040"`, R}, {`"a@b\u2028"`, A},
		}},
		{"Opaque", req, []probe{{`"not a uuid"`, A}}},
		{"Accented", req, []probe{{`"é"`, A}, {`"\u00e9\u00E9"`, A}, {`"e"`, R}}},
		{"Action", req, []probe{{`"login"`, A}, {`"log\u0069n"`, A}, {`"Login"`, R}, {`1`, R}, {`null`, R}}},
		{"Level", req, []probe{{`1`, A}, {`1.0`, A}, {`1e0`, A}, {`4`, R}, {`"1"`, R}, {`1e400`, R}}},
		{"Flag", resp, []probe{{`true`, A}, {`false`, R}}},
		{"Mixed", req, []probe{
			{`"a"`, A}, {`1`, A}, {`1.0`, A}, {`true`, A}, {`false`, R}, {`null`, R}, {`[]`, R}, {`{}`, R}, {`"b"`, R},
		}},
		{"NullableChoice", req, []probe{{`null`, A}, {`"a"`, A}, {`"c"`, R}}},
		{"MaybeLogin", req, []probe{{`null`, A}, {`{"phone":"1","password":"p"}`, A}, {`{}`, R}}},
		{"OnlyLogin", req, []probe{{`null`, R}, {`{"phone":"1","password":"p"}`, A}}},
		{"NullOrLogin", req, []probe{{`null`, A}, {`"x"`, A}, {`{"phone":"1","password":"p"}`, A}, {`1`, R}}},
		{"Pet", req, []probe{
			{`{"kind":"cat"}`, A}, {`{"kind":"dog","bark":true}`, A}, {`{"kind":"cow"}`, R}, {`{}`, R},
			{`{"kind":1}`, R}, {`{"kind":null}`, R}, {`{"kind":"cat","kind":"dog"}`, A}, {`{"k\u0069nd":"cat"}`, A},
			{`{"kind":"c\u0061t"}`, A}, {`"cat"`, R}, {`{"kind":"cat","lives":"nine"}`, R},
			{`{"kind":"dog","lives":"nine"}`, A},
		}},
		{"PetByName", req, []probe{
			{`{"kind":"cat"}`, R}, {`{"kind":"cat","lives":9}`, R}, {`{"kind":1}`, R}, {`{"kind":"cat","bark":1}`, A},
		}},
		{"PhoneOrEmail", req, []probe{
			{`{"phone":"1"}`, A}, {`{"email":"e"}`, A}, {`{}`, R}, {`{"phone":1}`, A}, {`[]`, R},
			{`{"email":1,"email":2}`, A},
		}},
		{"NotString", req, []probe{{`1`, A}, {`"x"`, R}, {`null`, R}, {`{"a":"x"}`, A}}},
		{"WithoutA", req, []probe{{`{}`, A}, {`{"a":1}`, R}, {`{"a":1,"a":2}`, R}, {`{"b":1}`, A}}},
		{"Account", req, []probe{
			{`{"name":"n","password":"p"}`, A},
			{`{"id":"x","name":"n","password":"p"}`, R},
			{`{"id":null,"name":"n","password":"p"}`, R},
			{`{"name":"n"}`, R},
			{`{"id":"x","id":null,"name":"n","password":"p"}`, U},
		}},
		{"Account", resp, []probe{
			{`{"id":"x","name":"n"}`, A},
			{`{"id":"x","name":"n","password":"p"}`, R},
			{`{"name":"n"}`, R},
		}},
		// Child's second allOf schema requires id, which Base, applied to
		// the same value, declares readOnly: not required in requests.
		{"Child", req, []probe{{`{"name":"n"}`, A}, {`{"id":"x","name":"n"}`, R}, {`{}`, R}}},
		{"Child", resp, []probe{{`{"name":"n"}`, R}, {`{"id":"x","name":"n"}`, A}}},
		// NeedsId requires id, which IdReadOnly, applying NeedsId to its
		// value, declares readOnly: whether a request needs it depends
		// on the way to NeedsId.
		{"NeedsId", req, []probe{{`{}`, U}, {`{"id":1}`, A}, {`{"name":1}`, R}}},
		{"IdReadOnly", req, []probe{{`{}`, U}, {`{"id":"x"}`, R}}},
		{"Tree", resp, []probe{
			{`{"name":"a","children":[{"name":"b","children":[]}]}`, A},
			{`{"name":"a","children":[{"children":[]}]}`, R},
			{`{"name":"a","children":[{"name":"b"},{"name":"c"},{"name":"d"}]}`, R},
			{`{"name":"a","children":[` + strings.Repeat(`{"name":"b","children":[`, 20) + strings.Repeat(`]}`, 20) + `]}`, A},
		}},
		{"Tags", req, []probe{{`["a"]`, A}, {`[]`, R}, {`["a","b"]`, U}, {`[1]`, R}}},
		{"Counted", req, []probe{
			{`{"a":1,"b":2}`, A}, {`{"a":1}`, R}, {`{"a":1,"a":2}`, R}, {`{"a":1,"b":2,"c":3,"d":4}`, R},
			{`{"a":1,"b":2,"c":3,"c":4}`, A}, {`{"a":1,"\u0061":2,"b":3}`, A},
		}},
		{"Anything", req, []probe{{`1e400`, A}, {`{"a":[1,{}]}`, A}, {`null`, R}, {`[`, R}}},
		{"Anything", resp, []probe{{`1e400`, R}, {`"\ud800"`, A}}},
		{"Described", req, []probe{{`1`, A}, {`null`, R}}},
		{"Untyped", req, []probe{
			{`"ab"`, A}, {`"a"`, R}, {`5`, A}, {`4`, R}, {`{"a":1}`, A}, {`{}`, R}, {`true`, A}, {`[]`, A}, {`null`, R}, {`1e400`, R},
		}},
	}
	for _, c := range cases {
		s := doc.Components.Schemas[c.schema].Value
		require.NotNil(t, s, c.schema)
		check := cc.check(s, c.dir)
		require.NotNil(t, check, "%s has no compiled check", c.schema)
		for _, p := range c.probes {
			got := check.documentVerdict([]byte(p.doc), c.dir)
			kin := v.kinVerdict(s, c.dir, []byte(p.doc))
			assert.Equal(t, p.want, got, "%s (direction %d) on %s", c.schema, c.dir, p.doc)
			if got != undecided {
				assert.Equal(t, got == accepted, kin, "kin-openapi disagrees: %s (direction %d) on %s", c.schema, c.dir, p.doc)
			}
		}
	}
}

// TestCompiledChecksDeferWhatTheyDoNotKnow: schemas whose verdicts the
// compiler cannot give exactly have no check, or a check that leaves the
// value undecided.
func TestCompiledChecksDeferWhatTheyDoNotKnow(t *testing.T) {
	doc := syntheticSchemas(t, `
    SelfAll:
      type: object
      required: [a]
      anyOf: [{$ref: '#/components/schemas/SelfAny'}]
    SelfAny:
      type: object
      anyOf: [{$ref: '#/components/schemas/SelfAll'}]
    Holder:
      type: object
      properties:
        odd: {$ref: '#/components/schemas/SelfAll'}
        fine: {type: string}
`)
	var roots []*openapi3.Schema
	for _, ref := range doc.Components.Schemas {
		roots = append(roots, ref.Value)
	}
	cc := newCheckCompiler(nil, roots...)
	v := NewValidator()
	holder := doc.Components.Schemas["Holder"].Value
	check := cc.check(holder, forRequest)
	require.NotNil(t, check)
	for _, c := range []struct {
		doc  string
		want verdict
	}{
		{`{"fine":"x"}`, accepted},
		{`{"fine":1}`, rejected},
		{`{"odd":{"a":1}}`, undecided}, // a schema met again on the same value
	} {
		assert.Equal(t, c.want, check.documentVerdict([]byte(c.doc), forRequest), c.doc)
		if c.want != undecided {
			assert.Equal(t, c.want == accepted, v.kinVerdict(holder, forRequest, []byte(c.doc)), c.doc)
		}
	}
	self := doc.Components.Schemas["SelfAll"].Value
	selfCheck := cc.check(self, forRequest)
	require.NotNil(t, selfCheck)
	assert.Equal(t, undecided, selfCheck.documentVerdict([]byte(`{"a":1}`), forRequest))
	for _, d := range []string{`{}`, `1`} {
		assert.Equal(t, rejected, selfCheck.documentVerdict([]byte(d), forRequest), d)
		assert.False(t, v.kinVerdict(self, forRequest, []byte(d)), d)
	}
	bad := &openapi3.Schema{Type: &openapi3.Types{"string"}, Pattern: "(?<"}
	assert.Nil(t, newCheckCompiler(nil, bad).check(bad, forRequest), "a pattern Go does not compile")
}

// TestCompiledChecksOfA31DocumentAreNone: kin-openapi validates OpenAPI 3.1
// documents as JSON Schema 2020-12, which the compiler does not mirror.
func TestCompiledChecksOfA31DocumentAreNone(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(`openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /x:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object}
      responses:
        '204': {description: none}
`))
	require.NoError(t, err)
	assert.Empty(t, compileBodies(doc, nil))
}
