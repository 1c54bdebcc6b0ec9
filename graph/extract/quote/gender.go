package quote

import (
	_ "embed"
	"strings"

	"dateline/graph/names"
)

//go:embed lexicon/first-names.tsv
var firstNamesFile string

// firstNames maps a first name (names.Key form) to the gender it tells,
// 'm' or 'f'. Read-only after initialisation.
var firstNames = parseFirstNames(firstNamesFile)

// parseFirstNames reads "name<TAB>m|f" lines, # comments. It panics on a
// malformed line, a defect of the embedded file that the tests catch.
func parseFirstNames(s string) map[string]byte {
	m := map[string]byte{}
	for _, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		name, g, ok := strings.Cut(line, "\t")
		if !ok || g != "m" && g != "f" || name == "" {
			panic("quote: lexicon/first-names.tsv: malformed line " + line)
		}
		m[name] = g[0]
	}
	return m
}

// firstNameGender returns 'm' or 'f' for a first name that tells a
// gender ("James", "Gabriela"), 0 for any other word.
func firstNameGender(name string) byte { return firstNames[names.Key(name)] }
