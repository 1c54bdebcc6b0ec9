package build

import (
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/ner/cluster"
	"dateline/graph/extract/ner/conll"
	"dateline/graph/sharedtest"
)

func writeGzip(t *testing.T, path, content string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(content))
	zw.Close()
	f.Close()
}

func TestFirstNames(t *testing.T) {
	doc := conll.Document{Sentences: []conll.Sentence{
		{{Text: "Peter", Tag: "B-PER"}, {Text: "Blackburn", Tag: "I-PER"}, {Text: "and", Tag: "O"}, {Text: "Peter", Tag: "B-PER"}, {Text: "Smith", Tag: "I-PER"}},
		{{Text: "Clinton", Tag: "B-PER"}, {Text: "met", Tag: "O"}, {Text: "Jo", Tag: "B-PER"}, {Text: "Ng", Tag: "I-PER"}},
	}}
	if got := firstNames([]conll.Document{doc}, 2); !slices.Equal(got, []string{"Peter"}) {
		t.Errorf("firstNames = %v, want [Peter]", got)
	}
}

func TestGivenNames(t *testing.T) {
	names, err := givenNames()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Joe", "Mary", "Volodymyr", "Olena"} {
		if !slices.Contains(names, want) {
			t.Errorf("given names lack %s", want)
		}
	}
	if len(names) < 8000 || slices.Contains(names, "") || slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, "#") }) {
		t.Errorf("%d given names, want over 8000 and no comments or blanks", len(names))
	}
}

func TestReuters(t *testing.T) {
	dir := t.TempDir()
	sgml := "<REUTERS NEWID=\"1\"><TEXT><TITLE>COCOA &lt;REVIEW&gt;</TITLE><BODY>Showers in S\xe3o Paulo.\n Reuter\n&#3;</BODY></TEXT></REUTERS>\n<REUTERS NEWID=\"2\"><TEXT><BODY>Second story.</BODY></TEXT></REUTERS>"
	writeGzip(t, filepath.Join(dir, "reut2-000.sgm.gz"), sgml)
	var got []string
	n, err := Reuters(context.Background(), dir, func(s string) { got = append(got, s) })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"COCOA <REVIEW>", "Showers in São Paulo.\n Reuter\n\x03", "Second story."}
	if n != 2 || len(got) != 3 || got[0] != want[0] || !strings.HasPrefix(got[1], "Showers in São Paulo.") || got[2] != want[2] {
		t.Errorf("Reuters = %d, %q; want 2 stories %q", n, got, want)
	}
	if _, err := Reuters(context.Background(), t.TempDir(), func(string) {}); err == nil {
		t.Error("Reuters on an empty directory: want error")
	}
}

func TestNewsCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.csv.gz")
	writeGzip(t, path, "link,headline,date,body\nhttp://x,Putin meets Macron,2022-02-08,\"Talks, long ones.\nMore.\"\n")
	var got []string
	n, err := newsCSV(path, func(s string) { got = append(got, s) })
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || len(got) != 2 || got[0] != "Putin meets Macron" || got[1] != "Talks, long ones.\nMore." {
		t.Errorf("newsCSV = %d, %q", n, got)
	}
}

func TestGUMFirstNames(t *testing.T) {
	corpora := sharedtest.Path(t, "corpora")
	docs, err := ReadGUM(filepath.Join(corpora, "gum", "gum_train.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	names := gumFirstNames(docs)
	if len(names) < 100 || !slices.Contains(names, "Claire") {
		t.Errorf("%d GUM given names, want over 100 including Claire", len(names))
	}
}

func TestName(t *testing.T) {
	for w, want := range map[string]bool{"Claire": true, "Jo": false, "McDonald": false, "CLAIRE": false, "Zoë": true} {
		if got := name(w); got != want {
			t.Errorf("name(%q) = %v, want %v", w, got, want)
		}
	}
}

// gumSample is two GUM sentences in CoNLL-U: a news document (read) and a
// fiction one (a non-commercial genre: skipped).
const gumSample = `# newdoc id = GUM_news_sample
# sent_id = GUM_news_sample-1
1	President	President	PROPN	NNP	_	2	compound	_	Entity=(1-person-new-nnnnn-cf1-2-coref-Barack_Obama
2	Barack	Barack	PROPN	NNP	_	0	root	_	_
3	Obama	Obama	PROPN	NNP	_	2	flat	_	Entity=1)
4	visited	visit	VERB	VBD	_	2	dep	_	_
5	the	the	DET	DT	_	6	det	_	Entity=(2-organization-new-nnnnn-cf2-2-sgl-University_of_Portsmouth
6	University	University	PROPN	NNP	_	4	obj	_	_
7	of	of	ADP	IN	_	8	case	_	_
8	Portsmouth	Portsmouth	PROPN	NNP	_	6	nmod	_	Entity=(3-place-new-nnnnn-cf3-1-sgl-Portsmouth)
9	,	,	PUNCT	,	_	10	punct	_	_
10	United	unite	VERB	VBN	_	11	amod	_	Entity=(4-place-new-nnnnn-cf4-2-sgl-United_Kingdom
11	Kingdom	Kingdom	PROPN	NNP	_	6	appos	_	Entity=4)2)
12	on	on	ADP	IN	_	13	case	_	_
13	Easter	Easter	PROPN	NNP	_	4	obl	_	Entity=(5-time-new-nnnnn-cf5-1-sgl)

# sent_id = GUM_news_sample-2
1-2	He's	_	_	_	_	_	_	_	_
1	He	he	PRON	PRP	_	3	nsubj	_	Entity=(1-person-giv-nnnnn-cf1-1-coref-Barack_Obama)
2	's	be	AUX	VBZ	_	3	aux	_	_
3	the	the	DET	DT	_	0	root	_	Entity=(6-person-new-nnnnn-cf2-3-sgl
4	former	former	ADJ	JJ	_	5	amod	_	_
5	President	President	PROPN	NNP	_	3	dep	_	Entity=6)

# newdoc id = GUM_fiction_sample
# sent_id = GUM_fiction_sample-1
1	Alice	Alice	PROPN	NNP	_	0	root	_	Entity=(1-person-new-nnnnn-cf1-1-coref)

`

func TestReadGUM(t *testing.T) {
	docs, err := readGUM(strings.NewReader(gumSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1 (the fiction genre is not read)", len(docs))
	}
	var got []string
	for _, s := range docs[0].Sentences {
		var w []string
		for _, tk := range s {
			w = append(w, tk.Text+"/"+tk.Tag)
		}
		got = append(got, strings.Join(w, " "))
	}
	want := []string{
		"President/?O Barack/B-PER Obama/I-PER visited/O the/O University/B-ORG of/I-ORG Portsmouth/I-ORG ,/O United/B-LOC Kingdom/I-LOC on/O Easter/?O",
		"He/?O 's/O the/O former/O President/?",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ReadGUM =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if names := gumFirstNames(docs); !slices.Equal(names, []string{"Barack"}) {
		t.Errorf("gumFirstNames = %v, want [Barack]", names)
	}
}

func TestClusterCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c", "clusters.tsv.gz")
	lex := ner.NewLexicon()
	if ok, err := readClusterCache(path, lex); ok || err != nil {
		t.Fatalf("missing cache: ok %v, err %v", ok, err)
	}
	vocab := []string{"the", "Moscow", "Kyiv"}
	paths := map[string]cluster.Path{"the": {Bits: 0b01, Len: 2}, "Moscow": {Bits: 0b1101, Len: 4}, "Kyiv": {Bits: 0b1100, Len: 4}}
	if err := writeClusterCache(path, vocab, paths); err != nil {
		t.Fatal(err)
	}
	if ok, err := readClusterCache(path, lex); !ok || err != nil {
		t.Fatalf("cache: ok %v, err %v", ok, err)
	}
	if c, _ := lex.Sizes(); c != 3 {
		t.Errorf("%d clustered words read back, want 3", c)
	}
	for _, w := range vocab {
		if bits, n, ok := lex.Path(w); !ok || bits != paths[w].Bits || n != paths[w].Len {
			t.Errorf("Path(%q) = %b, %d, %v; want %b, %d", w, bits, n, ok, paths[w].Bits, paths[w].Len)
		}
	}
	other := Options{Clusters: 16, Corpora: "x"}
	d1 := []conll.Document{{Sentences: []conll.Sentence{{{Text: "EU", Tag: "B-ORG"}}}}}
	d2 := []conll.Document{{Sentences: []conll.Sentence{{{Text: "UN", Tag: "B-ORG"}}}}}
	if clusterKey(other, d1) == clusterKey(other, d2) || clusterKey(other, d1) != clusterKey(other, d1) {
		t.Error("clusterKey does not follow the training text")
	}
}

// TestClassCache learns exchange classes once, then reads them back from
// the cache without the text: the lexicon must get the same classes.
func TestClassCache(t *testing.T) {
	cities := []string{"Moscow", "Kyiv", "Paris", "Berlin"}
	days := []string{"Monday", "Tuesday", "Friday", "Sunday"}
	c := cluster.NewCounter(cluster.Options{})
	for i := 0; i < 100; i++ {
		c.Add([]string{"officials", "in", cities[i%4], "met", "on", days[(i/3)%4], "."})
		c.Add([]string{"the", "mayor", "of", cities[(i+1)%4], "left", "on", days[i%4], "."})
	}
	opts := Options{CacheDir: t.TempDir(), Corpora: "x"}
	ctx := context.Background()
	learned := ner.NewLexicon()
	if err := addClasses(ctx, opts, nil, learned, 1, 4, func() (*cluster.Counter, error) { return c, nil }); err != nil {
		t.Fatal(err)
	}
	cached := ner.NewLexicon()
	noText := func() (*cluster.Counter, error) { return nil, errors.New("the cache should have answered") }
	if err := addClasses(ctx, opts, nil, cached, 1, 4, noText); err != nil {
		t.Fatal(err)
	}
	for _, w := range append(cities, days...) {
		a, okA := learned.Class(w, 1)
		b, okB := cached.Class(w, 1)
		if !okA || a != b || okA != okB {
			t.Errorf("%s: learned class %d (%v), cached %d (%v)", w, a, okA, b, okB)
		}
		if _, ok := learned.Class(w, 0); ok {
			t.Errorf("%s has a class in clustering 0, which was not learned", w)
		}
	}
	if err := addClasses(ctx, opts, nil, cached, ner.MaxClusterings, 4, noText); err == nil {
		t.Error("a clustering past MaxClusterings: want an error")
	}
}
