package decimal

import "math/big"

// Cmp compares d and e numerically and returns -1, 0 or +1 as d is less
// than, equal to or greater than e. Exponents do not matter: 1.50 and 1.5
// compare equal. It does not allocate when both coefficients fit in an
// int64.
func (d Decimal) Cmp(e Decimal) int {
	sd, se := d.Sign(), e.Sign()
	switch {
	case sd != se:
		return cmpInt(sd, se)
	case sd == 0:
		return 0
	}
	if d.big == nil && e.big == nil {
		if d.exp == e.exp {
			return cmpInt64(d.coef, e.coef)
		}
		md, _ := magnitude(d.coef)
		me, _ := magnitude(e.coef)
		var c int // compares |d| with |e|
		if d.exp > e.exp {
			s, ok := scaleMag(md, int64(d.exp)-int64(e.exp))
			c = 1 // |d| scaled beyond a uint64 exceeds |e|
			if ok {
				c = cmpUint(s, me)
			}
		} else {
			s, ok := scaleMag(me, int64(e.exp)-int64(d.exp))
			c = -1
			if ok {
				c = cmpUint(md, s)
			}
		}
		return c * sd
	}
	return cmpMagBig(d, e) * sd
}

// cmpMagBig compares |d| with |e|, both non-zero, without building a power
// of ten larger than their own coefficients.
func cmpMagBig(d, e Decimal) int {
	a, b := d.coefBig(), e.coefBig()
	// |d| lies in [10^(exp+lo-1), 10^(exp+hi)), likewise |e|.
	dLo, dHi := int64(d.exp)+digitsAtLeast(a)-1, int64(d.exp)+digitsAtMost(a)
	eLo, eHi := int64(e.exp)+digitsAtLeast(b)-1, int64(e.exp)+digitsAtMost(b)
	switch {
	case dHi <= eLo:
		return -1
	case eHi <= dLo:
		return 1
	}
	x, y, _ := alignBig(Decimal{big: new(big.Int).Abs(a), exp: d.exp}, Decimal{big: new(big.Int).Abs(b), exp: e.exp})
	return x.Cmp(y)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Equal reports whether d and e are the same number: 1.0 equals 1.
func (d Decimal) Equal(e Decimal) bool {
	return d.Cmp(e) == 0
}

// LessThan reports whether d < e.
func (d Decimal) LessThan(e Decimal) bool {
	return d.Cmp(e) < 0
}

// GreaterThan reports whether d > e.
func (d Decimal) GreaterThan(e Decimal) bool {
	return d.Cmp(e) > 0
}

// Min returns the smallest of its arguments; of equal ones, the first.
func Min(first Decimal, rest ...Decimal) Decimal {
	m := first
	for _, d := range rest {
		if d.Cmp(m) < 0 {
			m = d
		}
	}
	return m
}

// Max returns the largest of its arguments; of equal ones, the first.
func Max(first Decimal, rest ...Decimal) Decimal {
	m := first
	for _, d := range rest {
		if d.Cmp(m) > 0 {
			m = d
		}
	}
	return m
}
