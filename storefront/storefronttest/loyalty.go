package storefronttest

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Loyalty is read from the account's balance and ledger (accounts.go),
// which orders and cart redemptions write and SetLoyaltyPoints sets:
//
//   - points_earned adds up the points added, points_redeemed the points
//     removed except those that expired, points_balance is the balance;
//   - the tier follows the points earned in all (LoyaltyTiers); the date of
//     assignment is when the customer reached it, the date of joining when
//     the account was made; the programme never resets;
//   - total_orders and lifetime_orders count the orders that earned points
//     (order-placed entries, by order number); total_spent, lifetime_spent
//     and lifetime_savings add up the customer's paid orders (their grand
//     totals, and what promotions and coupons took off), less those
//     cancelled.
//
// list-loyalty-activities lists the ledger newest first, a page at a time
// (page and limit as every list; the answer carries no pagination object),
// sorted by created_at or loyalty_points with sort_by.

// LoyaltyTier is a tier of the store's loyalty programme: a customer is in
// the highest tier whose threshold their points earned reach.
type LoyaltyTier struct {
	Name      string
	MinPoints int64
}

// LoyaltyTiers are the fake store's tiers, lowest first.
var LoyaltyTiers = []LoyaltyTier{{"Silver", 0}, {"Gold", 1000}, {"Platinum", 5000}}

// tierOf is the tier of a customer who earned points in all.
func tierOf(earned decimal.Decimal) string {
	tier := LoyaltyTiers[0].Name
	for _, t := range LoyaltyTiers {
		if !earned.LessThan(decimal.NewFromInt(t.MinPoints)) {
			tier = t.Name
		}
	}
	return tier
}

// membershipNumber is the customer's loyalty card number: NG and ten
// digits derived from their customer ID.
func membershipNumber(customerID string) string {
	h := sha256.Sum256([]byte(customerID))
	return fmt.Sprintf("NG%010d", binary.BigEndian.Uint64(h[:8])%10_000_000_000)
}

// loyaltyDetails answers get-loyalty-details.
func (s *Server) loyaltyDetails(userID, customerID string) (gen.CustomerLoyalty, *apiError) {
	var out gen.CustomerLoyalty
	e := s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		var earned, redeemed decimal.Decimal
		orders := map[string]bool{}
		tier, assigned := LoyaltyTiers[0].Name, acc.joined
		for _, l := range acc.loyaltyLedger {
			switch {
			case l.add:
				earned = earned.Add(l.points)
			case l.activity != "points-expired":
				redeemed = redeemed.Add(l.points)
			}
			if l.activity == "order-placed" && l.reference != "" {
				orders[l.reference] = true
			}
			if t := tierOf(earned); t != tier {
				tier, assigned = t, l.at
			}
		}
		n := decimal.NewFromInt(int64(len(orders)))
		balance, spent, saved := acc.loyaltyPoints, acc.spent, acc.saved
		member := membershipNumber(customerID)
		out = gen.CustomerLoyalty{MembershipNumber: &member, DateOfJoin: timeRef(timestamp(acc.joined)),
			DateOfAssign: timeRef(timestamp(assigned)), CurrentTier: &tier, PointsEarned: &earned,
			PointsRedeemed: &redeemed, PointsBalance: &balance, TotalOrders: &n, LifetimeOrders: &n,
			TotalSpent: &spent, LifetimeSpent: &spent, LifetimeSavings: &saved}
		return nil
	})
	return out, e
}

var loyaltySortFields = []string{"created_at", "loyalty_points"}

// loyaltyActivities lists a page of the customer's loyalty ledger.
func (s *Server) loyaltyActivities(userID string, page, limit *int, sortBy *string) ([]gen.LoyaltyPointActivity, *apiError) {
	pr, e := pageOf(page, limit)
	if e != nil {
		return nil, e
	}
	keys, e := parseSortBy(sortBy, loyaltySortFields)
	if e != nil {
		return nil, e
	}
	type entry struct {
		loyaltyEntry
		seq int
	}
	var all []entry
	e = s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		for i, l := range acc.loyaltyLedger {
			all = append(all, entry{l, i})
		}
		return nil
	})
	if e != nil {
		return nil, e
	}
	sortItems(all, keys, func(a, b entry, field string) int {
		if field == "loyalty_points" {
			return a.points.Cmp(b.points)
		}
		return a.at.Compare(b.at)
	}, func(a, b entry) int { return cmp.Compare(b.seq, a.seq) })
	list, _ := paginate(all, pr)
	out := make([]gen.LoyaltyPointActivity, 0, len(list))
	for _, l := range list {
		action := gen.LoyaltyPointActivityAction("remove")
		if l.add {
			action = "add"
		}
		activity := gen.LoyaltyPointActivityActivity(l.activity)
		if !slices.Contains(loyaltyActivityKinds, l.activity) {
			activity = "other"
		}
		points, at, title := l.points, timestamp(l.at), l.title
		out = append(out, gen.LoyaltyPointActivity{Action: &action, Activity: &activity, ReferenceNumber: optional(l.reference),
			Title: &title, LoyaltyPoints: &points, CreatedAt: &at, ModifiedAt: &at})
	}
	return out, nil
}

// loyaltyActivityKinds are the activities the API names; the ledger's
// others show as "other".
var loyaltyActivityKinds = []string{"order-placed", "credit-note-issued", "tier-upgrade", "tier-downgrade",
	"points-expired", "points-carryforward", "signup", "bonus", "other"}
