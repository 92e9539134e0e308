package storefront_test

// No secret in any log line or error string: every operation, succeeding
// and failing, and every case of the fault matrix, with a debug logger
// capturing everything the SDK says.

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// observer collects what a test must find nowhere (the secrets), and where
// it must not find them: the SDK's log, the errors, formatted values.
type observer struct {
	logger *slog.Logger

	mu      sync.Mutex
	logs    bytes.Buffer
	secrets map[string]string // secret → what it is
	otps    map[string]bool   // OTP codes: digits, matched as a whole number
	texts   []string          // error strings and formatted values
}

func newObserver() *observer {
	o := &observer{secrets: map[string]string{}, otps: map[string]bool{}}
	o.logger = slog.New(slog.NewTextHandler(o, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			switch {
			case a.Key == slog.TimeKey:
				return slog.Attr{}
			case a.Value.Kind() == slog.KindDuration:
				// Microsecond digits would pass for OTP codes.
				return slog.Duration(a.Key, a.Value.Duration().Round(time.Millisecond))
			}
			return a
		},
	}))
	return o
}

// Write receives the log handler's output.
func (o *observer) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.logs.Write(p)
}

func (o *observer) secret(kind string, values ...string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, v := range values {
		if v != "" {
			o.secrets[v] = kind
		}
	}
}

func (o *observer) otp(code string) {
	if code == "" {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.otps[code] = true
}

// tokens records a pair; it is an OnTokensChanged callback too.
func (o *observer) tokens(t storefront.Tokens) {
	o.secret("access token", t.AccessToken)
	o.secret("refresh token", t.RefreshToken)
}

func (o *observer) err(err error) {
	if err != nil {
		o.text(err.Error())
	}
}

func (o *observer) text(s string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.texts = append(o.texts, s)
}

// result records the tokens of an AuthResult, and how it prints.
func (o *observer) result(r *storefront.AuthResult) {
	if r == nil {
		return
	}
	o.tokens(r.Tokens())
	o.formatted(r, *r, r.Tokens())
}

// challenge records an OTP challenge (its token, and its code in debug
// mode) and how it prints.
func (o *observer) challenge(ch *storefront.OTPChallenge) {
	if ch == nil {
		return
	}
	o.secret("otp_token", ch.Token)
	o.otp(ch.OTP)
	o.formatted(ch, *ch)
}

// formatted records values as fmt prints them with %v, %+v, %#v, and logs
// them (LogValue).
func (o *observer) formatted(vs ...any) {
	for _, v := range vs {
		o.text(fmt.Sprintf("%v | %+v | %#v | %s", v, v, v, v))
		o.logger.Info("formatted value", "value", v)
	}
}

// counts reports how many secrets of each kind were collected.
func (o *observer) counts() map[string]int {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := map[string]int{"OTP code": len(o.otps)}
	for _, kind := range o.secrets {
		n[kind]++
	}
	return n
}

// leaks lists every secret found in a log line, an error string or a
// formatted value.
func (o *observer) leaks() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	haystacks := append(strings.Split(o.logs.String(), "\n"), o.texts...)
	secrets := make([]string, 0, len(o.secrets))
	for s := range o.secrets {
		secrets = append(secrets, s)
	}
	sort.Strings(secrets)
	var otps []*regexp.Regexp
	for code := range o.otps {
		otps = append(otps, regexp.MustCompile(`(^|[^0-9])`+regexp.QuoteMeta(code)+`([^0-9]|$)`))
	}
	var found []string
	for _, h := range haystacks {
		for _, s := range secrets {
			if strings.Contains(h, s) {
				found = append(found, fmt.Sprintf("a %s appears in:\n%s", o.secrets[s], h))
			}
		}
		for _, re := range otps {
			if re.MatchString(h) {
				found = append(found, fmt.Sprintf("an OTP code (%s) appears in:\n%s", re, h))
			}
		}
	}
	return found
}

// check fails for every leak.
func (o *observer) check(t *testing.T) {
	t.Helper()
	found := o.leaks()
	for i, l := range found {
		if i == 20 {
			t.Fatalf("and %d more leaks", len(found)-i)
		}
		t.Error(l)
	}
}

// opDriver runs the 25 operations, each at least once succeeding and once
// failing, and records what it saw in an observer.
type opDriver struct {
	t        *testing.T
	ctx      context.Context
	srv      *storefronttest.Server
	client   *storefront.Client
	obs      *observer
	sessions []*storefront.Session
	outcomes map[string][2]int // op → successes, failures
}

func (d *opDriver) session() *storefront.Session {
	s := d.client.NewSession(nil, storefront.OnTokensChanged(d.obs.tokens))
	d.sessions = append(d.sessions, s)
	return s
}

func (d *opDriver) manual(tk storefront.Tokens) *storefront.Session {
	s := d.client.NewManualSession(tk, storefront.OnTokensChanged(d.obs.tokens))
	d.sessions = append(d.sessions, s)
	return s
}

func (d *opDriver) tokensOf(s *storefront.Session) storefront.Tokens {
	tk, err := s.Tokens(d.ctx)
	require.NoError(d.t, err)
	return tk
}

// step runs one call of op, which must succeed (ok) or fail, and then
// collects every session's tokens.
func (d *opDriver) step(op string, ok bool, call func() error) {
	d.t.Helper()
	err := call()
	d.obs.err(err)
	o := d.outcomes[op]
	if ok {
		require.NoError(d.t, err, "%s must succeed", op)
		o[0]++
	} else {
		require.Error(d.t, err, "%s must fail", op)
		o[1]++
	}
	d.outcomes[op] = o
	for _, s := range d.sessions {
		d.obs.tokens(d.tokensOf(s))
	}
}

// lastOTP reads the code the server "sent" to dest, as the user would.
func (d *opDriver) lastOTP(dest string) string {
	d.t.Helper()
	code, ok := d.srv.LastOTP(dest)
	require.True(d.t, ok, "no OTP sent to %s", dest)
	d.obs.otp(code)
	return code
}

// newUser registers a user with a password and returns a session logged
// in as them.
func (d *opDriver) newUser(n int) (*storefront.Session, string, string) {
	d.t.Helper()
	email, password := fmt.Sprintf("user%d@example.com", n), fmt.Sprintf("pw-%d-of-some-length", n)
	d.obs.secret("password", password)
	info, err := d.srv.CreateUser(storefronttest.UserParams{FirstName: "User", Email: email, Phone: fmt.Sprintf("91000000%02d", n), Password: password})
	require.NoError(d.t, err)
	s := d.session()
	res, err := s.Auth.LoginWithPassword(d.ctx, storefront.LoginWithPasswordParams{Email: email, Password: password})
	require.NoError(d.t, err)
	d.obs.result(res)
	return s, info.ID, password
}

// driveAllOperations runs every operation, succeeding and failing.
func driveAllOperations(t *testing.T, obs *observer) {
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	defer srv.Close()
	ctx := context.Background()
	newClient := func(apiKey string) *storefront.Client {
		c, err := storefront.New(srv.StoreID(), storefront.WithAPIKey(apiKey), storefront.WithBaseURL(srv.BaseURL()),
			storefront.WithClock(srv.Now), storefront.WithLogger(obs.logger), storefront.WithRetryPolicy(faultRetryPolicy))
		require.NoError(t, err)
		t.Cleanup(c.CloseIdleConnections)
		return c
	}
	const wrongKey = "ce_test_wrong-key-4f7a1c9e"
	obs.secret("API key", srv.APIKey())
	obs.secret("API key", wrongKey)
	d := &opDriver{t: t, ctx: ctx, srv: srv, client: newClient(srv.APIKey()), obs: obs, outcomes: map[string][2]int{}}

	const (
		phone  = "9876500001"
		email  = "asha@example.com"
		pw1    = "first-password-7Kq"
		pw2    = "second-password-9Wz"
		wrong  = "not-the-password-3Xv"
		badOTP = "314159"
	)
	obs.secret("password", pw1, pw2, wrong)
	obs.otp(badOTP)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	image := func() storefront.Image {
		return storefront.Image{Body: bytes.NewReader(png), Filename: "me.png"}
	}
	var ch *storefront.OTPChallenge
	challenge := func(c *storefront.OTPChallenge, err error) error {
		if c != nil {
			ch = c
		}
		obs.challenge(c)
		return err
	}
	result := func(r *storefront.AuthResult, err error) error {
		obs.result(r)
		return err
	}

	// A visitor, who registers by phone and sets a password.
	asha := d.session()
	d.step(storefronttest.OpGetAnonymousToken, true, func() error { return result(asha.Auth.Anonymous(ctx)) })
	d.step(storefronttest.OpGetAnonymousToken, false, func() error {
		return result(newClient(wrongKey).Auth.Anonymous(ctx))
	})
	d.step(storefronttest.OpRegisterWithPhone, true, func() error {
		return result(asha.Auth.RegisterWithPhone(ctx, storefront.RegisterWithPhoneParams{Phone: phone, FirstName: "Asha", Email: email, DebugMode: true}))
	})
	d.step(storefronttest.OpRegisterWithPhone, false, func() error {
		return result(d.session().Auth.RegisterWithPhone(ctx, storefront.RegisterWithPhoneParams{Phone: phone, FirstName: "Twin"}))
	})
	d.step(storefronttest.OpForgotPassword, true, func() error {
		return challenge(asha.Auth.ForgotPassword(ctx, storefront.ForgotPasswordParams{Phone: phone, DebugMode: true}))
	})
	d.step(storefronttest.OpForgotPassword, false, func() error {
		return challenge(asha.Auth.ForgotPassword(ctx, storefront.ForgotPasswordParams{Email: "nobody@example.com"}))
	})
	reset := *ch
	d.step(storefronttest.OpResetPassword, false, func() error {
		return result(asha.Auth.ResetPassword(ctx, storefront.ResetPasswordParams{Challenge: reset, OTP: badOTP, NewPassword: pw1, ConfirmPassword: pw1}))
	})
	d.step(storefronttest.OpResetPassword, true, func() error {
		return result(asha.Auth.ResetPassword(ctx, storefront.ResetPasswordParams{Challenge: reset, OTP: reset.OTP, NewPassword: pw1, ConfirmPassword: pw1}))
	})

	// Logout, password logins, password change, refresh.
	loggedIn := d.tokensOf(asha)
	d.step(storefronttest.OpLogout, true, func() error { return result(asha.Auth.Logout(ctx)) })
	d.step(storefronttest.OpLogout, false, func() error { return result(d.manual(loggedIn).Auth.Logout(ctx)) })
	d.step(storefronttest.OpLoginWithPassword, false, func() error {
		return result(asha.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Phone: phone, Password: wrong}))
	})
	d.step(storefronttest.OpLoginWithPassword, true, func() error {
		return result(asha.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Phone: phone, Password: pw1}))
	})
	d.step(storefronttest.OpChangePassword, false, func() error {
		_, err := asha.Auth.ChangePassword(ctx, storefront.ChangePasswordParams{OldPassword: wrong, NewPassword: pw2, ConfirmPassword: pw2})
		return err
	})
	d.step(storefronttest.OpChangePassword, true, func() error {
		tk, err := asha.Auth.ChangePassword(ctx, storefront.ChangePasswordParams{OldPassword: pw1, NewPassword: pw2, ConfirmPassword: pw2})
		obs.tokens(tk)
		obs.formatted(tk, &tk)
		return err
	})
	spent := d.tokensOf(asha)
	d.step(storefronttest.OpRefreshToken, true, func() error { _, err := asha.Auth.RefreshToken(ctx); return err })
	// Another client (another process) holding the spent pair: the API
	// refuses it. (A session of the same client would adopt the renewal.)
	d.step(storefronttest.OpRefreshToken, false, func() error {
		_, err := newClient(srv.APIKey()).NewManualSession(spent, storefront.OnTokensChanged(obs.tokens)).Auth.RefreshToken(ctx)
		return err
	})
	ashaID, err := asha.UserID(ctx)
	require.NoError(t, err)

	// One-time-password logins, by code read from the "messages" and in
	// debug mode.
	otpSess := d.session()
	d.step(storefronttest.OpLoginWithPhone, true, func() error {
		return challenge(otpSess.Auth.LoginWithPhone(ctx, storefront.LoginWithPhoneParams{Phone: phone}))
	})
	code := d.lastOTP(phone)
	d.step(storefronttest.OpLoginWithPhone, false, func() error {
		return challenge(otpSess.Auth.LoginWithPhone(ctx, storefront.LoginWithPhoneParams{Phone: "9000000001"}))
	})
	login := *ch
	d.step(storefronttest.OpVerifyOTP, false, func() error { return result(otpSess.Auth.VerifyOTP(ctx, login, badOTP)) })
	d.step(storefronttest.OpVerifyOTP, true, func() error { return result(otpSess.Auth.VerifyOTP(ctx, login, code)) })
	d.step(storefronttest.OpLoginWithWhatsApp, true, func() error {
		return challenge(d.session().Auth.LoginWithWhatsApp(ctx, storefront.LoginWithPhoneParams{Phone: phone, DebugMode: true}))
	})
	d.step(storefronttest.OpLoginWithWhatsApp, false, func() error {
		return challenge(d.session().Auth.LoginWithWhatsApp(ctx, storefront.LoginWithPhoneParams{Phone: "9000000002", DebugMode: true}))
	})
	d.step(storefronttest.OpLoginWithEmail, true, func() error {
		return challenge(d.session().Auth.LoginWithEmail(ctx, storefront.LoginWithEmailParams{Email: email}))
	})
	d.lastOTP(email)
	d.step(storefronttest.OpLoginWithEmail, false, func() error {
		return challenge(d.session().Auth.LoginWithEmail(ctx, storefront.LoginWithEmailParams{Email: "nobody@example.com"}))
	})

	// Registrations that need a code.
	d.step(storefronttest.OpRegisterWithEmail, true, func() error {
		return challenge(d.session().Auth.RegisterWithEmail(ctx, storefront.RegisterWithEmailParams{Email: "ravi@example.com", FirstName: "Ravi"}))
	})
	d.lastOTP("ravi@example.com")
	d.step(storefronttest.OpRegisterWithEmail, false, func() error {
		return challenge(d.session().Auth.RegisterWithEmail(ctx, storefront.RegisterWithEmailParams{Email: email, FirstName: "Twin"}))
	})
	d.step(storefronttest.OpRegisterWithWhatsApp, true, func() error {
		return challenge(d.session().Auth.RegisterWithWhatsApp(ctx, storefront.RegisterWithWhatsAppParams{Phone: "9876500002", FirstName: "Meera", DebugMode: true}))
	})
	d.step(storefronttest.OpRegisterWithWhatsApp, false, func() error {
		return challenge(d.session().Auth.RegisterWithWhatsApp(ctx, storefront.RegisterWithWhatsAppParams{Phone: phone, FirstName: "Twin"}))
	})
	const pw3 = "third-password-2Jd"
	obs.secret("password", pw3)
	kiran := d.session()
	d.step(storefronttest.OpRegisterWithPassword, true, func() error {
		return challenge(kiran.Auth.RegisterWithPassword(ctx, storefront.RegisterWithPasswordParams{
			Email: "kiran@example.com", Password: pw3, ConfirmPassword: pw3}))
	})
	register := *ch
	d.step(storefronttest.OpVerifyOTP, true, func() error {
		return result(kiran.Auth.VerifyOTP(ctx, register, d.lastOTP("kiran@example.com")))
	})
	d.step(storefronttest.OpRegisterWithPassword, false, func() error {
		return challenge(d.session().Auth.RegisterWithPassword(ctx, storefront.RegisterWithPasswordParams{
			Email: email, Password: pw3, ConfirmPassword: pw3, DebugMode: true}))
	})
	d.step(storefronttest.OpGenerateOTP, true, func() error {
		return challenge(asha.Auth.GenerateOTP(ctx, storefront.GenerateOTPParams{
			Channel: storefront.ChannelEmail, Email: email, Action: storefront.OTPVerifyEmail, DebugMode: true}))
	})
	d.step(storefronttest.OpGenerateOTP, false, func() error {
		return challenge(asha.Auth.GenerateOTP(ctx, storefront.GenerateOTPParams{
			Channel: storefront.ChannelSMS, Phone: "9000000003", Action: storefront.OTPResetPassword}))
	})

	// The profile.
	other, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Other", Email: "other@example.com"})
	require.NoError(t, err)
	d.step(storefronttest.OpCheckVerificationStatus, true, func() error {
		_, err := asha.Auth.CheckVerificationStatus(ctx, []string{phone}, []string{email})
		return err
	})
	d.step(storefronttest.OpCheckVerificationStatus, false, func() error {
		_, err := d.manual(loggedIn).Auth.CheckVerificationStatus(ctx, []string{phone}, nil)
		return err
	})
	d.step(storefronttest.OpGetUserDetail, true, func() error { _, err := asha.Auth.GetUser(ctx, ashaID); return err })
	d.step(storefronttest.OpGetUserDetail, false, func() error { _, err := asha.Auth.GetUser(ctx, other.ID); return err })
	d.step(storefronttest.OpUpdateUser, true, func() error {
		_, err := asha.Auth.UpdateUser(ctx, ashaID, storefront.UpdateUserParams{LastName: new("Rao")})
		return err
	})
	d.step(storefronttest.OpUpdateUser, false, func() error {
		_, err := asha.Auth.UpdateUser(ctx, ashaID, storefront.UpdateUserParams{Email: new("other@example.com")})
		return err
	})
	d.step(storefronttest.OpGetProfileImage, false, func() error { _, err := asha.Auth.GetProfileImage(ctx, ashaID); return err })
	d.step(storefronttest.OpAddProfileImage, true, func() error { _, err := asha.Auth.AddProfileImage(ctx, ashaID, image()); return err })
	d.step(storefronttest.OpAddProfileImage, false, func() error {
		_, err := asha.Auth.AddProfileImage(ctx, ashaID, storefront.Image{Body: strings.NewReader("not an image at all")})
		return err
	})
	d.step(storefronttest.OpGetProfileImage, true, func() error { _, err := asha.Auth.GetProfileImage(ctx, ashaID); return err })
	d.step(storefronttest.OpUpdateProfileImage, true, func() error { _, err := asha.Auth.UpdateProfileImage(ctx, ashaID, image()); return err })
	d.step(storefronttest.OpUpdateProfileImage, false, func() error { _, err := asha.Auth.UpdateProfileImage(ctx, other.ID, image()); return err })
	d.step(storefronttest.OpRemoveProfileImage, true, func() error { return asha.Auth.RemoveProfileImage(ctx, ashaID) })
	d.step(storefronttest.OpRemoveProfileImage, false, func() error { return asha.Auth.RemoveProfileImage(ctx, other.ID) })

	// Accounts that go away.
	leaving, leavingID, _ := d.newUser(1)
	d.step(storefronttest.OpDeactivateUser, false, func() error { return leaving.Auth.DeactivateUser(ctx, other.ID) })
	d.step(storefronttest.OpDeactivateUser, true, func() error { return leaving.Auth.DeactivateUser(ctx, leavingID) })
	d.step(storefronttest.OpDeleteUser, false, func() error { return asha.Auth.DeleteUser(ctx, other.ID) })
	d.step(storefronttest.OpDeleteUser, true, func() error { return asha.Auth.DeleteUser(ctx, ashaID) })

	// Every operation was called, and both succeeded and failed.
	ops := []string{
		storefronttest.OpGetAnonymousToken, storefronttest.OpLoginWithPassword, storefronttest.OpRegisterWithPhone,
		storefronttest.OpLoginWithPhone, storefronttest.OpLoginWithWhatsApp, storefronttest.OpLoginWithEmail,
		storefronttest.OpVerifyOTP, storefronttest.OpRegisterWithEmail, storefronttest.OpRegisterWithWhatsApp,
		storefronttest.OpRegisterWithPassword, storefronttest.OpRefreshToken, storefronttest.OpLogout,
		storefronttest.OpGenerateOTP, storefronttest.OpForgotPassword, storefronttest.OpResetPassword,
		storefronttest.OpChangePassword, storefronttest.OpCheckVerificationStatus, storefronttest.OpGetUserDetail,
		storefronttest.OpUpdateUser, storefronttest.OpDeleteUser, storefronttest.OpDeactivateUser,
		storefronttest.OpGetProfileImage, storefronttest.OpAddProfileImage, storefronttest.OpUpdateProfileImage,
		storefronttest.OpRemoveProfileImage,
	}
	require.Len(t, ops, 25)
	require.Len(t, d.outcomes, 25)
	for _, op := range ops {
		o := d.outcomes[op]
		assert.Positive(t, o[0], "%s never succeeded", op)
		assert.Positive(t, o[1], "%s never failed", op)
		assert.GreaterOrEqual(t, srv.Calls(op), 2, "%s reached the server %d times", op, srv.Calls(op))
	}
}

func TestSecretsNeverLeak(t *testing.T) {
	// Not parallel: each fault case checks that no goroutine it started is
	// left running (goleak), which other tests running beside it would fail.
	obs := newObserver()
	t.Run("every operation", func(t *testing.T) { driveAllOperations(t, obs) })
	for _, c := range faultCases() {
		t.Run("fault/"+c.name, func(t *testing.T) { runFaultCase(t, c, obs) })
	}

	// Formatting types that hold secrets, with made-up secrets in every
	// field (including the debug OTP).
	tk := storefront.Tokens{AccessToken: "aaaa.access-secret.zzzz", RefreshToken: "rrrr.refresh-secret.zzzz"}
	obs.tokens(tk)
	obs.formatted(tk, &tk)
	obs.result(&storefront.AuthResult{User: &storefront.User{ID: "u-1"}, AccessToken: tk.AccessToken, RefreshToken: tk.RefreshToken})
	obs.challenge(&storefront.OTPChallenge{Token: "otp-token-secret-0001", Action: storefront.OTPLogin, OTP: "862730"})

	// The run must have seen enough to mean something.
	n := obs.counts()
	t.Logf("secrets checked: %v", n)
	assert.GreaterOrEqual(t, n["access token"], 40)
	assert.GreaterOrEqual(t, n["refresh token"], 40)
	assert.GreaterOrEqual(t, n["OTP code"], 8)
	assert.GreaterOrEqual(t, n["otp_token"], 8)
	assert.GreaterOrEqual(t, n["password"], 6)
	assert.GreaterOrEqual(t, n["API key"], 3)
	logs := func() string { obs.mu.Lock(); defer obs.mu.Unlock(); return obs.logs.String() }()
	for _, want := range []string{"storefront request", "storefront retry", "refreshing access token", "creating anonymous session", "refresh rejected", "status=401", "status=503"} {
		assert.Contains(t, logs, want, "the debug log must show the SDK's activity")
	}
	obs.check(t)
}

// A secret that leaks must be found: the observer is not blind.
func TestObserverFindsLeaks(t *testing.T) {
	t.Parallel()
	for name, leak := range map[string]func(o *observer){
		"token in a log line": func(o *observer) { o.logger.Debug("storefront request", "auth", "Bearer abc.def-token.ghi") },
		"token in an error":   func(o *observer) { o.err(fmt.Errorf("refresh abc.def-token.ghi failed")) },
		"OTP in a log line":   func(o *observer) { o.logger.Debug("verify", "body", `{"otp":"482913"}`) },
		"password formatted":  func(o *observer) { o.text(fmt.Sprintf("%+v", struct{ Password string }{"hunter2-hunter2"})) },
		"API key in a header": func(o *observer) { o.logger.Debug("req", "header", http.Header{"X-Api-Key": {"ce_test_key"}}) },
	} {
		t.Run(name, func(t *testing.T) {
			o := newObserver()
			o.tokens(storefront.Tokens{AccessToken: "abc.def-token.ghi"})
			o.otp("482913")
			o.secret("password", "hunter2-hunter2")
			o.secret("API key", "ce_test_key")
			assert.Empty(t, o.leaks())
			leak(o)
			assert.NotEmpty(t, o.leaks(), "the leak went unnoticed")
		})
	}
}
