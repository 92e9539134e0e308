package storefronttest

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/commercengine-go/sdk/gen"
)

// Page sizes of every paginated list.
const (
	DefaultPageLimit = 25  // the limit of a list that names none
	MaxPageLimit     = 100 // a larger limit is a 400
)

// pageRequest is a valid page and limit.
type pageRequest struct{ page, limit int }

// pageOf checks a list's page and limit: page at least 1 (default 1),
// limit from 1 to MaxPageLimit (default DefaultPageLimit); else 400 naming
// the parameter.
func pageOf(page, limit *int) (pageRequest, *apiError) {
	pr := pageRequest{page: 1, limit: DefaultPageLimit}
	if page != nil {
		if *page < 1 {
			return pr, fieldError(CodeBadRequest, "page", "must be at least 1")
		}
		pr.page = *page
	}
	if limit != nil {
		if *limit < 1 || *limit > MaxPageLimit {
			return pr, fieldError(CodeBadRequest, "limit", fmt.Sprintf("must be from 1 to %d", MaxPageLimit))
		}
		pr.limit = *limit
	}
	return pr, nil
}

// paginate cuts one page out of items. A page beyond the last is empty, not
// an error: its pagination still counts every item, next_page is null and
// previous_page is the page before the one asked for.
func paginate[T any](items []T, pr pageRequest) ([]T, gen.Pagination) {
	total := len(items)
	pages := (total + pr.limit - 1) / pr.limit
	pg := gen.Pagination{TotalRecords: total, TotalPages: pages, Limit: pr.limit}
	if pr.page > 1 {
		prev := pr.page - 1
		pg.PreviousPage = &prev
	}
	if pr.page < pages {
		next := pr.page + 1
		pg.NextPage = &next
	}
	start := (pr.page - 1) * pr.limit
	if start >= total {
		return []T{}, pg
	}
	return slices.Clone(items[start:min(start+pr.limit, total)]), pg
}

// wholeList is the pagination of a list answered in one piece.
func wholeList(n int) gen.Pagination {
	pg := gen.Pagination{TotalRecords: n, Limit: n}
	if n > 0 {
		pg.TotalPages = 1
	}
	return pg
}

// sortKey is one field of a sort_by, in its order.
type sortKey struct {
	field string
	desc  bool
}

// parseSortBy reads a sort_by parameter: a JSON object mapping each field
// to "asc" or "desc", applied in the object's order ({"name":"asc",
// "created_at":"desc"}). Fields must be among those the list sorts by.
// Anything else is a 400 naming sort_by.
func parseSortBy(raw *string, fields []string) ([]sortKey, *apiError) {
	if raw == nil || strings.TrimSpace(*raw) == "" {
		return nil, nil
	}
	bad := func(msg string) *apiError { return fieldError(CodeBadRequest, "sort_by", msg) }
	malformed := bad(`must be a JSON object of fields and "asc" or "desc", such as {"` + fields[0] + `":"asc"}`)
	dec := json.NewDecoder(strings.NewReader(*raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, malformed
	}
	var keys []sortKey
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, malformed
		}
		field, _ := kt.(string)
		vt, err := dec.Token()
		if err != nil {
			return nil, malformed
		}
		dir, ok := vt.(string)
		if !ok {
			return nil, malformed
		}
		if !slices.Contains(fields, field) {
			return nil, bad(fmt.Sprintf("cannot sort by %q; sort by %s", field, strings.Join(fields, ", ")))
		}
		if slices.ContainsFunc(keys, func(k sortKey) bool { return k.field == field }) {
			return nil, bad(fmt.Sprintf("names %q twice", field))
		}
		switch strings.ToLower(dir) {
		case "asc":
			keys = append(keys, sortKey{field: field})
		case "desc":
			keys = append(keys, sortKey{field: field, desc: true})
		default:
			return nil, bad(fmt.Sprintf(`%q: the order must be "asc" or "desc"`, field))
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return nil, malformed
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, malformed
	}
	return keys, nil
}

// sortItems sorts items by keys, then by fallback (the list's default
// order), stably.
func sortItems[T any](items []T, keys []sortKey, byField func(a, b T, field string) int, fallback func(a, b T) int) {
	slices.SortStableFunc(items, func(a, b T) int {
		for _, k := range keys {
			c := byField(a, b, k.field)
			if k.desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return fallback(a, b)
	})
}

// compareFold orders strings without regard to case.
func compareFold(a, b string) int {
	return cmp.Compare(strings.ToLower(a), strings.ToLower(b))
}

// containsFold reports whether s contains sub, without regard to case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
