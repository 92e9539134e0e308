package storefront_test

// A session's call path (session.go) against the fake server: what a 401
// to a call means, and when the call is sent once more.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// Rule 7: a logout whose answer was lost (the API logged out; the answer
// never arrived) does not block the next login: it starts a new anonymous
// session and logs in. A wrong password is still ErrUnauthorized, sent
// once.
func TestRule7LostLogoutDoesNotBlockTheNextLogin(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		next func(t *testing.T, e *shopperEnv, sess *storefront.Session) error
		op   string
	}{
		{"login with password", func(t *testing.T, e *shopperEnv, sess *storefront.Session) error {
			_, err := sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{Email: e.email, Password: e.pw})
			return err
		}, storefronttest.OpLoginWithPassword},
		{"OTP login and verification", func(t *testing.T, e *shopperEnv, sess *storefront.Session) error {
			ch, err := sess.Auth.LoginWithEmail(context.Background(), storefront.LoginWithEmailParams{Email: e.email, DebugMode: true})
			if err != nil {
				return err
			}
			_, err = sess.Auth.VerifyOTP(context.Background(), *ch, ch.OTP)
			return err
		}, storefronttest.OpLoginWithEmail},
		{"registration", func(t *testing.T, e *shopperEnv, sess *storefront.Session) error {
			_, err := sess.Auth.RegisterWithPhone(context.Background(), storefront.RegisterWithPhoneParams{Phone: "9876500077", FirstName: "Ravi"})
			return err
		}, storefronttest.OpRegisterWithPhone},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newShopperEnv(t)
			store := storeWith(t, e.pair)
			sess := e.client(t).NewSession(store)
			e.srv.InjectFault(storefronttest.OpLogout, storefronttest.Fault{Truncate: true, Times: 1})
			_, err := sess.Auth.Logout(context.Background())
			require.ErrorIs(t, err, storefront.ErrMalformed, "the answer was lost")
			assert.Equal(t, e.pair, loadOf(t, store), "the session does not know it ended")

			require.NoError(t, c.next(t, e, sess))
			in, err := sess.IsLoggedIn(context.Background())
			require.NoError(t, err)
			assert.True(t, in)
			assert.Equal(t, 2, e.srv.Calls(c.op), "sent once more on the new anonymous session")
			assert.Equal(t, 1, e.srv.Calls(storefronttest.OpGetAnonymousToken))
		})
	}

	t.Run("wrong password", func(t *testing.T) {
		e := newShopperEnv(t)
		store := storeWith(t, e.pair)
		sess := e.client(t).NewSession(store)
		_, err := sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{Email: e.email, Password: "wrong-password-1"})
		require.ErrorIs(t, err, storefront.ErrUnauthorized)
		assert.Equal(t, 1, e.srv.Calls(storefronttest.OpLoginWithPassword))
		assert.Zero(t, e.srv.Calls(storefronttest.OpRefreshToken))
		assert.Equal(t, e.pair, loadOf(t, store))

		// After the lost logout, a wrong password is still the answer, sent
		// once on the new anonymous session.
		e.srv.InjectFault(storefronttest.OpLogout, storefronttest.Fault{Truncate: true, Times: 1})
		_, _ = sess.Auth.Logout(context.Background())
		e.srv.ResetCalls()
		_, err = sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{Email: e.email, Password: "wrong-password-2"})
		require.ErrorIs(t, err, storefront.ErrUnauthorized)
		var apiErr *storefront.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, storefronttest.CodeInvalidCredentials, apiErr.Code)
		assert.Equal(t, 2, e.srv.Calls(storefronttest.OpLoginWithPassword), "the ended session's 401, then the password's")
	})
}

// A logout whose answer was lost, against both behaviours of the API:
// logout revoking the whole pair, and logout revoking only the access
// token (the refresh token stays alive, so a refresh works). Either way the
// next login succeeds, sent once more after the session is renewed; a
// wrong password keeps its own code and is never sent again after the
// answer about it.
func TestLostLogoutWhateverTheAPIRevokes(t *testing.T) {
	t.Parallel()
	for _, server := range []struct {
		name string
		opts []storefronttest.Option
	}{
		{"logout revokes the whole pair", nil},
		{"logout revokes only the access token", []storefronttest.Option{storefronttest.WithLogoutRevokingAccessOnly()}},
	} {
		t.Run(server.name, func(t *testing.T) {
			loseLogout := func(t *testing.T, e *shopperEnv, sess *storefront.Session) {
				t.Helper()
				e.srv.InjectFault(storefronttest.OpLogout, storefronttest.Fault{Truncate: true, Times: 1})
				_, err := sess.Auth.Logout(context.Background())
				require.ErrorIs(t, err, storefront.ErrMalformed, "the answer was lost")
				e.srv.ResetCalls()
			}

			t.Run("login", func(t *testing.T) {
				e := newShopperEnv(t, server.opts...)
				store := storeWith(t, e.pair)
				sess := e.client(t).NewSession(store)
				loseLogout(t, e, sess)

				res, err := sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{Email: e.email, Password: e.pw})
				require.NoError(t, err)
				assert.Equal(t, e.userID, res.User.ID)
				in, err := sess.IsLoggedIn(context.Background())
				require.NoError(t, err)
				assert.True(t, in)
				assert.Equal(t, 2, e.srv.Calls(storefronttest.OpLoginWithPassword), "refused for its bearer, then sent once more")
				assert.Equal(t, 1, e.srv.Calls(storefronttest.OpRefreshToken))
				assert.NotEqual(t, e.pair, loadOf(t, store))
			})

			t.Run("wrong password", func(t *testing.T) {
				e := newShopperEnv(t, server.opts...)
				sess := e.client(t).NewSession(storeWith(t, e.pair))
				loseLogout(t, e, sess)

				_, err := sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{Email: e.email, Password: "wrong-password-3"})
				require.ErrorIs(t, err, storefront.ErrUnauthorized)
				var apiErr *storefront.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, storefronttest.CodeInvalidCredentials, apiErr.Code, "the password's own answer")
				assert.Equal(t, 2, e.srv.Calls(storefronttest.OpLoginWithPassword), "refused for its bearer, then answered about the password, and not sent again")

				// On a live session a wrong password is sent once.
				e.srv.ResetCalls()
				_, err = sess.Auth.LoginWithPassword(context.Background(), storefront.LoginWithPasswordParams{Email: e.email, Password: "wrong-password-4"})
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, storefronttest.CodeInvalidCredentials, apiErr.Code)
				assert.Equal(t, 1, e.srv.Calls(storefronttest.OpLoginWithPassword))
				assert.Zero(t, e.srv.Calls(storefronttest.OpRefreshToken))
			})
		})
	}
}
