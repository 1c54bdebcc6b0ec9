package names

import (
	"os"
	"path/filepath"
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
		{"Łukasz Øvergård", "lukasz overgard"},
		{"Nicolae Ceaușescu", "nicolae ceausescu"},
		{"Nguyễn Phú Trọng", "nguyen phu trong"},
		{"Zahā Ḥadīd", "zaha hadid"},
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
		if g := key(s); k != g {
			t.Errorf("Key(%q) = %q, general path %q", s, k, g)
		}
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
		"Palestinian": true, "Jews": true, "Poles": true, "Crimean Tatars": true, "Millennials": true, "Baby Boomers": true, "LGBT": true,
		"Christian Lindner": false, "Arab League": false, "Tamils Nadu": false, "Moscow": false, "Crimean Tatar": false,
	} {
		if got := IsPeople(w); got != want {
			t.Errorf("IsPeople(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestASCIIKey checks Key's fast path against its general path on the
// names and words of the press-release corpus's sample and on the edge
// cases of the path's rule (spaces, "the", digits, other bytes).
func TestASCIIKey(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "cmd", "dateline", "demodata", "sample-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(string(raw))
	cases := []string{"", " ", "a", "A", "Z9", "the", "The", "the Kremlin", "The Hague", "THE X", "theatre",
		"Joe  Biden", " Joe", "Joe ", "Joe Biden", "U.S.", "O'Brien", "Jean-Yves", "São Paulo", "a\x00b", "the the x", "x the"}
	for i := range words {
		cases = append(cases, words[i])
		if i+1 < len(words) {
			cases = append(cases, words[i]+" "+words[i+1])
		}
		if i+2 < len(words) {
			cases = append(cases, "the "+words[i+1]+" "+words[i+2])
		}
	}
	fast := 0
	for _, c := range cases {
		got, want := Key(c), key(c)
		if got != want {
			t.Errorf("Key(%q) = %q, general path %q", c, got, want)
		}
		if _, ok := asciiKey(c); ok {
			fast++
		}
	}
	if fast < len(cases)/3 {
		t.Errorf("only %d of %d cases took the fast path", fast, len(cases))
	}
}

// BenchmarkKey normalises every word of the sample article, as
// extraction and the store do for tokens and names.
func BenchmarkKey(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "cmd", "dateline", "demodata", "sample-article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields(string(raw))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Key(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
