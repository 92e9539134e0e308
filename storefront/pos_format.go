package storefront

import (
	"fmt"
	"log/slog"

	"github.com/commercengine-go/sdk/internal/redact"
)

// How the point of sale's types print: by the store they act for and the
// staff member's ID, never the tokens, the client's API key or what the
// services reach through the session. See redact_format.go.

// String describes the terminal's session by its client's store and the
// type of its store, without the API key or the tokens; it reads nothing
// from the store.
func (p POSSession) String() string {
	store := ""
	if p.s != nil {
		store = redact.TypeName(p.s.store)
	}
	return newView("POSSession").Field("StoreID", storeIDOf(p.s)).Field("Store", store).String()
}

// GoString keeps %#v from printing what the session reaches.
func (p POSSession) GoString() string { return "storefront." + p.String() }

// Format keeps every fmt verb from printing the API key and the tokens.
func (p POSSession) Format(f fmt.State, verb rune) { formatRedacted(f, verb, p) }

// LogValue implements slog.LogValuer without the API key or the tokens.
func (p POSSession) LogValue() slog.Value {
	store := ""
	if p.s != nil {
		store = redact.TypeName(p.s.store)
	}
	return slog.GroupValue(slog.String("store_id", storeIDOf(p.s)), slog.String("store", store))
}

// String describes the services by the store they act for.
func (s POSServices) String() string {
	id := ""
	if s.Auth != nil {
		id = storeIDOf(s.Auth.s)
	}
	return newView("POSServices").Field("StoreID", id).String()
}

// GoString keeps %#v from printing what the services reach.
func (s POSServices) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the services reach.
func (s POSServices) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the services reach.
func (s POSServices) LogValue() slog.Value {
	id := ""
	if s.Auth != nil {
		id = storeIDOf(s.Auth.s)
	}
	return storeIDValue(id)
}

// String describes the staff login by the staff member's ID and location,
// without the tokens.
func (r POSAuthResult) String() string {
	return newView("POSAuthResult").Field("User", r.User.ID).Field("Location", r.User.Location.ID).
		Secret("AccessToken", r.AccessToken).Secret("RefreshToken", r.RefreshToken).String()
}

// GoString keeps %#v from printing the tokens.
func (r POSAuthResult) GoString() string { return "storefront." + r.String() }

// Format keeps every fmt verb from printing the tokens.
func (r POSAuthResult) Format(f fmt.State, verb rune) { formatRedacted(f, verb, r) }

// LogValue implements slog.LogValuer without the tokens.
func (r POSAuthResult) LogValue() slog.Value {
	return slog.GroupValue(slog.String("user_id", r.User.ID), slog.String("location_id", r.User.Location.ID),
		slog.String("access_token", present(r.AccessToken)), slog.String("refresh_token", present(r.RefreshToken)))
}

// String describes the service by the store of its session.
func (s POSAuthService) String() string { return sessionView("POSAuthService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s POSAuthService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s POSAuthService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s POSAuthService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s POSDevicesService) String() string { return sessionView("POSDevicesService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s POSDevicesService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s POSDevicesService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s POSDevicesService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s POSCatalogService) String() string { return sessionView("POSCatalogService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s POSCatalogService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s POSCatalogService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s POSCatalogService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s POSCartService) String() string { return sessionView("POSCartService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s POSCartService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s POSCartService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s POSCartService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s POSOrdersService) String() string { return sessionView("POSOrdersService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s POSOrdersService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s POSOrdersService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s POSOrdersService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }
