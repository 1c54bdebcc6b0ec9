package timeline

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want string // Date.String()
		prec Precision
	}{
		{"2022", "2022", Year},
		{"2022-02", "2022-02", Month},
		{"2022-02-08", "2022-02-08", Day},
		{"  2022-02-08\n", "2022-02-08", Day},
		{"2022/02/08", "2022-02-08", Day},
		{"2022-02-08T01:05:00Z", "2022-02-08T01:05:00Z", Second},
		{"2022-02-08T01:05Z", "2022-02-08T01:05", Minute},
		{"2022-02-08T01:05", "2022-02-08T01:05", Minute},
		{"2022-02-08 01:05:00+03:00", "2022-02-07T22:05:00Z", Second},
		{"2022-02-08 01:05:00 +0300", "2022-02-07T22:05:00Z", Second},
		{"2022-02-08T01:05:00.123456-05:00", "2022-02-08T06:05:00Z", Second},
		{"2022-02-08t01:05:00z", "2022-02-08T01:05:00Z", Second},
		{"2022-02-08T01:05:00 UTC", "2022-02-08T01:05:00Z", Second},
		{"Tue, 08 Feb 2022 10:00:00 GMT", "2022-02-08T10:00:00Z", Second},
		{"Tue, 08 Feb 2022 10:00:00 +0100", "2022-02-08T09:00:00Z", Second},
		{"Tue, 08 Feb 2022 10:00:00 EST", "2022-02-08T15:00:00Z", Second},
		{"08 Feb 22 10:00 GMT", "2022-02-08T10:00", Minute},
		{"Tuesday, 08-Feb-22 10:00:00 UTC", "2022-02-08T10:00:00Z", Second},
		{"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z", Second},
		{"Tue Feb  8 10:00:00 2022", "2022-02-08T10:00:00Z", Second},
		{"Tue Feb  8 10:00:00 PST 2022", "2022-02-08T18:00:00Z", Second},
		{"February 8, 2022", "2022-02-08", Day},
		{"Feb 8, 2022", "2022-02-08", Day},
		{"Feb. 8, 2022", "2022-02-08", Day},
		{"feb 8th, 2022", "2022-02-08", Day},
		{"Sept. 30, 2021", "2021-09-30", Day},
		{"8 Feb 2022", "2022-02-08", Day},
		{"8 February 2022", "2022-02-08", Day},
		{"Tuesday 8 February 2022", "2022-02-08", Day},
		{"February 8, 2022 10:05 PM", "2022-02-08T22:05", Minute},
		{"Feb 8, 2022 at 12:05 a.m. EST", "2022-02-08T05:05", Minute},
		{"February 2022", "2022-02", Month},
		{"May 2022", "2022-05", Month},
		{"08.02.2022", "2022-02-08", Day},
		{"8.2.2022 14:30", "2022-02-08T14:30", Minute},
		{"2024-02-29", "2024-02-29", Day},
		{"2022-02-08T01:05:00 GMT+3", "2022-02-07T22:05:00Z", Second},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got.String() != tt.want || got.Precision != tt.prec {
			t.Errorf("Parse(%q) = %s (%s), want %s (%s)", tt.in, got, got.Precision, tt.want, tt.prec)
		}
		if got.Start.Location() != time.UTC {
			t.Errorf("Parse(%q).Start in %v, want UTC", tt.in, got.Start.Location())
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string // a piece of the error message
	}{
		{"", "empty"},
		{"   ", "empty"},
		{"8/2/2022", "ambiguous"},
		{"02/08/2022", "ambiguous"},
		{"2022-13-01", "month 13"},
		{"2022-02-30", "day 30"},
		{"2023-02-29", "day 29"},
		{"2022-02-08T25:00", "out of range"},
		{"2022-02-08T10:61", "out of range"},
		{"Foo 8, 2022", `unknown month "Foo"`},
		{"8 Feb 22", "two-digit year"},
		{"Tue, 08 Feb 2022 10:00:00 IST", `unknown time zone "ist"`},
		{"13:00 PM Feb 8, 2022", "not a date form"},
		{"February 8, 2022 13:05 PM", "hour 13"},
		{"yesterday", `"yesterday"`},
		{"2022/02", "slash"},
		{"2022-02-08T10:00+25:00", "out of range"},
		{strings.Repeat("2022", 40), "longer than"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want error containing %q", tt.in, got, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "timeline: ") {
			t.Errorf("Parse(%q) error %q, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

// TestParseStart checks the instant itself, not only its rendering: the
// fraction of a second is dropped and a zone moves the day.
func TestParseStart(t *testing.T) {
	got, err := Parse("2022-02-08 01:05:00.9+03:00")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2022, 2, 7, 22, 5, 0, 0, time.UTC)
	if !got.Start.Equal(want) {
		t.Errorf("Start = %v, want %v", got.Start, want)
	}
	if end := got.End(); !end.Equal(want.Add(time.Second)) {
		t.Errorf("End = %v, want %v", end, want.Add(time.Second))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"2022", "2022-02", "2022-02-08", "2022-02-08T01:05:00Z", "2022-02-08 01:05:00+03:00",
		"Tue, 08 Feb 2022 10:00:00 GMT", "February 8, 2022", "Feb. 8, 2022", "8 Feb 2022",
		"February 2022", "08.02.2022", "26-FEB-1987 15:01:01.79", "8/2/2022", "Tue Feb  8 10:00:00 PST 2022",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("Parse(%q) returned %v with error %v", s, d, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("Parse(%q) succeeded with a zero date", s)
		}
		switch d.Precision {
		case Year, Month, Day, Minute, Second:
		default:
			t.Fatalf("Parse(%q) precision %s", s, d.Precision)
		}
		if y := d.Start.Year(); y < 1 || y > 9999 {
			return // String has no four-digit form to round-trip through
		}
		again, err := Parse(d.String())
		if err != nil {
			t.Fatalf("Parse(%q) = %s, which does not parse: %v", s, d, err)
		}
		if !again.Start.Equal(d.Start) || again.Precision != d.Precision {
			t.Fatalf("Parse(%q) = %s (%s), round trip gives %s (%s)", s, d, d.Precision, again, again.Precision)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	inputs := []string{"2022-02-08T01:05:00Z", "Tue, 08 Feb 2022 10:00:00 GMT", "February 8, 2022"}
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLabel: a decade and a century read as a reader writes them (a
// PolNeAR quote of George Wallace's, dated by "in the 1960s", was listed
// at "196"); other dates as String gives them.
func TestLabel(t *testing.T) {
	for _, c := range []struct {
		d    Date
		want string
	}{
		{Date{Start: time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Decade}, "1960s"},
		{Date{Start: time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Century}, "1900s"},
	} {
		if got := c.d.Label(); got != c.want || c.d.String() == c.want {
			t.Errorf("Label() = %q, want %q (String %q)", got, c.want, c.d.String())
		}
	}
	for value, want := range map[string]string{"2022-02-24": "2022-02-24", "2022-02": "2022-02", "2022": "2022"} {
		d, err := Parse(value)
		if err != nil {
			t.Fatalf("Parse(%q): %v", value, err)
		}
		if got := d.Label(); got != want {
			t.Errorf("Parse(%q).Label() = %q, want %q", value, got, want)
		}
	}
}
