package decimal

import (
	"errors"
	"math"
	"math/big"
)

// Add returns d + e, exactly. Its exponent is the smaller of the two, so
// 1.50 + 1 is 2.50. It does not allocate when both coefficients and the
// result fit in an int64.
//
// Adding numbers whose exponents are far apart (1e900 + 1e-900) builds a
// coefficient with as many digits as the distance between them.
func (d Decimal) Add(e Decimal) Decimal {
	if d.big == nil && e.big == nil {
		a, b, exp, ok := d.coef, e.coef, d.exp, true
		if d.exp != e.exp {
			a, b, exp, ok = align64(d, e)
		}
		if s := a + b; ok && (s > a) == (b > 0) {
			return Decimal{coef: s, exp: exp}
		}
	}
	a, b, exp := alignBig(d, e)
	return fromBig(a.Add(a, b), exp)
}

// Sub returns d - e, exactly, with the smaller of the two exponents. It
// does not allocate when both coefficients and the result fit in an int64.
func (d Decimal) Sub(e Decimal) Decimal {
	if d.big == nil && e.big == nil {
		a, b, exp, ok := d.coef, e.coef, d.exp, true
		if d.exp != e.exp {
			a, b, exp, ok = align64(d, e)
		}
		if s := a - b; ok && (s < a) == (b > 0) {
			return Decimal{coef: s, exp: exp}
		}
	}
	a, b, exp := alignBig(d, e)
	return fromBig(a.Sub(a, b), exp)
}

// align64 returns the coefficients of d and e scaled to their common
// (smaller) exponent, and false when one does not fit in an int64.
func align64(d, e Decimal) (a, b int64, exp int32, ok bool) {
	if d.exp > e.exp {
		a, ok = scale64(d.coef, int64(d.exp)-int64(e.exp))
		return a, e.coef, e.exp, ok
	}
	b, ok = scale64(e.coef, int64(e.exp)-int64(d.exp))
	return d.coef, b, d.exp, ok
}

// alignBig is align64 with new big.Ints that the caller may modify.
func alignBig(d, e Decimal) (a, b *big.Int, exp int32) {
	exp = min(d.exp, e.exp)
	return d.scaledBig(int64(d.exp) - int64(exp)), e.scaledBig(int64(e.exp) - int64(exp)), exp
}

// Sum returns the sum of ds, exactly, with the smallest of their
// exponents, and 0 for none.
func Sum(ds ...Decimal) Decimal {
	if len(ds) == 0 {
		return Decimal{}
	}
	s := ds[0]
	for _, d := range ds[1:] {
		s = s.Add(d)
	}
	return s
}

// Mul returns d × e, exactly: its coefficient is the product of theirs and
// its exponent their sum, so 19.99 × 0.15 is 2.9985. Round the product to
// the places you need with [Decimal.Round]. Mul does not allocate when the
// product's coefficient fits in an int64.
//
// Mul panics if the exponent of the product leaves int32's range, which
// takes millions of multiplications of values Parse accepts.
func (d Decimal) Mul(e Decimal) Decimal {
	exp := checkExp(int64(d.exp) + int64(e.exp))
	if d.big == nil && e.big == nil {
		if p, ok := mul64(d.coef, e.coef); ok {
			return Decimal{coef: p, exp: exp}
		}
	}
	return fromBig(new(big.Int).Mul(d.coefBig(), e.coefBig()), exp)
}

// Neg returns -d, with d's exponent.
func (d Decimal) Neg() Decimal {
	if d.big == nil && d.coef != math.MinInt64 {
		return Decimal{coef: -d.coef, exp: d.exp}
	}
	// -math.MinInt64 needs a big.Int; -(2^63) returns to int64.
	return fromBig(new(big.Int).Neg(d.coefBig()), d.exp)
}

// Abs returns |d|, with d's exponent.
func (d Decimal) Abs() Decimal {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}

// Div returns d / e rounded to places decimal places (exponent -places)
// with mode: Div(NewFromInt(10), NewFromInt(3), 2, HalfUp) is 3.33. The
// quotient is exact before that one rounding. It returns
// [ErrDivisionByZero] when e is zero, and an error for a mode that is not
// one of the RoundingMode constants or places of math.MinInt32.
func (d Decimal) Div(e Decimal, places int32, mode RoundingMode) (Decimal, error) {
	if e.IsZero() {
		return Decimal{}, ErrDivisionByZero
	}
	if err := mode.validate(); err != nil {
		return Decimal{}, err
	}
	if places == math.MinInt32 {
		return Decimal{}, errors.New("decimal: Div to math.MinInt32 places: the exponent does not fit in an int32")
	}
	exp := int32(-places)
	// d/e × 10^places = d.coef × 10^k / e.coef.
	k := int64(d.exp) - int64(e.exp) + int64(places)
	neg := d.Sign()*e.Sign() < 0

	if d.big == nil && e.big == nil {
		num, _ := magnitude(d.coef)
		den, _ := magnitude(e.coef)
		ok := true
		if k >= 0 {
			num, ok = scaleMag(num, k)
		} else {
			den, ok = scaleMag(den, -k)
		}
		if ok {
			q, r := num/den, num%den
			if mode.roundsAway(neg, q&1 == 1, r != 0, cmpUint(r, den-r)) {
				q++
			}
			return fromMag(q, neg, exp), nil
		}
	}

	num := new(big.Int).Abs(d.coefBig())
	den := new(big.Int).Abs(e.coefBig())
	if k >= 0 {
		num.Mul(num, bigPow10(k))
	} else {
		// A divisor with more digits than twice the dividend gives a
		// quotient of 0 below one half, without computing 10^-k.
		if num.Sign() == 0 || digitsAtLeast(den)-k > digitsAtMost(num)+1 {
			q := uint64(0)
			if mode.roundsAway(neg, false, num.Sign() != 0, -1) {
				q = 1
			}
			return fromMag(q, neg, exp), nil
		}
		den.Mul(den, bigPow10(-k))
	}
	q, r := num.QuoRem(num, den, new(big.Int))
	if mode.roundsAway(neg, q.Bit(0) == 1, r.Sign() != 0, r.Lsh(r, 1).Cmp(den)) {
		q.Add(q, bigPow10(0))
	}
	if neg {
		q.Neg(q)
	}
	return fromBig(q, exp), nil
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
