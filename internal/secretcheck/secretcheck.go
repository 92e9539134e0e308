// Package secretcheck finds the types of a package that hold a secret (an
// API key, a token, a password, a one-time password) and checks that they
// never print it: through fmt with any verb, through log/slog, and when they
// sit in a field, a slice, a map or an interface of another value. Tests of
// the packages that declare such types use it; nothing else does.
package secretcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"unsafe"
)

// secretSuffixes end the names of fields that hold a secret, compared in
// lower case without "_" and "-": Password, NewPassword, AccessToken,
// Token, OTP, apiKey, signingKey.
// Account, card and document numbers are personal data, kept out of print
// like secrets.
var secretSuffixes = []string{"password", "passwd", "token", "otp", "secret", "apikey", "signingkey", "privatekey", "secretkey",
	"accountnumber", "cardnumber", "documentnumber"}

// SecretName reports whether a field or type named name holds a secret by
// its name. TokenType or OTPAction do not; AccessToken, OTP and apiKey do.
func SecretName(name string) bool {
	n := strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(name))
	for _, s := range secretSuffixes {
		if strings.HasSuffix(n, s) {
			return true
		}
	}
	return false
}

// Decl is a type declared in a package.
type Decl struct {
	Name   string
	Struct bool // a struct type; the others are named basic, func, map … types
}

// Declared lists the types declared at the top level of the non-test,
// hand-written Go files of dir, exported or not, sorted by name. Aliases
// and generated files are left out: their types are gen's, whose printing
// is checked where they are declared.
func Declared(dir string) ([]Decl, error) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var decls []Decl
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return nil, err
		}
		if ast.IsGenerated(f) {
			continue
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, s := range gd.Specs {
				ts := s.(*ast.TypeSpec)
				if ts.Assign.IsValid() {
					continue // an alias
				}
				_, isStruct := ts.Type.(*ast.StructType)
				decls = append(decls, Decl{Name: ts.Name.Name, Struct: isStruct})
			}
		}
	}
	slices.SortFunc(decls, func(a, b Decl) int { return strings.Compare(a.Name, b.Name) })
	return decls, nil
}

// SecretPaths lists where a value of type t holds a secret as fmt reaches
// it: string and []byte fields (and slices, arrays and maps of them) whose
// name says secret, in t's fields and those of its nested structs, arrays,
// slices and maps. Pointers, interfaces, funcs and chans are not followed:
// below the top level fmt prints them as addresses.
func SecretPaths(t reflect.Type) []string {
	var paths []string
	walkSecrets(t, "", false, map[reflect.Type]bool{}, func(path string) { paths = append(paths, path) })
	return paths
}

func walkSecrets(t reflect.Type, path string, named bool, seen map[reflect.Type]bool, found func(string)) {
	switch t.Kind() {
	case reflect.String:
		if named {
			found(path)
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			if named {
				found(path)
			}
			return
		}
		walkSecrets(t.Elem(), path+"[0]", named, seen, found)
	case reflect.Map:
		walkSecrets(t.Key(), path+"[key]", named, seen, found)
		walkSecrets(t.Elem(), path+"[value]", named, seen, found)
	case reflect.Struct:
		if seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := range t.NumField() {
			f := t.Field(i)
			p := f.Name
			if path != "" {
				p = path + "." + f.Name
			}
			walkSecrets(f.Type, p, named || SecretName(f.Name), seen, found)
		}
	}
}

// IsLock reports whether t holds a lock by value (a field whose pointer has
// Lock and Unlock, as sync.Mutex): vet forbids copying such a value, so it
// is only ever printed through a pointer.
func IsLock(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	p := reflect.PointerTo(t)
	if _, ok := p.MethodByName("Lock"); ok {
		if _, ok := p.MethodByName("Unlock"); ok {
			return true
		}
	}
	for i := range t.NumField() {
		ft := t.Field(i).Type
		for ft.Kind() == reflect.Array {
			ft = ft.Elem()
		}
		if IsLock(ft) {
			return true
		}
	}
	return false
}

// Plant returns a pointer to a new value of type t whose every secret (as
// SecretPaths finds them, exported fields or not) is a distinct marker
// string, and the markers.
func Plant(t reflect.Type) (reflect.Value, []string) {
	p := &planter{}
	v := reflect.New(t)
	p.fill(v.Elem(), t.Name(), false, map[reflect.Type]bool{})
	return v, p.markers
}

type planter struct{ markers []string }

func (p *planter) marker(path string) string {
	m := fmt.Sprintf("SeCrEt%02d-%s-Zq", len(p.markers), strings.NewReplacer(".", "-", "[", "", "]", "").Replace(path))
	p.markers = append(p.markers, m)
	return m
}

// fill sets the secrets under v, which is addressable.
func (p *planter) fill(v reflect.Value, path string, named bool, seen map[reflect.Type]bool) {
	v = settable(v)
	t := v.Type()
	switch t.Kind() {
	case reflect.String:
		if named {
			v.SetString(p.marker(path))
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			if named {
				v.SetBytes([]byte(p.marker(path)))
			}
			return
		}
		if len(SecretPathsOf(t.Elem(), named)) == 0 {
			return
		}
		s := reflect.MakeSlice(t, 1, 1)
		p.fill(s.Index(0), path+"[0]", named, seen)
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			p.fill(v.Index(i), fmt.Sprintf("%s[%d]", path, i), named, seen)
		}
	case reflect.Map:
		if len(SecretPathsOf(t.Key(), named)) == 0 && len(SecretPathsOf(t.Elem(), named)) == 0 {
			return
		}
		k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		p.fill(k, path+"[key]", named, seen)
		p.fill(e, path+"[value]", named, seen)
		m := reflect.MakeMap(t)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		if seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := range t.NumField() {
			f := t.Field(i)
			p.fill(v.Field(i), path+"."+f.Name, named || SecretName(f.Name), seen)
		}
	}
}

// SecretPathsOf is SecretPaths of t, with every string in it a secret when
// named (t is the type of a field whose name says secret).
func SecretPathsOf(t reflect.Type, named bool) []string {
	var paths []string
	walkSecrets(t, "", named, map[reflect.Type]bool{}, func(path string) { paths = append(paths, path) })
	return paths
}

// settable returns v, made settable even when it was reached through an
// unexported field: the test must plant secrets where the type keeps them.
func settable(v reflect.Value) reflect.Value {
	if v.CanSet() {
		return v
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}
