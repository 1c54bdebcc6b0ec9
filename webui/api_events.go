package webui

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"dateline/graph"
	"dateline/graph/headline"
	"dateline/graph/query"
	"dateline/graph/store"
)

// maxEventReports is how many reports of an event the events list
// carries; timelines carry fewer.
const maxEventReports = 20

type reportJSON struct {
	Article  articleRef `json:"article"`
	Trigger  string     `json:"trigger"`
	Span     spanJSON   `json:"span"`
	Sentence string     `json:"sentence"`
	SentSpan spanJSON   `json:"sentence_span"`
	Date     string     `json:"date,omitempty"`
	Reported bool       `json:"reported"`
	DateFrom string     `json:"date_from,omitempty"` // text, context or related: how the sentence dates it
	Class    string     `json:"class,omitempty"`     // the trigger's TimeML class
	Mode     string     `json:"mode,omitempty"`      // "future": announced or scheduled; "background": recalled
}

type eventJSON struct {
	ID       graph.ID `json:"id,string"`
	Category string   `json:"category"`
	// Label says what happened in a line, from the category and the
	// participants by role (see package headline).
	Label        string       `json:"label"`
	Date         string       `json:"date,omitempty"`
	Precision    string       `json:"precision,omitempty"`
	Reported     bool         `json:"reported"`
	Mode         string       `json:"mode,omitempty"` // "future" when every report announces or schedules it
	Actor        *entityRef   `json:"actor"`
	Target       *entityRef   `json:"target"`
	Place        *entityRef   `json:"place"`
	Participants []entityRef  `json:"participants"`
	Sources      int          `json:"sources"`
	Mentions     int          `json:"mentions"`
	Reports      []reportJSON `json:"reports"`
	// Recalls are the articles recalling the event without a date of
	// their own ("since the invasion"): mentions of it, not reports; they
	// count in Sources and Mentions but neither date nor place it.
	Recalls []reportJSON `json:"recalls"`
}

// eventJSON renders an event with its participants and its first
// maxReports reports and recalls (each with its sentence); Sources and
// Mentions count them all. A happening reported hundreds of times would otherwise cost
// hundreds of article reads.
func eventJSONOf(ctx context.Context, look *query.Lookup, ev *store.StoredEvent, maxReports int) (eventJSON, error) {
	out := eventJSON{ID: ev.ID, Category: ev.Category, Date: ev.Date.String(), Precision: ev.Date.Precision.String(),
		Reported: ev.Reported, Mode: ev.Mode, Sources: ev.Sources(), Mentions: len(ev.Reports) + len(ev.Recalls), Participants: []entityRef{}, Reports: []reportJSON{},
		Recalls: []reportJSON{}}
	ref := func(id graph.ID) *entityRef {
		if id == 0 {
			return nil
		}
		e, err := look.Entity(ctx, id)
		if err != nil {
			return nil
		}
		r := refOf(e)
		return &r
	}
	out.Actor, out.Target, out.Place = ref(ev.Actor), ref(ev.Target), ref(ev.Place)
	for _, id := range ev.ParticipantIDs() {
		if r := ref(id); r != nil {
			out.Participants = append(out.Participants, *r)
		}
	}
	render := func(rs []store.Report, max int) ([]reportJSON, error) {
		out := []reportJSON{}
		for i, r := range rs {
			if i == max {
				break
			}
			a, err := look.Article(ctx, r.Article)
			if err != nil {
				return out, err
			}
			out = append(out, reportJSON{Article: articleRefOf(a), Trigger: r.Trigger, Span: spanJSON{r.Span.Start, r.Span.End},
				Sentence: r.Sentence.Of(a.Text), SentSpan: spanJSON{r.Sentence.Start, r.Sentence.End}, Date: r.Date.String(),
				Reported: r.Reported, DateFrom: r.DateFrom, Class: r.Class, Mode: r.Mode})
		}
		return out, nil
	}
	var err error
	if out.Reports, err = render(ev.Reports, maxReports); err != nil {
		return out, err
	}
	if out.Recalls, err = render(ev.Recalls, maxReports); err != nil {
		return out, err
	}
	out.Label = labelOf(ev, out)
	return out, nil
}

// labelOf writes the event's headline from the names its rendering
// found and, for the fallback, the sentence of its first report.
func labelOf(ev *store.StoredEvent, out eventJSON) string {
	names := map[graph.ID]string{}
	for _, r := range append([]*entityRef{out.Actor, out.Target, out.Place}, refsOf(out.Participants)...) {
		if r != nil {
			names[r.ID] = r.Name
		}
	}
	sentence := ""
	if len(out.Reports) > 0 {
		sentence = out.Reports[0].Sentence
	}
	return headline.Stored(ev, func(id graph.ID) string { return names[id] }, sentence)
}

func refsOf(list []entityRef) []*entityRef {
	out := make([]*entityRef, len(list))
	for i := range list {
		out[i] = &list[i]
	}
	return out
}

// events answers GET /api/v1/events?entity=&category=&from=&to=&limit=&cursor=:
// events in date order, each with its participants, sources and sentences.
func (s *Server) events(c *gin.Context) {
	p := &params{c: c}
	q := store.EventQuery{Entity: p.queryID("entity"), Category: p.oneOf("category", "", graph.EventCategories...),
		Range: p.dateRange(), Limit: p.limit(), After: p.cursor()}
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	ctx := c.Request.Context()
	if err := s.knownEntities(ctx, q.Entity); err != nil {
		s.fail(c, err)
		return
	}
	page, err := s.st.Events(ctx, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := listJSON[eventJSON]{Items: []eventJSON{}, Next: encodeCursor(page.Next)}
	look := query.NewLookup(s.st)
	for _, ev := range page.Items {
		ej, err := eventJSONOf(ctx, look, ev, maxEventReports)
		if err != nil {
			s.fail(c, err)
			return
		}
		out.Items = append(out.Items, ej)
	}
	c.JSON(http.StatusOK, out)
}
