package storefronttest

import (
	"errors"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// A customer's credit line: the store approves it (SetCreditLine in
// tests); until then the customer is not eligible, has no balance and
// cannot create mandates. Its mandates repay it.

// creditLine is a customer's approved credit.
type creditLine struct {
	total, perOrder, utilized decimal.Decimal
	createdAt, modifiedAt     time.Time
}

// CreditLineInput is a credit line for SetCreditLine.
type CreditLineInput struct {
	TotalLimit decimal.Decimal // required: positive
	// PerOrderLimit caps each mandate's max_amount; at least TotalLimit
	// (the API's rule), which is its default.
	PerOrderLimit decimal.Decimal
	Utilized      decimal.Decimal // committed to orders: 0 to TotalLimit
}

// SetCreditLine approves a credit line for the user userID, or, with nil,
// withdraws it (mandates stay as they are). A customer with a credit line
// is eligible for mandates.
func (s *Server) SetCreditLine(userID string, in *CreditLineInput) error {
	if err := s.checkUser(userID); err != nil {
		return err
	}
	if in != nil {
		per := in.PerOrderLimit
		if per.IsZero() {
			per = in.TotalLimit
		}
		switch {
		case in.TotalLimit.Sign() <= 0:
			return errors.New("storefronttest: SetCreditLine: the total limit must be positive")
		case per.LessThan(in.TotalLimit):
			return errors.New("storefronttest: SetCreditLine: the per-order limit must be at least the total limit")
		case in.Utilized.Sign() < 0 || in.Utilized.GreaterThan(in.TotalLimit):
			return errors.New("storefronttest: SetCreditLine: the utilized amount must be from 0 to the total limit")
		}
	}
	now := timestamp(s.Now())
	s.accounts.with(userID, now, func(acc *account) {
		if in == nil {
			acc.creditLine = nil
			return
		}
		per := in.PerOrderLimit
		if per.IsZero() {
			per = in.TotalLimit
		}
		created := now
		if acc.creditLine != nil {
			created = acc.creditLine.createdAt
		}
		acc.creditLine = &creditLine{total: in.TotalLimit, perOrder: per, utilized: in.Utilized, createdAt: created, modifiedAt: now}
	})
	return nil
}

// creditLineBalance answers get-customer-credit-line-balance: eligibility,
// the balance and the mandates whose status is active.
func (s *Server) creditLineBalance(userID string) (gen.GetCustomerCreditLineBalanceContent, *apiError) {
	out := gen.GetCustomerCreditLineBalanceContent{ActiveMandates: []gen.CustomerMandate{}}
	e := s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		if cl := acc.creditLine; cl != nil {
			out.IsEligible = true
			out.CreditLineBalance = &gen.CustomerCreditLineBalance{
				TotalCreditLimit: cl.total, MandatePerOrderLimit: cl.perOrder, UtilizedAmount: cl.utilized,
				BalanceAmount: cl.total.Sub(cl.utilized), StoreID: s.cfg.storeID, CreatedAt: cl.createdAt, ModifiedAt: cl.modifiedAt,
			}
		}
		for _, m := range acc.mandates {
			if m.status == mandateActive {
				out.ActiveMandates = append(out.ActiveMandates, m.view())
			}
		}
		return nil
	})
	return out, e
}
