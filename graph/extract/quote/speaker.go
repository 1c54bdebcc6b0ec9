package quote

import (
	"strings"

	"dateline/graph"
	"dateline/graph/names"
)

// speaker is a speaker found next to a cue: its token range [a,b) and the
// mention it is, or -1 for a pronoun or a descriptor.
type speaker struct {
	a, b int
	ment int
	// quoted is set for the object of "quoted X as saying", who speaks
	// although other words stand between the quote and the name.
	quoted bool
	// far is set for a subject found away from its cue, the subject of
	// the sentence whose later verb the cue is ("Graham called … and
	// said", "Trump was in Bangor, promising …"): no clause before it is
	// its content.
	far bool
}

func (s speaker) ok() bool { return s.b > s.a }

// mentionSpeaker returns the speaker for the mention covering token i.
func (d *doc) mentionSpeaker(i int) speaker {
	m := d.toks[i].ment
	r := d.mtok[m]
	if d.titleOnly(m) {
		// "The First Lady said", "First Lady" tagged as a name: a
		// description of whoever holds the role, with its article.
		a := r[0]
		if a > 0 && determiners[d.toks[a-1].lower] && d.toks[a-1].sent == d.toks[a].sent {
			a--
		}
		return speaker{a: a, b: r[1], ment: -1}
	}
	return speaker{a: r[0], b: r[1], ment: m}
}

// speakerLeft finds the subject of the cue at token c: the name, pronoun
// or descriptor just before it in the same sentence, past auxiliaries and
// adverbs ("Putin has assured", "He further stated", "He also went on to
// say"), or the name before an apposition or relative clause ("Sergei
// Lavrov, Russia's foreign minister, said"; "Trump, who …, said").
func (d *doc) speakerLeft(c int) speaker {
	a, _ := d.sentBounds(d.toks[c].sent)
	j := c - 1
	if sp := d.quotedAs(c, a); sp.ok() {
		return sp
	}
	if j-2 >= a && d.toks[j].lower == "to" {
		switch {
		case d.toks[j-1].lower == "on" && j-2 >= a && (d.toks[j-2].lower == "went" || d.toks[j-2].lower == "goes" || d.toks[j-2].lower == "go"):
			j -= 3 // "went on to say"
		case d.toks[j-1].lower == "continued" || d.toks[j-1].lower == "continues" || d.toks[j-1].lower == "proceeded":
			j -= 2 // "continued to insist"
		}
	}
	if j-1 >= a && aspectVerbs[d.toks[j].lower] && strings.HasSuffix(d.toks[c].lower, "ing") {
		j-- // "several municipalities have started asking", "kept saying"
	}
	if j-1 >= a && lightVerbs[d.toks[j].lower] && !strings.HasSuffix(d.toks[c].lower, "ing") {
		j-- // "He expressed hope that", "Zelenskyy voiced confidence that": the subject of the light verb speaks
	}
	if d.passive(c, a) {
		return speaker{} // "Donald Trump was also accused of", "he was told that": the subject is spoken to or about
	}
	for {
		for j >= a && (skippable[d.toks[j].lower] || isAdverb(d.toks[j])) {
			j--
		}
		k := d.skipTimeBack(j, a)
		if k == j {
			break
		}
		j = k
	}
	if j < a {
		return speaker{}
	}
	t := d.toks[j]
	switch {
	case t.ment >= 0:
		return d.phraseOf(j, a)
	case t.lower == "it" && j+1 < c && beForms[d.toks[j+1].lower] && pastTense(d.toks[c].lower):
		return speaker{} // "It was noted that …": a passive with no one named
	case subjectPronouns[t.lower]:
		return speaker{a: j, b: j + 1, ment: -1}
	case t.lower == "and" || t.lower == "but":
		return d.subject(j, a) // "Graham called … and said"
	case t.text == "," && j == c-1 && strings.HasSuffix(d.toks[c].lower, "ing"):
		return d.subject(j, a) // "Albright urged women …, saying"
	case t.text == "," && j == c-1 && strings.HasSuffix(d.toks[c].lower, "ed") && frames[d.toks[c].lower] != noFrame:
		if sp := d.apposed(j, a); sp.ok() {
			return sp
		}
		return d.subject(j, a) // "The candidate has mocked a reporter, referred to immigrants as "rapists""
	case t.text == ",":
		if j-1 >= a && d.toks[j-1].ment >= 0 {
			// "A Twitter spokesman, Christopher Abboud, said": the
			// apposition is a person's whole name. Not "Len Duvall, the
			// chair of the London Assembly, said".
			m := d.toks[j-1].ment
			if r := d.mtok[m]; r[1] == j && r[0]-1 >= a && d.toks[r[0]-1].text == "," && d.mentions[m].Kind == graph.Person {
				return d.mentionSpeaker(j - 1)
			}
		}
		return d.apposed(j, a)
	case t.lower == "who" && t.text != "WHO":
		return d.apposed(j, a)
	case t.num && !year(t.text):
		return speaker{a: j, b: j + 1, ment: -1} // "Six in 10 say"; not "filed a lawsuit in 2013 alleging"
	case notSpeakers[t.lower]:
		return speaker{}
	case t.word && (!function[t.lower] || acronym(t.text)) && !determiners[t.lower]:
		if o := d.ofHead(j, a); o >= 0 {
			start := d.npStart(o, a)
			if start-2 >= a && d.roleTo(start-1, a) {
				// "The Adviser to the Head of the President's Office
				// noted", whether or not the tagger named the office: the
				// role's holder speaks, as in phraseOf.
				start = d.npStart(start-2, a)
			}
			return speaker{a: start, b: j + 1, ment: -1} // "the ministry of energy and mines said"
		}
		return d.nounPhrase(j, a)
	}
	return speaker{}
}

// passive reports whether the cue at token c is a passive participle
// ("was accused", "has been told", "were urged"): a form of "be" before
// it, past adverbs; "It was noted" included.
func (d *doc) passive(c, a int) bool {
	w := d.toks[c].lower
	if !strings.HasSuffix(w, "ed") && w != "told" && w != "said" && w != "written" && w != "shown" {
		return false
	}
	for j := c - 1; j >= a && j >= c-3; j-- {
		switch l := d.toks[j].lower; {
		case l == "was" || l == "were" || l == "been" || l == "being" || l == "is" || l == "are" || l == "be" || l == "am":
			return true
		case isAdverb(d.toks[j]) || l == "also" || l == "not" || l == "never" || l == "often" || l == "reportedly" || l == "widely":
		default:
			return false
		}
	}
	return false
}

// ofHead returns the head of the noun phrase whose "of" complement ends at
// token j ("ministry" in "the ministry of energy and mines", "mayor" in
// "the mayor of the city"): the head must be an institution's or a
// person's noun; -1 otherwise.
func (d *doc) ofHead(j, a int) int {
	for k := j; k > a && j-k < 8; k-- {
		t := d.toks[k]
		if t.lower == "of" || t.lower == "for" || t.lower == "at" {
			h := k - 1
			if h >= a && (institutionHeads[d.toks[h].lower] && t.lower == "of" || names.Is(d.toks[h].lower, names.PersonNoun)) && k < j {
				return h // "the ministry of energy and mines", "the nominee for the Nov. 8 election"
			}
			return -1
		}
		if t.text == "." || t.num {
			continue // "the Nov. 8 election"
		}
		if !t.word || determiners[t.lower] && d.toks[k-1].lower != "of" && d.toks[k-1].lower != "for" && d.toks[k-1].lower != "at" || function[t.lower] && t.lower != "and" || isCue(t.lower) && !t.upper {
			return -1
		}
	}
	return -1
}

// aspectVerbs take a participle cue as their object: "started asking",
// "kept saying"; their subject is the speaker.
var aspectVerbs = map[string]bool{"started": true, "starts": true, "began": true, "begins": true, "kept": true, "keeps": true,
	"stopped": true, "continued": true, "continues": true, "resumed": true}

// beForms are the forms of "be" and the auxiliaries of a passive.
var beForms = map[string]bool{"is": true, "was": true, "has": true, "had": true, "will": true, "would": true, "be": true, "been": true, "being": true}

// lightVerbs take a speech noun as their object ("expressed hope that",
// "voiced confidence that", "gave assurances that"): the noun is the cue,
// and the speaker is the light verb's subject.
var lightVerbs = map[string]bool{"expressed": true, "expresses": true, "voiced": true, "voices": true, "gave": true,
	"gives": true, "made": true, "makes": true, "issued": true, "issues": true, "offered": true, "offers": true}

// notSpeakers are words that head no speaker even when they stand before a
// cue: "Please tell…", "Much has been said", "It goes without saying".
var notSpeakers = map[string]bool{"please": true, "much": true, "nothing": true, "something": true, "everything": true,
	"anything": true, "little": true, "enough": true, "goes": true, "without": true, "let": true}

// linkPreps join a noun to the name that complements it in a speaker's
// noun phrase: "an adviser to Volodymyr Zelenskiy", "emergency services in
// Kharkiv", "the mayor of Mariupol", "a spokesman for the ministry".
var linkPreps = map[string]bool{"to": true, "of": true, "for": true, "in": true, "at": true, "from": true, "with": true, "including": true}

// phraseOf returns the speaker whose last word is the name mention at
// token j. A name is the speaker itself ("Zelenskiy said"), unless a
// preposition ties it to a noun before it: then the speaker is the whole
// noun phrase, a description, and the name is only its complement ("an
// adviser to Volodymyr Zelenskiy said", "emergency services in Kharkiv
// said"). A person or organisation before the preposition is the speaker
// ("Dmitry Peskov of the Kremlin said").
func (d *doc) phraseOf(j, a int) speaker {
	m := d.toks[j].ment
	r := d.mtok[m]
	if o := d.joinedOrg(r[0], a); o >= 0 {
		return speaker{a: o, b: r[1], ment: -1} // "the Institute for the Study of War", tagged as two names
	}
	if p := r[0] - 1; p >= a && d.mentions[m].Kind == graph.Org && d.toks[p].ment >= 0 && d.mentions[d.toks[p].ment].Kind == graph.Misc &&
		d.mtok[d.toks[p].ment][1] == r[0] {
		// "the Israeli Ministry of Agriculture said", tagged as a
		// nationality and an organisation: the speaker is the whole name.
		return speaker{a: d.mtok[d.toks[p].ment][0], b: r[1], ment: m}
	}
	start, head := r[0], -1
	for d.mentions[m].Kind == graph.Place && start-2 >= a && d.toks[start-1].text == "," && d.toks[start-2].ment >= 0 &&
		d.mentions[d.toks[start-2].ment].Kind == graph.Place {
		// "Stacy Baker of Columbia, South Carolina says": a town and its
		// state are one place in the phrase.
		start = d.mtok[d.toks[start-2].ment][0]
	}
	if start-2 >= a && d.toks[start-1].lower == "the" && linkPreps[d.toks[start-2].lower] {
		start-- // "A lawmaker in the Philippines"
	}
	if start-3 >= a && d.toks[start-1].lower == "by" {
		switch d.toks[start-2].lower {
		case "seen", "obtained", "reviewed", "quoted", "cited":
			// "A leaked internal letter seen by Sky News says": the paper
			// only saw the document; its author is not named here.
			for k := start - 3; k >= a && k >= start-6; k-- {
				if docNouns[d.toks[k].lower] {
					return speaker{a: d.npStart(k, a), b: r[1], ment: -1}
				}
			}
		}
	}
	if p := r[0] - 1; p-1 >= a && (d.toks[p].lower == "'s" || d.toks[p].lower == "’s") && d.mentions[m].Kind != graph.Person &&
		(institutionHeads[d.toks[r[1]-1].lower] || names.Is(d.toks[r[1]-1].lower, names.PersonNoun)) {
		// The name is the head of a possessive phrase that may itself be
		// the complement of a description: "the Head of the President's
		// Office said".
		start, head = d.npStartPossessive(p, a), r[0]
	}
	for range 3 {
		if start-2 < a || !linkPreps[d.toks[start-1].lower] || head >= 0 && d.toks[start-1].lower != "of" && !d.roleTo(start-1, a) {
			break // beyond the first, only "of" chains ("the ministry of defence of Russia") and a role's "to" ("The Adviser to the Head of …")
		}
		h := start - 2
		ht := d.toks[h]
		if ht.ment >= 0 && d.titleOnly(ht.ment) {
			start, head = d.npStart(h, a), h // "the First Lady of Ukraine noted", "First Lady" tagged as a name
			continue
		}
		if ht.ment >= 0 {
			if k := d.mentions[ht.ment].Kind; (k == graph.Person || k == graph.Org) && head < 0 {
				return d.mentionSpeaker(h)
			}
			break
		}
		if !ht.word || function[ht.lower] || determiners[ht.lower] || skippable[ht.lower] || isCue(ht.lower) && !ht.upper ||
			ht.upper && !names.Is(ht.lower, names.Title|names.PersonNoun|names.Modifier) {
			break
		}
		start, head = d.npStart(h, a), h
	}
	if head < 0 {
		return d.mentionSpeaker(j)
	}
	if ht := d.toks[head]; start == head && !ht.upper && !peoplePlural(ht.lower) && !names.Is(ht.lower, names.PersonNoun) && !docNouns[ht.lower] {
		return d.mentionSpeaker(j) // a bare noun, "tensions with Russia said": not a speaker's noun phrase
	}
	return d.source(speaker{a: start, b: r[1], ment: -1})
}

// titleOnly reports whether mention m is written only in title and
// modifier words ("First Lady", "Prime Minister"): a role the tagger took
// for a name, which heads a description rather than naming anyone.
func (d *doc) titleOnly(m int) bool {
	r := d.mtok[m]
	head := false
	for k := r[0]; k < r[1]; k++ {
		w := d.toks[k].lower
		switch {
		case names.Is(w, names.Title|names.PersonNoun):
			head = true
		case names.Is(w, names.Modifier):
		default:
			return false
		}
	}
	return head
}

// joinedOrg returns the first token of an organisation name that the
// tagger split in two at "for", "of" or "on" ("Institute" + "for the" +
// "Study of War"): when the ORG mention starting at token k follows such a
// word (and "the") right after another ORG mention, that mention's first
// token; else -1.
func (d *doc) joinedOrg(k, a int) int {
	m := d.toks[k].ment
	if m < 0 || d.mentions[m].Kind != graph.Org {
		return -1
	}
	p := k - 1
	if p >= a && d.toks[p].lower == "the" {
		p--
	}
	if p-1 < a || (d.toks[p].lower != "for" && d.toks[p].lower != "of" && d.toks[p].lower != "on") {
		return -1
	}
	o := d.toks[p-1].ment
	if o < 0 || d.mentions[o].Kind != graph.Org || d.mtok[o][1] != p {
		return -1
	}
	return d.mtok[o][0]
}

// npStartPossessive returns the first token of the possessor phrase that
// ends with the possessive marker at token p ("the President" in "the
// President's Office").
func (d *doc) npStartPossessive(p, a int) int {
	k := p - 1
	if m := d.toks[k].ment; m >= 0 && d.mtok[m][0] >= a {
		k = d.mtok[m][0]
	}
	if k-1 >= a && determiners[d.toks[k-1].lower] {
		k--
	}
	return k
}

// quotedAs finds the speaker of "quoted X as saying" or "cited X as
// saying" for the cue "saying" (or "stating", "telling") at token c: X,
// the object of quoted.
func (d *doc) quotedAs(c, a int) speaker {
	if c-3 < a || d.toks[c-1].lower != "as" {
		return speaker{}
	}
	switch d.toks[c].lower {
	case "saying", "stating", "telling", "warning", "adding":
	default:
		return speaker{}
	}
	for v := c - 3; v >= a && v >= c-12; v-- {
		switch d.toks[v].lower {
		case "quoted", "quotes", "quoting", "cited", "cites", "citing":
		default:
			continue
		}
		var sp speaker
		if t := d.toks[v+1]; t.ment >= 0 && d.mtok[t.ment][1] < c-1 && d.toks[d.mtok[t.ment][1]].text == "," && d.toks[c-2].text == "," {
			sp = d.mentionSpeaker(v + 1) // "quoted Wassim Bouhlel, a Nice native, as saying"
			sp.quoted = true
			return sp
		}
		if t := d.toks[v+1]; t.ment >= 0 && d.mtok[t.ment][1] == c-1 {
			sp = d.mentionSpeaker(v + 1)
		} else if d.toks[c-2].ment >= 0 {
			sp = d.phraseOf(c-2, a)
		} else {
			sp = speaker{a: v + 1, b: c - 1, ment: -1}
		}
		if sp.a <= v || sp.b != c-1 {
			return speaker{}
		}
		sp.quoted = true
		return sp
	}
	return speaker{}
}

// npStart returns the first token of the noun phrase whose head is token
// j: back over modifiers to a determiner or a possessive ("the region's
// governor", "Russia's defence ministry"), at most six tokens.
func (d *doc) npStart(j, a int) int {
	k := j
	for k-1 >= a && j-k < 6 {
		p := d.toks[k-1]
		if determiners[p.lower] {
			return k - 1
		}
		if p.lower == "'s" || p.lower == "’s" {
			k--
			if k-1 >= a && d.toks[k-1].word {
				k--
				if m := d.toks[k].ment; m >= 0 && d.mtok[m][0] >= a {
					k = d.mtok[m][0]
				}
				if k-1 >= a && (d.toks[k-1].lower == "the" || d.toks[k-1].lower == "a") {
					k-- // "the region's governor"
				}
			}
			return k
		}
		if !p.word || function[p.lower] && !p.upper || isCue(p.lower) && !p.upper {
			return k
		}
		k--
	}
	return k
}

// year reports whether a number is a year (1800 to 2099).
func year(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "18") || strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20"))
}

// acronym reports whether a word is an organisation's acronym the tagger
// may have missed ("WHO", "NATO"): two to six capitals.
func acronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// isAdverb reports whether t is a lower-case -ly adverb ("reportedly").
func isAdverb(t tok) bool {
	return t.word && !t.upper && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ly")
}

// apposed finds the name before an apposition or relative clause that
// ends at token j (a comma, or "who"): NAME , … , CUE or NAME , who CUE.
func (d *doc) apposed(j, a int) speaker {
	if d.toks[j].lower == "who" {
		if j-2 >= a && d.toks[j-1].text == "," && d.toks[j-2].ment >= 0 {
			return d.named(j - 2)
		}
		if j-2 >= a && d.toks[j-1].text == "," {
			return d.apposed(j-1, a) // "Donald Trump, the presumptive nominee, who has called …"
		}
		return speaker{}
	}
	for k := j - 1; k >= a && k >= j-30; k-- {
		t := d.toks[k]
		if isCue(t.lower) && !t.upper && (d.relative(k, a) || k-1 >= a && d.toks[k-1].text == "," && strings.HasSuffix(t.lower, "ing")) {
			continue // a relative or participle clause inside the apposition: "Guerrero, a Republican who described himself as …, said"; "McKeague, writing for the majority, said"
		}
		if isMark(t.text) && !d.apostrophe(k) || isCue(t.lower) && !t.upper || terminal(t.text) && t.text != "." { // a full stop inside a sentence ends an abbreviation: "R-Wis."
			return speaker{}
		}
		if t.text != "," || k-1 < a {
			continue
		}
		if d.toks[k-1].text == ")" {
			// "Sen. Richard J. Durbin (D-Ill.), noting …, said"
			for n := k - 2; n > a && n >= k-8; n-- {
				if d.toks[n].text == "(" {
					if d.toks[n-1].ment >= 0 {
						if sp := d.named(n - 1); sp.ok() {
							return sp
						}
					}
					break
				}
			}
		}
		p := d.toks[k-1]
		if p.ment >= 0 {
			if sp := d.named(k - 1); sp.ok() {
				return sp
			}
			continue // a place or age in the apposition: "Jillian Chase, 27, a user in New York, said"
		}
		if p.word && !p.upper && !function[p.lower] {
			return d.nounPhrase(k-1, a) // "Democratic economists, like their counterparts, say"
		}
	}
	return speaker{}
}

// apostrophe reports whether the mark at token k is the apostrophe of a
// plural possessive ("Sanders’ campaign manager"), not a quotation mark.
func (d *doc) apostrophe(k int) bool {
	t := d.toks[k]
	if k == 0 || t.text != "’" && t.text != "'" {
		return false
	}
	p := d.toks[k-1]
	return p.span.End == t.span.Start && p.word && strings.HasSuffix(p.lower, "s") && d.inQuote[k] < 0
}

// relative reports whether the verb at token k is the verb of a relative
// clause: "who" or "which" before it, past auxiliaries and adverbs ("who
// has told aides", "which had earlier said").
func (d *doc) relative(k, a int) bool {
	for j := k - 1; j >= a && j >= k-4; j-- {
		switch l := d.toks[j].lower; {
		case l == "who" || l == "which":
			return true
		case skippable[l] || isAdverb(d.toks[j]):
		default:
			return false
		}
	}
	return false
}

// named returns the speaker for the mention at token i when it is a
// person or organisation.
func (d *doc) named(i int) speaker {
	m := d.toks[i].ment
	if k := d.mentions[m].Kind; k != graph.Person && k != graph.Org {
		return speaker{}
	}
	return d.mentionSpeaker(i)
}

// nounPhrase collects the descriptor whose head is token j: back to a
// determiner or possessive ("the French leader", "Russia's foreign
// minister") or over capitalised and plain words ("US officials"), at most
// six tokens, within the sentence starting at token a.
func (d *doc) nounPhrase(j, a int) speaker {
	k := j
	for k-1 >= a && j-k < 6 {
		p := d.toks[k-1]
		if determiners[p.lower] {
			k--
			break
		}
		if p.lower == "'s" || p.lower == "’s" {
			k--
			if k-1 >= a && d.toks[k-1].word {
				k--
				if m := d.toks[k].ment; m >= 0 && d.mtok[m][0] >= a {
					k = d.mtok[m][0]
				}
				if k-1 >= a && (d.toks[k-1].lower == "the" || d.toks[k-1].lower == "a") {
					k-- // "the region's governor"
				}
			}
			break
		}
		if !p.word || function[p.lower] && !p.upper || isCue(p.lower) && !p.upper && !d.modifierCue(k-1, a) {
			break
		}
		k--
	}
	// A bare lower-case word is rarely a speaker ("change said"), unless
	// a plural that names people ("officials said", "critics say").
	if k == j && !d.toks[j].upper && !peoplePlural(d.toks[j].lower) {
		return speaker{}
	}
	if k-1 >= a && d.toks[k-1].num && k == j {
		k-- // "47 percent said"
	}
	if k == j && d.toks[j].upper && k > a && !acronym(d.toks[j].text) {
		return speaker{} // a capitalised word mid-sentence that the tagger did not call a name
	}
	return speaker{a: k, b: j + 1, ment: -1}
}

// modifierCue reports whether the cue word at token k modifies the noun
// after it, a determiner (and perhaps a country) before it: "the state
// department", "the US state department", "the press office".
func (d *doc) modifierCue(k, a int) bool {
	j := k - 1
	if j >= a && (d.toks[j].upper && d.countryOf(j) != "" || d.toks[j].ment >= 0) {
		j-- // "the US state department"
	}
	return j >= a && determiners[d.toks[j].lower]
}

// speakerRight finds the speaker after an inverted cue ("said Putin",
// "said the spokesman", "said Sen. Ted Cruz", "said he").
func (d *doc) speakerRight(c int) speaker {
	_, b := d.sentBounds(d.toks[c].sent)
	j := c + 1
	if j >= b {
		return speaker{}
	}
	t := d.toks[j]
	switch {
	case t.ment >= 0 && d.mentions[t.ment].Kind != graph.Person && d.titledPersonAfter(d.mtok[t.ment][1], b) >= 0:
		return d.mentionSpeaker(d.titledPersonAfter(d.mtok[t.ment][1], b)) // "said White House Press Secretary Josh Earnest"
	case t.ment >= 0:
		if e := d.mtok[t.ment][1]; e < b && (d.toks[e].lower == "'s" || d.toks[e].lower == "’s") {
			// "said Clinton's top foreign policy aide Jake Sullivan" is a
			// speaker; "said Ohio's remaining period is generous" the words'
			// subject.
			for k := e + 1; k < b && k <= e+7; k++ {
				tk := d.toks[k]
				if m := tk.ment; m >= 0 && d.mentions[m].Kind == graph.Person {
					if n := d.mtok[m][1]; n >= b || !d.toks[n].word {
						return d.mentionSpeaker(k)
					}
					return speaker{}
				}
				if !tk.word || function[tk.lower] || isCue(tk.lower) && !tk.upper {
					if names.Is(d.toks[k-1].lower, names.PersonNoun) && (terminal(tk.text) || tk.text == ",") {
						return speaker{a: j, b: k, ment: -1}
					}
					return speaker{}
				}
			}
			return speaker{}
		}
		return d.mentionSpeaker(j)
	case t.lower == "he" || t.lower == "she" || t.lower == "they":
		if j+1 < b && d.toks[j+1].word {
			return speaker{} // "…, said he recoiled", "…, says they are looking": the pronoun is the subject of what follows
		}
		return speaker{a: j, b: j + 1, ment: -1}
	case t.upper && t.word && j+1 < b && d.toks[j+1].ment >= 0:
		return d.mentionSpeaker(j + 1) // a title the tagger left out: "Sen. Ted Cruz"
	case determiners[t.lower]:
		if k := d.npRight(j, b); k > j+1 {
			if k+1 < b && d.toks[k].text == "," && d.toks[k+1].ment >= 0 && d.mentions[d.toks[k+1].ment].Kind == graph.Person {
				if e := d.mtok[d.toks[k+1].ment][1]; e >= b || !d.toks[e].word {
					return d.mentionSpeaker(k + 1) // "said the bureau's director, James B. Comey, on Monday"
				}
			}
			return speaker{a: j, b: k, ment: -1}
		}
	}
	return speaker{}
}

// titledPersonAfter returns the first token of a person named right after
// token k behind title words ("Press Secretary Josh Earnest" after "White
// House", "Minority Leader Harry M. Reid" after "Senate"), or -1.
func (d *doc) titledPersonAfter(k, b int) int {
	n := k
	for n < b && n-k < 4 && d.toks[n].word && d.toks[n].ment < 0 && names.Is(d.toks[n].lower, names.Title|names.PersonNoun|names.Modifier) {
		n++
	}
	if n == k || n >= b {
		return -1
	}
	if m := d.toks[n].ment; m >= 0 && d.mtok[m][0] == n && d.mentions[m].Kind == graph.Person {
		return n
	}
	return -1
}

// docNouns are words for what carries someone's words ("a statement
// from the ministry", "a tally by the Associated Press"): the speaker is
// the one it comes from.
var docNouns = map[string]bool{"statement": true, "report": true, "tally": true, "poll": true, "survey": true, "calculations": true,
	"data": true, "figures": true, "estimates": true, "estimate": true, "account": true, "letter": true, "audio": true, "video": true,
	"excerpts": true, "transcript": true, "analysis": true, "study": true, "records": true, "documents": true, "memo": true,
	"release": true, "readout": true, "post": true, "tweet": true, "message": true, "count": true, "review": true, "assessment": true,
	"update": true, "briefing": true, "interview": true, "book": true, "article": true, "summary": true, "order": true,
	"ruling": true, "cable": true, "filing": true, "memorandum": true, "passage": true, "complaint": true, "lawsuit": true,
	"indictment": true, "affidavit": true, "motion": true, "petition": true, "communique": true, "communiqué": true}

// source narrows a speaker that is a document to whom it comes from: "a
// statement from the Kremlin" → "the Kremlin", "a tally by the Associated
// Press" → "the Associated Press". Other speakers are returned unchanged.
func (d *doc) source(sp speaker) speaker {
	for k := sp.a; k+1 < sp.b; k++ {
		if !docNouns[d.toks[k].lower] {
			continue
		}
		n := k + 1
		for n < sp.b && (d.toks[n].lower == "released" || d.toks[n].lower == "issued" || d.toks[n].lower == "published" || d.toks[n].lower == "provided") {
			n++
		}
		if n < sp.b && (d.toks[n].lower == "seen" || d.toks[n].lower == "obtained" || d.toks[n].lower == "reviewed") {
			return sp // "a leaked letter seen by Sky News": the paper saw it, someone else wrote it
		}
		if n+1 < sp.b && (d.toks[n].lower == "by" || d.toks[n].lower == "from") {
			out := speaker{a: n + 1, b: sp.b, ment: -1}
			if m := d.toks[n+1].ment; m >= 0 && d.mtok[m][1] == sp.b {
				out.ment = m
			}
			return out
		}
	}
	return sp
}

// npRight returns the end (exclusive) of the noun phrase that starts at
// token j, before b: a determiner, modifiers and names up to the head,
// then up to three complements with "of", "for", "to", "at" or "in" ("the
// Deputy Head of the Office of the President", "the governor of the
// Kharkiv region"); at most fourteen tokens; j when none.
func (d *doc) npRight(j, b int) int {
	k := j
	if k < b && determiners[d.toks[k].lower] {
		k++
	}
	for chain := 0; ; chain++ {
		start := k
		for k < b && k-j < 14 {
			t := d.toks[k]
			if m := t.ment; m >= 0 && d.mtok[m][0] == k {
				k = d.mtok[m][1]
				continue
			}
			if !t.word && t.lower != "'s" && t.lower != "’s" && t.text != "-" || function[t.lower] || isCue(t.lower) && !t.upper {
				break
			}
			k++
		}
		if k == start || chain == 3 || k+1 >= b || !linkPreps[d.toks[k].lower] && d.toks[k].lower != "by" {
			break
		}
		n := d.toks[k+1]
		if !determiners[n.lower] && !n.upper && n.ment < 0 {
			break
		}
		k++
		if determiners[d.toks[k].lower] {
			k++
		}
	}
	return k
}

// subject returns the subject of the sentence that starts at token a, for
// a cue after token j that continues its first verb ("Graham called … and
// said"; "Clinton celebrated …, declaring"): the leftmost name or personal
// pronoun before j that a lower-case word follows.
func (d *doc) subject(j, a int) speaker {
	if subordinators[d.toks[a].lower] || frontedPreps[d.toks[a].lower] {
		// "Although Bloomberg is not yet a candidate, Trump sent …", "At a
		// meeting of the Senate Democratic leadership, some senators …":
		// the subject follows the fronted clause.
		for k := a + 1; k < j; k++ {
			if d.toks[k].text == "," && (d.inQuote == nil || d.inQuote[k] < 0) {
				a = k + 1
				break
			}
		}
	}
	start := a
	if m := d.toks[a].ment; m >= 0 && d.mtok[m][0] == a && d.mtok[m][1]+1 < j && (d.toks[d.mtok[m][1]].lower == "'s" || d.toks[d.mtok[m][1]].lower == "’s") {
		start = d.mtok[m][1] // "Lazar's public defense counsel asked …"
	}
	if a < j && (d.toks[start].lower == "the" || d.toks[start].lower == "a" || d.toks[start].lower == "an" || start > a) && (d.toks[start].ment < 0 || start > a) {
		// "The candidate has mocked a reporter … and called him …": a
		// description opening the sentence is its subject.
		if e := d.npHead(start, min(j+1, len(d.toks))); e > start+1 && e <= j {
			h := d.toks[e-1]
			head := names.Is(h.lower, names.PersonNoun) || institutionHeads[h.lower] || groupNouns[h.lower] || peoplePlural(h.lower)
			b := e
			if head && d.toks[e].lower == "of" {
				// "The Deputy Head of the Office of the President thanked
				// …, and expressed hope": the head's "of" phrase of
				// capitalised words is part of the subject.
				b = d.ofNameEnd(e, j)
			}
			if n := d.toks[b]; head && b <= j && (n.word && !n.upper && !notVerb[n.lower] && !function[n.lower] || skippable[n.lower]) {
				return speaker{a: a, b: b, ment: -1, far: true}
			}
		}
	}
	for k := a; k < j; k++ {
		t := d.toks[k]
		if d.inQuote != nil && d.inQuote[k] >= 0 {
			continue
		}
		n := k + 1
		if n < j && d.toks[n].text == "(" { // "Sen. Bernie Sanders (I-Vt.) defended"
			for n < j && d.toks[n].text != ")" {
				n++
			}
			n++
		}
		if n >= j {
			continue
		}
		if t.ment >= 0 && d.mtok[t.ment][1] == k+1 {
			n = d.skipTimeForward(n, j) // "Joe Biden on Wednesday announced"
			if n >= j {
				continue
			}
		}
		next := d.toks[n]
		verbNext := next.word && !next.upper && !notVerb[next.lower]
		if t.ment >= 0 && d.mtok[t.ment][1] == k+1 && next.text == "," && d.mentions[t.ment].Kind != graph.Place {
			// "Priebus, who has been in daily contact with the Trump
			// campaign, arrived … and acknowledged": the name before an
			// apposition or relative clause that a verb follows.
			if e := d.appositionEnd(n, j); e > 0 && e+1 < j {
				if v := d.toks[e+1]; v.word && !v.upper && !notVerb[v.lower] && !function[v.lower] || skippable[v.lower] {
					if m := d.toks[n+1].ment; m >= 0 && d.mtok[m][1] == e && d.mentions[m].Kind == graph.Person {
						sp := d.mentionSpeaker(n + 1) // "The secretary general of CEI, Nunzio Galantino, has called"
						sp.far = true
						return sp
					}
					if sp := d.named(k); sp.ok() {
						sp.far = true
						return sp
					}
				}
			}
		}
		if t.ment >= 0 && d.mtok[t.ment][1] == k+1 && verbNext {
			if sp := d.phraseOf(k, a); sp.ok() && (sp.ment < 0 || d.named(k).ok()) {
				sp.far = true
				return sp // "The Head of State noted … and reminded"
			}
		}
		if (t.lower == "he" || t.lower == "she" || t.lower == "they") && verbNext {
			return speaker{a: k, b: k + 1, ment: -1, far: true}
		}
	}
	return speaker{}
}

// ofNameEnd returns the end (exclusive) of the "of" phrase at token e
// that names a body in capitalised words ("of the Office of the
// President", "of the President's Office"), before b; e when none.
func (d *doc) ofNameEnd(e, b int) int {
	end := e
	for k := e; k < b && k-e < 10; k++ {
		switch t := d.toks[k]; {
		case t.lower == "of" || t.lower == "the" || t.lower == "'s" || t.lower == "’s":
		case t.word && t.upper:
			end = k + 1
		default:
			return end
		}
	}
	return end
}

// appositionEnd returns the comma that closes the apposition or relative
// clause opened by the comma at token n ("Davis, a longtime liberal,"),
// before b; -1 when none closes within twenty tokens or a sentence ends.
func (d *doc) appositionEnd(n, b int) int {
	if n+1 >= b {
		return -1
	}
	if f := d.toks[n+1]; !determiners[f.lower] && f.lower != "who" && f.lower != "which" && f.lower != "whose" && !f.num && f.ment < 0 && !names.Is(f.lower, names.Title|names.PersonNoun) {
		return -1
	}
	for k := n + 2; k < b && k <= n+20; k++ {
		t := d.toks[k]
		if terminal(t.text) || isMark(t.text) {
			return -1
		}
		if t.text == "," {
			return k
		}
	}
	return -1
}

// frontedPreps open a phrase that a sentence may put before its subject:
// "At a meeting on Tuesday, some senators …".
var frontedPreps = map[string]bool{"at": true, "in": true, "on": true, "during": true, "with": true, "for": true, "from": true,
	"amid": true, "following": true, "throughout": true, "earlier": true, "later": true}

// subordinators open a clause that a sentence may put before its subject.
var subordinators = map[string]bool{"although": true, "though": true, "while": true, "whilst": true, "when": true, "if": true,
	"after": true, "before": true, "as": true, "because": true, "since": true, "despite": true, "unless": true, "once": true}

// npHead returns the end (exclusive) of the simple noun phrase that
// starts with a determiner at token a, before b: the determiner, then
// modifiers and the head, stopping at the first word that is not a noun
// phrase's (a verb, a preposition, a comma); a when none.
func (d *doc) npHead(a, b int) int {
	k := a + 1
	for k < b && k-a <= 5 {
		t := d.toks[k]
		if !t.word || function[t.lower] || skippable[t.lower] || isCue(t.lower) && !t.upper || pastTense(t.lower) && !t.upper {
			break
		}
		k++
	}
	return k
}

// notVerb are the lower-case words that cannot follow a subject as its
// verb; subject uses it to tell "Clinton has taken" from "Clinton and".
var notVerb = map[string]bool{"and": true, "or": true, "of": true, "who": true, "which": true, "'s": true, "’s": true, "as": true, "than": true, "like": true,
	"in": true, "at": true, "on": true, "for": true, "to": true, "from": true, "with": true, "the": true, "a": true, "an": true, "that": true}

// peoplePlural reports whether a bare lower-case word looks like a plural
// noun for people ("officials", "critics", "analysts", "Republicans"),
// not a verb in -s ("helps").
func peoplePlural(w string) bool {
	for _, suf := range []string{"ers", "ors", "ists", "ans", "ials", "ics", "ents", "ants", "ies", "ives", "ees", "ats", "men", "people", "polls", "sources", "experts", "aides", "voters", "leaders", "officers"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
