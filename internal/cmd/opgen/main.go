// Command opgen writes the storefront package's per-operation code from
// openapi.yaml: for every operation its descriptor (method, path template,
// credential, whether it may be resent), a request builder that turns Go
// arguments into the path, query, headers and body the spec describes, and
// — unless the operation's method is written by hand — the service method
// and, for paginated lists, an iterator over every item. It also re-exports
// the gen types those methods use, by alias, so that every model has one
// definition.
//
// Names come from oapi-codegen itself (the same configuration, the same name
// normaliser), so a builder's parameter and body types are exactly the types
// gen declares. Run through `go generate` in storefront/:
//
//	go run ../internal/cmd/opgen -config opgen.yaml -spec ../openapi.yaml -codegen ../oapi-codegen.yaml -gen ../gen
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"go.yaml.in/yaml/v3"
)

func main() {
	var (
		configPath  = flag.String("config", "opgen.yaml", "opgen's configuration")
		specPath    = flag.String("spec", "../openapi.yaml", "the OpenAPI document")
		codegenPath = flag.String("codegen", "../oapi-codegen.yaml", "oapi-codegen's configuration, for its naming")
		genDir      = flag.String("gen", "../gen", "the directory of the generated gen package")
		outDir      = flag.String("out", ".", "where to write the generated files")
		routesPath  = flag.String("routes", "", "where to write the fake server's routing table (package storefronttest), if anywhere")
		redactPath  = flag.String("redact", "", "where to write the printing methods of gen's models that hold secrets or personal data (package gen), if anywhere")
		tablePath   = flag.String("table", "", "where to write the Markdown table of every operation and its Go method, if anywhere")
	)
	flag.Parse()
	if err := run(*configPath, *specPath, *codegenPath, *genDir, *outDir, *routesPath, *redactPath, *tablePath); err != nil {
		fmt.Fprintln(os.Stderr, "opgen:", err)
		os.Exit(1)
	}
}

// config is opgen.yaml.
type config struct {
	Services    map[string]serviceConfig `yaml:"services"`
	Manual      []string                 `yaml:"manual"`
	Credentials []string                 `yaml:"credentials"`
	Aliases     []string                 `yaml:"aliases"`
}

type serviceConfig struct {
	Field  string `yaml:"field"`
	Type   string `yaml:"type"`
	Public bool   `yaml:"public"`
}

// codegenConfig is the part of oapi-codegen.yaml that names things.
type codegenConfig struct {
	codegen.Configuration `yaml:",inline"`
	OutputFile            string `yaml:"output,omitempty"`
}

func run(configPath, specPath, codegenPath, genDir, outDir, routesPath, redactPath, tablePath string) error {
	var cfg config
	if err := readYAML(configPath, &cfg); err != nil {
		return err
	}
	var cg codegenConfig
	if err := readYAML(codegenPath, &cg); err != nil {
		return err
	}

	loader := openapi3.NewLoader()
	spec, err := loader.LoadFromFile(specPath)
	if err != nil {
		return fmt.Errorf("load %s: %w", specPath, err)
	}
	if err := spec.Validate(context.Background()); err != nil {
		return fmt.Errorf("%s is not valid: %w", specPath, err)
	}
	// Generate sets oapi-codegen's naming state from its configuration;
	// its output is gen's business, not ours. It rewrites the operationIds
	// of the document it is given, so it gets a copy of its own.
	throwaway, err := openapi3.NewLoader().LoadFromFile(specPath)
	if err != nil {
		return err
	}
	if _, err := codegen.Generate(throwaway, cg.Configuration); err != nil {
		return fmt.Errorf("oapi-codegen: %w", err)
	}
	defs, err := codegen.OperationDefinitions(spec)
	if err != nil {
		return fmt.Errorf("oapi-codegen operations: %w", err)
	}

	genTypes, err := parseGen(genDir)
	if err != nil {
		return err
	}
	m := &model{cfg: cfg, spec: spec, gen: genTypes}
	for i := range defs {
		op, err := m.operation(&defs[i])
		if err != nil {
			return fmt.Errorf("%s: %w", defs[i].SpecOperationId, err)
		}
		m.ops = append(m.ops, op)
	}
	if err := m.check(); err != nil {
		return err
	}
	files, err := m.render()
	if err != nil {
		return err
	}
	// Every manual operation needs its hand-written method, found by the
	// "API:" line of its doc comment.
	services := map[string]string{}
	for _, sc := range cfg.Services {
		services[sc.Type] = sc.Field
	}
	hand, err := handMethods(outDir, services)
	if err != nil {
		return err
	}
	table, err := m.operationsTable(hand)
	if err != nil {
		return err
	}
	if tablePath != "" {
		doc := "# Operations\n\nEvery operation of the Storefront API, point of sale included, the\n" +
			"method of `storefront.Session` (and `storefront.Client`) that calls it, whether\n" +
			"`Client.Public` can send it with the API key alone, and whether it is resent\n" +
			"after a broken connection, a timeout or a 502/503/504 (a 429 is always\n" +
			"resent). Generated from openapi.yaml by internal/cmd/opgen; do not edit.\n\n" + table
		if cur, err := os.ReadFile(tablePath); err != nil || string(cur) != doc {
			if err := os.WriteFile(tablePath, []byte(doc), 0o644); err != nil {
				return err
			}
		}
	}
	if redactPath != "" {
		types, err := m.redactedTypes()
		if err != nil {
			return err
		}
		b, err := m.renderFile(filepath.Base(redactPath), redactTemplate, types)
		if err != nil {
			return err
		}
		if cur, err := os.ReadFile(redactPath); err != nil || !bytes.Equal(cur, b) {
			if err := os.WriteFile(redactPath, b, 0o644); err != nil {
				return err
			}
		}
	}
	if routesPath != "" {
		b, err := m.renderFile(filepath.Base(routesPath), routesTemplate, m.ops)
		if err != nil {
			return err
		}
		if cur, err := os.ReadFile(routesPath); err != nil || !bytes.Equal(cur, b) {
			if err := os.WriteFile(routesPath, b, 0o644); err != nil {
				return err
			}
		}
	}
	// Remove generated files of services that no longer exist.
	old, _ := filepath.Glob(filepath.Join(outDir, "zz_*.gen.go"))
	for _, f := range old {
		if _, keep := files[filepath.Base(f)]; !keep {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(outDir, name)
		if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, files[name]) {
			continue
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func readYAML(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// lowerFirst makes a Go identifier unexported: ListProducts → listProducts,
// ID → id, URLPath → urlPath.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	// Lower the leading run of capitals, except the last one when a
	// lower-case letter follows it (URLPath → urlPath).
	r := []rune(s)
	n := 0
	for n < len(r) && r[n] >= 'A' && r[n] <= 'Z' {
		n++
	}
	switch {
	case n == 0:
		return s
	case n == 1 || n == len(r):
		n = max(n, 1)
	default:
		if r[n] >= 'a' && r[n] <= 'z' {
			n--
		}
	}
	return strings.ToLower(string(r[:n])) + string(r[n:])
}
