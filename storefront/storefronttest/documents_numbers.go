package storefronttest

import (
	"regexp"
	"strings"
)

// India's tax identifiers, checked as the tax authority would: a PAN is
// five letters, four digits and a letter, its fourth letter the kind of
// holder; a GSTIN is a state's two-digit GST code, the holder's PAN, an
// entity number, a Z and a check character computed from the rest.

var (
	panPattern   = regexp.MustCompile(`^[A-Z]{5}[0-9]{4}[A-Z]$`)
	gstinPattern = regexp.MustCompile(`^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$`)
)

// panHolderKinds are the fourth letters the Income Tax Department issues:
// person, company, Hindu undivided family, firm, association of persons,
// trust, body of individuals, local authority, artificial juridical
// person, government.
const panHolderKinds = "PCHFATBLJG"

// checkPAN checks a PAN's format: a 400 naming field when it is malformed.
func checkPAN(field, pan string) *apiError {
	if !panPattern.MatchString(pan) {
		return fieldError(CodeBadRequest, field, "must be a PAN: five capital letters, four digits and a capital letter")
	}
	return nil
}

// checkGSTIN checks a GSTIN's format: a 400 naming field when it is
// malformed.
func checkGSTIN(field, gstin string) *apiError {
	if !gstinPattern.MatchString(gstin) {
		return fieldError(CodeBadRequest, field, "must be a GSTIN: a two-digit state code, a PAN, an entity number, Z and a check character")
	}
	return nil
}

// panKnown reports whether the tax authority would know a well-formed
// PAN: its fourth letter is a kind of holder it issues.
func panKnown(pan string) bool { return strings.IndexByte(panHolderKinds, pan[3]) >= 0 }

// gstinKnown reports whether the tax authority would know a well-formed
// GSTIN: its state code is one of gstCodes, its PAN is known and its check
// character is right.
func gstinKnown(gstin string, gstCodes map[string]bool) bool {
	return gstCodes[gstin[:2]] && panKnown(gstin[2:12]) && gstinCheckChar(gstin[:14]) == gstin[14]
}

// gstinCheckChar computes a GSTIN's check character from its first 14
// characters: base 36 digits weighted 1 and 2 alternately, each product
// reduced to the sum of its base-36 digits, the total's complement modulo
// 36.
func gstinCheckChar(first14 string) byte {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	sum := 0
	for i := range len(first14) {
		v := strings.IndexByte(alphabet, first14[i])
		p := v * (i%2 + 1)
		sum += p/36 + p%36
	}
	return alphabet[(36-sum%36)%36]
}
