// Package segment splits news text into sentences, each with its byte span
// and its tokens, so that every later fact can name the sentence it came
// from.
//
// Sentences end at terminal punctuation (. ! ? …) followed by anything but a
// lower-case word, taking closing quotes and brackets with them; they do not
// end after abbreviations and initials ("Mr.", "J. R. R.", "U.S.") unless a
// typical sentence opener follows. Line structure matters in news: a blank
// line always ends a sentence, and so does a single newline unless the next
// line continues in lower case (hard-wrapped text), which is what makes
// headlines and datelines without a final period sentences of their own.
package segment

import (
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/extract/token"
)

// Sentence is one sentence: its byte span in the original text (from its
// first token's start to its last token's end) and its tokens, whose spans
// are also offsets into the original text.
type Sentence struct {
	Span   graph.Span
	Tokens []token.Token
}

// openers are words that, after a dotted abbreviation such as "U.S.", show
// that a new sentence has begun.
var openers = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"But": true, "In": true, "This": true, "That": true, "There": true, "A": true, "An": true,
	"His": true, "Her": true, "Their": true, "Its": true, "However": true, "Meanwhile": true,
}

// Split returns the sentences of text in order. Every token of the text
// belongs to exactly one sentence; white space between sentences belongs to
// none.
func Split(text string) []Sentence {
	toks := token.Tokenize(text)
	var out []Sentence
	start := 0
	for i := 0; i < len(toks); i++ {
		end, ok := boundary(text, toks, i)
		if !ok {
			continue
		}
		i = end
		out = append(out, Sentence{
			Span:   graph.Span{Start: toks[start].Span.Start, End: toks[i].Span.End},
			Tokens: toks[start : i+1 : i+1],
		})
		start = i + 1
	}
	if start < len(toks) {
		last := len(toks) - 1
		out = append(out, Sentence{
			Span:   graph.Span{Start: toks[start].Span.Start, End: toks[last].Span.End},
			Tokens: toks[start:],
		})
	}
	return out
}

// boundary reports whether a sentence ends at or just after token i, and
// the index of its last token (i, or later when closing quotes and brackets
// follow).
func boundary(text string, toks []token.Token, i int) (int, bool) {
	if i+1 >= len(toks) {
		return i, false // the caller closes the last sentence
	}
	if ends, ok := lineBreak(text, toks, i); ok {
		return i, ends
	}
	t := toks[i]
	switch {
	case t.Class == token.Punct && isTerminal(t.Text):
		j := i
		// Closing quotes and brackets right after the punctuation belong to this sentence.
		for j+1 < len(toks) && isCloser(toks[j+1].Text) && toks[j+1].Span.Start == toks[j].Span.End {
			j++
		}
		if j+1 >= len(toks) {
			return j, false
		}
		if ends, ok := lineBreak(text, toks, j); ok && ends {
			return j, true
		}
		if startsLower(toks[j+1].Text) {
			return i, false // "Yes?" he asked.
		}
		if n := toks[j+1].Text; n == "," || n == ";" || n == ":" {
			return i, false // an abbreviation's stop: "Sen. Ron Johnson, R-Wis., said"
		}
		return j, true
	case t.Class == token.Word && len(t.Text) > 1 && t.Text[len(t.Text)-1] == '.':
		// An abbreviation ends a sentence only when a sentence opener follows.
		if token.IsAbbreviation(t.Text) && !isAcronym(t.Text) {
			return i, false
		}
		return i, openers[toks[i+1].Text]
	}
	return i, false
}

// lineBreak looks at the white space between token i and the next one. It
// reports ok when that gap holds a newline, and ends when the break ends
// the sentence: always for a blank line, and for a single newline unless
// the next line continues a sentence in lower case.
func lineBreak(text string, toks []token.Token, i int) (ends, ok bool) {
	gap := text[toks[i].Span.End:toks[i+1].Span.Start]
	n := 0
	for j := 0; j < len(gap); j++ {
		if gap[j] == '\n' {
			n++
		}
	}
	switch {
	case n == 0:
		return false, false
	case n >= 2:
		return true, true
	}
	if startsLower(toks[i+1].Text) && !isTerminal(toks[i].Text) {
		return false, true
	}
	return true, true
}

func isTerminal(s string) bool {
	switch s {
	case ".", "!", "?", "…", "...", "!!", "??", "?!", "!?":
		return true
	}
	return len(s) > 1 && (s[0] == '.' || s[0] == '!' || s[0] == '?') && s[len(s)-1] == s[0]
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", "''", ")", "]", "»":
		return true
	}
	return false
}

// isAcronym reports whether w is a dotted acronym such as "U.S." (which
// can end a sentence) rather than a title such as "Mr.".
func isAcronym(w string) bool {
	dots := 0
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			dots++
		}
	}
	return dots >= 2
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
