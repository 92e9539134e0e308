package specdiff

import (
	"bufio"
	"fmt"
	"io"
)

// WriteText writes r for people: the two documents, the operations added
// and removed, the breaking and the non-breaking changes, and a summary line.
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Comparing %s with %s (every path)\n", describe(r.Base), describe(r.Upstream))

	writeOperations(bw, "Operations added", "+", r.Added)
	writeOperations(bw, "Operations removed", "-", r.Removed)
	writeChanges(bw, "Breaking changes", r.Breaking())
	writeChanges(bw, "Non-breaking changes", r.NonBreaking())

	nb := len(r.Breaking())
	fmt.Fprintf(bw, "\n%s: %d breaking, %d non-breaking; %d operation%s added, %d removed.\n",
		verdict(r, nb), nb, len(r.Changes)-nb, len(r.Added), plural(len(r.Added)), len(r.Removed))
	return bw.Flush()
}

func describe(s Source) string {
	v := s.Version
	if v == "" {
		v = "no info.version"
	}
	return fmt.Sprintf("%s (OpenAPI %s, version %s)", s.Path, s.OpenAPI, v)
}

func writeOperations(w io.Writer, title, mark string, ops []Operation) {
	if len(ops) == 0 {
		fmt.Fprintf(w, "\n%s: none\n", title)
		return
	}
	fmt.Fprintf(w, "\n%s (%d):\n", title, len(ops))
	for _, op := range ops {
		fmt.Fprintf(w, "  %s %s\n", mark, op)
	}
}

func writeChanges(w io.Writer, title string, changes []Change) {
	if len(changes) == 0 {
		fmt.Fprintf(w, "\n%s: none\n", title)
		return
	}
	fmt.Fprintf(w, "\n%s (%d):\n", title, len(changes))
	for _, c := range changes {
		where := "the whole document"
		if c.Operation.Method != "" || c.Operation.Path != "" {
			where = c.Operation.String()
		}
		fmt.Fprintf(w, "  %s\n    %s, %s: %s [%s]\n", where, c.Area, c.Level, c.Text, c.Rule)
		if c.Comment != "" {
			fmt.Fprintf(w, "    %s\n", c.Comment)
		}
	}
}

func verdict(r *Report, breaking int) string {
	switch {
	case r.Empty():
		return "No changes"
	case breaking > 0:
		return "BREAKING"
	}
	return "No breaking changes"
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
