package storefront_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// catalogPage is a canned list-products answer of 100 products: the fake
// server's seeded products — real ones, with variants, attributes, prices,
// promotions and images — repeated with new IDs up to 100.
type catalogPage struct {
	srv  *httptest.Server
	body []byte
}

const pageSize = 100

func newCatalogPage(b testing.TB) *catalogPage {
	b.Helper()
	fake := storefronttest.NewServer()
	defer fake.Close()
	c, err := storefront.New(fake.StoreID(), storefront.WithAPIKey(fake.APIKey()), storefront.WithBaseURL(fake.BaseURL()))
	if err != nil {
		b.Fatal(err)
	}
	var seeded []gen.Product
	for p, err := range c.Public.Catalog.ListProductsAll(context.Background(), &storefront.ListProductsParams{Limit: new(pageSize)}) {
		if err != nil {
			b.Fatal(err)
		}
		seeded = append(seeded, p)
	}
	if len(seeded) == 0 {
		b.Fatal("the fake server has no products")
	}
	products := make([]gen.Product, pageSize)
	for i := range products {
		products[i] = seeded[i%len(seeded)]
		products[i].ID = fmt.Sprintf("%s-%03d", products[i].ID, i)
	}
	next := 2
	body, err := json.Marshal(map[string]any{"message": "Products retrieved successfully.", "success": true, "content": gen.ListProductsContent{
		Products:   products,
		Pagination: gen.Pagination{TotalRecords: 1000, TotalPages: 10, Limit: pageSize, NextPage: &next},
	}})
	if err != nil {
		b.Fatal(err)
	}
	p := &catalogPage{body: body}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", fmt.Sprint(len(p.body)))
		_, _ = w.Write(p.body)
	}))
	b.Cleanup(p.srv.Close)
	return p
}

func (p *catalogPage) client(b testing.TB) *storefront.Client {
	c, err := storefront.New("store-1", storefront.WithBaseURL(p.srv.URL), storefront.WithAPIKey("bench-key"),
		storefront.WithHTTPClient(&http.Client{Transport: benchTransport()}))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// productsEnvelope is what a hand-written client decodes.
type productsEnvelope struct {
	Message string                  `json:"message"`
	Success bool                    `json:"success"`
	Content gen.ListProductsContent `json:"content"`
}

// bareListProducts is the baseline: list-products with page and limit,
// written by hand with net/http and encoding/json, into the same gen types.
func bareListProducts(ctx context.Context, hc *http.Client, base, token string) (*gen.ListProductsContent, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/catalog/products?limit=100&page=1", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var env productsEnvelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return nil, err
	}
	return &env.Content, nil
}

// BenchmarkListProducts compares one list-products page of 100 products: a
// bare net/http call and the SDK, with a session's token.
func BenchmarkListProducts(b *testing.B) {
	p := newCatalogPage(b)
	ctx := context.Background()
	base := p.srv.URL + "/api/v1/store-1/storefront"
	b.Run("bare", func(b *testing.B) {
		hc := &http.Client{Transport: benchTransport(), Timeout: storefront.DefaultTimeout}
		b.ReportAllocs()
		b.SetBytes(int64(len(p.body)))
		for b.Loop() {
			out, err := bareListProducts(ctx, hc, base, benchAccess)
			if err != nil || len(out.Products) != pageSize {
				b.Fatal(err)
			}
		}
	})
	b.Run("sdk", func(b *testing.B) {
		sess := p.client(b).NewManualSession(storefront.Tokens{AccessToken: benchAccess, RefreshToken: benchRefresh})
		params := &storefront.ListProductsParams{Limit: new(pageSize), Page: new(1)}
		b.ReportAllocs()
		b.SetBytes(int64(len(p.body)))
		for b.Loop() {
			out, err := sess.Catalog.ListProducts(ctx, params)
			if err != nil || len(out.Products) != pageSize {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPairedCatalog times the SDK's and the bare call of
// BenchmarkListProducts alternately in one loop, as BenchmarkPaired does,
// and reports the ratio of their medians.
func BenchmarkPairedCatalog(b *testing.B) {
	p := newCatalogPage(b)
	ctx := context.Background()
	base := p.srv.URL + "/api/v1/store-1/storefront"
	hc := &http.Client{Transport: benchTransport(), Timeout: storefront.DefaultTimeout}
	sess := p.client(b).NewManualSession(storefront.Tokens{AccessToken: benchAccess, RefreshToken: benchRefresh})
	params := &storefront.ListProductsParams{Limit: new(pageSize), Page: new(1)}
	bare := func() {
		if _, err := bareListProducts(ctx, hc, base, benchAccess); err != nil {
			b.Fatal(err)
		}
	}
	sdk := func() {
		if _, err := sess.Catalog.ListProducts(ctx, params); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("ListProducts/sdk-vs-bare", func(b *testing.B) {
		var base, test []time.Duration
		flip := false
		for b.Loop() {
			if flip {
				test = append(test, timed(sdk))
				base = append(base, timed(bare))
			} else {
				base = append(base, timed(bare))
				test = append(test, timed(sdk))
			}
			flip = !flip
		}
		mb, mt := median(base), median(test)
		b.ReportMetric(float64(mb.Nanoseconds()), "bare-ns/call")
		b.ReportMetric(float64(mt.Nanoseconds()), "sdk-ns/call")
		b.ReportMetric(float64(mt)/float64(mb), "ratio")
	})
}

func timed(f func()) time.Duration {
	t0 := time.Now()
	f()
	return time.Since(t0)
}
