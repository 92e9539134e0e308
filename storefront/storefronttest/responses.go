package storefronttest

// One function per operation: each turns an *apiError into the typed
// response of its status among those the operation declares in openapi.yaml,
// so that every error answer is one the spec allows. A status an operation
// does not declare becomes its 400, code and message kept. (get-anonymous-
// token has none: its only failure, a wrong API key, is the middleware's.)

import (
	"net/http"

	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

func loginWithPasswordError(e *apiError) genserver.LoginWithPasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.LoginWithPassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.LoginWithPassword404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.LoginWithPassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func registerWithPhoneError(e *apiError) genserver.RegisterWithPhoneResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RegisterWithPhone401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.RegisterWithPhone400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func loginWithPhoneError(e *apiError) genserver.LoginWithPhoneResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.LoginWithPhone401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.LoginWithPhone404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.LoginWithPhone400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func loginWithWhatsappError(e *apiError) genserver.LoginWithWhatsappResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.LoginWithWhatsapp401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.LoginWithWhatsapp404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.LoginWithWhatsapp400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func loginWithEmailError(e *apiError) genserver.LoginWithEmailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.LoginWithEmail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.LoginWithEmail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.LoginWithEmail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func verifyOTPError(e *apiError) genserver.VerifyOTPResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.VerifyOTP401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.VerifyOTP404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.VerifyOTP400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func registerWithEmailError(e *apiError) genserver.RegisterWithEmailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RegisterWithEmail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.RegisterWithEmail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func registerWithWhatsappError(e *apiError) genserver.RegisterWithWhatsappResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RegisterWithWhatsapp401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.RegisterWithWhatsapp400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func registerWithPasswordError(e *apiError) genserver.RegisterWithPasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RegisterWithPassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.RegisterWithPassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func refreshTokenError(e *apiError) genserver.RefreshTokenResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RefreshToken401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.RefreshToken404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.RefreshToken400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func logoutError(e *apiError) genserver.LogoutResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.Logout401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.Logout400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func generateOTPError(e *apiError) genserver.GenerateOTPResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GenerateOTP401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GenerateOTP404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GenerateOTP400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func forgotPasswordError(e *apiError) genserver.ForgotPasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ForgotPassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ForgotPassword404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ForgotPassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func resetPasswordError(e *apiError) genserver.ResetPasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ResetPassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.ResetPassword404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.ResetPassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func changePasswordError(e *apiError) genserver.ChangePasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.ChangePassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.ChangePassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func checkVerificationStatusError(e *apiError) genserver.CheckVerificationStatusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.CheckVerificationStatus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return genserver.CheckVerificationStatus400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getUserDetailError(e *apiError) genserver.GetUserDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetUserDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetUserDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetUserDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateUserError(e *apiError) genserver.UpdateUserResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdateUser401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdateUser404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdateUser400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteUserError(e *apiError) genserver.DeleteUserResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.DeleteUser401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.DeleteUser404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.DeleteUser400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deactivateUserError(e *apiError) genserver.DeactivateUserResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.DeactivateUser401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.DeactivateUser404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.DeactivateUser400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getProfileImageError(e *apiError) genserver.GetProfileImageResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.GetProfileImage401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.GetProfileImage404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.GetProfileImage400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func addProfileImageError(e *apiError) genserver.AddProfileImageResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.AddProfileImage401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.AddProfileImage404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.AddProfileImage400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateProfileImageError(e *apiError) genserver.UpdateProfileImageResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.UpdateProfileImage401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.UpdateProfileImage404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.UpdateProfileImage400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func removeProfileImageError(e *apiError) genserver.RemoveProfileImageResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return genserver.RemoveProfileImage401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return genserver.RemoveProfileImage404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return genserver.RemoveProfileImage400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}
