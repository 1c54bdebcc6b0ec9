// Package timelines is Dateline's system for SemEval-2015 Task 4 Track A
// (TimeLine: Cross-Document Event Ordering from raw text): given a set of
// documents with their creation times and a list of target entities, it
// builds for each target the dated, ordered list of the event mentions
// the target takes part in, in the task's format (package
// timeline/semeval), so that Dateline's own extractors can be measured
// against the task's gold timelines.
//
// It reads nothing but the raw text, its tokens (to name mentions the way
// the task does: document, sentence, token) and the creation time, and
// runs the extractors Dateline ingests with:
//
//   - the named-entity pipeline (graph/extract), whose in-document
//     resolution joins "Louis Gallois" and "Gallois";
//   - the TimeML event-trigger tagger (graph/extract/event/trigger), with
//     names masked so that their spelling does not mislead it ("Boeing"
//     is no gerund), plus every other main verb, a copula that states a
//     market move, and a noun the document also uses as a verb, since
//     MEANTIME, the task's annotation, marks nearly all of them;
//   - the date-expression tagger (timeline/timex), anchored on the
//     creation time.
//
// A target is found by the names it goes by (Aliases), by the entities
// the pipeline resolves to one of them, and by the pronouns and
// definite descriptions ("it", "the company", "the new airliner") whose
// nearest compatible name is one of those; a name that only qualifies
// another ("Airbus parent EADS") does not count. An event takes part when
// its trigger stands next to a mention of the target in its clause: the
// first trigger after the mention (its predicate, or the head it
// modifies), one that trigger governs ("plans to build") and the verbs
// that share its subject ("fell, closing at"), and the first one before
// it (the predicate of an object). A headline's word and its first use
// below, and a definite noun and its word's other uses ("the deal"), are
// taken as the same happening.
//
// An event is dated by a date expression of its own clause; a headline by
// the day the article's lead names in the week before its creation, else
// the creation day; a noun, infinitive or participle by the verb that
// governs it; a past perfect not at all; a past tense by a day named in
// the two sentences before it, else like a present perfect, progressive
// or reporting verb by the lead's day. Events that get no date go to
// position 0, as the task's guidelines place events that cannot be
// ordered. Positions follow the calendar; mentions on the same date share
// a position, the one nearest its target mention first.
package timelines

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"dateline/graph"
	"dateline/graph/extract"
	"dateline/graph/extract/event/trigger"
	"dateline/graph/extract/segment"
	"dateline/graph/resolve/meantime"
	"dateline/timeline"
	"dateline/timeline/semeval"
	"dateline/timeline/timex"
)

// Token is one token of a document as the task numbers it.
type Token struct {
	Sentence int // the corpus's sentence number, 0 for the title
	Text     string
	Span     graph.Span // byte span in Doc.Text
}

// Doc is one input document: the raw text, its tokens and its creation
// time, nothing annotated.
type Doc struct {
	ID      string
	Text    string
	Created timeline.Date
	Tokens  []Token // in text order
}

// FromMEANTIME takes from a CAT document only what Track A gives a
// system: the text, its tokens and the document creation time.
func FromMEANTIME(d *meantime.Document) Doc {
	out := Doc{ID: d.ID, Text: d.Text, Created: d.Created, Tokens: make([]Token, len(d.Tokens))}
	for i, t := range d.Tokens {
		out.Tokens[i] = Token{Sentence: t.Sentence, Text: t.Text, Span: t.Span}
	}
	return out
}

// System builds timelines. It is safe for concurrent use.
type System struct {
	pipe *extract.Pipeline
	trig *trigger.Tagger
}

// New returns a system with the models embedded in the binary.
func New() (*System, error) {
	p, err := extract.Default()
	if err != nil {
		return nil, fmt.Errorf("timelines: %w", err)
	}
	t, err := trigger.Default()
	if err != nil {
		return nil, fmt.Errorf("timelines: %w", err)
	}
	return &System{pipe: p, trig: t}, nil
}

// item is one event mention the system places on a target's timeline.
type item struct {
	mention semeval.Mention
	date    string // normalised; "XXXX-XX-XX" when undated
	rank    int    // how sure the system is that the target takes part: lower is surer
	doc     int
	offset  int
	stem    string        // the trigger's stem, see stem
	class   trigger.Class // the trigger's TimeML class
	coref   bool          // found as another mention of an item's word (corefer)
}

// analysed is what the extractors find in one document.
type analysed struct {
	doc      Doc
	sents    []segment.Sentence
	triggers []trigger.Mention
	dates    []timex.Timex
	entities []graph.Entity
	mentions []graph.Mention
	lower    map[string]bool // words written in lower case somewhere in the text
}

// Build returns one timeline a target, in the order of targets.
func (s *System) Build(ctx context.Context, docs []Doc, targets []string) ([]*semeval.Timeline, error) {
	as := make([]*analysed, 0, len(docs))
	lower := map[string]bool{}
	for _, d := range docs {
		a, err := s.analyse(ctx, d)
		if err != nil {
			return nil, err
		}
		for w := range a.lower {
			lower[w] = true
		}
		as = append(as, a)
	}
	out := make([]*semeval.Timeline, 0, len(targets))
	for _, target := range targets {
		names := Aliases(target, lower)
		var items []item
		for di, a := range as {
			items = append(items, a.items(di, names)...)
		}
		out = append(out, assemble(target, items))
	}
	return out, nil
}

func (s *System) analyse(ctx context.Context, d Doc) (*analysed, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	gd := &graph.Document{Article: graph.Article{Text: d.Text, Date: d.Created}}
	if err := s.pipe.Process(ctx, gd); err != nil {
		return nil, fmt.Errorf("timelines: document %s: %w", d.ID, err)
	}
	masked := maskNames(d.Text, gd.Mentions)
	sents := segment.Split(masked)
	a := &analysed{
		doc:      d,
		sents:    sents,
		triggers: s.tag(sents),
		dates:    timex.Tag(d.Text, d.Created, timex.Options{}),
		entities: gd.Entities,
		mentions: gd.Mentions,
		lower:    map[string]bool{},
	}
	for _, t := range d.Tokens {
		if t.Text != "" && strings.ToLower(t.Text) == t.Text && unicode.IsLetter([]rune(t.Text)[0]) {
			a.lower[t.Text] = true
		}
	}
	return a, nil
}

// assemble orders a target's items into a timeline: undated ones at
// position 0, one line each; dated ones one position a date, in calendar
// order, the surest mention first (it represents the position).
func assemble(target string, items []item) *semeval.Timeline {
	t := &semeval.Timeline{Target: target}
	seen := map[semeval.Mention]bool{}
	byDate := map[string][]item{}
	var undated []item
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].rank != items[j].rank {
			return items[i].rank < items[j].rank
		}
		if items[i].doc != items[j].doc {
			return items[i].doc < items[j].doc
		}
		return items[i].offset < items[j].offset
	})
	for _, it := range items {
		if seen[it.mention] {
			continue
		}
		seen[it.mention] = true
		if semeval.Dated(it.date) {
			byDate[it.date] = append(byDate[it.date], it)
		} else {
			undated = append(undated, it)
		}
	}
	for _, it := range undated {
		t.Lines = append(t.Lines, semeval.Line{Position: 0, Date: "XXXX-XX-XX", Mentions: []semeval.Mention{it.mention}})
	}
	dates := make([]string, 0, len(byDate))
	for d := range byDate {
		dates = append(dates, d)
	}
	sort.Slice(dates, func(i, j int) bool { return dateLess(dates[i], dates[j]) })
	for i, d := range dates {
		l := semeval.Line{Position: i + 1, Date: d}
		for _, it := range byDate[d] {
			l.Mentions = append(l.Mentions, it.mention)
		}
		t.Lines = append(t.Lines, l)
	}
	return t
}

// dateLess orders normalised dates the way the task's timelines do: a
// year before the months and days within it ("2007-XX-XX" before
// "2007-02-28").
func dateLess(a, b string) bool {
	key := func(s string) string { return strings.ReplaceAll(s, "X", " ") }
	return key(a) < key(b)
}

// DateString writes a date at the precision the text gives it, as the
// task does: "2005-01-18", "2007-10-XX", "2003-XX-XX"; weeks and
// quarters by their month and year, anything vaguer than a year undated.
func DateString(d timeline.Date) string {
	t := d.Start
	switch {
	case d.Precision >= timeline.Day:
		return t.Format("2006-01-02")
	case d.Precision >= timeline.Month:
		return t.Format("2006-01") + "-XX"
	case d.Precision >= timeline.Year:
		return t.Format("2006") + "-XX-XX"
	}
	return "XXXX-XX-XX"
}

// maskNames writes every letter of the names the pipeline found as "X"
// or "x", keeping case, digits, punctuation and byte lengths, so that the
// trigger tagger reads a name as a name and not by its spelling: a
// headline's "Boeing unveils …" otherwise starts with a gerund and loses
// its verb. Spans into the masked text are spans into the original.
func maskNames(text string, ms []graph.Mention) string {
	b := []byte(text)
	for _, m := range ms {
		if m.Span.Start < 0 || m.Span.End > len(b) {
			continue
		}
		for i := m.Span.Start; i < m.Span.End; i++ {
			switch c := b[i]; {
			case c >= 'A' && c <= 'Z':
				b[i] = 'X'
			case c >= 'a' && c <= 'z':
				b[i] = 'x'
			}
		}
	}
	return string(b)
}

// auxiliaries are verbs that carry tense or voice, not an event of their
// own.
var auxiliaries = map[string]bool{"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "am": true,
	"'s": true, "'re": true, "have": true, "has": true, "had": true, "having": true, "'ve": true, "do": true, "does": true, "did": true,
	"doing": true, "done": true, "get": true, "got": true}

// tag finds the event triggers of the sentences: the tagger's; every
// other verb but auxiliaries, as an occurrence; a copula that states a
// move ("the Dow was down 2%"), which MEANTIME marks on the verb; and a
// common noun that the document also uses as a verb ("agreed to
// purchase" … "the purchase", "cut 10,000 jobs" … "the cuts"), the
// nominal reports of the same kind of happening. The task's events are
// MEANTIME's, which annotates nearly every main verb and such nouns; the
// tagger, trained on TimeBank's sparser choice, leaves some of them out.
func (s *System) tag(sents []segment.Sentence) []trigger.Mention {
	var out []trigger.Mention
	var an trigger.Analysis
	type cand struct {
		m    trigger.Mention
		stem string
	}
	var nouns []cand
	verbs := map[string]bool{}
	for si, se := range sents {
		s.trig.Analyse(se.Tokens, &an)
		for i, c := range an.Class {
			tk := se.Tokens[i]
			low := strings.ToLower(tk.Text)
			p := an.POS[i]
			if p.IsVerb() && !auxiliaries[low] {
				verbs[stem(low)] = true
			}
			if c == trigger.None {
				switch {
				case p.IsVerb() && !auxiliaries[low]:
				case copulas[low] && i+1 < len(se.Tokens) && moves[strings.ToLower(se.Tokens[i+1].Text)]:
				case p.IsNoun() && low == tk.Text && len(low) > 3:
					nouns = append(nouns, cand{trigger.Mention{Span: tk.Span, Text: tk.Text, Sentence: si, Token: i, Class: trigger.Occurrence, POS: p,
						Attributes: trigger.AttributesAt(se.Tokens, an.POS, i)}, stem(low)})
					continue
				default:
					continue
				}
				c = trigger.Occurrence
			}
			out = append(out, trigger.Mention{Span: tk.Span, Text: tk.Text, Sentence: si, Token: i, Class: c, POS: p,
				Attributes: trigger.AttributesAt(se.Tokens, an.POS, i)})
		}
	}
	n := len(out)
	for _, c := range nouns {
		if verbs[c.stem] {
			out = append(out, c.m)
		}
	}
	if len(out) > n {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	}
	return out
}

// copulas are the forms of "be" that carry a move's report in market
// news, and moves the words after them that state one.
var (
	copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true}
	moves   = map[string]bool{"up": true, "down": true, "higher": true, "lower": true, "flat": true, "unchanged": true, "off": true}
)
