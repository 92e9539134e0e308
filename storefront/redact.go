package storefront

import "github.com/commercengine-go/sdk/internal/redact"

// The glue between internal/redact and the errors and logs of this
// package: what a request keeps out of its errors, and the helpers the
// error and session code call.

// redactor lists the values an error or a log line must not show: the API
// key, the tokens, a request's own secrets and its personal values.
type redactor []string

// clean returns s without the secrets (see redact.Secrets.Clean).
func (rd redactor) clean(s string) string { return redact.Secrets(rd).Clean(s) }

// scrubber prepares rd once for the texts of one answer.
func (rd redactor) scrubber() *redact.Scrubber { return redact.Secrets(rd).Scrubber() }

// sample returns the start of a body for an error message, without what
// rd hides, at most about sampleLimit bytes.
func sample(body []byte, rd redactor) string {
	return redact.Sample(body, redact.Secrets(rd), sampleLimit)
}

// redactor lists the values the errors of k's request must not show: the
// API key, the tokens, the request's own secrets, the values of its
// body's personal fields (redact.SensitiveValues) and of its query
// parameters named like one (a VPA to verify), however short.
func (k kept) redactor() redactor {
	rd := make(redactor, 0, len(k.r.secrets)+3)
	rd = append(append(rd, k.c.apiKey, k.tokens[0], k.tokens[1]), k.r.secrets...)
	if k.r.op != nil && k.r.op.sensitive && k.r.contentType == "application/json" {
		rd = append(rd, redact.SensitiveValues(k.r.body)...)
	}
	for name, values := range k.r.query {
		if redact.IsSensitiveName(name) {
			rd = append(rd, values...)
		}
	}
	return rd
}
