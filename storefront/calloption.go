package storefront

import (
	"net/http"
	"strings"
)

// CallOption adjusts one call. Every method of the services (all but
// Auth.RefreshToken, whose refresh the session's callers share) takes any
// number of them after its other arguments:
//
//	var info storefront.ResponseInfo
//	cart, err := sess.Cart.GetCart(ctx, id, storefront.WithResponseInfo(&info))
//	log.Printf("get-cart: %d, request %s", info.StatusCode, info.RequestID)
//
// An option that cannot apply (a credential header, a nil ResponseInfo)
// fails the call with an error matching ErrInvalidParam before anything
// is sent. The zero CallOption does nothing.
type CallOption struct {
	apply func(*request) error
}

// WithHeader sends the header name: value with the call, replacing a
// header of that name the SDK would send (User-Agent, or
// x-customer-group-id over WithCustomerGroup). The credentials are the
// session's business: Authorization and X-Api-Key are refused, as are
// Content-Type, Content-Length, Content-Encoding, Transfer-Encoding and
// Host, which describe the body the SDK builds, Accept-Encoding, which
// net/http sets to decompress answers transparently, and names or values a
// header cannot carry.
func WithHeader(name, value string) CallOption {
	return CallOption{apply: func(r *request) error {
		if !validHeaderName(name) {
			return invalid("WithHeader: %q is not a header name", name)
		}
		switch http.CanonicalHeaderKey(name) {
		case "Authorization", "X-Api-Key":
			return invalid("WithHeader: %s is a credential header, which the session sets; it cannot be set per call", http.CanonicalHeaderKey(name))
		case "Content-Type", "Content-Length", "Host", "Content-Encoding", "Transfer-Encoding":
			return invalid("WithHeader: %s describes the request the SDK builds; it cannot be set per call", http.CanonicalHeaderKey(name))
		case "Accept-Encoding":
			// net/http asks for gzip and decompresses by itself only when
			// the caller has not set it: set here, answers would arrive
			// compressed where the SDK reads JSON.
			return invalid("WithHeader: Accept-Encoding is net/http's (it compresses answers transparently); it cannot be set per call")
		}
		if strings.ContainsAny(value, "\r\n\x00") {
			return invalid("WithHeader: the value of %s must not contain line breaks or NUL", name)
		}
		r.extra = append(r.extra, headerField{name, value})
		return nil
	}}
}

// ResponseInfo is what the API's answer to a call said beside its content,
// for logs and support tickets. WithResponseInfo fills it in, also when
// the call fails with an *APIError.
type ResponseInfo struct {
	// StatusCode is the HTTP status of the call's last answer; 0 when no
	// answer came (a connection that failed, a context that ended first)
	// or the call was refused before sending.
	StatusCode int
	// Header holds the last answer's headers.
	Header http.Header
	// RequestID is the API's ID of the request (X-Request-Id, or
	// X-Correlation-Id, X-Amzn-Requestid or Cf-Ray from the proxies in
	// front of it), "" when the answer carried none. Quote it to support.
	RequestID string
	// Attempts counts the requests sent for the call: retries and the
	// resend after a token refresh included, the refresh itself not.
	Attempts int
}

// WithResponseInfo makes the call fill *info with its answer's status,
// headers and request ID. info is cleared when the call starts. An
// iterator (…All) fills it with each page's answer in turn. info must not
// be shared by calls that run at the same time.
func WithResponseInfo(info *ResponseInfo) CallOption {
	return CallOption{apply: func(r *request) error {
		if info == nil {
			return invalid("WithResponseInfo: info must not be nil")
		}
		*info = ResponseInfo{}
		r.info = info
		return nil
	}}
}

// WithMaxAttempts overrides the client's RetryPolicy.MaxAttempts for one
// call: 1 sends it once, more allow that many attempts in all (waits
// still follow the client's policy). It never makes a call resendable
// that is not safe to send twice (see RetryPolicy).
func WithMaxAttempts(n int) CallOption {
	return CallOption{apply: func(r *request) error {
		if n < 1 {
			return invalid("WithMaxAttempts: %d; a call takes at least 1 attempt", n)
		}
		r.maxAttempts = n
		return nil
	}}
}

// applyOptions applies a call's options to its request.
func (r *request) applyOptions(opts []CallOption) error {
	for _, o := range opts {
		if o.apply == nil {
			continue
		}
		if err := o.apply(r); err != nil {
			return err
		}
	}
	return nil
}

// observe records one attempt's answer (nil for none) for WithResponseInfo.
func (r *request) observe(ex *exchange) {
	if r.info == nil {
		return
	}
	r.info.Attempts++
	if ex == nil {
		r.info.StatusCode, r.info.Header, r.info.RequestID = 0, nil, ""
		return
	}
	r.info.StatusCode, r.info.Header, r.info.RequestID = ex.status, ex.header, requestID(ex.header)
}

// attempts is the number of attempts the request may take under policy.
func (r *request) attempts(policy RetryPolicy) int {
	if r.maxAttempts > 0 {
		return r.maxAttempts
	}
	return policy.MaxAttempts
}

// validHeaderName reports whether name is an HTTP token (RFC 9110 5.1).
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}
