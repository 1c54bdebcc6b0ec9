package timex

// This file holds the rules for clock times, time zones and sets.

import (
	"fmt"
	"time"

	"dateline/timeline"
)

// clock reads times of day: "5pm", "5 p.m.", "10:30 a.m. EST", "noon",
// "midnight", "at 5pm Moscow time", "4 in the morning", "at 17:00",
// "0800 UTC".
func (t *tagger) clock(i int) (match, bool) {
	var hh, mm int
	end := i
	switch t.low(i) {
	case "noon", "midday":
		if t.low(i-1) == "high" {
			return match{}, false
		}
		hh, end = 12, i+1
	case "midnight":
		hh, end = 24, i+1
	default:
		if t.numLen(i) == 4 && !t.adj(i) {
			// "0800 UTC", "1430 GMT": a military time needs its zone.
			n := t.toks[i].n
			if z := zoneAt(t, i+1); z > i+1 && n/100 < 24 && n%100 < 60 && t.toks[i+1].upper {
				m := match{typ: Time, clock: true, hh: n / 100, mm: n % 100, zone: zones[t.low(i+1)]}
				return t.clockOn(m, t.clockDay(), z), true
			}
			return match{}, false
		}
		if !t.isNum(i) || t.numLen(i) > 2 || t.adj(i) && t.low(i-1) != "-" {
			return match{}, false
		}
		hh = t.toks[i].n
		end = i + 1
		hasMin := false
		if (t.low(end) == ":" || t.low(end) == ".") && t.adj(end) && t.numLen(end+1) == 2 && t.adj(end+1) {
			mm = t.toks[end+1].n
			end += 2
			hasMin = true
		}
		if hh > 24 || mm > 59 {
			return match{}, false
		}
		ampm, e2 := t.meridiem(end)
		switch {
		case ampm != 0:
			if hh < 1 || hh > 12 {
				return match{}, false
			}
			if ampm == 'p' && hh < 12 {
				hh += 12
			}
			if ampm == 'a' && hh == 12 {
				hh = 0
			}
			end = e2
		case t.low(end) == "o" && t.low(end+1) == "'" && t.low(end+2) == "clock":
			end += 3
		case t.low(end) == "in" && t.low(end+1) == "the" && (t.low(end+2) == "morning" || t.low(end+2) == "afternoon" || t.low(end+2) == "evening"):
			if t.low(end+2) != "morning" && hh < 12 {
				hh += 12
			}
			end += 3
		case hasMin && t.low(end) != "." && zoneAt(t, end) > end:
		case hasMin && t.low(i+1) == ":" && (clockPrep[t.low(i-1)] && t.numLen(i) == 2 || t.low(i-1) == "at"):
			// "at 17:00", "until 09:30": a 24-hour clock.
		default:
			return match{}, false
		}
	}
	m := match{typ: Time, clock: true, hh: hh, mm: mm}
	if z := zoneAt(t, end); z > end {
		m.zone = zones[t.low(end)]
		end = z
	}
	return t.clockOn(m, t.clockDay(), end), true
}

// clockPrep are the prepositions that make "17:00" a clock time rather
// than a score or a ratio.
var clockPrep = map[string]bool{"at": true, "by": true, "until": true, "till": true, "from": true, "around": true, "before": true, "after": true, "since": true}

// clockDay is the day a clock time without a date falls on: the last
// anchored day in the text, else the publication day.
func (t *tagger) clockDay() time.Time {
	if t.ref.Precision >= timeline.Day {
		return timeline.At(t.ref.Start, timeline.Day).Start
	}
	return t.day
}

// clockOn places a clock time on day d and ends the match at end.
func (t *tagger) clockOn(m match, d time.Time, end int) match {
	m.end = end
	m.typ = Time
	m.chain = true
	if d.IsZero() && !t.hasAnchor {
		m.value = fmt.Sprintf("XXXX-XX-XXT%02d:%02d", m.hh, m.mm)
		m.date = timeline.Date{}
		return m
	}
	local := d.Add(time.Duration(m.hh)*time.Hour + time.Duration(m.mm)*time.Minute)
	m.value = fmt.Sprintf("%sT%02d:%02d", d.Format("2006-01-02"), m.hh, m.mm)
	if m.hh == 24 {
		m.value = fmt.Sprintf("%sT24:00", d.Format("2006-01-02"))
	}
	utc := local.Add(-time.Duration(m.zone * float64(time.Hour)))
	m.date = timeline.At(utc, timeline.Minute)
	return m
}

// meridiem reads "am", "pm", "a.m.", "p.m." at i.
func (t *tagger) meridiem(i int) (byte, int) {
	w := t.low(i)
	switch w {
	case "am", "pm":
		if w == "am" && t.adj(i) == false && t.toks[i].upper {
			return 0, i
		}
		return w[0], i + 1
	case "a", "p":
		if t.low(i+1) == "." && t.adj(i+1) && t.low(i+2) == "m" && t.adj(i+2) {
			j := i + 3
			if t.low(j) == "." && t.adj(j) {
				j++
			}
			return w[0], j
		}
	}
	return 0, i
}

// zoneAt reads a time zone at i ("EST", "GMT", "Moscow time", "local
// time") and returns the index after it, or i when there is none.
func zoneAt(t *tagger, i int) int {
	w := t.low(i)
	if _, ok := zones[w]; !ok {
		return i
	}
	if t.low(i+1) == "time" {
		return i + 2
	}
	if i < len(t.toks) && len(w) >= 3 && len(w) <= 4 && t.text[t.toks[i].s] >= 'A' && t.text[t.toks[i].s] <= 'Z' && t.text[t.toks[i].e-1] >= 'A' && t.text[t.toks[i].e-1] <= 'Z' {
		return i + 1 // "EST", "GMT"
	}
	return i
}

// set reads recurring times: "every Monday", "each year", "weekly",
// "daily", "on Mondays".
func (t *tagger) set(i int) (match, bool) {
	w := t.low(i)
	switch w {
	case "daily", "nightly":
		return match{end: i + 1, typ: Set, value: "P1D"}, true
	case "weekly":
		return match{end: i + 1, typ: Set, value: "P1W"}, true
	case "monthly":
		return match{end: i + 1, typ: Set, value: "P1M"}, true
	case "annually", "yearly":
		return match{end: i + 1, typ: Set, value: "P1Y"}, true
	case "hourly":
		return match{end: i + 1, typ: Set, value: "PT1H"}, true
	case "every", "each":
		j := i + 1
		if t.low(j) == "other" {
			j++
		}
		nx := t.low(j)
		if wd, ok := weekdays[nx]; ok && len(nx) > 4 {
			return match{end: j + 1, typ: Set, value: fmt.Sprintf("XXXX-WXX-%d", wd)}, true
		}
		if u, ok := units[nx]; ok && nx[len(nx)-1] != 's' {
			n := 1
			if j > i+1 {
				n = 2
			}
			return match{end: j + 1, typ: Set, value: durationValue(n, u)}, true
		}
		if mo, k := t.monthAt(j); mo > 0 {
			return match{end: k, typ: Set, value: fmt.Sprintf("XXXX-%02d", mo)}, true
		}
		if pd, ok := partsOfDay[nx]; ok {
			return match{end: j + 1, typ: Set, value: "XXXX-XX-XXT" + pd}, true
		}
	}
	if wd, ok := weekdayPlural[w]; ok && t.toks[i].upper {
		return match{end: i + 1, typ: Set, value: fmt.Sprintf("XXXX-WXX-%d", wd)}, true
	}
	return match{}, false
}
