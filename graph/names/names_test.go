package names

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Emmanuel Macron", "emmanuel macron"},
		{"  Emmanuel   MACRON ", "emmanuel macron"},
		{"Zelenskyy’s", "zelenskyy"},
		{"Putin's", "putin"},
		{"the Kremlin", "kremlin"},
		{"The Hague", "hague"},
		{"São Paulo", "sao paulo"},
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"U.S.", "us"},
		{"Jean-Yves Le Drian", "jean-yves le drian"},
		{"O'Brien", "obrien"},
		{"AT&T", "at&t"},
		{"Kyiv,", "kyiv"},
		{"Володимир Зеленський", "володимир зеленський"},
		{"", ""},
		{"\x00", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLast(t *testing.T) {
	if got := Last("emmanuel macron"); got != "macron" {
		t.Errorf("Last = %q", got)
	}
	if got := Last("nato"); got != "nato" {
		t.Errorf("Last = %q", got)
	}
}

// validKey reports whether k could have come from Key: valid UTF-8, no
// zero byte, no leading or trailing space.
func validKey(k string) bool {
	return utf8.ValidString(k) && strings.IndexByte(k, 0) < 0 && strings.TrimSpace(k) == k
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Emmanuel Macron", "the Kremlin’s", "São Paulo", "\xff\x00a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if k != "" && !validKey(k) {
			t.Errorf("Key(%q) = %q is not a valid key", s, k)
		}
		if strings.Contains(k, "  ") {
			t.Errorf("Key(%q) = %q has a double space", s, k)
		}
		if Key(k) != k && Key(Key(k)) != Key(k) {
			t.Errorf("Key is not idempotent on %q: %q then %q", s, k, Key(k))
		}
	})
}

func TestStripTitle(t *testing.T) {
	tests := []struct{ in, title, rest string }{
		{"Mr Macron", "Mr", "Macron"},
		{"Mr. Macron", "Mr.", "Macron"},
		{"President Vladimir Putin", "President", "Vladimir Putin"},
		{"Prime Minister Boris Johnson", "Prime Minister", "Boris Johnson"},
		{"Emmanuel Macron", "", "Emmanuel Macron"},
		{"President", "", "President"},
		{"General", "", "General"},
		{"Head of the Office", "", "Head of the Office"},
	}
	for _, tt := range tests {
		title, rest := StripTitle(tt.in)
		if title != tt.title || rest != tt.rest {
			t.Errorf("StripTitle(%q) = %q, %q; want %q, %q", tt.in, title, rest, tt.title, tt.rest)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"zelensky", "zelenskyy", 2, 1},
		{"zelensky", "zelenskiy", 2, 1},
		{"volokdymyr", "volodymyr", 2, 1},
		{"kim", "kim", 2, 0},
		{"putin", "macron", 2, 3},
		{"a", "abcdef", 2, 3},
		{"", "ab", 2, 2},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// TestIsPeople: group nouns in either number, never a name that only
// contains one.
func TestIsPeople(t *testing.T) {
	for w, want := range map[string]bool{
		"Muslims": true, "Muslim": true, "Latino": true, "Rohingya": true, "Kurds": true,
		"Palestinian": true, "Jews": true, "Poles": true, "Crimean Tatars": true,
		"Christian Lindner": false, "Arab League": false, "Tamils Nadu": false, "Moscow": false, "Crimean Tatar": false,
	} {
		if got := IsPeople(w); got != want {
			t.Errorf("IsPeople(%q) = %v, want %v", w, got, want)
		}
	}
}
