package sdk_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/testbuild"
)

var update = flag.Bool("update", false, "rewrite README.md's Go blocks from the examples they quote")

// exampleMarker precedes a Go block of README.md and names the declaration
// it quotes: <!-- example: path/to/file_test.go Name -->.
var exampleMarker = regexp.MustCompile("(?m)^<!-- example: (\\S+) (\\S+) -->\n```go\n((?s).*?)```\n")

// TestREADMEGoBlocksAreRealCode keeps every Go snippet of the README a
// verbatim copy of a compiled, tested declaration: the body of an Example
// function (run by go test, output checked) or a type with its methods.
// Run with -update to copy them in after changing an example.
func TestREADMEGoBlocksAreRealCode(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	blocks := strings.Count(string(readme), "```go")
	matches := exampleMarker.FindAllSubmatchIndex(readme, -1)
	require.Equal(t, blocks, len(matches), "every Go block of README.md must be preceded by an example marker")

	var out bytes.Buffer
	last := 0
	for _, m := range matches {
		path, name := string(readme[m[2]:m[3]]), string(readme[m[4]:m[5]])
		got := string(readme[m[6]:m[7]])
		want := declarationSource(t, path, name)
		if *update {
			out.Write(readme[last:m[6]])
			out.WriteString(want)
			last = m[7]
			continue
		}
		assert.Equal(t, want, got, "README.md quotes %s %s; run go test -run TestREADME -update", path, name)
	}
	if *update {
		out.Write(readme[last:])
		require.NoError(t, os.WriteFile("README.md", out.Bytes(), 0o644))
	}
}

// declarationSource returns what README.md shows of a declaration: an
// Example function's body, unindented, or a type declaration followed by
// every function with that receiver, in file order.
func declarationSource(t *testing.T, path, name string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	require.NoError(t, err)
	text := func(n ast.Node) string {
		return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
	}
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == name && fn.Recv == nil {
			body := text(fn.Body)
			body = strings.TrimSuffix(strings.TrimPrefix(body, "{\n"), "}")
			var b strings.Builder
			for _, line := range strings.SplitAfter(body, "\n") {
				b.WriteString(strings.TrimPrefix(line, "\t"))
			}
			return b.String()
		}
	}
	var parts []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == name {
					parts = append(parts, docAndText(d.Doc, text(d)))
				}
			}
		case *ast.FuncDecl:
			if d.Recv != nil && receiverName(d.Recv) == name {
				parts = append(parts, docAndText(d.Doc, text(d)))
			}
		}
	}
	require.NotEmpty(t, parts, "%s declares no %s", path, name)
	return strings.Join(parts, "\n\n") + "\n"
}

func docAndText(doc *ast.CommentGroup, code string) string {
	if doc == nil {
		return code
	}
	var b strings.Builder
	for _, c := range doc.List {
		b.WriteString(c.Text + "\n")
	}
	return b.String() + code
}

func receiverName(fl *ast.FieldList) string {
	if len(fl.List) == 0 {
		return ""
	}
	switch t := fl.List[0].Type.(type) {
	case *ast.StarExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			return id.Name
		}
	case *ast.Ident:
		return t.Name
	}
	return ""
}

// TestREADMEQuickStart runs the README's two quick-start commands: the
// first for real, the second as make would (make -n: the test suite cannot
// run itself).
func TestREADMEQuickStart(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	quick := regexp.MustCompile("(?s)## Quick start.*?```sh\n(.*?)```").FindSubmatch(readme)
	require.NotNil(t, quick, "README.md has no Quick start shell block")
	cmds := strings.Split(strings.TrimSpace(string(quick[1])), "\n")
	require.Equal(t, []string{"go run ./cmd/storefront demo", "make test"}, cmds, "the quick start is exactly two commands")

	demo := exec.Command("go", testbuild.Args("run", "./cmd/storefront", "demo")...) // -race when this test is: its packages are compiled already
	out, err := demo.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "demo: 21/21 steps succeeded")

	if _, err := exec.LookPath("make"); err != nil {
		t.Fatalf("make is needed for the quick start: %v", err)
	}
	plan, err := exec.Command("make", "-n", "test").CombinedOutput()
	require.NoError(t, err, "%s", plan)
	assert.Regexp(t, `go test -race (-p \d+ )?\./\.\.\.`, string(plan), "every test with the race detector")
	lint, err := exec.Command("make", "-n", "lint").CombinedOutput()
	require.NoError(t, err, "%s", lint)
	assert.Contains(t, string(lint), "go vet ./...", "make lint runs every vet check")
}

// TestREADMECountsEveryOperation keeps what the README says of the API's
// size true: it links OPERATIONS.md, which opgen generates from the spec
// with a row per operation, and names that number of operations in its
// introduction and in its section on every operation.
func TestREADMECountsEveryOperation(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	ops, err := os.ReadFile("OPERATIONS.md")
	require.NoError(t, err)
	table := string(ops[bytes.Index(ops, []byte("| group |")):])
	rows := strings.Count(table, "\n| ") // the rows below the header
	require.Positive(t, rows)
	text := string(readme)
	assert.Contains(t, text, "[OPERATIONS.md](OPERATIONS.md)")
	intro := text[:strings.Index(text, "## Quick start")]
	assert.Contains(t, intro, fmt.Sprintf("%d in all", rows), "the introduction counts the operations")
	every := text[strings.Index(text, "## Every operation"):]
	every = every[:strings.Index(every[1:], "\n## ")+1]
	assert.Contains(t, every, fmt.Sprintf("the %d operations", rows), "the section on every operation counts them")
}
