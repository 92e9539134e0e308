package decimal

import (
	"math"
	"math/big"
	"math/bits"
)

// pow10[n] is 10^n, for every power of ten a uint64 holds.
var pow10 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// float64pow10[n] is 10^n, for every power of ten a float64 holds exactly.
var float64pow10 = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
}

// pow5[n] is 5^n, up to the largest n that Float64's fast path divides by.
var pow5 = [...]uint64{
	1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125,
	9765625, 48828125, 244140625, 1220703125, 6103515625, 30517578125,
	152587890625, 762939453125, 3814697265625, 19073486328125,
	95367431640625, 476837158203125, 2384185791015625,
}

// bigPow10Cache holds 10^n for small n; its values are never modified.
var bigPow10Cache = func() [64]*big.Int {
	var t [64]*big.Int
	ten := big.NewInt(10)
	t[0] = big.NewInt(1)
	for i := 1; i < len(t); i++ {
		t[i] = new(big.Int).Mul(t[i-1], ten)
	}
	return t
}()

// bigPow10 returns 10^n (n ≥ 0) as a big.Int that the caller must not
// modify.
func bigPow10(n int64) *big.Int {
	if n < int64(len(bigPow10Cache)) {
		return bigPow10Cache[n]
	}
	return new(big.Int).Exp(bigPow10Cache[1], big.NewInt(n), nil)
}

// log10of2 bounds the decimal digits of a binary number: x < 2^n has at most
// ⌊n·log10(2)⌋ + 1 digits.
const log10of2 = 0.30102999566398120

// digitsAtMost returns an upper bound on the number of decimal digits of
// |x|, without converting it to text.
func digitsAtMost(x *big.Int) int64 {
	return int64(float64(x.BitLen())*log10of2) + 1
}

// digitsAtLeast returns a lower bound on the number of decimal digits of a
// non-zero |x|.
func digitsAtLeast(x *big.Int) int64 {
	return int64(float64(x.BitLen()-1)*log10of2) + 1
}

// magnitude returns |c| and whether c is negative; |math.MinInt64| is 2^63,
// which a uint64 holds.
func magnitude(c int64) (uint64, bool) {
	if c < 0 {
		return -uint64(c), true
	}
	return uint64(c), false
}

// signed returns ±m as an int64, and false when it does not fit.
func signed(m uint64, neg bool) (int64, bool) {
	if neg {
		if m <= 1<<63 {
			return int64(-m), true
		}
		return 0, false
	}
	if m <= math.MaxInt64 {
		return int64(m), true
	}
	return 0, false
}

// mul64 returns a × b, and false when it overflows an int64.
func mul64(a, b int64) (int64, bool) {
	ma, na := magnitude(a)
	mb, nb := magnitude(b)
	hi, lo := bits.Mul64(ma, mb)
	if hi != 0 {
		return 0, false
	}
	return signed(lo, na != nb)
}

// scaleLimit[n] is the largest |c| that scale64 multiplies by 10^n
// without overflow.
var scaleLimit = func() (t [19]int64) {
	for i := range t {
		t[i] = math.MaxInt64 / int64(pow10[i])
	}
	return t
}()

// scale64 returns c × 10^n (n ≥ 0), and false when it overflows an int64.
// (For n ≥ 1 the test is exact, since no multiple of 10 is -2^63; for n = 0
// it refuses math.MinInt64, which no caller passes with n = 0.)
func scale64(c int64, n int64) (int64, bool) {
	if uint64(n) >= uint64(len(scaleLimit)) {
		return 0, c == 0 // |c| × 10^19 ≥ 10^19 > 2^63
	}
	if lim := scaleLimit[n]; c > lim || c < -lim {
		return 0, false
	}
	return c * int64(pow10[n]), true
}

// scaleMag returns m × 10^n (n ≥ 0), and false when it overflows a uint64.
func scaleMag(m uint64, n int64) (uint64, bool) {
	if m == 0 {
		return 0, true
	}
	if n >= int64(len(pow10)) {
		return 0, false
	}
	hi, lo := bits.Mul64(m, pow10[n])
	return lo, hi == 0
}

// scaledBig returns a new big.Int holding d's coefficient × 10^n (n ≥ 0).
func (d Decimal) scaledBig(n int64) *big.Int {
	z := new(big.Int).Set(d.coefBig())
	if n > 0 {
		z.Mul(z, bigPow10(n))
	}
	return z
}

// checkExp converts an exponent computed in int64 back to int32, panicking
// when it is out of range: only arithmetic on values built with exponents
// near ±2^31 gets there.
func checkExp(e int64) int32 {
	if e < math.MinInt32 || e > math.MaxInt32 {
		panic("decimal: exponent overflow")
	}
	return int32(e)
}
