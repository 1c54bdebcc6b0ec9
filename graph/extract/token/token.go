// Package token cuts news text into tokens that keep their byte offsets into
// the original text, so that every name, date and quote found later can point
// back at the exact bytes it came from.
//
// The rules follow the Penn Treebank conventions that CoNLL-2003 and most
// annotated news corpora use, because the named-entity tagger is trained on
// those corpora and must see the same token boundaries at run time:
// clitics split off ("Russia’s" → "Russia" + "’s", "don't" → "do" + "n't"),
// currency symbols split from amounts ("$" + "3.5"), abbreviations and
// initials keep their period ("U.S.", "Mr.", "J."), numbers keep their
// separators ("1,000", "3.5"), and hyphenated words stay whole
// ("Jean-Claude"). The tokenizer never allocates per token: a Token's Text
// is a slice of the input string.
package token

import (
	"unicode"
	"unicode/utf8"

	"dateline/graph"
)

// Class is the coarse character class of a token, which later stages use to
// tell words from numbers and punctuation without re-reading the bytes.
type Class uint8

// Token classes.
const (
	Word   Class = iota // letters, possibly with digits, hyphens, apostrophes or abbreviation dots
	Number              // digits with optional separators: 1,000 3.5 1996-08-22
	Punct               // punctuation, quotes, dashes, brackets
	Symbol              // currency and other symbols: $ € % &
)

// Token is one token: its byte span in the original text, the text itself
// (a slice of the original, never a copy) and its class.
type Token struct {
	Span  graph.Span
	Text  string
	Class Class
}

// abbreviations are words that keep a following period as part of the token
// because in news text the period marks the abbreviation, not the end of a
// sentence. Single letters (initials) are handled separately. Keys are
// lower case, without the period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true,
	"lt": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "adm": true, "cmdr": true,
	"gov": true, "sen": true, "rep": true, "reps": true, "sens": true, "pres": true, "rev": true,
	"hon": true, "st": true, "sr": true, "jr": true, "messrs": true, "mme": true, "mlle": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "bros": true, "cos": true, "assn": true, "dept": true,
	"univ": true, "vs": true, "etc": true, "no": true, "nos": true, "vol": true, "fig": true,
	"ft": true, "mt": true, "ave": true, "blvd": true, "rd": true, "approx": true, "est": true,
	"e.g": true, "i.e": true, "a.m": true, "p.m": true, "u.s": true, "u.k": true, "u.n": true,
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true, "del": true,
	"fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "kans": true, "ky": true, "la": true,
	"md": true, "mass": true, "mich": true, "minn": true, "miss": true, "mo": true, "mont": true,
	"neb": true, "nev": true, "okla": true, "ore": true, "pa": true, "penn": true, "tenn": true,
	"tex": true, "va": true, "vt": true, "wash": true, "wis": true, "wyo": true,
}

// IsAbbreviation reports whether w (with or without its final period) is an
// abbreviation or initial that normally does not end a sentence.
func IsAbbreviation(w string) bool {
	if len(w) > 0 && w[len(w)-1] == '.' {
		w = w[:len(w)-1]
	}
	if w == "" {
		return false
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsLetter(r) {
		return true
	}
	if len(w) > 8 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(w)])]
}

// Tokenize returns the tokens of text in order. Offsets are byte offsets into
// text; tokens never overlap, never include white space and appear in
// increasing order. Invalid UTF-8 bytes become one-byte Punct tokens.
func Tokenize(text string) []Token {
	return Append(make([]Token, 0, len(text)/5+1), text, 0)
}

// Append appends the tokens of text to dst, adding base to every offset, and
// returns the extended slice. Callers that tokenize many pieces of one text
// (sentence by sentence, or line by line) use it to reuse a buffer.
func Append(dst []Token, text string, base int) []Token {
	i := 0
	for i < len(text) {
		r, n := decode(text, i)
		if isSpace(r) {
			i += n
			continue
		}
		start := i
		var end int
		var class Class
		switch {
		case isLetter(r) || isDigit(r):
			end, class = scanWord(text, i)
			// Clitics and trailing apostrophes are their own tokens.
			if cend, ok := clitic(text, end); ok {
				dst = append(dst, Token{Span: graph.Span{Start: base + start, End: base + end}, Text: text[start:end], Class: class})
				start, end, class = end, cend, Word
			}
		case isApostrophe(r) && isClitic(text, i):
			// A clitic written apart from its word, as in CoNLL text ("Germany 's").
			end, class = i+n, Word
			for end < len(text) {
				r2, n2 := decode(text, end)
				if !isLetter(r2) {
					break
				}
				end += n2
			}
		default:
			end, class = scanPunct(text, i, r, n)
		}
		dst = append(dst, Token{Span: graph.Span{Start: base + start, End: base + end}, Text: text[start:end], Class: class})
		i = end
	}
	return dst
}

func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// scanWord scans a word or number starting at i and returns its end and
// class. It takes letters and digits, joins them across a hyphen, a dot,
// an ampersand or an apostrophe when a letter or digit follows, and
// decides whether a final period belongs to the token (abbreviations,
// initials, dotted acronyms).
func scanWord(text string, i int) (int, Class) {
	start := i
	letters, digits, dots := 0, 0, 0
	for i < len(text) {
		r, n := decode(text, i)
		switch {
		case isLetter(r):
			letters++
			i += n
			continue
		case isDigit(r):
			digits++
			i += n
			continue
		}
		if i+n >= len(text) {
			break
		}
		next, _ := decode(text, i+n)
		alnum := isLetter(next) || isDigit(next)
		switch {
		case r == '-' && alnum:
			i += n
			continue
		case (r == ',' || r == '.') && isDigit(next) && digits > 0 && letters == 0:
			// 1,000 and 3.5; a comma must be followed by three digits.
			if r == ',' && !threeDigits(text, i+1) {
				break
			}
			i += n
			continue
		case r == '.' && alnum && letters > 0 && dotsFit(text, start, i):
			// U.S.A, e.g: a dotted acronym, letters of one or two bytes between dots.
			dots++
			i += n
			continue
		case r == '&' && isLetter(next) && letters > 0 && letters <= 3:
			i += n // AT&T, S&P
			continue
		case isApostrophe(r) && (next == 't' || next == 'T') && i-start >= 2 && (text[i-1] == 'n' || text[i-1] == 'N') && isNot(text, i-1):
			return i - 1, Word // do|n't: the clitic scanner takes "n't"
		case isApostrophe(r) && isLetter(next) && !isClitic(text, i):
			i += n // O'Brien, Gen'l
			continue
		}
		break
	}
	class := Word
	if letters == 0 {
		class = Number
	}
	// A final period belongs to abbreviations, initials and dotted acronyms.
	if i < len(text) && text[i] == '.' && letters > 0 {
		if dots > 0 || IsAbbreviation(text[start:i]) {
			if !(i+1 < len(text) && text[i+1] == '.') { // keep "..." whole
				i++
			}
		}
	}
	return i, class
}

// dotsFit reports whether the text between start and the dot at i is a
// short piece of an acronym (each dot-separated piece at most two letters),
// so that "U.S" continues while "end.Next" does not.
func dotsFit(text string, start, i int) bool {
	piece := 0
	for j := i - 1; j >= start && text[j] != '.'; j-- {
		piece++
	}
	if piece > 2 {
		return false
	}
	// The piece after the dot must be short too.
	k := i + 1
	for k < len(text) && k-i-1 <= 3 {
		r, n := decode(text, k)
		if !isLetter(r) {
			break
		}
		k += n
	}
	return k-i-1 <= 2
}

func threeDigits(text string, i int) bool {
	if i+3 > len(text) {
		return false
	}
	for j := i; j < i+3; j++ {
		if text[j] < '0' || text[j] > '9' {
			return false
		}
	}
	return i+3 == len(text) || text[i+3] < '0' || text[i+3] > '9'
}

// isClitic reports whether the apostrophe at i starts an English clitic
// ('s 'm 'd 'll 're 've) followed by a non-letter.
func isClitic(text string, i int) bool {
	_, n := decode(text, i)
	rest := text[i+n:]
	for _, c := range [...]string{"s", "m", "d", "ll", "re", "ve", "S", "M", "D", "LL", "RE", "VE"} {
		if len(rest) >= len(c) && rest[:len(c)] == c {
			if len(rest) == len(c) {
				return true
			}
			r, _ := decode(rest, len(c))
			if !isLetter(r) && !isDigit(r) {
				return true
			}
		}
	}
	return false
}

// clitic looks at the text after a word ending at i and reports the end of
// a clitic token there: 's, 're, … or a lone trailing apostrophe after a
// plural ("states’"). "n't" is handled by peeling it off the word first.
func clitic(text string, i int) (int, bool) {
	if i >= len(text) {
		return 0, false
	}
	if isNot(text, i) {
		_, n := decode(text, i+1)
		return i + 1 + n + 1, true
	}
	r, n := decode(text, i)
	if !isApostrophe(r) {
		return 0, false
	}
	if isClitic(text, i) {
		j := i + n
		for j < len(text) {
			r2, n2 := decode(text, j)
			if !isLetter(r2) {
				break
			}
			j += n2
		}
		return j, true
	}
	// A possessive apostrophe after a plural: states’ right.
	if text[i-1] == 's' || text[i-1] == 'S' {
		if i+n == len(text) {
			return i + n, true
		}
		next, _ := decode(text, i+n)
		if !isLetter(next) && !isDigit(next) {
			return i + n, true
		}
	}
	return 0, false
}

// isNot reports whether "n't" (with any apostrophe) starts at i and is
// followed by a non-letter.
func isNot(text string, i int) bool {
	if i >= len(text) || (text[i] != 'n' && text[i] != 'N') || i+1 >= len(text) {
		return false
	}
	r, n := decode(text, i+1)
	if !isApostrophe(r) {
		return false
	}
	j := i + 1 + n
	if j >= len(text) || (text[j] != 't' && text[j] != 'T') {
		return false
	}
	if j+1 == len(text) {
		return true
	}
	r2, _ := decode(text, j+1)
	return !isLetter(r2) && !isDigit(r2)
}

// scanPunct scans a punctuation or symbol token starting at i with rune r
// of n bytes: runs of the same dot, dash or quote character stay together
// ("...", "--", "!!").
func scanPunct(text string, i int, r rune, n int) (int, Class) {
	class := Punct
	switch {
	case r == utf8.RuneError && n == 1:
		return i + 1, Punct
	case unicode.IsSymbol(r) || r == '%' || r == '&' || r == '#' || r == '@':
		class = Symbol
	}
	j := i + n
	switch r {
	case '.', '-', '`', '\'', '*', '=', '_', '!', '?':
		for j < len(text) {
			r2, n2 := decode(text, j)
			if r2 != r {
				break
			}
			j += n2
		}
	}
	return j, class
}
