package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The Subscriptions group's handlers, on the logged-in shopper's own
// subscriptions (shopperOf); subscriptions.go has the logic.

// Success messages of the Subscriptions group.
const (
	msgSubscriptions       = "Subscriptions fetched"
	msgSubscription        = "Subscription fetched"
	msgSubscriptionCreated = "Subscription created"
	msgSubscriptionUpdated = "Subscription updated"
)

func (h *handlers) ListSubscriptions(ctx context.Context, req genserver.ListSubscriptionsRequestObject) (genserver.ListSubscriptionsResponseObject, error) {
	c, e := h.s.shopperOf(ctx)
	if e != nil {
		return listSubscriptionsError(e), nil
	}
	list, pg, e := h.s.subscriptionPage(c.UserID, req.Params.Page, req.Params.Limit)
	if e != nil {
		return listSubscriptionsError(e), nil
	}
	if list == nil {
		list = []gen.Subscription{}
	}
	return genserver.ListSubscriptions200JSONResponse{Message: msgSubscriptions, Success: true,
		Content: gen.ListSubscriptionsContent{Subscriptions: list, Pagination: pg}}, nil
}

func (h *handlers) CreateSubscription(ctx context.Context, req genserver.CreateSubscriptionRequestObject) (genserver.CreateSubscriptionResponseObject, error) {
	c, e := h.s.shopperOf(ctx)
	if e != nil || req.Body == nil {
		return createSubscriptionError(orBodyMissing(e)), nil
	}
	b, e := decodeSubscriptionBody(req.Body)
	if e != nil {
		return createSubscriptionError(e), nil
	}
	sub, e := h.s.createSubscription(c.UserID, b)
	if e != nil {
		return createSubscriptionError(e), nil
	}
	return genserver.CreateSubscription200JSONResponse{Message: msgSubscriptionCreated, Success: true, Content: gen.CreateSubscriptionContent{Subscription: sub}}, nil
}

func (h *handlers) GetSubscription(ctx context.Context, req genserver.GetSubscriptionRequestObject) (genserver.GetSubscriptionResponseObject, error) {
	c, e := h.s.shopperOf(ctx)
	if e != nil {
		return getSubscriptionError(e), nil
	}
	sub, e := h.s.subscription(c.UserID, req.ID)
	if e != nil {
		return getSubscriptionError(e), nil
	}
	return genserver.GetSubscription200JSONResponse{Message: msgSubscription, Success: true, Content: gen.GetSubscriptionContent{Subscription: sub}}, nil
}

func (h *handlers) UpdateSubscription(ctx context.Context, req genserver.UpdateSubscriptionRequestObject) (genserver.UpdateSubscriptionResponseObject, error) {
	c, e := h.s.shopperOf(ctx)
	if e != nil || req.Body == nil {
		return updateSubscriptionError(orBodyMissing(e)), nil
	}
	b, e := decodeSubscriptionBody(req.Body)
	if e != nil {
		return updateSubscriptionError(e), nil
	}
	sub, e := h.s.updateSubscription(c.UserID, req.ID, b)
	if e != nil {
		return updateSubscriptionError(e), nil
	}
	return genserver.UpdateSubscription200JSONResponse{Message: msgSubscriptionUpdated, Success: true, Content: gen.UpdateSubscriptionContent{Subscription: sub}}, nil
}
