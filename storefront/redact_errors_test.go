package storefront

// No secret or personal value of a request reaches the error its answer
// becomes, however the server echoed it: the glue between the errors of
// this package and internal/redact, whose own tests cover the mechanism.

import (
	"encoding/json"
	"errors"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/redact"
)

// pieces returns every run of n bytes of s (all of s when shorter): a
// piece of a secret in an error is a leak too, such as the prefix left by
// a cut.
func pieces(s string, n int) []string {
	if len(s) <= n {
		return []string{s}
	}
	var out []string
	for i := 0; i+n <= len(s); i++ {
		out = append(out, s[i:i+n])
	}
	return out
}

// errorTexts is everything an error shows: its message, and the fields of
// an *APIError or a *MalformedResponseError.
func errorTexts(err error) []string {
	texts := []string{err.Error()}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		texts = append(texts, apiErr.Message, apiErr.Code, apiErr.Body)
		for k, v := range apiErr.Fields {
			texts = append(texts, k, v)
		}
	}
	var me *MalformedResponseError
	if errors.As(err, &me) {
		texts = append(texts, me.Body, me.Reason)
	}
	return texts
}

// looseEscapes are the escapes a server may have applied to what it
// echoes, undone by unescapeLoosely.
var looseEscapes = regexp.MustCompile(`\\+(u[0-9a-fA-F]{4}|["\\/tnrbf])|%[0-9a-fA-F]{2}`)

// unescapeLoosely undoes, a few times over, the escapes of JSON (any
// number of backslashes), HTML, URLs and Go quoting, and collapses white
// space: what is left is what a reader of the text could make out.
func unescapeLoosely(s string) string {
	for range 3 {
		s = html.UnescapeString(s)
		s = looseEscapes.ReplaceAllStringFunc(s, func(m string) string {
			if m[0] == '%' {
				b, _ := strconv.ParseUint(m[1:], 16, 8)
				return string(rune(b))
			}
			m = strings.TrimLeft(m, `\`)
			if m == "" {
				return `\`
			}
			switch m[0] {
			case 'u':
				r, _ := strconv.ParseUint(m[1:], 16, 32)
				return string(rune(r))
			case 't', 'n', 'r', 'b', 'f':
				return " "
			}
			return m
		})
	}
	return strings.Join(strings.Fields(s), " ")
}

// assertNoSecret fails when err shows any 6-byte piece of a secret, in its
// own form or escaped in any way unescapeLoosely undoes.
func assertNoSecret(t *testing.T, err error, secrets ...string) {
	t.Helper()
	require.Error(t, err)
	for _, text := range errorTexts(err) {
		plain := unescapeLoosely(text)
		for _, s := range secrets {
			for _, p := range pieces(strings.Join(strings.Fields(s), " "), 6) {
				if strings.Contains(plain, p) {
					t.Errorf("the error shows %q, a piece of the secret %q:\n%s", p, s, text)
					return
				}
			}
		}
	}
}

// The secrets of these tests hold the characters that escaping changes.
const (
	echoPassword   = `Zq8&"p<a>ss\w0rd`
	spacedPassword = "correct  horse\tbattery\nstaple"
	cutPassword    = "Zq8!horse+battery~staple#91"
)

// TestErrorRedactionCatchesEchoedSecrets: whatever way the server echoes
// a secret of the request into its answer, the error does not show it.
func TestErrorRedactionCatchesEchoedSecrets(t *testing.T) {
	t.Parallel()
	login := func(api *testAPI, password string) error {
		_, err := api.client().NewSession(nil).Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: password})
		return err
	}
	reply := func(api *testAPI, status int, ctype string, body func(reqBody string, password string) string) {
		api.route(opLogin, func(w http.ResponseWriter, r *http.Request) {
			raw, _ := io.ReadAll(r.Body)
			var req struct {
				Password string `json:"password"`
			}
			_ = json.Unmarshal(raw, &req)
			w.Header().Set("Content-Type", ctype)
			w.WriteHeader(status)
			_, _ = io.WriteString(w, body(string(raw), req.Password))
		})
	}
	envelope := func(message string, errs any) string {
		b, _ := json.Marshal(map[string]any{"success": false, "code": "bad_request", "message": message, "errors": errs})
		return string(b)
	}

	t.Run("JSON-escaped echo of the request body in the message", func(t *testing.T) {
		api := newTestAPI(t)
		reply(api, 400, "application/json", func(req, _ string) string { return envelope("cannot parse "+req, nil) })
		err := login(api, echoPassword)
		assertNoSecret(t, err, echoPassword)
		assert.Contains(t, err.Error(), "cannot parse")
	})
	t.Run("JSON-escaped echo in an HTML page", func(t *testing.T) {
		api := newTestAPI(t)
		reply(api, 502, "text/html", func(req, _ string) string { return "<html><pre>" + req + "</pre></html>" })
		assertNoSecret(t, login(api, echoPassword), echoPassword)
	})
	t.Run("HTML-escaped echo in an HTML page", func(t *testing.T) {
		api := newTestAPI(t)
		reply(api, 502, "text/html", func(_, pw string) string { return "<p>password " + html.EscapeString(pw) + " refused</p>" })
		assertNoSecret(t, login(api, echoPassword), echoPassword)
	})
	t.Run("echo inside a JSON string inside the envelope", func(t *testing.T) {
		api := newTestAPI(t)
		reply(api, 400, "application/json", func(req, _ string) string {
			inner, _ := json.Marshal(req) // the request body as a JSON string, escaped twice
			return `{"success":false,"code":"bad_request","message":"bad","errors":{"body":` + string(inner) + `}}`
		})
		assertNoSecret(t, login(api, echoPassword), echoPassword)
	})
	t.Run("whitespace of the secret collapsed before redaction", func(t *testing.T) {
		api := newTestAPI(t)
		reply(api, 502, "text/html", func(_, pw string) string { return "<p>password\n\n" + pw + "\t refused</p>" })
		err := login(api, spacedPassword)
		assertNoSecret(t, err, spacedPassword, "correct horse battery staple")
		assert.Contains(t, err.Error(), "refused")
	})
	t.Run("values inside the envelope's errors object", func(t *testing.T) {
		api := newTestAPI(t)
		reply(api, 400, "application/json", func(_, pw string) string {
			return envelope("invalid", map[string]any{
				"password": map[string]any{"value": pw, "rule": "too common"},
				"session":  map[string]any{"otp_token": "Zk7q-v7008-yxw", "refresh_token": "Zk8q-v7009-yxw", "note": "kept"},
				"list":     []any{pw, "second"},
			})
		})
		err := login(api, echoPassword)
		assertNoSecret(t, err, echoPassword, "Zk7q-v7008-yxw", "Zk8q-v7009-yxw")
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Contains(t, apiErr.Fields["password"], "too common")
		assert.Contains(t, apiErr.Fields["session"], "kept")
	})
	t.Run("secret cut by the sample limit", func(t *testing.T) {
		for pad := sampleLimit*4 - 40; pad <= sampleLimit*4+8; pad++ {
			api := newTestAPI(t)
			reply(api, 502, "text/html", func(_, pw string) string {
				return "<p>" + strings.Repeat("\n", pad-3) + pw + " refused</p>"
			})
			assertNoSecret(t, login(api, cutPassword), cutPassword)
			if t.Failed() {
				t.Fatalf("pad %d", pad)
			}
		}
	})
	t.Run("an escaped secret cut by the sample limit", func(t *testing.T) {
		for pad := sampleLimit*4 - 60; pad <= sampleLimit*4+8; pad++ {
			api := newTestAPI(t)
			reply(api, 502, "text/html", func(req, _ string) string {
				return strings.Repeat(" ", pad) + req
			})
			assertNoSecret(t, login(api, echoPassword), echoPassword)
			if t.Failed() {
				t.Fatalf("pad %d", pad)
			}
		}
	})
}

// TestMalformedSuccessBodiesHideTokensAndCodes: a 2xx body the SDK cannot
// use is quoted in the error, without the tokens, OTP tokens and codes in
// it, even opaque ones that the redactor does not know.
func TestMalformedSuccessBodiesHideTokensAndCodes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, route, body string
		secrets           []string
		keeps             string
	}{
		{"opaque tokens without a user", opLogin,
			`{"message":"ok","success":true,"content":{"access_token":"Zk0q-v7001-yxw","refresh_token":"Zk1q-v7002-yxw","user":{}}}`,
			[]string{"Zk0q-v7001-yxw", "Zk1q-v7002-yxw"}, `"message":"ok"`},
		{"truncated in the middle of a token", opLogin,
			`{"message":"ok","success":true,"content":{"user":{"id":"u-1"},"access_token":"Zk2q-v7003-yxw`,
			[]string{"Zk2q-v7003-yxw"}, `"id":"u-1"`},
		{"otp and otp_token without an action", "POST /auth/login/phone",
			`{"message":"sent","success":true,"content":{"otp_token":"Zk3q-v7004-yxw","otp":"731905"}}`,
			[]string{"Zk3q-v7004-yxw", "731905"}, `"message":"sent"`},
		{"token in a form-encoded body", opLogin, `access_token=Zk4q-v7005-yxw&otp=731906&state=x`,
			[]string{"Zk4q-v7005-yxw", "731906"}, "state=x"},
		{"nested objects under a token's name", opLogin,
			`{"success":true,"content":{"tokens":{"access":"Zk5q-v7006-yxw","refresh":"Zk6q-v7007-yxw"},"user":{"id":"u-1"}}}`,
			[]string{"Zk5q-v7006-yxw", "Zk6q-v7007-yxw"}, `"id":"u-1"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			api := newTestAPI(t)
			api.route(c.route, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = io.WriteString(w, c.body)
			})
			sess := api.client().NewSession(nil)
			var err error
			if c.route == opLogin {
				_, err = sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", Password: "pw"})
			} else {
				_, err = sess.Auth.LoginWithPhone(bg, LoginWithPhoneParams{Phone: "9876543210"})
			}
			var me *MalformedResponseError
			require.ErrorAs(t, err, &me)
			assertNoSecret(t, err, c.secrets...)
			assert.Contains(t, me.Body, c.keeps, "the rest of the body still shows")
			assert.Contains(t, me.Body, "[redacted]")
		})
	}
}

// TestPersonalDataStaysOutOfErrors: an account number sent in a request
// never shows in the error the API's answer becomes — echoed in the
// message, in the per-field errors, JSON-escaped, or in a malformed body
// under any member that names it — and neither does a card number the
// answer carries.
func TestPersonalDataStaysOutOfErrors(t *testing.T) {
	t.Parallel()
	const account = "918273645501"
	const card = "4111111111111111"
	answers := []struct {
		status int
		ctype  string
		body   string
	}{
		{400, "application/json", `{"message":"account ` + account + ` is already saved","success":false,"code":"bad_request","errors":{"account_number":"` + account + ` exists"}}`},
		{400, "application/json", `{"message":"bad \u0022` + account + `\u0022","success":false,"code":"bad_request"}`},
		{200, "application/json", `{"message":"ok","success":true,"content":{"bank_account":{"account_number":"` + account + `","card_number":"` + card + `"`},
		{502, "text/html", `<html><body>upstream said: account_number=` + account + ` card ` + card + `</body></html>`},
	}
	for _, a := range answers {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", a.ctype)
			w.WriteHeader(a.status)
			_, _ = w.Write([]byte(a.body))
		}))
		c, err := New("s", WithBaseURL(srv.URL), WithRetryPolicy(NoRetries))
		require.NoError(t, err)
		sess := c.NewManualSession(Tokens{AccessToken: makeJWT(anonClaims("u-1"))})
		var body CreateBankAccount
		require.NoError(t, body.FromCreateOutboundBankAccount(CreateOutboundBankAccount{
			AccountName: "Asha Rao", AccountNumber: account, AccountType: "outbound", BankName: "State Bank", IfscCode: "SBIN0000001"}))
		_, err = sess.Customers.CreateBankAccount(bg, "cust-1", body)
		srv.Close()
		require.Error(t, err, a.body)
		msg := err.Error()
		assert.NotContains(t, msg, account, "%d %s", a.status, a.body)
		assert.NotContains(t, msg, card[4:], "%d %s", a.status, a.body)
		if strings.Contains(a.body, "already saved") {
			assert.Contains(t, msg, "is already saved", "the rest of the message stays")
		}
	}
}

// What a server says about a field holding personal data loses whatever
// looks like such a number, even one the request did not send, and keeps
// the rest of the message; other fields keep their numbers.
func TestFieldErrorsOfPersonalFieldsLoseTheirNumbers(t *testing.T) {
	t.Parallel()
	raw := map[string]json.RawMessage{
		"document_number": json.RawMessage(`"27AAPFU0939F1ZV is not a GSTIN the authority knows"`),
		"account_number":  json.RawMessage(`["must be 9 to 18 digits", "50100123456789 is saved already"]`),
		"order_number":    json.RawMessage(`"ORD20250042 is not yours"`),
	}
	got := flattenFieldErrors(raw, redact.Secrets(nil).Scrubber())
	assert.Equal(t, redact.Mark+" is not a GSTIN the authority knows", got["document_number"])
	assert.Equal(t, "must be 9 to 18 digits; "+redact.Mark+" is saved already", got["account_number"])
	assert.Equal(t, "ORD20250042 is not yours", got["order_number"], "not personal data")
}

// TestSensitiveValuesAreRedactedByFieldWhateverTheirLength: a value sent
// in a field that holds personal data or a secret stays out of the error,
// however short (a 3-digit CVV) and wherever the request carried it (a
// VPA in the query of verify-vpa), and the rest of the message stays.
func TestSensitiveValuesAreRedactedByFieldWhateverTheirLength(t *testing.T) {
	t.Parallel()
	t.Run("a 3-digit CVV echoed by create-order", func(t *testing.T) {
		api := newTestAPI(t)
		api.route("POST /orders", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 400, map[string]any{"success": false, "code": "bad_request",
				"message": "CVV 739 was refused for the card; order 91234 kept",
				"errors":  map[string]any{"card_security_code": "739 does not match", "payment_method": "cvv=739 rejected"}})
		})
		var body CreateOrderBody
		require.NoError(t, json.Unmarshal([]byte(`{"cart_id":"cart-1","payment_method":{"payment_provider_slug":"juspay","integration_type":"express_checkout",`+
			`"payment_method_type":"CARD","card_number":"4111111111111111","card_security_code":"739","card_exp_month":"12","card_exp_year":"2031","name_on_card":"Asha Rao","return_url":"https://shop.example/r","save_to_locker":false}}`), &body))
		_, err := api.client().NewManualSession(api.mint(userClaims("u-1"), time.Hour, time.Hour)).Orders.CreateOrder(bg, body)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		for _, text := range errorTexts(err) {
			assert.NotRegexp(t, `(^|[^0-9])739([^0-9]|$)`, text)
		}
		assert.Contains(t, apiErr.Message, "was refused for the card; order 91234 kept", "the rest of the message stays")
		assert.Contains(t, apiErr.Fields["card_security_code"], "does not match")
	})
	t.Run("a VPA sent in the query of verify-vpa", func(t *testing.T) {
		const vpa = "asha.rao@okhdfcbank"
		for _, answer := range []struct {
			status int
			ctype  string
			body   string
		}{
			{400, "application/json", `{"success":false,"code":"bad_request","message":"` + vpa + ` is not a valid VPA","errors":{"upi":"` + vpa + ` unknown"}}`},
			{502, "text/html", `<html><p>upstream could not check ` + vpa + ` (asha.rao%40okhdfcbank)</p></html>`},
			{200, "application/json", `{"success":false,"code":"invalid","message":"no such VPA: ` + vpa + `"}`},
		} {
			api := newTestAPI(t)
			api.route("GET /payments/verify-vpa", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", answer.ctype)
				w.WriteHeader(answer.status)
				_, _ = io.WriteString(w, answer.body)
			})
			v := vpa
			_, err := api.client().NewManualSession(api.mint(userClaims("u-1"), time.Hour, time.Hour)).Payments.VerifyVpa(bg, &VerifyVpaParams{Vpa: &v})
			assertNoSecret(t, err, vpa)
		}
	})
}
