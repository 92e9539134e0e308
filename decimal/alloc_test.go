package decimal_test

import (
	"encoding/json"
	"testing"

	"github.com/commercengine-go/sdk/decimal"
)

// Sinks keep the compiler from dropping the work measured.
var (
	sinkDecimal decimal.Decimal
	sinkInt     int
	sinkBool    bool
	sinkErr     error
	sinkFloat   float64
	sinkBytes   []byte
)

// TestFastPathsDoNotAllocate proves the package's promise: values whose
// coefficients fit in an int64 are decoded, compared, added and
// subtracted, and mostly multiplied, rounded and divided, without a heap
// allocation.
func TestFastPathsDoNotAllocate(t *testing.T) {
	price, rate, qty := mp("1299.99"), mp("0.075"), mp("3")
	neg := mp("-0.0001")
	huge := mp("1e30") // coefficient 1: still inline
	maxInt := mp("9223372036854775807")
	jsonNumber := []byte("987654321098765.43")
	jsonQuoted := []byte(`"1299.99"`)
	jsonNull := []byte("null")
	vals := []decimal.Decimal{price, rate, qty, neg}
	buf := make([]byte, 0, 64)

	cases := []struct {
		name string
		f    func()
	}{
		{"Parse", func() { sinkDecimal, sinkErr = decimal.Parse("-1299.99e-2") }},
		{"UnmarshalJSON number", func() { sinkErr = sinkDecimal.UnmarshalJSON(jsonNumber) }},
		{"UnmarshalJSON quoted", func() { sinkErr = sinkDecimal.UnmarshalJSON(jsonQuoted) }},
		{"UnmarshalJSON null", func() { sinkErr = sinkDecimal.UnmarshalJSON(jsonNull) }},
		{"UnmarshalText", func() { sinkErr = sinkDecimal.UnmarshalText(jsonNumber) }},
		{"Cmp same exponent", func() { sinkInt = price.Cmp(price.Neg()) }},
		{"Cmp other exponents", func() { sinkInt = price.Cmp(rate) }},
		{"Cmp scaled past int64", func() { sinkInt = huge.Cmp(maxInt) }},
		{"Equal", func() { sinkBool = price.Equal(rate) }},
		{"Add", func() { sinkDecimal = price.Add(rate) }},
		{"Sub", func() { sinkDecimal = rate.Sub(price) }},
		{"Mul", func() { sinkDecimal = price.Mul(rate) }},
		{"Mul Round", func() { sinkDecimal = price.Mul(rate).Round(2, decimal.HalfUp) }},
		{"Div", func() { sinkDecimal, sinkErr = price.Div(qty, 2, decimal.HalfEven) }},
		{"Neg Abs", func() { sinkDecimal = neg.Neg().Abs() }},
		{"Sum", func() { sinkDecimal = decimal.Sum(vals...) }},
		{"Min Max", func() { sinkDecimal = decimal.Max(decimal.Min(price, vals...), vals...) }},
		{"Sign IsZero IsInteger", func() { sinkBool = price.Sign() > 0 && !price.IsZero() && !price.IsInteger() }},
		{"Int64", func() { _, sinkBool = qty.Int64() }},
		{"Float64", func() { sinkFloat, sinkBool = price.Float64() }},
		{"AppendText", func() { sinkBytes, _ = price.AppendText(buf[:0]) }},
	}
	for _, c := range cases {
		if n := testing.AllocsPerRun(200, c.f); n != 0 {
			t.Errorf("%s: %.1f allocations per run, want 0", c.name, n)
		}
	}
}

// TestDecodingAllocatesNoMoreThanFloat64 decodes one document into
// Decimals and into float64s: encoding/json's own allocations are the same
// for both, so Decimal must add none.
func TestDecodingAllocatesNoMoreThanFloat64(t *testing.T) {
	doc := productPage(20)
	var dec productsPage[decimal.Decimal]
	var flt productsPage[float64]
	decAllocs := testing.AllocsPerRun(20, func() {
		dec = productsPage[decimal.Decimal]{}
		if err := json.Unmarshal(doc, &dec); err != nil {
			t.Fatal(err)
		}
	})
	fltAllocs := testing.AllocsPerRun(20, func() {
		flt = productsPage[float64]{}
		if err := json.Unmarshal(doc, &flt); err != nil {
			t.Fatal(err)
		}
	})
	if decAllocs > fltAllocs {
		t.Errorf("decoding %d products: %.0f allocations into Decimal, %.0f into float64", len(dec.Products), decAllocs, fltAllocs)
	}
	t.Logf("decoding %d products (%d numbers): %.0f allocations into Decimal, %.0f into float64",
		len(dec.Products), countNumbers(dec), decAllocs, fltAllocs)
}
