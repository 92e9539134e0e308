package storefront

import (
	"hash/maphash"
	"sync/atomic"
)

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
