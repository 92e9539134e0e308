package redact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSensitiveValuesOfABody(t *testing.T) {
	got := SensitiveValues([]byte(`{"account_type":"outbound","account_number":"123","nested":{"card_number":"4111","cvv":123,"name":"Asha"},"list":[{"document_number":"ABCDE1234F"}],"password":"pw"}`))
	assert.ElementsMatch(t, []string{"123", "4111", "123", "ABCDE1234F", "pw"}, got)
	assert.Empty(t, SensitiveValues([]byte(`{"name":"Asha","phone_number_verified":true}`)))
	assert.Empty(t, SensitiveValues([]byte(`not json`)))
}

// The value of a form field, a query parameter or a JSON member named
// like a secret is hidden, even when nobody knows the value.
func TestValuesOfSecretFieldsAreHidden(t *testing.T) {
	for in, want := range map[string]string{
		`access_token=Zk4q-v7005-yxw&otp=731906&state=x`:              `access_token=[redacted]&otp=[redacted]&state=x`,
		`{"refresh_token":"Zk1q","user":{"id":"u-1"}}`:                `{"refresh_token":[redacted],"user":{"id":"u-1"}}`,
		`{"tokens":{"access":"Zk5q","refresh":"Zk6q"},"id":"u-1"}`:    `{"tokens":[redacted],"id":"u-1"}`,
		`{"body":"{\"otp\":\"731906\",\"phone\":\"9876543210\"}"}`:    `{"body":"{\"otp\":[redacted],\"phone\":\"9876543210\"}"}`,
		`{"name":"Asha","phone_number_verified":true}`:                `{"name":"Asha","phone_number_verified":true}`,
		`upi: vpa=asha@okhdfc account_number=50100123456789 accepted`: `upi: vpa=[redacted] account_number=[redacted] accepted`,
	} {
		assert.Equal(t, want, Secrets{}.Clean(in), in)
	}
	assert.True(t, IsSensitiveName("card_security_code"))
	assert.True(t, IsSensitiveName("upi_id"))
	assert.False(t, IsSensitiveName("order_number"))
}

// What a server says about a field holding personal data loses whatever
// looks like such a number, and keeps the words of the message.
func TestScrubIdentifiers(t *testing.T) {
	assert.Equal(t, Mark+" is not a GSTIN the authority knows", ScrubIdentifiers("27AAPFU0939F1ZV is not a GSTIN the authority knows"))
	assert.Equal(t, "must be 9 to 18 digits; "+Mark+" is saved already", ScrubIdentifiers("must be 9 to 18 digits; 50100123456789 is saved already"))
	assert.Equal(t, "PAN "+Mark, ScrubIdentifiers("PAN ABCDE1234F"))
	assert.Equal(t, "ORDERS12 pending", ScrubIdentifiers("ORDERS12 pending"), "fewer than 4 digits")
}
