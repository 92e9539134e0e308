// Package decimal is an exact decimal number type for the Storefront API's
// money and measures: prices, taxes, totals, discounts, loyalty points,
// ratings and weights.
//
// The API sends all of them as JSON numbers. Decoded into float64, a price
// such as 0.1 becomes the nearest binary fraction, 0.1 + 0.2 is
// 0.30000000000000004, and a total beyond 2^53 (9007199254740992) loses its
// last digits. A [Decimal] keeps the digits it was given: 0.1 + 0.2 is
// exactly 0.3, and 98765432109876543.21 decodes, adds and encodes digit for
// digit. Rounding happens only where the caller asks for it, with an
// explicit [RoundingMode]:
//
//	price := decimal.MustParse("199.99")
//	rate := decimal.MustParse("0.15")
//	discount := price.Mul(rate).Round(2, decimal.HalfUp) // 30.00 (29.9985 exactly before rounding)
//	total := price.Sub(discount)                         // 169.99
//
// # The value
//
// A Decimal is coefficient × 10^exponent, with an integer coefficient of
// any size and an int32 exponent. Its zero value is 0. Values are
// immutable: every method returns a new value and none changes its
// receiver or arguments, so a Decimal may be copied, shared and read from
// many goroutines without locks. Compare values with [Decimal.Cmp] or
// [Decimal.Equal], not ==: 1.5 and 1.50 are equal numbers with different
// coefficients.
//
// A Decimal remembers its exponent, so trailing zeros survive: "1.50" parses
// to 150 × 10^-2 and prints as "1.50"; sums take the smaller exponent of
// their terms (1.5 + 1.25 = 2.75, 1.50 + 1 = 2.50); products add them.
// [Decimal.Round] and [Decimal.Div] return exactly the number of decimal
// places asked for.
//
// Coefficients that fit in an int64 (up to 19 digits, which covers every
// realistic price) are stored inline: decoding, comparing, adding and
// subtracting such values does not allocate. Larger coefficients are held
// in a math/big.Int, transparently, and results that fit again return to
// the inline form.
//
// # Text and JSON
//
// [Parse], [Decimal.UnmarshalJSON] and [Decimal.UnmarshalText] accept
// exactly the JSON number syntax: an optional '-', an integer part without
// leading zeros, an optional fraction and an optional exponent ("12",
// "-0.5", "1.25e3", "2E-2"). They refuse '+' signs, spaces, hex, NaN and
// infinities, and, so that hostile input cannot exhaust memory or time,
// values with more than [MaxDigits] significant digits or an exponent
// beyond ±[MaxExponent]. Errors are [*ParseError] values that give the
// reason and the byte offset, never the input itself.
//
// [Decimal.MarshalJSON] writes a bare JSON number, never a quoted string.
// [Decimal.UnmarshalJSON] reads a JSON number, and also a JSON string that
// holds one ("12.50"), since some APIs quote money; JSON null leaves the
// value unchanged, as encoding/json does for other non-pointer types. A
// field of type *Decimal decodes null as nil. With the omitzero option,
// encoding/json omits a Decimal that is numerically zero (it calls
// [Decimal.IsZero]).
//
// [Decimal.String] writes the plain decimal form ("1200", "-12.5", "0.30")
// unless that would need more than 21 zeros of padding, as for 1e+30 or
// 1e-30, where it writes the exponent form. [Decimal.StringFixed] always
// writes the plain form with a fixed number of places.
package decimal
