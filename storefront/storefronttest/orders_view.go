package storefronttest

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// orderFields renders what Order, OrderDetail and OrderList share, as a
// JSON object; now decides refunds' statuses.
func (o *order) fields(now time.Time) map[string]any {
	currency := map[string]any{"name": inrCurrency.Name, "code": inrCurrency.Code, "symbol": inrCurrency.Symbol}
	items := make([]gen.OrderItem, 0, len(o.lines))
	count := 0
	for _, l := range o.lines {
		items = append(items, l.item)
		count += l.qty
	}
	m := map[string]any{
		"order_number": o.number, "order_date": o.created, "status": o.status, "payment_status": o.paymentStatus(),
		"customer_note": nil, "on_subscription": false, "grand_total": o.grandTotal, "credit_balance_used": o.credit,
		"to_be_paid": o.toBePaid, "order_items_count": count, "order_items": items, "currency": currency,
		"metadata": nil,
	}
	if o.metadata != nil {
		m["metadata"] = maps.Clone(o.metadata)
	}
	if !o.paidAt.IsZero() {
		m["payment_success_date"] = o.paidAt
	}
	return m
}

// listView renders an order for list-orders.
func (o *order) listView(now time.Time) gen.OrderList {
	m := o.fields(now)
	m["has_refund"] = len(o.refunds) > 0
	m["loyalty_point_redeemed"], m["loyalty_point_earned"] = o.points, o.pointsEarned
	m["created_at"], m["modified_at"] = o.created, o.modified
	return convert[gen.OrderList](m)
}

// detailFields adds the amounts of an order's detail.
func (o *order) detailFields(now time.Time) map[string]any {
	m := o.fields(now)
	if ps, ok := m["payment_success_date"].(time.Time); ok {
		m["payment_success_date"] = ps.Format(time.RFC3339)
	}
	shippingExcl := o.shippingIncl.Sub(o.shippingTax)
	for k, v := range map[string]any{
		"is_promotion_applied": o.promo.Sign() > 0 || o.shippingPromo, "promotion_discount_amount": o.promo,
		"is_coupon_applied": o.couponCode != "", "coupon_code": nil, "coupon_discount_amount": o.couponAmt,
		"coupon_discount_percent": o.couponPercent, "applied_promotions": o.appliedPromotions, "applied_coupons": o.appliedCoupons,
		"promotion_savings": o.promo.Add(o.shippingDiscount.Mul(boolDec(o.shippingPromo))),
		"coupon_savings":    o.couponAmt.Add(o.shippingDiscount.Mul(boolDec(o.shippingCoupon))),
		"other_savings":     o.pointsValue.Add(o.credit),
		"subtotal":          o.subtotal, "item_total_tax": o.itemsTax, "subtotal_including_tax": o.subtotalIncl,
		"shipping_estimated_cost": o.shippingEstimate, "shipping_discount_amount": o.shippingDiscount,
		"shipping_amount": shippingExcl, "shipping_tax_rate": shippingTaxes, "shipping_tax_amount": o.shippingTax,
		"shipping_amount_including_tax": o.shippingIncl, "estimated_delivery_days": nil,
		"handling_charge_excluding_tax": o.handlingIncl.Sub(o.handlingTax), "handling_charge_tax_amount": o.handlingTax,
		"handling_charge_including_tax": o.handlingIncl, "total_tax": o.totalTax,
		"loyalty_points_earned": o.pointsEarned, "loyalty_points_redeemed": o.points,
		"billing_address": o.billing, "shipping_address": o.shipping, "is_cancellation_allowed": o.cancellable(),
		"feedback": nil,
	} {
		m[k] = v
	}
	m["total_savings"] = m["promotion_savings"].(decimal.Decimal).Add(m["coupon_savings"].(decimal.Decimal)).Add(o.pointsValue).Add(o.credit)
	if o.couponCode != "" {
		m["coupon_code"] = o.couponCode
	}
	if o.deliveryDays > 0 {
		m["estimated_delivery_days"] = o.deliveryDays
	}
	if o.pref != nil {
		m["fulfillment_preference"] = o.pref
	}
	if o.feedback != "" {
		m["feedback"] = o.feedback
	}
	if o.status == orderCancelled {
		mode := o.refundMode
		if mode == "" {
			mode = "original-payment-mode"
		}
		m["cancellation_refund_details"] = map[string]any{"refundable_amount": o.cancelRefund, "loyalty_point": o.points,
			"cancellation_charges": 0, "cancellation_charges_reason": "No charges before shipping", "payment_mode": mode}
	}
	return m
}

// orderView is an order as create-order answers it.
func (o *order) orderView(now time.Time) gen.Order { return convert[gen.Order](o.detailFields(now)) }

// detailView is an order as get-order-detail answers it: with its
// payments and shipments.
func (o *order) detailView(now time.Time) gen.OrderDetail {
	m := o.detailFields(now)
	m["payments"], m["shipments"] = o.paymentViews(), o.shipmentViews(now)
	return convert[gen.OrderDetail](m)
}

// paymentViews lists an order's payments, oldest first.
func (o *order) paymentViews() []gen.OrderPayment {
	out := make([]gen.OrderPayment, 0, len(o.payments))
	for _, t := range o.payments {
		m := map[string]any{"transaction_type": "payment", "request_number": t.request, "amount": t.amount, "payment_status": t.status,
			"payment_date": t.created, "payment_reference_number": nil, "payment_method": t.kind, "icon_url": nil}
		if t.reference != "" {
			m["payment_reference_number"] = t.reference
		}
		switch t.kind {
		case "CARD":
			if t.cardBrand != "" { // a card taken on a POS device names no brand
				m["card_type"] = t.cardBrand
			}
			if t.cardLast4 != "" {
				m["card_number"] = "XXXX XXXX XXXX " + t.cardLast4
			}
		case "UPI":
			if t.vpa != "" {
				m["upi_id"] = maskVPA(t.vpa)
			}
		case "NB":
			m["bank_name"] = t.bank
		case "BANK_TRANSFER":
			m["bank_name"] = "ICICI Bank"
		}
		out = append(out, convert[gen.OrderPayment](m))
	}
	return out
}

// maskVPA hides a UPI address but its first letter and handle.
func maskVPA(vpa string) string {
	name, handle, _ := strings.Cut(vpa, "@")
	if name == "" {
		return "***@" + handle
	}
	return name[:1] + "***@" + handle
}

// refundViews lists an order's refunds, oldest first.
func (o *order) refundViews(now time.Time) []gen.OrderRefund {
	out := make([]gen.OrderRefund, 0, len(o.refunds))
	for _, r := range o.refunds {
		out = append(out, r.view(now))
	}
	return out
}

func (r *orderRefund) view(now time.Time) gen.OrderRefund {
	m := map[string]any{"request_number": r.number, "refund_amount": r.amount, "refund_date": r.created, "status": r.statusAt(now),
		"payment_mode": r.mode, "payment_method": r.method, "payment_reference_number": r.reference, "refund_remarks": r.remarks}
	if r.bankAccount != "" {
		m["bank_account_number"] = "XXXXXX" + lastN(r.bankAccount, 4)
	}
	return convert[gen.OrderRefund](m)
}

func lastN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// shipmentViews lists an order's shipments.
func (o *order) shipmentViews(now time.Time) []gen.OrderShipment {
	out := make([]gen.OrderShipment, 0, len(o.shipments))
	for _, os := range o.shipments {
		items := []gen.ShipmentItem{}
		idx := slices.Sorted(maps.Keys(os.lines))
		for _, i := range idx {
			l := o.lines[i]
			items = append(items, shipmentItem(l.k, os.lines[i], min(l.free, os.lines[i])))
		}
		tax := taxIn(os.amount, shippingTaxes)
		m := map[string]any{"reference_number": os.number, "status": os.status, "total_boxes": 1,
			"shipment_items_count": len(items), "shipment_items": items, "shipping_amount": os.amount.Sub(tax),
			"shipping_tax_amount": tax, "shipping_amount_including_tax": os.amount, "is_return_allowed": false,
			"created_at": os.created, "modified_at": os.modified, "seller_id": nil}
		weight := decimal.Decimal{}
		for _, n := range os.lines {
			weight = weight.Add(decimal.New(int64(n)*5, -1)) // half a kilogram a unit
		}
		m["total_weight"] = weight
		if os.courier != nil {
			m["courier_company_name"] = os.courier.name
			m["eta_delivery"] = os.created.Add(time.Duration(os.courier.days) * 24 * time.Hour).Format(time.DateOnly)
		} else {
			m["courier_company_name"] = "Collect at " + os.pickup
		}
		if os.awb != "" {
			m["awb_no"] = os.awb
			m["shipping_label_url"] = "https://cdn.storefronttest.invalid/labels/" + os.awb + ".pdf"
		}
		if os.tracking != "" {
			m["tracking_url"] = os.tracking
		}
		if !os.shipped.IsZero() {
			m["shipped_date"] = os.shipped
		}
		if !os.arrived.IsZero() {
			m["delivered_date"] = os.arrived
			m["is_return_allowed"] = now.Before(os.arrived.Add(ReturnWindow))
		}
		if os.cancelReason != "" {
			m["cancellation_reason"] = os.cancelReason
		}
		out = append(out, convert[gen.OrderShipment](m))
	}
	return out
}

// returnFields renders what OrderReturn and OrderReturnDetail share.
func (r *orderReturn) fields() map[string]any {
	items := make([]map[string]any, 0, len(r.items))
	for _, it := range r.items {
		l := r.order.lines[it.line]
		m := map[string]any{"shipment_number": it.shipment, "product_id": l.k.p.id, "product_name": l.name,
			"product_image_url": l.image, "variant_id": nil, "quantity": it.qty, "return_reason": it.reason}
		if l.k.v != nil {
			m["variant_id"], m["variant_name"] = l.k.v.id, l.variantName
		}
		items = append(items, m)
	}
	m := map[string]any{"request_number": r.number, "status": r.status, "created_at": r.created, "modified_at": r.modified, "items": items}
	if !r.received.IsZero() {
		m["received_at"], m["approved_at"] = r.received, r.received
	}
	return m
}

func (r *orderReturn) view() gen.OrderReturn { return convert[gen.OrderReturn](r.fields()) }

// detailView is a return with its order, its refund or replacement, and
// the URLs of its attachments.
func (r *orderReturn) detailView(now time.Time) gen.OrderReturnDetail {
	m := r.fields()
	m["return_order"] = map[string]any{"order_number": r.order.number, "order_date": r.order.created, "order_status": r.order.status}
	m["replacement_order"], m["refund"] = nil, nil
	if r.replacement != nil {
		m["replacement_order"] = map[string]any{"order_number": r.replacement.number, "order_date": r.replacement.created, "order_status": r.replacement.status}
	}
	if r.refund != nil {
		m["refund"] = []gen.OrderRefund{r.refund.view(now)}
	}
	m["attachments"] = map[string]any{"images": append([]string{}, r.images...), "videos": append([]string{}, r.videos...)}
	return convert[gen.OrderReturnDetail](m)
}

// orderQuery is what list-orders asks for.
type orderQuery struct {
	page, limit *int
	sortBy      *string
	status      *[]string
	userID      string
}

var orderSortFields = []string{"order_date", "created_at", "grand_total", "order_number"}

var orderStatuses = []string{"draft", "awaiting_approval", "confirmed", "partially_scheduled", "awaiting_shipment", "shipped", "partially_shipped",
	"undelivered", "partially_undelivered", "return_to_origin", "partially_return_to_origin", "complete", "partially_delivered", "cancelled"}

// listOrdersLocked answers list-orders: the caller's orders (user_id must
// be theirs: 400 otherwise), newest first unless sort_by says otherwise,
// in the statuses asked for (an unknown status is a 400), a page at a
// time. Call it with c.mu held.
func (s *Server) listOrdersLocked(caller *TokenClaims, q orderQuery, now time.Time) ([]gen.OrderList, gen.Pagination, *apiError) {
	var pg gen.Pagination
	if q.userID != caller.UserID {
		return nil, pg, fieldError(CodeBadRequest, "user_id", "is not the caller's user ID")
	}
	pr, e := pageOf(q.page, q.limit)
	if e != nil {
		return nil, pg, e
	}
	keys, e := parseSortBy(q.sortBy, orderSortFields)
	if e != nil {
		return nil, pg, e
	}
	want := map[string]bool{}
	if q.status != nil {
		for _, st := range *q.status {
			for _, v := range strings.Split(st, ",") {
				v = strings.TrimSpace(v)
				if !slices.Contains(orderStatuses, v) {
					return nil, pg, fieldError(CodeBadRequest, "status", "unknown order status "+v)
				}
				want[v] = true
			}
		}
	}
	var list []*order
	for _, o := range s.commerce().ordersOf[caller.UserID] {
		if len(want) == 0 || want[o.status] {
			list = append(list, o)
		}
	}
	sortItems(list, keys, func(a, b *order, field string) int {
		switch field {
		case "grand_total":
			return a.grandTotal.Cmp(b.grandTotal)
		case "order_number":
			return cmp.Compare(a.number, b.number)
		}
		return a.created.Compare(b.created)
	}, func(a, b *order) int {
		if c := b.created.Compare(a.created); c != 0 {
			return c
		}
		return cmp.Compare(b.number, a.number)
	})
	page, pg := paginate(list, pr)
	out := make([]gen.OrderList, 0, len(page))
	for _, o := range page {
		out = append(out, o.listView(now))
	}
	return out, pg, nil
}

// buyAgainLocked answers list-buy-it-again-items: the SKUs of the caller's
// orders (cancelled ones aside), each once, the most recently ordered
// first, at today's prices for their customer group, optionally one
// seller's (an unknown seller is a 400), a page at a time. Call it with
// c.mu held; it takes shop.mu.
func (s *Server) buyAgainLocked(caller *TokenClaims, page, limit *int, seller *string) ([]gen.BuyOrderItemAgain, gen.Pagination, *apiError) {
	var pg gen.Pagination
	pr, e := pageOf(page, limit)
	if e != nil {
		return nil, pg, e
	}
	group := s.groupOfLocked(caller.UserID)
	orders := s.commerce().ordersOf[caller.UserID]
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	if seller != nil && *seller != "" && sh.sellers[*seller] == nil {
		return nil, pg, fieldError(CodeBadRequest, "seller_id", "no seller "+*seller)
	}
	seen := map[string]bool{}
	var skus []sku
	for i := len(orders) - 1; i >= 0; i-- {
		if orders[i].status == orderCancelled {
			continue
		}
		for _, l := range orders[i].lines {
			key := lineKey(l.k.p.id, l.variantID())
			if seen[key] || (seller != nil && *seller != "" && l.k.p.sellerID != *seller) {
				continue
			}
			seen[key] = true
			skus = append(skus, l.k)
		}
	}
	list, pg := paginate(skus, pr)
	v := &view{sh: sh, group: group, now: s.Now()}
	out := make([]gen.BuyOrderItemAgain, 0, len(list))
	for _, k := range list {
		o := k.offer()
		it := gen.BuyOrderItemAgain{ProductID: k.p.id, ProductName: optional(k.p.name), ProductImageURL: optional(productImage(k)),
			SellingPrice: v.price(o), ListingPrice: decimal.Max(o.listing, v.price(o))}
		if k.v != nil {
			id, name := k.v.id, k.v.name
			it.VariantID, it.VariantName = &id, &name
		}
		if k.p.sellerID != "" {
			id, info := k.p.sellerID, v.sellerInfo(k.p.sellerID)
			it.SellerID, it.SellerDetail = &id, &info
		}
		out = append(out, it)
	}
	return out, pg, nil
}

// paymentStatusView answers get-payment-status: the order's payment
// status; amount_paid is what the gateway took plus the store credit
// used; amount_unpaid what is left; a failed payment of an order not
// cancelled may be retried.
func (o *order) paymentStatusView() gen.GetPaymentStatusContent {
	st := o.paymentStatus()
	return gen.GetPaymentStatusContent{Status: gen.GetPaymentStatusContentStatus(st), AmountPaid: o.paid().Add(o.credit),
		AmountUnpaid: o.unpaid(), IsRetryAvailable: st == payFailed && o.status != orderCancelled}
}
