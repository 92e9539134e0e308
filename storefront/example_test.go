package storefront_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// A shopper's whole session: an anonymous visitor registers, logs in with
// a password, has their token refreshed and logs out. The fake server
// stands in for the API; against a real store, use WithEnvironment instead
// of WithBaseURL.
func Example() {
	srv := storefronttest.NewServer()
	defer srv.Close()

	ctx := context.Background()
	client, err := storefront.New(srv.StoreID(),
		storefront.WithAPIKey(srv.APIKey()),
		storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	sess := client.NewSession(storefront.NewMemoryStore())

	visitor, err := sess.Auth.Anonymous(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("anonymous:", visitor.User.IsAnonymous)

	// Registering by phone logs the visitor in; they keep their ID.
	reg, err := sess.Auth.RegisterWithPhone(ctx, storefront.RegisterWithPhoneParams{
		Phone: "9876543210", FirstName: "Asha"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("registered:", reg.User.IsLoggedIn, reg.User.ID == visitor.User.ID)

	// Set a password through forgot/reset (the code comes back in debug mode).
	ch, err := sess.Auth.ForgotPassword(ctx, storefront.ForgotPasswordParams{Phone: "9876543210", DebugMode: true})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := sess.Auth.ResetPassword(ctx, storefront.ResetPasswordParams{
		Challenge: *ch, OTP: ch.OTP, NewPassword: "correct-horse", ConfirmPassword: "correct-horse"}); err != nil {
		log.Fatal(err)
	}
	if _, err := sess.Auth.Logout(ctx); err != nil {
		log.Fatal(err)
	}

	login, err := sess.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{
		Phone: "9876543210", Password: "correct-horse"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("logged in:", login.User.IsLoggedIn)

	// Managed sessions refresh by themselves; a refresh can also be asked for.
	if _, err := sess.Auth.RefreshToken(ctx); err != nil {
		log.Fatal(err)
	}
	claims, _ := sess.Peek(ctx) // read from the token, no request
	fmt.Println("same user after refresh:", claims.UserID == login.User.ID)

	out, err := sess.Auth.Logout(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("logged out:", !out.User.IsLoggedIn)
	// Output:
	// anonymous: true
	// registered: true true
	// logged in: true
	// same user after refresh: true
	// logged out: true
}

// A back end serving many shoppers: one Client for the program, and a
// Session per request over the shopper's own token store — here a cookie.
func ExampleClient_NewSession() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	client, err := storefront.New(srv.StoreID(),
		storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}

	// GET /whoami answers with the shopper's user ID; the first visit
	// creates an anonymous session, which the cookie keeps.
	whoami := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		store := newCookieStore(r)
		sess := client.NewSession(store)
		claims, err := sess.EnsureClaims(r.Context())
		store.writeCookie(w) // what the calls saved, before the body
		if err != nil {
			http.Error(w, "session unavailable", http.StatusBadGateway)
			return
		}
		fmt.Fprint(w, claims.UserID)
	})

	visit := func(cookies []*http.Cookie) (string, []*http.Cookie) {
		req := httptest.NewRequest("GET", "/whoami", nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		whoami.ServeHTTP(rec, req)
		if got := rec.Result().Cookies(); len(got) > 0 {
			cookies = got
		}
		return rec.Body.String(), cookies
	}
	asha1, ashaCookies := visit(nil)
	ravi, _ := visit(nil)
	asha2, _ := visit(ashaCookies)
	fmt.Println("a shopper keeps their identity:", asha1 == asha2)
	fmt.Println("shoppers are kept apart:", asha1 != ravi)
	fmt.Println("anonymous sessions created:", srv.Calls(storefronttest.OpGetAnonymousToken))
	// Output:
	// a shopper keeps their identity: true
	// shoppers are kept apart: true
	// anonymous sessions created: 2
}

// cookieStore is a TokenStore in an HTTP-only cookie: the tokens travel
// with the shopper's browser, and a Session is built for each request. It
// holds the pair in memory while the handler runs; writeCookie sends what
// the session saved. A save that comes after (a shared refresh finishing
// once its caller gave up) is dropped: the response has gone.
type cookieStore struct {
	mu      sync.Mutex
	t       storefront.Tokens
	changed bool
	sent    bool
}

const cookieName = "ce_session"

func newCookieStore(r *http.Request) *cookieStore {
	s := &cookieStore{}
	if c, err := r.Cookie(cookieName); err == nil {
		if b, err := base64.RawURLEncoding.DecodeString(c.Value); err == nil {
			_ = json.Unmarshal(b, &s.t) // a garbled cookie is a new visitor
		}
	}
	return s
}

func (s *cookieStore) Load(context.Context) (storefront.Tokens, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.t, nil
}

func (s *cookieStore) Save(_ context.Context, t storefront.Tokens) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.sent {
		s.t, s.changed = t, true
	}
	return nil
}

func (s *cookieStore) Clear(ctx context.Context) error {
	return s.Save(ctx, storefront.Tokens{})
}

// writeCookie sets the cookie when the session changed the pair.
func (s *cookieStore) writeCookie(w http.ResponseWriter) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = true
	if !s.changed {
		return
	}
	c := &http.Cookie{Name: cookieName, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode, MaxAge: -1}
	if !s.t.IsZero() {
		b, _ := json.Marshal(s.t)
		c.Value, c.MaxAge = base64.RawURLEncoding.EncodeToString(b), 30*24*3600
	}
	http.SetCookie(w, c)
}

// Errors carry the API's status, code and message; branch on them with
// errors.Is and read them with errors.As.
func ExampleAPIError() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	_, _ = srv.CreateUser(storefronttest.UserParams{Email: "asha@example.com", Password: "correct-horse"})
	client, _ := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	ctx := context.Background()

	_, err := client.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{
		Email: "asha@example.com", Password: "wrong"})
	var apiErr *storefront.APIError
	switch {
	case errors.Is(err, storefront.ErrUnauthorized) && errors.As(err, &apiErr):
		fmt.Println("wrong password:", apiErr.StatusCode, apiErr.Code)
	case err != nil:
		fmt.Println("other failure:", err)
	}

	_, err = client.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{
		Email: "nobody@example.com", Password: "x"})
	fmt.Println("unknown user:", errors.Is(err, storefront.ErrNotFound))

	_, err = client.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{
		Email: "asha@example.com", Phone: "9876543210", Password: "x"})
	fmt.Println("refused before sending:", errors.Is(err, storefront.ErrInvalidParam))
	// Output:
	// wrong password: 401 invalid_credentials
	// unknown user: true
	// refused before sending: true
}

// Retries, timeouts and logging are options of the client.
func ExampleWithRetryPolicy() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	// The API is busy for the next two calls.
	srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Status: http.StatusTooManyRequests,
		Header: http.Header{"Retry-After": {"0"}}, Times: 2})

	logger := slog.Default() // the SDK logs at debug level; set the handler's level to see it
	client, err := storefront.New(srv.StoreID(),
		storefront.WithAPIKey(srv.APIKey()),
		storefront.WithBaseURL(srv.BaseURL()),
		storefront.WithTimeout(10*time.Second),
		storefront.WithLogger(logger), // requests, retries, refreshes; never a secret
		storefront.WithRetryPolicy(storefront.RetryPolicy{
			MaxAttempts:   4,
			MinBackoff:    100 * time.Millisecond,
			MaxBackoff:    2 * time.Second,
			MaxRetryAfter: 30 * time.Second,
		}))
	if err != nil {
		log.Fatal(err)
	}
	res, err := client.Auth.Anonymous(context.Background())
	fmt.Println(err == nil && res.User.IsAnonymous, srv.Calls(storefronttest.OpGetAnonymousToken))
	// Output: true 3
}
