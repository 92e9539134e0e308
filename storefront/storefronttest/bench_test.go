package storefronttest_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// The benchmarks call the handler in process, so they measure the server
// (validation, credentials, tokens) rather than the loopback network.

func BenchmarkAnonymous(b *testing.B) {
	srv := storefronttest.New()
	h := srv.Handler()
	url := srv.BaseURL() + "/auth/anonymous"
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodPost, url, nil)
			req.Header.Set("X-Api-Key", srv.APIKey())
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
	})
	b.ReportMetric(float64(srv.Stats().Sessions), "sessions")
}

func BenchmarkGetUserDetail(b *testing.B) {
	srv := storefronttest.New()
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Phone: "9876543210"})
	if err != nil {
		b.Fatal(err)
	}
	access, _, err := srv.IssueTokens(info.ID)
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	url := srv.BaseURL() + "/auth/user/" + info.ID
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodGet, url, nil)
			req.Header.Set("Authorization", "Bearer "+access)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
	})
}
