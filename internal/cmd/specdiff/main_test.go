package main

import (
	"bytes"
	"strings"
	"testing"
)

// The specdiff package's fixtures: base.yaml is openapi.yaml pruned to a
// few paths, and each other fixture is base.yaml with one change (or none,
// in another format). The specdiff package's tests compare the whole of
// openapi.yaml.
const (
	base     = "../../specdiff/testdata/base.yaml"
	fixtures = "../../specdiff/testdata/"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		stdout []string // each must appear in stdout
		stderr string   // must appear in stderr
	}{
		{"no change", []string{"-base", base, "-upstream", base}, exitOK,
			[]string{"No changes: 0 breaking, 0 non-breaking"}, ""},
		{"added operation", []string{"-base", base, "-upstream", fixtures + "added-operation.yaml"}, exitOK,
			[]string{"+ PUT /auth/user/{id}/reactivate (reactivate-user)", "No breaking changes: 0 breaking, 1 non-breaking; 1 operation added, 0 removed."}, ""},
		{"removed operation", []string{"-base", base, "-upstream", fixtures + "removed-operation.yaml"}, exitBreaking,
			[]string{"- PUT /auth/user/{id}/deactivate (deactivate-user)", "BREAKING: 1 breaking"}, ""},
		{"renamed field", []string{"-base", base, "-upstream", fixtures + "renamed-field.yaml"}, exitBreaking,
			[]string{"POST /auth/anonymous (get-anonymous-token)\n    responses, error: removed the required property `content/user/id`"}, ""},
		{"new required field", []string{"-base", base, "-upstream", fixtures + "new-required-field.yaml"}, exitBreaking,
			[]string{"POST /auth/login/email (login-with-email)\n    request body, error: added the new required request property `captcha_token`"}, ""},
		{"point of sale compared", []string{"-base", base, "-upstream", fixtures + "pos-new-required-field.yaml"}, exitBreaking,
			[]string{"POST /pos/orders (create-pos-order)\n    request body, error: added the new required request property `register_id`"}, ""},
		{"JSON upstream", []string{"-base", base, "-upstream", fixtures + "unchanged.json"}, exitOK,
			[]string{"No changes: 0 breaking, 0 non-breaking"}, ""},
		{"3.1 upstream", []string{"-base", base, "-upstream", fixtures + "unchanged-3.1.yaml"}, exitOK,
			[]string{"No changes: 0 breaking, 0 non-breaking"}, ""},
		{"no upstream", []string{"-base", base}, exitError, nil, "-upstream is required"},
		{"missing upstream", []string{"-base", base, "-upstream", "nope.yaml"}, exitError, nil, "nope.yaml"},
		{"missing base", []string{"-base", "nope.yaml", "-upstream", base}, exitError, nil, "nope.yaml"},
		{"stray argument", []string{"-upstream", base, "extra"}, exitError, nil, `unexpected argument "extra"`},
		{"unknown flag", []string{"-nope"}, exitError, nil, "flag provided but not defined"},
		{"help", []string{"-h"}, exitOK, nil, "usage: specdiff"},
	}
	for _, tt := range tests {
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
