package storefront

import (
	"encoding/json"
	"strings"
)

// SortField is one field of a list's order, ascending or descending; make
// one with Asc or Desc.
type SortField struct {
	Field string // e.g. "name", "pricing.selling_price", "created_at"
	Desc  bool
}

// Asc orders by field, smallest first.
func Asc(field string) SortField { return SortField{Field: field} }

// Desc orders by field, largest first.
func Desc(field string) SortField { return SortField{Field: field, Desc: true} }

// SortOrder returns the sort_by parameter of a list for fields, in order of
// precedence: the JSON object {"field":"asc"|"desc", …} the API expects,
// keys in the order given. Use it for the SortBy field of a list's
// parameters:
//
//	params := &storefront.ListProductsParams{
//		SortBy: storefront.SortOrder(storefront.Desc("pricing.selling_price"), storefront.Asc("name")),
//	}
//
// With no fields it returns nil (the API's default order).
func SortOrder(fields ...SortField) *string {
	if len(fields) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(f.Field) // a string always marshals
		b.Write(key)
		if f.Desc {
			b.WriteString(`:"desc"`)
		} else {
			b.WriteString(`:"asc"`)
		}
	}
	b.WriteByte('}')
	s := b.String()
	return &s
}
