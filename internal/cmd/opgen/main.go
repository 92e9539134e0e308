// Command opgen writes the storefront package's per-operation code from
// openapi.yaml: for every operation its descriptor (method, path template,
// credential, whether it may be resent), a request builder that turns Go
// arguments into the path, query, headers and body the spec describes, and
// — unless the operation's method is written by hand — the service method
// (taking call options, and filling in the shopper's own IDs on a Session)
// and, for paginated lists, an iterator over every item. It also re-exports
// the gen types those methods use, by alias, so that every model has one
// definition, each with a doc comment that lists its fields; and it writes
// nil-safe Get methods on gen's response models (-accessors), the printing
// methods of models that hold secrets (-redact), the fake server's routing
// table (-routes) and OPERATIONS.md (-table).
//
// Names come from oapi-codegen itself (the same configuration, the same name
// normaliser), so a builder's parameter and body types are exactly the types
// gen declares. Run through `go generate` in storefront/ (see generate.go).
// Its tests compare what it writes for testdata/spec.yaml with
// testdata/golden; -update rewrites them:
//
//	go test ./internal/cmd/opgen -run TestGoldenOutput -update
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
	var o options
	flag.StringVar(&o.config, "config", "opgen.yaml", "opgen's configuration")
	flag.StringVar(&o.spec, "spec", "../openapi.yaml", "the OpenAPI document")
	flag.StringVar(&o.codegen, "codegen", "../oapi-codegen.yaml", "oapi-codegen's configuration, for its naming")
	flag.StringVar(&o.gen, "gen", "../gen", "the directory of the generated gen package")
	flag.StringVar(&o.out, "out", ".", "where to write the generated files (the storefront package's directory)")
	flag.StringVar(&o.routes, "routes", "", "where to write the fake server's routing table (package storefronttest), if anywhere")
	flag.StringVar(&o.redact, "redact", "", "where to write the printing methods of gen's models that hold secrets or personal data (package gen), if anywhere")
	flag.StringVar(&o.accessors, "accessors", "", "where to write the nil-safe Get methods of gen's response models (package gen), if anywhere")
	flag.StringVar(&o.table, "table", "", "where to write the Markdown table of every operation and its Go method, if anywhere")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "opgen:", err)
		os.Exit(1)
	}
}

// options are opgen's inputs and the paths of its outputs.
type options struct {
	config, spec, codegen, gen string // inputs
	out                        string // the storefront package: its hand-written files are read, zz_*.gen.go written
	routes, redact, accessors  string // optional outputs
	table                      string
}

// config is opgen.yaml.
type config struct {
	Services    map[string]serviceConfig `yaml:"services"`
	Manual      []string                 `yaml:"manual"`
	Credentials []string                 `yaml:"credentials"`
	Own         []ownRule                `yaml:"own"`
	Aliases     []string                 `yaml:"aliases"`
}

type serviceConfig struct {
	Field   string `yaml:"field"`
	Type    string `yaml:"type"`
	Public  bool   `yaml:"public"`
	Session string `yaml:"session"` // "" for a shopper's Session, "pos" for a POSSession
}

// onPOS reports whether the service is a point-of-sale terminal's
// (POSSession's) rather than a shopper's.
func (c serviceConfig) onPOS() bool { return c.Session == "pos" }

// OnPOS is onPOS, for the templates.
func (c serviceConfig) OnPOS() bool { return c.onPOS() }

// SessionType is the Go type whose services the service is one of.
func (c serviceConfig) SessionType() string {
	if c.onPOS() {
		return "POSSession"
	}
	return "Session"
}

// ownRule names a parameter that stands for the session's own shopper:
// Param (a path parameter, or a required query parameter), on every path
// or only below Path, is the shopper's ID (user or customer).
type ownRule struct {
	Param string `yaml:"param"`
	Path  string `yaml:"path"`
	ID    string `yaml:"id"`
}

// codegenConfig is the part of oapi-codegen.yaml that names things.
type codegenConfig struct {
	codegen.Configuration `yaml:",inline"`
	OutputFile            string `yaml:"output,omitempty"`
}

// run generates every output and writes those that changed. Files of
// services that no longer exist are removed from o.out.
func run(o options) error {
	files, err := generate(o)
	if err != nil {
		return err
	}
	// Remove generated files of services that no longer exist.
	old, _ := filepath.Glob(filepath.Join(o.out, "zz_*.gen.go"))
	for _, f := range old {
		if _, keep := files[f]; !keep {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if cur, err := os.ReadFile(p); err == nil && bytes.Equal(cur, files[p]) {
			continue
		}
		if err := os.WriteFile(p, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// generate returns the content of every output, keyed by its path (the
// service files joined to o.out).
func generate(o options) (map[string][]byte, error) {
	var cfg config
	if err := readYAML(o.config, &cfg); err != nil {
		return nil, err
	}
	var cg codegenConfig
	if err := readYAML(o.codegen, &cg); err != nil {
		return nil, err
	}
	m, err := load(cfg, cg.Configuration, o.spec, o.gen, o.out)
	if err != nil {
		return nil, err
	}
	m.accessors = o.accessors != ""
	services, err := m.render()
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for name, b := range services {
		files[filepath.Join(o.out, name)] = b
	}
	// Every manual operation needs its hand-written method, found by the
	// "API:" line of its doc comment.
	byType := map[string]string{}
	for _, sc := range cfg.Services {
		byType[sc.Type] = sc.Field
	}
	hand, err := handMethods(o.out, byType)
	if err != nil {
		return nil, err
	}
	table, err := m.operationsTable(hand)
	if err != nil {
		return nil, err
	}
	if o.table != "" {
		files[o.table] = []byte("# Operations\n\nEvery operation of the Storefront API, point of sale included, the\n" +
			"method of `storefront.Session` (and `storefront.Client`) or, for the point of\n" +
			"sale, of `storefront.POSSession` that calls it, whether\n" +
			"`Client.Public` can send it with the API key alone, and whether it is resent\n" +
			"after a broken connection, a timeout or a 502/503/504 (a 429 is always\n" +
			"resent). Generated from openapi.yaml by internal/cmd/opgen; do not edit.\n\n" + table)
	}
	if o.redact != "" {
		types, err := m.redactedTypes()
		if err != nil {
			return nil, err
		}
		if files[o.redact], err = m.renderFile(filepath.Base(o.redact), redactTemplate, types); err != nil {
			return nil, err
		}
	}
	if o.accessors != "" {
		types, err := m.accessorTypes()
		if err != nil {
			return nil, err
		}
		if files[o.accessors], err = m.renderFile(filepath.Base(o.accessors), accessorsTemplate, types); err != nil {
			return nil, err
		}
	}
	if o.routes != "" {
		if files[o.routes], err = m.renderFile(filepath.Base(o.routes), routesTemplate, m.ops); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// load reads the spec and gen's source and describes every operation.
func load(cfg config, cg codegen.Configuration, specPath, genDir, outDir string) (*model, error) {
	loader := openapi3.NewLoader()
	spec, err := loader.LoadFromFile(specPath)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", specPath, err)
	}
	if err := spec.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("%s is not valid: %w", specPath, err)
	}
	// Generate sets oapi-codegen's naming state from its configuration;
	// its output is gen's business, not ours. It rewrites the operationIds
	// of the document it is given, so it gets a copy of its own.
	throwaway, err := openapi3.NewLoader().LoadFromFile(specPath)
	if err != nil {
		return nil, err
	}
	if _, err := codegen.Generate(throwaway, cg); err != nil {
		return nil, fmt.Errorf("oapi-codegen: %w", err)
	}
	defs, err := codegen.OperationDefinitions(spec)
	if err != nil {
		return nil, fmt.Errorf("oapi-codegen operations: %w", err)
	}

	genTypes, err := parseGen(genDir)
	if err != nil {
		return nil, err
	}
	m := &model{cfg: cfg, spec: spec, gen: genTypes, dir: outDir}
	if err := m.checkOwnRules(); err != nil {
		return nil, err
	}
	for i := range defs {
		op, err := m.operation(&defs[i])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", defs[i].SpecOperationId, err)
		}
		m.ops = append(m.ops, op)
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return m, nil
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
