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

// TestCompanyInitialsTableAcronym: a company's initials that spell an
// acronym the table gives to another body are not that acronym (Reuters,
// 1987: "FBI" had joined First Boston Inc); the company's own initials
// still are ("FBC" for "First Boston Corp"), and a body without a legal
// form may still be spelt by any initials.
func TestCompanyInitialsTableAcronym(t *testing.T) {
	if IsAcronymOf("fbi", "first boston inc") || slices.Contains(AcronymsOf("first boston inc"), "fbi") {
		t.Error("FBI is an acronym of First Boston Inc")
	}
	if !IsAcronymOf("fbi", "federal bureau of investigation") {
		t.Error("FBI is not the Federal Bureau of Investigation")
	}
	if !IsAcronymOf("fbc", "first boston corp") || !IsAcronymOf("amc", "american motors corp") {
		t.Error("a company's own initials are refused")
	}
}

// TestOrgCoreWeakWords: a descriptor is set aside only when what is left
// names the company: "American Motors" and "American Airlines" keep
// theirs, and "General Motor" (a slip) is still General Motors.
func TestOrgCoreWeakWords(t *testing.T) {
	for key, want := range map[string]string{
		"apple computer inc": "apple",
		"airtran airways":    "airtran",
		"us federal reserve": "federal reserve",
	} {
		if got := OrgCore(key); got != want {
			t.Errorf("OrgCore(%q) = %q, want %q", key, got, want)
		}
	}
	for _, p := range [][2]string{{"united airlines", "united technologies corp"}, {"united airlines", "united"},
		{"american motors corp", "american airlines"}, {"american motors", "american communications"}} {
		if a, b := OrgCore(p[0]), OrgCore(p[1]); a == b {
			t.Errorf("OrgCore(%q) = OrgCore(%q) = %q", p[0], p[1], a)
		}
	}
	if a, b := OrgCore("general motor"), OrgCore("general motors corp"); a != b {
		t.Errorf("OrgCore(general motor) = %q, OrgCore(general motors corp) = %q", a, b)
	}
}
