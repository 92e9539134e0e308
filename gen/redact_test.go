package gen

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// TestModelsPrintWithoutSecrets prints models that hold secrets or
// personal data with every verb and through log/slog, alone and inside
// other values, and checks none of it shows.
func TestModelsPrintWithoutSecrets(t *testing.T) {
	const secret = "s3cr3t-918273645501"
	var bank CreateBankAccount
	if err := bank.FromCreateOutboundBankAccount(CreateOutboundBankAccount{AccountNumber: secret, AccountName: "Asha"}); err != nil {
		t.Fatal(err)
	}
	values := map[string]any{
		"tokens":       UserAuthContent{AccessToken: secret, RefreshToken: secret, User: User{ID: "u-1"}},
		"otp":          OTPContent{OTPToken: secret, OTPAction: "login", OTP: ptr(secret)},
		"account":      CreateOutboundBankAccount{AccountNumber: secret, AccountName: "Asha"},
		"account ptr":  &CreateOutboundBankAccount{AccountNumber: secret},
		"union":        bank,
		"nested":       struct{ Body CreateOutboundBankAccount }{CreateOutboundBankAccount{AccountNumber: secret}},
		"slice":        []UserAuthContent{{AccessToken: secret}},
		"login body":   LoginWithPasswordPhone{Phone: "9876543210", Password: secret},
		"refresh body": RefreshTokenJSONBody{RefreshToken: secret},
	}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			if out := fmt.Sprintf(verb, v); strings.Contains(out, secret) || strings.Contains(out, fmt.Sprintf("%x", secret)) {
				t.Errorf("%s printed with %s shows the secret: %s", name, verb, out)
			}
		}
		var b strings.Builder
		slog.New(slog.NewTextHandler(&b, nil)).Info("x", "v", v)
		if name != "slice" && name != "nested" {
			// slog's JSON handler writes a value inside another with
			// encoding/json, which must send these fields to the API as
			// they are: only a model logged as itself is hidden there.
			slog.New(slog.NewJSONHandler(&b, nil)).Info("x", "v", v)
		}
		if strings.Contains(b.String(), secret) {
			t.Errorf("%s logged shows the secret: %s", name, b.String())
		}
	}
	// What is not secret still shows.
	if out := fmt.Sprintf("%+v", CreateOutboundBankAccount{AccountNumber: secret, AccountName: "Asha"}); !strings.Contains(out, "Asha") || !strings.Contains(out, "[redacted]") {
		t.Errorf("printed %s", out)
	}
}

func ptr[T any](v T) *T { return &v }

// leaked reports the first form in which out shows secret: as it is, in
// hex (%x, %X), or as the decimal bytes fmt prints a []byte with (%v,
// %d), as a union's raw JSON is printed.
func leaked(out, secret string) string {
	dec := fmt.Sprint([]byte(secret))
	for _, form := range []string{secret, fmt.Sprintf("%x", secret), fmt.Sprintf("%X", secret), dec[1 : len(dec)-1]} {
		if strings.Contains(out, form) {
			return form
		}
	}
	return ""
}

// TestNestedPersonalDataPrintsRedacted: the x-sensitive fields of inline
// objects (a saved card's number, token, name and expiry, a UPI VPA), the
// models of a list reached through a pointer to a slice (printed by %s
// without their own methods), and a union whose branches hold a secret
// (raw JSON) print none of it, with any verb and through log/slog.
func TestNestedPersonalDataPrintsRedacted(t *testing.T) {
	const secret = "s3cr3t-4111111111111111"
	var saved SavedPaymentMethod
	if err := json.Unmarshal([]byte(`{"card":[{"card_number":"`+secret+`","card_token":"`+secret+`","name_on_card":"`+secret+`",`+
		`"card_exp_month":"`+secret+`","card_exp_year":"`+secret+`","card_type":"CREDIT"}],"upi_collect":[{"vpa":"`+secret+`","count":1,"last_used":"x"}]}`), &saved); err != nil {
		t.Fatal(err)
	}
	var order CreateOrderContent
	if err := json.Unmarshal([]byte(`{"payment_required":true,"payment_info":{"sdk_payload":{"payload":{"clientAuthToken":"`+secret+`"}},"juspay":{"client_auth_token":"`+secret+`"}}}`), &order); err != nil {
		t.Fatal(err)
	}
	values := map[string]any{
		"saved payment method":  saved,
		"saved methods content": ListSavedPaymentMethodsContent{SavedPaymentMethods: &saved},
		"bank accounts":         ListBankAccountsContent{BankAccounts: &[]CustomerBankAccount{{AccountNumber: secret, AccountName: "Asha"}}},
		"documents":             ListDocumentsContent{Documents: &[]Document{{DocumentNumber: secret}}},
		"order":                 order,
		"payment info":          order.PaymentInfo,
		"vpa":                   VerifyVpaContent{Vpa: secret, CustomerName: "Asha"},
		"vpa query":             VerifyVpaParams{Vpa: ptr(secret)},
		// A type defined as another has none of its methods: its own
		// must hide what the other holds, and not call itself.
		"defined body": ChangePasswordJSONRequestBody{OldPassword: secret, NewPassword: secret, ConfirmPassword: secret},
	}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
			for _, x := range []any{v, &v, []any{v}, struct{ V any }{v}} {
				if form := leaked(fmt.Sprintf(verb, x), secret); form != "" {
					t.Errorf("%s (%T) printed with %s shows %q", name, x, verb, form)
					break
				}
			}
		}
		var b strings.Builder
		slog.New(slog.NewTextHandler(&b, nil)).Info("x", "v", v)
		slog.New(slog.NewJSONHandler(&b, nil)).Info("x", "v", v)
		if form := leaked(b.String(), secret); form != "" {
			t.Errorf("%s logged shows %q: %s", name, form, b.String())
		}
	}
	// What is not secret still shows.
	if out := fmt.Sprintf("%s", values["bank accounts"]); !strings.Contains(out, "Asha") {
		t.Errorf("printed %s", out)
	}
	if out := fmt.Sprintf("%s", saved); !strings.Contains(out, "CREDIT") || !strings.Contains(out, "[redacted]") {
		t.Errorf("printed %s", out)
	}
}
