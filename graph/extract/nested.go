package extract

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/names"
)

// nestedNames returns the places, people and organisations named inside a
// longer name: "Michigan" in "University of Michigan", "Boston" in
// "Boston Red Sox", "Andy Warhol" in "Andy Warhol Foundation", "UNESCO"
// in "UNESCO World Heritage List". The longer name stays its own entity's;
// the inner one is a mention of its own entity as well. Inner names are a
// person or an organisation the article names on their own, or a gazetteer
// place (a country or region, a place of several words, or a town of more
// than 100,000 people: "Apple" in "Apple TV" is no place); they start and
// end on a capitalised word and are not the whole name. A place's own name
// holds no place ("Korea" in "North Korea" is not a mention of Korea), a
// person's nothing, and a news outlet's name nothing ("The New York
// Times", "Kyiv Post", "Voice of America Radio": see outletHeads), nor a
// diplomatic format's ("the Normandy format": see formatHeads).
//
// kinds, when not nil, are the kinds the article settled for the names of
// ms (builder.settled: "Google" read as a place in "Google headquarters"
// is the organisation the article makes it), and roots their local
// entities: a name inside a longer name the article joined it to
// ("Harvard" in "Harvard University") is the same entity, no mention of
// its own.
func nestedNames(gaz *gazetteer.Table, text string, sents []segment.Sentence, ms []ner.Mention, kinds []graph.Kind, roots []int) []ner.Mention {
	// The names the article writes on their own, with the kind of most
	// of their mentions, as unifyKinds gives them ("Trump" a person four
	// times, an organisation once); a name tagged with two kinds as often
	// is left alone.
	counts := map[string][graph.Misc + 1]int{}
	rootOf := map[string]int{}
	for i, m := range ms {
		k := m.Kind
		if kinds != nil {
			k = kinds[i]
		}
		if k <= graph.Misc {
			c := counts[m.Text]
			c[k]++
			counts[m.Text] = c
		}
		if roots != nil && roots[i] >= 0 {
			rootOf[m.Text] = roots[i]
		}
	}
	alone := make(map[string]graph.Kind, len(counts))
	for name, byKind := range counts {
		best, n := graph.KindUnknown, 0
		for k, c := range byKind {
			switch {
			case c > n:
				best, n = graph.Kind(k), c
			case c == n && c > 0:
				best = graph.KindUnknown
			}
		}
		alone[name] = best
	}
	var found []ner.Mention
	for mi, m := range ms {
		if sp := strings.LastIndexByte(m.Text, ' '); sp > 0 && headWords[m.Text[sp+1:]] {
			if k, ok := headKind(m.Text, m.Kind); ok {
				m.Kind = k // "Pittock Mansion" read as a person is a place, with Pittock in it
			}
		}
		if m.Kind == graph.Person || m.Sentence < 0 || m.Sentence >= len(sents) || roadName(m.Text) {
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, last := tokenRange(toks, m.Span)
		if first < 0 || first == last && !joinedNames(toks[first].Text) {
			continue
		}
		if outletName(toks[last].Text) || formatHeads[strings.ToLower(toks[last].Text)] {
			continue
		}
		toks = hyphenPieces(toks[first : last+1])
		first, last = 0, len(toks)-1
		if last == first {
			continue
		}
		for i := first; i <= last; i++ {
			if !startsUpper(toks[i].Text) {
				continue
			}
			for j := last; j >= i; j-- {
				if i == first && j == last {
					continue
				}
				if !capitalisedWord(toks[j]) {
					continue
				}
				sp := graph.Span{Start: toks[i].Span.Start, End: toks[j].Span.End}
				s := text[sp.Start:sp.End]
				kind := alone[s]
				if r, ok := rootOf[s]; ok && roots[mi] == r {
					continue
				}
				switch {
				case m.Kind == graph.Place && kind == graph.Place && i == first && !sameTown(toks[j+1:last+1]) && !compassPoints[strings.ToLower(s)]:
					// A place named after another the article names on its
					// own: "Hong Kong" in "Hong Kong Island", "Auckland" in
					// "Auckland Castle"; "the South" is named by "South
					// Korea", not the other way.
				case m.Kind == graph.Place && kind == graph.Place && j == last && i == first+2 && toks[i-1].Text == "of" && featureHeads[toks[first].Text]:
					// "Mexico" in "the Gulf of Mexico", named after the
					// country the article names on its own.
				case m.Kind == graph.Place && (kind == graph.Place || kind == graph.KindUnknown):
					// "Korea" in "North Korea" is not Korea; a place's name
					// holds only the people and organisations named in it
					// ("Pittock Mansion", "Tsinghua University station"),
					// and the place it starts with.
					kind = graph.KindUnknown
				case kind == graph.Org && m.Kind == graph.Org && (names.OrgCore(names.Key(m.Text)) == names.Key(s) ||
					j == last && !listed(toks[first:i]) || i == first && strings.EqualFold(toks[j+1].Text, "of")):
					// "Apple" in "Apple Inc.", "AirTran" in "AirTran
					// Airways", "Security Council" in "UN Security
					// Council", "Union State" in "Union State of Russia
					// and Belarus": the organisation itself.
					kind = graph.KindUnknown
				case kind == graph.Person || kind == graph.Org:
				default:
					kind = graph.KindUnknown
					if e, ok := nestedPlace(gaz, s); ok && (e.Kind != gazetteer.City || j > i || e.Population > 100000) && !vagueRegions[strings.ToLower(s)] {
						kind = graph.Place
						if i > first && compassWords[strings.ToLower(toks[i-1].Text)] {
							// "Southern Indiana" in "University of Southern
							// Indiana" is the region, a place of its own,
							// not the state.
							sp.Start = toks[i-1].Span.Start
							s = text[sp.Start:sp.End]
						}
					}
				}
				if kind == graph.KindUnknown {
					continue
				}
				found = append(found, ner.Mention{Kind: kind, Span: sp, Sentence: m.Sentence, Text: s})
				if kind == graph.Org {
					// The person an organisation found inside a longer
					// name is named after: "Andy Warhol" in "Andy Warhol
					// Foundation" in "Andy Warhol Foundation for the
					// Visual Arts".
					for k := j - 1; k >= i; k-- {
						in := text[toks[i].Span.Start:toks[k].Span.End]
						if alone[in] == graph.Person {
							found = append(found, ner.Mention{Kind: graph.Person, Span: graph.Span{Start: toks[i].Span.Start, End: toks[k].Span.End}, Sentence: m.Sentence, Text: in})
							break
						}
					}
				}
				i = j
				break
			}
		}
	}
	return found
}

// hyphenPieces returns a name's words with the words joined by a hyphen
// before a capital taken apart, which the tokenizer keeps whole: the names
// in "Biden-Harris Administration", "OSU-Tulsa", "San Jose-Cisco". The
// words are ts itself when none is.
func hyphenPieces(ts []token.Token) []token.Token {
	split := false
	for _, t := range ts {
		split = split || joinedNames(t.Text)
	}
	if !split {
		return ts
	}
	var out []token.Token
	for _, t := range ts {
		if !joinedNames(t.Text) {
			out = append(out, t)
			continue
		}
		start := 0
		for i := 1; i < len(t.Text); i++ {
			if t.Text[i-1] == '-' && t.Text[i] >= 'A' && t.Text[i] <= 'Z' {
				out = append(out, token.Token{Span: graph.Span{Start: t.Span.Start + start, End: t.Span.Start + i - 1}, Text: t.Text[start : i-1]})
				start = i
			}
		}
		out = append(out, token.Token{Span: graph.Span{Start: t.Span.Start + start, End: t.Span.End}, Text: t.Text[start:]})
	}
	return out
}

// joinedNames reports whether a word is capitalised names joined by a
// hyphen ("Biden-Harris", "Jose-Cisco").
func joinedNames(w string) bool {
	if !startsUpper(w) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i-1] == '-' && w[i] >= 'A' && w[i] <= 'Z' && i >= 3 {
			return true
		}
	}
	return false
}

// compassWords, capitalised before a place's name inside a longer name,
// make it a region of that place with a name of its own ("Southern
// Indiana", "Northern California", "East Texas").
var compassWords = map[string]bool{"southern": true, "northern": true, "eastern": true, "western": true,
	"central": true, "south": true, "north": true, "east": true, "west": true}

// listed reports whether the words before a name inside a longer one end
// a list or a phrase ("Wikimedia Foundation and Creative Commons", "Wu
// Chi-wai of the Democratic Party"): the name is then one of several, not
// the end of one.
func listed(before []token.Token) bool {
	if len(before) == 0 {
		return false
	}
	switch before[len(before)-1].Text {
	case "and", "&", ",", "/", "of", "the", "The":
		return true
	}
	return false
}

// sameTown reports whether the words after a place's name in a longer
// one leave it the same place or its namesake city: "Washington, D.C.",
// "Mexico City", "New York State".
func sameTown(rest []token.Token) bool {
	if len(rest) == 0 {
		return true
	}
	switch strings.ToLower(rest[0].Text) {
	case ",", "city", "state", "county", "province", "district", "region", "town", "village":
		return true
	}
	return false
}

// nestedPlace looks up a place named inside an organisation's name: by a
// place's own name, by another spelling of it ("Kiev City Council"), or by
// any alternate name of a city of a million people or more. Smaller
// towns' other alternate names are too often words of other names:
// "Google Science Fair" holds no Topeka, and the "Duma" of "State Duma"
// (a parliament) no Douma.
func nestedPlace(gaz *gazetteer.Table, s string) (gazetteer.Entry, bool) {
	if gazetteer.Institution(s) {
		return gazetteer.Entry{}, false
	}
	if e, ok := gaz.Named(s); ok {
		return e, true
	}
	if e, ok := gaz.Entry(s); ok && (e.Population >= 1000000 || names.Distance(names.Key(s), names.Key(e.Name), 2) <= 2) {
		return e, true
	}
	return gazetteer.Entry{}, false
}

// formatHeads end the names of diplomatic formats and groups named
// after where they first met ("the Normandy format", "the Normandy Four"),
// which hold no mention of the place.
var formatHeads = map[string]bool{"format": true, "four": true}

// outletHeads are the last words of the names of newspapers, broadcasters
// and agencies. A place inside such a name is the outlet's home, not a
// place the article is about: "The New York Times reported" puts no New
// York into the sentence, and relates no one in it to New York.
var outletHeads = map[string]bool{
	"times": true, "post": true, "tribune": true, "globe": true, "herald": true, "journal": true,
	"independent": true, "news": true, "daily": true, "gazette": true, "chronicle": true, "telegraph": true,
	"observer": true, "standard": true, "mail": true, "express": true, "sun": true, "star": true,
	"record": true, "mirror": true, "insider": true, "today": true, "radio": true, "tv": true,
	"television": true, "broadcasting": true, "network": true, "press": true, "agency": true,
	"pravda": true, "izvestia": true, "review": true, "magazine": true, "bulletin": true, "examiner": true,
	"inquirer": true, "dispatch": true, "courier": true, "monitor": true, "wire": true,
}

// outletName reports whether a name's last word is that of a news outlet.
func outletName(last string) bool { return outletHeads[strings.ToLower(last)] }

// addNested adds the names found inside longer names to the article's
// entities, after the steps that read the names in text order (roles,
// acronyms in brackets, quotes) have run on the longer names alone.
func (b *builder) addNested(ms []ner.Mention, sents []segment.Sentence) {
	for _, m := range ms {
		i := len(b.nerLocal)
		b.nerLocal = append(b.nerLocal, -1)
		b.add(i, m, sents[m.Sentence].Span)
	}
}
