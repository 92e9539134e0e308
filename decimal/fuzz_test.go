package decimal

import (
	"encoding/json"
	"errors"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// jsonNumber is RFC 8259's number grammar, the syntax Parse must accept
// and nothing more.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.([0-9]+))?([eE]([+-]?[0-9]+))?$`)

// outOfRange reports whether text that matches jsonNumber exceeds Parse's
// limits, computed from the text alone.
func outOfRange(s string) bool {
	m := jsonNumber.FindStringSubmatch(s)
	intPart, frac, expText := m[1], m[3], m[5]
	digits := strings.TrimLeft(intPart+frac, "0")
	if len(digits) > MaxDigits {
		return true
	}
	exp := int64(0)
	if expText != "" {
		e, err := strconv.ParseInt(expText, 10, 64)
		if err != nil {
			return true // beyond int64: far beyond MaxExponent
		}
		exp = e
	}
	exp -= int64(len(frac))
	return exp < -MaxExponent || exp > MaxExponent
}

// ratOf returns d's exact value, from its exported parts.
func ratOf(d Decimal) *big.Rat {
	r := new(big.Rat).SetInt(d.Coefficient())
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(abs64(int64(d.Exponent()))), nil))
	if d.Exponent() >= 0 {
		return r.Mul(r, p)
	}
	return r.Quo(r, p)
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"0", "-0", "0.00", "1.50", "-12.5", "1200", "1.2e3", "1E-7", "5e+1", "1e-07",
		"98765432109876543.21", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
		"123456789012345678901234567890.123456789", "0.000000000000000000000000001",
		"1e1000", "1e-1000", "1e1001", "1e999999999", "1e-99999999999999999999",
		"", "-", "+1", " 1", "01", "1.", ".5", "1e", "1e+", "0x1F", "NaN", "Inf", "1_000", "١",
		"1" + strings.Repeat("0", 1000), "12345678901234567890e21", strings.Repeat("9", 999) + "e21",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		valid := jsonNumber.MatchString(s)
		switch {
		case err == nil && !valid:
			t.Fatalf("Parse(%q) = %v, but it is not a JSON number", s, d)
		case err == nil && outOfRange(s):
			t.Fatalf("Parse(%q) = %v, beyond the limits", s, d)
		case errors.Is(err, ErrSyntax) && valid:
			t.Fatalf("Parse(%q) refused a JSON number: %v", s, err)
		case errors.Is(err, ErrRange) && (!valid || !outOfRange(s)):
			t.Fatalf("Parse(%q) reported a range error for text within the limits: %v", s, err)
		case err != nil && !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrRange):
			t.Fatalf("Parse(%q) error %v is neither ErrSyntax nor ErrRange", s, err)
		}

		// The []byte decoders agree with Parse, for bare and quoted text.
		var j, q Decimal
		jerr := j.UnmarshalJSON([]byte(s))
		looksNumeric := s != "" && (s[0] == '-' || isDigit(s[0])) && !isJSONSpace(s[len(s)-1])
		if looksNumeric && (err == nil) != (jerr == nil) {
			t.Fatalf("Parse(%q) error %v, UnmarshalJSON error %v", s, err, jerr)
		}
		if !strings.ContainsAny(s, `"\`) {
			qerr := q.UnmarshalJSON([]byte(`"` + s + `"`))
			if (err == nil) != (qerr == nil) || err == nil && !same(q, d) {
				t.Fatalf("Parse(%q) = %v, %v; as a JSON string: %v, %v", s, d, err, q, qerr)
			}
		}
		if err != nil {
			if strings.Contains(err.Error(), s) && len(s) > 3 {
				t.Fatalf("Parse error %q quotes the input", err)
			}
			return
		}
		if !same(j, d) {
			t.Fatalf("UnmarshalJSON(%q) = %v, Parse = %v", s, j, d)
		}
		checkInvariant(t, s, d)

		// The value is the one math/big reads from the same text.
		want, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("big.Rat refuses %q, which Parse accepts", s)
		}
		if ratOf(d).Cmp(want) != 0 {
			t.Fatalf("Parse(%q) = %s × 10^%d, big.Rat reads %s", s, d.Coefficient(), d.Exponent(), want)
		}

		// String parses back to an equal value, and is then stable.
		text := d.String()
		back, err := Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q does not parse: %v", s, text, err)
		}
		if !back.Equal(d) {
			t.Fatalf("Parse(%q) = %v; its String %q parses to %v", s, d, text, back)
		}
		if back.String() != text {
			t.Fatalf("String is not stable: %q → %q → %q", s, text, back.String())
		}
		// Negative exponents print exactly; positive ones may print plain.
		if d.Exponent() <= 0 && !same(back, d) {
			t.Fatalf("%q → %q lost the exponent: %d, was %d", s, text, back.Exponent(), d.Exponent())
		}

		// MarshalJSON writes a bare JSON number.
		b, _ := d.MarshalJSON()
		if !json.Valid(b) || !jsonNumber.Match(b) {
			t.Fatalf("MarshalJSON(%q) = %q, not a JSON number", s, b)
		}
	})
}

// same reports whether a and b have the same coefficient and exponent.
func same(a, b Decimal) bool {
	return a.exp == b.exp && a.coefBig().Cmp(b.coefBig()) == 0
}

// roundRat rounds x to places decimal places with mode, by math/big's
// floor, independently of Decimal's rounding code.
func roundRat(x *big.Rat, places int64, mode RoundingMode) *big.Rat {
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(abs64(places)), nil))
	y := new(big.Rat).Set(x)
	if places >= 0 {
		y.Mul(y, scale)
	} else {
		y.Quo(y, scale)
	}
	floor := func(r *big.Rat) *big.Int { // den > 0: Euclidean division is floor
		return new(big.Int).Div(r.Num(), r.Denom())
	}
	ceil := func(r *big.Rat) *big.Int {
		return new(big.Int).Neg(floor(new(big.Rat).Neg(r)))
	}
	half := big.NewRat(1, 2)
	var n *big.Int
	switch mode {
	case Floor:
		n = floor(y)
	case Ceil:
		n = ceil(y)
	case Down:
		if y.Sign() < 0 {
			n = ceil(y)
		} else {
			n = floor(y)
		}
	case Up:
		if y.Sign() < 0 {
			n = floor(y)
		} else {
			n = ceil(y)
		}
	case HalfUp:
		n = floor(new(big.Rat).Add(new(big.Rat).Abs(y), half))
		if y.Sign() < 0 {
			n.Neg(n)
		}
	case HalfEven:
		shifted := new(big.Rat).Add(y, half)
		n = floor(shifted)
		if shifted.IsInt() && n.Bit(0) == 1 {
			n.Sub(n, big.NewInt(1))
		}
	}
	r := new(big.Rat).SetInt(n)
	if places >= 0 {
		return r.Quo(r, scale)
	}
	return r.Mul(r, scale)
}

// fuzzDecimal builds a Decimal from fuzz inputs: hi ≠ 0 gives a
// coefficient beyond int64, hi·2^64 + lo.
func fuzzDecimal(hi, lo int64, exp int16) Decimal {
	e := int32(exp % 300)
	if hi == 0 {
		return New(lo, e)
	}
	c := new(big.Int).Lsh(big.NewInt(hi), 64)
	if lo < 0 {
		c.Sub(c, new(big.Int).SetUint64(uint64(-lo)))
	} else {
		c.Add(c, big.NewInt(lo))
	}
	return NewFromBigInt(c, e)
}

func FuzzArithmetic(f *testing.F) {
	f.Add(int64(0), int64(1), int16(-1), int64(0), int64(2), int16(-1), int8(2), uint8(0))                     // 0.1, 0.2
	f.Add(int64(0), int64(19999), int16(-2), int64(0), int64(15), int16(-2), int8(2), uint8(0))                // 199.99, 0.15
	f.Add(int64(0), int64(9223372036854775807), int16(0), int64(0), int64(1), int16(0), int8(0), uint8(1))     // MaxInt64, 1
	f.Add(int64(0), int64(-9223372036854775808), int16(0), int64(0), int64(-1), int16(0), int8(-1), uint8(2))  // MinInt64, -1
	f.Add(int64(0), int64(25), int16(-1), int64(0), int64(-25), int16(-1), int8(0), uint8(1))                  // 2.5, -2.5
	f.Add(int64(5), int64(-3), int16(-40), int64(0), int64(7), int16(3), int8(5), uint8(4))                    // big, 7000
	f.Add(int64(-1), int64(1), int16(200), int64(3), int64(0), int16(-200), int8(-3), uint8(5))                // big, big
	f.Add(int64(0), int64(1), int16(299), int64(0), int64(1), int16(-299), int8(127), uint8(3))                // far apart
	f.Add(int64(0), int64(0), int16(5), int64(0), int64(0), int16(-5), int8(2), uint8(0))                      // zeros
	f.Add(int64(0), int64(4611686018427387904), int16(0), int64(0), int64(2), int16(0), int8(0), uint8(0))     // 2^62 × 2 = 2^63
	f.Add(int64(0), int64(-4611686018427387904), int16(0), int64(0), int64(2), int16(0), int8(0), uint8(0))    // -2^62 × 2 = MinInt64
	f.Add(int64(0), int64(3037000500), int16(-3), int64(0), int64(3037000500), int16(-7), int8(9), uint8(1))   // square near 2^63
	f.Add(int64(0), int64(1000000000000000000), int16(1), int64(0), int64(-1), int16(18), int8(-18), uint8(0)) // 1e19 - 1e18

	f.Fuzz(func(t *testing.T, aHi, aLo int64, aExp int16, bHi, bLo int64, bExp int16, places int8, modeByte uint8) {
		a, b := fuzzDecimal(aHi, aLo, aExp), fuzzDecimal(bHi, bLo, bExp)
		ra, rb := ratOf(a), ratOf(b)
		mode := RoundingMode(modeByte % 6)

		check := func(op string, got Decimal, want *big.Rat, exp int32) {
			t.Helper()
			checkInvariant(t, op, got)
			if ratOf(got).Cmp(want) != 0 {
				t.Fatalf("%v %s %v = %v, big.Rat says %s", a, op, b, got, want.RatString())
			}
			if got.Exponent() != exp {
				t.Fatalf("%v %s %v has exponent %d, want %d", a, op, b, got.Exponent(), exp)
			}
		}
		minExp := min(a.Exponent(), b.Exponent())
		check("+", a.Add(b), new(big.Rat).Add(ra, rb), minExp)
		check("-", a.Sub(b), new(big.Rat).Sub(ra, rb), minExp)
		check("×", a.Mul(b), new(big.Rat).Mul(ra, rb), a.Exponent()+b.Exponent())
		check("neg", a.Neg(), new(big.Rat).Neg(ra), a.Exponent())
		check("abs", b.Abs(), new(big.Rat).Abs(rb), b.Exponent())
		check("sum", Sum(a, b, a), new(big.Rat).Add(new(big.Rat).Add(ra, rb), ra), minExp)

		if got, want := a.Cmp(b), ra.Cmp(rb); got != want {
			t.Fatalf("Cmp(%v, %v) = %d, big.Rat says %d", a, b, got, want)
		}
		if got, want := a.Sign(), ra.Sign(); got != want {
			t.Fatalf("Sign(%v) = %d, want %d", a, got, want)
		}
		if got, want := a.IsInteger(), ra.IsInt(); got != want {
			t.Fatalf("IsInteger(%v) = %v, want %v", a, got, want)
		}
		i, ok := a.Int64()
		wantOK := ra.IsInt() && ra.Num().IsInt64()
		if ok != wantOK || ok && i != ra.Num().Int64() {
			t.Fatalf("Int64(%v) = %d, %v; big.Rat: %s", a, i, ok, ra.RatString())
		}
		fl, exact := a.Float64()
		wantF, wantExact := ra.Float64()
		if fl != wantF || exact != wantExact {
			t.Fatalf("Float64(%v) = %v, %v; big.Rat says %v, %v", a, fl, exact, wantF, wantExact)
		}

		p := int32(places)
		check("round", a.Round(p, mode), roundRat(ra, int64(p), mode), -p)
		q, err := a.Div(b, p, mode)
		if b.IsZero() {
			if !errors.Is(err, ErrDivisionByZero) {
				t.Fatalf("%v / 0 = %v, %v; want ErrDivisionByZero", a, q, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("%v / %v: %v", a, b, err)
		}
		check("/", q, roundRat(new(big.Rat).Quo(ra, rb), int64(p), mode), -p)
	})
}
