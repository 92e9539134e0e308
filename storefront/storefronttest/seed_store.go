package storefronttest

import (
	"github.com/commercengine-go/sdk/gen"
)

// seedStore sets the seeded store's configuration and customer groups.
func seedStore(sh *shop) {
	sh.groups = []*customerGroup{
		{id: SeededGroupRetail, name: "Retail", slug: "retail", description: "Every shopper, unless they belong to another group.", isDefault: true},
		{id: SeededGroupWholesale, name: "Wholesale", slug: "wholesale", description: "Cafés, offices and resellers with a GSTIN."},
		{id: SeededGroupStaff, name: "Staff", slug: "staff", description: "Nilgiri Goods employees."},
	}
	sh.defaultGroup = SeededGroupRetail
	logo := "https://cdn.storefronttest.invalid/brand/nilgiri-goods.svg"
	contentTitle := "Terms of service"
	refundTitle := "Refunds and returns"
	sh.config = storeConfig{
		brand: gen.Brand{Name: "Nilgiri Goods", LogoURL: &logo, SocialMediaLinks: map[string]string{
			"instagram": "https://instagram.com/nilgirigoods",
			"facebook":  "https://facebook.com/nilgirigoods",
			"x":         "https://x.com/nilgirigoods",
		}},
		currency:   gen.Currency{Name: "Indian Rupee", Code: "INR", Symbol: "₹"},
		kycEnabled: true,
		kycDocuments: []gen.KycDocumentConfig{
			{ID: fixedULID(seedEpoch, 51), DocumentType: "gst", Title: "GST certificate", Description: optional("For invoices in your business's name."),
				Active: true, IsMandatory: false, IsAttachmentRequired: true, VerificationType: "auto"},
			{ID: fixedULID(seedEpoch, 52), DocumentType: "pan", Title: "PAN", Description: optional("Needed for orders above ₹2,00,000."),
				Active: true, IsMandatory: true, IsAttachmentRequired: false, VerificationType: "auto"},
			{ID: fixedULID(seedEpoch, 53), DocumentType: "other", Title: "Udyam registration", Description: nil,
				Active: true, IsMandatory: false, IsAttachmentRequired: true, VerificationType: "manual"},
		},
		analyticsProviders: []gen.AnalyticsProvider{{
			ID: fixedULID(seedEpoch, 54), Name: "Google Analytics 4", ShortDescription: "Web and app analytics.",
			Features: []map[string]any{{"name": "ecommerce events"}}, LogoDark: "https://cdn.storefronttest.invalid/providers/ga4-dark.svg",
			LogoLight: "https://cdn.storefronttest.invalid/providers/ga4-light.svg", AnalyticsProviderSlug: "google-analytics",
			APICredentials: map[string]any{"measurement_id": "G-NILGIRI01"},
		}},
		paymentProviders: []gen.PaymentProvider{
			{ID: fixedULID(seedEpoch, 55), Name: "Juspay", ShortDescription: "Cards, UPI, net banking and wallets.",
				Features: []map[string]any{{"name": "upi"}, {"name": "cards"}}, LogoDark: "https://cdn.storefronttest.invalid/providers/juspay-dark.svg",
				LogoLight: "https://cdn.storefronttest.invalid/providers/juspay-light.svg", PaymentProviderSlug: "juspay"},
			{ID: fixedULID(seedEpoch, 56), Name: "PayU", ShortDescription: "Cards and net banking.",
				Features: []map[string]any{{"name": "cards"}}, LogoDark: "https://cdn.storefronttest.invalid/providers/payu-dark.svg",
				LogoLight: "https://cdn.storefronttest.invalid/providers/payu-light.svg", PaymentProviderSlug: "payu"},
		},
		terms: gen.StoreTemplate{ID: fixedULID(seedEpoch, 57), Name: "terms-of-service", ContentTitle: &contentTitle,
			ContentType: "markdown", Content: "## Terms of service\n\nOrders are accepted once paid. Prices include GST."},
		refund: gen.StoreTemplate{ID: fixedULID(seedEpoch, 58), Name: "refund-policy", ContentTitle: &refundTitle,
			ContentType: "markdown", Content: "## Refunds\n\nUnopened goods can be returned within 7 days. Digital goods are not refundable."},
	}
}
