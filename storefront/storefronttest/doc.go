// Package storefronttest is an in-memory, stateful fake of the Commerce
// Engine Storefront API's Auth group, for testing code that calls the API
// without a network, in the spirit of net/http/httptest.
//
//	srv := storefronttest.NewServer()
//	defer srv.Close()
//	// Point the client under test at srv.BaseURL() with srv.APIKey().
//
// The fake implements every operation of openapi.yaml's Auth group with the
// generated strict server (gen.StrictServerInterface) behind the api
// package's validating middleware, so every request it accepts conforms to
// the spec and every answer is one the spec declares. Error answers are the
// API's envelope {"message", "success": false, "code", "errors"?}; the codes
// are the Code… constants.
//
// # Behaviour
//
//   - Tokens are compact HS256 JWTs with the live API's claim names (see
//     Claims) plus token_type, jti, sid and rot. Access tokens are checked on
//     every Bearer operation: signature, type, store, expiry, session and
//     user. A token only works under the store_id it was issued for; users
//     are shared by every store_id.
//   - POST /auth/anonymous needs the server's API key. A previous access
//     token sent as Bearer, even expired, keeps the visitor's id if this
//     server signed it; any other Bearer token is ignored.
//   - A visitor who registers keeps their id: the anonymous id becomes the
//     user's id (unless it is a user's id already, as after a logout). The
//     anonymous_id claim always carries the visitor's id.
//   - Refresh tokens rotate: each one works once. Logout and change-password
//     end the session, refusing its access and refresh tokens.
//   - One-time passwords are six digits, returned in the answer only with
//     x-debug-mode: true; otherwise read them with LastOTP or OTP, as a user
//     reads their messages.
//   - Clock, call counts and fault injection let tests reach the paths that
//     are hard to reach against a real server: Advance, Calls, InjectFault.
//
// Each operation's handler documents its decisions where the API's
// documentation is silent.
//
// # Memory
//
// Anonymous visitors are not stored: their identity lives in their tokens.
// A session gets a small record only once it is refreshed or ended, and the
// record is dropped once every token of the session would have expired; OTPs
// are dropped when used or some time after they expire. Both sweeps are lazy
// and follow the server's clock. Stats reports the counts.
package storefronttest
