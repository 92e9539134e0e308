package main

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/commercengine-go/sdk/internal/secretcheck"
)

// TestEverySecretHoldingTypeFormatsWithoutIt: the command's own types that
// hold the API key, a token or an OTP print none of them (see secretcheck).
func TestEverySecretHoldingTypeFormatsWithoutIt(t *testing.T) {
	t.Parallel()
	holders := secretcheck.CheckPackage(t, ".", false,
		reflect.TypeFor[authCmd](), reflect.TypeFor[authRun](), reflect.TypeFor[catalogRun](), reflect.TypeFor[challengeFileContent](),
		reflect.TypeFor[cli](), reflect.TypeFor[cmdFlags](), reflect.TypeFor[common](), reflect.TypeFor[demoShop](), reflect.TypeFor[demoStep](), reflect.TypeFor[errorJSON](),
		reflect.TypeFor[printer](), reflect.TypeFor[productDetail](), reflect.TypeFor[productLine](), reflect.TypeFor[serveInfo](), reflect.TypeFor[sessionInfo](),
		reflect.TypeFor[stepJSON](), reflect.TypeFor[storeFlags](), reflect.TypeFor[summaryJSON](),
		reflect.TypeFor[usageError](), reflect.TypeFor[callsReport](), reflect.TypeFor[shownAsJSON](), reflect.TypeFor[posCmd](), reflect.TypeFor[posRun](), reflect.TypeFor[cartError](),
		reflect.TypeFor[addressFlags](), reflect.TypeFor[addressesCmd](), reflect.TypeFor[addressesRun](), reflect.TypeFor[sessionFile](),
	)
	assert.ElementsMatch(t, []string{"catalogRun", "challengeFileContent", "serveInfo", "storeFlags"}, holders)
}
