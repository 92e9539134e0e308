package storefronttest

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Test payments. create-order and retry-order-payment take a payment
// method; with Juspay's express checkout the outcome follows the card
// number, as with a payment gateway's test cards:
//
//   - TestCardSuccess (and any other number that passes the Luhn check) is
//     charged at once: the order is paid and confirmed;
//   - TestCardDeclined is declined: the payment fails, the order waits for
//     retry-order-payment;
//   - TestCardOTP needs the one-time password the bank "sends":
//     authenticate-direct-otp with TestPaymentOTP charges it, a wrong code
//     is a 400 (the third wrong code fails the payment), resend-direct-otp
//     sends it again (up to MaxOTPResends times).
//
// A saved card token and net banking are charged at once. UPI (collect
// and intent), Juspay's hyper checkout (the payment page), bank transfers
// (icici-ecollection) and NACH mandates stay pending until the shopper
// would finish them elsewhere: CompletePayment settles them, or
// cancel-payment-request gives up. Every pending or failed payment can be
// followed by retry-order-payment once it has failed.
const (
	TestCardSuccess  = "4111111111111111"
	TestCardDeclined = "4000000000000002"
	TestCardOTP      = "4000000000003220"
	TestPaymentOTP   = "123456"
	MaxOTPResends    = 3
	MaxOTPAttempts   = 3

	// PaymentHashKey is the key of generate-hash: the hash of a text is
	// hex(HMAC-SHA512(PaymentHashKey, text)), so a test can check it.
	PaymentHashKey = "storefronttest-payu-salt"
)

// Payment statuses, as the API's payment_status names them.
const (
	payPending = "pending"
	paySuccess = "success"
	payFailed  = "failed"
)

// paymentTxn is one attempt to pay an order.
type paymentTxn struct {
	id, uuid, request string // txn_id, txn_uuid, request_number
	order             *order
	amount            decimal.Decimal
	integration       string // hyper-checkout, express-checkout, bank-transfer, nach
	kind              string // CARD, UPI, NB, WALLET, PAYMENT_PAGE, BANK_TRANSFER, NACH
	method            string // VISA, UPI_COLLECT, a bank code …
	cardLast4         string
	cardBrand         string // Visa, Master Card, Rupay, American Express
	vpa, bank         string
	status            string // payPending, paySuccess or payFailed
	otp               bool   // waits for authenticate-direct-otp
	challenge         string
	attempts, resends int
	returnURL         string
	reference         string // the gateway's reference once charged
	note              string // why it failed
	created, settled  time.Time
}

// methodFields is a payment method payload, whichever its branch: the
// validator has checked it against the spec's union already.
type methodFields struct {
	PaymentProviderSlug string `json:"payment_provider_slug"`
	IntegrationType     string `json:"integration_type"`
	ReturnURL           string `json:"return_url"`
	PaymentMethodType   string `json:"payment_method_type"`
	PaymentMethod       string `json:"payment_method"`
	CardNumber          string `json:"card_number"`
	CardExpMonth        string `json:"card_exp_month"`
	CardExpYear         string `json:"card_exp_year"`
	CardSecurityCode    string `json:"card_security_code"`
	CardToken           string `json:"card_token"`
	UpiVpa              string `json:"upi_vpa"`
	MandateID           string `json:"mandate_id"`
}

var (
	digitsPattern = regexp.MustCompile(`^[0-9]+$`)
	vpaPattern    = regexp.MustCompile(`^[A-Za-z0-9._-]{2,256}@[A-Za-z]{2,64}$`)
)

// readMethod reads and checks a payment method; field names it in the
// request. Secrets never appear in the errors.
func readMethod(field string, p *gen.PaymentMethodPayload, now time.Time) (methodFields, *apiError) {
	var m methodFields
	raw, err := json.Marshal(p)
	if err == nil {
		err = json.Unmarshal(raw, &m)
	}
	if err != nil {
		return m, fieldError(CodeBadRequest, field, "cannot be read")
	}
	switch {
	case m.IntegrationType == "hyper-checkout", m.PaymentMethodType == "bank-transfer", m.PaymentMethodType == "NACH":
		if m.PaymentMethodType == "NACH" && strings.TrimSpace(m.MandateID) == "" {
			return m, fieldError(CodeInvalidPayment, field+".mandate_id", "is required")
		}
		if m.PaymentProviderSlug != "juspay" && m.IntegrationType == "hyper-checkout" {
			return m, fieldError(CodeInvalidPayment, field+".payment_provider_slug", "the store takes hyper checkout payments through juspay")
		}
	case m.IntegrationType == "express-checkout":
		if m.PaymentProviderSlug != "juspay" {
			return m, fieldError(CodeInvalidPayment, field+".payment_provider_slug", "the store takes express checkout payments through juspay")
		}
		switch {
		case m.PaymentMethodType == "CARD" && m.CardToken == "":
			if e := checkCard(field, m, now); e != nil {
				return m, e
			}
		case m.PaymentMethodType == "UPI" && m.PaymentMethod == "UPI_COLLECT" && !vpaPattern.MatchString(m.UpiVpa):
			return m, fieldError(CodeInvalidPayment, field+".upi_vpa", "is not a UPI address (name@bank)")
		case m.PaymentMethodType == "NB" && strings.TrimSpace(m.PaymentMethod) == "":
			return m, fieldError(CodeInvalidPayment, field+".payment_method", "names no bank")
		}
	default:
		return m, fieldError(CodeInvalidPayment, field, "the store cannot take this payment method")
	}
	return m, nil
}

// checkCard checks a new card: a number of 12 to 19 digits that passes
// the Luhn check, a month from 01 to 12 and a year not past, a security
// code of 3 or 4 digits.
func checkCard(field string, m methodFields, now time.Time) *apiError {
	n := strings.ReplaceAll(m.CardNumber, " ", "")
	if len(n) < 12 || len(n) > 19 || !digitsPattern.MatchString(n) || !luhn(n) {
		return fieldError(CodeInvalidPayment, field+".card_number", "is not a valid card number")
	}
	month, year := 0, 0
	_, err1 := fmt.Sscan(m.CardExpMonth, &month)
	_, err2 := fmt.Sscan(m.CardExpYear, &year)
	if year < 100 {
		year += 2000
	}
	if err1 != nil || err2 != nil || month < 1 || month > 12 || year*12+month < now.Year()*12+int(now.Month()) {
		return fieldError(CodeInvalidPayment, field+".card_exp_month", "the card has expired or its expiry is malformed")
	}
	if !digitsPattern.MatchString(m.CardSecurityCode) || len(m.CardSecurityCode) < 3 || len(m.CardSecurityCode) > 4 {
		return fieldError(CodeInvalidPayment, field+".card_security_code", "must be 3 or 4 digits")
	}
	return nil
}

// luhn reports whether a card number passes the Luhn check.
func luhn(n string) bool {
	sum := 0
	for i := range len(n) {
		d := int(n[len(n)-1-i] - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// cardBrand names a card's network by its first digits.
func cardBrand(n string) (brand, method string) {
	switch {
	case strings.HasPrefix(n, "4"):
		return "Visa", "VISA"
	case strings.HasPrefix(n, "5"), strings.HasPrefix(n, "2"):
		return "Master Card", "MASTER"
	case strings.HasPrefix(n, "34"), strings.HasPrefix(n, "37"):
		return "American Express", "AMEX"
	}
	return "Rupay", "RUPAY"
}

// startPaymentLocked records a payment of the order's unpaid amount with
// the method m, and settles it at once when the method does: see the
// package's test payments. Call it with c.mu held.
func (s *Server) startPaymentLocked(o *order, m methodFields, amount decimal.Decimal, now time.Time) *paymentTxn {
	c := s.commerce()
	t := &paymentTxn{order: o, amount: amount, integration: m.IntegrationType, returnURL: m.ReturnURL, status: payPending, created: timestamp(now)}
	t.request = c.next("PAY")
	t.id = fmt.Sprintf("%s-%d", o.number, len(o.payments)+1)
	t.uuid = "txn_" + strings.ToLower(newULID(now))
	switch {
	case m.PaymentMethodType == "bank-transfer":
		t.integration, t.kind, t.method = "bank-transfer", "BANK_TRANSFER", m.PaymentProviderSlug
	case m.PaymentMethodType == "NACH":
		t.integration, t.kind, t.method = "nach", "NACH", m.MandateID
	case m.IntegrationType == "hyper-checkout":
		t.kind, t.method = "PAYMENT_PAGE", "PAYMENT_PAGE"
	case m.PaymentMethodType == "CARD" && m.CardToken != "":
		t.kind, t.method, t.cardBrand = "CARD", m.PaymentMethod, "Visa"
		t.status = paySuccess
	case m.PaymentMethodType == "CARD":
		n := strings.ReplaceAll(m.CardNumber, " ", "")
		t.kind, t.cardLast4 = "CARD", n[len(n)-4:]
		t.cardBrand, t.method = cardBrand(n)
		switch n {
		case TestCardDeclined:
			t.status, t.note = payFailed, "the card was declined"
		case TestCardOTP:
			t.otp, t.challenge = true, "ch_"+strings.ToLower(newULID(now))[10:]
		default:
			t.status = paySuccess
		}
	case m.PaymentMethodType == "NB":
		t.kind, t.method, t.bank = "NB", m.PaymentMethod, m.PaymentMethod
		t.status = paySuccess
	case m.PaymentMethodType == "UPI":
		t.kind, t.method, t.vpa = "UPI", m.PaymentMethod, m.UpiVpa
	}
	c.txns[t.id] = t
	o.payments = append(o.payments, t)
	if t.status != payPending {
		s.settleLocked(t, t.status, now)
	}
	return t
}

// settleLocked ends a pending payment as paid or failed, and moves its
// order on: paid, it confirms the order (complete, for digital goods
// only) and credits the loyalty points it earns. Call it with c.mu held.
func (s *Server) settleLocked(t *paymentTxn, status string, now time.Time) {
	t.status, t.settled = status, timestamp(now)
	if status == paySuccess {
		t.reference = "JP" + strings.ToUpper(t.uuid[len(t.uuid)-12:])
		s.orderPaidLocked(t.order, now)
	}
}

// paymentInfo is the payment_info of create-order and
// retry-order-payment: what the client needs to finish the payment.
func (s *Server) paymentInfo(t *paymentTxn) map[string]any {
	if t == nil {
		return map[string]any{}
	}
	o := t.order
	token := "tkn_" + strings.ToLower(t.uuid[4:])
	expiry := t.created.Add(15 * time.Minute).Format(time.RFC3339)
	switch t.integration {
	case "express-checkout":
		status := map[string]string{paySuccess: "CHARGED", payFailed: "AUTHORIZATION_FAILED", payPending: "PENDING_VBV"}[t.status]
		payment := map[string]any{}
		switch {
		case t.otp:
			payment["authentication"] = t.authentication()
		case t.kind == "UPI":
			payment["sdk_params"] = map[string]any{"tr": t.id, "merchant_vpa": "nilgirigoods@okhdfcbank", "merchant_name": "Nilgiri Goods",
				"amount": t.amount.StringFixed(2), "tid": t.uuid, "pg_intent_url": "upi://pay?pa=nilgirigoods@okhdfcbank&tr=" + t.id}
		case t.returnURL != "":
			payment["authentication"] = map[string]any{"method": "GET", "url": t.returnURL}
		}
		return map[string]any{"txn_id": t.id, "txn_uuid": t.uuid, "status": status, "order_id": o.number,
			"juspay":        map[string]any{"client_auth_token": token, "client_auth_token_expiry": expiry},
			"offer_details": map[string]any{"offers": []any{}}, "payment": payment}
	case "hyper-checkout":
		ct := o.contact
		return map[string]any{"id": "ordeh_" + strings.ToLower(t.uuid[4:20]), "status": "NEW", "order_id": o.number,
			"payment_links": map[string]any{"web": paymentPageBase + o.number, "expiry": expiry},
			"sdk_payload": map[string]any{"requestId": t.uuid, "service": "in.juspay.hyperpay", "payload": map[string]any{
				"clientId": "nilgiri-goods", "merchantId": "nilgiri_goods", "clientAuthToken": token, "clientAuthTokenExpiry": expiry,
				"environment": "sandbox", "orderId": o.number, "amount": t.amount.StringFixed(2), "action": "paymentPage",
				"customerId": o.userID, "firstName": ct.firstName, "lastName": ct.lastName, "returnUrl": t.returnURL,
				"customerPhone": ct.ph, "customerEmail": ct.email, "currency": storeCurrency, "description": "Order " + o.number}},
			"order_expiry": t.created.Add(15 * time.Minute)}
	}
	// Bank transfers and mandates: nothing to do in the client.
	return map[string]any{"order_id": o.number, "status": strings.ToUpper(t.status)}
}

// paymentPageBase is where the fake says its payment pages are; nothing
// serves them.
const paymentPageBase = "https://pay.storefronttest.invalid/juspay/"

func (t *paymentTxn) authentication() map[string]any {
	return map[string]any{"method": "GET", "url": paymentPageBase + "otp/" + t.id, "params": map[string]any{
		"id": t.id, "challenge_id": t.challenge, "auth_type": "OTP", "card_isin": TestCardOTP[:6],
		"card_issuer_bank_name": "HDFC Bank", "resend_otp_allowed": t.resends < MaxOTPResends, "submit_otp_allowed": t.status == payPending,
		"fallback_url": paymentPageBase + "3ds/" + t.id}}
}

// otpTxnLocked finds the pending OTP payment txnID with challenge, of the
// caller's orders; anything else is a 400 (the operations declare no 404).
func (s *Server) otpTxnLocked(caller *TokenClaims, txnID, challenge string) (*paymentTxn, *apiError) {
	t := s.commerce().txns[txnID]
	switch {
	case t == nil || t.order.userID != caller.UserID:
		return nil, fieldError(CodeInvalidPayment, "txn_id", "no payment of yours with this transaction ID")
	case !t.otp || t.challenge != challenge:
		return nil, fieldError(CodeInvalidPayment, "challenge_id", "the payment has no such challenge")
	case t.status != payPending:
		return nil, fieldError(CodeInvalidPayment, "txn_id", "the payment is "+t.status+" already")
	}
	return t, nil
}

// authenticateOTP answers authenticate-direct-otp.
func (s *Server) authenticateOTP(caller *TokenClaims, b gen.AuthenticateDirectOTPBody, now time.Time) *apiError {
	t, e := s.otpTxnLocked(caller, b.TxnID, b.ChallengeID)
	if e != nil {
		return e
	}
	if hmac.Equal([]byte(b.OTP), []byte(TestPaymentOTP)) {
		s.settleLocked(t, paySuccess, now)
		return nil
	}
	if t.attempts++; t.attempts >= MaxOTPAttempts {
		t.note = "too many wrong codes"
		s.settleLocked(t, payFailed, now)
		return fieldError(CodeTooManyAttempts, "otp", "too many wrong codes: the payment failed")
	}
	return fieldError(CodeInvalidOTP, "otp", "the code is wrong")
}

// resendOTP answers resend-direct-otp.
func (s *Server) resendOTP(caller *TokenClaims, b gen.ResendDirectOTPBody) (map[string]any, *apiError) {
	t, e := s.otpTxnLocked(caller, b.TxnID, b.ChallengeID)
	if e != nil {
		return nil, e
	}
	if t.resends >= MaxOTPResends {
		return nil, fieldError(CodeTooManyAttempts, "txn_id", fmt.Sprintf("the code was sent %d times already", MaxOTPResends+1))
	}
	t.resends++
	return s.paymentInfo(t), nil
}

// CompletePayment settles the pending payment of an order as the shopper
// would finish it outside the API (a UPI app, the payment page, a bank
// transfer, a mandate, the OTP page): paid (succeed true) or failed. It
// fails when the order is unknown or has no pending payment.
func (s *Server) CompletePayment(orderNumber string, succeed bool) error {
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	o := c.orders[orderNumber]
	if o == nil {
		return fmt.Errorf("storefronttest: CompletePayment: no order %q", orderNumber)
	}
	t := o.pendingPayment()
	if t == nil {
		return fmt.Errorf("storefronttest: CompletePayment: order %s has no pending payment", orderNumber)
	}
	status := payFailed
	if succeed {
		status = paySuccess
	} else {
		t.note = "the shopper did not complete the payment"
	}
	s.settleLocked(t, status, s.Now())
	return nil
}

// generateHash answers generate-hash: see PaymentHashKey.
func generateHash(b gen.GenerateHashBody) (string, *apiError) {
	if b.PlainText == "" {
		return "", fieldError(CodeBadRequest, "plain_text", "is required")
	}
	mac := hmac.New(sha512.New, []byte(PaymentHashKey))
	mac.Write([]byte(b.PlainText))
	return hex.EncodeToString(mac.Sum(nil)), nil
}
