package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func catalogEnv(t *testing.T) (*storefronttest.Server, map[string]string) {
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	return srv, map[string]string{"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.URL()}
}

func TestCatalogList(t *testing.T) {
	t.Parallel()
	srv, env := catalogEnv(t)
	r := runCLI(t, env, "", "catalog", "list", "--limit", "5")
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, lines, 6, r.stdout)
	assert.Contains(t, lines[5], "page 1 of")
	assert.Contains(t, lines[0], "INR")
	assert.Positive(t, srv.Calls(storefronttest.OpListProducts))
	assert.Zero(t, srv.Calls(storefronttest.OpGetAnonymousToken), "the catalog needs no session")

	// --all pages through every product, and --json prints one object per line.
	r = runCLI(t, env, "", "catalog", "list", "--limit", "4", "--all", "--json")
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	var n int
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var p productLine
		require.NoError(t, json.Unmarshal([]byte(l), &p), l)
		assert.NotEmpty(t, p.ID)
		assert.Positive(t, p.Price.Sign())
		n++
	}
	assert.Greater(t, n, 4, "more than one page")
}

func TestCatalogListByCategoryAndOrder(t *testing.T) {
	t.Parallel()
	_, env := catalogEnv(t)
	r := runCLI(t, env, "", "catalog", "list", "--sort", "pricing.selling_price:desc", "--json", "--limit", "50")
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	var prev *productLine
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var p productLine
		require.NoError(t, json.Unmarshal([]byte(l), &p))
		if prev != nil {
			assert.LessOrEqual(t, p.Price.Cmp(prev.Price), 0, "sorted by price, highest first")
		}
		prev = &p
	}
	r = runCLI(t, env, "", "catalog", "list", "--category", "no-such-category")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "HTTP 404")
	assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line")
}

func TestCatalogSearchAndShow(t *testing.T) {
	t.Parallel()
	_, env := catalogEnv(t)
	r := runCLI(t, env, "", "catalog", "search", "shirt", "--json")
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	first := strings.SplitN(strings.TrimSpace(r.stdout), "\n", 2)[0]
	var hit productLine
	require.NoError(t, json.Unmarshal([]byte(first), &hit), r.stdout)
	assert.Contains(t, strings.ToLower(hit.Name), "shirt")

	r = runCLI(t, env, "", "catalog", "show", hit.Slug)
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	assert.Contains(t, r.stdout, hit.Slug)
	assert.Contains(t, r.stdout, "INR")

	r = runCLI(t, env, "", "catalog", "show", "no-such-product")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "HTTP 404")
	assert.Contains(t, r.stderr, "no-such-product")

	r = runCLI(t, env, "", "catalog", "search", "shirt", "--filter", "price >")
	assert.Equal(t, 1, r.code, "a bad filter is the API's 400")
	assert.Contains(t, r.stderr, "HTTP 400")
}

func TestCatalogUsage(t *testing.T) {
	t.Parallel()
	_, env := catalogEnv(t)
	for _, args := range [][]string{{"catalog"}, {"catalog", "nope"}, {"catalog", "search"}, {"catalog", "show"}, {"catalog", "list", "--page", "0"}} {
		r := runCLI(t, env, "", args...)
		assert.Equal(t, 2, r.code, "%v: %s", args, r.stderr)
	}
	r := runCLI(t, map[string]string{"CE_STORE_ID": "s"}, "", "catalog", "list")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "CE_API_KEY")
	r = runCLI(t, env, "", "catalog", "--help")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "--json (one JSON object per line)")
}
