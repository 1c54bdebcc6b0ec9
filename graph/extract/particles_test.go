package extract

import (
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// TestParticleNames: on GUM's Alamo chapter, a name the tagger read as
// two at its particle ("Antonio Lopez" and "Santa Anna", a person or a
// place) is one, and "Santa Anna" alone later is that person; so is "von
// der Leyen" beside "Ursula von der Leyen". Names apart ("Lopez, de
// Santa Anna") stay apart.
func TestParticleNames(t *testing.T) {
	text := "Surprisingly, General Antonio Lopez de Santa Anna, Mexico’s new president, agreed to all demands. " +
		"This portrait of General Antonio Lopez de Santa Anna depicts the Mexican president. " +
		"Santa Anna and his army of four thousand had besieged San Antonio. Ursula von der Leyen spoke; von der Leyen agreed. " +
		"He met Lopez, de Santa Anna said."
	sents := segment.Split(text)
	in := []ner.Mention{
		tagged(t, text, sents, graph.Person, "Antonio Lopez", 0),
		tagged(t, text, sents, graph.Person, "Santa Anna", 0),
		tagged(t, text, sents, graph.Place, "Mexico", 0),
		tagged(t, text, sents, graph.Person, "Antonio Lopez", 1),
		tagged(t, text, sents, graph.Place, "Santa Anna", 1),
		tagged(t, text, sents, graph.Person, "Santa Anna", 2),
		tagged(t, text, sents, graph.Place, "San Antonio", 0),
		tagged(t, text, sents, graph.Person, "Ursula von der Leyen", 0),
		tagged(t, text, sents, graph.Person, "von der Leyen", 1),
		tagged(t, text, sents, graph.Person, "Lopez", 2),
		tagged(t, text, sents, graph.Person, "Santa Anna", 3),
	}
	out := particleNames(text, sents, in)
	var got []string
	for _, m := range out {
		if text[m.Span.Start:m.Span.End] != m.Text {
			t.Errorf("%q spans %q", m.Text, text[m.Span.Start:m.Span.End])
		}
		got = append(got, m.Text)
	}
	want := "Antonio Lopez de Santa Anna|Mexico|Antonio Lopez de Santa Anna|Santa Anna|San Antonio|Ursula von der Leyen|von der Leyen|Lopez|Santa Anna"
	if strings.Join(got, "|") != want {
		t.Fatalf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	ents, es := built(t, gaz, text, out[:7])
	for _, p := range [][2]string{{"Antonio Lopez de Santa Anna", "Santa Anna"}, {"Ursula von der Leyen", "von der Leyen"}} {
		if ents[p[0]] == 0 || ents[p[0]] != ents[p[1]] {
			t.Errorf("%q and %q are not one: %+v", p[0], p[1], es)
		}
	}
}
