package storefronttest

import (
	"context"
	"maps"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Orders. create-order turns a cart that is ready for payment into an
// order and deletes the cart; the order keeps the cart's amounts as they
// were priced. Its life, on the server's clock and the test-data methods
// (ShipOrder, DeliverOrder, CompletePayment, ReceiveReturn):
//
//	draft ──paid──▶ confirmed ──ShipOrder──▶ shipped ──DeliverOrder──▶ complete
//	  │                │
//	  └──cancel-order──┴──▶ cancelled
//
// An order with something to pay is a draft until its payment succeeds
// (an order with nothing to pay, its total covered by points and credit,
// is confirmed at once); an order of digital goods only is complete once
// paid. Orders can be cancelled until they ship; returns start once they
// are delivered.

// Order statuses, as the API names them.
const (
	orderDraft     = "draft"
	orderConfirmed = "confirmed"
	orderShipped   = "shipped"
	orderComplete  = "complete"
	orderCancelled = "cancelled"
)

// order is a placed order.
type order struct {
	number, userID    string
	contact           userContact
	status            string
	created, modified time.Time
	lines             []orderLine

	subtotal, subtotalIncl, itemsTax, promo, couponAmt, couponPercent decimal.Decimal
	shippingEstimate, shippingIncl, shippingTax, shippingDiscount     decimal.Decimal
	shippingPromo, shippingCoupon, shippingChosen, physical           bool
	handlingIncl, handlingTax                                         decimal.Decimal
	grandTotal, totalTax, points, pointsValue, credit, toBePaid       decimal.Decimal
	pointsEarned                                                      decimal.Decimal
	deliveryDays                                                      int
	couponCode                                                        string
	appliedPromotions                                                 []gen.AppliedPromotion
	appliedCoupons                                                    []gen.AppliedCoupon
	billing, shipping                                                 *gen.CustomerAddress
	pref                                                              *gen.FulfillmentPreference
	metadata                                                          map[string]string

	shipments      []*orderShipment
	payments       []*paymentTxn
	refunds        []*orderRefund
	returns        []*orderReturn
	pointsCredited bool
	spendRecorded  bool      // the order's cost is in the customer's loyalty totals (recordSpend)
	pos            *posOrder // an order placed at a point of sale; nil online
	paidAt         time.Time
	cancelReason   string
	feedback       string
	refundMode     string
	cancelRefund   decimal.Decimal
}

// orderLine is an item of an order, as it was sold.
type orderLine struct {
	k                                           sku
	sku, name, variantName, image, kind, seller string
	qty, free                                   int
	unit, listing, promo, coupon, net, tax      decimal.Decimal
	taxRate, handling, hTax, hRate              decimal.Decimal
	backorder, onPromotion, onSubscription      bool
	item                                        gen.OrderItem // rendered at placement
}

func (l *orderLine) variantID() string {
	if l.k.v != nil {
		return l.k.v.id
	}
	return ""
}

// paid is what the order's successful payments came to.
func (o *order) paid() decimal.Decimal {
	var t decimal.Decimal
	for _, p := range o.payments {
		if p.status == paySuccess {
			t = t.Add(p.amount)
		}
	}
	return t
}

// unpaid is what is left to pay through the gateway.
func (o *order) unpaid() decimal.Decimal {
	return decimal.Max(o.toBePaid.Sub(o.paid()), decimal.Decimal{})
}

// pendingPayment is the payment waiting to be settled, or nil.
func (o *order) pendingPayment() *paymentTxn {
	if n := len(o.payments); n > 0 && o.payments[n-1].status == payPending {
		return o.payments[n-1]
	}
	return nil
}

// paymentStatus is the order's payment_status: success once nothing is
// left to pay; else that of its last payment (pending before the first).
func (o *order) paymentStatus() string {
	if o.unpaid().Sign() == 0 {
		return paySuccess
	}
	if n := len(o.payments); n > 0 {
		return o.payments[n-1].status
	}
	return payPending
}

// cancellable reports whether cancel-order may cancel the order.
func (o *order) cancellable() bool {
	if o.status != orderDraft && o.status != orderConfirmed {
		return false
	}
	for _, sh := range o.shipments {
		if sh.status != shipUnscheduled {
			return false
		}
	}
	return true
}

// orderLocked finds one of the caller's orders; another shopper's is a
// 404 like an unknown one. Call it with c.mu held.
func (s *Server) orderLocked(caller *TokenClaims, number string) (*order, *apiError) {
	o := s.commerce().orders[number]
	if o == nil || o.userID != caller.UserID {
		return nil, notFound("order " + number + " not found")
	}
	return o, nil
}

// placeOrder answers create-order. It needs a logged-in shopper (401
// login_required) and their cart (an unknown one is a 400: the operation
// declares no 404), ready for payment (400 cart_not_ready, with the
// reason; a coupon that stopped applying is dropped and reported so); a
// payment method when something is left to pay (400); and balances that
// still cover the redemptions (400 insufficient_balance). It then takes
// the stock, the points and the credit, counts the coupon's redemption,
// deletes the cart and starts the payment.
func (s *Server) placeOrder(ctx context.Context, b gen.CreateOrderBody) (o *order, t *paymentTxn, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		if !caller.IsLoggedIn {
			return errLoginRequired
		}
		ct, e := s.cartLocked(caller, b.CartID, now)
		if e != nil {
			return fieldError(CodeBadRequest, "cart_id", "no cart of yours with this ID")
		}
		pr := s.priceCartLocked(ct, now)
		if pr.couponInvalid != "" {
			code := ct.couponCode
			ct.couponCode = ""
			return fieldError(CodeCartNotReady, "cart_id", "the coupon "+code+" no longer applies and was removed: "+pr.couponInvalid)
		}
		if !pr.ready {
			return fieldError(CodeCartNotReady, "cart_id", pr.notReady)
		}
		var m methodFields
		if pr.toBePaid.Sign() > 0 {
			if b.PaymentMethod == nil {
				return fieldError(CodeBadRequest, "payment_method", "is required: ₹"+pr.toBePaid.StringFixed(2)+" is left to pay")
			}
			if m, e = readMethod("payment_method", b.PaymentMethod, now); e != nil {
				return e
			}
		}
		c := s.commerce()
		number := c.next("NG")
		if err := s.accounts.redeem(ct.owner, now, pr.points, pr.creditUse, number); err != nil {
			return badRequest(CodeInsufficientBalance, "your loyalty points or credit balance no longer cover the cart's redemptions")
		}
		o = s.newOrderLocked(ct, pr, number, caller.UserID, now)
		if cp := pr.coupon; cp != nil {
			cp.total++
			cp.uses[ct.owner]++
		}
		c.dropCartLocked(ct)
		if pr.toBePaid.Sign() > 0 {
			t = s.startPaymentLocked(o, m, pr.toBePaid, now)
		} else {
			s.orderPaidLocked(o, now)
		}
		return nil
	})
	return o, t, e
}

// newOrderLocked makes the order of a priced cart, taking its stock, and
// registers it. Call it with c.mu held; it takes shop.mu.
func (s *Server) newOrderLocked(ct *cart, pr *cartPrice, number, userID string, now time.Time) *order {
	c := s.commerce()
	at := timestamp(now)
	o := &order{number: number, userID: userID, contact: s.contactOf(userID), status: orderDraft, created: at, modified: at,
		subtotal: pr.subtotal, subtotalIncl: pr.subtotalIncl, itemsTax: pr.itemsTax, promo: pr.promo, couponAmt: pr.couponAmt,
		shippingEstimate: pr.shippingEstimate, shippingIncl: pr.shippingIncl, shippingTax: pr.shippingTax,
		shippingDiscount: pr.shippingDiscount, shippingPromo: pr.shippingPromo, shippingCoupon: pr.shippingCoupon,
		shippingChosen: pr.shippingChosen, physical: pr.physical, handlingIncl: pr.handlingIncl, handlingTax: pr.handlingTax,
		grandTotal: pr.grandTotal, totalTax: pr.totalTax, points: pr.points, pointsValue: pr.pointsValue, credit: pr.creditUse,
		toBePaid: pr.toBePaid, pointsEarned: pr.pointsEarned, deliveryDays: pr.deliveryDays,
		billing: ct.billing, shipping: ct.shipping, metadata: maps.Clone(ct.metadata)}
	sh := s.shop()
	sh.mu.Lock()
	v := &view{sh: sh, group: s.groupOfLockedNoShop(ct.owner, sh), now: now}
	rendered := v.cartView(ct, pr, c.pickups)
	o.appliedPromotions, o.appliedCoupons, o.pref = rendered.AppliedPromotions, rendered.AppliedCoupons, rendered.FulfillmentPreference
	if pr.coupon != nil {
		o.couponCode = pr.coupon.code
		o.couponPercent = rendered.CouponDiscountPercent
	}
	for i, pl := range pr.lines {
		ci := rendered.CartItems[i]
		l := orderLine{k: pl.k, sku: pl.k.offer().sku, name: pl.k.p.name, image: ci.ProductImageURL, kind: pl.k.p.kind, seller: pl.k.p.sellerID,
			qty: pl.qty, free: pl.free, unit: pl.unit, listing: pl.listing, promo: pl.promo, coupon: pl.coupon, net: pl.net, tax: pl.tax,
			taxRate: pl.k.p.taxRate, handling: pl.handling, hTax: pl.hTax, hRate: pl.hRate, backorder: pl.backord,
			onPromotion: ci.OnPromotion, onSubscription: ci.OnSubscription}
		if pl.k.v != nil {
			l.variantName = pl.k.v.name
		}
		l.item = orderItemView(ci, pl)
		o.lines = append(o.lines, l)
		sh.takeStockLocked(pl.k, pl.qty)
	}
	sh.mu.Unlock()
	o.shipments = shipmentsForOrder(o, pr, ct.pref, c, at)
	c.orders[o.number] = o
	c.ordersOf[userID] = append(c.ordersOf[userID], o)
	return o
}

// groupOfLockedNoShop is groupOfLocked for a caller holding shop.mu.
func (s *Server) groupOfLockedNoShop(userID string, sh *shop) string {
	if g, ok := s.commerce().groups[userID]; ok {
		return g
	}
	return sh.defaultGroup
}

// takeStockLocked takes qty units of a SKU from its lots, oldest first
// (a bundle takes its items'); units beyond the stock are backorders.
// restock puts units back. Call them with sh.mu held for writing.
func (sh *shop) takeStockLocked(k sku, qty int) { sh.moveStockLocked(k, -qty) }

func (sh *shop) restockLocked(k sku, qty int) { sh.moveStockLocked(k, qty) }

func (sh *shop) moveStockLocked(k sku, n int) {
	if k.p.kind == TypeDigital || n == 0 {
		return
	}
	if k.p.kind == TypeBundle {
		for _, b := range k.p.bundle {
			if bp := sh.products[b.productID]; bp != nil {
				sh.moveStockLocked(sku{p: bp, v: sh.variants[b.variantID]}, n*max(b.quantity, 1))
			}
		}
		return
	}
	o := k.offer()
	if n > 0 {
		if len(o.lots) == 0 {
			o.lots = []lot{{batch: "LOT-" + o.sku}}
		}
		o.lots[0].quantity += n
		return
	}
	need := -n
	for i := range o.lots {
		take := min(need, o.lots[i].quantity)
		o.lots[i].quantity -= take
		need -= take
	}
}

// orderPaidLocked moves an order on once nothing is left to pay: a draft
// is confirmed (complete, for digital goods only or goods handed over at a
// POS counter) and the loyalty points
// it earns are credited. Call it with c.mu held.
func (s *Server) orderPaidLocked(o *order, now time.Time) {
	if o.status != orderDraft || o.unpaid().Sign() > 0 {
		return
	}
	o.status, o.paidAt, o.modified = orderConfirmed, timestamp(now), timestamp(now)
	if !o.physical || (o.pos != nil && o.pos.handedOver) {
		o.status = orderComplete
	}
	if !o.pointsCredited && o.pointsEarned.Sign() > 0 {
		s.accounts.earn(o.userID, now, o.pointsEarned, o.number, true)
		o.pointsCredited = true
	}
	if !o.spendRecorded {
		s.accounts.with(o.userID, now, func(acc *account) { acc.recordSpend(o.grandTotal, o.savings()) })
		o.spendRecorded = true
	}
}

// savings is what the order's promotions and coupon took off.
func (o *order) savings() decimal.Decimal { return o.promo.Add(o.couponAmt) }

// orderItemView is an order's item, from the cart's item it was.
func orderItemView(ci gen.CartItem, pl pricedLine) gen.OrderItem {
	code := ""
	if ci.Sku != nil {
		code = *ci.Sku
	}
	it := gen.OrderItem{
		ProductID: ci.ProductID, ProductName: ci.ProductName, ProductImageURL: optional(ci.ProductImageURL),
		ProductType: gen.OrderItemProductType(ci.ProductType), Sku: code, Slug: ci.Slug, VariantID: ci.VariantID, VariantName: ci.VariantName,
		Backorder: ci.Backorder, OnPromotion: ci.OnPromotion, OnSubscription: ci.OnSubscription,
		Quantity: ci.Quantity, FreeQuantity: ci.FreeQuantity, IsFreeItem: false, PriceIncludingTax: true,
		SellingPrice: ci.SellingPrice, ListingPrice: ci.ListingPrice, SellingPriceExcludingTax: ci.SellingPriceExcludingTax,
		PromotionDiscountAmount: ci.PromotionDiscountAmount, CouponDiscountAmount: ci.CouponDiscountAmount,
		TaxType: "GST", TaxRate: ci.TaxRate, TaxAmount: ci.TaxAmount,
		HandlingChargeExcludingTax: ci.HandlingChargeExcludingTax, HandlingChargeIncludingTax: ci.HandlingChargeIncludingTax,
		HandlingChargeTaxRate: ci.HandlingChargeTaxRate, AssociatedOptions: ci.AssociatedOptions, SellerID: ci.SellerID, SellerDetail: ci.SellerDetail,
	}
	attrs := ci.Attributes
	it.Attributes = &attrs
	return it
}
