package storefronttest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Subscriptions are a logged-in shopper's recurring orders of a product of
// the store's own catalog.
//
//   - A standard subscription follows one of the product's subscription
//     plans (plan_id, the catalog's ProductSubscription id): its billing
//     and delivery schedule, limits, trial days and price per unit; every
//     item is the plan's product (or its variants), at least the plan's
//     minimum quantity. A custom one takes its schedule from the request
//     and the products' selling prices.
//   - Items name a product by ID or slug and, for a product sold as
//     variants, a variant; quantities are whole numbers from 1 to 999. A
//     subscription with a physical product needs a delivery address: it
//     takes the customer's default shipping and billing addresses (400
//     naming shipping_address when there is none). Usage-based billing
//     is for digital products only. The fake has no coupons for
//     subscriptions: a coupon_code is a 400.
//   - start_date is today or later (default today), end_date after it.
//
// Status follows the server's clock: created before the start date, then
// active; paused during a pause; revoked once revoked, past its end date
// or after its last billing (billing_limit). Billing falls on the start
// date plus the trial days and every billing interval after, except the
// dates within a pause, which are skipped; a date on or before today is
// paid (last_payment_date), the next one after today is next_billing_date.
// Deliveries of physical products follow the shipping schedule from the
// start date, skipping pauses; the next one is in metadata as
// next_delivery_date.
//
// update-subscription takes one command, and each sets a state, so
// sending it twice changes nothing more:
//
//   - update: the billing schedule (and, for physical products, the
//     shipping schedule), behaviour and, when given, the items; not on a
//     revoked subscription. A field left out keeps its value, but the
//     validating middleware writes the spec's defaults (intervals of 1)
//     into the body first.
//   - pause: from pause_start_date (default today, not earlier) until
//     pause_end_date (required, later), only an active subscription or a
//     paused one, whose pause it changes: an end date on or before today
//     ends the pause today, which resumes the subscription; a pause ends
//     by itself on its end date.
//   - revoke: with a reason, from created, active or paused, when
//     is_cancellation_allowed; revoked is final.
//
// Anything else is a 400 invalid_transition. days_until_cancellation_allowed,
// grace_period_days and is_prepaid are recorded, not enforced.

// subscriptionStatus values.
const (
	subCreated = "created"
	subActive  = "active"
	subPaused  = "paused"
	subRevoked = "revoked"
)

// schedule is a recurrence: every n units (weekly, monthly, annually),
// limit times (0: no limit).
type schedule struct {
	every int
	unit  string
	limit int
}

// nth is the date of the k-th occurrence from start (the 0th is start).
func (sc schedule) nth(start time.Time, k int) time.Time {
	n := k * sc.every
	switch sc.unit {
	case "weekly":
		return start.AddDate(0, 0, 7*n)
	case "annually":
		return start.AddDate(n, 0, 0)
	}
	return start.AddDate(0, n, 0)
}

// subItem is an item of a subscription, with what the catalog said of it
// when it was added.
type subItem struct {
	productID, variantID string // variantID "" for a product without variants
	quantity             int
	name, variantName    string
	image, sku           string
	listing, selling     decimal.Decimal // per unit, tax included
	taxRate              decimal.Decimal
	digital              bool
}

// subTier is a tier of usage-based billing.
type subTier struct{ upTo, pricePerUnit decimal.Decimal }

// subscriptionRecord is one of a shopper's subscriptions.
type subscriptionRecord struct {
	id, planType, planID, planName string
	items                          []subItem
	price                          decimal.Decimal // per billing, tax included
	billing, shipping              schedule
	trialDays                      int
	start, end                     time.Time // dates (midnight UTC); end zero: none
	prepaid, usageBased            bool
	tiers                          []subTier
	graceDays, cancelAfterDays     int
	cancelAllowed                  bool
	pauses                         []span // dates; the end is the day it resumes
	revokedAt                      time.Time
	reason                         string
	billingAddress                 *gen.CustomerAddress
	shippingAddress                *gen.CustomerAddress
	createdAt, modifiedAt          time.Time
}

// physical reports whether the subscription delivers goods.
func (r *subscriptionRecord) physical() bool {
	return slices.ContainsFunc(r.items, func(it subItem) bool { return !it.digital })
}

func dateOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func (r *subscriptionRecord) pausedOn(day time.Time) bool {
	return slices.ContainsFunc(r.pauses, func(p span) bool { return p.holds(day) })
}

// subState is where a subscription stands on a day.
type subState struct {
	status       string
	nextBilling  time.Time
	lastPayment  time.Time // zero: none yet
	nextDelivery time.Time // zero: none
	pause        *span     // the current or next pause
}

// maxOccurrences bounds the dates a schedule is walked through.
const maxOccurrences = 10_000

// stateAt works out the subscription's status and dates at now.
func (r *subscriptionRecord) stateAt(now time.Time) subState {
	today := dateOf(now)
	stop := time.Time{} // the first day nothing is billed or delivered any more
	if !r.end.IsZero() {
		stop = r.end
	}
	if !r.revokedAt.IsZero() && (stop.IsZero() || dateOf(r.revokedAt).Before(stop)) {
		stop = dateOf(r.revokedAt).AddDate(0, 0, 1)
	}
	live := func(d time.Time) bool { return stop.IsZero() || d.Before(stop) }

	var st subState
	anchor := r.start.AddDate(0, 0, r.trialDays)
	billed := 0
	for k := 0; k < maxOccurrences; k++ {
		if r.billing.limit > 0 && billed >= r.billing.limit {
			break
		}
		d := r.billing.nth(anchor, k)
		if !live(d) {
			break
		}
		if r.pausedOn(d) {
			continue
		}
		billed++
		if d.After(today) {
			st.nextBilling = d
			break
		}
		st.lastPayment = d
	}
	// Nothing left to bill: the last billing (or the first, never made)
	// stands as the next.
	done := st.nextBilling.IsZero()
	if done {
		st.nextBilling = st.lastPayment
		if st.nextBilling.IsZero() {
			st.nextBilling = anchor
		}
	}
	if r.physical() {
		delivered := 0
		for k := 0; k < maxOccurrences; k++ {
			d := r.shipping.nth(r.start, k)
			if !live(d) || (r.shipping.limit > 0 && delivered >= r.shipping.limit) {
				break
			}
			if r.pausedOn(d) {
				continue
			}
			delivered++
			if d.After(today) {
				st.nextDelivery = d
				break
			}
		}
	}
	for i := range r.pauses {
		if p := r.pauses[i]; p.to.After(today) {
			st.pause = &p
			break
		}
	}
	switch {
	case !r.revokedAt.IsZero(), !r.end.IsZero() && !today.Before(r.end), done && !st.lastPayment.IsZero():
		st.status = subRevoked
	case today.Before(r.start):
		st.status = subCreated
	case r.pausedOn(today):
		st.status = subPaused
	default:
		st.status = subActive
	}
	if st.status == subRevoked {
		st.nextDelivery = time.Time{}
	}
	return st
}

// subscriptionBody is every field a create or update body may carry.
type subscriptionBody struct {
	Command           string                      `json:"command"`
	PlanType          string                      `json:"plan_type"`
	PlanID            string                      `json:"plan_id"`
	StartDate         *string                     `json:"start_date"`
	EndDate           *string                     `json:"end_date"`
	CouponCode        *string                     `json:"coupon_code"`
	BillingFrequency  *string                     `json:"billing_frequency"`
	BillingInterval   *decimal.Decimal            `json:"billing_interval"`
	BillingLimit      *decimal.Decimal            `json:"billing_limit"`
	ShippingFrequency *string                     `json:"shipping_frequency"`
	ShippingInterval  *decimal.Decimal            `json:"shipping_interval"`
	ShippingLimit     *decimal.Decimal            `json:"shipping_limit"`
	IsPrepaid         bool                        `json:"is_prepaid"`
	UsageBasedBilling bool                        `json:"usage_based_billing"`
	UsageBasedTiers   []subTierBody               `json:"usage_based_tiers"`
	GracePeriodDays   decimal.Decimal             `json:"grace_period_days"`
	CancelAllowed     bool                        `json:"is_cancellation_allowed"`
	CancelAfterDays   decimal.Decimal             `json:"days_until_cancellation_allowed"`
	InvoiceItems      []gen.SubscriptionItemInput `json:"invoice_items"`
	PauseStartDate    *time.Time                  `json:"pause_start_date"`
	PauseEndDate      *time.Time                  `json:"pause_end_date"`
	Reason            string                      `json:"reason"`
}

type subTierBody struct {
	UpTo         *decimal.Decimal `json:"up_to"`
	PricePerUnit *decimal.Decimal `json:"price_per_unit"`
}

// decodeSubscriptionBody reads a create or update body (the spec checked
// its shape).
func decodeSubscriptionBody(raw json.Marshaler) (subscriptionBody, *apiError) {
	var b subscriptionBody
	data, err := raw.MarshalJSON()
	if err == nil {
		err = json.Unmarshal(data, &b)
	}
	if err != nil {
		return b, badRequest(CodeBadRequest, "the subscription cannot be read")
	}
	return b, nil
}

// wholeNumber reads a count: a whole number from lo to hi.
func wholeNumber(field string, d decimal.Decimal, lo, hi int64) (int, *apiError) {
	n, ok := d.Int64()
	if !ok || !d.IsInteger() || n < lo || n > hi {
		return 0, fieldError(CodeBadRequest, field, fmt.Sprintf("must be a whole number from %d to %d", lo, hi))
	}
	return int(n), nil
}

// optionalLimit reads a nullable limit: nil is none.
func optionalLimit(field string, d *decimal.Decimal) (int, *apiError) {
	if d == nil {
		return 0, nil
	}
	return wholeNumber(field, *d, 1, 1000)
}

// frequency reads a frequency, or def when it is absent.
func frequency(field string, f *string, def string) (string, *apiError) {
	if f == nil {
		return def, nil
	}
	switch *f {
	case "weekly", "monthly", "annually":
		return *f, nil
	}
	return "", fieldError(CodeBadRequest, field, "must be weekly, monthly or annually")
}

// scheduleOf reads a schedule from its frequency, interval and limit.
func scheduleOf(prefix string, f *string, def string, every *decimal.Decimal, limit *decimal.Decimal) (schedule, *apiError) {
	var sc schedule
	var e *apiError
	if sc.unit, e = frequency(prefix+"_frequency", f, def); e != nil {
		return sc, e
	}
	n := decimal.NewFromInt(1)
	if every != nil {
		n = *every
	}
	if sc.every, e = wholeNumber(prefix+"_interval", n, 1, 52); e != nil {
		return sc, e
	}
	sc.limit, e = optionalLimit(prefix+"_limit", limit)
	return sc, e
}

// behaviour reads the subscription's behaviour into r.
func (b subscriptionBody) behaviour(r *subscriptionRecord) *apiError {
	grace, e := wholeNumber("grace_period_days", b.GracePeriodDays, 0, 90)
	if e != nil {
		return e
	}
	after, e := wholeNumber("days_until_cancellation_allowed", b.CancelAfterDays, 0, 365)
	if e != nil {
		return e
	}
	var tiers []subTier
	if b.UsageBasedBilling {
		if len(b.UsageBasedTiers) == 0 {
			return fieldError(CodeBadRequest, "usage_based_tiers", "usage-based billing needs its tiers")
		}
		var prev decimal.Decimal
		for _, t := range b.UsageBasedTiers {
			if t.UpTo == nil || t.PricePerUnit == nil || !t.UpTo.GreaterThan(prev) || t.PricePerUnit.Sign() < 0 {
				return fieldError(CodeBadRequest, "usage_based_tiers", "each tier needs up_to, higher than the last, and a price_per_unit of at least 0")
			}
			prev = *t.UpTo
			tiers = append(tiers, subTier{upTo: *t.UpTo, pricePerUnit: *t.PricePerUnit})
		}
	}
	r.prepaid, r.usageBased, r.tiers = b.IsPrepaid, b.UsageBasedBilling, tiers
	r.graceDays, r.cancelAfterDays, r.cancelAllowed = grace, after, b.CancelAllowed
	return nil
}

// parseDay reads a date of the request.
func parseDay(field string, s *string) (time.Time, *apiError) {
	if s == nil {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, *s)
	if err != nil {
		return time.Time{}, fieldError(CodeBadRequest, field, "must be a date such as 2025-01-31")
	}
	return d, nil
}

// itemsOf checks a subscription's items against the store's catalog. With
// a plan (standard subscriptions), every item must be the plan's product;
// it returns the plan when there is one.
func (s *Server) itemsOf(in []gen.SubscriptionItemInput, planID string) ([]subItem, *subscription, *apiError) {
	if len(in) == 0 {
		return nil, nil, fieldError(CodeBadRequest, "invoice_items", "name at least one item")
	}
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	v := &view{sh: sh, now: s.Now()}
	var plan *subscription
	var planProduct *product
	out := make([]subItem, 0, len(in))
	for _, it := range in {
		p, e := sh.productByRef(it.ProductID, false)
		if e != nil {
			return nil, nil, fieldError(CodeBadRequest, "invoice_items", "no product "+it.ProductID+" in the store's catalog")
		}
		qty, e := wholeNumber("invoice_items", it.Quantity, 1, 999)
		if e != nil {
			return nil, nil, e
		}
		if planID != "" {
			if planProduct == nil {
				i := slices.IndexFunc(p.subscriptions, func(sub subscription) bool { return sub.id == planID })
				if i < 0 {
					return nil, nil, fieldError(CodeBadRequest, "plan_id", "is not a subscription plan of "+p.name)
				}
				plan, planProduct = &p.subscriptions[i], p
			} else if p != planProduct {
				return nil, nil, fieldError(CodeBadRequest, "invoice_items", "every item of a plan's subscription is the plan's product")
			}
			if qty < plan.minimumQuantity {
				return nil, nil, fieldError(CodeBadRequest, "invoice_items", fmt.Sprintf("the plan's minimum quantity is %d", plan.minimumQuantity))
			}
		}
		item := subItem{productID: p.id, quantity: qty, name: p.name, image: deref(firstProductImage(p)), digital: p.kind == TypeDigital, taxRate: p.taxRate}
		o := &p.offer
		switch {
		case len(p.variants) > 0:
			ref := deref(it.VariantID)
			i := slices.IndexFunc(p.variants, func(vr *variant) bool { return ref != "" && (vr.id == ref || strings.EqualFold(vr.slug, ref)) })
			if i < 0 {
				return nil, nil, fieldError(CodeBadRequest, "invoice_items", p.name+" is sold as variants: name one of them")
			}
			vr := p.variants[i]
			item.variantID, item.variantName, o = vr.id, vr.name, &vr.offer
		case deref(it.VariantID) != "":
			return nil, nil, fieldError(CodeBadRequest, "invoice_items", p.name+" has no variants")
		}
		item.sku, item.selling = o.sku, v.price(o)
		if plan != nil {
			item.selling = plan.price
		}
		item.listing = decimal.Max(o.listing, item.selling)
		out = append(out, item)
	}
	return out, plan, nil
}

// priceOf is what a subscription's items cost per billing.
func priceOf(items []subItem) decimal.Decimal {
	var total decimal.Decimal
	for _, it := range items {
		total = total.Add(it.selling.Mul(decimal.NewFromInt(int64(it.quantity))))
	}
	return total
}

// createSubscription subscribes the shopper.
func (s *Server) createSubscription(userID string, b subscriptionBody) (gen.SubscriptionDetail, *apiError) {
	if b.CouponCode != nil && *b.CouponCode != "" {
		return gen.SubscriptionDetail{}, fieldError(CodeBadRequest, "coupon_code", "no coupon applies to subscriptions")
	}
	now := timestamp(s.Now())
	today := dateOf(now)
	start, e := parseDay("start_date", b.StartDate)
	if e != nil {
		return gen.SubscriptionDetail{}, e
	}
	if start.IsZero() {
		start = today
	}
	if start.Before(today) {
		return gen.SubscriptionDetail{}, fieldError(CodeBadRequest, "start_date", "must be today or later")
	}
	end, e := parseDay("end_date", b.EndDate)
	if e != nil {
		return gen.SubscriptionDetail{}, e
	}
	if !end.IsZero() && !end.After(start) {
		return gen.SubscriptionDetail{}, fieldError(CodeBadRequest, "end_date", "must be after the start date")
	}
	r := &subscriptionRecord{planType: b.PlanType, start: start, end: end}
	planID := ""
	if b.PlanType == "standard" {
		planID = b.PlanID
	}
	items, plan, e := s.itemsOf(b.InvoiceItems, planID)
	if e != nil {
		return gen.SubscriptionDetail{}, e
	}
	r.items = items
	if plan != nil {
		r.planID, r.planName, r.trialDays = plan.id, plan.plan, plan.trialDays
		r.billing = schedule{every: plan.billingEvery, unit: plan.billingFrequency, limit: plan.billingLimit}
		orderUnit := plan.orderFrequency
		if orderUnit == "annully" {
			orderUnit = "annually"
		}
		r.shipping = schedule{every: plan.orderEvery, unit: orderUnit, limit: plan.orderLimit}
	} else {
		r.planType, r.planID, r.planName = "custom", "custom", "Custom schedule"
		if r.billing, e = scheduleOf("billing", b.BillingFrequency, "monthly", b.BillingInterval, b.BillingLimit); e != nil {
			return gen.SubscriptionDetail{}, e
		}
		if r.shipping, e = scheduleOf("shipping", b.ShippingFrequency, r.billing.unit, b.ShippingInterval, b.ShippingLimit); e != nil {
			return gen.SubscriptionDetail{}, e
		}
	}
	if e := b.behaviour(r); e != nil {
		return gen.SubscriptionDetail{}, e
	}
	if r.usageBased && r.physical() {
		return gen.SubscriptionDetail{}, fieldError(CodeBadRequest, "usage_based_billing", "usage-based billing is for digital products only")
	}
	r.price = priceOf(r.items)
	var out gen.SubscriptionDetail
	e = s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		r.billingAddress, r.shippingAddress = acc.defaultAddresses()
		if r.physical() && r.shippingAddress == nil {
			return fieldError(CodeBadRequest, "shipping_address", "save a default shipping address first: the subscription delivers goods")
		}
		r.id, r.createdAt, r.modifiedAt = newULID(now), now, now
		acc.subscriptions = append(acc.subscriptions, r)
		out = r.detail(now, s.currency())
		return nil
	})
	return out, e
}

func (acc *account) subscriptionByID(id string) *subscriptionRecord {
	i := slices.IndexFunc(acc.subscriptions, func(r *subscriptionRecord) bool { return r.id == id })
	if i < 0 {
		return nil
	}
	return acc.subscriptions[i]
}

var errSubscriptionNotFound = notFound("subscription not found")

// updateSubscription runs one command on one of the shopper's
// subscriptions.
func (s *Server) updateSubscription(userID, id string, b subscriptionBody) (gen.SubscriptionDetail, *apiError) {
	var items []subItem
	if b.Command == "update" && len(b.InvoiceItems) > 0 {
		// The plan is checked below, with the subscription in hand.
		var e *apiError
		if items, _, e = s.itemsOf(b.InvoiceItems, ""); e != nil {
			return gen.SubscriptionDetail{}, e
		}
	}
	cur := s.currency()
	var out gen.SubscriptionDetail
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		r := acc.subscriptionByID(id)
		if r == nil {
			return errSubscriptionNotFound
		}
		st := r.stateAt(now)
		if st.status == subRevoked {
			return badRequest(CodeInvalidTransition, "the subscription is revoked")
		}
		var e *apiError
		switch b.Command {
		case "update":
			e = r.update(b, items)
		case "pause":
			e = r.pause(b, st, now)
		case "revoke":
			if !r.cancelAllowed {
				return badRequest(CodeInvalidTransition, "this subscription cannot be cancelled")
			}
			if strings.TrimSpace(b.Reason) == "" {
				return fieldError(CodeBadRequest, "reason", "is required")
			}
			r.revokedAt, r.reason = now, strings.TrimSpace(b.Reason)
		default:
			e = fieldError(CodeBadRequest, "command", "must be update, pause or revoke")
		}
		if e != nil {
			return e
		}
		r.modifiedAt = now
		out = r.detail(now, cur)
		return nil
	})
	return out, e
}

// update applies an update command: schedule, behaviour and items.
func (r *subscriptionRecord) update(b subscriptionBody, items []subItem) *apiError {
	if items != nil {
		if r.planType == "standard" && slices.ContainsFunc(items, func(it subItem) bool { return it.productID != r.items[0].productID }) {
			return fieldError(CodeBadRequest, "invoice_items", "every item of a plan's subscription is the plan's product")
		}
		if r.planType == "standard" {
			for i := range items {
				items[i].selling, items[i].listing = r.items[0].selling, decimal.Max(items[i].listing, r.items[0].selling)
			}
		}
	}
	next := *r
	if items != nil {
		next.items = items
	}
	var e *apiError
	if next.billing, e = scheduleOf("billing", b.BillingFrequency, r.billing.unit, b.BillingInterval, b.BillingLimit); e != nil {
		return e
	}
	if b.BillingLimit == nil {
		next.billing.limit = r.billing.limit
	}
	if next.physical() {
		every := b.ShippingInterval
		if every == nil {
			n := decimal.NewFromInt(int64(r.shipping.every))
			every = &n
		}
		if next.shipping, e = scheduleOf("shipping", b.ShippingFrequency, r.shipping.unit, every, b.ShippingLimit); e != nil {
			return e
		}
		if b.ShippingLimit == nil {
			next.shipping.limit = r.shipping.limit
		}
	}
	if e := b.behaviour(&next); e != nil {
		return e
	}
	if next.usageBased && next.physical() {
		return fieldError(CodeBadRequest, "usage_based_billing", "usage-based billing is for digital products only")
	}
	next.price = priceOf(next.items)
	*r = next
	return nil
}

// pause applies a pause command.
func (r *subscriptionRecord) pause(b subscriptionBody, st subState, now time.Time) *apiError {
	today := dateOf(now)
	if st.status != subActive && st.status != subPaused {
		return badRequest(CodeInvalidTransition, "only an active or paused subscription can be paused; this one is "+st.status)
	}
	if b.PauseEndDate == nil {
		return fieldError(CodeBadRequest, "pause_end_date", "is required: a pause lasts until a date")
	}
	end := dateOf(*b.PauseEndDate)
	if st.status == subPaused {
		// Change the current pause's end; on or before today, it ends today.
		p := &r.pauses[slices.IndexFunc(r.pauses, func(p span) bool { return p.holds(today) })]
		p.to = end
		if !end.After(today) {
			p.to = today
		}
		return nil
	}
	start := today
	if b.PauseStartDate != nil {
		start = dateOf(*b.PauseStartDate)
	}
	if start.Before(today) {
		return fieldError(CodeBadRequest, "pause_start_date", "must be today or later")
	}
	if !end.After(start) {
		return fieldError(CodeBadRequest, "pause_end_date", "must be after the pause's start")
	}
	// A pause not yet begun is replaced by the new one.
	r.pauses = slices.DeleteFunc(r.pauses, func(p span) bool { return p.from.After(today) })
	r.pauses = append(r.pauses, span{from: start, to: end})
	return nil
}

// subscription returns one of the shopper's subscriptions.
func (s *Server) subscription(userID, id string) (gen.SubscriptionDetail, *apiError) {
	cur := s.currency()
	var out gen.SubscriptionDetail
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		r := acc.subscriptionByID(id)
		if r == nil {
			return errSubscriptionNotFound
		}
		out = r.detail(now, cur)
		return nil
	})
	return out, e
}

// subscriptionPage lists a page of the shopper's subscriptions, newest
// first.
func (s *Server) subscriptionPage(userID string, page, limit *int) ([]gen.Subscription, gen.Pagination, *apiError) {
	pr, e := pageOf(page, limit)
	if e != nil {
		return nil, gen.Pagination{}, e
	}
	cur := s.currency()
	var all []gen.Subscription
	e = s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		for i := len(acc.subscriptions) - 1; i >= 0; i-- {
			all = append(all, acc.subscriptions[i].summary(now, cur))
		}
		return nil
	})
	if e != nil {
		return nil, gen.Pagination{}, e
	}
	list, pg := paginate(all, pr)
	return list, pg, nil
}

// currency is the store's currency.
func (s *Server) currency() gen.Currency {
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return sh.config.currency
}
