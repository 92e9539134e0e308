package conformance

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/commercengine-go/sdk/api"
)

// WriteText writes r for people: a line per exchange with its operation,
// status and outcome, each difference from openapi.yaml under it, and a
// summary line. It holds no secret: no API key, token, password, or the
// test account's email address or phone number.
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if r.Skipped {
		fmt.Fprintf(bw, "Live conformance check skipped: %s.\n", r.Reason)
		fmt.Fprintf(bw, "To run it, set %s and %s (optionally %s or %s, and a test account: %s or %s with %s).\n",
			EnvStoreID, EnvAPIKey, EnvEnvironment, EnvBaseURL, EnvTestEmail, EnvTestPhone, EnvTestPassword)
		return bw.Flush()
	}

	fmt.Fprintf(bw, "Live conformance check of %s\nagainst openapi.yaml %s with SDK %s\n\n", r.Target, r.Spec, r.SDK)
	width := len("OPERATION")
	for _, res := range r.Results {
		width = max(width, len(res.Operation))
	}
	fmt.Fprintf(bw, "%-*s  %-6s  %s\n", width, "OPERATION", "STATUS", "RESULT")
	for _, res := range r.Results {
		status := "-"
		if res.Status != 0 {
			status = strconv.Itoa(res.Status)
		}
		fmt.Fprintf(bw, "%-*s  %-6s  %s\n", width, res.Operation, status, outcomeText(res))
		for _, v := range res.Violations {
			fmt.Fprintf(bw, "    - %s\n", violationText(v))
		}
		if res.Error != "" && res.Outcome == Differs {
			fmt.Fprintf(bw, "    - the SDK's call failed too: %s\n", res.Error)
		}
	}

	verdict := "PASS"
	if !r.OK() {
		verdict = "FAIL"
	}
	ran := len(r.Results) - r.Count(Skipped)
	fmt.Fprintf(bw, "\n%s: %d operation%s checked, %d ok, %d differ from openapi.yaml, %d failed; %d skipped.\n",
		verdict, ran, plural(ran), r.Count(OK), r.Count(Differs), r.Count(Failed), r.Count(Skipped))
	return bw.Flush()
}

func outcomeText(res Result) string {
	switch res.Outcome {
	case Differs:
		n := len(res.Violations)
		return fmt.Sprintf("%d difference%s from openapi.yaml", n, plural(n))
	case Failed:
		return "failed: " + res.Error
	case Skipped:
		return "skipped: " + res.Reason
	}
	return string(res.Outcome)
}

// violationText describes a violation where it sits, without the
// operation (it heads the line above): "response 200 body content.user.id:
// property "id" is missing".
func violationText(v api.Violation) string {
	parts := []string{string(v.In)}
	if v.Status != 0 {
		parts = append(parts, strconv.Itoa(v.Status))
	}
	parts = append(parts, v.Location)
	if v.Field != "" {
		parts = append(parts, v.Field)
	}
	return strings.Join(parts, " ") + ": " + v.Message
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
