package storefronttest_test

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Helpers of the cart, payment and order tests.

// item is a cart item request.
func item(product, variant string, qty int64) storefront.UpdateCartItem {
	it := storefront.UpdateCartItem{ProductID: product, Quantity: decimalInt(qty)}
	if variant != "" {
		it.VariantID = &variant
	}
	return it
}

func decimalInt(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

// newCart creates the session's cart with items.
func (e *cenv) newCart(sess *storefront.Session, items ...storefront.UpdateCartItem) storefront.Cart {
	e.t.Helper()
	c, err := sess.Cart.CreateCart(e.ctx, storefront.CreateCartBody{Items: items})
	require.NoError(e.t, err)
	return c.Cart
}

// address is an address in a city of the seed, at a postal code.
func address(first, pincode, city, state string) storefront.CustomerAddress {
	last := "Rao"
	return storefront.CustomerAddress{FirstName: first, LastName: &last, CountryCode: "+91", Phone: "9876543210",
		Email: "asha@example.com", AddressLine1: "12 Residency Road", Pincode: pincode, City: city, State: state, Country: "India"}
}

// bengaluru is an address where the store delivers and shoppers can
// collect (560001).
func bengaluru() storefront.CustomerAddress {
	return address("Asha", "560001", "Bengaluru", "Karnataka")
}

// addresses is the create-cart-address body of new addresses.
func addresses(billing, shipping storefront.CustomerAddress) storefront.CreateCartAddressBody {
	var b storefront.CreateCartAddressBody
	if err := b.FromCartNewAddresses(storefront.CartNewAddresses{BillingAddress: &billing, ShippingAddress: &shipping}); err != nil {
		panic(err)
	}
	return b
}

// addressIDs is the create-cart-address body of saved addresses.
func addressIDs(billing, shipping string) storefront.CreateCartAddressBody {
	var b storefront.CreateCartAddressBody
	if err := b.FromCartAddressesByID(storefront.CartAddressesByID{BillingAddressID: billing, ShippingAddressID: shipping}); err != nil {
		panic(err)
	}
	return b
}

// delivery chooses delivery of every shipment by a courier.
func delivery(courier string, shipments ...string) storefront.FulfillmentPreference {
	var d storefront.DeliveryFulfillment
	d.FulfillmentType = "delivery"
	for _, id := range shipments {
		c := courier
		d.Shipments = append(d.Shipments, struct {
			CourierCompanyID     *string `json:"courier_company_id,omitempty"`
			CourierCompanyName   *string `json:"courier_company_name,omitempty"`
			ID                   string  `json:"id"`
			ShippingProviderID   string  `json:"shipping_provider_id"`
			ShippingProviderName *string `json:"shipping_provider_name,omitempty"`
		}{CourierCompanyID: &c, ID: id, ShippingProviderID: storefronttest.ShippingProvider})
	}
	var p storefront.FulfillmentPreference
	if err := p.FromDeliveryFulfillment(d); err != nil {
		panic(err)
	}
	return p
}

// collect chooses to collect every item at a pickup location.
func collect(pickup string) storefront.FulfillmentPreference {
	var p storefront.FulfillmentPreference
	if err := p.FromCollectInStoreFulfillment(storefront.CollectInStoreFulfillment{FulfillmentType: "collect-in-store", PickupLocationID: pickup}); err != nil {
		panic(err)
	}
	return p
}

// paymentMethod builds a payment method from its JSON.
func paymentMethod(m map[string]any) *storefront.PaymentMethodPayload {
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	var p storefront.PaymentMethodPayload
	if err := json.Unmarshal(b, &p); err != nil {
		panic(err)
	}
	return &p
}

// card pays with a new card by Juspay's express checkout.
func card(number string) *storefront.PaymentMethodPayload {
	return paymentMethod(map[string]any{"payment_provider_slug": "juspay", "integration_type": "express-checkout",
		"return_url": "https://shop.example.com/return", "payment_method_type": "CARD", "save_to_locker": false,
		"card_number": number, "card_exp_month": "12", "card_exp_year": "2099", "name_on_card": "Asha Rao", "card_security_code": "123"})
}

// upiCollect pays by a UPI collect request.
func upiCollect(vpa string) *storefront.PaymentMethodPayload {
	return paymentMethod(map[string]any{"payment_provider_slug": "juspay", "integration_type": "express-checkout",
		"return_url": "https://shop.example.com/return", "payment_method_type": "UPI", "payment_method": "UPI_COLLECT", "upi_vpa": vpa})
}

// readyCart gives a logged-in shopper a cart of items, with a Bengaluru
// address and standard delivery: ready for payment.
func (e *cenv) readyCart(sess *storefront.Session, items ...storefront.UpdateCartItem) storefront.Cart {
	e.t.Helper()
	ct := e.newCart(sess, items...)
	_, err := sess.Cart.CreateCartAddress(e.ctx, ct.ID, addresses(bengaluru(), bengaluru()))
	require.NoError(e.t, err)
	var ids []string
	for _, it := range ct.CartItems {
		if it.SellerID == nil && it.ProductType != "digital" && len(ids) == 0 {
			ids = append(ids, storefronttest.ShipmentStore)
		}
		if it.SellerID != nil && it.ProductType != "digital" {
			ids = append(ids, "shp-"+lower(*it.SellerID))
		}
	}
	if len(ids) > 0 {
		c, err := sess.Cart.UpdateFulfillmentPreference(e.ctx, ct.ID, delivery(storefronttest.CourierStandard, dedupe(ids)...))
		require.NoError(e.t, err)
		ct = *c.Cart
	} else {
		c, err := sess.Cart.GetCart(e.ctx, ct.ID)
		require.NoError(e.t, err)
		ct = c.Cart
	}
	require.Equal(e.t, storefront.CartStatus("ready-for-payment"), ct.Status, "%v", ct.StatusErrorMessage)
	return ct
}

// order places an order of items for a new logged-in shopper, paid by
// card; it returns the shopper's session, the user and the order.
func (e *cenv) order(items ...storefront.UpdateCartItem) (*storefront.Session, storefronttest.UserInfo, storefront.Order) {
	e.t.Helper()
	sess, info, _ := e.user()
	ct := e.readyCart(sess, items...)
	res, err := sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: ct.ID, PaymentMethod: card(storefronttest.TestCardSuccess)})
	require.NoError(e.t, err)
	return sess, info, res.Order
}

// deliveredOrder is order, shipped and delivered.
func (e *cenv) deliveredOrder(items ...storefront.UpdateCartItem) (*storefront.Session, storefront.Order, []storefront.OrderShipment) {
	e.t.Helper()
	sess, _, o := e.order(items...)
	require.NoError(e.t, e.srv.ShipOrder(*o.OrderNumber))
	require.NoError(e.t, e.srv.DeliverOrder(*o.OrderNumber))
	sh, err := sess.Orders.ListOrderShipments(e.ctx, *o.OrderNumber)
	require.NoError(e.t, err)
	return sess, o, *sh.Shipments
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func dedupe(ids []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// assertMoney compares a decimal with a hand-computed amount.
func assertMoney(t *testing.T, want string, got decimal.Decimal, what string) {
	t.Helper()
	require.True(t, dec(want).Equal(got), "%s: want %s, got %s", what, want, got)
}

// must returns v, or panics with err: for calls a test needs to go on.
func must[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("unexpected error: %v", err))
	}
	return v
}

// hmacSHA512 is hex(HMAC-SHA512(key, text)), computed here independently
// of the server.
func hmacSHA512(key, text string) string {
	m := hmac.New(sha512.New, []byte(key))
	m.Write([]byte(text))
	return hex.EncodeToString(m.Sum(nil))
}
