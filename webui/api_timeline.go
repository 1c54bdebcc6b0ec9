package webui

import (
	"context"
	"net/http"
	"sort"
	"strings"

	"github.com/gin-gonic/gin"

	"dateline/graph"
	"dateline/graph/query"
	"dateline/graph/store"
	"dateline/timeline"
)

// timelineOpts are the parameters every timeline takes.
type timelineOpts struct {
	r        timeline.Range
	by       string // "event" or "published"
	bucket   timeline.Precision
	knownAt  timeline.Date
	category string
	limit    int
}

func (p *params) timelineOpts() timelineOpts {
	o := timelineOpts{r: p.dateRange()}
	o.by = p.oneOf("by", "event", "event", "published")
	o.bucket, _ = timeline.ParseBucket(p.oneOf("bucket", "week", "day", "week", "month")) // oneOf returns one of the three
	o.knownAt = p.date("known_at")
	o.category = p.oneOf("category", "", graph.EventCategories...)
	o.limit = p.integer("limit", 200, 1, maxLimit)
	return o
}

// bucketJSON is a timeline.Bucket with the first and last days of its
// period.
type bucketJSON struct {
	Date     string `json:"date"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Mentions int64  `json:"mentions"`
	Articles int64  `json:"articles"`
	Quotes   int64  `json:"quotes"`
	Events   int64  `json:"events"`
}

type timelineItem struct {
	Type      string      `json:"type"` // "event", "quote" or "article"
	Date      string      `json:"date"`
	Precision string      `json:"precision"`
	Reported  bool        `json:"reported,omitempty"`
	Event     *eventJSON  `json:"event,omitempty"`
	Quote     *quoteJSON  `json:"quote,omitempty"`
	Article   *articleRef `json:"article,omitempty"`
	Mentions  int         `json:"mentions,omitempty"`
	sortDay   int64
}

// timelineItemOf renders an event or quote item.
func (s *Server) timelineItemOf(ctx context.Context, look *query.Lookup, it query.Item) (timelineItem, error) {
	ti := timelineItem{Date: it.Date.String(), Precision: it.Date.Precision.String(), Reported: it.Reported, sortDay: it.Date.Day()}
	if it.Event != nil {
		ej, err := eventJSONOf(ctx, look, it.Event, 3)
		if err != nil {
			return ti, err
		}
		ti.Type, ti.Event = "event", &ej
		return ti, nil
	}
	a, err := look.Article(ctx, it.Quote.Article)
	if err != nil {
		return ti, err
	}
	qj := quoteJSONOf(ctx, look, it.Quote, a)
	// Lanes carry many quotes: keep each short (transcripts can run to
	// thousands of characters) and leave the sentence to the quote's own
	// view; the span still leads to it.
	qj.Text, qj.SentenceText = clip(qj.Text, 400), ""
	ti.Type, ti.Quote = "quote", &qj
	return ti, nil
}

type laneJSON struct {
	Entity  EntityJSON     `json:"entity"`
	Buckets []bucketJSON   `json:"buckets"`
	Items   []timelineItem `json:"items"`
	// Window is where the lane's items are, for views given no dates;
	// null for an empty lane.
	Window *windowJSON `json:"window"`
}

// bucketsJSON renders buckets with the first and last days of each period.
func bucketsJSON(b *timeline.Buckets) []bucketJSON {
	list := b.List()
	out := make([]bucketJSON, 0, len(list))
	for _, bk := range list {
		d := bk.Date
		out = append(out, bucketJSON{Date: d.String(), Start: d.Start.Format("2006-01-02"), End: d.End().AddDate(0, 0, -1).Format("2006-01-02"),
			Mentions: bk.Mentions, Articles: bk.Articles, Quotes: bk.Quotes, Events: bk.Events})
	}
	return out
}

// lane builds one entity's timeline: mentions and articles by bucket from
// the per-day counts, the entity's events and quotes as items, and its
// latest articles, so that the lane shows where it was in the news even
// when nothing was extracted about it.
func (s *Server) lane(ctx context.Context, id graph.ID, o timelineOpts) (*laneJSON, error) {
	e, err := s.st.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	b := timeline.NewBuckets(o.bucket)
	r := o.r.Until(o.knownAt) // mentions are dated by publication
	err = s.st.MentionDays(ctx, id, r, func(day, mentions, articles int64) error {
		bk := b.At(day)
		bk.Mentions += mentions
		bk.Articles += articles
		return nil
	})
	if err != nil {
		return nil, err
	}
	lane := &laneJSON{Entity: NewEntityJSON(e), Items: []timelineItem{}}
	look := query.NewLookup(s.st)
	items, err := query.Timeline(ctx, s.st, query.TimelineQuery{Entities: []graph.ID{id}, Range: o.r,
		ByPublished: o.by == "published", KnownAt: o.knownAt, Category: o.category, Quotes: true, Limit: o.limit})
	if err != nil {
		return nil, err
	}
	query.Count(b, items)
	for _, it := range items {
		ti, err := s.timelineItemOf(ctx, look, it)
		if err != nil {
			return nil, err
		}
		lane.Items = append(lane.Items, ti)
	}
	latest, err := s.st.LatestArticles(ctx, id, r, min(latestArticles, o.limit))
	if err != nil {
		return nil, err
	}
	for _, la := range latest {
		a, err := look.Article(ctx, la.Article)
		if err != nil {
			return nil, err
		}
		ref := articleRefOf(a)
		d := timeline.At(a.Date.Start, timeline.Day)
		lane.Items = append(lane.Items, timelineItem{Type: "article", Date: d.String(), Precision: d.Precision.String(),
			Article: &ref, Mentions: la.Mentions, sortDay: d.Day()})
	}
	sort.SliceStable(lane.Items, func(i, j int) bool { return lane.Items[i].sortDay < lane.Items[j].sortDay })
	lane.Buckets = bucketsJSON(b)
	lane.Window = windowOf(lane.Items, lane.Buckets)
	return lane, nil
}

// latestArticles is how many of an entity's latest articles a lane lists.
const latestArticles = 20

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
	b := timeline.NewBuckets(o.bucket)
	err := s.st.Articles(ctx, o.r, func(a *store.StoredArticle) error {
		if timeline.KnownAt(a.Date, o.knownAt) {
			b.At(timeline.DayOf(a.Date.Start)).Articles++
		}
		return nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	items, err := query.Timeline(ctx, s.st, query.TimelineQuery{Range: o.r, ByPublished: o.by == "published",
		KnownAt: o.knownAt, Category: o.category, Quotes: true, Limit: 1 << 20})
	if err != nil {
		s.fail(c, err)
		return
	}
	query.Count(b, items)
	resp["buckets"] = bucketsJSON(b)
	resp["lanes"] = []*laneJSON{}
	c.JSON(http.StatusOK, resp)
}

// clip shortens s to at most n runes, ending with "…" when it cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}
