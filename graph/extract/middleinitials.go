package extract

import (
	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/names"
)

// middleInitialNames gives back its first name to a person's name the
// tagger started at the middle initial: in the New York Times' "Donald J.
// Trump" it reads "Donald" as a name of no kind and "J. Trump" as a
// person, who became a person of 72 mentions in eleven PolNeAR articles
// beside Donald Trump. A first name right before a person's name that
// starts with an initial is part of it, and its own mention, if any,
// goes. The result is in text order.
func middleInitialNames(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	return editMentions(ms, func(_ int, m ner.Mention) (ner.Mention, bool) {
		if m.Kind != graph.Person || m.Sentence < 0 || m.Sentence >= len(sents) {
			return m, false
		}
		toks := sents[m.Sentence].Tokens
		first, _ := tokenRange(toks, m.Span)
		if first <= 0 || toks[first].Span.Start != m.Span.Start || !isInitials(toks[first].Text) ||
			toks[first-1].Span.End >= toks[first].Span.Start || !capitalisedWord(toks[first-1]) || !names.IsFirstName(toks[first-1].Text) {
			return m, false
		}
		m.Span.Start = toks[first-1].Span.Start
		m.Text = text[m.Span.Start:m.Span.End]
		return m, true
	})
}
