package decimal_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/commercengine-go/sdk/decimal"
)

// A cart line as the fake server computes it: quantity × price, a
// percentage discount rounded to cents, tax on the discounted amount, and
// loyalty points redeemed at a fixed value.
func Example() {
	price := decimal.MustParse("199.99")
	line := price.Mul(decimal.NewFromInt(3))
	discount := line.Mul(decimal.MustParse("0.15")).Round(2, decimal.HalfUp)
	net := line.Sub(discount)
	tax, err := net.Mul(decimal.NewFromInt(18)).Div(decimal.NewFromInt(100), 2, decimal.HalfUp)
	if err != nil {
		log.Fatal(err)
	}
	points := decimal.NewFromInt(250).Mul(decimal.MustParse("0.10"))
	total := decimal.Sum(net, tax).Sub(points)

	fmt.Println("line:    ", line)
	fmt.Println("discount:", discount)
	fmt.Println("tax:     ", tax)
	fmt.Println("points:  ", points)
	fmt.Println("total:   ", total)
	// Output:
	// line:     599.97
	// discount: 90.00
	// tax:      91.79
	// points:   25.00
	// total:    576.76
}

func ExampleDecimal_Add() {
	a, b := decimal.MustParse("0.1"), decimal.MustParse("0.2")
	fmt.Println(a.Add(b), a.Add(b).Equal(decimal.MustParse("0.3")))
	x, y := 0.1, 0.2
	fmt.Println(x + y)
	// Output:
	// 0.3 true
	// 0.30000000000000004
}

func ExampleDecimal_Round() {
	for _, mode := range []decimal.RoundingMode{decimal.HalfUp, decimal.HalfEven, decimal.Down, decimal.Up, decimal.Floor, decimal.Ceil} {
		fmt.Printf("%-8v 2.345 → %v   -2.345 → %v\n", mode,
			decimal.MustParse("2.345").Round(2, mode), decimal.MustParse("-2.345").Round(2, mode))
	}
	fmt.Println(decimal.MustParse("3").Round(2, decimal.HalfUp))
	// Output:
	// HalfUp   2.345 → 2.35   -2.345 → -2.35
	// HalfEven 2.345 → 2.34   -2.345 → -2.34
	// Down     2.345 → 2.34   -2.345 → -2.34
	// Up       2.345 → 2.35   -2.345 → -2.35
	// Floor    2.345 → 2.34   -2.345 → -2.35
	// Ceil     2.345 → 2.35   -2.345 → -2.34
	// 3.00
}

func ExampleDecimal_Div() {
	q, err := decimal.NewFromInt(100).Div(decimal.NewFromInt(3), 2, decimal.Down)
	fmt.Println(q, err)
	_, err = decimal.NewFromInt(1).Div(decimal.Decimal{}, 2, decimal.HalfUp)
	fmt.Println(err)
	// Output:
	// 33.33 <nil>
	// decimal: division by zero
}

func ExampleDecimal_UnmarshalJSON() {
	var order struct {
		Total    decimal.Decimal  `json:"total"`
		Shipping decimal.Decimal  `json:"shipping"`
		Credit   *decimal.Decimal `json:"credit"`
	}
	err := json.Unmarshal([]byte(`{"total":98765432109876543.21,"shipping":"49.00","credit":null}`), &order)
	fmt.Println(order.Total, order.Shipping, order.Credit, err)
	out, _ := json.Marshal(order)
	fmt.Println(string(out))

	err = json.Unmarshal([]byte(`{"total":{"amount":1}}`), &order)
	fmt.Println(err)
	// Output:
	// 98765432109876543.21 49.00 <nil> <nil>
	// {"total":98765432109876543.21,"shipping":49.00,"credit":null}
	// decimal: JSON object: not a number
}

func ExampleDecimal_String() {
	fmt.Println(decimal.MustParse("1.50"), decimal.MustParse("1.2e3"), decimal.MustParse("1e30"), decimal.MustParse("-0.000001"))
	fmt.Println(decimal.MustParse("1.5").StringFixed(2), decimal.MustParse("2.345").StringFixed(2))
	fmt.Printf("%8.2f|%-8v|%#v\n", decimal.MustParse("3.14159"), decimal.MustParse("1.5"), decimal.MustParse("1.5"))
	// Output:
	// 1.50 1200 1e+30 -0.000001
	// 1.50 2.35
	//     3.14|1.5     |decimal.New(15, -1)
}
