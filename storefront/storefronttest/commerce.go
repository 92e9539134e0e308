package storefronttest

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/gen"
)

// commerce is what shoppers buy and how they pay: carts, the store's
// coupons, orders with their payments, shipments, returns and refunds,
// the payment gateway's customers and transactions, and wishlists.
//
// Its lock is the outermost of the server's: an operation takes
// commerce.mu first, then, one at a time and never nested, Server.mu (to
// read a user), shop.mu (prices, stock) and accounts.mu (balances, the
// loyalty ledger, addresses). Nothing takes commerce.mu while holding
// another of them.
type commerce struct {
	mu sync.Mutex

	carts     map[string]*cart  // by cart ID, POS carts too
	cartOf    map[string]string // owner's user ID → their cart's ID
	posCartOf map[string]string // customer's user ID → the POS cart last linked to them
	groups    map[string]string // user ID → customer group ID, from SetCustomerGroup

	nextCartSweep time.Time // when newCartLocked next drops expired carts

	coupons     []*coupon          // in creation order
	couponCodes map[string]*coupon // by upper-case code

	pickups []pickupLocation // the store's pickup locations

	orders   map[string]*order   // by order number
	ordersOf map[string][]*order // user ID → their orders, oldest first
	returns  map[string]*orderReturn
	txns     map[string]*paymentTxn // by transaction ID

	juspayCustomers map[string]*gen.JuspayCustomer // by user ID
	juspayOrders    map[string]*gen.JuspayOrder    // by order number

	wishlists map[string][]wishEntry // by user ID, oldest first

	seq uint64 // numbers orders, returns, payments, refunds and shipments
}

// commerce returns the server's commerce state, seeding the store's
// coupons and pickup locations on first use.
func (s *Server) commerce() *commerce {
	s.commerceOnce.Do(func() {
		c := &commerce{
			carts: map[string]*cart{}, cartOf: map[string]string{}, posCartOf: map[string]string{}, groups: map[string]string{},
			couponCodes: map[string]*coupon{}, orders: map[string]*order{}, ordersOf: map[string][]*order{},
			returns: map[string]*orderReturn{}, txns: map[string]*paymentTxn{},
			juspayCustomers: map[string]*gen.JuspayCustomer{}, juspayOrders: map[string]*gen.JuspayOrder{},
			wishlists: map[string][]wishEntry{}, seq: 100000,
		}
		seedCoupons(c)
		c.pickups = seededPickups()
		s.commerceData = c
	})
	return s.commerceData
}

// next returns a new number with a prefix, such as "NG100001": the
// numbers of orders, returns, payments and refunds share one sequence,
// so each is unique.
func (c *commerce) next(prefix string) string {
	c.seq++
	return fmt.Sprintf("%s%d", prefix, c.seq)
}

// SetCustomerGroup puts the user userID in a customer group: their cart
// is priced at the group's prices (SetPrice), and the coupons of the group
// apply to it. The user and the group must exist.
func (s *Server) SetCustomerGroup(userID, groupID string) error {
	if err := s.checkUser(userID); err != nil {
		return err
	}
	s.shop().mu.RLock()
	known := false
	for _, g := range s.shop().groups {
		known = known || g.id == groupID
	}
	s.shop().mu.RUnlock()
	if !known {
		return fmt.Errorf("storefronttest: SetCustomerGroup: no customer group %q", groupID)
	}
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.groups[userID] = groupID
	return nil
}

// groupOf is the customer group whose prices a user's cart takes: theirs,
// or the store's default. Call it with c.mu held.
func (s *Server) groupOfLocked(userID string) string {
	if g, ok := s.commerce().groups[userID]; ok {
		return g
	}
	return s.shop().defaultGroupID()
}

// defaultGroupID is the store's default customer group.
func (sh *shop) defaultGroupID() string {
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return sh.defaultGroup
}

// userContact is what the server knows of a user for an order or a
// gateway: their names, email and phone, as far as they have them.
type userContact struct {
	registered                     bool
	firstName, lastName, email, ph string
	country                        string
}

// contactOf reads a user's contact details. It takes Server.mu: call it
// with no lock but commerce.mu held.
func (s *Server) contactOf(userID string) userContact {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u := s.users[userID]
	if u == nil || u.deleted {
		return userContact{}
	}
	return userContact{registered: true, firstName: deref(u.firstName), lastName: deref(u.lastName),
		email: deref(u.email), ph: deref(u.phone), country: deref(u.country)}
}

// convert builds a gen type from a value of the same JSON shape (a map,
// or one branch of a union): for gen's unions (oneOf and anyOf of the
// spec) and for its structs of anonymous types, awkward to fill in Go.
func convert[T any](v any) T {
	var out T
	b, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(b, &out)
	}
	if err != nil {
		panic(fmt.Sprintf("storefronttest: %T from %T: %v", out, v, err)) // the fake's own data: a bug
	}
	return out
}

// CommerceStats counts what the server holds of the carts, orders and
// wishlists.
type CommerceStats struct {
	Carts     int // carts not yet swept (expired ones go when found, or with the daily sweep)
	Orders    int
	Wishlists int // users with a wishlist
}

// CommerceStats reports how many carts, orders and wishlists the server
// holds.
func (s *Server) CommerceStats() CommerceStats {
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	return CommerceStats{Carts: len(c.carts), Orders: len(c.orders), Wishlists: len(c.wishlists)}
}
