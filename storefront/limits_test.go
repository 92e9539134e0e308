package storefront

import (
	"testing"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
	"github.com/stretchr/testify/assert"
)

// TestImageLimitAgreesEverywhere: the SDK, its fake server and the spec
// bound a profile image alike.
func TestImageLimitAgreesEverywhere(t *testing.T) {
	t.Parallel()
	assert.Equal(t, MaxImageBytes, storefronttest.MaxImageBytes)
	for _, method := range []string{"POST", "PUT"} {
		op := api.Spec().Paths.Find("/auth/user/{id}/profile-image").GetOperation(method)
		image := op.RequestBody.Value.Content.Get("multipart/form-data").Schema.Value.Properties["image"].Value
		if assert.NotNil(t, image.MaxLength, method) {
			assert.EqualValues(t, MaxImageBytes, *image.MaxLength, method)
		}
	}
}
