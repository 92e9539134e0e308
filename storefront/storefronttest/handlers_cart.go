package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The Carts group's handlers: each unpacks its request, calls the logic of
// cart_ops.go and packs the answer.

// Success messages of the carts.
const (
	msgCart              = "Cart fetched"
	msgCartCreated       = "Cart created"
	msgCartUpdated       = "Cart updated"
	msgCartDeleted       = "All cart items are removed."
	msgAddressSet        = "Address updated successfully"
	msgCouponApplied     = "Coupon applied"
	msgCouponRemoved     = "Coupon removed"
	msgCreditRedeemed    = "Credit balance applied"
	msgCreditRemoved     = "Credit balance removed"
	msgPointsRedeemed    = "Loyalty points redeemed"
	msgPointsRemoved     = "Loyalty points removed"
	msgCoupons           = "Coupons fetched"
	msgPromotions        = "Promotions fetched"
	msgCouponsEvaluated  = "Coupons evaluated"
	msgPromosEvaluated   = "Promotions evaluated"
	msgFulfillment       = "Fulfillment options fetched"
	msgFulfillmentChosen = "Fulfillment preference updated"
)

var errNoBody = badRequest(CodeBadRequest, "the request body is required")

func (h *handlers) CreateCart(ctx context.Context, req genserver.CreateCartRequestObject) (genserver.CreateCartResponseObject, error) {
	if req.Body == nil {
		return createCartError(errNoBody), nil
	}
	c, e := h.s.createCart(ctx, *req.Body)
	if e != nil {
		return createCartError(e), nil
	}
	return genserver.CreateCart200JSONResponse{Message: msgCartCreated, Success: true, Content: gen.CreateCartContent{Cart: c}}, nil
}

func (h *handlers) GetCart(ctx context.Context, req genserver.GetCartRequestObject) (genserver.GetCartResponseObject, error) {
	c, e := h.s.onCart(ctx, req.ID, nil)
	if e != nil {
		return getCartError(e), nil
	}
	return genserver.GetCart200JSONResponse{Message: msgCart, Success: true, Content: gen.GetCartContent{Cart: c}}, nil
}

func (h *handlers) GetUserCart(ctx context.Context, req genserver.GetUserCartRequestObject) (genserver.GetUserCartResponseObject, error) {
	c, e := h.s.userCart(ctx, req.UserID)
	if e != nil {
		return getUserCartError(e), nil
	}
	return genserver.GetUserCart200JSONResponse{Message: msgCart, Success: true, Content: gen.GetUserCartContent{Cart: c}}, nil
}

func (h *handlers) DeleteCart(ctx context.Context, req genserver.DeleteCartRequestObject) (genserver.DeleteCartResponseObject, error) {
	if e := h.s.deleteCart(ctx, req.ID, ""); e != nil {
		return deleteCartError(e), nil
	}
	return genserver.DeleteCart200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgCartDeleted, Success: true}}, nil
}

func (h *handlers) DeleteUserCart(ctx context.Context, req genserver.DeleteUserCartRequestObject) (genserver.DeleteUserCartResponseObject, error) {
	if req.UserID == "" {
		return deleteUserCartError(errCartNotFound), nil
	}
	if e := h.s.deleteCart(ctx, "", req.UserID); e != nil {
		return deleteUserCartError(e), nil
	}
	return genserver.DeleteUserCart200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgCartDeleted, Success: true}}, nil
}

func (h *handlers) UpdateCart(ctx context.Context, req genserver.UpdateCartRequestObject) (genserver.UpdateCartResponseObject, error) {
	if req.Body == nil {
		return updateCartError(errNoBody), nil
	}
	c, e := h.s.updateCart(ctx, req.ID, *req.Body)
	if e != nil {
		return updateCartError(e), nil
	}
	return genserver.UpdateCart200JSONResponse{Message: msgCartUpdated, Success: true, Content: gen.UpdateCartContent{Cart: c}}, nil
}

func (h *handlers) CreateCartAddress(ctx context.Context, req genserver.CreateCartAddressRequestObject) (genserver.CreateCartAddressResponseObject, error) {
	if req.Body == nil {
		return createCartAddressError(errNoBody), nil
	}
	c, e := h.s.setAddresses(ctx, req.ID, *req.Body)
	if e != nil {
		return createCartAddressError(e), nil
	}
	return genserver.CreateCartAddress200JSONResponse{Message: msgAddressSet, Success: true, Content: gen.CreateCartAddressContent{Cart: c}}, nil
}

func (h *handlers) ApplyCoupon(ctx context.Context, req genserver.ApplyCouponRequestObject) (genserver.ApplyCouponResponseObject, error) {
	if req.Body == nil {
		return applyCouponError(errNoBody), nil
	}
	c, e := h.s.applyCoupon(ctx, req.ID, req.Body.CouponCode)
	if e != nil {
		return applyCouponError(e), nil
	}
	return genserver.ApplyCoupon200JSONResponse{Message: msgCouponApplied, Success: true, Content: gen.ApplyCouponContent{Cart: c}}, nil
}

func (h *handlers) RemoveCoupon(ctx context.Context, req genserver.RemoveCouponRequestObject) (genserver.RemoveCouponResponseObject, error) {
	c, e := h.s.removeCoupon(ctx, req.ID)
	if e != nil {
		return removeCouponError(e), nil
	}
	return genserver.RemoveCoupon200JSONResponse{Message: msgCouponRemoved, Success: true, Content: gen.RemoveCouponContent{Cart: c}}, nil
}

func (h *handlers) RedeemCreditBalance(ctx context.Context, req genserver.RedeemCreditBalanceRequestObject) (genserver.RedeemCreditBalanceResponseObject, error) {
	if req.Body == nil {
		return redeemCreditBalanceError(errNoBody), nil
	}
	c, e := h.s.redeem(ctx, req.ID, req.Body.CreditBalanceUsed, false)
	if e != nil {
		return redeemCreditBalanceError(e), nil
	}
	return genserver.RedeemCreditBalance200JSONResponse{Message: msgCreditRedeemed, Success: true, Content: gen.RedeemCreditBalanceContent{Cart: c}}, nil
}

func (h *handlers) RemoveCreditBalance(ctx context.Context, req genserver.RemoveCreditBalanceRequestObject) (genserver.RemoveCreditBalanceResponseObject, error) {
	c, e := h.s.removeRedemption(ctx, req.ID, false)
	if e != nil {
		return removeCreditBalanceError(e), nil
	}
	return genserver.RemoveCreditBalance200JSONResponse{Message: msgCreditRemoved, Success: true, Content: gen.RemoveCreditBalanceContent{Cart: c}}, nil
}

func (h *handlers) RedeemLoyaltyPoints(ctx context.Context, req genserver.RedeemLoyaltyPointsRequestObject) (genserver.RedeemLoyaltyPointsResponseObject, error) {
	if req.Body == nil {
		return redeemLoyaltyPointsError(errNoBody), nil
	}
	c, e := h.s.redeem(ctx, req.ID, req.Body.LoyaltyPointRedeemed, true)
	if e != nil {
		return redeemLoyaltyPointsError(e), nil
	}
	return genserver.RedeemLoyaltyPoints200JSONResponse{Message: msgPointsRedeemed, Success: true, Content: gen.RedeemLoyaltyPointsContent{Cart: c}}, nil
}

func (h *handlers) RemoveLoyaltyPoints(ctx context.Context, req genserver.RemoveLoyaltyPointsRequestObject) (genserver.RemoveLoyaltyPointsResponseObject, error) {
	c, e := h.s.removeRedemption(ctx, req.ID, true)
	if e != nil {
		return removeLoyaltyPointsError(e), nil
	}
	return genserver.RemoveLoyaltyPoints200JSONResponse{Message: msgPointsRemoved, Success: true, Content: gen.RemoveLoyaltyPointsContent{Cart: c}}, nil
}

func (h *handlers) ListCoupons(ctx context.Context, req genserver.ListCouponsRequestObject) (genserver.ListCouponsResponseObject, error) {
	list, e := h.s.listCoupons(ctx, req.Params.XCustomerGroupID)
	if e != nil {
		return listCouponsError(e), nil
	}
	return genserver.ListCoupons200JSONResponse{Message: msgCoupons, Success: true, Content: gen.ListCouponsContent{Coupons: list}}, nil
}

func (h *handlers) ListPromotions(ctx context.Context, _ genserver.ListPromotionsRequestObject) (genserver.ListPromotionsResponseObject, error) {
	list, e := h.s.listPromotions(ctx)
	if e != nil {
		return listPromotionsError(e), nil
	}
	return genserver.ListPromotions200JSONResponse{Message: msgPromotions, Success: true, Content: gen.ListPromotionsContent{Promotions: list}}, nil
}

func (h *handlers) EvaluateCoupons(ctx context.Context, req genserver.EvaluateCouponsRequestObject) (genserver.EvaluateCouponsResponseObject, error) {
	c, e := h.s.evaluateCoupons(ctx, req.ID)
	if e != nil {
		return evaluateCouponsError(e), nil
	}
	return genserver.EvaluateCoupons200JSONResponse{Message: msgCouponsEvaluated, Success: true, Content: c}, nil
}

func (h *handlers) EvaluatePromotions(ctx context.Context, req genserver.EvaluatePromotionsRequestObject) (genserver.EvaluatePromotionsResponseObject, error) {
	c, e := h.s.evaluatePromotions(ctx, req.ID)
	if e != nil {
		return evaluatePromotionsError(e), nil
	}
	return genserver.EvaluatePromotions200JSONResponse{Message: msgPromosEvaluated, Success: true, Content: c}, nil
}

func (h *handlers) GetFulfillmentOptions(ctx context.Context, req genserver.GetFulfillmentOptionsRequestObject) (genserver.GetFulfillmentOptionsResponseObject, error) {
	if req.Body == nil {
		return getFulfillmentOptionsError(errNoBody), nil
	}
	c, e := h.s.fulfillmentOptions(ctx, *req.Body)
	if e != nil {
		return getFulfillmentOptionsError(e), nil
	}
	return genserver.GetFulfillmentOptions200JSONResponse{Message: msgFulfillment, Success: true, Content: c}, nil
}

func (h *handlers) UpdateFulfillmentPreference(ctx context.Context, req genserver.UpdateFulfillmentPreferenceRequestObject) (genserver.UpdateFulfillmentPreferenceResponseObject, error) {
	if req.Body == nil {
		return updateFulfillmentPreferenceError(errNoBody), nil
	}
	c, e := h.s.setFulfillment(ctx, req.ID, *req.Body)
	if e != nil {
		return updateFulfillmentPreferenceError(e), nil
	}
	return genserver.UpdateFulfillmentPreference200JSONResponse{Message: msgFulfillmentChosen, Success: true, Content: gen.UpdateFulfillmentPreferenceContent{Cart: &c}}, nil
}
