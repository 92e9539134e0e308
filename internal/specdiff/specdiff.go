// Package specdiff compares the SDK's openapi.yaml with an upstream OpenAPI
// document — the vendor's published description, in YAML or JSON, OpenAPI
// 3.0 or 3.1 — over every path, point of sale's (/pos/…) included, and
// reports what changed.
//
// The comparison is oasdiff's (github.com/oasdiff/oasdiff): its diff finds
// the differences and its checker sorts them into breaking changes (errors
// and warnings: a client built from the base document may fail against the
// upstream one) and non-breaking ones. This package only loads the two
// documents and shapes the result into a Report that names, for each
// change, the operation and where in it (parameters, request body,
// responses …) the change is.
package specdiff

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
)

// Area is the part of an operation a change is in.
type Area string

// Areas of a Change.
const (
	AreaOperation   Area = "operation"    // the operation as a whole: added, removed, deprecated, renamed
	AreaParameters  Area = "parameters"   // path, query, header or cookie parameters
	AreaRequestBody Area = "request body" // the request body and its properties
	AreaResponses   Area = "responses"    // statuses, response bodies and headers
	AreaSecurity    Area = "security"     // security requirements and schemes
	AreaOther       Area = "other"
)

// Level is how serious a change is for a client built from the base
// document, as oasdiff's checker rates it.
type Level string

// Levels of a Change. Errors and warnings are breaking.
const (
	LevelError   Level = "error"   // breaks clients
	LevelWarning Level = "warning" // may break clients
	LevelInfo    Level = "info"    // does not break clients
)

// Operation is one operation of a document.
type Operation struct {
	Method      string // upper case
	Path        string // e.g. /auth/user/{id}
	OperationID string // empty when the document gives none
}

func (o Operation) String() string {
	if o.OperationID == "" {
		return o.Method + " " + o.Path
	}
	return fmt.Sprintf("%s %s (%s)", o.Method, o.Path, o.OperationID)
}

// Change is one difference oasdiff's checker found.
type Change struct {
	Operation Operation // the operation it is in; empty for a document-wide change
	Area      Area
	Level     Level
	Breaking  bool   // Level is error or warning
	Rule      string // oasdiff's rule id, e.g. "new-required-request-property"
	Text      string // what changed, e.g. "added the new required request property `captcha_token`"
	Comment   string // why it matters, when oasdiff says
}

// Source describes one of the two compared documents.
type Source struct {
	Path    string // the file
	OpenAPI string // its "openapi" version as written
	Version string // its info.version
}

// Report is the result of Compare.
type Report struct {
	Base     Source
	Upstream Source
	// Added lists the operations only the upstream document has, and
	// Removed those only the base document has, sorted by path and method.
	Added   []Operation
	Removed []Operation
	// Changes lists every change, breaking ones first, then by path, method
	// and rule. The addition or removal of an operation is a change too.
	Changes []Change
}

// Breaking returns the breaking changes.
func (r *Report) Breaking() []Change {
	return slices.DeleteFunc(slices.Clone(r.Changes), func(c Change) bool { return !c.Breaking })
}

// NonBreaking returns the changes that are not breaking.
func (r *Report) NonBreaking() []Change {
	return slices.DeleteFunc(slices.Clone(r.Changes), func(c Change) bool { return c.Breaking })
}

// HasBreaking reports whether any change is breaking.
func (r *Report) HasBreaking() bool {
	return slices.ContainsFunc(r.Changes, func(c Change) bool { return c.Breaking })
}

// Empty reports whether the documents describe the same API.
func (r *Report) Empty() bool {
	return len(r.Added) == 0 && len(r.Removed) == 0 && len(r.Changes) == 0
}

// CompareFiles loads both files (see Load) and compares them (see Compare).
func CompareFiles(basePath, upstreamPath string) (*Report, error) {
	base, err := Load(basePath)
	if err != nil {
		return nil, err
	}
	upstream, err := Load(upstreamPath)
	if err != nil {
		return nil, err
	}
	return Compare(base, upstream)
}

// Compare reports how upstream differs from base over every path: the
// operations added and removed, and every change oasdiff's checker finds,
// breaking or not.
func Compare(base, upstream *Document) (*Report, error) {
	cfg := diff.NewConfig(diff.WithExcludeElements([]string{
		diff.ExcludeExamplesOption,
		diff.ExcludeDescriptionOption,
		diff.ExcludeSummaryOption,
		diff.ExcludeTitleOption,
	}))

	d, sources, err := diff.GetWithOperationsSourcesMap(cfg, base.info, upstream.info)
	if err != nil {
		return nil, fmt.Errorf("specdiff: diff %s and %s: %w", base.Path, upstream.Path, err)
	}
	r := &Report{
		Base:     base.source(),
		Upstream: upstream.source(),
	}
	if d == nil { // no difference at all
		return r, nil
	}
	changes := checker.CheckBackwardCompatibilityUntilLevel(checker.NewConfig(checker.GetAllChecks(),
		// info.version of the upstream document is the vendor's, ours is the
		// SDK's description's: whether one was bumped against the other
		// means nothing.
		checker.WithSeverityLevels(map[string]checker.Level{
			checker.APIVersionNotBumpedId:      checker.NONE,
			checker.APIVersionDecreasedId:      checker.NONE,
			checker.APIMajorVersionNotBumpedId: checker.NONE,
		})), d, sources, checker.INFO)

	if ed := d.EndpointsDiff; ed != nil {
		for _, e := range ed.Added {
			r.Added = append(r.Added, operationOf(upstream.info.Spec, e.Method, e.Path))
		}
		for _, e := range ed.Deleted {
			r.Removed = append(r.Removed, operationOf(base.info.Spec, e.Method, e.Path))
		}
	}
	slices.SortFunc(r.Added, compareOperations)
	slices.SortFunc(r.Removed, compareOperations)

	l := checker.NewDefaultLocalizer()
	for _, c := range changes {
		// Component-level changes (a schema under components removed …)
		// are about the whole document, not one operation; whatever of them
		// matters shows in the operations that use it.
		if c.GetSection() == "components" {
			continue
		}
		r.Changes = append(r.Changes, Change{
			Operation: Operation{Method: c.GetOperation(), Path: c.GetPath(), OperationID: c.GetOperationId()},
			Area:      areaOf(c.GetId(), c.GetSection()),
			Level:     levelOf(c.GetLevel()),
			Breaking:  c.IsBreaking(),
			Rule:      c.GetId(),
			Text:      strings.TrimSpace(c.GetUncolorizedText(l)),
			Comment:   strings.TrimSpace(c.GetComment(l)),
		})
	}
	slices.SortStableFunc(r.Changes, func(a, b Change) int {
		if a.Breaking != b.Breaking {
			if a.Breaking {
				return -1
			}
			return 1
		}
		if c := compareOperations(a.Operation, b.Operation); c != 0 {
			return c
		}
		return cmp.Compare(a.Rule, b.Rule)
	})
	return r, nil
}

func (d *Document) source() Source {
	return Source{Path: d.Path, OpenAPI: d.OpenAPI, Version: d.Version}
}

func operationOf(doc *openapi3.T, method, path string) Operation {
	op := Operation{Method: strings.ToUpper(method), Path: path}
	if item := doc.Paths.Value(path); item != nil {
		if o := item.GetOperation(op.Method); o != nil {
			op.OperationID = o.OperationID
		}
	}
	return op
}

func compareOperations(a, b Operation) int {
	if c := cmp.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return cmp.Compare(a.Method, b.Method)
}

func levelOf(l checker.Level) Level {
	switch l {
	case checker.ERR:
		return LevelError
	case checker.WARN:
		return LevelWarning
	}
	return LevelInfo
}

// areaOf sorts oasdiff's rule ids into the parts of an operation. The ids
// name what they are about: "request-parameter-removed",
// "new-required-request-property", "response-success-status-removed" …
func areaOf(rule, section string) Area {
	switch {
	case section == "security" || strings.Contains(rule, "security"):
		return AreaSecurity
	case strings.Contains(rule, "request-parameter"),
		strings.Contains(rule, "request-path-parameter"),
		strings.Contains(rule, "request-default-parameter"),
		strings.Contains(rule, "request-header"):
		return AreaParameters
	case strings.Contains(rule, "response"):
		return AreaResponses
	case strings.Contains(rule, "request"):
		return AreaRequestBody
	case strings.HasPrefix(rule, "endpoint-"),
		strings.HasPrefix(rule, "api-path-"),
		strings.HasPrefix(rule, "api-removed-"),
		strings.HasPrefix(rule, "api-operation-id-"),
		strings.HasPrefix(rule, "api-deprecated-"),
		strings.HasPrefix(rule, "api-sunset-"),
		strings.HasPrefix(rule, "api-stability-"),
		strings.HasPrefix(rule, "api-tag-"),
		strings.HasPrefix(rule, "webhook-"):
		return AreaOperation
	}
	return AreaOther
}
