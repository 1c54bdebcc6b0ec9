package extract

import (
	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/names"
)

// possessiveNames extends a name the tagger cut at a plural noun's
// possessive over the capitalised words after it: "Lugansk People's
// Republic", of which the tagger read "Lugansk People" as an organisation
// and "Republic" as a place (the press releases had an organisation
// "Lugansk People" of 37 mentions beside two of the whole name). Names
// starting inside the words taken in are dropped. The result is in text
// order.
func possessiveNames(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	return editMentions(ms, func(_ int, m ner.Mention) (ner.Mention, bool) {
		if m.Kind == graph.Person || m.Sentence < 0 || m.Sentence >= len(sents) {
			return m, false
		}
		toks := sents[m.Sentence].Tokens
		_, last := tokenRange(toks, m.Span)
		if last < 0 || last+2 >= len(toks) || toks[last].Span.End != m.Span.End || !possessiveOwners[toks[last].Text] ||
			toks[last+1].Text != "'s" && toks[last+1].Text != "’s" || !capitalisedWord(toks[last+2]) {
			return m, false
		}
		end := last + 2
		for end+1 < len(toks) && end < last+4 && capitalisedWord(toks[end+1]) && !namesNext(toks[end+1].Text) {
			end++
		}
		m.Span.End = toks[end].Span.End
		m.Text = text[m.Span.Start:m.Span.End]
		return m, true
	})
}

// namesNext reports whether a word starts another name or a title: where
// a name taken in after a possessive ends ("the Donetsk People's Republic
// Denis Pushilin").
func namesNext(w string) bool { return names.IsFirstName(w) || names.IsTitle(w) }

// possessiveOwners are the plural nouns without an s whose possessive
// runs on into many names: "People's Republic", "People's Party",
// "Children's Fund", "Women's Forum".
var possessiveOwners = map[string]bool{"People": true, "Children": true, "Women": true, "Men": true}
