package decimal

import (
	"fmt"
	"math/big"
)

// RoundingMode says which way [Decimal.Round] and [Decimal.Div] go when
// digits are dropped. The zero value is HalfUp.
type RoundingMode uint8

// The rounding modes. Examples round to whole numbers.
const (
	// HalfUp rounds to the nearest, ties away from zero: 2.5 → 3, -2.5 → -3.
	// It is the rounding of receipts and of most tax rules.
	HalfUp RoundingMode = iota
	// HalfEven rounds to the nearest, ties to the even neighbour (banker's
	// rounding): 2.5 → 2, 3.5 → 4, -2.5 → -2.
	HalfEven
	// Down rounds toward zero (truncates): 2.9 → 2, -2.9 → -2.
	Down
	// Up rounds away from zero: 2.1 → 3, -2.1 → -3.
	Up
	// Floor rounds toward negative infinity: 2.9 → 2, -2.1 → -3.
	Floor
	// Ceil rounds toward positive infinity: 2.1 → 3, -2.9 → -2.
	Ceil
)

var modeNames = [...]string{HalfUp: "HalfUp", HalfEven: "HalfEven", Down: "Down", Up: "Up", Floor: "Floor", Ceil: "Ceil"}

// String returns the mode's name, such as "HalfEven".
func (m RoundingMode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return fmt.Sprintf("RoundingMode(%d)", uint8(m))
}

func (m RoundingMode) validate() error {
	if int(m) >= len(modeNames) {
		return fmt.Errorf("decimal: unknown rounding mode %d", uint8(m))
	}
	return nil
}

// roundsAway reports whether a truncated quotient's magnitude must grow by
// one: neg is the sign of the exact result, odd whether the truncated
// magnitude is odd, inexact whether anything was dropped, and half compares
// the dropped part with one half of a unit in the last place (-1, 0, +1).
func (m RoundingMode) roundsAway(neg, odd, inexact bool, half int) bool {
	switch m {
	case HalfUp:
		return half >= 0
	case HalfEven:
		return half > 0 || half == 0 && odd
	case Down:
		return false
	case Up:
		return inexact
	case Floor:
		return inexact && neg
	case Ceil:
		return inexact && !neg
	}
	panic(m.validate())
}

// Round returns d rounded to places decimal places with mode; its exponent
// is always -places, so Round(2, …) of 3 is 3.00 and of 2.345 is 2.35 with
// HalfUp. A negative places rounds to tens, hundreds and so on: Round(-2,
// HalfUp) of 1250 is 1300 (13 × 10^2). Round panics for a mode that is not
// one of the RoundingMode constants, and for places of math.MinInt32, whose
// exponent does not fit in an int32.
func (d Decimal) Round(places int32, mode RoundingMode) Decimal {
	if err := mode.validate(); err != nil {
		panic(err)
	}
	exp := checkExp(-int64(places))
	if d.exp == exp {
		return d
	}
	if d.exp > exp {
		// More places than d has: pad with zeros.
		n := int64(d.exp) - int64(exp)
		if d.big == nil {
			if c, ok := scale64(d.coef, n); ok {
				return Decimal{coef: c, exp: exp}
			}
		}
		return fromBig(d.scaledBig(n), exp)
	}

	n := int64(exp) - int64(d.exp) // digits to drop
	if d.big == nil {
		m, neg := magnitude(d.coef)
		var q, r uint64
		half := -1 // |coef| < 10^19 < half of 10^n when n ≥ 20
		if n < int64(len(pow10)) {
			p := pow10[n]
			q, r = m/p, m%p
			half = cmpUint(r, p-r)
		} else {
			r = m
		}
		if mode.roundsAway(neg, q&1 == 1, r != 0, half) {
			q++
		}
		return fromMag(q, neg, exp)
	}

	neg := d.big.Sign() < 0
	if n > digitsAtMost(d.big)+1 {
		// Every digit goes, and they are less than half of the last place.
		q := uint64(0)
		if mode.roundsAway(neg, false, true, -1) {
			q = 1
		}
		return fromMag(q, neg, exp)
	}
	p := bigPow10(n)
	q, r := new(big.Int).QuoRem(new(big.Int).Abs(d.big), p, new(big.Int))
	if mode.roundsAway(neg, q.Bit(0) == 1, r.Sign() != 0, r.Lsh(r, 1).Cmp(p)) {
		q.Add(q, bigPow10(0))
	}
	if neg {
		q.Neg(q)
	}
	return fromBig(q, exp)
}
