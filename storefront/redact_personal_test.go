package storefront_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// The personal data of a customer's account — bank account, card and
// document numbers — stays out of the SDK's errors and debug log when the
// API, or a proxy before it, answers badly.

const (
	pdSetupAccount   = "50100111222333"
	pdAccount        = "50100123456789"
	pdNewAccount     = "50100987654321"
	pdMandateAccount = "50200555666777"
	pdCard           = "4111111111111111"
	pdGSTIN          = "27AAPFU0939F1ZV"
	pdPAN            = "ABCPE1234F"
	pdNewPAN         = "ABCPK4321L"
)

var personalNumbers = []string{pdSetupAccount, pdAccount, pdNewAccount, pdMandateAccount, pdCard, pdGSTIN, pdPAN, pdNewPAN}

// syncBuffer is a log sink safe for the client's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// personalCall is a Customers operation whose request or answer carries
// personal numbers: sent are those its request carries, which a server
// may echo anywhere, even in free text; the others reach a bad answer only
// as the value of a field that names them (account_number=…, or a JSON
// member), as a proxy or a truncated answer would show them.
type personalCall struct {
	op   string
	sent []string
	call func(ctx context.Context) error
}

// TestPersonalNumbersStayOutOfErrorsAndLogs drives every Customers
// operation that carries an account, card or document number against the
// fake with three faults — a 400 whose envelope echoes the numbers, a
// proxy's HTML 502 that prints them, and a 200 cut in the middle of the
// real answer — and checks that no number appears in the error, however it
// is printed, or in the SDK's debug log.
func TestPersonalNumbersStayOutOfErrorsAndLogs(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	defer srv.Close()
	logs := &syncBuffer{}
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()),
		storefront.WithClock(srv.Now), storefront.WithRetryPolicy(storefront.NoRetries),
		storefront.WithLogger(slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	require.NoError(t, err)
	ctx := context.Background()

	user, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse", EmailVerified: true})
	require.NoError(t, err)
	sess := client.NewSession(nil)
	_, err = sess.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	cid := user.CustomerID
	cs := sess.Customers

	// The customer's records, made without faults.
	acct, err := cs.CreateBankAccount(ctx, cid, outboundAccount(pdSetupAccount))
	require.NoError(t, err)
	accountID := *acct.BankAccount.ID
	require.NoError(t, srv.SetCreditLine(user.ID, &storefronttest.CreditLineInput{TotalLimit: decimal.NewFromInt(50000)}))
	mandate, err := cs.CreateCustomerMandate(ctx, cid, mandateRequest("jp-ref-1", pdMandateAccount))
	require.NoError(t, err)
	mandateID := mandate.Mandate.ID
	require.NoError(t, srv.AuthorizeMandate(user.ID, mandateID, true))
	_, err = cs.GetCustomerMandate(ctx, cid, mandateID, &storefront.GetCustomerMandateParams{Sync: ptrTo(true)})
	require.NoError(t, err)
	_, err = srv.AddCard(user.ID, storefronttest.CardInput{CardNumber: pdCard, ExpMonth: 12, ExpYear: 2031, NameOnCard: "Asha Rao"})
	require.NoError(t, err)
	kyc, err := sess.Store.ListKycDocument(ctx)
	require.NoError(t, err)
	kycID := map[string]string{}
	for _, k := range *kyc.KycDocuments {
		kycID[string(k.DocumentType)] = k.ID
	}
	pan, err := cs.CreateDocument(ctx, cid, storefront.DocumentUpload{KycDocumentID: kycID["pan"], DocumentNumber: pdPAN})
	require.NoError(t, err)
	panID := *pan.Document.ID

	var newAccount storefront.UpdateBankAccount
	require.NoError(t, newAccount.FromUpdateOutboundBankAccount(storefront.UpdateOutboundBankAccount{AccountType: "outbound", AccountNumber: ptrTo(pdNewAccount)}))
	calls := []personalCall{
		{storefronttest.OpCreateBankAccount, []string{pdAccount}, func(ctx context.Context) error {
			_, err := cs.CreateBankAccount(ctx, cid, outboundAccount(pdAccount))
			return err
		}},
		{storefronttest.OpUpdateBankAccount, []string{pdNewAccount}, func(ctx context.Context) error {
			_, err := cs.UpdateBankAccount(ctx, cid, accountID, newAccount)
			return err
		}},
		{storefronttest.OpVerifyBankAccount, nil, func(ctx context.Context) error {
			amount, err := srv.PennyDropAmount(user.ID, accountID)
			if err != nil {
				return err
			}
			_, err = cs.VerifyBankAccount(ctx, cid, accountID, storefront.VerifyBankAccountBody{IsVerified: true, Amount: &amount})
			return err
		}},
		{storefronttest.OpGetBankAccountDetail, nil, func(ctx context.Context) error {
			_, err := cs.GetBankAccountDetail(ctx, cid, accountID)
			return err
		}},
		{storefronttest.OpListBankAccounts, nil, func(ctx context.Context) error {
			_, err := cs.ListBankAccounts(ctx, cid, nil)
			return err
		}},
		{storefronttest.OpCreateCustomerMandate, []string{pdMandateAccount}, func(ctx context.Context) error {
			_, err := cs.CreateCustomerMandate(ctx, cid, mandateRequest("jp-ref-2", pdMandateAccount))
			return err
		}},
		{storefronttest.OpGetCustomerMandate, nil, func(ctx context.Context) error {
			_, err := cs.GetCustomerMandate(ctx, cid, mandateID, nil)
			return err
		}},
		{storefronttest.OpListCustomerMandates, nil, func(ctx context.Context) error {
			_, err := cs.ListCustomerMandates(ctx, cid)
			return err
		}},
		{storefronttest.OpUpdateCustomerMandate, nil, func(ctx context.Context) error {
			_, err := cs.UpdateCustomerMandate(ctx, cid, mandateID, storefront.UpdateCustomerMandateBody{MaxAmount: ptrTo(decimal.NewFromInt(40000))})
			return err
		}},
		{storefronttest.OpPauseCustomerMandate, nil, func(ctx context.Context) error {
			_, err := cs.PauseCustomerMandate(ctx, cid, mandateID)
			return err
		}},
		{storefronttest.OpResumeCustomerMandate, nil, func(ctx context.Context) error {
			_, err := cs.ResumeCustomerMandate(ctx, cid, mandateID)
			return err
		}},
		{storefronttest.OpGetCustomerCreditLineBalance, nil, func(ctx context.Context) error {
			_, err := cs.GetCustomerCreditLineBalance(ctx, cid)
			return err
		}},
		{storefronttest.OpRevokeCustomerMandate, nil, func(ctx context.Context) error {
			_, err := cs.RevokeCustomerMandate(ctx, cid, mandateID)
			return err
		}},
		{storefronttest.OpListCustomerCards, nil, func(ctx context.Context) error {
			_, err := cs.ListCustomerCards(ctx, cid)
			return err
		}},
		{storefronttest.OpListSavedPaymentMethods, nil, func(ctx context.Context) error {
			_, err := cs.ListSavedPaymentMethods(ctx, cid, nil)
			return err
		}},
		{storefronttest.OpCreateDocument, []string{pdGSTIN}, func(ctx context.Context) error {
			_, err := cs.CreateDocument(ctx, cid, storefront.DocumentUpload{KycDocumentID: kycID["gst"], DocumentNumber: pdGSTIN,
				File: &storefront.Upload{Body: strings.NewReader("%PDF-1.4\n%%EOF\n"), Filename: "gst.pdf"}})
			return err
		}},
		{storefronttest.OpUpdateDocument, []string{pdNewPAN}, func(ctx context.Context) error {
			_, err := cs.UpdateDocument(ctx, cid, panID, storefront.DocumentUpload{KycDocumentID: kycID["pan"], DocumentNumber: pdNewPAN, ModifiedReason: "new card"})
			return err
		}},
		{storefronttest.OpVerifyDocument, []string{pdGSTIN}, func(ctx context.Context) error {
			_, err := cs.VerifyDocument(ctx, cid, storefront.VerifyDocumentBody{DocumentNumber: pdGSTIN, DocumentTypeID: kycID["gst"]})
			return err
		}},
		{storefronttest.OpGetDocument, nil, func(ctx context.Context) error {
			_, err := cs.GetDocument(ctx, cid, panID)
			return err
		}},
		{storefronttest.OpListDocuments, nil, func(ctx context.Context) error {
			_, err := cs.ListDocuments(ctx, cid)
			return err
		}},
	}

	for _, c := range calls {
		t.Run(c.op, func(t *testing.T) {
			for _, f := range personalFaults(c.sent) {
				srv.InjectFault(c.op, f.fault)
				err := c.call(ctx)
				srv.ClearFaults()
				require.Error(t, err, f.name)
				printed := []string{err.Error(), fmt.Sprintf("%+v", err)}
				var apiErr *storefront.APIError
				var malformed *storefront.MalformedResponseError
				switch {
				case errors.As(err, &apiErr):
					assert.Equal(t, f.status, apiErr.StatusCode, f.name)
					printed = append(printed, fmt.Sprintf("%#v", apiErr), apiErr.Body, apiErr.Message, fmt.Sprint(apiErr.Fields))
				case errors.As(err, &malformed):
					assert.Equal(t, f.status, malformed.StatusCode, f.name)
					printed = append(printed, fmt.Sprintf("%#v", malformed), malformed.Body, malformed.Reason)
				default:
					t.Fatalf("%s: %T: %v", f.name, err, err)
				}
				for _, n := range personalNumbers {
					for _, p := range printed {
						assert.NotContains(t, p, n, "%s: %s", f.name, p)
					}
				}
			}
			// Without a fault, the answer carries the numbers; the log
			// still does not.
			_ = c.call(ctx)
		})
	}
	log := logs.String()
	assert.Contains(t, log, "op=list-documents", "the debug log saw the calls")
	for _, n := range personalNumbers {
		assert.NotContains(t, log, n)
	}
}

type personalFault struct {
	name   string
	status int
	fault  storefronttest.Fault
}

// personalFaults are the bad answers a call meets: each carries the
// numbers it sent anywhere, and every personal number as the value of a
// field that names it.
func personalFaults(sent []string) []personalFault {
	echo := strings.Join(sent, ", ")
	envelope := fmt.Sprintf(`{"message":"cannot save %s: account_number=%s, card %s","success":false,"code":"bad_request",`+
		`"errors":{"account_number":"%s is blocked","document_number":"%s is invalid","card_number":"%s","note":"%s"}}`,
		echo, pdMandateAccount, pdCard, pdAccount, pdGSTIN, pdCard, echo)
	page := fmt.Sprintf(`<html><body><h1>502 Bad Gateway</h1><p>upstream failed for %s</p>`+
		`<pre>account_number=%s&document_number=%s&card_number=%s</pre></body></html>`, echo, pdAccount, pdPAN, pdCard)
	return []personalFault{
		{"400 echoing the numbers", 400, storefronttest.Fault{Status: 400, Body: []byte(envelope)}},
		{"HTML 502 printing them", 502, storefronttest.Fault{Status: 502, Body: []byte(page), ContentType: "text/html"}},
		{"200 cut in the middle of its answer", 200, storefronttest.Fault{Truncate: true}},
	}
}

func outboundAccount(number string) storefront.CreateBankAccount {
	var b storefront.CreateBankAccount
	if err := b.FromCreateOutboundBankAccount(storefront.CreateOutboundBankAccount{AccountType: "outbound",
		AccountName: "Asha Rao", AccountNumber: number, IfscCode: "HDFC0001234", BankName: "HDFC Bank"}); err != nil {
		panic(err)
	}
	return b
}

func mandateRequest(ref, number string) storefront.CreateCustomerMandate {
	return storefront.CreateCustomerMandate{PaymentMethodType: "NB", PaymentMethod: "NB_HDFC",
		ServiceProviderSlug: "juspay", GatewayReferenceID: ref, BankIfsc: "HDFC0001234", BankAccountNumber: number,
		BankBeneficiaryName: "Asha Rao"}
}

func ptrTo[T any](v T) *T { return &v }
