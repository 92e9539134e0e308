package storefronttest

// The error answers of the Carts, Payments, Wishlist and Orders
// operations, one function per operation as for Auth (responses.go): each
// turns an *apiError into the typed response of its status among those
// the operation declares. A status an operation does not declare becomes
// its 400, code and message kept, or its 404 when it has no 400, or its
// 401 when it has neither.

import (
	"net/http"

	"github.com/commercengine-go/sdk/gen"
)

func createCartError(e *apiError) gen.CreateCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CreateCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CreateCart400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCouponsError(e *apiError) gen.ListCouponsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCoupons401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListCoupons404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListCoupons400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listPromotionsError(e *apiError) gen.ListPromotionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListPromotions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ListPromotions400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getFulfillmentOptionsError(e *apiError) gen.GetFulfillmentOptionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetFulfillmentOptions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetFulfillmentOptions404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetFulfillmentOptions400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getUserCartError(e *apiError) gen.GetUserCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetUserCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.GetUserCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func deleteUserCartError(e *apiError) gen.DeleteUserCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.DeleteUserCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.DeleteUserCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func getCartError(e *apiError) gen.GetCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.GetCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func deleteCartError(e *apiError) gen.DeleteCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.DeleteCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.DeleteCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func createCartAddressError(e *apiError) gen.CreateCartAddressResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateCartAddress401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CreateCartAddress404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CreateCartAddress400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func applyCouponError(e *apiError) gen.ApplyCouponResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ApplyCoupon401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ApplyCoupon404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ApplyCoupon400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func removeCouponError(e *apiError) gen.RemoveCouponResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RemoveCoupon401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.RemoveCoupon404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.RemoveCoupon400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func redeemCreditBalanceError(e *apiError) gen.RedeemCreditBalanceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RedeemCreditBalance401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.RedeemCreditBalance404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.RedeemCreditBalance400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func removeCreditBalanceError(e *apiError) gen.RemoveCreditBalanceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RemoveCreditBalance401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.RemoveCreditBalance404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.RemoveCreditBalance400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func evaluateCouponsError(e *apiError) gen.EvaluateCouponsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.EvaluateCoupons401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.EvaluateCoupons404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func evaluatePromotionsError(e *apiError) gen.EvaluatePromotionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.EvaluatePromotions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.EvaluatePromotions404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func updateFulfillmentPreferenceError(e *apiError) gen.UpdateFulfillmentPreferenceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UpdateFulfillmentPreference401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UpdateFulfillmentPreference404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UpdateFulfillmentPreference400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateCartError(e *apiError) gen.UpdateCartResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UpdateCart401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UpdateCart404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UpdateCart400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func redeemLoyaltyPointsError(e *apiError) gen.RedeemLoyaltyPointsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RedeemLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.RedeemLoyaltyPoints404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.RedeemLoyaltyPoints400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func removeLoyaltyPointsError(e *apiError) gen.RemoveLoyaltyPointsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RemoveLoyaltyPoints401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.RemoveLoyaltyPoints404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.RemoveLoyaltyPoints400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func authenticateDirectOTPError(e *apiError) gen.AuthenticateDirectOTPResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.AuthenticateDirectOTP401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.AuthenticateDirectOTP400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getCardInfoError(e *apiError) gen.GetCardInfoResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetCardInfo401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetCardInfo404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetCardInfo400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func generateHashError(e *apiError) gen.GenerateHashResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GenerateHash401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GenerateHash404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GenerateHash400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getIfscLookupError(e *apiError) gen.GetIfscLookupResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetIfscLookup401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetIfscLookup404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetIfscLookup400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createJuspayOrderError(e *apiError) gen.CreateJuspayOrderResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateJuspayOrder401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CreateJuspayOrder404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CreateJuspayOrder400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createJuspayCustomerError(e *apiError) gen.CreateJuspayCustomerResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateJuspayCustomer401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CreateJuspayCustomer404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CreateJuspayCustomer400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getJuspayCustomerError(e *apiError) gen.GetJuspayCustomerResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetJuspayCustomer401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetJuspayCustomer404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetJuspayCustomer400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listPaymentMethodsError(e *apiError) gen.ListPaymentMethodsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListPaymentMethods401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListPaymentMethods404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListPaymentMethods400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func resendDirectOTPError(e *apiError) gen.ResendDirectOTPResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ResendDirectOTP401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ResendDirectOTP400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func verifyVpaError(e *apiError) gen.VerifyVpaResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.VerifyVpa401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.VerifyVpa404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.VerifyVpa400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getWishlistError(e *apiError) gen.GetWishlistResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetWishlist401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetWishlist404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetWishlist400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func addToWishlistError(e *apiError) gen.AddToWishlistResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.AddToWishlist401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.AddToWishlist404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.AddToWishlist400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteFromWishlistError(e *apiError) gen.DeleteFromWishlistResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.DeleteFromWishlist401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.DeleteFromWishlist404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.DeleteFromWishlist400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listOrdersError(e *apiError) gen.ListOrdersResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListOrders401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ListOrders400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createOrderError(e *apiError) gen.CreateOrderResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateOrder401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.CreateOrder400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listBuyItAgainItemsError(e *apiError) gen.ListBuyItAgainItemsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListBuyItAgainItems401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ListBuyItAgainItems400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getOrderDetailError(e *apiError) gen.GetOrderDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetOrderDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.GetOrderDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func cancelOrderError(e *apiError) gen.CancelOrderResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CancelOrder401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CancelOrder404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CancelOrder400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func cancelPaymentRequestError(e *apiError) gen.CancelPaymentRequestResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CancelPaymentRequest401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CancelPaymentRequest404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CancelPaymentRequest400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getPaymentStatusError(e *apiError) gen.GetPaymentStatusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetPaymentStatus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.GetPaymentStatus404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func listOrderPaymentsError(e *apiError) gen.ListOrderPaymentsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListOrderPayments401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ListOrderPayments404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func listOrderRefundsError(e *apiError) gen.ListOrderRefundsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListOrderRefunds401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ListOrderRefunds404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func retryOrderPaymentError(e *apiError) gen.RetryOrderPaymentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RetryOrderPayment401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.RetryOrderPayment404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.RetryOrderPayment400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listOrderReturnsError(e *apiError) gen.ListOrderReturnsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListOrderReturns401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ListOrderReturns404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func createOrderReturnError(e *apiError) gen.CreateOrderReturnResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateOrderReturn401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CreateOrderReturn404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CreateOrderReturn400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getOrderReturnDetailError(e *apiError) gen.GetOrderReturnDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetOrderReturnDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetOrderReturnDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetOrderReturnDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func uploadOrderReturnAttachmentsError(e *apiError) gen.UploadOrderReturnAttachmentsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UploadOrderReturnAttachments401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UploadOrderReturnAttachments404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UploadOrderReturnAttachments400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func cancelOrderReturnError(e *apiError) gen.CancelOrderReturnResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CancelOrderReturn401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CancelOrderReturn404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CancelOrderReturn400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listOrderShipmentsError(e *apiError) gen.ListOrderShipmentsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListOrderShipments401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ListOrderShipments404JSONResponse{NotFoundJSONResponse: e.notFound()}
}
