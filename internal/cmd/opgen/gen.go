package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// genPackage is what opgen knows of the gen package: its exported types,
// the constants of each type, and the identifiers each type's definition
// and methods mention, read from its source.
type genPackage struct {
	types   map[string]*ast.TypeSpec
	docs    map[string]string              // the doc comments of gen's types, by name
	consts  map[string][]string            // type → its constants
	refs    map[string]map[string]struct{} // type → gen types its definition and methods mention
	methods map[string][]string            // type → its exported methods, in file order
	imports map[string]string              // package name → import path, of gen's files
}

func parseGen(dir string) (*genPackage, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	g := &genPackage{types: map[string]*ast.TypeSpec{}, docs: map[string]string{}, consts: map[string][]string{}, refs: map[string]map[string]struct{}{}, methods: map[string][]string{}, imports: map[string]string{}}
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		// opgen's own outputs in gen (zz_*.gen.go) are not read: what it
		// writes depends on oapi-codegen's output alone.
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(filepath.Base(f), "zz_") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		parsed = append(parsed, af)
		for _, is := range af.Imports {
			path, err := strconv.Unquote(is.Path.Value)
			if err != nil {
				return nil, err
			}
			name := path[strings.LastIndexByte(path, '/')+1:]
			if is.Name != nil {
				name = is.Name.Name
			}
			g.imports[name] = path
		}
		for _, d := range af.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, s := range gd.Specs {
				ts := s.(*ast.TypeSpec)
				if ts.Name.IsExported() {
					g.types[ts.Name.Name] = ts
					// Only a type written by hand has a comment worth
					// repeating ("X defines model for X" is not).
					if ast.IsGenerated(af) {
						continue
					}
					if doc := ts.Doc; doc != nil {
						g.docs[ts.Name.Name] = doc.Text()
					} else if gd.Doc != nil && len(gd.Specs) == 1 {
						g.docs[ts.Name.Name] = gd.Doc.Text()
					}
				}
			}
		}
	}
	if len(g.types) == 0 {
		return nil, fmt.Errorf("no types in %s: generate gen first", dir)
	}
	for name, ts := range g.types {
		g.addRefs(name, ts.Type)
	}
	for _, af := range parsed {
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.CONST {
					continue
				}
				for _, s := range d.Specs {
					vs := s.(*ast.ValueSpec)
					id, ok := vs.Type.(*ast.Ident)
					if !ok || g.types[id.Name] == nil {
						continue
					}
					for _, n := range vs.Names {
						if n.IsExported() {
							g.consts[id.Name] = append(g.consts[id.Name], n.Name)
						}
					}
				}
			case *ast.FuncDecl:
				if d.Recv == nil || len(d.Recv.List) != 1 || !d.Name.IsExported() {
					continue
				}
				recv := d.Recv.List[0].Type
				if st, ok := recv.(*ast.StarExpr); ok {
					recv = st.X
				}
				if id, ok := recv.(*ast.Ident); ok && g.types[id.Name] != nil {
					g.addRefs(id.Name, d.Type)
					g.methods[id.Name] = append(g.methods[id.Name], d.Name.Name)
				}
			}
		}
	}
	for t := range g.consts {
		sort.Strings(g.consts[t])
	}
	return g, nil
}

func (g *genPackage) has(name string) bool { return g.types[name] != nil }

// aliasOf returns the type an alias declaration of gen names
// ("type CreateCartJSONRequestBody = CreateCartBody" → CreateCartBody), or
// "" when name is a type of its own.
func (g *genPackage) aliasOf(name string) string {
	ts := g.types[name]
	if ts == nil || !ts.Assign.IsValid() {
		return ""
	}
	if id, ok := ts.Type.(*ast.Ident); ok && g.types[id.Name] != nil {
		return id.Name
	}
	return ""
}

// structOf returns the struct of a gen type, or nil for any other type.
func (g *genPackage) structOf(name string) *ast.StructType {
	ts := g.types[name]
	if ts == nil || ts.Assign.IsValid() {
		return nil
	}
	st, _ := ts.Type.(*ast.StructType)
	return st
}

// holdsUnion reports whether a struct holds a oneOf or anyOf the way
// oapi-codegen does: an unexported field union json.RawMessage, read and
// written by the type's As…/From… methods.
func holdsUnion(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			if n.Name == "union" {
				return true
			}
		}
	}
	return false
}

func (g *genPackage) addRefs(name string, n ast.Node) {
	set := g.refs[name]
	if set == nil {
		set = map[string]struct{}{}
		g.refs[name] = set
	}
	var inspect func(ast.Node) bool
	inspect = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			return false // a type of another package
		case *ast.Field:
			// A field's (or parameter's) name is no reference to a type
			// that shares it: a struct's OTPAction field is not gen.OTPAction.
			ast.Inspect(n.Type, inspect)
			return false
		case *ast.Ident:
			if n.Name != name && g.types[n.Name] != nil {
				set[n.Name] = struct{}{}
			}
		}
		return true
	}
	ast.Inspect(n, inspect)
}

// closure returns roots and every gen type they mention, transitively,
// sorted.
func (g *genPackage) closure(roots []string) []string {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(t string) {
		if seen[t] || g.types[t] == nil {
			return
		}
		seen[t] = true
		for r := range g.refs[t] {
			visit(r)
		}
	}
	for _, r := range roots {
		visit(r)
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
