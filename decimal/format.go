package decimal

import (
	"fmt"
	"io"
	"strconv"
)

// plainZeros is the most zeros of padding String writes before it turns to
// the exponent form: 1e21 prints as 1000000000000000000000, 1e22 as 1e+22.
const plainZeros = 21

// String returns d in plain decimal form, keeping the places d carries:
// "0.30", "-12.5", "1200", "1.50" (1.50 stays "1.50"; use
// [Decimal.StringFixed] for a fixed number of places). When the plain form
// would need more than 21 zeros of padding, as for 1e30 or 1e-30, it uses
// the exponent form "1e+30", "1.5e-30" (also when padding an integer would
// take it past [MaxDigits] digits). Either form is valid JSON and parses
// back to an equal Decimal when d is within Parse's limits.
func (d Decimal) String() string {
	var buf [40]byte
	return string(d.appendText(buf[:0], false))
}

// StringFixed returns d rounded HalfUp to places decimal places, in plain
// form with exactly that many: StringFixed(2) of 1.5 is "1.50", of 2.345 is
// "2.35", of 7 is "7.00".
func (d Decimal) StringFixed(places int32) string {
	var buf [40]byte
	return string(d.Round(places, HalfUp).appendText(buf[:0], true))
}

// AppendText appends [Decimal.String]'s text to b; it never fails.
func (d Decimal) AppendText(b []byte) ([]byte, error) {
	return d.appendText(b, false), nil
}

// MarshalText returns [Decimal.String]'s text, for encoding.TextMarshaler
// users such as map keys in JSON.
func (d Decimal) MarshalText() ([]byte, error) {
	return d.appendText(make([]byte, 0, 24), false), nil
}

// UnmarshalText sets d to the number in text, with [Parse]'s syntax.
func (d *Decimal) UnmarshalText(text []byte) error {
	v, err := parseNumber(text)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// appendText appends d to b in plain form, or in exponent form when that
// needs too much padding and plainOnly is false.
func (d Decimal) appendText(b []byte, plainOnly bool) []byte {
	var buf [24]byte
	var digits []byte
	neg := false
	if d.big == nil {
		var m uint64
		m, neg = magnitude(d.coef)
		digits = strconv.AppendUint(buf[:0], m, 10)
	} else {
		digits = d.big.Append(buf[:0], 10)
		if digits[0] == '-' {
			neg, digits = true, digits[1:]
		}
	}
	if neg {
		b = append(b, '-')
	}
	nd, exp := int64(len(digits)), int64(d.exp)
	switch {
	case exp == 0:
		return append(b, digits...)
	case exp > 0:
		if d.IsZero() {
			return append(b, '0')
		}
		// The digit limit keeps String's text within what Parse accepts.
		if exp <= plainZeros && nd+exp <= MaxDigits || plainOnly {
			b = append(b, digits...)
			return appendZeros(b, exp)
		}
	default:
		if point := nd + exp; point > 0 {
			b = append(b, digits[:point]...)
			b = append(b, '.')
			return append(b, digits[point:]...)
		} else if -point <= plainZeros || plainOnly {
			b = append(b, '0', '.')
			b = appendZeros(b, -point)
			return append(b, digits...)
		}
	}
	// Exponent form: one digit, the rest as a fraction, so that parsing
	// gives back the same coefficient and exponent.
	b = append(b, digits[0])
	if nd > 1 {
		b = append(b, '.')
		b = append(b, digits[1:]...)
	}
	b = append(b, 'e')
	adjusted := exp + nd - 1
	if adjusted >= 0 {
		b = append(b, '+')
	}
	return strconv.AppendInt(b, adjusted, 10)
}

func appendZeros(b []byte, n int64) []byte {
	for ; n > 0; n-- {
		b = append(b, '0')
	}
	return b
}

// GoString returns Go source for d, for the %#v verb: decimal.New(150, -2)
// for 1.50, and a call of MustParse for coefficients beyond int64.
func (d Decimal) GoString() string {
	if d.big == nil {
		return "decimal.New(" + strconv.FormatInt(d.coef, 10) + ", " + strconv.Itoa(int(d.exp)) + ")"
	}
	if -MaxExponent <= d.exp && d.exp <= MaxExponent {
		return "decimal.MustParse(" + strconv.Quote(d.String()) + ")"
	}
	return "decimal.MustParse(" + strconv.Quote(d.big.String()) + ").Mul(decimal.New(1, " + strconv.Itoa(int(d.exp)) + "))"
}

// Format implements fmt.Formatter so that d prints as a number:
//   - %v and %s print [Decimal.String]; %#v prints [Decimal.GoString];
//   - %f prints the plain form, never an exponent, and %.2f rounds HalfUp
//     to 2 places, like [Decimal.StringFixed];
//   - %q prints String's text in double quotes;
//   - width, '-' (pad on the right), '0' (pad with zeros after the sign),
//     '+' and ' ' (sign for non-negative values) work as for float64; like
//     float64, %+v prints no '+', since it means field names for structs.
//
// Other verbs print as fmt does for a bad verb: %!d(decimal.Decimal=1.5).
func (d Decimal) Format(f fmt.State, verb rune) {
	var buf [40]byte
	var s []byte
	switch verb {
	case 'v', 's':
		if verb == 'v' && f.Flag('#') {
			io.WriteString(f, d.GoString())
			return
		}
		s = d.appendText(buf[:0], false)
	case 'f', 'F':
		v := d
		if p, ok := f.Precision(); ok {
			v = d.Round(int32(p), HalfUp)
		}
		s = v.appendText(buf[:0], true)
	case 'q':
		s = strconv.AppendQuote(buf[:0], d.String())
	default:
		fmt.Fprintf(f, "%%!%c(decimal.Decimal=%s)", verb, d.String())
		return
	}
	numeric := verb != 'q'
	// %+v on a struct sets '+' for every field: like float64, ignore it there.
	if numeric && s[0] != '-' {
		if f.Flag('+') && verb != 'v' {
			s = append([]byte{'+'}, s...)
		} else if f.Flag(' ') {
			s = append([]byte{' '}, s...)
		}
	}
	w, ok := f.Width()
	if !ok || w <= len(s) {
		f.Write(s)
		return
	}
	pad := w - len(s)
	switch {
	case f.Flag('-'):
		f.Write(s)
		writeRepeated(f, ' ', pad)
	case f.Flag('0') && numeric:
		sign := 0
		if s[0] == '-' || s[0] == '+' || s[0] == ' ' {
			sign = 1
		}
		f.Write(s[:sign])
		writeRepeated(f, '0', pad)
		f.Write(s[sign:])
	default:
		writeRepeated(f, ' ', pad)
		f.Write(s)
	}
}

func writeRepeated(w io.Writer, c byte, n int) {
	var buf [32]byte
	for i := range buf {
		buf[i] = c
	}
	for n > 0 {
		k := min(n, len(buf))
		w.Write(buf[:k])
		n -= k
	}
}
