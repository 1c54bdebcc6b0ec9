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

// TestSaidBy: the attribution reads as a sentence would have it.
func TestSaidBy(t *testing.T) {
	cases := map[[2]string]string{
		{"Olaf Scholz", "said"}:             "Olaf Scholz said",
		{"Oleksiy Danilov", "According to"}: "According to Oleksiy Danilov",
		{"Vladimir Putin", ":"}:             "Vladimir Putin",
	}
	for in, want := range cases {
		if got := SaidBy(in[0], in[1]); got != want {
			t.Errorf("SaidBy(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}
