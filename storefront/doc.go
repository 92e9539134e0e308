// Package storefront is a Go client for the Commerce Engine Storefront API:
// every operation but point of sale's — anonymous sessions and logins
// (Auth), the catalog, the store's configuration, countries, analytics,
// newsletters, serviceability, carts, payments, wishlists, orders, the
// customer's account and subscriptions. OPERATIONS.md lists each operation
// with the method that calls it.
//
// # Services
//
// Each group of the API is a service, on a [Session] (sess.Auth,
// sess.Catalog, sess.Cart, sess.Orders, sess.Customers …) and on the
// [Client]'s default session. The methods are generated from openapi.yaml,
// so a method's path, parameters and body cannot drift from the spec: path
// parameters are arguments, the query and header parameters a Params
// struct (nil for none), the body gen's type under the spec's name
// (CreateCartBody), and the answer's content gen's type, all re-exported
// here by alias (storefront.Product is gen.Product), each with a doc
// comment that lists its fields. Optional fields are pointers, so that
// absent and null stay apart; the models an answer holds have nil-safe Get
// methods that read them as zero when absent:
// placed.Order.GetOrderNumber(), shipments.GetShipments()[0].GetStatus().
// Every JSON number is a [decimal.Decimal]: money is exact. Paginated lists
// have an iterator beside the one-page method (ListProductsAll), fetching
// page by page as the loop asks. [SortOrder] builds a list's sort_by;
// [WithCustomerGroup] sends a customer group's prices with every operation
// that takes it. Operations the API also serves without a session — the
// catalog's reads, the store's configuration, countries — are on
// [Client.Public], sent with the API key alone.
//
// On a Session, the shopper's own IDs may be left empty, as go-github does
// for the authenticated user: an operation whose path names the user
// (user_id, /auth/user/{id}) or the customer (customer_id, /customers/{id}),
// and list-orders' user_id, acts for the session's own shopper when given
// "" — sess.Cart.GetUserCart(ctx, ""), sess.Customers.ListAddresses(ctx,
// "", nil). The IDs come from the access token (an anonymous session is
// started first when there is none); an anonymous visitor has no customer
// ID ([ErrNoCustomerID]). Pass an ID to act on someone else's records.
//
// Every method takes call options after its other arguments: [WithHeader]
// sends a header with that call, [WithResponseInfo] captures the answer's
// status, headers and request ID (also when the call fails), and
// [WithMaxAttempts] overrides the retry policy for it.
//
// Files — review photos, KYC documents, return attachments — are
// [Upload]s, streamed from their readers and bounded by MaxUploadBytes.
//
// # Clients and sessions
//
// A [Client] talks to one store. Build one per program and share it; it is
// safe for concurrent use and holds no shopper's identity:
//
//	client, err := storefront.New(storeID,
//		storefront.WithAPIKey(apiKey),
//		storefront.WithEnvironment(storefront.Production), // Staging is the default
//		storefront.WithLogger(slog.Default()))
//
// Each shopper gets a [Session] over a [TokenStore] that keeps their token
// pair — a [MemoryStore], a [FileStore], or the caller's own (a cookie,
// Redis, a database row):
//
//	sess := client.NewSession(storefront.NewMemoryStore())
//	_, err := sess.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{
//		Email: "asha@example.com", Password: pw})
//	user, err := sess.Auth.GetUser(ctx, "") // "": the session's own user
//
// Client.Auth is the same service on the client's default session (a
// MemoryStore unless [WithTokenStore] says otherwise), for command-line
// programs and scripts that act for one shopper.
//
// A managed session obtains and renews tokens by itself: the first call
// that needs a token creates an anonymous session; an access token about to
// expire ([WithRefreshMargin], 30 s by default) is refreshed before use;
// concurrent callers share one bootstrap and one refresh; without a usable
// refresh token a new anonymous session keeps the visitor's ID; after a 401
// the session refreshes and resends the call once, except calls that submit
// credentials; and every answer carrying a token pair is saved to the store.
//
// The API accepts each refresh token once. Sessions of one Client that
// hold the same pair (a back end building a Session per request) share
// one refresh, and its outcome stays available for a grace window
// ([WithRenewalGrace]) to a request that arrives later with the replaced
// pair. A store shared by several processes coordinates their renewals
// when it implements [RenewalCoordinator], as [FileStore] does with OS
// file locks and package storefront/redisstore with Redis. Only the API
// ends a session: the store is cleared only when the API's own error
// envelope refuses the refresh and the store still holds that pair. If
// the store fails, the session keeps a new pair and saves it on its next
// call ([ErrNotSaved], [Session.Flush]). Package storefront/web runs all
// of this behind a net/http middleware.
// [OnTokensChanged] and [OnTokensCleared] tell the caller when the pair
// changes. A manual session ([Client.NewManualSession]) only uses the tokens
// it is given.
//
// [Session.Peek] reads the user ID, customer, logged-in state and expiry from
// the stored access token without a network call; [Session.EnsureClaims]
// and [Session.AccessToken] renew first when needed.
//
// # Token stores
//
// A TokenStore saves the pair as a whole. [FileStore] writes with mode 0600
// through a temporary file and an atomic rename, so a crash leaves the old
// pair or the new one, never a torn file. Implement TokenStore to keep
// tokens elsewhere; Load returns the zero [Tokens] when nothing is stored.
// Every type that holds or reaches a secret — [Client], [Session], the
// services, [MemoryStore], [Tokens], [AuthResult], [OTPChallenge] and the
// parameters that carry a password, a one-time password or a document
// number — prints it as <redacted> (or not at all) through fmt, whatever
// the verb, and through log/slog, also inside the exported fields, slices
// and maps of the caller's own values. So do the models that hold a
// property openapi.yaml marks x-sensitive (bank account, card and document
// numbers, UPI addresses, tokens), however deep it sits. An error never
// quotes a value the request sent in such a property or query parameter,
// however short (a 3-digit CVV).
//
// # Errors
//
// Every non-2xx answer is an [*APIError] carrying the status, the API's
// code and message, per-field detail of a 400, the request ID, Retry-After,
// and a short redacted sample of a body that was not the API's envelope (an
// HTML page from a proxy). Branch with errors.Is on [ErrUnauthorized],
// [ErrNotFound], [ErrRateLimited], [ErrBadRequest], [ErrServer]. An answer
// that is not the API's JSON envelope matches [ErrMalformed]: a 2xx body
// that is empty, truncated or not JSON is a [*MalformedResponseError], an
// error status with such a body an [*APIError] with its Body sample.
// Arguments are checked before any request
// ([ErrInvalidParam]). A refresh the API itself refuses clears the store
// (if it still holds the refused pair) and fails with [ErrSessionExpired];
// asking for an anonymous session while logged in fails with [ErrLoggedIn]. Context cancellation and deadlines come back as
// themselves: errors.Is(err, context.DeadlineExceeded).
//
// # Retries
//
// Requests are retried by a [RetryPolicy] (3 attempts by default, jittered
// exponential backoff, Retry-After honoured up to a cap, waits cut short by
// the context) only when sending again cannot do something twice: 429 and
// connections that never opened for any operation; 502, 503, 504, timeouts
// and broken connections only for the operations the spec marks safe to
// resend — GET, PUT and DELETE, and the POSTs its x-idempotent extension
// names, such as update-cart, which sets a quantity. A login, an order, a
// payment or any other call the server may have carried out is never sent
// again; each method's doc comment says which it is.
//
// # Credentials and logging
//
// The API key goes only with get-anonymous-token, the Bearer token only with
// the operations that take it, and both only to the API's own scheme and
// host: redirects elsewhere are refused. With [WithLogger], requests,
// retries, refreshes and new anonymous sessions are logged at debug level
// with method, path, status and duration; tokens, the API key, passwords,
// OTP codes and personal data (account, card and document numbers) never
// appear in logs or error strings, not even when the server echoes them
// back, and gen's models that hold them print without them.
//
// # Testing
//
// Package storefronttest is an in-memory Storefront API to run this client
// against offline; package api validates every exchange against the API's
// OpenAPI description when its Transport wraps the client's:
//
//	vt := api.NewTransport(nil, api.Strict)
//	client, _ := storefront.New(srv.StoreID(), storefront.WithBaseURL(srv.BaseURL()),
//		storefront.WithAPIKey(srv.APIKey()), storefront.WithHTTPClient(&http.Client{Transport: vt}))
package storefront
