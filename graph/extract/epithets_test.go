package extract

import (
	"slices"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// TestEpithetNames: on sentences of GUM's life of Patrick Gordon, a
// ruler's name the tagger cut before its epithet ("Tsar Peter" and the
// place "Great") is the whole "Tsar Peter the Great", which a person's
// name may hold; a lower-case "the great" is no epithet.
func TestEpithetNames(t *testing.T) {
	text := "He became principal advisor and close friend of Tsar Peter the Great. " +
		"Gordon virtually decided events in favour of Peter the Great, [3] and against the Regent, Tsarevna Sophia Alekseyevna. " +
		"Gordon admired Sophia the great reformer."
	sents := segment.Split(text)
	in := []ner.Mention{
		tagged(t, text, sents, graph.Person, "Tsar Peter", 0),
		tagged(t, text, sents, graph.Place, "Great", 0),
		tagged(t, text, sents, graph.Person, "Gordon", 0),
		tagged(t, text, sents, graph.Person, "Peter", 1),
		tagged(t, text, sents, graph.Person, "Great", 1),
		tagged(t, text, sents, graph.Person, "Tsarevna Sophia Alekseyevna", 0),
		tagged(t, text, sents, graph.Person, "Gordon", 1),
		tagged(t, text, sents, graph.Person, "Sophia", 1),
	}
	var got []string
	for _, m := range epithetNames(text, sents, in) {
		if text[m.Span.Start:m.Span.End] != m.Text {
			t.Errorf("%q spans %q", m.Text, text[m.Span.Start:m.Span.End])
		}
		got = append(got, m.Kind.String()+":"+m.Text)
	}
	want := "person:Tsar Peter the Great|person:Gordon|person:Peter the Great|person:Tsarevna Sophia Alekseyevna|person:Gordon|person:Sophia"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
	for _, c := range []struct {
		name string
		want bool
	}{{"Peter the Great", true}, {"Pliny the Elder", true}, {"Head of the Office", false}, {"Sophia the great", false}} {
		if got := personName(c.name); got != c.want {
			t.Errorf("personName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestTwoEpithets is the Kremlin's greeting to the prosecutor's office on
// its 300th anniversary (2022-01-12): the tagger reads "Catherine" as a
// name of no kind and "Great" alone as a person, which then joined Peter
// the Great as his surname. Catherine the Great is her own person, and
// "Great" nobody's name.
func TestTwoEpithets(t *testing.T) {
	doc := process(t, "The prosecutor's office, formed by Peter the Great, became the country's highest supervisory body. "+
		"\"Supervise hard\" was what Peter the Great ordered in one of his decrees. "+
		"The role of the prosecutor's office continued to grow during Catherine the Great's time, and then during the reforms of Alexander II.", "2022-01-12")
	peter, catherine := entityOf(doc, "Peter the Great"), entityOf(doc, "Catherine the Great")
	if peter < 0 || catherine < 0 || peter == catherine || doc.Entities[catherine].Kind != graph.Person {
		t.Errorf("Peter the Great is entity %d, Catherine the Great %d: %+v", peter, catherine, doc.Entities)
	}
	for _, e := range doc.Entities {
		if slices.Contains(e.Aliases, "Great") {
			t.Errorf("%s is also called Great", e.Name)
		}
	}
}
