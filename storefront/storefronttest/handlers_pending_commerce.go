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

func (h *handlers) ListAddresses(ctx context.Context, request gen.ListAddressesRequestObject) (gen.ListAddressesResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateAddress(ctx context.Context, request gen.CreateAddressRequestObject) (gen.CreateAddressResponseObject, error) {
	return nil, errPending
}

func (h *handlers) DeleteAddress(ctx context.Context, request gen.DeleteAddressRequestObject) (gen.DeleteAddressResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetAddressDetail(ctx context.Context, request gen.GetAddressDetailRequestObject) (gen.GetAddressDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) UpdateAddressDetail(ctx context.Context, request gen.UpdateAddressDetailRequestObject) (gen.UpdateAddressDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListBankAccounts(ctx context.Context, request gen.ListBankAccountsRequestObject) (gen.ListBankAccountsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateBankAccount(ctx context.Context, request gen.CreateBankAccountRequestObject) (gen.CreateBankAccountResponseObject, error) {
	return nil, errPending
}

func (h *handlers) DeleteBankAccount(ctx context.Context, request gen.DeleteBankAccountRequestObject) (gen.DeleteBankAccountResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetBankAccountDetail(ctx context.Context, request gen.GetBankAccountDetailRequestObject) (gen.GetBankAccountDetailResponseObject, error) {
	return nil, errPending
}

func (h *handlers) UpdateBankAccount(ctx context.Context, request gen.UpdateBankAccountRequestObject) (gen.UpdateBankAccountResponseObject, error) {
	return nil, errPending
}

func (h *handlers) VerifyBankAccount(ctx context.Context, request gen.VerifyBankAccountRequestObject) (gen.VerifyBankAccountResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCustomerCards(ctx context.Context, request gen.ListCustomerCardsRequestObject) (gen.ListCustomerCardsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetCustomerCreditLineBalance(ctx context.Context, request gen.GetCustomerCreditLineBalanceRequestObject) (gen.GetCustomerCreditLineBalanceResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListDocuments(ctx context.Context, request gen.ListDocumentsRequestObject) (gen.ListDocumentsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateDocument(ctx context.Context, request gen.CreateDocumentRequestObject) (gen.CreateDocumentResponseObject, error) {
	return nil, errPending
}

func (h *handlers) VerifyDocument(ctx context.Context, request gen.VerifyDocumentRequestObject) (gen.VerifyDocumentResponseObject, error) {
	return nil, errPending
}

func (h *handlers) DeleteDocument(ctx context.Context, request gen.DeleteDocumentRequestObject) (gen.DeleteDocumentResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetDocument(ctx context.Context, request gen.GetDocumentRequestObject) (gen.GetDocumentResponseObject, error) {
	return nil, errPending
}

func (h *handlers) UpdateDocument(ctx context.Context, request gen.UpdateDocumentRequestObject) (gen.UpdateDocumentResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetLoyaltyDetails(ctx context.Context, request gen.GetLoyaltyDetailsRequestObject) (gen.GetLoyaltyDetailsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListLoyaltyActivities(ctx context.Context, request gen.ListLoyaltyActivitiesRequestObject) (gen.ListLoyaltyActivitiesResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCustomerMandateDebitSchedules(ctx context.Context, request gen.ListCustomerMandateDebitSchedulesRequestObject) (gen.ListCustomerMandateDebitSchedulesResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCustomerMandates(ctx context.Context, request gen.ListCustomerMandatesRequestObject) (gen.ListCustomerMandatesResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateCustomerMandate(ctx context.Context, request gen.CreateCustomerMandateRequestObject) (gen.CreateCustomerMandateResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetCustomerMandate(ctx context.Context, request gen.GetCustomerMandateRequestObject) (gen.GetCustomerMandateResponseObject, error) {
	return nil, errPending
}

func (h *handlers) UpdateCustomerMandate(ctx context.Context, request gen.UpdateCustomerMandateRequestObject) (gen.UpdateCustomerMandateResponseObject, error) {
	return nil, errPending
}

func (h *handlers) PauseCustomerMandate(ctx context.Context, request gen.PauseCustomerMandateRequestObject) (gen.PauseCustomerMandateResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ResumeCustomerMandate(ctx context.Context, request gen.ResumeCustomerMandateRequestObject) (gen.ResumeCustomerMandateResponseObject, error) {
	return nil, errPending
}

func (h *handlers) RevokeCustomerMandate(ctx context.Context, request gen.RevokeCustomerMandateRequestObject) (gen.RevokeCustomerMandateResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListSavedPaymentMethods(ctx context.Context, request gen.ListSavedPaymentMethodsRequestObject) (gen.ListSavedPaymentMethodsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) ListCustomerReviews(ctx context.Context, request gen.ListCustomerReviewsRequestObject) (gen.ListCustomerReviewsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetCustomerAuthorizedSellers(ctx context.Context, request gen.GetCustomerAuthorizedSellersRequestObject) (gen.GetCustomerAuthorizedSellersResponseObject, error) {
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

func (h *handlers) ListSubscriptions(ctx context.Context, request gen.ListSubscriptionsRequestObject) (gen.ListSubscriptionsResponseObject, error) {
	return nil, errPending
}

func (h *handlers) CreateSubscription(ctx context.Context, request gen.CreateSubscriptionRequestObject) (gen.CreateSubscriptionResponseObject, error) {
	return nil, errPending
}

func (h *handlers) GetSubscription(ctx context.Context, request gen.GetSubscriptionRequestObject) (gen.GetSubscriptionResponseObject, error) {
	return nil, errPending
}

func (h *handlers) UpdateSubscription(ctx context.Context, request gen.UpdateSubscriptionRequestObject) (gen.UpdateSubscriptionResponseObject, error) {
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
