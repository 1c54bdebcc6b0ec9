package event

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"context"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/sharedtest"
	"dateline/graph/source"
	"dateline/timeline"
	"dateline/timeline/timex"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// tagger is the embedded named-entity model, loaded once for all tests.
var tagger = sync.OnceValues(ner.Default)

// places is the embedded gazetteer, loaded once for all tests.
var places = sync.OnceValues(gazetteer.Default)

// gaz returns the embedded gazetteer, the one extraction passes to Find.
func gaz(t testing.TB) *gazetteer.Table {
	t.Helper()
	g, err := places()
	if err != nil {
		t.Fatalf("load gazetteer: %v", err)
	}
	return g
}

// analysed is one text run through the extraction stages Find builds on.
type analysed struct {
	text      string
	sents     []segment.Sentence
	mentions  []ner.Mention
	dates     []timex.Timex
	published timeline.Date
	events    []Event
}

func day(s string) timeline.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return timeline.At(t, timeline.Day)
}

// analyse runs segment, ner and timex on text anchored at anchor, then Find.
func analyse(t testing.TB, text string, anchor timeline.Date) analysed {
	t.Helper()
	tg, err := tagger()
	if err != nil {
		t.Fatalf("load tagger: %v", err)
	}
	a := analysed{text: text, sents: segment.Split(text)}
	a.mentions = tg.Tag(text, a.sents)
	a.dates = timex.Tag(text, anchor, timex.Options{})
	a.published = anchor
	a.events = Find(gaz(t), text, a.sents, a.mentions, a.dates, anchor)
	return a
}

// name renders a mention index as its text, or "-".
func (a analysed) name(i int) string {
	if i < 0 {
		return "-"
	}
	return a.mentions[i].Text
}

// format renders an event on one line, names instead of indexes.
func (a analysed) format(e Event) string {
	var ps []string
	for _, p := range e.Participants {
		ps = append(ps, a.name(p))
	}
	date := e.Date.String()
	if date == "" {
		date = "-"
	} else {
		date += " (" + e.DateFrom + ": " + e.DateSpan.Of(a.text) + ")"
	}
	mode := ""
	if e.Mode != Asserted {
		mode = " mode=" + e.Mode
	}
	return fmt.Sprintf("s%d %s %q actor=%s target=%s place=%s date=%s participants=[%s] class=%s%s",
		e.SentenceIndex, e.Category, e.Trigger, a.name(e.Actor), a.name(e.Target), a.name(e.Place), date, strings.Join(ps, "; "), e.Class, mode)
}

func (a analysed) dump() string {
	var b strings.Builder
	for _, e := range a.events {
		b.WriteString(a.format(e))
		b.WriteByte('\n')
	}
	return b.String()
}

// readCorpus returns the shared corpus's press releases published on day
// (YYYY-MM-DD), or all of them for "" (see sharedtest for when the corpus
// is absent).
func readCorpus(t testing.TB, day string) []*graph.Article {
	t.Helper()
	dir := sharedtest.Path(t, "corpora/news")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.csv.gz"))
	if len(paths) == 0 {
		t.Fatalf("no .csv.gz files in %s", dir)
	}
	var out []*graph.Article
	err := source.Read(context.Background(), paths, source.Options{}, func(it source.Item) error {
		if it.Err != nil {
			return fmt.Errorf("read corpus: %v", it.Err)
		}
		if day == "" || strings.HasPrefix(it.Article.Date.String(), day) {
			out = append(out, it.Article)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestInvasionDay(t *testing.T) {
	arts := readCorpus(t, "2022-02-24")
	force := map[string]int{}
	for _, art := range arts {
		a := analyse(t, art.Text, timeline.At(art.Date.Start, timeline.Day))
		for _, e := range a.events {
			if e.Category == Force {
				force[art.Source]++
				if force[art.Source] <= 4 {
					t.Logf("%s: %s\n\t%s", art.Source, a.format(e), e.Sentence.Of(art.Text))
				}
			}
		}
	}
	for _, src := range []string{"en.kremlin.ru", "president.gov.ua"} {
		if force[src] == 0 {
			t.Errorf("no force event from %s on 2022-02-24 (got %v)", src, force)
		}
	}
	t.Logf("force events on 2022-02-24 by source: %v", force)
}

// sampleText is the team's sample article (the copy the demo bundles)
// without its date prefix.
func sampleText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "cmd", "dateline", "demodata", "sample-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(string(b), " date 2022-02-08 ")
}

// BenchmarkFind measures Find on the sample article; BenchmarkTag measures
// the named-entity tagger on the same text, for comparison (Find runs on
// every article at ingest, after the tagger).
func BenchmarkFind(b *testing.B) {
	a := analyse(b, sampleText(b), day("2022-02-08"))
	g := gaz(b)
	b.SetBytes(int64(len(a.text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(g, a.text, a.sents, a.mentions, a.dates, a.published)
	}
}

func BenchmarkTag(b *testing.B) {
	a := analyse(b, sampleText(b), day("2022-02-08"))
	tg, _ := tagger()
	b.SetBytes(int64(len(a.text)))
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(a.text, a.sents)
	}
}

func TestSample(t *testing.T) {
	a := analyse(t, sampleText(t), day("2022-02-08"))
	got := a.dump()
	golden := filepath.Join("testdata", "sample.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("events differ from %s (run go test -update if the change is intended):\ngot:\n%s\nwant:\n%s", golden, got, want)
	}

	// The facts the issue asks for, independent of the golden file's
	// exact lines (the tagger may be retrained).
	has := func(ps []int, name string) bool {
		for _, p := range ps {
			if strings.Contains(a.mentions[p].Text, name) {
				return true
			}
		}
		return false
	}
	var talks, biden, moscow bool
	for _, e := range a.events {
		sent := e.Sentence.Of(a.text)
		switch {
		case e.Category == Meeting && has(e.Participants, "Macron") && has(e.Participants, "Putin") && a.name(e.Place) == "Moscow":
			talks = true
			if !e.Date.IsZero() {
				t.Errorf("Macron–Putin talks dated %s, want no governing date (reported on the article's date)", e.Date)
			}
		case e.Category == MilitaryPosture && strings.Contains(a.name(e.Actor), "Biden"):
			biden = true
			if e.Trigger != "authorised the deployment" || a.name(e.Place) != "Eastern Europe" || e.Date.String() != "2022-W05" {
				t.Errorf("Biden's deployment = %s, want trigger \"authorised the deployment\", place Eastern Europe, date 2022-W05", a.format(e))
			}
		case e.Category == MilitaryPosture && a.name(e.Actor) == "Moscow":
			moscow = true
		}
		if e.Category == Force && strings.Contains(sent, "could act on invading") && e.Mode != Hypothetical {
			t.Errorf("hypothetical invasion reported as happening: %s", a.format(e))
		}
		if strings.Contains(e.DateSpan.Of(a.text), "any day now") {
			t.Errorf("\"any day now\" dated an event: %s", a.format(e))
		}
	}
	if !talks {
		t.Errorf("no meeting of Macron and Putin in Moscow among:\n%s", got)
	}
	if !biden {
		t.Errorf("no military_posture event with actor Biden among:\n%s", got)
	}
	if !moscow {
		t.Errorf("no military_posture event with actor Moscow (\"Moscow has amassed\") among:\n%s", got)
	}
}

// TestPressReleases runs Find over the whole press-release corpus and
// reports events per article and per category; it checks that both
// sources yield events at a plausible rate and that every category is
// used. Skipped with -short (it tags 1,796 articles).
func TestPressReleases(t *testing.T) {
	if testing.Short() {
		t.Skip("tags the whole corpus")
	}
	arts := readCorpus(t, "")
	perSource, events := map[string]int{}, map[string]int{}
	cats := map[string]int{}
	for _, art := range arts {
		a := analyse(t, art.Text, timeline.At(art.Date.Start, timeline.Day))
		perSource[art.Source]++
		events[art.Source] += len(a.events)
		for _, e := range a.events {
			cats[e.Category]++
		}
	}
	for src, n := range perSource {
		rate := float64(events[src]) / float64(n)
		t.Logf("%s: %d articles, %d events, %.2f per article", src, n, events[src], rate)
		if rate < 0.5 || rate > 20 {
			t.Errorf("%s: %.2f events per article, want between 0.5 and 20", src, rate)
		}
	}
	// Press releases of two presidencies in 2022 are diplomacy and war:
	// every category of those must be used (the business, law and other
	// categories are checked on MEANTIME, see TestMeantime).
	for _, c := range Categories {
		t.Logf("%-17s %d", c, cats[c])
	}
	for _, d := range []string{"diplomacy", "conflict"} {
		for _, c := range Domains[d] {
			if cats[c] == 0 {
				t.Errorf("no %s event in the whole corpus", c)
			}
		}
	}
}

// BenchmarkShare runs the tagger and Find in turn on the sample article and
// reports Find's time as a percentage of the tagger's; interleaving them
// keeps the ratio steady on a busy machine.
func BenchmarkShare(b *testing.B) {
	a := analyse(b, sampleText(b), day("2022-02-08"))
	tg, _ := tagger()
	g := gaz(b)
	var tag, find time.Duration
	for b.Loop() {
		t0 := time.Now()
		tg.Tag(a.text, a.sents)
		t1 := time.Now()
		Find(g, a.text, a.sents, a.mentions, a.dates, a.published)
		find += time.Since(t1)
		tag += t1.Sub(t0)
	}
	b.ReportMetric(100*float64(find)/float64(tag), "%-of-tag")
}

// TestCategoriesListed checks that every category the lexicon gives and
// every category constant grouped in Domains is on the vocabulary's list,
// which the views accept, and that each is listed once.
func TestCategoriesListed(t *testing.T) {
	listed := map[string]int{}
	for _, c := range Categories {
		listed[c]++
	}
	for c, n := range listed {
		if n != 1 {
			t.Errorf("category %q listed %d times", c, n)
		}
	}
	for _, es := range triggers {
		for _, e := range es {
			if listed[e.category] == 0 {
				t.Errorf("lexicon entry %q gives category %q, not on graph.EventCategories", strings.Join(e.words, " "), e.category)
			}
		}
	}
	for d, cs := range Domains {
		for _, c := range cs {
			if listed[c] == 0 {
				t.Errorf("domain %s: category %q not on graph.EventCategories", d, c)
			}
		}
	}
}
