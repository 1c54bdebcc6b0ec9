package extract

import (
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
)

// roadNumbers finds the roads written by their numbers, which the tagger
// misses or reads as something else ("the US" in "US 75", an organisation
// "A19"): places, as a traveller or a traffic report means them. A number
// after "Route", "Highway", "Hwy" or "Interstate" is a road ("old Route
// 66", "Hwy 51"); a British or European number ("the M1", "A1237",
// "the A1M"), an American one ("I-44", "US-412", "US 75") only in a
// sentence that speaks of roads ("take the M1 northbound to junction
// 32"), since "the M142 HIMARS" is a weapon, "the A380" an aircraft and
// "I-9" a form. The tagger's mentions a road overlaps give way to it.
// Cost: one byte test a token, and a scan of the sentence's words only
// where one looks like a road number.
func roadNumbers(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	var roads, uncued []ner.Mention
	known := map[string]bool{} // the numbers a sentence about roads gave
	for si, s := range sents {
		toks := s.Tokens
		cue := -1 // whether the sentence speaks of roads, looked at once
		for i := 0; i < len(toks); i++ {
			t := toks[i].Text
			if t == "" || !strings.ContainsRune("MABNIURHS", rune(t[0])) {
				continue
			}
			end, needCue := 0, true
			switch {
			case roadWords[t] && i+1 < len(toks) && roadNumber(toks[i+1].Text, 3):
				end, needCue = i+1, false // "Route 66", "Hwy 51"
			case (t == "US" || t == "U.S.") && i+1 < len(toks) && roadNumber(toks[i+1].Text, 3) &&
				(i+2 == len(toks) || !numberWords[strings.ToLower(toks[i+2].Text)]):
				end = i + 1 // "US 75", not "US 20 percent"
			case hyphenRoad(t) || britishRoad(t):
				end = i
			default:
				continue
			}
			sp := graph.Span{Start: toks[i].Span.Start, End: toks[end].Span.End}
			m := ner.Mention{Kind: graph.Place, Span: sp, Sentence: si, Text: text[sp.Start:sp.End]}
			i = end
			if needCue {
				if cue < 0 {
					cue = 0
					if speaksOfRoads(toks) {
						cue = 1
					}
				}
				if cue == 0 {
					uncued = append(uncued, m)
					continue
				}
			}
			known[m.Text] = true
			roads = append(roads, m)
		}
	}
	// A number the article gave as a road in one sentence is the road in
	// the others ("you can take the M1 all the way to the A64").
	for _, m := range uncued {
		if known[m.Text] {
			roads = append(roads, m)
		}
	}
	sort.Slice(roads, func(i, j int) bool { return roads[i].Span.Start < roads[j].Span.Start })
	if len(roads) == 0 {
		return ms
	}
	out := make([]ner.Mention, 0, len(ms)+len(roads))
	for _, m := range ms {
		k := sort.Search(len(roads), func(k int) bool { return roads[k].Span.End > m.Span.Start })
		if k < len(roads) && roads[k].Span.Start < m.Span.End {
			continue // "US" in "US 75", "A19" read as an organisation
		}
		out = append(out, m)
	}
	return withAdded(out, roads)
}

// roadWords are the words a road's number follows.
var roadWords = map[string]bool{"Route": true, "Highway": true, "Hwy": true, "Hwy.": true, "Interstate": true}

// numberWords after "US 20" make it an amount, not a road.
var numberWords = map[string]bool{"percent": true, "per": true, "%": true, "million": true, "billion": true,
	"trillion": true, "dollars": true, "cents": true, "years": true, "days": true}

// roadCues are the words of a sentence that speaks of roads.
var roadCues = map[string]bool{"road": true, "roads": true, "motorway": true, "motorways": true, "junction": true,
	"highway": true, "highways": true, "freeway": true, "freeways": true, "expressway": true, "turnpike": true,
	"interstate": true, "bypass": true, "bypasses": true, "roadway": true, "route": true, "carriageway": true,
	"northbound": true, "southbound": true, "eastbound": true, "westbound": true, "exit": true, "traffic": true}

// speaksOfRoads reports whether a sentence has a word of roadCues.
func speaksOfRoads(toks []token.Token) bool {
	for _, t := range toks {
		if roadCues[strings.ToLower(t.Text)] {
			return true
		}
	}
	return false
}

// roadNumber reports whether w is a number of 1 to max digits, with no
// leading zero.
func roadNumber(w string, max int) bool {
	if len(w) == 0 || len(w) > max || w[0] == '0' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// hyphenRoad reports whether w is an American road number: "I-44",
// "US-412", "SR-51".
func hyphenRoad(w string) bool {
	p, n, ok := strings.Cut(w, "-")
	return ok && (p == "I" || p == "US" || p == "SR") && roadNumber(n, 3)
}

// roadName reports whether a name is a road's number ("I-44", "US 75",
// "the M1"), which names no place inside it.
func roadName(name string) bool {
	name = strings.TrimPrefix(name, "the ")
	if a, b, ok := strings.Cut(name, " "); ok {
		return (roadWords[a] || a == "US" || a == "U.S.") && roadNumber(b, 3)
	}
	return hyphenRoad(name) || britishRoad(name)
}

// britishRoad reports whether w is a British or European road number:
// "M1", "A64", "A1237", "B1222", "N7", the motorway stretch "A1M".
func britishRoad(w string) bool {
	if len(w) < 2 || !strings.ContainsRune("MABN", rune(w[0])) {
		return false
	}
	n := strings.TrimSuffix(w[1:], "M")
	return roadNumber(n, 4)
}
