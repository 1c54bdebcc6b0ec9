package extract

import (
	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/names"
)

// epithetNames extends a person's name over the epithet after it, "the"
// and a capitalised word of epithets ("Peter the Great", "Ivan the
// Terrible", "Pliny the Elder"), which a tagger may cut off or read as a
// name of its own ("Peter" a person, "Great" a place): the person is
// the whole, and "Great" is no place. A first name the tagger gave
// another kind is the person all the same ("Catherine the Great's time",
// "Catherine" a name of no kind). A name the epithet words start (a
// tagged "Great") is dropped. The result is in text order.
func epithetNames(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	return editMentions(ms, func(_ int, m ner.Mention) (ner.Mention, bool) {
		if (m.Kind != graph.Person && !names.IsFirstName(m.Text)) || m.Sentence < 0 || m.Sentence >= len(sents) {
			return m, false
		}
		toks := sents[m.Sentence].Tokens
		_, last := tokenRange(toks, m.Span)
		if last < 0 || last+2 >= len(toks) || toks[last].Span.End != m.Span.End || toks[last+1].Text != "the" || !epithets[toks[last+2].Text] {
			return m, false
		}
		m.Kind = graph.Person // "Catherine", which the tagger took for no person
		m.Span.End = toks[last+2].Span.End
		m.Text = text[m.Span.Start:m.Span.End]
		return m, true
	})
}

// epithets are the words of "the …" after a ruler's or a saint's name
// that are part of the name.
var epithets = map[string]bool{"Great": true, "Terrible": true, "Elder": true, "Younger": true, "Conqueror": true,
	"Confessor": true, "Wise": true, "Bold": true, "Pious": true, "Magnificent": true, "Navigator": true,
	"Apostate": true, "Lawgiver": true, "Unready": true, "Lionheart": true, "Baptist": true, "Evangelist": true}
