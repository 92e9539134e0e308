package web

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// BenchmarkCookieFormats seals and opens a logged-in pair of the fake
// API's in the compact form and, as the baseline, in the JSON form
// earlier versions wrote; cookie-bytes is the sealed value's length.
func BenchmarkCookieFormats(b *testing.B) {
	srv := storefronttest.NewServer()
	b.Cleanup(srv.Close)
	info, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", LastName: "Verma", Email: "asha@example.com", Password: "correct-horse"})
	require.NoError(b, err)
	a, r, err := srv.IssueTokens(info.ID)
	require.NoError(b, err)
	pair := storefront.Tokens{AccessToken: a, RefreshToken: r}
	c := testSessions(b)
	formats := []struct {
		name string
		seal func() string
	}{
		{"json", func() string { return sealJSON(b, c, pair) }},
		{"compact", func() string {
			v, err := c.seal(pair)
			require.NoError(b, err)
			return v
		}},
	}
	for _, f := range formats {
		b.Run("seal/"+f.name, func(b *testing.B) {
			var v string
			for b.Loop() {
				v = f.seal()
			}
			b.ReportMetric(float64(len(v)), "cookie-bytes")
		})
	}
	for _, f := range formats {
		v := f.seal()
		b.Run("open/"+f.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := c.unseal(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
