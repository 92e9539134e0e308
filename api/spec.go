package api

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"

	sdk "github.com/commercengine-go/sdk"
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
	doc, err := openapi3.NewLoader().LoadFromData(sdk.OpenAPI)
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
	// Route on the path alone: an absolute server URL would only match
	// requests to that exact scheme and host.
	doc.Servers = openapi3.Servers{{
		URL:         BasePath,
		Description: "Any host; the store is the first path variable.",
		Variables: map[string]*openapi3.ServerVariable{
			"store_id": {Default: "store", Description: "The merchant's store ID."},
		},
	}}
	return doc, nil
})

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
