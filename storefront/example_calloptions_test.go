package storefront_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Per-call options: a header of the caller's, and what the answer said
// beside its content — status, headers, the request ID to quote to
// support — also when the call fails. Here a new visitor asks for their
// own cart ("" is the session's own user) and has none yet.
func ExampleWithResponseInfo() {
	fake := storefronttest.New()
	defer fake.Close()
	// The fake answers without a request ID; a gateway in front of it
	// adds one, as the API's does.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-"+r.Header.Get("X-Trace-Id"))
		fake.Handler().ServeHTTP(w, r)
	}))
	defer srv.Close()
	client, err := storefront.New(fake.StoreID(), storefront.WithAPIKey(fake.APIKey()), storefront.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	sess := client.NewSession(nil)
	ctx := context.Background()

	var info storefront.ResponseInfo
	_, err = sess.Cart.GetUserCart(ctx, "", storefront.WithHeader("X-Trace-Id", "checkout-42"), storefront.WithResponseInfo(&info))
	if errors.Is(err, storefront.ErrNotFound) {
		fmt.Println("no cart yet:", info.StatusCode, "request", info.RequestID)
	}
	_, err = sess.Cart.GetUserCart(ctx, "", storefront.WithHeader("Authorization", "Bearer mine"))
	fmt.Println(errors.Is(err, storefront.ErrInvalidParam))
	// Output:
	// no cart yet: 404 request req-checkout-42
	// true
}
