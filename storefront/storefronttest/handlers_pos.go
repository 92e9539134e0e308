package storefronttest

// The point-of-sale operations are in the spec; until the fake serves them,
// each answers 401 with a message that says so.

import (
	"context"

	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

var errPOSNotServed = unauthorized(CodeUnauthorized, "the fake server does not serve point of sale yet")

func (h *handlers) LoginPosDeviceWithEmail(context.Context, genserver.LoginPosDeviceWithEmailRequestObject) (genserver.LoginPosDeviceWithEmailResponseObject, error) {
	return genserver.LoginPosDeviceWithEmail401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) LoginPosDeviceWithPhone(context.Context, genserver.LoginPosDeviceWithPhoneRequestObject) (genserver.LoginPosDeviceWithPhoneResponseObject, error) {
	return genserver.LoginPosDeviceWithPhone401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) LoginPosDeviceWithWhatsapp(context.Context, genserver.LoginPosDeviceWithWhatsappRequestObject) (genserver.LoginPosDeviceWithWhatsappResponseObject, error) {
	return genserver.LoginPosDeviceWithWhatsapp401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) LogoutFromPosDevice(context.Context, genserver.LogoutFromPosDeviceRequestObject) (genserver.LogoutFromPosDeviceResponseObject, error) {
	return genserver.LogoutFromPosDevice401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PairPosDevice(context.Context, genserver.PairPosDeviceRequestObject) (genserver.PairPosDeviceResponseObject, error) {
	return genserver.PairPosDevice401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) RefreshPosAccessToken(context.Context, genserver.RefreshPosAccessTokenRequestObject) (genserver.RefreshPosAccessTokenResponseObject, error) {
	return genserver.RefreshPosAccessToken401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) VerifyPosLoginOTP(context.Context, genserver.VerifyPosLoginOTPRequestObject) (genserver.VerifyPosLoginOTPResponseObject, error) {
	return genserver.VerifyPosLoginOTP401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosCreateCart(context.Context, genserver.PosCreateCartRequestObject) (genserver.PosCreateCartResponseObject, error) {
	return genserver.PosCreateCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListCoupons(context.Context, genserver.PosListCouponsRequestObject) (genserver.PosListCouponsResponseObject, error) {
	return genserver.PosListCoupons401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListPromotions(context.Context, genserver.PosListPromotionsRequestObject) (genserver.PosListPromotionsResponseObject, error) {
	return genserver.PosListPromotions401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetUserCart(context.Context, genserver.PosGetUserCartRequestObject) (genserver.PosGetUserCartResponseObject, error) {
	return genserver.PosGetUserCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosDeleteCart(context.Context, genserver.PosDeleteCartRequestObject) (genserver.PosDeleteCartResponseObject, error) {
	return genserver.PosDeleteCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetCart(context.Context, genserver.PosGetCartRequestObject) (genserver.PosGetCartResponseObject, error) {
	return genserver.PosGetCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosCreateCartAddress(context.Context, genserver.PosCreateCartAddressRequestObject) (genserver.PosCreateCartAddressResponseObject, error) {
	return genserver.PosCreateCartAddress401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRemoveCoupon(context.Context, genserver.PosRemoveCouponRequestObject) (genserver.PosRemoveCouponResponseObject, error) {
	return genserver.PosRemoveCoupon401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosApplyCoupon(context.Context, genserver.PosApplyCouponRequestObject) (genserver.PosApplyCouponResponseObject, error) {
	return genserver.PosApplyCoupon401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRemoveCreditBalance(context.Context, genserver.PosRemoveCreditBalanceRequestObject) (genserver.PosRemoveCreditBalanceResponseObject, error) {
	return genserver.PosRemoveCreditBalance401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRedeemCreditBalance(context.Context, genserver.PosRedeemCreditBalanceRequestObject) (genserver.PosRedeemCreditBalanceResponseObject, error) {
	return genserver.PosRedeemCreditBalance401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosEvaluateCoupons(context.Context, genserver.PosEvaluateCouponsRequestObject) (genserver.PosEvaluateCouponsResponseObject, error) {
	return genserver.PosEvaluateCoupons401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosEvaluatePromotions(context.Context, genserver.PosEvaluatePromotionsRequestObject) (genserver.PosEvaluatePromotionsResponseObject, error) {
	return genserver.PosEvaluatePromotions401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosUpdateFulfillmentPreference(context.Context, genserver.PosUpdateFulfillmentPreferenceRequestObject) (genserver.PosUpdateFulfillmentPreferenceResponseObject, error) {
	return genserver.PosUpdateFulfillmentPreference401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosUpdateCart(context.Context, genserver.PosUpdateCartRequestObject) (genserver.PosUpdateCartResponseObject, error) {
	return genserver.PosUpdateCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRemoveLoyaltyPoints(context.Context, genserver.PosRemoveLoyaltyPointsRequestObject) (genserver.PosRemoveLoyaltyPointsResponseObject, error) {
	return genserver.PosRemoveLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRedeemLoyaltyPoints(context.Context, genserver.PosRedeemLoyaltyPointsRequestObject) (genserver.PosRedeemLoyaltyPointsResponseObject, error) {
	return genserver.PosRedeemLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) UpdatePosCartCustomer(context.Context, genserver.UpdatePosCartCustomerRequestObject) (genserver.UpdatePosCartCustomerResponseObject, error) {
	return genserver.UpdatePosCartCustomer401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListCategories(context.Context, genserver.PosListCategoriesRequestObject) (genserver.PosListCategoriesResponseObject, error) {
	return genserver.PosListCategories401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListProducts(context.Context, genserver.PosListProductsRequestObject) (genserver.PosListProductsResponseObject, error) {
	return genserver.PosListProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListCrosssellProducts(context.Context, genserver.PosListCrosssellProductsRequestObject) (genserver.PosListCrosssellProductsResponseObject, error) {
	return genserver.PosListCrosssellProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosSearchProducts(context.Context, genserver.PosSearchProductsRequestObject) (genserver.PosSearchProductsResponseObject, error) {
	return genserver.PosSearchProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListSimilarProducts(context.Context, genserver.PosListSimilarProductsRequestObject) (genserver.PosListSimilarProductsResponseObject, error) {
	return genserver.PosListSimilarProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListUpsellProducts(context.Context, genserver.PosListUpsellProductsRequestObject) (genserver.PosListUpsellProductsResponseObject, error) {
	return genserver.PosListUpsellProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetProductDetail(context.Context, genserver.PosGetProductDetailRequestObject) (genserver.PosGetProductDetailResponseObject, error) {
	return genserver.PosGetProductDetail401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListProductReviews(context.Context, genserver.PosListProductReviewsRequestObject) (genserver.PosListProductReviewsResponseObject, error) {
	return genserver.PosListProductReviews401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListProductVariants(context.Context, genserver.PosListProductVariantsRequestObject) (genserver.PosListProductVariantsResponseObject, error) {
	return genserver.PosListProductVariants401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetVariantDetail(context.Context, genserver.PosGetVariantDetailRequestObject) (genserver.PosGetVariantDetailResponseObject, error) {
	return genserver.PosGetVariantDetail401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListSkus(context.Context, genserver.PosListSkusRequestObject) (genserver.PosListSkusResponseObject, error) {
	return genserver.PosListSkus401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) ListPosDevices(context.Context, genserver.ListPosDevicesRequestObject) (genserver.ListPosDevicesResponseObject, error) {
	return genserver.ListPosDevices401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) ClaimPosDevice(context.Context, genserver.ClaimPosDeviceRequestObject) (genserver.ClaimPosDeviceResponseObject, error) {
	return genserver.ClaimPosDevice401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) UnclaimPosDevice(context.Context, genserver.UnclaimPosDeviceRequestObject) (genserver.UnclaimPosDeviceResponseObject, error) {
	return genserver.UnclaimPosDevice401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) GetPosFulfillmentOptions(context.Context, genserver.GetPosFulfillmentOptionsRequestObject) (genserver.GetPosFulfillmentOptionsResponseObject, error) {
	return genserver.GetPosFulfillmentOptions401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) ListPosLocations(context.Context, genserver.ListPosLocationsRequestObject) (genserver.ListPosLocationsResponseObject, error) {
	return genserver.ListPosLocations401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) CreatePosOrder(context.Context, genserver.CreatePosOrderRequestObject) (genserver.CreatePosOrderResponseObject, error) {
	return genserver.CreatePosOrder401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetPaymentStatus(context.Context, genserver.PosGetPaymentStatusRequestObject) (genserver.PosGetPaymentStatusResponseObject, error) {
	return genserver.PosGetPaymentStatus401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) GetPosUser(context.Context, genserver.GetPosUserRequestObject) (genserver.GetPosUserResponseObject, error) {
	return genserver.GetPosUser401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}
