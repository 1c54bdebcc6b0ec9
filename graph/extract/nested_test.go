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

// TestNestedMostlyTagged: a name the tagger types two ways in the article
// is, inside a longer name, of the kind of most of its mentions, as the
// article's entity will be (MEANTIME's Cisco sues Apple: "Cisco", read
// as an organisation twice and a place once, is found in "San
// Jose-Cisco").
func TestNestedMostlyTagged(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "The dispute has come up between the manufacturer of the iPhone - Apple Inc. - and a leader in network and " +
		"communication systems, based in San Jose-Cisco. This became the reason for Cisco to file a lawsuit against Apple Inc. " +
		"Cisco states that it has received the trademark in 2000. The iPhone developed by Cisco is a device."
	sents := segment.Split(text)
	var ms []ner.Mention
	tag := func(s string, k graph.Kind, from int) int {
		i := from + strings.Index(text[from:], s)
		for si, sent := range sents {
			if sent.Span.Start <= i && i < sent.Span.End {
				ms = append(ms, ner.Mention{Kind: k, Span: graph.Span{Start: i, End: i + len(s)}, Sentence: si, Text: s})
			}
		}
		return i + len(s)
	}
	at := tag("San Jose-Cisco", graph.Place, 0)
	next := tag("Cisco", graph.Org, at)
	next = tag("Cisco", graph.Org, next)
	tag("Cisco", graph.Place, next)
	for _, m := range nestedNames(gaz, text, sents, ms, nil, nil) {
		if m.Text == "Cisco" {
			if m.Kind != graph.Org {
				t.Errorf("Cisco in San Jose-Cisco is a %v", m.Kind)
			}
			return
		}
	}
	t.Error("Cisco not found in San Jose-Cisco")
}

// TestNestedInHeadedNames: a name the tagger read as a person but whose
// head makes it a work or a building holds the names in it (GUM's
// bio_marbles: "Jenna" in "Jenna Julien Podcast", where the article
// names Jenna on her own).
func TestNestedInHeadedNames(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Jenna began the Jenna Julien Podcast in 2013. Jenna said it was fun."
	sents := segment.Split(text)
	var ms []ner.Mention
	for _, w := range []struct {
		s    string
		from int
	}{{"Jenna", 0}, {"Jenna Julien Podcast", 0}, {"Jenna", 40}} {
		i := w.from + strings.Index(text[w.from:], w.s)
		for si, sent := range sents {
			if sent.Span.Start <= i && i < sent.Span.End {
				ms = append(ms, ner.Mention{Kind: graph.Person, Span: graph.Span{Start: i, End: i + len(w.s)}, Sentence: si, Text: w.s})
			}
		}
	}
	at := strings.Index(text, "Jenna Julien")
	for _, m := range nestedNames(gaz, text, sents, ms, nil, nil) {
		if m.Text == "Jenna" && m.Span.Start == at && m.Kind == graph.Person {
			return
		}
	}
	t.Error("Jenna not found in Jenna Julien Podcast")
}

// TestNestedTwoDeep: a person inside an organisation found inside a
// longer name is found too (GUM's news_warhol: "Andy Warhol" in "Andy
// Warhol Foundation" in "Andy Warhol Foundation for the Visual Arts").
func TestNestedTwoDeep(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "The Andy Warhol Foundation for the Visual Arts made two donations to USI Art Collections. " +
		"K.C. Maurer, treasurer at the Andy Warhol Foundation, said so. Andy Warhol died in 1987."
	sents := segment.Split(text)
	var ms []ner.Mention
	for _, n := range []struct {
		s    string
		kind graph.Kind
	}{{"Andy Warhol Foundation for the Visual Arts", graph.Org}, {"Andy Warhol Foundation,", graph.Org}, {"Andy Warhol died", graph.Person}} {
		i := strings.Index(text, n.s)
		name := strings.TrimSuffix(strings.TrimSuffix(n.s, ","), " died")
		ms = append(ms, ner.Mention{Kind: n.kind, Span: graph.Span{Start: i, End: i + len(name)}, Sentence: sentenceOfByte(sents, i), Text: name})
	}
	var got []string
	for _, m := range nestedNames(gaz, text, sents, ms, nil, nil) {
		if m.Span.Start < len("The Andy Warhol Foundation for the Visual Arts") {
			got = append(got, m.Kind.String()+":"+m.Text)
		}
	}
	if want := "org:Andy Warhol Foundation|person:Andy Warhol"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestNestedSettledKind: GUM's news_clock. The tagger reads "Google" as a
// place ("Google headquarters"), which the article settles as the
// organisation, so "Google" in "Google Science Fair" is a mention of
// Google; GUM's bio_chao: "Harvard" alone, which the article joins to
// "Harvard University", is no mention of its own inside that name.
func TestNestedSettledKind(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, outer, inner string
		want               bool
	}{
		{"Yesterday Mohamed received VIP attention at Google headquarters in California at the Google Science Fair. " +
			"The Twitter attention led to outreach from Google and Mohamed was invited to their Google Science Fair. " +
			"Mohamed was a VIP guest at the Google Science Fair this weekend, and was able to meet finalists at the event " +
			"held at Google's headquarters located in Mountain View, California. Co-founder of Google, Sergey Brin, " +
			"personally met with Mohamed during his visit to Google.", "Google Science Fair", "Google", true},
		{"He then became interested in philosophy, and earned a Ph.D. in philosophy from Harvard University in 1918. " +
			"Chao taught mathematics at Tsinghua University and, one year later, returned to the United States to teach at Harvard.",
			"Harvard University", "Harvard", false},
	} {
		doc := &graph.Document{Article: graph.Article{ID: 1, Text: c.text}}
		if err := p.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		outers, inside := 0, 0
		for _, m := range doc.Mentions {
			if m.Text == c.outer {
				outers++
				for _, n := range doc.Mentions {
					if n.Text == c.inner && n.Span.Start >= m.Span.Start && n.Span.End <= m.Span.End {
						inside++
						if k := doc.Entities[doc.LocalIndex(n.Entity)].Kind; k != graph.Org {
							t.Errorf("%q in %q is a %s", c.inner, c.outer, k)
						}
					}
				}
			}
		}
		if outers == 0 || (inside == outers) != c.want || !c.want && inside > 0 {
			t.Errorf("%q inside %d of %d %q, want inside all: %v", c.inner, inside, outers, c.outer, c.want)
		}
	}
}
