package webui

import (
	"context"
	"net/http"
	"sort"

	"github.com/gin-gonic/gin"

	"dateline/graph"
	"dateline/graph/store"
	"dateline/timeline"
)

// timelineOpts are the parameters every timeline takes.
type timelineOpts struct {
	r       store.DateRange
	by      string // "event" or "published"
	bucket  timeline.Precision
	knownAt timeline.Date
	limit   int
}

func (p *params) timelineOpts() timelineOpts {
	o := timelineOpts{r: p.dateRange()}
	o.by = p.oneOf("by", "event", "event", "published")
	switch p.oneOf("bucket", "week", "day", "week", "month") {
	case "day":
		o.bucket = timeline.Day
	case "week":
		o.bucket = timeline.Week
	default:
		o.bucket = timeline.Month
	}
	o.knownAt = p.date("known_at")
	o.limit = p.integer("limit", 200, 1, maxLimit)
	return o
}

// known reports whether a fact published on day was known at o.knownAt.
func (o timelineOpts) known(day int64) bool {
	if o.knownAt.IsZero() {
		return true
	}
	return day != store.NoDay && day < timeline.DayOf(o.knownAt.End())
}

type bucketJSON struct {
	Date     string `json:"date"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Mentions int64  `json:"mentions"`
	Articles int64  `json:"articles"`
	Quotes   int64  `json:"quotes"`
}

type timelineItem struct {
	Type      string      `json:"type"` // "quote" or "article"
	Date      string      `json:"date"`
	Precision string      `json:"precision"`
	Quote     *quoteJSON  `json:"quote,omitempty"`
	Article   *articleRef `json:"article,omitempty"`
	Mentions  int         `json:"mentions,omitempty"`
	sortDay   int64
}

type laneJSON struct {
	Entity  entityJSON     `json:"entity"`
	Buckets []bucketJSON   `json:"buckets"`
	Items   []timelineItem `json:"items"`
}

// buckets accumulates counts by bucket.
type buckets struct {
	prec  timeline.Precision
	by    map[string]*bucketJSON
	order []string
}

func newBuckets(p timeline.Precision) *buckets {
	return &buckets{prec: p, by: map[string]*bucketJSON{}}
}

func (b *buckets) at(day int64) *bucketJSON {
	d := timeline.At(timeline.FromDay(day), b.prec)
	k := d.String()
	bj := b.by[k]
	if bj == nil {
		bj = &bucketJSON{Date: k, Start: d.Start.Format("2006-01-02"), End: d.End().AddDate(0, 0, -1).Format("2006-01-02")}
		b.by[k] = bj
		b.order = append(b.order, k)
	}
	return bj
}

func (b *buckets) list() []bucketJSON {
	out := make([]bucketJSON, 0, len(b.order))
	for _, k := range b.order {
		out = append(out, *b.by[k])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// lane builds one entity's timeline: mentions and articles by bucket from
// the mention index, and the entity's quotes (as speaker) as items, each
// with its sentence, plus the articles that mention it most.
func (s *Server) lane(ctx context.Context, id graph.ID, o timelineOpts) (*laneJSON, error) {
	e, err := s.st.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	b := newBuckets(o.bucket)
	type art struct {
		day int64
		n   int
	}
	arts := map[graph.ID]*art{}
	err = s.st.Mentions(ctx, id, o.r, func(m store.Mention) error {
		if m.Day == store.NoDay || !o.known(m.Day) {
			return nil
		}
		bj := b.at(m.Day)
		bj.Mentions++
		a := arts[m.Article]
		if a == nil {
			a = &art{day: m.Day}
			arts[m.Article] = a
			bj.Articles++
		}
		a.n++
		return nil
	})
	if err != nil {
		return nil, err
	}
	lane := &laneJSON{Entity: entityOf(e), Items: []timelineItem{}}
	cache := map[graph.ID]*store.StoredArticle{}
	qs, err := s.st.Quotes(ctx, store.QuoteQuery{Speaker: id, Range: o.r, Limit: o.limit})
	if err != nil {
		return nil, err
	}
	for _, q := range qs.Items {
		a, err := s.articleCached(ctx, cache, q.Article)
		if err != nil {
			return nil, err
		}
		pub := timeline.DayOf(a.Date.Start)
		if a.Date.IsZero() || !o.known(pub) {
			continue
		}
		when := q.Date
		if o.by == "published" {
			when = timeline.At(a.Date.Start, timeline.Day)
		}
		b.at(when.Day()).Quotes++
		qj := s.quoteJSON(ctx, q, a)
		lane.Items = append(lane.Items, timelineItem{Type: "quote", Date: when.String(), Precision: when.Precision.String(), Quote: &qj, sortDay: when.Day()})
	}
	// The articles that mention the entity most, so the lane shows where
	// it was in the news even before quotes and events are extracted.
	ids := make([]graph.ID, 0, len(arts))
	for aid := range arts {
		ids = append(ids, aid)
	}
	sort.Slice(ids, func(i, j int) bool {
		if arts[ids[i]].n != arts[ids[j]].n {
			return arts[ids[i]].n > arts[ids[j]].n
		}
		return ids[i] < ids[j]
	})
	for _, aid := range ids {
		if len(lane.Items) >= o.limit {
			break
		}
		a, err := s.articleCached(ctx, cache, aid)
		if err != nil {
			return nil, err
		}
		ref := articleRefOf(a)
		d := timeline.At(a.Date.Start, timeline.Day)
		lane.Items = append(lane.Items, timelineItem{Type: "article", Date: d.String(), Precision: d.Precision.String(),
			Article: &ref, Mentions: arts[aid].n, sortDay: d.Day()})
	}
	sort.SliceStable(lane.Items, func(i, j int) bool { return lane.Items[i].sortDay < lane.Items[j].sortDay })
	lane.Buckets = b.list()
	return lane, nil
}

// entityTimeline answers GET /api/v1/entities/{id}/timeline.
func (s *Server) entityTimeline(c *gin.Context) {
	p := &params{c: c}
	id := p.pathID("id")
	o := p.timelineOpts()
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	lane, err := s.lane(c.Request.Context(), id, o)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"bucket": o.bucket.String(), "by": o.by, "lanes": []*laneJSON{lane}})
}

// timeline answers GET /api/v1/timeline?entity=&entity=…: one lane per
// entity (at most 8), or, with no entity, the whole corpus: articles and
// quotes per bucket.
func (s *Server) timeline(c *gin.Context) {
	p := &params{c: c}
	o := p.timelineOpts()
	var ids []graph.ID
	for _, v := range c.QueryArray("entity") {
		ids = append(ids, p.id("entity", v))
	}
	if len(ids) > 8 {
		p.fail("at most 8 entities can be compared")
	}
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	ctx := c.Request.Context()
	resp := gin.H{"bucket": o.bucket.String(), "by": o.by}
	if len(ids) > 0 {
		var lanes []*laneJSON
		for _, id := range ids {
			l, err := s.lane(ctx, id, o)
			if err != nil {
				s.fail(c, err)
				return
			}
			lanes = append(lanes, l)
		}
		resp["lanes"] = lanes
		c.JSON(http.StatusOK, resp)
		return
	}
	b := newBuckets(o.bucket)
	err := s.st.Articles(ctx, o.r, func(a *store.StoredArticle) error {
		day := timeline.DayOf(a.Date.Start)
		if o.known(day) {
			b.at(day).Articles++
		}
		return nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	qs, err := s.st.Quotes(ctx, store.QuoteQuery{Range: o.r, Limit: 100000, MaxScan: 100000})
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, q := range qs.Items {
		if !q.Date.IsZero() {
			b.at(q.Date.Day()).Quotes++
		}
	}
	resp["buckets"] = b.list()
	resp["lanes"] = []*laneJSON{}
	c.JSON(http.StatusOK, resp)
}
