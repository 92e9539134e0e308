package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
)

const cartUsage = `Usage: storefront cart <operation> [flags]

Operations (each takes --help):
  show     show the cart with its totals                 (get-user-cart)
  add      add units of a product to the cart            (get-user-cart, then create-cart or update-cart)
  remove   take a product out of the cart                (get-user-cart, then update-cart)
  coupon   apply a coupon code, or remove it (--remove)  (apply-coupon, remove-coupon)

The cart is the one of the session kept by "storefront auth" (a new
anonymous session when there is none yet); --session FILE picks the file.
`

const ordersUsage = `Usage: storefront orders <operation> [flags]

Operations (each takes --help):
  list     list the shopper's orders, newest first       (list-orders)
  show     show an order                                 (get-order-detail)
  cancel   cancel an order that has not shipped          (cancel-order)

The orders are those of the session kept by "storefront auth"; --session
FILE picks the file.
`

// cartCmds are the cart operations.
var cartCmds = map[string]authCmd{
	"show": {"cart show [--json]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		return func(ctx context.Context, a *authRun) error {
			ct, err := a.sess.Cart.Current(ctx)
			if err != nil {
				return a.fail("get-user-cart", err)
			}
			a.printCart("get-user-cart", ct) // no cart yet: an empty one, not a failure
			return nil
		}
	}},
	"add": {"cart add PRODUCT [--variant VARIANT] [--quantity N]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		product := fs.String("product", "", "the product: its ID or slug (or give it as the first argument)")
		variant := fs.String("variant", "", "variant ID or slug, for a product with variants")
		qty := fs.Int("quantity", 1, "units to add")
		return func(ctx context.Context, a *authRun) error {
			if *product == "" {
				return usagef("a product ID or slug is required")
			}
			if *qty < 1 {
				return usagef("--quantity must be at least 1")
			}
			ct, err := a.sess.Cart.Add(ctx, *product, *qty, storefront.WithVariant(*variant))
			if err != nil {
				return a.fail("cart add", err)
			}
			a.printCart("cart add", ct)
			return nil
		}
	}},
	"remove": {"cart remove PRODUCT [--variant VARIANT]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		product := fs.String("product", "", "the product: its ID or slug (or give it as the first argument)")
		variant := fs.String("variant", "", "variant ID or slug, for a product with variants")
		return func(ctx context.Context, a *authRun) error {
			if *product == "" {
				return usagef("a product ID or slug is required")
			}
			ct, err := a.sess.Cart.Remove(ctx, *product, storefront.WithVariant(*variant))
			if err != nil {
				return a.fail("cart remove", err)
			}
			a.printCart("cart remove", ct)
			return nil
		}
	}},
	"coupon": {"cart coupon (CODE | --remove)", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		code := fs.String("code", "", "the coupon code to apply (or give it as the first argument)")
		remove := fs.Bool("remove", false, "remove the cart's coupon")
		return func(ctx context.Context, a *authRun) error {
			if (*code == "") == !*remove {
				return usagef("give a coupon code or --remove")
			}
			ct, err := a.sess.Cart.Current(ctx)
			if err != nil {
				return a.fail("get-user-cart", err)
			}
			if ct == nil {
				return a.fail("get-user-cart", errors.New("the shopper has no cart: add a product first (storefront cart add)"))
			}
			if *remove {
				res, err := a.sess.Cart.RemoveCoupon(ctx, ct.ID)
				if err != nil {
					return a.fail("remove-coupon", err)
				}
				a.printCart("remove-coupon", &res.Cart)
				return nil
			}
			res, err := a.sess.Cart.ApplyCoupon(ctx, ct.ID, storefront.ApplyCouponBody{CouponCode: *code})
			if err != nil {
				return a.fail("apply-coupon", err)
			}
			a.printCart("apply-coupon", &res.Cart)
			return nil
		}
	}},
}

// ordersCmds are the orders operations.
var ordersCmds = map[string]authCmd{
	"list": {"orders list [--status S[,S…]] [--page N] [--limit N]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		status := fs.String("status", "", "only orders in these statuses, separated by commas (confirmed, shipped, complete, cancelled …)")
		page := fs.Int("page", 1, "the page")
		limit := fs.Int("limit", 10, "orders per page")
		return func(ctx context.Context, a *authRun) error {
			claims, err := a.sess.EnsureClaims(ctx)
			if err != nil {
				return a.fail("list-orders", err)
			}
			p := &storefront.ListOrdersParams{UserID: claims.UserID, Page: page, Limit: limit}
			if *status != "" {
				p.Status = &[]string{*status}
			}
			res, err := a.sess.Orders.ListOrders(ctx, p)
			if err != nil {
				return a.fail("list-orders", err)
			}
			var orders []storefront.OrderList
			if res.Orders != nil {
				orders = *res.Orders
			}
			if a.o.json {
				a.out.emit("", map[string]any{"operation": "list-orders", "ok": true, "orders": orders, "pagination": res.Pagination})
				return nil
			}
			var b strings.Builder
			total := 0
			if res.Pagination != nil {
				total = res.Pagination.TotalRecords
			}
			fmt.Fprintf(&b, "list-orders: ok  %d of %d orders", len(orders), total)
			for _, o := range orders {
				fmt.Fprintf(&b, "\n  %-12s %-10s %-8s %3s items  %10s  %s", deref(o.OrderNumber), orDash(str(o.Status)),
					orDash(str(o.PaymentStatus)), decStr(o.OrderItemsCount), rupees(o.GrandTotal), dateOf(o.OrderDate))
			}
			a.out.emit(b.String(), nil)
			return nil
		}
	}},
	"show": {"orders show NUMBER", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		number := fs.String("order", "", "the order number (or give it as the first argument)")
		return func(ctx context.Context, a *authRun) error {
			if *number == "" {
				return usagef("an order number is required")
			}
			res, err := a.sess.Orders.GetOrderDetail(ctx, *number)
			if err != nil {
				return a.fail("get-order-detail", err)
			}
			a.printOrder("get-order-detail", res.Order)
			return nil
		}
	}},
	"cancel": {"orders cancel NUMBER --reason TEXT [--refund-mode MODE] [--bank-account-id ID]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		number := fs.String("order", "", "the order number (or give it as the first argument)")
		reason := fs.String("reason", "", "why the order is cancelled (required)")
		mode := fs.String("refund-mode", "original-payment-mode", "original-payment-mode or bank-transfer")
		account := fs.String("bank-account-id", "", "the bank account to refund to, with --refund-mode bank-transfer")
		return func(ctx context.Context, a *authRun) error {
			switch {
			case *number == "":
				return usagef("an order number is required")
			case *reason == "":
				return usagef("--reason is required")
			case *mode != "original-payment-mode" && *mode != "bank-transfer":
				return usagef("--refund-mode must be original-payment-mode or bank-transfer")
			}
			body := storefront.CancelOrderBody{CancellationReason: *reason, RefundMode: storefront.CancelOrderBodyRefundMode(*mode)}
			if *account != "" {
				body.BankAccountID = account
			}
			res, err := a.sess.Orders.CancelOrder(ctx, *number, body)
			if err != nil {
				return a.fail("cancel-order", err)
			}
			if res.Order == nil {
				a.out.emit("cancel-order: ok  "+*number, map[string]any{"operation": "cancel-order", "ok": true})
				return nil
			}
			a.printOrder("cancel-order", *res.Order)
			return nil
		}
	}},
}

func (c *cli) cart(ctx context.Context, args []string) error {
	return c.group(ctx, "cart", cartUsage, cartCmds, args)
}

func (c *cli) orders(ctx context.Context, args []string) error {
	return c.group(ctx, "orders", ordersUsage, ordersCmds, args)
}

// group dispatches the operations of a command on the session file.
func (c *cli) group(ctx context.Context, name, usage string, cmds map[string]authCmd, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, usage)
		return usagef("an operation is required")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
		fmt.Fprint(c.stdout, usage)
		return flag.ErrHelp
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		return usagef("unknown operation %q", args[0])
	}
	return c.sessionCommand(ctx, name+" "+args[0], cmd, args[1:])
}

// printCart prints a cart: a line per item and the totals, or the cart as
// JSON with --json; a nil cart is the shopper's none.
func (a *authRun) printCart(op string, ct *storefront.Cart) {
	if ct == nil {
		a.printNoCart(op)
		return
	}
	if a.o.json {
		a.out.emit("", map[string]any{"operation": op, "ok": true, "cart": ct})
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: ok  cart %s, %s items, %s", op, ct.ID, ct.CartItemsCount, ct.Status)
	if ct.StatusErrorMessage != nil {
		fmt.Fprintf(&b, " (%s)", *ct.StatusErrorMessage)
	}
	for _, it := range ct.CartItems {
		name := it.ProductName
		if it.VariantName != nil {
			name += " (" + *it.VariantName + ")"
		}
		line := it.SellingPrice.Mul(it.Quantity).Sub(it.PromotionDiscountAmount).Sub(it.CouponDiscountAmount)
		fmt.Fprintf(&b, "\n  %3s × %-48s %10s", it.Quantity, name, rupees(&line))
	}
	if ct.CouponCode != nil {
		fmt.Fprintf(&b, "\n  coupon %s: −%s", *ct.CouponCode, rupees(&ct.CouponDiscountAmount))
	}
	shipping := "not chosen"
	if ct.ShippingAmountIncludingTax != nil {
		shipping = rupees(ct.ShippingAmountIncludingTax)
	}
	fmt.Fprintf(&b, "\n  items %s (tax %s), delivery %s, total %s, to pay %s", rupees(&ct.SubtotalIncludingTax), rupees(&ct.ItemsTaxAmount),
		shipping, rupees(&ct.GrandTotal), rupees(&ct.ToBePaid))
	a.out.emit(b.String(), nil)
}

// printNoCart prints the cart of a shopper who has none yet: empty.
func (a *authRun) printNoCart(op string) {
	if a.o.json {
		a.out.emit("", map[string]any{"operation": op, "ok": true, "cart": nil, "items": 0})
		return
	}
	a.out.emit(op+": ok  no cart yet: it is empty (cart add PRODUCT creates it)", nil)
}

// printOrder prints an order: its status, items and totals.
func (a *authRun) printOrder(op string, o storefront.OrderDetail) {
	if a.o.json {
		a.out.emit("", map[string]any{"operation": op, "ok": true, "order": o})
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: ok  order %s, %s, payment %s, placed %s", op, deref(o.OrderNumber), orDash(str(o.Status)),
		orDash(str(o.PaymentStatus)), dateOf(o.OrderDate))
	if o.OrderItems != nil {
		for _, it := range *o.OrderItems {
			name := it.ProductName
			if it.VariantName != nil {
				name += " (" + *it.VariantName + ")"
			}
			fmt.Fprintf(&b, "\n  %3s × %-48s %10s", it.Quantity, name, rupees(&it.SellingPrice))
		}
	}
	fmt.Fprintf(&b, "\n  total %s (tax %s), to pay %s", rupees(o.GrandTotal), rupees(o.TotalTax), rupees(o.ToBePaid))
	if o.CancellationRefundDetails != nil && o.CancellationRefundDetails.RefundableAmount != nil {
		fmt.Fprintf(&b, ", refund %s", rupees(o.CancellationRefundDetails.RefundableAmount))
	}
	a.out.emit(b.String(), nil)
}

func rupees(d *decimal.Decimal) string {
	if d == nil {
		return "-"
	}
	return "₹" + d.StringFixed(2)
}

func decStr(d *decimal.Decimal) string {
	if d == nil {
		return "-"
	}
	return d.String()
}

// str reads an optional string-like field, "" when absent.
func str[T ~string](p *T) string {
	if p == nil {
		return ""
	}
	return string(*p)
}

// dateOf is a time as a date, "-" when absent.
func dateOf(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Local().Format(time.DateOnly)
}
