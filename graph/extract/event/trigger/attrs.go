package trigger

import "dateline/graph/extract/token"

// Attributes are what a trigger's verb group says of its event, in
// TimeML's terms (the MAKEINSTANCE attributes): when it is placed relative
// to the time of writing, whether it is complete or ongoing, whether it is
// negated, and which modal qualifies it. They are what tells "sold",
// "did not sell", "could sell" and "will sell" apart.
type Attributes struct {
	// Tense is PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART or
	// NONE (nouns, and verbs after a modal other than will/shall).
	Tense string
	// Aspect is PERFECTIVE, PROGRESSIVE, PERFECTIVE_PROGRESSIVE or NONE.
	Aspect string
	// Negated is TimeML's polarity NEG: "did not sell", "never met", "no
	// agreement".
	Negated bool
	// Modality is the modal of the verb group in lower case ("would",
	// "could", "may", "must", "should", "can", "might"), "" for none.
	// "will" and "shall" make the tense FUTURE instead.
	Modality string
}

// Asserted reports whether the attributes present the event as having
// happened or holding: not negated, not qualified by a modal, not in the
// future and not an infinitive (which is governed by another event: "plans
// to cut").
func (a Attributes) Asserted() bool {
	return !a.Negated && a.Modality == "" && a.Tense != "FUTURE" && a.Tense != "INFINITIVE"
}

// modals maps the modal verbs to the modality they write; will and shall
// mark the future instead.
var modals = map[string]string{
	"would": "would", "'d": "would", "could": "could", "can": "can", "ca": "can", "may": "may", "might": "might",
	"must": "must", "should": "should", "ought": "should", "cannot": "can",
}

var futures = map[string]bool{"will": true, "shall": true, "'ll": true, "wo": true}

var negations = map[string]bool{"not": true, "n't": true, "never": true}

var pastAux = map[string]bool{"was": true, "were": true, "had": true, "did": true}

var presentAux = map[string]bool{"is": true, "are": true, "am": true, "'re": true, "'m": true, "has": true,
	"have": true, "'ve": true, "do": true, "does": true, "'s": true}

var haveForms = map[string]bool{"have": true, "has": true, "had": true, "having": true, "'ve": true}

var beForms = map[string]bool{"be": true, "is": true, "are": true, "was": true, "were": true, "been": true,
	"am": true, "'re": true, "'m": true, "'s": true}

// attributes reads the verb group before token i of toks (tagged tags):
// auxiliaries, modals, "to", negations and adverbs, up to six tokens back.
func attributes(toks []token.Token, tags []POS, i int) Attributes {
	a := Attributes{Tense: "NONE", Aspect: "NONE"}
	p := tags[i]
	if p.IsNoun() {
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			w := lower(toks[k].Text)
			if w == "no" || w == "without" {
				a.Negated = true
				break
			}
			if tags[k] != JJ && tags[k] != DT && tags[k] != RB {
				break
			}
		}
		return a
	}
	var auxes []string // leftmost first
	inf, fut := false, false
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		w := lower(toks[k].Text)
		switch {
		case negations[w]:
			a.Negated = true
			continue
		case futures[w]:
			fut = true
		case modals[w] != "" && (tags[k] == MD || w != "can"):
			a.Modality = modals[w]
		case w == "to" && tags[k] == TO:
			inf = true
			// "is going to cut": the future.
			if k >= 2 && (lower(toks[k-1].Text) == "going" || lower(toks[k-1].Text) == "about") && beForms[lower(toks[k-2].Text)] {
				inf, fut = false, true
				auxes = append([]string{lower(toks[k-2].Text)}, auxes...)
			}
		case auxiliaries[w] || w == "'s" && tags[k] == VBZ:
			auxes = append([]string{w}, auxes...)
			continue
		case tags[k] == RB || tags[k] == RBR:
			continue
		}
		break
	}
	// Aspect: have + participle is perfective, be + -ing progressive.
	perf, prog := false, false
	for j, w := range auxes {
		if haveForms[w] && (j+1 < len(auxes) && auxes[j+1] == "been" || j+1 == len(auxes) && p == VBN) {
			perf = true
		}
	}
	if p == VBG && len(auxes) > 0 && beForms[auxes[len(auxes)-1]] {
		prog = true
	}
	switch {
	case perf && prog:
		a.Aspect = "PERFECTIVE_PROGRESSIVE"
	case perf:
		a.Aspect = "PERFECTIVE"
	case prog:
		a.Aspect = "PROGRESSIVE"
	}
	switch {
	case inf:
		a.Tense = "INFINITIVE"
	case fut:
		a.Tense = "FUTURE"
	case a.Modality != "":
		a.Tense = "NONE"
	case len(auxes) > 0 && pastAux[auxes[0]]:
		a.Tense = "PAST"
	case len(auxes) > 0 && presentAux[auxes[0]]:
		a.Tense = "PRESENT"
	case len(auxes) > 0:
		a.Tense = "NONE"
	case p == VBD:
		a.Tense = "PAST"
	case p == VBZ || p == VBP:
		a.Tense = "PRESENT"
	case p == VBG:
		a.Tense = "PRESPART"
	case p == VBN:
		a.Tense = "PASTPART"
	}
	return a
}
