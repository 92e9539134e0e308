package main

import (
	"fmt"
	"go/ast"
	"sort"
	"strings"
)

// Accessors: protobuf-style Get methods on gen's response models, so that
// a result reads without a pointer dance — placed.Order.GetOrderNumber(),
// shipments.GetShipments()[0].GetStatus() — where absent simply means zero.
// The pointer fields stay: a caller who needs to tell null or absent from
// zero reads the field itself. Every Get method is nil-safe, so a chain
// through an absent object yields zero values instead of a panic.
//
// Only the models an answer can hold get them (the closure of every
// operation's content type and of the models opgen.yaml re-exports): they
// are what users read, and gen is what every user compiles.

// accessorType is a gen struct and its Get methods.
type accessorType struct {
	Name    string
	All     bool // every field has one (the struct may be reached through a nil pointer)
	Getters []getter
}

// getter is one Get method: Get<Field> returning Result.
type getter struct {
	Field  string
	Result string // the method's result type
	// How the field is read: "value" (the field as it is), "deref" (a
	// pointer field's value, zero when nil), "pointer" (a pointer field
	// to a struct with Get methods of its own, returned as is), "address"
	// (the address of a struct field that has Get methods).
	Read string
}

// accessorRoots are the models an answer can hold.
func (m *model) accessorRoots() []string {
	roots := append([]string{"Pagination"}, m.cfg.Aliases...)
	for _, o := range m.ops {
		if o.ContentType != "" {
			roots = append(roots, o.ContentType)
		}
	}
	return roots
}

// accessorSet is every struct that gets Get methods: those in the closure
// of accessorRoots with at least one exported field. The value says
// whether every field gets one (the struct can be reached through a nil
// pointer, so a chain needs them all to be nil-safe) or only its pointer
// fields (the struct is only ever held by value: its other fields read as
// they are).
func (m *model) accessorSet() map[string]bool {
	set := map[string]bool{}
	for _, t := range m.gen.closure(m.accessorRoots()) {
		if st := m.gen.structOf(t); st != nil && len(exportedFields(st)) > 0 {
			set[t] = false
		}
	}
	for t := range set {
		for _, f := range exportedFields(m.gen.structOf(t)) {
			e := f.typ
			if a, ok := e.(*ast.ArrayType); ok {
				e = a.Elt // []*T: an item may be nil
			}
			if star, ok := e.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok {
					if _, in := set[id.Name]; in {
						set[id.Name] = true
					}
				}
			}
		}
	}
	return set
}

// accessorTypes describes the Get methods of every type of accessorSet:
// for a pointer field, one that reads through the pointer; and on a struct
// that may be reached through a nil pointer, one for every other field
// too: one that returns a pointer to a struct with Get methods as it is,
// the address of such a struct held by value, or the field.
func (m *model) accessorTypes() (*accessorFile, error) {
	set := m.accessorSet()
	names := make([]string, 0, len(set))
	for t := range set {
		names = append(names, t)
	}
	sort.Strings(names)
	file := &accessorFile{}
	pkgs := map[string]bool{}
	for _, t := range names {
		st := m.gen.structOf(t)
		at := accessorType{Name: t, All: set[t]}
		taken := map[string]bool{}
		for _, meth := range m.gen.methods[t] {
			taken[meth] = true
		}
		for _, f := range exportedFields(st) {
			taken[f.name] = true
		}
		for _, f := range exportedFields(st) {
			g := getter{Field: f.name}
			switch typ := f.typ.(type) {
			case *ast.StarExpr:
				if id, ok := typ.X.(*ast.Ident); ok && hasKey(set, id.Name) {
					g.Result, g.Read = exprString(typ), "pointer"
				} else {
					g.Result, g.Read = exprString(typ.X), "deref"
				}
			case *ast.Ident:
				if hasKey(set, typ.Name) {
					g.Result, g.Read = "*"+typ.Name, "address"
				} else {
					g.Result, g.Read = typ.Name, "value"
				}
			default:
				g.Result, g.Read = exprString(typ), "value"
			}
			if g.Read != "deref" && !set[t] {
				// A struct held by value only is never nil: its field
				// reads the same as it is.
				continue
			}
			if name := "Get" + f.name; taken[name] {
				return nil, fmt.Errorf("gen.%s already has a field or method %s: its field %s gets no accessor", t, name, f.name)
			}
			ast.Inspect(f.typ, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok {
						pkgs[id.Name] = true
					}
					return false
				}
				return true
			})
			at.Getters = append(at.Getters, g)
		}
		if len(at.Getters) > 0 {
			file.Types = append(file.Types, at)
		}
	}
	for name := range pkgs {
		path, ok := m.gen.imports[name]
		if !ok {
			return nil, fmt.Errorf("gen refers to package %s, which none of its files imports", name)
		}
		file.Imports = append(file.Imports, importSpec{Name: name, Path: path})
	}
	sort.Slice(file.Imports, func(i, j int) bool { return file.Imports[i].Path < file.Imports[j].Path })
	return file, nil
}

func hasKey(m map[string]bool, k string) bool {
	_, ok := m[k]
	return ok
}

type accessorFile struct {
	Imports []importSpec
	Types   []accessorType
}

type importSpec struct{ Name, Path string }

// Alias is the import's name when the path's last element is not it.
func (i importSpec) Alias() string {
	if i.Path[strings.LastIndexByte(i.Path, '/')+1:] == i.Name {
		return ""
	}
	return i.Name
}

type structField struct {
	name string
	typ  ast.Expr
}

func exportedFields(st *ast.StructType) []structField {
	var out []structField
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			if n.IsExported() {
				out = append(out, structField{n.Name, f.Type})
			}
		}
	}
	return out
}

const accessorsTemplate = `package gen

{{with .Imports}}import (
{{- range .}}
	{{with .Alias}}{{.}} {{end}}{{quote .Path}}
{{- end}}
)
{{end}}
// Get methods of the models the API answers with. Each returns its field,
// or the zero value when the field is nil or absent; a pointer to a model
// with Get methods of its own is returned as it is, so that a chain such
// as content.GetOrder().GetStatus() reads through an absent part without a
// nil check. Every method is safe on a nil receiver. To tell an absent or
// null field from a zero one, read the field.
{{range .Types}}{{$t := .Name}}
{{- range .Getters}}
// Get{{.Field}} returns {{if eq .Read "deref"}}*t.{{.Field}}, or its zero value when t or t.{{.Field}} is nil{{else if eq .Read "address"}}&t.{{.Field}}, or nil when t is nil{{else}}t.{{.Field}}, or {{if eq .Read "pointer"}}nil{{else}}its zero value{{end}} when t is nil{{end}}.
func (t *{{$t}}) Get{{.Field}}() {{if eq .Read "value" "deref"}}(v {{.Result}}){{else}}{{.Result}}{{end}} {
{{- if eq .Read "value"}}
	if t != nil {
		v = t.{{.Field}}
	}
	return
{{- else if eq .Read "deref"}}
	if t != nil && t.{{.Field}} != nil {
		v = *t.{{.Field}}
	}
	return
{{- else}}
	if t == nil {
		return nil
	}
	return {{if eq .Read "address"}}&{{end}}t.{{.Field}}
{{- end}}
}
{{end}}
{{- end}}`
