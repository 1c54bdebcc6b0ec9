package furniture

import (
	"strings"
	"testing"

	"dateline/graph"
)

// breitbart is the end of a Breitbart article in PolNeAR (Lindsey Graham
// on Trump's "incredibly hateful" rhetoric, 2015-12-03), with its byline
// footer.
const breitbart = "He continued, \"I believe Donald Trump is destroying the Republican Party's chance " +
	"to win an election that we can't afford to lose.\"\n\n" +
	"Follow Pam Key on Twitter @pamkeyNEN.\n"

func TestLines(t *testing.T) {
	text := "  Follow Pam Key on Twitter @pamkeyNEN.\n\n* * *\n" +
		"FOLLOW PAM KEY   ON TWITTER @PAMKEYNEN.\n" + strings.Repeat("word ", MaxLine/5+1) + "\n9:15 p.m."
	ls := Lines(text)
	if len(ls) != 3 {
		t.Fatalf("Lines found %d lines, want 3 (the footer twice and the time): %+v", len(ls), ls)
	}
	if got := text[ls[0].Span.Start:ls[0].Span.End]; got != "Follow Pam Key on Twitter @pamkeyNEN." {
		t.Errorf("the first line's span is %q, want it without the leading spaces", got)
	}
	if ls[0].Hash != ls[1].Hash {
		t.Error("the footer in capitals and with wider spacing hashes differently")
	}
	if ls[0].Hash == ls[2].Hash {
		t.Error("two different lines hash alike")
	}
	if got := text[ls[2].Span.Start:ls[2].Span.End]; got != "9:15 p.m." {
		t.Errorf("the last line is %q, want the time (a line of MaxLine bytes or more and one without letters are never furniture)", got)
	}
}

func TestSource(t *testing.T) {
	a, b, c := &graph.Article{Source: "breitbart"}, &graph.Article{Source: "Breitbart"}, &graph.Article{Source: "huff-post"}
	if Source(a) != Source(b) {
		t.Error("a source's name in another case is another source")
	}
	if Source(a) == Source(c) {
		t.Error("two sources hash alike")
	}
	if Source(a) == lineHash("breitbart") {
		t.Error("a source hashes like a line of the same words")
	}
}

func TestChoose(t *testing.T) {
	footer := lineHash("Follow Pam Key on Twitter @pamkeyNEN.")
	doc := &graph.Document{Article: graph.Article{Text: breitbart}}
	spans := Choose(doc, Lines(doc.Article.Text), func(h Hash) bool { return h == footer })
	if len(spans) != 1 || breitbart[spans[0].Start:spans[0].End] != "Follow Pam Key on Twitter @pamkeyNEN." {
		t.Fatalf("Choose gave %v, want the footer", spans)
	}
	if got := Choose(doc, Lines(doc.Article.Text), func(Hash) bool { return false }); got != nil {
		t.Errorf("with no line repeated, Choose gave %v", got)
	}
	// A second version of a story: most of its lines are another
	// article's, so none of them is furniture.
	long := &graph.Document{Article: graph.Article{Text: "Trump spoke in Iowa.\n\n" + breitbart}}
	if got := Choose(long, Lines(long.Article.Text), func(h Hash) bool { return h != footer }); got != nil {
		t.Errorf("an article whose lines but the footer repeat had furniture %v, want none: it is another article's version", got)
	}
}

// TestChooseKeepsNews: the Kremlin's call with Pashinyan (2022-04-01)
// opens with a line seven of its articles print; it is the one place the
// article names whom Putin called, and a line further down that reports
// the call (its event) is as much the article's own.
func TestChooseKeepsNews(t *testing.T) {
	lead := "Vladimir Putin had a telephone conversation with Prime Minister of the Republic of Armenia Nikol Pashinyan."
	rest := "The leaders continued their exchange of views on maintaining stability in Nagorno-Karabakh and confirmed " +
		"the need for strict observance of the tripartite agreements between the leaders of Armenia, Azerbaijan and Russia."
	doc := &graph.Document{Article: graph.Article{Text: lead + "\n\n" + rest + "\n\n" + rest + " " + rest}}
	if got := Choose(doc, Lines(doc.Article.Text), func(h Hash) bool { return h == lineHash(lead) }); got != nil {
		t.Errorf("the repeated lead is furniture: %v", got)
	}
	text := rest + " " + rest + "\n\n" + lead + "\n"
	at := strings.Index(text, "had a telephone conversation")
	doc = &graph.Document{Article: graph.Article{Text: text},
		Events: []graph.Event{{Category: "meeting", Span: graph.Span{Start: at, End: at + len("had a telephone conversation")}}}}
	if got := Choose(doc, Lines(doc.Article.Text), func(h Hash) bool { return h == lineHash(lead) }); got != nil {
		t.Errorf("a repeated line reporting a call is furniture: %v", got)
	}
	doc.Events = nil
	if got := Choose(doc, Lines(doc.Article.Text), func(h Hash) bool { return h == lineHash(lead) }); len(got) != 1 {
		t.Errorf("without its event the repeated line below the first is furniture, got %v", got)
	}
}

// TestFilter takes the footer out of the passage as extraction reads it:
// Pam Key, named only there, goes, and with her the relation the footer
// gave her and Twitter, and Twitter itself; Graham (the "He"), Trump and
// the Republican Party, the quote and the statement stay, their
// references renumbered.
func TestFilter(t *testing.T) {
	at := func(s string) graph.Span {
		i := strings.Index(breitbart, s)
		return graph.Span{Start: i, End: i + len(s)}
	}
	first := graph.Span{Start: 0, End: strings.Index(breitbart, "\n")}
	footer := at("Follow Pam Key on Twitter @pamkeyNEN.")
	doc := &graph.Document{
		Entities: []graph.Entity{
			{Kind: graph.Person, Name: "Lindsey Graham"}, // 1
			{Kind: graph.Person, Name: "Pam Key"},        // 2, in the footer only
			{Kind: graph.Person, Name: "Donald Trump"},   // 3
			{Kind: graph.Org, Name: "Twitter"},           // 4, in the footer only
			{Kind: graph.Org, Name: "Republican Party"},  // 5
			{Kind: graph.Org, Name: "Breitbart News"},    // 6, known without a mention
		},
		Mentions: []graph.Mention{
			{Entity: 1, Span: at("He"), Sentence: first},
			{Entity: 3, Span: at("Donald Trump"), Sentence: first},
			{Entity: 5, Span: at("Republican Party"), Sentence: first},
			{Entity: 2, Span: at("Pam Key"), Sentence: footer},
			{Entity: 4, Span: at("Twitter"), Sentence: footer},
		},
		Quotes: []graph.Quote{{Speaker: 1, Span: at("I believe Donald Trump is destroying"), About: []graph.ID{3, 5}, Sentence: first}},
		Events: []graph.Event{
			{Category: "statement", Span: at("continued"), Participants: []graph.ID{1, 3}, Actor: 1, Sentence: first},
			{Category: "statement", Span: at("Follow"), Participants: []graph.ID{2}, Actor: 2, Sentence: footer},
		},
		Relations: []graph.Relation{
			{From: 1, To: 3, Sentence: first},
			{From: 2, To: 4, Sentence: footer},
			{From: 6, To: 2, Sentence: first},
		},
		Sentences: []graph.Span{first, footer},
	}
	got := Filter(doc, []graph.Span{footer})
	var names []string
	for _, e := range got.Entities {
		names = append(names, e.Name)
	}
	if strings.Join(names, ", ") != "Lindsey Graham, Donald Trump, Republican Party, Breitbart News" {
		t.Fatalf("entities after the filter: %v", names)
	}
	name := func(id graph.ID) string {
		if i := got.LocalIndex(id); i >= 0 {
			return got.Entities[i].Name
		}
		return "-"
	}
	var ms []string
	for _, m := range got.Mentions {
		ms = append(ms, name(m.Entity)+"@"+breitbart[m.Span.Start:m.Span.End])
	}
	if strings.Join(ms, ", ") != "Lindsey Graham@He, Donald Trump@Donald Trump, Republican Party@Republican Party" {
		t.Errorf("mentions after the filter: %v", ms)
	}
	if len(got.Quotes) != 1 || name(got.Quotes[0].Speaker) != "Lindsey Graham" || len(got.Quotes[0].About) != 2 ||
		name(got.Quotes[0].About[0]) != "Donald Trump" || name(got.Quotes[0].About[1]) != "Republican Party" {
		t.Errorf("quotes after the filter: %+v", got.Quotes)
	}
	if len(got.Events) != 1 || name(got.Events[0].Actor) != "Lindsey Graham" || len(got.Events[0].Participants) != 2 {
		t.Errorf("events after the filter: %+v", got.Events)
	}
	if len(got.Relations) != 1 || name(got.Relations[0].From) != "Lindsey Graham" || name(got.Relations[0].To) != "Donald Trump" {
		t.Errorf("relations after the filter: %+v", got.Relations)
	}
	if len(got.Sentences) != 2 {
		t.Errorf("the filter took sentences out: %v", got.Sentences)
	}
	if len(doc.Entities) != 6 || len(doc.Mentions) != 5 || doc.Mentions[3].Entity != 2 {
		t.Error("the filter changed the document it was given")
	}
	if Filter(doc, nil) != doc {
		t.Error("with no furniture the filter copied the document")
	}
}

// TestFilterKeepsSpeakers: a transcript's turn label is a line each of
// the source's transcripts repeats (the Kremlin's "President of Russia
// Vladimir Putin:", BRICS+ meeting, 2022-06-24), but the words after it
// are news: the quote keeps its speaker's mention, and the label's other
// name goes.
func TestFilterKeepsSpeakers(t *testing.T) {
	text := "President of Russia Vladimir Putin:\nColleagues, friends, First, I would like to welcome the guests of the BRICS Summit.\n"
	at := func(s string) graph.Span {
		i := strings.Index(text, s)
		return graph.Span{Start: i, End: i + len(s)}
	}
	label := at("President of Russia Vladimir Putin:")
	doc := &graph.Document{
		Entities: []graph.Entity{{Kind: graph.Place, Name: "Russia"}, {Kind: graph.Person, Name: "Vladimir Putin"}, {Kind: graph.Org, Name: "BRICS"}},
		Mentions: []graph.Mention{
			{Entity: 1, Span: at("Russia"), Sentence: label},
			{Entity: 2, Span: at("Vladimir Putin"), Sentence: label},
			{Entity: 3, Span: at("BRICS"), Sentence: at("Colleagues, friends, First")},
		},
		Quotes: []graph.Quote{{Speaker: 2, SpeakerSpan: at("Vladimir Putin"), Cue: ":", Span: at("Colleagues, friends, First, I would like to welcome the guests of the BRICS Summit."), About: []graph.ID{3}}},
	}
	got := Filter(doc, []graph.Span{label})
	if len(got.Entities) != 2 || got.Entities[0].Name != "Vladimir Putin" || got.Entities[1].Name != "BRICS" {
		t.Fatalf("entities after the filter: %+v", got.Entities)
	}
	if len(got.Mentions) != 2 || got.Mentions[0].Entity != 1 || text[got.Mentions[0].Span.Start:got.Mentions[0].Span.End] != "Vladimir Putin" {
		t.Errorf("mentions after the filter: %+v", got.Mentions)
	}
	if len(got.Quotes) != 1 || got.Quotes[0].Speaker != 1 || len(got.Quotes[0].About) != 1 || got.Quotes[0].About[0] != 2 {
		t.Errorf("the quote after the filter: %+v", got.Quotes)
	}
}
