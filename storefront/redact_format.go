package storefront

import (
	"fmt"
	"log/slog"
	"strings"
)

// How the types that hold a secret print. Each has String, GoString and
// Format methods, so fmt prints it without its secrets whatever the verb
// (%d and %x too), and a LogValue method for log/slog. fmt calls them for
// the value itself, its pointer, and the value in an exported field, a
// slice, a map or an interface of another value; a secret shows as
// <redacted>, or <none> when it is empty. Two limits of fmt remain: it
// prints the fields of a value held in an unexported field of another
// struct one by one without calling any method, and an operand of %p that
// is not a pointer likewise (go vet reports the latter). Keep such values
// in exported fields or behind a pointer. encoding/json does not print but
// serialises: it writes the exported fields as they are, and so does
// slog's JSON handler for a value nested in a value it marshals.
//
// Tokens, AuthResult and OTPChallenge carry their methods beside their
// definitions.

// view renders "Name{Field:value …}" with the secret fields redacted.
type view struct {
	b strings.Builder
	n int
}

func newView(name string) *view {
	v := &view{}
	v.b.WriteString(name)
	v.b.WriteByte('{')
	return v
}

// field adds a field that is not secret, printed with %v.
func (v *view) field(name string, value any) *view {
	if v.n > 0 {
		v.b.WriteByte(' ')
	}
	v.n++
	fmt.Fprintf(&v.b, "%s:%v", name, value)
	return v
}

// secret adds a secret field: <redacted>, or <none> when empty.
func (v *view) secret(name, value string) *view { return v.field(name, present(value)) }

func (v *view) String() string { return v.b.String() + "}" }

// Client

// String describes the client without its API key.
func (c Client) String() string {
	return newView("Client").field("StoreID", c.storeID).field("BaseURL", c.base).secret("APIKey", c.apiKey).String()
}

// GoString keeps %#v from printing the API key.
func (c Client) GoString() string { return "storefront." + c.String() }

// Format keeps every fmt verb from printing the API key.
func (c Client) Format(f fmt.State, verb rune) { formatRedacted(f, verb, c) }

// LogValue implements slog.LogValuer without the API key.
func (c Client) LogValue() slog.Value {
	return slog.GroupValue(slog.String("store_id", c.storeID), slog.String("base_url", c.base),
		slog.String("api_key", present(c.apiKey)))
}

// MemoryStore

// String describes the store without its tokens.
func (m *MemoryStore) String() string {
	if m == nil {
		return "<nil>"
	}
	t := m.tokens()
	return newView("MemoryStore").secret("AccessToken", t.AccessToken).secret("RefreshToken", t.RefreshToken).String()
}

// GoString keeps %#v from printing the tokens.
func (m *MemoryStore) GoString() string {
	if m == nil {
		return "(*storefront.MemoryStore)(nil)"
	}
	return "&storefront." + m.String()
}

// Format keeps every fmt verb from printing the tokens.
func (m *MemoryStore) Format(f fmt.State, verb rune) { formatRedacted(f, verb, m) }

// LogValue implements slog.LogValuer without the tokens.
func (m *MemoryStore) LogValue() slog.Value {
	if m == nil {
		return slog.StringValue("<nil>")
	}
	return m.tokens().LogValue()
}

// tokens returns the pair m holds.
func (m *MemoryStore) tokens() Tokens {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.t
}

// LoginWithPasswordParams

// String describes the parameters without the password.
func (p LoginWithPasswordParams) String() string {
	return newView("LoginWithPasswordParams").field("Phone", p.Phone).field("CountryCode", p.CountryCode).
		field("Email", p.Email).secret("Password", p.Password).String()
}

// GoString keeps %#v from printing the password.
func (p LoginWithPasswordParams) GoString() string { return "storefront." + p.String() }

// Format keeps every fmt verb from printing the password.
func (p LoginWithPasswordParams) Format(f fmt.State, verb rune) { formatRedacted(f, verb, p) }

// LogValue implements slog.LogValuer without the password.
func (p LoginWithPasswordParams) LogValue() slog.Value {
	return slog.GroupValue(slog.String("phone", p.Phone), slog.String("country_code", p.CountryCode),
		slog.String("email", p.Email), slog.String("password", present(p.Password)))
}

// RegisterWithPasswordParams

// String describes the parameters without the passwords.
func (p RegisterWithPasswordParams) String() string {
	return newView("RegisterWithPasswordParams").field("Email", p.Email).field("Phone", p.Phone).
		field("CountryCode", p.CountryCode).secret("Password", p.Password).secret("ConfirmPassword", p.ConfirmPassword).
		field("DebugMode", p.DebugMode).String()
}

// GoString keeps %#v from printing the passwords.
func (p RegisterWithPasswordParams) GoString() string { return "storefront." + p.String() }

// Format keeps every fmt verb from printing the passwords.
func (p RegisterWithPasswordParams) Format(f fmt.State, verb rune) { formatRedacted(f, verb, p) }

// LogValue implements slog.LogValuer without the passwords.
func (p RegisterWithPasswordParams) LogValue() slog.Value {
	return slog.GroupValue(slog.String("email", p.Email), slog.String("phone", p.Phone),
		slog.String("country_code", p.CountryCode), slog.String("password", present(p.Password)),
		slog.String("confirm_password", present(p.ConfirmPassword)), slog.Bool("debug_mode", p.DebugMode))
}

// ResetPasswordParams

// String describes the parameters without the passwords, the code or the
// challenge's token.
func (p ResetPasswordParams) String() string {
	return newView("ResetPasswordParams").field("Challenge", p.Challenge.String()).secret("OTP", p.OTP).
		secret("NewPassword", p.NewPassword).secret("ConfirmPassword", p.ConfirmPassword).String()
}

// GoString keeps %#v from printing the secrets.
func (p ResetPasswordParams) GoString() string { return "storefront." + p.String() }

// Format keeps every fmt verb from printing the secrets.
func (p ResetPasswordParams) Format(f fmt.State, verb rune) { formatRedacted(f, verb, p) }

// LogValue implements slog.LogValuer without the secrets.
func (p ResetPasswordParams) LogValue() slog.Value {
	return slog.GroupValue(slog.Any("challenge", p.Challenge), slog.String("otp", present(p.OTP)),
		slog.String("new_password", present(p.NewPassword)), slog.String("confirm_password", present(p.ConfirmPassword)))
}

// ChangePasswordParams

// String describes the parameters without the passwords.
func (p ChangePasswordParams) String() string {
	return newView("ChangePasswordParams").secret("OldPassword", p.OldPassword).secret("NewPassword", p.NewPassword).
		secret("ConfirmPassword", p.ConfirmPassword).String()
}

// GoString keeps %#v from printing the passwords.
func (p ChangePasswordParams) GoString() string { return "storefront." + p.String() }

// Format keeps every fmt verb from printing the passwords.
func (p ChangePasswordParams) Format(f fmt.State, verb rune) { formatRedacted(f, verb, p) }

// LogValue implements slog.LogValuer without the passwords.
func (p ChangePasswordParams) LogValue() slog.Value {
	return slog.GroupValue(slog.String("old_password", present(p.OldPassword)),
		slog.String("new_password", present(p.NewPassword)), slog.String("confirm_password", present(p.ConfirmPassword)))
}

// DocumentUpload

func (d DocumentUpload) String() string {
	file := "<none>"
	if d.File != nil {
		file = d.File.Filename
	}
	return newView("DocumentUpload").field("KycDocumentID", d.KycDocumentID).secret("DocumentNumber", d.DocumentNumber).
		field("Note", d.Note).field("File", file).field("ModifiedReason", d.ModifiedReason).String()
}

// GoString keeps %#v from printing the document number.
func (d DocumentUpload) GoString() string { return "storefront." + d.String() }

// Format keeps every fmt verb from printing the document number.
func (d DocumentUpload) Format(f fmt.State, verb rune) { formatRedacted(f, verb, d) }

// LogValue implements slog.LogValuer without the document number.
func (d DocumentUpload) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kyc_document_id", d.KycDocumentID),
		slog.String("document_number", present(d.DocumentNumber)), slog.Bool("file", d.File != nil))
}
