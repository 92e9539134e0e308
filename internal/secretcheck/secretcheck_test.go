package secretcheck

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSecretName(t *testing.T) {
	for _, n := range []string{"Password", "NewPassword", "confirm_password", "AccessToken", "Token", "OTP", "otp", "apiKey", "APIKey", "signingKey", "ClientSecret", "otp_token"} {
		assert.True(t, SecretName(n), n)
	}
	for _, n := range []string{"TokenType", "OTPAction", "Action", "Phone", "Email", "Code", "Key", "ID", "StoreID", "HasRefresh"} {
		assert.False(t, SecretName(n), n)
	}
}

type inner struct{ Token string }

type holder struct {
	Name     string
	password string
	Keys     []inner
	Ref      *inner // not reached by fmt below the top level
	Any      any
	Hashes   map[string]inner
	Seed     [2]inner
	APIKey   []byte
}

func TestSecretPaths(t *testing.T) {
	assert.ElementsMatch(t, []string{"password", "Keys[0].Token", "Hashes[value].Token", "Seed[0].Token", "APIKey"},
		SecretPaths(reflect.TypeFor[holder]()))
	assert.Empty(t, SecretPaths(reflect.TypeFor[struct{ Name, TokenType string }]()))
}

func TestPlantReachesUnexportedFields(t *testing.T) {
	ptr, markers := Plant(reflect.TypeFor[holder]())
	h := ptr.Interface().(*holder)
	assert.Len(t, markers, 6) // Seed has two elements
	assert.Contains(t, markers, h.password)
	assert.Contains(t, markers, h.Keys[0].Token)
	assert.Contains(t, markers, string(h.APIKey))
	assert.Empty(t, h.Name)
}

// Locked holds a lock by value: it is only ever printed through pointers.
type Locked struct {
	Mu     sync.Mutex
	Secret string
}

func TestIsLock(t *testing.T) {
	assert.True(t, IsLock(reflect.TypeFor[Locked]()))
	assert.True(t, IsLock(reflect.TypeFor[struct{ L [1]Locked }]()))
	assert.False(t, IsLock(reflect.TypeFor[holder]()))
}

// A type that prints its secret is caught, every way it leaks.
type Naive struct {
	User     string
	Password string
}

// StringOnly redacts through String, which fmt does not call for %d or %x.
type StringOnly struct{ Password string }

func (s StringOnly) String() string { return "StringOnly{<redacted>}" }

// PointerOnly formats through a pointer receiver: a value in a field
// escapes it.
type PointerOnly struct{ Password string }

func (p *PointerOnly) Format(f fmt.State, _ rune) {
	_, _ = io.WriteString(f, "PointerOnly{<redacted>}")
}

// NoLogValue formats safely but logs its fields with the JSON handler.
type NoLogValue struct{ Password string }

func (n NoLogValue) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, "NoLogValue{<redacted>}") }

// Safe does everything right.
type Safe struct{ Password string }

func (s Safe) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, "Safe{<redacted>}") }
func (s Safe) LogValue() slog.Value       { return slog.StringValue("Safe{<redacted>}") }

func TestLeaksAreFound(t *testing.T) {
	// has reports whether the leaks say that the value, placed as in
	// container, prints a secret with how.
	has := func(leaks []string, container, how string) bool {
		for _, l := range leaks {
			if list, ok := strings.CutPrefix(l[strings.Index(l, " ")+1:], "("+container+") prints a secret with: "); ok {
				list, _, _ = strings.Cut(list, ";")
				if strings.Contains(" "+list+" ", " "+how+" ") {
					return true
				}
			}
		}
		return false
	}
	leaks := Leaks(reflect.TypeFor[Naive]())
	assert.True(t, has(leaks, "value", "%v"), "%v", leaks)
	assert.True(t, has(leaks, "pointer", "slog text"), "%v", leaks)

	leaks = Leaks(reflect.TypeFor[StringOnly]())
	assert.True(t, has(leaks, "value", "%d"), "%v", leaks)
	assert.True(t, has(leaks, "value", "%#v"), "%v", leaks)
	assert.False(t, has(leaks, "value", "%v"), "%v", leaks)
	assert.False(t, has(leaks, "value", "%x"), "%v", leaks)

	leaks = Leaks(reflect.TypeFor[PointerOnly]())
	assert.True(t, has(leaks, "field", "%+v"), "%v", leaks)
	assert.False(t, has(leaks, "pointer field", "%+v"), "%v", leaks)

	leaks = Leaks(reflect.TypeFor[NoLogValue]())
	assert.True(t, has(leaks, "value", "slog JSON"), "%v", leaks)
	assert.False(t, has(leaks, "value", "%v"), "%v", leaks)

	assert.Empty(t, Leaks(reflect.TypeFor[Safe]()))
}

func TestCheckPackageWantsEveryStructType(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p.go"), []byte(`package p
type Listed struct{ A string }
type Forgotten struct{ B string }
type unexported struct{ C string }
type SessionToken string
type Option func() error
`), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p_test.go"), []byte("package p\ntype TestOnly struct{}\n"), 0o600))
	decls, err := Declared(dir)
	require.NoError(t, err)
	assert.Equal(t, []Decl{{"Forgotten", true, true}, {"Listed", true, true}, {"Option", false, false}, {"SessionToken", false, false}, {"unexported", true, true}}, decls)

	type Listed struct{ A string }
	rec := &recorder{}
	CheckPackage(rec, dir, true, reflect.TypeFor[Listed]())
	assert.Len(t, rec.errors, 2, "%v", rec.errors)
	assert.Contains(t, strings.Join(rec.errors, "\n"), "struct type Forgotten")
	assert.Contains(t, strings.Join(rec.errors, "\n"), "type SessionToken is named like a secret")
}

// recorder is a testing.TB that keeps the errors.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recorder) Error(a ...any)                 { r.errors = append(r.errors, fmt.Sprint(a...)) }
func (r *recorder) Fatalf(format string, a ...any) { r.Errorf(format, a...); panic("fatal") }

// reacher reaches secrets only behind a pointer and an interface.
type reacher struct {
	Name  string
	inner *inner
	Store io.Reader
	Err   error
	F     func() string
}

func TestReachPathsFollowPointersAndInterfaces(t *testing.T) {
	assert.Empty(t, SecretPaths(reflect.TypeFor[reacher]()), "by value it holds nothing")
	assert.ElementsMatch(t, []string{"inner.Token", "Store (io.Reader)"}, ReachPaths(reflect.TypeFor[reacher]()))
	assert.Empty(t, ReachPaths(reflect.TypeFor[struct {
		Err error
		F   func() string
	}]()), "an error prints its message; a func its address")

	ptr, markers := PlantReachable(reflect.TypeFor[reacher]())
	r := ptr.Interface().(*reacher)
	require.NotNil(t, r.inner)
	assert.Equal(t, markers, []string{r.inner.Token})
	_, markers = Plant(reflect.TypeFor[reacher]())
	assert.Empty(t, markers)
}

func TestDeclaredAllReadsGeneratedFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p.go"), []byte("package p\ntype Hand struct{}\ntype Named Hand\ntype Alias = Hand\ntype Fn func()\ntype List []string\n"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "zz.gen.go"), []byte("// Code generated by opgen. DO NOT EDIT.\n\npackage p\ntype Service struct{}\n"), 0o600))
	decls, err := Declared(dir)
	require.NoError(t, err)
	assert.Equal(t, []Decl{{"Fn", false, false}, {"Hand", true, true}, {"List", false, true}, {"Named", false, true}}, decls)
	decls, err = DeclaredAll(dir)
	require.NoError(t, err)
	assert.Contains(t, decls, Decl{"Service", true, true})
}

// Reacher reaches a secret through a pointer and prints it with %s.
type Reacher struct{ In *inner }

// Formatted reaches one and formats itself.
type Formatted struct{ in *inner }

func (v Formatted) Format(f fmt.State, _ rune) { _, _ = fmt.Fprintf(f, "Formatted{%t}", v.in != nil) }
func (v Formatted) LogValue() slog.Value       { return slog.StringValue("Formatted{}") }

// LeakyFormat formats itself and prints what it reaches.
type LeakyFormat struct{ in *inner }

func (l LeakyFormat) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, l.in.Token) }
func (l LeakyFormat) LogValue() slog.Value       { return slog.StringValue("LeakyFormat{}") }

func TestCheckReachable(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p.go"), []byte(`package p
type Reacher struct{ In *inner }
type Formatted struct{ in *inner }
type LeakyFormat struct{ in *inner }
type Forgotten []string
type Option func()
`), 0o600))
	rec := &recorder{}
	holders := CheckReachable(rec, dir, reflect.TypeFor[Reacher](), reflect.TypeFor[Formatted](), reflect.TypeFor[LeakyFormat]())
	assert.Equal(t, []string{"Reacher", "Formatted", "LeakyFormat"}, holders)
	all := strings.Join(rec.errors, "\n")
	assert.Contains(t, all, "type Forgotten is not in the list")
	assert.NotContains(t, all, "Option")
	assert.Contains(t, all, "secretcheck.Reacher reaches a secret (In.Token) but secretcheck.Reacher has no Format method")
	assert.Contains(t, all, "secretcheck.Reacher (value) prints a secret with: %!")
	assert.Contains(t, all, "secretcheck.LeakyFormat (value) prints a secret with: % x")
	assert.NotContains(t, all, "secretcheck.Formatted ")
}
