package storefront_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
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
// Session per request over the shopper's own store. Requests of one
// shopper that arrive together right after their token expired share one
// refresh: the API accepts a refresh token once. (Package storefront/web
// does this for net/http, with the pair in an encrypted cookie or behind a
// session ID.)
func ExampleClient_NewSession() {
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	defer srv.Close()
	user, _ := srv.CreateUser(storefronttest.UserParams{Email: "asha@example.com", Password: "correct-horse"})
	access, refresh, _ := srv.IssueTokens(user.ID)
	client, err := storefront.New(srv.StoreID(),
		storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()),
		storefront.WithClock(srv.Now)) // the fake API's clock, which the example moves
	if err != nil {
		log.Fatal(err)
	}
	srv.Advance(time.Hour) // the access token has expired

	// Four requests carry the same expired pair, each in its own store
	// (its cookie, say), and each builds its own Session.
	stores := make([]*storefront.MemoryStore, 4)
	var wg sync.WaitGroup
	for i := range stores {
		stores[i] = storefront.NewMemoryStore()
		_ = stores[i].Save(context.Background(), storefront.Tokens{AccessToken: access, RefreshToken: refresh})
		wg.Go(func() {
			if _, err := client.NewSession(stores[i]).Auth.GetUser(context.Background(), user.ID); err != nil {
				log.Fatal(err)
			}
		})
	}
	wg.Wait()
	a, _ := stores[0].Load(context.Background())
	b, _ := stores[3].Load(context.Background())
	fmt.Println("refreshes:", srv.Calls(storefronttest.OpRefreshToken))
	fmt.Println("every store holds the new pair:", a == b && a.RefreshToken != refresh)
	// Output:
	// refreshes: 1
	// every store holds the new pair: true
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
