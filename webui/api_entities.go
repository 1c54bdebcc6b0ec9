package webui

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"dateline/graph"
	"dateline/graph/names"
	"dateline/graph/query"
	"dateline/graph/store"
	"dateline/timeline"
)

// stats answers GET /api/v1/stats with the same shape as `dateline stats --json`.
func (s *Server) stats(c *gin.Context) {
	st, err := s.st.Stats(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	ents := gin.H{}
	for _, k := range []graph.Kind{graph.Person, graph.Place, graph.Org} {
		ents[k.String()] = st.Entities[k]
	}
	c.JSON(http.StatusOK, gin.H{"articles": st.Articles, "undated": st.Undated, "first_date": st.FirstDate.String(),
		"last_date": st.LastDate.String(), "entities": ents, "mentions": st.Mentions, "quotes": st.Quotes,
		"events": st.Events, "relations": st.Relations})
}

// The typo-tolerant part of search. A slip in a short query matches too
// many names to help, so fuzzy matching starts at fuzzyMinRunes; a long
// name has room for two slips ("Zelenksyy"). The scan reads only the most
// mentioned entities, where a reader's typo almost always points, so that
// a search costs the same on any size of store.
const (
	fuzzyMinRunes     = 4    // shorter queries get prefix matches only
	fuzzyDistance     = 1    // edits allowed against a shorter query
	fuzzyLongRunes    = 7    // queries this long (in runes) allow fuzzyLongDistance edits
	fuzzyLongDistance = 2    // edits allowed against a long query
	fuzzyScan         = 5000 // most mentioned entities scanned at most
	fuzzyPage         = 500  // entities read from the store at a time while scanning
)

// Search result limits.
const (
	searchLimit    = 20  // results when limit= is not given
	maxSearchLimit = 100 // the largest limit= accepted
)

// maxQueryBytes bounds the free-text queries (search's q, quotes' q).
const maxQueryBytes = 200

// search answers GET /api/v1/search?q=&kind=&limit=: names and aliases
// starting with q (any word of them), most mentioned first; when fewer
// than limit match, names within a small edit distance of q follow
// (typo-tolerant: "Zelenksy" finds Zelensky).
func (s *Server) search(c *gin.Context) {
	p := &params{c: c}
	q := strings.TrimSpace(c.Query("q"))
	kinds := p.kinds()
	limit := p.integer("limit", searchLimit, 1, maxSearchLimit)
	if q == "" {
		p.fail("q is required")
	}
	if len(q) > maxQueryBytes {
		p.fail("q is longer than %d bytes", maxQueryBytes)
	}
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	ctx := c.Request.Context()
	page, err := s.st.Entities(ctx, store.EntityQuery{Kinds: kinds, Prefix: q, Limit: limit})
	if err != nil {
		s.fail(c, err)
		return
	}
	items := page.Items
	if len(items) < limit && len([]rune(names.Key(q))) >= fuzzyMinRunes {
		more, err := s.fuzzy(ctx, kinds, names.Key(q), limit-len(items), items)
		if err != nil {
			s.fail(c, err)
			return
		}
		items = append(items, more...)
	}
	out := listJSON[EntityJSON]{Items: []EntityJSON{}}
	for _, e := range items {
		out.Items = append(out.Items, NewEntityJSON(e))
	}
	c.JSON(http.StatusOK, out)
}

// fuzzy scans the fuzzyScan most mentioned entities for a name or alias
// word within fuzzyDistance edits of key (fuzzyLongDistance for a long
// key).
func (s *Server) fuzzy(ctx context.Context, kinds []graph.Kind, key string, n int, have []*store.StoredEntity) ([]*store.StoredEntity, error) {
	seen := map[graph.ID]bool{}
	for _, e := range have {
		seen[e.ID] = true
	}
	maxDist := fuzzyDistance
	if len([]rune(key)) >= fuzzyLongRunes {
		maxDist = fuzzyLongDistance
	}
	var out []*store.StoredEntity
	var after []byte
	for scanned := 0; scanned < fuzzyScan && len(out) < n; {
		page, err := s.st.Entities(ctx, store.EntityQuery{Kinds: kinds, Limit: fuzzyPage, After: after})
		if err != nil {
			return nil, err
		}
		for _, e := range page.Items {
			scanned++
			if seen[e.ID] || !nearName(e, key, maxDist) {
				continue
			}
			seen[e.ID] = true
			out = append(out, e)
			if len(out) == n {
				break
			}
		}
		if page.Next == nil || len(page.Items) == 0 {
			break
		}
		after = page.Next
	}
	return out, nil
}

// nearName reports whether key is within maxDist edits of a name of e, or
// of one of its words, or of the start of one of its names.
func nearName(e *store.StoredEntity, key string, maxDist int) bool {
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		k := names.Key(n)
		cands := append([]string{k}, names.Words(k)...)
		if len(k) > len(key) {
			cands = append(cands, k[:len(key)])
		}
		for _, w := range cands {
			if names.Distance(key, w, maxDist) <= maxDist {
				return true
			}
		}
	}
	return false
}

// entities answers GET /api/v1/entities?kind=&limit=&cursor=: entities
// most mentioned first.
func (s *Server) entities(c *gin.Context) {
	p := &params{c: c}
	q := store.EntityQuery{Kinds: p.kinds(), Limit: p.limit(), After: p.cursor()}
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	page, err := s.st.Entities(c.Request.Context(), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := listJSON[EntityJSON]{Items: []EntityJSON{}}
	for _, e := range page.Items {
		out.Items = append(out.Items, NewEntityJSON(e))
	}
	if len(page.Items) == q.Limit {
		out.Next = encodeCursor(page.Next)
	}
	c.JSON(http.StatusOK, out)
}

// entity answers GET /api/v1/entities/{id}: the profile.
func (s *Server) entity(c *gin.Context) {
	p := &params{c: c}
	id := p.pathID("id")
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	e, err := s.st.Entity(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, NewEntityJSON(e))
}

type mentionJSON struct {
	Article  articleRef `json:"article"`
	Date     string     `json:"date,omitempty"`
	Text     string     `json:"text"`
	Span     spanJSON   `json:"span"`
	Sentence spanJSON   `json:"sentence_span"`
	// SentenceText is the sentence the mention is in, as plain text; the
	// pages escape it when they show it.
	SentenceText string `json:"sentence"`
}

// entityMentions answers GET /api/v1/entities/{id}/mentions?from=&to=&limit=&cursor=:
// the entity's mentions in date order with their sentences.
func (s *Server) entityMentions(c *gin.Context) {
	p := &params{c: c}
	id := p.pathID("id")
	r := p.dateRange()
	limit := p.limit()
	skip := p.integer("cursor", 0, 0, 1<<30)
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	ctx := c.Request.Context()
	if _, err := s.st.Entity(ctx, id); err != nil {
		s.fail(c, err)
		return
	}
	out := listJSON[mentionJSON]{Items: []mentionJSON{}}
	look := query.NewLookup(s.st)
	pg := offsetPage{skip: skip, limit: limit}
	err := s.st.Mentions(ctx, id, withUndated(r), func(m store.StoredMention) error {
		if ok, err := pg.admit(); !ok {
			return err
		}
		a, err := look.Article(ctx, m.Article)
		if err != nil {
			return err
		}
		out.Items = append(out.Items, mentionJSON{Article: articleRefOf(a), Date: a.Date.String(), Text: m.Text,
			Span: spanJSON{m.Span.Start, m.Span.End}, Sentence: spanJSON{m.Sentence.Start, m.Sentence.End},
			SentenceText: m.Sentence.Of(a.Text)})
		return nil
	})
	if err != nil && err != errStop {
		s.fail(c, err)
		return
	}
	out.Next = pg.next
	c.JSON(http.StatusOK, out)
}

// entityArticles answers GET /api/v1/entities/{id}/articles: the articles
// mentioning the entity, newest first, with how often each does.
func (s *Server) entityArticles(c *gin.Context) {
	p := &params{c: c}
	id := p.pathID("id")
	r := p.dateRange()
	limit := p.limit()
	skip := p.integer("cursor", 0, 0, 1<<30)
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	ctx := c.Request.Context()
	if _, err := s.st.Entity(ctx, id); err != nil {
		s.fail(c, err)
		return
	}
	// The mention index read backwards gives the newest articles first,
	// so a page costs its own articles, not all the entity's mentions.
	latest, err := s.st.LatestArticles(ctx, id, withUndated(r), skip+limit+1)
	if err != nil {
		s.fail(c, err)
		return
	}
	type item struct {
		articleRef
		Mentions int `json:"mentions"`
	}
	out := listJSON[item]{Items: []item{}}
	for i := skip; i < len(latest) && len(out.Items) < limit; i++ {
		a, err := s.st.Article(ctx, latest[i].Article)
		if err != nil {
			s.fail(c, err)
			return
		}
		out.Items = append(out.Items, item{articleRefOf(a), latest[i].Mentions})
	}
	if len(latest) > skip+limit {
		out.Next = itoa(skip + limit)
	}
	c.JSON(http.StatusOK, out)
}

// offsetPage cuts one page out of a store scan for the lists whose cursor
// is an offset: it skips the earlier pages and stops the scan when the page
// is full, noting the next cursor.
type offsetPage struct {
	skip, limit int
	seen, kept  int
	next        string
}

// admit reports whether the scan's next item belongs on the page; once the
// page is full it returns errStop, which ends the scan.
func (o *offsetPage) admit() (bool, error) {
	o.seen++
	if o.seen <= o.skip {
		return false, nil
	}
	if o.kept == o.limit {
		o.next = itoa(o.skip + o.limit)
		return false, errStop
	}
	o.kept++
	return true, nil
}

// withUndated includes undated facts when no range is given.
func withUndated(r timeline.Range) timeline.Range {
	if r.From.IsZero() && r.To.IsZero() {
		r.Undated = true
	}
	return r
}
