package storefronttest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// The helpers of env call require, which must not run outside the test's
// goroutine; the workers below use the client directly and assert.

func TestConcurrentSessions(t *testing.T) {
	t.Parallel()
	e := setup(t)
	const workers = 16
	key := apiKey(e.srv.APIKey())
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			anon, err := e.c.GetAnonymousTokenWithResponse(e.ctx, key)
			if !assert.NoError(t, err) || !assert.NotNil(t, anon.JSON200) {
				return
			}
			phone := fmt.Sprintf("98765%05d", i)
			reg, err := e.c.RegisterWithPhoneWithResponse(e.ctx, nil, registerPhoneBody(phone, "User"), bearer(anon.JSON200.Content.AccessToken))
			if !assert.NoError(t, err) || !assert.NotNil(t, reg.JSON200, "%s", reg.Body) {
				return
			}
			r, err := e.c.RefreshTokenWithResponse(e.ctx, gen.RefreshTokenJSONRequestBody{RefreshToken: reg.JSON200.Content.RefreshToken})
			if !assert.NoError(t, err) || !assert.NotNil(t, r.JSON200, "%s", r.Body) {
				return
			}
			access := r.JSON200.Content.AccessToken
			detail, err := e.c.GetUserDetailWithResponse(e.ctx, reg.JSON200.Content.User.ID, bearer(access))
			if assert.NoError(t, err) && assert.NotNil(t, detail.JSON200) {
				assert.Equal(t, phone, *detail.JSON200.Content.User.Phone)
			}

			email := fmt.Sprintf("u%d@example.com", i)
			_, err = e.srv.CreateUser(storefronttest.UserParams{Email: email, Password: "pw"})
			assert.NoError(t, err)
			login, err := e.c.LoginWithPasswordWithBodyWithResponse(e.ctx, "application/json",
				jsonReader(`{"email":"`+email+`","password":"pw"}`), bearer(anon.JSON200.Content.AccessToken))
			if assert.NoError(t, err) {
				assert.Equal(t, 200, login.StatusCode(), "%s", login.Body)
			}
			out, err := e.c.LogoutWithResponse(e.ctx, bearer(access))
			if assert.NoError(t, err) {
				assert.Equal(t, 200, out.StatusCode(), "%s", out.Body)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 2*workers, e.srv.Stats().Users)
}

func TestConcurrentRefreshOfOneToken(t *testing.T) {
	t.Parallel()
	e := setup(t)
	s := e.registerPhone("9876543210", "Asha")
	var ok, refused atomic.Int32
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			r, err := e.c.RefreshTokenWithResponse(e.ctx, gen.RefreshTokenJSONRequestBody{RefreshToken: s.refresh})
			if !assert.NoError(t, err) {
				return
			}
			switch r.StatusCode() {
			case 200:
				ok.Add(1)
			case 401:
				refused.Add(1)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, int32(1), ok.Load(), "a refresh token works once")
	assert.Equal(t, int32(11), refused.Load())
}

func TestConcurrentDuplicateRegistration(t *testing.T) {
	t.Parallel()
	e := setup(t)
	var created atomic.Int32
	var wg sync.WaitGroup
	for range 12 {
		anon := e.anonymous()
		wg.Go(func() {
			resp, err := e.c.RegisterWithPhoneWithResponse(e.ctx, nil, registerPhoneBody("9876543210", "Asha"), bearer(anon.access))
			if assert.NoError(t, err) && resp.StatusCode() == 200 {
				created.Add(1)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, int32(1), created.Load())
}

// TestAnonymousSessionsAreNotStored checks that visitors cost no memory:
// nothing is recorded for them, and what refreshes and OTPs record goes once
// it cannot be used.
func TestAnonymousSessionsAreNotStored(t *testing.T) {
	srv := storefronttest.New(storefronttest.WithFrozenClock())
	h := srv.Handler()
	post := func(path string, header http.Header, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, srv.BaseURL()+path, strings.NewReader(body))
		req.Header = header
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	anonymous := func() gen.AnonymousUserContent {
		rec := post("/auth/anonymous", http.Header{"X-Api-Key": {srv.APIKey()}}, "")
		require.Equal(t, 200, rec.Code, rec.Body.String())
		var out struct{ Content gen.AnonymousUserContent }
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
		return out.Content
	}

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	const n = 1500 // a record of a few hundred bytes each would pass the bound below
	for range n {
		anonymous()
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	assert.Equal(t, storefronttest.Stats{}, srv.Stats(), "anonymous sessions leave no record")
	growth := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	assert.Less(t, growth, int64(n*200), "heap grew by %d bytes for %d visitors", growth, n)

	// Refreshed sessions and OTPs are recorded, then swept once expired.
	for range 50 {
		c := anonymous()
		rec := post("/auth/refresh-token", http.Header{}, `{"refresh_token":"`+c.RefreshToken+`"}`)
		require.Equal(t, 200, rec.Code, rec.Body.String())
		rec = post("/auth/generate-otp", http.Header{"Authorization": {"Bearer " + c.AccessToken}},
			`{"channel":"email","email":"`+c.User.ID+`@example.com","otp_action":"register"}`)
		require.Equal(t, 200, rec.Code, rec.Body.String())
	}
	assert.Equal(t, storefronttest.Stats{Sessions: 50, OTPs: 50}, srv.Stats())
	srv.Advance(storefronttest.DefaultRefreshTTL + time.Hour)
	c := anonymous()
	rec := post("/auth/refresh-token", http.Header{}, `{"refresh_token":"`+c.RefreshToken+`"}`) // a write sweeps
	require.Equal(t, 200, rec.Code, rec.Body.String())
	assert.Equal(t, storefronttest.Stats{Sessions: 1}, srv.Stats())
}
