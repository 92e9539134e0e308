package storefronttest_test

// The conformance suite holds client, fake server and spec together: every
// operation is driven through the storefront client against the fake
// server, with the api package's strict validating transport between them,
// so any request or response that departs from openapi.yaml fails the test.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Counters for the suite's figures: exchanges validated, violations found.
var (
	conformanceExchanges  atomic.Int64
	conformanceViolations atomic.Int64
)

// countingTransport counts the exchanges that reach the validator.
type countingTransport struct{ next http.RoundTripper }

func (c countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	conformanceExchanges.Add(1)
	return c.next.RoundTrip(r)
}

// TestMain reports the suite's figures: how many exchanges the strict
// validator checked and how many departed from openapi.yaml (any departure
// also fails its test).
func TestMain(m *testing.M) {
	code := m.Run()
	if testing.Verbose() || conformanceViolations.Load() > 0 {
		fmt.Printf("conformance: %d exchanges validated against openapi.yaml, %d violations\n",
			conformanceExchanges.Load(), conformanceViolations.Load())
	}
	os.Exit(code)
}

// cenv is one fake server with a client on it, validated strictly.
type cenv struct {
	t      *testing.T
	srv    *storefronttest.Server
	vt     *api.Transport
	client *storefront.Client
	ctx    context.Context
}

func newCEnv(t *testing.T, opts ...storefronttest.Option) *cenv {
	t.Helper()
	srv := storefronttest.NewServer(append([]storefronttest.Option{storefronttest.WithFrozenClock()}, opts...)...)
	t.Cleanup(srv.Close)
	vt := api.NewTransport(countingTransport{http.DefaultTransport}, api.Strict)
	e := &cenv{t: t, srv: srv, vt: vt, ctx: context.Background()}
	e.client = e.newClient(srv.APIKey())
	t.Cleanup(func() {
		n := len(vt.Violations())
		conformanceViolations.Add(int64(n))
		assert.NoError(t, vt.Err(), "exchanges that depart from openapi.yaml")
	})
	return e
}

func (e *cenv) newClient(apiKey string) *storefront.Client {
	e.t.Helper()
	c, err := storefront.New(e.srv.StoreID(),
		storefront.WithAPIKey(apiKey),
		storefront.WithBaseURL(e.srv.BaseURL()),
		storefront.WithHTTPClient(&http.Client{Transport: e.vt}),
		storefront.WithClock(e.srv.Now),
		storefront.WithRetryPolicy(storefront.NoRetries))
	require.NoError(e.t, err)
	return c
}

func (e *cenv) session() *storefront.Session { return e.client.NewSession(nil) }

var userSeq atomic.Int64

// user creates a registered, verified user with a password and returns a
// session logged in as them.
func (e *cenv) user() (*storefront.Session, storefronttest.UserInfo, storefronttest.UserParams) {
	e.t.Helper()
	n := userSeq.Add(1)
	p := storefronttest.UserParams{
		FirstName: "Asha", LastName: "Rao",
		Email: fmt.Sprintf("asha%d@example.com", n), Phone: fmt.Sprintf("9%09d", n),
		Password: "correct-horse", EmailVerified: true, PhoneVerified: true,
	}
	info, err := e.srv.CreateUser(p)
	require.NoError(e.t, err)
	sess := e.session()
	_, err = sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: p.Password})
	require.NoError(e.t, err)
	return sess, info, p
}

// otherUser creates a user and returns their ID.
func (e *cenv) otherUser() string {
	e.t.Helper()
	n := userSeq.Add(1)
	info, err := e.srv.CreateUser(storefronttest.UserParams{FirstName: "Ravi", Email: fmt.Sprintf("ravi%d@example.com", n)})
	require.NoError(e.t, err)
	return info.ID
}

func newPhone() string { return fmt.Sprintf("8%09d", userSeq.Add(1)) }

var png = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")

func image() storefront.Image {
	return storefront.Image{Body: bytes.NewReader(png), Filename: "me.png"}
}

// apiStatus asserts err is an *APIError with status and code.
func apiStatus(t *testing.T, err error, status int, code string) {
	t.Helper()
	var apiErr *storefront.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, status, apiErr.StatusCode, "%v", err)
	if code != "" {
		assert.Equal(t, code, apiErr.Code)
	}
}

type conformanceCase struct {
	op     string
	status int // 200 for a success; else the documented failure status the case provokes
	name   string
	run    func(t *testing.T, e *cenv)
}

var conformanceCases = []conformanceCase{
	{storefronttest.OpGetAnonymousToken, 200, "new visitor", func(t *testing.T, e *cenv) {
		res, err := e.session().Auth.Anonymous(e.ctx)
		require.NoError(t, err)
		assert.True(t, res.User.IsAnonymous)
	}},
	{storefronttest.OpGetAnonymousToken, 401, "wrong API key → 401", func(t *testing.T, e *cenv) {
		_, err := e.newClient("wrong-key").Auth.Anonymous(e.ctx)
		apiStatus(t, err, 401, storefronttest.CodeUnauthorized)
	}},
	{storefronttest.OpLoginWithPassword, 200, "email and password", func(t *testing.T, e *cenv) {
		sess, info, p := e.user()
		res, err := sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Phone: p.Phone, Password: p.Password})
		require.NoError(t, err)
		assert.Equal(t, info.ID, res.User.ID)
		assert.True(t, res.User.IsLoggedIn)
	}},
	{storefronttest.OpLoginWithPassword, 404, "unknown user → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: "nobody@example.com", Password: "x"})
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpLoginWithPassword, 401, "wrong password → 401, not resent", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		before := e.srv.Calls(storefronttest.OpLoginWithPassword)
		_, err := e.session().Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: "wrong"})
		apiStatus(t, err, 401, storefronttest.CodeInvalidCredentials)
		assert.Equal(t, before+1, e.srv.Calls(storefronttest.OpLoginWithPassword))
	}},
	{storefronttest.OpRegisterWithPhone, 200, "visitor registers", func(t *testing.T, e *cenv) {
		sess := e.session()
		visitor, err := sess.Auth.Anonymous(e.ctx)
		require.NoError(t, err)
		res, err := sess.Auth.RegisterWithPhone(e.ctx, storefront.RegisterWithPhoneParams{Phone: newPhone(), FirstName: "Asha", Email: "asha-reg@example.com"})
		require.NoError(t, err)
		assert.Equal(t, visitor.User.ID, res.User.ID)
		assert.True(t, res.User.IsLoggedIn)
	}},
	{storefronttest.OpRegisterWithPhone, 400, "phone taken → 400", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		_, err := e.session().Auth.RegisterWithPhone(e.ctx, storefront.RegisterWithPhoneParams{Phone: p.Phone, FirstName: "Asha"})
		apiStatus(t, err, 400, storefronttest.CodeAlreadyExists)
	}},
	{storefronttest.OpLoginWithPhone, 200, "code sent by SMS", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		ch, err := e.session().Auth.LoginWithPhone(e.ctx, storefront.LoginWithPhoneParams{Phone: p.Phone})
		require.NoError(t, err)
		assert.Equal(t, storefront.OTPLogin, ch.Action)
		assert.Empty(t, ch.OTP, "the code comes back only in debug mode")
	}},
	{storefronttest.OpLoginWithPhone, 404, "unknown phone → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Auth.LoginWithPhone(e.ctx, storefront.LoginWithPhoneParams{Phone: newPhone()})
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpLoginWithWhatsApp, 200, "code sent by WhatsApp (debug)", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		ch, err := e.session().Auth.LoginWithWhatsApp(e.ctx, storefront.LoginWithPhoneParams{Phone: p.Phone, DebugMode: true})
		require.NoError(t, err)
		assert.Len(t, ch.OTP, 6)
	}},
	{storefronttest.OpLoginWithWhatsApp, 404, "unknown phone → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Auth.LoginWithWhatsApp(e.ctx, storefront.LoginWithPhoneParams{Phone: newPhone()})
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpLoginWithEmail, 200, "code sent by email", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		_, err := e.session().Auth.LoginWithEmail(e.ctx, storefront.LoginWithEmailParams{Email: p.Email})
		require.NoError(t, err)
		_, ok := e.srv.LastOTP(p.Email)
		assert.True(t, ok)
	}},
	{storefronttest.OpLoginWithEmail, 404, "unknown email → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Auth.LoginWithEmail(e.ctx, storefront.LoginWithEmailParams{Email: "nobody@example.com"})
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpVerifyOTP, 200, "OTP login completes", func(t *testing.T, e *cenv) {
		_, info, p := e.user()
		sess := e.session()
		ch, err := sess.Auth.LoginWithEmail(e.ctx, storefront.LoginWithEmailParams{Email: p.Email})
		require.NoError(t, err)
		code, _ := e.srv.LastOTP(p.Email)
		res, err := sess.Auth.VerifyOTP(e.ctx, *ch, code)
		require.NoError(t, err)
		assert.Equal(t, info.ID, res.User.ID)
		in, _ := sess.IsLoggedIn(e.ctx)
		assert.True(t, in, "the pair was saved")
	}},
	{storefronttest.OpVerifyOTP, 400, "wrong code → 400", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		sess := e.session()
		ch, err := sess.Auth.LoginWithEmail(e.ctx, storefront.LoginWithEmailParams{Email: p.Email})
		require.NoError(t, err)
		_, err = sess.Auth.VerifyOTP(e.ctx, *ch, "000000")
		apiStatus(t, err, 400, storefronttest.CodeInvalidOTP)
	}},
	{storefronttest.OpRegisterWithEmail, 200, "code sent", func(t *testing.T, e *cenv) {
		ch, err := e.session().Auth.RegisterWithEmail(e.ctx, storefront.RegisterWithEmailParams{Email: "new-email@example.com", FirstName: "Asha"})
		require.NoError(t, err)
		assert.Equal(t, storefront.OTPRegister, ch.Action)
	}},
	{storefronttest.OpRegisterWithEmail, 400, "email taken → 400", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		_, err := e.session().Auth.RegisterWithEmail(e.ctx, storefront.RegisterWithEmailParams{Email: p.Email, FirstName: "Asha"})
		apiStatus(t, err, 400, storefronttest.CodeAlreadyExists)
	}},
	{storefronttest.OpRegisterWithWhatsApp, 200, "code sent", func(t *testing.T, e *cenv) {
		ch, err := e.session().Auth.RegisterWithWhatsApp(e.ctx, storefront.RegisterWithWhatsAppParams{Phone: newPhone(), FirstName: "Asha"})
		require.NoError(t, err)
		assert.Equal(t, storefront.OTPRegister, ch.Action)
	}},
	{storefronttest.OpRegisterWithWhatsApp, 400, "phone taken → 400", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		_, err := e.session().Auth.RegisterWithWhatsApp(e.ctx, storefront.RegisterWithWhatsAppParams{Phone: p.Phone, FirstName: "Asha"})
		apiStatus(t, err, 400, storefronttest.CodeAlreadyExists)
	}},
	{storefronttest.OpRegisterWithPassword, 200, "register, verify, log in", func(t *testing.T, e *cenv) {
		sess := e.session()
		ch, err := sess.Auth.RegisterWithPassword(e.ctx, storefront.RegisterWithPasswordParams{
			Email: "pw-user@example.com", Password: "s3cret-pw", ConfirmPassword: "s3cret-pw", DebugMode: true})
		require.NoError(t, err)
		_, err = sess.Auth.VerifyOTP(e.ctx, *ch, ch.OTP)
		require.NoError(t, err)
		_, err = e.session().Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: "pw-user@example.com", Password: "s3cret-pw"})
		require.NoError(t, err)
	}},
	{storefronttest.OpRegisterWithPassword, 400, "email taken → 400", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		_, err := e.session().Auth.RegisterWithPassword(e.ctx, storefront.RegisterWithPasswordParams{Email: p.Email, Password: "a", ConfirmPassword: "a"})
		apiStatus(t, err, 400, storefronttest.CodeAlreadyExists)
	}},
	{storefronttest.OpRefreshToken, 200, "new pair, same user", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		before, _ := sess.Tokens(e.ctx)
		after, err := sess.Auth.RefreshToken(e.ctx)
		require.NoError(t, err)
		assert.NotEqual(t, before.AccessToken, after.AccessToken)
		c, _ := sess.Peek(e.ctx)
		assert.Equal(t, info.ID, c.UserID)
		assert.True(t, c.IsLoggedIn)
	}},
	{storefronttest.OpRefreshToken, 401, "a used refresh token → 401, store cleared", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		old, _ := sess.Tokens(e.ctx)
		_, err := sess.Auth.RefreshToken(e.ctx)
		require.NoError(t, err)
		// Replayed by another client (another process): a session of the
		// same client would adopt the renewal instead of sending it.
		replay := e.newClient(e.srv.APIKey()).NewManualSession(old)
		_, err = replay.Auth.RefreshToken(e.ctx)
		require.ErrorIs(t, err, storefront.ErrSessionExpired)
		apiStatus(t, err, 401, "")
		left, _ := replay.Tokens(e.ctx)
		assert.True(t, left.IsZero())
	}},
	{storefronttest.OpLogout, 200, "logged out, anonymous pair saved", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		res, err := sess.Auth.Logout(e.ctx)
		require.NoError(t, err)
		assert.False(t, res.User.IsLoggedIn)
		c, _ := sess.Peek(e.ctx)
		assert.Equal(t, info.ID, c.UserID)
		assert.False(t, c.IsLoggedIn)
	}},
	{storefronttest.OpLogout, 401, "a logged-out token → 401", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		old, _ := sess.Tokens(e.ctx)
		_, err := sess.Auth.Logout(e.ctx)
		require.NoError(t, err)
		_, err = e.client.NewManualSession(old).Auth.Logout(e.ctx)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGenerateOTP, 200, "verify an email", func(t *testing.T, e *cenv) {
		sess, _, p := e.user()
		ch, err := sess.Auth.GenerateOTP(e.ctx, storefront.GenerateOTPParams{Channel: storefront.ChannelEmail, Email: p.Email, Action: storefront.OTPVerifyEmail})
		require.NoError(t, err)
		assert.Equal(t, storefront.OTPVerifyEmail, ch.Action)
	}},
	{storefronttest.OpGenerateOTP, 404, "reset for an unknown phone → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Auth.GenerateOTP(e.ctx, storefront.GenerateOTPParams{Channel: storefront.ChannelSMS, Phone: newPhone(), Action: storefront.OTPResetPassword})
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpForgotPassword, 200, "code sent", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		ch, err := e.session().Auth.ForgotPassword(e.ctx, storefront.ForgotPasswordParams{Email: p.Email})
		require.NoError(t, err)
		assert.Equal(t, storefront.OTPResetPassword, ch.Action)
	}},
	{storefronttest.OpForgotPassword, 404, "unknown email → 404", func(t *testing.T, e *cenv) {
		_, err := e.session().Auth.ForgotPassword(e.ctx, storefront.ForgotPasswordParams{Email: "nobody@example.com"})
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpResetPassword, 200, "new password works", func(t *testing.T, e *cenv) {
		_, info, p := e.user()
		sess := e.session()
		ch, err := sess.Auth.ForgotPassword(e.ctx, storefront.ForgotPasswordParams{Phone: p.Phone})
		require.NoError(t, err)
		code, ok := e.srv.OTP(ch.Token)
		require.True(t, ok)
		res, err := sess.Auth.ResetPassword(e.ctx, storefront.ResetPasswordParams{Challenge: *ch, OTP: code, NewPassword: "brand-new", ConfirmPassword: "brand-new"})
		require.NoError(t, err)
		assert.Equal(t, info.ID, res.User.ID)
		_, err = e.session().Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: "brand-new"})
		require.NoError(t, err)
	}},
	{storefronttest.OpResetPassword, 400, "wrong code → 400", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		sess := e.session()
		ch, err := sess.Auth.ForgotPassword(e.ctx, storefront.ForgotPasswordParams{Email: p.Email})
		require.NoError(t, err)
		_, err = sess.Auth.ResetPassword(e.ctx, storefront.ResetPasswordParams{Challenge: *ch, OTP: "000000", NewPassword: "n", ConfirmPassword: "n"})
		apiStatus(t, err, 400, storefronttest.CodeInvalidOTP)
	}},
	{storefronttest.OpChangePassword, 200, "new pair saved, new password works", func(t *testing.T, e *cenv) {
		sess, _, p := e.user()
		before, _ := sess.Tokens(e.ctx)
		t2, err := sess.Auth.ChangePassword(e.ctx, storefront.ChangePasswordParams{OldPassword: p.Password, NewPassword: "changed-pw", ConfirmPassword: "changed-pw"})
		require.NoError(t, err)
		now, _ := sess.Tokens(e.ctx)
		assert.Equal(t, t2, now)
		assert.NotEqual(t, before, now)
		_, err = e.session().Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: "changed-pw"})
		require.NoError(t, err)
	}},
	{storefronttest.OpChangePassword, 400, "wrong old password → 400", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		_, err := sess.Auth.ChangePassword(e.ctx, storefront.ChangePasswordParams{OldPassword: "wrong", NewPassword: "x", ConfirmPassword: "x"})
		apiStatus(t, err, 400, storefronttest.CodeInvalidPassword)
	}},
	{storefronttest.OpCheckVerificationStatus, 200, "verified ones listed", func(t *testing.T, e *cenv) {
		_, _, p := e.user()
		st, err := e.session().Auth.CheckVerificationStatus(e.ctx, []string{p.Phone, newPhone()}, []string{p.Email, "nobody@example.com"})
		require.NoError(t, err)
		assert.Equal(t, []string{p.Phone}, st.VerifiedPhones)
		assert.Equal(t, []string{p.Email}, st.VerifiedEmails)
	}},
	{storefronttest.OpCheckVerificationStatus, 401, "expired token, manual session → 401", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		tk, _ := sess.Tokens(e.ctx)
		e.srv.Advance(storefronttest.DefaultAccessTTL + time.Second)
		_, err := e.client.NewManualSession(tk).Auth.CheckVerificationStatus(e.ctx, []string{"9876543210"}, nil)
		apiStatus(t, err, 401, "")
	}},
	{storefronttest.OpGetUserDetail, 200, "own profile", func(t *testing.T, e *cenv) {
		sess, info, p := e.user()
		u, err := sess.Auth.GetUser(e.ctx, info.ID)
		require.NoError(t, err)
		assert.Equal(t, &p.Email, u.Email)
		assert.Equal(t, &info.CustomerID, u.CustomerID)
		assert.True(t, u.IsPhoneVerified)
	}},
	{storefronttest.OpGetUserDetail, 404, "someone else → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		_, err := sess.Auth.GetUser(e.ctx, e.otherUser())
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpUpdateUser, 200, "names and preferences", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		u, err := sess.Auth.UpdateUser(e.ctx, info.ID, storefront.UpdateUserParams{LastName: new("Rao-Menon"),
			NotificationPreferences: &storefront.NotificationPreferences{Newsletter: storefront.NotificationChannelPreferences{Whatsapp: true}}})
		require.NoError(t, err)
		assert.Equal(t, "Rao-Menon", *u.LastName)
		assert.Equal(t, "Asha", *u.FirstName, "fields left out keep their value")
		assert.True(t, u.NotificationPreferences.Newsletter.Whatsapp)
	}},
	{storefronttest.OpUpdateUser, 400, "email taken → 400", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, _, other := e.user()
		_, err := sess.Auth.UpdateUser(e.ctx, info.ID, storefront.UpdateUserParams{Email: new(other.Email)})
		apiStatus(t, err, 400, storefronttest.CodeAlreadyExists)
	}},
	{storefronttest.OpDeleteUser, 200, "deleted; session cleared", func(t *testing.T, e *cenv) {
		sess, info, p := e.user()
		require.NoError(t, sess.Auth.DeleteUser(e.ctx, info.ID))
		left, _ := sess.Tokens(e.ctx)
		assert.True(t, left.IsZero())
		_, err := e.session().Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: p.Password})
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpDeleteUser, 404, "someone else → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		apiStatus(t, sess.Auth.DeleteUser(e.ctx, e.otherUser()), 404, "")
	}},
	{storefronttest.OpDeactivateUser, 200, "deactivated; login refused", func(t *testing.T, e *cenv) {
		sess, info, p := e.user()
		require.NoError(t, sess.Auth.DeactivateUser(e.ctx, info.ID))
		_, err := e.session().Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Email: p.Email, Password: p.Password})
		apiStatus(t, err, 401, storefronttest.CodeUserInactive)
	}},
	{storefronttest.OpDeactivateUser, 404, "someone else → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		apiStatus(t, sess.Auth.DeactivateUser(e.ctx, e.otherUser()), 404, "")
	}},
	{storefronttest.OpGetProfileImage, 200, "after upload", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		added, err := sess.Auth.AddProfileImage(e.ctx, info.ID, image())
		require.NoError(t, err)
		got, err := sess.Auth.GetProfileImage(e.ctx, info.ID)
		require.NoError(t, err)
		assert.Equal(t, added, got)
	}},
	{storefronttest.OpGetProfileImage, 404, "none yet → 404", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Auth.GetProfileImage(e.ctx, info.ID)
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpAddProfileImage, 200, "PNG uploaded", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		url, err := sess.Auth.AddProfileImage(e.ctx, info.ID, image())
		require.NoError(t, err)
		assert.NotEmpty(t, url)
		u, _ := sess.Auth.GetUser(e.ctx, info.ID)
		assert.Equal(t, &url, u.ProfileImageURL)
	}},
	{storefronttest.OpAddProfileImage, 400, "not an image → 400", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Auth.AddProfileImage(e.ctx, info.ID, storefront.Image{Body: bytes.NewReader([]byte("just some text"))})
		apiStatus(t, err, 400, "")
	}},
	{storefronttest.OpUpdateProfileImage, 200, "replaced", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		first, err := sess.Auth.AddProfileImage(e.ctx, info.ID, image())
		require.NoError(t, err)
		second, err := sess.Auth.UpdateProfileImage(e.ctx, info.ID, image())
		require.NoError(t, err)
		assert.NotEqual(t, first, second)
	}},
	{storefronttest.OpUpdateProfileImage, 404, "none yet → 404", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Auth.UpdateProfileImage(e.ctx, info.ID, image())
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpRemoveProfileImage, 200, "removed", func(t *testing.T, e *cenv) {
		sess, info, _ := e.user()
		_, err := sess.Auth.AddProfileImage(e.ctx, info.ID, image())
		require.NoError(t, err)
		require.NoError(t, sess.Auth.RemoveProfileImage(e.ctx, info.ID))
		_, err = sess.Auth.GetProfileImage(e.ctx, info.ID)
		apiStatus(t, err, 404, "")
	}},
	{storefronttest.OpRemoveProfileImage, 404, "someone else → 404", func(t *testing.T, e *cenv) {
		sess, _, _ := e.user()
		apiStatus(t, sess.Auth.RemoveProfileImage(e.ctx, e.otherUser()), 404, "")
	}},
}

// allConformanceCases are the Auth cases above and the other groups':
// the catalog, store, countries and events (conformance_shop_test.go); the
// cart, payments, wishlist and orders (conformance_cart_test.go); the
// customer's account and subscriptions (conformance_customer_test.go);
// the point of sale (conformance_pos_test.go, conformance_pos_cart_test.go).
func allConformanceCases() []conformanceCase {
	return slices.Concat(conformanceCases, shopConformanceCases, cartConformanceCases, customerConformanceCases,
		posConformanceCases, posCartConformanceCases)
}

func TestConformance(t *testing.T) {
	for _, c := range allConformanceCases() {
		kind := "failure"
		if c.status == http.StatusOK {
			kind = "success"
		}
		t.Run(c.op+"/"+kind+"/"+c.name, func(t *testing.T) {
			t.Parallel()
			e := newCEnv(t)
			c.run(t, e)
			assert.Positive(t, e.srv.Calls(c.op), "the case never reached %s", c.op)
		})
	}
}

// unreachableFailures are the failure statuses an operation declares that
// no request the typed client can send provokes, with the reason. The
// fake answers them all the same (tested with raw requests in
// shop_http_test.go where a raw request can).
var unreachableFailures = map[string]map[int]string{
	storefronttest.OpGetProductDetail:               {400: "only a malformed inventory flag, which the typed client cannot send"},
	storefronttest.OpGetMarketplaceProductDetail:    {400: "only a malformed inventory flag, which the typed client cannot send"},
	storefronttest.OpListProductVariants:            {400: "only a malformed inventory flag, which the typed client cannot send"},
	storefronttest.OpListMarketplaceProductVariants: {400: "only a malformed inventory flag, which the typed client cannot send"},
	storefronttest.OpGetVariantDetail:               {400: "only a malformed inventory flag, which the typed client cannot send"},
	storefronttest.OpGetMarketplaceVariantDetail:    {400: "only a malformed inventory flag, which the typed client cannot send"},
	storefronttest.OpGetConfig:                      {400: "the operation takes no parameters the server could refuse"},
	storefronttest.OpListCountries:                  {400: "the operation takes no parameters the server could refuse"},
	storefronttest.OpGetSellerDetail:                {400: "the operation takes only a seller ID, unknown (404) or known"},
	storefronttest.OpListSellerReviews:              {400: "the operation takes only a seller ID, unknown (404) or known"},
}

// unreachable is unreachableFailures with those of the later groups.
func unreachable(op string) map[int]string {
	for _, m := range []map[string]map[int]string{unreachableFailures, cartUnreachableFailures, customerUnreachableFailures, posUnreachableFailures} {
		if r, ok := m[op]; ok {
			return r
		}
	}
	return nil
}

// TestConformanceCoversEveryOperation fails when an operation of the
// embedded spec has no success case or no failure case: adding an
// operation to openapi.yaml without covering it turns CI red. Beyond the
// Auth group, every failure status an operation declares needs its own
// case, unless unreachableFailures says why none can exist.
func TestConformanceCoversEveryOperation(t *testing.T) {
	statuses := map[string]map[int]bool{}
	for _, c := range allConformanceCases() {
		if statuses[c.op] == nil {
			statuses[c.op] = map[int]bool{}
		}
		statuses[c.op][c.status] = true
	}
	doc := api.Spec()
	ops := api.Operations()
	require.Len(t, ops, 188)
	for _, o := range ops {
		got := statuses[o.ID]
		assert.True(t, got[http.StatusOK], "%s has no conformance success case", o.ID)
		assert.True(t, len(got) > 1, "%s has no conformance failure case", o.ID)
		op := doc.Paths.Find(o.Path).GetOperation(o.Method)
		if slices.Contains(op.Tags, "Auth") {
			continue
		}
		for code := range op.Responses.Map() {
			status, err := strconv.Atoi(code)
			if err != nil || status < 400 {
				continue
			}
			if _, ok := unreachable(o.ID)[status]; ok {
				assert.False(t, got[status], "%s: unreachableFailures lists %d, which a case reaches", o.ID, status)
				continue
			}
			assert.True(t, got[status], "%s declares %d but no conformance case provokes it", o.ID, status)
		}
		for status := range got {
			if status != http.StatusOK {
				assert.NotNil(t, op.Responses.Status(status), "%s: a case expects %d, which the operation does not declare", o.ID, status)
			}
		}
	}
	for op := range statuses {
		assert.True(t, slices.ContainsFunc(ops, func(o api.Operation) bool { return o.ID == op }), "case for unknown operation %s", op)
	}
}

// The session's whole life against the fake: visitor, registration, a
// password set through forgot/reset, logout, password login, the access
// token expiring on a moved clock, an automatic refresh, logout.
func TestStoryVisitorToRefreshAndLogout(t *testing.T) {
	e := newCEnv(t)
	sess := e.session()
	phone := newPhone()

	claims, err := sess.EnsureClaims(e.ctx)
	require.NoError(t, err)
	visitor := claims.UserID
	assert.True(t, claims.IsAnonymous)

	reg, err := sess.Auth.RegisterWithPhone(e.ctx, storefront.RegisterWithPhoneParams{Phone: phone, FirstName: "Asha"})
	require.NoError(t, err)
	assert.Equal(t, visitor, reg.User.ID)

	ch, err := sess.Auth.ForgotPassword(e.ctx, storefront.ForgotPasswordParams{Phone: phone})
	require.NoError(t, err)
	code, ok := e.srv.LastOTP(phone)
	require.True(t, ok)
	_, err = sess.Auth.ResetPassword(e.ctx, storefront.ResetPasswordParams{Challenge: *ch, OTP: code, NewPassword: "pw-1", ConfirmPassword: "pw-1"})
	require.NoError(t, err)

	_, err = sess.Auth.Logout(e.ctx)
	require.NoError(t, err)
	res, err := sess.Auth.LoginWithPassword(e.ctx, storefront.LoginWithPasswordParams{Phone: phone, Password: "pw-1"})
	require.NoError(t, err)
	require.Equal(t, visitor, res.User.ID)

	// The access token comes within the refresh margin: the next call
	// refreshes first, once.
	e.srv.Advance(storefronttest.DefaultAccessTTL - 10*time.Second)
	refreshes := e.srv.Calls(storefronttest.OpRefreshToken)
	u, err := sess.Auth.GetUser(e.ctx, visitor)
	require.NoError(t, err)
	assert.True(t, u.IsLoggedIn)
	assert.Equal(t, refreshes+1, e.srv.Calls(storefronttest.OpRefreshToken), "one proactive refresh")
	assert.Equal(t, 1, e.srv.Calls(storefronttest.OpGetUserDetail), "no 401 round trip")

	// Past expiry on the server's clock only (the client's says the token
	// is fresh): the 401 triggers one refresh and one retry.
	tk, _ := sess.Tokens(e.ctx)
	skewed, err := storefront.New(e.srv.StoreID(), storefront.WithAPIKey(e.srv.APIKey()), storefront.WithBaseURL(e.srv.BaseURL()),
		storefront.WithHTTPClient(&http.Client{Transport: e.vt}))
	require.NoError(t, err)
	skewedSess := skewed.NewSession(nil)
	require.NoError(t, skewedSess.SetTokens(e.ctx, tk))
	e.srv.Advance(storefronttest.DefaultAccessTTL + time.Minute)
	before := e.srv.Calls(storefronttest.OpGetUserDetail)
	_, err = skewedSess.Auth.GetUser(e.ctx, visitor)
	require.NoError(t, err)
	assert.Equal(t, before+2, e.srv.Calls(storefronttest.OpGetUserDetail), "401, then the retry")

	out, err := skewedSess.Auth.Logout(e.ctx)
	require.NoError(t, err)
	assert.False(t, out.User.IsLoggedIn)
}

func TestStoryOTPLoginRegistersNewUser(t *testing.T) {
	e := newCEnv(t)
	sess := e.session()
	phone := newPhone()
	ch, err := sess.Auth.LoginWithPhone(e.ctx, storefront.LoginWithPhoneParams{Phone: phone, RegisterIfNotExists: true, DebugMode: true})
	require.NoError(t, err)
	res, err := sess.Auth.VerifyOTP(e.ctx, *ch, ch.OTP)
	require.NoError(t, err)
	assert.True(t, res.User.IsLoggedIn)
	assert.Equal(t, phone, *res.User.Phone)
	assert.True(t, res.User.IsPhoneVerified)
	u, ok := e.srv.User(res.User.ID)
	require.True(t, ok, "the user exists on the server")
	assert.Equal(t, phone, *u.Phone)
}

// 200 shoppers at once, each with their own session: every one ends up
// with their own identity and nobody else's tokens.
func TestStory200ConcurrentShoppers(t *testing.T) {
	e := newCEnv(t)
	const n = 200
	type outcome struct {
		visitor, registered, read, loggedOut string
		err                                  error
	}
	results := make([]outcome, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			o := &results[i]
			sess := e.session()
			c, err := sess.EnsureClaims(e.ctx)
			if err != nil {
				o.err = err
				return
			}
			o.visitor = c.UserID
			res, err := sess.Auth.RegisterWithPhone(e.ctx, storefront.RegisterWithPhoneParams{Phone: fmt.Sprintf("7%09d", i), FirstName: fmt.Sprint("Shopper", i)})
			if err != nil {
				o.err = err
				return
			}
			o.registered = res.User.ID
			u, err := sess.Auth.GetUser(e.ctx, res.User.ID)
			if err != nil {
				o.err = err
				return
			}
			if u.FirstName == nil || *u.FirstName != fmt.Sprint("Shopper", i) {
				o.err = errors.New("read someone else's profile")
				return
			}
			o.read = u.ID
			out, err := sess.Auth.Logout(e.ctx)
			if err != nil {
				o.err = err
				return
			}
			o.loggedOut = out.User.ID
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, o := range results {
		require.NoError(t, o.err, "shopper %d", i)
		assert.Equal(t, o.visitor, o.registered, "shopper %d kept their visitor id", i)
		assert.Equal(t, o.visitor, o.read)
		assert.Equal(t, o.visitor, o.loggedOut)
		assert.False(t, seen[o.visitor], "two shoppers share id %s", o.visitor)
		seen[o.visitor] = true
	}
	assert.Equal(t, n, e.srv.Calls(storefronttest.OpGetAnonymousToken), "one anonymous session per shopper")
	assert.Equal(t, n, e.srv.Calls(storefronttest.OpRegisterWithPhone))
}
