package storefronttest

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// The Payments group's look-ups: the store's payment methods, and small
// tables of card BINs, IFSC codes and UPI handles, realistic but few.

// paymentMethodsFor answers list-payment-methods: Juspay (UPI, cards, net
// banking, a wallet), PayU (cards, net banking) and bank transfers
// (icici-ecollection, a manual method). payment_method_type keeps the
// providers with such methods, and only those methods; emandate_payment_
// methods keeps those that can set up a mandate (Juspay's UPI and cards);
// an unknown payment_provider_slug is a 404.
func paymentMethodsFor(p gen.ListPaymentMethodsParams) ([]map[string]any, *apiError) {
	kind := ""
	if p.PaymentMethodType != nil {
		kind = string(*p.PaymentMethodType)
	}
	mandates := isTrue(p.EmandatePaymentMethods)
	slug := ""
	if p.PaymentProviderSlug != nil {
		slug = *p.PaymentProviderSlug
		if !slices.Contains([]string{"juspay", "payu", "icici-ecollection"}, slug) {
			return nil, notFound("payment provider " + slug + " not found")
		}
	}
	juspayType := map[string]string{"card": "CARD", "upi": "UPI", "netbanking": "NB", "wallet": "WALLET"}
	var juspay []map[string]any
	for _, d := range juspayMethods {
		t := d["payment_method_type"].(string)
		if (kind == "" || juspayType[kind] == t) && (!mandates || t == "UPI" || t == "CARD") {
			juspay = append(juspay, d)
		}
	}
	payuCode := map[string]string{"card": "CC", "netbanking": "NB"}
	var payu []map[string]any
	for _, d := range payuMethods {
		if kind == "" || payuCode[kind] == d["code"] {
			payu = append(payu, d)
		}
	}
	out := []map[string]any{}
	add := func(provider, name, typ string, details []map[string]any, instructions any) {
		if (slug == "" || slug == provider) && len(details)+boolInt(typ == "manual") > 0 {
			if details == nil {
				details = []map[string]any{}
			}
			out = append(out, map[string]any{"id": "pm-" + provider, "name": name, "type": typ, "payment_provider_slug": provider,
				"payment_instructions": instructions, "details": details, "order_params": map[string]any{}})
		}
	}
	add("juspay", "Juspay", "juspay", juspay, nil)
	if !mandates {
		add("payu", "PayU", "payu", payu, nil)
		if kind == "" || kind == "manual" {
			add("icici-ecollection", "Bank transfer", "manual", nil,
				"Transfer the amount to the virtual account shown with your order; it is confirmed when it arrives.")
		}
	}
	return out, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

var juspayMethods = []map[string]any{
	{"payment_method_type": "UPI", "payment_method": "UPI_COLLECT", "juspay_bank_code": "UPI_COLLECT", "juspay_bank_code_id": 1001, "description": "UPI ID", "pm_response_description": "UPI collect", "supported_reference_ids": []string{}},
	{"payment_method_type": "UPI", "payment_method": "UPI_PAY", "juspay_bank_code": "UPI_PAY", "juspay_bank_code_id": 1002, "description": "UPI apps", "pm_response_description": "UPI intent", "supported_reference_ids": []string{}},
	{"payment_method_type": "CARD", "payment_method": "VISA", "description": "Visa", "pm_response_description": "Visa cards", "supported_reference_ids": []string{}, "validations": map[string]any{"refund_support": true}},
	{"payment_method_type": "CARD", "payment_method": "MASTER", "description": "Mastercard", "pm_response_description": "Mastercard cards", "supported_reference_ids": []string{}, "validations": map[string]any{"refund_support": true}},
	{"payment_method_type": "CARD", "payment_method": "RUPAY", "description": "RuPay", "pm_response_description": "RuPay cards", "supported_reference_ids": []string{}, "validations": map[string]any{"refund_support": true}},
	{"payment_method_type": "NB", "payment_method": "NB_HDFC", "juspay_bank_code": "JP_HDFC", "juspay_bank_code_id": 2001, "description": "HDFC Bank", "pm_response_description": "HDFC Bank net banking", "supported_reference_ids": []string{}},
	{"payment_method_type": "NB", "payment_method": "NB_ICICI", "juspay_bank_code": "JP_ICICI", "juspay_bank_code_id": 2002, "description": "ICICI Bank", "pm_response_description": "ICICI Bank net banking", "supported_reference_ids": []string{}},
	{"payment_method_type": "WALLET", "payment_method_sub_type": "WALLET", "payment_method": "PAYTM", "juspay_bank_code": "JP_PAYTM", "juspay_bank_code_id": 3001, "description": "Paytm", "pm_response_description": "Paytm wallet", "supported_reference_ids": []string{}, "wallet_direct_debit_support": false},
}

var payuMethods = []map[string]any{
	{"code": "CC", "payment_method": "Credit card", "is_subscription_enabled": true, "options": []map[string]any{
		{"bankcode": "CC", "name": "Visa, Mastercard, RuPay", "pg": "CC", "icon_url": "https://cdn.storefronttest.invalid/payments/cards.svg", "is_subscription_enabled": true}}},
	{"code": "NB", "payment_method": "Net banking", "is_subscription_enabled": false, "options": []map[string]any{
		{"bankcode": "HDFB", "name": "HDFC Bank", "pg": "NB", "icon_url": "https://cdn.storefronttest.invalid/payments/hdfc.svg", "is_subscription_enabled": false},
		{"bankcode": "ICIB", "name": "ICICI Bank", "pg": "NB", "icon_url": "https://cdn.storefronttest.invalid/payments/icici.svg", "is_subscription_enabled": false}}},
}

// cardBINs is what the fake knows of card BINs (the first six digits).
var cardBINs = map[string]gen.CardbinInfo{
	"411111": {Brand: "VISA", Type: "CREDIT", CardSubType: "PLATINUM", ExtendedCardType: "CREDIT", CardSubTypeCategory: "consumer", Bank: "HDFC Bank", JuspayBankCode: "JP_HDFC", DirectOTPSupport: true, MandateSupport: true, CvvLessSupport: false},
	"400000": {Brand: "VISA", Type: "DEBIT", CardSubType: "CLASSIC", ExtendedCardType: "DEBIT", CardSubTypeCategory: "consumer", Bank: "ICICI Bank", JuspayBankCode: "JP_ICICI", DirectOTPSupport: true, MandateSupport: false, CvvLessSupport: false},
	"555555": {Brand: "MASTERCARD", Type: "CREDIT", CardSubType: "WORLD", ExtendedCardType: "CREDIT", CardSubTypeCategory: "consumer", Bank: "Axis Bank", JuspayBankCode: "JP_AXIS", DirectOTPSupport: false, MandateSupport: true, CvvLessSupport: false},
	"508500": {Brand: "RUPAY", Type: "DEBIT", CardSubType: "CLASSIC", ExtendedCardType: "DEBIT", CardSubTypeCategory: "consumer", Bank: "State Bank of India", JuspayBankCode: "JP_SBI", DirectOTPSupport: true, MandateSupport: false, CvvLessSupport: true},
	"378282": {Brand: "AMEX", Type: "CREDIT", CardSubType: "GOLD", ExtendedCardType: "CREDIT", CardSubTypeCategory: "consumer", Bank: "American Express", JuspayBankCode: "JP_AMEX", DirectOTPSupport: false, MandateSupport: false, CvvLessSupport: false},
}

// cardInfo answers get-card-info: the BIN is 6 to 9 digits (400
// otherwise); its first six are looked up (404 when unknown).
func cardInfo(bin string) (gen.CardbinInfo, *apiError) {
	if !digitsPattern.MatchString(bin) || len(bin) < 6 || len(bin) > 9 {
		return gen.CardbinInfo{}, fieldError(CodeBadRequest, "cardbin", "must be the first 6 to 9 digits of a card number")
	}
	info, ok := cardBINs[bin[:6]]
	if !ok {
		return gen.CardbinInfo{}, notFound("no card is known with BIN " + bin[:6])
	}
	info.ID, info.Object, info.Country, info.CountryCode = bin[:6], "card_bin", "INDIA", "IN"
	return info, nil
}

var ifscPattern = regexp.MustCompile(`^[A-Z]{4}0[A-Z0-9]{6}$`)

// ifscCodes is what the fake knows of Indian bank branches.
var ifscCodes = map[string]gen.IfscDetail{
	"HDFC0000240": {Bank: "HDFC Bank", Bankcode: "HDFC", Branch: "Indiranagar", Address: "HDFC Bank Ltd, 100 Feet Road, HAL 2nd Stage, Indiranagar, Bengaluru 560038",
		Centre: "Bengaluru Urban", City: "Bengaluru", District: "Bengaluru Urban", State: "Karnataka", Contact: "+918061606161", Micr: "560240003",
		Imps: true, Neft: true, Rtgs: true, Upi: true, Iso3166: "IN-KA"},
	"ICIC0000104": {Bank: "ICICI Bank", Bankcode: "ICIC", Branch: "Bandra Kurla Complex", Address: "ICICI Bank Towers, Bandra Kurla Complex, Mumbai 400051",
		Centre: "Mumbai", City: "Mumbai", District: "Mumbai Suburban", State: "Maharashtra", Contact: "+912233667777", Micr: "400229017",
		Imps: true, Neft: true, Rtgs: true, Upi: true, Iso3166: "IN-MH"},
	"SBIN0000691": {Bank: "State Bank of India", Bankcode: "SBIN", Branch: "New Delhi Main", Address: "11 Sansad Marg, New Delhi 110001",
		Centre: "New Delhi", City: "New Delhi", District: "New Delhi", State: "Delhi", Contact: "+911123374390", Micr: "110002087",
		Imps: true, Neft: true, Rtgs: true, Upi: true, Iso3166: "IN-DL"},
	"UTIB0000003": {Bank: "Axis Bank", Bankcode: "UTIB", Branch: "Chennai Main", Address: "82 Dr Radhakrishnan Salai, Mylapore, Chennai 600004",
		Centre: "Chennai", City: "Chennai", District: "Chennai", State: "Tamil Nadu", Contact: "+914428111000", Micr: "600211002",
		Imps: true, Neft: true, Rtgs: true, Upi: true, Iso3166: "IN-TN"},
}

// ifscLookup answers get-ifsc-lookup: the code is 4 letters, a 0 and 6
// letters or digits (400 otherwise, case aside); an unknown one is a 404.
func ifscLookup(code string) (gen.IfscDetail, *apiError) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if !ifscPattern.MatchString(code) {
		return gen.IfscDetail{}, fieldError(CodeBadRequest, "ifsc_code", "is not an IFSC code (4 letters, 0, 6 letters or digits)")
	}
	d, ok := ifscCodes[code]
	if !ok {
		return gen.IfscDetail{}, notFound("no branch has IFSC " + code)
	}
	d.Ifsc = code
	swift := d.Bankcode + "INBB"
	d.Swift = &swift
	return d, nil
}

// upiHandles are the UPI handles the fake knows, and whether their bank
// supports mandates.
var upiHandles = map[string]bool{
	"okhdfcbank": true, "okicici": true, "okaxis": true, "oksbi": false, "ybl": true, "paytm": false, "ibl": false, "upi": false,
}

// verifyVPA answers verify-vpa: a malformed address (or none) is a 400, an
// unknown handle a 404. On a known handle every address is valid, with
// its holder's name made from the name part ("asha.rao" → "Asha Rao"),
// unless the name part starts with "invalid".
func verifyVPA(vpa *string) (gen.VerifyVpaContent, *apiError) {
	if vpa == nil || !vpaPattern.MatchString(*vpa) {
		return gen.VerifyVpaContent{}, fieldError(CodeBadRequest, "vpa", "is not a UPI address (name@handle)")
	}
	name, handle, _ := strings.Cut(*vpa, "@")
	mandates, ok := upiHandles[strings.ToLower(handle)]
	if !ok {
		return gen.VerifyVpaContent{}, notFound("no UPI handle @" + handle)
	}
	out := gen.VerifyVpaContent{Vpa: *vpa, Status: "valid", CustomerName: holderName(name)}
	out.MandateDetails.IsHandleSupported = &mandates
	if strings.HasPrefix(strings.ToLower(name), "invalid") {
		out.Status, out.CustomerName = "invalid", ""
	}
	return out, nil
}

// holderName turns a UPI name part into a name: words split at dots,
// dashes and underscores, digits dropped, each word capitalised.
func holderName(local string) string {
	words := strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '-' || r == '_' || unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
	}
	return strings.Join(words, " ")
}

// juspayCustomerLocked answers create-juspay-customer (create true) and
// get-juspay-customer: the caller's own record with the gateway (another
// user's, or one never created, is a 404). Creating needs a logged-in
// shopper and returns the existing record when there is one. Call it with
// c.mu held.
func (s *Server) juspayCustomerLocked(caller *TokenClaims, userID string, create bool, now time.Time) (*gen.JuspayCustomer, *apiError) {
	if userID == "" {
		return nil, fieldError(CodeBadRequest, "user_id", "is required")
	}
	if userID != caller.UserID {
		return nil, notFound("customer " + userID + " not found")
	}
	c := s.commerce()
	if jc := c.juspayCustomers[userID]; jc != nil || !create {
		if jc == nil {
			return nil, notFound("customer " + userID + " is not registered with the payment gateway")
		}
		return jc, nil
	}
	if !caller.IsLoggedIn {
		return nil, errLoginRequired
	}
	ct := s.contactOf(userID)
	at := timestamp(now).Format(time.RFC3339)
	id, obj, ref := "cth_"+strings.ToLower(userID), gen.JuspayCustomerObject("customer"), userID
	cc := strings.TrimPrefix(ct.country, "+")
	jc := &gen.JuspayCustomer{ID: &id, Object: &obj, ObjectReferenceID: &ref, MobileNumber: optional(ct.ph), EmailAddress: optional(ct.email),
		FirstName: optional(ct.firstName), LastName: optional(ct.lastName), DateCreated: &at, LastUpdated: &at, MobileCountryCode: optional(cc)}
	c.juspayCustomers[userID] = jc
	return jc, nil
}

// juspayOrderLocked answers create-juspay-order: a gateway order for what
// is left to pay of one of the caller's orders (404 for another's or an
// unknown one; 400 when nothing is left to pay). It replaces the order's
// previous gateway order. Call it with c.mu held.
func (s *Server) juspayOrderLocked(caller *TokenClaims, b gen.JuspayCreateOrderPayload, now time.Time) (*gen.JuspayOrder, *apiError) {
	if b.OrderNumber == nil || *b.OrderNumber == "" {
		return nil, fieldError(CodeBadRequest, "order_number", "is required")
	}
	o, e := s.orderLocked(caller, *b.OrderNumber)
	if e != nil {
		return nil, e
	}
	unpaid := o.unpaid()
	if o.status == orderCancelled || unpaid.Sign() <= 0 {
		return nil, fieldError(CodeInvalidPayment, "order_number", "nothing is left to pay for order "+o.number)
	}
	c := s.commerce()
	at := timestamp(now)
	ref := "ordeh_" + strings.ToLower(newULID(now)[10:])
	token := "tkn_" + strings.ToLower(newULID(now)[8:])
	status, refunded, zero := "NEW", false, decimal.Decimal{}
	customer := o.userID
	if jc := c.juspayCustomers[o.userID]; jc != nil && jc.ID != nil {
		customer = *jc.ID
	}
	jo := &gen.JuspayOrder{ID: &ref, OrderID: b.OrderNumber, Status: &status, StatusID: optional("1"), Amount: &unpaid, AmountRefunded: &zero,
		Refunded: refunded, Currency: optional(storeCurrency), CustomerID: &customer, CustomerEmail: optional(o.contact.email),
		CustomerPhone: optional(o.contact.ph), MerchantID: optional("nilgiri_goods"), ReturnURL: b.ReturnURL,
		DateCreated: optional(at.Format(time.RFC3339)), ProductID: optional(""), Udf1: optional(o.userID)}
	jo.PaymentLinks = &struct {
		Iframe *string `json:"iframe,omitempty"`
		Mobile *string `json:"mobile,omitempty"`
		Web    *string `json:"web,omitempty"`
	}{Iframe: optional(paymentPageBase + o.number + "?iframe=1"), Mobile: optional(paymentPageBase + o.number + "?mobile=1"), Web: optional(paymentPageBase + o.number)}
	expiry := at.Add(15 * time.Minute).Format(time.RFC3339)
	jo.Juspay = &struct {
		ClientAuthToken       *string `json:"client_auth_token,omitempty"`
		ClientAuthTokenExpiry *string `json:"client_auth_token_expiry,omitempty"`
	}{ClientAuthToken: &token, ClientAuthTokenExpiry: &expiry}
	c.juspayOrders[o.number] = jo
	return jo, nil
}
