package coref

import (
	"dateline/graph"
	"dateline/timeline"
)

// Document is one document of an annotated coreference corpus, rebuilt
// as plain text with its gold entity mentions, so that Dateline's own
// pipeline can read the text and its output can be compared with the
// mentions by byte span.
type Document struct {
	Corpus string // the corpus it came from: "meantime", "gum"
	ID     string // the corpus's document identifier (unique within Corpus)
	Title  string
	URL    string
	Date   timeline.Date // publication (document creation) date; zero when unknown
	Text   string
	// Mentions are the gold entity mentions, in text order.
	Mentions []Mention
}

// Mention is one gold entity mention.
type Mention struct {
	Span graph.Span // the annotated extent in Document.Text
	// Head is the mention's head word (or, for a name, the last word of
	// the name proper), inside Span: what a lenient alignment requires a
	// system mention to cover.
	Head graph.Span
	Text string // Span's text
	// Entity identifies the entity across the whole corpus: two mentions
	// with the same Entity, in one document or in two, corefer. It is ""
	// when the annotation links the mention to no entity.
	Entity string
	Type   string     // the corpus's entity type (MEANTIME PER, ORG, LOC, PRO, FIN; GUM person, place, organization, …)
	Kind   graph.Kind // Person, Place or Org for those types, Misc for the others
	// Named marks a proper-name mention ("Boeing", "Louis Gallois"), as
	// opposed to a nominal ("the company") or a pronoun ("it"): the
	// mentions Dateline's tagger is meant to find.
	Named bool
	// Linked marks a mention whose entity the corpus links beyond the
	// document (a MEANTIME instance, a GUM Wikipedia identity), as
	// opposed to an entity known only within one document.
	Linked bool
}
