package api

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// BasePath is the path under which every operation of the Storefront API
// lives, relative to the scheme and host. store_id is the merchant's store.
const BasePath = "/api/v1/{store_id}/storefront"

// Operation is one operation of the embedded spec.
type Operation struct {
	ID     string // operationId, for example "login-with-password"
	Method string // HTTP method, upper case
	Path   string // path relative to BasePath, for example "/auth/user/{id}"
}

// LoadSpec parses and validates a fresh copy of the embedded document,
// exactly as written (servers included). Most callers want Spec.
func LoadSpec() (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromData(openAPI)
	if err != nil {
		return nil, fmt.Errorf("api: load embedded spec: %w", err)
	}
	if err := doc.Validate(context.Background(), openapi3.EnableExamplesValidation(), openapi3.EnableMultiError()); err != nil {
		return nil, fmt.Errorf("api: embedded spec is invalid: %w", err)
	}
	return doc, nil
}

var loadSpec = sync.OnceValues(func() (*openapi3.T, error) {
	doc, err := LoadSpec()
	if err != nil {
		return nil, err
	}
	relativeServers(doc)
	return doc, nil
})

// relativeServers makes doc route on the path alone: an absolute server URL
// would only match requests to that exact scheme and host.
func relativeServers(doc *openapi3.T) {
	doc.Servers = openapi3.Servers{{
		URL:         BasePath,
		Description: "Any host; the store is the first path variable.",
		Variables: map[string]*openapi3.ServerVariable{
			"store_id": {Default: "store", Description: "The merchant's store ID."},
		},
	}}
}

// validationSpec is a second copy of the document, prepared for validating
// traffic fast; see simplifyForValidation. Spec stays as written.
var validationSpec = sync.OnceValues(func() (*openapi3.T, error) {
	doc, err := LoadSpec()
	if err != nil {
		return nil, err
	}
	relativeServers(doc)
	simplifyForValidation(doc)
	return doc, nil
})

// simplifyForValidation replaces every schema that is only a wrapper around
// one other schema — "allOf: [$ref]" with a description, which openapi.yaml
// uses to give a $ref'ed property its own description in OpenAPI 3.0 — by
// the schema it wraps. Validation is unchanged (allOf of one schema is that
// schema), but kin-openapi no longer walks the wrapped schema twice on
// every value (once to decide the wrapper is "empty", once to validate),
// which made response validation several times slower for every User.
func simplifyForValidation(doc *openapi3.T) {
	seen := map[*openapi3.Schema]bool{}
	var walk func(ref *openapi3.SchemaRef)
	walk = func(ref *openapi3.SchemaRef) {
		if ref == nil || ref.Value == nil {
			return
		}
		for isAllOfWrapper(ref.Value) {
			ref.Value = ref.Value.AllOf[0].Value
		}
		s := ref.Value
		if seen[s] {
			return
		}
		seen[s] = true
		for _, p := range s.Properties {
			walk(p)
		}
		walk(s.Items)
		walk(s.AdditionalProperties.Schema)
		walk(s.Not)
		for _, group := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
			for _, r := range group {
				walk(r)
			}
		}
	}
	for _, r := range doc.Components.Schemas {
		walk(r)
	}
	for _, r := range doc.Components.Responses {
		for _, mt := range r.Value.Content {
			walk(mt.Schema)
		}
	}
	for _, r := range doc.Components.Parameters {
		walk(r.Value.Schema)
	}
	for _, item := range doc.Paths.Map() {
		for _, p := range item.Parameters {
			walk(p.Value.Schema)
		}
		for _, op := range item.Operations() {
			for _, p := range op.Parameters {
				walk(p.Value.Schema)
			}
			if rb := op.RequestBody; rb != nil {
				for _, mt := range rb.Value.Content {
					walk(mt.Schema)
				}
			}
			for _, resp := range op.Responses.Map() {
				for _, mt := range resp.Value.Content {
					walk(mt.Schema)
				}
			}
		}
	}
}

// isAllOfWrapper reports whether s is "allOf: [one schema]" and nothing
// else that validation looks at (a description, say, is allowed).
func isAllOfWrapper(s *openapi3.Schema) bool {
	if len(s.AllOf) != 1 || s.AllOf[0].Value == nil {
		return false
	}
	bare := *s
	bare.AllOf, bare.Description, bare.Title, bare.Example, bare.Extensions = nil, "", "", nil, nil
	return bare.IsEmpty() && !bare.Nullable && !bare.ReadOnly && !bare.WriteOnly
}

// Spec returns the embedded OpenAPI document, parsed and validated once, with
// its servers replaced by the relative BasePath. The document is shared:
// callers must not modify it. For the document exactly as written (with the
// staging and production servers), call LoadSpec, which parses a fresh copy.
//
// Spec panics if the embedded document does not load or validate; the tests
// of this package make that impossible in a released build.
func Spec() *openapi3.T {
	doc, err := loadSpec()
	if err != nil {
		panic(err)
	}
	return doc
}

// Operations lists every operation of the embedded spec, sorted by path and
// then method.
func Operations() []Operation {
	doc := Spec()
	var ops []Operation
	for _, path := range doc.Paths.InMatchingOrder() {
		for method, op := range doc.Paths.Value(path).Operations() {
			ops = append(ops, Operation{ID: op.OperationID, Method: method, Path: path})
		}
	}
	slices.SortFunc(ops, func(a, b Operation) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Method, b.Method)
	})
	return ops
}

// methodOrder is used to answer 405 with a stable Allow header.
var methodOrder = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}
