package redact

import (
	"fmt"
	"io"
	"strings"
)

// How a type that holds or reaches a secret prints itself: a String method
// built with a View, GoString, a Format method that prints either
// whatever the verb (Format), and a LogValue method for log/slog. fmt
// calls Format for the value, its pointer, and the value in an exported
// field, a slice, a map or an interface of another value, so none of
// the type's fields is printed by fmt itself.

// Present shows whether a secret is set without showing it: "<redacted>",
// or "<none>" when it is empty.
func Present(s string) string {
	if s == "" {
		return "<none>"
	}
	return "<redacted>"
}

// Printer describes a value without its secrets: String for every verb,
// GoString for %#v.
type Printer interface {
	String() string
	GoString() string
}

// Format prints p through its String method, or GoString for %#v,
// whatever the verb (%d and %x too): fmt must not print the fields itself.
func Format(f fmt.State, verb rune, p Printer) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, p.GoString())
		return
	}
	_, _ = io.WriteString(f, p.String())
}

// View renders "Name{Field:value …}", the String of a type that holds a
// secret.
type View struct {
	b strings.Builder
	n int
}

// NewView starts the view of a type named name.
func NewView(name string) *View {
	v := &View{}
	v.b.WriteString(name)
	v.b.WriteByte('{')
	return v
}

// Field adds a field that is not secret, printed with %v.
func (v *View) Field(name string, value any) *View {
	if v.n > 0 {
		v.b.WriteByte(' ')
	}
	v.n++
	fmt.Fprintf(&v.b, "%s:%v", name, value)
	return v
}

// Secret adds a secret field: <redacted>, or <none> when it is empty.
func (v *View) Secret(name, value string) *View { return v.Field(name, Present(value)) }

// String returns the view.
func (v *View) String() string { return v.b.String() + "}" }

// TypeName names the dynamic type of v, for a field of an interface type
// whose value may hold anything (a reader, a store): "<nil>" when v is
// nil.
func TypeName(v any) string {
	if v == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%T", v)
}
