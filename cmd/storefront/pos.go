package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

const posUsage = `Usage: storefront pos <operation> [flags]

A point-of-sale terminal. Its staff session is kept in a file of its own
(--session FILE; by default pos-session.json beside the shopper's session).

Operations (each takes --help):
  demo            a counter's sale on an embedded fake server: pair, staff login, claim,
                  a walk-in customer's cart, coupon, card payment, release, logout
  pair CODE       pair this terminal with the store's pairing code      (pair-pos-device)
  login           send a staff member a login code at a location        (login-pos-device-with-phone|email|whatsapp)
  verify          complete the login with the code                      (verify-pos-login-otp)
  whoami          the staff session, from its token (no request)
  locations       the store's locations                                 (list-pos-locations)
  devices         the location's devices and who holds them             (list-pos-devices)
  claim DEVICE    take a device for this staff member                   (claim-pos-device)
  unclaim DEVICE  release it                                            (unclaim-pos-device)
  sale            ring up a sale: a cart, its customer, a coupon, the order
                                                                        (pos-create-cart … create-pos-order)
  payment NUMBER  an order's payment status                             (pos-get-payment-status)
  logout          end the staff session                                 (logout-from-pos-device)
`

// posCmd is a pos operation: its synopsis, and its flags, which return the
// function that runs it once they are parsed.
type posCmd struct {
	synopsis string
	flags    func(fs *flag.FlagSet) func(ctx context.Context, r *posRun) error
}

// posRun is one pos operation on the terminal's session file.
type posRun struct {
	c       *cli
	o       common
	pos     *storefront.POSSession
	session string // the session file
	out     printer
}

var posCmds = map[string]posCmd{
	"pair": {"pos pair CODE", func(fs *flag.FlagSet) func(context.Context, *posRun) error {
		code := fs.String("code", "", "the pairing code the store sent (or give it as the first argument)")
		return func(ctx context.Context, r *posRun) error {
			if *code == "" {
				return usagef("a pairing code is required")
			}
			d, err := r.pos.Auth.PairDevice(ctx, *code)
			if err != nil {
				return r.fail("pair-pos-device", err)
			}
			r.out.emit(fmt.Sprintf("pair-pos-device: ok  %s (%s), %s", d.Name, d.ID, d.LocationName),
				map[string]any{"operation": "pair-pos-device", "ok": true, "device": d})
			return nil
		}
	}},
	"login": {"pos login --location ID (--phone N [--whatsapp] | --email E) [--debug]", func(fs *flag.FlagSet) func(context.Context, *posRun) error {
		location := fs.String("location", "", "the location to log in at (see pos locations; required)")
		phone := fs.String("phone", "", "the staff member's phone number, without the country code")
		cc := fs.String("country-code", "", `country code, with --phone (default "+91")`)
		email := fs.String("email", "", "the staff member's email address")
		whatsapp := fs.Bool("whatsapp", false, "send the code by WhatsApp instead of SMS")
		debug := fs.Bool("debug", false, "ask for the code in the answer (test stores): verify then needs no --otp")
		return func(ctx context.Context, r *posRun) error {
			switch {
			case *location == "":
				return usagef("--location is required (see storefront pos locations)")
			case (*phone == "") == (*email == ""):
				return usagef("give --phone or --email, one of them")
			case *whatsapp && *phone == "":
				return usagef("--whatsapp goes with --phone")
			}
			var ch *storefront.OTPChallenge
			var err error
			op := "login-pos-device-with-phone"
			switch {
			case *email != "":
				op = "login-pos-device-with-email"
				ch, err = r.pos.Auth.LoginWithEmail(ctx, storefront.POSEmailLogin{LocationID: *location, Email: *email, DebugMode: *debug})
			case *whatsapp:
				op = "login-pos-device-with-whatsapp"
				ch, err = r.pos.Auth.LoginWithWhatsApp(ctx, storefront.POSPhoneLogin{LocationID: *location, Phone: *phone, CountryCode: *cc, DebugMode: *debug})
			default:
				ch, err = r.pos.Auth.LoginWithPhone(ctx, storefront.POSPhoneLogin{LocationID: *location, Phone: *phone, CountryCode: *cc, DebugMode: *debug})
			}
			if err != nil {
				return r.fail(op, err)
			}
			if err := writeChallenge(r.challengeFile(), *ch); err != nil {
				return err
			}
			r.out.emit(op+": ok  code sent; run storefront pos verify"+map[bool]string{true: " (the code is kept: debug mode)", false: " --otp CODE"}[ch.OTP != ""],
				map[string]any{"operation": op, "ok": true, "debug_code_kept": ch.OTP != ""})
			return nil
		}
	}},
	"verify": {"pos verify [--otp CODE]", func(fs *flag.FlagSet) func(context.Context, *posRun) error {
		code := fs.String("otp", "", "the code the staff member received (default: the code kept by login --debug)")
		return func(ctx context.Context, r *posRun) error {
			ch, err := readChallenge(r.challengeFile(), "storefront pos login")
			if err != nil {
				return err
			}
			if *code == "" {
				*code = ch.OTP
			}
			if *code == "" {
				return usagef("--otp is required")
			}
			res, err := r.pos.Auth.VerifyOTP(ctx, ch, *code)
			if err != nil {
				return r.fail("verify-pos-login-otp", err)
			}
			_ = os.Remove(r.challengeFile())
			r.out.emit(fmt.Sprintf("verify-pos-login-otp: ok  %s %s at %s", res.User.FirstName, deref(res.User.LastName), res.User.Location.Name),
				map[string]any{"operation": "verify-pos-login-otp", "ok": true, "staff_id": res.User.ID, "location_id": res.User.Location.ID})
			return nil
		}
	}},
	"whoami": {"pos whoami", func(fs *flag.FlagSet) func(context.Context, *posRun) error {
		return func(ctx context.Context, r *posRun) error {
			claims, err := r.pos.Peek(ctx)
			if errors.Is(err, storefront.ErrNoSession) {
				return fmt.Errorf("no staff session in %s: run storefront pos login and verify first", r.session)
			}
			if err != nil {
				return err
			}
			t, _ := r.pos.Tokens(ctx)
			info := infoOf(claims, t, time.Now())
			r.out.emit(fmt.Sprintf("whoami: staff=%s location=%s %s", orDash(claims.UserID), orDash(claims.LocationID), info.text()),
				struct {
					sessionInfo
					LocationID string `json:"location_id"`
				}{info, claims.LocationID})
			return nil
		}
	}},
	"locations": {"pos locations", func(fs *flag.FlagSet) func(context.Context, *posRun) error {
		return func(ctx context.Context, r *posRun) error {
			res, err := r.pos.Devices.ListLocations(ctx)
			if err != nil {
				return r.fail("list-pos-locations", err)
			}
			for _, l := range res.GetLocations() {
				r.out.emit(fmt.Sprintf("%-22s %s, %s", l.ID, l.Name, l.City), l)
			}
			return nil
		}
	}},
	"devices": {"pos devices", func(fs *flag.FlagSet) func(context.Context, *posRun) error {
		return func(ctx context.Context, r *posRun) error {
			res, err := r.pos.Devices.ListDevices(ctx)
			if err != nil {
				return r.fail("list-pos-devices", err)
			}
			for _, d := range res.GetDevices() {
				holder := "-"
				if d.ClaimedBy != nil {
					holder = d.ClaimedBy.FirstName
				}
				r.out.emit(fmt.Sprintf("%-28s %-22s %-9s %s", d.ID, d.Name, d.Status, holder), d)
			}
			return nil
		}
	}},
	"claim":   {"pos claim DEVICE", deviceCmd("claim-pos-device", true)},
	"unclaim": {"pos unclaim DEVICE", deviceCmd("unclaim-pos-device", false)},
	"sale": {"pos sale --item PRODUCT[:N] … (--customer-phone N [--first-name F] | --customer ID) [--coupon CODE] [--pay cash|upi|card] [--device ID]",
		func(fs *flag.FlagSet) func(context.Context, *posRun) error {
			var items listFlag
			fs.Var(&items, "item", "a product (ID or slug) and its quantity, PRODUCT or PRODUCT:N; repeat for more")
			phone := fs.String("customer-phone", "", "the walk-in customer's phone number (registered when the store does not know it)")
			first := fs.String("first-name", "", "the customer's first name, for one the store does not know yet")
			customer := fs.String("customer", "", "an existing customer's ID, instead of --customer-phone")
			coupon := fs.String("coupon", "", "a coupon code to apply")
			pay := fs.String("pay", "cash", "how the customer pays: cash, upi or card (upi and card are taken on the claimed device)")
			device := fs.String("device", "", "the device that takes the payment (default: the one the staff member holds)")
			return func(ctx context.Context, r *posRun) error {
				mode := storefront.PosPaymentMode(strings.ToUpper(*pay))
				switch {
				case len(items) == 0:
					return usagef("give at least one --item PRODUCT[:N]")
				case (*phone == "") == (*customer == ""):
					return usagef("give the customer: --customer-phone N or --customer ID")
				case *first != "" && *customer != "":
					return usagef("--first-name goes with --customer-phone: a customer by ID has their name already")
				case mode != storefront.PosPaymentModeCASH && mode != storefront.PosPaymentModeUPI && mode != storefront.PosPaymentModeCARD:
					return usagef("--pay must be cash, upi or card")
				}
				var lines []storefront.UpdateCartItem
				for _, it := range items {
					product, n, ok := strings.Cut(it, ":")
					qty := int64(1)
					if ok {
						v, err := strconv.ParseInt(n, 10, 64)
						if err != nil || v < 1 {
							return usagef("--item %s: the quantity must be a whole number of at least 1", it)
						}
						qty = v
					}
					lines = append(lines, storefront.UpdateCartItem{ProductID: product, Quantity: decimal.NewFromInt(qty)})
				}
				return r.sale(ctx, lines, *phone, *first, *customer, *coupon, mode, *device)
			}
		}},
	"payment": {"pos payment NUMBER", func(fs *flag.FlagSet) func(context.Context, *posRun) error {
		number := fs.String("order", "", "the order number (or give it as the first argument)")
		return func(ctx context.Context, r *posRun) error {
			if *number == "" {
				return usagef("an order number is required")
			}
			st, err := r.pos.Orders.GetPaymentStatus(ctx, *number)
			if err != nil {
				return r.fail("pos-get-payment-status", err)
			}
			r.out.emit(fmt.Sprintf("pos-get-payment-status: ok  %s %s, paid %s", *number, st.Status, rupees(&st.AmountPaid)),
				map[string]any{"operation": "pos-get-payment-status", "ok": true, "order_number": *number, "status": st.Status, "amount_paid": st.AmountPaid})
			return nil
		}
	}},
	"logout": {"pos logout", func(fs *flag.FlagSet) func(context.Context, *posRun) error {
		return func(ctx context.Context, r *posRun) error {
			if err := r.pos.Auth.Logout(ctx); err != nil {
				return r.fail("logout-from-pos-device", err)
			}
			r.out.emit("logout-from-pos-device: ok  the staff session has ended", map[string]any{"operation": "logout-from-pos-device", "ok": true})
			return nil
		}
	}},
}

func init() {
	for name, args := range map[string][]string{"pos pair": {"code"}, "pos claim": {"device"}, "pos unclaim": {"device"}, "pos payment": {"order"}} {
		positionals[name] = args
	}
}

// deviceCmd is claim (claim true) or unclaim of the device given.
func deviceCmd(op string, claim bool) func(fs *flag.FlagSet) func(context.Context, *posRun) error {
	return func(fs *flag.FlagSet) func(context.Context, *posRun) error {
		device := fs.String("device", "", "the device's ID, from pos devices (or give it as the first argument)")
		return func(ctx context.Context, r *posRun) error {
			if *device == "" {
				return usagef("a device ID is required (see storefront pos devices)")
			}
			call := r.pos.Devices.UnclaimDevice
			if claim {
				call = r.pos.Devices.ClaimDevice
			}
			res, err := call(ctx, *device)
			if err != nil {
				return r.fail(op, err)
			}
			r.out.emit(fmt.Sprintf("%s: ok  %s", op, *device), map[string]any{"operation": op, "ok": true, "user": res.User})
			return nil
		}
	}
}

// sale rings up a sale: a POS cart of lines, linked to its customer, with
// the coupon, ordered and paid by mode.
func (r *posRun) sale(ctx context.Context, lines []storefront.UpdateCartItem, phone, first, customerID, coupon string,
	mode storefront.PosPaymentMode, device string) error {
	c, err := r.pos.Cart.CreateCart(ctx, storefront.CreateCartBody{Items: lines})
	if err != nil {
		return r.fail("pos-create-cart", err)
	}
	who := storefront.CustomerByID(customerID)
	if phone != "" {
		p := storefront.PosUpdateCustomerWithPhone{Phone: phone}
		if first != "" {
			p.FirstName = &first
		}
		who = storefront.CustomerByPhone(p)
	}
	// After the cart exists, a failure names it: the staff member can
	// carry on with it elsewhere, or delete it.
	inCart := func(err error) error { return &cartError{cartID: c.Cart.ID, err: err} }
	if _, err := r.pos.Cart.UpdateCartCustomer(ctx, c.Cart.ID, who); err != nil {
		return r.fail("update-pos-cart-customer", inCart(err))
	}
	if coupon != "" {
		if _, err := r.pos.Cart.ApplyCoupon(ctx, c.Cart.ID, storefront.ApplyCouponBody{CouponCode: coupon}); err != nil {
			return r.fail("pos-apply-coupon", inCart(err))
		}
	}
	body := storefront.CreatePosOrderBody{CartID: c.Cart.ID, PaymentMode: mode}
	if device != "" {
		body.DeviceID = &device
	}
	placed, err := r.pos.Orders.CreateOrder(ctx, body)
	if err != nil {
		return r.fail("create-pos-order", inCart(err))
	}
	o := placed.Order
	r.out.emit(fmt.Sprintf("create-pos-order: ok  order %s, %s, total %s, paid by %s, payment %s", o.GetOrderNumber(), o.GetStatus(),
		rupees(o.GrandTotal), strings.ToLower(string(mode)), orDash(string(o.GetPaymentStatus()))),
		map[string]any{"operation": "create-pos-order", "ok": true, "order_number": o.GetOrderNumber(), "status": o.GetStatus(),
			"grand_total": o.GrandTotal, "payment_mode": mode, "payment_status": o.GetPaymentStatus(), "payment_required": placed.PaymentRequired})
	return nil
}

// cartError is a failure of a sale after its cart was created: it names
// the cart.
type cartError struct {
	cartID string
	err    error
}

func (e *cartError) Error() string { return "cart " + e.cartID + ": " + e.err.Error() }
func (e *cartError) Unwrap() error { return e.err }

func (r *posRun) fail(op string, err error) error {
	if r.o.json {
		r.out.emit("", errorJSONOf(op, err))
		return &shownAsJSON{err}
	}
	return err
}

func (r *posRun) challengeFile() string { return strings.TrimSuffix(r.session, ".json") + ".otp.json" }

// listFlag is a flag that may be repeated.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// defaultPOSSessionFile is pos-session.json beside the shopper's session.
func defaultPOSSessionFile(getenv env) string {
	return filepath.Join(filepath.Dir(defaultSessionFile(getenv)), "pos-session.json")
}

func (c *cli) pos(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, posUsage)
		return usagef("an operation is required")
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		fmt.Fprint(c.stdout, posUsage)
		return flag.ErrHelp
	case "demo":
		return inCommand("pos demo", c.posDemo(ctx, args[1:]))
	}
	cmd, ok := posCmds[args[0]]
	if !ok {
		return usagef("unknown operation %q", args[0])
	}
	name := "pos " + args[0]
	err := c.posOperation(ctx, name, cmd, args[1:])
	if errors.Is(err, storefront.ErrNoAPIKey) {
		err = errNoAPIKey
	}
	return inCommand(name, err)
}

func (c *cli) posOperation(ctx context.Context, name string, cmd posCmd, args []string) error {
	fs := c.flagSet(name, cmd.synopsis+" [--session FILE] [store flags]")
	var o common
	o.register(fs.FlagSet)
	var sf storeFlags
	sf.register(fs.FlagSet, 30*time.Second)
	session := fs.String("session", defaultPOSSessionFile(c.getenv), "the terminal's session file")
	do := cmd.flags(fs.FlagSet)
	if err := fs.parse(args); err != nil {
		return err
	}
	if err := sf.fromEnv(c.getenv); err != nil {
		return err
	}
	if sf.storeID == "" {
		return usagef("--store-id (or CE_STORE_ID) is required")
	}
	store := storefront.NewFileStore(*session)
	if err := sameStore(ctx, store, sf.storeID); err != nil {
		return err
	}
	opts, err := sf.options()
	if err != nil {
		return err
	}
	client, err := storefront.New(sf.storeID, append(opts, storefront.WithLogger(c.logger(o)))...)
	if err != nil {
		return err
	}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, sf.timeout)
	defer cancel()
	return do(ctx, &posRun{c: c, o: o, pos: client.NewPOSSession(store), session: *session, out: printer{c.stdout, o.json}})
}

// posDemo runs a counter's sale on an embedded fake server, a step a line.
func (c *cli) posDemo(ctx context.Context, args []string) error {
	fs := c.flagSet("pos demo", "pos demo [--json] [--verbose]")
	var o common
	o.register(fs.FlagSet)
	if err := fs.parse(args); err != nil {
		return err
	}
	srv := storefronttest.NewServer()
	defer srv.Close()
	client, err := storefront.New(srv.StoreID(), storefront.WithBaseURL(srv.BaseURL()), storefront.WithAPIKey(srv.APIKey()),
		storefront.WithLogger(c.logger(o)))
	if err != nil {
		return err
	}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	pos := client.NewPOSSession(nil)
	var device, cartID, order string
	steps := []demoStep{
		{"pair the counter", "pair-pos-device", func(ctx context.Context) (string, error) {
			d, err := pos.Auth.PairDevice(ctx, storefronttest.SeededPairingCodeMGRoad2)
			if err != nil {
				return "", err
			}
			device = d.ID
			return d.Name + ", " + d.LocationName, nil
		}},
		{"staff login (debug OTP)", "login-pos-device-with-phone, verify-pos-login-otp", func(ctx context.Context) (string, error) {
			ch, err := pos.Auth.LoginWithPhone(ctx, storefront.POSPhoneLogin{LocationID: storefronttest.PickupMGRoad, Phone: "9000000101", DebugMode: true})
			if err != nil {
				return "", err
			}
			res, err := pos.Auth.VerifyOTP(ctx, *ch, ch.OTP)
			if err != nil {
				return "", err
			}
			return res.User.FirstName + " at " + res.User.Location.Name, nil
		}},
		{"claim the counter", "claim-pos-device", func(ctx context.Context) (string, error) {
			_, err := pos.Devices.ClaimDevice(ctx, device)
			return "", err
		}},
		{"walk-in customer's cart", "pos-create-cart, update-pos-cart-customer", func(ctx context.Context) (string, error) {
			c, err := pos.Cart.CreateCart(ctx, storefront.CreateCartBody{Items: []storefront.UpdateCartItem{{ProductID: "cast-iron-teapot", Quantity: decimal.NewFromInt(1)}}})
			if err != nil {
				return "", err
			}
			cartID = c.Cart.ID
			_, err = pos.Cart.UpdateCartCustomer(ctx, cartID, storefront.CustomerByPhone(storefront.PosUpdateCustomerWithPhone{Phone: "9812345670", FirstName: new("Ravi")}))
			return "a teapot, for +91 9812345670", err
		}},
		{"coupon WELCOME10", "pos-apply-coupon", func(ctx context.Context) (string, error) {
			c, err := pos.Cart.ApplyCoupon(ctx, cartID, storefront.ApplyCouponBody{CouponCode: storefronttest.CouponWelcome10})
			if err != nil {
				return "", err
			}
			return "total " + rupees(&c.Cart.GrandTotal), nil
		}},
		{"order, card on the terminal", "create-pos-order", func(ctx context.Context) (string, error) {
			placed, err := pos.Orders.CreateOrder(ctx, storefront.CreatePosOrderBody{CartID: cartID, PaymentMode: storefront.PosPaymentModeCARD})
			if err != nil {
				return "", err
			}
			order = placed.Order.GetOrderNumber()
			return "order " + order + ", payment " + string(placed.Order.GetPaymentStatus()), nil
		}},
		{"payment status", "pos-get-payment-status", func(ctx context.Context) (string, error) {
			if err := srv.CompletePayment(order, true); err != nil { // the terminal reports the card paid
				return "", err
			}
			st, err := pos.Orders.GetPaymentStatus(ctx, order)
			if err != nil {
				return "", err
			}
			return string(st.Status) + ", paid " + rupees(&st.AmountPaid), nil
		}},
		{"release the counter", "unclaim-pos-device", func(ctx context.Context) (string, error) {
			_, err := pos.Devices.UnclaimDevice(ctx, device)
			return "", err
		}},
		{"logout", "logout-from-pos-device", func(ctx context.Context) (string, error) {
			return "", pos.Auth.Logout(ctx)
		}},
	}
	out := printer{c.stdout, o.json}
	if !o.json {
		fmt.Fprintf(c.stdout, "storefront pos demo: embedded fake server at %s (store %s)\n", srv.URL(), srv.StoreID())
	}
	start := time.Now()
	for i, st := range steps {
		t0 := time.Now()
		note, err := st.run(ctx)
		if err != nil {
			out.emit(fmt.Sprintf("%2d. %-28s FAIL  %s", i+1, st.name, describe(err)), errorJSONOf(st.name, err))
			if o.json {
				return &shownAsJSON{fmt.Errorf("step %d, %s: %w", i+1, st.name, err)}
			}
			return fmt.Errorf("step %d, %s: %w", i+1, st.name, err)
		}
		out.emit(strings.TrimRight(fmt.Sprintf("%2d. %-28s ok    %s", i+1, st.name, note), " "),
			map[string]any{"step": i + 1, "name": st.name, "operation": st.op, "ok": true, "duration_ms": time.Since(t0).Milliseconds(), "note": note})
	}
	out.emit(fmt.Sprintf("pos demo: %d/%d steps succeeded in %s", len(steps), len(steps), time.Since(start).Round(time.Millisecond)),
		map[string]any{"summary": map[string]any{"steps": len(steps), "succeeded": len(steps)}})
	return nil
}
