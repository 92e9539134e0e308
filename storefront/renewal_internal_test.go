package storefront

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rule: the first call that needs a token and finds none creates an
// anonymous session once, shared by concurrent callers.
func TestSessionBootstrapsOnceForConcurrentCallers(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	api.route(opAnon, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond) // let every caller pile up on the bootstrap
		api.anonymous(w, r)
	})
	sess := api.client().NewSession(nil)

	const n = 200
	var wg sync.WaitGroup
	tokens := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { tokens[i], errs[i] = sess.AccessToken(bg) })
	}
	wg.Wait()
	for i := range n {
		require.NoError(t, errs[i])
		assert.Equal(t, tokens[0], tokens[i], "every caller gets the one anonymous token")
	}
	assert.Equal(t, 1, api.count(opAnon), "exactly one anonymous session")
	c, err := sess.Peek(bg)
	require.NoError(t, err)
	assert.True(t, c.IsAnonymous)
	h := api.headersOf(opAnon)[0]
	assert.Equal(t, testAPIKey, h.Get("X-Api-Key"))
	assert.Empty(t, h.Get("Authorization"), "a first visit has no old token to send")
}

// Rule: a token within the margin of exp is refreshed before use, once for
// 1,000 concurrent callers.
func TestSessionRefreshesExpiringTokenOnceFor1000Callers(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	api.route(opRefr, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		api.refresh(w, r)
	})
	store := NewMemoryStore()
	old := api.mint(userClaims("u-1"), 20*time.Second, time.Hour) // inside the 30 s margin
	require.NoError(t, store.Save(bg, old))
	sess := api.client().NewSession(store)

	const n = 1000
	var wg sync.WaitGroup
	var failures atomic.Int32
	for range n {
		wg.Go(func() {
			if _, err := sess.Auth.GetUser(bg, "u-1"); err != nil {
				failures.Add(1)
			}
		})
	}
	wg.Wait()
	assert.Zero(t, failures.Load())
	assert.Equal(t, 1, api.count(opRefr), "exactly one refresh request for %d callers", n)
	assert.Zero(t, api.count(opAnon))
	for _, h := range api.headersOf(opGetUser) {
		assert.NotEqual(t, "Bearer "+old.AccessToken, h.Get("Authorization"), "no call went out with the expiring token")
	}
	t.Logf("refresh requests for %d concurrent callers: %d", n, api.count(opRefr))
}

func TestSessionRefreshMarginIsConfigurable(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		margin      time.Duration
		wantRefresh int
	}{{0, 0}, {10 * time.Second, 0}, {2 * time.Minute, 1}} {
		api := newTestAPI(t)
		store := NewMemoryStore()
		require.NoError(t, store.Save(bg, api.mint(userClaims("u-1"), time.Minute, time.Hour)))
		sess := api.client(WithRefreshMargin(c.margin)).NewSession(store)
		_, err := sess.Auth.GetUser(bg, "u-1")
		require.NoError(t, err)
		assert.Equal(t, c.wantRefresh, api.count(opRefr), "margin %v, token expiring in 1m", c.margin)
	}
}

// Rule: a missing or expired refresh token falls back to get-anonymous-token
// with the old access token as Bearer, keeping the visitor's ID.
func TestSessionFallsBackToAnonymousWithOldToken(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		store func(api *testAPI) Tokens
	}{
		{"refresh token missing", func(api *testAPI) Tokens {
			t := api.mint(anonClaims("anon-7"), time.Minute, time.Hour)
			return Tokens{AccessToken: t.AccessToken}
		}},
		{"refresh token expired", func(api *testAPI) Tokens {
			t := api.mint(anonClaims("anon-7"), time.Minute, 2*time.Minute)
			api.advance(time.Hour)
			return t
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			api := newTestAPI(t)
			old := c.store(api)
			store := NewMemoryStore()
			require.NoError(t, store.Save(bg, old))
			if c.name == "refresh token missing" {
				api.advance(time.Hour) // the access token has expired too
			}
			sess := api.client().NewSession(store)
			claims, err := sess.EnsureClaims(bg)
			require.NoError(t, err)
			assert.Equal(t, "anon-7", claims.UserID, "the visitor keeps their ID")
			assert.Equal(t, 0, api.count(opRefr), "no refresh with an unusable refresh token")
			require.Equal(t, 1, api.count(opAnon))
			h := api.headersOf(opAnon)[0]
			assert.Equal(t, "Bearer "+old.AccessToken, h.Get("Authorization"))
			assert.Equal(t, testAPIKey, h.Get("X-Api-Key"))
		})
	}
}

// Rule: a refresh the API rejects clears the store and returns a typed error.
func TestSessionRejectedRefreshClearsStore(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	store := NewMemoryStore()
	tok := api.mint(userClaims("u-1"), 10*time.Second, time.Hour)
	delete(api.refreshOK, tok.RefreshToken) // the server forgot it
	require.NoError(t, store.Save(bg, tok))
	var cleared atomic.Int32
	sess := api.client().NewSession(store, OnTokensCleared(func() { cleared.Add(1) }))

	_, err := sess.Auth.GetUser(bg, "u-1")
	require.ErrorIs(t, err, ErrSessionExpired)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr, "the API's answer is kept")
	assert.Equal(t, "refresh-token", apiErr.Operation)
	got, _ := store.Load(bg)
	assert.True(t, got.IsZero(), "store cleared")
	assert.Equal(t, int32(1), cleared.Load())
	assert.Equal(t, 0, api.count(opGetUser), "the call was not sent with a dead session")

	// The next call starts afresh.
	_, err = sess.EnsureClaims(bg)
	require.NoError(t, err)
	assert.Equal(t, 1, api.count(opAnon))
}

func TestSessionRefreshTransientFailureKeepsStore(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	api.route(opRefr, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 503, map[string]any{"message": "down", "success": false, "code": "unavailable"})
	})
	store := NewMemoryStore()
	tok := api.mint(userClaims("u-1"), 10*time.Second, time.Hour)
	require.NoError(t, store.Save(bg, tok))
	sess := api.client().NewSession(store)
	_, err := sess.Auth.GetUser(bg, "u-1")
	require.ErrorIs(t, err, ErrServer)
	assert.NotErrorIs(t, err, ErrSessionExpired)
	got, _ := store.Load(bg)
	assert.Equal(t, tok, got, "a failure that is not a rejection leaves the tokens")
	assert.Equal(t, 1, api.count(opRefr), "refresh is a POST: a 503 is not retried")
}

func TestSessionAnonymousRetriesWithoutRefusedOldToken(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	api.route(opAnon, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			writeJSON(w, 401, map[string]any{"message": "bad token", "success": false, "code": "unauthorized"})
			return
		}
		api.anonymous(w, r)
	})
	store := NewMemoryStore()
	require.NoError(t, store.Save(bg, Tokens{AccessToken: makeJWT(anonClaims("old")), RefreshToken: ""}))
	sess := api.client().NewSession(store)
	res, err := sess.Auth.Anonymous(bg)
	require.NoError(t, err)
	assert.NotEqual(t, "old", res.User.ID)
	assert.Equal(t, 2, api.count(opAnon))
}

// A renewal runs detached from the caller that started it: that caller
// giving up does not fail the others.
func TestCancelledCallerDoesNotFailSharedRefresh(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	release := make(chan struct{})
	api.route(opRefr, func(w http.ResponseWriter, r *http.Request) {
		<-release
		api.refresh(w, r)
	})
	store := NewMemoryStore()
	require.NoError(t, store.Save(bg, api.mint(userClaims("u-1"), 5*time.Second, time.Hour)))
	sess := api.client().NewSession(store)

	ctx, cancel := context.WithCancel(bg)
	firstErr := make(chan error, 1)
	go func() { _, err := sess.Auth.GetUser(ctx, "u-1"); firstErr <- err }()
	require.Eventually(t, func() bool { return api.count(opRefr) == 1 }, 2*time.Second, time.Millisecond)
	otherErr := make(chan error, 1)
	go func() { _, err := sess.Auth.GetUser(bg, "u-1"); otherErr <- err }()
	cancel()
	require.ErrorIs(t, <-firstErr, context.Canceled)
	close(release)
	require.NoError(t, <-otherErr, "the other caller gets the refreshed token")
	assert.Equal(t, 1, api.count(opRefr))
}

// A renewal must not overwrite a login that landed while it was in flight.
func TestRenewalDoesNotOverwriteNewerLogin(t *testing.T) {
	t.Parallel()
	api := newTestAPI(t)
	inRefresh := make(chan struct{})
	release := make(chan struct{})
	api.route(opRefr, func(w http.ResponseWriter, r *http.Request) {
		close(inRefresh)
		<-release
		api.refresh(w, r)
	})
	store := NewMemoryStore()
	require.NoError(t, store.Save(bg, api.mint(anonClaims("anon-1"), 5*time.Second, time.Hour)))
	sess := api.client().NewSession(store)

	done := make(chan error, 1)
	go func() { _, err := sess.AccessToken(bg); done <- err }()
	<-inRefresh
	login := api.mint(userClaims("u-1"), time.Hour, time.Hour)
	require.NoError(t, sess.SetTokens(bg, login))
	close(release)
	require.NoError(t, <-done)
	got, _ := store.Load(bg)
	assert.Equal(t, login, got, "the login stays")
}
