package redact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCardNumbersAreFoundByShape(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"card 4111111111111111 declined", 1},
		{"card 4111 1111 1111 1111 declined", 1},
		{"card 4111-1111-1111-1111", 1},
		{"order 4111111111111112", 0},           // fails the Luhn check
		{"id 411111111111111111111", 0},         // too long
		{"phone 9876543210, pincode 560001", 0}, // too short
	} {
		assert.Len(t, cardNumbers(tc.in), tc.want, tc.in)
	}
	assert.Equal(t, "card "+Mark+" declined", Secrets{}.Clean("card 4111 1111 1111 1111 declined"))
}

// JWTs and Bearer values are hidden wherever they show, known or not.
func TestTokensAreFoundByShape(t *testing.T) {
	const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJ1bGlkIjoidS0xIn0.c2lnbmF0dXJl"
	assert.Equal(t, "token "+TokenMark+" expired", Secrets{}.Clean("token "+jwt+" expired"))
	assert.Equal(t, "Authorization: Bearer "+TokenMark, Secrets{}.Clean("Authorization: Bearer opaque-0001"))
	assert.Equal(t, "version 1.2.3 of api.example.com", Secrets{}.Clean("version 1.2.3 of api.example.com"))
}
