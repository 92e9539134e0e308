package storefront

import (
	"fmt"
	"log/slog"
)

// How the services print: by the store of the session they act for,
// never what they reach through it (the client's API key, the
// shopper's tokens). See redact_format.go.

// sessionView is the String of a service named name on s.
func sessionView(name string, s *Session) string {
	return newView(name).Field("StoreID", storeIDOf(s)).String()
}

// keyOnlyView is the String of a service named name of Client.Public.
func keyOnlyView(name string, k *keyOnly) string {
	id := ""
	if k != nil {
		id = k.storeID
	}
	return newView(name).Field("StoreID", id).String()
}

func storeIDValue(id string) slog.Value { return slog.GroupValue(slog.String("store_id", id)) }

// String describes the services by the store they act for.
func (s Services) String() string {
	id := ""
	if s.Auth != nil {
		id = storeIDOf(s.Auth.s)
	}
	return newView("Services").Field("StoreID", id).String()
}

// GoString keeps %#v from printing what the services reach.
func (s Services) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the services reach.
func (s Services) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the services reach.
func (s Services) LogValue() slog.Value {
	id := ""
	if s.Auth != nil {
		id = storeIDOf(s.Auth.s)
	}
	return storeIDValue(id)
}

// String describes the public services by their store.
func (p Public) String() string {
	id := ""
	if p.Catalog != nil && p.Catalog.c != nil {
		id = p.Catalog.c.storeID
	}
	return newView("Public").Field("StoreID", id).String()
}

// GoString keeps %#v from printing the API key.
func (p Public) GoString() string { return "storefront." + p.String() }

// Format keeps every fmt verb from printing the API key.
func (p Public) Format(f fmt.State, verb rune) { formatRedacted(f, verb, p) }

// LogValue implements slog.LogValuer without the API key.
func (p Public) LogValue() slog.Value {
	id := ""
	if p.Catalog != nil && p.Catalog.c != nil {
		id = p.Catalog.c.storeID
	}
	return storeIDValue(id)
}

// String describes the service by the store of its session.
func (s AnalyticsService) String() string { return sessionView("AnalyticsService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s AnalyticsService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s AnalyticsService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s AnalyticsService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s AuthService) String() string { return sessionView("AuthService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s AuthService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s AuthService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s AuthService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s CampaignsService) String() string { return sessionView("CampaignsService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s CampaignsService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s CampaignsService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s CampaignsService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s CartService) String() string { return sessionView("CartService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s CartService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s CartService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s CartService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s CatalogService) String() string { return sessionView("CatalogService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s CatalogService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s CatalogService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s CatalogService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s CommonService) String() string { return sessionView("CommonService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s CommonService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s CommonService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s CommonService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s CustomersService) String() string { return sessionView("CustomersService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s CustomersService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s CustomersService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s CustomersService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s FulfillmentService) String() string { return sessionView("FulfillmentService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s FulfillmentService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s FulfillmentService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s FulfillmentService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s OrdersService) String() string { return sessionView("OrdersService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s OrdersService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s OrdersService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s OrdersService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s PaymentsService) String() string { return sessionView("PaymentsService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s PaymentsService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s PaymentsService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s PaymentsService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s StoreService) String() string { return sessionView("StoreService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s StoreService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s StoreService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s StoreService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s SubscriptionsService) String() string { return sessionView("SubscriptionsService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s SubscriptionsService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s SubscriptionsService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s SubscriptionsService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by the store of its session.
func (s WishlistService) String() string { return sessionView("WishlistService", s.s) }

// GoString keeps %#v from printing what the service reaches.
func (s WishlistService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing what the service reaches.
func (s WishlistService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without what the service reaches.
func (s WishlistService) LogValue() slog.Value { return storeIDValue(storeIDOf(s.s)) }

// String describes the service by its store.
func (s PublicCatalogService) String() string { return keyOnlyView("PublicCatalogService", s.c) }

// GoString keeps %#v from printing the API key.
func (s PublicCatalogService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing the API key.
func (s PublicCatalogService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without the API key.
func (s PublicCatalogService) LogValue() slog.Value {
	if s.c == nil {
		return storeIDValue("")
	}
	return storeIDValue(s.c.storeID)
}

// String describes the service by its store.
func (s PublicCommonService) String() string { return keyOnlyView("PublicCommonService", s.c) }

// GoString keeps %#v from printing the API key.
func (s PublicCommonService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing the API key.
func (s PublicCommonService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without the API key.
func (s PublicCommonService) LogValue() slog.Value {
	if s.c == nil {
		return storeIDValue("")
	}
	return storeIDValue(s.c.storeID)
}

// String describes the service by its store.
func (s PublicStoreService) String() string { return keyOnlyView("PublicStoreService", s.c) }

// GoString keeps %#v from printing the API key.
func (s PublicStoreService) GoString() string { return "storefront." + s.String() }

// Format keeps every fmt verb from printing the API key.
func (s PublicStoreService) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }

// LogValue implements slog.LogValuer without the API key.
func (s PublicStoreService) LogValue() slog.Value {
	if s.c == nil {
		return storeIDValue("")
	}
	return storeIDValue(s.c.storeID)
}
