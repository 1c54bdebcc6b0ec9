package quote

import "strings"

// frame is what a verb that takes an object and a complement needs after
// it to report what its subject said: "urged Democrats to vote",
// "described the ruling as historic", "accused him of pandering".
type frame uint8

const (
	noFrame frame = iota
	// toFrame: an object, then a to-infinitive ("urged people not to
	// spread rumors", "called on Congress to pass a deal"); for the
	// verbs of promising, the infinitive alone ("threatened to tear it
	// up").
	toFrame
	// asFrame: an object, then "as" and what the subject called it
	// ("described homeopathy as a form of quackery").
	asFrame
	// nameFrame: an object, then the name given it, in quotation marks
	// or with "a"/"an" ("called him "my African American"", "called the
	// notion a hoax"), or "as" as in asFrame.
	nameFrame
	// charge: an object, then "of", "for" or "on" and the charge
	// ("accusing him of pandering", "blamed the violence on a disturbed
	// person", "ripping Hillary Clinton for her anti-gun agenda").
	charge
	// whetherFrame: a question, "whether" or "if" and what was asked
	// ("questioned whether the server thwarted public laws").
	whetherFrame
)

// frames lists the verbs of the complement frames by form. A verb that is
// also a plain cue ("urged that", "accused") keeps that use; the frame is
// tried when the plain reading finds no content.
var frames = func() map[string]frame {
	m := map[string]frame{}
	add := func(f frame, stems ...string) {
		for _, s := range stems {
			for _, w := range strings.Split(s, "|") {
				m[w] = f
			}
		}
	}
	add(toFrame, "urge|urged|urges|urging", "ask|asked|asks|asking", "invite|invited|invites|inviting",
		"encourage|encouraged|encourages|encouraging", "implore|implored|implores|imploring",
		"beg|begged|begs|begging", "exhort|exhorted|exhorts|exhorting", "advise|advised|advises|advising",
		"warn|warned|warns|warning", "tell|told|tells|telling", "instruct|instructed|instructs|instructing",
		"request|requested|requests|requesting", "challenge|challenged|challenges|challenging",
		"call|called|calls|calling", "plead|pleaded|pleads|pleading", "appeal|appealed|appeals|appealing",
		"press|pressed|presses|pressing", "remind|reminded|reminds|reminding",
		"promise|promised|promises|promising", "threaten|threatened|threatens|threatening",
		"vow|vowed|vows|vowing", "pledge|pledged|pledges|pledging")
	add(asFrame, "describe|described|describes|describing", "characterize|characterized|characterizes|characterizing",
		"characterise|characterised|characterises|characterising", "refer|referred|refers|referring",
		"cite|cited|cites|citing", "portray|portrayed|portrays|portraying", "depict|depicted|depicts|depicting",
		"dismiss|dismissed|dismisses|dismissing", "defend|defended|defends|defending", "hail|hailed|hails|hailing",
		"paint|painted|paints|painting", "denounce|denounced|denounces|denouncing", "attack|attacked|attacks|attacking")
	add(nameFrame, "dub|dubbed|dubs|dubbing", "term|termed|terms|terming", "brand|branded|brands|branding",
		"label|labeled|labelled|labels|labeling|labelling", "rate|rated|rates|rating")
	add(charge, "accuse|accused|accuses|accusing", "blame|blamed|blames|blaming", "criticize|criticized|criticizes|criticizing",
		"criticise|criticised|criticises|criticising", "fault|faulted|faults|faulting", "condemn|condemned|condemns|condemning",
		"slam|slammed|slams|slamming", "blast|blasted|blasts|blasting", "chide|chided|chides|chiding",
		"rip|ripped|rips|ripping", "rebuke|rebuked|rebukes|rebuking", "scold|scolded|scolds|scolding")
	add(whetherFrame, "question|questioned|questions|questioning", "wonder|wondered|wonders|wondering", "query|queried|queries")
	// "call" names as well as directs: "called on Congress to pass",
	// "called him a liar".
	for _, w := range []string{"call", "called", "calls", "calling"} {
		m[w] = toFrame | 0x80
	}
	return m
}()

// whetherVerbs report a question: "questioned whether …", "asked X
// whether …", "wondered if …".
var whetherVerbs = map[string]bool{"question": true, "questioned": true, "questions": true, "questioning": true,
	"ask": true, "asked": true, "asks": true, "asking": true, "wonder": true, "wondered": true, "wonders": true, "wondering": true,
	"query": true, "queried": true, "queries": true}

// promising are the verbs whose to-infinitive follows them directly:
// "threatened to tear it up", "promised to take the issue up".
var promising = map[string]bool{"promise": true, "promised": true, "promises": true, "promising": true,
	"threaten": true, "threatened": true, "threatens": true, "threatening": true, "vow": true, "vowed": true,
	"vows": true, "vowing": true, "pledge": true, "pledged": true, "pledges": true, "pledging": true}

// particles join some frame verbs to their object: "called on Congress",
// "pleaded with him", "referred to X as", "called for X to be banned".
var particles = map[string]string{"call": "on|for", "called": "on|for", "calls": "on|for", "calling": "on|for",
	"plead": "with", "pleaded": "with", "pleads": "with", "pleading": "with",
	"appeal": "to", "appealed": "to", "appeals": "to", "appealing": "to",
	"refer": "to", "referred": "to", "refers": "to", "referring": "to"}

// complement returns the content of a frame verb at token c: from its
// object to the end of the clause, when the words after the verb have
// the frame's shape; ok is false otherwise.
func (d *doc) complement(c int) (p, e int, ok bool) {
	w := d.toks[c].lower
	f, found := frames[w]
	if !found {
		return 0, 0, false
	}
	naming := f&0x80 != 0
	f &^= 0x80
	_, b := d.sentBounds(d.toks[c].sent)
	p = c + 1
	if p >= b {
		return 0, 0, false
	}
	particle := false
	if ps, has := particles[w]; has {
		for _, x := range strings.Split(ps, "|") {
			if d.toks[p].lower == x {
				particle = true
				p++
				break
			}
		}
		if !particle && (w == "refer" || w == "referred" || w == "refers" || w == "referring" || !naming && f == toFrame) {
			return 0, 0, false // "appealed" alone, "referred" alone: no object
		}
	}
	if p >= b {
		return 0, 0, false
	}
	if f == toFrame && promising[w] {
		if d.toks[p].lower == "to" && d.verbAfter(p) && !(p+2 < b && auxiliaries[d.toks[p+2].lower]) {
			return d.complementEnd(p, b) // not "the divides he promised to bridge have grown"
		}
		return 0, 0, false
	}
	if whetherVerbs[w] {
		// "questioned whether …", "asked the U.S. attorney whether …"
		for k := p; k < b && k <= p+8; k++ {
			if l := d.toks[k].lower; (l == "whether" || l == "if") && k+1 < b {
				return d.complementEnd(k, b)
			}
			if t := d.toks[k]; !t.word && t.text != "." && t.text != "'s" || d.inQuote[k] >= 0 {
				break
			}
		}
	}
	if f == whetherFrame || !d.objectStart(p) {
		return 0, 0, false
	}
	nameLike := f == nameFrame || naming && !particle // "called him a liar"
	for k := p + 1; k < b && k <= p+15; k++ {
		t := d.toks[k]
		if d.inQuote[k] >= 0 {
			continue
		}
		if t.text == ":" && nameLike && k+1 < b && isMark(d.toks[k+1].text) {
			return d.complementEnd(p, b) // "dubbed the conflict: "Scientology vs. the Internet""
		}
		if terminal(t.text) || t.text == ":" || t.text == "(" {
			return 0, 0, false
		}
		if t.word && !t.upper && isCue(t.lower) && !weakVerbs[t.lower] && k > p+1 {
			return 0, 0, false // another clause's verb: "asked the man who said"
		}
		if t.text == "," && f == toFrame && !nameLike {
			return 0, 0, false // a directive's object is one short phrase
		}
		toInf := t.lower == "to" && d.verbAfter(k) || t.lower == "not" && k+1 < b && d.toks[k+1].lower == "to" && d.verbAfter(k+1)
		switch {
		case nameLike && (isMark(t.text) && k+1 < b && d.inQuote[k+1] >= 0 || t.lower == "a" || t.lower == "an") && d.definiteObject(p):
			return d.complementEnd(p, b) // "called him "my African American"", "called the notion a hoax"
		case f == toFrame && toInf && k-p <= 8:
			return d.complementEnd(p, b) // "urged people not to spread rumors"
		case (f == asFrame || f == nameFrame) && t.lower == "as" && d.asComplement(k):
			return d.complementEnd(p, b) // "described the judgement as historic"
		case f == charge && (t.lower == "of" && strings.HasPrefix(w, "accus") || t.lower == "for" || t.lower == "on" && strings.HasPrefix(w, "blam")):
			if k+1 < b && (d.toks[k+1].word || isMark(d.toks[k+1].text)) {
				return d.complementEnd(p, b) // "accusing him of pandering"
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// objectStart reports whether token p can open a verb's object: a name, a
// pronoun, a determiner or a noun, not a preposition, a conjunction or a
// clause ("asked whether", "called for talks", "warned that").
func (d *doc) objectStart(p int) bool {
	t := d.toks[p]
	if t.ment >= 0 || t.num {
		return true
	}
	if !t.word {
		return false
	}
	switch t.lower {
	case "him", "her", "them", "it", "us", "me", "you", "himself", "herself", "themselves", "itself", "both", "all", "each":
		return true
	case "that", "whether", "if", "to", "for", "on", "in", "at", "with", "by", "from", "about", "of", "and", "or", "but", "as", "not", "up", "out", "off", "back":
		return false
	}
	return determiners[t.lower] || !function[t.lower] && !skippable[t.lower]
}

// definiteObject reports whether the object at token p is one a name can
// be given to: a pronoun, a name, or a definite noun phrase ("him", "the
// notion", "Warren"), not "half a dozen directors" or "a referendum".
func (d *doc) definiteObject(p int) bool {
	t := d.toks[p]
	if t.ment >= 0 {
		return true
	}
	switch t.lower {
	case "him", "her", "them", "it", "himself", "herself", "themselves", "itself", "the", "his", "their", "its", "this", "that", "these", "those", "both":
		return true
	}
	return false
}

// verbPhraseAt reports whether a verb phrase in the past tense starts at
// token k, before e, past adverbs: the second verb of a coordination
// ("and recently pointed", "and called").
func (d *doc) verbPhraseAt(k, e int) bool {
	for k <= e && (isAdverb(d.toks[k]) || d.toks[k].lower == "also" || d.toks[k].lower == "then" || d.toks[k].lower == "later") {
		k++
	}
	if k > e {
		return false
	}
	t := d.toks[k]
	return t.word && !t.upper && (pastTense(t.lower) || frames[t.lower] != noFrame && strings.HasSuffix(t.lower, "ed")) && !determiners[t.lower]
}

// verbAfter reports whether the word after "to" at token k is a verb of an
// infinitive, not the start of a noun phrase ("to vote", not "to the
// minister").
func (d *doc) verbAfter(k int) bool {
	if k+1 >= len(d.toks) || d.toks[k+1].sent != d.toks[k].sent {
		return false
	}
	n := d.toks[k+1]
	return n.word && !n.upper && !determiners[n.lower] && !function[n.lower] || n.lower == "be" || n.lower == "not"
}

// asComplement reports whether "as" at token k introduces what the
// object is called ("as historic", "as a form of quackery", "as having
// choked"), not a clause ("as he said") or "as well as".
func (d *doc) asComplement(k int) bool {
	if k+1 >= len(d.toks) || d.toks[k+1].sent != d.toks[k].sent {
		return false
	}
	n := d.toks[k+1]
	if subjectPronouns[n.lower] || n.lower == "well" || n.lower == "part" || n.lower == "of" || n.lower == "if" || n.lower == "though" {
		return false
	}
	return n.word || isMark(n.text)
}

// complementEnd returns the content that starts at token p and runs to the
// end of the clause, before b: to the sentence's end, a semicolon, or a
// comma that opens another clause (", and the hashtag was soon
// trending"), and never past another attribution (clauseEnd).
func (d *doc) complementEnd(p, b int) (int, int, bool) {
	e := d.trimEnd(p, b)
	for k := p + 1; k < e; k++ {
		if d.inQuote[k] >= 0 {
			continue
		}
		t := d.toks[k]
		if t.text == ";" || t.text == "—" || t.text == "–" || t.text == "-" && k+1 < e && d.toks[k+1].span.Start > t.span.End {
			e = k - 1
			break
		}
		if (t.lower == "and" || t.lower == "but") && d.verbPhraseAt(k+1, e) {
			e = k - 1 // "… as "rapists" and recently pointed to a man"
			break
		}
		if t.text == "," && k+1 < e && (clauseConj[d.toks[k+1].lower] || auxiliaries[d.toks[k+1].lower] ||
			d.toks[k+1].word && !d.toks[k+1].upper && isCue(d.toks[k+1].lower) && pastOrPresent(d.toks[k+1].lower)) {
			e = k - 1 // ", and the hashtag was trending"; "who has called it a hoax, could be"; ", said Friday"
			break
		}
	}
	e = d.clauseEnd(p, e)
	for e > p && (d.toks[e].text == "," || isMark(d.toks[e].text) && d.inQuote[e-1] < 0 && d.toks[e-1].text == ",") {
		e--
	}
	if e < p {
		return 0, 0, false
	}
	return p, e, true
}
