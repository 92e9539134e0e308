package storefronttest

// The point-of-sale operations are in the spec; until the fake serves them,
// each answers 401 with a message that says so.

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
)

var errPOSNotServed = unauthorized(CodeUnauthorized, "the fake server does not serve point of sale yet")

func (h *handlers) LoginPosDeviceWithEmail(context.Context, gen.LoginPosDeviceWithEmailRequestObject) (gen.LoginPosDeviceWithEmailResponseObject, error) {
	return gen.LoginPosDeviceWithEmail401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) LoginPosDeviceWithPhone(context.Context, gen.LoginPosDeviceWithPhoneRequestObject) (gen.LoginPosDeviceWithPhoneResponseObject, error) {
	return gen.LoginPosDeviceWithPhone401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) LoginPosDeviceWithWhatsapp(context.Context, gen.LoginPosDeviceWithWhatsappRequestObject) (gen.LoginPosDeviceWithWhatsappResponseObject, error) {
	return gen.LoginPosDeviceWithWhatsapp401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) LogoutFromPosDevice(context.Context, gen.LogoutFromPosDeviceRequestObject) (gen.LogoutFromPosDeviceResponseObject, error) {
	return gen.LogoutFromPosDevice401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PairPosDevice(context.Context, gen.PairPosDeviceRequestObject) (gen.PairPosDeviceResponseObject, error) {
	return gen.PairPosDevice401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) RefreshPosAccessToken(context.Context, gen.RefreshPosAccessTokenRequestObject) (gen.RefreshPosAccessTokenResponseObject, error) {
	return gen.RefreshPosAccessToken401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) VerifyPosLoginOTP(context.Context, gen.VerifyPosLoginOTPRequestObject) (gen.VerifyPosLoginOTPResponseObject, error) {
	return gen.VerifyPosLoginOTP401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosCreateCart(context.Context, gen.PosCreateCartRequestObject) (gen.PosCreateCartResponseObject, error) {
	return gen.PosCreateCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListCoupons(context.Context, gen.PosListCouponsRequestObject) (gen.PosListCouponsResponseObject, error) {
	return gen.PosListCoupons401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListPromotions(context.Context, gen.PosListPromotionsRequestObject) (gen.PosListPromotionsResponseObject, error) {
	return gen.PosListPromotions401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetUserCart(context.Context, gen.PosGetUserCartRequestObject) (gen.PosGetUserCartResponseObject, error) {
	return gen.PosGetUserCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosDeleteCart(context.Context, gen.PosDeleteCartRequestObject) (gen.PosDeleteCartResponseObject, error) {
	return gen.PosDeleteCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetCart(context.Context, gen.PosGetCartRequestObject) (gen.PosGetCartResponseObject, error) {
	return gen.PosGetCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosCreateCartAddress(context.Context, gen.PosCreateCartAddressRequestObject) (gen.PosCreateCartAddressResponseObject, error) {
	return gen.PosCreateCartAddress401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRemoveCoupon(context.Context, gen.PosRemoveCouponRequestObject) (gen.PosRemoveCouponResponseObject, error) {
	return gen.PosRemoveCoupon401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosApplyCoupon(context.Context, gen.PosApplyCouponRequestObject) (gen.PosApplyCouponResponseObject, error) {
	return gen.PosApplyCoupon401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRemoveCreditBalance(context.Context, gen.PosRemoveCreditBalanceRequestObject) (gen.PosRemoveCreditBalanceResponseObject, error) {
	return gen.PosRemoveCreditBalance401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRedeemCreditBalance(context.Context, gen.PosRedeemCreditBalanceRequestObject) (gen.PosRedeemCreditBalanceResponseObject, error) {
	return gen.PosRedeemCreditBalance401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosEvaluateCoupons(context.Context, gen.PosEvaluateCouponsRequestObject) (gen.PosEvaluateCouponsResponseObject, error) {
	return gen.PosEvaluateCoupons401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosEvaluatePromotions(context.Context, gen.PosEvaluatePromotionsRequestObject) (gen.PosEvaluatePromotionsResponseObject, error) {
	return gen.PosEvaluatePromotions401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosUpdateFulfillmentPreference(context.Context, gen.PosUpdateFulfillmentPreferenceRequestObject) (gen.PosUpdateFulfillmentPreferenceResponseObject, error) {
	return gen.PosUpdateFulfillmentPreference401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosUpdateCart(context.Context, gen.PosUpdateCartRequestObject) (gen.PosUpdateCartResponseObject, error) {
	return gen.PosUpdateCart401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRemoveLoyaltyPoints(context.Context, gen.PosRemoveLoyaltyPointsRequestObject) (gen.PosRemoveLoyaltyPointsResponseObject, error) {
	return gen.PosRemoveLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosRedeemLoyaltyPoints(context.Context, gen.PosRedeemLoyaltyPointsRequestObject) (gen.PosRedeemLoyaltyPointsResponseObject, error) {
	return gen.PosRedeemLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) UpdatePosCartCustomer(context.Context, gen.UpdatePosCartCustomerRequestObject) (gen.UpdatePosCartCustomerResponseObject, error) {
	return gen.UpdatePosCartCustomer401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListCategories(context.Context, gen.PosListCategoriesRequestObject) (gen.PosListCategoriesResponseObject, error) {
	return gen.PosListCategories401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListProducts(context.Context, gen.PosListProductsRequestObject) (gen.PosListProductsResponseObject, error) {
	return gen.PosListProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListCrosssellProducts(context.Context, gen.PosListCrosssellProductsRequestObject) (gen.PosListCrosssellProductsResponseObject, error) {
	return gen.PosListCrosssellProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosSearchProducts(context.Context, gen.PosSearchProductsRequestObject) (gen.PosSearchProductsResponseObject, error) {
	return gen.PosSearchProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListSimilarProducts(context.Context, gen.PosListSimilarProductsRequestObject) (gen.PosListSimilarProductsResponseObject, error) {
	return gen.PosListSimilarProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListUpsellProducts(context.Context, gen.PosListUpsellProductsRequestObject) (gen.PosListUpsellProductsResponseObject, error) {
	return gen.PosListUpsellProducts401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetProductDetail(context.Context, gen.PosGetProductDetailRequestObject) (gen.PosGetProductDetailResponseObject, error) {
	return gen.PosGetProductDetail401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListProductReviews(context.Context, gen.PosListProductReviewsRequestObject) (gen.PosListProductReviewsResponseObject, error) {
	return gen.PosListProductReviews401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListProductVariants(context.Context, gen.PosListProductVariantsRequestObject) (gen.PosListProductVariantsResponseObject, error) {
	return gen.PosListProductVariants401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetVariantDetail(context.Context, gen.PosGetVariantDetailRequestObject) (gen.PosGetVariantDetailResponseObject, error) {
	return gen.PosGetVariantDetail401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosListSkus(context.Context, gen.PosListSkusRequestObject) (gen.PosListSkusResponseObject, error) {
	return gen.PosListSkus401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) ListPosDevices(context.Context, gen.ListPosDevicesRequestObject) (gen.ListPosDevicesResponseObject, error) {
	return gen.ListPosDevices401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) ClaimPosDevice(context.Context, gen.ClaimPosDeviceRequestObject) (gen.ClaimPosDeviceResponseObject, error) {
	return gen.ClaimPosDevice401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) UnclaimPosDevice(context.Context, gen.UnclaimPosDeviceRequestObject) (gen.UnclaimPosDeviceResponseObject, error) {
	return gen.UnclaimPosDevice401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) GetPosFulfillmentOptions(context.Context, gen.GetPosFulfillmentOptionsRequestObject) (gen.GetPosFulfillmentOptionsResponseObject, error) {
	return gen.GetPosFulfillmentOptions401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) ListPosLocations(context.Context, gen.ListPosLocationsRequestObject) (gen.ListPosLocationsResponseObject, error) {
	return gen.ListPosLocations401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) CreatePosOrder(context.Context, gen.CreatePosOrderRequestObject) (gen.CreatePosOrderResponseObject, error) {
	return gen.CreatePosOrder401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) PosGetPaymentStatus(context.Context, gen.PosGetPaymentStatusRequestObject) (gen.PosGetPaymentStatusResponseObject, error) {
	return gen.PosGetPaymentStatus401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}

func (h *handlers) GetPosUser(context.Context, gen.GetPosUserRequestObject) (gen.GetPosUserResponseObject, error) {
	return gen.GetPosUser401JSONResponse{UnauthorizedJSONResponse: errPOSNotServed.unauthorized()}, nil
}
