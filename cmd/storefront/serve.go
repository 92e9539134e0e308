package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// serveInfo is what serve prints once it listens.
type serveInfo struct {
	URL     string `json:"url"`
	BaseURL string `json:"base_url"`
	StoreID string `json:"store_id"`
	APIKey  string `json:"api_key"`
}

func (c *cli) serve(ctx context.Context, args []string) error {
	fs := c.flagSet("serve", "serve [--addr 127.0.0.1:8080] [--api-key KEY] [--access-ttl 15m] [--refresh-ttl 720h]")
	var o common
	o.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	apiKey := fs.String("api-key", c.getenv("CE_API_KEY"), "the API key the server requires (default: a random one, printed)")
	storeID := fs.String("store-id", envOr(c.getenv("CE_STORE_ID"), storefronttest.DefaultStoreID), "store ID shown in the printed base URL (any store ID works in the path)")
	accessTTL := fs.Duration("access-ttl", storefronttest.DefaultAccessTTL, "lifetime of access tokens")
	refreshTTL := fs.Duration("refresh-ttl", storefronttest.DefaultRefreshTTL, "lifetime of refresh tokens")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *accessTTL <= 0 || *refreshTTL <= 0 {
		return usagef("--access-ttl and --refresh-ttl must be positive")
	}

	fake := storefronttest.New(
		storefronttest.WithAPIKey(*apiKey),
		storefronttest.WithStoreID(*storeID),
		storefronttest.WithAccessTTL(*accessTTL),
		storefronttest.WithRefreshTTL(*refreshTTL),
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
	printer{c.stdout, o.json}.emit(fmt.Sprintf(
		"storefront fake server listening\n  base URL: %s\n  API key:  %s\n  (any store ID works in %s; Ctrl-C stops)",
		info.BaseURL, info.APIKey, api.BasePath), info)

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
	if !o.json {
		fmt.Fprintln(c.stdout, "storefront fake server stopped")
	}
	return nil
}
