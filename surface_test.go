package sdk_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// publicPackages are the packages users import.
var publicPackages = []string{"storefront", "storefront/storefronttest", "storefront/web", "storefront/redisstore", "api", "decimal", "gen"}

// TestNoUnexportedTypeInThePublicAPI: no exported function, method, field
// or type of a public package names an unexported type of its package (as
// `type Option func(*config) error` did), which a user could neither
// declare nor look up in the documentation.
func TestNoUnexportedTypeInThePublicAPI(t *testing.T) {
	for _, dir := range publicPackages {
		fset := token.NewFileSet()
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, leak := range unexportedInSurface(f) {
				t.Errorf("%s: %s", fset.Position(leak.Pos()), leak.Name)
			}
		}
	}
}

// unexportedInSurface returns the unexported type names that f's exported
// declarations show.
func unexportedInSurface(f *ast.File) []*ast.Ident {
	var leaks []*ast.Ident
	show := func(e ast.Expr) {
		if e != nil {
			leaks = append(leaks, unexportedNames(e)...)
		}
	}
	showFields := func(fl *ast.FieldList, exportedOnly bool) {
		if fl == nil {
			return
		}
		for _, field := range fl.List {
			if exportedOnly && !anyExported(field.Names) && !embeddedExported(field) {
				continue
			}
			show(field.Type)
		}
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() || (d.Recv != nil && !receiverExported(d.Recv)) {
				continue
			}
			showFields(d.Type.Params, false)
			showFields(d.Type.Results, false)
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					switch ty := s.Type.(type) {
					case *ast.StructType:
						showFields(ty.Fields, true)
					case *ast.InterfaceType:
						showFields(ty.Methods, true)
					default:
						show(ty)
					}
				case *ast.ValueSpec:
					if anyExported(s.Names) {
						show(s.Type)
					}
				}
			}
		}
	}
	return leaks
}

// unexportedNames returns the unqualified lower-case identifiers of a type
// expression that are not predeclared types.
func unexportedNames(e ast.Expr) []*ast.Ident {
	var out []*ast.Ident
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			return false // pkg.Name: another package's exported name
		case *ast.Field:
			// Parameter names inside a func type are not types.
			if n.Type != nil {
				out = append(out, unexportedNames(n.Type)...)
			}
			return false
		case *ast.Ident:
			if !n.IsExported() && !predeclared[n.Name] {
				out = append(out, n)
			}
		}
		return true
	})
	return out
}

var predeclared = map[string]bool{
	"any": true, "bool": true, "byte": true, "comparable": true, "complex64": true, "complex128": true,
	"error": true, "float32": true, "float64": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "rune": true, "string": true, "uint": true, "uint8": true, "uint16": true, "uint32": true,
	"uint64": true, "uintptr": true,
}

func anyExported(names []*ast.Ident) bool {
	for _, n := range names {
		if n.IsExported() {
			return true
		}
	}
	return false
}

// embeddedExported reports whether field is an embedded exported type.
func embeddedExported(field *ast.Field) bool {
	if len(field.Names) > 0 {
		return false
	}
	t := field.Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch t := t.(type) {
	case *ast.Ident:
		return t.IsExported()
	case *ast.SelectorExpr:
		return true
	}
	return false
}

func receiverExported(recv *ast.FieldList) bool {
	t := recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch t := t.(type) {
	case *ast.Ident:
		return t.IsExported()
	case *ast.IndexExpr:
		id, ok := t.X.(*ast.Ident)
		return ok && id.IsExported()
	}
	return false
}

// The check itself finds what the issue reported.
func TestUnexportedInSurfaceFindsOptionOfConfig(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", `package x
type config struct{}
type Option func(*config) error
type Fine struct{ A string; b config }
func New(opts ...Option) *Fine { return nil }
func Leak(c config) {}
func (f *Fine) Get() (config, error) { return config{}, nil }
func (f *Fine) ok(c config) {}
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, id := range unexportedInSurface(f) {
		names = append(names, id.Name)
	}
	if strings.Join(names, ",") != "config,config,config" {
		t.Fatalf("found %v, want config in Option, Leak and Get", names)
	}
}
