package web

import (
	"container/list"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/storefront"
)

// identity is who a pair speaks for: its user and whether they are logged
// in, read from the access token's claims. A change of identity (a login,
// a registration, a logout) is what the kit guards: a new session ID in
// ServerSessions, a record that overrules slower requests in
// CookieSessions. A renewal keeps the identity.
type identity struct {
	kind     identityKind
	userID   string
	loggedIn bool
}

type identityKind uint8

const (
	noPair     identityKind = iota // no pair at all
	readable                       // userID and loggedIn hold
	unreadable                     // an access token whose claims do not parse
)

func identityOf(t storefront.Tokens) identity {
	if t.IsZero() {
		return identity{}
	}
	c, err := storefront.ParseClaims(t.AccessToken)
	if err != nil {
		return identity{kind: unreadable}
	}
	return identity{kind: readable, userID: c.UserID, loggedIn: c.IsLoggedIn}
}

// sameAs reports whether a and b are surely the same identity; one that
// cannot be read is never the same as anything.
func (a identity) sameAs(b identity) bool { return a.kind != unreadable && a == b }

// Identity changes in cookie mode are remembered for a window, under a key
// derived from the refresh token of the pair they replaced, so that a
// request that started with that pair and ends later (a slow renewal) does
// not send its older pair over the new one. The window covers a slow
// request; the entries are bounded, the oldest going first. 100,000
// entries of about 100 bytes cover 800 logins or logouts a second on one
// replica over the window, in 10 MB at most.
const (
	identityChangeWindow  = 2 * time.Minute
	identityChangeEntries = 100_000
)

// identityChangeKey is the key of the identity change that replaced the
// pair with this refresh token: a hash, in the form of a
// storefront.RenewalKey, of a string no refresh token is, so that it never
// meets a renewal's key in a shared journal.
func identityChangeKey(refreshToken string) string {
	return storefront.RenewalKey("storefront/web identity change\x00" + refreshToken)
}

// identityChangeMark is what a shared journal records for an identity
// change: only its existence matters, and no pair is put there for it.
var identityChangeMark = storefront.Tokens{AccessToken: "-", RefreshToken: "storefront/web: replaced by an identity change"}

// identityChanges is this process's record of identity changes: key →
// when the record expires.
type identityChanges struct {
	mu    sync.Mutex
	byKey map[string]*list.Element // of *identityChange
	order list.List                // the most recent first
}

type identityChange struct {
	key     string
	expires time.Time
}

func (c *identityChanges) record(key string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[string]*list.Element{}
	}
	if e := c.byKey[key]; e != nil {
		e.Value.(*identityChange).expires = now.Add(identityChangeWindow)
		c.order.MoveToFront(e)
	} else {
		c.byKey[key] = c.order.PushFront(&identityChange{key: key, expires: now.Add(identityChangeWindow)})
	}
	for c.order.Len() > identityChangeEntries || (c.order.Len() > 0 && now.After(c.order.Back().Value.(*identityChange).expires)) {
		delete(c.byKey, c.order.Remove(c.order.Back()).(*identityChange).key)
	}
}

func (c *identityChanges) has(key string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.byKey[key]
	return e != nil && !now.After(e.Value.(*identityChange).expires)
}
