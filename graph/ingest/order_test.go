package ingest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract"
	"dateline/graph/source"
	"dateline/graph/store"
	"dateline/timeline"
)

// extractAll reads and extracts the press releases once, so that several
// stores can be fed the same documents in different orders.
func extractAll(t *testing.T) []*graph.Document { return extractAllB(t) }

// extractAllB reads and extracts the press releases: all of them, or the
// first 300 under the race detector or -short.
func extractAllB(t testing.TB) []*graph.Document {
	t.Helper()
	ctx := context.Background()
	pipe, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*graph.Document
	err = source.Read(ctx, newsPaths(t), source.Options{}, func(it source.Item) error {
		if it.Article == nil {
			return fmt.Errorf("rejected: %v", it.Err)
		}
		if (raceEnabled || testing.Short()) && len(docs) >= 300 {
			return nil
		}
		doc := &graph.Document{Article: *it.Article}
		if err := pipe.Process(ctx, doc); err != nil {
			return err
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// dump describes a store's whole graph as sorted lines that name entities
// by kind and name, not ID: entities with their aliases, roles, counts,
// dates and merge reasons; every article's mentions; every edge's weight
// per day; every quote with its speaker and the entities it is about.
func dump(t *testing.T, s *store.Store) []string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	name := map[graph.ID]string{}
	err := s.EachEntity(ctx, func(e *store.StoredEntity) error {
		name[e.ID] = e.Kind.String() + ":" + e.Name
		var aliases, roles, merges []string
		for a, n := range e.AliasArticles {
			aliases = append(aliases, fmt.Sprintf("%s×%d", a, n))
		}
		for _, r := range e.RoleStats {
			roles = append(roles, fmt.Sprintf("%s/%s×%d", r.Title, r.Org, r.Articles))
		}
		for _, m := range e.Merges {
			merges = append(merges, m.Alias+": "+m.Reason)
		}
		sort.Strings(aliases)
		sort.Strings(roles)
		sort.Strings(merges)
		geo := ""
		if e.Geo != nil {
			geo = e.Geo.Key()
		}
		lines = append(lines, fmt.Sprintf("entity %s:%s m=%d a=%d %s..%s geo=%s gov=%s aliases=%v roles=%v merges=%v",
			e.Kind, e.Name, e.Mentions, e.Articles, e.FirstSeen, e.LastSeen, geo, e.GovernmentOf, aliases, roles, merges))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.EachEdgeDay(ctx, timeline.Range{Undated: true}, func(from, to graph.ID, day, w int64) error {
		a, b := name[from], name[to]
		if a > b {
			a, b = b, a
		}
		lines = append(lines, fmt.Sprintf("edge %s -- %s day %d weight %d", a, b, day, w))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.EachEdge(ctx, func(from, to graph.ID, e store.EdgeTotals) error {
		a, b := name[from], name[to]
		if a > b {
			a, b = b, a
		}
		lines = append(lines, fmt.Sprintf("pair %s -- %s weight %d evidence %d days %d..%d", a, b, e.Weight, e.Evidence, e.FirstDay, e.LastDay))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Articles(ctx, timeline.Range{Undated: true}, func(a *store.StoredArticle) error {
		f, err := s.ArticleFacts(ctx, a.ID)
		if err != nil {
			return err
		}
		for _, m := range f.Mentions {
			lines = append(lines, fmt.Sprintf("mention %d %d-%d %s", a.ID, m.Span.Start, m.Span.End, name[m.Entity]))
		}
		for _, q := range f.Quotes {
			var about []string
			for _, id := range q.About {
				about = append(about, name[id])
			}
			sort.Strings(about)
			lines = append(lines, fmt.Sprintf("quote %d %d %d-%d %s said on %s about %v", a.ID, q.ID, q.Span.Start, q.Span.End, name[q.Speaker], q.Date, about))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var after []byte
	for {
		p, err := s.Events(ctx, store.EventQuery{Range: timeline.Range{Undated: true}, Limit: 500, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range p.Items {
			var reports, parts []string
			for _, r := range ev.Reports {
				reports = append(reports, fmt.Sprintf("%d@%d", r.Article, r.Span.Start))
			}
			for _, id := range ev.ParticipantIDs() {
				parts = append(parts, name[id])
			}
			sort.Strings(reports)
			sort.Strings(parts)
			lines = append(lines, fmt.Sprintf("event %d %s %s place %s reports %v participants %v", ev.ID, ev.Category, ev.Date, name[ev.Place], reports, parts))
		}
		if p.Next == nil {
			break
		}
		after = p.Next
	}
	err = s.EachRecall(ctx, func(rc store.Recall) error {
		lines = append(lines, fmt.Sprintf("recall %s %d@%d of %d", rc.Category, rc.Report.Article, rc.Report.Span.Start, rc.Event))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lines = append(lines, fmt.Sprintf("stats articles=%d entities=%v mentions=%d quotes=%d events=%d relations=%d", st.Articles, st.Entities, st.Mentions, st.Quotes, st.Events, st.Relations))
	sort.Strings(lines)
	return lines
}

// TestOrderIndependence ingests the bundled press releases (all 1,796, or
// 300 under the race detector) and PolNeAR's Breitbart and HuffPost
// articles (see polnearDocs) forward, reversed, shuffled, shuffled with
// articles deleted and put back in between, shuffled in batches
// (store.PutBatch, as ingest writes them) that also hold a draft of an
// article replaced by the article itself, and reversed in one batch (far
// too big for one Badger transaction, so PutBatch splits it); the first
// 300 again, reversed, with each article written over several
// transactions (as one too big for a transaction is); and checks that the
// whole graph is the same each time: the same entities with the same names, kinds,
// aliases, merges and counts, the same mentions, edges, quotes and events
// (each with the same ID and reports), and the same recalls linked to the
// same events.
func TestOrderIndependence(t *testing.T) {
	press := extractAll(t)
	// PolNeAR's Breitbart and HuffPost articles repeat lines across
	// articles (bylines, "Do you support Donald Trump? Like the page:", an
	// editor's note): their furniture depends on the set of articles.
	pol := slices.Concat(polnearDocs(t, "breitbart"), polnearDocs(t, "huff-post"))
	docs := slices.Concat(press, pol)
	ctx := context.Background()
	orders := map[string][]int{}
	n := len(docs)
	fwd, rev := make([]int, n), make([]int, n)
	for i := range n {
		fwd[i], rev[i] = i, n-1-i
	}
	orders["forward"], orders["reversed"] = fwd, rev
	orders["shuffled"] = rand.New(rand.NewPCG(1, 2)).Perm(n)
	var want []string
	for _, name := range []string{"forward", "reversed", "shuffled", "churn", "batched", "one batch"} {
		order := orders[name]
		s := memStore(t)
		put := func(i int) {
			if _, err := s.Put(ctx, copyDoc(docs[i])); err != nil {
				t.Fatal(err)
			}
		}
		switch name {
		case "batched":
			putBatches(t, s, docs, rand.New(rand.NewPCG(5, 6)))
		case "one batch":
			var all []*graph.Document
			for _, i := range rev {
				all = append(all, copyDoc(docs[i]))
			}
			out, err := s.PutBatch(ctx, all)
			if err != nil {
				t.Fatal(err)
			}
			for i, o := range out {
				if o.Err != nil || o.Result != store.New {
					t.Fatalf("one batch: article %d was %s (%v), want new", i, o.Result, o.Err)
				}
			}
		case "churn":
			// Shuffled, with every seventh article deleted right after it
			// is stored and put back at the end.
			var again []int
			for k, i := range rand.New(rand.NewPCG(3, 4)).Perm(n) {
				put(i)
				if k%7 == 6 {
					if err := s.Delete(ctx, docs[i].Article.ID); err != nil {
						t.Fatal(err)
					}
					again = append(again, i)
				}
			}
			for _, i := range again {
				put(i)
			}
		default:
			for _, i := range order {
				put(i)
			}
		}
		got := dump(t, s)
		if want == nil {
			want = got
			t.Logf("%d lines describe the graph of %d articles", len(got), n)
			continue
		}
		if diff := firstDiff(want, got); diff != "" {
			t.Errorf("%s ingest differs from forward: %s", name, diff)
		}
	}
	// Split writes, on 300 articles, up to 150 of them PolNeAR's (each is
	// written in several transactions, which costs more than the whole
	// run is given).
	sub := slices.Concat(press[:min(len(press), 300-min(len(pol), 150))], pol[:min(len(pol), 150)])
	one, split := memStore(t), splitStore(t)
	for i := range sub {
		if _, err := one.Put(ctx, copyDoc(sub[i])); err != nil {
			t.Fatal(err)
		}
		if _, err := split.Put(ctx, copyDoc(sub[len(sub)-1-i])); err != nil {
			t.Fatal(err)
		}
	}
	if diff := firstDiff(dump(t, one), dump(t, split)); diff != "" {
		t.Errorf("reversed with split writes differs from forward: %s", diff)
	}
}

// splitStore returns an in-memory store whose transactions hold at most
// 40 writes, so that nearly every article is written over several.
func splitStore(t *testing.T) *store.Store {
	s, err := store.Open(store.Options{InMemory: true, MaxTxnWrites: 40})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// putBatches stores docs shuffled, in batches of 1 to 40; every fifth
// batch first holds a draft of one of its articles (another title), which
// the article replaces later in the same batch.
func putBatches(t *testing.T, s *store.Store, docs []*graph.Document, rng *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	perm := rng.Perm(len(docs))
	replaced := 0
	for k := 0; len(perm) > 0; k++ {
		n := min(1+rng.IntN(40), len(perm))
		var batch []*graph.Document
		for _, i := range perm[:n] {
			batch = append(batch, copyDoc(docs[i]))
		}
		perm = perm[n:]
		if k%5 == 0 {
			draft := copyDoc(batch[len(batch)-1])
			draft.Article.Title += " (draft)"
			batch = append([]*graph.Document{draft}, batch...)
		}
		out, err := s.PutBatch(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range out {
			if o.Err != nil {
				t.Fatal(o.Err)
			}
			if o.Result == store.Replaced {
				replaced++
			}
		}
	}
	if replaced == 0 {
		t.Error("no batch replaced an article")
	}
}

// copyDoc returns a document the store may keep without sharing slices
// with the next store's copy.
func copyDoc(d *graph.Document) *graph.Document {
	c := *d
	return &c
}

// firstDiff describes the first difference of two sorted line lists.
func firstDiff(want, got []string) string {
	i, j := 0, 0
	var out []string
	for (i < len(want) || j < len(got)) && len(out) < 8 {
		switch {
		case i < len(want) && j < len(got) && want[i] == got[j]:
			i++
			j++
		case j >= len(got) || (i < len(want) && want[i] < got[j]):
			out = append(out, "- "+want[i])
			i++
		default:
			out = append(out, "+ "+got[j])
			j++
		}
	}
	if len(out) == 0 {
		return ""
	}
	return fmt.Sprintf("%d vs %d lines; first differences:\n%s", len(want), len(got), strings.Join(out, "\n"))
}

// BenchmarkPutResolved stores the extracted press releases into a fresh
// in-memory store: the writer's share of ingest (resolution, restating,
// the store's writes) without extraction. batch=1 is one Put an article;
// batch=4 is PutBatch over 4 at a time, the batch ingest's writer mostly
// finds ready behind 2 workers on the press releases; batch=16 is what it
// stores when it is the slower stage.
func BenchmarkPutResolved(b *testing.B) {
	docs := extractAllB(b)
	ctx := context.Background()
	for _, size := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			var cpu float64
			for range b.N {
				b.StopTimer()
				s, err := store.Open(store.Options{InMemory: true})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				c0 := processCPU()
				for i := 0; i < len(docs); i += size {
					var batch []*graph.Document
					for _, d := range docs[i:min(i+size, len(docs))] {
						batch = append(batch, copyDoc(d))
					}
					out, err := s.PutBatch(ctx, batch)
					if err != nil {
						b.Fatal(err)
					}
					for _, o := range out {
						if o.Err != nil {
							b.Fatal(o.Err)
						}
					}
				}
				cpu += processCPU() - c0
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(cpu*1e3/float64(len(docs)*b.N), "cpu-ms/article")
		})
	}
}

// BenchmarkPutAtScale measures the writer's cost per article (resolution,
// restating, the store's writes) on a store that already holds 1,000 or
// 100,000 articles: the press releases, stored again and again under new
// IDs and dates a year later each round, then 500 more. The cost should
// not grow with the store: resolution reads the blocks an article's names
// touch, not the articles. The 100k case takes minutes to build and runs
// only with DATELINE_BENCH_SCALE=1 (or =N for a store of N articles).
func BenchmarkPutAtScale(b *testing.B) {
	docs := extractAllB(b)
	ctx := context.Background()
	sizes := []int{1000}
	switch v := os.Getenv("DATELINE_BENCH_SCALE"); v {
	case "":
	case "1":
		sizes = append(sizes, 100000)
	default:
		n, err := strconv.Atoi(v)
		if err != nil || n <= 1000 {
			b.Fatalf("DATELINE_BENCH_SCALE=%q: want 1 (for 100,000) or a store size above 1,000", v)
		}
		sizes = append(sizes, n)
	}
	for _, size := range sizes {
		b.Run(fmt.Sprintf("store=%d", size), func(b *testing.B) {
			s, err := store.Open(store.Options{Dir: b.TempDir()})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			for i := 0; i < size; i++ {
				if _, err := s.Put(ctx, copyAs(docs[i%len(docs)], i)); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			c0 := processCPU()
			for n := range b.N {
				for i := 0; i < 500; i++ {
					k := size + n*500 + i
					if _, err := s.Put(ctx, copyAs(docs[k%len(docs)], k)); err != nil {
						b.Fatal(err)
					}
				}
			}
			cpu := processCPU() - c0
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(500*b.N), "µs/article")
			b.ReportMetric(cpu*1e6/float64(500*b.N), "cpu-µs/article")
		})
	}
}

// copyAs returns the k-th copy of a document: a new ID and URL, and dates
// moved a year later for each round through the corpus.
func copyAs(d *graph.Document, k int) *graph.Document {
	c := *d
	c.Article.ID = graph.ID(uint64(k)+1) << 20
	c.Article.Key = fmt.Sprintf("%s#%d", d.Article.Key, k)
	c.Article.URL = c.Article.Key
	if !c.Article.Date.IsZero() {
		c.Article.Date.Start = c.Article.Date.Start.AddDate(k/1796, 0, 0)
	}
	return &c
}
