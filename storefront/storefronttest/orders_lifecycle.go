package storefronttest

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Durations of the order's life.
const (
	// ReturnWindow is how long after delivery items can be returned.
	ReturnWindow = 7 * 24 * time.Hour
	// RefundSettleAfter is how long a refund stays approved before it
	// succeeds, on the server's clock.
	RefundSettleAfter = 48 * time.Hour
)

// Shipment statuses the fake uses, as the API's ShipmentStatus names them.
const (
	shipUnscheduled = "unscheduled"
	shipShipped     = "shipped"
	shipDelivered   = "delivered"
	shipCancelled   = "cancelled"
)

// orderShipment is a shipment of an order: delivered by a courier, or
// handed over at a pickup location.
type orderShipment struct {
	number            string
	seller            string
	lines             map[int]int // order line → units
	courier           *courier    // nil for a collection
	pickup            string      // the pickup location's name, for a collection
	amount            decimal.Decimal
	status            string
	awb, tracking     string
	shipped, arrived  time.Time
	created, modified time.Time
	cancelReason      string
}

// shipmentsForOrder makes the shipments of a new order from its cart's
// shipments (delivery) and its collection (collect-in-store, partial).
func shipmentsForOrder(o *order, pr *cartPrice, ch *fulfillmentChoice, c *commerce, at time.Time) []*orderShipment {
	var out []*orderShipment
	for _, sp := range pr.shipments {
		os := &orderShipment{number: c.next("SHP"), seller: sp.seller, lines: map[int]int{}, courier: sp.courier, amount: sp.amount,
			status: shipUnscheduled, created: at, modified: at}
		for i, n := range sp.qty {
			os.lines[i] = n
		}
		out = append(out, os)
	}
	if ch != nil && (ch.kind == fulfillCollect || ch.kind == fulfillPartial) {
		os := &orderShipment{number: c.next("SHP"), lines: map[int]int{}, status: shipUnscheduled, created: at, modified: at}
		if pl := pickupByID(c.pickups, ch.pickup); pl != nil {
			os.pickup = pl.name
		}
		for i, l := range o.lines {
			n := l.qty
			if ch.kind == fulfillPartial {
				n = ch.collect[lineKey(l.k.p.id, l.variantID())]
			}
			if l.kind != TypeDigital && n > 0 {
				os.lines[i] = n
			}
		}
		if len(os.lines) > 0 {
			out = append(out, os)
		}
	}
	return out
}

// orderRefund is money (and points) given back for an order.
type orderRefund struct {
	number      string
	amount      decimal.Decimal
	mode        string // original-payment-mode or bank-transfer
	method      string
	reference   string
	bankAccount string
	remarks     string
	created     time.Time
}

// statusAt is a refund's status at now: approved, then success once
// RefundSettleAfter has passed.
func (r *orderRefund) statusAt(now time.Time) string {
	if now.Before(r.created.Add(RefundSettleAfter)) {
		return "approved"
	}
	return "success"
}

// cancelOrder answers cancel-order: an order that has not shipped (draft
// or confirmed) is cancelled with a reason (400 without one); a refund to
// a bank account needs its ID (400). The stock is put back; the points
// and credit redeemed are returned and the points earned taken back; what
// the gateway took is refunded in the mode asked for; a pending payment
// fails. An order past that point is a 400 not_cancellable.
func (s *Server) cancelOrderLocked(caller *TokenClaims, number string, b gen.CancelOrderBody, now time.Time) (*order, *apiError) {
	o, e := s.orderLocked(caller, number)
	if e != nil {
		return nil, e
	}
	switch {
	case !o.cancellable():
		return nil, badRequest(CodeNotCancellable, "order "+o.number+" is "+o.status+": only orders that have not shipped can be cancelled")
	case strings.TrimSpace(b.CancellationReason) == "":
		return nil, fieldError(CodeBadRequest, "cancellation_reason", "is required")
	case b.RefundMode == "bank-transfer" && (b.BankAccountID == nil || *b.BankAccountID == ""):
		return nil, fieldError(CodeBadRequest, "bank_account_id", "is required for a refund by bank transfer")
	case b.RefundMode != "bank-transfer" && b.RefundMode != "original-payment-mode":
		return nil, fieldError(CodeBadRequest, "refund_mode", "must be original-payment-mode or bank-transfer")
	}
	at := timestamp(now)
	o.status, o.modified, o.cancelReason, o.refundMode = orderCancelled, at, b.CancellationReason, string(b.RefundMode)
	if b.Feedback != nil {
		o.feedback = *b.Feedback
	}
	if t := o.pendingPayment(); t != nil {
		t.status, t.settled, t.note = payFailed, at, "cancelled with the order"
	}
	sh := s.shop()
	sh.mu.Lock()
	for _, l := range o.lines {
		sh.restockLocked(l.k, l.qty)
	}
	sh.mu.Unlock()
	for _, os := range o.shipments {
		os.status, os.modified, os.cancelReason = shipCancelled, at, b.CancellationReason
	}
	s.accounts.refund(o.userID, now, o.points, o.credit, o.number)
	if o.pointsCredited {
		s.accounts.earn(o.userID, now, o.pointsEarned, o.number, false)
		o.pointsCredited = false
	}
	if o.spendRecorded {
		s.accounts.with(o.userID, now, func(acc *account) { acc.recordSpend(o.grandTotal.Neg(), o.savings().Neg()) })
		o.spendRecorded = false
	}
	if paid := o.paid(); paid.Sign() > 0 {
		r := &orderRefund{number: s.commerce().next("RFD"), amount: paid, mode: o.refundMode, method: o.payments[len(o.payments)-1].kind,
			remarks: "Order cancelled: " + b.CancellationReason, created: at}
		if b.BankAccountID != nil {
			r.bankAccount = *b.BankAccountID
		}
		r.reference = "RF" + strings.TrimPrefix(r.number, "RFD")
		o.refunds = append(o.refunds, r)
		o.cancelRefund = paid
	}
	return o, nil
}

// cancelPaymentLocked answers cancel-payment-request: the order's pending
// payment fails, and may be retried; an order without one is a 400.
func (s *Server) cancelPaymentLocked(caller *TokenClaims, number string, now time.Time) *apiError {
	o, e := s.orderLocked(caller, number)
	if e != nil {
		return e
	}
	t := o.pendingPayment()
	if t == nil {
		return badRequest(CodeInvalidPayment, "order "+o.number+" has no pending payment")
	}
	t.note = "cancelled by the shopper"
	s.settleLocked(t, payFailed, now)
	return nil
}

// retryPaymentLocked answers retry-order-payment: an order whose last
// payment failed, not cancelled, with something left to pay, gets a new
// payment of what is left, with the method given (400 otherwise).
func (s *Server) retryPaymentLocked(caller *TokenClaims, number string, b gen.RetryOrderPaymentBody, now time.Time) (*paymentTxn, *apiError) {
	o, e := s.orderLocked(caller, number)
	if e != nil {
		return nil, e
	}
	switch {
	case o.status == orderCancelled:
		return nil, badRequest(CodeInvalidPayment, "order "+o.number+" is cancelled")
	case o.unpaid().Sign() == 0:
		return nil, badRequest(CodeInvalidPayment, "order "+o.number+" is paid")
	case o.paymentStatus() == payPending:
		return nil, badRequest(CodeInvalidPayment, "a payment of order "+o.number+" is pending: cancel it first (cancel-payment-request)")
	case b.PaymentMethod == nil:
		return nil, fieldError(CodeBadRequest, "payment_method", "is required")
	}
	m, e := readMethod("payment_method", b.PaymentMethod, now)
	if e != nil {
		return nil, e
	}
	return s.startPaymentLocked(o, m, o.unpaid(), now), nil
}

// orderReturn is a return of items of a delivered order.
type orderReturn struct {
	number            string
	order             *order
	status            string // created, complete, cancelled
	settlement        string // refund or replacement
	items             []returnItem
	created, modified time.Time
	received          time.Time
	cancelReason      string
	images, videos    []string
	refund            *orderRefund
	replacement       *order
}

type returnItem struct {
	shipment string
	line     int
	qty      int
	reason   string
}

// Return statuses, as the API names them.
const (
	returnCreated   = "created"
	returnComplete  = "complete"
	returnCancelled = "cancelled"
)

// returnableUnits is how many units of an order line delivered in a
// shipment are not in a return yet (cancelled returns aside).
func (o *order) returnableUnits(os *orderShipment, line int) int {
	n := os.lines[line]
	for _, r := range o.returns {
		if r.status == returnCancelled {
			continue
		}
		for _, it := range r.items {
			if it.shipment == os.number && it.line == line {
				n -= it.qty
			}
		}
	}
	return n
}

// createReturnLocked answers create-order-return: only a delivered order
// (complete), within ReturnWindow of its delivery, takes returns (400
// not_returnable otherwise). Each item names a delivered shipment of the
// order and an item of it (a variant for a product with variants), a
// whole quantity from 1 to what is left to return of it, and a reason;
// digital goods are not returnable. Anything else is a 400 naming the item.
func (s *Server) createReturnLocked(caller *TokenClaims, number string, b gen.CreateOrderReturn, now time.Time) (*orderReturn, *apiError) {
	o, e := s.orderLocked(caller, number)
	if e != nil {
		return nil, e
	}
	if o.status != orderComplete || !o.physical {
		return nil, badRequest(CodeNotReturnable, "order "+o.number+" is "+o.status+": only delivered orders take returns")
	}
	if b.RequestedSettlement != "refund" && b.RequestedSettlement != "replacement" {
		return nil, fieldError(CodeBadRequest, "requested_settlement", "must be refund or replacement")
	}
	if len(b.Items) == 0 {
		return nil, fieldError(CodeBadRequest, "items", "must name at least one item")
	}
	r := &orderReturn{order: o, status: returnCreated, settlement: string(b.RequestedSettlement), created: timestamp(now), modified: timestamp(now)}
	asked := map[[2]any]int{}
	for i, it := range b.Items {
		field := fmt.Sprintf("items[%d].", i)
		var os *orderShipment
		for _, x := range o.shipments {
			if x.number == it.ShipmentNumber {
				os = x
			}
		}
		if os == nil {
			return nil, fieldError(CodeBadRequest, field+"shipment_number", "the order has no shipment "+it.ShipmentNumber)
		}
		if os.status != shipDelivered || now.After(os.arrived.Add(ReturnWindow)) {
			return nil, fieldError(CodeNotReturnable, field+"shipment_number", fmt.Sprintf("returns are taken within %s of delivery", ReturnWindow))
		}
		line := -1
		for li := range o.lines {
			if o.lines[li].k.p.id == it.ProductID && o.lines[li].variantID() == deref(it.VariantID) && os.lines[li] > 0 {
				line = li
			}
		}
		if line < 0 {
			return nil, fieldError(CodeBadRequest, field+"product_id", "the shipment holds no such item")
		}
		n, ok := it.Quantity.Int64()
		if asked[[2]any{os, line}] += int(n); !ok || n < 1 || asked[[2]any{os, line}] > o.returnableUnits(os, line) {
			return nil, fieldError(CodeBadRequest, field+"quantity", fmt.Sprintf("must be a whole number from 1 to the %d units left to return", o.returnableUnits(os, line)))
		}
		if it.ReturnReason == nil || strings.TrimSpace(*it.ReturnReason) == "" {
			return nil, fieldError(CodeBadRequest, field+"return_reason", "is required")
		}
		r.items = append(r.items, returnItem{shipment: os.number, line: line, qty: int(n), reason: strings.TrimSpace(*it.ReturnReason)})
	}
	c := s.commerce()
	r.number = c.next("RET")
	c.returns[r.number] = r
	o.returns = append(o.returns, r)
	return r, nil
}

// returnLocked finds a return of one of the caller's orders (404).
func (s *Server) returnLocked(caller *TokenClaims, number, returnNumber string) (*orderReturn, *apiError) {
	o, e := s.orderLocked(caller, number)
	if e != nil {
		return nil, e
	}
	r := s.commerce().returns[returnNumber]
	if r == nil || r.order != o {
		return nil, notFound("return " + returnNumber + " of order " + number + " not found")
	}
	return r, nil
}

// cancelReturnLocked answers cancel-order-return: a return the store has
// not received is cancelled, with a reason (400 without one); a received
// or cancelled one is a 400 not_cancellable.
func (s *Server) cancelReturnLocked(caller *TokenClaims, number, returnNumber, reason string, now time.Time) (*orderReturn, *apiError) {
	r, e := s.returnLocked(caller, number, returnNumber)
	if e != nil {
		return nil, e
	}
	if r.status != returnCreated {
		return nil, badRequest(CodeNotCancellable, "return "+r.number+" is "+r.status)
	}
	if strings.TrimSpace(reason) == "" {
		return nil, fieldError(CodeBadRequest, "reason", "is required")
	}
	r.status, r.cancelReason, r.modified = returnCancelled, reason, timestamp(now)
	return r, nil
}

// Order test data.

// ShipOrder ships a confirmed order: its shipments get a courier's air
// waybill number and tracking URL (collections are handed over at the
// store), and the order is shipped. It fails for an unknown order or one
// that is not confirmed (unpaid, cancelled, shipped already).
func (s *Server) ShipOrder(orderNumber string) error {
	return s.moveOrder(orderNumber, orderConfirmed, func(o *order, now time.Time) {
		o.status = orderShipped
		for _, os := range o.shipments {
			if os.status != shipUnscheduled {
				continue
			}
			os.status, os.shipped, os.modified = shipShipped, now, now
			os.awb = "AWB" + strings.TrimPrefix(os.number, "SHP") + "IN"
			if os.courier != nil {
				os.tracking = "https://track.storefronttest.invalid/" + os.courier.id + "/" + os.awb
			}
		}
	})
}

// DeliverOrder delivers a shipped order: its shipments are delivered and
// the order is complete; returns open for ReturnWindow. It fails for an
// unknown order or one that is not shipped.
func (s *Server) DeliverOrder(orderNumber string) error {
	return s.moveOrder(orderNumber, orderShipped, func(o *order, now time.Time) {
		o.status = orderComplete
		for _, os := range o.shipments {
			if os.status == shipShipped {
				os.status, os.arrived, os.modified = shipDelivered, now, now
			}
		}
	})
}

func (s *Server) moveOrder(number, from string, f func(*order, time.Time)) error {
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	o := c.orders[number]
	if o == nil {
		return fmt.Errorf("storefronttest: no order %q", number)
	}
	if o.status != from || !o.physical {
		return fmt.Errorf("storefronttest: order %s is %s, not %s", number, o.status, from)
	}
	now := timestamp(s.Now())
	f(o, now)
	o.modified = now
	return nil
}

// ReceiveReturn records that the store received the items of a return:
// the return is complete and its items go back to stock. A refund return
// refunds the items' share of what was paid for them (their net amount,
// pro rata to the units returned, rounded to paise) to the original
// payment mode; a replacement return places a replacement order of the
// same items, nothing to pay, confirmed. It fails for an unknown return
// or one that is not waiting to be received.
func (s *Server) ReceiveReturn(orderNumber, returnNumber string) error {
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.returns[returnNumber]
	if r == nil || r.order.number != orderNumber {
		return fmt.Errorf("storefronttest: no return %q of order %q", returnNumber, orderNumber)
	}
	if r.status != returnCreated {
		return fmt.Errorf("storefronttest: return %s is %s", returnNumber, r.status)
	}
	now := timestamp(s.Now())
	o := r.order
	r.status, r.received, r.modified = returnComplete, now, now
	var amount decimal.Decimal
	sh := s.shop()
	sh.mu.Lock()
	for _, it := range r.items {
		l := o.lines[it.line]
		sh.restockLocked(l.k, it.qty)
		share, _ := l.net.Mul(decimal.NewFromInt(int64(it.qty))).Div(decimal.NewFromInt(int64(l.qty)), 2, decimal.HalfUp)
		amount = amount.Add(share)
	}
	sh.mu.Unlock()
	if r.settlement == "replacement" {
		r.replacement = s.replacementOrderLocked(r, now)
		return nil
	}
	rf := &orderRefund{number: c.next("RFD"), amount: amount, mode: "original-payment-mode", remarks: "Return " + r.number + " received", created: now}
	if n := len(o.payments); n > 0 {
		rf.method = o.payments[n-1].kind
	}
	rf.reference = "RF" + strings.TrimPrefix(rf.number, "RFD")
	r.refund = rf
	o.refunds = append(o.refunds, rf)
	return nil
}

// replacementOrderLocked places the replacement order of a return.
func (s *Server) replacementOrderLocked(r *orderReturn, now time.Time) *order {
	c := s.commerce()
	o := r.order
	ro := &order{number: c.next("NG"), userID: o.userID, contact: o.contact, status: orderConfirmed, created: now, modified: now, paidAt: now,
		physical: true, billing: o.billing, shipping: o.shipping, pref: o.pref, shippingChosen: true,
		appliedPromotions: []gen.AppliedPromotion{}, appliedCoupons: []gen.AppliedCoupon{}}
	os := &orderShipment{number: c.next("SHP"), lines: map[int]int{}, courier: &couriers[0], status: shipUnscheduled, created: now, modified: now}
	for _, it := range r.items {
		l := o.lines[it.line]
		nl := orderLine{k: l.k, sku: l.sku, name: l.name, variantName: l.variantName, image: l.image, kind: l.kind, seller: l.seller,
			qty: it.qty, unit: l.unit, listing: l.listing, taxRate: l.taxRate, item: l.item}
		nl.item.Quantity = decimal.NewFromInt(int64(it.qty))
		nl.item.FreeQuantity, nl.item.PromotionDiscountAmount, nl.item.CouponDiscountAmount = decimal.Decimal{}, decimal.Decimal{}, decimal.Decimal{}
		nl.item.TaxAmount, nl.item.HandlingChargeIncludingTax, nl.item.HandlingChargeExcludingTax = decimal.Decimal{}, decimal.Decimal{}, decimal.Decimal{}
		nl.item.SellingPrice, nl.item.SellingPriceExcludingTax = decimal.Decimal{}, decimal.Decimal{}
		os.lines[len(ro.lines)] = it.qty
		ro.lines = append(ro.lines, nl)
	}
	ro.shipments = []*orderShipment{os}
	ro.metadata = map[string]string{"replaces": o.number, "return": r.number}
	c.orders[ro.number] = ro
	c.ordersOf[ro.userID] = append(c.ordersOf[ro.userID], ro)
	return ro
}

// AddOrder registers a delivered, paid order of the user userID, numbered
// orderNumber, holding one unit of each product (IDs or slugs; a product
// with variants as its default variant) at the default customer group's
// price: so that the user can review them (create-product-review) or
// return them. Orders placed through create-order serve the same purpose.
// It fails for an unknown user or product, or an order number in use.
func (s *Server) AddOrder(userID, orderNumber string, productIDs ...string) error {
	if orderNumber == "" {
		return errors.New("storefronttest: AddOrder: the order number is empty")
	}
	if err := s.checkUser(userID); err != nil {
		return fmt.Errorf("storefronttest: AddOrder: no user %q", userID)
	}
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.orders[orderNumber] != nil {
		return fmt.Errorf("storefronttest: AddOrder: order %q exists", orderNumber)
	}
	now := s.Now()
	ct := &cart{owner: userID, modified: timestamp(now)}
	sh := s.shop()
	sh.mu.RLock()
	for _, ref := range productIDs {
		p := sh.products[ref]
		if p == nil {
			p = sh.productSlugs[strings.ToLower(ref)]
		}
		if p == nil {
			sh.mu.RUnlock()
			return fmt.Errorf("storefronttest: AddOrder: no product %q", ref)
		}
		k := defaultSKU(p)
		vid := ""
		if k.v != nil {
			vid = k.v.id
		}
		ct.lines = append(ct.lines, &cartLine{productID: p.id, variantID: vid, qty: 1})
	}
	in := priceInput{group: sh.defaultGroup, now: now, usedCoupons: func(*coupon) (int, int) { return 0, 0 }}
	ct.pref = &fulfillmentChoice{kind: fulfillDelivery, couriers: map[string]string{}}
	pr := sh.price(ct, nil, c.pickups, in)
	sh.mu.RUnlock()
	o := s.newOrderLocked(ct, pr, orderNumber, userID, now)
	if o.toBePaid.Sign() > 0 {
		t := &paymentTxn{id: orderNumber + "-1", uuid: "txn_" + strings.ToLower(newULID(now)), request: c.next("PAY"), order: o,
			amount: o.toBePaid, integration: "express-checkout", kind: "NB", method: "NB_HDFC", bank: "NB_HDFC", status: payPending, created: timestamp(now)}
		c.txns[t.id] = t
		o.payments = append(o.payments, t)
		s.settleLocked(t, paySuccess, now)
	} else {
		s.orderPaidLocked(o, now)
	}
	at := timestamp(now)
	for _, os := range o.shipments {
		os.status, os.shipped, os.arrived = shipDelivered, at, at
	}
	if o.physical {
		o.status = orderComplete
	}
	return nil
}

// orderHolds reports whether the user's order orderNumber (not cancelled)
// holds the product productID: the condition of a review.
func (s *Server) orderHolds(userID, orderNumber, productID string) bool {
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	o := c.orders[orderNumber]
	if o == nil || o.userID != userID || o.status == orderCancelled {
		return false
	}
	for _, l := range o.lines {
		if l.k.p.id == productID {
			return true
		}
	}
	return false
}
