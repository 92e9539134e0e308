package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"

	"github.com/commercengine-go/sdk/storefront"
)

// SessionStore keeps shoppers' token pairs between requests:
// *CookieSessions or *ServerSessions.
type SessionStore interface {
	// open returns the tokens of r's shopper for one request.
	open(r *http.Request, logger *slog.Logger) (requestTokens, error)
}

// requestTokens is one request's view of its shopper's pair.
type requestTokens interface {
	// sessionStore is the TokenStore the request's Session uses.
	sessionStore() storefront.TokenStore
	// writeCookie runs once, when the response starts (or, with a header
	// that goes nowhere, when the session is opened after that): it adds
	// the request's Set-Cookie to h, if it has one, and reports whether it
	// did. Saves after it cannot change the cookie.
	writeCookie(h http.Header) bool
	// finish runs once the handler has returned and the session flushed.
	finish(ctx context.Context)
}

// Middleware gives each request its shopper's *storefront.Session (see
// Session). It is safe for concurrent use.
type Middleware struct {
	client   *storefront.Client
	sessions SessionStore
	logger   *slog.Logger
	sessOpts []storefront.SessionOption
}

// Option configures a Middleware.
type Option func(*Middleware)

// WithLogger sets where the middleware reports what it cannot do silently
// (a pair saved after the response started, a cookie it could not write, a
// handler's Cache-Control it made private). The default logs nothing. No
// token or session ID is ever logged.
func WithLogger(l *slog.Logger) Option { return func(m *Middleware) { m.logger = l } }

// WithSessionOptions passes options (OnTokensChanged …) to every request's
// Session.
func WithSessionOptions(opts ...storefront.SessionOption) Option {
	return func(m *Middleware) { m.sessOpts = append(m.sessOpts, opts...) }
}

// NewMiddleware returns the middleware of client's sessions, kept in
// sessions.
func NewMiddleware(client *storefront.Client, sessions SessionStore, opts ...Option) *Middleware {
	m := &Middleware{client: client, sessions: sessions, logger: slog.New(slog.DiscardHandler)}
	for _, o := range opts {
		if o != nil {
			o(m)
		}
	}
	return m
}

type requestKey struct{}

// Handler wraps next: its requests carry their shopper's Session, built on
// first use (requests that never ask for one cost nothing and set no
// cookie).
func (m *Middleware) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rs := &requestState{m: m}
		rw := &responseWriter{ResponseWriter: w, before: rs.beforeResponse}
		rs.r = r.WithContext(context.WithValue(r.Context(), requestKey{}, rs))
		next.ServeHTTP(rw, rs.r)
		rs.finish(rw)
	})
}

// Session returns the shopper's Session of the request whose context ctx
// is, building it on first use; nil outside Middleware.Handler. Call it
// before writing the response, so that a new shopper's cookie can go with
// it.
func Session(ctx context.Context) *storefront.Session {
	rs, _ := ctx.Value(requestKey{}).(*requestState)
	if rs == nil {
		return nil
	}
	return rs.session()
}

// requestState is one request's session and cookie.
type requestState struct {
	m *Middleware
	r *http.Request

	once   sync.Once
	sess   *storefront.Session
	tokens requestTokens // nil when the session could not be opened

	mu      sync.Mutex
	opened  bool // the session is in use: the response varies on Cookie
	started bool // the response header has gone
}

func (rs *requestState) session() *storefront.Session {
	rs.once.Do(func() {
		tokens, err := rs.m.sessions.open(rs.r, rs.m.logger)
		var store storefront.TokenStore
		if err != nil {
			rs.m.logger.LogAttrs(rs.r.Context(), slog.LevelWarn, "storefront/web: the shopper's session could not be opened; starting a new one", slog.String("error", err.Error()))
			store, tokens = storefront.NewMemoryStore(), nil
		} else {
			store = tokens.sessionStore()
		}
		rs.mu.Lock()
		rs.tokens, rs.opened = tokens, true
		if rs.started && tokens != nil {
			// Too late for a cookie: this tells the tokens so (a new
			// shopper's first pair then stays in memory, an identity
			// change fails with ErrResponseStarted).
			tokens.writeCookie(http.Header{})
		}
		rs.mu.Unlock()
		rs.sess = rs.m.client.NewSession(store, rs.m.sessOpts...)
	})
	return rs.sess
}

// beforeResponse runs once, right before the response header is written:
// it adds the session's cookie, and keeps shared caches from storing a
// response that sets it.
func (rs *requestState) beforeResponse(h http.Header) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.started = true
	if !rs.opened {
		return
	}
	varyOnCookie(h)
	if rs.tokens != nil && rs.tokens.writeCookie(h) {
		if was, changed := keepFromSharedCaches(h); changed {
			rs.m.logger.LogAttrs(rs.r.Context(), slog.LevelWarn, "storefront/web: the response sets the session cookie, so shared caches must not store it; made it private",
				slog.String("handler_cache_control", was))
		}
	}
}

// finish ends the request: it saves a pair the store failed to save
// earlier, then, if the handler wrote nothing, adds the cookie to the
// header net/http is about to send.
func (rs *requestState) finish(rw *responseWriter) {
	rs.mu.Lock()
	sess, tokens := rs.sess, rs.tokens
	rs.mu.Unlock()
	if sess != nil {
		if err := sess.Flush(rs.r.Context()); err != nil && !errors.Is(err, ErrResponseStarted) {
			rs.m.logger.LogAttrs(rs.r.Context(), slog.LevelWarn, "storefront/web: the shopper's new token pair could not be saved", slog.String("error", err.Error()))
		}
	}
	rw.start()
	if tokens != nil {
		tokens.finish(rs.r.Context())
	}
}

// responseWriter calls before once, when the response header is about to
// be written: on WriteHeader (a final status), the first Write, or Flush.
type responseWriter struct {
	http.ResponseWriter
	before  func(http.Header)
	started bool
}

func (w *responseWriter) start() {
	if !w.started {
		w.started = true
		w.before(w.ResponseWriter.Header())
	}
}

func (w *responseWriter) WriteHeader(code int) {
	if code >= 200 || code == http.StatusSwitchingProtocols {
		w.start()
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *responseWriter) Write(b []byte) (int, error) {
	w.start()
	return w.ResponseWriter.Write(b)
}

// Flush implements http.Flusher.
func (w *responseWriter) Flush() {
	w.start()
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
