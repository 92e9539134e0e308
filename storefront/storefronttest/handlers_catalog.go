package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The Catalog group's handlers. Each unpacks its request, calls the logic
// in catalog_ops.go (shared with its marketplace twin) and packs the
// answer. The store's own catalog is its products without a seller; the
// marketplace operations serve the products of its sellers.

// Success messages of the catalog.
const (
	msgCategories = "Categories fetched"
	msgProducts   = "Products fetched"
	msgProduct    = "Product fetched"
	msgVariants   = "Variants fetched"
	msgVariant    = "Variant fetched"
	msgSKUs       = "SKUs fetched"
	msgSearch     = "Search results fetched"
	msgReviews    = "Reviews fetched"
	msgReviewed   = "Review submitted for approval"
)

func (h *handlers) ListCategories(ctx context.Context, req genserver.ListCategoriesRequestObject) (genserver.ListCategoriesResponseObject, error) {
	p := req.Params
	c, e := h.s.categories(ctx, categoryQuery{p.ParentCategoryID, p.ParentCategorySlug, p.NestedLevel, p.Search}, p.SortBy, false)
	if e != nil {
		return listCategoriesError(e), nil
	}
	return genserver.ListCategories200JSONResponse{Message: msgCategories, Success: true, Content: c}, nil
}

func (h *handlers) ListMarketplaceCategories(ctx context.Context, req genserver.ListMarketplaceCategoriesRequestObject) (genserver.ListMarketplaceCategoriesResponseObject, error) {
	p := req.Params
	c, e := h.s.categories(ctx, categoryQuery{p.ParentCategoryID, p.ParentCategorySlug, p.NestedLevel, p.Search}, p.SortBy, true)
	if e != nil {
		return listMarketplaceCategoriesError(e), nil
	}
	return genserver.ListMarketplaceCategories200JSONResponse{Message: msgCategories, Success: true, Content: gen.ListMarketplaceCategoriesContent(c)}, nil
}

func (h *handlers) ListProducts(ctx context.Context, req genserver.ListProductsRequestObject) (genserver.ListProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, categoryIDs: p.CategoryID, categorySlugs: p.CategorySlug,
		inventory: p.Inventory, productType: p.ProductType, group: p.XCustomerGroupID}
	list, pg, e := productPage(h.s, ctx, lp, false, (*view).productView)
	if e != nil {
		return listProductsError(e), nil
	}
	return genserver.ListProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) ListMarketplaceProducts(ctx context.Context, req genserver.ListMarketplaceProductsRequestObject) (genserver.ListMarketplaceProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, categoryIDs: p.CategoryID, categorySlugs: p.CategorySlug,
		inventory: p.Inventory, sellerID: p.SellerID, group: p.XCustomerGroupID}
	list, pg, e := productPage(h.s, ctx, lp, true, (*view).marketplaceProductView)
	if e != nil {
		return listMarketplaceProductsError(e), nil
	}
	return genserver.ListMarketplaceProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListMarketplaceProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) ListSkus(ctx context.Context, req genserver.ListSkusRequestObject) (genserver.ListSkusResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, categoryIDs: p.CategoryID, categorySlugs: p.CategorySlug,
		inventory: p.Inventory, productType: p.ProductType, skus: p.Sku, group: p.XCustomerGroupID}
	list, pg, e := skuPage(h.s, ctx, lp, false, (*view).itemView)
	if e != nil {
		return listSkusError(e), nil
	}
	return genserver.ListSkus200JSONResponse{Message: msgSKUs, Success: true, Content: gen.ListSkusContent{Skus: list, Pagination: pg}}, nil
}

func (h *handlers) ListMarketplaceSkus(ctx context.Context, req genserver.ListMarketplaceSkusRequestObject) (genserver.ListMarketplaceSkusResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, categoryIDs: p.CategoryID,
		inventory: p.Inventory, sellerID: p.SellerID, skus: p.Sku, group: p.XCustomerGroupID}
	list, pg, e := skuPage(h.s, ctx, lp, true, (*view).marketplaceItemView)
	if e != nil {
		return listMarketplaceSkusError(e), nil
	}
	return genserver.ListMarketplaceSkus200JSONResponse{Message: msgSKUs, Success: true, Content: gen.ListMarketplaceSkusContent{Skus: list, Pagination: pg}}, nil
}

func (h *handlers) ListCrosssellProducts(ctx context.Context, req genserver.ListCrosssellProductsRequestObject) (genserver.ListCrosssellProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, productIDs: p.ProductID, group: p.XCustomerGroupID}
	list, pg, e := relatedPage(h.s, ctx, relCrossSell, lp, false, (*view).itemView)
	if e != nil {
		return listCrosssellProductsError(e), nil
	}
	return genserver.ListCrosssellProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListCrosssellProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) ListMarketplaceCrosssellProducts(ctx context.Context, req genserver.ListMarketplaceCrosssellProductsRequestObject) (genserver.ListMarketplaceCrosssellProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, productIDs: p.ProductID, group: p.XCustomerGroupID}
	list, pg, e := relatedPage(h.s, ctx, relCrossSell, lp, true, (*view).marketplaceItemView)
	if e != nil {
		return listMarketplaceCrosssellProductsError(e), nil
	}
	return genserver.ListMarketplaceCrosssellProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListMarketplaceCrosssellProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) ListUpsellProducts(ctx context.Context, req genserver.ListUpsellProductsRequestObject) (genserver.ListUpsellProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, productIDs: p.ProductID, group: p.XCustomerGroupID}
	list, pg, e := relatedPage(h.s, ctx, relUpSell, lp, false, (*view).itemView)
	if e != nil {
		return listUpsellProductsError(e), nil
	}
	return genserver.ListUpsellProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListUpsellProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) ListMarketplaceUpsellProducts(ctx context.Context, req genserver.ListMarketplaceUpsellProductsRequestObject) (genserver.ListMarketplaceUpsellProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, productIDs: p.ProductID, group: p.XCustomerGroupID}
	list, pg, e := relatedPage(h.s, ctx, relUpSell, lp, true, (*view).marketplaceItemView)
	if e != nil {
		return listMarketplaceUpsellProductsError(e), nil
	}
	return genserver.ListMarketplaceUpsellProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListMarketplaceUpsellProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) ListSimilarProducts(ctx context.Context, req genserver.ListSimilarProductsRequestObject) (genserver.ListSimilarProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, productIDs: p.ProductID, group: p.XCustomerGroupID}
	list, pg, e := relatedPage(h.s, ctx, relSimilar, lp, false, (*view).itemView)
	if e != nil {
		return listSimilarProductsError(e), nil
	}
	return genserver.ListSimilarProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListSimilarProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) ListMarketplaceSimilarProducts(ctx context.Context, req genserver.ListMarketplaceSimilarProductsRequestObject) (genserver.ListMarketplaceSimilarProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, productIDs: p.ProductID, group: p.XCustomerGroupID}
	list, pg, e := relatedPage(h.s, ctx, relSimilar, lp, true, (*view).marketplaceItemView)
	if e != nil {
		return listMarketplaceSimilarProductsError(e), nil
	}
	return genserver.ListMarketplaceSimilarProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListMarketplaceSimilarProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) SearchProducts(ctx context.Context, req genserver.SearchProductsRequestObject) (genserver.SearchProductsResponseObject, error) {
	list, res, e := searchPage(h.s, ctx, req.Body, req.Params.XCustomerGroupID, false, (*view).itemView)
	if e != nil {
		return searchProductsError(e), nil
	}
	return genserver.SearchProducts200JSONResponse{Message: msgSearch, Success: true, Content: gen.SearchProductsContent{
		Skus: list, Pagination: res.pagination, FacetDistribution: res.distribution, FacetStats: res.stats}}, nil
}

func (h *handlers) SearchMarketplaceProducts(ctx context.Context, req genserver.SearchMarketplaceProductsRequestObject) (genserver.SearchMarketplaceProductsResponseObject, error) {
	list, res, e := searchPage(h.s, ctx, req.Body, req.Params.XCustomerGroupID, true, (*view).marketplaceItemView)
	if e != nil {
		return searchMarketplaceProductsError(e), nil
	}
	return genserver.SearchMarketplaceProducts200JSONResponse{Message: msgSearch, Success: true, Content: gen.SearchMarketplaceProductsContent{
		Skus: list, Pagination: res.pagination, FacetDistribution: res.distribution, FacetStats: res.stats}}, nil
}

func (h *handlers) GetProductDetail(ctx context.Context, req genserver.GetProductDetailRequestObject) (genserver.GetProductDetailResponseObject, error) {
	p, e := productDetail(h.s, ctx, req.ProductID, req.Params.Inventory, req.Params.XCustomerGroupID, false, (*view).productDetailView)
	if e != nil {
		return getProductDetailError(e), nil
	}
	return genserver.GetProductDetail200JSONResponse{Message: msgProduct, Success: true, Content: gen.GetProductDetailContent{Product: p}}, nil
}

func (h *handlers) GetMarketplaceProductDetail(ctx context.Context, req genserver.GetMarketplaceProductDetailRequestObject) (genserver.GetMarketplaceProductDetailResponseObject, error) {
	p, e := productDetail(h.s, ctx, req.ProductID, req.Params.Inventory, req.Params.XCustomerGroupID, true, (*view).marketplaceProductDetailView)
	if e != nil {
		return getMarketplaceProductDetailError(e), nil
	}
	return genserver.GetMarketplaceProductDetail200JSONResponse{Message: msgProduct, Success: true, Content: gen.GetMarketplaceProductDetailContent{Product: p}}, nil
}

func (h *handlers) ListProductVariants(ctx context.Context, req genserver.ListProductVariantsRequestObject) (genserver.ListProductVariantsResponseObject, error) {
	list, e := h.s.variantList(ctx, req.ProductID, req.Params.Inventory, req.Params.XCustomerGroupID, false)
	if e != nil {
		return listProductVariantsError(e), nil
	}
	return genserver.ListProductVariants200JSONResponse{Message: msgVariants, Success: true, Content: gen.ListProductVariantsContent{Variants: list}}, nil
}

func (h *handlers) ListMarketplaceProductVariants(ctx context.Context, req genserver.ListMarketplaceProductVariantsRequestObject) (genserver.ListMarketplaceProductVariantsResponseObject, error) {
	list, e := h.s.variantList(ctx, req.ProductID, req.Params.Inventory, req.Params.XCustomerGroupID, true)
	if e != nil {
		return listMarketplaceProductVariantsError(e), nil
	}
	return genserver.ListMarketplaceProductVariants200JSONResponse{Message: msgVariants, Success: true, Content: gen.ListMarketplaceProductVariantsContent{Variants: list}}, nil
}

func (h *handlers) GetVariantDetail(ctx context.Context, req genserver.GetVariantDetailRequestObject) (genserver.GetVariantDetailResponseObject, error) {
	v, e := h.s.variantDetail(ctx, req.ProductID, req.VariantID, req.Params.Inventory, req.Params.XCustomerGroupID, false)
	if e != nil {
		return getVariantDetailError(e), nil
	}
	return genserver.GetVariantDetail200JSONResponse{Message: msgVariant, Success: true, Content: gen.GetVariantDetailContent{Variant: v}}, nil
}

func (h *handlers) GetMarketplaceVariantDetail(ctx context.Context, req genserver.GetMarketplaceVariantDetailRequestObject) (genserver.GetMarketplaceVariantDetailResponseObject, error) {
	v, e := h.s.variantDetail(ctx, req.ProductID, req.VariantID, req.Params.Inventory, req.Params.XCustomerGroupID, true)
	if e != nil {
		return getMarketplaceVariantDetailError(e), nil
	}
	return genserver.GetMarketplaceVariantDetail200JSONResponse{Message: msgVariant, Success: true, Content: gen.GetMarketplaceVariantDetailContent{Variant: v}}, nil
}

func (h *handlers) ListProductReviews(ctx context.Context, req genserver.ListProductReviewsRequestObject) (genserver.ListProductReviewsResponseObject, error) {
	p := req.Params
	r, e := h.s.productReviews(ctx, req.ProductID, reviewQuery{p.Page, p.Limit, p.SortBy, p.Search, p.ReviewTag}, false)
	if e != nil {
		return listProductReviewsError(e), nil
	}
	return genserver.ListProductReviews200JSONResponse{Message: msgReviews, Success: true, Content: gen.ListProductReviewsContent{
		Reviews: r.reviews, ReviewTags: &r.tags, Pagination: &r.pagination}}, nil
}

func (h *handlers) ListMarketplaceProductReviews(ctx context.Context, req genserver.ListMarketplaceProductReviewsRequestObject) (genserver.ListMarketplaceProductReviewsResponseObject, error) {
	p := req.Params
	r, e := h.s.productReviews(ctx, req.ProductID, reviewQuery{p.Page, p.Limit, p.SortBy, p.Search, p.ReviewTag}, true)
	if e != nil {
		return listMarketplaceProductReviewsError(e), nil
	}
	return genserver.ListMarketplaceProductReviews200JSONResponse{Message: msgReviews, Success: true, Content: gen.ListMarketplaceProductReviewsContent{
		Reviews: r.reviews, ReviewTags: &r.tags, Pagination: &r.pagination}}, nil
}

func (h *handlers) CreateProductReview(ctx context.Context, req genserver.CreateProductReviewRequestObject) (genserver.CreateProductReviewResponseObject, error) {
	rc, e := callerOf(ctx)
	if e == nil {
		e = h.s.storeScope(rc)
	}
	if e == nil {
		e = h.s.createReview(rc.caller, req.ProductID, false, req.Body)
	}
	if e != nil {
		return createProductReviewError(e), nil
	}
	return genserver.CreateProductReview200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgReviewed, Success: true}}, nil
}

func (h *handlers) CreateMarketplaceProductReview(ctx context.Context, req genserver.CreateMarketplaceProductReviewRequestObject) (genserver.CreateMarketplaceProductReviewResponseObject, error) {
	rc, e := callerOf(ctx)
	if e == nil {
		e = h.s.storeScope(rc)
	}
	if e == nil {
		e = h.s.createReview(rc.caller, req.ProductID, true, req.Body)
	}
	if e != nil {
		return createMarketplaceProductReviewError(e), nil
	}
	return genserver.CreateMarketplaceProductReview200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgReviewed, Success: true}}, nil
}
