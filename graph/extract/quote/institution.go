package quote

import (
	_ "embed"
	"strings"

	"dateline/graph"
	"dateline/graph/names"
)

// Institution is a state institution that speaks: a seat that names one
// country's institution ("the Kremlin"), a body every state has, of a
// country the text names ("Russia's defence ministry", "the Ukrainian
// general staff"), or a country's government itself ("the Russian
// government", which the article's graph credits to the country).
type Institution struct {
	// Name is the institution's name without its country ("Kremlin",
	// "Ministry of Defence", "General Staff of the Armed Forces"), or ""
	// for a government, which is its country.
	Name string
	// Country is the ISO 3166-1 alpha-2 code of the institution's country
	// ("RU"), "" when neither the lexicon nor the text says which.
	Country string
	// Seat is true when Name is the whole name ("Kremlin", "White House"),
	// false when the full name is Name of the country ("Ministry of
	// Defence of Russia").
	Seat bool
}

// Government reports whether the institution is a country's government,
// which speaks as the country.
func (in *Institution) Government() bool { return in != nil && in.Name == "" }

//go:embed lexicon/institutions.txt
var institutionsFile string

// institutionWords is the institution lexicon: phrase (names.Key form) →
// the institution it names, Country set for seats only. maxPhrase is the
// longest phrase in words. Both are read-only after initialisation.
var institutionWords, maxPhrase = parseInstitutions(institutionsFile)

// parseInstitutions reads lexicon/institutions.txt. It panics on a
// malformed line, a defect of the embedded file that the tests catch.
func parseInstitutions(s string) (map[string]Institution, int) {
	m := map[string]Institution{}
	longest := 0
	for _, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		var in Institution
		switch {
		case f[0] == "seat" && len(f) == 4 && len(f[2]) == 2:
			in = Institution{Name: f[3], Country: f[2], Seat: true}
		case f[0] == "body" && len(f) == 3:
			in = Institution{Name: f[2]}
		case f[0] == "govt" && len(f) == 2:
		default:
			panic("quote: lexicon/institutions.txt: malformed line " + line)
		}
		if names.Key(f[1]) != f[1] {
			panic("quote: lexicon/institutions.txt: phrase not in key form: " + f[1])
		}
		m[f[1]] = in
		longest = max(longest, len(strings.Fields(f[1])))
	}
	return m, longest
}

// institution reads the speaker words at tokens [a,b) as a state
// institution: the longest lexicon phrase among them, and the country
// that a name or nationality word among them gives ("Russia's", "the
// Ukrainian", "of Ukraine"). Seats keep their lexicon country. It returns
// nil when no phrase matches, and for a body or government whose country
// the words do not give (the caller may find it earlier in the text).
func (d *doc) institution(a, b int) (in *Institution, phrase string) {
	var words []string
	var country string
	head := -1 // index in words of the head: the last word before a preposition, else the last
	for k := a; k < b; k++ {
		t := d.toks[k]
		if c := d.countryOf(k); c != "" {
			if country == "" {
				country = c
			}
			if m := t.ment; m >= 0 && d.mentions[m].Kind != graph.Org {
				k = d.mtok[m][1] - 1 // "United States": one country
			}
			words = append(words, "\x00") // a country breaks a phrase: "defence ministry of Russia"
			continue
		}
		if linkPreps[t.lower] && head < 0 && len(words) > 0 {
			head = len(words) - 1
		}
		if key := names.Key(t.text); key != "" && key != "s" {
			words = append(words, strings.Fields(key)...)
		}
	}
	if head < 0 {
		head = len(words) - 1
	}
	best, bestAt := "", -1
	for i := range words {
		for n := min(maxPhrase, len(words)-i); n > 0 && n > len(strings.Fields(best)); n-- {
			if i > head || i+n <= head {
				continue // the phrase must hold the head: not "the Kremlin leader"
			}
			p := strings.Join(words[i:i+n], " ")
			if _, ok := institutionWords[p]; ok {
				best, bestAt = p, i
				break
			}
		}
	}
	generic := ministry(words, head)
	if bestAt < 0 || generic != "" && strings.HasPrefix(best, "ministry") && len(strings.Fields(generic)) > len(strings.Fields(institutionWords[best].Name)) {
		if generic != "" {
			return &Institution{Name: generic, Country: country}, strings.ToLower(generic)
		}
		return nil, "" // "the ministry of energy and mines" is more than the lexicon's "ministry of energy"
	}
	found := institutionWords[best]
	if !found.Seat {
		found.Country = country
	}
	return &found, best
}

// ministry names a ministry the lexicon does not list, from the words of
// a speaker whose head is "ministry": "the energy ministry" and "the
// ministry of energy and mines" become "Ministry of Energy" and "Ministry
// of Energy and Mines". A country ("\x00") ends the words. It returns ""
// for other words.
func ministry(words []string, head int) string {
	if head < 0 || head >= len(words) {
		return ""
	}
	var of []string
	switch {
	case words[head] == "ministry" && head+1 < len(words) && words[head+1] == "of":
		for _, w := range words[head+2:] {
			if w == "\x00" || w == "said" {
				break
			}
			of = append(of, w)
		}
	case words[head] == "ministry":
		for i := head - 1; i >= 0 && head-i <= 3; i-- {
			w := words[i]
			if w == "\x00" || determiners[w] || function[w] || w == "s" {
				break
			}
			of = append([]string{w}, of...)
		}
	}
	if len(of) == 0 || len(of) > 5 {
		return ""
	}
	for i, w := range of {
		if w != "and" && w != "of" && w != "the" {
			of[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return "Ministry of " + strings.Join(of, " ")
}

// countryOf returns the ISO code of the country that token k names, by
// itself or as part of its name mention ("Russia", "Russian", "Russia's",
// "United States"), or "" when Options.Country is unset or it names none.
func (d *doc) countryOf(k int) string {
	if d.opts.Country == nil {
		return ""
	}
	t := d.toks[k]
	if m := t.ment; m >= 0 && d.mentions[m].Kind != graph.Org {
		kind := d.mentions[m].Kind
		if kind != graph.Place && kind != graph.Misc {
			return ""
		}
		r := d.mtok[m]
		return d.country(d.span(r[0], r[1]-1).Of(d.text))
	}
	if !t.upper {
		return ""
	}
	return d.country(strings.TrimSuffix(strings.TrimSuffix(t.text, "'s"), "’s"))
}

// country is Options.Country, remembered for each word of the text.
func (d *doc) country(w string) string {
	if d.opts.Country == nil {
		return "" // Find with no gazetteer knows no country
	}
	if c, ok := d.countries[w]; ok {
		return c
	}
	if d.countries == nil {
		d.countries = map[string]string{}
	}
	c := d.opts.Country(w)
	d.countries[w] = c
	return c
}

//go:embed lexicon/capitals.tsv
var capitalsFile string

// capitals maps a capital's name (names.Key form) to its country's ISO
// code, from lexicon/capitals.tsv. Read-only after initialisation.
var capitals = parseCapitals(capitalsFile)

// parseCapitals reads "CC<TAB>Capital" lines, # comments. It panics on a
// malformed line, a defect of the embedded file that the tests catch.
func parseCapitals(s string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		cc, name, ok := strings.Cut(line, "\t")
		if !ok || len(cc) != 2 || name == "" {
			panic("quote: lexicon/capitals.tsv: malformed line " + line)
		}
		m[names.Key(name)] = cc
	}
	return m
}

// CapitalOf returns the ISO 3166-1 alpha-2 code of the country whose
// capital is called name ("Moscow", "Kyiv" → "RU", "UA"), or "". A
// capital that speaks ("Moscow said") speaks for its country's government.
func CapitalOf(name string) string { return capitals[names.Key(name)] }
