package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// demoShop is the demo's shopping: filling the cart as a visitor, finding
// it kept after the login, and checking out.
type demoShop struct {
	fill     []demoStep
	kept     demoStep
	checkout []demoStep
}

// shopSteps are the cart and checkout steps of the demo on the embedded
// fake server, whose seeded catalog, coupons and test card they use.
func shopSteps(sess *storefront.Session) demoShop {
	var cartID, orderNumber string
	address := storefront.CustomerAddress{FirstName: "Asha", LastName: new("Rao"), CountryCode: "+91", Phone: "9876543210",
		Email: "asha@example.com", AddressLine1: "12 Residency Road", Pincode: "560001", City: "Bengaluru", State: "Karnataka",
		Country: "India", Nickname: new("Home")}
	variant := "darjeeling-first-flush-100-g"
	mug := "classic-ceramic-mug-terracotta"
	return demoShop{
		fill: []demoStep{
			{"cart: two products", "create-cart, update-cart", func(ctx context.Context) (string, error) {
				c, err := sess.Cart.CreateCart(ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{
					{ProductID: "darjeeling-first-flush", VariantID: &variant, Quantity: decimal.NewFromInt(1)}}})
				if err != nil {
					return "", err
				}
				cartID = c.Cart.ID
				u, err := sess.Cart.UpdateCart(ctx, cartID, storefront.UpdateCartItem{ProductID: "classic-ceramic-mug", VariantID: &mug, Quantity: decimal.NewFromInt(1)})
				if err != nil {
					return "", err
				}
				return fmt.Sprintf("%s items, %s", u.Cart.CartItemsCount, rupees(&u.Cart.SubtotalIncludingTax)), nil
			}},
			{"cart: coupon WELCOME10", "apply-coupon", func(ctx context.Context) (string, error) {
				c, err := sess.Cart.ApplyCoupon(ctx, cartID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
				if err != nil {
					return "", err
				}
				return "−" + rupees(&c.Cart.CouponDiscountAmount), nil
			}},
		},
		kept: demoStep{"cart kept after login", "get-user-cart", func(ctx context.Context) (string, error) {
			claims, err := sess.EnsureClaims(ctx)
			if err != nil {
				return "", err
			}
			c, err := sess.Cart.GetUserCart(ctx, claims.UserID)
			if err != nil {
				return "", err
			}
			if c.Cart.ID != cartID {
				return "", errors.New("the cart was not kept")
			}
			return fmt.Sprintf("%s items, coupon %s", c.Cart.CartItemsCount, deref(c.Cart.CouponCode)), nil
		}},
		checkout: []demoStep{
			{"address and delivery", "create-cart-address, update-fulfillment-preference", func(ctx context.Context) (string, error) {
				if _, err := sess.Cart.CreateCartAddress(ctx, cartID, storefront.BillAndShipTo(address, address)); err != nil {
					return "", err
				}
				c, err := sess.Cart.UpdateFulfillmentPreference(ctx, cartID, storefront.Deliver(storefront.DeliveryShipment{
					ID: storefronttest.ShipmentStore, ShippingProviderID: storefronttest.ShippingProvider, CourierCompanyID: new(storefronttest.CourierExpress)}))
				if err != nil {
					return "", err
				}
				return fmt.Sprintf("express delivery %s, total %s", rupees(c.Cart.ShippingAmountIncludingTax), rupees(&c.Cart.GrandTotal)), nil
			}},
			{"pay (test card)", "create-order", func(ctx context.Context) (string, error) {
				card := storefront.PayByCard(storefront.JusPayNewCard{CardNumber: storefronttest.TestCardSuccess, CardExpMonth: "12",
					CardExpYear: "2099", NameOnCard: "Asha Rao", CardSecurityCode: "123", ReturnURL: "https://example.com/return"})
				res, err := sess.Orders.CreateOrder(ctx, storefront.CreateOrderBody{CartID: cartID, PaymentMethod: card})
				if err != nil {
					return "", err
				}
				orderNumber = deref(res.Order.OrderNumber)
				return fmt.Sprintf("order %s %s, paid %s", orderNumber, str(res.Order.Status), rupees(res.Order.ToBePaid)), nil
			}},
			{"order history", "list-orders", func(ctx context.Context) (string, error) {
				claims, err := sess.EnsureClaims(ctx)
				if err != nil {
					return "", err
				}
				res, err := sess.Orders.ListOrders(ctx, &storefront.ListOrdersParams{UserID: claims.UserID})
				if err != nil {
					return "", err
				}
				if res.Orders == nil || len(*res.Orders) != 1 || deref((*res.Orders)[0].OrderNumber) != orderNumber {
					return "", errors.New("the order is not in the history")
				}
				return fmt.Sprintf("1 order: %s, %s", orderNumber, str((*res.Orders)[0].Status)), nil
			}},
			{"order and shipments", "get-order-detail, list-order-shipments", func(ctx context.Context) (string, error) {
				d, err := sess.Orders.GetOrderDetail(ctx, orderNumber)
				if err != nil {
					return "", err
				}
				sh, err := sess.Orders.ListOrderShipments(ctx, orderNumber)
				if err != nil {
					return "", err
				}
				n := 0
				if sh.Shipments != nil {
					n = len(*sh.Shipments)
				}
				items := 0
				if d.Order.OrderItems != nil {
					items = len(*d.Order.OrderItems)
				}
				return fmt.Sprintf("%d items, %d shipment(s)", items, n), nil
			}},
			{"address book", "list-addresses", func(ctx context.Context) (string, error) {
				claims, err := sess.EnsureClaims(ctx)
				if err != nil {
					return "", err
				}
				res, err := sess.Customers.ListAddresses(ctx, claims.CustomerID, nil)
				if err != nil {
					return "", err
				}
				if res.Addresses == nil || len(*res.Addresses) == 0 {
					return "", errors.New("the checkout's address was not saved")
				}
				a := (*res.Addresses)[0]
				return fmt.Sprintf("%d saved: %s, %s", len(*res.Addresses), a.AddressLine1, a.City), nil
			}},
		},
	}
}
