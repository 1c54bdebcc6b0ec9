package extract

import (
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// TestOpenerNames: on sentences of GUM's evoethics, the word opening a
// sentence that the tagger read into a surname ("Both Ruse", after a
// footnote's "[12]" too; "Mirroring Ruse") is taken off; a given name the
// list of first names lacks ("Zaha Hadid") and a company's first word
// ("Mozilla Firefox") stay.
func TestOpenerNames(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "The philosopher Michael Ruse takes this to show that the apparent objectivity of morality is an illusion. " +
		"Ruse has also argued that an evolutionary account of morality suggests that there are no moral facts. " +
		"Mirroring Ruse’s claim, moral facts could be purged from what we assume to exist. " +
		"Both Ruse’s and Street’s arguments rely on the idea that we should only accept that something exists if it plays a role. " +
		"[12] Both arguments rely on the correctness of the evolutionary explanation. " +
		"Zaha Hadid was an architect. Hadid designed the building. Mozilla Firefox is a browser. Firefox is free."
	sents := segment.Split(text)
	in := []ner.Mention{
		tagged(t, text, sents, graph.Person, "Michael Ruse", 0),
		tagged(t, text, sents, graph.Place, "Ruse", 1),
		tagged(t, text, sents, graph.Place, "Mirroring Ruse", 0),
		tagged(t, text, sents, graph.Place, "Both Ruse", 0),
		tagged(t, text, sents, graph.Person, "Street", 0),
		tagged(t, text, sents, graph.Person, "Zaha Hadid", 0),
		tagged(t, text, sents, graph.Person, "Hadid", 1),
		tagged(t, text, sents, graph.Org, "Mozilla Firefox", 0),
		tagged(t, text, sents, graph.Org, "Firefox", 1),
	}
	var got []string
	for _, m := range openerNames(gaz, text, sents, in) {
		if text[m.Span.Start:m.Span.End] != m.Text {
			t.Errorf("%q spans %q", m.Text, text[m.Span.Start:m.Span.End])
		}
		got = append(got, m.Text)
	}
	if want := "Michael Ruse|Ruse|Ruse|Ruse|Street|Zaha Hadid|Hadid|Mozilla Firefox|Firefox"; strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}
