// Package gazetteer links place names to their GeoNames entry (id,
// coordinates, country) and nationality words to their country
// ("French" → FR), from a compact table embedded in the binary.
//
// The table is generated from the shared corpora by Build ("dateline train
// gazetteer"): the 250 countries of world-countries (common, official and
// alternative names, ISO codes, coordinates, English demonyms), the GeoNames
// cities with more than 15,000 inhabitants (or capitals) with their
// Latin-script alternate names, GeoNames' first-level administrative
// regions, the world regions the countries belong to ("Eastern Europe"),
// and a short curated list of regions GeoNames lacks (data/regions.tsv:
// Donbas, Crimea, the Balkans…). Countries win over cities of the same name, and among cities the
// most populous wins, which is what news text usually means ("Moscow" is
// the Russian capital, not Moscow, Idaho).
//
// Data credits: GeoNames (CC BY 4.0), world-countries by Mohammed Le Doze
// (ODbL 1.0).
package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"dateline/graph"
	"dateline/graph/names"
)

// Kind says what sort of place an entry is.
type Kind uint8

// Entry kinds, in order of preference when names collide.
const (
	Country Kind = iota + 1
	City
	Region
)

// Entry is one place of the table.
type Entry struct {
	Kind       Kind
	Geo        graph.GeoRef
	Population int64
	Name       string   // preferred name
	Names      []string // every name the entry answers to, Name first
	Demonyms   []string // countries only: English demonyms ("Ukrainian")
}

// Table is a loaded gazetteer. It is read-only and safe for concurrent use.
type Table struct {
	entries  []Entry
	byName   map[string]int // normalised name → best entry
	exact    map[string]int // upper-case codes that match only as written ("US", "UK")
	demonyms map[string]int // normalised demonym → country entry
	codes    map[string]int // ISO 3166-1 alpha-2 code → country entry
	// alternate holds the names whose entry answers to them only by a
	// city's alternate name (GeoNames lists "Google" for Topeka and
	// "Florida" for Floridablanca): a place's own name takes such a name
	// over, and Named does not answer to it.
	alternate map[string]bool
	// towns holds every city and first-level region under each of its
	// own names, best first, for In: the table's one entry a name is the
	// biggest town, and "Cambridge, Massachusetts" needs the others.
	towns map[string][]int
}

//go:embed data/gazetteer.tsv.gz
var embedded []byte

var (
	once     sync.Once
	defTable *Table
	defErr   error
)

// Default returns the embedded table, decoded on the first call.
func Default() (*Table, error) {
	once.Do(func() {
		defTable, defErr = Read(bytes.NewReader(embedded))
		if defErr != nil {
			defErr = fmt.Errorf("gazetteer: load embedded table: %w", defErr)
		}
	})
	return defTable, defErr
}

// normalise folds case and apostrophes and collapses white space so that
// "Côte d’Ivoire" and "côte d'ivoire" meet.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '’' || r == '‘':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	n := b.String()
	// "St Petersburg", "St. Petersburg" and "Saint Petersburg" are one
	// name: places write the saint both ways.
	for _, st := range []string{"st. ", "st "} {
		if strings.HasPrefix(n, st) {
			n = "saint " + n[len(st):]
			break
		}
	}
	return n
}

// isCode reports whether a name is a short upper-case code ("US", "UKR"),
// which matches only as written so that "us" and "in" are not countries.
func isCode(s string) bool {
	if len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// Lookup returns the gazetteer link of a place name: a country if one has
// the name (common, official or alternative), else a world or curated
// region, else the most populous city with that name or alternate name,
// else a first-level region. Only cities carry a GeoNames id; countries
// and regions carry coordinates and, where they have one, a country code.
func (t *Table) Lookup(name string) (graph.GeoRef, bool) {
	if i, ok := t.exact[strings.TrimSpace(name)]; ok {
		return t.entries[i].Geo, true
	}
	if isCode(strings.TrimSpace(name)) {
		return graph.GeoRef{}, false
	}
	n := normalise(name)
	if strings.HasPrefix(n, "the ") {
		if i, ok := t.byName[n[4:]]; ok {
			return t.entries[i].Geo, true
		}
	}
	if i, ok := t.byName[n]; ok {
		return t.entries[i].Geo, true
	}
	return graph.GeoRef{}, false
}

// Entry returns the entry a name resolves to, as Lookup does.
func (t *Table) Entry(name string) (Entry, bool) {
	w := strings.TrimSpace(name)
	if w == "D.C." || w == "DC" {
		// The capital's district, alone ("moved to D.C."): GeoNames has
		// only "Washington, D.C." and "Washington DC".
		w = "Washington, D.C."
	}
	if e, ok := t.stateOfCity(w); ok {
		return e, true
	}
	if e, ok := t.apState(w); ok {
		return e, true // "Fla." after a town is Florida
	}
	if i, ok := t.exact[w]; ok {
		return t.entries[i], true
	}
	if isCode(w) {
		// An acronym is not a place's name in other letters: "IE" is
		// not Ie, Japan.
		return Entry{}, false
	}
	if i, ok := t.byName[normalise(w)]; ok {
		return t.entries[i], true
	}
	return Entry{}, false
}

// stateOfCity answers "Washington State" and "New York State": the US
// state whose bare name the table gives to a city, which "State" tells
// apart. Other "X State" names are universities ("Ohio State", "Penn
// State") and are left alone.
func (t *Table) stateOfCity(name string) (Entry, bool) {
	stem, ok := strings.CutSuffix(name, " State")
	if !ok || !IsUSState(stem) {
		return Entry{}, false
	}
	if i, ok := t.byName[normalise(stem)]; !ok || t.entries[i].Kind != City {
		return Entry{}, false
	}
	return t.usState(stem)
}

// Named is Entry for a name of no known kind: it answers only to a
// place's own name (any name of a country or a region, a city's name),
// not to a city's alternate names, so that a product or a company the
// tagger could not type ("Google", an alternate name of Topeka) does not
// become a place.
func (t *Table) Named(name string) (Entry, bool) {
	if t.alternate[normalise(name)] {
		return Entry{}, false
	}
	return t.Entry(name)
}

// Alias reports whether a name is only another name of a town, neither
// its own name nor another spelling or a part of it: "Google", which
// GeoNames lists for Topeka, "Acropolis" for Little Rock; not "Kiev" for
// Kyiv, "Al Mukalla" for Mukalla or "Washington City" (a name that starts
// with the city's), nor a former name of a city of millions ("Leningrad"
// is Saint Petersburg).
func (t *Table) Alias(name string) bool {
	k := normalise(name)
	i, ok := t.byName[k]
	if !ok || !t.alternate[k] {
		return false
	}
	if t.entries[i].Population >= aliasKeepingCity {
		return false
	}
	own := t.entries[i].Name
	first := func(s string) string { f, _, _ := strings.Cut(names.Key(s), " "); return f }
	return !spelling(name, own) && !spelling(own, name) && first(name) != first(own) // "Washington City" is Washington, D.C.
}

// leaders are people Soviet cities were named after, whose names GeoNames
// keeps among those cities' alternate names ("Stalin" for Donetsk,
// "Zhdanov" for Mariupol, "Gorky" for Nizhny Novgorod): in the news they
// are the people. A city that still bears the name ("Kirov") keeps it as
// its own.
var leaders = map[string]bool{"stalin": true, "lenin": true, "kirov": true, "gorky": true, "gorki": true,
	"kalinin": true, "brezhnev": true, "andropov": true, "zhdanov": true, "frunze": true, "voroshilov": true,
	"molotov": true, "kuybyshev": true, "kuibyshev": true, "chkalov": true, "ordzhonikidze": true,
	"kaganovich": true, "dzerzhinsky": true, "dzerzhinskiy": true, "chernenko": true, "ustinov": true,
	"shevchenko": true, "sverdlov": true, "kotovsky": true, "artyom": true}

// IsLeader reports whether a name is one of the leaders Soviet cities were
// named after ("Stalin", "Zhdanov"): a tagger that reads it as a place,
// from the cities' old names, has a person before it.
func IsLeader(name string) bool { return leaders[normalise(name)] }

// aliasKeepingCity is the population from which a city's other names
// are taken as its: a city of millions is known by its former names, a
// town's GeoNames alternates are as often a company's or a word.
const aliasKeepingCity = 1000000

// Demonym returns the ISO 3166-1 alpha-2 code of the country a nationality
// word belongs to ("French" → "FR", "Ukrainians" → "UA"). Upper-case
// country codes used as adjectives ("US officials") count too.
func (t *Table) Demonym(word string) (string, bool) {
	w := strings.TrimSpace(word)
	if isCode(w) {
		if i, ok := t.exact[w]; ok && t.entries[i].Kind == Country {
			return t.entries[i].Geo.Country, true
		}
	}
	n := normalise(w)
	if i, ok := t.demonyms[n]; ok {
		return t.entries[i].Geo.Country, true
	}
	if strings.HasSuffix(n, "s") {
		if i, ok := t.demonyms[n[:len(n)-1]]; ok {
			return t.entries[i].Geo.Country, true
		}
	}
	return "", false
}

// Entries returns every entry of the table, in file order: countries,
// world regions, the curated regions, cities by decreasing population,
// first-level administrative regions. The slice is
// shared; callers must not modify it.
func (t *Table) Entries() []Entry { return t.entries }

// Read decodes a table written by Build: gzip over tab-separated lines
// "kind geonameid lat lon country population names demonyms", where names
// and demonyms are "|"-separated.
func Read(r io.Reader) (*Table, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: read: %w", err)
	}
	t := &Table{byName: map[string]int{}, exact: map[string]int{}, demonyms: map[string]int{}, codes: map[string]int{}, alternate: map[string]bool{},
		towns: map[string][]int{}}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 8 {
			return nil, fmt.Errorf("gazetteer: read line %d: %d fields, want 8", line, len(f))
		}
		var e Entry
		switch f[0] {
		case "C":
			e.Kind = Country
		case "P":
			e.Kind = City
		case "A":
			e.Kind = Region
		default:
			return nil, fmt.Errorf("gazetteer: read line %d: unknown kind %q", line, f[0])
		}
		var errs [4]error
		e.Geo.GeonameID, errs[0] = strconv.ParseInt(f[1], 10, 64)
		e.Geo.Lat, errs[1] = strconv.ParseFloat(f[2], 64)
		e.Geo.Lon, errs[2] = strconv.ParseFloat(f[3], 64)
		e.Geo.Country = f[4]
		e.Population, errs[3] = strconv.ParseInt(f[5], 10, 64)
		for _, err := range errs {
			if err != nil {
				return nil, fmt.Errorf("gazetteer: read line %d: %w", line, err)
			}
		}
		e.Names = strings.Split(f[6], "|")
		e.Name = e.Names[0]
		if f[7] != "" {
			e.Demonyms = strings.Split(f[7], "|")
		}
		t.add(e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: read: %w", err)
	}
	return t, nil
}

// add indexes an entry. Entries arrive in preference order, so the first
// entry to claim a name keeps it, with two exceptions. A name claimed only
// as a city's alternate name goes to a later city whose own name it is,
// unless the alternate is another spelling of the first city's name and
// that city has five times the people ("Odessa" stays Odesa's, not Odessa,
// Texas'; "Bethlehem" is Bethlehem, not Belém, which Portuguese names
// after it). And a first-level region takes its name from a
// smaller city: one of under 500,000 people that has it as an alternate
// name, or under 100,000 that has it as its own ("Florida" is the US
// state, neither Floridablanca, which GeoNames also calls Florida, nor
// Florida, Cuba; "Washington" stays the capital, "Salzburg" the city),
// or, for a state of federalStates, a city of under a million people in
// another country ("Virginia" is the US state, not Virginia, South
// Africa).
// The region has no coordinates, which is the price of naming the place
// news means.
func (t *Table) add(e Entry) {
	i := len(t.entries)
	t.entries = append(t.entries, e)
	for j, n := range e.Names {
		if isCode(n) {
			if _, ok := t.exact[n]; !ok {
				t.exact[n] = i
			}
			continue
		}
		k := normalise(n)
		alt := e.Kind == City && j > 0 && !asciiForm(n, e.Names[0])
		if alt && leaders[k] {
			continue // "Stalin" is the dictator, not Donetsk
		}
		if e.Kind != Country && !alt && (len(t.towns[k]) == 0 || t.towns[k][len(t.towns[k])-1] != i) {
			t.towns[k] = append(t.towns[k], i)
		}
		held, ok := t.byName[k]
		switch {
		case !ok:
			t.byName[k] = i
			if alt {
				t.alternate[k] = true
			}
		case t.alternate[k] && e.Kind == City && !alt && (5*e.Population >= t.entries[held].Population || !spelling(n, t.entries[held].Name)),
			e.Kind == Region && t.regionTakes(k, t.entries[held], e):
			t.byName[k] = i
			delete(t.alternate, k)
		}
	}
	for _, d := range e.Demonyms {
		k := normalise(d)
		if _, ok := t.demonyms[k]; !ok {
			t.demonyms[k] = i
		}
	}
	if e.Kind == Country && e.Geo.Country != "" {
		if _, ok := t.codes[e.Geo.Country]; !ok {
			t.codes[e.Geo.Country] = i
		}
	}
}

// A city keeps a name against a first-level region of that name from
// these populations on, by whether the name is its own or an alternate
// one (see add).
const (
	cityKeepsOwnName       = 100000
	cityKeepsAlternateName = 500000
	cityKeepsQualifiedName = 1000000 // the bare name of "X City" (see regionTakes)
	cityKeepsForeignName   = 1000000 // against a state of federalStates in another country
)

// federalStates are the countries whose first-level regions English news
// names bare, as places of their own ("Virginia", "Ontario", "Victoria"):
// such a state takes its name from a smaller city abroad. Elsewhere the
// city keeps it ("Savannah" is not the Ghanaian region, "Bari" not the
// Somali one).
var federalStates = map[string]bool{"US": true, "CA": true, "AU": true}

// regionTakes reports whether a first-level region takes name k from the
// entry holding it.
func (t *Table) regionTakes(k string, held Entry, region Entry) bool {
	if held.Kind != City {
		return false
	}
	if federalStates[region.Geo.Country] && held.Geo.Country != region.Geo.Country && held.Population < cityKeepsForeignName {
		// "Virginia" is the US state, not Virginia, South Africa.
		return true
	}
	if t.alternate[k] {
		if normalise(held.Name) == k+" city" {
			// "Oklahoma" is the state Oklahoma City is named after (and
			// "Quebec" the province), though GeoNames lists the bare name
			// for the city: only a city of millions keeps it.
			return held.Population < cityKeepsQualifiedName
		}
		return held.Population < cityKeepsAlternateName
	}
	return held.Population < cityKeepsOwnName
}

// spelling reports whether alt is another spelling of name (Kiev and
// Kyiv, Odessa and Odesa) or a part of it (Petersburg and Saint
// Petersburg) rather than another name for it (Bethlehem and Belém).
func spelling(alt, name string) bool {
	a, n := names.Key(alt), names.Key(name)
	return names.Distance(a, n, 2) <= 2 || strings.HasPrefix(n, a+" ") || strings.HasSuffix(n, " "+a)
}

// asciiForm reports whether alt is the city's own name rather than an
// alternate one: name written without its accents (GeoNames' "asciiname":
// "Sao Paulo" for "São Paulo") or without its qualifier ("Washington" for
// "Washington, D.C.").
func asciiForm(alt, name string) bool {
	if base, _, ok := strings.Cut(name, ","); ok && names.Key(alt) == names.Key(base) {
		return true
	}
	return names.Key(alt) == names.Key(name)
}

// In returns the place of a name in one country, for a town written with
// its state or country ("Cambridge, Massachusetts", "A Coruña, Spain"):
// the country itself when the name is the country's, else the most
// populous city of that country with the name as its own, else a
// first-level region of it with the name.
func (t *Table) In(name, country string) (Entry, bool) {
	if e, ok := t.Entry(name); ok && e.Geo.Country == country {
		return e, true
	}
	for _, i := range t.towns[normalise(name)] {
		if t.entries[i].Geo.Country == country {
			return t.entries[i], true
		}
	}
	return Entry{}, false
}

// Country returns the country with an ISO 3166-1 alpha-2 code ("FR"). The
// codes are not names: "GM" in a text is General Motors, so Entry does not
// answer to them.
func (t *Table) Country(code string) (Entry, bool) {
	i, ok := t.codes[code]
	if !ok {
		return Entry{}, false
	}
	return t.entries[i], true
}
