package names

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// acronymStopwords are the words whose initials an acronym usually leaves
// out ("North Atlantic Treaty Organization" is NATO, "Institute for the
// Study of War" is ISW).
var acronymStopwords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "&": true, "de": true,
	"in": true, "on": true, "at": true, "to": true, "a": true, "an": true,
	"du": true, "des": true, "la": true, "le": true, "et": true, "der": true,
	"und": true, "von": true, "del": true, "di": true, "da": true, "do": true,
}

// Acronym returns the initials of the significant words of a key: "united
// auto workers" gives "uaw", "north atlantic treaty organization" gives
// "nato", "associated press" gives "ap". The words of acronymStopwords
// (of, the, and, for, de, in, …) are skipped and a hyphenated word counts
// once ("organization for security and co-operation in europe" gives
// "osce"). It returns "" when fewer than two words count: one word is a
// name, not something an acronym stands for.
func Acronym(key string) string {
	var buf [16]byte
	out, n := initials(buf[:0], key, false, true)
	if n < 2 {
		return ""
	}
	return string(out)
}

// initials appends to dst the first byte of each word of key and returns
// the number of words that counted. With splitHyphens, each part of a
// hyphenated word counts ("agence france-presse" gives "afp"); with
// skipStop, the stopwords do not count. A word that does not start with
// an ASCII letter or digit is skipped.
func initials(dst []byte, key string, splitHyphens, skipStop bool) ([]byte, int) {
	n := 0
	for len(key) > 0 {
		i := strings.IndexByte(key, ' ')
		if i < 0 {
			i = len(key)
		}
		w := key[:i]
		key = strings.TrimLeft(key[i:], " ")
		if skipStop && acronymStopwords[w] {
			continue
		}
		for len(w) > 0 {
			part := w
			j := -1
			if splitHyphens {
				j = strings.IndexByte(w, '-')
			}
			if j >= 0 {
				part, w = w[:j], w[j+1:]
			} else {
				w = ""
			}
			if part == "" || part[0] >= utf8.RuneSelf || (skipStop && acronymStopwords[part]) {
				continue
			}
			dst = append(dst, part[0])
			n++
		}
	}
	return dst, n
}

// IsAcronymOf reports whether short (a one-word key such as "nato" or
// "us") is an acronym of long ("north atlantic treaty organization",
// "united states"). It holds when the embedded table data/acronyms.txt
// pairs them (AFP and Agence France-Presse, SBU and Security Service of
// Ukraine), or when short spells the initials of long's words, or of long
// without its legal form ("gm" for "general motors corporation"), with
// stopwords skipped or kept ("boe" for "bank of england") and hyphenated
// words read as one word or as several. A legal form's letter spells no
// acronym the table lists for something else.
func IsAcronymOf(short, long string) bool {
	if len(short) < 2 || strings.IndexByte(short, ' ') >= 0 || short == long {
		return false
	}
	base, _ := StripCorporate(long)
	for _, exp := range knownAcronyms()[short] {
		if exp == long || exp == base {
			return true
		}
	}
	if strings.IndexByte(long, ' ') < 0 && strings.IndexByte(long, '-') < 0 {
		return false
	}
	var buf [16]byte
	for _, l := range [2]string{long, base} {
		if l == long && base != long && len(knownAcronyms()[short]) > 0 {
			// Initials that take a legal form's letter to spell an
			// acronym the table gives to another body: "FBI" is not
			// "First Boston Inc".
			continue
		}
		for _, split := range [2]bool{false, true} {
			for _, skip := range [2]bool{true, false} {
				got, n := initials(buf[:0], l, split, skip)
				if n >= 2 && string(got) == short {
					return true
				}
			}
		}
	}
	return false
}

// Expansions returns the expansions data/acronyms.txt lists for an
// acronym key ("afp" → "agence france-presse", "agence france presse"),
// for callers that look a short name up rather than compare two. The
// slice is shared: do not modify it.
func Expansions(short string) []string { return knownAcronyms()[short] }

// IsExpansion reports whether a key is an expansion data/acronyms.txt
// lists ("european union"): a complete name of its own, which an "of"
// phrase after it does not continue ("the European Union of the
// Ministry of Foreign Affairs" is a department's name around it).
func IsExpansion(key string) bool { return expansionSet()[key] }

// expansionSet holds every expansion of data/acronyms.txt.
var expansionSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, es := range knownAcronyms() {
		for _, e := range es {
			m[e] = true
		}
	}
	return m
})

//go:embed data/acronyms.txt
var acronymsData string

// knownAcronyms maps each acronym of data/acronyms.txt to its expansions.
var knownAcronyms = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, l := range strings.Split(acronymsData, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		short, long, ok := strings.Cut(l, "\t")
		if !ok {
			panic("names: data/acronyms.txt: line without a tab: " + l)
		}
		m[strings.TrimSpace(short)] = append(m[strings.TrimSpace(short)], strings.TrimSpace(long))
	}
	return m
})

// expandedAcronyms maps each expansion of data/acronyms.txt to its
// acronyms, the table read backwards.
var expandedAcronyms = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for short, longs := range knownAcronyms() {
		for _, l := range longs {
			m[l] = append(m[l], short)
		}
	}
	return m
})

// AcronymsOf returns every acronym a several-word key can be written as,
// in the forms IsAcronymOf accepts: the table's, and the initials of the
// key and of the key without its legal form, stopwords skipped or kept,
// hyphenated words whole or split. IsAcronymOf(a, long) holds for each a
// returned (of two letters or more); resolution indexes names under these
// so that an acronym meets its expansion. Sorted, distinct.
func AcronymsOf(long string) []string {
	var out []string
	add := func(a string) {
		if len(a) < 2 {
			return
		}
		for _, x := range out {
			if x == a {
				return
			}
		}
		out = append(out, a)
	}
	base, _ := StripCorporate(long)
	for _, l := range [2]string{long, base} {
		for _, a := range expandedAcronyms()[l] {
			add(a)
		}
	}
	if strings.IndexByte(long, ' ') >= 0 || strings.IndexByte(long, '-') >= 0 {
		var buf [16]byte
		for _, l := range [2]string{long, base} {
			for _, split := range [2]bool{false, true} {
				for _, skip := range [2]bool{true, false} {
					if got, n := initials(buf[:0], l, split, skip); n >= 2 && (l == base || len(knownAcronyms()[string(got)]) == 0) {
						add(string(got))
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// DefinesAcronym reports whether an article that writes long and then
// short in brackets ("Singapore Airlines (SIA)") defines short as long's
// abbreviation, which the article's own words make safe to accept beyond
// plain initials: every letter of short is found in long in order, the
// first at the start of long's first word and each at the start of a later
// word or further inside the word of the letter before it, the last
// letter inside the last significant word, and long has no more
// significant words than short has letters plus one (after the test of
// Schwartz and Hearst, 2003). Both are
// names.Key forms. "sia" is defined by "singapore airlines"; "eu" by
// "european union"; "un" is not defined by "security council".
func DefinesAcronym(short, long string) bool {
	if IsAcronymOf(short, long) {
		return true
	}
	n := utf8.RuneCountInString(short)
	if n < 2 || n > 8 || strings.IndexByte(short, ' ') >= 0 || strings.IndexByte(long, ' ') < 0 {
		return false
	}
	var ws []string
	for _, w := range strings.Fields(long) {
		if !acronymStopwords[w] {
			ws = append(ws, w)
		}
	}
	if len(ws) < 2 || len(ws) > n+1 || ws[0][0] != short[0] {
		return false
	}
	return spells(short[1:], ws, 0, 1)
}

// spells reports whether letters can be matched in ws from word wi, byte
// pos on: each letter further inside the current word or at the start of
// a later one, ending inside the last word.
func spells(letters string, ws []string, wi, pos int) bool {
	if letters == "" {
		return wi == len(ws)-1
	}
	c := letters[0]
	for wj := wi + 1; wj < len(ws); wj++ {
		if ws[wj][0] == c && spells(letters[1:], ws, wj, 1) {
			return true
		}
	}
	for i := pos; i < len(ws[wi]); i++ {
		if ws[wi][i] == c && spells(letters[1:], ws, wi, i+1) {
			return true
		}
	}
	return false
}
