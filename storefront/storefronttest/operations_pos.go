package storefronttest

// Operation IDs of the point of sale, as openapi.yaml names them.
const (
	// POS Auth
	OpPairPOSDevice              = "pair-pos-device"
	OpLoginPOSDeviceWithPhone    = "login-pos-device-with-phone"
	OpLoginPOSDeviceWithEmail    = "login-pos-device-with-email"
	OpLoginPOSDeviceWithWhatsApp = "login-pos-device-with-whatsapp"
	OpVerifyPOSLoginOTP          = "verify-pos-login-otp"
	OpRefreshPOSAccessToken      = "refresh-pos-access-token"
	OpLogoutFromPOSDevice        = "logout-from-pos-device"

	// POS Devices
	OpListPOSDevices   = "list-pos-devices"
	OpClaimPOSDevice   = "claim-pos-device"
	OpUnclaimPOSDevice = "unclaim-pos-device"
	OpListPOSLocations = "list-pos-locations"
	OpGetPOSUser       = "get-pos-user"

	// POS Catalog
	OpPOSListCategories        = "pos-list-categories"
	OpPOSListProducts          = "pos-list-products"
	OpPOSListCrosssellProducts = "pos-list-crosssell-products"
	OpPOSSearchProducts        = "pos-search-products"
	OpPOSListSimilarProducts   = "pos-list-similar-products"
	OpPOSListUpsellProducts    = "pos-list-upsell-products"
	OpPOSGetProductDetail      = "pos-get-product-detail"
	OpPOSListProductReviews    = "pos-list-product-reviews"
	OpPOSListProductVariants   = "pos-list-product-variants"
	OpPOSGetVariantDetail      = "pos-get-variant-detail"
	OpPOSListSkus              = "pos-list-skus"

	// POS Carts
	OpPOSCreateCart                  = "pos-create-cart"
	OpPOSListCoupons                 = "pos-list-coupons"
	OpPOSListPromotions              = "pos-list-promotions"
	OpPOSGetUserCart                 = "pos-get-user-cart"
	OpPOSGetCart                     = "pos-get-cart"
	OpPOSDeleteCart                  = "pos-delete-cart"
	OpPOSCreateCartAddress           = "pos-create-cart-address"
	OpPOSApplyCoupon                 = "pos-apply-coupon"
	OpPOSRemoveCoupon                = "pos-remove-coupon"
	OpPOSRedeemCreditBalance         = "pos-redeem-credit-balance"
	OpPOSRemoveCreditBalance         = "pos-remove-credit-balance"
	OpPOSEvaluateCoupons             = "pos-evaluate-coupons"
	OpPOSEvaluatePromotions          = "pos-evaluate-promotions"
	OpPOSUpdateFulfillmentPreference = "pos-update-fulfillment-preference"
	OpPOSUpdateCart                  = "pos-update-cart"
	OpPOSRedeemLoyaltyPoints         = "pos-redeem-loyalty-points"
	OpPOSRemoveLoyaltyPoints         = "pos-remove-loyalty-points"
	OpUpdatePOSCartCustomer          = "update-pos-cart-customer"
	OpGetPOSFulfillmentOptions       = "get-pos-fulfillment-options"

	// POS Orders
	OpCreatePOSOrder      = "create-pos-order"
	OpPOSGetPaymentStatus = "pos-get-payment-status"
)
