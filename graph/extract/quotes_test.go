package extract

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"dateline/graph"
	"dateline/timeline"
)

// process runs the pipeline on text published on day (YYYY-MM-DD).
func process(t testing.TB, text, day string) *graph.Document {
	t.Helper()
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		t.Fatal(err)
	}
	doc := &graph.Document{Article: graph.Article{ID: 1, Text: text, Date: timeline.At(d, timeline.Day)}}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestQuoteSpeakerEntities checks, on real passages, the entity each
// speaker is credited to in the article's graph (issue 11): people by
// their full name, state institutions as organisations named "Body of
// Country" with GovernmentOf, governments and capitals as their country,
// unnamed sources as no entity with their words kept.
func TestQuoteSpeakerEntities(t *testing.T) {
	tests := []struct {
		name, source, day, text string
		content                 string // prefix of the quote's text
		entity                  string // the speaker entity's name, "" for none
		kind                    graph.Kind
		government              string // its GovernmentOf
		speakerText             string // checked when not ""
	}{
		{
			name: "a description by the head of the role", source: "president.gov.ua, 2022-06-01", day: "2022-06-01",
			text:    "Head of the Office of the President of Ukraine Andriy Yermak is convinced that if all the necessary weapons are obtained and effective sanctions are imposed, Ukraine will win this war, and only such steps can force Russia to sit down at the negotiating table and enter into dialogue. He said this while participating in a video conference format in a meeting of the Committee on Foreign Affairs and Defence of the Irish Parliament. \"I am convinced that if we get all the necessary weapons and the effective sanctions regime is strengthened, we will win. It will be a victory not only for Ukraine, it will be a victory for all our partners and friends,\" Andriy Yermak stressed. Asked whether he considers changes in Russia's imperial policy possible, the Head of the President's Office said that, unfortunately, there is only a language of force and blackmail in Russia's political culture.",
			content: "that, unfortunately", entity: "Andriy Yermak", kind: graph.Person, speakerText: "the Head of the President's Office",
		},
		{
			name: "a defence ministry", source: "Reuters-21578, 25-MAR-1987", day: "1987-03-25",
			text:    "The French Defence Ministry said it could not confirm the departure of the Libyan troops, but an official said \"it is extremely likely.\"",
			content: "it could not confirm", entity: "Ministry of Defence of France", kind: graph.Org, government: "FR",
		},
		{
			name: "a foreign ministry", source: "Reuters-21578, 20-MAR-1987", day: "1987-03-20",
			text:    "A Portuguese official today said no more problems remained in settling the future of Macao, and China's Foreign Ministry said an \"important announcement\" would be made at the end of talks on the tiny territory.",
			content: "an \"important announcement\"", entity: "Ministry of Foreign Affairs of China", kind: graph.Org, government: "CN",
		},
		{
			name: "a seat", source: "Reuters-21578, 5-MAR-1987", day: "1987-03-05",
			text:    "The White House said a tax increase is not needed to reduce the federal budget deficit.",
			content: "a tax increase", entity: "White House", kind: graph.Org, government: "US",
		},
		{
			name: "a government", source: "Reuters-21578, 3-MAR-1987", day: "1987-03-03",
			text:    "The Malaysian government said it has re-imposed export duties on rubber at 3/8 cent per kilo after the gazetted price moved above the threshold price of 210 cents per kilo.",
			content: "it has re-imposed", entity: "Malaysia", kind: graph.Place, speakerText: "The Malaysian government",
		},
		{
			name: "a capital", source: "Reuters-21578, 11-MAR-1987", day: "1987-03-11",
			text:    "Washington said the Vaskevitch case is unrelated to the agency's widening investigation into Wall Street's insider trading scandal involving Ivan Boesky and Dennis Levine.",
			content: "the Vaskevitch case", entity: "United States", kind: graph.Place, speakerText: "Washington",
		},
		{
			name: "a ministry the lexicon lacks, then the ministry", source: "Reuters-21578, 25-MAR-1987", day: "1987-03-25",
			text:    "Five regional oil producing nations will gather in Caracas tommorrow for a two-day meeting expected to center on ways to combat proposals for a U.S. tax on imported petroleum, the Venezuela's ministry of energy and mines said. Oil ministers from Mexico, Trinidad and Tobago, Ecuador and Venezuela will be on hand for the fifth meeting of the informal group of Latin American and Caribbean Petroleum Exporters, formed in 1983, it said. Colombia will also attend for the first time, as an observer nation, the ministry said.",
			content: "Colombia will also attend", entity: "Ministry of Energy and Mines of Venezuela", kind: graph.Org, government: "VE", speakerText: "the ministry",
		},
		{
			name: "an unnamed source", source: "Reuters-21578, 11-MAR-1987", day: "1987-03-11",
			text:    "An SEC official in Washington said the Vaskevitch case is unrelated to the agency's widening investigation into Wall Street's insider trading scandal involving Ivan Boesky and Dennis Levine.",
			content: "the Vaskevitch case", speakerText: "An SEC official in Washington",
		},
		{
			name: "a particle joined to a name by a hyphen", source: "GUM_news_crane", day: "2015-09-12",
			text:    "A storm yesterday caused a crane to fall into Mecca's Grand Mosque, killing 107 or more and wounding 238, according to Saudi Arabia's Civil Defense Authority.\n\nCivil Defense Authority director General Suleiman al-Amr, in remarks to al-Ikhbariya television, said \"All those who were wounded and the dead have been taken to hospital. There are no casualties left at the location.\"",
			content: "All those who were wounded", entity: "Suleiman al-Amr", kind: graph.Person,
		},
		{
			name: "the authority of a country, not the country", source: "GUM_news_crane", day: "2015-09-12",
			text:    "A storm yesterday caused a crane to fall into Mecca's Grand Mosque, killing 107 or more and wounding 238, according to Saudi Arabia's Civil Defense Authority.\n\nCivil Defense Authority director General Suleiman al-Amr, in remarks to al-Ikhbariya television, said \"All those who were wounded and the dead have been taken to hospital. There are no casualties left at the location.\"",
			content: "A storm yesterday", entity: "Civil Defense Authority", kind: graph.Org,
		},
		{
			name: "a surname joins the speaker the tagger missed", source: "wash-post_2016-09-03_hacker-who-exposed-clinton-s-use", day: "2016-09-03",
			text:    "A maximum punishment \"would also help address any false perception that unauthorized access of a computer is ever justified or rationalized as the cost of living in a wired society - or even worse, a crime to be celebrated,\" Assistant U.S. Attorney Maya D. Song wrote.\n\nGuccifer 2.0 was branded \"in homage to\" Lazar, Song wrote.",
			content: "in homage to", entity: "Maya D. Song", kind: graph.Person, speakerText: "Song",
		},
		{
			name: "a town speaking as its authority", source: "wash-post_2016-07-15_truck-attack-in-france-kills-at-", day: "2016-07-15",
			text:    "Within half an hour of initial reports of the incident, Facebook had activated its \"safety check\" feature for people in Nice.\n\nIn a tweet, the city of Nice urged people to seek shelter that way, and the hashtag was soon trending globally.",
			content: "people to seek shelter", entity: "Nice", kind: graph.Place, speakerText: "the city of Nice",
		},
		{
			name: "the government, after the UK Government", source: "GUM_news_questionnaire", day: "2023-02-23",
			text:    "Image: UK Government.\n\nThe Border Force vessel HMC Searcher on The Solent on February 8, 2010. Image: Brian Burnell.\n\nThe United Kingdom Home Office today is to begin issuing questionnaires in place of official interviews to determine refugee status for some 12,000 asylee hopefuls from Afghanistan, Eritrea, Libya, Syria and Yemen who applied before last summer.\n\nThe forms are part of Prime Minister Rishi Sunak's effort to clear the nation's 92,000 asylum claim- 'legacy backlog' by year end.\n\nWhile standard security, criminal, and health checks will continue, officials will scrap the face-to-face interview step to \"streamline\" processing for five nationalities whose claim acceptance rate is already above 95%.\n\nThe document, which media reports range from ten to 32 pages with 40 to 50 questions, \"must be completed in English\", the government recommending \"online translation tools\" if needed.",
			content: "online translation tools", entity: "United Kingdom", kind: graph.Place, speakerText: "the government",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := process(t, tc.text, tc.day)
			var got *graph.Quote
			for i := range doc.Quotes {
				if strings.HasPrefix(doc.Quotes[i].Text, tc.content) {
					got = &doc.Quotes[i]
				}
			}
			if got == nil {
				t.Fatalf("no quote %q in %+v", tc.content, doc.Quotes)
			}
			if tc.speakerText != "" && got.SpeakerText != tc.speakerText {
				t.Errorf("speaker text %q, want %q", got.SpeakerText, tc.speakerText)
			}
			if tc.entity == "" {
				if got.Speaker != 0 {
					t.Errorf("speaker is %+v, want none", doc.Entities[got.Speaker-1])
				}
				return
			}
			if got.Speaker == 0 || int(got.Speaker) > len(doc.Entities) {
				t.Fatalf("speaker %d, want %s", got.Speaker, tc.entity)
			}
			e := doc.Entities[got.Speaker-1]
			if e.Name != tc.entity || e.Kind != tc.kind || e.GovernmentOf != tc.government {
				t.Errorf("speaker %q (%v, government of %q), want %q (%v, %q)", e.Name, e.Kind, e.GovernmentOf, tc.entity, tc.kind, tc.government)
			}
			checkMentions(t, doc)
		})
	}
}

// checkMentions checks that the mentions are in text order, that each
// covers its words within its sentence, and that each points to an entity.
func checkMentions(t *testing.T, doc *graph.Document) {
	t.Helper()
	if !sort.SliceIsSorted(doc.Mentions, func(i, j int) bool { return doc.Mentions[i].Span.Start < doc.Mentions[j].Span.Start }) {
		t.Error("mentions are not in text order")
	}
	for _, m := range doc.Mentions {
		if doc.Article.Text[m.Span.Start:m.Span.End] != m.Text || m.Sentence.Start > m.Span.Start || m.Sentence.End < m.Span.End {
			t.Errorf("mention %q has span %v in sentence %v", m.Text, m.Span, m.Sentence)
		}
		if m.Entity == 0 || int(m.Entity) > len(doc.Entities) || doc.Entities[m.Entity-1].Kind != m.Kind {
			t.Errorf("mention %q points to entity %d of %d", m.Text, m.Entity, len(doc.Entities))
		}
	}
}

// TestQuoteSpeakerMentions checks that an institution the tagger did not
// name gets a mention where it speaks by name or description (not "it"),
// in its sentence, so that the graph relates it to what the sentence
// names.
func TestQuoteSpeakerMentions(t *testing.T) {
	text := "Five regional oil producing nations will gather in Caracas tommorrow for a two-day meeting expected to center on ways to combat proposals for a U.S. tax on imported petroleum, the Venezuela's ministry of energy and mines said. Oil ministers from Mexico, Trinidad and Tobago, Ecuador and Venezuela will be on hand for the fifth meeting of the informal group of Latin American and Caribbean Petroleum Exporters, formed in 1983, it said. Colombia will also attend for the first time, as an observer nation, the ministry said."
	doc := process(t, text, "1987-03-25")
	checkMentions(t, doc)
	var id graph.ID
	for i, e := range doc.Entities {
		if e.Name == "Ministry of Energy and Mines of Venezuela" {
			id = graph.ID(i + 1)
		}
	}
	if id == 0 {
		t.Fatalf("no ministry among %+v", doc.Entities)
	}
	var said []string
	for _, m := range doc.Mentions {
		if m.Entity == id {
			said = append(said, m.Text)
		}
	}
	if strings.Join(said, "|") != "the Venezuela's ministry of energy and mines|the ministry" {
		t.Errorf("ministry mentions %q", said)
	}
	related := false
	for _, r := range doc.Relations {
		if r.From == id || r.To == id {
			related = true
		}
	}
	if !related {
		t.Error("the ministry is related to nothing it speaks about")
	}
}

// TestQuoteDates checks the said-on dates that reach the graph, and that
// the writer's own words ("I believe") are not stored as anyone's quote.
func TestQuoteDates(t *testing.T) {
	text := "Just days before it was to report fourth quarter earnings on Wednesday, the social media company said on Friday that it had suspended 125,000 Twitter accounts associated with extremism since mid-2015, the first time it has publicized the number of accounts it has suspended. It also said it had expanded the teams that review reports of accounts connected to extremism, to remove the accounts more quickly.\n\nI believe this decision is not only for Ukraine."
	doc := process(t, text, "2016-02-08") // nyt_2016-02-08_twitter-takes-bigger-steps-to-th, PolNeAR tune; president.gov.ua
	var got []string
	for _, q := range doc.Quotes {
		got = append(got, q.SpeakerText+" "+q.Date.String()+" "+strconv.FormatBool(q.DateFromPublication))
	}
	want := "the social media company 2016-02-05 false|It 2016-02-05 false"
	if strings.Join(got, "|") != want {
		t.Errorf("quotes %q, want %q", got, want)
	}
}

// BenchmarkProcessLarge measures the whole extraction on 1 MB and 5 MB of
// the sample article's paragraphs repeated. Quote building is linear; the
// figures in graph/extract/quote/README.md compare ns/byte at both sizes.
func BenchmarkProcessLarge(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "cmd", "dateline", "demodata", "sample-article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.TrimPrefix(strings.TrimSpace(string(raw)), "date 2022-02-08 ")
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	day, _ := time.Parse("2006-01-02", "2022-02-08")
	for _, size := range []int{1 << 20, 5 << 20} {
		var sb strings.Builder
		for sb.Len() < size {
			sb.WriteString(text)
			sb.WriteString("\n\n")
		}
		big := sb.String()
		b.Run(strconv.Itoa(size>>20)+"MB", func(b *testing.B) {
			b.SetBytes(int64(len(big)))
			for b.Loop() {
				doc := &graph.Document{Article: graph.Article{Text: big, Date: timeline.At(day, timeline.Day)}}
				if err := p.Process(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(big)), "ns/byte")
		})
	}
}

// TestRestatedQuotes: the sample article runs its opening paragraph again
// further down ("Moreover, Macron informed that Russian President Putin
// has assured him …" and "… that Putin has assured him …"); each statement
// is listed once, where the article first gives it, while different
// statements of the same speaker all stay.
func TestRestatedQuotes(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "cmd", "dateline", "demodata", "sample-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimPrefix(strings.TrimSpace(string(raw)), "date 2022-02-08 ")
	doc := process(t, text, "2022-02-08")
	seen := map[string]int{}
	for _, q := range doc.Quotes {
		for _, prefix := range []string{"that the proposals include", "that Russian President Putin has assured", "that Putin has assured", "that some of the ideas", "that the talks with his French"} {
			if strings.HasPrefix(q.Text, prefix) {
				seen[prefix]++
				if prefix == "that the proposals include" && q.Span.Start > len(text)/2 {
					t.Errorf("kept the later copy of %q at %d", prefix, q.Span.Start)
				}
			}
		}
	}
	want := map[string]int{"that the proposals include": 1, "that Russian President Putin has assured": 1, "that some of the ideas": 1, "that the talks with his French": 1}
	for k, n := range want {
		if seen[k] != n {
			t.Errorf("%q listed %d times, want %d", k, seen[k], n)
		}
	}
	if seen["that Putin has assured"] != 0 {
		t.Errorf("the restatement without the title is listed too")
	}
	if len(doc.Quotes) != 14 {
		t.Errorf("%d quotes, want 14", len(doc.Quotes))
	}
}

// TestDropRestatedShort: short statements that happen to share their words
// are not taken for one, and another speaker's identical words stay.
func TestDropRestatedShort(t *testing.T) {
	qs := []graph.Quote{
		{Speaker: 1, Text: "We will win"},
		{Speaker: 1, Text: "We will win"},
		{Speaker: 1, Text: "the talks were useful, substantive and business-like"},
		{Speaker: 2, Text: "the talks were useful, substantive and business-like"},
		{Speaker: 1, Text: "The talks were useful, substantive and business-like."},
	}
	got := dropRestated(qs)
	if len(got) != 4 || got[3].Speaker != 2 {
		t.Errorf("kept %+v", got)
	}
}

// TestWordCount: the count without the bag agrees with the bag's total.
func TestWordCount(t *testing.T) {
	for _, s := range []string{"", "We will win.", "  Moreover, Macron informed that Putin has assured him — 100 % — of it.", "Зеленський сказав: «так»", "a-b c_d"} {
		n := 0
		for _, c := range wordBag(s) {
			n += c
		}
		if got := wordCount(s); got != n {
			t.Errorf("wordCount(%q) = %d, the bag holds %d", s, got, n)
		}
	}
}
