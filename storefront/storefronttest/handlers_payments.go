package storefronttest

import (
	"context"
	"time"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The Payments group's handlers. Every operation needs the shopper's
// access token and the server's store (another store has no payments:
// 404, or 400 where the operation declares no 404).

// Success messages of the payments.
const (
	msgPaymentMethods = "Payment methods fetched"
	msgCardInfo       = "Card information fetched"
	msgIFSC           = "IFSC details fetched"
	msgVPA            = "UPI address verified"
	msgHash           = "Hash generated"
	msgJuspayCustomer = "Customer fetched"
	msgJuspayCreated  = "Customer created"
	msgJuspayOrder    = "Gateway order created"
	msgOTPVerified    = "Payment authenticated"
	msgOTPResent      = "OTP sent again"
)

func (h *handlers) ListPaymentMethods(ctx context.Context, req genserver.ListPaymentMethodsRequestObject) (genserver.ListPaymentMethodsResponseObject, error) {
	var list []map[string]any
	e := h.s.commerceOp(ctx, func(*TokenClaims, time.Time) (e *apiError) { list, e = paymentMethodsFor(req.Params); return e })
	if e != nil {
		return listPaymentMethodsError(e), nil
	}
	c := convert[gen.ListPaymentMethodsContent](map[string]any{"payment_methods": list})
	msg, ok := msgPaymentMethods, true
	return genserver.ListPaymentMethods200JSONResponse{Message: &msg, Success: &ok, Content: &c}, nil
}

func (h *handlers) GetCardInfo(ctx context.Context, req genserver.GetCardInfoRequestObject) (genserver.GetCardInfoResponseObject, error) {
	var info gen.CardbinInfo
	e := h.s.commerceOp(ctx, func(*TokenClaims, time.Time) (e *apiError) { info, e = cardInfo(req.Params.Cardbin); return e })
	if e != nil {
		return getCardInfoError(e), nil
	}
	return genserver.GetCardInfo200JSONResponse{Message: msgCardInfo, Success: true, Content: gen.GetCardInfoContent{CardInfo: info}}, nil
}

func (h *handlers) GetIfscLookup(ctx context.Context, req genserver.GetIfscLookupRequestObject) (genserver.GetIfscLookupResponseObject, error) {
	var d gen.IfscDetail
	e := h.s.commerceOp(ctx, func(*TokenClaims, time.Time) (e *apiError) { d, e = ifscLookup(req.IfscCode); return e })
	if e != nil {
		return getIfscLookupError(e), nil
	}
	return genserver.GetIfscLookup200JSONResponse{Message: msgIFSC, Success: true, Content: gen.GetIfscLookupContent{Ifsc: d}}, nil
}

func (h *handlers) VerifyVpa(ctx context.Context, req genserver.VerifyVpaRequestObject) (genserver.VerifyVpaResponseObject, error) {
	var c gen.VerifyVpaContent
	e := h.s.commerceOp(ctx, func(*TokenClaims, time.Time) (e *apiError) { c, e = verifyVPA(req.Params.Vpa); return e })
	if e != nil {
		return verifyVpaError(e), nil
	}
	msg, ok := msgVPA, true
	return genserver.VerifyVpa200JSONResponse{Message: &msg, Success: &ok, Content: &c}, nil
}

func (h *handlers) GenerateHash(ctx context.Context, req genserver.GenerateHashRequestObject) (genserver.GenerateHashResponseObject, error) {
	if req.Body == nil {
		return generateHashError(errNoBody), nil
	}
	var hash string
	e := h.s.commerceOp(ctx, func(*TokenClaims, time.Time) (e *apiError) { hash, e = generateHash(*req.Body); return e })
	if e != nil {
		return generateHashError(e), nil
	}
	msg, ok := msgHash, true
	return genserver.GenerateHash200JSONResponse{Message: &msg, Success: &ok, Content: &gen.GenerateHashContent{Hash: &hash}}, nil
}

func (h *handlers) CreateJuspayCustomer(ctx context.Context, req genserver.CreateJuspayCustomerRequestObject) (genserver.CreateJuspayCustomerResponseObject, error) {
	if req.Body == nil {
		return createJuspayCustomerError(errNoBody), nil
	}
	var jc *gen.JuspayCustomer
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) (e *apiError) {
		jc, e = h.s.juspayCustomerLocked(caller, deref(req.Body.UserID), true, now)
		return e
	})
	if e != nil {
		return createJuspayCustomerError(e), nil
	}
	return genserver.CreateJuspayCustomer200JSONResponse{Message: msgJuspayCreated, Success: true, Content: gen.CreateJuspayCustomerContent{Data: jc}}, nil
}

func (h *handlers) GetJuspayCustomer(ctx context.Context, req genserver.GetJuspayCustomerRequestObject) (genserver.GetJuspayCustomerResponseObject, error) {
	var jc *gen.JuspayCustomer
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) (e *apiError) {
		jc, e = h.s.juspayCustomerLocked(caller, req.UserID, false, now)
		return e
	})
	if e != nil {
		return getJuspayCustomerError(e), nil
	}
	return genserver.GetJuspayCustomer200JSONResponse{Message: msgJuspayCustomer, Success: true, Content: gen.GetJuspayCustomerContent{Data: jc}}, nil
}

func (h *handlers) CreateJuspayOrder(ctx context.Context, req genserver.CreateJuspayOrderRequestObject) (genserver.CreateJuspayOrderResponseObject, error) {
	if req.Body == nil {
		return createJuspayOrderError(errNoBody), nil
	}
	var jo *gen.JuspayOrder
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) (e *apiError) {
		jo, e = h.s.juspayOrderLocked(caller, *req.Body, now)
		return e
	})
	if e != nil {
		return createJuspayOrderError(e), nil
	}
	return genserver.CreateJuspayOrder200JSONResponse{Message: msgJuspayOrder, Success: true, Content: gen.CreateJuspayOrderContent{Data: jo}}, nil
}

func (h *handlers) AuthenticateDirectOTP(ctx context.Context, req genserver.AuthenticateDirectOTPRequestObject) (genserver.AuthenticateDirectOTPResponseObject, error) {
	if req.Body == nil {
		return authenticateDirectOTPError(errNoBody), nil
	}
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError { return h.s.authenticateOTP(caller, *req.Body, now) })
	if e != nil {
		return authenticateDirectOTPError(e), nil
	}
	return genserver.AuthenticateDirectOTP200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgOTPVerified, Success: true}}, nil
}

func (h *handlers) ResendDirectOTP(ctx context.Context, req genserver.ResendDirectOTPRequestObject) (genserver.ResendDirectOTPResponseObject, error) {
	if req.Body == nil {
		return resendDirectOTPError(errNoBody), nil
	}
	var info map[string]any
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, _ time.Time) (e *apiError) {
		info, e = h.s.resendOTP(caller, *req.Body)
		return e
	})
	if e != nil {
		return resendDirectOTPError(e), nil
	}
	return genserver.ResendDirectOTP200JSONResponse{Message: msgOTPResent, Success: true,
		Content: gen.ResendDirectOTPContent{PaymentInfo: convert[gen.JusPayExpressCheckoutResponse](info)}}, nil
}
