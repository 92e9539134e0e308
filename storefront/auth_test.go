package storefront

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/decimal"
)

type wireCall struct {
	op      string
	method  string
	path    string
	query   url.Values
	header  http.Header
	body    []byte
	invalid error
}

// specServer answers every operation with the 200 example of openapi.yaml
// and records each request with its violations of the spec.
type specServer struct {
	srv   *httptest.Server
	mu    sync.Mutex
	calls []wireCall
}

func newSpecServer(t *testing.T) *specServer {
	t.Helper()
	v := api.NewValidator()
	doc := api.Spec()
	s := &specServer{}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		route, err := v.FindRoute(r)
		if err != nil {
			writeJSON(w, 404, map[string]any{"message": "no route", "success": false, "code": "not_found"})
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		invalid := v.ValidateRequest(r)
		s.mu.Lock()
		s.calls = append(s.calls, wireCall{route.OperationID, r.Method, r.URL.EscapedPath(), r.URL.Query(), r.Header.Clone(), body, invalid})
		s.mu.Unlock()
		mt := doc.Paths.Find(route.Path).GetOperation(r.Method).Responses.Status(200).Value.Content.Get("application/json")
		writeJSON(w, 200, mt.Example)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *specServer) last(t *testing.T) wireCall {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	require.NotEmpty(t, s.calls)
	return s.calls[len(s.calls)-1]
}

// multipartBody parses the multipart form of a recorded request.
func multipartBody(t *testing.T, w wireCall) *multipart.Form {
	t.Helper()
	_, params, err := mime.ParseMediaType(w.header.Get("Content-Type"))
	require.NoError(t, err)
	form, err := multipart.NewReader(bytes.NewReader(w.body), params["boundary"]).ReadForm(1 << 20)
	require.NoError(t, err)
	return form
}

func jsonBody(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m), "%s", b)
	return m
}

// TestEveryOperationOnTheWire calls each of the 25 operations through the
// wrapper and checks the request against the spec and the call's own
// expectations, and that the spec's example answer decodes.
func TestEveryOperationOnTheWire(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("store-9", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	start := Tokens{AccessToken: makeJWT(anonClaims("anon-1")), RefreshToken: makeJWT(claimsMap{"ulid": "anon-1"})}
	ch := OTPChallenge{Token: "otp-token-1", Action: OTPLogin}
	png := []byte("\x89PNG\r\n\x1a\n0000")

	cases := []struct {
		op    string
		call  func(sess *Session) (any, error)
		check func(t *testing.T, w wireCall, result any)
	}{
		{"get-anonymous-token", func(sess *Session) (any, error) { return sess.Auth.Anonymous(bg) },
			func(t *testing.T, w wireCall, r any) {
				assert.Equal(t, testAPIKey, w.header.Get("X-Api-Key"))
				assert.Equal(t, "Bearer "+start.AccessToken, w.header.Get("Authorization"), "the visitor's token keeps their identity")
				assert.Empty(t, w.body)
				assert.True(t, r.(*AuthResult).User.IsAnonymous)
			}},
		{"login-with-password", func(sess *Session) (any, error) {
			return sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Phone: "9876543210", CountryCode: "+91", Password: "pw"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"phone": "9876543210", "country_code": "+91", "password": "pw"}, jsonBody(t, w.body))
			assert.True(t, r.(*AuthResult).User.IsLoggedIn)
		}},
		{"register-with-phone", func(sess *Session) (any, error) {
			return sess.Auth.RegisterWithPhone(bg, RegisterWithPhoneParams{Phone: "9876543210", FirstName: "Asha", DebugMode: true})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"phone": "9876543210", "first_name": "Asha"}, jsonBody(t, w.body))
			assert.Equal(t, "true", w.header.Get("X-Debug-Mode"))
		}},
		{"login-with-phone", func(sess *Session) (any, error) {
			return sess.Auth.LoginWithPhone(bg, LoginWithPhoneParams{Phone: "9876543210", RegisterIfNotExists: true})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"phone": "9876543210", "register_if_not_exists": true}, jsonBody(t, w.body))
			assert.Empty(t, w.header.Get("X-Debug-Mode"), "debug mode only when asked")
			assert.Equal(t, OTPLogin, r.(*OTPChallenge).Action)
		}},
		{"login-with-whatsapp", func(sess *Session) (any, error) {
			return sess.Auth.LoginWithWhatsApp(bg, LoginWithPhoneParams{Phone: "9876543210", CountryCode: "+44"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"phone": "9876543210", "country_code": "+44"}, jsonBody(t, w.body))
		}},
		{"login-with-email", func(sess *Session) (any, error) {
			return sess.Auth.LoginWithEmail(bg, LoginWithEmailParams{Email: "asha@example.com", DebugMode: true})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"email": "asha@example.com"}, jsonBody(t, w.body))
			assert.Equal(t, "true", w.header.Get("X-Debug-Mode"))
		}},
		{"verify-otp", func(sess *Session) (any, error) { return sess.Auth.VerifyOTP(bg, ch, "123456") },
			func(t *testing.T, w wireCall, r any) {
				assert.Equal(t, map[string]any{"otp": "123456", "otp_token": "otp-token-1", "otp_action": "login"}, jsonBody(t, w.body))
			}},
		{"register-with-email", func(sess *Session) (any, error) {
			return sess.Auth.RegisterWithEmail(bg, RegisterWithEmailParams{Email: "asha@example.com", FirstName: "Asha", LastName: "Rao"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"email": "asha@example.com", "first_name": "Asha", "last_name": "Rao"}, jsonBody(t, w.body))
		}},
		{"register-with-whatsapp", func(sess *Session) (any, error) {
			return sess.Auth.RegisterWithWhatsApp(bg, RegisterWithWhatsAppParams{Phone: "9876543210", FirstName: "Asha"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"phone": "9876543210", "first_name": "Asha"}, jsonBody(t, w.body))
		}},
		{"register-with-password", func(sess *Session) (any, error) {
			return sess.Auth.RegisterWithPassword(bg, RegisterWithPasswordParams{Email: "asha@example.com", Phone: "9876543210", Password: "pw1", ConfirmPassword: "pw1"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"email": "asha@example.com", "phone": "9876543210", "password": "pw1", "confirm_password": "pw1"}, jsonBody(t, w.body))
		}},
		{"refresh-token", func(sess *Session) (any, error) { return sess.Auth.RefreshToken(bg) },
			func(t *testing.T, w wireCall, r any) {
				assert.Equal(t, map[string]any{"refresh_token": start.RefreshToken}, jsonBody(t, w.body))
				assert.Empty(t, w.header.Get("Authorization"))
				assert.Empty(t, w.header.Get("X-Api-Key"))
			}},
		{"logout", func(sess *Session) (any, error) { return sess.Auth.Logout(bg) },
			func(t *testing.T, w wireCall, r any) {
				assert.Empty(t, w.body)
				assert.False(t, r.(*AuthResult).User.IsLoggedIn)
			}},
		{"generate-otp", func(sess *Session) (any, error) {
			return sess.Auth.GenerateOTP(bg, GenerateOTPParams{Channel: ChannelEmail, Email: "asha@example.com", Action: OTPVerifyEmail})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"channel": "email", "email": "asha@example.com", "otp_action": "verify-email"}, jsonBody(t, w.body))
		}},
		{"forgot-password", func(sess *Session) (any, error) {
			return sess.Auth.ForgotPassword(bg, ForgotPasswordParams{Phone: "9876543210"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"phone": "9876543210"}, jsonBody(t, w.body))
		}},
		{"reset-password", func(sess *Session) (any, error) {
			return sess.Auth.ResetPassword(bg, ResetPasswordParams{Challenge: OTPChallenge{Token: "t-9", Action: OTPResetPassword}, OTP: "654321", NewPassword: "n", ConfirmPassword: "n"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"otp_token": "t-9", "otp": "654321", "new_password": "n", "confirm_password": "n"}, jsonBody(t, w.body))
		}},
		{"change-password", func(sess *Session) (any, error) {
			return sess.Auth.ChangePassword(bg, ChangePasswordParams{OldPassword: "o", NewPassword: "n", ConfirmPassword: "n"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"old_password": "o", "new_password": "n", "confirm_password": "n"}, jsonBody(t, w.body))
			assert.NotEmpty(t, r.(Tokens).AccessToken)
		}},
		{"check-verification-status", func(sess *Session) (any, error) {
			return sess.Auth.CheckVerificationStatus(bg, []string{"9876543210"}, nil)
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"phone": []any{"9876543210"}}, jsonBody(t, w.body))
			assert.NotEmpty(t, r.(*VerificationStatus).VerifiedPhones)
		}},
		{"get-user-detail", func(sess *Session) (any, error) { return sess.Auth.GetUser(bg, "u/1") },
			func(t *testing.T, w wireCall, r any) {
				assert.Equal(t, "/api/v1/store-9/storefront/auth/user/u%2F1", w.path, "the ID is escaped into one segment")
				u := r.(*User)
				assert.Equal(t, "Asha", *u.FirstName)
				assert.Equal(t, []UserLoginMethods{UserLoginMethodsPhone, UserLoginMethodsPassword}, u.LoginMethods)
				assert.True(t, u.NotificationPreferences.Transactional.SMS)
			}},
		{"update-user", func(sess *Session) (any, error) {
			return sess.Auth.UpdateUser(bg, "u-1", UpdateUserParams{LastName: new("Rao"), NotificationPreferences: &NotificationPreferences{Newsletter: NotificationChannelPreferences{Email: true}}})
		}, func(t *testing.T, w wireCall, r any) {
			b := jsonBody(t, w.body)
			assert.Equal(t, "Rao", b["last_name"])
			assert.NotContains(t, b, "first_name", "unset fields are left out")
			assert.Equal(t, map[string]any{"email": true, "sms": false, "whatsapp": false}, b["notification_preferences"].(map[string]any)["newsletter"])
		}},
		{"delete-user", func(sess *Session) (any, error) { return nil, sess.Auth.DeleteUser(bg, "u-1") }, nil},
		{"deactivate-user", func(sess *Session) (any, error) { return nil, sess.Auth.DeactivateUser(bg, "u-1") }, nil},
		{"get-profile-image", func(sess *Session) (any, error) { return sess.Auth.GetProfileImage(bg, "u-1") },
			func(t *testing.T, w wireCall, r any) { assert.True(t, strings.HasPrefix(r.(string), "https://")) }},
		{"add-profile-image", func(sess *Session) (any, error) {
			return sess.Auth.AddProfileImage(bg, "u-1", Image{Body: bytes.NewReader(png), Filename: "me.png"})
		}, func(t *testing.T, w wireCall, r any) { checkImageForm(t, w, png, "me.png", "image/png") }},
		{"update-profile-image", func(sess *Session) (any, error) {
			return sess.Auth.UpdateProfileImage(bg, "u-1", Image{Body: bytes.NewReader(png), ContentType: "image/webp"})
		}, func(t *testing.T, w wireCall, r any) { checkImageForm(t, w, png, "image", "image/webp") }},
		{"remove-profile-image", func(sess *Session) (any, error) { return nil, sess.Auth.RemoveProfileImage(bg, "u-1") }, nil},
		{"create-product-review", func(sess *Session) (any, error) {
			return nil, sess.Catalog.CreateProductReview(bg, "prod-1", Review{UserID: "u-1", OrderNumber: "ORD-1",
				Rating: decimal.MustParse("4.5"), Text: "Fits well", Images: []Upload{{Body: bytes.NewReader(png), Filename: "a.png"}}})
		}, func(t *testing.T, w wireCall, _ any) {
			assert.Equal(t, "/api/v1/store-9/storefront/catalog/products/prod-1/reviews", w.path)
			form := multipartBody(t, w)
			assert.Equal(t, []string{"u-1"}, form.Value["user_id"])
			assert.Equal(t, []string{"ORD-1"}, form.Value["order_number"])
			assert.Equal(t, []string{"4.5"}, form.Value["rating"])
			assert.Equal(t, []string{"Fits well"}, form.Value["review_text"])
			require.Len(t, form.File["images"], 1)
			assert.Equal(t, "a.png", form.File["images"][0].Filename)
			assert.Equal(t, "image/png", form.File["images"][0].Header.Get("Content-Type"), "sniffed")
		}},
		{"create-document", func(sess *Session) (any, error) {
			return sess.Customers.CreateDocument(bg, "cust-1", DocumentUpload{KycDocumentID: "kyc-pan", DocumentNumber: "ABCDE1234F",
				File: &Upload{Body: bytes.NewReader(png), Filename: "pan.png", ContentType: "image/png"}})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, "/api/v1/store-9/storefront/customers/cust-1/documents", w.path)
			form := multipartBody(t, w)
			assert.Equal(t, []string{"ABCDE1234F"}, form.Value["document_number"])
			assert.Equal(t, []string{"kyc-pan"}, form.Value["kyc_document_id"])
			assert.Empty(t, form.Value["modified_reason"])
			require.Len(t, form.File["file"], 1)
			assert.NotNil(t, r.(*CreateDocumentContent))
		}},
		{"update-document", func(sess *Session) (any, error) {
			return sess.Customers.UpdateDocument(bg, "cust-1", "doc-1", DocumentUpload{KycDocumentID: "kyc-pan", DocumentNumber: "ABCDE1234F", ModifiedReason: "renewed"})
		}, func(t *testing.T, w wireCall, _ any) {
			assert.Equal(t, http.MethodPut, w.method)
			assert.Equal(t, "/api/v1/store-9/storefront/customers/cust-1/documents/doc-1", w.path)
			form := multipartBody(t, w)
			assert.Equal(t, []string{"renewed"}, form.Value["modified_reason"])
			assert.Empty(t, form.File)
		}},
		{"upload-order-return-attachments", func(sess *Session) (any, error) {
			return nil, sess.Orders.UploadOrderReturnAttachments(bg, "ORD-1", "RET-1", ReturnAttachments{
				Images: []Upload{{Body: bytes.NewReader(png), Filename: "a.png"}, {Body: bytes.NewReader(png), Filename: "b.png"}}})
		}, func(t *testing.T, w wireCall, _ any) {
			assert.Equal(t, "/api/v1/store-9/storefront/orders/ORD-1/returns/RET-1/attachments", w.path)
			form := multipartBody(t, w)
			require.Len(t, form.File["images"], 2)
			assert.Equal(t, "b.png", form.File["images"][1].Filename)
		}},
		{"create-marketplace-product-review", func(sess *Session) (any, error) {
			return nil, sess.Catalog.CreateMarketplaceProductReview(bg, "prod-2", Review{UserID: "u-1", OrderNumber: "ORD-1", Rating: decimal.NewFromInt(5)})
		}, func(t *testing.T, w wireCall, _ any) {
			assert.Equal(t, "/api/v1/store-9/storefront/catalog/marketplace/products/prod-2/reviews", w.path)
			form := multipartBody(t, w)
			assert.Equal(t, []string{"5"}, form.Value["rating"])
			assert.Empty(t, form.File)
		}},
	}

	var covered []string
	for _, tc := range cases {
		t.Run(tc.op, func(t *testing.T) {
			sess := c.NewManualSession(start)
			res, err := tc.call(sess)
			require.NoError(t, err)
			w := s.last(t)
			require.Equal(t, tc.op, w.op)
			assert.NoError(t, w.invalid, "the request violates the spec")
			if tc.op != "get-anonymous-token" && tc.op != "refresh-token" {
				assert.Equal(t, "Bearer "+start.AccessToken, w.header.Get("Authorization"))
				assert.Empty(t, w.header.Get("X-Api-Key"))
			}
			if tc.check != nil {
				tc.check(t, w, res)
			}
			covered = append(covered, tc.op)
		})
	}
	// The point of sale's sign-in, on a POSSession.
	staff := Tokens{AccessToken: makeJWT(claimsMap{"ulid": "staff-1", "location_id": "loc-1", "exp": float64(time.Now().Add(time.Hour).Unix())}),
		RefreshToken: makeJWT(claimsMap{"ulid": "staff-1"})}
	posCases := []struct {
		op    string
		call  func(p *POSSession) (any, error)
		check func(t *testing.T, w wireCall, result any)
	}{
		{"pair-pos-device", func(p *POSSession) (any, error) { return p.Auth.PairDevice(bg, "PAIR-1234") },
			func(t *testing.T, w wireCall, r any) {
				assert.Equal(t, testAPIKey, w.header.Get("X-Api-Key"))
				assert.Empty(t, w.header.Get("Authorization"))
				assert.Equal(t, map[string]any{"pairing_code": "PAIR-1234"}, jsonBody(t, w.body))
				assert.NotEmpty(t, r.(*PosDevice).ID)
			}},
		{"login-pos-device-with-phone", func(p *POSSession) (any, error) {
			return p.Auth.LoginWithPhone(bg, POSPhoneLogin{LocationID: "loc-1", Phone: "9000000101", DebugMode: true})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, testAPIKey, w.header.Get("X-Api-Key"))
			assert.Equal(t, "true", w.header.Get("X-Debug-Mode"))
			assert.Equal(t, map[string]any{"location_id": "loc-1", "phone": "9000000101"}, jsonBody(t, w.body))
			assert.NotEmpty(t, r.(*OTPChallenge).Token)
		}},
		{"login-pos-device-with-whatsapp", func(p *POSSession) (any, error) {
			return p.Auth.LoginWithWhatsApp(bg, POSPhoneLogin{LocationID: "loc-1", Phone: "9000000101", CountryCode: "+91"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"location_id": "loc-1", "phone": "9000000101", "country_code": "+91"}, jsonBody(t, w.body))
		}},
		{"login-pos-device-with-email", func(p *POSSession) (any, error) {
			return p.Auth.LoginWithEmail(bg, POSEmailLogin{LocationID: "loc-1", Email: "meera@example.com"})
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, map[string]any{"location_id": "loc-1", "email": "meera@example.com"}, jsonBody(t, w.body))
		}},
		{"verify-pos-login-otp", func(p *POSSession) (any, error) {
			return p.Auth.VerifyOTP(bg, OTPChallenge{Token: "otp-token-1", Action: OTPLogin}, "123456")
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, testAPIKey, w.header.Get("X-Api-Key"))
			assert.Equal(t, map[string]any{"otp": "123456", "otp_token": "otp-token-1", "otp_action": "login"}, jsonBody(t, w.body))
			assert.NotEmpty(t, r.(*POSAuthResult).User.ID)
		}},
		{"refresh-pos-access-token", func(p *POSSession) (any, error) { return p.Auth.RefreshToken(bg) },
			func(t *testing.T, w wireCall, r any) {
				assert.Empty(t, w.header.Get("X-Api-Key"), "the body is the credential")
				assert.Empty(t, w.header.Get("Authorization"), "the body is the credential")
				assert.Equal(t, map[string]any{"refresh_token": staff.RefreshToken}, jsonBody(t, w.body))
			}},
		{"logout-from-pos-device", func(p *POSSession) (any, error) {
			err := p.Auth.Logout(bg)
			if err != nil {
				return nil, err
			}
			t, err := p.Tokens(bg)
			return t, err
		}, func(t *testing.T, w wireCall, r any) {
			assert.Equal(t, "Bearer "+staff.AccessToken, w.header.Get("Authorization"))
			assert.True(t, r.(Tokens).IsZero(), "logout clears the terminal's tokens")
		}},
	}
	for _, tc := range posCases {
		t.Run(tc.op, func(t *testing.T) {
			p := c.NewPOSSession(nil)
			require.NoError(t, p.SetTokens(bg, staff))
			res, err := tc.call(p)
			require.NoError(t, err)
			w := s.last(t)
			require.Equal(t, tc.op, w.op)
			assert.NoError(t, w.invalid, "the request violates the spec")
			tc.check(t, w, res)
			covered = append(covered, tc.op)
		})
	}

	generated := map[string]bool{}
	for _, op := range operations {
		generated[op.id] = op.goMethod != ""
	}
	for _, o := range api.Operations() {
		if generated[o.ID] {
			continue // TestGeneratedOperationsOnTheWire
		}
		assert.True(t, slices.Contains(covered, o.ID), "operation %s has no wire test", o.ID)
	}
}

func checkImageForm(t *testing.T, w wireCall, data []byte, filename, ctype string) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(w.header.Get("Content-Type"))
	require.NoError(t, err)
	require.Equal(t, "multipart/form-data", mt)
	form, err := multipart.NewReader(bytes.NewReader(w.body), params["boundary"]).ReadForm(1 << 20)
	require.NoError(t, err)
	files := form.File["image"]
	require.Len(t, files, 1)
	assert.Equal(t, filename, files[0].Filename)
	assert.Equal(t, ctype, files[0].Header.Get("Content-Type"))
	f, err := files[0].Open()
	require.NoError(t, err)
	got, _ := io.ReadAll(f)
	assert.Equal(t, data, got)
}

// Arguments are checked before any request is sent.
func TestInvalidArgumentsSendNothing(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("s", WithAPIKey(testAPIKey), WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	sess := c.NewManualSession(Tokens{AccessToken: makeJWT(anonClaims("a")), RefreshToken: "r"})
	a := sess.Auth
	cases := map[string]func() error{
		"login both": func() error {
			_, e := a.LoginWithPassword(bg, LoginWithPasswordParams{Phone: "9876543210", Email: "a@b.co", Password: "p"})
			return e
		},
		"login neither":     func() error { _, e := a.LoginWithPassword(bg, LoginWithPasswordParams{Password: "p"}); return e },
		"login no password": func() error { _, e := a.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co"}); return e },
		"login email+cc": func() error {
			_, e := a.LoginWithPassword(bg, LoginWithPasswordParams{Email: "a@b.co", CountryCode: "+91", Password: "p"})
			return e
		},
		"bad phone": func() error { _, e := a.LoginWithPhone(bg, LoginWithPhoneParams{Phone: "98765-43210"}); return e },
		"bad country code": func() error {
			_, e := a.LoginWithPhone(bg, LoginWithPhoneParams{Phone: "9876543210", CountryCode: "91"})
			return e
		},
		"bad email":        func() error { _, e := a.LoginWithEmail(bg, LoginWithEmailParams{Email: "asha"}); return e },
		"register no name": func() error { _, e := a.RegisterWithPhone(bg, RegisterWithPhoneParams{Phone: "9876543210"}); return e },
		"confirm mismatch": func() error {
			_, e := a.RegisterWithPassword(bg, RegisterWithPasswordParams{Email: "a@b.co", Password: "x", ConfirmPassword: "y"})
			return e
		},
		"register no id": func() error {
			_, e := a.RegisterWithPassword(bg, RegisterWithPasswordParams{Password: "x", ConfirmPassword: "x"})
			return e
		},
		"otp wrong channel": func() error {
			_, e := a.GenerateOTP(bg, GenerateOTPParams{Channel: ChannelSMS, Phone: "9876543210", Action: OTPVerifyEmail})
			return e
		},
		"otp email by phone": func() error {
			_, e := a.GenerateOTP(bg, GenerateOTPParams{Channel: ChannelEmail, Phone: "9876543210", Action: OTPVerifyEmail})
			return e
		},
		"otp unknown channel": func() error { _, e := a.GenerateOTP(bg, GenerateOTPParams{Channel: "fax", Action: OTPLogin}); return e },
		"forgot both": func() error {
			_, e := a.ForgotPassword(bg, ForgotPasswordParams{Email: "a@b.co", Phone: "9876543210"})
			return e
		},
		"verify no code":      func() error { _, e := a.VerifyOTP(bg, OTPChallenge{Token: "t", Action: OTPLogin}, ""); return e },
		"verify no challenge": func() error { _, e := a.VerifyOTP(bg, OTPChallenge{}, "1"); return e },
		"reset mismatch": func() error {
			_, e := a.ResetPassword(bg, ResetPasswordParams{Challenge: OTPChallenge{Token: "t"}, OTP: "1", NewPassword: "a", ConfirmPassword: "b"})
			return e
		},
		"change missing old": func() error {
			_, e := a.ChangePassword(bg, ChangePasswordParams{NewPassword: "a", ConfirmPassword: "a"})
			return e
		},
		"verification nothing": func() error { _, e := a.CheckVerificationStatus(bg, nil, nil); return e },
		"get no id":            func() error { _, e := a.GetUser(bg, " "); return e },
		"update nothing":       func() error { _, e := a.UpdateUser(bg, "u", UpdateUserParams{}); return e },
		"update bad email":     func() error { _, e := a.UpdateUser(bg, "u", UpdateUserParams{Email: new("x")}); return e },
		"image nil":            func() error { _, e := a.AddProfileImage(bg, "u", Image{}); return e },
		"image empty":          func() error { _, e := a.AddProfileImage(bg, "u", Image{Body: strings.NewReader("")}); return e },
		"image too big": func() error {
			_, e := a.UpdateProfileImage(bg, "u", Image{Body: io.LimitReader(zeros{}, MaxImageBytes+1)})
			return e
		},
	}
	for name, call := range cases {
		err := call()
		assert.ErrorIs(t, err, ErrInvalidParam, name)
	}
	assert.Empty(t, s.calls, "no request was sent")

	// The messages name fields, never values.
	_, err = a.LoginWithPassword(bg, LoginWithPasswordParams{Phone: "not-a-phone-SECRET", Password: "pw-SECRET"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "SECRET")
	assert.Contains(t, err.Error(), "Phone")
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestAnonymousNeedsAPIKey(t *testing.T) {
	t.Parallel()
	s := newSpecServer(t)
	c, err := New("s", WithBaseURL(s.srv.URL))
	require.NoError(t, err)
	_, err = c.Auth.Anonymous(bg)
	require.ErrorIs(t, err, ErrNoAPIKey)
	_, err = c.Auth.GetUser(bg, "u-1")
	require.ErrorIs(t, err, ErrNoAPIKey, "bootstrapping needs the key too")
	assert.Empty(t, s.calls)
}
