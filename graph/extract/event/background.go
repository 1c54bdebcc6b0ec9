package event

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/timeline"
)

// Background is the mode of a reference to a past event the article
// recalls rather than reports: "since the invasion", "ever since Russia
// annexed Crimea", "the 2014 annexation", "after the 2008 crisis". Such an
// event keeps the date the text gives it, its own; with none it is not an
// event of the article's day, never one of its publication day: it stays
// undated, and the store links it to the stored event it names (a
// recall, graph/store).
const Background = "background"

// backgroundWords are the prepositions and conjunctions that put the event
// after them in the past of the sentence's news: "since" always, the others
// only when the event carries its own earlier year ("after the 2008
// crisis"; "after the talks" is usually the news itself) or is named by a
// phase of it ("after the beginning of the invasion").
var backgroundWords = map[string]bool{"since": true, "after": false, "following": false, "before": false, "until": false, "during": false}

// background reports whether candidate c is a background reference, and
// the date index (into f.dates) written inside its phrase, -1 if none.
// It walks back from the trigger over what can stand inside its phrase or
// between "since" and a verb: determiners, possessives, names, dates,
// numbers and modifiers, and a phase of the event before "of" ("since the
// first days of Russia's full-scale invasion"), at most nine tokens.
func (f *finder) background(c *cand) (bool, int) {
	own := -1
	gov := ""
	phase := false
	for i, steps := c.start-1, 0; i >= 0 && steps < 9; i, steps = i-1, steps+1 {
		w := f.low[i]
		if f.date[i] >= 0 {
			if own < 0 {
				own = f.date[i]
			}
			continue
		}
		if _, ok := backgroundWords[w]; ok {
			gov = w
			break
		}
		if f.ment[i] >= 0 || phraseWord(w) || f.cls[i]&(cDeterminer|cAdjectival) != 0 {
			continue
		}
		if phaseWords[w] && i+1 < c.start && f.low[i+1] == "of" {
			phase = true
			continue
		}
		break
	}
	if own >= 0 && !f.earlierYear(own) {
		own = -1
	}
	switch {
	case gov == "since":
		return true, own
	case gov != "" && phase && !f.futureBefore(c):
		// "after the beginning of the Russian invasion": a phase of an
		// event the clause places itself after is past, unless the clause
		// looks ahead ("it will be too late after the start of …").
		return true, own
	case own >= 0 && (gov != "" || c.noun):
		// "the 2014 annexation", "after the 2008 crisis": its own year,
		// before the article's.
		return true, own
	}
	return false, -1
}

// futureBefore reports whether a future or hypothetical word ("will",
// "could", …) stands in candidate c's sentence before it: the clause
// alone would miss "it will be too late to impose sanctions after …".
func (f *finder) futureBefore(c *cand) bool {
	for i := 0; i < c.start; i++ {
		if f.cls[i]&(cFuture|cHypothetical) != 0 {
			return true
		}
	}
	return false
}

// phaseWords name a phase of an event that the recall dates from: "since
// the beginning of the invasion" recalls the invasion as much as "since
// the invasion" does.
var phaseWords = map[string]bool{"beginning": true, "start": true, "outbreak": true, "onset": true,
	"day": true, "days": true, "week": true, "weeks": true, "hours": true, "minutes": true, "months": true}

// phraseWord reports the function words that stay inside a noun phrase or
// between "since" and its clause's verb.
func phraseWord(w string) bool {
	switch w {
	case "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
		"'s", "’s", "'", "of", "ever", "full-scale", "large-scale", "last", "first", "second":
		return true
	}
	return false
}

// earlierYear reports whether date d writes a year before the article's
// publication year: a reference to the past that the publication day
// cannot stand for.
func (f *finder) earlierYear(d int) bool {
	x := f.dates[d]
	if x.Date.IsZero() || f.published.IsZero() || !writesYear(x.Span.Of(f.text)) {
		return false
	}
	return x.Date.Start.Year() < f.published.Start.Year() && x.Date.Precision >= timeline.Year
}

// dateBackground dates a background event by the date written in its own
// phrase (own, -1 if none), else by one that governs it in its clause
// ("since Russia invaded Ukraine in February"). Never by the sentence
// before or a related event, and never the publication day: a recalled
// event has its own date or none.
func (f *finder) dateBackground(ev *Event, c *cand, own int) {
	lo, hi := f.clause(c.head, c.end)
	d := own
	if d < 0 {
		d = f.governingDate(c, lo, hi)
	}
	if d < 0 {
		return
	}
	ev.Date, ev.DateSpan = f.dayOf(d, lo, hi)
	ev.DateFrom = DateText
	if !f.published.IsZero() && !ev.Date.Start.Before(f.published.Start) {
		// A recalled event is earlier than the news that recalls it.
		ev.Date, ev.DateSpan, ev.DateFrom = timeline.Date{}, graph.Span{}, ""
	}
}

// recalled reports whether candidate c stands in a background phrase
// ("since the first days of the war"): a noun that is no event alone is
// one there.
func (f *finder) recalled(c cand) bool {
	bg, _ := f.background(&c)
	return bg
}

// unnamedRecall keeps a use of force recalled without a party, a name or a
// date of its own ("since the beginning of the full-scale invasion",
// "since the first days of the war") that roles found no one for: its
// party is the
// country the article names most, by a clear margin (the invasion of
// Ukraine, in an article about Ukraine), so that the store can link it to
// the stored event; with no such country it stays no event, as before.
// It reports whether ev was kept.
func (f *finder) unnamedRecall(c *cand, ev *Event) bool {
	if c.e.category != Force || len(ev.Participants) > 0 {
		return false
	}
	if bg, own := f.background(c); !bg || own >= 0 {
		return false
	}
	// A name in the phrase says whose it is ("since the Nazi invasion"):
	// not the article's country's.
	for i, steps := c.start-1, 0; i >= 0 && steps < 9; i, steps = i-1, steps+1 {
		if f.ment[i] >= 0 {
			return false
		}
		if _, ok := backgroundWords[f.low[i]]; ok {
			break
		}
	}
	m := f.mainCountry()
	if m < 0 {
		return false
	}
	ev.Participants = []int{m}
	return true
}

// mainCountry returns the first mention of the country the article names
// most, if it is named at least twice and twice as often as any other,
// else -1. Computed once an article.
func (f *finder) mainCountry() int {
	if f.mainDone {
		return f.main
	}
	f.mainDone, f.main = true, -1
	count := map[string]int{}
	first := map[string]int{}
	for i, m := range f.mentions {
		if m.Kind != graph.Place || f.gaz == nil {
			continue
		}
		if e, ok := f.gaz.Entry(m.Text); !ok || e.Kind != gazetteer.Country {
			continue
		}
		k := strings.ToLower(m.Text)
		if _, ok := first[k]; !ok {
			first[k] = i
		}
		count[k]++
	}
	best, bestN, second := "", 0, 0
	for k, n := range count {
		if n > bestN || n == bestN && k < best {
			best, bestN, second = k, n, max(second, bestN)
		} else {
			second = max(second, n)
		}
	}
	if bestN >= 2 && bestN >= 2*second {
		f.main = first[best]
	}
	return f.main
}
