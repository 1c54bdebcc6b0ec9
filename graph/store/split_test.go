package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/timeline"
)

// splitWriteLimit makes every article of splitDocs too big for one
// transaction, so that each is written over several.
const splitWriteLimit = 15

// splitDocs are a few articles that share people: the second names the
// first's, the third replaces the first with more of them.
func splitDocs() []*graph.Document {
	ents := []graph.Entity{person("Anna Berg"), person("Carl Dahl"), person("Eva Falk"), person("Gus Holm"), person("Ida Jung")}
	names := func(idx ...int) []string {
		var out []string
		for _, i := range idx {
			out = append(out, ents[i].Name)
		}
		return out
	}
	var s1, s2, s3 [][]string
	for i := 0; i < 6; i++ {
		s1 = append(s1, names(0, 1, i%2+2))
		s2 = append(s2, names(1, 2, 3))
		s3 = append(s3, names(0, 1, 2, 3, 4))
	}
	first := docWith(1, "2022-02-08", ents, s1...)
	second := docWith(2, "2022-02-09", ents, s2...)
	third := docWith(1, "2022-02-10", ents, s3...)
	return []*graph.Document{first, second, third}
}

// summary describes a store's graph as sorted lines naming entities by
// name, not ID (IDs differ when a write is retried): entities with their
// counts and days, edges with their totals, each article's mentions, and
// the counters.
func summary(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	name := map[graph.ID]string{}
	var lines []string
	err := s.EachEntity(ctx, func(e *StoredEntity) error {
		name[e.ID] = e.Name
		var aliases []string
		for a, n := range e.AliasArticles {
			aliases = append(aliases, fmt.Sprintf("%s×%d", a, n))
		}
		sort.Strings(aliases)
		lines = append(lines, fmt.Sprintf("entity %s %s m=%d a=%d %s..%s %v", e.Kind, e.Name, e.Mentions, e.Articles, e.FirstSeen, e.LastSeen, aliases))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.EachEdge(ctx, func(from, to graph.ID, e EdgeTotals) error {
		a, b := name[from], name[to]
		if a > b { // IDs, and so the order of an edge's ends, differ
			a, b = b, a
		}
		lines = append(lines, fmt.Sprintf("edge %s -- %s w=%d ev=%d %d..%d", a, b, e.Weight, e.Evidence, e.FirstDay, e.LastDay))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Articles(ctx, timeline.Range{Undated: true}, func(a *StoredArticle) error {
		f, err := s.ArticleFacts(ctx, a.ID)
		if err != nil {
			return err
		}
		for _, m := range f.Mentions {
			lines = append(lines, fmt.Sprintf("mention %d %d-%d %s %q", a.ID, m.Span.Start, m.Span.End, name[m.Entity], a.Text[m.Span.Start:m.Span.End]))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lines = append(lines, fmt.Sprintf("stats %+v", st))
	sort.Strings(lines)
	return lines
}

// rawKeys returns every key and value of the store but the ID sequences'
// leases, which a write may take and not give back.
func rawKeys(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if k[0] == pSeq {
				continue
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out[string(k)] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// lineDiff describes the first line where two summaries differ, "" when
// they are the same.
func lineDiff(want, got []string) string {
	for i := 0; i < len(want) || i < len(got); i++ {
		switch {
		case i >= len(got):
			return fmt.Sprintf("line %d missing: %q", i, want[i])
		case i >= len(want):
			return fmt.Sprintf("line %d extra: %q", i, got[i])
		case want[i] != got[i]:
			return fmt.Sprintf("line %d: got %q, want %q", i, got[i], want[i])
		}
	}
	return ""
}

// diffKeys names the first few keys two raw dumps disagree on.
func diffKeys(want, got map[string]string) []string {
	var out []string
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			out = append(out, fmt.Sprintf("%x changed (present after: %v)", k, ok))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			out = append(out, fmt.Sprintf("%x added", k))
		}
	}
	sort.Strings(out)
	return out[:min(len(out), 5)]
}

// TestSplitWriteMatchesOneWrite: articles written over several
// transactions (put, replaced, deleted) leave the graph and counters one
// transaction each leaves.
func TestSplitWriteMatchesOneWrite(t *testing.T) {
	ctx := context.Background()
	run := func(opts Options) ([]string, int) {
		opts.InMemory = true
		s, err := Open(opts)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		parts := 0
		s.splitHook = func(int) { parts++ }
		for _, doc := range splitDocs() {
			if _, err := s.Put(ctx, doc); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Delete(ctx, 2); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Put(ctx, splitDocs()[1]); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.splitState(); err != nil {
			t.Fatal(err)
		}
		if j := journalLeft(t, s); j != 0 {
			t.Errorf("%d journal entries left after the writes", j)
		}
		return summary(t, s), parts
	}
	want, parts := run(Options{})
	if parts != 0 {
		t.Fatalf("with Badger's limit the small articles were split (%d parts)", parts)
	}
	got, parts := run(Options{MaxTxnWrites: splitWriteLimit})
	if parts < 10 {
		t.Fatalf("with MaxTxnWrites %d only %d parts were committed: the split path was not taken", splitWriteLimit, parts)
	}
	if d := lineDiff(want, got); d != "" {
		t.Errorf("split writes (%d parts) leave another graph: %s", parts, d)
	}
	t.Logf("%d parts; %d lines agree", parts, len(want))
}

// journalLeft counts the journal entries in the store.
func journalLeft(t *testing.T, s *Store) int {
	n := 0
	for k := range rawKeys(t, s) {
		if k[0] == pJournal {
			n++
		}
	}
	return n
}

// errCrash stands for the process dying between two transactions.
var errCrash = errors.New("simulated crash")

// TestSplitWriteCrashRollsBack: a process that dies after any part of a
// split write leaves a store that, reopened, is exactly as before the
// write (every key and value); the write then goes through whole.
func TestSplitWriteCrashRollsBack(t *testing.T) {
	ctx := context.Background()
	docs := splitDocs()
	want := func() []string {
		s := openMem(t)
		for _, doc := range docs {
			if _, err := s.Put(ctx, doc); err != nil {
				t.Fatal(err)
			}
		}
		return summary(t, s)
	}()
	for crashAt := 1; ; crashAt++ {
		dir := t.TempDir()
		s, err := Open(Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range docs[:2] {
			if _, err := s.Put(ctx, doc); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		s, err = Open(Options{Dir: dir, MaxTxnWrites: splitWriteLimit})
		if err != nil {
			t.Fatal(err)
		}
		before := rawKeys(t, s)
		s.splitHook = func(part int) {
			if part == crashAt {
				panic(errCrash)
			}
		}
		crashed := func() (crashed bool) {
			defer func() {
				if r := recover(); r != nil {
					if r != errCrash {
						panic(r)
					}
					crashed = true
				}
			}()
			if _, err := s.Put(ctx, docs[2]); err != nil {
				t.Fatal(err)
			}
			return false
		}()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if !crashed {
			if crashAt < 3 {
				t.Fatalf("the replacement was written in %d parts; the test needs more", crashAt-1)
			}
			t.Logf("crashed after each of %d parts", crashAt-1)
			return
		}
		s, err = Open(Options{Dir: dir})
		if err != nil {
			t.Fatalf("reopen after a crash at part %d: %v", crashAt, err)
		}
		if d := diffKeys(before, rawKeys(t, s)); len(d) > 0 {
			t.Fatalf("crash after part %d: reopened store differs from before the write: %v", crashAt, d)
		}
		if _, err := s.Put(ctx, docs[2]); err != nil {
			t.Fatal(err)
		}
		if d := lineDiff(want, summary(t, s)); d != "" {
			t.Errorf("crash after part %d, then the write again: another graph: %s", crashAt, d)
		}
		s.Close()
	}
}

// TestSplitJournalWithoutHeaderDropped: a journal whose header is gone
// belongs to a write that finished (only its cleanup was cut short): Open
// drops it and restores nothing.
func TestSplitJournalWithoutHeaderDropped(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, splitDocs()[0]); err != nil {
		t.Fatal(err)
	}
	before := rawKeys(t, s)
	err = s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(journalKey(articleKey(1)), []byte{beforeAbsent})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if d := diffKeys(before, rawKeys(t, s)); len(d) > 0 {
		t.Errorf("a finished write's journal changed the store on open: %v", d)
	}
}

// TestSplitWriteReadersSeeOneVersion: while an article is written over
// several transactions, every read (stats, the article, its facts) sees
// the store as it was before; after, as it is after; never a mix, also
// from readers running at the same time.
func TestSplitWriteReadersSeeOneVersion(t *testing.T) {
	ctx := context.Background()
	docs := splitDocs()
	s, err := Open(Options{InMemory: true, MaxTxnWrites: splitWriteLimit})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, doc := range docs[:2] {
		if _, err := s.Put(ctx, doc); err != nil {
			t.Fatal(err)
		}
	}
	var before []string
	parts := 0
	s.splitHook = func(int) {
		parts++
		if d := lineDiff(before, summary(t, s)); d != "" {
			t.Errorf("after part %d a reader sees another store: %s", parts, d)
		}
	}
	// Readers check that every answer is one version: the article's
	// mentions fit its text, the counters are before or after.
	var bad []string
	var mu sync.Mutex
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				f, err := s.ArticleFacts(ctx, 1)
				if err != nil {
					mu.Lock()
					bad = append(bad, err.Error())
					mu.Unlock()
					continue
				}
				for _, m := range f.Mentions {
					if f.Article.Text[m.Span.Start:m.Span.End] != m.Text {
						mu.Lock()
						bad = append(bad, fmt.Sprintf("mention %q at %v reads %q", m.Text, m.Span, f.Article.Text[m.Span.Start:m.Span.End]))
						mu.Unlock()
					}
				}
			}
		}()
	}
	for i := 0; i < 4; i++ {
		doc := docs[2]
		if i%2 == 1 {
			doc = docs[0]
		}
		before = summary(t, s)
		if _, err := s.Put(ctx, copyOf(doc)); err != nil {
			t.Fatal(err)
		}
		if lineDiff(before, summary(t, s)) == "" {
			t.Errorf("write %d changed nothing", i)
		}
	}
	close(stop)
	wg.Wait()
	if len(bad) > 0 {
		t.Errorf("%d answers mixed two versions, first: %s", len(bad), bad[0])
	}
	if parts < 4 {
		t.Fatalf("only %d parts were committed: the split path was not taken", parts)
	}
}

// copyOf returns a document that shares nothing a write changes with doc.
func copyOf(doc *graph.Document) *graph.Document {
	d := *doc
	d.Mentions = append([]graph.Mention(nil), doc.Mentions...)
	d.Entities = append([]graph.Entity(nil), doc.Entities...)
	d.Relations = append([]graph.Relation(nil), doc.Relations...)
	return &d
}

// TestPutSplitLargeArticle: an article far over one transaction (bigDoc:
// 6,000 people in 10,000 sentences, 33,000 related pairs) is stored whole
// in a store on disk, and deleted whole.
func TestPutSplitLargeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("writes over a hundred thousand records; skipped with -short")
	}
	ctx := context.Background()
	s, err := Open(Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(ctx, article(1, "https://a/1", "2022-02-08", "first")); err != nil {
		t.Fatal(err)
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	parts := 0
	s.splitHook = func(int) { parts++ }
	doc := bigDoc()
	res, err := s.Put(ctx, doc)
	if err != nil || res != New {
		t.Fatalf("Put of a huge article: %v, %v; want it stored", res, err)
	}
	if parts == 0 {
		t.Fatal("the huge article fit in one transaction; the test needs a bigger one")
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Mentions != before.Mentions+int64(len(doc.Mentions)) || st.Relations == 0 {
		t.Errorf("after the huge article: %+v, want 2 articles, %d more mentions, relations", st, len(doc.Mentions))
	}
	f, err := s.ArticleFacts(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Mentions) != len(doc.Mentions) {
		t.Errorf("the huge article has %d mentions stored, want %d", len(f.Mentions), len(doc.Mentions))
	}
	if j := journalLeft(t, s); j != 0 {
		t.Errorf("%d journal entries left", j)
	}
	if err := s.Delete(ctx, 2); err != nil {
		t.Fatal(err)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("after deleting the huge article: %+v, want %+v", after, before)
	}
	t.Logf("stored in %d transactions", parts+1)
}

// bigDoc is an article with 10,000 sentences, each naming one of 500
// groups of 12 people (6,000 people, 33,000 related pairs): too many keys
// for one transaction, and a contributions record too big for an
// in-memory store. (An article's mentions of one person, and an edge's
// evidence on one day, are one record each, so it takes many people and
// pairs, not many sentences, to fill a transaction.)
func bigDoc() *graph.Document {
	const groups, size = 500, 12
	var ents []graph.Entity
	group := make([][]string, groups)
	for i := 0; i < groups*size; i++ {
		tag := bigTag(i)
		n := "Person" + tag + " Vander" + strings.ToLower(tag) + "ton"
		ents = append(ents, person(n))
		group[i/size] = append(group[i/size], n)
	}
	sentences := make([][]string, 10000)
	for i := range sentences {
		sentences[i] = group[i%groups]
	}
	return docWith(2, "2022-02-09", ents, sentences...)
}

// bigTag spells n in syllables whose consonants differ digit by digit, so
// that no two of bigDoc's names share a surname skeleton (see
// names.Skeleton) and resolution keeps the 6,000 people apart.
func bigTag(n int) string {
	syl := []string{"Ba", "De", "Fi", "Ko", "Lu", "Ma", "Ne", "Pi", "Ro", "Su"}
	out := ""
	for d := 0; d < 4; d++ {
		out = syl[n%10] + out
		n /= 10
	}
	return out
}

// TestJournalKey: a journal key holds any other key whole.
func TestJournalKey(t *testing.T) {
	for _, k := range [][]byte{articleKey(42), metaKey("stats"), mentionKey(1, 2, 3)} {
		got, err := parseJournalKey(journalKey(k))
		if err != nil || !bytes.Equal(got, k) {
			t.Errorf("journal key of %x: got %x, %v", k, got, err)
		}
	}
	for _, k := range [][]byte{{pJournal}, {pJournal, pJournal, 1}, articleKey(1)} {
		if _, err := parseJournalKey(k); err == nil {
			t.Errorf("parseJournalKey accepted %x", k)
		}
	}
}

// TestSplitCrashReadOnly: a store holding a write cut short refuses to
// open read-only (it could neither roll the write back nor hide it) and
// names the fix; opened once read-write, it opens read-only again.
func TestSplitCrashReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir, MaxTxnWrites: splitWriteLimit})
	if err != nil {
		t.Fatal(err)
	}
	s.splitHook = func(part int) {
		if part == 2 {
			panic(errCrash)
		}
	}
	func() {
		defer func() {
			if r := recover(); r != errCrash {
				t.Fatalf("the write did not crash: %v", r)
			}
		}()
		s.Put(ctx, splitDocs()[0])
	}()
	s.Close()
	if _, err := Open(Options{Dir: dir, ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "did not finish") {
		t.Fatalf("read-only open of a store with a write cut short: %v", err)
	}
	if s, err = Open(Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(ctx, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("the article cut short is readable after the rollback: %v", err)
	}
	s.Close()
	s, err = Open(Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open after the rollback: %v", err)
	}
	s.Close()
}
