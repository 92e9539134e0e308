package sdk_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyDirection keeps the import graph the design asks for:
// gen ← api ← storefronttest and gen ← storefront, with kin-openapi only
// behind api, so that programs using the SDK never compile it.
func TestDependencyDirection(t *testing.T) {
	const mod = "github.com/commercengine-go/sdk"
	// A forbidden entry ending in "/..." also forbids every package below it.
	rules := []struct {
		pkg       string
		forbidden []string
	}{
		{"./gen", []string{"github.com/getkin/kin-openapi/...", mod + "/api", mod + "/storefront/..."}},
		{"./storefront", []string{"github.com/getkin/kin-openapi/...", "github.com/oasdiff/...", mod + "/api", mod + "/storefront/storefronttest"}},
		{"./storefront/storefronttest", []string{mod + "/storefront", "github.com/oasdiff/..."}},
		{"./api", []string{mod + "/storefront/...", "github.com/oasdiff/..."}},
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
