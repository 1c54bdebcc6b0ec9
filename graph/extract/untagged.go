package extract

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/names"
)

// untaggedNames adds names a tagger may leave untagged,
// whatever its model: an online platform named as where something was
// said ("posted a video on Facebook"; a model trained on 1990s wire news
// has barely seen them), a state body's head noun before its "of"
// phrase ("the Office of the President of Ukraine", where the tagger may
// find only "Ukraine"), a body's head noun standing alone for it (see
// untaggedFragments), and a country noun written for the article's
// country ("our Nation's recovery", "the Country's development"), which
// resolveFragments gives to the country the article names most or drops,
// and the planet Earth.
// repairNames then extends a body's head over its phrase, as it does for
// a head the tagger found. Only capitalised words
// outside the tagger's names are looked at, as written (no lower-casing),
// so the pass costs a map lookup per capitalised word.
func untaggedNames(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	var added []ner.Mention
	mi := 0
	for si, s := range sents {
		toks := s.Tokens
		for i, t := range toks {
			if t.Class != token.Word || len(t.Text) < 4 || len(t.Text) > 12 || !startsUpper(t.Text) {
				continue
			}
			for mi < len(ms) && ms[mi].Span.End <= t.Span.Start {
				mi++
			}
			if mi < len(ms) && ms[mi].Span.Start < t.Span.End {
				continue // inside a tagged name
			}
			kind := graph.Org
			switch {
			case untaggedPlatforms[t.Text]:
			case untaggedHeads[t.Text] && bodyOfPhrase(toks, i):
			case untaggedFragments[t.Text] && standingFragment(toks, i):
			case untaggedCountryNouns[t.Text] && standsForCountry(toks, i):
				kind = graph.Place
			case t.Text == "Earth" && standsAlone(toks, i):
				kind = graph.Misc // the planet; no place of the gazetteer's (Earth, Texas)
			case strings.HasSuffix(t.Text, "s") && names.IsPeople(t.Text):
				// "hostility toward Muslims": a people, which GUM links
				// across documents; a name of no kind, which views leave out.
				kind = graph.Misc
			default:
				continue
			}
			added = append(added, ner.Mention{Kind: kind, Span: graph.Span(t.Span), Sentence: si, Text: text[t.Span.Start:t.Span.End]})
		}
	}
	return withAdded(ms, added)
}

// bodyOfPhrase reports whether the capitalised head noun at token i opens
// a body's name with its "of" phrase: "of", an optional "the", then a
// capitalised word that is no title of a person's alone ("the Office of
// the President", "the Ministry of Defence"), and no capitalised word
// before the head other than "The" (a longer name the tagger missed,
// "Oval Office of …", is not this one).
func bodyOfPhrase(toks []token.Token, i int) bool {
	if i+2 >= len(toks) || toks[i+1].Text != "of" {
		return false
	}
	if i > 0 && capitalisedWord(toks[i-1]) && toks[i-1].Text != "The" {
		return false
	}
	k := i + 2
	if toks[k].Text == "the" && k+1 < len(toks) {
		k++
	}
	return capitalisedWord(toks[k]) && toks[k].Class == token.Word && !names.IsHonorific(toks[k].Text)
}

// untaggedFragments are the head nouns of bodies that an article, having
// named the body in full, writes alone and capitalised for it ("the
// Court" for the Supreme Court of Hawaii, "the Church" for the Catholic
// Church). Added as names, resolveFragments joins each to the article's
// one body of that head, or drops it. Not "State" ("the Islamic State"
// is no state's) nor "Union".
var untaggedFragments = map[string]bool{"Court": true, "Church": true, "Society": true, "Army": true, "Navy": true,
	"Council": true, "Commission": true, "Committee": true, "University": true, "College": true, "Institute": true,
	"Foundation": true, "Ministry": true, "Department": true, "Agency": true, "Party": true, "Bank": true, "Company": true}

// standingFragment reports whether the head noun at token i stands alone
// after a determiner ("the Court", "this Committee", "our Party"): no
// capitalised word, no "of" and no connector before a capitalised word
// after it, which would make it part of a longer name.
func standingFragment(toks []token.Token, i int) bool {
	if i == 0 || !titleDeterminers[strings.ToLower(toks[i-1].Text)] && !strings.EqualFold(toks[i-1].Text, "its") {
		return false
	}
	if i+1 < len(toks) && (capitalisedWord(toks[i+1]) || toks[i+1].Text == "'s" || toks[i+1].Text == "’s") {
		return false
	}
	// "the Society for General Systems Research": a connector and a
	// capitalised word go on with the name.
	if i+2 < len(toks) && connectors[strings.ToLower(toks[i+1].Text)] && capitalisedWord(toks[i+2]) || i+1 < len(toks) && toks[i+1].Text == "of" {
		return false
	}
	return true
}

// standsForCountry reports whether the capitalised country noun at
// token i stands for a country: after "the", "our", "this" or "your"
// inside a sentence in ordinary case, with no capitalised word after it
// but for a possessive's ("the Nation Announcing Decision" in a title is
// no mention of the country, nor is "the Republic Day").
func standsForCountry(toks []token.Token, i int) bool {
	if i == 0 || !countryDeterminers[strings.ToLower(toks[i-1].Text)] || titleCased(toks) {
		return false
	}
	next := i + 1
	if next < len(toks) && (toks[next].Text == "'s" || toks[next].Text == "’s") {
		next++
	}
	return next >= len(toks) || !capitalisedWord(toks[next])
}

// standsAlone reports whether the capitalised word at token i is a name
// on its own, with no capitalised word right before or after it ("on
// Earth", not "Google Earth" nor "Earth Day"), in a sentence in ordinary
// case.
func standsAlone(toks []token.Token, i int) bool {
	if i > 0 && capitalisedWord(toks[i-1]) && !opensSentence(toks, i-1) || i+1 < len(toks) && capitalisedWord(toks[i+1]) {
		return false
	}
	return !titleCased(toks)
}

// countryDeterminers come before a country noun standing for the
// article's country, as written inside a sentence.
var countryDeterminers = map[string]bool{"the": true, "our": true, "this": true, "your": true}

// untaggedCountryNouns are countryNouns as written, capitalised.
var untaggedCountryNouns = map[string]bool{"Nation": true, "Country": true, "Republic": true}

// untaggedPlatforms and untaggedHeads are platforms and ofHeadKinds'
// organisations as news writes them, capitalised.
var untaggedPlatforms, untaggedHeads = func() (map[string]bool, map[string]bool) {
	ps := map[string]bool{"YouTube": true, "TikTok": true, "WhatsApp": true, "LinkedIn": true, "WeChat": true, "VKontakte": true}
	for k := range platforms {
		if !strings.Contains(k, " ") {
			ps[strings.ToUpper(k[:1])+k[1:]] = true
		}
	}
	hs := map[string]bool{}
	for k, kind := range ofHeadKinds {
		if kind == graph.Org {
			hs[strings.ToUpper(k[:1])+k[1:]] = true
		}
	}
	return ps, hs
}()
