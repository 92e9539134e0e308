package web

import "github.com/commercengine-go/sdk/storefront"

// identity is who a pair speaks for: its user and whether they are logged
// in, read from the access token's claims. A change of identity (a login,
// a registration, a logout) moves a server-side session to a new ID. A
// renewal keeps the identity.
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
