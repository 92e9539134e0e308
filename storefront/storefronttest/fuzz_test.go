package storefronttest_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// The fuzz server is deterministic so that the seed corpus in
// testdata/fuzz/FuzzHandler can hold tokens it accepts: a fixed key, a
// frozen clock and a known user.
const (
	fuzzAPIKey = "ce_test_fuzz"
	fuzzUserID = "01JDB1Y8ZK5Q4M3N2P1R0S9T8V"
)

var (
	fuzzSigningKey = []byte("storefronttest fuzz signing key!")
	fuzzStart      = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
)

func newFuzzServer(tb testing.TB) *storefronttest.Server {
	srv := storefronttest.New(storefronttest.WithAPIKey(fuzzAPIKey), storefronttest.WithSigningKey(fuzzSigningKey),
		storefronttest.WithStartTime(fuzzStart), storefronttest.WithFrozenClock())
	if _, err := srv.CreateUser(storefronttest.UserParams{ID: fuzzUserID, FirstName: "Asha", Phone: "9876543210",
		Email: "asha@example.com", Password: "correct-horse"}); err != nil {
		tb.Fatal(err)
	}
	return srv
}

// FuzzHandler feeds arbitrary requests to the handler and checks that it
// always answers: never a panic or a 500, always a body, errors always the
// API's envelope, and, for a request routed to an operation, an answer the
// spec declares for it.
func FuzzHandler(f *testing.F) {
	srv := newFuzzServer(f)
	access, refresh, err := srv.IssueTokens(fuzzUserID)
	if err != nil {
		f.Fatal(err)
	}
	base := srv.BaseURL()
	ctJSON := "Content-Type: application/json\n"
	f.Add("POST", base+"/auth/anonymous", "X-Api-Key: "+fuzzAPIKey+"\n", []byte(nil))
	f.Add("POST", base+"/auth/anonymous", "X-Api-Key: wrong\nAuthorization: Bearer "+access+"\n", []byte(nil))
	f.Add("POST", base+"/auth/login/password", ctJSON+"Authorization: Bearer "+access+"\n", []byte(`{"phone":"9876543210","password":"correct-horse"}`))
	f.Add("POST", base+"/auth/login/email", ctJSON+"x-debug-mode: true\nAuthorization: Bearer "+access+"\n", []byte(`{"email":"asha@example.com"}`))
	f.Add("POST", base+"/auth/refresh-token", ctJSON, []byte(`{"refresh_token":"`+refresh+`"}`))
	f.Add("GET", base+"/auth/user/"+fuzzUserID, "Authorization: Bearer "+access+"\n", []byte(nil))
	f.Add("PUT", base+"/auth/user/"+fuzzUserID, ctJSON+"Authorization: Bearer "+access+"\n", []byte(`{"first_name":"A","email":null}`))
	f.Add("POST", base+"/auth/verify-otp", ctJSON+"Authorization: Bearer "+access+"\n", []byte(`{"otp":"1","otp_token":"x","otp_action":"login"}`))
	key := "X-Api-Key: " + fuzzAPIKey + "\n"
	bearer := "Authorization: Bearer " + access + "\n"
	f.Add("GET", base+"/catalog/products?limit=5&sort_by=%7B%22name%22%3A%22asc%22%7D&category_slug=audio", key, []byte(nil))
	f.Add("GET", base+"/catalog/categories?parent_category_slug=electronics&nested_level=2", key, []byte(nil))
	f.Add("GET", base+"/catalog/skus?sku=MASALA-CHAI-BLEND&inventory=true", bearer, []byte(nil))
	f.Add("POST", base+"/catalog/products/search", ctJSON+key, []byte(`{"query":"tea","page":1,"limit":5,"facets":["*"],"filter":"pricing.selling_price 100 TO 500 AND (tags = organic OR NOT product_type = bundle)"}`))
	f.Add("GET", base+"/catalog/products/aurora-wireless-headphones/reviews?review_tag=comfort", key, []byte(nil))
	f.Add("GET", base+"/catalog/marketplace/products/similar?product_id=idukki-green-cardamom", bearer, []byte(nil))
	f.Add("GET", base+"/common/countries/IN/pincodes?pincode=56&limit=3", key, []byte(nil))
	f.Add("POST", base+"/fulfillment/serviceability", ctJSON+bearer, []byte(`{"delivery_pincode":"560001","items":[{"product_id":"cast-iron-teapot","variant_id":null}]}`))
	f.Add("POST", base+"/analytics/track", ctJSON+bearer, []byte(`{"event":"x","type":"track","userId":"`+fuzzUserID+`","channel":"website","context":{"ip":"1.2.3.4","userAgent":"u"},"properties":{},"messageId":"m","timestamp":"2025-01-01T00:00:00Z","sentAt":"2025-01-01T00:00:00Z"}`))
	f.Add("DELETE", "/api/v1/%2e%2e/storefront/auth/user/x", "", []byte(nil))
	f.Add("BREW", "/", "", []byte("{"))

	h := srv.Handler()
	f.Fuzz(func(t *testing.T, method, target, headers string, body []byte) {
		req, err := http.NewRequest(method, target, bytes.NewReader(body))
		if err != nil {
			return // not a request a server could receive
		}
		for _, line := range strings.Split(headers, "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && k != "" {
				req.Header.Add(strings.TrimSpace(k), strings.TrimSpace(v))
			}
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)

		resp := rec.Result()
		data := rec.Body.Bytes()
		if rec.Code < 200 || rec.Code > 599 || rec.Code == http.StatusInternalServerError {
			t.Fatalf("%s %q answered %d: %s", method, target, rec.Code, data)
		}
		if len(data) == 0 {
			t.Fatalf("%s %q answered %d without a body", method, target, rec.Code)
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("%s %q answered %d with Content-Type %q", method, target, rec.Code, resp.Header.Get("Content-Type"))
		}
		if rec.Code >= 300 {
			checkEnvelope(t, data)
		}
		if p := req.URL.Path; p != "" && path.Clean(p) == p {
			resp.Request = req
			if err := api.ValidateResponse(req, resp); err != nil && !api.IsRouteError(err) {
				t.Fatalf("%s %q: the answer breaks the spec: %v\n%s", method, target, err, data)
			}
		}
	})
}

func checkEnvelope(t *testing.T, data []byte) {
	t.Helper()
	var env map[string]json.RawMessage
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatalf("an error answer is not JSON: %s", data)
	}
	var msg, code string
	var success bool
	if json.Unmarshal(env["message"], &msg) != nil || json.Unmarshal(env["code"], &code) != nil ||
		json.Unmarshal(env["success"], &success) != nil || success || code == "" {
		t.Fatalf("an error answer is not the envelope: %s", data)
	}
	if raw, ok := env["errors"]; ok {
		var fields map[string]any
		if json.Unmarshal(raw, &fields) != nil {
			t.Fatalf("errors is not an object: %s", data)
		}
	}
}
