package event

import (
	"math"
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/event/trigger"
	"dateline/graph/extract/token"
)

// findTriggers fills f.cands with the sentence's triggers, left to right,
// without overlaps: phrases of the lexicon that the trained tagger reads
// as an event mention (see trigger). A noun trigger after a light verb
// absorbs the verb ("authorised the deployment"), even when the verb is a
// trigger itself.
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
		c, ok := f.candidate(j)
		if !ok {
			continue
		}
		if c.light {
			// The light verb may have been taken as a trigger of its own.
			for len(f.cands) > 0 && f.cands[len(f.cands)-1].start >= c.head {
				f.cands = f.cands[:len(f.cands)-1]
			}
		}
		f.cands = append(f.cands, c)
		j = c.end - 1
	}
}

// reach returns how many of the sentence's first tokens the tagger must
// read for its triggers: up to the end of the clause of the last phrase
// of the lexicon that fits, and two tokens more (the tagger's features
// look two words ahead); 0 when no phrase fits. The tagger reads left to
// right, so the tokens it reads are tagged as in the whole sentence, and
// what lies beyond is never looked at: a trigger's roles stay in its
// clause.
func (f *finder) reach() int {
	need := 0
	for j := range f.toks {
		if f.cls[j]&cTrigger == 0 || f.ment[j] >= 0 || f.date[j] >= 0 {
			continue
		}
		for _, e := range triggers[f.low[j]] {
			if f.matches(e, j) {
				_, hi := f.clause(j, j+len(e.words))
				need = max(need, hi+2)
				break
			}
		}
	}
	return min(need, len(f.toks))
}

// candidate returns the trigger starting at token j: the first entry of
// the lexicon, in order of preference, whose phrase and surroundings fit
// and that the tagger reads as an event. Entries are preferred longest
// first, then those whose context words were required and found, then
// those whose part of speech (noun or verb) fits the position.
func (f *finder) candidate(j int) (cand, bool) {
	es := f.fits[:0]
	for _, e := range triggers[f.low[j]] {
		if f.matches(e, j) {
			es = append(es, e)
		}
	}
	f.fits = es
	if len(es) == 0 {
		return cand{}, false
	}
	nounCtx := f.nounContext(j)
	sort.SliceStable(es, func(a, b int) bool {
		ea, eb := es[a], es[b]
		if len(ea.words) != len(eb.words) {
			return len(ea.words) > len(eb.words)
		}
		if ea.constrained() != eb.constrained() {
			return ea.constrained()
		}
		return (ea.noun || ea.light) == nounCtx && (eb.noun || eb.light) != nounCtx
	})
	n := len(f.toks)
	for _, e := range es {
		c := cand{e: e, start: j, end: j + len(e.words), head: j, noun: e.noun || e.light}
		if !c.noun && j > 0 && f.cls[j-1]&(cAdjectival|cDeterminer) != 0 {
			continue // "the occupied Crimea", "the current state": not a verb
		}
		if e.noun && !e.verb && len(e.words) == 1 && f.rd.POS[j].IsVerb() {
			continue // "we have been hearing": not the noun
		}
		if f.vetoed(c) {
			continue // "signed a decree"
		}
		if c.end < n && (c.noun && compound[f.word(c.end)] || !c.e.constrained() && hardCompound[f.word(c.end)]) {
			continue // "attack weapons", "offensive attempts": a modifier
		}
		if c.noun {
			if k, ok := f.lightVerb(j); ok {
				c.head, c.light = k, true
			} else if e.light && (e.category != Force || !f.recalled(c)) {
				continue // "the war" is no event; "since the beginning of the war" recalls one
			}
		}
		if !e.sure && !e.constrained() && !f.tagged(c) {
			return cand{}, false // the tagger reads no event here: "the deal's terms", "attack helicopters"
		}
		return c, true
	}
	return cand{}, false
}

// tagged reports whether the tagger reads one of c's words, or its light
// verb, as an event mention, or nearly so: a lexicon phrase is evidence
// of its own, worth lexiconPrior of the tagger's score.
func (f *finder) tagged(c cand) bool {
	for i := c.start; i < c.end; i++ {
		if _, m := f.rd.Event(i); m > -lexiconPrior {
			return true
		}
	}
	_, m := f.rd.Event(c.head)
	return m > -lexiconPrior
}

// lexiconPrior is how far below the tagger's threshold a lexicon phrase
// may score and still be read as an event.
const lexiconPrior = 25

// classOf returns the TimeML class of c: that of the word of c the
// tagger prefers as an event (the last on ties: the head of "special
// military operation"), or of its light verb when it prefers that.
func (f *finder) classOf(c *cand) trigger.Class {
	best, bm := trigger.None, float32(math.Inf(-1))
	for i := c.end - 1; i >= c.start; i-- {
		if k, m := f.rd.Event(i); m > bm {
			best, bm = k, m
		}
	}
	if k, m := f.rd.Event(c.head); m > bm {
		best = k
	}
	return best
}

// vetoed reports whether a word that changes the trigger's meaning
// follows it within four tokens of its clause, or comes right before it.
func (f *finder) vetoed(c cand) bool {
	if pv := preVetoes[c.e.category]; pv != nil && c.start > 0 && pv[f.word(c.start-1)] {
		return true
	}
	if sv := subjectVetoes[c.e.category]; sv != nil && !c.noun {
		for k := c.start - 1; k >= 0 && k >= c.start-5 && !f.stop[k]; k-- {
			if sv[f.word(k)] {
				return true
			}
		}
	}
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
// the words it needs around it (entry.object, entry.subject) are there, in
// the same clause.
func (f *finder) matches(e *entry, j int) bool {
	if j+len(e.words) > len(f.toks) {
		return false
	}
	for k, w := range e.words {
		if f.low[j+k] != w || f.ment[j+k] >= 0 {
			return false
		}
	}
	end := j + len(e.words)
	if e.object != nil {
		found := false
		for k := end; k < len(f.toks) && k < end+5 && !found; k++ {
			if f.stop[k] {
				break
			}
			if m := f.ment[k]; m >= 0 {
				found = e.object["<org>"] && f.mentions[m].Kind == graph.Org
				continue
			}
			found = e.object[f.word(k)]
		}
		if !found {
			return false
		}
	}
	if e.subject != nil {
		found := false
		for k := j - 1; k >= 0 && k >= j-5 && !found; k-- {
			if f.stop[k] {
				break
			}
			found = e.subject[f.word(k)]
		}
		if !found {
			return false
		}
	}
	return true
}

// nounContext reports whether the word at j reads as a noun: tagged as
// one, or after a determiner, a possessive, a preposition, a name or a
// number.
func (f *finder) nounContext(j int) bool {
	if f.rd.POS[j].IsNoun() {
		return true
	}
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
		if w == "of" && k > 0 && quantities[f.low[k-1]] {
			continue // "held a series of meetings"
		}
		if cl&(cPreposition|cBe|cHypothetical|cNegation) != 0 || !isLower(f.toks[k].Text) && f.toks[k].Class == token.Word ||
			cl&cTrigger != 0 && verbTrigger(w) || strings.HasSuffix(w, "ing") {
			return 0, false // another verb or trigger between: "have severed relations"
		}
	}
	return 0, false
}

// verbTrigger reports whether w may be a verb trigger by itself.
func verbTrigger(w string) bool {
	for _, e := range triggers[w] {
		if e.verb && len(e.words) == 1 && !e.constrained() {
			return true
		}
	}
	return false
}

// Modes say whether an event is reported as having happened.
const (
	// Asserted: it happened, or holds ("met", "the invasion").
	Asserted = ""
	// Negated: the text says it did not happen ("did not meet", "never
	// attacked", "no plans to attack").
	Negated = "negated"
	// Hypothetical: it may happen, is wanted, feared, denied, asked
	// about or made a condition ("could invade", "plans to attack",
	// "denies invading", "if they attack", "did they attack?").
	Hypothetical = "hypothetical"
	// Future: announced or scheduled ("will meet on Monday", "is going to
	// sign").
	Future = "future"
)

// mode reads whether candidate c is asserted, negated, hypothetical or in
// the future, from its verb group (attrs) and the words before it in its
// clause; q says the sentence is a question. Negation wins over the
// others, and hypothesis over the future.
func (f *finder) mode(c *cand, attrs trigger.Attributes, q bool) string {
	lo, _ := f.clause(c.head, c.end)
	neg, hyp, fut := attrs.Negated, attrs.Modality != "" || q, attrs.Tense == "FUTURE"
	for i := c.start - 1; i >= lo && i >= c.head-10; i-- {
		switch cl := f.cls[i]; {
		case cl&cNegation != 0:
			neg = true
		case cl&cHypothetical != 0:
			hyp = true
		case cl&cFuture != 0:
			fut = true
		}
	}
	if lo > 0 {
		switch f.low[lo-1] {
		case "if", "unless", "whether", "lest":
			hyp = true
		}
	}
	if (!c.noun || c.light) && c.head > 0 && f.low[c.head-1] == "to" && !fut && !f.reportedInfinitive(c.head-1) {
		hyp = true // "wants to meet", "threatened to strike": not (yet) done
	}
	switch {
	case neg:
		return Negated
	case hyp:
		return Hypothetical
	case fut:
		return Future
	}
	return Asserted
}

// reportedInfinitive reports whether the "to" at token k follows a word
// that makes the infinitive a report of something done ("began to
// shell", "decision to launch", "went on to say").
func (f *finder) reportedInfinitive(k int) bool {
	for i := k - 1; i >= 0 && i >= k-3; i-- {
		if f.cls[i]&cInfinitiveOK != 0 {
			return true
		}
	}
	return false
}
