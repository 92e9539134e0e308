package storefronttest

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Fault is a failure InjectFault makes an operation answer with, to test
// how a client copes. A fault applies before the request is validated or
// authenticated, like a failing proxy in front of the API. After Latency, the
// first of these that is set decides the answer:
//
//  1. Drop: the connection is closed without an answer (the handler hijacks
//     it; where it cannot, it aborts with http.ErrAbortHandler).
//  2. Body: Status (default 200) with this body and ContentType (default
//     application/json), for a malformed or unexpected answer.
//  3. HTML: Status (default 502) with an HTML error page, as a proxy or a
//     load balancer sends.
//  4. Truncate: the answer cut in the middle of its JSON body, with a
//     Content-Length that matches the cut body: the error envelope of Status
//     when Status is set, otherwise the operation's real answer (whose side
//     effects then happen, as when a real answer is lost).
//  5. Status: the API's error envelope with that status, Code (default
//     derived from the status, e.g. "too_many_requests") and Message (default
//     the status text).
//
// With none of them set, the operation answers normally after Latency: a
// slow server. Header is added to every answer except a dropped one (for
// example Retry-After with a 429 or 503).
type Fault struct {
	Status      int
	Code        string
	Message     string
	Header      http.Header
	Latency     time.Duration // waits, unless the client gives up or the server closes first
	HTML        bool
	Truncate    bool
	Drop        bool
	Body        []byte
	ContentType string
	Times       int // how many requests the fault answers; 0 (or less) until ClearFaults
}

type faultEntry struct {
	fault Fault
	left  int // requests left; 0 means unlimited
}

// faultSet holds the injected faults. Requests check an atomic count first,
// so a server without faults takes no lock for them.
type faultSet struct {
	n  atomic.Int32
	mu sync.Mutex
	m  map[string]*faultEntry
}

// take returns the fault that answers a request to op, counting it.
func (fs *faultSet) take(op string) (Fault, bool) {
	if fs.n.Load() == 0 {
		return Fault{}, false
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	key := op
	e := fs.m[key]
	if e == nil {
		key = AnyOperation
		e = fs.m[key]
	}
	if e == nil {
		return Fault{}, false
	}
	if e.left > 0 {
		e.left--
		if e.left == 0 {
			delete(fs.m, key)
			fs.n.Store(int32(len(fs.m)))
		}
	}
	return e.fault, true
}

// InjectFault makes requests to an operation (one of the Op… constants, or
// AnyOperation for every operation without a fault of its own) answer with
// f, replacing any fault the operation had. It panics on an unknown
// operation or a Status outside 200–599, which are mistakes in a test.
func (s *Server) InjectFault(operationID string, f Fault) {
	if _, ok := s.calls[operationID]; !ok && operationID != AnyOperation {
		panic(fmt.Sprintf("storefronttest: InjectFault: unknown operation %q", operationID))
	}
	if f.Status != 0 && (f.Status < 200 || f.Status > 599) {
		panic(fmt.Sprintf("storefronttest: InjectFault: status %d is not between 200 and 599", f.Status))
	}
	f.Header = f.Header.Clone()
	f.Body = bytes.Clone(f.Body) // nil stays nil, empty stays set
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	if s.faults.m == nil {
		s.faults.m = map[string]*faultEntry{}
	}
	s.faults.m[operationID] = &faultEntry{fault: f, left: max(f.Times, 0)}
	s.faults.n.Store(int32(len(s.faults.m)))
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	clear(s.faults.m)
	s.faults.n.Store(0)
}

// serveFault answers a request with f; next serves the request normally.
func (s *Server) serveFault(w http.ResponseWriter, r *http.Request, f Fault, next http.Handler) {
	if f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return // the client gave up: nobody reads an answer
		case <-s.done:
			writeError(w, &apiError{status: http.StatusServiceUnavailable, code: "service_unavailable", message: "the server is closing"})
			return
		}
	}
	if f.Drop {
		dropConnection(w)
		return
	}
	for k, v := range f.Header { // copies: the fault serves many requests at once
		w.Header()[k] = slices.Clone(v)
	}
	switch {
	case f.Body != nil:
		ct := f.ContentType
		if ct == "" {
			ct = "application/json"
		}
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(cmp.Or(f.Status, http.StatusOK))
		_, _ = w.Write(f.Body)
	case f.HTML:
		status := cmp.Or(f.Status, http.StatusBadGateway)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		_, _ = fmt.Fprintf(w, htmlErrorPage, status, http.StatusText(status), status, http.StatusText(status))
	case f.Truncate:
		rec := httptest.NewRecorder()
		if f.Status != 0 {
			writeError(rec, faultError(f))
		} else {
			next.ServeHTTP(rec, r)
		}
		body := rec.Body.Bytes()
		body = body[:len(body)/2]
		maps.Copy(w.Header(), rec.Header())
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(rec.Code)
		_, _ = w.Write(body)
	case f.Status != 0:
		writeError(w, faultError(f))
	default:
		next.ServeHTTP(w, r)
	}
}

// dropConnection closes the client's connection without an answer.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // HTTP/2 or a recorder: abort the stream instead
	}
	_ = conn.Close()
}

func faultError(f Fault) *apiError {
	e := &apiError{status: f.Status, code: f.Code, message: f.Message}
	if e.code == "" {
		e.code = codeForStatus(f.Status)
	}
	if e.message == "" {
		e.message = http.StatusText(f.Status)
	}
	return e
}

// codeForStatus derives an error code from a status: "too_many_requests"
// for 429, "internal_error" for 500.
func codeForStatus(status int) string {
	if status == http.StatusInternalServerError {
		return CodeInternal
	}
	text := http.StatusText(status)
	if text == "" {
		return "error"
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '-':
			return '_'
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r >= 'a' && r <= 'z':
			return r
		}
		return -1
	}, text)
}

const htmlErrorPage = `<!DOCTYPE html>
<html>
<head><title>%d %s</title></head>
<body>
<center><h1>%d %s</h1></center>
<hr><center>nginx</center>
</body>
</html>
`
