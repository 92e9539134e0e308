package storefronttest

import (
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// accounts holds what the fake knows of each customer beyond their login:
// the balances a cart can redeem (loyalty points, store credit), the
// loyalty ledger that orders and redemptions write, and the saved
// addresses a cart's billing and shipping can name. The Carts and Orders
// groups read and change it; the Customers group serves it. A customer is
// keyed by user ID; an anonymous visitor has no account.
//
// It has its own lock, taken after Server.mu when both are needed, never
// before.
type accounts struct {
	mu   sync.Mutex
	byID map[string]*account
}

// account is one customer's.
type account struct {
	loyaltyPoints decimal.Decimal       // balance
	loyaltyLedger []loyaltyEntry        // newest last
	credit        decimal.Decimal       // store credit balance, in the store's currency
	addresses     []gen.CustomerAddress // in the order they were saved
	joined        time.Time

	// What the Customers and Subscriptions groups keep (customers.go and
	// the files it names), in the order it was saved.
	bankAccounts  []*bankAccount
	cards         []*savedCard
	vpas          []*savedVPA
	creditLine    *creditLine // nil: not eligible
	documents     []*kycDocument
	mandates      []*mandate
	subscriptions []*subscriptionRecord
	// spent and saved are what the customer's orders cost (net of taxes,
	// discounts and redeemed points) and saved them, for the loyalty
	// details: the orders group adds to them with recordSpend.
	spent, saved decimal.Decimal
}

// recordSpend adds an order's cost and savings to the customer's loyalty
// totals (get-loyalty-details' total_spent and lifetime_savings). Call it
// with the accounts lock held, once per order placed.
func (acc *account) recordSpend(spent, saved decimal.Decimal) {
	acc.spent = acc.spent.Add(spent)
	acc.saved = acc.saved.Add(saved)
}

// loyaltyEntry is one movement of loyalty points.
type loyaltyEntry struct {
	add       bool // points added (earned, carried forward) rather than removed (redeemed, expired)
	activity  string
	reference string // an order number, when the movement is an order's
	title     string
	points    decimal.Decimal // positive
	at        time.Time
}

func newAccounts() *accounts { return &accounts{byID: map[string]*account{}} }

// get returns the account of userID, creating it (joined at now) when
// create is true; nil when there is none and create is false.
func (a *accounts) get(userID string, now time.Time, create bool) *account {
	acc := a.byID[userID]
	if acc == nil && create {
		acc = &account{joined: now}
		a.byID[userID] = acc
	}
	return acc
}

// with runs f on the account of userID, creating it, under the lock.
func (a *accounts) with(userID string, now time.Time, f func(*account)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	f(a.get(userID, now, true))
}

// addLoyalty records a movement of points and moves the balance: added
// points raise it, removed ones lower it (never below zero: a removal of
// more than the balance removes the balance).
func (acc *account) addLoyalty(e loyaltyEntry) {
	if e.add {
		acc.loyaltyPoints = acc.loyaltyPoints.Add(e.points)
	} else {
		e.points = decimal.Min(e.points, acc.loyaltyPoints)
		acc.loyaltyPoints = acc.loyaltyPoints.Sub(e.points)
	}
	acc.loyaltyLedger = append(acc.loyaltyLedger, e)
}

// SetLoyaltyPoints gives the user userID a balance of points loyalty
// points, recorded as a bonus in their loyalty activity, for tests of
// redemption. The user must exist.
func (s *Server) SetLoyaltyPoints(userID string, points decimal.Decimal) error {
	if err := s.checkUser(userID); err != nil {
		return err
	}
	if points.Sign() < 0 {
		return errors.New("storefronttest: SetLoyaltyPoints: the points must not be negative")
	}
	s.accounts.with(userID, s.clock.now(), func(acc *account) {
		diff := points.Sub(acc.loyaltyPoints)
		if diff.Sign() == 0 {
			return
		}
		acc.addLoyalty(loyaltyEntry{add: diff.Sign() > 0, activity: "bonus", title: "Points set by the store", points: diff.Abs(), at: s.clock.now()})
	})
	return nil
}

// LoyaltyPoints returns the loyalty points balance of the user userID.
func (s *Server) LoyaltyPoints(userID string) decimal.Decimal {
	s.accounts.mu.Lock()
	defer s.accounts.mu.Unlock()
	if acc := s.accounts.get(userID, time.Time{}, false); acc != nil {
		return acc.loyaltyPoints
	}
	return decimal.Decimal{}
}

// SetCreditBalance gives the user userID a store credit balance, for tests
// of redemption. The user must exist.
func (s *Server) SetCreditBalance(userID string, amount decimal.Decimal) error {
	if err := s.checkUser(userID); err != nil {
		return err
	}
	if amount.Sign() < 0 {
		return errors.New("storefronttest: SetCreditBalance: the amount must not be negative")
	}
	s.accounts.with(userID, s.clock.now(), func(acc *account) { acc.credit = amount })
	return nil
}

// CreditBalance returns the store credit balance of the user userID.
func (s *Server) CreditBalance(userID string) decimal.Decimal {
	s.accounts.mu.Lock()
	defer s.accounts.mu.Unlock()
	if acc := s.accounts.get(userID, time.Time{}, false); acc != nil {
		return acc.credit
	}
	return decimal.Decimal{}
}

// checkUser fails when userID is not a registered user of the server.
func (s *Server) checkUser(userID string) error {
	s.mu.RLock()
	u := s.users[userID]
	s.mu.RUnlock()
	if u == nil || u.deleted {
		return errors.New("storefronttest: no user " + userID)
	}
	return nil
}

// balances returns the loyalty points and store credit of the user userID:
// zero for a visitor or a user without an account yet.
func (a *accounts) balances(userID string) (points, credit decimal.Decimal) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if acc := a.get(userID, time.Time{}, false); acc != nil {
		return acc.loyaltyPoints, acc.credit
	}
	return decimal.Decimal{}, decimal.Decimal{}
}

// errInsufficientBalance is redeem's refusal.
var errInsufficientBalance = errors.New("the balance is too low")

// redeem takes points and store credit from the user's balances for the
// order orderNumber, both or neither: it fails, taking nothing, when
// either is more than the balance. The points are written to the loyalty
// ledger as removed by the order.
func (a *accounts) redeem(userID string, now time.Time, points, credit decimal.Decimal, orderNumber string) error {
	if points.Sign() <= 0 && credit.Sign() <= 0 {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	acc := a.get(userID, now, true)
	if points.GreaterThan(acc.loyaltyPoints) || credit.GreaterThan(acc.credit) {
		return errInsufficientBalance
	}
	acc.credit = acc.credit.Sub(credit)
	if points.Sign() > 0 {
		acc.addLoyalty(loyaltyEntry{activity: "order-placed", reference: orderNumber,
			title: "Points redeemed on order " + orderNumber, points: points, at: now})
	}
	return nil
}

// refund gives back the points and store credit an order redeemed, when
// it is cancelled; the points are written to the ledger as added.
func (a *accounts) refund(userID string, now time.Time, points, credit decimal.Decimal, orderNumber string) {
	if points.Sign() <= 0 && credit.Sign() <= 0 {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	acc := a.get(userID, now, true)
	acc.credit = acc.credit.Add(credit)
	if points.Sign() > 0 {
		acc.addLoyalty(loyaltyEntry{add: true, activity: "other", reference: orderNumber,
			title: "Points returned: order " + orderNumber + " cancelled", points: points, at: now})
	}
}

// earn adds the points an order earned once it is paid, or takes them
// back (earned false) when a paid order is cancelled; both are written to
// the ledger.
func (a *accounts) earn(userID string, now time.Time, points decimal.Decimal, orderNumber string, earned bool) {
	if points.Sign() <= 0 {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	e := loyaltyEntry{add: true, activity: "order-placed", reference: orderNumber, title: "Points earned on order " + orderNumber, points: points, at: now}
	if !earned {
		e = loyaltyEntry{activity: "other", reference: orderNumber, title: "Points reversed: order " + orderNumber + " cancelled", points: points, at: now}
	}
	a.get(userID, now, true).addLoyalty(e)
}

// savedAddress returns the user's saved address with ID id.
func (a *accounts) savedAddress(userID, id string) (gen.CustomerAddress, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if acc := a.get(userID, time.Time{}, false); acc != nil {
		for _, ad := range acc.addresses {
			if ad.ID != nil && *ad.ID == id {
				return ad, true
			}
		}
	}
	return gen.CustomerAddress{}, false
}

// saveAddress adds an address to the user's saved addresses, unless an
// equal one (every field but the ID and the default flags) is saved
// already, and returns the saved one, with its ID. newID makes the ID of
// a new address.
func (a *accounts) saveAddress(userID string, now time.Time, ad gen.CustomerAddress, newID func() string) gen.CustomerAddress {
	a.mu.Lock()
	defer a.mu.Unlock()
	acc := a.get(userID, now, true)
	key := addressKey(ad)
	for _, saved := range acc.addresses {
		if addressKey(saved) == key {
			return saved
		}
	}
	id := newID()
	ad.ID = &id
	acc.addresses = append(acc.addresses, ad)
	return ad
}

// addressKey is an address without its ID and default flags, to compare
// addresses by what they say.
func addressKey(ad gen.CustomerAddress) string {
	ad.ID, ad.IsDefaultBilling, ad.IsDefaultShipping = nil, nil, nil
	b, _ := json.Marshal(ad)
	return string(b)
}
