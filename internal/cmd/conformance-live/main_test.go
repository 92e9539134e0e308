package main

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"

	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

func TestRun(t *testing.T) {
	srv := storefronttest.NewServer()
	t.Cleanup(srv.Close)
	if _, err := srv.CreateUser(storefronttest.UserParams{FirstName: "Asha", Email: "asha@example.com", Password: "correct-horse-battery"}); err != nil {
		t.Fatal(err)
	}
	fake := map[string]string{
		"CE_STORE_ID": srv.StoreID(), "CE_API_KEY": srv.APIKey(), "CE_BASE_URL": srv.BaseURL(),
		"CE_TEST_EMAIL": "asha@example.com", "CE_TEST_PASSWORD": "correct-horse-battery",
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()

	tests := []struct {
		name   string
		args   []string
		env    map[string]string
		status int
		stdout string
		stderr string
	}{
		{"no credentials", nil, nil, exitOK, "Live conformance check skipped: CE_STORE_ID and CE_API_KEY are not set.", ""},
		{"fake server", nil, fake, exitOK, "PASS: 16 operations checked, 16 ok", ""},
		{"unreachable", []string{"-timeout", "2s"}, map[string]string{"CE_STORE_ID": "s", "CE_API_KEY": "k", "CE_BASE_URL": closed}, exitFailed,
			"get-anonymous-token    -       failed: cannot reach the API", ""},
		{"bad CE_ENV", nil, map[string]string{"CE_ENV": "qa"}, exitError, "", "CE_ENV"},
		{"bad CE_BASE_URL", nil, map[string]string{"CE_BASE_URL": "localhost:8080"}, exitError, "", "CE_BASE_URL must be an http or https URL"},
		{"bad store ID", nil, map[string]string{"CE_STORE_ID": "a/b", "CE_API_KEY": "k"}, exitError, "", "single path segment"},
		{"stray argument", []string{"now"}, nil, exitError, "", `unexpected argument "now"`},
		{"help", []string{"-h"}, nil, exitOK, "", "usage: conformance-live"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(context.Background(), tt.args, func(k string) string { return tt.env[k] }, &stdout, &stderr)
			if got != tt.status {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", got, tt.status, &stdout, &stderr)
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, &stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, &stderr)
			}
		})
	}

	// The fake server's faults reach the exit status.
	srv.InjectFault(storefronttest.OpLogout, storefronttest.Fault{Body: []byte(`{"message":"bye","success":true,"content":{}}`)})
	var stdout, stderr bytes.Buffer
	if got := run(context.Background(), nil, func(k string) string { return fake[k] }, &stdout, &stderr); got != exitFailed {
		t.Errorf("exit status %d with a malformed logout, want %d\n%s", got, exitFailed, &stdout)
	}
	if !strings.Contains(stdout.String(), "logout                 200     ") {
		t.Errorf("report:\n%s", &stdout)
	}
}
