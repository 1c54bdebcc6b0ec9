package names

import (
	"slices"
	"testing"
)

func TestAcronymsOf(t *testing.T) {
	for _, tc := range []struct {
		long string
		want []string
	}{
		{"united auto workers", []string{"uaw"}},
		{"us air force", []string{"uaf", "usaf"}},
		{"agence france-presse", []string{"afp"}},
		{"bank of england", []string{"be", "boe"}},
		{"associated press", []string{"ap"}},
	} {
		got := AcronymsOf(tc.long)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("AcronymsOf(%q) = %v, want %s among them", tc.long, got, w)
			}
			if !IsAcronymOf(w, tc.long) {
				t.Errorf("IsAcronymOf(%q, %q) = false", w, tc.long)
			}
		}
		for _, a := range got {
			if !IsAcronymOf(a, tc.long) {
				t.Errorf("AcronymsOf(%q) gives %q, which IsAcronymOf refuses", tc.long, a)
			}
		}
	}
}

// TestDefinesAcronym: abbreviations that news defines in brackets,
// beyond plain initials, and pairs that are not definitions.
func TestDefinesAcronym(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"sia", "singapore airlines", true},
		{"uaw", "united auto workers", true},
		{"eads", "european aeronautic defence and space company", true}, // the legal form set aside
		{"eads", "european aeronautic defence space agency", false},     // the last word unmatched
		{"eads", "european aeronautic defence space", true},
		{"acpeds", "american college of pediatricians", true},
		{"un", "security council", false},
		{"ecb", "european central bank", true},
		{"sa", "singapore airlines", true},
		{"nasa", "national aeronautics and space administration", true},
		{"abc", "apple", false},
		{"xyz", "singapore airlines", false},
	} {
		if got := DefinesAcronym(c.short, c.long); got != c.want {
			t.Errorf("DefinesAcronym(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
}

func TestIsExpansion(t *testing.T) {
	for key, want := range map[string]bool{"european union": true, "united nations": true, "european union of the ministry": false, "bank": false} {
		if got := IsExpansion(key); got != want {
			t.Errorf("IsExpansion(%q) = %v, want %v", key, got, want)
		}
	}
}
