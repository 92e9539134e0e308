package storefronttest

// The point of sale's error answers, one function per operation, as
// responses.go's: each turns an *apiError into the typed response of its
// status among those the operation declares; a status it does not declare
// becomes its 400 (its 404, or its 401, when it declares no 400).

import (
	"net/http"

	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

func pairPosDeviceError(e *apiError) genserver.PairPosDeviceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PairPosDevice401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.PairPosDevice400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func loginPosDeviceWithPhoneError(e *apiError) genserver.LoginPosDeviceWithPhoneResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.LoginPosDeviceWithPhone401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.LoginPosDeviceWithPhone400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func loginPosDeviceWithEmailError(e *apiError) genserver.LoginPosDeviceWithEmailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.LoginPosDeviceWithEmail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.LoginPosDeviceWithEmail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func loginPosDeviceWithWhatsappError(e *apiError) genserver.LoginPosDeviceWithWhatsappResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.LoginPosDeviceWithWhatsapp401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.LoginPosDeviceWithWhatsapp400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func verifyPosLoginOTPError(e *apiError) genserver.VerifyPosLoginOTPResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.VerifyPosLoginOTP401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.VerifyPosLoginOTP400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func refreshPosAccessTokenError(e *apiError) genserver.RefreshPosAccessTokenResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RefreshPosAccessToken401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.RefreshPosAccessToken400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func logoutFromPosDeviceError(e *apiError) genserver.LogoutFromPosDeviceResponseObject {
	return genserver.LogoutFromPosDevice401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
}

func listPosDevicesError(e *apiError) genserver.ListPosDevicesResponseObject {
	return genserver.ListPosDevices401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
}

func claimPosDeviceError(e *apiError) genserver.ClaimPosDeviceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ClaimPosDevice401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ClaimPosDevice404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ClaimPosDevice400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func unclaimPosDeviceError(e *apiError) genserver.UnclaimPosDeviceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UnclaimPosDevice401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UnclaimPosDevice404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UnclaimPosDevice400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listPosLocationsError(e *apiError) genserver.ListPosLocationsResponseObject {
	return genserver.ListPosLocations401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
}

func getPosUserError(e *apiError) genserver.GetPosUserResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetPosUser401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.GetPosUser404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func posListCategoriesError(e *apiError) genserver.PosListCategoriesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListCategories401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosListCategories404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosListCategories400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posListProductsError(e *apiError) genserver.PosListProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosListProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosListProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posListCrosssellProductsError(e *apiError) genserver.PosListCrosssellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListCrosssellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosListCrosssellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosListCrosssellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posSearchProductsError(e *apiError) genserver.PosSearchProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosSearchProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.PosSearchProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posListSimilarProductsError(e *apiError) genserver.PosListSimilarProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListSimilarProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosListSimilarProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosListSimilarProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posListUpsellProductsError(e *apiError) genserver.PosListUpsellProductsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListUpsellProducts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosListUpsellProducts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosListUpsellProducts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posGetProductDetailError(e *apiError) genserver.PosGetProductDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosGetProductDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosGetProductDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosGetProductDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posListProductReviewsError(e *apiError) genserver.PosListProductReviewsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListProductReviews401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosListProductReviews404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosListProductReviews400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posListProductVariantsError(e *apiError) genserver.PosListProductVariantsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListProductVariants401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosListProductVariants404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosListProductVariants400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posGetVariantDetailError(e *apiError) genserver.PosGetVariantDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosGetVariantDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosGetVariantDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosGetVariantDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posListSkusError(e *apiError) genserver.PosListSkusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListSkus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosListSkus404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosListSkus400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posCreateCartError(e *apiError) genserver.PosCreateCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosCreateCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosCreateCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosCreateCart400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posListCouponsError(e *apiError) genserver.PosListCouponsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListCoupons401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosListCoupons404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosListCoupons400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posListPromotionsError(e *apiError) genserver.PosListPromotionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosListPromotions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.PosListPromotions400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posGetUserCartError(e *apiError) genserver.PosGetUserCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosGetUserCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.PosGetUserCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func posGetCartError(e *apiError) genserver.PosGetCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosGetCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.PosGetCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func posDeleteCartError(e *apiError) genserver.PosDeleteCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosDeleteCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.PosDeleteCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func posCreateCartAddressError(e *apiError) genserver.PosCreateCartAddressResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosCreateCartAddress401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosCreateCartAddress404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosCreateCartAddress400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posApplyCouponError(e *apiError) genserver.PosApplyCouponResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosApplyCoupon401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosApplyCoupon404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosApplyCoupon400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posRemoveCouponError(e *apiError) genserver.PosRemoveCouponResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosRemoveCoupon401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosRemoveCoupon404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosRemoveCoupon400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posRedeemCreditBalanceError(e *apiError) genserver.PosRedeemCreditBalanceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosRedeemCreditBalance401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosRedeemCreditBalance404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosRedeemCreditBalance400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posRemoveCreditBalanceError(e *apiError) genserver.PosRemoveCreditBalanceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosRemoveCreditBalance401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosRemoveCreditBalance404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosRemoveCreditBalance400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posEvaluateCouponsError(e *apiError) genserver.PosEvaluateCouponsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosEvaluateCoupons401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.PosEvaluateCoupons404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func posEvaluatePromotionsError(e *apiError) genserver.PosEvaluatePromotionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosEvaluatePromotions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.PosEvaluatePromotions404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func posUpdateFulfillmentPreferenceError(e *apiError) genserver.PosUpdateFulfillmentPreferenceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosUpdateFulfillmentPreference401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosUpdateFulfillmentPreference404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosUpdateFulfillmentPreference400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posUpdateCartError(e *apiError) genserver.PosUpdateCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosUpdateCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosUpdateCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosUpdateCart400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posRedeemLoyaltyPointsError(e *apiError) genserver.PosRedeemLoyaltyPointsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosRedeemLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosRedeemLoyaltyPoints404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosRedeemLoyaltyPoints400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posRemoveLoyaltyPointsError(e *apiError) genserver.PosRemoveLoyaltyPointsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosRemoveLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PosRemoveLoyaltyPoints404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PosRemoveLoyaltyPoints400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updatePosCartCustomerError(e *apiError) genserver.UpdatePosCartCustomerResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdatePosCartCustomer401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdatePosCartCustomer404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdatePosCartCustomer400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getPosFulfillmentOptionsError(e *apiError) genserver.GetPosFulfillmentOptionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetPosFulfillmentOptions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetPosFulfillmentOptions404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetPosFulfillmentOptions400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createPosOrderError(e *apiError) genserver.CreatePosOrderResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreatePosOrder401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.CreatePosOrder400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func posGetPaymentStatusError(e *apiError) genserver.PosGetPaymentStatusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PosGetPaymentStatus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.PosGetPaymentStatus404JSONResponse{NotFoundJSONResponse: e.notFound()}
}
