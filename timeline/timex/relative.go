package timex

// This file holds the rules for expressions relative to the anchor or to
// the text: weekdays, "last week", "today", "two days ago", "the
// following day", durations.

import (
	"fmt"
	"strconv"
	"time"

	"dateline/timeline"
)

// weekday reads "Friday", "Friday morning", "Wednesday night".
func (t *tagger) weekday(i int) (match, bool) {
	wd, ok := weekdays[t.low(i)]
	if !ok || !t.toks[i].upper {
		return match{}, false
	}
	end := i + 1
	if len(t.low(i)) <= 4 {
		// "Sat." and "Sun." only as part of a date ("Sun., Feb. 6"):
		// alone they are more often a newspaper or a word.
		if t.low(end) != "." || !t.adj(end) {
			return match{}, false
		}
		end++
		if k := end; !(t.low(k) == "," || t.isNum(k) || months[t.low(k)] > 0) {
			return match{}, false
		}
	}
	var m match
	switch {
	case !t.hasAnchor:
		m = match{end: end, typ: Date, value: fmt.Sprintf("XXXX-WXX-%d", wd)}
	default:
		back := (isoWeekday(t.day) - wd + 7) % 7
		d := t.day.AddDate(0, 0, -back)
		switch t.low(i - 1) {
		case "last", "past", "previous":
			if back == 0 {
				d = d.AddDate(0, 0, -7)
			}
		case "this":
			// "this Tuesday": the Tuesday of the current week.
			d = t.day.AddDate(0, 0, wd-isoWeekday(t.day))
		case "next", "coming":
			d = t.day.AddDate(0, 0, (wd-isoWeekday(t.day)+7)%7)
			if d.Equal(t.day) {
				d = d.AddDate(0, 0, 7)
			}
		default:
			if t.future(i) && back != 0 {
				d = d.AddDate(0, 0, 7)
			}
		}
		m, _ = dateMatch(end, timeline.At(d, timeline.Day))
	}
	return t.partOfDay(m, end, false)
}

// partOfDay extends a day match with a following part of the day: the
// expression becomes a TIME with the TIMEX3 part-of-day code
// ("1998-01-19TNI", "1998-02-12TEV"). After a weekday, "night" is the
// exception: "Friday night" stays a DATE valued as the day, as TimeBank
// and AQUAINT annotate it more often than not. The interval is the day.
func (t *tagger) partOfDay(m match, end int, coded bool) (match, bool) {
	if t.low(end) == "night" && !coded {
		m.end = end + 1
		return m, true
	}
	if pd, ok := partsOfDay[t.low(end)]; ok && t.low(end) != "tonight" && t.low(end) != "overnight" {
		m.end = end + 1
		m.typ = Time
		if m.date.IsZero() {
			m.value += "T" + pd
		} else {
			m.value = m.date.String() + "T" + pd
		}
	}
	return m, true
}

func isoWeekday(d time.Time) int { return (int(d.Weekday())+6)%7 + 1 }

// deictic reads "this/last/next/coming/previous/past" + a unit, season,
// month, weekday or part of day: "last week", "this year", "next Tuesday",
// "last fall", "this morning", "last night", "that day".
func (t *tagger) deictic(i int) (match, bool) {
	j := i
	the := false
	if t.low(j) == "the" {
		the = true
		j++
	}
	w := t.low(j)
	var n int
	switch w {
	case "this", "current", "these":
		n = 0
	case "last", "previous", "past", "prior":
		n = -1
	case "next", "coming", "following":
		n = 1
	case "that":
		n = 0
	default:
		return match{}, false
	}
	if the && (w == "this" || w == "that" || w == "these") {
		return match{}, false
	}
	k := j + 1
	target := t.low(k)
	if w == "these" {
		if target == "days" {
			return refMatch(k+1, "PRESENT_REF")
		}
		return match{}, false
	}
	// "the past", "the last" + unit are durations ("over the past week");
	// a number after them ("the last two years") is handled by offset.
	if the && (w == "past" || w == "last" || w == "coming") {
		if u, ok := units[target]; ok && target != "quarter" {
			n := 1
			if target[len(target)-1] == 's' {
				n = 0 // "the past decades": an unknown number
			}
			return match{end: k + 1, typ: Duration, value: durationValue(n, u)}, true
		}
		return match{}, false
	}
	if u, ok := units[target]; ok && !u.time && target[len(target)-1] != 's' {
		if target == "night" {
			return t.partDay(k+1, n, "NI", w)
		}
		if target == "day" {
			if w == "that" || w == "following" || w == "next" || w == "previous" || w == "prior" {
				if !the && w != "that" {
					return match{}, false
				}
				return t.chained(k+1, timeline.Day, n)
			}
			return match{}, false
		}
		if w == "that" || w == "following" || (the && (w == "previous" || w == "prior" || w == "next")) {
			return t.chained(k+1, u.p, n)
		}
		if w == "following" {
			return match{}, false
		}
		if u.qty != 1 {
			return match{}, false
		}
		return t.relative(k+1, u.p, n)
	}
	if target == "weekend" {
		return t.weekend(k+1, n, i)
	}
	if s, ok := seasons[target]; ok && !the {
		if !t.hasAnchor {
			return refMatch(k+1, "XXXX-"+s.code)
		}
		y := t.day.Year()
		cur := int(t.day.Month())
		switch n {
		case -1:
			if cur < s.month+3 || s.code == "WI" {
				y--
			}
		case 1:
			if cur >= s.month {
				y++
			}
		}
		return t.season(k+1, y, s.code, s.month)
	}
	if pd, ok := partsOfDay[target]; ok && (w == "this" || w == "last" || w == "that") {
		if w == "last" && target != "night" {
			return match{}, false
		}
		return t.partDay(k+1, n, pd, w)
	}
	if w == "that" || w == "following" || the {
		return match{}, false
	}
	if wd, ok := weekdays[target]; ok && len(target) > 4 {
		_ = wd
		m, ok := t.weekday(k)
		if ok {
			return m, true
		}
	}
	if mo, _ := t.monthAt(k); mo > 0 && w != "past" {
		return t.monthDate(k)
	}
	return match{}, false
}

// partDay builds "this morning", "last night", "tonight".
func (t *tagger) partDay(end, n int, code, w string) (match, bool) {
	if !t.hasAnchor {
		return match{end: end, typ: Time, value: "XXXX-XX-XXT" + code}, true
	}
	d := t.day
	if w == "last" {
		d = d.AddDate(0, 0, -1)
	}
	if w == "that" {
		d = timeline.At(t.ref.Start, timeline.Day).Start
	}
	dd := timeline.At(d, timeline.Day)
	return match{end: end, typ: Time, value: dd.String() + "T" + code, date: dd}, true
}

// weekend builds "the weekend", "this weekend", "last weekend"; its
// interval is the ISO week the weekend ends.
func (t *tagger) weekend(end, n, i int) (match, bool) {
	if !t.hasAnchor {
		return refMatch(end, "XXXX-WXX-WE")
	}
	// The weekend on or before the anchor, unless the clause looks forward.
	sat := t.day.AddDate(0, 0, -((isoWeekday(t.day) - 6 + 7) % 7))
	switch {
	case n == 1:
		sat = sat.AddDate(0, 0, 7)
	case n == 0 && t.low(i) == "this":
		if isoWeekday(t.day) < 6 {
			sat = sat.AddDate(0, 0, 7)
		}
	case n == 0 && t.future(i) && isoWeekday(t.day) < 6:
		sat = sat.AddDate(0, 0, 7)
	}
	w := timeline.At(sat, timeline.Week)
	return match{end: end, typ: Date, value: w.String() + "-WE", date: w}, true
}

// season builds a season of year y; its interval starts on the first of the
// season's first month and has Quarter precision, i.e. three months.
func (t *tagger) season(end, y int, code string, month int) (match, bool) {
	d := timeline.Date{Start: day(y, time.Month(month), 1), Precision: timeline.Quarter}
	return match{end: end, typ: Date, value: fmt.Sprintf("%04d-%s", y, code), date: d}, true
}

// chained resolves "that year", "the following day", "the previous month"
// against the last anchored expression.
func (t *tagger) chained(end int, p timeline.Precision, n int) (match, bool) {
	if !t.hasAnchor {
		return refMatch(end, unknownValue(p))
	}
	base := t.ref
	if base.Precision < p {
		p = base.Precision
	}
	return dateMatch(end, timeline.At(shift(timeline.At(base.Start, p).Start, p, n), p))
}

// word reads single words and fixed phrases: "today", "yesterday",
// "tomorrow", "tonight", "now", "currently", "recently", "the past",
// "the future", "soon", "year-end", "year-earlier". Each family of words
// has its own rule below.
func (t *tagger) word(i int) (match, bool) {
	switch t.low(i) {
	case "today", "yesterday", "tomorrow", "tonight", "overnight":
		return t.dayWord(i)
	case "now", "currently", "nowadays", "current", "present", "recently", "lately", "recent", "future":
		return t.refWord(i)
	case "spring", "summer", "fall", "autumn", "winter":
		return t.modifiedSeason(i)
	case "the":
		return t.thePhrase(i)
	case "year":
		return t.yearWord(i)
	}
	return match{}, false
}

// dayWord reads the words that name a day relative to the anchor:
// "today", "yesterday", "tomorrow" (with a part of the day after them:
// "yesterday morning"), "tonight" and "overnight".
func (t *tagger) dayWord(i int) (match, bool) {
	switch w := t.low(i); w {
	case "today", "yesterday", "tomorrow":
		n := map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1}[w]
		m, _ := t.relative(i+1, timeline.Day, n)
		if !t.hasAnchor {
			m.value = "XXXX-XX-XX"
		}
		if t.low(i+1) == "'" && t.low(i+2) == "s" {
			return m, true
		}
		return t.partOfDay(m, i+1, true)
	case "tonight":
		return t.relative(i+1, timeline.Day, 0)
	case "overnight":
		if t.low(i+1) == "-" || t.low(i-1) == "an" || t.low(i-1) == "the" {
			return match{}, false
		}
		return t.partDay(i+1, -1, "NI", "last")
	}
	return match{}, false
}

// refWord reads the words TimeBank values as PRESENT_REF, PAST_REF or
// FUTURE_REF ("now", "currently", "recently", "in future"), and "recent"
// before a unit of time.
func (t *tagger) refWord(i int) (match, bool) {
	switch t.low(i) {
	case "now":
		if t.low(i-1) == "day" {
			return match{}, false // "any day now" is not a date
		}
		if t.low(i-1) == "from" {
			return match{}, false
		}
		return refMatch(i+1, "PRESENT_REF")
	case "currently", "nowadays":
		return refMatch(i+1, "PRESENT_REF")
	case "current":
		if t.low(i+1) == "quarter" || t.low(i+1) == "year" || t.low(i+1) == "month" || t.low(i+1) == "week" {
			return match{}, false
		}
		return refMatch(i+1, "PRESENT_REF")
	case "present":
		if t.low(i-1) == "at" || t.low(i-1) == "the" {
			return refMatch(i+1, "PRESENT_REF")
		}
	case "recently", "lately":
		return refMatch(i+1, "PAST_REF")
	case "recent":
		// The adjective alone ("the recent attacks") is not annotated as
		// a time in TimeBank. "recent years" and "recent decades" are the
		// past; "recent weeks" is mostly annotated as a length of time.
		switch nx := t.low(i + 1); nx {
		case "years", "decades":
			return refMatch(i+2, "PAST_REF")
		case "months", "weeks", "days", "quarters":
			return match{end: i + 2, typ: Duration, value: durationValue(0, units[nx])}, true
		}
	case "future":
		if t.low(i-1) == "in" {
			return refMatch(i+1, "FUTURE_REF")
		}
	}
	return match{}, false
}

// modifiedSeason reads a season after "early", "late" or "mid" ("early
// summer", "late-autumn"); a bare season needs the modifier.
func (t *tagger) modifiedSeason(i int) (match, bool) {
	w := t.low(i)
	if p := t.low(i - 1); p != "early" && p != "late" && p != "mid" && !(p == "-" && (t.low(i-2) == "mid" || t.low(i-2) == "early" || t.low(i-2) == "late")) {
		return match{}, false
	}
	if !t.hasAnchor {
		return refMatch(i+1, "XXXX-"+seasons[w].code)
	}
	return t.nearestSeason(i, i+1, seasons[w].code, seasons[w].month)
}

// nearestSeason places a season named without a year at token i: this
// year's, unless it has not begun by the anchor and the clause does not
// look forward, then last year's.
func (t *tagger) nearestSeason(i, end int, code string, month int) (match, bool) {
	y := t.day.Year()
	if int(t.day.Month()) < month && !t.future(i) {
		y--
	}
	return t.season(end, y, code, month)
}

// thePhrase reads the phrases that start with "the": "the future", "the
// past", "the present", "the weekend", "the day", "the year", "the
// month", "the fiscal year", "the winter (of 1994)", "the nineties", "the
// next morning".
func (t *tagger) thePhrase(i int) (match, bool) {
	switch t.low(i + 1) {
	case "future", "near", "distant", "foreseeable", "immediate", "past", "present":
		return t.theRef(i)
	case "weekend":
		return t.weekend(i+2, 0, i)
	case "day":
		return t.theDay(i)
	case "year", "month":
		return t.thePeriod(i)
	case "full", "fiscal", "current":
		if w := t.low(i + 3); t.low(i+2) == "year" && (w == "ended" || w == "ending") {
			return match{end: i + 3, typ: Duration, value: "P1Y"}, true
		}
		if t.low(i+2) == "year" && t.low(i+3) != "-" {
			return t.relative(i+3, timeline.Year, 0)
		}
	case "spring", "summer", "fall", "autumn", "winter":
		return t.theSeason(i)
	case "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties":
		dec := 1900 + numberWords[t.low(i + 1)[:len(t.low(i+1))-3]+"y"]
		if dec < 1920 || dec > 1990 {
			return match{}, false
		}
		return dateMatch(i+2, timeline.At(day(dec, 1, 1), timeline.Decade))
	case "next", "following":
		// "the next morning" is valued as the day, as for weekdays.
		if _, ok := partsOfDay[t.low(i+2)]; ok && t.low(i+2) != "tonight" && t.low(i+2) != "overnight" {
			return t.chained(i+3, timeline.Day, 1)
		}
	}
	return match{}, false
}

// theRef reads "the future", "the near future", "the past" and "the
// present"; "the past" before a length of time ("the past three years")
// is left to the offset rule.
func (t *tagger) theRef(i int) (match, bool) {
	switch t.low(i + 1) {
	case "future":
		return refMatch(i+2, "FUTURE_REF")
	case "near", "distant", "foreseeable", "immediate":
		if t.low(i+2) == "future" {
			return refMatch(i+3, "FUTURE_REF")
		}
	case "past":
		nx := t.low(i + 2)
		if _, ok := units[nx]; ok || t.isNum(i+2) || numberWords[nx] > 0 || nx == "few" || nx == "several" || nx == "couple" {
			return match{}, false
		}
		return refMatch(i+2, "PAST_REF")
	case "present":
		return refMatch(i+2, "PRESENT_REF")
	}
	return match{}, false
}

// theDay reads "the day" where it is the day being reported on ("ended
// the day up 3%", "later in the day"); elsewhere "the day" is too often
// generic.
func (t *tagger) theDay(i int) (match, bool) {
	switch t.low(i - 1) {
	case "end", "ended", "ending", "ends", "finish", "finished", "close", "closed", "for", "during":
	case "in":
		if p := t.low(i - 2); p != "later" && p != "earlier" && p != "late" && p != "early" {
			return match{}, false
		}
	default:
		return match{}, false
	}
	if nx := t.low(i + 2); nx == "before" || nx == "after" || nx == "of" || nx == "when" || nx == "that" {
		return match{}, false
	}
	return t.chained(i+2, timeline.Day, 0)
}

// thePeriod reads "the year" and "the month" ("for the year", "the end of
// the month"): the period being talked about, the anchor's unless the text
// moved elsewhere. "the year ended March 31" is a fiscal year, which
// TimeBank annotates as a length of time.
func (t *tagger) thePeriod(i int) (match, bool) {
	nx := t.low(i + 2)
	if nx == "before" || nx == "after" || nx == "-" || nx == "of" || nx == "when" || nx == "in" || nx == "that" || nx == "ago" || nx == "earlier" {
		return match{}, false
	}
	if t.low(i+1) == "year" && (nx == "ended" || nx == "ending") {
		return match{end: i + 2, typ: Duration, value: "P1Y"}, true
	}
	if t.low(i+1) == "year" {
		if y, ok := t.spelledYear(i + 2); ok > i+2 {
			return dateMatch(ok, timeline.At(day(y, 1, 1), timeline.Year)) // "the year two thousand"
		}
	}
	p := timeline.Year
	if t.low(i+1) == "month" {
		p = timeline.Month
	}
	return t.relative(i+2, p, 0)
}

// theSeason reads "the winter", "the summer of '69", "the winter of
// nineteen ninety-four"; "the Winter Olympics" is a name, not a time.
func (t *tagger) theSeason(i int) (match, bool) {
	if t.toks[i+1].upper && i+2 < len(t.toks) && t.toks[i+2].upper {
		return match{}, false // "the Winter Olympics", "the Spring Festival"
	}
	s := seasons[t.low(i+1)]
	if !t.hasAnchor {
		return refMatch(i+2, "XXXX-"+s.code)
	}
	if t.low(i+2) == "of" {
		if ym, ok := t.year(i + 3); ok && ym.date.Precision == timeline.Year {
			return t.season(ym.end, ym.date.Start.Year(), s.code, s.month)
		}
	}
	return t.nearestSeason(i, i+2, s.code, s.month)
}

// yearWord reads "year-end", "year's end", "year end" and "year-earlier",
// "year-ago".
func (t *tagger) yearWord(i int) (match, bool) {
	if t.low(i+1) == "-" && t.adj(i+1) {
		switch t.low(i + 2) {
		case "end":
			return t.relative(i+3, timeline.Year, 0)
		case "earlier", "ago":
			return t.yearAgo(i + 3)
		}
	}
	if t.low(i+1) == "'" && t.low(i+2) == "s" && t.low(i+3) == "end" {
		return t.relative(i+4, timeline.Year, 0)
	}
	if t.low(i+1) == "end" && t.low(i-1) != "the" {
		return t.relative(i+2, timeline.Year, 0)
	}
	return match{}, false
}

// yearAgo is "a year ago", "year-earlier": the same period a year before,
// where the period is the quarter being discussed if there is one.
func (t *tagger) yearAgo(end int) (match, bool) {
	if !t.hasAnchor {
		return refMatch(end, "XXXX")
	}
	if !t.quart.IsZero() {
		return dateMatch(end, timeline.At(t.quart.Start.AddDate(-1, 0, 0), timeline.Quarter))
	}
	return t.relative(end, timeline.Year, -1)
}

// count reads a cardinal at i: digits, words ("twenty four", "twenty-four"),
// "a"/"an". It returns the count (0 for "several", "a few") and the index
// after it.
func (t *tagger) count(i int) (n int, j int, ok bool) {
	w := t.low(i)
	switch {
	case t.isNum(i):
		if t.adj(i+1) && (t.low(i+1) == "," || t.low(i+1) == ".") && t.isNum(i+2) && t.adj(i+2) {
			return 0, i, false
		}
		if t.adj(i) && t.low(i-1) != "-" {
			return 0, i, false
		}
		return t.toks[i].n, i + 1, true
	case w == "a" || w == "an":
		if t.low(i+1) == "few" {
			return 0, i + 2, true
		}
		if t.low(i+1) == "couple" && t.low(i+2) == "of" {
			return 2, i + 3, true
		}
		return 1, i + 1, true
	case w == "several" || w == "few" || w == "many":
		return 0, i + 1, true
	}
	v, isNum := numberWords[w]
	if !isNum {
		return 0, i, false
	}
	j = i + 1
	if v >= 20 && v < 100 {
		k := j
		if t.low(k) == "-" && t.adj(k) {
			k++
		}
		if o, ok := numberWords[t.low(k)]; ok && o < 10 {
			v += o
			j = k + 1
		}
	}
	return v, j, true
}

func durationValue(n int, u unit) string {
	q := "X"
	if n > 0 {
		q = strconv.Itoa(n * u.qty)
	}
	if u.time {
		return "PT" + q + u.code
	}
	return "P" + q + u.code
}

// offset reads counted units: "two days ago", "a week later", "three years",
// "five-hour", "the last twenty four hours", "several years ago".
func (t *tagger) offset(i int) (match, bool) {
	j := i
	the := false
	if t.low(j) == "the" {
		switch t.low(j + 1) {
		case "last", "past", "next", "first", "previous", "coming", "final":
			the = true
			j += 2
		default:
			return match{}, false
		}
	}
	n, k, ok := t.count(j)
	if !ok {
		return match{}, false
	}
	hyphen := false
	if t.low(k) == "-" && t.adj(k) {
		hyphen = true
		k++
	}
	uw := t.low(k)
	u, ok := units[uw]
	if !ok {
		return match{}, false
	}
	if t.low(j) == "a" || t.low(j) == "an" {
		if uw[len(uw)-1] == 's' {
			return match{}, false
		}
	}
	end := k + 1
	if the || hyphen {
		if hyphen && t.low(end) == "-" && t.low(end+1) == "old" {
			return match{}, false
		}
		return match{end: end, typ: Duration, value: durationValue(n, u)}, true
	}
	// "a week or so ago"
	k2 := end
	if t.low(k2) == "or" && t.low(k2+1) == "so" {
		k2 += 2
	}
	switch t.low(k2) {
	case "ago":
		if n == 0 {
			return refMatch(k2+1, "PAST_REF")
		}
		if u.time {
			return match{}, false
		}
		if u.p == timeline.Year && u.qty == 1 && n == 1 && !t.quart.IsZero() {
			return t.yearAgo(k2 + 1)
		}
		p := u.p
		if p == timeline.Week {
			p = timeline.Day
		}
		if !t.hasAnchor {
			return refMatch(k2+1, unknownValue(p))
		}
		start := shift(t.day, u.p, -n*u.qty)
		if u.p == timeline.Decade || u.p == timeline.Century {
			start = t.day.AddDate(-n*u.qty*map[timeline.Precision]int{timeline.Decade: 10, timeline.Century: 100}[u.p], 0, 0)
			p = timeline.Year
		}
		return dateMatch(k2+1, timeline.At(start, p))
	case "earlier", "later", "before", "after":
		if n == 0 || u.time {
			return match{}, false
		}
		aw := t.low(k2)
		if aw == "before" || aw == "after" {
			nx := t.toks[minInt(k2+1, len(t.toks)-1)]
			if k2+1 < len(t.toks) && nx.cls != clsPunct {
				return match{}, false // "two days after the attack": an event anchor
			}
		}
		sign := 1
		if aw == "earlier" || aw == "before" {
			sign = -1
		}
		if sign < 0 && n == 1 && u.p == timeline.Year && u.qty == 1 && !t.quart.IsZero() {
			return t.yearAgo(k2 + 1) // "a year earlier" in a quarterly report
		}
		if !t.hasAnchor {
			return refMatch(k2+1, unknownValue(u.p))
		}
		base := t.ref
		p := base.Precision
		if p > timeline.Day {
			p = timeline.Day
		}
		if u.p < p && u.p != timeline.Week {
			p = u.p
		}
		if u.p == timeline.Year && base.Precision == timeline.Quarter {
			p = timeline.Quarter
		}
		return dateMatch(k2+1, timeline.At(shift(base.Start, u.p, sign*n*u.qty), p))
	case "from":
		if t.low(k2+1) == "now" {
			if !t.hasAnchor {
				return refMatch(k2+2, unknownValue(u.p))
			}
			return dateMatch(k2+2, timeline.At(shift(t.day, u.p, n*u.qty), u.p))
		}
	}
	if t.low(j) == "a" || t.low(j) == "an" {
		// "a year", "a day": too often a rate ("$5 a share a year").
		if t.low(j-1) == "for" || t.low(j-1) == "than" || t.low(j-1) == "about" || t.low(j-1) == "nearly" || t.low(j-1) == "almost" || t.low(j-1) == "within" || t.low(j-1) == "in" || t.low(j-1) == "over" {
			return match{end: end, typ: Duration, value: durationValue(n, u)}, true
		}
		return match{}, false
	}
	if t.low(end) == "old" || t.low(end) == "of" && t.low(end+1) == "age" {
		return match{}, false
	}
	return match{end: end, typ: Duration, value: durationValue(n, u)}, true
}

// anaphor reads expressions that point back into the text: "the following
// day", "the next day", "the day before", "the same day".
func (t *tagger) anaphor(i int) (match, bool) {
	if t.low(i) != "the" {
		return match{}, false
	}
	switch t.low(i + 1) {
	case "week":
		// "the week of March 6": the ISO week holding that day.
		if t.low(i+2) == "of" {
			if d, ok := t.matchAt(i + 3); ok && d.typ == Date && d.date.Precision == timeline.Day {
				return dateMatch(d.end, timeline.At(d.date.Start, timeline.Week))
			}
		}
	case "same":
		if t.low(i+2) == "day" {
			return t.chained(i+3, timeline.Day, 0)
		}
	case "day":
		n := map[string]int{"before": -1, "after": 1}[t.low(i+2)]
		if n == 0 {
			break
		}
		// "the day before yesterday", "the day after Monday's vote": one
		// day from the date that follows.
		if d, ok := t.matchAt(i + 3); ok && d.typ == Date && d.date.Precision == timeline.Day {
			return dateMatch(d.end, timeline.At(d.date.Start.AddDate(0, 0, n), timeline.Day))
		}
		// Otherwise only at the end of a clause ("…, the day before."):
		// followed by words it points at an event ("the day before the
		// vote"), which this package cannot date.
		if i+3 < len(t.toks) && t.toks[i+3].cls != clsPunct {
			return match{}, false
		}
		return t.chained(i+3, timeline.Day, n)
	}
	return match{}, false
}
