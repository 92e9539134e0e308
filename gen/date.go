package gen

import (
	"encoding/json"
	"fmt"
	"time"
)

// DateLayout is how the API writes a calendar date (format: date in
// openapi.yaml): 2026-12-07.
const DateLayout = time.DateOnly

// CalendarDate is a calendar date of the API (a subscription's start, a batch's
// expiry): the day of Time, in JSON and text as "2026-12-07". Build one with
// CalendarDate{Time: t}; only t's year, month and day are sent.
//
// The models use it for every field of format date (oapi-codegen.yaml maps
// the format here), so that a program that imports them does not compile
// oapi-codegen's runtime for its date type.
//
// Time is a named field, not embedded: embedding would give CalendarDate
// every method of time.Time, a hundred wrappers that every program using
// the models would compile. Use d.Time for them.
type CalendarDate struct {
	Time time.Time
}

// String is the date as the API writes it.
func (d CalendarDate) String() string { return d.Time.Format(DateLayout) }

// MarshalText writes the date as the API does; it is also what JSON and
// query parameters carry.
func (d CalendarDate) MarshalText() ([]byte, error) {
	return d.Time.AppendFormat(make([]byte, 0, len(DateLayout)), DateLayout), nil
}

// UnmarshalText reads a date written as the API does.
func (d *CalendarDate) UnmarshalText(text []byte) error {
	t, err := time.Parse(DateLayout, string(text))
	if err != nil {
		return fmt.Errorf("a date must be written %s, as in 2026-12-07: %q is not", "YYYY-MM-DD", shorten(text))
	}
	d.Time = t
	return nil
}

// MarshalJSON writes the date as a JSON string: "2026-12-07".
func (d CalendarDate) MarshalJSON() ([]byte, error) {
	text, _ := d.MarshalText()
	return json.Marshal(string(text))
}

// UnmarshalJSON reads a date from a JSON string.
func (d *CalendarDate) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a date must be a JSON string such as \"2026-12-07\": %w", err)
	}
	return d.UnmarshalText([]byte(s))
}

// shorten keeps an error about a bad date short whatever was sent.
func shorten(b []byte) string {
	const max = 40
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}
