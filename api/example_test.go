package api_test

import (
	"context"
	"fmt"
	"log"
	"net/http"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Validate everything a client sends and receives against openapi.yaml, in
// a test or a CI job: wrap the client's transport. In Record mode calls go
// through and violations are collected; in Strict mode a violation fails
// the call.
func ExampleNewTransport() {
	srv := storefronttest.NewServer() // or the live API: WithEnvironment(storefront.Staging)
	defer srv.Close()

	vt := api.NewTransport(http.DefaultTransport, api.Record)
	client, err := storefront.New(srv.StoreID(),
		storefront.WithAPIKey(srv.APIKey()),
		storefront.WithBaseURL(srv.BaseURL()),
		storefront.WithHTTPClient(&http.Client{Transport: vt}))
	if err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	res, err := client.Auth.Anonymous(ctx)
	if err != nil {
		log.Fatal(err)
	}
	_, _ = client.Auth.GetUser(ctx, res.User.ID)

	// A deliberately broken answer: the user's ID goes missing.
	srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{
		Status: 200, ContentType: "application/json",
		Body: []byte(`{"message":"ok","success":true,"content":{"user":{}}}`)})
	_, _ = client.Auth.GetUser(ctx, res.User.ID)

	for _, v := range vt.Violations() {
		if v.Field == "content.user.id" {
			fmt.Println(v.OperationID, v.In, v.Status, v.Location, v.Field+":", v.Message)
		}
	}
	// Output:
	// get-user-detail response 200 body content.user.id: property "id" is missing
}
