package storefront_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// cartQuantity is how many units of productID (and variantID, "" for
// none) the cart holds.
func cartQuantity(t *testing.T, ct *storefront.Cart, productID, variantID string) int64 {
	t.Helper()
	require.NotNil(t, ct)
	for _, it := range ct.CartItems {
		if it.ProductID == productID && ((it.VariantID == nil && variantID == "") || (it.VariantID != nil && *it.VariantID == variantID)) {
			n, ok := it.Quantity.Int64()
			require.True(t, ok)
			return n
		}
	}
	return 0
}

func TestCartCurrentIsNilWithoutACart(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	ct, err := sess.Cart.Current(e.ctx)
	require.NoError(t, err)
	assert.Nil(t, ct)
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpGetAnonymousToken), "a session without tokens starts an anonymous one")
}

func TestCartAddCreatesThenAddsBySlugAndByID(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	teapot, err := e.client.Public.Catalog.GetProductDetail(e.ctx, "cast-iron-teapot", nil)
	require.NoError(t, err)
	id := teapot.Product.ID
	require.NotEqual(t, "cast-iron-teapot", id, "the product's ID is not its slug")

	// The first add creates the cart.
	ct, err := sess.Cart.Add(e.ctx, "cast-iron-teapot", 1)
	require.NoError(t, err)
	assert.EqualValues(t, 1, cartQuantity(t, ct, id, ""))
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpCreateCart))
	assert.Equal(t, 0, e.srv.Calls(storefronttest.OpUpdateCart))

	// By slug: the item comes back with the product's ID, and still adds.
	ct, err = sess.Cart.Add(e.ctx, "cast-iron-teapot", 2)
	require.NoError(t, err)
	assert.EqualValues(t, 3, cartQuantity(t, ct, id, ""), "1 + 2")

	// By ID.
	ct, err = sess.Cart.Add(e.ctx, id, 2)
	require.NoError(t, err)
	assert.EqualValues(t, 5, cartQuantity(t, ct, id, ""), "3 + 2")
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpCreateCart), "one cart")

	cur, err := sess.Cart.Current(e.ctx)
	require.NoError(t, err)
	assert.Equal(t, ct.ID, cur.ID)
	assert.EqualValues(t, 5, cartQuantity(t, cur, id, ""))
}

func TestCartAddVariantBySlugAndByID(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	const slug, variantSlug = "darjeeling-first-flush", "darjeeling-first-flush-100-g"
	v, err := e.client.Public.Catalog.GetVariantDetail(e.ctx, slug, variantSlug, nil)
	require.NoError(t, err)
	pid, vid := v.Variant.ProductID, v.Variant.ID
	require.NotEqual(t, variantSlug, vid)

	ct, err := sess.Cart.Add(e.ctx, slug, 1, storefront.WithVariant(variantSlug))
	require.NoError(t, err)
	assert.EqualValues(t, 1, cartQuantity(t, ct, pid, vid))
	// Another variant of the same product is another item.
	ct, err = sess.Cart.Add(e.ctx, slug, 1, storefront.WithVariant("darjeeling-first-flush-250-g"))
	require.NoError(t, err)
	assert.EqualValues(t, 1, cartQuantity(t, ct, pid, vid))

	ct, err = sess.Cart.Add(e.ctx, slug, 2, storefront.WithVariant(variantSlug))
	require.NoError(t, err)
	assert.EqualValues(t, 3, cartQuantity(t, ct, pid, vid), "1 + 2, the variant given by slug")
	ct, err = sess.Cart.Add(e.ctx, pid, 1, storefront.WithVariant(vid))
	require.NoError(t, err)
	assert.EqualValues(t, 4, cartQuantity(t, ct, pid, vid), "3 + 1, by IDs")
}

func TestCartSetAndRemove(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	sess := e.client.NewSession(storefront.NewMemoryStore())

	// Nothing to remove without a cart.
	ct, err := sess.Cart.Remove(e.ctx, "cast-iron-teapot")
	require.NoError(t, err)
	assert.Nil(t, ct)

	ct, err = sess.Cart.Set(e.ctx, "cast-iron-teapot", 4)
	require.NoError(t, err)
	id := ct.CartItems[0].ProductID
	assert.EqualValues(t, 4, cartQuantity(t, ct, id, ""))
	ct, err = sess.Cart.Set(e.ctx, "cast-iron-teapot", 2)
	require.NoError(t, err)
	assert.EqualValues(t, 2, cartQuantity(t, ct, id, ""), "set, not added")
	_, err = sess.Cart.Add(e.ctx, "classic-ceramic-mug", 1, storefront.WithVariant("classic-ceramic-mug-terracotta"))
	require.NoError(t, err)

	ct, err = sess.Cart.Remove(e.ctx, "cast-iron-teapot")
	require.NoError(t, err)
	require.Len(t, ct.CartItems, 1)
	assert.Equal(t, "classic-ceramic-mug", ct.CartItems[0].Slug)
}

func TestCartHelpersRefuseBadQuantities(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	for _, call := range []func() (*storefront.Cart, error){
		func() (*storefront.Cart, error) { return sess.Cart.Add(e.ctx, "cast-iron-teapot", 0) },
		func() (*storefront.Cart, error) { return sess.Cart.Add(e.ctx, "cast-iron-teapot", -1) },
		func() (*storefront.Cart, error) { return sess.Cart.Set(e.ctx, "cast-iron-teapot", -1) },
		func() (*storefront.Cart, error) { return sess.Cart.Add(e.ctx, " ", 1) },
	} {
		ct, err := call()
		assert.Nil(t, ct)
		assert.True(t, errors.Is(err, storefront.ErrInvalidParam), "%v", err)
	}
	assert.Equal(t, 0, e.srv.Calls(storefronttest.OpCreateCart)+e.srv.Calls(storefronttest.OpUpdateCart), "nothing sent")
}

// Concurrent adds from one session, and from two sessions of one shopper,
// each read the quantity the one before wrote: none is lost.
func TestCartConcurrentAddsLoseNothing(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	_, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	login := func() *storefront.Session {
		s := e.client.NewSession(storefront.NewMemoryStore())
		_, err := s.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
		require.NoError(t, err)
		return s
	}
	one, two := login(), login()
	const per = 6
	var wg sync.WaitGroup
	errs := make(chan error, 3*per)
	for i := range 3 * per {
		sess := one
		if i%3 == 2 {
			sess = two
		}
		wg.Go(func() {
			_, err := sess.Cart.Add(e.ctx, "braided-usb-c-cable", 1) // 50 in stock
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	ct, err := one.Cart.Current(e.ctx)
	require.NoError(t, err)
	assert.EqualValues(t, 3*per, cartQuantity(t, ct, ct.CartItems[0].ProductID, ""))
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpCreateCart), "one cart, created once")
}

// TestCartHelpersPassCallOptionsOn: a cart helper takes WithVariant and
// any call option, which applies to the calls it makes (WithVariant is a
// CartOption, not a CallOption: another method cannot be given it).
func TestCartHelpersPassCallOptionsOn(t *testing.T) {
	t.Parallel()
	e := newStoryEnv(t)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	var info storefront.ResponseInfo
	ct, err := sess.Cart.Add(e.ctx, "darjeeling-first-flush", 2, storefront.WithVariant("darjeeling-first-flush-100-g"),
		storefront.WithResponseInfo(&info), storefront.WithHeader("X-Trace-Id", "cart-1"))
	require.NoError(t, err)
	require.Len(t, ct.CartItems, 1)
	assert.Equal(t, "2", ct.CartItems[0].Quantity.String())
	assert.Equal(t, 200, info.StatusCode, "the last call's answer: create-cart")
	assert.Equal(t, 1, info.Attempts)
}
