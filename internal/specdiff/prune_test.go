package specdiff

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// prune returns spec with only the given paths and what they use: the
// components they reach through $refs and discriminator mappings,
// transitively, and the entries holding the anchors of the aliases they use.
// Everything outside paths and components is kept, and every security
// scheme (security requirements name them, not $refs).
//
// prune works on the text: it drops the lines of each path and component
// it removes, from the comments and blank lines above the entry's key to
// the next entry. What it keeps is byte for byte the spec's, so the
// fixtures' edits, written against openapi.yaml's lines, still apply.
func prune(spec []byte, keep []string) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(spec, &root); err != nil {
		return nil, err
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
		return nil, fmt.Errorf("not a single YAML document")
	}
	lines := strings.SplitAfter(string(spec), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	top, err := entries(root.Content[0], len(lines)+1, lines)
	if err != nil {
		return nil, err
	}

	// The entries prune may remove: every path, every component.
	type section struct {
		entry
		items []*item
	}
	var (
		paths    []*item
		byPath   = map[string]*item{}
		sections []section
		byRef    = map[string]*item{} // "schemas/User" → its entry
		always   []*yaml.Node         // the rest, kept whatever the paths use
	)
	for _, e := range top {
		switch e.key.Value {
		case "paths":
			es, err := entries(e.value, e.end, lines)
			if err != nil {
				return nil, err
			}
			for _, p := range es {
				it := &item{entry: p}
				paths = append(paths, it)
				byPath[p.key.Value] = it
			}
		case "components":
			secs, err := entries(e.value, e.end, lines)
			if err != nil {
				return nil, err
			}
			for _, s := range secs {
				es, err := entries(s.value, s.end, lines)
				if err != nil {
					return nil, err
				}
				sec := section{entry: s}
				for _, c := range es {
					it := &item{entry: c}
					sec.items = append(sec.items, it)
					byRef[s.key.Value+"/"+c.key.Value] = it
				}
				sections = append(sections, sec)
			}
		default:
			always = append(always, e.key, e.value)
		}
	}

	// Which entry each anchor is in, for the aliases that name it.
	anchorIn := map[*yaml.Node]*item{}
	for _, it := range byRef {
		collectAnchors(it.value, it, anchorIn)
	}
	for _, it := range paths {
		collectAnchors(it.value, it, anchorIn)
	}

	// Keep the paths asked for, then whatever kept nodes lead to.
	queue := always
	mark := func(it *item) {
		if !it.kept {
			it.kept = true
			queue = append(queue, it.value)
		}
	}
	for _, p := range keep {
		it := byPath[p]
		if it == nil {
			return nil, fmt.Errorf("there is no path %s", p)
		}
		mark(it)
	}
	for _, s := range sections {
		if s.key.Value == "securitySchemes" {
			for _, it := range s.items {
				mark(it)
			}
		}
	}
	for len(queue) > 0 {
		n := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		switch n.Kind {
		case yaml.AliasNode:
			// The anchor's own entry is walked when it is kept.
			if it := anchorIn[n.Alias]; it != nil {
				mark(it)
			}
			continue
		case yaml.ScalarNode:
			ref, ok := strings.CutPrefix(n.Value, "#/components/")
			if !ok {
				break
			}
			// A $ref may point into a component: its first two steps
			// name the component.
			sec, rest, _ := strings.Cut(ref, "/")
			name, _, _ := strings.Cut(rest, "/")
			name = strings.NewReplacer("~1", "/", "~0", "~").Replace(name)
			it := byRef[sec+"/"+name]
			if it == nil {
				return nil, fmt.Errorf("line %d: %s names no component", n.Line, n.Value)
			}
			mark(it)
		}
		queue = append(queue, n.Content...)
	}

	drop := make([]bool, len(lines)+1) // by line number
	dropLines := func(e entry) {
		for l := e.start; l < e.end; l++ {
			drop[l] = true
		}
	}
	for _, it := range paths {
		if !it.kept {
			dropLines(it.entry)
		}
	}
	for _, s := range sections {
		used := false
		for _, it := range s.items {
			used = used || it.kept
		}
		if !used { // no empty section left behind
			dropLines(s.entry)
			continue
		}
		for _, it := range s.items {
			if !it.kept {
				dropLines(it.entry)
			}
		}
	}
	var out strings.Builder
	for i, l := range lines {
		if !drop[i+1] {
			out.WriteString(l)
		}
	}
	// An alias whose anchor went, or an entry cut mid-way, would not parse.
	if err := yaml.Unmarshal([]byte(out.String()), new(yaml.Node)); err != nil {
		return nil, fmt.Errorf("the pruned document does not parse: %w", err)
	}
	return []byte(out.String()), nil
}

// An entry is one key and value of a block mapping, and its lines.
type entry struct {
	key, value *yaml.Node
	// start and end are line numbers: the entry is lines [start, end), from
	// the comments and blank lines right above its key to the next entry's
	// (or the mapping's) end.
	start, end int
}

// An item is a path or a component, which prune keeps or removes whole.
type item struct {
	entry
	kept bool
}

// entries returns the entries of m, a block mapping whose lines end before
// line end.
func entries(m *yaml.Node, end int, lines []string) ([]entry, error) {
	if m.Kind != yaml.MappingNode || m.Style&yaml.FlowStyle != 0 {
		return nil, fmt.Errorf("line %d: want a block mapping", m.Line)
	}
	var es []entry
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		es = append(es, entry{key: k, value: m.Content[i+1], start: leadingLine(lines, k.Line, k.Column)})
	}
	for i := range es {
		if i+1 < len(es) {
			es[i].end = es[i+1].start
		} else {
			es[i].end = end
		}
	}
	return es, nil
}

// leadingLine returns the first of the blank lines and comments, indented
// no deeper than the key at line and column, right above it: they go with
// the key. A deeper comment ends the entry above.
func leadingLine(lines []string, line, column int) int {
	for line > 1 {
		above := strings.TrimRight(lines[line-2], "\r\n")
		text := strings.TrimLeft(above, " ")
		if text != "" && (!strings.HasPrefix(text, "#") || len(above)-len(text) >= column) {
			break
		}
		line--
	}
	return line
}

func collectAnchors(n *yaml.Node, it *item, in map[*yaml.Node]*item) {
	if n.Anchor != "" {
		in[n] = it
	}
	for _, c := range n.Content {
		collectAnchors(c, it, in)
	}
}

func TestPrune(t *testing.T) {
	t.Parallel()
	const spec = `openapi: 3.0.3
info: {title: x, version: "1"}
security:
  - Key: []
paths:
  # The first group.
  /a:
    get:
      parameters:
        - $ref: '#/components/parameters/P'
      responses:
        "200":
          $ref: '#/components/responses/OK'
          # a comment inside /a

  /b:
    get:
      responses:
        "200":
          description: B
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Unused'
              example: &bExample {id: 1}

  # The second group.
  /c:
    get:
      responses:
        "200":
          description: C
          content:
            application/json:
              example: *bExample
  /d:
    get:
      responses:
        "200":
          $ref: '#/components/responses/OK'

components:
  securitySchemes:
    Key: {type: apiKey, in: header, name: X-Key}
    Spare: {type: apiKey, in: header, name: X-Spare}

  parameters:
    P:
      name: p
      in: query
      schema:
        $ref: '#/components/schemas/Pet/properties/name'
    Q: {name: q, in: query, schema: {type: string}}

  requestBodies:
    Unused:
      content: {}

  responses:
    OK:
      description: OK
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Pet'

  schemas:
    Unused:
      type: object
    Pet:
      oneOf:
        - $ref: '#/components/schemas/Cat'
      discriminator:
        propertyName: kind
        mapping:
          dog: '#/components/schemas/Dog'
      properties:
        name: {type: string}
    # Cats.
    Cat: {type: object}
    Dog: {type: object}
    A~1B: {type: object}
`
	got, err := prune([]byte(spec), []string{"/a", "/c"})
	if err != nil {
		t.Fatal(err)
	}
	// /b stays for its anchor, and with it the schema it names; /d goes;
	// every security scheme stays; requestBodies goes whole.
	want := strings.NewReplacer(
		`  /d:
    get:
      responses:
        "200":
          $ref: '#/components/responses/OK'
`, "",
		`    Q: {name: q, in: query, schema: {type: string}}
`, "",
		`
  requestBodies:
    Unused:
      content: {}
`, "",
		`    A~1B: {type: object}
`, "",
	).Replace(spec)
	if string(got) != want {
		t.Errorf("pruned:\n%s\nwant:\n%s", got, want)
	}

	got, err = prune([]byte(spec), []string{"/d"})
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"# The first group.", "/a:", "a comment inside", "/b:", "# The second group.", "/c:", "parameters:", "Unused", "A~1B"} {
		if strings.Contains(string(got), gone) {
			t.Errorf("kept %q:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"/d:", "Spare:", "OK:", "Pet:", "# Cats.\n    Cat:", "Dog:"} {
		if !strings.Contains(string(got), kept) {
			t.Errorf("lost %q:\n%s", kept, got)
		}
	}

	for _, tt := range []struct {
		name, spec string
		keep       []string
		want       string
	}{
		{"missing path", spec, []string{"/e"}, "there is no path /e"},
		{"dangling $ref", strings.Replace(spec, "responses/OK'\n          # a", "responses/Gone'\n          # a", 1), []string{"/a"}, "line 13: #/components/responses/Gone names no component"},
		{"flow mapping", "openapi: 3.0.3\npaths: {/a: {}}\n", []string{"/a"}, "line 2: want a block mapping"},
	} {
		if _, err := prune([]byte(tt.spec), tt.keep); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}
