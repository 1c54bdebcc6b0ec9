package gum

import (
	"sort"

	"dateline/graph"
	"dateline/graph/resolve/coref"
)

// Gold returns the document as a coreference document. A mention's
// entity is "gum:wiki:" and its Wikipedia identity when it has one (so
// that it meets the same identity in other documents), else "gum:",
// the document ID, "#" and the entity number: an entity of this document
// only.
//
// The head of a mention is its syntactic head: the first of its tokens
// whose dependency head lies outside the mention. A mention is Named
// when that head is a proper noun (PROPN): "Barack Obama", "the United
// States", but not "the president" or "he", nor "American" (an
// adjective), even when the entity has a Wikipedia identity. Two
// mentions over the same span are kept once, the first one winning.
func (d *Document) Gold() coref.Document {
	out := coref.Document{Corpus: "gum", ID: d.ID, Title: d.Title, URL: d.URL, Date: d.Created, Text: d.Text}
	seen := map[graph.Span]bool{}
	for _, m := range d.Mentions {
		if m.End <= m.Start {
			continue
		}
		span := graph.Span{Start: d.Tokens[m.Start].Span.Start, End: d.Tokens[m.End-1].Span.End}
		if seen[span] {
			continue
		}
		seen[span] = true
		head := d.headOf(m)
		gm := coref.Mention{
			Span:  span,
			Head:  d.Tokens[head].Span,
			Text:  span.Of(d.Text),
			Type:  m.Type,
			Kind:  kindOf(m.Type),
			Named: d.Tokens[head].UPOS == "PROPN",
		}
		if m.Identity != "" {
			gm.Entity = "gum:wiki:" + m.Identity
			gm.Linked = true
		} else {
			gm.Entity = "gum:" + d.ID + "#" + m.Entity
		}
		out.Mentions = append(out.Mentions, gm)
	}
	sort.SliceStable(out.Mentions, func(i, j int) bool {
		a, b := out.Mentions[i].Span, out.Mentions[j].Span
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	return out
}

// headOf returns the index of a mention's syntactic head: the first
// token whose dependency head is outside the mention, or its first
// token when every head is inside (a malformed tree).
func (d *Document) headOf(m Mention) int {
	for i := m.Start; i < m.End; i++ {
		if h := d.Tokens[i].Head; h < m.Start || h >= m.End {
			return i
		}
	}
	return m.Start
}

func kindOf(t string) graph.Kind {
	switch t {
	case "person":
		return graph.Person
	case "place":
		return graph.Place
	case "organization":
		return graph.Org
	}
	return graph.Misc
}
