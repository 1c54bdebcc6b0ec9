package extract

import (
	"context"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// tagged returns the tagger mention of the n-th (from 0) occurrence of
// name in text.
func tagged(t *testing.T, text string, sents []segment.Sentence, kind graph.Kind, name string, n int) ner.Mention {
	t.Helper()
	at := 0
	for ; n >= 0; n-- {
		i := strings.Index(text[at:], name)
		if i < 0 {
			t.Fatalf("no %q in the text", name)
		}
		at += i
		if n > 0 {
			at += len(name)
		}
	}
	sp := graph.Span{Start: at, End: at + len(name)}
	for si, s := range sents {
		if s.Span.Start <= sp.Start && sp.End <= s.Span.End {
			return ner.Mention{Kind: kind, Span: sp, Sentence: si, Text: name}
		}
	}
	t.Fatalf("%q is in no sentence", name)
	return ner.Mention{}
}

// TestRepeatNames: the tagger found "Steve Jobs" and "Apple" once; their
// other mentions are found, a surname alone included, but not "Jobs"
// opening a sentence of a text that also writes "jobs", nor a word that
// is part of a longer capitalised name ("Apple Store"), nor a surname two
// people of the article share.
func TestRepeatNames(t *testing.T) {
	text := "Apple chief executive Steve Jobs unveiled the phone on Monday in San Francisco. " +
		"The new iPhone was praised by Jobs as the biggest leap since the original. " +
		"Jobs also said that the phone would create jobs in the US, and that Apple would sell it at every Apple Store. " +
		"Ann Smith and Bob Smith of the Apple Store in Palo Alto said Smith was right."
	sents := segment.Split(text)
	in := []ner.Mention{
		tagged(t, text, sents, graph.Org, "Apple", 0),
		tagged(t, text, sents, graph.Person, "Steve Jobs", 0),
		tagged(t, text, sents, graph.Person, "Ann Smith", 0),
		tagged(t, text, sents, graph.Person, "Bob Smith", 0),
	}
	out := repeatNames(text, sents, in)
	var got []string
	for _, m := range out {
		got = append(got, m.Kind.String()+":"+m.Text+"@"+string(rune('0'+m.Sentence)))
		if m.Span.Of(text) != m.Text {
			t.Errorf("mention %q has span %v", m.Text, m.Span)
		}
	}
	want := "org:Apple@0 person:Steve Jobs@0 person:Jobs@1 org:Apple@2 person:Ann Smith@3 person:Bob Smith@3"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	for i := 1; i < len(out); i++ {
		if out[i].Span.Start < out[i-1].Span.Start {
			t.Errorf("mentions out of text order: %v", got)
		}
	}
}

// TestSurnamesAsPeople: "Warhol" tagged as an organisation beside the
// article's one "Andy Warhol" is the artist; "Disney" beside "Walt Disney"
// stays the company when the article names "the Walt Disney Company" more
// often than the man.
func TestSurnamesAsPeople(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text   string
		found  []ner.Mention
		word   string
		joined bool
	}{
		{text: "Andy Warhol made prints. Warhol's studio was busy, and Warhol sold them.", word: "warhol", joined: true},
		{text: "The Walt Disney Company said Walt Disney founded it; the Walt Disney Company and Disney grew.", word: "disney", joined: false},
	} {
		sents := segment.Split(c.text)
		var ms []ner.Mention
		if c.word == "warhol" {
			ms = []ner.Mention{tagged(t, c.text, sents, graph.Person, "Andy Warhol", 0),
				tagged(t, c.text, sents, graph.Org, "Warhol", 1), tagged(t, c.text, sents, graph.Org, "Warhol", 2)}
		} else {
			ms = []ner.Mention{tagged(t, c.text, sents, graph.Org, "Walt Disney Company", 0),
				tagged(t, c.text, sents, graph.Person, "Walt Disney", 1),
				tagged(t, c.text, sents, graph.Org, "Walt Disney Company", 1), tagged(t, c.text, sents, graph.Org, "Disney", 3)}
		}
		b := newBuilder(gaz, c.text, len(ms))
		for i, m := range ms {
			b.add(i, m, sents[m.Sentence].Span)
		}
		b.unifyKinds()
		b.surnamesAsPeople()
		es, mentions := b.entities()
		var word, person graph.ID
		for _, m := range mentions {
			switch {
			case strings.EqualFold(m.Text, c.word):
				word = m.Entity
				if c.joined && m.Kind != graph.Person {
					t.Errorf("%s is still a %s", m.Text, m.Kind)
				}
			case es[m.Entity-1].Kind == graph.Person:
				person = m.Entity
			}
		}
		if (word == person) != c.joined {
			t.Errorf("%q: %s joined to the person: %v, want %v (%+v)", c.text, c.word, word == person, c.joined, es)
		}
	}
}

// TestTrimTrailingTitle: a job title after an organisation's name goes;
// an office named with "of" and a title phrase stay whole; "Ryanair CEO"
// read as a person is the company.
func TestTrimTrailingTitle(t *testing.T) {
	for _, c := range []struct {
		text, name string
		kind       graph.Kind
		want       string
		wantKind   graph.Kind
	}{
		{"Apple Chief Executive Officer Tim Cook spoke.", "Apple Chief Executive Officer", graph.Org, "Apple", graph.Org},
		{"The Ryanair CEO, Michael O'Leary, spoke.", "Ryanair CEO", graph.Person, "Ryanair", graph.Org},
		{"The Boeing Executive Vice President spoke.", "Boeing Executive Vice", graph.Org, "Boeing", graph.Org},
		{"The Office of the Prime Minister spoke.", "Office of the Prime Minister", graph.Org, "Office of the Prime Minister", graph.Org},
		{"The Foreign Minister spoke.", "Foreign Minister", graph.Org, "Foreign Minister", graph.Org},
		{"Mary Barra spoke.", "Mary Barra", graph.Person, "Mary Barra", graph.Person},
	} {
		sents := segment.Split(c.text)
		m := tagged(t, c.text, sents, c.kind, c.name, 0)
		got := trimTrailingTitle(c.text, sents[m.Sentence].Tokens, m)
		if got.Text != c.want || got.Kind != c.wantKind || got.Span.Of(c.text) != got.Text {
			t.Errorf("%q: got %s %q, want %s %q", c.name, got.Kind, got.Text, c.wantKind, c.want)
		}
	}
}

// TestNestedNames: a place, a person or an organisation the article names
// is found inside a longer name ("UNESCO" in "UNESCO World Heritage List",
// "Hong Kong" in "Hong Kong Island"); a place inside a place's own name
// ("Korea" in "North Korea"), a word that is no populous place, a news
// outlet's home ("New York" in "The New York Times"), an organisation
// inside its own longer name ("Apple" in "Apple Inc.", "Security Council"
// in "UN Security Council") and the whole name are not.
func TestNestedNames(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Andy Warhol taught at the University of Michigan before the Andy Warhol Foundation sold prints to the Boston Red Sox, " +
		"Apple TV and North Korea, The New York Times said. UNESCO put Apple Inc. on its UNESCO World Heritage List. " +
		"Apple agreed; the UN Security Council and the Security Council met in Hong Kong Island, Hong Kong. " +
		"Warhol was shown at the University of Southern Indiana. " + // GUM news_warhol: the region, not the state
		"Biden and Harris spoke for the Biden-Harris Administration in Stoke-on-Trent." // GUM speech_*: names joined by a hyphen
	sents := segment.Split(text)
	ms := []ner.Mention{
		tagged(t, text, sents, graph.Person, "Andy Warhol", 0),
		tagged(t, text, sents, graph.Org, "University of Michigan", 0),
		tagged(t, text, sents, graph.Org, "Andy Warhol Foundation", 0),
		tagged(t, text, sents, graph.Org, "Boston Red Sox", 0),
		tagged(t, text, sents, graph.Org, "Apple TV", 0),
		tagged(t, text, sents, graph.Place, "North Korea", 0),
		tagged(t, text, sents, graph.Org, "The New York Times", 0),
		tagged(t, text, sents, graph.Org, "UNESCO", 0),
		tagged(t, text, sents, graph.Org, "Apple Inc.", 0),
		tagged(t, text, sents, graph.Misc, "UNESCO World Heritage List", 0),
		tagged(t, text, sents, graph.Org, "Apple", 2),
		tagged(t, text, sents, graph.Org, "UN Security Council", 0),
		tagged(t, text, sents, graph.Org, "Security Council", 1),
		tagged(t, text, sents, graph.Place, "Hong Kong Island", 0),
		tagged(t, text, sents, graph.Place, "Hong Kong", 1),
		tagged(t, text, sents, graph.Org, "University of Southern Indiana", 0),
		tagged(t, text, sents, graph.Person, "Biden", 0),
		tagged(t, text, sents, graph.Person, "Harris", 0),
		tagged(t, text, sents, graph.Org, "Biden-Harris Administration", 0),
		tagged(t, text, sents, graph.Place, "Stoke-on-Trent", 0),
	}
	var got []string
	for _, m := range nestedNames(gaz, text, sents, ms, nil, nil) {
		got = append(got, m.Kind.String()+":"+m.Text)
		if m.Span.Of(text) != m.Text {
			t.Errorf("%q has span %v", m.Text, m.Span)
		}
	}
	if want := "place:Michigan person:Andy Warhol place:Boston org:UNESCO place:Hong Kong place:Southern Indiana person:Biden person:Harris"; strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestPluralDemonym: "Americans" and "Ukrainians" are peoples, not their
// countries; "American", "Swiss" and "Ukrainian" read as the country.
func TestPluralDemonym(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"Americans": true, "Ukrainians": true, "Russians": true,
		"American": false, "Swiss": false, "Ukrainian": false, "Texas": false} {
		if got := pluralDemonym(gaz, w); got != want {
			t.Errorf("pluralDemonym(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestStandingTitles: "the Secretary" and "Mr. President" stand for their
// holders; a title before a name or an "of" phrase, and a lower-case
// title, are not found here.
func TestStandingTitles(t *testing.T) {
	text := "Secretary Cardona visited the school. The Secretary said the President Joe Biden had asked him, " +
		"and the President of Ukraine agreed. Thank you, Mr. President. The president left."
	sents := segment.Split(text)
	var got []string
	for _, m := range standingTitles(text, sents, nil) {
		got = append(got, m.Text)
		if m.Span.Of(text) != m.Text || m.Kind != graph.Misc {
			t.Errorf("%q: span %v kind %s", m.Text, m.Span, m.Kind)
		}
	}
	if want := "Secretary President"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// TestTitleOfState: a title whole with its "of" phrase that names no
// country ("the Secretary of State" in GUM's news_asylum, where the
// tagger may tag no "State") stands for its holder, and is John Kerry in
// the article; "the Secretary of State Antony Blinken" names its holder.
func TestTitleOfState(t *testing.T) {
	text := "The US State Department said John Kerry, the Secretary of State, contacted Thailand's foreign minister over temporary shelters. " +
		"Later the Secretary of State Antony Blinken spoke."
	sents := segment.Split(text)
	var got []string
	for _, m := range standingTitles(text, sents, nil) {
		got = append(got, m.Text)
	}
	if want := "Secretary of State"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
	doc := process(t, text[:strings.Index(text, " Later")], "2015-05-20")
	kerry := entityOf(doc, "John Kerry")
	found := false
	for _, m := range doc.Mentions {
		if m.Text == "Secretary of State" {
			found = true
			if doc.LocalIndex(m.Entity) != kerry {
				t.Errorf("the Secretary of State is entity %d, John Kerry %d: %v", doc.LocalIndex(m.Entity), kerry, doc.Entities)
			}
		}
	}
	if !found {
		t.Errorf("no Secretary of State in %v", doc.Mentions)
	}
}

// TestAppositiveTitle: a title with its "of" phrase in apposition to a
// person stands for the person (GUM's speech_impeachment: "Donald John
// Trump, President of the United States"); a bare title after a name is
// not found here.
func TestAppositiveTitle(t *testing.T) {
	text := "I will do impartial justice in the trial of Donald John Trump, President of the United States, now pending. " +
		"We met Smith, President, and Jones."
	sents := segment.Split(text)
	var ms []ner.Mention
	for _, n := range []struct {
		s    string
		kind graph.Kind
	}{{"Donald John Trump", graph.Person}, {"United States", graph.Place}, {"Smith", graph.Person}, {"Jones", graph.Person}} {
		i := strings.Index(text, n.s)
		ms = append(ms, ner.Mention{Kind: n.kind, Span: graph.Span{Start: i, End: i + len(n.s)}, Sentence: sentenceOfByte(sents, i), Text: n.s})
	}
	var got []string
	for _, m := range standingTitles(text, sents, ms) {
		got = append(got, m.Text)
	}
	if want := "President of the United States"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

// sentenceOfByte returns the index of the sentence holding byte i.
func sentenceOfByte(sents []segment.Sentence, i int) int {
	for si, s := range sents {
		if s.Span.Start <= i && i < s.Span.End {
			return si
		}
	}
	return -1
}

// TestStandingTitleJoinsItsHolder: through the whole pipeline, "the
// Secretary" is a mention of the article's one Secretary.
func TestStandingTitleJoinsItsHolder(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := &graph.Document{Article: graph.Article{ID: 1, Text: "Education Secretary Miguel Cardona visited a school in Ohio on Monday. " +
		"The Secretary told teachers that the department would help. Later the Secretary met parents."}}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var cardona graph.ID
	for i, e := range doc.Entities {
		if strings.Contains(e.Name, "Cardona") {
			cardona = graph.Local(i)
		}
	}
	n := 0
	for _, m := range doc.Mentions {
		if m.Text == "Secretary" {
			n++
			if m.Entity != cardona {
				t.Errorf("%q at %v is entity %d, not Cardona (%d): %+v", m.Text, m.Span, m.Entity, cardona, doc.Entities)
			}
		}
	}
	if cardona == 0 || n != 2 {
		t.Errorf("Cardona %d, %d mentions of the Secretary; entities %+v", cardona, n, doc.Entities)
	}
}

// TestTrimLeadingWord: a sentence's opening word read into a name goes;
// a name of one word and "Our Lady" stay.
func TestTrimLeadingWord(t *testing.T) {
	for _, c := range []struct{ text, name, want string }{
		{"Your Santorum is a joke.", "Your Santorum", "Santorum"},
		{"Hey Frank, come here.", "Hey Frank", "Frank"},
		{"Because Earth is warming, seas rise.", "Because Earth", "Earth"},
		{"Our Lady of Lourdes is a shrine.", "Our Lady of Lourdes", "Our Lady of Lourdes"},
		{"Frank came.", "Frank", "Frank"},
	} {
		sents := segment.Split(c.text)
		m := tagged(t, c.text, sents, graph.Person, c.name, 0)
		got := trimLeadingWord(c.text, sents[m.Sentence], m)
		if got.Text != c.want || got.Span.Of(c.text) != got.Text {
			t.Errorf("%q: got %q, want %q", c.name, got.Text, c.want)
		}
	}
}
