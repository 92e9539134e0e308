package storefront

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// RetryPolicy says when and how often a request is sent again.
//
// A request is retried only when sending it again cannot do something twice:
//
//   - 429 Too Many Requests, for any operation: the API refused before doing
//     anything;
//   - a connection that could not be opened, for any operation: nothing was
//     sent;
//   - 502, 503 and 504, connections that broke after the request was sent,
//     and attempts that timed out, only for operations that are safe to
//     send twice. openapi.yaml says which are: GET, PUT and DELETE are, POST
//     is not, unless the operation's x-idempotent extension says otherwise
//     (each method's doc comment says which it is). A login, a
//     registration, an OTP request, an order or any other call the server
//     may have carried out is never sent again.
//
// Waits grow exponentially from MinBackoff to MaxBackoff with full jitter,
// honour Retry-After (up to MaxRetryAfter; a longer wait is not waited: the
// error is returned with APIError.RetryAfter set), and end early when the
// context is done. A zero field takes its value from DefaultRetryPolicy.
type RetryPolicy struct {
	MaxAttempts   int           // attempts in all, the first included; 1 disables retries
	MinBackoff    time.Duration // first wait
	MaxBackoff    time.Duration // cap of the exponential wait
	MaxRetryAfter time.Duration // the longest Retry-After honoured
}

// DefaultRetryPolicy is the policy of a client built without WithRetryPolicy.
var DefaultRetryPolicy = RetryPolicy{
	MaxAttempts:   3,
	MinBackoff:    200 * time.Millisecond,
	MaxBackoff:    5 * time.Second,
	MaxRetryAfter: 30 * time.Second,
}

// NoRetries sends every request once.
var NoRetries = RetryPolicy{MaxAttempts: 1}

// withDefaults fills the zero fields of p from DefaultRetryPolicy.
func (p RetryPolicy) withDefaults() RetryPolicy {
	d := DefaultRetryPolicy
	if p.MaxAttempts == 0 {
		p.MaxAttempts = d.MaxAttempts
	}
	if p.MinBackoff == 0 {
		p.MinBackoff = d.MinBackoff
	}
	if p.MaxBackoff == 0 {
		p.MaxBackoff = max(d.MaxBackoff, p.MinBackoff)
	}
	if p.MaxRetryAfter == 0 {
		p.MaxRetryAfter = d.MaxRetryAfter
	}
	return p
}

func (p RetryPolicy) validate() error {
	switch {
	case p.MaxAttempts < 1:
		return errors.New("MaxAttempts must be at least 1")
	case p.MinBackoff < 0 || p.MaxBackoff < 0 || p.MaxRetryAfter < 0:
		return errors.New("durations must not be negative")
	case p.MaxBackoff < p.MinBackoff:
		return errors.New("MaxBackoff must not be below MinBackoff")
	}
	return nil
}

// backoff returns the wait before attempt n (n ≥ 1 is the first retry):
// a random duration in [0, min(MaxBackoff, MinBackoff·2^(n-1))].
func (p RetryPolicy) backoff(n int) time.Duration {
	d := p.MinBackoff
	for i := 1; i < n && d < p.MaxBackoff; i++ {
		d *= 2
	}
	if d > p.MaxBackoff {
		d = p.MaxBackoff
	}
	if d <= 0 {
		return 0
	}
	return rand.N(d + 1)
}

// retryableStatus reports whether a status may be retried for an
// operation that is (or is not) idempotent.
func retryableStatus(status int, idempotent bool) bool {
	switch status {
	case http.StatusTooManyRequests:
		return true
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return idempotent
	}
	return false
}

// retryableError reports whether a transport error may be retried for an
// operation that is (or is not) idempotent. A failed dial may always be
// (nothing was sent). A connection that broke — a reset, an unexpected EOF,
// another network error — may be for idempotent operations only. Anything else is not a network failure (a
// context error, a refused redirect, a TLS trust failure, an error from a
// custom transport such as a validating one) and is never retried.
func retryableError(err error, idempotent bool) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, errRedirectRefused) {
		return false
	}
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var certInvalid x509.CertificateInvalidError
	var tlsRecord tls.RecordHeaderError
	if errors.As(err, &unknownAuthority) || errors.As(err, &hostname) || errors.As(err, &certInvalid) || errors.As(err, &tlsRecord) {
		return false
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.IsTemporary || dns.IsTimeout
	}
	var ne net.Error
	broken := errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNABORTED)
	return broken && idempotent
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return min(time.Duration(min(secs, int64(maxRetryAfterHeader/time.Second)))*time.Second, maxRetryAfterHeader), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), maxRetryAfterHeader), true
	}
	return 0, false
}

// maxRetryAfterHeader caps what a Retry-After header is read as: a server
// asking for more than a day means "not now" anyway.
const maxRetryAfterHeader = 24 * time.Hour

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
