package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The Store group's handlers.

// Success messages of the store.
const (
	msgStoreActive   = "Store is active"
	msgConfig        = "Store configuration fetched"
	msgKYC           = "KYC documents fetched"
	msgSeller        = "Seller fetched"
	msgSellerReviews = "Seller reviews fetched"
)

// CheckStore answers 200 for the server's store and 404 for any other
// store ID.
func (h *handlers) CheckStore(ctx context.Context, _ genserver.CheckStoreRequestObject) (genserver.CheckStoreResponseObject, error) {
	if e := h.s.storeScope(requestFrom(ctx)); e != nil {
		return checkStoreError(e), nil
	}
	return genserver.CheckStore200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgStoreActive, Success: true}}, nil
}

func (h *handlers) GetConfig(ctx context.Context, _ genserver.GetConfigRequestObject) (genserver.GetConfigResponseObject, error) {
	var cfg gen.StoreConfig
	if e := h.s.reading(ctx, func() *apiError { cfg = h.s.shop().configView(); return nil }); e != nil {
		return getConfigError(e), nil
	}
	msg, ok := msgConfig, true
	return genserver.GetConfig200JSONResponse{Message: &msg, Success: &ok, Content: &gen.GetConfigContent{StoreConfig: &cfg}}, nil
}

func (h *handlers) ListKycDocument(ctx context.Context, _ genserver.ListKycDocumentRequestObject) (genserver.ListKycDocumentResponseObject, error) {
	var c gen.ListKycDocumentContent
	if e := h.s.reading(ctx, func() *apiError { c = h.s.shop().kycView(); return nil }); e != nil {
		return listKycDocumentError(e), nil
	}
	msg, ok := msgKYC, true
	return genserver.ListKycDocument200JSONResponse{Message: &msg, Success: &ok, Content: &c}, nil
}

func (h *handlers) GetSellerDetail(ctx context.Context, req genserver.GetSellerDetailRequestObject) (genserver.GetSellerDetailResponseObject, error) {
	var c gen.GetSellerDetailContent
	e := h.s.reading(ctx, func() (e *apiError) { c, e = h.s.shop().sellerDetail(req.ID); return e })
	if e != nil {
		return getSellerDetailError(e), nil
	}
	msg, ok := msgSeller, true
	return genserver.GetSellerDetail200JSONResponse{Message: &msg, Success: &ok, Content: &c}, nil
}

func (h *handlers) ListSellerReviews(ctx context.Context, req genserver.ListSellerReviewsRequestObject) (genserver.ListSellerReviewsResponseObject, error) {
	var c gen.ListSellerReviewsContent
	e := h.s.reading(ctx, func() (e *apiError) { c, e = h.s.shop().sellerReviews(req.ID); return e })
	if e != nil {
		return listSellerReviewsError(e), nil
	}
	msg, ok := msgSellerReviews, true
	return genserver.ListSellerReviews200JSONResponse{Message: &msg, Success: &ok, Content: &c}, nil
}
