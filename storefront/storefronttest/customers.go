package storefronttest

import (
	"context"
	"regexp"
	"strings"
	"time"
)

// The Customers group works on the account of the logged-in customer
// (accounts.go): their addresses, bank accounts, cards, credit line, KYC
// documents, loyalty, mandates, payment methods and reviews. Its records
// live in the account, under the accounts lock; what it reads of the shop
// (countries, KYC document types, products, sellers) it reads first,
// under the shop's lock, and never holds both.

// Error codes of the Customers and Subscriptions groups.
const (
	CodeInvalidTransition  = "invalid_transition"  // a mandate or subscription cannot go from its status to the one asked for
	CodeVerificationFailed = "verification_failed" // a wrong penny-drop amount; a GSTIN or PAN the tax authority does not know
	CodeNotEligible        = "not_eligible"        // create-customer-mandate: the customer has no credit line
	CodeDocumentLocked     = "document_locked"     // delete-document: an approved document is replaced, not deleted
)

var errCustomerNotFound = notFound("customer not found")

// customerOf checks an operation on the customer customerID and returns
// the caller's claims. The customer's data belong to StoreID (another
// store ID is 404, like the catalog's); the caller must be logged in (401
// login_required: an anonymous visitor has no customer ID); and
// customerID must be the customer_id of the caller's access token: any
// other ID is 404, whether or not such a customer exists, as get-user-detail
// answers for another user's ID. On the operations that declare no 404
// that answer is their 400, code not_found.
func (s *Server) customerOf(ctx context.Context, customerID string) (*TokenClaims, *apiError) {
	rc, e := callerOf(ctx)
	if e != nil {
		return nil, e
	}
	if e := s.storeScope(rc); e != nil {
		return nil, e
	}
	c := rc.caller
	if !c.IsLoggedIn || c.CustomerID == nil {
		return nil, errLoginRequired
	}
	if customerID != *c.CustomerID {
		return nil, errCustomerNotFound
	}
	return c, nil
}

// shopperOf checks an operation on the caller's own records without a
// customer ID in its path (the Subscriptions group): the store and a
// logged-in caller.
func (s *Server) shopperOf(ctx context.Context) (*TokenClaims, *apiError) {
	rc, e := callerOf(ctx)
	if e != nil {
		return nil, e
	}
	if e := s.storeScope(rc); e != nil {
		return nil, e
	}
	if !rc.caller.IsLoggedIn {
		return nil, errLoginRequired
	}
	return rc.caller, nil
}

// onAccount runs f on the account of userID under the accounts lock and
// returns its error.
func (s *Server) onAccount(userID string, f func(acc *account, now time.Time) *apiError) *apiError {
	var e *apiError
	now := timestamp(s.Now())
	s.accounts.with(userID, now, func(acc *account) { e = f(acc, now) })
	return e
}

// contact is what a customer's records copy from their user: their name
// and the phone number and email address they verified.
type contact struct {
	firstName, lastName string
	phone, email        string // verified ones only
	country             string // the verified phone's country code
}

func (s *Server) verifiedContactOf(userID string) contact {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u := s.users[userID]
	if u == nil {
		return contact{}
	}
	c := contact{firstName: deref(u.firstName), lastName: deref(u.lastName)}
	if u.phoneVerified {
		c.phone, c.country = deref(u.phone), deref(u.country)
	}
	if u.emailVerified {
		c.email = deref(u.email)
	}
	return c
}

// name is the customer's full name, or "Customer".
func (c contact) name() string {
	if n := strings.TrimSpace(c.firstName + " " + c.lastName); n != "" {
		return n
	}
	return "Customer"
}

// Indian account numbers and branch codes.
// ifscPattern is the payments lookup's.
var accountNumberPattern = regexp.MustCompile(`^[0-9]{9,18}$`)

// checkIFSC checks a branch code by its format: four letters of the bank,
// a zero, six letters or digits of the branch.
func checkIFSC(field, code string) *apiError {
	if !ifscPattern.MatchString(code) {
		return fieldError(CodeBadRequest, field, "must be an IFSC: four capital letters, a 0 and six letters or digits, such as SBIN0001234")
	}
	return nil
}

// checkAccountNumber checks a bank account number: 9 to 18 digits.
func checkAccountNumber(field, number string) *apiError {
	if !accountNumberPattern.MatchString(number) {
		return fieldError(CodeBadRequest, field, "must be 9 to 18 digits")
	}
	return nil
}

// required fails when s is blank.
func required(field, s string) *apiError {
	if strings.TrimSpace(s) == "" {
		return fieldError(CodeBadRequest, field, "is required")
	}
	return nil
}

func firstError(es ...*apiError) *apiError {
	for _, e := range es {
		if e != nil {
			return e
		}
	}
	return nil
}

func boolRef(b bool) *bool { return &b }

func timeRef(t time.Time) *time.Time { return &t }
