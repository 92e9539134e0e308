package storefront_test

import (
	"context"
	"fmt"
	"log"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// newShopper is a fake server and a logged-in shopper's session on it.
func newShopper() (*storefronttest.Server, *storefront.Session, storefronttest.UserInfo) {
	srv := storefronttest.NewServer()
	user, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", LastName: "Rao", Email: "asha@example.com",
		Phone: "9876543210", Password: "correct-horse", EmailVerified: true, PhoneVerified: true})
	if err != nil {
		log.Fatal(err)
	}
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	sess := client.NewSession(storefront.NewMemoryStore())
	if _, err := sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{
		Email: "asha@example.com", Password: "correct-horse"}); err != nil {
		log.Fatal(err)
	}
	return srv, sess, user
}

// A cart: products added (the first add creates the cart, the next add to
// what it holds), a coupon, then the totals — every amount a
// decimal.Decimal, exact to the paisa.
func ExampleCartService() {
	srv, sess, _ := newShopper()
	defer srv.Close()
	ctx := context.Background()

	// A product or one of its variants, by ID or slug; quantities are ints.
	if _, err := sess.Cart.Add(ctx, "darjeeling-first-flush", 1, storefront.WithVariant("darjeeling-first-flush-100-g")); err != nil {
		log.Fatal(err)
	}
	for range 2 {
		if _, err := sess.Cart.Add(ctx, "classic-ceramic-mug", 1, storefront.WithVariant("classic-ceramic-mug-terracotta")); err != nil {
			log.Fatal(err)
		}
	}
	cart, err := sess.Cart.Current(ctx) // nil, and no error, before the first add
	if err != nil {
		log.Fatal(err)
	}
	c, err := sess.Cart.ApplyCoupon(ctx, cart.ID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
	if err != nil {
		log.Fatal(err)
	}
	for _, it := range c.Cart.CartItems {
		fmt.Println(it.ProductName, it.Quantity, "×", it.SellingPrice)
	}
	fmt.Println("coupon:", c.Cart.CouponDiscountAmount)
	fmt.Println("to pay:", c.Cart.GrandTotal)
	// Output:
	// Darjeeling First Flush Green Tea 1 × 450
	// Classic Ceramic Mug 2 × 349
	// coupon: 110.30
	// to pay: 992.70
}

// Placing an order for a ready cart with a test card, then the order's
// life: shipped, delivered, and its payment status.
func ExampleOrdersService() {
	srv, sess, _ := newShopper()
	defer srv.Close()
	ctx := context.Background()

	c, err := sess.Cart.CreateCart(ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{
		{ProductID: "cast-iron-teapot", Quantity: decimal.NewFromInt(1)}}})
	if err != nil {
		log.Fatal(err)
	}
	address := storefront.CustomerAddress{FirstName: "Asha", LastName: new("Rao"), CountryCode: "+91", Phone: "9876543210",
		Email: "asha@example.com", AddressLine1: "12 MG Road", Pincode: "560001", City: "Bengaluru", State: "Karnataka", Country: "India"}
	if _, err := sess.Cart.CreateCartAddress(ctx, c.Cart.ID, storefront.BillAndShipTo(address, address)); err != nil {
		log.Fatal(err)
	}
	delivery := storefront.Deliver(storefront.DeliveryShipment{ID: storefronttest.ShipmentStore,
		ShippingProviderID: storefronttest.ShippingProvider, CourierCompanyID: new(storefronttest.CourierStandard)})
	if _, err := sess.Cart.UpdateFulfillmentPreference(ctx, c.Cart.ID, delivery); err != nil {
		log.Fatal(err)
	}
	card := storefront.PayByCard(storefront.JusPayNewCard{CardNumber: storefronttest.TestCardSuccess, CardExpMonth: "12",
		CardExpYear: "2099", NameOnCard: "Asha Rao", CardSecurityCode: "123", ReturnURL: "https://shop.example.com/return"})
	placed, err := sess.Orders.CreateOrder(ctx, storefront.CreateOrderBody{CartID: c.Cart.ID, PaymentMethod: card})
	if err != nil {
		log.Fatal(err)
	}
	n := placed.Order.GetOrderNumber()
	fmt.Println("order status:", placed.Order.GetStatus())

	if err := srv.ShipOrder(n); err != nil { // the store ships it
		log.Fatal(err)
	}
	shipments, err := sess.Orders.ListOrderShipments(ctx, n)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("shipment:", shipments.GetShipments()[0].GetStatus())
	paid, err := sess.Orders.GetPaymentStatus(ctx, n)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("payment:", paid.Status, paid.AmountPaid)
	for o, err := range sess.Orders.ListOrdersAll(ctx, nil) { // nil: the session's own orders
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("in the history:", o.GetOrderNumber() == n)
	}
	// Output:
	// order status: confirmed
	// shipment: shipped
	// payment: success 1899
	// in the history: true
}

// The customer's address book: an address saved, read back, corrected
// and sent again (what the server sets, such as its ID, is left out of
// the request by the SDK).
func ExampleCustomersService() {
	srv, sess, _ := newShopper()
	defer srv.Close()
	ctx := context.Background()

	// "" is the session's own customer, from its access token.
	saved, err := sess.Customers.CreateAddress(ctx, "", storefront.CustomerAddress{FirstName: "Asha", LastName: new("Rao"),
		CountryCode: "+91", Phone: "9876543210", Email: "asha@example.com", AddressLine1: "12 MG Road", Pincode: "560001",
		City: "Bengaluru", State: "Karnataka", Country: "India"})
	if err != nil {
		log.Fatal(err)
	}
	addr := *saved.Address
	addr.AddressLine1 = "14 MG Road"
	if _, err := sess.Customers.UpdateAddressDetail(ctx, "", addr.GetID(), addr); err != nil {
		log.Fatal(err)
	}
	for a, err := range sess.Customers.ListAddressesAll(ctx, "", nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.AddressLine1, a.City, "default for shipping:", a.GetIsDefaultShipping())
	}
	// Refunds go to an outbound bank account; a union body, built by its
	// constructor (InboundBankAccount for a virtual account).
	acct, err := sess.Customers.CreateBankAccount(ctx, "", storefront.OutboundBankAccount(storefront.CreateOutboundBankAccount{
		AccountName: "Asha Rao", AccountNumber: "50100012345678", IfscCode: "HDFC0000240", BankName: "HDFC Bank"}))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("refunds to:", acct.BankAccount.BankName, acct.BankAccount.AccountType)
	loyalty, err := sess.Customers.GetLoyaltyDetails(ctx, "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("loyalty points:", loyalty.Loyalty.GetPointsBalance())
	// Output:
	// 14 MG Road Bengaluru default for shipping: true
	// refunds to: HDFC Bank outbound
	// loyalty points: 0
}

// A subscription to a product's monthly plan, paused for a month.
func ExampleSubscriptionsService() {
	srv, sess, _ := newShopper()
	defer srv.Close()
	ctx := context.Background()
	// Physical goods are delivered to the customer's default address.
	if _, err := sess.Customers.CreateAddress(ctx, "", storefront.CustomerAddress{FirstName: "Asha",
		CountryCode: "+91", Phone: "9876543210", Email: "asha@example.com", AddressLine1: "12 MG Road", Pincode: "560001",
		City: "Bengaluru", State: "Karnataka", Country: "India"}); err != nil {
		log.Fatal(err)
	}
	tea, err := sess.Catalog.GetProductDetail(ctx, "darjeeling-first-flush", nil)
	if err != nil {
		log.Fatal(err)
	}
	plan := tea.Product.Subscription[0]
	sub := storefront.StandardSubscription(storefront.CreateStandardSubscription{PlanID: plan.ID},
		storefront.SubscriptionItemInput{ProductID: tea.Product.ID, VariantID: new("darjeeling-first-flush-100-g"), Quantity: decimal.NewFromInt(1)})
	created, err := sess.Subscriptions.CreateSubscription(ctx, sub)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(plan.SubscriptionPlan, plan.BillingFrequency, created.Subscription.Status)

	pause := storefront.PauseSubscriptionUntil(srv.Now().AddDate(0, 1, 0))
	paused, err := sess.Subscriptions.UpdateSubscription(ctx, created.Subscription.ID, pause)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("now:", paused.Subscription.Status)
	// Output:
	// Monthly tin monthly active
	// now: paused
}

// The wishlist: adding a product twice keeps it once.
func ExampleWishlistService() {
	srv, sess, _ := newShopper()
	defer srv.Close()
	ctx := context.Background()
	for range 2 { // "": the session's own user
		if _, err := sess.Wishlist.AddToWishlist(ctx, "", storefront.AddToWishlistBody{ProductID: "cast-iron-teapot"}); err != nil {
			log.Fatal(err)
		}
	}
	w, err := sess.Wishlist.GetWishlist(ctx, "", nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range w.Products {
		fmt.Println(p.ProductName)
	}
	// Output:
	// Cast Iron Teapot
}

// Payment helpers: the store's payment methods, a bank branch by its IFSC,
// a UPI address checked.
func ExamplePaymentsService() {
	srv, sess, _ := newShopper()
	defer srv.Close()
	ctx := context.Background()
	methods, err := sess.Payments.ListPaymentMethods(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("payment methods:", len(methods.GetPaymentMethods()))
	branch, err := sess.Payments.GetIfscLookup(ctx, "HDFC0000240")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(branch.Ifsc.Bank, branch.Ifsc.Branch)
	vpa, err := sess.Payments.VerifyVpa(ctx, &storefront.VerifyVpaParams{Vpa: new("asha@okhdfcbank")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("UPI address:", vpa.Status)
	// Output:
	// payment methods: 3
	// HDFC Bank Indiranagar
	// UPI address: valid
}
