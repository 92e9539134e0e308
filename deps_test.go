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
	rules := []struct {
		pkg       string
		forbidden []string
	}{
		{"./gen", []string{"github.com/getkin/kin-openapi", "github.com/commercengine-go/sdk/api", "github.com/commercengine-go/sdk/storefront"}},
		{"./storefront", []string{"github.com/getkin/kin-openapi", "github.com/commercengine-go/sdk/api", "github.com/commercengine-go/sdk/storefront/storefronttest"}},
		{"./storefront/storefronttest", []string{"github.com/commercengine-go/sdk/storefront"}},
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-deps", r.pkg).CombinedOutput()
		if err != nil {
			if strings.Contains(string(out), "matched no packages") || strings.Contains(string(out), "directory not found") {
				t.Logf("%s does not exist yet", r.pkg)
				continue
			}
			t.Fatalf("go list -deps %s: %v\n%s", r.pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, f := range r.forbidden {
				if dep == f || strings.HasPrefix(dep, f+"/") {
					t.Errorf("%s imports %s", r.pkg, dep)
				}
			}
		}
	}
}
