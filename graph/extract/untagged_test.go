package extract

import (
	"slices"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/resolve/meantime"
	"dateline/graph/sharedtest"
)

// TestUntaggedNames checks the names untaggedNames adds where the tagger
// found none, on sentences of a PolNeAR story and the president.gov.ua
// releases, whatever the embedded model tags: platforms, a body's head
// noun before its "of" phrase, a country noun standing for the country
// and the planet Earth; not a head inside a longer untagged name, nor one already
// tagged.
func TestUntaggedNames(t *testing.T) {
	for _, c := range []struct {
		text   string
		tagged []string // names given to untaggedNames as the tagger's
		want   []string
	}{
		{"Trump attacked Cruz on Twitter on Sunday. The campaign later posted a video on Facebook.", nil, []string{"Twitter", "Facebook"}},
		{"Trump attacked Cruz on Twitter on Sunday.", []string{"Twitter"}, []string{"Twitter"}},
		{"On Monday, the Office of the President of Ukraine said the talks went well.", []string{"Ukraine"}, []string{"Office", "Ukraine"}},
		{"The Office of the President reported on the talks.", nil, []string{"Office"}},
		{"He spoke in the Oval Office of the White House.", nil, nil},
		{"The office of the president said so.", nil, nil},
		// GUM's speeches: the country noun written for the country, not
		// in a title-cased line nor before a name's next word.
		{"President Biden pointed the way to our Nation’s recovery and renewal.", []string{"Biden"}, []string{"Biden", "Nation"}},
		{"Ladies and gentlemen, as you may be aware, the Country’s development blue print is being implemented.", nil, []string{"Country"}},
		{"Address to the Nation Announcing Decision To Resign the Office of President of the United States", nil, []string{"Office"}},
		{"Our Nation will win, and the Republic Day parade goes ahead.", nil, []string{"Nation"}},
		// GUM's interviews: the news site that interviewed.
		{"National Magic Month is in the United States. Wikinews spoke with William Evans, president of the International Brotherhood of Magicians.",
			[]string{"United", "William"}, []string{"United", "Wikinews", "William"}},
		// GUM's humanitarian speech and LLM podcast: the planet, not
		// Tolkien's world nor a day's name.
		{"I fear a great fracture, with the two largest economies on Earth creating two separate and competing worlds.", nil, []string{"Earth"}},
		{"The Earth turns around the sun once a year. Tolkien wrote of Middle Earth, and Earth Day is in April.", nil, []string{"Earth"}},
	} {
		sents := segment.Split(c.text)
		var ms []ner.Mention
		for _, n := range c.tagged {
			for si, s := range sents {
				for _, tk := range s.Tokens {
					if tk.Text == n {
						ms = append(ms, ner.Mention{Kind: graph.Place, Span: graph.Span(tk.Span), Sentence: si, Text: n})
					}
				}
			}
		}
		var got []string
		for _, m := range untaggedNames(c.text, sents, ms) {
			got = append(got, m.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: names %q, want %q", c.text, got, c.want)
		}
	}
}

// TestSplitWholeOf checks that a name complete in itself ends before an
// "of" phrase a tagger ran it into, on a president.gov.ua sentence, and
// that other names with "of" are left whole.
func TestSplitWholeOf(t *testing.T) {
	text := "During the meeting with Secretary of State for the European Union of the Ministry of Foreign Affairs, the focus was on Ukraine."
	sents := segment.Split(text)
	for _, c := range []struct {
		name        string
		whole, rest string
	}{
		{"European Union of the Ministry of Foreign Affairs", "European Union", "Ministry of Foreign Affairs"},
		{"Ministry of Foreign Affairs", "", ""},
	} {
		i := len(text) - len(c.name)
		for k := range text {
			if k+len(c.name) <= len(text) && text[k:k+len(c.name)] == c.name {
				i = k
				break
			}
		}
		m := ner.Mention{Kind: graph.Org, Span: graph.Span{Start: i, End: i + len(c.name)}, Text: c.name}
		whole, rest, ok := splitWholeOf(text, sents[0].Tokens, m)
		if ok != (c.whole != "") || ok && (whole.Text != c.whole || rest.Text != c.rest) {
			t.Errorf("splitWholeOf(%q) = %q, %q, %v; want %q, %q", c.name, whole.Text, rest.Text, ok, c.whole, c.rest)
		}
	}
}

// TestPairNames: a company named after two founders ("Lockheed Martin")
// is the one its first word names alone later in the article ("Lockheed
// ultimately winning the contest"), on a MEANTIME Wikinews story (2008)
// read whole, as the identity evaluation reads it.
func TestPairNames(t *testing.T) {
	doc, err := meantime.ReadFile(sharedtest.Path(t, "corpora/meantime/corpus_airbus/100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing.xml"))
	if err != nil {
		t.Fatal(err)
	}
	got := entitiesOf(t, doc.Text)
	if len(got["Lockheed"]) != 1 || !slices.Equal(got["Lockheed"], got["Lockheed Martin"]) {
		t.Errorf("Lockheed is %v, Lockheed Martin %v", got["Lockheed"], got["Lockheed Martin"])
	}
}

// TestCompanyFirstWord: the first word of a company's two-word name,
// standing alone, is the company ("Apple executives" after "Apple
// Computer"), as a surname is its person, whether or not the tagger
// found it there (a MEANTIME Wikinews story, 2006, read whole).
func TestCompanyFirstWord(t *testing.T) {
	doc, err := meantime.ReadFile(sharedtest.Path(t, "corpora/meantime/corpus_apple/43503_Apple_plans_to_sell.xml"))
	if err != nil {
		t.Fatal(err)
	}
	got := entitiesOf(t, doc.Text)
	if len(got["Apple"]) != 1 || !slices.Equal(got["Apple"], got["Apple Computer"]) {
		t.Errorf("Apple is %v, Apple Computer %v", got["Apple"], got["Apple Computer"])
	}
}

// TestSplitPossessive checks that a name run over a plural possessive is
// two names, on a MEANTIME Wikinews sentence (2006), and that a singular
// "'s" inside a name is left alone.
func TestSplitPossessive(t *testing.T) {
	for _, c := range []struct {
		text, name   string
		owner, owned string
	}{
		{"The Beatles' Apple Corps sued Apple Computer over the logo.", "Beatles' Apple Corps", "Beatles", "Apple Corps"},
		{"The Beatles ' Apple Corps sued Apple Computer over the logo.", "Beatles ' Apple Corps", "Beatles", "Apple Corps"},
		{"Talks with the People's Republic of China resumed.", "People's Republic of China", "", ""},
	} {
		sents := segment.Split(c.text)
		i := strings.Index(c.text, c.name)
		m := ner.Mention{Kind: graph.Org, Span: graph.Span{Start: i, End: i + len(c.name)}, Text: c.name}
		owner, owned, ok := splitPossessive(c.text, sents[0].Tokens, m)
		if ok != (c.owner != "") || ok && (owner.Text != c.owner || owned.Text != c.owned) {
			t.Errorf("splitPossessive(%q) = %q, %q, %v; want %q, %q", c.name, owner.Text, owned.Text, ok, c.owner, c.owned)
		}
	}
}
