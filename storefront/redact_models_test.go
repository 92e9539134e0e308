package storefront_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/commercengine-go/sdk/storefront"
)

// TestEveryModelPrintsWithoutPersonalData finds by reflection every model
// a program sends or receives through the services (the parameters and
// results of their methods, the models those hold, and the branches of
// their unions), plants a marker in every property openapi.yaml marks
// x-sensitive, however deep (inline objects, lists, maps, other models,
// a union's raw JSON), and prints each model every way a program might:
// no marker may show. It does not trust the generator of the printing
// methods to have found them all.
func TestEveryModelPrintsWithoutPersonalData(t *testing.T) {
	t.Parallel()
	mc := &modelCheck{sensitive: sensitiveProperties(t), reach: map[reflect.Type]bool{}}
	models := mc.models()
	require.Greater(t, len(models), 300, "the services reach the models")
	checked := 0
	for _, typ := range models {
		ptr, markers := mc.plant(typ)
		if len(markers) == 0 {
			continue
		}
		checked++
		v := ptr.Elem().Interface()
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			for _, x := range []any{v, ptr.Interface(), struct{ F any }{v}} {
				if m := shownMarker(fmt.Sprintf(verb, x), markers); m != "" {
					t.Errorf("%s printed with %s (as %T) shows %s", typ, verb, x, m)
				}
			}
		}
		var buf bytes.Buffer
		slog.New(slog.NewTextHandler(&buf, nil)).Info("m", "v", v)
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "v", v)
		if m := shownMarker(buf.String(), markers); m != "" {
			t.Errorf("%s logged shows %s", typ, m)
		}
	}
	t.Logf("%d models, %d holding personal data or a secret", len(models), checked)
	require.Greater(t, checked, 30, "the check planted secrets")
}

// sensitiveProperties returns the names of the properties openapi.yaml
// marks x-sensitive: true, anywhere.
func sensitiveProperties(t *testing.T) map[string]bool {
	b, err := os.ReadFile("../openapi.yaml")
	require.NoError(t, err)
	var doc any
	require.NoError(t, yaml.Unmarshal(b, &doc))
	names := map[string]bool{}
	var walk func(any)
	walk = func(n any) {
		switch n := n.(type) {
		case map[string]any:
			if props, ok := n["properties"].(map[string]any); ok {
				for name, p := range props {
					if p, ok := p.(map[string]any); ok && p["x-sensitive"] == true {
						names[name] = true
					}
				}
			}
			for _, v := range n {
				walk(v)
			}
		case []any:
			for _, v := range n {
				walk(v)
			}
		}
	}
	walk(doc)
	require.Contains(t, names, "card_number")
	return names
}

type modelCheck struct {
	sensitive map[string]bool
	reach     map[reflect.Type]bool // memo of holds
}

// models returns the named struct types of the generated models that the
// services' methods take or return, and those they hold, sorted.
func (mc *modelCheck) models() []reflect.Type {
	seen := map[reflect.Type]bool{}
	var visit func(reflect.Type)
	visit = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			visit(t.Elem())
			return
		case reflect.Map:
			visit(t.Elem())
			return
		case reflect.Struct:
		default:
			return
		}
		if t.Name() != "" {
			if seen[t] || !strings.HasSuffix(t.PkgPath(), "/gen") {
				return
			}
			seen[t] = true
		}
		for i := range t.NumField() {
			visit(t.Field(i).Type)
		}
		for _, b := range unionBranches(t) {
			visit(b)
		}
	}
	for _, group := range []reflect.Type{reflect.TypeFor[storefront.Services](), reflect.TypeFor[storefront.Public]()} {
		for i := range group.NumField() {
			svc := group.Field(i).Type // a pointer to a service
			for j := range svc.NumMethod() {
				m := svc.Method(j).Type
				for k := 1; k < m.NumIn(); k++ {
					visit(m.In(k))
				}
				for k := range m.NumOut() {
					visit(m.Out(k))
				}
			}
		}
	}
	out := make([]reflect.Type, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// unionBranches returns the forms of an oapi-codegen union (a struct
// holding its raw JSON in the field "union"), from its As methods.
func unionBranches(t reflect.Type) []reflect.Type {
	if _, ok := t.FieldByName("union"); !ok || t.Kind() != reflect.Struct {
		return nil
	}
	var out []reflect.Type
	for i := range t.NumMethod() {
		m := t.Method(i)
		if strings.HasPrefix(m.Name, "As") && m.Type.NumIn() == 1 && m.Type.NumOut() == 2 {
			out = append(out, m.Type.Out(0))
		}
	}
	return out
}

// holds reports whether a value of t holds a sensitive property.
func (mc *modelCheck) holds(t reflect.Type) bool {
	if h, ok := mc.reach[t]; ok {
		return h
	}
	mc.reach[t] = false // until found: a model may hold itself
	h := false
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		h = mc.holds(t.Elem())
	case reflect.Struct:
		for _, b := range unionBranches(t) {
			h = h || mc.holds(b)
		}
		for i := range t.NumField() {
			f := t.Field(i)
			h = h || (mc.sensitive[jsonTag(f)] && isStrings(f.Type)) || mc.holds(f.Type)
		}
	}
	mc.reach[t] = h
	return h
}

func jsonTag(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

// isStrings reports whether t is string, *string, []string or *[]string.
func isStrings(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t.Kind() == reflect.String
}

// plant returns a new value of t with a distinct marker in every sensitive
// property it can hold, and the markers.
func (mc *modelCheck) plant(t reflect.Type) (reflect.Value, []string) {
	var markers []string
	marker := func() string {
		m := fmt.Sprintf("PeRsOnAl%03d-%s", len(markers), t.Name())
		markers = append(markers, m)
		return m
	}
	var fill func(v reflect.Value, sensitive bool, depth int)
	fill = func(v reflect.Value, sensitive bool, depth int) {
		if depth > 8 || (!sensitive && !mc.holds(v.Type())) {
			return
		}
		if !v.CanSet() {
			v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
		}
		switch v.Kind() {
		case reflect.String:
			if sensitive {
				v.SetString(marker())
			}
		case reflect.Pointer:
			p := reflect.New(v.Type().Elem())
			fill(p.Elem(), sensitive, depth+1)
			v.Set(p)
		case reflect.Slice:
			s := reflect.MakeSlice(v.Type(), 1, 1)
			fill(s.Index(0), sensitive, depth+1)
			v.Set(s)
		case reflect.Map:
			m := reflect.MakeMap(v.Type())
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			if k.Kind() == reflect.String {
				k.SetString("k")
			}
			fill(e, sensitive, depth+1)
			m.SetMapIndex(k, e)
			v.Set(m)
		case reflect.Struct:
			if len(unionBranches(v.Type())) > 0 {
				raw := v.FieldByName("union")
				raw = reflect.NewAt(raw.Type(), unsafe.Pointer(raw.UnsafeAddr())).Elem()
				raw.SetBytes([]byte(`{"secret":"` + marker() + `"}`))
				return
			}
			for i := range v.NumField() {
				f := v.Type().Field(i)
				fill(v.Field(i), mc.sensitive[jsonTag(f)] && isStrings(f.Type), depth)
			}
		}
	}
	v := reflect.New(t)
	fill(v.Elem(), false, 0)
	return v, markers
}

// shownMarker returns the first marker s shows, as it is, in hex, or as
// the decimal bytes of a []byte printed with %v or %d; or "".
func shownMarker(s string, markers []string) string {
	for _, m := range markers {
		dec := fmt.Sprint([]byte(m))
		for _, form := range []string{m, fmt.Sprintf("%x", m), fmt.Sprintf("%X", m), dec[1 : len(dec)-1]} {
			if strings.Contains(s, form) {
				return m
			}
		}
	}
	return ""
}
