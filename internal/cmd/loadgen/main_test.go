package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func TestLoadgenCountsAndReports(t *testing.T) {
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	for _, op := range []string{"anonymous", "get-user", "update-cart"} {
		var out, errb bytes.Buffer
		code := run([]string{"-base-url", srv.BaseURL(), "-api-key", srv.APIKey(), "-op", op, "-n", "300", "-c", "4"}, &out, &errb)
		require.Equal(t, 0, code, errb.String())
		f := strings.Fields(out.String())
		require.GreaterOrEqual(t, len(f), 12, out.String())
		assert.True(t, strings.HasPrefix(f[0], "BenchmarkFakeServer/"))
		assert.Equal(t, "300", f[1], "exactly -n requests")
		assert.Equal(t, "0", f[len(f)-2], "no errors")
	}
	assert.Equal(t, 300+4+4, srv.Calls(storefronttest.OpGetAnonymousToken), "300 anonymous + one per get-user and update-cart worker")
	assert.Equal(t, 300, srv.Calls(storefronttest.OpGetUserDetail))
	assert.Equal(t, 4, srv.Calls(storefronttest.OpCreateCart), "a cart per update-cart worker")
	assert.Equal(t, 300, srv.Calls(storefronttest.OpUpdateCart))
}

func TestLoadgenFailsOnErrorsAndBadFlags(t *testing.T) {
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	var out, errb bytes.Buffer
	assert.Equal(t, 1, run([]string{"-base-url", srv.BaseURL(), "-api-key", "wrong", "-n", "10", "-c", "2"}, &out, &errb))
	assert.Contains(t, errb.String(), "status 401")
	assert.Equal(t, 2, run([]string{"-op", "nope"}, &out, &errb))

	start := time.Now()
	srv.InjectFault(storefronttest.OpGetAnonymousToken, storefronttest.Fault{Latency: time.Hour})
	code := run([]string{"-base-url", srv.BaseURL(), "-api-key", srv.APIKey(), "-n", "10", "-c", "2", "-timeout", "300ms"}, &out, &errb)
	assert.Equal(t, 1, code)
	assert.Less(t, time.Since(start), 5*time.Second, "the time limit holds")
}
