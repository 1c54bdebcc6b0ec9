package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"dateline/graph/sharedtest"
)

// TestCapitalsTable checks lexicon/capitals.tsv against the world-countries
// data it is made from, and rewrites it with -update:
//
//	go test ./graph/extract/quote -run TestCapitalsTable -update
func TestCapitalsTable(t *testing.T) {
	src := filepath.Join(sharedtest.Path(t, "corpora/gazetteer"), "world-countries-5.1.0.countries.json")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var countries []struct {
		CCA2    string   `json:"cca2"`
		Capital []string `json:"capital"`
	}
	if err := json.Unmarshal(b, &countries); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	var lines []string
	for _, c := range countries {
		for _, cap := range c.Capital {
			lines = append(lines, c.CCA2+"\t"+cap)
		}
	}
	sort.Strings(lines)
	want := "# Capitals of the world's countries: ISO 3166-1 alpha-2 code, a tab, the\n" +
		"# capital. Made from world-countries 5.1.0 (Mohammed Le Doze, ODbL 1.0) by\n" +
		"#   go test ./graph/extract/quote -run TestCapitalsTable -update\n" +
		strings.Join(lines, "\n") + "\n"
	path := filepath.Join("lexicon", "capitals.tsv")
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if capitalsFile != want {
		t.Errorf("%s differs from %s; run the command in this test's comment", path, src)
	}
}

func TestCapitalOf(t *testing.T) {
	for name, want := range map[string]string{"Moscow": "RU", "Kyiv": "UA", "Washington, D.C.": "US", "London": "GB", "Kharkiv": "", "Donetsk": "", "": ""} {
		if got := CapitalOf(name); got != want {
			t.Errorf("CapitalOf(%q) = %q, want %q", name, got, want)
		}
	}
}
