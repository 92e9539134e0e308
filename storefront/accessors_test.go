package storefront_test

import (
	"encoding/json"
	"testing"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAccessorsReadAbsentAsZero: a result reads without a pointer dance —
// an absent field as its zero value, through missing parts without a
// panic — while the pointer fields still tell absent and null from zero.
func TestAccessorsReadAbsentAsZero(t *testing.T) {
	t.Parallel()
	var placed storefront.CreateOrderContent
	require.NoError(t, json.Unmarshal([]byte(`{"order":{"shipping_address":null},"payment_required":false,"payment_info":{}}`), &placed))
	assert.Empty(t, placed.Order.GetOrderNumber())
	assert.Empty(t, placed.Order.GetStatus())
	assert.True(t, placed.Order.GetGrandTotal().IsZero())
	assert.Empty(t, placed.Order.ShippingAddress.GetCity(), "through a nil *CustomerAddress")
	assert.Nil(t, placed.Order.OrderNumber, "absent stays visible in the field")

	var shipments storefront.ListOrderShipmentsContent
	assert.Empty(t, shipments.GetShipments())
	var none *storefront.OrderShipment
	assert.Empty(t, none.GetStatus(), "a nil receiver reads as zero")

	require.NoError(t, json.Unmarshal([]byte(`{"order":{"order_number":"ORD-7","status":"confirmed","grand_total":1899.5,
		"shipping_address":{"city":"Bengaluru"}},"payment_required":false,"payment_info":{}}`), &placed))
	assert.Equal(t, "ORD-7", placed.Order.GetOrderNumber())
	assert.Equal(t, storefront.OrderStatusConfirmed, placed.Order.GetStatus())
	assert.True(t, decimal.MustParse("1899.5").Equal(placed.Order.GetGrandTotal()))
	assert.Equal(t, "Bengaluru", placed.Order.ShippingAddress.GetCity())

	require.NoError(t, json.Unmarshal([]byte(`{"shipments":[{"status":"shipped","is_return_allowed":true}]}`), &shipments))
	assert.Equal(t, storefront.ShipmentStatus("shipped"), shipments.GetShipments()[0].GetStatus())
}
