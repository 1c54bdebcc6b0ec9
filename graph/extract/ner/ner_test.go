package ner

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/ner/conll"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/sharedtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// corpora returns the shared corpora directory (see sharedtest for when
// it is absent).
func corpora(t testing.TB) string {
	t.Helper()
	return sharedtest.Path(t, "corpora")
}

func mustDefault(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func tag(tg *Tagger, text string) []Mention { return tg.Tag(text, segment.Split(text)) }

func TestDefaultTags(t *testing.T) {
	tg := mustDefault(t)
	text := "French President Emmanuel Macron met Vladimir Putin in Moscow on Monday, NATO said."
	want := []struct {
		kind graph.Kind
		text string
	}{
		{graph.Misc, "French"}, {graph.Person, "Emmanuel Macron"}, {graph.Person, "Vladimir Putin"}, {graph.Place, "Moscow"}, {graph.Org, "NATO"},
	}
	got := tag(tg, text)
	if len(got) != len(want) {
		t.Fatalf("Tag = %+v, want %d mentions", got, len(want))
	}
	for i, w := range want {
		if got[i].Kind != w.kind || got[i].Text != w.text || got[i].Span.Of(text) != w.text || got[i].Sentence != 0 {
			t.Errorf("mention %d = %+v, want %s %q", i, got[i], w.kind, w.text)
		}
	}
	if tg2, _ := Default(); tg2 != tg {
		t.Error("Default returned a different tagger on the second call")
	}
}

func TestTagEmpty(t *testing.T) {
	tg := mustDefault(t)
	for _, text := range []string{"", "   \n", "...", "the cat sat on the mat."} {
		if got := tag(tg, text); len(got) != 0 {
			t.Errorf("Tag(%q) = %+v, want none", text, got)
		}
	}
}

// TestConcurrentTag checks that Tag gives the same answer when called
// from many goroutines at once (run with -race).
func TestConcurrentTag(t *testing.T) {
	tg := mustDefault(t)
	texts := []string{
		"Putin met Macron in Moscow.",
		"US President Joe Biden spoke to Chancellor Olaf Scholz of Germany.",
		"Zelenskyy addressed the European Parliament in Brussels.",
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = fmt.Sprint(tag(tg, s))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				i := (g + k) % len(texts)
				if got := fmt.Sprint(tag(tg, texts[i])); got != want[i] {
					t.Errorf("concurrent Tag(%q) = %s, want %s", texts[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func readSample(t *testing.T) string {
	t.Helper()
	c := corpora(t)
	b, err := os.ReadFile(filepath.Join(c, "..", "seed", "sample-article.txt"))
	if err != nil {
		t.Fatalf("the shared folder has no seed article: %v", err)
	}
	text := string(b)
	// The file starts with the crawl's " date 2022-02-08 " prefix.
	if strings.HasPrefix(text, " date ") {
		text = text[len(" date 2022-02-08 "):]
	}
	return text
}

// TestSampleArticle pins what the issue asks of the tagger on the team's
// sample article, and keeps every mention in a golden file.
func TestSampleArticle(t *testing.T) {
	text := readSample(t)
	ms := tag(mustDefault(t), text)
	kinds := map[string]map[graph.Kind]int{}
	var golden strings.Builder
	for _, m := range ms {
		if kinds[m.Text] == nil {
			kinds[m.Text] = map[graph.Kind]int{}
		}
		kinds[m.Text][m.Kind]++
		fmt.Fprintf(&golden, "%d\t%d\t%d\t%s\t%s\n", m.Sentence, m.Span.Start, m.Span.End, m.Kind, m.Text)
	}
	for _, want := range []struct {
		kind  graph.Kind
		names []string
	}{
		{graph.Person, []string{"Emmanuel Macron", "Vladimir Putin", "Volokdymyr Zelensky", "Joe Biden"}},
		{graph.Place, []string{"Moscow", "Ukraine", "Russia", "Europe", "Eastern Europe", "Germany", "Donbas"}},
		{graph.Org, []string{"NATO", "Kremlin"}},
	} {
		for _, n := range want.names {
			if kinds[n][want.kind] == 0 {
				t.Errorf("%q is never tagged %s (got %v)", n, want.kind, kinds[n])
			}
		}
	}
	for _, n := range []string{"Troops", "West", "The Hill", "Hill"} {
		if kinds[n][graph.Person] > 0 {
			t.Errorf("%q tagged person", n)
		}
	}
	path := filepath.Join("testdata", "sample-article.golden")
	if *update {
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if golden.String() != string(want) {
		t.Errorf("mentions differ from %s (run go test -update after checking them):\n%s", path, golden.String())
	}
}

// TestDev scores the embedded model on CoNLL-2003 eng.testa, the figure
// the README states.
func TestDev(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	docs := readCoNLL(t, filepath.Join(corpora(t), "conll2003", "eng.testa"))
	ev, err := mustDefault(t).Evaluate(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	h := ev.Headline()
	t.Logf("dev PER+LOC+ORG P %.4f R %.4f F1 %.4f, %d tokens", h.Precision, h.Recall, h.F1, ev.Tokens)
	if h.F1 < 0.92 {
		t.Errorf("dev PER+LOC+ORG F1 %.4f, want at least 0.92", h.F1)
	}
	if ev.Tokens != 51362 {
		t.Errorf("scored %d tokens, want 51362", ev.Tokens)
	}
}

func readCoNLL(t testing.TB, path string) []conll.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := conll.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestFromCoNLL(t *testing.T) {
	docs := readCoNLL(t, filepath.Join("testdata", "tiny.conll"))
	ex := FromCoNLL(docs[1])
	var got []string
	for si, s := range ex.Sentences {
		for i, tk := range s.Tokens {
			got = append(got, tk.Text+"/"+ex.Tags[si][i])
		}
	}
	want := "Germany/B-LOC 's/O representative/O to/O the/O European/B-ORG Union/I-ORG 's/O veterinary/O committee/O Werner/B-PER Zwingmann/I-PER"
	if g := strings.Join(got[:12], " "); g != want {
		t.Errorf("FromCoNLL = %s\nwant       %s", g, want)
	}
}

func TestCoNLLTags(t *testing.T) {
	d := conll.Document{Sentences: []conll.Sentence{
		{{Text: "Peter"}, {Text: "Blackburn"}, {Text: "visited"}, {Text: "U.S."}},
		{{Text: "EU"}, {Text: "rejects"}},
	}}
	text, spans := d.Text()
	if text != "Peter Blackburn visited U.S.\nEU rejects" {
		t.Fatalf("Text = %q", text)
	}
	ms := []Mention{
		{Kind: graph.Person, Span: graph.Span{Start: 0, End: 15}},
		{Kind: graph.Place, Span: graph.Span{Start: 24, End: 28}},
		{Kind: graph.Org, Span: graph.Span{Start: 29, End: 31}},
	}
	got := CoNLLTags(spans, ms)
	want := [][]string{{"B-PER", "I-PER", "O", "B-LOC"}, {"B-ORG", "O"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("CoNLLTags = %v, want %v", got, want)
	}
}

// TestTrainDeterministic trains twice on the tiny file and checks that the
// encoded models are identical, that encoding round-trips and that the
// model learned its training data.
func TestTrainDeterministic(t *testing.T) {
	docs := readCoNLL(t, filepath.Join("testdata", "tiny.conll"))
	var exs []Example
	for _, d := range docs {
		exs = append(exs, FromCoNLL(d))
	}
	lex := NewLexicon()
	lex.AddPhrase("Germany", Country)
	lex.AddCluster("Germany", 0b1011, 4)
	opts := TrainOptions{Epochs: 10, Seed: 7, Bits: 14, Folds: 2}
	var enc [2]bytes.Buffer
	var m *Model
	for i := range enc {
		var err error
		m, err = Train(context.Background(), exs, lex, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Encode(&enc[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(enc[0].Bytes(), enc[1].Bytes()) {
		t.Fatal("two trainings with the same seed gave different models")
	}
	m2, err := Decode(bytes.NewReader(enc[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(m2.stages) != 2 || m2.lex.maxPhrase != 1 {
		t.Errorf("decoded %d stages, max phrase %d; want 2 and 1", len(m2.stages), m2.lex.maxPhrase)
	}
	ev, err := New(m2).Evaluate(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	if f := ev.Scorer.Micro("PER", "LOC", "ORG", "MISC").F1; f < 0.9 {
		t.Errorf("training-set F1 of the decoded model = %.3f, want ≥ 0.9", f)
	}
}

// TestFeatureSetRoundTrip trains with every optional template and checks
// that the model file keeps them: the decoded model tags exactly as the
// trained one.
func TestFeatureSetRoundTrip(t *testing.T) {
	docs := readCoNLL(t, filepath.Join("testdata", "tiny.conll"))
	var exs []Example
	for _, d := range docs {
		exs = append(exs, FromCoNLL(d))
	}
	lex := NewLexicon()
	lex.AddPhrase("Bank of England", OrgName)
	lex.AddPhrase("Brussels", City)
	lex.AddClass("Brussels", 0, 3)
	lex.AddClass("Bank", 1, 7)
	lex.AddCluster("said", 0b101, 3)
	m, err := Train(context.Background(), exs, lex, TrainOptions{Epochs: 5, Seed: 1, Bits: 12, Folds: 2, Features: AllFeatures, Boost: Boost{2: 0.25}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.features != AllFeatures || m2.boost != (Boost{2: 0.25}).labels() {
		t.Errorf("decoded features %b, boost %v; want %b, ORG 0.25", m2.features, m2.boost, AllFeatures)
	}
	if fmt.Sprint(m2.lex.classes, m2.lex.lowerClasses, m2.lex.phrases) != fmt.Sprint(lex.classes, lex.lowerClasses, lex.phrases) || !m2.lex.prefixed {
		t.Errorf("decoded lexicon: classes %v, phrases %v, prefixed %v; want %v, %v, true", m2.lex.classes, m2.lex.phrases, m2.lex.prefixed, lex.classes, lex.phrases)
	}
	text := "Shares in Bank of England and Goldman , Sachs & Co rose , Peter Blackburn said in Brussels ."
	a, b := tag(New(m), text), tag(New(m2), text)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("decoded model tags %v, trained model %v", b, a)
	}
	if _, err := Train(context.Background(), exs, NewLexicon(), TrainOptions{Features: AllFeatures << 1}); err == nil {
		t.Error("Train with an unknown feature template: want error")
	}
}

// TestBoosted checks that a boost moves the decoding: an overwhelming ORG
// boost makes every name an organisation, an overwhelming negative one
// leaves none, and the boosted copies leave the model itself alone.
func TestBoosted(t *testing.T) {
	tg := mustDefault(t)
	text := "Peter Blackburn of the European Commission visited Brussels on Monday."
	before := fmt.Sprint(tag(tg, text))
	up := tag(New(tg.m.Boosted(Boost{2: 1e6})), text)
	if len(up) == 0 {
		t.Error("ORG boost 1e6: no mentions")
	}
	for _, m := range up {
		if m.Kind != graph.Org {
			t.Errorf("ORG boost 1e6: %s %q", m.Kind, m.Text)
		}
	}
	down := tag(New(tg.m.Boosted(Boost{2: -1e6})), text)
	for _, m := range down {
		if m.Kind == graph.Org {
			t.Errorf("ORG boost -1e6: %s %q", m.Kind, m.Text)
		}
	}
	if len(down) == 0 {
		t.Error("ORG boost -1e6: no mentions at all")
	}
	if after := fmt.Sprint(tag(tg, text)); after != before {
		t.Errorf("Boosted changed the model: %s, was %s", after, before)
	}
}

func TestDecodeErrors(t *testing.T) {
	var wrongMagic bytes.Buffer
	zw := gzip.NewWriter(&wrongMagic)
	zw.Write([]byte("NOTNER\x01"))
	zw.Close()
	var future bytes.Buffer
	zw = gzip.NewWriter(&future)
	zw.Write([]byte("DLNER\x09"))
	zw.Close()
	for _, in := range [][]byte{nil, []byte("garbage"), wrongMagic.Bytes(), future.Bytes(), embedded[:len(embedded)/2]} {
		if _, err := Decode(bytes.NewReader(in)); err == nil {
			t.Errorf("Decode(%q): want error", in)
		}
	}
}

func BenchmarkDecodeModel(b *testing.B) {
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}

// benchText is the dev set's text, document by document, so that the
// benchmark reads news as ingest would.
func benchTexts(b *testing.B) ([]string, int) {
	docs := readCoNLL(b, filepath.Join(corpora(b), "conll2003", "eng.testa"))
	var texts []string
	n := 0
	for _, d := range docs {
		text, _ := d.Text()
		texts = append(texts, text)
		n += d.Tokens()
	}
	return texts, n
}

// BenchmarkTag measures splitting, tokenizing and tagging together (run
// with GOMAXPROCS=1 for the one-core figure).
func BenchmarkTag(b *testing.B) {
	texts, n := benchTexts(b)
	tg := mustDefault(b)
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			tg.Tag(text, segment.Split(text))
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkSplit measures splitting and tokenizing alone on the same text.
func BenchmarkSplit(b *testing.B) {
	texts, n := benchTexts(b)
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			segment.Split(text)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// FuzzDecode feeds Decode damaged model files: it must return an error or
// a model, never panic.
func FuzzDecode(f *testing.F) {
	var small bytes.Buffer
	m := newModel(8, NewLexicon())
	m.stages = []*stage{newStage(8)}
	m.stages[0].w[3] = 1
	m.finalize()
	if err := m.Encode(&small); err != nil {
		f.Fatal(err)
	}
	f.Add(small.Bytes())
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 1<<16 {
			return
		}
		Decode(bytes.NewReader(in))
	})
}

// TestTitledNames checks that a person's name after an official title is
// not swallowed by the organisation in the title. The sentences are from
// the press releases, where the model alone tags "Security Council Nikolai
// Patrushev" and "European Parliament Roberta Metsola" as one organisation.
func TestTitledNames(t *testing.T) {
	tg := mustDefault(t)
	for _, c := range []struct {
		text          string
		org, person   string
		noOrgContains string
	}{
		{"The meeting was attended by Prime Minister Mikhail Mishustin, Secretary of the Security Council Nikolai Patrushev, and Foreign Minister Sergei Lavrov.",
			"Security Council", "Nikolai Patrushev", "Patrushev"},
		{"In the afternoon I met with President of the European Parliament Roberta Metsola.",
			"European Parliament", "Roberta Metsola", "Metsola"},
	} {
		var org, person bool
		for _, m := range tag(tg, c.text) {
			switch {
			case m.Kind == graph.Org && m.Text == c.org:
				org = true
			case m.Kind == graph.Person && m.Text == c.person:
				person = true
			case m.Kind != graph.Person && strings.Contains(m.Text, c.noOrgContains):
				t.Errorf("%q: %s %q holds the person's name", c.text, m.Kind, m.Text)
			}
		}
		if !org || !person {
			t.Errorf("%q: org %q %v, person %q %v; got %v", c.text, c.org, org, c.person, person, tag(tg, c.text))
		}
	}
}

// preparedWords returns the tagger's view of one sentence of the given
// words, for the tests of the name mending that reads it.
func preparedWords(tg *Tagger, words []string) *docInfo {
	var d docInfo
	var sent segment.Sentence
	off := 0
	for _, w := range words {
		sent.Tokens = append(sent.Tokens, token.Token{Text: w, Span: graph.Span{Start: off, End: off + len(w)}})
		off += len(w) + 1
	}
	tg.m.prepare([]segment.Sentence{sent}, &d)
	return &d
}

// TestTitledName checks where titledName splits a name: only at a known
// given name that is not a common word, after two capitalised words that
// are not given names, before at most three capitalised words that are not
// organisation keywords.
func TestTitledName(t *testing.T) {
	tg := mustDefault(t)
	for _, c := range []struct {
		words string
		want  int
	}{
		{"European Council Charles Michel", 2},
		{"Security Council Nikolai Patrushev", 2},
		{"Ukraine Volodymyr Zelenskyy", 0},        // one word before the name
		{"Kryukov Railway Car Building Works", 0}, // "Car" is a common word
		{"Armed Forces of Ukraine Valeriy Zaluzhny", 4},
		{"European Council Charles Michel Foundation", 0}, // an organisation keyword after the name
		{"Charles Michel", 0},
		{"Federal Scientific Centre of East Asia Terrestrial Biodiversity", 0}, // "Asia" is a region's name
	} {
		words := strings.Fields(c.words)
		d := preparedWords(tg, words)
		if got := titledName(d.toks, 0, len(words)); got != c.want {
			t.Errorf("titledName(%q) = %d, want %d", c.words, got, c.want)
		}
	}
}

// TestPressReleases scores the embedded model on the hand-tagged sample of
// the press releases (testdata/press-releases*.conll, see the README's
// third round): the mixed-case modern news Dateline reads, which CoNLL
// cannot show. The floors sit just under the committed model's scores, so
// a model or a tagging change that loses names there fails.
func TestPressReleases(t *testing.T) {
	tg := mustDefault(t)
	for _, c := range []struct {
		file  string
		floor float64
	}{
		{"press-releases.conll", 0.89},        // 60 random passages, 300 sentences (0.8919)
		{"press-releases-titles.conll", 0.90}, // 80 sentences with salutations, speaker lines, "US", titles (0.9029)
	} {
		docs := readCoNLL(t, filepath.Join("testdata", c.file))
		ev, err := tg.Evaluate(context.Background(), docs)
		if err != nil {
			t.Fatal(err)
		}
		h := ev.Headline()
		t.Logf("%s: PER+LOC+ORG P %.4f R %.4f F1 %.4f", c.file, h.Precision, h.Recall, h.F1)
		if h.F1 < c.floor {
			t.Errorf("%s: PER+LOC+ORG F1 %.4f, want at least %.2f", c.file, h.F1, c.floor)
		}
	}
}

// TestSalutationsAndSpeakers checks the tagger's mending of the names of
// speeches and transcripts (titledNames, afterSalutation, countryName), on sentences of the press releases: salutations,
// and honorifics are no part of a name, a transcript's
// speaker line names its speaker whole, and a country written in capitals
// before a noun is a place.
func TestSalutationsAndSpeakers(t *testing.T) {
	tg := mustDefault(t)
	for _, c := range []struct {
		text string
		want []string // kind:text of every mention, in order
	}{
		{"Ladies and Gentlemen !", nil},
		{"Dear Ladies and Gentlemen, Dear guests.", nil},
		{"President of Russia Vladimir Putin: Mr Mazepin, good afternoon.", []string{"place:Russia", "person:Vladimir Putin", "person:Mazepin"}},
		{"President of Kazakhstan Kassym-Jomart Tokayev: Colleagues, the holding of our summit is linked with extreme events.", []string{"place:Kazakhstan", "person:Kassym-Jomart Tokayev"}},
		{"Global markets are falling while the stock value of the companies from the US military-industrial complex is going up.", []string{"place:US"}},
	} {
		var got []string
		for _, m := range tag(tg, c.text) {
			got = append(got, m.Kind.String()+":"+m.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestAfterTitle checks where afterTitle starts a name that opens with an
// official title: after the title's "of" when a name follows, and at the
// title itself when the name is the title alone.
func TestAfterTitle(t *testing.T) {
	tg := mustDefault(t)
	for _, c := range []struct {
		words string
		want  int
	}{
		{"President of Ukraine", 2},
		{"Deputy Head of the Crimea Platform Office", 4},
		{"Head of State", 0},      // a title alone: resolution links it to its holder
		{"Secretary of State", 0}, // likewise
		{"Secretary", 0},
		{"Bank of England", 0}, // no title
		{"Head of the Office of", 0},
	} {
		words := strings.Fields(c.words)
		d := preparedWords(tg, words)
		if got := afterTitle(d.toks, 0, len(words)); got != c.want {
			t.Errorf("afterTitle(%q) = %d, want %d", c.words, got, c.want)
		}
	}
}

// TestAfterOpener checks which sentence-opening words afterOpener leaves
// out of a name, on the words of real sentences: a conjunction ("As The
// Hill reported" from a West Journal story), and "The" before a title
// alone ("The First Lady said" from a president.gov.ua release), but not
// "The" of a publication's name or of a place's.
func TestAfterOpener(t *testing.T) {
	tg := mustDefault(t)
	for _, c := range []struct {
		words   string
		a, b    int
		want    int
		comment string
	}{
		{"As The Hill reported ,", 0, 3, 1, "a conjunction opens no name"},
		{"But Trump said", 0, 2, 1, ""},
		{"The First Lady said", 0, 3, 1, "a title alone names a role"},
		{"The Prime Minister noted", 0, 3, 1, ""},
		{"The Economist reported", 0, 2, 0, "one word after The: a publication"},
		{"The Hague said", 0, 2, 0, ""},
		{"The Hill reported", 0, 2, 0, ""},
		{"As", 0, 1, 0, "nothing would be left"},
		{"He met The First Lady", 2, 5, 2, "only at the start of a sentence"},
		{"\" As The Hill reported", 1, 4, 2, "after an opening quotation mark"},
	} {
		words := strings.Fields(c.words)
		d := preparedWords(tg, words)
		var toks []token.Token
		off := 0
		for _, w := range words {
			toks = append(toks, token.Token{Text: w, Span: graph.Span{Start: off, End: off + len(w)}, Class: classOf(w)})
			off += len(w) + 1
		}
		if got := afterOpener(d.toks, toks, c.a, c.b); got != c.want {
			t.Errorf("afterOpener(%q, %d, %d) = %d, want %d (%s)", c.words, c.a, c.b, got, c.want, c.comment)
		}
	}
}

// classOf is the token class of a test's word: punctuation or a word.
func classOf(w string) token.Class {
	if strings.Trim(w, "\",.") == "" {
		return token.Punct
	}
	return token.Word
}
