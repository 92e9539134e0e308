package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// GetAnonymousToken starts a session for a visitor. The visitor is not
// stored: the id lives in the tokens. With the visitor's previous access
// token as Bearer (expired or not, as long as this server signed it for this
// store), the id and anonymous_id carry over; a token whose signature does
// not verify is ignored and a new visitor is made.
func (h *handlers) GetAnonymousToken(ctx context.Context, _ genserver.GetAnonymousTokenRequestObject) (genserver.GetAnonymousTokenResponseObject, error) {
	rc := requestFrom(ctx)
	now := h.s.Now()
	id, anonymousID := newULID(now), ""
	if p := rc.prior; p != nil {
		id, anonymousID = p.UserID, p.AnonymousID
	}
	pair := h.s.issue(rc.storeID, visitorSubject(id, anonymousID), "", 0)
	created := visitorCreated(id, now)
	return genserver.GetAnonymousToken200JSONResponse{
		Message: msgAnonymous,
		Success: true,
		Content: gen.AnonymousUserContent{
			User:         gen.AnonymousUser{ID: id, IsAnonymous: true, CreatedAt: created, ModifiedAt: created},
			AccessToken:  pair.access,
			RefreshToken: pair.refresh,
		},
	}, nil
}

// RefreshToken exchanges a refresh token for a new pair of the same user
// and login state. See Server.refresh for the rotation and the errors.
func (h *handlers) RefreshToken(ctx context.Context, req genserver.RefreshTokenRequestObject) (genserver.RefreshTokenResponseObject, error) {
	if req.Body == nil {
		return refreshTokenError(fieldError(CodeBadRequest, "refresh_token", "is required")), nil
	}
	pair, e := h.s.refresh(requestFrom(ctx).storeID, req.Body.RefreshToken)
	if e != nil {
		return refreshTokenError(e), nil
	}
	return genserver.RefreshToken200JSONResponse{TokensIssuedJSONResponse: genserver.TokensIssuedJSONResponse{
		Message: msgRefreshed,
		Success: true,
		Content: gen.AuthTokens{AccessToken: pair.access, RefreshToken: pair.refresh},
	}}, nil
}

// Logout ends the caller's session (its access and refresh tokens are
// refused from now on; only the access token with
// WithLogoutRevokingAccessOnly) and answers with the user as a logged-out visitor
// (is_logged_in false, is_anonymous true, same id, as the spec's example)
// and a new anonymous pair with the same ulid and anonymous_id. Logging out
// an anonymous session works the same way.
func (h *handlers) Logout(ctx context.Context, _ genserver.LogoutRequestObject) (genserver.LogoutResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return logoutError(e), nil
	}
	c := rc.caller
	now := h.s.Now()
	h.s.mu.Lock()
	h.s.sweepLocked(now)
	if h.s.cfg.logoutAccess {
		h.s.revokeAccessLocked(c)
	} else {
		h.s.revokeLocked(c.SessionID, now)
	}
	view := anonymousView(c.UserID, now)
	if u := h.s.users[c.UserID]; c.IsLoggedIn && u != nil && !u.deleted {
		view = u.view(false)
		view.IsAnonymous = true
	}
	h.s.mu.Unlock()
	pair := h.s.issue(rc.storeID, visitorSubject(c.UserID, c.AnonymousID), "", 0)
	return genserver.Logout200JSONResponse(authResult{user: view, pair: pair}.response(msgLoggedOut)), nil
}
