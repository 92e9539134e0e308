package storefront_test

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// A logged-in shopper looks after their account: saves and edits an
// address, adds a bank account and verifies it with the penny drop,
// uploads a KYC document streamed from a reader, sets up a mandate and
// pauses, resumes and revokes it, subscribes to a tea and pauses the
// subscription until it resumes by itself, and reads their loyalty. Every
// exchange is validated against the spec.
func TestStoryCustomerAccount(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock(), storefronttest.WithRefreshTTL(90*24*time.Hour))
	defer srv.Close()
	vt := api.NewTransport(http.DefaultTransport, api.Strict)
	defer func() { assert.NoError(t, vt.Err(), "an exchange departed from openapi.yaml") }()
	client, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()),
		storefront.WithHTTPClient(&http.Client{Transport: vt}), storefront.WithClock(srv.Now))
	require.NoError(t, err)
	ctx := context.Background()

	user, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", LastName: "Rao", Email: "asha@example.com",
		Phone: "9876543210", Password: "correct-horse", EmailVerified: true, PhoneVerified: true})
	require.NoError(t, err)
	sess := client.NewSession(nil)
	_, err = sess.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	claims, err := sess.Peek(ctx)
	require.NoError(t, err)
	cid := claims.CustomerID
	require.Equal(t, user.CustomerID, cid, "the token names the customer")
	cs := sess.Customers

	// An address, then a correction to it.
	home := storefront.CustomerAddress{FirstName: "Asha", LastName: ptrTo("Rao"), CountryCode: "+91", Phone: "9876543210",
		Email: "asha@example.com", AddressLine1: "12 MG Road", Pincode: "560001", City: "Bengaluru", State: "Karnataka", Country: "India"}
	created, err := cs.CreateAddress(ctx, cid, home)
	require.NoError(t, err)
	addr := created.Address
	require.True(t, addr.IsPhoneVerified != nil && addr.IsEmailVerified != nil)
	assert.True(t, *addr.IsPhoneVerified && *addr.IsEmailVerified, "the user's own verified phone and email")
	assert.True(t, *addr.IsDefaultShipping)
	home.AddressLine2, home.Landmark = ptrTo("Flat 4B"), ptrTo("Opposite the metro station")
	edited, err := cs.UpdateAddressDetail(ctx, cid, *addr.ID, home)
	require.NoError(t, err)
	assert.Equal(t, "Flat 4B", *edited.Address.AddressLine2)
	assert.Equal(t, addr.ID, edited.Address.ID)
	var saved []string
	for a, err := range cs.ListAddressesAll(ctx, cid, nil) {
		require.NoError(t, err)
		saved = append(saved, *a.AddressLine2)
	}
	assert.Equal(t, []string{"Flat 4B"}, saved)

	// A bank account for refunds, verified with the deposit it received.
	var body storefront.CreateBankAccount
	require.NoError(t, body.FromCreateOutboundBankAccount(storefront.CreateOutboundBankAccount{AccountType: "outbound",
		AccountName: "Asha Rao", AccountNumber: "50100123456789", IfscCode: "HDFC0001234", BankName: "HDFC Bank"}))
	acct, err := cs.CreateBankAccount(ctx, cid, body)
	require.NoError(t, err)
	assert.False(t, *acct.BankAccount.IsVerified)
	deposit, err := srv.PennyDropAmount(user.ID, *acct.BankAccount.ID)
	require.NoError(t, err)
	verified, err := cs.VerifyBankAccount(ctx, cid, *acct.BankAccount.ID, storefront.VerifyBankAccountBody{IsVerified: true, Amount: &deposit})
	require.NoError(t, err)
	assert.True(t, *verified.BankAccount.IsVerified)

	// The GST certificate, streamed from a reader that cannot rewind.
	kyc, err := sess.Store.ListKycDocument(ctx)
	require.NoError(t, err)
	var gst storefront.KycDocumentConfig
	for _, k := range *kyc.KycDocuments {
		if k.DocumentType == "gst" {
			gst = k
		}
	}
	require.True(t, gst.IsAttachmentRequired)
	pr, pw := io.Pipe()
	go func() {
		_, _ = io.WriteString(pw, "%PDF-1.4\n1 0 obj <<>> endobj\n")
		for range 64 {
			_, _ = io.WriteString(pw, "% a line of the scanned certificate, streamed as it is read\n")
		}
		_, _ = io.WriteString(pw, "%%EOF\n")
		_ = pw.Close()
	}()
	doc, err := cs.CreateDocument(ctx, cid, storefront.DocumentUpload{KycDocumentID: gst.ID, DocumentNumber: "27AAPFU0939F1ZV",
		File: &storefront.Upload{Body: pr, Filename: "gst-certificate.pdf"}})
	require.NoError(t, err)
	assert.Equal(t, storefront.DocumentStatus("approved"), *doc.Document.Status, "the GSTIN checks out")
	assert.Contains(t, *doc.Document.FileURL, "gst-certificate.pdf")

	// A mandate that repays the credit line: authorised at the gateway,
	// then paused, resumed and revoked.
	require.NoError(t, srv.SetCreditLine(user.ID, &storefronttest.CreditLineInput{TotalLimit: decimal.NewFromInt(50000)}))
	m, err := cs.CreateCustomerMandate(ctx, cid, storefront.CreateCustomerMandate{PaymentMethodType: "NB",
		PaymentMethod: "NB_HDFC", ServiceProviderSlug: "juspay", GatewayReferenceID: "jp-mandate-1", BankIfsc: "HDFC0001234",
		BankAccountNumber: "50100123456789", BankBeneficiaryName: "Asha Rao"})
	require.NoError(t, err)
	mid := m.Mandate.ID
	_, err = cs.PauseCustomerMandate(ctx, cid, mid)
	require.ErrorIs(t, err, storefront.ErrBadRequest, "not authorised yet")
	require.NoError(t, srv.AuthorizeMandate(user.ID, mid, true))
	synced, err := cs.GetCustomerMandate(ctx, cid, mid, &storefront.GetCustomerMandateParams{Sync: ptrTo(true)})
	require.NoError(t, err)
	assert.Equal(t, storefront.MandateStatus("active"), synced.Mandate.Status)
	paused, err := cs.PauseCustomerMandate(ctx, cid, mid)
	require.NoError(t, err)
	assert.Equal(t, storefront.MandateStatus("paused"), paused.Mandate.Status)
	resumed, err := cs.ResumeCustomerMandate(ctx, cid, mid)
	require.NoError(t, err)
	assert.Equal(t, storefront.MandateStatus("active"), resumed.Mandate.Status)
	revoked, err := cs.RevokeCustomerMandate(ctx, cid, mid)
	require.NoError(t, err)
	assert.Equal(t, storefront.MandateStatus("revoked"), revoked.Mandate.Status)
	_, err = cs.ResumeCustomerMandate(ctx, cid, mid)
	require.ErrorIs(t, err, storefront.ErrBadRequest, "revoked is final")

	// A monthly tin of Darjeeling, paused for a month: it resumes by
	// itself, and the billing that fell in the pause is skipped.
	product, err := sess.Catalog.GetProductDetail(ctx, "darjeeling-first-flush", nil)
	require.NoError(t, err)
	plan := product.Product.Subscription[0]
	var sub storefront.CreateSubscription
	require.NoError(t, sub.FromCreateStandardSubscription(storefront.CreateStandardSubscription{PlanType: "standard", PlanID: plan.ID}))
	sub.InvoiceItems = []storefront.SubscriptionItemInput{{ProductID: product.Product.ID, VariantID: ptrTo("darjeeling-first-flush-250-g"), Quantity: decimal.NewFromInt(1)}}
	sub.IsCancellationAllowed = true
	subscribed, err := sess.Subscriptions.CreateSubscription(ctx, sub)
	require.NoError(t, err)
	s := subscribed.Subscription
	assert.Equal(t, storefront.SubscriptionDetailStatus("active"), s.Status)
	assert.Equal(t, "12 MG Road", s.ShippingAddress.AddressLine1, "delivered to the default address")
	today := srv.Now().UTC()
	var pause storefront.UpdateSubscriptionBody
	resume := today.AddDate(0, 1, 10)
	require.NoError(t, pause.FromPauseSubscription(storefront.PauseSubscription{Command: "pause", PauseEndDate: &resume}))
	held, err := sess.Subscriptions.UpdateSubscription(ctx, s.ID, pause)
	require.NoError(t, err)
	assert.Equal(t, storefront.SubscriptionDetailStatus("paused"), held.Subscription.Status)
	assert.Equal(t, today.AddDate(0, 2, 0).Format(time.DateOnly), held.Subscription.NextBillingDate.Time.Format(time.DateOnly),
		"next month's billing falls in the pause")
	srv.Advance(41 * 24 * time.Hour)
	later, err := sess.Subscriptions.GetSubscription(ctx, s.ID)
	require.NoError(t, err)
	assert.Equal(t, storefront.SubscriptionDetailStatus("active"), later.Subscription.Status, "resumed on the pause's end date")

	// Loyalty: a welcome bonus, read back with its activity.
	require.NoError(t, srv.SetLoyaltyPoints(user.ID, decimal.NewFromInt(1200)))
	loyalty, err := cs.GetLoyaltyDetails(ctx, cid)
	require.NoError(t, err)
	assert.Equal(t, "Gold", *loyalty.Loyalty.CurrentTier)
	assert.True(t, decimal.NewFromInt(1200).Equal(*loyalty.Loyalty.PointsBalance))
	activity, err := cs.ListLoyaltyActivities(ctx, cid, nil)
	require.NoError(t, err)
	require.Len(t, *activity.LoyaltyPointsActivity, 1)
	assert.Equal(t, "bonus", string(*(*activity.LoyaltyPointsActivity)[0].Activity))
}
