package names

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/first-names.tsv
var genderData string

// genders maps a first name (Key form) to the gender it tells, 'm' or
// 'f', or 'x' for a first name that tells none ("George", "Hillary"). It
// panics on a malformed line, a defect of the embedded file that the tests
// catch.
var genders = sync.OnceValue(func() map[string]byte {
	m := map[string]byte{}
	for _, line := range strings.Split(genderData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		name, g, ok := strings.Cut(line, "\t")
		if !ok || g != "m" && g != "f" && g != "x" || name == "" {
			panic("names: data/first-names.tsv: malformed line " + line)
		}
		m[name] = g[0]
	}
	return m
})

// FirstNameGender returns 'm' or 'f' for a first name that tells a gender
// ("James", "Gabriela"), 0 for any other word. Quote attribution uses it
// to keep "he" from a woman.
func FirstNameGender(name string) byte {
	if g := genders()[Key(name)]; g != 'x' {
		return g
	}
	return 0
}

// IsFirstName reports whether a word is a known first name: one of the
// first-name lists (whether or not it tells a gender), or one of the first-name variants table's (which holds
// the Ukrainian and Russian romanisations, "Oleksiy", "Mykhailo").
func IsFirstName(word string) bool {
	k := Key(word)
	if k == "" {
		return false
	}
	if genders()[k] != 0 {
		return true
	}
	_, ok := firstNames()[k]
	return ok
}

// AddressGender returns 'm' or 'f' for a form of address that tells a
// gender ("Mr", "Mrs.", "Ms", "Madame"), 0 for any other word: "Ms.
// Trump" is not Donald Trump.
func AddressGender(form string) byte {
	switch Key(strings.TrimSuffix(form, ".")) {
	case "mr", "sir", "lord", "monsieur", "herr", "senor":
		return 'm'
	case "mrs", "ms", "miss", "madam", "madame", "dame", "lady", "frau", "senora":
		return 'f'
	}
	return 0
}
