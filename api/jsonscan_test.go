package api

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// scanSamples are JSON texts, valid and not, at the corners of the
// grammar and of encoding/json's decoding.
var scanSamples = []string{
	`""`, `"a"`, `"\u00e9"`, `"\u00E9"`, `"\ud83d\ude00"`, `"\ud800"`, `"\udc00"`, `"\ud800\ud800"`, `"\udc00\ud800"`,
	`"\ud800\u0041"`, `"\ud800x"`, `"\ud800\n"`, `"\ud800\udbff\udfff"`, "\"\xff\"", "\"\xc0\x80\"", "\"\xed\xa0\x80\"",
	"\"\xf0\x9f\x98\"", "\"é\"", `"\/\b\f\n\r\t\"\\"`, `"\u0000"`, `"\x"`, `"\u12"`, `"\u12g4"`, "\"\x01\"", "\"\x7f\"",
	`"`, `"\`, `"\u`, `0`, `-0`, `1.0`, `1e400`, `-1e400`, `1e-400`, `01`, `1.`, `.5`, `+1`, `-`, `1e`, `1e+`, `0x1`,
	`[]`, `[1,]`, `[,1]`, `{}`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `{"a":1}x`, ` {"a":1} `, "\t[\r\n1 ]", `nul`, `truex`,
	`123456789012345`, `-123456789012345`, `1234567890123456`, `9007199254740993`, `-0.0`, `0`, `-1`,
	`[1e400]`, `{"a":1e309}`, `{"a":[{"b":null}]}`, `[[[[]]]]`, `{"\ud800":1,"\udc00":2}`, "",
}

// TestScannerMatchesEncodingJSON: the scanner accepts what encoding/json
// accepts — requests decode any number (json.Number), responses only those
// that fit a float64 — and decodes strings to the same values.
func TestScannerMatchesEncodingJSON(t *testing.T) {
	for _, s := range scanSamples {
		scannerAgrees(t, []byte(s))
	}
	deep := strings.Repeat("[", maxDepth+5) + strings.Repeat("]", maxDepth+5)
	_, v := skipRequestValue([]byte(deep), 0, 0)
	assert.Equal(t, undecided, v, "beyond maxDepth")
}

// FuzzScannerMatchesEncodingJSON is TestScannerMatchesEncodingJSON on
// arbitrary input.
func FuzzScannerMatchesEncodingJSON(f *testing.F) {
	for _, s := range scanSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(scannerAgrees)
}

func scannerAgrees(t *testing.T, data []byte) {
	for _, mode := range []struct {
		dir    direction
		decode func([]byte) bool
	}{
		{forRequest, func(b []byte) bool { return json.Valid(b) }},
		{forResponse, func(b []byte) bool { var v any; return json.Unmarshal(b, &v) == nil }},
	} {
		v := conformanceCheck(skipper(mode.dir)).documentVerdict(data, mode.dir)
		if v == undecided {
			continue
		}
		if want := mode.decode(data); want != (v == accepted) {
			t.Fatalf("direction %d: the scanner says %v, encoding/json decodes: %v, for %q", mode.dir, v, want, data)
		}
	}
	// A number: the same float64 as strconv.ParseFloat.
	if end, ok := numberEnd(data, 0); ok && end == len(data) {
		got, gotErr := parseNumber(data)
		want, wantErr := strconv.ParseFloat(string(data), 64)
		if (gotErr == nil) != (wantErr == nil) || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%s parses to %v (%v), strconv.ParseFloat gives %v (%v)", data, got, gotErr, want, wantErr)
		}
	}
	// A string: decoded to the same value.
	end, dirty, ok := stringEnd(data, 0)
	if !ok || end != len(data) {
		return
	}
	var want string
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("the scanner takes %q for a string, encoding/json does not: %v", data, err)
	}
	got := stringValue(data, 0, end, dirty)
	if string(got) != want {
		t.Fatalf("%q decodes to %q, encoding/json gives %q", data, got, want)
	}
	if !dirty && !utf8.Valid(data) {
		t.Fatalf("%q holds invalid UTF-8 but was not marked for decoding", data)
	}
}
