package decimal

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
)

// repr describes a Decimal's representation as a test expects it.
func repr(d Decimal) (coef string, exp int32, inline bool) {
	return d.coefBig().String(), d.exp, d.big == nil
}

// checkInvariant fails when d holds in a big.Int a coefficient that fits
// in an int64, which would make fast paths miss it.
func checkInvariant(t *testing.T, what string, d Decimal) {
	t.Helper()
	if d.big != nil && d.big.IsInt64() {
		t.Errorf("%s: coefficient %s held in a big.Int although it fits in int64", what, d.big)
	}
}

func TestParseValid(t *testing.T) {
	tests := []struct {
		in     string
		coef   string
		exp    int32
		inline bool
	}{
		{"0", "0", 0, true},
		{"-0", "0", 0, true},
		{"0.00", "0", -2, true},
		{"7", "7", 0, true},
		{"-12.5", "-125", -1, true},
		{"1.50", "150", -2, true},
		{"0.30", "30", -2, true},
		{"1200", "1200", 0, true},
		{"1.2e3", "12", 2, true},
		{"1.2E3", "12", 2, true},
		{"1.2e+3", "12", 2, true},
		{"125e-2", "125", -2, true},
		{"0.000123", "123", -6, true},
		{"1e-07", "1", -7, true}, // exponents may have leading zeros in JSON
		{"5e-324", "5", -324, true},
		{"9223372036854775807", "9223372036854775807", 0, true},
		{"-9223372036854775808", "-9223372036854775808", 0, true},
		{"9223372036854775808", "9223372036854775808", 0, false},
		{"-9223372036854775809", "-9223372036854775809", 0, false},
		{"18446744073709551615", "18446744073709551615", 0, false}, // 20 digits
		{"98765432109876543.21", "9876543210987654321", -2, false}, // above 2^63
		{"92233720368547758.07", "9223372036854775807", -2, true},
		{"98765432109876543210.99", "9876543210987654321099", -2, false},
		{"0.0000000000000000000000000000001234567890123456789012", "1234567890123456789012", -52, false},
		{"123456789012345678901234567890e-30", "123456789012345678901234567890", -30, false},
		{"1" + strings.Repeat("0", 999), "1" + strings.Repeat("0", 999), 0, false},
		{"1e1000", "1", 1000, true},
		{"1e-1000", "1", -1000, true},
		{"0." + strings.Repeat("0", 999) + "1", "1", -1000, true},
		{"10e999", "10", 999, true},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%.40q): %v", tt.in, err)
			continue
		}
		coef, exp, inline := repr(d)
		if coef != tt.coef || exp != tt.exp || inline != tt.inline {
			t.Errorf("Parse(%.40q) = %.40s × 10^%d (inline %v), want %.40s × 10^%d (inline %v)",
				tt.in, coef, exp, inline, tt.coef, tt.exp, tt.inline)
		}
		checkInvariant(t, tt.in, d)
		// The []byte path (JSON) must agree with the string path.
		var j Decimal
		if err := j.UnmarshalJSON([]byte(tt.in)); err != nil {
			t.Errorf("UnmarshalJSON(%.40q): %v", tt.in, err)
		} else if c, e, _ := repr(j); c != coef || e != exp {
			t.Errorf("UnmarshalJSON(%.40q) = %.40s × 10^%d, Parse gave %.40s × 10^%d", tt.in, c, e, coef, exp)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		in   string
		msg  string
		kind error
	}{
		{"", "decimal: number: empty", ErrSyntax},
		{"-", "decimal: number: missing digits at offset 1", ErrSyntax},
		{"+1", "decimal: number: unexpected character at offset 0", ErrSyntax},
		{" 1", "decimal: number: unexpected character at offset 0", ErrSyntax},
		{"1 ", "decimal: number: unexpected character at offset 1", ErrSyntax},
		{"01", "decimal: number: leading zero at offset 0", ErrSyntax},
		{"-00.5", "decimal: number: leading zero at offset 1", ErrSyntax},
		{"1.", "decimal: number: missing digits after the decimal point at offset 2", ErrSyntax},
		{"1.e5", "decimal: number: missing digits after the decimal point at offset 2", ErrSyntax},
		{".5", "decimal: number: unexpected character at offset 0", ErrSyntax},
		{"-.5", "decimal: number: unexpected character at offset 1", ErrSyntax},
		{"1e", "decimal: number: missing digits in the exponent at offset 2", ErrSyntax},
		{"1e+", "decimal: number: missing digits in the exponent at offset 3", ErrSyntax},
		{"1e-", "decimal: number: missing digits in the exponent at offset 3", ErrSyntax},
		{"1e5.5", "decimal: number: unexpected character at offset 3", ErrSyntax},
		{"0x1F", "decimal: number: unexpected character at offset 1", ErrSyntax},
		{"NaN", "decimal: number: unexpected character at offset 0", ErrSyntax},
		{"Inf", "decimal: number: unexpected character at offset 0", ErrSyntax},
		{"-Infinity", "decimal: number: unexpected character at offset 1", ErrSyntax},
		{"1_000", "decimal: number: unexpected character at offset 1", ErrSyntax},
		{"1,5", "decimal: number: unexpected character at offset 1", ErrSyntax},
		{"--1", "decimal: number: unexpected character at offset 1", ErrSyntax},
		{"1.5.5", "decimal: number: unexpected character at offset 3", ErrSyntax},
		{"١", "decimal: number: unexpected character at offset 0", ErrSyntax}, // Arabic-Indic one
		{`"1"`, "decimal: number: unexpected character at offset 0", ErrSyntax},
		{"1e1001", "decimal: number: exponent above 1000", ErrRange},
		{"1e999999999", "decimal: number: exponent above 1000", ErrRange},
		{"1e99999999999999999999999999999", "decimal: number: exponent above 1000", ErrRange},
		{"1e-1001", "decimal: number: more than 1000 decimal places", ErrRange},
		{"0." + strings.Repeat("0", 1000) + "1", "decimal: number: more than 1000 decimal places", ErrRange},
		{"1e-99999999999999999999999999999", "decimal: number: more than 1000 decimal places", ErrRange},
		{"1" + strings.Repeat("0", 1000), "decimal: number: more than 1000 significant digits", ErrRange},
		{"0.1" + strings.Repeat("2", 1000), "decimal: number: more than 1000 significant digits", ErrRange},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%.40q) = %v, want error %q", tt.in, d, tt.msg)
			continue
		}
		if err.Error() != tt.msg {
			t.Errorf("Parse(%.40q) error %q, want %q", tt.in, err, tt.msg)
		}
		if !errors.Is(err, tt.kind) {
			t.Errorf("Parse(%.40q) error %v is not %v", tt.in, err, tt.kind)
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%.40q) error %T is not a *ParseError", tt.in, err)
		}
		if (d != Decimal{}) {
			t.Errorf("Parse(%.40q) returned %v with its error, want the zero value", tt.in, d)
		}
	}
}

func TestParseErrorNeverQuotesInput(t *testing.T) {
	secret := "12345678901234567890secret"
	_, err := Parse(secret)
	if err == nil || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "1234") {
		t.Errorf("Parse error %q quotes its input", err)
	}
}

func TestMustParse(t *testing.T) {
	if got := MustParse("12.50"); got.String() != "12.50" {
		t.Errorf("MustParse(12.50) = %v", got)
	}
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok || !errors.Is(err, ErrSyntax) {
			t.Errorf("MustParse(\"12,50\") panicked with %v, want a syntax error", r)
		}
	}()
	MustParse("12,50")
}

func TestNewFromFloat64(t *testing.T) {
	point1, point2 := 0.1, 0.2
	tests := []struct {
		in   float64
		coef string
		exp  int32
	}{
		{0, "0", 0},
		{math.Copysign(0, -1), "0", 0},
		{0.1, "1", -1},
		{point1 + point2, "30000000000000004", -17}, // what float64 really holds, shortest form
		{-12.5, "-125", -1},
		{100, "100", 0},
		{1e21, "1", 21},
		{1e-7, "1", -7},
		{123456789, "123456789", 0},
		{math.MaxFloat64, "17976931348623157", 292},
		{math.SmallestNonzeroFloat64, "5", -324},
		{1 << 53, "9007199254740992", 0},
	}
	for _, tt := range tests {
		d, err := NewFromFloat64(tt.in)
		if err != nil {
			t.Errorf("NewFromFloat64(%v): %v", tt.in, err)
			continue
		}
		if coef, exp, _ := repr(d); coef != tt.coef || exp != tt.exp {
			t.Errorf("NewFromFloat64(%v) = %s × 10^%d, want %s × 10^%d", tt.in, coef, exp, tt.coef, tt.exp)
		}
		if f, _ := d.Float64(); f != tt.in {
			t.Errorf("NewFromFloat64(%v).Float64() = %v, does not round-trip", tt.in, f)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := NewFromFloat64(f); !errors.Is(err, ErrNotFinite) {
			t.Errorf("NewFromFloat64(%v) error %v, want ErrNotFinite", f, err)
		}
	}
}

func TestNewFromBigIntCopies(t *testing.T) {
	c, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	d := NewFromBigInt(c, -2)
	c.SetInt64(1)
	if got := d.String(); got != "1234567890123456789012345678.90" {
		t.Errorf("after changing the caller's big.Int, d = %s", got)
	}
	small := NewFromBigInt(big.NewInt(-42), 1)
	checkInvariant(t, "NewFromBigInt(-42)", small)
	if small.big != nil || small.String() != "-420" {
		t.Errorf("NewFromBigInt(-42, 1) = %v (inline %v), want -420 inline", small, small.big == nil)
	}
}
