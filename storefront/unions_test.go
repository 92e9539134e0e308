package storefront_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// branchesAccepting names the branches (oneOf or anyOf) of the spec's
// schema union that accept the JSON v.
func branchesAccepting(t *testing.T, union string, v any) []string {
	t.Helper()
	ref := api.Spec().Components.Schemas[union]
	require.NotNil(t, ref, "openapi.yaml has no schema %s", union)
	s := ref.Value
	branches := append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...)
	require.NotEmpty(t, branches, "%s is not a union", union)
	var names []string
	for _, b := range branches {
		if b.Value.VisitJSON(v) == nil {
			names = append(names, strings.TrimPrefix(b.Ref, "#/components/schemas/"))
		}
	}
	return names
}

func TestUnionConstructorsBuildTheirBranch(t *testing.T) {
	t.Parallel()
	const ret = "https://shop.example.com/return"
	address := storefront.CustomerAddress{FirstName: "Asha", CountryCode: "+91", Phone: "9876543210", Email: "asha@example.com",
		AddressLine1: "12 MG Road", Pincode: "560001", City: "Bengaluru", State: "Karnataka", Country: "India"}
	addressJSON, err := json.Marshal(address)
	require.NoError(t, err)
	until := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	one := decimal.NewFromInt(1)

	cases := []struct {
		name string
		body any
		json string
		// path: the union schemas from the outside in, each with the one
		// branch (or, for anyOf, the branches) that must accept the body.
		path [][]string
	}{
		{"PayByCard", storefront.PayByCard(storefront.JusPayNewCard{CardNumber: "4111111111111111", CardExpMonth: "12", CardExpYear: "2099",
			NameOnCard: "Asha Rao", CardSecurityCode: "123", ReturnURL: ret,
			IntegrationType: "hyper-checkout", PaymentMethodType: "UPI"}), // the constructor sets what selects the branch
			`{"payment_provider_slug":"juspay","integration_type":"express-checkout","return_url":"` + ret + `","payment_method_type":"CARD",
			"save_to_locker":false,"card_number":"4111111111111111","card_exp_month":"12","card_exp_year":"2099","name_on_card":"Asha Rao","card_security_code":"123"}`,
			[][]string{{"PaymentMethodPayload", "JusPayExpressCheckout"}, {"JusPayExpressCheckout", "JusPayNewCard"}}},
		{"PayBySavedCard", storefront.PayBySavedCard(storefront.JusPaySavedCardToken{CardToken: "tkn_1", PaymentMethod: storefront.CardNetworkVISA,
			CardSecurityCode: "123", ReturnURL: ret, GatewayReferenceID: new("gw-1")}),
			`{"payment_provider_slug":"juspay","integration_type":"express-checkout","return_url":"` + ret + `","gateway_reference_id":"gw-1",
			"payment_method_type":"CARD","save_to_locker":false,"payment_method":"VISA","card_token":"tkn_1","card_security_code":"123"}`,
			[][]string{{"PaymentMethodPayload", "JusPayExpressCheckout"}, {"JusPayExpressCheckout", "JusPaySavedCardToken"}}},
		{"PayByUPI", storefront.PayByUPI(storefront.JuspayUpiCollect{UpiVpa: "asha@okhdfcbank", ReturnURL: ret}),
			`{"payment_provider_slug":"juspay","integration_type":"express-checkout","return_url":"` + ret + `",
			"payment_method_type":"UPI","payment_method":"UPI_COLLECT","upi_vpa":"asha@okhdfcbank"}`,
			[][]string{{"PaymentMethodPayload", "JusPayExpressCheckout"}, {"JusPayExpressCheckout", "JuspayUpiCollect"}}},
		{"PayByUPIIntent", storefront.PayByUPIIntent(storefront.JuspayUpiIntent{ReturnURL: ret}),
			`{"payment_provider_slug":"juspay","integration_type":"express-checkout","return_url":"` + ret + `",
			"payment_method_type":"UPI","payment_method":"UPI_PAY"}`,
			[][]string{{"PaymentMethodPayload", "JusPayExpressCheckout"}, {"JusPayExpressCheckout", "JuspayUpiIntent"}}},
		{"PayByNetBanking", storefront.PayByNetBanking(storefront.JuspayNetBanking{PaymentMethod: "NB_HDFC", ReturnURL: ret}),
			`{"payment_provider_slug":"juspay","integration_type":"express-checkout","return_url":"` + ret + `",
			"payment_method_type":"NB","payment_method":"NB_HDFC"}`,
			[][]string{{"PaymentMethodPayload", "JusPayExpressCheckout"}, {"JusPayExpressCheckout", "JuspayNetBanking"}}},
		{"PayOnPaymentPage", storefront.PayOnPaymentPage(storefront.JusPayHyperCheckout{ReturnURL: ret}),
			`{"payment_provider_slug":"juspay","integration_type":"hyper-checkout","return_url":"` + ret + `","action":"paymentPage"}`,
			[][]string{{"PaymentMethodPayload", "JusPayHyperCheckout"}}},
		{"PayByBankTransfer", storefront.PayByBankTransfer(),
			`{"payment_provider_slug":"icici-ecollection","payment_method_type":"bank-transfer"}`,
			[][]string{{"PaymentMethodPayload", "BankTransferCheckout"}}},
		{"PayByMandate", storefront.PayByMandate("mdt_1"),
			`{"payment_provider_slug":"juspay","payment_method_type":"NACH","mandate_id":"mdt_1"}`,
			[][]string{{"PaymentMethodPayload", "LotusPayCheckout"}}},

		{"Deliver", storefront.Deliver(storefront.DeliveryShipment{ID: "shp-1", ShippingProviderID: "prov", CourierCompanyID: new("courier")}),
			`{"fulfillment_type":"delivery","shipments":[{"id":"shp-1","shipping_provider_id":"prov","courier_company_id":"courier"}]}`,
			[][]string{{"FulfillmentPreference", "DeliveryFulfillment"}}},
		{"CollectFromStore", storefront.CollectFromStore("pl-1"),
			`{"fulfillment_type":"collect-in-store","pickup_location_id":"pl-1"}`,
			[][]string{{"FulfillmentPreference", "CollectInStoreFulfillment"}}},
		{"CollectAndDeliver", storefront.CollectAndDeliver(
			storefront.PartialCollectInStore{PickupLocationID: "pl-1", Items: []storefront.FulfillmentItem{{ProductID: "p1", Quantity: one}}},
			storefront.PartialDelivery{ShippingProviderID: "prov", Items: []storefront.FulfillmentItem{{ProductID: "p2", VariantID: new("v2"), Quantity: one}}}),
			`{"fulfillment_type":"partial-collect-and-delivery",
			"collect-in-store":{"pickup_location_id":"pl-1","items":[{"product_id":"p1","variant_id":null,"quantity":1}]},
			"delivery":{"shipping_provider_id":"prov","items":[{"product_id":"p2","variant_id":"v2","quantity":1}]}}`,
			[][]string{{"FulfillmentPreference", "PartialCollectAndDelivery"}}},
		{"BillAndShipTo", storefront.BillAndShipTo(address, address),
			`{"billing_address":` + string(addressJSON) + `,"shipping_address":` + string(addressJSON) + `}`,
			[][]string{{"CreateCartAddressBody", "CartNewAddresses"}}},
		{"BillAndShipToSaved", storefront.BillAndShipToSaved("addr-b", "addr-s"),
			`{"billing_address_id":"addr-b","shipping_address_id":"addr-s"}`,
			[][]string{{"CreateCartAddressBody", "CartAddressesByID"}}},
		{"CheckCartFulfillment", storefront.CheckCartFulfillment(storefront.CartBasedFulfillmentCheck{CartID: "cart-1", DeliveryPincode: new("560001")}),
			`{"cart_id":"cart-1","delivery_pincode":"560001"}`,
			[][]string{{"CheckFulfillmentBody", "CartBasedFulfillmentCheck"}}},
		{"CheckItemsFulfillment", storefront.CheckItemsFulfillment(storefront.ItemsBasedFulfillmentCheck{DeliveryPincode: new("560001"),
			Items: []storefront.FulfillmentCheckItem{{ProductID: "p1"}}}),
			`{"delivery_pincode":"560001","items":[{"product_id":"p1","variant_id":null}]}`,
			[][]string{{"CheckFulfillmentBody", "ItemsBasedFulfillmentCheck"}}},

		{"Filter", storefront.Filter("tags = tea"), `"tags = tea"`,
			[][]string{{"SearchFilter", "SearchFilterExpression"}}},
		{"FilterAll", storefront.FilterAll([]string{"tags = tea"}, []string{"rating >= 4", "on_promotion = true"}),
			`["tags = tea",["rating >= 4","on_promotion = true"]]`,
			[][]string{{"SearchFilter", "SearchFilterConditions"}}},

		{"OutboundBankAccount", storefront.OutboundBankAccount(storefront.CreateOutboundBankAccount{AccountName: "Asha Rao",
			AccountNumber: "50100012345678", IfscCode: "HDFC0000240", BankName: "HDFC Bank"}),
			`{"account_type":"outbound","account_name":"Asha Rao","account_number":"50100012345678","ifsc_code":"HDFC0000240","bank_name":"HDFC Bank"}`,
			[][]string{{"CreateBankAccount", "CreateOutboundBankAccount"}}},
		{"InboundBankAccount", storefront.InboundBankAccount(storefront.CreateInboundBankAccount{ServiceProviderSlug: "icici-ecollection"}),
			`{"account_type":"inbound","service_provider_slug":"icici-ecollection"}`,
			[][]string{{"CreateBankAccount", "CreateInboundBankAccount"}}},
		{"OutboundBankAccountChange", storefront.OutboundBankAccountChange(storefront.UpdateOutboundBankAccount{BankName: new("HDFC")}),
			`{"account_type":"outbound","bank_name":"HDFC"}`,
			[][]string{{"UpdateBankAccount", "UpdateOutboundBankAccount"}}},
		{"InboundBankAccountChange", storefront.InboundBankAccountChange(storefront.UpdateInboundBankAccount{IsDefault: new(true)}),
			`{"account_type":"inbound","is_default":true}`,
			[][]string{{"UpdateBankAccount", "UpdateInboundBankAccount"}}},

		{"ChangeSubscription", storefront.ChangeSubscription(storefront.UpdatePhysicalProductSubscription{BillingInterval: one, ShippingInterval: one}),
			`{"command":"update","billing_interval":1,"shipping_interval":1,"days_until_cancellation_allowed":0,"grace_period_days":0,
			"is_cancellation_allowed":false,"is_prepaid":false,"usage_based_billing":false}`,
			// The spec says so: a physical product's update matches both.
			[][]string{{"UpdateSubscriptionBody", "UpdatePhysicalProductSubscription", "UpdateDigitalProductSubscription"}}},
		{"ChangeDigitalSubscription", storefront.ChangeDigitalSubscription(storefront.UpdateDigitalProductSubscription{BillingInterval: one}),
			`{"command":"update","billing_interval":1,"days_until_cancellation_allowed":0,"grace_period_days":0,
			"is_cancellation_allowed":false,"is_prepaid":false,"usage_based_billing":false}`,
			[][]string{{"UpdateSubscriptionBody", "UpdateDigitalProductSubscription"}}},
		{"PauseSubscriptionUntil", storefront.PauseSubscriptionUntil(until),
			`{"command":"pause","pause_end_date":"2030-01-02T03:04:05Z"}`,
			[][]string{{"UpdateSubscriptionBody", "PauseSubscription"}}},
		{"PauseSubscriptionFrom", storefront.PauseSubscriptionFrom(until, until.AddDate(0, 1, 0)),
			`{"command":"pause","pause_start_date":"2030-01-02T03:04:05Z","pause_end_date":"2030-02-02T03:04:05Z"}`,
			[][]string{{"UpdateSubscriptionBody", "PauseSubscription"}}},
		{"EndSubscription", storefront.EndSubscription("moving abroad"),
			`{"command":"revoke","reason":"moving abroad"}`,
			[][]string{{"UpdateSubscriptionBody", "RevokeSubscription"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := json.Marshal(c.body)
			require.NoError(t, err)
			assert.JSONEq(t, c.json, string(got), "the branch's JSON, exactly")
			var v any
			require.NoError(t, json.Unmarshal(got, &v))
			for _, step := range c.path {
				assert.ElementsMatch(t, step[1:], branchesAccepting(t, step[0], v), "the branches of %s that accept it", step[0])
			}
		})
	}
}

func TestSubscriptionConstructorsSetThePlanType(t *testing.T) {
	t.Parallel()
	items := storefront.SubscriptionItemInput{ProductID: "p1", Quantity: decimal.NewFromInt(1)}
	for _, c := range []struct {
		body storefront.CreateSubscription
		want string
	}{
		{storefront.StandardSubscription(storefront.CreateStandardSubscription{PlanID: "plan-1", PlanType: "custom"}, items), "standard"},
		{storefront.CustomSubscription(storefront.CreateCustomSubscription{BillingFrequency: "monthly", BillingInterval: decimal.NewFromInt(1)}, items), "custom"},
	} {
		got, err := json.Marshal(c.body)
		require.NoError(t, err)
		var v map[string]any
		require.NoError(t, json.Unmarshal(got, &v))
		assert.Equal(t, c.want, v["plan_type"])
		assert.Len(t, v["invoice_items"], 1)
		assert.NoError(t, api.Spec().Components.Schemas["CreateSubscription"].Value.VisitJSON(v), "%s", got)
		branches := api.Spec().Components.Schemas["CreateSubscription"].Value.AllOf[0].Value.OneOf
		accepted := 0
		for _, b := range branches {
			if b.Value.VisitJSON(v) == nil {
				accepted++
				assert.Contains(t, strings.ToLower(b.Ref), c.want)
			}
		}
		assert.Equal(t, 1, accepted)
	}
}

// A payment method prints without the card, and a zero or unencodable
// union is refused before anything is sent.
func TestUnionBodiesPrintNoSecretsAndRefuseEmpty(t *testing.T) {
	t.Parallel()
	card := storefront.PayByCard(storefront.JusPayNewCard{CardNumber: "4111111111111111", CardSecurityCode: "987", NameOnCard: "Asha Rao"})
	for _, s := range []string{fmt.Sprint(card), fmt.Sprintf("%+v", *card), fmt.Sprintf("%#v", card)} {
		assert.NotContains(t, s, "4111111111111111")
		assert.NotContains(t, s, "987")
	}

	e := newStoryEnv(t)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	_, err := sess.Subscriptions.UpdateSubscription(e.ctx, "sub-1", storefront.UpdateSubscriptionBody{})
	assert.True(t, errors.Is(err, storefront.ErrInvalidParam), "%v", err)
	_, err = sess.Subscriptions.UpdateSubscription(e.ctx, "sub-1", storefront.PauseSubscriptionUntil(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)))
	assert.True(t, errors.Is(err, storefront.ErrInvalidParam), "a year JSON cannot hold: %v", err)
	_, err = sess.Cart.UpdateFulfillmentPreference(e.ctx, "cart-1", storefront.FulfillmentPreference{})
	assert.True(t, errors.Is(err, storefront.ErrInvalidParam), "%v", err)
	assert.Equal(t, 0, e.srv.Calls(storefronttest.OpUpdateSubscription)+e.srv.Calls(storefronttest.OpUpdateFulfillmentPreference), "nothing sent")
}
