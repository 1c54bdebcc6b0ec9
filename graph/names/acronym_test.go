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
