package storefronttest

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/commercengine-go/sdk/decimal"
)

// Documents of three SKUs, as search sees them.
var (
	docTee = document{
		"product_type": {strValue("physical")}, "product_name": {strValue("Organic Tee")},
		"variant_name": {strValue("M / Charcoal")}, "pricing.selling_price": {numValue(decimal.NewFromInt(799))},
		"tags": {strValue("organic"), strValue("cotton")}, "stock_available": {boolValue(true)},
		"rating": {numValue(decimal.MustParse("4.5"))}, "categories.name": {strValue("Apparel"), strValue("T-Shirts")},
	}
	docBook = document{
		"product_type": {strValue("digital")}, "product_name": {strValue("Tea Handbook")},
		"variant_name": {nullValue()}, "pricing.selling_price": {numValue(decimal.NewFromInt(499))},
		"tags": {}, "stock_available": {boolValue(true)}, "rating": {nullValue()},
		"categories.name": {strValue("E-books")},
	}
	docSet = document{
		"product_type": {strValue("bundle")}, "product_name": {strValue("Gift Set")},
		"variant_name": {nullValue()}, "pricing.selling_price": {numValue(decimal.NewFromInt(1299))},
		"tags": {strValue("gift")}, "stock_available": {boolValue(false)},
		"categories.name": {strValue("Gift Sets")},
	}
)

func anyAttribute(string) bool { return true }

func TestFilterOperators(t *testing.T) {
	cases := []struct {
		expr string
		want []string // names of the documents that match
	}{
		{"", []string{"tee", "book", "set"}},
		{"product_type = physical", []string{"tee"}},
		{"product_type = PHYSICAL", []string{"tee"}},
		{"product_type != bundle", []string{"tee", "book"}},
		{"pricing.selling_price > 499", []string{"tee", "set"}},
		{"pricing.selling_price >= 499", []string{"tee", "book", "set"}},
		{"pricing.selling_price < 799", []string{"book"}},
		{"pricing.selling_price <= 799", []string{"tee", "book"}},
		{"pricing.selling_price = 799.00", []string{"tee"}},
		{"pricing.selling_price 500 TO 1299", []string{"tee", "set"}},
		{"product_type IN [physical, bundle]", []string{"tee", "set"}},
		{"product_type NOT IN [physical,bundle]", []string{"book"}},
		{"tags = cotton", []string{"tee"}},
		{"tags EXISTS", []string{"tee", "book", "set"}},
		{"rating EXISTS", []string{"tee", "book"}},
		{"rating NOT EXISTS", []string{"set"}},
		{"rating IS NULL", []string{"book"}},
		{"rating IS NOT NULL", []string{"tee", "set"}},
		{"tags IS EMPTY", []string{"book"}},
		{"tags IS NOT EMPTY", []string{"tee", "set"}},
		{"stock_available = false", []string{"set"}},
		{"rating > 4 AND product_type = physical", []string{"tee"}},
		{"product_type = digital OR product_type = bundle", []string{"book", "set"}},
		{"NOT product_type = bundle", []string{"tee", "book"}},
		{"NOT NOT product_type = bundle", []string{"set"}},
		{"product_type = digital OR product_type = bundle AND stock_available = true", []string{"book"}},
		{"(product_type = digital OR product_type = bundle) AND stock_available = false", []string{"set"}},
		{"categories.name = 'Gift Sets'", []string{"set"}},
		{`categories.name = "t-shirts"`, []string{"tee"}},
		{"product_name = 'Tea Handbook' OR variant_name = 'M / Charcoal'", []string{"tee", "book"}},
		{"colour = red", nil},
	}
	docs := map[string]document{"tee": docTee, "book": docBook, "set": docSet}
	for _, c := range cases {
		t.Run(c.expr, func(t *testing.T) {
			n, err := parseFilter(c.expr, anyAttribute)
			require.NoError(t, err)
			var got []string
			for _, name := range []string{"tee", "book", "set"} {
				if n.match(docs[name]) {
					got = append(got, name)
				}
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestFilterSyntaxErrors(t *testing.T) {
	for _, expr := range []string{
		"product_type",
		"product_type =",
		"product_type = physical AND",
		"product_type = physical and stock_available = true", // operators are upper case
		"(product_type = physical",
		"product_type = physical)",
		"product_type IN physical",
		"product_type IN [physical",
		"product_type IN []",
		"product_type NOT physical",
		"rating IS",
		"rating IS MISSING",
		"pricing.selling_price > cheap",
		"pricing.selling_price 1 TO many",
		"pricing.selling_price 100 200",
		"product_name = 'unclosed",
		"product_type ! physical",
		"= physical",
		"AND = 1",
	} {
		t.Run(expr, func(t *testing.T) {
			_, err := parseFilter(expr, anyAttribute)
			require.Error(t, err)
			var fe *filterError
			assert.ErrorAs(t, err, &fe)
		})
	}
}

func TestFilterRefusesUnknownAttributes(t *testing.T) {
	_, err := parseFilter("colour = red", filterable)
	require.ErrorContains(t, err, `"colour" cannot be filtered on`)
	for _, ok := range []string{"attributes.colour = red", "attributes.key = colour", "rating > 4", "sku = X"} {
		_, err := parseFilter(ok, filterable)
		assert.NoError(t, err, ok)
	}
}

// The array forms: strings all hold (AND), an inner array holds when one of
// its strings does (OR), no deeper nesting.
func TestFilterArrays(t *testing.T) {
	parse := func(js string) (filterNode, error) {
		var v any
		require.NoError(t, json.Unmarshal([]byte(js), &v))
		return filterOf(v, 0)
	}
	n, err := parse(`["stock_available = true", ["product_type = digital", "rating > 4"]]`)
	require.NoError(t, err)
	assert.True(t, n.match(docTee))
	assert.True(t, n.match(docBook))
	assert.False(t, n.match(docSet))

	_, err = parse(`[["a = 1", ["b = 2"]]]`)
	assert.Error(t, err, "three levels")
	_, err = parse(`[1]`)
	assert.Error(t, err)
}

func TestSortByParsing(t *testing.T) {
	fields := []string{"name", "created_at", "pricing.selling_price"}
	keys, e := parseSortBy(ptrTo(`{"pricing.selling_price":"DESC", "name":"asc"}`), fields)
	require.Nil(t, e)
	assert.Equal(t, []sortKey{{"pricing.selling_price", true}, {"name", false}}, keys, "in the object's order")
	keys, e = parseSortBy(ptrTo(" "), fields)
	assert.Nil(t, e)
	assert.Nil(t, keys)
	for _, bad := range []string{`name`, `["name"]`, `{"name":1}`, `{"name":"up"}`, `{"colour":"asc"}`, `{"name":"asc","name":"desc"}`,
		`{"name":"asc"} {}`, `{"name":"asc"`, `{}x`} {
		_, e := parseSortBy(ptrTo(bad), fields)
		require.NotNil(t, e, bad)
		assert.Equal(t, 400, e.status, bad)
		assert.Contains(t, e.fields, "sort_by", bad)
	}
}

func TestPaginate(t *testing.T) {
	items := []int{1, 2, 3, 4, 5}
	page, pg := paginate(items, pageRequest{page: 2, limit: 2})
	assert.Equal(t, []int{3, 4}, page)
	assert.Equal(t, 5, pg.TotalRecords)
	assert.Equal(t, 3, pg.TotalPages)
	assert.Equal(t, 1, *pg.PreviousPage)
	assert.Equal(t, 3, *pg.NextPage)

	page, pg = paginate(items, pageRequest{page: 3, limit: 2})
	assert.Equal(t, []int{5}, page)
	assert.Nil(t, pg.NextPage)

	page, pg = paginate(items, pageRequest{page: 7, limit: 2})
	assert.Empty(t, page)
	assert.NotNil(t, page, "an empty page is [], not null")
	assert.Nil(t, pg.NextPage)
	assert.Equal(t, 6, *pg.PreviousPage)

	page, pg = paginate([]int{}, pageRequest{page: 1, limit: 25})
	assert.Empty(t, page)
	assert.Equal(t, 0, pg.TotalPages)
	assert.Nil(t, pg.PreviousPage)

	for _, bad := range [][2]int{{0, 10}, {1, 0}, {1, MaxPageLimit + 1}} {
		_, e := pageOf(&bad[0], &bad[1])
		assert.NotNil(t, e, bad)
	}
	pr, e := pageOf(nil, nil)
	require.Nil(t, e)
	assert.Equal(t, pageRequest{page: 1, limit: DefaultPageLimit}, pr)
}

func TestRelevance(t *testing.T) {
	text := []weighted{{"aurora", 4}, {"headphones", 4}, {"bluetooth", 3}, {"noise", 1}}
	score, ok := relevance([]string{"head"}, text)
	assert.True(t, ok, "a prefix matches")
	assert.Equal(t, 4, score)
	score, ok = relevance([]string{"headphones"}, text)
	assert.True(t, ok)
	assert.Equal(t, 5, score, "a whole word counts one more")
	_, ok = relevance([]string{"aurora", "speaker"}, text)
	assert.False(t, ok, "every word must match")
	assert.Len(t, queryWords("one two three four five six seven eight nine ten eleven"), MaxQueryWords)
}

func TestFixedULIDsAreStableAndValid(t *testing.T) {
	assert.Equal(t, SeededGroupRetail, fixedULID(seedEpoch, 1))
	assert.Equal(t, SeededGroupWholesale, fixedULID(seedEpoch, 2))
	assert.Equal(t, SeededGroupStaff, fixedULID(seedEpoch, 3))
	assert.Equal(t, SeededSellerSpices, fixedULID(seedEpoch, 11))
	assert.Equal(t, SeededSellerPrints, fixedULID(seedEpoch, 12))
	assert.Equal(t, SeededSellerGadgets, fixedULID(seedEpoch, 13))
	ts, ok := ulidTime(SeededGroupRetail)
	require.True(t, ok)
	assert.True(t, ts.Equal(seedEpoch))
}

func ptrTo(s string) *string { return &s }
