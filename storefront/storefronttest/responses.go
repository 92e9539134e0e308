package storefronttest

// One function per operation: each turns an *apiError into the typed
// response of its status among those the operation declares in openapi.yaml,
// so that every error answer is one the spec allows. A status an operation
// does not declare becomes its 400, code and message kept. (get-anonymous-
// token has none: its only failure, a wrong API key, is the middleware's.)

import (
	"net/http"

	"github.com/commercengine-go/sdk/gen"
)

func loginWithPasswordError(e *apiError) gen.LoginWithPasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.LoginWithPassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.LoginWithPassword404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.LoginWithPassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func registerWithPhoneError(e *apiError) gen.RegisterWithPhoneResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RegisterWithPhone401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.RegisterWithPhone400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func loginWithPhoneError(e *apiError) gen.LoginWithPhoneResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.LoginWithPhone401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.LoginWithPhone404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.LoginWithPhone400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func loginWithWhatsappError(e *apiError) gen.LoginWithWhatsappResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.LoginWithWhatsapp401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.LoginWithWhatsapp404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.LoginWithWhatsapp400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func loginWithEmailError(e *apiError) gen.LoginWithEmailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.LoginWithEmail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.LoginWithEmail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.LoginWithEmail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func verifyOTPError(e *apiError) gen.VerifyOTPResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.VerifyOTP401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.VerifyOTP404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.VerifyOTP400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func registerWithEmailError(e *apiError) gen.RegisterWithEmailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RegisterWithEmail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.RegisterWithEmail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func registerWithWhatsappError(e *apiError) gen.RegisterWithWhatsappResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RegisterWithWhatsapp401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.RegisterWithWhatsapp400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func registerWithPasswordError(e *apiError) gen.RegisterWithPasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RegisterWithPassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.RegisterWithPassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func refreshTokenError(e *apiError) gen.RefreshTokenResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RefreshToken401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.RefreshToken404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.RefreshToken400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func logoutError(e *apiError) gen.LogoutResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.Logout401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.Logout400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func generateOTPError(e *apiError) gen.GenerateOTPResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GenerateOTP401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GenerateOTP404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GenerateOTP400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func forgotPasswordError(e *apiError) gen.ForgotPasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ForgotPassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ForgotPassword404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ForgotPassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func resetPasswordError(e *apiError) gen.ResetPasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ResetPassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.ResetPassword404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.ResetPassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func changePasswordError(e *apiError) gen.ChangePasswordResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.ChangePassword401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.ChangePassword400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func checkVerificationStatusError(e *apiError) gen.CheckVerificationStatusResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.CheckVerificationStatus401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	}
	return gen.CheckVerificationStatus400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getUserDetailError(e *apiError) gen.GetUserDetailResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetUserDetail401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetUserDetail404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetUserDetail400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateUserError(e *apiError) gen.UpdateUserResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UpdateUser401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UpdateUser404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UpdateUser400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deleteUserError(e *apiError) gen.DeleteUserResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.DeleteUser401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.DeleteUser404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.DeleteUser400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func deactivateUserError(e *apiError) gen.DeactivateUserResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.DeactivateUser401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.DeactivateUser404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.DeactivateUser400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func getProfileImageError(e *apiError) gen.GetProfileImageResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.GetProfileImage401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.GetProfileImage404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.GetProfileImage400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func addProfileImageError(e *apiError) gen.AddProfileImageResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.AddProfileImage401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.AddProfileImage404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.AddProfileImage400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func updateProfileImageError(e *apiError) gen.UpdateProfileImageResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.UpdateProfileImage401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.UpdateProfileImage404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.UpdateProfileImage400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}

func removeProfileImageError(e *apiError) gen.RemoveProfileImageResponseObject {
	switch e.status {
	case http.StatusUnauthorized:
		return gen.RemoveProfileImage401JSONResponse{UnauthorizedJSONResponse: e.unauthorized()}
	case http.StatusNotFound:
		return gen.RemoveProfileImage404JSONResponse{NotFoundJSONResponse: e.notFound()}
	}
	return gen.RemoveProfileImage400JSONResponse{BadRequestJSONResponse: e.badRequest()}
}
