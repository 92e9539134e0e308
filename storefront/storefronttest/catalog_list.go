package storefronttest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/commercengine-go/sdk/decimal"
)

// The fields each list sorts by (sort_by). The default orders are the
// API's: newest first for products, SKUs and categories, the merchant's
// order for suggestions.
var (
	productSortFields  = []string{"name", "slug", "created_at", "pricing.selling_price", "pricing.listing_price", "reviews_count"}
	itemSortFields     = []string{"product_name", "variant_name", "sku", "created_at", "pricing.selling_price", "pricing.listing_price", "reviews_count"}
	categorySortFields = []string{"name", "slug", "created_at", "product_count"}
)

// productQuery is what a product or SKU list asks for.
type productQuery struct {
	marketplace bool
	categories  []*category // any of them, or below one of them; nil: every category
	kinds       map[string]bool
	sellerID    string
	skus        map[string]bool // SKU lists: only these codes (case-insensitive)
}

// resolveCategories looks up category IDs and slugs; an unknown one is a
// 404.
func (sh *shop) resolveCategories(ids, slugs *[]string) ([]*category, *apiError) {
	var out []*category
	if ids != nil {
		for _, id := range *ids {
			c := sh.categories[id]
			if c == nil {
				return nil, notFound("category " + id + " not found")
			}
			out = append(out, c)
		}
	}
	if slugs != nil {
		for _, slug := range *slugs {
			c := sh.categorySlugs[strings.ToLower(slug)]
			if c == nil {
				return nil, notFound("category " + slug + " not found")
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// parseProductTypes reads product_type: one type or several separated by
// commas; an unknown type is a 400.
func parseProductTypes(raw *string) (map[string]bool, *apiError) {
	if raw == nil || strings.TrimSpace(*raw) == "" {
		return nil, nil
	}
	out := map[string]bool{}
	for t := range strings.SplitSeq(*raw, ",") {
		t = strings.ToLower(strings.TrimSpace(t))
		switch t {
		case TypePhysical, TypeDigital, TypeBundle:
			out[t] = true
		default:
			return nil, fieldError(CodeBadRequest, "product_type", "must be physical, digital or bundle (or several, separated by commas)")
		}
	}
	return out, nil
}

// checkSeller makes a seller_id filter 404 when there is no such seller.
func (sh *shop) checkSeller(id *string) (string, *apiError) {
	if id == nil || *id == "" {
		return "", nil
	}
	if sh.sellers[*id] == nil {
		return "", notFound("seller " + *id + " not found")
	}
	return *id, nil
}

func (q *productQuery) matches(p *product) bool {
	if p.marketplace() != q.marketplace {
		return false
	}
	if q.sellerID != "" && p.sellerID != q.sellerID {
		return false
	}
	if q.kinds != nil && !q.kinds[p.kind] {
		return false
	}
	if q.categories != nil && !slices.ContainsFunc(p.categories, func(c *category) bool {
		return slices.ContainsFunc(q.categories, c.within)
	}) {
		return false
	}
	return true
}

// newestFirst is the default order of products: by creation, newest first.
func newestFirst(a, b *product) int {
	if c := b.createdAt.Compare(a.createdAt); c != 0 {
		return c
	}
	return cmp.Compare(b.id, a.id)
}

// products lists the products q matches, sorted.
func (v *view) products(q *productQuery, keys []sortKey) []*product {
	var out []*product
	for _, p := range v.sh.productList {
		if q.matches(p) {
			out = append(out, p)
		}
	}
	sortItems(out, keys, func(a, b *product, field string) int {
		switch field {
		case "name":
			return compareFold(a.name, b.name)
		case "slug":
			return cmp.Compare(a.slug, b.slug)
		case "created_at":
			return a.createdAt.Compare(b.createdAt)
		case "pricing.selling_price":
			return v.price(a.mainOffer()).Cmp(v.price(b.mainOffer()))
		case "pricing.listing_price":
			return v.listing(a.mainOffer()).Cmp(v.listing(b.mainOffer()))
		case "reviews_count":
			ca, _ := a.ratingStats()
			cb, _ := b.ratingStats()
			return cmp.Compare(ca, cb)
		}
		return 0
	}, newestFirst)
	return out
}

func (v *view) listing(o *offer) decimal.Decimal { return decimal.Max(o.listing, v.price(o)) }

// skus lists the SKUs of the products q matches (every variant of a
// product with variants), sorted: by default newest product first, its
// variants in their order.
func (v *view) skus(q *productQuery, keys []sortKey) []sku {
	var out []sku
	for _, p := range v.products(q, nil) {
		for _, k := range skusOf(p) {
			if q.skus == nil || q.skus[strings.ToLower(k.offer().sku)] {
				out = append(out, k)
			}
		}
	}
	v.sortSKUs(out, keys, func(sku, sku) int { return 0 })
	return out
}

// sortSKUs sorts SKUs by keys, then by fallback.
func (v *view) sortSKUs(list []sku, keys []sortKey, fallback func(a, b sku) int) {
	sortItems(list, keys, func(a, b sku, field string) int {
		switch field {
		case "product_name":
			return compareFold(a.p.name, b.p.name)
		case "variant_name":
			return compareFold(variantName(a), variantName(b))
		case "sku":
			return cmp.Compare(a.offer().sku, b.offer().sku)
		case "created_at":
			return a.p.createdAt.Compare(b.p.createdAt)
		case "pricing.selling_price":
			return v.price(a.offer()).Cmp(v.price(b.offer()))
		case "pricing.listing_price":
			return v.listing(a.offer()).Cmp(v.listing(b.offer()))
		case "reviews_count":
			ca, _ := a.p.ratingStats()
			cb, _ := b.p.ratingStats()
			return cmp.Compare(ca, cb)
		}
		return 0
	}, fallback)
}

func variantName(k sku) string {
	if k.v == nil {
		return ""
	}
	return k.v.name
}

// productByRef finds a product by ID or slug, in the store's own catalog or
// the marketplace's; anything else is a 404.
func (sh *shop) productByRef(ref string, marketplace bool) (*product, *apiError) {
	p := sh.products[ref]
	if p == nil {
		p = sh.productSlugs[strings.ToLower(ref)]
	}
	if p == nil || p.marketplace() != marketplace {
		return nil, notFound("product " + ref + " not found")
	}
	return p, nil
}

// variantByRef finds a variant of p by ID or slug; else 404.
func variantByRef(p *product, ref string) (*variant, *apiError) {
	for _, v := range p.variants {
		if v.id == ref || strings.EqualFold(v.slug, ref) {
			return v, nil
		}
	}
	return nil, notFound("variant " + ref + " of product " + p.id + " not found")
}

// Recommendation kinds.
const (
	relCrossSell = "cross-sell"
	relUpSell    = "up-sell"
	relSimilar   = "similar"
)

// related lists the products to suggest for the given ones (IDs or slugs;
// an unknown one is a 404): the merchant's cross-sell or up-sell lists of
// each, in their order, or for similar the products sharing the most
// categories and tags, the closest in price first. The given products are
// never suggested; without any there is nothing to suggest.
func (v *view) related(kind string, refs *[]string, marketplace bool) ([]*product, *apiError) {
	if refs == nil {
		return nil, nil
	}
	var given []*product
	for _, ref := range *refs {
		p, e := v.sh.productByRef(ref, marketplace)
		if e != nil {
			return nil, e
		}
		if !slices.Contains(given, p) {
			given = append(given, p)
		}
	}
	var out []*product
	add := func(id string) {
		p := v.sh.products[id]
		if p != nil && p.marketplace() == marketplace && !slices.Contains(given, p) && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	switch kind {
	case relCrossSell:
		for _, g := range given {
			for _, id := range g.crosssell {
				add(id)
			}
		}
	case relUpSell:
		for _, g := range given {
			for _, id := range g.upsell {
				add(id)
			}
		}
	case relSimilar:
		out = v.similar(given, marketplace)
	}
	return out, nil
}

// similar ranks the products of the same scope by what they share with
// the given ones: 3 points per shared category, 1 per category with the
// same parent, 1 per shared tag, and 1 for the same product type when they
// share any of the others (the type alone is not enough). Ties
// go to the price closest to the given products' average, then to the ID.
func (v *view) similar(given []*product, marketplace bool) []*product {
	type scored struct {
		p     *product
		score int
		gap   decimal.Decimal
	}
	var avg decimal.Decimal
	for _, g := range given {
		avg = avg.Add(v.price(g.mainOffer()))
	}
	if len(given) > 0 {
		avg, _ = avg.Div(decimal.NewFromInt(int64(len(given))), 2, decimal.HalfUp)
	}
	var cands []scored
	for _, p := range v.sh.productList {
		if p.marketplace() != marketplace || slices.Contains(given, p) {
			continue
		}
		shared, sameKind := 0, 0
		for _, g := range given {
			for _, c := range p.categories {
				switch {
				case slices.Contains(g.categories, c):
					shared += 3
				case slices.ContainsFunc(g.categories, func(gc *category) bool { return gc.parent != nil && gc.parent == c.parent }):
					shared++
				}
			}
			for _, t := range p.tags {
				if slices.ContainsFunc(g.tags, func(gt string) bool { return strings.EqualFold(gt, t) }) {
					shared++
				}
			}
			if p.kind == g.kind {
				sameKind++
			}
		}
		if shared > 0 { // the product type alone does not make products similar
			cands = append(cands, scored{p: p, score: shared + sameKind, gap: v.price(p.mainOffer()).Sub(avg).Abs()})
		}
	}
	slices.SortStableFunc(cands, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := a.gap.Cmp(b.gap); c != 0 {
			return c
		}
		return cmp.Compare(a.p.id, b.p.id)
	})
	out := make([]*product, 0, len(cands))
	for _, c := range cands {
		out = append(out, c.p)
	}
	return out
}

// categoryQuery is what list-categories asks for.
type categoryQuery struct {
	parentID, parentSlug *string
	nestedLevel          *int
	search               *string
}

// categoryList lists categories below a parent (or from the top), down to
// nested_level levels (default 1: the parent's children or the top level),
// as a flat list in which each category names its children. With a search
// keyword it lists instead every category below the parent, at any depth,
// whose name or slug contains the keyword. An unknown parent is a 404.
func (v *view) categoryList(q categoryQuery, keys []sortKey) ([]*category, *apiError) {
	var root *category
	switch {
	case q.parentID != nil && *q.parentID != "":
		if root = v.sh.categories[*q.parentID]; root == nil {
			return nil, notFound("category " + *q.parentID + " not found")
		}
	case q.parentSlug != nil && *q.parentSlug != "":
		if root = v.sh.categorySlugs[strings.ToLower(*q.parentSlug)]; root == nil {
			return nil, notFound("category " + *q.parentSlug + " not found")
		}
	}
	levels := 1
	if q.nestedLevel != nil {
		levels = *q.nestedLevel
	}
	keyword := ""
	if q.search != nil {
		keyword = strings.TrimSpace(*q.search)
	}
	base := 0
	if root != nil {
		base = root.depth()
	}
	var out []*category
	for _, c := range v.sh.categoryList {
		if c == root || (root != nil && !c.within(root)) {
			continue
		}
		rel := c.depth() - base
		if keyword != "" {
			if containsFold(c.name, keyword) || containsFold(c.slug, keyword) {
				out = append(out, c)
			}
		} else if rel <= levels {
			out = append(out, c)
		}
	}
	sortItems(out, keys, func(a, b *category, field string) int {
		switch field {
		case "name":
			return compareFold(a.name, b.name)
		case "slug":
			return cmp.Compare(a.slug, b.slug)
		case "created_at":
			return a.createdAt.Compare(b.createdAt)
		case "product_count":
			return cmp.Compare(v.productCount(a), v.productCount(b))
		}
		return 0
	}, func(a, b *category) int {
		if c := b.createdAt.Compare(a.createdAt); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	return out, nil
}
