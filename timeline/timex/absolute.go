package timex

// This file holds the rules for calendar expressions: numeric and
// month-name dates, years, decades, centuries, quarters and holidays.

import (
	"fmt"
	"strings"
	"time"

	"dateline/timeline"
)

// numeric reads ISO dates ("2022-02-08", "2022-02", "2022-02-08T17:00") and
// slashed dates ("8/2/2022", month first unless Options.DayFirst).
func (t *tagger) numeric(i int) (match, bool) {
	if !t.isNum(i) {
		return match{}, false
	}
	if t.numLen(i) == 4 && t.low(i+1) == "-" && t.adj(i+1) && t.adj(i+2) && t.numLen(i+2) == 2 {
		y, mo := t.toks[i].n, t.toks[i+2].n
		if mo < 1 || mo > 12 {
			return match{}, false
		}
		if t.low(i+3) == "-" && t.adj(i+3) && t.adj(i+4) && t.numLen(i+4) == 2 {
			d := t.toks[i+4].n
			if !validDay(y, mo, d) {
				return match{}, false
			}
			at := day(y, time.Month(mo), d)
			// "2022-02-08T17:00"
			if t.adj(i+5) && t.low(i+5) == "t" && t.adj(i+6) && t.numLen(i+6) == 2 && t.low(i+7) == ":" && t.adj(i+7) && t.numLen(i+8) == 2 && t.adj(i+8) {
				hh, mm := t.toks[i+6].n, t.toks[i+8].n
				if hh < 24 && mm < 60 {
					end := i + 9
					if t.low(end) == ":" && t.adj(end) && t.numLen(end+1) == 2 && t.adj(end+1) {
						end += 2
					}
					return t.clockOn(match{typ: Time, clock: true, hh: hh, mm: mm}, at, end), true
				}
			}
			return dateMatch(i+5, timeline.At(at, timeline.Day))
		}
		if t.adj(i+3) && (t.isNum(i+3) || t.toks[minInt(i+3, len(t.toks)-1)].cls == clsWord) {
			return match{}, false
		}
		return dateMatch(i+3, timeline.At(day(y, time.Month(mo), 1), timeline.Month))
	}
	if t.low(i+1) == "/" && t.adj(i+1) && t.isNum(i+2) && t.adj(i+2) && t.low(i+3) == "/" && t.adj(i+3) && t.isNum(i+4) && t.adj(i+4) {
		a, b, y := t.toks[i].n, t.toks[i+2].n, t.toks[i+4].n
		switch t.numLen(i + 4) {
		case 2:
			y += 1900
			if y < 1950 {
				y += 100
			}
		case 4:
		default:
			return match{}, false
		}
		mo, d := a, b
		if t.opts.DayFirst {
			mo, d = b, a
		}
		if mo < 1 || mo > 12 || !validDay(y, mo, d) || t.adj(i+5) && (t.low(i+5) == "/" || t.isNum(i+5)) {
			return match{}, false
		}
		return dateMatch(i+5, timeline.At(day(y, time.Month(mo), d), timeline.Day))
	}
	return match{}, false
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= day(y, time.Month(m)+1, 0).Day()
}

// monthAt reports the month named at token i and the index after it
// (including an abbreviation's period).
func (t *tagger) monthAt(i int) (int, int) {
	if i >= len(t.toks) || t.toks[i].cls != clsWord {
		return 0, i
	}
	w := t.toks[i].low
	m, ok := months[w]
	if !ok {
		return 0, i
	}
	tok := t.toks[i]
	if !tok.upper {
		return 0, i
	}
	full := len(w) > 4 || w == "june" || w == "july" || w == "may"
	j := i + 1
	dot := !full && t.low(j) == "." && t.adj(j) // an abbreviation's period, not a full stop
	if dot {
		j++
	}
	if !full && !dot {
		// "Mar", "Jun", "May": needs a day before it ("8 Feb") or a day or
		// a year after it, or for May a preposition before it (it is also
		// a verb).
		if !t.isNum(j) && !t.isNum(i-1) && !(t.low(i-1) == "of" && i >= 2 && (t.isNum(i-2) || t.low(i-2) == "th")) {
			if w != "may" || !monthPrep[t.low(i-1)] {
				return 0, i
			}
		}
	}
	if w == "march" && !t.isNum(j) && !monthPrep[t.low(i-1)] && !(t.low(j) == "," && t.isNum(j+1)) {
		// "March" alone at the start of a sentence may be the verb.
		if i == 0 || t.low(i-1) == "." || t.toks[i].nl {
			return 0, i
		}
	}
	return m, j
}

// rangeWords join the two ends of a range: "from March to May".
var rangeWords = map[string]bool{"to": true, "until": true, "till": true, "through": true, "-": true, "and": true}

var monthPrep = map[string]bool{
	"in": true, "of": true, "since": true, "until": true, "till": true, "by": true, "from": true,
	"to": true, "through": true, "early": true, "late": true, "mid": true, "-": true, "last": true,
	"next": true, "this": true, "before": true, "after": true, "during": true, "on": true, "and": true,
	"or": true, "between": true, "end": true, "for": true,
}

// dayNum reads a day of the month at i ("8", "8th") and returns it and the
// index after it.
func (t *tagger) dayNum(i int) (int, int) {
	if !t.isNum(i) || t.numLen(i) > 2 {
		if i < len(t.toks) {
			if o, ok := ordinals[t.toks[i].low]; ok {
				return o, i + 1
			}
		}
		return 0, i
	}
	d := t.toks[i].n
	if d < 1 || d > 31 {
		return 0, i
	}
	j := i + 1
	switch t.low(j) {
	case "st", "nd", "rd", "th":
		if t.adj(j) {
			j++
		}
	case ":", ".":
		if t.adj(j) && t.isNum(j+1) && t.adj(j+1) {
			return 0, i // a clock time or a decimal
		}
	}
	if t.adj(j) && t.toks[minInt(j, len(t.toks)-1)].cls == clsWord {
		return 0, i // "5pm", "3bn"
	}
	return d, j
}

// yearNum reads a four-digit year at i.
func (t *tagger) yearNum(i int) (int, bool) {
	if t.numLen(i) != 4 {
		return 0, false
	}
	y := t.toks[i].n
	if y < 1000 || y > 2200 {
		return 0, false
	}
	if t.adj(i+1) && (t.isNum(i+2) && (t.low(i+1) == "," || t.low(i+1) == ".")) {
		return 0, false
	}
	return y, true
}

// monthDate reads dates built on a month name: "February 8, 2022",
// "Feb. 8", "8 Feb 2022", "the 8th of February", "February 2022",
// "February", optionally preceded by a weekday ("Thursday, April 6").
func (t *tagger) monthDate(i int) (match, bool) {
	j, ok := t.afterWeekday(i)
	if !ok {
		return match{}, false
	}
	if m, ok, found := t.dayMonth(i, j); found {
		return m, ok
	}
	mo, k := t.monthAt(j)
	if mo == 0 {
		return match{}, false
	}
	// "February 8, 2022", "Feb. 8", "February 8th".
	if d, k2 := t.dayNum(k); d > 0 && t.isNum(k) {
		y, hasYear, end := t.optionalYear(k2)
		return t.monthDay(i, end, mo, d, y, hasYear)
	}
	if j > i {
		return match{}, false // a weekday must be followed by a full date here
	}
	return t.month(i, k, mo)
}

// afterWeekday skips a weekday written before a date ("Thursday, April
// 6", "Thu. 6 April") and returns the token the date starts at; ok is
// false when the weekday is not followed by a month or a number.
func (t *tagger) afterWeekday(i int) (j int, ok bool) {
	j = i
	if wd, ok := weekdays[t.low(j)]; ok && wd > 0 && t.toks[j].upper {
		j++
		if t.low(j) == "." && t.adj(j) {
			j++
		}
		if t.low(j) == "," {
			j++
		}
		if j < len(t.toks) && months[t.low(j)] == 0 && !t.isNum(j) {
			return j, false
		}
	}
	return j, true
}

// dayMonth reads a date written day first at j: "8 February 2022", "the
// 8th of February". found is false when there is none, so that the
// month-first forms are tried; "the 8 February" is found and refused.
func (t *tagger) dayMonth(i, j int) (m match, ok, found bool) {
	k := j
	if t.low(k) == "the" {
		k++
	}
	d, k2 := t.dayNum(k)
	if d == 0 {
		return match{}, false, false
	}
	if t.low(k2) == "of" {
		k2++
	}
	mo, k3 := t.monthAt(k2)
	if mo == 0 || !(k2 > k+1 || t.isNum(k) || t.low(k2-1) == "of") {
		return match{}, false, false
	}
	if k == j+1 && t.low(k2-1) != "of" {
		return match{}, false, true // "the 8 February"
	}
	y, hasYear, end := t.optionalYear(k3)
	m, ok = t.monthDay(i, end, mo, d, y, hasYear)
	return m, ok, true
}

// optionalYear reads the year that may follow a day and month ("February
// 8, 2022", "8 Feb 2022") at end, and returns the index after it, or end
// when there is none.
func (t *tagger) optionalYear(end int) (y int, hasYear bool, next int) {
	if t.low(end) == "," && t.isNum(end+1) {
		if y, ok := t.yearNum(end + 1); ok {
			return y, true, end + 2
		}
		return 0, false, end
	}
	if y, ok := t.yearNum(end); ok {
		return y, true, end + 1
	}
	return 0, false, end
}

// month reads a month named without a day, at token i with the name ending
// at end: with its year ("February 2022", "February of 2022", "February
// this year"), or placed against the anchor (see package doc) and the
// range it starts or ends ("from January through September 2021", "from
// March to May").
func (t *tagger) month(i, end, mo int) (match, bool) {
	at := func(y, end int) (match, bool) {
		return dateMatch(end, timeline.At(day(y, time.Month(mo), 1), timeline.Month))
	}
	if y, next, ok := t.monthYear(end); ok {
		return at(y, next)
	}
	// "the annual March for Life" names an event, not the month.
	if p := t.low(i - 1); (p == "the" || p == "annual") && t.toks[i].upper {
		return match{}, false
	}
	// "February this year", "July last year".
	if w := t.low(end); (w == "this" || w == "last" || w == "next") && t.low(end+1) == "year" && t.hasAnchor {
		return at(t.day.Year()+map[string]int{"this": 0, "last": -1, "next": 1}[w], end+2)
	}
	if !t.hasAnchor {
		return refMatch(end, fmt.Sprintf("XXXX-%02d", mo))
	}
	if y, ok := t.rangeYear(i, end, mo); ok {
		return at(y, end)
	}
	return at(t.nearestMonthYear(i, mo), end)
}

// monthYear reads the year written after a month at end: "2022", "of
// 2022", ", 2022", "nineteen ninety-four".
func (t *tagger) monthYear(end int) (y, next int, ok bool) {
	if t.low(end) == "of" || t.low(end) == "," {
		if y, ok := t.yearNum(end + 1); ok {
			return y, end + 2, true
		}
	}
	if y, ok := t.yearNum(end); ok {
		return y, end + 1, true
	}
	if y, k := t.spelledYear(end); k > end {
		return y, k, true
	}
	return 0, end, false
}

// rangeYear gives a month that starts or ends a range the year of the
// other end: "from January through September 2021" takes its year from
// the end when the end states one, and in "from March to May" the end
// follows its start.
func (t *tagger) rangeYear(i, end, mo int) (int, bool) {
	if rangeWords[t.low(end)] {
		if e, ok := t.matchAt(end + 1); ok && e.typ == Date && (e.date.Precision == timeline.Month || e.date.Precision == timeline.Day) && t.statesYear(end+1, e.end) {
			y := e.date.Start.Year()
			if mo > int(e.date.Start.Month()) {
				y--
			}
			return y, true
		}
	}
	if len(t.out) > 0 && i >= 2 && (rangeWords[t.low(i-1)]) {
		prev := t.out[len(t.out)-1]
		if prev.Span.End == t.toks[i-2].e && prev.Date.Precision == timeline.Month {
			y := prev.Date.Start.Year()
			if mo < int(prev.Date.Start.Month()) {
				y++
			}
			return y, true
		}
	}
	return 0, false
}

// nearestMonthYear chooses the year of a month named alone at token i:
// after "last" or "next" the one before or after the anchor, else the
// nearest one. News mostly reports what happened, so months ahead count
// four times (six in a past-tense clause), unless the clause looks
// forward: then months back count triple.
func (t *tagger) nearestMonthYear(i, mo int) int {
	y := t.day.Year()
	cur := int(t.day.Month())
	switch t.low(i - 1) {
	case "last", "past":
		if mo >= cur-1 {
			y--
		}
	case "next", "coming":
		if mo <= cur {
			y++
		}
	case "this":
	default:
		back := (cur - mo + 12) % 12
		ahead := (mo - cur + 12) % 12
		switch {
		case t.future(i):
			back *= 3
		case t.past(i):
			ahead *= 6
		default:
			ahead *= 4
		}
		switch {
		case back < ahead && mo > cur:
			y--
		case ahead <= back && mo < cur:
			y++
		}
	}
	return y
}

// monthDay resolves a month and day, choosing the year when none is given.
func (t *tagger) monthDay(i, end, mo, d, y int, hasYear bool) (match, bool) {
	if !hasYear {
		if !t.hasAnchor {
			if d < 1 || d > 31 {
				return match{}, false
			}
			return refMatch(end, fmt.Sprintf("XXXX-%02d-%02d", mo, d))
		}
		// The nearest such day, weighted as for months.
		fut := t.future(i)
		pst := !fut && t.past(i)
		best, bestScore := 0, 0.0
		for _, cy := range []int{t.day.Year() - 1, t.day.Year(), t.day.Year() + 1} {
			when := day(cy, time.Month(mo), minInt(d, 28))
			delta := when.Sub(t.day).Hours() / 24
			score := delta
			if delta < 0 {
				score = -delta
				if fut {
					score *= 3
				}
			} else if pst {
				score *= 3
			} else if !fut {
				score *= 2
			}
			if best == 0 || score < bestScore {
				best, bestScore = cy, score
			}
		}
		y = best
		switch t.low(i - 1) {
		case "last", "past":
			// "last Oct. 23": the most recent one before the anchor.
			for !day(y, time.Month(mo), minInt(d, 28)).Before(t.day) {
				y--
			}
		case "next", "coming":
			for !day(y, time.Month(mo), minInt(d, 28)).After(t.day) {
				y++
			}
		}
		if !validDay(y, mo, d) {
			return match{}, false
		}
	}
	if !validDay(y, mo, d) {
		return match{}, false
	}
	return dateMatch(end, timeline.At(day(y, time.Month(mo), d), timeline.Day))
}

// year reads years and decades: "2014", "fiscal 1989", "the 1990s",
// "the '90s", "1990s", and "1989's third quarter" style quarters.
func (t *tagger) year(i int) (match, bool) {
	j := i
	fiscal := false
	if t.low(j) == "fiscal" {
		j++
		fiscal = true
		if t.low(j) == "year" {
			j++
		}
	}
	if t.low(j) == "the" && !fiscal {
		j++
	}
	if t.low(j) == "'" && t.numLen(j+1) == 2 && t.adj(j+1) && t.low(j+2) == "s" && t.adj(j+2) && t.toks[j+1].n%10 == 0 {
		dec := 1900 + t.toks[j+1].n
		if dec < 1930 {
			dec += 100
		}
		return dateMatch(j+3, timeline.At(day(dec, 1, 1), timeline.Decade))
	}
	if c, k := t.centuryAt(j); c > 0 {
		return dateMatch(k, timeline.At(day((c-1)*100, 1, 1), timeline.Century))
	}
	// "since '82": a two-digit year after a preposition.
	if t.low(j) == "'" && t.numLen(j+1) == 2 && t.adj(j+1) && !(t.low(j+2) == "s" && t.adj(j+2)) && yearPrep[t.low(j-1)] && t.hasAnchor {
		yy := 1900 + t.toks[j+1].n
		if yy+100 <= t.day.Year() {
			yy += 100
		}
		return dateMatch(j+2, timeline.At(day(yy, 1, 1), timeline.Year))
	}
	y, ok := t.yearNum(j)
	if !ok {
		if sy, k := t.spelledYear(j); k > j && (monthPrep[t.low(j-1)] || t.toks[j].upper) {
			return dateMatch(k, timeline.At(day(sy, 1, 1), timeline.Year))
		}
		return match{}, false
	}
	if t.low(j+1) == "s" && t.adj(j+1) {
		if y%10 != 0 {
			return match{}, false
		}
		return dateMatch(j+2, timeline.At(day(y, 1, 1), timeline.Decade))
	}
	if j > i && !fiscal {
		return match{}, false // "the 1990" is not a year in news
	}
	if !fiscal && !t.plausibleYear(j, y) {
		return match{}, false
	}
	d := timeline.At(day(y, 1, 1), timeline.Year)
	end := j + 1
	// "1989's third quarter", "1989 third-quarter".
	k := end
	if t.low(k) == "'" && t.low(k+1) == "s" {
		k += 2
	}
	if q, k2 := t.quarterWord(k); q > 0 {
		return dateMatch(k2, timeline.At(day(y, time.Month(3*q-2), 1), timeline.Quarter))
	}
	return dateMatch(end, d)
}

// plausibleYear rejects four-digit numbers that are counts, not years.
func (t *tagger) plausibleYear(j, y int) bool {
	if t.lawNumber(j) {
		return false
	}
	if j > 0 {
		switch t.low(j - 1) {
		case "$", "#", "£", "€", "no", "number", "route", "flight", "model", "boeing", "airbus", "page", "room",
			"than", "least", "additional", "another", "total", "totaling", "totalling":
			return false
		case "in", "since", "of", "until", "by", "from", "to", "through", "between", "and", "before", "after", "during", "for", "year", "early", "late", "mid", "-", "circa":
			return y >= 1000
		}
	}
	if y < 1800 || y > 2100 {
		return false
	}
	if j+1 < len(t.toks) {
		nx := t.toks[j+1]
		if nx.low == "%" || nx.low == "percent" || nx.low == "," && t.adj(j+1) && t.isNum(j+2) {
			return false
		}
		if nx.cls == clsWord && !nx.upper && len(nx.low) > 3 && nx.low[len(nx.low)-1] == 's' && !yearFollowers[nx.low] {
			return false // "2000 troops"
		}
	}
	return true
}

// lawNumber reports whether the number at j numbers a document rather than
// dating it: "Law of Ukraine No. 1915-IX", "Decree № 2022", "Resolution
// 1441-VIII" (Ukrainian laws carry the convocation in Roman numerals).
func (t *tagger) lawNumber(j int) bool {
	if j >= 2 && t.low(j-1) == "." && (t.low(j-2) == "no" || t.low(j-2) == "nos") || j >= 1 && t.low(j-1) == "№" {
		return true
	}
	if j+2 < len(t.toks) && t.low(j+1) == "-" && t.adj(j+1) && t.adj(j+2) && t.toks[j+2].upper && romanNumeral(t.low(j+2)) {
		return true
	}
	return false
}

// romanNumeral reports whether the lower-cased word s is a Roman numeral
// of at most five letters.
func romanNumeral(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("ivxlcdm", r) {
			return false
		}
	}
	return true
}

// yearPrep are the words after which "'82" is a year.
var yearPrep = map[string]bool{"since": true, "in": true, "of": true, "from": true, "until": true, "till": true, "to": true, "by": true, "before": true, "after": true, "class": true}

var yearFollowers = map[string]bool{"was": true, "has": true, "is": true, "elections": true, "levels": true, "results": true, "earnings": true, "figures": true, "games": true, "olympics": true, "levels.": true}

// quarterWord reads "third quarter", "third-quarter", "first half" at i and
// returns the quarter (1…4; halves as 5 and 6) and the index after it.
func (t *tagger) quarterWord(i int) (int, int) {
	o, ok := ordinals[t.low(i)]
	if !ok {
		return 0, i
	}
	j := i + 1
	if t.low(j) == "-" {
		j++
	}
	switch t.low(j) {
	case "quarter":
		if o >= 1 && o <= 4 {
			return o, j + 1
		}
	case "half":
		if o == 1 || o == 2 {
			return 4 + o, j + 1
		}
	}
	return 0, i
}

// quarter reads quarters and halves: "the third quarter", "third-quarter",
// "the fourth quarter of 1989", "Q3 2021", "the first half", "the quarter".
func (t *tagger) quarter(i int) (match, bool) {
	j := i
	if t.low(j) == "q" && t.toks[j].upper && t.isNum(j+1) && t.adj(j+1) && t.toks[j+1].n >= 1 && t.toks[j+1].n <= 4 && t.numLen(j+1) == 1 {
		q := t.toks[j+1].n
		end := j + 2
		y, hasYear := 0, false
		if yy, ok := t.yearNum(end); ok {
			y, hasYear, end = yy, true, end+1
		}
		return t.quarterOf(end, q, y, hasYear)
	}
	if t.low(j) == "the" {
		j++
	}
	switch t.low(j) {
	case "fiscal":
		j++
	case "latest", "current", "previous", "prior", "same", "past", "last", "recent":
		if (t.low(j+1) == "quarter" || t.low(j+1) == "period") && j > i {
			w := t.low(j)
			if t.low(j+1) == "period" && w != "latest" {
				return match{}, false
			}
			if !t.hasAnchor {
				return refMatch(j+2, "XXXX-QX")
			}
			switch w {
			case "current":
				return t.relative(j+2, timeline.Quarter, 0)
			case "same":
				if t.ref.Precision == timeline.Quarter {
					return dateMatch(j+2, t.ref)
				}
				return match{}, false
			}
			m, ok := t.relative(j+2, timeline.Quarter, -1)
			m.quarter = true
			return m, ok
		}
	case "quarter":
		if j > i && !t.isNum(j+1) && t.low(j+1) != "-" {
			// "the quarter": the quarter being reported on, the last one.
			// "the quarter ended Sept. 30" names it by its last day.
			if w := t.low(j + 1); w == "ended" || w == "ending" || w == "through" {
				if d, ok := t.monthDate(j + 2); ok && d.date.Precision == timeline.Day {
					m, _ := dateMatch(j+1, timeline.At(d.date.Start, timeline.Quarter))
					m.quarter = true
					return m, true
				}
			}
			if !t.quart.IsZero() {
				return dateMatch(j+1, t.quart)
			}
			m, ok := t.relative(j+1, timeline.Quarter, -1)
			m.quarter = true
			return m, ok
		}
	}
	q, end := t.quarterWord(j)
	if q == 0 {
		return match{}, false
	}
	y, hasYear := 0, false
	k := end
	if t.low(k) == "of" {
		k++
		if t.low(k) == "fiscal" {
			k++
		}
		if yy, ok := t.yearNum(k); ok {
			y, hasYear, end = yy, true, k+1
		} else if t.low(k) == "this" || t.low(k) == "last" || t.low(k) == "next" {
			if t.low(k+1) == "year" && t.hasAnchor {
				y, hasYear, end = t.day.Year(), true, k+2
				if t.low(k) == "last" {
					y--
				} else if t.low(k) == "next" {
					y++
				}
			}
		}
	} else if yy, ok := t.yearNum(k); ok {
		y, hasYear, end = yy, true, k+1
	}
	return t.quarterOf(end, q, y, hasYear)
}

// quarterOf builds the match for quarter q (5, 6 = first, second half).
func (t *tagger) quarterOf(end, q, y int, hasYear bool) (match, bool) {
	if !hasYear {
		if !t.hasAnchor {
			if q > 4 {
				return refMatch(end, fmt.Sprintf("XXXX-H%d", q-4))
			}
			return refMatch(end, fmt.Sprintf("XXXX-Q%d", q))
		}
		y = t.day.Year()
		cur := (int(t.day.Month())-1)/3 + 1
		if q <= 4 && q-cur >= 2 {
			y-- // "the fourth quarter" in February is last year's
		}
		if q == 6 && cur <= 2 {
			y--
		}
	}
	if q > 4 {
		return match{end: end, typ: Date, value: fmt.Sprintf("%04d-H%d", y, q-4), date: timeline.At(day(y, 1, 1), timeline.Year), chain: false}, true
	}
	m, _ := dateMatch(end, timeline.At(day(y, time.Month(3*q-2), 1), timeline.Quarter))
	m.quarter = true
	return m, true
}

// holiday reads the public holidays US and European news dates things by:
// "Thanksgiving (Day)", "Christmas (Day|Eve)", "New Year's Day/Eve",
// "Election Day", "Independence Day", "Labor Day", "Memorial Day",
// "Easter (Sunday)", "Good Friday", "Halloween", "Valentine's Day". Easter
// is the Western one. The year is chosen as
// for a month and day without a year.
func (t *tagger) holiday(i int) (match, bool) {
	j := i
	prev := ""
	if w := t.low(j); w == "last" || w == "next" || w == "this" {
		prev = w
		j++
	}
	if j >= len(t.toks) || !t.toks[j].upper {
		return match{}, false
	}
	name := t.low(j)
	end := j + 1
	switch name {
	case "new":
		if t.low(j+1) == "year" && t.low(j+2) == "'" && t.low(j+3) == "s" && (t.low(j+4) == "day" || t.low(j+4) == "eve") {
			name, end = "new year's "+t.low(j+4), j+5
		} else {
			return match{}, false
		}
	case "valentine":
		if t.low(j+1) == "'" && t.low(j+2) == "s" && t.low(j+3) == "day" {
			end = j + 4
		} else {
			return match{}, false
		}
	case "election", "independence", "labor", "labour", "memorial", "veterans":
		if t.low(j+1) != "day" || !t.toks[j+1].upper {
			return match{}, false
		}
		end = j + 2
	case "good":
		if t.low(j+1) != "friday" || !t.toks[j+1].upper {
			return match{}, false
		}
		name, end = "good friday", j+2
	case "thanksgiving", "christmas", "easter", "halloween":
		switch t.low(j + 1) {
		case "day", "sunday":
			if t.toks[j+1].upper {
				end = j + 2
			}
		case "eve":
			if name == "christmas" && t.toks[j+1].upper {
				name, end = "christmas eve", j+2
			}
		}
	default:
		return match{}, false
	}
	if _, ok := holidayDate(name, 2000); !ok {
		return match{}, false
	}
	if !t.hasAnchor {
		return refMatch(end, "XXXX-XX-XX")
	}
	y := t.day.Year()
	if yy, ok := t.yearNum(end); ok {
		d, _ := holidayDate(name, yy)
		return dateMatch(end+1, timeline.At(d, timeline.Day))
	}
	this, _ := holidayDate(name, y)
	switch prev {
	case "last":
		if !this.Before(t.day) {
			y--
		}
	case "next":
		if !this.After(t.day) {
			y++
		}
	case "this":
	default:
		fut := t.future(i)
		if this.Before(t.day) && fut && t.day.Sub(this) > 30*24*time.Hour {
			y++
		}
		if this.After(t.day) && !fut && this.Sub(t.day) > 60*24*time.Hour {
			y--
		}
	}
	d, _ := holidayDate(name, y)
	if t.low(end) == "week" {
		return dateMatch(end+1, timeline.At(d, timeline.Week)) // "Easter week"
	}
	return dateMatch(end, timeline.At(d, timeline.Day))
}

// holidayDate returns the date of a holiday in year y (US dates for the
// US holidays).
func holidayDate(name string, y int) (time.Time, bool) {
	nth := func(m time.Month, wd time.Weekday, n int) time.Time {
		d := day(y, m, 1)
		for d.Weekday() != wd {
			d = d.AddDate(0, 0, 1)
		}
		return d.AddDate(0, 0, 7*(n-1))
	}
	switch name {
	case "thanksgiving":
		return nth(time.November, time.Thursday, 4), true
	case "christmas":
		return day(y, 12, 25), true
	case "christmas eve":
		return day(y, 12, 24), true
	case "new year's day":
		return day(y, 1, 1), true
	case "new year's eve":
		return day(y, 12, 31), true
	case "valentine":
		return day(y, 2, 14), true
	case "halloween":
		return day(y, 10, 31), true
	case "independence":
		return day(y, 7, 4), true
	case "veterans":
		return day(y, 11, 11), true
	case "election":
		// The Tuesday after the first Monday of November.
		return nth(time.November, time.Monday, 1).AddDate(0, 0, 1), true
	case "labor", "labour":
		return nth(time.September, time.Monday, 1), true
	case "memorial":
		d := day(y, 6, 0)
		for d.Weekday() != time.Monday {
			d = d.AddDate(0, 0, -1)
		}
		return d, true
	case "good friday":
		e, _ := holidayDate("easter", y)
		return e.AddDate(0, 0, -2), true
	case "easter":
		// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
		a, b, c := y%19, y/100, y%100
		d, e := b/4, b%4
		f := (b + 8) / 25
		g := (b - f + 1) / 3
		h := (19*a + b - d - g + 15) % 30
		i, k := c/4, c%4
		l := (32 + 2*e + 2*i - h - k) % 7
		m := (a + 11*h + 22*l) / 451
		month := (h + l - 7*m + 114) / 31
		dd := (h+l-7*m+114)%31 + 1
		return day(y, time.Month(month), dd), true
	}
	return time.Time{}, false
}

// spelledYear reads a year written out as broadcast transcripts do:
// "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand
// and one". It returns the year and the index after it, or i when there is
// none.
func (t *tagger) spelledYear(i int) (int, int) {
	switch t.low(i) {
	case "nineteen", "eighteen", "twenty":
		c := numberWords[t.low(i)]
		j := i + 1
		v, ok := numberWords[t.low(j)]
		if !ok || v < 10 || v >= 100 {
			return 0, i
		}
		j++
		if v >= 20 {
			k := j
			if t.low(k) == "-" && t.adj(k) {
				k++
			}
			if o, ok := numberWords[t.low(k)]; ok && o < 10 {
				v += o
				j = k + 1
			}
		}
		return c*100 + v, j
	case "two":
		if t.low(i+1) != "thousand" {
			return 0, i
		}
		j := i + 2
		k := j
		if t.low(k) == "and" {
			k++
		}
		if o, ok := numberWords[t.low(k)]; ok && o < 20 {
			return 2000 + o, k + 1
		}
		return 2000, j
	}
	return 0, i
}

// centuryAt reads an ordinal century at i ("20th century", "twentieth
// century", "21st-century") and returns its number and the index after it.
func (t *tagger) centuryAt(i int) (int, int) {
	c, j := 0, i+1
	switch {
	case t.isNum(i) && t.numLen(i) <= 2:
		c = t.toks[i].n
		switch t.low(j) {
		case "st", "nd", "rd", "th":
			if !t.adj(j) {
				return 0, i
			}
			j++
		default:
			return 0, i
		}
	default:
		c = ordinals[t.low(i)]
		if c == 0 && t.low(i) == "twenty" && t.low(i+1) == "-" && t.low(i+2) == "first" {
			c, j = 21, i+3
		}
	}
	if c < 1 || c > 30 {
		return 0, i
	}
	if t.low(j) == "-" && t.adj(j) {
		j++
	}
	if t.low(j) != "century" {
		return 0, i
	}
	return c, j + 1
}

// statesYear reports whether tokens [i, j) write a year out: a four-digit
// number or "this/last/next year".
func (t *tagger) statesYear(i, j int) bool {
	for k := i; k < j; k++ {
		if t.numLen(k) == 4 || t.low(k) == "year" {
			return true
		}
	}
	return false
}
