package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/names"
)

// maxRepeatWords is the longest name repeatNames looks for again.
const maxRepeatWords = 6

// repeatNames finds the article's other mentions of a person or an
// organisation the tagger named somewhere in it: the tagger reads each
// sentence on its own and misses a name it found elsewhere, most often a
// surname standing alone ("Jobs said" after "Steve Jobs"), which then
// counts as no one. A repeat is the same words, capitalised as tagged,
// standing on their own (no capitalised word right before or after them),
// or a person's surname when one person of the article has it. A word
// the text also writes in lower case ("jobs", "apple") counts only inside
// a sentence in ordinary case, never first in it: there it may be the
// word. Names of several kinds, titles and one-letter words are left
// alone. The result is in text order.
func repeatNames(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	kinds := map[string]graph.Kind{} // the words of a name, space-joined → its kind
	mixed := map[string]bool{}       // names tagged with two kinds
	owners := map[string]map[string]bool{}
	var firstOwners map[string]map[string]bool // an organisation's first word → its two-word names
	var covered []graph.Span
	add := func(ws []string, k graph.Kind) {
		key := strings.Join(ws, " ")
		if have, ok := kinds[key]; ok && have != k {
			mixed[key] = true
		}
		kinds[key] = k
	}
	for _, m := range ms {
		covered = append(covered, m.Span)
		if m.Sentence < 0 || m.Sentence >= len(sents) {
			continue
		}
		first, last := tokenRange(sents[m.Sentence].Tokens, m.Span)
		if first < 0 {
			continue
		}
		var ws []string
		for _, t := range sents[m.Sentence].Tokens[first : last+1] {
			ws = append(ws, t.Text)
		}
		switch m.Kind {
		case graph.Person:
			for len(ws) > 1 && (names.IsTitle(ws[0]) || names.IsHonorific(strings.TrimSuffix(ws[0], "."))) {
				ws = ws[1:]
			}
			if !personName(strings.Join(ws, " ")) {
				continue
			}
			add(ws, graph.Person)
			if len(ws) > 1 {
				s := ws[len(ws)-1]
				switch n := len(ws); {
				case n > 2 && ws[n-2] == "the":
					s = ws[0] // "Peter the Great" alone is "Peter", never "Great"
				case generational[names.Key(s)] && n > 2:
					s = ws[n-2]
				}
				if owners[s] == nil {
					owners[s] = map[string]bool{}
				}
				owners[s][strings.Join(ws, " ")] = true
			}
		case graph.Org, graph.Place, graph.Misc:
			add(ws, m.Kind)
			if m.Kind == graph.Org && len(ws) == 2 && startsUpper(ws[1]) && !bodyHead(ws[0]) && !bodyHead(ws[1]) && strings.ToUpper(ws[0]) != ws[0] {
				// "Apple" alone after "Apple Computer", as a surname
				// after its person's full name
				if firstOwners == nil {
					firstOwners = map[string]map[string]bool{}
				}
				if firstOwners[ws[0]] == nil {
					firstOwners[ws[0]] = map[string]bool{}
				}
				firstOwners[ws[0]][strings.Join(ws, " ")] = true
			}
		}
	}
	for f, full := range firstOwners {
		if _, ok := kinds[f]; !ok && len(full) == 1 {
			add([]string{f}, graph.Org)
		}
	}
	for s, full := range owners {
		if len(full) == 1 {
			add([]string{s}, graph.Person)
		} else {
			mixed[s] = true
		}
	}
	// lower tells, for each name in lower case, whether the text also
	// writes it so. Only the names' forms are looked for: a set of every
	// lower-case word of the text cost more than the rest of the search.
	lower := make(map[string]bool, len(kinds))
	// starts holds the first word of every name, so that the search
	// below joins the words after a capitalised one only when a name
	// begins with it.
	starts := make(map[string]bool, len(kinds))
	for k := range kinds {
		lower[strings.ToLower(k)] = false
		first, _, _ := strings.Cut(k, " ")
		starts[first] = true
	}
	for _, s := range sents {
		for _, t := range s.Tokens {
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
				if _, ok := lower[t.Text]; ok {
					lower[t.Text] = true
				}
			}
		}
	}
	sort.Slice(covered, func(i, j int) bool { return covered[i].Start < covered[j].Start })
	inside := func(sp graph.Span) bool {
		k := sort.Search(len(covered), func(k int) bool { return covered[k].End > sp.Start })
		return k < len(covered) && covered[k].Start < sp.End
	}
	var found []ner.Mention
	var joined strings.Builder
	for si, s := range sents {
		toks := s.Tokens
		titleCase := titleCased(toks)
		for i := 0; i < len(toks); i++ {
			if !starts[toks[i].Text] || !startsUpper(toks[i].Text) || (i > 0 && capitalisedWord(toks[i-1])) {
				continue
			}
			// The candidates are the words from i on, longest first: each
			// a prefix of the longest, joined once.
			longest := min(maxRepeatWords, len(toks)-i)
			var ends [maxRepeatWords + 1]int
			joined.Reset()
			for k := range longest {
				if k > 0 {
					joined.WriteByte(' ')
				}
				joined.WriteString(toks[i+k].Text)
				ends[k+1] = joined.Len()
			}
			all := joined.String()
			for n := longest; n >= 1; n-- {
				key := all[:ends[n]]
				kind, ok := kinds[key]
				if !ok || mixed[key] || (kind != graph.Person && kind != graph.Org) {
					continue
				}
				if i+n < len(toks) && capitalisedWord(toks[i+n]) {
					break
				}
				if n == 1 && !repeatableWord(key) {
					break
				}
				if n == 1 && lower[strings.ToLower(key)] && (i == 0 || titleCase) {
					break
				}
				sp := graph.Span{Start: toks[i].Span.Start, End: toks[i+n-1].Span.End}
				if inside(sp) {
					break
				}
				found = append(found, ner.Mention{Kind: kind, Span: sp, Sentence: si, Text: text[sp.Start:sp.End]})
				i += n - 1
				break
			}
		}
	}
	if len(found) == 0 {
		return ms
	}
	out := append(append(make([]ner.Mention, 0, len(ms)+len(found)), ms...), found...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// repeatableWord reports whether one word may be looked for again: a word
// of two letters or more that is no title, form of address or greeting.
func repeatableWord(w string) bool {
	k := names.Key(w)
	return utf8.RuneCountInString(k) >= 2 && !names.IsTitle(w) && !names.IsHonorific(strings.TrimSuffix(w, ".")) &&
		!notNames[k] && !notAnyNames[k] && !genericOrgs[k]
}

// capitalisedWord reports whether a token is a word starting with a
// capital letter.
func capitalisedWord(t token.Token) bool { return t.Class != token.Punct && startsUpper(t.Text) }

// titleCased reports whether most of a sentence's words are capitalised,
// as in a headline, where capitals say nothing of names.
func titleCased(toks []token.Token) bool {
	upper, words := 0, 0
	for _, t := range toks {
		if t.Class == token.Punct {
			continue
		}
		// The first rune only: titleCased runs on every sentence.
		r, _ := utf8.DecodeRuneInString(t.Text)
		if t.Text == "" || !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return words >= 3 && upper*2 > words
}

// generational are the words after a surname that are not the surname
// ("Joseph R. Biden Jr.").
var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// titleDeterminers come before a title that stands for its holder: "the
// Secretary", "Mr. President", "Madam Speaker".
var titleDeterminers = map[string]bool{"the": true, "this": true, "our": true, "your": true, "mr": true,
	"mr.": true, "madam": true, "madame": true}

// titleQualifiers may stand between a determiner and a title standing
// for its holder.
var titleQualifiers = map[string]bool{"new": true, "current": true, "distinguished": true}

// ofObject returns the end of the tagger's name that starts at toks[k],
// after an optional "the", when no capitalised word follows it; or 0.
// covered holds the tagger's names' spans, in text order.
func ofObject(toks []token.Token, k int, covered []graph.Span) int {
	if k < len(toks) && strings.EqualFold(toks[k].Text, "the") {
		k++
	}
	if k >= len(toks) {
		return 0
	}
	at := sort.Search(len(covered), func(c int) bool { return covered[c].Start >= toks[k].Span.Start })
	if at == len(covered) || covered[at].Start != toks[k].Span.Start {
		return 0
	}
	end := covered[at].End
	next := sort.Search(len(toks), func(t int) bool { return toks[t].Span.Start >= end })
	if next < len(toks) && capitalisedWord(toks[next]) {
		return 0
	}
	return end
}

// standingTitles returns the titles written for their holder ("the
// Secretary said", "Mr. President"): a capitalised title, after "the",
// "this", "Mr." or "Madam", that no capitalised word follows (which
// would make it part of a name, "the President Joe Biden", or of an
// office, "the President of Ukraine" is left to the tagger). They are
// given as names of unknown kind, for resolveFragments to attach to the
// article's one holder of the title or to drop.
func standingTitles(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	var covered []graph.Span
	for _, m := range ms {
		covered = append(covered, m.Span)
	}
	sort.Slice(covered, func(i, j int) bool { return covered[i].Start < covered[j].Start })
	inside := func(sp graph.Span) bool {
		k := sort.Search(len(covered), func(k int) bool { return covered[k].End > sp.Start })
		return k < len(covered) && covered[k].Start < sp.End
	}
	personEnds := map[int]bool{}
	for _, m := range ms {
		if m.Kind == graph.Person {
			personEnds[m.Span.End] = true
		}
	}
	var out []ner.Mention
	for si, s := range sents {
		toks := s.Tokens
		if titleCased(toks) && len(toks) > 6 {
			continue // a headline; a short address ("Thank you, Mr. President.") is not one
		}
		for i := 1; i < len(toks); i++ {
			if !startsUpper(toks[i].Text) {
				continue
			}
			// "Charles Fillmore, President of the Linguistic Society of
			// America": a title in apposition to a person, with its "of"
			// phrase, stands for the person as "the President of …" does.
			appositive := toks[i-1].Text == "," && i >= 2 && personEnds[toks[i-2].Span.End]
			// "our new President", "the distinguished Chair": the
			// determiner before a word that says which holder.
			qualified := i >= 2 && titleQualifiers[toks[i-1].Text] && titleDeterminers[strings.ToLower(toks[i-2].Text)]
			if !titleDeterminers[strings.ToLower(toks[i-1].Text)] && !appositive && !qualified {
				continue
			}
			j := i
			for j+1 < len(toks) && startsUpper(toks[j+1].Text) && (names.IsTitle(toks[j+1].Text) || names.Is(toks[j+1].Text, names.Modifier)) {
				j++
			}
			if !names.IsTitle(toks[j].Text) || names.IsHonorific(toks[j].Text) {
				continue
			}
			if j+1 < len(toks) && strings.EqualFold(toks[j+1].Text, "of") {
				// "the President of the United States": the title and the
				// name of its country or body, which the tagger found, with
				// no name after it ("the President of Ukraine Volodymyr
				// Zelenskyy" names the holder).
				title := graph.Span{Start: toks[i].Span.Start, End: toks[j].Span.End}
				if end := ofObject(toks, j+2, covered); end > 0 && !inside(title) {
					sp := graph.Span{Start: title.Start, End: end}
					out = append(out, ner.Mention{Kind: graph.Misc, Span: sp, Sentence: si, Text: text[sp.Start:sp.End]})
				} else if k := j + 2; end == 0 && k < len(toks) && titleFillers[strings.ToLower(toks[k].Text)] && startsUpper(toks[k].Text) &&
					(k+1 == len(toks) || !capitalisedWord(toks[k+1])) {
					// "the Secretary of State", "the Head of State": a title
					// whole with its "of" phrase, which names no country.
					sp := graph.Span{Start: title.Start, End: toks[k].Span.End}
					if !inside(sp) && isTitlePhrase(text[sp.Start:sp.End]) {
						out = append(out, ner.Mention{Kind: graph.Misc, Span: sp, Sentence: si, Text: text[sp.Start:sp.End]})
						i = k
					}
				}
				continue
			}
			if appositive && !qualified && !titleDeterminers[strings.ToLower(toks[i-1].Text)] {
				continue // a bare title after a name ("Biden, President") is left to the roles
			}
			if j+1 < len(toks) && capitalisedWord(toks[j+1]) {
				continue
			}
			// "the President's Office" names an office.
			if j+2 < len(toks) && (toks[j+1].Text == "'s" || toks[j+1].Text == "’s") && capitalisedWord(toks[j+2]) {
				continue
			}
			sp := graph.Span{Start: toks[i].Span.Start, End: toks[j].Span.End}
			if inside(sp) {
				continue
			}
			out = append(out, ner.Mention{Kind: graph.Misc, Span: sp, Sentence: si, Text: text[sp.Start:sp.End]})
			i = j
		}
	}
	return out
}
