package webui

import (
	"crypto/subtle"
	"fmt"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"dateline/graph/ingest"
	"dateline/graph/query"
	"dateline/graph/source"
	"dateline/graph/store"
)

type articleJSON struct {
	articleRef
	Precision string        `json:"precision,omitempty"`
	Origin    string        `json:"origin"`
	Text      string        `json:"text"`
	Mentions  []spanMention `json:"mentions"`
	Quotes    []quoteJSON   `json:"quotes"`
	Dates     []spanDate    `json:"dates"`
}

type spanMention struct {
	Span   spanJSON  `json:"span"`
	Text   string    `json:"text"`
	Entity entityRef `json:"entity"`
}

type spanDate struct {
	Span  spanJSON `json:"span"`
	Text  string   `json:"text"`
	Type  string   `json:"type"`
	Value string   `json:"value"`
}

// article answers GET /api/v1/articles/{id}: the text with its entities,
// quotes and date expressions as byte spans. The text is returned as
// plain text; pages insert it as text nodes, never as HTML.
func (s *Server) article(c *gin.Context) {
	p := &params{c: c}
	id := p.pathID("id")
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	ctx := c.Request.Context()
	facts, err := s.st.ArticleFacts(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	a := facts.Article
	out := articleJSON{articleRef: articleRefOf(a), Precision: a.Date.Precision.String(), Origin: a.Origin.String(),
		Text: a.Text, Mentions: []spanMention{}, Quotes: []quoteJSON{}, Dates: []spanDate{}}
	if a.Date.IsZero() {
		out.Precision = ""
	}
	look := query.NewLookup(s.st)
	for _, m := range facts.Mentions {
		e, err := look.Entity(ctx, m.Entity)
		if err != nil {
			s.fail(c, err)
			return
		}
		out.Mentions = append(out.Mentions, spanMention{Span: spanJSON{m.Span.Start, m.Span.End}, Text: m.Text, Entity: refOf(e)})
	}
	for _, q := range facts.Quotes {
		out.Quotes = append(out.Quotes, quoteJSONOf(ctx, look, q, a))
	}
	for _, x := range facts.Dates {
		out.Dates = append(out.Dates, spanDate{Span: spanJSON{x.Span.Start, x.Span.End}, Text: x.Span.Of(a.Text), Type: x.Type, Value: x.Value})
	}
	c.JSON(http.StatusOK, out)
}

// articles answers GET /api/v1/articles?from=&to=&limit=&cursor=: articles
// in publication order.
func (s *Server) articles(c *gin.Context) {
	p := &params{c: c}
	r := p.dateRange()
	limit := p.limit()
	skip := p.integer("cursor", 0, 0, 1<<30)
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	out := listJSON[articleRef]{Items: []articleRef{}}
	pg := offsetPage{skip: skip, limit: limit}
	err := s.st.Articles(c.Request.Context(), withUndated(r), func(a *store.StoredArticle) error {
		if ok, err := pg.admit(); !ok {
			return err
		}
		out.Items = append(out.Items, articleRefOf(a))
		return nil
	})
	if err != nil && err != errStop {
		s.fail(c, err)
		return
	}
	out.Next = pg.next
	c.JSON(http.StatusOK, out)
}

// postArticles answers POST /api/v1/articles: the body is a file in any
// format `dateline ingest` reads (format= names it, else it is sniffed),
// ingested with the server's extraction stages. Refused unless the server
// has a token and the request carries it.
func (s *Server) postArticles(c *gin.Context) {
	if !s.authorized(c, "ingest") {
		return
	}
	format := c.Query("format")
	if err := source.ValidFormat(format); err != nil {
		s.fail(c, badRequest("format: %v", err))
		return
	}
	s.ingMu.Lock()
	defer s.ingMu.Unlock()
	var rejected []string
	body := &readErr{r: c.Request.Body}
	sum, err := ingest.Run(c.Request.Context(), s.st, []string{"-"}, ingest.Options{
		Stages: s.stages,
		Source: source.Options{Format: format, Stdin: body},
		OnItem: func(pr ingest.Progress) {
			if pr.Err != nil && len(rejected) < 100 {
				e := *pr.Err
				e.File = "request"
				rejected = append(rejected, e.Error())
			}
		},
	})
	if err == nil && body.err != nil {
		// The readers report a broken stream as a rejected record; for an
		// upload that is the request failing (too large, cut off).
		err = body.err
	}
	if err != nil {
		s.fail(c, fmt.Errorf("ingest over HTTP: %w", err))
		return
	}
	status := http.StatusOK
	if sum.New+sum.Replaced > 0 {
		status = http.StatusCreated
	}
	if rejected == nil {
		rejected = []string{}
	}
	c.JSON(status, gin.H{"read": sum.Read, "new": sum.New, "unchanged": sum.Unchanged, "replaced": sum.Replaced,
		"rejected": sum.Rejected, "errors": rejected})
}

// constantTimeEqual compares a presented token with the server's without
// leaking how much of it matched through timing.
func constantTimeEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// readErr remembers the first error reading a request body other than EOF.
type readErr struct {
	r   io.Reader
	err error
}

func (r *readErr) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF && r.err == nil {
		r.err = err
	}
	return n, err
}

// deleteArticle answers DELETE /api/v1/articles/{id}: the article and
// everything it contributed go, and the entities that change without it
// are recomputed. It needs the server's token, like ingest.
func (s *Server) deleteArticle(c *gin.Context) {
	if !s.authorized(c, "ingest") {
		return
	}
	p := &params{c: c}
	id := p.pathID("id")
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	s.ingMu.Lock()
	defer s.ingMu.Unlock()
	if err := s.st.Delete(c.Request.Context(), id); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
