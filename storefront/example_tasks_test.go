package storefront_test

// The four everyday tasks of a shop's back end, each as a user writes it:
// the code between "// BEGIN task" and "// END" is the task; what is
// outside is set-up (a fake server, a client, a session, an error check).
// TestTaskLineCounts keeps each task within its line budget and free of
// JSON literals and decimal constructors.

import (
	"context"
	"fmt"
	"log"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// check stops an example at its first error; a handler would return it.
func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// taskShop is a fake server with a customer, and a client on it.
func taskShop() (*storefronttest.Server, *storefront.Client) {
	srv := storefronttest.NewServer()
	_, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", LastName: "Rao", Email: "asha@example.com",
		Phone: "9876543210", Password: "correct-horse", EmailVerified: true, PhoneVerified: true})
	check(err)
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	check(err)
	return srv, client
}

// Listing products with their prices, without a session.
func Example_taskListProducts() {
	srv, client := taskShop()
	defer srv.Close()
	ctx := context.Background()

	// BEGIN list products
	for p, err := range client.Public.Catalog.ListProductsAll(ctx, &storefront.ListProductsParams{CategorySlug: &[]string{"mugs-cups"}}) {
		check(err)
		fmt.Println(p.Name, p.Pricing.SellingPrice)
	}
	// END

	// Output:
	// Double-Wall Glass Cups (set of 2) 599
	// Classic Ceramic Mug 349
}

// Adding to the shopper's cart: the first add creates it, the next adds
// to the quantity.
func Example_taskAddToCart() {
	srv, client := taskShop()
	defer srv.Close()
	ctx := context.Background()
	sess := client.NewSession(storefront.NewMemoryStore()) // a visitor, anonymous until they log in
	_, err := sess.Cart.Add(ctx, "cast-iron-teapot", 1)
	check(err)

	// BEGIN add to cart
	cart, err := sess.Cart.Add(ctx, "cast-iron-teapot", 2)
	check(err)
	fmt.Println(cart.CartItems[0].ProductName, cart.CartItems[0].Quantity, "to pay", cart.ToBePaid)
	// END

	// Output:
	// Cast Iron Teapot 3 to pay 5697
}

// Logging a shopper in with their password: the session keeps the tokens
// and renews them.
func Example_taskLoginWithPassword() {
	srv, client := taskShop()
	defer srv.Close()
	ctx := context.Background()
	sess := client.NewSession(storefront.NewMemoryStore())

	// BEGIN login with password
	res, err := sess.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
	check(err)
	fmt.Println("welcome,", res.User.GetFirstName())
	// END

	// Output:
	// welcome, Asha
}

// Checkout of the shopper's cart: billing and shipping address, delivery
// by a chosen courier, payment by card; then the order's number and
// status.
func Example_taskCheckout() {
	srv, client := taskShop()
	defer srv.Close()
	ctx := context.Background()
	sess := client.NewSession(storefront.NewMemoryStore())
	_, err := sess.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
	check(err)
	_, err = sess.Cart.Add(ctx, "cast-iron-teapot", 1)
	check(err)

	// BEGIN checkout
	cart, err := sess.Cart.Current(ctx)
	check(err)
	home := storefront.CustomerAddress{FirstName: "Asha", LastName: new("Rao"), CountryCode: "+91", Phone: "9876543210",
		Email: "asha@example.com", AddressLine1: "12 MG Road", Pincode: "560001", City: "Bengaluru", State: "Karnataka", Country: "India"}
	_, err = sess.Cart.CreateCartAddress(ctx, cart.ID, storefront.BillAndShipTo(home, home))
	check(err)
	_, err = sess.Cart.UpdateFulfillmentPreference(ctx, cart.ID, storefront.Deliver(storefront.DeliveryShipment{
		ID: storefronttest.ShipmentStore, ShippingProviderID: storefronttest.ShippingProvider, CourierCompanyID: new(storefronttest.CourierExpress)}))
	check(err)
	placed, err := sess.Orders.CreateOrder(ctx, storefront.CreateOrderBody{CartID: cart.ID, PaymentMethod: storefront.PayByCard(storefront.JusPayNewCard{
		CardNumber: storefronttest.TestCardSuccess, CardExpMonth: "12", CardExpYear: "2099", NameOnCard: "Asha Rao", CardSecurityCode: "123",
		ReturnURL: "https://shop.example.com/return"})})
	check(err)
	fmt.Println("order", placed.Order.GetOrderNumber(), placed.Order.GetStatus())
	// END

	// Output:
	// order NG100001 confirmed
}
