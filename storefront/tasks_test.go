package storefront_test

import (
	"encoding/json"
	"fmt"
	"go/format"
	"go/scanner"
	"go/token"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// taskGoals are the line budgets of the four tasks of example_tasks_test.go:
// the TypeScript SDK's lines for the same task, plus a little (issue 17).
var taskGoals = map[string]int{"list products": 4, "add to cart": 6, "login with password": 4, "checkout": 20}

var taskMarker = regexp.MustCompile(`^\s*// BEGIN (.+?)\s*$`)

// taskLines counts the non-blank, non-comment lines of each task between
// "// BEGIN name" and "// END" of a gofmt'd Go source, and lists what a
// task must not hold: a JSON literal, json.Unmarshal, json.RawMessage or
// a decimal constructor.
func taskLines(src []byte) (lines map[string]int, forbidden map[string][]string, err error) {
	formatted, err := format.Source(src)
	if err != nil {
		return nil, nil, err
	}
	if string(formatted) != string(src) {
		return nil, nil, fmt.Errorf("the source is not gofmt'd")
	}
	lines, forbidden = map[string]int{}, map[string][]string{}
	var task string
	var body []string
	for i, l := range strings.Split(string(src), "\n") {
		if m := taskMarker.FindStringSubmatch(l); m != nil {
			if task != "" {
				return nil, nil, fmt.Errorf("line %d: %q begins inside %q", i+1, m[1], task)
			}
			task, body = m[1], nil
			continue
		}
		if strings.TrimSpace(l) == "// END" {
			if task == "" {
				return nil, nil, fmt.Errorf("line %d: END without BEGIN", i+1)
			}
			for _, b := range body {
				if t := strings.TrimSpace(b); t != "" && !strings.HasPrefix(t, "//") {
					lines[task]++
				}
			}
			forbidden[task] = forbiddenIn(strings.Join(body, "\n"))
			task = ""
			continue
		}
		if task != "" {
			body = append(body, l)
		}
	}
	if task != "" {
		return nil, nil, fmt.Errorf("%q has no END", task)
	}
	return lines, forbidden, nil
}

// forbiddenIn lists the constructs of code that a task must not use.
func forbiddenIn(code string) []string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	src := []byte(code)
	s.Init(fset.AddFile("task", -1, len(src)), src, nil, 0)
	var out []string
	var prev []string // the identifiers and dots just before
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		switch tok {
		case token.STRING:
			if v, err := strconv.Unquote(lit); err == nil {
				t := strings.TrimSpace(v)
				if (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && strings.Contains(t, `"`) {
					out = append(out, "JSON literal "+lit)
				}
			}
		case token.IDENT:
			if len(prev) == 2 && prev[1] == "." {
				switch {
				case prev[0] == "json" && lit == "Unmarshal":
					out = append(out, "json.Unmarshal")
				case prev[0] == "decimal":
					out = append(out, "decimal."+lit)
				}
			}
			if lit == "RawMessage" {
				out = append(out, "RawMessage")
			}
		}
		switch tok {
		case token.IDENT:
			prev = []string{lit}
		case token.PERIOD:
			prev = append(prev, ".")
		default:
			prev = nil
		}
	}
}

// TestTaskLineCounts keeps the four tasks of example_tasks_test.go within
// their line budgets, free of hand-written JSON and decimal constructors.
func TestTaskLineCounts(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("example_tasks_test.go")
	require.NoError(t, err)
	lines, forbidden, err := taskLines(src)
	require.NoError(t, err)
	for task, goal := range taskGoals {
		n, ok := lines[task]
		require.True(t, ok, "example_tasks_test.go has no task %q", task)
		assert.LessOrEqual(t, n, goal, "%s: %d lines, the goal is %d", task, n, goal)
		assert.Empty(t, forbidden[task], "%s uses what a task must not", task)
		t.Logf("%-20s %2d lines (goal %d)", task, n, goal)
	}
	assert.Len(t, lines, len(taskGoals), "a task without a goal")
}

// The counter itself: it counts code lines only and finds each forbidden
// construct.
func TestTaskLinesCountsAndForbids(t *testing.T) {
	t.Parallel()
	src := []byte("package p\n\nimport (\n\t\"encoding/json\"\n\n\t\"github.com/commercengine-go/sdk/decimal\"\n)\n\nfunc f() {\n" +
		"\t// BEGIN a\n\tx := 1\n\n\t// a comment\n\t_ = x\n\t// END\n" +
		"\t// BEGIN b\n\tvar v json.RawMessage\n\t_ = json.Unmarshal([]byte(`{\"a\": 1}`), &v)\n\t_ = decimal.NewFromInt(1)\n\t_ = \"[1, 2]\"\n\t_ = `{ \"b\": 2 }`\n\t// END\n}\n")
	lines, forbidden, err := taskLines(src)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"a": 2, "b": 5}, lines)
	assert.Empty(t, forbidden["a"])
	assert.ElementsMatch(t, []string{"RawMessage", "json.Unmarshal", "JSON literal `{\"a\": 1}`", "decimal.NewFromInt", "JSON literal `{ \"b\": 2 }`"}, forbidden["b"])

	_, _, err = taskLines([]byte("package p\nfunc f() {\n  x := 1\n _ = x\n}\n"))
	assert.ErrorContains(t, err, "gofmt")
	_, _, err = taskLines([]byte("package p\n\nfunc f() {\n\t// BEGIN a\n}\n"))
	assert.ErrorContains(t, err, "no END")
}

// checkoutVariant runs the checkout of Example_taskCheckout through the
// strict validating transport (which fails the test on any exchange the
// spec forbids, a union matching no branch or two included), with a
// fulfillment preference and a payment method of its own.
func checkoutVariant(t *testing.T, pref storefront.FulfillmentPreference, pay *storefront.PaymentMethodPayload) (*storyEnv, *storefront.Session, *storefront.CreateOrderContent, *storefront.Cart) {
	t.Helper()
	e := newStoryEnv(t)
	_, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", LastName: "Rao", Email: "asha@example.com",
		Phone: "9876543210", Password: "correct-horse", EmailVerified: true, PhoneVerified: true})
	require.NoError(t, err)
	sess := e.client.NewSession(storefront.NewMemoryStore())
	_, err = sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	_, err = sess.Cart.Add(e.ctx, "cast-iron-teapot", 1)
	require.NoError(t, err)

	cart, err := sess.Cart.Current(e.ctx)
	require.NoError(t, err)
	home := storefront.CustomerAddress{FirstName: "Asha", LastName: new("Rao"), CountryCode: "+91", Phone: "9876543210",
		Email: "asha@example.com", AddressLine1: "12 MG Road", Pincode: "560001", City: "Bengaluru", State: "Karnataka", Country: "India"}
	_, err = sess.Cart.CreateCartAddress(e.ctx, cart.ID, storefront.BillAndShipTo(home, home))
	require.NoError(t, err)
	ready, err := sess.Cart.UpdateFulfillmentPreference(e.ctx, cart.ID, pref)
	require.NoError(t, err)
	placed, err := sess.Orders.CreateOrder(e.ctx, storefront.CreateOrderBody{CartID: cart.ID, PaymentMethod: pay})
	require.NoError(t, err)
	return e, sess, placed, ready.Cart
}

// orderPayment is the JSON of the order's only payment.
func orderPayment(t *testing.T, e *storyEnv, sess *storefront.Session, number string) map[string]any {
	t.Helper()
	res, err := sess.Orders.ListOrderPayments(e.ctx, number)
	require.NoError(t, err)
	require.NotNil(t, res.Payments)
	require.Len(t, *res.Payments, 1)
	raw, err := json.Marshal((*res.Payments)[0])
	require.NoError(t, err)
	var p map[string]any
	require.NoError(t, json.Unmarshal(raw, &p))
	return p
}

func jsonOf(t *testing.T, v any) map[string]any {
	t.Helper()
	raw, err := json.Marshal(v)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(raw, &m))
	return m
}

const taskReturnURL = "https://shop.example.com/return"

var expressDelivery = storefront.Deliver(storefront.DeliveryShipment{ID: storefronttest.ShipmentStore,
	ShippingProviderID: storefronttest.ShippingProvider, CourierCompanyID: new(storefronttest.CourierExpress)})

func TestCheckoutByCard(t *testing.T) {
	t.Parallel()
	e, sess, placed, cart := checkoutVariant(t, expressDelivery, storefront.PayByCard(storefront.JusPayNewCard{
		CardNumber: storefronttest.TestCardSuccess, CardExpMonth: "12", CardExpYear: "2099", NameOnCard: "Asha Rao",
		CardSecurityCode: "123", ReturnURL: taskReturnURL}))
	pref := jsonOf(t, cart.FulfillmentPreference)
	assert.Equal(t, "delivery", pref["fulfillment_type"])
	assert.Equal(t, storefronttest.CourierExpress, pref["shipments"].([]any)[0].(map[string]any)["courier_company_id"], "the courier chosen")
	assert.Equal(t, "confirmed", string(*placed.Order.Status), "a card is charged at once")
	p := orderPayment(t, e, sess, *placed.Order.OrderNumber)
	assert.Equal(t, "success", p["payment_status"])
	assert.Equal(t, "CARD", p["payment_method"], "paid by card: %v", p)
	assert.Equal(t, "XXXX XXXX XXXX 1111", p["card_number"], "the new card's, masked")
	info := jsonOf(t, placed.PaymentInfo)
	assert.Contains(t, info, "txn_id", "express checkout's answer: %v", info)
}

func TestCheckoutByUPI(t *testing.T) {
	t.Parallel()
	e, sess, placed, _ := checkoutVariant(t, expressDelivery, storefront.PayByUPI(storefront.JuspayUpiCollect{
		UpiVpa: "asha@okhdfcbank", ReturnURL: taskReturnURL}))
	assert.NotEqual(t, "confirmed", string(*placed.Order.Status), "a UPI collect waits for the shopper's app")
	p := orderPayment(t, e, sess, *placed.Order.OrderNumber)
	assert.Equal(t, "pending", p["payment_status"])
	assert.Equal(t, "UPI", p["payment_method"], "a UPI payment: %v", p)
	assert.Equal(t, "a***@okhdfcbank", p["upi_id"], "collected from the address given, masked")
	require.NoError(t, e.srv.CompletePayment(*placed.Order.OrderNumber, true))
	p = orderPayment(t, e, sess, *placed.Order.OrderNumber)
	assert.Equal(t, "success", p["payment_status"])
}

func TestCheckoutCollectInStore(t *testing.T) {
	t.Parallel()
	e, sess, placed, cart := checkoutVariant(t, storefront.CollectFromStore(storefronttest.PickupMGRoad), storefront.PayByCard(storefront.JusPayNewCard{
		CardNumber: storefronttest.TestCardSuccess, CardExpMonth: "12", CardExpYear: "2099", NameOnCard: "Asha Rao",
		CardSecurityCode: "123", ReturnURL: taskReturnURL}))
	collect, err := cart.FulfillmentPreference.AsCollectInStoreFulfillment()
	require.NoError(t, err)
	assert.Equal(t, "collect-in-store", string(collect.FulfillmentType))
	assert.Equal(t, storefronttest.PickupMGRoad, collect.PickupLocationID)
	require.NotNil(t, cart.ShippingAmountIncludingTax)
	assert.True(t, cart.ShippingAmountIncludingTax.IsZero(), "nothing to deliver: no delivery charge")
	assert.Equal(t, "confirmed", string(*placed.Order.Status))
	_ = orderPayment(t, e, sess, *placed.Order.OrderNumber)
}
