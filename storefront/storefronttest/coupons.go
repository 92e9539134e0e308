package storefronttest

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// The seeded coupons' codes.
const (
	CouponWelcome10  = "WELCOME10"  // 10% off, at most ₹500, from ₹500; once per customer
	CouponFlat100    = "FLAT100"    // ₹100 off from ₹999
	CouponTea15      = "TEA15"      // 15% off tea and coffee, not with promotions
	CouponFreeShip   = "FREESHIP"   // free delivery from ₹499
	CouponStaff25    = "STAFF25"    // 25% off for the staff customer group
	CouponDiwali2024 = "DIWALI2024" // expired on 15 November 2024
	CouponLaunch50   = "LAUNCH50"   // ₹50 off, three redemptions in all
)

// Coupon kinds: what a coupon takes off.
const (
	CouponPercent      = "percentage"    // a percentage of the eligible items
	CouponFixedAmount  = "fixed-amount"  // an amount off the eligible items
	CouponFreeShipping = "free-shipping" // the delivery charge
)

// coupon is a code a shopper applies to a cart.
type coupon struct {
	id, code, name, description string
	kind                        string // CouponPercent, CouponFixedAmount or CouponFreeShipping
	percent, amount, maxOff     decimal.Decimal
	minOrder                    decimal.Decimal
	categories                  []string // category IDs or slugs (descendants included); empty: every item
	group                       string   // a customer group; empty: every shopper
	withPromotions              bool     // may apply to items a promotion discounts
	starts, expires             time.Time
	totalLimit, perCustomer     int // 0: no limit
	total                       int // redemptions, by placed orders
	uses                        map[string]int
}

func (cp *coupon) activeAt(now time.Time) bool {
	return !now.Before(cp.starts) && (cp.expires.IsZero() || now.Before(cp.expires))
}

// CouponInput describes a coupon for AddCoupon.
type CouponInput struct {
	Code        string // required; codes are case-insensitive and unique
	Name        string // default: the code
	Description string
	Kind        string          // CouponPercent (default), CouponFixedAmount or CouponFreeShipping
	Percent     decimal.Decimal // CouponPercent: from 0 (excluded) to 100
	Amount      decimal.Decimal // CouponFixedAmount: positive
	MaxDiscount decimal.Decimal // CouponPercent: the most it takes off; zero: no limit
	MinOrder    decimal.Decimal // the items' total, after promotions, the cart must reach
	Categories  []string        // IDs or slugs; the coupon applies to their items only
	Group       string          // a customer group ID; the coupon is theirs only
	// WithPromotions lets the coupon apply to items a promotion discounts.
	WithPromotions bool
	Starts         time.Time // default: the server's time
	Expires        time.Time // zero: never
	TotalLimit     int       // redemptions in all; 0: no limit
	PerCustomer    int       // redemptions by one customer; 0: no limit
}

// AddCoupon adds a coupon to the store and returns its ID. A coupon is
// redeemed when an order is placed with it; TotalLimit and PerCustomer
// count those orders.
func (s *Server) AddCoupon(in CouponInput) (string, error) {
	code := strings.ToUpper(strings.TrimSpace(in.Code))
	if code == "" {
		return "", errors.New("storefronttest: AddCoupon: the code is required")
	}
	cp := &coupon{code: code, name: in.Name, description: in.Description, kind: in.Kind, percent: in.Percent,
		amount: in.Amount, maxOff: in.MaxDiscount, minOrder: in.MinOrder, group: in.Group, withPromotions: in.WithPromotions,
		starts: timestamp(in.Starts), expires: in.Expires, totalLimit: in.TotalLimit, perCustomer: in.PerCustomer, uses: map[string]int{}}
	if cp.name == "" {
		cp.name = code
	}
	if cp.kind == "" {
		cp.kind = CouponPercent
	}
	if in.Starts.IsZero() {
		cp.starts = timestamp(s.Now())
	}
	switch {
	case cp.kind == CouponPercent && (cp.percent.Sign() <= 0 || cp.percent.GreaterThan(hundred)):
		return "", errors.New("storefronttest: AddCoupon: the percentage must be above 0 and at most 100")
	case cp.kind == CouponFixedAmount && cp.amount.Sign() <= 0:
		return "", errors.New("storefronttest: AddCoupon: the amount must be positive")
	case cp.kind != CouponPercent && cp.kind != CouponFixedAmount && cp.kind != CouponFreeShipping:
		return "", fmt.Errorf("storefronttest: AddCoupon: unknown kind %q", cp.kind)
	case in.TotalLimit < 0 || in.PerCustomer < 0 || cp.minOrder.Sign() < 0 || cp.maxOff.Sign() < 0:
		return "", errors.New("storefronttest: AddCoupon: limits and amounts must not be negative")
	}
	sh := s.shop()
	sh.mu.RLock()
	for _, ref := range in.Categories {
		cat := sh.categoryByRef(ref)
		if cat == nil {
			sh.mu.RUnlock()
			return "", fmt.Errorf("storefronttest: AddCoupon: no category %q", ref)
		}
		cp.categories = append(cp.categories, cat.id)
	}
	knownGroup := in.Group == ""
	for _, g := range sh.groups {
		knownGroup = knownGroup || g.id == in.Group
	}
	sh.mu.RUnlock()
	if !knownGroup {
		return "", fmt.Errorf("storefronttest: AddCoupon: no customer group %q", in.Group)
	}
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.couponCodes[code] != nil {
		return "", fmt.Errorf("storefronttest: AddCoupon: the code %s is taken", code)
	}
	cp.id = newULID(s.Now())
	c.addCoupon(cp)
	return cp.id, nil
}

func (c *commerce) addCoupon(cp *coupon) {
	c.coupons = append(c.coupons, cp)
	c.couponCodes[cp.code] = cp
}

// seedCoupons adds the seeded coupons (Coupon… constants).
func seedCoupons(c *commerce) {
	start := date(2024, 1, 1)
	for i, cp := range []*coupon{
		{code: CouponWelcome10, name: "Welcome offer", description: "10% off your first order, up to ₹500.", kind: CouponPercent,
			percent: inr(10), maxOff: inr(500), minOrder: inr(500), perCustomer: 1, withPromotions: true},
		{code: CouponFlat100, name: "Flat ₹100 off", description: "₹100 off orders of ₹999 or more.", kind: CouponFixedAmount,
			amount: inr(100), minOrder: inr(999), withPromotions: true},
		{code: CouponTea15, name: "Tea time", description: "15% off tea and coffee without another offer.", kind: CouponPercent,
			percent: inr(15), categories: []string{"tea-coffee"}},
		{code: CouponFreeShip, name: "Free delivery", description: "Free delivery on orders of ₹499 or more.", kind: CouponFreeShipping,
			minOrder: inr(499), withPromotions: true},
		{code: CouponStaff25, name: "Staff discount", description: "25% off for Nilgiri Goods staff.", kind: CouponPercent,
			percent: inr(25), group: SeededGroupStaff, withPromotions: true},
		{code: CouponDiwali2024, name: "Diwali 2024", description: "20% off for Diwali.", kind: CouponPercent,
			percent: inr(20), maxOff: inr(1000), withPromotions: true, expires: date(2024, 11, 15)},
		{code: CouponLaunch50, name: "Launch offer", description: "₹50 off, for the first three orders.", kind: CouponFixedAmount,
			amount: inr(50), totalLimit: 3, withPromotions: true},
	} {
		cp.id = fixedULID(start, uint64(900+i))
		cp.starts, cp.uses = start, map[string]int{}
		c.addCoupon(cp)
	}
}

// couponOpen reports why a coupon cannot be used by a shopper of group
// now, given their redemptions and everyone's; "" when it can.
func (cp *coupon) couponOpen(group string, now time.Time, mine, all int) string {
	switch {
	case !cp.activeAt(now) && now.Before(cp.starts):
		return "the coupon has not started yet"
	case !cp.activeAt(now):
		return "the coupon has expired"
	case cp.group != "" && cp.group != group:
		return "the coupon is not offered to your customer group"
	case cp.totalLimit > 0 && all >= cp.totalLimit:
		return "the coupon has been used up"
	case cp.perCustomer > 0 && mine >= cp.perCustomer:
		return "you have used this coupon already"
	}
	return ""
}

// eligible reports whether a line is one the coupon applies to. Call it
// with sh.mu held.
func (cp *coupon) eligible(pl *pricedLine) bool {
	if !cp.withPromotions && pl.promo.Sign() > 0 {
		return false
	}
	if len(cp.categories) == 0 {
		return true
	}
	for _, pc := range pl.k.p.categories {
		for a := pc; a != nil; a = a.parent {
			for _, ref := range cp.categories {
				if a.id == ref || a.slug == ref {
					return true
				}
			}
		}
	}
	return false
}

// applyTo applies the coupon to a priced cart's lines, or says why it
// cannot. Call it with sh.mu held.
func (cp *coupon) applyTo(pr *cartPrice, in priceInput) string {
	mine, all := in.usedCoupons(cp)
	if why := cp.couponOpen(in.group, in.now, mine, all); why != "" {
		return why
	}
	if total := pr.itemsAfterPromotions(); total.LessThan(cp.minOrder) {
		return fmt.Sprintf("add items worth ₹%s more to use this coupon", cp.minOrder.Sub(total).StringFixed(2))
	}
	if cp.kind == CouponFreeShipping {
		if !pr.anyPhysical() {
			return "nothing in the cart is delivered"
		}
		return ""
	}
	var idx []int
	var bases []decimal.Decimal
	for i := range pr.lines {
		if pl := &pr.lines[i]; cp.eligible(pl) {
			idx, bases = append(idx, i), append(bases, pl.gross.Sub(pl.promo))
		}
	}
	eligible := decimal.Sum(bases...)
	if len(idx) == 0 || eligible.Sign() <= 0 {
		return "no item of the cart is eligible for this coupon"
	}
	off := cp.discountOn(eligible)
	for j, share := range shareDiscount(off, bases) {
		pr.lines[idx[j]].coupon = share
	}
	return ""
}

// discountOn is what the coupon takes off an eligible amount.
func (cp *coupon) discountOn(eligible decimal.Decimal) decimal.Decimal {
	switch cp.kind {
	case CouponPercent:
		off := percentOf(eligible, cp.percent)
		if cp.maxOff.Sign() > 0 {
			off = decimal.Min(off, cp.maxOff)
		}
		return off
	case CouponFixedAmount:
		return decimal.Min(cp.amount, eligible)
	}
	return decimal.Decimal{}
}

func (pr *cartPrice) anyPhysical() bool {
	for _, pl := range pr.lines {
		if pl.physical {
			return true
		}
	}
	return false
}

// couponType is the coupon_type the API gives a coupon.
func (cp *coupon) couponType() string {
	if cp.kind == CouponFreeShipping {
		return "free-shipping"
	}
	return "discount"
}

// view renders the coupon as the API's Coupon.
func (cp *coupon) view() gen.Coupon {
	common := cp.commonDetail()
	out := gen.Coupon{CouponType: gen.CouponCouponType(cp.couponType()), CouponCode: []string{cp.code}, CanBeUsedWithPromotion: cp.withPromotions}
	var err error
	if cp.kind == CouponFreeShipping {
		err = out.FromFreeShipingCouponPromotion(gen.FreeShipingCouponPromotion(common))
	} else {
		err = out.FromDiscountCouponPromotion(cp.discountDetail(common))
	}
	if err != nil {
		panic("storefronttest: coupon " + cp.code + ": " + err.Error())
	}
	return out
}

func (cp *coupon) commonDetail() gen.CouponPromotionCommonDetail {
	minOrder := cp.minOrder
	d := gen.CouponPromotionCommonDetail{ID: cp.id, Name: cp.name, Description: optional(cp.description),
		MinimumOrderTotal: &minOrder, RedemptionCount: decimal.NewFromInt(int64(cp.total)), StartsAt: cp.starts}
	if !cp.expires.IsZero() {
		exp := cp.expires
		d.ExpiresAt = &exp
	}
	if cp.totalLimit > 0 || cp.perCustomer > 0 {
		limits := &struct {
			PerCouponCodeRedemptions *decimal.Decimal `json:"per_coupon_code_redemptions"`
			PerCustomerRedemptions   *decimal.Decimal `json:"per_customer_redemptions"`
			TotalRedemptions         *decimal.Decimal `json:"total_redemptions"`
		}{}
		if cp.totalLimit > 0 {
			t := decimal.NewFromInt(int64(cp.totalLimit))
			limits.TotalRedemptions, limits.PerCouponCodeRedemptions = &t, &t
		}
		if cp.perCustomer > 0 {
			p := decimal.NewFromInt(int64(cp.perCustomer))
			limits.PerCustomerRedemptions = &p
		}
		d.RedemptionLimits = limits
	}
	if cp.group != "" {
		d.Tags = &[]string{"customer-group:" + cp.group}
	}
	return d
}

// discountDetail is the coupon as a DiscountCouponPromotion.
func (cp *coupon) discountDetail(common gen.CouponPromotionCommonDetail) gen.DiscountCouponPromotion {
	applies := gen.DiscountCouponPromotionAppliesToProduct("all")
	categories := append([]string{}, cp.categories...)
	if len(categories) > 0 {
		applies = "category"
	}
	rule := map[string]any{"products": []any{}, "category_id": categories}
	if cp.kind == CouponPercent {
		rule["discount_type"], rule["discount_percent"] = "percentage", cp.percent
		rule["maximum_discount_amount"] = nil
		if cp.maxOff.Sign() > 0 {
			rule["maximum_discount_amount"] = cp.maxOff
		}
	} else {
		rule["discount_type"], rule["fixed_discount_amount"] = "fixed-amount", cp.amount
	}
	return gen.DiscountCouponPromotion{
		ID: common.ID, Name: common.Name, Description: common.Description, Tags: common.Tags, RedemptionLimits: common.RedemptionLimits,
		RedemptionCount: common.RedemptionCount, MinimumOrderTotal: common.MinimumOrderTotal, StartsAt: common.StartsAt,
		ExpiresAt: common.ExpiresAt, Details: convert[gen.DiscountRule](rule), AppliesToProduct: applies,
	}
}
