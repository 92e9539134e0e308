package storefront_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/internal/secretcheck"
	"github.com/commercengine-go/sdk/storefront"
)

// TestEverySecretHoldingTypeFormatsWithoutIt lists every exported struct
// type of the package (a new one fails the test until it is listed), finds
// by reflection those that hold a secret, and prints each with a secret
// planted in every secret field: every fmt verb, log/slog, and inside
// fields, slices, maps and interfaces of other values.
func TestEverySecretHoldingTypeFormatsWithoutIt(t *testing.T) {
	holders := secretcheck.CheckPackage(t, ".", true,
		reflect.TypeFor[storefront.APIError](),
		reflect.TypeFor[storefront.AuthResult](),
		reflect.TypeFor[storefront.AuthService](),
		reflect.TypeFor[storefront.CallOption](),
		reflect.TypeFor[storefront.ChangePasswordParams](),
		reflect.TypeFor[storefront.Claims](),
		reflect.TypeFor[storefront.Client](),
		reflect.TypeFor[storefront.DocumentUpload](),
		reflect.TypeFor[storefront.FileStore](),
		reflect.TypeFor[storefront.ForgotPasswordParams](),
		reflect.TypeFor[storefront.GenerateOTPParams](),
		reflect.TypeFor[storefront.Image](),
		reflect.TypeFor[storefront.LoginWithEmailParams](),
		reflect.TypeFor[storefront.LoginWithPasswordParams](),
		reflect.TypeFor[storefront.LoginWithPhoneParams](),
		reflect.TypeFor[storefront.MalformedResponseError](),
		reflect.TypeFor[storefront.MemoryStore](),
		reflect.TypeFor[storefront.OTPChallenge](),
		reflect.TypeFor[storefront.Option](),
		reflect.TypeFor[storefront.RegisterWithEmailParams](),
		reflect.TypeFor[storefront.RegisterWithPasswordParams](),
		reflect.TypeFor[storefront.RegisterWithPhoneParams](),
		reflect.TypeFor[storefront.RegisterWithWhatsAppParams](),
		reflect.TypeFor[storefront.ResetPasswordParams](),
		reflect.TypeFor[storefront.ResponseInfo](),
		reflect.TypeFor[storefront.RetryPolicy](),
		reflect.TypeFor[storefront.ReturnAttachments](),
		reflect.TypeFor[storefront.Review](),
		reflect.TypeFor[storefront.Session](),
		reflect.TypeFor[storefront.SortField](),
		reflect.TypeFor[storefront.Tokens](),
		reflect.TypeFor[storefront.UpdateUserParams](),
		reflect.TypeFor[storefront.Upload](),
		reflect.TypeFor[storefront.User](),
		reflect.TypeFor[storefront.VerificationStatus](),
	)
	assert.ElementsMatch(t, []string{
		"AuthResult", "ChangePasswordParams", "Client", "LoginWithPasswordParams", "MemoryStore",
		"OTPChallenge", "RegisterWithPasswordParams", "ResetPasswordParams", "Tokens", "DocumentUpload",
	}, holders, "the types found to hold a secret")
}

// A user's own struct holding the SDK's values, in exported fields or
// embedded, printed with %+v and logged: what fmt reaches through methods
// is redacted, and what is not secret still shows.
func TestSecretHoldersInsideAUsersStruct(t *testing.T) {
	const (
		apiKey   = "sk_live_api-key-0001"
		access   = "acc.ess-token.0001"
		refresh  = "ref.resh-token.0001"
		password = "correct horse battery"
		newPW    = "Tr0ub4dor&3-new"
		otp      = "904117"
		otpToken = "otp-token-0001"
	)
	client, err := storefront.New("store-1", storefront.WithAPIKey(apiKey))
	require.NoError(t, err)
	store := storefront.NewMemoryStore()
	require.NoError(t, store.Save(context.Background(), storefront.Tokens{AccessToken: access, RefreshToken: refresh}))
	login := storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: password}
	reset := storefront.ResetPasswordParams{
		Challenge: storefront.OTPChallenge{Token: otpToken, Action: storefront.OTPResetPassword, OTP: otp},
		OTP:       otp, NewPassword: newPW, ConfirmPassword: newPW,
	}
	change := storefront.ChangePasswordParams{OldPassword: password, NewPassword: newPW, ConfirmPassword: newPW}
	register := storefront.RegisterWithPasswordParams{Phone: "9876543210", Password: password, ConfirmPassword: password}

	type signup struct {
		Login    storefront.LoginWithPasswordParams
		Reset    *storefront.ResetPasswordParams
		Change   storefront.ChangePasswordParams
		Register any
		Client   *storefront.Client
		Store    *storefront.MemoryStore
		Note     string
	}
	type embedsParams struct {
		storefront.LoginWithPasswordParams
		Note string
	}
	type embedsClient struct {
		*storefront.Client
		Note string
	}
	type embedsStore struct {
		storefront.MemoryStore
		Note string
	}
	var embedded embedsStore
	require.NoError(t, embedded.Save(context.Background(), storefront.Tokens{AccessToken: access, RefreshToken: refresh}))
	own := []any{client, *client, store, login, &login, reset, change, register}
	values := []any{
		signup{login, &reset, change, register, client, store, "n"},
		&signup{login, &reset, change, &register, client, store, "n"},
		embedsParams{login, "n"}, embedsClient{client, "n"}, &embedded,
		[]storefront.LoginWithPasswordParams{login}, map[string]storefront.ResetPasswordParams{"k": reset},
	}
	secrets := []string{apiKey, access, refresh, password, newPW, otp, otpToken}
	var printed []string
	for i, v := range append(own, values...) {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10.3v"} {
			printed = append(printed, fmt.Sprintf(verb, v))
		}
		var buf bytes.Buffer
		slog.New(slog.NewTextHandler(&buf, nil)).Info("m", "v", v)
		if i < len(own) {
			// The JSON handler resolves LogValue at the top level and
			// marshals what else it is given with encoding/json, which
			// serialises values: it is not a way of printing them.
			slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "v", v)
		}
		printed = append(printed, buf.String())
	}
	for _, p := range printed {
		for _, s := range secrets {
			assert.NotContains(t, p, s)
			assert.NotContains(t, p, fmt.Sprintf("%x", s[:6]), "a secret in hex")
		}
	}

	// What is not secret still shows.
	got := fmt.Sprintf("%+v", signup{login, &reset, change, register, client, store, "a note"})
	for _, want := range []string{"asha@example.com", "store-1", "9876543210", "reset-password", "a note", "<redacted>"} {
		assert.Contains(t, got, want)
	}
	assert.Equal(t, "LoginWithPasswordParams{Phone: CountryCode: Email:asha@example.com Password:<redacted>}", fmt.Sprint(login))
	assert.Equal(t, "storefront.LoginWithPasswordParams{Phone: CountryCode: Email:asha@example.com Password:<redacted>}", fmt.Sprintf("%#v", login))
	assert.Equal(t, "ChangePasswordParams{OldPassword:<redacted> NewPassword:<redacted> ConfirmPassword:<redacted>}", fmt.Sprint(change))
	assert.Equal(t, "LoginWithPasswordParams{Phone: CountryCode: Email: Password:<none>}", fmt.Sprint(storefront.LoginWithPasswordParams{}))
	assert.Equal(t, "MemoryStore{AccessToken:<redacted> RefreshToken:<redacted>}", fmt.Sprint(store))
	assert.True(t, strings.HasPrefix(fmt.Sprint(client), "Client{StoreID:store-1 BaseURL:https://staging.api.commercengine.io/api/v1/store-1/storefront APIKey:<redacted>"), fmt.Sprint(client))
	var nilClient *storefront.Client
	var nilStore *storefront.MemoryStore
	assert.Equal(t, "<nil> <nil>", fmt.Sprint(nilClient, nilStore))
}
