package webui

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"dateline/graph"
	"dateline/graph/query"
	"dateline/timeline"
)

type stopError struct{}

func (stopError) Error() string { return "stop" }

// errStop ends a store scan early.
var errStop error = stopError{}

func itoa(n int) string { return strconv.Itoa(n) }

func (p *params) window() query.Window {
	return query.Window{Range: p.dateRange(), MinWeight: int64(p.integer("min_weight", 1, 1, 1<<30))}
}

// entityNeighbors answers GET /api/v1/entities/{id}/neighbors?depth=&from=&to=&min_weight=&limit=:
// the entity's neighbourhood with PageRank, betweenness and communities.
func (s *Server) entityNeighbors(c *gin.Context) {
	p := &params{c: c}
	id := p.pathID("id")
	depth := p.integer("depth", 1, 1, 3)
	w := p.window()
	limit := p.integer("limit", 50, 1, 300)
	days := p.boolean("days", true)
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	g, err := query.Neighbourhood(c.Request.Context(), s.st, id, depth, w, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	query.Analyse(g, s.seed)
	c.JSON(http.StatusOK, graphOf(g, days))
}

// graph answers GET /api/v1/graph?from=&to=&limit=&kind=&min_weight=: the
// network of a date window across the corpus, top entities by mentions.
func (s *Server) graph(c *gin.Context) {
	p := &params{c: c}
	kinds := p.kinds()
	w := p.window()
	limit := p.integer("limit", 100, 1, 500)
	days := p.boolean("days", true)
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	g, err := query.Period(c.Request.Context(), s.st, kinds, w, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	query.Analyse(g, s.seed)
	c.JSON(http.StatusOK, graphOf(g, days))
}

type evidenceJSON struct {
	Article  articleRef `json:"article"`
	Date     string     `json:"date,omitempty"`
	Sentence string     `json:"sentence"`
	Span     spanJSON   `json:"sentence_span"`
}

type hopJSON struct {
	Source   entityRef      `json:"source"`
	Target   entityRef      `json:"target"`
	Weight   int64          `json:"weight"`
	Evidence []evidenceJSON `json:"evidence"`
}

type pathJSON struct {
	Entities []entityRef `json:"entities"`
	Hops     []hopJSON   `json:"hops"`
}

// paths answers GET /api/v1/paths?from={id}&to={id}&max_hops=&limit=&since=&until=:
// the shortest chains linking two entities, each hop with its sentences.
func (s *Server) paths(c *gin.Context) {
	p := &params{c: c}
	from, to := p.queryID("from"), p.queryID("to")
	if from == 0 || to == 0 {
		p.fail("from and to (entity IDs) are required")
	} else if from == to {
		p.fail("from and to are the same entity")
	}
	o := query.PathOptions{MaxHops: p.integer("max_hops", 3, 1, 4), Max: p.integer("limit", 5, 1, 20),
		Window: query.Window{Range: timeline.Range{From: p.date("since"), To: p.date("until")}}}
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	ctx := c.Request.Context()
	for _, id := range []graph.ID{from, to} {
		if _, err := s.st.Entity(ctx, id); err != nil {
			s.fail(c, err)
			return
		}
	}
	ps, err := query.Paths(ctx, s.st, from, to, o)
	if err != nil {
		s.fail(c, err)
		return
	}
	look := query.NewLookup(s.st)
	ref := func(id graph.ID) (entityRef, error) {
		e, err := look.Entity(ctx, id)
		if err != nil {
			return entityRef{}, err
		}
		return refOf(e), nil
	}
	out := []pathJSON{}
	for _, pa := range ps {
		pj := pathJSON{}
		for _, id := range pa.Entities {
			r, err := ref(id)
			if err != nil {
				s.fail(c, err)
				return
			}
			pj.Entities = append(pj.Entities, r)
		}
		for _, h := range pa.Hops {
			hj := hopJSON{Weight: h.Weight, Evidence: []evidenceJSON{}}
			hj.Source, _ = ref(h.From)
			hj.Target, _ = ref(h.To)
			for _, ev := range h.Evidence {
				f, err := s.st.ArticleFacts(ctx, ev.Article)
				if err != nil {
					s.fail(c, err)
					return
				}
				a := f.Article
				sent := f.SentenceAt(ev.Sentence)
				hj.Evidence = append(hj.Evidence, evidenceJSON{Article: articleRefOf(a), Date: query.Day(ev.Day),
					Sentence: sent.Of(a.Text), Span: spanJSON{sent.Start, sent.End}})
			}
			pj.Hops = append(pj.Hops, hj)
		}
		out = append(out, pj)
	}
	c.JSON(http.StatusOK, gin.H{"paths": out})
}
