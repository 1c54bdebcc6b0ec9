package extract

import (
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/names"
)

// maxTownWords is the longest town name qualifiedTowns looks for before a
// state or country the tagger found without it ("Saratoga Springs, New
// York").
const maxTownWords = 3

// townLinks holds the gazetteer places an article's towns and state
// abbreviations stand for, where it wrote them with their state or after
// a town.
type townLinks struct {
	names map[string]*graph.GeoRef // by name key: "cambridge" → Cambridge, Massachusetts
	short map[string]*graph.GeoRef // by the abbreviation as written: "OK" → Oklahoma
	// at holds where the abbreviations follow a town: there they are the
	// state whatever the tagger made of them; elsewhere only where it
	// read them as a place ("OK" is a word too).
	at map[int]bool
}

// qualifiedTowns reads the news dateline style "Cambridge, Massachusetts",
// "A Coruña, Spain", "Durham, N.C.": a town written with its state or
// country after a comma. The gazetteer keeps one place a name, the
// biggest, so the state or country picks the town: the most populous of
// that name in the country (Cambridge in the United States, not England),
// and every mention of the bare name in the article is that town. A town
// the tagger missed before a state or country it found is a place when the
// gazetteer has a place of that name in that country. A state's postal
// code or abbreviation after a town ("Vinita, OK") is the state, as is
// any mention the tagger reads as a place written so in the article.
// Returns the mentions
// with the towns added, in text order, and the links by name.
func qualifiedTowns(gaz *gazetteer.Table, sents []segment.Sentence, ms []ner.Mention) ([]ner.Mention, townLinks) {
	// The indexes are built at the first comma between capitalised
	// words: most articles need none.
	var byStart, byEnd map[int]int
	var links townLinks
	var conflict map[string]bool
	link := func(name string, e gazetteer.Entry) {
		k := names.Key(name)
		if links.names == nil {
			links.names, conflict = map[string]*graph.GeoRef{}, map[string]bool{}
		}
		if have, ok := links.names[k]; ok && have.Key() != e.Geo.Key() {
			conflict[k] = true
		}
		links.names[k] = geoOf(e)
	}
	var added []ner.Mention
	for si, s := range sents {
		toks := s.Tokens
		for c := 1; c+1 < len(toks); c++ {
			if toks[c].Text != "," || toks[c-1].Span.End != toks[c].Span.Start || toks[c+1].Span.Start != toks[c].Span.End+1 ||
				!startsUpper(toks[c-1].Text) || !startsUpper(toks[c+1].Text) {
				continue
			}
			if byStart == nil {
				byStart, byEnd = make(map[int]int, len(ms)), make(map[int]int, len(ms))
				for i, m := range ms {
					byStart[m.Span.Start] = i
					byEnd[m.Span.End] = i
				}
			}
			countries, qEnd := qualifier(gaz, toks, c+1, ms, byStart)
			if len(countries) == 0 {
				continue
			}
			if qEnd+1 < len(toks) && capitalisedWord(toks[qEnd+1]) {
				continue // "Paris, France Telecom": the qualifier runs on into a name
			}
			if state, ok := gazetteer.USState(toks[c+1].Text); ok {
				// "Vinita, OK": the abbreviation is the state, here and
				// wherever the article writes it so.
				e, ok := gaz.Entry(state)
				if !ok || e.Kind != gazetteer.Region || e.Geo.Country != "US" {
					continue
				}
				if links.short == nil {
					links.short, links.at = map[string]*graph.GeoRef{}, map[int]bool{}
				}
				links.short[toks[c+1].Text] = geoOf(e)
				links.at[toks[c+1].Span.Start] = true
				if _, tagged := byStart[toks[c+1].Span.Start]; !tagged && !coveredBy(toks[c+1:c+2], ms, byStart, byEnd) {
					added = append(added, ner.Mention{Kind: graph.Place, Span: toks[c+1].Span, Sentence: si, Text: toks[c+1].Text})
				}
			}
			if i, ok := byEnd[toks[c-1].Span.End]; ok {
				m := ms[i]
				if m.Kind != graph.Place && m.Kind != graph.Misc {
					continue
				}
				best, ok := gaz.Entry(m.Text)
				if !ok {
					continue
				}
				for _, cc := range countries {
					if e, ok := gaz.In(m.Text, cc); ok {
						if e.Geo.Key() != best.Geo.Key() {
							link(m.Text, e)
						}
						break
					}
				}
				continue
			}
			// No name ends at the comma: the longest run of capitalised
			// words before it that the gazetteer places in the country.
			for n := min(maxTownWords, c); n >= 1; n-- {
				run := toks[c-n : c]
				if !allCapitalised(run) || (c-n > 0 && capitalisedWord(toks[c-n-1])) || coveredBy(run, ms, byStart, byEnd) {
					continue
				}
				name := joinTokens(run)
				for _, cc := range countries {
					if e, ok := gaz.In(name, cc); ok && e.Kind != gazetteer.Country {
						added = append(added, ner.Mention{Kind: graph.Place, Span: graph.Span{Start: run[0].Span.Start, End: run[n-1].Span.End}, Sentence: si, Text: name})
						if best, ok := gaz.Entry(name); !ok || best.Geo.Key() != e.Geo.Key() {
							link(name, e)
						}
						n = 0
						break
					}
				}
			}
		}
	}
	for k := range conflict {
		delete(links.names, k) // "Cambridge, England" and "Cambridge, Massachusetts" in one article
	}
	return withAdded(ms, added), links
}

// adminWords are the words of "the State of Pennsylvania", "the City of
// Cleveland", "the Municipality of Bogliasco": the place's own name in
// the style of its administration. Not "County" nor "Province", which in
// many countries are other places than the town ("the Province of
// Livorno"), nor "Commonwealth" (of Independent States, of Nations).
var adminWords = map[string]bool{"State": true, "City": true, "Municipality": true, "Town": true, "Village": true}

// townWords are the administrative words that name nothing but a place:
// "the Municipality of Bogliasco" is a place whatever the tagger made of
// "Bogliasco".
var townWords = map[string]bool{"Municipality": true, "Town": true, "Village": true}

// adminExceptions are the places whose administrative name is another
// place: the City of London is the financial district, not London.
var adminExceptions = map[string]bool{"city of london": true}

// cutAdminPrefix returns the place's name of "State of Pennsylvania"
// ("Pennsylvania").
func cutAdminPrefix(name string) (string, bool) {
	head, rest, ok := strings.Cut(name, " of ")
	if !ok || !adminWords[head] || rest == "" || !startsUpper(rest) || adminExceptions[names.Key(name)] {
		return "", false
	}
	return rest, true
}

// adminPhrases adds the administrative phrase a place's name ends
// ("Municipality of Bogliasco" around "Bogliasco") as a mention of the
// same place: the phrase and the name in it both name it. The name is a
// place when the tagger or the gazetteer says so, whatever the other
// says ("Pennsylvania" read as an organisation).
func adminPhrases(gaz *gazetteer.Table, text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	var added []ner.Mention
	for _, m := range ms {
		if m.Kind == graph.Person || m.Sentence < 0 || m.Sentence >= len(sents) {
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, _ := tokenRange(toks, m.Span)
		if first < 2 || toks[first-1].Text != "of" || !adminWords[toks[first-2].Text] {
			continue
		}
		if _, known := gaz.Entry(m.Text); !known && m.Kind != graph.Place && !townWords[toks[first-2].Text] {
			continue // "State of Emergency", "City of God"
		}
		if first >= 3 && capitalisedWord(toks[first-3]) && !strings.EqualFold(toks[first-3].Text, "the") {
			continue // "Supreme Court of the State of Hawaii", "New York City of …": a longer name
		}
		sp := graph.Span{Start: toks[first-2].Span.Start, End: m.Span.End}
		if adminExceptions[names.Key(text[sp.Start:sp.End])] {
			continue
		}
		added = append(added, ner.Mention{Kind: graph.Place, Span: sp, Sentence: m.Sentence, Text: text[sp.Start:sp.End]})
	}
	return withAdded(ms, added)
}

// institutionPhrases adds the institution a tagged name ends where the
// tagger found only the name: "the Society of the Cincinnati" read as
// "Cincinnati", "University of Michigan" as "Michigan". The phrase is an
// organisation of its own; the name stays a mention of what it names.
func institutionPhrases(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	var added []ner.Mention
	for i, m := range ms {
		if m.Kind == graph.Person || m.Sentence < 0 || m.Sentence >= len(sents) {
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, _ := tokenRange(toks, m.Span)
		of := first - 1
		if of >= 0 && toks[of].Text == "the" {
			of--
		}
		if of < 1 || toks[of].Text != "of" || !institutionWords[names.Key(toks[of-1].Text)] || !startsUpper(toks[of-1].Text) {
			continue
		}
		head := of - 1
		if head >= 1 && capitalisedWord(toks[head-1]) && !strings.EqualFold(toks[head-1].Text, "the") {
			continue // "Greek Orthodox Church of …": a longer name the tagger missed, not this one
		}
		sp := graph.Span{Start: toks[head].Span.Start, End: m.Span.End}
		if i > 0 && ms[i-1].Span.End > sp.Start {
			continue // the tagger found something there already
		}
		added = append(added, ner.Mention{Kind: graph.Org, Span: sp, Sentence: m.Sentence, Text: text[sp.Start:sp.End]})
	}
	return withAdded(ms, added)
}

// qualifier reads a state or country at token i: a name the tagger found
// there that is a country or a first-level region, or a US state written
// in full or abbreviated ("N.C.", "Calif.", "OK"). It returns the
// countries the qualifier may be in, most likely first ("Georgia" is the
// country or the US state), and the index of its last token.
func qualifier(gaz *gazetteer.Table, toks []token.Token, i int, ms []ner.Mention, byStart map[int]int) ([]string, int) {
	t := toks[i]
	if _, ok := gazetteer.USState(t.Text); ok {
		return []string{"US"}, i
	}
	mi, ok := byStart[t.Span.Start]
	if !ok || ms[mi].Kind != graph.Place {
		return nil, 0
	}
	m := ms[mi]
	last := i
	for last+1 < len(toks) && toks[last+1].Span.End <= m.Span.End {
		last++
	}
	var out []string
	if e, ok := gaz.Entry(m.Text); ok && e.Geo.Country != "" && (e.Kind == gazetteer.Country || e.Kind == gazetteer.Region) {
		out = append(out, e.Geo.Country)
	}
	if gazetteer.IsUSState(m.Text) && (len(out) == 0 || out[0] != "US") {
		out = append(out, "US")
	}
	return out, last
}

// coveredBy reports whether any of the tokens lies in a tagged name.
func coveredBy(run []token.Token, ms []ner.Mention, byStart, byEnd map[int]int) bool {
	for _, t := range run {
		if _, ok := byStart[t.Span.Start]; ok {
			return true
		}
		if _, ok := byEnd[t.Span.End]; ok {
			return true
		}
	}
	start, end := run[0].Span.Start, run[len(run)-1].Span.End
	for _, m := range ms {
		if m.Span.Start < end && start < m.Span.End {
			return true
		}
	}
	return false
}

// withAdded returns the tagger's names with the added ones, in text order
// (ms itself when nothing was added).
func withAdded(ms, added []ner.Mention) []ner.Mention {
	if len(added) == 0 {
		return ms
	}
	out := append(append(make([]ner.Mention, 0, len(ms)+len(added)), ms...), added...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}
