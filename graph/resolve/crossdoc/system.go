package crossdoc

import (
	"context"
	"fmt"

	"dateline/graph"
	"dateline/graph/extract"
	"dateline/graph/store"
)

// Dateline returns the System that does what `dateline ingest` does:
// each document goes through the extraction pipeline (p.Process) and is
// stored, in the order given, into a fresh in-memory store, whose
// resolution assigns its entities; then each article's mentions are read
// back with the entity they were resolved to (Store.ArticleFacts).
//
// This is the one place that knows how Dateline resolves; when the
// store's resolution API changes, re-point it here.
func Dateline(p *extract.Pipeline) System {
	return func(ctx context.Context, docs []graph.Document) ([][]graph.Mention, error) {
		st, err := store.Open(store.Options{InMemory: true})
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		defer st.Close()
		for i := range docs {
			d := &docs[i]
			if err := p.Process(ctx, d); err != nil {
				return nil, fmt.Errorf("extract %s: %w", d.Article.Key, err)
			}
			if _, err := st.Put(ctx, d); err != nil {
				return nil, err
			}
		}
		out := make([][]graph.Mention, len(docs))
		for i := range docs {
			af, err := st.ArticleFacts(ctx, docs[i].Article.ID)
			if err != nil {
				return nil, err
			}
			for _, m := range af.Mentions {
				out[i] = append(out[i], graph.Mention{Entity: m.Entity, Article: m.Article, Span: m.Span,
					Sentence: m.Sentence, Text: m.Text, Kind: m.Kind, Date: docs[i].Article.Date})
			}
		}
		return out, nil
	}
}
