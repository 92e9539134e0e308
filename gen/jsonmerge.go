package gen

import (
	"bytes"
	"encoding/json"
	"errors"
)

// jsonMerge merges the JSON patch into the JSON data and returns the
// result: where both are objects, each member of patch is merged into the
// member of data of the same name (or added when data has none); anywhere
// else the patch's value replaces the data's. An empty data or patch counts
// as {}. Numbers keep their exact text.
//
// The union types' From… and Merge… methods call it (internal/cmd/ownmerge
// points oapi-codegen's runtime.JSONMerge calls here), so that the models do
// not import github.com/oapi-codegen/runtime. On two objects it answers
// what runtime.JSONMerge answers (jsonmerge_test.go compares them); where
// runtime.JSONMerge would keep the old value silently (a patch that is not
// an object), the patch wins, as From… and Merge… promise.
func jsonMerge(data, patch json.RawMessage) (json.RawMessage, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		data = json.RawMessage(`{}`)
	}
	if len(bytes.TrimSpace(patch)) == 0 {
		patch = json.RawMessage(`{}`)
	}
	if !json.Valid(data) {
		return nil, errors.New("merging JSON: the union's data is not valid JSON")
	}
	if !json.Valid(patch) {
		return nil, errors.New("merging JSON: the value merged in is not valid JSON")
	}
	return mergeValues(data, patch)
}

func mergeValues(data, patch json.RawMessage) (json.RawMessage, error) {
	d, dataIsObject := jsonObject(data)
	p, patchIsObject := jsonObject(patch)
	if !dataIsObject || !patchIsObject {
		var out bytes.Buffer
		if err := json.Compact(&out, patch); err != nil {
			return nil, err
		}
		return out.Bytes(), nil
	}
	for name, value := range p {
		old, ok := d[name]
		if !ok {
			d[name] = value
			continue
		}
		merged, err := mergeValues(old, value)
		if err != nil {
			return nil, err
		}
		d[name] = merged
	}
	return json.Marshal(d) // members in name order, values compacted
}

// jsonObject decodes b's members when b is a JSON object.
func jsonObject(b json.RawMessage) (map[string]json.RawMessage, bool) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		return nil, false
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(b, &members); err != nil {
		return nil, false
	}
	return members, true
}
