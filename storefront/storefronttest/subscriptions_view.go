package storefronttest

import (
	"encoding/json"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// subscriptionTier is an item of gen.Subscription's usage_based_tiers.
type subscriptionTier = struct {
	PricePerUnit decimal.Decimal `json:"price_per_unit"`
	UpTo         decimal.Decimal `json:"up_to"`
}

func day(t time.Time) gen.CalendarDate { return gen.CalendarDate{Time: t} }

func dayRef(t time.Time) *gen.CalendarDate {
	if t.IsZero() {
		return nil
	}
	d := day(t)
	return &d
}

func countRef(n int) *decimal.Decimal {
	if n == 0 {
		return nil
	}
	d := decimal.NewFromInt(int64(n))
	return &d
}

// summary renders the subscription as list-subscriptions shows it.
func (r *subscriptionRecord) summary(now time.Time, cur gen.Currency) gen.Subscription {
	st := r.stateAt(now)
	tiers := make([]subscriptionTier, 0, len(r.tiers))
	for _, t := range r.tiers {
		tiers = append(tiers, subscriptionTier{UpTo: t.upTo, PricePerUnit: t.pricePerUnit})
	}
	meta := map[string]string{"plan_type": r.planType}
	if !st.nextDelivery.IsZero() {
		meta["next_delivery_date"] = st.nextDelivery.Format(time.DateOnly)
	}
	if r.reason != "" {
		meta["revoke_reason"] = r.reason
	}
	out := gen.Subscription{
		ID: r.id, PlanID: r.planID, PlanName: r.planName, Price: r.price, Status: gen.SubscriptionStatus(st.status),
		StartDate: day(r.start), EndDate: dayRef(r.end), TrialDays: decimal.NewFromInt(int64(r.trialDays)),
		NextBillingDate:  day(st.nextBilling),
		BillingFrequency: gen.SubscriptionBillingFrequency(r.billing.unit), BillingInterval: decimal.NewFromInt(int64(r.billing.every)),
		BillingLimit:      countRef(r.billing.limit),
		ShippingFrequency: gen.SubscriptionShippingFrequency(r.shipping.unit), ShippingInterval: decimal.NewFromInt(int64(r.shipping.every)),
		ShippingLimit: countRef(r.shipping.limit),
		IsPrepaid:     r.prepaid, UsageBasedBilling: r.usageBased, UsageBasedTiers: tiers,
		GracePeriodDays:       decimal.NewFromInt(int64(r.graceDays)),
		IsCancellationAllowed: r.cancelAllowed, DaysUntilCancellationAllowed: decimal.NewFromInt(int64(r.cancelAfterDays)),
		Currency: cur, Metadata: meta, CreatedAt: r.createdAt, ModifiedAt: r.modifiedAt,
	}
	if r.trialDays > 0 {
		out.TrialStartDate, out.TrialEndDate = dayRef(r.start), dayRef(r.start.AddDate(0, 0, r.trialDays))
	}
	if !st.lastPayment.IsZero() {
		out.LastPaymentDate = timeRef(st.lastPayment)
	}
	if st.pause != nil {
		out.PauseStartDate, out.PauseEndDate = dayRef(st.pause.from), dayRef(st.pause.to)
	}
	return out
}

// detail renders the subscription with its items and addresses.
func (r *subscriptionRecord) detail(now time.Time, cur gen.Currency) gen.SubscriptionDetail {
	var out gen.SubscriptionDetail
	// SubscriptionDetail is Subscription and more, with types of its own.
	data, err := json.Marshal(r.summary(now, cur))
	if err == nil {
		err = json.Unmarshal(data, &out)
	}
	if err != nil {
		panic("storefronttest: a subscription does not render: " + err.Error())
	}
	items := make([]gen.SubscriptionInvoiceItem, 0, len(r.items))
	for _, it := range r.items {
		excl, err := it.selling.Mul(hundred).Div(hundred.Add(it.taxRate), 2, decimal.HalfUp)
		if err != nil {
			excl = it.selling
		}
		items = append(items, gen.SubscriptionInvoiceItem{ProductID: it.productID, VariantID: optional(it.variantID),
			ProductName: it.name, VariantName: it.variantName, ProductImageURL: it.image, Sku: it.sku,
			Quantity: decimal.NewFromInt(int64(it.quantity)), ListingPrice: it.listing, SellingPrice: it.selling,
			TaxType: taxTypeGST, TaxRate: it.taxRate, PriceIncludingTax: true, SellingPriceExcludingTax: excl})
	}
	out.InvoiceItems = &items
	out.BillingAddress, out.ShippingAddress = r.billingAddress, r.shippingAddress
	return out
}
