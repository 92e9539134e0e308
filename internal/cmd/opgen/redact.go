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

// redactedType is a gen type whose printing hides the secrets and personal
// data it holds: in its own fields, in the inline objects, slices, maps
// and pointers below them, and in the other gen types it holds.
type redactedType struct {
	Name  string
	Union bool     // a oneOf/anyOf held as raw JSON: printed as a name only
	Plain string   // the body of its hidden method, which hides all it holds
	JSON  []string // the JSON names of its own sensitive fields, for the doc comment
}

// redactedTypes finds the gen types that hold a sensitive field, however
// deep (an inline object in a list, another model, a union one of whose
// branches does), and writes how each hides what it holds.
func (m *model) redactedTypes() ([]redactedType, error) {
	r := &redactor{names: sensitiveNames(m.spec), gen: m.gen, reaches: map[string]bool{}}
	r.findReaching()
	var out []redactedType
	for tname := range r.reaches {
		ts := m.gen.types[tname]
		rt := redactedType{Name: tname, Union: isUnionStruct(ts)}
		if !rt.Union {
			w := &hideWriter{r: r, self: tname}
			if err := w.hide("v", ts.Type, false); err != nil {
				return nil, fmt.Errorf("gen.%s: %w", tname, err)
			}
			rt.Plain = w.b.String()
			if st, ok := ts.Type.(*ast.StructType); ok {
				for _, f := range st.Fields.List {
					if name := jsonName(f); r.names[name] && len(f.Names) == 1 {
						rt.JSON = append(rt.JSON, name)
					}
				}
			}
		}
		out = append(out, rt)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// redactor knows which gen types hold something sensitive.
type redactor struct {
	names   map[string]bool // the JSON names of the x-sensitive properties
	gen     *genPackage
	reaches map[string]bool // the gen types that hold one, however deep
}

// findReaching fills r.reaches: the gen types (not aliases) one of whose
// fields is sensitive, or holds a gen type that is, through inline
// objects, pointers, slices and maps; and the unions one of whose
// branches is. It repeats until nothing changes, for types that hold
// each other.
func (r *redactor) findReaching() {
	for changed := true; changed; {
		changed = false
		for tname, ts := range r.gen.types {
			if r.reaches[tname] || ts.Assign.IsValid() {
				continue
			}
			var holds bool
			if isUnionStruct(ts) {
				for ref := range r.gen.refs[tname] {
					holds = holds || r.reaches[ref]
				}
			} else {
				holds = r.exprReaches(ts.Type)
			}
			if holds {
				r.reaches[tname] = true
				changed = true
			}
		}
	}
}

// exprReaches reports whether a value of the type e holds something
// sensitive, as far as r knows.
func (r *redactor) exprReaches(e ast.Expr) bool {
	switch t := e.(type) {
	case *ast.Ident:
		return r.reaches[t.Name]
	case *ast.StarExpr:
		return r.exprReaches(t.X)
	case *ast.ArrayType:
		return r.exprReaches(t.Elt)
	case *ast.MapType:
		return r.exprReaches(t.Value)
	case *ast.StructType:
		for _, f := range t.Fields.List {
			if r.names[jsonName(f)] || r.exprReaches(f.Type) {
				return true
			}
		}
	}
	return false
}

// fieldName is the name of a struct field: its own, or its type's when it
// is embedded.
func fieldName(f *ast.Field) (string, error) {
	if len(f.Names) == 1 {
		return f.Names[0].Name, nil
	}
	e := f.Type
	if st, ok := e.(*ast.StarExpr); ok {
		e = st.X
	}
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name, nil
	case *ast.SelectorExpr:
		return t.Sel.Name, nil
	}
	return "", fmt.Errorf("a field of %d names", len(f.Names))
}

// jsonName is the JSON name of a struct field, from its tag.
func jsonName(f *ast.Field) string {
	if f.Tag == nil {
		return ""
	}
	tag, _ := strconv.Unquote(f.Tag.Value)
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	return name
}

// hideWriter writes the statements that hide, in a copy of a value, what
// it holds that is sensitive. A slice, a map or a pointer is copied
// before anything under it changes: the value printed must stay as it was.
type hideWriter struct {
	r     *redactor
	self  string // the type whose hidden method is written, whose value is v
	b     strings.Builder
	depth int // the nesting of blocks, which also names the temporaries
}

func (w *hideWriter) line(format string, args ...any) {
	w.b.WriteString(strings.Repeat("\t", w.depth+1))
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

// hide writes what hides in x (an assignable expression of the type e)
// what it holds that is sensitive; with sensitive, x is itself the value
// of an x-sensitive field.
func (w *hideWriter) hide(x string, e ast.Expr, sensitive bool) error {
	if sensitive {
		switch kind := typeString(e); kind {
		case "string":
			w.line("%s = hideString(%s)", x, x)
		case "*string":
			w.line("%s = hideStringPtr(%s)", x, x)
		case "[]string":
			w.line("%s = hideStrings(%s)", x, x)
		case "*[]string":
			w.line("%s = hideStringsPtr(%s)", x, x)
		default:
			return fmt.Errorf("%s is sensitive but of type %s, which opgen cannot hide", x, kind)
		}
		return nil
	}
	if !w.r.exprReaches(e) {
		return nil
	}
	n := w.depth
	block := func(head string, body func() error, tail ...string) error {
		w.line("%s {", head)
		w.depth++
		if err := body(); err != nil {
			return err
		}
		for _, l := range tail {
			w.line("%s", l)
		}
		w.depth--
		w.line("}")
		return nil
	}
	switch t := e.(type) {
	case *ast.Ident:
		switch {
		case x == "v" && isUnionStruct(w.r.gen.types[t.Name]):
			w.line("v = %s{}", w.self) // a type defined as a union
		case x == "v":
			// A type defined as another (type ChangePasswordJSONRequestBody
			// ChangePasswordJSONBody) has none of its methods.
			w.line("u := %s(v)", t.Name)
			w.line("v = %s(u.hidden())", w.self)
		case isUnionStruct(w.r.gen.types[t.Name]):
			w.line("%s = %s{}", x, t.Name) // its raw JSON may hold anything
		default:
			w.line("%s = %s.hidden()", x, x)
		}
		return nil
	case *ast.StarExpr:
		c := fmt.Sprintf("c%d", n)
		return block("if "+x+" != nil", func() error {
			w.line("%s := *%s", c, x)
			return w.hide(c, t.X, false)
		}, x+" = &"+c)
	case *ast.ArrayType:
		if t.Len != nil {
			return fmt.Errorf("%s is an array, which opgen cannot hide", x)
		}
		c, i := fmt.Sprintf("c%d", n), fmt.Sprintf("i%d", n)
		return block("if "+x+" != nil", func() error {
			w.line("%s := slices.Clone(%s)", c, x)
			return block("for "+i+" := range "+c, func() error { return w.hide(c+"["+i+"]", t.Elt, false) })
		}, x+" = "+c)
	case *ast.MapType:
		c, k, el := fmt.Sprintf("c%d", n), fmt.Sprintf("k%d", n), fmt.Sprintf("e%d", n)
		return block("if "+x+" != nil", func() error {
			w.line("%s := maps.Clone(%s)", c, x)
			return block("for "+k+", "+el+" := range "+c, func() error { return w.hide(el, t.Value, false) }, c+"["+k+"] = "+el)
		}, x+" = "+c)
	case *ast.StructType:
		for _, f := range t.Fields.List {
			name, err := fieldName(f)
			if err != nil {
				return fmt.Errorf("%s: %w", x, err)
			}
			if err := w.hide(x+"."+name, f.Type, w.r.names[jsonName(f)]); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("%s is a %T, which opgen cannot hide", x, e)
}

// isUnionStruct reports whether ts is oapi-codegen's union: a struct whose
// only field is the unexported raw JSON "union".
func isUnionStruct(ts *ast.TypeSpec) bool {
	if ts == nil {
		return false
	}
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
// Format prints a {{.Name}} with {{with .JSON}}its sensitive fields
// ({{join . ", "}}) and {{end}}the secrets and personal data of what it
// holds shown as [redacted], with any verb.
func (v {{.Name}}) Format(f fmt.State, verb rune) {
	_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), plain{{.Name}}(v.hidden()))
}

// LogValue implements slog.LogValuer with what is sensitive hidden.
func (v {{.Name}}) LogValue() slog.Value {
	return slog.AnyValue(plain{{.Name}}(v.hidden()))
}

// plain{{.Name}} is a {{.Name}} without its Format and LogValue methods,
// which print it once its secrets are hidden (one type for both: each type
// costs every build of the models its type information).
type plain{{.Name}} {{.Name}}

// hidden returns a copy of v whose sensitive values, however deep, are
// [redacted]; v itself and what it points to do not change.
//
// Its receiver is a pointer, which it does not change, so that the
// compiler writes no pointer wrapper for it.
func (p *{{.Name}}) hidden() {{.Name}} {
	v := *p
{{.Plain}}	return v
}
{{- end}}
{{end}}
`
