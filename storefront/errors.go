package storefront

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/internal/redact"
)

// Sentinel errors, for errors.Is. An *APIError matches the one its status
// stands for; the others come from the session and the client.
var (
	ErrBadRequest   = errors.New("storefront: bad request")           // 400
	ErrUnauthorized = errors.New("storefront: unauthorized")          // 401
	ErrForbidden    = errors.New("storefront: forbidden")             // 403
	ErrNotFound     = errors.New("storefront: not found")             // 404
	ErrConflict     = errors.New("storefront: conflict")              // 409
	ErrRateLimited  = errors.New("storefront: rate limited")          // 429
	ErrServer       = errors.New("storefront: server error")          // 5xx
	ErrMalformed    = errors.New("storefront: malformed response")    // an answer that is not the API's JSON envelope
	ErrTooLarge     = errors.New("storefront: response too large")    // a body beyond the client's limit
	ErrInvalidParam = errors.New("storefront: invalid argument")      // a call refused before any request
	ErrNoAPIKey     = errors.New("storefront: no API key configured") // get-anonymous-token needs one

	// ErrNoSession: the session holds no token and may not create one
	// (manual mode), or an operation needs a token the store does not have.
	ErrNoSession = errors.New("storefront: no session")
	// ErrSessionExpired: the API refused to refresh the session; the store
	// was cleared. The next call starts a new anonymous session.
	ErrSessionExpired = errors.New("storefront: session expired")
	// ErrLoggedIn: an anonymous session was asked for while a logged-in
	// session is live; no request was sent. Log out first.
	ErrLoggedIn = errors.New("storefront: a logged-in session is live")
)

// APIError is a non-2xx answer of the API. Use errors.As to read it and
// errors.Is with ErrUnauthorized, ErrNotFound, ErrRateLimited … to branch.
type APIError struct {
	Operation  string            // operationId, e.g. "login-with-password"
	StatusCode int               // HTTP status
	Code       string            // the envelope's machine code, e.g. "unauthorized"; empty when the body was not the envelope
	Message    string            // the envelope's message
	Fields     map[string]string // per-field detail of a 400 ("errors"), keyed by field
	RequestID  string            // the X-Request-Id of the answer, when the API sent one
	RetryAfter time.Duration     // from Retry-After on 429 and 503; zero when absent
	// Body is a short sample of a body that was not the API's envelope (an
	// HTML error page from a proxy, say), without the request's secrets
	// (however the server escaped them), anything shaped like a token, or
	// the value of any field named like a token, an OTP or a password.
	// Empty when the body was the envelope.
	Body string
}

func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("storefront: ")
	if e.Operation != "" {
		b.WriteString(e.Operation + ": ")
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteString(" " + t)
	}
	if e.Code != "" {
		b.WriteString(" (" + e.Code + ")")
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if len(e.Fields) > 0 {
		keys := make([]string, 0, len(e.Fields))
		for k := range e.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			if v := e.Fields[k]; !saysField(e.Message, k, v) {
				parts = append(parts, k+": "+v)
			}
		}
		if len(parts) > 0 {
			b.WriteString(" [" + strings.Join(parts, "; ") + "]")
		}
	}
	if e.Code == "" && e.Body != "" {
		b.WriteString(": body is not the API's JSON envelope: " + strconv.Quote(e.Body))
	}
	if e.RequestID != "" {
		b.WriteString(" (request id " + e.RequestID + ")")
	}
	return b.String()
}

// saysField reports whether message already says the field error k: v,
// as the API's message often does ("phone: a user with this phone number
// already exists").
func saysField(message, k, v string) bool {
	return v != "" && strings.Contains(message, k) && strings.Contains(message, v)
}

// errPrefix starts every message of the package's errors, once.
const errPrefix = "storefront: "

// errorf is fmt.Errorf for the package's own messages: the message starts
// with errPrefix once, whether format has it or not, and the errors among
// args lose their own errPrefix in it (an error of the package wrapping
// another would otherwise say "storefront: " twice). errors.Is and
// errors.As see the wrapped errors unchanged.
func errorf(format string, args ...any) error {
	for i, a := range args {
		if err, ok := a.(error); ok {
			args[i] = unprefixed{err}
		}
	}
	return fmt.Errorf(errPrefix+strings.TrimPrefix(format, errPrefix), args...)
}

// unprefixed is an error whose message goes without errPrefix.
type unprefixed struct{ err error }

func (u unprefixed) Error() string { return strings.TrimPrefix(u.err.Error(), errPrefix) }
func (u unprefixed) Unwrap() error { return u.err }

// Is reports whether target is the sentinel for e's status.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrBadRequest:
		return e.StatusCode == http.StatusBadRequest
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500
	case ErrMalformed:
		return e.Code == "" && e.Body != ""
	}
	return false
}

// MalformedResponseError is a 2xx answer whose body is not what the
// operation returns: empty, truncated, not JSON, or missing a field the SDK
// needs (a token, a user). errors.Is(err, ErrMalformed) holds.
type MalformedResponseError struct {
	Operation   string
	StatusCode  int
	ContentType string
	Reason      string // what is wrong, e.g. "truncated JSON", "no access_token"
	Body        string // a short, redacted sample of the body
	RequestID   string
}

func (e *MalformedResponseError) Error() string {
	msg := fmt.Sprintf("storefront: %s: malformed %d response: %s", e.Operation, e.StatusCode, e.Reason)
	if e.ContentType != "" {
		msg += " (content type " + e.ContentType + ")"
	}
	if e.Body != "" {
		msg += ": " + strconv.Quote(e.Body)
	}
	if e.RequestID != "" {
		msg += " (request id " + e.RequestID + ")"
	}
	return msg
}

// Is makes errors.Is(err, ErrMalformed) hold.
func (e *MalformedResponseError) Is(target error) bool { return target == ErrMalformed }

// errorEnvelope is the body of every error answer of the API.
type errorEnvelope struct {
	Message *string                    `json:"message"`
	Success *bool                      `json:"success"`
	Code    *string                    `json:"code"`
	Errors  map[string]json.RawMessage `json:"errors"`
}

// sampleLimit bounds the body quoted in errors.
const sampleLimit = 256

// newAPIError builds the error for a non-2xx answer from its status, header
// and body. It never fails: a body that is not the envelope becomes a
// redacted sample. Whatever the server wrote is cleaned by rd: a server
// may echo the credentials it was sent.
func newAPIError(op string, status int, h http.Header, body []byte, rd redactor) *APIError {
	e := &APIError{Operation: op, StatusCode: status, RequestID: requestID(h)}
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		e.RetryAfter, _ = parseRetryAfter(h.Get("Retry-After"), time.Now())
	}
	if env, ok := decodeErrorEnvelope(body); ok {
		sc := rd.scrubber()
		e.Code = sc.Clean(*env.Code)
		if env.Message != nil {
			e.Message = sc.Clean(*env.Message)
		}
		e.Fields = flattenFieldErrors(env.Errors, sc)
		return e
	}
	e.Body = sample(body, rd)
	if e.Body == "" {
		e.Body = "(empty)"
	}
	return e
}

// decodeErrorEnvelope parses body as the API's error envelope; it must at
// least be a JSON object with a string "code".
func decodeErrorEnvelope(body []byte) (*errorEnvelope, bool) {
	var env errorEnvelope
	if len(body) == 0 || json.Unmarshal(body, &env) != nil || env.Code == nil {
		return nil, false
	}
	return &env, true
}

// flattenFieldErrors turns the envelope's "errors" into field → message.
// Values are strings, lists of strings, or anything else (kept as JSON,
// where members named like a secret lose their values). Everything is
// cleaned by sc, and what is said about a field named like a secret or
// personal data loses whatever looks like a number of that kind.
func flattenFieldErrors(raw map[string]json.RawMessage, sc *redact.Scrubber) map[string]string {
	if len(raw) == 0 {
		return nil
	}
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		k = sc.Clean(k)
		switch list := []string(nil); {
		case json.Unmarshal(v, &s) == nil:
			s = sc.Clean(s)
		case json.Unmarshal(v, &list) == nil:
			s = sc.Clean(strings.Join(list, "; "))
		default:
			s = sc.Clean(string(v))
		}
		if redact.IsSensitiveName(k) {
			s = redact.ScrubIdentifiers(s)
		}
		out[k] = s
	}
	return out
}

var requestIDHeaders = []string{"X-Request-Id", "X-Correlation-Id", "X-Amzn-Requestid", "Cf-Ray"}

func requestID(h http.Header) string {
	for _, k := range requestIDHeaders {
		if v := h.Get(k); v != "" {
			return v
		}
	}
	return ""
}
