package storefronttest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Fulfillment types.
const (
	fulfillDelivery = "delivery"
	fulfillCollect  = "collect-in-store"
)

var postalCodePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$`)

// fulfillmentCheckItem is an item of a serviceability check, as gen's
// ItemsBasedFulfillmentCheck holds it.
type fulfillmentCheckItem = gen.FulfillmentCheckItem

// checkFulfillment answers check-fulfillment for the caller. An
// items-based check looks at each item (product ID or slug, and the
// variant's ID or slug, required for a product with variants; unknown ones
// are a 404); a cart-based check looks at the items of one of the caller's
// carts (404 for an unknown cart), at its delivery_pincode or, when that is
// null, for collection at the cart's shipping address (400 without one).
// Digital goods can always be fulfilled; other items need stock (or
// backorders) and, for delivery, a postal code the store delivers to or,
// for collect-in-store, one with a store to collect from (SetServiceable;
// the seeded Indian postal codes of a few cities). A missing or malformed
// postal code is a 400.
func (s *Server) checkFulfillment(caller *TokenClaims, body gen.CheckFulfillmentBody) (gen.CheckFulfillmentContent, *apiError) {
	raw, err := body.MarshalJSON()
	var keys map[string]json.RawMessage
	if err != nil || json.Unmarshal(raw, &keys) != nil {
		return gen.CheckFulfillmentContent{}, badRequest(CodeBadRequest, "the body is not a serviceability check")
	}
	var kindRef *string
	var pinRef *string
	var items []fulfillmentCheckItem
	if _, ok := keys["cart_id"]; ok {
		check, err := body.AsCartBasedFulfillmentCheck()
		if err != nil {
			return gen.CheckFulfillmentContent{}, badRequest(CodeBadRequest, "the body is not a serviceability check")
		}
		if caller == nil {
			return gen.CheckFulfillmentContent{}, errCartNotFound
		}
		c := s.commerce()
		c.mu.Lock()
		ct, e := s.cartLocked(caller, check.CartID, s.Now())
		if e == nil {
			for _, l := range ct.lines {
				it := fulfillmentCheckItem{ProductID: l.productID}
				if l.variantID != "" {
					v := l.variantID
					it.VariantID = &v
				}
				items = append(items, it)
			}
			pinRef = check.DeliveryPincode
			if pinRef == nil {
				pin := pincodeOf(ct.shipping)
				collect := fulfillCollect
				pinRef, kindRef = &pin, &collect
				if pin == "" {
					e = fieldError(CodeBadRequest, "delivery_pincode", "is required: the cart has no shipping address")
				}
			}
		}
		c.mu.Unlock()
		if e != nil {
			return gen.CheckFulfillmentContent{}, e
		}
		if check.FulfillmentType != nil {
			k := string(*check.FulfillmentType)
			kindRef = &k
		}
		if len(items) == 0 {
			return gen.CheckFulfillmentContent{}, fieldError(CodeBadRequest, "cart_id", "the cart is empty")
		}
	} else {
		check, err := body.AsItemsBasedFulfillmentCheck()
		if err != nil {
			return gen.CheckFulfillmentContent{}, badRequest(CodeBadRequest, "the body is not a serviceability check")
		}
		if check.FulfillmentType != nil {
			k := string(*check.FulfillmentType)
			kindRef = &k
		}
		pinRef, items = check.DeliveryPincode, check.Items
	}
	kind := fulfillDelivery
	if kindRef != nil {
		kind = *kindRef
	}
	if pinRef == nil || strings.TrimSpace(*pinRef) == "" {
		return gen.CheckFulfillmentContent{}, fieldError(CodeBadRequest, "delivery_pincode", "is required")
	}
	pin := strings.ToUpper(strings.TrimSpace(*pinRef))
	if !postalCodePattern.MatchString(pin) {
		return gen.CheckFulfillmentContent{}, fieldError(CodeBadRequest, "delivery_pincode", "is not a postal code")
	}
	if len(items) == 0 {
		return gen.CheckFulfillmentContent{}, fieldError(CodeBadRequest, "items", "must name at least one item")
	}
	return s.checkItemsFulfillment(items, kind, pin)
}

// checkItemsFulfillment checks items against a postal code.
func (s *Server) checkItemsFulfillment(items []fulfillmentCheckItem, kind, pin string) (gen.CheckFulfillmentContent, *apiError) {
	s.shop().mu.RLock()
	defer s.shop().mu.RUnlock()
	sh := s.shop()
	served := sh.delivery[pin]
	if kind == fulfillCollect {
		served = sh.pickup[pin]
	}
	v := &view{sh: sh, now: s.Now()}
	unserviceable := []gen.UnserviceableItem{}
	for i, it := range items {
		p := sh.products[it.ProductID]
		if p == nil {
			p = sh.productSlugs[strings.ToLower(it.ProductID)]
		}
		if p == nil {
			return gen.CheckFulfillmentContent{}, notFound("product " + it.ProductID + " not found")
		}
		k := sku{p: p}
		if len(p.variants) > 0 {
			if it.VariantID == nil || *it.VariantID == "" {
				return gen.CheckFulfillmentContent{}, fieldError(CodeBadRequest, fmt.Sprintf("items[%d].variant_id", i), "is required for a product with variants")
			}
			vr, e := variantByRef(p, *it.VariantID)
			if e != nil {
				return gen.CheckFulfillmentContent{}, e
			}
			k.v = vr
		}
		if p.kind == TypeDigital {
			continue
		}
		available := inStock(p, k.offer())
		if p.kind == TypeBundle {
			available = v.productInStock(p)
		}
		if served && available {
			continue
		}
		u := gen.UnserviceableItem{ProductID: &p.id, ProductName: &p.name}
		if len(p.images) > 0 {
			url := imagesView(p.images[:1])[0].URLStandard
			u.ProductImageURL = &url
		}
		if k.v != nil {
			u.VariantID, u.VariantName = &k.v.id, &k.v.name
		}
		// Not deliverable here, or out of stock: none of it can be had.
		qty, maxQty := decimal.NewFromInt(1), decimal.Decimal{}
		u.UnserviceableQuantity, u.MaxAvailableQuantity = &qty, &maxQty
		unserviceable = append(unserviceable, u)
	}
	out := gen.CheckFulfillmentContent{IsServiceable: len(unserviceable) == 0}
	if len(unserviceable) > 0 {
		out.UnserviceableItems = &unserviceable
	}
	return out, nil
}
