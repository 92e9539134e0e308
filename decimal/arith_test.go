package decimal_test

import (
	"math"
	"math/big"
	"strings"
	"sync"
	"testing"

	"github.com/commercengine-go/sdk/decimal"
)

var mp = decimal.MustParse

// same reports whether a and b have the same coefficient and exponent,
// which String shows exactly for the values these tests use.
func same(a, b decimal.Decimal) bool {
	return a.Exponent() == b.Exponent() && a.Coefficient().Cmp(b.Coefficient()) == 0
}

func TestPointOnePlusPointTwoIsExactlyPointThree(t *testing.T) {
	sum := mp("0.1").Add(mp("0.2"))
	if !sum.Equal(mp("0.3")) || sum.String() != "0.3" {
		t.Errorf("0.1 + 0.2 = %v, want exactly 0.3", sum)
	}
	// float64 cannot: the test is about the difference.
	a, b := 0.1, 0.2
	if a+b == 0.3 {
		t.Fatal("float64 0.1 + 0.2 == 0.3; the premise of this package changed")
	}
}

func TestLargeTotalsBeyondFloat64(t *testing.T) {
	total := mp("98765432109876543.21")
	if got := total.String(); got != "98765432109876543.21" {
		t.Errorf("String() = %s, want the digits parsed", got)
	}
	// 2^53 + 1 is the first integer float64 cannot hold.
	n := mp("9007199254740993")
	if got := n.Add(mp("0.01")).String(); got != "9007199254740993.01" {
		t.Errorf("2^53+1 + 0.01 = %s", got)
	}
	if f, exact := n.Float64(); exact || f != 9007199254740992 {
		t.Errorf("Float64(2^53+1) = %v, %v; want 9007199254740992, inexact", f, exact)
	}
	// A cart of 10,000 lines at 0.01 sums to exactly 100.
	var sum decimal.Decimal
	for range 10000 {
		sum = sum.Add(mp("0.01"))
	}
	if sum.String() != "100.00" {
		t.Errorf("10,000 × 0.01 summed = %s, want 100.00", sum)
	}
	// Totals past int64's coefficient range add digit for digit.
	big1 := mp("98765432109876543.21")
	if got := big1.Add(big1).Add(big1).String(); got != "296296296329629629.63" {
		t.Errorf("3 × 98765432109876543.21 = %s", got)
	}
	if got := big1.Mul(decimal.NewFromInt(1000)).Sub(big1).String(); got != "98666666677766666666.79" {
		t.Errorf("999 × 98765432109876543.21 = %s", got)
	}
}

func TestArithmetic(t *testing.T) {
	tests := []struct {
		a, b          string
		sum, diff, pr string
	}{
		{"1.5", "1.25", "2.75", "0.25", "1.875"},
		{"1.50", "1", "2.50", "0.50", "1.50"},
		{"0", "0.00", "0.00", "0.00", "0.00"},
		{"-12.5", "2.5", "-10.0", "-15.0", "-31.25"},
		{"-0.1", "-0.2", "-0.3", "0.1", "0.02"},
		{"1200", "1.2e3", "2400", "0", "1440000"},
		{"1.2e3", "0.01", "1200.01", "1199.99", "12"}, // 12e2 + 1e-2: exponent -2; 12e2 × 1e-2: exponent 0
		{"5e-324", "1", "1." + zeros(323) + "5", "-0." + nines(323) + "5", "5e-324"},
		{"9223372036854775807", "1", "9223372036854775808", "9223372036854775806", "9223372036854775807"},
		{"-9223372036854775808", "1", "-9223372036854775807", "-9223372036854775809", "-9223372036854775808"},
		{"-9223372036854775808", "-1", "-9223372036854775809", "-9223372036854775807", "9223372036854775808"},
		{"92233720368547758.07", "0.01", "92233720368547758.08", "92233720368547758.06", "922337203685477.5807"},
		{"4294967296", "4294967296", "8589934592", "0", "18446744073709551616"},
		{"123456789012345678901234567890", "0.1", "123456789012345678901234567890.1", "123456789012345678901234567889.9", "12345678901234567890123456789.0"},
		{"1e20", "1e-20", "100000000000000000000.00000000000000000001", "99999999999999999999.99999999999999999999", "1"},
	}
	for _, tt := range tests {
		a, b := mp(tt.a), mp(tt.b)
		if got := a.Add(b); got.String() != tt.sum {
			t.Errorf("%s + %s = %s, want %s", tt.a, tt.b, got, tt.sum)
		}
		if got := b.Add(a); got.String() != tt.sum {
			t.Errorf("%s + %s = %s, want %s (commuted)", tt.b, tt.a, got, tt.sum)
		}
		if got := a.Sub(b); got.String() != tt.diff {
			t.Errorf("%s - %s = %s, want %s", tt.a, tt.b, got, tt.diff)
		}
		if got := a.Mul(b); got.String() != tt.pr {
			t.Errorf("%s × %s = %s, want %s", tt.a, tt.b, got, tt.pr)
		}
		if got := b.Mul(a); got.String() != tt.pr {
			t.Errorf("%s × %s = %s, want %s (commuted)", tt.b, tt.a, got, tt.pr)
		}
		// The operands are unchanged: values are immutable.
		if !same(a, mp(tt.a)) || !same(b, mp(tt.b)) {
			t.Errorf("operands changed: %s, %s", a, b)
		}
	}
}

func zeros(n int) string { return strings.Repeat("0", n) }

func nines(n int) string { return strings.Repeat("9", n) }

func TestNegAbs(t *testing.T) {
	tests := []struct{ in, neg, abs string }{
		{"0", "0", "0"},
		{"1.50", "-1.50", "1.50"},
		{"-1.50", "1.50", "1.50"},
		{"-9223372036854775808", "9223372036854775808", "9223372036854775808"},
		{"9223372036854775808", "-9223372036854775808", "9223372036854775808"},
		{"-123456789012345678901234567890.5", "123456789012345678901234567890.5", "123456789012345678901234567890.5"},
	}
	for _, tt := range tests {
		d := mp(tt.in)
		if got := d.Neg().String(); got != tt.neg {
			t.Errorf("Neg(%s) = %s, want %s", tt.in, got, tt.neg)
		}
		if got := d.Abs().String(); got != tt.abs {
			t.Errorf("Abs(%s) = %s, want %s", tt.in, got, tt.abs)
		}
		if got := d.Neg().Neg(); !same(got, d) {
			t.Errorf("Neg(Neg(%s)) = %s", tt.in, got)
		}
	}
}

func TestCartLineArithmetic(t *testing.T) {
	// A line: 3 × 199.99, 15% off, 18% tax on the discounted amount,
	// then 250 loyalty points worth 0.10 each and 12.345 of store credit.
	unit := mp("199.99")
	line := unit.Mul(decimal.NewFromInt(3)) // 599.97
	discount := line.Mul(mp("0.15")).Round(2, decimal.HalfUp)
	net := line.Sub(discount)
	taxAmt, err := net.Mul(mp("18")).Div(decimal.NewFromInt(100), 2, decimal.HalfUp)
	if err != nil {
		t.Fatal(err)
	}
	loyalty := decimal.NewFromInt(250).Mul(mp("0.10"))
	credit := mp("12.345").Round(2, decimal.HalfEven)
	total := decimal.Sum(net, taxAmt).Sub(loyalty).Sub(credit)
	for _, c := range []struct {
		what string
		got  decimal.Decimal
		want string
	}{
		{"line", line, "599.97"},
		{"discount", discount, "90.00"}, // 89.9955
		{"net", net, "509.97"},
		{"tax", taxAmt, "91.79"}, // 91.7946
		{"loyalty", loyalty, "25.00"},
		{"credit", credit, "12.34"}, // banker's: 12.345 → 12.34
		{"total", total, "564.42"},
	} {
		if c.got.String() != c.want {
			t.Errorf("%s = %s, want %s", c.what, c.got, c.want)
		}
	}
}

func TestSumMinMax(t *testing.T) {
	if got := decimal.Sum(); !same(got, decimal.Decimal{}) {
		t.Errorf("Sum() = %s, want 0", got)
	}
	if got := decimal.Sum(mp("1.10"), mp("2.2"), mp("-0.3"), mp("1e1")).String(); got != "13.00" {
		t.Errorf("Sum = %s, want 13.00", got)
	}
	vals := []decimal.Decimal{mp("3"), mp("-1.5"), mp("2.50"), mp("-1.50"), mp("3.0")}
	if got := decimal.Min(vals[0], vals[1:]...); got.String() != "-1.5" {
		t.Errorf("Min = %s, want -1.5 (the first of the equal ones)", got)
	}
	if got := decimal.Max(vals[0], vals[1:]...); got.String() != "3" {
		t.Errorf("Max = %s, want 3 (the first of the equal ones)", got)
	}
	if got := decimal.Min(mp("7")); got.String() != "7" {
		t.Errorf("Min(7) = %s", got)
	}
}

func TestCmp(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"0", "0.00", 0},
		{"1", "1.0", 0},
		{"1.50", "1.5", 0},
		{"1200", "1.2e3", 0},
		{"-1", "1", -1},
		{"1", "-1", 1},
		{"0", "-0.001", 1},
		{"0", "0.001", -1},
		{"1.01", "1.1", -1},
		{"-1.01", "-1.1", 1},
		{"9223372036854775807", "9223372036854775808", -1},
		{"-9223372036854775808", "-9223372036854775809", 1},
		{"1e30", "9223372036854775807", 1},
		{"-1e30", "-9223372036854775807", -1},
		{"1e-30", "1e-31", 1},
		{"123456789012345678901234567890", "1.23456789012345678901234567890e29", 0},
		{"123456789012345678901234567891", "1.23456789012345678901234567890e29", 1},
		{"1e1000", "1e-1000", 1},
		{"99999999999999999999", "1e20", -1},
		{"100000000000000000000", "1e20", 0},
	}
	for _, tt := range tests {
		a, b := mp(tt.a), mp(tt.b)
		if got := a.Cmp(b); got != tt.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := b.Cmp(a); got != -tt.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
		if got := a.Equal(b); got != (tt.want == 0) {
			t.Errorf("Equal(%s, %s) = %v", tt.a, tt.b, got)
		}
		if a.LessThan(b) != (tt.want < 0) || a.GreaterThan(b) != (tt.want > 0) {
			t.Errorf("LessThan/GreaterThan(%s, %s) disagree with Cmp", tt.a, tt.b)
		}
	}
	// Exponents far apart are compared without building 10^(2^31).
	huge, tiny := decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32)
	if huge.Cmp(tiny) != 1 || tiny.Cmp(huge) != -1 || huge.Cmp(decimal.NewFromInt(math.MaxInt64)) != 1 {
		t.Error("Cmp of extreme exponents is wrong")
	}
	bigHuge := mp("123456789012345678901234567890").Mul(decimal.New(1, math.MaxInt32-100))
	if bigHuge.Cmp(mp("123456789012345678901234567890")) != 1 {
		t.Error("Cmp of a big coefficient with an extreme exponent is wrong")
	}
}

func TestInspection(t *testing.T) {
	tests := []struct {
		in       string
		sign     int
		isZero   bool
		isInt    bool
		i64      int64
		i64ok    bool
		f64      float64
		f64exact bool
	}{
		{"0", 0, true, true, 0, true, 0, true},
		{"0.000", 0, true, true, 0, true, 0, true},
		{"12", 1, false, true, 12, true, 12, true},
		{"12.00", 1, false, true, 12, true, 12, true},
		{"1.2e3", 1, false, true, 1200, true, 1200, true},
		{"-12.5", -1, false, false, 0, false, -12.5, true},
		{"0.1", 1, false, false, 0, false, 0.1, false},
		{"0.5", 1, false, false, 0, false, 0.5, true},
		{"-0.375", -1, false, false, 0, false, -0.375, true},
		{"9223372036854775807", 1, false, true, math.MaxInt64, true, 9223372036854775807, false},
		{"-9223372036854775808", -1, false, true, math.MinInt64, true, -9223372036854775808, true},
		{"9223372036854775808", 1, false, true, 0, false, 9223372036854775808, true},
		{"922337203685477580800e-2", 1, false, true, 0, false, 9223372036854775808, true},
		{"-922337203685477580800e-2", -1, false, true, math.MinInt64, true, -9223372036854775808, true},
		{"922337203685477580801e-2", 1, false, false, 0, false, 9223372036854775808, false},
		{"1e19", 1, false, true, 0, false, 1e19, true},
		{"1e22", 1, false, true, 0, false, 1e22, true},
		{"1e23", 1, false, true, 0, false, 1e23, false},
		{"1e-19", 1, false, false, 0, false, 1e-19, false},
		{"-0.8446744073709551616", -1, false, false, 0, false, -0.8446744073709551616, false}, // coef = int64(uint64(1e19))
		{"0e-19", 0, true, true, 0, true, 0, true},
		{"1e400", 1, false, true, 0, false, math.Inf(1), false},
		{"-1e400", -1, false, true, 0, false, math.Inf(-1), false},
		{"1e-400", 1, false, false, 0, false, 0, false},
		{"9007199254740993", 1, false, true, 9007199254740993, true, 9007199254740992, false},
		{"0.30000000000000004", 1, false, false, 0, false, 0.30000000000000004, false},
		{"0.3000000000000000444089209850062616169452667236328125", 1, false, false, 0, false, 0.30000000000000004, true},
	}
	for _, tt := range tests {
		d := mp(tt.in)
		if got := d.Sign(); got != tt.sign {
			t.Errorf("Sign(%s) = %d, want %d", tt.in, got, tt.sign)
		}
		if got := d.IsZero(); got != tt.isZero {
			t.Errorf("IsZero(%s) = %v", tt.in, got)
		}
		if got := d.IsInteger(); got != tt.isInt {
			t.Errorf("IsInteger(%s) = %v", tt.in, got)
		}
		if got, ok := d.Int64(); got != tt.i64 || ok != tt.i64ok {
			t.Errorf("Int64(%s) = %d, %v; want %d, %v", tt.in, got, ok, tt.i64, tt.i64ok)
		}
		if got, exact := d.Float64(); got != tt.f64 || exact != tt.f64exact {
			t.Errorf("Float64(%s) = %v, %v; want %v, %v", tt.in, got, exact, tt.f64, tt.f64exact)
		}
	}
}

func TestCoefficientExponent(t *testing.T) {
	d := mp("-123456789012345678901.50")
	c := d.Coefficient()
	if c.String() != "-12345678901234567890150" || d.Exponent() != -2 {
		t.Errorf("Coefficient, Exponent = %s, %d", c, d.Exponent())
	}
	c.SetInt64(0) // a copy: d is unchanged
	if d.String() != "-123456789012345678901.50" {
		t.Errorf("changing Coefficient()'s result changed d to %s", d)
	}
	if got := decimal.New(1250, -2).String(); got != "12.50" {
		t.Errorf("New(1250, -2) = %s", got)
	}
	if got := decimal.NewFromInt(-7).String(); got != "-7" {
		t.Errorf("NewFromInt(-7) = %s", got)
	}
	if got := decimal.NewFromBigInt(big.NewInt(5), 3).String(); got != "5000" {
		t.Errorf("NewFromBigInt(5, 3) = %s", got)
	}
	var zero decimal.Decimal
	if zero.String() != "0" || !zero.IsZero() || zero.Exponent() != 0 {
		t.Errorf("zero value = %s", zero)
	}
}

func TestMulExponentOverflowPanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("Mul with an exponent beyond int32 did not panic")
		}
	}()
	decimal.New(1, math.MaxInt32).Mul(decimal.New(1, 1))
}

// TestConcurrentReads shares values, small and big, between goroutines
// that use them at once; the race detector checks that nothing writes.
func TestConcurrentReads(t *testing.T) {
	shared := []decimal.Decimal{mp("199.99"), mp("123456789012345678901234567890.12"), mp("-9223372036854775808")}
	want := make([]string, 0, 4*len(shared))
	for _, d := range shared {
		want = append(want, d.Add(d).String(), d.Mul(d).String(), d.Round(1, decimal.HalfEven).String(), d.Neg().String())
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				var got []string
				for _, d := range shared {
					q, _ := d.Div(mp("3"), 5, decimal.HalfUp)
					_ = q.Cmp(d)
					_, _ = d.Float64()
					_ = d.Coefficient()
					got = append(got, d.Add(d).String(), d.Mul(d).String(), d.Round(1, decimal.HalfEven).String(), d.Neg().String())
				}
				for i := range got {
					if got[i] != want[i] {
						t.Errorf("concurrent result %d = %s, want %s", i, got[i], want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
