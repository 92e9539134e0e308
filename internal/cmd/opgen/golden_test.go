package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/testbuild"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from opgen's output for testdata/spec.yaml")

// codegenPath is the repository's oapi-codegen configuration: the test
// spec's models are generated with the same naming and type mapping as
// the SDK's.
const codegenPath = "../../../oapi-codegen.yaml"

// genPackageFor writes gen's models for the spec at specPath, as `go
// generate` in gen would, into a new directory, and returns it.
// models are the gen models of a spec, generated once per test binary
// (oapi-codegen takes seconds under the race detector).
type models struct {
	once sync.Once
	code string
	err  error
}

var generatedModels sync.Map

func genPackageFor(t *testing.T, specPath string) string {
	t.Helper()
	e, _ := generatedModels.LoadOrStore(specPath, &models{})
	m := e.(*models)
	m.once.Do(func() {
		var cg codegenConfig
		if m.err = readYAML(codegenPath, &cg); m.err != nil {
			return
		}
		spec, err := openapi3.NewLoader().LoadFromFile(specPath)
		if err != nil {
			m.err = err
			return
		}
		m.code, m.err = codegen.Generate(spec, cg.Configuration)
	})
	require.NoError(t, m.err)
	code := m.code
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "models.gen.go"), []byte(code), 0o644))
	return dir
}

// goldenOptions generates every output of opgen for the test spec; the
// optional outputs are keyed by their own names.
func goldenOptions(genDir string) options {
	return options{
		config: "testdata/opgen.yaml", spec: "testdata/spec.yaml", codegen: codegenPath, gen: genDir, out: "testdata/hand",
		routes: "zz_routes.gen.go", accessors: "zz_accessors.gen.go", table: "OPERATIONS.md",
	}
}

// TestGoldenOutput generates the storefront code, the routing table, the
// accessors and the operations table of testdata/spec.yaml — a small spec
// with path, query and header parameters, a union body, a paginated list,
// read-only and x-sensitive properties, own IDs, a hand-written method, a
// credential call and an operation without credentials — and compares
// them with testdata/golden. Any change to the templates or to a decision
// of opgen shows here; run go test -run TestGoldenOutput -update to accept
// it, and read the diff.
func TestGoldenOutput(t *testing.T) {
	files, err := generate(goldenOptions(genPackageFor(t, "testdata/spec.yaml")))
	require.NoError(t, err)
	got := map[string][]byte{}
	for p, b := range files {
		got[filepath.Base(p)+".golden"] = b
	}
	old, err := filepath.Glob("testdata/golden/*.golden")
	require.NoError(t, err)
	if *update {
		for _, f := range old {
			require.NoError(t, os.Remove(f))
		}
		for name, b := range got {
			require.NoError(t, os.WriteFile(filepath.Join("testdata/golden", name), b, 0o644))
		}
		return
	}
	var names []string
	for _, f := range old {
		names = append(names, filepath.Base(f))
	}
	var want []string
	for name := range got {
		want = append(want, name)
	}
	sort.Strings(want)
	require.Equal(t, want, names, "the files opgen writes; run with -update")
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join("testdata/golden", name))
		require.NoError(t, err)
		assert.Equal(t, string(b), string(got[name]), "%s differs from opgen's output; run go test -run TestGoldenOutput -update and read the diff", name)
	}
}

// TestGoldenFilesCover checks that the test spec exercises what the golden
// files are meant to show, so that trimming the spec cannot quietly drop a
// case.
func TestGoldenFilesCover(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata/golden", name))
		require.NoError(t, err)
		return string(b)
	}
	ops := read("zz_operations.gen.go.golden")
	shop := read("zz_shop.gen.go.golden")
	catalog := read("zz_catalog.gen.go.golden")
	for _, want := range []string{
		`r.addQuery("tags", string(v))`,         // an exploded array in the query
		`r.setHeader("x-customer-group-id"`,     // a header parameter
		`customerGroup: true`,                   // … that WithCustomerGroup fills
		`r.setJSON(body.MarshalJSON())`,         // a union body marshals itself
		`readOnly: []string{"id", "tags[].id"}`, // read-only properties dropped before sending
		`sensitive: true`,                       // x-sensitive properties kept out of errors
		`submitsCredentials: true`,              // a credential call
		`auth: authNone`,                        // refresh carries its credential in the body
		`idempotent: true, service: "Shop"`,     // x-idempotent on a POST (apply-coupon)
		`strconv.Itoa(orderNumber)`,             // an integer path parameter
		"Deprecated: use CreateOrderBody.",      // the old body name kept
		"It holds one of Card or Upi",           // a union's doc
		"read-only (set by the API, left out of requests)",
		"sensitive (kept out of logs and errors)",
	} {
		assert.Contains(t, ops, want)
	}
	for _, want := range []string{
		"func (s *CatalogService) ListItemsAll(",       // a paginated list's iterator
		"func (s *PublicCatalogService) ListItemsAll(", // … on Client.Public too
	} {
		assert.Contains(t, catalog, want)
	}
	for _, want := range []string{
		"body CreateOrderBody, opts ...CallOption",           // the schema's name, and call options
		"s.s.own(ctx, ownUser, userID)",                      // a path own ID
		"s.s.own(ctx, ownCustomer, customerID)",              // a customer own ID
		"if p.UserID, err = s.s.own(ctx, ownUser, p.UserID)", // a query own ID, in the iterator
	} {
		assert.Contains(t, shop, want)
	}
	assert.NotContains(t, shop, "func (s *ShopService) Login(", "a manual operation's method is hand-written")
	assert.Contains(t, read("OPERATIONS.md.golden"), "`Shop.Login`")

	// A point-of-sale group: on POSServices, its methods without "Pos",
	// and no own IDs (a terminal's staff has no records of their own).
	counter := read("zz_pos_cart.gen.go.golden")
	assert.Contains(t, counter, "is the Counter group of the API on a POSSession")
	assert.Contains(t, counter, "func (s *CounterService) GetUserCart(ctx context.Context, userID string, opts ...CallOption)")
	assert.NotContains(t, counter, "s.s.own(")
	assert.Contains(t, ops, `service: "Cart", pos: true, goMethod: "GetUserCart"`)
	assert.Contains(t, ops, "type POSServices struct {\n\t// Cart is the Counter group.")
	assert.Contains(t, read("OPERATIONS.md.golden"), "`POSSession.Cart.GetUserCart`")
}

// TestGeneratedGenCodeCompiles type-checks the test spec's gen package
// with the accessors opgen writes into it.
func TestGeneratedGenCodeCompiles(t *testing.T) {
	dir := genPackageFor(t, "testdata/spec.yaml")
	opts := goldenOptions(dir)
	opts.accessors = filepath.Join(dir, "zz_accessors.gen.go")
	files, err := generate(opts)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(opts.accessors, files[opts.accessors], 0o644))

	// The chains the accessors exist for, through parts that may be
	// missing.
	chains := `package gen

var _ = func(c *CreateOrderContent, l *ListOrdersContent, i *GetItemContent) []any {
	return []any{
		c.Order.GetOrderNumber(),
		l.GetOrders()[0].GetStatus(),
		c.Order.ShippingAddress.GetGeo().GetLat(),
		c.Order.ShippingAddress.GetVerifiedBy().GetName(),
		i.Item.GetPrice(),
		i.Item.Attributes.GetMaterial(),
	}
}
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "chains.go"), []byte(chains), 0o644))
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, name := range []string{"models.gen.go", "zz_accessors.gen.go", "chains.go"} {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		require.NoError(t, err)
		parsed = append(parsed, f)
	}
	// Imports are read from the compiler's export data, which go list
	// -export builds once and keeps in the build cache (type-checking them
	// from source took 20 s under the race detector).
	conf := types.Config{Importer: importer.ForCompiler(fset, "gc", exportData)}
	_, err = conf.Check("gen", fset, parsed, nil)
	require.NoError(t, err)
}

// exportData opens the compiler's export data of the package path, built
// by go list -export (a cached build when nothing changed).
func exportData(path string) (io.ReadCloser, error) {
	out, err := exec.Command("go", testbuild.Args("list", "-export", "-f", "{{.Export}}", path)...).Output()
	if err != nil {
		return nil, fmt.Errorf("go list -export %s: %w", path, err)
	}
	return os.Open(strings.TrimSpace(string(out)))
}
