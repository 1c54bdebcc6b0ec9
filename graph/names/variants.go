package names

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Skeleton returns a blocking form of one normalised word (a word of a
// Key: lower case, diacritics folded) under which the usual romanisations
// of one Ukrainian or Russian name meet: "zelensky", "zelenskiy",
// "zelenskyy" and "zelenskyi" all give "zelenski"; "haidai" and "gaidai"
// give "gaidai"; "serhiy", "sergei" and "sergey" give "sergi"; "dmitry",
// "dmitri" and "dmytro" give "dmitri"; "shmyhal" and "shmygal" give
// "shmigal"; "donbas" and "donbass" give "donbas".
//
// It is a blocking key, not an identity: two words with one skeleton may
// be the same name and deserve a closer comparison; two words with
// different skeletons are not compared. The rules, in order:
//
//   - "x" becomes "ks" and "ck" becomes "k";
//   - "y" becomes "i" (Dmytro/Dmitro, Zelenskyy/Zelenskii);
//   - "h" becomes "g" unless it ends a digraph (ch, sh, zh, kh, th, ph,
//     gh, wh): Ukrainian writes h where Russian writes g (Haidai/Gaidai,
//     Shmyhal/Shmygal, Serhiy/Sergiy);
//   - a doubled letter is written once (Donbass/Donbas, Zelenskyy);
//   - at the end of the word "ei", "ej" and "ij" become "i" (Sergei,
//     Sergej, Jurij), a "j" after a vowel becomes "i" (Tolstoj), and an
//     "o" after a consonant becomes "i" (Dmytro/Dmitry), when at least
//     three letters remain.
//
// A final "a" is kept, so the feminine form stays apart from the
// masculine (Zelenska is not Zelensky). Initial vowels are kept, so
// Oleksandr and Aleksandr do not meet: first names are compared by
// SameFirstName, and places are joined by their gazetteer entry, so
// Kyiv and Kiev do not meet either. Words with letters outside ASCII
// (Cyrillic keys) have those letters copied unchanged.
//
// The price of the h/g and final-vowel rules is that some unrelated
// surnames share a skeleton (Hoey and Goey, Rossi and Rosso); the
// package README lists how many do in the project's corpora.
func Skeleton(word string) string {
	var buf [48]byte
	out := buf[:0]
	if len(word) > len(buf)/2 {
		out = make([]byte, 0, 2*len(word))
	}
	var prev byte // last byte written, 0 at the start
	put := func(c byte) {
		if c == prev && c < utf8.RuneSelf {
			return // a doubled letter is written once
		}
		out = append(out, c)
		prev = c
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch c {
		case 'x':
			put('k')
			put('s')
		case 'c':
			if i+1 < len(word) && word[i+1] == 'k' {
				continue // "ck" is written "k"
			}
			put(c)
		case 'y':
			put('i')
		case 'h':
			switch prev {
			case 'c', 's', 'z', 'k', 't', 'p', 'g', 'w':
				put('h')
			default:
				put('g')
			}
		default:
			if c >= utf8.RuneSelf {
				// Copy a multi-byte rune whole, never collapsing its bytes.
				_, n := utf8.DecodeRuneInString(word[i:])
				out = append(out, word[i:i+n]...)
				prev = 0
				i += n - 1
				continue
			}
			put(c)
		}
	}
	out = foldEnding(out)
	if string(out) == word {
		return word
	}
	return string(out)
}

// foldEnding applies Skeleton's word-final rules to a skeleton in progress.
func foldEnding(s []byte) []byte {
	n := len(s)
	switch {
	case n >= 3 && (s[n-2] == 'e' || s[n-2] == 'i') && (s[n-1] == 'i' || s[n-1] == 'j'):
		// "ei", "ej", "ij" (Sergei, Sergej, Jurij) end like "i".
		s = s[:n-1]
		s[n-2] = 'i'
	case n >= 2 && s[n-1] == 'j' && isVowel(s[n-2]):
		s[n-1] = 'i' // Tolstoj, Tolstoy
	case n >= 4 && s[n-1] == 'o' && s[n-2] < utf8.RuneSelf && !isVowel(s[n-2]):
		s[n-1] = 'i' // Dmytro, Dmitry
	}
	return s
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// SameFirstName reports whether two normalised first names (words of a
// Key) can be the same person's: they are equal; one is an initial of
// the other ("v" or "v." and "vladimir"); they are on one line of the
// embedded table data/firstnames.txt (a short form and its full name,
// Bill and William, or two romanisations of one Ukrainian or Russian
// name, Volodymyr and Vladimir); they differ only in a romanised ending
// (Yuriy, Yuri, Yury, Yurii); or, both having five letters or more, they
// differ by one edit (Volokdymyr for Volodymyr), unless both are names of
// the table that no line joins (Alexander and Alexandra) or the edit is a
// final "a" (Daniel and Daniela).
//
// It is false for different names (Joe and Jill, Olena and Volodymyr,
// Jong-un and Yo-jong) and for an empty name.
func SameFirstName(a, b string) bool {
	a, b = strings.TrimSuffix(a, "."), strings.TrimSuffix(b, ".")
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		// An initial matches a name with that first letter.
		return a[0] == b[0] && a[0] < utf8.RuneSelf
	}
	t := firstNames()
	ga, gb := tableLines(t, a), tableLines(t, b)
	for _, x := range ga {
		for _, y := range gb {
			if x == y {
				return true
			}
		}
	}
	if sameRomanisedEnding(a, b) {
		return true
	}
	if len(ga) > 0 && len(gb) > 0 {
		return false // two known names that no line joins
	}
	if utf8.RuneCountInString(a) < 5 || utf8.RuneCountInString(b) < 5 || Distance(a, b, 1) > 1 {
		return false
	}
	return !feminineOf(a, b) && !feminineOf(b, a)
}

// sameRomanisedEnding reports whether a and b differ only in how a
// Slavic ending was romanised: after y→i, a final j→i and a doubled
// letter written once, they are equal (Vitaliy, Vitali, Vitaly, Vitalii;
// Andriy, Andrii, Andrij).
func sameRomanisedEnding(a, b string) bool {
	var ba, bb [32]byte
	if len(a) > len(ba) || len(b) > len(bb) {
		return false
	}
	return string(romanFold(ba[:0], a)) == string(romanFold(bb[:0], b))
}

// romanFold appends s to dst with y and a final j read as i and doubled
// ASCII letters written once.
func romanFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 'y' || (c == 'j' && i == len(s)-1) {
			c = 'i'
		}
		if c < utf8.RuneSelf && len(dst) > 0 && dst[len(dst)-1] == c {
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// tableLines returns the lines of data/firstnames.txt a name is on, or,
// when it is on none, the lines of the name its romanised ending and
// y/i spelling fold to: "volodymir", a spelling the table does not list,
// is on the line of "volodimir", so it meets Vladimir as Volodymyr does.
func tableLines(t map[string][]uint16, name string) []uint16 {
	if ls, ok := t[name]; ok || len(name) > 32 {
		return ls
	}
	var buf [32]byte
	return firstNamesFolded()[string(romanFold(buf[:0], name))]
}

// feminineOf reports whether f is m with an "a" added or put in place of
// its last letter (Daniela for Daniel, Alexandra for Alexandro, Yuliya
// for Yuliy): a different person's name, not a typo.
func feminineOf(f, m string) bool {
	if !strings.HasSuffix(f, "a") {
		return false
	}
	stem := f[:len(f)-1]
	return stem == m || (len(m) > 0 && stem == m[:len(m)-1])
}

//go:embed data/firstnames.txt
var firstNamesData string

// firstNamesFolded is firstNames keyed by each name's romanFold form.
var firstNamesFolded = sync.OnceValue(func() map[string][]uint16 {
	m := map[string][]uint16{}
	for name, lines := range firstNames() {
		k := string(romanFold(nil, name))
		for _, l := range lines {
			if !slices.Contains(m[k], l) {
				m[k] = append(m[k], l)
			}
		}
	}
	return m
})

// firstNames maps each name of data/firstnames.txt to the numbers of the
// lines it is on.
var firstNames = sync.OnceValue(func() map[string][]uint16 {
	m := map[string][]uint16{}
	line := uint16(0)
	for _, l := range strings.Split(firstNamesData, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' {
			continue
		}
		line++
		for _, w := range strings.Fields(l) {
			m[w] = append(m[w], line)
		}
	}
	return m
})

// MasculineSurname returns the masculine form of a Slavic feminine
// surname (a normalised word): Zelenska gives zelenski, Zelenskaya
// zelensky, Petrova petrov, Putina putin. Some outlets write a woman's
// surname in its masculine form ("Olena Zelenskyy" for Olena Zelenska),
// so the two forms with one woman's given name are one person's; with
// different given names they stay two people, as husband and wife do.
// ok is false for a word with none of the endings, or too short a stem.
func MasculineSurname(w string) (masc string, ok bool) {
	for _, e := range [...]struct{ fem, masc string }{
		{"skaya", "sky"}, {"ckaya", "cky"}, {"skaia", "sky"},
		{"ska", "ski"}, {"cka", "cki"}, {"zka", "zki"},
		{"ova", "ov"}, {"eva", "ev"}, {"ina", "in"}, {"yna", "yn"},
	} {
		stem, found := strings.CutSuffix(w, e.fem)
		if found && len(stem) >= 3 {
			return stem + e.masc, true
		}
	}
	return "", false
}
