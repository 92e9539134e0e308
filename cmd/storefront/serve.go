package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// serveInfo is what serve prints once it listens.
type serveInfo struct {
	URL     string `json:"url"`
	BaseURL string `json:"base_url"`
	StoreID string `json:"store_id"`
	APIKey  string `json:"api_key,omitempty"` // absent when it came from the environment …
	// … which APIKeySource names then.
	APIKeySource string `json:"api_key_source,omitempty"`
}

func (c *cli) serve(ctx context.Context, args []string) error {
	fs := c.flagSet("serve", "serve [--addr 127.0.0.1:8080] [--api-key KEY] [--access-ttl 15m] [--refresh-ttl 720h] [--calls]")
	var o common
	o.register(fs.FlagSet)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	apiKey := fs.String("api-key", "", "the API key the server requires (env CE_API_KEY; default: a random one, printed)")
	storeID := fs.String("store-id", "", fmt.Sprintf("store ID shown in the printed base URL; any store ID works in the path (env CE_STORE_ID; default %q)", storefronttest.DefaultStoreID))
	var accessTTL, refreshTTL time.Duration
	durationVar(fs.FlagSet, &accessTTL, "access-ttl", storefronttest.DefaultAccessTTL, "lifetime of access tokens, e.g. 15m or 90s")
	durationVar(fs.FlagSet, &refreshTTL, "refresh-ttl", storefronttest.DefaultRefreshTTL, "lifetime of refresh tokens, e.g. 720h")
	calls := fs.Bool("calls", false, "when the server stops, print how many times each operation was called (refreshes included)")
	if err := fs.parse(args); err != nil {
		return err
	}
	// A key from the environment is most likely a real store's: the server
	// requires it but never prints it.
	keySource := ""
	if *apiKey == "" && c.getenv("CE_API_KEY") != "" {
		*apiKey, keySource = c.getenv("CE_API_KEY"), "CE_API_KEY"
	}
	*storeID = envOr(envOr(*storeID, c.getenv("CE_STORE_ID")), storefronttest.DefaultStoreID)
	if accessTTL <= 0 || refreshTTL <= 0 {
		return usagef("--access-ttl and --refresh-ttl must be positive, such as 15m or 720h")
	}
	if accessTTL <= storefront.DefaultRefreshMargin {
		// The SDK refreshes a token that expires within its refresh margin:
		// with tokens this short, every call of a client would refresh first.
		fmt.Fprintf(c.stderr, "storefront serve: warning: --access-ttl %s is not longer than the SDK's refresh margin (%s): "+
			"a client refreshes a token that expires within the margin, so every call it makes would refresh first\n",
			accessTTL, storefront.DefaultRefreshMargin)
	}

	// Under go run, stop with the go command: watched from before the
	// banner, so that a go command killed as soon as it appears is seen.
	ctx, stopWatching := stopWithParent(ctx)
	defer stopWatching()

	fake := storefronttest.New(
		storefronttest.WithAPIKey(*apiKey),
		storefronttest.WithStoreID(*storeID),
		storefronttest.WithAccessTTL(accessTTL),
		storefronttest.WithRefreshTTL(refreshTTL),
		storefronttest.WithLogger(c.logger(o)),
	)
	defer fake.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{Handler: fake.Handler(), ReadHeaderTimeout: 10 * time.Second}
	url := "http://" + ln.Addr().String()
	info := serveInfo{URL: url, BaseURL: url + "/api/v1/" + fake.StoreID() + "/storefront", StoreID: fake.StoreID(), APIKey: fake.APIKey()}
	shownKey := info.APIKey
	if keySource != "" {
		info.APIKey, info.APIKeySource = "", keySource
		shownKey = "the value of " + keySource
	}
	printer{c.stdout, o.json}.emit(fmt.Sprintf(
		"storefront fake server listening\n  base URL: %s\n  API key:  %s\n  (any store ID works in %s; Ctrl-C stops)",
		info.BaseURL, shownKey, api.BasePath), info)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Wake requests held by injected latency, then let the rest finish.
	fake.Close()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	if *calls {
		printCalls(printer{c.stdout, o.json}, fake.CallCounts())
	}
	if !o.json {
		fmt.Fprintln(c.stdout, "storefront fake server stopped")
	}
	return nil
}

// callsReport is what serve --calls prints when the server stops.
type callsReport struct {
	Calls map[string]int `json:"calls"` // per operation ID
	Total int            `json:"total"`
}

// printCalls prints the calls per operation, most called first.
func printCalls(p printer, counts map[string]int) {
	r := callsReport{Calls: counts}
	ops := make([]string, 0, len(counts))
	for op, n := range counts {
		ops = append(ops, op)
		r.Total += n
	}
	sort.Slice(ops, func(i, j int) bool {
		if counts[ops[i]] != counts[ops[j]] {
			return counts[ops[i]] > counts[ops[j]]
		}
		return ops[i] < ops[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "calls per operation (%d in all):", r.Total)
	for _, op := range ops {
		fmt.Fprintf(&b, "\n  %6d  %s", counts[op], op)
	}
	p.emit(b.String(), r)
}
