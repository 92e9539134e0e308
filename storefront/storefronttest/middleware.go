package storefronttest

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// serve is the server's handler. In order, it
//
//   - recovers from any panic with the 500 envelope (a panic with
//     http.ErrAbortHandler, which a dropped connection uses, goes on);
//   - answers a path that is not in canonical form with the 404 envelope;
//   - counts the request for its operation and lets an injected fault
//     answer it;
//   - validates it against the spec (api.Validator.Middleware: 400, 401,
//     404 or 405 envelopes), checks its credentials (authenticate), and
//     routes it to the operation's handler.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rw := &responseWriter{ResponseWriter: w}
	start := time.Now()
	op := ""
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("storefronttest: recovered from a panic", "operation", op, "panic", fmt.Sprint(v))
			if !rw.wroteHeader {
				writeError(rw, &apiError{status: http.StatusInternalServerError, code: CodeInternal, message: "internal error"})
			}
		}
		if s.cfg.logger != nil {
			s.log.Info("storefronttest: request", "method", r.Method, "path", r.URL.Path, "operation", op,
				"status", rw.status, "duration", time.Since(start))
		}
	}()

	if p := r.URL.Path; p == "" || path.Clean(p) != p {
		writeError(rw, notFound("no such endpoint"))
		return
	}
	if route, err := s.validator.FindRoute(r); err == nil {
		op = route.OperationID
		s.calls.add(op)
		if f, ok := s.faults.take(op); ok {
			s.serveFault(rw, r, f, s.guarded)
			return
		}
	}
	s.guarded.ServeHTTP(rw, r)
}

// routes dispatches each request, already routed by the validator's
// router (api.RouteFromContext), to gen's decoding of its operation and so
// to its strict handler, with every error those can answer themselves
// turned into the API's envelope.
func (s *Server) routes() http.Handler {
	strict := genserver.NewStrictHandlerWithOptions(&handlers{s: s}, nil, genserver.StrictHTTPServerOptions{
		RequestErrorHandlerFunc: func(w http.ResponseWriter, _ *http.Request, _ error) {
			writeError(w, badRequest(CodeBadRequest, "the request body cannot be decoded"))
		},
		ResponseErrorHandlerFunc: func(w http.ResponseWriter, _ *http.Request, err error) {
			s.log.Error("storefronttest: handler failed", "error", err)
			writeError(w, &apiError{status: http.StatusInternalServerError, code: CodeInternal, message: "internal error"})
		},
	})
	wrapper := &genserver.ServerInterfaceWrapper{
		Handler: strict,
		ErrorHandlerFunc: func(w http.ResponseWriter, _ *http.Request, _ error) {
			writeError(w, badRequest(CodeBadRequest, "a parameter is invalid"))
		},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, ok := api.RouteFromContext(r.Context())
		handle := operationHandlers[route.OperationID]
		if !ok || handle == nil {
			writeError(w, notFound("no such endpoint"))
			return
		}
		for name, value := range route.Params {
			r.SetPathValue(name, value)
		}
		handle(wrapper, w, r)
	})
}

// requestContext is what the handlers learn from the request beyond the
// generated request objects.
type requestContext struct {
	storeID string
	caller  *TokenClaims // the verified access token, on operations that take one
	prior   *TokenClaims // get-anonymous-token: the visitor's previous access token, when this server signed it
}

type requestContextKey struct{}

func requestFrom(ctx context.Context) *requestContext {
	rc, _ := ctx.Value(requestContextKey{}).(*requestContext)
	if rc == nil {
		return &requestContext{}
	}
	return rc
}

// authenticate checks the credentials of a request the validator let
// through, which only ensured they are present and well formed:
//
//   - get-anonymous-token: the X-Api-Key must be the server's. A Bearer
//     token this server signed for this store (expired or not) names the
//     visitor to keep; any other Bearer token is ignored.
//   - refresh-token: nothing; the refresh token in the body is checked by
//     the operation.
//   - the operations the spec lets a caller send with the X-Api-Key alone
//     (publicOperations: the catalog's reads, the store's check and
//     configuration, countries): a Bearer token, when there is one, must be
//     a valid access token, and an X-Api-Key, when there is one, must be
//     the server's; one of them is required.
//   - every other operation: the Bearer access token (verifyAccess).
//
// Failures are answered 401 with code "unauthorized".
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, ok := api.RouteFromContext(r.Context())
		if !ok {
			writeError(w, notFound("no such endpoint"))
			return
		}
		rc := &requestContext{storeID: route.Params["store_id"]}
		switch route.OperationID {
		case OpGetAnonymousToken:
			if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Api-Key")), []byte(s.cfg.apiKey)) != 1 {
				writeError(w, unauthorized(CodeUnauthorized, "the API key is invalid"))
				return
			}
			if token, ok := bearerToken(r.Header); ok {
				if c, err := s.signer.parse(token); err == nil && c.TokenType == TokenTypeAccess && c.StoreID == rc.storeID {
					rc.prior = c
				}
			}
		case OpRefreshToken:
		default:
			if publicOperations()[route.OperationID] {
				if e := s.checkKeyOrToken(r.Header, rc); e != nil {
					writeError(w, e)
					return
				}
				break
			}
			token, ok := bearerToken(r.Header)
			if !ok {
				writeError(w, errNoCaller)
				return
			}
			c, e := s.verifyAccess(token, rc.storeID)
			if e != nil {
				writeError(w, e)
				return
			}
			rc.caller = c
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestContextKey{}, rc)))
	})
}

// checkKeyOrToken checks the credentials of a public operation.
func (s *Server) checkKeyOrToken(h http.Header, rc *requestContext) *apiError {
	key := h.Get("X-Api-Key")
	if key != "" && subtle.ConstantTimeCompare([]byte(key), []byte(s.cfg.apiKey)) != 1 {
		return unauthorized(CodeUnauthorized, "the API key is invalid")
	}
	if token, ok := bearerToken(h); ok {
		c, e := s.verifyAccess(token, rc.storeID)
		if e != nil {
			return e
		}
		rc.caller = c
		return nil
	}
	if key == "" {
		return unauthorized(CodeUnauthorized, "an access token or the API key is required")
	}
	return nil
}

// publicOperations are the operations whose security, in the spec, lists
// the X-Api-Key alone as one of its alternatives.
var publicOperations = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	doc := api.Spec()
	for _, o := range api.Operations() {
		op := doc.Paths.Find(o.Path).GetOperation(o.Method)
		if op == nil || op.Security == nil || o.ID == OpGetAnonymousToken {
			continue
		}
		for _, req := range *op.Security {
			if _, ok := req["X-Api-Key"]; ok && len(req) == 1 {
				out[o.ID] = true
			}
		}
	}
	return out
})

// bearerToken returns the token of an "Authorization: Bearer <token>" header.
func bearerToken(h http.Header) (string, bool) {
	const prefix = "bearer "
	auth := h.Get("Authorization")
	if len(auth) <= len(prefix) || !strings.EqualFold(auth[:len(prefix)], prefix) {
		return "", false
	}
	token := strings.TrimSpace(auth[len(prefix):])
	return token, token != ""
}

// responseWriter remembers the status written, for the log and for the
// panic handler (which must not write a second status).
type responseWriter struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

func (w *responseWriter) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	w.status, w.wroteHeader = code, true
	w.ResponseWriter.WriteHeader(code)
}

func (w *responseWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (Drop faults).
func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
