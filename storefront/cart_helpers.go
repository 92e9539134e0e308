package storefront

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/commercengine-go/sdk/decimal"
)

// The shopper's cart in a call or two. The API sets quantities
// (update-cart), so adding to a cart means reading it first; these helpers
// do the reading, creating the cart on first use, and find the item the
// way the API returns it — by ID, even when a slug was sent.
//
// Concurrency: Add, Set and Remove of one shopper are serialised within a
// Client (every Session of the Client acting for that shopper — one
// session used by many goroutines, or one session per request — waits
// for the others), so concurrent adds never lose one. Across processes
// nothing serialises them: the API offers no compare-and-swap on a cart,
// so two processes adding the same product for the same shopper at the
// same moment can both read the old quantity, and one add is lost. Route
// one shopper's cart writes through one process, or hold a lock of your
// own (the session's TokenStore key is a natural one) around the call.

// CartOption adjusts a cart helper (Add, Set, Remove): WithVariant, or any
// CallOption, which applies to every call the helper makes.
type CartOption interface{ cartOption() }

func (CallOption) cartOption() {}

// variantOption is WithVariant's.
type variantOption string

func (variantOption) cartOption() {}

// WithVariant names the variant of the product a cart helper acts on, by
// ID or slug. Only the cart helpers take it: other methods name variants
// in their arguments or bodies.
func WithVariant(variant string) CartOption { return variantOption(variant) }

// variantOf splits the cart helpers' options into the variant they name
// (the last WithVariant) and the options of the calls they make.
func variantOf(opts []CartOption) (string, []CallOption) {
	v := ""
	rest := make([]CallOption, 0, len(opts))
	for _, o := range opts {
		switch o := o.(type) {
		case variantOption:
			v = string(o)
		case CallOption:
			rest = append(rest, o)
		}
	}
	return v, rest
}

// Current returns the shopper's cart, or nil and no error when they have
// none. A session with no tokens yet starts an anonymous one.
//
// API: get-user-cart (GET /carts/users/{user_id}), with the session's user.
func (s *CartService) Current(ctx context.Context, opts ...CallOption) (*Cart, error) {
	res, err := s.GetUserCart(ctx, "", opts...)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &res.Cart, nil
}

// Add adds n units of a product (by ID or slug; WithVariant for one of its
// variants) to the shopper's cart and returns the cart: it creates the
// cart on first use, and otherwise adds n to the quantity the cart holds.
// n must be at least 1.
//
// API: get-user-cart, then create-cart or update-cart.
func (s *CartService) Add(ctx context.Context, product string, n int, opts ...CartOption) (*Cart, error) {
	if n < 1 {
		return nil, invalid("add to cart: the quantity must be at least 1, not %d", n)
	}
	return s.change(ctx, product, true, int64(n), opts)
}

// Set sets the quantity of a product (by ID or slug; WithVariant for one
// of its variants) in the shopper's cart and returns the cart, creating
// the cart when n is at least 1 and there is none. 0 removes the product.
//
// API: get-user-cart, then create-cart or update-cart.
func (s *CartService) Set(ctx context.Context, product string, n int, opts ...CartOption) (*Cart, error) {
	if n < 0 {
		return nil, invalid("set cart quantity: the quantity must be 0 or more, not %d", n)
	}
	return s.change(ctx, product, false, int64(n), opts)
}

// Remove takes a product (by ID or slug; WithVariant for one of its
// variants) out of the shopper's cart and returns the cart, or nil when
// there is no cart.
//
// API: get-user-cart, then update-cart.
func (s *CartService) Remove(ctx context.Context, product string, opts ...CartOption) (*Cart, error) {
	return s.change(ctx, product, false, 0, opts)
}

// change reads the shopper's cart and sets the item's quantity to n, or
// to n more than the cart holds when add is true (Set and Remove need not
// find the item: update-cart matches a slug itself). opts name the variant
// and are passed to every call it makes.
func (s *CartService) change(ctx context.Context, product string, add bool, n int64, cartOpts []CartOption) (*Cart, error) {
	variant, opts := variantOf(cartOpts)
	if strings.TrimSpace(product) == "" {
		return nil, invalid("the product ID or slug is required")
	}
	claims, err := s.s.EnsureClaims(ctx)
	if err != nil {
		return nil, err
	}
	unlock, err := cartLocks.lock(ctx, shopperKey{s.s.c, claims.UserID})
	if err != nil {
		return nil, err
	}
	defer unlock()

	ct, err := s.Current(ctx, opts...)
	if err != nil {
		return nil, err
	}
	item := UpdateCartItem{ProductID: product}
	if variant != "" {
		item.VariantID = &variant
	}
	if ct == nil {
		if n == 0 {
			return nil, nil
		}
		item.Quantity = decimal.NewFromInt(n)
		res, err := s.CreateCart(ctx, CreateCartBody{Items: []UpdateCartItem{item}}, opts...)
		if err != nil {
			return nil, err
		}
		return &res.Cart, nil
	}
	if add {
		have, err := s.quantityOf(ctx, ct, product, variant, opts)
		if err != nil {
			return nil, err
		}
		n += have
	}
	item.Quantity = decimal.NewFromInt(n)
	res, err := s.UpdateCart(ctx, ct.ID, item, opts...)
	if err != nil {
		return nil, err
	}
	return &res.Cart, nil
}

// quantityOf is how many units of the product (ID or slug) and variant (ID
// or slug, "" for none) the cart holds. Items carry the product's ID and
// slug but only the variant's ID: a variant given by slug is looked up in
// the catalog when an item of the product has a variant.
func (s *CartService) quantityOf(ctx context.Context, ct *Cart, product, variant string, opts []CallOption) (int64, error) {
	var items []CartItem
	for _, it := range ct.CartItems {
		if it.ProductID == product {
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		for _, it := range ct.CartItems {
			if it.Slug != "" && strings.EqualFold(it.Slug, product) {
				items = append(items, it)
			}
		}
	}
	find := func(variantID string) (int64, bool, error) {
		for _, it := range items {
			if (it.VariantID == nil && variantID == "") || (it.VariantID != nil && *it.VariantID == variantID) {
				n, ok := it.Quantity.Int64()
				if !ok {
					return 0, true, errorf("cart item %s holds %s units, not a whole number", it.ProductID, it.Quantity)
				}
				return n, true, nil
			}
		}
		return 0, false, nil
	}
	n, found, err := find(variant)
	if found || err != nil || variant == "" {
		return n, err
	}
	withVariant := false
	for _, it := range items {
		withVariant = withVariant || it.VariantID != nil
	}
	if !withVariant {
		return 0, nil
	}
	v, err := s.s.Catalog.GetVariantDetail(ctx, items[0].ProductID, variant, nil, opts...)
	if errors.Is(err, ErrNotFound) {
		return 0, nil // update-cart reports the unknown variant
	}
	if err != nil {
		return 0, err
	}
	n, _, err = find(v.Variant.ID)
	return n, err
}

// shopperKey is one shopper of one Client.
type shopperKey struct {
	c    *Client
	user string
}

// cartLocks serialises the cart helpers of each shopper.
var cartLocks keyedLocks[shopperKey]

// keyedLocks is a lock per key, kept only while someone holds or waits
// for it. Waiting for one ends with the waiter's context.
type keyedLocks[K comparable] struct {
	mu sync.Mutex
	m  map[K]*keyedLock
}

type keyedLock struct {
	held chan struct{} // holds a value while the lock is taken
	refs int
}

func (k *keyedLocks[K]) lock(ctx context.Context, key K) (unlock func(), err error) {
	k.mu.Lock()
	if k.m == nil {
		k.m = map[K]*keyedLock{}
	}
	l := k.m[key]
	if l == nil {
		l = &keyedLock{held: make(chan struct{}, 1)}
		k.m[key] = l
	}
	l.refs++
	k.mu.Unlock()
	release := func() {
		k.mu.Lock()
		if l.refs--; l.refs == 0 {
			delete(k.m, key)
		}
		k.mu.Unlock()
	}
	select {
	case l.held <- struct{}{}:
	case <-ctx.Done():
		release()
		return nil, errorf("waiting for the shopper's other cart change: %w", ctx.Err())
	}
	return func() {
		<-l.held
		release()
	}, nil
}
