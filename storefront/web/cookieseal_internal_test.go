package web

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/storefront"
)

func testSessions(t testing.TB) *CookieSessions {
	t.Helper()
	key := make([]byte, 32)
	_, err := rand.Read(key)
	require.NoError(t, err)
	s, err := NewCookieSessions(CookieConfig{Keys: [][]byte{key}})
	require.NoError(t, err)
	return s
}

// jwt returns a token of three base64url parts.
func jwt(header, payload, sig string) string {
	e := base64.RawURLEncoding.EncodeToString
	return e([]byte(header)) + "." + e([]byte(payload)) + "." + e([]byte(sig))
}

// sealJSON seals t as cookies were sealed before the compact form: the
// creation time, then the pair's JSON.
func sealJSON(t testing.TB, c *CookieSessions, pair storefront.Tokens) string {
	t.Helper()
	j, err := json.Marshal(pair)
	require.NoError(t, err)
	plain := binary.BigEndian.AppendUint64(nil, uint64(c.now().Unix()))
	plain = append(plain, j...)
	k := c.keys[0]
	out := make([]byte, cookieKeyID+k.aead.NonceSize())
	copy(out, k.id[:])
	_, err = rand.Read(out[cookieKeyID:])
	require.NoError(t, err)
	out = k.aead.Seal(out, out[cookieKeyID:], plain, []byte(c.cookie.Name))
	return base64.RawURLEncoding.EncodeToString(out)
}

// Every token comes back byte for byte, in the compact form when it is a
// JWT of canonical base64url, as text otherwise.
func TestCompactPairRoundTrip(t *testing.T) {
	t.Parallel()
	c := testSessions(t)
	canonical := jwt(`{"alg":"HS256"}`, `{"ulid":"01J","first_name":"Åsa"}`, "\x00\xffsig")
	cases := map[string]storefront.Tokens{
		"JWTs":              {AccessToken: canonical, RefreshToken: jwt("{}", `{"x":1}`, "s")},
		"no refresh token":  {AccessToken: canonical},
		"no access token":   {RefreshToken: canonical},
		"padded base64":     {AccessToken: canonical + "=", RefreshToken: "a.b=.c"},
		"non-canonical":     {AccessToken: "eyJ.eyK.abd", RefreshToken: "QR.QR.QR"}, // trailing bits set
		"not a JWT":         {AccessToken: "opaque-token", RefreshToken: "a.b"},
		"four parts":        {AccessToken: canonical + ".x", RefreshToken: "..."},
		"line breaks":       {AccessToken: "ab\ncd.ef.gh", RefreshToken: "abcd.ef\r.gh"},
		"standard base64":   {AccessToken: "a+/b.c+d/.ef", RefreshToken: "é.ü.ß"},
		"long random names": {AccessToken: jwt("{}", strings.Repeat("xq", 2000), "s"), RefreshToken: canonical},
	}
	for name, pair := range cases {
		t.Run(name, func(t *testing.T) {
			v, err := c.seal(pair)
			require.NoError(t, err)
			got, err := c.unseal(v)
			require.NoError(t, err)
			assert.Equal(t, pair, got)
		})
	}
}

// A pair as a JWT takes far less room compact than as JSON.
func TestCompactPairIsSmaller(t *testing.T) {
	t.Parallel()
	c := testSessions(t)
	payload := `{"ulid":"01M98SDB3R50R7T3BV4N7NATXG","email":"asha@example.com","first_name":"Asha","store_id":"store-test","is_logged_in":true,"channel":{"id":"storefronttest"},"iat":1796665158,"exp":1796666058}`
	pair := storefront.Tokens{AccessToken: jwt(`{"alg":"HS256","typ":"JWT"}`, payload, strings.Repeat("\x5a", 32)),
		RefreshToken: jwt(`{"alg":"HS256","typ":"JWT"}`, strings.Replace(payload, "1796666058", "1799257158", 1), strings.Repeat("\xa5", 32))}
	compact, err := c.seal(pair)
	require.NoError(t, err)
	asJSON := sealJSON(t, c, pair)
	assert.Less(t, len(compact), len(asJSON)*3/5, "compact %d bytes, JSON %d", len(compact), len(asJSON))
}

// Cookies sealed as JSON, before the compact form, still open.
func TestCookiesSealedAsJSONStillOpen(t *testing.T) {
	t.Parallel()
	c := testSessions(t)
	pair := storefront.Tokens{AccessToken: jwt("{}", `{"ulid":"01J"}`, "s"), RefreshToken: "r.r.r"}
	got, err := c.unseal(sealJSON(t, c, pair))
	require.NoError(t, err)
	assert.Equal(t, pair, got)

	old := sealJSON(t, c, pair)
	c.now = func() time.Time { return time.Now().Add(DefaultCookieMaxAge + time.Hour) }
	_, err = c.unseal(old)
	assert.ErrorIs(t, err, errBadCookie, "past MaxAge")
}

// A sealed body that is not a pair does not open.
func TestMalformedCompactBodiesDoNotOpen(t *testing.T) {
	t.Parallel()
	for name, body := range map[string][]byte{
		"unknown form":    {7, 1, 2},
		"not deflate":     {formatCompact, 0xff, 0xff, 0xff},
		"JSON not a pair": []byte(`{"access_token":1}`),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := decodePair(body)
			assert.ErrorIs(t, err, errBadCookie)
		})
	}
	for name, body := range map[string][]byte{
		"empty":          nil,
		"short length":   {tokenText, 5, 'a'},
		"unknown kind":   {9, 0},
		"two parts only": {tokenJWT, 1, 'a', 1, 'b'},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, ok := readToken(body)
			assert.False(t, ok)
		})
	}
}

func FuzzCompactPair(f *testing.F) {
	f.Add(jwt("{}", `{"a":1}`, "s"), "r.r.r")
	f.Add("", "x")
	f.Add("a.b.c", "..")
	c := testSessions(f)
	f.Fuzz(func(t *testing.T, access, refresh string) {
		pair := storefront.Tokens{AccessToken: access, RefreshToken: refresh}
		v, err := c.seal(pair)
		require.NoError(t, err)
		got, err := c.unseal(v)
		require.NoError(t, err)
		require.Equal(t, pair, got)
	})
}
