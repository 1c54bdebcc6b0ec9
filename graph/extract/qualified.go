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

// townLinks holds, by name key, the gazetteer place a town's name stands
// for in one article, where the article wrote it with its state or
// country.
type townLinks map[string]*graph.GeoRef

// qualifiedTowns reads the news dateline style "Cambridge, Massachusetts",
// "A Coruña, Spain", "Durham, N.C.": a town written with its state or
// country after a comma. The gazetteer keeps one place a name, the
// biggest, so the state or country picks the town: the most populous of
// that name in the country (Cambridge in the United States, not England),
// and every mention of the bare name in the article is that town. A town
// the tagger missed before a state or country it found is a place when the
// gazetteer has a place of that name in that country. Returns the mentions
// with the towns added, in text order, and the links by name.
func qualifiedTowns(gaz *gazetteer.Table, sents []segment.Sentence, ms []ner.Mention) ([]ner.Mention, townLinks) {
	byStart := make(map[int]int, len(ms))
	byEnd := make(map[int]int, len(ms))
	for i, m := range ms {
		byStart[m.Span.Start] = i
		byEnd[m.Span.End] = i
	}
	var links townLinks
	conflict := map[string]bool{}
	link := func(name string, e gazetteer.Entry) {
		k := names.Key(name)
		if links == nil {
			links = townLinks{}
		}
		if have, ok := links[k]; ok && have.Key() != e.Geo.Key() {
			conflict[k] = true
		}
		links[k] = geoOf(e)
	}
	var added []ner.Mention
	for si, s := range sents {
		toks := s.Tokens
		for c := 1; c+1 < len(toks); c++ {
			if toks[c].Text != "," || toks[c-1].Span.End != toks[c].Span.Start || toks[c+1].Span.Start != toks[c].Span.End+1 {
				continue
			}
			countries, qEnd := qualifier(gaz, toks, c+1, ms, byStart)
			if len(countries) == 0 {
				continue
			}
			if qEnd+1 < len(toks) && capitalisedWord(toks[qEnd+1]) {
				continue // "Paris, France Telecom": the qualifier runs on into a name
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
		delete(links, k) // "Cambridge, England" and "Cambridge, Massachusetts" in one article
	}
	if len(added) == 0 {
		return ms, links
	}
	out := append(append(make([]ner.Mention, 0, len(ms)+len(added)), ms...), added...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out, links
}

// qualifier reads a state or country at token i: a name the tagger found
// there that is a country or a first-level region, or a US state written
// in full or abbreviated ("N.C.", "Calif.", "OK"). It returns the
// countries the qualifier may be in, most likely first ("Georgia" is the
// country or the US state), and the index of its last token.
func qualifier(gaz *gazetteer.Table, toks []token.Token, i int, ms []ner.Mention, byStart map[int]int) ([]string, int) {
	t := toks[i]
	if usStateAbbreviations[t.Text] || t.Text == strings.ToUpper(t.Text) && usStateCodes[t.Text] {
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
	if usStates[names.Key(m.Text)] && (len(out) == 0 || out[0] != "US") {
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

// usStates are the fifty states by name key: "Georgia" after a town in
// the US is the state, not the country.
var usStates = func() map[string]bool {
	out := map[string]bool{}
	for _, s := range strings.Split("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"+
		"Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"+
		"Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|"+
		"North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|"+
		"Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming", "|") {
		out[names.Key(s)] = true
	}
	return out
}()

// usStateAbbreviations are the AP style's abbreviations of states, as
// datelines write them ("Durham, N.C.").
var usStateAbbreviations = map[string]bool{"Ala.": true, "Ariz.": true, "Ark.": true, "Calif.": true, "Cal.": true,
	"Colo.": true, "Conn.": true, "Del.": true, "Fla.": true, "Ga.": true, "Ill.": true, "Ind.": true, "Kan.": true,
	"Ky.": true, "La.": true, "Md.": true, "Mass.": true, "Mich.": true, "Minn.": true, "Miss.": true, "Mo.": true,
	"Mont.": true, "Neb.": true, "Nev.": true, "N.H.": true, "N.J.": true, "N.M.": true, "N.Y.": true, "N.C.": true,
	"N.D.": true, "Okla.": true, "Ore.": true, "Pa.": true, "R.I.": true, "S.C.": true, "S.D.": true, "Tenn.": true,
	"Va.": true, "Vt.": true, "Wash.": true, "Wis.": true, "W.Va.": true, "Wyo.": true}

// usStateCodes are the postal codes of the states, which count only in
// capitals after a town's name ("Vinita, OK").
var usStateCodes = func() map[string]bool {
	out := map[string]bool{}
	for _, c := range strings.Fields("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY") {
		out[c] = true
	}
	return out
}()
