package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// TestCartCommands drives the cart commands against a fake server, with
// the session file carried between invocations and through a login.
func TestCartCommands(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	_, err := srv.CreateUser(storefronttest.UserParams{Email: "ravi@example.com", Password: "s3cret-pass", FirstName: "Ravi"})
	require.NoError(t, err)
	session := filepath.Join(t.TempDir(), "session.json")
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	cli := func(args ...string) result {
		return runCLI(t, environ, "", append(args, "--session", session)...)
	}

	r := cli("cart", "show")
	assert.Equal(t, 0, r.code, "no cart yet is an empty cart: %s", r.stderr)
	assert.Contains(t, r.stdout, "no cart yet: it is empty")
	r = cli("cart", "show", "--json")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.JSONEq(t, `{"operation":"get-user-cart","ok":true,"cart":null,"items":0}`, r.stdout)
	r = cli("cart", "coupon", "welcome10")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "no cart")

	r = cli("cart", "add", "masala-chai-blend")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "cart add: ok")
	assert.Contains(t, r.stdout, "1 × Masala Chai Blend")
	assert.Equal(t, 1, srv.Calls(storefronttest.OpCreateCart), "the first add creates the cart")
	r = cli("cart", "add", "--quantity", "2", "masala-chai-blend")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "3 × Masala Chai Blend", "added to what was there")
	assert.Equal(t, 1, srv.Calls(storefronttest.OpCreateCart))
	assert.Equal(t, 1, srv.Calls(storefronttest.OpUpdateCart))
	r = cli("cart", "add", "--product", "cast-iron-teapot")
	require.Equal(t, 0, r.code, r.stderr)
	r = cli("cart", "add", "classic-ceramic-mug")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "variant_id", "the API says what is missing")

	r = cli("cart", "coupon", "welcome10")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "coupon WELCOME10: −₹")
	r = cli("cart", "coupon", "--code", "DIWALI2024")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "invalid_coupon")
	r = cli("cart", "coupon")
	assert.Equal(t, 2, r.code, "--code or --remove")

	r = cli("cart", "remove", "cast-iron-teapot")
	require.Equal(t, 0, r.code, r.stderr)
	assert.NotContains(t, r.stdout, "Cast Iron Teapot")

	// Logging in keeps the cart.
	r = runCLI(t, environ, "s3cret-pass\n", "auth", "login-password", "--email", "ravi@example.com", "--password-stdin", "--session", session)
	require.Equal(t, 0, r.code, r.stderr)
	r = cli("cart", "show", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	var shown struct {
		Operation string          `json:"operation"`
		OK        bool            `json:"ok"`
		Cart      storefront.Cart `json:"cart"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &shown), r.stdout)
	assert.Equal(t, "get-user-cart", shown.Operation)
	require.Len(t, shown.Cart.CartItems, 1)
	assert.Equal(t, "3", shown.Cart.CartItems[0].Quantity.String())
	// 3 chai, one free: 598; WELCOME10 needs ₹500: 10% = 59.80.
	assert.Equal(t, "59.80", shown.Cart.CouponDiscountAmount.StringFixed(2))
	assert.Equal(t, storefronttest.CouponWelcome10, *shown.Cart.CouponCode)

	r = cli("cart", "coupon", "--remove", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"operation":"remove-coupon"`)
	assert.Contains(t, r.stdout, `"coupon_code":null`)
	noTokens(t, r.stdout)
}

// TestOrdersCommands lists, shows and cancels the orders of the session
// file's shopper.
func TestOrdersCommands(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	_, err := srv.CreateUser(storefronttest.UserParams{Email: "ravi@example.com", Password: "s3cret-pass", FirstName: "Ravi"})
	require.NoError(t, err)
	session := filepath.Join(t.TempDir(), "session.json")
	environ := map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL()}
	cli := func(args ...string) result {
		return runCLI(t, environ, "", append(args, "--session", session)...)
	}
	r := runCLI(t, environ, "s3cret-pass\n", "auth", "login-password", "--email", "ravi@example.com", "--password-stdin", "--session", session)
	require.Equal(t, 0, r.code, r.stderr)

	r = cli("orders", "list")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "0 of 0 orders")

	// An order placed through the SDK with the same session file.
	number := placeOrder(t, srv, session)
	r = cli("orders", "list")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "1 of 1 orders")
	assert.Contains(t, r.stdout, number)
	assert.Contains(t, r.stdout, "confirmed")

	r = cli("orders", "show", number)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "order "+number+", confirmed, payment success")
	assert.Contains(t, r.stdout, "Cast Iron Teapot")
	assert.Contains(t, r.stdout, "total ₹1899.00")

	r = cli("orders", "cancel", "--order", number)
	assert.Equal(t, 2, r.code, "a reason is required")
	r = cli("orders", "cancel", number, "--reason", "ordered twice", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	var cancelled struct {
		OK    bool                   `json:"ok"`
		Order storefront.OrderDetail `json:"order"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &cancelled), r.stdout)
	assert.Equal(t, storefront.OrderDetailStatus("cancelled"), *cancelled.Order.Status)
	r = cli("orders", "cancel", "--order", number, "--reason", "again")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "not_cancellable")

	r = cli("orders", "list", "--status", "cancelled", "--json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, number)
	r = cli("orders", "show", "NG1")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "get-order-detail: HTTP 404")
	noTokens(t, r.stdout+r.stderr)
}

// placeOrder checks out a teapot with the session file's session.
func placeOrder(t *testing.T, srv *storefronttest.Server, session string) string {
	t.Helper()
	ctx := context.Background()
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	require.NoError(t, err)
	sess := client.NewSession(storefront.NewFileStore(session))
	c, err := sess.Cart.CreateCart(ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{{ProductID: "cast-iron-teapot", Quantity: decimal.NewFromInt(1)}}})
	require.NoError(t, err)
	addr := `{"first_name":"Ravi","last_name":null,"country_code":"+91","phone":"9876543210","email":"ravi@example.com","address_line1":"1 MG Road",
		"address_line2":null,"landmark":null,"pincode":"560001","city":"Bengaluru","state":"Karnataka","country":"India",
		"tax_identification_number":null,"business_name":null,"nickname":null}`
	var addresses storefront.CreateCartAddressBody
	require.NoError(t, json.Unmarshal([]byte(`{"billing_address":`+addr+`,"shipping_address":`+addr+`}`), &addresses))
	_, err = sess.Cart.CreateCartAddress(ctx, c.Cart.ID, addresses)
	require.NoError(t, err)
	var pref storefront.FulfillmentPreference
	require.NoError(t, json.Unmarshal([]byte(`{"fulfillment_type":"collect-in-store","pickup_location_id":"`+storefronttest.PickupMGRoad+`"}`), &pref))
	_, err = sess.Cart.UpdateFulfillmentPreference(ctx, c.Cart.ID, pref)
	require.NoError(t, err)
	var card storefront.PaymentMethodPayload
	require.NoError(t, json.Unmarshal([]byte(`{"payment_provider_slug":"juspay","integration_type":"express-checkout","return_url":"https://x.example/r",
		"payment_method_type":"CARD","save_to_locker":false,"card_number":"`+storefronttest.TestCardSuccess+`","card_exp_month":"12",
		"card_exp_year":"2099","name_on_card":"Ravi","card_security_code":"123"}`), &card))
	res, err := sess.Orders.CreateOrder(ctx, storefront.CreateOrderBody{CartID: c.Cart.ID, PaymentMethod: &card})
	require.NoError(t, err)
	require.False(t, strings.TrimSpace(*res.Order.OrderNumber) == "")
	return *res.Order.OrderNumber
}
