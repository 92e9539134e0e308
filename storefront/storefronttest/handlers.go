package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// handlers implements the generated strict server: one method per
// operation, each answering with the typed responses the spec declares. The
// methods are thin: they unpack the request, call the Server's logic and
// pack its result or its *apiError.
type handlers struct{ s *Server }

var _ genserver.StrictServerInterface = (*handlers)(nil)

// Success messages.
const (
	msgAnonymous    = "Anonymous user created successfully"
	msgLoggedIn     = "Login successful"
	msgRegistered   = "Registration successful"
	msgOTPSent      = "OTP sent successfully"
	msgVerified     = "Verified successfully"
	msgRefreshed    = "Token refreshed successfully"
	msgLoggedOut    = "Logged out successfully"
	msgPasswordSet  = "Password updated successfully"
	msgStatus       = "Verification status fetched"
	msgUser         = "User details fetched"
	msgUserUpdated  = "User updated successfully"
	msgUserDeleted  = "User deleted successfully"
	msgDeactivated  = "User deactivated successfully"
	msgImage        = "Profile image fetched"
	msgImageSaved   = "Profile image saved"
	msgImageRemoved = "Profile image removed"
)

// authResult is a user with the token pair to continue with.
type authResult struct {
	user gen.User
	pair tokenPair
}

func (a authResult) content() gen.UserAuthContent {
	return gen.UserAuthContent{User: a.user, AccessToken: a.pair.access, RefreshToken: a.pair.refresh}
}

func (a authResult) response(message string) genserver.UserAuthenticatedJSONResponse {
	return genserver.UserAuthenticatedJSONResponse{Message: message, Success: true, Content: a.content()}
}

// callerOf returns the request's context and its verified access token.
func callerOf(ctx context.Context) (*requestContext, *apiError) {
	rc := requestFrom(ctx)
	if rc.caller == nil {
		return rc, errNoCaller
	}
	return rc, nil
}

func isTrue(b *bool) bool { return b != nil && *b }
