package decimal_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/commercengine-go/sdk/decimal"
)

var modes = []decimal.RoundingMode{decimal.HalfUp, decimal.HalfEven, decimal.Down, decimal.Up, decimal.Floor, decimal.Ceil}

func TestRoundEveryMode(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   [6]string // HalfUp, HalfEven, Down, Up, Floor, Ceil
	}{
		{"2.5", 0, [6]string{"3", "2", "2", "3", "2", "3"}},
		{"-2.5", 0, [6]string{"-3", "-2", "-2", "-3", "-3", "-2"}},
		{"3.5", 0, [6]string{"4", "4", "3", "4", "3", "4"}},
		{"-3.5", 0, [6]string{"-4", "-4", "-3", "-4", "-4", "-3"}},
		{"2.4", 0, [6]string{"2", "2", "2", "3", "2", "3"}},
		{"-2.4", 0, [6]string{"-2", "-2", "-2", "-3", "-3", "-2"}},
		{"2.6", 0, [6]string{"3", "3", "2", "3", "2", "3"}},
		{"-2.6", 0, [6]string{"-3", "-3", "-2", "-3", "-3", "-2"}},
		{"0.5", 0, [6]string{"1", "0", "0", "1", "0", "1"}},
		{"-0.5", 0, [6]string{"-1", "0", "0", "-1", "-1", "0"}},
		{"1.0", 0, [6]string{"1", "1", "1", "1", "1", "1"}},
		{"-1.000", 0, [6]string{"-1", "-1", "-1", "-1", "-1", "-1"}},
		{"0.0001", 0, [6]string{"0", "0", "0", "1", "0", "1"}},
		{"-0.0001", 0, [6]string{"0", "0", "0", "-1", "-1", "0"}},
		{"2.345", 2, [6]string{"2.35", "2.34", "2.34", "2.35", "2.34", "2.35"}},
		{"-2.345", 2, [6]string{"-2.35", "-2.34", "-2.34", "-2.35", "-2.35", "-2.34"}},
		{"2.355", 2, [6]string{"2.36", "2.36", "2.35", "2.36", "2.35", "2.36"}},
		{"2.3450000001", 2, [6]string{"2.35", "2.35", "2.34", "2.35", "2.34", "2.35"}},
		{"2.3449999999", 2, [6]string{"2.34", "2.34", "2.34", "2.35", "2.34", "2.35"}},
		// Past int64: the same boundaries in a big.Int.
		{"2.50000000000000000000001", 0, [6]string{"3", "3", "2", "3", "2", "3"}},
		{"2.50000000000000000000000", 0, [6]string{"3", "2", "2", "3", "2", "3"}},
		{"-2.49999999999999999999999", 0, [6]string{"-2", "-2", "-2", "-3", "-3", "-2"}},
		{"9223372036854775807.5", 0, [6]string{"9223372036854775808", "9223372036854775808", "9223372036854775807", "9223372036854775808", "9223372036854775807", "9223372036854775808"}},
		{"-9223372036854775808.5", 0, [6]string{"-9223372036854775809", "-9223372036854775808", "-9223372036854775808", "-9223372036854775809", "-9223372036854775809", "-9223372036854775808"}},
		// Fewer places than asked: padded, never rounded.
		{"3", 2, [6]string{"3.00", "3.00", "3.00", "3.00", "3.00", "3.00"}},
		{"-1.5", 2, [6]string{"-1.50", "-1.50", "-1.50", "-1.50", "-1.50", "-1.50"}},
		{"1.2e3", 2, [6]string{"1200.00", "1200.00", "1200.00", "1200.00", "1200.00", "1200.00"}},
		{"123456789012345678901234567890", 1, [6]string{"123456789012345678901234567890.0", "123456789012345678901234567890.0", "123456789012345678901234567890.0", "123456789012345678901234567890.0", "123456789012345678901234567890.0", "123456789012345678901234567890.0"}},
		// Negative places: tens, hundreds.
		{"1250", -2, [6]string{"1300", "1200", "1200", "1300", "1200", "1300"}},
		{"1350", -2, [6]string{"1400", "1400", "1300", "1400", "1300", "1400"}},
		{"-1250", -2, [6]string{"-1300", "-1200", "-1200", "-1300", "-1300", "-1200"}},
		{"49.99", -2, [6]string{"0", "0", "0", "100", "0", "100"}},
		// Every digit dropped, far below the last place kept.
		{"1e-30", 2, [6]string{"0.00", "0.00", "0.00", "0.01", "0.00", "0.01"}},
		{"-1e-30", 2, [6]string{"0.00", "0.00", "0.00", "-0.01", "-0.01", "0.00"}},
		{"0.000000000000000000000001234", 2, [6]string{"0.00", "0.00", "0.00", "0.01", "0.00", "0.01"}},
		{"0." + strings.Repeat("0", 40) + "1234567890123456789012345", 2, [6]string{"0.00", "0.00", "0.00", "0.01", "0.00", "0.01"}},
		{"-0." + strings.Repeat("0", 40) + "1234567890123456789012345", 2, [6]string{"0.00", "0.00", "0.00", "-0.01", "-0.01", "0.00"}},
		{"0.5" + strings.Repeat("0", 40), 0, [6]string{"1", "0", "0", "1", "0", "1"}},
	}
	for _, tt := range tests {
		d := mp(tt.in)
		for i, mode := range modes {
			if got := d.Round(tt.places, mode); got.String() != tt.want[i] {
				t.Errorf("Round(%.30s, %d, %v) = %s, want %s", tt.in, tt.places, mode, got, tt.want[i])
			} else if got.Exponent() != -tt.places {
				t.Errorf("Round(%.30s, %d, %v) has exponent %d, want %d", tt.in, tt.places, mode, got.Exponent(), -tt.places)
			}
		}
	}
}

func TestRoundPercentageOfPrice(t *testing.T) {
	// Every price from 0.01 to 99.99 at 7.5%: the rounded discount is the
	// exact product rounded half up, which float64 gets wrong for some.
	rate := mp("0.075")
	floatWrong := 0
	for cents := int64(1); cents < 10000; cents++ {
		price := decimal.New(cents, -2)
		got := price.Mul(rate).Round(2, decimal.HalfUp)
		// Exact: cents × 75 / 1000 in hundredths, half up, by integers.
		milli := cents * 75 // value × 100000
		want := (milli + 500) / 1000
		if got.Coefficient().Int64() != want || got.Exponent() != -2 {
			t.Fatalf("%s × 7.5%% rounded = %s, want %d hundredths", price, got, want)
		}
		f := float64(cents) / 100 * 0.075
		if int64(f*100+0.5) != want {
			floatWrong++
		}
	}
	t.Logf("float64 rounds %d of 9999 discounts differently", floatWrong)
}

func TestRoundInvalidModePanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("Round with RoundingMode(42) did not panic")
		}
	}()
	mp("1.5").Round(0, decimal.RoundingMode(42))
}

func TestRoundingModeString(t *testing.T) {
	want := []string{"HalfUp", "HalfEven", "Down", "Up", "Floor", "Ceil"}
	for i, m := range modes {
		if m.String() != want[i] {
			t.Errorf("mode %d String() = %q, want %q", i, m, want[i])
		}
	}
	if got := decimal.RoundingMode(9).String(); got != "RoundingMode(9)" {
		t.Errorf("RoundingMode(9).String() = %q", got)
	}
	var zero decimal.RoundingMode
	if zero != decimal.HalfUp {
		t.Errorf("the zero RoundingMode is %v, want HalfUp", zero)
	}
}

func TestDiv(t *testing.T) {
	tests := []struct {
		a, b   string
		places int32
		mode   decimal.RoundingMode
		want   string
	}{
		{"10", "3", 2, decimal.HalfUp, "3.33"},
		{"10", "3", 2, decimal.Up, "3.34"},
		{"-10", "3", 2, decimal.HalfUp, "-3.33"},
		{"-10", "3", 2, decimal.Floor, "-3.34"},
		{"-10", "3", 2, decimal.Ceil, "-3.33"},
		{"2", "3", 4, decimal.HalfEven, "0.6667"},
		{"1", "8", 2, decimal.HalfEven, "0.12"},
		{"1", "8", 2, decimal.HalfUp, "0.13"},
		{"1", "8", 3, decimal.Down, "0.125"},
		{"-7", "-2", 0, decimal.HalfUp, "4"},
		{"7", "-2", 0, decimal.HalfEven, "-4"},
		{"5", "-2", 0, decimal.HalfEven, "-2"},
		{"100", "7", 0, decimal.Down, "14"},
		{"100.00", "3", 2, decimal.Down, "33.33"},
		{"1.50", "0.5", 2, decimal.HalfUp, "3.00"},
		{"0", "5", 2, decimal.HalfUp, "0.00"},
		{"12345", "1", -2, decimal.HalfUp, "12300"},
		{"1", "3", 30, decimal.HalfUp, "0.333333333333333333333333333333"},
		{"2", "3", 30, decimal.HalfUp, "0.666666666666666666666666666667"},
		{"1e20", "1e-20", 0, decimal.HalfUp, "1" + strings.Repeat("0", 40)},
		{"123456789012345678901234567891", "7", 5, decimal.HalfUp, "17636684144620811271604938270.14286"},
		{"123456789012345678901234567891", "7", 5, decimal.Down, "17636684144620811271604938270.14285"},
		{"-98765432109876543210.98", "0.07", 4, decimal.Floor, "-1410934744426807760156.8572"},
		{"-98765432109876543210.98", "0.07", 4, decimal.HalfEven, "-1410934744426807760156.8571"},
		{"98765432109876543.21", "3", 2, decimal.HalfEven, "32921810703292181.07"},
		// A divisor far larger than the dividend.
		{"5", "1e30", 2, decimal.HalfUp, "0.00"},
		{"5", "1e30", 2, decimal.Up, "0.01"},
		{"-5", "123456789012345678901234567890e10", 2, decimal.Floor, "-0.01"},
		{"5", "123456789012345678901234567890e10", 2, decimal.Ceil, "0.01"},
		{"5", "123456789012345678901234567890e10", 2, decimal.HalfEven, "0.00"},
	}
	for _, tt := range tests {
		got, err := mp(tt.a).Div(mp(tt.b), tt.places, tt.mode)
		if err != nil {
			t.Errorf("%s / %s: %v", tt.a, tt.b, err)
			continue
		}
		if got.String() != tt.want || got.Exponent() != -tt.places {
			t.Errorf("%s / %s (%d places, %v) = %s (exponent %d), want %s", tt.a, tt.b, tt.places, tt.mode, got, got.Exponent(), tt.want)
		}
	}
}

func TestDivErrors(t *testing.T) {
	for _, zero := range []string{"0", "0.00", "0e5"} {
		got, err := mp("1").Div(mp(zero), 2, decimal.HalfUp)
		if !errors.Is(err, decimal.ErrDivisionByZero) {
			t.Errorf("1 / %s = %v, %v; want ErrDivisionByZero", zero, got, err)
		}
	}
	if _, err := mp("1").Div(mp("3"), 2, decimal.RoundingMode(42)); err == nil || err.Error() != "decimal: unknown rounding mode 42" {
		t.Errorf("Div with mode 42: error %v", err)
	}
	if q, err := mp("1").Div(mp("3"), math.MinInt32, decimal.HalfUp); err == nil {
		t.Errorf("Div to math.MinInt32 places = %v, want an error", q)
	}
}
