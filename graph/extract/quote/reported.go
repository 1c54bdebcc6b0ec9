package quote

import (
	"strings"

	"dateline/graph"
	"dateline/graph/names"
)

// prepositions open a phrase between a cue and its content ("said in a
// statement that", "told reporters on Monday that").
var prepositions = map[string]bool{"in": true, "on": true, "at": true, "during": true, "after": true, "before": true,
	"to": true, "with": true, "from": true, "by": true, "while": true, "yesterday": true, "today": true,
	"last": true, "earlier": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "this": true, "repeatedly": true, "publicly": true, "privately": true, "again": true, "once": true}

// reported finds reported speech: a speaker and cue before the content
// (Macron said that…, X told reporters…, Putin has assured him of…), the
// content before a speaker and cue (…, he said.), and "according to X".
func (d *doc) reported(segs []quoted, out []Quote) []Quote {
	for c := 0; c < len(d.toks); c++ {
		t := d.toks[c]
		if !t.word || d.inQuote[c] >= 0 {
			continue
		}
		if t.lower == "according" && c+1 < len(d.toks) && d.toks[c+1].lower == "to" {
			if q, ok := d.according(c); ok {
				out = append(out, q)
			}
			continue
		}
		_, framed := frames[t.lower]
		cue := isCue(t.lower)
		if !cue && !framed || t.upper && !d.headlineCue(c) {
			continue
		}
		a, _ := d.sentBounds(t.sent)
		if c > a && (determiners[d.toks[c-1].lower] || d.toks[c-1].lower == "'s" || d.toks[c-1].lower == "’s" || d.toks[c-1].lower == "whose") {
			continue // a noun: "the report", "Trump's claims", "whose claim"
		}
		if c > a && d.stateNoun(c) {
			continue // "the head of state signed", "the Russian state organized"
		}
		if c > a && d.toks[c-1].lower == "having" {
			continue // "Having informed President Macron of …, Vladimir Putin said …": the main clause's verb attributes
		}
		sp := d.speakerLeft(c)
		afterComma := c-1 > a && (d.toks[c-1].text == "," || isMark(d.toks[c-1].text) && d.toks[c-2].text == ",")
		if sp.ok() && sp.ment < 0 && strings.HasSuffix(t.lower, "ing") && sp.b == c && docNouns[d.toks[c-1].lower] && sp.a-1 > a && issuing[d.toks[sp.a-1].lower] {
			if s := d.subject(sp.a-1, a); s.ok() {
				sp = s // "Russia's foreign ministry issued a statement accusing Ukraine of …": the ministry accuses
			}
		}
		linked := false
		if !sp.ok() && strings.HasSuffix(t.lower, "ing") && (afterComma || c-1 > a && (participleLinks[d.toks[c-1].lower] || year(d.toks[c-1].text))) {
			if sp = d.inherited(c, a); !sp.ok() { // "…, adding that…"; "… by accusing him of …"
				sp = d.subject(c-1, a)
			}
			sp.far, linked = true, !afterComma
		}
		_, direct := d.cueSpeaker[c]
		direct = direct && !d.partial[c]
		weak := weakVerbs[t.lower] || linked && (t.lower == "adding" || t.lower == "asking") // "while adding Democratic strongholds"
		if sp.ok() && !cue {
			if p, e, ok := d.complement(c); ok && !direct && d.agent(sp) {
				out = append(out, d.reportedQuote(p, e, c, sp))
				d.cueSpeaker[c] = sp
			}
			continue
		}
		if !cue {
			continue
		}
		if sp.ok() && weakVerbs[t.lower] && !pastTense(t.lower) && sp.ment < 0 && determiners[d.toks[sp.a].lower] && sp.b == c &&
			strings.HasSuffix(d.toks[c-1].lower, "ed") && !d.toks[c-1].upper {
			continue // "a personally signed tweet that drew no conclusions": a noun after its modifier
		}
		if sp.ok() && sp.ment >= 0 && sp.b == c && nounCues[t.lower] {
			continue // "Trump tweet that blasts Clinton": a name and a noun, not a subject and a verb
		}
		if sp.ok() {
			if weak && !needThat[t.lower] && pastTense(t.lower) && d.strongSubject(sp) {
				weak = false // "Clinton suggested the United States should…"
			}
			if sp.a == a && d.toks[a].lower == "as" && sp.b-sp.a > 1 {
				sp.a++ // the tagger took "As" into the name: "As The Hill reported"
			}
			if sp.a-2 == a && d.toks[a].lower == "as" && d.toks[sp.a-1].text == "The" {
				sp.a-- // "As The Hill reported": the article is part of the paper's name
			}
			if c+1 < len(d.toks) && d.toks[c+1].text == "," && sp.a-1 == a && d.toks[a].lower == "as" {
				if _, b := d.sentBounds(t.sent); c+2 < b {
					if e := d.trimEnd(c+2, b); e > c+2 {
						out = append(out, d.reportedQuote(c+2, e, c, sp)) // "As The Post reported, …"
						d.cueSpeaker[c] = sp
						continue
					}
				}
			}
			if framed && frames[t.lower]&^0x80 == toFrame && !direct && d.agent(sp) {
				if p, e, ok := d.complement(c); ok {
					out = append(out, d.reportedQuote(p, e, c, sp)) // "urged people to seek shelter that way"
					d.cueSpeaker[c] = sp
					continue
				}
			}
			if p, e, ok := d.contentAfter(c, weak, direct); ok {
				out = append(out, d.reportedQuote(p, e, c, sp))
				d.cueSpeaker[c] = sp
				continue
			}
			if p, e, ok := d.complement(c); ok && framed && !direct && d.agent(sp) {
				out = append(out, d.reportedQuote(p, e, c, sp)) // "urged people not to spread rumors"
				d.cueSpeaker[c] = sp
				continue
			}
			comma := sp.a - 1
			if comma > a && determiners[d.toks[comma].lower] {
				comma-- // "…, the Israeli Ministry of Agriculture said"
			}
			if !weak && !direct && comma > a && d.toks[comma].text == "," && !sp.far {
				if q, ok := d.clauseBefore(a, comma, c, sp); ok {
					out = append(out, q)
					d.cueSpeaker[c] = sp
				}
			}
			continue
		}
		if weak || direct || c-1 <= a || d.toks[c-1].text != "," || strings.HasSuffix(t.lower, "ing") {
			continue // not ", saying Moscow would pay": a participle's next word is the words' subject
		}
		if sp = d.speakerRight(c); sp.ok() {
			if q, ok := d.clauseBefore(a, c-1, c, sp); ok {
				out = append(out, q)
				d.cueSpeaker[c] = sp
			}
		}
	}
	return out
}

// decisionCues report words only with a clause: "announced it would pay",
// not "announced new sanctions on Russian banks".
var decisionCues = map[string]bool{"announce": true, "announced": true, "announces": true, "announcing": true,
	"declare": true, "declared": true, "declares": true, "declaring": true, "proclaimed": true, "proclaims": true}

// issuing verbs put out a document whose words are their subject's:
// "issued a statement accusing …".
var issuing = map[string]bool{"issued": true, "issues": true, "released": true, "releases": true, "published": true,
	"posted": true, "posts": true, "sent": true, "sends": true, "put": true, "puts": true, "tweeted": true, "wrote": true}

// nounCues are the cue words that are nouns as often as verbs: after a
// name with nothing between ("Trump tweet that blasts Clinton") they are
// the name's document, not its speech.
var nounCues = map[string]bool{"tweet": true, "report": true, "claim": true, "comment": true, "note": true, "statement": true,
	"estimate": true, "finding": true, "release": true, "point": true, "post": true, "reply": true, "response": true,
	"state": true, "warning": true, "promise": true, "vow": true, "pledge": true, "call": true}

// stateNoun reports whether "state" or "states" at c is the noun: after
// "of" ("the head of state"), a nationality ("the Russian state", "Central
// Asian states"), an adjective by its ending ("an independent state", "a
// terrible state", "sovereign states") or a word that only qualifies the
// noun ("member states", "a police state"). The verb has a subject there
// ("Zelenskyy states that", "the document states", "the parties state").
func (d *doc) stateNoun(c int) bool {
	if w := d.toks[c].lower; w != "state" && w != "states" {
		return false
	}
	p := d.toks[c-1]
	if !p.word {
		return false
	}
	if p.lower == "of" || stateQualifiers[p.lower] || p.upper && d.country(p.text) != "" {
		return true
	}
	if p.upper {
		return false
	}
	for _, suf := range adjectiveEndings {
		if strings.HasSuffix(p.lower, suf) && !strings.HasSuffix(p.lower, "ment") && len(p.lower) > len(suf)+2 {
			return true
		}
	}
	return false
}

// adjectiveEndings end the adjectives that come before "state" (the noun);
// "-ment" is excepted, since "the document states" is a subject and verb.
var adjectiveEndings = []string{"ent", "ant", "ible", "able", "al", "ic", "ous", "ive", "ful", "less", "ian", "ese", "ish", "ern"}

// stateQualifiers are the other words that make "state" a noun.
var stateQualifiers = map[string]bool{"member": true, "nation": true, "police": true, "welfare": true, "failed": true, "rogue": true,
	"sovereign": true, "strong": true, "weak": true, "modern": true, "new": true, "own": true, "other": true, "all": true,
	"many": true, "some": true, "several": true, "these": true, "those": true, "neighbouring": true, "neighboring": true,
	"island": true, "buffer": true, "client": true, "puppet": true, "terrorist": true, "aggressor": true, "two": true,
	"three": true, "both": true, "our": true, "their": true, "its": true, "his": true, "her": true, "your": true, "my": true,
	"single": true, "unified": true, "united": true, "free": true, "occupying": true, "participating": true, "partner": true,
	"nuclear-weapon": true, "non-nuclear": true, "border": true, "frontline": true, "front-line": true, "coastal": true}

// participleLinks are the words that tie a participle cue to the subject
// of its sentence: "Sunak defended the record whilst promising …",
// "WikiLeaks hit back by accusing him of …".
var participleLinks = map[string]bool{"while": true, "whilst": true, "by": true, "after": true, "before": true, "when": true,
	"in": true, "on": true, "upon": true}

// inherited returns the speaker of the nearest earlier cue of the
// sentence starting at token a, for participles that continue it.
func (d *doc) inherited(c, a int) speaker {
	for k := c - 1; k >= a; k-- {
		if sp, ok := d.cueSpeaker[k]; ok {
			return sp
		}
	}
	return speaker{}
}

// reportedQuote builds a reported-speech Quote from content tokens p..e.
func (d *doc) reportedQuote(p, e, c int, sp speaker) Quote {
	content := d.span(p, e)
	cue := c
	if c > 0 && lightVerbs[d.toks[c-1].lower] && !strings.HasSuffix(d.toks[c].lower, "ing") {
		cue = c - 1 // "expressed hope": the noun alone reads as no statement in a list of cues
	}
	return Quote{
		Content: content, Parts: []graph.Span{content},
		Cue: d.text[d.toks[cue].span.Start:d.toks[c].span.End], CueSpan: d.span(cue, c),
		Speaker: d.span(sp.a, sp.b-1), SpeakerMention: -1,
	}
}

// contentAfter returns the content that follows the cue at token c, to the
// end of the sentence: from "that" when it comes after a hearer or a
// prepositional phrase ("told reporters on Monday that"), otherwise right
// after the cue. Weak cues need "that"; so does a cue that already
// attributes a direct quote.
func (d *doc) contentAfter(c int, weak, direct bool) (p, e int, ok bool) {
	_, b := d.sentBounds(d.toks[c].sent)
	p = c + 1
	if p < b && (d.toks[p].lower == "out" || d.toks[p].lower == "up") {
		p++ // "pointed out"
	}
	p = d.skipTimeForward(p, b)
	if p >= b {
		return 0, 0, false
	}
	that := -1
	for k := p; k < b && k < p+10; k++ {
		tk := d.toks[k]
		if tk.lower == "that" {
			that = k
			break
		}
		if tk.text == "," || terminal(tk.text) || isMark(tk.text) || isCue(tk.lower) && !tk.upper && !weakVerbs[tk.lower] {
			break // not at "state" in "told Russian state media that"
		}
	}
	first := d.toks[p]
	if first.lower == "of" && ofTopic[d.toks[c].lower] {
		return 0, 0, false // "said of Chaffetz's latest request: "…"": what the words are about, then the words
	}
	if that > p && that+1 < b && tellVerbs[d.toks[c].lower] && d.relativeThat(that) {
		return 0, 0, false // "told a crowd at Hamburger Mary's that spilled out onto the street"
	}
	switch {
	case that == p:
	case tellVerbs[d.toks[c].lower] && that > p:
		p = that
	case tellVerbs[d.toks[c].lower] && !objectWords[first.lower] && first.ment < 0 && d.hearer(p, b) > p:
		p = d.skipTimeForward(d.hearer(p, b), b) // "told federal investigators in July she was advised …"
		if p+1 < b && d.toks[p].lower == "in" && d.dateWord(p+1) {
			p += 2
		}
	case tellVerbs[d.toks[c].lower] && (objectWords[first.lower] && first.lower != "the" && first.lower != "a" && first.lower != "an" || first.ment >= 0):
		if first.ment >= 0 {
			p = d.mtok[first.ment][1]
		} else {
			p++
		}
		if p < b && d.toks[p].lower == "of" {
			p++
		}
	case prepositions[first.lower] && !d.quantity(p, b):
		if that < 0 {
			return 0, 0, false
		}
		p = that
	case first.text == ":":
		p++
	}
	if p >= b {
		return 0, 0, false
	}
	if (weak || direct) && d.toks[p].lower != "that" {
		return 0, 0, false
	}
	f := d.toks[p]
	if f.text == "," || terminal(f.text) || isMark(f.text) || f.text == ")" || f.text == "(" || f.lower == "and" || f.lower == "but" {
		return 0, 0, false
	}
	e = d.clauseEnd(p, d.trimEnd(p, b))
	if e-p < 1 {
		return 0, 0, false
	}
	if decisionCues[d.toks[c].lower] && d.toks[p].lower != "that" && !d.hasVerb(p, e+1) {
		return 0, 0, false // "announced new sanctions": a decision, not words said
	}
	return p, e, true
}

// clauseEnd returns the last token of reported content that starts at p
// and may run to e: it stops before another attribution in the same
// sentence, so that one speaker's words are not glued onto the next
// clause's. The attribution may be a participle after a comma (", adding
// that…", ", telling CNN…"), a coordinated cue of the same subject ("and
// said she had…"), or a new subject with its cue (", while Cruz said…",
// "; the governor said…"). Words in quotation marks never cut.
func (d *doc) clauseEnd(p, e int) int {
	for k := p + 2; k <= e; k++ {
		t := d.toks[k]
		if d.inQuote[k] >= 0 {
			continue
		}
		if t.text == ":" && k+1 <= e && isMark(d.toks[k+1].text) && d.inQuote[min(k+2, e)] >= 0 && (k-p >= 4 || d.hasVerb(p, k)) {
			return k - 1 // "invited him to visit Ukraine: "I am convinced …"": the quote is its own; not "said of Congress:"
		}
		boundary := t.text == "," || t.text == ";" || t.text == "—" || t.text == "–" || isMark(t.text) && d.toks[k-1].text == ","
		conj := clauseConj[t.lower]
		if !boundary && !conj {
			if (t.lower == "after" || t.lower == "before") && k+1 <= e && d.subjectCue(k+1, e) {
				end := k - 1 // "… to be banned after the U.S. presidential candidate suggested that …"
				for end > p && d.toks[end].text == "," {
					end--
				}
				return end
			}
			continue
		}
		n := k + 1
		if boundary && n <= e && clauseConj[d.toks[n].lower] {
			n++
		}
		if n > e {
			break
		}
		nt := d.toks[n]
		cut := false
		switch {
		case boundary && n == k+1 && nt.word && !nt.upper && isCue(nt.lower) && strings.HasSuffix(nt.lower, "ing") && !weakVerbs[nt.lower]:
			cut = true // ", adding that"
		case n > k && conj || n > k+1:
			if nt.word && !nt.upper && isCue(nt.lower) && !weakVerbs[nt.lower] && pastOrPresent(nt.lower) {
				cut = true // "and said she had"
				break
			}
			cut = d.subjectCue(n, e)
		case boundary && isMark(t.text):
			cut = d.subjectCue(n, e) // "called her "leftist scum," she said"
		case boundary:
			cut = d.hasVerb(p, k) && d.subjectCue(n, e) // not "said that a few months ago, he told …"
		}
		if cut {
			end := k - 1
			for end > p && (d.toks[end].text == "," || d.toks[end].text == ";") {
				end--
			}
			return end
		}
	}
	return e
}

// ofTopic are the cues whose "of" phrase names what the words are about:
// "said of the title", "wrote of his reign".
var ofTopic = map[string]bool{"said": true, "says": true, "say": true, "saying": true, "wrote": true, "writes": true,
	"write": true, "writing": true, "spoke": true, "speaks": true, "speaking": true, "remarked": true, "joked": true}

// relativeThat reports whether "that" at token k opens a relative clause
// on the noun before it ("a crowd that spilled out"), not a reported one:
// a verb follows it at once.
func (d *doc) relativeThat(k int) bool {
	n := d.toks[k+1]
	if !n.word || n.upper {
		return false
	}
	return strings.HasSuffix(n.lower, "ed") && len(n.lower) > 4 || auxiliaries[n.lower] && n.lower != "will" && n.lower != "would"
}

// hearer returns the end of the hearer phrase that follows a telling verb
// at token p ("federal investigators", "the Tampa Bay Times"): a noun
// phrase whose head names people or an organisation; p when none.
func (d *doc) hearer(p, b int) int {
	k := p
	if determiners[d.toks[k].lower] {
		k++
	}
	for k < b && k-p < 5 {
		t := d.toks[k]
		if m := t.ment; m >= 0 && d.mtok[m][0] == k {
			k = d.mtok[m][1]
			continue
		}
		if !t.word || function[t.lower] || skippable[t.lower] || isCue(t.lower) && !t.upper || subjectPronouns[t.lower] {
			break
		}
		k++
	}
	if k <= p || k >= b {
		return p
	}
	h := d.toks[k-1]
	if h.ment >= 0 || peoplePlural(h.lower) || names.Is(h.lower, names.PersonNoun) || groupNouns[h.lower] {
		return k
	}
	return p
}

// dateWord reports whether token k is a month or a weekday.
func (d *doc) dateWord(k int) bool {
	switch d.toks[k].lower {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december":
		return true
	}
	return timeWords[d.toks[k].lower]
}

// hasVerb reports whether tokens [p,k) hold a word that is most likely a
// finite verb: an auxiliary, or a lower-case word in -ed; the mark of a
// clause rather than a fronted phrase ("a few months ago").
func (d *doc) hasVerb(p, k int) bool {
	for j := p; j < k; j++ {
		t := d.toks[j]
		if !t.word || t.upper {
			continue
		}
		if skippable[t.lower] && !isAdverb(t) || auxiliaries[t.lower] || strings.HasSuffix(t.lower, "ed") && len(t.lower) > 4 {
			return true
		}
	}
	return false
}

// auxiliaries are the verbs that mark a clause.
var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "could": true, "can": true, "may": true, "might": true, "should": true, "must": true,
	"did": true, "does": true, "do": true, "shall": true}

// subjectCue reports whether a subject and its cue start at token n
// ("Cruz said", "six in 10 said", "the governor told"): a name, pronoun
// or short noun phrase of up to six words, then a strong cue verb.
func (d *doc) subjectCue(n, e int) bool {
	for c := n + 1; c <= e && c <= n+6; c++ {
		t := d.toks[c]
		if !t.word && t.text != "'s" && t.text != "’s" && !t.num && t.text != "." {
			return false
		}
		if t.upper || !isCue(t.lower) || weakVerbs[t.lower] && !(c+1 <= e && d.toks[c+1].lower == "that") && !d.endsClause(c+1, e) {
			continue
		}
		if !pastOrPresent(t.lower) {
			return false
		}
		sp := d.speakerLeft(c)
		return sp.ok() && sp.a >= n
	}
	return false
}

// endsClause reports whether only a time phrase stands between token k
// and e, the end of the words: the cue before k closes the sentence (",
// the New York Times reported late Thursday").
func (d *doc) endsClause(k, e int) bool {
	for ; k <= e; k++ {
		if l := d.toks[k].lower; !timeWords[l] && l != "late" && l != "early" && l != "on" && l != "last" && l != "this" && !terminal(d.toks[k].text) {
			return false
		}
	}
	return true
}

// clauseConj are the conjunctions that may join a second attribution to
// reported content: "…, but six in 10 said", "…, although he tweeted".
var clauseConj = map[string]bool{"and": true, "but": true, "while": true, "whereas": true, "although": true, "though": true, "yet": true}

// pastOrPresent reports whether a cue is a finite form that can follow a
// subject: "said", "says", "told", not "saying" or "say".
func pastOrPresent(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") || w == "said" || w == "told" || w == "wrote" || w == "thought"
}

// trimEnd returns the last token of [p,b) before closing punctuation.
func (d *doc) trimEnd(p, b int) int {
	e := b - 1
	for e > p && (terminal(d.toks[e].text) || d.toks[e].text == ")") {
		e--
	}
	return e
}

// pastTense reports whether a cue is a past form, which unlike "reports"
// or "claims" cannot be a noun.
func pastTense(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "wrote" || w == "thought" || w == "told" || w == "said" || w == "known"
}

// strongSubject reports whether a speaker is a name or a personal
// pronoun, which makes the word after it a verb.
func (d *doc) strongSubject(sp speaker) bool {
	if sp.ment >= 0 {
		return true
	}
	if sp.b-sp.a == 1 {
		l := d.toks[sp.a].lower
		return l == "he" || l == "she" || l == "they" || l == "i" || l == "we"
	}
	return false
}

// agent reports whether a speaker can be the subject of a frame verb, so
// that the verb is not a participle after a noun ("a book called "Women
// Who Work"", "Obama's highly criticized strategy"): a name, a personal
// pronoun, or a noun phrase whose head names people, an institution or a
// document.
func (d *doc) agent(sp speaker) bool {
	if sp.a > 0 && !sp.far && d.toks[sp.a-1].sent == d.toks[sp.a].sent && (linkPreps[d.toks[sp.a-1].lower] || d.toks[sp.a-1].lower == "within") {
		return false // "the elite group within Scientology called the Sea Org": a name, not a subject
	}
	if d.strongSubject(sp) || sp.ment >= 0 {
		return true
	}
	if sp.b-sp.a == 1 && (d.toks[sp.a].lower == "it" || d.toks[sp.a].ment >= 0) {
		return true
	}
	h := d.toks[sp.b-1]
	if h.ment >= 0 {
		return true
	}
	return names.Is(h.lower, names.PersonNoun) || peoplePlural(h.lower) || institutionHeads[h.lower] || docNouns[h.lower] || groupNouns[h.lower]
}

// quantity reports whether the preposition at token p opens a quantity
// that is the subject of the words ("said at least 40 civilians had
// died", "said about 200 people were evacuated", "said more than …" is no
// preposition anyway), not a place or occasion ("said at a briefing").
func (d *doc) quantity(p, b int) bool {
	if p+1 >= b {
		return false
	}
	switch d.toks[p].lower {
	case "at":
		n := d.toks[p+1].lower
		return n == "least" || n == "most"
	case "about", "around", "over", "up", "nearly", "almost":
		return d.toks[p+1].num || d.toks[p+1].lower == "to" && p+2 < b && d.toks[p+2].num
	}
	return false
}

// groupNouns are heads of speakers that name a group or a body: "the city
// of Nice", "the terrorist group", "the party".
var groupNouns = map[string]bool{"group": true, "city": true, "party": true, "campaign": true, "company": true, "government": true,
	"administration": true, "council": true, "committee": true, "court": true, "union": true, "organization": true,
	"organisation": true, "agency": true, "police": true, "board": true, "firm": true, "network": true, "magazine": true,
	"newspaper": true, "website": true, "site": true, "team": true, "army": true, "military": true, "coalition": true}

// clauseBefore builds the quote for "CLAUSE, SPEAKER CUE." or "CLAUSE,
// CUE SPEAKER.": the content runs from the sentence start at token a to
// the comma at token comma. Clauses in quotation marks are direct quotes
// and are left to direct.
func (d *doc) clauseBefore(a, comma, c int, sp speaker) (Quote, bool) {
	if comma <= a || isMark(d.toks[a].text) || d.inQuote[a] >= 0 || isMark(d.toks[comma-1].text) {
		return Quote{}, false
	}
	if c+2 < len(d.toks) && (d.toks[c+1].text == "," || d.toks[c+1].text == ":") && isMark(d.toks[c+2].text) {
		return Quote{}, false // the cue introduces a quote
	}
	_, b := d.sentBounds(d.toks[c].sent)
	after := c + 1
	if sp.a > c {
		after = sp.b // "…, said Mr. DiPietro, …"
	}
	after = d.skipTimeForward(after, b)
	if after+1 < b && d.toks[after].text == "," {
		if p, e, ok := d.resumed(after+1, b); ok {
			// The attribution interrupts the words: "In his state, Christie
			// said, nonviolent offenders are sent to treatment"; "Now, she
			// said, the Christians and Muslims don't mix much".
			q := d.reportedQuote(a, comma-1, c, sp)
			second := d.span(p, e)
			q.Parts = append(q.Parts, second)
			q.Content.End = second.End
			return q, true
		}
	}
	if comma-a < 3 {
		return Quote{}, false
	}
	if (frontedPreps[d.toks[a].lower] || subordinators[d.toks[a].lower]) && !d.hasVerb(a, comma) {
		return Quote{}, false // "After the match, Hernan Dario Gomez said, "…"": a fronted phrase, not words said
	}
	return d.reportedQuote(a, comma-1, c, sp), true
}

// resumed returns the rest of reported words that resume at token p after
// an interrupting attribution, to the end of the clause before b; not a
// quote, a participle that adds a statement (", adding that") or a
// coordinated verb (", and added").
func (d *doc) resumed(p, b int) (int, int, bool) {
	t := d.toks[p]
	if isMark(t.text) || !t.word && !t.num || t.lower == "and" || t.lower == "but" || t.lower == "or" ||
		isCue(t.lower) && !t.upper && strings.HasSuffix(t.lower, "ing") || t.lower == "according" {
		return 0, 0, false
	}
	e := d.clauseEnd(p, d.trimEnd(p, b))
	if e-p < 2 {
		return 0, 0, false
	}
	return p, e, true
}

// according handles "according to X, CLAUSE" and "CLAUSE, according to X"
// with the cue at tokens c, c+1.
func (d *doc) according(c int) (Quote, bool) {
	a, b := d.sentBounds(d.toks[c].sent)
	p := c + 2
	if p >= b {
		return Quote{}, false
	}
	var sp speaker
	switch d.toks[p].lower {
	case "him", "her", "them", "he", "she", "they", "it":
		sp = speaker{a: p, b: p + 1, ment: -1} // "According to him, …"
	}
	if e := d.toks[p].ment; !sp.ok() && e >= 0 && d.mtok[e][1]+1 < b && (d.toks[d.mtok[e][1]].lower == "'s" || d.toks[d.mtok[e][1]].lower == "’s") {
		if o := d.toks[d.mtok[e][1]+1].ment; o >= 0 && d.mentions[o].Kind == graph.Org {
			p = d.mtok[e][1] + 1 // "according to Saudi Arabia's Civil Defense Authority": the authority, not the country
		}
	}
	if sp.ok() {
	} else if d.toks[p].ment >= 0 && (d.mtok[d.toks[p].ment][1] >= b || !linkPreps[d.toks[d.mtok[d.toks[p].ment][1]].lower]) {
		sp = d.mentionSpeaker(p)
	} else {
		k := d.npRight(p, b)
		if k == p {
			return Quote{}, false
		}
		sp = d.source(speaker{a: p, b: k, ment: -1})
	}
	if notSources[d.toks[sp.b-1].lower] {
		return Quote{}, false // "according to the calendar", "according to the law": no one speaks
	}
	q := Quote{Cue: d.text[d.toks[c].span.Start:d.toks[c+1].span.End], CueSpan: d.span(c, c+1),
		Speaker: d.span(sp.a, sp.b-1), SpeakerMention: -1}
	switch {
	case c > a && d.toks[c-1].text == ",":
		if c-1-a < 3 || isMark(d.toks[a].text) || d.inQuote[a] >= 0 || isMark(d.toks[c-2].text) {
			return Quote{}, false
		}
		q.Content = d.span(a, c-2)
	case c == a:
		k := sp.b
		for k < b && d.toks[k].text != "," {
			k++
		}
		if k >= b || sp.b < b && d.toks[sp.b].text != "," && k-sp.b > 3 {
			k = sp.b - 1 // no comma after the source: "According to the Saudi Interior Ministry over 345 pilgrims have been killed"
		}
		e := b - 1
		for e > k && terminal(d.toks[e].text) {
			e--
		}
		if k+1 >= e || isMark(d.toks[k+1].text) {
			return Quote{}, false
		}
		if l := d.toks[k+1].lower; l == "quoting" || l == "citing" {
			// "According to Yonhap news agency, quoting North Korea's main
			// news agency Korean Central News Agency (KCNA), the country's
			// military …": the words are the quoted source's.
			if m, end := d.quotedSource(k+2, e); m >= 0 {
				sp = d.mentionSpeaker(d.mtok[m][0])
				q.Speaker = d.span(sp.a, sp.b-1)
				k = end
			}
		}
		q.Content = d.span(k+1, e)
	default:
		return Quote{}, false
	}
	q.Parts = []graph.Span{q.Content}
	return q, true
}

// quotedSource returns the first person or organisation named in the
// phrase from token p to the next comma before e, and that comma: the
// source after "quoting" or "citing". -1 when the phrase names none or
// has no comma.
func (d *doc) quotedSource(p, e int) (m, comma int) {
	m = -1
	for k := p; k < e && k < p+16; k++ {
		if d.toks[k].text == "," {
			if m < 0 {
				return -1, 0
			}
			return m, k
		}
		if t := d.toks[k].ment; m < 0 && t >= 0 && d.mtok[t][0] == k && (d.mentions[t].Kind == graph.Org || d.mentions[t].Kind == graph.Person) {
			m = t
		}
	}
	return -1, 0
}

// notSources are what "according to" may follow without anyone speaking.
var notSources = map[string]bool{"calendar": true, "schedule": true, "plan": true, "plans": true, "law": true, "laws": true,
	"rules": true, "constitution": true, "agreement": true, "agreements": true, "treaty": true, "legislation": true,
	"tradition": true, "protocol": true, "procedure": true, "programme": true, "program": true, "timetable": true,
	"script": true, "scenario": true, "logic": true, "regulations": true, "needs": true, "instructions": true}

// transcripts finds transcript turns: a sentence that opens with a name
// (and its title) followed by a colon, "Vladimir Putin: Good afternoon…".
// A turn opens a line; once a text has one, it is a transcript, and turns
// may also open a sentence inside a line (pages that run the whole
// conversation into one paragraph). A turn's words run to the end of the
// line or to the next turn's label, whichever comes first: "Vladimir
// Putin: … A record profit, is that right? Chairman of the Management
// Board of Sberbank German Gref: Yes, Mr President." is two turns.
func (d *doc) transcripts(out []Quote) []Quote {
	type turn struct {
		colon int
		sp    speaker
		line  bool
	}
	var turns []turn
	labels := map[int]bool{} // sentences that open with a speaker's label
	transcript := false
	for s := range d.sents {
		a, b := d.sentBounds(s)
		if a >= b {
			continue
		}
		k, sp, ok := d.turnLabel(a, b)
		if !ok {
			continue
		}
		labels[s] = true
		if !sp.ok() {
			continue
		}
		line := d.lineStart(a)
		transcript = transcript || line
		turns = append(turns, turn{k, sp, line})
	}
	for _, t := range turns {
		if !t.line && !transcript {
			continue
		}
		k := t.colon
		colon := d.toks[k]
		lineEnd := strings.IndexByte(d.text[colon.span.End:], '\n')
		if lineEnd < 0 {
			lineEnd = len(d.text)
		} else {
			lineEnd += colon.span.End
		}
		e := k + 1
		words := 0
		for ; e+1 < len(d.toks) && d.toks[e+1].span.End <= lineEnd; e++ {
			if d.toks[e+1].sent != d.toks[e].sent && labels[d.toks[e+1].sent] {
				break // the next speaker's turn
			}
			if d.toks[e].word {
				words++
			}
		}
		if words < 2 {
			continue // "Clinton: 547."
		}
		content := d.span(k+1, e)
		out = append(out, Quote{Content: content, Parts: []graph.Span{content}, Cue: ":", CueSpan: colon.span,
			Speaker: d.span(t.sp.a, t.sp.b-1), SpeakerMention: -1})
	}
	return out
}

// turnLabel reads a transcript speaker's label at the start of the
// sentence of tokens [a, b): capitalised words (with "of", "the", "for",
// "and" and possessives between them, as titles have) up to a colon. It
// returns the colon's token and the speaker when a name the tagger found
// stands right before the colon. A label that holds a name but does not
// end in one (a page's "Maria Lvova-Belova MariaPresidential Commissioner
// for Children's Rights :", or a name the tagger missed after an
// organisation's) is a label without a speaker, which still ends the
// turn before it.
func (d *doc) turnLabel(a, b int) (int, speaker, bool) {
	for k := a + 1; k < b && k < a+24; k++ {
		tk := d.toks[k]
		if tk.text != ":" {
			switch {
			case tk.word && tk.upper, tk.lower == "of", tk.lower == "the", tk.lower == "for", tk.lower == "and",
				tk.text == "'s", tk.text == "’s", tk.text == "'", tk.text == "’", tk.text == "-":
				continue
			}
			return 0, speaker{}, false
		}
		if k+1 >= len(d.toks) || d.inQuote[k+1] >= 0 {
			return 0, speaker{}, false
		}
		if d.toks[k-1].ment >= 0 {
			if sp := d.named(k - 1); sp.ok() {
				return k, sp, true
			}
		}
		if k-a >= 2 && d.mentionIn(a, k) {
			return k, speaker{}, true
		}
		return 0, speaker{}, false
	}
	return 0, speaker{}, false
}

// mentionIn reports whether a name the tagger found starts in tokens [a, b).
func (d *doc) mentionIn(a, b int) bool {
	for i := a; i < b; i++ {
		if d.toks[i].ment >= 0 {
			return true
		}
	}
	return false
}

// headlineCue reports whether the capitalised word at c is a cue in a
// title-case headline ("Trump Says His Plan Will…"): "Says" or "Said"
// after a name.
func (d *doc) headlineCue(c int) bool {
	a, _ := d.sentBounds(d.toks[c].sent)
	l := d.toks[c].lower
	return (l == "says" || l == "said") && c > a && d.toks[c-1].ment >= 0
}
