package storefronttest_test

// The conformance cases of the Customers and Subscriptions groups: each
// operation's success and each failure it declares, through the storefront
// client (sess.Customers, sess.Subscriptions) over the strict validating
// transport.

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Numbers the cases use: well-formed, and known to the fake's tax
// authority unless their name says otherwise.
const (
	testGSTIN        = "27AAPFU0939F1ZV"
	testGSTINBadSum  = "29ABCDE1234F1Z5" // its check character should be W
	testPAN          = "ABCPE1234F"
	testPANUnknown   = "ABCXE1234F" // X is no kind of PAN holder
	testAccount      = "50100123456789"
	testIFSC         = "HDFC0001234"
	testCard         = "4111111111111111"
	someoneElsesID   = "01J0000000000000000000000X"
	mandateReference = "jp-mandate-0001"
)

// customer logs in a new shopper and returns their session, customer ID
// and user.
func (e *cenv) customer() (*storefront.Session, string, storefronttest.UserInfo) {
	e.t.Helper()
	sess, info, _ := e.user()
	return sess, info.CustomerID, info
}

// homeAddress is a valid address in Bengaluru.
func homeAddress(line1 string) storefront.CustomerAddress {
	return storefront.CustomerAddress{FirstName: "Asha", LastName: ptr("Rao"), CountryCode: "+91", Phone: "9876543210",
		Email: "asha@example.com", AddressLine1: line1, Pincode: "560001", City: "Bengaluru", State: "Karnataka", Country: "India"}
}

func (e *cenv) savedAddress(sess *storefront.Session, cid, line1 string) storefront.CustomerAddress {
	e.t.Helper()
	c, err := sess.Customers.CreateAddress(e.ctx, cid, homeAddress(line1))
	require.NoError(e.t, err)
	return *c.Address
}

// outbound is an outbound bank account body.
func outbound(number, ifsc string) storefront.CreateBankAccount {
	var b storefront.CreateBankAccount
	if err := b.FromCreateOutboundBankAccount(storefront.CreateOutboundBankAccount{AccountType: "outbound",
		AccountName: "Asha Rao", AccountNumber: number, IfscCode: ifsc, BankName: "HDFC Bank"}); err != nil {
		panic(err)
	}
	return b
}

func (e *cenv) savedAccount(sess *storefront.Session, cid string) storefront.CustomerBankAccount {
	e.t.Helper()
	c, err := sess.Customers.CreateBankAccount(e.ctx, cid, outbound(testAccount, testIFSC))
	require.NoError(e.t, err)
	return *c.BankAccount
}

func verifyWith(amount decimal.Decimal) storefront.VerifyBankAccountBody {
	return storefront.VerifyBankAccountBody{IsVerified: true, Amount: &amount}
}

// kycType returns the store's KYC document type of a kind: gst, pan or
// other.
func (e *cenv) kycType(kind string) storefront.KycDocumentConfig {
	e.t.Helper()
	c, err := e.session().Store.ListKycDocument(e.ctx)
	require.NoError(e.t, err)
	for _, t := range *c.KycDocuments {
		if string(t.DocumentType) == kind {
			return t
		}
	}
	e.t.Fatalf("no KYC document type %s", kind)
	return storefront.KycDocumentConfig{}
}

var pdfScan = []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")

func (e *cenv) savedDocument(sess *storefront.Session, cid, kind, number string) storefront.Document {
	e.t.Helper()
	doc := storefront.DocumentUpload{KycDocumentID: e.kycType(kind).ID, DocumentNumber: number,
		File: &storefront.Upload{Body: bytes.NewReader(pdfScan), Filename: "scan.pdf"}}
	c, err := sess.Customers.CreateDocument(e.ctx, cid, doc)
	require.NoError(e.t, err)
	return *c.Document
}

func mandateBody(ref string) storefront.CreateCustomerMandate {
	return storefront.CreateCustomerMandate{PaymentMethodType: "NB", PaymentMethod: "NB_HDFC",
		ServiceProviderSlug: "juspay", GatewayReferenceID: ref, BankIfsc: testIFSC, BankAccountNumber: testAccount,
		BankBeneficiaryName: "Asha Rao"}
}

// createdMandate gives the customer a credit line and creates a mandate,
// waiting for authorisation.
func (e *cenv) createdMandate(sess *storefront.Session, cid, userID string) storefront.CustomerMandate {
	e.t.Helper()
	require.NoError(e.t, e.srv.SetCreditLine(userID, &storefronttest.CreditLineInput{TotalLimit: dec("50000")}))
	c, err := sess.Customers.CreateCustomerMandate(e.ctx, cid, mandateBody(mandateReference))
	require.NoError(e.t, err)
	return c.Mandate
}

// activeMandate creates a mandate, authorises it at the gateway and syncs
// it.
func (e *cenv) activeMandate(sess *storefront.Session, cid, userID string) storefront.CustomerMandate {
	e.t.Helper()
	m := e.createdMandate(sess, cid, userID)
	require.NoError(e.t, e.srv.AuthorizeMandate(userID, m.ID, true))
	c, err := sess.Customers.GetCustomerMandate(e.ctx, cid, m.ID, &storefront.GetCustomerMandateParams{Sync: ptr(true)})
	require.NoError(e.t, err)
	require.Equal(e.t, storefront.MandateStatus("active"), c.Mandate.Status)
	return c.Mandate
}

// plan returns the ID of a product's first subscription plan.
func (e *cenv) plan(product string) string {
	e.t.Helper()
	c, err := e.session().Catalog.GetProductDetail(e.ctx, product, nil)
	require.NoError(e.t, err)
	require.NotEmpty(e.t, c.Product.Subscription)
	return c.Product.Subscription[0].ID
}

// standardSubscription is a body subscribing to a plan with one item.
func standardSubscription(planID, product, variant string, qty int64) storefront.CreateSubscription {
	var b storefront.CreateSubscription
	if err := b.FromCreateStandardSubscription(storefront.CreateStandardSubscription{PlanType: "standard", PlanID: planID}); err != nil {
		panic(err)
	}
	item := storefront.SubscriptionItemInput{ProductID: product, Quantity: decimal.NewFromInt(qty)}
	if variant != "" {
		item.VariantID = &variant
	}
	b.InvoiceItems = []storefront.SubscriptionItemInput{item}
	b.IsCancellationAllowed, b.DaysUntilCancellationAllowed = true, dec("3")
	return b
}

// subscribed saves an address and subscribes the customer to the monthly
// tin of Darjeeling tea.
func (e *cenv) subscribed(sess *storefront.Session, cid string) storefront.SubscriptionDetail {
	e.t.Helper()
	e.savedAddress(sess, cid, "12 MG Road")
	c, err := sess.Subscriptions.CreateSubscription(e.ctx,
		standardSubscription(e.plan("darjeeling-first-flush"), "darjeeling-first-flush", "darjeeling-first-flush-100-g", 2))
	require.NoError(e.t, err)
	return c.Subscription
}

func pauseUntil(end time.Time) storefront.UpdateSubscriptionBody {
	var b storefront.UpdateSubscriptionBody
	if err := b.FromPauseSubscription(storefront.PauseSubscription{Command: "pause", PauseEndDate: &end}); err != nil {
		panic(err)
	}
	return b
}

func revokeBecause(reason string) storefront.UpdateSubscriptionBody {
	var b storefront.UpdateSubscriptionBody
	if err := b.FromRevokeSubscription(storefront.RevokeSubscription{Command: "revoke", Reason: reason}); err != nil {
		panic(err)
	}
	return b
}

// wait moves the server's clock on by d, keeping the shopper's login
// alive: their session refreshes every 20 days, before its refresh token
// expires.
func (e *cenv) wait(sess *storefront.Session, d time.Duration) {
	e.t.Helper()
	const step = 20 * 24 * time.Hour
	for d > 0 {
		move := min(d, step)
		e.srv.Advance(move)
		d -= move
		_, err := sess.Auth.GetUser(e.ctx, e.userOf(sess))
		require.NoError(e.t, err)
	}
}

func (e *cenv) userOf(sess *storefront.Session) string {
	e.t.Helper()
	c, err := sess.Peek(e.ctx)
	require.NoError(e.t, err)
	return c.UserID
}

func day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

func openDate(t time.Time) storefront.CalendarDate { return storefront.CalendarDate{Time: t} }

var customerConformanceCases = []conformanceCase{
	// list-addresses
	{storefronttest.OpListAddresses, 200, "a page of one, the first saved the default", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		first := e.savedAddress(sess, cid, "12 MG Road")
		e.savedAddress(sess, cid, "4 Brigade Road")
		c, err := sess.Customers.ListAddresses(e.ctx, cid, &storefront.ListAddressesParams{Limit: limit(1)})
		require.NoError(t, err)
		require.Len(t, *c.Addresses, 1)
		assert.Equal(t, first.ID, (*c.Addresses)[0].ID)
		assert.True(t, *(*c.Addresses)[0].IsDefaultShipping)
		assert.Equal(t, 2, c.Pagination.TotalRecords)
		assert.Equal(t, ptr(2), c.Pagination.NextPage)
	}},
	{storefronttest.OpListAddresses, 400, "limit 0 → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.ListAddresses(e.ctx, cid, &storefront.ListAddressesParams{Limit: limit(0)})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpListAddresses, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.ListAddresses(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
	}},
	{storefronttest.OpListAddresses, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.ListAddresses(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 404, storefronttest.CodeNotFound)
	}},

	// create-address
	{storefronttest.OpCreateAddress, 200, "state by ISO code, verified phone", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		in := homeAddress("12 MG Road")
		in.State, in.Phone = "in-ka", "9000000001"
		c, err := sess.Customers.CreateAddress(e.ctx, cid, in)
		require.NoError(t, err)
		a := c.Address
		require.NotNil(t, a.ID)
		assert.Equal(t, "Karnataka", a.State)
		assert.True(t, *a.IsDefaultBilling && *a.IsDefaultShipping, "the first address is the default")
		require.NotNil(t, a.IsEmailVerified)
		assert.False(t, *a.IsEmailVerified, "not the user's address")
	}},
	{storefronttest.OpCreateAddress, 400, "pincode of another state → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		in := homeAddress("12 MG Road")
		in.Pincode = "400001"
		_, err := sess.Customers.CreateAddress(e.ctx, cid, in)
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
		var apiErr *storefront.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Contains(t, apiErr.Fields, "pincode")
	}},
	{storefronttest.OpCreateAddress, 400, "country code not India's → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		in := homeAddress("12 MG Road")
		in.CountryCode = "+1"
		_, err := sess.Customers.CreateAddress(e.ctx, cid, in)
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpCreateAddress, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.CreateAddress(e.ctx, someoneElsesID, homeAddress("x"))
		apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
	}},

	// get-address-detail
	{storefronttest.OpGetAddressDetail, 200, "one address", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		a := e.savedAddress(sess, cid, "12 MG Road")
		c, err := sess.Customers.GetAddressDetail(e.ctx, cid, *a.ID)
		require.NoError(t, err)
		assert.Equal(t, "12 MG Road", c.Address.AddressLine1)
	}},
	{storefronttest.OpGetAddressDetail, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Customers.GetAddressDetail(e.ctx, someoneElsesID, "a")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetAddressDetail, 404, "another customer's address → 404", func(t *testing.T, e *cenv) {
		other, ocid, _ := e.customer()
		a := e.savedAddress(other, ocid, "12 MG Road")
		sess, cid, _ := e.customer()
		_, err := sess.Customers.GetAddressDetail(e.ctx, cid, *a.ID)
		apiStatus(t, err, 404, "")
	}},

	// update-address-detail
	{storefronttest.OpUpdateAddressDetail, 200, "edit and take the default shipping role", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		first := e.savedAddress(sess, cid, "12 MG Road")
		second := e.savedAddress(sess, cid, "4 Brigade Road")
		in := homeAddress("4 Brigade Road, 2nd floor")
		in.IsDefaultShipping = ptr(true)
		c, err := sess.Customers.UpdateAddressDetail(e.ctx, cid, *second.ID, in)
		require.NoError(t, err)
		assert.Equal(t, "4 Brigade Road, 2nd floor", c.Address.AddressLine1)
		assert.True(t, *c.Address.IsDefaultShipping)
		assert.False(t, *c.Address.IsDefaultBilling, "the billing role stays where it was")
		f, err := sess.Customers.GetAddressDetail(e.ctx, cid, *first.ID)
		require.NoError(t, err)
		assert.False(t, *f.Address.IsDefaultShipping)
		assert.True(t, *f.Address.IsDefaultBilling)
	}},
	{storefronttest.OpUpdateAddressDetail, 400, "nine-digit phone → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		a := e.savedAddress(sess, cid, "12 MG Road")
		in := homeAddress("12 MG Road")
		in.Phone = "987654321"
		_, err := sess.Customers.UpdateAddressDetail(e.ctx, cid, *a.ID, in)
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpUpdateAddressDetail, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.UpdateAddressDetail(e.ctx, someoneElsesID, "a", homeAddress("x"))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUpdateAddressDetail, 404, "unknown address → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.UpdateAddressDetail(e.ctx, cid, "01J00000000000000000000000", homeAddress("x"))
		apiStatus(t, err, 404, "")
	}},

	// delete-address
	{storefronttest.OpDeleteAddress, 200, "the default's role passes on", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		first := e.savedAddress(sess, cid, "12 MG Road")
		second := e.savedAddress(sess, cid, "4 Brigade Road")
		require.NoError(t, sess.Customers.DeleteAddress(e.ctx, cid, *first.ID))
		c, err := sess.Customers.GetAddressDetail(e.ctx, cid, *second.ID)
		require.NoError(t, err)
		assert.True(t, *c.Address.IsDefaultBilling && *c.Address.IsDefaultShipping)
		_, err = sess.Customers.GetAddressDetail(e.ctx, cid, *first.ID)
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpDeleteAddress, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.endedSession().Customers.DeleteAddress(e.ctx, someoneElsesID, "a"), 401, "")
	}},
	{storefronttest.OpDeleteAddress, 404, "deleted twice → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		a := e.savedAddress(sess, cid, "12 MG Road")
		require.NoError(t, sess.Customers.DeleteAddress(e.ctx, cid, *a.ID))
		apiStatus(t, sess.Customers.DeleteAddress(e.ctx, cid, *a.ID), 404, "")
	}},

	// list-bank-accounts
	{storefronttest.OpListBankAccounts, 200, "outbound only", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		e.savedAccount(sess, cid)
		var in storefront.CreateBankAccount
		require.NoError(t, in.FromCreateInboundBankAccount(storefront.CreateInboundBankAccount{AccountType: "inbound", ServiceProviderSlug: "juspay"}))
		_, err := sess.Customers.CreateBankAccount(e.ctx, cid, in)
		require.NoError(t, err)
		kind := storefront.ListBankAccountsParamsAccountType("outbound")
		c, err := sess.Customers.ListBankAccounts(e.ctx, cid, &storefront.ListBankAccountsParams{AccountType: &kind})
		require.NoError(t, err)
		require.Len(t, *c.BankAccounts, 1)
		assert.Equal(t, testAccount, (*c.BankAccounts)[0].AccountNumber)
		all, err := sess.Customers.ListBankAccounts(e.ctx, cid, nil)
		require.NoError(t, err)
		assert.Len(t, *all.BankAccounts, 2)
	}},
	{storefronttest.OpListBankAccounts, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.ListBankAccounts(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListBankAccounts, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.ListBankAccounts(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 404, "")
	}},

	// create-bank-account
	{storefronttest.OpCreateBankAccount, 200, "outbound, unverified, the default", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		b := e.savedAccount(sess, cid)
		require.NotNil(t, b.ID)
		assert.False(t, *b.IsVerified)
		assert.True(t, *b.IsDefault)
		assert.Equal(t, testIFSC, b.IfscCode)
	}},
	{storefronttest.OpCreateBankAccount, 200, "inbound: a virtual account, verified by its provider", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		var in storefront.CreateBankAccount
		require.NoError(t, in.FromCreateInboundBankAccount(storefront.CreateInboundBankAccount{AccountType: "inbound", ServiceProviderSlug: "payu"}))
		c, err := sess.Customers.CreateBankAccount(e.ctx, cid, in)
		require.NoError(t, err)
		assert.True(t, *c.BankAccount.IsVerified)
		assert.Equal(t, "ICICI Bank", c.BankAccount.BankName)
		assert.Len(t, c.BankAccount.AccountNumber, 16)
	}},
	{storefronttest.OpCreateBankAccount, 400, "malformed IFSC → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.CreateBankAccount(e.ctx, cid, outbound(testAccount, "HDFC1234567"))
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpCreateBankAccount, 400, "the same account twice → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		e.savedAccount(sess, cid)
		_, err := sess.Customers.CreateBankAccount(e.ctx, cid, outbound(testAccount, testIFSC))
		apiStatus(t, err, 400, storefronttest.CodeAlreadyExists)
	}},
	{storefronttest.OpCreateBankAccount, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.CreateBankAccount(e.ctx, someoneElsesID, outbound(testAccount, testIFSC))
		apiStatus(t, err, 401, "")
	}},

	// get-bank-account-detail
	{storefronttest.OpGetBankAccountDetail, 200, "one account", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		b := e.savedAccount(sess, cid)
		c, err := sess.Customers.GetBankAccountDetail(e.ctx, cid, *b.ID)
		require.NoError(t, err)
		assert.Equal(t, "Asha Rao", c.BankAccount.AccountName)
	}},
	{storefronttest.OpGetBankAccountDetail, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Customers.GetBankAccountDetail(e.ctx, someoneElsesID, "b")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetBankAccountDetail, 404, "unknown account → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.GetBankAccountDetail(e.ctx, cid, "01J00000000000000000000000")
		apiStatus(t, err, 404, "")
	}},

	// update-bank-account
	{storefronttest.OpUpdateBankAccount, 200, "a new number unverifies the account", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		b := e.savedAccount(sess, cid)
		amount, err := e.srv.PennyDropAmount(info.ID, *b.ID)
		require.NoError(t, err)
		_, err = sess.Customers.VerifyBankAccount(e.ctx, cid, *b.ID, verifyWith(amount))
		require.NoError(t, err)
		var up storefront.UpdateBankAccount
		require.NoError(t, up.FromUpdateOutboundBankAccount(storefront.UpdateOutboundBankAccount{AccountType: "outbound", AccountNumber: ptr("50100987654321")}))
		c, err := sess.Customers.UpdateBankAccount(e.ctx, cid, *b.ID, up)
		require.NoError(t, err)
		assert.Equal(t, "50100987654321", c.BankAccount.AccountNumber)
		assert.False(t, *c.BankAccount.IsVerified)
		again, err := e.srv.PennyDropAmount(info.ID, *b.ID)
		require.NoError(t, err)
		v, err := sess.Customers.VerifyBankAccount(e.ctx, cid, *b.ID, verifyWith(again))
		require.NoError(t, err, "the new deposit verifies the new number")
		assert.True(t, *v.BankAccount.IsVerified)
	}},
	{storefronttest.OpUpdateBankAccount, 400, "the other type's body → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		b := e.savedAccount(sess, cid)
		var up storefront.UpdateBankAccount
		require.NoError(t, up.FromUpdateInboundBankAccount(storefront.UpdateInboundBankAccount{AccountType: "inbound", IsDefault: ptr(true)}))
		_, err := sess.Customers.UpdateBankAccount(e.ctx, cid, *b.ID, up)
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpUpdateBankAccount, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		var up storefront.UpdateBankAccount
		require.NoError(t, up.FromUpdateInboundBankAccount(storefront.UpdateInboundBankAccount{AccountType: "inbound"}))
		_, err := e.session().Customers.UpdateBankAccount(e.ctx, someoneElsesID, "b", up)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUpdateBankAccount, 404, "unknown account → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		var up storefront.UpdateBankAccount
		require.NoError(t, up.FromUpdateOutboundBankAccount(storefront.UpdateOutboundBankAccount{AccountType: "outbound", BankName: ptr("HDFC")}))
		_, err := sess.Customers.UpdateBankAccount(e.ctx, cid, "01J00000000000000000000000", up)
		apiStatus(t, err, 404, "")
	}},

	// delete-bank-account
	{storefronttest.OpDeleteBankAccount, 200, "deleted", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		b := e.savedAccount(sess, cid)
		require.NoError(t, sess.Customers.DeleteBankAccount(e.ctx, cid, *b.ID))
		c, err := sess.Customers.ListBankAccounts(e.ctx, cid, nil)
		require.NoError(t, err)
		assert.Empty(t, *c.BankAccounts)
	}},
	{storefronttest.OpDeleteBankAccount, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.endedSession().Customers.DeleteBankAccount(e.ctx, someoneElsesID, "b"), 401, "")
	}},
	{storefronttest.OpDeleteBankAccount, 404, "another customer's account → 404", func(t *testing.T, e *cenv) {
		other, ocid, _ := e.customer()
		b := e.savedAccount(other, ocid)
		sess, cid, _ := e.customer()
		apiStatus(t, sess.Customers.DeleteBankAccount(e.ctx, cid, *b.ID), 404, "")
	}},

	// verify-bank-account
	{storefronttest.OpVerifyBankAccount, 200, "the penny-drop amount verifies", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		b := e.savedAccount(sess, cid)
		amount, err := e.srv.PennyDropAmount(info.ID, *b.ID)
		require.NoError(t, err)
		assert.True(t, amount.GreaterThan(dec("1")) && amount.LessThan(dec("2")), "one rupee and some paise: %s", amount)
		c, err := sess.Customers.VerifyBankAccount(e.ctx, cid, *b.ID, verifyWith(amount))
		require.NoError(t, err)
		assert.True(t, *c.BankAccount.IsVerified)
		c, err = sess.Customers.VerifyBankAccount(e.ctx, cid, *b.ID, storefront.VerifyBankAccountBody{IsVerified: false})
		require.NoError(t, err)
		assert.False(t, *c.BankAccount.IsVerified, "marked unverified again")
	}},
	{storefronttest.OpVerifyBankAccount, 400, "wrong amounts, then the deposit is spent → 400", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		b := e.savedAccount(sess, cid)
		amount, err := e.srv.PennyDropAmount(info.ID, *b.ID)
		require.NoError(t, err)
		wrong := amount.Add(dec("0.01"))
		if wrong.GreaterThan(dec("1.99")) {
			wrong = dec("1.01")
		}
		for range storefronttest.MaxPennyDropAttempts {
			_, err = sess.Customers.VerifyBankAccount(e.ctx, cid, *b.ID, verifyWith(wrong))
			apiStatus(t, err, 400, storefronttest.CodeVerificationFailed)
		}
		_, err = sess.Customers.VerifyBankAccount(e.ctx, cid, *b.ID, verifyWith(amount))
		apiStatus(t, err, 400, storefronttest.CodeTooManyAttempts)
	}},
	{storefronttest.OpVerifyBankAccount, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.VerifyBankAccount(e.ctx, someoneElsesID, "b", verifyWith(dec("1.5")))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpVerifyBankAccount, 404, "unknown account → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.VerifyBankAccount(e.ctx, cid, "01J00000000000000000000000", verifyWith(dec("1.5")))
		apiStatus(t, err, 404, "")
	}},

	// list-customer-cards
	{storefronttest.OpListCustomerCards, 200, "a saved card, masked", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		ref, err := e.srv.AddCard(info.ID, storefronttest.CardInput{CardNumber: testCard, ExpMonth: 12, ExpYear: 2031, NameOnCard: "Asha Rao"})
		require.NoError(t, err)
		c, err := sess.Customers.ListCustomerCards(e.ctx, cid)
		require.NoError(t, err)
		require.Len(t, c.Cards, 1)
		card := c.Cards[0]
		assert.Equal(t, "4111-XXXXXXXX-1111", card.CardNumber)
		assert.Equal(t, "VISA", card.CardBrand)
		assert.Equal(t, ref, card.CardReference)
		assert.False(t, card.Expired)
	}},
	{storefronttest.OpListCustomerCards, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Customers.ListCustomerCards(e.ctx, someoneElsesID)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListCustomerCards, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.ListCustomerCards(e.ctx, someoneElsesID)
		apiStatus(t, err, 404, "")
	}},

	// get-customer-credit-line-balance
	{storefronttest.OpGetCustomerCreditLineBalance, 200, "balance and active mandates", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		c, err := sess.Customers.GetCustomerCreditLineBalance(e.ctx, cid)
		require.NoError(t, err)
		assert.False(t, c.IsEligible)
		assert.Nil(t, c.CreditLineBalance)
		m := e.activeMandate(sess, cid, info.ID)
		require.NoError(t, e.srv.SetCreditLine(info.ID, &storefronttest.CreditLineInput{TotalLimit: dec("50000"), Utilized: dec("12500")}))
		c, err = sess.Customers.GetCustomerCreditLineBalance(e.ctx, cid)
		require.NoError(t, err)
		assert.True(t, c.IsEligible)
		assertPrice(t, "37500", c.CreditLineBalance.BalanceAmount)
		require.Len(t, c.ActiveMandates, 1)
		assert.Equal(t, m.ID, c.ActiveMandates[0].ID)
	}},
	{storefronttest.OpGetCustomerCreditLineBalance, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.GetCustomerCreditLineBalance(e.ctx, someoneElsesID)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetCustomerCreditLineBalance, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.GetCustomerCreditLineBalance(e.ctx, someoneElsesID)
		apiStatus(t, err, 404, "")
	}},

	// list-documents
	{storefronttest.OpListDocuments, 200, "a PAN, approved automatically", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		e.savedDocument(sess, cid, "pan", testPAN)
		c, err := sess.Customers.ListDocuments(e.ctx, cid)
		require.NoError(t, err)
		require.Len(t, *c.Documents, 1)
		d := (*c.Documents)[0]
		assert.Equal(t, "approved", string(*d.Status))
		assert.True(t, *d.IsVerified)
		assert.Equal(t, testPAN, d.DocumentNumber)
	}},
	{storefronttest.OpListDocuments, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.ListDocuments(e.ctx, someoneElsesID)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListDocuments, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.ListDocuments(e.ctx, someoneElsesID)
		apiStatus(t, err, 404, "")
	}},

	// create-document
	{storefronttest.OpCreateDocument, 200, "a GSTIN with its certificate", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		d := e.savedDocument(sess, cid, "gst", testGSTIN)
		assert.Equal(t, "approved", string(*d.Status))
		assert.Equal(t, "automatic", string(*d.VerificationType))
		require.NotNil(t, d.FileURL)
		assert.Contains(t, *d.FileURL, "scan.pdf")
	}},
	{storefronttest.OpCreateDocument, 200, "a GSTIN whose check character is wrong is rejected", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		d := e.savedDocument(sess, cid, "gst", testGSTINBadSum)
		assert.Equal(t, "rejected", string(*d.Status))
		assert.False(t, *d.IsVerified)
	}},
	{storefronttest.OpCreateDocument, 400, "the certificate is missing → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.CreateDocument(e.ctx, cid, storefront.DocumentUpload{KycDocumentID: e.kycType("gst").ID, DocumentNumber: testGSTIN})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
		var apiErr *storefront.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Contains(t, apiErr.Fields, "file")
	}},
	{storefronttest.OpCreateDocument, 400, "a malformed PAN → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.CreateDocument(e.ctx, cid, storefront.DocumentUpload{KycDocumentID: e.kycType("pan").ID, DocumentNumber: "ABCDE12345"})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpCreateDocument, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.CreateDocument(e.ctx, someoneElsesID, storefront.DocumentUpload{KycDocumentID: "k", DocumentNumber: testPAN})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpCreateDocument, 404, "unknown document type → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.CreateDocument(e.ctx, cid, storefront.DocumentUpload{KycDocumentID: "no-such-type", DocumentNumber: testPAN})
		apiStatus(t, err, 404, "")
	}},

	// verify-document
	{storefronttest.OpVerifyDocument, 200, "a known GSTIN", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		c, err := sess.Customers.VerifyDocument(e.ctx, cid, storefront.VerifyDocumentBody{DocumentNumber: testGSTIN, DocumentTypeID: e.kycType("gst").ID})
		require.NoError(t, err)
		g, err := c.Document.AsGstinDetail()
		require.NoError(t, err)
		assert.NotEmpty(t, *g.ID)
	}},
	{storefronttest.OpVerifyDocument, 400, "a PAN of no kind of holder → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.VerifyDocument(e.ctx, cid, storefront.VerifyDocumentBody{DocumentNumber: testPANUnknown, DocumentTypeID: e.kycType("pan").ID})
		apiStatus(t, err, 400, storefronttest.CodeVerificationFailed)
	}},
	{storefronttest.OpVerifyDocument, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.VerifyDocument(e.ctx, someoneElsesID, storefront.VerifyDocumentBody{DocumentNumber: testPAN, DocumentTypeID: "k"})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpVerifyDocument, 404, "unknown document type → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.VerifyDocument(e.ctx, cid, storefront.VerifyDocumentBody{DocumentNumber: testPAN, DocumentTypeID: "no-such-type"})
		apiStatus(t, err, 404, "")
	}},

	// get-document
	{storefronttest.OpGetDocument, 200, "one document", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		d := e.savedDocument(sess, cid, "pan", testPAN)
		c, err := sess.Customers.GetDocument(e.ctx, cid, *d.ID)
		require.NoError(t, err)
		assert.Equal(t, "PAN", *c.Document.Title)
	}},
	{storefronttest.OpGetDocument, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Customers.GetDocument(e.ctx, someoneElsesID, "d")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetDocument, 404, "unknown document → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.GetDocument(e.ctx, cid, "01J00000000000000000000000")
		apiStatus(t, err, 404, "")
	}},

	// update-document
	{storefronttest.OpUpdateDocument, 200, "a rejected GSTIN replaced, with the reason", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		d := e.savedDocument(sess, cid, "gst", testGSTINBadSum)
		c, err := sess.Customers.UpdateDocument(e.ctx, cid, *d.ID, storefront.DocumentUpload{KycDocumentID: e.kycType("gst").ID,
			DocumentNumber: testGSTIN, ModifiedReason: "typo in the check character"})
		require.NoError(t, err)
		assert.Equal(t, "approved", string(*c.Document.Status))
		assert.Equal(t, "typo in the check character", *c.Document.ModifiedReason)
		assert.Equal(t, d.FileURL, c.Document.FileURL, "the scan stays")
	}},
	{storefronttest.OpUpdateDocument, 400, "another type → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		d := e.savedDocument(sess, cid, "pan", testPAN)
		_, err := sess.Customers.UpdateDocument(e.ctx, cid, *d.ID, storefront.DocumentUpload{KycDocumentID: e.kycType("gst").ID,
			DocumentNumber: testGSTIN, ModifiedReason: "wrong type"})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpUpdateDocument, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.UpdateDocument(e.ctx, someoneElsesID, "d", storefront.DocumentUpload{KycDocumentID: "k", DocumentNumber: testPAN, ModifiedReason: "r"})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUpdateDocument, 404, "unknown document → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.UpdateDocument(e.ctx, cid, "01J00000000000000000000000", storefront.DocumentUpload{KycDocumentID: "k", DocumentNumber: testPAN, ModifiedReason: "r"})
		apiStatus(t, err, 404, "")
	}},

	// delete-document
	{storefronttest.OpDeleteDocument, 200, "a rejected document", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		d := e.savedDocument(sess, cid, "pan", testPANUnknown)
		require.Equal(t, "rejected", string(*d.Status))
		require.NoError(t, sess.Customers.DeleteDocument(e.ctx, cid, *d.ID))
	}},
	{storefronttest.OpDeleteDocument, 400, "an approved document → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		d := e.savedDocument(sess, cid, "pan", testPAN)
		apiStatus(t, sess.Customers.DeleteDocument(e.ctx, cid, *d.ID), 400, storefronttest.CodeDocumentLocked)
	}},
	{storefronttest.OpDeleteDocument, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		apiStatus(t, e.endedSession().Customers.DeleteDocument(e.ctx, someoneElsesID, "d"), 401, "")
	}},
	{storefronttest.OpDeleteDocument, 404, "unknown document → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		apiStatus(t, sess.Customers.DeleteDocument(e.ctx, cid, "01J00000000000000000000000"), 404, "")
	}},

	// get-loyalty-details
	{storefronttest.OpGetLoyaltyDetails, 200, "balance and tier", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		require.NoError(t, e.srv.SetLoyaltyPoints(info.ID, dec("1500")))
		require.NoError(t, e.srv.SetLoyaltyPoints(info.ID, dec("1200")))
		c, err := sess.Customers.GetLoyaltyDetails(e.ctx, cid)
		require.NoError(t, err)
		l := c.Loyalty
		assertPrice(t, "1200", *l.PointsBalance)
		assertPrice(t, "1500", *l.PointsEarned)
		assertPrice(t, "300", *l.PointsRedeemed)
		assert.Equal(t, "Gold", *l.CurrentTier)
		assert.Len(t, *l.MembershipNumber, 12)
	}},
	{storefronttest.OpGetLoyaltyDetails, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.GetLoyaltyDetails(e.ctx, someoneElsesID)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetLoyaltyDetails, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.GetLoyaltyDetails(e.ctx, someoneElsesID)
		apiStatus(t, err, 404, "")
	}},

	// list-loyalty-activities
	{storefronttest.OpListLoyaltyActivities, 200, "the ledger, newest first, a page at a time", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		for _, p := range []string{"100", "250", "40"} {
			require.NoError(t, e.srv.SetLoyaltyPoints(info.ID, dec(p)))
			e.srv.Advance(time.Hour)
		}
		c, err := sess.Customers.ListLoyaltyActivities(e.ctx, cid, &storefront.ListLoyaltyActivitiesParams{Limit: limit(2)})
		require.NoError(t, err)
		list := *c.LoyaltyPointsActivity
		require.Len(t, list, 2)
		assert.Equal(t, "remove", string(*list[0].Action))
		assertPrice(t, "210", *list[0].LoyaltyPoints)
		c, err = sess.Customers.ListLoyaltyActivities(e.ctx, cid, &storefront.ListLoyaltyActivitiesParams{SortBy: sortBy(`{"loyalty_points":"asc"}`)})
		require.NoError(t, err)
		assertPrice(t, "100", *(*c.LoyaltyPointsActivity)[0].LoyaltyPoints)
	}},
	{storefronttest.OpListLoyaltyActivities, 400, "unknown sort field → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.ListLoyaltyActivities(e.ctx, cid, &storefront.ListLoyaltyActivitiesParams{SortBy: sortBy(`{"title":"asc"}`)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListLoyaltyActivities, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Customers.ListLoyaltyActivities(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListLoyaltyActivities, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.ListLoyaltyActivities(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 404, "")
	}},

	// list-customer-mandate-debit-schedules
	{storefronttest.OpListCustomerMandateDebitSchedules, 200, "monthly debits, a pause cancels one", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.activeMandate(sess, cid, info.ID)
		e.wait(sess, 40*24*time.Hour) // one debit made
		_, err := sess.Customers.PauseCustomerMandate(e.ctx, cid, m.ID)
		require.NoError(t, err)
		e.wait(sess, 30*24*time.Hour) // the second falls in the pause
		_, err = sess.Customers.ResumeCustomerMandate(e.ctx, cid, m.ID)
		require.NoError(t, err)
		c, err := sess.Customers.ListCustomerMandateDebitSchedules(e.ctx, cid, nil)
		require.NoError(t, err)
		got := names(c.MandateDebitSchedules, func(d storefront.MandateDebitSchedule) string { return string(d.Status) })
		assert.Equal(t, []string{"scheduled", "cancelled", "debit-success"}, got, "newest first")
		assert.Equal(t, 3, c.Pagination.TotalRecords)
		page, err := sess.Customers.ListCustomerMandateDebitSchedules(e.ctx, cid, &storefront.ListCustomerMandateDebitSchedulesParams{Page: limit(2), Limit: limit(2)})
		require.NoError(t, err)
		require.Len(t, page.MandateDebitSchedules, 1)
		assert.Equal(t, c.MandateDebitSchedules[2].ID, page.MandateDebitSchedules[0].ID)
	}},
	{storefronttest.OpListCustomerMandateDebitSchedules, 400, "page 0 → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.ListCustomerMandateDebitSchedules(e.ctx, cid, &storefront.ListCustomerMandateDebitSchedulesParams{Page: limit(0)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListCustomerMandateDebitSchedules, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.ListCustomerMandateDebitSchedules(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListCustomerMandateDebitSchedules, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.ListCustomerMandateDebitSchedules(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 404, "")
	}},

	// list-customer-mandates
	{storefronttest.OpListCustomerMandates, 200, "one mandate waiting for authorisation", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.createdMandate(sess, cid, info.ID)
		c, err := sess.Customers.ListCustomerMandates(e.ctx, cid)
		require.NoError(t, err)
		require.Len(t, c.Mandates, 1)
		assert.Equal(t, m.ID, c.Mandates[0].ID)
		assert.Equal(t, storefront.MandateStatus("created"), c.Mandates[0].Status)
	}},
	{storefronttest.OpListCustomerMandates, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Customers.ListCustomerMandates(e.ctx, someoneElsesID)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListCustomerMandates, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.ListCustomerMandates(e.ctx, someoneElsesID)
		apiStatus(t, err, 404, "")
	}},

	// create-customer-mandate
	{storefronttest.OpCreateCustomerMandate, 200, "created, capped by the credit line", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.createdMandate(sess, cid, info.ID)
		assert.Equal(t, storefront.MandateStatus("created"), m.Status)
		assertPrice(t, "50000", *m.MaxAmount)
		assert.Equal(t, "monthly", *m.Frequency)
		assert.Equal(t, "HDFC Bank", *m.PaymentInfo.BankDetails.BankName)
	}},
	{storefronttest.OpCreateCustomerMandate, 400, "no credit line → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.CreateCustomerMandate(e.ctx, cid, mandateBody(mandateReference))
		apiStatus(t, err, 400, storefronttest.CodeNotEligible)
	}},
	{storefronttest.OpCreateCustomerMandate, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.CreateCustomerMandate(e.ctx, someoneElsesID, mandateBody(mandateReference))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpCreateCustomerMandate, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.CreateCustomerMandate(e.ctx, someoneElsesID, mandateBody(mandateReference))
		apiStatus(t, err, 404, "")
	}},

	// get-customer-mandate
	{storefronttest.OpGetCustomerMandate, 200, "active only once synced with the gateway", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.createdMandate(sess, cid, info.ID)
		require.NoError(t, e.srv.AuthorizeMandate(info.ID, m.ID, true))
		c, err := sess.Customers.GetCustomerMandate(e.ctx, cid, m.ID, nil)
		require.NoError(t, err)
		assert.Equal(t, storefront.MandateStatus("created"), c.Mandate.Status, "not synced")
		c, err = sess.Customers.GetCustomerMandate(e.ctx, cid, m.ID, &storefront.GetCustomerMandateParams{Sync: ptr(true)})
		require.NoError(t, err)
		assert.Equal(t, storefront.MandateStatus("active"), c.Mandate.Status)
		assert.NotNil(t, c.Mandate.ActivatedAt)
	}},
	{storefronttest.OpGetCustomerMandate, 200, "refused at the gateway: error", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.createdMandate(sess, cid, info.ID)
		require.NoError(t, e.srv.AuthorizeMandate(info.ID, m.ID, false))
		c, err := sess.Customers.GetCustomerMandate(e.ctx, cid, m.ID, &storefront.GetCustomerMandateParams{Sync: ptr(true)})
		require.NoError(t, err)
		assert.Equal(t, storefront.MandateStatus("error"), c.Mandate.Status)
	}},
	{storefronttest.OpGetCustomerMandate, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.GetCustomerMandate(e.ctx, someoneElsesID, "m", nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetCustomerMandate, 404, "unknown mandate → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.GetCustomerMandate(e.ctx, cid, "01J00000000000000000000000", nil)
		apiStatus(t, err, 404, "")
	}},

	// update-customer-mandate
	{storefronttest.OpUpdateCustomerMandate, 200, "a lower ceiling and an earlier end", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.activeMandate(sess, cid, info.ID)
		end := e.srv.Now().AddDate(1, 0, 0).UTC().Truncate(time.Second)
		c, err := sess.Customers.UpdateCustomerMandate(e.ctx, cid, m.ID, storefront.UpdateCustomerMandateBody{MaxAmount: ptr(dec("20000")), EndAt: &end})
		require.NoError(t, err)
		assertPrice(t, "20000", *c.Mandate.MaxAmount)
		assert.True(t, end.Equal(*c.Mandate.EndDate))
	}},
	{storefronttest.OpUpdateCustomerMandate, 400, "above the per-order limit → 400", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.activeMandate(sess, cid, info.ID)
		_, err := sess.Customers.UpdateCustomerMandate(e.ctx, cid, m.ID, storefront.UpdateCustomerMandateBody{MaxAmount: ptr(dec("50000.01"))})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpUpdateCustomerMandate, 400, "not active yet → 400", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.createdMandate(sess, cid, info.ID)
		_, err := sess.Customers.UpdateCustomerMandate(e.ctx, cid, m.ID, storefront.UpdateCustomerMandateBody{MaxAmount: ptr(dec("100"))})
		apiStatus(t, err, 400, storefronttest.CodeInvalidTransition)
	}},
	{storefronttest.OpUpdateCustomerMandate, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Customers.UpdateCustomerMandate(e.ctx, someoneElsesID, "m", storefront.UpdateCustomerMandateBody{MaxAmount: ptr(dec("1"))})
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUpdateCustomerMandate, 404, "unknown mandate → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.UpdateCustomerMandate(e.ctx, cid, "01J00000000000000000000000", storefront.UpdateCustomerMandateBody{MaxAmount: ptr(dec("1"))})
		apiStatus(t, err, 404, "")
	}},

	// pause-customer-mandate
	{storefronttest.OpPauseCustomerMandate, 200, "active → paused", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.activeMandate(sess, cid, info.ID)
		c, err := sess.Customers.PauseCustomerMandate(e.ctx, cid, m.ID)
		require.NoError(t, err)
		assert.Equal(t, storefront.MandateStatus("paused"), c.Mandate.Status)
	}},
	{storefronttest.OpPauseCustomerMandate, 400, "paused twice → 400", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.activeMandate(sess, cid, info.ID)
		_, err := sess.Customers.PauseCustomerMandate(e.ctx, cid, m.ID)
		require.NoError(t, err)
		_, err = sess.Customers.PauseCustomerMandate(e.ctx, cid, m.ID)
		apiStatus(t, err, 400, storefronttest.CodeInvalidTransition)
	}},
	{storefronttest.OpPauseCustomerMandate, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.PauseCustomerMandate(e.ctx, someoneElsesID, "m")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpPauseCustomerMandate, 404, "unknown mandate → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.PauseCustomerMandate(e.ctx, cid, "01J00000000000000000000000")
		apiStatus(t, err, 404, "")
	}},

	// resume-customer-mandate
	{storefronttest.OpResumeCustomerMandate, 200, "paused → active", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.activeMandate(sess, cid, info.ID)
		_, err := sess.Customers.PauseCustomerMandate(e.ctx, cid, m.ID)
		require.NoError(t, err)
		c, err := sess.Customers.ResumeCustomerMandate(e.ctx, cid, m.ID)
		require.NoError(t, err)
		assert.Equal(t, storefront.MandateStatus("active"), c.Mandate.Status)
	}},
	{storefronttest.OpResumeCustomerMandate, 400, "an active mandate → 400", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.activeMandate(sess, cid, info.ID)
		_, err := sess.Customers.ResumeCustomerMandate(e.ctx, cid, m.ID)
		apiStatus(t, err, 400, storefronttest.CodeInvalidTransition)
	}},
	{storefronttest.OpResumeCustomerMandate, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Customers.ResumeCustomerMandate(e.ctx, someoneElsesID, "m")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpResumeCustomerMandate, 404, "unknown mandate → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.ResumeCustomerMandate(e.ctx, cid, "01J00000000000000000000000")
		apiStatus(t, err, 404, "")
	}},

	// revoke-customer-mandate
	{storefronttest.OpRevokeCustomerMandate, 200, "paused → revoked, for good", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.activeMandate(sess, cid, info.ID)
		_, err := sess.Customers.PauseCustomerMandate(e.ctx, cid, m.ID)
		require.NoError(t, err)
		c, err := sess.Customers.RevokeCustomerMandate(e.ctx, cid, m.ID)
		require.NoError(t, err)
		assert.Equal(t, storefront.MandateStatus("revoked"), c.Mandate.Status)
		_, err = sess.Customers.ResumeCustomerMandate(e.ctx, cid, m.ID)
		apiStatus(t, err, 400, storefronttest.CodeInvalidTransition)
	}},
	{storefronttest.OpRevokeCustomerMandate, 400, "not yet authorised → 400", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		m := e.createdMandate(sess, cid, info.ID)
		_, err := sess.Customers.RevokeCustomerMandate(e.ctx, cid, m.ID)
		apiStatus(t, err, 400, storefronttest.CodeInvalidTransition)
	}},
	{storefronttest.OpRevokeCustomerMandate, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.RevokeCustomerMandate(e.ctx, someoneElsesID, "m")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpRevokeCustomerMandate, 404, "unknown mandate → 404", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.RevokeCustomerMandate(e.ctx, cid, "01J00000000000000000000000")
		apiStatus(t, err, 404, "")
	}},

	// list-saved-payment-methods
	{storefronttest.OpListSavedPaymentMethods, 200, "cards and UPI IDs, or only what is asked for", func(t *testing.T, e *cenv) {
		sess, cid, info := e.customer()
		_, err := e.srv.AddCard(info.ID, storefronttest.CardInput{CardNumber: "5555 5555 5555 4444", ExpMonth: 1, ExpYear: 2020, NameOnCard: "Asha Rao", Type: "debit"})
		require.NoError(t, err)
		require.NoError(t, e.srv.AddSavedVPA(info.ID, "asha@okhdfc"))
		require.NoError(t, e.srv.AddSavedVPA(info.ID, "asha@okhdfc"))
		c, err := sess.Customers.ListSavedPaymentMethods(e.ctx, cid, nil)
		require.NoError(t, err)
		pm := c.SavedPaymentMethods
		require.Len(t, *pm.Card, 1)
		assert.Equal(t, "5555-XXXXXXXX-4444", (*pm.Card)[0].CardNumber)
		assert.True(t, (*pm.Card)[0].Expired)
		require.Len(t, *pm.UpiCollect, 1)
		assertPrice(t, "2", (*pm.UpiCollect)[0].Count)
		c, err = sess.Customers.ListSavedPaymentMethods(e.ctx, cid, &storefront.ListSavedPaymentMethodsParams{PaymentMethods: ptr("upi_collect")})
		require.NoError(t, err)
		assert.Nil(t, c.SavedPaymentMethods.Card)
		assert.NotNil(t, c.SavedPaymentMethods.UpiCollect)
	}},
	{storefronttest.OpListSavedPaymentMethods, 400, "unknown kind → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.ListSavedPaymentMethods(e.ctx, cid, &storefront.ListSavedPaymentMethodsParams{PaymentMethods: ptr("card,cheque")})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListSavedPaymentMethods, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Customers.ListSavedPaymentMethods(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListSavedPaymentMethods, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.ListSavedPaymentMethods(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 404, "")
	}},

	// list-customer-reviews
	{storefronttest.OpListCustomerReviews, 200, "written and still to write", func(t *testing.T, e *cenv) {
		sess, info, order := e.reviewer("masala-chai-blend", "classic-ceramic-mug")
		status, _ := e.postReview(sess, "masala-chai-blend", false, reviewForm{userID: info.ID, order: order, rating: "4", text: "Good chai."})
		require.Equal(t, 200, status)
		c, err := sess.Customers.ListCustomerReviews(e.ctx, info.CustomerID)
		require.NoError(t, err)
		require.Len(t, *c.Reviews, 1)
		r := (*c.Reviews)[0]
		assert.Equal(t, "Masala Chai Blend", *r.ProductName)
		assert.Equal(t, "pending", *r.Status)
		assert.Equal(t, order, r.OrderNumber)
		require.Len(t, *c.ReadyForReview, 1)
		assert.Equal(t, "Classic Ceramic Mug", *(*c.ReadyForReview)[0].ProductName)
	}},
	{storefronttest.OpListCustomerReviews, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.ListCustomerReviews(e.ctx, someoneElsesID)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpListCustomerReviews, 404, "another customer's ID → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.ListCustomerReviews(e.ctx, someoneElsesID)
		apiStatus(t, err, 404, "")
	}},

	// get-customer-authorized-sellers
	{storefronttest.OpGetCustomerAuthorizedSellers, 200, "the marketplace's sellers by name", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		c, err := sess.Customers.GetCustomerAuthorizedSellers(e.ctx, cid, nil)
		require.NoError(t, err)
		assert.Equal(t, []string{"Jaipur Block Prints", "Kerala Spice Traders", "Pixel Gadgets"},
			names(*c.AuthorizedSellers, func(s storefront.SellerInfo) string { return s.TradeName }))
		var all []string
		for s, err := range sess.Customers.GetCustomerAuthorizedSellersAll(e.ctx, cid, &storefront.GetCustomerAuthorizedSellersParams{Limit: limit(2)}) {
			require.NoError(t, err)
			all = append(all, s.ID)
		}
		assert.Len(t, all, 3, "two pages")
	}},
	{storefronttest.OpGetCustomerAuthorizedSellers, 400, "limit 101 → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		_, err := sess.Customers.GetCustomerAuthorizedSellers(e.ctx, cid, &storefront.GetCustomerAuthorizedSellersParams{Limit: limit(101)})
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpGetCustomerAuthorizedSellers, 400, "another customer's ID → 400 not_found", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Customers.GetCustomerAuthorizedSellers(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 400, storefronttest.CodeNotFound)
	}},
	{storefronttest.OpGetCustomerAuthorizedSellers, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Customers.GetCustomerAuthorizedSellers(e.ctx, someoneElsesID, nil)
		apiStatus(t, err, 401, "")
	}},

	// list-subscriptions
	{storefronttest.OpListSubscriptions, 200, "newest first, every page", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		first := e.subscribed(sess, cid)
		second, err := sess.Subscriptions.CreateSubscription(e.ctx, standardSubscription(e.plan("assam-breakfast"), "assam-breakfast", "assam-breakfast-250-g", 1))
		require.NoError(t, err)
		c, err := sess.Subscriptions.ListSubscriptions(e.ctx, &storefront.ListSubscriptionsParams{Limit: limit(1)})
		require.NoError(t, err)
		require.Len(t, c.Subscriptions, 1)
		assert.Equal(t, second.Subscription.ID, c.Subscriptions[0].ID)
		var ids []string
		for s, err := range sess.Subscriptions.ListSubscriptionsAll(e.ctx, &storefront.ListSubscriptionsParams{Limit: limit(1)}) {
			require.NoError(t, err)
			ids = append(ids, s.ID)
		}
		assert.Equal(t, []string{second.Subscription.ID, first.ID}, ids)
	}},
	{storefronttest.OpListSubscriptions, 400, "limit 0 → 400", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Subscriptions.ListSubscriptions(e.ctx, &storefront.ListSubscriptionsParams{Limit: limit(0)})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpListSubscriptions, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Subscriptions.ListSubscriptions(e.ctx, nil)
		apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
	}},
	{storefronttest.OpListSubscriptions, 404, "another store → 404", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		sess := e.otherStore().NewSession(nil)
		_, err := sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: p.Password})
		require.NoError(t, err)
		_, err = sess.Subscriptions.ListSubscriptions(e.ctx, nil)
		apiStatus(t, err, 404, "")
	}},

	// create-subscription
	{storefronttest.OpCreateSubscription, 200, "a plan's schedule, price and addresses", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		s := e.subscribed(sess, cid)
		assert.Equal(t, "Monthly tin", s.PlanName)
		assertPrice(t, "810", s.Price, "two tins at the plan's price")
		assert.Equal(t, storefront.SubscriptionDetailStatus("active"), s.Status)
		today := e.srv.Now().UTC()
		assert.Equal(t, day(today.AddDate(0, 1, 0)), day(s.NextBillingDate.Time))
		assert.Equal(t, day(today), day(*s.LastPaymentDate), "billed on the start date")
		assert.Equal(t, day(today.AddDate(0, 1, 0)), s.Metadata["next_delivery_date"])
		require.NotNil(t, s.ShippingAddress)
		assert.Equal(t, "12 MG Road", s.ShippingAddress.AddressLine1)
		require.Len(t, *s.InvoiceItems, 1)
		assert.Equal(t, "100 g", (*s.InvoiceItems)[0].VariantName)
	}},
	{storefronttest.OpCreateSubscription, 200, "a custom weekly schedule of an e-book, with a trial-free start next week", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		var b storefront.CreateSubscription
		start := e.srv.Now().UTC().AddDate(0, 0, 7)
		require.NoError(t, b.FromCreateCustomSubscription(storefront.CreateCustomSubscription{PlanType: "custom",
			StartDate: ptr(openDate(start)), BillingFrequency: "weekly", BillingInterval: dec("2"), BillingLimit: ptr(dec("4"))}))
		b.InvoiceItems = []storefront.SubscriptionItemInput{{ProductID: "brewing-at-home", Quantity: dec("1")}}
		b.IsCancellationAllowed = true
		c, err := sess.Subscriptions.CreateSubscription(e.ctx, b)
		require.NoError(t, err)
		s := c.Subscription
		assert.Equal(t, storefront.SubscriptionDetailStatus("created"), s.Status)
		assert.Equal(t, day(start), day(s.NextBillingDate.Time))
		assert.Nil(t, s.ShippingAddress, "a digital product needs no address")
		assertPrice(t, "299", s.Price)
	}},
	{storefronttest.OpCreateSubscription, 400, "a physical product without an address → 400", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Subscriptions.CreateSubscription(e.ctx,
			standardSubscription(e.plan("darjeeling-first-flush"), "darjeeling-first-flush", "darjeeling-first-flush-100-g", 1))
		apiStatus(t, err, 400, "")
		var apiErr *storefront.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Contains(t, apiErr.Fields, "shipping_address")
	}},
	{storefronttest.OpCreateSubscription, 400, "another product's plan → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		e.savedAddress(sess, cid, "12 MG Road")
		_, err := sess.Subscriptions.CreateSubscription(e.ctx,
			standardSubscription(e.plan("assam-breakfast"), "darjeeling-first-flush", "darjeeling-first-flush-100-g", 1))
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpCreateSubscription, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Subscriptions.CreateSubscription(e.ctx, standardSubscription("p", "darjeeling-first-flush", "", 1))
		apiStatus(t, err, 401, storefronttest.CodeLoginRequired)
	}},

	// get-subscription
	{storefronttest.OpGetSubscription, 200, "a pause ends by itself", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		s := e.subscribed(sess, cid)
		_, err := sess.Subscriptions.UpdateSubscription(e.ctx, s.ID, pauseUntil(e.srv.Now().AddDate(0, 0, 30)))
		require.NoError(t, err)
		c, err := sess.Subscriptions.GetSubscription(e.ctx, s.ID)
		require.NoError(t, err)
		assert.Equal(t, storefront.SubscriptionDetailStatus("paused"), c.Subscription.Status)
		e.wait(sess, 30*24*time.Hour)
		c, err = sess.Subscriptions.GetSubscription(e.ctx, s.ID)
		require.NoError(t, err)
		assert.Equal(t, storefront.SubscriptionDetailStatus("active"), c.Subscription.Status)
	}},
	{storefronttest.OpGetSubscription, 401, "ended session → 401", func(t *testing.T, e *cenv) {
		_, err := e.endedSession().Subscriptions.GetSubscription(e.ctx, "s")
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetSubscription, 404, "another shopper's subscription → 404", func(t *testing.T, e *cenv) {
		other, ocid, _ := e.customer()
		s := e.subscribed(other, ocid)
		sess, _, _ := e.customer()
		_, err := sess.Subscriptions.GetSubscription(e.ctx, s.ID)
		apiStatus(t, err, 404, "")
	}},

	// update-subscription
	{storefronttest.OpUpdateSubscription, 200, "pause, resume early, change the schedule, revoke", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		s := e.subscribed(sess, cid)
		now := e.srv.Now()
		c, err := sess.Subscriptions.UpdateSubscription(e.ctx, s.ID, pauseUntil(now.AddDate(0, 3, 0)))
		require.NoError(t, err)
		assert.Equal(t, storefront.SubscriptionDetailStatus("paused"), c.Subscription.Status)
		assert.Equal(t, day(now.UTC().AddDate(0, 3, 0)), day(c.Subscription.NextBillingDate.Time), "the billings in the pause are skipped")
		c, err = sess.Subscriptions.UpdateSubscription(e.ctx, s.ID, pauseUntil(now))
		require.NoError(t, err)
		assert.Equal(t, storefront.SubscriptionDetailStatus("active"), c.Subscription.Status, "a pause ending today resumes it")

		var up storefront.UpdateSubscriptionBody
		require.NoError(t, up.FromUpdatePhysicalProductSubscription(storefront.UpdatePhysicalProductSubscription{Command: "update",
			BillingInterval: dec("2"), ShippingInterval: dec("2"), IsCancellationAllowed: true}))
		c, err = sess.Subscriptions.UpdateSubscription(e.ctx, s.ID, up)
		require.NoError(t, err)
		assertPrice(t, "2", c.Subscription.BillingInterval)
		assert.Equal(t, day(now.UTC().AddDate(0, 2, 0)), day(c.Subscription.NextBillingDate.Time))

		c, err = sess.Subscriptions.UpdateSubscription(e.ctx, s.ID, revokeBecause("moving abroad"))
		require.NoError(t, err)
		assert.Equal(t, storefront.SubscriptionDetailStatus("revoked"), c.Subscription.Status)
		assert.Equal(t, "moving abroad", c.Subscription.Metadata["revoke_reason"])
	}},
	{storefronttest.OpUpdateSubscription, 400, "a revoked subscription cannot be paused → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		s := e.subscribed(sess, cid)
		_, err := sess.Subscriptions.UpdateSubscription(e.ctx, s.ID, revokeBecause("too much tea"))
		require.NoError(t, err)
		_, err = sess.Subscriptions.UpdateSubscription(e.ctx, s.ID, pauseUntil(e.srv.Now().AddDate(0, 1, 0)))
		apiStatus(t, err, 400, storefronttest.CodeInvalidTransition)
	}},
	{storefronttest.OpUpdateSubscription, 400, "a pause without an end → 400", func(t *testing.T, e *cenv) {
		sess, cid, _ := e.customer()
		s := e.subscribed(sess, cid)
		var b storefront.UpdateSubscriptionBody
		require.NoError(t, b.FromPauseSubscription(storefront.PauseSubscription{Command: "pause"}))
		_, err := sess.Subscriptions.UpdateSubscription(e.ctx, s.ID, b)
		apiStatus(t, err, 400, storefronttest.CodeBadRequest)
	}},
	{storefronttest.OpUpdateSubscription, 401, "anonymous visitor → 401", func(t *testing.T, e *cenv) {
		_, err := e.session().Subscriptions.UpdateSubscription(e.ctx, "s", revokeBecause("r"))
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpUpdateSubscription, 404, "unknown subscription → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.customer()
		_, err := sess.Subscriptions.UpdateSubscription(e.ctx, "01J00000000000000000000000", revokeBecause("r"))
		apiStatus(t, err, 404, "")
	}},
}

// customerUnreachableFailures are the failure statuses of those groups
// that no request the typed client can send provokes, with the reason.
var customerUnreachableFailures = map[string]map[int]string{
	storefronttest.OpListBankAccounts:             {400: "only an account_type outside the spec's enum, which the validating transport refuses to send"},
	storefronttest.OpGetCustomerCreditLineBalance: {400: "the operation takes only the customer ID: another is a 404"},
	storefronttest.OpListDocuments:                {400: "the operation takes only the customer ID: another is a 404"},
	storefronttest.OpGetDocument:                  {400: "the operation takes only IDs: unknown ones are 404s"},
	storefronttest.OpListCustomerReviews:          {400: "the operation takes only the customer ID: another is a 404"},
	storefronttest.OpGetCustomerMandate:           {400: "only a sync flag that is not a boolean, which the typed client cannot send"},
	storefronttest.OpGetSubscription:              {400: "the operation takes only the subscription ID: an unknown one is a 404"},
}
