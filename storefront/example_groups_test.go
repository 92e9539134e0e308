package storefront_test

import (
	"context"
	"fmt"
	"log"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Browsing the catalog as a shopper: categories, a category's products
// page by page with the iterator, a search with a filter, and one product
// at a customer group's prices.
func ExampleCatalogService() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	sess := client.NewSession(storefront.NewMemoryStore()) // an anonymous visitor, created on first use

	cats, err := sess.Catalog.ListCategories(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("top categories:", len(cats.Categories))

	// Every product of a category and below it, fetched 5 at a time as
	// the loop asks, cheapest first.
	params := &storefront.ListProductsParams{
		CategorySlug: &[]string{"apparel"},
		Limit:        new(5),
		SortBy:       storefront.SortOrder(storefront.Asc("pricing.selling_price")),
	}
	n := 0
	for p, err := range sess.Catalog.ListProductsAll(ctx, params) {
		if err != nil {
			log.Fatal(err)
		}
		if n == 0 {
			fmt.Println("cheapest in apparel:", p.Name, p.Pricing.SellingPrice)
		}
		n++
	}
	fmt.Println("products in apparel:", n)

	// A search, narrowed by a filter expression.
	found, err := sess.Catalog.SearchProducts(ctx, nil, storefront.SearchProduct{
		Query: "shirt", Filter: storefront.Filter("pricing.selling_price < 700"), Page: 1, Limit: 10})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("shirts under 700:", found.Pagination.TotalRecords)

	// A product by its slug, at retail (the default group's) and at
	// wholesale prices.
	retail, err := sess.Catalog.GetProductDetail(ctx, "braided-usb-c-cable", nil)
	if err != nil {
		log.Fatal(err)
	}
	wholesale, err := sess.Catalog.GetProductDetail(ctx, "braided-usb-c-cable", &storefront.GetProductDetailParams{
		XCustomerGroupID: new(storefronttest.SeededGroupWholesale)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(retail.Product.Name, "retail", retail.Product.Pricing.SellingPrice, "wholesale", wholesale.Product.Pricing.SellingPrice)
	// Output:
	// top categories: 6
	// cheapest in apparel: Tea Lover Graphic Tee 699
	// products in apparel: 3
	// shirts under 700: 3
	// Braided USB-C Cable (1 m) retail 349 wholesale 279
}

// A back end reads the catalog and the store's configuration with the API
// key alone, without a shopper's session: no anonymous session is created.
func ExamplePublic() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}

	cfg, err := client.Public.Store.GetConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("currency:", cfg.StoreConfig.Currency.Code)

	page, err := client.Public.Catalog.ListProducts(ctx, &storefront.ListProductsParams{Limit: new(3)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("products on the first page:", len(page.Products))
	fmt.Println("anonymous sessions created:", srv.Calls(storefronttest.OpGetAnonymousToken))
	// Output:
	// currency: INR
	// products on the first page: 3
	// anonymous sessions created: 0
}

// Countries, their states and postal codes, for an address form.
func ExampleCommonService() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	countries, err := client.Public.Common.ListCountries(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("countries:", len(countries.GetCountries()))
	states, err := client.Public.Common.ListCountryStates(ctx, "IN")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Indian states and territories:", len(states.GetStates()))
	pins, err := client.Public.Common.ListCountryPincodes(ctx, "IN", &storefront.ListCountryPincodesParams{Pincode: new("5600"), Limit: new(3)})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range pins.GetPincodes() {
		fmt.Println(p.GetPincode(), p.GetCity())
	}
	// Output:
	// countries: 4
	// Indian states and territories: 36
	// 560001 Bengaluru
	// 560002 Bengaluru
	// 560003 Bengaluru
}

// Whether items can be delivered to a postal code, before a cart exists.
func ExampleFulfillmentService() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	page, err := client.Public.Catalog.ListProducts(ctx, &storefront.ListProductsParams{Limit: new(1), ProductType: new("physical")})
	if err != nil {
		log.Fatal(err)
	}
	res, err := client.Fulfillment.CheckFulfillment(ctx, storefront.CheckItemsFulfillment(storefront.ItemsBasedFulfillmentCheck{
		DeliveryPincode: new("560001"),
		Items:           []storefront.FulfillmentCheckItem{{ProductID: page.Products[0].ID}},
	}))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("deliverable to 560001:", res.IsServiceable)
	// Output:
	// deliverable to 560001: true
}

// Recording a shopper's analytics event and subscribing them to the
// newsletter.
func ExampleAnalyticsService() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	sess := client.NewSession(storefront.NewMemoryStore())
	claims, err := sess.EnsureClaims(ctx) // the visitor's ID, from their token
	if err != nil {
		log.Fatal(err)
	}
	now := srv.Now()
	err = sess.Analytics.TrackAnalyticsEvent(ctx, storefront.AnalyticsEvent{
		Event: "Product Viewed", Type: "track", Channel: "website", UserID: claims.UserID,
		Context:    storefront.AnalyticsEventContext{IP: "203.0.113.7", UserAgent: "Mozilla/5.0"},
		Properties: map[string]any{"product_id": "braided-usb-c-cable"},
		MessageID:  "msg-0001", Timestamp: now, SentAt: now,
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := sess.Campaigns.SubscribeNewsletter(ctx, storefront.SubscribeNewsletterBody{Email: "asha@example.com"}); err != nil {
		log.Fatal(err)
	}
	fmt.Println("events:", len(srv.AnalyticsEvents()), "subscribers:", srv.NewsletterSubscribers())
	// Output:
	// events: 1 subscribers: [asha@example.com]
}
