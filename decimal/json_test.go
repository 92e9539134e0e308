package decimal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/commercengine-go/sdk/decimal"
)

type lineItem struct {
	SKU        string                     `json:"sku"`
	Price      decimal.Decimal            `json:"price"`
	Discount   *decimal.Decimal           `json:"discount,omitempty"`
	Tax        *decimal.Decimal           `json:"tax"`
	Tiers      []decimal.Decimal          `json:"tiers,omitempty"`
	Points     decimal.Decimal            `json:"points,omitzero"`
	ByCurrency map[string]decimal.Decimal `json:"by_currency,omitempty"`
}

func TestJSONRoundTripInStruct(t *testing.T) {
	in := `{"sku":"TEA-1","price":98765432109876543.21,"discount":0.10,"tax":null,` +
		`"tiers":[1,1.50,-0.005,1e+30,123456789012345678901234567890.5],"points":250,` +
		`"by_currency":{"INR":1299.00,"USD":"15.60"}}`
	var item lineItem
	if err := json.Unmarshal([]byte(in), &item); err != nil {
		t.Fatal(err)
	}
	if item.Price.String() != "98765432109876543.21" {
		t.Errorf("price = %s, want every digit", item.Price)
	}
	if item.Discount == nil || item.Discount.String() != "0.10" {
		t.Errorf("discount = %v, want 0.10", item.Discount)
	}
	if item.Tax != nil {
		t.Errorf("tax = %v, want nil for null", item.Tax)
	}
	if len(item.Tiers) != 5 || item.Tiers[2].String() != "-0.005" || item.Tiers[4].String() != "123456789012345678901234567890.5" {
		t.Errorf("tiers = %v", item.Tiers)
	}
	if item.ByCurrency["USD"].String() != "15.60" {
		t.Errorf("by_currency = %v (a quoted number must decode)", item.ByCurrency)
	}

	out, err := json.Marshal(item)
	if err != nil {
		t.Fatal(err)
	}
	// Quoted input comes back as a bare number; everything else as it was.
	want := strings.Replace(in, `"15.60"`, `15.60`, 1)
	if string(out) != want {
		t.Errorf("Marshal =\n%s\nwant\n%s", out, want)
	}

	// Empty pointer and slice fields are omitted; omitzero drops a zero Decimal.
	out, err = json.Marshal(lineItem{SKU: "X", Price: mp("0.00"), Points: mp("0.0")})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"sku":"X","price":0.00,"tax":null}` {
		t.Errorf("Marshal with empty fields = %s", out)
	}
}

func TestMarshalJSONIsBareNumber(t *testing.T) {
	for _, tt := range []struct {
		d    decimal.Decimal
		want string
	}{
		{decimal.Decimal{}, "0"},
		{mp("12.50"), "12.50"},
		{mp("-0.5"), "-0.5"},
		{mp("1e30"), "1e+30"},
		{mp("1e-30"), "1e-30"},
		{mp("98765432109876543210.99"), "98765432109876543210.99"},
	} {
		b, err := json.Marshal(tt.d)
		if err != nil || string(b) != tt.want {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.d, b, err, tt.want)
		}
		var n any
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(&n); err != nil {
			t.Errorf("Marshal(%v) = %s is not JSON: %v", tt.d, b, err)
		} else if _, ok := n.(json.Number); !ok {
			t.Errorf("Marshal(%v) = %s decodes as %T, want a JSON number", tt.d, b, n)
		}
	}
}

func TestUnmarshalJSONQuotedNumbers(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`"12.50"`, "12.50"},
		{`"-1e3"`, "-1000"},
		{`"0"`, "0"},
		{`"98765432109876543.21"`, "98765432109876543.21"},
		{`"\u0031.5"`, "1.5"}, // escapes are legal JSON
		{` 7.25 `, "7.25"},    // surrounding JSON whitespace
		{"\t\"3\"\n", "3"},
	} {
		var d decimal.Decimal
		if err := d.UnmarshalJSON([]byte(tt.in)); err != nil || d.String() != tt.want {
			t.Errorf("UnmarshalJSON(%s) = %v, %v; want %s", tt.in, d, err, tt.want)
		}
	}
}

func TestUnmarshalJSONNullLeavesValue(t *testing.T) {
	d := mp("4.20")
	if err := d.UnmarshalJSON([]byte("null")); err != nil || d.String() != "4.20" {
		t.Errorf("UnmarshalJSON(null) = %v, %v; want 4.20 unchanged and nil", d, err)
	}
	item := lineItem{Price: mp("9.99"), Discount: new(decimal.Decimal)}
	if err := json.Unmarshal([]byte(`{"price":null,"discount":null}`), &item); err != nil {
		t.Fatal(err)
	}
	if item.Price.String() != "9.99" || item.Discount != nil {
		t.Errorf("after nulls: price %v, discount %v; want 9.99 and nil", item.Price, item.Discount)
	}
}

func TestUnmarshalJSONGarbage(t *testing.T) {
	tests := []struct {
		in   string
		msg  string
		kind error
	}{
		{``, "decimal: JSON value: empty", decimal.ErrSyntax},
		{`   `, "decimal: JSON value: empty", decimal.ErrSyntax},
		{`{"amount":"4111111111111111"}`, "decimal: JSON object: not a number", decimal.ErrSyntax},
		{`[4111111111111111]`, "decimal: JSON array: not a number", decimal.ErrSyntax},
		{`true`, "decimal: JSON boolean: not a number", decimal.ErrSyntax},
		{`false`, "decimal: JSON boolean: not a number", decimal.ErrSyntax},
		{`nul`, "decimal: JSON value: unexpected character at offset 0", decimal.ErrSyntax},
		{`NaN`, "decimal: JSON value: unexpected character at offset 0", decimal.ErrSyntax},
		{`+1`, "decimal: JSON value: unexpected character at offset 0", decimal.ErrSyntax},
		{`'1'`, "decimal: JSON value: unexpected character at offset 0", decimal.ErrSyntax},
		{`01`, "decimal: JSON number: leading zero at offset 0", decimal.ErrSyntax},
		{`1.5x`, "decimal: JSON number: unexpected character at offset 3", decimal.ErrSyntax},
		{` -`, "decimal: JSON number: missing digits at offset 2", decimal.ErrSyntax},
		{`1e5000`, "decimal: JSON number: exponent above 1000", decimal.ErrRange},
		{`"4111 1111 1111 1111"`, "decimal: JSON string: unexpected character at offset 5", decimal.ErrSyntax},
		{`"card 4111111111111111"`, "decimal: JSON string: unexpected character at offset 1", decimal.ErrSyntax},
		{`""`, "decimal: JSON string: empty", decimal.ErrSyntax},
		{`" 1"`, "decimal: JSON string: unexpected character at offset 1", decimal.ErrSyntax},
		{`"1 "`, "decimal: JSON string: unexpected character at offset 2", decimal.ErrSyntax},
		{`"+1"`, "decimal: JSON string: unexpected character at offset 1", decimal.ErrSyntax},
		{`"NaN"`, "decimal: JSON string: unexpected character at offset 1", decimal.ErrSyntax},
		{`"12.50`, "decimal: JSON string: unterminated", decimal.ErrSyntax},
		{`"`, "decimal: JSON string: unterminated", decimal.ErrSyntax},
		{`"\u0031x"`, "decimal: JSON string: unexpected character", decimal.ErrSyntax},
		{`"\x"`, "decimal: JSON string: invalid escape", decimal.ErrSyntax},
		{`"1e5000"`, "decimal: JSON string: exponent above 1000", decimal.ErrRange},
	}
	for _, tt := range tests {
		d := mp("1.25")
		err := d.UnmarshalJSON([]byte(tt.in))
		if err == nil {
			t.Errorf("UnmarshalJSON(%s) = %v, want error %q", tt.in, d, tt.msg)
			continue
		}
		if err.Error() != tt.msg {
			t.Errorf("UnmarshalJSON(%s) error %q, want %q", tt.in, err, tt.msg)
		}
		if !errors.Is(err, tt.kind) {
			t.Errorf("UnmarshalJSON(%s) error is not %v", tt.in, tt.kind)
		}
		if strings.Contains(err.Error(), "4111") {
			t.Errorf("UnmarshalJSON(%s) error %q quotes the input", tt.in, err)
		}
		if d.String() != "1.25" {
			t.Errorf("a failed UnmarshalJSON(%s) changed the value to %v", tt.in, d)
		}
	}

	// Through encoding/json, the caller sees the same error.
	var item lineItem
	err := json.Unmarshal([]byte(`{"price":{"currency":"INR"}}`), &item)
	var pe *decimal.ParseError
	if !errors.As(err, &pe) || pe.Source != "JSON object" || err.Error() != "decimal: JSON object: not a number" {
		t.Errorf("json.Unmarshal of an object into a Decimal: %v", err)
	}
}

func TestUnmarshalJSONLargeTotal(t *testing.T) {
	const body = `{"grand_total":98765432109876543.21,"tax":9007199254740993.01}`
	var order struct {
		GrandTotal decimal.Decimal `json:"grand_total"`
		Tax        decimal.Decimal `json:"tax"`
	}
	if err := json.Unmarshal([]byte(body), &order); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(order)
	if string(out) != body {
		t.Errorf("round trip = %s, want %s", out, body)
	}
	// The same document through float64 loses the digits.
	var lossy struct {
		GrandTotal float64 `json:"grand_total"`
	}
	_ = json.Unmarshal([]byte(body), &lossy)
	if f, _ := json.Marshal(lossy.GrandTotal); string(f) == "98765432109876543.21" {
		t.Fatal("float64 kept every digit; the premise of this test changed")
	}
}
