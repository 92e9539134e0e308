package storefront

import (
	"fmt"
	"log/slog"

	"github.com/commercengine-go/sdk/internal/redact"
)

// How the types that hold or reach a secret print. Each has String,
// GoString and Format methods, so fmt prints it without its secrets
// whatever the verb (%d, %s and %x too), and a LogValue method for
// log/slog. fmt calls them for the value itself, its pointer, and the
// value in an exported field, a slice, a map or an interface of another
// value; a secret shows as <redacted>, or <none> when it is empty, and
// what a type reaches through a pointer or an interface (a Session's
// client and store, a service's session, an upload's reader) is named,
// never printed.
//
// Two limits of fmt remain: it prints the fields of a value held in an
// unexported field of another struct one by one without calling any
// method, and, with a verb that does not suit a pointer (%s, %q …), it
// prints what a pointer field of another struct points to the same way
// (its %!s(...) output), even for an exported field whose type has no
// methods of its own (a *[]Tokens). Keep such values in exported fields,
// as values or as pointers to them, and let the type of the field print
// itself. encoding/json does not print but serialises: it writes the
// exported fields as they are, and so does slog's JSON handler for a
// value nested in a value it marshals.
//
// The services' methods are in services_format.go.

// present shows whether a secret is set (see redact.Present).
func present(s string) string { return redact.Present(s) }

// formatRedacted prints v through its String method, or GoString for %#v,
// whatever the verb (see redact.Format).
// formatRedacted is called from 80 Format methods: kept out of line, as
// newRequest is, for the build's sake.
//
//go:noinline
func formatRedacted(f fmt.State, verb rune, v redact.Printer) { redact.Format(f, verb, v) }

// newView starts the String of a type that holds a secret.
func newView(name string) *redact.View { return redact.NewView(name) }

// Tokens

// String describes the pair without its tokens.
func (t Tokens) String() string {
	return newView("Tokens").Secret("AccessToken", t.AccessToken).Secret("RefreshToken", t.RefreshToken).String()
}

// GoString keeps %#v from printing the tokens.
func (t Tokens) GoString() string { return "storefront." + t.String() }

// Format keeps every fmt verb (%d and %x too) from printing the tokens.
func (t Tokens) Format(f fmt.State, verb rune) { formatRedacted(f, verb, t) }

// LogValue implements slog.LogValuer without the tokens.
func (t Tokens) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("access_token", present(t.AccessToken)),
		slog.String("refresh_token", present(t.RefreshToken)))
}

// AuthResult

// String describes the result by its user's ID, without the tokens.
func (r AuthResult) String() string {
	id := ""
	if r.User != nil {
		id = r.User.ID
	}
	return newView("AuthResult").Field("User", id).Secret("AccessToken", r.AccessToken).Secret("RefreshToken", r.RefreshToken).String()
}

// GoString keeps %#v from printing the tokens.
func (r AuthResult) GoString() string { return "storefront." + r.String() }

// Format keeps every fmt verb from printing the tokens.
func (r AuthResult) Format(f fmt.State, verb rune) { formatRedacted(f, verb, r) }

// LogValue implements slog.LogValuer without the tokens.
func (r AuthResult) LogValue() slog.Value {
	var id string
	var loggedIn bool
	if r.User != nil {
		id, loggedIn = r.User.ID, r.User.IsLoggedIn
	}
	return slog.GroupValue(slog.String("user_id", id), slog.Bool("logged_in", loggedIn),
		slog.String("access_token", present(r.AccessToken)), slog.String("refresh_token", present(r.RefreshToken)))
}

// OTPChallenge

// String describes the challenge by its action, without the token or the
// code.
func (c OTPChallenge) String() string {
	return newView("OTPChallenge").Field("Action", c.Action).Secret("Token", c.Token).Secret("OTP", c.OTP).String()
}

// GoString keeps %#v from printing the token and the code.
func (c OTPChallenge) GoString() string { return "storefront." + c.String() }

// Format keeps every fmt verb from printing the token and the code.
func (c OTPChallenge) Format(f fmt.State, verb rune) { formatRedacted(f, verb, c) }

// LogValue implements slog.LogValuer without the token or the code.
func (c OTPChallenge) LogValue() slog.Value {
	return slog.GroupValue(slog.String("action", string(c.Action)),
		slog.String("token", present(c.Token)), slog.String("otp", present(c.OTP)))
}

// Client

// String describes the client without its API key.
func (c Client) String() string {
	return newView("Client").Field("StoreID", c.storeID).Field("BaseURL", c.base).Secret("APIKey", c.apiKey).String()
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

// Session

// String describes the session by its client's store, whether it is
// managed, and the type of its store, without the client's API key or
// the tokens; it reads nothing from the store.
func (s *Session) String() string {
	if s == nil {
		return "<nil>"
	}
	return newView("Session").Field("StoreID", storeIDOf(s)).Field("Managed", !s.manual).Field("Store", redact.TypeName(s.store)).String()
}

// GoString keeps %#v from printing what the session reaches.
func (s *Session) GoString() string {
	if s == nil {
		return "(*storefront.Session)(nil)"
	}
	return "&storefront." + s.String()
}

// Format keeps every fmt verb from printing the client's API key and the
// tokens the session reaches.
func (s *Session) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without the API key or the tokens.
func (s *Session) LogValue() slog.Value {
	if s == nil {
		return slog.StringValue("<nil>")
	}
	return slog.GroupValue(slog.String("store_id", storeIDOf(s)), slog.Bool("managed", !s.manual),
		slog.String("store", redact.TypeName(s.store)))
}

// storeIDOf returns the store of s's client ("" when it has none).
func storeIDOf(s *Session) string {
	if s == nil || s.c == nil {
		return ""
	}
	return s.c.storeID
}

// MemoryStore

// String describes the store without its tokens.
func (m *MemoryStore) String() string {
	if m == nil {
		return "<nil>"
	}
	t := m.tokens()
	return newView("MemoryStore").Secret("AccessToken", t.AccessToken).Secret("RefreshToken", t.RefreshToken).String()
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
	return newView("LoginWithPasswordParams").Field("Phone", p.Phone).Field("CountryCode", p.CountryCode).
		Field("Email", p.Email).Secret("Password", p.Password).String()
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
	return newView("RegisterWithPasswordParams").Field("Email", p.Email).Field("Phone", p.Phone).
		Field("CountryCode", p.CountryCode).Secret("Password", p.Password).Secret("ConfirmPassword", p.ConfirmPassword).
		Field("DebugMode", p.DebugMode).String()
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
	return newView("ResetPasswordParams").Field("Challenge", p.Challenge.String()).Secret("OTP", p.OTP).
		Secret("NewPassword", p.NewPassword).Secret("ConfirmPassword", p.ConfirmPassword).String()
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
	return newView("ChangePasswordParams").Secret("OldPassword", p.OldPassword).Secret("NewPassword", p.NewPassword).
		Secret("ConfirmPassword", p.ConfirmPassword).String()
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

// Uploads: what a reader holds (a document, a photo) is named by the
// reader's type, never read or printed.

// String describes the upload by its name and type, not its content.
func (u Upload) String() string {
	return newView("Upload").Field("Filename", u.Filename).Field("ContentType", u.ContentType).Field("Body", redact.TypeName(u.Body)).String()
}

// GoString keeps %#v from printing what the reader holds.
func (u Upload) GoString() string { return "storefront." + u.String() }

// Format keeps every fmt verb from printing what the reader holds.
func (u Upload) Format(f fmt.State, verb rune) { formatRedacted(f, verb, u) }

// LogValue implements slog.LogValuer without the content.
func (u Upload) LogValue() slog.Value {
	return slog.GroupValue(slog.String("filename", u.Filename), slog.String("content_type", u.ContentType),
		slog.String("body", redact.TypeName(u.Body)))
}

// String describes the image by its name and type, not its content.
func (i Image) String() string {
	return newView("Image").Field("Filename", i.Filename).Field("ContentType", i.ContentType).Field("Body", redact.TypeName(i.Body)).String()
}

// GoString keeps %#v from printing what the reader holds.
func (i Image) GoString() string { return "storefront." + i.String() }

// Format keeps every fmt verb from printing what the reader holds.
func (i Image) Format(f fmt.State, verb rune) { formatRedacted(f, verb, i) }

// LogValue implements slog.LogValuer without the content.
func (i Image) LogValue() slog.Value {
	return slog.GroupValue(slog.String("filename", i.Filename), slog.String("content_type", i.ContentType),
		slog.String("body", redact.TypeName(i.Body)))
}

// String describes the review and its files, not their content.
func (r Review) String() string {
	return newView("Review").Field("UserID", r.UserID).Field("OrderNumber", r.OrderNumber).Field("Rating", r.Rating).
		Field("Text", r.Text).Field("Images", r.Images).Field("Videos", r.Videos).String()
}

// GoString keeps %#v from printing what the files' readers hold.
func (r Review) GoString() string { return "storefront." + r.String() }

// Format keeps every fmt verb from printing what the files' readers hold.
func (r Review) Format(f fmt.State, verb rune) { formatRedacted(f, verb, r) }

// LogValue implements slog.LogValuer without the files' content.
func (r Review) LogValue() slog.Value {
	return slog.GroupValue(slog.String("user_id", r.UserID), slog.String("order_number", r.OrderNumber),
		slog.String("rating", r.Rating.String()), slog.Int("images", len(r.Images)), slog.Int("videos", len(r.Videos)))
}

// String describes the attachments, not their content.
func (a ReturnAttachments) String() string {
	return newView("ReturnAttachments").Field("Images", a.Images).Field("Videos", a.Videos).String()
}

// GoString keeps %#v from printing what the files' readers hold.
func (a ReturnAttachments) GoString() string { return "storefront." + a.String() }

// Format keeps every fmt verb from printing what the files' readers hold.
func (a ReturnAttachments) Format(f fmt.State, verb rune) { formatRedacted(f, verb, a) }

// LogValue implements slog.LogValuer without the files' content.
func (a ReturnAttachments) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("images", len(a.Images)), slog.Int("videos", len(a.Videos)))
}

// DocumentUpload

// String describes the document without its number or its scan's content.
func (d DocumentUpload) String() string {
	file := "<none>"
	if d.File != nil {
		file = d.File.Filename
	}
	return newView("DocumentUpload").Field("KycDocumentID", d.KycDocumentID).Secret("DocumentNumber", d.DocumentNumber).
		Field("Note", d.Note).Field("File", file).Field("ModifiedReason", d.ModifiedReason).String()
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
