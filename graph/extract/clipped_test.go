package extract

import (
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// TestClippedNames: GUM's letter on the Penn State wiki, where the tagger
// reads "Penn State" in some sentences and only "Penn" in others; the
// clipped name is the longer one. A name tagged apart after it ("World
// Heritage Site") and a full stop ("DNC.") are not taken in, nor is a
// headline's capitalised word.
func TestClippedNames(t *testing.T) {
	text := "The proposal paints broad strokes in defining how wiki technology can be useful at Penn State. " +
		"Penn State currently doesn't offer very comprehensive information on any of its courses. " +
		"UNESCO named the square a UNESCO World Heritage Site in 1979. " +
		"The DNC. said nothing. The DNC said more. " +
		"Penn State Officials Decide Against Wiki"
	sents := segment.Split(text)
	if len(sents) != 6 {
		t.Fatalf("%d sentences, want 6", len(sents))
	}
	at := func(s, occurrence int, name string, kind graph.Kind) ner.Mention {
		from := sents[s].Span.Start
		for n := 0; ; n++ {
			i := strings.Index(text[from:sents[s].Span.End], name)
			if i < 0 {
				t.Fatalf("%q is not in sentence %d", name, s)
			}
			if i += from; n == occurrence {
				return ner.Mention{Kind: kind, Span: graph.Span{Start: i, End: i + len(name)}, Sentence: s, Text: name}
			}
			from = i + 1
		}
	}
	ms := []ner.Mention{
		at(0, 0, "Penn State", graph.Org),
		at(1, 0, "Penn", graph.Org),
		at(2, 0, "UNESCO", graph.Org),
		at(2, 1, "UNESCO", graph.Org),
		at(2, 0, "World Heritage Site", graph.Misc),
		at(3, 0, "DNC.", graph.Org),
		at(4, 0, "DNC", graph.Org),
		at(5, 0, "Penn", graph.Org),
		at(5, 0, "Officials", graph.Org),
	}
	var got []string
	for _, m := range clippedNames(text, sents, ms) {
		got = append(got, m.Kind.String()+" "+m.Text)
	}
	want := []string{"org Penn State", "org Penn State", "org UNESCO", "org UNESCO", "misc World Heritage Site", "org DNC.", "org DNC",
		"org Penn", "org Officials"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("mention %d: got %q, want %q", i, got[i], want[i])
		}
	}
}
