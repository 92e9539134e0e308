package specdiff

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3conv"
	"github.com/oasdiff/oasdiff/load"
)

// Document is an OpenAPI document loaded for comparison.
type Document struct {
	Path    string // the file it was read from, as given
	OpenAPI string // the "openapi" field as written, e.g. "3.0.3" or "3.1.0"
	Version string // info.version, empty when absent

	info *load.SpecInfo
}

// Load reads an OpenAPI 3.0 or 3.1 document, YAML or JSON, from a local
// file. $refs to other local files are followed; nothing is fetched from the
// network. The document is not validated: an upstream description with
// small mistakes can still be compared.
func Load(path string) (*Document, error) {
	if path == "" {
		return nil, errors.New("specdiff: no file given")
	}
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		return nil, fmt.Errorf("specdiff: %s is a URL: download it first (curl -fsSL -o upstream.json URL) and pass the file", path)
	}
	if fi, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("specdiff: %w", err)
	} else if fi.IsDir() {
		return nil, fmt.Errorf("specdiff: %s is a directory, not an OpenAPI document", path)
	}

	// A fresh loader per document: a loader caches what it has read by
	// location, and two documents must never share that cache.
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	loader.ReadFromURIFunc = readLocalFile
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("specdiff: load %s: %w", path, err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		return nil, fmt.Errorf("specdiff: %s: not an OpenAPI 3 document (openapi: %q)", path, doc.OpenAPI)
	}
	d := &Document{Path: path, OpenAPI: doc.OpenAPI}
	if doc.Info != nil {
		d.Version = doc.Info.Version
	}

	// Bring both sides to one canonical shape, so that two descriptions of
	// the same API written differently compare equal: allOf branches merged
	// (a field is reported at content/user/id, not inside an allOf branch),
	// parameters shared by a path moved into its operations, header names in
	// lower case, and the document rewritten into the latest 3.x dialect
	// (nullable becomes a type array, boolean exclusive bounds numbers …).
	infos := []*load.SpecInfo{{Url: path, Spec: doc, Version: d.Version}}
	for _, opt := range []load.Option{load.WithFlattenAllOf(), load.WithFlattenParams(), load.WithLowercaseHeaders()} {
		if infos, err = opt(loader, infos); err != nil {
			return nil, fmt.Errorf("specdiff: normalize %s: %w", path, err)
		}
	}
	d.info = infos[0]
	openapi3conv.Upgrade(d.info.Spec)
	return d, nil
}

// readLocalFile reads $refs from local files only, whatever scheme a $ref
// names: comparing a document must never reach the network.
func readLocalFile(_ *openapi3.Loader, location *url.URL) ([]byte, error) {
	if location.Scheme != "" && location.Scheme != "file" {
		return nil, fmt.Errorf("refusing to fetch %s: only local files are read", location.Redacted())
	}
	return os.ReadFile(filepath.FromSlash(location.Path))
}
