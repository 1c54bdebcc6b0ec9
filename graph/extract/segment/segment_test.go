package segment

import (
	"strings"
	"testing"
)

func sentences(text string) []string {
	var out []string
	for _, s := range Split(text) {
		out = append(out, s.Span.Of(text))
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Putin met Macron. They talked.", []string{"Putin met Macron.", "They talked."}},
		{"abbreviations", "Mr. Smith met Gen. J. R. R. Tolkien on Jan. 5 in Washington.", []string{"Mr. Smith met Gen. J. R. R. Tolkien on Jan. 5 in Washington."}},
		{"acronym mid-sentence", "U.S. President Joe Biden spoke.", []string{"U.S. President Joe Biden spoke."}},
		{"acronym at end", "He flew to the U.S. The talks failed.", []string{"He flew to the U.S.", "The talks failed."}},
		{"closing quote", "“We will win,” he said. “Never.” Then he left.", []string{"“We will win,” he said.", "“Never.”", "Then he left."}},
		{"question then lower", "\"Why?\" he asked. No one knew.", []string{"\"Why?\" he asked.", "No one knew."}},
		{"headline line", "Troops deployment along the Ukrainian border\n\nMeanwhile, the meeting comes.", []string{"Troops deployment along the Ukrainian border", "Meanwhile, the meeting comes."}},
		{"single newline headline", "SOCCER - JAPAN GET LUCKY WIN\nJapan won on Friday.", []string{"SOCCER - JAPAN GET LUCKY WIN", "Japan won on Friday."}},
		{"wrapped line", "The minister said the\ntalks would go on.", []string{"The minister said the\ntalks would go on."}},
		{"no trailing newline", "No final period", []string{"No final period"}},
		{"exclamation", "Stop! Go now.", []string{"Stop!", "Go now."}},
		{"abbreviation before a comma", "Sen. Ron Johnson, R-Wis., said in an op-ed piece, “The State Department failed.”", []string{"Sen. Ron Johnson, R-Wis., said in an op-ed piece, “The State Department failed.”"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		got := sentences(tt.in)
		if strings.Join(got, "¦") != strings.Join(tt.want, "¦") {
			t.Errorf("%s: Split(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestTokensInsideSpan(t *testing.T) {
	in := "Moscow has amassed 100,000 troops. US officials say Russia could act.\nKyiv waits"
	ss := Split(in)
	n := 0
	for _, s := range ss {
		for _, tk := range s.Tokens {
			if tk.Span.Start < s.Span.Start || tk.Span.End > s.Span.End {
				t.Errorf("token %q %+v outside sentence %+v", tk.Text, tk.Span, s.Span)
			}
			n++
		}
	}
	if len(ss) != 3 || n != 15 {
		t.Errorf("got %d sentences and %d tokens, want 3 and 15", len(ss), n)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"A. B. C.", "Hi!\n\nYo", "“x.” y", "U.S. The", "..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		prev := 0
		for _, s := range Split(in) {
			if len(s.Tokens) == 0 || s.Span.Start < prev || s.Span.End > len(in) || s.Span.Start != s.Tokens[0].Span.Start || s.Span.End != s.Tokens[len(s.Tokens)-1].Span.End {
				t.Fatalf("bad sentence %+v (prev end %d)", s.Span, prev)
			}
			prev = s.Span.End
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("Meanwhile, the meeting comes as Moscow has amassed over 100,000 troops along the Ukrainian border. It also comes after U.S. President Joe Biden last week authorised the deployment.\n\n", 200)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text)
	}
}
