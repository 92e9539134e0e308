// Package redisstore keeps shoppers' token pairs in Redis, for back ends
// that run on several machines.
//
// A [Backend] wraps a go-redis client and is shared by the whole program.
// [Backend.Store] returns the [storefront.TokenStore] of one server-side
// session, keyed by an opaque session ID that the shopper's cookie carries
// instead of any token (package storefront/web sets that cookie). Stores
// save with an atomic compare-and-swap (a Lua script), and coordinate
// renewals between replicas: a storefront.Session over a Store takes a
// Redis lock on the pair it renews (SET NX with an expiry, extended while
// the holder lives, released only by its owner), re-reads the session,
// refreshes only if the session still holds the stale pair, and records
// the new pair under a hash of the spent refresh token for a grace window,
// so that a replica whose request arrives a moment late adopts it instead
// of spending the used refresh token.
//
// Redis failing does not log a shopper out:
//
//   - Fencing: a holder that cannot prove it still holds the lock sends no
//     refresh. Its function's context ends when an extension finds the lock
//     gone or none has worked for LockTTL, and just before the refresh the
//     session checks the lock atomically in Redis (HoldRenewalLock), which
//     also makes it last until the refresh's answer is saved.
//   - A new pair that cannot reach Redis (an outage during the refresh) is
//     kept by the session and saved again, with growing waits, while the
//     lock stays held: other replicas wait for it instead of spending the
//     used refresh token, for as long as the client's grace window.
//   - Every call returns by the end of its context, even when Redis does
//     not answer (go-redis alone waits for its read timeout); a lock's
//     release that cannot be done in time goes on in the background.
//
// Keys, under the Backend's prefix (default "storefront:"):
//
//	session:<id>               the session's pair (JSON), expiring SessionTTL after its last save
//	renew-lock:<renewal key>   the renewal lock of a pair: a random owner token, expiring LockTTL
//	renewed:<renewal key>      the successor of a pair (JSON), for the client's grace window
//
// where <renewal key> is storefront.RenewalKey of the pair's refresh token:
// no token appears in a key.
package redisstore
