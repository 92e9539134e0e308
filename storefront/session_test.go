package storefront

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	opAnon    = "POST /auth/anonymous"
	opRefr    = "POST /auth/refresh-token"
	opGetUser = "GET /auth/user/u-1"
	opLogin   = "POST /auth/login/password"
	opLogoutK = "POST /auth/logout"
)

// Rule: the first call that needs a token and finds none creates an
// anonymous session once, shared by concurrent callers.
func TestSessionBootstrapsOnceForConcurrentCallers(t *testing.T) {
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

// Rule: after a 401 on a token-bearing call, refresh once and retry once.
func TestSession401RefreshesAndRetriesOnce(t *testing.T) {
	api := newTestAPI(t)
	store := NewMemoryStore()
	tok := api.mint(userClaims("u-1"), time.Hour, 30*24*time.Hour)
	require.NoError(t, store.Save(bg, tok))
	api.revoked[tok.AccessToken] = true // the server no longer takes it, though it has not expired
	sess := api.client().NewSession(store)

	u, err := sess.Auth.GetUser(bg, "u-1")
	require.NoError(t, err)
	assert.Equal(t, "u-1", u.ID)
	assert.Equal(t, 2, api.count(opGetUser), "the call was sent once more")
	assert.Equal(t, 1, api.count(opRefr))
	hs := api.headersOf(opGetUser)
	assert.NotEqual(t, hs[0].Get("Authorization"), hs[1].Get("Authorization"), "the retry carries the new token")
}

func TestSession401TwiceIsReturned(t *testing.T) {
	api := newTestAPI(t)
	api.route(opGetUser, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 401, map[string]any{"message": "no", "success": false, "code": "unauthorized"})
	})
	sess := api.client().NewSession(nil)
	_, err := sess.Auth.GetUser(bg, "u-1")
	require.ErrorIs(t, err, ErrUnauthorized)
	assert.Equal(t, 2, api.count(opGetUser), "one retry, not more")
	assert.Equal(t, 1, api.count(opRefr))
}

// Rule: calls that submit credentials are never resent after a 401.
func TestSession401OnCredentialCallIsTheAnswer(t *testing.T) {
	api := newTestAPI(t)
	sess := api.client().NewSession(nil)
	_, err := sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "wrong-password"})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 401, apiErr.StatusCode)
	assert.Equal(t, "Invalid credentials", apiErr.Message)
	assert.Equal(t, 1, api.count(opLogin), "a login is never sent twice")
	assert.Equal(t, 0, api.count(opRefr))
}

// Rule: every token-returning answer is saved; logout saves what the API returns.
func TestSessionSavesTokenReturningAnswers(t *testing.T) {
	api := newTestAPI(t)
	var changes []Tokens
	var mu sync.Mutex
	sess := api.client().NewSession(nil, OnTokensChanged(func(tk Tokens) {
		mu.Lock()
		changes = append(changes, tk)
		mu.Unlock()
	}))

	res, err := sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-password"})
	require.NoError(t, err)
	assert.True(t, res.User.IsLoggedIn)
	stored, _ := sess.Tokens(bg)
	assert.Equal(t, res.Tokens(), stored)
	in, err := sess.IsLoggedIn(bg)
	require.NoError(t, err)
	assert.True(t, in)

	out, err := sess.Auth.Logout(bg)
	require.NoError(t, err)
	assert.False(t, out.User.IsLoggedIn)
	stored, _ = sess.Tokens(bg)
	assert.Equal(t, out.Tokens(), stored, "logout saves the pair the API returns")
	in, _ = sess.IsLoggedIn(bg)
	assert.False(t, in)

	mu.Lock()
	defer mu.Unlock()
	// anonymous bootstrap (for the login's Bearer), login, logout
	require.Len(t, changes, 3)
	assert.Equal(t, res.Tokens(), changes[1])
	assert.Equal(t, out.Tokens(), changes[2])
}

// Rule: a refresh the API rejects clears the store and returns a typed error.
func TestSessionRejectedRefreshClearsStore(t *testing.T) {
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

// Rule: anonymous is refused while a live logged-in session exists.
func TestSessionAnonymousRefusedWhileLoggedIn(t *testing.T) {
	api := newTestAPI(t)
	store := NewMemoryStore()
	require.NoError(t, store.Save(bg, api.mint(userClaims("u-1"), time.Hour, time.Hour)))
	sess := api.client().NewSession(store)
	_, err := sess.Auth.Anonymous(bg)
	require.ErrorIs(t, err, ErrLoggedIn)
	assert.Equal(t, 0, api.count(opAnon), "no request")

	// Once the login can no longer be used or refreshed, anonymous is allowed.
	api.advance(2 * time.Hour)
	res, err := sess.Auth.Anonymous(bg)
	require.NoError(t, err)
	assert.Equal(t, "u-1", res.User.ID, "the old token keeps the visitor's identity")
	assert.True(t, res.User.IsAnonymous)
}

func TestSessionAnonymousRetriesWithoutRefusedOldToken(t *testing.T) {
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

// Rule: manual mode never refreshes or bootstraps.
func TestManualSession(t *testing.T) {
	api := newTestAPI(t)
	c := api.client()

	empty := c.NewManualSession(Tokens{})
	_, err := empty.Auth.GetUser(bg, "u-1")
	require.ErrorIs(t, err, ErrNoSession)

	expiring := api.mint(userClaims("u-1"), 5*time.Second, time.Hour)
	sess := c.NewManualSession(expiring)
	u, err := sess.Auth.GetUser(bg, "u-1")
	require.NoError(t, err, "an expiring token is used as it is")
	assert.Equal(t, "u-1", u.ID)
	assert.Equal(t, "Bearer "+expiring.AccessToken, api.headersOf(opGetUser)[0].Get("Authorization"))

	api.advance(time.Minute)
	_, err = sess.Auth.GetUser(bg, "u-1")
	require.ErrorIs(t, err, ErrUnauthorized, "the 401 is returned as it is")
	assert.Equal(t, 0, api.count(opRefr))
	assert.Equal(t, 0, api.count(opAnon))
	assert.True(t, sess.Manual())
	stored, _ := sess.Tokens(bg)
	assert.Equal(t, expiring, stored, "nothing was cleared")

	// The caller may refresh explicitly.
	nt, err := sess.Auth.RefreshToken(bg)
	require.NoError(t, err)
	assert.NotEqual(t, expiring.AccessToken, nt.AccessToken)
}

func TestPeekAndEnsure(t *testing.T) {
	api := newTestAPI(t)
	sess := api.client().NewSession(nil)
	_, err := sess.Peek(bg)
	require.ErrorIs(t, err, ErrNoSession)
	in, err := sess.IsLoggedIn(bg)
	require.NoError(t, err)
	assert.False(t, in)
	assert.Equal(t, 0, api.count(opAnon), "peeking never calls the API")

	c, err := sess.EnsureClaims(bg)
	require.NoError(t, err)
	assert.True(t, c.IsAnonymous)
	assert.Equal(t, 1, api.count(opAnon))

	res, err := sess.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Phone: "9876543210", Password: "correct-password"})
	require.NoError(t, err)
	c, err = sess.Peek(bg)
	require.NoError(t, err)
	assert.Equal(t, "u-1", c.UserID)
	assert.Equal(t, "cust-u-1", c.CustomerID)
	assert.True(t, c.IsLoggedIn)
	assert.WithinDuration(t, api.clock().Add(15*time.Minute), c.ExpiresAt, 2*time.Second)
	id, err := sess.UserID(bg)
	require.NoError(t, err)
	assert.Equal(t, res.User.ID, id)
}

// A renewal runs detached from the caller that started it: that caller
// giving up does not fail the others.
func TestCancelledCallerDoesNotFailSharedRefresh(t *testing.T) {
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

func TestDeleteOwnUserClearsSession(t *testing.T) {
	api := newTestAPI(t)
	api.route("DELETE /auth/user/u-1", api.withBearer(func(w http.ResponseWriter, r *http.Request, c claimsMap) {
		writeJSON(w, 200, map[string]any{"message": "deleted", "success": true})
	}))
	store := NewMemoryStore()
	require.NoError(t, store.Save(bg, api.mint(userClaims("u-1"), time.Hour, time.Hour)))
	sess := api.client().NewSession(store)
	require.NoError(t, sess.Auth.DeleteUser(bg, "u-1"))
	got, _ := store.Load(bg)
	assert.True(t, got.IsZero())
}

func TestClientAuthUsesDefaultSessionStore(t *testing.T) {
	api := newTestAPI(t)
	store := NewMemoryStore()
	c := api.client(WithTokenStore(store))
	_, err := c.Auth.LoginWithPassword(bg, LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-password"})
	require.NoError(t, err)
	got, _ := store.Load(bg)
	claims, err := ParseClaims(got.AccessToken)
	require.NoError(t, err)
	assert.True(t, claims.IsLoggedIn)
	assert.Same(t, c.Session().Auth, c.Auth)
}

func TestSessionStoreErrorsSurface(t *testing.T) {
	api := newTestAPI(t)
	sess := api.client().NewSession(failingStore{})
	_, err := sess.Auth.GetUser(bg, "u-1")
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "load tokens"), err.Error())
	assert.ErrorIs(t, err, errDisk)
}

var errDisk = errors.New("disk on fire")

type failingStore struct{}

func (failingStore) Load(context.Context) (Tokens, error) { return Tokens{}, errDisk }
func (failingStore) Save(context.Context, Tokens) error   { return errDisk }
func (failingStore) Clear(context.Context) error          { return errDisk }
