package timeline

import "math"

// NoDay is the day number (see DayOf) of an undated fact. It sorts before
// every real day, so that a list ordered by day puts undated facts first
// and a Range that admits them starts there.
const NoDay int64 = math.MinInt64

// openEnd is the last day of a Range whose To is open: far beyond any
// date, and far enough from the top of int64 that day arithmetic does not
// overflow.
const openEnd int64 = 1 << 62

// Range is a window of days that selects dated facts: from the first day
// of From to the last day of To, both inclusive, so that From 2022-02 and
// To 2022-03 are February and March. A zero From or To leaves that end
// open. Undated facts (day NoDay) are outside every range unless Undated
// is set; the zero Range is every dated fact.
type Range struct {
	From, To Date
	Undated  bool
}

// Days returns the first and last day numbers the range admits: NoDay
// first when it admits undated facts, the day after NoDay when From is
// open, and a day far in the future when To is open.
func (r Range) Days() (first, last int64) {
	first, last = NoDay+1, openEnd
	if r.Undated {
		first = NoDay
	}
	if !r.From.IsZero() {
		first = r.From.Day()
	}
	if !r.To.IsZero() {
		last = DayOf(r.To.End()) - 1
	}
	return first, last
}

// Contains reports whether a fact on day (NoDay for undated) falls in the
// range.
func (r Range) Contains(day int64) bool {
	first, last := r.Days()
	return day >= first && day <= last
}

// Until narrows r to end with at's period when at ends before r does: the
// facts dated by publication that were known at a date. A zero at leaves r
// as it is.
func (r Range) Until(at Date) Range {
	if !at.IsZero() && (r.To.IsZero() || at.End().Before(r.To.End())) {
		r.To = at
	}
	return r
}
