package api

import _ "embed"

// openAPI is openapi.yaml, the hand-maintained OpenAPI 3.0.3 description of
// the Storefront API this module is built from, copied here by go generate
// (openapi.gen.yaml) so that it is embedded as written.
//
//go:generate go run ../internal/cmd/embedspec -in ../openapi.yaml -out openapi.gen.yaml
//go:embed openapi.gen.yaml
var openAPI []byte

// Document returns the embedded openapi.yaml, byte for byte (after a
// one-line comment marking the copy as generated).
func Document() []byte { return openAPI }
