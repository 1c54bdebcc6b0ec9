package names

import "strings"

// Temporary stand-ins for the variant functions being written in the ident
// branch; replaced when it lands.

// Skeleton is a blocking form of one normalised word.
func Skeleton(word string) string {
	w := []rune(word)
	var out []rune
	for i, r := range w {
		if r == 'g' {
			r = 'h'
		}
		if len(out) > 0 && out[len(out)-1] == r {
			continue
		}
		_ = i
		out = append(out, r)
	}
	s := string(out)
	for _, suf := range []string{"iy", "yi", "ij", "yj", "i", "y"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+2 {
			s = strings.TrimSuffix(s, suf) + "y"
			break
		}
	}
	return s
}

var hypo = map[string]string{"fritz": "frederick", "bill": "william", "joe": "joseph", "bob": "robert",
	"vladimir": "volodymyr", "sergei": "serhiy", "sergey": "serhiy", "dmitry": "dmytro", "dmitri": "dmytro"}

// SameFirstName reports whether two normalised first names can be one
// person's.
func SameFirstName(a, b string) bool {
	a, b = strings.TrimSuffix(a, "."), strings.TrimSuffix(b, ".")
	if a == b {
		return true
	}
	if (len(a) == 1 || len(b) == 1) && a != "" && b != "" && a[0] == b[0] {
		return true
	}
	if ha, ok := hypo[a]; ok && (ha == b || hypo[b] == ha) {
		return true
	}
	if hb, ok := hypo[b]; ok && hb == a {
		return true
	}
	if Skeleton(a) == Skeleton(b) {
		return true
	}
	return len([]rune(a)) >= 5 && len([]rune(b)) >= 5 && Distance(a, b, 1) <= 1
}

// StripCorporate removes a trailing corporate suffix.
func StripCorporate(key string) (base, suffix string) {
	for _, s := range []string{" corporation", " corp", " inc", " incorporated", " co", " company", " ltd", " limited", " llc", " plc", " ag", " sa", " nv", " gmbh"} {
		if strings.HasSuffix(key, s) && len(key) > len(s) {
			return key[:len(key)-len(s)], s[1:]
		}
	}
	return key, ""
}

// Acronym returns the initials of the significant words of a key.
func Acronym(key string) string {
	ws := Words(key)
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		switch w {
		case "of", "the", "and", "for", "de", "&":
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

// IsAcronymOf reports whether short abbreviates long.
func IsAcronymOf(short, long string) bool { return short != "" && Acronym(long) == short }
