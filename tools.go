//go:build tools

// This file pins the code generator in go.mod, so that `go generate`
// always runs the same oapi-codegen version on every machine.
package sdk

import (
	_ "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen"
)
