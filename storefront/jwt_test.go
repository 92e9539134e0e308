package storefront

import (
	"encoding/base64"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseClaims(t *testing.T) {
	t.Parallel()
	tok := makeJWT(claimsMap{
		"ulid": "01JDB1Y8", "email": "asha@example.com", "phone": "9876543210", "username": "asha",
		"first_name": "Asha", "last_name": nil, "store_id": "s1", "is_logged_in": true, "is_anonymous": false,
		"customer_id": "c1", "customer_group_id": nil, "anonymous_id": "a1", "channel": map[string]any{"id": "web"},
		"exp": 1763900000, "iat": 1763899100.5,
	})
	c, err := ParseClaims(tok)
	require.NoError(t, err)
	assert.Equal(t, Claims{
		UserID: "01JDB1Y8", Email: "asha@example.com", Phone: "9876543210", Username: "asha",
		FirstName: "Asha", StoreID: "s1", IsLoggedIn: true, CustomerID: "c1", AnonymousID: "a1",
		Channel:   `{"id":"web"}`,
		ExpiresAt: time.Unix(1763900000, 0), IssuedAt: time.Unix(1763899100, 5e8),
	}, *c)

	now := time.Unix(1763899990, 0)
	assert.True(t, c.ExpiresWithin(now, 30*time.Second))
	assert.False(t, c.ExpiresWithin(now, 5*time.Second))
	assert.False(t, (&Claims{}).ExpiresWithin(now, time.Hour), "no exp never expires")
}

func TestParseClaimsRejects(t *testing.T) {
	t.Parallel()
	enc := base64.RawURLEncoding.EncodeToString
	for name, tok := range map[string]string{
		"empty":          "",
		"one segment":    "abc",
		"two segments":   "a.b",
		"four segments":  "a.b.c.d",
		"bad base64":     "a.!!!.c",
		"not JSON":       "a." + enc([]byte("hello")) + ".c",
		"JSON array":     "a." + enc([]byte("[1]")) + ".c",
		"exp not number": "a." + enc([]byte(`{"exp":"soon"}`)) + ".c",
	} {
		_, err := ParseClaims(tok)
		assert.ErrorIs(t, err, ErrMalformedToken, name)
	}
	// A claim of an unexpected type costs that claim only.
	c, err := ParseClaims("a." + enc([]byte(`{"ulid":5,"customer_id":{"id":"c"},"is_logged_in":"true","email":"a@b.co","exp":1900000000}`)) + ".c")
	require.NoError(t, err)
	assert.Equal(t, "5", c.UserID)
	assert.Equal(t, `{"id":"c"}`, c.CustomerID)
	assert.True(t, c.IsLoggedIn)
	assert.Equal(t, "a@b.co", c.Email)
	assert.Equal(t, int64(1900000000), c.ExpiresAt.Unix())

	// Padded base64 is accepted.
	c, err = ParseClaims("a." + base64.URLEncoding.EncodeToString([]byte(`{"ulid":"u"}`)) + ".c")
	require.NoError(t, err)
	assert.Equal(t, "u", c.UserID)
}

func TestParseClaimsRejectsImpossibleDates(t *testing.T) {
	t.Parallel()
	enc := base64.RawURLEncoding.EncodeToString
	for _, exp := range []string{"0", "-1", "-62135596800", "1e16", "9223372036854775807", "-0.5"} {
		_, err := ParseClaims("a." + enc([]byte(`{"exp":`+exp+`}`)) + ".c")
		assert.ErrorIs(t, err, ErrMalformedToken, "exp %s", exp)
	}
}
