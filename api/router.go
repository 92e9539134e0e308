package api

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
)

// router finds the operation of a request by its path segments. It is built
// once from the document and allocates only the path-parameter map per
// request, which keeps validation cheap beside a loopback round trip.
//
// It matches BasePath on any scheme and host, as the rewritten servers of
// Spec say, and answers routers.ErrPathNotFound or
// routers.ErrMethodNotAllowed like kin-openapi's own routers.
type router struct {
	base  []string // segments of BasePath
	paths []routePath
}

type routePath struct {
	segments []string                  // "{name}" marks a parameter
	byMethod map[string]*routers.Route // shared, read-only
}

var _ routers.Router = (*router)(nil)

func newRouter(doc *openapi3.T) *router {
	r := &router{base: splitPath(BasePath)}
	server := doc.Servers[0]
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		rp := routePath{segments: splitPath(path), byMethod: map[string]*routers.Route{}}
		for method, op := range item.Operations() {
			rp.byMethod[method] = &routers.Route{
				Spec: doc, Server: server, Path: path, PathItem: item,
				Method: method, Operation: op,
			}
		}
		r.paths = append(r.paths, rp)
	}
	return r
}

func splitPath(p string) []string {
	return strings.Split(strings.Trim(p, "/"), "/")
}

// FindRoute implements routers.Router.
func (r *router) FindRoute(req *http.Request) (*routers.Route, map[string]string, error) {
	segs := splitPath(req.URL.EscapedPath())
	if len(segs) <= len(r.base) {
		return nil, nil, routers.ErrPathNotFound
	}
	params := make(map[string]string, 2)
	if !matchSegments(r.base, segs[:len(r.base)], params) {
		return nil, nil, routers.ErrPathNotFound
	}
	rest := segs[len(r.base):]
	var methodMismatch bool
	for i := range r.paths {
		rp := &r.paths[i]
		if len(rp.segments) != len(rest) {
			continue
		}
		if !matchSegments(rp.segments, rest, nil) {
			continue
		}
		route, ok := rp.byMethod[req.Method]
		if !ok {
			methodMismatch = true
			continue
		}
		matchSegments(rp.segments, rest, params)
		return route, params, nil
	}
	if methodMismatch {
		return nil, nil, routers.ErrMethodNotAllowed
	}
	return nil, nil, routers.ErrPathNotFound
}

// allowedMethods lists the methods the spec allows on the request's path,
// for the Allow header of a 405 answer.
func (r *router) allowedMethods(req *http.Request) []string {
	segs := splitPath(req.URL.EscapedPath())
	if len(segs) <= len(r.base) {
		return nil
	}
	rest := segs[len(r.base):]
	var allowed []string
	for _, rp := range r.paths {
		if len(rp.segments) != len(rest) || !matchSegments(rp.segments, rest, nil) {
			continue
		}
		for _, m := range methodOrder {
			if _, ok := rp.byMethod[m]; ok {
				allowed = append(allowed, m)
			}
		}
	}
	return allowed
}

// matchSegments matches escaped request segments against a template,
// recording unescaped parameter values in params unless it is nil. An empty
// segment never matches a parameter.
func matchSegments(tmpl, segs []string, params map[string]string) bool {
	for i, t := range tmpl {
		s := segs[i]
		if len(t) > 2 && t[0] == '{' && t[len(t)-1] == '}' {
			if s == "" {
				return false
			}
			v, err := url.PathUnescape(s)
			if err != nil {
				return false
			}
			if params != nil {
				params[t[1:len(t)-1]] = v
			}
			continue
		}
		if s != t {
			return false
		}
	}
	return true
}
