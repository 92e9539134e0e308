package decimal

import (
	"errors"
	"math/big"
	"strconv"
)

// Limits on the numbers [Parse] and the decoders accept. They bound the
// memory and time that one hostile number can cost; arithmetic on accepted
// values may go beyond them.
const (
	// MaxDigits is the most significant digits a parsed number may have
	// (leading zeros do not count, trailing zeros do).
	MaxDigits = 1000
	// MaxExponent bounds the exponent of a parsed number: at most
	// MaxExponent decimal places, and a value of at most
	// 10^MaxExponent × its coefficient.
	MaxExponent = 1000
)

var (
	// ErrSyntax is wrapped by every error about text that is not a number.
	ErrSyntax = errors.New("decimal: invalid syntax")
	// ErrRange is wrapped by every error about a number that exceeds
	// [MaxDigits] or [MaxExponent].
	ErrRange = errors.New("decimal: number out of range")
	// ErrDivisionByZero is returned by [Decimal.Div] for a zero divisor.
	ErrDivisionByZero = errors.New("decimal: division by zero")
	// ErrNotFinite is returned by [NewFromFloat64] for NaN and infinities,
	// which no decimal represents.
	ErrNotFinite = errors.New("decimal: NaN or infinity is not a decimal number")
)

// ParseError reports text or JSON that is not an acceptable number. It
// never quotes the input, which may be long or hold data that does not
// belong in logs: it says what was being read, what was wrong and where.
// errors.Is(err, ErrSyntax) or errors.Is(err, ErrRange) tells the two
// kinds apart.
type ParseError struct {
	// Source is what was being read: "number" for Parse and UnmarshalText,
	// "JSON number", "JSON string", "JSON object" and so on for
	// UnmarshalJSON.
	Source string
	// Reason is what was wrong, such as "leading zero" or "not a number".
	Reason string
	// Offset is the byte offset in the input where the problem was found,
	// or -1 when it is not one place.
	Offset int
	// Err is ErrSyntax or ErrRange.
	Err error
}

// Error returns, for example, "decimal: number: leading zero at offset 0".
func (e *ParseError) Error() string {
	s := "decimal: " + e.Source + ": " + e.Reason
	if e.Offset >= 0 {
		s += " at offset " + strconv.Itoa(e.Offset)
	}
	return s
}

// Unwrap returns ErrSyntax or ErrRange.
func (e *ParseError) Unwrap() error { return e.Err }

// Reasons a ParseError gives.
const (
	reasonEmpty       = "empty"
	reasonUnexpected  = "unexpected character"
	reasonNoDigits    = "missing digits"
	reasonLeadingZero = "leading zero"
	reasonNoFraction  = "missing digits after the decimal point"
	reasonNoExponent  = "missing digits in the exponent"
)

// Parse reads a number in JSON's syntax: an optional '-', an integer part
// without leading zeros, an optional fraction and an optional exponent
// ("12", "-0.50", "1.25e3", "2E-2", "5e+1"). The result keeps the digits as
// written: Parse("1.50") has coefficient 150 and exponent -2. It refuses
// anything else ("+1", " 1", "01", "1.", ".5", "0x1F", "NaN", "Inf"), and
// numbers beyond [MaxDigits] or [MaxExponent], with a [*ParseError].
func Parse(s string) (Decimal, error) {
	d, err := parseNumber(s)
	if err != nil {
		return Decimal{}, err
	}
	return d, nil
}

// MustParse is like [Parse] but panics when s is not a number. It is for
// constants in programs and tests.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// text is what the parser reads: a string, or JSON bytes without a copy.
type text interface{ ~string | ~[]byte }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// parseNumber parses s in JSON number syntax. Its errors have Source
// "number"; callers decoding JSON rename it. It allocates only for
// coefficients beyond int64 and for errors.
func parseNumber[T text](s T) (Decimal, *ParseError) {
	n := len(s)
	if n == 0 {
		return Decimal{}, syntaxError(reasonEmpty, -1)
	}
	i := 0
	neg := s[0] == '-'
	if neg {
		i++
	}

	// m accumulates the first 19 significant digits; nd counts them all.
	var m uint64
	nd := 0
	accumulate := func(c byte) {
		if nd == 0 && c == '0' {
			return
		}
		if nd < 19 {
			m = m*10 + uint64(c-'0')
		}
		nd++
	}

	if i == n {
		return Decimal{}, syntaxError(reasonNoDigits, i)
	}
	intStart := i
	switch c := s[i]; {
	case c == '0':
		i++
		if i < n && isDigit(s[i]) {
			return Decimal{}, syntaxError(reasonLeadingZero, intStart)
		}
	case '1' <= c && c <= '9':
		for i < n && isDigit(s[i]) {
			accumulate(s[i])
			i++
		}
	default:
		return Decimal{}, syntaxError(reasonUnexpected, i)
	}
	intEnd := i

	fracStart, fracEnd := i, i
	if i < n && s[i] == '.' {
		i++
		fracStart = i
		for i < n && isDigit(s[i]) {
			accumulate(s[i])
			i++
		}
		fracEnd = i
		if fracEnd == fracStart {
			return Decimal{}, syntaxError(reasonNoFraction, i)
		}
	}

	var expLit int64
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		i++
		expNeg := false
		if i < n && (s[i] == '+' || s[i] == '-') {
			expNeg = s[i] == '-'
			i++
		}
		start := i
		for i < n && isDigit(s[i]) {
			if expLit < 1<<40 { // saturate: far beyond MaxExponent already
				expLit = expLit*10 + int64(s[i]-'0')
			}
			i++
		}
		if i == start {
			return Decimal{}, syntaxError(reasonNoExponent, i)
		}
		if expNeg {
			expLit = -expLit
		}
	}
	if i != n {
		return Decimal{}, syntaxError(reasonUnexpected, i)
	}

	if nd > MaxDigits {
		return Decimal{}, rangeError("more than " + strconv.Itoa(MaxDigits) + " significant digits")
	}
	exp := expLit - int64(fracEnd-fracStart)
	switch {
	case exp < -MaxExponent:
		return Decimal{}, rangeError("more than " + strconv.Itoa(MaxExponent) + " decimal places")
	case exp > MaxExponent:
		return Decimal{}, rangeError("exponent above " + strconv.Itoa(MaxExponent))
	}

	if nd <= 19 {
		return fromMag(m, neg, int32(exp)), nil
	}
	c := digitsToBig(s[intStart:intEnd], s[fracStart:fracEnd])
	if neg {
		c.Neg(c)
	}
	return fromBig(c, int32(exp)), nil
}

// digitsToBig returns the integer whose decimal digits are those of a
// followed by those of b, 19 digits at a time.
func digitsToBig[T text](a, b T) *big.Int {
	z := new(big.Int)
	var t big.Int
	var chunk uint64
	k := 0
	add := func(s T) {
		for i := 0; i < len(s); i++ {
			chunk = chunk*10 + uint64(s[i]-'0')
			k++
			if k == 19 {
				z.Mul(z, bigPow10(19)).Add(z, t.SetUint64(chunk))
				chunk, k = 0, 0
			}
		}
	}
	add(a)
	add(b)
	if k > 0 {
		z.Mul(z, bigPow10(int64(k))).Add(z, t.SetUint64(chunk))
	}
	return z
}

func syntaxError(reason string, offset int) *ParseError {
	return &ParseError{Source: "number", Reason: reason, Offset: offset, Err: ErrSyntax}
}

func rangeError(reason string) *ParseError {
	return &ParseError{Source: "number", Reason: reason, Offset: -1, Err: ErrRange}
}
