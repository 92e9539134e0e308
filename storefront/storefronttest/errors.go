package storefronttest

import (
	"fmt"
	"net/http"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// Error codes the server answers with, in the "code" of the error envelope.
// The spec's validation failures use api.CodeBadRequest, and every rejected
// credential uses CodeUnauthorized.
const (
	CodeBadRequest         = api.CodeBadRequest   // the request breaks the spec, or a field is invalid
	CodeUnauthorized       = api.CodeUnauthorized // a credential is missing, invalid, expired or revoked
	CodeNotFound           = api.CodeNotFound     // unknown path, user, OTP token or refresh token
	CodeMethodNotAllowed   = api.CodeMethodNotAllowed
	CodeAlreadyExists      = "already_exists"      // the phone number or email address belongs to another user
	CodeInvalidCredentials = "invalid_credentials" // login-with-password: wrong password, or the user has none
	CodeInvalidPassword    = "invalid_password"    // change-password: the old password is wrong
	CodePasswordMismatch   = "password_mismatch"   // confirm_password differs from the password
	CodeLoginRequired      = "login_required"      // an anonymous token on an operation for logged-in users
	CodeUserInactive       = "user_inactive"       // the user was deactivated
	CodeInvalidOTP         = "invalid_otp"         // the one-time password is wrong
	CodeOTPExpired         = "otp_expired"         // the one-time password has expired
	CodeTooManyAttempts    = "too_many_attempts"   // the one-time password is locked after too many wrong codes
	CodeOTPActionMismatch  = "otp_action_mismatch" // otp_action differs from the challenge's
	CodeInvalidToken       = "invalid_token"       // refresh-token: the body's token is not a JWT
	CodeTokenExpired       = "token_expired"       // refresh-token: the refresh token has expired
	CodeNotPurchased       = "not_purchased"       // create-product-review: no order of the shopper's holds the product
	CodeInternal           = "internal_error"      // the fake failed; please report it
)

// apiError is a failure a handler answers with: the status (400, 401 or 404;
// each operation declares which it may use) and the envelope's fields. Its
// message never holds a secret.
type apiError struct {
	status  int
	code    string
	message string
	fields  map[string]string // 400 only: per-field detail
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.status, e.code, e.message) }

func badRequest(code, message string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: code, message: message}
}

// fieldError is a 400 naming one field.
func fieldError(code, field, message string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: code, message: field + ": " + message,
		fields: map[string]string{field: message}}
}

func unauthorized(code, message string) *apiError {
	return &apiError{status: http.StatusUnauthorized, code: code, message: message}
}

func notFound(message string) *apiError {
	return &apiError{status: http.StatusNotFound, code: CodeNotFound, message: message}
}

var (
	errLoginRequired = unauthorized(CodeLoginRequired, "log in first: this operation needs a logged-in user")
	errNoCaller      = unauthorized(CodeUnauthorized, "an access token is required")
	errUserNotFound  = notFound("user not found")
)

func (e *apiError) envelope() api.ErrorEnvelope {
	return api.ErrorEnvelope{Message: e.message, Code: e.code, Errors: e.fields}
}

func (e *apiError) badRequest() genserver.BadRequestJSONResponse {
	r := genserver.BadRequestJSONResponse{Message: e.message, Code: e.code}
	if len(e.fields) > 0 {
		m := make(map[string]any, len(e.fields))
		for k, v := range e.fields {
			m[k] = v
		}
		r.Errors = &m
	}
	return r
}

func (e *apiError) unauthorized() genserver.UnauthorizedJSONResponse {
	return genserver.UnauthorizedJSONResponse{Message: e.message, Code: e.code}
}

func (e *apiError) notFound() genserver.NotFoundJSONResponse {
	return genserver.NotFoundJSONResponse{Message: e.message, Code: e.code}
}

// writeError answers with the error envelope outside the strict handlers:
// credential checks, unknown paths, faults and recovered panics.
func writeError(w http.ResponseWriter, e *apiError) { api.WriteError(w, e.status, e.envelope()) }
