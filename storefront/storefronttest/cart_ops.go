package storefronttest

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// The Carts group's logic. Every operation needs the shopper's access
// token (anonymous or logged in) and the server's store (another store ID
// has no carts: 404, or the operation's 400 when it declares no 404); a
// cart is its owner's only, and another shopper's cart is a 404 like an
// unknown one. A shopper has one cart at a time.
//
// What an operation does to a cart, once found, is a …Locked function of
// the cart alone (setItemLocked, setAddressesLocked, applyCouponLocked,
// redeemLocked …): the POS carts (pos_carts.go) run the very same ones on
// the carts a staff member rings up.

// commerceOp runs f with the caller's claims and commerce.mu held, once
// the request is known to be for the server's store.
func (s *Server) commerceOp(ctx context.Context, f func(caller *TokenClaims, now time.Time) *apiError) *apiError {
	rc, e := callerOf(ctx)
	if e != nil {
		return e
	}
	if e := s.storeScope(rc); e != nil {
		return e
	}
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	return f(rc.caller, s.Now())
}

// onCart runs f on the caller's cart id and answers with the cart, priced
// after f.
func (s *Server) onCart(ctx context.Context, id string, f func(ct *cart, caller *TokenClaims, now time.Time) *apiError) (gen.Cart, *apiError) {
	return s.onCartFound(ctx, func(caller *TokenClaims, now time.Time) (*cart, *apiError) { return s.cartLocked(caller, id, now) }, f)
}

// onCartFound runs f on the cart find finds and answers with the cart,
// priced after f: the online carts and the POS carts differ only in find.
func (s *Server) onCartFound(ctx context.Context, find func(caller *TokenClaims, now time.Time) (*cart, *apiError),
	f func(ct *cart, caller *TokenClaims, now time.Time) *apiError) (out gen.Cart, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := find(caller, now)
		if e != nil {
			return e
		}
		if f != nil {
			if e := f(ct, caller, now); e != nil {
				return e
			}
		}
		out, _ = s.cartAnswerLocked(ct)
		return nil
	})
	return out, e
}

// createCart answers create-cart: the caller's cart with the items set in
// it (each as update-cart sets one). A shopper who has a cart already gets
// it back with the items set in it: a shopper has one cart. Either every
// item is valid and set, or none is (400 or 404 for the first that is
// not).
func (s *Server) createCart(ctx context.Context, body gen.CreateCartBody) (out gen.Cart, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		if len(body.Items) == 0 {
			return fieldError(CodeBadRequest, "items", "must name at least one item")
		}
		s.adoptLocked(caller, now)
		c := s.commerce()
		existing := c.carts[c.cartOf[caller.UserID]]
		if existing != nil && existing.expired(now) {
			c.dropCartLocked(existing)
			existing = nil
		}
		var have []*cartLine
		if existing != nil {
			have = existing.lines
		}
		lines, e := s.itemsLocked(have, body.Items, now)
		if e != nil {
			return e
		}
		ct := existing
		if ct == nil {
			ct = s.newCartLocked(caller.UserID, now)
		}
		ct.lines = lines
		ct.setMetadata(body.Metadata)
		ct.touch(now)
		out, _ = s.cartAnswerLocked(ct)
		return nil
	})
	return out, e
}

// itemsLocked sets each of items, in turn, in a copy of lines (each as
// update-cart sets one) and returns the copy: either every item is valid
// and set, or none is (400 or 404 for the first that is not). Call it
// with c.mu held.
func (s *Server) itemsLocked(lines []*cartLine, items []gen.UpdateCartItem, now time.Time) ([]*cartLine, *apiError) {
	scratch := &cart{}
	for _, l := range lines {
		scratch.lines = append(scratch.lines, &cartLine{productID: l.productID, variantID: l.variantID, qty: l.qty})
	}
	for i, it := range items {
		r := itemRequest{product: it.ProductID, variant: it.VariantID, quantity: it.Quantity, fieldPath: fmt.Sprintf("items[%d].", i)}
		if e := s.setItemLocked(scratch, r, now); e != nil {
			return nil, e
		}
	}
	return scratch.lines, nil
}

// userCart answers get-user-cart: the caller's own cart (another user's is
// a 404).
func (s *Server) userCart(ctx context.Context, userID string) (out gen.Cart, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := s.userCartLocked(caller, userID, now)
		if e != nil {
			return e
		}
		out, _ = s.cartAnswerLocked(ct)
		return nil
	})
	return out, e
}

// deleteCart answers delete-cart and delete-user-cart: the cart and
// everything in it are gone; the next create-cart starts afresh.
func (s *Server) deleteCart(ctx context.Context, id, userID string) *apiError {
	return s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		var ct *cart
		var e *apiError
		if userID != "" {
			ct, e = s.userCartLocked(caller, userID, now)
		} else {
			ct, e = s.cartLocked(caller, id, now)
		}
		if e != nil {
			return e
		}
		s.commerce().dropCartLocked(ct)
		return nil
	})
}

// updateCart answers update-cart: see setItemLocked.
func (s *Server) updateCart(ctx context.Context, id string, item gen.UpdateCartItem) (gen.Cart, *apiError) {
	return s.onCart(ctx, id, func(ct *cart, _ *TokenClaims, now time.Time) *apiError {
		return s.setItemLocked(ct, itemRequest{product: item.ProductID, variant: item.VariantID, quantity: item.Quantity}, now)
	})
}

var (
	addressPhonePattern = regexp.MustCompile(`^[0-9]{10}$`)
	addressEmailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// checkAddress checks an address a shopper gives; field names the
// address in the request ("billing_address").
func checkAddress(field string, a *gen.CustomerAddress) *apiError {
	if a == nil {
		return fieldError(CodeBadRequest, field, "is required")
	}
	for name, v := range map[string]string{"first_name": a.FirstName, "address_line1": a.AddressLine1, "city": a.City, "state": a.State} {
		if strings.TrimSpace(v) == "" {
			return fieldError(CodeBadRequest, field+"."+name, "is required")
		}
	}
	switch {
	case !addressPhonePattern.MatchString(a.Phone):
		return fieldError(CodeBadRequest, field+".phone", "must be 10 digits")
	case !addressEmailPattern.MatchString(a.Email):
		return fieldError(CodeBadRequest, field+".email", "is not an email address")
	case !postalCodePattern.MatchString(strings.TrimSpace(a.Pincode)):
		return fieldError(CodeBadRequest, field+".pincode", "is not a postal code")
	case a.CountryCode != "" && !countryCodePattern.MatchString(a.CountryCode):
		return fieldError(CodeBadRequest, field+".country_code", `must look like "+91"`)
	}
	return nil
}

// setAddresses answers create-cart-address. Saved addresses are named by
// their IDs (an unknown ID is a 404); new addresses are checked (400) and,
// for a logged-in shopper, saved to their addresses (once: an address
// equal to a saved one is that one), so that the cart's addresses carry
// their IDs. A visitor's new addresses stay on the cart only. A new
// shipping postal code drops the fulfillment choice made for the old one.
func (s *Server) setAddresses(ctx context.Context, id string, body gen.CreateCartAddressBody) (gen.Cart, *apiError) {
	return s.onCart(ctx, id, func(ct *cart, caller *TokenClaims, now time.Time) *apiError {
		return s.setAddressesLocked(ct, caller.UserID, caller.IsLoggedIn, body, now)
	})
}

// setAddressesLocked sets a cart's addresses (see setAddresses): userID's
// saved addresses by ID, or new ones, saved to userID's addresses when
// save is set. Call it with c.mu held.
func (s *Server) setAddressesLocked(ct *cart, userID string, save bool, body gen.CreateCartAddressBody, now time.Time) *apiError {
	var billing, shipping gen.CustomerAddress
	if byID, err := body.AsCartAddressesByID(); err == nil && byID.BillingAddressID != "" {
		var ok bool
		if billing, ok = s.accounts.savedAddress(userID, byID.BillingAddressID); !ok {
			return notFound("address " + byID.BillingAddressID + " not found")
		}
		if shipping, ok = s.accounts.savedAddress(userID, byID.ShippingAddressID); !ok {
			return notFound("address " + byID.ShippingAddressID + " not found")
		}
	} else {
		given, err := body.AsCartNewAddresses()
		if err != nil {
			return badRequest(CodeBadRequest, "the addresses cannot be read")
		}
		if e := checkAddress("billing_address", given.BillingAddress); e != nil {
			return e
		}
		if e := checkAddress("shipping_address", given.ShippingAddress); e != nil {
			return e
		}
		billing, shipping = normalAddress(*given.BillingAddress), normalAddress(*given.ShippingAddress)
		if save {
			newID := func() string { return newULID(now) }
			billing = s.accounts.saveAddress(userID, now, billing, newID)
			shipping = s.accounts.saveAddress(userID, now, shipping, newID)
		}
	}
	if pincodeOf(ct.shipping) != pincodeOf(&shipping) {
		ct.pref = nil
	}
	ct.billing, ct.shipping = &billing, &shipping
	ct.touch(now)
	return nil
}

// normalAddress is an address as the cart keeps it: trimmed, in India
// (+91 unless it says otherwise), its verification flags set.
func normalAddress(a gen.CustomerAddress) gen.CustomerAddress {
	a.ID = nil
	a.Pincode = strings.ToUpper(strings.TrimSpace(a.Pincode))
	if a.CountryCode == "" {
		a.CountryCode = DefaultCountryCode
	}
	if a.Country == "" {
		a.Country = "India"
	}
	no := false
	a.IsPhoneVerified, a.IsEmailVerified = &no, &no
	return a
}

// applyCoupon answers apply-coupon: an unknown code, or a coupon that
// cannot apply to the cart (expired, not yet started, another customer
// group's, used up, below its minimum order total, no eligible item), is
// a 400 invalid_coupon saying why. Applying the cart's coupon again
// changes nothing.
func (s *Server) applyCoupon(ctx context.Context, id, code string) (gen.Cart, *apiError) {
	return s.onCart(ctx, id, func(ct *cart, _ *TokenClaims, now time.Time) *apiError { return s.applyCouponLocked(ct, code, now) })
}

// applyCouponLocked applies a coupon code to a cart: see applyCoupon.
// Call it with c.mu held.
func (s *Server) applyCouponLocked(ct *cart, code string, now time.Time) *apiError {
	c := s.commerce()
	cp := c.couponCodes[strings.ToUpper(strings.TrimSpace(code))]
	if cp == nil {
		return fieldError(CodeInvalidCoupon, "coupon_code", "no such coupon")
	}
	in := s.priceInputLocked(ct, now)
	sh := s.shop()
	sh.mu.RLock()
	pr := sh.price(ct, cp, c.pickups, in)
	sh.mu.RUnlock()
	if pr.couponInvalid != "" {
		return fieldError(CodeInvalidCoupon, "coupon_code", pr.couponInvalid)
	}
	ct.couponCode = cp.code
	ct.touch(now)
	return nil
}

// removeCoupon answers remove-coupon; a cart without a coupon stays so.
func (s *Server) removeCoupon(ctx context.Context, id string) (gen.Cart, *apiError) {
	return s.onCart(ctx, id, removeCouponLocked)
}

// removeCouponLocked takes a cart's coupon off. Call it with c.mu held.
func removeCouponLocked(ct *cart, _ *TokenClaims, now time.Time) *apiError {
	ct.couponCode = ""
	ct.touch(now)
	return nil
}

// redeem answers redeem-loyalty-points (points true) and
// redeem-credit-balance: the amount replaces the one asked before. It
// needs a logged-in shopper (401 login_required: visitors have no
// balances); points are a whole number. An amount beyond the balance, or
// beyond what the cart leaves to pay (its grand total, less the points'
// value for credit), is a 400 insufficient_balance.
func (s *Server) redeem(ctx context.Context, id string, amount decimal.Decimal, points bool) (gen.Cart, *apiError) {
	return s.onCart(ctx, id, func(ct *cart, caller *TokenClaims, now time.Time) *apiError {
		if !caller.IsLoggedIn {
			return errLoginRequired
		}
		return s.redeemLocked(ct, amount, points, now)
	})
}

// redeemLocked redeems points (points true) or credit of the cart's
// owner against it: see redeem, whose checks but the login it makes. Call
// it with c.mu held.
func (s *Server) redeemLocked(ct *cart, amount decimal.Decimal, points bool, now time.Time) *apiError {
	field := "credit_balance_used"
	if points {
		field = "loyalty_point_redeemed"
	}
	if amount.Sign() < 0 || (points && !amount.IsInteger()) || (!points && !amount.Equal(money(amount))) {
		what := "an amount of at most 2 decimal places"
		if points {
			what = "a whole number"
		}
		return fieldError(CodeBadRequest, field, "must be "+what+", not negative")
	}
	pr := s.priceCartLocked(ct, now)
	balancePoints, balanceCredit := s.accounts.balances(ct.owner)
	if points {
		switch value := amount.Mul(pointValue); {
		case amount.GreaterThan(balancePoints):
			return fieldError(CodeInsufficientBalance, field, "more than the "+balancePoints.String()+" points you have")
		case value.GreaterThan(pr.grandTotal):
			return fieldError(CodeInsufficientBalance, field, "worth more than the cart's total of ₹"+pr.grandTotal.StringFixed(2))
		}
		ct.points = amount
	} else {
		switch payable := pr.grandTotal.Sub(pr.pointsValue); {
		case amount.GreaterThan(balanceCredit):
			return fieldError(CodeInsufficientBalance, field, "more than your credit balance of ₹"+balanceCredit.StringFixed(2))
		case amount.GreaterThan(payable):
			return fieldError(CodeInsufficientBalance, field, "more than the ₹"+payable.StringFixed(2)+" left to pay")
		}
		ct.credit = amount
	}
	ct.touch(now)
	return nil
}

// removeRedemption answers remove-loyalty-points and remove-credit-balance.
func (s *Server) removeRedemption(ctx context.Context, id string, points bool) (gen.Cart, *apiError) {
	return s.onCart(ctx, id, removeRedemptionLocked(points))
}

// removeRedemptionLocked takes back a cart's points (points true) or
// credit. Call it with c.mu held.
func removeRedemptionLocked(points bool) func(ct *cart, _ *TokenClaims, now time.Time) *apiError {
	return func(ct *cart, _ *TokenClaims, now time.Time) *apiError {
		if points {
			ct.points = decimal.Decimal{}
		} else {
			ct.credit = decimal.Decimal{}
		}
		ct.touch(now)
		return nil
	}
}

// listCoupons answers list-coupons: the coupons running now, not used up,
// open to every shopper or to the customer group (the header's; else the
// caller's).
func (s *Server) listCoupons(ctx context.Context, group *string) (out []gen.Coupon, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		out = s.couponsOpenLocked(s.groupOfLocked(caller.UserID), group, now)
		return nil
	})
	return out, e
}

// couponsOpenLocked lists the coupons running now, not used up, open to
// every shopper or to the customer group (header's, else group). Call it
// with c.mu held.
func (s *Server) couponsOpenLocked(group string, header *string, now time.Time) []gen.Coupon {
	if header != nil && *header != "" {
		group = *header
	}
	out := []gen.Coupon{}
	for _, cp := range s.commerce().coupons {
		if cp.couponOpen(group, now, 0, cp.total) == "" {
			out = append(out, cp.view())
		}
	}
	return out
}

// listPromotions answers list-promotions: the promotions running now,
// which apply to every customer group.
func (s *Server) listPromotions(ctx context.Context) (out []gen.Promotion, e *apiError) {
	e = s.reading(ctx, func() *apiError {
		if _, e := callerOf(ctx); e != nil {
			return e
		}
		out = (&view{sh: s.shop(), now: s.Now()}).promotionViews()
		return nil
	})
	return out, e
}

// evaluateCoupons answers evaluate-coupons: every coupon running now and
// open to the cart's customer group, applicable to the cart (with the
// discount it would give, delivery included) or not (with the reason).
func (s *Server) evaluateCoupons(ctx context.Context, id string) (out gen.EvaluateCouponsContent, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := s.cartLocked(caller, id, now)
		if e != nil {
			return e
		}
		out = s.evaluateCouponsLocked(ct, now)
		return nil
	})
	return out, e
}

// evaluateCouponsLocked sorts the coupons for a cart: see
// evaluateCoupons. Call it with c.mu held.
func (s *Server) evaluateCouponsLocked(ct *cart, now time.Time) gen.EvaluateCouponsContent {
	c := s.commerce()
	in := s.priceInputLocked(ct, now)
	out := gen.EvaluateCouponsContent{ApplicableCoupons: []gen.ApplicableCoupon{}, InapplicableCoupons: []gen.InapplicableCoupon{}}
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	for _, cp := range c.coupons {
		if !cp.activeAt(now) || (cp.group != "" && cp.group != in.group) {
			continue
		}
		id, name, kind, codes := cp.id, cp.name, gen.CouponType(cp.couponType()), []string{cp.code}
		pr := sh.price(ct, cp, c.pickups, in)
		if pr.couponInvalid != "" {
			reason := pr.couponInvalid
			out.InapplicableCoupons = append(out.InapplicableCoupons, gen.InapplicableCoupon{ID: &id, Name: &name, CouponType: &kind,
				CouponCode: &codes, Reason: &reason, Suggestion: optional(cp.description)})
			continue
		}
		saved := pr.couponAmt
		if cp.kind == CouponFreeShipping {
			saved = pr.shippingDiscount
			if !pr.shippingChosen {
				saved = pr.shippingEstimate
			}
		}
		msg := "You save ₹" + saved.StringFixed(2)
		out.ApplicableCoupons = append(out.ApplicableCoupons, gen.ApplicableCoupon{ID: &id, Name: &name, CouponType: &kind,
			CouponCode: &codes, EstimatedDiscount: &saved, SavingsMessage: &msg})
	}
	return out
}

// evaluatePromotions answers evaluate-promotions.
func (s *Server) evaluatePromotions(ctx context.Context, id string) (out gen.EvaluatePromotionsContent, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := s.cartLocked(caller, id, now)
		if e != nil {
			return e
		}
		out = s.evaluatePromotionsLocked(ct, now)
		return nil
	})
	return out, e
}

// evaluatePromotionsLocked sorts the running promotions for a cart. Call
// it with c.mu held.
func (s *Server) evaluatePromotionsLocked(ct *cart, now time.Time) gen.EvaluatePromotionsContent {
	pr := s.priceCartLocked(ct, now)
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return (&view{sh: sh, now: now}).evaluatePromotions(pr)
}

// fulfillmentOptions answers get-fulfillment-options: see
// shop.fulfillmentOptions.
func (s *Server) fulfillmentOptions(ctx context.Context, body gen.CartBasedFulfillmentOption) (out gen.GetFulfillmentOptionsContent, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := s.cartLocked(caller, body.CartID, now)
		if e != nil {
			return e
		}
		out, e = s.fulfillmentOptionsLocked(ct, body.FulfillmentType, now)
		return e
	})
	return out, e
}

// fulfillmentOptionsLocked lists how a cart can be fulfilled, or only in
// one way when kind is given. Call it with c.mu held.
func (s *Server) fulfillmentOptionsLocked(ct *cart, kind *gen.CartBasedFulfillmentOptionFulfillmentType, now time.Time) (gen.GetFulfillmentOptionsContent, *apiError) {
	k := ""
	if kind != nil {
		k = string(*kind)
	}
	pr := s.priceCartLocked(ct, now)
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return sh.fulfillmentOptions(ct, pr, s.commerce().pickups, k)
}

// setFulfillment answers update-fulfillment-preference: see
// shop.setFulfillment.
func (s *Server) setFulfillment(ctx context.Context, id string, pref gen.FulfillmentPreference) (gen.Cart, *apiError) {
	return s.onCart(ctx, id, func(ct *cart, _ *TokenClaims, now time.Time) *apiError { return s.setFulfillmentLocked(ct, pref, now) })
}

// setFulfillmentLocked records a cart's fulfillment preference. Call it
// with c.mu held.
func (s *Server) setFulfillmentLocked(ct *cart, pref gen.FulfillmentPreference, now time.Time) *apiError {
	pr := s.priceCartLocked(ct, now)
	sh := s.shop()
	sh.mu.RLock()
	ch, e := sh.setFulfillment(ct, pr, s.commerce().pickups, pref)
	sh.mu.RUnlock()
	if e != nil {
		return e
	}
	ct.pref = ch
	ct.touch(now)
	return nil
}
