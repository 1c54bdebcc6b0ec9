package extract

import (
	"slices"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/segment"
)

// TestDerivedAdjectives: a name inside the adjective made of it is the
// name (GUM's "Warhol-like", "University-sponsored"; MEANTIME's "EADS-led",
// "Chicago-based Boeing"); a place's own hyphenated name stays whole.
func TestDerivedAdjectives(t *testing.T) {
	for w, want := range map[string]int{"Warhol-like": 6, "EADS-led": 4, "New": -1, "York-born": 4,
		"Stoke-on-Trent": -1, "Baie-Mahault": -1, "pro-Russian": -1, "X-ray": -1, "Scientology-related": 11,
		"Ki-moon": -1, "Jong-un": -1, "Ying-jeou": -1, "Kuo-ming": -1} { // Ban Ki-moon, Kim Jong-un, Ma Ying-jeou
		if got := derivedAt(w); got != want {
			t.Errorf("derivedAt(%q) = %d, want %d", w, got, want)
		}
	}
	got := entitiesOf(t, "Chicago-based Boeing said on Monday it would build the tanker. "+
		"Andy Warhol painted soup cans. Critics called the later paintings Warhol-like and said Boeing was wrong.")
	for _, n := range []string{"Boeing", "Warhol"} {
		if len(got[n]) != 1 {
			t.Errorf("%q: entities %v (%v)", n, got[n], got)
		}
	}
	if got["Warhol"][0] != got["Andy Warhol"][0] {
		t.Errorf("Warhol is %v, Andy Warhol %v", got["Warhol"], got["Andy Warhol"])
	}
	for n := range got {
		if n == "Chicago-based Boeing" || n == "Warhol-like" {
			t.Errorf("%q is still a name: %v", n, got)
		}
	}
}

// TestClippedName: GUM's letter_wiki calls the Pennsylvania State
// University "Penn State"; the clipped name is the university.
func TestClippedName(t *testing.T) {
	got := entitiesOf(t, "Undergraduate Student Government, The Pennsylvania State University. "+
		"I look forward to productive conversation with your office. Penn State currently doesn't offer "+
		"very comprehensive course descriptions. The idea is for Penn State to have enough input. "+
		"Accurate information about University-sponsored events is on the web.")
	// "University" inside "University-sponsored" is the university, not
	// University, Florida. A tagger may leave the adjective untagged, as
	// CoNLL does: then there is no "University" at all.
	if u := got["University"]; len(u) > 1 || len(u) == 1 && !slices.Equal(u, got["Pennsylvania State University"]) ||
		len(got["Pennsylvania State University"]) != 1 {
		t.Errorf("University is %v, Pennsylvania State University %v", got["University"], got["Pennsylvania State University"])
	}
	if len(got["Penn State"]) != 1 || !slices.Equal(got["Penn State"], got["Pennsylvania State University"]) {
		t.Errorf("Penn State is %v, Pennsylvania State University %v", got["Penn State"], got["Pennsylvania State University"])
	}
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"penn state", "pennsylvania state university", true},
		{"penn state", "penn state university", false}, // no word cut short: the same name, not a clipping
		{"cal state", "california state university", true},
		{"penn state", "pennsylvania state police", false},
		{"st state", "state state university", false},
	} {
		if got := clips(splitWords(c.short), splitWords(c.long)); got != c.want {
			t.Errorf("clips(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
}

func splitWords(s string) []string {
	return slices.Collect(func(yield func(string) bool) {
		start := 0
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] == ' ' {
				if !yield(s[start:i]) {
					return
				}
				start = i + 1
			}
		}
	})
}

// TestAddressedTitle: the tagger reads "Madam Speaker" in GUM's
// speech_floyd as a person; it is the article's Speaker, Nancy Pelosi.
func TestAddressedTitle(t *testing.T) {
	got := entitiesOf(t, "Washington, D.C. – Speaker Nancy Pelosi delivered remarks on the Floor of the House. "+
		"They came and they asked me that day, they said, ‘Madam Speaker, will you name this bill for our brother?’")
	if len(got["Madam Speaker"]) != 1 || !slices.Equal(got["Madam Speaker"], got["Nancy Pelosi"]) {
		t.Errorf("Madam Speaker is %v, Nancy Pelosi %v (%v)", got["Madam Speaker"], got["Nancy Pelosi"], got)
	}
}

// TestQualifiedTitle: GUM's speech_maiden; "our new President", with a
// word between the determiner and the title, stands for the article's
// one President as "our President" does.
func TestQualifiedTitle(t *testing.T) {
	got := entitiesOf(t, "In his inaugural address, President Biden spoke to this moment. "+
		"Now, not to upstage our new President, but his has not been the only swearing in today.")
	if len(got["President"]) != 1 || !slices.Equal(got["President"], got["Biden"]) {
		t.Errorf("President is %v, Biden %v (%v)", got["President"], got["Biden"], got)
	}
}

// TestTitleOfPlace: GUM's bio_emperor; "Emperor of the United States",
// which the tagger reads as an organisation, is the article's one
// Emperor, whose title is written with another of his names ("Emperor
// Norton" beside "Joshua Abraham Norton"), in an article about the
// United States.
func TestTitleOfPlace(t *testing.T) {
	got := entitiesOf(t, "Joshua Abraham Norton (c. 1818 – January 8, 1880), known as Emperor Norton, was a citizen of "+
		"San Francisco, California, who in 1859 proclaimed himself \"Norton I, Emperor of the United States\". "+
		"He reemerged in September 1859, laying claim to the position of Emperor of the United States. "+
		"By 1859, Norton had become completely disgruntled with what he considered the inadequacies of the legal and "+
		"political structures of the United States. At the peremptory request and desire of a large majority of the "+
		"citizens of these United States, I, Joshua Norton, declare and proclaim myself Emperor.")
	if len(got["Emperor of the United States"]) != 1 || !slices.Equal(got["Emperor of the United States"], got["Joshua Abraham Norton"]) {
		t.Errorf("Emperor of the United States is %v, Joshua Abraham Norton %v (%v)",
			got["Emperor of the United States"], got["Joshua Abraham Norton"], got)
	}
	if titleOf("Emperor of the United States") != "Emperor" || titleOf("Office of the President") != "" {
		t.Errorf("titleOf: %q, %q", titleOf("Emperor of the United States"), titleOf("Office of the President"))
	}
}

// TestTitleOfCountry: in GUM's speech_impeachment "the President of the
// United States" is the article's one President, Donald John Trump; "the
// President of Ukraine", with no holder of that office in the text, is no
// one.
func TestTitleOfCountry(t *testing.T) {
	got := entitiesOf(t, "Madam Speaker, \"I solemnly swear that in all things appertaining to the trial of the impeachment "+
		"of Donald John Trump, President of the United States, now pending, I will do impartial justice.\" "+
		"By a vote of this House, we impeached the President of the United States based upon our oath. "+
		"He had called the President of Ukraine.")
	if len(got["President of the United States"]) != 1 || !slices.Equal(got["President of the United States"], got["Donald John Trump"]) {
		t.Errorf("President of the United States is %v, Donald John Trump %v (%v)",
			got["President of the United States"], got["Donald John Trump"], got)
	}
	if n := got["President of Ukraine"]; len(n) != 0 {
		t.Errorf("President of Ukraine is %v", n)
	}
}

// TestRegionOfCountry: "northern Syria" (GUM's news texts link it to
// Northern Syria) is a region of its own, not Syria; a town's part is
// the town, as MEANTIME reads "central London".
func TestRegionOfCountry(t *testing.T) {
	got := entitiesOf(t, "Turkish troops crossed into northern Syria on Monday. Syria protested. "+
		"Protesters marched in central London, and London police watched.")
	if len(got["northern Syria"]) != 1 || slices.Equal(got["northern Syria"], got["Syria"]) {
		t.Errorf("northern Syria is %v, Syria %v (%v)", got["northern Syria"], got["Syria"], got)
	}
	if len(got["London"]) != 1 || len(got["central London"]) != 0 {
		t.Errorf("London is %v, central London %v", got["London"], got["central London"])
	}
}

// TestSeaOfPlace: GUM's voyage_merida. The tagger reads "the Gulf of
// Mexico" as "Gulf" and "Mexico"; it is one place, with Mexico, which the
// article names on its own, named inside it, and no place "Gulf" is left
// to join every article's.
func TestSeaOfPlace(t *testing.T) {
	got := byMention(t, "Mérida is the capital of the state of Yucatán, Mexico. "+
		"The cool breezes from the Gulf of Mexico drift into Mérida in the evenings and this is when many of the "+
		"residents spend their time outdoors. Take your time and really explore the Maya sites, walk for miles "+
		"along the Gulf of Mexico, attend a village festival.",
		func(e graph.Entity) (string, bool) { return e.Kind.String() + ":" + e.Name, true })
	if g := got["Gulf of Mexico"]; len(g) != 1 || g[0] != "place:Gulf of Mexico" {
		t.Errorf("Gulf of Mexico is %v (%v)", g, got)
	}
	if g := got["Gulf"]; len(g) > 0 {
		t.Errorf("Gulf is a name: %v", g)
	}
	if g := got["Mexico"]; len(g) != 1 || g[0] != "place:Mexico" {
		t.Errorf("Mexico is %v", g)
	}
}

// TestTrimCitedYear: a citation's year the tagger read into its author's
// name is taken off (GUM's life of Charles Fillmore: "(Fillmore 1968)"),
// not an event's year nor a year inside a sentence's words.
func TestTrimCitedYear(t *testing.T) {
	text := "In 1968, he published his theory of Case Grammar (Fillmore 1968), which highlighted the fact that syntactic structure can be predicted. " +
		"Expo 2020 opened. Berlin 1936 was a turning point for the Games."
	sents := segment.Split(text)
	var got []string
	for _, c := range []struct {
		kind graph.Kind
		name string
	}{{graph.Place, "Fillmore 1968"}, {graph.Misc, "Expo 2020"}, {graph.Place, "Berlin 1936"}} {
		m := tagged(t, text, sents, c.kind, c.name, 0)
		m = trimCitedYear(text, sents[m.Sentence].Tokens, m)
		if text[m.Span.Start:m.Span.End] != m.Text {
			t.Errorf("%q spans %q", m.Text, text[m.Span.Start:m.Span.End])
		}
		got = append(got, m.Text)
	}
	if want := "Fillmore|Expo 2020|Berlin 1936"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}
