package event

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/event/trigger"
	"dateline/graph/extract/token"
	"dateline/timeline"
	"dateline/timeline/timex"
)

// governingDate picks the anchored DATE or TIME nearest the trigger in its
// clause, else one in a sentence-opening phrase ("On Monday, …") that holds
// no trigger of its own.
func (f *finder) governingDate(c *cand, lo, hi int) int {
	best, bestDist := -1, 1<<30
	for i := lo; i < hi; i++ {
		d := f.date[i]
		if d < 0 || f.reducedRelative(f.dateStart(i), c) || f.nounModifier(i, c) {
			continue
		}
		dist := c.head - i
		if i >= c.end {
			dist = i - c.end + 1
		}
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = d, dist
		}
	}
	if best >= 0 || lo == 0 {
		return best
	}
	// The sentence-opening phrase, up to its comma.
	end := 0
	for end < len(f.toks) && !f.stop[end] {
		end++
	}
	if end >= len(f.toks) || f.low[end] != "," || end >= lo {
		return -1
	}
	for _, o := range f.cands {
		if o.head < end {
			return -1
		}
	}
	for i := 0; i < end; i++ {
		if f.date[i] >= 0 {
			if i > openingReach || f.reducedRelative(f.dateStart(i), c) {
				return -1 // "In an attempt to revive the tyranny seen in the twentieth century, Russia has become …"
			}
			return f.date[i]
		}
	}
	return -1
}

// openingReach is how far into a sentence-opening phrase its date may
// start and still date the sentence: "On Monday,", "Earlier this month,",
// "Back in 2014,"; a date deeper in the phrase belongs to what the phrase
// is about.
const openingReach = 3

// reducedRelative reports whether the date starting at token i belongs to
// another past verb before the trigger at head ("A gymnasium founded over
// a hundred years ago burned down", "the tyranny seen in the twentieth
// century", "Putin, who visited Kyiv in 2010, said"): the tagger reads a
// past form (VBD or VBN) within four tokens before the date, with no
// auxiliary before it ("was founded in 1922" is the trigger's own verb
// group, and dates it). The verb after a noun trigger is its predicate
// and dates it: "Russia's invasion began on 24 February".
func (f *finder) reducedRelative(i int, c *cand) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if k == c.head || c.noun && k > c.head {
			return false
		}
		if f.date[k] >= 0 || k >= len(f.rd.POS) || f.rd.POS[k] != trigger.VBD && f.rd.POS[k] != trigger.VBN {
			continue
		}
		return k == 0 || !auxiliaries[f.low[k-1]] // "Founded in 1922, the school …" too
	}
	return false
}

// nounModifier reports whether the date at token i qualifies a noun other
// than the trigger ("the provisions of the 1992 Agreement", "a 2014
// letter"): a determiner or possessive before it and a word after it.
// Such a date tells which agreement, not when the trigger happened.
func (f *finder) nounModifier(i int, c *cand) bool {
	a, b := f.dateStart(i), i
	for b+1 < len(f.toks) && f.date[b+1] == f.date[i] {
		b++
	}
	if a == 0 || b+1 >= len(f.toks) || b+1 == c.head || a-1 == c.head {
		return false
	}
	if !modifierDeterminers[strings.ToLower(f.low[a-1])] {
		return false
	}
	n := strings.ToLower(f.low[b+1])
	return f.toks[b+1].Class == token.Word && n != "and" && n != "or" && !modifierFollowers[n]
}

// modifierDeterminers open a noun phrase a date can qualify.
var modifierDeterminers = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true,
	"her": true, "our": true, "this": true, "that": true, "'s": true, "’s": true}

// modifierFollowers after a date end it as an adverbial ("the 1990s were").
var modifierFollowers = map[string]bool{"was": true, "were": true, "is": true, "are": true, "to": true, "of": true, "in": true,
	"on": true, "at": true, "when": true, "s": true}

// dateStart returns the first token of the date expression at token i.
func (f *finder) dateStart(i int) int {
	for i > 0 && f.date[i-1] == f.date[i] {
		i--
	}
	return i
}

// auxiliaries make a following participle part of a verb group.
var auxiliaries = map[string]bool{"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true,
	"has": true, "have": true, "had": true, "get": true, "got": true, "gets": true}

// dayOf returns date d, completed by the day written next to it in the
// clause when d is a time of day: "at 5 am on 24 February" is 05:00 on the
// 24th, whatever day the tagger placed "5 am" on by itself.
func (f *finder) dayOf(d, lo, hi int) (timeline.Date, graph.Span) {
	x := f.dates[d]
	if x.Type != timex.Time || x.Date.Precision <= timeline.Day {
		return x.Date, graph.Span(x.Span)
	}
	first, last := -1, -1
	for i := lo; i < hi; i++ {
		if f.date[i] == d {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return x.Date, graph.Span(x.Span)
	}
	for _, i := range []int{last + 1, last + 2, first - 1, first - 2} {
		if i < lo || i >= hi {
			continue
		}
		o := f.date[i]
		if o < 0 || o == d {
			if o < 0 && f.low[i] != "on" && f.low[i] != "," {
				break
			}
			continue
		}
		day := f.dates[o]
		if day.Type != timex.Date || day.Date.Precision != timeline.Day {
			break
		}
		// Keep the time's offset from its own day (zones move it across
		// midnight) and move it to the written day.
		own := timeline.At(x.Date.Start, timeline.Day).Start
		at := x.Date
		at.Start = day.Date.Start.Add(x.Date.Start.Sub(own))
		return at, graph.Span{Start: min(x.Span.Start, day.Span.Start), End: max(x.Span.End, day.Span.End)}
	}
	return x.Date, graph.Span(x.Span)
}

// dateEvent dates ev, found for candidate c: from the expression that governs
// it (DateText); else counted from a related event of the article
// (DateRelated); else, for a past event, from the sentence before
// (DateContext). A past event is never dated after the article's
// publication day (see notFuture).
func (f *finder) dateEvent(ev *Event, c *cand) {
	lo, hi := f.clause(c.head, c.end)
	if d, sp, ok := f.related(c, hi); ok {
		ev.Date, ev.DateSpan, ev.DateFrom = d, sp, DateRelated
	} else if d := f.governingDate(c, lo, hi); d >= 0 {
		ev.Date, ev.DateSpan = f.dayOf(d, lo, hi)
		ev.DateFrom = DateText
		f.notFuture(ev)
	}
	if ev.Date.IsZero() && ev.Mode == Asserted && ev.Tense == "PAST" && ev.Aspect == "NONE" {
		for _, o := range f.context {
			if o.DateFrom == DateText && o.Date.Precision >= timeline.Day {
				ev.Date, ev.DateSpan, ev.DateFrom = o.Date, o.DateSpan, DateContext
				break
			}
		}
	}
}

// past reports whether an event's verb group places it in the past: a
// simple past, or a past or present perfect.
func past(ev *Event) bool {
	return ev.Tense == "PAST" && (ev.Aspect == "NONE" || ev.Aspect == "PERFECTIVE") ||
		ev.Tense == "PRESENT" && ev.Aspect == "PERFECTIVE"
}

// notFuture keeps a past event from being dated after the day it was
// reported, when the date was read from an expression that leaves its
// week or year to the reader: a weekday read as the next one ("pushed
// through two bills on Wednesday" in a Thursday article is the day
// before) goes back a week, a month or day without a year goes back a
// year, and any other such date after publication is dropped, since the
// text cannot mean it. Dates written with their year stand as written.
func (f *finder) notFuture(ev *Event) {
	written := ev.DateSpan.Of(f.text)
	if f.published.IsZero() || !past(ev) || ev.Date.Start.Before(f.published.End()) || writesYear(written) {
		return
	}
	back := ev.Date.Start.AddDate(-1, 0, 0)
	if weekday(written) && ev.Date.Precision >= timeline.Day {
		back = ev.Date.Start.AddDate(0, 0, -7)
	} else if ev.Date.Precision < timeline.Month || ev.Date.Precision > timeline.Day || ev.Date.Precision == timeline.Week || !namesMonth(written) {
		back = f.published.End() // "next week", "tomorrow": no reading is in the past
	}
	if back.Before(f.published.End()) {
		ev.Date.Start = back
		return
	}
	ev.Date, ev.DateSpan, ev.DateFrom = timeline.Date{}, graph.Span{}, ""
}

// writesYear reports whether a date expression writes its year: four
// digits, or an apostrophe and two ("in '98").
func writesYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 || run == 2 && i >= 2 && (s[i-2] == '\'' || strings.HasPrefix(s[max(0, i-4):i-1], "’")) {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// namesMonth reports whether a date expression names a month, by name or
// in digits ("March 7", "7/3"): only such a date, written without its
// year, can mean the same day of an earlier year. "Tomorrow" cannot.
func namesMonth(s string) bool {
	s = strings.ToLower(s)
	for _, m := range [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return strings.ContainsAny(s, "0123456789")
}

// weekday reports whether a date expression names a day of the week.
func weekday(s string) bool {
	s = strings.ToLower(s)
	for _, d := range [...]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if strings.Contains(s, d) {
			return true
		}
	}
	return false
}

// dated is an event found earlier in the article, with the root of its
// trigger word for related-event dating.
type dated struct {
	root string
	date timeline.Date
	span graph.Span
}

// remember keeps the events of sentence si for the sentences after it:
// the dated ones as the next sentence's context, and every dated one by
// its trigger's root.
func (f *finder) remember(evs []Event, si int) {
	f.context = f.context[:0]
	for _, e := range evs {
		if e.Date.IsZero() {
			continue
		}
		if e.DateFrom == DateText && e.Mode == Asserted {
			f.context = append(f.context, e)
		}
		for _, w := range strings.Fields(e.Trigger) {
			f.done = append(f.done, dated{root: root(w), date: e.Date, span: e.DateSpan})
		}
	}
}

// root reduces a word to what a verb and its nominalisation share
// ("announcement", "announced" → "announc"; "election", "elected" →
// "elect"; "meeting", "met" → "meet").
func root(w string) string {
	w = strings.ToLower(w)
	if b, ok := irregularPast[w]; ok {
		w = b
	}
	for _, suf := range [...]string{"ments", "ment", "ions", "ion", "als", "al", "ances", "ance", "ences", "ence", "ings", "ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if n := len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// irregularPast maps the irregular past forms of the lexicon's verbs to
// their base, for root.
var irregularPast = map[string]string{"met": "meet", "said": "say", "told": "tell", "sold": "sell", "bought": "buy",
	"struck": "strike", "held": "hold", "began": "begin", "begun": "begin", "took": "take", "taken": "take",
	"fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise", "won": "win", "lost": "lose", "shot": "shoot",
	"sent": "send", "froze": "freeze", "frozen": "freeze", "withdrew": "withdraw", "withdrawn": "withdraw", "sank": "sink", "sunk": "sink"}

// durationWords are the numbers a before/after phrase may count in.
var durationWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": -1, "few": -1, "the": 1}

// related finds "N days/weeks/months/years before/after the X" after the
// trigger in its clause, where X names an event of the article with a
// known date, given earlier or right after X ("a day before the
// announcement on Tuesday"), and returns that date moved by the
// duration: "a day before" a Tuesday is the Monday. Hours and vague
// counts ("hours after the attack", "days before the vote") keep the
// related event's day only for hours.
func (f *finder) related(c *cand, hi int) (timeline.Date, graph.Span, bool) {
	for i := c.end; i+1 < len(f.toks) && i < c.end+8; i++ {
		w := f.low[i]
		if w != "before" && w != "after" {
			if f.stop[i] {
				break
			}
			continue
		}
		// The phrase of "before"/"after" runs to the next clause boundary.
		hi = i + 1
		for hi < len(f.toks) && !f.stop[hi] {
			hi++
		}
		// The duration before "before"/"after".
		n, unit := 0, ""
		if i-1 >= c.end {
			unit = strings.TrimSuffix(f.low[i-1], "s")
			if i-2 >= c.end {
				if k, ok := durationWords[f.low[i-2]]; ok {
					n = k
				} else if f.toks[i-2].Class == token.Number {
					n = atoi(f.low[i-2])
				}
			}
			if n == 0 && unit == "hour" {
				n = 1
			}
		}
		if n <= 0 {
			return timeline.Date{}, graph.Span{}, false
		}
		// The related event's word, after an optional determiner.
		k := i + 1
		for k < hi && determiners[f.low[k]] {
			k++
		}
		if k >= hi || f.ment[k] >= 0 || f.date[k] >= 0 {
			return timeline.Date{}, graph.Span{}, false
		}
		r := root(f.low[k])
		var ref timeline.Date
		var refSpan graph.Span
		// A date right after the word ("the announcement on Tuesday").
		for j := k + 1; j < hi && j <= k+3; j++ {
			if d := f.date[j]; d >= 0 && f.dates[d].Anchored() && (f.dates[d].Type == timex.Date || f.dates[d].Type == timex.Time) {
				ref, refSpan = f.dates[d].Date, graph.Span(f.dates[d].Span)
				break
			}
		}
		if ref.IsZero() {
			for j := len(f.done) - 1; j >= 0; j-- {
				if f.done[j].root == r {
					ref, refSpan = f.done[j].date, f.done[j].span
					break
				}
			}
		}
		if ref.IsZero() || ref.Precision < timeline.Day && unit != "month" && unit != "year" {
			return timeline.Date{}, graph.Span{}, false
		}
		sign := 1
		if w == "before" {
			sign = -1
		}
		d := ref
		switch unit {
		case "hour":
			d = timeline.At(ref.Start, timeline.Day)
		case "day":
			d = timeline.At(ref.Start.AddDate(0, 0, sign*n), timeline.Day)
		case "week":
			d = timeline.At(ref.Start.AddDate(0, 0, sign*7*n), timeline.Day)
		case "month":
			d = timeline.At(ref.Start.AddDate(0, sign*n, 0), min(ref.Precision, timeline.Month))
		case "year":
			d = timeline.At(ref.Start.AddDate(sign*n, 0, 0), min(ref.Precision, timeline.Year))
		default:
			return timeline.Date{}, graph.Span{}, false
		}
		// The span runs from the duration to the related event's word, or
		// to the date written after it.
		sp := graph.Span{Start: f.toks[i-1].Span.Start, End: max(f.toks[k].Span.End, refSpan.End)}
		if i-2 >= c.end && f.low[i-2] != "the" {
			sp.Start = f.toks[i-2].Span.Start
		}
		if refSpan.Start < sp.Start {
			sp.End = f.toks[k].Span.End // the related event's date is written elsewhere
		}
		return d, sp, true
	}
	return timeline.Date{}, graph.Span{}, false
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || n > 1000 {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
