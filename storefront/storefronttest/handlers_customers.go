package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The Customers group's handlers: each checks the customer (customerOf),
// calls the logic of its area's file and packs the answer.

// Success messages of the Customers group.
const (
	msgAddresses           = "Addresses fetched"
	msgAddress             = "Address fetched"
	msgAddressSaved        = "Address saved"
	msgAddressDeleted      = "Address deleted"
	msgBankAccounts        = "Bank accounts fetched"
	msgBankAccount         = "Bank account fetched"
	msgBankSaved           = "Bank account saved"
	msgBankDeleted         = "Bank account deleted"
	msgBankVerified        = "Bank account verification updated"
	msgCards               = "Cards fetched"
	msgCreditLine          = "Credit line balance fetched"
	msgDocuments           = "Documents fetched"
	msgDocument            = "Document fetched"
	msgDocumentSaved       = "Document saved"
	msgDocumentGone        = "Document deleted"
	msgDocumentValid       = "Document number verified"
	msgLoyalty             = "Loyalty details fetched"
	msgLoyaltyLog          = "Loyalty activity fetched"
	msgDebits              = "Mandate debit schedules fetched"
	msgMandates            = "Mandates fetched"
	msgMandate             = "Mandate fetched"
	msgMandateSaved        = "Mandate saved"
	msgMandatePaused       = "Mandate paused"
	msgMandateResumed      = "Mandate resumed"
	msgMandateRevoked      = "Mandate revoked"
	msgSavedPaymentMethods = "Saved payment methods fetched"
	msgCustomerRevs        = "Reviews fetched"
	msgSellers             = "Authorized sellers fetched"
)

// envelope returns the message and success of a 200 whose envelope fields
// are optional.
func envelope(msg string) (*string, *bool) { return &msg, boolRef(true) }

func (h *handlers) ListAddresses(ctx context.Context, req genserver.ListAddressesRequestObject) (genserver.ListAddressesResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return listAddressesError(e), nil
	}
	list, pg, e := h.s.addressPage(c.UserID, req.Params.Page, req.Params.Limit)
	if e != nil {
		return listAddressesError(e), nil
	}
	m, ok := envelope(msgAddresses)
	return genserver.ListAddresses200JSONResponse{Message: m, Success: ok, Content: &gen.ListAddressesContent{Addresses: ptrs(list), Pagination: &pg}}, nil
}

// ptrs is a slice of pointers to copies of items, never nil.
func ptrs[T any](items []T) *[]*T {
	out := make([]*T, 0, len(items))
	for i := range items {
		v := items[i]
		out = append(out, &v)
	}
	return &out
}

func (h *handlers) CreateAddress(ctx context.Context, req genserver.CreateAddressRequestObject) (genserver.CreateAddressResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil || req.Body == nil {
		return createAddressError(orBodyMissing(e)), nil
	}
	a, e := h.s.createAddress(c.UserID, *req.Body)
	if e != nil {
		return createAddressError(e), nil
	}
	m, ok := envelope(msgAddressSaved)
	return genserver.CreateAddress200JSONResponse{Message: m, Success: ok, Content: &gen.CreateAddressContent{Address: &a}}, nil
}

func (h *handlers) GetAddressDetail(ctx context.Context, req genserver.GetAddressDetailRequestObject) (genserver.GetAddressDetailResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return getAddressDetailError(e), nil
	}
	a, e := h.s.address(c.UserID, req.AddressID)
	if e != nil {
		return getAddressDetailError(e), nil
	}
	m, ok := envelope(msgAddress)
	return genserver.GetAddressDetail200JSONResponse{Message: m, Success: ok, Content: &gen.GetAddressDetailContent{Address: &a}}, nil
}

func (h *handlers) UpdateAddressDetail(ctx context.Context, req genserver.UpdateAddressDetailRequestObject) (genserver.UpdateAddressDetailResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil || req.Body == nil {
		return updateAddressDetailError(orBodyMissing(e)), nil
	}
	a, e := h.s.updateAddress(c.UserID, req.AddressID, *req.Body)
	if e != nil {
		return updateAddressDetailError(e), nil
	}
	m, ok := envelope(msgAddressSaved)
	return genserver.UpdateAddressDetail200JSONResponse{Message: m, Success: ok, Content: &gen.UpdateAddressDetailContent{Address: &a}}, nil
}

func (h *handlers) DeleteAddress(ctx context.Context, req genserver.DeleteAddressRequestObject) (genserver.DeleteAddressResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e == nil {
		e = h.s.deleteAddress(c.UserID, req.AddressID)
	}
	if e != nil {
		return deleteAddressError(e), nil
	}
	return genserver.DeleteAddress200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgAddressDeleted, Success: true}}, nil
}

func (h *handlers) ListBankAccounts(ctx context.Context, req genserver.ListBankAccountsRequestObject) (genserver.ListBankAccountsResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return listBankAccountsError(e), nil
	}
	list, e := h.s.bankAccounts(c.UserID, req.Params.AccountType)
	if e != nil {
		return listBankAccountsError(e), nil
	}
	m, ok := envelope(msgBankAccounts)
	return genserver.ListBankAccounts200JSONResponse{Message: m, Success: ok, Content: &gen.ListBankAccountsContent{BankAccounts: &list}}, nil
}

func (h *handlers) CreateBankAccount(ctx context.Context, req genserver.CreateBankAccountRequestObject) (genserver.CreateBankAccountResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil || req.Body == nil {
		return createBankAccountError(orBodyMissing(e)), nil
	}
	body, e := decodeBankAccountBody(req.Body)
	if e != nil {
		return createBankAccountError(e), nil
	}
	b, e := h.s.createBankAccount(c.UserID, body)
	if e != nil {
		return createBankAccountError(e), nil
	}
	m, ok := envelope(msgBankSaved)
	return genserver.CreateBankAccount200JSONResponse{Message: m, Success: ok, Content: &gen.CreateBankAccountContent{BankAccount: &b}}, nil
}

func (h *handlers) GetBankAccountDetail(ctx context.Context, req genserver.GetBankAccountDetailRequestObject) (genserver.GetBankAccountDetailResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return getBankAccountDetailError(e), nil
	}
	b, e := h.s.bankAccount(c.UserID, req.AccountID)
	if e != nil {
		return getBankAccountDetailError(e), nil
	}
	m, ok := envelope(msgBankAccount)
	return genserver.GetBankAccountDetail200JSONResponse{Message: m, Success: ok, Content: &gen.GetBankAccountDetailContent{BankAccount: &b}}, nil
}

func (h *handlers) UpdateBankAccount(ctx context.Context, req genserver.UpdateBankAccountRequestObject) (genserver.UpdateBankAccountResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil || req.Body == nil {
		return updateBankAccountError(orBodyMissing(e)), nil
	}
	body, e := decodeBankAccountBody(req.Body)
	if e != nil {
		return updateBankAccountError(e), nil
	}
	b, e := h.s.updateBankAccount(c.UserID, req.AccountID, body)
	if e != nil {
		return updateBankAccountError(e), nil
	}
	m, ok := envelope(msgBankSaved)
	return genserver.UpdateBankAccount200JSONResponse{Message: m, Success: ok, Content: &gen.UpdateBankAccountContent{BankAccount: &b}}, nil
}

func (h *handlers) DeleteBankAccount(ctx context.Context, req genserver.DeleteBankAccountRequestObject) (genserver.DeleteBankAccountResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e == nil {
		e = h.s.deleteBankAccount(c.UserID, req.AccountID)
	}
	if e != nil {
		return deleteBankAccountError(e), nil
	}
	return genserver.DeleteBankAccount200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgBankDeleted, Success: true}}, nil
}

func (h *handlers) VerifyBankAccount(ctx context.Context, req genserver.VerifyBankAccountRequestObject) (genserver.VerifyBankAccountResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil || req.Body == nil {
		return verifyBankAccountError(orBodyMissing(e)), nil
	}
	b, e := h.s.verifyBankAccount(c.UserID, req.AccountID, *req.Body)
	if e != nil {
		return verifyBankAccountError(e), nil
	}
	m, ok := envelope(msgBankVerified)
	return genserver.VerifyBankAccount200JSONResponse{Message: m, Success: ok, Content: &gen.VerifyBankAccountContent{BankAccount: &b}}, nil
}

func (h *handlers) ListCustomerCards(ctx context.Context, req genserver.ListCustomerCardsRequestObject) (genserver.ListCustomerCardsResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return listCustomerCardsError(e), nil
	}
	cards, e := h.s.customerCards(c.UserID, req.CustomerID)
	if e != nil {
		return listCustomerCardsError(e), nil
	}
	return genserver.ListCustomerCards200JSONResponse{Message: msgCards, Success: true, Content: gen.ListCustomerCardsContent{Cards: cards}}, nil
}

func (h *handlers) GetCustomerCreditLineBalance(ctx context.Context, req genserver.GetCustomerCreditLineBalanceRequestObject) (genserver.GetCustomerCreditLineBalanceResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return getCustomerCreditLineBalanceError(e), nil
	}
	out, e := h.s.creditLineBalance(c.UserID)
	if e != nil {
		return getCustomerCreditLineBalanceError(e), nil
	}
	return genserver.GetCustomerCreditLineBalance200JSONResponse{Message: msgCreditLine, Success: true, Content: out}, nil
}

func (h *handlers) ListDocuments(ctx context.Context, req genserver.ListDocumentsRequestObject) (genserver.ListDocumentsResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return listDocumentsError(e), nil
	}
	list, e := h.s.documents(c.UserID)
	if e != nil {
		return listDocumentsError(e), nil
	}
	m, ok := envelope(msgDocuments)
	return genserver.ListDocuments200JSONResponse{Message: m, Success: ok, Content: &gen.ListDocumentsContent{Documents: &list}}, nil
}

func (h *handlers) CreateDocument(ctx context.Context, req genserver.CreateDocumentRequestObject) (genserver.CreateDocumentResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return createDocumentError(e), nil
	}
	d, e := h.s.createDocument(c.UserID, req.Body)
	if e != nil {
		return createDocumentError(e), nil
	}
	m, ok := envelope(msgDocumentSaved)
	return genserver.CreateDocument200JSONResponse{Message: m, Success: ok, Content: &gen.CreateDocumentContent{Document: &d}}, nil
}

func (h *handlers) VerifyDocument(ctx context.Context, req genserver.VerifyDocumentRequestObject) (genserver.VerifyDocumentResponseObject, error) {
	_, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil || req.Body == nil {
		return verifyDocumentError(orBodyMissing(e)), nil
	}
	id, e := h.s.verifyDocumentNumber(*req.Body)
	if e != nil {
		return verifyDocumentError(e), nil
	}
	var doc gen.VerifiedDocument
	if err := doc.FromGstinDetail(gen.GstinDetail{ID: &id}); err != nil {
		return nil, err
	}
	m, ok := envelope(msgDocumentValid)
	return genserver.VerifyDocument200JSONResponse{Message: m, Success: ok, Content: &gen.VerifyDocumentContent{Document: &doc}}, nil
}

func (h *handlers) GetDocument(ctx context.Context, req genserver.GetDocumentRequestObject) (genserver.GetDocumentResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return getDocumentError(e), nil
	}
	d, e := h.s.document(c.UserID, req.DocumentID)
	if e != nil {
		return getDocumentError(e), nil
	}
	m, ok := envelope(msgDocument)
	return genserver.GetDocument200JSONResponse{Message: m, Success: ok, Content: &gen.GetDocumentContent{Document: &d}}, nil
}

func (h *handlers) UpdateDocument(ctx context.Context, req genserver.UpdateDocumentRequestObject) (genserver.UpdateDocumentResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return updateDocumentError(e), nil
	}
	d, e := h.s.updateDocument(c.UserID, req.DocumentID, req.Body)
	if e != nil {
		return updateDocumentError(e), nil
	}
	m, ok := envelope(msgDocumentSaved)
	return genserver.UpdateDocument200JSONResponse{Message: m, Success: ok, Content: &gen.UpdateDocumentContent{Document: &d}}, nil
}

func (h *handlers) DeleteDocument(ctx context.Context, req genserver.DeleteDocumentRequestObject) (genserver.DeleteDocumentResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e == nil {
		e = h.s.deleteDocument(c.UserID, req.DocumentID)
	}
	if e != nil {
		return deleteDocumentError(e), nil
	}
	return genserver.DeleteDocument200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgDocumentGone, Success: true}}, nil
}

func (h *handlers) GetLoyaltyDetails(ctx context.Context, req genserver.GetLoyaltyDetailsRequestObject) (genserver.GetLoyaltyDetailsResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return getLoyaltyDetailsError(e), nil
	}
	l, e := h.s.loyaltyDetails(c.UserID, req.CustomerID)
	if e != nil {
		return getLoyaltyDetailsError(e), nil
	}
	m, ok := envelope(msgLoyalty)
	return genserver.GetLoyaltyDetails200JSONResponse{Message: m, Success: ok, Content: &gen.GetLoyaltyDetailsContent{Loyalty: &l}}, nil
}

func (h *handlers) ListLoyaltyActivities(ctx context.Context, req genserver.ListLoyaltyActivitiesRequestObject) (genserver.ListLoyaltyActivitiesResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return listLoyaltyActivitiesError(e), nil
	}
	p := req.Params
	list, e := h.s.loyaltyActivities(c.UserID, p.Page, p.Limit, p.SortBy)
	if e != nil {
		return listLoyaltyActivitiesError(e), nil
	}
	m, ok := envelope(msgLoyaltyLog)
	return genserver.ListLoyaltyActivities200JSONResponse{Message: m, Success: ok, Content: &gen.ListLoyaltyActivitiesContent{LoyaltyPointsActivity: &list}}, nil
}

func (h *handlers) ListCustomerMandateDebitSchedules(ctx context.Context, req genserver.ListCustomerMandateDebitSchedulesRequestObject) (genserver.ListCustomerMandateDebitSchedulesResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return listCustomerMandateDebitSchedulesError(e), nil
	}
	list, pg, e := h.s.debitSchedulePage(c.UserID, req.Params.Page, req.Params.Limit)
	if e != nil {
		return listCustomerMandateDebitSchedulesError(e), nil
	}
	return genserver.ListCustomerMandateDebitSchedules200JSONResponse{Message: msgDebits, Success: true,
		Content: gen.ListCustomerMandateDebitSchedulesContent{MandateDebitSchedules: list, Pagination: pg}}, nil
}

func (h *handlers) ListCustomerMandates(ctx context.Context, req genserver.ListCustomerMandatesRequestObject) (genserver.ListCustomerMandatesResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return listCustomerMandatesError(e), nil
	}
	list, e := h.s.mandates(c.UserID)
	if e != nil {
		return listCustomerMandatesError(e), nil
	}
	return genserver.ListCustomerMandates200JSONResponse{Message: msgMandates, Success: true, Content: gen.ListCustomerMandatesContent{Mandates: list}}, nil
}

func (h *handlers) CreateCustomerMandate(ctx context.Context, req genserver.CreateCustomerMandateRequestObject) (genserver.CreateCustomerMandateResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil || req.Body == nil {
		return createCustomerMandateError(orBodyMissing(e)), nil
	}
	md, e := h.s.createMandate(c.UserID, *req.Body)
	if e != nil {
		return createCustomerMandateError(e), nil
	}
	return genserver.CreateCustomerMandate200JSONResponse{Message: msgMandateSaved, Success: true, Content: gen.CreateCustomerMandateContent{Mandate: md}}, nil
}

func (h *handlers) GetCustomerMandate(ctx context.Context, req genserver.GetCustomerMandateRequestObject) (genserver.GetCustomerMandateResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return getCustomerMandateError(e), nil
	}
	md, e := h.s.mandate(c.UserID, req.MandateID, isTrue(req.Params.Sync))
	if e != nil {
		return getCustomerMandateError(e), nil
	}
	return genserver.GetCustomerMandate200JSONResponse{Message: msgMandate, Success: true, Content: gen.GetCustomerMandateContent{Mandate: md}}, nil
}

func (h *handlers) UpdateCustomerMandate(ctx context.Context, req genserver.UpdateCustomerMandateRequestObject) (genserver.UpdateCustomerMandateResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil || req.Body == nil {
		return updateCustomerMandateError(orBodyMissing(e)), nil
	}
	md, e := h.s.updateMandate(c.UserID, req.MandateID, *req.Body)
	if e != nil {
		return updateCustomerMandateError(e), nil
	}
	return genserver.UpdateCustomerMandate200JSONResponse{Message: msgMandateSaved, Success: true, Content: gen.UpdateCustomerMandateContent{Mandate: md}}, nil
}

func (h *handlers) PauseCustomerMandate(ctx context.Context, req genserver.PauseCustomerMandateRequestObject) (genserver.PauseCustomerMandateResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return pauseCustomerMandateError(e), nil
	}
	md, e := h.s.moveMandate(c.UserID, req.MandateID, "pause")
	if e != nil {
		return pauseCustomerMandateError(e), nil
	}
	return genserver.PauseCustomerMandate200JSONResponse{Message: msgMandatePaused, Success: true, Content: gen.PauseCustomerMandateContent{Mandate: md}}, nil
}

func (h *handlers) ResumeCustomerMandate(ctx context.Context, req genserver.ResumeCustomerMandateRequestObject) (genserver.ResumeCustomerMandateResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return resumeCustomerMandateError(e), nil
	}
	md, e := h.s.moveMandate(c.UserID, req.MandateID, "resume")
	if e != nil {
		return resumeCustomerMandateError(e), nil
	}
	return genserver.ResumeCustomerMandate200JSONResponse{Message: msgMandateResumed, Success: true, Content: gen.ResumeCustomerMandateContent{Mandate: md}}, nil
}

func (h *handlers) RevokeCustomerMandate(ctx context.Context, req genserver.RevokeCustomerMandateRequestObject) (genserver.RevokeCustomerMandateResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return revokeCustomerMandateError(e), nil
	}
	md, e := h.s.moveMandate(c.UserID, req.MandateID, "revoke")
	if e != nil {
		return revokeCustomerMandateError(e), nil
	}
	return genserver.RevokeCustomerMandate200JSONResponse{Message: msgMandateRevoked, Success: true, Content: gen.RevokeCustomerMandateContent{Mandate: md}}, nil
}

func (h *handlers) ListSavedPaymentMethods(ctx context.Context, req genserver.ListSavedPaymentMethodsRequestObject) (genserver.ListSavedPaymentMethodsResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return listSavedPaymentMethodsError(e), nil
	}
	pm, e := h.s.savedPaymentMethods(c.UserID, req.Params.PaymentMethods)
	if e != nil {
		return listSavedPaymentMethodsError(e), nil
	}
	m, ok := envelope(msgSavedPaymentMethods)
	return genserver.ListSavedPaymentMethods200JSONResponse{Message: m, Success: ok, Content: &gen.ListSavedPaymentMethodsContent{SavedPaymentMethods: &pm}}, nil
}

func (h *handlers) ListCustomerReviews(ctx context.Context, req genserver.ListCustomerReviewsRequestObject) (genserver.ListCustomerReviewsResponseObject, error) {
	c, e := h.s.customerOf(ctx, req.CustomerID)
	if e != nil {
		return listCustomerReviewsError(e), nil
	}
	out, e := h.s.customerReviews(c.UserID)
	if e != nil {
		return listCustomerReviewsError(e), nil
	}
	m, ok := envelope(msgCustomerRevs)
	return genserver.ListCustomerReviews200JSONResponse{Message: m, Success: ok, Content: &out}, nil
}

func (h *handlers) GetCustomerAuthorizedSellers(ctx context.Context, req genserver.GetCustomerAuthorizedSellersRequestObject) (genserver.GetCustomerAuthorizedSellersResponseObject, error) {
	_, e := h.s.customerOf(ctx, req.ID)
	if e != nil {
		return getCustomerAuthorizedSellersError(e), nil
	}
	list, pg, e := h.s.authorizedSellers(req.Params.Page, req.Params.Limit)
	if e != nil {
		return getCustomerAuthorizedSellersError(e), nil
	}
	m, ok := envelope(msgSellers)
	return genserver.GetCustomerAuthorizedSellers200JSONResponse{Message: m, Success: ok,
		Content: &gen.GetCustomerAuthorizedSellersContent{AuthorizedSellers: &list, Pagination: &pg}}, nil
}
