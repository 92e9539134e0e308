package storefronttest

import (
	"context"
	"errors"

	"github.com/commercengine-go/sdk/gen"
)

// errPending answers the operations the fake server does not model yet.
var errPending = errors.New("storefronttest: operation not modelled yet")

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
