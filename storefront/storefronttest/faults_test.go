package storefronttest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// anonymousRaw asks for an anonymous token with a plain client, whose
// answers are not validated: a fault's answer breaks the spec on purpose.
func (e *env) anonymousRaw(ctx context.Context) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.srv.BaseURL()+"/auth/anonymous", nil)
	require.NoError(e.t, err)
	req.Header.Set("X-Api-Key", e.srv.APIKey())
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

func TestFaultStatusEnvelope(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{
		Status: 503, Header: http.Header{"Retry-After": {"2"}}, Times: 1,
	})
	resp, body, err := e.anonymousRaw(e.ctx)
	require.NoError(t, err)
	wantError(t, 503, "service_unavailable", resp.StatusCode, body)
	assert.Equal(t, "2", resp.Header.Get("Retry-After"))

	// Times: 1 — the next call is normal.
	e.anonymous()

	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Status: 429, Code: "rate_limited", Message: "slow down"})
	resp, body, err = e.anonymousRaw(e.ctx)
	require.NoError(t, err)
	wantError(t, 429, "rate_limited", resp.StatusCode, body)
	assert.Contains(t, string(body), "slow down")
	resp, _, err = e.anonymousRaw(e.ctx)
	require.NoError(t, err)
	assert.Equal(t, 429, resp.StatusCode, "Times 0 lasts until cleared")

	e.srv.ClearFaults()
	e.anonymous()
}

func TestFaultTimes(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Status: 500, Times: 2})
	for range 2 {
		resp, body, err := e.anonymousRaw(e.ctx)
		require.NoError(t, err)
		wantError(t, 500, storefronttest.CodeInternal, resp.StatusCode, body)
	}
	e.anonymous()
	assert.Equal(t, 3, e.srv.Calls(storefronttest.OpGetAnonymousToken))
}

func TestFaultAnyOperation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.srv.InjectFault(storefronttest.AnyOperation, storefronttest.Fault{Status: 502})
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Status: 401})
	resp, body, err := e.anonymousRaw(e.ctx)
	require.NoError(t, err)
	wantError(t, 401, storefronttest.CodeUnauthorized, resp.StatusCode, body)
	status, _, body := e.raw(http.MethodGet, "/auth/user/x", nil, "")
	wantError(t, 502, "bad_gateway", status, body)
}

func TestFaultLatency(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Latency: 50 * time.Millisecond, Times: 1})
	start := time.Now()
	e.anonymous() // a slow but normal answer, still valid
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)

	// The wait ends when the client gives up.
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Latency: time.Hour})
	ctx, cancel := context.WithTimeout(e.ctx, 50*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, _, err := e.anonymousRaw(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 10*time.Second)
}

func TestCloseWakesSleepingFaults(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Latency: time.Hour})
	answered := make(chan int, 1)
	go func() {
		resp, _, err := e.anonymousRaw(context.Background())
		if err != nil {
			answered <- 0
			return
		}
		answered <- resp.StatusCode
	}()
	require.Eventually(t, func() bool { return e.srv.Calls(storefronttest.OpGetAnonymousToken) == 1 }, 5*time.Second, time.Millisecond)

	closed := make(chan struct{})
	go func() { e.srv.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close hangs on a sleeping fault")
	}
	select {
	case status := <-answered:
		assert.Contains(t, []int{0, 503}, status)
	case <-time.After(10 * time.Second):
		t.Fatal("the request did not end")
	}
}

func TestFaultHTML(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{HTML: true})
	resp, body, err := e.anonymousRaw(e.ctx)
	require.NoError(t, err)
	assert.Equal(t, 502, resp.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Contains(t, string(body), "<h1>502 Bad Gateway</h1>")
}

func TestFaultTruncate(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Truncate: true, Times: 1})
	resp, body, err := e.anonymousRaw(e.ctx)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode, "the real answer, cut")
	assert.Equal(t, strconv.Itoa(len(body)), resp.Header.Get("Content-Length"))
	assert.NotEmpty(t, body)
	assert.False(t, json.Valid(body))
	assert.Contains(t, string(body), `"content"`)

	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Truncate: true, Status: 500})
	resp, body, err = e.anonymousRaw(e.ctx)
	require.NoError(t, err)
	assert.Equal(t, 500, resp.StatusCode)
	assert.False(t, json.Valid(body))
	assert.Contains(t, string(body), `"message"`)
}

func TestFaultBody(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Body: []byte(`{"unexpected":true}`)})
	resp, body, err := e.anonymousRaw(e.ctx)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"unexpected":true}`, string(body))

	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Status: 500, Body: []byte{}, ContentType: "text/plain"})
	resp, body, err = e.anonymousRaw(e.ctx)
	require.NoError(t, err)
	assert.Equal(t, 500, resp.StatusCode)
	assert.Equal(t, "text/plain", resp.Header.Get("Content-Type"))
	assert.Empty(t, body)
}

func TestFaultDrop(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Drop: true, Times: 1})
	_, _, err := e.anonymousRaw(e.ctx)
	require.Error(t, err)
	e.anonymous()
}

func TestInjectFaultPanicsOnMistakes(t *testing.T) {
	t.Parallel()
	srv := storefronttest.New()
	assert.Panics(t, func() { srv.InjectFault("get-anonymous", storefronttest.Fault{Status: 500}) })
	assert.Panics(t, func() { srv.InjectFault(storefronttest.OpLogout, storefronttest.Fault{Status: 99}) })
}

func TestCallCounts(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.anonymous()
	e.anonymous()
	_, _ = e.c.GetAnonymousTokenWithResponse(e.ctx, apiKey("wrong")) // refused, still counted
	e.raw(http.MethodPost, "/auth/register/phone", authHeader(s.access), `{}`)
	e.srv.InjectFault(storefronttest.OpLogout, storefronttest.Fault{Status: 500, Times: 1})
	e.raw(http.MethodPost, "/auth/logout", authHeader(s.access), "")
	e.raw(http.MethodPost, "/auth/nowhere", nil, "")

	assert.Equal(t, 3, e.srv.Calls(storefronttest.OpGetAnonymousToken))
	assert.Equal(t, 0, e.srv.Calls("no-such-operation"))
	assert.Equal(t, map[string]int{
		storefronttest.OpGetAnonymousToken: 3,
		storefronttest.OpRegisterWithPhone: 1,
		storefronttest.OpLogout:            1,
	}, e.srv.CallCounts())

	e.srv.ResetCalls()
	assert.Empty(t, e.srv.CallCounts())
	assert.Equal(t, 0, e.srv.Calls(storefronttest.OpGetAnonymousToken))
}
