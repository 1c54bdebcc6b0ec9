package names

import (
	"strings"
	"testing"
)

func TestSkeletonJoinsVariants(t *testing.T) {
	groups := [][]string{
		{"zelensky", "zelenskiy", "zelenskyy", "zelenskyi", "zelenskii", "zelenski"},
		{"haidai", "gaidai"},
		{"serhiy", "serhii", "sergei", "sergey", "sergiy", "sergej"},
		{"dmitry", "dmitri", "dmytro", "dmitrij", "dmitriy"},
		{"donbas", "donbass"},
		{"shmyhal", "shmygal"},
		{"yermak", "iermak"},
		{"hroisman", "groisman", "groysman"},
		{"luhansk", "lugansk"},
		{"tolstoy", "tolstoi", "tolstoj"},
	}
	for _, g := range groups {
		want := Skeleton(g[0])
		for _, w := range g[1:] {
			if got := Skeleton(w); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q as for %q", w, got, want, g[0])
			}
		}
	}
}

func TestSkeletonValues(t *testing.T) {
	tests := []struct{ in, want string }{
		{"zelenskyy", "zelenski"},
		{"haidai", "gaidai"},
		{"serhiy", "sergi"},
		{"dmytro", "dmitri"},
		{"shmyhal", "shmigal"},
		{"donbass", "donbas"},
		{"kharkiv", "kharkiv"},
		{"shchur", "shchur"},
		{"alexander", "aleksander"},
		{"mcdonnell", "mcdonel"},
		{"putin", "putin"},
		{"kim", "kim"},
		{"li", "li"},
		{"", ""},
		{"зеленський", "зеленський"}, // Cyrillic letters are copied
	}
	for _, tt := range tests {
		if got := Skeleton(tt.in); got != tt.want {
			t.Errorf("Skeleton(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSkeletonKeepsApart(t *testing.T) {
	pairs := [][2]string{
		{"zelensky", "zelenska"}, // husband and wife
		{"oleksandr", "aleksandr"},
		{"kyiv", "kiev"},
		{"putin", "patton"},
		{"biden", "boden"},
		{"kim", "kin"},
		{"peskov", "pesko"},
		{"lavrov", "lavra"},
		{"zakharova", "zaharova"}, // kh stays kh
		{"hickey", "hick"},
		{"lady", "lad"},
		{"paulo", "paul"},
	}
	for _, p := range pairs {
		if Skeleton(p[0]) == Skeleton(p[1]) {
			t.Errorf("Skeleton(%q) = Skeleton(%q) = %q: should differ", p[0], p[1], Skeleton(p[0]))
		}
	}
}

func TestSameFirstName(t *testing.T) {
	same := [][2]string{
		{"vladimir", "vladimir"},
		{"v", "vladimir"},
		{"v.", "vladimir"},
		{"fritz", "frederick"},
		{"bill", "william"},
		{"bob", "robert"},
		{"joe", "joseph"},
		{"jim", "james"},
		{"mike", "michael"},
		{"tony", "anthony"},
		{"alex", "alexander"},
		{"alex", "alexandra"},
		{"volodymyr", "vladimir"},
		{"oleksandr", "aleksandr"},
		{"oleksandr", "alexander"},
		{"mykola", "nikolai"},
		{"mykola", "nikolay"},
		{"andriy", "andrei"},
		{"andriy", "andrey"},
		{"serhiy", "sergei"},
		{"serhiy", "sergey"},
		{"dmytro", "dmitry"},
		{"dmytro", "dmitri"},
		{"oleksiy", "alexei"},
		{"oleksii", "alexey"},
		{"yuriy", "yuri"},
		{"vitaliy", "vitali"},
		{"vitaliy", "vitaly"}, // the romanised-ending rule
		{"anatoliy", "anatolii"},
		{"hennadiy", "gennady"},
		{"pavlo", "pavel"},
		{"petro", "pyotr"},
		{"mykhailo", "mikhail"},
		{"olena", "elena"},
		{"olena", "yelena"},
		{"volokdymyr", "volodymyr"}, // a typo
		{"emmanuel", "emanuel"},
		{"denys", "denis"},
		{"kyrylo", "kirill"},
		{"volodymir", "vladimir"}, // a spelling the table lacks, found by its romanised form
	}
	for _, p := range same {
		if !SameFirstName(p[0], p[1]) || !SameFirstName(p[1], p[0]) {
			t.Errorf("SameFirstName(%q, %q) = false, want true", p[0], p[1])
		}
	}
	different := [][2]string{
		{"joe", "jill"},
		{"jong-un", "yo-jong"},
		{"jong-un", "jong-il"},
		{"olena", "volodymyr"},
		{"alexander", "alexandra"},
		{"daniel", "daniela"},
		{"julian", "juliana"},
		{"maria", "mario"},
		{"v", "oleksandr"},
		{"mike", "mark"},
		{"john", "joan"}, // one edit, but under five letters
		{"sergei", "sergio"},
		{"", "vladimir"},
		{".", "."},
		{"bill", "robert"},
		{"vladimir", "volodymyra"},
	}
	for _, p := range different {
		if SameFirstName(p[0], p[1]) || SameFirstName(p[1], p[0]) {
			t.Errorf("SameFirstName(%q, %q) = true, want false", p[0], p[1])
		}
	}
}

// TestFirstNamesTable checks the embedded table's form: names in Key form,
// one word each, no name twice on a line.
func TestFirstNamesTable(t *testing.T) {
	lines := 0
	for _, l := range strings.Split(firstNamesData, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		lines++
		seen := map[string]bool{}
		ws := strings.Fields(l)
		if len(ws) < 2 {
			t.Errorf("line %q has one name", l)
		}
		for _, w := range ws {
			if Key(w) != w || strings.ContainsAny(w, " .") {
				t.Errorf("name %q on line %q is not in Key form", w, l)
			}
			if seen[w] {
				t.Errorf("name %q twice on line %q", w, l)
			}
			seen[w] = true
		}
	}
	if lines < 100 {
		t.Errorf("table has %d lines, want at least 100", lines)
	}
}

func BenchmarkSkeleton(b *testing.B) {
	words := []string{"zelenskyy", "haidai", "serhiy", "shmyhal", "macron", "donbass", "alexander"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Skeleton(words[i%len(words)])
	}
}

func BenchmarkSameFirstName(b *testing.B) {
	pairs := [][2]string{{"volodymyr", "vladimir"}, {"joe", "jill"}, {"v", "vladimir"},
		{"volokdymyr", "volodymyr"}, {"emmanuel", "emmanuel"}, {"vitaliy", "vitaly"}}
	SameFirstName("a", "b")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		SameFirstName(p[0], p[1])
	}
}

func TestMasculineSurname(t *testing.T) {
	for fem, want := range map[string]string{
		"zelenska":   "zelenski",
		"zelenskaya": "zelensky",
		"petrova":    "petrov",
		"putina":     "putin",
		"sobolevska": "sobolevski",
		"kovalevska": "kovalevski",
	} {
		got, ok := MasculineSurname(fem)
		if !ok || Skeleton(got) != Skeleton(want) {
			t.Errorf("MasculineSurname(%q) = %q, %v; want %q", fem, got, ok, want)
		}
	}
	if Skeleton(mustMasculine(t, "zelenska")) != Skeleton("zelenskyy") {
		t.Errorf("Zelenska's masculine form does not meet Zelenskyy")
	}
	for _, w := range []string{"zelenskyy", "putin", "nina", "ova", "smith", "biden"} {
		if m, ok := MasculineSurname(w); ok {
			t.Errorf("MasculineSurname(%q) = %q, want none", w, m)
		}
	}
}

func mustMasculine(t *testing.T, w string) string {
	t.Helper()
	m, ok := MasculineSurname(w)
	if !ok {
		t.Fatalf("MasculineSurname(%q): no masculine form", w)
	}
	return m
}
