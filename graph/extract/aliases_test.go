package extract

import (
	"context"
	"slices"
	"testing"

	"dateline/graph"
)

// entitiesOf runs the pipeline on text and returns, for each mention's
// text, the names of the entities it was given.
func entitiesOf(t *testing.T, text string) map[string][]string {
	t.Helper()
	return byMention(t, text, func(e graph.Entity) (string, bool) { return e.Name, true })
}

// byMention runs the pipeline on text and returns, for each mention's
// text, what value says of the entities it was given (those it answers
// for), each once.
func byMention(t *testing.T, text string, value func(graph.Entity) (string, bool)) map[string][]string {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := &graph.Document{Article: graph.Article{ID: 1, Text: text}}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, m := range doc.Mentions {
		i := doc.LocalIndex(m.Entity)
		if i < 0 {
			t.Fatalf("%q has no entity", m.Text)
		}
		if v, ok := value(doc.Entities[i]); ok && !contains(got[m.Text], v) {
			got[m.Text] = append(got[m.Text], v)
		}
	}
	return got
}

// TestAliasesJoin: the other names a biography gives in its first
// sentence (GUM's bio_marbles and bio_higuchi) are one person's, and the
// surname and first name alone then find her.
func TestAliasesJoin(t *testing.T) {
	for _, c := range []struct {
		text string
		one  []string
	}{
		{"Jenna Nicole Mourey (born September 15, 1986 [1] [2]), better known by her pseudonym Jenna Marbles, " +
			"is an American YouTube personality, vlogger, comedian and actress. The pseudonym comes from her mother's " +
			"complaint that \"Mourey\", their legal surname, pulled up only Jenna's videos on Google. Marbles said so.",
			[]string{"Jenna Nicole Mourey", "Jenna Marbles", "Mourey", "Jenna", "Marbles"}},
		{"Ichiyō Higuchi (樋口 一葉 Higuchi Ichiyō, May 2, 1872 – November 23, 1896) was a pen name of Japanese " +
			"author Natsu Higuchi (樋口 奈津 Higuchi Natsu), also known as Natsuko Higuchi (樋口 夏子 Higuchi Natsuko). " +
			"In 1886, Higuchi entered a poetry school.",
			[]string{"Ichiyō Higuchi", "Natsu Higuchi", "Natsuko Higuchi", "Higuchi"}},
	} {
		got := entitiesOf(t, c.text)
		want := got[c.one[0]]
		if len(want) != 1 {
			t.Fatalf("%q: entities %v (%v)", c.one[0], want, got)
		}
		for _, n := range c.one[1:] {
			if len(got[n]) != 1 || got[n][0] != want[0] {
				t.Errorf("%q is %v, want %v (%v)", n, got[n], want, got)
			}
		}
	}
}

// TestAliasBetween: the words between a name and the next that make the
// second the first's other name, and words that do not ("X's wife, born
// Y" names two people).
func TestAliasBetween(t *testing.T) {
	for between, want := range map[string]bool{
		" (born September 15, 1986 [1] [2]), better known by her pseudonym ":                 true,
		" (樋口 奈津 Higuchi Natsu), also known as ":                                             true,
		", May 2, 1872 – November 23, 1896) was a pen name of Japanese author ":              true,
		" (French: [pjɛʁ ʃɑʁl lɑ̃fɑ̃]; August 2, 1754 – June 14, 1825), self-identified as ": true, // GUM bio_enfant
		" (born ":                 true,
		", née ":                  true,
		"'s wife, born ":          false,
		" met ":                   false,
		" and ":                   false,
		" was born to ":           false,
		", known as a friend of ": false,
	} {
		if got := aliasBetween(between); got != want {
			t.Errorf("aliasBetween(%q) = %v, want %v", between, got, want)
		}
	}
}

// TestIslandNames: GUM's voyage_chatham writes the islands four ways: "The
// Chatnam Islands (Rekohu in the indigenous Moriori language)", with a
// slip of the pen; "the Chatham Islands"; "the Chathams". One place. The
// main island, "Chatham Island", is another.
func TestIslandNames(t *testing.T) {
	got := entitiesOf(t, "The Chatnam Islands (Rekohu in the indigenous Moriori language) are the eastern-most settled "+
		"islands in New Zealand. Experience Moriori culture, experience Rekohu. The Chatham Islands lie 860 km east of "+
		"Christchurch. The only way for visitors to travel to the Chathams is via scheduled or chartered air service. "+
		"The plane is based in the Chathams. Most people live on Chatham Island.")
	want := got["Chatham Islands"]
	if len(want) != 1 {
		t.Fatalf("Chatham Islands: %v (%v)", want, got)
	}
	for _, n := range []string{"Chatnam Islands", "Rekohu", "Chathams"} {
		if !slices.Equal(got[n], want) {
			t.Errorf("%q is %v, want %v (%v)", n, got[n], want, got)
		}
	}
	if slices.Equal(got["Chatham Island"], want) {
		t.Errorf("Chatham Island is the islands: %v", got)
	}
	for _, c := range []struct {
		between, after string
		want           bool
	}{
		{" (", " in the indigenous Moriori language) are", true},
		{" (Moriori: ", ") are", true},
		{" (", ") said", false},
		{" (born in ", ") said", false},
	} {
		if got := nativeName(c.between, c.after); got != c.want {
			t.Errorf("nativeName(%q, %q) = %v, want %v", c.between, c.after, got, c.want)
		}
	}
}
