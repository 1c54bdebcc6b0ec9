package extract

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// headlineNames splits the names the tagger ran together in a title-case
// sentence, a headline, where every word is capitalised and nothing marks
// where a name ends: "Carly Fiorina Endorses Ted Cruz", "Marine Le Pen
// Backs Trump" (PolNeAR's headlines) each became one person. A name there
// made of two names the article writes in its ordinary sentences (one of
// several words) and one or two words between them becomes those two
// names, with the kinds they have there; the words between ("Endorses")
// are no name. Anything else stays as tagged: a heading's name only part
// of which the body writes ("Thomas Colton Padalecki" beside "Padalecki"),
// or names joined by "of" or "and".
func headlineNames(sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	headline := make([]bool, len(sents))
	any := false
	for i, s := range sents {
		headline[i] = len(s.Tokens) >= 3 && titleCased(s.Tokens)
		any = any || headline[i]
	}
	if !any {
		return ms
	}
	// The names of the ordinary sentences, by their words.
	known := map[string]graph.Kind{}
	longest := 0
	for _, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(sents) || headline[m.Sentence] {
			continue
		}
		first, last := tokenRange(sents[m.Sentence].Tokens, m.Span)
		if first < 0 {
			continue
		}
		key := joinTokens(sents[m.Sentence].Tokens[first : last+1])
		if k, ok := known[key]; ok && k != m.Kind {
			known[key] = graph.Misc // read two ways: no kind to give
			continue
		}
		known[key] = m.Kind
		longest = max(longest, last-first+1)
	}
	if len(known) == 0 {
		return ms
	}
	out := make([]ner.Mention, 0, len(ms))
	for _, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(sents) || !headline[m.Sentence] {
			out = append(out, m)
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, last := tokenRange(toks, m.Span)
		if first < 0 || last == first {
			out = append(out, m)
			continue
		}
		if _, whole := known[joinTokens(toks[first:last+1])]; whole {
			out = append(out, m)
			continue
		}
		// The longest known names, left to right, with the words left
		// between them.
		var parts []ner.Mention
		var gaps []int // words between a part and the one before it
		multi, gap := false, 0
		for i := first; i <= last; {
			n := 0
			for w := min(longest, last-i+1); w >= 1; w-- {
				if k, ok := known[joinTokens(toks[i:i+w])]; ok && k != graph.Misc {
					n = w
					parts = append(parts, ner.Mention{Kind: k, Sentence: m.Sentence,
						Span: graph.Span{Start: toks[i].Span.Start, End: toks[i+w-1].Span.End}})
					gaps = append(gaps, gap)
					multi = multi || w > 1
					gap = 0
					break
				}
			}
			if n == 0 {
				if connectors[strings.ToLower(toks[i].Text)] {
					gap = 99 // "Gordon of Auchleuchries" is one name
				}
				gap++
			}
			i += max(n, 1)
		}
		// Two names and one or two words between them, a verb in a
		// headline's capitals ("Endorses"); a name only part of which the
		// body writes ("Thomas Colton Padalecki") stays whole.
		split := len(parts) == 2 && multi && gaps[1] >= 1 && gaps[1] <= 2 &&
			parts[0].Span.Start == toks[first].Span.Start && parts[1].Span.End == toks[last].Span.End
		if !split {
			out = append(out, m)
			continue
		}
		for _, p := range parts {
			p.Text = m.Text[p.Span.Start-m.Span.Start : p.Span.End-m.Span.Start]
			out = append(out, p)
		}
	}
	return out
}
