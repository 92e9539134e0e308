package decimal_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/commercengine-go/sdk/decimal"
)

func TestString(t *testing.T) {
	tests := []struct {
		d    decimal.Decimal
		want string
	}{
		{decimal.Decimal{}, "0"},
		{mp("0.30"), "0.30"},
		{mp("-12.5"), "-12.5"},
		{mp("1.50"), "1.50"},
		{mp("1.2e3"), "1200"},
		{mp("0.00"), "0.00"},
		{mp("-0.00"), "0.00"},
		{decimal.New(0, 5), "0"},
		{decimal.New(5, -1), "0.5"},
		{decimal.New(-5, -3), "-0.005"},
		{decimal.New(12345, -5), "0.12345"},
		{decimal.New(12345, -2), "123.45"},
		{decimal.New(math.MinInt64, 0), "-9223372036854775808"},
		{decimal.New(math.MinInt64, -19), "-0.9223372036854775808"},
		{mp("98765432109876543.21"), "98765432109876543.21"},
		{mp("-123456789012345678901234567890.123"), "-123456789012345678901234567890.123"},
		// Up to 21 zeros of padding stay plain; beyond, the exponent form.
		{mp("1e21"), "1000000000000000000000"},
		{mp("1e22"), "1e+22"},
		{mp("15e21"), "15000000000000000000000"},
		{mp("15e22"), "1.5e+23"},
		{mp("1.50e30"), "1.50e+30"},
		{mp("1e-22"), "0.0000000000000000000001"},
		{mp("1e-23"), "1e-23"},
		{mp("-1.5e-30"), "-1.5e-30"},
		{mp("5e-324"), "5e-324"},
		{mp("0e-30"), "0e-30"},
		{mp("123456789012345678901234567890e30"), "1.23456789012345678901234567890e+59"},
		{decimal.New(1, math.MaxInt32), "1e+2147483647"},
		{decimal.New(-7, math.MinInt32), "-7e-2147483648"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String(%#v) = %q, want %q", tt.d, got, tt.want)
		}
		if got := fmt.Sprint(tt.d); got != tt.want {
			t.Errorf("Sprint(%#v) = %q, want %q", tt.d, got, tt.want)
		}
		b, _ := tt.d.AppendText([]byte("x="))
		if string(b) != "x="+tt.want {
			t.Errorf("AppendText(%#v) = %q", tt.d, b)
		}
		// Within Parse's limits, the text parses back to an equal value.
		if e := tt.d.Exponent(); e >= -decimal.MaxExponent && e <= decimal.MaxExponent {
			back, err := decimal.Parse(tt.want)
			if err != nil || !back.Equal(tt.d) {
				t.Errorf("Parse(%q) = %v, %v; want a value equal to %#v", tt.want, back, err, tt.d)
			}
		}
	}
}

func TestStringFixed(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   string
	}{
		{"1.5", 2, "1.50"},
		{"2.345", 2, "2.35"},
		{"-2.345", 2, "-2.35"},
		{"7", 2, "7.00"},
		{"0", 3, "0.000"},
		{"-0.004", 2, "0.00"},
		{"-0.005", 2, "-0.01"},
		{"1234.5678", 0, "1235"},
		{"1250", -2, "1300"},
		{"1e-30", 2, "0.00"},
		{"0", 30, "0." + strings.Repeat("0", 30)},
		{"1e25", 0, "1" + strings.Repeat("0", 25)},
		{"1e25", 2, "1" + strings.Repeat("0", 25) + ".00"},
		{"98765432109876543.215", 2, "98765432109876543.22"},
	}
	for _, tt := range tests {
		if got := mp(tt.in).StringFixed(tt.places); got != tt.want {
			t.Errorf("StringFixed(%s, %d) = %q, want %q", tt.in, tt.places, got, tt.want)
		}
	}
}

func TestFormatVerbs(t *testing.T) {
	d, neg := mp("1.50"), mp("-2.345")
	tests := []struct {
		format string
		arg    any
		want   string
	}{
		{"%v", d, "1.50"},
		{"%s", d, "1.50"},
		{"%v", neg, "-2.345"},
		{"%.2f", neg, "-2.35"},
		{"%.0f", d, "2"},
		{"%f", mp("1e30"), "1" + strings.Repeat("0", 30)},
		{"%f", mp("1e-25"), "0." + strings.Repeat("0", 24) + "1"},
		{"%q", d, `"1.50"`},
		{"%8v|", d, "    1.50|"},
		{"%-8v|", d, "1.50    |"},
		{"%08.2f", neg, "-0002.35"},
		{"%+.1f", d, "+1.5"},
		{"%+s", d, "+1.50"},
		{"% v", d, " 1.50"},
		{"%+v", d, "1.50"},
		{"%+v", struct{ Price decimal.Decimal }{d}, "{Price:1.50}"},
		{"%v", []decimal.Decimal{d, neg}, "[1.50 -2.345]"},
		{"%v", &d, "1.50"},
		{"%#v", d, "decimal.New(150, -2)"},
		{"%#v", mp("-123456789012345678901234567890.5"), `decimal.MustParse("-123456789012345678901234567890.5")`},
		{"%d", d, "%!d(decimal.Decimal=1.50)"},
		{"%x", d, "%!x(decimal.Decimal=1.50)"},
		{"%3v", mp("12345"), "12345"},
		{"%40v|", mp("1e30"), strings.Repeat(" ", 35) + "1e+30|"},
	}
	for _, tt := range tests {
		if got := fmt.Sprintf(tt.format, tt.arg); got != tt.want {
			t.Errorf("Sprintf(%q, %v) = %q, want %q", tt.format, tt.arg, got, tt.want)
		}
	}
}

// TestGoStringIsGo checks that %#v's text rebuilds the value it printed,
// by evaluating the two forms it takes.
func TestGoStringIsGo(t *testing.T) {
	for _, d := range []decimal.Decimal{
		mp("0"), mp("1.50"), mp("-9223372036854775808"), mp("9223372036854775808.5"),
		mp("123456789012345678901234567890e-40"),
		mp("123456789012345678901234567890").Mul(decimal.New(1, 5000)),
	} {
		gs := d.GoString()
		var back decimal.Decimal
		var coef int64
		var exp int32
		var text string
		switch {
		case strings.HasPrefix(gs, "decimal.New("):
			if _, err := fmt.Sscanf(gs, "decimal.New(%d, %d)", &coef, &exp); err != nil {
				t.Fatalf("GoString %s: %v", gs, err)
			}
			back = decimal.New(coef, exp)
		case strings.HasSuffix(gs, "))"):
			if _, err := fmt.Sscanf(gs, "decimal.MustParse(%q).Mul(decimal.New(1, %d))", &text, &exp); err != nil {
				t.Fatalf("GoString %s: %v", gs, err)
			}
			back = decimal.MustParse(text).Mul(decimal.New(1, exp))
		default:
			if _, err := fmt.Sscanf(gs, "decimal.MustParse(%q)", &text); err != nil {
				t.Fatalf("GoString %s: %v", gs, err)
			}
			back = decimal.MustParse(text)
		}
		if !same(back, d) {
			t.Errorf("GoString %s rebuilds %v, want %v", gs, back, d)
		}
	}
}

func TestText(t *testing.T) {
	d := mp("-0.50")
	b, err := d.MarshalText()
	if err != nil || string(b) != "-0.50" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	var back decimal.Decimal
	if err := back.UnmarshalText(b); err != nil || !same(back, d) {
		t.Errorf("UnmarshalText(%q) = %v, %v", b, back, err)
	}
	before := mp("7")
	back = before
	if err := back.UnmarshalText([]byte("7,5")); err == nil || err.Error() != "decimal: number: unexpected character at offset 1" {
		t.Errorf("UnmarshalText(7,5) error = %v", err)
	}
	if !same(back, before) {
		t.Errorf("a failed UnmarshalText changed the value to %v", back)
	}
	if err := back.UnmarshalText([]byte("null")); err == nil {
		t.Error("UnmarshalText(null) succeeded; null is JSON, not a number")
	}
}
