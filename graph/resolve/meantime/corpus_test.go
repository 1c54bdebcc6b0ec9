package meantime

import (
	"context"
	"testing"

	"dateline/graph/sharedtest"
)

// TestCorpus reads the shared MEANTIME corpus and checks what the
// evaluation relies on: every token's span holds its text, named
// mentions of people, organisations and places are found and refer to
// entities, and some entities are named in several documents.
func TestCorpus(t *testing.T) {
	dir := sharedtest.Path(t, "corpora/meantime")
	docs, err := ReadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 90 {
		t.Errorf("read %d documents, want 90", len(docs))
	}
	named, linked, heuristic := 0, 0, 0
	docsOf := map[string]map[string]bool{}
	for _, d := range docs {
		for _, tok := range d.Tokens {
			if got := tok.Span.Of(d.Text); got != tok.Text {
				t.Fatalf("%s: token %d spans %q, want %q", d.ID, tok.ID, got, tok.Text)
			}
		}
		if d.Created.IsZero() {
			t.Errorf("%s: no creation time", d.ID)
		}
		g := d.Gold()
		for i, m := range g.Mentions {
			if !m.Named || m.Kind == 0 || m.Kind > 3 {
				continue
			}
			named++
			if m.Entity != "" {
				linked++
				if docsOf[m.Entity] == nil {
					docsOf[m.Entity] = map[string]bool{}
				}
				docsOf[m.Entity][d.ID] = true
			}
			if d.Mentions[0].SyntacticType == "x" {
				t.Log(i)
			}
		}
		for _, m := range d.Mentions {
			if m.SyntacticType == "" {
				heuristic++
			}
		}
	}
	cross := 0
	for _, ds := range docsOf {
		if len(ds) > 1 {
			cross++
		}
	}
	t.Logf("%d named PER/ORG/LOC mentions, %d linked, %d entities in several documents; %d mentions typed by heuristic", named, linked, cross, heuristic)
	if named < 500 || linked < named*9/10 || cross < 30 {
		t.Errorf("named %d, linked %d, cross-document entities %d: too few", named, linked, cross)
	}
}
