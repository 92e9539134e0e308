package storefront

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPersonalDataStaysOutOfErrors: an account number sent in a request
// never shows in the error the API's answer becomes — echoed in the
// message, in the per-field errors, JSON-escaped, or in a malformed body
// under any member that names it — and neither does a card number the
// answer carries.
func TestPersonalDataStaysOutOfErrors(t *testing.T) {
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

func TestSensitiveValuesOfABody(t *testing.T) {
	got := sensitiveValues([]byte(`{"account_type":"outbound","account_number":"123","nested":{"card_number":"4111","cvv":123,"name":"Asha"},"list":[{"document_number":"ABCDE1234F"}],"password":"pw"}`))
	assert.ElementsMatch(t, []string{"123", "4111", "123", "ABCDE1234F", "pw"}, got)
	assert.Empty(t, sensitiveValues([]byte(`{"name":"Asha","phone_number_verified":true}`)))
}

func TestCardNumbersAreFoundByShape(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"card 4111111111111111 declined", 1},
		{"card 4111 1111 1111 1111 declined", 1},
		{"card 4111-1111-1111-1111", 1},
		{"order 4111111111111112", 0},           // fails the Luhn check
		{"id 411111111111111111111", 0},         // too long
		{"phone 9876543210, pincode 560001", 0}, // too short
	} {
		assert.Len(t, cardNumbers(tc.in), tc.want, tc.in)
	}
	assert.Equal(t, "card "+redactedMark+" declined", redactor{}.clean("card 4111 1111 1111 1111 declined"))
}

// What a server says about a field holding personal data loses whatever
// looks like such a number, even one the request did not send, and keeps
// the rest of the message; other fields keep their numbers.
func TestFieldErrorsOfPersonalFieldsLoseTheirNumbers(t *testing.T) {
	raw := map[string]json.RawMessage{
		"document_number": json.RawMessage(`"27AAPFU0939F1ZV is not a GSTIN the authority knows"`),
		"account_number":  json.RawMessage(`["must be 9 to 18 digits", "50100123456789 is saved already"]`),
		"order_number":    json.RawMessage(`"ORD20250042 is not yours"`),
	}
	got := flattenFieldErrors(raw, redactor{}.scrubber())
	assert.Equal(t, redactedMark+" is not a GSTIN the authority knows", got["document_number"])
	assert.Equal(t, "must be 9 to 18 digits; "+redactedMark+" is saved already", got["account_number"])
	assert.Equal(t, "ORD20250042 is not yours", got["order_number"], "not personal data")
}
