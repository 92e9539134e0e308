package storefronttest

// The error answers of the Catalog, Store, Common, Analytics, Campaigns and
// Fulfillment operations, one function per operation as for Auth
// (responses.go): each turns an *apiError into the typed response of its
// status among those the operation declares. A status an operation does
// not declare becomes its 400, code and message kept (its 404 for the two
// operations without a 400, which take no parameters).

import (
	"net/http"

	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

func listCategoriesError(e *apiError) genserver.ListCategoriesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCategories401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListCategories404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListCategories400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceCategoriesError(e *apiError) genserver.ListMarketplaceCategoriesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListMarketplaceCategories401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListMarketplaceCategories404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListMarketplaceCategories400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceProductsError(e *apiError) genserver.ListMarketplaceProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListMarketplaceProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListMarketplaceProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListMarketplaceProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceCrosssellProductsError(e *apiError) genserver.ListMarketplaceCrosssellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListMarketplaceCrosssellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListMarketplaceCrosssellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListMarketplaceCrosssellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func searchMarketplaceProductsError(e *apiError) genserver.SearchMarketplaceProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.SearchMarketplaceProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.SearchMarketplaceProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceSimilarProductsError(e *apiError) genserver.ListMarketplaceSimilarProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListMarketplaceSimilarProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListMarketplaceSimilarProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListMarketplaceSimilarProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceUpsellProductsError(e *apiError) genserver.ListMarketplaceUpsellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListMarketplaceUpsellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListMarketplaceUpsellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListMarketplaceUpsellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getMarketplaceProductDetailError(e *apiError) genserver.GetMarketplaceProductDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetMarketplaceProductDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetMarketplaceProductDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetMarketplaceProductDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceProductReviewsError(e *apiError) genserver.ListMarketplaceProductReviewsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListMarketplaceProductReviews401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListMarketplaceProductReviews404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListMarketplaceProductReviews400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createMarketplaceProductReviewError(e *apiError) genserver.CreateMarketplaceProductReviewResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateMarketplaceProductReview401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CreateMarketplaceProductReview404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CreateMarketplaceProductReview400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceProductVariantsError(e *apiError) genserver.ListMarketplaceProductVariantsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListMarketplaceProductVariants401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListMarketplaceProductVariants404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListMarketplaceProductVariants400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getMarketplaceVariantDetailError(e *apiError) genserver.GetMarketplaceVariantDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetMarketplaceVariantDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetMarketplaceVariantDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetMarketplaceVariantDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceSkusError(e *apiError) genserver.ListMarketplaceSkusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListMarketplaceSkus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListMarketplaceSkus404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListMarketplaceSkus400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listProductsError(e *apiError) genserver.ListProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCrosssellProductsError(e *apiError) genserver.ListCrosssellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCrosssellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListCrosssellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListCrosssellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func searchProductsError(e *apiError) genserver.SearchProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.SearchProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.SearchProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSimilarProductsError(e *apiError) genserver.ListSimilarProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListSimilarProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListSimilarProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListSimilarProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listUpsellProductsError(e *apiError) genserver.ListUpsellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListUpsellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListUpsellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListUpsellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getProductDetailError(e *apiError) genserver.GetProductDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetProductDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetProductDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetProductDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listProductReviewsError(e *apiError) genserver.ListProductReviewsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListProductReviews401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListProductReviews404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListProductReviews400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createProductReviewError(e *apiError) genserver.CreateProductReviewResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateProductReview401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CreateProductReview404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CreateProductReview400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listProductVariantsError(e *apiError) genserver.ListProductVariantsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListProductVariants401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListProductVariants404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListProductVariants400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getVariantDetailError(e *apiError) genserver.GetVariantDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetVariantDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetVariantDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetVariantDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSkusError(e *apiError) genserver.ListSkusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListSkus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListSkus404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListSkus400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func checkStoreError(e *apiError) genserver.CheckStoreResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CheckStore401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	if e.status != http.StatusNotFound {
		e = &apiError{status: http.StatusNotFound, code: e.code, message: e.message}
	}
	return genserver.CheckStore404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func getConfigError(e *apiError) genserver.GetConfigResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetConfig401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetConfig404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetConfig400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listKycDocumentError(e *apiError) genserver.ListKycDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListKycDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	if e.status != http.StatusNotFound {
		e = &apiError{status: http.StatusNotFound, code: e.code, message: e.message}
	}
	return genserver.ListKycDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func getSellerDetailError(e *apiError) genserver.GetSellerDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetSellerDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetSellerDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetSellerDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSellerReviewsError(e *apiError) genserver.ListSellerReviewsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListSellerReviews401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListSellerReviews404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListSellerReviews400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCountriesError(e *apiError) genserver.ListCountriesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCountries401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListCountries404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListCountries400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCountryPincodesError(e *apiError) genserver.ListCountryPincodesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCountryPincodes401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListCountryPincodes404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListCountryPincodes400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCountryStatesError(e *apiError) genserver.ListCountryStatesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCountryStates401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListCountryStates404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListCountryStates400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func trackAnalyticsEventError(e *apiError) genserver.TrackAnalyticsEventResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.TrackAnalyticsEvent401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.TrackAnalyticsEvent400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func subscribeNewsletterError(e *apiError) genserver.SubscribeNewsletterResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.SubscribeNewsletter401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.SubscribeNewsletter400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func checkFulfillmentError(e *apiError) genserver.CheckFulfillmentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CheckFulfillment401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CheckFulfillment404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CheckFulfillment400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}
