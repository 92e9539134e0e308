package main

import (
	"fmt"
	"go/ast"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// sensitiveNames returns the JSON names of every property the spec marks
// x-sensitive: true (tokens, passwords, one-time passwords, account, card
// and document numbers).
func sensitiveNames(spec *openapi3.T) map[string]bool {
	names := map[string]bool{}
	seen := map[*openapi3.Schema]bool{}
	var walk func(ref *openapi3.SchemaRef)
	walk = func(ref *openapi3.SchemaRef) {
		if ref == nil || ref.Value == nil || seen[ref.Value] {
			return
		}
		s := ref.Value
		seen[s] = true
		for name, p := range s.Properties {
			if p != nil && p.Value != nil {
				if v, ok := p.Value.Extensions["x-sensitive"].(bool); ok && v {
					names[name] = true
				}
			}
			walk(p)
		}
		for _, group := range [][]*openapi3.SchemaRef{s.OneOf, s.AnyOf, s.AllOf} {
			for _, sub := range group {
				walk(sub)
			}
		}
		walk(s.Items)
		walk(s.AdditionalProperties.Schema)
	}
	for _, s := range spec.Components.Schemas {
		walk(s)
	}
	for _, item := range spec.Paths.Map() {
		for _, op := range item.Operations() {
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					walk(mt.Schema)
				}
			}
			for _, r := range op.Responses.Map() {
				if r.Value != nil {
					for _, mt := range r.Value.Content {
						walk(mt.Schema)
					}
				}
			}
		}
	}
	return names
}

// redactedType is a gen struct whose printing hides its sensitive fields.
type redactedType struct {
	Name   string
	Union  bool            // a oneOf/anyOf held as raw JSON: printed as a name only
	Fields []redactedField // the sensitive fields of a plain struct
	JSON   []string        // their JSON names, for the doc comment
}

type redactedField struct {
	Name string
	Kind string // string, *string, []string, *[]string
}

// redactedTypes finds the gen structs that hold a sensitive field, and the
// unions one of whose branches does.
func (m *model) redactedTypes() ([]redactedType, error) {
	names := sensitiveNames(m.spec)
	direct := map[string]*redactedType{}
	for tname, ts := range m.gen.types {
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			continue
		}
		for _, f := range st.Fields.List {
			if f.Tag == nil || len(f.Names) != 1 {
				continue
			}
			tag, _ := strconv.Unquote(f.Tag.Value)
			jsonName, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
			if !names[jsonName] {
				continue
			}
			kind := typeString(f.Type)
			switch kind {
			case "string", "*string", "[]string", "*[]string":
			default:
				return nil, fmt.Errorf("gen.%s.%s is sensitive but of type %s, which opgen cannot hide", tname, f.Names[0].Name, kind)
			}
			rt := direct[tname]
			if rt == nil {
				rt = &redactedType{Name: tname}
				direct[tname] = rt
			}
			rt.Fields = append(rt.Fields, redactedField{Name: f.Names[0].Name, Kind: kind})
			rt.JSON = append(rt.JSON, jsonName)
		}
	}
	var out []redactedType
	for tname, ts := range m.gen.types {
		if rt := direct[tname]; rt != nil {
			out = append(out, *rt)
			continue
		}
		if isUnionStruct(ts) && m.unionHoldsSensitive(tname, direct, map[string]bool{}) {
			out = append(out, redactedType{Name: tname, Union: true})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (m *model) unionHoldsSensitive(tname string, direct map[string]*redactedType, seen map[string]bool) bool {
	if seen[tname] {
		return false
	}
	seen[tname] = true
	for ref := range m.gen.refs[tname] {
		if direct[ref] != nil {
			return true
		}
		if ts := m.gen.types[ref]; ts != nil && isUnionStruct(ts) && m.unionHoldsSensitive(ref, direct, seen) {
			return true
		}
	}
	return false
}

// isUnionStruct reports whether ts is oapi-codegen's union: a struct whose
// only field is the unexported raw JSON "union".
func isUnionStruct(ts *ast.TypeSpec) bool {
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return false
	}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			if n.Name == "union" {
				return true
			}
		}
	}
	return false
}

func typeString(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.StarExpr:
		return "*" + typeString(t.X)
	case *ast.ArrayType:
		return "[]" + typeString(t.Elt)
	case *ast.SelectorExpr:
		return typeString(t.X) + "." + t.Sel.Name
	}
	return fmt.Sprintf("%T", e)
}

const redactTemplate = `package gen

import (
	"fmt"
	"io"
	"log/slog"
)

// redacted replaces a sensitive value when a model is printed.
const redacted = "[redacted]"

// hideString hides a sensitive string, keeping an empty one empty.
func hideString(s string) string {
	if s == "" {
		return ""
	}
	return redacted
}

func hideStringPtr(p *string) *string {
	if p == nil {
		return nil
	}
	s := hideString(*p)
	return &s
}

func hideStrings(v []string) []string {
	if v == nil {
		return nil
	}
	out := make([]string, len(v))
	for i, s := range v {
		out[i] = hideString(s)
	}
	return out
}

func hideStringsPtr(p *[]string) *[]string {
	if p == nil {
		return nil
	}
	v := hideStrings(*p)
	return &v
}
{{range .}}
{{- if .Union}}
// Format prints a {{.Name}} as its name only: one of its forms holds
// personal data or a secret.
func (t {{.Name}}) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, "gen.{{.Name}}{" + redacted + "}") }

// LogValue implements slog.LogValuer without the value.
func (t {{.Name}}) LogValue() slog.Value { return slog.StringValue(redacted) }
{{- else}}
// Format prints a {{.Name}} with its sensitive fields
// ({{join .JSON ", "}}) shown as [redacted], with any verb.
func (v {{.Name}}) Format(f fmt.State, verb rune) {
	type plain {{.Name}}
	_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), plain(v.hidden()))
}

// LogValue implements slog.LogValuer with the sensitive fields hidden.
func (v {{.Name}}) LogValue() slog.Value {
	type plain {{.Name}}
	return slog.AnyValue(plain(v.hidden()))
}

func (v {{.Name}}) hidden() {{.Name}} {
{{- range .Fields}}
	v.{{.Name}} = {{if eq .Kind "string"}}hideString{{else if eq .Kind "*string"}}hideStringPtr{{else if eq .Kind "[]string"}}hideStrings{{else}}hideStringsPtr{{end}}(v.{{.Name}})
{{- end}}
	return v
}
{{- end}}
{{end}}
`
