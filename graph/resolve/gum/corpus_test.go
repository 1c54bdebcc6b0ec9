package gum

import (
	"context"
	"path/filepath"
	"testing"

	"dateline/graph/sharedtest"
)

// TestCorpus reads GUM's train and dev files and checks what the
// evaluation relies on: document counts as SOURCES.md gives them, token
// spans holding their forms, and wikified named entities shared by
// several documents.
func TestCorpus(t *testing.T) {
	dir := sharedtest.Path(t, "corpora/gum")
	for _, c := range []struct {
		file string
		docs int
	}{{"gum_train.conllu.gz", 177}, {"gum_dev.conllu.gz", 30}} {
		docs, err := ReadFile(context.Background(), filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != c.docs {
			t.Errorf("%s: %d documents, want %d", c.file, len(docs), c.docs)
		}
		named, wikified := 0, 0
		docsOf := map[string]map[string]bool{}
		for _, d := range docs {
			for i, tok := range d.Tokens {
				if got := tok.Span.Of(d.Text); got != tok.Form && len(got) <= len(tok.Form) {
					t.Fatalf("%s token %d %q spans %q", d.ID, i, tok.Form, got)
				}
			}
			for _, m := range d.Gold().Mentions {
				if !m.Named || m.Kind > 3 {
					continue
				}
				named++
				if len(m.Entity) > 8 && m.Entity[:8] == "gum:wiki" {
					wikified++
					if docsOf[m.Entity] == nil {
						docsOf[m.Entity] = map[string]bool{}
					}
					docsOf[m.Entity][d.ID] = true
				}
			}
		}
		cross := 0
		for _, ds := range docsOf {
			if len(ds) > 1 {
				cross++
			}
		}
		t.Logf("%s: %d named person/place/organization mentions, %d wikified, %d entities in several documents", c.file, named, wikified, cross)
		if named < 500 || wikified < named/3 || cross < 10 {
			t.Errorf("%s: named %d, wikified %d, cross-document %d: too few", c.file, named, wikified, cross)
		}
	}
}
