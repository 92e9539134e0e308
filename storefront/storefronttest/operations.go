package storefronttest

// Operation IDs, as openapi.yaml names them: the keys of Calls, CallCounts
// and InjectFault.
const (
	// Auth
	OpGetAnonymousToken       = "get-anonymous-token"
	OpLoginWithPassword       = "login-with-password"
	OpRegisterWithPhone       = "register-with-phone"
	OpLoginWithPhone          = "login-with-phone"
	OpLoginWithWhatsapp       = "login-with-whatsapp"
	OpLoginWithEmail          = "login-with-email"
	OpVerifyOTP               = "verify-otp"
	OpRegisterWithEmail       = "register-with-email"
	OpRegisterWithWhatsapp    = "register-with-whatsapp"
	OpRegisterWithPassword    = "register-with-password"
	OpRefreshToken            = "refresh-token"
	OpLogout                  = "logout"
	OpGenerateOTP             = "generate-otp"
	OpForgotPassword          = "forgot-password"
	OpResetPassword           = "reset-password"
	OpChangePassword          = "change-password"
	OpCheckVerificationStatus = "check-verification-status"
	OpGetUserDetail           = "get-user-detail"
	OpUpdateUser              = "update-user"
	OpDeleteUser              = "delete-user"
	OpDeactivateUser          = "deactivate-user"
	OpGetProfileImage         = "get-profile-image"
	OpAddProfileImage         = "add-profile-image"
	OpUpdateProfileImage      = "update-profile-image"
	OpRemoveProfileImage      = "remove-profile-image"

	// Catalog
	OpListCategories                   = "list-categories"
	OpListMarketplaceCategories        = "list-marketplace-categories"
	OpListMarketplaceProducts          = "list-marketplace-products"
	OpListMarketplaceCrosssellProducts = "list-marketplace-crosssell-products"
	OpSearchMarketplaceProducts        = "search-marketplace-products"
	OpListMarketplaceSimilarProducts   = "list-marketplace-similar-products"
	OpListMarketplaceUpsellProducts    = "list-marketplace-upsell-products"
	OpGetMarketplaceProductDetail      = "get-marketplace-product-detail"
	OpListMarketplaceProductReviews    = "list-marketplace-product-reviews"
	OpCreateMarketplaceProductReview   = "create-marketplace-product-review"
	OpListMarketplaceProductVariants   = "list-marketplace-product-variants"
	OpGetMarketplaceVariantDetail      = "get-marketplace-variant-detail"
	OpListMarketplaceSkus              = "list-marketplace-skus"
	OpListProducts                     = "list-products"
	OpListCrosssellProducts            = "list-crosssell-products"
	OpSearchProducts                   = "search-products"
	OpListSimilarProducts              = "list-similar-products"
	OpListUpsellProducts               = "list-upsell-products"
	OpGetProductDetail                 = "get-product-detail"
	OpListProductReviews               = "list-product-reviews"
	OpCreateProductReview              = "create-product-review"
	OpListProductVariants              = "list-product-variants"
	OpGetVariantDetail                 = "get-variant-detail"
	OpListSkus                         = "list-skus"

	// Store
	OpCheckStore        = "check-store"
	OpGetConfig         = "get-config"
	OpListKycDocument   = "list-kyc-document"
	OpGetSellerDetail   = "get-seller-detail"
	OpListSellerReviews = "list-seller-reviews"

	// Common
	OpListCountries       = "list-countries"
	OpListCountryPincodes = "list-country-pincodes"
	OpListCountryStates   = "list-country-states"

	// Analytics, Campaigns, Fulfillment
	OpTrackAnalyticsEvent = "track-analytics-event"
	OpSubscribeNewsletter = "subscribe-newsletter"
	OpCheckFulfillment    = "check-fulfillment"

	// AnyOperation makes InjectFault apply to every operation that has no
	// fault of its own.
	AnyOperation = "*"
)
