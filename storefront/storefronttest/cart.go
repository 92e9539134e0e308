package storefronttest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Limits of a cart.
const (
	// CartLifetime is how long a cart lives after its last change, on the
	// server's clock (Advance): then it expires, and every operation on it
	// answers 404, as for a cart that never was.
	CartLifetime = 7 * 24 * time.Hour
	// MaxCartQuantity is the most units of one item a cart may hold,
	// whatever the stock.
	MaxCartQuantity = 1000
)

// cart is a shopper's cart, or a cart rung up at a point of sale's
// counter: one engine prices both. Its amounts are not stored: every
// answer prices it afresh (cart_pricing.go), so prices, stock and
// promotions are always the catalog's of the moment.
type cart struct {
	id, owner         string       // owner: the user ID of the shopper, anonymous or registered; a POS cart's linked customer ("" until one is)
	counter           *counterSale // nil for a shopper's cart
	lines             []*cartLine
	couponCode        string          // the coupon applied, upper-case; empty: none
	points, credit    decimal.Decimal // loyalty points and store credit the shopper asked to redeem
	billing, shipping *gen.CustomerAddress
	pref              *fulfillmentChoice
	metadata          map[string]string
	created, modified time.Time
}

// cartLine is one item of a cart: a SKU and how many.
type cartLine struct {
	productID, variantID string // variantID is empty for a product without variants
	qty                  int
}

// counterSale is what a POS cart is beyond a cart: where it is rung up
// and by whom. Until the cart chooses a fulfillment, its goods are taken
// over the counter: nothing is shipped, no address is needed, and the
// order is complete once paid.
type counterSale struct {
	location string // the POS location (a pickup location of the store)
	staff    string // the staff member who created the cart
}

func (c *cart) expired(now time.Time) bool { return !now.Before(c.modified.Add(CartLifetime)) }

// touch records a change: the cart lives CartLifetime from now.
func (c *cart) touch(now time.Time) { c.modified = timestamp(now) }

func (c *cart) line(productID, variantID string) (int, *cartLine) {
	for i, l := range c.lines {
		if l.productID == productID && l.variantID == variantID {
			return i, l
		}
	}
	return -1, nil
}

// Error codes of carts, checkout and orders.
const (
	CodeInvalidQuantity     = "invalid_quantity"     // a quantity is not a whole number the SKU may be ordered in
	CodeInsufficientStock   = "insufficient_stock"   // more than the stock, for a SKU without backorders
	CodeInvalidCoupon       = "invalid_coupon"       // unknown, expired, used up or inapplicable coupon
	CodeInsufficientBalance = "insufficient_balance" // a redemption beyond the balance or the amount payable
	CodeUnserviceable       = "unserviceable"        // no delivery or collection for the address
	CodeCartNotReady        = "cart_not_ready"       // create-order: the cart is not ready for payment
	CodeInvalidPayment      = "invalid_payment"      // a payment method the store cannot take, or a payment in a state that forbids the call
	CodeNotCancellable      = "not_cancellable"      // the order (or return) is past the state that allows it
	CodeNotReturnable       = "not_returnable"       // the items cannot be returned
)

var errCartNotFound = notFound("cart not found")

// cartLocked finds the caller's cart by ID, after their anonymous cart
// has followed them (adoptLocked). Another shopper's cart, a POS cart, an
// expired one and an unknown one are all a 404. Call it with c.mu held.
func (s *Server) cartLocked(caller *TokenClaims, id string, now time.Time) (*cart, *apiError) {
	s.adoptLocked(caller, now)
	c := s.commerce()
	ct := c.carts[id]
	if ct == nil || ct.owner != caller.UserID || ct.counter != nil {
		return nil, errCartNotFound
	}
	if ct.expired(now) {
		c.dropCartLocked(ct)
		return nil, errCartNotFound
	}
	return ct, nil
}

// userCartLocked finds the cart of the user userID, who must be the
// caller; another user's is a 404, as is no cart. Call it with c.mu held.
func (s *Server) userCartLocked(caller *TokenClaims, userID string, now time.Time) (*cart, *apiError) {
	s.adoptLocked(caller, now)
	if userID != caller.UserID {
		return nil, errCartNotFound
	}
	c := s.commerce()
	id, ok := c.cartOf[userID]
	if !ok {
		return nil, errCartNotFound
	}
	return s.cartLocked(caller, id, now)
}

func (c *commerce) dropCartLocked(ct *cart) {
	delete(c.carts, ct.id)
	if c.cartOf[ct.owner] == ct.id {
		delete(c.cartOf, ct.owner)
	}
	if c.posCartOf[ct.owner] == ct.id {
		delete(c.posCartOf, ct.owner)
	}
}

// adoptLocked lets an anonymous visitor's cart follow them when they log
// in. A visitor who registers keeps their ID, and so their cart; one who
// logs in to an existing account gets that account's ID, and their token
// names the visitor as anonymous_id. On the first cart operation of such
// a logged-in shopper, the visitor's cart becomes theirs. If they had a
// cart of their own already, the two merge into the visitor's cart (the
// one they were just filling, whose ID the client holds): it keeps its
// items, quantities, coupon, addresses and fulfillment choice, and gains
// the items, and whatever it lacks of the rest, of the older cart, which
// is deleted. Call it with c.mu held.
func (s *Server) adoptLocked(caller *TokenClaims, now time.Time) {
	visitor := caller.AnonymousID
	if !caller.IsLoggedIn || visitor == "" || visitor == caller.UserID {
		return
	}
	c := s.commerce()
	vid, ok := c.cartOf[visitor]
	if !ok {
		return
	}
	if s.checkUser(visitor) == nil {
		return // a registered user's ID: their cart is not a visitor's to take
	}
	vc := c.carts[vid]
	if vc == nil || vc.expired(now) {
		if vc != nil {
			c.dropCartLocked(vc)
		}
		return
	}
	delete(c.cartOf, visitor)
	if uid, ok := c.cartOf[caller.UserID]; ok {
		if uc := c.carts[uid]; uc != nil && !uc.expired(now) {
			for _, l := range uc.lines {
				if _, have := vc.line(l.productID, l.variantID); have == nil {
					vc.lines = append(vc.lines, &cartLine{productID: l.productID, variantID: l.variantID, qty: l.qty})
				}
			}
			if vc.couponCode == "" {
				vc.couponCode = uc.couponCode
			}
			if vc.billing == nil {
				vc.billing, vc.shipping = uc.billing, uc.shipping
			}
			if vc.pref == nil {
				vc.pref = uc.pref
			}
			if vc.metadata == nil {
				vc.metadata = uc.metadata
			}
		}
		delete(c.carts, uid)
	}
	vc.owner = caller.UserID
	vc.points, vc.credit = decimal.Decimal{}, decimal.Decimal{}
	vc.touch(now)
	c.cartOf[caller.UserID] = vc.id
}

// newCartLocked creates an empty cart for the caller. Call it with c.mu
// held.
func (s *Server) newCartLocked(owner string, now time.Time) *cart {
	ct := s.addCartLocked(&cart{owner: owner}, now)
	s.commerce().cartOf[owner] = ct.id
	return ct
}

// addCartLocked gives ct an ID and keeps it. Carts are dropped when found
// expired, and swept once a day of the server's clock as new ones are
// made, so abandoned carts do not pile up. Call it with c.mu held.
func (s *Server) addCartLocked(ct *cart, now time.Time) *cart {
	c := s.commerce()
	if !now.Before(c.nextCartSweep) {
		for _, old := range c.carts {
			if old.expired(now) {
				c.dropCartLocked(old)
			}
		}
		c.nextCartSweep = now.Add(24 * time.Hour)
	}
	ct.id, ct.created = newULID(now), timestamp(now)
	ct.touch(now)
	c.carts[ct.id] = ct
	return ct
}

// itemRequest is one item a shopper asks for: a product (ID or slug), its
// variant (ID or slug; required for a product with variants) and the
// quantity the cart should hold.
type itemRequest struct {
	product   string
	variant   *string
	quantity  decimal.Decimal
	fieldPath string // where the item is in the request, for errors: "" or "items[2]."
}

// setItemLocked sets the quantity of an item in a cart: a new item is
// added at the end, an existing one takes the new quantity, and 0
// removes it (an item the cart does not hold stays absent). It checks,
// in order: the product (404), the variant (400 when missing for a
// product with variants or given for one without; 404 when unknown), the
// quantity (400 invalid_quantity: a whole number from 0 to
// MaxCartQuantity, at least the SKU's minimum order quantity, in its
// steps, at most its maximum) and the stock (400 insufficient_stock: the
// units on hand, unless the SKU takes backorders; digital goods have no
// limit; a bundle needs its items). Call it with c.mu held; it takes
// shop.mu.
func (s *Server) setItemLocked(ct *cart, r itemRequest, now time.Time) *apiError {
	sh := s.shop()
	sh.mu.RLock()
	k, qty, e := sh.checkItem(r)
	sh.mu.RUnlock()
	if e != nil {
		return e
	}
	vid := ""
	if k.v != nil {
		vid = k.v.id
	}
	i, l := ct.line(k.p.id, vid)
	switch {
	case qty == 0 && l != nil:
		ct.lines = slices.Delete(ct.lines, i, i+1)
	case qty == 0:
	case l != nil:
		l.qty = qty
	default:
		ct.lines = append(ct.lines, &cartLine{productID: k.p.id, variantID: vid, qty: qty})
	}
	ct.touch(now)
	return nil
}

// checkItem resolves and checks an item request. Call it with sh.mu held.
func (sh *shop) checkItem(r itemRequest) (sku, int, *apiError) {
	k, e := sh.resolveSKU(r)
	if e != nil {
		return sku{}, 0, e
	}
	p := k.p
	field := r.fieldPath + "quantity"
	n, ok := r.quantity.Int64()
	if !ok || n < 0 || n > MaxCartQuantity {
		return sku{}, 0, fieldError(CodeInvalidQuantity, field, fmt.Sprintf("must be a whole number from 0 to %d", MaxCartQuantity))
	}
	qty := int(n)
	if qty == 0 {
		return k, 0, nil
	}
	least, step, most := k.offer().orderLimits()
	switch {
	case qty < least:
		return sku{}, 0, fieldError(CodeInvalidQuantity, field, fmt.Sprintf("%s is sold at least %d at a time", p.name, least))
	case (qty-least)%step != 0:
		return sku{}, 0, fieldError(CodeInvalidQuantity, field, fmt.Sprintf("%s is sold in steps of %d from %d", p.name, step, least))
	case most > 0 && qty > most:
		return sku{}, 0, fieldError(CodeInvalidQuantity, field, fmt.Sprintf("%s is sold at most %d at a time", p.name, most))
	}
	if have, ok := sh.stockFor(k, qty); !ok {
		return sku{}, 0, fieldError(CodeInsufficientStock, field, fmt.Sprintf("only %d of %s in stock", have, skuName(k)))
	}
	return k, qty, nil
}

// resolveSKU finds the SKU a request names: the product (404), its
// variant (400 when missing for a product with variants or given for one
// without; 404 when unknown). Call it with sh.mu held.
func (sh *shop) resolveSKU(r itemRequest) (sku, *apiError) {
	p := sh.products[r.product]
	if p == nil {
		p = sh.productSlugs[strings.ToLower(r.product)]
	}
	if p == nil {
		return sku{}, notFound("product " + r.product + " not found")
	}
	k := sku{p: p}
	variant := ""
	if r.variant != nil {
		variant = strings.TrimSpace(*r.variant)
	}
	switch {
	case len(p.variants) > 0 && variant == "":
		return sku{}, fieldError(CodeBadRequest, r.fieldPath+"variant_id", "is required: the product has variants")
	case len(p.variants) == 0 && variant != "":
		return sku{}, fieldError(CodeBadRequest, r.fieldPath+"variant_id", "must be null: the product has no variants")
	case variant != "":
		v, e := variantByRef(p, variant)
		if e != nil {
			return sku{}, e
		}
		k.v = v
	}
	return k, nil
}

// stockFor reports whether qty units of a SKU can be had, and how many
// can: digital goods and SKUs taking backorders are unlimited (have is
// -1); a bundle is limited by the scarcest of its items. Call it with
// sh.mu held.
func (sh *shop) stockFor(k sku, qty int) (have int, ok bool) {
	o := k.offer()
	switch {
	case k.p.kind == TypeDigital || o.backorder:
		return -1, true
	case k.p.kind == TypeBundle:
		have = -1
		for _, b := range k.p.bundle {
			bp := sh.products[b.productID]
			if bp == nil {
				return 0, false
			}
			bk := sku{p: bp, v: sh.variants[b.variantID]}
			n, _ := sh.stockFor(bk, 0)
			if n < 0 {
				continue
			}
			if n /= max(b.quantity, 1); have < 0 || n < have {
				have = n
			}
		}
		return have, have < 0 || qty <= have
	}
	have = o.stock()
	return have, qty <= have
}

// skuName is how a SKU is named to a shopper: the product, and the variant.
func skuName(k sku) string {
	if k.v != nil {
		return k.p.name + " (" + k.v.name + ")"
	}
	return k.p.name
}

// setMetadata replaces the cart's metadata.
func (ct *cart) setMetadata(m *map[string]string) {
	if m != nil {
		ct.metadata = maps.Clone(*m)
	}
}
