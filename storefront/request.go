package storefront

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"

	"github.com/commercengine-go/sdk/gen"
)

// authKind is the credential an operation takes.
type authKind uint8

const (
	authBearer authKind = iota // Authorization: Bearer <access token>
	authAPIKey                 // X-Api-Key, and the old access token as an optional Bearer
	authNone                   // nothing: refresh-token carries its credential in the body
)

// operation describes one API operation to the call machinery. Every
// operation's descriptor is generated from openapi.yaml (zz_operations.gen.go).
type operation struct {
	id     string // the spec's operationId
	method string
	path   string // the spec's path template, e.g. /catalog/products/{product_id}
	auth   authKind
	// public marks operations the API also serves with the API key alone
	// (Client.Public).
	public bool
	// idempotent marks operations that are safe to send twice: they are
	// retried after a broken connection, a timeout or a 502/503/504.
	idempotent bool
	// submitsCredentials marks calls whose 401 is the answer (a wrong
	// password or OTP, a refused registration), not a cue to refresh the
	// token and send them again.
	submitsCredentials bool
	// customerGroup marks operations that take the x-customer-group-id
	// header, which WithCustomerGroup fills in.
	customerGroup bool
	// sensitive marks operations whose JSON body may hold personal data
	// (account, card or document numbers): their values are kept out of
	// the request's errors as its secrets are.
	sensitive bool
	// readOnly are the JSON paths of the readOnly properties of its body
	// ("id", "items[].id"): the server sets them and refuses them in a
	// request, so a resource read and sent back loses them first.
	readOnly []string
	// service is the field of Services (of POSServices, with pos) the
	// operation is on; goMethod is the name of its generated method there
	// ("" when it is written by hand).
	service, goMethod string
	// pos marks the point of sale's operations, on a POSSession.
	pos bool
}

// request is an operation's HTTP request, described once by its generated
// builder and turned into an http.Request afresh for each attempt.
type request struct {
	op          *operation
	path        string // below the base URL, escaped, e.g. "/auth/user/u%2F1"
	query       url.Values
	header      []headerField
	body        []byte         // nil for none
	form        *multipartForm // a streamed multipart body, instead of body
	contentType string
	secrets     []string // values in the body that must never reach an error (passwords, OTPs, tokens)
	keyOnly     bool     // sent with the API key instead of a token (Client.Public)

	// Set by the call's options (CallOption).
	extra       []headerField // WithHeader, sent after (over) the operation's own headers
	info        *ResponseInfo // WithResponseInfo, filled with each attempt's answer
	maxAttempts int           // WithMaxAttempts; 0 keeps the client's policy
}

type headerField struct{ name, value string }

const customerGroupHeader = "X-Customer-Group-Id"

// newRequest starts the request of op at path (already escaped).
//
// newRequest, addQuery, setHeader and marshalJSON are called from each of
// the 188 generated request builders; they are kept out of line
// (go:noinline), because inlining them there cost every program that
// imports storefront 0.2 s of CPU in a cold build, for a call saved beside
// an HTTP round trip.
//
//go:noinline
func newRequest(op *operation, path string) *request {
	return &request{op: op, path: path}
}

//go:noinline
func (r *request) addQuery(name, value string) {
	if r.query == nil {
		r.query = url.Values{}
	}
	r.query[name] = append(r.query[name], value)
}

//go:noinline
func (r *request) setHeader(name, value string) {
	r.header = append(r.header, headerField{name, value})
}

// canResend reports whether the request's body can be sent again.
func (r *request) canResend() bool { return r.form == nil || r.form.replayable() }

// setJSON makes b (with err, from marshalling it) the JSON body.
func (r *request) setJSON(b []byte, err error) error {
	if err != nil {
		return errorf("%s: encode request: %w", r.op.id, err)
	}
	if string(b) == "null" {
		// A zero union (never built, or built from a time outside the
		// years 0–9999): no operation takes a null body.
		return invalid("%s: the request body is empty: build it with its constructor", r.op.id)
	}
	if len(r.op.readOnly) > 0 {
		if b, err = dropPaths(b, r.op.readOnly); err != nil {
			return errorf("%s: encode request: %w", r.op.id, err)
		}
	}
	r.body, r.contentType = b, "application/json"
	return nil
}

//go:noinline
func marshalJSON(v any) ([]byte, error) { return json.Marshal(v) }

// pathSegment checks a path parameter and escapes it into one segment. An
// empty value, or "." or "..", which a proxy would resolve into another
// path, fails with ErrInvalidParam.
func pathSegment(name, value string) (string, error) {
	switch strings.TrimSpace(value) {
	case "":
		return "", invalid("%s is required", name)
	case ".", "..":
		return "", invalid("%s must not be %q", name, value)
	}
	return url.PathEscape(value), nil
}

// build makes the http.Request of one attempt.
func (c *Client) build(ctx context.Context, r *request) (*http.Request, error) {
	target := c.base + r.path
	if len(r.query) > 0 {
		target += "?" + r.query.Encode()
	}
	var req *http.Request
	var err error
	switch {
	case r.form != nil:
		body, ferr := r.form.open()
		if ferr != nil {
			return nil, ferr
		}
		req, err = http.NewRequestWithContext(ctx, r.op.method, target, body)
		if err != nil {
			body.Close()
			return nil, err
		}
		req.Header.Set("Content-Type", r.form.contentType())
	case r.body != nil:
		req, err = http.NewRequestWithContext(ctx, r.op.method, target, bytes.NewReader(r.body))
	default:
		req, err = http.NewRequestWithContext(ctx, r.op.method, target, nil)
	}
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json")
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	for _, h := range r.header {
		req.Header.Set(h.name, h.value)
	}
	for _, h := range r.extra {
		req.Header.Set(h.name, h.value)
	}
	if r.op.customerGroup && c.customerGroup != "" && req.Header.Get(customerGroupHeader) == "" {
		req.Header.Set(customerGroupHeader, c.customerGroup)
	}
	return req, nil
}

// do sends r for the session's shopper (see call), with the call's
// options.
func (s *Session) do(ctx context.Context, r *request, out any, opts ...CallOption) error {
	if err := r.applyOptions(opts); err != nil {
		return err
	}
	return s.call(ctx, r.op, r, out)
}

// keyOnly sends the operations a back end may call without a session,
// with the store's API key and no token (Client.Public).
type keyOnly Client

func (k *keyOnly) do(ctx context.Context, r *request, out any, opts ...CallOption) error {
	c := (*Client)(k)
	if !r.op.public {
		return fmt.Errorf("%w: %s needs a session", ErrInvalidParam, r.op.id)
	}
	if err := r.applyOptions(opts); err != nil {
		return err
	}
	r.keyOnly = true
	ex, err := c.send(ctx, r.op, r, "")
	if err != nil {
		return err
	}
	return c.decode(r.op, ex, out, c.keep(r, ""))
}

// paginate iterates over the items of a paginated list, page by page from
// page first (the first page when it is below 1); fetch gets one page. It
// is generic in the item type only, so that lists of one kind of item share
// its code, and each iterator adds one closure: a user's build compiles
// little for the API's fifty lists.
func paginate[T any](ctx context.Context, first int, fetch func(ctx context.Context, page int) ([]T, *gen.Pagination, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		n := max(first, 1)
		for {
			if err := ctx.Err(); err != nil {
				var zero T
				yield(zero, errorf("%w", err))
				return
			}
			items, pg, err := fetch(ctx, n)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if len(items) == 0 || pg == nil || !hasNextPage(pg, n) {
				return
			}
			n++
		}
	}
}

// hasNextPage reports whether a page after page n exists: the API's
// next_page when it sends one, its page count otherwise.
func hasNextPage(pg *gen.Pagination, n int) bool {
	if pg.NextPage != nil {
		return *pg.NextPage > n
	}
	return n < pg.TotalPages
}

// dropPaths removes the members at paths ("a", "a.b", "items[].id") from
// the JSON document b, and returns b unchanged when none is there.
func dropPaths(b []byte, paths []string) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	dropped := false
	for _, p := range paths {
		dropped = dropPath(doc, strings.Split(p, ".")) || dropped
	}
	if !dropped {
		return b, nil
	}
	return json.Marshal(doc)
}

func dropPath(v any, steps []string) bool {
	step, array := strings.CutSuffix(steps[0], "[]")
	obj, ok := v.(map[string]any)
	if !ok {
		return false
	}
	child, found := obj[step]
	if !found {
		return false
	}
	if len(steps) == 1 && !array {
		delete(obj, step)
		return true
	}
	if !array {
		return dropPath(child, steps[1:])
	}
	items, _ := child.([]any)
	dropped := false
	for _, it := range items {
		dropped = dropPath(it, steps[1:]) || dropped
	}
	return dropped
}
