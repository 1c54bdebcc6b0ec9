package graph

import "testing"

// TestUnlinkedSpeaker checks how speakers with no entity read in lists:
// a bare pronoun is marked unidentified, names and descriptions stay.
func TestUnlinkedSpeaker(t *testing.T) {
	cases := map[string]string{
		"They":                    "unidentified (they)",
		" he ":                    "unidentified (he)",
		"":                        "unidentified",
		"the lawmaker":            "the lawmaker",
		"a senior Kremlin source": "a senior Kremlin source",
		"Theyre Lee":              "Theyre Lee",
	}
	for in, want := range cases {
		if got := UnlinkedSpeaker(in); got != want {
			t.Errorf("UnlinkedSpeaker(%q) = %q, want %q", in, got, want)
		}
	}
}
