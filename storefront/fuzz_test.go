package storefront

// Fuzz targets for the three readers of bytes the SDK does not control: the
// claims of a JWT, an error answer of the API, and a token file on disk.
// `go test` runs their seeds (f.Add and testdata/fuzz/<Name>); `make fuzz`
// explores further.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParseClaims: ParseClaims never panics; what it accepts reads the
// same as a hand decoding of the payload and survives a re-encoding; what
// it refuses is ErrMalformedToken with a message that never quotes the
// token or a piece of it.
func FuzzParseClaims(f *testing.F) {
	enc := base64.RawURLEncoding.EncodeToString
	f.Add(makeJWT(claimsMap{
		"ulid": "01JDB1Y8ZK5Q4M3N2P1R0S9T8V", "email": "asha@example.com", "phone": "9876543210",
		"first_name": "Asha", "last_name": nil, "store_id": "store-1", "is_logged_in": true, "is_anonymous": false,
		"customer_id": "c-1", "anonymous_id": "a-1", "channel": map[string]any{"id": "web"},
		"exp": 1763900000, "iat": 1763899100.25,
	}))
	f.Add("")
	f.Add("opaque-session-token-0123456789abcdef")
	f.Add(makeJWT(claimsMap{"ulid": "u-1"}) + ".fourth-segment")
	f.Add("a.b")
	f.Add("a.b.c.d")
	f.Add("a.!!!.c")
	f.Add("a." + enc([]byte("null")) + ".")
	f.Add("a." + base64.URLEncoding.EncodeToString([]byte(`{"ulid":"padded"}`)) + ".c")
	f.Add("a." + enc([]byte(`{"ULID":"upper","ulid":"lower","Is_Logged_In":true,"channel":7}`)) + ".c")
	f.Add("a." + enc([]byte(`{"exp":"1700000000","iat":-1.5,"customer_id":null}`)) + ".c")
	f.Add("a." + enc([]byte(`{"exp":1e400}`)) + ".c")
	f.Add("a." + enc([]byte(`{"exp":1e15,"iat":99999999999999999999}`)) + ".c")
	f.Add("a." + enc([]byte(`{"exp":9223372036854775807,"iat":-9223372036854775808}`)) + ".c")
	f.Add("a." + enc([]byte(`{"exp":-9223372036854775808}`)) + ".c")
	f.Add("header-secret." + enc([]byte(`{"ulid":5,"email":"leak-me@example.com"}`)) + ".signature-secret")

	f.Fuzz(func(t *testing.T, token string) {
		c, err := ParseClaims(token)
		if err != nil {
			if c != nil {
				t.Fatalf("claims %+v returned with error %v", c, err)
			}
			if !errors.Is(err, ErrMalformedToken) {
				t.Fatalf("error %v is not ErrMalformedToken", err)
			}
			checkNoEcho(t, err.Error(), tokenPieces(token), claimsErrorVocabulary)
			return
		}
		want := claimsByHand(t, token)
		assertSameClaims(t, "hand decoding", want, *c)

		again, err := ParseClaims(encodeClaims(t, *c))
		if err != nil {
			t.Fatalf("re-encoded claims do not parse: %v", err)
		}
		assertSameClaims(t, "re-encoding", *c, *again)

		if exp := c.ExpiresAt; !exp.IsZero() {
			if !c.ExpiresWithin(exp, 0) || c.ExpiresWithin(exp.Add(-time.Second), 0) {
				t.Fatalf("ExpiresWithin disagrees with ExpiresAt %v", exp)
			}
			// Expired now, by the seconds the token holds?
			now := time.Unix(1763900000, 0)
			passed := exp.Unix() < now.Unix() || exp.Unix() == now.Unix() && exp.Nanosecond() == 0
			if c.ExpiresWithin(now, 0) != passed {
				t.Fatalf("exp %d (%v): ExpiresWithin(%v) = %v", exp.Unix(), exp, now, !passed)
			}
		}
	})
}

// claimsErrorVocabulary holds every message ParseClaims may return: an
// input that is a piece of one of them is not an echo.
var claimsErrorVocabulary = strings.Join([]string{
	"storefront: malformed token: not a JWT",
	"storefront: malformed token: payload is not base64url",
	"storefront: malformed token: payload is not a JSON object",
	"storefront: malformed token: exp is not a number",
	"storefront: malformed token: iat is not a number",
}, "\n")

// tokenPieces returns what an error about token must not quote: the token,
// its segments and its decoded payload.
func tokenPieces(token string) []string {
	pieces := append([]string{token}, strings.Split(token, ".")...)
	for _, seg := range strings.Split(token, ".") {
		if raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(seg, "=")); err == nil {
			pieces = append(pieces, string(raw))
		}
	}
	return pieces
}

// checkNoEcho fails when msg quotes one of pieces (8 bytes or longer, so
// that a coincidence with a short word does not count), unless the piece
// is part of the fixed vocabulary of messages.
func checkNoEcho(t *testing.T, msg string, pieces []string, vocabulary string) {
	t.Helper()
	for _, p := range pieces {
		if len(p) >= 8 && strings.Contains(msg, p) && !strings.Contains(vocabulary, p) {
			t.Fatalf("error %q quotes the input %q", msg, p)
		}
	}
}

// claimNames are the claims Claims reads, by their JSON names.
var claimNames = []string{
	"ulid", "email", "phone", "username", "first_name", "last_name", "store_id", "is_logged_in",
	"is_anonymous", "customer_id", "customer_group_id", "anonymous_id", "channel", "exp", "iat",
}

// claimsByHand decodes the payload of an accepted token without
// ParseClaims: the top-level keys in order, matched to claim names without
// regard to case as encoding/json does, the last one winning.
func claimsByHand(t *testing.T, token string) Claims {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("accepted a token of %d segments", len(parts))
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		t.Fatalf("accepted a payload that is not base64url: %v", err)
	}
	vals := map[string]json.RawMessage{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil {
		t.Fatalf("accepted a payload that is not JSON: %v", err)
	} else if tok == json.Delim('{') {
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			for _, name := range claimNames {
				if strings.EqualFold(k.(string), name) {
					vals[name] = v
				}
			}
		}
	} else if tok != nil {
		t.Fatalf("accepted a payload that is a JSON %v", tok)
	}

	isNull := func(v json.RawMessage) bool { return v == nil || string(v) == "null" }
	// Claims are read leniently, each on its own: a string is itself,
	// null is empty, anything else is its JSON text made valid UTF-8; a
	// flag is true only for true or "true".
	text := func(v json.RawMessage) string { return strings.ToValidUTF8(string(v), "\uFFFD") }
	str := func(name string) string {
		v := vals[name]
		if isNull(v) {
			return ""
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
		return text(v)
	}
	flag := func(name string) bool {
		v := string(vals[name])
		return v == "true" || v == `"true"`
	}
	date := func(name string) time.Time {
		v := vals[name]
		if isNull(v) {
			return time.Time{}
		}
		n := string(v)
		if v[0] == '"' {
			if err := json.Unmarshal(v, &n); err != nil {
				t.Fatal(err)
			}
		}
		if i, err := strconv.ParseInt(n, 10, 64); err == nil {
			return time.Unix(i, 0)
		}
		x, err := strconv.ParseFloat(n, 64)
		if err != nil || math.IsInf(x, 0) || math.Abs(x) > 1e15 {
			t.Fatalf("accepted %s = %s, which is not a sensible date", name, v)
		}
		sec, frac := math.Modf(x)
		return time.Unix(int64(sec), int64(frac*1e9))
	}
	channel := str
	if v := vals["channel"]; !isNull(v) && v[0] != '"' {
		channel = func(string) string { return text(v) } // kept as its JSON text
	}
	return Claims{
		UserID: str("ulid"), Email: str("email"), Phone: str("phone"), Username: str("username"),
		FirstName: str("first_name"), LastName: str("last_name"), StoreID: str("store_id"),
		IsLoggedIn: flag("is_logged_in"), IsAnonymous: flag("is_anonymous"),
		CustomerID: str("customer_id"), CustomerGroupID: str("customer_group_id"), AnonymousID: str("anonymous_id"),
		Channel: channel("channel"), ExpiresAt: date("exp"), IssuedAt: date("iat"),
	}
}

// encodeClaims writes c back into an unsigned JWT with the API's claim names.
func encodeClaims(t *testing.T, c Claims) string {
	t.Helper()
	p := map[string]any{
		"ulid": c.UserID, "email": c.Email, "phone": c.Phone, "username": c.Username,
		"first_name": c.FirstName, "last_name": c.LastName, "store_id": c.StoreID,
		"is_logged_in": c.IsLoggedIn, "is_anonymous": c.IsAnonymous, "customer_id": c.CustomerID,
		"customer_group_id": c.CustomerGroupID, "anonymous_id": c.AnonymousID, "channel": c.Channel,
	}
	seconds := func(tm time.Time) json.Number {
		if tm.Nanosecond() == 0 {
			return json.Number(strconv.FormatInt(tm.Unix(), 10))
		}
		return json.Number(strconv.FormatFloat(float64(tm.Unix())+float64(tm.Nanosecond())/1e9, 'f', -1, 64))
	}
	if !c.ExpiresAt.IsZero() {
		p["exp"] = seconds(c.ExpiresAt)
	}
	if !c.IssuedAt.IsZero() {
		p["iat"] = seconds(c.IssuedAt)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return "e30." + base64.RawURLEncoding.EncodeToString(b) + "."
}

// assertSameClaims compares claims, dates to within the precision a
// float64 of seconds keeps.
func assertSameClaims(t *testing.T, what string, want, got Claims) {
	t.Helper()
	near := func(a, b time.Time) bool {
		if a.IsZero() || b.IsZero() {
			return a.IsZero() == b.IsZero()
		}
		tolerance := time.Microsecond + time.Duration(math.Abs(float64(a.Unix()))*4e-16*1e9)
		return a.Sub(b).Abs() <= tolerance
	}
	if !near(want.ExpiresAt, got.ExpiresAt) || !near(want.IssuedAt, got.IssuedAt) {
		t.Fatalf("%s: dates differ: want exp %v iat %v, got exp %v iat %v", what, want.ExpiresAt, want.IssuedAt, got.ExpiresAt, got.IssuedAt)
	}
	want.ExpiresAt, want.IssuedAt, got.ExpiresAt, got.IssuedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if want != got {
		t.Fatalf("%s: claims differ:\nwant %+v\n got %+v", what, want, got)
	}
}

// FuzzAPIError: whatever a non-2xx (or a 2xx with "success": false)
// answer holds, building its error never panics, keeps the status, gives a
// Retry-After only where one counts, quotes at most a short valid-UTF-8
// sample of a body that is not the envelope, and never lets a JWT of the
// body into the error's text.
// fuzzSecrets stand for the credentials and passwords of the request a
// fuzzed answer replies to.
var fuzzSecrets = redactor{"sk_test_1a2b3c4d5e", "correct-horse-battery", "493817"}

func FuzzAPIError(f *testing.F) {
	f.Add(401, []byte(`{"message":"API key sk_test_1a2b3c4d5e is not valid","success":false,"code":"unauthorized"}`), "", "application/json")
	f.Add(400, []byte(`{"message":"bad","success":false,"code":"bad_request","errors":{"password":"correct-horse-battery is too common","otp":["493817 expired"]}}`), "", "application/json")
	f.Add(502, []byte(`<html>upstream said: password=correct-horse-battery</html>`), "", "text/html")
	jwt := makeJWT(claimsMap{"ulid": "u-1", "is_logged_in": true})
	f.Add(502, []byte("<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"), "", "text/html")
	f.Add(429, []byte(`{"message":"slow down","success":false,"code":"rate_limited"}`), "120", "application/json")
	f.Add(503, []byte(`{"message":"busy","success":false,"code":"busy"}`), "Wed, 21 Oct 2015 07:28:00 GMT", "application/json")
	f.Add(400, []byte(`{"message":"Invalid","success":false,"code":"validation_error","errors":{"phone":"10 digits","email":["taken","odd"],"age":{"min":18}}}`), "", "application/json")
	f.Add(401, []byte(`{"message":"token `+jwt+` has expired","success":false,"code":"unauthorized"}`), "", "application/json")
	f.Add(400, []byte(`{"message":"bad","success":false,"code":"invalid_token","errors":{"refresh_token":"`+jwt+` is not valid"}}`), "", "application/json")
	f.Add(200, []byte(`{"message":"`+jwt+`","success":false,"code":"weird"}`), "", "application/json")
	f.Add(500, []byte("<p>bad token "+jwt+"</p>"), "-1", "text/html; charset=utf-8")
	f.Add(502, append(bytes.Repeat([]byte(" "), 1000), jwt...), "", "text/html")
	f.Add(503, []byte(strings.Repeat("<div class=\"cf-error\">Service Temporarily Unavailable – réessayez plus tard</div>\n", 40)), "5", "text/html")
	f.Add(504, []byte("\xff\xfe caf\xc3\xa9 \xe2\x82"), "", "")
	f.Add(0, []byte(nil), "0", "")
	f.Add(-7, []byte(`{"code":null}`), "99999999999999999999", "application/problem+json")

	f.Fuzz(func(t *testing.T, status int, body []byte, retryAfter, contentType string) {
		h := http.Header{}
		if retryAfter != "" {
			h.Set("Retry-After", retryAfter)
		}
		if contentType != "" {
			h.Set("Content-Type", contentType)
		}
		e := newAPIError("get-user-detail", status, h, body, fuzzSecrets)
		if e.StatusCode != status || e.Operation != "get-user-detail" {
			t.Fatalf("status %d became %d, operation %q", status, e.StatusCode, e.Operation)
		}
		if e.RetryAfter < 0 || (e.RetryAfter != 0 && status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable) {
			t.Fatalf("status %d with Retry-After %q gave RetryAfter %v", status, retryAfter, e.RetryAfter)
		}
		if _, isEnvelope := decodeErrorEnvelope(body); isEnvelope == (e.Body != "") {
			t.Fatalf("envelope %v but Body %q", isEnvelope, e.Body)
		}
		checkSample(t, e.Body)
		for sentinel, holds := range map[error]bool{
			ErrBadRequest: status == 400, ErrUnauthorized: status == 401, ErrNotFound: status == 404,
			ErrRateLimited: status == 429, ErrServer: status >= 500, ErrMalformed: e.Body != "",
		} {
			if errors.Is(e, sentinel) != holds {
				t.Fatalf("errors.Is(%v, %v) = %v", e, sentinel, !holds)
			}
		}
		checkNoJWTFromBody(t, e.Error(), body)
		for _, secret := range fuzzSecrets {
			if strings.Contains(e.Error(), secret) {
				t.Fatalf("a secret the server echoed reached the error: %q", e.Error())
			}
		}

		// The whole decoding of an answer, 2xx included.
		c := &Client{apiKey: fuzzSecrets[0]}
		err := c.decode(opGetUserDetail, &exchange{status: status, header: h, body: body}, &userContent{},
			kept{c: c, r: &request{op: opGetUserDetail, secrets: fuzzSecrets[1:]}})
		if err == nil {
			if status < 200 || status > 299 {
				t.Fatalf("status %d decoded without an error", status)
			}
			return
		}
		var me *MalformedResponseError
		if errors.As(err, &me) {
			checkSample(t, me.Body)
		}
		msg := err.Error()
		if contentType != "" {
			msg = strings.ReplaceAll(msg, "(content type "+contentType+")", "") // a header, not the body
		}
		checkNoJWTFromBody(t, msg, body)
	})
}

// checkSample checks a body sample: valid UTF-8, about sampleLimit bytes at most.
func checkSample(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("sample %q is not valid UTF-8", s)
	}
	if len(s) > 300 {
		t.Fatalf("sample of %d bytes: %q", len(s), s)
	}
}

// checkNoJWTFromBody fails when msg holds a JWT-shaped string that is also
// in body. JWT-shaped: three base64url segments separated by dots, the
// first two at least 10 characters long (a JOSE header and a payload); the
// signature may be empty or cut. Every such string holds a shortest one —
// the last 10 characters of the header, the payload, and the dot after it —
// so only those are looked for.
func checkNoJWTFromBody(t *testing.T, msg string, body []byte) {
	t.Helper()
	for _, w := range jwtWitnesses(msg) {
		if bytes.Contains(body, []byte(w)) {
			t.Fatalf("the error quotes %q, a JWT from the body:\n%s", w, msg)
		}
	}
}

func isBase64URL(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// jwtWitnesses returns the shortest JWT-shaped substrings of s.
func jwtWitnesses(s string) []string {
	var out []string
	run := 0 // base64url characters just before i
	for i := 0; i < len(s); i++ {
		if s[i] != '.' || run < 10 {
			if isBase64URL(s[i]) {
				run++
			} else {
				run = 0
			}
			continue
		}
		j := i + 1
		for j < len(s) && isBase64URL(s[j]) {
			j++
		}
		if j-i-1 >= 10 && j < len(s) && s[j] == '.' {
			out = append(out, s[i-10:j+1])
		}
		run = 0
	}
	return out
}

// FuzzDecodeTokenFile: a token file of any content loads without a panic,
// as a pair that survives a save and a load, or as an error wrapping
// ErrCorruptTokenFile that quotes none of the content; FileStore.Load and
// decodeTokenFile agree.
func FuzzDecodeTokenFile(f *testing.F) {
	secret := makeJWT(claimsMap{"ulid": "u-1"})
	f.Add([]byte(`{"access_token":"a.b.c","refresh_token":"d.e.f"}`))
	f.Add([]byte(`{"access_token":"` + secret + `",`))
	f.Add([]byte(`{"access_token":7,"refresh_token":"` + secret + `"}`))
	f.Add([]byte(`{"ACCESS_TOKEN":"upper","access_token":"lower","extra":[1,2]}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`["` + secret + `"]`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Add([]byte("\x00\x01\x02"))
	f.Add([]byte(""))

	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		tok, err := decodeTokenFile(data)
		if err != nil {
			if !errors.Is(err, ErrCorruptTokenFile) {
				t.Fatalf("error %v does not wrap ErrCorruptTokenFile", err)
			}
			checkNoEcho(t, err.Error(), contentPieces(data), tokenFileErrorVocabulary)
		} else {
			b, merr := json.Marshal(tok)
			if merr != nil {
				t.Fatal(merr)
			}
			again, aerr := decodeTokenFile(b)
			if aerr != nil || again != tok {
				t.Fatalf("%v saved as %s loads as %v, %v", tok, b, again, aerr)
			}
		}

		path := filepath.Join(dir, "session.json")
		if werr := os.WriteFile(path, data, 0o600); werr != nil {
			t.Fatal(werr)
		}
		loaded, lerr := NewFileStore(path).Load(bg)
		if (lerr == nil) != (err == nil) || loaded != tok {
			t.Fatalf("FileStore.Load gave %v, %v; decodeTokenFile gave %v, %v", loaded, lerr, tok, err)
		}
		if lerr != nil {
			if !errors.Is(lerr, ErrCorruptTokenFile) {
				t.Fatalf("Load error %v does not wrap ErrCorruptTokenFile", lerr)
			}
			checkNoEcho(t, lerr.Error(), contentPieces(data), tokenFileErrorVocabulary)
		}
	})
}

// tokenFileErrorVocabulary holds the fixed text of every token-file error.
var tokenFileErrorVocabulary = strings.Join([]string{
	ErrCorruptTokenFile.Error() + ": invalid JSON at byte ",
	ErrCorruptTokenFile.Error() + `: field "access_token" has the wrong type`,
	ErrCorruptTokenFile.Error() + `: field "refresh_token" has the wrong type`,
	ErrCorruptTokenFile.Error() + `: field "" has the wrong type`,
}, "\n")

// contentPieces returns what an error about a token file must not quote:
// the content and every run of it that could be a token or a word.
func contentPieces(data []byte) []string {
	return append([]string{string(data)}, strings.FieldsFunc(string(data), func(r rune) bool {
		return strings.ContainsRune("\",:{}[] \t\r\n", r)
	})...)
}
