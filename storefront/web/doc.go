// Package web is the net/http kit for back ends that serve shoppers with
// the storefront SDK: a middleware that gives each request its shopper's
// *storefront.Session, and two places to keep the shopper's token pair
// between requests.
//
//   - CookieSessions keeps the pair in the browser, in a cookie encrypted
//     and authenticated with AES-GCM (key rotation: the first key
//     encrypts, every key decrypts). Nothing is stored on the server.
//   - ServerSessions keeps only an opaque random ID in the cookie, and the
//     pair in a TokenStore per ID: storefront/redisstore for several
//     replicas, or MemoryTokens for one process.
//
// Either way the cookie is HttpOnly, Secure and SameSite=Lax by default,
// and it is written before the handler's first byte: the middleware wraps
// the ResponseWriter and adds the Set-Cookie when the response starts.
// Sessions are built per request, and the storefront.Client they share
// refreshes a shopper's pair once for all their concurrent requests (see
// storefront.Session). A refresh never makes the middleware send a
// deleting cookie: only a session the API itself ended (or Session.Clear)
// empties the cookie, in cookie mode.
//
// # Identity changes
//
// A login, a registration and a logout change who the pair speaks for
// (its user ID, or whether they are logged in; a renewal does not). With
// ServerSessions such a change moves the session to a new ID: the old
// record is deleted and the new ID's cookie goes out with that response,
// and an ID the server did not issue (one without a record) is never
// adopted, so that an ID planted in a shopper's browser never reaches
// their login (see ServerSessions). With CookieSessions the change is
// recorded for a couple of minutes, so that a slower request of the same
// browser that started with the replaced pair (a renewal, say) sends no
// cookie instead of its older pair, whichever response arrives last; with
// several replicas, CookieConfig.Renewals shares that record. A response
// still on its way when the change is recorded (its header sent before
// the login's answer came back) can overtake it; that window is the
// network's, not the handler's.
//
// # Caching
//
// A response that sets the session cookie carries the shopper's session,
// so the middleware keeps shared caches (CDNs, proxies) from storing it,
// whatever the handler asked for: its Cache-Control loses "public" and
// "s-maxage" and gains "private" ("private, no-cache" when the handler
// set none; "no-store" stays as it is), CDN-Cache-Control and
// Surrogate-Control go, and a warning is logged when the handler had
// allowed shared caches. Every response of a request that used its
// session varies on Cookie.
//
// # Cookie size
//
// Browsers keep MaxCookieBytes (4,096) of a cookie, name and attributes
// included, and drop a longer one without a word. CookieSessions stores
// the pair compactly (the tokens' JWT parts decoded from base64 and
// compressed: about a third of their JSON), which leaves room for
// shoppers with long names; a pair that still does not fit fails the save
// that produced it (the login, say) with an error matching
// ErrCookieTooLarge and naming the limit, and the browser keeps its
// previous cookie. ServerSessions has no such limit.
//
// # Saves after the response started
//
// A pair saved after the response started (a renewal that finished after
// its request gave up, a login made after writing the body) is never lost
// silently: with ServerSessions a renewal is saved to the server-side
// store anyway (an identity change, which needs a new session ID and so a
// new cookie, fails with ErrResponseStarted; see ServerSessions); with
// CookieSessions the save fails with ErrResponseStarted and a
// warning is logged, the session keeps the pair for the rest of the
// request, and a renewal stays available to the shopper's next request
// through the client's grace window (and the replicas' shared journal,
// with CookieConfig.Renewals).
package web
