package storefronttest

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/commercengine-go/sdk/decimal"
)

// How the fake prices a cart. Every amount is a decimal.Decimal in rupees;
// nothing passes through a float.
//
// Rounding: an amount is rounded to 2 places (paise), half up, where it is
// computed — a percentage of an amount, the tax inside an amount, a share
// of a discount — and the totals are exact sums of those rounded amounts.
// Per line, then totals:
//
//  1. gross = selling price × quantity. Prices include GST (the catalog's
//     convention), at the customer group's price of the cart's owner
//     (SetCustomerGroup; else the default group's).
//  2. The product's promotion, while it runs (server clock):
//     a percentage discount is round(gross × percent / 100); a fixed
//     discount is the amount per unit, at most the gross; a fixed price
//     takes (price − offer price) per unit; a volume slab takes its
//     percentage of the gross from its quantity on; buy X get Y makes Y of
//     every X+Y units free (free_quantity) and takes their price.
//  3. The coupon: it applies to the eligible lines (its categories, or
//     every line; only lines without a promotion discount when it cannot
//     be combined with promotions), once the items' total after promotions
//     (tax included) reaches its minimum order total. A percentage coupon
//     takes round(eligible × percent / 100), at most its maximum discount;
//     a fixed coupon takes its amount, at most the eligible amount. The
//     discount is shared among the eligible lines in proportion to their
//     amounts, each share rounded, the last line taking the remainder so
//     that the shares add up to the discount exactly.
//  4. tax = round(net × rate / (100 + rate)), net = gross − promotion −
//     coupon: the GST inside the line's net amount.
//  5. Handling charges (the catalog's per unit, tax included) × quantity,
//     with their tax computed as in 4 at the shipping tax rate.
//
// Cart totals: subtotal_including_tax = Σ net; items_tax_amount = Σ tax;
// subtotal = subtotal_including_tax − items_tax_amount (so the subtotal is
// after discounts, before tax); promotion_ and coupon_discount_amount =
// Σ of the line discounts (tax included, already taken off the subtotal);
// shipping (see cart_fulfillment.go) and handling add their amounts with
// tax; grand_total = subtotal_including_tax + shipping_amount_including_tax
// + handling_charge_including_tax; total_tax = items, shipping and
// handling tax. Then the redemptions: loyalty points (LoyaltyPointRupees
// each) first, at most the balance and the grand total; store credit next,
// at most the balance and what the points leave; to_be_paid is what is
// left. A redemption is refused (400) when asked beyond the balance or
// the amount payable; when the cart later shrinks, it is capped silently.
// loyalty_points_earned is one point per full LoyaltyEarnEvery rupees of
// the grand total less the points' value.

// Loyalty rules.
const (
	LoyaltyPointRupees = 1   // what one loyalty point is worth, in rupees
	LoyaltyEarnEvery   = 100 // an order earns a point per this many rupees
)

var (
	pointValue    = decimal.NewFromInt(LoyaltyPointRupees)
	earnEvery     = decimal.NewFromInt(LoyaltyEarnEvery)
	shippingTaxes = decimal.NewFromInt(ShippingTaxPercent)
)

// money rounds an amount to paise, half up.
func money(d decimal.Decimal) decimal.Decimal { return d.Round(2, decimal.HalfUp) }

// taxIn is the tax inside an amount that includes it at rate percent.
func taxIn(amount, rate decimal.Decimal) decimal.Decimal {
	t, err := amount.Mul(rate).Div(hundred.Add(rate), 2, decimal.HalfUp)
	if err != nil { // 100 + rate is never zero for a rate ≥ 0
		return decimal.Decimal{}
	}
	return t
}

// percentOf is round(amount × percent / 100).
func percentOf(amount, percent decimal.Decimal) decimal.Decimal {
	p, _ := amount.Mul(percent).Div(hundred, 2, decimal.HalfUp)
	return p
}

// pricedLine is a cart line with its amounts.
type pricedLine struct {
	line     *cartLine
	k        sku
	unit     decimal.Decimal // selling price, tax included
	listing  decimal.Decimal
	qty      int
	free     int // units the promotion makes free
	gross    decimal.Decimal
	promo    decimal.Decimal
	coupon   decimal.Decimal
	net      decimal.Decimal // gross − promo − coupon
	tax      decimal.Decimal
	handling decimal.Decimal // tax included
	hTax     decimal.Decimal
	hRate    decimal.Decimal
	inStock  bool
	have     int  // units that can be had, -1: unlimited
	backord  bool // some units are on backorder
	physical bool // needs delivery or collection
}

// cartPrice is a cart priced at one moment.
type cartPrice struct {
	lines []pricedLine

	coupon        *coupon // applied, or nil
	couponInvalid string  // why the cart's coupon no longer applies ("" when it does)

	promo, couponAmt, subtotalIncl, itemsTax, subtotal decimal.Decimal
	handlingIncl, handlingTax                          decimal.Decimal

	physical          bool
	shipments         []shipmentPrice
	shippingChosen    bool            // a fulfillment preference prices the shipping
	shippingEstimate  decimal.Decimal // the standard rate of every shipment
	shippingIncl      decimal.Decimal // chargeable, after discount, tax included
	shippingTax       decimal.Decimal
	shippingDiscount  decimal.Decimal
	shippingPromo     bool // the free-shipping threshold took the shipping off
	shippingCoupon    bool // a free-shipping coupon did
	deliveryDays      int  // the slowest chosen courier's days; 0 when none
	unserviceableNote string

	grandTotal, totalTax           decimal.Decimal
	points, pointsValue, creditUse decimal.Decimal
	toBePaid, pointsEarned         decimal.Decimal

	ready    bool
	notReady string
}

// priceInput is what pricing needs besides the catalog.
type priceInput struct {
	group                  string
	now                    time.Time
	pointsBalance, credits decimal.Decimal
	usedCoupons            func(*coupon) (mine, all int) // redemptions of a coupon by the owner and in all
}

// priceCartLocked prices a cart. Call it with c.mu held; it takes
// accounts.mu, then shop.mu, one after the other.
func (s *Server) priceCartLocked(ct *cart, now time.Time) *cartPrice {
	c := s.commerce()
	in := s.priceInputLocked(ct, now)
	var cp *coupon
	if ct.couponCode != "" {
		cp = c.couponCodes[ct.couponCode]
	}
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return sh.price(ct, cp, c.pickups, in)
}

// price prices a cart with the coupon cp (nil: none). Call it with sh.mu
// held.
func (sh *shop) price(ct *cart, cp *coupon, pickups []pickupLocation, in priceInput) *cartPrice {
	pr := &cartPrice{}
	for _, l := range ct.lines {
		pr.lines = append(pr.lines, sh.priceLine(l, in))
	}
	if cp != nil {
		if why := cp.applyTo(pr, in); why != "" {
			pr.couponInvalid = why
		} else {
			pr.coupon = cp
		}
	}
	for i := range pr.lines {
		pl := &pr.lines[i]
		pl.net = pl.gross.Sub(pl.promo).Sub(pl.coupon)
		pl.tax = taxIn(pl.net, pl.k.p.taxRate)
		pr.promo = pr.promo.Add(pl.promo)
		pr.couponAmt = pr.couponAmt.Add(pl.coupon)
		pr.subtotalIncl = pr.subtotalIncl.Add(pl.net)
		pr.itemsTax = pr.itemsTax.Add(pl.tax)
		pr.handlingIncl = pr.handlingIncl.Add(pl.handling)
		pr.handlingTax = pr.handlingTax.Add(pl.hTax)
		pr.physical = pr.physical || pl.physical
	}
	pr.subtotal = pr.subtotalIncl.Sub(pr.itemsTax)
	sh.priceShipping(ct, pr, pickups)
	pr.grandTotal = pr.subtotalIncl.Add(pr.shippingIncl).Add(pr.handlingIncl)
	pr.totalTax = pr.itemsTax.Add(pr.shippingTax).Add(pr.handlingTax)

	// Loyalty points first, then store credit.
	pr.points = decimal.Min(ct.points, in.pointsBalance)
	if maxPoints := floorDiv(pr.grandTotal, pointValue); pr.points.GreaterThan(maxPoints) {
		pr.points = maxPoints
	}
	pr.pointsValue = pr.points.Mul(pointValue)
	pr.creditUse = decimal.Min(ct.credit, in.credits, pr.grandTotal.Sub(pr.pointsValue))
	pr.toBePaid = pr.grandTotal.Sub(pr.pointsValue).Sub(pr.creditUse)
	pr.pointsEarned = floorDiv(pr.grandTotal.Sub(pr.pointsValue), earnEvery)
	pr.readiness(ct)
	return pr
}

// floorDiv is the whole number of times d goes into n (n ≥ 0, d > 0).
func floorDiv(n, d decimal.Decimal) decimal.Decimal {
	q, err := n.Div(d, 0, decimal.Down)
	if err != nil || q.Sign() < 0 {
		return decimal.Decimal{}
	}
	return q
}

// priceLine prices one line before the coupon.
func (sh *shop) priceLine(l *cartLine, in priceInput) pricedLine {
	p := sh.products[l.productID]
	k := sku{p: p, v: sh.variants[l.variantID]}
	o := k.offer()
	pl := pricedLine{line: l, k: k, qty: l.qty, physical: p.kind != TypeDigital}
	pl.unit = o.price(in.group, sh.defaultGroup)
	pl.listing = decimal.Max(o.listing, pl.unit)
	pl.gross = pl.unit.Mul(decimal.NewFromInt(int64(l.qty)))
	pl.have, pl.inStock = sh.stockFor(k, l.qty)
	pl.backord = o.backorder && p.kind != TypeDigital && o.stock() < l.qty
	if pr := p.promotion; pr.activeAt(in.now) {
		pl.promo, pl.free = promotionDiscount(pr, pl.unit, l.qty)
	}
	if p.shipping != nil {
		pl.hRate = p.shipping.taxRate
		pl.handling = p.shipping.handlingIncl.Mul(decimal.NewFromInt(int64(l.qty)))
		pl.hTax = taxIn(pl.handling, pl.hRate)
	}
	return pl
}

// promotionDiscount is what a running promotion takes off qty units at
// unit each, and how many of them it makes free.
func promotionDiscount(pr *promotion, unit decimal.Decimal, qty int) (decimal.Decimal, int) {
	n := decimal.NewFromInt(int64(qty))
	gross := unit.Mul(n)
	switch pr.kind {
	case promoDiscount:
		if pr.percent.Sign() > 0 {
			return percentOf(gross, pr.percent), 0
		}
		return decimal.Min(pr.amount.Mul(n), gross), 0
	case promoFixedPrice:
		if pr.offerPrice.LessThan(unit) {
			return unit.Sub(pr.offerPrice).Mul(n), 0
		}
	case promoVolume:
		var pct decimal.Decimal
		for _, s := range pr.slabs {
			if qty >= s.quantity && s.percent.GreaterThan(pct) {
				pct = s.percent
			}
		}
		return percentOf(gross, pct), 0
	case promoFreeGoods:
		if pr.buy > 0 && pr.get > 0 {
			free := qty / (pr.buy + pr.get) * pr.get
			return unit.Mul(decimal.NewFromInt(int64(free))), free
		}
	}
	return decimal.Decimal{}, 0
}

// shareDiscount spreads a discount over amounts in proportion to them:
// each share is rounded to paise and the last takes the remainder, so the
// shares add up to the discount exactly.
func shareDiscount(discount decimal.Decimal, amounts []decimal.Decimal) []decimal.Decimal {
	total := decimal.Sum(amounts...)
	out := make([]decimal.Decimal, len(amounts))
	if total.Sign() <= 0 {
		return out
	}
	left := discount
	for i, a := range amounts {
		if i == len(amounts)-1 {
			out[i] = decimal.Max(left, decimal.Decimal{})
			break
		}
		share, _ := discount.Mul(a).Div(total, 2, decimal.HalfUp)
		share = decimal.Min(share, a, left)
		out[i], left = share, left.Sub(share)
	}
	return out
}

// readiness sets whether the cart can be paid for, and why not.
func (pr *cartPrice) readiness(ct *cart) {
	why := ""
	for _, pl := range pr.lines {
		if !pl.inStock {
			why = fmt.Sprintf("only %d of %s in stock", max(pl.have, 0), skuName(pl.k))
			break
		}
	}
	// A POS cart needs no address while its goods are taken over the
	// counter: the customer is there.
	counter := ct.counter != nil
	switch {
	case why != "":
	case len(pr.lines) == 0:
		why = "the cart is empty"
	case ct.billing == nil && !counter:
		why = "add a billing address"
	case pr.physical && ct.shipping == nil && !counter:
		why = "add a shipping address"
	case pr.physical && ct.pref == nil && !counter:
		why = "choose how the cart is to be fulfilled"
	case pr.unserviceableNote != "":
		why = pr.unserviceableNote
	}
	pr.ready, pr.notReady = why == "", why
}

// itemsAfterPromotions is the items' total after promotions, tax
// included: what a coupon's minimum order total is compared with.
func (pr *cartPrice) itemsAfterPromotions() decimal.Decimal {
	var t decimal.Decimal
	for _, pl := range pr.lines {
		t = t.Add(pl.gross.Sub(pl.promo))
	}
	return t
}

// sellersOf lists the sellers of the physical lines, the store's own
// ("") first, then the marketplace's in the order their items were added.
func sellersOf(lines []pricedLine) []string {
	var out []string
	for _, pl := range lines {
		if pl.physical && !slices.Contains(out, pl.k.p.sellerID) {
			out = append(out, pl.k.p.sellerID)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(min(len(a), 1), min(len(b), 1)) })
	return out
}
