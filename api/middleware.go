package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Error codes of the envelopes the middleware answers with.
const (
	CodeBadRequest       = "bad_request"
	CodeUnauthorized     = "unauthorized"
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
)

// ErrorEnvelope is the body of every error answer of the Storefront API.
type ErrorEnvelope struct {
	Message string            `json:"message"`
	Success bool              `json:"success"`
	Code    string            `json:"code"`
	Errors  map[string]string `json:"errors,omitempty"`
}

// WriteError answers with the API's error envelope.
func WriteError(w http.ResponseWriter, status int, env ErrorEnvelope) {
	env.Success = false
	body, err := json.Marshal(env)
	if err != nil { // a map[string]string and strings always marshal
		body = []byte(`{"message":"internal error","success":false,"code":"internal_error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}

type routeKey struct{}

// RouteFromContext returns the operation the middleware routed the request
// to, for the handler behind it.
func RouteFromContext(ctx context.Context) (*Route, bool) {
	r, ok := ctx.Value(routeKey{}).(*Route)
	return r, ok
}

// Middleware guards next with the default validator's checks. See
// Validator.Middleware.
func Middleware(next http.Handler) http.Handler { return defaultValidator().Middleware(next) }

// Middleware returns a handler that checks every request against the spec
// before next sees it:
//
//   - an unknown path is answered 404 and a method the path does not allow
//     405, both with the error envelope;
//   - a missing or malformed credential is answered 401 (code "unauthorized");
//   - any other violation is answered 400 (code "bad_request") with an
//     "errors" object naming each field at fault.
//
// A request that passes reaches next with the spec's defaults written into
// its JSON body and its Route in the context (RouteFromContext).
func (v *Validator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, err := v.validateRequest(r, false)
		if err != nil {
			writeViolations(w, r, v, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), routeKey{}, route)))
	})
}

func writeViolations(w http.ResponseWriter, r *http.Request, v *Validator, err error) {
	ve, ok := err.(*ValidationError)
	if !ok || len(ve.Violations) == 0 {
		WriteError(w, http.StatusBadRequest, ErrorEnvelope{Code: CodeBadRequest, Message: "the request is invalid"})
		return
	}
	first := ve.Violations[0]
	switch first.Location {
	case LocRoute:
		if allowed := v.router.allowedMethods(r); len(allowed) > 0 {
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			WriteError(w, http.StatusMethodNotAllowed, ErrorEnvelope{
				Code: CodeMethodNotAllowed, Message: fmt.Sprintf("%s is not allowed on this path", r.Method)})
			return
		}
		WriteError(w, http.StatusNotFound, ErrorEnvelope{Code: CodeNotFound, Message: "no such endpoint"})
		return
	}
	for _, vi := range ve.Violations {
		if vi.Location == LocSecurity {
			WriteError(w, http.StatusUnauthorized, ErrorEnvelope{Code: CodeUnauthorized, Message: vi.Message})
			return
		}
	}
	fields := make(map[string]string, len(ve.Violations))
	for _, vi := range ve.Violations {
		key := vi.Field
		if key == "" {
			key = vi.Location
		}
		if prev, dup := fields[key]; dup {
			fields[key] = prev + "; " + vi.Message
		} else {
			fields[key] = vi.Message
		}
	}
	msg := fmt.Sprintf("%d problems with the request; see errors", len(ve.Violations))
	if len(ve.Violations) == 1 {
		if first.Field != "" {
			msg = first.Field + ": " + first.Message
		} else {
			msg = first.Message
		}
	}
	WriteError(w, http.StatusBadRequest, ErrorEnvelope{Code: CodeBadRequest, Message: msg, Errors: fields})
}
