package storefronttest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// How a cart is fulfilled. Its physical items (digital goods need
// nothing) go in one shipment per seller — the store's own items, then
// each marketplace seller's — with the IDs ShipmentStore and
// "shp-<seller ID>". The store delivers to the postal codes of
// SetServiceable and the seed, with one shipping provider
// (ShippingProvider) and two couriers: CourierStandard, the recommended
// one, and CourierExpress. Delivery rates include GST at
// ShippingTaxPercent; a cart whose items come to FreeShippingThreshold or
// more (after discounts, tax included) is delivered free, as is one with
// the FREESHIP coupon. Shoppers can collect from the store's pickup
// locations (Pickup… constants) when their postal code has a store to
// collect from (SetServiceable, the seed's Bengaluru and Mumbai codes),
// for free. The cart's shipping address gives the postal code.

// The delivery of the seeded store.
const (
	ShippingProvider     = "nilgiri-logistics" // the store's one shipping provider
	ShippingProviderName = "Nilgiri Logistics"
	CourierStandard      = "delhivery-surface" // ₹49, 5 days; the recommended courier
	CourierExpress       = "bluedart-air"      // ₹99, 2 days
	ShipmentStore        = "shp-store"         // the shipment of the store's own items in a cart

	FreeShippingThreshold = 999 // rupees of items from which delivery is free
	ShippingTaxPercent    = 18  // the GST inside delivery rates
)

// The seeded pickup locations.
const (
	PickupMGRoad      = "pl-blr-mg-road"     // Bengaluru 560001
	PickupIndiranagar = "pl-blr-indiranagar" // Bengaluru 560008
	PickupFort        = "pl-bom-fort"        // Mumbai 400001
)

// courier is a courier company of the shipping provider.
type courier struct {
	id, name, mode string
	rate           decimal.Decimal // tax included
	days           int
}

var couriers = []courier{
	{id: CourierStandard, name: "Delhivery Surface", mode: "surface", rate: inr(49), days: 5},
	{id: CourierExpress, name: "Blue Dart Air", mode: "air", rate: inr(99), days: 2},
}

func courierByID(id string) *courier {
	for i := range couriers {
		if couriers[i].id == id {
			return &couriers[i]
		}
	}
	return nil
}

var freeShippingFrom = inr(FreeShippingThreshold)

// pickupLocation is a store shoppers collect from.
type pickupLocation struct {
	id, name, line1, landmark, pincode, city, state string
}

func seededPickups() []pickupLocation {
	return []pickupLocation{
		{PickupMGRoad, "Nilgiri Goods MG Road", "12 Mahatma Gandhi Road", "Opposite Trinity Metro", "560001", "Bengaluru", "Karnataka"},
		{PickupIndiranagar, "Nilgiri Goods Indiranagar", "480 100 Feet Road, HAL 2nd Stage", "Near Indiranagar Metro", "560008", "Bengaluru", "Karnataka"},
		{PickupFort, "Nilgiri Goods Fort", "21 Dadabhai Naoroji Road, Fort", "", "400001", "Mumbai", "Maharashtra"},
	}
}

func pickupByID(pickups []pickupLocation, id string) *pickupLocation {
	for i := range pickups {
		if pickups[i].id == id {
			return &pickups[i]
		}
	}
	return nil
}

// distanceKm is how far a postal code is from a pickup location: the fake
// reads the distance off the difference of the codes, 1.5 km a step.
func (pl *pickupLocation) distanceKm(pin string) decimal.Decimal {
	a, err1 := strconv.Atoi(pl.pincode)
	b, err2 := strconv.Atoi(pin)
	if err1 != nil || err2 != nil {
		return inr(999)
	}
	d := a - b
	if d < 0 {
		d = -d
	}
	return decimal.New(int64(15*d+8), -1) // 0.8 km for the same code
}

// nearest orders pickup locations by distance from pin.
func nearest(pickups []pickupLocation, pin string) []pickupLocation {
	out := slices.Clone(pickups)
	slices.SortStableFunc(out, func(a, b pickupLocation) int { return a.distanceKm(pin).Cmp(b.distanceKm(pin)) })
	return out
}

// fulfillmentChoice is how a shopper chose to have a cart fulfilled.
type fulfillmentChoice struct {
	kind     string            // fulfillDelivery, fulfillCollect or fulfillPartial
	pickup   string            // collect-in-store and partial: the pickup location
	couriers map[string]string // delivery: shipment ID → courier ID
	courier  string            // partial: the courier of the delivered part
	collect  map[string]int    // partial: units collected, by lineKey
}

const fulfillPartial = "partial-collect-and-delivery"

func lineKey(productID, variantID string) string { return productID + "/" + variantID }

// shipmentPrice is one shipment of a cart.
type shipmentPrice struct {
	id, seller string
	lines      []int // indexes in cartPrice.lines
	qty        map[int]int
	courier    *courier // nil until delivery is chosen
	amount     decimal.Decimal
}

func shipmentID(seller string) string {
	if seller == "" {
		return ShipmentStore
	}
	return "shp-" + strings.ToLower(seller)
}

// shipmentsOf splits a cart's physical lines into one shipment per seller.
func shipmentsOf(lines []pricedLine) []shipmentPrice {
	var out []shipmentPrice
	for _, seller := range sellersOf(lines) {
		sp := shipmentPrice{id: shipmentID(seller), seller: seller, qty: map[int]int{}}
		for i, pl := range lines {
			if pl.physical && pl.k.p.sellerID == seller {
				sp.lines = append(sp.lines, i)
				sp.qty[i] = pl.qty
			}
		}
		out = append(out, sp)
	}
	return out
}

func pincodeOf(a *gen.CustomerAddress) string {
	if a == nil {
		return ""
	}
	return strings.ToUpper(strings.TrimSpace(a.Pincode))
}

// cartPincode is the postal code a cart is fulfilled near: its shipping
// address's, or, for a POS cart without one, its counter's (the customer
// stands there).
func cartPincode(ct *cart, pickups []pickupLocation) string {
	if pin := pincodeOf(ct.shipping); pin != "" || ct.counter == nil {
		return pin
	}
	if pl := pickupByID(pickups, ct.counter.location); pl != nil {
		return pl.pincode
	}
	return ""
}

// priceShipping sets a priced cart's shipments and shipping. Call it with
// sh.mu held.
func (sh *shop) priceShipping(ct *cart, pr *cartPrice, pickups []pickupLocation) {
	pr.shipments = shipmentsOf(pr.lines)
	standard := &couriers[0]
	for range pr.shipments {
		pr.shippingEstimate = pr.shippingEstimate.Add(standard.rate)
	}
	if !pr.physical {
		pr.shippingChosen = true
		return
	}
	ch := ct.pref
	if ch == nil {
		if ct.counter != nil { // taken over the counter: nothing to ship
			pr.shippingChosen, pr.shipments, pr.shippingEstimate = true, nil, decimal.Decimal{}
		}
		return
	}
	pr.shippingChosen = true
	pin := cartPincode(ct, pickups)
	var amount decimal.Decimal
	switch ch.kind {
	case fulfillDelivery:
		if !sh.delivery[pin] {
			pr.unserviceableNote = "the store does not deliver to " + pin
		}
		for i := range pr.shipments {
			sp := &pr.shipments[i]
			sp.courier = courierByID(ch.couriers[sp.id])
			if sp.courier == nil {
				sp.courier = standard
			}
			sp.amount = sp.courier.rate
			amount = amount.Add(sp.amount)
			pr.deliveryDays = max(pr.deliveryDays, sp.courier.days)
		}
	case fulfillCollect:
		if !sh.pickup[pin] || pickupByID(pickups, ch.pickup) == nil {
			pr.unserviceableNote = "no store to collect from near " + pin
		}
		pr.shipments = nil
	case fulfillPartial:
		if !sh.delivery[pin] {
			pr.unserviceableNote = "the store does not deliver to " + pin
		} else if !sh.pickup[pin] {
			pr.unserviceableNote = "no store to collect from near " + pin
		}
		// One shipment: the units not collected.
		sp := shipmentPrice{id: ShipmentStore, qty: map[int]int{}, courier: courierByID(ch.courier)}
		if sp.courier == nil {
			sp.courier = standard
		}
		for i, pl := range pr.lines {
			if n := pl.qty - ch.collect[lineKey(pl.line.productID, pl.line.variantID)]; pl.physical && n > 0 {
				sp.lines, sp.qty[i] = append(sp.lines, i), n
			}
		}
		pr.shipments = nil
		if len(sp.lines) > 0 {
			sp.amount = sp.courier.rate
			amount = sp.amount
			pr.deliveryDays = sp.courier.days
			pr.shipments = []shipmentPrice{sp}
		}
	}
	pr.shippingEstimate = amount
	if amount.Sign() > 0 {
		switch {
		case !pr.subtotalIncl.LessThan(freeShippingFrom):
			pr.shippingDiscount, pr.shippingPromo = amount, true
		case pr.coupon != nil && pr.coupon.kind == CouponFreeShipping:
			pr.shippingDiscount, pr.shippingCoupon = amount, true
		}
	}
	pr.shippingIncl = amount.Sub(pr.shippingDiscount)
	pr.shippingTax = taxIn(pr.shippingIncl, shippingTaxes)
	if pr.shippingDiscount.Sign() > 0 {
		for i := range pr.shipments {
			pr.shipments[i].amount = decimal.Decimal{}
		}
	}
}

// fulfillmentOptions answers get-fulfillment-options for a cart: where
// its items can be collected and how they can be delivered to its
// shipping address's postal code, or only one of them when kind is
// given. Call it with sh.mu held.
func (sh *shop) fulfillmentOptions(ct *cart, pr *cartPrice, pickups []pickupLocation, kind string) (gen.GetFulfillmentOptionsContent, *apiError) {
	pin := cartPincode(ct, pickups)
	if pin == "" {
		return gen.GetFulfillmentOptionsContent{}, fieldError(CodeBadRequest, "cart_id", "the cart has no shipping address: set one first (create-cart-address)")
	}
	if !pr.physical {
		return gen.GetFulfillmentOptionsContent{}, fieldError(CodeBadRequest, "cart_id", "nothing in the cart needs delivery or collection")
	}
	inStock := true
	for _, pl := range pr.lines {
		inStock = inStock && pl.inStock
	}
	var out gen.GetFulfillmentOptionsContent
	collect := sh.pickup[pin] && inStock
	deliver := sh.delivery[pin] && inStock
	out.Summary.CollectAvailable, out.Summary.DeliverAvailable = collect, deliver
	out.Summary.RecommendedFulfillmentType = fulfillDelivery
	if !deliver && collect {
		out.Summary.RecommendedFulfillmentType = fulfillCollect
	}
	if kind != fulfillDelivery {
		stores := []gen.CollectInStore{}
		if collect {
			for i, pl := range nearest(pickups, pin) {
				stores = append(stores, pl.option(pin, i == 0))
			}
			out.Summary.RecommendedStore = &stores[0]
		}
		out.Collect = &stores
	}
	if kind != fulfillCollect {
		d := sh.deliveryOption(pr, deliver)
		out.Deliver = &d
	}
	return out, nil
}

func (pl *pickupLocation) option(pin string, recommended bool) gen.CollectInStore {
	id, name, dist, eta := pl.id, pl.name, pl.distanceKm(pin), inr(120)
	return gen.CollectInStore{ID: &id, Name: &name, DistanceKm: &dist, CollectEtaMinutes: &eta, IsRecommended: &recommended,
		Address: &gen.CollectInStoreAddress{Name: pl.name, AddressLine1: pl.line1, Landmark: optional(pl.landmark), Pincode: pl.pincode,
			City: pl.city, State: pl.state, Country: "India", CountryCode: DefaultCountryCode}}
}

// deliveryOption lists each shipment with the provider's couriers.
func (sh *shop) deliveryOption(pr *cartPrice, serviceable bool) gen.DeliveryOption {
	threshold := freeShippingFrom
	shipments := []map[string]any{}
	if serviceable {
		for _, sp := range shipmentsOf(pr.lines) {
			var cs []map[string]any
			for i, c := range couriers {
				cs = append(cs, map[string]any{"id": c.id, "name": c.name, "shipping_amount": c.rate,
					"estimated_delivery_days": strconv.Itoa(c.days), "is_recommended": i == 0, "is_hyperlocal": false, "mode": c.mode, "rating": decimal.New(int64(45-3*i), -1)})
			}
			shipments = append(shipments, map[string]any{"id": sp.id, "items": shipmentItems(pr, sp),
				"shipping_methods": []map[string]any{{"id": ShippingProvider, "name": ShippingProviderName, "shipping_type": "auto",
					"shipping_amount": couriers[0].rate.StringFixed(2), "estimated_delivery_days": fmt.Sprintf("%d-%d", couriers[1].days, couriers[0].days),
					"courier_companies": cs}}})
		}
	}
	return convert[gen.DeliveryOption](map[string]any{"is_serviceable": serviceable, "free_shipping_threshold": threshold, "shipments": shipments})
}

// shipmentItems lists what a shipment carries.
func shipmentItems(pr *cartPrice, sp shipmentPrice) []gen.ShipmentItem {
	out := make([]gen.ShipmentItem, 0, len(sp.lines))
	for _, i := range sp.lines {
		pl := pr.lines[i]
		out = append(out, shipmentItem(pl.k, sp.qty[i], min(pl.free, sp.qty[i])))
	}
	return out
}

func shipmentItem(k sku, qty, free int) gen.ShipmentItem {
	pid, name, code := k.p.id, k.p.name, k.offer().sku
	n, f, isFree := decimal.NewFromInt(int64(qty)), decimal.NewFromInt(int64(free)), false
	it := gen.ShipmentItem{ProductID: &pid, ProductName: &name, Sku: &code, Quantity: &n, FreeQuantity: &f, IsFreeItem: &isFree}
	if img := productImage(k); img != "" {
		it.ProductImageURL = &img
	}
	if k.v != nil {
		vid, vname := k.v.id, k.v.name
		it.VariantID, it.VariantName = &vid, &vname
	}
	return it
}

// productImage is the URL of a SKU's first image at the standard size.
func productImage(k sku) string {
	imgs := k.p.images
	if k.v != nil && len(k.v.images) > 0 {
		imgs = k.v.images
	}
	if len(imgs) == 0 {
		return ""
	}
	return imagesView(imgs[:1])[0].URLStandard
}

// setFulfillment checks and records a shopper's fulfillment preference:
// the cart needs physical items and a shipping address (400; a POS cart
// is at its counter's postal code without one, but delivery needs the
// address); delivery needs a postal code the store delivers to (400 unserviceable), the
// cart's shipment IDs, ShippingProvider and known couriers (400);
// collection needs a known pickup location (404) near the postal code
// (400 unserviceable); a partial choice needs both, and its items must
// share out every physical unit of the cart between collection and
// delivery (400). Call it with sh.mu held.
func (sh *shop) setFulfillment(ct *cart, pr *cartPrice, pickups []pickupLocation, pref gen.FulfillmentPreference) (*fulfillmentChoice, *apiError) {
	kind, err := pref.Discriminator()
	if err != nil {
		return nil, badRequest(CodeBadRequest, "the fulfillment preference cannot be read")
	}
	if !pr.physical {
		return nil, badRequest(CodeBadRequest, "nothing in the cart needs delivery or collection")
	}
	pin := cartPincode(ct, pickups)
	if pin == "" {
		return nil, badRequest(CodeBadRequest, "the cart has no shipping address: set one first (create-cart-address)")
	}
	ch := &fulfillmentChoice{kind: kind}
	checkPickup := func(id string) *apiError {
		if pickupByID(pickups, id) == nil {
			return notFound("pickup location " + id + " not found")
		}
		if !sh.pickup[pin] {
			return fieldError(CodeUnserviceable, "pickup_location_id", "there is no store to collect from near "+pin)
		}
		return nil
	}
	checkDelivery := func(provider string, courierID *string) *apiError {
		if ct.shipping == nil {
			return badRequest(CodeBadRequest, "delivery needs a shipping address: set one first (create-cart-address)")
		}
		if !sh.delivery[pin] {
			return badRequest(CodeUnserviceable, "the store does not deliver to "+pin)
		}
		if provider != ShippingProvider {
			return fieldError(CodeBadRequest, "shipping_provider_id", "must be "+ShippingProvider)
		}
		if courierID != nil && *courierID != "" && courierByID(*courierID) == nil {
			return fieldError(CodeBadRequest, "courier_company_id", "unknown courier "+*courierID)
		}
		return nil
	}
	switch kind {
	case fulfillCollect:
		b, err := pref.AsCollectInStoreFulfillment()
		if err != nil {
			return nil, badRequest(CodeBadRequest, "the fulfillment preference cannot be read")
		}
		if e := checkPickup(b.PickupLocationID); e != nil {
			return nil, e
		}
		ch.pickup = b.PickupLocationID
	case fulfillDelivery:
		b, err := pref.AsDeliveryFulfillment()
		if err != nil {
			return nil, badRequest(CodeBadRequest, "the fulfillment preference cannot be read")
		}
		ch.couriers = map[string]string{}
		ids := map[string]bool{}
		for _, sp := range shipmentsOf(pr.lines) {
			ids[sp.id] = true
		}
		for i, s := range b.Shipments {
			if !ids[s.ID] {
				return nil, fieldError(CodeBadRequest, fmt.Sprintf("shipments[%d].id", i), "the cart has no shipment "+s.ID)
			}
			if e := checkDelivery(s.ShippingProviderID, s.CourierCompanyID); e != nil {
				return nil, e
			}
			if s.CourierCompanyID != nil {
				ch.couriers[s.ID] = *s.CourierCompanyID
			}
		}
		if ct.shipping == nil {
			return nil, badRequest(CodeBadRequest, "delivery needs a shipping address: set one first (create-cart-address)")
		}
		if !sh.delivery[pin] {
			return nil, badRequest(CodeUnserviceable, "the store does not deliver to "+pin)
		}
	case fulfillPartial:
		b, err := pref.AsPartialCollectAndDelivery()
		if err != nil {
			return nil, badRequest(CodeBadRequest, "the fulfillment preference cannot be read")
		}
		if e := checkPickup(b.CollectInStore.PickupLocationID); e != nil {
			return nil, e
		}
		if e := checkDelivery(b.Delivery.ShippingProviderID, b.Delivery.CourierCompanyID); e != nil {
			return nil, e
		}
		ch.pickup, ch.collect = b.CollectInStore.PickupLocationID, map[string]int{}
		if b.Delivery.CourierCompanyID != nil {
			ch.courier = *b.Delivery.CourierCompanyID
		}
		if len(b.CollectInStore.Items) == 0 || len(b.Delivery.Items) == 0 {
			return nil, badRequest(CodeBadRequest, "a partial choice needs items to collect and items to deliver")
		}
		counted := map[string]int{}
		for part, items := range map[string][]gen.FulfillmentItem{"collect-in-store": b.CollectInStore.Items, "delivery": b.Delivery.Items} {
			for i, it := range items {
				field := fmt.Sprintf("%s.items[%d]", part, i)
				n, ok := it.Quantity.Int64()
				if !ok || n < 1 {
					return nil, fieldError(CodeBadRequest, field+".quantity", "must be a whole number above 0")
				}
				key := lineKey(it.ProductID, deref(it.VariantID))
				if !slices.ContainsFunc(pr.lines, func(pl pricedLine) bool {
					return pl.physical && lineKey(pl.line.productID, pl.line.variantID) == key
				}) {
					return nil, fieldError(CodeBadRequest, field+".product_id", "the cart has no such physical item")
				}
				counted[key] += int(n)
				if part == "collect-in-store" {
					ch.collect[key] += int(n)
				}
			}
		}
		for _, pl := range pr.lines {
			if key := lineKey(pl.line.productID, pl.line.variantID); pl.physical && counted[key] != pl.qty {
				return nil, badRequest(CodeBadRequest, fmt.Sprintf("the items share out %d of the %d units of %s", counted[key], pl.qty, skuName(pl.k)))
			}
		}
	default:
		return nil, badRequest(CodeBadRequest, "unknown fulfillment_type "+kind)
	}
	return ch, nil
}

// fulfillmentView is a cart's fulfillment preference as the API shows
// it: the shopper's choice, or, for a POS cart without one, collection at
// its counter, which the store chose (preference_type auto).
func (ct *cart) fulfillmentView(pr *cartPrice, pickups []pickupLocation) *gen.FulfillmentPreference {
	if ct.pref != nil || ct.counter == nil {
		return ct.pref.view(pr, pickups)
	}
	name := ""
	if pl := pickupByID(pickups, ct.counter.location); pl != nil {
		name = pl.name
	}
	out := convert[gen.FulfillmentPreference](map[string]any{"fulfillment_type": fulfillCollect, "preference_type": "auto",
		"pickup_location_id": ct.counter.location, "pickup_location_name": name})
	return &out
}

// preferenceView renders a fulfillment choice as the API's preference,
// with the names of what it names.
func (ch *fulfillmentChoice) view(pr *cartPrice, pickups []pickupLocation) *gen.FulfillmentPreference {
	if ch == nil {
		return nil
	}
	user := "user"
	var v any
	switch ch.kind {
	case fulfillCollect:
		name := ""
		if pl := pickupByID(pickups, ch.pickup); pl != nil {
			name = pl.name
		}
		v = map[string]any{"fulfillment_type": fulfillCollect, "preference_type": user, "pickup_location_id": ch.pickup, "pickup_location_name": name}
	case fulfillDelivery:
		shipments := []map[string]any{}
		for _, sp := range pr.shipments {
			if sp.courier == nil {
				continue
			}
			shipments = append(shipments, map[string]any{"id": sp.id, "shipping_provider_id": ShippingProvider, "shipping_provider_name": ShippingProviderName,
				"courier_company_id": sp.courier.id, "courier_company_name": sp.courier.name})
		}
		v = map[string]any{"fulfillment_type": fulfillDelivery, "preference_type": user, "shipments": shipments}
	case fulfillPartial:
		name := ""
		if pl := pickupByID(pickups, ch.pickup); pl != nil {
			name = pl.name
		}
		c := courierByID(ch.courier)
		if c == nil {
			c = &couriers[0]
		}
		var collected, delivered []gen.FulfillmentItem
		for _, pl := range pr.lines {
			if !pl.physical {
				continue
			}
			n := ch.collect[lineKey(pl.line.productID, pl.line.variantID)]
			if n > 0 {
				collected = append(collected, fulfillmentItem(pl.k, n))
			}
			if pl.qty-n > 0 {
				delivered = append(delivered, fulfillmentItem(pl.k, pl.qty-n))
			}
		}
		v = map[string]any{"fulfillment_type": fulfillPartial, "preference_type": user,
			"collect-in-store": map[string]any{"pickup_location_id": ch.pickup, "pickup_location_name": name, "items": collected},
			"delivery": map[string]any{"shipping_provider_id": ShippingProvider, "shipping_provider_name": ShippingProviderName,
				"courier_company_id": c.id, "courier_company_name": c.name, "items": delivered}}
	}
	out := convert[gen.FulfillmentPreference](v)
	return &out
}

func fulfillmentItem(k sku, qty int) gen.FulfillmentItem {
	name := k.p.name
	it := gen.FulfillmentItem{ProductID: k.p.id, ProductName: &name, Quantity: decimal.NewFromInt(int64(qty))}
	if k.v != nil {
		id, name := k.v.id, k.v.name
		it.VariantID, it.VariantName = &id, &name
	}
	return it
}
