package gazetteer

import "strings"

// seats are buildings and streets that news uses as the name of the
// institution inside them: "the Kremlin said" means the Russian
// presidency, "the Pentagon" the US Department of Defense. Dateline types
// them as organisations, because in its graphs they act, speak and meet
// like one. (CoNLL-2003 annotates them as locations; this is a deliberate
// departure, and the one place where a list overrides the tagger's type.)
var seats = map[string]bool{
	"kremlin": true, "white house": true, "pentagon": true, "downing street": true,
	"number 10": true, "no 10": true, "whitehall": true, "elysee": true, "élysée": true,
	"elysee palace": true, "élysée palace": true, "quai d'orsay": true, "capitol hill": true,
	"foggy bottom": true, "zhongnanhai": true, "blue house": true, "bankova": true,
	"chancellery": true, "quirinale": true, "palazzo chigi": true, "moncloa": true,
}

// legislatures are parliaments news names by their own word, which a
// tagger may read as a place and a gazetteer may know as a town: "the
// Duma passed" is the Russian parliament, not Douma, Syria.
var legislatures = map[string]bool{
	"duma": true, "state duma": true, "knesset": true, "bundestag": true, "bundesrat": true,
	"rada": true, "verkhovna rada": true, "sejm": true, "majlis": true, "storting": true,
	"riksdag": true, "folketing": true, "eduskunta": true, "oireachtas": true, "dail": true,
	"dáil": true, "seanad": true, "althing": true, "cortes": true, "saeima": true, "seimas": true,
	"riigikogu": true, "jatiya sangsad": true, "lok sabha": true, "rajya sabha": true,
}

// Institution reports whether a place name is the seat of an institution
// that news names by its building ("Kremlin", "the White House") or a
// parliament named by its own word ("Duma", "Knesset"), which Dateline
// treats as an organisation.
func Institution(name string) bool {
	n := normalise(name)
	n = strings.TrimPrefix(n, "the ")
	return seats[n] || legislatures[n]
}
