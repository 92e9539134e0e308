package storefronttest_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	genclient "github.com/commercengine-go/sdk/gen/client"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func TestDefaults(t *testing.T) {
	t.Parallel()
	srv := storefronttest.NewServer()
	defer srv.Close()
	assert.Regexp(t, regexp.MustCompile(`^ce_test_[0-9a-f]{32}$`), srv.APIKey())
	assert.Equal(t, storefronttest.DefaultStoreID, srv.StoreID())
	assert.Regexp(t, regexp.MustCompile(`^http://127\.0\.0\.1:\d+$`), srv.URL())
	assert.Equal(t, srv.URL()+"/api/v1/"+storefronttest.DefaultStoreID+"/storefront", srv.BaseURL())
	assert.NotEqual(t, srv.APIKey(), storefronttest.New().APIKey(), "keys are random")

	local := storefronttest.New(storefronttest.WithStoreID("s1"))
	assert.Empty(t, local.URL())
	assert.Equal(t, "/api/v1/s1/storefront", local.BaseURL())
}

func TestOptionsSetLifetimes(t *testing.T) {
	t.Parallel()
	start := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	e := setup(t, storefronttest.WithAPIKey("key-1"), storefronttest.WithStoreID("shop"),
		storefronttest.WithAccessTTL(time.Minute), storefronttest.WithRefreshTTL(time.Hour),
		storefronttest.WithStartTime(start), storefronttest.WithFrozenClock(),
		storefronttest.WithSigningKey([]byte("0123456789abcdef0123456789abcdef")))
	assert.Equal(t, "key-1", e.srv.APIKey())
	assert.True(t, strings.HasSuffix(e.srv.BaseURL(), "/api/v1/shop/storefront"))

	s := e.anonymous()
	access, err := e.srv.ParseToken(s.access)
	require.NoError(t, err)
	refresh, err := e.srv.ParseToken(s.refresh)
	require.NoError(t, err)
	assert.Equal(t, start.Unix(), access.IssuedAt)
	assert.Equal(t, start.Add(time.Minute).Unix(), access.ExpiresAt)
	assert.Equal(t, start.Add(time.Hour).Unix(), refresh.ExpiresAt)
	assert.Equal(t, "shop", access.StoreID)

	// The same signing key verifies the tokens in another server.
	other := storefronttest.New(storefronttest.WithSigningKey([]byte("0123456789abcdef0123456789abcdef")))
	_, err = other.ParseToken(s.access)
	assert.NoError(t, err)
	_, err = storefronttest.New().ParseToken(s.access)
	assert.Error(t, err)
}

func TestClock(t *testing.T) {
	t.Parallel()
	start := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	frozen := storefronttest.New(storefronttest.WithStartTime(start), storefronttest.WithFrozenClock())
	assert.True(t, frozen.Now().Equal(start))
	frozen.Advance(90 * time.Second)
	assert.True(t, frozen.Now().Equal(start.Add(90*time.Second)))
	later := start.Add(48 * time.Hour)
	frozen.SetTime(later)
	var now func() time.Time = frozen.Now // a client can share the clock
	assert.True(t, now().Equal(later))

	running := storefronttest.New(storefronttest.WithStartTime(start))
	first := running.Now()
	assert.WithinDuration(t, start, first, time.Second)
	time.Sleep(5 * time.Millisecond)
	assert.True(t, running.Now().After(first), "the clock runs unless frozen")
	running.Advance(time.Hour)
	assert.WithinDuration(t, start.Add(time.Hour), running.Now(), time.Second)

	real := storefronttest.New()
	assert.WithinDuration(t, time.Now(), real.Now(), time.Second)
}

func TestHandlerServesAnyStore(t *testing.T) {
	t.Parallel()
	srv := storefronttest.New()
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for _, store := range []string{"store-a", "01JD9ZQF2X7A6B5C4D3E2F1G0H"} {
		c, err := genclient.NewClientWithResponses(ts.URL + "/api/v1/" + store + "/storefront")
		require.NoError(t, err)
		resp, err := c.GetAnonymousTokenWithResponse(t.Context(), apiKey(srv.APIKey()))
		require.NoError(t, err)
		require.NotNil(t, resp.JSON200, "%s", resp.Body)
		claims, err := srv.ParseToken(resp.JSON200.Content.AccessToken)
		require.NoError(t, err)
		assert.Equal(t, store, claims.StoreID)

		// A token works only in the store it was issued for.
		other, err := genclient.NewClientWithResponses(ts.URL + "/api/v1/elsewhere/storefront")
		require.NoError(t, err)
		detail, err := other.GetUserDetailWithResponse(t.Context(), claims.UserID, bearer(resp.JSON200.Content.AccessToken))
		require.NoError(t, err)
		wantError(t, 401, storefronttest.CodeUnauthorized, detail.StatusCode(), detail.Body)
	}
}

func TestUnknownPathAndMethod(t *testing.T) {
	t.Parallel()
	e := setup(t)
	for _, path := range []string{
		"/auth/nowhere",
		"/auth/anonymous/",
		"/auth/../auth/anonymous",
		"//auth/anonymous",
	} {
		status, _, body := e.raw(http.MethodPost, path, http.Header{"X-Api-Key": {e.srv.APIKey()}}, "")
		wantError(t, 404, storefronttest.CodeNotFound, status, body)
	}
	status, _, body := e.raw(http.MethodGet, "/../../../nowhere", nil, "")
	wantError(t, 404, storefronttest.CodeNotFound, status, body)

	status, h, body := e.raw(http.MethodGet, "/auth/anonymous", nil, "")
	wantError(t, 405, storefronttest.CodeMethodNotAllowed, status, body)
	assert.Equal(t, "POST", h.Get("Allow"))
}

func TestMalformedBodyNamesTheField(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.anonymous()
	status, _, body := e.raw(http.MethodPost, "/auth/register/phone", authHeader(s.access), `{"phone":"9876543210"}`)
	wantError(t, 400, storefronttest.CodeBadRequest, status, body, "first_name")

	status, _, body = e.raw(http.MethodPost, "/auth/register/phone", authHeader(s.access), `{"phone":9876543210,"first_name":"A","country_code":"91"}`)
	wantError(t, 400, storefronttest.CodeBadRequest, status, body, "phone", "country_code")

	status, _, body = e.raw(http.MethodPost, "/auth/verify-otp", authHeader(s.access), `{"otp":`)
	wantError(t, 400, storefronttest.CodeBadRequest, status, body)
}

func TestStats(t *testing.T) {
	t.Parallel()
	e := setup(t)
	assert.Equal(t, storefronttest.Stats{}, e.srv.Stats())
	e.registerPhone("9876543210", "Asha")
	assert.Equal(t, storefronttest.Stats{Users: 1}, e.srv.Stats())
}

func TestLoggerKeepsSecretsOut(t *testing.T) {
	t.Parallel()
	var buf syncBuffer
	e := setup(t, storefronttest.WithLogger(slog.New(slog.NewTextHandler(&buf, nil))))
	_, err := e.srv.CreateUser(storefronttest.UserParams{Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(t, err)
	anon := e.anonymous()
	s := e.loginPassword(anon.access, `{"email":"asha@example.com","password":"correct-horse"}`)
	otp := e.loginEmail(s.access, "asha@example.com", true, false)
	require.NotNil(t, otp.JSON200)

	logs := buf.String()
	assert.Contains(t, logs, "operation=login-with-password")
	assert.Contains(t, logs, "status=200")
	for _, secret := range []string{"correct-horse", e.srv.APIKey(), anon.access, s.access, s.refresh, *otp.JSON200.Content.OTP} {
		assert.NotContains(t, logs, secret)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
