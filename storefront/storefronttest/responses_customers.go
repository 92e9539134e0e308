package storefronttest

// The error answers of the Customers and Subscriptions operations, one
// function per operation as for the other groups (responses.go): each
// turns an *apiError into the typed response of its status among those
// the operation declares. A status an operation does not declare becomes
// its 400, code and message kept (its 404 for the operations without a
// 400).

import (
	"net/http"

	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

func listAddressesError(e *apiError) genserver.ListAddressesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListAddresses401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListAddresses404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListAddresses400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createAddressError(e *apiError) genserver.CreateAddressResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateAddress401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.CreateAddress400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getAddressDetailError(e *apiError) genserver.GetAddressDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetAddressDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.GetAddressDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func updateAddressDetailError(e *apiError) genserver.UpdateAddressDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdateAddressDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdateAddressDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdateAddressDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteAddressError(e *apiError) genserver.DeleteAddressResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.DeleteAddress401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.DeleteAddress404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func listBankAccountsError(e *apiError) genserver.ListBankAccountsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListBankAccounts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListBankAccounts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListBankAccounts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createBankAccountError(e *apiError) genserver.CreateBankAccountResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateBankAccount401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.CreateBankAccount400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getBankAccountDetailError(e *apiError) genserver.GetBankAccountDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetBankAccountDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.GetBankAccountDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func updateBankAccountError(e *apiError) genserver.UpdateBankAccountResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdateBankAccount401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdateBankAccount404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdateBankAccount400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteBankAccountError(e *apiError) genserver.DeleteBankAccountResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.DeleteBankAccount401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.DeleteBankAccount404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func verifyBankAccountError(e *apiError) genserver.VerifyBankAccountResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.VerifyBankAccount401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.VerifyBankAccount404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.VerifyBankAccount400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCustomerCardsError(e *apiError) genserver.ListCustomerCardsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCustomerCards401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ListCustomerCards404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func getCustomerCreditLineBalanceError(e *apiError) genserver.GetCustomerCreditLineBalanceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetCustomerCreditLineBalance401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetCustomerCreditLineBalance404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetCustomerCreditLineBalance400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listDocumentsError(e *apiError) genserver.ListDocumentsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListDocuments401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListDocuments404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListDocuments400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createDocumentError(e *apiError) genserver.CreateDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CreateDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CreateDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func verifyDocumentError(e *apiError) genserver.VerifyDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.VerifyDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.VerifyDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.VerifyDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getDocumentError(e *apiError) genserver.GetDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateDocumentError(e *apiError) genserver.UpdateDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdateDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdateDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdateDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteDocumentError(e *apiError) genserver.DeleteDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.DeleteDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.DeleteDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.DeleteDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getLoyaltyDetailsError(e *apiError) genserver.GetLoyaltyDetailsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetLoyaltyDetails401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.GetLoyaltyDetails404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func listLoyaltyActivitiesError(e *apiError) genserver.ListLoyaltyActivitiesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListLoyaltyActivities401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListLoyaltyActivities404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListLoyaltyActivities400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCustomerMandateDebitSchedulesError(e *apiError) genserver.ListCustomerMandateDebitSchedulesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCustomerMandateDebitSchedules401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListCustomerMandateDebitSchedules404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListCustomerMandateDebitSchedules400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCustomerMandatesError(e *apiError) genserver.ListCustomerMandatesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCustomerMandates401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ListCustomerMandates404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func createCustomerMandateError(e *apiError) genserver.CreateCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.CreateCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.CreateCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getCustomerMandateError(e *apiError) genserver.GetCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateCustomerMandateError(e *apiError) genserver.UpdateCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdateCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdateCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdateCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func pauseCustomerMandateError(e *apiError) genserver.PauseCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.PauseCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.PauseCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.PauseCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func resumeCustomerMandateError(e *apiError) genserver.ResumeCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ResumeCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ResumeCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ResumeCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func revokeCustomerMandateError(e *apiError) genserver.RevokeCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RevokeCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.RevokeCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.RevokeCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSavedPaymentMethodsError(e *apiError) genserver.ListSavedPaymentMethodsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListSavedPaymentMethods401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListSavedPaymentMethods404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListSavedPaymentMethods400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCustomerReviewsError(e *apiError) genserver.ListCustomerReviewsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListCustomerReviews401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListCustomerReviews404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListCustomerReviews400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getCustomerAuthorizedSellersError(e *apiError) genserver.GetCustomerAuthorizedSellersResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetCustomerAuthorizedSellers401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.GetCustomerAuthorizedSellers400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSubscriptionsError(e *apiError) genserver.ListSubscriptionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ListSubscriptions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ListSubscriptions404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ListSubscriptions400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createSubscriptionError(e *apiError) genserver.CreateSubscriptionResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CreateSubscription401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.CreateSubscription400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getSubscriptionError(e *apiError) genserver.GetSubscriptionResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetSubscription401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetSubscription404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetSubscription400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateSubscriptionError(e *apiError) genserver.UpdateSubscriptionResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdateSubscription401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdateSubscription404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdateSubscription400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}
