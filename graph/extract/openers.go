package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/names"
)

// openerNames takes off the start of a name the word that opens its
// sentence, when the tagger, seeing it capitalised, read it as the name's
// first word: "Both Ruse’s and Street’s arguments", "Mirroring Ruse’s
// claim" in an essay that names "Ruse" on its own elsewhere. The word
// goes when the rest of the name is one the tagger found alone in the
// article, and the word is capitalised nowhere but at a sentence's start
// (a name's word is capitalised inside sentences too), is no given name
// ("Mark Ruse"), no title and no place, and the whole is no place ("New
// York" beside "York"). leadingWords lists the words taken off wherever
// they stand; this pass needs no list.
func openerNames(gaz *gazetteer.Table, text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	var alone, surnames map[string]bool // names the tagger found, as written, and its people's last words
	var capitalised, lower map[string]bool
	out := ms
	copied := false
	for i, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(sents) {
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, last := tokenRange(toks, m.Span)
		if first < 0 || last == first || toks[first].Span.Start != m.Span.Start || !opensSentence(toks, first) {
			continue
		}
		w := toks[first].Text
		if toks[first].Class != token.Word || len(w) < 2 || !startsUpper(w) || strings.LastIndexFunc(w, unicode.IsUpper) != 0 ||
			strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			continue // "Both", not "McCain", "UN" nor "C."
		}
		if alone == nil {
			alone, surnames = make(map[string]bool, len(ms)), map[string]bool{}
			for _, o := range ms {
				alone[o.Text] = true
				if o.Kind == graph.Person {
					if sp := strings.LastIndexByte(o.Text, ' '); sp > 0 {
						surnames[o.Text[sp+1:]] = true
					}
				}
			}
		}
		rest := text[toks[first+1].Span.Start:m.Span.End]
		if !alone[rest] || genericOrgs[names.Key(rest)] || notNames[names.Key(rest)] {
			continue
		}
		if names.IsFirstName(w) || names.IsTitle(w) || names.IsHonorific(w) {
			continue
		}
		if _, ok := gaz.Entry(w); ok {
			continue
		}
		if _, ok := gaz.Entry(m.Text); ok {
			continue
		}
		if capitalised == nil {
			capitalised, lower = wordCases(sents)
		}
		if capitalised[w] || !lower[strings.ToLower(w)] && (m.Kind == graph.Person || !surnames[rest]) {
			continue
		}
		if !copied {
			out, copied = append([]ner.Mention(nil), ms...), true
		}
		out[i].Span.Start = toks[first+1].Span.Start
		out[i].Text = rest
	}
	return out
}

// opensSentence reports whether token i opens its sentence, after any
// quotation marks, brackets and the numbers between them (a footnote's
// "[12]" that the segmenter leaves at the start of the next sentence).
func opensSentence(toks []token.Token, i int) bool {
	for _, t := range toks[:i] {
		if t.Class != token.Number && (t.Class != token.Punct || !strings.ContainsAny(t.Text, "\"'“”‘’()[]")) {
			return false
		}
	}
	return true
}

// wordCases returns the capitalised words written inside a sentence
// (not first in it) of a sentence in ordinary case, and the words written
// in lower case.
func wordCases(sents []segment.Sentence) (capitalised, lower map[string]bool) {
	capitalised, lower = map[string]bool{}, map[string]bool{}
	for _, s := range sents {
		title := titleCased(s.Tokens)
		for i, t := range s.Tokens {
			if t.Class != token.Word {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
				lower[t.Text] = true
			} else if !title && unicode.IsUpper(r) && !opensSentence(s.Tokens, i) {
				capitalised[t.Text] = true
			}
		}
	}
	return capitalised, lower
}
