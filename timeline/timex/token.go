package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token classes.
const (
	clsWord  byte = iota + 1 // a run of letters
	clsNum                   // a run of ASCII digits
	clsPunct                 // any other single non-space character
)

// token is a word, a number or one punctuation character, with its byte
// offsets into the text. Letters and digits are split apart ("5pm" is "5"
// and "pm", "1990s" is "1990" and "s"), which keeps the grammar small.
type token struct {
	s, e  int
	low   string // lower-cased word, digits, or the punctuation character
	n     int    // value of a number token (capped), -1 for others
	cls   byte
	upper bool // word starts with an upper-case letter
	sp    bool // whitespace (or the start of the text) precedes the token
	nl    bool // a line break precedes the token
}

// tokenize splits text into tokens. It never fails: invalid UTF-8 is passed
// over byte by byte as punctuation.
func tokenize(text string, toks []token) []token {
	i := 0
	sp, nl := true, true
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			sp = true
			i++
			continue
		case c == '\n':
			sp, nl = true, true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if n < 1e8 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			toks = append(toks, token{s: i, e: j, low: text[i:j], n: n, cls: clsNum, sp: sp, nl: nl})
			i = j
		case c < utf8.RuneSelf && isASCIILetter(c):
			j := i
			hasUpper := false
			for j < len(text) {
				d := text[j]
				if d < utf8.RuneSelf {
					if !isASCIILetter(d) {
						break
					}
					if d >= 'A' && d <= 'Z' {
						hasUpper = true
					}
					j++
					continue
				}
				r, size := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				hasUpper = true // force the general lower-casing path
				j += size
			}
			w := text[i:j]
			low := w
			if hasUpper {
				low = strings.ToLower(w)
			}
			toks = append(toks, token{s: i, e: j, low: low, n: -1, cls: clsWord, upper: c >= 'A' && c <= 'Z', sp: sp, nl: nl})
			i = j
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size <= 1 {
				size = 1
			}
			if unicode.IsSpace(r) {
				sp = true
				i += size
				continue
			}
			if unicode.IsLetter(r) {
				j := i + size
				for j < len(text) {
					r2, s2 := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) && !(r2 < utf8.RuneSelf && isASCIILetter(byte(r2))) {
						break
					}
					j += s2
				}
				toks = append(toks, token{s: i, e: j, low: strings.ToLower(text[i:j]), n: -1, cls: clsWord, upper: unicode.IsUpper(r), sp: sp, nl: nl})
				i = j
				break
			}
			low := text[i : i+size]
			switch r {
			case '\u2019', '\u2018':
				low = "'"
			case '\u2013', '\u2014':
				low = "-"
			}
			toks = append(toks, token{s: i, e: i + size, low: low, n: -1, cls: clsPunct, sp: sp, nl: nl})
			i += size
		}
		sp, nl = false, false
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
