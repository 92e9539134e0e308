package storefronttest

// Operation IDs of the Auth group, as openapi.yaml names them: the keys of
// Calls, CallCounts and InjectFault.
const (
	OpGetAnonymousToken       = "get-anonymous-token"
	OpLoginWithPassword       = "login-with-password"
	OpRegisterWithPhone       = "register-with-phone"
	OpLoginWithPhone          = "login-with-phone"
	OpLoginWithWhatsapp       = "login-with-whatsapp"
	OpLoginWithEmail          = "login-with-email"
	OpVerifyOTP               = "verify-otp"
	OpRegisterWithEmail       = "register-with-email"
	OpRegisterWithWhatsapp    = "register-with-whatsapp"
	OpRegisterWithPassword    = "register-with-password"
	OpRefreshToken            = "refresh-token"
	OpLogout                  = "logout"
	OpGenerateOTP             = "generate-otp"
	OpForgotPassword          = "forgot-password"
	OpResetPassword           = "reset-password"
	OpChangePassword          = "change-password"
	OpCheckVerificationStatus = "check-verification-status"
	OpGetUserDetail           = "get-user-detail"
	OpUpdateUser              = "update-user"
	OpDeleteUser              = "delete-user"
	OpDeactivateUser          = "deactivate-user"
	OpGetProfileImage         = "get-profile-image"
	OpAddProfileImage         = "add-profile-image"
	OpUpdateProfileImage      = "update-profile-image"
	OpRemoveProfileImage      = "remove-profile-image"

	// AnyOperation makes InjectFault apply to every operation that has no
	// fault of its own.
	AnyOperation = "*"
)
