package source

import (
	"bytes"
	"context"
	"os"
	"testing"
	"unicode/utf8"
)

// fuzzRead reads data as stdin in format and checks what every reader
// promises: no panic, exactly one of Article and Err, valid UTF-8 text,
// IDs in range and positive line numbers.
func fuzzRead(t *testing.T, format string, data []byte) {
	err := Read(context.Background(), []string{"-"}, Options{Format: format, Stdin: bytes.NewReader(data), MaxRecord: 1 << 16}, func(it Item) error {
		switch {
		case (it.Article == nil) == (it.Err == nil):
			t.Fatalf("item %+v: want exactly one of Article and Err", it)
		case it.Err != nil:
			if it.Err.Reason == "" || it.Err.File != "-" || it.Err.Line < 0 {
				t.Fatalf("bad error %+v", it.Err)
			}
		default:
			a := it.Article
			if a.Text == "" || !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
				t.Fatalf("article with empty or invalid text: %+v", a)
			}
			if a.ID == 0 || a.ID>>63 != 0 || a.Key == "" {
				t.Fatalf("article ID %d key %q", a.ID, a.Key)
			}
			if a.Origin.Line < 1 || a.Origin.Record < 1 {
				t.Fatalf("article origin %+v", a.Origin)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
}

func seed(f *testing.F, files ...string) {
	for _, name := range files {
		b, err := os.ReadFile("testdata/in/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzJSONL(f *testing.F) {
	seed(f, "mixed.jsonl")
	f.Add([]byte(`{"text":"a","date":1e300}` + "\n" + `{"text":["a",1]}` + "\n" + `{"source":{"name":{}},"text":"x"}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, FormatJSONL, data) })
}

func FuzzCSV(f *testing.F) {
	seed(f, "multiline.csv", "custom.csv")
	f.Add([]byte("text,date\n\"a\nb\",2022\nc,\"x\"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, FormatCSV, data) })
}

func FuzzText(f *testing.F) {
	seed(f, "sample-article.txt", "header.txt", "undated.txt", "date-word.txt")
	f.Add([]byte("title: x\ndate: nonsense\n\nbody"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, FormatText, data) })
}

func FuzzHTML(f *testing.F) {
	seed(f, "page.html", "page-ld.htm")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, FormatHTML, data) })
}

// FuzzSniff reads with no format, so that sniffing picks the reader.
func FuzzSniff(f *testing.F) {
	seed(f, "mixed.jsonl", "news.tsv", "page.html", "sample-article.txt", "mixed.jsonl.gz")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "", data) })
}
