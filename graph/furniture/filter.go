package furniture

import (
	"slices"

	"dateline/graph"
)

// Filter returns doc without what extraction found in the furniture
// spans: their mentions (but for the speaker of a quote outside them), the
// quotes and events in them, the relations a sentence of theirs supports,
// and the local entities named only there, with every local reference
// renumbered. The sentences, paragraphs and
// dates stay: they place the article's other facts, and a view showing
// the article shows its whole text. doc itself is not changed; with no
// spans it is returned as it is.
func Filter(doc *graph.Document, spans []graph.Span) *graph.Document {
	if len(spans) == 0 {
		return doc
	}
	out := *doc
	in := func(s graph.Span) bool { return inside(spans, s) }

	// A quote outside the furniture keeps its speaker's mention: a
	// transcript's turn label ("Vladimir Putin:") is a line every
	// transcript of a source repeats, and the words after it are news.
	var speakers []graph.Span // in the furniture, of quotes outside it
	for _, q := range doc.Quotes {
		if !in(q.Span) && q.SpeakerSpan.End > q.SpeakerSpan.Start && in(q.SpeakerSpan) {
			speakers = append(speakers, q.SpeakerSpan)
		}
	}
	slices.SortFunc(speakers, func(a, b graph.Span) int { return a.Start - b.Start })
	speakers = slices.Compact(speakers)
	speaks := func(s graph.Span) bool {
		// The speakers starting before s ends, back to one that ends
		// before a line's length could reach s: furniture lines are
		// shorter than MaxLine.
		i, _ := slices.BinarySearchFunc(speakers, s.End, func(sp graph.Span, end int) int { return sp.Start - end })
		for j := i - 1; j >= 0 && speakers[j].Start > s.Start-MaxLine; j-- {
			if speakers[j].End > s.Start {
				return true
			}
		}
		return false
	}
	// Local entities named only inside the furniture go; an entity
	// extraction gave no mention at all (a speaker known by a role) stays.
	named := make([]int, len(doc.Entities))
	kept := make([]int, len(doc.Entities))
	out.Mentions = make([]graph.Mention, 0, len(doc.Mentions))
	for _, m := range doc.Mentions {
		i := doc.LocalIndex(m.Entity)
		if i >= 0 {
			named[i]++
		}
		if in(m.Span) && !speaks(m.Span) {
			continue
		}
		if i >= 0 {
			kept[i]++
		}
		out.Mentions = append(out.Mentions, m)
	}
	renum := make([]graph.ID, len(doc.Entities)+1) // old local reference → new, 0 for gone
	out.Entities = make([]graph.Entity, 0, len(doc.Entities))
	for i, e := range doc.Entities {
		if named[i] > 0 && kept[i] == 0 {
			continue
		}
		out.Entities = append(out.Entities, e)
		renum[graph.Local(i)] = graph.Local(len(out.Entities) - 1)
	}
	ref := func(id graph.ID) graph.ID {
		if id == 0 || int(id) >= len(renum) {
			return id // none, or a slip the store reports
		}
		return renum[id]
	}
	refs := func(ids []graph.ID) []graph.ID {
		var kept []graph.ID
		for _, id := range ids {
			if r := ref(id); r != 0 {
				kept = append(kept, r)
			}
		}
		return kept
	}
	for i := range out.Mentions {
		out.Mentions[i].Entity = ref(out.Mentions[i].Entity)
	}

	out.Quotes = nil
	for _, q := range doc.Quotes {
		if in(q.Span) {
			continue
		}
		q.Speaker = ref(q.Speaker)
		q.About = refs(q.About)
		out.Quotes = append(out.Quotes, q)
	}
	out.Events = nil
	for _, ev := range doc.Events {
		if in(ev.Span) {
			continue
		}
		ev.Participants = refs(ev.Participants)
		ev.Actor, ev.Target, ev.Place = ref(ev.Actor), ref(ev.Target), ref(ev.Place)
		out.Events = append(out.Events, ev)
	}
	out.Relations = nil
	for _, r := range doc.Relations {
		from, to := ref(r.From), ref(r.To)
		if in(r.Sentence) || from == 0 || to == 0 {
			continue
		}
		r.From, r.To = from, to
		out.Relations = append(out.Relations, r)
	}
	return &out
}

// inside reports whether s lies within one of spans, which are in text
// order and do not overlap.
func inside(spans []graph.Span, s graph.Span) bool {
	i, found := slices.BinarySearchFunc(spans, s.Start, func(f graph.Span, at int) int {
		switch {
		case f.End <= at:
			return -1
		case f.Start > at:
			return 1
		}
		return 0
	})
	return found && s.End <= spans[i].End
}
