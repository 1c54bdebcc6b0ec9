package quote

import (
	"sort"
	"strings"
	"time"

	"dateline/graph"
	"dateline/graph/names"
	"dateline/timeline"
	"dateline/timeline/timex"
)

// eventNouns name the occasions on which words are said; a definite
// reference in an attribution ("at the press conference", "in the
// interview") dates the words to the day the article gave that occasion.
var eventNouns = map[string]bool{"op-ed": true, "piece": true, "conference": true, "briefing": true, "interview": true, "speech": true, "address": true,
	"meeting": true, "summit": true, "talks": true, "call": true, "statement": true, "hearing": true, "debate": true,
	"rally": true, "session": true, "visit": true, "letter": true, "broadcast": true, "appearance": true, "remarks": true,
	"plea": true, "ruling": true, "decision": true, "opinion": true, "dissent": true, "judgment": true, "judgement": true,
	"verdict": true, "testimony": true, "sentence": true, "sentencing": true, "cable": true, "memo": true, "memorandum": true, "tweet": true, "report": true}

// The court's occasions (occasionOf gives them a key ending in ":") date
// words only when the attribution places them inside the occasion ("in
// the 2-1 decision", "as a part of his plea"): "The ruling was a setback
// for Trump, whose attorneys argued …" dates the ruling, not the
// argument.

// occasionOf returns the occasion a word names, so that the words of one
// occasion meet however the article words it: a court's "ruling",
// "decision", "opinion" and its "dissent" are one occasion, and so are
// "pleaded guilty Wednesday" and "in his plea", "testified on Tuesday"
// and "in her testimony". "" for a word that names none.
func occasionOf(w string) string {
	switch w {
	case "ruling", "ruled", "decision", "opinion", "dissent", "judgment", "judgement", "verdict":
		return "ruling:"
	case "plea", "pleaded", "pled":
		return "plea:"
	case "testimony", "testified":
		return "testimony:"
	case "sentence", "sentenced", "sentencing":
		return "sentence:"
	}
	if eventNouns[w] {
		return w
	}
	return ""
}

// dater dates quotes: the time expressions of the text that can say when
// words were said, and the occasions the text dates.
type dater struct {
	d         *doc
	dates     []timex.Timex // anchored, not after the publication day, in text order
	published timeline.Date
	// events[noun] lists the sentences that name an occasion with a
	// day-precise date ("a press conference on June 1"), in text order.
	events map[string][]eventDate
	// acts[identity] lists the sentences that date something a person or
	// organisation did ("Lazar pleaded guilty Wednesday", "House
	// Oversight Committee Chairman Jason Chaffetz on Tuesday requested"),
	// in text order: the day their later words without a date of their
	// own belong to.
	acts map[string][]eventDate
	// shifted marks, by start, the bare weekdays moved back a week
	// (pastWeekday): right next to a cue, not as a sentence's opening.
	shifted map[int]bool
	// planned and cued memoise plans and hasCue by sentence (1 yes, 2
	// no), so that each sentence is read once however many quotes and
	// dates ask.
	planned, cued map[int]byte
	// nearOnly is set while dating a quote whose words were said at an
	// unspecified earlier time (unspecified): only a date at its cue.
	nearOnly bool
}

// eventDate is a sentence that names an occasion and dates it.
type eventDate struct {
	sent int
	date timeline.Date
}

// dateAll sets each quote's Date, the day its words were said, and
// DateFromPublication. In order of preference:
//
//  1. a time expression of the quote's own sentences outside its words,
//     the nearest to its cue: "said on Tuesday", "Biden on Wednesday
//     announced", "On Friday, the Kremlin said"; a year or month only
//     when it opens the sentence ("In 2014, Lavrov said") or qualifies the
//     occasion ("in a 2014 letter");
//  2. the date of the previous quote of the same speaker within three
//     sentences ("Ford said on Tuesday … It added …"), or a date that opens
//     one of the two sentences before in the same paragraph ("On Tuesday,
//     Zelenskiy visited Bucha. He said …");
//  3. the date the article gave an occasion the attribution refers back
//     to ("at the press conference", after "a press conference on June 1");
//  4. the publication day, marked DateFromPublication.
//
// Expressions inside the quoted words say what the words are about, not
// when they were said, and are never used; nor are dates after the
// publication day.
func (d *doc) dateAll(qs []Quote) {
	if len(qs) == 0 || len(d.opts.Dates) == 0 && d.opts.Published.IsZero() {
		return
	}
	dt := d.newDater(qs)
	type said struct {
		who  string
		sent int
		date timeline.Date
	}
	var prev []said // dated quotes, most recent last
	for i := range qs {
		q := &qs[i]
		who := d.speakerIdentity(*q)
		later := d.later(q) // "Trump later defended his comments": no day carried from before
		dt.nearOnly = false
		if d.newOccasion(q) {
			later = true // "Sembler responded in a text message": its own occasion, dated only by its own sentence
		}
		if d.unspecified(q) {
			// "The candidate has mocked …, referred to …", "Trump, who
			// previously questioned whether …": said at some earlier time
			// the text does not give; only a date at the cue dates it.
			later = true
			dt.nearOnly = true
		}
		date, ok := dt.own(q)
		if !ok && who != "" && !later {
			first := d.sentOf(q.Content.Start)
			for j := len(prev) - 1; j >= 0 && first-prev[j].sent <= 3; j-- {
				if prev[j].who == who {
					date, ok = prev[j].date, true
					break
				}
			}
		}
		if !ok && !later && len(prev) > 0 && d.pronounSpeaker(*q) && d.sentOf(q.Content.Start)-prev[len(prev)-1].sent <= 1 {
			date, ok = prev[len(prev)-1].date, true // "… said on Friday that … It also said …"
		}
		if !ok && !later {
			date, ok = dt.opening(q)
		}
		if !ok && who != "" && !later {
			date, ok = dt.act(who, d.sentOf(q.Content.Start)) // not "Trump later defended his comments"
		}
		if !ok && !dt.nearOnly {
			date, ok = dt.occasion(q)
		}
		if !ok && !dt.nearOnly {
			date, ok = dt.thatEvent(q) // "France was rocked by a terrorist attack in November … The Islamic State asserted responsibility for that attack"
		}
		if ok {
			q.Date = date
			prev = append(prev, said{who, d.sentOf(max(q.Content.End-1, q.Content.Start)), date})
			continue
		}
		if !d.opts.Published.IsZero() {
			q.Date = timeline.At(d.opts.Published.Start, timeline.Day)
			q.DateFromPublication = true
		}
	}
}

// newDater indexes the text's usable time expressions and its dated
// occasions, in one pass over each.
func (d *doc) newDater(qs []Quote) *dater {
	contents := make([]graph.Span, 0, len(qs))
	for _, q := range qs {
		contents = append(contents, q.Content)
	}
	sort.Slice(contents, func(i, j int) bool { return contents[i].Start < contents[j].Start })
	dt := &dater{d: d, published: d.opts.Published, events: map[string][]eventDate{}, acts: map[string][]eventDate{}, shifted: map[int]bool{},
		planned: map[int]byte{}, cued: map[int]byte{}}
	limit := d.opts.Published
	for _, x := range d.opts.Dates {
		if !x.Anchored() || x.Span.Start < 0 || x.Span.End > len(d.text) || x.Span.Start >= x.Span.End {
			continue
		}
		if !limit.IsZero() && !x.Date.Start.Before(limit.End()) {
			if back, ok := pastWeekday(x, limit); ok {
				x.Date = back // "The FBI said Tuesday that …" in a Wednesday's paper: the Tuesday before
				dt.shifted[x.Span.Start] = true
			} else {
				continue // after the publication day: a plan, not a saying
			}
		}
		if len(dt.dates) > 0 && x.Span.Start < dt.dates[len(dt.dates)-1].Span.End {
			continue // out of order or overlapping: keep text order
		}
		switch strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(x.Text, "'s"), "’s")) {
		case "the day", "that day", "this day":
			continue // the day of something the text named before, not a said-on date
		case "later in the day", "earlier in the day", "later that day", "earlier that day", "the same day", "that same day", "later the same day":
			// The day of the sentence before, told by its first date ("Early
			// Tuesday, the State Department disclosed … in a letter Friday
			// …. Later in the day, the FBI said"), not the last one named.
			if back, ok := dt.sentenceDay(x.Span.Start); ok {
				x.Date = back
			}
		}
		if dt.inName(graph.Span(x.Span)) {
			continue // "the March of Dimes", "Easter Seals"
		}
		dt.dates = append(dt.dates, x)
	}
	for _, x := range dt.dates {
		if x.Date.Precision < timeline.Day {
			dt.qualified(x) // "a 2014 Senate Benghazi hearing" … "during the Senate Benghazi hearing"
			continue
		}
		k := d.tokAt(x.Span.Start)
		if k >= len(d.toks) {
			continue
		}
		s := d.toks[k].sent
		a, b := d.sentBounds(s)
		if d.inQuote[k] >= 0 {
			continue
		}
		for j := a; j < b; j++ {
			if w := occasionOf(d.toks[j].lower); w != "" && d.inQuote[j] < 0 {
				if n := len(dt.events[w]); n == 0 || dt.events[w][n-1].sent != s {
					dt.events[w] = append(dt.events[w], eventDate{s, dayOf(x.Date)})
				}
			}
		}
		if !insideAny(graph.Span(x.Span), contents) {
			who := d.subjectBefore(a, k)
			if who == "" && dt.opensSentence(graph.Span(x.Span)) || who == "" && d.frontedEvent(a, k) {
				who = d.subjectAfterComma(k, b) // "On Wednesday, Trump urged …"; "In his speech Thursday evening, Trump laid out …"
			}
			if who != "" && !dt.plans(s) {
				if n := len(dt.acts[who]); n == 0 || dt.acts[who][n-1].sent != s {
					dt.acts[who] = append(dt.acts[who], eventDate{s, dayOf(x.Date)})
				}
			}
		}
	}
	return dt
}

// qualified indexes an occasion dated to a year, month or week by the
// expression that qualifies it ("a 2014 Senate Benghazi hearing", "his
// March speech"): the noun after the expression, within three words.
func (dt *dater) qualified(x timex.Timex) {
	d := dt.d
	if !dt.qualifies(graph.Span(x.Span)) {
		return
	}
	e := d.tokAt(x.Span.End - 1)
	for n := e + 1; n < len(d.toks) && n <= e+4; n++ {
		if w := occasionOf(d.toks[n].lower); w != "" && d.inQuote[n] < 0 {
			s := d.toks[n].sent
			if k := len(dt.events[w]); k == 0 || dt.events[w][k-1].sent != s {
				dt.events[w] = append(dt.events[w], eventDate{s, x.Date})
			}
			return
		}
	}
}

// recent reports whether a date falls in the week before the publication
// day: a scene the article reports, not a past episode it recalls.
func (dt *dater) recent(t timeline.Date) bool {
	return !dt.published.IsZero() && !t.Start.Before(dt.published.Start.AddDate(0, 0, -7))
}

// plans is doc.plans of sentence s, memoised.
func (dt *dater) plans(s int) bool {
	if v, ok := dt.planned[s]; ok {
		return v == 1
	}
	a, b := dt.d.sentBounds(s)
	v := dt.d.plans(a, b)
	dt.planned[s] = yesNo(v)
	return v
}

// yesNo is a memoised answer: 1 for yes, 2 for no.
func yesNo(v bool) byte {
	if v {
		return 1
	}
	return 2
}

// hasCue is doc.hasCue, memoised.
func (dt *dater) hasCue(s int) bool {
	if v, ok := dt.cued[s]; ok {
		return v == 1
	}
	v := dt.d.hasCue(s)
	dt.cued[s] = yesNo(v)
	return v
}

// hasCue reports whether sentence s holds a speech cue outside quotation
// marks ("said", "called", "in a statement"): then it reports words of
// its own, not the scene of the words before it.
func (d *doc) hasCue(s int) bool {
	a, b := d.sentBounds(s)
	for k := a; k < b; k++ {
		if d.inQuote[k] < 0 && (!d.toks[k].upper && isCue(d.toks[k].lower) || d.toks[k].lower == "called" || d.toks[k].lower == "statement") {
			return true
		}
	}
	return false
}

// sentenceDay returns the first day-precise date kept so far in the
// sentence before the one at byte offset pos.
func (dt *dater) sentenceDay(pos int) (timeline.Date, bool) {
	d := dt.d
	s := d.sentOf(pos) - 1
	if s < 0 {
		return timeline.Date{}, false
	}
	a, b := d.sentBounds(s)
	if a >= b {
		return timeline.Date{}, false
	}
	start := d.toks[a].span.Start
	i := sort.Search(len(dt.dates), func(i int) bool { return dt.dates[i].Span.Start >= start })
	for ; i < len(dt.dates) && dt.dates[i].Span.Start < d.toks[b-1].span.End; i++ {
		if dt.dates[i].Date.Precision >= timeline.Day {
			return dayOf(dt.dates[i].Date), true
		}
	}
	return timeline.Date{}, false
}

// pastWeekday returns, for a bare weekday that the time tagger put in the
// week after the publication day ("said Tuesday" in a Wednesday paper),
// the same weekday of the week before: words reported as said are said
// on or before the day they are printed. ok is false for other
// expressions.
func pastWeekday(x timex.Timex, published timeline.Date) (timeline.Date, bool) {
	if x.Date.Precision != timeline.Day || x.Date.Start.Sub(published.Start) > 7*24*time.Hour {
		return timeline.Date{}, false
	}
	w := strings.ToLower(x.Text)
	for _, day := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if strings.Contains(w, day) {
			return timeline.At(x.Date.Start.AddDate(0, 0, -7), timeline.Day), true
		}
	}
	return timeline.Date{}, false
}

// dayOf is a said-on date: to the day at the finest.
func dayOf(t timeline.Date) timeline.Date {
	if t.Precision > timeline.Day {
		return timeline.At(t.Start, timeline.Day)
	}
	return t
}

// sentOf returns the sentence of the token at byte offset pos.
func (d *doc) sentOf(pos int) int {
	k := d.tokAt(pos)
	if k >= len(d.toks) {
		return len(d.sents) - 1
	}
	return d.toks[k].sent
}

// speakerIdentity names who a quote's speaker resolved to, the same for
// all the quotes of one speaker ("Emmanuel Macron", "Macron", "he" for
// him); "" when unresolved.
func (d *doc) speakerIdentity(q Quote) string {
	switch {
	case q.SpeakerMention >= 0 && q.SpeakerMention < len(d.mentions):
		m := d.mtok[q.SpeakerMention]
		if m[0] < 0 {
			return ""
		}
		return d.mentions[q.SpeakerMention].Kind.String() + ":" + d.toks[m[1]-1].lower
	case q.Institution != nil:
		return "inst:" + q.Institution.Name + ":" + q.Institution.Country
	}
	return ""
}

// pronounSpeaker reports whether a quote's speaker is a third-person
// pronoun ("It also said", "he added").
func (d *doc) pronounSpeaker(q Quote) bool {
	switch strings.ToLower(q.SpeakerText) {
	case "he", "she", "it", "they", "him", "her", "them":
		return true
	}
	return false
}

// own returns the date given in the quote's own sentences, outside its
// words: the usable expression nearest to the cue.
func (dt *dater) own(q *Quote) (timeline.Date, bool) {
	from := sort.Search(len(dt.dates), func(i int) bool { return dt.dates[i].Span.Start >= q.Sentence.Start })
	at := q.CueSpan.Start
	if q.CueSpan.End <= q.CueSpan.Start {
		at = q.Speaker.Start
	}
	best, bestDist := -1, 0
	for i := from; i < len(dt.dates) && dt.dates[i].Span.End <= q.Sentence.End; i++ {
		x := dt.dates[i]
		if inside(graph.Span(x.Span), q.Parts) || inside(graph.Span(x.Span), []graph.Span{q.Content}) && len(q.Parts) <= 1 {
			continue
		}
		between := inside(graph.Span(x.Span), []graph.Span{q.Content}) // between the parts of a split quote
		if dt.nearOnly && !dt.nearCue(graph.Span(x.Span), q) {
			continue
		}
		if k := dt.d.tokAt(x.Span.Start); k < len(dt.d.toks) && dt.d.inQuote[k] >= 0 {
			continue // inside someone's quoted words: what they speak of ("Seventeen years ago, this would not have been possible")
		}
		if (x.Date.Precision < timeline.Week || between) && !dt.opensSentence(graph.Span(x.Span)) && !dt.qualifies(graph.Span(x.Span)) && !dt.nearCue(graph.Span(x.Span), q) {
			continue // not "set up for the day's festivities, he said"
		}
		if dt.otherClause(graph.Span(x.Span), at) {
			continue // "The broadcasts began on August 10 and South Korea says …"
		}
		dist := x.Span.Start - at
		if dist < 0 {
			dist = at - x.Span.End
		}
		if best < 0 || dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		return timeline.Date{}, false
	}
	return dayOf(dt.dates[best].Date), true
}

// inside reports whether s overlaps any of the spans.
func inside(s graph.Span, spans []graph.Span) bool {
	for _, p := range spans {
		if s.Start < p.End && p.Start < s.End {
			return true
		}
	}
	return false
}

// opensSentence reports whether the time expression at s opens its
// sentence, alone or after a preposition ("On Friday,", "In 2014,").
func (dt *dater) opensSentence(s graph.Span) bool {
	d := dt.d
	k := d.tokAt(s.Start)
	if k >= len(d.toks) {
		return false
	}
	a, _ := d.sentBounds(d.toks[k].sent)
	for j := a; j < k; j++ {
		switch d.toks[j].lower {
		case "on", "in", "at", "during", "last", "earlier", "late", "early", "this", "\"", "“", "but", "and", "then", "also", "yet", "so":
		default:
			return false
		}
	}
	return true
}

// nearCue reports whether the time expression at s belongs to the
// attribution of q: within four words of its cue, outside its words, with
// no comma or clause between ("told the Tampa Bay Times in February",
// "announced last month that", "intervened in April, arguing").
func (dt *dater) nearCue(s graph.Span, q *Quote) bool {
	d := dt.d
	if q.CueSpan.End <= q.CueSpan.Start {
		return false
	}
	c := d.tokAt(q.CueSpan.Start)
	k := d.tokAt(s.Start)
	e := d.tokAt(s.End - 1)
	if c >= len(d.toks) || k >= len(d.toks) || e >= len(d.toks) {
		return false
	}
	lo, hi := min(c, k), max(c, e)
	if hi-lo > 6 {
		return false
	}
	for j := lo; j <= hi; j++ {
		if t := d.toks[j]; t.text == ";" || d.inQuote[j] >= 0 || isMark(t.text) || t.lower == "that" && j > c && j < k {
			return false
		}
	}
	return true
}

// inName reports whether the time expression at s lies in a name ("the
// March of Dimes"): one the tagger found, or a month followed by "of"
// and a capitalised word.
func (dt *dater) inName(s graph.Span) bool {
	d := dt.d
	k := d.tokAt(s.Start)
	if k >= len(d.toks) {
		return false
	}
	if m := d.toks[k].ment; m >= 0 && (d.mentions[m].Kind == graph.Org || d.mentions[m].Kind == graph.Person) {
		return true
	}
	e := d.tokAt(s.End - 1)
	if e == k && d.toks[k].word && e+1 < len(d.toks) && d.toks[e+1].upper && d.toks[e+1].word && d.toks[e+1].sent == d.toks[e].sent &&
		!timeWords[d.toks[e+1].lower] && !d.dateWord(e+1) {
		return true // "Easter Seals"
	}
	return e == k && e+2 < len(d.toks) && d.toks[e+1].lower == "of" && d.toks[e+2].upper
}

// otherClause reports whether the time expression at s stands before the
// cue at byte at in another clause joined by a conjunction ("began on
// August 10 and South Korea says"): that clause's date.
func (dt *dater) otherClause(s graph.Span, at int) bool {
	d := dt.d
	if s.End > at {
		return false
	}
	for k := d.tokAt(s.End); k < len(d.toks) && d.toks[k].span.Start < at; k++ {
		switch d.toks[k].lower {
		case "but", "while", "whereas", ";", "although":
			return true
		case "and":
			if d.clauseAfter(k) {
				return true
			}
		}
	}
	return false
}

// clauseAfter reports whether the "and" at token k opens a clause with a
// subject of its own ("began on August 10 and South Korea says", "and
// he said"), not a second noun ("pleaded guilty Wednesday to aggravated
// identity theft and unauthorized access …, admitting that").
func (d *doc) clauseAfter(k int) bool {
	if k+1 >= len(d.toks) || d.toks[k+1].sent != d.toks[k].sent {
		return false
	}
	n := d.toks[k+1]
	if n.ment >= 0 || determiners[n.lower] || n.upper {
		return true
	}
	switch n.lower {
	case "he", "she", "it", "they", "we", "i", "you", "then", "later", "on", "in":
		return true
	}
	return false
}

// qualifies reports whether the time expression at s qualifies an
// occasion: "a 2014 letter", "his March speech", "a 2014 Senate Benghazi
// hearing", "a news conference late last month".
func (dt *dater) qualifies(s graph.Span) bool {
	d := dt.d
	k := d.tokAt(s.Start)
	e := d.tokAt(s.End - 1)
	if k == 0 || e+1 >= len(d.toks) {
		return false
	}
	if determiners[d.toks[k-1].lower] {
		for n := e + 1; n < len(d.toks) && n <= e+3; n++ {
			if eventNouns[d.toks[n].lower] {
				return true
			}
			if !d.toks[n].upper {
				break
			}
		}
	}
	p := k - 1
	if p > 0 && (d.toks[p].lower == "late" || d.toks[p].lower == "early") {
		p--
	}
	return eventNouns[d.toks[p].lower] // "a news conference late last month"
}

// opening returns a date that opens one of the two sentences before the
// quote's in the same paragraph ("On Tuesday, Zelenskiy visited Bucha.").
func (dt *dater) opening(q *Quote) (timeline.Date, bool) {
	d := dt.d
	s := d.sentOf(q.Sentence.Start)
	for back := 1; back <= 2 && s-back >= 0; back++ {
		a, b := d.sentBounds(s - back)
		if a >= b || strings.Contains(d.text[d.toks[b-1].span.End:d.toks[b].span.Start], "\n\n") {
			break // a paragraph break between that sentence and the next
		}
		from := sort.Search(len(dt.dates), func(i int) bool { return dt.dates[i].Span.Start >= d.toks[a].span.Start })
		if from < len(dt.dates) && dt.dates[from].Span.End <= d.toks[b-1].span.End && d.inQuote[d.tokAt(dt.dates[from].Span.Start)] < 0 &&
			dt.opensSentence(graph.Span(dt.dates[from].Span)) &&
			dt.dates[from].Date.Precision >= timeline.Week && !dt.shifted[dt.dates[from].Span.Start] && !dt.plans(s-back) &&
			d.sameActor(*q, d.tokAt(dt.dates[from].Span.End), b) {
			// not "On Wednesday, Mohamed and his father are to travel …"
			// in a Tuesday's paper, a plan the weekday was moved back from
			return dayOf(dt.dates[from].Date), true
		}
	}
	return timeline.Date{}, false
}

// subjectBefore returns the identity (as speakerIdentity writes it) of the
// person or organisation that is the subject of the sentence starting at
// token a, named before token k outside quotation marks and not after a
// preposition: "Lazar" in "Lazar pleaded guilty Wednesday"; "" when the
// first name of the sentence is not such a subject.
func (d *doc) subjectBefore(a, k int) string {
	for j := a; j < k; j++ {
		m := d.toks[j].ment
		if m < 0 || d.mtok[m][0] != j || d.inQuote[j] >= 0 {
			continue
		}
		kind := d.mentions[m].Kind
		if kind != graph.Person && kind != graph.Org || d.afterPreposition(j, a) {
			return ""
		}
		for n := d.mtok[m][1]; n < k; n++ {
			switch d.toks[n].lower {
			case "which", "who", "whom", "that", "when", ",", "and", "after", "before", "while", "because":
				return "" // the date is another clause's: "Putin commented on Macron's address, which he delivered yesterday"
			}
		}
		return kind.String() + ":" + d.toks[d.mtok[m][1]-1].lower
	}
	return ""
}

// frontedEvent reports whether tokens [a,k) open the sentence with a
// phrase about an occasion ("In his nomination acceptance speech"): a
// preposition, then an occasion's noun, no comma.
func (d *doc) frontedEvent(a, k int) bool {
	if !frontedPreps[d.toks[a].lower] {
		return false
	}
	for j := a + 1; j < k; j++ {
		if d.toks[j].text == "," {
			return false
		}
		if eventNouns[d.toks[j].lower] {
			return true
		}
	}
	return false
}

// subjectAfterComma returns the identity of the person or organisation
// that opens the main clause after the fronted phrase holding token k:
// the first name after the next comma, if it is that clause's first word
// (past titles); "" otherwise.
func (d *doc) subjectAfterComma(k, b int) string {
	for j := k; j < b && j < k+12; j++ {
		if d.toks[j].text != "," {
			continue
		}
		for n := j + 1; n < b && n <= j+5; n++ {
			t := d.toks[n]
			if m := t.ment; m >= 0 && d.mtok[m][0] == n {
				if kind := d.mentions[m].Kind; kind == graph.Person || kind == graph.Org {
					return kind.String() + ":" + d.toks[d.mtok[m][1]-1].lower
				}
				return ""
			}
			if !t.word || !t.upper && !determiners[t.lower] && !names.Is(t.lower, names.Title|names.PersonNoun|names.Modifier) {
				return ""
			}
		}
		return ""
	}
	return ""
}

// insideAny reports whether s lies inside one of the spans, sorted by
// start: a binary search, then a look at the spans that start before s.
func insideAny(s graph.Span, spans []graph.Span) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].Start > s.Start })
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if spans[j].Start <= s.Start && s.End <= spans[j].End {
			return true
		}
	}
	return false
}

// later reports whether the attribution of q says it came after what the
// text told before ("Trump later defended his comments", "has since
// said"): a word of that kind between the speaker and the cue.
func (d *doc) later(q *Quote) bool {
	lo, hi := min(q.Speaker.Start, q.CueSpan.Start), max(q.Speaker.End, q.CueSpan.End)
	if hi <= lo {
		return false
	}
	for k := d.tokAt(lo); k < len(d.toks) && d.toks[k].span.End <= hi+20; k++ {
		switch d.toks[k].lower {
		case "later", "since", "afterwards", "afterward", "subsequently", "now":
			return true
		}
	}
	return false
}

// sameActor reports whether the sentence whose date opens it, with its
// subject after the date at tokens [k,b), can be the occasion of q's
// words: its subject is q's speaker, or either is not a name. "On
// September 29, Scientology officials went to the station. Whitmore told
// LA Weekly that …" and "Yesterday, North Korea fired artillery rounds
// … KCNA added" date another actor's act, not the words.
func (d *doc) sameActor(q Quote, k, b int) bool {
	who := d.speakerIdentity(q)
	if who == "" || d.pronounSpeaker(q) {
		return true
	}
	for j := k; j < b && j < k+8; j++ {
		if m := d.toks[j].ment; m >= 0 && d.mtok[m][0] == j {
			return d.mentions[m].Kind.String()+":"+d.toks[d.mtok[m][1]-1].lower == who
		}
		if t := d.toks[j]; t.word && !t.upper && !determiners[t.lower] {
			return true // the subject is no name: "the two leaders met"
		}
	}
	return true
}

// plans reports whether the sentence at tokens [a,b) tells what is to
// come ("On Wednesday, Mohamed and his father are to travel to the United
// Nations"): its date is no day anything was said on.
func (d *doc) plans(a, b int) bool {
	for k := a; k+1 < b; k++ {
		if d.inQuote[k] >= 0 {
			continue
		}
		w, next := d.toks[k].lower, d.toks[k+1].lower
		switch {
		case w == "will" || w == "'ll" || w == "’ll" || w == "shall":
			return true
		case (w == "is" || w == "are" || w == "was" || w == "were") && (next == "to" || next == "set" || next == "scheduled" || next == "expected" || next == "due"):
			return true
		case (w == "plans" || w == "planned" || w == "intends") && next == "to":
			return true
		}
	}
	return false
}

// newOccasion reports whether the attribution names an occasion of its
// own that the article has not dated ("Sembler responded in a text
// message", "said in an interview"): the day of earlier words is not
// its day.
func (d *doc) newOccasion(q *Quote) bool {
	if q.CueSpan.End <= q.CueSpan.Start {
		return false
	}
	c := d.tokAt(q.CueSpan.Start)
	if c >= len(d.toks) {
		return false
	}
	for k := c + 1; k+2 < len(d.toks) && k <= c+6 && d.toks[k].sent == d.toks[c].sent && d.inQuote[k] < 0; k++ {
		if d.toks[k].lower != "in" || d.toks[k+1].lower != "a" && d.toks[k+1].lower != "an" {
			continue
		}
		for n := k + 2; n < len(d.toks) && n <= k+4; n++ {
			if w := d.toks[n].lower; eventNouns[w] || w == "message" {
				return true
			}
		}
	}
	return false
}

// unspecified reports whether q's words were said at an earlier time the
// text leaves open: a perfect between the speaker and the cue ("has
// said", "The candidate has mocked a reporter, referred to …") or
// "previously" ("Trump, who previously questioned whether …").
func (d *doc) unspecified(q *Quote) bool {
	if q.CueSpan.End <= q.CueSpan.Start || q.Speaker.End <= q.Speaker.Start || q.Speaker.End > q.CueSpan.Start {
		return false
	}
	c := d.tokAt(q.CueSpan.Start)
	for k := d.tokAt(q.Speaker.End); k < c && k < len(d.toks); k++ {
		switch d.toks[k].lower {
		case "has", "have", "'ve", "’ve", "previously":
			return true
		case ";", "but", "that":
			return false
		}
	}
	return false
}

// maxAct is how many sentences back a dated act of a speaker dates the
// speaker's words.
const maxAct = 12

// act returns the date of the last dated act of the speaker who in the
// maxAct sentences up to sentence s ("Lazar pleaded guilty Wednesday" …
// "Lazar admitted in his plea that …").
func (dt *dater) act(who string, s int) (timeline.Date, bool) {
	acts := dt.acts[who]
	i := sort.Search(len(acts), func(i int) bool { return acts[i].sent > s }) - 1
	if i < 0 || s-acts[i].sent > maxAct {
		if i+1 < len(acts) && acts[i+1].sent == s+1 && !dt.hasCue(s+1) && dt.recent(acts[i+1].date) {
			return acts[i+1].date, true // "Reid told reporters that …" and then "Reid was among friends … Wednesday morning"
		}
		return timeline.Date{}, false
	}
	return acts[i].date, true
}

// occasion returns the date of an occasion the quote's attribution refers
// back to with a definite article ("at the press conference"): the last
// sentence before the quote that named it with a day-precise date.
func (dt *dater) occasion(q *Quote) (timeline.Date, bool) {
	d := dt.d
	a := d.tokAt(q.Sentence.Start)
	b := d.tokAt(max(q.Sentence.End-1, q.Sentence.Start))
	for k := a + 1; k <= b && k < len(d.toks); k++ {
		t := d.toks[k]
		if !eventNouns[t.lower] || d.inQuote[k] >= 0 || inside(t.span, q.Parts) || inside(t.span, []graph.Span{q.Content}) {
			continue
		}
		court := occasionOf(t.lower) != t.lower
		if !(d.referredBack(k, a) && (!court || d.inOccasion(k, a))) && !(court && d.speakersAct(q, k)) {
			continue
		}
		evs := dt.events[occasionOf(t.lower)]
		s := d.toks[a].sent
		i := sort.Search(len(evs), func(i int) bool { return evs[i].sent >= s }) - 1
		if i >= 0 {
			return evs[i].date, true
		}
	}
	return timeline.Date{}, false
}

// speakersAct reports whether the occasion noun at token k is the object
// of the speaker's own act that the cue goes on from: "Judge James C.
// Cacheris imposed a 52-month sentence, saying …" is said at the
// sentencing the article dated.
func (d *doc) speakersAct(q *Quote, k int) bool {
	if q.Speaker.End <= q.Speaker.Start || q.CueSpan.End <= q.CueSpan.Start {
		return false
	}
	if q.Speaker.End > d.toks[k].span.Start || d.toks[k].span.End > q.CueSpan.Start || d.toks[k].sent != d.sentOf(q.CueSpan.Start) {
		return false
	}
	for j := d.tokAt(q.Speaker.End); j < k; j++ {
		switch d.toks[j].lower {
		case "for", "of", "in", "to", "on", "at", "with", "about", "against", ",":
			return false // "asked for a sentence of three years, calling …": a request, not the sentencing
		}
	}
	return true
}

// inOccasion reports whether a preposition puts the words inside the
// occasion noun at token k: "in his plea", "as a part of his plea",
// "according to Lazar's plea agreement", "writing for the majority in
// the 2-1 decision".
func (d *doc) inOccasion(k, a int) bool {
	for j := k - 1; j >= a && j >= k-5; j-- {
		switch d.toks[j].lower {
		case "in", "of", "to", "during", "at":
			return true
		}
	}
	return false
}

// thatEvent returns the date of an event the attribution points back to
// with a demonstrative after a preposition ("asserted responsibility for
// that attack"), when one of the two sentences before names that noun
// and dates it outside quotation marks ("France was rocked by a
// devastating terrorist attack in November"): the words belong to it.
func (dt *dater) thatEvent(q *Quote) (timeline.Date, bool) {
	d := dt.d
	a := d.tokAt(q.Sentence.Start)
	b := d.tokAt(max(q.Sentence.End-1, q.Sentence.Start))
	s := d.sentOf(q.Sentence.Start)
	for k := a + 1; k+1 <= b && k+1 < len(d.toks); k++ {
		if d.toks[k].lower != "that" || d.inQuote[k] >= 0 || !linkPreps[d.toks[k-1].lower] {
			continue
		}
		noun := d.toks[k+1].lower
		if !d.toks[k+1].word || d.toks[k+1].upper {
			continue
		}
		for back := 1; back <= 2 && s-back >= 0; back++ {
			sa, sb := d.sentBounds(s - back)
			from := sort.Search(len(dt.dates), func(i int) bool { return dt.dates[i].Span.Start >= d.toks[sa].span.Start })
			if from >= len(dt.dates) || dt.dates[from].Span.Start >= d.toks[max(sb-1, sa)].span.End {
				continue // the sentence dates nothing
			}
			for j := sa; j < sb; j++ {
				if d.toks[j].lower == noun && d.inQuote[j] < 0 {
					return dayOf(dt.dates[from].Date), true
				}
			}
		}
	}
	return timeline.Date{}, false
}

// referredBack reports whether the occasion noun at token k is definite,
// an occasion the article has spoken of ("the press conference", "that
// interview", "the 2-1 decision", "in his plea", "in her dissent",
// "Lazar's plea agreement"), not a new one ("a statement"). a is the
// first token of the sentence.
func (d *doc) referredBack(k, a int) bool {
	for j := k - 1; j >= a && j >= k-4; j-- {
		switch d.toks[j].lower {
		case "the", "that", "this", "his", "her", "its", "their", "'s", "’s":
			return true
		case "a", "an", "one", "another", "any", "some", ",", ";":
			return false
		}
		if !d.toks[j].word && !d.toks[j].num && d.toks[j].text != "-" {
			return false
		}
	}
	return false
}
