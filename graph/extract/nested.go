package extract

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/names"
)

// nestedNames returns the places and people named inside a longer name:
// "Michigan" in "University of Michigan", "Boston" in "Boston Red Sox",
// "Andy Warhol" in "Andy Warhol Foundation". The longer name stays the
// organisation's; the inner one is a mention of its own entity as well.
// Inner names are a gazetteer place (a country or region, a place of
// several words, or a town of more than 100,000 people: "Apple" in "Apple TV" is no
// place) or a person the article names on their own; they start and end
// on a capitalised word and are not the whole name. A place's own name is
// not searched: "Korea" in "North Korea" is not a mention of Korea; nor is
// a news outlet's name ("The New York Times", "Kyiv Post", "Voice of
// America Radio": see outletHeads).
func nestedNames(gaz *gazetteer.Table, text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	people := map[string]bool{}
	for _, m := range ms {
		if m.Kind == graph.Person {
			people[m.Text] = true
		}
	}
	var found []ner.Mention
	for _, m := range ms {
		if (m.Kind != graph.Org && m.Kind != graph.Misc) || m.Sentence < 0 || m.Sentence >= len(sents) {
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, last := tokenRange(toks, m.Span)
		if first < 0 || last == first {
			continue
		}
		places := !outletName(toks[last].Text)
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
				kind := graph.KindUnknown
				if people[s] {
					kind = graph.Person
				} else if e, ok := nestedPlace(gaz, s); places && ok && (e.Kind != gazetteer.City || j > i || e.Population > 100000) &&
					!vagueRegions[strings.ToLower(s)] {
					kind = graph.Place
				}
				if kind == graph.KindUnknown {
					continue
				}
				found = append(found, ner.Mention{Kind: kind, Span: sp, Sentence: m.Sentence, Text: s})
				i = j
				break
			}
		}
	}
	return found
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
