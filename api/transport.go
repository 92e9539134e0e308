package api

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"sync"
)

// Mode says what a Transport does with a violation.
type Mode int

const (
	// Strict fails the call: a request that violates the spec is not sent,
	// and a response that violates it is not returned; RoundTrip returns a
	// *ValidationError instead.
	Strict Mode = iota
	// Record lets every exchange through unchanged and only records its
	// violations, for a test or a CI job to inspect with Violations or Err.
	Record
)

func (m Mode) String() string {
	switch m {
	case Strict:
		return "strict"
	case Record:
		return "record"
	}
	return "unknown"
}

// Transport is an http.RoundTripper that validates every request it sends
// and every response it receives against the spec. Both modes record every
// violation. It is safe for concurrent use.
//
// Wrap the transport of the *http.Client given to a storefront client:
//
//	vt := api.NewTransport(http.DefaultTransport, api.Strict)
//	client, _ := storefront.New(storeID, storefront.WithHTTPClient(&http.Client{Transport: vt}))
type Transport struct {
	base      http.RoundTripper
	mode      Mode
	validator *Validator

	mu         sync.Mutex
	violations []Violation
}

// NewTransport returns a Transport over base (http.DefaultTransport when
// nil) in the given mode.
func NewTransport(base http.RoundTripper, mode Mode, opts ...ValidatorOption) *Transport {
	if base == nil {
		base = http.DefaultTransport
	}
	return &Transport{base: base, mode: mode, validator: NewValidator(opts...)}
}

// RoundTrip implements http.RoundTripper. It never modifies req: when req
// has a body, the request sent is a shallow copy carrying the same bytes.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	send, check := req, *req
	if req.Body != nil && req.Body != http.NoBody {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		copied := *req
		setRequestBody(&copied, body)
		send = &copied
		setRequestBody(&check, body) // validation reads its own copy
	}

	route, err := t.validator.validateRequest(&check, true)
	if err != nil {
		t.record(err)
		if t.mode == Strict {
			return nil, err
		}
	}

	resp, err := t.base.RoundTrip(send)
	if err != nil || route == nil {
		return resp, err // no operation matched: the request's violation says so
	}
	if err := t.validator.validateResponse(&check, route, resp); err != nil {
		t.record(err)
		if t.mode == Strict {
			drainAndClose(resp.Body)
			return nil, err
		}
	}
	return resp, nil
}

func (t *Transport) record(err error) {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return
	}
	t.mu.Lock()
	t.violations = append(t.violations, ve.Violations...)
	t.mu.Unlock()
}

// Violations returns a copy of the violations recorded so far.
func (t *Transport) Violations() []Violation {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.violations)
}

// Err returns a *ValidationError holding every violation recorded so far, or
// nil when there are none. A test can end with require.NoError(t, vt.Err()).
func (t *Transport) Err() error {
	v := t.Violations()
	if len(v) == 0 {
		return nil
	}
	return &ValidationError{Violations: v}
}

// Reset forgets the recorded violations.
func (t *Transport) Reset() {
	t.mu.Lock()
	t.violations = nil
	t.mu.Unlock()
}

// CloseIdleConnections closes the idle connections of the base transport,
// when it has any.
func (t *Transport) CloseIdleConnections() {
	if c, ok := t.base.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

func drainAndClose(body io.ReadCloser) {
	if body == nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 1<<20))
	body.Close()
}
