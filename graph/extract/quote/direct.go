package quote

import (
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/names"
)

// markQuotes records, for every token inside quoted words, the index of
// its quoted stretch, so that cues inside quotes are not taken as cues.
func (d *doc) markQuotes(segs []quoted) []int {
	in := make([]int, len(d.toks))
	for i := range in {
		in[i] = -1
	}
	for si, q := range segs {
		for _, p := range q.parts {
			for i := d.tokAt(p.Start); i < len(d.toks) && d.toks[i].span.Start < p.End; i++ {
				in[i] = si
			}
		}
	}
	return in
}

// direct attributes the quoted stretches: to a cue after the closing mark
// ("…," Macron said / said Putin), merging a second stretch that resumes
// after the attribution; else to a cue before the opening mark in the same
// sentence (Putin said some ideas were "realistic"; Putin said: "…"; Putin:
// "…"); else, for a stretch that opens a sentence right after an
// attributed quote, as a further part of that quote. Stretches with none of these are
// titles or scare quotes and are left out.
func (d *doc) direct(segs []quoted, out []Quote) []Quote {
	d.inQuote = d.markQuotes(segs)
	d.cueSpeaker = map[int]speaker{}
	d.partial = map[int]bool{}
	used := make([]bool, len(segs))
	var (
		last     = -1 // index in out of the last direct quote
		lastTok  = -1
		lastSent = -1
	)
	for i, q := range segs {
		if used[i] {
			continue
		}
		ot, ct := d.tokAt(q.open.Start), d.tokAt(q.close.Start)
		if ot >= len(d.toks) || ct >= len(d.toks) {
			continue
		}
		parts := append([]graph.Span(nil), q.parts...)
		cueA, cueB, sp, end := d.afterQuote(ct)
		if cueA >= 0 && i+1 < len(segs) {
			nt := d.tokAt(segs[i+1].open.Start)
			if nt < len(d.toks) && nt > end && nt-end <= 4 && d.clauseGap(end+1, nt) {
				parts = append(parts, segs[i+1].parts...)
				used[i+1] = true
			}
		}
		if cueA < 0 {
			cueA, cueB, sp = d.beforeQuote(ot)
		}
		if cueA < 0 {
			if dash, dsp := d.dashAuthor(ct); dsp.ok() {
				cueA, cueB, sp = dash, dash, dsp // ""So far, it's the Internet: 1, Scientology: 0." - Matthew Ingram"
			}
		}
		if cueA < 0 && last >= 0 && d.opensSentence(ot) && d.toks[ot].sent-lastSent <= 3 && d.paragraphs(lastTok, ot) <= 1 && !d.cueFollows(ct) &&
			(d.paragraphs(lastTok, ot) == 0 || d.lineStart(ot) && d.toks[ot].sent-lastSent <= 2 && d.words(ot, ct) >= 3) {
			// A further quoted sentence of the same speaker, with no cue of
			// its own: in the same paragraph it continues the previous
			// quote; a new paragraph opening a quote is a new statement of
			// the same speaker.
			prev := &out[last]
			if d.paragraphs(lastTok, ot) == 0 {
				prev.Parts = append(prev.Parts, parts...)
				prev.Content.End = parts[len(parts)-1].End
			} else {
				out = append(out, Quote{Parts: parts, Direct: true, SpeakerMention: -1, Speaker: prev.Speaker,
					Content: graph.Span{Start: parts[0].Start, End: parts[len(parts)-1].End}})
				last = len(out) - 1
			}
			lastTok = ct
			lastSent = d.toks[ct].sent
			continue
		}
		if cueA < 0 {
			if d.wholeSentence(ot, ct) {
				d.bare = append(d.bare, Quote{Parts: parts, Direct: true, SpeakerMention: -1,
					Content: graph.Span{Start: parts[0].Start, End: parts[len(parts)-1].End}})
			}
			continue // a title or a scare quote, unless bareQuotes finds its speaker
		}
		if cueA < ot-3 && d.nameInMarks(ot, ct) {
			continue // "in an interview for "Zygar" YouTube channel, "Rain" TV channel": names, not words said
		}
		qt := Quote{Parts: parts, Direct: true, SpeakerMention: -1}
		qt.Content = graph.Span{Start: parts[0].Start, End: parts[len(parts)-1].End}
		qt.CueSpan = d.span(cueA, cueB)
		qt.Cue = qt.CueSpan.Of(d.text)
		qt.Speaker = d.span(sp.a, sp.b-1)
		d.cueSpeaker[cueA] = sp
		for k := cueA + 1; k < ot; k++ {
			if d.toks[k].word && d.toks[k].lower != "that" {
				d.partial[cueA] = true // "said an "important announcement" would be made": the words around are reported
				break
			}
		}
		out = append(out, qt)
		last = len(out) - 1
		lastTok = ct
		lastSent = d.toks[ct].sent
	}
	return out
}

// nameInMarks reports whether the quoted stretch between the marks at ot
// and ct, found after its cue, is a name or a title rather than words
// said: at most four words, every one capitalised, no punctuation of a
// sentence.
func (d *doc) nameInMarks(ot, ct int) bool {
	if ct-ot-1 < 1 || ct-ot-1 > 4 || terminal(d.toks[ct-1].text) {
		return false
	}
	for k := ot + 1; k < ct; k++ {
		t := d.toks[k]
		if !t.word && !t.num || t.word && !t.upper && t.lower != "of" && t.lower != "the" && t.lower != "and" {
			return false
		}
	}
	return d.toks[ot+1].upper
}

// wholeSentence reports whether the quoted stretch from the opening mark
// at token ot to the closing mark at ct is a whole sentence of at least
// three words: it opens its sentence and only closing punctuation follows.
func (d *doc) wholeSentence(ot, ct int) bool {
	if !d.opensSentence(ot) {
		return false
	}
	_, b := d.sentBounds(d.toks[ct].sent)
	for k := ct + 1; k < b; k++ {
		if !terminal(d.toks[k].text) && !isMark(d.toks[k].text) && d.toks[k].text != ")" {
			return false
		}
	}
	words := 0
	for k := ot + 1; k < ct && words < 3; k++ {
		if d.toks[k].word {
			words++
		}
	}
	return words >= 3
}

// bareQuotes attributes the quoted sentences that have no attribution of
// their own (d.bare) to the speaker of the attribution just before them:
// a quote or reported statement whose sentence is the previous one, in
// the same paragraph or the one before ("The talks were difficult,
// Zelenskiy told reporters.⏎⏎"We need more weapons.""). qs must be in
// content order; bare quotes with no such neighbour are left out.
func (d *doc) bareQuotes(qs []Quote) []Quote {
	if len(d.bare) == 0 {
		return qs
	}
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Content.Start < qs[j].Content.Start })
	n := len(qs)
	for _, b := range d.bare {
		ot := d.tokAt(b.Content.Start)
		i := sort.Search(n, func(i int) bool { return qs[i].Content.Start >= b.Content.Start }) - 1
		if i < 0 || ot >= len(d.toks) {
			continue
		}
		prev := qs[i]
		if prev.Speaker.End <= prev.Speaker.Start {
			continue
		}
		pt := d.tokAt(max(prev.Content.End, prev.Speaker.End) - 1)
		if pt >= ot || d.toks[ot].sent-d.toks[pt].sent != 1 || d.paragraphs(pt, ot) > 1 {
			continue
		}
		b.Speaker = prev.Speaker
		qs = append(qs, b)
	}
	return qs
}

// cueFollows reports whether a cue verb follows the closing mark at
// token ct in its sentence: the quoted words have an attribution of their
// own, even one whose speaker the rules cannot read, and so do not
// continue the previous speaker's quote.
func (d *doc) cueFollows(ct int) bool {
	sent := d.toks[ct].sent
	for c := ct + 1; c < len(d.toks) && c <= ct+30; c++ {
		t := d.toks[c]
		if t.sent != sent || isMark(t.text) || terminal(t.text) {
			return false
		}
		if t.word && !t.upper && isCue(t.lower) {
			return true
		}
	}
	return false
}

// clauseGap reports whether tokens [a,b) are only the punctuation that
// separates an attribution from the resumed quote (", " or ": ").
func (d *doc) clauseGap(a, b int) bool {
	if b-1 < a {
		return false
	}
	for k := a; k < b; k++ {
		switch d.toks[k].text {
		case ",", ":", "—", "–", "-":
		default:
			if k != b-1 || !d.toks[k].word { // allow one adverb: he said, "…"
				return false
			}
		}
	}
	return d.toks[b-1].text == "," || d.toks[b-1].text == ":" || d.toks[b-1].text == "—"
}

// opensSentence reports whether token i is the first of its sentence.
func (d *doc) opensSentence(i int) bool { return d.first[d.toks[i].sent] == i }

// paragraphs counts the paragraph breaks between tokens a and b.
func (d *doc) paragraphs(a, b int) int {
	if a < 0 || a >= b || b >= len(d.toks) {
		return 99
	}
	return strings.Count(d.text[d.toks[a].span.End:d.toks[b].span.Start], "\n\n")
}

// afterQuote looks for the attribution after the closing mark at token
// ct, in the same sentence: a cue right after it with the speaker
// following ("…," said Putin), or a speaker right after it, possibly with
// an apposition, then the cue ("…," he added; "…," House Speaker Paul
// Ryan, the convention chair, told the delegates). It returns the cue's
// token range, the speaker and the last token of the attribution; cueA is
// -1 when there is none.
func (d *doc) afterQuote(ct int) (cueA, cueB int, sp speaker, end int) {
	k := ct + 1
	if k < len(d.toks) && (d.toks[k].text == "," || d.toks[k].text == "—" || d.toks[k].text == "–") {
		k++
	}
	sent := d.toks[ct].sent
	if d.askedOn(ct) {
		sent++ // ""You think I'm going to change?" Trump asked": the splitter ends the sentence at the question mark
	}
	if k+1 < len(d.toks) && d.toks[k].lower == "according" && d.toks[k+1].lower == "to" && d.toks[k].sent == sent {
		// "…", according to the Sydney Morning Herald.
		_, b := d.sentBounds(sent)
		if e := d.npRight(k+2, b); e > k+2 {
			sp = d.source(speaker{a: k + 2, b: e, ment: -1})
			if m := d.toks[e-1].ment; m >= 0 && d.mtok[m][1] == e && d.mtok[m][0] == sp.a {
				sp.ment = m
			}
			return k, k + 1, sp, e - 1
		}
		return -1, -1, speaker{}, 0
	}
	for c := k; c < len(d.toks) && c < k+30; c++ {
		t := d.toks[c]
		if t.sent != sent || terminal(t.text) && t.text != "." || isMark(t.text) && !d.apostrophe(c) || t.text == "(" || t.text == "." && c+1 < len(d.toks) && d.toks[c+1].sent != sent {
			break
		}
		if t.upper && c > k || !t.word || !isCue(t.lower) && !(readCue[t.lower] && c > k) || c > k && d.stateNoun(c) {
			continue
		}
		if c == k {
			sp = d.speakerRight(c)
		} else {
			sp = d.speakerLeft(c)
			if sp.ok() && !sp.quoted && !d.description(k, sp.a) {
				sp = speaker{}
			}
			if readCue[t.lower] && sp.ok() && !(sp.b-sp.a == 1 && d.toks[sp.a].lower == "it" || docNouns[d.toks[sp.b-1].lower]) {
				sp = speaker{} // "…," it read; "…," the letter reads
			}
		}
		if !sp.ok() {
			return -1, -1, speaker{}, 0
		}
		return c, c, sp, max(c, sp.b-1)
	}
	return -1, -1, speaker{}, 0
}

// wordsOf finds "in the words of X," between token a and the opening
// mark at ot, the phrase ending right before the quote, and returns the
// token of "in" and X.
func (d *doc) wordsOf(a, ot int) (int, speaker) {
	if ot-1 <= a || d.toks[ot-1].text != "," {
		return -1, speaker{}
	}
	for k := ot - 2; k-3 >= a && k >= ot-16; k-- {
		if d.toks[k].lower != "of" || d.toks[k-1].lower != "words" || d.toks[k-2].lower != "the" || d.toks[k-3].lower != "in" {
			continue
		}
		for n := k + 1; n < ot-1; n++ {
			if m := d.toks[n].ment; m >= 0 && d.mentions[m].Kind == graph.Person {
				return k - 3, d.mentionSpeaker(n)
			}
		}
		if e := d.npRight(k+1, ot); e > k+1 {
			return k - 3, speaker{a: k + 1, b: e, ment: -1}
		}
	}
	return -1, speaker{}
}

// words counts the words between tokens a and b.
func (d *doc) words(a, b int) int {
	n := 0
	for k := a; k < b && k < len(d.toks); k++ {
		if d.toks[k].word {
			n++
		}
	}
	return n
}

// dashAuthor finds the author written after a dash that follows the
// quote closing at token ct, on its line or opening the next paragraph:
// ""…" - Matthew Ingram", ""…"⏎⏎-President Obama, tweeting after …". It
// returns the dash's token and the name.
func (d *doc) dashAuthor(ct int) (int, speaker) {
	k := ct + 1
	if k >= len(d.toks) {
		return -1, speaker{}
	}
	switch d.toks[k].text {
	case "-", "—", "–", "--":
	default:
		return -1, speaker{}
	}
	if gap := d.paragraphs(ct, k); gap > 1 || gap == 1 && !d.lineStart(k) {
		return -1, speaker{}
	}
	for n := k + 1; n < len(d.toks) && n <= k+4; n++ {
		t := d.toks[n]
		if t.ment >= 0 {
			if sp := d.named(n); sp.ok() {
				return k, sp
			}
			return -1, speaker{}
		}
		if !t.word || !names.IsTitle(t.text) {
			return -1, speaker{}
		}
	}
	return -1, speaker{}
}

// readCue are the verbs that attribute words to the document they are
// written in, after the quote: "…," it read.
var readCue = map[string]bool{"read": true, "reads": true}

// askedOn reports whether the quote that closes at token ct ends with a
// question or exclamation mark at which the splitter ended the sentence,
// while the attribution follows on the same line: ""Why?" Trump asked".
func (d *doc) askedOn(ct int) bool {
	if ct < 1 || ct+1 >= len(d.toks) || d.toks[ct+1].sent != d.toks[ct].sent+1 || d.paragraphs(ct, ct+1) > 0 {
		return false
	}
	if q := d.toks[ct-1].text; q != "?" && q != "!" {
		return false
	}
	n := d.toks[ct+1]
	if n.word && n.upper && ct+2 < len(d.toks) && isCue(d.toks[ct+2].lower) {
		return true // "Trump asked" with Trump not tagged
	}
	return n.word && !n.upper || n.ment >= 0 || subjectPronouns[n.lower] || n.lower == "the"
}

// description reports whether tokens [a,b) are a description that may
// stand between a quote and its speaker's name: titles ("House Speaker",
// "chief executive", "screenwriter"), the name of an organisation
// ("Judicial Watch president"), or an apposition ending in a comma ("his
// wife, Gabriela Violeta Lazar"); at most eight tokens.
func (d *doc) description(a, b int) bool {
	if b < a || b-a > 8 {
		return false
	}
	for k := a; k < b; k++ {
		t := d.toks[k]
		switch {
		case t.upper, t.text == ".", t.ment >= 0:
		case t.text == "," && k == b-1 && k > a:
		case t.lower == "the" || t.lower == "his" || t.lower == "her" || t.lower == "their" || t.lower == "its" || t.lower == "'s" || t.lower == "’s" || t.lower == "of":
		case t.word && names.Is(t.lower, names.Title|names.PersonNoun|names.Modifier):
		default:
			return false
		}
	}
	return true
}

// author returns the author of a document whose words follow the colon
// at token colon: "a message from Ann O'Leary that read:", "a letter by
// the ministry which said:"; the name after "from" or "by", or after the
// comma of an apposition that follows it.
func (d *doc) author(colon, a int) speaker {
	if colon-2 < a || d.toks[colon-2].lower != "that" && d.toks[colon-2].lower != "which" {
		return speaker{}
	}
	switch d.toks[colon-1].lower {
	case "read", "reads", "said", "says", "stated", "states":
	default:
		return speaker{}
	}
	for k := colon - 3; k > a && k >= colon-16; k-- {
		if l := d.toks[k].lower; l != "from" && l != "by" {
			continue
		}
		if !docNouns[d.toks[k-1].lower] && !(k-2 >= a && docNouns[d.toks[k-2].lower]) {
			return speaker{}
		}
		for n := k + 1; n < colon-2; n++ {
			if m := d.toks[n].ment; m >= 0 && (d.mentions[m].Kind == graph.Person || d.mentions[m].Kind == graph.Org) {
				return d.mentionSpeaker(n)
			}
		}
		return speaker{}
	}
	return speaker{}
}

// titlesOnly reports whether tokens [a,b) are nothing but capitalised
// words, the title the tagger left out of a name ("House Speaker").
func (d *doc) titlesOnly(a, b int) bool {
	if b < a || b-a > 4 {
		return false
	}
	for k := a; k < b; k++ {
		if !d.toks[k].upper && d.toks[k].text != "." {
			return false
		}
	}
	return true
}

// namingVerbs attribute the quoted words that follow them closely, as
// what the speaker called something ("Zelenskiy called the killings "the
// ultimate evidence of genocide""), but are no speech cues otherwise
// ("called for talks", "called the police").
var namingVerbs = map[string]bool{"called": true, "calls": true, "calling": true, "call": true, "dubbed": true, "dubs": true,
	"dubbing": true, "labelled": true, "labeled": true, "branded": true, "termed": true}

// beforeQuote looks for the attribution before the opening mark at token
// ot in its sentence: the nearest cue with a speaker (Putin said some ideas
// were "realistic"; Putin said: "…"), or a name followed by a colon
// (Putin: "…").
func (d *doc) beforeQuote(ot int) (cueA, cueB int, sp speaker) {
	a, _ := d.sentBounds(d.toks[ot].sent)
	if ot-2 >= a && d.toks[ot-1].text == ":" && d.toks[ot-2].ment >= 0 {
		if sp := d.named(ot - 2); sp.ok() && d.titlesOnly(a, sp.a) {
			return ot - 1, ot - 1, sp // "Putin: "…"", not "He said of Congress: "…""
		}
	}
	if ot == a && a > 1 && (d.toks[a-1].text == ":" || d.toks[a-1].text == "," && isCue(d.toks[a-2].lower)) {
		a, _ = d.sentBounds(d.toks[a-1].sent) // "In a 1963 speech, he declared:" and the quote below; "Rathbun stated," too
		ot--
	}
	if in, sp := d.wordsOf(a, ot); sp.ok() {
		return in, in + 3, sp // "in the words of the Crown prosecutor, Mark Tedeschi, QC, "…""
	}
	if ot-2 > a && d.toks[a].lower == "according" && d.toks[a+1].lower == "to" && d.toks[ot-1].text == "," {
		// "According to Paul Sperry of Counter Jihad, "…""
		if e := d.npRight(a+2, ot); e == ot-1 {
			sp := d.source(speaker{a: a + 2, b: e, ment: -1})
			if m := d.toks[a+2].ment; m >= 0 && d.mtok[m][0] == sp.a && (d.mtok[m][1] == e || e < len(d.toks) && linkPreps[d.toks[d.mtok[m][1]].lower]) {
				sp = d.mentionSpeaker(a + 2)
			}
			return a, a + 1, sp
		}
	}
	for c := ot - 1; c >= a && c >= ot-40; c-- {
		t := d.toks[c]
		if d.inQuote[c] >= 0 {
			continue // another quoted stretch of the same clause: said he hoped to "…" and "…"
		}
		if t.upper || !t.word || !isCue(t.lower) && !(namingVerbs[t.lower] && ot-c <= 8) && !(frames[t.lower] != noFrame && ot-c <= 4 && d.toks[ot-1].text == ",") {
			continue // "chiding him, "…""
		}
		if determiners[d.toks[max(c-1, a)].lower] && c > a || c > a && d.stateNoun(c) {
			continue // "the report", "his comments", "the head of state signed Law No. 1915-IX "…""
		}
		sp := d.speakerLeft(c)
		if !sp.ok() && !namingVerbs[t.lower] && frames[t.lower] == noFrame {
			sp = d.speakerRight(c) // not "calling his hacking expeditions "…"": what is named is no speaker
		}
		if !sp.ok() && strings.HasSuffix(t.lower, "ing") && c > a && (d.toks[c-1].text == "," || participleLinks[d.toks[c-1].lower]) {
			sp = d.subject(c-1, a) // "Sunak defended the record whilst promising …: "…""
		}
		if !sp.ok() {
			break
		}
		return c, c, sp
	}
	colon := ot - 1
	if d.toks[ot].text == ":" {
		colon = ot // the colon ends the sentence before: "Rathbun stated:⏎⏎"…""
	}
	if colon >= a && d.toks[colon].text == ":" {
		// "Zelenskyy thanked Biden and invited him to visit Ukraine: "…"":
		// a colon hands the quote to the subject of the clause before it.
		if sp := d.author(colon, a); sp.ok() {
			return colon, colon, sp // "a message from her senior policy advisor, Ann O'Leary, that read: "…""
		}
		if sp := d.subject(colon, a); sp.ok() {
			return colon, colon, sp
		}
	}
	return -1, -1, speaker{}
}
