package storefronttest

// Operation IDs of the Customers and Subscriptions groups, as openapi.yaml
// names them.
const (
	// Customers: addresses
	OpListAddresses       = "list-addresses"
	OpCreateAddress       = "create-address"
	OpDeleteAddress       = "delete-address"
	OpGetAddressDetail    = "get-address-detail"
	OpUpdateAddressDetail = "update-address-detail"

	// Customers: bank accounts
	OpListBankAccounts     = "list-bank-accounts"
	OpCreateBankAccount    = "create-bank-account"
	OpDeleteBankAccount    = "delete-bank-account"
	OpGetBankAccountDetail = "get-bank-account-detail"
	OpUpdateBankAccount    = "update-bank-account"
	OpVerifyBankAccount    = "verify-bank-account"

	// Customers: cards, credit line, payment methods
	OpListCustomerCards            = "list-customer-cards"
	OpGetCustomerCreditLineBalance = "get-customer-credit-line-balance"
	OpListSavedPaymentMethods      = "list-saved-payment-methods"

	// Customers: KYC documents
	OpListDocuments  = "list-documents"
	OpCreateDocument = "create-document"
	OpVerifyDocument = "verify-document"
	OpDeleteDocument = "delete-document"
	OpGetDocument    = "get-document"
	OpUpdateDocument = "update-document"

	// Customers: loyalty
	OpGetLoyaltyDetails     = "get-loyalty-details"
	OpListLoyaltyActivities = "list-loyalty-activities"

	// Customers: mandates
	OpListCustomerMandateDebitSchedules = "list-customer-mandate-debit-schedules"
	OpListCustomerMandates              = "list-customer-mandates"
	OpCreateCustomerMandate             = "create-customer-mandate"
	OpGetCustomerMandate                = "get-customer-mandate"
	OpUpdateCustomerMandate             = "update-customer-mandate"
	OpPauseCustomerMandate              = "pause-customer-mandate"
	OpResumeCustomerMandate             = "resume-customer-mandate"
	OpRevokeCustomerMandate             = "revoke-customer-mandate"

	// Customers: reviews and sellers
	OpListCustomerReviews          = "list-customer-reviews"
	OpGetCustomerAuthorizedSellers = "get-customer-authorized-sellers"

	// Subscriptions
	OpListSubscriptions  = "list-subscriptions"
	OpCreateSubscription = "create-subscription"
	OpGetSubscription    = "get-subscription"
	OpUpdateSubscription = "update-subscription"
)
