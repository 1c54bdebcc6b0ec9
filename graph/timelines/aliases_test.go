package timelines

import (
	"reflect"
	"testing"
)

func TestAliases(t *testing.T) {
	lower := map[string]bool{"airlines": true, "force": true, "general": true, "motors": false, "eastern": true, "exchange": true, "stock": true}
	tests := map[string][]string{
		"Boeing 787 Dreamliner":   {"Boeing 787 Dreamliner", "787 Dreamliner", "Dreamliner", "787"},
		"United States Air Force": {"United States Air Force", "USAF", "United States", "Air"},
		"US Federal Reserve":      {"US Federal Reserve", "Federal Reserve", "Reserve", "Federal"},
		"Louis Gallois":           {"Louis Gallois", "LG", "Gallois", "Louis"},
		"NIKKEI 225":              {"NIKKEI 225", "NIKKEI"},
		"S&P 500":                 {"S&P 500"},
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
