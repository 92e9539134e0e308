package storefronttest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"time"
)

// Token types, in the token_type claim.
const (
	TokenTypeAccess  = "access"
	TokenTypeRefresh = "refresh"
)

// TokenClaims is the payload of the JWTs the server issues, as JSON: the
// live API's claim names (those its official SDK reads), with nil for a
// claim the API sends as null, plus the fake's own bookkeeping (TokenType,
// ID, SessionID, Rotation). A client reads the same tokens with
// storefront.ParseClaims, whose Claims are the SDK's friendlier view: empty
// strings for nulls, times for iat and exp.
type TokenClaims struct {
	UserID          string   `json:"ulid"`
	Email           *string  `json:"email"`
	Phone           *string  `json:"phone"`
	Username        string   `json:"username"`
	FirstName       *string  `json:"first_name"`
	LastName        *string  `json:"last_name"`
	StoreID         string   `json:"store_id"`
	IsLoggedIn      bool     `json:"is_logged_in"`
	IsAnonymous     bool     `json:"is_anonymous"`
	CustomerID      *string  `json:"customer_id"`
	CustomerGroupID *string  `json:"customer_group_id"`
	AnonymousID     string   `json:"anonymous_id"`
	Channel         *Channel `json:"channel"`
	LocationID      string   `json:"location_id,omitempty"` // a POS staff session's: the location it logged in at

	TokenType string `json:"token_type"`    // TokenTypeAccess or TokenTypeRefresh
	ID        string `json:"jti"`           // unique per token
	SessionID string `json:"sid"`           // shared by the tokens of one session, across refreshes
	Rotation  uint64 `json:"rot,omitempty"` // refresh tokens: the session's refresh generation

	IssuedAt  int64 `json:"iat"` // seconds since the Unix epoch
	ExpiresAt int64 `json:"exp"` // seconds since the Unix epoch
}

// Channel is the sales channel a token was issued for.
type Channel struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// defaultChannel is the channel of every storefront token the fake
// issues; posChannel that of a POS staff session's.
var (
	defaultChannel = Channel{ID: "storefronttest", Name: "Storefront test", Type: "storefront"}
	posChannel     = Channel{ID: "storefronttest-pos", Name: "In-store POS", Type: channelTypePOS}
)

const channelTypePOS = "pos"

// POS reports whether the claims are a point-of-sale staff session's:
// its channel is of type "pos". Such tokens work on the /pos operations
// only, and storefront tokens never do there.
func (c TokenClaims) POS() bool { return c.Channel != nil && c.Channel.Type == channelTypePOS }

// Expired reports whether the claims have expired at now.
func (c TokenClaims) Expired(now time.Time) bool { return now.Unix() >= c.ExpiresAt }

// jwtHeader is the encoded header of every token: HS256, JWT.
var jwtHeader = base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))

// Token errors. Their messages never hold the token.
var (
	errTokenMalformed = errors.New("token is not a JWT issued by this server")
	errTokenSignature = errors.New("token signature is invalid")
)

type signer struct{ key []byte }

// sign encodes and signs c. TokenClaims always marshal: a failure is a bug.
func (s signer) sign(c *TokenClaims) string {
	payload, err := json.Marshal(c)
	if err != nil {
		panic("storefronttest: claims do not marshal: " + err.Error())
	}
	var b strings.Builder
	b.Grow(len(jwtHeader) + 1 + base64.RawURLEncoding.EncodedLen(len(payload)) + 1 + 43)
	b.WriteString(jwtHeader)
	b.WriteByte('.')
	b.WriteString(base64.RawURLEncoding.EncodeToString(payload))
	mac := hmac.New(sha256.New, s.key)
	mac.Write([]byte(b.String()))
	b.WriteByte('.')
	b.WriteString(base64.RawURLEncoding.EncodeToString(mac.Sum(nil)))
	return b.String()
}

// parse checks the header and the signature of token and decodes its claims.
// It does not look at expiry, type or store.
func (s signer) parse(token string) (*TokenClaims, error) {
	head, rest, ok := strings.Cut(token, ".")
	if !ok || head != jwtHeader {
		return nil, errTokenMalformed
	}
	body, sig, ok := strings.Cut(rest, ".")
	if !ok || body == "" || strings.Contains(sig, ".") {
		return nil, errTokenMalformed
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return nil, errTokenMalformed
	}
	mac := hmac.New(sha256.New, s.key)
	mac.Write([]byte(token[:len(head)+1+len(body)]))
	if !hmac.Equal(got, mac.Sum(nil)) {
		return nil, errTokenSignature
	}
	payload, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return nil, errTokenMalformed
	}
	var c TokenClaims
	if err := json.Unmarshal(payload, &c); err != nil {
		return nil, errTokenMalformed
	}
	if c.UserID == "" || c.SessionID == "" || (c.TokenType != TokenTypeAccess && c.TokenType != TokenTypeRefresh) {
		return nil, errTokenMalformed
	}
	return &c, nil
}

// ParseToken verifies the signature of a token this server issued and
// returns its claims. It does not check expiry (see TokenClaims.Expired),
// revocation or the store; the server checks all of them on every request.
func (s *Server) ParseToken(token string) (TokenClaims, error) {
	c, err := s.signer.parse(token)
	if err != nil {
		return TokenClaims{}, err
	}
	return *c, nil
}
