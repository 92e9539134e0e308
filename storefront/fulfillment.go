package storefront

// How a cart is fulfilled (update-fulfillment-preference), where it is
// billed and shipped (create-cart-address), and whether products can be
// delivered (check-fulfillment): each body is a union of the API's, built
// by one of the constructors below, which set the fields that select the
// branch.

// Deliver has the cart's shipments delivered: each names the shipment (its
// ID in GetFulfillmentOptions' deliver.shipments), the shipping provider
// and, where the provider offers a choice, the courier:
//
//	storefront.Deliver(storefront.DeliveryShipment{ID: shipmentID, ShippingProviderID: providerID, CourierCompanyID: new(courierID)})
func Deliver(shipments ...DeliveryShipment) FulfillmentPreference {
	if shipments == nil {
		shipments = []DeliveryShipment{}
	}
	return oneOf((*FulfillmentPreference).FromDeliveryFulfillment, DeliveryFulfillment{
		FulfillmentType: "delivery", Shipments: shipments})
}

// CollectFromStore has the whole cart collected by the shopper from a store
// (pickupLocationID: the ID of one of GetFulfillmentOptions' collect
// stores).
func CollectFromStore(pickupLocationID string) FulfillmentPreference {
	return oneOf((*FulfillmentPreference).FromCollectInStoreFulfillment, CollectInStoreFulfillment{
		FulfillmentType: "collect-in-store", PickupLocationID: pickupLocationID})
}

// CollectAndDeliver splits the cart: the items of collect are collected
// from a store, those of delivery delivered.
func CollectAndDeliver(collect PartialCollectInStore, delivery PartialDelivery) FulfillmentPreference {
	if collect.Items == nil {
		collect.Items = []FulfillmentItem{}
	}
	if delivery.Items == nil {
		delivery.Items = []FulfillmentItem{}
	}
	return oneOf((*FulfillmentPreference).FromPartialCollectAndDelivery, PartialCollectAndDelivery{
		FulfillmentType: "partial-collect-and-delivery", CollectInStore: collect, Delivery: delivery})
}

// BillAndShipTo sets a cart's billing and shipping addresses, given in full
// (the same address twice for both).
func BillAndShipTo(billing, shipping CustomerAddress) CreateCartAddressBody {
	return oneOf((*CreateCartAddressBody).FromCartNewAddresses, CartNewAddresses{BillingAddress: &billing, ShippingAddress: &shipping})
}

// BillAndShipToSaved sets a cart's billing and shipping addresses to two
// of the customer's saved addresses, by ID (the same ID twice for both).
func BillAndShipToSaved(billingAddressID, shippingAddressID string) CreateCartAddressBody {
	return oneOf((*CreateCartAddressBody).FromCartAddressesByID, CartAddressesByID{
		BillingAddressID: billingAddressID, ShippingAddressID: shippingAddressID})
}

// CheckCartFulfillment asks whether a cart's items can be fulfilled (to
// DeliveryPincode, for delivery).
func CheckCartFulfillment(check CartBasedFulfillmentCheck) CheckFulfillmentBody {
	return oneOf((*CheckFulfillmentBody).FromCartBasedFulfillmentCheck, check)
}

// CheckItemsFulfillment asks whether products, or variants of them, can be
// fulfilled (to DeliveryPincode, for delivery), before any cart exists.
func CheckItemsFulfillment(check ItemsBasedFulfillmentCheck) CheckFulfillmentBody {
	if check.Items == nil {
		check.Items = []FulfillmentCheckItem{}
	}
	return oneOf((*CheckFulfillmentBody).FromItemsBasedFulfillmentCheck, check)
}
