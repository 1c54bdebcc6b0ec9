package extract

import (
	"sort"

	"dateline/graph"
	"dateline/graph/extract/event"
)

// dropQuotedStatements leaves out statement events whose sentence holds a
// quote: the quote already says who said what, with the words, and the
// timeline would show the same statement twice. The quotes' sentences are
// sorted once and searched, so the cost is O((e + q) log q), not e × q.
func dropQuotedStatements(evs []graph.Event, qs []graph.Quote) []graph.Event {
	sents := make([]graph.Span, len(qs))
	for i, q := range qs {
		sents[i] = q.Sentence
	}
	sort.Slice(sents, func(i, j int) bool { return sents[i].Start < sents[j].Start })
	// reach[i] is the furthest end among sents[:i+1], so a search by
	// start finds whether any sentence up to there covers a span.
	reach := make([]int, len(sents))
	for i, s := range sents {
		reach[i] = s.End
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	out := evs[:0]
	for _, e := range evs {
		quoted := false
		if e.Category == event.Statement {
			k := sort.Search(len(sents), func(i int) bool { return sents[i].Start > e.Span.Start }) - 1
			quoted = k >= 0 && reach[k] >= e.Span.End
		}
		if !quoted {
			out = append(out, e)
		}
	}
	return out
}

// events turns found events into graph events with local entities. An
// event none of whose participants survived (all left out as noise) and
// that has no place is dropped: a timeline entry needs someone or
// somewhere. So is one the text says did not happen or only might
// ("did not meet", "could invade", "plans to sign"): a timeline shows
// happenings. Announced and scheduled events stay, marked future; past
// events the article recalls stay marked background: with their own date
// ("the 2014 annexation") or, with none ("since the invasion"), undated
// and Reported, a recall the store links to the stored event it names
// and never an event of the publication day.
func (b *builder) events(evs []event.Event) []graph.Event {
	var out []graph.Event
	at := func(i int) graph.ID {
		if i < 0 {
			return 0
		}
		return b.entityOf(i)
	}
	for _, e := range evs {
		if e.Mode == event.Negated || e.Mode == event.Hypothetical {
			continue
		}
		g := graph.Event{Category: e.Category, Trigger: e.Trigger, Span: e.TriggerSpan, Sentence: e.Sentence,
			Actor: at(e.Actor), Target: at(e.Target), Place: at(e.Place), Date: e.Date, Reported: e.Date.IsZero(),
			Class: e.Class, Tense: e.Tense, Aspect: e.Aspect, Negated: e.Negated, Modality: e.Modality, Mode: e.Mode}
		if !g.Reported {
			g.DateFrom = e.DateFrom
		}
		for _, p := range e.Participants {
			if id := at(p); id != 0 && !containsID(g.Participants, id) {
				g.Participants = append(g.Participants, id)
			}
		}
		if len(g.Participants) == 0 && g.Place == 0 {
			continue
		}
		out = append(out, g)
	}
	return out
}
