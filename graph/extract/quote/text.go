package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
)

// tok is a token of the document with what the rules ask of it.
type tok struct {
	span  graph.Span
	text  string
	lower string
	sent  int  // index into doc.sents
	ment  int  // index of the mention covering the token, -1 for none
	word  bool // token.Word
	num   bool // token.Number
	upper bool // starts with an upper-case letter
}

// doc is the read-only view of one text that the rules work on: the
// tokens of all sentences in one slice, each knowing its sentence and its
// name mention.
type doc struct {
	text     string
	sents    []graph.Span
	first    []int // index of each sentence's first token; first[len(sents)] = len(toks)
	toks     []tok
	mentions []ner.Mention
	mtok     [][2]int // token range [start,end) of each mention, {-1,-1} when it matches no tokens

	opts       Options
	countries  map[string]string // Options.Country's answers so far
	inQuote    []int             // per token: index of the quoted stretch it lies in, or -1
	bare       []Quote           // quoted sentences with no attribution, for bareQuotes
	cueSpeaker map[int]speaker   // cue token → its speaker, for "…, adding that"
	partial    map[int]bool      // cue tokens of direct quotes that are part of a reported clause
}

// newDoc builds the view, skipping sentences and tokens whose spans do not
// fit text or go backwards, so that Find survives any input.
func newDoc(text string, sents []segment.Sentence, mentions []ner.Mention) *doc {
	d := &doc{text: text, mentions: mentions}
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	d.toks = make([]tok, 0, n)
	last := 0
	for _, s := range sents {
		si := len(d.sents)
		added := false
		for _, t := range s.Tokens {
			if t.Span.Start < last || t.Span.End > len(text) || t.Span.Start >= t.Span.End {
				continue
			}
			if !added {
				d.first = append(d.first, len(d.toks))
				d.sents = append(d.sents, graph.Span{Start: t.Span.Start})
				added = true
			}
			last = t.Span.End
			txt := text[t.Span.Start:t.Span.End]
			r, _ := utf8.DecodeRuneInString(txt)
			d.toks = append(d.toks, tok{
				span: t.Span, text: txt, lower: strings.ToLower(txt), sent: si, ment: -1,
				word: t.Class == token.Word, num: t.Class == token.Number, upper: unicode.IsUpper(r),
			})
			d.sents[si].End = t.Span.End
		}
	}
	d.first = append(d.first, len(d.toks))
	d.mtok = make([][2]int, len(mentions))
	for i, m := range mentions {
		d.mtok[i] = [2]int{-1, -1}
		if m.Span.Start < 0 || m.Span.End > len(text) || m.Span.Start >= m.Span.End {
			continue
		}
		a := d.tokAt(m.Span.Start)
		for a < len(d.toks) && d.toks[a].span.End <= m.Span.End && isMark(d.toks[a].text) {
			a++ // the tagger took a closing mark into the name: "'' Ms. Aubrey"
		}
		b := a
		for b < len(d.toks) && d.toks[b].span.End <= m.Span.End {
			if d.toks[b].ment < 0 {
				d.toks[b].ment = i
			}
			b++
		}
		if b > a {
			d.mtok[i] = [2]int{a, b}
		}
	}
	return d
}

// tokAt returns the index of the first token that ends after pos.
func (d *doc) tokAt(pos int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].span.End > pos })
}

// sentBounds returns the token range [a,b) of sentence s.
func (d *doc) sentBounds(s int) (int, int) { return d.first[s], d.first[s+1] }

// span returns the byte span from token a to token b inclusive.
func (d *doc) span(a, b int) graph.Span {
	return graph.Span{Start: d.toks[a].span.Start, End: d.toks[b].span.End}
}

// sentenceHull spans the sentences that q's content, cue and speaker touch.
func (d *doc) sentenceHull(q Quote) graph.Span {
	lo, hi := q.Content.Start, q.Content.End
	for _, s := range []graph.Span{q.CueSpan, q.Speaker} {
		if s.End > s.Start {
			lo, hi = min(lo, s.Start), max(hi, s.End)
		}
	}
	a := d.tokAt(lo)
	b := d.tokAt(max(lo, hi-1))
	if a >= len(d.toks) {
		return graph.Span{Start: lo, End: hi}
	}
	if b >= len(d.toks) {
		b = len(d.toks) - 1
	}
	return graph.Span{Start: d.sents[d.toks[a].sent].Start, End: d.sents[d.toks[b].sent].End}
}

// lineStart reports whether token i begins a line of the text.
func (d *doc) lineStart(i int) bool {
	p := d.toks[i].span.Start
	for p > 0 {
		c := d.text[p-1]
		if c == '\n' {
			return true
		}
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
		p--
	}
	return true
}

// isMark reports whether a token is a quotation mark.
func isMark(s string) bool {
	switch s {
	case "\"", "“", "”", "‘", "’", "«", "»", "``", "''":
		return true
	}
	return false
}

// terminal reports whether a token ends a clause for content purposes.
func terminal(s string) bool {
	switch s {
	case ".", "!", "?", "…", "...", ";":
		return true
	}
	return false
}

var (
	subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "it": true, "you": true}
	objectWords     = map[string]bool{"him": true, "her": true, "them": true, "me": true, "us": true, "you": true, "it": true,
		"reporters": true, "journalists": true, "supporters": true, "voters": true, "the": true, "a": true, "an": true, "his": true, "their": true}
	determiners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true,
		"our": true, "my": true, "your": true, "this": true, "these": true, "those": true, "another": true, "one": true, "some": true, "many": true, "several": true, "other": true}
	// skippable are the auxiliaries and adverbs that may stand between a
	// subject and its cue verb ("Putin has assured", "He further stated").
	skippable = map[string]bool{"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true,
		"also": true, "further": true, "then": true, "later": true, "again": true, "once": true, "never": true, "always": true,
		"would": true, "will": true, "did": true, "does": true, "do": true, "could": true, "might": true, "may": true, "should": true, "can": true,
		"not": true, "n't": true, "just": true, "only": true, "already": true, "still": true, "even": true, "first": true,
		"often": true, "now": true, "too": true, "soon": true, "ultimately": true, "himself": true, "herself": true, "themselves": true,
		"been": true, "being": true, "am": true, "must": true, "shall": true, "cannot": true,
		"however": true, "meanwhile": true, "nevertheless": true, "though": true, "therefore": true, "instead": true,
		"moreover": true, "indeed": true, "thus": true}
	// function words end a descriptor noun phrase.
	function = map[string]bool{"and": true, "or": true, "but": true, "as": true, "that": true, "which": true, "who": true, "whom": true,
		"when": true, "if": true, "because": true, "while": true, "whilst": true, "after": true, "before": true, "since": true, "than": true, "so": true,
		"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "to": true, "about": true, "into": true,
		"there": true, "here": true, "what": true, "how": true, "why": true, "where": true, "not": true, "no": true, "all": true,
		"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true, "had": true,
		"him": true, "her": true, "them": true, "me": true, "us": true, "also": true, "then": true, "now": true, "just": true, "even": true,
		"said": true, "says": true, "say": true, "told": true, "this": true, "these": true, "those": true,
		"over": true, "under": true, "nearly": true, "almost": true, "around": true, "roughly": true}
	// tellVerbs take a hearer before their content ("told reporters that").
	tellVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true, "inform": true, "informed": true, "informs": true, "informing": true,
		"assure": true, "assured": true, "assures": true, "assuring": true, "remind": true, "reminded": true, "reminds": true, "reminding": true,
		"warn": true, "warned": true, "warns": true, "warning": true, "notify": true, "notified": true, "notifies": true, "reassure": true, "reassured": true, "reassures": true,
		"advise": true, "advised": true, "advises": true, "ask": true, "asked": true, "asks": true, "urge": true, "urged": true, "urges": true, "convince": true, "convinced": true,
		"promise": true, "promised": true, "promises": true}
	// needThat are the weak verbs that need "that" even after a name:
	// their other senses take objects ("continued the talks", "accepted
	// the nomination", "asked a question").
	needThat = map[string]bool{"accept": true, "accepted": true, "accepts": true, "continue": true, "continued": true, "continues": true, "continuing": true,
		"ensure": true, "ensured": true, "ensures": true, "ensuring": true, "release": true, "released": true, "releases": true, "releasing": true,
		"point": true, "points": true, "pointing": true, "pointed": true, "persist": true, "persisted": true, "persists": true, "persisting": true,
		"present": true, "presents": true, "presenting": true, "convince": true, "convinced": true, "convinces": true, "convincing": true,
		"demonstrate": true, "demonstrated": true, "demonstrates": true, "demonstrating": true, "illustrate": true, "illustrated": true,
		"illustrates": true, "illustrating": true, "finding": true, "finds": true, "hope": true, "hoped": true, "hopes": true,
		"agree": true, "agreed": true, "agrees": true, "believe": true, "believed": true, "believes": true, "maintain": true, "maintained": true,
		"maintains": true, "deny": true, "denied": true, "denies": true, "repeat": true, "repeated": true, "repeats": true, "recall": true,
		"recalled": true, "recalls": true, "promise": true, "promised": true, "promises": true, "ask": true, "asked": true, "asks": true,
		"urge": true, "urged": true, "urges": true, "observe": true, "observed": true, "observes": true, "confidence": true}
	// weakVerbs are list words that are speech cues only before "that":
	// alone they are too often nouns or other senses ("continue to",
	// "the report", "points").
	weakVerbs = map[string]bool{"confidence": true, "accept": true, "accepted": true, "accepts": true, "continue": true, "continued": true, "continues": true, "continuing": true,
		"ensure": true, "ensured": true, "ensures": true, "ensuring": true, "present": true, "presents": true, "presenting": true,
		"release": true, "released": true, "releases": true, "releasing": true, "point": true, "points": true, "pointing": true, "pointed": true,
		"persist": true, "persisted": true, "persists": true, "persisting": true, "demonstrate": true, "demonstrated": true, "demonstrates": true, "demonstrating": true,
		"illustrate": true, "illustrated": true, "illustrates": true, "illustrating": true, "describe": true, "described": true, "describes": true, "describing": true,
		"finding": true, "finds": true, "highlight": true, "highlighted": true, "highlights": true, "highlighting": true,
		"criticize": true, "criticized": true, "criticizes": true, "criticizing": true, "denounce": true, "denounced": true, "denounces": true, "denouncing": true,
		"decry": true, "decried": true, "decries": true, "decrying": true, "dispute": true, "disputed": true, "disputes": true, "disputing": true,
		"estimates": true, "estimated": true, "predict": true, "predicted": true, "predicts": true, "predicting": true,
		"reckon": true, "reckoned": true, "reckons": true, "reckoning": true, "suggest": true, "suggested": true, "suggests": true, "suggesting": true,
		"indicate": true, "indicated": true, "indicates": true, "indicating": true, "comment": true, "comments": true, "commenting": true,
		"report": true, "reports": true, "reporting": true, "reported": true, "tweet": true, "tweets": true, "state": true, "states": true,
		"claims": true, "notes": true, "thought": true, "thinking": true, "rave": true, "raves": true, "raving": true, "raved": true,
		"preach": true, "preached": true, "preaches": true, "preaching": true, "hope": true, "hoped": true, "hopes": true, "believe": true, "believed": true, "believes": true,
		"agree": true, "agreed": true, "agrees": true, "maintain": true, "maintained": true, "maintains": true, "deny": true, "denied": true, "denies": true,
		"repeat": true, "repeated": true, "repeats": true, "recall": true, "recalled": true, "recalls": true, "promise": true, "promised": true, "promises": true,
		"convince": true, "convinced": true, "convinces": true, "convincing": true, "write": true, "writes": true, "writing": true, "wrote": true,
		"ask": true, "asked": true, "asks": true, "urge": true, "urged": true, "urges": true, "observe": true, "observed": true, "observes": true,
		"reveal": true, "revealed": true, "reveals": true, "revealing": true, "disclose": true, "disclosed": true, "discloses": true, "disclosing": true,
		"recommend": true, "recommended": true, "recommends": true, "recommending": true, "theorize": true, "theorized": true, "theorizes": true,
		"theorise": true, "theorised": true, "caution": true, "cautioned": true, "cautions": true}
)

// timeWords are the words of short time phrases that may stand between a
// speaker, a cue and the content ("said on Friday", "on Tuesday said").
var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true, "week": true, "month": true,
	"year": true, "morning": true, "afternoon": true, "evening": true, "night": true, "weekend": true}

// skipTimeForward returns the first token after a time phrase starting at
// p ("on Friday", "last week", "earlier this week", "Tuesday night"), or p.
func (d *doc) skipTimeForward(p, b int) int {
	k := p
	for k < b && k-p < 4 {
		l := d.toks[k].lower
		if l == "on" || l == "last" || l == "this" || l == "earlier" || l == "later" || l == "late" || timeWords[l] {
			k++
			continue
		}
		break
	}
	if k > p && timeWords[d.toks[k-1].lower] {
		return k
	}
	return p
}

// skipTimeBack returns the last token before a time phrase ending at j,
// or j; likewise it steps back over a parenthesis "(R-Iowa)".
func (d *doc) skipTimeBack(j, a int) int {
	if j >= a && d.toks[j].text == ")" {
		for k := j - 1; k >= a && k >= j-8; k-- {
			if d.toks[k].text == "(" {
				return k - 1
			}
		}
	}
	if j >= a && timeWords[d.toks[j].lower] {
		k := j - 1
		for k >= a && (d.toks[k].lower == "on" || d.toks[k].lower == "last" || d.toks[k].lower == "this" || d.toks[k].lower == "earlier") {
			k--
		}
		return k
	}
	return j
}
