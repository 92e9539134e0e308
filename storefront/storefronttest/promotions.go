package storefronttest

import (
	"fmt"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// The store's promotions are applied without a code: the catalog's
// product promotions (seed.go: percentage and fixed discounts, fixed
// prices, volume slabs, buy X get Y) and free delivery from
// FreeShippingThreshold. list-promotions shows those running on the
// server's clock; carts apply them (cart_pricing.go).

// freeShippingPromotionID is the ID of the free-delivery promotion.
var freeShippingPromotionID = fixedULID(date(2024, 1, 1), 950)

// promotionType is the promotion_type the API gives a product promotion:
// a fixed price is shown as a fixed discount, the type the API has for it.
func promotionType(pr *promotion) string {
	switch pr.kind {
	case promoFreeGoods:
		return "free-goods"
	case promoVolume:
		return "volume-based"
	}
	return "discount"
}

// promotionName names a product promotion for shoppers.
func promotionName(p *product) string {
	pr := p.promotion
	switch pr.kind {
	case promoDiscount:
		if pr.percent.Sign() > 0 {
			return fmt.Sprintf("%s%% off %s", pr.percent, p.name)
		}
		return fmt.Sprintf("₹%s off %s", pr.amount, p.name)
	case promoFixedPrice:
		return fmt.Sprintf("%s at ₹%s", p.name, pr.offerPrice)
	case promoFreeGoods:
		return fmt.Sprintf("Buy %d, get %d free: %s", pr.buy, pr.get, p.name)
	case promoVolume:
		return "Buy more, save more: " + p.name
	}
	return p.name
}

// promotionViews lists the promotions running at v.now. Call it with
// sh.mu held.
func (v *view) promotionViews() []gen.Promotion {
	out := []gen.Promotion{}
	for _, p := range v.sh.productList {
		if p.promotion.activeAt(v.now) {
			out = append(out, v.productPromotionView(p))
		}
	}
	return append(out, freeShippingPromotionView())
}

// productPromotionView renders a product's promotion as the API's
// Promotion.
func (v *view) productPromotionView(p *product) gen.Promotion {
	pr := p.promotion
	m := map[string]any{"id": pr.id, "name": promotionName(p), "description": nil, "tags": []string{"product"},
		"redemption_limits": nil, "redemption_count": 0, "minimum_order_total": 0, "starts_at": pr.starts, "expires_at": nil,
		"applies_to_product": "product", "promotion_type": promotionType(pr), "can_be_used_with_other_promotion": false}
	if !pr.expires.IsZero() {
		m["expires_at"] = pr.expires
	}
	target := map[string]any{"product_id": p.id, "variant_id": nil}
	switch pr.kind {
	case promoDiscount, promoFixedPrice:
		rule := map[string]any{"category_id": []string{}}
		for _, k := range []string{"minimum_quantity", "maximum_quantity", "minimum_value", "maximum_value"} {
			target[k] = nil
		}
		rule["products"] = []any{target}
		switch {
		case pr.kind == promoFixedPrice:
			rule["discount_type"], rule["fixed_discount_amount"] = "fixed-amount", decimal.Max(p.mainOffer().price(v.sh.defaultGroup, v.sh.defaultGroup).Sub(pr.offerPrice), decimal.Decimal{})
		case pr.percent.Sign() > 0:
			rule["discount_type"], rule["discount_percent"], rule["maximum_discount_amount"] = "percentage", pr.percent, nil
		default:
			rule["discount_type"], rule["fixed_discount_amount"] = "fixed-amount", pr.amount
		}
		m["details"] = rule
	case promoVolume:
		var slabs []map[string]any
		for _, s := range pr.slabs {
			slabs = append(slabs, map[string]any{"quantity": s.quantity - 1, "condition": "greater", "discount_percent": s.percent})
		}
		target["slabs"] = slabs
		m["details"] = map[string]any{"products": []any{target}, "maximum_discount_amount": nil}
	case promoFreeGoods:
		target["auto_scale"] = true
		target["slab"] = map[string]any{"buy_quantity": pr.buy, "get_quantity": pr.get, "condition": "greater-or-equal"}
		m["details"] = map[string]any{"spending_criteria_type": "minimum-quantity", "products": []any{target}}
	}
	return convert[gen.Promotion](m)
}

func freeShippingPromotionView() gen.Promotion {
	return convert[gen.Promotion](map[string]any{"id": freeShippingPromotionID, "name": "Free delivery",
		"description": fmt.Sprintf("Free delivery on orders of ₹%d or more.", FreeShippingThreshold), "tags": nil,
		"redemption_limits": nil, "redemption_count": 0, "minimum_order_total": FreeShippingThreshold,
		"starts_at": date(2024, 1, 1), "expires_at": nil, "promotion_type": "free-shipping", "can_be_used_with_other_promotion": true})
}

// evaluatePromotions sorts the running promotions into those that take
// something off the cart, with how much, and those that do not, with the
// reason and what would make them apply. Call it with sh.mu held.
func (v *view) evaluatePromotions(pr *cartPrice) gen.EvaluatePromotionsContent {
	out := gen.EvaluatePromotionsContent{ApplicablePromotions: []gen.ApplicablePromotion{}, InapplicablePromotions: []gen.InapplicablePromotion{}}
	for _, p := range v.sh.productList {
		promo := p.promotion
		if !promo.activeAt(v.now) {
			continue
		}
		id, name, kind := promo.id, promotionName(p), gen.PromotionType(promotionType(promo))
		var saved decimal.Decimal
		qty, in := 0, false
		for _, pl := range pr.lines {
			if pl.k.p == p {
				saved, qty, in = saved.Add(pl.promo), qty+pl.qty, true
			}
		}
		if saved.Sign() > 0 {
			msg := fmt.Sprintf("You save ₹%s on %s", saved.StringFixed(2), p.name)
			out.ApplicablePromotions = append(out.ApplicablePromotions, gen.ApplicablePromotion{ID: &id, Name: &name, PromotionType: &kind, EstimatedDiscount: &saved, SavingsMessage: &msg})
			continue
		}
		reason, suggestion := "no item of the cart is on this promotion", "add "+p.name+" to the cart"
		if in {
			reason, suggestion = "the cart does not hold enough of "+p.name, ""
			switch promo.kind {
			case promoVolume:
				if len(promo.slabs) > 0 {
					suggestion = fmt.Sprintf("add %d more for %s%% off", promo.slabs[0].quantity-qty, promo.slabs[0].percent)
				}
			case promoFreeGoods:
				suggestion = fmt.Sprintf("add %d more to get %d free", promo.buy+promo.get-qty, promo.get)
			}
		}
		out.InapplicablePromotions = append(out.InapplicablePromotions, gen.InapplicablePromotion{ID: &id, Name: &name, PromotionType: &kind, Reason: &reason, Suggestion: optional(suggestion)})
	}
	id, name, kind := freeShippingPromotionID, "Free delivery", gen.PromotionType("free-shipping")
	switch {
	case pr.shippingPromo:
		saved := pr.shippingDiscount
		msg := "You save ₹" + saved.StringFixed(2) + " on delivery"
		out.ApplicablePromotions = append(out.ApplicablePromotions, gen.ApplicablePromotion{ID: &id, Name: &name, PromotionType: &kind, EstimatedDiscount: &saved, SavingsMessage: &msg})
	case pr.physical && !pr.subtotalIncl.LessThan(freeShippingFrom):
		saved := pr.shippingEstimate
		msg := "Delivery is free for this cart"
		out.ApplicablePromotions = append(out.ApplicablePromotions, gen.ApplicablePromotion{ID: &id, Name: &name, PromotionType: &kind, EstimatedDiscount: &saved, SavingsMessage: &msg})
	case !pr.physical:
		reason := "nothing in the cart is delivered"
		out.InapplicablePromotions = append(out.InapplicablePromotions, gen.InapplicablePromotion{ID: &id, Name: &name, PromotionType: &kind, Reason: &reason})
	default:
		reason := fmt.Sprintf("the items come to less than ₹%d", FreeShippingThreshold)
		suggestion := "add items worth ₹" + freeShippingFrom.Sub(pr.subtotalIncl).StringFixed(2) + " more for free delivery"
		out.InapplicablePromotions = append(out.InapplicablePromotions, gen.InapplicablePromotion{ID: &id, Name: &name, PromotionType: &kind, Reason: &reason, Suggestion: &suggestion})
	}
	return out
}
