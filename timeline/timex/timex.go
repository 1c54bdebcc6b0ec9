// Package timex finds date and time expressions in English news text and
// normalises them against the article's publication date.
//
// A news article carries two clocks: when it was published, and when the
// things it reports happened ("last week", "on Monday", "in 2014"). Tag
// returns every expression with its byte span, its TIMEX3 type and value as
// TimeBank writes them, and, for dates and times, the interval it denotes as
// a timeline.Date with the precision the text gives: "in 2014" is the year
// 2014, not 2014-01-01.
//
// The grammar is hand-written over a small tokenizer and follows the
// TimeBank 1.2 / TempEval-3 annotation conventions, so that it can be
// measured with `dateline eval timex` (see package timeml). Conventions
// worth knowing:
//
//   - A bare weekday is read the way news uses it: the most recent such day
//     on or before the publication date, or the next one on or after it when
//     the clause looks forward (will, would, next, until, scheduled, …).
//   - A month or a month and day without a year is the nearest one, with
//     distances into the future counted several times over unless the
//     clause looks forward (news mostly reports what happened): in an
//     article of 8 February 2022 "December" is 2021-12 and "March 3" is
//     2022-03-03.
//   - "a year ago" and "the quarter" in an earnings report refer to the
//     fiscal quarter last named ("the third quarter" … "a year ago" is the
//     third quarter of the year before), as TimeBank annotates them.
//   - Seasons ("last fall" = "2021-FA") have a three-month interval that
//     starts on the season's first month, at Quarter precision; halves
//     ("the first half" = "2021-H1") have their year as interval.
//   - Ranges ("from March to May", "between 2014 and 2022") are returned as
//     two separate DATE expressions, as TimeBank annotates them.
//   - Chained expressions ("the following day", "a week later", "that
//     year") are resolved against the previous anchored expression in the
//     text, or the publication date when there is none.
//   - Durations ("three years", "five-hour") and sets ("every Monday",
//     "weekly") carry a value but no interval.
//   - Times of day keep the clock time as written in Value (TimeBank style)
//     and convert the interval to UTC when a zone is named; zones are fixed
//     offsets without daylight saving.
package timex

import "dateline/timeline"

// Type is the TIMEX3 type of an expression.
type Type uint8

// TIMEX3 types. Date and Time expressions can be placed on a timeline;
// Duration and Set expressions cannot.
const (
	Date     Type = iota + 1 // a calendar date or period: "Monday", "2014", "last week"
	Time                     // a time of day or part of a day: "5pm", "this morning"
	Duration                 // a length of time: "three years", "five-hour"
	Set                      // a recurring time: "every Monday", "weekly"
)

var typeNames = [...]string{Date: "DATE", Time: "TIME", Duration: "DURATION", Set: "SET"}

// String returns the TIMEX3 spelling of the type ("DATE", "TIME", …).
func (t Type) String() string {
	if t >= Date && int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "UNKNOWN"
}

// Span is a half-open range of byte offsets [Start, End) into the tagged
// text. It has the shape of graph.Span, so a caller that speaks Dateline's
// graph vocabulary converts with graph.Span(x.Span); timex keeps a span of
// its own so that the date grammar depends on nothing of Dateline's but
// timeline.Date, and no timeline package imports graph.
type Span struct {
	Start, End int
}

// Of returns the text the span covers, or "" when the span does not fit.
func (s Span) Of(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Timex is one date or time expression found in a text.
type Timex struct {
	Span  Span   // byte offsets into the tagged text
	Text  string // the expression as written
	Type  Type
	Value string // TIMEX3 value: "2022-02-07", "2022-W05", "199", "PRESENT_REF", "P3Y", "XXXX-WXX-1", …
	// Date is the interval the expression denotes, at the precision the
	// text gives. It is zero for durations, sets, PRESENT_REF/PAST_REF/
	// FUTURE_REF, and relative expressions when the anchor is zero.
	Date timeline.Date
}

// Anchored reports whether the expression was placed on the calendar.
func (x Timex) Anchored() bool { return !x.Date.IsZero() }

// Options tune how ambiguous forms are read.
type Options struct {
	// DayFirst reads numeric dates as day/month/year ("8/2/2022" is
	// 8 February 2022), as British and European papers write them. The
	// default is the American month/day/year.
	DayFirst bool
}

// Tag returns the date and time expressions in text, in text order and not
// overlapping, normalised against anchor (the article's publication date).
// When anchor is zero, relative expressions are still found but carry an
// underspecified value ("XXXX-WXX-5") and no interval.
//
// Tag is deterministic, safe for concurrent use and never panics on any
// input, including invalid UTF-8.
func Tag(text string, anchor timeline.Date, opts Options) []Timex {
	t := newTagger(text, anchor, opts)
	return t.run()
}
