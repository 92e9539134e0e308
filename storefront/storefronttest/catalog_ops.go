package storefronttest

import (
	"context"
	"strings"

	"github.com/commercengine-go/sdk/gen"
)

// The catalog operations' logic, shared by each operation and its
// marketplace twin. Each checks the request's store, then its parameters
// (400), then what it names (404), with the shop locked for reading.

// listParams gathers the parameters of the catalog's lists.
type listParams struct {
	page, limit                *int
	sortBy                     *string
	categoryIDs, categorySlugs *[]string
	inventory                  *bool
	productType                *string
	sellerID                   *string
	skus                       *[]string
	productIDs                 *[]string
	group                      *string
}

// reading runs f with the shop locked for reading, once the request is
// known to be for the server's store.
func (s *Server) reading(ctx context.Context, f func() *apiError) *apiError {
	if e := s.storeScope(requestFrom(ctx)); e != nil {
		return e
	}
	s.shop().mu.RLock()
	defer s.shop().mu.RUnlock()
	return f()
}

// query checks a list's filters.
func (s *Server) query(lp listParams, marketplace bool) (*productQuery, *apiError) {
	q := &productQuery{marketplace: marketplace}
	var e *apiError
	if q.kinds, e = parseProductTypes(lp.productType); e != nil {
		return nil, e
	}
	if q.categories, e = s.shop().resolveCategories(lp.categoryIDs, lp.categorySlugs); e != nil {
		return nil, e
	}
	if q.sellerID, e = s.shop().checkSeller(lp.sellerID); e != nil {
		return nil, e
	}
	if lp.skus != nil {
		q.skus = map[string]bool{}
		for _, code := range *lp.skus {
			q.skus[strings.ToLower(code)] = true
		}
	}
	return q, nil
}

// productPage answers list-products and list-marketplace-products.
func productPage[T any](s *Server, ctx context.Context, lp listParams, marketplace bool, render func(*view, *product) T) (out []T, pg gen.Pagination, e *apiError) {
	e = s.reading(ctx, func() *apiError {
		pr, e := pageOf(lp.page, lp.limit)
		if e != nil {
			return e
		}
		keys, e := parseSortBy(lp.sortBy, productSortFields)
		if e != nil {
			return e
		}
		q, e := s.query(lp, marketplace)
		if e != nil {
			return e
		}
		v := s.newView(lp.group, lp.inventory, marketplace)
		var page []*product
		page, pg = paginate(v.products(q, keys), pr)
		out = renderAll(v, page, render)
		return nil
	})
	return out, pg, e
}

// skuPage answers list-skus and list-marketplace-skus.
func skuPage[T any](s *Server, ctx context.Context, lp listParams, marketplace bool, render func(*view, sku) T) (out []T, pg gen.Pagination, e *apiError) {
	e = s.reading(ctx, func() *apiError {
		pr, e := pageOf(lp.page, lp.limit)
		if e != nil {
			return e
		}
		keys, e := parseSortBy(lp.sortBy, itemSortFields)
		if e != nil {
			return e
		}
		q, e := s.query(lp, marketplace)
		if e != nil {
			return e
		}
		v := s.newView(lp.group, lp.inventory, marketplace)
		var page []sku
		page, pg = paginate(v.skus(q, keys), pr)
		out = renderAll(v, page, render)
		return nil
	})
	return out, pg, e
}

// relatedPage answers the cross-sell, up-sell and similar lists: one SKU
// (the default variant) per suggested product.
func relatedPage[T any](s *Server, ctx context.Context, kind string, lp listParams, marketplace bool, render func(*view, sku) T) (out []T, pg gen.Pagination, e *apiError) {
	e = s.reading(ctx, func() *apiError {
		pr, e := pageOf(lp.page, lp.limit)
		if e != nil {
			return e
		}
		keys, e := parseSortBy(lp.sortBy, itemSortFields)
		if e != nil {
			return e
		}
		v := s.newView(lp.group, nil, marketplace)
		products, e := v.related(kind, lp.productIDs, marketplace)
		if e != nil {
			return e
		}
		list := make([]sku, 0, len(products))
		for _, p := range products {
			list = append(list, defaultSKU(p))
		}
		v.sortSKUs(list, keys, func(sku, sku) int { return 0 })
		var page []sku
		page, pg = paginate(list, pr)
		out = renderAll(v, page, render)
		return nil
	})
	return out, pg, e
}

func renderAll[E, T any](v *view, list []E, render func(*view, E) T) []T {
	out := make([]T, 0, len(list))
	for _, x := range list {
		out = append(out, render(v, x))
	}
	return out
}

// productDetail answers get-product-detail and its twin.
func productDetail[T any](s *Server, ctx context.Context, ref string, inventory *bool, group *string, marketplace bool, render func(*view, *product) T) (out T, e *apiError) {
	e = s.reading(ctx, func() *apiError {
		p, e := s.shop().productByRef(ref, marketplace)
		if e != nil {
			return e
		}
		out = render(s.newView(group, inventory, marketplace), p)
		return nil
	})
	return out, e
}

// variantList answers list-product-variants and its twin: the variants of
// a product, none for a product without variants.
func (s *Server) variantList(ctx context.Context, ref string, inventory *bool, group *string, marketplace bool) (out []gen.Variant, e *apiError) {
	e = s.reading(ctx, func() *apiError {
		p, e := s.shop().productByRef(ref, marketplace)
		if e != nil {
			return e
		}
		v := s.newView(group, inventory, marketplace)
		out = make([]gen.Variant, 0, len(p.variants))
		for _, vr := range p.variants {
			out = append(out, v.variantView(vr))
		}
		return nil
	})
	return out, e
}

// variantDetail answers get-variant-detail and its twin.
func (s *Server) variantDetail(ctx context.Context, productRef, variantRef string, inventory *bool, group *string, marketplace bool) (out gen.VariantDetail, e *apiError) {
	e = s.reading(ctx, func() *apiError {
		p, e := s.shop().productByRef(productRef, marketplace)
		if e != nil {
			return e
		}
		vr, e := variantByRef(p, variantRef)
		if e != nil {
			return e
		}
		out = s.newView(group, inventory, marketplace).variantDetailView(vr)
		return nil
	})
	return out, e
}

// reviewsContent is the content of list-product-reviews and its twin.
type reviewsContent struct {
	reviews    []gen.ProductReview
	tags       []string
	pagination gen.Pagination
}

func (s *Server) productReviews(ctx context.Context, ref string, q reviewQuery, marketplace bool) (out reviewsContent, e *apiError) {
	e = s.reading(ctx, func() *apiError {
		if _, e := pageOf(q.page, q.limit); e != nil {
			return e
		}
		if _, e := parseSortBy(q.sortBy, reviewSortFields); e != nil {
			return e
		}
		p, e := s.shop().productByRef(ref, marketplace)
		if e != nil {
			return e
		}
		out.reviews, out.tags, out.pagination, e = s.newView(nil, nil, marketplace).reviewList(p, q)
		return e
	})
	return out, e
}

// searchPage answers search-products and its twin.
func searchPage[T any](s *Server, ctx context.Context, body *gen.SearchProduct, group *string, marketplace bool, render func(*view, sku) T) (out []T, res *searchResult, e *apiError) {
	if body == nil {
		return nil, nil, badRequest(CodeBadRequest, "the search is missing")
	}
	e = s.reading(ctx, func() *apiError {
		v := s.newView(group, nil, marketplace)
		var e *apiError
		if res, e = v.search(*body, marketplace); e != nil {
			return e
		}
		out = renderAll(v, res.page, render)
		return nil
	})
	return out, res, e
}

// categories answers list-categories and its twin.
func (s *Server) categories(ctx context.Context, q categoryQuery, sortBy *string, marketplace bool) (out gen.ListCategoriesContent, e *apiError) {
	e = s.reading(ctx, func() *apiError {
		keys, e := parseSortBy(sortBy, categorySortFields)
		if e != nil {
			return e
		}
		v := s.newView(nil, nil, marketplace)
		list, e := v.categoryList(q, keys)
		if e != nil {
			return e
		}
		out.Categories = make([]gen.ProductCategory, 0, len(list))
		for _, c := range list {
			out.Categories = append(out.Categories, v.productCategoryView(c))
		}
		out.Pagination = wholeList(len(list))
		return nil
	})
	return out, e
}
