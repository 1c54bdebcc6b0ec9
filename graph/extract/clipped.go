package extract

import (
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// clippedNames extends a name the tagger cut short to the longer name it
// tagged elsewhere in the article, when the longer name's words follow it
// as written: "Penn" in "Penn State decides against supporting wiki
// project", beside "Penn State" in the letter's other sentences. The
// tagger reads each sentence on its own; the short name would otherwise
// be an entity of its own, found in every sentence the tagger clipped.
// The longer name's kind wins. Only words no other name covers are taken
// in ("UNESCO" before "World Heritage Site", tagged apart, is a name inside
// a name, nestedNames' business). The result is in text order.
func clippedNames(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	type longer struct {
		words []string
		m     ner.Mention
	}
	var byFirst map[string][]longer
	for _, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(sents) {
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, last := tokenRange(toks, m.Span)
		if first < 0 || last == first || last-first >= maxRepeatWords || toks[first].Span.Start != m.Span.Start || titleCased(toks) {
			continue // in a headline's capitals every word looks like a name's ("U.S. Officials")
		}
		words := make([]string, 0, last-first+1)
		for _, t := range toks[first : last+1] {
			words = append(words, t.Text)
		}
		if byFirst == nil {
			byFirst = map[string][]longer{}
		}
		byFirst[words[0]] = append(byFirst[words[0]], longer{words, m})
	}
	if byFirst == nil {
		return ms
	}
	tagged := map[int]bool{} // start offsets of the tokens some name covers
	for _, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(sents) {
			continue
		}
		toks := sents[m.Sentence].Tokens
		if first, last := tokenRange(toks, m.Span); first >= 0 {
			for _, t := range toks[first : last+1] {
				tagged[t.Span.Start] = true
			}
		}
	}
	out := make([]ner.Mention, 0, len(ms))
	for _, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(sents) {
			out = append(out, m)
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, last := tokenRange(toks, m.Span)
		if first < 0 || toks[first].Span.Start != m.Span.Start || titleCased(toks) {
			out = append(out, m)
			continue
		}
		end := last
		for _, c := range byFirst[toks[first].Text] {
			e := first + len(c.words) - 1
			if e <= end || e >= len(toks) {
				continue // no longer than the best so far, or past the sentence
			}
			same := true
			for k, w := range c.words {
				// The words it extends over are no other name's: "UNESCO"
				// before "World Heritage Site" tagged apart stays apart.
				// Only capitalised words are taken in: a name tagged with
				// its full stop once ("DNC.") extends no other.
				same = same && toks[first+k].Text == w && (first+k <= last || !tagged[toks[first+k].Span.Start] && capitalisedWord(toks[first+k]))
			}
			if same {
				end, m.Kind = e, c.m.Kind
			}
		}
		if end > last {
			m.Span.End = toks[end].Span.End
			m.Text = text[m.Span.Start:m.Span.End]
		}
		out = append(out, m)
	}
	return out
}
