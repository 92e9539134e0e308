package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
)

// The doc comments of the models storefront re-exports. storefront.X is an
// alias of gen.X, and go doc of an alias shows only the alias; so each one
// carries a comment that lists what X holds — its fields with their Go
// types, whether the API requires them and what the spec says they are, or
// for a union how to build and read it, or for an enumeration its values.

// aliasDecl is one re-exported type with its doc comment.
type aliasDecl struct {
	Name string
	Doc  string // the comment's text, without the slashes
}

// aliasDecls documents the re-exported types names, and the deprecated
// names of request bodies (deprecated maps each to the name to use).
func (m *model) aliasDecls(names []string, deprecated map[string]string, getters map[string]getterDoc) []aliasDecl {
	schemas := m.schemasByType()
	params := m.paramsByType()
	out := make([]aliasDecl, 0, len(names))
	for _, n := range names {
		if use, ok := deprecated[n]; ok {
			out = append(out, aliasDecl{Name: n, Doc: wrap(fmt.Sprintf("%s is %s, under the name oapi-codegen gives the body of %s.", n, use, m.bodyOperation(n))) + "\n\nDeprecated: use " + use + "."})
			continue
		}
		g, hasGetters := getters[n]
		out = append(out, aliasDecl{Name: n, Doc: m.typeDoc(n, schemas[n], params[n], hasGetters, g)})
	}
	return out
}

// bodyOperation names the operation whose body alias is name.
func (m *model) bodyOperation(alias string) string {
	for _, o := range m.ops {
		if o.BodyAlias == alias {
			return o.ID
		}
	}
	return "an operation"
}

// typeDoc is the doc comment of the re-exported gen type name, described
// by schema (a component or inline schema) or, for a Params type, by the
// parameters of its operation.
func (m *model) typeDoc(name string, schema *openapi3.Schema, params openapi3.Parameters, hasGetters bool, getters getterDoc) string {
	var b strings.Builder
	b.WriteString(name + " is gen." + name)
	if schema != nil {
		if d := lowerFirstWord(sentence(schema.Description)); d != "" {
			b.WriteString(": " + d)
		} else if t := schema.Title; t != "" {
			b.WriteString(": " + lowerFirstWord(sentence(t)))
		} else {
			b.WriteString(m.genDoc(name))
		}
	} else if params != nil {
		b.WriteString(fmt.Sprintf(": the query and header parameters of %s.", m.paramsOperation(name)))
	} else {
		b.WriteString(m.genDoc(name))
	}

	ts := m.gen.types[name]
	st := m.gen.structOf(name)
	switch {
	case st != nil:
		if holdsUnion(st) {
			b.WriteString("\n\n" + m.unionDoc(name, schema))
		}
		fields := m.fieldDocs(st, schema, params)
		if len(fields) > 0 {
			if holdsUnion(st) {
				b.WriteString("\n\nBeside its branch, it has the fields:\n")
			} else {
				b.WriteString("\n\nFields:\n")
			}
			for _, f := range fields {
				b.WriteString("\n  - " + f)
			}
		}
		switch {
		case hasGetters && getters.All:
			b.WriteString(fmt.Sprintf("\n\nEach field has a Get method that reads it without a nil check, nil-safe on a nil %s too: x.Get%s().", name, getters.First))
		case hasGetters:
			b.WriteString(fmt.Sprintf("\n\nEach pointer field has a Get method that reads it without a nil check, its zero value when absent: x.Get%s().", getters.First))
		}
	case len(m.gen.consts[name]) > 0:
		b.WriteString(fmt.Sprintf(" Its values (%s): %s.", exprString(ts.Type), strings.Join(m.gen.consts[name], ", ")))
	case ts != nil:
		b.WriteString(fmt.Sprintf(" It is %s.", exprString(ts.Type)))
	}
	return wrap(b.String())
}

// unionDoc says how to build and read a union of gen.
func (m *model) unionDoc(name string, schema *openapi3.Schema) string {
	var branches []string
	for _, meth := range m.gen.methods[name] {
		if b, ok := strings.CutPrefix(meth, "From"); ok {
			branches = append(branches, b)
		}
	}
	if len(branches) == 0 {
		return "It holds one of several shapes as raw JSON."
	}
	kind := "one of"
	if schema != nil && len(schema.AnyOf) > 0 && len(schema.OneOf) == 0 {
		kind = "any of"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "It holds %s %s", kind, joinOr(branches))
	if schema != nil && schema.Discriminator != nil && schema.Discriminator.PropertyName != "" {
		fmt.Fprintf(&b, ", told apart by its %q property", schema.Discriminator.PropertyName)
	}
	fmt.Fprintf(&b, ". Build it with From%s (one From method per branch); read it with As%s", branches[0], branches[0])
	if slices.Contains(m.gen.methods[name], "Discriminator") {
		b.WriteString(" after Discriminator says which branch it is")
	}
	b.WriteString(".")
	return b.String()
}

func joinOr(s []string) string {
	switch len(s) {
	case 1:
		return s[0]
	case 2:
		return s[0] + " or " + s[1]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// fieldDocs describes each exported field of a struct: "Name Type:
// required. What the spec says it is."
func (m *model) fieldDocs(st *ast.StructType, schema *openapi3.Schema, params openapi3.Parameters) []string {
	props, required := flatten(schema)
	var out []string
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			if !n.IsExported() {
				continue
			}
			jsonName := tagName(f, "json")
			var flags []string
			var desc string
			switch {
			case jsonName == "-" && n.Name == "AdditionalProperties":
				flags, desc = []string{"optional"}, "Properties beyond the declared ones, by name (read and write them with Get and Set)."
			case params != nil:
				if p := params.GetByInAndName(openapi3.ParameterInQuery, jsonName); p != nil {
					flags, desc = paramFlags(p), sentence(p.Description)
				} else if p := headerParam(params, jsonName); p != nil {
					flags, desc = append(paramFlags(p), "header "+p.Name), sentence(p.Description)
				}
			case props != nil:
				if p := props[jsonName]; p != nil && p.Value != nil {
					flags, desc = propFlags(p.Value, required[jsonName]), sentence(p.Value.Description)
				}
			}
			line := n.Name + " " + docType(f.Type)
			if len(flags) > 0 {
				line += ": " + strings.Join(flags, ", ") + "."
			} else {
				line += "."
			}
			if desc != "" {
				line += " " + desc
			}
			out = append(out, line)
		}
	}
	return out
}

func propFlags(s *openapi3.Schema, required bool) []string {
	var flags []string
	if required {
		flags = append(flags, "required")
	} else {
		flags = append(flags, "optional")
	}
	if s.Nullable {
		flags = append(flags, "may be null")
	}
	if s.ReadOnly {
		flags = append(flags, "read-only (set by the API, left out of requests)")
	}
	if v, ok := s.Extensions["x-sensitive"].(bool); ok && v {
		flags = append(flags, "sensitive (kept out of logs and errors)")
	}
	return flags
}

func paramFlags(p *openapi3.Parameter) []string {
	if p.Required {
		return []string{"required"}
	}
	return []string{"optional"}
}

func headerParam(ps openapi3.Parameters, name string) *openapi3.Parameter {
	for _, p := range ps {
		if p.Value != nil && p.Value.In == openapi3.ParameterInHeader && strings.EqualFold(p.Value.Name, name) {
			return p.Value
		}
	}
	return nil
}

// getterDoc is what a doc comment says of a type's Get methods.
type getterDoc struct {
	First string // the field whose Get method it shows: the first pointer field's
	All   bool   // every field has one, not only the pointer fields
}

// getterDocs describes the Get methods of the accessor file.
func getterDocs(f *accessorFile) map[string]getterDoc {
	out := map[string]getterDoc{}
	for _, t := range f.Types {
		d := getterDoc{First: t.Getters[0].Field, All: t.All}
		for _, g := range t.Getters {
			if g.Read == "deref" {
				d.First = g.Field
				break
			}
		}
		out[t.Name] = d
	}
	return out
}

// paramsOperation names the operation whose Params type is name.
func (m *model) paramsOperation(name string) string {
	for _, o := range m.ops {
		if o.ParamsType == name {
			return o.ID
		}
	}
	return "an operation"
}

// paramsByType maps each operation's Params type to its parameters.
func (m *model) paramsByType() map[string]openapi3.Parameters {
	out := map[string]openapi3.Parameters{}
	for _, o := range m.ops {
		if o.ParamsType != "" {
			out[o.ParamsType] = o.spec.Parameters
		}
	}
	return out
}

// schemasByType maps gen's types to the schemas they were generated from:
// each component schema to its type, then, field by field, each inline
// schema to the type oapi-codegen made of it (Parent_Prop …).
func (m *model) schemasByType() map[string]*openapi3.Schema {
	out := map[string]*openapi3.Schema{}
	var queue []string
	names := make([]string, 0, len(m.spec.Components.Schemas))
	for name := range m.spec.Components.Schemas {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ref := m.spec.Components.Schemas[name]
		t := codegen.SchemaNameToTypeName(name)
		if ref.Value != nil && m.gen.has(t) && out[t] == nil {
			out[t] = ref.Value
			queue = append(queue, t)
		}
	}
	for _, o := range m.ops {
		if o.BodyAlias != "" && o.BodyType == o.BodyAlias && o.spec.RequestBody != nil && o.spec.RequestBody.Value != nil {
			if mt := o.spec.RequestBody.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
				for _, t := range []string{o.BodyAlias, o.GoName + "JSONBody"} {
					if m.gen.has(t) && out[t] == nil {
						out[t] = mt.Schema.Value
						queue = append(queue, t)
					}
				}
			}
		}
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		st := m.gen.structOf(t)
		if st == nil {
			continue
		}
		props, _ := flatten(out[t])
		for _, f := range st.Fields.List {
			p := props[tagName(f, "json")]
			if p == nil || p.Value == nil {
				continue
			}
			base, s := innerType(f.Type, p.Value)
			if base == "" || s == nil || out[base] != nil || !m.gen.has(base) {
				continue
			}
			out[base] = s
			queue = append(queue, base)
		}
	}
	return out
}

// innerType follows a field's type through pointers, slices and maps to
// the named type inside, and the schema through items and
// additionalProperties alongside.
func innerType(e ast.Expr, s *openapi3.Schema) (string, *openapi3.Schema) {
	for s != nil {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.ArrayType:
			if s.Items == nil {
				return "", nil
			}
			e, s = t.Elt, s.Items.Value
		case *ast.MapType:
			if s.AdditionalProperties.Schema == nil {
				return "", nil
			}
			e, s = t.Value, s.AdditionalProperties.Schema.Value
		case *ast.Ident:
			return t.Name, s
		default:
			return "", nil
		}
	}
	return "", nil
}

// flatten returns the properties of a schema and of its allOf parts, and
// which of them are required.
func flatten(s *openapi3.Schema) (map[string]*openapi3.SchemaRef, map[string]bool) {
	if s == nil {
		return nil, nil
	}
	props := map[string]*openapi3.SchemaRef{}
	required := map[string]bool{}
	var walk func(s *openapi3.Schema, depth int)
	walk = func(s *openapi3.Schema, depth int) {
		if s == nil || depth > 8 {
			return
		}
		for _, sub := range s.AllOf {
			if sub != nil {
				walk(sub.Value, depth+1)
			}
		}
		for n, p := range s.Properties {
			props[n] = p
		}
		for _, r := range s.Required {
			required[r] = true
		}
	}
	walk(s, 0)
	return props, required
}

// tagName is the name a struct tag gives a field for key ("json"), without
// its options.
func tagName(f *ast.Field, key string) string {
	if f.Tag == nil {
		return ""
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return ""
	}
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get(key), ",")
	return name
}

// docType prints a type expression on one line for a doc comment: as
// gen's source spells it, but an inline struct as struct{A T; B U},
// without its tags.
func docType(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return "*" + docType(t.X)
	case *ast.ArrayType:
		if t.Len == nil {
			return "[]" + docType(t.Elt)
		}
	case *ast.MapType:
		return "map[" + docType(t.Key) + "]" + docType(t.Value)
	case *ast.StructType:
		var parts []string
		for _, f := range t.Fields.List {
			for _, n := range f.Names {
				parts = append(parts, n.Name+" "+docType(f.Type))
			}
		}
		return "struct{" + strings.Join(parts, "; ") + "}"
	}
	return exprString(e)
}

// exprString prints a type expression as gen's source spells it.
func exprString(e ast.Expr) string {
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), e); err != nil {
		return "?"
	}
	return b.String()
}

// sentence is the first sentence of a description, on one line, ending
// with a period. Long first sentences are cut at a word.
func sentence(d string) string {
	d = strings.Join(strings.Fields(d), " ")
	if d == "" {
		return ""
	}
	if i := strings.Index(d, ". "); i >= 0 {
		d = d[:i+1]
	}
	const max = 160
	if len(d) > max {
		cut := strings.LastIndexByte(d[:max], ' ')
		if cut < max/2 {
			cut = max
		}
		d = strings.TrimRight(d[:cut], ",;:") + " …"
	}
	if !strings.HasSuffix(d, ".") && !strings.HasSuffix(d, "…") && !strings.HasSuffix(d, "?") && !strings.HasSuffix(d, "!") {
		d += "."
	}
	return d
}

// genDoc ends "X is gen.X" with the first sentence of X's own doc comment
// in gen, for a type written there by hand (CalendarDate, which a schema's
// format maps to), or with a full stop.
func (m *model) genDoc(name string) string {
	if d := sentence(strings.TrimPrefix(m.gen.docs[name], name+" is ")); d != "" {
		return ": " + lowerFirstWord(d)
	}
	return "."
}

// lowerFirstWord starts d in lower case, to follow "X is gen.X: ", unless
// its first word is an acronym or a code name (SKU, x-api-key).
func lowerFirstWord(d string) string {
	if d == "" {
		return d
	}
	r, n := utf8.DecodeRuneInString(d)
	if next, _ := utf8.DecodeRuneInString(d[n:]); unicode.IsUpper(r) && !unicode.IsUpper(next) && next != '-' && next != '_' {
		d = string(unicode.ToLower(r)) + d[n:]
	}
	return d
}
