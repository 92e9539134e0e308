package secretcheck

import (
	"fmt"
	"go/token"
	"log/slog"
	"reflect"
	"testing"
)

// CheckPackage checks the package in dir (the test's own, usually "."):
// every struct type it declares (its exported ones only, when exported is
// set) must be among types, so that a new type cannot escape the check; no
// other type it declares may be named like a secret; and no type among
// types that holds a secret (SecretPaths) may print one (Leaks). It returns
// the names of the types that hold a secret, for the test to assert that
// the check saw the ones it expects.
func CheckPackage(t testing.TB, dir string, exported bool, types ...reflect.Type) []string {
	t.Helper()
	decls, err := Declared(dir)
	if err != nil {
		t.Fatalf("reading the package in %s: %v", dir, err)
	}
	given := map[string]reflect.Type{}
	for _, typ := range types {
		given[typ.Name()] = typ
	}
	for _, d := range decls {
		if exported && !token.IsExported(d.Name) {
			continue
		}
		switch {
		case d.Struct && given[d.Name] == nil:
			t.Errorf("struct type %s is not in the list of types whose printing is checked: add it", d.Name)
		case !d.Struct && SecretName(d.Name):
			t.Errorf("type %s is named like a secret but is not a struct: give it a redacting String and Format, then make this check know it", d.Name)
		}
	}
	var holders []string
	for _, typ := range types {
		if len(SecretPaths(typ)) == 0 {
			continue
		}
		holders = append(holders, typ.Name())
		for _, l := range Leaks(typ) {
			t.Error(l)
		}
	}
	return holders
}

// CheckReachable checks the exported types of the package in dir,
// generated files included, more strictly than CheckPackage: every type
// that may hold another value (Decl.Holds) must be among types, so that a
// new one cannot escape the check; and every type among types that holds
// or reaches a secret (ReachPaths: behind pointers and interfaces too) must
// format itself — a Format method for fmt and a LogValue method for
// log/slog, on the value, or on the pointer for a type holding a lock —
// and must print no secret planted anywhere it reaches (PlantReachable,
// Leaks). It returns the names of the types that reach a secret, for the
// test to assert that the check saw the ones it expects.
func CheckReachable(t testing.TB, dir string, types ...reflect.Type) []string {
	t.Helper()
	decls, err := DeclaredAll(dir)
	if err != nil {
		t.Fatalf("reading the package in %s: %v", dir, err)
	}
	given := map[string]reflect.Type{}
	for _, typ := range types {
		given[typ.Name()] = typ
	}
	for _, d := range decls {
		if !token.IsExported(d.Name) {
			continue
		}
		switch {
		case d.Holds && given[d.Name] == nil:
			t.Errorf("type %s is not in the list of types whose printing is checked: add it", d.Name)
		case !d.Struct && SecretName(d.Name):
			t.Errorf("type %s is named like a secret but is not a struct: give it a redacting String and Format, then make this check know it", d.Name)
		}
	}
	var holders []string
	for _, typ := range types {
		paths := ReachPaths(typ)
		if len(paths) == 0 {
			continue
		}
		holders = append(holders, typ.Name())
		recv := typ
		if IsLock(typ) {
			recv = reflect.PointerTo(typ)
		}
		for _, m := range []struct {
			iface reflect.Type
			name  string
		}{{reflect.TypeFor[fmt.Formatter](), "Format"}, {reflect.TypeFor[slog.LogValuer](), "LogValue"}} {
			if !recv.Implements(m.iface) {
				t.Errorf("%s reaches a secret (%s) but %s has no %s method: fmt and log/slog would print what it reaches", typ, paths[0], recv, m.name)
			}
		}
		for _, l := range leaks(typ, plantable) {
			t.Error(l)
		}
	}
	return holders
}
