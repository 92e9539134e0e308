package decimal

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// Decimal is an exact decimal number: coefficient × 10^exponent. The zero
// value is 0. Decimals are immutable and safe for concurrent use; compare
// them with [Decimal.Cmp] or [Decimal.Equal], not ==.
type Decimal struct {
	// coef is the coefficient when big is nil.
	coef int64
	// big is the coefficient when it does not fit in an int64, and nil
	// otherwise. It is never modified once the Decimal holds it.
	big *big.Int
	exp int32
}

// New returns coef × 10^exp: New(1250, -2) is 12.50.
func New(coef int64, exp int32) Decimal {
	return Decimal{coef: coef, exp: exp}
}

// NewFromInt returns the integer n.
func NewFromInt(n int64) Decimal {
	return Decimal{coef: n}
}

// NewFromBigInt returns coef × 10^exp. It copies coef, so the caller may
// change it afterwards.
func NewFromBigInt(coef *big.Int, exp int32) Decimal {
	return fromBig(new(big.Int).Set(coef), exp)
}

// NewFromFloat64 returns the shortest decimal that converts back to f
// exactly, the digits strconv.FormatFloat(f, 'g', -1, 64) prints: 0.1 gives
// 0.1, not the 55 digits of the binary fraction nearest to it. It returns
// [ErrNotFinite] for NaN and the infinities. A float64 is already rounded,
// so prefer [Parse] or JSON decoding when the original text is at hand.
func NewFromFloat64(f float64) (Decimal, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Decimal{}, ErrNotFinite
	}
	var buf [32]byte
	d, perr := parseNumber(strconv.AppendFloat(buf[:0], f, 'g', -1, 64))
	if perr != nil {
		// Every finite float64 prints within Parse's limits (at most 17
		// digits, exponents between -324 and 308).
		panic("decimal: strconv printed a float64 that Parse refuses: " + perr.Error())
	}
	return d, nil
}

// fromBig returns c × 10^exp, keeping c inline when it fits in an int64.
// The Decimal takes ownership of c.
func fromBig(c *big.Int, exp int32) Decimal {
	if c.IsInt64() {
		return Decimal{coef: c.Int64(), exp: exp}
	}
	return Decimal{big: c, exp: exp}
}

// fromMag returns ±m × 10^exp.
func fromMag(m uint64, neg bool, exp int32) Decimal {
	if c, ok := signed(m, neg); ok {
		return Decimal{coef: c, exp: exp}
	}
	c := new(big.Int).SetUint64(m)
	if neg {
		c.Neg(c)
	}
	return Decimal{big: c, exp: exp}
}

// coefBig returns the coefficient as a big.Int that the caller must not
// modify: d's own when it has one.
func (d Decimal) coefBig() *big.Int {
	if d.big != nil {
		return d.big
	}
	return big.NewInt(d.coef)
}

// Coefficient returns a copy of d's coefficient: d is Coefficient() ×
// 10^Exponent().
func (d Decimal) Coefficient() *big.Int {
	if d.big != nil {
		return new(big.Int).Set(d.big)
	}
	return big.NewInt(d.coef)
}

// Exponent returns d's exponent: d is Coefficient() × 10^Exponent(). A
// negative exponent is minus the number of decimal places d carries.
func (d Decimal) Exponent() int32 {
	return d.exp
}

// Sign returns -1, 0 or +1 as d is negative, zero or positive.
func (d Decimal) Sign() int {
	if d.big != nil {
		return d.big.Sign()
	}
	switch {
	case d.coef < 0:
		return -1
	case d.coef > 0:
		return 1
	}
	return 0
}

// IsZero reports whether d is numerically zero, whatever its exponent
// (0, 0.00 and 0e5 all are).
func (d Decimal) IsZero() bool {
	return d.big == nil && d.coef == 0
}

// IsInteger reports whether d has no fractional part: 12, 12.00 and 1.2e3
// are integers, 12.5 is not.
func (d Decimal) IsInteger() bool {
	if d.exp >= 0 || d.IsZero() {
		return true
	}
	n := -int64(d.exp)
	if d.big == nil {
		if n >= 19 {
			return false // 0 < |coef| ≤ 2^63 < 10^19 ≤ 10^n
		}
		return d.coef%int64(pow10[n]) == 0
	}
	if n > digitsAtMost(d.big) {
		return false
	}
	var r big.Int
	new(big.Int).QuoRem(d.big, bigPow10(n), &r)
	return r.Sign() == 0
}

// Int64 returns d as an int64 and true when d is an integer that fits in an
// int64 (12.00 gives 12), and 0 and false otherwise.
func (d Decimal) Int64() (int64, bool) {
	if d.big == nil {
		switch {
		case d.exp == 0:
			return d.coef, true
		case d.exp > 0:
			return scale64(d.coef, int64(d.exp))
		}
		n := -int64(d.exp)
		if n >= 19 {
			return 0, d.coef == 0 // 0 < |coef| ≤ 2^63 < 10^19 ≤ 10^n
		}
		p := int64(pow10[n])
		if d.coef%p != 0 {
			return 0, false
		}
		return d.coef / p, true
	}
	// A big coefficient does not fit in an int64, nor does any multiple of it.
	if d.exp >= 0 || !d.IsInteger() {
		return 0, false
	}
	q := new(big.Int).Quo(d.big, bigPow10(-int64(d.exp)))
	if !q.IsInt64() {
		return 0, false
	}
	return q.Int64(), true
}

// Float64 returns the float64 nearest to d, and whether it equals d
// exactly: 0.5 gives (0.5, true), 0.1 gives (0.1, false). Beyond float64's
// range it returns ±Inf or ±0 and false.
func (d Decimal) Float64() (float64, bool) {
	if d.big == nil {
		m, neg := magnitude(d.coef)
		const maxExact = 1 << 53
		// Both m and 10^|exp| are exact float64s here, and one IEEE
		// operation rounds correctly.
		if m <= maxExact && d.exp >= -22 && d.exp <= 22 {
			f := float64(m)
			exact := false
			if d.exp >= 0 {
				f *= float64pow10[d.exp]
				if d.exp < int32(len(pow10)) {
					hi, lo := bits.Mul64(m, pow10[d.exp])
					exact = hi == 0 && lo <= maxExact
				}
			} else {
				f /= float64pow10[-d.exp]
				// m / 10^k is a binary fraction exactly when 5^k divides m,
				// and then it has at most m's 53 significant bits.
				exact = m%pow5[-d.exp] == 0
			}
			if neg {
				f = -f
			}
			if exact || d.exp < 0 {
				return f, exact
			}
		}
	}
	var buf [64]byte
	f, err := strconv.ParseFloat(string(d.appendText(buf[:0], false)), 64)
	if err != nil {
		// Only a range error is possible: f is ±Inf or ±0.
		return f, false
	}
	if f == 0 || math.IsInf(f, 0) {
		return f, d.IsZero()
	}
	return f, new(big.Rat).SetFloat64(f).Cmp(d.rat()) == 0
}

// rat returns d as an exact big.Rat.
func (d Decimal) rat() *big.Rat {
	r := new(big.Rat).SetInt(d.coefBig())
	if d.exp > 0 {
		r.Mul(r, new(big.Rat).SetInt(bigPow10(int64(d.exp))))
	} else if d.exp < 0 {
		r.Quo(r, new(big.Rat).SetInt(bigPow10(-int64(d.exp))))
	}
	return r
}
