package storefronttest

// The error answers of the Catalog, Store, Common, Analytics, Campaigns and
// Fulfillment operations, one function per operation as for Auth
// (responses.go): each turns an *apiError into the typed response of its
// status among those the operation declares. A status an operation does
// not declare becomes its 400, code and message kept (its 404 for the two
// operations without a 400, which take no parameters).

import (
	"net/http"

	"github.com/commercengine-go/sdk/gen"
)

func listCategoriesError(e *apiError) gen.ListCategoriesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCategories401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListCategories404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListCategories400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceCategoriesError(e *apiError) gen.ListMarketplaceCategoriesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListMarketplaceCategories401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListMarketplaceCategories404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListMarketplaceCategories400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceProductsError(e *apiError) gen.ListMarketplaceProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListMarketplaceProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListMarketplaceProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListMarketplaceProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceCrosssellProductsError(e *apiError) gen.ListMarketplaceCrosssellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListMarketplaceCrosssellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListMarketplaceCrosssellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListMarketplaceCrosssellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func searchMarketplaceProductsError(e *apiError) gen.SearchMarketplaceProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.SearchMarketplaceProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.SearchMarketplaceProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceSimilarProductsError(e *apiError) gen.ListMarketplaceSimilarProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListMarketplaceSimilarProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListMarketplaceSimilarProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListMarketplaceSimilarProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceUpsellProductsError(e *apiError) gen.ListMarketplaceUpsellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListMarketplaceUpsellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListMarketplaceUpsellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListMarketplaceUpsellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getMarketplaceProductDetailError(e *apiError) gen.GetMarketplaceProductDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetMarketplaceProductDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetMarketplaceProductDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetMarketplaceProductDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceProductReviewsError(e *apiError) gen.ListMarketplaceProductReviewsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListMarketplaceProductReviews401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListMarketplaceProductReviews404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListMarketplaceProductReviews400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createMarketplaceProductReviewError(e *apiError) gen.CreateMarketplaceProductReviewResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateMarketplaceProductReview401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CreateMarketplaceProductReview404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CreateMarketplaceProductReview400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceProductVariantsError(e *apiError) gen.ListMarketplaceProductVariantsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListMarketplaceProductVariants401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListMarketplaceProductVariants404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListMarketplaceProductVariants400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getMarketplaceVariantDetailError(e *apiError) gen.GetMarketplaceVariantDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetMarketplaceVariantDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetMarketplaceVariantDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetMarketplaceVariantDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listMarketplaceSkusError(e *apiError) gen.ListMarketplaceSkusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListMarketplaceSkus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListMarketplaceSkus404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListMarketplaceSkus400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listProductsError(e *apiError) gen.ListProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCrosssellProductsError(e *apiError) gen.ListCrosssellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCrosssellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListCrosssellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListCrosssellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func searchProductsError(e *apiError) gen.SearchProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.SearchProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.SearchProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSimilarProductsError(e *apiError) gen.ListSimilarProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListSimilarProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListSimilarProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListSimilarProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listUpsellProductsError(e *apiError) gen.ListUpsellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListUpsellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListUpsellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListUpsellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getProductDetailError(e *apiError) gen.GetProductDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetProductDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetProductDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetProductDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listProductReviewsError(e *apiError) gen.ListProductReviewsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListProductReviews401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListProductReviews404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListProductReviews400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createProductReviewError(e *apiError) gen.CreateProductReviewResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateProductReview401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CreateProductReview404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CreateProductReview400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listProductVariantsError(e *apiError) gen.ListProductVariantsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListProductVariants401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListProductVariants404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListProductVariants400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getVariantDetailError(e *apiError) gen.GetVariantDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetVariantDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetVariantDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetVariantDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSkusError(e *apiError) gen.ListSkusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListSkus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListSkus404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListSkus400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func checkStoreError(e *apiError) gen.CheckStoreResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CheckStore401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	if e.status != http.StatusNotFound {
		e = &apiError{status: http.StatusNotFound, code: e.code, message: e.message}
	}
	return gen.CheckStore404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func getConfigError(e *apiError) gen.GetConfigResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetConfig401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetConfig404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetConfig400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listKycDocumentError(e *apiError) gen.ListKycDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListKycDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	if e.status != http.StatusNotFound {
		e = &apiError{status: http.StatusNotFound, code: e.code, message: e.message}
	}
	return gen.ListKycDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func getSellerDetailError(e *apiError) gen.GetSellerDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetSellerDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetSellerDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetSellerDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSellerReviewsError(e *apiError) gen.ListSellerReviewsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListSellerReviews401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListSellerReviews404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListSellerReviews400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCountriesError(e *apiError) gen.ListCountriesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCountries401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListCountries404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListCountries400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCountryPincodesError(e *apiError) gen.ListCountryPincodesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCountryPincodes401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListCountryPincodes404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListCountryPincodes400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCountryStatesError(e *apiError) gen.ListCountryStatesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCountryStates401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListCountryStates404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListCountryStates400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func trackAnalyticsEventError(e *apiError) gen.TrackAnalyticsEventResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.TrackAnalyticsEvent401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.TrackAnalyticsEvent400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func subscribeNewsletterError(e *apiError) gen.SubscribeNewsletterResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.SubscribeNewsletter401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.SubscribeNewsletter400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func checkFulfillmentError(e *apiError) gen.CheckFulfillmentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CheckFulfillment401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CheckFulfillment404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CheckFulfillment400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}
