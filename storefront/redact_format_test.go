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

// TestEverySecretHoldingTypeFormatsWithoutIt lists every exported type of
// the package that may hold another value, generated files included (a
// new one fails the test until it is listed), finds by reflection those
// that hold or reach a secret, behind pointers and interfaces too, checks
// that each formats itself (Format and LogValue), and prints each with a
// secret planted everywhere it reaches: every fmt verb, log/slog, and
// inside fields, slices, maps and interfaces of other values.
func TestEverySecretHoldingTypeFormatsWithoutIt(t *testing.T) {
	t.Parallel()
	holders := secretcheck.CheckReachable(t, ".",
		reflect.TypeFor[storefront.APIError](),
		reflect.TypeFor[storefront.AnalyticsService](),
		reflect.TypeFor[storefront.AuthResult](),
		reflect.TypeFor[storefront.AuthService](),
		reflect.TypeFor[storefront.CallOption](),
		reflect.TypeFor[storefront.CampaignsService](),
		reflect.TypeFor[storefront.CartService](),
		reflect.TypeFor[storefront.CatalogService](),
		reflect.TypeFor[storefront.ChangePasswordParams](),
		reflect.TypeFor[storefront.Claims](),
		reflect.TypeFor[storefront.Client](),
		reflect.TypeFor[storefront.CommonService](),
		reflect.TypeFor[storefront.CustomersService](),
		reflect.TypeFor[storefront.DocumentUpload](),
		reflect.TypeFor[storefront.FileStore](),
		reflect.TypeFor[storefront.ForgotPasswordParams](),
		reflect.TypeFor[storefront.FulfillmentService](),
		reflect.TypeFor[storefront.GenerateOTPParams](),
		reflect.TypeFor[storefront.Image](),
		reflect.TypeFor[storefront.LoginWithEmailParams](),
		reflect.TypeFor[storefront.LoginWithPasswordParams](),
		reflect.TypeFor[storefront.LoginWithPhoneParams](),
		reflect.TypeFor[storefront.MalformedResponseError](),
		reflect.TypeFor[storefront.MemoryStore](),
		reflect.TypeFor[storefront.OTPChallenge](),
		reflect.TypeFor[storefront.Option](),
		reflect.TypeFor[storefront.OrdersService](),
		reflect.TypeFor[storefront.PaymentsService](),
		reflect.TypeFor[storefront.Public](),
		reflect.TypeFor[storefront.PublicCatalogService](),
		reflect.TypeFor[storefront.PublicCommonService](),
		reflect.TypeFor[storefront.PublicStoreService](),
		reflect.TypeFor[storefront.POSAuthResult](),
		reflect.TypeFor[storefront.POSAuthService](),
		reflect.TypeFor[storefront.POSCartService](),
		reflect.TypeFor[storefront.POSCatalogService](),
		reflect.TypeFor[storefront.POSDevicesService](),
		reflect.TypeFor[storefront.POSEmailLogin](),
		reflect.TypeFor[storefront.POSOrdersService](),
		reflect.TypeFor[storefront.POSPhoneLogin](),
		reflect.TypeFor[storefront.POSServices](),
		reflect.TypeFor[storefront.POSSession](),
		reflect.TypeFor[storefront.RegisterWithEmailParams](),
		reflect.TypeFor[storefront.RegisterWithPasswordParams](),
		reflect.TypeFor[storefront.RegisterWithPhoneParams](),
		reflect.TypeFor[storefront.RegisterWithWhatsAppParams](),
		reflect.TypeFor[storefront.ResetPasswordParams](),
		reflect.TypeFor[storefront.ResponseInfo](),
		reflect.TypeFor[storefront.RetryPolicy](),
		reflect.TypeFor[storefront.ReturnAttachments](),
		reflect.TypeFor[storefront.Review](),
		reflect.TypeFor[storefront.Services](),
		reflect.TypeFor[storefront.Session](),
		reflect.TypeFor[storefront.SortField](),
		reflect.TypeFor[storefront.StoreService](),
		reflect.TypeFor[storefront.SubscriptionsService](),
		reflect.TypeFor[storefront.Tokens](),
		reflect.TypeFor[storefront.UpdateUserParams](),
		reflect.TypeFor[storefront.Upload](),
		reflect.TypeFor[storefront.VerificationStatus](),
		reflect.TypeFor[storefront.WishlistService](),
	)
	assert.ElementsMatch(t, []string{
		"AuthResult", "ChangePasswordParams", "Client", "DocumentUpload", "LoginWithPasswordParams", "MemoryStore",
		"OTPChallenge", "RegisterWithPasswordParams", "ResetPasswordParams", "Tokens",
		"Session", "Services", "Public", "AnalyticsService", "AuthService", "CampaignsService", "CartService",
		"CatalogService", "CommonService", "CustomersService", "FulfillmentService", "OrdersService",
		"PaymentsService", "StoreService", "SubscriptionsService", "WishlistService",
		"PublicCatalogService", "PublicCommonService", "PublicStoreService",
		"Upload", "Image", "Review", "ReturnAttachments",
		"POSSession", "POSServices", "POSAuthResult", "POSAuthService", "POSCartService", "POSCatalogService",
		"POSDevicesService", "POSOrdersService",
	}, holders, "the types found to hold or reach a secret")
}

// A real session, its services and the client's public services print
// none of the API key and tokens they reach, whatever the verb: %s of a
// Session used to print its client's fields through the %!s(...) path,
// the API key among them.
func TestSessionAndServicesPrintWithoutSecrets(t *testing.T) {
	t.Parallel()
	const (
		apiKey  = "sk_live_session-key-0001"
		access  = "acc.ess-token.session-0001"
		refresh = "ref.resh-token.session-0001"
	)
	client, err := storefront.New("store-1", storefront.WithAPIKey(apiKey))
	require.NoError(t, err)
	store := storefront.NewMemoryStore()
	require.NoError(t, store.Save(context.Background(), storefront.Tokens{AccessToken: access, RefreshToken: refresh}))
	sess := client.NewSession(store)
	manual := client.NewManualSession(storefront.Tokens{AccessToken: access, RefreshToken: refresh})
	pos := client.NewPOSSession(store)
	values := []any{sess, manual, pos, pos.POSServices, pos.Cart, *pos.Auth, storefront.POSAuthResult{AccessToken: access, RefreshToken: refresh},
		sess.Services, sess.Auth, *sess.Auth, sess.Customers, client.Auth, client.Public,
		client.Public.Catalog, *client.Public.Store, client.Services,
		struct{ S *storefront.Session }{sess}, []*storefront.Session{sess}, map[string]any{"k": sess.Cart}}
	for _, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%t"} {
			out := fmt.Sprintf(verb, v)
			for _, secret := range []string{apiKey, access, refresh} {
				assert.NotContains(t, out, secret, "%T with %s", v, verb)
				assert.NotContains(t, out, fmt.Sprintf("%x", secret[:8]), "%T with %s", v, verb)
			}
		}
		var buf bytes.Buffer
		slog.New(slog.NewTextHandler(&buf, nil)).Info("m", "v", v)
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "v", v)
		for _, secret := range []string{apiKey, access, refresh} {
			assert.NotContains(t, buf.String(), secret, "%T logged", v)
		}
	}
	assert.Equal(t, "Session{StoreID:store-1 Managed:true Store:*storefront.MemoryStore}", fmt.Sprintf("%s", sess))
	assert.Equal(t, "&storefront.Session{StoreID:store-1 Managed:false Store:*storefront.MemoryStore}", fmt.Sprintf("%#v", manual))
	assert.Equal(t, "AuthService{StoreID:store-1}", fmt.Sprint(sess.Auth))
	assert.Equal(t, "PublicCatalogService{StoreID:store-1}", fmt.Sprintf("%q", client.Public.Catalog))
}

// A user's own struct holding the SDK's values, in exported fields or
// embedded, printed with %+v and logged: what fmt reaches through methods
// is redacted, and what is not secret still shows.
func TestSecretHoldersInsideAUsersStruct(t *testing.T) {
	t.Parallel()
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
