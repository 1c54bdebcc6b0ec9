package timelines

import (
	"context"
	"testing"
	"time"

	"dateline/graph"
	"dateline/graph/sharedtest"
	"dateline/timeline"
	"dateline/timeline/semeval"
)

// floors are the micro F1 each task corpus must keep (measured 36.1 and
// 33.6 when set; see the README): a change that loses a point and a half
// fails here.
var floors = map[string]float64{"corpus_1": 0.345, "corpus_3": 0.32}

// TestTaskCorpora builds the timelines of both task corpora from the raw
// CAT texts and holds the scores to their floors; it also checks that the
// gold scored against itself is perfect and that every gold mention names
// a real token of its document.
func TestTaskCorpora(t *testing.T) {
	root := sharedtest.Path(t, "corpora/meantime/semeval2015-task4-timelines")
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for name, floor := range floors {
		c, err := semeval.ReadCorpus(root + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Targets) != 13 {
			t.Errorf("%s: %d targets, want 13", name, len(c.Targets))
		}
		cat, err := FindCAT(c)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := ReadCAT(context.Background(), cat)
		if err != nil {
			t.Fatal(err)
		}
		words := map[semeval.Mention]bool{}
		for _, d := range docs {
			for _, tk := range d.Tokens {
				words[semeval.Mention{Doc: d.ID, Sentence: tk.Sentence, Word: tk.Text}] = true
			}
		}
		var self semeval.Counts
		missing, total := 0, 0
		for _, target := range c.Targets {
			g := c.Timelines[target]
			self = self.Add(semeval.Score(g, g))
			for _, l := range g.Lines {
				for _, m := range l.Mentions {
					total++
					if !words[m] && !words[semeval.Mention{Doc: m.Doc, Sentence: m.Sentence, Word: firstWord(m.Word)}] {
						missing++
					}
				}
			}
		}
		if self.F1() != 1 {
			t.Errorf("%s: gold against gold %+v", name, self)
		}
		if missing > total/50 {
			t.Errorf("%s: %d of %d gold mentions name no token of their document", name, missing, total)
		}
		r, err := s.Evaluate(context.Background(), c, docs)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: micro P %.2f R %.2f F1 %.2f (%+v)", name, 100*r.P, 100*r.R, 100*r.F1, r.Counts)
		if r.F1 < floor {
			t.Errorf("%s: micro F1 %.4f, floor %.2f", name, r.F1, floor)
		}
	}
}

// firstWord is the first word of a multi-word mention ("job_cuts").
func firstWord(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] == '_' {
			return w[:i]
		}
	}
	return w
}

// acmeTimeline runs the system on a hand-written article created on
// 2009-05-04 (sentences end at a full stop or a line break) and returns
// the date of each of Acme Motors' event mentions.
func acmeTimeline(t *testing.T, id, text string) map[string]string {
	t.Helper()
	var toks []Token
	sent := 0
	for i, w := range splitWords(text) {
		if i > 0 && (text[w.Start-1] == '\n' || text[w.Start-2] == '.') {
			sent++
		}
		toks = append(toks, Token{Sentence: sent, Text: text[w.Start:w.End], Span: w})
	}
	d := Doc{ID: id, Text: text, Created: timeline.At(time.Date(2009, 5, 4, 0, 0, 0, 0, time.UTC), timeline.Day), Tokens: toks}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tls, err := s.Build(context.Background(), []Doc{d}, []string{"Acme Motors"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range tls[0].Lines {
		for _, m := range l.Mentions {
			got[m.String()] = l.Date
		}
	}
	return got
}

// TestBuild runs the system on a hand-written article: the headline's
// event and the lead's past-tense verb are the target's and dated by the
// creation time, the sentence's own date wins over it, and events of
// other companies stay out.
func TestBuild(t *testing.T) {
	text := "Acme Motors recalls sedans\n\nMay 4, 2009\n\nAcme Motors recalled 20,000 sedans on Monday. " +
		"In 2005, Acme Motors opened a plant in Ohio. Zenith Corp hired new staff."
	got := acmeTimeline(t, "1", text)
	want := map[string]string{"1-0-recalls": "2009-05-04", "1-2-recalled": "2009-05-04", "1-3-opened": "2005-XX-XX"}
	for m, date := range want {
		if got[m] != date {
			t.Errorf("%s dated %q, want %q (timeline %v)", m, got[m], date, got)
		}
	}
	if _, ok := got["1-4-hired"]; ok {
		t.Errorf("another company's event on the timeline: %v", got)
	}
}

// splitWords cuts text at spaces and before a final period.
func splitWords(text string) []graph.Span {
	var out []graph.Span
	start := -1
	for i := 0; i <= len(text); i++ {
		end := i == len(text) || text[i] == ' ' || text[i] == '\n' || text[i] == '.' || text[i] == ','
		if end && start >= 0 {
			out = append(out, graph.Span{Start: start, End: i})
			start = -1
		}
		if i < len(text) && (text[i] == '.' || text[i] == ',') {
			out = append(out, graph.Span{Start: i, End: i + 1})
			continue
		}
		if !end && start < 0 {
			start = i
		}
	}
	return out
}

func TestDateString(t *testing.T) {
	day := time.Date(2008, 10, 6, 0, 0, 0, 0, time.UTC)
	for p, want := range map[timeline.Precision]string{
		timeline.Second: "2008-10-06", timeline.Day: "2008-10-06", timeline.Week: "2008-10-XX",
		timeline.Month: "2008-10-XX", timeline.Quarter: "2008-XX-XX", timeline.Year: "2008-XX-XX",
		timeline.Decade: "XXXX-XX-XX", timeline.Unknown: "XXXX-XX-XX",
	} {
		if got := DateString(timeline.Date{Start: day, Precision: p}); got != want {
			t.Errorf("%v: %q, want %q", p, got, want)
		}
	}
	if !dateLess("2007-XX-XX", "2007-02-28") || !dateLess("2007-02-XX", "2007-02-01") || dateLess("2008-01-01", "2007-12-31") {
		t.Error("dateLess does not put a year before its months and days")
	}
}

func TestStemAndMask(t *testing.T) {
	for _, w := range []string{"delivers", "delivered", "delivering", "deliveries", "delivery"} {
		if got := stem(w); got != "deliver" {
			t.Errorf("stem(%q) = %q", w, got)
		}
	}
	if stem("unveils") != stem("unveiled") || stem("sold") == stem("said") {
		t.Error("stem joins or splits the wrong words")
	}
	got := maskNames("Boeing unveils the 787", []graph.Mention{{Span: graph.Span{Start: 0, End: 6}}})
	if got != "Xxxxxx unveils the 787" {
		t.Errorf("maskNames = %q", got)
	}
}

// TestDatingAndLinks runs the system on a hand-written article that
// holds the readings the task corpora taught: a headline's infinitive
// and an infinitive its clause dates, a past perfect left undated, a
// participle that shares its subject's predicate and date, and a name
// that only qualifies another ("Acme Motors parent Omega") taking no
// part in that one's events.
func TestDatingAndLinks(t *testing.T) {
	text := "Acme Motors to buy Zenith plant\n\nMay 4, 2009\n\nAcme Motors agreed on Friday to purchase a plant. " +
		"Acme Motors had offered a bid for the plant. Acme Motors shares fell sharply, closing at 3 dollars. " +
		"Acme Motors parent Omega Holdings hired staff."
	got := acmeTimeline(t, "7", text)
	want := map[string]string{"7-0-buy": "2009-05-01", "7-2-agreed": "2009-05-01", "7-2-purchase": "2009-05-01",
		"7-3-offered": "XXXX-XX-XX", "7-4-fell": "2009-05-01", "7-4-closing": "2009-05-01"}
	for m, date := range want {
		if g, ok := got[m]; !ok || g != date {
			t.Errorf("%s dated %q (on the timeline: %v), want %q; timeline %v", m, g, ok, date, got)
		}
	}
	if _, ok := got["7-5-hired"]; ok {
		t.Errorf("the parent company's event on the timeline: %v", got)
	}
}
