// Command ownmerge rewrites the models oapi-codegen wrote into gen so that
// they do not import github.com/oapi-codegen/runtime: the union types'
// From… and Merge… methods call runtime.JSONMerge, the only thing of the
// runtime the models use, and every program that imports storefront would
// compile the runtime and its dependencies (uuid, go-jsonmerge) for it —
// 1.3 s of CPU in a cold build, a sixth of the SDK's. The calls are pointed
// at gen's own jsonMerge (gen/jsonmerge.go) and the import is dropped.
//
// It runs after oapi-codegen in gen's go:generate. It refuses to write
// anything when the file uses any other part of the runtime, so that a new
// oapi-codegen cannot bring the dependency back unnoticed.
//
//	go run ../internal/cmd/ownmerge -file storefront.gen.go
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

const (
	runtimePath = "github.com/oapi-codegen/runtime"
	replacement = "jsonMerge" // gen/jsonmerge.go
)

func main() {
	file := flag.String("file", "", "the generated Go file to rewrite in place")
	flag.Parse()
	if *file == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: ownmerge -file storefront.gen.go")
		os.Exit(2)
	}
	src, err := os.ReadFile(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ownmerge:", err)
		os.Exit(1)
	}
	out, n, err := rewrite(*file, src)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ownmerge: %s: %v\n", *file, err)
		os.Exit(1)
	}
	if bytes.Equal(out, src) {
		return
	}
	if err := os.WriteFile(*file, out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "ownmerge:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "ownmerge: %s: %d calls of runtime.JSONMerge now call %s\n", *file, n, replacement)
}

// rewrite returns src with every runtime.JSONMerge call pointed at
// jsonMerge and the runtime's import gone, and how many calls it changed.
// A file that does not import the runtime comes back unchanged.
func rewrite(name string, src []byte) ([]byte, int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, 0, err
	}
	local, importName := "", "" // the runtime's name in the file; the import's own name, if it gives one
	for _, imp := range f.Imports {
		if strings.Trim(imp.Path.Value, `"`) != runtimePath {
			continue
		}
		local = "runtime"
		if imp.Name != nil {
			local, importName = imp.Name.Name, imp.Name.Name
		}
	}
	if local == "" {
		return src, 0, nil
	}
	if obj := f.Scope.Lookup(replacement); obj != nil {
		return nil, 0, fmt.Errorf("the file declares %s itself", replacement)
	}
	n := 0
	others := map[string]bool{}
	astutil.Apply(f, func(c *astutil.Cursor) bool {
		sel, ok := c.Node().(*ast.SelectorExpr)
		if !ok {
			return true
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok || x.Name != local || x.Obj != nil { // x.Obj != nil: a local variable of that name
			return true
		}
		if sel.Sel.Name != "JSONMerge" {
			others[sel.Sel.Name] = true
			return true
		}
		c.Replace(&ast.Ident{NamePos: sel.Pos(), Name: replacement})
		n++
		return false
	}, nil)
	if len(others) > 0 {
		names := make([]string, 0, len(others))
		for name := range others {
			names = append(names, local+"."+name)
		}
		sort.Strings(names)
		return nil, 0, fmt.Errorf("uses %s of %s besides JSONMerge: the models would need the runtime again; generate them where users do not compile them, or give gen its own version", strings.Join(names, ", "), runtimePath)
	}
	astutil.DeleteNamedImport(fset, f, importName, runtimePath)
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), n, nil
}
