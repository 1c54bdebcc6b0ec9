package event

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/token"
)

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
	if ev.Place >= 0 && ev.Place == ev.Target && f.isCountry(f.mentions[ev.Place].Text) {
		ev.Place = -1 // "assistance to Ukraine": the recipient, not the place
	}
	switch {
	case len(ev.Participants) > 0:
		return ev, true
	case !placeOK[cat]:
		return ev, false // relations between parties need a named party
	}
	// A happening whose context words were required and found ("the
	// index fell 5 %", "workers went on strike") says enough by itself.
	return ev, ev.Place >= 0 || f.governingDate(c, lo, hi) >= 0 || c.e.constrained()
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

// participants returns the names that are the arguments of candidate ci
// in its clause [lo, hi), then the actor and target found outside it
// (appositives, relative clauses), in text order: before a verb, its
// subject and the names coordinated with it; before a noun, its
// modifiers and possessors ("the Putin–Macron talks"); after the
// trigger, its direct object and the names in the phrases of the
// prepositions that introduce arguments ("with", "between", "against",
// "of", …), up to the next verb, whose names are its own. Names in other
// phrases ("at a table next to Saudi Arabia", "talks about Ukraine") and
// the complement of "said" ("said Putin had assured him") take no part.
// Names that belong to a neighbouring trigger of the clause are not this
// one's. A name for the event itself ("special military operation") with
// no participant of its own takes those of the sentence's main clause.
func (f *finder) participants(ci, lo, hi, place, actor, target int) []int {
	c := &f.cands[ci]
	plo, phi := lo, hi
	if ci > 0 && f.cands[ci-1].end > plo && f.cands[ci-1].end <= c.head {
		plo = f.cands[ci-1].end
	}
	if ci+1 < len(f.cands) && f.cands[ci+1].head < phi && f.cands[ci+1].head >= c.end {
		next := f.cands[ci+1].head
		if !throughInfinitive[c.e.category] || next != c.end+1 || f.low[c.end] != "to" {
			phi = next // its names are the next trigger's, unless it is this one's infinitive
		}
	}
	var ps []int
	add := func(i int) {
		if m := f.ment[i]; m >= 0 && f.first[m] == i && m != place && (f.eligible(m) || m == actor) && !containsInt(ps, m) {
			ps = append(ps, m)
		}
	}
	if !c.noun || c.light {
		for i := max(plo, f.subjectZone(c.head, lo)); i < c.head; i++ {
			add(i)
		}
	} else {
		// Modifiers and possessors: names, joined by "and", dashes,
		// commas or "'s", right before the noun.
		k := c.start
		for k > plo {
			w := f.low[k-1]
			if f.ment[k-1] >= 0 || w == "and" || w == "-" || w == "–" || w == "," || w == "'s" || w == "’s" || f.cls[k-1]&cDeterminer != 0 {
				k--
				continue
			}
			break
		}
		for i := k; i < c.start; i++ {
			add(i)
		}
	}
	arg := (!c.noun || c.light) && !sayVerbs[f.low[c.head]]
	for i := c.end; i < phi; i++ {
		if m := f.ment[i]; m >= 0 {
			if arg {
				add(i)
			}
			continue
		}
		w := f.low[i]
		switch {
		case f.date[i] >= 0 || w == "and" || w == "or" || w == "," || f.cls[i]&(cDeterminer|cRole|cCollective) != 0 || f.isTitle(i):
		case w == "to" && i > 0 && notArgBefore[f.low[i-1]], w == "of" && i > 0 && notArgBefore[f.low[i-1]]:
			arg = false // "next to", "according to", "ahead of"
		case argPreps[w]:
			arg = true
		case prepositions[w]:
			arg = false
		case f.rd.POS[i].IsVerb() && !be[w] && f.cls[i]&cBridge == 0:
			if throughInfinitive[c.e.category] && i > 0 && f.low[i-1] == "to" {
				arg = true // "offered to buy Yahoo", "agreed to supply Ukraine"
				continue
			}
			i = phi // another verb: what follows is its own
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

// throughInfinitive are the categories whose trigger takes an
// infinitive whose object is the event's: an offer to buy a company is
// an offer for it.
var throughInfinitive = set(Offer + ", " + Agreement)

// argPreps introduce an argument of an event: who it is with, against,
// for or by, what it is of ("talks with Macron", "agreement between
// Ukraine and Poland", "sanctions against Russia", "invasion of Ukraine").
var argPreps = set("with, between, against, to, for, by, of, on, into, among, from, including, toward, towards, upon")

// notArgBefore are the words that make a following "to" or "of" part of
// a locution rather than an argument ("next to", "according to", "ahead
// of").
var notArgBefore = set("next, close, according, due, thanks, prior, similar, adjacent, ahead, because, instead, front, " +
	"top, outside, side, regardless, irrespective, addition, spite, view, case, order, part")

// sayVerbs are the reporting verbs whose object is what was said, not
// someone addressed: the names after "said" are the subjects of its
// complement ("Macron said Putin had assured him").
var sayVerbs = set("say, says, said, stated, declare, declares, declared, announce, announces, announced, stress, stresses, " +
	"stressed, emphasise, emphasised, emphasises, emphasize, emphasized, emphasizes, note, notes, noted, underline, underlined, underlines")

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
		// A possessor is a party, whatever preposition comes before it:
		// "the start of Russia's invasion" is Russia's doing, not in Russia.
		possessor := li+1 < len(f.toks) && (f.low[li+1] == "'s" || f.low[li+1] == "’s")
		return !titled() && (possessor || !f.locativeAt(fi))
	case graph.Misc:
		return li+1 < len(f.toks) && f.cls[li+1]&cCollective != 0 && f.isDemonym(f.mentions[m].Text)
	}
	return false
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
