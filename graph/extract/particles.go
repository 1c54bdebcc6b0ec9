package extract

import (
	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// particleNames joins two people's names the tagger read apart at a
// name's particle ("Antonio Lopez" and "Santa Anna" in "General Antonio
// Lopez de Santa Anna"): a person's name, the particle alone, then a
// person's name again is one person's name. The result is in text order.
func particleNames(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	return editMentions(ms, func(i int, m ner.Mention) (ner.Mention, bool) {
		if i+1 >= len(ms) || m.Kind != graph.Person || ms[i+1].Sentence != m.Sentence || m.Sentence < 0 || m.Sentence >= len(sents) {
			return m, false
		}
		toks := sents[m.Sentence].Tokens
		_, last := tokenRange(toks, m.Span)
		next := ms[i+1]
		if last < 0 || last+2 >= len(toks) || toks[last].Span.End != m.Span.End || !particles[toks[last+1].Text] ||
			toks[last+2].Span.Start != next.Span.Start {
			return m, false
		}
		m.Span.End = next.Span.End
		m.Text = text[m.Span.Start:m.Span.End]
		return m, true
	})
}
