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

// jwtPayload mirrors the claim names of the API. Pointers and
// json.RawMessage keep null, absent and odd types from failing the parse.
type jwtPayload struct {
	ULID            *string      `json:"ulid"`
	Email           *string      `json:"email"`
	Phone           *string      `json:"phone"`
	Username        *string      `json:"username"`
	FirstName       *string      `json:"first_name"`
	LastName        *string      `json:"last_name"`
	StoreID         *string      `json:"store_id"`
	IsLoggedIn      *bool        `json:"is_logged_in"`
	IsAnonymous     *bool        `json:"is_anonymous"`
	CustomerID      *string      `json:"customer_id"`
	CustomerGroupID *string      `json:"customer_group_id"`
	AnonymousID     *string      `json:"anonymous_id"`
	Channel         flexString   `json:"channel"`
	Exp             *json.Number `json:"exp"`
	Iat             *json.Number `json:"iat"`
}

// flexString accepts a string, null, or any other JSON value (kept as its
// JSON text): the API's "channel" claim is not documented precisely.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
		return nil
	}
	if string(b) == "null" {
		*f = ""
		return nil
	}
	*f = flexString(b)
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
		UserID:          deref(p.ULID),
		Email:           deref(p.Email),
		Phone:           deref(p.Phone),
		Username:        deref(p.Username),
		FirstName:       deref(p.FirstName),
		LastName:        deref(p.LastName),
		StoreID:         deref(p.StoreID),
		IsLoggedIn:      p.IsLoggedIn != nil && *p.IsLoggedIn,
		IsAnonymous:     p.IsAnonymous != nil && *p.IsAnonymous,
		CustomerID:      deref(p.CustomerID),
		CustomerGroupID: deref(p.CustomerGroupID),
		AnonymousID:     deref(p.AnonymousID),
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
