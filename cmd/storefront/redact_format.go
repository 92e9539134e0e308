package main

import (
	"fmt"
	"io"
	"log/slog"
)

// The command's values that hold a secret print without it, through fmt
// whatever the verb and through log/slog; they reach stdout only through
// the fields the command chooses (and JSON with --json).

func (s storeFlags) String() string {
	return fmt.Sprintf("storeFlags{storeID:%s apiKey:%s env:%s baseURL:%s timeout:%s}",
		s.storeID, redacted(s.apiKey), s.env, s.baseURL, s.timeout)
}

func (s storeFlags) GoString() string              { return "main." + s.String() }
func (s storeFlags) Format(f fmt.State, verb rune) { formatRedacted(f, verb, s) }
func (s storeFlags) LogValue() slog.Value          { return slog.StringValue(s.String()) }

func (c challengeFileContent) String() string {
	return fmt.Sprintf("challengeFileContent{otp_token:%s otp_action:%s otp:%s}", redacted(c.Token), c.Action, redacted(c.OTP))
}

func (c challengeFileContent) GoString() string              { return "main." + c.String() }
func (c challengeFileContent) Format(f fmt.State, verb rune) { formatRedacted(f, verb, c) }
func (c challengeFileContent) LogValue() slog.Value          { return slog.StringValue(c.String()) }

func (i serveInfo) String() string {
	return fmt.Sprintf("serveInfo{url:%s base_url:%s store_id:%s api_key:%s}", i.URL, i.BaseURL, i.StoreID, redacted(i.APIKey))
}

func (i serveInfo) GoString() string              { return "main." + i.String() }
func (i serveInfo) Format(f fmt.State, verb rune) { formatRedacted(f, verb, i) }
func (i serveInfo) LogValue() slog.Value          { return slog.StringValue(i.String()) }

// formatRedacted prints v through GoString for %#v and String otherwise.
func formatRedacted(f fmt.State, verb rune, v interface {
	String() string
	GoString() string
}) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, v.GoString())
		return
	}
	_, _ = io.WriteString(f, v.String())
}

// redacted stands for a secret: <redacted>, or <none> when it is empty.
func redacted(s string) string {
	if s == "" {
		return "<none>"
	}
	return "<redacted>"
}

// catalogRun holds the store flags, API key included: it prints them
// through their own redacting String.
func (r catalogRun) String() string {
	return fmt.Sprintf("catalogRun{store:%s group:%q json:%t}", r.sf.String(), r.group, r.o.json)
}
func (r catalogRun) GoString() string              { return "main." + r.String() }
func (r catalogRun) Format(f fmt.State, verb rune) { formatRedacted(f, verb, r) }
func (r catalogRun) LogValue() slog.Value          { return slog.StringValue(r.String()) }
