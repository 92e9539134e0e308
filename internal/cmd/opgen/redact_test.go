package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// redactSpec marks card_number (inside an inline list of a model) and
// token (in a union's branch) x-sensitive.
const redactSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Saved:
      type: object
      properties:
        cards:
          type: array
          items:
            type: object
            properties:
              card_number: {type: string, x-sensitive: true}
              brand: {type: string}
    Hyper:
      type: object
      properties:
        token: {type: string, x-sensitive: true}
`

// redactGen is what oapi-codegen makes of it, and types around them.
const redactGen = `package gen

import "encoding/json"

type Saved struct {
	Cards *[]struct {
		Brand      *string ` + "`json:\"brand,omitempty\"`" + `
		CardNumber string  ` + "`json:\"card_number\"`" + `
	} ` + "`json:\"cards,omitempty\"`" + `
}

type ListSaved struct {
	Saved  map[string]Saved ` + "`json:\"saved\"`" + `
	Others []Plain          ` + "`json:\"others\"`" + `
}

type Plain struct {
	Name string ` + "`json:\"name\"`" + `
}

type Hyper struct {
	Token *string ` + "`json:\"token,omitempty\"`" + `
}

type PaymentInfo struct {
	union json.RawMessage
}

func (t PaymentInfo) AsHyper() (Hyper, error) { var h Hyper; return h, nil }

type Order struct {
	Info PaymentInfo ` + "`json:\"info\"`" + `
}

type SavedBody Saved

type InfoBody PaymentInfo
`

// The generator finds the models that hold a sensitive property however
// deep, and writes hidden methods that copy what they change.
func TestRedactedTypesReachNestedAndUnionData(t *testing.T) {
	spec, err := openapi3.NewLoader().LoadFromData([]byte(redactSpec))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "gen.go"), []byte(redactGen), 0o600); err != nil {
		t.Fatal(err)
	}
	g, err := parseGen(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := &model{spec: spec, gen: g}
	types, err := m.redactedTypes()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]redactedType{}
	var names []string
	for _, rt := range types {
		got[rt.Name] = rt
		names = append(names, rt.Name)
	}
	if strings.Join(names, " ") != "Hyper InfoBody ListSaved Order PaymentInfo Saved SavedBody" {
		t.Fatalf("redacted types: %v", names)
	}
	if !got["PaymentInfo"].Union || got["Order"].Plain != "\tv.Info = PaymentInfo{}\n" {
		t.Errorf("a union is printed by name and emptied in what holds it: %+v %+v", got["PaymentInfo"], got["Order"])
	}
	wantSaved := "\tif v.Cards != nil {\n\t\tc0 := *v.Cards\n\t\tif c0 != nil {\n\t\t\tc1 := slices.Clone(c0)\n" +
		"\t\t\tfor i1 := range c1 {\n\t\t\t\tc1[i1].CardNumber = hideString(c1[i1].CardNumber)\n\t\t\t}\n\t\t\tc0 = c1\n\t\t}\n\t\tv.Cards = &c0\n\t}\n"
	if got["Saved"].Plain != wantSaved {
		t.Errorf("Saved.hidden:\n%s\nwant\n%s", got["Saved"].Plain, wantSaved)
	}
	if p := got["ListSaved"].Plain; !strings.Contains(p, "maps.Clone(v.Saved)") || !strings.Contains(p, "e0 = e0.hidden()") || strings.Contains(p, "Others") {
		t.Errorf("ListSaved.hidden:\n%s", p)
	}
	if p := got["SavedBody"].Plain; p != "\tu := Saved(v)\n\tv = SavedBody(u.hidden())\n" {
		t.Errorf("a type defined as another converts to it, never calls its own hidden: %q", p)
	}
	if p := got["InfoBody"].Plain; got["InfoBody"].Union || p != "\tv = InfoBody{}\n" {
		t.Errorf("a type defined as a union is emptied: %+v", got["InfoBody"])
	}
	if _, err := m.renderFile("zz_redact.gen.go", redactTemplate, types); err != nil {
		t.Errorf("the generated file does not format: %v", err)
	}
}
