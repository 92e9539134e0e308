// Package sdk holds the OpenAPI description of the Commerce Engine Storefront
// API that this module is built from. Programs use the storefront package;
// the api package parses this document to validate traffic.
package sdk

import _ "embed"

// OpenAPI is openapi.yaml, the hand-maintained OpenAPI 3.0.3 description of
// the Auth group and the single source of truth of this module. It is
// embedded as written, so it can never be out of date.
//
//go:embed openapi.yaml
var OpenAPI []byte
