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
	"sync"
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
	if known, ok := secretNames.Load(name); ok {
		return known.(bool)
	}
	n := strings.ToLower(separators.Replace(name))
	secret := false
	for _, s := range secretSuffixes {
		if strings.HasSuffix(n, s) {
			secret = true
			break
		}
	}
	secretNames.Store(name, secret)
	return secret
}

// secretNames remembers SecretName's answers: the checks ask about the same
// few hundred field names tens of thousands of times.
var secretNames sync.Map

var separators = strings.NewReplacer("_", "", "-", "")

// Decl is a type declared in a package.
type Decl struct {
	Name   string
	Struct bool // a struct type; the others are named basic, func, map … types
	// Holds is set for a type whose values may hold a value of another type
	// fmt prints: a struct, map, slice, array, pointer or chan type, or a
	// type defined from another declared type (type keyOnly Client). Basic,
	// func and interface types are not.
	Holds bool
}

// Declared lists the types declared at the top level of the non-test,
// hand-written Go files of dir, exported or not, sorted by name. Aliases
// and generated files are left out: their types are gen's, whose printing
// is checked where they are declared.
func Declared(dir string) ([]Decl, error) { return declared(dir, false) }

// DeclaredAll is Declared with the types of generated files.
func DeclaredAll(dir string) ([]Decl, error) { return declared(dir, true) }

func declared(dir string, generated bool) ([]Decl, error) {
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
		if ast.IsGenerated(f) && !generated {
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
				decls = append(decls, Decl{Name: ts.Name.Name, Struct: isStruct, Holds: holds(ts.Type)})
			}
		}
	}
	slices.SortFunc(decls, func(a, b Decl) int { return strings.Compare(a.Name, b.Name) })
	return decls, nil
}

// holds reports whether a type defined as e may hold a value of another
// type (see Decl.Holds).
func holds(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.StructType, *ast.MapType, *ast.ArrayType, *ast.StarExpr, *ast.ChanType:
		return true
	case *ast.ParenExpr:
		return holds(e.X)
	case *ast.Ident:
		return !basicTypes[e.Name]
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr:
		return true // a type of another package, or an instance of a generic one
	}
	return false // func and interface types
}

// basicTypes are the predeclared types that hold no other value.
var basicTypes = map[string]bool{
	"bool": true, "string": true, "error": true, "any": true, "byte": true, "rune": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true,
}

// SecretPaths lists where a value of type t holds a secret as fmt reaches
// it: string and []byte fields (and slices, arrays and maps of them) whose
// name says secret, in t's fields and those of its nested structs, arrays,
// slices and maps. Pointers, interfaces, funcs and chans are not followed:
// below the top level fmt prints them as addresses.
func SecretPaths(t reflect.Type) []string { return SecretPathsOf(t, false) }

// ReachPaths lists where a value of type t holds or reaches a secret: what
// SecretPaths finds, the same behind pointers, and every field of an
// interface type other than error (a TokenStore holds tokens, an io.Reader
// a document, a client interface a password). fmt prints what a pointer
// field points to, field by field and without calling any method, when
// the verb does not suit a pointer (%s, %q …: its %!s(...) output), so a
// type that reaches a secret must format itself. Funcs and chans are not
// followed: fmt prints them as addresses.
//
// A type met again on another path is not walked again, so a secret is
// listed under the first path that reaches it.
func ReachPaths(t reflect.Type) []string {
	var paths []string
	w := walker{mode: reach, seen: map[reflect.Type]bool{}, once: map[visit]bool{}, found: func(path string) { paths = append(paths, path) }}
	w.walk(t, "", false, 0)
	return paths
}

// walkMode says how far a walker goes.
type walkMode int

const (
	byValue   walkMode = iota // what a value holds itself
	plantable                 // and what its pointers point to
	reach                     // and its interfaces, reported as reaching a secret
)

// maxDepth bounds a walk through pointers.
const maxDepth = 12

type walker struct {
	mode  walkMode
	seen  map[reflect.Type]bool // the structs on the path walked
	once  map[visit]bool        // when not nil, what was walked already
	found func(path string)
}

// visit is a type walked, in a field that says secret or not.
type visit struct {
	t     reflect.Type
	named bool
}

func (w *walker) walk(t reflect.Type, path string, named bool, depth int) {
	if depth > maxDepth {
		return
	}
	if w.once != nil {
		if w.once[visit{t, named}] {
			return
		}
		w.once[visit{t, named}] = true
	}
	switch t.Kind() {
	case reflect.String:
		if named {
			w.found(path)
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			if named {
				w.found(path)
			}
			return
		}
		w.walk(t.Elem(), path+"[0]", named, depth)
	case reflect.Map:
		w.walk(t.Key(), path+"[key]", named, depth)
		w.walk(t.Elem(), path+"[value]", named, depth)
	case reflect.Pointer:
		if w.mode != byValue {
			w.walk(t.Elem(), path, named, depth+1)
		}
	case reflect.Interface:
		if w.mode == reach && t != reflect.TypeFor[error]() {
			w.found(path + " (" + t.String() + ")")
		}
	case reflect.Struct:
		if w.seen[t] {
			return
		}
		w.seen[t] = true
		defer delete(w.seen, t)
		for i := range t.NumField() {
			f := t.Field(i)
			p := f.Name
			if path != "" {
				p = path + "." + f.Name
			}
			w.walk(f.Type, p, named || SecretName(f.Name), depth)
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
func Plant(t reflect.Type) (reflect.Value, []string) { return plant(t, byValue) }

// PlantReachable is Plant, with the secrets behind pointers planted as
// well (in new values the pointers point to).
func PlantReachable(t reflect.Type) (reflect.Value, []string) { return plant(t, plantable) }

func plant(t reflect.Type, mode walkMode) (reflect.Value, []string) {
	p := &planter{mode: mode}
	v := reflect.New(t)
	p.fill(v.Elem(), t.Name(), false, map[reflect.Type]bool{}, 0)
	return v, p.markers
}

type planter struct {
	mode    walkMode
	markers []string
	holds   map[visit]bool // what has found
}

// pathInMarker writes a field path into a marker.
var pathInMarker = strings.NewReplacer(".", "-", "[", "", "]", "")

func (p *planter) marker(path string) string {
	m := fmt.Sprintf("SeCrEt%02d-%s-Zq", len(p.markers), pathInMarker.Replace(path))
	p.markers = append(p.markers, m)
	return m
}

// has reports whether a value of t, in a field that says secret when
// named, holds a secret the planter can plant.
func (p *planter) has(t reflect.Type, named bool) bool {
	if h, ok := p.holds[visit{t, named}]; ok {
		return h
	}
	found := false
	w := walker{mode: p.mode, seen: map[reflect.Type]bool{}, once: map[visit]bool{}, found: func(string) { found = true }}
	w.walk(t, "", named, 0)
	if p.holds == nil {
		p.holds = map[visit]bool{}
	}
	p.holds[visit{t, named}] = found
	return found
}

// fill sets the secrets under v, which is addressable.
func (p *planter) fill(v reflect.Value, path string, named bool, seen map[reflect.Type]bool, depth int) {
	if depth > maxDepth {
		return
	}
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
		if !p.has(t.Elem(), named) {
			return
		}
		s := reflect.MakeSlice(t, 1, 1)
		p.fill(s.Index(0), path+"[0]", named, seen, depth)
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			p.fill(v.Index(i), fmt.Sprintf("%s[%d]", path, i), named, seen, depth)
		}
	case reflect.Map:
		if !p.has(t.Key(), named) && !p.has(t.Elem(), named) {
			return
		}
		k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		p.fill(k, path+"[key]", named, seen, depth)
		p.fill(e, path+"[value]", named, seen, depth)
		m := reflect.MakeMap(t)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Pointer:
		if p.mode == byValue || !p.has(t.Elem(), named) || (t.Elem().Kind() == reflect.Struct && seen[t.Elem()]) {
			return
		}
		e := reflect.New(t.Elem())
		p.fill(e.Elem(), path, named, seen, depth+1)
		v.Set(e)
	case reflect.Struct:
		if seen[t] || !p.has(t, named) {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := range t.NumField() {
			f := t.Field(i)
			p.fill(v.Field(i), path+"."+f.Name, named || SecretName(f.Name), seen, depth)
		}
	}
}

// SecretPathsOf is SecretPaths of t, with every string in it a secret when
// named (t is the type of a field whose name says secret).
func SecretPathsOf(t reflect.Type, named bool) []string {
	var paths []string
	w := walker{mode: byValue, seen: map[reflect.Type]bool{}, found: func(path string) { paths = append(paths, path) }}
	w.walk(t, "", named, 0)
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
