package gen

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

// codegenConfigs are the oapi-codegen configurations of the three packages
// generated from openapi.yaml: the models (this package), the typed client
// and the fake server's interfaces.
var codegenConfigs = []string{
	filepath.Join("..", "oapi-codegen.yaml"),
	filepath.Join("client", "oapi-codegen.yaml"),
	filepath.Join("..", "storefront", "storefronttest", "internal", "genserver", "oapi-codegen.yaml"),
}

// TestCodegenConfigsAgree checks that the client and the server interfaces
// are generated with the models' naming and type mapping: they name gen's
// types unqualified, so one config that spelled a type or an initialism
// differently would generate code that names a type gen does not have, or
// a number as float64 where gen has decimal.Decimal.
func TestCodegenConfigsAgree(t *testing.T) {
	type config struct {
		Package           string         `yaml:"package"`
		Generate          map[string]any `yaml:"generate"`
		OutputOptions     map[string]any `yaml:"output-options"`
		Compatibility     map[string]any `yaml:"compatibility"`
		AdditionalImports []struct {
			Package string `yaml:"package"`
			Alias   string `yaml:"alias"`
		} `yaml:"additional-imports"`
	}
	var models config
	for i, path := range codegenConfigs {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var c config
		if err := yaml.Unmarshal(b, &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(c.OutputOptions) == 0 {
			t.Fatalf("%s has no output-options", path)
		}
		if i == 0 {
			models = c
			if len(c.Generate) != 1 || c.Generate["models"] != true {
				t.Errorf("%s generates %v; package gen holds the models alone", path, c.Generate)
			}
			continue
		}
		if !reflect.DeepEqual(c.OutputOptions, models.OutputOptions) {
			t.Errorf("%s: output-options differ from %s's:\n%v\nwant\n%v", path, codegenConfigs[0], c.OutputOptions, models.OutputOptions)
		}
		if !reflect.DeepEqual(c.Compatibility, models.Compatibility) {
			t.Errorf("%s: compatibility differs from %s's: %v, want %v", path, codegenConfigs[0], c.Compatibility, models.Compatibility)
		}
		if c.Generate["models"] == true {
			t.Errorf("%s generates models: they are package gen's, one definition of each", path)
		}
		dotImportsGen := false
		for _, imp := range c.AdditionalImports {
			if imp.Package == "github.com/commercengine-go/sdk/gen" && imp.Alias == "." {
				dotImportsGen = true
			}
		}
		if !dotImportsGen {
			t.Errorf("%s does not dot-import package gen for the models", path)
		}
	}
}
