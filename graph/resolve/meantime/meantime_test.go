package meantime

import (
	"context"
	"strings"
	"testing"

	"dateline/graph"
)

func TestReadMini(t *testing.T) {
	d, err := ReadFile("testdata/mini.xml")
	if err != nil {
		t.Fatal(err)
	}
	const want = "Boeing wins\n\nMarch 01, 2008\n\nBoeing's chief Jim McNerney said “we won” (Wal-Mart). The company grew."
	if d.Text != want {
		t.Errorf("Text =\n%q\nwant\n%q", d.Text, want)
	}
	if d.Title != "Boeing wins" || d.ID != "9001" || d.Created.String() != "2008-03-01" {
		t.Errorf("Title %q, ID %q, Created %v", d.Title, d.ID, d.Created)
	}
	for _, tok := range d.Tokens {
		if tok.Span.Of(d.Text) != tok.Text {
			t.Errorf("token %d spans %q, want %q", tok.ID, tok.Span.Of(d.Text), tok.Text)
		}
	}
	g := d.Gold()
	type row struct {
		text, head, entity string
		kind               graph.Kind
		named              bool
	}
	wantRows := []row{
		{"Boeing", "Boeing", "meantime:ORG1", graph.Org, true}, // m_id 1 and 7: one span, kept once
		{"Boeing's chief Jim McNerney", "McNerney", "meantime:PER2", graph.Person, true},
		{"Boeing's", "Boeing", "meantime:ORG1", graph.Org, true}, // no type, capitalised head
		{"we", "we", "meantime:ORG1", graph.Org, false},
		{"Wal-Mart", "Mart", "meantime:9001#22", graph.Org, true}, // a document-level entity
		{"The company", "company", "meantime:ORG1", graph.Org, false},
	}
	if len(g.Mentions) != len(wantRows) {
		t.Fatalf("%d mentions, want %d: %+v", len(g.Mentions), len(wantRows), g.Mentions)
	}
	for i, m := range g.Mentions {
		got := row{m.Text, m.Head.Of(g.Text), m.Entity, m.Kind, m.Named}
		if got != wantRows[i] {
			t.Errorf("mention %d = %+v, want %+v", i, got, wantRows[i])
		}
		if m.Span.Of(g.Text) != m.Text {
			t.Errorf("mention %d spans %q", i, m.Span.Of(g.Text))
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"<Document doc_id='1'></Document>",
		"<Document doc_id='1'><token t_id='1' sentence='0' number='0'>A</token><token t_id='1' sentence='0' number='1'>B</token></Document>",
		"<Document doc_id='1'><token t_id='1' sentence='0' number='0'>A</token><Markables><ENTITY_MENTION m_id='1'><token_anchor t_id='7'/></ENTITY_MENTION></Markables></Document>",
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) = nil error", in)
		}
	}
	if _, err := ReadDir(context.Background(), t.TempDir()); err == nil {
		t.Error("ReadDir of an empty directory: nil error")
	}
}

func TestReadDirFlat(t *testing.T) {
	docs, err := ReadDir(context.Background(), "testdata")
	if err != nil || len(docs) != 1 || docs[0].Subcorpus != "testdata" {
		t.Fatalf("ReadDir(testdata) = %v, %v", docs, err)
	}
}

// FuzzRead checks that Read never panics and that whatever it accepts
// has token spans holding their text.
func FuzzRead(f *testing.F) {
	f.Add("<Document doc_id='1'><token t_id='1' sentence='0' number='0'>A</token><token t_id='2' sentence='1' number='1'>(</token></Document>")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, tok := range d.Tokens {
			if tok.Span.Of(d.Text) != tok.Text {
				t.Fatalf("token %d spans %q, want %q", tok.ID, tok.Span.Of(d.Text), tok.Text)
			}
		}
		d.Gold()
	})
}
