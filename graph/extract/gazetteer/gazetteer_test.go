package gazetteer

import (
	"bytes"
	"compress/gzip"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dateline/graph/sharedtest"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name    string
		id      int64
		country string
		ok      bool
	}{
		{"Kyiv", 703448, "UA", true},
		{"Kiev", 703448, "UA", true},
		{"kiev", 703448, "UA", true},
		{"Moscow", 524901, "RU", true}, // the capital, not Moscow, Idaho
		{"São Paulo", 3448439, "BR", true},
		{"Ukraine", 0, "UA", true},
		{"the United States", 0, "US", true},
		{"US", 0, "US", true},
		{"America", 0, "US", true}, // what news means by it; the continents are North and South America
		{"Germany", 0, "DE", true},
		{"Côte d’Ivoire", 0, "CI", true},
		{"Donbas", 0, "UA", true}, // from the curated regions, not GeoNames
		{"us", 0, "", false},      // a pronoun, not a country
		{"Nowhereville Xyz", 0, "", false},
	}
	tab := mustDefault(t)
	for _, tt := range tests {
		g, ok := tab.Lookup(tt.name)
		if ok != tt.ok || g.GeonameID != tt.id || g.Country != tt.country {
			t.Errorf("Lookup(%q) = %+v, %v; want id %d country %q, %v", tt.name, g, ok, tt.id, tt.country, tt.ok)
		}
	}
	g, _ := tab.Lookup("Kyiv")
	if g.Lat < 50 || g.Lat > 51 || g.Lon < 30 || g.Lon > 31 {
		t.Errorf("Kyiv at %v,%v, want about 50.45,30.52", g.Lat, g.Lon)
	}
	for name, want := range map[string]string{"Odessa": "UA", "Odesa": "UA", "Florida": "US", "Kharkov": "UA", "Kiev": "UA"} {
		if e, ok := tab.Entry(name); !ok || e.Geo.Country != want {
			t.Errorf("Entry(%s) = %s %s, want a place in %s", name, e.Name, e.Geo.Country, want)
		}
	}
	if e, _ := tab.Entry("Bethlehem"); e.Name != "Bethlehem" {
		t.Errorf("Entry(Bethlehem) = %s %s, want a town named Bethlehem (Belém only translates it)", e.Name, e.Geo.Country)
	}
	for _, name := range []string{"Washington", "New York", "Salzburg"} {
		if e, _ := tab.Entry(name); e.Kind != City {
			t.Errorf("Entry(%s) = %s (kind %d), want the city", name, e.Name, e.Kind)
		}
	}
	if e, _ := tab.Entry("Florida"); e.Kind != Region {
		t.Errorf("Entry(Florida) = %s (kind %d), want the US state", e.Name, e.Kind)
	}
	// GUM's voyage and news texts on Tulsa: "Oklahoma" is the state that
	// Oklahoma City (GeoNames' alternate name "Oklahoma") is named after;
	// "New York" stays the city of millions.
	for name, want := range map[string]Kind{"Oklahoma": Region, "Oklahoma City": City, "New York": City} {
		if e, _ := tab.Entry(name); e.Kind != want {
			t.Errorf("Entry(%s) = %s (kind %d), want kind %d", name, e.Name, e.Kind, want)
		}
	}
	// GeoNames lists "Google" among Topeka's alternate names and "Ie"
	// among Iyo's: an untyped name or an acronym is not read as those.
	if e, ok := tab.Named("Google"); ok {
		t.Errorf("Named(Google) = %s, want no place", e.Name)
	}
	if e, ok := tab.Entry("IE"); ok {
		t.Errorf("Entry(IE) = %s, want no place", e.Name)
	}
	if e, ok := tab.Named("Topeka"); !ok || e.Geo.Country != "US" {
		t.Errorf("Named(Topeka) = %s, %v", e.Name, ok)
	}
	if e, ok := tab.Entry("Eastern Europe"); !ok || e.Kind != Region {
		t.Errorf("Entry(Eastern Europe) = %+v, %v; want a region", e, ok)
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"French", "FR", true},
		{"Russian", "RU", true},
		{"Ukrainian", "UA", true},
		{"Ukrainians", "UA", true},
		{"American", "US", true},
		{"US", "US", true},
		{"British", "GB", true},
		{"table", "", false},
		{"us", "", false},
	}
	tab := mustDefault(t)
	for _, tt := range tests {
		got, ok := tab.Demonym(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Demonym(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func mustDefault(t *testing.T) *Table {
	t.Helper()
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// TestEmbeddedIsCurrent rebuilds the table from the shared corpora and
// checks that the embedded file is what Build produces.
func TestEmbeddedIsCurrent(t *testing.T) {
	corpora := filepath.Dir(sharedtest.Path(t, "corpora/gazetteer"))
	var a, b bytes.Buffer
	if err := Build(context.Background(), corpora, &a); err != nil {
		t.Fatal(err)
	}
	if err := Build(context.Background(), corpora, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("Build is not deterministic")
	}
	ta, err := Read(&a)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(ta.Entries()), len(mustDefault(t).Entries()); got != want {
		t.Errorf("rebuilt table has %d entries, embedded %d: run dateline train gazetteer", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := Read(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("Read of non-gzip data: want error")
	}
}

func BenchmarkLookup(b *testing.B) {
	tab, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		tab.Lookup("Kiev")
	}
}

func TestInstitution(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{{"Kremlin", true}, {"the White House", true}, {"Pentagon", true}, {"Moscow", false}, {"House", false}}
	for _, tt := range tests {
		if got := Institution(tt.name); got != tt.want {
			t.Errorf("Institution(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte("C\t0\t49\t32\tUA\t0\tUkraine|Ukrayina\tUkrainian\nP\t703448\t50.45\t30.52\tUA\t2797553\tKyiv|Kiev\t\n"))
	zw.Close()
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, in []byte) {
		tab, err := Read(bytes.NewReader(in))
		if err != nil {
			return
		}
		for _, e := range tab.Entries() {
			tab.Lookup(e.Name)
		}
	})
}

// TestUSStates: the AP's abbreviations after a town ("ORLANDO, Fla.") are
// the states, and a US state's bare name is the state, not a smaller
// town abroad ("Virginia" was Virginia, South Africa). A city elsewhere
// keeps its name against a region of another country ("Savannah" is
// Savannah, Georgia, not the Ghanaian region).
func TestUSStates(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for abbr := range apStates {
		// "Ga.", "Wash." and "N.Y." too, though the table gives
		// "Georgia", "Washington" and "New York" to the country, the
		// capital and the city; and in a dateline's capitals ("CONN.").
		for _, a := range []string{abbr, strings.ToUpper(abbr)} {
			if e, ok := g.Entry(a); !ok || e.Kind != Region || e.Geo.Country != "US" {
				t.Errorf("Entry(%q) = %v %v %q, want a US state", a, ok, e.Kind, e.Name)
			}
		}
	}
	if name, ok := USState("OK"); !ok || name != "Oklahoma" {
		t.Errorf("USState(OK) = %q %v", name, ok)
	}
	if !IsUSState("Georgia") || IsUSState("Bavaria") {
		t.Errorf("IsUSState misreads Georgia or Bavaria")
	}
	for _, n := range []string{"Virginia", "Colorado", "Montana", "Indiana"} {
		if e, ok := g.Entry(n); !ok || e.Kind != Region || e.Geo.Country != "US" {
			t.Errorf("Entry(%q) = %v %v %s, want the US state", n, ok, e.Kind, e.Geo.Country)
		}
	}
	for n, country := range map[string]string{"Savannah": "US", "Bari": "IT", "Münster": "DE", "Salzburg": "AT"} {
		if e, ok := g.Entry(n); !ok || e.Kind != City || e.Geo.Country != country {
			t.Errorf("Entry(%q) = %v %v %s, want the city in %s", n, ok, e.Kind, e.Geo.Country, country)
		}
	}
}

// TestInAndAlias: a town's country picks among the towns of one name
// (the table's "Cambridge" is England's, Cambridge in the US is
// Massachusetts'), and a city's other names that are no spelling of its
// own are aliases ("Google" is among Topeka's names in GeoNames).
func TestInAndAlias(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := g.Entry("Cambridge"); !ok || e.Geo.Country != "GB" {
		t.Fatalf("Cambridge = %+v, %v; want England's", e.Geo, ok)
	}
	if e, ok := g.In("Cambridge", "US"); !ok || e.Geo.GeonameID != 4931972 {
		t.Errorf("Cambridge in the US = %+v, %v; want 4931972 (Massachusetts)", e.Geo, ok)
	}
	if e, ok := g.In("Paris", "FR"); !ok || e.Kind != City || e.Geo.Country != "FR" {
		t.Errorf("Paris in France = %+v, %v", e, ok)
	}
	if _, ok := g.In("Cambridge", "JP"); ok {
		t.Error("a Cambridge in Japan")
	}
	for name, want := range map[string]bool{"Google": true, "Leningrad": false, "Kiev": false, "Cambridge": false, "Al Mukalla": false} {
		if got := g.Alias(name); got != want {
			t.Errorf("Alias(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestLeadersAreNoPlaces: GeoNames keeps the names Soviet cities bore
// after people among their alternate names; the press releases' "Stalin"
// was Donetsk. A city that bears such a name as its own keeps it.
func TestLeadersAreNoPlaces(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Stalin", "Zhdanov", "Lenin"} {
		if e, ok := g.Entry(n); ok {
			t.Errorf("Entry(%q) = %s, %s, want no place", n, e.Name, e.Geo.Country)
		}
	}
	if e, ok := g.Entry("Kirov"); !ok || e.Geo.Country != "RU" {
		t.Errorf("Entry(Kirov) = %v %+v, want the Russian city", ok, e)
	}
}

// TestDistrictOfColumbia: "D.C." and "DC" alone are the capital, which
// GeoNames names only with "Washington" (PolNeAR's "D.C. statehood").
func TestDistrictOfColumbia(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"D.C.", "DC"} {
		e, ok := g.Entry(n)
		if !ok || e.Geo.Country != "US" || e.Name != "Washington, D.C." {
			t.Errorf("Entry(%q) = %v, %v", n, e.Name, ok)
		}
	}
}

// TestStateOfCity: "Washington State" (GUM's Fort Lee guide) and "New
// York State" are the states the bare names, the cities, are not; "Ohio
// State" is a university and no place of the table.
func TestStateOfCity(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Washington State", "New York State"} {
		e, ok := g.Entry(n)
		if !ok || e.Kind != Region || e.Geo.Country != "US" {
			t.Errorf("Entry(%q) = %q %v, %v; want the US state", n, e.Name, e.Kind, ok)
		}
	}
	if e, ok := g.Entry("Ohio State"); ok && e.Kind == Region {
		t.Errorf("Ohio State is the state %q", e.Name)
	}
}
