package web

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A cookie name or attribute that net/http would refuse to write (it
// writes an empty Set-Cookie instead) is refused when the sessions are
// built, not discovered as sessions that never stick.
func TestCookieOptionsNetHTTPCannotWriteAreRefused(t *testing.T) {
	for _, o := range []CookieOptions{
		{Name: "ce/session"},
		{Name: "ce:session"},
		{Name: "cé"},
		{Path: "/shop\x7f"},
		{Domain: "shop example.com"},
	} {
		_, err := o.withDefaults()
		assert.Error(t, err, "%+v", o)
		_, err = NewServerSessions(ServerConfig{Tokens: NewMemoryTokens(time.Hour).Store, Cookie: o})
		assert.Error(t, err, "%+v", o)
	}
	ok, err := CookieOptions{Name: "__Host-ce_session", Domain: ".shop.example.com"}.withDefaults()
	require.NoError(t, err)
	assert.NotEmpty(t, ok.cookie("v").String())
}
