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

// Institution reports whether a place name is the seat of an institution
// that news names by its building ("Kremlin", "the White House"), which
// Dateline treats as an organisation.
func Institution(name string) bool {
	n := normalise(name)
	n = strings.TrimPrefix(n, "the ")
	return seats[n]
}
