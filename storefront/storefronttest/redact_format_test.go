package storefronttest_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/commercengine-go/sdk/internal/secretcheck"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// TestEverySecretHoldingTypeFormatsWithoutIt: see the test of the same
// name in package storefront. The server holds its API key and signing
// key; UserParams holds a password.
func TestEverySecretHoldingTypeFormatsWithoutIt(t *testing.T) {
	holders := secretcheck.CheckPackage(t, ".", true,
		reflect.TypeFor[storefronttest.AttributeInput](),
		reflect.TypeFor[storefronttest.BundleItemInput](),
		reflect.TypeFor[storefronttest.CardInput](),
		reflect.TypeFor[storefronttest.CategoryInput](),
		reflect.TypeFor[storefronttest.Channel](),
		reflect.TypeFor[storefronttest.TokenClaims](),
		reflect.TypeFor[storefronttest.CommerceStats](),
		reflect.TypeFor[storefronttest.CountryInput](),
		reflect.TypeFor[storefronttest.CreditLineInput](),
		reflect.TypeFor[storefronttest.CouponInput](),
		reflect.TypeFor[storefronttest.CustomerGroupInput](),
		reflect.TypeFor[storefronttest.Fault](),
		reflect.TypeFor[storefronttest.LoyaltyTier](),
		reflect.TypeFor[storefronttest.Option](),
		reflect.TypeFor[storefronttest.POSDeviceParams](),
		reflect.TypeFor[storefronttest.POSLocationParams](),
		reflect.TypeFor[storefronttest.POSRole](),
		reflect.TypeFor[storefronttest.POSStaffParams](),
		reflect.TypeFor[storefronttest.PostalCodeInput](),
		reflect.TypeFor[storefronttest.ProductInfo](),
		reflect.TypeFor[storefronttest.ProductInput](),
		reflect.TypeFor[storefronttest.ReviewInput](),
		reflect.TypeFor[storefronttest.SellerInput](),
		reflect.TypeFor[storefronttest.SellerReviewInput](),
		reflect.TypeFor[storefronttest.Server](),
		reflect.TypeFor[storefronttest.StateInput](),
		reflect.TypeFor[storefronttest.Stats](),
		reflect.TypeFor[storefronttest.UserInfo](),
		reflect.TypeFor[storefronttest.UserParams](),
		reflect.TypeFor[storefronttest.VariantInput](),
	)
	assert.ElementsMatch(t, []string{"CardInput", "Server", "UserParams"}, holders)
}

func TestServerAndUserParamsPrintWithoutSecrets(t *testing.T) {
	srv := storefronttest.NewServer(storefronttest.WithAPIKey("ce_test_printed-key-0001"))
	defer srv.Close()
	p := storefronttest.UserParams{Email: "asha@example.com", Password: "correct horse battery"}
	type fixture struct {
		Server *storefronttest.Server
		User   storefronttest.UserParams
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%d", "%x"} {
		for _, v := range []any{srv, p, fixture{srv, p}} {
			s := fmt.Sprintf(verb, v)
			assert.NotContains(t, s, "ce_test_printed-key-0001")
			assert.NotContains(t, s, "correct horse")
			assert.NotContains(t, s, fmt.Sprintf("%x", "correct"))
		}
	}
	got := fmt.Sprintf("%+v", fixture{srv, p})
	assert.True(t, strings.Contains(got, srv.URL()) && strings.Contains(got, "asha@example.com") && strings.Contains(got, "<redacted>"), got)
}
