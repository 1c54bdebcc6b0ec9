package event

import (
	"sort"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
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
