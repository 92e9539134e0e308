package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// The handlers of the Analytics, Campaigns and Fulfillment groups.

// Success messages.
const (
	msgTracked     = "Event tracked"
	msgSubscribed  = "Subscribed to the newsletter"
	msgServiceable = "Serviceability checked"
)

// TrackAnalyticsEvent records the caller's event (trackEvent).
func (h *handlers) TrackAnalyticsEvent(ctx context.Context, req genserver.TrackAnalyticsEventRequestObject) (genserver.TrackAnalyticsEventResponseObject, error) {
	rc, e := callerOf(ctx)
	if e == nil {
		e = h.s.storeScope(rc)
	}
	if e == nil && req.Body == nil {
		e = badRequest(CodeBadRequest, "the event is missing")
	}
	if e == nil {
		e = h.s.trackEvent(rc.caller, *req.Body)
	}
	if e != nil {
		return trackAnalyticsEventError(e), nil
	}
	return genserver.TrackAnalyticsEvent200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgTracked, Success: true}}, nil
}

// SubscribeNewsletter subscribes an email address, once however often it
// is sent (subscribe).
func (h *handlers) SubscribeNewsletter(ctx context.Context, req genserver.SubscribeNewsletterRequestObject) (genserver.SubscribeNewsletterResponseObject, error) {
	e := h.s.storeScope(requestFrom(ctx))
	if e == nil && req.Body == nil {
		e = badRequest(CodeBadRequest, "the email address is missing")
	}
	if e == nil {
		e = h.s.subscribe(req.Body.Email)
	}
	if e != nil {
		return subscribeNewsletterError(e), nil
	}
	return genserver.SubscribeNewsletter200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgSubscribed, Success: true}}, nil
}

// CheckFulfillment answers whether items can be delivered to, or collected
// at, a postal code (checkFulfillment).
func (h *handlers) CheckFulfillment(ctx context.Context, req genserver.CheckFulfillmentRequestObject) (genserver.CheckFulfillmentResponseObject, error) {
	e := h.s.storeScope(requestFrom(ctx))
	if e == nil && req.Body == nil {
		e = badRequest(CodeBadRequest, "the check is missing")
	}
	var c gen.CheckFulfillmentContent
	if e == nil {
		c, e = h.s.checkFulfillment(requestFrom(ctx).caller, *req.Body)
	}
	if e != nil {
		return checkFulfillmentError(e), nil
	}
	return genserver.CheckFulfillment200JSONResponse{Message: msgServiceable, Success: true, Content: c}, nil
}
