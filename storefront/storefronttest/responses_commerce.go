package storefronttest

// The error answers of the Carts, Payments, Wishlist and Orders
// operations, one function per operation as for Auth (responses.go): each
// turns an *apiError into the typed response of its status among those
// the operation declares. A status an operation does not declare becomes
// its 400, code and message kept, or its 404 when it has no 400, or its
// 401 when it has neither.

import (
	"net/http"

	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

func createCartError(e *apiError) genserver.CreateCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CreateCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CreateCart400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCouponsError(e *apiError) genserver.ListCouponsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCoupons401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListCoupons404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListCoupons400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listPromotionsError(e *apiError) genserver.ListPromotionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListPromotions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ListPromotions400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getFulfillmentOptionsError(e *apiError) genserver.GetFulfillmentOptionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetFulfillmentOptions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetFulfillmentOptions404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetFulfillmentOptions400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getUserCartError(e *apiError) genserver.GetUserCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetUserCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.GetUserCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func deleteUserCartError(e *apiError) genserver.DeleteUserCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.DeleteUserCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.DeleteUserCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func getCartError(e *apiError) genserver.GetCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.GetCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func deleteCartError(e *apiError) genserver.DeleteCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.DeleteCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.DeleteCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func createCartAddressError(e *apiError) genserver.CreateCartAddressResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateCartAddress401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CreateCartAddress404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CreateCartAddress400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func applyCouponError(e *apiError) genserver.ApplyCouponResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ApplyCoupon401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ApplyCoupon404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ApplyCoupon400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func removeCouponError(e *apiError) genserver.RemoveCouponResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RemoveCoupon401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.RemoveCoupon404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.RemoveCoupon400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func redeemCreditBalanceError(e *apiError) genserver.RedeemCreditBalanceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RedeemCreditBalance401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.RedeemCreditBalance404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.RedeemCreditBalance400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func removeCreditBalanceError(e *apiError) genserver.RemoveCreditBalanceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RemoveCreditBalance401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.RemoveCreditBalance404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.RemoveCreditBalance400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func evaluateCouponsError(e *apiError) genserver.EvaluateCouponsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.EvaluateCoupons401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.EvaluateCoupons404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func evaluatePromotionsError(e *apiError) genserver.EvaluatePromotionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.EvaluatePromotions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.EvaluatePromotions404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func updateFulfillmentPreferenceError(e *apiError) genserver.UpdateFulfillmentPreferenceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdateFulfillmentPreference401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdateFulfillmentPreference404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdateFulfillmentPreference400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateCartError(e *apiError) genserver.UpdateCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdateCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdateCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdateCart400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func redeemLoyaltyPointsError(e *apiError) genserver.RedeemLoyaltyPointsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RedeemLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.RedeemLoyaltyPoints404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.RedeemLoyaltyPoints400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func removeLoyaltyPointsError(e *apiError) genserver.RemoveLoyaltyPointsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RemoveLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.RemoveLoyaltyPoints404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.RemoveLoyaltyPoints400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func authenticateDirectOTPError(e *apiError) genserver.AuthenticateDirectOTPResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.AuthenticateDirectOTP401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.AuthenticateDirectOTP400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getCardInfoError(e *apiError) genserver.GetCardInfoResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetCardInfo401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetCardInfo404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetCardInfo400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func generateHashError(e *apiError) genserver.GenerateHashResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GenerateHash401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GenerateHash404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GenerateHash400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getIfscLookupError(e *apiError) genserver.GetIfscLookupResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetIfscLookup401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetIfscLookup404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetIfscLookup400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createJuspayOrderError(e *apiError) genserver.CreateJuspayOrderResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateJuspayOrder401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CreateJuspayOrder404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CreateJuspayOrder400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createJuspayCustomerError(e *apiError) genserver.CreateJuspayCustomerResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateJuspayCustomer401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CreateJuspayCustomer404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CreateJuspayCustomer400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getJuspayCustomerError(e *apiError) genserver.GetJuspayCustomerResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetJuspayCustomer401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetJuspayCustomer404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetJuspayCustomer400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listPaymentMethodsError(e *apiError) genserver.ListPaymentMethodsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListPaymentMethods401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListPaymentMethods404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListPaymentMethods400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func resendDirectOTPError(e *apiError) genserver.ResendDirectOTPResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ResendDirectOTP401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ResendDirectOTP400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func verifyVpaError(e *apiError) genserver.VerifyVpaResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.VerifyVpa401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.VerifyVpa404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.VerifyVpa400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getWishlistError(e *apiError) genserver.GetWishlistResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetWishlist401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetWishlist404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetWishlist400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func addToWishlistError(e *apiError) genserver.AddToWishlistResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.AddToWishlist401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.AddToWishlist404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.AddToWishlist400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteFromWishlistError(e *apiError) genserver.DeleteFromWishlistResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.DeleteFromWishlist401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.DeleteFromWishlist404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.DeleteFromWishlist400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listOrdersError(e *apiError) genserver.ListOrdersResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListOrders401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ListOrders400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createOrderError(e *apiError) genserver.CreateOrderResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateOrder401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.CreateOrder400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listBuyItAgainItemsError(e *apiError) genserver.ListBuyItAgainItemsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListBuyItAgainItems401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ListBuyItAgainItems400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getOrderDetailError(e *apiError) genserver.GetOrderDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetOrderDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.GetOrderDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func cancelOrderError(e *apiError) genserver.CancelOrderResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CancelOrder401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CancelOrder404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CancelOrder400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func cancelPaymentRequestError(e *apiError) genserver.CancelPaymentRequestResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CancelPaymentRequest401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CancelPaymentRequest404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CancelPaymentRequest400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getPaymentStatusError(e *apiError) genserver.GetPaymentStatusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetPaymentStatus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.GetPaymentStatus404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func listOrderPaymentsError(e *apiError) genserver.ListOrderPaymentsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListOrderPayments401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ListOrderPayments404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func listOrderRefundsError(e *apiError) genserver.ListOrderRefundsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListOrderRefunds401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ListOrderRefunds404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func retryOrderPaymentError(e *apiError) genserver.RetryOrderPaymentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RetryOrderPayment401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.RetryOrderPayment404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.RetryOrderPayment400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listOrderReturnsError(e *apiError) genserver.ListOrderReturnsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListOrderReturns401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ListOrderReturns404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func createOrderReturnError(e *apiError) genserver.CreateOrderReturnResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateOrderReturn401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CreateOrderReturn404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CreateOrderReturn400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getOrderReturnDetailError(e *apiError) genserver.GetOrderReturnDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetOrderReturnDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetOrderReturnDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetOrderReturnDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func uploadOrderReturnAttachmentsError(e *apiError) genserver.UploadOrderReturnAttachmentsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UploadOrderReturnAttachments401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UploadOrderReturnAttachments404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UploadOrderReturnAttachments400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func cancelOrderReturnError(e *apiError) genserver.CancelOrderReturnResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CancelOrderReturn401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CancelOrderReturn404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CancelOrderReturn400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listOrderShipmentsError(e *apiError) genserver.ListOrderShipmentsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListOrderShipments401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ListOrderShipments404JSONResponse{NotFoundJSONResponse: e.notFound()}
}
