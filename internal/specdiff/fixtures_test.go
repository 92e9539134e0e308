package specdiff

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The fixtures under testdata are made from ../../openapi.yaml. base.yaml
// is openapi.yaml pruned to the paths below and what they use (see prune):
// lines of openapi.yaml, a few thousand of them, so that the tests load and
// diff small documents. Every other fixture is base.yaml with exactly one
// change, or none in another format. They are made by the edits below, so
// that they follow openapi.yaml as it evolves:
//
//	go test ./internal/specdiff -run TestFixturesAreCurrent -update
//
// rewrites them (and removes any other file under testdata), and
// TestFixturesAreCurrent fails while they are stale. The whole of
// openapi.yaml is compared once, with itself (TestCompareWholeSpec).
var update = flag.Bool("update", false, "rewrite the testdata fixtures from ../../openapi.yaml")

const (
	specPath = "../../openapi.yaml"
	basePath = "testdata/base.yaml"
)

// keptPaths are the paths of openapi.yaml that base.yaml keeps: those the
// fixtures change, those their edits are anchored on, and what TestLoad reads.
var keptPaths = []string{
	"/auth/anonymous",               // renamed-field.yaml
	"/auth/login/email",             // new-required-field.yaml
	"/auth/user/{id}",               // the User schema, which TestLoad reads
	"/auth/user/{id}/deactivate",    // removed-operation.yaml
	"/auth/user/{id}/profile-image", // where removed-operation.yaml's cut ends and added-operation.yaml inserts
	"/pos/devices/{id}/claim",       // pos-removed-operation.yaml
	"/pos/devices/{id}/unclaim",     // where its cut ends
	"/pos/orders",                   // pos-new-required-field.yaml
}

// A fixture is a file under testdata made from base.yaml.
type fixture struct {
	name string
	make func(base []byte) ([]byte, error)
}

var fixtures = []fixture{
	{"base.yaml", func(s []byte) ([]byte, error) { return s, nil }},
	{"unchanged.json", toJSON},
	{"unchanged-3.1.yaml", toOpenAPI31},
	{"pos-removed-operation.yaml", edits(
		// Point of sale is compared like every group: claim-pos-device
		// (POST /pos/devices/{id}/claim) is gone.
		cut("  /pos/devices/{id}/claim:\n", "  /pos/devices/{id}/unclaim:\n"),
	)},
	{"pos-new-required-field.yaml", edits(
		// create-pos-order requires a new request field, register_id.
		replace("      required: [cart_id, payment_mode]\n      properties:\n",
			"      required: [cart_id, payment_mode, register_id]\n      properties:\n"+
				"        register_id:\n"+
				"          description: The cash register the order is rung up on.\n"+
				"          type: string\n"),
		replace("example: {cart_id: 01M8S2HMYQX0DDAK3TSK6ATWQ7, payment_mode: CASH}",
			"example: {cart_id: 01M8S2HMYQX0DDAK3TSK6ATWQ7, payment_mode: CASH, register_id: R1}"),
	)},
	{"renamed-field.yaml", edits(
		// get-anonymous-token answers content.user.user_id instead of content.user.id.
		replace("      required: [id, is_anonymous, is_logged_in,", "      required: [user_id, is_anonymous, is_logged_in,"),
		replace("        id:\n          description: The unique ID of the user; it stays the same",
			"        user_id:\n          description: The unique ID of the user; it stays the same"),
		replace("user: &anonymousUserExample\n                    id: ", "user: &anonymousUserExample\n                    user_id: "),
	)},
	{"new-required-field.yaml", edits(
		// login-with-email requires a new request field, captcha_token.
		replace(
			"              required: [email]\n              properties:\n                email:\n                  description: The email address to send the one-time password to.",
			"              required: [email, captcha_token]\n              properties:\n"+
				"                captcha_token:\n"+
				"                  description: A token proving the request comes from a person.\n"+
				"                  type: string\n"+
				"                email:\n                  description: The email address to send the one-time password to."),
		replace("example: {email: asha.rao@example.com, register_if_not_exists: false}",
			"example: {email: asha.rao@example.com, register_if_not_exists: false, captcha_token: 03AFcWeA}"),
	)},
	{"removed-operation.yaml", edits(
		// deactivate-user (PUT /auth/user/{id}/deactivate) is gone.
		cut("  /auth/user/{id}/deactivate:\n", "  /auth/user/{id}/profile-image:\n"),
	)},
	{"added-operation.yaml", edits(
		// reactivate-user (PUT /auth/user/{id}/reactivate) is new.
		insertBefore("  /auth/user/{id}/profile-image:\n", reactivatePath),
	)},
}

const reactivatePath = `  /auth/user/{id}/reactivate:
    parameters:
      - $ref: '#/components/parameters/UserID'
    put:
      tags: [Auth]
      operationId: reactivate-user
      summary: Reactivate a user
      description: Reactivates a deactivated account. The answer has no content.
      responses:
        "200":
          $ref: '#/components/responses/Done'
        "400":
          $ref: '#/components/responses/BadRequest'
        "401":
          $ref: '#/components/responses/Unauthorized'
        "404":
          $ref: '#/components/responses/NotFound'

`

func TestFixturesAreCurrent(t *testing.T) {
	spec, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	base, err := prune(spec, keptPaths)
	if err != nil {
		t.Fatalf("pruning openapi.yaml: %v", err)
	}
	made := map[string]bool{}
	for _, f := range fixtures {
		made[f.name] = true
		want, err := f.make(base)
		if err != nil {
			t.Fatalf("%s: %v (adjust its edit in fixtures_test.go to the new openapi.yaml)", f.name, err)
		}
		path := filepath.Join("testdata", f.name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v; run: go test ./internal/specdiff -run TestFixturesAreCurrent -update", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("testdata/%s is stale: openapi.yaml changed since it was made; run: go test ./internal/specdiff -run TestFixturesAreCurrent -update", f.name)
		}
	}

	// A file no fixture makes would go stale unseen.
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if made[e.Name()] {
			continue
		}
		path := filepath.Join("testdata", e.Name())
		if *update {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s is made by no fixture; remove it, or run: go test ./internal/specdiff -run TestFixturesAreCurrent -update", path)
	}
}

// edits applies each edit to the spec in turn.
func edits(steps ...func(string) (string, error)) func([]byte) ([]byte, error) {
	return func(spec []byte) ([]byte, error) {
		s := string(spec)
		for _, step := range steps {
			var err error
			if s, err = step(s); err != nil {
				return nil, err
			}
		}
		return []byte(s), nil
	}
}

// replace replaces old, which must occur exactly once, with new.
func replace(old, new string) func(string) (string, error) {
	return func(s string) (string, error) {
		if n := strings.Count(s, old); n != 1 {
			return "", fmt.Errorf("%q occurs %d times, want once", firstLine(old), n)
		}
		return strings.Replace(s, old, new, 1), nil
	}
}

// insertBefore inserts text before at, which must occur exactly once.
func insertBefore(at, text string) func(string) (string, error) {
	return replace(at, text+at)
}

// cut removes everything from start up to, not including, end; both must
// occur exactly once.
func cut(start, end string) func(string) (string, error) {
	return func(s string) (string, error) {
		for _, m := range []string{start, end} {
			if n := strings.Count(s, m); n != 1 {
				return "", fmt.Errorf("%q occurs %d times, want once", firstLine(m), n)
			}
		}
		i, j := strings.Index(s, start), strings.Index(s, end)
		if j < i {
			return "", fmt.Errorf("%q comes after %q", firstLine(end), firstLine(start))
		}
		return s[:i] + s[j:], nil
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimLeft(s, "\n"), "\n")
	return s
}

// toJSON writes the spec as JSON: the same document in the other format.
func toJSON(spec []byte) ([]byte, error) {
	var doc any
	if err := yaml.Unmarshal(spec, &doc); err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// toOpenAPI31 writes the spec as OpenAPI 3.1.0: "nullable: true" becomes a
// "null" in the schema's type array, the only 3.0 construct openapi.yaml
// uses that 3.1 spells differently. Anchors, comments and styles are kept.
func toOpenAPI31(spec []byte) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(spec, &root); err != nil {
		return nil, err
	}
	var walk func(n *yaml.Node) error
	walk = func(n *yaml.Node) error {
		if n.Kind == yaml.MappingNode {
			if err := rewriteNullable(n); err != nil {
				return err
			}
		}
		for _, c := range n.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(&root); err != nil {
		return nil, err
	}
	doc := root.Content[0]
	version := valueOf(doc, "openapi")
	if version == nil || version.Value != "3.0.3" {
		return nil, fmt.Errorf("openapi.yaml is not OpenAPI 3.0.3")
	}
	version.Value = "3.1.0"

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// rewriteNullable turns {type: T, nullable: true} into {type: [T, "null"]}.
func rewriteNullable(m *yaml.Node) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "nullable" {
			continue
		}
		nullable := m.Content[i+1].Value == "true"
		m.Content = append(m.Content[:i], m.Content[i+2:]...)
		if !nullable {
			return nil
		}
		typ := valueOf(m, "type")
		if typ == nil {
			// A nullable schema without a type (an allOf around a $ref):
			// 3.1 spells it with a type list, which a typeless schema lacks;
			// oasdiff reads both as the same schema without the flag.
			return nil
		}
		if typ.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: nullable without a single type", m.Line)
		}
		*typ = yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: typ.Value},
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: "null", Style: yaml.DoubleQuotedStyle},
		}}
		return nil
	}
	return nil
}

func valueOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
