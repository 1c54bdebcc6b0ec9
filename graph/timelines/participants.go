package timelines

import (
	"sort"
	"strings"
	"time"

	"dateline/graph"
	"dateline/graph/extract/event/trigger"
	"dateline/graph/extract/token"
	"dateline/timeline"
	"dateline/timeline/semeval"
	"dateline/timeline/timex"
)

// Windows bound how many tokens may stand between a target's mention and
// an event it takes part in. Arguments sit next to their predicate in
// news English ("Airbus has won", "the sale of the A380", "Boeing's
// delivery"); further away the trigger is more often another clause's.
const (
	rightWindow = 10 // the mention as subject or modifier: "Airbus, the planemaker, has won"
	leftWindow  = 4  // the mention as object: "delivered the first A380"
	chainWindow = 3  // a verb governed by the first: "plans to build", "began delivering"
)

// lightVerbs carry no event of their own in a light-verb construction
// ("makes its maiden flight": the event is the flight), as MEANTIME and
// TimeML annotate them.
var lightVerbs = map[string]bool{"make": true, "makes": true, "made": true, "making": true,
	"take": true, "takes": true, "took": true, "taken": true, "taking": true,
	"give": true, "gives": true, "gave": true, "given": true, "giving": true,
	"have": true, "has": true, "had": true, "having": true, "get": true, "gets": true, "got": true, "getting": true}

// participation is a trigger the target takes part in and how far from
// its mention.
type participation struct {
	trig trigger.Mention
	dist int
}

// participations returns the triggers of sentence si that a mention
// spanning tokens first..last takes part in: the first trigger after it
// (the predicate of a subject, the head a modifier leans on), a trigger
// the first one governs, the verbs that share its subject (see
// sharedSubject), and the first trigger before it (the predicate of an
// object, the noun of an "of" phrase). Neither link crosses into another
// clause (see newClause), and a possessive is nobody's object.
func (a *analysed) participations(si, first, last int) []participation {
	var in []trigger.Mention
	for _, tr := range a.triggers {
		if tr.Sentence == si && (tr.Token < first || tr.Token > last) && (!lightVerbs[strings.ToLower(tr.Text)] || a.particle(tr) != "") {
			in = append(in, tr)
		}
	}
	var out []participation
	for i, tr := range in {
		if tr.Token > last && tr.Token-last <= rightWindow {
			if !a.newClause(si, last, tr.Token) {
				out = append(out, participation{tr, tr.Token - last})
				if i+1 < len(in) && in[i+1].Token-tr.Token <= chainWindow && governs(tr) {
					out = append(out, participation{in[i+1], in[i+1].Token - last})
				}
				for _, tr2 := range a.sharedSubject(si, tr, in[i+1:]) {
					out = append(out, participation{tr2, tr2.Token - last})
				}
			}
			break
		}
	}
	if end := a.apposition(si, last); end > 0 {
		// "Airbus, which is based in Toulouse, said", "Steve Jobs, the
		// chief executive officer of Apple Inc., announced": the
		// predicate follows the apposition, however long it is.
		for i, tr := range in {
			if tr.Token > end {
				if tr.Token-end <= chainWindow {
					out = append(out, participation{tr, tr.Token - last})
					for _, tr2 := range a.sharedSubject(si, tr, in[i+1:]) {
						out = append(out, participation{tr2, tr2.Token - last})
					}
				}
				break
			}
		}
	}
	// A possessive names the owner of the object, not the object
	// ("showed off iPhone 4's video calling"): no verb before it is the
	// owner's event.
	toks := a.sents[si].Tokens
	possessive := last+1 < len(toks) && (toks[last+1].Text == "'s" || toks[last+1].Text == "’s" || toks[last+1].Text == "'")
	for i := len(in) - 1; i >= 0 && !possessive; i-- {
		if tr := in[i]; tr.Token < first {
			if first-tr.Token <= leftWindow && (!tr.POS.IsNoun() || a.ofPhrase(si, tr.Token, first)) && !a.newClause(si, tr.Token, first) {
				out = append(out, participation{tr, first - tr.Token})
			}
			break
		}
	}
	return out
}

// clauseBreaks are the words that open a clause with a subject of its
// own, after which a verb is no longer the first subject's.
var clauseBreaks = map[string]bool{"which": true, "that": true, "who": true, "whom": true, "whose": true, "while": true,
	"when": true, "after": true, "before": true, "because": true, "as": true, "although": true, "though": true,
	"if": true, "whereas": true, "since": true, "until": true, "where": true, ";": true, ":": true, "said": true, "says": true}

// newClause reports whether a clause of its own opens between tokens
// from and to of sentence si: a word of clauseBreaks, or a comma before
// a coordinator (", but Aer Lingus's chief executive stated"), after
// which the verb has another subject.
func (a *analysed) newClause(si, from, to int) bool {
	toks := a.sents[si].Tokens
	for k := from + 1; k < to; k++ {
		w := strings.ToLower(toks[k].Text)
		if clauseBreaks[w] && w != "said" && w != "says" || w == "," && k+1 < to && coordinators[strings.ToLower(toks[k+1].Text)] {
			return true
		}
	}
	return false
}

// coordinators join two predicates of one subject ("dipped, then rose").
var coordinators = map[string]bool{"and": true, "then": true, "but": true, "or": true}

// sharedSubject returns the verbs after a subject's predicate pred that
// share its subject, as news English strings a day's moves together:
// participles and infinitives that continue the clause ("lost 1.71%,
// closing at 1,442.82", "dropped 9.62% to reach a 20 year low") and
// predicates coordinated with it ("dipped, then rose"). The walk stops at
// a word that opens a clause of its own ("which", "while", "after") and
// at a gap of more than rightWindow tokens. later are the sentence's
// triggers after pred, in order.
func (a *analysed) sharedSubject(si int, pred trigger.Mention, later []trigger.Mention) []trigger.Mention {
	toks := a.sents[si].Tokens
	var out []trigger.Mention
	prev := pred.Token
	for _, tr := range later {
		if !tr.POS.IsVerb() {
			continue
		}
		if tr.Token-prev > rightWindow {
			break
		}
		broken := false
		for k := prev + 1; k < tr.Token; k++ {
			if clauseBreaks[strings.ToLower(toks[k].Text)] {
				broken = true
				break
			}
		}
		if broken {
			break
		}
		switch {
		case tr.Tense == "PRESPART" && tr.Aspect == "NONE" || tr.Tense == "INFINITIVE":
		case tr.Tense == "PAST" || tr.Tense == "PRESENT":
			k := tr.Token - 1
			if k > prev && toks[k].Class == token.Word && strings.HasSuffix(strings.ToLower(toks[k].Text), "ly") {
				k-- // an adverb: "and quickly rose"
			}
			if k <= prev || !coordinators[strings.ToLower(toks[k].Text)] {
				return out
			}
		default:
			return out
		}
		out = append(out, tr)
		prev = tr.Token
	}
	return out
}

// argumentPrepositions link a noun to the phrase that names its
// participant ("the purchase of 22 Dreamliners", "a bid by Boeing").
var argumentPrepositions = map[string]bool{"of": true, "by": true, "for": true, "from": true, "to": true, "with": true}

// ofPhrase reports whether a noun at token n takes the phrase starting
// at token first as its argument: a preposition that links them, and
// no comma or conjunction that would start another phrase ("a 6 point
// gain and the NASDAQ" is not the NASDAQ's gain).
func (a *analysed) ofPhrase(si, n, first int) bool {
	toks := a.sents[si].Tokens
	for k := n + 1; k < first; k++ {
		w := strings.ToLower(toks[k].Text)
		if w == "," || coordinators[w] {
			return false
		}
	}
	return true
}

// apposition returns the index of the comma that closes an apposition
// or relative clause right after token last ("Airbus, the European
// planemaker, …"), or 0 when none follows.
func (a *analysed) apposition(si, last int) int {
	toks := a.sents[si].Tokens
	if last+1 >= len(toks) || toks[last+1].Text != "," {
		return 0
	}
	for k := last + 2; k < len(toks) && k <= last+2+rightWindow; k++ {
		if toks[k].Text == "," {
			return k
		}
	}
	return 0
}

// governs reports whether a trigger takes another event as its
// complement, whose subject is its own ("plans to build", "began
// delivering", "agreed to buy").
func governs(tr trigger.Mention) bool {
	switch tr.Class {
	case trigger.IAction, trigger.IState, trigger.Aspectual:
		return true
	}
	return false
}

// targetSpans returns the byte spans of the text that name the target:
// matches of its aliases, and every mention of an entity the pipeline
// resolved to one of them. A match that is exactly a place the pipeline
// found ("New York" in "New York Stock Exchange"), or a shorter name
// inside a longer one it found ("United" in "United Airlines"), does not
// count.
func (a *analysed) targetSpans(names []Alias) []graph.Span {
	targetWords := map[string]bool{}
	if len(names) > 0 {
		for _, w := range strings.Fields(names[0].Text) {
			targetWords[strings.ToLower(w)] = true
		}
	}
	places := map[graph.Span]bool{}
	for _, m := range a.mentions {
		if m.Kind == graph.Place {
			places[m.Span] = true
		}
	}
	// inside reports whether s lies within a longer name the pipeline
	// found that has words the target's name lacks: "United" in "United
	// Airlines" names another entity, "787" in "Boeing 787" the target,
	// and so does "iTunes" in "iTunes Music Store", which holds every
	// word of "iTunes store".
	inside := func(s graph.Span) bool {
		for _, m := range a.mentions {
			if m.Span.Start <= s.Start && s.End <= m.Span.End && m.Span != s && !wordsOf(m.Text, targetWords) && !holdsAll(m.Text, targetWords) {
				return true
			}
		}
		return false
	}
	var out []graph.Span
	text := a.doc.Text
	low := strings.ToLower(text)
	keys := map[string]bool{}
	var matched []graph.Span
	for ni, n := range names {
		keys[strings.ToLower(n.Text)] = true
		hay, needle := low, strings.ToLower(n.Text)
		if n.Exact {
			hay, needle = text, n.Text
		}
		for from := 0; ; {
			i := strings.Index(hay[from:], needle)
			if i < 0 {
				break
			}
			s := graph.Span{Start: from + i, End: from + i + len(needle)}
			from = s.End
			if s.End < len(text) && text[s.End] == 's' && (s.End+1 == len(text) || !isWordByte(text[s.End+1])) {
				s.End++ // "A380s", "Dreamliners"
			}
			if !wordBoundary(text, s) || within(s, matched) {
				continue
			}
			// A longer name's match, kept or not, holds the shorter
			// ones inside it: "Acme" in "Acme Motors parent Omega".
			matched = append(matched, s)
			if places[s] || ni > 0 && inside(s) || modifier(text, s, targetWords) ||
				ni > 0 && commonPhrase(n.Text) && otherQualifier(text, s, targetWords) {
				continue
			}
			out = append(out, s)
		}
	}
	for ei, e := range a.entities {
		match := keys[strings.ToLower(e.Name)]
		for _, al := range e.Aliases {
			match = match || keys[strings.ToLower(al)]
		}
		if !match || e.Kind == graph.Place {
			continue
		}
		for _, m := range a.mentions {
			if m.Entity == graph.Local(ei) && !modifier(text, m.Span, targetWords) {
				out = append(out, m.Span)
			}
		}
	}
	person := false
	for _, m := range a.mentions {
		if m.Kind == graph.Person && overlapsAny(m.Span, out) {
			person = true
		}
	}
	out = append(out, a.anaphors(out, person, len(names) > 0 && modelName(names[0].Text))...)
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// relationalNouns head a phrase in which a company's name before them
// only qualifies someone or something else ("Airbus parent EADS", "the
// Airbus chief executive"). A company's shares are not among them:
// "GM shares fell" tells of GM.
var relationalNouns = map[string]bool{"parent": true, "rival": true, "chief": true, "executive": true, "executives": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "subsidiary": true, "unit": true, "division": true,
	"boss": true, "president": true, "ceo": true, "chairman": true, "partner": true,
	"customer": true, "customers": true, "supplier": true, "suppliers": true, "employees": true, "workers": true}

// modifier reports whether the name at s only qualifies the noun after
// it: a product's model ("Airbus A380", "Boeing 747" when the target is Airbus, not
// the A380) or a relational noun ("Airbus parent EADS"), so that the
// events of the phrase are another entity's. targetWords are the words
// of the target's full name, in lower case: "Boeing 787" is the target
// "Boeing 787 Dreamliner" itself.
func modifier(text string, s graph.Span, targetWords map[string]bool) bool {
	i := s.End
	for i < len(text) && text[i] == ' ' {
		i++
	}
	j := i
	for j < len(text) && (isWordByte(text[j]) || text[j] == '-') {
		j++
	}
	if j == i || i == s.End {
		return false
	}
	next := text[i:j]
	if targetWords[strings.ToLower(next)] {
		return false
	}
	return modelName(next) || modelNumber(next) || relationalNouns[strings.ToLower(next)]
}

// modelNumber reports whether a word after a maker's name reads as its
// model number: three digits, with or without a variant ("787",
// "747-400"), never a year.
func modelNumber(w string) bool {
	head, _, _ := strings.Cut(w, "-")
	return len(head) == 3 && strings.Trim(head, "0123456789") == ""
}

// commonPhrase reports whether a name is written in lower case, a
// common-noun phrase such as "stock markets" rather than a proper name.
func commonPhrase(name string) bool { return hasLetter(name) && strings.ToLower(name) == name }

// widening are words that take a common-noun phrase beyond one country
// or place ("global stock markets", "stock markets worldwide").
var widening = map[string]bool{"global": true, "world": true, "world's": true, "international": true, "foreign": true,
	"worldwide": true, "around": true, "across": true, "abroad": true, "overseas": true}

// otherQualifier reports whether the common-noun phrase at s is
// qualified by a word the target's name lacks: a capitalised word before
// it ("Russian stock markets" is not "US stock markets") or a word that
// widens it ("stock markets around the world"). Such a phrase is
// another entity than the one the shortened name stands for, unless
// the target is itself the wide one ("global stock markets" are "stock
// markets worldwide").
func otherQualifier(text string, s graph.Span, targetWords map[string]bool) bool {
	wide := false // the target is itself the wide one ("stock markets worldwide")
	for w := range targetWords {
		wide = wide || widening[w]
	}
	before := lastWord(text[:s.Start])
	if before != "" && !targetWords[strings.ToLower(before)] && !(wide && widening[strings.ToLower(before)]) {
		r := before[0]
		if r >= 'A' && r <= 'Z' && !sentenceStart(text[:s.Start-len(before)]) || widening[strings.ToLower(before)] {
			return true
		}
	}
	after := firstWordOf(text[s.End:])
	return !wide && after != "" && !targetWords[strings.ToLower(after)] && widening[strings.ToLower(after)]
}

// lastWord returns the word that ends text (after trailing spaces), or
// "" when punctuation comes first.
func lastWord(text string) string {
	t := strings.TrimRight(text, " ")
	i := len(t)
	for i > 0 && (isWordByte(t[i-1]) || t[i-1] == '\'' || t[i-1] == '.') {
		i--
	}
	return strings.Trim(t[i:], ".")
}

// firstWordOf returns the word that starts text (after leading spaces).
func firstWordOf(text string) string {
	t := strings.TrimLeft(text, " ")
	i := 0
	for i < len(t) && isWordByte(t[i]) {
		i++
	}
	return t[:i]
}

// sentenceStart reports whether text ends where a sentence may begin:
// nothing, a line break or a full stop before the word.
func sentenceStart(text string) bool {
	t := strings.TrimRight(text, " ")
	return t == "" || strings.HasSuffix(t, "\n") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "\"") || strings.HasSuffix(t, "“")
}

// within reports whether s lies inside one of spans.
func within(s graph.Span, spans []graph.Span) bool {
	for _, t := range spans {
		if t.Start <= s.Start && s.End <= t.End {
			return true
		}
	}
	return false
}

// holdsAll reports whether name holds every one of words (lower case).
func holdsAll(name string, words map[string]bool) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(name) {
		have[strings.ToLower(w)] = true
	}
	for w := range words {
		if !have[w] {
			return false
		}
	}
	return len(words) > 0
}

// wordsOf reports whether every word of name is one of words (lower
// case).
func wordsOf(name string, words map[string]bool) bool {
	for _, w := range strings.Fields(name) {
		if !words[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// isWordByte reports whether b may be part of a word.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// wordBoundary reports whether s starts and ends at word edges.
func wordBoundary(text string, s graph.Span) bool {
	isWord := isWordByte
	if s.Start > 0 && isWord(text[s.Start-1]) && isWord(text[s.Start]) {
		return false
	}
	if s.End < len(text) && isWord(text[s.End]) && isWord(text[s.End-1]) {
		return false
	}
	return true
}

// items returns the event mentions of one document the target takes
// part in, each with its date.
func (a *analysed) items(di int, names []Alias) []item {
	spans := a.targetSpans(names)
	if len(spans) == 0 {
		return nil
	}
	var out []item
	for _, sp := range spans {
		si := a.sentenceOf(sp)
		if si < 0 {
			continue
		}
		toks := a.sents[si].Tokens
		first, last := -1, -1
		for i, t := range toks {
			if t.Span.End > sp.Start && t.Span.Start < sp.End {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			continue
		}
		for _, tr := range a.participations(si, first, last) {
			if !onTimeline(tr.trig.Class) {
				continue
			}
			m, ok := a.triggerMention(tr.trig)
			if !ok {
				continue
			}
			out = append(out, item{mention: m, date: a.dateOf(si, tr.trig), rank: tr.dist, doc: di, offset: tr.trig.Span.Start, stem: stem(tr.trig.Text), class: tr.trig.Class})
		}
	}
	return a.corefer(di, out)
}

// onTimeline reports whether a trigger of this class is a happening of
// its own for a timeline. Aspectual verbs ("began", "continue"), intensional
// states ("expects", "wants") and perceptions ("saw") are about
// another event, which their complement names and which is placed
// instead; measured on both task corpora, fewer than one in six of them
// are on a gold timeline, against two in five of the occurrences.
func onTimeline(c trigger.Class) bool {
	return c != trigger.Aspectual && c != trigger.IState && c != trigger.Perception
}

// corefer adds, for each event found, the other mentions of the same
// happening in the document, read by the same stem ("unveils" in the
// headline, "unveiled" in the lead; "the deal" written three times), with
// its date: a document tells of one sale, one delivery, one deal under
// one word. Reporting verbs are left alone, since each "said" is a
// statement of its own.
func (a *analysed) corefer(di int, found []item) []item {
	best := map[string]item{}
	for _, it := range found {
		if it.class == trigger.Reporting || it.stem == "" {
			continue
		}
		if b, ok := best[it.stem]; !ok || it.rank < b.rank || !semeval.Dated(b.date) && semeval.Dated(it.date) {
			best[it.stem] = it
		}
	}
	out := found
	lead := map[string]int{} // stem → offset of its first use after the headline
	for _, tr := range a.triggers {
		if k := stem(tr.Text); tr.Sentence != 0 {
			if _, ok := lead[k]; !ok {
				lead[k] = tr.Span.Start
			}
		}
	}
	for _, tr := range a.triggers {
		k := stem(tr.Text)
		b, ok := best[k]
		if !ok || tr.Class == trigger.Reporting {
			continue
		}
		m, ok := a.triggerMention(tr)
		if !ok || m == b.mention {
			continue
		}
		toks := a.sents[tr.Sentence].Tokens
		definite := tr.POS.IsNoun() && tr.Token > 0 && determiners[strings.ToLower(toks[tr.Token-1].Text)]
		headlineToLead := b.mention.Sentence == 0 && lead[k] == tr.Span.Start || tr.Sentence == 0 && lead[k] == b.offset
		if !definite && !headlineToLead {
			// Verbs and indefinite nouns repeat for different happenings
			// ("the Dow fell … the Nikkei fell", "a fall of 17%", "the
			// biggest drop was Barclays"); a noun right after a
			// definite determiner refers back ("the deal"), and the
			// headline's word is the lead's, its first use below.
			continue
		}
		out = append(out, item{mention: m, date: b.date, rank: b.rank + corefRank, doc: di, offset: tr.Span.Start, stem: b.stem, class: tr.Class, coref: true})
	}
	return out
}

// corefRank ranks a mention found through another below those found
// beside the target.
const corefRank = 10

// stem strips a word's inflection so that the forms of one verb or noun
// meet: "delivers", "delivered", "delivering", "deliveries" and
// "delivery" all give "deliver".
func stem(w string) string {
	w = strings.ToLower(w)
	for _, suf := range []string{"ies", "ing", "ed", "es", "s", "y", "e"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

// particles make a phrasal verb with the verb before them ("rolled
// out", "pushed back"), which the task names by both words.
var particles = map[string]bool{"out": true, "up": true, "down": true, "off": true, "back": true, "over": true, "away": true}

// particle returns the particle that follows a verb trigger in its
// sentence, or "". In a headline a verb in the present often reads as a
// plural noun to the tagger ("Boeing rolls out first 787"), so a noun
// in -s there takes its particle too.
func (a *analysed) particle(tr trigger.Mention) string {
	headlineVerb := tr.Sentence == 0 && tr.POS.IsNoun() && strings.HasSuffix(tr.Text, "s")
	if !tr.POS.IsVerb() && !headlineVerb || copulas[strings.ToLower(tr.Text)] {
		return ""
	}
	toks := a.sents[tr.Sentence].Tokens
	if tr.Token+1 >= len(toks) {
		return ""
	}
	next := a.doc.Text[toks[tr.Token+1].Span.Start:toks[tr.Token+1].Span.End]
	if particles[strings.ToLower(next)] {
		return next
	}
	return ""
}

// triggerMention names a trigger as the task does (see mentionOf), a
// phrasal verb by its two words joined with "_" ("rolled_out").
func (a *analysed) triggerMention(tr trigger.Mention) (semeval.Mention, bool) {
	m, ok := a.mentionOf(tr.Span)
	if ok {
		if p := a.particle(tr); p != "" {
			m.Word += "_" + p
		}
	}
	return m, ok
}

// sentenceOf returns the index of the sentence holding s, or -1.
func (a *analysed) sentenceOf(s graph.Span) int {
	i := sort.Search(len(a.sents), func(i int) bool { return a.sents[i].Span.End > s.Start })
	if i < len(a.sents) && a.sents[i].Span.Start <= s.Start {
		return i
	}
	return -1
}

// mentionOf names a trigger the way the task does, by the corpus token
// it starts in: document, the token's sentence number and its text.
func (a *analysed) mentionOf(s graph.Span) (semeval.Mention, bool) {
	toks := a.doc.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > s.Start })
	if i >= len(toks) || toks[i].Span.Start > s.Start {
		return semeval.Mention{}, false
	}
	return semeval.Mention{Doc: a.doc.ID, Sentence: toks[i].Sentence, Word: toks[i].Text}, true
}

// notAnchors are the words that make a date expression a bound rather
// than the time of the event beside it: "the lowest since October
// 1982", "until 2010", "more than in 2007".
var notAnchors = map[string]bool{"since": true, "until": true, "till": true, "than": true, "through": true}

// anchorIn returns the anchored date expression of sentence si nearest
// to the byte offset at, leaving out bounds ("since 1982"); "" for none.
// With dayOnly it takes only dates to the day, the ones a later sentence
// may go on narrating.
func (a *analysed) anchorIn(si, at int, dayOnly bool) string {
	return a.anchor(si, at, dayOnly, nil)
}

// clauseAnchor returns the anchored date expression of tr's sentence
// nearest to it within its clause: no other verb stands between them
// ("has announced that development, begun two years ago, has been
// pushed back" does not date "announced" two years ago). "" for none.
func (a *analysed) clauseAnchor(si int, tr trigger.Mention) string {
	return a.anchor(si, tr.Span.Start, false, &tr)
}

func (a *analysed) anchor(si, at int, dayOnly bool, tr *trigger.Mention) string {
	sent := a.sents[si].Span
	best, bestDist := "", 1<<30
	for _, x := range a.dates {
		if x.Span.Start < sent.Start || x.Span.End > sent.End || !x.Anchored() || x.Type != timex.Date && x.Type != timex.Time {
			continue
		}
		if dayOnly && x.Date.Precision < timeline.Day {
			continue
		}
		if notAnchors[strings.ToLower(a.wordBefore(si, x.Span.Start))] {
			continue
		}
		if tr != nil && a.verbBetween(*tr, graph.Span(x.Span)) || a.inName(graph.Span(x.Span)) {
			continue
		}
		d := at - x.Span.End
		if x.Span.Start >= at {
			d = x.Span.Start - at
		}
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = DateString(x.Date), d
		}
	}
	return best
}

// inName reports whether s lies within a name the pipeline found: the
// year of "Worldwide Developers Conference 2010" names the conference,
// not a time.
func (a *analysed) inName(s graph.Span) bool {
	for _, m := range a.mentions {
		if m.Span.Start <= s.Start && s.End <= m.Span.End {
			return true
		}
	}
	return false
}

// verbBetween reports whether a verb trigger other than tr stands
// between tr and the span s of its sentence.
func (a *analysed) verbBetween(tr trigger.Mention, s graph.Span) bool {
	lo, hi := tr.Span.End, s.Start
	if s.End <= tr.Span.Start {
		lo, hi = s.End, tr.Span.Start
	}
	for _, v := range a.triggers {
		if v.Sentence == tr.Sentence && v.POS.IsVerb() && v.Span.Start >= lo && v.Span.End <= hi {
			return true
		}
	}
	return false
}

// wordBefore returns the token of sentence si just before byte offset
// at, or "".
func (a *analysed) wordBefore(si, at int) string {
	toks := a.sents[si].Tokens
	w := ""
	for _, t := range toks {
		if t.Span.Start >= at {
			break
		}
		w = a.doc.Text[t.Span.Start:t.Span.End]
	}
	return w
}

// leadSentences is how many sentences from the top make a news
// article's lead, where it says which day its news happened.
const leadSentences = 5

// newsDay returns the day an article's news happened: the latest day in
// the week before its creation that its lead names ("Boeing unveiled its
// 787 on Sunday", in an article of Monday), else the creation day.
// Online news is often dated the day after the events it reports; an
// earlier day in the lead is more often a point of reference ("the
// slide that began on Monday") than the news itself.
func (a *analysed) newsDay() string {
	created := a.doc.Created
	if created.Precision < timeline.Day {
		return DateString(created)
	}
	var best *timeline.Date
	for _, x := range a.dates {
		si := a.sentenceOf(graph.Span(x.Span))
		if si < 0 || si > leadSentences {
			break
		}
		if !x.Anchored() || x.Date.Precision < timeline.Day || notAnchors[strings.ToLower(a.wordBefore(si, x.Span.Start))] {
			continue
		}
		lag := created.Start.Sub(x.Date.Start)
		if lag > 0 && lag <= 7*24*time.Hour && (best == nil || x.Date.Start.After(best.Start)) {
			d := x.Date
			best = &d
		}
	}
	if best != nil {
		return DateString(*best)
	}
	return DateString(created)
}

// contextSentences is how far back a past-tense event may take its day
// from: news narrates a day's events over the sentences after the one
// that names the day ("On Monday the Dow fell 4%. It closed at …").
const contextSentences = 2

// finite reports whether a trigger is a verb that carries its own tense
// (past or present, simple or with auxiliaries), so that it can be
// placed in time by itself; nouns, infinitives and bare participles
// take their time from the verb that governs them.
func finite(tr trigger.Mention) bool {
	return tr.POS.IsVerb() && (tr.Tense == "PAST" || tr.Tense == "PRESENT" || tr.Tense == "FUTURE" || tr.Modality != "")
}

// dateOf dates an event, in the order TimeML's anchoring reads it:
//
//   - the anchored date expression of its clause nearest to the
//     trigger ("on Tuesday", "in 2005"), no other verb between them;
//   - a headline tells the day's news, whatever its form ("Airbus to cut
//     10,000 jobs", "Boeing unveils 787"): the news day;
//   - a noun, an infinitive or a bare participle ("agreed to purchase",
//     "the deal was announced", "leading to a rearrangement") happens when
//     the finite verb that governs it does: the nearest one before it in
//     the sentence, else the nearest after;
//   - a past perfect ("had offered") is told as background before the
//     news, at no day the text gives: undated;
//   - a past-tense verb may take a day named in the sentences just
//     before, else the news day, as may a present perfect or
//     progressive ("is flying") and a reporting verb in the present
//     ("Boeing says");
//   - anything else (the simple present of states and habits, the
//     future, the hypothetical) is undated.
func (a *analysed) dateOf(si int, tr trigger.Mention) string {
	if d := a.clauseAnchor(si, tr); d != "" {
		return d
	}
	if si == 0 && !tr.Negated {
		return a.newsDay()
	}
	if !finite(tr) {
		if g, ok := a.governor(tr); ok {
			return a.finiteDate(si, g)
		}
		return "XXXX-XX-XX"
	}
	return a.finiteDate(si, tr)
}

// finiteDate dates a finite verb of sentence si that its sentence gives
// no date (see dateOf).
func (a *analysed) finiteDate(si int, tr trigger.Mention) string {
	if d := a.clauseAnchor(si, tr); d != "" {
		return d
	}
	if !tr.Asserted() {
		return "XXXX-XX-XX"
	}
	if tr.Tense == "PAST" && (tr.Aspect == "PERFECTIVE" || tr.Aspect == "PERFECTIVE_PROGRESSIVE") {
		return "XXXX-XX-XX"
	}
	if tr.Tense == "PAST" {
		for back := 1; back <= contextSentences && si-back > 0; back++ {
			if d := a.anchorIn(si-back, a.sents[si-back].Span.End, true); d != "" {
				return d
			}
		}
		return a.newsDay()
	}
	if tr.Tense == "PRESENT" && (tr.Aspect != "NONE" || tr.Class == trigger.Reporting) {
		return a.newsDay()
	}
	return "XXXX-XX-XX"
}

// governor returns the finite verb trigger that governs a non-finite
// one: the nearest finite verb before it in its sentence, else the
// nearest after it.
func (a *analysed) governor(tr trigger.Mention) (trigger.Mention, bool) {
	var before, after trigger.Mention
	okB, okA := false, false
	for _, g := range a.triggers {
		if g.Sentence != tr.Sentence || !finite(g) {
			continue
		}
		if g.Token < tr.Token {
			before, okB = g, true
		} else if g.Token > tr.Token && !okA {
			after, okA = g, true
		}
	}
	if okB {
		return before, true
	}
	return after, okA
}
