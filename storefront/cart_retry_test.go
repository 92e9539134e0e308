package storefront_test

// Retries of the Carts operations: after a broken connection or a 503, an
// operation is sent again only if openapi.yaml makes it safe to (GET, PUT
// and DELETE, and the POSTs marked x-idempotent); after a 429 it always is.

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// cartResendable says which Carts operations may be sent twice: every one
// but create-cart, which makes a cart. The test checks the table against
// the spec, then the client against both.
var cartResendable = map[string]bool{
	storefronttest.OpCreateCart: false,

	storefronttest.OpListCoupons: true, storefronttest.OpListPromotions: true, storefronttest.OpGetUserCart: true,
	storefronttest.OpGetCart: true, storefronttest.OpEvaluateCoupons: true, storefronttest.OpEvaluatePromotions: true,
	storefronttest.OpDeleteUserCart: true, storefronttest.OpDeleteCart: true, storefronttest.OpRemoveCoupon: true,
	storefronttest.OpRemoveCreditBalance: true, storefronttest.OpRemoveLoyaltyPoints: true,
	// POSTs the spec marks x-idempotent: each sets a state rather than
	// adding to it, or changes nothing.
	storefronttest.OpGetFulfillmentOptions: true, storefronttest.OpCreateCartAddress: true, storefronttest.OpApplyCoupon: true,
	storefronttest.OpRedeemCreditBalance: true, storefronttest.OpRedeemLoyaltyPoints: true, storefronttest.OpUpdateCart: true,
	storefronttest.OpUpdateFulfillmentPreference: true,
}

func TestCartResendTableMatchesTheSpec(t *testing.T) {
	t.Parallel()
	doc := api.Spec()
	n := 0
	for _, o := range api.Operations() {
		op := doc.Paths.Find(o.Path).GetOperation(o.Method)
		if op.Tags[0] != "Carts" {
			continue
		}
		n++
		want, listed := cartResendable[o.ID]
		require.True(t, listed, "%s is not in cartResendable", o.ID)
		spec := o.Method != http.MethodPost || op.Extensions["x-idempotent"] == true
		assert.Equal(t, spec, want, "%s: the spec says resendable=%v", o.ID, spec)
	}
	assert.Equal(t, 19, n)
	assert.Len(t, cartResendable, n)
}

// cartCall is a Carts operation called with valid arguments on a
// shopper who has a cart with an address and some balances.
type cartCall func(ctx context.Context, sess *storefront.Session, cartID, userID string) error

func cartBody[T any](raw string) T {
	var v T
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		panic(err)
	}
	return v
}

var cartCalls = map[string]cartCall{
	storefronttest.OpCreateCart: func(ctx context.Context, s *storefront.Session, _, _ string) error {
		_, err := s.Cart.CreateCart(ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{{ProductID: "masala-chai-blend", Quantity: decimal.NewFromInt(2)}}})
		return err
	},
	storefronttest.OpListCoupons: func(ctx context.Context, s *storefront.Session, _, _ string) error {
		_, err := s.Cart.ListCoupons(ctx, nil)
		return err
	},
	storefronttest.OpListPromotions: func(ctx context.Context, s *storefront.Session, _, _ string) error {
		_, err := s.Cart.ListPromotions(ctx, nil)
		return err
	},
	storefronttest.OpGetFulfillmentOptions: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.GetFulfillmentOptions(ctx, storefront.CartBasedFulfillmentOption{CartID: id})
		return err
	},
	storefronttest.OpGetUserCart: func(ctx context.Context, s *storefront.Session, _, user string) error {
		_, err := s.Cart.GetUserCart(ctx, user)
		return err
	},
	storefronttest.OpDeleteUserCart: func(ctx context.Context, s *storefront.Session, _, user string) error {
		return s.Cart.DeleteUserCart(ctx, user)
	},
	storefronttest.OpGetCart: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.GetCart(ctx, id)
		return err
	},
	storefronttest.OpDeleteCart: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		return s.Cart.DeleteCart(ctx, id)
	},
	storefronttest.OpCreateCartAddress: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.CreateCartAddress(ctx, id, cartBody[storefront.CreateCartAddressBody](`{"billing_address":`+addressJSON+`,"shipping_address":`+addressJSON+`}`))
		return err
	},
	storefronttest.OpApplyCoupon: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.ApplyCoupon(ctx, id, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponTea15})
		return err
	},
	storefronttest.OpRemoveCoupon: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.RemoveCoupon(ctx, id)
		return err
	},
	storefronttest.OpRedeemCreditBalance: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.RedeemCreditBalance(ctx, id, storefront.RedeemCreditBalanceBody{CreditBalanceUsed: decimal.MustParse("10.50")})
		return err
	},
	storefronttest.OpRemoveCreditBalance: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.RemoveCreditBalance(ctx, id)
		return err
	},
	storefronttest.OpEvaluateCoupons: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.EvaluateCoupons(ctx, id)
		return err
	},
	storefronttest.OpEvaluatePromotions: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.EvaluatePromotions(ctx, id)
		return err
	},
	storefronttest.OpUpdateFulfillmentPreference: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.UpdateFulfillmentPreference(ctx, id, cartBody[storefront.FulfillmentPreference](
			`{"fulfillment_type":"collect-in-store","pickup_location_id":"`+storefronttest.PickupMGRoad+`"}`))
		return err
	},
	storefronttest.OpUpdateCart: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.UpdateCart(ctx, id, storefront.UpdateCartItem{ProductID: "masala-chai-blend", Quantity: decimal.NewFromInt(3)})
		return err
	},
	storefronttest.OpRedeemLoyaltyPoints: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.RedeemLoyaltyPoints(ctx, id, storefront.RedeemLoyaltyPointsBody{LoyaltyPointRedeemed: decimal.NewFromInt(20)})
		return err
	},
	storefronttest.OpRemoveLoyaltyPoints: func(ctx context.Context, s *storefront.Session, id, _ string) error {
		_, err := s.Cart.RemoveLoyaltyPoints(ctx, id)
		return err
	},
}

const addressJSON = `{"first_name":"Asha","last_name":"Rao","country_code":"+91","phone":"9876543210","email":"asha@example.com",
"address_line1":"12 Residency Road","address_line2":null,"landmark":null,"pincode":"560001","city":"Bengaluru","state":"Karnataka",
"country":"India","tax_identification_number":null,"business_name":null,"nickname":null}`

// cartRetryEnv is a server, a logged-in shopper with balances and a cart
// with an address, and a client that retries quickly.
func cartRetryEnv(t *testing.T) (*storefronttest.Server, *storefront.Session, string, string) {
	t.Helper()
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	t.Cleanup(srv.Close)
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()),
		storefront.WithClock(srv.Now), storefront.WithRetryPolicy(storefront.RetryPolicy{MaxAttempts: 3, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond}))
	require.NoError(t, err)
	t.Cleanup(client.CloseIdleConnections)
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	require.NoError(t, srv.SetLoyaltyPoints(info.ID, decimal.NewFromInt(100)))
	require.NoError(t, srv.SetCreditBalance(info.ID, decimal.NewFromInt(100)))
	sess := client.NewSession(nil)
	ctx := context.Background()
	_, err = sess.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	c, err := sess.Cart.CreateCart(ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{{ProductID: "masala-chai-blend", Quantity: decimal.NewFromInt(1)}}})
	require.NoError(t, err)
	require.NoError(t, cartCalls[storefronttest.OpCreateCartAddress](ctx, sess, c.Cart.ID, info.ID))
	srv.ResetCalls()
	return srv, sess, c.Cart.ID, info.ID
}

func TestCartOperationsResendOnlyWhenSafe(t *testing.T) {
	t.Parallel()
	faults := []struct {
		name   string
		fault  storefronttest.Fault
		always bool // resent whatever the operation
	}{
		{"broken connection", storefronttest.Fault{Drop: true, Times: 1}, false},
		{"503", storefronttest.Fault{Status: http.StatusServiceUnavailable, Times: 1}, false},
		{"429", storefronttest.Fault{Status: http.StatusTooManyRequests, Times: 1}, true},
	}
	require.Len(t, cartCalls, len(cartResendable))
	for op, call := range cartCalls {
		for _, f := range faults {
			t.Run(op+"/"+f.name, func(t *testing.T) {
				t.Parallel()
				srv, sess, cartID, userID := cartRetryEnv(t)
				srv.InjectFault(op, f.fault)
				err := call(context.Background(), sess, cartID, userID)
				if f.always || cartResendable[op] {
					require.NoError(t, err, "resent after the %s", f.name)
					assert.Equal(t, 2, srv.Calls(op), "the fault, then the retry")
					return
				}
				require.Error(t, err, "not resent after the %s", f.name)
				assert.Equal(t, 1, srv.Calls(op), "sent once")
			})
		}
	}
}
