package storefronttest_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
)

func TestSmokeCart(t *testing.T) {
	e := newCEnv(t)
	sess := e.session()
	c, err := sess.Cart.CreateCart(e.ctx, storefront.CreateCartJSONRequestBody{Items: []storefront.UpdateCartItem{
		{ProductID: "masala-chai-blend", Quantity: dec("3")},
		{ProductID: "aurora-wireless-headphones", VariantID: ptr("aurora-wireless-headphones-midnight-black"), Quantity: dec("2")},
	}})
	require.NoError(t, err)
	b, _ := json.MarshalIndent(c.Cart, "", " ")
	t.Log(string(b))
}
