// Package furniture finds the lines a source repeats across its articles
// and takes what extraction found in them out of an article's facts.
//
// A page wraps its story in lines that are not news: a byline's "Follow
// Pam Key on Twitter @pamkeyNEN.", Breitbart's "Do you support Donald
// Trump? Like the page:", HuffPost's standing editor's note about Trump,
// the New York Times' "ABSTRACT." and "FULL TEXT.". Extraction recognises
// the furniture one article shows on its own (greetings, "Read more",
// newsletter pitches, photo credits; graph/extract's cleanup.go); these
// lines look like any other sentence and are furniture only because the
// source prints them again and again. Read as news, PolNeAR's train
// articles made Pam Key a person of seven articles, and the lines its
// publishers repeat held 26 of its mentions of Donald Trump.
//
// A line is the source's furniture when at least MinArticles articles of
// that source hold it. That is a function of the set of articles, not of
// the order they came in: the store counts each line's articles and, when
// a line reaches or leaves MinArticles, states again the articles that
// hold it (graph/store). Safeguards keep news in: only short lines count
// (a paragraph of 300 bytes or more is the article's own), an article's
// first line and the lines reporting a happening or a statement are its
// own however often the source prints them, and an article whose repeated
// lines make up a third or more of its text is a version of a story the
// source tells again (an update, a correction, a syndicated copy), whose
// lines stay news.
package furniture

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"

	"dateline/graph"
)

// MinArticles is how many articles of one source must hold a line for it
// to be the source's furniture. Two articles sharing a line are as often
// two versions of one story as a template; a third makes it the page's.
const MinArticles = 3

// MaxLine is the length in bytes from which a line is the article's own
// text, never furniture: a byline, a credit or a standing note is a line
// or two of a sentence, not a paragraph.
const MaxLine = 300

// Hash identifies a line (or a source) by its normalised text.
type Hash uint64

// Line is one line of an article's text that could be furniture: its hash
// and where the article has it. An article holding a line twice has two
// Lines with one hash.
type Line struct {
	Hash Hash
	Span graph.Span
}

// Lines returns the lines of text that could be furniture, in text order:
// those shorter than MaxLine with a letter in them, each hashed with its
// spacing and case folded ("Follow Pam Key on Twitter" as written on one
// page or another).
func Lines(text string) []Line {
	var out []Line
	EachLine(text, func(start, end int) {
		if s, e := trimmed(text, start, end); e > s && e-s < MaxLine && strings.IndexFunc(text[s:e], unicode.IsLetter) >= 0 {
			out = append(out, Line{Hash: lineHash(text[s:e]), Span: graph.Span{Start: s, End: e}})
		}
	})
	return out
}

// EachLine calls fn with the bounds of each line of text, in text order,
// its line break left out.
func EachLine(text string, fn func(start, end int)) {
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		fn(start, end)
		start = end + 1
	}
}

// trimmed returns the bounds of text[start:end] without its surrounding
// white space.
func trimmed(text string, start, end int) (int, int) {
	line := text[start:end]
	lead := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
	return start + lead, start + len(strings.TrimRightFunc(line, unicode.IsSpace))
}

// lineHash hashes a line's words in lower case, one space apart.
func lineHash(line string) Hash {
	h := fnv.New64a()
	for i, w := range strings.Fields(line) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(strings.ToLower(w)))
	}
	return Hash(h.Sum64())
}

// Source identifies the source whose lines an article's are counted with:
// its publisher or site as the reader found it ("breitbart",
// "www.theguardian.com"), in lower case. Articles that name no source
// are counted together, as the pages of one unknown source.
func Source(a *graph.Article) Hash {
	return lineHash("source " + a.Source)
}

// Choose returns the spans of an article's furniture, in text order: its
// lines (Lines of its text) that repeated reports to be held by at least MinArticles articles
// of its source, but for its first line, a headline or a lead (the
// Kremlin opens 59 of its articles with a repeated line such as "Vladimir
// Putin had a telephone conversation with Prime Minister of the Republic
// of Armenia Nikol Pashinyan.", the one place its articles name whom he
// called), and for a line in which extraction found a happening or a
// statement (an event's trigger, a quote). None are when the repeated
// lines make up a third or more of the text's letters and digits: then
// the article is a version of another and its lines are news.
func Choose(doc *graph.Document, lines []Line, repeated func(Hash) bool) []graph.Span {
	text := doc.Article.Text
	first := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace)) // where the first line starts
	facts := make([]int, 0, len(doc.Events)+len(doc.Quotes))              // where the happenings and statements start
	for _, e := range doc.Events {
		facts = append(facts, e.Span.Start)
	}
	for _, q := range doc.Quotes {
		facts = append(facts, q.Span.Start)
	}
	slices.Sort(facts)
	var out []graph.Span
	size := 0
	for _, l := range lines {
		if l.Span.Start == first || !repeated(l.Hash) || reports(l.Span, facts) {
			continue
		}
		out = append(out, l.Span)
		size += contentLen(text[l.Span.Start:l.Span.End])
	}
	if len(out) == 0 || 3*size >= contentLen(text) {
		return nil
	}
	return out
}

// reports reports whether one of facts, sorted starts, lies inside line.
func reports(line graph.Span, facts []int) bool {
	i, _ := slices.BinarySearch(facts, line.Start)
	return i < len(facts) && facts[i] < line.End
}

// contentLen counts a text's letters and digits: what a line says, not
// how it is spaced or punctuated.
func contentLen(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
