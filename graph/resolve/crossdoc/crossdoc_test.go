package crossdoc

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/resolve/coref"
)

// gold builds a gold document; each mention is given as its text, the
// n-th occurrence (from 0) of that text, its head word, its entity and
// whether it is named.
type gm struct {
	text  string
	nth   int
	head  string
	ent   string
	kind  graph.Kind
	named bool
}

func goldDoc(id, text string, ms ...gm) coref.Document {
	d := coref.Document{Corpus: "t", ID: id, Text: text}
	for _, m := range ms {
		s := find(text, m.text, m.nth)
		h := strings.Index(text[s.Start:s.End], m.head) + s.Start
		d.Mentions = append(d.Mentions, coref.Mention{Span: s, Head: graph.Span{Start: h, End: h + len(m.head)},
			Text: m.text, Entity: m.ent, Kind: m.kind, Named: m.named, Linked: m.ent != ""})
	}
	return d
}

func find(text, sub string, nth int) graph.Span {
	at := 0
	for {
		i := strings.Index(text[at:], sub)
		if i < 0 {
			panic("no " + sub + " in " + text)
		}
		if nth == 0 {
			return graph.Span{Start: at + i, End: at + i + len(sub)}
		}
		nth--
		at += i + len(sub)
	}
}

// fake is a System that finds the given strings (n-th occurrence) in
// each document, by document ID, with fixed entity IDs, and records the
// order it was given the documents in.
type fake struct {
	mentions map[string][]fm
	order    []string
}

type fm struct {
	text string
	nth  int
	ent  graph.ID
}

func (f *fake) system(_ context.Context, docs []graph.Document) ([][]graph.Mention, error) {
	f.order = nil
	out := make([][]graph.Mention, len(docs))
	for i, d := range docs {
		id := strings.TrimPrefix(d.Article.Key, "id:t/")
		f.order = append(f.order, id)
		for _, m := range f.mentions[id] {
			out[i] = append(out[i], graph.Mention{Entity: m.ent, Span: find(d.Article.Text, m.text, m.nth), Text: m.text, Kind: graph.Person})
		}
	}
	return out, nil
}

func testCorpus() Corpus {
	return Corpus{Name: "t", Docs: []coref.Document{
		goldDoc("a", "Joe Biden met Putin. The man left. Biden stayed.",
			gm{"Joe Biden", 0, "Biden", "E1", graph.Person, true},
			gm{"Putin", 0, "Putin", "E2", graph.Person, true},
			gm{"The man", 0, "man", "E2", graph.Person, false},
			gm{"Biden", 1, "Biden", "E1", graph.Person, true}),
		goldDoc("b", "Putin spoke to the Kremlin.",
			gm{"Putin", 0, "Putin", "E2", graph.Person, true},
			gm{"the Kremlin", 0, "Kremlin", "E3", graph.Org, true}),
	}}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestEvaluateByHand checks a two-document corpus whose scores are
// worked out by hand. Key (linked, the headline): E1 {Joe Biden, Biden},
// E2 {Putin (a), Putin (b)}, E3 {the Kremlin}. The system finds Joe
// Biden (1), Putin in a (2) and in b (4, split from 2), "man" (3, not a
// key mention) and Kremlin (5, exact once "the" is set aside); it misses
// the second Biden.
//
// Projected: {JB} {Pa} {Bi (missed)} {Pb} {Kr}: MUC R 0/2, P 0/0; B³
// R (1+1+1)/5, P 5/5; CEAF-e Φ = 2/3 + 2/3 + 1, R Φ/3, P Φ/5.
// End to end: the same entities plus the twinless "man": MUC 0; B³
// R (0.5 + 1 + 1)/5, P 4/5; CEAF-e as projected.
func TestEvaluateByHand(t *testing.T) {
	f := &fake{mentions: map[string][]fm{
		"a": {{"Joe Biden", 0, 1}, {"Putin", 0, 2}, {"man", 0, 3}},
		"b": {{"Putin", 0, 4}, {"Kremlin", 0, 5}},
	}}
	r, err := Evaluate(context.Background(), []Corpus{testCorpus()}, f.system, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Corpora) != 1 || r.Corpora[0].Documents != 2 || r.Corpora[0].SystemMentions != 5 {
		t.Fatalf("report %+v", r)
	}
	s := r.Corpora[0].Headline()
	if s.Key != KeyLinked || s.Match != MatchHead || s.KeyMentions != 5 || s.KeyEntities != 3 || s.CrossDocEntities != 1 {
		t.Errorf("headline section %+v", s)
	}
	if d := s.Detection; !near(d.Recall, 0.8) || !near(d.Precision, 0.8) || !near(d.PrecisionAnyGold, 1) {
		t.Errorf("detection %+v", d)
	}
	phi := 2.0/3 + 2.0/3 + 1
	p := s.Projected
	if p.MUC.F1 != 0 || !near(p.B3.Recall, 0.6) || !near(p.B3.Precision, 1) ||
		!near(p.CEAFe.Recall, phi/3) || !near(p.CEAFe.Precision, phi/5) || p.ResponseEntities != 5 {
		t.Errorf("projected %+v", p)
	}
	want := (0 + 2*0.6/1.6 + 2*(phi/3)*(phi/5)/(phi/3+phi/5)) / 3
	if !near(p.CoNLL, want) {
		t.Errorf("projected CoNLL %v, want %v", p.CoNLL, want)
	}
	e := s.EndToEnd
	if e.MUC.F1 != 0 || !near(e.B3.Recall, 0.5) || !near(e.B3.Precision, 0.8) ||
		!near(e.CEAFe.Recall, phi/3) || !near(e.CEAFe.Precision, phi/5) || e.ResponseEntities != 5 {
		t.Errorf("end to end %+v", e)
	}
	// The named key adds nothing here (every named mention is PER/ORG/LOC).
	for _, sec := range r.Corpora[0].Sections {
		if sec.Key == KeyNamed && sec.Match == MatchHead && !near(sec.Projected.CoNLL, p.CoNLL) {
			t.Errorf("named key CoNLL %v, want %v", sec.Projected.CoNLL, p.CoNLL)
		}
	}
}

// TestEvaluateMerged: when the system joins the two Putins and finds
// the second Biden as the first, projected scores are perfect.
func TestEvaluateMerged(t *testing.T) {
	f := &fake{mentions: map[string][]fm{
		"a": {{"Joe Biden", 0, 1}, {"Putin", 0, 2}, {"Biden", 1, 1}},
		"b": {{"Putin", 0, 2}, {"Kremlin", 0, 5}},
	}}
	r, err := Evaluate(context.Background(), []Corpus{testCorpus()}, f.system, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Corpora[0].Headline()
	if !near(s.Projected.CoNLL, 1) || !near(s.EndToEnd.CoNLL, 1) || !near(s.Detection.F1, 1) {
		t.Errorf("merged: %+v", s)
	}
}

// TestOrders checks that the documents reach the System in the order
// asked for, and that an order-independent System scores the same in
// every order.
func TestOrders(t *testing.T) {
	c := testCorpus()
	c.Docs = append(c.Docs, goldDoc("c", "Biden again.", gm{"Biden", 0, "Biden", "E1", graph.Person, true}))
	f := &fake{mentions: map[string][]fm{"a": {{"Putin", 0, 2}}, "b": {{"Putin", 0, 2}}, "c": {{"Biden", 0, 1}}}}
	var first float64
	for i, o := range []Options{{Order: Forward}, {Order: Reverse}, {Order: Shuffle, Seed: 3}} {
		r, err := Evaluate(context.Background(), []Corpus{c}, f.system, o)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(f.order, "")
		switch o.Order {
		case Forward:
			if got != "abc" {
				t.Errorf("forward order %q", got)
			}
		case Reverse:
			if got != "cba" {
				t.Errorf("reverse order %q", got)
			}
		}
		if len(got) != 3 || r.Order != o.Order.String() {
			t.Errorf("order %v: %q, report %q", o, got, r.Order)
		}
		if i == 0 {
			first = r.Corpora[0].Headline().Projected.CoNLL
		} else if c := r.Corpora[0].Headline().Projected.CoNLL; c != first {
			t.Errorf("order %v: CoNLL %v, forward %v", o, c, first)
		}
	}
	seen := map[string]bool{}
	for seed := uint64(0); seed < 20; seed++ {
		p := permutation(5, Options{Order: Shuffle, Seed: seed})
		seen[fmtInts(p)] = true
	}
	if len(seen) < 5 {
		t.Errorf("20 seeds gave %d permutations", len(seen))
	}
}

func fmtInts(p []int) string {
	var b strings.Builder
	for _, x := range p {
		b.WriteByte(byte('0' + x))
	}
	return b.String()
}

// TestTotals checks that two corpora are resolved separately (one
// System call each) and pooled in a total.
func TestTotals(t *testing.T) {
	calls := 0
	f := &fake{mentions: map[string][]fm{"a": {{"Joe Biden", 0, 1}}, "b": {{"Putin", 0, 2}}}}
	sys := func(ctx context.Context, docs []graph.Document) ([][]graph.Mention, error) {
		calls++
		return f.system(ctx, docs)
	}
	c1, c2 := testCorpus(), testCorpus()
	c2.Name = "u"
	r, err := Evaluate(context.Background(), []Corpus{c1, c2}, sys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 || len(r.Corpora) != 3 || r.Corpora[2].Name != "total" {
		t.Fatalf("%d calls, corpora %d", calls, len(r.Corpora))
	}
	one, tot := r.Corpora[0].Headline(), r.Corpora[2].Headline()
	if tot.KeyMentions != 2*one.KeyMentions || tot.KeyEntities != 2*one.KeyEntities || r.Corpora[2].Documents != 4 {
		t.Errorf("total %+v, one %+v", tot, one)
	}
	if !near(tot.Projected.CoNLL, one.Projected.CoNLL) {
		t.Errorf("two copies of a corpus pool to CoNLL %v, one copy %v", tot.Projected.CoNLL, one.Projected.CoNLL)
	}
}

func TestEvaluateErrors(t *testing.T) {
	bad := func(context.Context, []graph.Document) ([][]graph.Mention, error) { return nil, errors.New("boom") }
	if _, err := Evaluate(context.Background(), []Corpus{testCorpus()}, bad, Options{}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("system error: %v", err)
	}
	short := func(context.Context, []graph.Document) ([][]graph.Mention, error) { return nil, nil }
	if _, err := Evaluate(context.Background(), []Corpus{testCorpus()}, short, Options{}); err == nil {
		t.Error("system returning no documents: nil error")
	}
	if _, err := Evaluate(context.Background(), []Corpus{{Name: "empty"}}, short, Options{}); err == nil {
		t.Error("empty corpus: nil error")
	}
	if _, err := ParseOrder("sideways"); err == nil {
		t.Error("ParseOrder(sideways): nil error")
	}
	if o, err := ParseOrder("shuffle"); err != nil || o != Shuffle {
		t.Errorf("ParseOrder(shuffle) = %v, %v", o, err)
	}
}

// TestAlign checks the two alignments on one sentence.
func TestAlign(t *testing.T) {
	d := goldDoc("a", "The Louis Gallois, Airbus chief, said Airbus's plan works.",
		gm{"The Louis Gallois, Airbus chief", 0, "Gallois", "P", graph.Person, true},
		gm{"Airbus", 0, "Airbus", "A", graph.Org, true},
		gm{"Airbus's", 0, "Airbus", "A", graph.Org, true})
	sys := []graph.Mention{
		{Span: find(d.Text, "Louis Gallois", 0)}, // head match only
		{Span: find(d.Text, "Airbus", 0)},        // exact
		{Span: find(d.Text, "Airbus", 1)},        // exact once the possessive is set aside
		{Span: find(d.Text, "plan", 0)},          // no gold mention
	}
	all := []int{0, 1, 2}
	g2s, s2g := align(d.Text, d.Mentions, all, sys, MatchExact)
	if len(g2s) != 2 || s2g[0] != -1 || s2g[1] != 1 || s2g[2] != 2 || s2g[3] != -1 {
		t.Errorf("exact: %v %v", g2s, s2g)
	}
	g2s, s2g = align(d.Text, d.Mentions, all, sys, MatchHead)
	if len(g2s) != 3 || s2g[0] != 0 || s2g[1] != 1 || s2g[2] != 2 || s2g[3] != -1 {
		t.Errorf("head: %v %v", g2s, s2g)
	}
}

func TestArticles(t *testing.T) {
	c := testCorpus()
	arts := Articles(c.Docs)
	again := Articles(c.Docs)
	if arts[0].Article.ID == 0 || arts[0].Article.ID == arts[1].Article.ID || arts[0].Article.ID != again[0].Article.ID {
		t.Errorf("IDs %d %d (again %d)", arts[0].Article.ID, arts[1].Article.ID, again[0].Article.ID)
	}
	if arts[1].Article.Text != c.Docs[1].Text || arts[1].Article.Key != "id:t/b" {
		t.Errorf("article %+v", arts[1].Article)
	}
}

// TestKeyMentionsOneNameOnce: MEANTIME annotates "Apple CEO Steve Jobs"
// and the "Steve Jobs" inside it as two mentions of one entity with one
// head word; the key counts the name once (the shorter), and keeps
// mentions of other entities or other heads, nested or not.
func TestKeyMentionsOneNameOnce(t *testing.T) {
	d := goldDoc("a", "Apple CEO Steve Jobs said Jobs would stay at Apple.",
		gm{"Apple CEO Steve Jobs", 0, "Jobs", "J", graph.Person, true},
		gm{"Apple", 0, "Apple", "A", graph.Org, true},
		gm{"Steve Jobs", 0, "Jobs", "J", graph.Person, true},
		gm{"Jobs", 1, "Jobs", "J", graph.Person, true},
		gm{"Apple", 1, "Apple", "A", graph.Org, true})
	got := keyMentions(&d, KeyLinked)
	want := []int{1, 2, 3, 4}
	if len(got) != len(want) {
		t.Fatalf("key mentions %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("key mentions %v, want %v", got, want)
		}
	}
}
