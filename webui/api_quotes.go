package webui

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"dateline/graph"
	"dateline/graph/query"
	"dateline/graph/store"
)

// quoteJSONOf renders a quote with its speaker, article and sentence.
func quoteJSONOf(ctx context.Context, look *query.Lookup, q *graph.Quote, a *store.StoredArticle) quoteJSON {
	out := quoteJSON{ID: q.ID, Date: q.Date.String(), DateFromPublication: q.DateFromPublication, SpeakerText: q.SpeakerText, SpeakerLabel: graph.UnlinkedSpeaker(q.SpeakerText), Cue: q.Cue, Text: q.Text,
		Direct: q.Direct, Span: spanJSON{q.Span.Start, q.Span.End}, Sentence: spanJSON{q.Sentence.Start, q.Sentence.End},
		SentenceText: q.Sentence.Of(a.Text), Article: articleRefOf(a), About: []entityRef{}}
	if q.Speaker != 0 {
		if e, err := look.Entity(ctx, q.Speaker); err == nil {
			r := refOf(e)
			out.Speaker = &r
		}
	}
	for _, id := range q.About {
		if e, err := look.Entity(ctx, id); err == nil {
			out.About = append(out.About, refOf(e))
		}
	}
	return out
}

// quotes answers GET /api/v1/quotes?speaker=&about=&from=&to=&q=&limit=&cursor=:
// who said what when, in date order.
func (s *Server) quotes(c *gin.Context) {
	p := &params{c: c}
	q := store.QuoteQuery{Speaker: p.queryID("speaker"), Government: p.boolean("government", true), About: p.queryID("about"),
		Range: p.dateRange(), Words: c.Query("q"), Limit: p.limit(), After: p.cursor()}
	if len(q.Words) > maxQueryBytes {
		p.fail("q is longer than %d bytes", maxQueryBytes)
	}
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	ctx := c.Request.Context()
	if err := s.knownEntities(ctx, q.Speaker, q.About); err != nil {
		s.fail(c, err)
		return
	}
	page, err := s.st.Quotes(ctx, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := listJSON[quoteJSON]{Items: []quoteJSON{}, Next: encodeCursor(page.Next)}
	look := query.NewLookup(s.st)
	for _, qt := range page.Items {
		a, err := look.Article(ctx, qt.Article)
		if err != nil {
			s.fail(c, err)
			return
		}
		if q.Speaker != 0 && q.About != 0 && !containsID(qt.About, q.About) {
			continue
		}
		out.Items = append(out.Items, quoteJSONOf(ctx, look, qt, a))
	}
	c.JSON(http.StatusOK, out)
}

func containsID(xs []graph.ID, id graph.ID) bool {
	for _, x := range xs {
		if x == id {
			return true
		}
	}
	return false
}
