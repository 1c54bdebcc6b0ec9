package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract"
	"dateline/graph/furniture"
	"dateline/graph/sharedtest"
	"dateline/graph/source"
	"dateline/graph/store"
	"dateline/timeline"
)

// polnearArchive is the PolNeAR train compartment: 840 political news
// articles of 2015–2016 from seven publishers, each file named
// publisher_date_slug.txt.
const polnearArchive = "corpora/quotes/polnear/polnear-train.tar.gz"

// polnearDocs reads and extracts PolNeAR's articles by a publisher, in
// file order, with the publisher as their source and the file's date as
// theirs. Under the race detector or -short it keeps the articles holding
// a line that three or more of them hold, and the first twenty others.
func polnearDocs(t testing.TB, publisher string) []*graph.Document {
	t.Helper()
	ctx := context.Background()
	all := t.TempDir()
	sharedtest.Untar(t, polnearArchive, all)
	dir := t.TempDir()
	texts, err := filepath.Glob(filepath.Join(all, "train", "text", publisher+"_*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range texts {
		if err := os.Rename(p, filepath.Join(dir, filepath.Base(p))); err != nil {
			t.Fatal(err)
		}
	}
	var arts []*graph.Article
	err = source.Read(ctx, []string{dir}, source.Options{}, func(it source.Item) error {
		if it.Article == nil {
			return fmt.Errorf("rejected: %v", it.Err)
		}
		a := it.Article
		parts := strings.SplitN(filepath.Base(a.Origin.File), "_", 3)
		d, err := timeline.Parse(parts[1])
		if err != nil {
			return fmt.Errorf("%s: %w", a.Origin.File, err)
		}
		a.Source, a.Date = publisher, d
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 {
		t.Fatalf("no %s articles in %s", publisher, polnearArchive)
	}
	if raceEnabled || testing.Short() {
		arts = repeatersAndSome(arts, 20)
	}
	pipe, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]*graph.Document, len(arts))
	for i, a := range arts {
		docs[i] = &graph.Document{Article: *a}
		if err := pipe.Process(ctx, docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	return docs
}

// repeatersAndSome keeps the articles holding a line that at least
// furniture.MinArticles of them hold, and the first n others.
func repeatersAndSome(arts []*graph.Article, n int) []*graph.Article {
	count := map[furniture.Hash]int{}
	for _, a := range arts {
		seen := map[furniture.Hash]bool{}
		for _, l := range furniture.Lines(a.Text) {
			if !seen[l.Hash] {
				seen[l.Hash] = true
				count[l.Hash]++
			}
		}
	}
	var out []*graph.Article
	others := 0
	for _, a := range arts {
		repeats := false
		for _, l := range furniture.Lines(a.Text) {
			repeats = repeats || count[l.Hash] >= furniture.MinArticles
		}
		if repeats || others < n {
			out = append(out, a)
			if !repeats {
				others++
			}
		}
	}
	return out
}

// holding returns the documents whose text has line.
func holding(docs []*graph.Document, line string) []*graph.Document {
	var out []*graph.Document
	for _, d := range docs {
		if strings.Contains(d.Article.Text, line) {
			out = append(out, d)
		}
	}
	return out
}

// entityNamed returns the stored entity with a name, or nil.
func entityNamed(t *testing.T, s *store.Store, name string) *store.StoredEntity {
	t.Helper()
	var found *store.StoredEntity
	err := s.EachEntity(context.Background(), func(e *store.StoredEntity) error {
		if e.Name == name {
			found = e
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// mentionsOf lists an article's stored mentions as "start-end entity".
func mentionsOf(t *testing.T, s *store.Store, id graph.ID) []string {
	t.Helper()
	f, err := s.ArticleFacts(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range f.Mentions {
		out = append(out, fmt.Sprintf("%d-%d %s", m.Span.Start, m.Span.End, f.Entities[m.Entity].Name))
	}
	sort.Strings(out)
	return out
}

// TestSourceFurniture is Breitbart's byline footer, "Follow Pam Key on
// Twitter @pamkeyNEN.", at the end of six of PolNeAR's Breitbart
// train articles: read as news, Pam Key was a person of six articles. Two
// articles holding the line are not yet a pattern and keep her; the third
// makes the line Breitbart's furniture, and all three are stated without
// it, their other mentions unchanged; taking one out makes it news again.
func TestSourceFurniture(t *testing.T) {
	ctx := context.Background()
	const footer = "Follow Pam Key on Twitter @pamkeyNEN."
	docs := holding(polnearDocs(t, "breitbart"), footer)
	if len(docs) < furniture.MinArticles+1 {
		t.Fatalf("%d Breitbart articles hold %q, want at least %d", len(docs), footer, furniture.MinArticles+1)
	}
	s := memStore(t)
	for _, d := range docs[:2] {
		if _, err := s.Put(ctx, copyDoc(d)); err != nil {
			t.Fatal(err)
		}
	}
	e := entityNamed(t, s, "Pam Key")
	if e == nil || e.Kind != graph.Person || e.Articles != 2 {
		t.Fatalf("after two articles holding the footer, Pam Key is %+v, want a person of 2 articles", e)
	}
	first := docs[0].Article.ID
	before := mentionsOf(t, s, first)

	if _, err := s.Put(ctx, copyDoc(docs[2])); err != nil {
		t.Fatal(err)
	}
	if e := entityNamed(t, s, "Pam Key"); e != nil {
		t.Errorf("after a third article holding the footer, Pam Key is still an entity of %d articles", e.Articles)
	}
	after := mentionsOf(t, s, first)
	footerAt := strings.Index(docs[0].Article.Text, footer)
	var want []string
	for _, m := range before {
		var start, end int
		var name string
		fmt.Sscanf(m, "%d-%d %s", &start, &end, &name)
		if start < footerAt || start >= footerAt+len(footer) {
			want = append(want, m)
		}
	}
	if len(want) == len(before) {
		t.Fatalf("the first article had no mention in its footer: %v", before)
	}
	if strings.Join(after, "\n") != strings.Join(want, "\n") {
		t.Errorf("the first article's mentions outside the footer changed:\nbefore %v\nafter  %v", want, after)
	}

	for _, d := range docs[3:] {
		if _, err := s.Put(ctx, copyDoc(d)); err != nil {
			t.Fatal(err)
		}
	}
	if e := entityNamed(t, s, "Pam Key"); e != nil {
		t.Errorf("with all %d articles holding the footer, Pam Key is an entity of %d articles", len(docs), e.Articles)
	}
	for _, d := range docs[2:] {
		if err := s.Delete(ctx, d.Article.ID); err != nil {
			t.Fatal(err)
		}
	}
	if e := entityNamed(t, s, "Pam Key"); e == nil || e.Articles != 2 {
		t.Errorf("with two articles holding the footer left, Pam Key is %+v, want a person of 2 articles", e)
	}
	if got := mentionsOf(t, s, first); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Errorf("the first article's mentions are not back as they were:\nwant %v\ngot  %v", before, got)
	}
}
