package extract

import (
	"unicode"

	"dateline/graph/names"
)

// A surname written with a form of address that tells a gender ("Mrs.
// Clinton", "Mr. Obama") is a name of its own in an article (builder.add
// keys it apart), which resolvePeople joins to the full name of that
// gender: the New York Times writes "Mr. Clinton" for Bill and "Mrs.
// Clinton" for Hillary in one article, and "Mr. Obama" beside "the first
// lady, Michelle Obama".

// honorificBefore returns the form of address written right before
// text[at:] ("Mrs." in "Mrs. Clinton"), or "".
func honorificBefore(text string, at int) string {
	end := at
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 && (unicode.IsLetter(rune(text[start-1])) || text[start-1] == '.') {
		start--
	}
	if w := text[start:end]; end < at && names.IsHonorific(w) && startsUpper(w) {
		return w
	}
	return ""
}

// ofAddressGender returns the one of several people whose first name
// tells the gender the forms of address tell, or -1.
func (b *builder) ofAddressGender(address []string, cands []int) int {
	g := addressGender(address)
	if g == 0 || len(cands) < 2 {
		return -1
	}
	found := -1
	for _, c := range cands {
		if ws := names.Words(b.locals[c].key); names.FirstNameGender(ws[0]) == g {
			if found >= 0 {
				return -1
			}
			found = c
		}
	}
	return found
}

// addressGender returns the gender, 'm' or 'f', that forms of address
// tell, or 0 for none or both.
func addressGender(address []string) byte {
	g := byte(0)
	for _, a := range address {
		switch ag := names.AddressGender(a); {
		case ag == 0:
		case g != 0 && ag != g:
			return 0 // "Mr" and "Mrs" both: says nothing
		default:
			g = ag
		}
	}
	return g
}

// otherGender reports whether a name's forms of address tell another
// gender than a full name's first name: "Ms. Trump" (Ivanka, in the New
// York Times on the 2016 convention) is not Donald J. Trump.
func otherGender(address []string, first string) bool {
	g := addressGender(address)
	fg := names.FirstNameGender(first)
	return g != 0 && fg != 0 && g != fg
}
