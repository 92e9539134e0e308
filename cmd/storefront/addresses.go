package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/commercengine-go/sdk/storefront"
)

const addressesUsage = `Usage: storefront addresses <operation> [flags]

Operations (each takes --help):
  list     list the saved addresses, every page               (list-addresses)
  add      save a new address                                (create-address)
  edit     change an address: only the fields given change    (get-address-detail, update-address-detail)
  delete   delete an address                                 (delete-address)

They act for the customer logged in to the session file that "storefront auth"
keeps (--session FILE picks another); log in first with "storefront auth
login-password" or "login-otp".
`

// addressesCmd is one "addresses" operation: its synopsis and, from its
// flag set, what it does.
type addressesCmd struct {
	synopsis string
	flags    func(fs *flag.FlagSet) func(ctx context.Context, a *addressesRun) error
}

// addressesRun is the state of one addresses invocation.
type addressesRun struct {
	c          *cli
	o          common
	customers  *storefront.CustomersService
	customerID string
	out        printer
}

var addressesCmds = map[string]addressesCmd{
	"list": {"addresses list [flags]", func(fs *flag.FlagSet) func(context.Context, *addressesRun) error {
		return func(ctx context.Context, a *addressesRun) error {
			list := []storefront.CustomerAddress{}
			for addr, err := range a.customers.ListAddressesAll(ctx, a.customerID, nil) {
				if err != nil {
					return a.fail("list-addresses", err)
				}
				list = append(list, *addr)
			}
			if a.o.json {
				a.out.emit("", struct {
					Operation string                       `json:"operation"`
					OK        bool                         `json:"ok"`
					Addresses []storefront.CustomerAddress `json:"addresses"`
				}{"list-addresses", true, list})
				return nil
			}
			if len(list) == 0 {
				a.out.emit("no saved addresses", nil)
			}
			for _, addr := range list {
				a.out.emit(addressLine(addr), nil)
			}
			return nil
		}
	}},
	"add": {"addresses add --first-name NAME --phone N --email E --line1 TEXT --city C --state S --pincode P [flags]", func(fs *flag.FlagSet) func(context.Context, *addressesRun) error {
		f := registerAddressFlags(fs)
		return func(ctx context.Context, a *addressesRun) error {
			addr := storefront.CustomerAddress{Country: "India", CountryCode: "+91"}
			f.apply(fs, &addr)
			var missing []string
			for _, req := range []struct{ flag, value string }{{"first-name", addr.FirstName}, {"phone", addr.Phone}, {"email", addr.Email},
				{"line1", addr.AddressLine1}, {"city", addr.City}, {"state", addr.State}, {"pincode", addr.Pincode}} {
				if strings.TrimSpace(req.value) == "" {
					missing = append(missing, "--"+req.flag)
				}
			}
			if len(missing) > 0 {
				return usagef("%s required", strings.Join(missing, ", "))
			}
			res, err := a.customers.CreateAddress(ctx, a.customerID, addr)
			if err != nil {
				return a.fail("create-address", err)
			}
			a.saved("create-address", *res.Address)
			return nil
		}
	}},
	"edit": {"addresses edit ID [address flags: only those given change]", func(fs *flag.FlagSet) func(context.Context, *addressesRun) error {
		id := fs.String("id", "", "the address's ID, from addresses list (or give it as the first argument)")
		f := registerAddressFlags(fs)
		return func(ctx context.Context, a *addressesRun) error {
			if *id == "" {
				return usagef("an address ID is required (see addresses list)")
			}
			changed := false
			fs.Visit(func(fl *flag.Flag) { changed = changed || f.names[fl.Name] })
			if !changed {
				return usagef("give at least one field to change")
			}
			cur, err := a.customers.GetAddressDetail(ctx, a.customerID, *id)
			if err != nil {
				return a.fail("get-address-detail", err)
			}
			addr := *cur.Address
			addr.ID = nil
			f.apply(fs, &addr)
			res, err := a.customers.UpdateAddressDetail(ctx, a.customerID, *id, addr)
			if err != nil {
				return a.fail("update-address-detail", err)
			}
			a.saved("update-address-detail", *res.Address)
			return nil
		}
	}},
	"delete": {"addresses delete ID", func(fs *flag.FlagSet) func(context.Context, *addressesRun) error {
		id := fs.String("id", "", "the address's ID, from addresses list (or give it as the first argument)")
		return func(ctx context.Context, a *addressesRun) error {
			if *id == "" {
				return usagef("an address ID is required (see addresses list)")
			}
			if err := a.customers.DeleteAddress(ctx, a.customerID, *id); err != nil {
				return a.fail("delete-address", err)
			}
			a.out.emit("delete-address: ok  "+*id, map[string]any{"operation": "delete-address", "ok": true, "id": *id})
			return nil
		}
	}},
}

// addressFlags are the fields of an address on the command line.
type addressFlags struct {
	firstName, lastName, phone, countryCode, email *string
	line1, line2, landmark, city, state, pincode   *string
	country, nickname, business, taxID             *string
	billing, shipping                              *bool
	names                                          map[string]bool // the flags that set a field
}

func registerAddressFlags(fs *flag.FlagSet) *addressFlags {
	f := &addressFlags{names: map[string]bool{}}
	str := func(name, usage string) *string {
		f.names[name] = true
		return fs.String(name, "", usage)
	}
	f.firstName = str("first-name", "first name")
	f.lastName = str("last-name", "last name")
	f.phone = str("phone", "10-digit phone number, without the country code")
	f.countryCode = str("country-code", `the phone's country code (default "+91")`)
	f.email = str("email", "email address")
	f.line1 = str("line1", "first line of the address")
	f.line2 = str("line2", "second line of the address")
	f.landmark = str("landmark", "a landmark nearby")
	f.city = str("city", "city")
	f.state = str("state", "state, by name or ISO code (Karnataka, IN-KA)")
	f.pincode = str("pincode", "postal code")
	f.country = str("country", `country (default "India", the only one the API takes)`)
	f.nickname = str("nickname", "a name for the address, such as Home")
	f.business = str("business-name", "business name, for billing")
	f.taxID = str("tax-id", "tax identification number (GSTIN), for billing")
	f.names["default-billing"], f.names["default-shipping"] = true, true
	f.billing = fs.Bool("default-billing", false, "make it the default billing address (=false to stop)")
	f.shipping = fs.Bool("default-shipping", false, "make it the default shipping address (=false to stop)")
	return f
}

// apply copies into addr the fields whose flags were given.
func (f *addressFlags) apply(fs *flag.FlagSet, addr *storefront.CustomerAddress) {
	opt := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "first-name":
			addr.FirstName = *f.firstName
		case "last-name":
			addr.LastName = opt(*f.lastName)
		case "phone":
			addr.Phone = *f.phone
		case "country-code":
			addr.CountryCode = *f.countryCode
		case "email":
			addr.Email = *f.email
		case "line1":
			addr.AddressLine1 = *f.line1
		case "line2":
			addr.AddressLine2 = opt(*f.line2)
		case "landmark":
			addr.Landmark = opt(*f.landmark)
		case "city":
			addr.City = *f.city
		case "state":
			addr.State = *f.state
		case "pincode":
			addr.Pincode = *f.pincode
		case "country":
			addr.Country = storefront.CustomerAddressCountry(*f.country)
		case "nickname":
			addr.Nickname = opt(*f.nickname)
		case "business-name":
			addr.BusinessName = opt(*f.business)
		case "tax-id":
			addr.TaxIdentificationNumber = opt(*f.taxID)
		case "default-billing":
			addr.IsDefaultBilling = f.billing
		case "default-shipping":
			addr.IsDefaultShipping = f.shipping
		}
	})
}

// addressLine renders an address on one line: its ID, its default roles,
// then the address.
func addressLine(a storefront.CustomerAddress) string {
	var roles []string
	if a.IsDefaultBilling != nil && *a.IsDefaultBilling {
		roles = append(roles, "billing")
	}
	if a.IsDefaultShipping != nil && *a.IsDefaultShipping {
		roles = append(roles, "shipping")
	}
	tag := ""
	if len(roles) > 0 {
		tag = " [default " + strings.Join(roles, ", ") + "]"
	}
	name := strings.TrimSpace(a.FirstName + " " + deref(a.LastName))
	parts := []string{name, a.AddressLine1}
	for _, p := range []*string{a.AddressLine2, a.Landmark} {
		if deref(p) != "" {
			parts = append(parts, *p)
		}
	}
	parts = append(parts, a.City+" "+a.Pincode, a.State, string(a.Country))
	id := deref(a.ID)
	if n := deref(a.Nickname); n != "" {
		id += " (" + n + ")"
	}
	return fmt.Sprintf("%s%s  %s  %s %s", id, tag, strings.Join(parts, ", "), a.CountryCode, a.Phone)
}

// saved prints an address an operation saved.
func (a *addressesRun) saved(op string, addr storefront.CustomerAddress) {
	a.out.emit(op+": ok  "+addressLine(addr), struct {
		Operation string                     `json:"operation"`
		OK        bool                       `json:"ok"`
		Address   storefront.CustomerAddress `json:"address"`
	}{op, true, addr})
}

// fail prints a failed operation (as JSON with --json) and returns err for
// the one line on stderr.
func (a *addressesRun) fail(op string, err error) error {
	if a.o.json {
		a.out.emit("", errorJSONOf(op, err))
		return &shownAsJSON{err}
	}
	return err
}

func (c *cli) addresses(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, addressesUsage)
		return usagef("an operation is required")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
		fmt.Fprint(c.stdout, addressesUsage)
		return flag.ErrHelp
	}
	name, rest := args[0], args[1:]
	cmd, ok := addressesCmds[name]
	if !ok {
		return usagef("unknown operation %q", name)
	}
	err := c.addressesOperation(ctx, name, cmd, rest)
	if errors.Is(err, storefront.ErrNoAPIKey) {
		err = errNoAPIKey
	}
	return inCommand("addresses "+name, err)
}

// errNotLoggedIn says the addresses commands need a logged-in customer.
var errNotLoggedIn = errors.New("no customer is logged in to this session: run storefront auth login-password or login-otp first")

// addressesOperation runs the addresses operation name with its
// arguments, for the customer of the session file.
func (c *cli) addressesOperation(ctx context.Context, name string, cmd addressesCmd, args []string) error {
	var do func(context.Context, *addressesRun) error
	sc, err := c.openSession(ctx, "addresses "+name, cmd.synopsis, args, func(fs *flag.FlagSet) { do = cmd.flags(fs) })
	if err != nil {
		return err
	}
	defer sc.client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, sc.timeout)
	defer cancel()
	sess := sc.client.Session()
	claims, err := sess.Peek(ctx)
	if err != nil || !claims.IsLoggedIn || claims.CustomerID == "" {
		return errNotLoggedIn
	}
	a := &addressesRun{c: c, o: sc.o, customers: sess.Customers, customerID: claims.CustomerID, out: printer{c.stdout, sc.o.json}}
	return do(ctx, a)
}
