package source

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// repairMojibake undoes the commonest damage news text carries: UTF-8
// that was once read as Windows-1252 (or Latin-1) and written out again,
// so that "Guantánamo" reads "GuantÃ¡namo", "Peña" "PeÃ±a" and a curly
// apostrophe "â€™". Such text names "PeÃ" where the article meant Peña
// (13 PolNeAR files). Each run of non-ASCII characters is encoded back
// to Windows-1252 bytes; where those bytes are valid UTF-8 of fewer
// characters, they are what the writer meant. A run of real accented
// letters ("São", "Zürich") encodes to bytes that are no valid UTF-8 and
// stays as it is.
func repairMojibake(s string) string {
	if !strings.ContainsAny(s, "ÃÂâÅÄ") {
		return s // every mojibake run of a Latin or punctuation letter starts with one of these
	}
	enc := charmap.Windows1252.NewEncoder()
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		j := i
		for j < len(s) && s[j] >= utf8.RuneSelf {
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
		}
		run := s[i:j]
		if raw, ok := windows1252(enc, run); ok && utf8.ValidString(raw) && utf8.RuneCountInString(raw) < utf8.RuneCountInString(run) {
			b.WriteString(raw)
			changed = true
		} else {
			b.WriteString(run)
		}
		i = j
	}
	if !changed {
		return s
	}
	return b.String()
}

// windows1252 encodes a run of characters back to the bytes they were
// read from: Windows-1252's letters and punctuation (€, ’, “), and the
// Latin-1 control characters for the five bytes Windows-1252 leaves
// undefined (the 0x9D of a "”" read as Latin-1). ok is false when a
// character has no byte.
func windows1252(enc interface{ String(string) (string, error) }, run string) (string, bool) {
	out := make([]byte, 0, len(run))
	for _, r := range run {
		if r <= 0xFF {
			out = append(out, byte(r))
			continue
		}
		b, err := enc.String(string(r))
		if err != nil || len(b) != 1 {
			return "", false
		}
		out = append(out, b[0])
	}
	return string(out), true
}
