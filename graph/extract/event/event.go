package event

import (
	"fmt"
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/event/trigger"
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
	Date         timeline.Date // when it happened, at the precision the text gives; zero when the text does not say
	DateSpan     graph.Span    // span of the expression Date comes from; zero when Date is zero
	// DateFrom says where Date comes from: DateText, DateContext or
	// DateRelated; "" when Date is zero (the caller then dates the event
	// with the article's publication day, marked as such).
	DateFrom string

	// Class is the TimeML class of the trigger as the trained tagger reads
	// it: OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL or
	// PERCEPTION (see package trigger).
	Class string
	// Tense (PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART, NONE)
	// and Aspect (PERFECTIVE, PROGRESSIVE, PERFECTIVE_PROGRESSIVE, NONE)
	// are those of the trigger's verb group, the light verb's for "held
	// talks"; NONE for a noun.
	Tense, Aspect string
	// Negated is TimeML's polarity NEG; Modality the modal verb qualifying
	// the trigger ("could", "would", "may", …), "" for none.
	Negated  bool
	Modality string
	// Mode sums up whether the text reports the event as having
	// happened: Asserted (""), Negated, Hypothetical, Future or
	// Background. Asserted events happened; future ones are announced or
	// scheduled; background ones happened before the news and are recalled
	// ("since the invasion"), dated only by their own date.
	Mode string
}

// Sources of an event's date (Event.DateFrom).
const (
	// DateText: a date or time expression that governs the trigger, in
	// its clause or in the phrase opening its sentence ("on Monday", "On
	// 24 February, …").
	DateText = "text"
	// DateContext: the date of the events of the sentence before, in the
	// same paragraph, carried to a past-tense event of this one that
	// names none ("Ford said on Tuesday it would close a plant. It also
	// cut 1,000 jobs.").
	DateContext = "context"
	// DateRelated: counted from another event of the article with a
	// known date ("a day before the announcement", "two weeks after the
	// election").
	DateRelated = "related"
)

// Find returns the events reported in text, in the order of their triggers.
// sents are the text's sentences (segment.Split), mentions the names found
// in it (ner.Tagger.Tag), dates its date expressions (timex.Tag, anchored
// at published) and published the article's publication date (zero when
// unknown); events refer to mentions by index. Mentions and dates whose
// spans do not fit the text are ignored. Find is deterministic, safe for
// concurrent use, and never panics on any input; it panics only if the
// trigger model embedded in the binary cannot be decoded, which the
// package's tests rule out.
//
// gaz, the gazetteer the rest of extraction uses, tells countries (which
// act) from cities (where things happen) and nationality words from other
// names. With a nil gaz no name is a nationality word or a known place
// and every place counts as a country.
//
// Triggers in negated, hypothetical or intended clauses ("could act on
// invading", "no plans to attack", "deny … invading", "if they attack"),
// in questions and in the future make events marked by their Mode, not
// events reported as having happened.
func Find(gaz *gazetteer.Table, text string, sents []segment.Sentence, mentions []ner.Mention, dates []timex.Timex, published timeline.Date) []Event {
	tg, err := trigger.Default()
	if err != nil {
		panic(fmt.Sprintf("event: %v", err))
	}
	f := finder{gaz: gaz, text: text, mentions: mentions, dates: dates, tagger: tg, published: published}
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
	prevEnd := -1
	for si, s := range sents {
		if s.Span.Start < 0 || s.Span.End > len(text) || s.Span.Start > s.Span.End || len(s.Tokens) == 0 {
			continue
		}
		f.cur = si + 1
		// A newline between two sentences ends a paragraph: a date does
		// not carry across it.
		if prevEnd < 0 || prevEnd > s.Span.Start || strings.Contains(text[prevEnd:s.Span.Start], "\n") {
			f.context = nil
		}
		prevEnd = s.Span.End
		n := len(out)
		out = f.sentence(out, si, s)
		f.remember(out[n:], si)
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
	// main is the first mention of the country the article is about, -1
	// for none, once mainDone (see mainCountry).
	main     int
	mainDone bool

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
	fits   []*entry
	events []Event

	tagger    *trigger.Tagger
	rd        trigger.Reading // the sentence being read
	published timeline.Date
	// context is the dated events of the sentence before, in the same
	// paragraph (see DateContext); done the events found so far with
	// their root words (see DateRelated).
	context []Event
	done    []dated
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
	if n == 0 {
		return out
	}
	question := f.toks[n-1].Text == "?"
	need := f.reach()
	if need == 0 {
		return out // no phrase of the lexicon fits here
	}
	f.tagger.ReadPrefix(f.toks, need, &f.rd)
	f.findTriggers()
	f.events = f.events[:0]
	for ci := range f.cands {
		c := &f.cands[ci]
		ev, ok := f.roles(ci, si, s.Span)
		if !ok && !f.unnamedRecall(c, &ev) {
			continue
		}
		attrs := f.rd.Attributes(c.head)
		if c.noun && !c.light {
			attrs = f.rd.Attributes(c.end - 1)
		}
		ev.Class = f.classOf(c).String()
		ev.Tense, ev.Aspect, ev.Negated, ev.Modality = attrs.Tense, attrs.Aspect, attrs.Negated, attrs.Modality
		ev.Mode = f.mode(c, attrs, question)
		if ev.Mode == Negated {
			ev.Negated = true
		}
		if ev.Mode == Asserted {
			if bg, own := f.background(c); bg {
				ev.Mode = Background
				f.dateBackground(&ev, c, own)
				f.events = append(f.events, ev)
				continue
			}
		}
		f.dateEvent(&ev, c)
		f.events = append(f.events, ev)
	}
	return append(out, f.merge(f.events)...)
}
