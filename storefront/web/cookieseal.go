package web

import (
	"bytes"
	"compress/flate"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/storefront"
)

// The sealed cookie is base64url(key ID ‖ nonce ‖ AES-GCM(plaintext)),
// the cookie's name as associated data. The plaintext is the creation
// time (8 bytes, Unix seconds) followed by the pair, in one of two forms:
//
//   - compact (written): the byte formatCompact, then the DEFLATE of both
//     tokens, each a JWT's three parts base64url-decoded (or, for a token
//     that is not a JWT in canonical base64url, its text). A pair takes
//     about a third of its JSON's room, so that shoppers with long names
//     still fit in MaxCookieBytes.
//   - JSON (read only, cookies sealed by earlier versions): {"access_token"…}.
const (
	cookieKeyID   = 4
	cookieCreated = 8

	formatCompact byte = 1
	formatJSON    byte = '{'

	tokenText byte = 0 // uvarint length, the token's bytes
	tokenJWT  byte = 1 // three times: uvarint length, the decoded part

	// maxCookiePlain bounds what a cookie decompresses to: a pair is a
	// few kilobytes, and only a cookie that authenticated is inflated.
	maxCookiePlain = 64 << 10
)

// flateWriters and flateReaders keep the DEFLATE state between cookies:
// a writer's is hundreds of kilobytes.
var (
	flateWriters = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(nil, flate.BestCompression) // fails only for a bad level
		return w
	}}
	flateReaders = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}
)

// seal encrypts and authenticates t, created now.
func (c *CookieSessions) seal(t storefront.Tokens) (string, error) {
	var body []byte
	body = appendToken(body, t.AccessToken)
	body = appendToken(body, t.RefreshToken)

	plain := bytes.NewBuffer(make([]byte, cookieCreated, cookieCreated+1+len(body)))
	binary.BigEndian.PutUint64(plain.Bytes(), uint64(c.now().Unix()))
	plain.WriteByte(formatCompact)
	w := flateWriters.Get().(*flate.Writer)
	w.Reset(plain)
	_, err := w.Write(body)
	if err == nil {
		err = w.Close()
	}
	flateWriters.Put(w)
	if err != nil {
		return "", err
	}

	k := c.keys[0]
	out := make([]byte, cookieKeyID+k.aead.NonceSize(), cookieKeyID+k.aead.NonceSize()+plain.Len()+k.aead.Overhead())
	copy(out, k.id[:])
	if _, err := rand.Read(out[cookieKeyID:]); err != nil {
		return "", err
	}
	out = k.aead.Seal(out, out[cookieKeyID:], plain.Bytes(), []byte(c.cookie.Name))
	return base64.RawURLEncoding.EncodeToString(out), nil
}

// errBadCookie is any cookie that does not open: tampered, made with a
// key no longer configured, expired, or not ours.
var errBadCookie = errors.New("web: the session cookie does not open")

// unseal opens a cookie seal made.
func (c *CookieSessions) unseal(value string) (storefront.Tokens, error) {
	raw, err := base64.RawURLEncoding.DecodeString(value)
	if err != nil || len(raw) < cookieKeyID {
		return storefront.Tokens{}, errBadCookie
	}
	for _, k := range c.keys {
		if [4]byte(raw[:cookieKeyID]) != k.id || len(raw) < cookieKeyID+k.aead.NonceSize()+k.aead.Overhead() {
			continue
		}
		nonce := raw[cookieKeyID : cookieKeyID+k.aead.NonceSize()]
		plain, err := k.aead.Open(nil, nonce, raw[cookieKeyID+k.aead.NonceSize():], []byte(c.cookie.Name))
		if err != nil || len(plain) <= cookieCreated {
			continue
		}
		created := time.Unix(int64(binary.BigEndian.Uint64(plain)), 0)
		if c.now().Sub(created) > c.cookie.MaxAge {
			return storefront.Tokens{}, errBadCookie
		}
		return decodePair(plain[cookieCreated:])
	}
	return storefront.Tokens{}, errBadCookie
}

// decodePair reads the pair of an opened cookie, in either form.
func decodePair(b []byte) (storefront.Tokens, error) {
	var t storefront.Tokens
	switch b[0] {
	case formatJSON:
		if json.Unmarshal(b, &t) != nil {
			return storefront.Tokens{}, errBadCookie
		}
		return t, nil
	case formatCompact:
		r := flateReaders.Get().(io.ReadCloser)
		defer flateReaders.Put(r)
		if r.(flate.Resetter).Reset(bytes.NewReader(b[1:]), nil) != nil {
			return storefront.Tokens{}, errBadCookie
		}
		body, err := io.ReadAll(io.LimitReader(r, maxCookiePlain+1))
		if err != nil || len(body) > maxCookiePlain {
			return storefront.Tokens{}, errBadCookie
		}
		var ok1, ok2 bool
		t.AccessToken, body, ok1 = readToken(body)
		t.RefreshToken, body, ok2 = readToken(body)
		if !ok1 || !ok2 || len(body) != 0 {
			return storefront.Tokens{}, errBadCookie
		}
		return t, nil
	}
	return storefront.Tokens{}, errBadCookie
}

// appendToken appends the compact form of token to b.
func appendToken(b []byte, token string) []byte {
	if parts, ok := jwtParts(token); ok {
		b = append(b, tokenJWT)
		for _, p := range parts {
			b = binary.AppendUvarint(b, uint64(len(p)))
			b = append(b, p...)
		}
		return b
	}
	b = append(b, tokenText)
	b = binary.AppendUvarint(b, uint64(len(token)))
	return append(b, token...)
}

// jwtParts returns the decoded parts of a JWT whose three parts are
// canonical unpadded base64url, so that encoding them again gives the
// token back byte for byte; ok is false for any other token.
func jwtParts(token string) (parts [3][]byte, ok bool) {
	rest := token
	for i := range parts {
		var p string
		if i < 2 {
			var found bool
			if p, rest, found = strings.Cut(rest, "."); !found {
				return parts, false
			}
		} else {
			p = rest
		}
		d, err := base64.RawURLEncoding.Strict().DecodeString(p)
		if err != nil || base64.RawURLEncoding.EncodeToString(d) != p {
			return parts, false
		}
		parts[i] = d
	}
	return parts, true
}

// readToken reads one token appendToken wrote at the start of b, and
// returns the rest of b.
func readToken(b []byte) (string, []byte, bool) {
	if len(b) == 0 {
		return "", nil, false
	}
	kind, b := b[0], b[1:]
	chunk := func() ([]byte, bool) {
		n, size := binary.Uvarint(b)
		if size <= 0 || n > uint64(len(b)-size) {
			return nil, false
		}
		p := b[size : size+int(n)]
		b = b[size+int(n):]
		return p, true
	}
	switch kind {
	case tokenText:
		p, ok := chunk()
		return string(p), b, ok
	case tokenJWT:
		var sb strings.Builder
		for i := range 3 {
			p, ok := chunk()
			if !ok {
				return "", nil, false
			}
			if i > 0 {
				sb.WriteByte('.')
			}
			sb.WriteString(base64.RawURLEncoding.EncodeToString(p))
		}
		return sb.String(), b, true
	}
	return "", nil, false
}
