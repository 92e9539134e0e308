package secretcheck

import (
	"bytes"
	"fmt"
	"go/token"
	"log/slog"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/commercengine-go/sdk/internal/testlong"
)

// verbs are the fmt formats every secret-holding value is printed with.
// %p is not among them for values: fmt prints a non-pointer operand of %p
// field by field without consulting any of its methods, so no type can
// redact it, and go vet reports %p with a non-pointer operand.
// make test prints with the verbs that take different paths through fmt
// (the value's String, GoString and Format, a quoted and a hex form, an
// integer verb that fmt applies field by field, a width and a precision);
// make test-long (SDK_TEST_LONG=1) with all of them.
var verbs = testlong.Pick(
	[]string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "% x", "%d", "%T", "%-40s", "%.3s", "%!", "%[1]v"},
	[]string{
		"%v", "%+v", "%#v", "%s", "%q", "%+q", "%#q", "%x", "%X", "% x", "%#x", "%d", "%08d", "%o", "%b",
		"%e", "%f", "%g", "%t", "%c", "%U", "%T", "%10.4v", "%-40s", "%.3s", "%!", "%[1]v",
	})

// Renderings prints v every way the check covers: each fmt verb, Sprint,
// Sprintln, and the slog text handler, and, when json is set, the slog JSON
// handler. The slog JSON handler resolves a slog.LogValuer only at the top
// level of an attribute and marshals anything else with encoding/json, so
// it is checked for values and pointers, not for containers.
func Renderings(v any, json bool) map[string]string {
	out := make(map[string]string, len(verbs)+5)
	for _, verb := range verbs {
		out[verb] = fmt.Sprintf(verb, v)
	}
	if reflect.TypeOf(v).Kind() == reflect.Pointer {
		out["%p"] = fmt.Sprintf("%p", v)
	}
	out["Sprint"] = fmt.Sprint(v)
	out["Sprintln"] = fmt.Sprintln(v)
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("m", "value", v, slog.Group("group", "value", v))
	out["slog text"] = buf.String()
	if json {
		buf.Reset()
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "value", v, slog.Group("group", "value", v))
		out["slog JSON"] = buf.String()
	}
	return out
}

// Container is a place a value sits when a program prints it.
type Container struct {
	Name  string
	Value any
	JSON  bool // checked with the slog JSON handler too (see Renderings)
}

// Containers places the value ptr points to where programs put such
// values: as itself, through its pointer, in an exported field (first,
// embedded, after another, nested, as an interface), in a slice, an array
// and a map. A type holding a lock (IsLock) is placed only through
// pointers: copying it is a vet error.
func Containers(ptr reflect.Value) []Container {
	t := ptr.Type().Elem()
	pt := ptr.Type()
	anyT := reflect.TypeFor[any]()
	intT := reflect.TypeFor[int]()
	structOf := func(fields ...reflect.StructField) reflect.Value {
		return reflect.New(reflect.StructOf(fields)).Elem()
	}
	field := func(name string, typ reflect.Type) reflect.StructField {
		return reflect.StructField{Name: name, Type: typ}
	}
	with := func(v reflect.Value, name string, x reflect.Value) any {
		v.FieldByName(name).Set(x)
		return v.Interface()
	}
	var cs []Container
	add := func(name string, v any) { cs = append(cs, Container{Name: name, Value: v}) }

	cs = append(cs, Container{Name: "pointer", Value: ptr.Interface(), JSON: true})
	add("pointer field", with(structOf(field("F", pt)), "F", ptr))
	add("pointer field after another", with(structOf(field("N", intT), field("F", pt)), "F", ptr))
	add("pointer in an interface field", with(structOf(field("F", anyT)), "F", ptr))
	add("pointer in a slice", reflect.Append(reflect.MakeSlice(reflect.SliceOf(pt), 0, 1), ptr).Interface())
	m := reflect.MakeMap(reflect.MapOf(reflect.TypeFor[string](), pt))
	m.SetMapIndex(reflect.ValueOf("k"), ptr)
	add("pointer in a map", m.Interface())
	if IsLock(t) {
		return cs
	}

	v := ptr.Elem()
	cs = append(cs, Container{Name: "value", Value: v.Interface(), JSON: true})
	add("field", with(structOf(field("F", t)), "F", v))
	add("field after another", with(structOf(field("N", intT), field("F", t)), "F", v))
	// An embedded unexported type is an unexported field: fmt calls none
	// of its methods. reflect cannot embed a type with methods beside
	// another field when the type is one pointer wide (a struct of one
	// pointer, as a service): such a value is checked in the other
	// containers.
	if token.IsExported(t.Name()) && !pointerShaped(t) {
		add("embedded first, with another field", with(structOf(reflect.StructField{Name: t.Name(), Type: t, Anonymous: true}, field("N", intT)), t.Name(), v))
	}
	add("interface field", with(structOf(field("F", anyT)), "F", v))
	inner := structOf(field("G", t))
	inner.Field(0).Set(v)
	add("nested field", with(structOf(field("F", inner.Type())), "F", inner))
	add("slice", reflect.Append(reflect.MakeSlice(reflect.SliceOf(t), 0, 1), v).Interface())
	arr := reflect.New(reflect.ArrayOf(2, t)).Elem()
	arr.Index(1).Set(v)
	add("array", arr.Interface())
	mv := reflect.MakeMap(reflect.MapOf(reflect.TypeFor[string](), t))
	mv.SetMapIndex(reflect.ValueOf("k"), v)
	add("map", mv.Interface())
	return cs
}

// Leaks plants secrets in a new value of type t (Plant), prints it in
// every container every way (Containers, Renderings), and describes each
// printing that shows a secret, or a piece of one 6 bytes long or more.
// It returns nothing for a type without secrets.
func Leaks(t reflect.Type) []string { return leaks(t, byValue) }

func leaks(t reflect.Type, mode walkMode) []string {
	ptr, markers := plant(t, mode)
	if len(markers) == 0 {
		return nil
	}
	forms := markerForms(markers)
	var leaks []string
	for _, c := range Containers(ptr) {
		r := Renderings(c.Value, c.JSON)
		var hows []string
		var example string
		for _, how := range slices.Sorted(maps.Keys(r)) {
			if m := findMarker(r[how], forms); m != "" {
				hows = append(hows, how)
				if example == "" {
					example = fmt.Sprintf("%s shows %s in %q", how, m, r[how])
				}
			}
		}
		if len(hows) > 0 {
			leaks = append(leaks, fmt.Sprintf("%s (%s) prints a secret with: %s; e.g. %s", t, c.Name, strings.Join(hows, " "), example))
		}
	}
	return leaks
}

// markerForm is a marker and the ways a printing may show it.
type markerForm struct {
	marker string
	forms  []string
}

// markerForms lists, for each marker, the pieces that identify it:
// "SeCrEt00-" alone does; the hex of %x as well, and the decimal bytes of
// a []byte printed with %v or %d. Computed once per planted value, not per
// printing searched.
func markerForms(markers []string) []markerForm {
	out := make([]markerForm, len(markers))
	for i, m := range markers {
		dec := fmt.Sprint([]byte(m[:9]))
		out[i] = markerForm{m, []string{m, m[:9], fmt.Sprintf("%x", m[:9]), fmt.Sprintf("%X", m[:9]), fmt.Sprintf("% x", m[:9]), dec[1 : len(dec)-1]}}
	}
	return out
}

// findMarker returns the first marker s shows, in full or in a piece that
// still identifies it, or "".
func findMarker(s string, markers []markerForm) string {
	for _, m := range markers {
		for _, form := range m.forms {
			if strings.Contains(s, form) {
				return m.marker
			}
		}
	}
	return ""
}

// pointerShaped reports whether a value of t is stored as one pointer (in
// an interface, directly): a pointer, map, chan, func or unsafe pointer,
// or a struct or array of one such element.
func pointerShaped(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return true
	case reflect.Struct:
		return t.NumField() == 1 && pointerShaped(t.Field(0).Type)
	case reflect.Array:
		return t.Len() == 1 && pointerShaped(t.Elem())
	}
	return false
}
