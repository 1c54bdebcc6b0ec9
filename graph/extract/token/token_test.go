package token

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"Russia’s troops", "Russia|’s|troops"},
		{"Russia's troops", "Russia|'s|troops"},
		{"the U.S. and Mr. Smith met Jan. 5.", "the|U.S.|and|Mr.|Smith|met|Jan.|5|."},
		{"J. R. R. Tolkien wrote", "J.|R.|R.|Tolkien|wrote"},
		{"It cost $3.5 billion, or 1,000 times more.", "It|cost|$|3.5|billion|,|or|1,000|times|more|."},
		{"“There is no security,” Macron said", "“|There|is|no|security|,|”|Macron|said"},
		{"\"realistic\" and", "\"|realistic|\"|and"},
		{"states’ right to join NATO", "states|’|right|to|join|NATO"},
		{"war — and peace – now", "war|—|and|peace|–|now"},
		{"Jean-Claude Juncker and Smith-Jones", "Jean-Claude|Juncker|and|Smith-Jones"},
		{"Zelenskyy visited São Paulo", "Zelenskyy|visited|São|Paulo"},
		{"no trailing newline", "no|trailing|newline"},
		{"He didn't go. She can't.", "He|did|n't|go|.|She|ca|n't|."},
		{"O'Brien and AT&T", "O'Brien|and|AT&T"},
		{"wait... what", "wait|...|what"},
		{"1996-08-22 (Reuters)", "1996-08-22|(|Reuters|)"},
		{"He left.Then", "He|left|.|Then"},
		{"a 3-2 win", "a|3-2|win"},
		{"Germany 's representative", "Germany|'s|representative"},
		{"'sorry' he said", "'|sorry|'|he|said"},
		{"", ""},
		{"  \n ", ""},
	}
	for _, tt := range tests {
		got := strings.Join(texts(Tokenize(tt.in)), "|")
		if got != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	in := "French President Emmanuel Macron’s visit."
	got := Tokenize(in)
	want := []struct {
		start, end int
		class      Class
	}{
		{0, 6, Word}, {7, 16, Word}, {17, 25, Word}, {26, 32, Word}, {32, 36, Word}, {37, 42, Word}, {42, 43, Punct},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(got), texts(got), len(want))
	}
	for i, w := range want {
		if got[i].Span.Start != w.start || got[i].Span.End != w.end || got[i].Class != w.class {
			t.Errorf("token %d %q = [%d,%d) class %d, want [%d,%d) class %d", i, got[i].Text, got[i].Span.Start, got[i].Span.End, got[i].Class, w.start, w.end, w.class)
		}
		if got[i].Text != in[got[i].Span.Start:got[i].Span.End] {
			t.Errorf("token %d text %q does not match its span", i, got[i].Text)
		}
	}
}

func TestAppendBase(t *testing.T) {
	got := Append(nil, "Kyiv 5", 100)
	if len(got) != 2 || got[0].Span.Start != 100 || got[1].Span.End != 106 || got[1].Class != Number {
		t.Errorf("Append with base = %+v", got)
	}
}

func TestIsAbbreviation(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{{"Mr.", true}, {"Jan", true}, {"J.", true}, {"U.S.", true}, {"Russia.", false}, {"", false}, {".", false}}
	for _, tt := range tests {
		if got := IsAbbreviation(tt.in); got != tt.want {
			t.Errorf("IsAbbreviation(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// checkInvariants fails when tokens are out of range, overlap, go backwards,
// cover white space or leave non-space text uncovered.
func checkInvariants(t *testing.T, in string, toks []Token) {
	t.Helper()
	covered := make([]bool, len(in))
	prev := 0
	for i, tk := range toks {
		if tk.Span.Start < prev || tk.Span.End <= tk.Span.Start || tk.Span.End > len(in) {
			t.Fatalf("token %d %+v out of order or range (prev end %d, len %d)", i, tk.Span, prev, len(in))
		}
		if tk.Text != in[tk.Span.Start:tk.Span.End] {
			t.Fatalf("token %d text mismatch", i)
		}
		prev = tk.Span.End
		for j := tk.Span.Start; j < tk.Span.End; j++ {
			covered[j] = true
		}
		r, _ := utf8.DecodeRuneInString(tk.Text)
		if r != utf8.RuneError && unicode.IsSpace(r) {
			t.Fatalf("token %d %q starts with space", i, tk.Text)
		}
	}
	for i := 0; i < len(in); {
		r, n := utf8.DecodeRuneInString(in[i:])
		if !covered[i] && !isSpace(r) {
			t.Fatalf("byte %d (%q) not covered by any token in %q", i, r, in)
		}
		i += n
	}
}

func TestInvariantsSample(t *testing.T) {
	in := "US President Joe Biden last week authorised the deployment of 3,000 troops to Eastern Europe—including Germany’s… (AP) \u00a0 ‘quoted’ 'x' n't 'll ’"
	checkInvariants(t, in, Tokenize(in))
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"U.S. Mr. J. R. R.", "$3.5 1,000", "Russia’s states’", "don't", "São Paulo—Kyiv", "a.b.c.d", "x\xff\xfey", "n't", "'s", "1,00", "1.", "A&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkInvariants(t, in, Tokenize(in))
	})
}

var benchText = strings.Repeat("Meanwhile, the meeting comes as Moscow has amassed over 100,000 troops along the Ukrainian border and as US officials say that Russia could act on invading Ukraine any day now. It also comes after U.S. President Joe Biden last week authorised the deployment of 3,000 troops to Eastern Europe. ", 200)

func BenchmarkTokenize(b *testing.B) {
	n := len(Tokenize(benchText))
	b.SetBytes(int64(len(benchText)))
	buf := make([]Token, 0, n)
	for b.Loop() {
		buf = Append(buf[:0], benchText, 0)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
