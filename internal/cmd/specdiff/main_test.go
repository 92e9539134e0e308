package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/commercengine-go/sdk/internal/testlong"
)

const (
	spec     = "../../../openapi.yaml"
	fixtures = "../../specdiff/testdata/"
)

// longCases compare other kinds of change, which the specdiff package's
// tests cover: each comparison of openapi.yaml takes seconds under the race
// detector, so make test runs one per exit status here, and make test-long
// all of them.
var longCases = map[string]bool{"renamed field": true, "new required field": true, "JSON upstream": true, "3.1 upstream": true}

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		stdout []string // each must appear in stdout
		stderr string   // must appear in stderr
	}{
		{"no change", []string{"-base", spec, "-upstream", fixtures + "unchanged.yaml"}, exitOK,
			[]string{"No changes: 0 breaking, 0 non-breaking"}, ""},
		{"added operation", []string{"-base", spec, "-upstream", fixtures + "added-operation.yaml"}, exitOK,
			[]string{"+ PUT /auth/user/{id}/reactivate (reactivate-user)", "No breaking changes: 0 breaking, 1 non-breaking; 1 operation added, 0 removed."}, ""},
		{"removed operation", []string{"-base", spec, "-upstream", fixtures + "removed-operation.yaml"}, exitBreaking,
			[]string{"- PUT /auth/user/{id}/deactivate (deactivate-user)", "BREAKING: 1 breaking"}, ""},
		{"renamed field", []string{"-base", spec, "-upstream", fixtures + "renamed-field.yaml"}, exitBreaking,
			[]string{"POST /auth/anonymous (get-anonymous-token)\n    responses, error: removed the required property `content/user/id`"}, ""},
		{"new required field", []string{"-base", spec, "-upstream", fixtures + "new-required-field.yaml"}, exitBreaking,
			[]string{"POST /auth/login/email (login-with-email)\n    request body, error: added the new required request property `captcha_token`"}, ""},
		{"point of sale compared", []string{"-base", spec, "-upstream", fixtures + "pos-new-required-field.yaml"}, exitBreaking,
			[]string{"POST /pos/orders (create-pos-order)\n    request body, error: added the new required request property `register_id`"}, ""},
		{"JSON upstream", []string{"-base", spec, "-upstream", fixtures + "unchanged.json"}, exitOK, nil, ""},
		{"3.1 upstream", []string{"-base", spec, "-upstream", fixtures + "unchanged-3.1.yaml"}, exitOK, nil, ""},
		{"no upstream", []string{"-base", spec}, exitError, nil, "-upstream is required"},
		{"missing upstream", []string{"-base", spec, "-upstream", "nope.yaml"}, exitError, nil, "nope.yaml"},
		{"missing base", []string{"-base", "nope.yaml", "-upstream", fixtures + "unchanged.yaml"}, exitError, nil, "nope.yaml"},
		{"stray argument", []string{"-upstream", fixtures + "unchanged.yaml", "extra"}, exitError, nil, `unexpected argument "extra"`},
		{"unknown flag", []string{"-nope"}, exitError, nil, "flag provided but not defined"},
		{"help", []string{"-h"}, exitOK, nil, "usage: specdiff"},
	}
	for _, tt := range tests {
		if longCases[tt.name] && !testlong.Enabled() {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			if got := run(tt.args, &stdout, &stderr); got != tt.status {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", got, tt.status, &stdout, &stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, &stdout)
				}
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, &stderr)
			}
			if tt.status == exitError && stdout.Len() > 0 {
				t.Errorf("a failed run wrote a report:\n%s", &stdout)
			}
		})
	}
}
