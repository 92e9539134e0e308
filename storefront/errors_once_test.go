package storefront_test

// Error messages say each thing once: one "storefront:" prefix, and no
// fact (a field error, a cause) repeated, whatever path produced them;
// errors.Is and errors.As still reach every sentinel and type.

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// saysEachThingOnce returns what is wrong with an error message: not one
// "storefront: " prefix at its start, a phrase of four words said twice,
// a field error of an *APIError said twice.
func saysEachThingOnce(msg string, err error) []string {
	var problems []string
	if n := strings.Count(msg, "storefront:"); n != 1 || !strings.HasPrefix(msg, "storefront: ") {
		problems = append(problems, `"storefront:" should start the message, once`)
	}
	words := strings.Fields(msg)
	seen := map[string]bool{}
	for i := 0; i+4 <= len(words); i++ {
		p := strings.Join(words[i:i+4], " ")
		if seen[p] {
			problems = append(problems, "said twice: "+p)
			break
		}
		seen[p] = true
	}
	var apiErr *storefront.APIError
	if errors.As(err, &apiErr) {
		for k, v := range apiErr.Fields {
			if v != "" && strings.Count(msg, v) > 1 {
				problems = append(problems, "field "+k+" said twice")
			}
		}
	}
	return problems
}

func assertOnce(t *testing.T, err error) {
	t.Helper()
	require.Error(t, err)
	for _, p := range saysEachThingOnce(err.Error(), err) {
		t.Errorf("%s:\n%s", p, err.Error())
	}
}

// TestErrorMessagesSayEachThingOnce walks the error paths: the API's
// refusals (field errors, a rejected refresh), the fake server's faults,
// transport failures (a refused redirect, a body too large, a timeout, a
// context ending while waiting to retry), token store failures, invalid
// arguments and the session's own refusals.
func TestErrorMessagesSayEachThingOnce(t *testing.T) {
	// Not parallel: each fault case checks that no goroutine it started is
	// left running (goleak), which other tests running beside it would fail.
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	ctx := context.Background()
	newClient := func(t *testing.T, opts ...storefront.Option) *storefront.Client {
		base := []storefront.Option{storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()),
			storefront.WithClock(srv.Now), storefront.WithRetryPolicy(faultRetryPolicy)}
		c, err := storefront.New(srv.StoreID(), append(base, opts...)...)
		require.NoError(t, err)
		t.Cleanup(c.CloseIdleConnections)
		return c
	}
	user, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Phone: "9876500001", Email: "asha@example.com", Password: "pw-asha-0001"})
	require.NoError(t, err)
	login := func(t *testing.T, c *storefront.Client) *storefront.Session {
		s := c.NewSession(nil)
		_, err := s.Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "pw-asha-0001"})
		require.NoError(t, err)
		return s
	}
	notDir := filepath.Join(t.TempDir(), "plain-file")
	require.NoError(t, os.WriteFile(notDir, nil, 0o600))

	cases := []struct {
		name string
		run  func(t *testing.T) error
		is   []error
		as   any // a pointer to the type errors.As must find
	}{
		{"field error echoed in the message", func(t *testing.T) error {
			_, err := newClient(t).NewSession(nil).Auth.RegisterWithPhone(ctx, storefront.RegisterWithPhoneParams{Phone: "9876500001", FirstName: "Twin"})
			return err
		}, []error{storefront.ErrBadRequest}, new(*storefront.APIError)},
		{"wrong password", func(t *testing.T) error {
			_, err := newClient(t).NewSession(nil).Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "nope-nope"})
			return err
		}, []error{storefront.ErrUnauthorized}, new(*storefront.APIError)},
		{"refresh rejected: session expired", func(t *testing.T) error {
			sess := login(t, newClient(t))
			srv.InjectFault(storefronttest.OpRefreshToken, storefronttest.Fault{Status: 401, Times: 1})
			_, err := sess.Auth.RefreshToken(ctx)
			return err
		}, []error{storefront.ErrSessionExpired, storefront.ErrUnauthorized}, new(*storefront.APIError)},
		{"redirect to another host refused", func(t *testing.T) error {
			other := httptest.NewServer(http.NotFoundHandler())
			t.Cleanup(other.Close)
			front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
			}))
			t.Cleanup(front.Close)
			c, err := storefront.New("s1", storefront.WithAPIKey("k-0001"), storefront.WithBaseURL(front.URL), storefront.WithRetryPolicy(storefront.NoRetries))
			require.NoError(t, err)
			_, err = c.Auth.Anonymous(ctx)
			return err
		}, nil, nil},
		{"body too large", func(t *testing.T) error {
			_, err := newClient(t, storefront.WithMaxBodyBytes(64)).NewSession(nil).Auth.Anonymous(ctx)
			return err
		}, []error{storefront.ErrTooLarge}, nil},
		{"timeout", func(t *testing.T) error {
			srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Latency: time.Second, Times: 1})
			_, err := newClient(t, storefront.WithTimeout(50*time.Millisecond), storefront.WithRetryPolicy(storefront.NoRetries)).Auth.Anonymous(ctx)
			return err
		}, nil, nil},
		{"context ends while waiting to retry", func(t *testing.T) error {
			// Backoff is drawn from [0, 1 s]: twenty attempts outlast 200 ms.
			sess := login(t, newClient(t, storefront.WithRetryPolicy(storefront.RetryPolicy{MaxAttempts: 20, MinBackoff: time.Second, MaxBackoff: time.Second})))
			srv.InjectFault(storefronttest.OpGetUserDetail, storefronttest.Fault{Drop: true})
			cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
			defer cancel()
			_, err := sess.Auth.GetUser(cctx, user.ID)
			return err
		}, []error{context.DeadlineExceeded}, nil},
		{"HTML page from a proxy", func(t *testing.T) error {
			srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{HTML: true, Times: 1})
			_, err := newClient(t).Auth.Anonymous(ctx)
			return err
		}, []error{storefront.ErrServer, storefront.ErrMalformed}, new(*storefront.APIError)},
		{"truncated success", func(t *testing.T) error {
			srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Truncate: true, Times: 1})
			_, err := newClient(t).Auth.Anonymous(ctx)
			return err
		}, []error{storefront.ErrMalformed}, new(*storefront.MalformedResponseError)},
		{"token file is corrupt", func(t *testing.T) error {
			path := filepath.Join(t.TempDir(), "session.json")
			require.NoError(t, os.WriteFile(path, []byte("{not json"), 0o600))
			_, err := newClient(t).NewSession(storefront.NewFileStore(path)).Tokens(ctx)
			return err
		}, []error{storefront.ErrCorruptTokenFile}, nil},
		{"token file too large", func(t *testing.T) error {
			path := filepath.Join(t.TempDir(), "session.json")
			require.NoError(t, os.WriteFile(path, make([]byte, 2<<20), 0o600))
			_, err := newClient(t).NewSession(storefront.NewFileStore(path)).Tokens(ctx)
			return err
		}, []error{storefront.ErrCorruptTokenFile}, nil},
		{"token file unreadable", func(t *testing.T) error {
			_, err := newClient(t).NewSession(storefront.NewFileStore(filepath.Join(notDir, "session.json"))).Auth.Anonymous(ctx)
			return err
		}, nil, nil},
		{"token file cannot be saved", func(t *testing.T) error {
			sess := newClient(t).NewSession(storefront.NewFileStore(filepath.Join(notDir, "sub", "session.json")))
			return sess.SetTokens(ctx, storefront.Tokens{AccessToken: "a", RefreshToken: "r"})
		}, nil, nil},
		{"token file cannot be cleared", func(t *testing.T) error {
			dir := filepath.Join(t.TempDir(), "session.json")
			require.NoError(t, os.MkdirAll(filepath.Join(dir, "child"), 0o700))
			return newClient(t).NewSession(storefront.NewFileStore(dir)).Clear(ctx)
		}, nil, nil},
		{"invalid store ID", func(t *testing.T) error { _, err := storefront.New(" "); return err }, []error{storefront.ErrInvalidParam}, nil},
		{"invalid option", func(t *testing.T) error { _, err := storefront.New("s", storefront.WithAPIKey("")); return err }, []error{storefront.ErrInvalidParam}, nil},
		{"invalid retry policy", func(t *testing.T) error {
			_, err := storefront.New("s", storefront.WithRetryPolicy(storefront.RetryPolicy{MinBackoff: time.Second, MaxBackoff: time.Millisecond}))
			return err
		}, []error{storefront.ErrInvalidParam}, nil},
		{"invalid environment", func(t *testing.T) error { _, err := storefront.ParseEnvironment("moon"); return err }, []error{storefront.ErrInvalidParam}, nil},
		{"invalid parameters", func(t *testing.T) error {
			_, err := newClient(t).Auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Password: "x"})
			return err
		}, []error{storefront.ErrInvalidParam}, nil},
		{"no API key", func(t *testing.T) error {
			c, err := storefront.New("s", storefront.WithBaseURL(srv.BaseURL()))
			require.NoError(t, err)
			_, err = c.Auth.Anonymous(ctx)
			return err
		}, []error{storefront.ErrNoAPIKey}, nil},
		{"no session", func(t *testing.T) error {
			_, err := newClient(t).NewManualSession(storefront.Tokens{}).Auth.GetUser(ctx, user.ID)
			return err
		}, []error{storefront.ErrNoSession}, nil},
		{"no usable refresh token", func(t *testing.T) error {
			_, err := newClient(t).NewManualSession(storefront.Tokens{AccessToken: "x"}).Auth.RefreshToken(ctx)
			return err
		}, []error{storefront.ErrNoSession}, nil},
		{"logged in", func(t *testing.T) error {
			_, err := login(t, newClient(t)).Auth.Anonymous(ctx)
			return err
		}, []error{storefront.ErrLoggedIn}, nil},
		{"malformed token", func(t *testing.T) error {
			_, err := newClient(t).NewManualSession(storefront.Tokens{AccessToken: "not-a-jwt"}).Peek(ctx)
			return err
		}, []error{storefront.ErrMalformedToken}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Cleanup(srv.ClearFaults)
			err := c.run(t)
			assertOnce(t, err)
			for _, target := range c.is {
				assert.ErrorIs(t, err, target)
			}
			if c.as != nil {
				assert.ErrorAs(t, err, c.as)
			}
		})
	}

	// Every error of the operations and of the fault matrix, as the
	// secrets test collects them.
	obs := newObserver()
	t.Run("every operation", func(t *testing.T) { driveAllOperations(t, obs) })
	for _, c := range faultCases() {
		t.Run("fault/"+c.name, func(t *testing.T) { runFaultCase(t, c, obs) })
	}
	obs.mu.Lock()
	texts := append([]string(nil), obs.texts...)
	obs.mu.Unlock()
	n := 0
	for _, text := range texts {
		if !strings.Contains(text, "storefront:") {
			continue // a formatted value, not an error
		}
		n++
		for _, p := range saysEachThingOnce(text, nil) {
			t.Errorf("%s:\n%s", p, text)
		}
	}
	assert.Greater(t, n, 40, "error messages checked")
}
