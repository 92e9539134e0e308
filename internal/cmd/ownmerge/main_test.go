package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const withMerge = `package gen

import (
	"encoding/json"

	"github.com/oapi-codegen/runtime"
)

type U struct{ union json.RawMessage }

func (t *U) MergeA(v int) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b, err = runtime.JSONMerge(b, []byte(` + "`" + `{"kind":"a"}` + "`" + `))
	if err != nil {
		return err
	}
	merged, err := runtime.JSONMerge(t.union, b)
	t.union = merged
	return err
}
`

func TestCallsAreRepointedAndTheImportDropped(t *testing.T) {
	out, n, err := rewrite("x.go", []byte(withMerge))
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	got := string(out)
	assert.NotContains(t, got, "oapi-codegen/runtime")
	assert.NotContains(t, got, "runtime.")
	assert.Equal(t, 2, strings.Count(got, "jsonMerge("))
	assert.Contains(t, got, "import (\n\t\"encoding/json\"\n)", "the import block is still gofmt'd")
}

func TestAnyOtherUseOfTheRuntimeIsRefused(t *testing.T) {
	src := strings.Replace(withMerge, "return err\n}\n", "return err\n}\n\nvar _ = runtime.BindStyledParameter\n", 1)
	_, _, err := rewrite("x.go", []byte(src))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "runtime.BindStyledParameter")
}

func TestAFileWithoutTheRuntimeIsLeftAlone(t *testing.T) {
	src := "package gen\n\nimport \"encoding/json\"\n\nvar runtime = json.Valid\n\nvar _ = runtime\n"
	out, n, err := rewrite("x.go", []byte(src))
	require.NoError(t, err)
	assert.Zero(t, n)
	assert.Equal(t, src, string(out))
}

func TestAFileThatDeclaresJSONMergeIsRefused(t *testing.T) {
	src := withMerge + "\nfunc jsonMerge(a, b []byte) ([]byte, error) { return a, nil }\n"
	_, _, err := rewrite("x.go", []byte(src))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "declares jsonMerge")
}
