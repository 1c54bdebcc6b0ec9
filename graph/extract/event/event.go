package event

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/names"
	"dateline/timeline"
	"dateline/timeline/timex"
)

// Event is one happening reported in a sentence.
type Event struct {
	Category    string     // one of the category constants
	Trigger     string     // the trigger as written: "met", "talks", "authorised the deployment", "invasion"
	TriggerSpan graph.Span // byte span of Trigger in the text
	Sentence    graph.Span // the sentence the event was found in
	// SentenceIndex is the index of that sentence in the slice given to Find.
	SentenceIndex int
	// Participants are indexes into the mentions given to Find (people,
	// organisations, and places or nationality words standing for a state:
	// "Russia", "Moscow has amassed", "Russian troops"), in text order.
	Participants []int
	Actor        int           // the participant who acts (subject of the trigger), else -1
	Target       int           // the participant acted on (force, sanctions, threat, demand, …), else -1
	Place        int           // index of the PLACE mention where it happened, else -1
	Date         timeline.Date // the date expression that governs the trigger, else zero
	DateSpan     graph.Span    // span of that expression; zero when Date is zero
}

// Find returns the events reported in text, in the order of their triggers.
// sents are the text's sentences (segment.Split), mentions the names found
// in it (ner.Tagger.Tag) and dates its date expressions (timex.Tag); events
// refer to mentions by index. Mentions and dates whose spans do not fit the
// text are ignored. Find is deterministic, safe for concurrent use, and
// never panics on any input.
//
// gaz, the gazetteer the rest of extraction uses, tells countries (which
// act) from cities (where things happen) and nationality words from other
// names. With a nil gaz no name is a nationality word or a known place
// and every place counts as a country.
//
// Triggers in negated, hypothetical or intended clauses ("could act on
// invading", "no plans to attack", "deny … invading", "if they attack")
// and in questions make no event: the timeline shows what happened.
func Find(gaz *gazetteer.Table, text string, sents []segment.Sentence, mentions []ner.Mention, dates []timex.Timex) []Event {
	f := finder{gaz: gaz, text: text, mentions: mentions, dates: dates}
	nm := len(mentions)
	idx := make([]int, 3*nm)
	f.first, f.last, f.seen = idx[:nm], idx[nm:2*nm], idx[2*nm:]
	flags := make([]int8, 2*nm)
	f.elig, f.placey = flags[:nm], flags[nm:]
	f.mOrder = order(len(mentions), func(i int) graph.Span { return mentions[i].Span }, len(text))
	f.dOrder = order(len(dates), func(i int) graph.Span {
		d := dates[i]
		if (d.Type != timex.Date && d.Type != timex.Time) || !d.Anchored() {
			return graph.Span{Start: -1, End: -1}
		}
		return graph.Span(d.Span)
	}, len(text))
	var out []Event
	for si, s := range sents {
		if s.Span.Start < 0 || s.Span.End > len(text) || s.Span.Start > s.Span.End || len(s.Tokens) == 0 {
			continue
		}
		f.cur = si + 1
		out = f.sentence(out, si, s)
	}
	return out
}

// order returns the indexes of the spans that fit in a text of length n,
// sorted by start.
func order(count int, span func(int) graph.Span, n int) []int {
	idx := make([]int, 0, count)
	for i := 0; i < count; i++ {
		s := span(i)
		if s.Start >= 0 && s.End <= n && s.Start < s.End {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return span(idx[a]).Start < span(idx[b]).Start })
	return idx
}

// finder holds one call's inputs and the scratch space reused across its
// sentences.
type finder struct {
	gaz      *gazetteer.Table // nil: none
	text     string
	mentions []ner.Mention
	dates    []timex.Timex
	mOrder   []int
	dOrder   []int

	// per sentence
	toks   []token.Token
	own    []token.Token // scratch for toks when a sentence has invalid tokens
	low    []string
	ment   []int // token → mention index, -1
	date   []int // token → date index, -1
	stop   []bool
	cls    []uint32        // token → word class bits (see classes)
	title  []int8          // token → is a title: 0 not yet known, 1 yes, 2 no
	titles map[string]bool // names.IsTitle's answers for this call's words
	first  []int           // mention index → its first token in its sentence
	last   []int           // mention index → its last token
	elig   []int8          // mention index → eligible: 0 not yet known, 1 yes, 2 no
	placey []int8          // mention index → placeLike, as elig
	seen   []int           // mention index → 1 + the sentence its tokens were last marked in
	cur    int             // 1 + the sentence being read
	cands  []cand
	events []Event
}

// cand is a trigger found in a sentence, before its roles are filled.
type cand struct {
	e          *entry
	start, end int // the phrase's tokens [start, end)
	head       int // the verb that governs it: the light verb, or start
	noun       bool
	light      bool
}

func (f *finder) sentence(out []Event, si int, s segment.Sentence) []Event {
	if !f.load(s) {
		return out // no trigger word: nothing to read closely
	}
	n := len(f.toks)
	if n == 0 || f.toks[n-1].Text == "?" {
		return out
	}
	f.findTriggers()
	f.events = f.events[:0]
	for ci := range f.cands {
		c := &f.cands[ci]
		if f.hypothetical(c) {
			continue
		}
		if ev, ok := f.roles(ci, si, s.Span); ok {
			f.events = append(f.events, ev)
		}
	}
	return append(out, f.merge(f.events)...)
}

// load prepares the sentence's tokens, their word classes and their links
// to mentions and dates. It stops early, returning false, when no word of
// the sentence can start a trigger, which is what most sentences cost.
func (f *finder) load(s segment.Sentence) bool {
	valid := func(t token.Token) bool {
		return t.Span.Start >= 0 && t.Span.End <= len(f.text) && t.Span.Start < t.Span.End
	}
	f.toks = s.Tokens
	for i := range s.Tokens {
		if !valid(s.Tokens[i]) {
			// Copy the valid ones only (never the case for segment.Split).
			f.toks = append(f.own[:0], s.Tokens[:i]...)
			for _, t := range s.Tokens[i:] {
				if valid(t) {
					f.toks = append(f.toks, t)
				}
			}
			f.own = f.toks
			break
		}
	}
	n := len(f.toks)
	f.low = resize(f.low, n)
	if cap(f.cls) < n {
		f.cls = make([]uint32, n)
	}
	f.cls = f.cls[:n]
	found := false
	for i := range f.toks {
		// Capitalised words inside a sentence are names, never triggers
		// or function words: keep them as written and save lower-casing
		// them.
		t := &f.toks[i]
		f.low[i], f.cls[i] = t.Text, 0
		if i == 0 || f.toks[i-1].Class == token.Punct || isLower(t.Text) {
			w := strings.ToLower(t.Text)
			f.low[i] = w
			if maybeListed(w) {
				f.cls[i] = classes[w]
				found = found || f.cls[i]&cTrigger != 0
			}
		}
	}
	if !found {
		return false
	}
	f.ment = resizeInt(f.ment, n)
	f.date = resizeInt(f.date, n)
	if cap(f.title) < n {
		f.title = make([]int8, n)
	}
	f.title = f.title[:n]
	clear(f.title)
	f.stop = f.stop[:0]
	for i := range f.toks {
		f.ment[i], f.date[i] = -1, -1
	}
	mark := func(idx []int, span func(int) graph.Span, into []int, first, last []int) {
		lo := sort.Search(len(idx), func(i int) bool { return span(idx[i]).Start >= s.Span.Start })
		for _, m := range idx[lo:] {
			sp := span(m)
			if sp.Start >= s.Span.End {
				break
			}
			i := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].Span.End > sp.Start })
			for ; i < len(f.toks) && f.toks[i].Span.Start < sp.End; i++ {
				if into[i] >= 0 {
					continue
				}
				into[i] = m
				if first != nil {
					if f.seen[m] != f.cur {
						f.seen[m], first[m] = f.cur, i
						f.elig[m], f.placey[m] = 0, 0
					}
					last[m] = i
				}
			}
		}
	}
	mark(f.mOrder, func(i int) graph.Span { return f.mentions[i].Span }, f.ment, f.first, f.last)
	mark(f.dOrder, func(i int) graph.Span { return graph.Span(f.dates[i].Span) }, f.date, nil, nil)
	for i, t := range f.toks {
		if f.ment[i] >= 0 { // names are never words of the lists
			f.low[i], f.cls[i] = t.Text, 0
		}
	}
	for i := range f.toks {
		f.stop = append(f.stop, f.isStop(i))
	}
	return true
}

// isTitle reports whether token i is a title ("President"), asking
// package names once per token.
func (f *finder) isTitle(i int) bool {
	if f.title[i] == 0 {
		f.title[i] = 2
		w := f.toks[i].Text
		if f.toks[i].Class != token.Word {
			return false
		}
		is, ok := f.titles[w]
		if !ok {
			is = names.IsTitle(w)
			if f.titles == nil {
				f.titles = map[string]bool{}
			}
			f.titles[w] = is
		}
		if is {
			f.title[i] = 1
		}
	}
	return f.title[i] == 1
}

// word returns token i in lower case, also when load kept it as written.
func (f *finder) word(i int) string {
	if w := f.low[i]; isLower(w) || w == "" {
		return w
	}
	return strings.ToLower(f.low[i])
}

func resize(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}

func resizeInt(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// isStop reports whether token i separates clauses: punctuation (dashes
// and quotes included) other than a possessive "'s" or "&", a clause
// word, or "and"/"or" before a verb.
func (f *finder) isStop(i int) bool {
	t := f.toks[i]
	if f.ment[i] >= 0 || f.date[i] >= 0 {
		return false
	}
	w := f.low[i]
	if t.Class == token.Punct {
		switch w {
		case "'s", "’s", "&":
			return false
		}
		return true
	}
	if f.cls[i]&cClause != 0 {
		// "as well as" and "such as" are not clause openers.
		if w == "as" && i > 0 && (f.low[i-1] == "such" || f.low[i-1] == "well") {
			return false
		}
		return true
	}
	if (w == "and" || w == "or") && i+1 < len(f.toks) {
		next := f.low[i+1]
		nc := f.cls[i+1]
		if f.ment[i+1] >= 0 || nc&cDeterminer != 0 || !isLower(f.toks[i+1].Text) {
			return false
		}
		if nc&(cBe|cFuture|cHypothetical|cTrigger) != 0 || strings.HasSuffix(next, "ed") ||
			strings.HasSuffix(next, "s") || next == "then" || next == "also" {
			return true
		}
	}
	return false
}

func isLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// findTriggers fills f.cands with the sentence's triggers, left to right,
// without overlaps. A noun trigger after a light verb absorbs the verb
// ("authorised the deployment"), even when the verb is a trigger itself.
func (f *finder) findTriggers() {
	f.cands = f.cands[:0]
	n := len(f.toks)
	for j := 0; j < n; j++ {
		if f.ment[j] >= 0 || f.date[j] >= 0 {
			continue
		}
		if f.cls[j]&cTrigger == 0 {
			continue // also "Head of State": a capital inside a sentence is a name
		}
		es := triggers[f.low[j]]
		var best *entry
		bestLen := 0
		nounCtx := f.nounContext(j)
		for _, e := range es {
			if !f.matches(e, j) {
				continue
			}
			l := len(e.words)
			if l < bestLen {
				break
			}
			if best == nil || (l == bestLen && (e.noun || e.light) == nounCtx && (best.noun || best.light) != nounCtx) {
				best, bestLen = e, l
			}
		}
		if best == nil {
			continue
		}
		c := cand{e: best, start: j, end: j + bestLen, head: j, noun: best.noun || best.light}
		if !c.noun && j > 0 && f.cls[j-1]&(cAdjectival|cDeterminer) != 0 {
			continue // "the occupied Crimea", "the current state": not a verb
		}
		if f.vetoed(c) {
			continue // "signed a decree"
		}
		if c.end < n && (c.noun && compound[f.word(c.end)] || c.e.object == nil && hardCompound[f.word(c.end)]) {
			continue // "attack weapons", "offensive attempts": a modifier
		}
		if c.noun {
			if k, ok := f.lightVerb(j); ok {
				c.head, c.light = k, true
				// The light verb may have been taken as a trigger of its own.
				for len(f.cands) > 0 && f.cands[len(f.cands)-1].start >= k {
					f.cands = f.cands[:len(f.cands)-1]
				}
			} else if best.light {
				continue
			}
		}
		f.cands = append(f.cands, c)
		j = c.end - 1
	}
}

// vetoed reports whether a word that changes the trigger's meaning
// follows it within four tokens of its clause.
func (f *finder) vetoed(c cand) bool {
	v := vetoes[c.e.category]
	if v == nil {
		return false
	}
	for k := c.end; k < len(f.toks) && k < c.end+5 && !f.stop[k]; k++ {
		if v[f.word(k)] {
			return true
		}
	}
	return false
}

// matches reports whether e's phrase starts at token j, outside names, and
// its object (if any) follows within four tokens of the same clause.
func (f *finder) matches(e *entry, j int) bool {
	if j+len(e.words) > len(f.toks) {
		return false
	}
	for k, w := range e.words {
		if f.low[j+k] != w || f.ment[j+k] >= 0 {
			return false
		}
	}
	if e.object == nil {
		return true
	}
	end := j + len(e.words)
	for k := end; k < len(f.toks) && k < end+5; k++ {
		if f.stop[k] {
			return false
		}
		if e.object[f.low[k]] {
			return true
		}
	}
	return false
}

// nounContext reports whether the word at j reads as a noun: after a
// determiner, a possessive, a preposition, a name or a number.
func (f *finder) nounContext(j int) bool {
	if j == 0 {
		return !isLower(f.toks[j].Text)
	}
	p := f.low[j-1]
	return f.cls[j-1]&cDeterminer != 0 || p == "'s" || p == "’s" || (f.cls[j-1]&cPreposition != 0 && p != "to") || f.ment[j-1] >= 0 ||
		f.toks[j-1].Class == token.Number || strings.HasSuffix(p, "-scale") || p == "missile" || p == "air"
}

// lightVerb finds a light verb up to five words before the noun at j, in
// the same clause, with only modifiers between ("launched a new military
// operation", "carried out strikes").
func (f *finder) lightVerb(j int) (int, bool) {
	for k, gap := j-1, 0; k >= 0 && gap <= 4; k, gap = k-1, gap+1 {
		if f.stop[k] || f.ment[k] >= 0 {
			return 0, false
		}
		w, cl := f.low[k], f.cls[k]
		if w == "out" && k > 0 && f.cls[k-1]&cLight != 0 {
			return k - 1, true
		}
		if cl&cLight != 0 {
			return k, true
		}
		if cl&(cPreposition|cBe|cHypothetical) != 0 || !isLower(f.toks[k].Text) && f.toks[k].Class == token.Word ||
			cl&cTrigger != 0 && verbTrigger(w) || strings.HasSuffix(w, "ing") {
			return 0, false // another verb or trigger between: "have severed relations"
		}
	}
	return 0, false
}

// verbTrigger reports whether w may be a verb trigger by itself.
func verbTrigger(w string) bool {
	for _, e := range triggers[w] {
		if e.verb && len(e.words) == 1 {
			return true
		}
	}
	return false
}

// clause returns the bounds [lo, hi) of the clause around tokens [a, b).
func (f *finder) clause(a, b int) (int, int) {
	lo, hi := a, b
	for lo > 0 && !f.stop[lo-1] {
		lo--
	}
	for hi < len(f.toks) && !f.stop[hi] {
		hi++
	}
	return lo, hi
}

// hypothetical reports whether c sits in a negated, modal, conditional or
// intended clause, or is an infinitive of intent.
func (f *finder) hypothetical(c *cand) bool {
	lo, _ := f.clause(c.head, c.end)
	for i := c.start - 1; i >= lo && i >= c.head-10; i-- {
		if f.cls[i]&cHypothetical != 0 || (f.cls[i]&cFuture != 0 && !scheduled[c.e.category]) {
			return true
		}
	}
	if lo > 0 {
		switch f.low[lo-1] {
		case "if", "unless", "whether", "lest":
			return true
		}
	}
	if (!c.noun || c.light) && c.head > 0 && f.low[c.head-1] == "to" {
		for i := c.head - 2; i >= 0 && i >= c.head-4; i-- {
			if f.cls[i]&cInfinitiveOK != 0 {
				return false
			}
		}
		return true
	}
	return false
}

// roles fills an event's participants, actor, target, place and date, and
// reports whether the candidate says enough to be an event.
func (f *finder) roles(ci, si int, sent graph.Span) (Event, bool) {
	c := &f.cands[ci]
	cat := c.e.category
	if c.light && signs[f.low[c.head]] {
		cat = Agreement // "signed a joint declaration"
	}
	lo, hi := f.clause(c.head, c.end)
	ev := Event{Category: cat, Sentence: sent, SentenceIndex: si, Actor: -1, Target: -1, Place: -1}
	ev.TriggerSpan = graph.Span{Start: f.toks[c.head].Span.Start, End: f.toks[c.end-1].Span.End}
	ev.Trigger = ev.TriggerSpan.Of(f.text)

	// The place: a PLACE after a locative preposition, before the next trigger.
	limit := hi
	if ci+1 < len(f.cands) && f.cands[ci+1].head < limit {
		limit = f.cands[ci+1].head
	}
	ev.Place = f.place(c.end, limit)
	ev.Actor, ev.Target = f.actorTarget(c, cat, lo, hi)
	f.placeOfRoles(&ev, c, hi)
	ev.Participants = f.participants(ci, lo, hi, ev.Place, ev.Actor, ev.Target)
	if d := f.governingDate(c, lo, hi); d >= 0 {
		ev.Date, ev.DateSpan = f.dayOf(d, lo, hi)
	}
	if ev.Place >= 0 && ev.Place == ev.Target && f.isCountry(f.mentions[ev.Place].Text) {
		ev.Place = -1 // "assistance to Ukraine": the recipient, not the place
	}
	switch {
	case len(ev.Participants) > 0:
		return ev, true
	case !placeOK[cat]:
		return ev, false // relations between parties need a named party
	}
	return ev, !ev.Date.IsZero() || ev.Place >= 0
}

// actorTarget finds who acts and who is acted on: for a verb (or a noun
// after a light verb) its subject, swapped with the agent in a passive;
// for a noun its possessor or modifier, else its agent; and the object of
// the categories that act on someone. The two are never the same mention.
func (f *finder) actorTarget(c *cand, cat string, lo, hi int) (actor, target int) {
	actor, target = -1, -1
	if !c.noun || c.light {
		actor = f.subject(c.head, lo, true)
		if f.passive(c) {
			target, actor = actor, f.agent(c.end, hi)
		} else if actor < 0 && cat == Statement && c.end < len(f.toks) && f.eligible(f.ment[c.end]) {
			actor = f.ment[c.end] // "…," said Mykhailo Podolyak
		}
	} else {
		actor = f.modifier(c.start)
		if actor < 0 {
			actor = f.agent(c.end, hi)
		}
		if actor < 0 && f.possessed(c.start) {
			actor = f.subject(c.start, lo, false) // "Putin said … his meeting with Macron"
		}
	}
	if actsOn[cat] && target < 0 {
		target = f.object(c, hi)
	}
	if target == actor {
		target = -1
	}
	return actor, target
}

// placeOfRoles completes ev's place from its roles: the place visited
// ("visited Borodyanka": a place, not a party), and a city named as the
// actor of a noun ("Minsk agreements") or as the target of force, which is
// where it happened; a city is not the actor of a noun.
func (f *finder) placeOfRoles(ev *Event, c *cand, hi int) {
	if ev.Category == Meeting && !c.noun && strings.HasPrefix(f.low[c.start], "visit") && ev.Place < 0 {
		if m := f.object(c, hi); m >= 0 && f.placeLike(m) {
			ev.Place = m
		}
	}
	if ev.Actor >= 0 && c.noun && !c.light && f.mentions[ev.Actor].Kind == graph.Place && !f.isCountry(f.mentions[ev.Actor].Text) {
		if ev.Place < 0 {
			ev.Place = ev.Actor
		}
		ev.Actor = -1
	}
	if ev.Target >= 0 && ev.Place < 0 && f.mentions[ev.Target].Kind == graph.Place && !f.isCountry(f.mentions[ev.Target].Text) {
		ev.Place = ev.Target
	}
}

// participants returns the names of the clause [lo, hi) that take part in
// candidate ci, then the actor and target found outside it (appositives,
// relative clauses), in text order. Names that belong to a neighbouring
// trigger of the clause are not this one's ("Putin said … his meeting with
// Macron"), and before a verb only the subject and its conjuncts count
// ("Zelenskyy thanked the doctors treating servicemen injured" has no
// participant in "injured"). A name for the event itself ("special
// military operation") with no participant of its own takes those of the
// sentence's main clause.
func (f *finder) participants(ci, lo, hi, place, actor, target int) []int {
	c := &f.cands[ci]
	plo, phi := lo, hi
	if ci > 0 && f.cands[ci-1].end > plo && f.cands[ci-1].end <= c.head {
		plo = f.cands[ci-1].end
	}
	if !c.noun || c.light {
		plo = max(plo, f.subjectZone(c.head, lo))
	}
	if ci+1 < len(f.cands) && f.cands[ci+1].head < phi && f.cands[ci+1].head >= c.end {
		phi = f.cands[ci+1].head
	}
	var ps []int
	for i := plo; i < phi; i++ {
		m := f.ment[i]
		if m >= 0 && f.first[m] == i && m != place && (f.eligible(m) || m == actor) {
			ps = append(ps, m)
		}
	}
	for _, m := range []int{actor, target} {
		if m >= 0 && !containsInt(ps, m) {
			ps = append(ps, m)
		}
	}
	if len(ps) == 0 && c.e.strong {
		for i := 0; i < len(f.toks) && !f.stop[i]; i++ {
			if m := f.ment[i]; m >= 0 && f.first[m] == i && f.eligible(m) {
				ps = append(ps, m)
			}
		}
	}
	f.byPosition(ps)
	return ps
}

// eligible reports whether mention m can take part in an event: a person
// or organisation, a place that acts (not after a locative preposition or
// before a title: "US President Joe Biden"), or a nationality word before
// a collective noun ("Russian troops").
func (f *finder) eligible(m int) bool {
	if m < 0 {
		return false
	}
	if f.elig[m] == 0 {
		f.elig[m] = 2
		if f.isEligible(m) {
			f.elig[m] = 1
		}
	}
	return f.elig[m] == 1
}

func (f *finder) isEligible(m int) bool {
	fi, li := f.first[m], f.last[m]
	titled := func() bool {
		return li+1 < len(f.toks) && (f.cls[li+1]&cRole != 0 || f.isTitle(li+1) ||
			f.ment[li+1] >= 0 && f.mentions[f.ment[li+1]].Kind == graph.Person)
	}
	switch f.mentions[m].Kind {
	case graph.Person:
		return true
	case graph.Org:
		return !titled() && !(f.placeLike(m) && f.locativeAt(fi))
	case graph.Place:
		return !titled() && !f.locativeAt(fi)
	case graph.Misc:
		return li+1 < len(f.toks) && f.cls[li+1]&cCollective != 0 && f.isDemonym(f.mentions[m].Text)
	}
	return false
}

// roleWords are nouns that make a preceding name a modifier of a person
// ("Kremlin leader", "Ukrainian counterpart").
var roleWords = set("leader, leaders, counterpart, counterparts, colleague, colleagues, head, foreign, defence, defense, " +
	"president's, ambassador, envoy, spokesperson, spokesman, official")

// locativeAt reports whether the name starting at token i is the object of
// a locative preposition, directly or through a coordination ("in Moscow
// and Kyiv").
func (f *finder) locativeAt(i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		w := f.low[k]
		switch {
		case determiners[w]:
			continue
		case locative[w]:
			return true
		case w == "and" || w == "or" || w == ",":
			if k > 0 && f.ment[k-1] >= 0 && f.placeLike(f.ment[k-1]) {
				k = f.first[f.ment[k-1]]
				continue
			}
			return false
		}
		return false
	}
	return false
}

// place returns the PLACE after a locative preposition in tokens [from, to).
func (f *finder) place(from, to int) int {
	for i := from; i < to && i < from+14; i++ {
		w := f.low[i]
		if prepositions[w] && !locative[w] && !passPP[w] {
			return -1 // "talks on the situation in Ukraine": the place of another noun
		}
		if !locative[w] || w == "of" {
			continue
		}
		for k := i + 1; k < to && k <= i+3; k++ {
			if m := f.ment[k]; m >= 0 {
				if f.placeLike(m) && f.first[m] == k {
					return m
				}
				break
			}
			if !determiners[f.low[k]] {
				break
			}
		}
	}
	return -1
}

// possessed reports whether a possessive pronoun comes shortly before the
// noun at start ("his five-hour meeting").
func (f *finder) possessed(start int) bool {
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		switch w := f.low[k]; {
		case w == "his" || w == "her" || w == "their" || w == "its":
			return true
		case f.stop[k] || f.ment[k] >= 0 || prepositions[w] || !isLower(f.toks[k].Text):
			return false
		}
	}
	return false
}

// subject returns the actor of the verb at head: the nearest eligible name
// before it in its clause that is not the object of a preposition (and,
// when strict, with only auxiliaries, adverbs, dates and titles between:
// see bridge), or the
// noun a relative pronoun or an appositive stands for ("the Russian
// Federation, which attacked", "Russia, on the other hand, continues").
func (f *finder) subject(head, lo int, strict bool) int {
	for i := head - 1; i >= lo; i-- {
		m := f.ment[i]
		if m < 0 && strict && !f.bridge(i) {
			return -1 // another word between: not this verb's subject
		}
		if m < 0 || !f.eligible(m) {
			continue
		}
		fi := f.first[m]
		if fi > 0 && prepositions[f.low[fi-1]] {
			continue
		}
		if fi > 1 && f.low[fi-1] == "the" && prepositions[f.low[fi-2]] {
			continue
		}
		if strict && f.coordinated(fi, f.subjectZone(head, lo), f.mentions[m].Kind) {
			return -1 // coordinated subjects: none of them acts alone
		}
		return m
	}
	if lo < 2 {
		return -1
	}
	w := f.low[lo-1]
	switch {
	case relatives[w]:
		k := lo - 2
		if f.low[k] == "," && k > 0 {
			k--
		}
		if m := f.ment[k]; m >= 0 && f.eligible(m) {
			return m
		}
	case w == ",":
		// An appositive between commas: NAME , … , VERB.
		for k := lo - 2; k > 0 && k >= lo-10; k-- {
			if !f.stop[k] {
				continue
			}
			if f.low[k] != "," {
				break
			}
			if m := f.ment[k-1]; m >= 0 && f.eligible(m) {
				fi := f.first[m]
				if fi == 0 || !prepositions[f.low[fi-1]] {
					return m
				}
			}
			break
		}
	}
	return -1
}

// coordinated reports whether an "and" in tokens [zone, at) joins a name
// of the given kind before it to the subject at token at ("Vladimir Putin
// and President of the French Republic Emmanuel Macron had talks").
func (f *finder) coordinated(at, zone int, kind graph.Kind) bool {
	and := false
	for i := at - 1; i >= zone; i-- {
		if f.low[i] == "and" {
			and = true
			continue
		}
		if m := f.ment[i]; and && m >= 0 && f.mentions[m].Kind == kind && f.eligible(m) {
			return true
		}
	}
	return false
}

// subjectZone returns the first token of the stretch before the verb at
// head that holds its subject: names, their conjunctions and the words
// bridge allows.
func (f *finder) subjectZone(head, lo int) int {
	i := head
	for i > lo && (f.ment[i-1] >= 0 || f.bridge(i-1) || f.low[i-1] == "," || f.low[i-1] == "or") {
		i--
	}
	return i
}

// bridge reports whether token i may stand between a subject and its
// verb: auxiliaries and adverbs ("has already"), dates ("last week"),
// titles and collective nouns ("President", "troops"), and aspect verbs
// with their "to" ("began to").
func (f *finder) bridge(i int) bool {
	w := f.low[i]
	switch {
	case f.date[i] >= 0 || f.cls[i]&(cBridge|cInfinitiveOK|cRole|cCollective) != 0 || f.isTitle(i):
		return true
	case w == "to":
		return i > 0 && f.cls[i-1]&cInfinitiveOK != 0
	case i > 0 && !isLower(f.toks[i].Text) && f.toks[i].Class == token.Word:
		return true // part of a name or title the tagger left out
	case w == "of" || w == "the":
		// Inside a title: "President of the French Republic Emmanuel Macron".
		capital := func(k int) bool { return k >= 0 && k < len(f.toks) && !isLower(f.toks[k].Text) }
		if w == "the" {
			return i > 0 && f.low[i-1] == "of" && capital(i+1)
		}
		return capital(i-1) && (capital(i+1) || i+2 < len(f.toks) && f.low[i+1] == "the" && capital(i+2))
	case len(w) > 3 && strings.HasSuffix(w, "ly"):
		return true
	}
	return false
}

// passive reports whether the verb trigger follows a form of "be".
func (f *finder) passive(c *cand) bool {
	if c.noun && !c.light {
		return false
	}
	for i := c.head - 1; i >= 0 && i >= c.head-3; i-- {
		if be[f.low[i]] {
			return true
		}
		if f.stop[i] || !strings.HasSuffix(f.low[i], "ly") && i != c.head-1 {
			break
		}
	}
	return false
}

// agent returns the name after "by" following the trigger ("attacks by
// the Russian army").
func (f *finder) agent(from, hi int) int {
	for i := from; i < hi && i < from+4; i++ {
		if f.low[i] != "by" {
			continue
		}
		for k := i + 1; k < hi && k <= i+3; k++ {
			if m := f.ment[k]; m >= 0 {
				if f.eligible(m) || f.mentions[m].Kind == graph.Place {
					return m
				}
				return -1
			}
			if !determiners[f.low[k]] {
				return -1
			}
		}
	}
	return -1
}

// modifier returns the name right before a noun trigger: a possessor
// ("Russia's invasion") or a modifier ("Russian aggression", "US sanctions").
func (f *finder) modifier(start int) int {
	k := start - 1
	if k >= 0 && (f.low[k] == "'s" || f.low[k] == "’s") {
		k--
	}
	if k < 0 {
		return -1
	}
	m := f.ment[k]
	if m < 0 {
		return -1
	}
	switch f.mentions[m].Kind {
	case graph.Misc:
		if !f.isDemonym(f.mentions[m].Text) {
			return -1
		}
	case graph.Place:
		if f.locativeAt(f.first[m]) {
			return -1
		}
	}
	return m
}

// object returns what the trigger acts on: the direct object of a verb, or
// the name after the category's preposition ("sanctions against Russia").
func (f *finder) object(c *cand, hi int) int {
	preps := targetPreps[c.e.category]
	direct := !c.noun
	for i := c.end; i < hi && i < c.end+5; i++ {
		if m := f.ment[i]; m >= 0 {
			if direct && (f.eligible(m) || f.mentions[m].Kind == graph.Place) {
				return m
			}
			return -1
		}
		w := f.low[i]
		switch {
		case preps[w]:
			direct = true
		case prepositions[w] || be[w]:
			return -1
		case determiners[w]:
		default:
			if c.e.object == nil || !c.e.object[w] {
				if !direct || f.toks[i].Class != token.Word {
					return -1
				}
			}
		}
	}
	return -1
}

// governingDate picks the anchored DATE or TIME nearest the trigger in its
// clause, else one in a sentence-opening phrase ("On Monday, …") that holds
// no trigger of its own.
func (f *finder) governingDate(c *cand, lo, hi int) int {
	best, bestDist := -1, 1<<30
	for i := lo; i < hi; i++ {
		d := f.date[i]
		if d < 0 {
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
			return f.date[i]
		}
	}
	return -1
}

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

// merge joins the events of one sentence that report the same happening:
// the same category with no conflicting actor or target ("Putin had a
// telephone conversation … during the call"). The first keeps its trigger
// and gains the other's roles.
func (f *finder) merge(evs []Event) []Event {
	var out []Event
	for _, e := range evs {
		merged := false
		for i := range out {
			o := &out[i]
			if o.Category != e.Category || !compatible(o.Actor, e.Actor) || !compatible(o.Target, e.Target) ||
				!compatible(o.Place, e.Place) || (!o.Date.IsZero() && !e.Date.IsZero() && o.Date != e.Date) {
				continue
			}
			if o.Actor < 0 {
				o.Actor = e.Actor
			}
			if o.Target < 0 {
				o.Target = e.Target
			}
			if o.Place < 0 {
				o.Place = e.Place
			}
			if o.Date.IsZero() {
				o.Date, o.DateSpan = e.Date, e.DateSpan
			}
			o.Participants = f.union(o.Participants, e.Participants)
			merged = true
			break
		}
		if !merged {
			out = append(out, e)
		}
	}
	return out
}

func compatible(a, b int) bool { return a < 0 || b < 0 || a == b }

// union merges two lists of mention indexes in text order.
func (f *finder) union(a, b []int) []int {
	out := append([]int(nil), a...)
	for _, x := range b {
		if !containsInt(out, x) {
			out = append(out, x)
		}
	}
	f.byPosition(out)
	return out
}

// byPosition sorts mention indexes by where the mentions start.
func (f *finder) byPosition(ms []int) {
	sort.SliceStable(ms, func(a, b int) bool { return f.mentions[ms[a]].Span.Start < f.mentions[ms[b]].Span.Start })
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// placeLike reports whether mention m names a place: tagged PLACE, or an
// organisation or other name the gazetteer knows as a place ("Eastern
// Europe" is sometimes tagged ORG).
func (f *finder) placeLike(m int) bool {
	if f.placey[m] == 0 {
		f.placey[m] = 2
		if f.isPlaceLike(m) {
			f.placey[m] = 1
		}
	}
	return f.placey[m] == 1
}

func (f *finder) isPlaceLike(m int) bool {
	switch f.mentions[m].Kind {
	case graph.Place:
		return true
	case graph.Org, graph.Misc:
		if f.gaz == nil || f.isDemonym(f.mentions[m].Text) {
			return false
		}
		_, ok := f.gaz.Lookup(f.mentions[m].Text)
		return ok
	}
	return false
}

// isDemonym reports whether a word names a nationality ("Russian").
func (f *finder) isDemonym(w string) bool {
	if f.gaz == nil {
		return false
	}
	_, ok := f.gaz.Demonym(w)
	return ok
}

// isCountry reports whether a place name is a country rather than a city
// or region; unknown names count as countries, so they keep acting.
func (f *finder) isCountry(name string) bool {
	if f.gaz == nil {
		return true
	}
	e, ok := f.gaz.Entry(name)
	return !ok || e.Kind == gazetteer.Country
}
