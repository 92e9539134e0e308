package main

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
)

// model is everything the templates need.
type model struct {
	cfg  config
	spec *openapi3.T
	gen  *genPackage
	ops  []*op
	dir  string // the storefront package's directory, for its hand-written names

	accessors bool // gen's response models have Get methods (the -accessors output)
}

// op is one operation as the storefront package sees it.
type op struct {
	ID          string // the spec's operationId, e.g. list-products
	GoName      string // oapi-codegen's name, e.g. ListProducts
	Name        string // the method's name on its service: GoName, or on a POSSession without its "Pos" (PosCreateCart is POSSession.Cart.CreateCart)
	Tag         string
	Service     serviceConfig
	Method      string // GET, POST …
	Path        string // the spec's path template
	Summary     string
	Description string

	Auth          string   // authBearer, authAPIKey or authNone
	Public        bool     // the spec lets the API key alone authenticate it
	Idempotent    bool     // safe to send twice
	Credentials   bool     // its 401 answers the credentials it carries
	Manual        bool     // its method is written by hand
	CustomerGroup bool     // it takes the x-customer-group-id header
	Sensitive     bool     // its JSON body may hold personal data (x-sensitive properties)
	ReadOnly      []string // JSON paths of readOnly properties of its body, dropped before sending ("a.b", "items[].id")

	PathParams []pathParam
	Params     []param // query and header parameters, in gen's Params struct
	ParamsType string  // gen.<GoName>Params, or "" when the operation has none

	BodyType     string // the Go type of its JSON body, named after the spec's schema (CreateCartBody), or ""
	BodyAlias    string // gen's <GoName>JSONRequestBody, an alias of BodyType kept for older code
	BodyRequired bool
	BodyUnion    bool   // the body is a oneOf/anyOf: marshal it with its own MarshalJSON
	Multipart    bool   // the body is multipart/form-data, built by the hand-written method
	ContentType  string // the 2xx answer's content type (gen name), or "" for none

	Page *pagination // set for paginated lists

	spec *openapi3.Operation
}

type pathParam struct {
	Name   string // as in the path template, e.g. product_id
	GoName string // a Go argument name, e.g. productID
	GoType string // string or int
	Own    string // "user" or "customer" when an empty value stands for the session's own shopper
}

type param struct {
	Name     string // as sent, e.g. page, x-customer-group-id
	In       string // query or header
	Field    string // the field of gen's Params struct
	Pointer  bool   // the field is a pointer
	Kind     string // string, integer, number, boolean, or array
	ElemKind string // for arrays: the kind of the elements
	Explode  bool   // for arrays in a query: one key per element
	GoType   string // the field's type, without the pointer
	Required bool   // the spec requires it
	Own      string // "user" or "customer" when an empty value stands for the session's own shopper
}

type pagination struct {
	ItemsField   string // Go field of the content holding the page's items
	ItemType     string // gen type of an item
	InBody       bool   // the page number travels in the JSON body (a search), not the query
	PageField    string // Go field of Params (or of the body) holding the page number
	PageType     string // its Go type, without the pointer
	PageIsPtr    bool   // the page field is a pointer
	ItemsPointer bool   // the items field is a pointer to a slice
	PagePointer  bool   // the pagination field is a pointer
}

// posWord is the word "Pos" in an operation's Go name (PosCreateCart,
// ListPosDevices), which a POSSession's methods leave out.
var posWord = regexp.MustCompile(`Pos([A-Z]|$)`)

func (m *model) operation(d *codegen.OperationDefinition) (*op, error) {
	spec := d.Spec
	if len(spec.Tags) != 1 {
		return nil, fmt.Errorf("has %d tags; give it exactly one (its group)", len(spec.Tags))
	}
	svc, ok := m.cfg.Services[spec.Tags[0]]
	if !ok {
		return nil, fmt.Errorf("tag %q has no service in opgen.yaml", spec.Tags[0])
	}
	if svc.Session != "" && !svc.onPOS() {
		return nil, fmt.Errorf("tag %q: session %q is neither empty (a shopper's) nor pos", spec.Tags[0], svc.Session)
	}
	o := &op{
		ID: d.SpecOperationId, GoName: d.OperationId, Name: d.OperationId, Tag: spec.Tags[0], Service: svc,
		Method: d.Method, Path: d.Path, Summary: spec.Summary, Description: spec.Description,
		Manual:      slices.Contains(m.cfg.Manual, d.SpecOperationId),
		Credentials: slices.Contains(m.cfg.Credentials, d.SpecOperationId),
		spec:        spec,
	}
	if svc.onPOS() {
		o.Name = posWord.ReplaceAllString(o.GoName, "$1")
	}
	if err := m.security(o, spec); err != nil {
		return nil, err
	}
	o.Idempotent = o.Method == http.MethodGet || o.Method == http.MethodPut || o.Method == http.MethodDelete || o.Method == http.MethodHead
	if v, ok := spec.Extensions["x-idempotent"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return nil, errors.New("x-idempotent must be true or false")
		}
		o.Idempotent = b
	}

	// Path parameters, in the order they appear in the path.
	for _, p := range d.PathParams {
		t, err := pathGoType(p.Spec.Schema)
		if err != nil {
			return nil, fmt.Errorf("path parameter %s: %w", p.ParamName, err)
		}
		pp := pathParam{Name: p.ParamName, GoName: lowerFirst(p.GoName()), GoType: t, Own: m.ownID(o, p.ParamName)}
		if pp.Own != "" && t != "string" {
			return nil, fmt.Errorf("path parameter %s stands for the shopper's own ID but is not a string", p.ParamName)
		}
		o.PathParams = append(o.PathParams, pp)
	}
	sort.SliceStable(o.PathParams, func(i, j int) bool {
		return strings.Index(o.Path, "{"+o.PathParams[i].Name+"}") < strings.Index(o.Path, "{"+o.PathParams[j].Name+"}")
	})
	if len(d.CookieParams) > 0 {
		return nil, errors.New("cookie parameters are not supported")
	}
	for _, p := range append(append([]codegen.ParameterDefinition{}, d.QueryParams...), d.HeaderParams...) {
		pp, err := queryOrHeader(p)
		if err != nil {
			return nil, fmt.Errorf("parameter %s: %w", p.ParamName, err)
		}
		if pp.In == "query" && pp.Required {
			pp.Own = m.ownID(o, pp.Name)
			if pp.Own != "" && (pp.Kind != "string" || pp.Pointer) {
				return nil, fmt.Errorf("query parameter %s stands for the shopper's own ID but is not a required string", pp.Name)
			}
		}
		o.Params = append(o.Params, pp)
		if pp.In == "header" && strings.EqualFold(pp.Name, "x-customer-group-id") {
			o.CustomerGroup = true
		}
	}
	if len(o.Params) > 0 {
		o.ParamsType = d.OperationId + "Params"
		if !m.gen.has(o.ParamsType) {
			return nil, fmt.Errorf("gen has no type %s; run go generate in gen first", o.ParamsType)
		}
	}

	for _, b := range d.Bodies {
		switch {
		case b.ContentType == "application/json":
			o.BodyAlias = d.OperationId + b.NameTag + "RequestBody"
			o.BodyRequired = b.Required
			o.BodyUnion = isUnion(spec.RequestBody.Value.Content.Get(b.ContentType).Schema)
			o.Sensitive = hasSensitive(spec.RequestBody.Value.Content.Get(b.ContentType).Schema, map[*openapi3.Schema]bool{})
			o.ReadOnly = readOnlyPaths(spec.RequestBody.Value.Content.Get(b.ContentType).Schema, "", 0)
			if !m.gen.has(o.BodyAlias) {
				return nil, fmt.Errorf("gen has no type %s", o.BodyAlias)
			}
			o.BodyType = m.gen.aliasOf(o.BodyAlias)
			if o.BodyType == "" {
				if !o.Manual {
					return nil, fmt.Errorf("its JSON body is an inline schema (gen's %s); name it in components/schemas so that its Go type has a name a user would write", o.BodyAlias)
				}
				o.BodyType = o.BodyAlias // a hand-written method hides it
			}
		case b.ContentType == "multipart/form-data":
			o.Multipart = true
		default:
			return nil, fmt.Errorf("request body %s is not supported", b.ContentType)
		}
	}
	if o.BodyType != "" && o.Multipart {
		return nil, errors.New("both a JSON and a multipart body")
	}
	if o.Multipart && !o.Manual {
		return nil, errors.New("a multipart body needs a hand-written method: list it under manual in opgen.yaml")
	}

	ct, err := contentType(spec)
	if err != nil {
		return nil, err
	}
	o.ContentType = ct
	if o.ContentType != "" && !m.gen.has(o.ContentType) {
		return nil, fmt.Errorf("gen has no type %s", o.ContentType)
	}
	if o.Page, err = m.pagination(o, spec); err != nil {
		return nil, err
	}
	return o, nil
}

// security derives the credential of an operation from its security
// requirements (or the document's):
//
//   - none at all: the body carries the credential (refresh-token);
//   - the API key, with or without a Bearer token: authAPIKey
//     (get-anonymous-token);
//   - a Bearer token: authBearer, and Public when another requirement is the
//     API key alone (a back end may call it without a session).
func (m *model) security(o *op, spec *openapi3.Operation) error {
	reqs := m.spec.Security
	if spec.Security != nil {
		reqs = *spec.Security
	}
	if len(reqs) == 0 {
		o.Auth = "authNone"
		return nil
	}
	var bearer, keyOnly, keyWithBearer bool
	for _, r := range reqs {
		_, hasKey := r["X-Api-Key"]
		_, hasBearer := r["Authorization"]
		if len(r) != btoi(hasKey)+btoi(hasBearer) {
			return fmt.Errorf("unknown security scheme in %v", r)
		}
		switch {
		case hasKey && hasBearer:
			keyWithBearer = true
		case hasKey:
			keyOnly = true
		case hasBearer:
			bearer = true
		}
	}
	switch {
	case bearer:
		o.Auth, o.Public = "authBearer", keyOnly
	case keyOnly || keyWithBearer:
		o.Auth = "authAPIKey"
	default:
		return errors.New("no usable security requirement")
	}
	if o.Public && !o.Service.Public {
		return fmt.Errorf("it may be sent with the API key alone, but service %s is not public in opgen.yaml", o.Service.Type)
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func pathGoType(s *openapi3.SchemaRef) (string, error) {
	if s == nil || s.Value == nil {
		return "", errors.New("no schema")
	}
	switch {
	case s.Value.Type.Is("string"):
		return "string", nil
	case s.Value.Type.Is("integer"):
		return "int", nil
	}
	return "", fmt.Errorf("type %v is not supported in a path", s.Value.Type)
}

func queryOrHeader(p codegen.ParameterDefinition) (param, error) {
	pp := param{Name: p.ParamName, In: p.In, Field: p.GoName(), Pointer: p.HasOptionalPointer(), Explode: p.Explode(), GoType: p.TypeDef(), Required: p.Required}
	if p.IsJson() || p.IsPassThrough() || p.Spec.Schema == nil {
		return pp, errors.New("only schema parameters are supported")
	}
	if st := p.Style(); st != "form" && st != "simple" {
		return pp, fmt.Errorf("style %s is not supported", st)
	}
	s := p.Spec.Schema.Value
	kind, err := scalarKind(s)
	if err == nil {
		pp.Kind = kind
		return pp, nil
	}
	if !s.Type.Is("array") || s.Items == nil {
		return pp, err
	}
	if pp.ElemKind, err = scalarKind(s.Items.Value); err != nil {
		return pp, fmt.Errorf("array of %w", err)
	}
	pp.Kind = "array"
	if p.In == "header" {
		pp.Explode = false
	}
	return pp, nil
}

func scalarKind(s *openapi3.Schema) (string, error) {
	for _, k := range []string{"string", "integer", "number", "boolean"} {
		if s.Type.Is(k) {
			return k, nil
		}
	}
	return "", fmt.Errorf("type %v is not supported", s.Type)
}

func isUnion(s *openapi3.SchemaRef) bool {
	return s != nil && s.Value != nil && (len(s.Value.OneOf) > 0 || len(s.Value.AnyOf) > 0)
}

// contentType names the gen type of the content of an operation's success
// answer: the schema its envelope's content property refers to. Answers
// without content (a delete) have none.
func contentType(spec *openapi3.Operation) (string, error) {
	var ok *openapi3.ResponseRef
	for _, code := range []string{"200", "201", "202", "204"} {
		if r := spec.Responses.Value(code); r != nil {
			ok = r
			break
		}
	}
	if ok == nil || ok.Value == nil {
		return "", errors.New("no 2xx answer")
	}
	mt := ok.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return "", nil
	}
	content, found := mt.Schema.Value.Properties["content"]
	if !found {
		return "", nil
	}
	if content.Ref == "" {
		return "", errors.New("the content of its answer is an inline schema; name it in components/schemas")
	}
	return codegen.SchemaNameToTypeName(refName(content.Ref)), nil
}

func refName(ref string) string { return ref[strings.LastIndexByte(ref, '/')+1:] }

// pagination recognises a paginated list: its content holds a pagination
// object beside exactly one array, and it takes a page parameter.
func (m *model) pagination(o *op, spec *openapi3.Operation) (*pagination, error) {
	if o.ContentType == "" {
		return nil, nil
	}
	schema := m.spec.Components.Schemas[contentSchemaName(spec)]
	if schema == nil || schema.Value == nil {
		return nil, nil
	}
	pg, found := schema.Value.Properties["pagination"]
	if !found {
		return nil, nil
	}
	var p pagination
	for name, prop := range schema.Value.Properties {
		// The page is the array of named objects; an array of strings
		// beside it (review tags, say) is about the whole list.
		if name == "pagination" || prop.Value == nil || !prop.Value.Type.Is("array") ||
			prop.Value.Items == nil || prop.Value.Items.Ref == "" {
			continue
		}
		if p.ItemsField != "" {
			return nil, errors.New("a paginated content with two arrays of objects: which one is the page?")
		}
		p.ItemsField = codegen.SchemaNameToTypeName(name)
		p.ItemsPointer = !slices.Contains(schema.Value.Required, name)
		p.ItemType = codegen.SchemaNameToTypeName(refName(prop.Value.Items.Ref))
		if prop.Value.Items.Value != nil && prop.Value.Items.Value.Nullable {
			p.ItemType = "*" + p.ItemType // gen's slice holds pointers to a nullable schema
		}
	}
	if p.ItemsField == "" {
		return nil, errors.New("a pagination object without an array of items")
	}
	p.PagePointer = !slices.Contains(schema.Value.Required, "pagination")
	if refName(pg.Ref) != "Pagination" {
		return nil, errors.New("pagination must refer to the Pagination schema")
	}
	for _, pp := range o.Params {
		if pp.Name == "page" && pp.In == "query" {
			if pp.Kind != "integer" {
				return nil, errors.New("the page parameter must be an integer")
			}
			p.PageField, p.PageType, p.PageIsPtr = pp.Field, pp.GoType, pp.Pointer
		}
	}
	if p.PageField == "" && o.BodyType != "" && o.BodyRequired {
		body := spec.RequestBody.Value.Content.Get("application/json").Schema.Value
		if page := body.Properties["page"]; page != nil && page.Value != nil {
			if !page.Value.Type.Is("integer") {
				return nil, errors.New("the page of the body must be an integer")
			}
			p.InBody, p.PageField = true, "Page"
			p.PageIsPtr = !slices.Contains(body.Required, "page")
			p.PageType = "int"
		}
	}
	if p.PageField == "" {
		// A list that answers with a pagination object but takes no page
		// number: one call returns what there is.
		return nil, nil
	}
	return &p, nil
}

func contentSchemaName(spec *openapi3.Operation) string {
	for _, code := range []string{"200", "201"} {
		r := spec.Responses.Value(code)
		if r == nil || r.Value == nil {
			continue
		}
		if mt := r.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
			if c := mt.Schema.Value.Properties["content"]; c != nil {
				return refName(c.Ref)
			}
		}
	}
	return ""
}

// check refuses a configuration that names what the spec does not have.
func (m *model) check() error {
	known := map[string]bool{}
	for _, o := range m.ops {
		known[o.ID] = true
	}
	var errs []error
	for _, list := range [][]string{m.cfg.Manual, m.cfg.Credentials} {
		for _, id := range list {
			if !known[id] {
				errs = append(errs, fmt.Errorf("opgen.yaml names %s, which is not an operation of the spec", id))
			}
		}
	}
	for _, a := range m.cfg.Aliases {
		if !m.gen.has(a) {
			errs = append(errs, fmt.Errorf("opgen.yaml aliases %s, which gen does not declare", a))
		}
	}
	return errors.Join(errs...)
}

// hasSensitive reports whether a schema, or any schema inside it, has a
// property marked x-sensitive: true (an account, card or document number).
func hasSensitive(ref *openapi3.SchemaRef, seen map[*openapi3.Schema]bool) bool {
	if ref == nil || ref.Value == nil || seen[ref.Value] {
		return false
	}
	s := ref.Value
	seen[s] = true
	if v, ok := s.Extensions["x-sensitive"].(bool); ok && v {
		return true
	}
	for _, p := range s.Properties {
		if hasSensitive(p, seen) {
			return true
		}
	}
	for _, group := range [][]*openapi3.SchemaRef{s.OneOf, s.AnyOf, s.AllOf} {
		for _, sub := range group {
			if hasSensitive(sub, seen) {
				return true
			}
		}
	}
	if hasSensitive(s.Items, seen) {
		return true
	}
	return s.AdditionalProperties.Schema != nil && hasSensitive(s.AdditionalProperties.Schema, seen)
}

// readOnlyPaths lists where a body schema has readOnly properties: the
// server sets them and refuses them in a request, yet they are what a
// caller gets back when it reads the resource it now sends again (an
// address read, changed and updated). The SDK drops them before sending.
// Paths join property names with dots; "[]" steps into an array's items.
func readOnlyPaths(ref *openapi3.SchemaRef, prefix string, depth int) []string {
	if ref == nil || ref.Value == nil || depth > 6 {
		return nil
	}
	s := ref.Value
	var out []string
	add := func(paths []string) {
		for _, p := range paths {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	for _, sub := range append(append(append([]*openapi3.SchemaRef{}, s.AllOf...), s.OneOf...), s.AnyOf...) {
		add(readOnlyPaths(sub, prefix, depth+1))
	}
	names := make([]string, 0, len(s.Properties))
	for name := range s.Properties {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := s.Properties[name]
		if p == nil || p.Value == nil {
			continue
		}
		path := prefix + name
		if p.Value.ReadOnly {
			add([]string{path})
			continue
		}
		add(readOnlyPaths(p, path+".", depth+1))
		if p.Value.Items != nil {
			add(readOnlyPaths(p.Value.Items, path+"[].", depth+1))
		}
	}
	return out
}
