package timex

import (
	"time"

	"dateline/timeline"
)

// tagger holds the state of one Tag call: the tokens, the anchor and the
// last anchored expression, which chained expressions ("the following day")
// are resolved against.
type tagger struct {
	text      string
	toks      []token
	opts      Options
	day       time.Time // the anchor's day (UTC midnight)
	hasAnchor bool
	ref       timeline.Date // last anchored DATE/TIME, or the anchor's day
	quart     timeline.Date // last quarter the text named: "a year ago" and "the quarter" refer to it
	depth     int           // nesting of rules that match a date inside another ("the day before Monday")
	out       []Timex
}

// match is one expression the grammar recognised, before it is emitted.
type match struct {
	end   int // token index just past the expression
	typ   Type
	value string
	date  timeline.Date
	// chain marks an expression that later chained expressions may refer to.
	chain bool
	// quarter marks a fiscal quarter named in the text ("the third
	// quarter"), which "a year ago" and "the quarter" then refer to.
	quarter bool
	// clock marks a clock time whose day a following date may give
	// ("5 p.m. EST Nov. 9"); hh:mm is the time as written, zone its UTC
	// offset in hours.
	clock bool
	hh    int
	mm    int
	zone  float64
}

func newTagger(text string, anchor timeline.Date, opts Options) *tagger {
	t := &tagger{text: text, opts: opts}
	t.toks = tokenize(text, make([]token, 0, len(text)/5+1))
	if !anchor.IsZero() {
		t.hasAnchor = true
		t.day = timeline.At(anchor.Start, timeline.Day).Start
		t.ref = timeline.At(t.day, timeline.Day)
		if anchor.Precision < timeline.Day {
			t.ref = anchor
		}
	}
	return t
}

func (t *tagger) run() []Timex {
	n := len(t.toks)
	for i := 0; i < n; {
		if !triggers[t.toks[i].low] && t.toks[i].cls != clsNum {
			i++
			continue
		}
		m, ok := t.matchAt(i)
		if !ok || m.end <= i {
			i++
			continue
		}
		// A clock time directly followed by a day ("5 p.m. EST Nov. 9",
		// "noon Thursday") is one TIME on that day.
		if m.clock {
			j := m.end
			if j < n && t.toks[j].low == "," {
				j++
			}
			if j < n && (triggers[t.toks[j].low] || t.toks[j].cls == clsNum) {
				if d, ok := t.matchAt(j); ok && d.typ == Date && d.date.Precision == timeline.Day {
					m = t.clockOn(m, d.date.Start, d.end)
				}
			}
		}
		t.emit(i, m)
		i = m.end
		// "April 24 and 25": the bare second day is a date of its own.
		if m.typ == Date && m.date.Precision == timeline.Day && i+1 < n {
			switch t.low(i) {
			case "and", "or", "to", "-", "through":
				if d, k := t.dayNum(i + 1); d > 0 && t.isNum(i+1) && months[t.low(k)] == 0 && units[t.low(k)].code == "" {
					y, mo, _ := m.date.Start.Date()
					if validDay(y, int(mo), d) {
						dm, _ := dateMatch(k, timeline.At(day(y, mo, d), timeline.Day))
						t.emit(i+1, dm)
						i = k
					}
				}
			}
		}
	}
	return t.out
}

func (t *tagger) emit(i int, m match) {
	s, e := t.toks[i].s, t.toks[m.end-1].e
	t.out = append(t.out, Timex{
		Span:  Span{Start: s, End: e},
		Text:  t.text[s:e],
		Type:  m.typ,
		Value: m.value,
		Date:  m.date,
	})
	if m.chain && !m.date.IsZero() {
		t.ref = m.date
	}
	if m.quarter {
		t.quart = m.date
	}
}

// low returns the lower-cased token i, or "" past the end.
func (t *tagger) low(i int) string {
	if i < 0 || i >= len(t.toks) {
		return ""
	}
	return t.toks[i].low
}

// adj reports whether token i follows token i-1 with no space between.
func (t *tagger) adj(i int) bool {
	return i > 0 && i < len(t.toks) && !t.toks[i].sp
}

func (t *tagger) isNum(i int) bool { return i >= 0 && i < len(t.toks) && t.toks[i].cls == clsNum }

func (t *tagger) numLen(i int) int {
	if !t.isNum(i) {
		return 0
	}
	return t.toks[i].e - t.toks[i].s
}

// longer keeps the longer of two matches.
func longer(a match, aok bool, b match, bok bool) (match, bool) {
	if !aok {
		return b, bok
	}
	if bok && b.end > a.end {
		return b, true
	}
	return a, true
}

// matchAt tries every rule at token i and keeps the longest match.
func (t *tagger) matchAt(i int) (match, bool) {
	if i >= len(t.toks) || t.depth > 2 {
		return match{}, false
	}
	t.depth++
	defer func() { t.depth-- }()
	m, ok := t.core(i)
	if ok && m.date.Precision == timeline.Year && m.typ == Date {
		// "this year's third quarter", "1989 third-quarter", "next year's
		// first half".
		k := m.end
		if t.low(k) == "'" && t.low(k+1) == "s" {
			k += 2
		}
		if q, k2 := t.quarterWord(k); q > 0 {
			m, ok = t.quarterOf(k2, q, m.date.Start.Year(), true)
		}
	}
	// Modifiers that narrow a period without changing its TIMEX3 value:
	// "early 1990", "late November", "mid-1996", "the end of 1990",
	// "earlier this month", "nearly four years ago".
	if j := t.modifier(i); j > i {
		if c, cok := t.core(j); cok && (c.typ == Date || c.typ == Time) {
			m, ok = longer(m, ok, c, cok)
		}
	}
	return m, ok
}

// modifier returns the index after a modifier at i, or i when there is
// none. Approximators ("nearly", "about") only modify a count ("about two
// years ago"), not "about the future".
func (t *tagger) modifier(i int) int {
	j := i
	if t.low(j) == "the" {
		j++
	}
	switch t.low(j) {
	case "nearly", "almost", "about", "around", "some", "roughly", "approximately":
		if j > i {
			return i
		}
		if _, _, ok := t.count(j + 1); !ok {
			return i
		}
		return j + 1
	case "early", "late", "mid", "earlier", "later":
		if j > i && !(t.low(j) == "early" || t.low(j) == "late" || t.low(j) == "mid") {
			return i
		}
		j++
		if t.low(j) == "-" && t.adj(j) {
			j++
		}
		if t.low(j) == "in" && t.low(j+1) == "the" && (t.low(i) == "earlier" || t.low(i) == "later") {
			return j + 1 // "earlier in the year": the core rule reads "the year"
		}
		return j
	case "end", "beginning", "start", "middle", "turn", "close":
		if t.low(j+1) == "of" {
			return j + 2
		}
	case "first", "second":
		if j > i && t.low(j+1) == "half" && t.low(j+2) == "of" {
			return j + 3
		}
	}
	return i
}

// core tries the rules without modifiers.
func (t *tagger) core(i int) (match, bool) {
	var m match
	var ok bool
	for _, r := range rules {
		c, cok := r(t, i)
		m, ok = longer(m, ok, c, cok)
	}
	return m, ok
}

// rules are tried at every trigger token; the longest match wins. They are
// set in init because anaphor calls back into matchAt.
var rules []func(*tagger, int) (match, bool)

func init() {
	rules = []func(*tagger, int) (match, bool){
		(*tagger).numeric,
		(*tagger).monthDate,
		(*tagger).weekday,
		(*tagger).year,
		(*tagger).quarter,
		(*tagger).deictic,
		(*tagger).word,
		(*tagger).offset,
		(*tagger).clock,
		(*tagger).set,
		(*tagger).anaphor,
		(*tagger).holiday,
	}
}

// triggers are the tokens an expression can start with; every other word is
// skipped without trying the rules, which keeps Tag fast.
var triggers = func() map[string]bool {
	m := map[string]bool{}
	for _, lex := range []map[string]int{months, weekdays, weekdayPlural, numberWords, ordinals} {
		for w := range lex {
			m[w] = true
		}
	}
	for w := range seasons {
		m[w] = true
	}
	for _, w := range []string{
		"the", "this", "last", "next", "past", "coming", "previous", "current", "that", "these",
		"early", "late", "mid", "earlier", "later", "nearly", "almost", "about", "around", "some", "roughly", "approximately",
		"end", "beginning", "start", "middle", "turn", "close",
		"today", "tonight", "tomorrow", "yesterday", "now", "currently", "recently", "lately", "recent",
		"previously", "formerly", "future", "soon", "nowadays", "present", "overnight",
		"a", "an", "several", "few", "couple", "many",
		"every", "each", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly",
		"noon", "midnight", "midday", "fiscal", "q", "year", "in", "following", "same", "day",
		"morning", "afternoon", "evening", "night", "weekend", "quarter", "half", "once",
		"'", "latest", "prior", "first", "second", "third", "fourth",
		"thanksgiving", "christmas", "easter", "halloween", "new", "valentine", "election",
		"independence", "labor", "labour", "memorial", "veterans", "nineteen", "eighteen", "good",
		"spring", "summer", "fall", "autumn", "winter", "twentieth", "twenty",
	} {
		m[w] = true
	}
	return m
}()

func dateMatch(end int, d timeline.Date) (match, bool) {
	return match{end: end, typ: Date, value: d.String(), date: d, chain: true}, true
}

func refMatch(end int, v string) (match, bool) {
	return match{end: end, typ: Date, value: v}, true
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// shift moves d by n units of precision p.
func shift(d time.Time, p timeline.Precision, n int) time.Time {
	switch p {
	case timeline.Century:
		return d.AddDate(100*n, 0, 0)
	case timeline.Decade:
		return d.AddDate(10*n, 0, 0)
	case timeline.Year:
		return d.AddDate(n, 0, 0)
	case timeline.Quarter:
		return d.AddDate(0, 3*n, 0)
	case timeline.Month:
		return d.AddDate(0, n, 0)
	case timeline.Week:
		return d.AddDate(0, 0, 7*n)
	case timeline.Day:
		return d.AddDate(0, 0, n)
	case timeline.Hour:
		return d.Add(time.Duration(n) * time.Hour)
	case timeline.Minute:
		return d.Add(time.Duration(n) * time.Minute)
	}
	return d.Add(time.Duration(n) * time.Second)
}

// unknownValue is the underspecified TIMEX3 value of a relative expression
// of precision p that cannot be anchored.
func unknownValue(p timeline.Precision) string {
	switch p {
	case timeline.Century, timeline.Decade, timeline.Year:
		return "XXXX"
	case timeline.Quarter:
		return "XXXX-QX"
	case timeline.Month:
		return "XXXX-XX"
	case timeline.Week:
		return "XXXX-WXX"
	}
	return "XXXX-XX-XX"
}

// relative returns the anchor's period of precision p moved by n.
func (t *tagger) relative(end int, p timeline.Precision, n int) (match, bool) {
	if !t.hasAnchor {
		return refMatch(end, unknownValue(p))
	}
	return dateMatch(end, timeline.At(shift(timeline.At(t.day, p).Start, p, n), p))
}

// future reports whether the clause around token i looks forward in time.
func (t *tagger) future(i int) bool {
	// "on Monday I will speak": a modal just after the expression, in
	// its clause ("pushed through two bills on Wednesday that will limit
	// …" looks back: the modal belongs to the relative clause).
	for k := i + 1; k < len(t.toks) && k <= i+3; k++ {
		w := t.toks[k].low
		if t.toks[k].cls == clsPunct && w != "'" || clauseOpeners[w] {
			break
		}
		if w == "will" || w == "shall" || w == "ll" {
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-futureWindow; k-- {
		w := t.toks[k].low
		if w == ";" || w == "!" || w == "?" || w == "\"" || w == "``" || w == "." && t.sentenceEnd(k) {
			break
		}
		if futureCues[w] {
			if w == "going" && t.low(k+1) != "to" {
				continue
			}
			// "had been scheduled to expire Friday" looks back.
			if t.low(k-1) == "had" || t.low(k-1) == "been" && t.low(k-2) == "had" {
				return false
			}
			return true
		}
		if w == "to" && (t.low(k-1) == "is" || t.low(k-1) == "are") {
			return true // "is to resume trading Tuesday"
		}
		if pastCues[w] || pastTense(t.toks[k]) {
			return false // the nearest verb is in the past tense
		}
		if (w == "soon" || w == "early") && t.low(k-1) == "as" {
			return true
		}
		if w == "to" && t.low(k+1) == "be" {
			return true
		}
		if intentions[w] && t.low(k+1) == "to" {
			return true // "planned to leave on Thursday"
		}
		if t.toks[k].nl && k < i-1 && t.toks[k].upper {
			break
		}
	}
	return false
}

// past reports whether the clause around token i reports something that
// happened: a past-tense cue within a few tokens either side.
func (t *tagger) past(i int) bool {
	for k := i - 1; k >= 0 && k >= i-futureWindow; k-- {
		w := t.toks[k].low
		if w == ";" || w == "!" || w == "?" || w == "." && t.sentenceEnd(k) {
			break
		}
		if pastCues[w] || pastTense(t.toks[k]) {
			return true
		}
	}
	for k := i + 1; k < len(t.toks) && k <= i+6; k++ {
		w := t.toks[k].low
		if w == ";" || w == "!" || w == "?" || w == "." && t.sentenceEnd(k) {
			break
		}
		if pastCues[w] || pastTense(t.toks[k]) {
			return true
		}
	}
	return false
}

// pastTense guesses a regular past-tense verb from its ending.
func pastTense(tok token) bool {
	w := tok.low
	return tok.cls == clsWord && !tok.upper && len(w) > 4 && w[len(w)-2:] == "ed" && !notPast[w]
}

var notPast = map[string]bool{"based": true, "need": true, "speed": true, "indeed": true, "proceed": true, "succeed": true, "exceed": true, "expected": true, "scheduled": true, "planned": true, "proposed": true, "related": true, "limited": true, "united": true}

// clauseOpeners start a clause of their own after a date expression, so
// that a modal after them does not make the expression look forward.
var clauseOpeners = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "where": true, "when": true,
	"and": true, "but": true, "because": true, "while": true, "although": true, "though": true, "if": true, "so": true}

// sentenceEnd reports whether the period at token k ends a sentence rather
// than an abbreviation ("Mr.", "U.S.", "P.", "a.m.").
func (t *tagger) sentenceEnd(k int) bool {
	if k == 0 {
		return true
	}
	prev := t.toks[k-1]
	if prev.cls == clsWord && (len(prev.low) == 1 || abbreviations[prev.low]) {
		return false
	}
	return true
}

// intentions are verbs that look forward when "to" follows them.
var intentions = map[string]bool{
	"planned": true, "hoped": true, "wanted": true, "wants": true, "intended": true, "set": true,
	"agreed": true, "promised": true, "vowed": true, "threatened": true, "decided": true,
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "gen": true, "col": true, "lt": true, "sen": true, "rep": true,
	"gov": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true, "prof": true,
	"mt": true, "ft": true, "sgt": true, "capt": true, "adm": true, "messrs": true,
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// futureWindow is how many tokens before an expression future looks for a
// cue, within the sentence.
const futureWindow = 10
