package webui

import (
	"bufio"
	"bytes"
	"crypto/subtle"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"

	"dateline/graph"
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
	Furniture []spanText    `json:"furniture"`
}

type spanMention struct {
	Span   spanJSON  `json:"span"`
	Text   string    `json:"text"`
	Entity entityRef `json:"entity"`
}

// spanText is a span of the text with the text it covers.
type spanText struct {
	Span spanJSON `json:"span"`
	Text string   `json:"text"`
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
	out := articleJSON{articleRef: articleRefOf(a), Precision: a.Date.Precision.String(), Origin: s.originOf(a.Origin),
		Text: a.Text, Mentions: []spanMention{}, Quotes: []quoteJSON{}, Dates: []spanDate{}, Furniture: []spanText{}}
	if a.Date.IsZero() {
		out.Precision = ""
	}
	look := query.NewLookup(s.st)
	for _, m := range facts.Mentions {
		e := facts.Entities[m.Entity]
		out.Mentions = append(out.Mentions, spanMention{Span: spanJSON{m.Span.Start, m.Span.End}, Text: m.Text, Entity: refOf(e)})
	}
	for _, q := range facts.Quotes {
		out.Quotes = append(out.Quotes, quoteJSONOf(ctx, look, q, a))
	}
	for _, x := range facts.Dates {
		out.Dates = append(out.Dates, spanDate{Span: spanJSON{x.Span.Start, x.Span.End}, Text: x.Span.Of(a.Text), Type: x.Type, Value: x.Value})
	}
	for _, f := range facts.Furniture {
		out.Furniture = append(out.Furniture, spanText{Span: spanJSON{f.Start, f.End}, Text: f.Of(a.Text)})
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
// format `dateline ingest` reads (format= or the Content-Type names it,
// else it is sniffed), ingested with the server's extraction stages.
// Refused unless the server has a token and the request carries it. A body
// from which nothing could be read is a 400 with the reasons; otherwise
// the answer lists the stored articles' IDs and every rejected record.
func (s *Server) postArticles(c *gin.Context) {
	if !s.authorized(c, "ingest") {
		return
	}
	format := c.Query("format")
	if err := source.ValidFormat(format); err != nil {
		s.fail(c, badRequest("format: %v", err))
		return
	}
	if format == "" {
		f, ok := formatOfContentType(c.ContentType())
		if !ok {
			s.fail(c, &apiError{http.StatusUnsupportedMediaType, "unsupported_media_type",
				fmt.Sprintf("Content-Type %q is not one Dateline reads (text/plain, application/x-ndjson, application/json, text/csv, text/tab-separated-values, text/html, or name one with format=)", c.ContentType())})
			return
		}
		format = f
	}
	body := &readErr{r: c.Request.Body}
	in := bufio.NewReaderSize(body, 64<<10)
	if format == "" {
		// A body that opens like JSON is read as JSON Lines: an upload cut
		// off mid-object must be refused, not stored as a text article
		// whose words are the JSON's punctuation.
		head, _ := in.Peek(512)
		if t := bytes.TrimLeft(head, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
			format = source.FormatJSONL
		}
	}
	s.ingMu.Lock()
	defer s.ingMu.Unlock()
	rejected := []string{}
	stored := []ingestedJSON{}
	sum, err := ingest.Run(c.Request.Context(), s.st, []string{"-"}, ingest.Options{
		Stages: s.stages,
		Source: source.Options{Format: format, Stdin: in},
		OnItem: func(pr ingest.Progress) {
			switch {
			case pr.Err != nil:
				if len(rejected) < maxReported {
					e := *pr.Err
					e.File = "request"
					rejected = append(rejected, e.Error())
				}
			case pr.Article != nil && len(stored) < maxReported:
				stored = append(stored, ingestedJSON{ID: pr.Article.ID, Title: pr.Article.Title, Result: pr.Result.String()})
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
	if sum.New+sum.Replaced+sum.Unchanged == 0 {
		msg := "the body holds no article"
		if len(rejected) > 0 {
			msg = "no article could be read from the body: " + strings.Join(rejected[:min(len(rejected), 3)], "; ")
		}
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": gin.H{"code": "bad_request", "message": msg}, "errors": rejected})
		return
	}
	status := http.StatusOK
	if sum.New+sum.Replaced > 0 {
		status = http.StatusCreated
	}
	c.JSON(status, gin.H{"read": sum.Read, "new": sum.New, "unchanged": sum.Unchanged, "replaced": sum.Replaced,
		"rejected": sum.Rejected, "errors": rejected, "articles": stored})
}

// maxReported caps the stored IDs and rejection reasons one ingest answer
// lists; the counts are always whole.
const maxReported = 1000

// ingestedJSON is one stored article in an ingest answer.
type ingestedJSON struct {
	ID     graph.ID `json:"id,string"`
	Title  string   `json:"title,omitempty"`
	Result string   `json:"result"` // new, replaced or unchanged
}

// formatOfContentType maps an upload's media type to the reader for it;
// "" with ok means sniff (no type, or a generic one such as
// application/octet-stream or application/gzip), !ok a type Dateline does
// not read.
func formatOfContentType(ct string) (string, bool) {
	switch strings.ToLower(ct) {
	case "", "application/octet-stream", "application/gzip", "application/x-gzip":
		return "", true
	case "text/plain":
		return source.FormatText, true
	case "application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return source.FormatJSONL, true
	case "text/csv":
		return source.FormatCSV, true
	case "text/tab-separated-values":
		return source.FormatTSV, true
	case "text/html", "application/xhtml+xml":
		return source.FormatHTML, true
	case "application/x-www-form-urlencoded":
		// What curl --data-binary sends unless told otherwise: the body is
		// whatever file the user gave, so sniff it.
		return "", true
	}
	return "", false
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

// originOf is the origin readers see: the file's base name and line,
// unless the operator asked for full paths (Options.FullOrigins).
func (s *Server) originOf(o graph.Origin) string {
	if !s.origins && o.File != "-" {
		o.File = filepath.Base(o.File)
	}
	return o.String()
}
