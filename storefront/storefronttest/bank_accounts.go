package storefronttest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// A customer's bank accounts are outbound (theirs, for refunds and
// payouts: name, number, IFSC and bank, validated by format) or inbound (a
// virtual account a payment provider of the store's configuration opens
// for them to pay in: the fake makes up its number, under the provider's
// IFSC). Inbound accounts are verified by their provider.
//
// An outbound account starts unverified; the store deposits a small amount
// into it (a penny drop: one rupee and some paise, PennyDropAmount), and
// verify-bank-account with is_verified true and that amount verifies it. A
// wrong amount is a 400 verification_failed; after
// MaxPennyDropAttempts wrong amounts the deposit is spent (400
// too_many_attempts) until is_verified false, or a change of the
// account's number or IFSC, makes a new deposit. is_verified false marks
// an account unverified again. Changing the number or IFSC unverifies it.
//
// The first account of each type is its default; an account saved with
// is_default takes the role from the others of its type, and deleting the
// default hands it to the first account of its type left.

// MaxPennyDropAttempts is how many wrong amounts a penny drop takes.
const MaxPennyDropAttempts = 3

// inboundProviders are the payment providers that open virtual accounts,
// with the IFSC and bank of their accounts.
var inboundProviders = map[string]struct{ ifsc, bank string }{
	"juspay": {"YESB0CMSNOC", "Yes Bank"},
	"payu":   {"ICIC0000103", "ICICI Bank"},
}

// bankAccount is one of a customer's bank accounts.
type bankAccount struct {
	id, kind              string // kind: inbound or outbound
	name, number          string
	ifsc, bank, provider  string
	isDefault, verified   bool
	drops                 int // penny drops made: the amount of the last one is the one that verifies
	attempts              int // wrong amounts given for the last drop
	createdAt, modifiedAt time.Time
}

func (b *bankAccount) view() gen.CustomerBankAccount {
	id := b.id
	created, modified := b.createdAt, b.modifiedAt
	return gen.CustomerBankAccount{ID: &id, AccountType: gen.CustomerBankAccountAccountType(b.kind), AccountName: b.name,
		AccountNumber: b.number, IfscCode: b.ifsc, BankName: b.bank, IsDefault: boolRef(b.isDefault),
		IsVerified: boolRef(b.verified), CreatedAt: &created, ModifiedAt: &modified}
}

// pennyDrop is the amount of the account's last penny drop: one rupee and
// 1 to 99 paise, derived from the account's ID, number, IFSC and the count
// of drops, so that it is the same on every run and changes with each new
// drop.
func (b *bankAccount) pennyDrop() decimal.Decimal {
	h := sha256.Sum256(fmt.Appendf(nil, "%s|%s|%s|%d", b.id, b.number, b.ifsc, b.drops))
	paise := 1 + binary.BigEndian.Uint64(h[:8])%99
	return decimal.New(100+int64(paise), -2)
}

func (acc *account) bankAccountByID(id string) (*bankAccount, int) {
	i := slices.IndexFunc(acc.bankAccounts, func(b *bankAccount) bool { return b.id == id })
	if i < 0 {
		return nil, -1
	}
	return acc.bankAccounts[i], i
}

var errBankAccountNotFound = notFound("bank account not found")

// makeDefault gives b the default role of its type when want is true,
// takes it from b when want is false, and then makes sure each type with
// accounts has a default, b last in line when it gave the role up.
func (acc *account) makeDefault(b *bankAccount, want *bool) {
	switch {
	case want == nil:
	case *want:
		for _, o := range acc.bankAccounts {
			if o.kind == b.kind {
				o.isDefault = o == b
			}
		}
	default:
		b.isDefault = false
	}
	for _, kind := range []string{"inbound", "outbound"} {
		var first *bankAccount
		has := false
		for _, o := range acc.bankAccounts {
			if o.kind != kind {
				continue
			}
			has = has || o.isDefault
			if first == nil && (o != b || want == nil || *want) {
				first = o
			}
		}
		if !has && first != nil {
			first.isDefault = true
		}
	}
}

// bankAccountBody is the union of the create and update bodies: the
// discriminator and every field either may carry.
type bankAccountBody struct {
	AccountType         string  `json:"account_type"`
	AccountName         *string `json:"account_name"`
	AccountNumber       *string `json:"account_number"`
	IfscCode            *string `json:"ifsc_code"`
	BankName            *string `json:"bank_name"`
	ServiceProviderSlug *string `json:"service_provider_slug"`
	IsDefault           *bool   `json:"is_default"`
}

// decodeBankAccountBody reads a create or update body (the spec checked
// its shape).
func decodeBankAccountBody(raw json.Marshaler) (bankAccountBody, *apiError) {
	var b bankAccountBody
	data, err := raw.MarshalJSON()
	if err == nil {
		err = json.Unmarshal(data, &b)
	}
	if err != nil {
		return b, badRequest(CodeBadRequest, "the bank account cannot be read")
	}
	return b, nil
}

// checkOutbound checks the details of an outbound account.
func checkOutbound(name, number, ifsc, bank string) *apiError {
	return firstError(required("account_name", name), checkAccountNumber("account_number", number),
		checkIFSC("ifsc_code", ifsc), required("bank_name", bank))
}

// createBankAccount saves a bank account of the customer's.
func (s *Server) createBankAccount(userID string, body bankAccountBody) (gen.CustomerBankAccount, *apiError) {
	b := &bankAccount{kind: body.AccountType}
	switch body.AccountType {
	case "outbound":
		b.name, b.number = strings.TrimSpace(deref(body.AccountName)), strings.TrimSpace(deref(body.AccountNumber))
		b.ifsc, b.bank = strings.ToUpper(strings.TrimSpace(deref(body.IfscCode))), strings.TrimSpace(deref(body.BankName))
		if e := checkOutbound(b.name, b.number, b.ifsc, b.bank); e != nil {
			return gen.CustomerBankAccount{}, e
		}
		b.drops = 1
	case "inbound":
		slug := strings.TrimSpace(deref(body.ServiceProviderSlug))
		p, ok := inboundProviders[slug]
		if !ok || !s.storeHasPaymentProvider(slug) {
			return gen.CustomerBankAccount{}, fieldError(CodeBadRequest, "service_provider_slug", "is not a payment provider of the store that opens virtual accounts")
		}
		b.provider, b.ifsc, b.bank, b.verified = slug, p.ifsc, p.bank, true
		b.name = s.verifiedContactOf(userID).name()
	default:
		return gen.CustomerBankAccount{}, fieldError(CodeBadRequest, "account_type", "must be inbound or outbound")
	}
	var out gen.CustomerBankAccount
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		if b.kind == "inbound" {
			if slices.ContainsFunc(acc.bankAccounts, func(o *bankAccount) bool { return o.provider == b.provider }) {
				return fieldError(CodeAlreadyExists, "service_provider_slug", "you have a virtual account with this provider already")
			}
			b.number = virtualAccountNumber(userID, b.provider)
		} else if slices.ContainsFunc(acc.bankAccounts, func(o *bankAccount) bool { return o.number == b.number && o.ifsc == b.ifsc }) {
			return fieldError(CodeAlreadyExists, "account_number", "this account is saved already")
		}
		b.id, b.createdAt, b.modifiedAt = newULID(now), now, now
		acc.bankAccounts = append(acc.bankAccounts, b)
		acc.makeDefault(b, body.IsDefault)
		out = b.view()
		return nil
	})
	return out, e
}

// virtualAccountNumber is the number of a provider's virtual account for a
// customer: 16 digits, the same for the same customer and provider.
func virtualAccountNumber(userID, provider string) string {
	h := sha256.Sum256([]byte(provider + "|" + userID))
	return fmt.Sprintf("2223%012d", binary.BigEndian.Uint64(h[:8])%1_000_000_000_000)
}

// storeHasPaymentProvider reports whether the store's configuration lists
// the payment provider slug.
func (s *Server) storeHasPaymentProvider(slug string) bool {
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return slices.ContainsFunc(sh.config.paymentProviders, func(p gen.PaymentProvider) bool { return p.PaymentProviderSlug == slug })
}

// updateBankAccount changes one of the customer's accounts: an outbound
// account any of its details, an inbound one only is_default. The body's
// account_type must be the account's.
func (s *Server) updateBankAccount(userID, id string, body bankAccountBody) (gen.CustomerBankAccount, *apiError) {
	var out gen.CustomerBankAccount
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		b, _ := acc.bankAccountByID(id)
		if b == nil {
			return errBankAccountNotFound
		}
		if body.AccountType != b.kind {
			return fieldError(CodeBadRequest, "account_type", "is "+b.kind+" for this account")
		}
		if b.kind == "outbound" {
			pick := func(v *string, cur string) string {
				if v == nil {
					return cur
				}
				return strings.TrimSpace(*v)
			}
			name, number := pick(body.AccountName, b.name), pick(body.AccountNumber, b.number)
			ifsc, bank := strings.ToUpper(pick(body.IfscCode, b.ifsc)), pick(body.BankName, b.bank)
			if e := checkOutbound(name, number, ifsc, bank); e != nil {
				return e
			}
			if (number != b.number || ifsc != b.ifsc) && slices.ContainsFunc(acc.bankAccounts, func(o *bankAccount) bool {
				return o != b && o.number == number && o.ifsc == ifsc
			}) {
				return fieldError(CodeAlreadyExists, "account_number", "this account is saved already")
			}
			if number != b.number || ifsc != b.ifsc {
				b.verified, b.attempts = false, 0
				b.drops++
			}
			b.name, b.number, b.ifsc, b.bank = name, number, ifsc, bank
		}
		acc.makeDefault(b, body.IsDefault)
		b.modifiedAt = now
		out = b.view()
		return nil
	})
	return out, e
}

// verifyBankAccount verifies an outbound account with its penny-drop
// amount, or marks it unverified (and makes a new deposit).
func (s *Server) verifyBankAccount(userID, id string, body gen.VerifyBankAccountBody) (gen.CustomerBankAccount, *apiError) {
	var out gen.CustomerBankAccount
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		b, _ := acc.bankAccountByID(id)
		if b == nil {
			return errBankAccountNotFound
		}
		if b.kind == "inbound" {
			return badRequest(CodeBadRequest, "an inbound account is verified by its payment provider")
		}
		switch {
		case !body.IsVerified:
			b.verified, b.attempts = false, 0
			b.drops++
		case b.verified:
			// Already verified: nothing changes.
		case body.Amount == nil:
			return fieldError(CodeBadRequest, "amount", "is required to verify: give the amount deposited into the account")
		case b.attempts >= MaxPennyDropAttempts:
			return fieldError(CodeTooManyAttempts, "amount", "too many wrong amounts: mark the account unverified for a new deposit")
		case !body.Amount.Equal(b.pennyDrop()):
			b.attempts++
			b.modifiedAt = now
			return fieldError(CodeVerificationFailed, "amount", fmt.Sprintf("is not the amount deposited (%d of %d attempts used)", b.attempts, MaxPennyDropAttempts))
		default:
			b.verified = true
		}
		b.modifiedAt = now
		out = b.view()
		return nil
	})
	return out, e
}

// bankAccount returns one of the customer's accounts.
func (s *Server) bankAccount(userID, id string) (gen.CustomerBankAccount, *apiError) {
	var out gen.CustomerBankAccount
	e := s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		b, _ := acc.bankAccountByID(id)
		if b == nil {
			return errBankAccountNotFound
		}
		out = b.view()
		return nil
	})
	return out, e
}

// deleteBankAccount removes one of the customer's accounts.
func (s *Server) deleteBankAccount(userID, id string) *apiError {
	return s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		b, i := acc.bankAccountByID(id)
		if b == nil {
			return errBankAccountNotFound
		}
		acc.bankAccounts = slices.Delete(acc.bankAccounts, i, i+1)
		if b.isDefault {
			for _, o := range acc.bankAccounts {
				if o.kind == b.kind {
					o.isDefault = true
					break
				}
			}
		}
		return nil
	})
}

// bankAccounts lists the customer's accounts in the order they were
// saved, only those of kind when it is set.
func (s *Server) bankAccounts(userID string, kind *gen.ListBankAccountsParamsAccountType) ([]gen.CustomerBankAccount, *apiError) {
	out := []gen.CustomerBankAccount{}
	e := s.onAccount(userID, func(acc *account, _ time.Time) *apiError {
		for _, b := range acc.bankAccounts {
			if kind == nil || string(*kind) == b.kind {
				out = append(out, b.view())
			}
		}
		return nil
	})
	return out, e
}

// PennyDropAmount returns the amount the store deposited into the outbound
// bank account accountID of the user userID to verify it: what the
// customer reads on their statement and sends to verify-bank-account.
func (s *Server) PennyDropAmount(userID, accountID string) (decimal.Decimal, error) {
	s.accounts.mu.Lock()
	defer s.accounts.mu.Unlock()
	acc := s.accounts.get(userID, time.Time{}, false)
	if acc == nil {
		return decimal.Decimal{}, errors.New("storefronttest: PennyDropAmount: the user has no bank accounts")
	}
	b, _ := acc.bankAccountByID(accountID)
	if b == nil || b.kind != "outbound" {
		return decimal.Decimal{}, fmt.Errorf("storefronttest: PennyDropAmount: no outbound account %q", accountID)
	}
	return b.pennyDrop(), nil
}
