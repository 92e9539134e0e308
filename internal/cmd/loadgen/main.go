// Command loadgen puts a bounded load on a Storefront API (in practice the
// fake one, `storefront serve`) from its own process: a fixed number of
// requests by a fixed number of workers, within a time limit. It prints one
// line in Go benchmark format, so benchstat can read it next to the
// package benchmarks:
//
//	BenchmarkFakeServer/get-anonymous-token/c=16  20000  49875 ns/op  20050 req/s  640 p50-µs  2100 p99-µs  0 errors
//
// Usage:
//
//	loadgen -base-url URL -api-key KEY -op anonymous|get-user|update-cart [-n 20000] [-c 16] [-timeout 60s]
//
// update-cart: each worker is a visitor with a cart of one item, and sets
// the item's quantity (1 to 5, in turn) in every request; the fake server
// prices the cart afresh each time.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	baseURL, apiKey, op string
	n, c                int
	timeout             time.Duration
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	fs.StringVar(&cfg.baseURL, "base-url", "", "the API's base URL, e.g. http://127.0.0.1:8080/api/v1/store-test/storefront")
	fs.StringVar(&cfg.apiKey, "api-key", "", "the store's API key")
	fs.StringVar(&cfg.op, "op", "anonymous", "operation: anonymous (get-anonymous-token), get-user (get-user-detail) or update-cart")
	fs.IntVar(&cfg.n, "n", 20000, "requests in all")
	fs.IntVar(&cfg.c, "c", 16, "concurrent workers")
	fs.DurationVar(&cfg.timeout, "timeout", time.Minute, "stop after this long whatever is left")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if cfg.baseURL == "" || cfg.apiKey == "" || cfg.n < 1 || cfg.c < 1 || opIDs[cfg.op] == "" {
		fmt.Fprintln(stderr, "loadgen: -base-url, -api-key, -op anonymous|get-user|update-cart, -n ≥ 1 and -c ≥ 1 are required")
		return 2
	}
	res, err := load(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "loadgen:", err)
		return 1
	}
	opID := opIDs[cfg.op]
	fmt.Fprintf(stdout, "BenchmarkFakeServer/%s/c=%d\t%d\t%.0f ns/op\t%.0f req/s\t%d p50-µs\t%d p99-µs\t%d errors\n",
		opID, cfg.c, res.done, float64(res.elapsed.Nanoseconds())/float64(max(res.done, 1)),
		float64(res.done)/res.elapsed.Seconds(), res.p50.Microseconds(), res.p99.Microseconds(), res.errors)
	if res.errors > 0 {
		fmt.Fprintf(stderr, "loadgen: %d of %d requests failed; first: %v\n", res.errors, res.done, res.firstErr)
		return 1
	}
	return 0
}

// opIDs are the operations loadgen can load, by their -op name.
var opIDs = map[string]string{"anonymous": "get-anonymous-token", "get-user": "get-user-detail", "update-cart": "update-cart"}

type result struct {
	done, errors int
	elapsed      time.Duration
	p50, p99     time.Duration
	firstErr     error
}

// load runs the workers and gathers their latencies.
func load(cfg config) (*result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
	defer cancel()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = cfg.c*2, cfg.c*2
	hc := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()

	var next atomic.Int64
	var errCount atomic.Int64
	var firstErr error
	var errOnce sync.Once
	lat := make([][]time.Duration, cfg.c)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range cfg.c {
		wg.Go(func() {
			call := func() error { return anonymous(ctx, hc, cfg, nil) }
			if cfg.op != "anonymous" {
				// Each worker is one visitor: reading their own profile,
				// or changing their own cart.
				var s session
				err := anonymous(ctx, hc, cfg, &s)
				if err == nil && cfg.op == "update-cart" {
					err = createCart(ctx, hc, cfg, &s)
				}
				if err != nil {
					errCount.Add(1)
					errOnce.Do(func() { firstErr = err })
					return
				}
				call = func() error { return getUser(ctx, hc, cfg, s) }
				if cfg.op == "update-cart" {
					n := 0
					call = func() error { n++; return updateCart(ctx, hc, cfg, s, n%5+1) }
				}
			}
			for next.Add(1) <= int64(cfg.n) && ctx.Err() == nil {
				t0 := time.Now()
				if err := call(); err != nil {
					errCount.Add(1)
					errOnce.Do(func() { firstErr = err })
					continue
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no request succeeded: %v", firstErr)
	}
	slices.Sort(all)
	return &result{
		done: len(all) + int(errCount.Load()), errors: int(errCount.Load()), elapsed: elapsed,
		p50: all[len(all)/2], p99: all[len(all)*99/100], firstErr: firstErr,
	}, nil
}

type session struct{ token, userID, cartID string }

func anonymous(ctx context.Context, hc *http.Client, cfg config, out *session) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.baseURL+"/auth/anonymous", nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-Api-Key", cfg.apiKey)
	var env struct {
		Content struct {
			User        struct{ ID string } `json:"user"`
			AccessToken string              `json:"access_token"`
		} `json:"content"`
	}
	if err := do(hc, req, &env); err != nil {
		return err
	}
	if out != nil {
		out.token, out.userID = env.Content.AccessToken, env.Content.User.ID
	}
	return nil
}

func getUser(ctx context.Context, hc *http.Client, cfg config, s session) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.baseURL+"/auth/user/"+s.userID, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	var env struct {
		Content struct {
			User struct{ ID string } `json:"user"`
		} `json:"content"`
	}
	if err := do(hc, req, &env); err != nil {
		return err
	}
	if env.Content.User.ID != s.userID {
		return errors.New("get-user-detail answered another user")
	}
	return nil
}

// cartItem is the item of the load's carts: a product of the seeded
// catalog, in stock and without variants.
const cartItem = "masala-chai-blend"

func createCart(ctx context.Context, hc *http.Client, cfg config, s *session) error {
	body := `{"items":[{"product_id":"` + cartItem + `","variant_id":null,"quantity":1}]}`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.baseURL+"/carts", strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Content-Type", "application/json")
	var env struct {
		Content struct {
			Cart struct{ ID string } `json:"cart"`
		} `json:"content"`
	}
	if err := do(hc, req, &env); err != nil {
		return err
	}
	s.cartID = env.Content.Cart.ID
	return nil
}

func updateCart(ctx context.Context, hc *http.Client, cfg config, s session, qty int) error {
	body := fmt.Sprintf(`{"product_id":%q,"variant_id":null,"quantity":%d}`, cartItem, qty)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.baseURL+"/carts/"+s.cartID+"/items", strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Content-Type", "application/json")
	var env struct {
		Content struct {
			Cart struct {
				ID             string          `json:"id"`
				CartItemsCount json.RawMessage `json:"cart_items_count"`
			} `json:"cart"`
		} `json:"content"`
	}
	if err := do(hc, req, &env); err != nil {
		return err
	}
	if env.Content.Cart.ID != s.cartID || string(env.Content.Cart.CartItemsCount) != fmt.Sprint(qty) {
		return errors.New("update-cart answered another cart or quantity")
	}
	return nil
}

func do(hc *http.Client, req *http.Request, out any) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: status %d", req.Method, req.URL.Path, resp.StatusCode)
	}
	return json.NewDecoder(bytes.NewReader(body)).Decode(out)
}
