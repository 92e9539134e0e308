package storefront

// The payment methods of create-order and retry-order-payment
// (CreateOrderBody.PaymentMethod, RetryOrderPaymentBody.PaymentMethod).
// PaymentMethodPayload is a union of the API's payment forms, two levels
// deep for Juspay's express checkout; each constructor below builds one
// form and sets the fields that select it (payment_provider_slug,
// integration_type, payment_method_type, payment_method), so the payload
// is always the branch its name says, whatever those fields held:
//
//	placed, err := sess.Orders.CreateOrder(ctx, storefront.CreateOrderBody{
//		CartID:        cartID,
//		PaymentMethod: storefront.PayByCard(storefront.JusPayNewCard{CardNumber: "4111111111111111", …}),
//	})
//
// Juspay's forms take the URL the gateway sends the shopper back to
// (ReturnURL) and, optionally, the gateway's reference for the order
// (GatewayReferenceID); their payment_provider_slug is "juspay" unless
// the value given names another provider. Card numbers, security codes,
// card tokens and UPI addresses print as [redacted] (fmt, log/slog) and
// never appear in the SDK's logs or errors.
//
// Wallets are paid on Juspay's payment page (PayOnPaymentPage): the
// API's express checkout takes cards, saved cards, UPI and net banking.

// juspaySlug is the payment provider of Juspay's payment forms.
const juspaySlug = "juspay"

func orJuspay(slug string) string {
	if slug == "" {
		return juspaySlug
	}
	return slug
}

// expressCheckout wraps one of Juspay's express checkout forms.
func expressCheckout[B any](from func(*JusPayExpressCheckout, B) error, b B) *PaymentMethodPayload {
	p := oneOf((*PaymentMethodPayload).FromJusPayExpressCheckout, oneOf(from, b))
	return &p
}

// PayByCard pays with a new card through Juspay's express checkout. Give
// CardNumber, CardExpMonth ("01"–"12"), CardExpYear ("2030"), NameOnCard,
// CardSecurityCode and ReturnURL; SaveToLocker keeps the card for next time
// (ListCustomerCards, then PayBySavedCard). It sets IntegrationType and
// PaymentMethodType.
func PayByCard(card JusPayNewCard) *PaymentMethodPayload {
	card.PaymentProviderSlug = orJuspay(card.PaymentProviderSlug)
	card.IntegrationType = "express-checkout"
	card.PaymentMethodType = "CARD"
	return expressCheckout((*JusPayExpressCheckout).FromJusPayNewCard, card)
}

// PayBySavedCard pays with a card saved with Juspay: its CardToken (from
// ListCustomerCards or ListSavedPaymentMethods), its network
// (PaymentMethod, such as CardNetworkVISA), CardSecurityCode and
// ReturnURL. It sets IntegrationType and PaymentMethodType.
func PayBySavedCard(card JusPaySavedCardToken) *PaymentMethodPayload {
	card.PaymentProviderSlug = orJuspay(card.PaymentProviderSlug)
	card.IntegrationType = "express-checkout"
	card.PaymentMethodType = "CARD"
	return expressCheckout((*JusPayExpressCheckout).FromJusPaySavedCardToken, card)
}

// PayByUPI asks for a UPI payment from the shopper's UPI address (UpiVpa,
// name@bank; VerifyVpa checks one), approved in their UPI app: Juspay's
// UPI collect. Give ReturnURL. It sets IntegrationType, PaymentMethodType
// and PaymentMethod.
func PayByUPI(upi JuspayUpiCollect) *PaymentMethodPayload {
	upi.PaymentProviderSlug = orJuspay(upi.PaymentProviderSlug)
	upi.IntegrationType = "express-checkout"
	upi.PaymentMethodType = "UPI"
	upi.PaymentMethod = "UPI_COLLECT"
	return expressCheckout((*JusPayExpressCheckout).FromJuspayUpiCollect, upi)
}

// PayByUPIIntent pays by UPI from an app on the shopper's phone: the
// answer's payment_info carries the intent URL to open. Give ReturnURL. It
// sets IntegrationType, PaymentMethodType and PaymentMethod.
func PayByUPIIntent(upi JuspayUpiIntent) *PaymentMethodPayload {
	upi.PaymentProviderSlug = orJuspay(upi.PaymentProviderSlug)
	upi.IntegrationType = "express-checkout"
	upi.PaymentMethodType = "UPI"
	upi.PaymentMethod = "UPI_PAY"
	return expressCheckout((*JusPayExpressCheckout).FromJuspayUpiIntent, upi)
}

// PayByNetBanking pays by net banking at the bank PaymentMethod names (a
// Juspay bank code such as "NB_HDFC", from ListPaymentMethods). Give
// ReturnURL. It sets IntegrationType and PaymentMethodType.
func PayByNetBanking(nb JuspayNetBanking) *PaymentMethodPayload {
	nb.PaymentProviderSlug = orJuspay(nb.PaymentProviderSlug)
	nb.IntegrationType = "express-checkout"
	nb.PaymentMethodType = "NB"
	return expressCheckout((*JusPayExpressCheckout).FromJuspayNetBanking, nb)
}

// PayOnPaymentPage sends the shopper to Juspay's payment page (its hyper
// checkout), where they choose how to pay, wallets included: the answer's
// payment_info carries the page's link. Give ReturnURL. It sets
// IntegrationType and Action.
func PayOnPaymentPage(page JusPayHyperCheckout) *PaymentMethodPayload {
	page.PaymentProviderSlug = orJuspay(page.PaymentProviderSlug)
	page.IntegrationType = "hyper-checkout"
	page.Action = "paymentPage"
	p := oneOf((*PaymentMethodPayload).FromJusPayHyperCheckout, page)
	return &p
}

// PayByBankTransfer pays by a transfer to the store's collection account
// (ICICI e-collection); the order waits until the transfer arrives.
func PayByBankTransfer() *PaymentMethodPayload {
	p := oneOf((*PaymentMethodPayload).FromBankTransferCheckout, BankTransferCheckout{
		PaymentProviderSlug: "icici-ecollection", PaymentMethodType: "bank-transfer"})
	return &p
}

// PayByMandate pays by a debit from the shopper's NACH mandate
// (LotusPay), by its ID (CustomersService.ListCustomerMandates).
func PayByMandate(mandateID string) *PaymentMethodPayload {
	p := oneOf((*PaymentMethodPayload).FromLotusPayCheckout, LotusPayCheckout{
		PaymentProviderSlug: juspaySlug, PaymentMethodType: "NACH", MandateID: mandateID})
	return &p
}
