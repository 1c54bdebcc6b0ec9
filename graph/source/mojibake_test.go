package source

import "testing"

// TestRepairMojibake: PolNeAR's double-encoded "GuantÃ¡namo" and "PeÃ±a",
// and a curly apostrophe turned into "â€™", are repaired; real accented
// text, and text with no damage, are left alone.
func TestRepairMojibake(t *testing.T) {
	for in, want := range map[string]string{
		"the prison at GuantÃ¡namo Bay":         "the prison at Guantánamo Bay",
		"Enrique PeÃ±a Nieto said":              "Enrique Peña Nieto said",
		"Trumpâ€™s wall":                        "Trump’s wall",
		"â€œWe will win,â€\u009d he said":       "“We will win,” he said",
		"São Paulo, Zürich and Łódź":            "São Paulo, Zürich and Łódź",
		"Ã la carte is French for by the menu.": "Ã la carte is French for by the menu.",
		"plain ASCII text":                      "plain ASCII text",
	} {
		if got := repairMojibake(in); got != want {
			t.Errorf("repairMojibake(%q) = %q, want %q", in, got, want)
		}
	}
}
