package storefronttest

import (
	"fmt"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/decimal"
)

// The GSTIN check character of real, published GSTINs, and a PAN's kind
// of holder.
func TestTaxNumbers(t *testing.T) {
	for _, gstin := range []string{"27AAPFU0939F1ZV", "29AAGCB7383J1Z4"} {
		if got := gstinCheckChar(gstin[:14]); got != gstin[14] {
			t.Errorf("gstinCheckChar(%s) = %c, want %c", gstin[:14], got, gstin[14])
		}
		if !gstinKnown(gstin, map[string]bool{"27": true, "29": true}) {
			t.Errorf("%s is not known", gstin)
		}
	}
	if gstinKnown("27AAPFU0939F1ZV", map[string]bool{"29": true}) {
		t.Error("a GSTIN of a state without that code is known")
	}
	if gstinKnown("27AAPFU0939F1ZW", map[string]bool{"27": true}) {
		t.Error("a GSTIN with a wrong check character is known")
	}
	if !panKnown("ABCPE1234F") || panKnown("ABCXE1234F") {
		t.Error("the fourth letter of a PAN names its kind of holder: P is a person, X nothing")
	}
	if checkPAN("f", "ABCPE1234") == nil || checkGSTIN("f", "27AAPFU0939F1Z") == nil || checkIFSC("f", "HDFC1234567") == nil {
		t.Error("a malformed number passes")
	}
}

// A subscription's dates and status at a given day: billing from the
// start plus the trial, skipped in a pause, revoked after the last one.
func TestSubscriptionState(t *testing.T) {
	start := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 12, 0, 0, 0, time.UTC) }
	r := &subscriptionRecord{start: start, trialDays: 7, billing: schedule{every: 1, unit: "monthly", limit: 3},
		shipping: schedule{every: 2, unit: "weekly"}, items: []subItem{{quantity: 1}}}
	cases := []struct {
		at           time.Time
		status       string
		next, last   string
		nextDelivery string
	}{
		{day(1, 5), subCreated, "2025-01-17", "", "2025-01-10"},
		{day(1, 12), subActive, "2025-01-17", "", "2025-01-24"},
		{day(2, 20), subActive, "2025-03-17", "2025-02-17", "2025-02-21"},
		{day(3, 17), subRevoked, "2025-03-17", "2025-03-17", ""},
	}
	for _, c := range cases {
		st := r.stateAt(c.at)
		if st.status != c.status || st.nextBilling.Format(time.DateOnly) != c.next || dateText(st.lastPayment) != c.last ||
			dateText(st.nextDelivery) != c.nextDelivery {
			t.Errorf("at %s: %s next %s last %s delivery %s; want %s %s %s %s", c.at.Format(time.DateOnly), st.status,
				st.nextBilling.Format(time.DateOnly), dateText(st.lastPayment), dateText(st.nextDelivery), c.status, c.next, c.last, c.nextDelivery)
		}
	}
	// A pause over February's billing skips it: the third billing moves to April.
	r.pauses = []span{{from: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), to: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}}
	if st := r.stateAt(day(2, 10)); st.status != subPaused || st.nextBilling.Format(time.DateOnly) != "2025-03-17" {
		t.Errorf("in the pause: %s, next %s", st.status, st.nextBilling.Format(time.DateOnly))
	}
	if st := r.stateAt(day(3, 20)); st.status != subActive || st.nextBilling.Format(time.DateOnly) != "2025-04-17" {
		t.Errorf("after the pause: %s, next %s; want active, 2025-04-17", st.status, st.nextBilling.Format(time.DateOnly))
	}
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// A mandate's debits: monthly from its activation, none after its
// revocation.
func TestMandateDebits(t *testing.T) {
	act := time.Date(2025, 1, 31, 10, 0, 0, 0, time.UTC)
	m := &mandate{id: "01JMANDATE00000000000000AA", status: mandateRevoked, activatedAt: act, end: act.AddDate(5, 0, 0),
		revokedAt: act.AddDate(0, 2, 5)}
	got := m.debits("s", act.AddDate(1, 0, 0))
	if len(got) != 2 || got[0].Status != "debit-success" || got[1].ScheduledAt.Format(time.DateOnly) != "2025-03-31" {
		t.Fatalf("debits of a mandate revoked after two months: %+v", got)
	}
}

// The loyalty details count the orders that earned points and the spend
// the orders group records.
func TestLoyaltyTotals(t *testing.T) {
	s := New(WithFrozenClock())
	u, err := s.CreateUser(UserParams{FirstName: "Asha", Email: "asha@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	now := s.Now()
	s.accounts.with(u.ID, now, func(acc *account) {
		for i, pts := range []int64{600, 500} {
			order := fmt.Sprintf("ORD-%d", i+1)
			acc.addLoyalty(loyaltyEntry{add: true, activity: "order-placed", reference: order, title: "Order " + order, points: decimal.NewFromInt(pts), at: now})
			acc.recordSpend(decimal.NewFromInt(6000*(int64(i)+1)), decimal.NewFromInt(250))
		}
		acc.addLoyalty(loyaltyEntry{activity: "points-expired", title: "Expired", points: decimal.NewFromInt(100), at: now})
	})
	l, e := s.loyaltyDetails(u.ID, u.CustomerID)
	if e != nil {
		t.Fatal(e)
	}
	for name, got := range map[string]struct{ got, want string }{
		"orders":   {l.TotalOrders.String(), "2"},
		"spent":    {l.TotalSpent.String(), "18000"},
		"savings":  {l.LifetimeSavings.String(), "500"},
		"earned":   {l.PointsEarned.String(), "1100"},
		"redeemed": {l.PointsRedeemed.String(), "0"},
		"balance":  {l.PointsBalance.String(), "1000"},
		"tier":     {*l.CurrentTier, "Gold"},
	} {
		if got.got != got.want {
			t.Errorf("%s = %s, want %s", name, got.got, got.want)
		}
	}
}
