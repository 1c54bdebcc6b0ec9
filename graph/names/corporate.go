package names

import "strings"

// corporateSuffixes are the words of company legal forms, as they appear
// at the end of a Key ("Corp." and "Co., Ltd." lose their dots in Key).
// "group" and "holdings" are not among them: they are often the name
// itself ("Volkswagen Group", "Wagner Group", "NPD Group") rather than a
// legal form, and stripping them would join a holding with the company it
// owns.
var corporateSuffixes = map[string]bool{
	"corporation": true, "corp": true, "incorporated": true, "inc": true,
	"company": true, "co": true, "limited": true, "ltd": true, "llc": true,
	"llp": true, "lp": true, "plc": true, "ag": true, "sa": true, "nv": true,
	"bv": true, "gmbh": true, "se": true, "spa": true, "srl": true, "sas": true,
	"sarl": true, "pty": true, "ab": true, "asa": true, "oyj": true, "kk": true,
	"pjsc": true, "ojsc": true, "jsc": true, "oao": true, "zao": true, "ooo": true,
}

// StripCorporate splits a company's legal form off its key: "general
// motors corporation" gives ("general motors", "corporation"), "samsung
// electronics co ltd" gives ("samsung electronics", "co ltd") and
// "marks & spencer group plc" gives ("marks & spencer group", "plc").
// A key that is only a legal form ("company"), or has none, is returned
// whole with an empty suffix. An "&" left before a stripped "co" is
// dropped, and so is an "and" ("merrill lynch and co", as wires write
// "&"): "procter & gamble & co" gives ("procter & gamble", "co").
func StripCorporate(key string) (base, suffix string) {
	base = key
	for {
		i := strings.LastIndexByte(base, ' ')
		if i < 0 || !corporateSuffixes[base[i+1:]] {
			break
		}
		rest := strings.TrimRight(base[:i], " ")
		if strings.HasSuffix(rest, " &") {
			rest = strings.TrimRight(rest[:len(rest)-1], " ")
		} else if base[i+1:] == "co" && strings.HasSuffix(rest, " and") {
			rest = strings.TrimSuffix(rest, " and") // "merrill lynch and co", as wires write "&"
		}
		if onlySuffixes(rest) {
			break // "co ltd" is all legal form: keep it whole
		}
		base = rest
	}
	if base == key {
		return key, ""
	}
	suffix = strings.TrimLeft(strings.TrimPrefix(key[len(base):], " "), "& ")
	return base, strings.TrimPrefix(suffix, "and ")
}

// onlySuffixes reports whether every word of s is a legal form or "&".
func onlySuffixes(s string) bool {
	for s != "" {
		w, rest, _ := strings.Cut(s, " ")
		if w != "" && w != "&" && !corporateSuffixes[w] {
			return false
		}
		s = rest
	}
	return true
}

// descriptors are words an organisation's name may end with or go
// without: "Apple Computer" is Apple, "AirTran Airways" AirTran, "NPD
// Group" NPD.
var descriptors = map[string]bool{"airlines": true, "airways": true, "group": true, "computer": true,
	"computers": true, "motors": true, "motor": true, "holdings": true, "international": true,
	"systems": true, "technologies": true, "communications": true, "industries": true}

// weakCores are words that open the names of many unrelated companies,
// so that what is left of a name without its descriptor says nothing of
// which one: "American Motors" and "American Airlines".
var weakCores = map[string]bool{"united": true, "american": true, "general": true, "national": true,
	"international": true, "continental": true, "first": true, "pacific": true, "atlantic": true,
	"southern": true, "northern": true, "eastern": true, "western": true, "central": true, "royal": true,
	"standard": true, "allied": true, "consolidated": true, "federal": true, "global": true, "new": true,
	"great": true, "british": true, "universal": true, "public": true, "mutual": true, "capital": true,
	"trans": true, "world": true, "china": true, "japan": true, "canadian": true, "european": true}

// OrgCore returns an organisation's name without its legal form, without
// the descriptor words it ends with ("aer lingus group plc" → "aer
// lingus", unless only a word of weakCores would be left: then the last
// descriptor stays, in the singular) and without a
// leading "US" or "UK" ("us federal reserve" → "federal reserve"); ""
// when nothing would be left.
func OrgCore(key string) string {
	base, _ := StripCorporate(key)
	ws := Words(base)
	full := ws
	for len(ws) > 1 && descriptors[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 1 && weakCores[ws[0]] && len(full) > 1 {
		// "United Airlines", "United Technologies" and "United Motor"
		// are three companies: the word left says nothing, so the
		// descriptor stays, in the singular ("General Motor" is a slip
		// for General Motors).
		ws = append([]string(nil), full...)
		ws[len(ws)-1] = strings.TrimSuffix(ws[len(ws)-1], "s")
	}
	// "US Federal Reserve", "UK Ministry of Defence": the country the
	// news writes before a national institution of its own.
	if len(ws) > 2 && (ws[0] == "us" || ws[0] == "uk") {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return ""
	}
	return strings.Join(ws, " ")
}
