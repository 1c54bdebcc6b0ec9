package attribution

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// FuzzRead checks that the gold reader never panics and that whatever it
// accepts is consistent: every attribution belongs to a listed article
// and has as many content texts as spans.
func FuzzRead(f *testing.F) {
	b, err := os.ReadFile("testdata/crane-gold.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"type":"article"}`))
	f.Add([]byte("{\"type\":\"attribution\",\"content\":[[1,0]]}\n\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		listed := map[string]bool{}
		for _, a := range g.Articles {
			listed[a.ID] = true
		}
		for id, as := range g.Attributions {
			if !listed[id] {
				t.Fatalf("attributions of unlisted article %q", id)
			}
			for _, a := range as {
				if len(a.Content) == 0 || len(a.Content) != len(a.ContentText) {
					t.Fatalf("accepted %+v", a)
				}
				if _, err := ParseDate(a.Date); err != nil {
					t.Fatalf("accepted date %q: %v", a.Date, err)
				}
			}
		}
	})
}

// FuzzReadGUM checks that the CoNLL-U renderer never panics and never
// starts or ends a text with white space.
func FuzzReadGUM(f *testing.F) {
	b, err := os.ReadFile("testdata/GUM_news_crane.conllu")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("# newdoc id = x\n# newpar\n# newpar_block = p (2 s) | caption (0 s)\n# text = a\n# text = b\n"))
	f.Add([]byte("# text = orphan\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ReadGUM(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, d := range docs {
			if d.Text != strings.TrimSpace(d.Text) && strings.TrimSpace(d.Text) != "" {
				t.Fatalf("text %q has outer space", d.Text)
			}
		}
	})
}
