// Package timeline holds Dateline's vocabulary of time: a Date is a point in
// time together with the precision it is known to, so that "2022-02" is the
// month of February 2022 and not the first of February.
//
// The root package imports only the standard library so that the graph
// vocabulary, the readers and the date-expression tagger (timeline/timex) can
// all share it without import cycles.
package timeline

import (
	"fmt"
	"time"
)

// Precision is the granularity a Date is known to. The zero value means the
// date is unknown: an undated article carries a zero Date.
type Precision uint8

// Precisions from coarsest to finest. The order matters: a larger value is a
// finer precision, which lets callers compare precisions with < and >.
const (
	Unknown Precision = iota
	Century
	Decade
	Year
	Quarter
	Month
	Week
	Day
	Hour
	Minute
	Second
)

var precisionNames = [...]string{
	Unknown: "unknown",
	Century: "century",
	Decade:  "decade",
	Year:    "year",
	Quarter: "quarter",
	Month:   "month",
	Week:    "week",
	Day:     "day",
	Hour:    "hour",
	Minute:  "minute",
	Second:  "second",
}

// String returns the lower-case name of the precision ("day", "month", …).
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return fmt.Sprintf("precision(%d)", p)
}

// Date is an instant or period known to a precision. Start is the first
// instant of the period in UTC (for Second precision, the instant itself);
// the period ends where the next period of the same precision begins.
type Date struct {
	Start     time.Time
	Precision Precision
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == Unknown }

// At returns the Date of t truncated to precision p, in UTC. Weeks start on
// Monday, as ISO 8601 weeks do.
func At(t time.Time, p Precision) Date {
	if p == Unknown {
		return Date{}
	}
	t = t.UTC()
	y, m, day := t.Date()
	var s time.Time
	switch p {
	case Century:
		s = time.Date(y-mod(y, 100), 1, 1, 0, 0, 0, 0, time.UTC)
	case Decade:
		s = time.Date(y-mod(y, 10), 1, 1, 0, 0, 0, 0, time.UTC)
	case Year:
		s = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case Quarter:
		s = time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, time.UTC)
	case Month:
		s = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case Week:
		wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
		s = time.Date(y, m, day-wd, 0, 0, 0, 0, time.UTC)
	case Day:
		s = time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	case Hour:
		s = t.Truncate(time.Hour)
	case Minute:
		s = t.Truncate(time.Minute)
	default:
		s = t.Truncate(time.Second)
	}
	return Date{Start: s, Precision: p}
}

func mod(a, b int) int { return ((a % b) + b) % b }

// End returns the first instant after the period.
func (d Date) End() time.Time {
	s := d.Start
	switch d.Precision {
	case Century:
		return s.AddDate(100, 0, 0)
	case Decade:
		return s.AddDate(10, 0, 0)
	case Year:
		return s.AddDate(1, 0, 0)
	case Quarter:
		return s.AddDate(0, 3, 0)
	case Month:
		return s.AddDate(0, 1, 0)
	case Week:
		return s.AddDate(0, 0, 7)
	case Day:
		return s.AddDate(0, 0, 1)
	case Hour:
		return s.Add(time.Hour)
	case Minute:
		return s.Add(time.Minute)
	case Second:
		return s.Add(time.Second)
	}
	return s
}

// Contains reports whether t falls within the period.
func (d Date) Contains(t time.Time) bool {
	return !d.IsZero() && !t.Before(d.Start) && t.Before(d.End())
}

// Day returns the number of days from 1970-01-01 to the day the period
// starts on. Stores use it to order facts by day.
func (d Date) Day() int64 {
	return DayOf(d.Start)
}

// DayOf returns the number of whole days from 1970-01-01 to t's UTC date
// (negative before 1970).
func DayOf(t time.Time) int64 {
	y, m, dd := t.UTC().Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// FromDay is the inverse of DayOf: the UTC midnight that starts day n.
func FromDay(n int64) time.Time { return time.Unix(n*86400, 0).UTC() }

// String renders the date in the ISO 8601 / TIMEX3 form of its precision:
// a century "20" (as TIMEX3 writes 20XX), a decade "202", a year "2022", a quarter
// "2022-Q1", a month "2022-02", a week "2022-W05", a day "2022-02-08", and
// an hour "2022-02-08T17", a minute "2022-02-08T17:05" (UTC) and a second
// as RFC 3339 in UTC. The zero Date is "".
func (d Date) String() string {
	s := d.Start
	switch d.Precision {
	case Unknown:
		return ""
	case Century:
		return fmt.Sprintf("%02d", s.Year()/100)
	case Decade:
		return fmt.Sprintf("%03d", s.Year()/10)
	case Year:
		return fmt.Sprintf("%04d", s.Year())
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", s.Year(), (int(s.Month())-1)/3+1)
	case Month:
		return s.Format("2006-01")
	case Week:
		y, w := s.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Day:
		return s.Format("2006-01-02")
	case Hour:
		return s.Format("2006-01-02T15")
	case Minute:
		return s.Format("2006-01-02T15:04")
	}
	return s.Format(time.RFC3339)
}

// Label renders a date for a reader: as String does, except a decade
// ("1960s", where String gives TIMEX3's "196") and a century ("1900s",
// not "19").
func (d Date) Label() string {
	switch d.Precision {
	case Century:
		return fmt.Sprintf("%d00s", d.Start.Year()/100)
	case Decade:
		return fmt.Sprintf("%d0s", d.Start.Year()/10)
	}
	return d.String()
}

// Before orders dates by start, then coarser precision first, so that a
// month sorts before the days inside it.
func (d Date) Before(e Date) bool {
	if !d.Start.Equal(e.Start) {
		return d.Start.Before(e.Start)
	}
	return d.Precision < e.Precision
}
