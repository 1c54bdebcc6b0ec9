package meantime

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/names"
	"dateline/graph/resolve/coref"
)

// Gold returns the document as a coreference document: its text and its
// entity mentions, each with the corpus-wide entity it refers to
// ("meantime:" and the instance_id, or "meantime:DOC#M" for an entity of
// this document only; "" when no REFERS_TO names one).
//
// A mention is Named when its syntactic_type is NAM or PRE.NAM (a name
// used as a modifier, "Ryanair CEO", "European"); when the annotation
// gives no syntactic_type, as for many mentions added at the corpus
// level, when its head word (see headOf) is capitalised and not a
// pronoun or a title. The Head of a named mention is its last capitalised
// word before any post-modifier ("Gallois" in "Louis Gallois, the Airbus
// chief executive"; "Heathrow" in "Heathrow airport"). Two mentions over the same tokens are kept once, the first
// that refers to an entity winning.
func (d *Document) Gold() coref.Document {
	out := coref.Document{Corpus: "meantime", ID: d.ID, Title: d.Title, URL: d.URL, Date: d.Created, Text: d.Text}
	seen := map[graph.Span]int{}
	for _, m := range d.Mentions {
		first, last := d.Tokens[m.Tokens[0]], d.Tokens[m.Tokens[len(m.Tokens)-1]]
		span := graph.Span{Start: first.Span.Start, End: last.Span.End}
		cut := d.cut(m.Tokens)
		head := d.headOf(cut)
		gm := coref.Mention{Span: span, Text: span.Of(d.Text), Kind: graph.KindUnknown}
		if eid, ok := d.RefersTo[m.ID]; ok {
			e := d.Entities[eid]
			gm.Type = e.Type
			gm.Kind = kindOf(e.Type)
			if e.InstanceID != "" {
				gm.Entity = "meantime:" + e.InstanceID
				gm.Linked = true
			} else {
				gm.Entity = "meantime:" + d.ID + "#" + e.ID
			}
		}
		switch m.SyntacticType {
		case "NAM", "PRE.NAM":
			gm.Named = true
		case "":
			gm.Named = d.looksNamed(cut, head)
		}
		if gm.Named {
			head = d.nameHeadOf(cut, head)
		}
		gm.Head = d.Tokens[head].Span
		if i, ok := seen[span]; ok {
			if out.Mentions[i].Entity == "" && gm.Entity != "" {
				out.Mentions[i] = gm
			}
			continue
		}
		seen[span] = len(out.Mentions)
		out.Mentions = append(out.Mentions, gm)
	}
	sortMentions(out.Mentions)
	return out
}

func sortMentions(ms []coref.Mention) {
	// Insertion sort keeps equal starts in input order and the lists are
	// short and nearly sorted.
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && less(ms[j], ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func less(a, b coref.Mention) bool {
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	return a.Span.End > b.Span.End
}

func kindOf(t string) graph.Kind {
	switch t {
	case "PER":
		return graph.Person
	case "ORG":
		return graph.Org
	case "LOC":
		return graph.Place
	case "":
		return graph.KindUnknown
	}
	return graph.Misc
}

// cut returns a mention's tokens up to its first post-modifier: a comma,
// a bracket, a dash, a relative pronoun, a preposition ("Moscone Center
// in San Francisco" is cut to "Moscone Center"), or "of" or "for" after
// a lower-case word ("the parent company of European airframer Airbus"
// is cut to "the parent company"; "Bank of England" is kept whole).
func (d *Document) cut(toks []int) []int {
	for k := 1; k < len(toks); k++ {
		switch strings.ToLower(d.Tokens[toks[k]].Text) {
		case ",", "(", "--", "which", "who", "whose", "that", "where", "when",
			"in", "at", "on", "from", "with", "to", "by":
			return toks[:k]
		case "of", "for":
			if !capitalised(d.Tokens[toks[k-1]].Text) {
				return toks[:k]
			}
		}
	}
	return toks
}

// headOf returns the index (into d.Tokens) of the head word of a cut
// mention: the corpus leaves the head attribute empty, so it is the last
// word, skipping a trailing possessive or punctuation ("Boeing 's",
// "EADS )").
func (d *Document) headOf(toks []int) int {
	h := len(toks) - 1
	for h > 0 && !wordy(d.Tokens[toks[h]].Text) {
		h--
	}
	return toks[h]
}

// nameHeadOf returns the head of a named mention: its last capitalised
// word ("Heathrow" in "Heathrow airport"), or head when it has none. A
// number right after it stays with it ("S&P 500" has head "500").
func (d *Document) nameHeadOf(toks []int, head int) int {
	for k := len(toks) - 1; k >= 0; k-- {
		w := d.Tokens[toks[k]].Text
		if capitalised(w) {
			if k+1 < len(toks) && isNumber(d.Tokens[toks[k+1]].Text) {
				return toks[k+1]
			}
			return toks[k]
		}
	}
	return head
}

// pronouns are the capitalised words that are never names.
var pronouns = map[string]bool{
	"i": true, "we": true, "you": true, "he": true, "she": true, "it": true, "they": true,
	"me": true, "him": true, "her": true, "them": true, "this": true, "that": true,
	"these": true, "those": true, "its": true, "their": true, "his": true, "our": true, "my": true,
}

// roleAcronyms are capitalised words for a function, not a name.
var roleAcronyms = map[string]bool{"CEO": true, "CFO": true, "COO": true, "CTO": true, "MP": true, "MEP": true}

// looksNamed decides whether a mention without a syntactic type is a
// name: its head, or for a head of digits the word before it, starts
// with a capital letter and is not a pronoun or a title ("the Prime
// Minister", "CEO"), and it is not a lone
// capitalised word at the start of a sentence that is lower case
// elsewhere in the document ("Analysts said").
func (d *Document) looksNamed(toks []int, head int) bool {
	h := head
	for h > toks[0] && isNumber(d.Tokens[h].Text) {
		h--
	}
	w := strings.TrimRight(d.Tokens[h].Text, "'’")
	if !capitalised(w) || pronouns[strings.ToLower(w)] || names.IsTitle(w) || roleAcronyms[w] {
		return false
	}
	if h == 0 || d.Tokens[h-1].Sentence != d.Tokens[h].Sentence {
		lower := strings.ToLower(w)
		for _, t := range d.Tokens {
			if t.Text == lower {
				return false
			}
		}
	}
	return true
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}
