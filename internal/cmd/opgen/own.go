package main

import (
	"errors"
	"fmt"
	"strings"
)

// The shopper's own IDs. A Session method whose parameter stands for the
// session's own shopper fills in an empty value from the session's access
// token: the user ID (every session has one, an anonymous visitor's too)
// or the customer ID (a logged-in customer's only).
const (
	ownUser     = "user"
	ownCustomer = "customer"
)

// ownID says which of the shopper's own IDs the parameter param of an
// operation on path stands for, by the own rules of opgen.yaml: "user",
// "customer", or "" when it is an ordinary parameter. A rule with a path
// applies to that path and the paths below it only.
func (m *model) ownID(o *op, param string) string {
	if o.Service.onPOS() {
		return "" // a terminal's staff session has no shopper of its own
	}
	path := o.Path
	for _, r := range m.cfg.Own {
		if r.Param != param {
			continue
		}
		if r.Path != "" && path != r.Path && !strings.HasPrefix(path, r.Path+"/") {
			continue
		}
		return r.ID
	}
	return ""
}

// checkOwnRules refuses own rules that could not apply as written.
func (m *model) checkOwnRules() error {
	var errs []error
	for _, r := range m.cfg.Own {
		switch {
		case r.ID != ownUser && r.ID != ownCustomer:
			errs = append(errs, fmt.Errorf("opgen.yaml: own rule for %q: id must be %s or %s, not %q", r.Param, ownUser, ownCustomer, r.ID))
		case r.Param == "":
			errs = append(errs, errors.New("opgen.yaml: an own rule without a param"))
		case r.Path != "" && !strings.Contains(r.Path, "{"+r.Param+"}"):
			errs = append(errs, fmt.Errorf("opgen.yaml: own rule for %q: path %s does not hold {%s}", r.Param, r.Path, r.Param))
		}
	}
	return errors.Join(errs...)
}

// ownNote is the sentence of a method's doc comment that says what an
// empty own ID means, or "".
func ownNote(o *op) string {
	var names []string
	var kinds []string
	for _, p := range o.PathParams {
		if p.Own != "" {
			names = append(names, p.GoName)
			kinds = append(kinds, p.Own)
		}
	}
	for _, p := range o.Params {
		if p.Own != "" {
			names = append(names, "params."+p.Field)
			kinds = append(kinds, p.Own)
		}
	}
	if len(names) == 0 {
		return ""
	}
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(" ")
		}
		switch kinds[i] {
		case ownUser:
			fmt.Fprintf(&b, "An empty %s means the session's own user (the user ID of its access token, an anonymous session started first if it has none).", n)
		case ownCustomer:
			fmt.Fprintf(&b, "An empty %s means the session's own customer (the customer ID of its access token; an anonymous visitor has none and gets ErrNoCustomerID).", n)
		}
	}
	if strings.HasPrefix(names[0], "params.") {
		b.WriteString(" Nil params count as empty.")
	}
	return b.String()
}
