package storefronttest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// searchAttributes are the attributes search-products filters, sorts and
// counts facets on, as the API documents them. attributes.key holds the
// keys of a SKU's attributes and variant options; attributes.<key> (an
// addition of this server) holds the values of one of them.
var searchAttributes = []string{
	"product_type", "categories.name", "attributes.key", "pricing.listing_price", "pricing.selling_price",
	"pricing.tax_rate", "product_id", "variant_id", "product_name", "variant_name", "tags", "sku",
	"stock_available", "rating",
}

// searchSortable are the attributes the sort of search-products takes
// ("pricing.selling_price:desc").
var searchSortable = []string{
	"product_name", "variant_name", "sku", "pricing.listing_price", "pricing.selling_price", "pricing.tax_rate",
	"rating", "created_at",
}

// identifying attributes are left out of the facets "*" asks for.
var identifying = []string{"product_id", "variant_id", "product_name", "variant_name", "sku"}

func filterable(name string) bool {
	return slices.Contains(searchAttributes, name) || (strings.HasPrefix(name, "attributes.") && len(name) > len("attributes."))
}

// MaxQueryWords is how many words of a search query count; the rest are
// ignored, as the API documents.
const MaxQueryWords = 10

// facetStat is the type of one entry of facet_stats.
type facetStat = struct {
	Max decimal.Decimal `json:"max"`
	Min decimal.Decimal `json:"min"`
}

// searchResult is one page of a search, with the facets of every match.
type searchResult struct {
	page         []sku
	pagination   gen.Pagination
	distribution map[string]map[string]decimal.Decimal
	stats        map[string]facetStat
}

// searchEntry is one SKU as search sees it.
type searchEntry struct {
	k     sku
	doc   document
	text  []weighted
	score int
	order int // the default order: newest product first, its variants in order
}

// weighted is a word of a SKU's text and how much a match on it counts.
type weighted struct {
	word   string
	weight int
}

// search runs a search-products request over the store's SKUs or the
// marketplace's.
func (v *view) search(body gen.SearchProduct, marketplace bool) (*searchResult, *apiError) {
	pr, e := pageOf(&body.Page, &body.Limit)
	if e != nil {
		return nil, e
	}
	filter, e := parseSearchFilter(body.Filter)
	if e != nil {
		return nil, e
	}
	keys, e := parseSearchSort(body.Sort)
	if e != nil {
		return nil, e
	}
	facets, e := facetNames(body.Facets)
	if e != nil {
		return nil, e
	}
	query := queryWords(body.Query)

	var matched []*searchEntry
	for i, k := range v.skus(&productQuery{marketplace: marketplace}, nil) {
		en := &searchEntry{k: k, doc: v.document(k), order: i}
		if !filter.match(en.doc) {
			continue
		}
		if len(query) > 0 {
			en.text = v.searchText(k)
			var ok bool
			if en.score, ok = relevance(query, en.text); !ok {
				continue
			}
		}
		matched = append(matched, en)
	}
	sortItems(matched, keys, func(a, b *searchEntry, field string) int {
		if field == "created_at" {
			return a.k.p.createdAt.Compare(b.k.p.createdAt)
		}
		return compareValues(a.doc[field], b.doc[field])
	}, func(a, b *searchEntry) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.order, b.order)
	})

	res := &searchResult{distribution: map[string]map[string]decimal.Decimal{}, stats: map[string]facetStat{}}
	if slices.Contains(facets, "*") {
		facets = allFacets(matched)
	}
	for _, f := range facets {
		dist, stat, numeric := facet(matched, f)
		res.distribution[f] = dist
		if numeric {
			res.stats[f] = stat
		}
	}
	var page []*searchEntry
	page, res.pagination = paginate(matched, pr)
	res.page = make([]sku, 0, len(page))
	for _, en := range page {
		res.page = append(res.page, en.k)
	}
	return res, nil
}

// document is a SKU's attributes for filters, sorting and facets.
func (v *view) document(k sku) document {
	p, o := k.p, k.offer()
	d := document{
		"product_type":          {strValue(p.kind)},
		"pricing.listing_price": {numValue(v.listing(o))},
		"pricing.selling_price": {numValue(v.price(o))},
		"pricing.tax_rate":      {numValue(p.taxRate)},
		"product_id":            {strValue(p.id)},
		"product_name":          {strValue(p.name)},
		"sku":                   {strValue(o.sku)},
		"tags":                  {},
		"categories.name":       {},
		"attributes.key":        {},
		"variant_id":            {nullValue()},
		"variant_name":          {nullValue()},
		"rating":                {nullValue()},
	}
	if p.kind == TypeBundle {
		d["stock_available"] = []fvalue{boolValue(v.productInStock(p))}
	} else {
		d["stock_available"] = []fvalue{boolValue(inStock(p, o))}
	}
	if k.v != nil {
		d["variant_id"] = []fvalue{strValue(k.v.id)}
		d["variant_name"] = []fvalue{strValue(k.v.name)}
	}
	for _, t := range p.tags {
		d["tags"] = append(d["tags"], strValue(t))
	}
	seen := map[*category]bool{}
	for _, c := range p.categories {
		for a := c; a != nil; a = a.parent {
			if !seen[a] {
				seen[a] = true
				d["categories.name"] = append(d["categories.name"], strValue(a.name))
			}
		}
	}
	attrs := p.attributes
	if k.v != nil {
		attrs = append(slices.Clone(attrs), k.v.attributes...)
	}
	for _, a := range attrs {
		d["attributes.key"] = append(d["attributes.key"], strValue(a.key))
		d["attributes."+a.key] = attributeValues(a)
	}
	if k.v != nil {
		for i, opt := range p.options {
			if i < len(k.v.options) {
				d["attributes.key"] = append(d["attributes.key"], strValue(opt.key))
				d["attributes."+opt.key] = []fvalue{strValue(k.v.options[i].value)}
			}
		}
	}
	if count, sum := p.ratingStats(); count > 0 {
		avg, _ := sum.Div(decimal.NewFromInt(int64(count)), 2, decimal.HalfUp)
		d["rating"] = []fvalue{numValue(avg)}
	}
	return d
}

func attributeValues(a attribute) []fvalue {
	switch val := a.value.(type) {
	case string:
		return []fvalue{strValue(val)}
	case []string:
		out := make([]fvalue, 0, len(val))
		for _, s := range val {
			out = append(out, strValue(s))
		}
		return out
	case decimal.Decimal:
		return []fvalue{numValue(val)}
	case bool:
		return []fvalue{boolValue(val)}
	case []colorValue:
		out := make([]fvalue, 0, len(val))
		for _, c := range val {
			out = append(out, strValue(c.name))
		}
		return out
	}
	return []fvalue{strValue(fmt.Sprint(a.value))}
}

// searchText is a SKU's words, each with the weight of the field it is in:
// names 4, SKU and tags 3, categories 2, descriptions and attribute values 1.
func (v *view) searchText(k sku) []weighted {
	p := k.p
	var out []weighted
	add := func(text string, weight int) {
		for _, w := range words(text) {
			out = append(out, weighted{w, weight})
		}
	}
	add(p.name, 4)
	if k.v != nil {
		add(k.v.name, 4)
	}
	add(k.offer().sku, 3)
	for _, t := range p.tags {
		add(t, 3)
	}
	for _, c := range p.categories {
		for a := c; a != nil; a = a.parent {
			add(a.name, 2)
		}
	}
	add(p.shortDesc, 1)
	add(p.description, 1)
	for _, a := range p.attributes {
		for _, val := range attributeValues(a) {
			if val.kind == 's' {
				add(val.s, 1)
			}
		}
	}
	return out
}

// words lower-cases text and splits it into words of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// queryWords are the words of a query that count: the first MaxQueryWords.
func queryWords(q string) []string {
	w := words(q)
	if len(w) > MaxQueryWords {
		w = w[:MaxQueryWords]
	}
	return w
}

// relevance scores a SKU's text against the query: every query word must
// be a word of the text or the start of one (so "head" finds
// "headphones"); each counts the weight of its best field, plus one for a
// whole word. ok is false when a word matches nothing.
func relevance(query []string, text []weighted) (score int, ok bool) {
	for _, q := range query {
		best := 0
		for _, t := range text {
			if !strings.HasPrefix(t.word, q) {
				continue
			}
			w := t.weight
			if t.word == q {
				w++
			}
			best = max(best, w)
		}
		if best == 0 {
			return 0, false
		}
		score += best
	}
	return score, true
}

// parseSearchFilter reads the filter of a search: one expression, or an
// array whose strings must all hold and whose inner arrays hold when one
// of their strings does. A syntax error or an attribute that cannot be
// filtered on is a 400 naming filter.
func parseSearchFilter(f *gen.SearchFilter) (filterNode, *apiError) {
	if f == nil {
		return andNode{}, nil
	}
	raw, err := f.MarshalJSON()
	if err != nil {
		return nil, fieldError(CodeBadRequest, "filter", "must be a string or an array")
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, fieldError(CodeBadRequest, "filter", "must be a string or an array")
	}
	n, err := filterOf(v, 0)
	if err != nil {
		return nil, fieldError(CodeBadRequest, "filter", err.Error())
	}
	return n, nil
}

func filterOf(v any, depth int) (filterNode, error) {
	switch x := v.(type) {
	case nil:
		return andNode{}, nil
	case string:
		return parseFilter(x, filterable)
	case []any:
		if depth >= 2 {
			return nil, &filterError{"arrays nest at most two levels"}
		}
		nodes := make([]filterNode, 0, len(x))
		for _, item := range x {
			n, err := filterOf(item, depth+1)
			if err != nil {
				return nil, err
			}
			nodes = append(nodes, n)
		}
		if depth == 0 {
			return andNode(nodes), nil
		}
		return orNode(nodes), nil
	}
	return nil, &filterError{"must be a string or an array of strings and arrays of strings"}
}

// parseSearchSort reads the sort of a search: "attribute:asc" or
// "attribute:desc" (the direction defaults to asc), in order of
// precedence.
func parseSearchSort(sort *[]string) ([]sortKey, *apiError) {
	if sort == nil {
		return nil, nil
	}
	var keys []sortKey
	for _, s := range *sort {
		field, dir, _ := strings.Cut(strings.TrimSpace(s), ":")
		if !slices.Contains(searchSortable, field) {
			return nil, fieldError(CodeBadRequest, "sort", fmt.Sprintf("cannot sort by %q; sort by %s", field, strings.Join(searchSortable, ", ")))
		}
		switch strings.ToLower(dir) {
		case "", "asc":
			keys = append(keys, sortKey{field: field})
		case "desc":
			keys = append(keys, sortKey{field: field, desc: true})
		default:
			return nil, fieldError(CodeBadRequest, "sort", fmt.Sprintf(`%q: the order must be "asc" or "desc"`, s))
		}
	}
	return keys, nil
}

// facetNames checks the facets asked for: filterable attributes, or "*"
// for all.
func facetNames(facets *[]string) ([]string, *apiError) {
	if facets == nil {
		return nil, nil
	}
	var out []string
	for _, f := range *facets {
		if f != "*" && !filterable(f) {
			return nil, fieldError(CodeBadRequest, "facets", fmt.Sprintf("%q is not an attribute facets can count", f))
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// allFacets lists every attribute the matched SKUs have, but the ones that
// identify a single SKU.
func allFacets(matched []*searchEntry) []string {
	seen := map[string]bool{}
	var out []string
	for _, en := range matched {
		for name := range en.doc {
			if !seen[name] && !slices.Contains(identifying, name) {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	slices.Sort(out)
	return out
}

// facet counts, for one attribute, how many matched SKUs have each value
// (null left out), and the lowest and highest of its numbers.
func facet(matched []*searchEntry, name string) (map[string]decimal.Decimal, facetStat, bool) {
	counts := map[string]int{}
	var stat facetStat
	numeric := false
	for _, en := range matched {
		seen := map[string]bool{}
		for _, val := range en.doc[name] {
			if val.isNull() {
				continue
			}
			key := val.String()
			if !seen[key] {
				seen[key] = true
				counts[key]++
			}
			if n, ok := val.numeric(); ok {
				if !numeric || n.LessThan(stat.Min) {
					stat.Min = n
				}
				if !numeric || n.GreaterThan(stat.Max) {
					stat.Max = n
				}
				numeric = true
			}
		}
	}
	dist := make(map[string]decimal.Decimal, len(counts))
	for k, n := range counts {
		dist[k] = decimal.NewFromInt(int64(n))
	}
	return dist, stat, numeric
}

// compareValues orders two attribute values for sorting: numbers by
// value, strings without regard to case; missing and null values last.
func compareValues(a, b []fvalue) int {
	av, bv := first(a), first(b)
	switch {
	case av.isNull() && bv.isNull():
		return 0
	case av.isNull():
		return 1
	case bv.isNull():
		return -1
	}
	if an, ok := av.numeric(); ok {
		if bn, ok := bv.numeric(); ok {
			return an.Cmp(bn)
		}
	}
	return compareFold(av.String(), bv.String())
}

func first(vals []fvalue) fvalue {
	if len(vals) == 0 {
		return nullValue()
	}
	return vals[0]
}
