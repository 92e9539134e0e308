package storefronttest

// The error answers of the Customers and Subscriptions operations, one
// function per operation as for the other groups (responses.go): each
// turns an *apiError into the typed response of its status among those
// the operation declares. A status an operation does not declare becomes
// its 400, code and message kept (its 404 for the operations without a
// 400).

import (
	"net/http"

	"github.com/commercengine-go/sdk/gen"
)

func listAddressesError(e *apiError) gen.ListAddressesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListAddresses401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListAddresses404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListAddresses400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createAddressError(e *apiError) gen.CreateAddressResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateAddress401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.CreateAddress400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getAddressDetailError(e *apiError) gen.GetAddressDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetAddressDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.GetAddressDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func updateAddressDetailError(e *apiError) gen.UpdateAddressDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UpdateAddressDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UpdateAddressDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UpdateAddressDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteAddressError(e *apiError) gen.DeleteAddressResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.DeleteAddress401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.DeleteAddress404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func listBankAccountsError(e *apiError) gen.ListBankAccountsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListBankAccounts401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListBankAccounts404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListBankAccounts400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createBankAccountError(e *apiError) gen.CreateBankAccountResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateBankAccount401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.CreateBankAccount400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getBankAccountDetailError(e *apiError) gen.GetBankAccountDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetBankAccountDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.GetBankAccountDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func updateBankAccountError(e *apiError) gen.UpdateBankAccountResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UpdateBankAccount401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UpdateBankAccount404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UpdateBankAccount400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteBankAccountError(e *apiError) gen.DeleteBankAccountResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.DeleteBankAccount401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.DeleteBankAccount404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func verifyBankAccountError(e *apiError) gen.VerifyBankAccountResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.VerifyBankAccount401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.VerifyBankAccount404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.VerifyBankAccount400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCustomerCardsError(e *apiError) gen.ListCustomerCardsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCustomerCards401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ListCustomerCards404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func getCustomerCreditLineBalanceError(e *apiError) gen.GetCustomerCreditLineBalanceResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetCustomerCreditLineBalance401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetCustomerCreditLineBalance404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetCustomerCreditLineBalance400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listDocumentsError(e *apiError) gen.ListDocumentsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListDocuments401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListDocuments404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListDocuments400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createDocumentError(e *apiError) gen.CreateDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CreateDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CreateDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func verifyDocumentError(e *apiError) gen.VerifyDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.VerifyDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.VerifyDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.VerifyDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getDocumentError(e *apiError) gen.GetDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateDocumentError(e *apiError) gen.UpdateDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UpdateDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UpdateDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UpdateDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteDocumentError(e *apiError) gen.DeleteDocumentResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.DeleteDocument401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.DeleteDocument404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.DeleteDocument400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getLoyaltyDetailsError(e *apiError) gen.GetLoyaltyDetailsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetLoyaltyDetails401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.GetLoyaltyDetails404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func listLoyaltyActivitiesError(e *apiError) gen.ListLoyaltyActivitiesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListLoyaltyActivities401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListLoyaltyActivities404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListLoyaltyActivities400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCustomerMandateDebitSchedulesError(e *apiError) gen.ListCustomerMandateDebitSchedulesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCustomerMandateDebitSchedules401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListCustomerMandateDebitSchedules404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListCustomerMandateDebitSchedules400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCustomerMandatesError(e *apiError) gen.ListCustomerMandatesResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCustomerMandates401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ListCustomerMandates404JSONResponse{NotFoundJSONResponse: e.notFound()}
}

func createCustomerMandateError(e *apiError) gen.CreateCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.CreateCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.CreateCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getCustomerMandateError(e *apiError) gen.GetCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateCustomerMandateError(e *apiError) gen.UpdateCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UpdateCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UpdateCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UpdateCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func pauseCustomerMandateError(e *apiError) gen.PauseCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.PauseCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.PauseCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.PauseCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func resumeCustomerMandateError(e *apiError) gen.ResumeCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ResumeCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ResumeCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ResumeCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func revokeCustomerMandateError(e *apiError) gen.RevokeCustomerMandateResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RevokeCustomerMandate401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.RevokeCustomerMandate404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.RevokeCustomerMandate400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSavedPaymentMethodsError(e *apiError) gen.ListSavedPaymentMethodsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListSavedPaymentMethods401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListSavedPaymentMethods404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListSavedPaymentMethods400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listCustomerReviewsError(e *apiError) gen.ListCustomerReviewsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListCustomerReviews401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListCustomerReviews404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListCustomerReviews400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getCustomerAuthorizedSellersError(e *apiError) gen.GetCustomerAuthorizedSellersResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetCustomerAuthorizedSellers401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.GetCustomerAuthorizedSellers400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func listSubscriptionsError(e *apiError) gen.ListSubscriptionsResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ListSubscriptions401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ListSubscriptions404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ListSubscriptions400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func createSubscriptionError(e *apiError) gen.CreateSubscriptionResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CreateSubscription401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.CreateSubscription400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getSubscriptionError(e *apiError) gen.GetSubscriptionResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetSubscription401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetSubscription404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetSubscription400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateSubscriptionError(e *apiError) gen.UpdateSubscriptionResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UpdateSubscription401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UpdateSubscription404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UpdateSubscription400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}
