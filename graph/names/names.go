// Package names normalises entity names so that spellings that differ only
// in case, diacritics, punctuation, possessives or a leading article meet
// in one key: "Zelenskyy’s" and "ZELENSKYY" both become "zelenskyy", "the
// Kremlin" becomes "kremlin" and "São Paulo" becomes "sao paulo".
//
// Keys are what the store indexes names by and what resolution compares;
// they never contain a zero byte.
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key returns the normalised form of a name: lower case, Latin diacritics
// removed, punctuation other than inner hyphens and apostrophes dropped,
// a trailing possessive and a leading "the" removed, spaces collapsed.
func Key(name string) string {
	if k, ok := asciiKey(name); ok {
		return k
	}
	return key(name)
}

// asciiKey is Key for the names most calls get (words, and names of
// ASCII letters and digits with single spaces between words: "Kremlin",
// "Joe Biden"), which Key's general path only lower-cases, for a
// "the " prefix: it returns name itself when it has no upper-case letter,
// and allocates once when it has. Key runs on every token and name of an
// article at extraction and again in the store. ok is false for any
// other name.
func asciiKey(name string) (k string, ok bool) {
	if name == "" || name[0] == ' ' || name[len(name)-1] == ' ' {
		return "", false
	}
	upper := false
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			upper = true
		case c == ' ' && name[i-1] != ' ':
		default:
			return "", false
		}
	}
	if upper {
		b := []byte(name)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		name = string(b)
	}
	return strings.TrimPrefix(name, "the "), true
}

// key is Key's general path.
func key(name string) string {
	name = strings.TrimSpace(name)
	for _, suf := range []string{"'s", "’s", "'S", "’S", "s'", "s’"} {
		if strings.HasSuffix(name, suf) && len(name) > len(suf)+1 {
			name = name[:len(name)-len(suf)]
			if suf[0] == 's' {
				name += "s"
			}
			break
		}
	}
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range name {
		switch {
		case r == 0:
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			r = fold(unicode.ToLower(r))
			b.WriteRune(r)
		case r == '-' || r == '\'' || r == '’' || r == '.' || r == '&':
			// Kept only between letters: "Jean-Yves", "O'Brien", "U.S." → "us".
			if r == '-' || r == '&' {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteRune(r)
			}
		default:
			space = true
		}
	}
	k := strings.Trim(b.String(), "-& ")
	k = strings.TrimPrefix(k, "the ")
	return strings.TrimSpace(k)
}

// Words splits a key into its words.
func Words(key string) []string { return strings.Fields(key) }

// Last returns the last word of a key ("emmanuel macron" → "macron").
func Last(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// fold maps a Latin letter with a diacritic to its base letter; other runes
// are returned unchanged. It covers Latin-1, Latin Extended-A and -B and
// Latin Extended Additional: news names use all of them (Zelenskyy, São
// Paulo, Erdoğan, Łukasz, Ceaușescu's ș, Nguyễn, the dotted letters of
// romanised Arabic, "Zahā Ḥadīd").
func fold(r rune) rune {
	if r < 0xC0 || r > 0x1EFF {
		return r
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	return r
}

// foldTable is built from the canonical decompositions (a letter whose
// decomposition starts with an ASCII letter folds to it), plus the letters
// that carry their stroke or bar in the letter itself and so have no
// decomposition: ø, đ, ħ, ł, ŧ, ı and the like.
var foldTable = func() map[rune]rune {
	m := map[rune]rune{}
	for _, block := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := block[0]; r <= block[1]; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			d := []rune(norm.NFD.String(string(r)))
			if len(d) > 1 && d[0] < utf8.RuneSelf && unicode.IsLetter(d[0]) {
				m[r] = d[0]
			}
		}
	}
	for base, s := range map[rune]string{
		'b': "ƀ", 'd': "đɗ", 'h': "ħ", 'i': "ıɨ", 'l': "łƚŀ", 'n': "ŉ", 'o': "ø", 't': "ŧ", 'z': "ƶ",
	} {
		for _, r := range s {
			m[r] = base
		}
	}
	return m
}()

// StripTitle removes leading title words from a person's name as written:
// "Mr Macron" → ("Mr", "Macron"), "President Vladimir Putin" →
// ("President", "Vladimir Putin"). At least one word of the name is always
// kept, so "President" alone is returned unchanged.
func StripTitle(name string) (title, rest string) {
	fields := strings.Fields(name)
	i := 0
	for i < len(fields)-1 && IsTitle(fields[i]) && startsUpper(fields[i+1]) {
		i++
	}
	if i == 0 {
		return "", name
	}
	// Keep the rest as written, from the start of its first word.
	at := 0
	for j := 0; j < i; j++ {
		at = strings.Index(name[at:], fields[j]) + at + len(fields[j])
	}
	return strings.Join(fields[:i], " "), strings.TrimSpace(name[at:])
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Distance returns the Levenshtein edit distance between a and b in runes,
// or limit+1 as soon as it must exceed limit (so a bounded comparison of
// long strings stays cheap).
func Distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
