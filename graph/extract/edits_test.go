package extract

import (
	"slices"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/ner"
)

// TestEditMentions: the New York Times' "Donald J. Trump", which the
// tagger reads as "Donald" and "J. Trump", and Zelenskyy's "Babyn Yar" cut
// at "Babyn": a mention stretched back takes the one before it in, one
// stretched forward the one after; an unchanged list is not copied.
func TestEditMentions(t *testing.T) {
	text := "the leading alternatives to Donald J. Trump and Babyn Yar in Kyiv"
	at := func(s string, k graph.Kind) ner.Mention {
		i := strings.Index(text, s)
		return ner.Mention{Kind: k, Span: graph.Span{Start: i, End: i + len(s)}, Text: s}
	}
	ms := []ner.Mention{at("Donald", graph.Misc), at("J. Trump", graph.Person), at("Babyn", graph.Person), at("Yar", graph.Place), at("Kyiv", graph.Place)}
	got := editMentions(ms, func(_ int, m ner.Mention) (ner.Mention, bool) {
		switch m.Text {
		case "J. Trump":
			return at("Donald J. Trump", graph.Person), true
		case "Babyn":
			return at("Babyn Yar", graph.Place), true
		}
		return m, false
	})
	var texts []string
	for _, m := range got {
		texts = append(texts, m.Text)
	}
	if want := []string{"Donald J. Trump", "Babyn Yar", "Kyiv"}; !slices.Equal(texts, want) {
		t.Errorf("got %q, want %q", texts, want)
	}
	if ms[0].Text != "Donald" || len(ms) != 5 {
		t.Error("the edit changed the list it was given")
	}
	same := editMentions(ms, func(_ int, m ner.Mention) (ner.Mention, bool) { return m, false })
	if &same[0] != &ms[0] {
		t.Error("an edit that changes nothing copied the list")
	}
}
