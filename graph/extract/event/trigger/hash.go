package trigger

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes: the hash of a template number mixed with
// precomputed hashes of words, stems, shapes or tags, so that no feature
// string is built at run time. Hashes are FNV-1a and a splitmix finaliser,
// fixed across runs and machines: the model file depends on them.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix combines two hashes.
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	h *= 0x94D049BB133111EB
	h ^= h >> 32
	return h
}

// hashString is the FNV-1a hash of s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// lower returns w in lower case with typographic apostrophes, quotes and
// dashes folded onto their ASCII forms, as the training corpora write
// them. It does not allocate when w is already in that form.
func lower(w string) string {
	clean := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			clean = false
			break
		}
	}
	if clean {
		return w
	}
	b := make([]byte, 0, len(w))
	for _, r := range w {
		switch r {
		case '’', '‘', '′':
			r = '\''
		case '“', '”', '„', '″':
			r = '"'
		case '–', '—', '‒', '−':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// shape maps a word to its character classes, runs collapsed: "Putin" →
// "Xx", "1,000" → "d,d", "U.S." → "X.X.", "e-mail" → "x-x".
func shape(w string) string {
	var b [16]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '?'
		}
		if c == last {
			continue
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return string(b[:n])
}

// suffix returns the last n bytes of w (all of it when shorter), never
// cutting a UTF-8 sequence.
func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	i := len(w) - n
	for i > 0 && !utf8.RuneStart(w[i]) {
		i--
	}
	return w[i:]
}
