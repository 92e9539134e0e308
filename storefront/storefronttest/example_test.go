package storefronttest_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/commercengine-go/sdk/gen"
	genclient "github.com/commercengine-go/sdk/gen/client"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func Example() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	user, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse"})
	if err != nil {
		panic(err)
	}

	// The code under test talks to srv.BaseURL() with srv.APIKey().
	ctx := context.Background()
	client, _ := storefront.New(srv.StoreID(), storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	res, err := client.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
	if err != nil {
		panic(err)
	}

	fmt.Println(res.User.ID == user.ID)
	fmt.Println(srv.Calls(storefronttest.OpGetAnonymousToken), srv.Calls(storefronttest.OpLoginWithPassword))
	// Output:
	// true
	// 1 1
}

func ExampleServer_LastOTP() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	_, _ = srv.CreateUser(storefronttest.UserParams{Phone: "9876543210"})

	ctx := context.Background()
	client, _ := genclient.NewClientWithResponses(srv.BaseURL())
	anon, _ := client.GetAnonymousTokenWithResponse(ctx, header("X-Api-Key", srv.APIKey()))
	access := anon.JSON200.Content.AccessToken
	sent, _ := client.LoginWithPhoneWithResponse(ctx, nil, gen.PhoneOTPLogin{Phone: "9876543210"}, header("Authorization", "Bearer "+access))
	code, _ := srv.LastOTP("9876543210") // what the user reads on their phone
	verified, _ := client.VerifyOTPWithResponse(ctx, gen.VerifyOTPJSONRequestBody{
		OTP: code, OTPToken: sent.JSON200.Content.OTPToken, OTPAction: sent.JSON200.Content.OTPAction,
	}, header("Authorization", "Bearer "+access))
	fmt.Println(verified.StatusCode(), verified.JSON200.Content.User.IsPhoneVerified)
	// Output: 200 true
}

func ExampleServer_InjectFault() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{
		Status: http.StatusServiceUnavailable,
		Header: http.Header{"Retry-After": {"1"}},
		Times:  1,
	})

	client, _ := genclient.NewClientWithResponses(srv.BaseURL())
	for range 2 {
		resp, _ := client.GetAnonymousTokenWithResponse(context.Background(), header("X-Api-Key", srv.APIKey()))
		fmt.Println(resp.StatusCode(), resp.HTTPResponse.Header.Get("Retry-After"))
	}
	// Output:
	// 503 1
	// 200
}

func ExampleServer_Advance() {
	srv := storefronttest.NewServer(storefronttest.WithFrozenClock())
	defer srv.Close()
	info, _ := srv.CreateUser(storefronttest.UserParams{Email: "asha@example.com"})
	access, _, _ := srv.IssueTokens(info.ID)

	client, _ := genclient.NewClientWithResponses(srv.BaseURL())
	srv.Advance(storefronttest.DefaultAccessTTL + time.Second) // the access token expires
	resp, _ := client.GetUserDetailWithResponse(context.Background(), info.ID, header("Authorization", "Bearer "+access))
	fmt.Println(resp.StatusCode(), resp.JSON401.Message)
	// Output: 401 the access token has expired
}

func header(name, value string) genclient.RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		req.Header.Set(name, value)
		return nil
	}
}
