package conformance

import (
	"fmt"
	"io"
)

// Format keeps every fmt verb from printing the API key and the password:
// %v, %s and %q print String, %#v GoString, and so do %d, %x and the
// others, which fmt would otherwise apply to each field.
func (c Config) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, c.GoString())
		return
	}
	_, _ = io.WriteString(f, c.String())
}
