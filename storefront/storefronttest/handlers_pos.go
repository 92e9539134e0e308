package storefronttest

import (
	"context"
	"time"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The point of sale's handlers: each unpacks its request, calls the logic
// of pos_*.go — or, for the catalog and the carts, the very logic of the
// storefront's twin operation — and packs the answer.

// Success messages of the point of sale.
const (
	msgPaired          = "Device paired"
	msgDevices         = "Devices fetched"
	msgDeviceClaimed   = "Device claimed"
	msgDeviceReleased  = "Device released"
	msgLocations       = "Locations fetched"
	msgStaffUser       = "User fetched"
	msgCustomerLinked  = "Customer updated"
	msgPOSLoggedOut    = "Logged out successfully"
	msgPOSOrderCreated = "Order created"
)

// POS Auth.

func (h *handlers) PairPosDevice(ctx context.Context, req genserver.PairPosDeviceRequestObject) (genserver.PairPosDeviceResponseObject, error) {
	if req.Body == nil {
		return pairPosDeviceError(errNoBody), nil
	}
	d, e := h.s.pair(requestFrom(ctx).storeID, req.Body.PairingCode)
	if e != nil {
		return pairPosDeviceError(e), nil
	}
	return genserver.PairPosDevice200JSONResponse{Message: msgPaired, Success: true, Content: gen.PairPosDeviceContent{Device: d}}, nil
}

func posOTPSent(c gen.PosOTPContent) genserver.PosOTPSentJSONResponse {
	return genserver.PosOTPSentJSONResponse{Message: msgOTPSent, Success: true, Content: c}
}

// LoginPosDeviceWithPhone starts a staff login by SMS: see Server.posLogin.
func (h *handlers) LoginPosDeviceWithPhone(ctx context.Context, req genserver.LoginPosDeviceWithPhoneRequestObject) (genserver.LoginPosDeviceWithPhoneResponseObject, error) {
	if req.Body == nil {
		return loginPosDeviceWithPhoneError(errNoBody), nil
	}
	c, e := h.s.posLogin(requestFrom(ctx).storeID, req.Body.LocationID, phoneDestination(req.Body.Phone, countryOrDefault(req.Body.CountryCode)), req.Params.XDebugMode)
	if e != nil {
		return loginPosDeviceWithPhoneError(e), nil
	}
	return genserver.LoginPosDeviceWithPhone200JSONResponse{PosOTPSentJSONResponse: posOTPSent(c)}, nil
}

// LoginPosDeviceWithWhatsapp starts a staff login by WhatsApp, as by SMS.
func (h *handlers) LoginPosDeviceWithWhatsapp(ctx context.Context, req genserver.LoginPosDeviceWithWhatsappRequestObject) (genserver.LoginPosDeviceWithWhatsappResponseObject, error) {
	if req.Body == nil {
		return loginPosDeviceWithWhatsappError(errNoBody), nil
	}
	c, e := h.s.posLogin(requestFrom(ctx).storeID, req.Body.LocationID, phoneDestination(req.Body.Phone, countryOrDefault(req.Body.CountryCode)), req.Params.XDebugMode)
	if e != nil {
		return loginPosDeviceWithWhatsappError(e), nil
	}
	return genserver.LoginPosDeviceWithWhatsapp200JSONResponse{PosOTPSentJSONResponse: posOTPSent(c)}, nil
}

// LoginPosDeviceWithEmail starts a staff login by email.
func (h *handlers) LoginPosDeviceWithEmail(ctx context.Context, req genserver.LoginPosDeviceWithEmailRequestObject) (genserver.LoginPosDeviceWithEmailResponseObject, error) {
	if req.Body == nil {
		return loginPosDeviceWithEmailError(errNoBody), nil
	}
	c, e := h.s.posLogin(requestFrom(ctx).storeID, req.Body.LocationID, emailDestination(req.Body.Email), req.Params.XDebugMode)
	if e != nil {
		return loginPosDeviceWithEmailError(e), nil
	}
	return genserver.LoginPosDeviceWithEmail200JSONResponse{PosOTPSentJSONResponse: posOTPSent(c)}, nil
}

// VerifyPosLoginOTP completes a staff login: see Server.verifyPOSLogin.
func (h *handlers) VerifyPosLoginOTP(ctx context.Context, req genserver.VerifyPosLoginOTPRequestObject) (genserver.VerifyPosLoginOTPResponseObject, error) {
	if req.Body == nil {
		return verifyPosLoginOTPError(errNoBody), nil
	}
	c, e := h.s.verifyPOSLogin(requestFrom(ctx).storeID, req.Body.OTPToken, req.Body.OTP)
	if e != nil {
		return verifyPosLoginOTPError(e), nil
	}
	return genserver.VerifyPosLoginOTP200JSONResponse{Message: msgVerified, Success: true, Content: c}, nil
}

// RefreshPosAccessToken rotates a staff session's pair: see Server.refreshPOS.
func (h *handlers) RefreshPosAccessToken(ctx context.Context, req genserver.RefreshPosAccessTokenRequestObject) (genserver.RefreshPosAccessTokenResponseObject, error) {
	if req.Body == nil {
		return refreshPosAccessTokenError(fieldError(CodeBadRequest, "refresh_token", "is required")), nil
	}
	pair, e := h.s.refreshPOS(requestFrom(ctx).storeID, req.Body.RefreshToken)
	if e != nil {
		return refreshPosAccessTokenError(e), nil
	}
	return genserver.RefreshPosAccessToken200JSONResponse{Message: msgRefreshed, Success: true,
		Content: gen.AuthTokens{AccessToken: pair.access, RefreshToken: pair.refresh}}, nil
}

// LogoutFromPosDevice ends the caller's staff session: see Server.logoutPOS.
func (h *handlers) LogoutFromPosDevice(ctx context.Context, _ genserver.LogoutFromPosDeviceRequestObject) (genserver.LogoutFromPosDeviceResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return logoutFromPosDeviceError(e), nil
	}
	h.s.logoutPOS(rc.caller)
	return genserver.LogoutFromPosDevice200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgPOSLoggedOut, Success: true}}, nil
}

// POS Devices.

func (h *handlers) ListPosDevices(ctx context.Context, _ genserver.ListPosDevicesRequestObject) (genserver.ListPosDevicesResponseObject, error) {
	list, e := h.s.listDevices(ctx)
	if e != nil {
		return listPosDevicesError(e), nil
	}
	return genserver.ListPosDevices200JSONResponse{Message: msgDevices, Success: true, Content: gen.ListPosDevicesContent{Devices: &list}}, nil
}

func (h *handlers) ClaimPosDevice(ctx context.Context, req genserver.ClaimPosDeviceRequestObject) (genserver.ClaimPosDeviceResponseObject, error) {
	u, e := h.s.claimDevice(ctx, req.ID)
	if e != nil {
		return claimPosDeviceError(e), nil
	}
	return genserver.ClaimPosDevice200JSONResponse{Message: msgDeviceClaimed, Success: true, Content: gen.PosUserContent{User: u}}, nil
}

func (h *handlers) UnclaimPosDevice(ctx context.Context, req genserver.UnclaimPosDeviceRequestObject) (genserver.UnclaimPosDeviceResponseObject, error) {
	u, e := h.s.unclaimDevice(ctx, req.ID)
	if e != nil {
		return unclaimPosDeviceError(e), nil
	}
	return genserver.UnclaimPosDevice200JSONResponse{Message: msgDeviceReleased, Success: true, Content: gen.PosUserContent{User: u}}, nil
}

func (h *handlers) ListPosLocations(ctx context.Context, _ genserver.ListPosLocationsRequestObject) (genserver.ListPosLocationsResponseObject, error) {
	list, e := h.s.listLocations(ctx)
	if e != nil {
		return listPosLocationsError(e), nil
	}
	return genserver.ListPosLocations200JSONResponse{Message: msgLocations, Success: true, Content: gen.ListPosLocationsContent{Locations: &list}}, nil
}

func (h *handlers) GetPosUser(ctx context.Context, req genserver.GetPosUserRequestObject) (genserver.GetPosUserResponseObject, error) {
	u, e := h.s.posUser(ctx, req.ID)
	if e != nil {
		return getPosUserError(e), nil
	}
	return genserver.GetPosUser200JSONResponse{Message: msgStaffUser, Success: true, Content: gen.PosUserContent{User: u}}, nil
}

// POS Catalog: the storefront's catalog logic, for a staff session.

func (h *handlers) PosListCategories(ctx context.Context, req genserver.PosListCategoriesRequestObject) (genserver.PosListCategoriesResponseObject, error) {
	p := req.Params
	c, e := h.s.categories(ctx, categoryQuery{p.ParentCategoryID, p.ParentCategorySlug, p.NestedLevel, p.Search}, p.SortBy, false)
	if e != nil {
		return posListCategoriesError(e), nil
	}
	return genserver.PosListCategories200JSONResponse{Message: msgCategories, Success: true, Content: c}, nil
}

func (h *handlers) PosListProducts(ctx context.Context, req genserver.PosListProductsRequestObject) (genserver.PosListProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, categoryIDs: p.CategoryID, categorySlugs: p.CategorySlug,
		inventory: p.Inventory, group: p.XCustomerGroupID}
	list, pg, e := productPage(h.s, ctx, lp, false, (*view).productView)
	if e != nil {
		return posListProductsError(e), nil
	}
	return genserver.PosListProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) PosListSkus(ctx context.Context, req genserver.PosListSkusRequestObject) (genserver.PosListSkusResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, categoryIDs: p.CategoryID, inventory: p.Inventory, skus: p.Sku, group: p.XCustomerGroupID}
	list, pg, e := skuPage(h.s, ctx, lp, false, (*view).itemView)
	if e != nil {
		return posListSkusError(e), nil
	}
	return genserver.PosListSkus200JSONResponse{Message: msgSKUs, Success: true, Content: gen.ListSkusContent{Skus: list, Pagination: pg}}, nil
}

func (h *handlers) PosListCrosssellProducts(ctx context.Context, req genserver.PosListCrosssellProductsRequestObject) (genserver.PosListCrosssellProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, productIDs: p.ProductID, group: p.XCustomerGroupID}
	list, pg, e := relatedPage(h.s, ctx, relCrossSell, lp, false, (*view).itemView)
	if e != nil {
		return posListCrosssellProductsError(e), nil
	}
	return genserver.PosListCrosssellProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListCrosssellProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) PosListUpsellProducts(ctx context.Context, req genserver.PosListUpsellProductsRequestObject) (genserver.PosListUpsellProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, productIDs: p.ProductID, group: p.XCustomerGroupID}
	list, pg, e := relatedPage(h.s, ctx, relUpSell, lp, false, (*view).itemView)
	if e != nil {
		return posListUpsellProductsError(e), nil
	}
	return genserver.PosListUpsellProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListUpsellProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) PosListSimilarProducts(ctx context.Context, req genserver.PosListSimilarProductsRequestObject) (genserver.PosListSimilarProductsResponseObject, error) {
	p := req.Params
	lp := listParams{page: p.Page, limit: p.Limit, sortBy: p.SortBy, productIDs: p.ProductID, group: p.XCustomerGroupID}
	list, pg, e := relatedPage(h.s, ctx, relSimilar, lp, false, (*view).itemView)
	if e != nil {
		return posListSimilarProductsError(e), nil
	}
	return genserver.PosListSimilarProducts200JSONResponse{Message: msgProducts, Success: true, Content: gen.ListSimilarProductsContent{Products: list, Pagination: pg}}, nil
}

func (h *handlers) PosSearchProducts(ctx context.Context, req genserver.PosSearchProductsRequestObject) (genserver.PosSearchProductsResponseObject, error) {
	list, res, e := searchPage(h.s, ctx, req.Body, req.Params.XCustomerGroupID, false, (*view).itemView)
	if e != nil {
		return posSearchProductsError(e), nil
	}
	return genserver.PosSearchProducts200JSONResponse{Message: msgSearch, Success: true, Content: gen.SearchProductsContent{
		Skus: list, Pagination: res.pagination, FacetDistribution: res.distribution, FacetStats: res.stats}}, nil
}

func (h *handlers) PosGetProductDetail(ctx context.Context, req genserver.PosGetProductDetailRequestObject) (genserver.PosGetProductDetailResponseObject, error) {
	p, e := productDetail(h.s, ctx, req.ProductID, req.Params.Inventory, req.Params.XCustomerGroupID, false, (*view).productDetailView)
	if e != nil {
		return posGetProductDetailError(e), nil
	}
	return genserver.PosGetProductDetail200JSONResponse{Message: msgProduct, Success: true, Content: gen.GetProductDetailContent{Product: p}}, nil
}

func (h *handlers) PosListProductVariants(ctx context.Context, req genserver.PosListProductVariantsRequestObject) (genserver.PosListProductVariantsResponseObject, error) {
	list, e := h.s.variantList(ctx, req.ProductID, req.Params.Inventory, req.Params.XCustomerGroupID, false)
	if e != nil {
		return posListProductVariantsError(e), nil
	}
	return genserver.PosListProductVariants200JSONResponse{Message: msgVariants, Success: true, Content: gen.ListProductVariantsContent{Variants: list}}, nil
}

func (h *handlers) PosGetVariantDetail(ctx context.Context, req genserver.PosGetVariantDetailRequestObject) (genserver.PosGetVariantDetailResponseObject, error) {
	v, e := h.s.variantDetail(ctx, req.ProductID, req.VariantID, req.Params.Inventory, req.Params.XCustomerGroupID, false)
	if e != nil {
		return posGetVariantDetailError(e), nil
	}
	return genserver.PosGetVariantDetail200JSONResponse{Message: msgVariant, Success: true, Content: gen.GetVariantDetailContent{Variant: v}}, nil
}

func (h *handlers) PosListProductReviews(ctx context.Context, req genserver.PosListProductReviewsRequestObject) (genserver.PosListProductReviewsResponseObject, error) {
	p := req.Params
	r, e := h.s.productReviews(ctx, req.ProductID, reviewQuery{p.Page, p.Limit, p.SortBy, p.Search, p.ReviewTag}, false)
	if e != nil {
		return posListProductReviewsError(e), nil
	}
	return genserver.PosListProductReviews200JSONResponse{Message: msgReviews, Success: true, Content: gen.ListProductReviewsContent{
		Reviews: r.reviews, ReviewTags: &r.tags, Pagination: &r.pagination}}, nil
}

// POS Carts: the storefront's cart engine on the carts of the staff
// session's location (pos_carts.go).

func (h *handlers) PosCreateCart(ctx context.Context, req genserver.PosCreateCartRequestObject) (genserver.PosCreateCartResponseObject, error) {
	if req.Body == nil {
		return posCreateCartError(errNoBody), nil
	}
	c, e := h.s.posCreateCart(ctx, *req.Body)
	if e != nil {
		return posCreateCartError(e), nil
	}
	return genserver.PosCreateCart200JSONResponse{Message: msgCartCreated, Success: true, Content: gen.CreateCartContent{Cart: c}}, nil
}

func (h *handlers) PosGetCart(ctx context.Context, req genserver.PosGetCartRequestObject) (genserver.PosGetCartResponseObject, error) {
	c, e := h.s.onPOSCart(ctx, req.ID, nil)
	if e != nil {
		return posGetCartError(e), nil
	}
	return genserver.PosGetCart200JSONResponse{Message: msgCart, Success: true, Content: gen.GetCartContent{Cart: c}}, nil
}

func (h *handlers) PosGetUserCart(ctx context.Context, req genserver.PosGetUserCartRequestObject) (genserver.PosGetUserCartResponseObject, error) {
	c, e := h.s.posUserCart(ctx, req.UserID)
	if e != nil {
		return posGetUserCartError(e), nil
	}
	return genserver.PosGetUserCart200JSONResponse{Message: msgCart, Success: true, Content: gen.GetUserCartContent{Cart: c}}, nil
}

func (h *handlers) PosDeleteCart(ctx context.Context, req genserver.PosDeleteCartRequestObject) (genserver.PosDeleteCartResponseObject, error) {
	if e := h.s.posDeleteCart(ctx, req.ID); e != nil {
		return posDeleteCartError(e), nil
	}
	return genserver.PosDeleteCart200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgCartDeleted, Success: true}}, nil
}

func (h *handlers) PosUpdateCart(ctx context.Context, req genserver.PosUpdateCartRequestObject) (genserver.PosUpdateCartResponseObject, error) {
	if req.Body == nil {
		return posUpdateCartError(errNoBody), nil
	}
	item := *req.Body
	c, e := h.s.onPOSCart(ctx, req.ID, func(ct *cart, _ *TokenClaims, now time.Time) *apiError {
		return h.s.setItemLocked(ct, itemRequest{product: item.ProductID, variant: item.VariantID, quantity: item.Quantity}, now)
	})
	if e != nil {
		return posUpdateCartError(e), nil
	}
	return genserver.PosUpdateCart200JSONResponse{Message: msgCartUpdated, Success: true, Content: gen.UpdateCartContent{Cart: c}}, nil
}

func (h *handlers) PosCreateCartAddress(ctx context.Context, req genserver.PosCreateCartAddressRequestObject) (genserver.PosCreateCartAddressResponseObject, error) {
	if req.Body == nil {
		return posCreateCartAddressError(errNoBody), nil
	}
	c, e := h.s.posAddresses(ctx, req.ID, *req.Body)
	if e != nil {
		return posCreateCartAddressError(e), nil
	}
	return genserver.PosCreateCartAddress200JSONResponse{Message: msgAddressSet, Success: true, Content: gen.CreateCartAddressContent{Cart: c}}, nil
}

func (h *handlers) PosApplyCoupon(ctx context.Context, req genserver.PosApplyCouponRequestObject) (genserver.PosApplyCouponResponseObject, error) {
	if req.Body == nil {
		return posApplyCouponError(errNoBody), nil
	}
	code := req.Body.CouponCode
	c, e := h.s.onPOSCart(ctx, req.ID, func(ct *cart, _ *TokenClaims, now time.Time) *apiError { return h.s.applyCouponLocked(ct, code, now) })
	if e != nil {
		return posApplyCouponError(e), nil
	}
	return genserver.PosApplyCoupon200JSONResponse{Message: msgCouponApplied, Success: true, Content: gen.ApplyCouponContent{Cart: c}}, nil
}

func (h *handlers) PosRemoveCoupon(ctx context.Context, req genserver.PosRemoveCouponRequestObject) (genserver.PosRemoveCouponResponseObject, error) {
	c, e := h.s.onPOSCart(ctx, req.ID, removeCouponLocked)
	if e != nil {
		return posRemoveCouponError(e), nil
	}
	return genserver.PosRemoveCoupon200JSONResponse{Message: msgCouponRemoved, Success: true, Content: gen.RemoveCouponContent{Cart: c}}, nil
}

func (h *handlers) PosRedeemCreditBalance(ctx context.Context, req genserver.PosRedeemCreditBalanceRequestObject) (genserver.PosRedeemCreditBalanceResponseObject, error) {
	if req.Body == nil {
		return posRedeemCreditBalanceError(errNoBody), nil
	}
	c, e := h.s.posRedeem(ctx, req.ID, req.Body.CreditBalanceUsed, false)
	if e != nil {
		return posRedeemCreditBalanceError(e), nil
	}
	return genserver.PosRedeemCreditBalance200JSONResponse{Message: msgCreditRedeemed, Success: true, Content: gen.RedeemCreditBalanceContent{Cart: c}}, nil
}

func (h *handlers) PosRemoveCreditBalance(ctx context.Context, req genserver.PosRemoveCreditBalanceRequestObject) (genserver.PosRemoveCreditBalanceResponseObject, error) {
	c, e := h.s.onPOSCart(ctx, req.ID, removeRedemptionLocked(false))
	if e != nil {
		return posRemoveCreditBalanceError(e), nil
	}
	return genserver.PosRemoveCreditBalance200JSONResponse{Message: msgCreditRemoved, Success: true, Content: gen.RemoveCreditBalanceContent{Cart: c}}, nil
}

func (h *handlers) PosRedeemLoyaltyPoints(ctx context.Context, req genserver.PosRedeemLoyaltyPointsRequestObject) (genserver.PosRedeemLoyaltyPointsResponseObject, error) {
	if req.Body == nil {
		return posRedeemLoyaltyPointsError(errNoBody), nil
	}
	c, e := h.s.posRedeem(ctx, req.ID, req.Body.LoyaltyPointRedeemed, true)
	if e != nil {
		return posRedeemLoyaltyPointsError(e), nil
	}
	return genserver.PosRedeemLoyaltyPoints200JSONResponse{Message: msgPointsRedeemed, Success: true, Content: gen.RedeemLoyaltyPointsContent{Cart: c}}, nil
}

func (h *handlers) PosRemoveLoyaltyPoints(ctx context.Context, req genserver.PosRemoveLoyaltyPointsRequestObject) (genserver.PosRemoveLoyaltyPointsResponseObject, error) {
	c, e := h.s.onPOSCart(ctx, req.ID, removeRedemptionLocked(true))
	if e != nil {
		return posRemoveLoyaltyPointsError(e), nil
	}
	return genserver.PosRemoveLoyaltyPoints200JSONResponse{Message: msgPointsRemoved, Success: true, Content: gen.RemoveLoyaltyPointsContent{Cart: c}}, nil
}

// PosListCoupons lists the coupons open to the header's customer group,
// else the default group's (a staff member has none of their own).
func (h *handlers) PosListCoupons(ctx context.Context, req genserver.PosListCouponsRequestObject) (genserver.PosListCouponsResponseObject, error) {
	var list []gen.Coupon
	e := h.s.commerceOp(ctx, func(_ *TokenClaims, now time.Time) *apiError {
		list = h.s.couponsOpenLocked(h.s.shop().defaultGroupID(), req.Params.XCustomerGroupID, now)
		return nil
	})
	if e != nil {
		return posListCouponsError(e), nil
	}
	return genserver.PosListCoupons200JSONResponse{Message: msgCoupons, Success: true, Content: gen.ListCouponsContent{Coupons: list}}, nil
}

func (h *handlers) PosListPromotions(ctx context.Context, _ genserver.PosListPromotionsRequestObject) (genserver.PosListPromotionsResponseObject, error) {
	list, e := h.s.listPromotions(ctx)
	if e != nil {
		return posListPromotionsError(e), nil
	}
	return genserver.PosListPromotions200JSONResponse{Message: msgPromotions, Success: true, Content: gen.ListPromotionsContent{Promotions: list}}, nil
}

func (h *handlers) PosEvaluateCoupons(ctx context.Context, req genserver.PosEvaluateCouponsRequestObject) (genserver.PosEvaluateCouponsResponseObject, error) {
	var out gen.EvaluateCouponsContent
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := h.s.posCartLocked(caller, req.ID, now)
		if e == nil {
			out = h.s.evaluateCouponsLocked(ct, now)
		}
		return e
	})
	if e != nil {
		return posEvaluateCouponsError(e), nil
	}
	return genserver.PosEvaluateCoupons200JSONResponse{Message: msgCouponsEvaluated, Success: true, Content: out}, nil
}

func (h *handlers) PosEvaluatePromotions(ctx context.Context, req genserver.PosEvaluatePromotionsRequestObject) (genserver.PosEvaluatePromotionsResponseObject, error) {
	var out gen.EvaluatePromotionsContent
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := h.s.posCartLocked(caller, req.ID, now)
		if e == nil {
			out = h.s.evaluatePromotionsLocked(ct, now)
		}
		return e
	})
	if e != nil {
		return posEvaluatePromotionsError(e), nil
	}
	return genserver.PosEvaluatePromotions200JSONResponse{Message: msgPromosEvaluated, Success: true, Content: out}, nil
}

func (h *handlers) GetPosFulfillmentOptions(ctx context.Context, req genserver.GetPosFulfillmentOptionsRequestObject) (genserver.GetPosFulfillmentOptionsResponseObject, error) {
	if req.Body == nil {
		return getPosFulfillmentOptionsError(errNoBody), nil
	}
	body := *req.Body
	var out gen.GetFulfillmentOptionsContent
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := h.s.posCartLocked(caller, body.CartID, now)
		if e != nil {
			return e
		}
		out, e = h.s.fulfillmentOptionsLocked(ct, body.FulfillmentType, now)
		return e
	})
	if e != nil {
		return getPosFulfillmentOptionsError(e), nil
	}
	return genserver.GetPosFulfillmentOptions200JSONResponse{Message: msgFulfillment, Success: true, Content: out}, nil
}

func (h *handlers) PosUpdateFulfillmentPreference(ctx context.Context, req genserver.PosUpdateFulfillmentPreferenceRequestObject) (genserver.PosUpdateFulfillmentPreferenceResponseObject, error) {
	if req.Body == nil {
		return posUpdateFulfillmentPreferenceError(errNoBody), nil
	}
	pref := *req.Body
	c, e := h.s.onPOSCart(ctx, req.ID, func(ct *cart, _ *TokenClaims, now time.Time) *apiError {
		return h.s.setFulfillmentLocked(ct, pref, now)
	})
	if e != nil {
		return posUpdateFulfillmentPreferenceError(e), nil
	}
	return genserver.PosUpdateFulfillmentPreference200JSONResponse{Message: msgFulfillmentChosen, Success: true, Content: gen.UpdateFulfillmentPreferenceContent{Cart: &c}}, nil
}

func (h *handlers) UpdatePosCartCustomer(ctx context.Context, req genserver.UpdatePosCartCustomerRequestObject) (genserver.UpdatePosCartCustomerResponseObject, error) {
	if req.Body == nil {
		return updatePosCartCustomerError(errNoBody), nil
	}
	c, e := h.s.linkCustomer(ctx, req.ID, *req.Body)
	if e != nil {
		return updatePosCartCustomerError(e), nil
	}
	return genserver.UpdatePosCartCustomer200JSONResponse{Message: msgCustomerLinked, Success: true, Content: gen.PosUpdateCartCustomerContent{Cart: c}}, nil
}

// POS Orders.

func (h *handlers) CreatePosOrder(ctx context.Context, req genserver.CreatePosOrderRequestObject) (genserver.CreatePosOrderResponseObject, error) {
	if req.Body == nil {
		return createPosOrderError(errNoBody), nil
	}
	o, e := h.s.placePOSOrder(ctx, *req.Body)
	if e != nil {
		return createPosOrderError(e), nil
	}
	c := h.s.commerce()
	c.mu.Lock()
	content := gen.CreatePosOrderContent{Order: o.orderView(h.s.Now()), PaymentRequired: o.toBePaid.Sign() > 0}
	c.mu.Unlock()
	return genserver.CreatePosOrder200JSONResponse{Message: msgPOSOrderCreated, Success: true, Content: content}, nil
}

func (h *handlers) PosGetPaymentStatus(ctx context.Context, req genserver.PosGetPaymentStatusRequestObject) (genserver.PosGetPaymentStatusResponseObject, error) {
	c, e := h.s.posPaymentStatus(ctx, req.OrderNumber)
	if e != nil {
		return posGetPaymentStatusError(e), nil
	}
	return genserver.PosGetPaymentStatus200JSONResponse{Message: msgPaymentStatus, Success: true, Content: c}, nil
}
