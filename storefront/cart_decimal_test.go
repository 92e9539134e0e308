package storefront_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
)

// A cart's amounts reach the caller digit for digit: 0.1 + 0.2 is 0.3, and
// a total beyond 2^53 keeps its last digits, where float64 would not.
func TestCartAmountsDecodeExactly(t *testing.T) {
	t.Parallel()
	const cart = `{"message":"Cart fetched","success":true,"content":{"cart":{
		"id":"01JCART0000000000000000000","active":true,"customer_note":null,"is_promotion_applied":false,"is_coupon_applied":false,
		"coupon_code":null,"coupon_discount_amount":0,"coupon_discount_percent":0,"promotion_discount_amount":0,
		"subtotal":98765432109876543.21,"items_tax_amount":0.1,"subtotal_including_tax":0.2,
		"shipping_estimated_cost":null,"shipping_discount_amount":null,"shipping_amount":null,"shipping_tax_rate":null,
		"shipping_tax_amount":null,"shipping_amount_including_tax":null,"estimated_delivery_days":null,
		"handling_charge_excluding_tax":0,"handling_charge_tax_amount":0,"handling_charge_including_tax":0,
		"total_tax":0.30,"grand_total":296296296329629629.63,"credit_balance_used":0,"to_be_paid":296296296329629629.63,
		"loyalty_points_redeemed":0,"loyalty_points_earned":2962962963296296,"cart_items_count":3,"cart_items":[],
		"billing_address":null,"shipping_address":null,"currency":{"name":"Indian Rupee","code":"INR","symbol":"₹"},
		"metadata":null,"expires_at":null,"applied_promotions":[],"applied_coupons":[],"shipments":[],
		"promotion_savings":0,"coupon_savings":0,"other_savings":0,"total_savings":0,"free_shipping_threshold":null,
		"status":"not-ready-for-payment","status_error_message":"add a billing address"}}}`
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(cart))
	}))
	defer api.Close()
	client, err := storefront.New("store-1", storefront.WithAPIKey("key"), storefront.WithBaseURL(api.URL+"/api/v1/store-1/storefront"))
	require.NoError(t, err)
	sess := client.NewManualSession(storefront.Tokens{AccessToken: "a.b.c"})
	got, err := sess.Cart.GetCart(t.Context(), "01JCART0000000000000000000")
	require.NoError(t, err)
	c := got.Cart

	sum := c.ItemsTaxAmount.Add(c.SubtotalIncludingTax)
	assert.Equal(t, "0.3", sum.String(), "0.1 + 0.2")
	assert.True(t, sum.Equal(c.TotalTax), "equal to the 0.30 the API sent")
	assert.Equal(t, "0.30", c.TotalTax.String(), "trailing zeros kept")
	assert.Equal(t, "98765432109876543.21", c.Subtotal.String())
	assert.Equal(t, "296296296329629629.63", c.GrandTotal.String())
	assert.Equal(t, "296296296329629629.63", c.Subtotal.Add(c.Subtotal).Add(c.Subtotal).String(), "three times the subtotal, exactly")

	// What float64 would have made of the same JSON.
	var floats struct {
		Content struct {
			Cart struct {
				ItemsTax   float64 `json:"items_tax_amount"`
				Subtotal   float64 `json:"subtotal_including_tax"`
				GrandTotal float64 `json:"grand_total"`
			} `json:"cart"`
		} `json:"content"`
	}
	require.NoError(t, json.Unmarshal([]byte(cart), &floats))
	assert.NotEqual(t, 0.3, floats.Content.Cart.ItemsTax+floats.Content.Cart.Subtotal, "float64: 0.30000000000000004")

	// Encoding the cart again writes the same digits.
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(b), `"grand_total":296296296329629629.63`), "%s", b)
	assert.True(t, strings.Contains(string(b), `"total_tax":0.30`), "%s", b)
}
