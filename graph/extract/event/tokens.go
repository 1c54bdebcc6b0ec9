package event

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/names"
)

// load prepares the sentence's tokens, their word classes and their links
// to mentions and dates. It stops early, returning false, when no word of
// the sentence can start a trigger, which is what most sentences cost.
func (f *finder) load(s segment.Sentence) bool {
	valid := func(t token.Token) bool {
		return t.Span.Start >= 0 && t.Span.End <= len(f.text) && t.Span.Start < t.Span.End
	}
	f.toks = s.Tokens
	for i := range s.Tokens {
		if !valid(s.Tokens[i]) {
			// Copy the valid ones only (never the case for segment.Split).
			f.toks = append(f.own[:0], s.Tokens[:i]...)
			for _, t := range s.Tokens[i:] {
				if valid(t) {
					f.toks = append(f.toks, t)
				}
			}
			f.own = f.toks
			break
		}
	}
	n := len(f.toks)
	f.low = resize(f.low, n)
	if cap(f.cls) < n {
		f.cls = make([]uint32, n)
	}
	f.cls = f.cls[:n]
	found := false
	for i := range f.toks {
		// Capitalised words inside a sentence are names, never triggers
		// or function words: keep them as written and save lower-casing
		// them.
		t := &f.toks[i]
		f.low[i], f.cls[i] = t.Text, 0
		if i == 0 || f.toks[i-1].Class == token.Punct || isLower(t.Text) {
			w := strings.ToLower(t.Text)
			f.low[i] = w
			if maybeListed(w) {
				f.cls[i] = classes[w]
				found = found || f.cls[i]&cTrigger != 0
			}
		}
	}
	if !found {
		return false
	}
	f.ment = resizeInt(f.ment, n)
	f.date = resizeInt(f.date, n)
	if cap(f.title) < n {
		f.title = make([]int8, n)
	}
	f.title = f.title[:n]
	clear(f.title)
	f.stop = f.stop[:0]
	for i := range f.toks {
		f.ment[i], f.date[i] = -1, -1
	}
	mark := func(idx []int, span func(int) graph.Span, into []int, first, last []int) {
		lo := sort.Search(len(idx), func(i int) bool { return span(idx[i]).Start >= s.Span.Start })
		for _, m := range idx[lo:] {
			sp := span(m)
			if sp.Start >= s.Span.End {
				break
			}
			i := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].Span.End > sp.Start })
			for ; i < len(f.toks) && f.toks[i].Span.Start < sp.End; i++ {
				if into[i] >= 0 {
					continue
				}
				into[i] = m
				if first != nil {
					if f.seen[m] != f.cur {
						f.seen[m], first[m] = f.cur, i
						f.elig[m], f.placey[m] = 0, 0
					}
					last[m] = i
				}
			}
		}
	}
	mark(f.mOrder, func(i int) graph.Span { return f.mentions[i].Span }, f.ment, f.first, f.last)
	mark(f.dOrder, func(i int) graph.Span { return graph.Span(f.dates[i].Span) }, f.date, nil, nil)
	for i, t := range f.toks {
		if f.ment[i] >= 0 { // names are never words of the lists
			f.low[i], f.cls[i] = t.Text, 0
		}
	}
	for i := range f.toks {
		f.stop = append(f.stop, f.isStop(i))
	}
	return true
}

// isTitle reports whether token i is a title ("President"), asking
// package names once per token.
func (f *finder) isTitle(i int) bool {
	if f.title[i] == 0 {
		f.title[i] = 2
		w := f.toks[i].Text
		if f.toks[i].Class != token.Word {
			return false
		}
		is, ok := f.titles[w]
		if !ok {
			is = names.IsTitle(w)
			if f.titles == nil {
				f.titles = map[string]bool{}
			}
			f.titles[w] = is
		}
		if is {
			f.title[i] = 1
		}
	}
	return f.title[i] == 1
}

// word returns token i in lower case, also when load kept it as written.
func (f *finder) word(i int) string {
	if w := f.low[i]; isLower(w) || w == "" {
		return w
	}
	return strings.ToLower(f.low[i])
}

func resize(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}

func resizeInt(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// isStop reports whether token i separates clauses: punctuation (dashes
// and quotes included) other than a possessive "'s" or "&", a clause
// word, or "and"/"or" before a verb.
func (f *finder) isStop(i int) bool {
	t := f.toks[i]
	if f.ment[i] >= 0 || f.date[i] >= 0 {
		return false
	}
	w := f.low[i]
	if t.Class == token.Punct {
		switch w {
		case "'s", "’s", "&":
			return false
		}
		return true
	}
	if f.cls[i]&cClause != 0 {
		// "as well as" and "such as" are not clause openers.
		if w == "as" && i > 0 && (f.low[i-1] == "such" || f.low[i-1] == "well") {
			return false
		}
		return true
	}
	if (w == "and" || w == "or") && i+1 < len(f.toks) {
		next := f.low[i+1]
		nc := f.cls[i+1]
		if f.ment[i+1] >= 0 || nc&cDeterminer != 0 || !isLower(f.toks[i+1].Text) {
			return false
		}
		if nc&(cBe|cFuture|cHypothetical|cTrigger) != 0 || strings.HasSuffix(next, "ed") ||
			strings.HasSuffix(next, "s") || next == "then" || next == "also" {
			return true
		}
	}
	return false
}

func isLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// clause returns the bounds [lo, hi) of the clause around tokens [a, b).
func (f *finder) clause(a, b int) (int, int) {
	lo, hi := a, b
	for lo > 0 && !f.stop[lo-1] {
		lo--
	}
	for hi < len(f.toks) && !f.stop[hi] {
		hi++
	}
	return lo, hi
}
