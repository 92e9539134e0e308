package sdk_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/commercengine-go/sdk/internal/testbuild"
)

// TestDependencyDirection keeps the import graph the design asks for:
// gen ← api ← storefronttest and gen ← storefront, with kin-openapi only
// behind api, so that programs using the SDK never compile it; and what a
// user compiles stays lean: gen is the models alone, and a program on
// storefront, storefront/web or storefront/redisstore compiles neither the
// typed low-level client (gen/client) nor the fake's server interfaces
// (storefronttest/internal/genserver), and none of oapi-codegen's runtime
// (gen has its own JSON merge and CalendarDate; 1.3 s of a cold build).
func TestDependencyDirection(t *testing.T) {
	const mod = "github.com/commercengine-go/sdk"
	// A forbidden entry ending in "/..." also forbids every package below it.
	rules := []struct {
		pkg       string
		forbidden []string
	}{
		// mod itself is the root package, which holds tools.go: importing it
		// would put the code generator in a user's module graph.
		{"./gen", []string{mod, "github.com/oapi-codegen/...", "github.com/google/uuid", "github.com/getkin/kin-openapi/...", mod + "/api", mod + "/storefront/...", mod + "/gen/client"}},
		{"./gen/client", []string{mod, "github.com/getkin/kin-openapi/...", mod + "/api", mod + "/storefront/..."}},
		{"./storefront", []string{mod, "github.com/oapi-codegen/...", "github.com/google/uuid", "github.com/getkin/kin-openapi/...", "github.com/oasdiff/...", mod + "/api", mod + "/storefront/storefronttest/...", mod + "/gen/client"}},
		{"./storefront/web", []string{mod, "github.com/oapi-codegen/...", "github.com/google/uuid", "github.com/getkin/kin-openapi/...", mod + "/api", mod + "/storefront/storefronttest/...", mod + "/gen/client"}},
		{"./storefront/redisstore", []string{mod, "github.com/oapi-codegen/...", "github.com/google/uuid", "github.com/getkin/kin-openapi/...", mod + "/api", mod + "/storefront/storefronttest/...", mod + "/gen/client"}},
		{"./storefront/storefronttest", []string{mod, mod + "/storefront", "github.com/oasdiff/..."}},
		{"./api", []string{mod, mod + "/storefront/...", "github.com/oasdiff/..."}},
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-deps", r.pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", r.pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, f := range r.forbidden {
				tree, isTree := strings.CutSuffix(f, "/...")
				if dep == tree || (isTree && strings.HasPrefix(dep, tree+"/")) {
					t.Errorf("%s imports %s", r.pkg, dep)
				}
			}
		}
	}
}

// TestUserModuleGraph builds a throwaway module that imports storefront,
// storefronttest and api, as a shop's back end and its tests would, and
// checks that `go mod tidy` leaves none of this module's tools in its
// go.mod: no code generator, no golang.org/x/tools, no oasdiff.
func TestUserModuleGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go mod tidy")
	}
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/shop\n\ngo 1.26\n\nrequire github.com/commercengine-go/sdk v0.0.0\n\nreplace github.com/commercengine-go/sdk => "+root+"\n")
	write("main.go", `package main

import (
	"fmt"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func main() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	c, err := storefront.New(srv.StoreID(), storefront.WithBaseURL(srv.BaseURL()))
	fmt.Println(c != nil, err, len(api.Operations()))
}
`)
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = dir
	tidy.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	// Compiled, not linked (go list -export compiles every package to give
	// its export data), and with -race when this test is: its packages are
	// compiled already.
	build := exec.Command("go", testbuild.Args("list", "-export", "-f", "{{.ImportPath}} {{.Export}}", "./...")...)
	build.Dir = dir
	build.Env = tidy.Env
	out, err := build.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "example.com/shop /") {
		t.Fatalf("compiling the user's program: %v\n%s", err, out)
	}
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"github.com/oapi-codegen/oapi-codegen", "golang.org/x/tools", "github.com/oasdiff/"} {
		if strings.Contains(string(gomod), tool) {
			t.Errorf("a user's go.mod requires %s:\n%s", tool, gomod)
		}
	}
	t.Logf("a user's go.mod:\n%s", gomod)
}
