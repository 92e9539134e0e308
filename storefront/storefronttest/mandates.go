package storefronttest

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Mandates are standing instructions to debit a customer's bank account
// that repay their credit line. A customer needs a credit line to create
// one (400 not_eligible). A new mandate is created: it waits for the
// customer to authorise it at the payment gateway (AuthorizeMandate in
// tests). The store learns the gateway's answer when get-customer-mandate
// is called with sync=true: the mandate becomes active, or error when the
// gateway refused it.
//
//	created ──sync, authorised──▶ active ◀──resume── paused
//	   │                            │ └──pause──▶ ──┘  │
//	   └─sync, refused─▶ error      └──revoke──▶ revoked ◀──revoke
//
// Pause is allowed only from active, resume only from paused, revoke from
// active or paused (revoked is final); anything else is a 400
// invalid_transition. update-customer-mandate changes an active mandate's
// max_amount (up to the credit line's per-order limit) or end date.
//
// Every mandate is monthly, with max_amount the credit line's per-order
// limit and an end five years after it was created. Its debit schedule
// starts when it becomes active: one debit of max_amount a month after
// the activation, and each month after, until the end date or the
// revocation. A debit whose date has passed on the server's clock
// succeeded, unless the mandate was paused then (cancelled); the next one
// is scheduled while the mandate is active.

// Mandate statuses.
const (
	mandateCreated = "created"
	mandateActive  = "active"
	mandatePaused  = "paused"
	mandateRevoked = "revoked"
	mandateError   = "error"
)

// mandateLifetime is how long a new mandate lasts.
const mandateLifetime = 5 // years

// maxDebitsListed bounds the debits a mandate's schedule lists.
const maxDebitsListed = 1000

// span is a stretch of time; an open one has a zero end.
type span struct{ from, to time.Time }

func (sp span) holds(t time.Time) bool {
	return !t.Before(sp.from) && (sp.to.IsZero() || t.Before(sp.to))
}

// mandate is one of a customer's mandates.
type mandate struct {
	id, status                      string
	gatewayRef, provider            string
	methodType, method              string
	ifsc, number, beneficiary, bank string
	maxAmount                       decimal.Decimal
	start, end                      time.Time
	gatewayAnswer                   *bool // the customer's answer at the gateway; nil while they have not given it
	activatedAt, lastActivatedAt    time.Time
	pauses                          []span
	revokedAt                       time.Time
	createdAt, modifiedAt           time.Time
}

// mandatePaymentInfo is gen.CustomerMandate's payment_info.
type mandatePaymentInfo = struct {
	BankDetails *struct {
		AccountNumber   *string `json:"account_number,omitempty"`
		BankAccountType *string `json:"bank_account_type,omitempty"`
		BankName        *string `json:"bank_name,omitempty"`
		BeneficiaryName *string `json:"beneficiary_name,omitempty"`
		Ifsc            *string `json:"ifsc,omitempty"`
	} `json:"bank_details,omitempty"`
	PaymentMethod     *string `json:"payment_method,omitempty"`
	PaymentMethodType *string `json:"payment_method_type,omitempty"`
}

func (m *mandate) view() gen.CustomerMandate {
	info := &mandatePaymentInfo{PaymentMethod: optional(m.method), PaymentMethodType: optional(m.methodType)}
	savings := "savings"
	info.BankDetails = &struct {
		AccountNumber   *string `json:"account_number,omitempty"`
		BankAccountType *string `json:"bank_account_type,omitempty"`
		BankName        *string `json:"bank_name,omitempty"`
		BeneficiaryName *string `json:"beneficiary_name,omitempty"`
		Ifsc            *string `json:"ifsc,omitempty"`
	}{AccountNumber: optional(m.number), BankAccountType: &savings, BankName: optional(m.bank),
		BeneficiaryName: optional(m.beneficiary), Ifsc: optional(m.ifsc)}
	kind, freq, currency := "emandate", "monthly", "INR"
	maxAmount := m.maxAmount
	out := gen.CustomerMandate{
		ID: m.id, Status: gen.MandateStatus(m.status), MandateType: &kind, Frequency: &freq, MaxAmount: &maxAmount,
		StartDate: timeRef(m.start), EndDate: timeRef(m.end), Gateway: optional(m.provider),
		GatewayReferenceID: optional(m.gatewayRef), BlockFund: boolRef(false), RevokableByCustomer: boolRef(true),
		Currency: &currency, PaymentInfo: info, CreatedAt: timeRef(m.createdAt), ModifiedAt: timeRef(m.modifiedAt),
	}
	if !m.activatedAt.IsZero() {
		out.ActivatedAt, out.LastActivatedAt = timeRef(m.activatedAt), timeRef(m.lastActivatedAt)
	}
	return out
}

// bankNames are the banks of the IFSC prefixes the fake knows.
var bankNames = map[string]string{
	"SBIN": "State Bank of India", "HDFC": "HDFC Bank", "ICIC": "ICICI Bank", "UTIB": "Axis Bank",
	"KKBK": "Kotak Mahindra Bank", "YESB": "Yes Bank", "PUNB": "Punjab National Bank", "BARB": "Bank of Baroda",
	"CNRB": "Canara Bank", "IDIB": "Indian Bank", "IOBA": "Indian Overseas Bank", "FDRL": "Federal Bank",
}

func bankOf(ifsc string) string {
	if name, ok := bankNames[ifsc[:4]]; ok {
		return name
	}
	return ifsc[:4] + " Bank"
}

func (acc *account) mandateByID(id string) *mandate {
	i := slices.IndexFunc(acc.mandates, func(m *mandate) bool { return m.id == id })
	if i < 0 {
		return nil
	}
	return acc.mandates[i]
}

var errMandateNotFound = notFound("mandate not found")

// createMandate creates a mandate of the customer's, waiting for their
// authorisation at the gateway.
func (s *Server) createMandate(userID string, b gen.CreateCustomerMandate) (gen.CustomerMandate, *apiError) {
	b.BankIfsc = strings.ToUpper(strings.TrimSpace(b.BankIfsc))
	if e := firstError(required("payment_method_type", b.PaymentMethodType), required("payment_method", b.PaymentMethod),
		required("gateway_reference_id", b.GatewayReferenceID), required("bank_beneficiary_name", b.BankBeneficiaryName),
		checkIFSC("bank_ifsc", b.BankIfsc), checkAccountNumber("bank_account_number", b.BankAccountNumber)); e != nil {
		return gen.CustomerMandate{}, e
	}
	if !s.storeHasPaymentProvider(b.ServiceProviderSlug) {
		return gen.CustomerMandate{}, fieldError(CodeBadRequest, "service_provider_slug", "is not a payment provider of the store")
	}
	var out gen.CustomerMandate
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		if acc.creditLine == nil {
			return badRequest(CodeNotEligible, "the customer has no credit line: mandates repay one")
		}
		if slices.ContainsFunc(acc.mandates, func(m *mandate) bool { return m.gatewayRef == b.GatewayReferenceID }) {
			return fieldError(CodeAlreadyExists, "gateway_reference_id", "a mandate with this gateway reference exists")
		}
		m := &mandate{id: newULID(now), status: mandateCreated, gatewayRef: b.GatewayReferenceID, provider: b.ServiceProviderSlug,
			methodType: b.PaymentMethodType, method: b.PaymentMethod, ifsc: b.BankIfsc, number: b.BankAccountNumber,
			beneficiary: strings.TrimSpace(b.BankBeneficiaryName), bank: bankOf(b.BankIfsc), maxAmount: acc.creditLine.perOrder,
			start: now, end: now.AddDate(mandateLifetime, 0, 0), createdAt: now, modifiedAt: now}
		acc.mandates = append(acc.mandates, m)
		out = m.view()
		return nil
	})
	return out, e
}

// mandate returns one of the customer's mandates, first taking the
// gateway's answer when sync is set.
func (s *Server) mandate(userID, id string, sync bool) (gen.CustomerMandate, *apiError) {
	var out gen.CustomerMandate
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		m := acc.mandateByID(id)
		if m == nil {
			return errMandateNotFound
		}
		if sync && m.status == mandateCreated && m.gatewayAnswer != nil {
			if *m.gatewayAnswer {
				m.status, m.activatedAt, m.lastActivatedAt = mandateActive, now, now
			} else {
				m.status = mandateError
			}
			m.modifiedAt = now
		}
		out = m.view()
		return nil
	})
	return out, e
}

// mandateTransitions are the moves pause, resume and revoke make: from
// which statuses, to which.
var mandateTransitions = map[string]struct {
	from []string
	to   string
}{
	"pause":  {[]string{mandateActive}, mandatePaused},
	"resume": {[]string{mandatePaused}, mandateActive},
	"revoke": {[]string{mandateActive, mandatePaused}, mandateRevoked},
}

// moveMandate pauses, resumes or revokes one of the customer's mandates.
func (s *Server) moveMandate(userID, id, move string) (gen.CustomerMandate, *apiError) {
	t := mandateTransitions[move]
	var out gen.CustomerMandate
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		m := acc.mandateByID(id)
		if m == nil {
			return errMandateNotFound
		}
		if !slices.Contains(t.from, m.status) {
			return badRequest(CodeInvalidTransition, fmt.Sprintf("cannot %s a mandate that is %s: only one that is %s", move, m.status, strings.Join(t.from, " or ")))
		}
		if m.status == mandatePaused {
			m.pauses[len(m.pauses)-1].to = now
		}
		switch t.to {
		case mandatePaused:
			m.pauses = append(m.pauses, span{from: now})
		case mandateActive:
			m.lastActivatedAt = now
		case mandateRevoked:
			m.revokedAt = now
		}
		m.status, m.modifiedAt = t.to, now
		out = m.view()
		return nil
	})
	return out, e
}

// updateMandate changes an active mandate's max_amount or end date.
func (s *Server) updateMandate(userID, id string, b gen.UpdateCustomerMandateBody) (gen.CustomerMandate, *apiError) {
	if b.MaxAmount == nil && b.EndAt == nil {
		return gen.CustomerMandate{}, badRequest(CodeBadRequest, "give max_amount, end_at or both")
	}
	var out gen.CustomerMandate
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		m := acc.mandateByID(id)
		if m == nil {
			return errMandateNotFound
		}
		if m.status != mandateActive {
			return badRequest(CodeInvalidTransition, "only an active mandate can be changed; this one is "+m.status)
		}
		if a := b.MaxAmount; a != nil {
			if a.Sign() <= 0 {
				return fieldError(CodeBadRequest, "max_amount", "must be positive")
			}
			if cl := acc.creditLine; cl != nil && a.GreaterThan(cl.perOrder) {
				return fieldError(CodeBadRequest, "max_amount", "must not exceed the credit line's per-order limit, "+cl.perOrder.String())
			}
		}
		if b.EndAt != nil && !b.EndAt.After(now) {
			return fieldError(CodeBadRequest, "end_at", "must be in the future")
		}
		if b.MaxAmount != nil {
			m.maxAmount = *b.MaxAmount
		}
		if b.EndAt != nil {
			m.end = timestamp(*b.EndAt)
		}
		m.modifiedAt = now
		out = m.view()
		return nil
	})
	return out, e
}

// mandates lists the customer's mandates in the order they were created.
func (s *Server) mandates(userID string) ([]gen.CustomerMandate, *apiError) {
	out := []gen.CustomerMandate{}
	e := s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		for _, m := range acc.mandates {
			out = append(out, m.view())
		}
		return nil
	})
	return out, e
}

// debits is the mandate's debit schedule at now: every monthly debit from
// its activation to now, and the next one while it is active.
func (m *mandate) debits(storeID string, now time.Time) []gen.MandateDebitSchedule {
	if m.activatedAt.IsZero() {
		return nil
	}
	var out []gen.MandateDebitSchedule
	for k := 1; k <= maxDebitsListed; k++ {
		due := m.activatedAt.AddDate(0, k, 0)
		if due.After(m.end) || (!m.revokedAt.IsZero() && !due.Before(m.revokedAt)) {
			break
		}
		d := gen.MandateDebitSchedule{
			ID: fmt.Sprintf("%s-%03d", m.id, k), MandateID: m.id, OrderID: fmt.Sprintf("CL-%s-%03d", m.id[len(m.id)-8:], k),
			Amount: m.maxAmount, ScheduledAt: due, MaxRetries: decimal.NewFromInt(3), StoreID: storeID,
			CreatedAt: m.activatedAt, ModifiedAt: m.activatedAt,
		}
		if due.After(now) {
			if m.status != mandateActive {
				break
			}
			d.Status = "scheduled"
			out = append(out, d)
			break
		}
		if slices.ContainsFunc(m.pauses, func(p span) bool { return p.holds(due) }) {
			d.Status = "cancelled"
		} else {
			d.Status = "debit-success"
			d.PickedAt, d.ExecutedAt = timeRef(due), timeRef(due)
			d.ExternalReferenceID = optional(fmt.Sprintf("%s-debit-%03d", m.gatewayRef, k))
			d.GatewayOrderID = optional(d.OrderID)
		}
		d.ModifiedAt = due
		out = append(out, d)
	}
	return out
}

// debitSchedulePage lists a page of the debits of all the customer's
// mandates, the latest date first.
func (s *Server) debitSchedulePage(userID string, page, limit *int) ([]gen.MandateDebitSchedule, gen.Pagination, *apiError) {
	pr, e := pageOf(page, limit)
	if e != nil {
		return nil, gen.Pagination{}, e
	}
	var all []gen.MandateDebitSchedule
	e = s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		for _, m := range acc.mandates {
			all = append(all, m.debits(s.cfg.storeID, now)...)
		}
		return nil
	})
	if e != nil {
		return nil, gen.Pagination{}, e
	}
	slices.SortStableFunc(all, func(a, b gen.MandateDebitSchedule) int {
		if c := b.ScheduledAt.Compare(a.ScheduledAt); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	list, pg := paginate(all, pr)
	return list, pg, nil
}

// AuthorizeMandate records the customer's answer at the payment gateway
// to the mandate mandateID of the user userID: approved or refused. The
// store applies it on the next get-customer-mandate with sync=true (active
// or error). It fails for an unknown mandate or one that was answered
// already.
func (s *Server) AuthorizeMandate(userID, mandateID string, approved bool) error {
	s.accounts.mu.Lock()
	defer s.accounts.mu.Unlock()
	acc := s.accounts.get(userID, time.Time{}, false)
	if acc == nil || acc.mandateByID(mandateID) == nil {
		return fmt.Errorf("storefronttest: AuthorizeMandate: no mandate %q of user %q", mandateID, userID)
	}
	m := acc.mandateByID(mandateID)
	if m.gatewayAnswer != nil {
		return errors.New("storefronttest: AuthorizeMandate: the mandate was answered already")
	}
	m.gatewayAnswer = &approved
	return nil
}
