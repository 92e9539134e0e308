package storefronttest

import (
	"context"
	"errors"

	"github.com/commercengine-go/sdk/gen"
)

// errPending answers the operations the fake server does not model yet.
var errPending = errors.New("storefronttest: operation not modelled yet")

func (h *handlers) TrackAnalyticsEvent(ctx context.Context, request gen.TrackAnalyticsEventRequestObject) (gen.TrackAnalyticsEventResponseObject, error) {
	return nil, errPending
}

func (h *handlers) SubscribeNewsletter(ctx context.Context, request gen.SubscribeNewsletterRequestObject) (gen.SubscribeNewsletterResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCategories(ctx context.Context, request gen.ListCategoriesRequestObject) (gen.ListCategoriesResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListMarketplaceCategories(ctx context.Context, request gen.ListMarketplaceCategoriesRequestObject) (gen.ListMarketplaceCategoriesResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListMarketplaceProducts(ctx context.Context, request gen.ListMarketplaceProductsRequestObject) (gen.ListMarketplaceProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListMarketplaceCrosssellProducts(ctx context.Context, request gen.ListMarketplaceCrosssellProductsRequestObject) (gen.ListMarketplaceCrosssellProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) SearchMarketplaceProducts(ctx context.Context, request gen.SearchMarketplaceProductsRequestObject) (gen.SearchMarketplaceProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListMarketplaceSimilarProducts(ctx context.Context, request gen.ListMarketplaceSimilarProductsRequestObject) (gen.ListMarketplaceSimilarProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListMarketplaceUpsellProducts(ctx context.Context, request gen.ListMarketplaceUpsellProductsRequestObject) (gen.ListMarketplaceUpsellProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetMarketplaceProductDetail(ctx context.Context, request gen.GetMarketplaceProductDetailRequestObject) (gen.GetMarketplaceProductDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListMarketplaceProductReviews(ctx context.Context, request gen.ListMarketplaceProductReviewsRequestObject) (gen.ListMarketplaceProductReviewsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateMarketplaceProductReview(ctx context.Context, request gen.CreateMarketplaceProductReviewRequestObject) (gen.CreateMarketplaceProductReviewResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListMarketplaceProductVariants(ctx context.Context, request gen.ListMarketplaceProductVariantsRequestObject) (gen.ListMarketplaceProductVariantsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetMarketplaceVariantDetail(ctx context.Context, request gen.GetMarketplaceVariantDetailRequestObject) (gen.GetMarketplaceVariantDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListMarketplaceSkus(ctx context.Context, request gen.ListMarketplaceSkusRequestObject) (gen.ListMarketplaceSkusResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListProducts(ctx context.Context, request gen.ListProductsRequestObject) (gen.ListProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCrosssellProducts(ctx context.Context, request gen.ListCrosssellProductsRequestObject) (gen.ListCrosssellProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) SearchProducts(ctx context.Context, request gen.SearchProductsRequestObject) (gen.SearchProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListSimilarProducts(ctx context.Context, request gen.ListSimilarProductsRequestObject) (gen.ListSimilarProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListUpsellProducts(ctx context.Context, request gen.ListUpsellProductsRequestObject) (gen.ListUpsellProductsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetProductDetail(ctx context.Context, request gen.GetProductDetailRequestObject) (gen.GetProductDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListProductReviews(ctx context.Context, request gen.ListProductReviewsRequestObject) (gen.ListProductReviewsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateProductReview(ctx context.Context, request gen.CreateProductReviewRequestObject) (gen.CreateProductReviewResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListProductVariants(ctx context.Context, request gen.ListProductVariantsRequestObject) (gen.ListProductVariantsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetVariantDetail(ctx context.Context, request gen.GetVariantDetailRequestObject) (gen.GetVariantDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListSkus(ctx context.Context, request gen.ListSkusRequestObject) (gen.ListSkusResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCountries(ctx context.Context, request gen.ListCountriesRequestObject) (gen.ListCountriesResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCountryPincodes(ctx context.Context, request gen.ListCountryPincodesRequestObject) (gen.ListCountryPincodesResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCountryStates(ctx context.Context, request gen.ListCountryStatesRequestObject) (gen.ListCountryStatesResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CheckFulfillment(ctx context.Context, request gen.CheckFulfillmentRequestObject) (gen.CheckFulfillmentResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CheckStore(ctx context.Context, request gen.CheckStoreRequestObject) (gen.CheckStoreResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetConfig(ctx context.Context, request gen.GetConfigRequestObject) (gen.GetConfigResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListKycDocument(ctx context.Context, request gen.ListKycDocumentRequestObject) (gen.ListKycDocumentResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetSellerDetail(ctx context.Context, request gen.GetSellerDetailRequestObject) (gen.GetSellerDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListSellerReviews(ctx context.Context, request gen.ListSellerReviewsRequestObject) (gen.ListSellerReviewsResponseObject, error) {
	return nil, errPending
}
