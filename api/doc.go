// Package api is the Storefront API's OpenAPI description at run time.
//
// It parses ../openapi.yaml (embedded by the module's root package) and
// validates it once, then uses it with kin-openapi to check real traffic:
//
//   - [Spec] returns the parsed document, its servers rewritten to the
//     relative base /api/v1/{store_id}/storefront so that requests to any
//     scheme and host (a test server on 127.0.0.1, staging, production) are
//     routed to their operation.
//   - [ValidateRequest] and [ValidateResponse] check one exchange and report
//     every [Violation] with its operation, location and field.
//   - [Transport] is an [http.RoundTripper] that validates every exchange
//     passing through it: in [Strict] mode a violation fails the call with a
//     *[ValidationError]; in [Record] mode violations are only collected, for
//     a test or a CI job to assert on.
//   - [Middleware] guards a server: a request the spec forbids is answered
//     with the API's own 400 envelope, a missing or malformed credential with
//     the 401 envelope, and an unknown path with the 404 envelope.
//
// Violations never quote the values that failed, so a password or a token in
// a request body cannot leak into a log line through them.
//
// The storefront package does not import this package: programs that do not
// validate do not compile kin-openapi. To validate a storefront client's
// traffic, give it an *http.Client whose transport is a [Transport].
package api
