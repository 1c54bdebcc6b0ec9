package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/timeline"
)

// openMem returns an in-memory store closed at the end of the test.
func openMem(t *testing.T) *Store {
	t.Helper()
	s, err := Open(Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func day(s string) timeline.Date {
	tm, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return timeline.At(tm, timeline.Day)
}

func article(id graph.ID, key, date, text string) *graph.Document {
	a := graph.Article{ID: id, Key: key, Title: "t " + key, Text: text, URL: key, Source: "test",
		Origin: graph.Origin{File: "f.jsonl", Line: int(id)}}
	if date != "" {
		a.Date = day(date)
	}
	return &graph.Document{Article: a}
}

func TestPutUnchangedReplaced(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	steps := []struct {
		doc  *graph.Document
		want Result
	}{
		{article(1, "https://a/1", "2022-02-08", "first"), New},
		{article(2, "https://a/2", "2021-10-24", "second"), New},
		{article(3, "https://a/3", "", "undated"), New},
		{article(1, "https://a/1", "2022-02-08", "first"), Unchanged},
		{article(1, "https://a/1", "2022-06-24", "first, corrected"), Replaced},
	}
	for i, st := range steps {
		got, err := s.Put(ctx, st.doc)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if got != st.want {
			t.Errorf("step %d: got %v, want %v", i, got, st.want)
		}
	}
	// Re-reading the same article from another file is still unchanged.
	d := article(2, "https://a/2", "2021-10-24", "second")
	d.Article.Origin = graph.Origin{File: "other.csv", Line: 99}
	if got, err := s.Put(ctx, d); err != nil || got != Unchanged {
		t.Errorf("same article from another file: got %v, %v; want unchanged", got, err)
	}
	a, err := s.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "first, corrected" || a.Date.String() != "2022-06-24" || a.Origin.Line != 1 {
		t.Errorf("replaced article reads back as %+v", a.Article)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 || st.Undated != 1 || st.FirstDate.String() != "2021-10-24" || st.LastDate.String() != "2022-06-24" {
		t.Errorf("stats = %+v", st)
	}
	// The replaced version's date-index entry is gone: the articles in
	// date order are 2 then 1, with 3 (undated) only when asked for.
	var order []graph.ID
	err = s.Articles(ctx, timeline.Range{Undated: true}, func(a *StoredArticle) error {
		order = append(order, a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(order) != 3 || order[0] != 3 || order[1] != 2 || order[2] != 1 {
		t.Errorf("articles in date order = %v, want [3 2 1]", order)
	}
	order = nil
	err = s.Articles(ctx, timeline.Range{From: day("2022-01-01"), To: day("2022-12-31")}, func(a *StoredArticle) error {
		order = append(order, a.ID)
		return nil
	})
	if err != nil || len(order) != 1 || order[0] != 1 {
		t.Errorf("articles of 2022 = %v, %v; want [1]", order, err)
	}
}

func TestDelete(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	for _, d := range []*graph.Document{article(1, "k1", "2022-01-01", "a"), article(2, "k2", "", "b")} {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, 2); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: got %v, want ErrNotFound", err)
	}
	if _, err := s.Article(ctx, 2); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted article: got %v, want ErrNotFound", err)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 1 || st.Undated != 0 {
		t.Errorf("after delete: %+v", st)
	}
}

func TestPutRejectsIDCollisionAndBadID(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	if _, err := s.Put(ctx, article(1, "k1", "", "a")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, article(1, "k-other", "", "a")); err == nil {
		t.Error("two keys with one ID were accepted")
	}
	if _, err := s.Put(ctx, article(0, "k0", "", "a")); err == nil {
		t.Error("ID 0 was accepted")
	}
}

func TestSchemaVersionMismatch(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(metaKey("schema"), binary.BigEndian.AppendUint32(nil, SchemaVersion+1))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(Options{Dir: dir})
	var se *SchemaError
	if !errors.As(err, &se) || se.Found != SchemaVersion+1 {
		t.Fatalf("open of a newer store: got %v, want a SchemaError", err)
	}
}

func TestLocked(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Open(Options{Dir: dir}); !errors.Is(err, ErrLocked) {
		t.Errorf("second open: got %v, want ErrLocked", err)
	}
}

func TestPersistsAcrossReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, article(7, "k7", "2022-02-08", "kept")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Article(ctx, 7)
	if err != nil || a.Text != "kept" {
		t.Fatalf("after reopen: %v, %v", a, err)
	}
}

func TestCodecRejectsCorruptRecords(t *testing.T) {
	a := &StoredArticle{Article: graph.Article{ID: 5, Key: "k", Title: "T", Text: "body", Date: day("2022-02-08")}}
	v := encodeArticle(a)
	got, err := decodeArticle(5, v)
	if err != nil || got.Text != "body" || got.Date != a.Date {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	for n := 0; n < len(v); n++ {
		if _, err := decodeArticle(5, v[:n]); err == nil {
			t.Fatalf("a record cut to %d of %d bytes decoded without error", n, len(v))
		}
	}
	v[0] = 9
	if _, err := decodeArticle(5, v); err == nil {
		t.Error("an unknown encoding version decoded")
	}
}

// TestQuoteRecordKeepsPublicationFlag checks that a quote record carries
// DateFromPublication (users see whether a said-on date is only the
// publication day) and that a version-1 record, written before the flag
// existed, still decodes.
func TestQuoteRecordKeepsPublicationFlag(t *testing.T) {
	for _, flag := range []bool{true, false} {
		q := &graph.Quote{ID: 9, Article: 3, Speaker: 4, SpeakerText: "Peskov", Cue: "said", Text: "No.",
			Span: graph.Span{Start: 10, End: 13}, Date: day("2022-03-01"), Published: day("2022-03-01"),
			DateFromPublication: flag, About: []graph.ID{7}}
		got, err := decodeQuote(9, encodeQuote(q))
		if err != nil || got.DateFromPublication != flag || got.Date != q.Date || len(got.About) != 1 || got.About[0] != 7 {
			t.Fatalf("flag %v: round trip gave %+v, %v", flag, got, err)
		}
	}
	x := enc{}
	x.byte1(1)
	x.uvarint(3)
	x.uvarint(4)
	x.str("Peskov")
	for range 2 {
		x.uvarint(0)
	}
	x.str("said")
	x.str("No.")
	for range 4 {
		x.uvarint(0)
	}
	x.byte1(0)
	x.date(day("2022-03-01"))
	x.date(day("2022-03-01"))
	x.uvarint(0)
	got, err := decodeQuote(9, x.b)
	if err != nil || got.SpeakerText != "Peskov" || got.DateFromPublication || got.Published != day("2022-03-01") {
		t.Fatalf("version 1 record: %+v, %v", got, err)
	}
}

// TestPutTooBig: an article with one record larger than Badger takes (a
// 4 MB contributions record, in memory where no value log holds large
// values) is refused whole with ErrTooBig after part of it was written
// over several transactions, and the store is left exactly as it was,
// every key and value.
func TestPutTooBig(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	if _, err := s.Put(ctx, article(1, "https://a/1", "2022-02-08", "first")); err != nil {
		t.Fatal(err)
	}
	before := rawKeys(t, s)
	parts := 0
	s.splitHook = func(int) { parts++ }
	_, err := s.Put(ctx, bigDoc())
	if !errors.Is(err, ErrTooBig) {
		t.Fatalf("Put of a huge article: %v, want ErrTooBig", err)
	}
	if parts == 0 {
		t.Error("nothing of the refused article was committed before it was refused: the rollback went untested")
	}
	if d := diffKeys(before, rawKeys(t, s)); len(d) > 0 {
		t.Errorf("the refused article changed the store: %v", d)
	}
	if _, err := s.Article(ctx, 2); !errors.Is(err, ErrNotFound) {
		t.Errorf("the refused article is readable: %v", err)
	}
}

// TestPutBatchTooBig: in a batch, the one article with a record too large
// for Badger (see TestPutTooBig) is refused with ErrTooBig and the articles around it are stored,
// as they would be one Put at a time.
func TestPutBatchTooBig(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	var ents []graph.Entity
	var names []string
	for i := 0; i < 12; i++ {
		n := fmt.Sprintf("Person%c Surname%c", 'A'+i, 'A'+i)
		ents = append(ents, person(n))
		names = append(names, n)
	}
	sentences := make([][]string, 4000)
	for i := range sentences {
		sentences[i] = names
	}
	docs := []*graph.Document{
		article(1, "https://a/1", "2022-02-08", "first"),
		docWith(2, "2022-02-09", ents, sentences...),
		article(3, "https://a/3", "2022-02-10", "third"),
	}
	out, err := s.PutBatch(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Err != nil || out[0].Result != New || out[2].Err != nil || out[2].Result != New {
		t.Errorf("the articles around the big one: %+v, %+v; want both new", out[0], out[2])
	}
	if !errors.Is(out[1].Err, ErrTooBig) {
		t.Errorf("the big article: %+v, want ErrTooBig", out[1])
	}
	for id, want := range map[graph.ID]error{1: nil, 2: ErrNotFound, 3: nil} {
		if _, err := s.Article(ctx, id); !errors.Is(err, want) {
			t.Errorf("article %d: %v, want %v", id, err, want)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 {
		t.Errorf("store holds %d articles, want 2", st.Articles)
	}
}
