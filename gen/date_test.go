package gen

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCalendarDateIsWrittenAsTheAPIWritesIt(t *testing.T) {
	d := CalendarDate{Time: time.Date(2026, 12, 7, 23, 59, 0, 0, time.FixedZone("IST", 5*3600+1800))}
	b, err := json.Marshal(struct {
		Start CalendarDate  `json:"start"`
		End   *CalendarDate `json:"end"`
	}{Start: d})
	require.NoError(t, err)
	assert.Equal(t, `{"start":"2026-12-07","end":null}`, string(b))
	assert.Equal(t, "2026-12-07", d.String())
	assert.Equal(t, "2026-12-07", fmtSprint(d))

	var back struct {
		Start CalendarDate `json:"start"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"start":"2027-02-28"}`), &back))
	assert.Equal(t, time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC), back.Start.Time)
}

func TestCalendarDateRefusesWhatIsNotADate(t *testing.T) {
	for in, says := range map[string]string{
		`"2026-13-01"`:                       "YYYY-MM-DD",
		`"07/12/2026"`:                       "YYYY-MM-DD",
		`"2026-12-07T10:00:00Z"`:             "YYYY-MM-DD",
		`20261207`:                           "JSON string",
		`"` + strings.Repeat("9", 500) + `"`: "…",
	} {
		var d CalendarDate
		err := json.Unmarshal([]byte(in), &d)
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), says, in)
		assert.Less(t, len(err.Error()), 200, "an error about a bad date stays short")
	}
}

// fmtSprint formats v as %v does.
func fmtSprint(v any) string { return fmt.Sprint(v) }
