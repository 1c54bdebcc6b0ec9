package resolve

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/names"
)

// Gender is what the forms of address written with a name say of the
// person: "Mr Biden" and "Mrs Biden" are different people.
type Gender uint8

// Genders.
const (
	GenderUnknown Gender = iota
	Male
	Female
)

// Signature is what resolution knows of one article's entity. Two local
// entities with the same signature are indistinguishable to resolution.
type Signature struct {
	Kind  graph.Kind
	Names []string      // names.Key of every name the article uses for it, sorted, distinct
	Geo   *graph.GeoRef // gazetteer link, nil when none
	// Gender comes from the forms of address ("Mr", "Mrs") the article
	// writes with the name; unknown when none or when they disagree.
	Gender Gender
	// GovernmentOf is the country an institution speaks for ("RU" for the
	// Kremlin), from extraction.
	GovernmentOf string
	// Titled is set for a person the article writes with a title, a role
	// or a form of address ("Former Florida Gov. Jeb Bush", "Mr. Bush"):
	// the article's own word that the name is a person's, which counts
	// for more than the tagger's reading of the bare name elsewhere.
	Titled bool
}

// Hash identifies a signature: the first 8 bytes of the SHA-256 of its
// canonical encoding.
type Hash [8]byte

// String renders the hash in hex, for logs and tests.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// Hash returns the signature's identity.
func (s *Signature) Hash() Hash {
	h := sha256.New()
	var b [binary.MaxVarintLen64]byte
	put := func(str string) {
		n := binary.PutUvarint(b[:], uint64(len(str)))
		h.Write(b[:n])
		h.Write([]byte(str))
	}
	put(s.Kind.String())
	put(geoKey(s.Geo))
	put(string(rune('0' + s.Gender)))
	put(s.GovernmentOf)
	if s.Titled {
		put("titled")
	}
	for _, n := range s.Names {
		put(n)
	}
	var out Hash
	copy(out[:], h.Sum(nil))
	return out
}

func geoKey(g *graph.GeoRef) string {
	if g == nil {
		return ""
	}
	return g.Key()
}

// Use is one article's use of a signature: what Apply adds to (or takes
// from) the signature's record.
type Use struct {
	Sig      Signature
	Surface  []string // the names as written, distinct
	Mentions int64
}

// UseOf reduces a local entity and its mention count to a Use. ok is false
// for an entity with no usable name.
func UseOf(e *graph.Entity, mentions int64) (Use, bool) {
	u := Use{Mentions: mentions}
	u.Sig.Kind = e.Kind
	if e.Geo != nil && e.Geo.Key() != "" {
		g := *e.Geo
		u.Sig.Geo = &g
	}
	u.Sig.GovernmentOf = e.GovernmentOf
	u.Sig.Gender = genderOf(e.Address)
	u.Sig.Titled = e.Kind == graph.Person && (len(e.Roles) > 0 || len(e.Address) > 0)
	seen := map[string]bool{}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		k := names.Key(n)
		if k == "" {
			continue
		}
		if !seen[k] {
			seen[k] = true
			u.Sig.Names = append(u.Sig.Names, k)
		}
		if !containsString(u.Surface, n) {
			u.Surface = append(u.Surface, n)
		}
	}
	if len(u.Sig.Names) == 0 {
		return Use{}, false
	}
	sort.Strings(u.Sig.Names)
	sort.Strings(u.Surface)
	return u, true
}

// genderOf reads the forms of address written with a name.
func genderOf(forms []string) Gender {
	g := GenderUnknown
	for _, f := range forms {
		var this Gender
		switch names.AddressGender(f) {
		case 'm':
			this = Male
		case 'f':
			this = Female
		default:
			continue
		}
		if g != GenderUnknown && g != this {
			return GenderUnknown
		}
		g = this
	}
	return g
}

// blockKeys returns the keys under which a signature is indexed, so that
// Apply can find every record that might be the same entity:
//
//	w:SKELETON   a one-word name, or the surname of a person's full name
//	             (and a feminine surname's masculine form: Zelenska's zelenski)
//	f:SKELETONS  a full name of several words (corporate suffix removed)
//	a:ACRONYM    an acronym, or the initials of a several-word name that is not a person's
//	g:GEOKEY     a gazetteer place
func (s *Signature) blockKeys() []string {
	var keys []string
	add := func(k string) {
		if !containsString(keys, k) {
			keys = append(keys, k)
		}
	}
	if k := geoKey(s.Geo); k != "" {
		add("g:" + k)
	}
	for _, n := range s.Names {
		ws := names.Words(n)
		if len(ws) == 1 {
			add("w:" + names.Skeleton(ws[0]))
			if isAcronymKey(ws[0]) && s.Kind != graph.Person {
				add("a:" + ws[0])
			}
			continue
		}
		if s.Kind == graph.Person {
			sn := surname(ws)
			add("w:" + names.Skeleton(sn))
			if masc, ok := names.MasculineSurname(sn); ok {
				// Beside the masculine form some outlets write for her
				// ("Olena Zelenskyy"), which rule 4 compares.
				add("w:" + names.Skeleton(masc))
			}
			add("f:" + skeletonOf(ws))
			continue
		}
		// The name without its legal form, and without its descriptors
		// too: rules 5 and 6 compare them, and a name that comes down to
		// one word ("Rossiya Co.") meets the records of that word.
		base, _ := names.StripCorporate(n)
		add(nameBlock(names.Words(base)))
		if core := names.OrgCore(n); core != "" {
			add(nameBlock(names.Words(core)))
		}
		for _, a := range names.AcronymsOf(n) {
			add("a:" + a)
		}
	}
	sort.Strings(keys)
	return keys
}

// nameBlock is the block key of a name's words: "w:" and the skeleton of
// one word, "f:" and the skeletons of several.
func nameBlock(ws []string) string {
	if len(ws) == 1 {
		return "w:" + names.Skeleton(ws[0])
	}
	return "f:" + skeletonOf(ws)
}

// skeletonOf joins the skeletons of words.
func skeletonOf(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = names.Skeleton(w)
	}
	return strings.Join(out, " ")
}

// nameSuffixes are words after a surname that are not the surname.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// surname returns the last word of a person's full name that is not a
// generational suffix ("joseph r biden jr" → "biden"). A ruler's or a
// saint's name with an epithet has none but the name itself: "peter the
// great" is "peter" alone, never "great" (which made Catherine the Great
// a spelling of Peter the Great).
func surname(ws []string) string {
	if n := len(ws); n >= 3 && ws[n-2] == "the" {
		return ws[0]
	}
	for i := len(ws) - 1; i > 0; i-- {
		if !nameSuffixes[ws[i]] {
			return ws[i]
		}
	}
	return ws[len(ws)-1]
}

// isAcronymKey reports whether a normalised one-word name could be an
// acronym: two to six letters. Whether it was written in capitals is
// checked on the surface forms.
func isAcronymKey(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
