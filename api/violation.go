package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// Direction says which half of an exchange a Violation is about.
type Direction string

const (
	InRequest  Direction = "request"
	InResponse Direction = "response"
)

// Where in a request or response a Violation is.
const (
	LocRoute       = "route"        // no operation has this method and path
	LocSecurity    = "security"     // a credential is missing or malformed
	LocPath        = "path"         // a path parameter
	LocQuery       = "query"        // a query parameter
	LocHeader      = "header"       // a header parameter
	LocBody        = "body"         // the JSON or multipart body
	LocStatus      = "status"       // a status the operation does not declare
	LocContentType = "content-type" // a media type the operation does not declare
)

// Violation is one way an exchange departs from the spec. Message never
// quotes the offending value, so it is safe to log.
type Violation struct {
	OperationID string    // empty when no operation matched
	Method      string    // request method
	Path        string    // request path
	In          Direction // request or response
	Status      int       // response status; 0 for request violations
	Location    string    // one of the Loc… constants
	Field       string    // dotted JSON path ("content.user.id"), or a parameter name; empty for the whole
	Message     string
}

func (v Violation) String() string {
	var b strings.Builder
	if v.OperationID != "" {
		b.WriteString(v.OperationID)
	} else {
		b.WriteString(v.Method + " " + v.Path)
	}
	b.WriteString(" " + string(v.In))
	if v.Status != 0 {
		fmt.Fprintf(&b, " %d", v.Status)
	}
	b.WriteString(" " + v.Location)
	if v.Field != "" {
		b.WriteString(" " + v.Field)
	}
	b.WriteString(": " + v.Message)
	return b.String()
}

// ValidationError reports every violation of one request or response.
type ValidationError struct {
	Violations []Violation
}

func (e *ValidationError) Error() string {
	switch len(e.Violations) {
	case 0:
		return "api: validation failed"
	case 1:
		return "api: " + e.Violations[0].String()
	}
	parts := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		parts[i] = v.String()
	}
	return fmt.Sprintf("api: %d violations: %s", len(e.Violations), strings.Join(parts, "; "))
}

// violationsOf flattens a kin-openapi validation error into violations,
// each carrying base's operation, method, path, direction and status.
func violationsOf(base Violation, err error) []Violation {
	var out []Violation
	add := func(loc, field, msg string) {
		v := base
		v.Location, v.Field, v.Message = loc, field, msg
		out = append(out, v)
	}
	var walk func(loc, field string, err error)
	walk = func(loc, field string, err error) {
		switch e := err.(type) {
		case nil:
		case openapi3.MultiError:
			for _, sub := range e {
				walk(loc, field, sub)
			}
		case *openapi3filter.SecurityRequirementsError:
			add(LocSecurity, "", securityMessage(e))
		case *openapi3filter.RequestError:
			loc, field := LocBody, ""
			if p := e.Parameter; p != nil {
				loc, field = p.In, p.Name
			}
			if e.Err == nil || !hasSchemaErrors(e.Err) {
				add(loc, field, requestReason(e))
				return
			}
			walk(loc, field, e.Err)
		case *openapi3filter.ResponseError:
			switch {
			case e.Reason == "status is not supported":
				add(LocStatus, "", "status is not declared for this operation")
			case strings.HasPrefix(e.Reason, "response header Content-Type has unexpected value"):
				add(LocContentType, "", e.Reason)
			case e.Err == nil || !hasSchemaErrors(e.Err):
				add(LocBody, "", responseReason(e))
			default:
				walk(LocBody, "", e.Err)
			}
		case *openapi3.SchemaError:
			// allOf nests the errors of its schemas, which carry full paths:
			// report those, not "doesn't match all schemas".
			var inner openapi3.MultiError
			if e.SchemaField == "allOf" && errors.As(e.Origin, &inner) && len(inner) > 0 {
				walk(loc, field, inner)
				return
			}
			// A oneOf that matches no branch: when one branch comes strictly
			// closest, its problems name the fields to fix.
			if e.SchemaField == "oneOf" {
				if closest := closestBranch(e); closest != nil {
					walk(loc, field, closest)
					return
				}
			}
			add(loc, joinField(field, e.JSONPointer()), schemaMessage(e))
		case *openapi3filter.ParseError:
			add(loc, field, parseMessage(e))
		default:
			if errors.Is(err, routers.ErrPathNotFound) {
				add(LocRoute, "", "no operation has this path")
			} else if errors.Is(err, routers.ErrMethodNotAllowed) {
				add(LocRoute, "", "the operation's path does not allow this method")
			} else if u, ok := err.(interface{ Unwrap() error }); ok && u.Unwrap() != nil {
				walk(loc, field, u.Unwrap())
			} else {
				add(loc, field, err.Error())
			}
		}
	}
	walk(LocBody, "", err)
	return out
}

// closestBranch returns the errors of the branch of a failed oneOf with
// strictly fewer problems than every other branch, or nil.
func closestBranch(e *openapi3.SchemaError) error {
	var branches openapi3.MultiError
	if !errors.As(e.Origin, &branches) || len(branches) < 2 {
		return nil
	}
	best, bestN, tie := -1, 0, false
	for i, b := range branches {
		n := len(violationsOf(Violation{}, b))
		switch {
		case best < 0 || n < bestN:
			best, bestN, tie = i, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie || bestN == 0 {
		return nil
	}
	return branches[best]
}

func hasSchemaErrors(err error) bool {
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		return true
	}
	var me openapi3.MultiError
	if errors.As(err, &me) {
		return slices.ContainsFunc(me, hasSchemaErrors)
	}
	return false
}

// joinField joins a parameter name and a JSON pointer into a dotted path.
func joinField(field string, pointer []string) string {
	parts := make([]string, 0, len(pointer)+1)
	if field != "" {
		parts = append(parts, field)
	}
	for _, p := range pointer {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ".")
}

// schemaMessage is the reason of a schema error without the value; for a
// oneOf or anyOf mismatch it adds what each branch missed.
func schemaMessage(e *openapi3.SchemaError) string {
	msg := e.Reason
	if msg == "" {
		msg = fmt.Sprintf("does not match the schema's %q", e.SchemaField)
	}
	if e.SchemaField == "oneOf" || e.SchemaField == "anyOf" {
		var me openapi3.MultiError
		if errors.As(e.Origin, &me) && len(me) > 0 {
			var branches []string
			for i, b := range me {
				var parts []string
				for _, v := range violationsOf(Violation{}, b) {
					if v.Field != "" {
						parts = append(parts, v.Field+": "+v.Message)
					} else {
						parts = append(parts, v.Message)
					}
				}
				branches = append(branches, fmt.Sprintf("branch %d: %s", i+1, strings.Join(parts, ", ")))
			}
			msg += " (" + strings.Join(branches, "; ") + ")"
		}
	}
	return msg
}

func requestReason(e *openapi3filter.RequestError) string {
	switch {
	case errors.Is(e.Err, openapi3filter.ErrInvalidRequired):
		if e.Parameter != nil {
			return "is required"
		}
		return "a body is required"
	case errors.Is(e.Err, openapi3filter.ErrInvalidEmptyValue):
		return "must not be empty"
	}
	var pe *openapi3filter.ParseError
	if errors.As(e.Err, &pe) {
		return parseMessage(pe)
	}
	if e.Reason != "" {
		return e.Reason
	}
	if e.Err != nil {
		return e.Err.Error()
	}
	return "is invalid"
}

func responseReason(e *openapi3filter.ResponseError) string {
	var pe *openapi3filter.ParseError
	if errors.As(e.Err, &pe) {
		return parseMessage(pe)
	}
	if e.Reason != "" {
		return e.Reason
	}
	return "is invalid"
}

// parseMessage describes a decoding failure without the raw value.
func parseMessage(e *openapi3filter.ParseError) string {
	msg := e.Reason
	if msg == "" {
		msg = "the body cannot be decoded"
	}
	if e.Cause != nil {
		var pe *openapi3filter.ParseError
		if errors.As(e.Cause, &pe) && pe != e {
			return msg + ": " + parseMessage(pe)
		}
		return msg + ": " + causeMessage(e.Cause)
	}
	return msg
}

// causeMessage describes a decoding error; JSON syntax errors quote the
// offending character, which may be part of a password, so only their
// offset is told.
func causeMessage(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	}
	return err.Error()
}

func securityMessage(e *openapi3filter.SecurityRequirementsError) string {
	seen := map[string]bool{}
	var reasons []string
	for _, err := range e.Errors {
		msg := err.Error()
		var ae *authError
		if errors.As(err, &ae) {
			msg = ae.Error()
		}
		if !seen[msg] {
			seen[msg] = true
			reasons = append(reasons, msg)
		}
	}
	if len(reasons) == 0 {
		return "no security requirement is met"
	}
	return strings.Join(reasons, "; ")
}
