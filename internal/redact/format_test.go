package redact

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

type card struct{ Holder, Number string }

func (c card) String() string {
	return NewView("card").Field("Holder", c.Holder).Secret("Number", c.Number).String()
}
func (c card) GoString() string              { return "redact." + c.String() }
func (c card) Format(f fmt.State, verb rune) { Format(f, verb, c) }

func TestFormatPrintsTheViewWhateverTheVerb(t *testing.T) {
	c := card{Holder: "Asha", Number: "4111111111111111"}
	for _, verb := range []string{"%v", "%+v", "%s", "%q", "%x", "%X", "%d", "%10.3v", "%T"} {
		out := fmt.Sprintf(verb, c)
		assert.NotContains(t, out, "4111", verb)
		assert.NotContains(t, out, fmt.Sprintf("%x", "4111"), verb)
	}
	assert.Equal(t, "card{Holder:Asha Number:<redacted>}", fmt.Sprint(c))
	assert.Equal(t, "redact.card{Holder:Asha Number:<redacted>}", fmt.Sprintf("%#v", c))
	assert.Equal(t, "card{Holder: Number:<none>}", fmt.Sprint(card{}))
	assert.Equal(t, "[card{Holder:Asha Number:<redacted>}]", fmt.Sprintf("%s", []card{c}))
	assert.Equal(t, "*strings.Reader <nil>", TypeName(strings.NewReader("x"))+" "+TypeName(nil))
}
