package names

import (
	_ "embed"
	"strings"
)

// Category is a set of the uses a title or role word has. A word may have
// several: "general" is a title (General Gerasimov), a descriptor head
// (the general said) and a modifier (secretary general).
type Category uint8

// The categories of titles.txt.
const (
	// Honorific is a form of address ("Mr", "Dr"): stripped from a name
	// like a title, but not a role the person holds.
	Honorific Category = 1 << iota
	// Title is a word written before a name as a title or form of address
	// and not part of the name ("President Putin", "Gen. Milley").
	Title
	// PersonNoun is the head of a descriptor that can stand for one
	// person: "the French leader", "the mayor", "his spokesman".
	PersonNoun
	// Modifier is a word that belongs to a title phrase without being a
	// title itself: "foreign" minister, "defence" secretary, "acting".
	Modifier
)

//go:embed titles.txt
var titlesFile string

// titles maps a word's Key to its categories. It is read-only after
// package initialisation.
var titles = parseTitles(titlesFile)

// parseTitles reads titles.txt: "word<TAB>letters", # comments, blank
// lines. It panics on a malformed line, which is a defect of the embedded
// file that the package's tests catch.
func parseTitles(s string) map[string]Category {
	m := map[string]Category{}
	for _, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		word, letters, ok := strings.Cut(line, "\t")
		if !ok || word == "" || letters == "" {
			panic("names: titles.txt: malformed line " + line)
		}
		var c Category
		for _, l := range letters {
			switch l {
			case 'h':
				c |= Honorific
			case 't':
				c |= Title
			case 'p':
				c |= PersonNoun
			case 'm':
				c |= Modifier
			default:
				panic("names: titles.txt: unknown category in " + line)
			}
		}
		m[word] = c
	}
	return m
}

// TitleCategory returns the categories of a word as written ("Gen.",
// "President", "spokesman"), 0 for a word that is no title or role word.
func TitleCategory(word string) Category {
	return titles[Key(strings.TrimSuffix(word, "."))]
}

// Is reports whether word has any of the categories in c.
func Is(word string, c Category) bool { return TitleCategory(word)&c != 0 }

// IsTitle reports whether a single word is a title or form of address.
func IsTitle(word string) bool { return Is(word, Title) }

// IsHonorific reports whether a word is a form of address ("Mr", "Dr.")
// rather than a function ("President").
func IsHonorific(word string) bool { return Is(word, Honorific) }
