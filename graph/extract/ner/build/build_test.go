package build

import (
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dateline/graph/extract/ner/conll"
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
	if len(names) < 8000 || !slices.Contains(names, "Joe") || !slices.Contains(names, "Mary") {
		t.Errorf("%d given names, want over 8000 including Joe and Mary", len(names))
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
	corpora := filepath.Join("..", "..", "..", "..", "..", "shared", "corpora")
	if _, err := os.Stat(filepath.Join(corpora, "gum")); err != nil {
		t.Skip("shared corpora not available")
	}
	names, err := gumFirstNames(corpora)
	if err != nil {
		t.Fatal(err)
	}
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
