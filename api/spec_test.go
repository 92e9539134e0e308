package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
)

// authOperations is the Auth group as auth-api.md lists it: every
// operationId with its method and path. The spec must hold exactly these.
var authOperations = []api.Operation{
	{ID: "get-anonymous-token", Method: "POST", Path: "/auth/anonymous"},
	{ID: "login-with-password", Method: "POST", Path: "/auth/login/password"},
	{ID: "register-with-phone", Method: "POST", Path: "/auth/register/phone"},
	{ID: "login-with-phone", Method: "POST", Path: "/auth/login/phone"},
	{ID: "login-with-whatsapp", Method: "POST", Path: "/auth/login/whatsapp"},
	{ID: "login-with-email", Method: "POST", Path: "/auth/login/email"},
	{ID: "verify-otp", Method: "POST", Path: "/auth/verify-otp"},
	{ID: "register-with-email", Method: "POST", Path: "/auth/register/email"},
	{ID: "register-with-whatsapp", Method: "POST", Path: "/auth/register/whatsapp"},
	{ID: "register-with-password", Method: "POST", Path: "/auth/register/password"},
	{ID: "refresh-token", Method: "POST", Path: "/auth/refresh-token"},
	{ID: "logout", Method: "POST", Path: "/auth/logout"},
	{ID: "generate-otp", Method: "POST", Path: "/auth/generate-otp"},
	{ID: "forgot-password", Method: "POST", Path: "/auth/forgot-password"},
	{ID: "reset-password", Method: "POST", Path: "/auth/reset-password"},
	{ID: "change-password", Method: "POST", Path: "/auth/change-password"},
	{ID: "check-verification-status", Method: "POST", Path: "/auth/verified-email-phone"},
	{ID: "get-user-detail", Method: "GET", Path: "/auth/user/{id}"},
	{ID: "update-user", Method: "PUT", Path: "/auth/user/{id}"},
	{ID: "delete-user", Method: "DELETE", Path: "/auth/user/{id}"},
	{ID: "deactivate-user", Method: "PUT", Path: "/auth/user/{id}/deactivate"},
	{ID: "get-profile-image", Method: "GET", Path: "/auth/user/{id}/profile-image"},
	{ID: "add-profile-image", Method: "POST", Path: "/auth/user/{id}/profile-image"},
	{ID: "update-profile-image", Method: "PUT", Path: "/auth/user/{id}/profile-image"},
	{ID: "remove-profile-image", Method: "DELETE", Path: "/auth/user/{id}/profile-image"},
}

// shopOperations are the 119 operations beyond Auth, but for point of sale,
// as storefront-api.md lists them.
var shopOperations = []api.Operation{
	{ID: "list-categories", Method: "GET", Path: "/catalog/categories"},
	{ID: "list-marketplace-categories", Method: "GET", Path: "/catalog/marketplace/categories"},
	{ID: "list-marketplace-products", Method: "GET", Path: "/catalog/marketplace/products"},
	{ID: "list-marketplace-crosssell-products", Method: "GET", Path: "/catalog/marketplace/products/cross-sell"},
	{ID: "search-marketplace-products", Method: "POST", Path: "/catalog/marketplace/products/search"},
	{ID: "list-marketplace-similar-products", Method: "GET", Path: "/catalog/marketplace/products/similar"},
	{ID: "list-marketplace-upsell-products", Method: "GET", Path: "/catalog/marketplace/products/up-sell"},
	{ID: "get-marketplace-product-detail", Method: "GET", Path: "/catalog/marketplace/products/{product_id}"},
	{ID: "list-marketplace-product-reviews", Method: "GET", Path: "/catalog/marketplace/products/{product_id}/reviews"},
	{ID: "create-marketplace-product-review", Method: "POST", Path: "/catalog/marketplace/products/{product_id}/reviews"},
	{ID: "list-marketplace-product-variants", Method: "GET", Path: "/catalog/marketplace/products/{product_id}/variants"},
	{ID: "get-marketplace-variant-detail", Method: "GET", Path: "/catalog/marketplace/products/{product_id}/variants/{variant_id}"},
	{ID: "list-marketplace-skus", Method: "GET", Path: "/catalog/marketplace/skus"},
	{ID: "list-products", Method: "GET", Path: "/catalog/products"},
	{ID: "list-crosssell-products", Method: "GET", Path: "/catalog/products/cross-sell"},
	{ID: "search-products", Method: "POST", Path: "/catalog/products/search"},
	{ID: "list-similar-products", Method: "GET", Path: "/catalog/products/similar"},
	{ID: "list-upsell-products", Method: "GET", Path: "/catalog/products/up-sell"},
	{ID: "get-product-detail", Method: "GET", Path: "/catalog/products/{product_id}"},
	{ID: "list-product-reviews", Method: "GET", Path: "/catalog/products/{product_id}/reviews"},
	{ID: "create-product-review", Method: "POST", Path: "/catalog/products/{product_id}/reviews"},
	{ID: "list-product-variants", Method: "GET", Path: "/catalog/products/{product_id}/variants"},
	{ID: "get-variant-detail", Method: "GET", Path: "/catalog/products/{product_id}/variants/{variant_id}"},
	{ID: "list-skus", Method: "GET", Path: "/catalog/skus"},
	{ID: "check-store", Method: "GET", Path: "/store/check"},
	{ID: "get-config", Method: "GET", Path: "/store/config"},
	{ID: "list-kyc-document", Method: "GET", Path: "/store/kyc-document"},
	{ID: "get-seller-detail", Method: "GET", Path: "/store/sellers/{id}"},
	{ID: "list-seller-reviews", Method: "GET", Path: "/store/sellers/{id}/reviews"},
	{ID: "list-countries", Method: "GET", Path: "/common/countries"},
	{ID: "list-country-pincodes", Method: "GET", Path: "/common/countries/{country_iso_code}/pincodes"},
	{ID: "list-country-states", Method: "GET", Path: "/common/countries/{country_iso_code}/states"},
	{ID: "track-analytics-event", Method: "POST", Path: "/analytics/track"},
	{ID: "subscribe-newsletter", Method: "POST", Path: "/campaigns/newsletter-subscribe"},
	{ID: "check-fulfillment", Method: "POST", Path: "/fulfillment/serviceability"},
	{ID: "create-cart", Method: "POST", Path: "/carts"},
	{ID: "list-coupons", Method: "GET", Path: "/carts/available-coupons"},
	{ID: "list-promotions", Method: "GET", Path: "/carts/available-promotions"},
	{ID: "get-fulfillment-options", Method: "POST", Path: "/carts/fulfillment-options"},
	{ID: "delete-user-cart", Method: "DELETE", Path: "/carts/users/{user_id}"},
	{ID: "get-user-cart", Method: "GET", Path: "/carts/users/{user_id}"},
	{ID: "delete-cart", Method: "DELETE", Path: "/carts/{id}"},
	{ID: "get-cart", Method: "GET", Path: "/carts/{id}"},
	{ID: "create-cart-address", Method: "POST", Path: "/carts/{id}/address"},
	{ID: "remove-coupon", Method: "DELETE", Path: "/carts/{id}/coupon"},
	{ID: "apply-coupon", Method: "POST", Path: "/carts/{id}/coupon"},
	{ID: "remove-credit-balance", Method: "DELETE", Path: "/carts/{id}/credit-balance"},
	{ID: "redeem-credit-balance", Method: "POST", Path: "/carts/{id}/credit-balance"},
	{ID: "evaluate-coupons", Method: "GET", Path: "/carts/{id}/evaluate-coupons"},
	{ID: "evaluate-promotions", Method: "GET", Path: "/carts/{id}/evaluate-promotions"},
	{ID: "update-fulfillment-preference", Method: "POST", Path: "/carts/{id}/fulfillment-preference"},
	{ID: "update-cart", Method: "POST", Path: "/carts/{id}/items"},
	{ID: "remove-loyalty-points", Method: "DELETE", Path: "/carts/{id}/loyalty-points"},
	{ID: "redeem-loyalty-points", Method: "POST", Path: "/carts/{id}/loyalty-points"},
	{ID: "authenticate-direct-otp", Method: "POST", Path: "/payments/authenticate-direct-otp"},
	{ID: "get-card-info", Method: "GET", Path: "/payments/card-info"},
	{ID: "generate-hash", Method: "POST", Path: "/payments/generate-hash"},
	{ID: "get-ifsc-lookup", Method: "GET", Path: "/payments/ifsc-lookup/{ifsc_code}"},
	{ID: "create-juspay-order", Method: "POST", Path: "/payments/juspay/create-order"},
	{ID: "create-juspay-customer", Method: "POST", Path: "/payments/juspay/customers"},
	{ID: "get-juspay-customer", Method: "GET", Path: "/payments/juspay/customers/{user_id}"},
	{ID: "list-payment-methods", Method: "GET", Path: "/payments/payment-methods"},
	{ID: "resend-direct-otp", Method: "POST", Path: "/payments/resend-direct-otp"},
	{ID: "verify-vpa", Method: "GET", Path: "/payments/verify-vpa"},
	{ID: "delete-from-wishlist", Method: "DELETE", Path: "/wishlist/{user_id}"},
	{ID: "get-wishlist", Method: "GET", Path: "/wishlist/{user_id}"},
	{ID: "add-to-wishlist", Method: "POST", Path: "/wishlist/{user_id}"},
	{ID: "list-orders", Method: "GET", Path: "/orders"},
	{ID: "create-order", Method: "POST", Path: "/orders"},
	{ID: "list-buy-it-again-items", Method: "GET", Path: "/orders/buy-it-again"},
	{ID: "get-order-detail", Method: "GET", Path: "/orders/{order_number}"},
	{ID: "cancel-order", Method: "POST", Path: "/orders/{order_number}/cancel"},
	{ID: "cancel-payment-request", Method: "POST", Path: "/orders/{order_number}/cancel-payment-request"},
	{ID: "get-payment-status", Method: "GET", Path: "/orders/{order_number}/payment-status"},
	{ID: "list-order-payments", Method: "GET", Path: "/orders/{order_number}/payments"},
	{ID: "list-order-refunds", Method: "GET", Path: "/orders/{order_number}/refunds"},
	{ID: "retry-order-payment", Method: "POST", Path: "/orders/{order_number}/retry-payment"},
	{ID: "list-order-returns", Method: "GET", Path: "/orders/{order_number}/returns"},
	{ID: "create-order-return", Method: "POST", Path: "/orders/{order_number}/returns"},
	{ID: "get-order-return-detail", Method: "GET", Path: "/orders/{order_number}/returns/{return_number}"},
	{ID: "upload-order-return-attachments", Method: "POST", Path: "/orders/{order_number}/returns/{return_number}/attachments"},
	{ID: "cancel-order-return", Method: "POST", Path: "/orders/{order_number}/returns/{return_number}/cancel"},
	{ID: "list-order-shipments", Method: "GET", Path: "/orders/{order_number}/shipments"},
	{ID: "list-addresses", Method: "GET", Path: "/customers/{customer_id}/addresses"},
	{ID: "create-address", Method: "POST", Path: "/customers/{customer_id}/addresses"},
	{ID: "delete-address", Method: "DELETE", Path: "/customers/{customer_id}/addresses/{address_id}"},
	{ID: "get-address-detail", Method: "GET", Path: "/customers/{customer_id}/addresses/{address_id}"},
	{ID: "update-address-detail", Method: "PUT", Path: "/customers/{customer_id}/addresses/{address_id}"},
	{ID: "list-bank-accounts", Method: "GET", Path: "/customers/{customer_id}/bank-accounts"},
	{ID: "create-bank-account", Method: "POST", Path: "/customers/{customer_id}/bank-accounts"},
	{ID: "delete-bank-account", Method: "DELETE", Path: "/customers/{customer_id}/bank-accounts/{account_id}"},
	{ID: "get-bank-account-detail", Method: "GET", Path: "/customers/{customer_id}/bank-accounts/{account_id}"},
	{ID: "update-bank-account", Method: "PUT", Path: "/customers/{customer_id}/bank-accounts/{account_id}"},
	{ID: "verify-bank-account", Method: "POST", Path: "/customers/{customer_id}/bank-accounts/{account_id}/verify"},
	{ID: "list-customer-cards", Method: "GET", Path: "/customers/{customer_id}/cards"},
	{ID: "get-customer-credit-line-balance", Method: "GET", Path: "/customers/{customer_id}/credit-line-balance"},
	{ID: "list-documents", Method: "GET", Path: "/customers/{customer_id}/documents"},
	{ID: "create-document", Method: "POST", Path: "/customers/{customer_id}/documents"},
	{ID: "verify-document", Method: "POST", Path: "/customers/{customer_id}/documents/verify"},
	{ID: "delete-document", Method: "DELETE", Path: "/customers/{customer_id}/documents/{document_id}"},
	{ID: "get-document", Method: "GET", Path: "/customers/{customer_id}/documents/{document_id}"},
	{ID: "update-document", Method: "PUT", Path: "/customers/{customer_id}/documents/{document_id}"},
	{ID: "get-loyalty-details", Method: "GET", Path: "/customers/{customer_id}/loyalty"},
	{ID: "list-loyalty-activities", Method: "GET", Path: "/customers/{customer_id}/loyalty-points-activity"},
	{ID: "list-customer-mandate-debit-schedules", Method: "GET", Path: "/customers/{customer_id}/mandate-debit-schedules"},
	{ID: "list-customer-mandates", Method: "GET", Path: "/customers/{customer_id}/mandates"},
	{ID: "create-customer-mandate", Method: "POST", Path: "/customers/{customer_id}/mandates"},
	{ID: "get-customer-mandate", Method: "GET", Path: "/customers/{customer_id}/mandates/{mandate_id}"},
	{ID: "update-customer-mandate", Method: "PUT", Path: "/customers/{customer_id}/mandates/{mandate_id}"},
	{ID: "pause-customer-mandate", Method: "POST", Path: "/customers/{customer_id}/mandates/{mandate_id}/pause"},
	{ID: "resume-customer-mandate", Method: "POST", Path: "/customers/{customer_id}/mandates/{mandate_id}/resume"},
	{ID: "revoke-customer-mandate", Method: "POST", Path: "/customers/{customer_id}/mandates/{mandate_id}/revoke"},
	{ID: "list-saved-payment-methods", Method: "GET", Path: "/customers/{customer_id}/payment-methods"},
	{ID: "list-customer-reviews", Method: "GET", Path: "/customers/{customer_id}/reviews"},
	{ID: "get-customer-authorized-sellers", Method: "GET", Path: "/customers/{id}/authorized-sellers"},
	{ID: "list-subscriptions", Method: "GET", Path: "/subscriptions"},
	{ID: "create-subscription", Method: "POST", Path: "/subscriptions"},
	{ID: "get-subscription", Method: "GET", Path: "/subscriptions/{id}"},
	{ID: "update-subscription", Method: "PUT", Path: "/subscriptions/{id}"},
}

// posOperations are point of sale's 44 operations, as storefront-api.md
// lists them.
var posOperations = []api.Operation{
	{ID: "pair-pos-device", Method: "POST", Path: "/pos/auth/pair-device"},
	{ID: "login-pos-device-with-phone", Method: "POST", Path: "/pos/auth/login/phone"},
	{ID: "login-pos-device-with-email", Method: "POST", Path: "/pos/auth/login/email"},
	{ID: "login-pos-device-with-whatsapp", Method: "POST", Path: "/pos/auth/login/whatsapp"},
	{ID: "verify-pos-login-otp", Method: "POST", Path: "/pos/auth/verify-otp"},
	{ID: "refresh-pos-access-token", Method: "POST", Path: "/pos/auth/refresh-token"},
	{ID: "logout-from-pos-device", Method: "POST", Path: "/pos/auth/logout"},
	{ID: "list-pos-devices", Method: "GET", Path: "/pos/devices"},
	{ID: "claim-pos-device", Method: "POST", Path: "/pos/devices/{id}/claim"},
	{ID: "unclaim-pos-device", Method: "POST", Path: "/pos/devices/{id}/unclaim"},
	{ID: "list-pos-locations", Method: "GET", Path: "/pos/locations"},
	{ID: "get-pos-user", Method: "GET", Path: "/pos/users/{id}"},
	{ID: "pos-list-categories", Method: "GET", Path: "/pos/catalog/categories"},
	{ID: "pos-list-products", Method: "GET", Path: "/pos/catalog/products"},
	{ID: "pos-list-crosssell-products", Method: "GET", Path: "/pos/catalog/products/cross-sell"},
	{ID: "pos-search-products", Method: "POST", Path: "/pos/catalog/products/search"},
	{ID: "pos-list-similar-products", Method: "GET", Path: "/pos/catalog/products/similar"},
	{ID: "pos-list-upsell-products", Method: "GET", Path: "/pos/catalog/products/up-sell"},
	{ID: "pos-get-product-detail", Method: "GET", Path: "/pos/catalog/products/{product_id}"},
	{ID: "pos-list-product-reviews", Method: "GET", Path: "/pos/catalog/products/{product_id}/reviews"},
	{ID: "pos-list-product-variants", Method: "GET", Path: "/pos/catalog/products/{product_id}/variants"},
	{ID: "pos-get-variant-detail", Method: "GET", Path: "/pos/catalog/products/{product_id}/variants/{variant_id}"},
	{ID: "pos-list-skus", Method: "GET", Path: "/pos/catalog/skus"},
	{ID: "pos-create-cart", Method: "POST", Path: "/pos/carts"},
	{ID: "pos-list-coupons", Method: "GET", Path: "/pos/carts/available-coupons"},
	{ID: "pos-list-promotions", Method: "GET", Path: "/pos/carts/available-promotions"},
	{ID: "pos-get-user-cart", Method: "GET", Path: "/pos/carts/users/{user_id}"},
	{ID: "pos-delete-cart", Method: "DELETE", Path: "/pos/carts/{id}"},
	{ID: "pos-get-cart", Method: "GET", Path: "/pos/carts/{id}"},
	{ID: "pos-create-cart-address", Method: "POST", Path: "/pos/carts/{id}/address"},
	{ID: "pos-remove-coupon", Method: "DELETE", Path: "/pos/carts/{id}/coupon"},
	{ID: "pos-apply-coupon", Method: "POST", Path: "/pos/carts/{id}/coupon"},
	{ID: "pos-remove-credit-balance", Method: "DELETE", Path: "/pos/carts/{id}/credit-balance"},
	{ID: "pos-redeem-credit-balance", Method: "POST", Path: "/pos/carts/{id}/credit-balance"},
	{ID: "pos-evaluate-coupons", Method: "GET", Path: "/pos/carts/{id}/evaluate-coupons"},
	{ID: "pos-evaluate-promotions", Method: "GET", Path: "/pos/carts/{id}/evaluate-promotions"},
	{ID: "pos-update-fulfillment-preference", Method: "POST", Path: "/pos/carts/{id}/fulfillment-preference"},
	{ID: "pos-update-cart", Method: "POST", Path: "/pos/carts/{id}/items"},
	{ID: "pos-remove-loyalty-points", Method: "DELETE", Path: "/pos/carts/{id}/loyalty-points"},
	{ID: "pos-redeem-loyalty-points", Method: "POST", Path: "/pos/carts/{id}/loyalty-points"},
	{ID: "update-pos-cart-customer", Method: "POST", Path: "/pos/carts/{id}/update-customer"},
	{ID: "get-pos-fulfillment-options", Method: "POST", Path: "/pos/fulfillment-options"},
	{ID: "create-pos-order", Method: "POST", Path: "/pos/orders"},
	{ID: "pos-get-payment-status", Method: "GET", Path: "/pos/orders/{order_number}/payment-status"},
}

// tagOfPath is the tag of the operations under each first path segment.
var tagOfPath = map[string]string{
	"auth": "Auth", "catalog": "Catalog", "store": "Store", "common": "Common",
	"analytics": "Analytics", "campaigns": "Campaigns", "fulfillment": "Fulfillment",
	"carts": "Carts", "payments": "Payments", "wishlist": "Wishlist", "orders": "Orders",
	"customers": "Customers", "subscriptions": "Subscriptions",
}

// tagOfPOSPath is the tag of the point-of-sale operations under each
// second path segment (/pos/<segment>/…): one tag per service of a POS
// session. Fulfillment options are a cart's, as the storefront's are.
var tagOfPOSPath = map[string]string{
	"auth": "POS Auth", "devices": "POS Devices", "locations": "POS Devices", "users": "POS Devices",
	"catalog": "POS Catalog", "carts": "POS Carts", "fulfillment-options": "POS Carts", "orders": "POS Orders",
}

// tagOf is the tag an operation at path must have.
func tagOf(path string) string {
	group, rest, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	if group == "pos" {
		second, _, _ := strings.Cut(rest, "/")
		return tagOfPOSPath[second]
	}
	return tagOfPath[group]
}

// posKeyOperations are the point-of-sale operations that take the API key
// alone: pairing a device, the staff logins and the OTP check. Every other
// POS operation takes the staff session's access token, but for the
// refresh, whose body is its credential.
var posKeyOperations = []string{
	"pair-pos-device", "login-pos-device-with-phone", "login-pos-device-with-email",
	"login-pos-device-with-whatsapp", "verify-pos-login-otp",
}

// keyOnlyOperations are the operations a caller may send with the API key
// alone (the TS SDK's public client): get-anonymous-token, the catalog's
// reads outside the marketplace, the store's check and configuration, and
// the country operations.
var keyOnlyOperations = []string{
	"get-anonymous-token",
	"list-categories", "list-products", "list-crosssell-products", "search-products", "list-similar-products",
	"list-upsell-products", "get-product-detail", "list-product-reviews", "list-product-variants", "get-variant-detail", "list-skus",
	"check-store", "get-config", "list-countries", "list-country-pincodes", "list-country-states",
}

// bodiesWithoutExample are the operations whose request body has no
// example yet (Auth operations written before examples were required).
var bodiesWithoutExample = []string{"login-with-phone", "login-with-whatsapp", "add-profile-image", "update-profile-image"}

// otpOperations take the x-debug-mode header.
var otpOperations = []string{
	"register-with-phone", "login-with-phone", "login-with-whatsapp", "login-with-email",
	"register-with-email", "register-with-whatsapp", "register-with-password",
	"generate-otp", "forgot-password",
	"login-pos-device-with-phone", "login-pos-device-with-email", "login-pos-device-with-whatsapp",
}

func TestSpecLoadsAndValidates(t *testing.T) {
	doc, err := api.LoadSpec()
	require.NoError(t, err)
	assert.Equal(t, "3.0.3", doc.OpenAPI)
	require.Len(t, doc.Servers, 2)
	assert.Equal(t, "https://staging.api.commercengine.io/api/v1/{store_id}/storefront", doc.Servers[0].URL)
	assert.Equal(t, "https://prod.api.commercengine.io/api/v1/{store_id}/storefront", doc.Servers[1].URL)
	for _, s := range doc.Servers {
		assert.Contains(t, s.Variables, "store_id")
	}
	// Spec() rewrites servers to the relative base.
	require.Len(t, api.Spec().Servers, 1)
	assert.Equal(t, api.BasePath, api.Spec().Servers[0].URL)
}

func TestSpecHasEveryOperation(t *testing.T) {
	got := api.Operations()
	want := slices.Concat(authOperations, shopOperations, posOperations)
	for _, w := range want {
		assert.Contains(t, got, w, "operation %s missing or at another method/path", w.ID)
	}
	assert.Len(t, got, len(want), "the spec holds operations that storefront-api.md does not list")
	assert.Len(t, posOperations, 44, "point of sale's operations")
	assert.Len(t, got, 188, "every operation of the Storefront API")
}

// TestSpecOperationsAreDocumented holds every operation to the same
// standard: one tag, the one of its path's group (for point of sale, of
// its path's second segment), declared at the top of
// the document; a summary and a description; a JSON 200 with an example; a
// 401 (every operation takes a credential); a 400 wherever a parameter
// (other than a path's) or a body can break the spec, since the validating
// middleware answers 400 then; an example for every request body; and the
// x-debug-mode header exactly on the operations that send an OTP.
func TestSpecOperationsAreDocumented(t *testing.T) {
	doc := api.Spec()
	declared := map[string]bool{}
	for _, tag := range doc.Tags {
		declared[tag.Name] = true
		assert.NotEmpty(t, tag.Description, "tag %s", tag.Name)
	}
	for _, o := range api.Operations() {
		op := doc.Paths.Find(o.Path).GetOperation(o.Method)
		t.Run(o.ID, func(t *testing.T) {
			require.Len(t, op.Tags, 1)
			assert.Equal(t, tagOf(o.Path), op.Tags[0], "the tag of %s", o.Path)
			assert.True(t, declared[op.Tags[0]], "tag %s is not declared at the top", op.Tags[0])
			assert.NotEmpty(t, op.Summary)
			assert.NotEmpty(t, op.Description)
			ok := op.Responses.Status(200)
			require.NotNil(t, ok, "no 200 response")
			mt := ok.Value.Content.Get("application/json")
			require.NotNil(t, mt, "200 has no JSON body")
			assert.True(t, mt.Example != nil || len(mt.Examples) > 0, "200 has no example")
			assert.NotNil(t, op.Responses.Status(401), "no 401 response")
			validated := op.RequestBody != nil
			var hasDebug bool
			for _, p := range op.Parameters {
				if p.Value.In != "path" {
					validated = true
				}
				if p.Value.Name == "x-debug-mode" && p.Value.In == "header" {
					hasDebug = true
					assert.Equal(t, "#/components/parameters/DebugMode", p.Ref)
				}
			}
			if validated {
				assert.NotNil(t, op.Responses.Status(400), "no 400 response, though a parameter or the body can be invalid")
			}
			if op.RequestBody != nil {
				for ct, body := range op.RequestBody.Value.Content {
					has := body.Example != nil || len(body.Examples) > 0
					if slices.Contains(bodiesWithoutExample, o.ID) {
						assert.False(t, has, "the %s request body has an example now: drop it from bodiesWithoutExample", ct)
						continue
					}
					assert.True(t, has, "the %s request body has no example", ct)
				}
			}
			assert.Equal(t, slices.Contains(otpOperations, o.ID), hasDebug, "x-debug-mode header")
		})
	}
}

func TestSpecSecurity(t *testing.T) {
	doc := api.Spec()
	anon := doc.Paths.Find("/auth/anonymous").Post
	require.NotNil(t, anon.Security)
	assert.Contains(t, *anon.Security, openapi3.SecurityRequirement{"X-Api-Key": {}}, "API key alone must be accepted")
	assert.Contains(t, *anon.Security, openapi3.SecurityRequirement{"X-Api-Key": {}, "Authorization": {}}, "API key with an optional Bearer")

	for _, path := range []string{"/auth/refresh-token", "/pos/auth/refresh-token"} {
		refresh := doc.Paths.Find(path).Post
		require.NotNil(t, refresh.Security, path)
		assert.Empty(t, *refresh.Security, "%s takes no credential header", path)
	}

	assert.Equal(t, openapi3.SecurityRequirements{{"Authorization": {}}}, doc.Security, "Bearer everywhere else")

	// The operations that take the API key alone, and how: the key, or the
	// shopper's access token.
	var keyOnly, posKey []string
	for _, o := range api.Operations() {
		op := doc.Paths.Find(o.Path).GetOperation(o.Method)
		if op.Security == nil {
			continue
		}
		if slices.ContainsFunc(*op.Security, func(r openapi3.SecurityRequirement) bool { return len(r) == 1 && r["X-Api-Key"] != nil }) {
			switch {
			case strings.HasPrefix(o.Path, "/pos/"):
				// A terminal pairs and logs in with the key: no session yet.
				posKey = append(posKey, o.ID)
				assert.Equal(t, openapi3.SecurityRequirements{{"X-Api-Key": {}}}, *op.Security, o.ID)
			case o.ID == "get-anonymous-token":
				keyOnly = append(keyOnly, o.ID)
			default:
				keyOnly = append(keyOnly, o.ID)
				assert.Equal(t, openapi3.SecurityRequirements{{"Authorization": {}}, {"X-Api-Key": {}}}, *op.Security, o.ID)
			}
		}
	}
	assert.ElementsMatch(t, keyOnlyOperations, keyOnly)
	assert.ElementsMatch(t, posKeyOperations, posKey)
	scheme := doc.Components.SecuritySchemes["Authorization"].Value
	assert.Equal(t, "http", scheme.Type)
	assert.Equal(t, "bearer", scheme.Scheme)
	assert.Equal(t, "JWT", scheme.BearerFormat)
	key := doc.Components.SecuritySchemes["X-Api-Key"].Value
	assert.Equal(t, "apiKey", key.Type)
	assert.Equal(t, "header", key.In)
	assert.Equal(t, "X-Api-Key", key.Name)
}

func TestSpecComponents(t *testing.T) {
	c := api.Spec().Components
	for _, name := range []string{"AnonymousUser", "User", "NotificationPreferences", "NotificationChannelPreferences", "OtpContent", "CustomerGroup", "Business",
		"PosDevice", "PosDeviceClaimedUser", "PosLocation", "PosUser", "PosAuthContent", "CreatePosOrderBody", "PosUpdateCartCustomerBody"} {
		assert.Contains(t, c.Schemas, name)
	}
	for _, name := range []string{"BadRequest", "Unauthorized", "NotFound"} {
		assert.Contains(t, c.Responses, name)
	}
	assert.Contains(t, c.Parameters, "DebugMode")
	// oneOf/anyOf request bodies are named schemas, $ref'ed: an inline union
	// makes oapi-codegen v2.8.2 send {} (issue #2498).
	doc := api.Spec()
	for _, o := range api.Operations() {
		op := doc.Paths.Find(o.Path).GetOperation(o.Method)
		if op.RequestBody == nil {
			continue
		}
		for _, mt := range op.RequestBody.Value.Content {
			s := mt.Schema
			if len(s.Value.OneOf) > 0 || len(s.Value.AnyOf) > 0 {
				assert.NotEmpty(t, s.Ref, "%s: union body must be a $ref to components/schemas", o.ID)
			}
		}
	}
}

func TestRouterMatchesAnyHostAndStore(t *testing.T) {
	v := api.NewValidator()
	cases := []struct {
		method, url string
		op          string
		params      map[string]string
		err         error
	}{
		{"POST", "http://127.0.0.1:8080/api/v1/store-1/storefront/auth/anonymous", "get-anonymous-token", map[string]string{"store_id": "store-1"}, nil},
		{"POST", "https://staging.api.commercengine.io/api/v1/01JD9ZQF/storefront/auth/login/password", "login-with-password", map[string]string{"store_id": "01JD9ZQF"}, nil},
		{"GET", "http://x/api/v1/s/storefront/auth/user/u%2F1", "get-user-detail", map[string]string{"store_id": "s", "id": "u/1"}, nil},
		{"PUT", "http://x/api/v1/s/storefront/auth/user/u1/deactivate", "deactivate-user", map[string]string{"store_id": "s", "id": "u1"}, nil},
		{"DELETE", "http://x/api/v1/s/storefront/auth/user/u1/profile-image", "remove-profile-image", map[string]string{"store_id": "s", "id": "u1"}, nil},
		{"GET", "http://x/api/v1/s/storefront/auth/anonymous", "", nil, routers.ErrMethodNotAllowed},
		{"POST", "http://x/api/v1/s/storefront/auth/nope", "", nil, routers.ErrPathNotFound},
		{"POST", "http://x/api/v2/s/storefront/auth/anonymous", "", nil, routers.ErrPathNotFound},
		{"GET", "http://x/api/v1/s/storefront/auth/user/", "", nil, routers.ErrPathNotFound},
		{"GET", "http://x/api/v1/s/storefront", "", nil, routers.ErrPathNotFound},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.url, func(t *testing.T) {
			req := httptest.NewRequest(c.method, c.url, nil)
			route, err := v.FindRoute(req)
			if c.err != nil {
				require.Error(t, err)
				assert.True(t, api.IsRouteError(err))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.op, route.OperationID)
			assert.Equal(t, c.params, route.Params)
		})
	}
}

func TestLooksLikeJWT(t *testing.T) {
	for s, want := range map[string]bool{
		"aGVhZA.cGF5bG9hZA.c2ln": true,
		"a.b.c":                  true,
		"a.b":                    false,
		"a.b.c.d":                false,
		"a..c":                   false,
		".b.c":                   false,
		"a.b.":                   false,
		"a.b.c=":                 false,
		"a b.c.d":                false,
		"":                       false,
	} {
		assert.Equal(t, want, api.LooksLikeJWT(s), "%q", s)
	}
}

func TestCheckCredentialsMessagesNeverHoldTheCredential(t *testing.T) {
	v := api.NewValidator()
	secret := "not-a-jwt-but-secret"
	req := httptest.NewRequest(http.MethodGet, "http://x/api/v1/s/storefront/auth/user/u1", nil)
	req.Header.Set("Authorization", "Bearer "+secret)
	err := v.ValidateRequest(req)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a JWT")
	assert.NotContains(t, err.Error(), secret)
}

// TestUpstreamNotFoundAnswersAreDeclared: the API answers 404 on logout
// and check-verification-status (upstream declares it), so a validating
// transport must take that answer as the spec's, while a status the spec
// does not declare there is still a violation.
func TestUpstreamNotFoundAnswersAreDeclared(t *testing.T) {
	envelope := `{"message":"Not found","success":false,"code":"not_found"}`
	for _, c := range []struct{ method, path, body string }{
		{http.MethodPost, "/auth/logout", ""},
		{http.MethodPost, "/auth/verified-email-phone", `{"phone":["9876543210"]}`},
	} {
		answer := func(status int) error {
			req := httptest.NewRequest(c.method, "http://127.0.0.1/api/v1/store/storefront"+c.path, strings.NewReader(c.body))
			req.Header.Set("Authorization", "Bearer x.y.z")
			if c.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			resp := &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}},
				Body: io.NopCloser(strings.NewReader(envelope)), Request: req}
			return api.ValidateResponse(req, resp)
		}
		assert.NoError(t, answer(http.StatusNotFound), "%s %s: 404", c.method, c.path)
		assert.Error(t, answer(http.StatusTeapot), "%s %s: 418 is not declared", c.method, c.path)
	}
}
