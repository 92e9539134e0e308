package gen

import (
	"encoding/json"
	"go/build"
	"strings"
	"testing"

	"github.com/oapi-codegen/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONMergeAgreesWithTheRuntimeOnObjects(t *testing.T) {
	cases := []struct{ data, patch string }{
		{`{"card_number":"4111"}`, `{"coupon_type":"discount"}`},
		{`{}`, `{"a":1}`},
		{`{"a":1}`, `{}`},
		{`{"a":{"b":1,"c":[1,2]}}`, `{"a":{"c":[3],"d":null}}`},
		{`{"a":{"b":{"c":1}}}`, `{"a":{"b":{"d":"x"}},"e":true}`},
		{`{"n":0.1000000000000000055511151231257827}`, `{"m":1e400}`},
		{`{"a":"x","b":2}`, `{"a":"y"}`},
		{`{"a":null}`, `{"a":{"b":1}}`},
		{`{ "spaced" : [ 1 , 2 ] }`, `{ "more" : { } }`},
		{`{"\u00e9":1}`, `{"é":2}`},
	}
	for _, c := range cases {
		want, err := runtime.JSONMerge(json.RawMessage(c.data), json.RawMessage(c.patch))
		require.NoError(t, err)
		got, err := jsonMerge(json.RawMessage(c.data), json.RawMessage(c.patch))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s + %s: byte for byte", c.data, c.patch)
	}
}

func TestJSONMergeLetsAPatchThatIsNotAnObjectWin(t *testing.T) {
	for _, c := range []struct{ data, patch, want string }{
		{`{"a":{"b":1}}`, `{"a":"flat"}`, `{"a":"flat"}`},
		{`"old"`, `"new"`, `"new"`},
		{`{"a":1}`, `[1, 2]`, `[1,2]`},
		{``, `{"a":1}`, `{"a":1}`},
		{`{"a":1}`, ``, `{"a":1}`},
		{`{"n":1}`, `{"n":12345678901234567890.5}`, `{"n":12345678901234567890.5}`},
	} {
		got, err := jsonMerge(json.RawMessage(c.data), json.RawMessage(c.patch))
		require.NoError(t, err)
		assert.Equal(t, c.want, string(got), "%s + %s", c.data, c.patch)
	}
}

func TestJSONMergeRefusesWhatIsNotJSON(t *testing.T) {
	for _, c := range []struct{ data, patch, says string }{
		{`{"a":`, `{}`, "the union's data is not valid JSON"},
		{`{}`, `<html>`, "the value merged in is not valid JSON"},
	} {
		_, err := jsonMerge(json.RawMessage(c.data), json.RawMessage(c.patch))
		require.Error(t, err)
		assert.Contains(t, err.Error(), c.says)
	}
}

// TestUnionsStampTheirDiscriminator goes through a generated From… method:
// the branch's JSON gains the discriminator's value.
func TestUnionsStampTheirDiscriminator(t *testing.T) {
	var u Coupon
	require.NoError(t, u.FromDiscountCouponPromotion(DiscountCouponPromotion{Name: "SAVE10"}))
	b, err := json.Marshal(u)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, "discount", got["coupon_type"])
	assert.Equal(t, "SAVE10", got["name"])
	require.NoError(t, u.MergeDiscountCouponPromotion(DiscountCouponPromotion{Name: "SAVE20"}))
	back, err := u.AsDiscountCouponPromotion()
	require.NoError(t, err)
	assert.Equal(t, "SAVE20", back.Name)
}

// TestModelsDoNotImportTheRuntime: a program that imports the models (as
// every storefront user does) compiles none of oapi-codegen's runtime.
func TestModelsDoNotImportTheRuntime(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	require.NoError(t, err)
	for _, imp := range pkg.Imports {
		assert.False(t, strings.HasPrefix(imp, "github.com/oapi-codegen/"), "gen imports %s", imp)
	}
}
