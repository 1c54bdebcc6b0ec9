package timelines

import (
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/token"
)

// personPronouns and thingPronouns are the pronouns that may stand for a
// named person, or for a named organisation or product.
var (
	personPronouns = map[string]bool{"he": true, "his": true, "him": true, "she": true, "her": true}
	thingPronouns  = map[string]bool{"it": true, "its": true, "they": true, "their": true}
	// pluralPronouns stand for a company only within the sentence that
	// names it, as British news writes "Airbus has said they will
	// continue"; across sentences they are more often the people or
	// markets last spoken of.
	pluralPronouns = map[string]bool{"they": true, "their": true}
)

// descriptionHeads are the nouns with which news refers back to a named
// company, product or market ("the company", "the plane", "the index").
var descriptionHeads = map[string]bool{"company": true, "firm": true, "group": true, "manufacturer": true, "maker": true,
	"planemaker": true, "airline": true, "carrier": true, "plane": true, "aircraft": true, "jet": true, "airliner": true,
	"index": true, "bank": true, "exchange": true, "market": true, "corporation": true, "giant": true, "lender": true,
	"automaker": true, "carmaker": true, "agency": true, "service": true, "airplane": true, "aeroplane": true,
	"store": true, "retailer": true, "brand": true, "label": true, "network": true, "website": true}

// productHeads are the nouns with which news refers back to a named
// product, a model of aircraft, car or device ("the plane", "the new
// airliner"). Unlike a company's description, such a phrase often comes
// several sentences after the name, past the names of the people and
// companies that deal with the product, so it is resolved to the last
// product named rather than to the last name.
var productHeads = map[string]bool{"plane": true, "aircraft": true, "jet": true, "airliner": true, "airplane": true,
	"aeroplane": true, "superjumbo": true, "jumbo": true, "jetliner": true, "vehicle": true, "car": true, "model": true,
	"device": true, "phone": true}

// productBack is how many sentences back a product description may find
// the product it names.
const productBack = 5

// determiners open a definite description.
var determiners = map[string]bool{"the": true, "this": true, "these": true, "that": true, "those": true}

// descriptionGap is how many words (adjectives, mostly: "the massive
// new airliner") may stand between a determiner and the head noun.
const descriptionGap = 2

// determinerBefore returns the index of the determiner that opens the
// description headed by token ti, or -1: "the" or "these" right before
// the head or a few lower-case words before it.
func determinerBefore(toks []token.Token, ti int) int {
	for k := ti - 1; k >= 0 && k >= ti-1-descriptionGap; k-- {
		w := toks[k].Text
		if determiners[strings.ToLower(w)] {
			return k
		}
		if w == "" || strings.ToLower(w) != w || toks[k].Class != token.Word {
			return -1
		}
	}
	return -1
}

// anaphoraBack is how many sentences back a pronoun or a description
// may find the name it stands for.
const anaphoraBack = 2

// anaphors returns the spans of pronouns and definite descriptions ("it",
// "the company") whose nearest compatible name before them, in their
// sentence or the anaphoraBack before, is the target: the simplest
// reading of news English, where a pronoun picks up the last thing named.
// named are the target's own spans; person tells whether the target is a
// person, to choose between "he" and "it".
func (a *analysed) anaphors(named []graph.Span, person, product bool) []graph.Span {
	type name struct {
		span    graph.Span
		target  bool
		person  bool
		product bool
	}
	var names []name
	for _, s := range named {
		names = append(names, name{s, true, person, product})
	}
	for _, m := range a.mentions {
		if m.Kind == graph.Place {
			continue
		}
		t := overlapsAny(m.Span, named)
		names = append(names, name{m.Span, t, m.Kind == graph.Person, t && product || modelName(m.Text)})
	}
	for _, s := range a.sents {
		for _, t := range s.Tokens {
			if modelName(t.Text) && !overlapsAny(t.Span, named) {
				names = append(names, name{span: t.Span, product: true})
			}
		}
	}
	sort.Slice(names, func(i, j int) bool { return names[i].span.Start < names[j].span.Start })
	var out []graph.Span
	for si, s := range a.sents {
		lo := 0
		if si-anaphoraBack > 0 {
			lo = a.sents[si-anaphoraBack].Span.Start
		}
		for ti, t := range s.Tokens {
			w := strings.ToLower(t.Text)
			wantPerson, ok, wantProduct := false, false, false
			span := t.Span
			switch {
			case productHeads[strings.TrimSuffix(w, "s")]:
				if d := determinerBefore(s.Tokens, ti); d >= 0 {
					ok, wantProduct = true, true
					span = graph.Span{Start: s.Tokens[d].Span.Start, End: t.Span.End}
				}
			case personPronouns[w]:
				wantPerson, ok = true, true
			case thingPronouns[w]:
				ok = true
			case descriptionHeads[strings.TrimSuffix(w, "s")]:
				if d := determinerBefore(s.Tokens, ti); d >= 0 {
					ok = true
					span = graph.Span{Start: s.Tokens[d].Span.Start, End: t.Span.End}
				}
			}
			if !ok {
				continue
			}
			from := lo
			if pluralPronouns[w] {
				from = s.Span.Start
			}
			if wantProduct {
				from = 0
				if si-productBack > 0 {
					from = a.sents[si-productBack].Span.Start
				}
			}
			for i := len(names) - 1; i >= 0; i-- {
				n := names[i]
				if n.span.End > span.Start {
					continue
				}
				if n.span.Start < from {
					break
				}
				if n.person != wantPerson || wantProduct && !n.product {
					continue
				}
				if n.target {
					out = append(out, span)
				}
				break
			}
		}
	}
	return out
}

func overlapsAny(s graph.Span, spans []graph.Span) bool {
	for _, t := range spans {
		if s.Start < t.End && t.Start < s.End {
			return true
		}
	}
	return false
}

// modelName reports whether a word or name reads as a product's model:
// it holds a digit and a capital letter ("A380", "Boeing 787") or is a
// name with a number in it, never a bare figure ("2005", "1,200").
func modelName(s string) bool {
	hasUpper := false
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			hasUpper = true
		}
	}
	return hasUpper && hasDigit(s)
}
