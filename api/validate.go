package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// DefaultMaxBodyBytes bounds the bodies a Validator reads: larger bodies are
// a violation, not an out-of-memory.
const DefaultMaxBodyBytes = 16 << 20

// Validator checks requests and responses against the embedded spec. It is
// safe for concurrent use. The zero value is not usable; call NewValidator.
type Validator struct {
	doc          *openapi3.T
	router       *router
	auth         openapi3filter.AuthenticationFunc
	maxBodyBytes int64
	schemaOpts   []openapi3.SchemaValidationOption
	// fast holds the compiled conformance checks of every JSON request
	// and response body schema (compiled.go), read-only once built.
	fast map[checkKey]conformanceCheck
}

// ValidatorOption configures a Validator.
type ValidatorOption func(*Validator)

// WithAuthenticationFunc replaces the default credential check, which only
// requires each credential the operation's security asks for to be present
// and well formed (an X-Api-Key header that is not empty; an Authorization
// header "Bearer <JWT>"). Use openapi3filter.NoopAuthenticationFunc to skip
// credentials altogether.
func WithAuthenticationFunc(f openapi3filter.AuthenticationFunc) ValidatorOption {
	return func(v *Validator) { v.auth = f }
}

// WithMaxBodyBytes sets the largest body the Validator reads (default
// DefaultMaxBodyBytes).
func WithMaxBodyBytes(n int64) ValidatorOption {
	return func(v *Validator) {
		if n > 0 {
			v.maxBodyBytes = n
		}
	}
}

// NewValidator returns a Validator over the embedded spec (a copy prepared
// for fast validation, equivalent to Spec()). It panics, like Spec, if the
// embedded document does not load.
func NewValidator(opts ...ValidatorOption) *Validator {
	doc, err := validationSpec()
	if err != nil {
		panic(err)
	}
	email := openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)
	v := &Validator{
		doc:          doc,
		router:       routerFor(doc),
		auth:         CheckCredentials,
		maxBodyBytes: DefaultMaxBodyBytes,
		// The compiled checks mirror kin-openapi under exactly these
		// options (and those ValidateRequest adds): change both together.
		schemaOpts: []openapi3.SchemaValidationOption{
			openapi3.DisableSchemaErrorDetails(),
			openapi3.WithStringFormatValidator("email", email),
		},
		fast: compiledChecks(doc, map[string]openapi3.StringFormatValidator{"email": email}),
	}
	for _, o := range opts {
		o(v)
	}
	return v
}

// compiledChecks compiles the JSON body schemas of the validation
// document, once.
var compiledChecks = func() func(*openapi3.T, map[string]openapi3.StringFormatValidator) map[checkKey]conformanceCheck {
	var once sync.Once
	var checks map[checkKey]conformanceCheck
	return func(doc *openapi3.T, formats map[string]openapi3.StringFormatValidator) map[checkKey]conformanceCheck {
		once.Do(func() { checks = compileBodies(doc, formats) })
		return checks
	}
}()

// compileBodies compiles the JSON body schemas of every operation of doc.
// A document in OpenAPI 3.1 or later, which kin-openapi validates as JSON
// Schema 2020-12, gets none.
func compileBodies(doc *openapi3.T, formats map[string]openapi3.StringFormatValidator) map[checkKey]conformanceCheck {
	checks := map[checkKey]conformanceCheck{}
	if doc.IsOpenAPI31OrLater() {
		return checks
	}
	bodies := bodySchemas(doc)
	roots := make([]*openapi3.Schema, 0, len(bodies))
	for _, key := range bodies {
		roots = append(roots, key.s)
	}
	cc := newCheckCompiler(formats, roots...)
	for _, key := range bodies {
		if c := cc.check(key.s, key.dir); c != nil {
			checks[key] = c
		}
	}
	return checks
}

// bodySchemas lists the schemas of the JSON request and response bodies of
// every operation of doc, with their direction.
func bodySchemas(doc *openapi3.T) []checkKey {
	var keys []checkKey
	add := func(content openapi3.Content, dir direction) {
		if mt := content.Get("application/json"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
			keys = append(keys, checkKey{mt.Schema.Value, dir})
		}
	}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for _, method := range methodOrder {
			op := item.GetOperation(method)
			if op == nil {
				continue
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				add(op.RequestBody.Value.Content, forRequest)
			}
			for _, status := range sortedStatuses(op.Responses) {
				if r := op.Responses.Value(status); r != nil && r.Value != nil {
					add(r.Value.Content, forResponse)
				}
			}
		}
	}
	return keys
}

// quickCheck reports whether the JSON document data, a body sent in
// direction dir, conforms to schema by its compiled check; false also when
// there is none (kin-openapi decides).
func (v *Validator) quickCheck(schema *openapi3.Schema, dir direction, data []byte) bool {
	c := v.fast[checkKey{schema, dir}]
	return c != nil && c.conforms(data, dir)
}

var routerFor = func() func(*openapi3.T) *router {
	var once sync.Once
	var r *router
	return func(doc *openapi3.T) *router {
		once.Do(func() { r = newRouter(doc) })
		return r
	}
}()

var defaultValidator = sync.OnceValue(func() *Validator { return NewValidator() })

// ValidateRequest checks req against the spec with the default Validator.
// See Validator.ValidateRequest.
func ValidateRequest(req *http.Request) error { return defaultValidator().ValidateRequest(req) }

// ValidateResponse checks resp, the answer to req, against the spec with the
// default Validator. See Validator.ValidateResponse.
func ValidateResponse(req *http.Request, resp *http.Response) error {
	return defaultValidator().ValidateResponse(req, resp)
}

// Route is the operation a request was routed to.
type Route struct {
	OperationID string
	Method      string
	Path        string            // the operation's path template, relative to BasePath
	Params      map[string]string // path parameters, store_id included
	route       *routers.Route
}

// FindRoute returns the operation req is for, or a *ValidationError whose
// single violation has Location LocRoute.
func (v *Validator) FindRoute(req *http.Request) (*Route, error) {
	route, params, err := v.router.FindRoute(req)
	if err != nil {
		return nil, &ValidationError{Violations: violationsOf(Violation{Method: req.Method, Path: req.URL.Path, In: InRequest}, err)}
	}
	return &Route{OperationID: route.Operation.OperationID, Method: route.Method, Path: route.Path, Params: params, route: route}, nil
}

// ValidateRequest checks a request against the operation it is routed to:
// credentials, parameters and body. It returns nil or a *ValidationError
// listing every violation. The body is read and restored, so the caller can
// still send or serve req; defaults the spec declares are not written into
// it.
func (v *Validator) ValidateRequest(req *http.Request) error {
	_, err := v.validateRequest(req, true)
	return err
}

// validateRequest validates req and returns its route. With skipDefaults
// false, kin-openapi writes the spec's defaults into req's body.
func (v *Validator) validateRequest(req *http.Request, skipDefaults bool) (*Route, error) {
	route, err := v.FindRoute(req)
	if err != nil {
		return nil, err
	}
	var data []byte
	if req.Body != nil && req.Body != http.NoBody {
		if data, err = readLimited(req.Body, v.maxBodyBytes); err != nil {
			return route, v.single(req, route, 0, LocBody, "", err.Error())
		}
		setRequestBody(req, data)
	}
	in := &openapi3filter.RequestValidationInput{
		Request:    req,
		PathParams: route.Params,
		Route:      route.route,
		Options: &openapi3filter.Options{
			MultiError:              true,
			AuthenticationFunc:      v.auth,
			SkipSettingDefaults:     skipDefaults,
			SchemaValidationOptions: v.schemaOpts,
		},
	}
	// Fast path: a JSON body that passes its compiled check needs only the
	// credentials and parameters checked, on a body-less copy (kin-openapi
	// would read the body again for each security scheme). Defaults are
	// only written by the slow path.
	if skipDefaults && v.bodyConforms(route, req, data) {
		bodyless := *req
		bodyless.Body, bodyless.GetBody, bodyless.ContentLength = http.NoBody, nil, 0
		in.Request = &bodyless
		in.Options.ExcludeRequestBody = true
	}
	if err := openapi3filter.ValidateRequest(req.Context(), in); err != nil {
		base := Violation{OperationID: route.OperationID, Method: req.Method, Path: req.URL.Path, In: InRequest}
		return route, &ValidationError{Violations: violationsOf(base, err)}
	}
	return route, nil
}

// ValidateResponse checks resp, the answer to req, against the responses
// its operation declares: an undeclared status is a violation, and so are a
// content type or a body the spec does not allow. The body is read and
// restored for the caller. It returns nil or a *ValidationError.
func (v *Validator) ValidateResponse(req *http.Request, resp *http.Response) error {
	route, err := v.FindRoute(req)
	if err != nil {
		return err
	}
	return v.validateResponse(req, route, resp)
}

// validateResponse validates resp, the answer to req routed to route.
//
// JSON bodies, the common case, are decoded once and given to kin-openapi's
// schema visitor directly; anything else (declared response headers, other
// media types) goes through openapi3filter.ValidateResponse. Both report
// the same violations; the direct path saves two copies of the body and a
// streaming decoder on every response.
func (v *Validator) validateResponse(req *http.Request, route *Route, resp *http.Response) error {
	var data []byte
	if resp.Body != nil && resp.Body != http.NoBody {
		var err error
		data, resp.Body, err = peekBody(resp.Body, v.maxBodyBytes)
		if err != nil {
			return v.single(req, route, resp.StatusCode, LocBody, "", err.Error())
		}
	}
	base := Violation{OperationID: route.OperationID, Method: req.Method, Path: req.URL.Path, In: InResponse, Status: resp.StatusCode}
	if err := v.validateJSONResponse(route, resp, data); err != errNotDirect {
		if err != nil {
			return &ValidationError{Violations: violationsOf(base, err)}
		}
		return nil
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: route.Params, Route: route.route,
		},
		Status: resp.StatusCode,
		Header: resp.Header,
		Options: &openapi3filter.Options{
			MultiError:              true,
			IncludeResponseStatus:   true,
			SchemaValidationOptions: v.schemaOpts,
		},
	}
	in.SetBodyBytes(data)
	if err := openapi3filter.ValidateResponse(req.Context(), in); err != nil {
		return &ValidationError{Violations: violationsOf(base, err)}
	}
	return nil
}

// errNotDirect: validateJSONResponse leaves the response to openapi3filter.
var errNotDirect = errors.New("not validated directly")

// validateJSONResponse validates a response whose declared content is JSON
// with a schema and no headers, or returns errNotDirect.
func (v *Validator) validateJSONResponse(route *Route, resp *http.Response, data []byte) error {
	responses := route.route.Operation.Responses
	ref := responses.Status(resp.StatusCode)
	if ref == nil {
		ref = responses.Default()
	}
	if ref == nil {
		if resp.StatusCode == http.StatusNotModified || (resp.StatusCode >= 300 && resp.StatusCode < 400) {
			return errNotDirect // openapi3filter's own rules for redirects
		}
		return &openapi3filter.ResponseError{Reason: "status is not supported"}
	}
	r := ref.Value
	if r == nil || len(r.Headers) > 0 || len(r.Content) == 0 {
		return errNotDirect
	}
	ct := resp.Header.Get("Content-Type")
	mt := r.Content.Get(ct)
	if mt == nil {
		return &openapi3filter.ResponseError{Reason: fmt.Sprintf("response header Content-Type has unexpected value: %q", ct)}
	}
	if mt.Schema == nil || mt.Schema.Value == nil || !isJSONMediaType(ct) {
		return errNotDirect
	}
	if v.quickCheck(mt.Schema.Value, forResponse, data) {
		return nil
	}
	var value any
	if err := json.Unmarshal(data, &value); err != nil {
		return &openapi3filter.ResponseError{Reason: "the body is not valid JSON"}
	}
	opts := append([]openapi3.SchemaValidationOption{openapi3.VisitAsResponse(), openapi3.MultiErrors()}, v.schemaOpts...)
	return mt.Schema.Value.VisitJSON(value, opts...)
}

func isJSONMediaType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

func (v *Validator) single(req *http.Request, route *Route, status int, loc, field, msg string) error {
	in := InRequest
	if status != 0 {
		in = InResponse
	}
	return &ValidationError{Violations: []Violation{{
		OperationID: route.OperationID, Method: req.Method, Path: req.URL.Path,
		In: in, Status: status, Location: loc, Field: field, Message: msg,
	}}}
}

// bodyConforms reports whether req's body is JSON of a declared media type
// that openapi3filter decodes with its JSON body decoder, and passes the
// compiled check of its schema.
func (v *Validator) bodyConforms(route *Route, req *http.Request, data []byte) bool {
	rb := route.route.Operation.RequestBody
	if len(data) == 0 || rb == nil || rb.Value == nil {
		return false
	}
	ct := req.Header.Get("Content-Type")
	mt := rb.Value.Content.Get(ct)
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil || len(mt.Encoding) > 0 || !decodesAsJSON(ct, mt.Schema) {
		return false
	}
	return v.quickCheck(mt.Schema.Value, forRequest, data)
}

// jsonBodyDecoder identifies openapi3filter.JSONBodyDecoder.
var jsonBodyDecoder = reflect.ValueOf(openapi3filter.JSONBodyDecoder).Pointer()

// decodesAsJSON reports whether openapi3filter decodes a request body of
// content type ct and the given schema with its JSON body decoder, the
// decoding the compiled checks mirror — not as a file, nor with a decoder
// a caller registered.
func decodesAsJSON(ct string, schema *openapi3.SchemaRef) bool {
	if !isJSONMediaType(ct) || (schema.Value.Type.Is(openapi3.TypeString) && schema.Value.Format == "binary") {
		return false
	}
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	decoder := openapi3filter.RegisteredBodyDecoder(mt)
	if decoder == nil {
		decoder = openapi3filter.RegisteredBodyDecoder("application/json") // kin-openapi's rule for +json
	}
	return decoder != nil && reflect.ValueOf(decoder).Pointer() == jsonBodyDecoder
}

// peekBody reads up to limit bytes of body for validation and returns them
// with a body that gives the caller exactly what the original would have:
// the same bytes, then the rest of a body too large to validate, or the
// error reading stopped on. Closing it closes the original.
func peekBody(body io.ReadCloser, limit int64) ([]byte, io.ReadCloser, error) {
	data, err := io.ReadAll(io.LimitReader(body, limit+1))
	tail := io.Reader(eofReader{})
	switch {
	case err != nil:
		tail = errReader{err}
		err = fmt.Errorf("reading the body failed: %w", err)
	case int64(len(data)) > limit:
		tail = body
		err = fmt.Errorf("body is larger than %d bytes", limit)
	}
	return data, readCloser{io.MultiReader(bytes.NewReader(data), tail), body}, err
}

type readCloser struct {
	io.Reader
	io.Closer
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// readLimited reads all of r, failing if it holds more than limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return data, fmt.Errorf("reading the body failed: %w", err)
	}
	if int64(len(data)) > limit {
		return data[:limit], fmt.Errorf("body is larger than %d bytes", limit)
	}
	return data, nil
}

func setRequestBody(req *http.Request, data []byte) {
	req.Body = io.NopCloser(bytes.NewReader(data))
	req.ContentLength = int64(len(data))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
}

// authError is a credential problem; its message never holds the credential.
type authError struct{ msg string }

func (e *authError) Error() string { return e.msg }

// CheckCredentials is the default openapi3filter.AuthenticationFunc of a
// Validator: it requires each credential an operation's security asks for to
// be present and well formed. It does not decide whether a key or a token is
// valid; that is the server's business.
func CheckCredentials(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	scheme := in.SecurityScheme
	h := in.RequestValidationInput.Request.Header
	switch {
	case scheme.Type == "apiKey" && scheme.In == "header":
		if strings.TrimSpace(h.Get(scheme.Name)) == "" {
			return &authError{fmt.Sprintf("the %s header is missing", scheme.Name)}
		}
		return nil
	case scheme.Type == "http" && strings.EqualFold(scheme.Scheme, "bearer"):
		auth := h.Get("Authorization")
		if auth == "" {
			return &authError{"the Authorization header is missing"}
		}
		token, ok := cutBearer(auth)
		if !ok {
			return &authError{"the Authorization header is not a Bearer token"}
		}
		if !LooksLikeJWT(token) {
			return &authError{"the Bearer token is not a JWT"}
		}
		return nil
	}
	return &authError{fmt.Sprintf("security scheme %q is not supported", in.SecuritySchemeName)}
}

// cutBearer returns the token of an "Authorization: Bearer <token>" value.
func cutBearer(auth string) (string, bool) {
	const prefix = "bearer "
	if len(auth) <= len(prefix) || !strings.EqualFold(auth[:len(prefix)], prefix) {
		return "", false
	}
	token := strings.TrimSpace(auth[len(prefix):])
	return token, token != ""
}

// LooksLikeJWT reports whether s has the shape of a compact JWS: three
// non-empty base64url segments separated by dots. It does not verify
// anything.
func LooksLikeJWT(s string) bool {
	parts := 0
	segLen := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			if segLen == 0 {
				return false
			}
			parts++
			segLen = 0
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
			segLen++
		default:
			return false
		}
	}
	return parts == 2 && segLen > 0
}

// IsRouteError reports whether err is a *ValidationError saying that no
// operation matches the request.
func IsRouteError(err error) bool {
	var ve *ValidationError
	return errors.As(err, &ve) && len(ve.Violations) > 0 && ve.Violations[0].Location == LocRoute
}

// sortedStatuses returns the keys of responses in order.
func sortedStatuses(responses *openapi3.Responses) []string {
	keys := make([]string, 0, responses.Len())
	for k := range responses.Map() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
