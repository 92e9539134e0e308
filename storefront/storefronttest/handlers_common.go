package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The Common group's handlers: countries, their states and postal codes.

// Success messages of the common operations.
const (
	msgCountries = "Countries fetched"
	msgStates    = "States fetched"
	msgPincodes  = "Pincodes fetched"
)

func (h *handlers) ListCountries(ctx context.Context, _ genserver.ListCountriesRequestObject) (genserver.ListCountriesResponseObject, error) {
	var list []gen.Country
	if e := h.s.reading(ctx, func() *apiError { list = h.s.shop().countriesView(); return nil }); e != nil {
		return listCountriesError(e), nil
	}
	msg, ok := msgCountries, true
	return genserver.ListCountries200JSONResponse{Message: &msg, Success: &ok, Content: &gen.ListCountriesContent{Countries: &list}}, nil
}

// ListCountryStates answers a country's states; the ISO code is two
// letters in any case (else 400), of a known country (else 404).
func (h *handlers) ListCountryStates(ctx context.Context, req genserver.ListCountryStatesRequestObject) (genserver.ListCountryStatesResponseObject, error) {
	var list []gen.CountryState
	e := h.s.reading(ctx, func() *apiError {
		c, e := h.s.shop().countryByCode(req.CountryIsoCode)
		if e == nil {
			list = c.statesView()
		}
		return e
	})
	if e != nil {
		return listCountryStatesError(e), nil
	}
	msg, ok := msgStates, true
	return genserver.ListCountryStates200JSONResponse{Message: &msg, Success: &ok, Content: &gen.ListCountryStatesContent{States: &list}}, nil
}

// ListCountryPincodes answers a page of a country's postal codes in
// order, only those starting with the pincode parameter when it is given.
func (h *handlers) ListCountryPincodes(ctx context.Context, req genserver.ListCountryPincodesRequestObject) (genserver.ListCountryPincodesResponseObject, error) {
	var list []gen.Pincode
	e := h.s.reading(ctx, func() *apiError {
		pr, e := pageOf(req.Params.Page, req.Params.Limit)
		if e != nil {
			return e
		}
		c, e := h.s.shop().countryByCode(req.CountryIsoCode)
		if e == nil {
			list = c.pincodesView(req.Params.Pincode, pr)
		}
		return e
	})
	if e != nil {
		return listCountryPincodesError(e), nil
	}
	msg, ok := msgPincodes, true
	return genserver.ListCountryPincodes200JSONResponse{Message: &msg, Success: &ok, Content: &gen.ListCountryPincodesContent{Pincodes: &list}}, nil
}
