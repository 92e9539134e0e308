package storefront

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
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

// Rule: after a 401 on a token-bearing call, refresh once and retry once.
func TestSession401RefreshesAndRetriesOnce(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

// Rule: anonymous is refused while a live logged-in session exists.
func TestSessionAnonymousRefusedWhileLoggedIn(t *testing.T) {
	t.Parallel()
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

// Rule: manual mode never refreshes or bootstraps.
func TestManualSession(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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

func TestDeleteOwnUserClearsSession(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

func (failingStore) Save(context.Context, Tokens) error { return errDisk }

func (failingStore) Clear(context.Context) error { return errDisk }
