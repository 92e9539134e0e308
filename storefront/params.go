package storefront

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/commercengine-go/sdk/gen"
)

// Parameters of the Auth operations. Each is checked before any request is
// sent; a bad one fails with an error matching ErrInvalidParam that names
// the field (never its value).
//
// Phone numbers are national numbers without the country code
// ("9876543210"); CountryCode is "+" and digits, "+91" when empty.

// LoginWithPasswordParams logs in with a password and exactly one of Phone
// or Email.
type LoginWithPasswordParams struct {
	Phone       string
	CountryCode string // with Phone only
	Email       string
	Password    string
}

// RegisterWithPhoneParams registers the current visitor by phone number.
type RegisterWithPhoneParams struct {
	Phone       string // required
	CountryCode string
	FirstName   string // required
	LastName    string
	Email       string
	// DebugMode sends the x-debug-mode header the operation takes. A
	// registration by phone logs the user in at once, so its answer holds
	// no code either way; the header matters to the OTP operations.
	DebugMode bool
}

// LoginWithPhoneParams starts an OTP login by SMS or WhatsApp.
type LoginWithPhoneParams struct {
	Phone               string // required
	CountryCode         string
	RegisterIfNotExists bool // register an unknown number instead of failing with ErrNotFound
	DebugMode           bool // ask the API to return the OTP (development and tests only)
}

// LoginWithEmailParams starts an OTP login by email.
type LoginWithEmailParams struct {
	Email               string // required
	RegisterIfNotExists bool
	DebugMode           bool
}

// RegisterWithEmailParams starts a registration by email; VerifyOTP completes it.
type RegisterWithEmailParams struct {
	Email     string // required
	FirstName string // required
	LastName  string
	Phone     string
	DebugMode bool
}

// RegisterWithWhatsAppParams starts a registration by WhatsApp; VerifyOTP completes it.
type RegisterWithWhatsAppParams struct {
	Phone       string // required
	CountryCode string
	FirstName   string // required
	LastName    string
	Email       string
	DebugMode   bool
}

// RegisterWithPasswordParams starts a registration protected by a password,
// identified by Email or Phone (at least one); VerifyOTP completes it.
type RegisterWithPasswordParams struct {
	Email           string
	Phone           string
	CountryCode     string
	Password        string // required
	ConfirmPassword string // required, equal to Password
	DebugMode       bool
}

// OTPChannel is how GenerateOTP sends the code.
type OTPChannel string

// OTP channels.
const (
	ChannelSMS      OTPChannel = "sms"
	ChannelWhatsApp OTPChannel = "whatsapp"
	ChannelEmail    OTPChannel = "email"
)

// GenerateOTPParams sends a one-time password: by SMS or WhatsApp to Phone
// (actions register, reset-password, verify-phone, update-phone) or by email
// to Email (register, reset-password, verify-email, update-email).
type GenerateOTPParams struct {
	Channel     OTPChannel
	Phone       string
	CountryCode string
	Email       string
	Action      OTPAction
	DebugMode   bool
}

// ForgotPasswordParams starts a password reset for exactly one of Email or Phone.
type ForgotPasswordParams struct {
	Email       string
	Phone       string
	CountryCode string
	DebugMode   bool
}

// ResetPasswordParams completes a reset started by ForgotPassword.
type ResetPasswordParams struct {
	Challenge       OTPChallenge // as ForgotPassword returned it
	OTP             string       // the code the user received
	NewPassword     string
	ConfirmPassword string // equal to NewPassword
}

// ChangePasswordParams changes a logged-in user's password.
type ChangePasswordParams struct {
	OldPassword     string
	NewPassword     string
	ConfirmPassword string // equal to NewPassword
}

// UpdateUserParams are the fields to change; nil fields keep their value
// (Go 1.26: FirstName: new("Asha")).
type UpdateUserParams struct {
	FirstName               *string
	LastName                *string
	Email                   *string
	Phone                   *string
	CountryCode             *string
	NotificationPreferences *NotificationPreferences
}

// Image is a profile image to upload. The body is read once, up to
// MaxImageBytes.
type Image struct {
	Body        io.Reader // required
	Filename    string    // default "image"
	ContentType string    // default: sniffed from the first bytes
}

// MaxImageBytes bounds a profile image upload: the maxLength openapi.yaml
// gives the image (the API documents no limit), which the fake server
// enforces too.
const MaxImageBytes = 10 << 20

var (
	countryCodeRE = regexp.MustCompile(`^\+[0-9]{1,4}$`)
	phoneRE       = regexp.MustCompile(`^[0-9]{4,15}$`)
)

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidParam}, args...)...)
}

func checkPhone(field, phone string) error {
	if phone == "" {
		return invalid("%s is required", field)
	}
	if !phoneRE.MatchString(phone) {
		return invalid("%s must be 4 to 15 digits without the country code", field)
	}
	return nil
}

func checkOptionalPhone(field, phone string) error {
	if phone == "" {
		return nil
	}
	return checkPhone(field, phone)
}

func checkCountryCode(cc string) error {
	if cc != "" && !countryCodeRE.MatchString(cc) {
		return invalid("CountryCode must be + and 1 to 4 digits")
	}
	return nil
}

func checkEmail(field, email string) error {
	if email == "" {
		return invalid("%s is required", field)
	}
	at := strings.IndexByte(email, '@')
	if at < 1 || at == len(email)-1 || strings.ContainsAny(email, " \t\r\n<>\",") || strings.Count(email, "@") != 1 {
		return invalid("%s is not an email address", field)
	}
	return nil
}

func checkOptionalEmail(field, email string) error {
	if email == "" {
		return nil
	}
	return checkEmail(field, email)
}

func checkRequired(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return invalid("%s is required", field)
	}
	return nil
}

func checkConfirm(field, confirm, password string) error {
	if err := checkRequired(field, confirm); err != nil {
		return err
	}
	if confirm != password {
		return invalid("%s does not match the password", field)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// optional returns a pointer to s, or nil when s is empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// body returns the branch of the request body's union that p fills in.
func (p LoginWithPasswordParams) body() (gen.LoginWithPasswordBody, error) {
	var b gen.LoginWithPasswordBody
	branch, err := p.branch()
	if err != nil {
		return b, err
	}
	switch v := branch.(type) {
	case gen.LoginWithPasswordPhone:
		err = b.FromLoginWithPasswordPhone(v)
	case gen.LoginWithPasswordEmail:
		err = b.FromLoginWithPasswordEmail(v)
	}
	return b, err
}

func (p LoginWithPasswordParams) branch() (any, error) {
	if err := checkRequired("Password", p.Password); err != nil {
		return nil, err
	}
	switch {
	case p.Phone != "" && p.Email != "":
		return nil, invalid("give Phone or Email, not both")
	case p.Phone != "":
		if err := firstErr(checkPhone("Phone", p.Phone), checkCountryCode(p.CountryCode)); err != nil {
			return nil, err
		}
		return gen.LoginWithPasswordPhone{Phone: p.Phone, CountryCode: optional(p.CountryCode), Password: p.Password}, nil
	case p.Email != "":
		if p.CountryCode != "" {
			return nil, invalid("CountryCode goes with Phone, not Email")
		}
		if err := checkEmail("Email", p.Email); err != nil {
			return nil, err
		}
		return gen.LoginWithPasswordEmail{Email: p.Email, Password: p.Password}, nil
	}
	return nil, invalid("Phone or Email is required")
}

func (p RegisterWithPasswordParams) body() (gen.RegisterWithPasswordBody, error) {
	var b gen.RegisterWithPasswordBody
	branch, err := p.branch()
	if err != nil {
		return b, err
	}
	switch v := branch.(type) {
	case gen.RegisterWithPasswordEmail:
		err = b.FromRegisterWithPasswordEmail(v)
	case gen.RegisterWithPasswordPhone:
		err = b.FromRegisterWithPasswordPhone(v)
	}
	return b, err
}

func (p RegisterWithPasswordParams) branch() (any, error) {
	if err := firstErr(
		checkRequired("Password", p.Password),
		checkConfirm("ConfirmPassword", p.ConfirmPassword, p.Password),
		checkOptionalEmail("Email", p.Email),
		checkOptionalPhone("Phone", p.Phone),
		checkCountryCode(p.CountryCode),
	); err != nil {
		return nil, err
	}
	switch {
	case p.Email != "":
		return gen.RegisterWithPasswordEmail{
			Email: p.Email, Phone: optional(p.Phone), CountryCode: optional(p.CountryCode),
			Password: p.Password, ConfirmPassword: p.ConfirmPassword,
		}, nil
	case p.Phone != "":
		return gen.RegisterWithPasswordPhone{
			Phone: p.Phone, CountryCode: optional(p.CountryCode),
			Password: p.Password, ConfirmPassword: p.ConfirmPassword,
		}, nil
	}
	return nil, invalid("Email or Phone is required")
}

var otpActionsByChannel = map[OTPChannel][]OTPAction{
	ChannelSMS:      {OTPRegister, OTPResetPassword, OTPVerifyPhone, OTPUpdatePhone},
	ChannelWhatsApp: {OTPRegister, OTPResetPassword, OTPVerifyPhone, OTPUpdatePhone},
	ChannelEmail:    {OTPRegister, OTPResetPassword, OTPVerifyEmail, OTPUpdateEmail},
}

func (p GenerateOTPParams) body() (gen.GenerateOTPBody, error) {
	var b gen.GenerateOTPBody
	branch, err := p.branch()
	if err != nil {
		return b, err
	}
	switch v := branch.(type) {
	case gen.GenerateOTPEmail:
		err = b.FromGenerateOTPEmail(v)
	case gen.GenerateOTPPhone:
		err = b.FromGenerateOTPPhone(v)
	}
	return b, err
}

func (p GenerateOTPParams) branch() (any, error) {
	actions, ok := otpActionsByChannel[p.Channel]
	if !ok {
		return nil, invalid("Channel must be sms, whatsapp or email")
	}
	valid := false
	for _, a := range actions {
		valid = valid || a == p.Action
	}
	if !valid {
		return nil, invalid("Action %q cannot be sent by %s", p.Action, p.Channel)
	}
	if p.Channel == ChannelEmail {
		if p.Phone != "" || p.CountryCode != "" {
			return nil, invalid("the email channel takes Email, not Phone")
		}
		if err := checkEmail("Email", p.Email); err != nil {
			return nil, err
		}
		return gen.GenerateOTPEmail{
			Channel: gen.GenerateOTPEmailChannel(p.Channel), Email: p.Email, OTPAction: gen.GenerateOTPEmailOTPAction(p.Action),
		}, nil
	}
	if p.Email != "" {
		return nil, invalid("the %s channel takes Phone, not Email", p.Channel)
	}
	if err := firstErr(checkPhone("Phone", p.Phone), checkCountryCode(p.CountryCode)); err != nil {
		return nil, err
	}
	return gen.GenerateOTPPhone{
		Channel: gen.GenerateOTPPhoneChannel(p.Channel), Phone: p.Phone, CountryCode: optional(p.CountryCode),
		OTPAction: gen.GenerateOTPPhoneOTPAction(p.Action),
	}, nil
}

func (p ForgotPasswordParams) body() (gen.ForgotPasswordBody, error) {
	var b gen.ForgotPasswordBody
	branch, err := p.branch()
	if err != nil {
		return b, err
	}
	switch v := branch.(type) {
	case gen.ForgotPasswordEmail:
		err = b.FromForgotPasswordEmail(v)
	case gen.ForgotPasswordPhone:
		err = b.FromForgotPasswordPhone(v)
	}
	return b, err
}

func (p ForgotPasswordParams) branch() (any, error) {
	switch {
	case p.Email != "" && p.Phone != "":
		return nil, invalid("give Email or Phone, not both")
	case p.Email != "":
		if p.CountryCode != "" {
			return nil, invalid("CountryCode goes with Phone, not Email")
		}
		if err := checkEmail("Email", p.Email); err != nil {
			return nil, err
		}
		return gen.ForgotPasswordEmail{Email: p.Email}, nil
	case p.Phone != "":
		if err := firstErr(checkPhone("Phone", p.Phone), checkCountryCode(p.CountryCode)); err != nil {
			return nil, err
		}
		return gen.ForgotPasswordPhone{Phone: p.Phone, CountryCode: optional(p.CountryCode)}, nil
	}
	return nil, invalid("Email or Phone is required")
}

func (p UpdateUserParams) body() (gen.UserUpdate, error) {
	b := gen.UserUpdate{
		FirstName: p.FirstName, LastName: p.LastName, Email: p.Email, Phone: p.Phone, CountryCode: p.CountryCode,
	}
	if p.Email != nil {
		if err := checkEmail("Email", *p.Email); err != nil {
			return b, err
		}
	}
	if p.Phone != nil {
		if err := checkPhone("Phone", *p.Phone); err != nil {
			return b, err
		}
	}
	if p.CountryCode != nil {
		if err := checkCountryCode(*p.CountryCode); err != nil {
			return b, err
		}
	}
	if p.FirstName != nil {
		if err := checkRequired("FirstName", *p.FirstName); err != nil {
			return b, err
		}
	}
	b.NotificationPreferences = p.NotificationPreferences
	if b == (gen.UserUpdate{}) {
		return b, invalid("nothing to update")
	}
	return b, nil
}
