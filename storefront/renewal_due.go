package storefront

// When a token is due for renewal: its claims (parsed once for all the
// sessions of a Client), the API's clock (estimated from the "iat" of the
// tokens it issues), and the checks that decide whether a token can be
// sent as it is (see renewal.go for the states).

import (
	"hash/maphash"
	"sync/atomic"
	"time"
)

// parsedToken is a token and its claims, or why they could not be read.
type parsedToken struct {
	token  string
	claims *Claims
	err    error
}

// claimsOf parses token, reusing the last parse when it is the same token.
func (s *Session) claimsOf(token string) (*Claims, error) {
	if p := s.parsed.Load(); p != nil && p.token == token {
		return p.claims, p.err
	}
	p := s.c.renewals.claims.parse(token)
	s.parsed.Store(p)
	return p.claims, p.err
}

// usable reports whether an access token can be sent as it is: a JWT of
// sendable bytes, not within the refresh margin of its expiry by the API's
// clock. Anything else is renewed first.
func (s *Session) usable(token string) bool {
	if !sendable(token) {
		return false
	}
	c, err := s.claimsOf(token)
	return err == nil && !c.ExpiresWithin(s.c.apiNow(), s.c.margin)
}

// sendable reports whether a token can go into an Authorization header:
// not empty, and only the characters of a JWT (RFC 7235 token68).
func sendable(token string) bool {
	if token == "" {
		return false
	}
	for i := 0; i < len(token); i++ {
		c := token[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '-', c == '.', c == '_', c == '~', c == '+', c == '/', c == '=':
		default:
			return false
		}
	}
	return true
}

// refreshUsable reports whether a refresh token may still work: a JWT of
// sendable characters, not past its own expiry.
func (s *Session) refreshUsable(token string) bool {
	if !sendable(token) {
		return false
	}
	p := s.c.renewals.claims.parse(token)
	return p.err == nil && !p.claims.ExpiresWithin(s.c.apiNow(), 0)
}

// claimsCacheSlots bounds the parsed tokens a Client remembers: about 1 MB
// at the API's token sizes.
const claimsCacheSlots = 1024

// claimsCache remembers the claims of recently parsed access tokens for
// all the sessions of a Client, so that a Session built per request does
// not decode its token's JSON again on every request. It is a fixed array
// of slots picked by a hash of the token, each replaced by the last token
// parsed there: lock-free and bounded.
type claimsCache struct {
	seed  maphash.Seed
	slots [claimsCacheSlots]atomic.Pointer[parsedToken]
}

func newClaimsCache() *claimsCache { return &claimsCache{seed: maphash.MakeSeed()} }

func (c *claimsCache) slot(token string) *atomic.Pointer[parsedToken] {
	return &c.slots[maphash.String(c.seed, token)%claimsCacheSlots]
}

// parse returns the claims of token, parsing it only when its slot holds
// another token.
func (c *claimsCache) parse(token string) *parsedToken {
	s := c.slot(token)
	if p := s.Load(); p != nil && p.token == token {
		return p
	}
	claims, err := ParseClaims(token)
	p := &parsedToken{token: token, claims: claims, err: err}
	s.Store(p)
	return p
}

// the "iat" of the tokens the API has just issued: a client clock minutes
// off would otherwise refresh on every call (ahead) or send expired tokens
// (behind).
type clockSkew struct {
	offset atomic.Int64 // nanoseconds to add to the client's clock
}

// skewDeadband is the offset below which the clocks count as agreeing:
// "iat" has a resolution of one second, and the answer took some time to
// arrive.
const skewDeadband = 5 * time.Second

// observe records the offset a freshly issued token shows.
func (s *clockSkew) observe(issuedAt, now time.Time) {
	if issuedAt.IsZero() {
		return
	}
	d := issuedAt.Sub(now)
	if d > -skewDeadband && d < skewDeadband {
		d = 0
	}
	s.offset.Store(int64(d))
}

func (s *clockSkew) get() time.Duration { return time.Duration(s.offset.Load()) }

// observeIssued learns the API's clock from a pair it has just issued.
func (s *Session) observeIssued(t Tokens) {
	if t.AccessToken == "" {
		return
	}
	if c, err := s.claimsOf(t.AccessToken); err == nil {
		s.c.renewals.skew.observe(c.IssuedAt, s.c.now())
	}
}

// apiNow is the API's time as the client estimates it: its own clock plus
// the offset the tokens' "iat" showed.
func (c *Client) apiNow() time.Time { return c.now().Add(c.renewals.skew.get()) }
