package names

import "testing"

func TestTitleCategory(t *testing.T) {
	tests := []struct {
		word string
		want Category
	}{
		{"Mr", Honorific | Title},
		{"Dr.", Honorific | Title},
		{"Mahatma", Honorific | Title}, // "Mahatma Gandhi" is Gandhi (GUM's textbook_cognition)
		{"President", Title | PersonNoun},
		{"Gen.", Title},
		{"general", Title | PersonNoun | Modifier},
		{"spokeswoman", Title | PersonNoun},
		{"counterpart", PersonNoun},
		{"front-runner", PersonNoun},
		{"foreign", Modifier},
		{"Defence", Modifier},
		{"Macron", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := TitleCategory(tt.word); got != tt.want {
			t.Errorf("TitleCategory(%q) = %04b, want %04b", tt.word, got, tt.want)
		}
	}
	if !IsTitle("Sen.") || IsTitle("foreign") || !IsHonorific("Mrs") || IsHonorific("President") {
		t.Error("IsTitle/IsHonorific disagree with titles.txt")
	}
	if !Is("minister", Title|Modifier) || Is("minister", Honorific|Modifier) {
		t.Error("Is does not test for any of the categories given")
	}
}

// TestTitlesFile checks the embedded list: every honorific is also a
// title (StripTitle strips both), and every word is written as its Key.
func TestTitlesFile(t *testing.T) {
	if len(titles) < 100 {
		t.Fatalf("titles.txt has %d words", len(titles))
	}
	for w, c := range titles {
		if c&Honorific != 0 && c&Title == 0 {
			t.Errorf("%q is an honorific but not a title", w)
		}
		if Key(w) != w {
			t.Errorf("%q is not written as its key %q", w, Key(w))
		}
	}
}

func TestParseTitlesRejects(t *testing.T) {
	for _, bad := range []string{"mayor\n", "mayor\tx\n", "\tt\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("parseTitles(%q) did not panic", bad)
				}
			}()
			parseTitles(bad)
		}()
	}
}
