package storefronttest

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// POS carts are carts (cart.go) with a counter: created by a staff member
// at their location, priced and changed by the storefront's cart engine
// (the …Locked functions of cart_ops.go), for the customer linked to them
// (their customer group, loyalty points and credit). A staff session sees
// the POS carts of its location, any staff member's; a cart of another
// location, a shopper's cart or an expired one is a 404 like an unknown
// one. A staff member may hold many carts; a customer is linked to the
// POS cart update-pos-cart-customer last linked them to.

// posCartLocked finds a POS cart of the caller's location. Call it with
// c.mu held.
func (s *Server) posCartLocked(caller *TokenClaims, id string, now time.Time) (*cart, *apiError) {
	c := s.commerce()
	ct := c.carts[id]
	if ct == nil || ct.counter == nil || ct.counter.location != caller.LocationID {
		return nil, errCartNotFound
	}
	if ct.expired(now) {
		c.dropCartLocked(ct)
		return nil, errCartNotFound
	}
	return ct, nil
}

// onPOSCart runs f on the POS cart id and answers with the cart, priced
// after f.
func (s *Server) onPOSCart(ctx context.Context, id string, f func(ct *cart, caller *TokenClaims, now time.Time) *apiError) (gen.Cart, *apiError) {
	return s.onCartFound(ctx, func(caller *TokenClaims, now time.Time) (*cart, *apiError) { return s.posCartLocked(caller, id, now) }, f)
}

// posCreateCart answers pos-create-cart: a new cart at the caller's
// counter with the items set in it (all or none, as create-cart), and no
// customer yet.
func (s *Server) posCreateCart(ctx context.Context, body gen.CreateCartBody) (out gen.Cart, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		if len(body.Items) == 0 {
			return fieldError(CodeBadRequest, "items", "must name at least one item")
		}
		lines, e := s.itemsLocked(nil, body.Items, now)
		if e != nil {
			return e
		}
		ct := s.addCartLocked(&cart{counter: &counterSale{location: caller.LocationID, staff: caller.UserID}, lines: lines}, now)
		ct.setMetadata(body.Metadata)
		out, _ = s.cartAnswerLocked(ct)
		return nil
	})
	return out, e
}

// posUserCart answers pos-get-user-cart: the POS cart of the caller's
// location last linked to the customer userID (404 when none).
func (s *Server) posUserCart(ctx context.Context, userID string) (out gen.Cart, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		id, ok := s.commerce().posCartOf[userID]
		if !ok {
			return errCartNotFound
		}
		ct, e := s.posCartLocked(caller, id, now)
		if e != nil {
			return e
		}
		out, _ = s.cartAnswerLocked(ct)
		return nil
	})
	return out, e
}

// posDeleteCart answers pos-delete-cart: the cart, its items and its link
// to a customer are gone.
func (s *Server) posDeleteCart(ctx context.Context, id string) *apiError {
	return s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := s.posCartLocked(caller, id, now)
		if e != nil {
			return e
		}
		s.commerce().dropCartLocked(ct)
		return nil
	})
}

// posAddresses answers pos-create-cart-address: the linked customer's
// saved addresses by ID (a cart without a customer has none: 404), or new
// addresses, saved to the customer's addresses when one is linked.
func (s *Server) posAddresses(ctx context.Context, id string, body gen.CreateCartAddressBody) (gen.Cart, *apiError) {
	return s.onPOSCart(ctx, id, func(ct *cart, _ *TokenClaims, now time.Time) *apiError {
		return s.setAddressesLocked(ct, ct.owner, ct.owner != "", body, now)
	})
}

var errNoCustomer = fieldError(CodeNoCustomer, "cart_id", "the cart has no customer: link one first (update-pos-cart-customer)")

// posRedeem answers pos-redeem-loyalty-points (points true) and
// pos-redeem-credit-balance: the linked customer's points or credit, as
// redeem does for a shopper's own (a cart without a customer is a 400).
func (s *Server) posRedeem(ctx context.Context, id string, amount decimal.Decimal, points bool) (gen.Cart, *apiError) {
	return s.onPOSCart(ctx, id, func(ct *cart, _ *TokenClaims, now time.Time) *apiError {
		if ct.owner == "" {
			return errNoCustomer
		}
		return s.redeemLocked(ct, amount, points, now)
	})
}

// customerRef is update-pos-cart-customer's body, whichever of its forms.
type customerRef struct {
	CustomerID  string  `json:"customer_id"`
	Phone       *string `json:"phone"`
	CountryCode *string `json:"country_code"`
	Email       *string `json:"email"`
	FirstName   *string `json:"first_name"`
	LastName    *string `json:"last_name"`
}

// linkCustomer answers update-pos-cart-customer. The customer is found
// by customer ID (404 when no user has it), else by phone number (with
// its country code, +91 when null), else by email address; one found by
// phone or email who has no account yet is registered, with the names and
// the other identifier given (400 already_exists when that one is
// another user's). A deactivated customer is a 400. The cart is then the
// customer's: priced for their customer group, redeeming their points and
// credit (what it redeemed for another customer is taken back), and
// pos-get-user-cart finds it by their user ID.
func (s *Server) linkCustomer(ctx context.Context, id string, body gen.PosUpdateCartCustomerBody) (gen.Cart, *apiError) {
	raw, err := body.MarshalJSON()
	var ref customerRef
	if err == nil {
		err = json.Unmarshal(raw, &ref)
	}
	if err != nil {
		return gen.Cart{}, badRequest(CodeBadRequest, "the customer cannot be read")
	}
	return s.onPOSCart(ctx, id, func(ct *cart, _ *TokenClaims, now time.Time) *apiError {
		userID, e := s.customerFor(ref, now)
		if e != nil {
			return e
		}
		c := s.commerce()
		if ct.owner != userID {
			if c.posCartOf[ct.owner] == ct.id {
				delete(c.posCartOf, ct.owner)
			}
			ct.owner = userID
			ct.points, ct.credit = decimal.Decimal{}, decimal.Decimal{}
		}
		c.posCartOf[userID] = ct.id
		ct.touch(now)
		return nil
	})
}

// customerFor finds or registers the customer a reference names and
// returns their user ID. It takes Server.mu: call it with no lock but
// commerce.mu held.
func (s *Server) customerFor(ref customerRef, now time.Time) (string, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var u *user
	reg := &registration{firstName: ref.FirstName, lastName: ref.LastName}
	switch {
	case strings.TrimSpace(ref.CustomerID) != "":
		for _, cand := range s.users {
			if !cand.deleted && cand.customerID == ref.CustomerID {
				u = cand
				break
			}
		}
		if u == nil {
			return "", notFound("customer " + ref.CustomerID + " not found")
		}
	case ref.Phone != nil && *ref.Phone != "":
		cc := countryOrDefault(ref.CountryCode)
		if e := checkPhone("phone", *ref.Phone); e != nil {
			return "", e
		}
		if u = s.userByPhoneLocked(cc, *ref.Phone); u == nil {
			reg.phone, reg.country = ref.Phone, &cc
			if ref.Email != nil && *ref.Email != "" {
				email := normalizeEmail(*ref.Email)
				if e := checkEmail("email", email); e != nil {
					return "", e
				}
				reg.email = &email
			}
		}
	case ref.Email != nil && *ref.Email != "":
		email := normalizeEmail(*ref.Email)
		if e := checkEmail("email", email); e != nil {
			return "", e
		}
		if u = s.userByEmailLocked(email); u == nil {
			reg.email = &email
			if ref.Phone != nil && *ref.Phone != "" {
				cc := countryOrDefault(ref.CountryCode)
				if e := checkPhone("phone", *ref.Phone); e != nil {
					return "", e
				}
				reg.phone, reg.country = ref.Phone, &cc
			}
		}
	default:
		return "", badRequest(CodeBadRequest, "name the customer by customer_id, phone or email")
	}
	if u == nil {
		var e *apiError
		if u, e = s.createUserLocked(reg, "", now); e != nil {
			return "", e
		}
	}
	if u.inactive {
		return "", badRequest(CodeUserInactive, "the customer's account is deactivated")
	}
	return u.id, nil
}
