package storefront

import "github.com/commercengine-go/sdk/gen"

// AuthResult is the answer of an operation that starts or changes a
// session: the user and the token pair the session now holds (already
// saved to its store). String and LogValue print no token.
type AuthResult struct {
	User         *User
	AccessToken  string
	RefreshToken string
}

// Tokens returns the pair of r.
func (r AuthResult) Tokens() Tokens {
	return Tokens{AccessToken: r.AccessToken, RefreshToken: r.RefreshToken}
}

// OTPAction is what a one-time password is for.
type OTPAction string

// OTP actions.
const (
	OTPLogin         OTPAction = "login"
	OTPRegister      OTPAction = "register"
	OTPResetPassword OTPAction = "reset-password"
	OTPVerifyPhone   OTPAction = "verify-phone"
	OTPVerifyEmail   OTPAction = "verify-email"
	OTPUpdatePhone   OTPAction = "update-phone"
	OTPUpdateEmail   OTPAction = "update-email"
)

// OTPChallenge is a one-time password that was sent: pass it back, with the
// code the user received, to VerifyOTP (or ResetPassword). OTP holds the
// code itself only when the request asked for debug mode. String and
// LogValue print neither the token nor the code.
type OTPChallenge struct {
	Token  string    // otp_token
	Action OTPAction // otp_action
	OTP    string    // the code, in debug mode only
}

// VerificationStatus lists which of the phones and emails asked about are
// verified.
type VerificationStatus struct {
	VerifiedPhones []string
	VerifiedEmails []string
}

// The content types of the API's answers, with the check the SDK needs
// before trusting them (client.decode calls validate).

type anonymousContent gen.AnonymousUserContent

func (c *anonymousContent) validate() string {
	return validateAuth(c.User.ID, c.AccessToken, c.RefreshToken)
}

func (c *anonymousContent) tokens() Tokens {
	return Tokens{AccessToken: c.AccessToken, RefreshToken: c.RefreshToken}
}

// result presents the anonymous visitor as a User, the type every other
// AuthResult carries: the fields an anonymous user has, the rest empty.
func (c *anonymousContent) result() *AuthResult {
	u := c.User
	return &AuthResult{
		User: &User{
			ID: u.ID, FirstName: u.FirstName, LastName: u.LastName,
			Email: u.Email, Phone: u.Phone,
			IsEmailVerified: u.IsEmailVerified, IsPhoneVerified: u.IsPhoneVerified,
			ProfileImageURL: u.ProfileImageURL,
			IsAnonymous:     u.IsAnonymous, IsLoggedIn: u.IsLoggedIn,
			CreatedAt: u.CreatedAt, ModifiedAt: u.ModifiedAt,
		},
		AccessToken: c.AccessToken, RefreshToken: c.RefreshToken,
	}
}

// userAuthContent is the content of every answer that carries a User and a
// token pair; the generated content types of the seeded operations have the
// same shape and convert to it.
type userAuthContent gen.UserAuthContent

func (c *userAuthContent) validate() string {
	return validateAuth(c.User.ID, c.AccessToken, c.RefreshToken)
}

func (c *userAuthContent) result() *AuthResult {
	return &AuthResult{User: &c.User, AccessToken: c.AccessToken, RefreshToken: c.RefreshToken}
}

type authTokensContent gen.AuthTokens

func (c *authTokensContent) validate() string {
	if c.AccessToken == "" {
		return "no access_token"
	}
	return ""
}

type userContent gen.UserContent

func (c *userContent) validate() string {
	if c.User.ID == "" {
		return "no user id"
	}
	return ""
}

type otpContent gen.OTPContent

func (c *otpContent) validate() string {
	switch {
	case c.OTPToken == "":
		return "no otp_token"
	case c.OTPAction == "":
		return "no otp_action"
	}
	return ""
}

func (c *otpContent) challenge() *OTPChallenge {
	return &OTPChallenge{Token: c.OTPToken, Action: OTPAction(c.OTPAction), OTP: deref(c.OTP)}
}

func validateAuth(userID, access, refresh string) string {
	switch {
	case access == "":
		return "no access_token"
	case refresh == "":
		return "no refresh_token"
	case userID == "":
		return "no user id"
	}
	return ""
}
