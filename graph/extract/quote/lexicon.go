package quote

import (
	_ "embed"
	"strings"
)

//go:embed lexicon/sfu-ggt-quote_verb_list.en.txt
var verbList string

// lexicon is the SFU Gender Gap Tracker reporting-verb list, lower case.
// It is read-only after package initialisation, so Find can share it.
var lexicon = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(verbList) {
		m[strings.ToLower(w)] = true
	}
	return m
}()

// extraCues are speech verbs the SFU list lacks but that news uses to
// attribute statements; they make predictions but do not define the gold
// speech attributions of the PolNeAR evaluation.
var extraCues = map[string]bool{
	"stress": true, "stressed": true, "stresses": true, "stressing": true,
	"emphasise": true, "emphasised": true, "emphasises": true, "emphasising": true,
	"emphasize": true, "emphasized": true, "emphasizes": true, "emphasizing": true,
	"ask": true, "asked": true, "asks": true, "asking": true,
	"urge": true, "urged": true, "urges": true, "urging": true,
	"vow": true, "vowed": true, "vows": true, "vowing": true,
	"promise": true, "promised": true, "promises": true, "promising": true,
	"recall": true, "recalled": true, "recalls": true, "recalling": true,
	"reiterate": true, "reiterated": true, "reiterates": true, "reiterating": true,
	"repeat": true, "repeated": true, "repeats": true,
	"observe": true, "observed": true, "observes": true,
	"complain": true, "complained": true, "complains": true,
	"concede": true, "conceded": true, "concedes": true,
	"deny": true, "denied": true, "denies": true,
	"boast": true, "boasted": true, "boasts": true,
	"joke": true, "joked": true, "jokes": true,
	"quip": true, "quipped": true,
	"write": true, "wrote": true,
	"believe": true, "believes": true, "believed": true,
	"hope": true, "hoped": true, "hopes": true,
	"agree": true, "agreed": true, "agrees": true,
	"alleged": true, "alleges": true,
	"contend": true, "contended": true, "contends": true,
	"maintain": true, "maintained": true, "maintains": true,
	"acknowledge": true,
	"reaffirm":    true, "reaffirmed": true, "reaffirms": true, "reaffirming": true,
	"reveal": true, "revealed": true, "reveals": true, "revealing": true,
	"disclose": true, "disclosed": true, "discloses": true, "disclosing": true,
	"recommend": true, "recommended": true, "recommends": true, "recommending": true,
	"theorize": true, "theorized": true, "theorizes": true, "theorise": true, "theorised": true,
	"allege": true, "alleging": true, "underline": true, "underlined": true, "underlines": true,
	"underscore": true, "underscored": true, "underscores": true, "caution": true, "cautioned": true, "cautions": true,
	"accuse": true, "accused": true, "accuses": true, "accusing": true,
	// the noun of "expressed confidence that", "voiced confidence that"
	// (a light verb's object, see lightVerbs), a cue only before "that".
	"confidence": true,
}

// IsCueWord reports whether word (any case) is in the embedded SFU Gender
// Gap Tracker reporting-verb list. The PolNeAR evaluation uses it to decide
// which gold attributions are speech.
func IsCueWord(word string) bool {
	if lexicon[word] {
		return true
	}
	return lexicon[strings.ToLower(word)]
}

// isCue reports whether a lower-case token may be a cue verb for a
// prediction: the SFU list or the extra speech verbs.
func isCue(lower string) bool { return cueWords[lower] }

// cueWords is the union of lexicon and extraCues, for one lookup a token.
var cueWords = func() map[string]bool {
	m := make(map[string]bool, len(lexicon)+len(extraCues))
	for w := range lexicon {
		m[w] = true
	}
	for w := range extraCues {
		m[w] = true
	}
	return m
}()
