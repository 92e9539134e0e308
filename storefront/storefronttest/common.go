package storefronttest

import (
	"cmp"
	"errors"
	"regexp"
	"slices"
	"strings"

	"github.com/commercengine-go/sdk/gen"
)

type country struct {
	id, name, callingCode, iso     string
	currencyCode, currencySymbol   string
	currencyName, alias, continent string
	states                         []countryState
	pincodes                       []pincode // sorted by code
}

type countryState struct{ id, name, iso, gst, alias string }

type pincode struct{ code, city, state string }

func (c *country) view() gen.Country {
	flag := "https://cdn.storefronttest.invalid/flags/" + strings.ToLower(c.iso) + ".svg"
	return gen.Country{ID: optional(c.id), CountryName: optional(c.name), CountryCode: optional(c.callingCode),
		CountryIsoCode: optional(c.iso), CurrencyCode: optional(c.currencyCode), CurrencySymbol: optional(c.currencySymbol),
		CurrencyName: optional(c.currencyName), FlagIconURL: &flag, CountryAlias: optional(c.alias), Continent: optional(c.continent)}
}

var isoCodePattern = regexp.MustCompile(`^[A-Za-z]{2}$`)

// countryByCode finds a country by its two-letter ISO code, in any case:
// 400 for a code that is not two letters, 404 for an unknown one.
func (sh *shop) countryByCode(code string) (*country, *apiError) {
	if !isoCodePattern.MatchString(code) {
		return nil, fieldError(CodeBadRequest, "country_iso_code", "must be a two-letter ISO 3166 code such as IN")
	}
	c := sh.countries[strings.ToUpper(code)]
	if c == nil {
		return nil, notFound("country " + strings.ToUpper(code) + " not found")
	}
	return c, nil
}

// countriesView lists the countries by name.
func (sh *shop) countriesView() []gen.Country {
	out := make([]gen.Country, 0, len(sh.countryList))
	for _, c := range sh.countryList {
		out = append(out, c.view())
	}
	return out
}

func (c *country) statesView() []gen.CountryState {
	out := make([]gen.CountryState, 0, len(c.states))
	for _, s := range c.states {
		out = append(out, gen.CountryState{ID: optional(s.id), Name: s.name, IsoCode: s.iso, GstCode: optional(s.gst), StateAlias: optional(s.alias)})
	}
	return out
}

// pincodesView lists a page of a country's postal codes in order, only
// those starting with prefix when it is set.
func (c *country) pincodesView(prefix *string, pr pageRequest) []gen.Pincode {
	list := c.pincodes
	if prefix != nil && *prefix != "" {
		p := strings.ToUpper(strings.TrimSpace(*prefix))
		list = nil
		for _, pc := range c.pincodes {
			if strings.HasPrefix(pc.code, p) {
				list = append(list, pc)
			}
		}
	}
	page, _ := paginate(list, pr)
	out := make([]gen.Pincode, 0, len(page))
	for _, pc := range page {
		out = append(out, gen.Pincode{Pincode: optional(pc.code), City: optional(pc.city), StateName: optional(pc.state),
			CountryName: optional(c.name), CountryIsoCode: optional(c.iso)})
	}
	return out
}

// CountryInput describes a country for AddCountry.
type CountryInput struct {
	ISOCode        string // required: two letters, such as "SG"
	Name           string // required
	CallingCode    string // such as "+65"
	CurrencyCode   string
	CurrencySymbol string
	CurrencyName   string
	Continent      string
	States         []StateInput
	PostalCodes    []PostalCodeInput
}

// StateInput is a state or province of a country.
type StateInput struct {
	Name    string
	ISOCode string // such as "IN-KA"
	GSTCode string // India's two-digit state code for GST
}

// PostalCodeInput is a postal code of a country.
type PostalCodeInput struct {
	Code  string
	City  string
	State string
}

// AddCountry adds a country, with its states and postal codes, or replaces
// the country with the same ISO code.
func (s *Server) AddCountry(in CountryInput) error {
	if !isoCodePattern.MatchString(in.ISOCode) || in.Name == "" {
		return errors.New("storefronttest: AddCountry: a two-letter ISO code and a name are required")
	}
	c := &country{id: "country-" + strings.ToLower(in.ISOCode), name: in.Name, callingCode: in.CallingCode,
		iso: strings.ToUpper(in.ISOCode), currencyCode: in.CurrencyCode, currencySymbol: in.CurrencySymbol,
		currencyName: in.CurrencyName, alias: in.Name, continent: in.Continent}
	for _, st := range in.States {
		c.states = append(c.states, countryState{id: "state-" + strings.ToLower(st.ISOCode), name: st.Name, iso: st.ISOCode, gst: st.GSTCode, alias: st.Name})
	}
	for _, pc := range in.PostalCodes {
		c.pincodes = append(c.pincodes, pincode{code: strings.ToUpper(pc.Code), city: pc.City, state: pc.State})
	}
	s.shop().mu.Lock()
	defer s.shop().mu.Unlock()
	s.shop().putCountryLocked(c)
	return nil
}

func (sh *shop) putCountryLocked(c *country) {
	slices.SortStableFunc(c.pincodes, func(a, b pincode) int { return cmp.Compare(a.code, b.code) })
	sh.countries[c.iso] = c
	sh.countryList = slices.DeleteFunc(sh.countryList, func(o *country) bool { return o.iso == c.iso })
	sh.countryList = append(sh.countryList, c)
	slices.SortFunc(sh.countryList, func(a, b *country) int { return cmp.Compare(a.name, b.name) })
}

// SetServiceable sets whether the store delivers to a postal code and
// whether shoppers there can collect from a store, for check-fulfillment.
func (s *Server) SetServiceable(postalCode string, delivery, collect bool) {
	code := strings.ToUpper(strings.TrimSpace(postalCode))
	s.shop().mu.Lock()
	defer s.shop().mu.Unlock()
	setOrDelete(s.shop().delivery, code, delivery)
	setOrDelete(s.shop().pickup, code, collect)
}

func setOrDelete(m map[string]bool, k string, on bool) {
	if on {
		m[k] = true
	} else {
		delete(m, k)
	}
}
