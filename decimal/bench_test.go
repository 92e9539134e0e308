package decimal_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/commercengine-go/sdk/decimal"
)

// The shape of a catalog page, generic in the type its numbers decode to,
// so that the same document is measured into Decimal, float64 and
// json.Number.
type productsPage[N any] struct {
	Products   []product[N] `json:"products"`
	Pagination struct {
		Page       int `json:"page"`
		Limit      int `json:"limit"`
		TotalCount int `json:"total_count"`
	} `json:"pagination"`
}

type product[N any] struct {
	ID            string       `json:"id"`
	Name          string       `json:"name"`
	SKU           string       `json:"sku"`
	Pricing       pricing[N]   `json:"pricing"`
	Rating        N            `json:"rating"`
	ReviewCount   int          `json:"review_count"`
	LoyaltyPoints N            `json:"loyalty_points"`
	Weight        N            `json:"weight"`
	Variants      []variant[N] `json:"variants"`
}

type pricing[N any] struct {
	Currency     string `json:"currency"`
	ListingPrice N      `json:"listing_price"`
	SellingPrice N      `json:"selling_price"`
	TaxRate      N      `json:"tax_rate"`
	TaxAmount    N      `json:"tax_amount"`
	Discount     N      `json:"discount"`
}

type variant[N any] struct {
	ID           string `json:"id"`
	SellingPrice N      `json:"selling_price"`
	Weight       N      `json:"weight"`
}

// productPage returns a deterministic catalog page of n products with ten
// numbers each: prices with cents, tax rates, ratings, points, weights.
func productPage(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	money := func(cents int) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) }
	var b bytes.Buffer
	b.WriteString(`{"products":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		list := 100 + r.IntN(500000)
		off := r.IntN(40)
		sell := list * (100 - off) / 100
		taxRate := []string{"0", "5", "12", "18", "28"}[r.IntN(5)]
		fmt.Fprintf(&b, `{"id":"01JDB1Y8ZK5Q4M3N2P1R0S%04d","name":"Assam tea, %d g","sku":"TEA-%05d",`, i, 100+i, i)
		fmt.Fprintf(&b, `"pricing":{"currency":"INR","listing_price":%s,"selling_price":%s,"tax_rate":%s,"tax_amount":%s,"discount":%d},`,
			money(list), money(sell), taxRate, money(sell*18/118), off)
		fmt.Fprintf(&b, `"rating":%d.%d,"review_count":%d,"loyalty_points":%d,"weight":0.%03d,`,
			1+r.IntN(4), r.IntN(10), r.IntN(5000), r.IntN(1000), 1+r.IntN(999))
		fmt.Fprintf(&b, `"variants":[{"id":"v-%d","selling_price":%s,"weight":%d.%d}]}`,
			i, money(sell+r.IntN(1000)), r.IntN(3), r.IntN(10))
	}
	b.WriteString(`],"pagination":{"page":1,"limit":100,"total_count":4812}}`)
	return b.Bytes()
}

func countNumbers[N any](p productsPage[N]) int {
	n := 0
	for _, pr := range p.Products {
		n += 8 + 2*len(pr.Variants)
	}
	return n
}

// TestProductPageDecodesAlike checks that the benchmark's three decodings
// read the same numbers, so that they measure the same work.
func TestProductPageDecodesAlike(t *testing.T) {
	doc := productPage(100)
	var dec productsPage[decimal.Decimal]
	var num productsPage[json.Number]
	var flt productsPage[float64]
	for _, v := range []any{&dec, &num, &flt} {
		if err := json.Unmarshal(doc, v); err != nil {
			t.Fatal(err)
		}
	}
	if n := countNumbers(dec); n != 1000 {
		t.Fatalf("the page has %d numbers, want 1000", n)
	}
	// json.Number keeps each number's text: re-encoded, the pages match
	// byte for byte when every Decimal kept its digits.
	decOut, _ := json.Marshal(dec)
	numOut, _ := json.Marshal(num)
	if !bytes.Equal(decOut, numOut) {
		t.Fatalf("re-encoded pages differ:\n%.300s\n%.300s", decOut, numOut)
	}
	for i := range dec.Products {
		d, f := dec.Products[i].Pricing.SellingPrice, flt.Products[i].Pricing.SellingPrice
		if g, _ := d.Float64(); g != f {
			t.Fatalf("product %d: Decimal %s is %v as float64, json decoded %v", i, d, g, f)
		}
	}
}

func BenchmarkUnmarshalJSON(b *testing.B) {
	doc := productPage(100)
	b.Run("float64", func(b *testing.B) {
		benchDecode[float64](b, doc)
	})
	b.Run("json.Number", func(b *testing.B) {
		benchDecode[json.Number](b, doc)
	})
	b.Run("Decimal", func(b *testing.B) {
		benchDecode[decimal.Decimal](b, doc)
	})
}

func benchDecode[N any](b *testing.B, doc []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	var p productsPage[N]
	for b.Loop() {
		p = productsPage[N]{}
		if err := json.Unmarshal(doc, &p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeNumber isolates the per-number work that
// BenchmarkUnmarshalJSON measures inside encoding/json: what each
// destination does with a number's bytes.
func BenchmarkDecodeNumber(b *testing.B) {
	texts := make([][]byte, 0, 1000)
	var p productsPage[json.Number]
	if err := json.Unmarshal(productPage(100), &p); err != nil {
		b.Fatal(err)
	}
	for _, pr := range p.Products {
		texts = append(texts, []byte(pr.Pricing.ListingPrice), []byte(pr.Pricing.TaxAmount), []byte(pr.Rating), []byte(pr.Weight))
	}
	b.Run("float64", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			sinkFloat, sinkErr = strconv.ParseFloat(string(texts[i%len(texts)]), 64)
		}
	})
	b.Run("json.Number", func(b *testing.B) {
		b.ReportAllocs()
		var n json.Number
		for i := 0; b.Loop(); i++ {
			n = json.Number(texts[i%len(texts)])
		}
		sinkBytes = []byte(n[:1])
	})
	b.Run("Decimal", func(b *testing.B) {
		b.ReportAllocs()
		var d decimal.Decimal
		for i := 0; b.Loop(); i++ {
			sinkErr = d.UnmarshalJSON(texts[i%len(texts)])
		}
		sinkDecimal = d
	})
}

// benchValues returns 1024 prices with 0 to 4 decimal places, and the same
// as float64s.
func benchValues() ([]decimal.Decimal, []float64) {
	r := rand.New(rand.NewPCG(3, 4))
	ds := make([]decimal.Decimal, 1024)
	fs := make([]float64, len(ds))
	for i := range ds {
		ds[i] = decimal.New(int64(r.IntN(10_000_000)), -int32(r.IntN(5)))
		fs[i], _ = ds[i].Float64()
	}
	return ds, fs
}

func BenchmarkAdd(b *testing.B) {
	ds, fs := benchValues()
	b.Run("float64", func(b *testing.B) {
		b.ReportAllocs()
		var s float64
		for i := 0; b.Loop(); i++ {
			s += fs[i&1023]
		}
		sinkFloat = s
	})
	b.Run("Decimal", func(b *testing.B) {
		b.ReportAllocs()
		var s decimal.Decimal
		for i := 0; b.Loop(); i++ {
			// Reset now and then so that the sum stays in int64, as a
			// cart's does.
			if i&1023 == 0 {
				s = decimal.Decimal{}
			}
			s = s.Add(ds[i&1023])
		}
		sinkDecimal = s
	})
	b.Run("Decimal/big", func(b *testing.B) {
		b.ReportAllocs()
		base := mp("98765432109876543210.99")
		var s decimal.Decimal
		for i := 0; b.Loop(); i++ {
			s = base.Add(ds[i&1023])
		}
		sinkDecimal = s
	})
}

func BenchmarkMulRound(b *testing.B) {
	ds, fs := benchValues()
	rate, frate := mp("0.075"), 0.075
	b.Run("float64", func(b *testing.B) {
		b.ReportAllocs()
		var s float64
		for i := 0; b.Loop(); i++ {
			s = math.Round(fs[i&1023]*frate*100) / 100
		}
		sinkFloat = s
	})
	b.Run("Decimal", func(b *testing.B) {
		b.ReportAllocs()
		var s decimal.Decimal
		for i := 0; b.Loop(); i++ {
			s = ds[i&1023].Mul(rate).Round(2, decimal.HalfUp)
		}
		sinkDecimal = s
	})
	b.Run("Decimal/big", func(b *testing.B) {
		b.ReportAllocs()
		base := mp("98765432109876543210.99")
		var s decimal.Decimal
		for i := 0; b.Loop(); i++ {
			s = base.Mul(ds[i&1023]).Round(2, decimal.HalfUp)
		}
		sinkDecimal = s
	})
}

func BenchmarkMarshalJSON(b *testing.B) {
	doc := productPage(100)
	var dec productsPage[decimal.Decimal]
	var flt productsPage[float64]
	if err := json.Unmarshal(doc, &dec); err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(doc, &flt); err != nil {
		b.Fatal(err)
	}
	b.Run("float64", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkBytes, sinkErr = json.Marshal(flt)
		}
	})
	b.Run("Decimal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkBytes, sinkErr = json.Marshal(dec)
		}
	})
}

// BenchmarkPaired times Decimal and its float64 (or json.Number) baseline
// alternately in one loop, the order flipping each iteration, and reports
// the median of each and their ratio: load on a shared machine then hits
// both sides alike, which separate sub-benchmarks cannot promise.
// Arithmetic is timed in batches of 1024 operations and reported per
// operation. Allocations come from the other benchmarks.
func BenchmarkPaired(b *testing.B) {
	doc := productPage(100)
	ds, fs := benchValues()
	rate, frate := mp("0.075"), 0.075
	var texts [][]byte
	var numPage productsPage[json.Number]
	if err := json.Unmarshal(doc, &numPage); err != nil {
		b.Fatal(err)
	}
	for _, pr := range numPage.Products {
		texts = append(texts, []byte(pr.Pricing.ListingPrice), []byte(pr.Pricing.TaxAmount), []byte(pr.Rating), []byte(pr.Weight))
	}
	var decPage productsPage[decimal.Decimal]
	var fltPage productsPage[float64]
	_ = json.Unmarshal(doc, &decPage)
	_ = json.Unmarshal(doc, &fltPage)

	decode := func(v any) func() {
		return func() {
			if err := json.Unmarshal(doc, v); err != nil {
				b.Fatal(err)
			}
		}
	}
	const batch = 1024
	pairs := []struct {
		name, baseUnit, testUnit string
		perCall                  int // operations per timed call
		base, test               func()
	}{
		{"UnmarshalJSON/Decimal-vs-float64", "float64", "Decimal", 1,
			decode(&productsPage[float64]{}), decode(&productsPage[decimal.Decimal]{})},
		{"UnmarshalJSON/json.Number-vs-float64", "float64", "json.Number", 1,
			decode(&productsPage[float64]{}), decode(&productsPage[json.Number]{})},
		{"DecodeNumber/Decimal-vs-float64", "float64", "Decimal", len(texts),
			func() {
				for _, t := range texts {
					sinkFloat, sinkErr = strconv.ParseFloat(string(t), 64)
				}
			},
			func() {
				for _, t := range texts {
					sinkErr = sinkDecimal.UnmarshalJSON(t)
				}
			}},
		{"Add/Decimal-vs-float64", "float64", "Decimal", batch,
			func() {
				var s float64
				for _, f := range fs[:batch] {
					s += f
				}
				sinkFloat = s
			},
			func() {
				var s decimal.Decimal
				for _, d := range ds[:batch] {
					s = s.Add(d)
				}
				sinkDecimal = s
			}},
		{"MulRound/Decimal-vs-float64", "float64", "Decimal", batch,
			func() {
				for _, f := range fs[:batch] {
					sinkFloat = math.Round(f*frate*100) / 100
				}
			},
			func() {
				for _, d := range ds[:batch] {
					sinkDecimal = d.Mul(rate).Round(2, decimal.HalfUp)
				}
			}},
		{"MarshalJSON/Decimal-vs-float64", "float64", "Decimal", 1,
			func() { sinkBytes, sinkErr = json.Marshal(fltPage) },
			func() { sinkBytes, sinkErr = json.Marshal(decPage) }},
	}
	for _, pr := range pairs {
		b.Run(pr.name, func(b *testing.B) {
			var base, test []time.Duration
			timeIt := func(f func()) time.Duration {
				t0 := time.Now()
				f()
				return time.Since(t0)
			}
			flip := false
			for b.Loop() {
				if flip {
					test = append(test, timeIt(pr.test))
					base = append(base, timeIt(pr.base))
				} else {
					base = append(base, timeIt(pr.base))
					test = append(test, timeIt(pr.test))
				}
				flip = !flip
			}
			mb, mt := median(base), median(test)
			b.ReportMetric(float64(mb.Nanoseconds())/float64(pr.perCall), pr.baseUnit+"-ns/op")
			b.ReportMetric(float64(mt.Nanoseconds())/float64(pr.perCall), pr.testUnit+"-ns/op")
			b.ReportMetric(float64(mt)/float64(mb), "ratio")
		})
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
