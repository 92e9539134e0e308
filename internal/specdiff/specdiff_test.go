package specdiff

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// want is a change a fixture must produce, matched on everything but the
// comment; Text must contain text.
type want struct {
	op       Operation
	area     Area
	breaking bool
	rule     string
	text     string
}

func TestCompareFixtures(t *testing.T) {
	anonymous := Operation{Method: "POST", Path: "/auth/anonymous", OperationID: "get-anonymous-token"}
	loginEmail := Operation{Method: "POST", Path: "/auth/login/email", OperationID: "login-with-email"}
	deactivate := Operation{Method: "PUT", Path: "/auth/user/{id}/deactivate", OperationID: "deactivate-user"}
	claim := Operation{Method: "POST", Path: "/pos/devices/{id}/claim", OperationID: "claim-pos-device"}
	posOrder := Operation{Method: "POST", Path: "/pos/orders", OperationID: "create-pos-order"}
	reactivate := Operation{Method: "PUT", Path: "/auth/user/{id}/reactivate", OperationID: "reactivate-user"}

	renamed := []want{
		{anonymous, AreaResponses, true, "response-required-property-removed", "removed the required property `content/user/id` from the response with the `200` status"},
		{anonymous, AreaResponses, false, "response-required-property-added", "added the required property `content/user/user_id` to the response with the `200` status"},
	}
	newRequired := []want{
		{loginEmail, AreaRequestBody, true, "new-required-request-property", "`captcha_token`"},
	}

	tests := []struct {
		base, upstream string
		added, removed []Operation
		changes        []want
	}{
		{base: basePath, upstream: "unchanged.json"},
		{base: basePath, upstream: "unchanged-3.1.yaml"},
		// Point of sale is compared like every other group.
		{base: basePath, upstream: "pos-removed-operation.yaml", removed: []Operation{claim}, changes: []want{
			{claim, AreaOperation, true, "api-path-removed-without-deprecation", "api path removed without deprecation"},
		}},
		{base: basePath, upstream: "pos-new-required-field.yaml", changes: []want{
			{posOrder, AreaRequestBody, true, "new-required-request-property", "`register_id`"},
		}},
		{base: basePath, upstream: "renamed-field.yaml", changes: renamed},
		{base: basePath, upstream: "new-required-field.yaml", changes: newRequired},
		{base: basePath, upstream: "removed-operation.yaml", removed: []Operation{deactivate}, changes: []want{
			{deactivate, AreaOperation, true, "api-path-removed-without-deprecation", "api path removed without deprecation"},
		}},
		{base: basePath, upstream: "added-operation.yaml", added: []Operation{reactivate}, changes: []want{
			{reactivate, AreaOperation, false, "endpoint-added", "endpoint added"},
		}},
		// The same changes, seen from a base in another format or version.
		{base: "testdata/unchanged-3.1.yaml", upstream: "renamed-field.yaml", changes: renamed},
		{base: "testdata/unchanged.json", upstream: "new-required-field.yaml", changes: newRequired},
		{base: "testdata/unchanged.json", upstream: "pos-removed-operation.yaml", removed: []Operation{claim}, changes: []want{
			{claim, AreaOperation, true, "api-path-removed-without-deprecation", "api path removed without deprecation"},
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.base)+"→"+tt.upstream, func(t *testing.T) {
			t.Parallel()
			r, err := Compare(loaded(t, tt.base), loaded(t, filepath.Join("testdata", tt.upstream)))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(r.Added, tt.added) {
				t.Errorf("Added = %v, want %v", r.Added, tt.added)
			}
			if !slices.Equal(r.Removed, tt.removed) {
				t.Errorf("Removed = %v, want %v", r.Removed, tt.removed)
			}
			if len(r.Changes) != len(tt.changes) {
				t.Errorf("got %d changes, want %d:\n%s", len(r.Changes), len(tt.changes), text(t, r))
			}
			for i, w := range tt.changes {
				if i >= len(r.Changes) {
					break
				}
				c := r.Changes[i]
				if c.Operation != w.op || c.Area != w.area || c.Breaking != w.breaking || c.Rule != w.rule || !strings.Contains(c.Text, w.text) {
					t.Errorf("change %d = %+v\nwant %+v", i, c, w)
				}
				if wantLevel := (c.Level == LevelError || c.Level == LevelWarning); c.Breaking != wantLevel {
					t.Errorf("change %d: Breaking %v with level %s", i, c.Breaking, c.Level)
				}
			}
			wantBreaking := slices.ContainsFunc(tt.changes, func(w want) bool { return w.breaking })
			if r.HasBreaking() != wantBreaking {
				t.Errorf("HasBreaking() = %v, want %v", r.HasBreaking(), wantBreaking)
			}
			if r.Empty() != (len(tt.changes) == 0) {
				t.Errorf("Empty() = %v with %d changes", r.Empty(), len(tt.changes))
			}
		})
	}
}

// TestCompareWholeSpec compares the whole of openapi.yaml, loaded twice, with
// itself: every path loads and compares clean. The other comparisons are of
// base.yaml, openapi.yaml pruned to a few paths.
func TestCompareWholeSpec(t *testing.T) {
	t.Parallel()
	again, err := Load(specPath) // not the shared one: two loads of the file
	if err != nil {
		t.Fatal(err)
	}
	r, err := Compare(loaded(t, specPath), again)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Empty() {
		t.Errorf("openapi.yaml differs from itself:\n%s", text(t, r))
	}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	t.Run("3.1", func(t *testing.T) {
		d, err := Load("testdata/unchanged-3.1.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if d.OpenAPI != "3.1.0" || d.Version != "1.0.0" {
			t.Errorf("OpenAPI %q, Version %q; want 3.1.0, 1.0.0", d.OpenAPI, d.Version)
		}
		// The 3.1 type array was read as such: User.first_name may be null.
		first := d.info.Spec.Components.Schemas["User"].Value.Properties["first_name"].Value
		if !first.Type.Includes("null") || !first.Type.Includes("string") {
			t.Errorf("User.first_name has type %v, want string and null", first.Type)
		}
	})
	t.Run("the point-of-sale group is loaded", func(t *testing.T) {
		d := loaded(t, specPath)
		if d.info.Spec.Paths.Value("/pos/carts/{id}") == nil {
			t.Fatal("/pos/carts/{id} was not loaded")
		}
	})
	for _, tt := range []struct{ name, path, content, want string }{
		{"missing", "nope.yaml", "", "no such file"},
		{"URL", "https://example.invalid/openapi.json", "", "download it first"},
		{"directory", ".", "", "is a directory"},
		{"not OpenAPI", "notes.yaml", "just: text\n", "not an OpenAPI 3 document"},
		{"swagger 2", "swagger.json", `{"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {}}`, "not an OpenAPI 3 document"},
		{"broken YAML", "broken.yaml", "openapi: 3.0.3\npaths: [\n", "load"},
		{"remote $ref", "remote.yaml", remoteRef, "only local files are read"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if tt.content != "" {
				path = filepath.Join(t.TempDir(), tt.path)
				if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Load(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load(%s) error = %v, want it to mention %q", tt.path, err, tt.want)
			}
		})
	}
}

// remoteRef would need the network: Load must refuse it rather than fetch.
const remoteRef = `openapi: 3.0.3
info: {title: x, version: "1"}
paths:
  /auth/anonymous:
    post:
      responses:
        "200":
          $ref: 'https://example.invalid/responses.yaml#/OK'
`

func TestWriteText(t *testing.T) {
	t.Parallel()
	r, err := CompareFiles(basePath, "testdata/removed-operation.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := text(t, r)
	for _, s := range []string{
		"Comparing testdata/base.yaml (OpenAPI 3.0.3, version 1.0.0) with testdata/removed-operation.yaml (OpenAPI 3.0.3, version 1.0.0) (every path)",
		"Operations added: none",
		"Operations removed (1):\n  - PUT /auth/user/{id}/deactivate (deactivate-user)\n",
		"Breaking changes (1):\n  PUT /auth/user/{id}/deactivate (deactivate-user)\n    operation, error: api path removed without deprecation [api-path-removed-without-deprecation]\n",
		"Non-breaking changes: none",
		"BREAKING: 1 breaking, 0 non-breaking; 0 operations added, 1 removed.",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("report lacks %q:\n%s", s, got)
		}
	}

	r, err = Compare(loaded(t, basePath), loaded(t, "testdata/unchanged.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := text(t, r); !strings.HasSuffix(got, "\nNo changes: 0 breaking, 0 non-breaking; 0 operations added, 0 removed.\n") {
		t.Errorf("report of no change:\n%s", got)
	}
}

// loaded returns the document at path, loaded once for the whole test
// binary: most fixtures are compared with base.yaml, and openapi.yaml is
// loaded by two tests. Compare only reads the documents it is given.
func loaded(t *testing.T, path string) *Document {
	t.Helper()
	e, _ := loadedDocs.LoadOrStore(path, &loadedDoc{})
	d := e.(*loadedDoc)
	d.once.Do(func() { d.doc, d.err = Load(path) })
	if d.err != nil {
		t.Fatal(d.err)
	}
	return d.doc
}

type loadedDoc struct {
	once sync.Once
	doc  *Document
	err  error
}

var loadedDocs sync.Map

func text(t *testing.T, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestAreaOf(t *testing.T) {
	t.Parallel()
	for rule, want := range map[string]Area{
		"request-parameter-removed":                  AreaParameters,
		"new-required-request-parameter":             AreaParameters,
		"new-request-path-parameter":                 AreaParameters,
		"request-header-property-became-required":    AreaParameters,
		"new-required-request-property":              AreaRequestBody,
		"request-body-became-required":               AreaRequestBody,
		"request-property-type-changed":              AreaRequestBody,
		"response-success-status-removed":            AreaResponses,
		"response-required-property-removed":         AreaResponses,
		"required-response-header-removed":           AreaResponses,
		"endpoint-added":                             AreaOperation,
		"api-path-removed-without-deprecation":       AreaOperation,
		"api-removed-without-deprecation":            AreaOperation,
		"api-operation-id-removed":                   AreaOperation,
		"api-security-removed":                       AreaSecurity,
		"api-global-security-added":                  AreaSecurity,
		"something-oasdiff-adds-in-a-future-release": AreaOther,
	} {
		if got := areaOf(rule, "paths"); got != want {
			t.Errorf("areaOf(%q) = %q, want %q", rule, got, want)
		}
	}
}
