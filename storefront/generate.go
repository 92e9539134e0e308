package storefront

//go:generate go run ../internal/cmd/opgen -config opgen.yaml -spec ../openapi.yaml -codegen ../oapi-codegen.yaml -gen ../gen -routes storefronttest/zz_routes.gen.go -redact ../gen/zz_redact.gen.go -accessors ../gen/zz_accessors.gen.go -table ../OPERATIONS.md
