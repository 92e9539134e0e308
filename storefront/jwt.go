package storefront

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Claims are what the Storefront API writes into its access tokens, read
// without a network call and without checking the signature (only the API
// can do that). Empty strings stand for claims that are absent or null.
type Claims struct {
	UserID          string // "ulid"
	Email           string
	Phone           string
	Username        string
	FirstName       string
	LastName        string
	StoreID         string
	IsLoggedIn      bool
	IsAnonymous     bool
	CustomerID      string
	CustomerGroupID string
	AnonymousID     string
	LocationID      string // a point-of-sale staff token's location ("location_id")
	Channel         string
	ExpiresAt       time.Time // zero when the token has no "exp"
	IssuedAt        time.Time // zero when the token has no "iat"
}

// ExpiresWithin reports whether the token expires within d of now. A token
// without "exp" never expires.
func (c *Claims) ExpiresWithin(now time.Time, d time.Duration) bool {
	return !c.ExpiresAt.IsZero() && !now.Add(d).Before(c.ExpiresAt)
}

// ErrMalformedToken is returned for a token that is not a JWT with a JSON
// payload. Its message never holds the token.
var ErrMalformedToken = errors.New("storefront: malformed token")

// jwtPayload mirrors the claim names of the API. Each claim decodes on its
// own terms, so one of an unexpected type (a number where a string was
// expected) costs that claim, not the whole token.
type jwtPayload struct {
	ULID            flexString   `json:"ulid"`
	Email           flexString   `json:"email"`
	Phone           flexString   `json:"phone"`
	Username        flexString   `json:"username"`
	FirstName       flexString   `json:"first_name"`
	LastName        flexString   `json:"last_name"`
	StoreID         flexString   `json:"store_id"`
	IsLoggedIn      flexBool     `json:"is_logged_in"`
	IsAnonymous     flexBool     `json:"is_anonymous"`
	CustomerID      flexString   `json:"customer_id"`
	CustomerGroupID flexString   `json:"customer_group_id"`
	AnonymousID     flexString   `json:"anonymous_id"`
	LocationID      flexString   `json:"location_id"`
	Channel         flexString   `json:"channel"`
	Exp             *json.Number `json:"exp"`
	Iat             *json.Number `json:"iat"`
}

// flexString accepts a string, null (empty), or any other JSON value, kept
// as its JSON text ("channel" is an object in some deployments, an ID may be
// a number) with any invalid UTF-8 replaced by U+FFFD, as decoding a JSON
// string does: a claim is always valid UTF-8.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case string(b) == "null":
		*f = ""
	default:
		*f = flexString(strings.ToValidUTF8(string(b), "\uFFFD"))
	}
	return nil
}

// flexBool accepts true, false, "true" and "false"; anything else is false.
type flexBool bool

func (f *flexBool) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "true", `"true"`:
		*f = true
	default:
		*f = false
	}
	return nil
}

// ParseClaims reads the claims of a JWT without verifying it.
func ParseClaims(token string) (*Claims, error) {
	first := strings.IndexByte(token, '.')
	if first < 0 {
		return nil, fmt.Errorf("%w: not a JWT", ErrMalformedToken)
	}
	rest := token[first+1:]
	second := strings.IndexByte(rest, '.')
	if second < 0 || strings.IndexByte(rest[second+1:], '.') >= 0 {
		return nil, fmt.Errorf("%w: not a JWT", ErrMalformedToken)
	}
	seg := rest[:second]
	// Accept padded and unpadded base64url, as some issuers pad.
	seg = strings.TrimRight(seg, "=")
	raw, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return nil, fmt.Errorf("%w: payload is not base64url", ErrMalformedToken)
	}
	var p jwtPayload
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("%w: payload is not a JSON object", ErrMalformedToken)
	}
	c := &Claims{
		UserID:          string(p.ULID),
		Email:           string(p.Email),
		Phone:           string(p.Phone),
		Username:        string(p.Username),
		FirstName:       string(p.FirstName),
		LastName:        string(p.LastName),
		StoreID:         string(p.StoreID),
		IsLoggedIn:      bool(p.IsLoggedIn),
		IsAnonymous:     bool(p.IsAnonymous),
		CustomerID:      string(p.CustomerID),
		CustomerGroupID: string(p.CustomerGroupID),
		AnonymousID:     string(p.AnonymousID),
		LocationID:      string(p.LocationID),
		Channel:         string(p.Channel),
	}
	if c.ExpiresAt, err = numericDate(p.Exp); err != nil {
		return nil, fmt.Errorf("%w: exp is not a number", ErrMalformedToken)
	}
	if c.IssuedAt, err = numericDate(p.Iat); err != nil {
		return nil, fmt.Errorf("%w: iat is not a number", ErrMalformedToken)
	}
	return c, nil
}

// numericDate converts a JWT NumericDate (seconds, possibly fractional).
func numericDate(n *json.Number) (time.Time, error) {
	if n == nil || *n == "" {
		return time.Time{}, nil
	}
	// Dates before 1970 or beyond year 30 million are not real token times
	// (and the zero time.Time would read as "no expiry").
	if i, err := n.Int64(); err == nil {
		if i <= 0 || i > 1e15 {
			return time.Time{}, errors.New("bad number")
		}
		return time.Unix(i, 0), nil
	}
	f, err := n.Float64()
	if err != nil || f != f || f <= 0 || f > 1e15 {
		return time.Time{}, errors.New("bad number")
	}
	sec := int64(f)
	return time.Unix(sec, int64((f-float64(sec))*1e9)), nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
