package event

import (
	"dateline/timeline"
	"regexp"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/timeline/timex"
)

// markup is a name in a test sentence: [Vladimir Putin|PER].
var markup = regexp.MustCompile(`\[([^|\]]+)\|(PER|LOC|ORG|MISC)\]`)

// marked turns a sentence with marked names into its text and mentions, so
// that the rules are tested apart from the statistical tagger.
func marked(t *testing.T, s string) (string, []ner.Mention) {
	t.Helper()
	var b strings.Builder
	var ms []ner.Mention
	last := 0
	for _, m := range markup.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		kind, err := graph.ParseKind(s[m[4]:m[5]])
		if err != nil {
			t.Fatal(err)
		}
		start := b.Len()
		b.WriteString(s[m[2]:m[3]])
		ms = append(ms, ner.Mention{Kind: kind, Span: graph.Span{Start: start, End: b.Len()}, Text: s[m[2]:m[3]]})
		last = m[1]
	}
	b.WriteString(s[last:])
	text := b.String()
	sents := segment.Split(text)
	for i := range ms {
		for si, se := range sents {
			if ms[i].Span.Start >= se.Span.Start && ms[i].Span.End <= se.Span.End {
				ms[i].Sentence = si
			}
		}
	}
	return text, ms
}

// want is the expected event of a sentence, roles as the mentions' text
// ("" for none).
type want struct {
	category, trigger    string
	actor, target, place string
	date                 string
	participants         string // names joined by "; "
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want // nil: no event
	}{
		{"force with actor and target", "[Russia|LOC] attacked [Ukraine|LOC] on 24 February 2022.",
			[]want{{Force, "attacked", "Russia", "Ukraine", "", "2022-02-24", "Russia; Ukraine"}}},
		{"meeting with place and weekday", "[Vladimir Putin|PER] met [Emmanuel Macron|PER] in [Moscow|LOC] on Monday.",
			[]want{{Meeting, "met", "Vladimir Putin", "", "Moscow", "2022-02-07", "Vladimir Putin; Emmanuel Macron"}}},
		{"light verb takes the subject", "US President [Joe Biden|PER] last week authorised the deployment of 3,000 troops to [Eastern Europe|LOC].",
			[]want{{MilitaryPosture, "authorised the deployment", "Joe Biden", "", "Eastern Europe", "2022-W05", "Joe Biden"}}},
		{"place standing for its state", "[Moscow|LOC] has amassed over 100,000 troops along the Ukrainian border.",
			[]want{{MilitaryPosture, "amassed", "Moscow", "", "", "", "Moscow"}}},
		// Negated, hypothetical and future events are found but not
		// asserted (TestModes checks their modes).
		{"modal: not asserted", "US officials say that [Russia|LOC] could act on invading [Ukraine|LOC] any day now.", nil},
		{"intention: not asserted", "[Russia|LOC] has no plans to attack any country.", nil},
		{"denial: not asserted", "[Russia|LOC] continues to deny accusations of preparations for invading [Ukraine|LOC].", nil},
		{"question: not asserted", "Did [Russia|LOC] attack [Ukraine|LOC]?", nil},
		{"condition: not asserted", "If [Russia|LOC] invades [Ukraine|LOC], the response will be severe.", nil},
		{"adjectival participle", "Troops left the occupied [Crimea|LOC] yesterday.", nil},
		{"statement needs a name", "He said the talks were useful.", nil},
		{"statement", "[Emmanuel Macron|PER] said the talks were useful.",
			[]want{{Statement, "said", "Emmanuel Macron", "", "", "", "Emmanuel Macron"}}},
		{"inverted attribution", "\"We will defend ourselves,\" said [Volodymyr Zelenskyy|PER].",
			[]want{{Statement, "said", "Volodymyr Zelenskyy", "", "", "", "Volodymyr Zelenskyy"}}},
		{"sanctions with target", "The [European Union|ORG] imposed sanctions on [Russia|LOC] on Friday.",
			[]want{{Sanctions, "imposed sanctions", "European Union", "Russia", "", "2022-02-04", "European Union; Russia"}}},
		{"protest with place only", "Thousands protested in [Moscow|LOC] on Sunday.",
			[]want{{Protest, "protested", "", "", "Moscow", "2022-02-06", ""}}},
		{"arrest", "Police arrested [Alexei Navalny|PER] in [Moscow|LOC].",
			[]want{{Arrest, "arrested", "", "Alexei Navalny", "Moscow", "", "Alexei Navalny"}}},
		{"reduced relations", "[Ukraine|LOC] severed diplomatic relations with [Russia|LOC].",
			[]want{{ReduceRelations, "severed", "Ukraine", "Russia", "", "", "Ukraine; Russia"}}},
		{"demand", "[Volodymyr Zelenskyy|PER] urged [NATO|ORG] to close the sky.",
			[]want{{Demand, "urged", "Volodymyr Zelenskyy", "NATO", "", "", "Volodymyr Zelenskyy; NATO"}}},
		{"threat", "[Vladimir Putin|PER] threatened [Ukraine|LOC] with consequences.",
			[]want{{Threat, "threatened", "Vladimir Putin", "Ukraine", "", "", "Vladimir Putin; Ukraine"}}},
		{"agreement, coordinated subject", "[Ukraine|LOC] and [Poland|LOC] signed an agreement in [Kyiv|LOC].",
			[]want{{Agreement, "signed an agreement", "", "", "Kyiv", "", "Ukraine; Poland"}}},
		{"casualties", "Twelve civilians were killed in [Kharkiv|LOC] on Tuesday.",
			[]want{{Casualties, "killed", "", "", "Kharkiv", "2022-02-08", ""}}},
		{"aid", "[Germany|LOC] supplied weapons to [Ukraine|LOC].",
			[]want{{Aid, "supplied", "Germany", "Ukraine", "", "", "Germany; Ukraine"}}},
		{"scheduled aid: not asserted", "[Germany|LOC] will supply weapons to [Ukraine|LOC].", nil},
		{"predicted force: not asserted", "[Russia|LOC] will invade [Ukraine|LOC].", nil},
		{"election", "[Ukrainians|MISC] voted in a referendum on 1 December 1991.",
			[]want{{Election, "voted", "", "", "", "1991-12-01", ""}}},
		{"cooperation", "[Russia|LOC] recognised the independence of the [Donetsk People's Republic|ORG].",
			[]want{{Cooperation, "recognised", "Russia", "", "", "", "Russia; Donetsk People's Republic"}}},
		{"passive with agent", "[Kharkiv|LOC] was shelled by [Russian|MISC] troops.",
			[]want{{Force, "shelled", "Russian", "Kharkiv", "Kharkiv", "", "Kharkiv; Russian"}}},
		{"relative pronoun subject", "[Ukraine|LOC] severed relations with the [Russian Federation|LOC], which attacked it at 5 am on 24 February 2022.",
			[]want{{ReduceRelations, "severed", "Ukraine", "Russian Federation", "", "", "Ukraine; Russian Federation"},
				{Force, "attacked", "Russian Federation", "", "", "2022-02-24T05:00", "Russian Federation"}}},
		{"appositive subject", "[Russia|LOC], on the other hand, attacked [Ukraine|LOC].",
			[]want{{Force, "attacked", "Russia", "Ukraine", "", "", "Russia; Ukraine"}}},
		{"possessive nominal", "[Russia|LOC]'s invasion of [Ukraine|LOC] began on 24 February 2022.",
			[]want{{Force, "invasion", "Russia", "Ukraine", "", "2022-02-24", "Russia; Ukraine"}}},
		{"nationality modifier", "The [Russian|MISC] invasion continues.",
			[]want{{Force, "invasion", "Russian", "", "", "", "Russian"}}},
		{"light noun needs its verb", "The war in [Ukraine|LOC] goes on.", nil},
		{"light noun with its verb", "[Russia|LOC] launched a new military operation against [Ukraine|LOC] this morning.",
			[]want{{Force, "launched a new military operation", "Russia", "Ukraine", "", "2022-02-08", "Russia; Ukraine"}}},
		{"special military operation", "[Vladimir Putin|PER] explained the decision to start a special military operation.",
			[]want{{Force, "start a special military operation", "", "", "", "", "Vladimir Putin"}}},
		{"subject only across auxiliaries and adverbs", "[Zelenskyy|PER] thanked the doctors treating servicemen injured in the war.", nil},
		{"signing a decree is legislation, not an agreement", "[Volodymyr Zelenskyy|PER] signed a decree on martial law.",
			[]want{{Legislation, "signed", "Volodymyr Zelenskyy", "", "", "", "Volodymyr Zelenskyy"}}},
		{"aspect verb keeps the subject", "[Russian|MISC] troops began to attack [Kharkiv|LOC] on Monday.",
			[]want{{Force, "attack", "Russian", "Kharkiv", "Kharkiv", "2022-02-07", "Russian; Kharkiv"}}},
		{"opening date phrase", "On Monday, [Vladimir Putin|PER] met [Emmanuel Macron|PER].",
			[]want{{Meeting, "met", "Vladimir Putin", "", "", "2022-02-07", "Vladimir Putin; Emmanuel Macron"}}},
		{"date of another clause", "[Vladimir Putin|PER] met [Emmanuel Macron|PER], who had arrived on Sunday.",
			[]want{{Meeting, "met", "Vladimir Putin", "", "", "", "Vladimir Putin; Emmanuel Macron"}}},
		{"durations do not date", "[Vladimir Putin|PER] held five-hour talks with [Emmanuel Macron|PER].",
			[]want{{Meeting, "held five-hour talks", "Vladimir Putin", "", "", "", "Vladimir Putin; Emmanuel Macron"}}},
		{"meeting with X in Y", "Speaking after his meeting with [Emmanuel Macron|PER] in [Moscow|LOC], [Vladimir Putin|PER] said the talks were useful.",
			[]want{{Meeting, "meeting", "", "", "Moscow", "", "Emmanuel Macron"},
				{Statement, "said", "Vladimir Putin", "", "", "", "Vladimir Putin"}}},
		{"title modifiers are not participants", "[US|LOC] President [Joe Biden|PER] met [Ukrainian|MISC] leader [Volodymyr Zelenskyy|PER].",
			[]want{{Meeting, "met", "Joe Biden", "", "", "", "Joe Biden; Volodymyr Zelenskyy"}}},
		{"capitals inside a sentence are names", "The Head of State thanked [Slovakia|LOC] for its support.", nil},
		{"possessor of a visit", "[Vladimir Putin|PER]'s visit to [China|LOC] began on Friday.",
			[]want{{Meeting, "visit", "Vladimir Putin", "", "China", "2022-02-04", "Vladimir Putin"}}},
		{"coordinated subject with a title", "[Vladimir Putin|PER] and President of the [French Republic|LOC] [Emmanuel Macron|PER] had a frank exchange of views on the situation in [Ukraine|LOC].",
			[]want{{Meeting, "had a frank exchange of views", "", "", "", "", "Vladimir Putin; Emmanuel Macron"}}},
		{"no trigger inside a light verb's gap", "[Ukraine|LOC] has severed diplomatic relations with [Russia|LOC].",
			[]want{{ReduceRelations, "severed", "Ukraine", "Russia", "", "", "Ukraine; Russia"}}},
		{"veto in capitals", "[Volodymyr Zelenskyy|PER] signed Decree No. 64.",
			[]want{{Legislation, "signed", "Volodymyr Zelenskyy", "", "", "", "Volodymyr Zelenskyy"}}},
		{"a signed declaration is an agreement", "[Ukraine|LOC] and [Poland|LOC] signed a joint declaration on Monday.",
			[]want{{Agreement, "signed a joint declaration", "", "", "", "2022-02-07", "Ukraine; Poland"}}},
		{"the place visited", "[Volodymyr Zelenskyy|PER] visited [Bucha|LOC] on Monday.",
			[]want{{Meeting, "visited", "Volodymyr Zelenskyy", "", "Bucha", "2022-02-07", "Volodymyr Zelenskyy"}}},
		{"nouns as modifiers", "[NATO|ORG] moved attack helicopters.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, ms := marked(t, tt.in)
			sents := segment.Split(text)
			dates := timex.Tag(text, day("2022-02-08"), timex.Options{})
			a := analysed{text: text, sents: sents, mentions: ms, dates: dates}
			a.events = Find(gaz(t), text, sents, ms, dates, day("2022-02-08"))
			var got []want
			for _, e := range a.events {
				if e.Mode != Asserted {
					continue
				}
				var ps []string
				for _, p := range e.Participants {
					ps = append(ps, a.name(p))
				}
				name := func(i int) string {
					if i < 0 {
						return ""
					}
					return a.name(i)
				}
				got = append(got, want{e.Category, e.Trigger, name(e.Actor), name(e.Target), name(e.Place), e.Date.String(), strings.Join(ps, "; ")})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %d events %+v, want %d %+v", text, len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Find(%q)[%d]\n got %+v\nwant %+v", text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestGazetteerGiven checks that Find reads the gazetteer it is given: with
// it, Kharkiv is a city, so the city attacked is also where the attack
// happened and "Russian" stands for its state before "troops"; without
// one, every place counts as a country and no word as a nationality.
func TestGazetteerGiven(t *testing.T) {
	tests := []struct {
		in            string
		withGaz, none string
	}{
		{"[Russia|LOC] attacked [Kharkiv|LOC].",
			`s0 force "attacked" actor=Russia target=Kharkiv place=Kharkiv date=- participants=[Russia; Kharkiv] class=OCCURRENCE`,
			`s0 force "attacked" actor=Russia target=Kharkiv place=- date=- participants=[Russia; Kharkiv] class=OCCURRENCE`},
		{"[Russian|MISC] troops attacked [Kharkiv|LOC].",
			`s0 force "attacked" actor=Russian target=Kharkiv place=Kharkiv date=- participants=[Russian; Kharkiv] class=OCCURRENCE`,
			`s0 force "attacked" actor=- target=Kharkiv place=- date=- participants=[Kharkiv] class=OCCURRENCE`},
	}
	for _, tt := range tests {
		text, ms := marked(t, tt.in)
		sents := segment.Split(text)
		a := analysed{text: text, sents: sents, mentions: ms}
		for _, c := range []struct {
			g    *gazetteer.Table
			want string
		}{{gaz(t), tt.withGaz}, {nil, tt.none}} {
			a.events = Find(c.g, text, sents, ms, nil, timeline.Date{})
			if got := strings.TrimSpace(a.dump()); got != c.want {
				t.Errorf("Find(gazetteer %v, %q)\n got %s\nwant %s", c.g != nil, tt.in, got, c.want)
			}
		}
	}
}
