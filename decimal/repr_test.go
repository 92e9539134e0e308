package decimal

import (
	"math"
	"testing"
)

// TestInt64OverflowFallsBackToBigAndBack follows values across the int64
// boundary: results that overflow move to a big.Int, and results that fit
// again come back inline, where the fast paths see them.
func TestInt64OverflowFallsBackToBigAndBack(t *testing.T) {
	maxInt := NewFromInt(math.MaxInt64)
	minInt := NewFromInt(math.MinInt64)
	one := NewFromInt(1)
	steps := []struct {
		what   string
		d      Decimal
		want   string
		inline bool
	}{
		{"MaxInt64 + 1", maxInt.Add(one), "9223372036854775808", false},
		{"(MaxInt64 + 1) - 1", maxInt.Add(one).Sub(one), "9223372036854775807", true},
		{"MinInt64 - 1", minInt.Sub(one), "-9223372036854775809", false},
		{"(MinInt64 - 1) + 1", minInt.Sub(one).Add(one), "-9223372036854775808", true},
		{"-MinInt64", minInt.Neg(), "9223372036854775808", false},
		{"-(-MinInt64)", minInt.Neg().Neg(), "-9223372036854775808", true},
		{"|MinInt64|", minInt.Abs(), "9223372036854775808", false},
		{"MaxInt64 × 10", maxInt.Mul(NewFromInt(10)), "92233720368547758070", false},
		{"MaxInt64 × 10 - MaxInt64 × 9", maxInt.Mul(NewFromInt(10)).Sub(maxInt.Mul(NewFromInt(9))), "9223372036854775807", true},
		{"1e19 - 9e18 (aligning overflows, the result fits)", New(1, 19).Sub(New(9, 18)), "1000000000000000000", true},
		{"1e19 + (-1e19)", New(1, 19).Add(New(-10, 18)), "0", true},
		{"(MaxInt64 × 10).Round(-1)", maxInt.Mul(NewFromInt(10)).Round(-1, Down), "92233720368547758070", true},
		{"MaxInt64.Round(2)", maxInt.Round(2, HalfUp), "9223372036854775807.00", false},
	}
	for _, s := range steps {
		checkInvariant(t, s.what, s.d)
		if got := s.d.String(); got != s.want {
			t.Errorf("%s = %s, want %s", s.what, got, s.want)
		}
		if inline := s.d.big == nil; inline != s.inline {
			t.Errorf("%s: inline = %v, want %v", s.what, inline, s.inline)
		}
	}
	q, err := maxInt.Mul(NewFromInt(1000)).Div(NewFromInt(1000), 0, HalfUp)
	if err != nil || q.big != nil || q.coef != math.MaxInt64 {
		t.Errorf("MaxInt64 × 1000 / 1000 = %v (inline %v), %v", q, q.big == nil, err)
	}
}
