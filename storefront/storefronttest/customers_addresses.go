package storefronttest

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/gen"
)

// A customer's saved addresses are the account's addresses (accounts.go),
// in the order they were saved; carts name them by ID.
//
// An address is checked against the Common group's data: its country is a
// country of list-countries (the spec allows India only), country_code is
// that country's calling code, state is one of its states (by name or ISO
// code, in any case; the address keeps the state's name), and the pincode
// has the country's format (six digits, not starting with 0, for India);
// a pincode list-country-pincodes knows must lie in the address's state.
// phone is ten digits, email an address, first_name, address_line1 and
// city are required, and tax_identification_number, when given, is a
// GSTIN. is_phone_verified and is_email_verified say whether the phone
// number and email address are those the user verified; the server sets
// them whatever a request sends.
//
// The first address saved becomes the default billing and shipping
// address; an address saved with is_default_billing or
// is_default_shipping takes that role from the others. Deleting a default
// address hands its role to the first address left.

// pincodePatterns are the postal code formats the fake checks, by ISO
// code; other countries take 3 to 10 letters, digits or spaces.
var pincodePatterns = map[string]*regexp.Regexp{
	"IN": regexp.MustCompile(`^[1-9][0-9]{5}$`),
}

var genericPincode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 ]{1,8}[A-Za-z0-9]$`)

// addressCheck is what an address is checked against, read from the shop
// and the user before the account is locked.
type addressCheck struct {
	country *country // nil: unknown
	contact contact
}

func (s *Server) addressCheckFor(userID, countryName string) addressCheck {
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	var found *country
	for _, c := range sh.countryList {
		if strings.EqualFold(c.name, strings.TrimSpace(countryName)) {
			found = c
			break
		}
	}
	return addressCheck{country: found, contact: s.verifiedContactOf(userID)}
}

// stateNamed finds a state by its name or ISO code, in any case.
func (c *country) stateNamed(name string) (countryState, bool) {
	name = strings.TrimSpace(name)
	for _, st := range c.states {
		if strings.EqualFold(st.name, name) || strings.EqualFold(st.iso, name) {
			return st, true
		}
	}
	return countryState{}, false
}

// pincodeNamed finds a postal code the country lists.
func (c *country) pincodeNamed(code string) (pincode, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	i := sort.Search(len(c.pincodes), func(i int) bool { return c.pincodes[i].code >= code })
	if i < len(c.pincodes) && c.pincodes[i].code == code {
		return c.pincodes[i], true
	}
	return pincode{}, false
}

// checkAddress validates an address a customer saves and returns it as
// the server keeps it: trimmed, the state's name, the verification flags
// set.
func (ac addressCheck) checkAddress(in gen.CustomerAddress) (gen.CustomerAddress, *apiError) {
	a := in
	a.FirstName = strings.TrimSpace(a.FirstName)
	a.AddressLine1 = strings.TrimSpace(a.AddressLine1)
	a.City = strings.TrimSpace(a.City)
	a.Pincode = strings.ToUpper(strings.TrimSpace(a.Pincode))
	if e := firstError(required("first_name", a.FirstName), required("address_line1", a.AddressLine1),
		required("city", a.City), checkPhone("phone", a.Phone), checkEmail("email", a.Email)); e != nil {
		return a, e
	}
	c := ac.country
	if c == nil {
		return a, fieldError(CodeBadRequest, "country", "is not a country of list-countries")
	}
	a.Country = gen.CustomerAddressCountry(c.name)
	if a.CountryCode != c.callingCode {
		return a, fieldError(CodeBadRequest, "country_code", "must be "+c.name+"'s calling code, "+c.callingCode)
	}
	st, ok := c.stateNamed(a.State)
	if !ok {
		return a, fieldError(CodeBadRequest, "state", "is not a state of "+c.name+" (see list-country-states)")
	}
	a.State = st.name
	pattern := pincodePatterns[c.iso]
	if pattern == nil {
		pattern = genericPincode
	}
	if !pattern.MatchString(a.Pincode) {
		return a, fieldError(CodeBadRequest, "pincode", "is not a postal code of "+c.name)
	}
	if pc, ok := c.pincodeNamed(a.Pincode); ok && !strings.EqualFold(pc.state, st.name) {
		return a, fieldError(CodeBadRequest, "pincode", "is in "+pc.state+", not "+st.name)
	}
	if tin := deref(a.TaxIdentificationNumber); tin != "" {
		if e := checkGSTIN("tax_identification_number", strings.ToUpper(tin)); e != nil {
			return a, e
		}
		upper := strings.ToUpper(tin)
		a.TaxIdentificationNumber = &upper
	}
	phoneVerified := ac.contact.phone != "" && ac.contact.phone == a.Phone && ac.contact.country == a.CountryCode
	emailVerified := ac.contact.email != "" && strings.EqualFold(ac.contact.email, a.Email)
	a.IsPhoneVerified, a.IsEmailVerified = &phoneVerified, &emailVerified
	return a, nil
}

// addressIndex is the position of the address id in acc, or -1.
func (acc *account) addressIndex(id string) int {
	return slices.IndexFunc(acc.addresses, func(a gen.CustomerAddress) bool { return a.ID != nil && *a.ID == id })
}

// setDefaults gives the address at i the default roles it asks for, taking
// them from the others, and makes sure each role has a holder while
// addresses remain, unless the address at i gave it up.
func (acc *account) setDefaults(i int, billing, shipping *bool) {
	roles := []struct {
		want *bool
		get  func(*gen.CustomerAddress) **bool
	}{
		{billing, func(a *gen.CustomerAddress) **bool { return &a.IsDefaultBilling }},
		{shipping, func(a *gen.CustomerAddress) **bool { return &a.IsDefaultShipping }},
	}
	for _, r := range roles {
		switch {
		case r.want == nil:
			acc.ensureRole(r.get)
		case *r.want:
			for j := range acc.addresses {
				*r.get(&acc.addresses[j]) = boolRef(j == i)
			}
		default:
			*r.get(&acc.addresses[i]) = boolRef(false)
		}
	}
}

// ensureRole hands a default role nobody holds to the first address.
func (acc *account) ensureRole(get func(*gen.CustomerAddress) **bool) {
	if len(acc.addresses) == 0 || slices.ContainsFunc(acc.addresses, func(a gen.CustomerAddress) bool { return isTrue(*get(&a)) }) {
		return
	}
	*get(&acc.addresses[0]) = boolRef(true)
	for j := 1; j < len(acc.addresses); j++ {
		if *get(&acc.addresses[j]) == nil {
			*get(&acc.addresses[j]) = boolRef(false)
		}
	}
}

// createAddress saves a new address of the customer's.
func (s *Server) createAddress(userID string, in gen.CustomerAddress) (gen.CustomerAddress, *apiError) {
	a, e := s.addressCheckFor(userID, string(in.Country)).checkAddress(in)
	if e != nil {
		return a, e
	}
	var out gen.CustomerAddress
	e = s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		id := newULID(now)
		a.ID = &id
		want := func(b *bool) *bool {
			if b == nil {
				return nil
			}
			return boolRef(*b)
		}
		billing, shipping := want(a.IsDefaultBilling), want(a.IsDefaultShipping)
		a.IsDefaultBilling, a.IsDefaultShipping = boolRef(false), boolRef(false)
		acc.addresses = append(acc.addresses, a)
		acc.setDefaults(len(acc.addresses)-1, billing, shipping)
		out = acc.addresses[len(acc.addresses)-1]
		return nil
	})
	return out, e
}

// updateAddress replaces the customer's address id with in, keeping its
// ID; a default flag left out keeps the address's role.
func (s *Server) updateAddress(userID, id string, in gen.CustomerAddress) (gen.CustomerAddress, *apiError) {
	a, e := s.addressCheckFor(userID, string(in.Country)).checkAddress(in)
	if e != nil {
		return a, e
	}
	var out gen.CustomerAddress
	e = s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		i := acc.addressIndex(id)
		if i < 0 {
			return errAddressNotFound
		}
		billing, shipping := a.IsDefaultBilling, a.IsDefaultShipping
		old := acc.addresses[i]
		a.ID, a.IsDefaultBilling, a.IsDefaultShipping = old.ID, old.IsDefaultBilling, old.IsDefaultShipping
		acc.addresses[i] = a
		acc.setDefaults(i, billing, shipping)
		out = acc.addresses[i]
		return nil
	})
	return out, e
}

var errAddressNotFound = notFound("address not found")

// address returns the customer's address id.
func (s *Server) address(userID, id string) (gen.CustomerAddress, *apiError) {
	var out gen.CustomerAddress
	e := s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		i := acc.addressIndex(id)
		if i < 0 {
			return errAddressNotFound
		}
		out = acc.addresses[i]
		return nil
	})
	return out, e
}

// deleteAddress removes the customer's address id.
func (s *Server) deleteAddress(userID, id string) *apiError {
	return s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		i := acc.addressIndex(id)
		if i < 0 {
			return errAddressNotFound
		}
		acc.addresses = slices.Delete(acc.addresses, i, i+1)
		acc.ensureRole(func(a *gen.CustomerAddress) **bool { return &a.IsDefaultBilling })
		acc.ensureRole(func(a *gen.CustomerAddress) **bool { return &a.IsDefaultShipping })
		return nil
	})
}

// addressPage lists a page of the customer's addresses, in the order they
// were saved.
func (s *Server) addressPage(userID string, page, limit *int) ([]gen.CustomerAddress, gen.Pagination, *apiError) {
	pr, e := pageOf(page, limit)
	if e != nil {
		return nil, gen.Pagination{}, e
	}
	var list []gen.CustomerAddress
	var pg gen.Pagination
	e = s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		list, pg = paginate(acc.addresses, pr)
		return nil
	})
	return list, pg, e
}

// defaultAddresses returns copies of the account's default billing and
// shipping addresses (nil when it has none). Call it with the accounts
// lock held.
func (acc *account) defaultAddresses() (billing, shipping *gen.CustomerAddress) {
	for i := range acc.addresses {
		a := acc.addresses[i]
		if isTrue(a.IsDefaultBilling) && billing == nil {
			billing = &a
		}
		if isTrue(a.IsDefaultShipping) && shipping == nil {
			b := a
			shipping = &b
		}
	}
	return billing, shipping
}
