package gum

import (
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/graph"
)

func TestReadMini(t *testing.T) {
	docs, err := ReadFile(context.Background(), "testdata/mini.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	d := docs[0]
	const want = "Obama sworn in\n\nBarack Obama, the president, isn't in New York."
	if d.Text != want {
		t.Errorf("Text = %q, want %q", d.Text, want)
	}
	if d.ID != "GUM_news_mini" || d.Genre != "news" || d.Title != "Obama sworn in" ||
		d.URL != "https://en.wikinews.org/wiki/Mini" || d.Created.String() != "2009-01-20" {
		t.Errorf("metadata: %q %q %q %q %v", d.ID, d.Genre, d.Title, d.URL, d.Created)
	}
	for i, tok := range d.Tokens {
		if tok.Span.Of(d.Text) != tok.Form {
			t.Errorf("token %d %q spans %q", i, tok.Form, tok.Span.Of(d.Text))
		}
	}
	if h := d.Tokens[4].Head; h != 3 { // Obama → Barack
		t.Errorf("head of Obama = %d, want 3", h)
	}
	type row struct {
		text, head, entity string
		kind               graph.Kind
		named              bool
	}
	check := func(d *Document, want []row) {
		t.Helper()
		g := d.Gold()
		if len(g.Mentions) != len(want) {
			t.Fatalf("%s: %d mentions, want %d: %+v", d.ID, len(g.Mentions), len(want), g.Mentions)
		}
		for i, m := range g.Mentions {
			got := row{m.Text, m.Head.Of(g.Text), m.Entity, m.Kind, m.Named}
			if got != want[i] {
				t.Errorf("%s mention %d = %+v, want %+v", d.ID, i, got, want[i])
			}
		}
	}
	check(docs[0], []row{
		{"Obama", "Obama", "gum:wiki:Barack_Obama", graph.Person, true},
		{"Barack Obama", "Barack", "gum:wiki:Barack_Obama", graph.Person, true},
		{"the president", "president", "gum:wiki:Barack_Obama", graph.Person, false},
		{"New York", "York", "gum:wiki:New_York_City", graph.Place, true},
	})
	check(docs[1], []row{
		{"He", "He", "gum:GUM_bio_mini#1", graph.Person, false},
		{"Smith-Jones", "Smith-Jones", "gum:GUM_bio_mini#2", graph.Person, true},
		{"Boston", "Boston", "gum:wiki:Boston", graph.Place, true},
	})
	if docs[1].Text != "He met Smith-Jones in Boston" {
		t.Errorf("second text %q", docs[1].Text)
	}
}

func TestReadGzip(t *testing.T) {
	raw, err := os.ReadFile("testdata/mini.conllu")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mini.conllu.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := gzip.NewWriter(f)
	z.Write(raw)
	z.Close()
	f.Close()
	docs, err := ReadFile(context.Background(), path)
	if err != nil || len(docs) != 2 {
		t.Fatalf("ReadFile(gz) = %d docs, %v", len(docs), err)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"1\tA\tA\tX\tX\t_\t0\troot\t_\t_\n",
		"# newdoc id = d\n1\tA\tA\tX\tX\t_\t0\troot\t_\tEntity=(1-person\n",
		"# newdoc id = d\n1\tA\tA\tX\tX\t_\t0\troot\t_\tEntity=2)\n",
		"# newdoc id = d\n2\tA\tA\tX\tX\t_\t0\troot\t_\t_\n",
		"# newdoc id = d\n1\tA\tA\tX\tX\t_\t5\troot\t_\t_\n\n",
		"# newdoc id = d\n1\tA\tA\n",
	} {
		if _, err := Read(context.Background(), strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) = nil error", in)
		}
	}
}

// FuzzRead checks that Read never panics and that what it accepts has
// token spans holding their forms or their multiword token, and mention
// spans inside the text.
func FuzzRead(f *testing.F) {
	raw, err := os.ReadFile("testdata/mini.conllu")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(raw))
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := Read(context.Background(), strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, tok := range d.Tokens {
				if tok.Span.Start < 0 || tok.Span.End > len(d.Text) || tok.Span.Start > tok.Span.End {
					t.Fatalf("token %q has span %v outside %d bytes", tok.Form, tok.Span, len(d.Text))
				}
			}
			for _, m := range d.Gold().Mentions {
				if m.Span.Of(d.Text) != m.Text || m.Head.Start < m.Span.Start || m.Head.End > m.Span.End {
					t.Fatalf("mention %+v", m)
				}
			}
		}
	})
}
