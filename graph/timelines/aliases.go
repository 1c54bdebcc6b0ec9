package timelines

import (
	"strings"
	"unicode"
)

// Alias is one name a target goes by.
type Alias struct {
	Text string
	// Exact asks for the case as written: a single word that could be a
	// common word in lower case ("Dreamliner" is a name, "dreamliner" is
	// not written).
	Exact bool
}

// countryWords are leading qualifiers that texts often leave out ("the
// Federal Reserve" for "US Federal Reserve").
var countryWords = map[string]bool{"us": true, "u.s.": true, "uk": true, "u.k.": true, "american": true, "british": true}

// dottedCountries are the other spelling news gives a leading country
// abbreviation.
var dottedCountries = map[string]string{"US": "U.S.", "UK": "U.K.", "U.S.": "US", "U.K.": "UK"}

// genericTails are trailing words that texts often leave out ("the FTSE
// 100" for "FTSE 100 index", "the Nasdaq" for "NASDAQ Composite").
var genericTails = map[string]bool{"index": true, "composite": true, "average": true, "inc": true, "inc.": true,
	"corp": true, "corp.": true, "corporation": true, "company": true, "group": true, "plc": true, "ltd": true}

// stopWords do not count in an acronym ("Bank of America" is "BoA").
var stopWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "&": true}

// Aliases returns the names a target goes by, longest first: the full
// name, also with its leading country abbreviation spelt the other way
// ("U.S. Dollar" for "US Dollar"); without a leading country or a trailing generic word; the
// acronym of a name of several capitalised words ("United States Air
// Force" → "USAF"); for a maker's product ("Boeing 787 Dreamliner") the
// model and its name ("787 Dreamliner", "Dreamliner"); the first two
// words of a longer name ("Dow Jones"); its first word ("Dow",
// "Northrop", "Nasdaq") and the last of a two-word name ("Gallois"), unless the corpus writes it in
// lower case as an ordinary word (lower holds the words the corpus
// writes in lower case). An acronym is not made of a name that starts
// with a country ("US Federal Reserve" is not "UFR").
func Aliases(target string, lower map[string]bool) []Alias {
	words := strings.Fields(target)
	seen := map[string]bool{}
	var out []Alias
	add := func(ws []string) {
		if len(ws) == 0 {
			return
		}
		text := strings.Join(ws, " ")
		k := strings.ToLower(text)
		if seen[k] {
			return
		}
		if len(ws) == 1 {
			w := ws[0]
			if lower[strings.ToLower(w)] && !hasDigit(w) || genericTails[strings.ToLower(w)] || countryWords[strings.ToLower(w)] {
				return
			}
			if len([]rune(w)) < 3 && !isUpper(w) {
				return
			}
		}
		seen[k] = true
		out = append(out, Alias{Text: text, Exact: len(ws) == 1 && !hasDigit(ws[0])})
	}
	add(words)
	if len(words) > 1 {
		if dotted, ok := dottedCountries[words[0]]; ok {
			add(append([]string{dotted}, words[1:]...)) // "U.S. dollar" for "US Dollar"
		}
	}
	core := words
	if len(core) > 1 && countryWords[strings.ToLower(core[0])] {
		core = core[1:]
		add(core)
	}
	if len(core) > 1 && genericTails[strings.ToLower(core[len(core)-1])] {
		core = core[:len(core)-1]
		add(core)
	}
	if len(words) >= 2 && !countryWords[strings.ToLower(words[0])] {
		var initials []rune
		ok := true
		for _, w := range words {
			if stopWords[strings.ToLower(w)] {
				continue
			}
			r := []rune(w)
			if !unicode.IsUpper(r[0]) || hasDigit(w) {
				ok = false
				break
			}
			initials = append(initials, r[0])
		}
		if ok && len(initials) >= 2 {
			add([]string{string(initials)})
		}
	}
	model := -1
	for i := 1; i < len(core); i++ {
		if hasDigit(core[i]) {
			model = i
			break
		}
	}
	if model > 0 && !isUpper(core[0]) && !strings.ContainsAny(core[0], "&") {
		// A maker and its product: the model with its name, the name,
		// and the model alone when it cannot be read as a count.
		add(core[model:])
		for _, w := range core[model+1:] {
			add([]string{w})
		}
		if m := core[model]; hasLetter(m) || len(m) >= 3 && !strings.HasSuffix(m, "0") {
			add([]string{m})
		}
		return out
	}
	if len(core) >= 3 && !stopWords[strings.ToLower(core[1])] {
		add(core[:2]) // "Dow Jones", never "Bank of"
	}
	if len(core) == 2 && model < 0 {
		add(core[1:])
	}
	if len(core) >= 2 && model < 0 {
		add(core[:1])
	}
	if len(core) >= 2 && model > 0 {
		add(core[:1]) // "FTSE", "NIKKEI": an index's name without its count
	}
	return out
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// isUpper reports whether a word is written in capitals ("EADS",
// "NIKKEI").
func isUpper(s string) bool {
	return hasLetter(s) && strings.ToUpper(s) == s
}
