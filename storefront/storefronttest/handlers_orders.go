package storefronttest

import (
	"context"
	"time"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The Orders and Wishlist groups' handlers. Every operation needs the
// shopper's access token and the server's store; an order (or a return)
// is its shopper's only: another shopper's is a 404 like an unknown one.

// Success messages of the orders and the wishlist.
const (
	msgOrderPlaced      = "Order created"
	msgOrders           = "Orders fetched"
	msgOrder            = "Order fetched"
	msgBuyAgain         = "Items fetched"
	msgOrderCancelled   = "Order cancelled"
	msgPaymentCancelled = "Payment request cancelled"
	msgPaymentStatus    = "Payment status fetched"
	msgPayments         = "Payments fetched"
	msgRefunds          = "Refunds fetched"
	msgPaymentRetried   = "Payment started"
	msgReturns          = "Returns fetched"
	msgReturnCreated    = "Return created"
	msgReturn           = "Return fetched"
	msgAttached         = "Attachments uploaded"
	msgReturnCancelled  = "Return cancelled"
	msgShipments        = "Shipments fetched"
	msgWishlist         = "Wishlist fetched"
	msgWishlistAdded    = "Added to the wishlist"
	msgWishlistRemoved  = "Removed from the wishlist"
)

// onOrder runs f on one of the caller's orders.
func (s *Server) onOrder(ctx context.Context, number string, f func(o *order, caller *TokenClaims, now time.Time) *apiError) *apiError {
	return s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		o, e := s.orderLocked(caller, number)
		if e != nil {
			return e
		}
		return f(o, caller, now)
	})
}

func (h *handlers) CreateOrder(ctx context.Context, req genserver.CreateOrderRequestObject) (genserver.CreateOrderResponseObject, error) {
	if req.Body == nil {
		return createOrderError(errNoBody), nil
	}
	o, t, e := h.s.placeOrder(ctx, *req.Body)
	if e != nil {
		return createOrderError(e), nil
	}
	c := h.s.commerce()
	c.mu.Lock()
	now := h.s.Now()
	content := gen.CreateOrderContent{Order: o.orderView(now), PaymentRequired: o.toBePaid.Sign() > 0,
		PaymentInfo: convert[gen.GatewayPaymentInfo](h.s.paymentInfo(t))}
	c.mu.Unlock()
	return genserver.CreateOrder200JSONResponse{Message: msgOrderPlaced, Success: true, Content: content}, nil
}

func (h *handlers) ListOrders(ctx context.Context, req genserver.ListOrdersRequestObject) (genserver.ListOrdersResponseObject, error) {
	p := req.Params
	var list []gen.OrderList
	var pg gen.Pagination
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) (e *apiError) {
		list, pg, e = h.s.listOrdersLocked(caller, orderQuery{page: p.Page, limit: p.Limit, sortBy: p.SortBy, status: p.Status, userID: p.UserID}, now)
		return e
	})
	if e != nil {
		return listOrdersError(e), nil
	}
	msg, ok := msgOrders, true
	return genserver.ListOrders200JSONResponse{Message: &msg, Success: &ok, Content: &gen.ListOrdersContent{Orders: &list, Pagination: &pg}}, nil
}

func (h *handlers) ListBuyItAgainItems(ctx context.Context, req genserver.ListBuyItAgainItemsRequestObject) (genserver.ListBuyItAgainItemsResponseObject, error) {
	p := req.Params
	var list []gen.BuyOrderItemAgain
	var pg gen.Pagination
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, _ time.Time) (e *apiError) {
		list, pg, e = h.s.buyAgainLocked(caller, p.Page, p.Limit, p.SellerID)
		return e
	})
	if e != nil {
		return listBuyItAgainItemsError(e), nil
	}
	return genserver.ListBuyItAgainItems200JSONResponse{Message: msgBuyAgain, Success: true, Content: gen.ListBuyItAgainItemsContent{Items: list, Pagination: pg}}, nil
}

func (h *handlers) GetOrderDetail(ctx context.Context, req genserver.GetOrderDetailRequestObject) (genserver.GetOrderDetailResponseObject, error) {
	var d gen.OrderDetail
	e := h.s.onOrder(ctx, req.OrderNumber, func(o *order, _ *TokenClaims, now time.Time) *apiError { d = o.detailView(now); return nil })
	if e != nil {
		return getOrderDetailError(e), nil
	}
	return genserver.GetOrderDetail200JSONResponse{Message: msgOrder, Success: true, Content: gen.GetOrderDetailContent{Order: d}}, nil
}

func (h *handlers) CancelOrder(ctx context.Context, req genserver.CancelOrderRequestObject) (genserver.CancelOrderResponseObject, error) {
	if req.Body == nil {
		return cancelOrderError(errNoBody), nil
	}
	var d gen.OrderDetail
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		o, e := h.s.cancelOrderLocked(caller, req.OrderNumber, *req.Body, now)
		if e == nil {
			d = o.detailView(now)
		}
		return e
	})
	if e != nil {
		return cancelOrderError(e), nil
	}
	ok := true
	return genserver.CancelOrder200JSONResponse{Message: msgOrderCancelled, Success: &ok, Content: &gen.CancelOrderContent{Order: &d}}, nil
}

func (h *handlers) CancelPaymentRequest(ctx context.Context, req genserver.CancelPaymentRequestRequestObject) (genserver.CancelPaymentRequestResponseObject, error) {
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		return h.s.cancelPaymentLocked(caller, req.OrderNumber, now)
	})
	if e != nil {
		return cancelPaymentRequestError(e), nil
	}
	return genserver.CancelPaymentRequest200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgPaymentCancelled, Success: true}}, nil
}

func (h *handlers) GetPaymentStatus(ctx context.Context, req genserver.GetPaymentStatusRequestObject) (genserver.GetPaymentStatusResponseObject, error) {
	var c gen.GetPaymentStatusContent
	e := h.s.onOrder(ctx, req.OrderNumber, func(o *order, _ *TokenClaims, _ time.Time) *apiError { c = o.paymentStatusView(); return nil })
	if e != nil {
		return getPaymentStatusError(e), nil
	}
	return genserver.GetPaymentStatus200JSONResponse{Message: msgPaymentStatus, Success: true, Content: c}, nil
}

func (h *handlers) ListOrderPayments(ctx context.Context, req genserver.ListOrderPaymentsRequestObject) (genserver.ListOrderPaymentsResponseObject, error) {
	var list []gen.OrderPayment
	e := h.s.onOrder(ctx, req.OrderNumber, func(o *order, _ *TokenClaims, _ time.Time) *apiError { list = o.paymentViews(); return nil })
	if e != nil {
		return listOrderPaymentsError(e), nil
	}
	ok := true
	return genserver.ListOrderPayments200JSONResponse{Message: msgPayments, Success: &ok, Content: &gen.ListOrderPaymentsContent{Payments: &list}}, nil
}

func (h *handlers) ListOrderRefunds(ctx context.Context, req genserver.ListOrderRefundsRequestObject) (genserver.ListOrderRefundsResponseObject, error) {
	var list []gen.OrderRefund
	e := h.s.onOrder(ctx, req.OrderNumber, func(o *order, _ *TokenClaims, now time.Time) *apiError { list = o.refundViews(now); return nil })
	if e != nil {
		return listOrderRefundsError(e), nil
	}
	ok := true
	return genserver.ListOrderRefunds200JSONResponse{Message: msgRefunds, Success: &ok, Content: &gen.ListOrderRefundsContent{Refunds: &list}}, nil
}

func (h *handlers) RetryOrderPayment(ctx context.Context, req genserver.RetryOrderPaymentRequestObject) (genserver.RetryOrderPaymentResponseObject, error) {
	if req.Body == nil {
		return retryOrderPaymentError(errNoBody), nil
	}
	var info map[string]any
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		t, e := h.s.retryPaymentLocked(caller, req.OrderNumber, *req.Body, now)
		if e == nil {
			info = h.s.paymentInfo(t)
		}
		return e
	})
	if e != nil {
		return retryOrderPaymentError(e), nil
	}
	return genserver.RetryOrderPayment200JSONResponse{Message: msgPaymentRetried, Success: true,
		Content: gen.RetryOrderPaymentContent{PaymentInfo: convert[gen.GatewayPaymentInfo](info)}}, nil
}

func (h *handlers) ListOrderShipments(ctx context.Context, req genserver.ListOrderShipmentsRequestObject) (genserver.ListOrderShipmentsResponseObject, error) {
	var list []gen.OrderShipment
	e := h.s.onOrder(ctx, req.OrderNumber, func(o *order, _ *TokenClaims, now time.Time) *apiError { list = o.shipmentViews(now); return nil })
	if e != nil {
		return listOrderShipmentsError(e), nil
	}
	ok := true
	return genserver.ListOrderShipments200JSONResponse{Message: msgShipments, Success: &ok, Content: &gen.ListOrderShipmentsContent{Shipments: &list}}, nil
}

func (h *handlers) ListOrderReturns(ctx context.Context, req genserver.ListOrderReturnsRequestObject) (genserver.ListOrderReturnsResponseObject, error) {
	var list []gen.OrderReturn
	e := h.s.onOrder(ctx, req.OrderNumber, func(o *order, _ *TokenClaims, _ time.Time) *apiError {
		list = make([]gen.OrderReturn, 0, len(o.returns))
		for _, r := range o.returns {
			list = append(list, r.view())
		}
		return nil
	})
	if e != nil {
		return listOrderReturnsError(e), nil
	}
	msg, ok := msgReturns, true
	return genserver.ListOrderReturns200JSONResponse{Message: &msg, Success: &ok, Content: &gen.ListOrderReturnsContent{Returns: &list}}, nil
}

func (h *handlers) CreateOrderReturn(ctx context.Context, req genserver.CreateOrderReturnRequestObject) (genserver.CreateOrderReturnResponseObject, error) {
	if req.Body == nil {
		return createOrderReturnError(errNoBody), nil
	}
	var r gen.OrderReturn
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ret, e := h.s.createReturnLocked(caller, req.OrderNumber, *req.Body, now)
		if e == nil {
			r = ret.view()
		}
		return e
	})
	if e != nil {
		return createOrderReturnError(e), nil
	}
	msg, ok := msgReturnCreated, true
	return genserver.CreateOrderReturn200JSONResponse{Message: &msg, Success: &ok, Content: &gen.CreateOrderReturnContent{OrderReturn: &r}}, nil
}

func (h *handlers) GetOrderReturnDetail(ctx context.Context, req genserver.GetOrderReturnDetailRequestObject) (genserver.GetOrderReturnDetailResponseObject, error) {
	var d gen.OrderReturnDetail
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		r, e := h.s.returnLocked(caller, req.OrderNumber, req.ReturnNumber)
		if e == nil {
			d = r.detailView(now)
		}
		return e
	})
	if e != nil {
		return getOrderReturnDetailError(e), nil
	}
	msg, ok := msgReturn, true
	return genserver.GetOrderReturnDetail200JSONResponse{Message: &msg, Success: &ok, Content: &gen.GetOrderReturnDetailContent{OrderReturn: &d}}, nil
}

func (h *handlers) UploadOrderReturnAttachments(ctx context.Context, req genserver.UploadOrderReturnAttachmentsRequestObject) (genserver.UploadOrderReturnAttachmentsResponseObject, error) {
	if e := h.s.attachToReturn(ctx, req.OrderNumber, req.ReturnNumber, req.Body); e != nil {
		return uploadOrderReturnAttachmentsError(e), nil
	}
	return genserver.UploadOrderReturnAttachments200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgAttached, Success: true}}, nil
}

func (h *handlers) CancelOrderReturn(ctx context.Context, req genserver.CancelOrderReturnRequestObject) (genserver.CancelOrderReturnResponseObject, error) {
	if req.Body == nil {
		return cancelOrderReturnError(errNoBody), nil
	}
	var r gen.OrderReturn
	e := h.s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ret, e := h.s.cancelReturnLocked(caller, req.OrderNumber, req.ReturnNumber, req.Body.Reason, now)
		if e == nil {
			r = ret.view()
		}
		return e
	})
	if e != nil {
		return cancelOrderReturnError(e), nil
	}
	msg, ok := msgReturnCancelled, true
	return genserver.CancelOrderReturn200JSONResponse{Message: &msg, Success: &ok, Content: &gen.CancelOrderReturnContent{OrderReturn: &r}}, nil
}

// wishlistOp answers the wishlist operations.
func (s *Server) wishlistOp(ctx context.Context, userID, product string, variant *string, add, remove bool, seller *string) (list []gen.Item, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) (e *apiError) {
		list, e = s.wishlistLocked(caller, userID, product, variant, add, remove, seller, now)
		return e
	})
	return list, e
}

func (h *handlers) GetWishlist(ctx context.Context, req genserver.GetWishlistRequestObject) (genserver.GetWishlistResponseObject, error) {
	list, e := h.s.wishlistOp(ctx, req.UserID, "", nil, false, false, req.Params.SellerID)
	if e != nil {
		return getWishlistError(e), nil
	}
	return genserver.GetWishlist200JSONResponse{Message: msgWishlist, Success: true, Content: gen.GetWishlistContent{Products: list}}, nil
}

func (h *handlers) AddToWishlist(ctx context.Context, req genserver.AddToWishlistRequestObject) (genserver.AddToWishlistResponseObject, error) {
	if req.Body == nil {
		return addToWishlistError(errNoBody), nil
	}
	list, e := h.s.wishlistOp(ctx, req.UserID, req.Body.ProductID, req.Body.VariantID, true, false, nil)
	if e != nil {
		return addToWishlistError(e), nil
	}
	return genserver.AddToWishlist200JSONResponse{Message: msgWishlistAdded, Success: true, Content: gen.AddToWishlistContent{Products: list}}, nil
}

func (h *handlers) DeleteFromWishlist(ctx context.Context, req genserver.DeleteFromWishlistRequestObject) (genserver.DeleteFromWishlistResponseObject, error) {
	if req.Body == nil {
		return deleteFromWishlistError(errNoBody), nil
	}
	list, e := h.s.wishlistOp(ctx, req.UserID, req.Body.ProductID, req.Body.VariantID, false, true, nil)
	if e != nil {
		return deleteFromWishlistError(e), nil
	}
	return genserver.DeleteFromWishlist200JSONResponse{Message: msgWishlistRemoved, Success: true, Content: gen.DeleteFromWishlistContent{Products: list}}, nil
}
