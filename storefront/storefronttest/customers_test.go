package storefronttest_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// A document of a type the store verifies by hand waits, submitted, until
// the store reviews it.
func TestManualDocumentsWaitForReview(t *testing.T) {
	e := newCEnv(t)
	sess, cid, info := e.customer()
	d := e.savedDocument(sess, cid, "other", "UDYAM-KR-03-0012345")
	assert.Equal(t, "submitted", string(*d.Status))
	assert.Equal(t, "manual", string(*d.VerificationType))
	require.NoError(t, e.srv.ReviewDocument(info.ID, *d.ID, true))
	c, err := sess.Customers.GetDocument(e.ctx, cid, *d.ID)
	require.NoError(t, err)
	assert.Equal(t, "approved", string(*c.Document.Status))
	assert.Equal(t, "admin", string(*c.Document.ModifiedBy))
	assert.NotNil(t, c.Document.VerifiedAt)
	assert.Error(t, e.srv.ReviewDocument(info.ID, "nope", true))

	_, err = sess.Customers.CreateDocument(e.ctx, cid, storefront.DocumentUpload{KycDocumentID: e.kycType("other").ID, DocumentNumber: "X-2",
		File: &storefront.Upload{Body: bytes.NewReader(pdfScan)}})
	apiStatus(t, err, 400, storefronttest.CodeAlreadyExists)
	e.srv.SetKYCEnabled(false)
	_, err = sess.Customers.CreateDocument(e.ctx, cid, storefront.DocumentUpload{KycDocumentID: e.kycType("pan").ID, DocumentNumber: testPAN})
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
}

// The catalog's plans: a fortnightly one bills every two weeks; one with
// trial days bills when the trial ends.
func TestSubscriptionPlans(t *testing.T) {
	e := newCEnv(t)
	sess, cid, _ := e.customer()
	e.savedAddress(sess, cid, "12 MG Road")
	today := e.srv.Now().UTC()

	c, err := sess.Subscriptions.CreateSubscription(e.ctx, standardSubscription(e.plan("coorg-arabica-beans"), "coorg-arabica-beans", "coorg-arabica-beans-whole-bean", 1))
	require.NoError(t, err)
	s := c.Subscription
	assert.Equal(t, "Fortnightly bag", s.PlanName)
	assert.Equal(t, storefront.SubscriptionDetailBillingFrequency("weekly"), s.BillingFrequency)
	assertPrice(t, "2", s.BillingInterval)
	assert.Equal(t, day(today.AddDate(0, 0, 14)), day(s.NextBillingDate.Time))

	c, err = sess.Subscriptions.CreateSubscription(e.ctx, standardSubscription(e.plan("assam-breakfast"), "assam-breakfast", "assam-breakfast-500-g", 1))
	require.NoError(t, err)
	s = c.Subscription
	assertPrice(t, "7", s.TrialDays)
	assert.Equal(t, day(today.AddDate(0, 0, 7)), day(s.NextBillingDate.Time), "billed when the trial ends")
	assert.Equal(t, day(today.AddDate(0, 0, 7)), day(s.TrialEndDate.Time))
	assert.Nil(t, s.LastPaymentDate, "nothing billed during the trial")

	// A variant the product does not have, and a quantity below the plan's
	// minimum of one.
	_, err = sess.Subscriptions.CreateSubscription(e.ctx, standardSubscription(e.plan("assam-breakfast"), "assam-breakfast", "assam-breakfast-1-kg", 1))
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	_, err = sess.Subscriptions.CreateSubscription(e.ctx, standardSubscription(e.plan("assam-breakfast"), "assam-breakfast", "assam-breakfast-500-g", 0))
	apiStatus(t, err, 400, storefronttest.CodeBadRequest)
}

// The fake's own log (WithLogger, at debug level) never holds an account,
// card or document number, whatever the requests and answers.
func TestFakeLogsHoldNoPersonalNumbers(t *testing.T) {
	var buf bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return buf.Write(p)
	}), &slog.HandlerOptions{Level: slog.LevelDebug}))
	e := newCEnv(t, storefronttest.WithLogger(logger))
	sess, cid, info := e.customer()
	b := e.savedAccount(sess, cid)
	_, err := sess.Customers.CreateBankAccount(e.ctx, cid, outbound(testAccount, testIFSC))
	apiStatus(t, err, 400, storefronttest.CodeAlreadyExists)
	e.savedDocument(sess, cid, "gst", testGSTIN)
	_, err = sess.Customers.VerifyDocument(e.ctx, cid, storefront.VerifyDocumentBody{DocumentNumber: testPANUnknown, DocumentTypeID: e.kycType("pan").ID})
	apiStatus(t, err, 400, storefronttest.CodeVerificationFailed)
	_, err = sess.Customers.CreateDocument(e.ctx, cid, storefront.DocumentUpload{KycDocumentID: e.kycType("pan").ID, DocumentNumber: "ABCDE12345"})
	apiStatus(t, err, 400, "")
	_, err = e.srv.AddCard(info.ID, storefronttest.CardInput{CardNumber: testCard, ExpMonth: 1, ExpYear: 2030, NameOnCard: "Asha"})
	require.NoError(t, err)
	_, err = sess.Customers.ListCustomerCards(e.ctx, cid)
	require.NoError(t, err)
	e.createdMandate(sess, cid, info.ID)
	_, err = sess.Customers.GetBankAccountDetail(e.ctx, cid, *b.ID)
	require.NoError(t, err)

	mu.Lock()
	logs := buf.String()
	mu.Unlock()
	assert.Contains(t, logs, "operation=create-document", "the fake logged the requests")
	for _, n := range []string{testAccount, testGSTIN, testPANUnknown, "ABCDE12345", testCard, testCard[12:] + "\""} {
		assert.NotContains(t, logs, n)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// Many requests for one customer at once: every address and account is
// kept, and each role has exactly one holder.
func TestCustomerRecordsUnderConcurrentRequests(t *testing.T) {
	e := newCEnv(t)
	sess, cid, _ := e.customer()
	const n = 24
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for i := range n {
		wg.Go(func() {
			in := homeAddress(fmt.Sprintf("%d MG Road", i+1))
			in.IsDefaultShipping = ptr(i%3 == 0)
			if _, err := sess.Customers.CreateAddress(e.ctx, cid, in); err != nil {
				errs <- err
			}
		})
		wg.Go(func() {
			if _, err := sess.Customers.CreateBankAccount(e.ctx, cid, outbound(fmt.Sprintf("5010012345%04d", i), testIFSC)); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	var billing, shipping, count int
	for a, err := range sess.Customers.ListAddressesAll(e.ctx, cid, &storefront.ListAddressesParams{Limit: limit(5)}) {
		require.NoError(t, err)
		count++
		if *a.IsDefaultBilling {
			billing++
		}
		if *a.IsDefaultShipping {
			shipping++
		}
	}
	assert.Equal(t, n, count)
	assert.Equal(t, 1, billing)
	assert.Equal(t, 1, shipping)
	c, err := sess.Customers.ListBankAccounts(e.ctx, cid, nil)
	require.NoError(t, err)
	require.Len(t, *c.BankAccounts, n)
	defaults := 0
	for _, b := range *c.BankAccounts {
		if *b.IsDefault {
			defaults++
		}
	}
	assert.Equal(t, 1, defaults)
}

// The test-data helpers refuse what the API never holds.
func TestCustomerTestDataIsChecked(t *testing.T) {
	srv := storefronttest.NewServer()
	defer srv.Close()
	u, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com"})
	require.NoError(t, err)
	for _, in := range []storefronttest.CardInput{
		{CardNumber: "4111111111111112", ExpMonth: 1, ExpYear: 2030, NameOnCard: "A"}, // fails the Luhn check
		{CardNumber: testCard, ExpMonth: 13, ExpYear: 2030, NameOnCard: "A"},
		{CardNumber: testCard, ExpMonth: 1, ExpYear: 2030},
		{CardNumber: testCard, ExpMonth: 1, ExpYear: 2030, NameOnCard: "A", Type: "PREPAID"},
	} {
		_, err := srv.AddCard(u.ID, in)
		assert.Error(t, err, "%v", in)
		assert.NotContains(t, fmt.Sprint(in), in.CardNumber, "the card number is not printed")
	}
	_, err = srv.AddCard("nobody", storefronttest.CardInput{CardNumber: testCard, ExpMonth: 1, ExpYear: 2030, NameOnCard: "A"})
	assert.Error(t, err)
	assert.Error(t, srv.AddSavedVPA(u.ID, "not a vpa"))
	assert.Error(t, srv.SetCreditLine(u.ID, &storefronttest.CreditLineInput{TotalLimit: dec("100"), PerOrderLimit: dec("50")}))
	assert.Error(t, srv.SetCreditLine(u.ID, &storefronttest.CreditLineInput{TotalLimit: dec("100"), Utilized: dec("101")}))
	assert.NoError(t, srv.SetCreditLine(u.ID, nil))
	_, err = srv.PennyDropAmount(u.ID, "nope")
	assert.Error(t, err)
	assert.Error(t, srv.AuthorizeMandate(u.ID, "nope", true))
}

// The customer's data belong to the server's store: another store ID is a
// 404, as for the catalog.
func TestCustomersOfAnotherStore(t *testing.T) {
	e := newCEnv(t)
	_, info, p := e.user()
	sess := e.otherStore().NewSession(nil)
	_, err := sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: p.Password})
	require.NoError(t, err)
	_, err = sess.Customers.ListAddresses(e.ctx, info.CustomerID, nil)
	apiStatus(t, err, 404, storefronttest.CodeNotFound)
	_, err = sess.Customers.CreateAddress(e.ctx, info.CustomerID, homeAddress("x"))
	apiStatus(t, err, 400, storefronttest.CodeNotFound)

}
