package storefront

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"
)

// Version is the SDK's version; it is part of the User-Agent.
const Version = "0.1.0"

// Client talks to one store's Storefront API. One Client serves a whole
// program and is safe for concurrent use. It holds no shopper's identity:
// each shopper gets a Session (NewSession) over their own TokenStore.
// The services of Client (Client.Auth, Client.Catalog …) are those of the
// client's default session, for command-line programs and scripts that act
// for a single shopper; Client.Public calls what needs no session with the
// API key alone.
type Client struct {
	storeID   string
	base      string // base URL without a trailing slash; operation paths follow it
	host      string // the API's host[:port]: credentials go nowhere else
	scheme    string // and by no other scheme
	apiKey    string
	http      *http.Client
	userAgent string
	logger    *slog.Logger
	retry     RetryPolicy
	margin    time.Duration
	maxBody   int64
	now       func() time.Time

	customerGroup string // x-customer-group-id of the operations that take it, unless a call names one

	defaultSession *Session
	renewals       *renewals // shared by the client's sessions: one refresh per pair, the API's clock

	// Services are the API's groups on the client's default session:
	// client.Auth, client.Catalog ….
	Services

	// Public holds the operations a back end may call with the API key
	// alone, without a shopper's session: client.Public.Catalog ….
	Public Public
}

// New returns a client for the store storeID. Without options it talks to
// the Staging environment, has no API key (so it cannot create anonymous
// sessions), retries by DefaultRetryPolicy, and logs nothing.
func New(storeID string, opts ...Option) (*Client, error) {
	if strings.TrimSpace(storeID) == "" {
		return nil, fmt.Errorf("%w: store ID must not be empty", ErrInvalidParam)
	}
	if strings.ContainsAny(storeID, "/?#% \t\r\n") {
		return nil, fmt.Errorf("%w: store ID %q must be a single path segment", ErrInvalidParam, storeID)
	}
	cfg := config{
		env:           Staging,
		retry:         DefaultRetryPolicy,
		refreshMargin: DefaultRefreshMargin,
		maxBodyBytes:  DefaultMaxBodyBytes,
		now:           time.Now,
	}
	for _, o := range opts {
		if o.apply == nil {
			continue // the zero Option
		}
		if err := o.apply(&cfg); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrInvalidParam, err)
		}
	}

	base := "https://" + cfg.env.host() + "/api/v1/{store_id}/storefront"
	if cfg.baseURL != "" {
		base = cfg.baseURL
		if u, _ := url.Parse(base); strings.Trim(u.Path, "/") == "" {
			base = strings.TrimRight(base, "/") + "/api/v1/{store_id}/storefront"
		}
	}
	base = strings.ReplaceAll(base, "{store_id}", url.PathEscape(storeID))
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("%w: base URL: %w", ErrInvalidParam, err)
	}

	c := &Client{
		storeID: storeID,
		base:    strings.TrimRight(u.String(), "/"),
		host:    u.Host,
		scheme:  u.Scheme,
		apiKey:  cfg.apiKey,
		retry:   cfg.retry,
		margin:  cfg.refreshMargin,
		maxBody: cfg.maxBodyBytes,
		now:     cfg.now,
		logger:  cfg.logger,

		customerGroup: cfg.customerGroup,
		renewals:      newRenewals(cfg.renewalGrace),
	}
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	c.userAgent = fmt.Sprintf("commercengine-storefront-go/%s (%s; %s/%s)", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if cfg.userAgent != "" {
		c.userAgent = cfg.userAgent + " " + c.userAgent
	}
	c.http = c.httpClient(cfg)

	store := cfg.store
	if store == nil {
		store = NewMemoryStore()
	}
	c.defaultSession = c.NewSession(store)
	c.Services = c.defaultSession.Services
	c.Public = newPublic(c)
	return c, nil
}

// StoreID returns the store the client talks to.
func (c *Client) StoreID() string { return c.storeID }

// BaseURL returns the base URL of every operation, e.g.
// https://staging.api.commercengine.io/api/v1/STORE/storefront.
func (c *Client) BaseURL() string { return c.base }

// Session returns the client's default session, the one behind Client.Auth.
func (c *Client) Session() *Session { return c.defaultSession }

// httpClient copies the caller's *http.Client (or builds one) and makes it
// refuse redirects to another host: headers such as X-Api-Key would follow
// them, and a 307 would resend a password.
func (c *Client) httpClient(cfg config) *http.Client {
	var hc http.Client
	if cfg.httpClient != nil {
		hc = *cfg.httpClient
	} else {
		hc.Transport = defaultTransport()
	}
	if cfg.timeout > 0 {
		hc.Timeout = cfg.timeout
	} else if hc.Timeout == 0 {
		hc.Timeout = DefaultTimeout
	}
	next := hc.CheckRedirect
	hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if req.URL.Host != c.host || req.URL.Scheme != c.scheme {
			return fmt.Errorf("%w: from %s://%s to %s://%s", errRedirectRefused, c.scheme, c.host, req.URL.Scheme, req.URL.Host)
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 5 {
			return fmt.Errorf("%w: more than 5 redirects", errRedirectRefused)
		}
		return nil
	}
	return &hc
}

var errRedirectRefused = errors.New("storefront: redirect refused")

// defaultTransport is http.DefaultTransport with room for the idle
// connections of a busy back end: the default keeps 2 per host, so 64
// concurrent callers would open and close connections all the time.
func defaultTransport() http.RoundTripper {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return http.DefaultTransport
	}
	t = t.Clone()
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 128
	return t
}

// CloseIdleConnections closes the idle connections of the client's transport.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// exchange is one answered request: the final attempt's status, header and
// body (read in full, bounded by the client's limit).
type exchange struct {
	status int
	header http.Header
	body   []byte
}

// send sends the request of op, with retries by the client's policy.
// bearer, when not empty, is sent as the Authorization; the API key goes
// only with operations that take it, and with requests sent in key-only
// mode (Client.Public). Credentials are set on requests to the API's host
// only.
func (c *Client) send(ctx context.Context, op *operation, r *request, bearer string) (*exchange, error) {
	sendKey := op.auth == authAPIKey || r.keyOnly
	if sendKey && c.apiKey == "" {
		return nil, ErrNoAPIKey
	}
	maxAttempts := r.attempts(c.retry)
	for attempt := 1; ; attempt++ {
		req, err := c.build(ctx, r)
		if err != nil {
			return nil, errorf("%s: build request: %w", op.id, err)
		}
		if req.URL.Host == c.host && req.URL.Scheme == c.scheme {
			if sendKey {
				req.Header.Set("X-Api-Key", c.apiKey)
			}
			if bearer != "" && op.auth != authNone {
				req.Header.Set("Authorization", "Bearer "+bearer)
			}
		}

		start := time.Now()
		ex, err := c.roundTrip(req)
		elapsed := time.Since(start)
		r.observe(ex)
		if err != nil {
			// An attempt that ran out of the client's own per-attempt time
			// is a transport failure like a broken connection, as long as
			// the caller's context is still alive.
			attemptTimedOut := ctx.Err() == nil && isTimeout(err)
			if r.form != nil {
				if ferr := r.form.failure(); ferr != nil {
					return nil, errorf("%s: %w", op.id, ferr) // a file too large or unreadable: not the network's fault
				}
			}
			err = c.transportError(ctx, op, req, err)
			c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront request failed",
				slog.String("op", op.id), slog.String("method", req.Method), slog.String("path", req.URL.Path),
				slog.Duration("duration", elapsed), slog.Int("attempt", attempt), slog.String("error", err.Error()))
			retry := (retryableError(err, op.idempotent) || (attemptTimedOut && op.idempotent)) && r.canResend()
			if attempt >= maxAttempts || !retry || errors.Is(err, ErrTooLarge) {
				return nil, err
			}
			if werr := c.wait(ctx, op, req, attempt, c.retry.backoff(attempt), "transport error"); werr != nil {
				return nil, errorf("storefront: %s: %w (while waiting to retry after: %v)", op.id, werr, err)
			}
			continue
		}
		c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront request",
			slog.String("op", op.id), slog.String("method", req.Method), slog.String("path", req.URL.Path),
			slog.Int("status", ex.status), slog.Duration("duration", elapsed), slog.Int("attempt", attempt))

		if attempt >= maxAttempts || !retryableStatus(ex.status, op.idempotent) || !r.canResend() {
			return ex, nil
		}
		d, hasRetryAfter := parseRetryAfter(ex.header.Get("Retry-After"), time.Now())
		if hasRetryAfter && d > c.retry.MaxRetryAfter {
			return ex, nil // longer than we may wait: let the caller decide
		}
		if !hasRetryAfter || d == 0 {
			d = c.retry.backoff(attempt)
		}
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < d {
			return ex, nil // the answer now beats a context error later
		}
		if err := c.wait(ctx, op, req, attempt, d, http.StatusText(ex.status)); err != nil {
			return nil, errorf("%s: %w", op.id, err)
		}
	}
}

// roundTrip sends req and reads the whole answer, bounded by maxBody.
func (c *Client) roundTrip(req *http.Request) (*exchange, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := readBody(resp.Body, resp.ContentLength, c.maxBody)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
		return nil, fmt.Errorf("reading the answer of status %d: %w", resp.StatusCode, err)
	}
	return &exchange{status: resp.StatusCode, header: resp.Header, body: body}, nil
}

// readBody reads r in full, failing with ErrTooLarge past limit bytes.
func readBody(r io.Reader, contentLength, limit int64) ([]byte, error) {
	if contentLength > limit {
		return nil, fmt.Errorf("%w: %d bytes announced, the limit is %d", ErrTooLarge, contentLength, limit)
	}
	var buf bytes.Buffer
	if contentLength > 0 {
		buf.Grow(int(contentLength) + bytes.MinRead) // ReadFrom wants MinRead spare bytes
	}
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// transportError makes a transport failure say what happened without
// leaking anything: the context's own error when it is done, otherwise the
// error with the URL reduced to its path.
func (c *Client) transportError(ctx context.Context, op *operation, req *http.Request, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil && (errors.Is(err, ctxErr) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return errorf("%s: %w", op.id, ctxErr)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // url.Error repeats the URL; the path is enough
	}
	if isTimeout(err) {
		return errorf("storefront: %s %s: timed out: %w", req.Method, req.URL.Path, err)
	}
	return errorf("storefront: %s %s: %w", req.Method, req.URL.Path, err)
}

// isTimeout reports whether a transport error is a timeout (the client's
// per-attempt timeout included).
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// wait sleeps d before the next attempt, or until ctx is done.
func (c *Client) wait(ctx context.Context, op *operation, req *http.Request, attempt int, d time.Duration, reason string) error {
	c.logger.LogAttrs(ctx, slog.LevelDebug, "storefront retry",
		slog.String("op", op.id), slog.String("method", req.Method), slog.String("path", req.URL.Path),
		slog.Int("attempt", attempt+1), slog.Duration("after", d), slog.String("reason", reason))
	return sleep(ctx, d)
}

// successEnvelope is the body of every 2xx answer; Content points at the
// operation's content type so the body is parsed once.
type successEnvelope struct {
	Message string `json:"message"`
	Success *bool  `json:"success"`
	Code    string `json:"code"`
	Content any    `json:"content"`
}

// kept names what must be kept out of the errors of a request's answers:
// its own secrets, the Bearer tokens sent with it and the API key. It is
// turned into a redactor only when an answer is an error, so a call that
// succeeds never looks for the personal values of its body.
type kept struct {
	c      *Client
	r      *request
	tokens [2]string // the Bearer token of each attempt ("" when none)
}

// keep returns what r's answers must not show; bearer is the token sent.
func (c *Client) keep(r *request, bearer string) kept {
	return kept{c: c, r: r, tokens: [2]string{bearer}}
}

// decode turns an exchange into the operation's content (out may be nil
// for operations without content) or an error without what k keeps.
func (c *Client) decode(op *operation, ex *exchange, out any, k kept) error {
	if ex.status < 200 || ex.status > 299 {
		return newAPIError(op.id, ex.status, ex.header, ex.body, k.redactor())
	}
	malformed := func(reason string) error {
		return &MalformedResponseError{
			Operation: op.id, StatusCode: ex.status, ContentType: ex.header.Get("Content-Type"),
			Reason: reason, Body: sample(ex.body, k.redactor()), RequestID: requestID(ex.header),
		}
	}
	if len(ex.body) == 0 {
		return malformed("empty body")
	}
	if !isJSON(ex.header.Get("Content-Type")) {
		return malformed("not JSON")
	}
	env := successEnvelope{Content: out}
	if err := json.Unmarshal(ex.body, &env); err != nil {
		return malformed(describeJSONError(err))
	}
	if env.Success != nil && !*env.Success {
		rd := k.redactor()
		return &APIError{Operation: op.id, StatusCode: ex.status, Code: rd.clean(env.Code), Message: rd.clean(env.Message), RequestID: requestID(ex.header)}
	}
	if v, ok := out.(interface{ validate() string }); ok {
		if reason := v.validate(); reason != "" {
			return malformed(reason)
		}
	}
	return nil
}

// isJSON reports whether a Content-Type is application/json or a +json
// type, parameters aside. It does not allocate: it runs on every answer.
func isJSON(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.TrimSpace(mt)
	if len(mt) < len("application/") || !strings.EqualFold(mt[:len("application/")], "application/") {
		return false
	}
	sub := mt[len("application/"):]
	return strings.EqualFold(sub, "json") || (len(sub) > len("+json") && strings.EqualFold(sub[len(sub)-len("+json"):], "+json"))
}

// describeJSONError names a JSON problem without quoting the input.
func describeJSONError(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end of JSON input"):
		return "truncated JSON"
	case errors.As(err, &syn):
		return fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("field %q is a JSON %s, not a %s", typ.Field, typ.Value, typ.Type)
	}
	return "invalid JSON"
}
