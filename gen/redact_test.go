package gen

import (
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
