package extract

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// formatNames reads a place's name before "format" as the name of a
// diplomatic format: "the Normandy format" (France, Germany, Russia and
// Ukraine on Donbas; the press releases write it 94 times) is no mention
// of Normandy, which had become the 35th place of the war's press
// releases. The name takes "format" in and is a name of no kind, as is a
// name the tagger ends in a word of formatHeads ("the Normandy Four", a
// place). The result is in text order.
func formatNames(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	return editMentions(ms, func(_ int, m ner.Mention) (ner.Mention, bool) {
		changed := false
		if sp := strings.LastIndexByte(m.Text, ' '); m.Kind != graph.Person && m.Kind != graph.Misc && sp > 0 && formatHeads[strings.ToLower(m.Text[sp+1:])] {
			m.Kind, changed = graph.Misc, true // "the Normandy Four", which the tagger reads as a place
		}
		if m.Kind != graph.Place || m.Sentence < 0 || m.Sentence >= len(sents) {
			return m, changed
		}
		toks := sents[m.Sentence].Tokens
		if _, last := tokenRange(toks, m.Span); last >= 0 && last+1 < len(toks) && toks[last].Span.End == m.Span.End &&
			strings.EqualFold(toks[last+1].Text, "format") {
			m.Kind = graph.Misc
			m.Span.End = toks[last+1].Span.End
			m.Text = text[m.Span.Start:m.Span.End]
			changed = true
		}
		return m, changed
	})
}
