package conformance

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/commercengine-go/sdk/internal/secretcheck"
)

// TestEverySecretHoldingTypeFormatsWithoutIt: Config holds the store's API
// key and the test account's password; no fmt verb or slog handler may
// print them (see secretcheck).
func TestEverySecretHoldingTypeFormatsWithoutIt(t *testing.T) {
	holders := secretcheck.CheckPackage(t, ".", true,
		reflect.TypeFor[Config](), reflect.TypeFor[Result](), reflect.TypeFor[Report]())
	assert.Equal(t, []string{"Config"}, holders)
}
