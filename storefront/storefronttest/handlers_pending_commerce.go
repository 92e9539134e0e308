package storefronttest

import (
	"context"
	"errors"

	"github.com/commercengine-go/sdk/gen"
)

// errPending answers the operations the fake server does not model yet.
var errPending = errors.New("storefronttest: operation not modelled yet")

func (h *handlers) CreateCart(ctx context.Context, request gen.CreateCartRequestObject) (gen.CreateCartResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCoupons(ctx context.Context, request gen.ListCouponsRequestObject) (gen.ListCouponsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListPromotions(ctx context.Context, request gen.ListPromotionsRequestObject) (gen.ListPromotionsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetFulfillmentOptions(ctx context.Context, request gen.GetFulfillmentOptionsRequestObject) (gen.GetFulfillmentOptionsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) DeleteUserCart(ctx context.Context, request gen.DeleteUserCartRequestObject) (gen.DeleteUserCartResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetUserCart(ctx context.Context, request gen.GetUserCartRequestObject) (gen.GetUserCartResponseObject, error) {
	return nil, errPending
}

func (h *handlers) DeleteCart(ctx context.Context, request gen.DeleteCartRequestObject) (gen.DeleteCartResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetCart(ctx context.Context, request gen.GetCartRequestObject) (gen.GetCartResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateCartAddress(ctx context.Context, request gen.CreateCartAddressRequestObject) (gen.CreateCartAddressResponseObject, error) {
	return nil, errPending
}

func (h *handlers) RemoveCoupon(ctx context.Context, request gen.RemoveCouponRequestObject) (gen.RemoveCouponResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ApplyCoupon(ctx context.Context, request gen.ApplyCouponRequestObject) (gen.ApplyCouponResponseObject, error) {
	return nil, errPending
}

func (h *handlers) RemoveCreditBalance(ctx context.Context, request gen.RemoveCreditBalanceRequestObject) (gen.RemoveCreditBalanceResponseObject, error) {
	return nil, errPending
}

func (h *handlers) RedeemCreditBalance(ctx context.Context, request gen.RedeemCreditBalanceRequestObject) (gen.RedeemCreditBalanceResponseObject, error) {
	return nil, errPending
}

func (h *handlers) EvaluateCoupons(ctx context.Context, request gen.EvaluateCouponsRequestObject) (gen.EvaluateCouponsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) EvaluatePromotions(ctx context.Context, request gen.EvaluatePromotionsRequestObject) (gen.EvaluatePromotionsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) UpdateFulfillmentPreference(ctx context.Context, request gen.UpdateFulfillmentPreferenceRequestObject) (gen.UpdateFulfillmentPreferenceResponseObject, error) {
	return nil, errPending
}

func (h *handlers) UpdateCart(ctx context.Context, request gen.UpdateCartRequestObject) (gen.UpdateCartResponseObject, error) {
	return nil, errPending
}

func (h *handlers) RemoveLoyaltyPoints(ctx context.Context, request gen.RemoveLoyaltyPointsRequestObject) (gen.RemoveLoyaltyPointsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) RedeemLoyaltyPoints(ctx context.Context, request gen.RedeemLoyaltyPointsRequestObject) (gen.RedeemLoyaltyPointsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListOrders(ctx context.Context, request gen.ListOrdersRequestObject) (gen.ListOrdersResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateOrder(ctx context.Context, request gen.CreateOrderRequestObject) (gen.CreateOrderResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListBuyItAgainItems(ctx context.Context, request gen.ListBuyItAgainItemsRequestObject) (gen.ListBuyItAgainItemsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetOrderDetail(ctx context.Context, request gen.GetOrderDetailRequestObject) (gen.GetOrderDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CancelOrder(ctx context.Context, request gen.CancelOrderRequestObject) (gen.CancelOrderResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CancelPaymentRequest(ctx context.Context, request gen.CancelPaymentRequestRequestObject) (gen.CancelPaymentRequestResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetPaymentStatus(ctx context.Context, request gen.GetPaymentStatusRequestObject) (gen.GetPaymentStatusResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListOrderPayments(ctx context.Context, request gen.ListOrderPaymentsRequestObject) (gen.ListOrderPaymentsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListOrderRefunds(ctx context.Context, request gen.ListOrderRefundsRequestObject) (gen.ListOrderRefundsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) RetryOrderPayment(ctx context.Context, request gen.RetryOrderPaymentRequestObject) (gen.RetryOrderPaymentResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListOrderReturns(ctx context.Context, request gen.ListOrderReturnsRequestObject) (gen.ListOrderReturnsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateOrderReturn(ctx context.Context, request gen.CreateOrderReturnRequestObject) (gen.CreateOrderReturnResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetOrderReturnDetail(ctx context.Context, request gen.GetOrderReturnDetailRequestObject) (gen.GetOrderReturnDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) UploadOrderReturnAttachments(ctx context.Context, request gen.UploadOrderReturnAttachmentsRequestObject) (gen.UploadOrderReturnAttachmentsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CancelOrderReturn(ctx context.Context, request gen.CancelOrderReturnRequestObject) (gen.CancelOrderReturnResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListOrderShipments(ctx context.Context, request gen.ListOrderShipmentsRequestObject) (gen.ListOrderShipmentsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) AuthenticateDirectOTP(ctx context.Context, request gen.AuthenticateDirectOTPRequestObject) (gen.AuthenticateDirectOTPResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetCardInfo(ctx context.Context, request gen.GetCardInfoRequestObject) (gen.GetCardInfoResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GenerateHash(ctx context.Context, request gen.GenerateHashRequestObject) (gen.GenerateHashResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetIfscLookup(ctx context.Context, request gen.GetIfscLookupRequestObject) (gen.GetIfscLookupResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateJuspayOrder(ctx context.Context, request gen.CreateJuspayOrderRequestObject) (gen.CreateJuspayOrderResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateJuspayCustomer(ctx context.Context, request gen.CreateJuspayCustomerRequestObject) (gen.CreateJuspayCustomerResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetJuspayCustomer(ctx context.Context, request gen.GetJuspayCustomerRequestObject) (gen.GetJuspayCustomerResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListPaymentMethods(ctx context.Context, request gen.ListPaymentMethodsRequestObject) (gen.ListPaymentMethodsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ResendDirectOTP(ctx context.Context, request gen.ResendDirectOTPRequestObject) (gen.ResendDirectOTPResponseObject, error) {
	return nil, errPending
}

func (h *handlers) VerifyVpa(ctx context.Context, request gen.VerifyVpaRequestObject) (gen.VerifyVpaResponseObject, error) {
	return nil, errPending
}

func (h *handlers) DeleteFromWishlist(ctx context.Context, request gen.DeleteFromWishlistRequestObject) (gen.DeleteFromWishlistResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetWishlist(ctx context.Context, request gen.GetWishlistRequestObject) (gen.GetWishlistResponseObject, error) {
	return nil, errPending
}

func (h *handlers) AddToWishlist(ctx context.Context, request gen.AddToWishlistRequestObject) (gen.AddToWishlistResponseObject, error) {
	return nil, errPending
}
