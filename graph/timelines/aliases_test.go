package timelines

import (
	"reflect"
	"testing"
)

func TestAliases(t *testing.T) {
	// Words the corpus writes in lower case are no names on their own.
	lower := map[string]bool{"airlines": true, "force": true, "general": true, "eastern": true, "exchange": true, "stock": true, "industrial": true}
	tests := map[string][]string{
		"Boeing 787 Dreamliner":        {"Boeing 787 Dreamliner", "787 Dreamliner", "Dreamliner", "787"},
		"Airbus A380":                  {"Airbus A380", "A380"},
		"United States Air Force":      {"United States Air Force", "USAF", "United States", "United"},
		"US Federal Reserve":           {"US Federal Reserve", "U.S. Federal Reserve", "Federal Reserve", "Reserve", "Federal"},
		"Bank of America":              {"Bank of America", "BA", "Bank"},
		"Louis Gallois":                {"Louis Gallois", "LG", "Gallois", "Louis"},
		"NIKKEI 225":                   {"NIKKEI 225", "NIKKEI"},
		"S&P 500":                      {"S&P 500", "S&P"},
		"FTSE 100 index":               {"FTSE 100 index", "FTSE 100", "FTSE"},
		"Dow Jones Industrial Average": {"Dow Jones Industrial Average", "Dow Jones Industrial", "DJIA", "Dow Jones", "Dow"},
		"China Eastern Airlines":       {"China Eastern Airlines", "CEA", "China Eastern", "China"},
		"General Motors":               {"General Motors", "GM", "Motors"},
		"EADS":                         {"EADS"},
	}
	for target, want := range tests {
		var got []string
		for _, a := range Aliases(target, lower) {
			got = append(got, a.Text)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Aliases(%q) = %q, want %q", target, got, want)
		}
	}
}
