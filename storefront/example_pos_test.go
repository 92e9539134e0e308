package storefront_test

import (
	"context"
	"fmt"
	"log"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// A counter's sale: the terminal is paired, the store manager logs in at
// the location by OTP, a walk-in customer found by phone buys a teapot
// with a coupon and pays cash, and the manager logs out.
func ExamplePOSSession() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	pos := client.NewPOSSession(storefront.NewMemoryStore()) // a FileStore or Redis keeps it across restarts

	if _, err := pos.Auth.PairDevice(ctx, storefronttest.SeededPairingCodeMGRoad2); err != nil {
		log.Fatal(err)
	}
	ch, err := pos.Auth.LoginWithPhone(ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupMGRoad, Phone: "9000000101", DebugMode: true})
	if err != nil {
		log.Fatal(err)
	}
	staff, err := pos.Auth.VerifyOTP(ctx, *ch, ch.OTP) // the code the staff member received
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(staff.User.FirstName, "at", staff.User.Location.Name)

	c, err := pos.Cart.CreateCart(ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{{ProductID: "cast-iron-teapot", Quantity: decimal.NewFromInt(1)}}})
	if err != nil {
		log.Fatal(err)
	}
	customer := storefront.CustomerByPhone(storefront.PosUpdateCustomerWithPhone{Phone: "9812345670", FirstName: new("Ravi")})
	if _, err := pos.Cart.UpdateCartCustomer(ctx, c.Cart.ID, customer); err != nil {
		log.Fatal(err)
	}
	if _, err := pos.Cart.ApplyCoupon(ctx, c.Cart.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10}); err != nil {
		log.Fatal(err)
	}
	placed, err := pos.Orders.CreateOrder(ctx, storefront.CreatePosOrderBody{CartID: c.Cart.ID, PaymentMode: storefront.PosPaymentModeCASH})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("order", placed.Order.GetOrderNumber(), placed.Order.GetStatus(), "total", placed.Order.GetGrandTotal())
	if err := pos.Auth.Logout(ctx); err != nil {
		log.Fatal(err)
	}
	// Output:
	// Meera at Nilgiri Goods MG Road
	// order NG100001 complete total 1709.10
}
