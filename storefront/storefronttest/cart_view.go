package storefronttest

import (
	"maps"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// cartAnswerLocked prices a cart and renders it as the API's Cart. A
// coupon that no longer applies (expired, below its minimum since an
// item was removed, used up) is dropped from the cart. Call it with c.mu
// held; it takes accounts.mu, then shop.mu.
func (s *Server) cartAnswerLocked(ct *cart) (gen.Cart, *cartPrice) {
	now := s.Now()
	c := s.commerce()
	in := s.priceInputLocked(ct, now)
	var cp *coupon
	if ct.couponCode != "" {
		cp = c.couponCodes[ct.couponCode]
	}
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	pr := sh.price(ct, cp, c.pickups, in)
	if pr.couponInvalid != "" {
		ct.couponCode = ""
	}
	v := &view{sh: sh, group: in.group, now: now}
	return v.cartView(ct, pr, c.pickups), pr
}

// priceInputLocked gathers what pricing a cart needs beyond the catalog.
// Call it with c.mu held; it takes accounts.mu.
func (s *Server) priceInputLocked(ct *cart, now time.Time) priceInput {
	in := priceInput{group: s.groupOfLocked(ct.owner), now: now}
	in.pointsBalance, in.credits = s.accounts.balances(ct.owner)
	in.usedCoupons = func(cp *coupon) (int, int) { return cp.uses[ct.owner], cp.total }
	return in
}

var inrCurrency = gen.Currency{Name: "Indian Rupee", Code: storeCurrency, Symbol: "₹"}

func decPtr(d decimal.Decimal) *decimal.Decimal { return &d }

// cartView renders a priced cart. Call it with sh.mu held.
func (v *view) cartView(ct *cart, pr *cartPrice, pickups []pickupLocation) gen.Cart {
	var zero decimal.Decimal
	out := gen.Cart{
		ID: ct.id, Active: true, IsPromotionApplied: pr.promo.Sign() > 0 || pr.shippingPromo, IsCouponApplied: pr.coupon != nil,
		CouponDiscountAmount: pr.couponAmt, PromotionDiscountAmount: pr.promo,
		Subtotal: pr.subtotal, ItemsTaxAmount: pr.itemsTax, SubtotalIncludingTax: pr.subtotalIncl,
		HandlingChargeIncludingTax: pr.handlingIncl, HandlingChargeTaxAmount: pr.handlingTax,
		HandlingChargeExcludingTax: pr.handlingIncl.Sub(pr.handlingTax),
		TotalTax:                   pr.totalTax, GrandTotal: pr.grandTotal, CreditBalanceUsed: pr.creditUse, ToBePaid: pr.toBePaid,
		LoyaltyPointsRedeemed: pr.points, LoyaltyPointsEarned: pr.pointsEarned,
		BillingAddress: ct.billing, ShippingAddress: ct.shipping, Currency: inrCurrency,
		AppliedPromotions: []gen.AppliedPromotion{}, AppliedCoupons: []gen.AppliedCoupon{}, Shipments: []gen.CartShipment{},
		CartItems: make([]gen.CartItem, 0, len(pr.lines)),
		Status:    gen.CartStatus("ready-for-payment"),
	}
	if !pr.ready {
		out.Status, out.StatusErrorMessage = "not-ready-for-payment", optional(pr.notReady)
	}
	if ct.metadata != nil {
		m := maps.Clone(ct.metadata)
		out.Metadata = &m
	}
	exp := ct.modified.Add(CartLifetime)
	out.ExpiresAt = &exp
	if pr.coupon != nil {
		code := pr.coupon.code
		out.CouponCode = &code
		if pr.coupon.kind == CouponPercent {
			out.CouponDiscountPercent = pr.coupon.percent
		}
	}
	out.PromotionSavings = pr.promo.Add(pr.shippingDiscount.Mul(boolDec(pr.shippingPromo)))
	out.CouponSavings = pr.couponAmt.Add(pr.shippingDiscount.Mul(boolDec(pr.shippingCoupon)))
	out.OtherSavings = pr.pointsValue.Add(pr.creditUse)
	out.TotalSavings = out.PromotionSavings.Add(out.CouponSavings).Add(out.OtherSavings)

	// Shipping: nothing to ship is all zeros; before a choice, only the
	// estimate; once chosen, every amount.
	switch {
	case !pr.physical:
		out.ShippingEstimatedCost, out.ShippingDiscountAmount, out.ShippingAmount = decPtr(zero), decPtr(zero), decPtr(zero)
		out.ShippingTaxRate, out.ShippingTaxAmount, out.ShippingAmountIncludingTax = decPtr(zero), decPtr(zero), decPtr(zero)
	case !pr.shippingChosen:
		out.ShippingEstimatedCost = decPtr(pr.shippingEstimate)
		out.FreeShippingThreshold = decPtr(freeShippingFrom)
	default:
		out.ShippingEstimatedCost, out.ShippingDiscountAmount = decPtr(pr.shippingEstimate), decPtr(pr.shippingDiscount)
		out.ShippingAmount = decPtr(pr.shippingIncl.Sub(pr.shippingTax))
		out.ShippingTaxRate, out.ShippingTaxAmount = decPtr(shippingTaxes), decPtr(pr.shippingTax)
		out.ShippingAmountIncludingTax = decPtr(pr.shippingIncl)
		out.FreeShippingThreshold = decPtr(freeShippingFrom)
		if pr.deliveryDays > 0 {
			out.EstimatedDeliveryDays = decPtr(decimal.NewFromInt(int64(pr.deliveryDays)))
		}
		out.FulfillmentPreference = ct.fulfillmentView(pr, pickups)
	}
	seq := 0
	for _, pl := range pr.lines {
		out.CartItems = append(out.CartItems, v.cartItemView(pl))
		out.CartItemsCount = out.CartItemsCount.Add(decimal.NewFromInt(int64(pl.qty)))
		if pl.promo.Sign() > 0 {
			seq++
			pid, pname := pl.k.p.id, pl.k.p.name
			ap := gen.AppliedPromotion{PromotionID: pl.k.p.promotion.id, PromotionType: gen.AppliedPromotionPromotionType(promotionType(pl.k.p.promotion)),
				Savings: pl.promo, ProductID: &pid, ProductName: &pname, AppliedSequence: decimal.NewFromInt(int64(seq)), Scope: "product"}
			if pl.k.v != nil {
				vid, vname := pl.k.v.id, pl.k.v.name
				ap.VariantID, ap.VariantName = &vid, &vname
			}
			out.AppliedPromotions = append(out.AppliedPromotions, ap)
		}
		if pl.coupon.Sign() > 0 {
			pid, pname := pl.k.p.id, pl.k.p.name
			ac := gen.AppliedCoupon{CouponID: pr.coupon.id, CouponType: gen.AppliedCouponCouponType(pr.coupon.couponType()), Savings: pl.coupon,
				ProductID: &pid, ProductName: &pname}
			if pl.k.v != nil {
				vid, vname := pl.k.v.id, pl.k.v.name
				ac.VariantID, ac.VariantName = &vid, &vname
			}
			out.AppliedCoupons = append(out.AppliedCoupons, ac)
		}
	}
	if pr.shippingPromo {
		seq++
		out.AppliedPromotions = append(out.AppliedPromotions, gen.AppliedPromotion{PromotionID: freeShippingPromotionID,
			PromotionType: "free-shipping", Savings: pr.shippingDiscount, AppliedSequence: decimal.NewFromInt(int64(seq)), Scope: "cart"})
	}
	if pr.coupon != nil && pr.coupon.kind == CouponFreeShipping {
		out.AppliedCoupons = append(out.AppliedCoupons, gen.AppliedCoupon{CouponID: pr.coupon.id, CouponType: "free-shipping",
			Savings: pr.shippingDiscount.Mul(boolDec(pr.shippingCoupon))})
	}
	if pr.shippingChosen {
		for _, sp := range pr.shipments {
			out.Shipments = append(out.Shipments, cartShipmentView(pr, sp))
		}
	}
	return out
}

func boolDec(b bool) decimal.Decimal {
	if b {
		return one
	}
	return decimal.Decimal{}
}

func cartShipmentView(pr *cartPrice, sp shipmentPrice) gen.CartShipment {
	id, provider, providerName := sp.id, ShippingProvider, ShippingProviderName
	tax := taxIn(sp.amount, shippingTaxes)
	excl := sp.amount.Sub(tax)
	items := shipmentItems(pr, sp)
	count := decimal.NewFromInt(int64(len(items)))
	out := gen.CartShipment{ID: &id, ShippingProviderID: &provider, ShippingProviderName: &providerName,
		ShippingAmount: &excl, ShippingTaxAmount: &tax, ShippingAmountIncludingTax: decPtr(sp.amount),
		ShipmentItems: &items, ShipmentItemsCount: &count}
	if sp.courier != nil {
		cid, cname := sp.courier.id, sp.courier.name
		out.CourierCompanyID, out.CourierCompanyName = &cid, &cname
	}
	return out
}

// cartItemView renders a priced line. Call it with sh.mu held.
func (v *view) cartItemView(pl pricedLine) gen.CartItem {
	p, k, o := pl.k.p, pl.k, pl.k.offer()
	pricing := v.pricing(o, p.taxRate)
	code := o.sku
	subs := subscriptionsView(p.subscriptions)
	it := gen.CartItem{
		ProductID: p.id, Sku: &code, Slug: p.slug, ProductName: p.name, ProductType: gen.CartItemProductType(p.kind),
		ProductImageURL: productImage(k), StockAvailable: pl.inStock, Backorder: pl.backord,
		OnSubscription: len(subs) > 0, OnPromotion: v.promotionView(p) != nil,
		Quantity: decimal.NewFromInt(int64(pl.qty)), IsFreeItem: false, FreeQuantity: decimal.NewFromInt(int64(pl.free)),
		PromotionDiscountAmount: pl.promo, CouponDiscountAmount: pl.coupon, PriceIncludingTax: true,
		ListingPrice: pl.listing, SellingPrice: pl.unit, SellingPriceExcludingTax: pl.unit.Sub(taxIn(pl.unit, p.taxRate)),
		MinOrderQuantity: pricing.MinOrderQuantity, MaxOrderQuantity: pricing.MaxOrderQuantity, IncrementalQuantity: pricing.IncrementalQuantity,
		HandlingChargeIncludingTax: pl.handling, HandlingChargeExcludingTax: pl.handling.Sub(pl.hTax), HandlingChargeTaxRate: pl.hRate,
		TaxType: "GST", TaxRate: p.taxRate, TaxAmount: pl.tax, Subscriptions: &subs,
	}
	attrs := p.attributes
	if k.v != nil {
		id, name := k.v.id, k.v.name
		it.VariantID, it.VariantName = &id, &name
		ao := associatedOptions(p, k.v)
		it.AssociatedOptions = &ao
		attrs = append(append([]attribute{}, attrs...), k.v.attributes...)
	}
	it.Attributes = attributesView(attrs)
	if p.sellerID != "" {
		id, info := p.sellerID, v.sellerInfo(p.sellerID)
		it.SellerID, it.SellerDetail = &id, &info
	}
	return it
}
